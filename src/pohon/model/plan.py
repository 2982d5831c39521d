"""The plan model: Plan, OPD, Node, Indicator and their parts (pydantic v2).

Models are frozen and refuse unknown keys. Structural faults a SAKIP evaluator looks for
(duplicate ids, missing parents, cycles, wrong parent levels) are *not* validation errors:
a plan with them still loads, and :func:`pohon.check` reports them. Validation refuses only
what cannot be read as a plan at all: wrong types, unknown keys, unknown levels or polarity,
NaN, years far outside the plan period, a newer format version.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Annotated, Any, Literal, TypeAlias

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    PrivateAttr,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError, PydanticKnownError

from pohon.findings.showing import ShowsItself, draw_of
from pohon.model.scheme import BUILTIN_SCHEMES, LevelScheme

FORMAT_VERSION = 1
"""Version of the native file format that this library reads and writes."""

YEAR_MIN = 1945
YEAR_MAX = 2100
YEAR_MARGIN = 30
"""A year more than this far outside the plan period is refused as unreadable input."""

MAX_NAME = 5_000
MAX_TEXT = 100_000

MAX_PAGU = 10**18
"""Largest pagu (in absolute value), in rupiah: a million trillion, far above any APBD."""


_YEARS: dict[int | str, int] = {
    **{year: year for year in range(YEAR_MIN, YEAR_MAX + 1)},
    **{str(year): year for year in range(YEAR_MIN, YEAR_MAX + 1)},
}
"""Every valid year key, as an integer and as its digits, to its year."""
_YEAR_KEY_TYPES = (int, str)


def _year_key(value: Any) -> int:
    # A year key is an integer, or (JSON keys are text) the digits of one; nothing else is
    # converted: not 2027.0, not true, not a number thousands of digits long. A plan holds
    # hundreds of thousands of year keys: a valid one costs one look-up (the type test keeps
    # out 2025.0, which is equal to 2025), and the range is checked here too, in the same call.
    year = _YEARS.get(value)
    if year is not None and type(value) in _YEAR_KEY_TYPES:
        return year
    if isinstance(value, int) and not isinstance(value, bool):
        year = int(value)  # an int subclass (an IntEnum) becomes a plain int
    elif isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 4:
        year = int(value)
    else:
        raise PydanticCustomError("year_key", "a year key must be a four-digit year")
    if year < YEAR_MIN:
        raise PydanticKnownError("greater_than_equal", {"ge": YEAR_MIN})
    if year > YEAR_MAX:
        raise PydanticKnownError("less_than_equal", {"le": YEAR_MAX})
    return year


def _pagu_bound(value: int | float) -> int | float:
    if abs(value) > MAX_PAGU:
        raise PydanticCustomError(
            "pagu_too_large",
            "pagu {value} is larger than {max} rupiah",
            {"value": value, "max": MAX_PAGU},
        )
    return value


Year = Annotated[StrictInt, Field(ge=YEAR_MIN, le=YEAR_MAX)]
"""A year written as a number: ``start: '2025'`` is text, not a year, and is refused."""
YearKey = Annotated[int, PlainValidator(_year_key, json_schema_input_type=int)]
"""A year as a mapping key: an integer, or in JSON the text of one (``"2025"``)."""
Number: TypeAlias = StrictInt | StrictFloat
Pagu = Annotated[Number, AfterValidator(_pagu_bound)]
"""A pagu in rupiah: a finite number of at most :data:`MAX_PAGU` in absolute value."""
Range: TypeAlias = tuple[Number, Number]
Value: TypeAlias = StrictInt | StrictFloat | Range | StrictStr
"""A target or actual: a number, a ``[low, high]`` range, or a text / ordinal value.

Text stays as written: ``"72,5"`` (a comma decimal) is kept and reported by a rule, never
silently converted.
"""

Id = Annotated[StrictStr, Field(min_length=1, max_length=200)]
Name = Annotated[StrictStr, Field(max_length=MAX_NAME)]
SharedId = Annotated[Id, AfterValidator(sys.intern)]
"""An id that many nodes repeat (a level, an OPD): every node holds the one same string.

