"""The message catalogue: every finding's code, slug, title, message templates and hint.

One entry per code, in Indonesian and English. Rules register their entries when they are
defined (:func:`pohon.rules.rule`); the problems that stop a file from being read (PK0xx)
are registered in :mod:`pohon.findings.loading`. An analysis names what is missing in a plan
with the code of the rule that reports it, so one fact has one code and one text.

A template names the values it shows in braces (``{node}``); :func:`fill` puts them in, as a
planner reads them: years as written, rupiah with Indonesian thousands dots, level ids by
their level names.

>>> entry = CATALOGUE["PK001"]
>>> entry.slug
'unreadable-file'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any, Protocol

from pohon.findings.lang import Lang, pick


class Namer(Protocol):
    """How the ids in a finding's values are shown to a planner (a check's context is one)."""

    def level_name(self, level_id: str, lang: Lang) -> str:
        """Level id → its name (``sub_kegiatan`` → ``Sub Kegiatan``)."""
        ...

    def node_name(self, node_id: str, lang: Lang) -> str:
        """Node id → level, kode and name (``Program 5.02.04 "Peningkatan ..."``)."""
        ...

    def node_short(self, node_id: str, lang: Lang) -> str:
        """Node id → its kode, or its id when it has none (for lists of nodes)."""
        ...

    def opd_name(self, opd_id: str, lang: Lang) -> str:
        """OPD id → its singkatan, or its name shortened; an id no OPD has, as written."""
        ...


CODE = re.compile(r"PK\d{3}")


@dataclass(frozen=True)
class Doc:
    """What / why / example / fix, in Indonesian: the documentation of one code."""

    what: str
    why: str
    example: str
    fix: str


_SECTION = re.compile(r"^(Apa|Mengapa|Contoh|Perbaikan):\s*$", re.MULTILINE)


def parse_doc(text: str, code: str) -> Doc:
    """A docstring with the sections ``Apa:``, ``Mengapa:``, ``Contoh:`` and ``Perbaikan:``."""
    parts = _SECTION.split(text)
    sections = {parts[i]: parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}
    missing = {"Apa", "Mengapa", "Contoh", "Perbaikan"} - set(sections)
    if missing:
        raise ValueError(f"{code} documentation lacks section(s): {', '.join(sorted(missing))}")
    return Doc(
        what=sections["Apa"],
        why=sections["Mengapa"],
        example=sections["Contoh"],
        fix=sections["Perbaikan"],
    )


@dataclass(frozen=True)
class Entry:
    """One code of the catalogue: what it is called and how its findings are worded.

    ``messages`` maps a variant name (``"default"`` and others a rule may choose per finding)
    to its (Indonesian, English) template; ``hint`` is one such pair.
    """

    code: str
    slug: str
    family: str
    title: tuple[str, str]
    messages: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    hint: tuple[str, str] = ("", "")
    hints: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    """Hints for particular cases, by name; :attr:`hint` for every other case."""
    severity: str = "error"
    """The severity a finding of this code has unless a setting says otherwise."""
    doc: Doc | None = None

    def message(
        self,
        values: Mapping[str, Any],
        lang: Lang = "id",
        *,
        variant: str = "default",
        names: Namer | None = None,
    ) -> str:
        return fill(pick(self.messages[variant], lang), values, lang, names)

    def hint_text(
        self,
        values: Mapping[str, Any],
        lang: Lang = "id",
        *,
        variant: str = "default",
        names: Namer | None = None,
    ) -> str:
        return fill(pick(self.hints.get(variant, self.hint), lang), values, lang, names)


CATALOGUE: dict[str, Entry] = {}
"""Code → :class:`Entry`, for every code pohon can report."""


def register(entry: Entry) -> Entry:
    """Add an entry; a code or slug may be registered once only."""
    if not CODE.fullmatch(entry.code):
        raise ValueError(f"code {entry.code!r} is not of the form PK123")
    if entry.code in CATALOGUE or any(e.slug == entry.slug for e in CATALOGUE.values()):
        raise ValueError(f"code {entry.code} / {entry.slug} registered twice")
    CATALOGUE[entry.code] = entry
    return entry


# -- filling templates ----------------------------------------------------------------------

_FIELD = re.compile(r"(?<!\{)\{(\w+)\}(?!\})")
_LEVEL_KEYS = frozenset({"level", "parent_level", "allowed", "child_levels", "top"})
"""Values under these keys are level ids (or lists of them), shown by their level names."""
_NODE_KEYS = frozenset({"node", "parent", "other", "first"})
"""Values under these keys are node ids, shown by level, kode and name."""
_NODE_LIST_KEYS = frozenset({"nodes", "nested", "cycle"})
"""Values under these keys are lists of node ids, shown by kode (or id)."""
_OPD_KEYS = frozenset({"opd", "other_opd", "parent_opd", "party"})
"""Values under these keys are OPD ids (or lists of them), shown by singkatan or name."""
_OPD_LIST_KEYS = frozenset({"opds", "declared"})
"""Values under these keys are lists of OPD ids, shown by singkatan or name."""


def _is_year_key(key: str) -> bool:
    """Years are shown as written (2027, not 2.027)."""
    return key in {"year", "years", "start", "end"} or key.endswith(("_year", "_years"))


def fill(
    template: str,
    values: Mapping[str, Any],
    lang: Lang = "id",
    names: Namer | None = None,
) -> str:
    """``template`` with every ``{key}`` replaced by ``values[key]`` as a planner reads it.

    With ``names``, level ids are shown by their level names, node ids by level, kode and
    name (``{node}``, ``{parent}``, ``{other}``, ``{first}``) or by kode
    (``{nodes}``, ``{nested}``, ``{cycle}``), OPD ids by singkatan or name (``{opd}``,
    ``{other_opd}``, ``{parent_opd}``, ``{party}``, ``{opds}``, ``{declared}``; an agency
    outside the Pemda is shown as written); a value that is not a text is shown as it is.

    >>> fill("Pagu {year}: Rp {pagu}", {"year": 2027, "pagu": 12500000000})
    'Pagu 2027: Rp 12.500.000.000'
    >>> fill("{{kode}} {x}", {"x": [1.5, 2]}, "en")
    '{kode} [1.5; 2]'
    """

    def sub(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in values:
            raise KeyError(f"message template needs {{{key}}}, which the finding lacks")
        value = values[key]
        if _is_year_key(key):
            if isinstance(value, tuple | list):
                return ", ".join(str(v) for v in value)
            return str(value)
        if names is not None:
            if key in _LEVEL_KEYS:
                if isinstance(value, str):
                    return names.level_name(value, lang)
                if isinstance(value, tuple | list):
                    shown = [names.level_name(str(v), lang) for v in value]
                    return (" atau " if lang == "id" else " or ").join(shown) or "-"
            elif key in _NODE_KEYS and isinstance(value, str):
                return names.node_name(value, lang)
            elif key in _NODE_LIST_KEYS and isinstance(value, tuple | list):
                return ", ".join(
                    names.node_short(v, lang) if isinstance(v, str) else display(v, lang)
                    for v in value
                )
            elif key in _OPD_KEYS and isinstance(value, str):
                return names.opd_name(value, lang)
            elif key in _OPD_LIST_KEYS and isinstance(value, tuple | list):
                return ", ".join(
                    names.opd_name(v, lang) if isinstance(v, str) else display(v, lang)
                    for v in value
                )
        return display(value, lang)

    return _FIELD.sub(sub, template).replace("{{", "{").replace("}}", "}")


def years_text(years: Iterable[int]) -> str:
    """Years as a planner writes them: runs of three or more joined by a hyphen.

    >>> years_text([2029, 2025, 2026, 2027]), years_text([2026, 2028]), years_text([2026, 2027])
    ('2025-2027, 2029', '2026, 2028', '2026, 2027')
    """
    ordered = sorted(set(years))
    parts: list[str] = []
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        if j - i >= 2:
            parts.append(f"{ordered[i]}-{ordered[j]}")
        else:
            parts.extend(str(y) for y in ordered[i : j + 1])
        i = j + 1
    return ", ".join(parts)


def _significant_digits(value: float) -> int:
    mantissa = repr(abs(value)).split("e")[0].replace(".", "").lstrip("0")
    return len(mantissa)


def probable_value(value: float) -> float | None:
    """The short decimal an Excel float artefact stands for, or ``None``.

    >>> probable_value(64.64999999999999), probable_value(0.1 + 0.2), probable_value(73.36)
    (64.65, 0.3, None)
    >>> probable_value(12345678901.5) is None
    True
    """
    if len(repr(value)) <= 11 or _significant_digits(value) <= 10:
        return None
    # An artefact is a few units in the last place away from the short decimal; a real
    # value of many digits (a pagu of 12345678901.5) is much further from any rounding.
    tolerance = 1e-12 * max(1.0, abs(value))
    for digits in range(0, 7):
        rounded = round(value, digits)
        if rounded != value and abs(rounded - value) <= tolerance:
            return rounded
    return None


def as_meant(value: Any) -> Any:
    """A value as its writer meant it: an Excel rounding artefact (64.64999999999999) as the
    short decimal it stands for (:func:`probable_value`), in a range too; every other value
    as it is. For showing and comparing targets; rule PK213 reports the artefact itself.

    >>> as_meant(64.64999999999999), as_meant((69.99999999999999, 80)), as_meant(73.36)
    (64.65, (70.0, 80), 73.36)
    """
    if type(value) is float:
        probable = probable_value(value)
        return value if probable is None else probable
    if isinstance(value, tuple | list):
        return type(value)(as_meant(v) for v in value)
    return value


def display(value: Any, lang: Lang = "id") -> str:
    """A value as a planner reads it: ``12.500.000.000`` in Indonesian, ``[1; 2]`` ranges;
    a text on one line (line breaks and tabs shown as one space, so a message is one line).

    >>> display(73.36), display(73.36, "en"), display(True), display(None)
    ('73,36', '73.36', 'ya', '-')
    >>> display(Decimal("1234.5")), display(Decimal("89.473684"), "en")
    ('1.234,50', '89.47')
    >>> display("Persentase balita" + chr(10) + "stunting")
    'Persentase balita stunting'
    """
    if value is None:
        return "-"
    if isinstance(value, bool):
        return ("ya" if value else "tidak") if lang == "id" else ("yes" if value else "no")
    if isinstance(value, int):
        text = f"{value:,}"
        return text.replace(",", ".") if lang == "id" else text
    if isinstance(value, Decimal):
        # A computed figure (a capaian, a percentage): always two decimals, as in an LKjIP.
        wide = Context(prec=max(28, value.adjusted() + 4)) if value.is_finite() else None
        shown = value.quantize(_TWO_PLACES, rounding=ROUND_HALF_UP, context=wide)
        text = f"{shown:,}"
        if lang == "id":
            text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
        return text
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
    return _one_line(str(value))


_BREAKS = re.compile(r"[^\S ]+[ ]*|[ ]*[^\S ]+")
"""Whitespace other than a plain space (line breaks, tabs, NBSP) with the spaces around it."""


def _one_line(text: str) -> str:
    return text if text.isprintable() else _BREAKS.sub(" ", text)


_TWO_PLACES = Decimal("0.01")


def jsonable(value: Any) -> Any:
    """``value`` as JSON-ready data: tuples as lists, keys as text, other objects as text."""
    if isinstance(value, tuple | list):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, Decimal) and value.is_finite():
        wide = Context(prec=max(28, value.adjusted() + 4))
        return float(value.quantize(_TWO_PLACES, rounding=ROUND_HALF_UP, context=wide))
    return str(value)
