"""A :class:`~pohon.analysis.diff.PlanDiff` as a planner reads it: text, JSON, an HTML
section (the report's "perubahan" and Jupyter), and a workbook."""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape
from typing import Any

from pohon.analysis.diff import KINDS, Change, PlanDiff
from pohon.findings import Lang, Report, display, register_html
from pohon.model import Baseline, Indicator, Node, Plan
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
    "pagu_note": (
        "Pagu tiap OPD dihitung sekali per rupiah, di node terbawah tiap cabang yang punya "
        "pagu: pagu program yang diubah tanpa mengubah pagu sub kegiatannya tidak mengubah "
        "jumlah OPD.",
        "Each OPD's pagu counts each rupiah once, at the lowest node of each branch with a "
        "pagu: a program's pagu changed without its sub kegiatan leaves the OPD's total as "
        "it was.",
    ),
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


_FIELDS: dict[str, tuple[str, str]] = {
    "id": ("id", "id"),
    "name": ("nama", "name"),
    "pemda": ("Pemda", "Pemda"),
    "period": ("periode", "period"),
    "frameworks": ("kerangka", "frameworks"),
    "scheme": ("skema level", "level scheme"),
    "notes": ("catatan", "notes"),
    "meta": ("meta", "meta"),
    "kode": ("kode", "kode"),
    "singkatan": ("singkatan", "short name"),
    "satuan": ("satuan", "unit"),
    "measure": ("jenis ukuran", "measure"),
    "scale": ("skala", "scale"),
    "polarity": ("polaritas", "polarity"),
    "cumulative": ("kumulatif", "cumulative"),
    "formula": ("formula", "formula"),
    "definisi": ("definisi", "definition"),
    "iku": ("IKU", "IKU"),
    "baseline": ("baseline", "baseline"),
    "sumber_data": ("sumber data", "data source"),
    "penanggung_jawab": ("penanggung jawab", "responsible"),
    "targets": ("target", "target"),
    "actuals": ("realisasi", "actual"),
    "pk_targets": ("target PK", "PK target"),
    "pagu": ("pagu", "pagu"),
    "realisasi_anggaran": ("realisasi anggaran", "budget spent"),
}
"""How a field is named to a planner (id, en)."""

_ENUMS: dict[str, dict[str, tuple[str, str]]] = {
    "polarity": {
        "higher": ("makin tinggi makin baik", "higher is better"),
        "lower": ("makin rendah makin baik", "lower is better"),
        "range": ("rentang", "range"),
    },
    "measure": {
        "number": ("angka", "number"),
        "percent": ("persen", "percent"),
        "ordinal": ("ordinal", "ordinal"),
        "text": ("teks", "text"),
    },
}
_YEARLY_KINDS = frozenset({"target", "realisasi", "pk-target", "pagu", "realisasi-anggaran"})
_SUBJECT_IS_INDICATOR = frozenset(
    {
        "indicator-added",
        "indicator-removed",
        "indicator-redefined",
        "indicator-changed",
        "target",
        "realisasi",
        "pk-target",
    }
)
_YEAR_KEYS = frozenset({"year", "start", "end"})
_COLUMNS = ("node", "indicator", "field", "year", "old", "new")