A plan of 50,000 nodes names some twenty levels and a few hundred OPDs. Read from JSON or
YAML, each node would hold its own copy of each, and every look-up of a node's level or OPD
would fetch that copy from far away in memory; shared, the few strings stay at hand, and a
look-up finds its key by identity. The value is unchanged."""
SharedName = Annotated[Name, AfterValidator(sys.intern)]
"""A short name that many indicators repeat (a satuan); see :data:`SharedId`."""
Text = Annotated[StrictStr, Field(max_length=MAX_TEXT)]
Measure = Literal["number", "percent", "ordinal", "text"]
Polarity = Literal["higher", "lower", "range"]
Status = Literal["usulan", "disetujui", "ditolak"]


def check_format_version(value: int, supported: int = FORMAT_VERSION) -> int:
    """A file's format version: refused when newer than ``supported`` or below 1."""
    if value > supported:
        raise PydanticCustomError(
            "format_too_new",
            "format version {version} is newer than this pohon reads ({supported})",
            {"version": value, "supported": supported},
        )
    if value < 1:
        raise PydanticCustomError(
            "format_unknown",
            "format version must be 1 or higher, not {version}",
            {"version": value},
        )
    return value


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        allow_inf_nan=False,
        populate_by_name=True,
        serialize_by_alias=True,
        validate_by_alias=True,
        validate_by_name=True,
    )


class Period(_Model):
    """The years a plan covers, both ends included."""

    start: Year
    end: Year

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise PydanticCustomError(
                "period_order",
                "period end {end} is before start {start}",
                {"start": self.start, "end": self.end},
            )
        return self

    @property
    def years(self) -> range:
        return range(self.start, self.end + 1)


class Baseline(_Model):
    """The value an indicator starts from, and the year it was measured."""

    year: Year
    value: Value | None = None


class Indicator(_Model):
    """An indicator kinerja with its targets and actuals per year."""

    id: Id
    name: Name
    satuan: SharedName | None = None
    measure: Measure = "number"
    scale: tuple[Name, ...] | None = None
    polarity: Polarity = "higher"
    cumulative: StrictBool = False
    baseline: Baseline | None = None
    targets: dict[YearKey, Value] = Field(default_factory=dict)
    actuals: dict[YearKey, Value] = Field(default_factory=dict)
    pk_targets: dict[YearKey, Value] = Field(default_factory=dict)
    """Targets as signed in the year's Perjanjian Kinerja, where one is recorded: a target
    that differs from ``targets`` for the same year is a finding (PK606)."""
    definisi: Text | None = None
    formula: Text | None = None
    sumber_data: Text | None = None
    penanggung_jawab: Name | None = None
    iku: StrictBool = False
    notes: Text | None = None


class ParentRef(_Model):
    """A cascade link to a parent node, with an optional contribution weight."""

    id: Id
    weight: (
        Annotated[StrictInt, Field(gt=0, le=100)]
        | Annotated[StrictFloat, Field(gt=0, le=100)]
        | None
    ) = None


class Crosscutting(_Model):
    """A declaration that another OPD (internal) or an outside agency (external) must contribute."""

    opd: Id | None = None
    agency: Name | None = None
    status: Status = "usulan"
    note: Text | None = None

    @model_validator(mode="after")
    def _one_party(self) -> Crosscutting:
        if (self.opd is None) == (self.agency is None):
            raise PydanticCustomError(
                "crosscutting_party",
                "a crosscutting declaration names exactly one of 'opd' or 'agency'",
            )
        return self


class OPD(_Model):
    """A Perangkat Daerah (agency) of the Pemda."""

    id: Id
    name: Name
    kode: Name | None = None
    singkatan: Name | None = None
    notes: Text | None = None


