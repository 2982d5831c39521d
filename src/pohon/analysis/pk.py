"""Perjanjian Kinerja (PK): the yearly agreement of an OPD head with the head of the region,
and the head of the region's own, as data.

The form follows PermenPAN-RB 53/2014: the agreement text, the signature block of both
parties (names and NIP left blank to fill, never invented), and an appendix with the
sasaran strategis, their indicators and targets for the year, then the programs with their
anggaran. For an OPD the sasaran are its nodes at the OPD's lowest level above the budget
levels (``sasaran_opd`` in the Kota scheme) and the programs its nodes at the highest
budget level; for the Pemda (no OPD) the sasaran are the lowest Pemda level's nodes (the
RPJMD sasaran with their IKU), with the total anggaran of the year.

A target is the one recorded for the PK (``pk_targets``) where there is one, else the
Renstra's target for the year; where the two differ the row says so (and PK606 reports it).

>>> import pohon
>>> pk = perjanjian_kinerja(pohon.example("mojokerto"), opd="dinkes", year=2025)
>>> pk.pihak_pertama, pk.pihak_kedua
('Kepala Dinas Kesehatan', 'Wali Kota Mojokerto')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pohon.analysis.capaian import check_opd, check_period_year
from pohon.analysis.matrix import budget_of, pagu_once, records_frame
from pohon.analysis.measure import as_decimal
from pohon.findings import ShowsItself, UsageError
from pohon.graph import PlanGraph
from pohon.model import Plan


@dataclass(frozen=True)
class PKTarget:
    """One row of the appendix: an indicator of a sasaran with its target for the year."""

    node: str
    indicator: str
    name: str
    satuan: str | None
    target: Any
    renstra: Any
    """The Renstra's target for the year (the same as ``target`` unless the PK differs)."""
    iku: bool = False

    @property
    def differs(self) -> bool:
        return bool(self.target != self.renstra)

    def to_dict(self) -> dict[str, Any]:
        return {
            "node": self.node,
            "indicator": self.indicator,
            "name": self.name,
            "satuan": self.satuan,
            "target": list(self.target) if isinstance(self.target, tuple) else self.target,
            "renstra": list(self.renstra) if isinstance(self.renstra, tuple) else self.renstra,
            "iku": self.iku,
            "differs": self.differs,
        }


@dataclass(frozen=True)
class PKSasaran:
    node: str
    kode: str | None
    name: str
    targets: tuple[PKTarget, ...]


@dataclass(frozen=True)
class PKProgram:
    node: str
    kode: str | None
    name: str
    anggaran: Decimal | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "node": self.node,
            "kode": self.kode,
            "name": self.name,
            "anggaran": _money(self.anggaran),
        }


@dataclass(frozen=True)
class PerjanjianKinerja(ShowsItself):
    """The Perjanjian Kinerja of one OPD (or of the Pemda) for one year."""

    plan_id: str
    pemda: str
    year: int
    opd: str | None
    opd_name: str | None
    pihak_pertama: str
    """The position of the party who promises (``Kepala Dinas Kesehatan``)."""
    pihak_kedua: str
    """The position of the party who receives (``Wali Kota Mojokerto``)."""
    place: str
    sasaran: tuple[PKSasaran, ...]
    programs: tuple[PKProgram, ...]
    total: Decimal | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "plan": self.plan_id,
            "pemda": self.pemda,
            "year": self.year,
            "opd": self.opd,
            "opd_name": self.opd_name,
            "pihak_pertama": self.pihak_pertama,
            "pihak_kedua": self.pihak_kedua,
            "sasaran": [
                {
                    "node": s.node,
                    "kode": s.kode,
                    "name": s.name,
                    "targets": [t.to_dict() for t in s.targets],
                }
                for s in self.sasaran
            ],
            "programs": [p.to_dict() for p in self.programs],
            "total": _money(self.total),
        }

    def to_records(self, table: str = "sasaran") -> list[dict[str, Any]]:
        """Rows of ``sasaran`` (one per indicator) or ``program``."""
        if table == "sasaran":
            return [
                {"sasaran": s.node, "sasaran_name": s.name, **t.to_dict()}
                for s in self.sasaran
                for t in s.targets
            ]
        if table == "program":
            return [p.to_dict() for p in self.programs]
        raise UsageError(
            f"tabel PK {table!r} tidak ada; yang ada: sasaran, program",
            f"no PK table {table!r}; there are: sasaran, program",
        )

    def to_frame(self, table: str = "sasaran") -> Any:
        return records_frame(self.to_records(table))

    def __repr__(self) -> str:
        who = self.opd_name or self.pemda
        rows = sum(len(s.targets) for s in self.sasaran)
        return (
            f"<PerjanjianKinerja {self.year} {who}: {len(self.sasaran)} sasaran, {rows} "
            f"indikator, {len(self.programs)} program>"
        )


