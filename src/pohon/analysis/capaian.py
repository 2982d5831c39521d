"""Capaian: achievement of every indicator and node against its targets, the predikat of
each, the roll-up through the cascade, and the budget absorbed.

The capaian of one indicator in one year follows its polarity (:mod:`pohon.analysis.measure`,
in decimal arithmetic). What cannot be computed is not guessed: the result says why
(:data:`~pohon.analysis.measure.REASONS`), and the rules report it. A cap (for example 120) is a setting, off by default, applied to each
yearly capaian before anything is averaged.

Over the period, through a year Y:

* a cumulative indicator (the target of year N already includes the earlier years):
  *so far* is the capaian of the last year measured up to Y; *whole period* is that year's
  realisasi against the target of the period's last year;
* a non-cumulative indicator (each year stands alone): *so far* is the mean of the yearly
  capaian measured up to Y; *whole period* is the mean over every year of the period, known
  once every year is measured.

A node's own capaian is the mean of its indicators' capaian. The roll-up carries capaian up
the cascade: a parent's ``children`` figure is the mean of its children's capaian (their own
where measured, else their roll-up), each child weighted by its share toward that parent
(its link's weight over the sum of its links' weights; equal shares where none are given).

Budget (:mod:`pohon.analysis.anggaran`): realisasi anggaran against pagu per node, OPD,
Pemda sasaran and framework item, each rupiah counted once, and the efficiency figure.

>>> import pohon
>>> result = capaian(pohon.example("mojokerto"), year=2025)
>>> result.years
(2025,)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from pohon.analysis.anggaran import Budget, _number, budget_rows
from pohon.analysis.matrix import records_frame
from pohon.analysis.measure import as_decimal, measure
from pohon.analysis.predikat import PredikatScale, builtin_scale, load_scale, rounded
from pohon.findings import ShowsItself, UsageError
from pohon.graph import PlanGraph
from pohon.model import Indicator, Plan
from pohon.model._gc import paused_gc

# -- results --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IndicatorCapaian:
    """The capaian of one indicator in one year."""

    node: str
    indicator: str
    name: str
    year: int
    target: Any
    realisasi: Any
    capaian: Decimal | None
    """Exact; shown rounded to two decimals."""
    predikat: str | None
    reason: str | None = None
    """Why there is no capaian (a key of :data:`REASONS`)."""
    capped: bool = False
    iku: bool = False
    satuan: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "node": self.node,
            "indicator": self.indicator,
            "year": self.year,
            "target": _json(self.target),
            "realisasi": _json(self.realisasi),
            "capaian": _number(self.capaian),
            "predikat": self.predikat,
            "reason": self.reason,
            "name": self.name,
            "satuan": self.satuan,
            "iku": self.iku,
            "capped": self.capped,
        }


@dataclass(frozen=True)
class PeriodCapaian:
    """An indicator's achievement over the period, through one year."""

    node: str
    indicator: str
    through: int
    cumulative: bool
    so_far: Decimal | None
    whole: Decimal | None
    years: tuple[int, ...]
    """The years measured up to ``through``."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "node": self.node,
            "indicator": self.indicator,
            "through": self.through,
            "cumulative": self.cumulative,
            "so_far": _number(self.so_far),
            "whole": _number(self.whole),
            "years": list(self.years),
        }


Basis = Literal["indicators", "children"]


@dataclass(frozen=True, slots=True)
class NodeCapaian:
    """A node's capaian in one year: from its own indicators and from its children."""

    node: str
    year: int
    own: Decimal | None
    children: Decimal | None
    predikat: str | None
    measured: int = 0
    """How many of its indicators have a capaian this year."""
    children_counted: int = 0

    @property
    def capaian(self) -> Decimal | None:
        """Its own capaian where measured, else what its children delivered."""
        return self.own if self.own is not None else self.children

    @property
    def basis(self) -> Basis | None:
        if self.own is not None:
            return "indicators"
        return "children" if self.children is not None else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "node": self.node,
            "year": self.year,
            "capaian": _number(self.capaian),
            "predikat": self.predikat,
            "basis": self.basis,
            "own": _number(self.own),
            "children": _number(self.children),
        }


