"""The typed model of a plan: no files, no graphs, no output."""

from pohon.model.framework import (
    Crosswalk,
    CrosswalkInfo,
    CrosswalkLink,
    Framework,
    FrameworkInfo,
    FrameworkItem,
)
from pohon.model.plan import (
    FORMAT_VERSION,
    OPD,
    Baseline,
    Crosscutting,
    Indicator,
    Node,
    ParentRef,
    Period,
    Plan,
    PlanInfo,
    Value,
)
from pohon.model.scheme import BUILTIN_SCHEMES, KOTA, TEMATIK, LevelScheme, LevelSpec

__all__ = [
    "BUILTIN_SCHEMES",
    "FORMAT_VERSION",
    "KOTA",
    "OPD",
    "TEMATIK",
    "Baseline",
    "Crosscutting",
    "Crosswalk",
    "CrosswalkInfo",
    "CrosswalkLink",
    "Framework",
    "FrameworkInfo",
    "FrameworkItem",
    "Indicator",
    "LevelScheme",
    "LevelSpec",
    "Node",
    "ParentRef",
    "Period",
    "Plan",
    "PlanInfo",
    "Value",
]
