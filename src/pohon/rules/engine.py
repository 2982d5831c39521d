"""The rule engine: a registry of documented rules, findings, diagnostics and reports.

A rule is a small generator function registered with :func:`rule`. It receives a
:class:`Context` and yields :class:`Finding` values: the node concerned and the raw values
behind the finding. The engine turns findings into :class:`Diagnostic` values with the rule's
code, slug, severity, a message and a hint in the chosen language, and the source location.
"""

from __future__ import annotations

import inspect
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from functools import cached_property
from html import escape
from itertools import chain
from typing import Any, Literal

from pohon.graph import PlanGraph
from pohon.model import Crosscutting, Indicator, LevelScheme, LevelSpec, Node, Plan

Severity = Literal["error", "warning", "info"]
Lang = Literal["id", "en"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
FAMILIES: dict[str, tuple[str, str]] = {
    "structure": ("Struktur", "Structure"),
    "indicators": ("Indikator", "Indicators"),
    "alignment": ("Keselarasan", "Alignment"),
    "crosscutting": ("Crosscutting", "Crosscutting"),
    "pagu": ("Pagu dan kode", "Pagu and kode"),
}


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule found, before it becomes a diagnostic.

    ``values`` fill the rule's message and hint templates and are kept, raw, on the
    diagnostic. ``variant`` picks one of the rule's message templates.
    """

    node: str | None
    values: Mapping[str, Any] = dc_field(default_factory=dict)
    field: str | None = None
    indicator: str | None = None
    related: tuple[str, ...] = ()
    variant: str = "default"
    node_index: int | None = None
    opd: str | None = None
    """Set when the finding is about an entry of ``opds`` (its line is then found)."""
    severity: Severity | None = None
    """A severity for this finding alone, when the rule's depends on the case (a setting)."""


@dataclass(frozen=True, slots=True)
class Location:
    file: str | None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding of one rule, ready to show: code, severity, message, hint and location."""

    code: str
    slug: str
    severity: Severity
    node: str | None
    field: str | None
    message: str
    hint: str
    location: Location
    indicator: str | None = None
    related: tuple[str, ...] = ()
    values: Mapping[str, Any] = dc_field(default_factory=dict)
    plan: str | None = None

    def sort_key(self) -> tuple[Any, ...]:
        return (
            self.location.file or "",
            self.location.line if self.location.line is not None else -1,
            self.code,
            self.node or "",
            self.indicator or "",
            self.field or "",
            self.message,
        )

    def to_dict(self) -> dict[str, Any]:
        """The diagnostic as JSON-ready data (the ``--format json`` contract)."""
        return {
            "code": self.code,
            "slug": self.slug,
            "severity": self.severity,
            "node": self.node,
            "indicator": self.indicator,
            "field": self.field,
            "message": self.message,
            "hint": self.hint,
            "location": {"file": self.location.file, "line": self.location.line},
            "related": list(self.related),
            "values": {k: _jsonable(v) for k, v in sorted(self.values.items())},
        }


@dataclass(frozen=True)
class RuleDoc:
    """What / why / example / fix, in Indonesian, from the rule's docstring."""

    what: str
    why: str
    example: str
    fix: str


@dataclass(frozen=True)
class Rule:
    code: str
    slug: str
    family: str
    severity: Severity
    title: str
    title_en: str
    messages: Mapping[str, tuple[str, str]]
    hint: tuple[str, str]
    doc: RuleDoc
    func: Callable[[Context], Iterable[Finding]] = dc_field(repr=False, compare=False)

    def message(self, finding: Finding, lang: Lang, scheme: LevelScheme | None = None) -> str:
        template = self.messages[finding.variant][0 if lang == "id" else 1]
        return _fill(template, finding, lang, scheme)

    def hint_for(self, finding: Finding, lang: Lang, scheme: LevelScheme | None = None) -> str:
        return _fill(self.hint[0 if lang == "id" else 1], finding, lang, scheme)


REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    slug: str,
    *,
    family: str,
    severity: Severity,
    title: str,
    title_en: str,
    message: str | Mapping[str, tuple[str, str]],
    message_en: str | None = None,
    hint: str,
    hint_en: str,
) -> Callable[[Callable[[Context], Iterable[Finding]]], Callable[[Context], Iterable[Finding]]]:
    """Register a rule. The docstring holds sections ``Apa:``, ``Mengapa:``, ``Contoh:``
    and ``Perbaikan:`` (what, why, example, fix)."""
    if not re.fullmatch(r"PK\d{3}", code):
        raise ValueError(f"rule code {code!r} is not of the form PK123")
    if family not in FAMILIES:
        raise ValueError(f"unknown rule family {family!r}")
    messages = (
        {"default": (message, message_en or message)} if isinstance(message, str) else message
    )

    def register(
        func: Callable[[Context], Iterable[Finding]],
    ) -> Callable[[Context], Iterable[Finding]]:
        if code in REGISTRY or any(r.slug == slug for r in REGISTRY.values()):
            raise ValueError(f"rule {code} / {slug} registered twice")
        REGISTRY[code] = Rule(
            code=code,
            slug=slug,
            family=family,
            severity=severity,
            title=title,
            title_en=title_en,
            messages=messages,
            hint=(hint, hint_en),
            doc=_parse_doc(inspect.getdoc(func) or "", code),
            func=func,
        )
        return func

    return register


