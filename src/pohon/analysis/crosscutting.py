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
from difflib import SequenceMatcher
from typing import Any, Literal

from pohon.analysis.matrix import Cell, Header, Matrix, pagu_once, records_frame
from pohon.findings import ShowsItself
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
    parents_of = graph._kahn[2]
    order = graph.topological()
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
    sasaran = [n for n, i in index.items() if nodes[i].level == sasaran_level]

    # Down: the sasaran above each node.
    empty: frozenset[str] = frozenset()
    above: dict[str, frozenset[str]] = {}
    for node_id in order:
        found: frozenset[str] = empty
        for parent in parents_of[node_id]:
            up = above.get(parent, empty)
            found = up if not found else found | up
        if nodes[index[node_id]].level == sasaran_level:
            found = found | {node_id}
        above[node_id] = found

    cells: dict[tuple[str, str], list[str]] = {}
    for node_id, i in index.items():
        node = nodes[i]
        if node.opd is None or owners.get(node.level) != "opd":
            continue
        for s in above[node_id]:
            cells.setdefault((s, node.opd), []).append(node_id)

    rank = {node_id: k for k, node_id in enumerate(order)}
    budget = {node_id: nodes[i].pagu for node_id, i in index.items() if nodes[i].pagu}

    def pagu_of(members: list[str]) -> dict[int, int | float]:
        return pagu_once(members, rank, parents_of, budget)

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
        Contribution(s, o, tuple(members), pagu_of(members))
        for (s, o), members in sorted(
            cells.items(), key=lambda kv: (position[kv[0][0]], opd_position[kv[0][1]])
        )
    )
    served = {s for s, _ in cells}
    orphan = tuple(s for s in sasaran if s not in served)
    serving = {o for _, o in cells}
    idle = tuple(o for o in opd_ids if o not in serving) if sasaran else ()

    # Up: the OPDs that own a node below each node.
    below: dict[str, frozenset[str]] = {}
    for node_id in reversed(order):
        found = below.get(node_id, empty)
        node = nodes[index[node_id]]
        mine = found | {node.opd} if node.opd is not None else found
        for parent in parents_of[node_id]:
            up = below.get(parent, empty)
            below[parent] = mine if not up else up | mine
        below.setdefault(node_id, found)

    gaps: list[DeclarationGap] = []
    keroyokan: list[Keroyokan] = []
    lone: list[LoneOutcome] = []
    for node_id, i in index.items():
        node = nodes[i]
        if not node.crosscutting:
            continue
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
    )
    return result


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
    support: set[str] = set()
    for node_id in graph.topological():
        node = nodes[index[node_id]]
        if _is_support_program(node.kode) or any(p in support for p in graph._kahn[2][node_id]):
            support.add(node_id)

    # Keys are plain strings and word lists are tuples: neither is tracked by the garbage
    # collector, which matters when a Provinsi plan puts 30,000 sub kegiatan through here.
    words_of: dict[str, tuple[str, ...]] = {}
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
        words = tuple(sorted(set(normalise_name(node.name))))
        words_of[node_id] = words
        if len(words) < 2:
            continue
        prefix = node.level + "\x1f"
        keys = [prefix + " ".join(words)]
        # Leave-one-out keys find names that differ by one word; below five words one word
        # apart is already under the similarity threshold, so only the whole set is a key.
        if len(words) >= 5:
            keys += [prefix + " ".join(words[:k] + words[k + 1 :]) for k in range(len(words))]
        match: tuple[str, float] | None = None
        mine = set(words)
        for key in keys:
            for other in (first_by_key.get(key), other_by_key.get(key)):
                if other is None or nodes[index[other]].opd == node.opd:
                    continue
                theirs = set(words_of[other])
                jaccard = len(mine & theirs) / len(mine | theirs)
                if jaccard >= SIMILARITY and (match is None or jaccard > match[1]):
                    match = (other, jaccard)
            if match is not None and match[1] == 1.0:
                break
        if match is not None:
            other = match[0]
            ratio = SequenceMatcher(None, " ".join(words_of[other]), " ".join(words)).ratio()
            found.append(
                Duplicate(
                    other,
                    node_id,
                    nodes[index[other]].opd or "",
                    node.opd,
                    node.level,
                    "name",
                    round(max(match[1], ratio), 2),
                )
            )
        for key in keys:
            first = first_by_key.setdefault(key, node_id)
            if first != node_id and key not in other_by_key and nodes[index[first]].opd != node.opd:
                other_by_key[key] = node_id
    return found