class Node(_Model):
    """One node of the pohon kinerja: a condition or result at one level."""

    id: Id
    level: SharedId
    name: Name
    parents: tuple[ParentRef, ...] = ()
    opd: SharedId | None = None
    kode: Name | None = None
    aligns: tuple[Id, ...] = ()
    crosscutting: tuple[Crosscutting, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    pagu: dict[YearKey, Pagu] = Field(default_factory=dict)
    realisasi_anggaran: dict[YearKey, Pagu] = Field(default_factory=dict)
    """Budget actually spent per year, in rupiah (realisasi anggaran), beside ``pagu``."""
    notes: Text | None = None

    @field_validator("parents", mode="before", json_schema_input_type=list[Id | ParentRef])
    @classmethod
    def _parent_shorthand(cls, value: Any) -> Any:
        # ``parents: [M1, {id: M2, weight: 0.5}]``: a bare id is a link without weight.
        if isinstance(value, list | tuple):
            return [{"id": item} if isinstance(item, str) else item for item in value]
        return value

    @property
    def parent_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.parents)

    def __repr__(self) -> str:
        # Short: a node with its indicators runs to pages; ``model_dump()`` has it all.
        kode = f" {self.kode.strip()}" if self.kode and self.kode.strip() else ""
        name = " ".join(self.name.split())
        if len(name) > 50:
            name = name[:49].rstrip() + "…"
        return f"<Node {self.id} {self.level}{kode} {name!r}>"

    __str__ = __repr__


class PlanInfo(_Model):
    """The ``plan:`` header of a plan file."""

    id: Id
    name: Name
    pemda: Name | None = None
    period: Period
    frameworks: tuple[Id, ...] = ()
    scheme: Id | LevelScheme = "kota"
    notes: Text | None = None
    meta: dict[StrictStr, StrictStr] = Field(default_factory=dict)


