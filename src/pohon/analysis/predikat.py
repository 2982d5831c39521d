"""Predikat: the bands that name an achievement ("Sangat Tinggi", "Tercapai"), as data.

Pemda use different band scales, so a scale is data: a list of bands from the highest down,
each with its lower bound (``min``: at least; or ``above``: more than) and its label, the
last band without a bound (everything below). Two scales ship with pohon:

* ``lkjip`` (the default): 91 Sangat Tinggi, 76 Tinggi, 66 Sedang, 51 Rendah, below that
  Sangat Rendah [confirmed: LKjIP Kabupaten Sampang 2019; usually attributed to
  Permendagri 86/2017, unconfirmed];
* ``dasbor``: above 105 Melampaui, 95 Tercapai, 80 Mendekati, 60 Perlu Perhatian, below
  that Kritis [an open e-SAKIP dashboard].

A capaian is banded as shown, rounded to two decimals: 90,996 shows as 91,00 and is
"Sangat Tinggi". Users pass their own scale as a :class:`PredikatScale`, a dict, or a YAML
file with the same keys::

    id: skala-saya
    name: Skala capaian Kota Uji
    bands:
      - {min: 100, label: Tercapai, label_en: Achieved, color: "#2e7d32"}
      - {min: 75, label: Hampir tercapai}
      - {label: Belum tercapai}

>>> scale = builtin_scale("lkjip")
>>> scale.band(Decimal("89.47")).label
'Tinggi'
>>> scale.band(Decimal("90.996")).label
'Sangat Tinggi'
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, model_validator
from pydantic_core import PydanticCustomError

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
TWO_PLACES = Decimal("0.01")

Bound = StrictInt | StrictFloat
Label = Annotated[str, Field(min_length=1, max_length=80)]


def rounded(value: Decimal) -> Decimal:
    """A capaian as shown: two decimals, halves away from zero (as planners round by hand).

    >>> rounded(Decimal("89.473684")), rounded(Decimal("0.125"))
    (Decimal('89.47'), Decimal('0.13'))
    """
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


class Band(BaseModel):
    """One band of a scale: its lower bound, its label, and the colour diagrams use."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    label: Label
    label_en: Label | None = None
    min: Bound | None = None
    """The band holds capaian of at least this."""
    above: Bound | None = None
    """The band holds capaian of more than this."""
    color: str | None = None

    @model_validator(mode="after")
    def _one_bound(self) -> Band:
        if self.min is not None and self.above is not None:
            raise PydanticCustomError(
                "band_bounds",
                "a band has 'min' or 'above', not both ({label})",
                {"label": self.label},
            )
        if self.color is not None and not _COLOUR.fullmatch(self.color):
            raise PydanticCustomError(
                "band_color", "colour must be #rrggbb, not {color!r}", {"color": self.color[:20]}
            )
        return self

    @property
    def bound(self) -> Decimal | None:
        value = self.min if self.min is not None else self.above
        return None if value is None else Decimal(repr(value))

    def holds(self, value: Decimal) -> bool:
        if self.min is not None:
            return value >= Decimal(repr(self.min))
        if self.above is not None:
            return value > Decimal(repr(self.above))
        return True

    def label_in(self, lang: str) -> str:
        return (self.label_en or self.label) if lang == "en" else self.label


class PredikatScale(BaseModel):
    """A band scale: bands from the highest down, the last one without a bound."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    id: Annotated[str, Field(min_length=1, max_length=80)]
    name: Annotated[str, Field(min_length=1, max_length=200)]
    bands: Annotated[tuple[Band, ...], Field(min_length=1, max_length=20)]

    @model_validator(mode="after")
    def _ordered(self) -> PredikatScale:
        *bounded, last = self.bands
        if last.bound is not None:
            raise PydanticCustomError(
                "scale_last_band",
                "the last band ({label}) takes everything below the others: give it no bound",
                {"label": last.label},
            )
        previous: Decimal | None = None
        for band in bounded:
            bound = band.bound
            if bound is None:
                raise PydanticCustomError(
                    "scale_band_bound",
                    "only the last band may have no bound; {label} has none",
                    {"label": band.label},
                )
            if previous is not None and bound >= previous:
                raise PydanticCustomError(
                    "scale_band_order",
                    "bands go from the highest bound down: {label} ({bound}) is not below "
                    "the band before it ({previous})",
                    {"label": band.label, "bound": str(bound), "previous": str(previous)},
                )
            previous = bound
        return self

    def band(self, capaian: Decimal) -> Band:
        """The band of a capaian, rounded to two decimals first."""
        shown = rounded(capaian)
        for band in self.bands:
            if band.holds(shown):
                return band
        return self.bands[-1]  # unreachable: the last band holds everything

    def label(self, capaian: Decimal | None, lang: str = "id") -> str | None:
        """The predikat of a capaian (``None`` for none)."""
        return None if capaian is None else self.band(capaian).label_in(lang)


SCALE_DIR = Path(__file__).resolve().parent.parent / "data" / "skala"
SCALES = ("lkjip", "dasbor")
"""The scales that ship with pohon; ``lkjip`` is the default."""


def builtin_scale(name: str = "lkjip") -> PredikatScale:
    """One of the shipped scales (:data:`SCALES`)."""
    if name not in SCALES:
        raise KeyError(name)
    return _parse((SCALE_DIR / f"{name}.yaml").read_text("utf-8"), name)


def load_scale(source: str | Path | PredikatScale | dict[str, Any]) -> PredikatScale:
    """A scale from a shipped name, a YAML file, a dict, or a :class:`PredikatScale`.

    A bad scale raises :class:`pohon.UsageError` naming what is wrong.
    """
    from pydantic import ValidationError

    from pohon.findings import UsageError

    if isinstance(source, PredikatScale):
        return source
    try:
        if isinstance(source, dict):
            return PredikatScale.model_validate(source)
        if isinstance(source, str) and source in SCALES:
            return builtin_scale(source)
        path = Path(source)
        try:
            if path.stat().st_size > 64_000 or not path.is_file():
                raise UsageError(
                    f"skala predikat {str(source)[:80]!r} bukan berkas YAML kecil",
                    f"predikat scale {str(source)[:80]!r} is not a small YAML file",
                )
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            known = ", ".join(SCALES)
            raise UsageError(
                f"skala predikat {str(source)[:80]!r} tidak bisa dibaca ({type(exc).__name__}); "
                f"skala bawaan: {known}",
                f"predikat scale {str(source)[:80]!r} cannot be read ({type(exc).__name__}); "
                f"shipped scales: {known}",
            ) from None
        return _parse(text, str(path))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise UsageError(
            f"skala predikat tidak sah: {where}: {first['msg']}",
            f"invalid predikat scale: {where}: {first['msg']}",
        ) from None


def _parse(text: str, where: str = "") -> PredikatScale:
    import yaml

    from pohon.findings import UsageError

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise UsageError(
            f"skala predikat {where}{line}: YAML tidak valid",
            f"predikat scale {where}{line}: invalid YAML",
        ) from None
    if not isinstance(data, dict):
        raise UsageError(
            f"skala predikat {where}: isinya harus pemetaan id, name, bands",
            f"predikat scale {where}: it must be a mapping of id, name, bands",
        )
    return PredikatScale.model_validate(data)
