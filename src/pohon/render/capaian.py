"""Capaian as a terminal table, JSON, CSV, an HTML page (or fragment) and a notebook view.

- ``text``: per year, the indicators (target, realisasi, capaian, predikat, or why there is
  none), the nodes (own capaian, what their children delivered), and the budget per OPD,
  Pemda sasaran, framework item and Pemda (pagu, realisasi, serapan, capaian, efisiensi);
- ``json``: :meth:`CapaianResult.to_dict`, the contract;
- ``csv``: one row per indicator and year, the columns a planner pastes into an LKjIP table
  (decimal point, UTF-8; text that a spreadsheet would run as a formula gets a leading ');
- ``html``: a complete page with the same tables, predikat coloured by the scale's bands.

Figures show two decimals with a comma in Indonesian (89,47), a point in English.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from decimal import Decimal
from html import escape
from typing import Any

from pohon.analysis.anggaran import Budget
from pohon.analysis.capaian import CapaianResult, IndicatorCapaian, NodeCapaian
from pohon.analysis.measure import REASONS
from pohon.findings import register_html, spreadsheet_safe
from pohon.findings.catalogue import as_meant, display
from pohon.render._common import Lang, one_line
from pohon.render.diagram import clean_text, is_dark
from pohon.render.html_report import register_section

FORMATS = ("text", "json", "csv", "html", "xlsx")

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("Capaian kinerja {plan}", "Performance achievement {plan}"),
    "year": ("Tahun {year}", "Year {year}"),
    "scale": ("Skala predikat: {name}", "Predikat scale: {name}"),
    "cap": ("Capaian dibatasi paling tinggi {cap}%", "Achievement capped at {cap}%"),
    "opd": ("OPD: {opd}", "OPD: {opd}"),
    "indicators": ("Capaian indikator", "Indicator achievement"),
    "nodes": ("Capaian node", "Node achievement"),
    "budget": ("Anggaran", "Budget"),
    "node": ("Node", "Node"),
    "indicator": ("Indikator", "Indicator"),
    "target": ("Target", "Target"),
    "realisasi": ("Realisasi", "Actual"),
    "capaian": ("Capaian (%)", "Achievement (%)"),
    "predikat": ("Predikat", "Predikat"),
    "own": ("Sendiri (%)", "Own (%)"),
    "children": ("Dari anak (%)", "From children (%)"),
    "pagu": ("Pagu (Rp)", "Pagu (Rp)"),
    "spent": ("Realisasi (Rp)", "Spent (Rp)"),
    "serapan": ("Serapan (%)", "Absorption (%)"),
    "cakupan": ("Cakupan (%)", "Coverage (%)"),
    "budget_note": (
        "Serapan = realisasi anggaran dibanding pagu node yang sudah melaporkan realisasi; "
        "cakupan = bagian pagu yang realisasinya sudah dilaporkan.",
        "Absorption = budget realisation against the pagu of the nodes that report one; "
        "coverage = the share of the pagu whose realisation is reported.",
    ),
    "efisiensi": ("Efisiensi", "Efficiency"),
    "group": ("Kelompok", "Group"),
    "none": ("Belum ada realisasi di rencana ini.", "No actual in this plan yet."),
    "year_empty": ("Belum ada realisasi tahun {year}.", "No actual for {year} yet."),
    "not_rolled": (
        "{n} node terukur tidak ikut digulung ke induknya karena berada pada atau di bawah "
        "lingkaran cascading (PK103): {ids}. Capaian sendirinya tetap dihitung; capaian dan "
        "anggarannya tidak sampai ke node di atasnya sampai lingkarannya diperbaiki.",
        "{n} measured nodes are not rolled up to their parents because they are on or below "
        "a cascade cycle (PK103): {ids}. Their own capaian is computed; their capaian and "
        "budget reach no node above until the cycle is fixed.",
    ),
    "no_budget": (
        "Belum ada realisasi anggaran tahun ini.",
        "No budget realisation for this year yet.",
    ),
    "kind_opd": ("OPD", "OPD"),
    "kind_sasaran": ("Sasaran Pemda", "Pemda sasaran"),
    "kind_item": ("Butir kerangka", "Framework item"),
    "kind_pemda": ("Pemda", "Pemda"),
    "kind_node": ("Node", "Node"),
}


def _w(key: str, lang: Lang, **values: Any) -> str:
    text = _WORDS[key][0 if lang == "id" else 1]
    return text.format(**values) if values else text


def figure(value: Decimal | None, lang: Lang = "id") -> str:
    """A capaian or a percentage as shown: two decimals, ``-`` for none."""
    return "-" if value is None else display(value, lang)


def money(value: Decimal | None, lang: Lang = "id") -> str:
    """Rupiah, whole, with thousands marks (``1.873.250.000``)."""
    if value is None:
        return "-"
    return display(int(value.to_integral_value()), lang)


def _value(value: Any, lang: Lang) -> str:
    """A target or realisasi as shown: an Excel rounding artefact as the decimal meant."""
    return one_line(display(as_meant(value), lang)) if value is not None else "-"


def _why(row: IndicatorCapaian, lang: Lang) -> str:
    if row.reason is None:
        return ""
    words = REASONS.get(row.reason)
    return words[0 if lang == "id" else 1] if words else row.reason


def _predikat(
    result: CapaianResult, value: Decimal | None, stored: str | None, lang: Lang
) -> str | None:
    """The predikat in the reader's language: the band's English label under ``en``
    (the data keeps the scale's own label)."""
    if value is None or lang != "en":
        return stored
    return result.scale.band(value).label_in(lang)


def _not_rolled(result: CapaianResult, lang: Lang) -> str:
    """The note on nodes left out of the roll-up by a cascade cycle ("" when none)."""
    if not result.not_rolled:
        return ""
    shown = ", ".join(result.not_rolled[:10])
    if len(result.not_rolled) > 10:
        shown += ", …"
    return _w("not_rolled", lang, n=len(result.not_rolled), ids=shown)


def _group(b: Budget, lang: Lang) -> str:
    """``OPD dinkes``, ``Sasaran Pemda S2``, ``Pemda``."""
    kind = _w("kind_" + b.kind, lang)
    return kind if b.kind == "pemda" else f"{kind} {b.id}"


def _cut(text: str, width: int) -> str:
    text = one_line(clean_text(text))
    return text if len(text) <= width else text[: width - 1] + "…"


# -- text -----------------------------------------------------------------------------------


def capaian_text(result: CapaianResult, *, lang: Lang = "id", width: int = 120) -> str:
    """The tables for a terminal."""
    names = result.node_names
    out = [_w("title", lang, plan=result.plan_id), _w("scale", lang, name=result.scale.name)]
    if result.cap is not None:
        out.append(_w("cap", lang, cap=figure(result.cap, lang)))
    if result.opd is not None:
        out.append(_w("opd", lang, opd=result.opd))
    note = _not_rolled(result, lang)
    if note:
        out.append(note)
    if not result.years:
        out += ["", _w("none", lang)]
        return "\n".join(out) + "\n"
    name_width = max(24, width - 62)
    for year in result.years:
        out += ["", f"== {_w('year', lang, year=year)} =="]
        if not any(r.year == year for r in result.indicators):
            out.append(_w("year_empty", lang, year=year))
        out += ["", _w("indicators", lang)]
        head = (
            f"{_w('indicator', lang):<{name_width}} {_w('target', lang):>12} "
            f"{_w('realisasi', lang):>12} {_w('capaian', lang):>12}  {_w('predikat', lang)}"
        )
        out.append(head)
        current = None
        for row in (r for r in result.indicators if r.year == year):
            if row.node != current:
                current = row.node
                out.append(_cut(f"{row.node} · {names.get(row.node, '')}", width))
            label = _cut(f"  {row.name}" + (f" ({row.satuan})" if row.satuan else ""), name_width)
            shown = figure(row.capaian, lang) + ("*" if row.capped else "")
            tail = _predikat(result, row.capaian, row.predikat, lang) or _why(row, lang)
            out.append(
                f"{label:<{name_width}} {_cut(_value(row.target, lang), 12):>12} "
                f"{_cut(_value(row.realisasi, lang), 12):>12} {shown:>12}  {tail}"
            )
        out += ["", _w("nodes", lang)]
        out.append(
            f"{_w('node', lang):<{name_width}} {_w('own', lang):>12} "
            f"{_w('children', lang):>14}  {_w('predikat', lang)}"
        )
        for node_row in (r for r in result.nodes if r.year == year):
            label = _cut(f"{node_row.node} · {names.get(node_row.node, '')}", name_width)
            out.append(
                f"{label:<{name_width}} {figure(node_row.own, lang):>12} "
                f"{figure(node_row.children, lang):>14}  "
                f"{_predikat(result, node_row.capaian, node_row.predikat, lang) or '-'}"
            )
        money_rows = [b for b in result.budget if b.year == year and b.kind != "node"]
        out += ["", _w("budget", lang)]
        if not money_rows:
            out.append(_w("no_budget", lang))
            continue
        out.append(_w("budget_note", lang))
        out.append(
            f"{_w('group', lang):<44} {_w('pagu', lang):>20} {_w('spent', lang):>20} "
            f"{_w('serapan', lang):>12} {_w('cakupan', lang):>12} {_w('capaian', lang):>12} "
            f"{_w('efisiensi', lang):>10}"
        )
        for b in money_rows:
            label = _cut(_group(b, lang), 44)
            out.append(
                f"{label:<44} {money(b.pagu, lang):>20} {money(b.realisasi, lang):>20} "
                f"{figure(b.serapan, lang):>12} {figure(b.cakupan, lang):>12} "
                f"{figure(b.capaian, lang):>12} {figure(b.efisiensi, lang):>10}"
            )
    return "\n".join(out) + "\n"


# -- JSON and CSV ---------------------------------------------------------------------------


def capaian_json(result: CapaianResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


CSV_COLUMNS = (
    "year",
    "opd",
    "node",
    "node_name",
    "indicator",
    "name",
    "satuan",
    "iku",
    "target",
    "realisasi",
    "capaian",
    "predikat",
    "reason",
)


def capaian_csv(result: CapaianResult) -> str:
    """One row per indicator and year (see the module)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in result.indicators:
        data = row.to_dict()
        cells = {
            **data,
            "opd": result.opd_of.get(row.node),
            "node_name": result.node_names.get(row.node, ""),
        }
        writer.writerow([_csv_cell(cells.get(column)) for column in CSV_COLUMNS])
    return buffer.getvalue()


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return "[" + "; ".join(str(v) for v in value) + "]"
    if isinstance(value, str):
        return spreadsheet_safe(one_line(value))
    return value


# -- HTML -----------------------------------------------------------------------------------


CSS = """\
.capaian table{border-collapse:collapse;font-size:.85rem;margin:.4rem 0 1rem}
.capaian th,.capaian td{border:1px solid #ccc;padding:.2rem .45rem;vertical-align:top}
.capaian thead th{background:#f0f0f0}
.capaian td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.capaian tr.node th{background:#eef3f8;text-align:left}
.capaian span.predikat{display:inline-block;padding:0 .4rem;border-radius:.6rem;
 border:1px solid #999;white-space:nowrap}
.capaian span.why{color:#8a4b00;font-style:italic}
"""


def _e(value: object) -> str:
    """A text from the plan, escaped, on one line, without the marks that would hide or
    reorder what is shown (bidirectional overrides, zero-width characters)."""
    return escape(one_line(clean_text(str(value))), quote=True)


def _chip(result: CapaianResult, value: Decimal | None, lang: Lang) -> str:
    if value is None:
        return ""
    band = result.scale.band(value)
    colour = band.color or "#ffffff"
    ink = "#ffffff" if is_dark(colour) else "#1b1b1b"
    return (
        f'<span class="predikat" style="background:{colour};color:{ink}">'
        f"{_e(band.label_in(lang))}</span>"
    )


def capaian_fragment(result: CapaianResult, *, lang: Lang = "id", heading: str = "h2") -> str:
    """The tables of :func:`capaian_html`, for a page of one's own (the HTML report)."""
    names = result.node_names
    out = [f'<div class="capaian"><p>{_e(_w("scale", lang, name=result.scale.name))}</p>']
    note = _not_rolled(result, lang)
    if note:
        out.append(f'<p class="note">{_e(note)}</p>')
    if not result.years:
        out.append(f"<p>{_e(_w('none', lang))}</p></div>")
        return "\n".join(out)
    sub = "h3" if heading == "h2" else "h4"
    for year in result.years:
        out.append(f"<{heading}>{_e(_w('year', lang, year=year))}</{heading}>")
        out.append(f"<{sub}>{_e(_w('indicators', lang))}</{sub}>")
        out.append(
            "<table><thead><tr>"
            + "".join(
                f'<th scope="col">{_e(_w(k, lang))}</th>'
                for k in ("indicator", "target", "realisasi", "capaian", "predikat")
            )
            + "</tr></thead><tbody>"
        )
        current = None
        for row in (r for r in result.indicators if r.year == year):
            if row.node != current:
                current = row.node
                out.append(
                    f'<tr class="node"><th colspan="5" scope="rowgroup">{_e(row.node)} · '
                    f"{_e(names.get(row.node, ''))}</th></tr>"
                )
            unit = f" ({_e(row.satuan)})" if row.satuan else ""
            tail = (
                _chip(result, row.capaian, lang)
                if row.capaian is not None
                else f'<span class="why">{_e(_why(row, lang))}</span>'
            )
            shown = figure(row.capaian, lang) + ("*" if row.capped else "")
            out.append(
                f"<tr><td>{_e(row.name)}{unit}</td>"
                f'<td class="num">{_e(_value(row.target, lang))}</td>'
                f'<td class="num">{_e(_value(row.realisasi, lang))}</td>'
                f'<td class="num">{_e(shown)}</td><td>{tail}</td></tr>'
            )
        out.append("</tbody></table>")
        out.append(f"<{sub}>{_e(_w('nodes', lang))}</{sub}>")
        out.append(_node_table(result, [r for r in result.nodes if r.year == year], lang))
        out.append(f"<{sub}>{_e(_w('budget', lang))}</{sub}>")
        out.append(
            _budget_table([b for b in result.budget if b.year == year and b.kind != "node"], lang)
        )
    out.append("</div>")
    return "\n".join(out)


def _node_table(result: CapaianResult, rows: Sequence[NodeCapaian], lang: Lang) -> str:
    names = result.node_names
    out = [
        "<table><thead><tr>"
        + "".join(
            f'<th scope="col">{_e(_w(k, lang))}</th>'
            for k in ("node", "own", "children", "predikat")
        )
        + "</tr></thead><tbody>"
    ]
    for row in rows:
        out.append(
            f"<tr><td>{_e(row.node)} · {_e(names.get(row.node, ''))}</td>"
            f'<td class="num">{_e(figure(row.own, lang))}</td>'
            f'<td class="num">{_e(figure(row.children, lang))}</td>'
            f"<td>{_chip(result, row.capaian, lang)}</td></tr>"
        )
    out.append("</tbody></table>")
    return "\n".join(out)


def _budget_table(rows: Sequence[Budget], lang: Lang) -> str:
    if not rows:
        return f"<p>{_e(_w('no_budget', lang))}</p>"
    keys = ("group", "pagu", "spent", "serapan", "cakupan", "capaian", "efisiensi")
    out = [
        "<table><thead><tr>"
        + "".join(f'<th scope="col">{_e(_w(k, lang))}</th>' for k in keys)
        + "</tr></thead><tbody>"
    ]
    for b in rows:
        out.append(
            f"<tr><td>{_e(_group(b, lang))}</td>"
            f'<td class="num">{_e(money(b.pagu, lang))}</td>'
            f'<td class="num">{_e(money(b.realisasi, lang))}</td>'
            f'<td class="num">{_e(figure(b.serapan, lang))}</td>'
            f'<td class="num">{_e(figure(b.cakupan, lang))}</td>'
            f'<td class="num">{_e(figure(b.capaian, lang))}</td>'
            f'<td class="num">{_e(figure(b.efisiensi, lang))}</td></tr>'
        )
    out.append("</tbody></table>")
    out.append(f'<p class="note">{_e(_w("budget_note", lang))}</p>')
    return "\n".join(out)


def capaian_html(result: CapaianResult, *, lang: Lang = "id") -> str:
    """A complete page; every text from the plan is escaped."""
    title = _e(_w("title", lang, plan=result.plan_id))
    return (
        "\n".join(
            [
                "<!doctype html>",
                f'<html lang="{"id" if lang == "id" else "en"}">',
                '<head><meta charset="utf-8">',
                '<meta name="viewport" content="width=device-width, initial-scale=1">',
                f"<title>{title}</title>",
                "<style>body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}"
                "@page{size:A4 landscape;margin:1.2cm}\n" + CSS + "</style></head>",
                f"<body><h1>{title}</h1>",
                capaian_fragment(result, lang=lang),
                "</body></html>",
            ]
        )
        + "\n"
    )


def render_capaian(result: CapaianResult, fmt: str, *, lang: Lang = "id", width: int = 120) -> str:
    if fmt == "json":
        return capaian_json(result)
    if fmt == "csv":
        return capaian_csv(result)
    if fmt == "html":
        return capaian_html(result, lang=lang)
    return capaian_text(result, lang=lang, width=width)


def _notebook(result: CapaianResult) -> str:
    return f"<style>{CSS}</style>" + capaian_fragment(result, heading="h4")


register_html(CapaianResult, _notebook)


def capaian_workbook(result: CapaianResult, *, lang: Lang = "id") -> bytes:
    """The indicators, nodes and budget as an Excel workbook (openpyxl, the ``excel``
    extra): numbers as numbers, capaian with two decimals, filters and frozen headers."""
    from pohon.render.xlsxfmt import table_workbook

    indicator_rows = [
        [
            r.year,
            result.opd_of.get(r.node) or "",
            r.node,
            result.node_names.get(r.node, ""),
            r.indicator,
            r.name,
            r.satuan or "",
            _cell(r.target),
            _cell(r.realisasi),
            _pct(r.capaian),
            _predikat(result, r.capaian, r.predikat, lang) or _why(r, lang),
        ]
        for r in result.indicators
    ]
    node_rows = [
        [
            r.year,
            r.node,
            result.node_names.get(r.node, ""),
            _pct(r.own),
            _pct(r.children),
            _predikat(result, r.capaian, r.predikat, lang) or "",
        ]
        for r in result.nodes
    ]
    money_rows = [
        [
            b.year,
            _w("kind_" + b.kind, lang),
            b.id,
            _rp(b.pagu),
            _rp(b.realisasi),
            _pct(b.serapan),
            _pct(b.cakupan),
            _pct(b.capaian),
            _pct(b.efisiensi),
        ]
        for b in result.budget
    ]

    def words(*keys: str) -> list[str]:
        return [_w(k, lang) for k in keys]

    sheets: list[tuple[str, list[str], list[list[Any]], Mapping[int, str]]] = [
        (
            "Indikator" if lang == "id" else "Indicators",
            [
                "Tahun" if lang == "id" else "Year",
                "OPD",
                *words("node"),
                "Nama" if lang == "id" else "Name",
                "ID",
                *words("indicator"),
                "Satuan" if lang == "id" else "Unit",
                *words("target", "realisasi", "capaian", "predikat"),
            ],
            indicator_rows,
            {9: "0.00"},
        ),
        (
            "Node",
            [
                "Tahun" if lang == "id" else "Year",
                *words("node"),
                "Nama" if lang == "id" else "Name",
                *words("own", "children", "predikat"),
            ],
            node_rows,
            {3: "0.00", 4: "0.00"},
        ),
        (
            "Anggaran" if lang == "id" else "Budget",
            [
                "Tahun" if lang == "id" else "Year",
                *words("group"),
                "ID",
                *words("pagu", "spent", "serapan", "cakupan", "capaian", "efisiensi"),
            ],
            money_rows,
            {3: "#,##0", 4: "#,##0", 5: "0.00", 6: "0.00", 7: "0.00", 8: "0.00"},
        ),
    ]
    return table_workbook(sheets, title=_w("title", lang, plan=result.plan_id))


def _cell(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return "[" + "; ".join(str(v) for v in value) + "]"
    return value


def _pct(value: Decimal | None) -> float | None:
    return None if value is None else float(value.quantize(Decimal("0.01")))


def _rp(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    whole = value.to_integral_value()
    return int(whole) if whole == value else float(value)


def _report_section(part: Any, lang: Lang, year: int) -> tuple[str, str] | None:
    """The capaian section of ``pohon report``: every year with a realisasi, or nothing
    when the plan holds none yet."""
    from pohon.analysis.capaian import capaian

    plan = part.plan
    if not any(ind.actuals for node in plan.nodes for ind in node.indicators) and not any(
        node.realisasi_anggaran for node in plan.nodes
    ):
        return None
    result = capaian(plan)
    heading = "Capaian kinerja" if lang == "id" else "Performance achievement"
    return heading, f"<style>{CSS}</style>" + capaian_fragment(result, lang=lang, heading="h4")


register_section(_report_section)
