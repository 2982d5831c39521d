"""Level schemes: the ordered levels of a pohon kinerja, as data.

A scheme says which levels exist, which level may be the parent of which, who owns each
level (the Pemda or an OPD), which indicator type is expected there, whether the level
carries pagu, and the shape of its nomenclature kode. Other Pemda use other schemes; a
scheme is a value, not code.
"""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from pohon.model.kode import KodePattern, KodePatternError

Owner = Literal["pemda", "opd"]
IndicatorType = Literal["none", "impact", "outcome", "output", "process"]

_ID_PATTERN = r"^[a-z][a-z0-9_]*$"


class LevelSpec(BaseModel):
    """One level of a scheme."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=_ID_PATTERN, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    name_en: str | None = None
    owner: Owner
    role: str | None = Field(default=None, max_length=64)
    indicator: IndicatorType = "none"
    parents: tuple[str, ...] = ()
    pagu: bool = False
    kode: str | None = Field(
        default=None,
        description=(
            "Pattern that a kode at this level must match (fully): a safe subset of regular "
            "expressions, matched in linear time (see pohon.model.kode)."
        ),
    )
    kode_example: str | None = None

    @field_validator("kode")
    @classmethod
    def _safe_kode_pattern(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                KodePattern.compile(value)
            except KodePatternError as exc:
                raise PydanticCustomError(
                    "kode_pattern",
                    "kode pattern cannot be used: {reason_en}",
                    {"reason_id": exc.reason_id, "reason_en": exc.reason_en},
                ) from None
        return value

    def kode_pattern(self) -> KodePattern | None:
        """The compiled :attr:`kode` pattern, or ``None`` when the level has none."""
        return None if self.kode is None else KodePattern.compile(self.kode)


class LevelScheme(BaseModel):
    """An ordered list of levels, from the root level down."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$", max_length=64)
    name: str
    levels: tuple[LevelSpec, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_levels(self) -> LevelScheme:
        seen: set[str] = set()
        for level in self.levels:
            if level.id in seen:
                raise PydanticCustomError(
                    "duplicate_level",
                    "level {level!r} appears twice in scheme {scheme!r}",
                    {"level": level.id, "scheme": self.id},
                )
            for parent in level.parents:
                if parent not in seen:
                    raise PydanticCustomError(
                        "unknown_parent_level",
                        "level {level!r} names parent level {parent!r}, which is not an "
                        "earlier level of the scheme",
                        {"level": level.id, "parent": parent},
                    )
            seen.add(level.id)
        return self

    # Rules look levels up for every node: plain cached attributes keep that a dict lookup.
    @cached_property
    def _by_id(self) -> dict[str, LevelSpec]:
        return {level.id: level for level in self.levels}

    @cached_property
    def _ranks(self) -> dict[str, int]:
        return {level.id: rank for rank, level in enumerate(self.levels)}

    def level(self, level_id: str) -> LevelSpec:
        """The level with this id; raises ``KeyError`` if the scheme has none."""
        return self._by_id[level_id]

    @cached_property
    def level_ids(self) -> tuple[str, ...]:
        return tuple(level.id for level in self.levels)

    def rank(self, level_id: str) -> int:
        """Position of the level, 0 for the root level."""
        return self._ranks[level_id]

    def children_of(self, level_id: str) -> tuple[str, ...]:
        """Levels that may sit directly below ``level_id``."""
        return tuple(lv.id for lv in self.levels if level_id in lv.parents)


_PROGRAM = r"\d\.\d{2}\.\d{2}"
_KEGIATAN = _PROGRAM + r"\.\d\.\d{2}"
# Sub kegiatan: four digits since Kepmendagri 050-5889/2021; older data used two.
_SUB_KEGIATAN = _KEGIATAN + r"\.(?:\d{4}|\d{2})"

KOTA = LevelScheme(
    id="kota",
    name="Skema Kota/Kabupaten (RPJMD → Renstra PD → program → kegiatan → sub kegiatan)",
    levels=(
        LevelSpec(id="visi", name="Visi", name_en="Vision", owner="pemda"),
        LevelSpec(id="misi", name="Misi", name_en="Mission", owner="pemda", parents=("visi",)),
        LevelSpec(
            id="tujuan",
            name="Tujuan",
            name_en="Goal",
            owner="pemda",
            indicator="impact",
            parents=("misi",),
        ),
        LevelSpec(
            id="sasaran",
            name="Sasaran",
            name_en="Objective",
            owner="pemda",
            indicator="outcome",
            parents=("tujuan",),
        ),
        LevelSpec(
            id="tujuan_opd",
            name="Tujuan Perangkat Daerah",
            name_en="Agency goal",
            owner="opd",
            role="kepala",
            indicator="outcome",
            parents=("sasaran", "tujuan"),
        ),
        LevelSpec(
            id="sasaran_opd",
            name="Sasaran Perangkat Daerah",
            name_en="Agency objective",
            owner="opd",
            role="strategic",
            indicator="outcome",
            parents=("tujuan_opd", "sasaran"),
        ),
        LevelSpec(
            id="program",
            name="Program",
            name_en="Programme",
            owner="opd",
            role="strategic",
            indicator="outcome",
            parents=("sasaran_opd",),
            pagu=True,
            kode=_PROGRAM,
            kode_example="1.02.02",
        ),
        LevelSpec(
            id="kegiatan",
            name="Kegiatan",
            name_en="Activity",
            owner="opd",
            role="tactical",
            indicator="output",
            parents=("program",),
            pagu=True,
            kode=_KEGIATAN,
            kode_example="1.02.02.2.01",
        ),
        LevelSpec(
            id="sub_kegiatan",
            name="Sub Kegiatan",
            name_en="Sub-activity",
            owner="opd",
            role="operational",
            indicator="output",
            parents=("kegiatan",),
            pagu=True,
            kode=_SUB_KEGIATAN,
            kode_example="1.02.02.2.01.0006",
        ),
    ),
)

TEMATIK = LevelScheme(
    id="tematik",
    name="Skema tematik (Tematik → Sub Tematik → Strategic → Tactical → Operational)",
    levels=(
        LevelSpec(id="tematik", name="Tematik", name_en="Theme", owner="pemda", indicator="impact"),
        LevelSpec(
            id="sub_tematik",
            name="Sub Tematik",
            name_en="Sub-theme",
            owner="pemda",
            indicator="outcome",
            parents=("tematik",),
        ),
        LevelSpec(
            id="strategic",
            name="Strategic",
            name_en="Strategic",
            owner="opd",
            role="eselon II",
            indicator="outcome",
            parents=("sub_tematik", "tematik"),
        ),
        LevelSpec(
            id="tactical",
            name="Tactical",
            name_en="Tactical",
            owner="opd",
            role="eselon III",
            indicator="outcome",
            parents=("strategic",),
            pagu=True,
        ),
        LevelSpec(
            id="operational",
            name="Operational",
            name_en="Operational",
            owner="opd",
            role="eselon IV",
            indicator="output",
            parents=("tactical",),
            pagu=True,
        ),
    ),
)

BUILTIN_SCHEMES: dict[str, LevelScheme] = {KOTA.id: KOTA, TEMATIK.id: TEMATIK}
