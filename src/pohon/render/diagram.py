"""Diagrams of a pohon kinerja: DOT text built in pure Python, laid out by Graphviz.

:func:`diagram` turns a plan (and the findings of a check) into a :class:`Diagram`, whose
``source`` is Graphviz DOT text: top-down, one rank per level, each box showing its level,
kode, name, OPD and first indicators with the target of the chosen year; boxes coloured by
OPD, by level or by the worst finding on them; each node with findings gets a coloured
border and a badge with their count. Links other than the first parent (a second parent,
a crosscutting declaration, an alignment to a framework item) are drawn apart from the
cascade, and a legend says what each colour and line means.

The text is deterministic: the same plan gives the same bytes. Boxes are emitted level by
level, ordered by kode (numbers as numbers) and id; every text from the plan is escaped, so
no name can break the DOT syntax or put markup into the SVG (see :func:`_text`).

Views (``view=``):

- ``tree``: the whole plan, or the subtree under ``root`` to ``depth`` levels, or one OPD's
  part with the Pemda nodes it serves (``opd``), or one framework item with every node that
  supports it, directly or inherited (``cita``);
- ``alignment``: the framework items beside the Pemda tujuan and sasaran that serve them;
- ``crosscutting``: each Pemda sasaran (or only ``root``) with the OPDs under it, an OPD that
  was declared but has no node there marked as missing.

``styles`` are the hook later capabilities use (capaian colours, revision marks): each is
called with every :class:`Box` and returns Graphviz attributes that override the builder's.
A style with a ``legend`` attribute (pairs of a label and a ``#rrggbb`` border colour) adds
those rows to the legend.
Layout is :mod:`pohon.render.layout`'s job.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal, get_args

from pohon.findings import Diagnostic, Lang, Report, UsageError
from pohon.findings.catalogue import as_meant, display
from pohon.graph import PlanGraph
from pohon.model import Node, Plan
from pohon.model._gc import paused_gc

if TYPE_CHECKING:
    from pohon.analysis.alignment import AlignmentResult

__all__ = [
    "COLOR_BY",
    "MAX_LAYOUT_BOXES",
    "MAX_LAYOUT_EDGES",
    "VIEWS",
    "Box",
    "Diagram",
    "Style",
    "diagram",
]

View = Literal["tree", "alignment", "crosscutting"]
VIEWS: tuple[str, ...] = get_args(View)
ColorBy = Literal["opd", "level", "severity", "capaian"]
COLOR_BY: tuple[str, ...] = get_args(ColorBy)

MAX_LAYOUT_BOXES = 2000
MAX_LAYOUT_EDGES = 8000
"""Most lines laid out: a few thousand boxes with second parents everywhere make Graphviz
route lines for minutes; a readable tree has about as many lines as boxes."""
"""Above this many boxes a diagram is not laid out (it would take minutes and could not be
read on a page); :class:`Diagram` says which view to take instead."""

FONT = "DejaVu Sans,Noto Sans,Arial,sans-serif"
"""Fonts with every glyph of Indonesian text (and of the marks used here)."""

NAME_WIDTH = 34
NAME_LINES = 4
INDICATOR_WIDTH = 44
INDICATORS_SHOWN = 2

# Pastel fills, told apart in print and by most colour-blind readers (ColorBrewer Set3 and
# Pastel1, with the yellows dropped so the warning colour stays distinct).
_OPD_FILLS = (
    "#8dd3c7",
    "#bebada",
    "#fb8072",
    "#80b1d3",
    "#fdb462",
    "#b3de69",
    "#fccde5",
    "#bc80bd",
    "#ccebc5",
    "#d9d9d9",
    "#b3cde3",
    "#decbe4",
)
_PEMDA_FILL = "#ffffff"
_LEVEL_FILLS = (
    "#08519c",
    "#3182bd",
    "#6baed6",
    "#9ecae1",
    "#c6dbef",
    "#deebf7",
    "#eff3ff",
    "#f7fbff",
)
_SEVERITY_FILL = {"error": "#f8d7da", "warning": "#fff3cd", "info": "#d6eaf8", None: "#ffffff"}
_SEVERITY_BORDER = {"error": "#c0392b", "warning": "#d68910", "info": "#2e86c1"}
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
_STATUS_COLOR = {"disetujui": "#1e8449", "usulan": "#d68910", "ditolak": "#7f8c8d"}
_MISSING = "#c0392b"

_WORDS: dict[str, tuple[str, str]] = {
    "legend": ("Keterangan", "Legend"),
    "cascade": ("cascading (induk pertama)", "cascade (first parent)"),
    "second": ("induk berikutnya", "further parent"),
    "crosscutting": ("deklarasi crosscutting", "crosscutting declaration"),
    "aligns": ("selaras dengan butir kerangka", "aligned with a framework item"),
    "badge": ("⚠ n: jumlah temuan pada node", "⚠ n: findings on the node"),
    "pemda": ("Pemda (tanpa OPD)", "Pemda (no OPD)"),
    "none": ("tanpa temuan", "no findings"),
    "more": ("+{n} indikator lagi", "+{n} more indicators"),
    "missing": ("belum punya node di bawahnya", "owns no node below it yet"),
    "unsupported": ("belum didukung", "not supported"),
    "nodes": ("{n} node", "{n} nodes"),
    "target": ("target", "target"),
    "error": ("error", "error"),
    "warning": ("warning", "warning"),
    "info": ("info", "info"),
    "more_boxes": ("+{n} box lagi", "+{n} more boxes"),
    "unmeasured": ("belum terukur", "not measured"),
    "capaian": ("capaian {year}: {value}% · {band}", "achievement {year}: {value}% · {band}"),
}


def _word(key: str, lang: Lang, **values: Any) -> str:
    pair = _WORDS[key]
    return (pair[1] if lang == "en" else pair[0]).format(**values)


# -- plain text -------------------------------------------------------------------------------

MAX_TEXT = 400
"""Characters of one text from the plan kept for a label; a longer one is cut with ``…``."""


def clean_text(text: str) -> str:
    """``text`` without the characters that would hide, reorder or break what is shown:
    format characters (zero-width, bidirectional and Arabic letter marks, tag characters)
    removed; controls, lone surrogates and line or paragraph separators as spaces.

    >>> clean_text("Dinas\u202eKesehatan\u061c\U000e0041\x07!")
    'DinasKesehatan !'
    """
    if text.isprintable():
        return text
    out = []
    for c in text:
        if c.isprintable() or c == " ":
            out.append(c)
            continue
        kind = unicodedata.category(c)
        if kind == "Cf":
            continue
        out.append(" " if kind in ("Cc", "Cs", "Zl", "Zp", "Zs") else c)
    return "".join(out)


def _plain(value: object) -> str:
    """A text from the plan as one plain line: controls and line breaks as spaces, the
    invisible bidirectional and zero-width marks removed, runs of spaces as one, cut to
    :data:`MAX_TEXT` characters (a 2 MB name does not make a 2 MB label)."""
    text = str(value)
    if len(text) > MAX_TEXT * 4:
        text = text[: MAX_TEXT * 4]
    if not text.isprintable():  # the common case is checked at C speed and skips this
        text = clean_text(text)
    text = " ".join(text.split())
    if len(text) > MAX_TEXT:
        text = text[: MAX_TEXT - 1] + "…"
    return text


def _html(text: str) -> str:
    """Plain text escaped for a Graphviz HTML-like label (XML character data): nothing in
    it is markup or an entity, and a backslash is doubled, because Graphviz expands
    ``\\N``, ``\\G`` and the like in these labels too (``\\\\`` shows one backslash)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\\", "\\\\")
    )


