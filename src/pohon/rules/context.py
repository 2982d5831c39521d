"""What a rule sees: the plan, its graph and scheme, the analyses, and shared columns.

A :class:`Context` is made once per check. It owns everything the rules of that check share
(the graph, the alignment and crosscutting analyses, the node and indicator columns), built on
first use; when the check ends, they go with it. Nothing is stored on the frozen plan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain
from typing import Any, TypeVar

from pohon.analysis import CrosscuttingResult, crosscutting
from pohon.analysis.diff import PlanDiff, diff
from pohon.findings import Lang
from pohon.graph import PlanGraph
from pohon.model import OPD, Crosscutting, Indicator, LevelScheme, LevelSpec, Node, Plan

# Rules that read a field of every node or indicator read it from these columns: going
# through a list of values is many times faster than going through 50,000 pydantic objects
# spread over memory. Texts and sets that repeat (levels, OPDs, satuan, sets of years) are
# one shared object each, so comparing them stays cheap. The columns are lists, not a tuple
# per row: a plan's worth of long-lived tuples would make the garbage collector go over the
# whole plan once more during the check.


@dataclass(frozen=True, slots=True)
class NodeColumns:
    """Fields of every node, in file order: ``level[i]`` is ``plan.nodes[i].level``."""

    id: Sequence[str]
    level: Sequence[str]
    name: Sequence[str]
    opd: Sequence[str | None]
    kode: Sequence[str | None]
    kode_text: Sequence[str | None]
    """The kode without surrounding spaces, or ``None`` when it is missing or blank."""
    crosscutting: Sequence[tuple[Crosscutting, ...]]
    first: Sequence[int]
    """Position of the first node with the same id: the node that links to this id reach."""
    parent_count: Sequence[int]
    """How many parent links the node writes (unknown ids and repeats included)."""
    indicator_count: Sequence[int]
    pagu: Sequence[dict[int, int | float]]
    pagu_years: Sequence[frozenset[int]]
    pagu_written: Sequence[tuple[int, ...]]
    """The pagu years in the order written: one shared tuple per distinct way of writing them,
    so two nodes whose years are written alike have the very same tuple."""
    pagu_types: Sequence[frozenset[type]]
    """The Python types among the pagu values (``{int}`` when they are whole rupiah)."""
    pagu_low: Sequence[int | float | None]
    """The lowest pagu value, or ``None`` when the node has no pagu."""
    spent: Sequence[dict[int, int | float]]
    """The realisasi anggaran per year (empty for most nodes)."""
    positions: Mapping[str, Sequence[int]]
    """Level id → positions of the nodes at that level, in file order."""


@dataclass(frozen=True, slots=True)
class LinkColumns:
    """Every parent link, in file order (by node, then as written in its ``parents``)."""

    child: Sequence[int]
    """Position of the node that writes the link."""
    id: Sequence[str]
    weight: Sequence[int | float | None]
    parent: Sequence[int | None]
    """Position of the first node with the link's id, or ``None`` when no node has it."""


@dataclass(frozen=True, slots=True)
class IndicatorColumns:
    """Fields of every indicator, in file order (by node, then as written)."""

    nodes: Sequence[Node]
    """The plan's nodes (``nodes[position[k]]`` is the node of the ``k``-th indicator)."""
    position: Sequence[int]
    """Position of the indicator's node."""
    indicator: Sequence[Indicator]
    name: Sequence[str]
    satuan: Sequence[str | None]
    measure: Sequence[str]
    polarity: Sequence[str]
    iku: Sequence[bool]
    value_types: Sequence[frozenset[type]]
    """The Python types among the baseline value, targets and actuals (``{int, float}`` when
    they are all numbers): a rule about text values or ranges can pass over an indicator
    without reading its values."""
    target_years: Sequence[frozenset[int]]
    first_target_year: Sequence[int | None]
    targets_in_order: Sequence[bool]
    """Whether the targets are written in year order (as they nearly always are)."""
    actual_years: Sequence[frozenset[int]]
    pk_targets: Sequence[dict[int, Any]]
    """The targets of the Perjanjian Kinerja per year (empty for most indicators)."""
    baseline_year: Sequence[int | None]
    # Facts about the values, worked out while the values are read anyway: a rule can pass
    # over an indicator with nothing to report without reading its values again.
    low: Sequence[int | float | None]
    """The lowest of the baseline value, targets and actuals when all are numbers; ``None``
    when some value is not a number, or there is no value."""
    high: Sequence[int | float | None]
    """The highest of them, like :attr:`low`."""
    falls: Sequence[bool | None]
    """When all values are numbers: whether a target is below the one before it, in year
    order, starting from the baseline value when its year comes before the first target;
    ``None`` when some value is not a number."""
    rises: Sequence[bool | None]
    """Like :attr:`falls`, for a target above the one before it."""
    number_chars: Sequence[int | None]
    """When all values are numbers, one a float: the most characters a value takes when
    written out by ``repr``. 0 when the values are whole numbers and texts only (no float,
    no range); ``None`` otherwise."""

    def row(self, k: int) -> tuple[int, Node, Indicator]:
        """The ``k``-th indicator as (position of its node, node, indicator)."""
        i = self.position[k]
        return i, self.nodes[i], self.indicator[k]


