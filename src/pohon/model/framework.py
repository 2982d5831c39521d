"""Frameworks: the priority lists a plan aligns with (Panca Cita, Asta Cita, SDGs, ...)."""

from __future__ import annotations

from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from pohon.model.plan import Period, check_format_version

FRAMEWORK_FORMAT_VERSION = 1
"""Version of the framework and crosswalk file formats that this library reads."""

Confidence = Literal["confirmed", "partial", "unconfirmed"]
FrameworkLevel = Literal["global", "nasional", "provinsi", "kota", "kabupaten"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FrameworkItem(_Model):
    """One item of a framework (a cita, a misi, a goal)."""

    id: StrictStr = Field(min_length=1, max_length=64, pattern=r"^[^\s:]+$")
    name: StrictStr = Field(min_length=1)
    short: StrictStr | None = None
    confidence: Confidence = "confirmed"
    source: StrictStr | None = None
    notes: StrictStr | None = None


class FrameworkInfo(_Model):
    """Metadata of a framework: what it is, for which period, and how sure its wording is."""

    id: StrictStr = Field(min_length=1, max_length=100, pattern=r"^[^\s:]+$")
    name: StrictStr
    level: FrameworkLevel
    pemda: StrictStr | None = None
    period: Period | None = None
    version: StrictStr | None = None
    source: StrictStr | None = None
    confidence: Confidence = "confirmed"
    notes: StrictStr | None = None


class Framework(_Model):
    """A framework with its items, as shipped in ``pohon/data/frameworks`` or loaded by a user."""

    format: StrictInt = Field(default=FRAMEWORK_FORMAT_VERSION, alias="pohon-framework")
    framework: FrameworkInfo
    items: tuple[FrameworkItem, ...] = Field(min_length=1)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @field_validator("format")
    @classmethod
    def _known_format(cls, value: int) -> int:
        return check_format_version(value, FRAMEWORK_FORMAT_VERSION)

    @model_validator(mode="after")
    def _unique_items(self) -> Framework:
        seen: set[str] = set()
        errors: list[InitErrorDetails] = []
        for i, item in enumerate(self.items):
            if item.id in seen:
                errors.append(
                    InitErrorDetails(
                        type=PydanticCustomError(
                            "duplicate_item",
                            "item {item!r} appears twice in {framework!r}",
                            {"item": item.id, "framework": self.framework.id},
                        ),
                        loc=("items", i, "id"),
                        input=item.id,
                    )
                )
            seen.add(item.id)
        if errors:
            raise ValidationError.from_exception_data("Framework", errors)
        return self

    @property
    def id(self) -> str:
        return self.framework.id

    @property
    def name(self) -> str:
        return self.framework.name

    def item(self, item_id: str) -> FrameworkItem:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(f"{self.id}:{item_id}")


class CrosswalkLink(_Model):
    """One item of the source framework and the items of the target framework it serves."""

    source: StrictStr = Field(alias="from", min_length=1)
    targets: tuple[StrictStr, ...] = Field(alias="to", min_length=1)
    note: StrictStr | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class CrosswalkInfo(_Model):
    """What a crosswalk links, and on whose judgement."""

    id: StrictStr = Field(min_length=1, pattern=r"^[^\s:]+$")
    source: StrictStr = Field(alias="from", min_length=1)
    target: StrictStr = Field(alias="to", min_length=1)
    judgement: bool = True
    basis: StrictStr | None = None
    notes: StrictStr | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Crosswalk(_Model):
    """Links from one framework's items to another's (Panca Cita 1 → Asta Cita 4).

    Such links are judgements, not published facts: they ship as editable data, marked so,
    and users override them with their own files.
    """

    format: StrictInt = Field(default=FRAMEWORK_FORMAT_VERSION, alias="pohon-crosswalk")
    crosswalk: CrosswalkInfo
    links: tuple[CrosswalkLink, ...] = ()

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @field_validator("format")
    @classmethod
    def _known_format(cls, value: int) -> int:
        return check_format_version(value, FRAMEWORK_FORMAT_VERSION)

    @property
    def id(self) -> str:
        return self.crosswalk.id

    @property
    def source(self) -> str:
        return self.crosswalk.source

    @property
    def target(self) -> str:
        return self.crosswalk.target

    def mapping(self) -> dict[str, tuple[str, ...]]:
        """Source item id → target item ids."""
        out: dict[str, list[str]] = {}
        for link in self.links:
            out.setdefault(link.source, []).extend(link.targets)
        return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}
