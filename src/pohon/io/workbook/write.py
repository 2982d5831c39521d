"""Writing a plan, or an empty template, as a template workbook."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

from pohon.findings import UsageError
from pohon.io.workbook.layout import (
    _ALIGN,
    _CROSS,
    _IGNORED_PREFIX,
    _INDICATOR,
    _NODE,
    _NODE_YEARLY,
    _OPD,
    _PAGU,
    MEASURES,
    NO,
    PLAN_KEYS,
    POLARITIES,
    RANGE_WORD,
    STATUSES,
    TABLES,
    YES,
    Column,
)
from pohon.io.workbook.package import _letter, _openpyxl, _short, text_cell
from pohon.model import BUILTIN_SCHEMES, Plan


def _years_of(plan: Plan | None, key: str) -> list[int]:
    """The years of the plan's period, and any other year the plan writes under ``key``."""
    if plan is None:
        return []
    years = set(plan.period.years)
    for node in plan.nodes:
        if key in _NODE_YEARLY:
            years.update(getattr(node, key))
        else:
            for ind in node.indicators:
                years.update(getattr(ind, key))
    return sorted(years)


def _value_cell(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return f"{_number_text(value[0])} {RANGE_WORD} {_number_text(value[1])}"
    return value


def _number_text(value: Any) -> str:
    return repr(value) if isinstance(value, float) else str(value)


class WorkbookWriteError(UsageError):
    """A plan holds a text that an Excel cell cannot hold (longer than 32,767 characters,
    or with a control character): writing it would change it, so it is not written."""


MAX_CELL_TEXT = 32_767
"""The most characters an Excel cell holds."""


def _append(sheet: Any, values: Sequence[Any]) -> None:
    """One row; every text is a text cell, so that Excel never runs one as a formula (a
    name beginning with ``=``, ``+``, ``-`` or ``@`` is kept as written). A text a cell
    cannot hold is refused (:class:`WorkbookWriteError`), never cut."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    row: list[Any] = []
    for k, value in enumerate(values, start=1):
        if isinstance(value, str) and (
            len(value) > MAX_CELL_TEXT or ILLEGAL_CHARACTERS_RE.search(value)
        ):
            cell = f"{sheet.title}!{_letter(k)}{sheet.max_row + 1}"
            why, why_en = (
                (
                    f"lebih dari {MAX_CELL_TEXT:,} karakter".replace(",", "."),
                    f"more than {MAX_CELL_TEXT:,} characters",
                )
                if len(value) > MAX_CELL_TEXT
                else ("berisi karakter kendali", "holds a control character")
            )
            raise WorkbookWriteError(
                f"teks untuk sel {cell} {why}, yang tidak bisa disimpan sel Excel; "
                f"tidak ditulis agar tidak berubah ({_short(value, 60)!r}); simpan sebagai YAML",
                f"the text for cell {cell} {why_en}, which an Excel cell cannot hold; not "
                f"written, so that it is not changed ({_short(value, 60)!r}); save it as YAML",
            )
        row.append(text_cell(sheet, value))
    sheet.append(row)


def _joined(values: Sequence[str]) -> str | None:
    return "; ".join(values) if values else None


def write_workbook(plan: Plan | None, *, years: Sequence[int] = ()) -> bytes:
    """The plan as a template workbook (``.xlsx`` bytes); with ``plan=None`` an empty
    template whose year columns are ``years``.

    >>> import pohon, io, openpyxl
    >>> data = write_workbook(pohon.example("mojokerto"))
    >>> openpyxl.load_workbook(io.BytesIO(data), read_only=True).sheetnames[:3]
    ['Petunjuk', 'Rencana', 'OPD']
    """
    openpyxl = _openpyxl()
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = openpyxl.Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")

    def years_for(key: str) -> list[int]:
        found = _years_of(plan, key)
        return found or list(years)

    sheet_columns: dict[str, list[tuple[Column | None, str, str]]] = {}
    for table in TABLES:
        cols: list[tuple[Column | None, str, str]] = [(c, c.header, c.key) for c in table.columns]
        for yearly in table.yearly:
            cols += [
                (None, f"{yearly.word} {y}", f"{yearly.key}:{y}") for y in years_for(yearly.key)
            ]
        cols += [(c, c.header, c.key) for c in table.tail]
        sheet_columns[table.name] = cols

    # Petunjuk: every column explained.
    guide = book.create_sheet("Petunjuk")
    guide.append(["Lembar", "Kolom", "Wajib", "Isi", "Contoh"])
    guide.append(["Rencana", "Kunci / Isi", "", "Kepala rencana: satu baris per kunci.", ""])
    for key, _, help_text, required, example in PLAN_KEYS:
        guide.append(["Rencana", key, YES if required else "", help_text, example])
    guide.append(["Rencana", "meta.KUNCI", "", "Keterangan tambahan rencana (teks).", ""])
    for table in TABLES:
        guide.append([table.name, "", "", table.help, ""])
        for c in table.columns:
            guide.append([table.name, c.header, YES if c.required else "", c.help, c.example])
        for yearly in table.yearly:
            guide.append([table.name, f"{yearly.word} TAHUN", "", yearly.help, yearly.example])
        for c in table.tail:
            guide.append([table.name, c.header, YES if c.required else "", c.help, c.example])
    guide.append(
        [
            "(semua)",
            "",
            "",
            f"Lembar yang namanya diawali '{_IGNORED_PREFIX}' tidak dibaca: pakai untuk catatan "
            "sendiri. Sel teks yang diawali = + - @ ditulis sebagai teks, tidak pernah "
            "dijalankan sebagai rumus.",
            "",
        ]
    )
    for cell in guide[1]:
        cell.font = bold
        cell.fill = head_fill
    for letter, width in zip("ABCDE", (14, 20, 8, 80, 30), strict=True):
        guide.column_dimensions[letter].width = width
    for row in guide.iter_rows(min_row=2):
        row[3].alignment = wrap
    guide.freeze_panes = "A2"

    # Rencana: key and value rows.
    info = book.create_sheet("Rencana")
    info.append(["Kunci", "Isi"])
    frameworks: list[str] = []
    if plan is not None:
        head = plan.info
        scheme = head.scheme
        scheme_text = scheme if isinstance(scheme, str) else scheme.model_dump_json(by_alias=True)
        frameworks = list(head.frameworks)
        values: dict[str, Any] = {
            "format": plan.format,
            "id": head.id,
            "name": head.name,
            "pemda": head.pemda,
            "start": head.period.start,
            "end": head.period.end,
            "frameworks": _joined(head.frameworks),
            "scheme": scheme_text,
            "notes": head.notes,
        }
    else:
        values = {"format": 1, "scheme": "kota"}
        if years:
            values["start"], values["end"] = min(years), max(years)
    for key, model_key, *_ in PLAN_KEYS:
        value = values.get(model_key)
        _append(info, [key, value])
    if plan is not None:
        for key, value in plan.info.meta.items():
            _append(info, [f"meta.{key}", value])
    for cell in info[1]:
        cell.font = bold
        cell.fill = head_fill
    info.column_dimensions["A"].width = 16
    info.column_dimensions["B"].width = 60
    for row in info.iter_rows(min_row=2, min_col=2, max_col=2):
        row[0].number_format = "@"
    info.freeze_panes = "A2"

    rows: dict[str, list[list[Any]]] = {t.name: [] for t in TABLES}
    if plan is not None:
        _plan_rows(plan, rows, sheet_columns)

    for table in TABLES:
        sheet = book.create_sheet(table.name)
        cols = sheet_columns[table.name]
        sheet.append([header for _, header, _ in cols])
        for values_row in rows[table.name]:
            _append(sheet, values_row)
        for k, (column, _, _) in enumerate(cols, start=1):
            letter = get_column_letter(k)
            sheet.column_dimensions[letter].width = column.width if column else 14
            if column is not None and column.text:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=k, max_col=k):
                    cell.number_format = "@"
        for cell in sheet[1]:
            cell.font = bold
            cell.fill = head_fill
        sheet.freeze_panes = "B2" if table.name != _OPD.name else "A2"
        sheet.auto_filter.ref = sheet.dimensions

    # Daftar: the lists behind the drop-downs.
    lists = book.create_sheet("Daftar")
    scheme_levels = _scheme_levels(plan)
    items = _framework_items(frameworks)
    opds = [o.id for o in plan.opds] if plan is not None else []
    list_columns = (
        ("Level", scheme_levels),
        ("OPD", opds),
        ("Butir kerangka", items),
        ("Jenis", list(MEASURES.values())),
        ("Polaritas", list(POLARITIES.values())),
        ("Status", list(STATUSES)),
        ("Ya/Tidak", [YES, NO]),
    )
    lists.append([name for name, _ in list_columns])
    longest = max(len(v) for _, v in list_columns)
    for i in range(longest):
        _append(
            lists,
            [values_list[i] if i < len(values_list) else None for _, values_list in list_columns],
        )
    for cell in lists[1]:
        cell.font = bold
        cell.fill = head_fill
    for k in range(1, len(list_columns) + 1):
        lists.column_dimensions[get_column_letter(k)].width = 24
    lists.freeze_panes = "A2"

    def validate(sheet_name: str, key: str, list_index: int, count: int) -> None:
        cols = sheet_columns[sheet_name]
        k = next((i for i, (_, _, kk) in enumerate(cols, start=1) if kk == key), None)
        if k is None:
            return
        letter = get_column_letter(list_index)
        source = f"Daftar!${letter}$2:${letter}${max(count + 1, 2) + 200}"
        rule = DataValidation(type="list", formula1=source, allow_blank=True)
        rule.error = "Pilih dari daftar di lembar Daftar"
        rule.errorTitle = "Nilai tidak dikenal"
        rule.showErrorMessage = False  # a warning in the check, not a refusal in Excel
        column_letter = get_column_letter(k)
        rule.add(f"{column_letter}2:{column_letter}1048576")
        book[sheet_name].add_data_validation(rule)

    validate(_NODE.name, "level", 1, len(scheme_levels))
    validate(_NODE.name, "opd", 2, len(opds))
    validate(_CROSS.name, "opd", 2, len(opds))
    validate(_ALIGN.name, "ref", 3, len(items))
    validate(_INDICATOR.name, "measure", 4, len(MEASURES))
    validate(_INDICATOR.name, "polarity", 5, len(POLARITIES))
    validate(_CROSS.name, "status", 6, len(STATUSES))
    validate(_INDICATOR.name, "cumulative", 7, 2)
    validate(_INDICATOR.name, "iku", 7, 2)

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _scheme_levels(plan: Plan | None) -> list[str]:
    if plan is None:
        return list(BUILTIN_SCHEMES["kota"].level_ids)
    return list(plan.scheme.level_ids)


def _framework_items(frameworks: Sequence[str]) -> list[str]:
    from pohon.io.frameworks import builtin_frameworks

    known = builtin_frameworks()
    names = list(frameworks) or sorted(known)
    return [f"{fw}:{item.id}" for fw in names if fw in known for item in known[fw].items]


def _plan_rows(
    plan: Plan,
    rows: dict[str, list[list[Any]]],
    sheet_columns: Mapping[str, list[tuple[Column | None, str, str]]],
) -> None:
    def keys(sheet: str) -> list[str]:
        return [key for _, _, key in sheet_columns[sheet]]

    for opd in plan.opds:
        data = {
            "id": opd.id,
            "name": opd.name,
            "kode": opd.kode,
            "singkatan": opd.singkatan,
            "notes": opd.notes,
        }
        rows[_OPD.name].append([data.get(k) for k in keys(_OPD.name)])
    node_keys = keys(_NODE.name)
    ind_keys = keys(_INDICATOR.name)
    pagu_keys = keys(_PAGU.name)
    for node in plan.nodes:
        weights = [p.weight for p in node.parents]
        data = {
            "id": node.id,
            "level": node.level,
            "name": node.name,
            "parents": _joined([p.id for p in node.parents]),
            "weights": "; ".join("" if w is None else _number_text(w) for w in weights)
            if any(w is not None for w in weights)
            else None,
            "opd": node.opd,
            "kode": node.kode,
            "notes": node.notes,
        }
        rows[_NODE.name].append([data.get(k) for k in node_keys])
        for ind in node.indicators:
            base = ind.baseline
            idata: dict[str, Any] = {
                "node": node.id,
                "id": ind.id,
                "name": ind.name,
                "satuan": ind.satuan,
                "measure": MEASURES[ind.measure],
                "scale": _joined(ind.scale) if ind.scale is not None else None,
                "polarity": POLARITIES[ind.polarity],
                "cumulative": YES if ind.cumulative else NO,
                "iku": YES if ind.iku else NO,
                "baseline_year": base.year if base is not None else None,
                "baseline_value": base.value if base is not None else None,
                "definisi": ind.definisi,
                "formula": ind.formula,
                "sumber_data": ind.sumber_data,
                "penanggung_jawab": ind.penanggung_jawab,
                "notes": ind.notes,
            }
            for yearly in _INDICATOR.yearly:
                for year, value in getattr(ind, yearly.key).items():
                    idata[f"{yearly.key}:{year}"] = value
            rows[_INDICATOR.name].append([_value_cell(idata.get(k)) for k in ind_keys])
        if node.pagu or node.realisasi_anggaran:
            pdata: dict[str, Any] = {"node": node.id}
            for yearly in _PAGU.yearly:
                for year, value in getattr(node, yearly.key).items():
                    pdata[f"{yearly.key}:{year}"] = value
            rows[_PAGU.name].append([_value_cell(pdata.get(k)) for k in pagu_keys])
        for ref in node.aligns:
            rows[_ALIGN.name].append([node.id, ref])
        for decl in node.crosscutting:
            rows[_CROSS.name].append(
                [
                    node.id,
                    decl.opd,
                    decl.agency,
                    decl.status,
                    decl.note,
                ]
            )
