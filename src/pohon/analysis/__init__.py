"""Analyses of a plan: alignment with frameworks, crosscutting between OPDs.

Analyses return typed data; they never print and never decide severities. What is missing
in that data (an item nobody supports, a sasaran no OPD serves) is a rule's finding, with the
rule's code: the alignment rules (PK3xx) and the crosscutting rules (PK4xx) read these
results.
"""

from pohon.analysis.alignment import (
    AlignmentResult,
    BadReference,
    ItemSupport,
    StrayAlignment,
    alignment,
    crosswalk_chain,
    parse_ref,
)
from pohon.analysis.crosscutting import (
    Contribution,
    CrosscuttingResult,
    DeclarationGap,
    Duplicate,
    Keroyokan,
    LoneOutcome,
    crosscutting,
    normalise_name,
)
from pohon.analysis.matrix import Cell, Header, Matrix

__all__ = [
    "AlignmentResult",
    "BadReference",
    "Cell",
    "Contribution",
    "CrosscuttingResult",
    "DeclarationGap",
    "Duplicate",
    "Header",
    "ItemSupport",
    "Keroyokan",
    "LoneOutcome",
    "Matrix",
    "StrayAlignment",
    "alignment",
    "crosscutting",
    "crosswalk_chain",
    "normalise_name",
    "parse_ref",
]
