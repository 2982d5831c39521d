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
from decimal import ROUND_HALF_UP, Context, Decimal
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
    # A context wide enough for the whole number: a capaian of 10^26 % (a target of
    # 0,00001 met by 10^21) is absurd but still shown, never an error. The usual width's
    # context is made once: a plan's capaian are rounded a hundred thousand times.
    digits = max(28, value.adjusted() + 4)
    context = _USUAL if digits == 28 else Context(prec=digits)
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP, context=context)


_USUAL = Context(prec=28)


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
                "band_color",
                "colour must be #rrggbb, not {color}",
                {"color": repr(self.color[:20])},
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

    A bad scale raises :class:`pohon.UsageError` naming what is wrong, in Indonesian and
    English, with the file and line when it came from a file.
    """
    from pydantic import ValidationError

    from pohon.findings import UsageError

    if isinstance(source, PredikatScale):
        return source
    if isinstance(source, dict):
        try:
            return PredikatScale.model_validate(source)
        except ValidationError as exc:
            raise _scale_error(exc, "", None) from None
    if isinstance(source, str) and source in SCALES:
        return builtin_scale(source)
    path = Path(source)
    shown = str(source)[:80]
    known = ", ".join(SCALES)
    try:
        if not path.is_file():
            raise UsageError(
                f"skala predikat {shown!r} bukan berkas dan bukan skala bawaan ({known})",
                f"predikat scale {shown!r} is not a file nor a shipped scale ({known})",
            )
        if path.stat().st_size > MAX_SCALE_BYTES:
            raise UsageError(
                f"berkas skala predikat {shown} terlalu besar (paling besar 64 KB)",
                f"predikat scale file {shown} is too large (at most 64 KB)",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(
            f"skala predikat {shown!r} tidak bisa dibaca ({type(exc).__name__}); skala bawaan: "
            f"{known}",
            f"predikat scale {shown!r} cannot be read ({type(exc).__name__}); shipped scales: "
            f"{known}",
        ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UsageError(
            f"{shown}:{line}: berkas skala predikat bukan UTF-8; simpan ulang sebagai UTF-8",
            f"{shown}:{line}: the predikat scale file is not UTF-8; save it again as UTF-8",
        ) from None
    return _parse(text, shown)


MAX_SCALE_BYTES = 64_000
"""Largest predikat scale file read: a scale is twenty short lines at most."""


def _scale_error(exc: Any, where: str, text: str | None) -> Exception:
    """A validation error of a scale as a :class:`UsageError` in both languages."""
    from pohon.findings import UsageError

    first = exc.errors()[0]
    loc = tuple(first["loc"])
    kind = first["type"]
    ctx = first.get("ctx") or {}
    last = loc[-1] if loc else ""
    if kind in ("int_type", "float_type", "int_parsing", "float_parsing") or (
        loc and loc[-1] in ("int", "float")
    ):
        loc = tuple(p for p in loc if p not in ("int", "float"))
        words = ("harus angka", "must be a number")
    elif kind == "too_long":
        words = ("paling banyak 20 pita", "at most 20 bands")
    elif kind == "too_short":
        words = ("paling sedikit satu pita", "at least one band")
    elif kind == "extra_forbidden":
        words = (
            f"kunci {last!r} tidak dikenal (skala: id, name, bands; pita: label, label_en, "
            "min, above, color)",
            f"unknown key {last!r} (scale: id, name, bands; band: label, label_en, min, "
            "above, color)",
        )
    elif kind == "missing":
        words = (f"kunci {last!r} wajib diisi", f"key {last!r} is required")
    elif kind in ("string_type", "string_too_long", "string_too_short"):
        words = ("harus teks 1-80 karakter", "must be a text of 1 to 80 characters")
    elif kind == "band_bounds":
        words = (
            f"pita {ctx.get('label')!r} punya min dan above sekaligus; pilih satu",
            f"band {ctx.get('label')!r} has both min and above; keep one",
        )
    elif kind == "band_color":
        words = (
            f"warna harus #rrggbb, bukan {ctx.get('color')}",
            f"colour must be #rrggbb, not {ctx.get('color')}",
        )
    elif kind == "scale_last_band":
        words = (
            f"pita terakhir ({ctx.get('label')!r}) menampung semua capaian di bawah pita lain: "
            "jangan beri batas",
            f"the last band ({ctx.get('label')!r}) takes everything below the others: give it "
            "no bound",
        )
    elif kind == "scale_band_bound":
        words = (
            f"hanya pita terakhir yang boleh tanpa batas; {ctx.get('label')!r} tidak punya",
            f"only the last band may have no bound; {ctx.get('label')!r} has none",
        )
    elif kind == "scale_band_order":
        words = (
            f"pita diurutkan dari batas tertinggi ke bawah: {ctx.get('label')!r} "
            f"({ctx.get('bound')}) tidak di bawah pita sebelumnya ({ctx.get('previous')})",
            f"bands go from the highest bound down: {ctx.get('label')!r} ({ctx.get('bound')}) "
            f"is not below the band before it ({ctx.get('previous')})",
        )
    else:
        words = (first["msg"], first["msg"])
    if not loc and kind.startswith("scale_"):
        loc = ("bands",)  # a fault of the bands together: point at the list
    path = ".".join(str(p) for p in loc)
    line = _line_of(text, loc) if text is not None else None
    place = f"{where}:{line}: " if line else (f"{where}: " if where else "")
    key = f"[{path}] " if path else ""
    return UsageError(
        f"{place}skala predikat tidak sah: {key}{words[0]}",
        f"{place}invalid predikat scale: {key}{words[1]}",
    )


def _line_of(text: str, loc: tuple[Any, ...]) -> int | None:
    """The line of the YAML node at ``loc`` (keys and list positions), or of the nearest
    node above it that exists."""
    import yaml

    try:
        node: Any = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    line = None if node is None else node.start_mark.line + 1
    for step in loc:
        if isinstance(node, yaml.MappingNode):
            found = next(
                (value for key, value in node.value if getattr(key, "value", None) == step),
                None,
            )
            if found is None:
                break
            node = found
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if not 0 <= step < len(node.value):
                break
            node = node.value[step]
        else:
            break
        line = node.start_mark.line + 1
    return line


def _parse(text: str, where: str = "") -> PredikatScale:
    import yaml
    from pydantic import ValidationError

    from pohon.findings import UsageError

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise UsageError(
            f"{where}{line}: skala predikat: YAML tidak valid",
            f"{where}{line}: predikat scale: invalid YAML",
        ) from None
    if not isinstance(data, dict):
        raise UsageError(
            f"{where}: skala predikat harus berupa pemetaan id, name, bands",
            f"{where}: a predikat scale must be a mapping of id, name, bands",
        )
    try:
        return PredikatScale.model_validate(data)
    except ValidationError as exc:
        raise _scale_error(exc, where, text) from None