_SECTION = re.compile(r"^(Apa|Mengapa|Contoh|Perbaikan):\s*$", re.MULTILINE)


def _parse_doc(text: str, code: str) -> RuleDoc:
    parts = _SECTION.split(text)
    sections = {parts[i]: parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}
    missing = {"Apa", "Mengapa", "Contoh", "Perbaikan"} - set(sections)
    if missing:
        raise ValueError(f"rule {code} docstring lacks section(s): {', '.join(sorted(missing))}")
    return RuleDoc(
        what=sections["Apa"],
        why=sections["Mengapa"],
        example=sections["Contoh"],
        fix=sections["Perbaikan"],
    )


# -- running ------------------------------------------------------------------------------


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


class Context:
    """What a rule sees: the plan, its graph and scheme, and a few shared lookups.

    The lookups are built on first use and shared by every rule of one check, so a plan of
    50,000 nodes is walked once for them, not once per rule.
    """

    def __init__(self, plan: Plan, settings: Mapping[str, Any] | None = None) -> None:
        self.plan = plan
        self.graph = PlanGraph.of(plan)
        self.scheme: LevelScheme = plan.scheme
        self.settings: Mapping[str, Any] = settings or {}
        self.years = plan.period.years

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


def _matches(code: str, slug: str, family: str, patterns: Sequence[str]) -> bool:
    for pattern in patterns:
        p = pattern.strip()
        if not p:
            continue
        if p.upper() == "ALL" or code.startswith(p.upper()) or p in (slug, family):
            return True
    return False


def selected_rules(
    select: Sequence[str] | str | None = None, ignore: Sequence[str] | str | None = None
) -> list[Rule]:
    """Rules chosen by code prefix (``PK1``, ``PK205``), slug or family name."""
    sel = _split(select)
    ign = _split(ignore)
    for pattern in [*sel, *ign]:
        if pattern.upper() != "ALL" and not any(
            _matches(r.code, r.slug, r.family, [pattern]) for r in REGISTRY.values()
        ):
            raise ValueError(
                f"no rule matches {pattern!r} (use a code prefix like PK1, a slug or a family)"
            )
    chosen = []
    for code in sorted(REGISTRY):
        r = REGISTRY[code]
        if sel and not _matches(r.code, r.slug, r.family, sel):
            continue
        if ign and _matches(r.code, r.slug, r.family, ign):
            continue
        chosen.append(r)
    return chosen


def _split(value: Sequence[str] | str | None) -> list[str]:
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    return [p.strip() for item in items for p in item.split(",") if p.strip()]


