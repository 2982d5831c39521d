"""Capaian of one indicator in one year: the formulas, in decimal arithmetic.

Formulas [confirmed: LKjIP Kota Mojokerto 2020; LKjIP Maluku Tengah 2021]; no binary
rounding (target 95, realisasi 85 gives exactly 89,473684…):

* higher is better: ``realisasi / target × 100``;
* lower is better: ``(2 × target − realisasi) / target × 100``;
* a range target ``[low, high]``: 100 inside; above it measured against ``high`` as lower
  is better, below it against ``low`` as higher is better;
* an ordinal value (SAKIP grades C … AA, "Level 3", predikat words): its place on the
  indicator's scale (or a known scale when it gives none), the first place being 1, in
  the formula of its polarity;
* a text indicator is not measurable.

What cannot be computed is not guessed: :func:`measure` says why (:data:`REASONS`).

>>> from decimal import Decimal
>>> value, why = indicator_capaian(Decimal(95), Decimal(85), "higher")
>>> value.quantize(Decimal("0.01")), why
(Decimal('89.47'), None)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Literal

from pohon.model import Indicator

HUNDRED = Decimal(100)
TWO = Decimal(2)

Reason = Literal[
    "no_target",
    "no_actual",
    "text",
    "not_number",
    "not_on_scale",
    "no_scale",
    "target_zero",
    "target_negative",
    "range_target",
    "target_not_range",
    "range_reversed",
    "actual_range",
]
REASONS: dict[str, tuple[str, str]] = {
    "no_target": ("tidak ada target tahun itu", "no target for that year"),
    "no_actual": ("belum ada realisasi", "no actual yet"),
    "text": ("indikator teks tidak diukur capaiannya", "a text indicator is not measured"),
    "not_number": (
        "nilai tertulis sebagai teks, bukan angka",
        "a value is written as text, not a number",
    ),
    "not_on_scale": ("nilai tidak ada di skala ordinalnya", "a value is not on its ordinal scale"),
    "no_scale": (
        "indikator ordinal tanpa skala yang dikenal",
        "an ordinal indicator has no known scale",
    ),
    "target_zero": (
        "target nol: capaian tidak terdefinisi (tidak dibagi nol)",
        "target zero: achievement is undefined (no division by zero)",
    ),
    "target_negative": (
        "target negatif: rumus capaian tidak bermakna",
        "negative target: the achievement formula has no meaning",
    ),
    "range_target": (
        "target berupa rentang tetapi polaritasnya bukan range",
        "the target is a range but the polarity is not range",
    ),
    "target_not_range": (
        "polaritas range tetapi targetnya bukan rentang",
        "polarity range but the target is not a range",
    ),
    "range_reversed": (
        "rentang target terbalik (batas bawah di atas batas atas)",
        "the target range is reversed (its low bound above its high bound)",
    ),
    "actual_range": (
        "realisasi ditulis sebagai rentang; realisasi adalah satu nilai",
        "the actual is written as a range; an actual is one value",
    ),
}
"""Why a capaian cannot be computed, in Indonesian and English."""

ORDINAL_SCALES: tuple[tuple[str, ...], ...] = (
    ("D", "C", "CC", "B", "BB", "A", "AA"),
    ("Level 1", "Level 2", "Level 3", "Level 4", "Level 5"),
    ("Sangat Kurang", "Kurang", "Cukup", "Baik", "Sangat Baik"),
    ("Sangat Rendah", "Rendah", "Sedang", "Tinggi", "Sangat Tinggi"),
)
"""Known ordinal scales, lowest first, used when an ordinal indicator gives no ``scale``:
the SAKIP grades (PermenPAN-RB 88/2021), capability levels (APIP, SPIP, maturity) and the
predikat words."""

_NUMBER = (int, float)
_NUMERIC = ("number", "percent")
_MISSING = frozenset({"", "-", "–", "—"})


# -- one value ------------------------------------------------------------------------------


def as_decimal(value: object) -> Decimal | None:
    """A number from the plan as a Decimal, exactly as written (``0.1`` is one tenth);
    ``None`` for anything else (text, a range, a boolean)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    return None


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() in _MISSING)


