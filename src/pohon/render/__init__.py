"""Rendering: reports as linter text, JSON or SARIF; matrices; the rule reference; Jupyter.

Renderers only format what the rules layer decided: a :class:`pohon.Report` (or several,
one per file), the load errors of files that could not be read, and the rule registry. The
output formats of ``pohon check`` are registered in :data:`FORMATS`.

>>> import pohon
>>> from pohon.render import render_text
>>> plan = pohon.loads('''
... plan: {id: p, name: Rencana, period: {start: 2025, end: 2029}}
... nodes:
...   - {id: V1, level: visi, name: Kota maju}
...   - {id: M1, level: misi, name: Warga sehat, parents: [V9]}
... ''', file="p.yaml")
>>> print(render_text(pohon.check(plan, select=["PK102"])), end="")
p.yaml:5: PK102 [error] Misi "Warga sehat" merujuk induk V9 ...
  saran: ...
p.yaml: 1 error, 0 warning, 0 info pada 2 node
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pohon.render import capaian as _capaian  # noqa: F401  (Jupyter drawing of capaian)
from pohon.render import diff as _diff  # noqa: F401  (Jupyter drawing of a PlanDiff)
from pohon.render import notebook  # noqa: F401  (registers the Jupyter drawings)
from pohon.render import pk as _pk  # noqa: F401  (Jupyter drawing of a Perjanjian Kinerja)
from pohon.render.formats import FORMATS, Formatter, register_format, render
from pohon.render.jsonfmt import render_json, to_json_data
from pohon.render.matrix import with_findings
from pohon.render.sarif import render_sarif, to_sarif_data
from pohon.render.text import render_text

if TYPE_CHECKING:
    from pohon.render.docs import rule_text, rules_markdown, rules_table

__all__ = [
    "FORMATS",
    "Formatter",
    "register_format",
    "render",
    "render_json",
    "render_sarif",
    "render_text",
    "rule_text",
    "rules_markdown",
    "rules_table",
    "to_json_data",
    "to_sarif_data",
    "with_findings",
]

_DOCS = frozenset({"rule_text", "rules_markdown", "rules_table"})


def __getattr__(name: str) -> Any:
    # The docs module is also run as ``python -m pohon.render.docs``: import it on demand only,
    # so that running it as a script does not find it already imported.
    if name in _DOCS:
        from pohon.render import docs

        return getattr(docs, name)
    raise AttributeError(f"module 'pohon.render' has no attribute {name!r}")
