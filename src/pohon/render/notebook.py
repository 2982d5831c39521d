"""How reports, matrices and analysis results show themselves in Jupyter.

Importing :mod:`pohon` registers these drawings (:func:`pohon.findings.register_html`);
the objects themselves hold data only. Every text is escaped.
"""

from __future__ import annotations

from html import escape

from pohon.analysis import AlignmentResult, CrosscuttingResult, Matrix
from pohon.findings import Report, register_draw, register_html
from pohon.model import Plan
from pohon.render.diagram import diagram

ROW_LIMIT = 500
"""Rows shown in a notebook; the rest are counted."""
DRAWN_NODES = 120
"""A plan up to this many nodes shows its drawing in a notebook; a larger one a summary."""


def plan_html(plan: Plan) -> str:
    """A plan as a one-line summary and, when small enough and an engine is installed, its
    drawing with the findings marked; otherwise how to draw a part of it."""
    from pohon.render.layout import DiagramError

    period = plan.info.period
    head = (
        f"<p><b>{escape(plan.name)}</b>: {len(plan.nodes)} node, {len(plan.opds)} OPD, "
        f"{period.start}-{period.end}</p>"
    )
    hint = (
        "<p><code>plan.draw(opd=…)</code>, <code>plan.draw(root=…, depth=…)</code> "
        "atau <code>plan.draw(cita=…)</code> menggambar sebagian rencana.</p>"
    )
    if len(plan.nodes) > DRAWN_NODES:
        return head + hint
    try:
        svg = diagram(plan).render("svg").decode("utf-8")
    except DiagramError as exc:
        return head + f"<p>{escape(exc.message)}</p>" + hint
    return head + svg[svg.find("<svg") :]


def report_html(report: Report) -> str:
    """A report as a short summary and a table of its findings (the first 500)."""
    s = report.summary
    lang = report.lang
    words = (
        ("baris", "kode", "tingkat", "node", "pesan", "saran")
        if lang == "id"
        else ("line", "code", "severity", "node", "message", "hint")
    )
    head = (
        f"<p><b>{escape(str(report.plan))}</b>: {s['error']} error, {s['warning']} warning, "
        f"{s['info']} info ({s['nodes']} node)</p>"
    )
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td>{escape('' if v is None else str(v))}</td>"
            for v in (
                d.location.cell or d.location.line,
                d.code,
                d.severity,
                d.node,
                d.message,
                d.hint,
            )
        )
        + "</tr>"
        for d in report.diagnostics[:ROW_LIMIT]
    )
    extra = len(report.diagnostics) - ROW_LIMIT
    more = ""
    if extra > 0:
        more = f"<p>… {extra} {'lagi' if lang == 'id' else 'more'}</p>"
    heading = "".join(f"<th>{w}</th>" for w in words)
    return f"{head}<table><thead><tr>{heading}</tr></thead><tbody>{rows}</tbody></table>{more}"


def matrix_html(matrix: Matrix) -> str:
    """A matrix as an HTML table with its gaps below; every label is escaped."""
    counts = {(c.row, c.column): c for c in matrix.cells}
    head = "".join(f'<th title="{escape(c.id)}">{escape(c.label)}</th>' for c in matrix.columns)
    body = []
    for row in matrix.rows:
        cells = []
        for col in matrix.columns:
            cell = counts.get((row.id, col.id))
            if cell is None:
                cells.append("<td></td>")
            else:
                cells.append(f'<td title="{escape(", ".join(cell.nodes))}">{cell.count}</td>')
        body.append(
            f'<tr><th title="{escape(row.id)}">{escape(row.label)}</th>{"".join(cells)}</tr>'
        )
    gaps = "".join(
        f"<li><code>{escape(g.code)} {escape(g.slug)}</code> {escape(g.message)}</li>"
        for g in matrix.gaps
    )
    return (
        f"<div><p><b>{escape(matrix.title)}</b></p><table><thead><tr><th></th>{head}</tr>"
        f"</thead><tbody>{''.join(body)}</tbody></table>"
        + (f"<p><b>Celah / Gaps</b></p><ul>{gaps}</ul>" if gaps else "")
        + "</div>"
    )


register_html(Report, report_html)
register_html(Plan, plan_html)
register_draw(Plan, diagram)
register_html(Matrix, matrix_html)
register_html(AlignmentResult, lambda result: matrix_html(result.matrix()))
register_html(CrosscuttingResult, lambda result: matrix_html(result.matrix()))
