"""One self-contained HTML file about one or more plans: the diagram, the findings, the
matrices; what ``pohon report`` writes and a Bappeda head sends to the mayor.

Each plan gets a section with:

- the diagram (inline SVG) with pan and zoom; a click on a box shows its level, kode, name,
  OPD, indicators with their targets per year, and its findings; ``#box=<section>:<node id>``
  in the address opens the page on one box (a link an evaluator can send);
- the findings table, sortable by any column and filterable by OPD and severity; a click on
  a row shows its box;
- the alignment and crosscutting matrices with the pagu of the chosen year in each cell.

The file fetches nothing (a Content-Security-Policy forbids every network request and every
script but the page's own, named by its hash), and every text from the plan is escaped: in
the HTML by :func:`html.escape`, in the embedded data as JSON with ``<``, ``>`` and ``&``
written as ``\\u003c`` and the like, and shown by the script through ``textContent`` only.
It prints on A4 landscape, one plan per page group, without the controls.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from html import escape
from typing import Any

from pohon.analysis.diff import PlanDiff
from pohon.findings import Diagnostic, Lang, Report, UsageError
from pohon.findings.catalogue import display
from pohon.model import Plan
from pohon.render.diagram import clean_text
from pohon.render.diagram import plain_text as _plain

__all__ = ["SECTIONS", "ReportPart", "Section", "html_report", "register_section"]


@dataclass(frozen=True)
class ReportPart:
    """One plan in a report: the plan, its check, and the file it came from."""

    plan: Plan
    report: Report | None = None
    """Its check; ``None`` checks the plan when the report is made."""
    file: str | None = None
    previous: Plan | PlanDiff | None = None
    """The plan's older revision, or the changes from it (``pohon.diff(old, plan)``): the
    report then has a "perubahan" section and its drawing marks the changed boxes, and a
    check made here includes the revision rules."""


Section = Callable[[ReportPart, Lang, int], "tuple[str, str] | None"]
"""A section that a capability adds to every plan's part of the report: called with the
part, the language and the year, it returns its heading (plain text, escaped here) and its
HTML (which the section escapes itself: every text from the plan through ``html.escape``),
or ``None`` to add nothing for this plan."""

SECTIONS: list[Section] = []
"""The sections added after the matrices, in the order they were registered."""


def register_section(section: Section) -> Section:
    """Add ``section`` to every report from now on; returns it, so it can decorate."""
    SECTIONS.append(section)
    return section


_WORDS: dict[str, tuple[str, str]] = {
    "title": ("Laporan pohon kinerja", "Performance tree report"),
    "made": ("Dibuat oleh pohon {version}", "Made by pohon {version}"),
    "diagram": ("Pohon kinerja", "Performance tree"),
    "findings": ("Temuan", "Findings"),
    "alignment": ("Keselarasan dengan kerangka", "Alignment with the frameworks"),
    "crosscutting": ("Crosscutting: sasaran Pemda × OPD", "Crosscutting: Pemda sasaran × OPD"),
    "summary": (
        "{error} error, {warning} warning, {info} info pada {nodes} node",
        "{error} errors, {warning} warnings, {info} info on {nodes} nodes",
    ),
    "period": ("Periode {start}–{end}", "Period {start}–{end}"),
    "year": ("target dan pagu tahun {year}", "targets and pagu of {year}"),
    "help": (
        "Geser untuk memindah, roda tetikus atau tombol untuk memperbesar; klik kotak untuk "
        "melihat indikator dan temuannya.",
        "Drag to move, wheel or buttons to zoom; click a box for its indicators and findings.",
    ),
    "pick": ("Klik sebuah kotak di gambar.", "Click a box in the drawing."),
    "no_diagram": ("Gambar tidak dibuat: {why}", "No drawing: {why}"),
    "all_opd": ("semua OPD", "every OPD"),
    "all_severity": ("semua tingkat", "every severity"),
    "shown": ("{n} dari {total} temuan", "{n} of {total} findings"),
    "severity": ("tingkat", "severity"),
    "code": ("kode", "code"),
    "opd": ("OPD", "OPD"),
    "level": ("level", "level"),
    "kode": ("kode node", "node kode"),
    "name": ("nama", "name"),
    "message": ("pesan", "message"),
    "where": ("baris", "line"),
    "none": ("Tidak ada temuan.", "No findings."),
    "indicator": ("indikator", "indicator"),
    "satuan": ("satuan", "unit"),
    "no_indicators": ("Tidak ada indikator.", "No indicators."),
    "no_findings_box": ("Tidak ada temuan pada node ini.", "No findings on this node."),
    "unreadable": ("tidak bisa dibaca", "cannot be read"),
    "reset": ("ukuran semula", "reset"),
}


def _w(key: str, lang: Lang, **values: Any) -> str:
    pair = _WORDS[key]
    return (pair[1] if lang == "en" else pair[0]).format(**values)


def _e(value: object) -> str:
    """A text from the plan for the page: escaped, and cleaned of the characters that would
    hide or reorder it (bidirectional and zero-width marks, controls); line breaks stay."""
    text = "" if value is None else str(value)
    if not text.isprintable():
        text = "\n".join(clean_text(line) for line in text.split("\n"))
    return escape(text, quote=True)


def _cleaned(data: object) -> object:
    """``data`` with every text cleaned as :func:`_e` cleans it (the page shows them)."""
    if isinstance(data, str):
        return data if data.isprintable() else "\n".join(map(clean_text, data.split("\n")))
    if isinstance(data, dict):
        return {key: _cleaned(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_cleaned(value) for value in data]
    return data


def _json_for_html(data: object) -> str:
    """JSON that cannot end the ``<script>`` element it sits in, nor start markup; its
    texts cleaned of the marks that would hide or reorder them when shown."""
    text = json.dumps(_cleaned(data), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


_SVG_HEAD = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_SIZE = re.compile(r'<svg width="[^"]*" height="[^"]*"')


def _inline_svg(svg: str, prefix: str) -> str:
    """Graphviz's SVG without its XML prolog and fixed size, to sit inside the page, its
    element ids prefixed so that two plans' drawings in one page keep them apart."""
    svg = _SVG_HEAD.sub("", svg, count=1)
    svg = svg.replace(' id="', f' id="{prefix}')
    return _SIZE.sub('<svg width="100%" height="100%"', svg, count=1)


