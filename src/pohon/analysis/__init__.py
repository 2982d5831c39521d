"""Analyses of a plan: alignment with frameworks, crosscutting between OPDs.

Analyses return typed data; they never print and never decide severities (rules do).
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
from pohon.analysis.matrix import Cell, Gap, Header, Matrix, to_html

__all__ = [
    "AlignmentResult",
    "BadReference",
    "Cell",
    "Contribution",
    "CrosscuttingResult",
    "DeclarationGap",
    "Duplicate",
    "Gap",
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
    "to_html",
]
