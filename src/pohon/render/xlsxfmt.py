"""Excel workbooks of findings and matrices, ready to filter and to print.

``pohon check --format xlsx -o temuan.xlsx`` writes the findings: a ``Temuan`` sheet with one
row per finding (file, place: line or ``sheet!cell``, code, severity, OPD, level, kode, name,
message, saran), frozen header, filters, the severity coloured, A4 landscape fitted to the
page width; a ``Ringkasan`` sheet with the counts per file. A file that could not be read
gives one row per problem (its PK0xx code, severity error), as in the CSV. Every text is a
text cell: Excel never runs a name beginning with ``=`` as a formula.

``pohon matrix ... --format xlsx`` writes a matrix (:func:`matrix_workbook`): rows × columns
with the count of nodes per cell and, beside it, the pagu of the chosen year.

openpyxl is imported when a workbook is written (the ``excel`` extra).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pohon.findings import Lang, Report
from pohon.io import LoadError
from pohon.io.workbook.package import text_cell
from pohon.render._common import problems

Results = Report | LoadError | Iterable[Report | LoadError]

_HEADERS = {
    "id": (
        "Berkas",
        "Letak",
        "Kode aturan",
        "Tingkat",
        "OPD",
        "Level",
        "Kode",
        "Nama",
        "Node",
        "Indikator",
        "Pesan",
        "Saran",
    ),
    "en": (
        "File",
        "Place",
        "Rule",
        "Severity",
        "OPD",
        "Level",
        "Kode",
        "Name",
        "Node",
        "Indicator",
        "Message",
        "Hint",
    ),
}
_WIDTHS = (24, 16, 10, 10, 14, 14, 18, 40, 18, 14, 70, 50)
_FILLS = {"error": "F8D7DA", "warning": "FFF3CD", "info": "D1ECF1"}


def _place(record: dict[str, Any]) -> str:
    if record.get("sheet"):
        return str(record["sheet"]) + (f"!{record['cell']}" if record.get("cell") else "")
    if record.get("line") is not None:
        line = str(record["line"])
        return line + (f":{record['column']}" if record.get("column") is not None else "")
    return ""


def _items(results: Results) -> list[Report | LoadError]:
    if isinstance(results, Report | LoadError):
        return [results]
    return list(results)


def text_row(sheet: Any, values: Sequence[Any]) -> None:
    """Append a row whose texts are text cells (never formulas)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    row: list[Any] = []
    for value in values:
        if isinstance(value, str):
            # A report, not the plan: a control character an Excel cell cannot hold is shown
            # as a space, a text too long for a cell is cut with a mark.
            value = ILLEGAL_CHARACTERS_RE.sub(" ", value)
            if len(value) > 32_000:
                value = value[:32_000] + "…"
        row.append(text_cell(sheet, value))
    sheet.append(row)


