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
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pohon.analysis.matrix import Cell, Gap, Header, Matrix, pagu_by_group, records_frame
from pohon.graph import PlanGraph
from pohon.model import Plan

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
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return tuple(w for w in _WORD.findall(text) if w not in COMMON_WORDS)


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
class CrosscuttingResult:
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
        """Pemda sasaran × OPDs, cells with contributing nodes and pagu; and the gaps."""
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
            gaps=tuple(self.gaps()),
        )

    def gaps(self) -> list[Gap]:
        out: list[Gap] = []
        for s in self.orphan_sasaran:
            out.append(
                Gap(
                    "sasaran-without-opd",
                    s,
                    f"Sasaran {s} tidak didukung OPD mana pun",
                    f"Objective {s} is served by no OPD",
                    nodes=(s,),
                )
            )
        for g in self.declaration_gaps:
            said = {
                "absent": (
                    f"{g.party} dinyatakan crosscutting di {g.node} tetapi tidak punya node di "
                    "bawahnya",
                    f"{g.party} is declared crosscutting on {g.node} but owns no node below it",
                ),
                "usulan": (
                    f"Crosscutting {g.party} di {g.node} masih usulan",
                    f"Crosscutting {g.party} on {g.node} is still proposed",
                ),
                "ditolak": (
                    f"Crosscutting {g.party} di {g.node} ditolak",
                    f"Crosscutting {g.party} on {g.node} was rejected",
                ),
            }[g.problem]
            out.append(
                Gap(
                    f"crosscutting-{g.problem}",
                    g.node,
                    said[0],
                    said[1],
                    nodes=(g.node,),
                    extra={"party": g.party, "status": g.status, "external": g.external},
                )
            )
        for o in self.idle_opds:
            out.append(
                Gap(
                    "opd-without-sasaran",
                    o,
                    f"OPD {o} tidak mendukung sasaran Pemda mana pun",
                    f"OPD {o} serves no Pemda objective",
                    extra={"opd": o},
                )
            )
        for d in self.duplicates:
            out.append(
                Gap(
                    f"duplicate-{d.kind}",
                    d.second,
                    f"{d.second} ({d.second_opd}) mirip {d.first} ({d.first_opd}), "
                    f"kemiripan {d.similarity:.2f}",
                    f"{d.second} ({d.second_opd}) looks like {d.first} ({d.first_opd}), "
                    f"similarity {d.similarity:.2f}",
                    nodes=(d.first, d.second),
                    extra={"similarity": d.similarity, "kode": d.kode},
                )
            )
        for lone in self.lone_outcomes:
            out.append(
                Gap(
                    "lone-outcome",
                    lone.node,
                    f"{lone.node} hanya dilayani {lone.opd}, padahal crosscutting-nya menyebut "
                    + ", ".join(lone.declared),
                    f"{lone.node} is served by {lone.opd} alone, though its crosscutting names "
                    + ", ".join(lone.declared),
                    nodes=(lone.node,),
                )
            )
        return out

    def _repr_html_(self) -> str:
        return self.matrix()._repr_html_()


def _is_support_program(kode: str | None) -> bool:
    """``U.BB.01...``: the support program every OPD has (never a duplicate)."""
    if not kode:
        return False
    parts = kode.strip().split(".")
    return len(parts) >= 3 and parts[2] == "01"


def crosscutting(plan: Plan) -> CrosscuttingResult:
    """Who serves each Pemda sasaran, keroyokan, and the crosscutting gaps; see the module.

    >>> import pohon
    >>> result = pohon.crosscutting(pohon.example("mojokerto"))
    >>> len(result.sasaran) > 0
    True
    """
    cached = plan._cache.get("crosscutting")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    graph = PlanGraph.of(plan)
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
    present = {nodes[i].level for i in index.values()}
    meeting = {p for lv in scheme.levels if lv.owner == "opd" for p in lv.parents}
    pemda_levels = [
        lv.id
        for lv in scheme.levels
        if lv.owner == "pemda" and lv.id in present and lv.id in meeting
    ]
    sasaran_level = pemda_levels[-1] if pemda_levels else None
    sasaran = [n for n, i in index.items() if nodes[i].level == sasaran_level and n not in apart]
    opd_node = {
        node_id
        for node_id, i in index.items()
        if nodes[i].opd is not None and owners.get(nodes[i].level) == "opd"
    }

    nearest = _nearest_sasaran(order, parents_of, set(sasaran))
    cells: dict[tuple[str, str], list[str]] = {}
    for node_id, i in index.items():
        if node_id in opd_node:
            opd = nodes[i].opd or ""
            for s in nearest.get(node_id, ()):
                cells.setdefault((s, opd), []).append(node_id)

    # Pagu per cell, each rupiah once, in one walk: a node's groups are its cells.
    groups: dict[str, frozenset[tuple[str, str]]] = {}
    pool: dict[frozenset[tuple[str, str]], frozenset[tuple[str, str]]] = {}
    for node_id in opd_node:
        near = nearest.get(node_id)
        if near:
            opd = nodes[index[node_id]].opd or ""
            mine = frozenset((s, opd) for s in near)
            groups[node_id] = pool.setdefault(mine, mine)
    budget = {node_id: nodes[i].pagu for node_id, i in index.items() if nodes[i].pagu}
    pagu = pagu_by_group(order, parents_of, groups, budget)

    opd_ids = [o.id for o in plan.opds]
    seen_opds = set(opd_ids)
    for i in index.values():
        o = nodes[i].opd
        if o is not None and o not in seen_opds:
            seen_opds.add(o)
            opd_ids.append(o)
    position = {s: k for k, s in enumerate(sasaran)}
    opd_position = {o: k for k, o in enumerate(opd_ids)}
    contributions = tuple(
        Contribution(s, o, tuple(members), pagu.get((s, o), {}))
        for (s, o), members in sorted(
            cells.items(), key=lambda kv: (position[kv[0][0]], opd_position[kv[0][1]])
        )
    )
    served = _served(order, parents_of, opd_node)
    orphan = tuple(s for s in sasaran if s not in served)
    serving = {o for _, o in cells}
    idle = tuple(o for o in opd_ids if o not in serving) if sasaran else ()

    declared_at = [
        node_id for node_id, i in index.items() if nodes[i].crosscutting and node_id not in apart
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

    duplicates = _duplicates(plan, graph, owners)

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
    )
    plan._cache["crosscutting"] = result
    return result


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


