"""Crosscutting between OPDs: who serves each Pemda sasaran, and where the gaps are.

:func:`crosscutting` answers the questions of a Bappeda planner before a SAKIP evaluation:
which OPDs contribute to each sasaran of the RPJMD (and with what pagu), which outcomes
several OPDs serve (program keroyokan, declared or implicit), and the gaps: a sasaran no OPD
serves, a declared crosscutting OPD that shows up nowhere below the declaration (or whose
declaration is still *usulan* or was *ditolak*), an OPD that serves no sasaran, likely
duplicate programs or kegiatan across OPDs, and an outcome that one OPD serves alone although
its declaration says it needs more.

One pass down and one pass up the cascade: linear in the plan.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pohon.analysis.matrix import (
    Cell,
    GroupPagu,
    Header,
    Matrix,
    PaguTable,
    budget_of,
    records_frame,
)
from pohon.findings import ShowsItself
from pohon.graph import PlanGraph
from pohon.model import Node, Plan

DeclarationProblem = Literal["absent", "usulan", "ditolak"]

COMMON_WORDS: frozenset[str] = frozenset(
    [
        "meningkatnya",
        "menurunnya",
        "terwujudnya",
        "tersedianya",
        "terlaksananya",
        "terselenggaranya",
        "berkurangnya",
        "tercapainya",
        "terpenuhinya",
        "optimalnya",
        "persentase",
        "jumlah",
        "cakupan",
        "angka",
        "indeks",
        "rasio",
        "tingkat",
        "nilai",
        "program",
        "kegiatan",
        "sub",
        "pelaksanaan",
        "penyediaan",
        "pengelolaan",
        "peningkatan",
        "penyelenggaraan",
        "pembinaan",
        "pengembangan",
        "fasilitasi",
        "koordinasi",
        "dan",
        "atau",
        "di",
        "ke",
        "dari",
        "yang",
        "untuk",
        "pada",
        "dalam",
        "dengan",
        "bagi",
        "serta",
        "oleh",
        "kota",
        "kabupaten",
        "kab",
        "daerah",
    ]
)
"""Words left out when names are compared (openings, connectors, generic nouns)."""

SIMILARITY = 0.8
"""Two names are near-identical at this token overlap (Jaccard) or more."""

_WORD = re.compile(r"[0-9a-z]+")


def normalise_name(name: str) -> tuple[str, ...]:
    """The significant words of a name, lower case, without accents, punctuation or common
    words: ``"Meningkatnya Cakupan Imunisasi Dasar"`` → ``("imunisasi", "dasar")``."""
    if name.isascii():  # NFKD leaves ASCII as it is
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return tuple(w for w in _WORD.findall(text) if w not in COMMON_WORDS)


def _name_words(name: str) -> str:
    """The significant words of a name (see :func:`normalise_name`) once each, sorted and
    joined by spaces: the form names are compared in."""
    if name.isascii():
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = set(_WORD.findall(text))
    words -= COMMON_WORDS
    return " ".join(sorted(words))


@dataclass(frozen=True)
class Contribution:
    """One cell: the nodes of one OPD below one Pemda sasaran, and the pagu behind them."""

    sasaran: str
    opd: str
    nodes: tuple[str, ...]
    pagu: Mapping[int, int | float] = field(default_factory=dict)


@dataclass(frozen=True)
class Keroyokan:
    """An outcome served by several OPDs: declared (``crosscutting``) or implicit."""

    node: str
    opds: tuple[str, ...]
    declared: tuple[str, ...]
    implicit: bool


@dataclass(frozen=True)
class DeclarationGap:
    """A crosscutting declaration that is not (yet) honoured."""

    node: str
    party: str
    external: bool
    status: str
    problem: DeclarationProblem
    note: str | None = None


@dataclass(frozen=True)
class Duplicate:
    """Two nodes of different OPDs that look like the same program, kegiatan or sub kegiatan."""

    first: str
    second: str
    first_opd: str
    second_opd: str
    level: str
    kind: Literal["kode", "name"]
    similarity: float
    kode: str | None = None


@dataclass(frozen=True)
class LoneOutcome:
    """An outcome one OPD serves alone, although its declaration names others."""

    node: str
    opd: str | None
    declared: tuple[str, ...]


@dataclass(frozen=True)
class CrosscuttingResult(ShowsItself):
    """The result of :func:`crosscutting`."""

    plan: str
    sasaran: tuple[str, ...]
    sasaran_level: str | None
    opds: tuple[str, ...]
    opd_names: Mapping[str, str]
    names: Mapping[str, str]
    cells: tuple[Contribution, ...]
    orphan_sasaran: tuple[str, ...]
    idle_opds: tuple[str, ...]
    declaration_gaps: tuple[DeclarationGap, ...]
    keroyokan: tuple[Keroyokan, ...]
    duplicates: tuple[Duplicate, ...]
    lone_outcomes: tuple[LoneOutcome, ...]
    opd_only: bool = False
    """The plan holds an OPD's Renstra only (:attr:`pohon.Plan.opd_only`): the RPJMD nodes
    this analysis is about are in another file."""
    set_apart: tuple[str, ...] = ()
    """Nodes on or below a cascade cycle, left out of the cells, gaps and keroyokan: who
    they serve depends on where one enters the cycle (see :meth:`PlanGraph.set_apart`)."""

    def cell(self, sasaran: str, opd: str) -> Contribution | None:
        for c in self.cells:
            if c.sasaran == sasaran and c.opd == opd:
                return c
        return None

    def to_records(self) -> list[dict[str, Any]]:
        """One row per (sasaran, OPD) cell with its nodes and pagu per year."""
        out = []
        for c in self.cells:
            record: dict[str, Any] = {
                "sasaran": c.sasaran,
                "sasaran_name": self.names.get(c.sasaran, ""),
                "opd": c.opd,
                "opd_name": self.opd_names.get(c.opd, c.opd),
                "count": len(c.nodes),
                "nodes": ", ".join(c.nodes),
            }
            for year, value in sorted(c.pagu.items()):
                record[f"pagu_{year}"] = value
            out.append(record)
        return out

    def to_frame(self) -> Any:
        """The records as a pandas DataFrame (needs pandas)."""
        return records_frame(self.to_records())

    def matrix(self) -> Matrix:
        """Pemda sasaran × OPDs, cells with contributing nodes and pagu.

        What is missing (a sasaran no OPD serves, ...) is reported by the crosscutting rules
        (PK4xx): ``pohon.check(plan, select="crosscutting")``.
        """
        rows = tuple(
            Header(s, f"{s}: {self.names.get(s, '')}", {"name": self.names.get(s, "")})
            for s in self.sasaran
        )
        columns = tuple(
            Header(o, self.opd_names.get(o, o), {"name": self.opd_names.get(o, o)})
            for o in self.opds
        )
        cells = tuple(Cell(c.sasaran, c.opd, c.nodes, c.pagu) for c in self.cells)
        return Matrix(
            title=f"Crosscutting {self.plan}",
            rows=rows,
            columns=columns,
            cells=cells,
            opd_only=self.opd_only,
        )


def _is_support_program(kode: str | None) -> bool:
    """``U.BB.01...``: the support program every OPD has (never a duplicate)."""
    if not kode:
        return False
    parts = kode.strip().split(".")
    return len(parts) >= 3 and parts[2] == "01"


def crosscutting(plan: Plan, *, graph: PlanGraph | None = None) -> CrosscuttingResult:
    """Who serves each Pemda sasaran, keroyokan, and the crosscutting gaps; see the module.

    >>> import pohon
    >>> result = pohon.crosscutting(pohon.example("mojokerto"))
    >>> len(result.sasaran) > 0
    True
    """
    graph = PlanGraph(plan) if graph is None else graph
    nodes = plan.nodes
    index = graph.index
    scheme = plan.scheme
    parents_of = graph.parents_of
    order = graph.judged()
    set_apart = graph.set_apart()
    apart = frozenset(set_apart)
    owners = {lv.id: lv.owner for lv in scheme.levels}

    # The meeting level: the lowest Pemda level present; its nodes are the matrix rows.
    # Only a Pemda level that OPD levels may hang under can be the meeting level (sasaran or
    # tujuan in the Kota scheme): a file with only visi and misi has no sasaran to serve.
    # Each node is read once, into columns the passes below share: on a Provinsi plan the
    # nodes are spread over hundreds of megabytes, and every visit to one costs a trip to it.
    cols = _Columns(nodes)
    sasaran_level = meeting_level(plan, set(cols.level))
    level_of = cols.level
    sasaran = [n for n, i in index.items() if level_of[i] == sasaran_level and n not in apart]
    opd_levels = {lv.id for lv in scheme.levels if lv.owner == "opd"}
    nearest = _nearest_sasaran(order, parents_of, set(sasaran))

    # One pass over the nodes: the cells (each node of an OPD level under its nearest
    # sasaran), each node's groups for the pagu (its cells, one value per OPD and set of
    # sasaran), the pagu, and the OPDs that own nodes without being listed.
    opd_node: set[str] = set()
    cells: dict[tuple[str, str], list[str]] = {}
    groups: dict[str, frozenset[tuple[str, str]]] = {}
    shared: dict[str, dict[frozenset[str], frozenset[tuple[str, str]]]] = {}
    opd_ids = [o.id for o in plan.opds]
    seen_opds = set(opd_ids)
    opd_of = cols.opd
    for node_id, i in index.items():
        opd = opd_of[i]
        if opd is None:
            continue
        if opd not in seen_opds:
            seen_opds.add(opd)
            opd_ids.append(opd)
        if level_of[i] not in opd_levels:
            continue
        opd_node.add(node_id)
        near = nearest.get(node_id)
        if not near:
            continue
        for s in near:
            cells.setdefault((s, opd), []).append(node_id)
        of_opd = shared.setdefault(opd, {})
        group = of_opd.get(near)
        if group is None:
            group = of_opd[near] = frozenset((s, opd) for s in near)
        groups[node_id] = group
    pagu = PaguTable(order, parents_of, groups, lambda: budget_of(plan, index))

    position = {s: k for k, s in enumerate(sasaran)}
    opd_position = {o: k for k, o in enumerate(opd_ids)}
    contributions = tuple(
        Contribution(s, o, tuple(members), GroupPagu(pagu, (s, o)))
        for (s, o), members in sorted(
            cells.items(), key=lambda kv: (position[kv[0][0]], opd_position[kv[0][1]])
        )
    )
    served = _served(order, parents_of, opd_node)
    orphan = tuple(s for s in sasaran if s not in served)
    serving = {o for _, o in cells}
    idle = tuple(o for o in opd_ids if o not in serving) if sasaran else ()

    declared_at = [
        node_id for node_id, i in index.items() if cols.crosscutting[i] and node_id not in apart
    ]
    below = _opds_below(graph, declared_at, apart)

    gaps: list[DeclarationGap] = []
    keroyokan: list[Keroyokan] = []
    lone: list[LoneOutcome] = []
    empty: frozenset[str] = frozenset()
    for node_id in declared_at:
        node = nodes[index[node_id]]
        under = below.get(node_id, empty)
        declared = []
        for decl in node.crosscutting:
            party = decl.opd if decl.opd is not None else decl.agency or ""
            external = decl.opd is None
            if decl.status == "ditolak":
                gaps.append(
                    DeclarationGap(node_id, party, external, decl.status, "ditolak", decl.note)
                )
                continue
            declared.append(party)
            if decl.status == "usulan":
                gaps.append(
                    DeclarationGap(node_id, party, external, decl.status, "usulan", decl.note)
                )
            if not external and party not in under:
                gaps.append(
                    DeclarationGap(node_id, party, external, decl.status, "absent", decl.note)
                )
        serving_here = sorted(under | ({node.opd} if node.opd else set()))
        if declared:
            keroyokan.append(
                Keroyokan(node_id, tuple(serving_here), tuple(declared), implicit=False)
            )
        internal_declared = [
            d.opd for d in node.crosscutting if d.opd is not None and d.status != "ditolak"
        ]
        if internal_declared and len(serving_here) <= 1:
            lone.append(
                LoneOutcome(
                    node_id, serving_here[0] if serving_here else None, tuple(internal_declared)
                )
            )
    declared_nodes = {k.node for k in keroyokan}
    opds_of_sasaran: dict[str, set[str]] = {}
    for row, o in cells:
        opds_of_sasaran.setdefault(row, set()).add(o)
    for s in sasaran:
        serving_s = sorted(opds_of_sasaran.get(s, ()))
        if len(serving_s) >= 2 and s not in declared_nodes:
            keroyokan.append(Keroyokan(s, tuple(serving_s), (), implicit=True))

    duplicates = _duplicates(plan, graph, owners, cols)

    result = CrosscuttingResult(
        plan=plan.id,
        sasaran=tuple(sasaran),
        sasaran_level=sasaran_level,
        opds=tuple(opd_ids),
        opd_names={o.id: o.name for o in plan.opds},
        names={s: nodes[index[s]].name for s in sasaran},
        cells=contributions,
        orphan_sasaran=orphan,
        idle_opds=idle,
        declaration_gaps=tuple(gaps),
        keroyokan=tuple(keroyokan),
        duplicates=tuple(duplicates),
        lone_outcomes=tuple(lone),
        set_apart=set_apart,
        opd_only=plan.opd_only,
    )
    return result


def meeting_level(plan: Plan, present: set[str]) -> str | None:
    """The level whose nodes are the Pemda sasaran OPDs serve: the lowest Pemda level
    present (in ``present``, the levels the plan's nodes are at) that OPD levels may hang
    under (sasaran, or tujuan in the Kota scheme); ``None`` when there is none."""
    scheme = plan.scheme
    meeting = {p for lv in scheme.levels if lv.owner == "opd" for p in lv.parents}
    pemda_levels = [
        lv.id
        for lv in scheme.levels
        if lv.owner == "pemda" and lv.id in present and lv.id in meeting
    ]
    return pemda_levels[-1] if pemda_levels else None


def sasaran_served(plan: Plan, graph: PlanGraph) -> dict[str, frozenset[str]]:
    """The nearest Pemda sasaran above each node (the rows of the crosscutting matrix a
    node counts in), without the rest of the crosscutting analysis."""
    nodes = plan.nodes
    index = graph.index
    level = meeting_level(plan, {node.level for node in nodes})
    apart = frozenset(graph.set_apart())
    sasaran = {n for n, i in index.items() if nodes[i].level == level and n not in apart}
    return _nearest_sasaran(graph.judged(), graph.parents_of, sasaran)


def _nearest_sasaran(
    order: list[str], parents_of: Mapping[str, tuple[str, ...]], sasaran: set[str]
) -> dict[str, frozenset[str]]:
    """The nearest sasaran above each node (reached without passing another sasaran).

    A sasaran is its own nearest. A node with one parent shares its parent's set, and equal
    sets are kept once, so a chain thousands deep holds one small set, not one per node.
    """
    empty: frozenset[str] = frozenset()
    pool: dict[frozenset[str], frozenset[str]] = {}
    nearest: dict[str, frozenset[str]] = {}
    for node_id in order:
        if node_id in sasaran:
            mine = frozenset((node_id,))
            nearest[node_id] = pool.setdefault(mine, mine)
            continue
        parents = parents_of[node_id]
        if len(parents) == 1:
            found = nearest.get(parents[0], empty)
        else:
            found = empty
            for parent in parents:
                up = nearest.get(parent, empty)
                if up and up is not found:
                    found = up if not found else found | up
            found = pool.setdefault(found, found)
        if found:
            nearest[node_id] = found
    return nearest


def _served(
    order: list[str], parents_of: Mapping[str, tuple[str, ...]], opd_node: set[str]
) -> set[str]:
    """The nodes with a node of an OPD level, owned by an OPD, below them (one pass up)."""
    served: set[str] = set()
    for node_id in reversed(order):
        if node_id in served or node_id in opd_node:
            served.update(parents_of[node_id])
    return served


def _opds_below(
    graph: PlanGraph, declared_at: list[str], apart: frozenset[str]
) -> dict[str, frozenset[str]]:
    """The OPDs owning a node below each node of ``declared_at``, nodes set apart left out.

    Only the nodes with a declaration get a set. They are walked lowest first, and a walk
    that meets one already done takes its set instead of going further down, so on a tree
    every node is visited once.
    """
    nodes = graph.plan.nodes
    index = graph.index
    rank = {node_id: k for k, node_id in enumerate(graph.judged())}
    done: dict[str, frozenset[str]] = {}
    for start in sorted(declared_at, key=rank.__getitem__, reverse=True):
        found: set[str] = set()
        seen = {start}
        stack = [start]
        while stack:
            for child in graph.children(stack.pop()):
                if child in seen or child in apart:
                    continue
                seen.add(child)
                opd = nodes[index[child]].opd
                if opd is not None:
                    found.add(opd)
                known = done.get(child)
                if known is not None:
                    found |= known
                else:
                    stack.append(child)
        done[start] = frozenset(found)
    return done


class _Columns:
    """The fields of every node the analysis reads, as lists in the plan's order."""

    def __init__(self, nodes: Sequence[Node]) -> None:
        level: list[str] = []
        opd: list[str | None] = []
        kode: list[str | None] = []
        name: list[str] = []
        crosscutting: list[bool] = []
        for node in nodes:
            level.append(node.level)
            opd.append(node.opd)
            kode.append(node.kode)
            name.append(node.name)
            crosscutting.append(bool(node.crosscutting))
        self.level, self.opd, self.kode, self.name = level, opd, kode, name
        self.crosscutting = crosscutting


def _duplicates(
    plan: Plan, graph: PlanGraph, owners: Mapping[str, str], cols: _Columns | None = None
) -> list[Duplicate]:
    """Likely duplicates across OPDs at levels with a kode pattern (program and below):
    the same kode outside the support program, or near-identical names.

    Names are compared through keys (all significant words, and every set with one word
    left out), so each node is compared with a few candidates, never with all nodes.
    """
    nodes = plan.nodes
    index = graph.index
    scheme = plan.scheme
    levels = {lv.id for lv in scheme.levels if lv.owner == "opd" and (lv.kode or lv.pagu)}
    cols = cols or _Columns(nodes)
    support = _under_support(graph, cols.kode)

    # The name index holds integers and strings only (entries are positions in three
    # lists, keys are integers, a name's words one string): nothing the garbage collector
    # tracks, which matters when a Provinsi plan puts 30,000 sub kegiatan through here.
    words_of_name: dict[str, str] = {}
    found: list[Duplicate] = []
    first_by_kode: dict[str, str] = {}
    entry_id: list[str] = []
    entry_opd: list[str] = []
    entry_words: list[str] = []
    first_at: dict[int, int] = {}
    other_at: dict[int, int] = {}  # the first entry of another OPD than the first's
    level_hash = {level: hash("\x1f" + level) for level in levels}
    level_of, opd_of, kode_of, name_of = cols.level, cols.opd, cols.kode, cols.name
    for node_id, i in index.items():
        level = level_of[i]
        opd = opd_of[i]
        if level not in levels or opd is None or node_id in support:
            continue
        written = kode_of[i]
        kode = written.strip() if written else ""
        if kode:
            kode_key = level + "\x1f" + kode
            first_kode = first_by_kode.get(kode_key)
            if first_kode is None:
                first_by_kode[kode_key] = node_id
            else:
                first_opd = opd_of[index[first_kode]] or ""
                if first_opd != opd:
                    found.append(
                        Duplicate(first_kode, node_id, first_opd, opd, level, "kode", 1.0, kode)
                    )
                    continue
        name = name_of[i]
        text = words_of_name.get(name)
        if text is None:
            text = words_of_name[name] = _name_words(name)
        words = text.split()
        if len(words) < 2:
            continue
        # Keys are sums of the words' hashes (with the level's): the key of the whole set,
        # and, from five words on, of every set with one word left out, which finds names
        # that differ by one word (below five words one word apart is already under the
        # threshold). Each key costs one subtraction; a candidate found through a key is
        # then compared word by word, so only the pairs compared depend on the keys.
        hashes = list(map(hash, words))
        whole = sum(hashes, level_hash[level])
        keys = [whole]
        if len(words) >= 5:
            keys += [whole - h for h in hashes]
        # One look-up per key serves both the match (the earlier node of another OPD whose
        # words overlap most, Jaccard at least SIMILARITY) and the index: a key keeps its
        # first entry and the first entry of another OPD than that one.
        me = len(entry_id)
        entry_id.append(node_id)
        entry_opd.append(opd)
        entry_words.append(text)
        match = -1
        best = 0.0
        mine: set[str] | None = None
        for key in keys:
            first = first_at.get(key)
            if first is None:
                first_at[key] = me
                continue
            other = other_at.get(key)
            if best < 1.0:
                for candidate in (first, other):
                    if candidate is None or entry_opd[candidate] == opd:
                        continue
                    theirs = entry_words[candidate]
                    if theirs == text:
                        jaccard = 1.0
                    else:
                        if mine is None:
                            mine = set(words)
                        split = theirs.split()
                        jaccard = len(mine.intersection(split)) / len(mine.union(split))
                    if jaccard >= SIMILARITY and jaccard > best:
                        match, best = candidate, jaccard
            if other is None and entry_opd[first] != opd:
                other_at[key] = me
        if match >= 0:
            found.append(
                Duplicate(
                    entry_id[match],
                    node_id,
                    entry_opd[match],
                    opd,
                    level,
                    "name",
                    round(max(best, _ratio(entry_words[match], text)), 2),
                )
            )
    return found


def _under_support(graph: PlanGraph, kodes: Sequence[str | None] | None = None) -> set[str]:
    """The nodes of a support program (``U.BB.01``) or below one: the same in every OPD by
    design, so never duplicates."""
    kode_of = kodes if kodes is not None else [n.kode for n in graph.plan.nodes]
    stack = [node_id for node_id, i in graph.index.items() if _is_support_program(kode_of[i])]
    support = set(stack)
    children = graph.children
    while stack:
        for child in children(stack.pop()):
            if child not in support:
                support.add(child)
                stack.append(child)
    return support


def _ratio(first: str, second: str) -> float:
    """How alike two names' significant words (joined by spaces) read, letter by letter,
    from 0 to 1: the normalised Indel similarity of rapidfuzz, imported when a pair of
    names needs it."""
    from rapidfuzz.fuzz import ratio

    return float(ratio(first, second)) / 100