@dataclass(frozen=True)
class CapaianResult(ShowsItself):
    """Capaian of a plan: per indicator and year, per node and year, over the period, and
    the budget. The JSON form (:meth:`to_dict`) is a contract::

        {"indicators": [{"node", "indicator", "year", "target", "realisasi", "capaian",
                         "predikat", ...}],
         "nodes": [{"node", "year", "capaian", "predikat", ...}],
         "periods": [...], "budget": [...], "years": [...], "scale": {...}}
    """

    plan_id: str
    years: tuple[int, ...]
    indicators: tuple[IndicatorCapaian, ...]
    nodes: tuple[NodeCapaian, ...]
    periods: tuple[PeriodCapaian, ...]
    budget: tuple[Budget, ...]
    scale: PredikatScale
    cap: Decimal | None = None
    opd: str | None = None
    not_rolled: tuple[str, ...] = ()
    """Measured nodes on or below a cascade cycle (PK103): their own capaian is kept, but
    nothing of theirs (capaian or budget) is rolled up to their parents."""
    node_names: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)
    opd_of: Mapping[str, str | None] = field(default_factory=dict, repr=False, compare=False)

    def node(self, node_id: str, year: int) -> NodeCapaian | None:
        for row in self.nodes:
            if row.node == node_id and row.year == year:
                return row
        return None

    def indicator(self, node_id: str, indicator_id: str, year: int) -> IndicatorCapaian | None:
        for row in self.indicators:
            if row.node == node_id and row.indicator == indicator_id and row.year == year:
                return row
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "plan": self.plan_id,
            "years": list(self.years),
            "opd": self.opd,
            "scale": {"id": self.scale.id, "name": self.scale.name},
            "cap": _number(self.cap),
            "not_rolled": list(self.not_rolled),
            "indicators": [row.to_dict() for row in self.indicators],
            "nodes": [row.to_dict() for row in self.nodes],
            "periods": [row.to_dict() for row in self.periods],
            "budget": [row.to_dict() for row in self.budget],
        }

    def to_records(self, table: str = "indicators") -> list[dict[str, Any]]:
        """Rows of one table: ``indicators``, ``nodes``, ``periods`` or ``budget``."""
        rows: Sequence[Any] = {
            "indicators": self.indicators,
            "nodes": self.nodes,
            "periods": self.periods,
            "budget": self.budget,
        }.get(table, ())
        if table not in ("indicators", "nodes", "periods", "budget"):
            raise UsageError(
                f"tabel capaian {table!r} tidak ada; yang ada: indicators, nodes, periods, budget",
                f"no capaian table {table!r}; there are: indicators, nodes, periods, budget",
            )
        return [row.to_dict() for row in rows]

    def to_frame(self, table: str = "indicators") -> Any:
        """One table as a pandas DataFrame (pandas must be installed)."""
        return records_frame(self.to_records(table))

    def _repr_summary(self) -> str:
        measured = [r for r in self.indicators if r.capaian is not None]
        years = ", ".join(str(y) for y in self.years) or "-"
        return (
            f"Capaian {self.plan_id} ({years}): {len(measured)} dari {len(self.indicators)} "
            f"indikator terukur; skala {self.scale.id}"
        )

    def __repr__(self) -> str:
        return f"<CapaianResult {self._repr_summary()}>"


