"""AlignmentResult of a plan with the frameworks it must serve (Panca Cita, Asta Cita, ...).

For every item of every framework the plan names, and of every framework reached from those
through crosswalks, :func:`alignment` finds the nodes that support it directly (``aligns``)
and through the cascade (a node inherits its ancestors' alignments: a program supports the
cita its sasaran supports), the OPDs involved and the pagu behind it per year, and the
coverage both ways: items with no support, and Pemda-level nodes aligned to nothing.

Everything is one pass down the cascade in topological order: linear in the plan.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pohon.analysis.matrix import (
    Cell,
    GroupPagu,
    Header,
    Matrix,
    PaguTable,
    budget_of,
    records_frame,
)
from pohon.findings import ShowsItself, UsageError
from pohon.graph import PlanGraph
from pohon.io import UnknownFrameworkError, builtin_crosswalks, builtin_frameworks
from pohon.model import Crosswalk, Framework, Plan

Coverage = Literal["direct", "inherited", "crosswalk", "none"]
RefProblem = Literal["format", "unknown-framework", "not-named", "unknown-item"]


@dataclass(frozen=True)
class ItemSupport:
    """How one framework item is supported by the plan."""

    framework: str
    item: str
    name: str
    short: str | None
    required: bool
    direct: tuple[str, ...] = ()
    inherited: tuple[str, ...] = ()
    derived_from: tuple[str, ...] = ()
    opds: tuple[str, ...] = ()
    pagu: Mapping[int, int | float] = field(default_factory=dict)

    @property
    def ref(self) -> str:
        return f"{self.framework}:{self.item}"

    @property
    def nodes(self) -> tuple[str, ...]:
        return self.direct + self.inherited

    @property
    def coverage(self) -> Coverage:
        if self.direct:
            return "direct"
        if self.inherited:
            return "inherited"
        if self.derived_from:
            return "crosswalk"
        return "none"


@dataclass(frozen=True)
class BadReference:
    """An ``aligns`` entry that does not name a usable framework item."""

    node: str
    ref: str
    problem: RefProblem


@dataclass(frozen=True)
class StrayAlignment:
    """A node aligned to an item that none of its ancestors supports, while they do support
    other items of the same framework."""

    node: str
    ref: str
    ancestors_support: tuple[str, ...]


@dataclass(frozen=True)
class AlignmentResult(ShowsItself):
    """The result of :func:`alignment`: per item support, and the gaps both ways."""

    plan: str
    required: tuple[str, ...]
    derived: tuple[str, ...]
    frameworks: Mapping[str, Framework]
    items: tuple[ItemSupport, ...]
    unaligned: tuple[str, ...]
    bad_references: tuple[BadReference, ...]
    stray: tuple[StrayAlignment, ...]
    unknown_frameworks: tuple[str, ...]
    opds: tuple[str, ...]
    node_opd: Mapping[str, str | None] = field(default_factory=dict, repr=False)
    opd_names: Mapping[str, str] = field(default_factory=dict, repr=False)
    crosswalk_loop: tuple[str, ...] = ()
    """Frameworks whose crosswalks form a loop; no crosswalk is followed then."""
    opd_only: bool = False
    """The plan holds an OPD's Renstra only (:attr:`pohon.Plan.opd_only`): the RPJMD nodes
    this analysis is about are in another file."""
    set_apart: tuple[str, ...] = ()
    """Nodes on or below a cascade cycle, left out of the support, the inheritance and the
    coverage: what they inherit depends on where one enters the cycle (see
    :meth:`pohon.PlanGraph.set_apart`)."""

    def item(self, ref: str) -> ItemSupport:
        for support in self.items:
            if support.ref == ref:
                return support
        raise KeyError(ref)

    @property
    def unsupported(self) -> tuple[ItemSupport, ...]:
        """Items with no support at all: not direct, not inherited, not through a crosswalk."""
        return tuple(s for s in self.items if s.coverage == "none")

    def coverage(self, framework: str) -> float:
        """Share of a framework's items with any support (0..1)."""
        items = [s for s in self.items if s.framework == framework]
        if not items:
            return 0.0
        return sum(1 for s in items if s.coverage != "none") / len(items)

    def to_records(self) -> list[dict[str, Any]]:
        """One row per framework item: support counts, OPDs, pagu per year."""
        out = []
        for s in self.items:
            record: dict[str, Any] = {
                "framework": s.framework,
                "item": s.item,
                "name": s.name,
                "required": s.required,
                "coverage": s.coverage,
                "direct": len(s.direct),
                "inherited": len(s.inherited),
                "derived_from": ", ".join(s.derived_from),
                "opds": ", ".join(s.opds),
            }
            for year, value in sorted(s.pagu.items()):
                record[f"pagu_{year}"] = value
            out.append(record)
        return out

    def to_frame(self) -> Any:
        """The records as a pandas DataFrame (needs pandas)."""
        return records_frame(self.to_records())

    def matrix(self) -> Matrix:
        """Framework items × OPDs (plus a ``pemda`` column), with the gaps."""
        columns = [Header("pemda", "Pemda", {"kind": "pemda"})]
        columns += [
            Header(opd_id, _opd_name(self, opd_id), {"kind": "opd"}) for opd_id in self.opds
        ]
        rows = []
        cells = []
        for s in self.items:
            label = f"{self.frameworks[s.framework].name} {s.item}" + (
                f": {s.short}" if s.short else ""
            )
            rows.append(
                Header(
                    s.ref,
                    label,
                    {
                        "framework": s.framework,
                        "item": s.item,
                        "name": s.name,
                        "required": s.required,
                        "coverage": s.coverage,
                        "derived_from": list(s.derived_from),
                    },
                )
            )
            by_column: dict[str, list[str]] = {}
            for node_id in s.nodes:
                by_column.setdefault(self.node_opd.get(node_id) or "pemda", []).append(node_id)
            for column in ["pemda", *self.opds]:
                if column in by_column:
                    cells.append(Cell(s.ref, column, tuple(by_column[column])))
        return Matrix(
            title=f"Keselarasan {self.plan}",
            rows=tuple(rows),
            columns=tuple(columns),
            cells=tuple(cells),
            opd_only=self.opd_only,
        )


