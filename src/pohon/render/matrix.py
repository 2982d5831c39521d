"""Matrices as a terminal table, JSON, CSV or a self-contained HTML page.

The analyses report in one shape, :class:`pohon.analysis.Matrix` (rows × columns, the
non-empty cells, the gaps); this module only decides how it looks:

- ``text``: a fixed-width table: one row per framework item or sasaran, one column per OPD
  (headed by its id, with a legend of names below), a count per cell (blank when empty), the
  total per row, then the gaps one per line. The alignment matrix also shows each item's
  coverage and groups the items by framework.
- ``json``: exactly :meth:`Matrix.to_dict` (rows, columns, cells, gaps, title), keys sorted,
  text kept as written.
- ``csv``: one table, one line per row: ``id``, ``label``, a count per column id, ``total``.
  Text that a spreadsheet would read as a formula is neutralised.
- ``html``: a complete page with inline CSS; every label is escaped.

The matrix of an OPD-only plan (a Renstra without its RPJMD, :attr:`Matrix.opd_only`)
opens, in text and HTML, with a note saying why its rows are empty or its coverage is not
judged (:func:`opd_only_note`); its JSON carries ``"opd_only": true``.

>>> import pohon
>>> from pohon.render.matrix import render_crosscutting
>>> text = render_crosscutting(pohon.crosscutting(pohon.example("mojokerto")))
>>> print(text.splitlines()[0])
Matriks crosscutting: kota-mojokerto-2025-2029-ilustratif
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from html import escape
from typing import Any, Literal

from pohon.analysis import AlignmentResult, CrosscuttingResult, Header, Matrix
from pohon.findings import Diagnostic, spreadsheet_safe
from pohon.findings.catalogue import display
from pohon.render._common import Lang, one_line

MatrixFormat = Literal["text", "json", "csv", "html"]
FORMATS: tuple[MatrixFormat, ...] = ("text", "json", "csv", "html")

LABEL_WIDTH = 46
"""Row labels longer than this are cut (with …) in the text table."""

_WORDS: dict[str, tuple[str, str]] = {
    "alignment_title": ("Matriks keselarasan: {plan}", "Alignment matrix: {plan}"),
    "crosscutting_title": ("Matriks crosscutting: {plan}", "Crosscutting matrix: {plan}"),
    "item": ("Butir kerangka", "Framework item"),
    "sasaran": ("Sasaran", "Objective"),
    "row": ("Baris", "Row"),
    "coverage": ("Cakupan", "Coverage"),
    "total": ("Jumlah", "Total"),
    "columns": ("Kolom", "Columns"),
    "gaps": ("Celah", "Gaps"),
    "no_gaps": ("Celah: tidak ada", "Gaps: none"),
    "no_rows": ("(tidak ada baris)", "(no rows)"),
    "opd_only_crosscutting": (
        "Rencana ini hanya memuat Renstra OPD, tanpa node tingkat Pemda. Baris matriks ini "
        "adalah sasaran Pemda dari RPJMD, yang ada di berkas lain, sehingga matriks ini tidak "
        "punya baris dan celah crosscutting (PK401, PK402, PK405, PK408) tidak dinilai. Untuk "
        "matriks ini, periksa berkas yang memuat node RPJMD dan Renstra bersama.",
        "This plan holds only an OPD's Renstra, with no Pemda-level node. The rows of this "
        "matrix are the Pemda's sasaran from the RPJMD, which is in another file, so the "
        "matrix has no rows and the crosscutting gaps (PK401, PK402, PK405, PK408) are not "
        "judged. For this matrix, check a file holding the RPJMD and Renstra nodes together.",
    ),
    "opd_only_alignment": (
        "Rencana ini hanya memuat Renstra OPD, tanpa node tingkat Pemda. Node OPD mewarisi "
        "keselarasan dari tujuan dan sasaran RPJMD, yang ada di berkas lain: di sini hanya "
        "keselarasan yang ditulis langsung pada node OPD yang terhitung, dan cakupan kosong "
        "tidak berarti butir itu tidak didukung RPJMD (PK304, PK306, PK307 tidak dinilai). "
        "Untuk matriks ini, periksa berkas yang memuat node RPJMD dan Renstra bersama.",
        "This plan holds only an OPD's Renstra, with no Pemda-level node. OPD nodes inherit "
        "their alignment from the RPJMD's tujuan and sasaran, which are in another file: only "
        "alignments written on the OPD nodes themselves count here, and an empty coverage "
        "does not mean the RPJMD leaves the item unsupported (PK304, PK306, PK307 are not "
        "judged). For this matrix, check a file holding the RPJMD and Renstra nodes together.",
    ),
    "pemda": ("Pemda (node tingkat Pemda, tanpa OPD)", "Pemda (Pemda-level nodes, no OPD)"),
    "supported": ("{n} dari {total} butir didukung", "{n} of {total} items supported"),
    "through": ("hanya lewat crosswalk", "reached only through crosswalks"),
    "mark": (
        "* kerangka yang dicapai hanya lewat crosswalk, tidak disebut di rencana",
        "* framework reached only through crosswalks, not named in the plan",
    ),
    "legend": (
        "Cakupan: langsung = ada node yang selaras langsung; turunan = hanya lewat "
        "keselarasan induknya; crosswalk = hanya lewat crosswalk dari kerangka lain; "
        "kosong = tidak didukung",
        "Coverage: direct = a node aligns to it; inherited = only through a parent's "
        "alignment; crosswalk = only through a crosswalk from another framework; "
        "none = not supported",
    ),
    "cell_nodes": ("{count} node: {nodes}", "{count} nodes: {nodes}"),
    "unknown_framework": (
        "Kerangka {framework!r} disebut di rencana tetapi tidak dikenal pohon; keselarasan "
        "dengannya tidak dihitung",
        "Framework {framework!r} is named in the plan but unknown to pohon; alignment with it "
        "is not counted",
    ),
}

COVERAGE_WORDS: dict[str, tuple[str, str]] = {
    "direct": ("langsung", "direct"),
    "inherited": ("turunan", "inherited"),
    "crosswalk": ("crosswalk", "crosswalk"),
    "none": ("kosong", "none"),
}
"""How each coverage value of the alignment analysis is written, Indonesian and English."""


def _w(key: str, lang: Lang, **values: Any) -> str:
    text = _WORDS[key][0 if lang == "id" else 1]
    return text.format(**values) if values else text


def _coverage_word(value: Any, lang: Lang) -> str:
    words = COVERAGE_WORDS.get(str(value))
    if words is None:
        return str(value)
    return words[0 if lang == "id" else 1]


# -- building the matrices -------------------------------------------------------------------


def with_findings(matrix: Matrix, findings: Iterable[Diagnostic]) -> Matrix:
    """``matrix`` with ``findings`` (a check's diagnostics of the matrix's family) as its gaps.

    >>> import pohon
    >>> plan = pohon.example("mojokerto")
    >>> report = pohon.check(plan, select="crosscutting")
    >>> m = with_findings(pohon.crosscutting(plan).matrix(), report)
    >>> all(g.code.startswith("PK4") for g in m.gaps)
    True
    """
    return replace(matrix, gaps=tuple(findings))


def alignment_matrix(
    result: AlignmentResult,
    *,
    opd_names: Mapping[str, str] | None = None,
    findings: Iterable[Diagnostic] = (),
) -> Matrix:
    """The alignment matrix of the analysis (OPD columns by name), with ``findings`` (the
    alignment rules' diagnostics) as its gaps; ``opd_names`` may relabel the OPD columns."""
    matrix = with_findings(result.matrix(), findings)
    if opd_names:
        columns = tuple(
            replace(c, label=opd_names[c.id]) if opd_names.get(c.id) else c for c in matrix.columns
        )
        matrix = replace(matrix, columns=columns)
    return matrix


def alignment_title(plan: str, lang: Lang = "id") -> str:
    """``Matriks keselarasan: <plan>``."""
    return _w("alignment_title", lang, plan=plan)


def crosscutting_title(plan: str, lang: Lang = "id") -> str:
    """``Matriks crosscutting: <plan>``."""
    return _w("crosscutting_title", lang, plan=plan)


def render_alignment(
    result: AlignmentResult,
    format: MatrixFormat = "text",
    *,
    lang: Lang = "id",
    plan_name: str | None = None,
    opd_names: Mapping[str, str] | None = None,
    width: int | None = None,
    findings: Iterable[Diagnostic] = (),
) -> str:
    """The alignment matrix (framework items × OPDs) in one of :data:`FORMATS`, with
    ``findings`` (the alignment rules' diagnostics) listed as its gaps."""
    plan = f"{plan_name} [{result.plan}]" if plan_name else result.plan
    return render_matrix(
        alignment_matrix(result, opd_names=opd_names, findings=findings),
        format,
        lang=lang,
        title=alignment_title(plan, lang),
        row_heading=_w("item", lang),
        width=width,
    )


def render_crosscutting(
    result: CrosscuttingResult,
    format: MatrixFormat = "text",
    *,
    lang: Lang = "id",
    plan_name: str | None = None,
    width: int | None = None,
    findings: Iterable[Diagnostic] = (),
) -> str:
    """The crosscutting matrix (Pemda sasaran × OPDs) in one of :data:`FORMATS`, with
    ``findings`` (the crosscutting rules' diagnostics) listed as its gaps."""
    plan = f"{plan_name} [{result.plan}]" if plan_name else result.plan
    return render_matrix(
        with_findings(result.matrix(), findings),
        format,
        lang=lang,
        title=crosscutting_title(plan, lang),
        row_heading=_w("sasaran", lang),
        width=width,
    )


def render_matrix(
    matrix: Matrix,
    format: MatrixFormat = "text",
    *,
    lang: Lang = "id",
    title: str | None = None,
    row_heading: str | None = None,
    width: int | None = None,
) -> str:
    """A matrix in one of :data:`FORMATS`. ``title`` and ``row_heading`` replace the
    matrix's own title and the generic heading of the row labels in text and HTML (JSON
    keeps :meth:`Matrix.to_dict` as it is); ``width`` wraps the text table into blocks of
    columns no wider than this many characters."""
    if format == "json":
        return matrix_json(matrix)
    if format == "csv":
        return matrix_csv(matrix)
    if format == "html":
        return matrix_html(matrix, lang=lang, title=title, row_heading=row_heading)
    if format == "text":
        return matrix_text(matrix, lang=lang, title=title, row_heading=row_heading, width=width)
    raise ValueError(f"unknown matrix format {format!r}; use one of {', '.join(FORMATS)}")


# -- what the formats share ------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    """A matrix row as shown: its header, its group (a framework) and its label in a group."""

    header: Header
    group: str | None
    group_title: str
    label: str
    coverage: str | None
    derived: bool


def opd_only_note(matrix: Matrix, lang: Lang = "id") -> str:
    """Why the matrix of an OPD-only plan is empty (or its coverage not judged); ``""`` for
    any other plan."""
    if not matrix.opd_only:
        return ""
    return _w("opd_only_alignment" if _is_alignment(matrix) else "opd_only_crosscutting", lang)


def _is_alignment(matrix: Matrix) -> bool:
    return any("coverage" in r.extra for r in matrix.rows)


def _rows(matrix: Matrix) -> list[_Row]:
    """The rows; alignment rows split into their framework and the item within it."""
    item_width: dict[str, int] = {}
    for r in matrix.rows:
        fw, item = r.extra.get("framework"), r.extra.get("item")
        if isinstance(fw, str) and isinstance(item, str):
            item_width[fw] = max(item_width.get(fw, 0), len(item))
    out = []
    for r in matrix.rows:
        framework = r.extra.get("framework")
        item = r.extra.get("item")
        if "coverage" in r.extra and isinstance(framework, str) and isinstance(item, str):
            # The analysis labels an item "<framework name> <item>: <short>".
            before, sep, short = r.label.rpartition(f" {item}: ")
            if not sep and r.label.endswith(f" {item}"):
                before, short = r.label[: -len(item) - 1], ""
            name = short or str(r.extra.get("name") or "")
            fw_name = before if before else framework
            group_title = fw_name if fw_name == framework else f"{fw_name} [{framework}]"
            out.append(
                _Row(
                    r,
                    framework,
                    group_title,
                    f"{item.rjust(item_width[framework])} {name}".rstrip(),
                    str(r.extra["coverage"]),
                    r.extra.get("required") is False,
                )
            )
        else:
            out.append(_Row(r, None, "", r.label, None, False))
    return out


def _groups(rows: Sequence[_Row]) -> dict[str, tuple[int, int, bool]]:
    """Per framework: items supported, items, reached only through crosswalks."""
    out: dict[str, tuple[int, int, bool]] = {}
    for row in rows:
        if row.group is None:
            continue
        supported, total, derived = out.get(row.group, (0, 0, False))
        out[row.group] = (
            supported + (row.coverage != "none"),
            total + 1,
            derived or row.derived,
        )
    return out


def _group_line(row: _Row, groups: Mapping[str, tuple[int, int, bool]], lang: Lang) -> str:
    supported, total, derived = groups[row.group or ""]
    text = f"{row.group_title}: {_w('supported', lang, n=supported, total=total)}"
    if derived:
        text += f" ({_w('through', lang)})"
    return text


def _column_note(column: Header, lang: Lang) -> str:
    if column.extra.get("kind") == "pemda":
        return _w("pemda", lang)
    return column.label


def _totals(matrix: Matrix) -> tuple[dict[tuple[str, str], int], dict[str, int]]:
    counts: dict[tuple[str, str], int] = {}
    totals: dict[str, int] = {}
    for c in matrix.cells:
        counts[(c.row, c.column)] = counts.get((c.row, c.column), 0) + c.count
        totals[c.row] = totals.get(c.row, 0) + c.count
    return counts, totals


def _gap_text(gap: Diagnostic) -> str:
    return gap.message


# -- text --------------------------------------------------------------------------------------


def _fit(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with … when longer."""
    text = one_line(text)
    if len(text) <= width:
        return text
    cut = text[: max(width - 1, 0)]
    # Prefer ending at a word when that keeps most of the room.
    head, space, _ = cut.rpartition(" ")
    if space and len(head) >= 0.75 * len(cut):
        cut = head
    return cut.rstrip() + "…"


@dataclass(frozen=True)
class _Column:
    head: str
    width: int
    value: Callable[[_Row], str]


def matrix_text(
    matrix: Matrix,
    *,
    lang: Lang = "id",
    title: str | None = None,
    row_heading: str | None = None,
    width: int | None = None,
) -> str:
    """The matrix as a fixed-width table with a legend of the columns and the gaps."""
    alignment = _is_alignment(matrix)
    rows = _rows(matrix)
    groups = _groups(rows)
    counts, totals = _totals(matrix)
    heading = row_heading or _w("item" if alignment else "row", lang)
    indent = "  " if alignment else ""

    labels = [indent + one_line(r.label) + (" *" if r.derived else "") for r in rows]
    label_width = min(max([len(heading), *(len(label) for label in labels)]), LABEL_WIDTH)
    fixed: list[_Column] = [
        _Column(
            heading,
            label_width,
            lambda r: (
                _fit(indent + r.label, label_width - (2 if r.derived else 0))
                + (" *" if r.derived else "")
            ),
        )
    ]
    if alignment:
        words = [_coverage_word(r.coverage, lang) for r in rows]
        fixed.append(
            _Column(
                _w("coverage", lang),
                max([len(_w("coverage", lang)), *(len(w) for w in words)]),
                lambda r: _coverage_word(r.coverage, lang),
            )
        )

    def count_of(column: str) -> Callable[[_Row], str]:
        def value(r: _Row) -> str:
            n = counts.get((r.header.id, column))
            return str(n) if n else ""

        return value

    biggest: dict[str, int] = {}
    for (_, col), n in counts.items():
        biggest[col] = max(biggest.get(col, 0), n)
    data: list[_Column] = []
    for column in matrix.columns:
        head = one_line(column.id)
        digits = len(str(biggest.get(column.id, 0)))
        data.append(_Column(head, max(len(head), digits), count_of(column.id)))
    total_head = _w("total", lang)
    data.append(
        _Column(
            total_head,
            max([len(total_head), *(len(str(n)) for n in totals.values())]),
            lambda r: str(totals.get(r.header.id, 0)),
        )
    )

    lines = [one_line(title if title is not None else matrix.title), ""]
    note = opd_only_note(matrix, lang)
    if note:
        lines += [note, ""]
    top = len(lines)
    if not rows:
        lines.append(_w("no_rows", lang))
    else:
        for block in _blocks(fixed, data, width):
            if len(lines) > top:
                lines.append("")
            lines.extend(_table(fixed, block, rows, groups, lang, width))

    notes = []
    if alignment:
        notes.append(_w("legend", lang))
        if any(r.derived for r in rows):
            notes.append(_w("mark", lang))
    if notes:
        lines.append("")
        lines.extend(notes)

    if matrix.columns:
        lines += ["", f"{_w('columns', lang)}:"]
        id_width = max(len(one_line(c.id)) for c in matrix.columns)
        for c in matrix.columns:
            lines.append(f"  {one_line(c.id).ljust(id_width)}  {one_line(_column_note(c, lang))}")

    lines.append("")
    if matrix.gaps:
        lines.append(f"{_w('gaps', lang)} ({len(matrix.gaps)}):")
        for gap in matrix.gaps:
            lines.append(f"  - [{gap.code} {one_line(gap.slug)}] {one_line(_gap_text(gap))}")
    else:
        lines.append(_w("no_gaps", lang))
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _blocks(
    fixed: Sequence[_Column], data: Sequence[_Column], width: int | None
) -> list[list[_Column]]:
    """The data columns split so that every block, with the row labels, fits ``width``."""
    if width is None:
        return [list(data)]
    base = sum(c.width + 2 for c in fixed)
    blocks: list[list[_Column]] = [[]]
    used = base
    for column in data:
        need = column.width + 1
        if blocks[-1] and used + need > width:
            blocks.append([])
            used = base
        blocks[-1].append(column)
        used += need
    return blocks


def _table(
    fixed: Sequence[_Column],
    data: Sequence[_Column],
    rows: Sequence[_Row],
    groups: Mapping[str, tuple[int, int, bool]],
    lang: Lang,
    width: int | None,
) -> list[str]:
    def line(values: Sequence[str]) -> str:
        parts = [v.ljust(c.width) for c, v in zip(fixed, values, strict=False)]
        cells = [v.rjust(c.width) for c, v in zip(data, values[len(fixed) :], strict=True)]
        return "  ".join(parts) + " " + " ".join(cells)

    out = [line([_fit(c.head, c.width) for c in fixed] + [c.head for c in data])]
    group: str | None = None
    for r in rows:
        if r.group is not None and r.group != group:
            heading = _group_line(r, groups, lang)
            out.append(_fit(heading, width) if width else one_line(heading))
        group = r.group
        out.append(line([c.value(r) for c in fixed] + [c.value(r) for c in data]))
    return out


# -- json and csv ------------------------------------------------------------------------------


def matrix_json(matrix: Matrix) -> str:
    """:meth:`Matrix.to_dict` as JSON: keys sorted, text as written, a final newline."""
    data = _finite(matrix.to_dict())
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False) + "\n"


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def matrix_csv(matrix: Matrix) -> str:
    """One CSV table: ``id``, ``label``, a count per column id (empty when none), ``total``.

    The gaps are not in it (a CSV holds one table); use the text, JSON or HTML output.
    """
    counts, totals = _totals(matrix)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [spreadsheet_safe(h) for h in ["id", "label", *(c.id for c in matrix.columns), "total"]]
    )
    for r in matrix.rows:
        writer.writerow(
            [
                spreadsheet_safe(r.id),
                spreadsheet_safe(r.label),
                *(counts.get((r.id, c.id), "") for c in matrix.columns),
                totals.get(r.id, 0),
            ]
        )
    return buffer.getvalue()


# -- html --------------------------------------------------------------------------------------

_CSS = """\
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}
h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:1.5rem}
table{border-collapse:collapse;font-size:.85rem}
th,td{border:1px solid #ccc;padding:.2rem .4rem}
thead th{background:#f0f0f0;position:sticky;top:0}
tbody th{text-align:left;font-weight:normal;max-width:28rem}
td{text-align:right;min-width:2rem}
td.coverage{text-align:left}
td.total{font-weight:bold}
tr.group th{background:#e8eef6;font-weight:bold}
tr.none td.coverage,tr.none th{background:#fde2e2}
tr.derived th{font-style:italic}
p.note{background:#fff6d6;border-left:4px solid #e0b000;padding:.4rem .6rem;max-width:60rem}
dl{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem}
dt{font-family:monospace}dd{margin:0}
"""


def _attr(text: str) -> str:
    return escape(text, quote=True)


def matrix_html(
    matrix: Matrix,
    *,
    lang: Lang = "id",
    title: str | None = None,
    row_heading: str | None = None,
) -> str:
    """A complete HTML page: the table (cell titles list the nodes), the legend, the gaps.

    Every label, id and message is escaped: a name from a spreadsheet never becomes markup.
    """
    page_title = _attr(title if title is not None else matrix.title)
    out = [
        "<!doctype html>",
        f'<html lang="{"id" if lang == "id" else "en"}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{page_title}</title>",
        f"<style>\n{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{page_title}</h1>",
        matrix_fragment(matrix, lang=lang, row_heading=row_heading),
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


def matrix_fragment(
    matrix: Matrix,
    *,
    lang: Lang = "id",
    row_heading: str | None = None,
    year: int | None = None,
    heading: str = "h2",
) -> str:
    """The table, legend, column notes and gaps of :func:`matrix_html`, for a page of one's
    own; with ``year``, each cell shows the pagu of that year under its count."""
    alignment = _is_alignment(matrix)
    rows = _rows(matrix)
    groups = _groups(rows)
    counts, totals = _totals(matrix)
    cells = {(c.row, c.column): c for c in matrix.cells}
    row_word = _attr(row_heading or _w("item" if alignment else "row", lang))
    span = 2 + len(matrix.columns) + (1 if alignment else 0)

    head = [f'<th scope="col">{row_word}</th>']
    if alignment:
        head.append(f'<th scope="col">{_attr(_w("coverage", lang))}</th>')
    head += [
        f'<th scope="col" title="{_attr(_column_note(c, lang))}">{_attr(c.id)}</th>'
        for c in matrix.columns
    ]
    head.append(f'<th scope="col">{_attr(_w("total", lang))}</th>')

    body = []
    group: str | None = None
    for r in rows:
        if r.group is not None and r.group != group:
            body.append(
                f'<tr class="group"><th scope="rowgroup" colspan="{span}">'
                f"{_attr(_group_line(r, groups, lang))}</th></tr>"
            )
        group = r.group
        classes = [c for c in (r.coverage, "derived" if r.derived else None) if c]
        tr = f'<tr class="{_attr(" ".join(classes))}">' if classes else "<tr>"
        label = _attr(r.label.strip()) + (" *" if r.derived else "")
        about = r.header.id
        derived_from = r.header.extra.get("derived_from")
        if derived_from and isinstance(derived_from, list | tuple):
            about += " ← " + ", ".join(str(ref) for ref in derived_from)
        parts = [f'<th scope="row" title="{_attr(about)}">{label}</th>']
        if alignment:
            parts.append(f'<td class="coverage">{_attr(_coverage_word(r.coverage, lang))}</td>')
        for c in matrix.columns:
            cell = cells.get((r.header.id, c.id))
            count = counts.get((r.header.id, c.id), 0)
            if cell is None or not count:
                parts.append("<td></td>")
                continue
            nodes = _w("cell_nodes", lang, count=count, nodes=", ".join(cell.nodes))
            pagu = cell.pagu.get(year) if year is not None else None
            money = f'<br><span class="pagu">Rp {_attr(display(pagu, lang))}</span>' if pagu else ""
            parts.append(f'<td title="{_attr(nodes)}">{count}{money}</td>')
        parts.append(f'<td class="total">{totals.get(r.header.id, 0)}</td>')
        body.append(tr + "".join(parts) + "</tr>")

    out: list[str] = []
    note = opd_only_note(matrix, lang)
    if note:
        out.append(f'<p class="note">{_attr(note)}</p>')
    if rows:
        out += [
            "<table>",
            f"<thead><tr>{''.join(head)}</tr></thead>",
            "<tbody>",
            *body,
            "</tbody>",
            "</table>",
        ]
    else:
        out.append(f"<p>{_attr(_w('no_rows', lang))}</p>")
    if alignment:
        out.append(f"<p>{_attr(_w('legend', lang))}</p>")
        if any(r.derived for r in rows):
            out.append(f"<p>{_attr(_w('mark', lang))}</p>")
    if matrix.columns:
        out.append(f"<{heading}>{_attr(_w('columns', lang))}</{heading}>")
        out.append("<dl>")
        out += [
            f"<dt>{_attr(c.id)}</dt><dd>{_attr(_column_note(c, lang))}</dd>" for c in matrix.columns
        ]
        out.append("</dl>")
    if matrix.gaps:
        out.append(f"<{heading}>{_attr(_w('gaps', lang))} ({len(matrix.gaps)})</{heading}>")
        out.append("<ul>")
        out += [
            f'<li data-code="{_attr(g.code)}" data-node="{_attr(g.node or "")}">'
            f"<code>{_attr(g.code)} {_attr(g.slug)}</code> {_attr(_gap_text(g))}</li>"
            for g in matrix.gaps
        ]
        out.append("</ul>")
    else:
        out.append(f"<p>{_attr(_w('no_gaps', lang))}</p>")
    return "\n".join(out)
