"""Analyses of a plan: alignment with frameworks, crosscutting between OPDs, capaian
(achievement, predikat, roll-up, budget) and the Perjanjian Kinerja.

Analyses return typed data; they never print and never decide severities. What is missing
in that data (an item nobody supports, a sasaran no OPD serves) is a rule's finding, with the
rule's code: the alignment rules (PK3xx), the crosscutting rules (PK4xx) and the capaian
rules (PK6xx) read these results.
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
from pohon.analysis.anggaran import Budget
from pohon.analysis.capaian import (
    CapaianResult,
    IndicatorCapaian,
    NodeCapaian,
    PeriodCapaian,
    capaian,
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
from pohon.analysis.pk import PerjanjianKinerja, perjanjian_kinerja
from pohon.analysis.predikat import Band, PredikatScale, builtin_scale, load_scale

__all__ = [
    "AlignmentResult",
    "BadReference",
    "Band",
    "Budget",
    "CapaianResult",
    "Cell",
    "Contribution",
    "CrosscuttingResult",
    "DeclarationGap",
    "Duplicate",
    "Header",
    "IndicatorCapaian",
    "ItemSupport",
    "Keroyokan",
    "LoneOutcome",
    "Matrix",
    "NodeCapaian",
    "PeriodCapaian",
    "PerjanjianKinerja",
    "PredikatScale",
    "StrayAlignment",
    "alignment",
    "builtin_scale",
    "capaian",
    "crosscutting",
    "crosswalk_chain",
    "load_scale",
    "normalise_name",
    "parse_ref",
    "perjanjian_kinerja",
]
