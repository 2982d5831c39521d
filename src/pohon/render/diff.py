"""A :class:`~pohon.analysis.diff.PlanDiff` as a planner reads it: text, JSON, an HTML
section (the report's "perubahan" and Jupyter), and a workbook."""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape
from typing import Any

from pohon.analysis.diff import KINDS, Change, PlanDiff
from pohon.findings import Lang, Report, display, register_html
from pohon.model import Indicator, Node, Plan

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("Perubahan rencana", "Plan changes"),
    "from": ("dari", "from"),
    "to": ("menjadi", "to"),
    "none": ("Tidak ada perubahan.", "No changes."),
    "warning": ("Peringatan", "Warning"),
    "findings": ("Temuan revisi", "Revision findings"),
    "pagu_totals": ("Pagu per OPD (tiap rupiah sekali)", "Pagu per OPD (each rupiah once)"),
    "id_note": (
        "Node dicocokkan lewat id. Node yang id-nya berubah bersama nama dan isinya tercatat "
        "sebagai dihapus dan ditambahkan; pasangan dengan nama hampir sama pada level dan OPD "
        'yang sama disebut di bawah "Kemungkinan ganti id".',
        "Nodes are matched by id. A node whose id changed along with its name and content "
        "shows as removed and added; pairs with a near-identical name at the same level and "
        'OPD are listed under "Likely new id".',
    ),
    "kind": ("Jenis", "Kind"),
    "node": ("Node", "Node"),
    "indicator": ("Indikator", "Indicator"),
    "field": ("Isian", "Field"),
    "year": ("Tahun", "Year"),
    "old": ("Lama", "Old"),
    "new": ("Baru", "New"),
    "opd": ("OPD", "OPD"),
    "change": ("Selisih", "Change"),
    "also_removed": ("(lihat kemungkinan ganti id)", "(see likely new id)"),
    "summary": (
        "{changes} perubahan; {findings} temuan revisi",
        "{changes} changes; {findings} revision findings",
    ),
}


def _w(key: str, lang: Lang, **values: Any) -> str:
    text = _WORDS[key][1 if lang == "en" else 0]
    return text.format(**values) if values else text


def _heading(kind: str, lang: Lang) -> str:
    return KINDS[kind][1 if lang == "en" else 0]


def _node_label(plan: Plan, node_id: str | None) -> str:
    if node_id is None:
        return "-"
    for node in plan.nodes:
        if node.id == node_id:
            return _label(node)
    return node_id


def _label(node: Node) -> str:
    kode = f" {node.kode.strip()}" if node.kode and node.kode.strip() else ""
    name = display(node.name)
    if len(name) > 70:
        name = name[:69].rstrip() + "…"
    return f'{node.level}{kode} {node.id} "{name}"'


def _value(value: Any, lang: Lang) -> str:
    if isinstance(value, Node):
        return _label(value)
    if isinstance(value, Indicator):
        return f'{value.id} "{display(value.name)}"'
    if isinstance(value, tuple) and value and hasattr(value[0], "model_dump"):
        return "; ".join(_model_text(v) for v in value)
    if hasattr(value, "model_dump"):
        return _model_text(value)
    if isinstance(value, dict):
        value = "; ".join(f"{k}: {display(v, lang)}" for k, v in value.items())
    text = display(value, lang)
    return text if len(text) <= 200 else text[:199] + "…"


def _model_text(value: Any) -> str:
    data = value.model_dump(exclude_defaults=True)
    return ", ".join(f"{k}={v if k == 'year' else display(v)}" for k, v in data.items())


def _labels(d: PlanDiff) -> dict[str, str]:
    """Each node the changes name, as a planner knows it: from the new plan, or the old
    one for a removed node."""
    wanted = {c.node for c in d.changes if c.node is not None}
    out: dict[str, str] = {}
    for plan in (d.old, d.new):
        for node in plan.nodes:
            if node.id in wanted:
                out[node.id] = _label(node)
    return out


