"""Budget: realisasi anggaran against pagu, per node and per group, each rupiah once.

Per node, a figure is the node's own where written, else the sum of its children's, each
child's rupiah split over its parents by its shares (its link's weight over the sum of its
links' weights; equal shares where none are given). Per OPD, Pemda sasaran, framework item
and for the whole Pemda, each rupiah is counted once along the cascade, as the matrices
count pagu (:func:`pohon.analysis.matrix.pagu_by_group`).

A realisasi that was not written is not taken as zero: absorption (*serapan*) compares the
realisasi with the pagu of the nodes that report one for that year (``pagu_reported``), and
*cakupan* says how much of the whole pagu that is. A Pemda where only two OPDs have entered
their spending so far shows their absorption, covering a small share of the budget, not a
city that spent half its money. Efficiency is capaian against absorption:
``capaian / serapan``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from pohon.analysis.matrix import pagu_by_group
from pohon.analysis.measure import HUNDRED, as_decimal
from pohon.analysis.predikat import rounded
from pohon.graph import PlanGraph
from pohon.model import Plan

if TYPE_CHECKING:
    from pohon.analysis.capaian import NodeCapaian

GroupKind = Literal["node", "opd", "sasaran", "item", "pemda"]


@dataclass(frozen=True)
class Budget:
    """Pagu against realisasi anggaran of one node or group in one year."""

    kind: GroupKind
    id: str
    year: int
    pagu: Decimal | None
    """The whole pagu of the node or group, each rupiah once."""
    realisasi: Decimal | None
    pagu_reported: Decimal | None = None
    """The pagu of the nodes that report a realisasi anggaran for the year."""
    capaian: Decimal | None = None
    """The performance the money bought, for the efficiency figure."""

    @property
    def serapan(self) -> Decimal | None:
        """Absorption in percent: realisasi anggaran against the pagu that reports one."""
        base = self.pagu_reported
        if base is None or self.realisasi is None or base <= 0:
            return None
        return self.realisasi / base * HUNDRED

    @property
    def cakupan(self) -> Decimal | None:
        """The share of the pagu (percent) whose realisasi is reported."""
        if self.pagu is None or self.pagu_reported is None or self.pagu <= 0:
            return None
        return self.pagu_reported / self.pagu * HUNDRED

    @property
    def efisiensi(self) -> Decimal | None:
        """Capaian against absorption (above 1: more performance than money spent)."""
        serapan = self.serapan
        if self.capaian is None or serapan is None or serapan == 0:
            return None
        return self.capaian / serapan

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "year": self.year,
            "pagu": _number(self.pagu, money=True),
            "realisasi": _number(self.realisasi, money=True),
            "pagu_reported": _number(self.pagu_reported, money=True),
            "serapan": _number(self.serapan),
            "cakupan": _number(self.cakupan),
            "capaian": _number(self.capaian),
            "efisiensi": _number(self.efisiensi),
        }


def _number(value: Decimal | None, *, money: bool = False) -> float | int | None:
    """A Decimal for JSON: rupiah whole where whole, a capaian rounded to two decimals."""
    if value is None:
        return None
    if money:
        whole = value.to_integral_value()
        return int(whole) if whole == value else float(rounded(value))
    shown = rounded(value)
    return int(shown) if shown == shown.to_integral_value() else float(shown)


Money = int | Decimal
"""An amount while it is added up: whole rupiah stay integers (exact, and several times
faster to add than Decimals), other amounts are Decimals; a :class:`Budget` holds
Decimals only (:func:`_as_money`)."""


def _money(values: Mapping[int, int | float], years: frozenset[int]) -> dict[int, Money]:
    """The amounts of ``years``, exactly as written: integers as they are, others as
    Decimals."""
    out: dict[int, Money] = {}
    for year, value in values.items():
        if year in years:
            if type(value) is int:
                out[year] = value
                continue
            amount = as_decimal(value)
            if amount is not None:
                out[year] = amount
    return out


_PAGU, _SPENT, _REPORTED = 0, 1, 2
"""A node's figures for a year are keyed ``year * 3 + figure``: pagu, realisasi anggaran,
and the pagu behind a reported realisasi."""


def _as_money(value: Money | None) -> Decimal | None:
    return Decimal(value) if type(value) is int else value  # type: ignore[return-value]


def budget_rows(
    plan: Plan,
    graph: PlanGraph,
    order: Sequence[str],
    shares: Mapping[str, tuple[tuple[str, Decimal], ...]],
    years: Sequence[int],
    node_rows: Sequence[NodeCapaian],
    opd: str | None,
    keep: set[str] | None,
) -> list[Budget]:
    nodes = plan.nodes
    index = graph.index
    wanted = frozenset(years)
    # The figures of the years asked for, read once: realisasi, then pagu, and the pagu
    # behind each reported realisasi (the same node, the same year). A Budget row needs a
    # realisasi, so pagu is read only for the years where some node reports one: in a plan
    # read in its first year, one year of five. The three figures of a node share one dict,
    # keyed ``year * 3 + figure`` (:data:`_PAGU`), so that every walk below visits a node
    # once.
    spent_of: dict[str, dict[int, Money]] = {}
    opd_of: dict[str, str | None] = {}  # each node's OPD, read while the node is at hand
    spent_years: set[int] = set()
    aligned: list[tuple[str, tuple[str, ...]]] = []  # the nodes that name framework items
    for node_id, at in index.items():
        node = nodes[at]
        opd_of[node_id] = node.opd
        if node.aligns:
            aligned.append((node_id, node.aligns))
        spent = node.realisasi_anggaran
        if spent:
            in_years = _money(spent, wanted)
            if in_years:
                spent_of[node_id] = in_years
                spent_years.update(in_years)
    if not spent_of:
        return []
    years = [y for y in years if y in spent_years]
    wanted = frozenset(years)
    amounts: dict[str, dict[int, Money]] = {}
    for node_id, at in index.items():
        pagu = nodes[at].pagu
        spent_here = spent_of.get(node_id)
        figures: dict[int, Money] = {}
        if pagu:
            for y, amount in _money(pagu, wanted).items():
                figures[y * 3 + _PAGU] = amount
                if spent_here is not None and y in spent_here:
                    figures[y * 3 + _REPORTED] = amount
        if spent_here is not None:
            for y, amount in spent_here.items():
                figures[y * 3 + _SPENT] = amount
        if figures:
            amounts[node_id] = figures
    value_of = {
        (r.node, r.year): r.capaian for r in node_rows if r.capaian is not None and r.year in wanted
    }

    # Per node and figure: its own where written, else the sum of its children's, each
    # child's rupiah split over its parents by its shares. A parent that writes its own
    # figure for the year takes nothing from its children.
    rolled: dict[str, dict[int, Money]] = {}
    below: dict[str, dict[int, Money]] = {}
    for node_id in reversed(order):
        mine = below.pop(node_id, None)
        written = amounts.get(node_id)
        if written:
            mine = {**mine, **written} if mine else written
        if not mine:
            continue
        rolled[node_id] = mine
        for parent, share in shares.get(node_id, ()):
            theirs = amounts.get(parent)
            slot = below.get(parent)
            for key, amount in mine.items():
                if theirs is not None and key in theirs:
                    continue
                if slot is None:
                    slot = below[parent] = {}
                slot[key] = slot.get(key, 0) + (amount if share == 1 else amount * share)
    out: list[Budget] = []
    for node_id in order:
        here = rolled.get(node_id)
        if here is None or (keep is not None and node_id not in keep):
            continue
        for y in years:
            spent_sum = here.get(y * 3 + _SPENT)
            if spent_sum is not None:
                out.append(
                    Budget(
                        "node",
                        node_id,
                        y,
                        _as_money(here.get(y * 3 + _PAGU)),
                        _as_money(spent_sum),
                        _as_money(here.get(y * 3 + _REPORTED)),
                        value_of.get((node_id, y)),
                    )
                )

    # Groups, each rupiah once: OPD, Pemda sasaran, framework item, the whole Pemda. One
    # walk counts the three figures for every group (pagu_by_group keeps each key apart).
    from pohon.analysis.alignment import alignment
    from pohon.analysis.crosscutting import sasaran_served

    # A node's groups: the Pemda and its OPD (one shared set per OPD), and for some nodes
    # the Pemda sasaran and framework items it serves.
    more: dict[str, set[tuple[str, str]]] = {}
    # A node of an OPD level counts for the sasaran nearest above it, as in the
    # crosscutting matrix's cells.
    opd_levels = {lv.id for lv in plan.scheme.levels if lv.owner == "opd"}
    for node_id, near in sasaran_served(plan, graph).items():
        node = nodes[index[node_id]]
        if node.level in opd_levels and node.opd is not None and (opd is None or node.opd == opd):
            more.setdefault(node_id, set()).update(("sasaran", s) for s in near)
    if plan.info.frameworks:
        for item in alignment(plan, graph=graph).items:
            for member in item.nodes:
                if keep is None or member in keep:
                    more.setdefault(member, set()).add(("item", item.ref))
    pemda = ("pemda", "pemda")
    base_of: dict[str | None, frozenset[tuple[str, str]]] = {None: frozenset((pemda,))}
    shared: dict[frozenset[tuple[str, str]], frozenset[tuple[str, str]]] = {}
    groups_of: dict[str, frozenset[tuple[str, str]]] = {}
    for node_id, owner in opd_of.items():
        extra = more.get(node_id)
        if keep is None or node_id in keep:
            if owner is not None and opd is not None and owner != opd:
                owner = None
            base = base_of.get(owner)
            if base is None:
                base = base_of[owner] = frozenset((pemda, ("opd", owner)))  # type: ignore[arg-type]
            if extra:
                union = base.union(extra)
                groups_of[node_id] = shared.setdefault(union, union)
            else:
                groups_of[node_id] = base
        elif extra:
            alone = frozenset(extra)
            groups_of[node_id] = shared.setdefault(alone, alone)
    sums = pagu_by_group(order, graph.parents_of, groups_of, amounts)
    tops = _top_values(graph, value_of, opd_of, aligned, opd)
    kinds = ("opd", "sasaran", "item", "pemda")
    for (kind, group), total_of in sorted(
        sums.items(), key=lambda kv: (kinds.index(kv[0][0]), kv[0][1])
    ):
        for y in years:
            spent_sum = total_of.get(y * 3 + _SPENT)
            if spent_sum is None:
                continue
            out.append(
                Budget(
                    kind,  # type: ignore[arg-type]
                    group,
                    y,
                    _as_money(total_of.get(y * 3 + _PAGU)),
                    _as_money(spent_sum),
                    _as_money(total_of.get(y * 3 + _REPORTED)),
                    tops.get((kind, group, y)),
                )
            )
    return out


def _top_values(
    graph: PlanGraph,
    value: Mapping[tuple[str, int], Decimal],
    opd_of: Mapping[str, str | None],
    aligned: Sequence[tuple[str, tuple[str, ...]]],
    opd: str | None,
) -> dict[tuple[str, str, int], Decimal]:
    """The capaian each group delivered in a year (``value``: each node's capaian per
    year): an OPD's, the mean of its top nodes (its nodes whose parents are not its own);
    a sasaran's and an item's, their nodes' own."""
    collected: dict[tuple[str, str, int], list[Decimal]] = {}
    parents_of = graph.parents_of
    for (node_id, y), v in value.items():
        owner = opd_of.get(node_id)
        if owner is not None and (opd is None or owner == opd):
            for parent in parents_of.get(node_id, ()):
                if opd_of.get(parent) == owner:
                    break
            else:
                collected.setdefault(("opd", owner, y), []).append(v)
        else:
            collected.setdefault(("sasaran", node_id, y), []).append(v)
    years = sorted({y for (_, y) in value})
    for root in graph.roots():
        for y in years:
            got = value.get((root, y))
            if got is not None:
                collected.setdefault(("pemda", "pemda", y), []).append(got)
    for node_id, refs in aligned:
        for ref in refs:
            for y in years:
                got = value.get((node_id, y))
                if got is not None:
                    collected.setdefault(("item", ref, y), []).append(got)
    return {k: sum(v, Decimal(0)) / len(v) for k, v in collected.items()}
