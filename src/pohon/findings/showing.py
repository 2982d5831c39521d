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


class ShowsItself:
    """Mix-in: ``_repr_html_`` from the registry (see :func:`register_html`)."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return html_of(self)
