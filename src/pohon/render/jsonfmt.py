"""The JSON output: one document for all files checked together (the ``--format json`` contract).

::

    {
      "diagnostics": [{"code": ..., "slug": ..., "severity": ..., "plan": ..., "node": ...,
                       "indicator": ..., "field": ..., "message": ..., "hint": ...,
                       "location": {"file", "line", "column", "sheet", "cell", "path"},
                       "related": [...], "values": {...}}, ...],
      "load_errors": [{"code": ..., "file": ..., "line": ..., "column": ..., "path": ...,
                       "message": ...}],
      "summary": {"files": [{"file", "plan", "nodes", "diagnostics", "error", "warning",
                             "info", "scope"}, ...],
                  "checked": ..., "unreadable": ..., "nodes": ..., "diagnostics": ...,
                  "error": ..., "warning": ..., "info": ..., "by_code": {...},
                  "rules": [...], "ok": ...},
      "tool": {"name": "pohon", "version": ...}
    }

A file's ``scope`` is there only when its report is scoped (``--opd``, ``--level``,
``--severity``): ``{"opds", "levels", "severity", "absent_opds", "left_out", "plan_wide"}``;
the counts of the file and the totals are those of the findings shown.

Keys are sorted, text is kept as written (not ASCII-escaped), and the same input always gives
the same bytes.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable
from typing import Any

from pohon._version import __version__
from pohon.findings import Lang, Report
from pohon.io import LoadError
from pohon.render._common import problems

Results = Report | LoadError | Iterable[Report | LoadError]


def _items(results: Results) -> list[Report | LoadError]:
    if isinstance(results, Report | LoadError):
        return [results]
    return list(results)


def to_json_data(results: Results, *, lang: Lang = "id") -> dict[str, Any]:
    """The JSON document as Python data (see the module docstring for its shape)."""
    items = _items(results)
    reports = [item for item in items if isinstance(item, Report)]
    errors = [item for item in items if isinstance(item, LoadError)]
    diagnostics: list[dict[str, Any]] = []
    files = []
    totals: Counter[str] = Counter()
    by_code: Counter[str] = Counter()
    rules: set[str] = set()
    for report in reports:
        s = report.summary
        files.append(
            {
                "file": report.file,
                "plan": report.plan,
                "nodes": s["nodes"],
                "diagnostics": s["diagnostics"],
                "error": s["error"],
                "warning": s["warning"],
                "info": s["info"],
            }
        )
        if report.scope.applied:
            files[-1]["scope"] = s["scope"]
        for key in ("nodes", "diagnostics", "error", "warning", "info"):
            totals[key] += s[key]
        by_code.update(s["by_code"])
        rules.update(report.rules)
        diagnostics.extend(d.to_dict() for d in report.diagnostics)
    load_errors = [
        {
            "code": p.code,
            "file": error.file,
            "line": p.line,
            "column": p.column,
            "sheet": p.sheet,
            "cell": p.cell,
            "path": p.path,
            "message": p.text(lang),
        }
        for error, p in problems(errors)
    ]
    summary = {
        "files": files,
        "checked": len(reports),
        "unreadable": len(errors),
        "nodes": totals["nodes"],
        "diagnostics": totals["diagnostics"],
        "error": totals["error"],
        "warning": totals["warning"],
        "info": totals["info"],
        "by_code": dict(sorted(by_code.items())),
        "rules": sorted(rules),
        "ok": not errors and totals["error"] == 0,
    }
    return {
        "diagnostics": diagnostics,
        "load_errors": load_errors,
        "summary": summary,
        "tool": {"name": "pohon", "version": __version__},
    }


def render_json(results: Results, *, lang: Lang = "id") -> str:
    """Reports (and load errors) as one JSON document, indented, with a final newline."""
    data = _finite(to_json_data(results, lang=lang))
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False) + "\n"


def _finite(value: Any) -> Any:
    """The data with NaN and infinities written as text, so the output stays valid JSON."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value