class _Reader:
    """What the rows of a diff need to read as a planner reads: level names, OPD names,
    each node's kode and name, each indicator's name and satuan, from the newer plan (the
    older one for what was removed)."""

    def __init__(self, d: PlanDiff, lang: Lang) -> None:
        self.lang = lang
        self.k = 1 if lang == "en" else 0
        wanted = {c.node for c in d.changes if c.node is not None}
        wanted |= {c.new for c in d.of_kind("likely-renamed")}
        for c in d.changes:
            if c.kind in ("moved", "relinked", "weights"):
                wanted |= {p.id for p in (*c.old, *c.new)}
        self.nodes: dict[str, Node] = {}
        self.satuan: dict[tuple[str, str], str | None] = {}
        self.satuan_old: dict[tuple[str, str], str | None] = {}
        self.redefined = {(c.node, c.indicator) for c in d.of_kind("indicator-redefined")}
        self.level: dict[str, str] = {}
        self.opd: dict[str, str] = {}
        for plan, satuan in ((d.old, self.satuan_old), (d.new, self.satuan)):
            # The newer plan's reading wins; each side of a value keeps its own satuan.
            for lv in plan.scheme.levels:
                self.level[lv.id] = (lv.name_en or lv.name) if lang == "en" else lv.name
            for o in plan.opds:
                self.opd[o.id] = (o.singkatan or o.name).strip() or o.id
            for node in plan.nodes:
                if node.id in wanted:
                    self.nodes[node.id] = node
                    for ind in node.indicators:
                        satuan[(node.id, ind.id)] = ind.satuan

    def node(self, node_id: str | None, long: bool = False) -> str:
        """``Sasaran S12 "Meningkatnya …"``: level, kode (else id) and name."""
        if node_id is None:
            return ""
        node = self.nodes.get(node_id)
        if node is None:
            return node_id
        kode = node.kode.strip() if node.kode and node.kode.strip() else node_id
        name = display(node.name)
        if not long and len(name) > 70:
            name = name[:69].rstrip() + "…"
        return f'{self.level.get(node.level, node.level)} {kode} "{name}"'

    def short(self, node_id: str) -> str:
        """A parent in a list: kode (else id) and a short name."""
        node = self.nodes.get(node_id)
        if node is None:
            return node_id
        kode = node.kode.strip() if node.kode and node.kode.strip() else node_id
        name = display(node.name)
        return f'{kode} "{name[:39].rstrip() + "…" if len(name) > 40 else name}"'

    def field(self, name: str | None) -> str:
        if not name:
            return ""
        known = _FIELDS.get(name)
        return known[self.k] if known else name

    def value(self, c: Change, value: Any, old: bool = False) -> str:
        """One side of a change as a planner reads it (``old``: the older side)."""
        lang = self.lang
        if c.kind in _YEARLY_KINDS:
            if value is None:
                return "(tidak ada)" if lang == "id" else "(none)"
            if isinstance(value, str):
                return f'"{display(value)}" ({"teks" if lang == "id" else "text"})'
            shown = display(value, lang)
            if c.kind in ("pagu", "realisasi-anggaran"):
                return f"Rp {shown}"
            key = (c.node or "", c.indicator or "")
            satuan = (self.satuan_old if old else self.satuan).get(key)
            return f"{shown} {display(satuan)}" if satuan else shown
        if value is None:
            return "-"
        if c.field in _ENUMS and isinstance(value, str):
            return _ENUMS[c.field].get(value, (value, value))[self.k]
        if c.kind == "relevelled" and isinstance(value, str):
            return self.level.get(value, value)
        if c.kind == "reowned" and isinstance(value, str):
            return self.opd.get(value, value)
        if isinstance(value, Indicator):
            return f'{value.id} "{display(value.name)}"'
        if isinstance(value, Baseline):
            return f"{display(value.value, lang)} ({value.year})"
        if isinstance(value, dict):
            value = "; ".join(f"{k}: {display(v, lang)}" for k, v in value.items())
        elif hasattr(value, "model_dump"):
            value = _model_text(value, lang)
        text = display(value, lang)
        return text if len(text) <= 200 else text[:199] + "…"

    def cells(self, c: Change) -> tuple[str, ...]:
        """One change as the cells of :data:`_COLUMNS`."""
        node = self.node(c.node) if c.kind != "plan" and not c.kind.startswith("opd-") else ""
        if c.kind.startswith("opd-"):
            node = self.opd.get(c.node or "", c.node or "")
        old: str = ""
        new: str = ""
        field_name = self.field(c.field)
        kind = c.kind
        if kind in ("node-added", "node-removed", "opd-added", "opd-removed"):
            pass
        elif kind in ("indicator-added", "indicator-removed"):
            old = display(c.old.name) if isinstance(c.old, Indicator) else ""
            new = display(c.new.name) if isinstance(c.new, Indicator) else ""
        elif kind == "likely-renamed":
            node, field_name = self.node(c.new), "id"
            old, new = str(c.old), str(c.new)
        elif kind == "id-reused":
            old = f'{self.level.get(c.old[0], c.old[0])} {c.old[1] or "-"} "{display(c.old[2])}"'
            new = f'{self.level.get(c.new[0], c.new[0])} {c.new[1] or "-"} "{display(c.new[2])}"'
        elif kind == "relinked":
            old = "; ".join(p.id for p in c.old)
            new = "; ".join(p.id for p in c.new)
            field_name = ""
        elif kind in ("moved", "weights"):
            old = "; ".join(self._parent(p) for p in c.old) or "-"
            new = "; ".join(self._parent(p) for p in c.new) or "-"
            field_name = ""
        elif kind == "aligns":
            new = _set_change(c.old, c.new, str, self.lang)
            field_name = ""
        elif kind == "crosscutting":
            new = self._crosscutting(c.old, c.new)
            field_name = ""
        elif kind == "plan" and c.field == "meta":
            a, b = dict(c.old or {}), dict(c.new or {})
            keys = [k for k in {**a, **b} if a.get(k) != b.get(k)]
            old = "; ".join(f"{k}: {display(a[k])}" for k in keys if k in a) or "-"
            new = "; ".join(f"{k}: {display(b[k])}" for k in keys if k in b) or "-"
        else:
            old, new = self.value(c, c.old, old=True), self.value(c, c.new)
            if kind in ("renamed", "relevelled", "reowned"):
                field_name = ""
            elif (c.node, c.indicator) in self.redefined and kind in _YEARLY_KINDS:
                field_name += (
                    " (indikator didefinisikan ulang)"
                    if self.lang == "id"
                    else " (indicator redefined)"
                )
        return (
            node,
            c.indicator or "",
            field_name,
            "" if c.year is None else str(c.year),
            old,
            new,
        )

    def _parent(self, p: Any) -> str:
        shown = self.short(p.id)
        return shown if p.weight is None else f"{shown} ({display(p.weight, self.lang)})"

    def _crosscutting(self, old: Sequence[Any], new: Sequence[Any]) -> str:
        def party(c: Any) -> str:
            return self.opd.get(c.opd, c.opd) if c.opd is not None else display(c.agency)

        def shown(c: Any) -> str:
            note = f": {display(c.note)}" if c.note else ""
            return f"{party(c)} ({c.status}){note}"

        before = {(c.opd, c.agency): c for c in old}
        after = {(c.opd, c.agency): c for c in new}
        parts = [f"+ {shown(c)}" for key, c in after.items() if key not in before]
        parts += [f"− {shown(c)}" for key, c in before.items() if key not in after]
        for key, c in after.items():
            was = before.get(key)
            if was is not None and was != c:
                if was.status != c.status:
                    parts.append(f"{party(c)}: {was.status} → {c.status}")
                if was.note != c.note:
                    parts.append(f"{party(c)}: {display(was.note)} → {display(c.note)}")
        return "; ".join(parts) or ("urutan diubah" if self.lang == "id" else "order changed")