def _json(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return value


# -- the analysis ---------------------------------------------------------------------------


def capaian(
    plan: Plan,
    *,
    year: int | None = None,
    opd: str | None = None,
    scale: str | PredikatScale | dict[str, Any] | None = None,
    cap: float | int | Decimal | None = None,
    budget: bool = True,
    periods: bool = True,
    graph: PlanGraph | None = None,
) -> CapaianResult:
    """Capaian of every indicator and node of ``plan``; see the module.

    ``year`` limits the yearly figures to one year (default: every year of the period with
    a realisasi); ``opd`` keeps that OPD's nodes (and the Pemda nodes above them); ``scale``
    is the predikat scale (default ``lkjip``); ``cap`` caps each yearly capaian;
    ``budget=False`` and ``periods=False`` leave out the budget and the period figures
    (the rules need neither); ``graph`` is the plan's :class:`PlanGraph` when the caller
    has one.

    >>> import pohon
    >>> capaian(pohon.example("mojokerto"), year=2025).years
    (2025,)
    """
    # The analysis makes many small objects and no cycles: the collector is paused, as for
    # a check, so that its passes over a large plan's heap do not make it superlinear.
    with paused_gc():
        return _measured(plan, year, opd, scale, cap, budget, periods, graph)


def _measured(
    plan: Plan,
    year: int | None,
    opd: str | None,
    scale: str | PredikatScale | dict[str, Any] | None,
    cap: float | int | Decimal | None,
    budget: bool,
    periods: bool,
    graph: PlanGraph | None,
) -> CapaianResult:
    period = plan.info.period
    if year is not None:
        check_period_year(plan, year)
    chosen = load_scale(scale) if scale is not None else builtin_scale()
    limit = _cap(cap)
    graph = graph if graph is not None else PlanGraph(plan)
    index = graph.index
    nodes = plan.nodes
    if opd is not None:
        check_opd(plan, opd)

    label = _labeller(chosen)
    found = _indicator_pass(plan, index, year, limit, label, periods)
    by_year, measured, own, years = found.by_year, found.measured, found.own, found.years
    period_rows: list[PeriodCapaian] = []
    if periods and years:
        # Through the last year with a realisasi.
        through = years[-1]
        period_rows = [
            _period(node_id, ind, yearly, through, period.years, limit)
            for node_id, ind, yearly in measured
        ]

    shares = _shares(plan, graph)
    order = graph.judged()
    rolled = _roll_up(order, shares, own, years)
    # Nodes on or below a cascade cycle (PK103) have no well-defined roll-up: they keep
    # their own capaian, give nothing upwards, and the result names them.
    apart = graph.set_apart()
    for y in years:
        for node_id in apart:
            mine = own[y].get(node_id)
            if mine is not None:
                rolled[y][node_id] = (mine[0], None, mine[1], 0)
    node_rows = [
        NodeCapaian(
            n, y, got[0], got[1], label(got[0] if got[0] is not None else got[1]), got[2], got[3]
        )
        for y in years
        for n in index
        if (got := rolled[y].get(n)) is not None
    ]
    rows_all = [row for y in years for row in by_year.get(y, ())]

    measured_apart = {r.node for r in rows_all}
    measured_apart.update(n for n in apart if nodes[index[n]].realisasi_anggaran)
    not_rolled = tuple(n for n in apart if n in measured_apart)
    keep: set[str] | None = None
    if opd is not None:
        keep = graph.opd_part(opd)
        not_rolled = tuple(n for n in not_rolled if n in keep)
        rows_all = [r for r in rows_all if r.node in keep]
        period_rows = [p for p in period_rows if p.node in keep]
        node_rows = [r for r in node_rows if r.node in keep]

    money = budget_rows(plan, graph, order, shares, years, node_rows, opd, keep) if budget else []
    node_names, opd_of = found.names, found.owners
    if len(index) != len(nodes):  # a repeated id: the last node of that id names it
        for node in nodes:
            node_names[node.id] = node.name
            opd_of[node.id] = node.opd
    return CapaianResult(
        plan_id=plan.info.id,
        years=years,
        indicators=tuple(rows_all),
        nodes=tuple(node_rows),
        periods=tuple(period_rows),
        budget=tuple(money),
        scale=chosen,
        cap=limit,
        opd=opd,
        not_rolled=not_rolled,
        node_names=node_names,
        opd_of=opd_of,
    )


@dataclass
class _Pass:
    """What one pass over the indicators found."""

    by_year: dict[int, list[IndicatorCapaian]]
    measured: list[tuple[str, Indicator, dict[int, Decimal]]]
    own: dict[int, dict[str, tuple[Decimal, int]]]
    years: tuple[int, ...]
    names: dict[str, str]
    """Each node's name, read in the same pass."""
    owners: dict[str, str | None]
    """Each node's OPD, read in the same pass."""


def _indicator_pass(
    plan: Plan,
    index: Mapping[str, int],
    year: int | None,
    limit: Decimal | None,
    label: Callable[[Decimal | None], str | None] | None,
    periods: bool,
) -> _Pass:
    """One pass in file order over the nodes, each read once: every indicator with a
    realisasi, in the years it has one (a target not yet due is no row). Without a chosen
    year, every period year with a realisasi (or a realisasi anggaran) is kept. Without
    ``label`` no row is made: only the nodes' own capaian."""
    period = plan.info.period
    nodes = plan.nodes
    every_year = frozenset(period.years) if year is None else frozenset((year,))
    by_year: dict[int, list[IndicatorCapaian]] = {}
    measured: list[tuple[str, Indicator, dict[int, Decimal]]] = []
    own_sums: dict[int, dict[str, list[Decimal]]] = {}
    spent_years: set[int] = set()
    names: dict[str, str] = {}
    owners: dict[str, str | None] = {}
    for node_id, at in index.items():
        node = nodes[at]
        names[node_id] = node.name
        owners[node_id] = node.opd
        if node.realisasi_anggaran:
            spent_years.update(node.realisasi_anggaran)
        for ind in node.indicators:
            actuals = ind.actuals
            if not actuals:
                continue
            targets = ind.targets
            yearly: dict[int, Decimal] = {}
            for y in sorted(actuals) if len(actuals) > 1 else actuals:
                if y not in every_year:
                    continue
                realisasi = actuals[y]
                target = targets.get(y)
                value, reason = measure(ind, target, realisasi)
                capped = False
                if value is not None:
                    if limit is not None and value > limit:
                        value, capped = limit, True
                    yearly[y] = value
                    sums = own_sums.get(y)
                    if sums is None:
                        sums = own_sums[y] = {}
                    if node_id in sums:
                        sums[node_id].append(value)
                    else:
                        sums[node_id] = [value]
                if label is None:
                    continue
                row = IndicatorCapaian(
                    node_id,
                    ind.id,
                    ind.name,
                    y,
                    target,
                    realisasi,
                    value,
                    label(value),
                    reason,
                    capped,
                    ind.iku,
                    ind.satuan,
                )
                if y in by_year:
                    by_year[y].append(row)
                else:
                    by_year[y] = [row]
            if periods:
                measured.append((node_id, ind, yearly))
    if year is not None:
        years: tuple[int, ...] = (year,)
    else:
        years = tuple(y for y in period.years if y in own_sums or y in by_year or y in spent_years)
    own = {
        y: {
            n: (
                values[0] if len(values) == 1 else sum(values, Decimal(0)) / len(values),
                len(values),
            )
            for n, values in own_sums.get(y, {}).items()
        }
        for y in years
    }
    return _Pass(by_year, measured, own, years, names, owners)


def rolled_up(plan: Plan, graph: PlanGraph | None = None) -> Mapping[int, Mapping[str, Figures]]:
    """Per year with a realisasi, per node: its own capaian and its children's (with the
    counts behind them), and nothing else: what the rules of a check read."""
    with paused_gc():
        graph = graph if graph is not None else PlanGraph(plan)
        own, years = _own_values(plan, graph.index)
        return _roll_up(graph.judged(), _shares(plan, graph), own, years)


def _own_values(
    plan: Plan, index: Mapping[str, int]
) -> tuple[dict[int, dict[str, tuple[Decimal, int]]], tuple[int, ...]]:
    """Each node's own capaian per period year with a realisasi, and those years: the
    lean pass the rules need (no rows, no labels, no period figures)."""
    period = plan.info.period
    every_year = frozenset(period.years)
    nodes = plan.nodes
    sums: dict[int, dict[str, list[Decimal]]] = {}
    for node_id, at in index.items():
        for ind in nodes[at].indicators:
            actuals = ind.actuals
            if not actuals:
                continue
            targets = ind.targets
            for y, realisasi in actuals.items():
                if y not in every_year:
                    continue
                value = measure(ind, targets.get(y), realisasi)[0]
                if value is None:
                    continue
                of_year = sums.get(y)
                if of_year is None:
                    of_year = sums[y] = {}
                values = of_year.get(node_id)
                if values is None:
                    of_year[node_id] = [value]
                else:
                    values.append(value)
    years = tuple(y for y in period.years if y in sums)
    own = {
        y: {
            n: (v[0] if len(v) == 1 else sum(v, Decimal(0)) / len(v), len(v))
            for n, v in sums[y].items()
        }
        for y in years
    }
    return own, years


def _labeller(scale: PredikatScale) -> Callable[[Decimal | None], str | None]:
    """The scale's predikat of a capaian, remembered per figure as shown (two decimals):
    a plan's capaian take a few thousand distinct values."""
    seen: dict[Decimal, str] = {}

    def label(value: Decimal | None) -> str | None:
        if value is None:
            return None
        shown = rounded(value)
        found = seen.get(shown)
        if found is None:
            found = seen[shown] = scale.band(shown).label
        return found

    return label


def check_period_year(plan: Plan, year: object) -> None:
    """Refuse a year outside the plan's period (:class:`UsageError`, both languages)."""
    period = plan.info.period
    if isinstance(year, bool) or year not in period.years:
        raise UsageError(
            f"tahun {year!r} di luar periode rencana {period.start}-{period.end}",
            f"year {year!r} is outside the plan period {period.start}-{period.end}",
        )


def check_opd(plan: Plan, opd: str) -> None:
    """Refuse an OPD that is neither listed nor owns a node, naming the ones there are."""
    opd_ids = {n.opd for n in plan.nodes if n.opd is not None} | {o.id for o in plan.opds}
    if opd not in opd_ids:
        listed = ", ".join(sorted(opd_ids)[:30])
        raise UsageError(
            f"OPD {opd!r} tidak ada di rencana ini; yang ada: {listed}",
            f"OPD {opd!r} is not in this plan; there are: {listed}",
        )


def _cap(cap: float | int | Decimal | None) -> Decimal | None:
    if cap is None:
        return None
    try:
        value = cap if isinstance(cap, Decimal) else as_decimal(cap)
    except (InvalidOperation, ValueError):
        value = None
    if value is None or not value.is_finite() or value < 100:
        raise UsageError(
            f"batas capaian harus angka 100 atau lebih, bukan {cap!r}",
            f"the capaian cap must be a number of 100 or more, not {cap!r}",
        )
    return value


def _period(
    node_id: str,
    ind: Indicator,
    yearly: Mapping[int, Decimal],
    through: int,
    period_years: range,
    limit: Decimal | None,
) -> PeriodCapaian:
    measured = tuple(y for y in sorted(yearly) if y <= through)
    so_far: Decimal | None = None
    whole: Decimal | None = None
    if measured:
        if ind.cumulative:
            last = measured[-1]
            so_far = yearly[last]
            end_target = ind.targets.get(period_years[-1])
            whole, _ = measure(ind, end_target, ind.actuals.get(last))
            if whole is not None and limit is not None:
                whole = min(whole, limit)
        else:
            so_far = sum((yearly[y] for y in measured), Decimal(0)) / len(measured)
            if all(y in yearly for y in period_years) and through >= period_years[-1]:
                whole = sum((yearly[y] for y in period_years), Decimal(0)) / len(period_years)
    return PeriodCapaian(node_id, ind.id, through, ind.cumulative, so_far, whole, measured)


_WHOLE = Decimal(1)
"""The share of a node with one parent (Decimals are immutable: one serves every node)."""


def _shares(plan: Plan, graph: PlanGraph) -> dict[str, tuple[tuple[str, Decimal], ...]]:
    """Each node's parents with its share toward each: its link's weight over the sum of
    its links' weights, equal shares where the weights are missing or incomplete."""
    out: dict[str, tuple[tuple[str, Decimal], ...]] = {}
    parents_of = graph.parents_of
    nodes = plan.nodes
    for node_id, at in graph.index.items():
        parents = parents_of.get(node_id, ())
        if not parents:
            continue
        if len(parents) == 1:
            out[node_id] = ((parents[0], _WHOLE),)
            continue
        weights: dict[str, Decimal] = {}
        for link in nodes[at].parents:
            if link.id in parents and link.id not in weights and link.weight is not None:
                weights[link.id] = Decimal(repr(link.weight))
        if len(weights) == len(parents):
            total = sum(weights.values(), Decimal(0))
            out[node_id] = tuple((p, weights[p] / total) for p in parents)
        else:
            share = Decimal(1) / len(parents)
            out[node_id] = tuple((p, share) for p in parents)
    return out


Figures = tuple[Decimal | None, Decimal | None, int, int]
"""A node's capaian in one year: its own, its children's, how many of its indicators and
of its children count."""


def _roll_up(
    order: Sequence[str],
    shares: Mapping[str, tuple[tuple[str, Decimal], ...]],
    own: Mapping[int, Mapping[str, tuple[Decimal, int]]],
    years: Sequence[int],
) -> dict[int, dict[str, Figures]]:
    """Children first: each node's value (own, else rolled) goes up to its parents."""
    out: dict[int, dict[str, Figures]] = {}
    for y in years:
        mine_of = own[y]
        # parent -> [sum of share × value, sum of shares, children counted]
        weighted: dict[str, list[Any]] = {}
        by_node: dict[str, Figures] = {}
        for node_id in reversed(order):
            mine = mine_of.get(node_id)
            acc = weighted.get(node_id)
            value: Decimal | None
            if acc is None:
                if mine is None:
                    continue
                value = mine[0]
                by_node[node_id] = (value, None, mine[1], 0)
            else:
                children = acc[0] / acc[1] if acc[1] > 0 else None
                if mine is None:
                    value = children
                    by_node[node_id] = (None, children, 0, acc[2])
                else:
                    value = mine[0]
                    by_node[node_id] = (value, children, mine[1], acc[2])
            if value is None:
                continue
            for parent, share in shares.get(node_id, ()):
                slot = weighted.get(parent)
                if slot is None:
                    weighted[parent] = [share * value, share, 1]
                else:
                    slot[0] += share * value
                    slot[1] += share
                    slot[2] += 1
        out[y] = by_node
    return out