def _line(c: Change, labels: dict[str, str], lang: Lang) -> str:
    who = labels.get(c.node or "", c.node or "") if c.kind not in ("plan",) else ""
    if c.kind.startswith("opd-"):
        who = c.node or ""
    parts = [who] if who else []
    if c.indicator:
        parts.append(f"{_w('indicator', lang).lower()} {c.indicator}")
    if c.field and c.kind not in ("renamed", "relevelled", "reowned", "moved", "weights"):
        parts.append(c.field)
    if c.year is not None:
        parts.append(str(c.year))
    head = ", ".join(parts)
    if c.kind == "node-added" or c.kind == "indicator-added" or c.kind == "opd-added":
        return head
    if c.kind in ("node-removed", "indicator-removed", "opd-removed"):
        return head
    if c.kind == "likely-renamed":
        return f"{c.old} → {c.new}: {labels.get(c.new, c.new)}"
    if c.kind == "id-reused":
        old, new = c.old, c.new
        return (
            f'{c.node}: {_w("from", lang)} {old[0]} {old[1] or "-"} "{display(old[2])}" '
            f'{_w("to", lang)} {new[0]} {new[1] or "-"} "{display(new[2])}"'
        )
    if c.kind in ("moved", "weights"):
        old = ", ".join(_parent(p) for p in c.old)
        new = ", ".join(_parent(p) for p in c.new)
        return f"{head}: [{old or '-'}] → [{new or '-'}]"
    if c.kind in ("aligns", "crosscutting"):
        return f"{head}: {_set_change(c.old, c.new, lang)}"
    return f"{head}: {_value(c.old, lang)} → {_value(c.new, lang)}"


def _parent(p: Any) -> str:
    return p.id if p.weight is None else f"{p.id} ({display(p.weight)})"


def _set_change(old: Sequence[Any], new: Sequence[Any], lang: Lang) -> str:
    def key(v: Any) -> str:
        return v if isinstance(v, str) else _model_text(v)

    a = {key(v) for v in old}
    b = {key(v) for v in new}
    added = [key(v) for v in new if key(v) not in a]
    removed = [key(v) for v in old if key(v) not in b]
    parts = [f"+ {v}" for v in added] + [f"− {v}" for v in removed]
    return "; ".join(parts) or ("urutan diubah" if lang == "id" else "order changed")


def diff_text(d: PlanDiff, report: Report | None = None, lang: Lang = "id") -> str:
    """The diff as text: warnings, then each kind of change under its heading with its
    count, the pagu per OPD, and the revision findings."""
    out = [
        f"{_w('title', lang)}: {d.old.id} → {d.new.id}",
        f"  {_w('old', lang)}: {_source(d.old)}",
        f"  {_w('new', lang)}: {_source(d.new)}",
        "",
    ]
    for text in d.warning_texts(lang):
        out.append(f"{_w('warning', lang)}: {text}")
    if d.warnings:
        out.append("")
    if not d.changes:
        out.append(_w("none", lang))
    labels = _labels(d)
    paired = {c.old for c in d.of_kind("likely-renamed")} | {
        c.new for c in d.of_kind("likely-renamed")
    }
    counts = d.counts()
    for kind, count in counts.items():
        out.append(f"{_heading(kind, lang)} ({count})")
        for c in d.changes:
            if c.kind != kind:
                continue
            line = _line(c, labels, lang)
            if kind in ("node-added", "node-removed") and c.node in paired:
                line += " " + _w("also_removed", lang)
            out.append(f"  {line}")
        out.append("")
    if d.changes and ("node-added" in counts or "node-removed" in counts):
        out.append(_w("id_note", lang))
        out.append("")
    if d.pagu_totals:
        out.append(_w("pagu_totals", lang))
        for t in d.pagu_totals:
            sign = "+" if t.change > 0 else ""
            out.append(
                f"  {t.opd or '-'} {t.year}: Rp {display(t.old, lang)} → Rp {display(t.new, lang)} "
                f"({sign}{display(t.change, lang)})"
            )
        out.append("")
    if report is not None:
        out.append(f"{_w('findings', lang)} ({len(report.diagnostics)})")
        for diag in report.diagnostics:
            where = str(diag.location)
            out.append(
                f"  {diag.code} {diag.severity}: {diag.message}" + (f" [{where}]" if where else "")
            )
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _source(plan: Plan) -> str:
    source = plan.source
    files = getattr(source, "files", None) or [getattr(source, "file", None)]
    shown = ", ".join(str(f) for f in files if f)
    return f"{plan.name} ({shown})" if shown else plan.name


