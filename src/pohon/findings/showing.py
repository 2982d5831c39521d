"""How findings and analysis results show themselves in Jupyter.

The objects of the lower layers (a :class:`~pohon.findings.Report`, a matrix, an analysis
result) carry no HTML of their own: :mod:`pohon.render` registers, per type, the function
that draws them, and their ``_repr_html_`` asks this registry. So drawing lives with
rendering, and the data classes stay data.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

_HTML: dict[type, Callable[[Any], str]] = {}
_DRAW: dict[type, Callable[..., Any]] = {}


def register_html(cls: type, draw: Callable[[Any], str]) -> None:
    """Draw instances of ``cls`` (and its subclasses) with ``draw`` in notebooks."""
    _HTML[cls] = draw


def html_of(obj: object) -> str:
    """The registered drawing of ``obj``, or its escaped ``repr`` when none is registered."""
    for cls in type(obj).__mro__:
        draw = _HTML.get(cls)
        if draw is not None:
            return draw(obj)
    return f"<pre>{escape(repr(obj))}</pre>"


def register_draw(cls: type, draw: Callable[..., Any]) -> None:
    """Make ``obj.draw(**options)`` of instances of ``cls`` call ``draw(obj, **options)``."""
    _DRAW[cls] = draw


def draw_of(obj: object, **options: Any) -> Any:
    """The registered drawing function of ``obj``'s type, called with ``options``."""
    for cls in type(obj).__mro__:
        draw = _DRAW.get(cls)
        if draw is not None:
            return draw(obj, **options)
    from pohon.findings.errors import UsageError

    raise UsageError(
        "tidak ada cara menggambar objek ini; impor pohon terlebih dahulu",
        "no drawing is registered for this object; import pohon first",
    )


def mimebundle_of(obj: object) -> dict[str, str]:
    """What a notebook shows: the registered HTML and the ``repr``; a drawing that fails
    falls back to the ``repr`` with the reason, since a display must never raise."""
    text = repr(obj)
    try:
        return {"text/html": html_of(obj), "text/plain": text}
    except Exception as exc:  # a notebook display must not raise
        return {"text/plain": f"{text}\n({type(exc).__name__}: {exc})"}


class ShowsItself:
    """Mix-in: ``_repr_html_`` and ``_repr_mimebundle_`` from the registry (see
    :func:`register_html`)."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return html_of(self)

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        return mimebundle_of(self)