def _opd_name(result: AlignmentResult, opd_id: str) -> str:
    return result.opd_names.get(opd_id, opd_id)


def parse_ref(ref: str) -> tuple[str, str] | None:
    """``"asta-cita-2025:4"`` → ``("asta-cita-2025", "4")``; ``None`` if not of that shape."""
    framework, sep, item = ref.partition(":")
    if not sep or not framework.strip() or not item.strip() or ":" in item:
        return None
    return framework.strip(), item.strip()


def crosswalk_chain(
    required: Sequence[str], crosswalks: Iterable[Crosswalk]
) -> tuple[list[str], list[Crosswalk]]:
    """Frameworks reached from ``required`` through crosswalks, in an order where every
    crosswalk's source comes before its target, and the crosswalks used in that order.

    Raises ``ValueError`` when the crosswalks form a loop.
    """
    crosswalks = list(crosswalks)
    by_source: dict[str, list[Crosswalk]] = {}
    for cw in crosswalks:
        by_source.setdefault(cw.source, []).append(cw)
    reached: list[str] = []
    seen = set(required)
    frontier = list(required)
    while frontier:
        current = frontier.pop(0)
        for cw in sorted(by_source.get(current, ()), key=lambda c: c.id):
            if cw.target not in seen:
                seen.add(cw.target)
                reached.append(cw.target)
                frontier.append(cw.target)
    used = [cw for cw in crosswalks if cw.source in seen and cw.target in seen]
    # Order the frameworks so that every used crosswalk points forward (Kahn).
    incoming = {fw: 0 for fw in seen}
    for cw in used:
        incoming[cw.target] += 1
    ready = sorted(fw for fw, n in incoming.items() if n == 0)
    order: list[str] = []
    while ready:
        fw = ready.pop(0)
        order.append(fw)
        for cw in sorted(by_source.get(fw, ()), key=lambda c: c.id):
            if cw in used:
                incoming[cw.target] -= 1
                if incoming[cw.target] == 0:
                    ready.append(cw.target)
    if len(order) != len(seen):
        loop = sorted(fw for fw in seen if fw not in order)
        raise ValueError(f"crosswalks form a loop between: {', '.join(loop)}")
    ordered_used = sorted(used, key=lambda cw: (order.index(cw.source), cw.id))
    return [fw for fw in order if fw not in required], ordered_used