def _duplicates(plan: Plan, graph: PlanGraph, owners: Mapping[str, str]) -> list[Duplicate]:
    """Likely duplicates across OPDs at levels with a kode pattern (program and below):
    the same kode outside the support program, or near-identical names.

    Names are compared through keys (all significant words, and every set with one word
    left out), so each node is compared with a few candidates, never with all nodes.
    """
    nodes = plan.nodes
    index = graph.index
    scheme = plan.scheme
    levels = {lv.id for lv in scheme.levels if lv.owner == "opd" and (lv.kode or lv.pagu)}
    # Nodes under a support program are the same everywhere by design.
    parents_of = graph.parents_of
    support: set[str] = set()
    for node_id in graph.topological():
        if _is_support_program(nodes[index[node_id]].kode) or any(
            p in support for p in parents_of[node_id]
        ):
            support.add(node_id)

    # Keys are plain strings and word lists are tuples: neither is tracked by the garbage
    # collector, which matters when a Provinsi plan puts 30,000 sub kegiatan through here.
    words_of: dict[str, tuple[str, ...]] = {}
    words_of_name: dict[str, tuple[str, ...]] = {}
    found: list[Duplicate] = []
    first_by_kode: dict[str, str] = {}
    first_by_key: dict[str, str] = {}
    other_by_key: dict[str, str] = {}  # the first node of another OPD than the first's
    for node_id, i in index.items():
        node = nodes[i]
        if node.level not in levels or node.opd is None or node_id in support:
            continue
        kode = node.kode.strip() if node.kode else ""
        if kode:
            kode_key = node.level + "\x1f" + kode
            first = first_by_kode.get(kode_key)
            if first is None:
                first_by_kode[kode_key] = node_id
            elif nodes[index[first]].opd != node.opd:
                found.append(
                    Duplicate(
                        first,
                        node_id,
                        nodes[index[first]].opd or "",
                        node.opd,
                        node.level,
                        "kode",
                        1.0,
                        kode,
                    )
                )
                continue
        words = words_of_name.get(node.name)
        if words is None:
            words = words_of_name[node.name] = tuple(sorted(set(normalise_name(node.name))))
        words_of[node_id] = words
        if len(words) < 2:
            continue
        prefix = node.level + "\x1f"
        keys = [prefix + " ".join(words)]
        # Leave-one-out keys find names that differ by one word; below five words one word
        # apart is already under the similarity threshold, so only the whole set is a key.
        if len(words) >= 5:
            keys += [prefix + " ".join(words[:k] + words[k + 1 :]) for k in range(len(words))]
        match = _best_match(keys, words, node.opd, first_by_key, other_by_key, words_of, graph)
        if match is not None:
            other = match[0]
            found.append(
                Duplicate(
                    other,
                    node_id,
                    nodes[index[other]].opd or "",
                    node.opd,
                    node.level,
                    "name",
                    round(max(match[1], _ratio(words_of[other], words)), 2),
                )
            )
        for key in keys:
            first = first_by_key.setdefault(key, node_id)
            if first != node_id and key not in other_by_key and nodes[index[first]].opd != node.opd:
                other_by_key[key] = node_id
    return found


def _best_match(
    keys: list[str],
    words: tuple[str, ...],
    opd: str,
    first_by_key: Mapping[str, str],
    other_by_key: Mapping[str, str],
    words_of: Mapping[str, tuple[str, ...]],
    graph: PlanGraph,
) -> tuple[str, float] | None:
    """The earlier node of another OPD sharing a key whose words overlap most (Jaccard at
    least :data:`SIMILARITY`), with that overlap; ``None`` when there is none."""
    nodes = graph.plan.nodes
    index = graph.index
    match: tuple[str, float] | None = None
    mine: set[str] | None = None
    for key in keys:
        for other in (first_by_key.get(key), other_by_key.get(key)):
            if other is None or nodes[index[other]].opd == opd:
                continue
            if mine is None:
                mine = set(words)
            theirs = set(words_of[other])
            jaccard = len(mine & theirs) / len(mine | theirs)
            if jaccard >= SIMILARITY and (match is None or jaccard > match[1]):
                match = (other, jaccard)
        if match is not None and match[1] == 1.0:
            break
    return match


def _ratio(first: tuple[str, ...], second: tuple[str, ...]) -> float:
    """How alike the two names' significant words read, letter by letter (0 to 1): the
    normalised Indel similarity of rapidfuzz, imported when a name pair needs it."""
    from rapidfuzz.fuzz import ratio

    return float(ratio(" ".join(first), " ".join(second))) / 100
