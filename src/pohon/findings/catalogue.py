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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pohon.findings.lang import Lang, pick

LevelNamer = Callable[[str, Lang], str]
"""Level id → its name in a language (``sub_kegiatan`` → ``Sub Kegiatan``)."""

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
    severity: str = "error"
    """The severity a finding of this code has unless a setting says otherwise."""
    doc: Doc | None = None

    def message(
        self,
        values: Mapping[str, Any],
        lang: Lang = "id",
        *,
        variant: str = "default",
        level_name: LevelNamer | None = None,
    ) -> str:
        return fill(pick(self.messages[variant], lang), values, lang, level_name)

    def hint_text(
        self, values: Mapping[str, Any], lang: Lang = "id", *, level_name: LevelNamer | None = None
    ) -> str:
        return fill(pick(self.hint, lang), values, lang, level_name)


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


def _is_year_key(key: str) -> bool:
    """Years are shown as written (2027, not 2.027)."""
    return key in {"year", "years", "start", "end"} or key.endswith(("_year", "_years"))


def fill(
    template: str,
    values: Mapping[str, Any],
    lang: Lang = "id",
    level_name: LevelNamer | None = None,
) -> str:
    """``template`` with every ``{key}`` replaced by ``values[key]`` as a planner reads it.

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
        if key in _LEVEL_KEYS and level_name is not None:
            if isinstance(value, str):
                return level_name(value, lang)
            if isinstance(value, tuple | list):
                names = [level_name(str(v), lang) for v in value]
                return (" atau " if lang == "id" else " or ").join(names) or "-"
        return display(value, lang)

    return _FIELD.sub(sub, template).replace("{{", "{").replace("}}", "}")


def display(value: Any, lang: Lang = "id") -> str:
    """A value as a planner reads it: ``12.500.000.000`` in Indonesian, ``[1; 2]`` ranges.

    >>> display(73.36), display(73.36, "en"), display(True), display(None)
    ('73,36', '73.36', 'ya', '-')
    """
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


def jsonable(value: Any) -> Any:
    """``value`` as JSON-ready data: tuples as lists, keys as text, other objects as text."""
    if isinstance(value, tuple | list):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