def _money(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    whole = value.to_integral_value()
    return int(whole) if whole == value else float(value)


def head_of(pemda: str) -> tuple[str, str]:
    """The head of a region and the place it signs in: ``Kota Mojokerto`` → (``Wali Kota
    Mojokerto``, ``Mojokerto``); ``Kabupaten Sleman`` → (``Bupati Sleman``, ``Sleman``);
    ``Provinsi Jawa Timur`` → (``Gubernur Jawa Timur``, ``Jawa Timur``)."""
    words = pemda.split()
    first = words[0].casefold() if words else ""
    rest = " ".join(words[1:]) or pemda
    if first == "kota":
        return f"Wali Kota {rest}", rest
    if first in ("kabupaten", "kab.", "kab"):
        return f"Bupati {rest}", rest
    if first == "provinsi":
        return f"Gubernur {rest}", rest
    return f"Kepala Daerah {pemda}".strip(), pemda


def perjanjian_kinerja(plan: Plan, *, year: int, opd: str | None = None) -> PerjanjianKinerja:
    """The PK of ``opd`` (or of the Pemda when ``opd`` is ``None``) for ``year``."""
    check_period_year(plan, year)
    if opd is not None:
        check_opd(plan, opd)
    opds = {o.id: o for o in plan.opds}
    scheme = plan.scheme
    levels = scheme.levels
    graph = PlanGraph(plan)
    index = graph.index
    nodes = plan.nodes
    pemda = plan.info.pemda or plan.info.name
    head, place = head_of(pemda)
    budget_levels = [lv.id for lv in levels if lv.pagu]
    if opd is not None:
        above = [lv.id for lv in levels if lv.owner == "opd" and not lv.pagu]
        sasaran_level = above[-1] if above else None
        program_level = budget_levels[0] if budget_levels else None
        entry = opds.get(opd)
        opd_name = entry.name if entry is not None else opd
        pertama = f"Kepala {opd_name}"
    else:
        pemda_levels = [lv.id for lv in levels if lv.owner == "pemda"]
        sasaran_level = pemda_levels[-1] if pemda_levels else None
        program_level = None
        opd_name = None
        pertama = head
    mine = [
        nodes[at]
        for _, at in index.items()
        if (opd is None and nodes[at].opd is None) or (opd is not None and nodes[at].opd == opd)
    ]
    sasaran: list[PKSasaran] = []
    for node in mine:
        if node.level != sasaran_level:
            continue
        targets = []
        for ind in node.indicators:
            renstra = ind.targets.get(year)
            target = ind.pk_targets.get(year, renstra)
            if target is None:
                continue
            targets.append(
                PKTarget(node.id, ind.id, ind.name, ind.satuan, target, renstra, ind.iku)
            )
        sasaran.append(PKSasaran(node.id, node.kode, node.name, tuple(targets)))
    programs: list[PKProgram] = []
    pagu_of = budget_of(plan, index)
    rank = {n: k for k, n in enumerate(graph.topological())}
    if program_level is not None:
        for node in mine:
            if node.level != program_level:
                continue
            below = [node.id, *graph.descendants(node.id)]
            amount = pagu_once(below, rank, graph.parents_of, pagu_of).get(year)
            programs.append(
                PKProgram(
                    node.id, node.kode, node.name, None if amount is None else as_decimal(amount)
                )
            )
        amounts = [p.anggaran for p in programs if p.anggaran is not None]
        total = sum(amounts, Decimal(0)) if amounts else None
    else:
        whole = pagu_once(list(index), rank, graph.parents_of, pagu_of).get(year)
        total = None if whole is None else as_decimal(whole)
    return PerjanjianKinerja(
        plan_id=plan.info.id,
        pemda=pemda,
        year=year,
        opd=opd,
        opd_name=opd_name,
        pihak_pertama=pertama,
        pihak_kedua=head,
        place=place,
        sasaran=tuple(sasaran),
        programs=tuple(_sorted(programs)),
        total=total,
    )


def _sorted(programs: Sequence[PKProgram]) -> list[PKProgram]:
    return sorted(programs, key=lambda p: (p.kode is None, p.kode or "", p.node))