def _quoted(text: str) -> str:
    """Plain text as a DOT double-quoted string whose escString reading is the text itself
    (``\\N`` and the like stay two characters)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _text(value: object) -> str:
    """A value from the plan, ready for an HTML-like label."""
    return _html(_plain(value))


def _wrapped(value: object, width: int, lines: int) -> list[str]:
    """A text from the plan wrapped to ``width`` characters, at most ``lines`` lines: words
    fill a line greedily, and a word longer than a line is cut. When the text needs more
    lines, the last one shown ends in "…".

    Each line is found by one search for the last space that still fits, so the time goes
    with the lines drawn, not with the words of the text.
    """
    text = _plain(value)
    out: list[str] = []
    start, end = 0, len(text)
    while end - start > width:
        if len(out) == lines:
            last = out[-1]
            out[-1] = (last[: width - 1] if len(last) >= width else last).rstrip(" ,;:-") + "…"
            return out
        cut = text.rfind(" ", start, start + width + 1)
        if cut <= start:  # no space fits: the word is cut
            out.append(text[start : start + width])
            start += width
        else:
            out.append(text[start:cut])
            start = cut + 1
    if len(out) == lines:
        last = out[-1]
        out[-1] = (last[: width - 1] if len(last) >= width else last).rstrip(" ,;:-") + "…"
        return out
    out.append(text[start:])
    return out


_KODE_PART = re.compile(r"(\d+)")


def _sort_text(rank: int, node: Node) -> str:
    """The drawing order of a box as one text, so that a sort compares one string instead
    of nested tuples: its level's rank, then :func:`_kode_key`'s parts, the kode ended by
    NUL, which sorts below every other character. The order is the tuple's for every kode
    without a NUL in it, and deterministic for all."""
    no_kode, padded, node_id = _kode_key(node)
    return f"{rank:06d}{int(no_kode)}{padded}\x00{node_id}"


def _kode_key(node: Node) -> tuple[bool, str, str]:
    """Sort key: kode with its numbers compared as numbers (each run of digits padded to
    the same width, so one string comparison does it), then the id; no kode sorts last."""
    kode = node.kode or ""
    if kode.replace(".", "").isdigit():  # the nomenclature's usual 1.02.02.2.01.0006
        padded = ".".join(part.zfill(_PAD) for part in kode.split("."))
    else:
        padded = _KODE_PART.sub(lambda m: m.group(1).zfill(_PAD), kode)
    return (kode == "", padded, node.id)


_PAD = 12


# -- the diagram --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    """What a style sees of one node's box."""

    node: Node
    level_name: str
    opd_name: str | None
    findings: tuple[Diagnostic, ...]
    year: int | None


Style = Callable[[Box], Mapping[str, str]]
"""A style hook: Graphviz node attributes (``fillcolor``, ``color``, ``penwidth``,
``style``…) for a box; returned attributes override the builder's."""


@dataclass(frozen=True)
class Diagram:
    """A drawing of (a view of) a plan: DOT text, and what is in it.

    ``names`` maps each node's box (its DOT name) to the node id, and ``others`` the
    diagram's own boxes (OPDs, framework items) to their keys, so an SVG can be read back.
    """

    source: str
    title: str
    boxes: int
    names: Mapping[str, str] = field(default_factory=dict, repr=False)
    others: Mapping[str, str] = field(default_factory=dict, repr=False)
    """DOT name → the diagram's own boxes: ``opd:<id>``, ``item:<framework>:<item>``,
    ``opd:<sasaran>:<opd>`` and ``opd:<sasaran>:<opd>:missing`` in the crosscutting view."""
    marked: tuple[str, ...] = ()
    """Ids of the nodes drawn with a findings badge, sorted."""
    lang: Lang = "id"
    edges: int = 0
    """Lines between boxes: cascade, second parents, alignments, crosscutting."""
    inputs: tuple[str, ...] = field(default=(), repr=False)
    """The files the plan was read from: :meth:`save` never writes over one of them."""

    def __repr__(self) -> str:
        return f"<Diagram {self.title!r}: {self.boxes} box>"

    @property
    def too_large(self) -> bool:
        """More boxes (:data:`MAX_LAYOUT_BOXES`) or lines (:data:`MAX_LAYOUT_EDGES`) than can
        be laid out readably, and in bounded time."""
        return self.boxes > MAX_LAYOUT_BOXES or self.edges > MAX_LAYOUT_EDGES

    def render(self, format: str = "svg") -> bytes:
        """The diagram laid out as ``svg``, ``png`` or ``pdf`` (or ``dot``: the source);
        see :func:`pohon.render.layout.layout` for the errors."""
        from pohon.render.layout import layout

        return layout(self, format)

    def save(self, path: str, *, force: bool = False) -> None:
        """Write the diagram to ``path``; the format is the file's extension. An existing
        file is replaced only with ``force``."""
        from pohon.render.layout import save

        save(self, path, force=force)

    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        from pohon.render.layout import mimebundle

        return mimebundle(self)


