"""A matrix of rows × columns with cells and gaps: the shape both analyses report in.

The JSON form is a contract for other apps::

    {"rows": [{"id", "label", ...}], "columns": [{"id", "label", ...}],
     "cells": [{"row", "column", "nodes": [ids], "count", "pagu": {year: rupiah}}],
     "gaps": [diagnostics, as in ``pohon check --format json``]}

with ``"opd_only": true`` added when the plan holds an OPD's Renstra only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from pohon.findings import Diagnostic, ShowsItself
from pohon.model import Plan

G = TypeVar("G", bound=Hashable)
K = TypeVar("K", bound=Hashable)
"""The key of an amount: a year, or (for several figures walked at once) a tagged year."""


@dataclass(frozen=True)
class Header:
    """A row or a column: an id (node, OPD or ``framework:item``), a label, and extras."""

    id: str
    label: str
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, **{k: _plain(v) for k, v in self.extra.items()}}


@dataclass(frozen=True)
class Cell:
    row: str
    column: str
    nodes: tuple[str, ...]
    pagu: Mapping[int, int | float] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.nodes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "nodes": list(self.nodes),
            "count": self.count,
            "pagu": {str(year): value for year, value in sorted(self.pagu.items())},
        }


@dataclass(frozen=True)
class Matrix(ShowsItself):
    """Rows × columns with the non-empty cells, and the gaps found."""

    title: str
    rows: tuple[Header, ...]
    columns: tuple[Header, ...]
    cells: tuple[Cell, ...]
    gaps: tuple[Diagnostic, ...] = ()
    """What is missing, as the rules' findings (PK3xx for alignment, PK4xx for crosscutting):
    the analysis leaves it empty; ``pohon matrix`` and :func:`pohon.render.matrix_with_findings`
    fill it from a check of the same plan."""
    opd_only: bool = False
    """The plan holds an OPD's Renstra only (:attr:`pohon.Plan.opd_only`): the RPJMD part the
    matrix is about is in another file, so its rows are empty or its coverage is not
    judged; the renderers say so."""

    def cell(self, row: str, column: str) -> Cell | None:
        for c in self.cells:
            if c.row == row and c.column == column:
                return c
        return None

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract: rows, columns, cells (non-empty only) and gaps, with ids."""
        return {
            "title": self.title,
            "rows": [r.to_dict() for r in self.rows],
            "columns": [c.to_dict() for c in self.columns],
            "cells": [c.to_dict() for c in self.cells],
            "gaps": [g.to_dict() for g in self.gaps],
            **({"opd_only": True} if self.opd_only else {}),
        }

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per non-empty cell, for a DataFrame or a spreadsheet."""
        rows = {r.id: r.label for r in self.rows}
        columns = {c.id: c.label for c in self.columns}
        out = []
        for c in self.cells:
            record: dict[str, Any] = {
                "row": c.row,
                "row_label": rows.get(c.row, c.row),
                "column": c.column,
                "column_label": columns.get(c.column, c.column),
                "count": c.count,
                "nodes": ", ".join(c.nodes),
            }
            for year, value in sorted(c.pagu.items()):
                record[f"pagu_{year}"] = value
            out.append(record)
        return out

    def to_frame(self) -> Any:
        """The cell counts as a pandas DataFrame, rows × columns (needs pandas)."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("to_frame() needs pandas: pip install 'pohon[pandas]'") from exc
        counts = {(c.row, c.column): c.count for c in self.cells}
        data = [[counts.get((r.id, col.id), 0) for col in self.columns] for r in self.rows]
        return pd.DataFrame(
            data, index=[r.label for r in self.rows], columns=[c.label for c in self.columns]
        )


def records_frame(records: list[dict[str, Any]]) -> Any:
    """Flat records as a pandas DataFrame; pandas is an optional extra."""
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("to_frame() needs pandas: pip install 'pohon[pandas]'") from exc
    return pd.DataFrame.from_records(records)


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [_plain(v) for v in value]
    return value


def pagu_once(
    members: list[str],
    rank: Mapping[str, int],
    parents_of: Mapping[str, tuple[str, ...]],
    pagu_of: Mapping[str, Mapping[int, int | float]],
) -> dict[int, int | float]:
    """The pagu behind a set of nodes, each rupiah once.

    A node's pagu for a year counts unless an ancestor within ``members`` already carries
    pagu for that year (a kegiatan's pagu is inside its program's; a sub kegiatan under a
    kegiatan without pagu still counts under a program without pagu for that year).
    ``rank`` orders nodes parents-first; the walk is linear in ``members``.
    """
    member_set = set(members)
    covered: dict[str, frozenset[int]] = {}
    total: dict[int, int | float] = {}
    none: frozenset[int] = frozenset()
    for node_id in sorted(members, key=rank.__getitem__):
        above = none
        for parent in parents_of.get(node_id, ()):
            if parent in member_set:
                from_parent = covered.get(parent, none)
                above = from_parent if not above else above | from_parent
        pagu = pagu_of.get(node_id)
        if pagu:
            for year, value in pagu.items():
                if year not in above:
                    total[year] = total.get(year, 0) + value
            above = above | frozenset(pagu)
        covered[node_id] = above
    return dict(sorted(total.items()))


