"""Linter-style text: one line per finding, its hint below, a summary per file.

::

    mojokerto.yaml:120: PK102 [error] Node P-1 merujuk induk S-9 yang tidak ada di rencana
      saran: Periksa ejaan id induk, atau tambahkan node S-9.
    mojokerto.yaml: 1 error, 0 warning, 0 info pada 240 node

A scoped report (:meth:`~pohon.Report.for_opd`, ``pohon check --opd``) says so on its
summary line, and how many findings it leaves out on the line below::

    mojokerto.yaml: 2 error, 9 warning, 4 info pada 19 node (hanya OPD dinkes)
    mojokerto.yaml: 140 temuan di luar cakupan tidak ditampilkan, 31 di antaranya tentang
    rencana secara keseluruhan (bukan tentang node atau OPD)

Findings about the whole plan (no line) print as ``file: CODE ...``. Names are shown as
written; only line breaks and control characters are made visible, so that one finding stays
one line and nothing in a name can drive the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable

from pohon.findings import Diagnostic, Lang, Location, Report
from pohon.io import LoadError
from pohon.render._common import error_file, one_line, problems, report_name, where

Results = Report | LoadError | Iterable[Report | LoadError]

_RESET = "\x1b[0m"
_COLOURS = {
    "error": "\x1b[1;31m",
    "warning": "\x1b[33m",
    "info": "\x1b[36m",
    "code": "\x1b[1m",
    "where": "\x1b[2m",
}


def _paint(text: str, style: str, color: bool) -> str:
    return f"{_COLOURS[style]}{text}{_RESET}" if color else text


def _items(results: Results) -> list[Report | LoadError]:
    if isinstance(results, Report | LoadError):
        return [results]
    return list(results)


def diagnostic_lines(d: Diagnostic, *, lang: Lang = "id", color: bool = False) -> list[str]:
    """The line of one finding and, when it has one, the indented hint line below it."""
    place = where(d.location, d.plan or ("<rencana>" if lang == "id" else "<plan>"))
    head = (
        f"{_paint(one_line(place) + ':', 'where', color)} {_paint(d.code, 'code', color)} "
        f"{_paint('[' + d.severity + ']', d.severity, color)} {one_line(d.message)}"
    )
    lines = [head]
    if d.hint:
        label = "saran" if lang == "id" else "hint"
        lines.append(f"  {label}: {one_line(d.hint)}")
    return lines


def _plural(count: int, word: str, lang: Lang) -> str:
    if lang == "id" or count == 1 or word == "info":
        return f"{count:,} {word}".replace(",", "." if lang == "id" else ",")
    return f"{count:,} {word}s"


def _counts(error: int, warning: int, info: int, lang: Lang) -> str:
    return ", ".join(
        _plural(n, w, lang) for n, w in ((error, "error"), (warning, "warning"), (info, "info"))
    )


def summary_line(report: Report, *, lang: Lang = "id", color: bool = False) -> str:
    """``file: 3 error, 12 warning, 4 info pada 240 node``, and ``(hanya OPD dinkes)`` after
    it when the report is scoped."""
    s = report.summary
    name = one_line(report_name(report, lang))
    nodes = _plural(s["nodes"], "node", lang)
    scope = f" ({one_line(report.scope.describe(lang))})" if report.scope.applied else ""
    if not s["diagnostics"]:
        found = "tidak ada temuan pada" if lang == "id" else "no findings in"
        return f"{name}: {found} {nodes}{scope}"
    counts = _counts(s["error"], s["warning"], s["info"], lang)
    if color and s["error"]:
        counts = _paint(counts, "error", color)
    return f"{name}: {counts} {'pada' if lang == 'id' else 'in'} {nodes}{scope}"


def scope_lines(report: Report, *, lang: Lang = "id") -> list[str]:
    """What a scoped report leaves out, and the asked OPDs its plan does not have."""
    name = one_line(report_name(report, lang))
    return [
        f"{name}: {text}"
        for text in (report.scope.absent_text(lang), report.scope.left_out_text(lang))
        if text
    ]


def load_error_lines(error: LoadError, *, lang: Lang = "id", color: bool = False) -> list[str]:
    """``file:line:column: CODE [path] message`` for every problem, then a closing line."""
    name = one_line(error_file(error, lang))
    lines = []
    count = 0
    for _, p in problems([error]):
        count += 1
        place = one_line(
            str(Location(error_file(error, lang), p.line, p.column, sheet=p.sheet, cell=p.cell))
        )
        at = f" [{one_line(p.path)}]" if p.path else ""
        lines.append(f"{_paint(place + ':', 'where', color)}{at} {one_line(p.text(lang))}")
    if lang == "id":
        closing = f"{name}: tidak bisa dibaca ({count} masalah)"
    else:
        closing = f"{name}: cannot be read ({count} problem{'s' if count != 1 else ''})"
    lines.append(_paint(closing, "error", color))
    return lines


def total_line(items: Iterable[Report | LoadError], *, lang: Lang = "id") -> str:
    """The totals over several inputs: files, unreadable files, findings and nodes."""
    files = unreadable = error = warning = info = nodes = 0
    for item in items:
        files += 1
        if isinstance(item, LoadError):
            unreadable += 1
            continue
        s = item.summary
        error += s["error"]
        warning += s["warning"]
        info += s["info"]
        nodes += s["nodes"]
    if lang == "id":
        head = f"Total: {_plural(files, 'berkas', lang)}"
        if unreadable:
            head += f" ({unreadable} tidak bisa dibaca)"
        return f"{head}, {_counts(error, warning, info, lang)} pada {_plural(nodes, 'node', lang)}"
    head = f"Total: {_plural(files, 'file', lang)}"
    if unreadable:
        head += f" ({unreadable} could not be read)"
    return f"{head}, {_counts(error, warning, info, lang)} in {_plural(nodes, 'node', lang)}"


def render_text(results: Results, *, lang: Lang = "id", color: bool = False) -> str:
    """Reports (and load errors of files that could not be read) as linter text.

    ``results`` is one :class:`~pohon.Report`, or several reports and
    :class:`~pohon.LoadError` values in the order the files were given. With more than one,
    files are separated by a blank line and a total line closes the output. ``color`` adds
    ANSI colours; the caller decides when (a terminal, ``NO_COLOR`` unset).
    """
    items = _items(results)
    blocks: list[list[str]] = []
    for item in items:
        if isinstance(item, LoadError):
            blocks.append(load_error_lines(item, lang=lang, color=color))
            continue
        block: list[str] = []
        for d in item.diagnostics:
            block.extend(diagnostic_lines(d, lang=lang, color=color))
        block.append(summary_line(item, lang=lang, color=color))
        block.extend(scope_lines(item, lang=lang))
        blocks.append(block)
    if len(items) > 1:
        blocks.append([total_line(items, lang=lang)])
    return "\n\n".join("\n".join(block) for block in blocks) + ("\n" if blocks else "")