def check(
    plan: Plan,
    *,
    select: Sequence[str] | str | None = None,
    ignore: Sequence[str] | str | None = None,
    lang: Lang = "id",
    severity: Mapping[str, Severity] | None = None,
    settings: Mapping[str, Any] | None = None,
) -> Report:
    """Run the rules on a plan and return a :class:`Report`; never raises for a finding.

    ``select`` / ``ignore`` take code prefixes (``"PK1"``), slugs or family names;
    ``severity`` overrides a rule's severity by code; ``lang`` is ``"id"`` or ``"en"``.

    >>> import pohon
    >>> report = pohon.check(pohon.example("mojokerto"), select=["PK5"])
    >>> all(d.code.startswith("PK5") for d in report)
    True
    """
    if lang not in ("id", "en"):
        raise ValueError(f"lang must be 'id' or 'en', not {lang!r}")
    ctx = Context(plan, settings)
    overrides = dict(severity or {})
    source = plan.source
    file = source.file if source is not None else None
    diagnostics: list[Diagnostic] = []
    rules = selected_rules(select, ignore)
    index = ctx.graph.index
    for r in rules:
        override = overrides.get(r.code)
        for finding in r.func(ctx):
            sev = override or finding.severity or r.severity
            node_index = finding.node_index
            if node_index is None and finding.node is not None:
                node_index = index.get(finding.node)
            line = None
            if source is not None and node_index is not None:
                line = source.line_of(
                    node_index, indicator_id=finding.indicator, field=finding.field
                )
            elif source is not None and finding.opd is not None:
                line = source.opd_line(finding.opd)
            diagnostics.append(
                Diagnostic(
                    code=r.code,
                    slug=r.slug,
                    severity=sev,
                    node=finding.node,
                    field=finding.field,
                    message=r.message(finding, lang, ctx.scheme),
                    hint=r.hint_for(finding, lang, ctx.scheme),
                    location=Location(file, line),
                    indicator=finding.indicator,
                    related=finding.related,
                    values=finding.values,
                    plan=plan.id,
                )
            )
    diagnostics.sort(key=Diagnostic.sort_key)
    return Report(
        diagnostics=tuple(diagnostics),
        plan=plan.id,
        file=file,
        nodes=len(plan.nodes),
        rules=tuple(r.code for r in rules),
        lang=lang,
    )


@dataclass(frozen=True)
class Report:
    """The findings of one check: data, sorted, never raising.

    Iterate it for diagnostics; ``errors`` / ``warnings`` filter them; ``ok`` is true when no
    error-severity finding exists; ``summary`` counts them.
    """

    diagnostics: tuple[Diagnostic, ...]
    plan: str | None = None
    file: str | None = None
    nodes: int = 0
    rules: tuple[str, ...] = ()
    lang: Lang = "id"

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.diagnostics)

    def __len__(self) -> int:
        return len(self.diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def codes(self) -> list[str]:
        """Codes found, sorted, once each."""
        return sorted({d.code for d in self.diagnostics})

    def by_code(self, code: str) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.code == code]

    @property
    def summary(self) -> dict[str, Any]:
        by_severity = Counter(d.severity for d in self.diagnostics)
        return {
            "plan": self.plan,
            "file": self.file,
            "nodes": self.nodes,
            "rules": len(self.rules),
            "diagnostics": len(self.diagnostics),
            "error": by_severity.get("error", 0),
            "warning": by_severity.get("warning", 0),
            "info": by_severity.get("info", 0),
            "by_code": dict(sorted(Counter(d.code for d in self.diagnostics).items())),
        }

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per diagnostic, for a DataFrame or a spreadsheet."""
        return [
            {
                "file": d.location.file,
                "line": d.location.line,
                "code": d.code,
                "slug": d.slug,
                "severity": d.severity,
                "node": d.node,
                "indicator": d.indicator,
                "field": d.field,
                "message": d.message,
                "hint": d.hint,
            }
            for d in self.diagnostics
        ]

    def to_frame(self) -> Any:
        """The records as a pandas DataFrame (needs ``pip install pohon[pandas]``)."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("to_frame() needs pandas: pip install 'pohon[pandas]'") from exc
        return pd.DataFrame.from_records(
            self.to_records(),
            columns=[
                "file",
                "line",
                "code",
                "slug",
                "severity",
                "node",
                "indicator",
                "field",
                "message",
                "hint",
            ],
        )

    def _repr_html_(self) -> str:
        s = self.summary
        head = (
            f"<p><b>{escape(str(self.plan))}</b>: {s['error']} error, {s['warning']} warning, "
            f"{s['info']} info ({s['nodes']} node)</p>"
        )
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td>{escape('' if v is None else str(v))}</td>"
                for v in (d.location.line, d.code, d.severity, d.node, d.message, d.hint)
            )
            + "</tr>"
            for d in self.diagnostics[:500]
        )
        more = f"<p>… {len(self.diagnostics) - 500} lagi</p>" if len(self.diagnostics) > 500 else ""
        return (
            head
            + "<table><thead><tr><th>baris</th><th>kode</th><th>tingkat</th><th>node</th>"
            + "<th>pesan</th><th>saran</th></tr></thead><tbody>"
            + rows
            + "</tbody></table>"
            + more
        )

    def __repr__(self) -> str:
        s = self.summary
        return f"<Report {self.plan}: {s['error']} error, {s['warning']} warning, {s['info']} info>"