def diagram(
    plan: Plan,
    report: Report | None = None,
    *,
    view: str = "tree",
    root: str | None = None,
    depth: int | None = None,
    opd: str | None = None,
    cita: str | None = None,
    color_by: str = "opd",
    year: int | None = None,
    findings: bool = True,
    lang: Lang = "id",
    styles: Sequence[Style] = (),
    scale: Any = None,
) -> Diagram:
    """The DOT drawing of ``plan``; see the module for the views and options.

    ``color_by="capaian"`` colours each box by the predikat of its capaian in ``year``
    (default: the last year with a realisasi), on ``scale`` (default ``lkjip``), and shows
    the figure in the box.

    ``report`` is the check whose findings are marked; without it the plan is checked
    (``findings=False`` draws no findings). Misuse (an unknown view, node, OPD or item)
    raises :class:`pohon.UsageError` with the choices.

    >>> import pohon
    >>> d = diagram(pohon.example("mojokerto"), root="S1", depth=1)
    >>> d.source.startswith("digraph")
    True
    """
    from pohon.findings.lang import check_lang

    lang = check_lang(lang)
    if view not in VIEWS:
        raise _usage("view", view, VIEWS)
    if color_by not in COLOR_BY:
        raise _usage("color_by", color_by, COLOR_BY)
    if depth is not None and (isinstance(depth, bool) or not isinstance(depth, int) or depth < 0):
        raise UsageError(
            f"depth harus bilangan bulat 0 atau lebih, bukan {depth!r}",
            f"depth must be a whole number 0 or more, not {depth!r}",
        )
    _check_together(view, root, depth, opd, cita)
    check_year(plan, year)
    with paused_gc():
        graph = PlanGraph(plan)
    if root is not None and root not in graph:
        raise _unknown("root", root, [n.id for n in plan.nodes])
    opd_ids = [o.id for o in plan.opds] + sorted(
        {n.opd for n in plan.nodes if n.opd is not None} - {o.id for o in plan.opds}
    )
    if opd is not None and opd not in opd_ids:
        raise _unknown("opd", opd, opd_ids)
    if findings and report is None:
        from pohon.rules import check

        report = check(plan, lang=lang)
    if not findings:
        report = None
    achieved = None
    if color_by == "capaian":
        achieved, year = _achievement(plan, graph, year, scale, lang)
    # The drawing makes many small objects and no cycles: the collector is paused, as for a
    # check, so that its passes over a large plan's heap do not make the build superlinear.
    with paused_gc():
        builder = _Builder(plan, graph, report, color_by, year, lang, tuple(styles), opd_ids)
        builder.achieved = achieved
        if view == "alignment":
            drawn = builder.alignment_view()
        elif view == "crosscutting":
            drawn = builder.crosscutting_view(root)
        elif cita is not None:
            drawn = builder.cita_view(cita)
        else:
            drawn = builder.tree_view(root, depth, opd)
    source = plan.source
    files = getattr(source, "files", None) or [getattr(source, "file", None)]
    return replace(drawn, inputs=tuple(f for f in files if f))


def is_dark(fill: str) -> bool:
    """Whether white text reads better than black on ``#rrggbb`` (relative luminance)."""
    try:
        r, g, b = (int(fill[k : k + 2], 16) / 255 for k in (1, 3, 5))
    except ValueError:
        return False
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.45


def _achievement(
    plan: Plan, graph: PlanGraph, year: int | None, scale: Any, lang: Lang
) -> tuple[dict[str, tuple[str, str, str, int]], int | None]:
    """Per node: its capaian as shown, predikat, colour and band place; and the year."""
    from pohon.analysis.capaian import capaian

    result = capaian(plan, year=year, scale=scale, budget=False, graph=graph)
    chosen = year if year is not None else (result.years[-1] if result.years else None)
    bands = result.scale.bands
    out: dict[str, tuple[str, str, str, int]] = {}
    for row in result.nodes:
        value = row.capaian
        if row.year != chosen or value is None:
            continue
        band = result.scale.band(value)
        place = next(k for k, b in enumerate(bands) if b is band)
        fill = band.color or _LEVEL_FILLS[-1]
        out[row.node] = (display(value, lang), band.label_in(lang), fill, place)
    return out, chosen


