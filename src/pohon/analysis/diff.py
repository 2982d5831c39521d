"""What changed between two revisions of a plan: :func:`diff` and :class:`PlanDiff`.

Plans are compared, not files: a YAML plan against the workbook it became, one file against
a plan in many, all read into the same model first. Nodes are matched by id. A node whose id
changed is a removal and an addition; where a removed and an added node have a
near-identical name at the same level and OPD, the pair is also reported as a likely change
of id. An id used for something else (its name no longer alike, and its level or OPD
changed) is reported as such, not as a rename.

Every change is one :class:`Change`: its kind, the node (and indicator, field, year) it is
about, and the old and new values. The changes are complete for what the plan means:
:func:`apply` replays them on the older plan and gives the newer one, up to the order of
nodes in the file and of indicators within a node, which the diff does not record (an order
is not a change of the plan).

>>> import pohon
>>> new = pohon.example("mojokerto")
>>> old = pohon.example("mojokerto-rancangan")
>>> d = pohon.diff(old, new)
>>> d.counts()["node-added"] > 0
True
>>> pohon.diff(new, new).changes
()
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pohon.findings import Lang, ShowsItself, UsageError
from pohon.model import OPD, Indicator, Node, Plan
from pohon.model._gc import paused_gc

KINDS: dict[str, tuple[str, str]] = {
    "plan": ("Kepala rencana diubah", "Plan header changed"),
    "opd-added": ("OPD ditambahkan", "OPDs added"),
    "opd-removed": ("OPD dihapus", "OPDs removed"),
    "opd-changed": ("OPD diubah", "OPDs changed"),
    "node-added": ("Node ditambahkan", "Nodes added"),
    "node-removed": ("Node dihapus", "Nodes removed"),
    "likely-renamed": (
        "Kemungkinan ganti id (nama hampir sama, level dan OPD sama)",
        "Likely new id (near-identical name, same level and OPD)",
    ),
    "id-reused": ("Id dipakai untuk hal lain", "Id reused for something else"),
    "renamed": ("Nama diubah", "Renamed"),
    "relevelled": ("Level diubah", "Level changed"),
    "reowned": ("OPD pemilik diubah", "Owner OPD changed"),
    "moved": ("Induk diubah (dipindah)", "Moved (new parents)"),
    "relinked": (
        "Induk berganti id (induk yang sama, kemungkinan ganti id)",
        "Parent's id changed (the same parent, likely new id)",
    ),
    "weights": ("Bobot kontribusi diubah", "Contribution weights changed"),
    "kode": ("Kode diubah", "Kode changed"),
    "notes": ("Catatan node diubah", "Node notes changed"),
    "aligns": ("Keselarasan diubah", "Alignment changed"),
    "crosscutting": ("Crosscutting diubah", "Crosscutting changed"),
    "indicator-added": ("Indikator ditambahkan", "Indicators added"),
    "indicator-removed": ("Indikator dihapus", "Indicators removed"),
    "indicator-redefined": ("Indikator didefinisikan ulang", "Indicators redefined"),
    "indicator-changed": ("Keterangan indikator diubah", "Indicator details changed"),
    "target": ("Target diubah", "Targets changed"),
    "realisasi": ("Realisasi diubah", "Realisasi changed"),
    "pk-target": ("Target PK diubah", "PK targets changed"),
    "pagu": ("Pagu diubah", "Pagu changed"),
    "realisasi-anggaran": ("Realisasi anggaran diubah", "Realisasi anggaran changed"),
}
"""Every kind of change, in the order a summary shows them, with its heading (id, en)."""

REDEFINING = ("name", "satuan", "measure", "scale", "polarity", "cumulative", "formula", "definisi")
"""Fields of an indicator whose change makes it another indicator: what it measures, in
what unit, in which direction, how it is computed."""
DETAILS = ("iku", "baseline", "sumber_data", "penanggung_jawab", "notes")
"""Fields of an indicator whose change leaves what it measures as it was."""
_YEARLY = (("targets", "target"), ("actuals", "realisasi"), ("pk_targets", "pk-target"))
_HEADER = ("name", "pemda", "period", "frameworks", "scheme", "notes", "meta")
_OPD_FIELDS = ("name", "kode", "singkatan", "notes")

RENAME_SIMILARITY = 0.85
"""Two names at least this alike (0 to 1, letter by letter over their significant words)
make a removed and an added node a likely change of id."""
REUSE_SIMILARITY = 0.5
"""A node whose name is less alike than this, and whose level or OPD changed too, is another
thing under the same id."""
_COMMON_WORD = 40
"""A word found in more removed names than this (of one level and OPD) is not used to find
candidates: it says too little, and looking it up would make the search quadratic."""
_CANDIDATES = 5
_COMPARED_CHARS = 300


@dataclass(frozen=True, slots=True)
class Change:
    """One change between two revisions: its kind (a key of :data:`KINDS`), what it is
    about, and the values before and after (``None`` where there was or is none)."""

    kind: str
    node: str | None = None
    indicator: str | None = None
    field: str | None = None
    year: int | None = None
    old: Any = None
    new: Any = None

    def sort_key(self) -> tuple[int, str, str, str, int]:
        return (
            _KIND_ORDER[self.kind],
            self.node or "",
            self.indicator or "",
            self.field or "",
            self.year or 0,
        )

    def to_dict(self) -> dict[str, Any]:
        """The change as JSON-ready data: models as their dumped fields."""
        return {
            "kind": self.kind,
            "node": self.node,
            "indicator": self.indicator,
            "field": self.field,
            "year": self.year,
            "old": _plain(self.old),
            "new": _plain(self.new),
        }


_KIND_ORDER = {kind: k for k, kind in enumerate(KINDS)}


@dataclass(frozen=True, slots=True)
class PaguTotal:
    """An OPD's pagu in one year in both revisions, each rupiah counted once (at the
    lowest node of each branch that has a pagu)."""

    opd: str | None
    year: int
    old: int | float
    new: int | float

    @property
    def change(self) -> int | float:
        return self.new - self.old


@dataclass(frozen=True)
class PlanDiff(ShowsItself):
    """The changes from ``old`` to ``new``, sorted by kind, node, indicator, field and year."""

    old: Plan = field(repr=False)
    new: Plan = field(repr=False)
    changes: tuple[Change, ...]
    pagu_totals: tuple[PaguTotal, ...] = ()
    """Per OPD and year where the pagu changed: the totals before and after."""
    warnings: tuple[tuple[str, str], ...] = ()
    """What makes the comparison less sure (another Pemda, another period, ids written
    twice), in Indonesian and English."""

    def __repr__(self) -> str:
        return (
            f"<PlanDiff {self.old.id} -> {self.new.id}: {len(self.changes)} perubahan, "
            f"{len(self.warnings)} peringatan>"
        )

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def of_kind(self, *kinds: str) -> tuple[Change, ...]:
        """The changes of these kinds."""
        for kind in kinds:
            if kind not in KINDS:
                raise UsageError(
                    f"jenis perubahan {kind!r} tidak dikenal; yang ada: {', '.join(KINDS)}",
                    f"unknown kind of change {kind!r}; known: {', '.join(KINDS)}",
                )
        wanted = set(kinds)
        return tuple(c for c in self.changes if c.kind in wanted)

    def counts(self) -> dict[str, int]:
        """How many changes of each kind, in the order of :data:`KINDS` (kinds with none
        are left out)."""
        found = Counter(c.kind for c in self.changes)
        return {kind: found[kind] for kind in KINDS if found[kind]}

    def warning_texts(self, lang: Lang = "id") -> list[str]:
        return [en if lang == "en" else id_ for id_, en in self.warnings]

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per change (the values of added and removed nodes and indicators
        summarised as their name)."""
        return [
            {
                "kind": c.kind,
                "node": c.node,
                "indicator": c.indicator,
                "field": c.field,
                "year": c.year,
                "old": _brief(c.old),
                "new": _brief(c.new),
            }
            for c in self.changes
        ]

    def to_frame(self) -> Any:
        """:meth:`to_records` as a pandas DataFrame (needs pandas)."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("to_frame() needs pandas: pip install 'pohon[pandas]'") from exc
        frame = pd.DataFrame.from_records(
            self.to_records(), columns=["kind", "node", "indicator", "field", "year", "old", "new"]
        )
        frame["year"] = frame["year"].astype("Int64")  # a year, or none: never 2025.0
        return frame

    def to_dict(self) -> dict[str, Any]:
        """The diff as JSON-ready data (the contract of ``pohon diff --format json``): each
        change with the name, level and OPD of its node (from the newer plan, the older one
        for a removed node)."""
        wanted = {c.node for c in self.changes if c.node is not None}
        about: dict[str, dict[str, Any]] = {}
        for plan in (self.old, self.new):
            for node in plan.nodes:
                if node.id in wanted:
                    about[node.id] = {
                        "node_name": node.name,
                        "level": node.level,
                        "opd": node.opd,
                    }
        blank = {"node_name": None, "level": None, "opd": None}
        return {
            "old": _plan_head(self.old),
            "new": _plan_head(self.new),
            "warnings": [{"id": i, "en": e} for i, e in self.warnings],
            "counts": self.counts(),
            "changes": [
                {
                    **c.to_dict(),
                    **(
                        about.get(c.node or "", blank)
                        if c.kind != "plan" and not c.kind.startswith("opd-")
                        else blank
                    ),
                }
                for c in self.changes
            ],
            "pagu_totals": [
                {"opd": t.opd, "year": t.year, "old": t.old, "new": t.new, "change": t.change}
                for t in self.pagu_totals
            ],
        }


def _plan_head(plan: Plan) -> dict[str, Any]:
    source = plan.source
    return {
        "id": plan.id,
        "name": plan.name,
        "pemda": plan.pemda,
        "period": [plan.period.start, plan.period.end],
        "nodes": len(plan.nodes),
        "file": getattr(source, "file", None),
    }


def _plain(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", exclude_defaults=True)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _brief(value: Any) -> Any:
    if isinstance(value, Node | Indicator | OPD):
        return value.name
    return _plain(value)


# -- the comparison ------------------------------------------------------------------------


def diff(old: Plan, new: Plan) -> PlanDiff:
    """The changes that make ``old`` into ``new`` (see the module's text), in time linear
    in the two plans."""
    for name, plan in (("old", old), ("new", new)):
        if not isinstance(plan, Plan):
            raise UsageError(
                f"diff() membutuhkan dua Plan (pohon.load); {name} adalah {type(plan).__name__}",
                f"diff() needs two Plans (pohon.load); {name} is {type(plan).__name__}",
            )
    with paused_gc():  # many small objects and no cycles: see pohon.model._gc
        return _diff(old, new)


def _diff(old: Plan, new: Plan) -> PlanDiff:
    changes: list[Change] = []
    old_nodes = _by_id(old.nodes)
    new_nodes = _by_id(new.nodes)
    warnings = _warnings(old, new, old_nodes, new_nodes)
    changes += _header_changes(old, new)
    changes += _opd_changes(old, new)
    removed = [n for node_id, n in old_nodes.items() if node_id not in new_nodes]
    added = [n for node_id, n in new_nodes.items() if node_id not in old_nodes]
    changes += [Change("node-removed", n.id, old=n) for n in removed]
    changes += [Change("node-added", n.id, new=n) for n in added]
    renames = _likely_renames(removed, added)
    changes += renames
    renamed = {c.old: c.new for c in renames}
    for node_id, before in old_nodes.items():
        after = new_nodes.get(node_id)
        if after is not None and after != before:
            changes += _relinked(_node_changes(before, after), renamed)
    changes.sort(key=Change.sort_key)
    return PlanDiff(
        old=old,
        new=new,
        changes=tuple(changes),
        pagu_totals=_pagu_totals(old_nodes, new_nodes)
        if any(c.kind == "pagu" for c in changes) or removed or added
        else (),
        warnings=tuple(warnings),
    )


def _relinked(changes: list[Change], renamed: Mapping[str, str]) -> list[Change]:
    """A move whose parents differ only by parents that likely got a new id is the same
    parent under its new id: reported apart, as a consequence of that change of id."""
    if not renamed:
        return changes
    out = []
    for c in changes:
        if c.kind == "moved" and tuple((renamed.get(p.id, p.id), p.weight) for p in c.old) == tuple(
            (p.id, p.weight) for p in c.new
        ):
            c = Change("relinked", c.node, c.indicator, c.field, c.year, c.old, c.new)
        out.append(c)
    return out


def _by_id(nodes: Sequence[Node]) -> dict[str, Node]:
    out: dict[str, Node] = {}
    for node in nodes:
        out.setdefault(node.id, node)
    return out


def _warnings(
    old: Plan, new: Plan, old_nodes: Mapping[str, Node], new_nodes: Mapping[str, Node]
) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if _folded(old.pemda) != _folded(new.pemda):
        out.append(
            (
                f"Kedua rencana milik Pemda yang berbeda ({old.pemda or '-'} dan "
                f"{new.pemda or '-'}): perbandingannya mungkin tidak bermakna",
                f"The two plans belong to different Pemda ({old.pemda or '-'} and "
                f"{new.pemda or '-'}): the comparison may not be meaningful",
            )
        )
    if old.period != new.period:
        a, b = old.period, new.period
        out.append(
            (
                f"Periode kedua rencana berbeda ({a.start}-{a.end} dan {b.start}-{b.end}): "
                "target di luar periode bersama tercatat sebagai ditambahkan atau dihapus",
                f"The two plans cover different periods ({a.start}-{a.end} and "
                f"{b.start}-{b.end}): targets outside the common years show as added or "
                "removed",
            )
        )
    for label, plan, first in (("lama", old, old_nodes), ("baru", new, new_nodes)):
        counts = Counter(n.id for n in plan.nodes)
        twice = sorted(node_id for node_id, k in counts.items() if k > 1)
        if twice:
            shown = ", ".join(twice[:10]) + (" …" if len(twice) > 10 else "")
            en = "old" if label == "lama" else "new"
            out.append(
                (
                    f"Rencana {label} menulis {len(twice)} id dua kali atau lebih ({shown}): "
                    "hanya node pertama dengan id itu yang dibandingkan",
                    f"The {en} plan writes {len(twice)} ids twice or more ({shown}): only "
                    "the first node with each id is compared",
                )
            )
        doubled = [
            (node.id, ind_id)
            for node in first.values()
            for ind_id, k in Counter(i.id for i in node.indicators).items()
            if k > 1
        ]
        if doubled:
            shown = ", ".join(f"{n}/{i}" for n, i in doubled[:10]) + (
                " …" if len(doubled) > 10 else ""
            )
            en = "old" if label == "lama" else "new"
            out.append(
                (
                    f"Rencana {label} menulis id indikator yang sama dua kali di satu node "
                    f"({shown}): hanya indikator pertama dengan id itu yang dibandingkan",
                    f"The {en} plan writes an indicator id twice in one node ({shown}): only "
                    "the first indicator with that id is compared",
                )
            )
    return out


def _folded(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _header_changes(old: Plan, new: Plan) -> list[Change]:
    a, b = old.info, new.info
    out = [
        Change("plan", field=name, old=getattr(a, name), new=getattr(b, name))
        for name in _HEADER
        if getattr(a, name) != getattr(b, name)
    ]
    if a.id != b.id:
        out.append(Change("plan", field="id", old=a.id, new=b.id))
    return out


def _opd_changes(old: Plan, new: Plan) -> list[Change]:
    before = {o.id: o for o in reversed(old.opds)}
    after = {o.id: o for o in reversed(new.opds)}
    out = [Change("opd-removed", o, old=before[o]) for o in before if o not in after]
    out += [Change("opd-added", o, new=after[o]) for o in after if o not in before]
    for opd_id, a in before.items():
        b = after.get(opd_id)
        if b is None or a == b:
            continue
        out += [
            Change("opd-changed", opd_id, field=name, old=getattr(a, name), new=getattr(b, name))
            for name in _OPD_FIELDS
            if getattr(a, name) != getattr(b, name)
        ]
    return out


def _node_changes(a: Node, b: Node) -> list[Change]:
    node_id = a.id
    out: list[Change] = []
    if a.name != b.name:
        out.append(Change("renamed", node_id, field="name", old=a.name, new=b.name))
    if a.level != b.level:
        out.append(Change("relevelled", node_id, field="level", old=a.level, new=b.level))
    if a.opd != b.opd:
        out.append(Change("reowned", node_id, field="opd", old=a.opd, new=b.opd))
    if (a.level != b.level or a.opd != b.opd) and similarity(a.name, b.name) < REUSE_SIMILARITY:
        out.append(
            Change(
                "id-reused",
                node_id,
                old=(a.level, a.opd, a.name),
                new=(b.level, b.opd, b.name),
            )
        )
    if a.parents != b.parents:
        kind = "moved" if a.parent_ids != b.parent_ids else "weights"
        out.append(Change(kind, node_id, field="parents", old=a.parents, new=b.parents))
    if a.kode != b.kode:
        out.append(Change("kode", node_id, field="kode", old=a.kode, new=b.kode))
    if a.notes != b.notes:
        out.append(Change("notes", node_id, field="notes", old=a.notes, new=b.notes))
    if a.aligns != b.aligns:
        out.append(Change("aligns", node_id, field="aligns", old=a.aligns, new=b.aligns))
    if a.crosscutting != b.crosscutting:
        out.append(
            Change(
                "crosscutting",
                node_id,
                field="crosscutting",
                old=a.crosscutting,
                new=b.crosscutting,
            )
        )
    out += _yearly("pagu", node_id, None, "pagu", a.pagu, b.pagu)
    out += _yearly(
        "realisasi-anggaran",
        node_id,
        None,
        "realisasi_anggaran",
        a.realisasi_anggaran,
        b.realisasi_anggaran,
    )
    if a.indicators != b.indicators:
        out += _indicator_changes(node_id, a.indicators, b.indicators)
    return out


def _yearly(
    kind: str,
    node_id: str,
    indicator: str | None,
    name: str,
    a: Mapping[int, Any],
    b: Mapping[int, Any],
) -> Iterator[Change]:
    if a == b:
        return
    for year in sorted(a.keys() | b.keys()):
        before, after = a.get(year), b.get(year)
        # 7 and 7.0 are the same value (a workbook gives 7.0 for the 7 of a YAML file).
        if before != after:
            yield Change(kind, node_id, indicator, name, year, before, after)


def _indicator_changes(
    node_id: str, a: Sequence[Indicator], b: Sequence[Indicator]
) -> Iterator[Change]:
    before = {i.id: i for i in reversed(a)}
    after = {i.id: i for i in reversed(b)}
    for ind_id, ind in before.items():
        if ind_id not in after:
            yield Change("indicator-removed", node_id, ind_id, old=ind)
    for ind_id, ind in after.items():
        if ind_id not in before:
            yield Change("indicator-added", node_id, ind_id, new=ind)
    for ind_id, x in before.items():
        y = after.get(ind_id)
        if y is None or x == y:
            continue
        for kind, names in (("indicator-redefined", REDEFINING), ("indicator-changed", DETAILS)):
            for name in names:
                before_value, after_value = getattr(x, name), getattr(y, name)
                if before_value != after_value:
                    yield Change(kind, node_id, ind_id, name, None, before_value, after_value)
        for name, kind in _YEARLY:
            yield from _yearly(kind, node_id, ind_id, name, getattr(x, name), getattr(y, name))


# -- names ---------------------------------------------------------------------------------


def _words(name: str) -> str:
    """A name's words, lower case and without accents or punctuation, in their order; the
    letters of every script are kept (only the marks of accents are dropped)."""
    text = name[:_COMPARED_CHARS].casefold()
    if not text.isascii():
        text = "".join(
            ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
        )
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text).split())


def similarity(first: str, second: str) -> float:
    """How alike two names read, from 0 to 1: the normalised Indel similarity (rapidfuzz)
    of their words, lower case, without accents and punctuation; the first 300 characters
    of each are compared. Two names with no letter or digit are alike only when equal."""
    from rapidfuzz.fuzz import ratio

    a, b = _words(first), _words(second)
    if not a and not b:
        return 1.0 if first.strip() == second.strip() else 0.0
    if a == b:
        return 1.0
    return float(ratio(a, b)) / 100


def _likely_renames(removed: Sequence[Node], added: Sequence[Node]) -> list[Change]:
    """Pairs of a removed and an added node of the same level and OPD with near-identical
    names. Each added node is compared with the few removed ones that share its rarer
    words (found through an index of words), never with all of them."""
    if not removed or not added:
        return []
    groups: dict[tuple[str, str | None], list[tuple[Node, str]]] = {}
    for node in removed:
        groups.setdefault((node.level, node.opd), []).append((node, _words(node.name)))
    pairs: list[tuple[float, str, str]] = []
    indexes: dict[tuple[str, str | None], dict[str, list[int]]] = {}
    exacts: dict[tuple[str, str | None], dict[str, list[int]]] = {}
    for node in added:
        key = (node.level, node.opd)
        group = groups.get(key)
        if not group:
            continue
        index = indexes.get(key)
        if index is None:
            index = indexes[key] = _word_index(w for _, w in group)
            exacts[key] = _exact_index(w for _, w in group)
        words = _words(node.name)
        if not words:
            continue  # a name with no letter or digit says nothing of what it was
        # The removed names written the same come first, then those sharing rare words.
        candidates = exacts[key].get(words, [])[:_CANDIDATES]
        hits: Counter[int] = Counter()
        for word in set(words.split()):
            found = index.get(word)
            if found is not None and len(found) <= _COMMON_WORD:
                hits.update(found)
        candidates += [k for k, _ in hits.most_common(_CANDIDATES) if k not in candidates]
        for k in candidates:
            other, other_words = group[k]
            score = 1.0 if other_words == words else _ratio(other_words, words)
            if score >= RENAME_SIMILARITY:
                pairs.append((score, other.id, node.id))
    # The most alike pairs first; each node in one pair at most.
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_old: set[str] = set()
    used_new: set[str] = set()
    out: list[Change] = []
    for _score, old_id, new_id in pairs:
        if old_id in used_old or new_id in used_new:
            continue
        used_old.add(old_id)
        used_new.add(new_id)
        out.append(Change("likely-renamed", new_id, field="id", old=old_id, new=new_id))
    return out


def _exact_index(names: Iterable[str]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for k, words in enumerate(names):
        index.setdefault(words, []).append(k)
    return index


def _word_index(names: Iterable[str]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for k, words in enumerate(names):
        for word in set(words.split()):
            index.setdefault(word, []).append(k)
    return index


def _ratio(a: str, b: str) -> float:
    from rapidfuzz.fuzz import ratio

    return float(ratio(a, b)) / 100


# -- pagu per OPD --------------------------------------------------------------------------


def _pagu_totals(old: Mapping[str, Node], new: Mapping[str, Node]) -> tuple[PaguTotal, ...]:
    before, after = _opd_pagu(old), _opd_pagu(new)
    out = []
    for key in sorted(before.keys() | after.keys(), key=lambda k: (k[0] or "", k[1])):
        a, b = before.get(key, 0), after.get(key, 0)
        if a != b:
            out.append(PaguTotal(key[0], key[1], a, b))
    return tuple(out)


def _opd_pagu(first: Mapping[str, Node]) -> dict[tuple[str | None, int], int | float]:
    """Per OPD and year, the pagu of the nodes (``first``: each id's first node) with a
    pagu none of whose children has one: each rupiah once, at the lowest level it is
    written. One pass finds the parents of nodes with a pagu; a second adds up the others."""
    with_pagu = {node_id for node_id, node in first.items() if node.pagu}
    covered: set[str] = set()
    for node_id in with_pagu:
        for link in first[node_id].parents:
            if link.id in with_pagu:
                covered.add(link.id)
    totals: dict[tuple[str | None, int], int | float] = {}
    for node_id in with_pagu:
        if node_id in covered:
            continue
        node = first[node_id]
        for year, value in node.pagu.items():
            key = (node.opd, year)
            totals[key] = totals.get(key, 0) + value
    return totals


# -- replay --------------------------------------------------------------------------------


def apply(plan: Plan, changes: PlanDiff | Iterable[Change]) -> Plan:
    """``plan`` with ``changes`` made to it: ``apply(old, diff(old, new))`` equals ``new``
    up to the order of nodes and of indicators within a node. Likely changes of id and
    reused ids are readings of other changes and change nothing themselves."""
    items = changes.changes if isinstance(changes, PlanDiff) else tuple(changes)
    info = plan.info.model_dump(by_alias=False)
    opds = {o.id: o for o in reversed(plan.opds)}
    opd_order = list(dict.fromkeys(o.id for o in plan.opds))
    nodes: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    for node in plan.nodes:
        if node.id not in nodes:
            nodes[node.id] = _node_fields(node)
            order.append(node.id)
    opd_fields: dict[str, dict[str, Any]] = {}
    for c in items:
        kind = c.kind
        if kind == "plan":
            info[c.field or ""] = c.new
        elif kind == "opd-added":
            opds[c.node or ""] = c.new
            opd_order.append(c.node or "")
        elif kind == "opd-removed":
            opds.pop(c.node or "", None)
        elif kind == "opd-changed":
            opd_fields.setdefault(c.node or "", {})[c.field or ""] = c.new
        elif kind == "node-added":
            nodes[c.node or ""] = _node_fields(c.new)
            order.append(c.node or "")
        elif kind == "node-removed":
            nodes.pop(c.node or "", None)
        elif kind in ("likely-renamed", "id-reused"):
            continue
        else:
            _apply_to_node(nodes[c.node or ""], c)
    new_opds = []
    for opd_id in dict.fromkeys(opd_order):
        if opd_id in opds:
            opd = opds[opd_id]
            fields = opd_fields.get(opd_id)
            new_opds.append(opd.model_copy(update=fields) if fields else opd)
    return Plan.model_validate(
        {
            "pohon": plan.format,
            "plan": info,
            "opds": new_opds,
            "nodes": [_built(nodes[node_id]) for node_id in order if node_id in nodes],
        }
    )


def _node_fields(node: Node) -> dict[str, Any]:
    fields = dict(node)
    fields["indicators"] = {i.id: dict(i) for i in reversed(node.indicators)}
    fields["_order"] = list(dict.fromkeys(i.id for i in node.indicators))
    for name in ("pagu", "realisasi_anggaran"):
        fields[name] = dict(fields[name])
    return fields


def _apply_to_node(fields: dict[str, Any], c: Change) -> None:
    kind = c.kind
    indicators: dict[str, dict[str, Any]] = fields["indicators"]
    if kind == "indicator-added":
        indicators[c.indicator or ""] = dict(c.new)
        fields["_order"].append(c.indicator)
    elif kind == "indicator-removed":
        indicators.pop(c.indicator or "", None)
    elif kind in ("indicator-redefined", "indicator-changed"):
        indicators[c.indicator or ""][c.field or ""] = c.new
    elif c.year is not None:
        # The older plan's dicts are its own: a copy is changed (node-level ones are
        # copies already, see _node_fields).
        if c.indicator:
            owner = indicators[c.indicator]
            target = owner[c.field or ""] = dict(owner[c.field or ""])
        else:
            target = fields[c.field or ""]
        if c.new is None:
            target.pop(c.year, None)
        else:
            target[c.year] = c.new
    else:
        fields[c.field or ""] = c.new


def _built(fields: dict[str, Any]) -> Node:
    data = {k: v for k, v in fields.items() if k not in ("indicators", "_order")}
    indicators = fields["indicators"]
    data["indicators"] = [
        Indicator.model_validate(indicators[i])
        for i in dict.fromkeys(fields["_order"])
        if i in indicators
    ]
    return Node.model_validate(data)
