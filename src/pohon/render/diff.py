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
from pohon.render._common import one_line
from pohon.render.html_report import register_section

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
    "message": ("Pesan", "Message"),
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


_YEAR_KEYS = frozenset({"year", "start", "end"})


def _model_text(value: Any) -> str:
    data = value.model_dump(exclude_defaults=True)
    return ", ".join(f"{k}={v if k in _YEAR_KEYS else display(v)}" for k, v in data.items())


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
    # Each entry is one line: a line break or control character from the data is shown
    # escaped (\n, \x1b), so no value can drive the terminal or forge a line.
    return "\n".join(one_line(line) for line in out).rstrip("\n") + "\n"


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


def diff_html(
    d: PlanDiff,
    report: Report | None = None,
    lang: Lang = "id",
    heading: str = "h2",
    titled: bool = True,
) -> str:
    """The diff as an HTML section (no script, every value escaped): a summary, the
    revision findings, then one table per kind of change with the columns it uses (node,
    indicator, field, year, old, new), and the pagu per OPD; ``heading`` is the section's
    heading tag (``h2``; the tables' are one level below)."""
    e = escape
    labels = _labels(d)
    top = heading if heading in ("h2", "h3", "h4") else "h2"
    sub = f"h{int(top[1]) + 1}"
    parts = ['<section class="perubahan">']
    if titled:
        parts.append(f"<{top}>{e(_w('title', lang))}</{top}>")
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
    if report is not None and report.diagnostics:
        parts.append(f"<{sub}>{e(_w('findings', lang))} ({len(report.diagnostics)})</{sub}><ul>")
        for diag in report.diagnostics:
            parts.append(f"<li><b>{e(diag.code)}</b> {e(diag.message)}</li>")
        parts.append("</ul>")
    if counts and ("node-added" in counts or "node-removed" in counts):
        parts.append(f'<p class="note">{e(_w("id_note", lang))}</p>')
    for kind in counts:
        rows = [_cells(c, labels, lang) for c in d.changes if c.kind == kind]
        used = [k for k in range(len(_COLUMNS)) if any(row[k] for row in rows)]
        parts.append(f"<{sub}>{e(_heading(kind, lang))} ({len(rows)})</{sub}>")
        parts.append("<table><thead><tr>")
        parts += [f"<th>{e(_w(_COLUMNS[k], lang))}</th>" for k in used]
        parts.append("</tr></thead><tbody>")
        for row in rows:
            parts.append("<tr>" + "".join(_td(_COLUMNS[k], row[k]) for k in used) + "</tr>")
        parts.append("</tbody></table>")
    if d.pagu_totals:
        parts.append(f"<{sub}>{e(_w('pagu_totals', lang))}</{sub}><table><thead><tr>")
        for key in ("opd", "year", "old", "new", "change"):
            parts.append(f"<th>{e(_w(key, lang))}</th>")
        parts.append("</tr></thead><tbody>")
        for t in d.pagu_totals:
            cells = (
                (t.opd or "-", ""),
                (str(t.year), ""),
                (display(t.old, lang), "num"),
                (display(t.new, lang), "num"),
                (display(t.change, lang), "num"),
            )
            parts.append(
                "<tr>"
                + "".join(
                    f'<td class="{c}">{e(v)}</td>' if c else f"<td>{e(v)}</td>" for v, c in cells
                )
                + "</tr>"
            )
        parts.append("</tbody></table>")
    parts.append("</section>")
    return "\n".join(parts)


_COLUMNS = ("node", "indicator", "field", "year", "old", "new")


def _td(column: str, value: str) -> str:
    if (
        column in ("old", "new", "year")
        and value
        and value.replace(".", "").replace(",", "").lstrip("-").isdigit()
    ):
        return f'<td class="num">{escape(value)}</td>'
    return f"<td>{escape(value)}</td>"


def _cells(c: Change, labels: dict[str, str], lang: Lang) -> tuple[str, ...]:
    """One change as the cells of :data:`_COLUMNS`."""
    node = labels.get(c.node or "", c.node or "") if c.kind != "plan" else ""
    old: Any = c.old
    new: Any = c.new
    if c.kind in ("node-added", "node-removed", "opd-added", "opd-removed"):
        old = new = None
    elif c.kind in ("indicator-added", "indicator-removed"):
        old = old.name if isinstance(old, Indicator) else None
        new = new.name if isinstance(new, Indicator) else None
    elif c.kind == "likely-renamed":
        node = labels.get(c.new, c.new)
    elif c.kind == "id-reused":
        old = f"{c.old[0]} {c.old[1] or '-'} {display(c.old[2])}"
        new = f"{c.new[0]} {c.new[1] or '-'} {display(c.new[2])}"
    elif c.kind in ("moved", "weights"):
        old = ", ".join(_parent(p) for p in c.old) or "-"
        new = ", ".join(_parent(p) for p in c.new) or "-"
    elif c.kind in ("aligns", "crosscutting"):
        old, new = None, _set_change(c.old, c.new, lang)
    field_name = c.field or ""
    if c.kind in ("renamed", "relevelled", "reowned", "moved", "weights", "aligns", "crosscutting"):
        field_name = ""
    return (
        node,
        c.indicator or "",
        field_name,
        "" if c.year is None else str(c.year),
        "" if old is None else _value(old, lang),
        "" if new is None else _value(new, lang),
    )