def _check_together(
    view: str, root: str | None, depth: int | None, opd: str | None, cita: str | None
) -> None:
    """Options that do not go together are refused, never silently ignored."""
    given = {
        name: value
        for name, value in (("root", root), ("depth", depth), ("opd", opd), ("cita", cita))
        if value is not None
    }
    allowed = {
        "tree": ({"root", "depth"}, {"opd"}, {"cita"}),
        "alignment": (set(),),
        "crosscutting": ({"root"},),
    }[view]
    if any(set(given) <= group for group in allowed) and not (
        "depth" in given and "root" not in given
    ):
        return
    names = ", ".join(given)
    if "depth" in given and "root" not in given and view == "tree" and len(given) == 1:
        raise UsageError(
            "depth berlaku untuk subpohon: beri juga root (--root ID --depth N)",
            "depth applies to a subtree: give root as well (--root ID --depth N)",
        )
    groups = {
        "tree": "root (dengan depth), opd, atau cita: salah satu",
        "alignment": "tanpa root, depth, opd atau cita",
        "crosscutting": "root (satu sasaran) saja",
    }[view]
    groups_en = {
        "tree": "root (with depth), opd, or cita: one of them",
        "alignment": "no root, depth, opd or cita",
        "crosscutting": "root (one sasaran) only",
    }[view]
    if len(given) == 1:
        raise UsageError(
            f"{names} tidak berlaku pada tampilan {view}: tampilan ini menerima {groups}",
            f"{names} does not apply to the {view} view: it takes {groups_en}",
        )
    raise UsageError(
        f"{names} tidak bisa dipakai bersama pada tampilan {view}: tampilan ini menerima {groups}",
        f"{names} cannot be used together in the {view} view: it takes {groups_en}",
    )


def check_year(plan: Plan, year: int | None) -> None:
    """Refuse a year outside the plan's period (no target could be shown for it)."""
    if year is None:
        return
    period = plan.info.period
    if isinstance(year, bool) or not isinstance(year, int):
        raise UsageError(
            f"year harus tahun (bilangan bulat), bukan {year!r}",
            f"year must be a year (a whole number), not {year!r}",
        )
    if not period.start <= year <= period.end:
        raise UsageError(
            f"tahun {year} di luar periode rencana ({period.start}-{period.end})",
            f"the year {year} is outside the plan's period ({period.start}-{period.end})",
        )


def _usage(what: str, value: object, choices: Iterable[str]) -> UsageError:
    listed = ", ".join(choices)
    return UsageError(
        f"{what} tidak dikenal: {value!r}; pilihannya: {listed}",
        f"unknown {what}: {value!r}; the choices are: {listed}",
    )


def _shown(text: object) -> str:
    """A text from the plan in a message for a terminal: escapes for anything not printable
    (an escape sequence in an id must not clear the screen)."""
    text = str(text)
    return text if text.isprintable() else ascii(text)[1:-1]


def _unknown(what: str, value: str, known: Sequence[str]) -> UsageError:
    import difflib

    value = _shown(value)
    known = [_shown(k) for k in known]
    close = difflib.get_close_matches(value, known[:5000], n=3)
    if close:
        hint_id, hint_en = f"; mungkin: {', '.join(close)}", f"; perhaps: {', '.join(close)}"
    elif 0 < len(known) <= 30:
        listed = ", ".join(known)
        hint_id, hint_en = f"; yang ada: {listed}", f"; there are: {listed}"
    else:
        hint_id = hint_en = ""
    return UsageError(
        f"{what} {value!r} tidak ada di rencana ini{hint_id}",
        f"{what} {value!r} is not in this plan{hint_en}",
    )