def alignment(
    plan: Plan,
    frameworks: Sequence[str] | None = None,
    *,
    extra_frameworks: Mapping[str, Framework] | None = None,
    crosswalks: Iterable[Crosswalk] | None = None,
    graph: PlanGraph | None = None,
) -> AlignmentResult:
    """How the plan supports each item of its frameworks; see the module docstring.

    ``frameworks`` defaults to the plan's own list; an unknown id given here raises
    :class:`pohon.UnknownFrameworkError`, while an unknown id in the plan file is reported
    (``unknown_frameworks``) for the rules to turn into a finding. ``crosswalks`` replace the
    shipped ones with the same source and target. ``graph`` is the plan's
    :class:`~pohon.PlanGraph` when the caller already has one (a check passes its own).

    >>> import pohon
    >>> result = pohon.alignment(pohon.example("mojokerto"))
    >>> result.item("panca-cita-mojokerto-2025:1").coverage
    'direct'
    """
    if isinstance(frameworks, str):
        raise UsageError(
            f"frameworks harus berupa daftar id kerangka, misalnya [{frameworks!r}], bukan teks",
            f"frameworks must be a list of framework ids, such as [{frameworks!r}], not a text",
        )
    known = {**builtin_frameworks(), **(extra_frameworks or {})}
    if frameworks is not None:
        for fw in frameworks:
            if fw not in known:
                raise UnknownFrameworkError(fw, sorted(known))
    asked = list(frameworks) if frameworks is not None else list(plan.frameworks)
    unknown = tuple(fw for fw in asked if fw not in known)
    required = [fw for fw in asked if fw in known]

    walks = {(cw.source, cw.target): cw for cw in builtin_crosswalks().values()}
    for cw in crosswalks or ():
        walks[(cw.source, cw.target)] = cw
    usable = [cw for cw in walks.values() if cw.source in known and cw.target in known]
    try:
        derived, chain = crosswalk_chain(required, usable)
        loop: tuple[str, ...] = ()
    except ValueError as exc:
        # Crosswalks that go round in a circle say nothing usable: none is followed, and the
        # loop is reported (rule PK308) instead of breaking every caller.
        derived, chain = [], []
        loop = tuple(str(exc).rpartition(": ")[2].split(", "))
    in_scope = [*required, *derived]
    items_of = {fw: {item.id for item in known[fw].items} for fw in in_scope}

    graph = PlanGraph(plan) if graph is None else graph
    nodes = plan.nodes
    index = graph.index
    scheme = plan.scheme

    # Each node is read once, into the columns the passes below share (on a Provinsi plan
    # every visit to a node object is a trip through hundreds of megabytes).
    aligns_of: list[tuple[str, ...]] = []
    opd_of: list[str | None] = []
    level_of: list[str] = []
    for node in nodes:
        aligns_of.append(node.aligns)
        opd_of.append(node.opd)
        level_of.append(node.level)

    # Direct alignments of each node, with the references that cannot be used.
    own: dict[str, frozenset[str]] = {}
    bad: list[BadReference] = []
    for node_id, i in index.items():
        refs = []
        for ref in aligns_of[i]:
            parsed = parse_ref(ref)
            if parsed is None:
                bad.append(BadReference(node_id, ref, "format"))
                continue
            fw, item = parsed
            if fw not in known:
                bad.append(BadReference(node_id, ref, "unknown-framework"))
            elif item not in {it.id for it in known[fw].items}:
                bad.append(BadReference(node_id, ref, "unknown-item"))
            elif fw not in items_of:
                bad.append(BadReference(node_id, ref, "not-named"))
            else:
                refs.append(f"{fw}:{item}")
        if refs:
            own[node_id] = frozenset(refs)

    # Inherit down the cascade: a node supports what it aligns to and what its parents do.
    # Nodes on or below a cycle are set apart: what they inherit depends on the entry point.
    # A node with one parent and no alignment of its own shares its parent's set, and equal
    # sets are kept once, so memory stays linear however deep the cascade.
    empty: frozenset[str] = frozenset()
    effective: dict[str, frozenset[str]] = {}
    pool: dict[frozenset[str], frozenset[str]] = {}
    stray: list[StrayAlignment] = []
    parents_of = graph.parents_of
    order = graph.judged()
    set_apart = graph.set_apart()
    for node_id in order:
        from_above: frozenset[str] = empty
        parents = parents_of[node_id]
        for parent in parents:
            inherited = effective.get(parent, empty)
            if inherited is not from_above:
                from_above = inherited if not from_above else from_above | inherited
        mine = own.get(node_id, empty)
        if mine and parents:
            used_above = {ref.partition(":")[0] for ref in from_above}
            for ref in sorted(mine - from_above):
                fw = ref.partition(":")[0]
                if fw in used_above:
                    stray.append(
                        StrayAlignment(
                            node_id,
                            ref,
                            tuple(sorted(r for r in from_above if r.startswith(fw + ":"))),
                        )
                    )
        value = from_above | mine if mine else from_above
        if value:
            if len(parents) != 1 or mine:
                value = pool.setdefault(value, value)
            effective[node_id] = value

    apart = frozenset(set_apart)
    direct: dict[str, list[str]] = {}
    inherited_by: dict[str, list[str]] = {}
    opds_of_item: dict[str, set[str]] = {}
    for node_id, i in index.items():
        supported = effective.get(node_id)
        if supported is None or node_id in apart:
            continue
        mine = own.get(node_id, empty)
        for ref in supported:
            if ref in mine:
                direct.setdefault(ref, []).append(node_id)
            else:
                inherited_by.setdefault(ref, []).append(node_id)
        opd = opd_of[i]
        if opd is not None:
            for ref in supported:
                opds_of_item.setdefault(ref, set()).add(opd)

    # Pagu behind every item, each rupiah once (see pagu_by_group), in one walk.
    pagu_of_item = PaguTable(order, parents_of, effective, lambda: budget_of(plan, index))

    # Through crosswalks: an item is served (derived) when a served item links to it.
    served: set[str] = {ref for ref in (*direct, *inherited_by)}
    derived_from: dict[str, list[str]] = {}
    for cw in chain:
        mapping = cw.mapping()
        for source_item, targets in mapping.items():
            source_ref = f"{cw.source}:{source_item}"
            if source_ref in served or source_ref in derived_from:
                for target in targets:
                    target_ref = f"{cw.target}:{target}"
                    if target in items_of.get(cw.target, ()):
                        derived_from.setdefault(target_ref, []).append(source_ref)

    items: list[ItemSupport] = []
    for fw in in_scope:
        framework = known[fw]
        for entry in framework.items:
            ref = f"{fw}:{entry.id}"
            d = direct.get(ref, [])
            h = inherited_by.get(ref, [])
            opds = sorted(opds_of_item.get(ref, ()))
            items.append(
                ItemSupport(
                    framework=fw,
                    item=entry.id,
                    name=entry.name,
                    short=entry.short,
                    required=fw in required,
                    direct=tuple(d),
                    inherited=tuple(h),
                    derived_from=tuple(sorted(set(derived_from.get(ref, [])))),
                    opds=tuple(opds),
                    pagu=GroupPagu(pagu_of_item, ref),
                )
            )

    # Pemda-level nodes that should carry an alignment: those with an indicator type.
    required_prefixes = tuple(f"{fw}:" for fw in required)
    unaligned = []
    if required:
        wanted = {lv.id for lv in scheme.levels if lv.owner == "pemda" and lv.indicator != "none"}
        for node_id, i in index.items():
            if level_of[i] not in wanted or node_id in apart:
                continue
            if not any(ref.startswith(required_prefixes) for ref in effective.get(node_id, ())):
                unaligned.append(node_id)

    result = AlignmentResult(
        plan=plan.id,
        required=tuple(required),
        derived=tuple(derived),
        frameworks={fw: known[fw] for fw in in_scope},
        items=tuple(items),
        unaligned=tuple(unaligned),
        bad_references=tuple(bad),
        stray=tuple(stray),
        unknown_frameworks=unknown,
        opds=tuple(sorted({o for o in opd_of if o is not None})),
        node_opd={node_id: opd_of[i] for node_id, i in index.items()},
        opd_names={o.id: o.name for o in plan.opds},
        crosswalk_loop=loop,
        set_apart=set_apart,
        opd_only=plan.opd_only,
    )
    return result