class Plan(_Model, ShowsItself):
    """One pohon kinerja: its header, its OPDs and its nodes.

    >>> import pohon
    >>> plan = pohon.example("mojokerto")
    >>> plan.period.start, plan.period.end
    (2025, 2029)
    """

    format: StrictInt = Field(default=FORMAT_VERSION, alias="pohon")
    info: PlanInfo = Field(alias="plan")
    opds: tuple[OPD, ...] = ()
    nodes: tuple[Node, ...] = ()

    _source: Any = PrivateAttr(default=None)

    @field_validator("format")
    @classmethod
    def _known_format(cls, value: int) -> int:
        return check_format_version(value)

    @model_validator(mode="after")
    def _levels_and_years(self) -> Plan:
        scheme_ref = self.info.scheme
        errors: list[InitErrorDetails] = []
        if isinstance(scheme_ref, str) and scheme_ref not in BUILTIN_SCHEMES:
            errors.append(
                InitErrorDetails(
                    type=PydanticCustomError(
                        "unknown_scheme",
                        "unknown level scheme {scheme!r}; known: {known}",
                        {"scheme": scheme_ref, "known": ", ".join(sorted(BUILTIN_SCHEMES))},
                    ),
                    loc=("plan", "scheme"),
                    input=scheme_ref,
                )
            )
            raise ValidationError.from_exception_data("Plan", errors)
        levels = set(self.scheme.level_ids)
        known = ", ".join(self.scheme.level_ids)
        low = self.info.period.start - YEAR_MARGIN
        high = self.info.period.end + YEAR_MARGIN
        near = frozenset(range(low, high + 1))
        for i, node in enumerate(self.nodes):
            if node.level not in levels:
                errors.append(
                    InitErrorDetails(
                        type=PydanticCustomError(
                            "unknown_level",
                            "unknown level {level!r}; the scheme {scheme} has: {known}",
                            {"level": node.level, "scheme": self.scheme.id, "known": known},
                        ),
                        loc=("nodes", i, "level"),
                        input=node.level,
                    )
                )
            # Set operations find the usual case, every year near the period, at once.
            if not _years_near(node, near):
                for loc, year in _years_of(node):
                    if not low <= year <= high:
                        errors.append(
                            InitErrorDetails(
                                type=PydanticCustomError(
                                    "year_far_outside",
                                    "year {year} is far outside the plan period {start}-{end}",
                                    {
                                        "year": year,
                                        "start": self.info.period.start,
                                        "end": self.info.period.end,
                                    },
                                ),
                                loc=("nodes", i, *loc),
                                input=year,
                            )
                        )
            if len(errors) >= 50:
                break
        if errors:
            raise ValidationError.from_exception_data("Plan", errors)
        return self

    def __eq__(self, other: object) -> bool:
        # Equality is over the plan's content: where it was read from does not count.
        if not isinstance(other, Plan):
            return NotImplemented
        return (
            self.format == other.format
            and self.info == other.info
            and self.opds == other.opds
            and self.nodes == other.nodes
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        """``<Plan kota-mojokerto-2025-2029: 277 node, 15 OPD, 2025-2029>``: short, since the
        whole plan runs to hundreds of thousands of characters; ``model_dump()`` has it all.

        >>> import pohon
        >>> pohon.example("mojokerto")
        <Plan kota-mojokerto-2025-2029-ilustratif: 277 node, 15 OPD, 2025-2029>
        >>> pohon.example("mojokerto").node("P-DINKES-1.02.01")
        <Node P-DINKES-1.02.01 program 1.02.01 'Meningkatnya akuntabilitas kinerja dan kualitas t…'>
        """
        period = self.info.period
        return (
            f"<Plan {self.info.id}: {len(self.nodes)} node, {len(self.opds)} OPD, "
            f"{period.start}-{period.end}>"
        )

    __str__ = __repr__

    # -- convenience ----------------------------------------------------------------------
    def draw(self, report: Any = None, **options: Any) -> Any:
        """The plan's :class:`pohon.Diagram`, with the options of :func:`pohon.diagram`
        (``opd=``, ``root=``, ``depth=``, ``cita=``, ``view=``, ``color_by=``, ``year=``…).

        >>> import pohon
        >>> pohon.example("mojokerto").draw(opd="dinkes", findings=False)
        <Diagram 'Dinkes': 28 box>
        """
        return draw_of(self, report=report, **options)

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def name(self) -> str:
        return self.info.name

    @property
    def pemda(self) -> str | None:
        return self.info.pemda

    @property
    def period(self) -> Period:
        return self.info.period

    @property
    def frameworks(self) -> tuple[str, ...]:
        return self.info.frameworks

    @property
    def scheme(self) -> LevelScheme:
        scheme = self.info.scheme
        return scheme if isinstance(scheme, LevelScheme) else BUILTIN_SCHEMES[scheme]

    @property
    def opd_only(self) -> bool:
        """Whether the plan holds one or more OPDs' Renstra only: it has nodes, and none of
        them is at a level the scheme gives to the Pemda (visi, misi, tujuan, sasaran in the
        Kota scheme). Its top nodes then link to RPJMD nodes kept in another file, and what
        needs the RPJMD (alignment coverage, the sasaran each OPD serves) is not judged.

        >>> import pohon
        >>> pohon.example("mojokerto").opd_only
        False
        """
        pemda = {level.id for level in self.scheme.levels if level.owner == "pemda"}
        return bool(pemda) and bool(self.nodes) and all(n.level not in pemda for n in self.nodes)

    @property
    def source(self) -> Any:
        """Where the plan was read from (a :class:`pohon.io.SourceMap`), or ``None``."""
        return self._source

    def to_records(self, table: str = "nodes") -> list[dict[str, Any]]:
        """One table of the plan as flat dicts: ``nodes``, ``indicators``, ``targets`` (one
        row per indicator and year), ``pagu`` (one row per node and year), ``opds``,
        ``aligns``, ``crosscutting`` or ``plan``; see :mod:`pohon.model.records`.

        >>> import pohon
        >>> pohon.example("mojokerto").to_records("pagu")[0]
        {'node': 'P-DINKES-1.02.01', 'year': 2025, 'pagu': 18645000000, 'realisasi_anggaran': None}
        """
        from pohon.model.records import to_records

        return to_records(self, table)

    def to_tables(self) -> dict[str, list[dict[str, Any]]]:
        """Every table of :meth:`to_records`, keyed by name; :meth:`from_records` takes them
        back: ``Plan.from_records(**plan.to_tables()) == plan``."""
        from pohon.model.records import to_tables

        return to_tables(self)

    def to_frame(self, table: str = "nodes") -> Any:
        """One table of :meth:`to_records` as a pandas DataFrame (needs pandas)."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("to_frame() needs pandas: pip install 'pohon[pandas]'") from exc
        from pohon.model.records import to_records

        return pd.DataFrame.from_records(to_records(self, table))

    @classmethod
    def from_records(
        cls,
        *,
        plan: Any,
        nodes: Any,
        opds: Any = (),
        indicators: Any = (),
        targets: Any = (),
        pagu: Any = (),
        aligns: Any = (),
        crosscutting: Any = (),
    ) -> Plan:
        """A plan built from tables shaped as :meth:`to_records` gives them (lists of dicts,
        or DataFrames: their rows are read with ``to_dict("records")``). Raises pydantic's
        ``ValidationError`` for a value the model refuses, and ``ValueError`` for a row that
        names a node or indicator the tables lack.

        >>> import pohon
        >>> plan = pohon.example("mojokerto")
        >>> pohon.Plan.from_records(**plan.to_tables()) == plan
        True
        """
        from pohon.model.records import plan_data

        def rows(table: Any) -> Any:
            to_dict = getattr(table, "to_dict", None)
            return to_dict("records") if callable(to_dict) else table

        data = plan_data(
            plan=rows(plan),
            nodes=rows(nodes),
            opds=rows(opds),
            indicators=rows(indicators),
            targets=rows(targets),
            pagu=rows(pagu),
            aligns=rows(aligns),
            crosscutting=rows(crosscutting),
        )
        return cls.model_validate(data)

    def node(self, node_id: str) -> Node:
        """The first node with this id; raises ``KeyError`` if there is none.

        It looks through the nodes in order; for many look-ups, build the index once with
        :meth:`node_index` (or use a :class:`pohon.PlanGraph`, which keeps it).
        """
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)

    def node_index(self) -> dict[str, int]:
        """A new map from node id to the position of its first occurrence in ``nodes``."""
        ids = [node.id for node in self.nodes]
        # Built in C: keys in the order of their first occurrence, each key the first node's
        # own string; a repeated id then holds its last position, corrected below.
        index = dict(zip(ids, range(len(ids)), strict=True))
        if len(index) != len(ids):
            for i in range(len(ids) - 1, -1, -1):
                index[ids[i]] = i
        return index

    def opd(self, opd_id: str) -> OPD:
        for opd in self.opds:
            if opd.id == opd_id:
                return opd
        raise KeyError(opd_id)

    def iter_indicators(self) -> Iterator[tuple[Node, Indicator]]:
        for node in self.nodes:
            for indicator in node.indicators:
                yield node, indicator


def _years_near(node: Node, near: frozenset[int]) -> bool:
    """Whether every year the node writes is one of ``near``."""
    if not (near.issuperset(node.pagu) and near.issuperset(node.realisasi_anggaran)):
        return False
    for ind in node.indicators:
        if not (
            near.issuperset(ind.targets)
            and near.issuperset(ind.actuals)
            and near.issuperset(ind.pk_targets)
        ):
            return False
        if ind.baseline is not None and ind.baseline.year not in near:
            return False
    return True


def _years_of(node: Node) -> Iterator[tuple[tuple[str | int, ...], int]]:
    for year in node.pagu:
        yield ("pagu", year), year
    for year in node.realisasi_anggaran:
        yield ("realisasi_anggaran", year), year
    for j, ind in enumerate(node.indicators):
        if ind.baseline is not None:
            yield ("indicators", j, "baseline", "year"), ind.baseline.year
        for year in ind.targets:
            yield ("indicators", j, "targets", year), year
        for year in ind.actuals:
            yield ("indicators", j, "actuals", year), year
        for year in ind.pk_targets:
            yield ("indicators", j, "pk_targets", year), year