def _style_sheet(sheet: Any, widths: Sequence[int]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for k, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(k)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def render_xlsx(results: Results, *, lang: Lang = "id") -> bytes:
    """Reports (and load errors) as a findings workbook (``.xlsx`` bytes)."""
    import openpyxl
    from openpyxl.styles import Alignment, PatternFill

    from pohon.render.csvfmt import csv_records

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Temuan" if lang == "id" else "Findings"
    sheet.append(list(_HEADERS[lang]))
    wrap = Alignment(wrap_text=True, vertical="top")
    items = _items(results)
    for record in csv_records(items, lang=lang):
        text_row(
            sheet,
            [
                record.get("file"),
                _place(record),
                record.get("code"),
                record.get("severity"),
                record.get("opd"),
                record.get("level"),
                record.get("kode"),
                record.get("name"),
                record.get("node"),
                record.get("indicator"),
                record.get("message"),
                record.get("hint"),
            ],
        )
        row = sheet.max_row
        fill = _FILLS.get(str(record.get("severity")))
        if fill is not None:
            sheet.cell(row, 4).fill = PatternFill("solid", fgColor=fill)
        for k in (8, 11, 12):
            sheet.cell(row, k).alignment = wrap
    _style_sheet(sheet, _WIDTHS)

    summary = book.create_sheet("Ringkasan" if lang == "id" else "Summary")
    heads = (
        ("Berkas", "Rencana", "Node", "error", "warning", "info", "Terbaca")
        if lang == "id"
        else ("File", "Plan", "Nodes", "error", "warning", "info", "Read")
    )
    summary.append(list(heads))
    yes, no = ("ya", "tidak") if lang == "id" else ("yes", "no")
    for item in items:
        if isinstance(item, Report):
            counts = {s: 0 for s in ("error", "warning", "info")}
            for d in item:
                counts[d.severity] += 1
            text_row(
                summary,
                [
                    item.file,
                    item.plan,
                    item.nodes,
                    counts["error"],
                    counts["warning"],
                    counts["info"],
                    yes,
                ],
            )
        else:
            count = sum(1 for _ in problems([item]))
            text_row(summary, [item.file, None, None, count, 0, 0, no])
    _style_sheet(summary, (30, 30, 8, 8, 8, 8, 8))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def matrix_workbook(
    matrix: Any,
    *,
    lang: Lang = "id",
    title: str | None = None,
    row_heading: str | None = None,
) -> bytes:
    """A :class:`~pohon.analysis.Matrix` as a workbook (``.xlsx`` bytes): the count of nodes
    per cell, one sheet of pagu per year the cells carry, and the gaps with their codes."""
    import openpyxl
    from openpyxl.styles import Alignment, Font

    book = openpyxl.Workbook()
    years = sorted({year for cell in matrix.cells for year in cell.pagu})
    counts = {(c.row, c.column): c for c in matrix.cells}
    heading = row_heading or ("Baris" if lang == "id" else "Row")
    total_word = "Jumlah" if lang == "id" else "Total"
    sheets: list[tuple[str, int | None]] = [("Node" if lang == "id" else "Nodes", None)]
    sheets += [(f"Pagu {year}", year) for year in years]
    first = True
    for name, year in sheets:
        sheet = book.active if first else book.create_sheet()
        first = False
        sheet.title = name
        text_row(sheet, [heading, *[c.label for c in matrix.columns], total_word])
        for header in matrix.rows:
            values: list[Any] = []
            for column in matrix.columns:
                cell = counts.get((header.id, column.id))
                if cell is None:
                    values.append(None)
                elif year is None:
                    values.append(cell.count)
                else:
                    values.append(cell.pagu.get(year))
            numbers = [v for v in values if isinstance(v, int | float)]
            text_row(sheet, [header.label, *values, sum(numbers) if numbers else None])
        _style_sheet(sheet, (50, *([12] * len(matrix.columns)), 14))
        sheet.freeze_panes = "B2"
        for row in sheet.iter_rows(min_row=1, max_row=1, min_col=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top", text_rotation=90)
        if year is not None:
            for row in sheet.iter_rows(min_row=2, min_col=2):
                for cell in row:
                    cell.number_format = "#,##0"
        sheet.insert_rows(1)
        sheet["A1"] = title or matrix.title
        sheet["A1"].font = Font(bold=True, size=12)
        sheet.print_title_rows = "2:2"
        sheet.freeze_panes = "B3"
        sheet.auto_filter.ref = None
    gaps = book.create_sheet("Celah" if lang == "id" else "Gaps")
    gap_heads = (
        ("Kode aturan", "Tingkat", "Node", "Pesan", "Saran")
        if lang == "id"
        else ("Rule", "Severity", "Node", "Message", "Hint")
    )
    gaps.append(list(gap_heads))
    for d in matrix.gaps:
        text_row(gaps, [d.code, d.severity, d.node, d.message, d.hint])
    _style_sheet(gaps, (10, 10, 18, 80, 60))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def table_workbook(
    sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[Any]], Mapping[int, str]]],
    *,
    title: str | None = None,
) -> bytes:
    """Tables as a workbook (``.xlsx`` bytes): per sheet its name, headers, rows and the
    number format of some columns (by 0-based position, ``"0.00"``, ``"#,##0"``). Texts are
    text cells, headers frozen and filtered, A4 landscape; ``title`` goes into the
    workbook's properties."""
    import openpyxl

    book = openpyxl.Workbook()
    if title:
        book.properties.title = title[:250]
    first = True
    for name, headers, rows, formats in sheets:
        sheet = book.active if first else book.create_sheet()
        first = False
        sheet.title = name[:31]
        text_row(sheet, list(headers))
        for row in rows:
            text_row(sheet, list(row))
        for position, number_format in formats.items():
            for (cell,) in sheet.iter_rows(min_row=2, min_col=position + 1, max_col=position + 1):
                cell.number_format = number_format
        widths = [
            min(60, max([len(str(h)) for h in headers[k : k + 1]] + [10]) + 2)
            for k in range(len(headers))
        ]
        _style_sheet(sheet, widths)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