def _model_text(value: Any, lang: Lang = "id") -> str:
    data = value.model_dump(exclude_defaults=True)
    return ", ".join(f"{k}={v if k in _YEAR_KEYS else display(v, lang)}" for k, v in data.items())


def _set_change(old: Sequence[Any], new: Sequence[Any], key: Any, lang: Lang) -> str:
    a = {key(v) for v in old}
    b = {key(v) for v in new}
    parts = [f"+ {key(v)}" for v in new if key(v) not in a]
    parts += [f"− {key(v)}" for v in old if key(v) not in b]
    return "; ".join(parts) or ("urutan diubah" if lang == "id" else "order changed")


def _count_text(d: PlanDiff, kind: str, lang: Lang) -> str:
    """``(8)``, or ``(2 indikator, 8 perubahan)`` where one subject has several changes."""
    found = d.of_kind(kind)
    if kind in _SUBJECT_IS_INDICATOR:
        subjects = len({(c.node, c.indicator) for c in found})
        unit = "indikator" if lang == "id" else "indicators"
    else:
        subjects = len({c.node for c in found}) if kind != "plan" else len(found)
        unit = "node" if lang == "id" else "nodes"
    if subjects == len(found):
        return f"({len(found)})"
    changes = "perubahan" if lang == "id" else "changes"
    return f"({subjects} {unit}, {len(found)} {changes})"