def pagu_by_group(
    order: Iterable[str],
    parents_of: Mapping[str, tuple[str, ...]],
    groups_of: Mapping[str, frozenset[G]],
    pagu_of: Mapping[str, Mapping[K, Any]],
) -> dict[G, dict[K, Any]]:
    """The pagu behind every group of nodes at once, each rupiah once per group.

    The same sums as :func:`pagu_once` on each group's members (the nodes whose
    ``groups_of`` holds the group), in one walk of ``order`` (parents first) instead of one
    walk per group: a node's pagu for a year counts in a group unless an ancestor reached
    through members of that group already carries pagu for that year. A node passes its
    children the years covered per group; a child with one parent, the same groups and no
    new year shares its parent's map, so the walk is linear in the plan and its memory in
    the nodes that change something.
    """
    totals: dict[G, dict[K, Any]] = {}
    covered: dict[str, Mapping[G, frozenset[K]]] = {}
    pool: dict[frozenset[K], frozenset[K]] = {}
    none: frozenset[K] = frozenset()
    for node_id in order:
        groups = groups_of.get(node_id)
        if not groups:
            continue
        parents = parents_of.get(node_id, ())
        pagu = pagu_of.get(node_id)
        if len(parents) == 1:
            parent_groups = groups_of.get(parents[0])
            if parent_groups is groups or parent_groups == groups:
                # The common case: one parent in the same groups; its map holds each group.
                above = covered[parents[0]]
                if pagu:
                    changed: dict[G, frozenset[K]] | None = None
                    for group in groups:
                        seen = above[group]
                        if not seen.issuperset(pagu):
                            _add(totals, group, pagu, seen)
                            if changed is None:
                                changed = dict(above)
                            changed[group] = _intern(pool, seen | frozenset(pagu))
                    if changed is not None:
                        covered[node_id] = changed
                        continue
                covered[node_id] = above
                continue
        mine: dict[G, frozenset[K]] = {}
        for group in groups:
            seen = none
            for parent in parents:
                years = covered.get(parent, {}).get(group)
                if years:
                    seen = years if not seen else seen | years
            if pagu:
                _add(totals, group, pagu, seen)
                if not seen.issuperset(pagu):
                    seen = seen | frozenset(pagu)
            mine[group] = _intern(pool, seen)
        covered[node_id] = mine
    return {group: dict(sorted(total.items())) for group, total in totals.items()}


def budget_of(plan: Plan, index: Mapping[str, int]) -> dict[str, Mapping[int, int | float]]:
    """The pagu of every node that has one, by node id."""
    nodes = plan.nodes
    return {node_id: pagu for node_id, i in index.items() if (pagu := nodes[i].pagu)}


class PaguTable(Generic[G]):
    """The pagu of every group, worked out by :func:`pagu_by_group` when first read.

    An analysis hands each of its cells or items a :class:`GroupPagu` view into one table,
    so a caller that never reads a pagu (a check asks only who serves what) never pays for
    the walk. The table keeps what the walk needs until then, and lets it go afterwards.
    """

    def __init__(
        self,
        order: Iterable[str],
        parents_of: Mapping[str, tuple[str, ...]],
        groups_of: Mapping[str, frozenset[G]],
        pagu_of: Callable[[], Mapping[str, Mapping[int, int | float]]],
    ) -> None:
        self._inputs: (
            tuple[
                Iterable[str],
                Mapping[str, tuple[str, ...]],
                Mapping[str, frozenset[G]],
                Callable[[], Mapping[str, Mapping[int, int | float]]],
            ]
            | None
        ) = (order, parents_of, groups_of, pagu_of)
        self._totals: dict[G, dict[int, int | float]] | None = None
        self._lock = threading.Lock()

    def of(self, group: G) -> Mapping[int, int | float]:
        """The pagu of one group per year (empty when its nodes carry none)."""
        return self._sums().get(group, _NO_PAGU)

    def _sums(self) -> dict[G, dict[int, int | float]]:
        totals = self._totals
        if totals is None:
            with self._lock:  # one walk, however many threads read at once
                if self._totals is None:
                    assert self._inputs is not None
                    order, parents_of, groups_of, pagu_of = self._inputs
                    self._totals = pagu_by_group(order, parents_of, groups_of, pagu_of())
                    self._inputs = None
                totals = self._totals
        return totals

    def __getstate__(self) -> dict[str, Any]:  # a copy or a pickle holds the sums
        return {"totals": self._sums()}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._totals = state["totals"]
        self._inputs = None
        self._lock = threading.Lock()


_NO_PAGU: Mapping[int, int | float] = MappingProxyType({})


class GroupPagu(Mapping[int, int | float], Generic[G]):
    """One group's pagu per year, read from its :class:`PaguTable` on first use; it reads,
    compares and prints as the ``{year: rupiah}`` dict it stands for."""

    __slots__ = ("_group", "_table")

    def __init__(self, table: PaguTable[G], group: G) -> None:
        self._table = table
        self._group = group

    def __getitem__(self, year: int) -> int | float:
        return self._table.of(self._group)[year]

    def __iter__(self) -> Iterator[int]:
        return iter(self._table.of(self._group))

    def __len__(self) -> int:
        return len(self._table.of(self._group))

    def __repr__(self) -> str:
        return repr(dict(self._table.of(self._group)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # like the dict it stands for


def _intern(pool: dict[frozenset[K], frozenset[K]], years: frozenset[K]) -> frozenset[K]:
    return pool.setdefault(years, years)


def _add(
    totals: dict[G, dict[K, Any]],
    group: G,
    pagu: Mapping[K, Any],
    seen: frozenset[K],
) -> None:
    total = totals.get(group)
    if total is None:
        total = totals[group] = {}
    for year, value in pagu.items():
        if year not in seen:
            total[year] = total.get(year, 0) + value