_T = TypeVar("_T")

NEEDS_RPJMD: tuple[str, ...] = ("PK304", "PK306", "PK307", "PK401", "PK402", "PK405", "PK408")
"""Rules that judge a plan against its RPJMD part (Pemda nodes, their alignment, the sasaran
OPDs serve): not run on an OPD-only plan (:attr:`Context.opd_only`), where PK117 says once
that they could not judge, instead of one finding per framework item or declaration."""

NAME_WIDTH = 60
"""The most characters of a node's name a message shows; longer names are cut at a word."""


def short_name(name: str, width: int = NAME_WIDTH) -> str:
    """``name`` on one line, cut at a word boundary to ``width`` characters with ``…``.

    >>> short_name("Peningkatan  Pengelolaan" + chr(10) + "Pendapatan Daerah")
    'Peningkatan Pengelolaan Pendapatan Daerah'
    >>> short_name("Persentase sarana, prasarana dan alat kesehatan puskesmas sesuai standar", 40)
    'Persentase sarana, prasarana dan alat…'
    """
    text = " ".join(name.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


class Context:
    """What a rule sees: the plan, its graph and scheme, and a few shared lookups.

    The lookups are built on first use and shared by every rule of one check, so a plan of
    50,000 nodes is walked once for them, not once per rule.
    """

    def __init__(
        self,
        plan: Plan,
        settings: Mapping[str, Any] | None = None,
        previous: Plan | PlanDiff | None = None,
    ) -> None:
        self.plan = plan
        self.previous: Plan | None = None
        """The plan's older revision, when the check compares against one (the revision
        rules, PK7xx, read it through :attr:`diff`)."""
        if isinstance(previous, PlanDiff):
            self.previous = previous.old
            self.__dict__["diff"] = previous  # made already: the cached property keeps it
        else:
            self.previous = previous
        self.graph = PlanGraph(plan)
        self.scheme: LevelScheme = plan.scheme
        self.settings: Mapping[str, Any] = settings or {}
        self.years = plan.period.years
        self._shared: dict[str, Any] = {}

    def shared(self, name: str, build: Callable[[Context], _T]) -> _T:
        """The value ``name`` shared by the rules of this check, built by ``build`` once."""
        if name not in self._shared:
            self._shared[name] = build(self)
        return self._shared[name]  # type: ignore[no-any-return]

    @cached_property
    def diff(self) -> PlanDiff | None:
        """The changes from :attr:`previous` to the plan, or ``None`` without one."""
        return None if self.previous is None else diff(self.previous, self.plan)

    @cached_property
    def crosscutting(self) -> CrosscuttingResult:
        """The crosscutting analysis of the plan, made once for every rule of the check."""
        return crosscutting(self.plan, graph=self.graph)

    def level_name(self, level_id: str, lang: Lang) -> str:
        """``sub_kegiatan`` → ``Sub Kegiatan`` (``Sub-activity`` in English)."""
        spec = self.specs.get(level_id)
        if spec is None:
            return level_id
        return spec.name if lang == "id" or spec.name_en is None else spec.name_en

    def node_name(self, node_id: str, lang: Lang) -> str:
        """A node as the planner knows it: level, kode (where it has one) and name, shortened
        (``Program 5.02.04 "Peningkatan Pengelolaan Pendapatan Daerah"``); an id no node has
        is shown as written."""
        i = self.graph.index.get(node_id)
        if i is None:
            return node_id
        node = self.plan.nodes[i]
        level = self.level_name(node.level, lang)
        kode = node.kode.strip() if node.kode else ""
        name = short_name(node.name)
        return f'{level} {kode} "{name}"' if kode else f'{level} "{name}"'

    def node_short(self, node_id: str, lang: Lang) -> str:
        """A node in a list: its kode, or its id when it has none."""
        i = self.graph.index.get(node_id)
        if i is None:
            return node_id
        kode = self.plan.nodes[i].kode
        return kode.strip() if kode and kode.strip() else node_id

    def opd_name(self, opd_id: str, lang: Lang) -> str:
        """An OPD as the planner knows it: its singkatan where the plan gives one, else its
        name, shortened (``Dinas Kesehatan``); an id no OPD has is shown as written."""
        opd = self._opds.get(opd_id)
        if opd is None:
            return opd_id
        if opd.singkatan and opd.singkatan.strip():
            return opd.singkatan.strip()
        return short_name(opd.name) if opd.name.strip() else opd_id

    @cached_property
    def _opds(self) -> dict[str, OPD]:
        """The plan's OPDs by id (the first where an id is written twice)."""
        found: dict[str, OPD] = {}
        for opd in self.plan.opds:
            found.setdefault(opd.id, opd)
        return found

    @cached_property
    def opd_only(self) -> bool:
        """Whether the plan is an OPD's Renstra only (see :attr:`pohon.Plan.opd_only`)."""
        by_level = self.columns.positions
        pemda = [level.id for level in self.scheme.levels if level.owner == "pemda"]
        return bool(pemda) and bool(by_level) and not any(level in by_level for level in pemda)

    @cached_property
    def rpjmd_links(self) -> frozenset[int]:
        """In an OPD-only plan: the parent links (positions in :attr:`links`) to an id not in
        the file, written by a node whose level may have a Pemda-level parent. They point at
        the RPJMD, kept in another file: PK117 names them once, PK102 leaves them alone."""
        if not self.opd_only:
            return frozenset()
        pemda = {level.id for level in self.scheme.levels if level.owner == "pemda"}
        may_link_up = {
            level.id for level in self.scheme.levels if any(p in pemda for p in level.parents)
        }
        links = self.links
        level = self.columns.level
        return frozenset(
            k
            for k, parent in enumerate(links.parent)
            if parent is None and level[links.child[k]] in may_link_up
        )

    @cached_property
    def opd_ids(self) -> set[str]:
        return {opd.id for opd in self.plan.opds}

    def nodes(self) -> Iterator[tuple[int, Node]]:
        """Every node with its position in the file, in file order."""
        return enumerate(self.plan.nodes)

    def level_of(self, node: Node) -> Any:
        return self.scheme.level(node.level)

    @cached_property
    def specs(self) -> dict[str, LevelSpec]:
        """Level id → its :class:`LevelSpec`, as a plain dict for lookups in hot loops."""
        return {level.id: level for level in self.scheme.levels}

    @cached_property
    def ranks(self) -> dict[str, int]:
        """Level id → its position in the scheme, 0 for the root level."""
        return {level.id: rank for rank, level in enumerate(self.scheme.levels)}

    def positions_at(self, levels: Iterable[str]) -> Sequence[int]:
        """Positions of the nodes at these levels, in file order.

        A rule that needs only some of those nodes reads the columns at these positions and
        takes ``plan.nodes[i]`` for the few it reports: reading a node costs more than
        reading a column.
        """
        by_level = self.columns.positions
        parts = [by_level[level] for level in dict.fromkeys(levels) if level in by_level]
        return parts[0] if len(parts) == 1 else sorted(chain.from_iterable(parts))

    def nodes_at(self, levels: Iterable[str]) -> Iterator[tuple[int, Node]]:
        """The nodes at these levels with their positions, in file order."""
        positions = self.positions_at(levels)
        return zip(positions, map(self.plan.nodes.__getitem__, positions), strict=True)

    @cached_property
    def columns(self) -> NodeColumns:
        """Fields of every node as columns; see :class:`NodeColumns`."""
        return self._node_pass[0]

    @cached_property
    def links(self) -> LinkColumns:
        """Every parent link as columns; see :class:`LinkColumns`."""
        return self._node_pass[1]

    @cached_property
    def _node_pass(self) -> tuple[NodeColumns, LinkColumns]:
        # One loop over the nodes fills every column, reading each node once.
        index = self.graph.index
        # One shared object per distinct value; a node's level is the scheme's own level id.
        shared: dict[Any, Any] = {level.id: level.id for level in self.scheme.levels}
        share = shared.setdefault
        # The pagu years as written: shared, with their set, once per way of writing them.
        years_of: dict[tuple[int, ...], tuple[tuple[int, ...], frozenset[int]]] = {}
        ids: list[str] = []
        levels: list[str] = []
        names: list[str] = []
        opds: list[str | None] = []
        kodes: list[str | None] = []
        kode_texts: list[str | None] = []
        crosscutting: list[tuple[Crosscutting, ...]] = []
        first: list[int] = []
        parent_count: list[int] = []
        indicator_count: list[int] = []
        pagus: list[dict[int, int | float]] = []
        pagu_years: list[frozenset[int]] = []
        pagu_written: list[tuple[int, ...]] = []
        pagu_types: list[frozenset[type]] = []
        pagu_low: list[int | float | None] = []
        spent: list[dict[int, int | float]] = []
        positions: dict[str, list[int]] = {}
        child: list[int] = []
        ref_ids: list[str] = []
        weights: list[int | float | None] = []
        parent: list[int | None] = []
        for i, node in enumerate(self.plan.nodes):
            node_id, level, opd, kode = node.id, share(node.level, node.level), node.opd, node.kode
            ids.append(node_id)
            levels.append(level)
            names.append(node.name)
            opds.append(share(opd, opd))
            kodes.append(kode)
            kode_texts.append((kode.strip() if kode else "") or None)
            crosscutting.append(node.crosscutting)
            first.append(index[node_id])
            indicator_count.append(len(node.indicators))
            pagu = node.pagu
            pagus.append(pagu)
            spent.append(node.realisasi_anggaran)
            if pagu:
                written = tuple(pagu)
                if written not in years_of:
                    years = frozenset(written)
                    years_of[written] = (written, share(years, years))
                shared_written, years = years_of[written]
                pagu_written.append(shared_written)
                pagu_years.append(years)
                types = frozenset(map(type, pagu.values()))
                pagu_types.append(share(types, types))
                pagu_low.append(min(pagu.values()))
            else:
                pagu_years.append(_NONE)
                pagu_written.append(())
                pagu_types.append(_NONE)
                pagu_low.append(None)
            if level in positions:
                positions[level].append(i)
            else:
                positions[level] = [i]
            parents = node.parents
            parent_count.append(len(parents))
            for ref in parents:
                ref_id = ref.id
                child.append(i)
                ref_ids.append(ref_id)
                weights.append(ref.weight)
                parent.append(index.get(ref_id))
        columns = NodeColumns(
            id=ids,
            level=levels,
            name=names,
            opd=opds,
            kode=kodes,
            kode_text=kode_texts,
            crosscutting=crosscutting,
            first=first,
            parent_count=parent_count,
            indicator_count=indicator_count,
            pagu=pagus,
            pagu_years=pagu_years,
            pagu_written=pagu_written,
            pagu_types=pagu_types,
            pagu_low=pagu_low,
            spent=spent,
            positions=positions,
        )
        links = LinkColumns(child=child, id=ref_ids, weight=weights, parent=parent)
        return columns, links

    @cached_property
    def indicators(self) -> IndicatorColumns:
        """Every indicator as columns; see :class:`IndicatorColumns`."""
        # One loop over the indicators fills every column, reading each indicator once.
        shared: dict[Any, Any] = {}
        share = shared.setdefault  # one shared object per distinct value
        # The set of target (or actual) years as written, and whether they are in order, is worked out once
        # per distinct way of writing them (a plan has a handful).
        years_of: dict[tuple[int, ...], tuple[frozenset[int], bool, int | None]] = {}
        position: list[int] = []
        indicators: list[Indicator] = []
        names: list[str] = []
        satuans: list[str | None] = []
        measures: list[str] = []
        polarities: list[str] = []
        ikus: list[bool] = []
        value_types: list[frozenset[type]] = []
        target_years: list[frozenset[int]] = []
        first_target_year: list[int | None] = []
        targets_in_order: list[bool] = []
        actual_years: list[frozenset[int]] = []
        pk_targets: list[dict[int, Any]] = []
        baseline_year: list[int | None] = []
        lows: list[int | float | None] = []
        highs: list[int | float | None] = []
        falls: list[bool | None] = []
        rises: list[bool | None] = []
        number_chars: list[int | None] = []
        for i, node in enumerate(self.plan.nodes):
            for ind in node.indicators:
                position.append(i)
                indicators.append(ind)
                name, satuan, measure, polarity = ind.name, ind.satuan, ind.measure, ind.polarity
                names.append(share(name, name))
                satuans.append(share(satuan, satuan))
                measures.append(share(measure, measure))
                polarities.append(share(polarity, polarity))
                ikus.append(ind.iku)
                targets, actuals, base = ind.targets, ind.actuals, ind.baseline
                values: list[Any] = [*targets.values(), *actuals.values()]
                base_value = None if base is None else base.value
                if base_value is not None:
                    values.append(base_value)
                baseline_year.append(None if base is None else share(base.year, base.year))
                frozen = frozenset(map(type, values))
                value_types.append(share(frozen, frozen))
                written = tuple(targets)
                if written not in years_of:
                    years_of[written] = _years_facts(written)
                years, in_order, first_year = years_of[written]
                target_years.append(years)
                first_target_year.append(first_year)
                targets_in_order.append(in_order)
                written = tuple(actuals)
                if written not in years_of:
                    years_of[written] = _years_facts(written)
                actual_years.append(years_of[written][0])
                pk_targets.append(ind.pk_targets)
                if frozen <= _NUMBERS:
                    lows.append(min(values, default=None))
                    highs.append(max(values, default=None))
                    series: list[Any]
                    if in_order:
                        series = list(targets.values())
                    else:
                        series = [targets[year] for year in sorted(targets)]
                    if (
                        base is not None
                        and base_value is not None
                        and first_year is not None
                        and base.year < first_year
                    ):
                        series.insert(0, base_value)
                    # A sequence never steps down exactly when it is sorted upwards; then it
                    # steps up somewhere exactly when its last value is above its first.
                    if series == sorted(series):
                        falls.append(False)
                        rises.append(bool(series) and series[-1] != series[0])
                    else:
                        falls.append(True)
                        rises.append(series != sorted(series, reverse=True))
                else:
                    lows.append(None)
                    highs.append(None)
                    falls.append(None)
                    rises.append(None)
                if frozen <= _WHOLE_OR_TEXT:
                    number_chars.append(0)
                elif frozen <= _NUMBERS:
                    number_chars.append(max(map(len, map(repr, values))))
                else:
                    number_chars.append(None)
        return IndicatorColumns(
            nodes=self.plan.nodes,
            position=position,
            indicator=indicators,
            name=names,
            satuan=satuans,
            measure=measures,
            polarity=polarities,
            iku=ikus,
            value_types=value_types,
            target_years=target_years,
            first_target_year=first_target_year,
            targets_in_order=targets_in_order,
            actual_years=actual_years,
            pk_targets=pk_targets,
            baseline_year=baseline_year,
            low=lows,
            high=highs,
            falls=falls,
            rises=rises,
            number_chars=number_chars,
        )


_NONE: frozenset[Any] = frozenset()
_NUMBERS: frozenset[type] = frozenset({int, float})
_WHOLE_OR_TEXT: frozenset[type] = frozenset({int, str})


def _years_facts(written: tuple[int, ...]) -> tuple[frozenset[int], bool, int | None]:
    """Years as written: their set, whether they are in order, and the first of them."""
    return frozenset(written), list(written) == sorted(written), min(written, default=None)
