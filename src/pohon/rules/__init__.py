"""Rules: the coded checks a SAKIP evaluator makes, their registry and the runner.

- :mod:`pohon.rules.registry`: rules, their catalogue entries, settings, selection;
- :mod:`pohon.rules.context`: what a rule sees (plan, graph, analyses, shared columns);
- :mod:`pohon.rules.engine`: :func:`check`, the runner;
- one module per family (structure, indicators, alignment, crosscutting, pagu, capaian),
  :mod:`pohon.rules.wording` for the indicators family's checks of names and satuan, and
  :mod:`pohon.rules.opd_only` for PK117 (structure), the plan that holds a Renstra only,
  :mod:`pohon.rules.imported` for PK120, the notes of reading a cascading workbook, and
  :mod:`pohon.rules.revisi` for the revision rules (PK7xx), which compare the plan with
  its older revision (``check(plan, previous=old)``).
"""

from pohon.findings import Diagnostic, Location, Report, display
from pohon.rules import (
    alignment,  # noqa: F401
    capaian,  # noqa: F401
    crosscutting,  # noqa: F401
    imported,  # noqa: F401
    indicators,  # noqa: F401
    opd_only,  # noqa: F401
    pagu,  # noqa: F401
    revisi,  # noqa: F401
    structure,  # noqa: F401  (registers the rules)
    wording,  # noqa: F401
)
from pohon.rules.context import Context
from pohon.rules.engine import check
from pohon.rules.registry import (
    FAMILIES,
    REGISTRY,
    SETTINGS,
    Finding,
    Rule,
    RuleDoc,
    Setting,
    rule,
    selected_rules,
    setting,
)

__all__ = [
    "FAMILIES",
    "REGISTRY",
    "SETTINGS",
    "Context",
    "Diagnostic",
    "Finding",
    "Location",
    "Report",
    "Rule",
    "RuleDoc",
    "Setting",
    "check",
    "display",
    "rule",
    "selected_rules",
    "setting",
]
