"""Example plans shipped with pohon."""

from __future__ import annotations

from importlib import resources

from pohon.io.plans import loads
from pohon.model import Plan

EXAMPLES = ("mojokerto", "mojokerto-rancangan")
"""The example plan, and its older revision: the draft before an asistensi."""


def example_text(name: str = "mojokerto") -> str:
    """The example plan file's text, as shipped."""
    if name not in EXAMPLES:
        raise KeyError(f"contoh {name!r} tidak ada; yang tersedia: {', '.join(EXAMPLES)}")
    path = resources.files("pohon") / "data" / "examples" / f"{name}.yaml"
    return path.read_text(encoding="utf-8")


def example(name: str = "mojokerto") -> Plan:
    """An example plan, with line numbers pointing into its shipped file.

    >>> plan = example("mojokerto")
    >>> len(plan.nodes) >= 200
    True
    """
    return loads(example_text(name), format="yaml", file=f"{name}.yaml")