# -- message formatting -------------------------------------------------------------------

_FIELD = re.compile(r"(?<!\{)\{(\w+)\}(?!\})")
_LEVEL_KEYS = frozenset({"level", "parent_level", "allowed", "child_levels", "top"})
"""Values under these keys are level ids (or lists of them), shown by their level names."""


def _is_year_key(key: str) -> bool:
    """Years are shown as written (2027, not 2.027)."""
    return key in {"year", "years", "start", "end"} or key.endswith(("_year", "_years"))


def _level_name(scheme: LevelScheme, level_id: str, lang: Lang) -> str:
    """``sub_kegiatan`` → ``Sub Kegiatan`` (or ``Sub-activity`` in English)."""
    try:
        spec = scheme.level(level_id)
    except KeyError:
        return level_id
    return spec.name if lang == "id" or spec.name_en is None else spec.name_en


def _fill(template: str, finding: Finding, lang: Lang, scheme: LevelScheme | None = None) -> str:
    values = {"node": finding.node, "indicator": finding.indicator, **finding.values}

    def sub(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in values:
            raise KeyError(f"message template needs {{{key}}}, which the finding lacks")
        value = values[key]
        if _is_year_key(key):
            if isinstance(value, tuple | list):
                return ", ".join(str(v) for v in value)
            return str(value)
        if key in _LEVEL_KEYS and scheme is not None:
            if isinstance(value, str):
                return _level_name(scheme, value, lang)
            if isinstance(value, tuple | list):
                names = [_level_name(scheme, str(v), lang) for v in value]
                return (" atau " if lang == "id" else " or ").join(names) or "-"
        return display(value, lang)

    return _FIELD.sub(sub, template).replace("{{", "{").replace("}}", "}")


def display(value: Any, lang: Lang = "id") -> str:
    """A value as a planner reads it: ``12.500.000.000`` in Indonesian, ``[1, 2]`` ranges."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return ("ya" if value else "tidak") if lang == "id" else ("yes" if value else "no")
    if isinstance(value, int):
        text = f"{value:,}"
        return text.replace(",", ".") if lang == "id" else text
    if isinstance(value, float):
        text = repr(value)
        if lang == "id" and "e" not in text:
            whole, _, frac = text.partition(".")
            whole = f"{int(whole):,}".replace(",", ".") if whole.lstrip("-").isdigit() else whole
            return whole + ("," + frac if frac and frac != "0" else "")
        return text
    if isinstance(value, tuple | list):
        if len(value) == 2 and all(isinstance(v, int | float) for v in value):
            return f"[{display(value[0], lang)}; {display(value[1], lang)}]"
        return ", ".join(display(v, lang) for v in value)
    return str(value)


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