def html_report(
    parts: Sequence[ReportPart],
    *,
    lang: Lang = "id",
    year: int | None = None,
    problems: Sequence[tuple[str, str]] = (),
    sections: Sequence[Section] | None = None,
) -> str:
    """The HTML page for ``parts``; ``problems`` are (file, message) of inputs that could
    not be read, listed at the top so that nothing given is silently left out; ``sections``
    (default: the registered :data:`SECTIONS`) follow the matrices of each plan."""
    from pohon import __version__
    from pohon.analysis.diff import diff
    from pohon.rules import check

    for part in parts:
        if not isinstance(part, ReportPart) or not isinstance(part.plan, Plan):
            raise UsageError(
                "html_report() membutuhkan daftar ReportPart(plan, report), bukan "
                f"{type(part).__name__}",
                f"html_report() needs a list of ReportPart(plan, report), not {type(part).__name__}",
            )
    # The changes from an older revision are found once per plan, for its check, its
    # drawing and its "perubahan" section.
    parts = [
        part
        if not isinstance(part.previous, Plan)
        else replace(part, previous=diff(part.previous, part.plan))
        for part in parts
    ]
    parts = [
        part
        if part.report is not None
        else replace(part, report=check(part.plan, lang=lang, previous=part.previous))
        for part in parts
    ]
    extra = list(SECTIONS if sections is None else sections)
    blocks = [_section(k, part, lang, year, extra) for k, part in enumerate(parts)]
    names = [_e(part.plan.name) for part in parts]
    nav = ""
    if len(parts) > 1:
        nav = (
            "<nav><ol>"
            + "".join(f'<li><a href="#plan-{k}">{n}</a></li>' for k, n in enumerate(names))
            + "</ol></nav>"
        )
    trouble = ""
    if problems:
        items = "".join(
            f"<li><code>{_e(file)}</code>: {_e(message)}</li>" for file, message in problems
        )
        trouble = f'<div class="problems"><b>{_e(_w("unreadable", lang))}</b><ul>{items}</ul></div>'
    title = f"{_e(_w('title', lang))}: {names[0]}" if len(parts) == 1 else _e(_w("title", lang))
    script = _SCRIPT
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    policy = (
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    return (
        "<!doctype html>\n"
        f'<html lang="{"en" if lang == "en" else "id"}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="pohon {_e(__version__)}">\n'
        f"<title>{title}</title>\n<style>\n{_CSS}</style>\n</head>\n<body>\n"
        f'<header><h1>{title}</h1><p class="made">{_e(_w("made", lang, version=__version__))}'
        f"</p></header>\n{trouble}{nav}\n"
        + "\n".join(blocks)
        + f"\n<script>{script}</script>\n</body>\n</html>\n"
    )


def _section(
    k: int, part: ReportPart, lang: Lang, year: int | None, extra: Sequence[Section]
) -> str:
    from pohon.analysis import alignment, crosscutting
    from pohon.render.matrix import alignment_matrix, matrix_fragment, with_findings

    plan, report = part.plan, part.report
    assert report is not None  # html_report checked every plan given without its report
    the_year = year if year is not None else plan.info.period.start
    s = report.summary
    summary = _w(
        "summary", lang, error=s["error"], warning=s["warning"], info=s["info"], nodes=s["nodes"]
    )
    period = _w("period", lang, start=plan.info.period.start, end=plan.info.period.end)
    meta = " · ".join(
        _e(x) for x in (plan.info.pemda, period, part.file, _w("year", lang, year=the_year)) if x
    )
    changes = part.previous if isinstance(part.previous, PlanDiff) else None
    drawing_html, names = _drawing(plan, report, lang, the_year, f"p{k}-", changes)
    data = _box_data(plan, report, names, lang)
    opd_names = {o.id: o.name for o in plan.opds}
    findings = report.diagnostics
    align = alignment_matrix(alignment(plan), opd_names=opd_names, findings=findings)
    cross = with_findings(crosscutting(plan).matrix(), findings)
    added = ""
    for section in extra:
        made = section(part, lang, the_year)
        if made is not None:
            heading, body = made
            added += f'<h3>{_e(heading)}</h3>\n<div class="extra">{body}</div>\n'
    return (
        f'<section id="plan-{k}" class="plan" data-section="{k}">\n'
        f'<h2>{_e(plan.name)}</h2>\n<p class="meta">{meta}</p>\n'
        f'<p class="summary">{_e(summary)}</p>\n'
        f"<h3>{_e(_w('diagram', lang))}</h3>\n{drawing_html}\n"
        f"<h3>{_e(_w('findings', lang))} ({len(findings)})</h3>\n"
        f"{_findings_table(report, plan, names, lang)}\n"
        f'<h3>{_e(_w("alignment", lang))}</h3>\n<div class="matrix">'
        f"{matrix_fragment(align, lang=lang, year=the_year, heading='h4')}</div>\n"
        f'<h3>{_e(_w("crosscutting", lang))}</h3>\n<div class="matrix">'
        f"{matrix_fragment(cross, lang=lang, year=the_year, heading='h4')}</div>\n"
        f"{added}"
        f'<script type="application/json" class="boxes">{_json_for_html(data)}</script>\n'
        "</section>"
    )


def _drawing(
    plan: Plan,
    report: Report,
    lang: Lang,
    year: int,
    prefix: str,
    changes: PlanDiff | None = None,
) -> tuple[str, dict[str, str]]:
    """The diagram's HTML and its DOT names → node ids (empty when it is not drawn); with
    ``changes`` since an older revision, the changed boxes are marked."""
    from pohon.render.diagram import diagram
    from pohon.render.layout import DiagramError

    styles = []
    if changes is not None:
        from pohon.render.diff import RevisionStyle

        styles.append(RevisionStyle(changes, lang))
    drawing = diagram(plan, report, lang=lang, year=year, styles=styles)
    names = dict(drawing.names)
    try:
        svg = drawing.render("svg").decode("utf-8")
    except DiagramError as exc:
        why = exc.message_en if lang == "en" else exc.message
        return f'<p class="note">{_e(_w("no_diagram", lang, why=why))}</p>', names
    controls = (
        '<div class="controls"><button type="button" data-zoom="1.25">+</button>'
        '<button type="button" data-zoom="0.8">−</button>'
        f'<button type="button" data-zoom="0">{_e(_w("reset", lang))}</button>'
        f'<span class="help">{_e(_w("help", lang))}</span></div>'
    )
    return (
        f'<div class="drawing">{controls}<div class="diagram">{_inline_svg(svg, prefix)}</div>'
        f'<aside class="detail" aria-live="polite"><p>{_e(_w("pick", lang))}</p></aside></div>',
        names,
    )


def _box_data(plan: Plan, report: Report, names: dict[str, str], lang: Lang) -> dict[str, Any]:
    """What the page shows when a box is clicked, by DOT name, and the words it uses."""
    index = plan.node_index()
    scheme = plan.scheme
    level_name = {
        lv.id: _plain((lv.name_en or lv.name) if lang == "en" else lv.name) for lv in scheme.levels
    }
    opd_name = {o.id: o.name for o in plan.opds}
    on_node: dict[str, list[Diagnostic]] = {}
    for d in report.diagnostics:
        if d.node is not None:
            on_node.setdefault(d.node, []).append(d)
    boxes: dict[str, Any] = {}
    for name, node_id in names.items():
        node = plan.nodes[index[node_id]]
        boxes[name] = {
            "id": node.id,
            "level": level_name.get(node.level, node.level),
            "kode": node.kode,
            "name": node.name,
            "opd": opd_name.get(node.opd, node.opd) if node.opd else None,
            "indicators": [
                {
                    "name": ind.name,
                    "satuan": ind.satuan,
                    "targets": [[y, display(v, lang)] for y, v in sorted(ind.targets.items())],
                }
                for ind in node.indicators
            ],
            "findings": [
                {"code": d.code, "severity": d.severity, "message": d.message, "hint": d.hint}
                for d in on_node.get(node.id, ())
            ],
        }
    words = {
        key: _w(key, lang)
        for key in ("indicator", "satuan", "no_indicators", "no_findings_box", "findings")
    }
    return {"boxes": boxes, "words": words, "ids": {v: k for k, v in names.items()}}


def _findings_table(report: Report, plan: Plan, names: dict[str, str], lang: Lang) -> str:
    if not report.diagnostics:
        return f"<p>{_e(_w('none', lang))}</p>"
    records = report.to_records()
    by_id = {o.id: o for o in plan.opds}
    label = {o: by_id[o].singkatan or by_id[o].name if o in by_id else o for o in by_id}
    opds = sorted({r["opd"] for r in records if r.get("opd")}, key=lambda o: label.get(o, o))
    opd_options = "".join(f'<option value="{_e(o)}">{_e(label.get(o, o))}</option>' for o in opds)
    severities = "".join(f'<option value="{s}">{s}</option>' for s in ("error", "warning", "info"))
    filters = (
        '<div class="filters">'
        f'<select class="f-opd" aria-label="OPD"><option value="">{_e(_w("all_opd", lang))}'
        f"</option>{opd_options}</select> "
        f'<select class="f-severity" aria-label="{_e(_w("severity", lang))}"><option value="">'
        f"{_e(_w('all_severity', lang))}</option>{severities}</select> "
        f'<span class="shown" data-template="{_e(_w("shown", lang, n="{n}", total="{total}"))}">'
        f"</span></div>"
    )
    columns = ("severity", "code", "opd", "level", "kode", "name", "message", "where")
    head = "".join(
        f'<th scope="col" data-col="{k}" tabindex="0">{_e(_w(c, lang))}</th>'
        for k, c in enumerate(columns)
    )
    rank = {"error": "0", "warning": "1", "info": "2"}
    rows = []
    for r in records:
        where = r.get("cell") or r.get("line") or ""
        node = r.get("node") or ""
        values = (
            r["severity"],
            r["code"],
            label.get(r.get("opd") or "", r.get("opd") or ""),
            r.get("level") or "",
            r.get("kode") or "",
            r.get("name") or "",
            r["message"],
            where,
        )
        cells = "".join(
            f'<td class="sev-{_e(r["severity"])}" data-sort="{rank[r["severity"]]}">'
            f"{_e(values[0])}</td>"
            if k == 0
            else f'<td title="{_e(r["hint"])}">{_e(v)}</td>'
            if k == 6
            else f"<td>{_e(v)}</td>"
            for k, v in enumerate(values)
        )
        rows.append(
            f'<tr data-opd="{_e(r.get("opd") or "")}" data-severity="{_e(r["severity"])}" '
            f'data-node="{_e(node)}">{cells}</tr>'
        )
    return (
        f'{filters}<table class="findings"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


_CSS = """\
body{font-family:"DejaVu Sans",system-ui,sans-serif;margin:1rem 1.5rem;color:#1b1b1b}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.25rem;border-bottom:2px solid #ddd}
h3{font-size:1.05rem;margin-top:1.4rem}h4{font-size:.95rem}
.made,.meta{color:#555;font-size:.85rem;margin:.1rem 0}
.summary{font-weight:bold}
.problems{background:#fde2e2;border-left:4px solid #c0392b;padding:.4rem .8rem}
.note{background:#fff6d6;border-left:4px solid #e0b000;padding:.4rem .6rem;max-width:60rem}
.drawing{display:grid;grid-template-columns:minmax(0,1fr) 22rem;gap:.8rem}
.controls{grid-column:1/3;font-size:.85rem}
.controls button{font-size:1rem;min-width:2rem;margin-right:.2rem}
.help{color:#555;margin-left:.6rem}
.diagram{border:1px solid #ccc;height:70vh;overflow:hidden;cursor:grab;background:#fff}
.diagram svg{display:block;width:100%;height:100%}
.diagram g.node{cursor:pointer}
.diagram g.node.chosen path,.diagram g.node.chosen polygon{stroke:#000;stroke-width:4}
.detail{border:1px solid #ccc;padding:.5rem .8rem;height:70vh;overflow:auto;font-size:.85rem}
.detail h4{margin:.2rem 0 .4rem}.detail table{width:100%}
.detail .f-error{border-left:4px solid #c0392b}.detail .f-warning{border-left:4px solid #d68910}
.detail .f-info{border-left:4px solid #2e86c1}.detail li{padding-left:.4rem;margin:.3rem 0}
.detail .hint{color:#555;font-style:italic;margin-top:.2rem}
table{border-collapse:collapse;font-size:.8rem}
th,td{border:1px solid #ccc;padding:.2rem .4rem;vertical-align:top}
thead th{background:#f0f0f0;position:sticky;top:0;cursor:pointer}
table.findings td{max-width:36rem}
table.findings tr[data-node]:not([data-node=""]){cursor:pointer}
td.sev-error{color:#c0392b;font-weight:bold}td.sev-warning{color:#b9770e}td.sev-info{color:#2e86c1}
.matrix{overflow:auto;max-height:80vh}
.matrix tbody th{text-align:left;font-weight:normal;max-width:28rem}
.matrix td{text-align:right;min-width:2rem}.matrix .pagu{color:#555;font-size:.7rem}
.matrix tr.group th{background:#e8eef6;font-weight:bold}
.matrix tr.none th{background:#fde2e2}
.filters{margin:.3rem 0}.shown{color:#555;font-size:.85rem;margin-left:.5rem}
@page{size:A4 landscape;margin:10mm}
@media print{
  body{margin:0;font-size:9pt}
  .controls,.filters,.detail,nav{display:none}
  .drawing{display:block}
  .diagram{height:auto;border:none;overflow:visible}
  .diagram svg{height:auto;max-height:180mm}
  section.plan+section.plan{break-before:page}
  .matrix{max-height:none;overflow:visible}
  thead th{position:static}
  tr{break-inside:avoid}
}
"""

_SCRIPT = """
(function(){
"use strict";
function el(tag, text, cls){var e=document.createElement(tag);if(text!==undefined&&text!==null){e.textContent=String(text);}if(cls){e.className=cls;}return e;}
function setupSection(sec){
  var dataEl=sec.querySelector("script.boxes");
  var data=dataEl?JSON.parse(dataEl.textContent):{boxes:{},words:{},ids:{}};
  var detail=sec.querySelector(".detail");
  var holder=sec.querySelector(".diagram");
  var svg=holder?holder.querySelector("svg"):null;
  var chosen=null;
  var centreOn=null;
  function show(name, focus){
    var box=data.boxes[name];
    if(!box||!detail){return;}
    if(chosen){chosen.classList.remove("chosen");}
    chosen=null;
    if(svg){svg.querySelectorAll("g.node").forEach(function(g){var t=g.querySelector("title");if(t&&t.textContent===name){g.classList.add("chosen");chosen=g;}});}
    if(focus&&chosen&&centreOn){centreOn(chosen);}
    detail.textContent="";
    detail.appendChild(el("p",[box.level,box.kode||""].join(" ").trim(),"level"));
    detail.appendChild(el("h4",box.name));
    if(box.opd){detail.appendChild(el("p",box.opd,"opd"));}
    var w=data.words;
    if(box.indicators.length){
      box.indicators.forEach(function(ind){
        detail.appendChild(el("p",ind.name+(ind.satuan?" ("+ind.satuan+")":""),"indicator"));
        if(ind.targets.length){
          var t=el("table");var h=el("tr");var v=el("tr");
          ind.targets.forEach(function(p){h.appendChild(el("th",p[0]));v.appendChild(el("td",p[1]));});
          t.appendChild(h);t.appendChild(v);detail.appendChild(t);
        }
      });
    } else {detail.appendChild(el("p",w.no_indicators));}
    detail.appendChild(el("h4",w.findings+" ("+box.findings.length+")"));
    if(box.findings.length){
      var ul=el("ul");
      box.findings.forEach(function(f){var li=el("li",null,"f-"+f.severity);li.appendChild(el("b",f.code+" "+f.severity+": "));li.appendChild(document.createTextNode(f.message));if(f.hint){li.appendChild(el("div",f.hint,"hint"));}ul.appendChild(li);});
      detail.appendChild(ul);
    } else {detail.appendChild(el("p",w.no_findings_box));}
  }
  if(svg){
    var vb=svg.viewBox.baseVal;var full=[vb.x,vb.y,vb.width,vb.height];
    function setView(x,y,wd,ht){svg.setAttribute("viewBox",[x,y,wd,ht].join(" "));}
    // A wide tree opens on its top, at a size that can be read; the reset button shows all.
    var ratio=holder.clientHeight/Math.max(holder.clientWidth,1)||0.6;
    var home=full.slice();
    if(full[2]>2400){var wd=2400, ht=wd*ratio;home=[full[0]+(full[2]-wd)/2,full[1],wd,ht];}
    setView(home[0],home[1],home[2],home[3]);
    function centre(g){var r=g.getBoundingClientRect();var a=point({clientX:r.left,clientY:r.top}),b=point({clientX:r.right,clientY:r.bottom});
      var v=svg.viewBox.baseVal;var wd=Math.max((b[0]-a[0])*3,900);var ht=wd*(v.height/v.width);
      setView((a[0]+b[0])/2-wd/2,(a[1]+b[1])/2-ht/2,wd,ht);}
    function zoom(f,cx,cy){
      if(f===0){setView(full[0],full[1],full[2],full[3]);return;}
      var v=svg.viewBox.baseVal;var nx=cx-(cx-v.x)/f, ny=cy-(cy-v.y)/f;
      setView(nx,ny,v.width/f,v.height/f);
    }
    function point(evt){var r=svg.getBoundingClientRect();var v=svg.viewBox.baseVal;var s=Math.max(v.width/r.width,v.height/r.height);
      var ox=v.x+(v.width-r.width*s)/2, oy=v.y+(v.height-r.height*s)/2;return [ox+(evt.clientX-r.left)*s, oy+(evt.clientY-r.top)*s, s];}
    centreOn=centre;
    // On paper the whole tree is shown; the screen view comes back after printing.
    var kept=null;
    window.addEventListener("beforeprint",function(){var v=svg.viewBox.baseVal;kept=[v.x,v.y,v.width,v.height];setView(full[0],full[1],full[2],full[3]);});
    window.addEventListener("afterprint",function(){if(kept){setView(kept[0],kept[1],kept[2],kept[3]);}});
    holder.addEventListener("wheel",function(evt){evt.preventDefault();var p=point(evt);zoom(evt.deltaY<0?1.2:1/1.2,p[0],p[1]);},{passive:false});
    var drag=null;
    holder.addEventListener("mousedown",function(evt){drag=[evt.clientX,evt.clientY,false];});
    window.addEventListener("mouseup",function(){setTimeout(function(){drag=null;},0);});
    holder.addEventListener("mousemove",function(evt){if(!drag){return;}var s=point(evt)[2];var v=svg.viewBox.baseVal;var dx=(evt.clientX-drag[0])*s, dy=(evt.clientY-drag[1])*s;if(Math.abs(dx)+Math.abs(dy)>2){drag[2]=true;}setView(v.x-dx,v.y-dy,v.width,v.height);drag[0]=evt.clientX;drag[1]=evt.clientY;});
    sec.querySelectorAll(".controls button").forEach(function(b){b.addEventListener("click",function(){var v=svg.viewBox.baseVal;zoom(parseFloat(b.getAttribute("data-zoom")),v.x+v.width/2,v.y+v.height/2);});});
    svg.querySelectorAll("g.node").forEach(function(g){g.addEventListener("click",function(){if(drag&&drag[2]){return;}var t=g.querySelector("title");if(t){show(t.textContent);}});});
  }
  var table=sec.querySelector("table.findings");
  if(table){
    var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
    var fo=sec.querySelector(".f-opd"), fs=sec.querySelector(".f-severity"), shown=sec.querySelector(".shown");
    function filter(){var n=0;rows.forEach(function(r){var ok=(!fo.value||r.getAttribute("data-opd")===fo.value)&&(!fs.value||r.getAttribute("data-severity")===fs.value);r.hidden=!ok;if(ok){n++;}});
      shown.textContent=shown.getAttribute("data-template").replace("{n}",n).replace("{total}",rows.length);}
    fo.addEventListener("change",filter);fs.addEventListener("change",filter);filter();
    var order={};
    table.querySelectorAll("thead th").forEach(function(th){
      function sort(){var k=parseInt(th.getAttribute("data-col"),10);var dir=order[k]=-(order[k]||-1);
        function key(r){var c=r.cells[k];var s=c.getAttribute("data-sort");return s!==null?s:c.textContent;}
        var sorted=rows.slice().sort(function(a,b){var x=key(a),y=key(b);var nx=parseFloat(x),ny=parseFloat(y);
          var c=(!isNaN(nx)&&!isNaN(ny)&&String(nx)===x&&String(ny)===y)?nx-ny:x.localeCompare(y,"id",{numeric:true});return c*dir;});
        sorted.forEach(function(r){body.appendChild(r);});}
      th.addEventListener("click",sort);th.addEventListener("keydown",function(e){if(e.key==="Enter"){sort();}});
    });
    rows.forEach(function(r){r.addEventListener("click",function(){var id=r.getAttribute("data-node");var name=data.ids[id];if(name){show(name,true);if(holder){holder.scrollIntoView({block:"center"});}}});});
  }
  return {show:show,data:data,svg:svg};
}
var sections={};
document.querySelectorAll("section.plan").forEach(function(sec){sections[sec.getAttribute("data-section")]=setupSection(sec);});
function fromHash(){
  var m=/^#box=(\\d+):(.+)$/.exec(window.location.hash);if(!m){return;}
  var s=sections[m[1]];if(!s){return;}
  var name=s.data.ids[decodeURIComponent(m[2])];if(!name||!s.svg){return;}
  s.svg.querySelectorAll("g.node").forEach(function(g){var t=g.querySelector("title");if(t&&t.textContent===name){g.dispatchEvent(new MouseEvent("click",{bubbles:true}));s.show(name,true);}});
}
window.addEventListener("hashchange",fromHash);fromHash();
})();
"""