class _Builder:
    """Builds the DOT text of one view; holds the lookups all views share."""

    def __init__(
        self,
        plan: Plan,
        graph: PlanGraph,
        report: Report | None,
        color_by: str,
        year: int | None,
        lang: Lang,
        styles: tuple[Style, ...],
        opd_ids: list[str],
    ) -> None:
        self.plan = plan
        self.graph = graph
        self.color_by = color_by
        self.lang = lang
        self.styles = styles
        self.year = year if year is not None else plan.info.period.start
        scheme = plan.scheme
        self.level_rank = {lv.id: k for k, lv in enumerate(scheme.levels)}
        # A scheme's level names come from the plan file too: cleaned like every text.
        self.level_name = {
            lv.id: _plain((lv.name_en or lv.name) if lang == "en" else lv.name)
            for lv in scheme.levels
        }
        self.owner = {lv.id: lv.owner for lv in scheme.levels}
        self.opd_ids = opd_ids
        by_id = {o.id: o for o in plan.opds}
        labels = {
            o: _plain(by_id[o].singkatan or by_id[o].name) if o in by_id else _plain(o)
            for o in opd_ids
        }
        # Two OPDs shown under one name (a shared singkatan) would share one legend entry
        # and hide each other's colour: such names get the OPD's id beside them.
        seen = Counter(label.casefold() for label in labels.values())
        self.opd_label = {
            o: f"{label} ({_plain(o)})" if seen[label.casefold()] > 1 else label
            for o, label in labels.items()
        }
        # Colours follow the sorted ids, so the order the OPDs are listed in changes nothing.
        self.opd_fill = {o: _OPD_FILLS[k % len(_OPD_FILLS)] for k, o in enumerate(sorted(opd_ids))}
        self.findings: dict[str, list[Diagnostic]] = {}
        if report is not None:
            for d in report.diagnostics:
                if d.node is not None and d.node in graph:
                    self.findings.setdefault(d.node, []).append(d)
        self.names: dict[str, str] = {}
        self.others: dict[str, str] = {}
        # Node ids and the diagram's own boxes (OPDs, framework items) are kept apart: a
        # node whose id is "opd:dinsos" is not the Dinsos box.
        self.node_dot: dict[str, str] = {}
        self.other_dot: dict[str, str] = {}
        self.edge_kinds: set[str] = set()
        self.fills_used: dict[str, tuple[tuple[int, str], str]] = {}
        self.achieved: Mapping[str, tuple[str, str, str, int]] | None = None
        """With ``color_by="capaian"``: per node its capaian as shown, its predikat, the
        band's colour and the band's place on the scale."""

    # -- nodes ------------------------------------------------------------------------
    def _name(self, node_id: str) -> str:
        """The DOT name of a node's box."""
        name = self.node_dot.get(node_id)
        if name is None:
            name = self._new_name()
            self.node_dot[node_id] = name
            self.names[name] = node_id
        return name

    def _names_in_order(self, ids: list[str], order: list[int]) -> list[str]:
        """The DOT names of the boxes ``ids``, given in drawing ``order``. When none has a
        name yet, each name follows from its place in the order, and the names are given
        in file order, where a large plan keeps the ids side by side in memory."""
        if self.node_dot:
            return [self._name(ids[i]) for i in order]
        first = len(self.other_dot) + 1
        place = [0] * len(ids)
        for k, i in enumerate(order):
            place[i] = k
        node_dot = self.node_dot
        for i, node_id in enumerate(ids):
            node_dot[node_id] = f"n{first + place[i]}"
        dots = [node_dot[ids[i]] for i in order]
        names = self.names
        for i, dot in zip(order, dots, strict=True):
            names[dot] = ids[i]
        return dots

    def _other(self, key: str) -> str:
        """The DOT name of one of the diagram's own boxes (an OPD, a framework item)."""
        name = self.other_dot.get(key)
        if name is None:
            name = self._new_name()
            self.other_dot[key] = name
            self.others[name] = key
        return name

    def _new_name(self) -> str:
        """The next DOT name: boxes are numbered in the order they are first named."""
        return f"n{len(self.node_dot) + len(self.other_dot) + 1}"

    def _worst(self, node_id: str) -> str | None:
        found = self.findings.get(node_id)
        if not found:
            return None
        return min((d.severity for d in found), key=_SEVERITY_ORDER.__getitem__)

    def _fill(self, node: Node) -> tuple[str, str, tuple[int, str]]:
        """Fill colour of a box, the legend entry it stands for, and the entry's place."""
        if self.achieved is not None:
            got = self.achieved.get(node.id)
            if got is None:
                return "#eeeeee", _word("unmeasured", self.lang), (99, "")
            _, label, fill, place = got
            return fill, label, (place, "")
        if self.color_by == "severity":
            worst = self._worst(node.id)
            label = _word(worst, self.lang) if worst else _word("none", self.lang)
            return _SEVERITY_FILL[worst], label, (_SEVERITY_ORDER.get(worst or "", 3), "")
        if self.color_by == "level":
            rank = self.level_rank.get(node.level, len(_LEVEL_FILLS) - 1)
            fill = _LEVEL_FILLS[min(rank, len(_LEVEL_FILLS) - 1)]
            return fill, self.level_name.get(node.level, _plain(node.level)), (rank, "")
        if node.opd is None:
            return _PEMDA_FILL, _word("pemda", self.lang), (0, "")
        label = self.opd_label[node.opd]
        return self.opd_fill[node.opd], label, (1, label.casefold())

    def node_statement(self, node: Node) -> str:
        found = tuple(self.findings.get(node.id, ()))
        level = self.level_name.get(node.level, _plain(node.level))
        opd_name = self.opd_label.get(node.opd) if node.opd is not None else None
        fill, legend, place = self._fill(node)
        self.fills_used.setdefault(legend, (place, fill))
        dark = fill in _LEVEL_FILLS[:2] or (self.achieved is not None and is_dark(fill))
        ink = "#ffffff" if dark else "#1b1b1b"
        soft = "#e8e8e8" if dark else "#555555"

        head = _html(level) + (f" · {_text(node.kode)}" if node.kode else "")
        badge = ""
        worst = self._worst(node.id)
        if worst is not None:
            badge = f'<FONT COLOR="{_SEVERITY_BORDER[worst]}"><B>⚠ {len(found)}</B></FONT>'
        rows = [
            f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9" COLOR="{soft}">{head}</FONT></TD>'
            f'<TD ALIGN="RIGHT">{badge}</TD></TR>'
        ]
        name_lines = '<BR ALIGN="LEFT"/>'.join(
            _html(line) for line in _wrapped(node.name, NAME_WIDTH, NAME_LINES)
        )
        rows.append(f'<TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT"><B>{name_lines}</B></TD></TR>')
        if opd_name is not None:
            rows.append(
                f'<TR><TD COLSPAN="2" ALIGN="LEFT"><FONT POINT-SIZE="9" COLOR="{soft}">'
                f"{_html(opd_name)}</FONT></TD></TR>"
            )
        for ind in node.indicators[:INDICATORS_SHOWN]:
            text = _wrapped(ind.name, INDICATOR_WIDTH, 2)
            target = ind.targets.get(self.year)
            if target is not None:
                unit = f" {_plain(ind.satuan)}" if ind.satuan else ""
                value = _plain(display(as_meant(target), self.lang))
                text.append(f"{_word('target', self.lang)} {self.year}: {value}{unit}")
            body = '<BR ALIGN="LEFT"/>'.join(_html(t) for t in text)
            rows.append(
                f'<TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="9">'
                f"• {body}</FONT></TD></TR>"
            )
        if self.achieved is not None and node.id in self.achieved:
            value, band, _, _ = self.achieved[node.id]
            figure = _word("capaian", self.lang, year=self.year, value=value, band=band)
            rows.append(
                f'<TR><TD COLSPAN="2" ALIGN="LEFT"><FONT POINT-SIZE="9"><B>{_html(figure)}</B>'
                "</FONT></TD></TR>"
            )
        extra = len(node.indicators) - INDICATORS_SHOWN
        if extra > 0:
            rows.append(
                f'<TR><TD COLSPAN="2" ALIGN="LEFT"><FONT POINT-SIZE="8" COLOR="{soft}">'
                f"{_html(_word('more', self.lang, n=extra))}</FONT></TD></TR>"
            )
        label = (
            '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">'
            + "".join(rows)
            + "</TABLE>>"
        )
        name = self._name(node.id)
        attrs: dict[str, str] = {
            "label": label,
            "fillcolor": _quoted(fill),
            "fontcolor": _quoted(ink),
            "tooltip": '" "',  # Graphviz expands \\N and the like in tooltips: none
            "id": f'"box-{name}"',
        }
        if worst is not None:
            attrs["color"] = _quoted(_SEVERITY_BORDER[worst])
            attrs["penwidth"] = "2.5"
        if self.styles:
            box = Box(node, level, opd_name, found, self.year)
            for style in self.styles:
                attrs.update(_style_attrs(style(box)))
        return f"  {name} [{_attrs(attrs)}];"

    # -- views ------------------------------------------------------------------------
    def tree_view(self, root: str | None, depth: int | None, opd: str | None) -> Diagram:
        plan, graph = self.plan, self.graph
        if root is not None:
            keep = self._below(root, depth)
            top_node = graph.node(root)
            title = f"{self.level_name.get(top_node.level, '')} {_plain(top_node.kode or root)}"
        elif opd is not None:
            keep = self.graph.opd_part(opd)
            title = self.opd_label.get(opd, opd)
        else:
            keep = set(graph.index)
            title = _plain(plan.info.name)
        return self._tree(keep, title)

    def _below(self, root: str, depth: int | None) -> set[str]:
        keep = {root}
        frontier = [root]
        level = 0
        while frontier and (depth is None or level < depth):
            nxt = []
            for node_id in frontier:
                for child in self.graph.children(node_id):
                    if child not in keep:
                        keep.add(child)
                        nxt.append(child)
            frontier = nxt
            level += 1
        return keep

    def cita_view(self, cita: str) -> Diagram:
        from pohon.analysis.alignment import alignment

        result = alignment(self.plan)
        try:
            support = result.item(cita)
        except KeyError:
            raise _unknown("cita", cita, [s.ref for s in result.items]) from None
        keep = set(support.direct) | set(support.inherited)
        item_key = f"item:{support.ref}"
        extra = [self._item_statement(result, support.ref)]
        for node_id in sorted(support.direct, key=lambda n: _kode_key(self.graph.node(n))):
            self.edge_kinds.add("aligns")
            extra.append(
                f"  {self._other(item_key)} -> {self._name(node_id)} "
                '[style=dashed, color="#2e86c1", arrowhead=none];'
            )
        return self._tree(keep, _plain(support.name), extra=extra, top=[item_key])

    def _item_statement(self, result: AlignmentResult, ref: str) -> str:
        support = result.item(ref)
        framework = result.frameworks.get(support.framework)
        head = _plain(framework.framework.name) if framework is not None else support.framework
        lines = '<BR ALIGN="LEFT"/>'.join(
            _html(t) for t in _wrapped(support.name, NAME_WIDTH, NAME_LINES)
        )
        missing = support.coverage == "none"
        note = (
            f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9" COLOR="{_MISSING}">'
            f"{_html(_word('unsupported', self.lang))}</FONT></TD></TR>"
            if missing
            else ""
        )
        label = (
            '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">'
            f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9" COLOR="#555555">{_html(head)} · '
            f"{_text(support.item)}</FONT></TD></TR>"
            f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><B>{lines}</B></TD></TR>{note}</TABLE>>'
        )
        attrs = {
            "label": label,
            "shape": "box",
            "style": '"rounded,filled"',
            "fillcolor": '"#eaf2f8"',
            "color": _quoted(_MISSING if missing else "#2e86c1"),
            "penwidth": "2" if missing else "1",
            "id": _quoted(f"box-{self._other(f'item:{ref}')}"),
        }
        return f"  {self._other(f'item:{ref}')} [{_attrs(attrs)}];"

    def alignment_view(self) -> Diagram:
        from pohon.analysis.alignment import alignment

        result = alignment(self.plan)
        pemda = {
            n.id
            for n in self.plan.nodes
            if self.owner.get(n.level) == "pemda" and (n.aligns or n.level in ("tujuan", "sasaran"))
        }
        items = [s for s in result.items if s.framework in result.required]
        extra = [self._item_statement(result, s.ref) for s in items]
        for support in items:
            for node_id in support.direct:
                if node_id in pemda:
                    self.edge_kinds.add("aligns")
                    extra.append(
                        f"  {self._other(f'item:{support.ref}')} -> {self._name(node_id)} "
                        '[style=dashed, color="#2e86c1", arrowhead=none];'
                    )
        top = [f"item:{s.ref}" for s in items]
        return self._tree(pemda, _plain(self.plan.info.name), extra=extra, top=top)

    def crosscutting_view(self, root: str | None) -> Diagram:
        from pohon.analysis.crosscutting import crosscutting

        result = crosscutting(self.plan, graph=self.graph)
        sasaran = [s for s in result.sasaran if root is None or s == root]
        if root is not None and not sasaran:
            listed = ", ".join(_shown(x) for x in result.sasaran[:20]) or "-"
            raise UsageError(
                f"{_shown(root)!r} bukan sasaran Pemda; pilihannya: {listed}",
                f"{_shown(root)!r} is not a Pemda sasaran; the choices are: {listed}",
            )
        wanted = set(sasaran)
        extra: list[str] = []
        for cell in result.cells:
            if cell.sasaran not in wanted:
                continue
            key = f"opd:{cell.sasaran}:{cell.opd}"
            count = _word("nodes", self.lang, n=len(cell.nodes))
            pagu = cell.pagu.get(self.year)
            money = f"<BR/>Rp {_html(display(pagu, self.lang))} ({self.year})" if pagu else ""
            label = f"<<B>{_html(self.opd_label.get(cell.opd, cell.opd))}</B><BR/>{count}{money}>"
            attrs = {
                "label": label,
                "shape": "box",
                "style": '"rounded,filled"',
                "fillcolor": _quoted(self.opd_fill.get(cell.opd, "#ffffff")),
                "id": _quoted(f"box-{self._other(key)}"),
            }
            extra.append(f"  {self._other(key)} [{_attrs(attrs)}];")
            extra.append(f"  {self._name(cell.sasaran)} -> {self._other(key)};")
        for gap in result.declaration_gaps:
            if gap.node not in wanted or gap.problem != "absent":
                continue
            key = f"opd:{gap.node}:{gap.party}:missing"
            name = self.opd_label.get(gap.party, _plain(gap.party))
            label = (
                f"<<B>{_html(name)}</B><BR/>"
                f'<FONT COLOR="{_MISSING}">{_html(_word("missing", self.lang))}</FONT>>'
            )
            attrs = {
                "label": label,
                "shape": "box",
                "style": '"rounded,dashed"',
                "color": _quoted(_MISSING),
                "id": _quoted(f"box-{self._other(key)}"),
            }
            self.edge_kinds.add("crosscutting")
            extra.append(f"  {self._other(key)} [{_attrs(attrs)}];")
            extra.append(
                f'  {self._name(gap.node)} -> {self._other(key)} [style=dotted, color="{_MISSING}"];'
            )
        title = _plain(self.plan.info.name)
        if root is not None:
            title = f"{self.level_name.get(self.graph.node(root).level, '')} {_plain(root)}"
        return self._tree(wanted, title, extra=extra, crosscutting=False)

    # -- the text ---------------------------------------------------------------------
    def _tree(
        self,
        keep: set[str],
        title: str,
        *,
        extra: Sequence[str] = (),
        top: Sequence[str] = (),
        crosscutting: bool = True,
    ) -> Diagram:
        graph = self.graph
        # Nodes are read once each in file order, where a large plan keeps them side by side
        # in memory, and drawn in level and kode order: a walk in drawing order over 50,000
        # nodes would fetch each from far away and make the build grow faster than the plan.
        plan_nodes = self.plan.nodes
        nodes = [plan_nodes[at] for node_id, at in graph.index.items() if node_id in keep]
        rank = self.level_rank
        levels: list[str] = []
        ids: list[str] = []
        keys: list[str] = []
        # The boxes that declare crosscutting, each with the drawn children it may point to.
        under_of: dict[str, list[Node]] = {}
        declaring: list[int] = []
        for i, node in enumerate(nodes):
            level = node.level
            levels.append(level)
            ids.append(node.id)
            keys.append(_sort_text(rank.get(level, 99), node))
            if crosscutting and node.crosscutting:
                under_of[node.id] = []
                declaring.append(i)
        order = sorted(range(len(nodes)), key=keys.__getitem__)
        lines = [
            "digraph pohon {",
            f"  graph [rankdir=TB, newrank=true, nodesep=0.25, ranksep=0.5, "
            f"fontname={_quoted(FONT)}, label=<{_html(title)}>, labelloc=t, fontsize=16, "
            'tooltip=" "];',
            f'  node [shape=box, style="rounded,filled", fontname={_quoted(FONT)}, '
            'fontsize=10, margin="0.08,0.04", color="#7f8c8d", penwidth=1];',
            f'  edge [color="#555555", arrowsize=0.6, fontname={_quoted(FONT)}, fontsize=8];',
        ]
        # Names are given in drawing order: the framework items first, then the boxes.
        for key in top:
            self._other(key)
        dots = self._names_in_order(ids, order)
        # Each node's box and its edges are read in one visit, while the node is at hand.
        statements: list[str] = []
        cascades: list[list[str]] = []
        for node in nodes:
            statements.append(self.node_statement(node))
            cascades.append(self._cascade(node, keep, under_of))
        lines += [s for s in extra if "->" not in s]
        lines += [statements[i] for i in order]
        # One rank per level.
        by_level: dict[str, list[str]] = {}
        for i, dot in zip(order, dots, strict=True):
            by_level.setdefault(levels[i], []).append(dot)
        if top:
            lines.append("  { rank=min; " + " ".join(self._other(k) for k in top) + " }")
        for level in sorted(by_level, key=lambda lv: self.level_rank.get(lv, 99)):
            lines.append("  { rank=same; " + " ".join(by_level[level]) + " }")
        edges = [edge for i in order for edge in cascades[i]]
        if declaring:
            declaring.sort(key=keys.__getitem__)
            edges += self._crosscutting_edges([nodes[i] for i in declaring], under_of)
        lines += edges
        lines += [s for s in extra if "->" in s]
        lines.append(self._legend())
        lines += ["}", ""]
        return Diagram(
            source="\n".join(lines),
            title=title,
            boxes=len(self.node_dot) + len(self.other_dot),
            edges=len(edges) + sum(1 for s in extra if "->" in s),
            names=dict(self.names),
            others=dict(self.others),
            marked=tuple(sorted(n.id for n in nodes if n.id in self.findings)),
            lang=self.lang,
        )

    def _cascade(self, node: Node, keep: set[str], under_of: dict[str, list[Node]]) -> list[str]:
        """The cascade edges into ``node``: from its first parent solid; from further
        parents dashed and not used for the layout. A drawn parent that declares
        crosscutting (a key of ``under_of``) gets ``node`` among its children there."""
        out: list[str] = []
        first = True
        for parent in dict.fromkeys(p.id for p in node.parents):
            if parent not in keep or parent not in self.graph:
                first = False
                continue
            children = under_of.get(parent)
            if children is not None:
                children.append(node)
            if first:
                self.edge_kinds.add("cascade")
                out.append(f"  {self._name(parent)} -> {self._name(node.id)};")
            else:
                self.edge_kinds.add("second")
                out.append(
                    f"  {self._name(parent)} -> {self._name(node.id)} "
                    '[style=dashed, color="#999999", constraint=false];'
                )
            first = False
        return out

    def _crosscutting_edges(
        self, nodes: Sequence[Node], under_of: Mapping[str, Sequence[Node]]
    ) -> list[str]:
        """A dotted line from a node to each OPD it declares crosscutting with: to the
        OPD's boxes right under it when they are drawn (``under_of``: each node's drawn
        children), else to a small OPD box."""
        out: list[str] = []
        for node in nodes:
            for decl in node.crosscutting:
                party = decl.opd or decl.agency
                if party is None:
                    continue
                color = _STATUS_COLOR.get(decl.status, "#555555")
                self.edge_kinds.add("crosscutting")
                under = [c for c in under_of.get(node.id, ()) if c.opd == decl.opd]
                if under:
                    for child in sorted(under, key=_kode_key):
                        out.append(
                            f"  {self._name(node.id)} -> {self._name(child.id)} "
                            f'[style=dotted, color="{color}", penwidth=1.5, constraint=false];'
                        )
                    continue
                key = f"opd:{party}"
                first = key not in self.other_dot
                name = self._other(key)
                if first:
                    label = self.opd_label.get(party, _plain(party))
                    out.append(
                        f"  {name} [label=<{_html(label)}>, shape=note, style=filled, "
                        f'fillcolor="#fdfefe", id="box-{name}"];'
                    )
                out.append(
                    f"  {self._name(node.id)} -> {name} "
                    f'[style=dotted, color="{color}", penwidth=1.5, constraint=false, '
                    f"label={_quoted(_plain(decl.status))}];"
                )
        return out

    def _legend(self) -> str:
        rows = [f'<TR><TD COLSPAN="2"><B>{_html(_word("legend", self.lang))}</B></TD></TR>']
        for label, (_, fill) in sorted(self.fills_used.items(), key=lambda kv: (kv[1][0], kv[0])):
            rows.append(
                f'<TR><TD BGCOLOR="{fill}" WIDTH="18" BORDER="1"> </TD>'
                f'<TD ALIGN="LEFT">{_html(label)}</TD></TR>'
            )
        marks = {
            "cascade": "───",
            "second": "- - -",
            "crosscutting": "·····",
            "aligns": "- - -",
        }
        for kind in ("cascade", "second", "crosscutting", "aligns"):
            if kind in self.edge_kinds:
                rows.append(
                    f'<TR><TD>{marks[kind]}</TD><TD ALIGN="LEFT">'
                    f"{_html(_word(kind, self.lang))}</TD></TR>"
                )
        if self.findings:
            rows.append(
                f'<TR><TD COLSPAN="2" ALIGN="LEFT">{_html(_word("badge", self.lang))}</TD></TR>'
            )
        for style in self.styles:
            for label, colour in _style_legend(style):
                rows.append(
                    f'<TR><TD WIDTH="18" BORDER="3" COLOR="{colour}"> </TD>'
                    f'<TD ALIGN="LEFT">{_html(_plain(label))}</TD></TR>'
                )
        table = (
            '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">'
            + "".join(rows)
            + "</TABLE>>"
        )
        return (
            "  subgraph cluster_legend {\n"
            '    graph [label="", style="rounded", color="#bbbbbb"];\n'
            f'    legend [shape=plain, style="", label={table}, id="legend"];\n'
            "  }"
        )


