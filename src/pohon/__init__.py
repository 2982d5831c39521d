"""pohon: pohon kinerja (performance trees) of Indonesian regional governments.

Load a plan, check it as a SAKIP evaluator would, and explore its cascade::

    >>> import pohon
    >>> plan = pohon.example("mojokerto")
    >>> report = pohon.check(plan)
    >>> report.ok in (True, False)
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pohon import render as _render  # noqa: F401  (Jupyter drawings, output formats)
from pohon._version import __version__
from pohon.analysis import (
    AlignmentResult,
    CapaianResult,
    CrosscuttingResult,
    Matrix,
    PerjanjianKinerja,
    PredikatScale,
    alignment,
    capaian,
    crosscutting,
    perjanjian_kinerja,
)
from pohon.analysis.diff import Change, PlanDiff, diff
from pohon.findings import CATALOGUE, Diagnostic, Location, Report, UsageError
from pohon.graph import PlanGraph
from pohon.io import (
    LoadError,
    UnknownFrameworkError,
    builtin_crosswalks,
    builtin_frameworks,
    dump,
    dumps,
    example,
    get_framework,
    load,
    load_all,
    load_crosswalk,
    load_framework,
    loads,
    plan_schema,
)
from pohon.model import (
    KOTA,
    OPD,
    TEMATIK,
    Baseline,
    Crosscutting,
    Framework,
    Indicator,
    LevelScheme,
    LevelSpec,
    Node,
    ParentRef,
    Period,
    Plan,
    PlanInfo,
)
from pohon.render.diagram import Diagram, diagram
from pohon.rules import REGISTRY as RULES
from pohon.rules import check

if TYPE_CHECKING:
    import networkx as nx


def to_networkx(plan: Plan) -> nx.MultiDiGraph[str]:
    """The plan as a networkx ``MultiDiGraph`` with typed edges (see
    :meth:`PlanGraph.to_networkx`): ``nx.write_graphml(pohon.to_networkx(plan), "pohon.graphml")``
    writes a file for yEd or Gephi, with names, levels, OPDs, kode and pagu on the nodes."""
    return PlanGraph.of(plan).to_networkx()


__all__ = [
    "CATALOGUE",
    "KOTA",
    "OPD",
    "RULES",
    "TEMATIK",
    "AlignmentResult",
    "Baseline",
    "CapaianResult",
    "Change",
    "Crosscutting",
    "CrosscuttingResult",
    "Diagnostic",
    "Diagram",
    "Framework",
    "Indicator",
    "LevelScheme",
    "LevelSpec",
    "LoadError",
    "Location",
    "Matrix",
    "Node",
    "ParentRef",
    "Period",
    "PerjanjianKinerja",
    "Plan",
    "PlanDiff",
    "PlanGraph",
    "PlanInfo",
    "PredikatScale",
    "Report",
    "UnknownFrameworkError",
    "UsageError",
    "__version__",
    "alignment",
    "builtin_crosswalks",
    "builtin_frameworks",
    "capaian",
    "check",
    "crosscutting",
    "diagram",
    "diff",
    "dump",
    "dumps",
    "example",
    "get_framework",
    "load",
    "load_all",
    "load_crosswalk",
    "load_framework",
    "loads",
    "perjanjian_kinerja",
    "plan_schema",
    "to_networkx",
]