def diff_json(d: PlanDiff, report: Report | None = None) -> str:
    """The diff as JSON: :meth:`PlanDiff.to_dict` and the revision findings."""
    data = d.to_dict()
    data["findings"] = [] if report is None else [diag.to_dict() for diag in report.diagnostics]
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def diff_html(d: PlanDiff, report: Report | None = None, lang: Lang = "id") -> str:
    """The diff as an HTML section (no script, every value escaped): a summary, then one
    table per kind of change."""
    e = escape
    labels = _labels(d)
    parts = [f'<section class="perubahan"><h2>{e(_w("title", lang))}</h2>']
    parts.append(f"<p>{e(d.old.id)} → {e(d.new.id)}</p>")
    for text in d.warning_texts(lang):
        parts.append(f'<p class="warning">{e(_w("warning", lang))}: {e(text)}</p>')
    if not d.changes:
        parts.append(f"<p>{e(_w('none', lang))}</p>")
    counts = d.counts()
    if counts:
        parts.append("<ul>")
        parts += [f"<li>{e(_heading(k, lang))}: {n}</li>" for k, n in counts.items()]
        parts.append("</ul>")
    for kind in counts:
        parts.append(f"<h3>{e(_heading(kind, lang))}</h3><table><tbody>")
        for c in d.changes:
            if c.kind == kind:
                parts.append(f"<tr><td>{e(_line(c, labels, lang))}</td></tr>")
        parts.append("</tbody></table>")
    if d.pagu_totals:
        parts.append(f"<h3>{e(_w('pagu_totals', lang))}</h3><table><thead><tr>")
        for key in ("opd", "year", "old", "new", "change"):
            parts.append(f"<th>{e(_w(key, lang))}</th>")
        parts.append("</tr></thead><tbody>")
        for t in d.pagu_totals:
            cells = (
                t.opd or "-",
                str(t.year),
                display(t.old, lang),
                display(t.new, lang),
                display(t.change, lang),
            )
            parts.append("<tr>" + "".join(f"<td>{e(v)}</td>" for v in cells) + "</tr>")
        parts.append("</tbody></table>")
    if report is not None and report.diagnostics:
        parts.append(f"<h3>{e(_w('findings', lang))}</h3><ul>")
        for diag in report.diagnostics:
            parts.append(f"<li><b>{e(diag.code)}</b> {e(diag.message)}</li>")
        parts.append("</ul>")
    parts.append("</section>")
    return "\n".join(parts)


def diff_page(d: PlanDiff, report: Report | None = None, lang: Lang = "id") -> str:
    """The diff as one self-contained HTML page."""
    title = escape(f"{_w('title', lang)}: {d.old.id} → {d.new.id}")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        "<style>body{font-family:'DejaVu Sans',sans-serif;margin:2em;font-size:14px}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;"
        "text-align:left;vertical-align:top}.warning{color:#a04000}"
        "@page{size:A4 landscape}</style></head><body>\n"
        f"{diff_html(d, report, lang)}\n</body></html>\n"
    )


def diff_workbook(d: PlanDiff, report: Report | None = None, lang: Lang = "id") -> bytes:
    """The diff as a workbook: one sheet of changes, one of pagu per OPD, one of findings."""
    from io import BytesIO

    from openpyxl import Workbook

    from pohon.findings.report import spreadsheet_safe

    book = Workbook()
    sheet = book.active
    sheet.title = "perubahan" if lang == "id" else "changes"
    head = [_w(k, lang) for k in ("kind", "node", "indicator", "field", "year", "old", "new")]
    sheet.append(head)
    labels = _labels(d)
    for c in d.changes:
        sheet.append(
            [
                _heading(c.kind, lang),
                spreadsheet_safe(labels.get(c.node or "", c.node or "")),
                spreadsheet_safe(c.indicator or ""),
                c.field or "",
                c.year,
                spreadsheet_safe(_value(c.old, lang)) if c.old is not None else None,
                spreadsheet_safe(_value(c.new, lang)) if c.new is not None else None,
            ]
        )
    pagu = book.create_sheet("pagu_opd")
    pagu.append([_w(k, lang) for k in ("opd", "year", "old", "new", "change")])
    for t in d.pagu_totals:
        pagu.append([spreadsheet_safe(t.opd or "-"), t.year, t.old, t.new, t.change])
    found = book.create_sheet("temuan" if lang == "id" else "findings")
    found.append(["kode", "node", "pesan" if lang == "id" else "message"])
    for diag in report.diagnostics if report is not None else ():
        found.append([diag.code, spreadsheet_safe(diag.node or ""), spreadsheet_safe(diag.message)])
    out = BytesIO()
    book.save(out)
    return out.getvalue()


register_html(PlanDiff, lambda d: diff_html(d))