def indicator_capaian(
    target: Decimal, realisasi: Decimal, polarity: str
) -> tuple[Decimal | None, Reason | None]:
    """Capaian of two numbers under a polarity (``higher`` or ``lower``).

    >>> indicator_capaian(Decimal(20), Decimal(18), "lower")
    (Decimal('110.0'), None)
    >>> indicator_capaian(Decimal(0), Decimal(3), "lower")
    (None, 'target_zero')
    """
    if target == 0:
        return None, "target_zero"
    if target < 0:
        return None, "target_negative"
    if polarity == "lower":
        return (TWO * target - realisasi) / target * HUNDRED, None
    return realisasi / target * HUNDRED, None


def range_capaian(
    low: Decimal, high: Decimal, realisasi: Decimal
) -> tuple[Decimal | None, Reason | None]:
    """Capaian against a range target: 100 inside; outside, against the nearer bound.

    >>> range_capaian(Decimal("2.5"), Decimal("3.5"), Decimal(3))
    (Decimal('100'), None)
    >>> range_capaian(Decimal("2.5"), Decimal("3.5"), Decimal(4))[0].quantize(Decimal("0.01"))
    Decimal('85.71')
    """
    if low > high:
        low, high = high, low
    if low <= realisasi <= high:
        return HUNDRED, None
    if realisasi > high:
        return indicator_capaian(high, realisasi, "lower")
    return indicator_capaian(low, realisasi, "higher")


def known_scale(values: Iterable[object]) -> tuple[str, ...] | None:
    """The known ordinal scale (:data:`ORDINAL_SCALES`) that holds every text of
    ``values``, written exactly as on the scale; ``None`` when none does.

    >>> known_scale(["A", "BB"])
    ('D', 'C', 'CC', 'B', 'BB', 'A', 'AA')
    """
    words = {v for v in values if isinstance(v, str)}
    if not words:
        return None
    for scale in ORDINAL_SCALES:
        if words <= set(scale):
            return scale
    return None


def _scale_of(ind: Indicator, values: Iterable[object]) -> tuple[str, ...] | None:
    if ind.scale:
        return ind.scale
    return known_scale([*values, *ind.targets.values(), *ind.actuals.values()])


def _place(scale: Sequence[str], value: object) -> Decimal | None:
    """The place of ``value`` on ``scale``, the first being 1, matched exactly (as PK215
    matches): ``Level3`` is not ``Level 3``."""
    if not isinstance(value, str):
        return None
    for k, word in enumerate(scale):
        if word == value:
            return Decimal(k + 1)
    return None


def measure(
    ind: Indicator, target: object, realisasi: object
) -> tuple[Decimal | None, Reason | None]:
    """Capaian of one indicator for one target and realisasi, or why there is none."""
    # The common case first: two numbers on a number or percent indicator.
    kind_t, kind_r = type(target), type(realisasi)
    if (
        kind_t in _NUMBER
        and kind_r in _NUMBER
        and ind.polarity != "range"
        and ind.measure in _NUMERIC
        and not ind.scale
    ):
        return indicator_capaian(
            Decimal(target) if kind_t is int else Decimal(repr(target)),  # type: ignore[arg-type]
            Decimal(realisasi) if kind_r is int else Decimal(repr(realisasi)),  # type: ignore[arg-type]
            ind.polarity,
        )
    if _missing(target):
        return None, "no_target"
    if _missing(realisasi):
        return None, "no_actual"
    if ind.measure == "text":
        return None, "text"
    if ind.measure == "ordinal" or (ind.scale and isinstance(target, str)):
        scale = _scale_of(ind, (target, realisasi))
        if scale is None:
            return None, "no_scale"
        t, r = _place(scale, target), _place(scale, realisasi)
        if t is None or r is None:
            return None, "not_on_scale"
        return indicator_capaian(t, r, "lower" if ind.polarity == "lower" else "higher")
    if isinstance(realisasi, tuple | list):
        return None, "actual_range"
    if isinstance(target, tuple | list):
        if ind.polarity != "range":
            return None, "range_target"
        low, high = as_decimal(target[0]), as_decimal(target[1])
        r = as_decimal(realisasi)
        if low is None or high is None or r is None:
            return None, "not_number"
        if low > high:
            return None, "range_reversed"
        return range_capaian(low, high, r)
    if ind.polarity == "range":
        return None, "target_not_range"
    t, r = as_decimal(target), as_decimal(realisasi)
    if t is None or r is None:
        return None, "not_number"
    return indicator_capaian(t, r, ind.polarity)
