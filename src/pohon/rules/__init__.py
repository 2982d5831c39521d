"""Rules: the coded checks a SAKIP evaluator makes, and the engine that runs them."""

from pohon.rules import (
    alignment,  # noqa: F401
    crosscutting,  # noqa: F401
    indicators,  # noqa: F401
    pagu,  # noqa: F401
    structure,  # noqa: F401  (registers the rules)
)
from pohon.rules.engine import (
    FAMILIES,
    REGISTRY,
    Context,
    Diagnostic,
    Finding,
    Location,
    Report,
    Rule,
    RuleDoc,
    check,
    display,
    rule,
    selected_rules,
)

__all__ = [
    "FAMILIES",
    "REGISTRY",
    "Context",
    "Diagnostic",
    "Finding",
    "Location",
    "Report",
    "Rule",
    "RuleDoc",
    "check",
    "display",
    "rule",
    "selected_rules",
]