STYLE_ATTRIBUTES = frozenset({"fillcolor", "color", "fontcolor", "penwidth", "style", "class"})
"""What a style hook may set: colours, the border's width, the line style, and classes of
the box's SVG group (lower-case words, for a web page's own styles and scripts). Links,
images, shapes and fonts are refused: a hook cannot put a link or a file into the SVG."""
_CLASS = re.compile(r"[a-z][a-z0-9-]{0,39}( [a-z][a-z0-9-]{0,39}){0,3}")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?|[a-z]{3,20}[0-9]?")
_STYLE = re.compile(r"[a-z]{4,10}(,[a-z]{4,10}){0,3}")


_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def _style_legend(style: object) -> list[tuple[str, str]]:
    """A style's legend rows: (label, ``#rrggbb``) pairs, checked; nothing else is drawn."""
    given = getattr(style, "legend", ())
    if not isinstance(given, Sequence) or isinstance(given, str):
        return []
    out = []
    for row in given:
        if (
            isinstance(row, tuple)
            and len(row) == 2
            and isinstance(row[0], str)
            and isinstance(row[1], str)
            and _HEX.fullmatch(row[1])
        ):
            out.append((row[0][:200], row[1]))
        else:
            raise UsageError(
                "baris legenda gaya harus (label, '#rrggbb')",
                "a style's legend row must be (label, '#rrggbb')",
            )
    return out