def diff_page(d: PlanDiff, report: Report | None = None, lang: Lang = "id") -> str:
    """The diff as one self-contained HTML page."""
    title = escape(f"{_w('title', lang)}: {d.old.id} → {d.new.id}")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        "<style>body{font-family:'DejaVu Sans',sans-serif;margin:2em;font-size:14px}"
        "table{border-collapse:collapse;margin-bottom:1em}td,th{border:1px solid #ccc;"
        "padding:2px 6px;text-align:left;vertical-align:top}th{background:#eef2f5}"
        "td.num{text-align:right;white-space:nowrap}.warning{color:#a04000}"
        ".note{color:#555;font-size:90%}"
        "@page{size:A4 landscape}</style></head><body>\n"
        f"{diff_html(d, report, lang)}\n</body></html>\n"
    )


def diff_workbook(d: PlanDiff, report: Report | None = None, lang: Lang = "id") -> bytes:
    """The diff as a workbook: one sheet of changes, one of pagu per OPD, one of findings.
    Texts are text cells (never formulas); a control character a cell cannot hold is shown
    as a space."""
    from io import BytesIO

    from openpyxl import Workbook

    from pohon.render.xlsxfmt import text_row

    book = Workbook()
    sheet = book.active
    sheet.title = "perubahan" if lang == "id" else "changes"
    text_row(sheet, [_w(k, lang) for k in ("kind", *_COLUMNS)])
    labels = _labels(d)
    for c in d.changes:
        text_row(sheet, [_heading(c.kind, lang), *_cells(c, labels, lang)])
    pagu = book.create_sheet("pagu_opd")
    text_row(pagu, [_w(k, lang) for k in ("opd", "year", "old", "new", "change")])
    for t in d.pagu_totals:
        text_row(pagu, [t.opd or "-", t.year, t.old, t.new, t.change])
    found = book.create_sheet("temuan" if lang == "id" else "findings")
    text_row(found, ["kode" if lang == "id" else "code", "node", _w("message", lang)])
    for diag in report.diagnostics if report is not None else ():
        text_row(found, [diag.code, diag.node or "", diag.message])
    out = BytesIO()
    book.save(out)
    return out.getvalue()


# -- marks on the drawing ----------------------------------------------------------------------

_ADDED = "#1e8449"
_MOVED = "#1a237e"
_CHANGED = "#c2185b"
_MOVES = frozenset({"moved", "weights", "relevelled", "reowned"})
_NOT_CHANGES = frozenset({"plan", "opd-added", "opd-removed", "opd-changed", "node-removed"})


class RevisionStyle:
    """A style hook for :func:`pohon.diagram` (``styles=[RevisionStyle(d)]``) that marks
    each box by what changed since the older revision: added (green border), moved to
    other parents, level or OPD (purple, dashed), otherwise changed (orange). Removed nodes
    are not in the newer plan's drawing: the legend counts them."""

    def __init__(self, d: PlanDiff, lang: Lang = "id") -> None:
        self.added = {c.node for c in d.of_kind("node-added")}
        self.moved = {c.node for c in d.changes if c.kind in _MOVES}
        self.changed = {
            c.node for c in d.changes if c.kind not in _NOT_CHANGES and c.node is not None
        }
        removed = len(d.of_kind("node-removed"))
        words = {
            "added": ("Ditambahkan sejak revisi lama", "Added since the old revision"),
            "moved": ("Dipindah (induk, level atau OPD)", "Moved (parents, level or OPD)"),
            "changed": ("Diubah (nama, indikator, target, pagu…)", "Changed (name, indicators…)"),
            "removed": (
                f"{removed} node dihapus (tidak tergambar; lihat pohon diff)",
                f"{removed} nodes removed (not drawn; see pohon diff)",
            ),
        }
        k = 1 if lang == "en" else 0
        self.legend: list[tuple[str, str]] = [
            (words["added"][k], _ADDED),
            (words["moved"][k], _MOVED),
            (words["changed"][k], _CHANGED),
        ]
        if removed:
            self.legend.append((words["removed"][k], "#7f8c8d"))

    def __call__(self, box: Any) -> dict[str, str]:
        node_id = box.node.id
        if node_id in self.added:
            return {"color": _ADDED, "penwidth": "3.5"}
        if node_id in self.moved:
            return {"color": _MOVED, "penwidth": "3", "style": "rounded,filled,dashed"}
        if node_id in self.changed:
            return {"color": _CHANGED, "penwidth": "3"}
        return {}


# -- the report's section -----------------------------------------------------------------------


def _report_section(part: Any, lang: Lang, year: int) -> tuple[str, str] | None:
    previous = getattr(part, "previous", None)
    if previous is None:
        return None
    from pohon.analysis.diff import diff

    found = diff(previous, part.plan)
    revision = None
    if part.report is not None:
        from dataclasses import replace

        kept = tuple(d for d in part.report.diagnostics if d.code.startswith("PK7"))
        revision = replace(part.report, diagnostics=kept)
    heading = (
        "Perubahan dari revisi sebelumnya"
        if lang == "id"
        else "Changes since the previous revision"
    )
    return heading, diff_html(found, revision, lang, heading="h3", titled=False)


register_html(PlanDiff, lambda d: diff_html(d))
register_section(_report_section)
