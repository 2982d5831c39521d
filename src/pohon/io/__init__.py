"""Reading and writing plans and frameworks; source locations; load errors."""

from pohon.io.errors import LoadError, Problem, UnknownFrameworkError
from pohon.io.examples import EXAMPLES, example, example_text
from pohon.io.frameworks import (
    builtin_crosswalks,
    builtin_frameworks,
    get_framework,
    load_crosswalk,
    load_framework,
    loads_crosswalk,
    loads_framework,
)
from pohon.io.parts import PartsSource, join, load_all
from pohon.io.plans import dump, dumps, load, loads
from pohon.io.schema import plan_schema
from pohon.io.source import SourceMap

__all__ = [
    "EXAMPLES",
    "LoadError",
    "PartsSource",
    "Problem",
    "SourceMap",
    "UnknownFrameworkError",
    "builtin_crosswalks",
    "builtin_frameworks",
    "dump",
    "dumps",
    "example",
    "example_text",
    "get_framework",
    "join",
    "load",
    "load_all",
    "load_crosswalk",
    "load_framework",
    "loads",
    "loads_crosswalk",
    "loads_framework",
    "plan_schema",
]