def _style_attrs(given: object) -> dict[str, str]:
    """A style hook's attributes, checked: only :data:`STYLE_ATTRIBUTES`, colours as
    ``#rrggbb`` or a colour name, a pen width from 0 to 10, a style like ``rounded,filled``."""
    if not isinstance(given, Mapping):
        raise UsageError(
            f"kait gaya harus mengembalikan dict atribut, bukan {type(given).__name__}",
            f"a style hook must return a dict of attributes, not {type(given).__name__}",
        )
    out: dict[str, str] = {}
    for key, value in given.items():
        if key not in STYLE_ATTRIBUTES:
            allowed = ", ".join(sorted(STYLE_ATTRIBUTES))
            raise UsageError(
                f"atribut gaya tidak diizinkan: {str(key)[:40]!r}; yang boleh: {allowed}",
                f"style attribute not allowed: {str(key)[:40]!r}; allowed: {allowed}",
            )
        text = str(value)
        if key == "penwidth":
            try:
                width = float(text)
            except ValueError:
                width = -1.0
            ok = 0 <= width <= 10
        elif key == "style":
            ok = _STYLE.fullmatch(text) is not None
        elif key == "class":
            ok = _CLASS.fullmatch(text) is not None
        else:
            ok = _COLOUR.fullmatch(text) is not None
        if not ok:
            raise UsageError(
                f"nilai atribut gaya {key} tidak sah: {text[:40]!r}",
                f"invalid value of style attribute {key}: {text[:40]!r}",
            )
        out[key] = _quoted(text)
    return out


def _attrs(attrs: Mapping[str, str]) -> str:
    return ", ".join(f"{key}={value}" for key, value in attrs.items())


plain_text = _plain
"""The public name of :func:`_plain`, for the report."""