def _line(cells: tuple[str, ...]) -> str:
    node, indicator, field_name, year, old, new = cells
    head = ", ".join(x for x in (node, indicator, field_name, year) if x)
    if not old and not new:
        return head
    if not old or not new:
        shown = old or new
        return f"{head}: {shown}" if head else shown
    return f"{head}: {old} → {new}" if head else f"{old} → {new}"


def diff_text(d: PlanDiff, report: Report | None = None, lang: Lang = "id") -> str:
    """The diff as text: warnings and the revision findings first, then each kind of
    change under its heading with its count, and the pagu per OPD."""
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
    if report is not None:
        out.append(f"{_w('findings', lang)} ({len(report.diagnostics)})")
        for diag in report.diagnostics:
            where = str(diag.location)
            out.append(
                f"  {diag.code} {diag.severity}: {diag.message}" + (f" [{where}]" if where else "")
            )
        out.append("")
    if not d.changes:
        out.append(_w("none", lang))
    reader = _Reader(d, lang)
    paired = {c.old for c in d.of_kind("likely-renamed")} | {
        c.new for c in d.of_kind("likely-renamed")
    }
    counts = d.counts()
    for kind in counts:
        out.append(f"{_heading(kind, lang)} {_count_text(d, kind, lang)}")
        for c in d.changes:
            if c.kind != kind:
                continue
            line = _line(reader.cells(c))
            if kind in ("node-added", "node-removed") and c.node in paired:
                line += " " + _w("also_removed", lang)
            out.append(f"  {line}")
        out.append("")
    if d.pagu_totals:
        out.append(_w("pagu_totals", lang))
        for t in d.pagu_totals:
            sign = "+" if t.change > 0 else ""
            out.append(
                f"  {reader.opd.get(t.opd or '', t.opd or '-')} {t.year}: "
                f"Rp {display(t.old, lang)} → Rp {display(t.new, lang)} "
                f"({sign}{display(t.change, lang)})"
            )
        out.append("")
    if d.changes and ("node-added" in counts or "node-removed" in counts):
        out.append(_w("id_note", lang))
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
    """The diff as JSON: :meth:`PlanDiff.to_dict`, the version of pohon that made it, and
    the revision findings."""
    from pohon import __version__

    data = d.to_dict()
    data["pohon"] = __version__
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
    reader = _Reader(d, lang)
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
        parts += [f"<li>{e(_heading(k, lang))} {e(_count_text(d, k, lang))}</li>" for k in counts]
        parts.append("</ul>")
    if report is not None and report.diagnostics:
        parts.append(f"<{sub}>{e(_w('findings', lang))} ({len(report.diagnostics)})</{sub}><ul>")
        for diag in report.diagnostics:
            parts.append(f"<li><b>{e(diag.code)}</b> {e(diag.message)}</li>")
        parts.append("</ul>")
    if counts and ("node-added" in counts or "node-removed" in counts):
        parts.append(f'<p class="note">{e(_w("id_note", lang))}</p>')
    for kind in counts:
        rows = [reader.cells(c) for c in d.changes if c.kind == kind]
        used = [k for k in range(len(_COLUMNS)) if any(row[k] for row in rows)]
        parts.append(f"<{sub}>{e(_heading(kind, lang))} {e(_count_text(d, kind, lang))}</{sub}>")
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
                (reader.opd.get(t.opd or "", t.opd or "-"), ""),
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
        parts.append(f'<p class="note">{e(_w("pagu_note", lang))}</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _td(column: str, value: str) -> str:
    plain = value.removeprefix("Rp ").split(" ")[0]
    if (
        column in ("old", "new", "year")
        and plain.replace(".", "").replace(",", "").lstrip("-").isdigit()
    ):
        return f'<td class="num">{escape(value)}</td>'
    return f"<td>{escape(value)}</td>"


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
    """The diff as a workbook a planner can filter and add up: one sheet of changes (level,
    kode, id, name and OPD of the node in columns of their own; years and numbers as
    numbers), one of pagu per OPD, one of the revision findings. Texts are text cells
    (never formulas); a control character a cell cannot hold is shown as a space."""
    from io import BytesIO

    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    from pohon.render.xlsxfmt import text_row

    def words(*keys: str) -> list[str]:
        return [_WORDS_XLSX[key][1 if lang == "en" else 0] for key in keys]

    reader = _Reader(d, lang)
    book = Workbook()
    sheet = book.active
    sheet.title = "Perubahan" if lang == "id" else "Changes"
    text_row(
        sheet,
        words(
            "kind", "level", "kode", "id", "name", "opd", "indicator", "field", "year", "old", "new"
        ),
    )
    for c in d.changes:
        node_id = c.new if c.kind == "likely-renamed" else c.node
        node = reader.nodes.get(node_id or "") if c.kind != "plan" else None
        cells = reader.cells(c)
        old: Any = cells[4]
        new: Any = cells[5]
        if c.kind in _YEARLY_KINDS:  # numbers stay numbers, to add up and filter
            old = c.old if _is_number(c.old) else old
            new = c.new if _is_number(c.new) else new
        text_row(
            sheet,
            [
                _heading(c.kind, lang),
                reader.level.get(node.level, node.level) if node else "",
                (node.kode or "") if node else "",
                node_id if node else (c.node or ""),
                node.name if node else "",
                reader.opd.get(node.opd, node.opd) if node and node.opd else "",
                c.indicator or "",
                cells[2],
                c.year,
                old,
                new,
            ],
        )
    _layout(sheet, (26, 18, 18, 22, 50, 14, 16, 16, 8, 30, 30), get_column_letter)
    pagu = book.create_sheet("Pagu OPD" if lang == "id" else "OPD pagu")
    text_row(pagu, words("opd", "year", "old", "new", "change"))
    for t in d.pagu_totals:
        text_row(pagu, [reader.opd.get(t.opd or "", t.opd or "-"), t.year, t.old, t.new, t.change])
    _layout(pagu, (24, 8, 20, 20, 20), get_column_letter)
    for row in pagu.iter_rows(min_row=2, min_col=3):
        for cell in row:
            cell.number_format = "#,##0"
    found = book.create_sheet("Temuan revisi" if lang == "id" else "Revision findings")
    text_row(found, words("code", "severity", "id", "message", "hint"))
    for diag in report.diagnostics if report is not None else ():
        text_row(found, [diag.code, diag.severity, diag.node or "", diag.message, diag.hint])
    _layout(found, (8, 10, 22, 90, 60), get_column_letter)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


_WORDS_XLSX: dict[str, tuple[str, str]] = {
    "kind": ("Jenis perubahan", "Kind of change"),
    "level": ("Level", "Level"),
    "kode": ("Kode", "Kode"),
    "id": ("Id node", "Node id"),
    "name": ("Nama node", "Node name"),
    "opd": ("OPD", "OPD"),
    "indicator": ("Indikator", "Indicator"),
    "field": ("Isian", "Field"),
    "year": ("Tahun", "Year"),
    "old": ("Lama", "Old"),
    "new": ("Baru", "New"),
    "change": ("Selisih", "Change"),
    "code": ("Kode aturan", "Rule"),
    "severity": ("Tingkat", "Severity"),
    "message": ("Pesan", "Message"),
    "hint": ("Saran", "Hint"),
}


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _layout(sheet: Any, widths: Sequence[int], letter: Any) -> None:
    """Bold header, frozen under the header, a filter on every column, column widths."""
    from openpyxl.styles import Font

    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for k, width in enumerate(widths, start=1):
        sheet.column_dimensions[letter(k)].width = width


# -- marks on the drawing ----------------------------------------------------------------------

_ADDED = "#1e8449"
_MOVED = "#1a237e"
_CHANGED = "#c2185b"
_MOVES = frozenset({"moved", "weights", "relevelled", "reowned"})
_NOT_CHANGES = frozenset(
    {"plan", "opd-added", "opd-removed", "opd-changed", "node-removed", "relinked"}
)


class RevisionStyle:
    """A style hook for :func:`pohon.diagram` (``styles=[RevisionStyle(d)]``) that marks
    each box by what changed since the older revision: added (green border), moved to
    other parents, level or OPD (navy, dashed), otherwise changed (magenta); in the SVG the
    box's group has the class ``revisi-added``, ``revisi-moved`` or ``revisi-changed``.
    Removed nodes are not in the newer plan's drawing: the legend counts them, those of
    ``opd`` (their OPD in the older plan) for a drawing of one OPD, and says so when the
    drawing shows only part of the plan (``whole=False``) and the count is the plan's."""

    def __init__(
        self, d: PlanDiff, lang: Lang = "id", *, opd: str | None = None, whole: bool = True
    ) -> None:
        # A likely new id is the same node changed, not a new one.
        renamed = {c.new for c in d.of_kind("likely-renamed")}
        self.added = {c.node for c in d.of_kind("node-added")} - renamed
        self.moved = {c.node for c in d.changes if c.kind in _MOVES}
        self.changed = {
            c.node for c in d.changes if c.kind not in _NOT_CHANGES and c.node is not None
        }
        gone = [c.node for c in d.of_kind("node-removed") if c.node is not None]
        if opd is not None:
            old_index = d.old.node_index()
            gone = [n for n in gone if n in old_index and d.old.nodes[old_index[n]].opd == opd]
        removed = len(gone)
        if opd is not None:
            removed_words = (
                f"{removed} node OPD ini dihapus (tidak tergambar; lihat pohon diff)",
                f"{removed} nodes of this OPD removed (not drawn; see pohon diff)",
            )
        elif not whole:
            removed_words = (
                f"{removed} node dihapus dari seluruh rencana (tidak tergambar; lihat pohon diff)",
                f"{removed} nodes removed from the whole plan (not drawn; see pohon diff)",
            )
        else:
            removed_words = (
                f"{removed} node dihapus (tidak tergambar; lihat pohon diff)",
                f"{removed} nodes removed (not drawn; see pohon diff)",
            )
        words = {
            "added": ("Ditambahkan sejak revisi lama", "Added since the old revision"),
            "moved": ("Dipindah (induk, level atau OPD)", "Moved (parents, level or OPD)"),
            "changed": (
                "Diubah (nama, id, indikator, target, pagu…)",
                "Changed (name, id, indicators…)",
            ),
            "removed": removed_words,
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
            return {"color": _ADDED, "penwidth": "3.5", "class": "revisi-added"}
        if node_id in self.moved:
            return {
                "color": _MOVED,
                "penwidth": "3",
                "style": "rounded,filled,dashed",
                "class": "revisi-moved",
            }
        if node_id in self.changed:
            return {"color": _CHANGED, "penwidth": "3", "class": "revisi-changed"}
        return {}


# -- the report's section -----------------------------------------------------------------------


def _report_section(part: Any, lang: Lang, year: int) -> tuple[str, str] | None:
    found = getattr(part, "previous", None)
    if not isinstance(found, PlanDiff):  # html_report made the changes of each part
        return None
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
