"""The one language setting of pohon: Indonesian by default, English on request."""

from __future__ import annotations

from typing import Literal, TypeGuard

from pohon.findings.errors import UsageError

Lang = Literal["id", "en"]
"""``"id"`` (Indonesian, the default) or ``"en"`` (English)."""

LANGS: tuple[Lang, ...] = ("id", "en")


def is_lang(value: object) -> TypeGuard[Lang]:
    return isinstance(value, str) and value in LANGS


def check_lang(value: object) -> Lang:
    """``value`` when it is a known language, else a :class:`UsageError` naming the choices.

    >>> check_lang("en")
    'en'
    >>> check_lang("jv")
    Traceback (most recent call last):
    ...
    pohon.findings.errors.UsageError: lang harus 'id' atau 'en', bukan 'jv' (lang must be 'id' or 'en', not 'jv')
    """
    if is_lang(value):
        return value
    raise UsageError(
        f"lang harus 'id' atau 'en', bukan {value!r}",
        f"lang must be 'id' or 'en', not {value!r}",
    )


def pick(texts: tuple[str, str], lang: Lang) -> str:
    """The Indonesian or the English one of a pair of texts."""
    return texts[0] if lang == "id" else texts[1]
