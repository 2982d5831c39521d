"""Pagu and kode rules (PK5xx): budget per year and the nomenclature kode.

Which levels carry pagu, and the shape of the kode at each level, come from the plan's
level scheme (:attr:`pohon.model.LevelSpec.pagu`, ``kode`` and ``kode_example``), so these
rules work for any scheme. Kode follow Kepmendagri 050-5889/2021: ``U.BB.PP.K.AA.SSSS``
for program / kegiatan / sub kegiatan, and ``U.BB.U.BB.U.BB.NN.NNNN`` for an OPD's unit.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from pohon.findings import years_text
from pohon.model import OPD, Node
from pohon.model.kode import KodePattern
from pohon.rules.engine import Context, Finding, rule, setting

DEFAULT_PAGU_TOLERANCE = 1
"""Rupiah by which a parent's pagu may differ from the sum of its children's (PK502)."""
DEFAULT_PAGU_GAP_ERROR = 1_000_000_000
"""A PK502 gap of at least this many rupiah in some year is an error (Rp 1 miliar)."""
DEFAULT_PAGU_GAP_ERROR_PERCENT = 5
"""A PK502 gap of at least this share of the parent's pagu in some year is an error."""

_OPD_KODE = re.compile(
    r"(\d\.\d{2})\.(\d\.\d{2})\.(\d\.\d{2})\.(\d{2})\.(\d{4})",
    re.ASCII,
)
_BIDANG = re.compile(r"(\d\.\d{2})(?:\.|$)", re.ASCII)
_EMPTY_BIDANG = "0.00"
_WHITESPACE = re.compile(r"\s")
"""Any whitespace character: ``\\s`` matches exactly the characters of ``str.isspace``."""
_SUPPORT_PROGRAM = "01"
"""PP = 01: the support program every OPD has (Program Penunjang Urusan Pemerintahan Daerah)."""


# -- helpers ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UnitKode:
    """An OPD's unit kode, ``U.BB.U.BB.U.BB.NN.NNNN``, taken apart.

    >>> parse_unit_kode("2.17.3.30.0.00.01.0000")
    UnitKode(bidang=('2.17', '3.30'), unit='01', sub_unit='0000')
    """

    bidang: tuple[str, ...]
    """The bidang urusan (``U.BB``) the OPD handles, in slot order; empty slots left out."""
    unit: str
    sub_unit: str


def parse_unit_kode(kode: str | None) -> UnitKode | None:
    """Parse an OPD unit kode such as ``1.02.0.00.0.00.01.0000``; ``None`` if it has another
    shape. Surrounding spaces are tolerated here (rule PK509 reports them); ``0.00`` bidang
    slots are empty.

    >>> parse_unit_kode("1.02.0.00.0.00.01.0000").bidang
    ('1.02',)
    >>> parse_unit_kode("1.02.01") is None
    True
    """
    if kode is None:
        return None
    match = _OPD_KODE.fullmatch(kode.strip())
    if match is None:
        return None
    slots = match.group(1, 2, 3)
    bidang = tuple(dict.fromkeys(s for s in slots if s != _EMPTY_BIDANG))
    return UnitKode(bidang=bidang, unit=match.group(4), sub_unit=match.group(5))


def _blank(kode: str | None) -> bool:
    return kode is None or not kode.strip()


def _kode_patterns(ctx: Context) -> dict[str, KodePattern]:
    """Compiled kode pattern of each level that has one (ASCII digits only; linear time)."""
    return {
        level.id: pattern
        for level in ctx.scheme.levels
        if (pattern := level.kode_pattern()) is not None
    }


def _pagu_levels(ctx: Context) -> set[str]:
    return {level.id for level in ctx.scheme.levels if level.pagu}


def _join(items: list[str], conjunction: str) -> str:
    """``["A", "B", "C"]`` → ``A, B dan C``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def _rupiah(value: float) -> int | float:
    """A pagu as data: an int when it is whole (``12500000000.0`` → ``12500000000``)."""
    if isinstance(value, int):
        return value
    if float(value).is_integer():
        return int(value)
    return round(value, 2)


@setting(
    "pagu_tolerance",
    "Selisih rupiah yang masih dianggap sama saat membandingkan pagu induk dengan jumlah "
    "pagu anaknya / the rupiah difference still taken as equal when comparing pagu.",
)
def _tolerance(settings: Mapping[str, Any]) -> float:
    value = settings.get("pagu_tolerance", DEFAULT_PAGU_TOLERANCE)
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value < 0
    ):
        raise ValueError(
            f"pagu_tolerance harus bilangan rupiah >= 0 yang terhingga, bukan {value!r} "
            f"(pagu_tolerance must be a finite number of rupiah >= 0)"
        )
    return float(value)


def _non_negative(settings: Mapping[str, Any], name: str, default: float) -> float:
    value = settings.get(name, default)
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value < 0
    ):
        raise ValueError(
            f"{name} harus bilangan >= 0 yang terhingga, bukan {value!r} "
            f"({name} must be a finite number >= 0)"
        )
    return float(value)


@setting(
    "pagu_gap_error",
    "Selisih pagu (PK502) dalam rupiah yang menjadikannya error, bukan warning; bawaan "
    "Rp 1.000.000.000 / the PK502 gap in rupiah from which it is an error, not a warning.",
)
def _gap_error(settings: Mapping[str, Any]) -> float:
    return _non_negative(settings, "pagu_gap_error", DEFAULT_PAGU_GAP_ERROR)


@setting(
    "pagu_gap_error_percent",
    "Selisih pagu (PK502) dalam persen pagu induk yang menjadikannya error; bawaan 5 / the "
    "PK502 gap, in percent of the parent's pagu, from which it is an error.",
)
def _gap_error_percent(settings: Mapping[str, Any]) -> float:
    return _non_negative(settings, "pagu_gap_error_percent", DEFAULT_PAGU_GAP_ERROR_PERCENT)


# -- pagu ---------------------------------------------------------------------------------


@rule(
    "PK501",
    "missing-pagu",
    family="pagu",
    severity="warning",
    title="Pagu kosong",
    title_en="Missing pagu",
    message={
        "years": (
            "{node} milik {opd} tidak punya pagu {years_text}",
            "{node} of {opd} has no pagu for {years_text}",
        ),
        "years_no_opd": (
            "{node} tidak punya pagu {years_text}",
            "{node} has no pagu for {years_text}",
        ),
        "none": (
            "{node} milik {opd} belum punya pagu sama sekali (periode {years_text})",
            "{node} of {opd} has no pagu at all (period {years_text})",
        ),
        "none_no_opd": (
            "{node} belum punya pagu sama sekali (periode {years_text})",
            "{node} has no pagu at all (period {years_text})",
        ),
    },
    hint="Isi pagu indikatif {level} untuk setiap tahun rencana ({years_text}), dalam rupiah; "
    "tulis 0 bila memang tidak dianggarkan pada tahun itu.",
    hint_en="Give the indicative pagu of the {level} for every plan year ({years_text}), in "
    "rupiah; write 0 where it is deliberately not funded that year.",
)
def missing_pagu(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Node di level yang membawa pagu (menurut skema: program, kegiatan dan sub kegiatan)
    tanpa pagu sama sekali, atau tanpa pagu untuk sebagian tahun periode rencana. Satu
    temuan per node, dengan daftar tahunnya.

    Mengapa:
    Renstra PD memuat pagu indikatif setiap program, kegiatan dan sub kegiatan untuk setiap
    tahun. Tanpa pagu, evaluator tidak bisa menilai apakah anggaran mengikuti kinerja
    (*money follows program*), dan pagu induk tidak bisa dicocokkan dengan jumlah anaknya.

    Contoh:
    Program ``1.02.02`` (Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan
    Masyarakat) milik ``dinkes`` dengan ``pagu: {2025: 12500000000, 2026: 13000000000}``
    dalam RPJMD 2025-2029: pagu 2027-2029 kosong.

    Perbaikan:
    Isi ``pagu`` untuk setiap tahun periode, misalnya
    ``pagu: {2025: 12500000000, 2026: 13000000000, 2027: 13500000000, ...}``; tulis ``0``
    untuk tahun yang memang tidak dianggarkan, supaya terbaca sebagai keputusan, bukan lupa.
    """
    period = list(ctx.years)
    every_year = frozenset(period)
    pagu_years = ctx.columns.pagu_years
    for i in ctx.positions_at(_pagu_levels(ctx)):
        if every_year <= pagu_years[i]:
            continue  # a pagu for every year
        node = ctx.plan.nodes[i]
        missing = [year for year in period if year not in node.pagu]
        variant = "none" if not node.pagu else "years"
        if node.opd is None:
            variant += "_no_opd"
        yield Finding(
            node.id,
            {
                "level": node.level,
                "opd": node.opd,
                "years": tuple(missing),
                "years_text": years_text(missing),
            },
            field="pagu",
            variant=variant,
            node_index=i,
        )


def _shares(ctx: Context, node: Node, pagu_levels: set[str]) -> dict[str, float] | None:
    """The part of ``node``'s pagu that goes to each of its parents at a pagu level.

    One parent takes all of it. With several parents each link must carry a weight (a
    fraction, or percent when a weight is above 1); otherwise ``None``: the split is unknown.
    """
    graph = ctx.graph
    links: dict[str, float | None] = {}
    for parent in node.parents:
        if (
            parent.id in graph.index
            and parent.id not in links
            and graph.node(parent.id).level in pagu_levels
        ):
            links[parent.id] = None if parent.weight is None else float(parent.weight)
    if len(links) <= 1:
        return dict.fromkeys(links, 1.0)
    weights = list(links.values())
    if any(w is None for w in weights):
        return None
    scale = 100.0 if any(w is not None and w > 1 for w in weights) else 1.0
    return {pid: (w or 0.0) / scale for pid, w in links.items()}


@rule(
    "PK502",
    "pagu-sum-mismatch",
    family="pagu",
    severity="warning",
    title="Pagu tidak sama dengan jumlah pagu anak",
    title_en="Pagu differs from the sum of its children",
    message={
        "default": (
            "Pagu {years_text} {node} Rp {pagu} tidak sama dengan jumlah pagu {children} "
            "anaknya Rp {sum} (selisih Rp {difference})",
            "The {years_text} pagu of {node}, Rp {pagu}, differs from the sum over its "
            "children ({children}), Rp {sum} (difference Rp {difference})",
        ),
        "same": (
            "Pagu {node} tidak sama dengan jumlah pagu {children} anaknya pada {years_text}: "
            "selisih Rp {difference} setiap tahun",
            "The pagu of {node} differs from the sum over its children ({children}) in "
            "{years_text}: Rp {difference} each year",
        ),
        "years": (
            "Pagu {node} tidak sama dengan jumlah pagu {children} anaknya pada {years_text}: "
            "selisih Rp {difference_low} sampai Rp {difference} (terbesar {largest_year})",
            "The pagu of {node} differs from the sum over its children ({children}) in "
            "{years_text}: by Rp {difference_low} to Rp {difference} (most in {largest_year})",
        ),
    },
    hint="Pagu induk adalah jumlah pagu anak-anaknya: samakan pagu {years_text} dengan jumlah "
    "itu, atau lengkapi anak yang belum tercantum.",
    hint_en="A parent's pagu is the sum of its children's pagu: make the {years_text} pagu "
    "equal that sum, or add the children that are missing.",
)
def pagu_sum_mismatch(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Pada suatu tahun, pagu sebuah node berbeda dari jumlah pagu anak-anaknya lebih dari
    toleransi (pengaturan ``pagu_tolerance``, bawaan 1 rupiah). Diperiksa hanya untuk node di
    level yang membawa pagu, dan hanya pada tahun ketika node itu dan *semua* anaknya di level
    berpagu punya pagu. Anak dengan beberapa induk berpagu menyumbang ``bobot × pagu`` bila
    setiap tautannya berbobot (bobot di atas 1 dibaca sebagai persen); bila ada tautan tanpa
    bobot, bagian anak itu untuk induk ini tidak diketahui, dan induk itu tidak diperiksa
    (jumlah tanpa anak itu bukan jumlah anak-anaknya). Satu temuan per node per tahun.

    Mengapa:
    Pagu program adalah jumlah pagu kegiatannya, dan pagu kegiatan jumlah pagu sub
    kegiatannya. Selisih berarti ada anggaran yang tidak jelas dipakai untuk kegiatan apa,
    atau kegiatan yang dianggarkan di luar program; evaluator SAKIP dan TAPD memeriksa
    kesesuaian ini pada Renstra, Renja dan RKA.

    Satu selisih pada satu node adalah satu temuan, berapa pun tahunnya: pesan menyebut
    tahun-tahunnya ("2026-2030") dan rentang selisihnya, datanya (``per_year``) menyimpan pagu,
    jumlah dan selisih tiap tahun. Selisih kecil adalah *warning*; selisih yang besar menjadi
    *error*: pada suatu tahun sedikitnya Rp 1.000.000.000 (pengaturan ``pagu_gap_error``) atau
    sedikitnya 5% dari pagu induk (``pagu_gap_error_percent``), sebab anggaran sebesar itu
    yang tidak jelas peruntukannya bukan lagi salah ketik. Pengaturan bernilai 0 mematikan
    batas itu.

    Contoh:
    Kegiatan ``1.02.02.2.01`` (Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP)
    berpagu 2026 Rp 5.000.000.000, sedangkan sub kegiatannya ``1.02.02.2.01.0006``
    (Pengembangan Puskesmas) Rp 3.000.000.000 dan ``1.02.02.2.01.0014`` (Pengadaan Alat
    Kesehatan) Rp 1.500.000.000: selisih Rp 500.000.000.

    Perbaikan:
    Samakan pagu induk dengan jumlah anaknya, atau tambahkan sub kegiatan yang belum
    tercantum. Untuk anak yang mendukung beberapa induk, beri bobot pada setiap tautannya,
    misalnya ``parents: [{id: K1, weight: 0.6}, {id: K2, weight: 0.4}]``.
    """
    tolerance = _tolerance(ctx.settings)
    gap_error = _gap_error(ctx.settings)
    gap_error_share = _gap_error_percent(ctx.settings) / 100
    pagu_levels = _pagu_levels(ctx)
    cols = ctx.columns
    level = cols.level
    links = ctx.links
    # The children of each node at a pagu level, as the graph has them: the (first) node of
    # each id that links to it, each once, in file order.
    children_of: dict[int, dict[int, None]] = {}
    for i, parent in zip(links.child, links.parent, strict=True):
        if parent is not None and level[parent] in pagu_levels:
            children_of.setdefault(parent, {})[cols.first[i]] = None
    nodes = ctx.plan.nodes
    pagu, pagu_years, pagu_written = cols.pagu, cols.pagu_years, cols.pagu_written
    shares: dict[int, dict[str, float] | None] = {}
    in_order: dict[tuple[int, ...], bool] = {}  # per way of writing the years
    # The nodes with children, in file order (links reach the first node of an id).
    for i in sorted(children_of):
        if not pagu_years[i]:
            continue
        node = nodes[i]
        children: list[tuple[int, float]] = []
        known = True
        for child in children_of[i]:
            if level[child] not in pagu_levels:
                continue
            if cols.parent_count[child] == 1:
                children.append((child, 1.0))  # its only parent takes all of its pagu
                continue
            if child not in shares:
                shares[child] = _shares(ctx, nodes[child], pagu_levels)
            split = shares[child]
            if split is None:
                known = False
                break
            children.append((child, split.get(node.id, 1.0)))
        if not known or not children:
            continue
        whole = all(share == 1.0 for _, share in children)
        written = pagu_written[i]
        if written not in in_order:
            in_order[written] = list(written) == sorted(written)
        yearly: Iterable[tuple[int, float, float]]
        if whole and in_order[written] and all(pagu_written[c] is written for c, _ in children):
            # Every child has a pagu for exactly the node's years, written in the same
            # order: the same sums, taken column by column instead of year by year.
            sums = list(map(sum, zip(*[pagu[c].values() for c, _ in children], strict=True)))
            values = list(node.pagu.values())
            if values == sums:
                continue  # every year adds up exactly
            yearly = zip(written, values, sums, strict=True)
        else:
            # The years when the node and every child have a pagu.
            years = pagu_years[i].intersection(*(pagu_years[c] for c, _ in children))
            pagus = [pagu[child] for child, _ in children]
            yearly = (
                (
                    year,
                    node.pagu[year],
                    sum(map(itemgetter(year), pagus))  # each child's pagu of that year
                    if whole
                    else math.fsum(share * pagu[child][year] for child, share in children),
                )
                for year in sorted(years)
            )
        gaps = [
            (year, value, total, value - total)
            for year, value, total in yearly
            if abs(value - total) > tolerance
        ]
        if gaps:
            yield _gap_finding(node, i, gaps, children, nodes, gap_error, gap_error_share)


def _gap_finding(
    node: Node,
    i: int,
    gaps: list[tuple[int, float, float, float]],
    children: list[tuple[int, float]],
    nodes: tuple[Node, ...],
    gap_error: float,
    gap_error_share: float,
) -> Finding:
    """One PK502 finding for every year a node's pagu differs from its children's sum."""
    years = tuple(year for year, _, _, _ in gaps)
    largest = max(gaps, key=lambda gap: (abs(gap[3]), -gap[0]))
    low = min(gaps, key=lambda gap: (abs(gap[3]), gap[0]))
    values: dict[str, Any] = {
        "level": node.level,
        "years": years,
        "years_text": years_text(years),
        "children": len(children),
        "difference": _rupiah(largest[3]),
        "difference_low": _rupiah(low[3]),
        "largest_year": largest[0],
        "per_year": {
            year: {"pagu": _rupiah(value), "sum": _rupiah(total), "difference": _rupiah(gap)}
            for year, value, total, gap in gaps
        },
    }
    if len(gaps) == 1:
        variant = "default"
        values["pagu"] = _rupiah(largest[1])
        values["sum"] = _rupiah(largest[2])
    elif len({gap for _, _, _, gap in gaps}) == 1:
        variant = "same"
    else:
        variant = "years"
    large = any(
        (gap_error and abs(gap) >= gap_error)
        or (gap_error_share and value and abs(gap) >= gap_error_share * abs(value))
        for _, value, _, gap in gaps
    )
    return Finding(
        node.id,
        values,
        field="pagu",
        related=tuple(nodes[child].id for child, _ in children),
        node_index=i,
        variant=variant,
        severity="error" if large else None,
    )


@rule(
    "PK503",
    "negative-pagu",
    family="pagu",
    severity="error",
    title="Pagu negatif",
    title_en="Negative pagu",
    message="Pagu {node} negatif pada {years_text} (terendah Rp {pagu})",
    message_en="The pagu of {node} is negative in {years_text} (lowest Rp {pagu})",
    hint="Pagu adalah batas anggaran, tidak mungkin di bawah nol; periksa tanda minus atau "
    "rumus di sel sumbernya.",
    hint_en="Pagu is a budget ceiling and cannot be below zero; check for a stray minus sign "
    "or a formula in the source cell.",
)
def negative_pagu(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Pagu sebuah node bernilai kurang dari nol pada suatu tahun. Satu temuan per node, yang
    menyebut setiap tahun negatifnya.

    Mengapa:
    Pagu adalah plafon anggaran; nilai negatif tidak punya arti dan merusak jumlah pagu
    program dan OPD. Biasanya berasal dari rumus selisih di Excel (``=D12-E12``) atau tanda
    minus yang terbawa saat menyalin.

    Contoh:
    Sub kegiatan ``1.02.02.2.01.0006`` (Pengembangan Puskesmas) dengan
    ``pagu: {2026: -250000000}``.

    Perbaikan:
    Tulis pagu yang benar (``2026: 250000000``), atau ``0`` bila tidak dianggarkan.
    """
    nodes = ctx.plan.nodes
    for i, low in enumerate(ctx.columns.pagu_low):
        if low is None or low >= 0:
            continue
        node = nodes[i]
        negative = {year: _rupiah(pagu) for year, pagu in sorted(node.pagu.items()) if pagu < 0}
        yield Finding(
            node.id,
            {
                "level": node.level,
                "years": tuple(negative),
                "years_text": years_text(negative),
                "per_year": negative,
                "pagu": min(negative.values()),
            },
            field="pagu",
            node_index=i,
        )


@rule(
    "PK508",
    "pagu-on-non-budget-level",
    family="pagu",
    severity="info",
    title="Pagu di level yang tidak dianggarkan",
    title_en="Pagu on a level without a budget",
    message="{node} diberi pagu ({years_text}), padahal pagu dianggarkan pada {budget_levels_text}",
    message_en="{node} carries pagu ({years_text}), yet pagu is budgeted on "
    "{budget_levels_text_en}",
    hint="Pindahkan pagu ke {budget_levels_text} di bawah {node}; pagu {level} dibaca dari "
    "jumlah anggaran di bawahnya.",
    hint_en="Move the pagu to the {budget_levels_text_en} below {node}; the budget of "
    "{node} is read from the sum below it.",
)
def pagu_on_non_budget_level(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Node diberi ``pagu`` di level yang menurut skema tidak membawa pagu (misalnya sasaran,
    tujuan PD atau sasaran PD pada skema Kota/Kabupaten).

    Mengapa:
    Anggaran daerah disusun per program, kegiatan dan sub kegiatan (Permendagri 90/2019).
    Pagu pada sasaran biasanya salinan jumlah program di bawahnya; bila ditulis terpisah,
    mudah berbeda dari jumlah sebenarnya dan tidak ikut diperiksa. Temuan ini informasi,
    bukan kesalahan.

    Contoh:
    Sasaran PD "Meningkatnya mutu layanan kesehatan dasar" dengan
    ``pagu: {2025: 20000000000}``.

    Perbaikan:
    Hapus ``pagu`` dari node itu dan pastikan program di bawahnya (misalnya ``1.02.02``)
    berpagu; jumlahnya dapat dihitung oleh analisis pagu.
    """
    budget = [level for level in ctx.scheme.levels if level.pagu]
    if not budget:
        return
    text_id = _join([level.name for level in budget], "dan")
    text_en = _join([level.name_en or level.name for level in budget], "and")
    pagu_levels = {level.id for level in budget}
    cols = ctx.columns
    for i, (level, years) in enumerate(zip(cols.level, cols.pagu_years, strict=True)):
        if years and level not in pagu_levels:
            node = ctx.plan.nodes[i]
            yield Finding(
                node.id,
                {
                    "level": node.level,
                    "years": tuple(sorted(node.pagu)),
                    "years_text": years_text(node.pagu),
                    "budget_levels": tuple(level.id for level in budget),
                    "budget_levels_text": text_id,
                    "budget_levels_text_en": text_en,
                },
                field="pagu",
                node_index=i,
            )


# -- kode of nodes ------------------------------------------------------------------------


@rule(
    "PK504",
    "kode-shape",
    family="pagu",
    severity="error",
    title="Bentuk kode salah",
    title_en="Malformed kode",
    message={
        "default": (
            'Kode "{kode}" pada {node} tidak berbentuk kode {level}',
            'The kode "{kode}" of {node} is not shaped like a {level} kode',
        ),
        "space": (
            'Kode "{kode}" pada {node} mengandung spasi',
            'The kode "{kode}" of {node} contains spaces',
        ),
    },
    hint="Kode {level} ditulis seperti {example} (Kepmendagri 050-5889/2021), tanpa spasi.",
    hint_en="{level} kodes are written like {example} (Kepmendagri 050-5889/2021), without spaces.",
)
def kode_shape(ctx: Context) -> Iterator[Finding]:
    """Apa:
    ``kode`` sebuah node tidak sepenuhnya cocok dengan bentuk kode levelnya menurut skema:
    ``U.BB.PP`` untuk program, ``U.BB.PP.K.AA`` untuk kegiatan, ``U.BB.PP.K.AA.SSSS`` untuk
    sub kegiatan (data lama: dua digit terakhir). Kode dengan spasi di awal, di akhir atau
    di tengah juga salah bentuk; kode tidak pernah diubah, hanya dilaporkan.

    Mengapa:
    Kode nomenklatur menghubungkan pohon kinerja dengan SIPD dan APBD. Kode yang salah
    bentuk tidak bisa dicocokkan dengan nomenklatur, dengan kode induknya, atau dengan OPD
    lain; spasi dari sel Excel membuat dua kode yang sama terbaca berbeda.

    Contoh:
    Sub kegiatan Pengembangan Puskesmas dengan ``kode: "1.02.02.2.1.0006"`` (AA satu
    digit), program dengan ``kode: "1.2.2"``, atau ``kode: "1.02.02.2.01.0006 "``.

    Perbaikan:
    Tulis kode persis seperti nomenklatur: ``1.02.02.2.01.0006``.
    """
    patterns = _kode_patterns(ctx)
    cols = ctx.columns
    kodes, kode_text, levels = cols.kode, cols.kode_text, cols.level
    for i in ctx.positions_at(patterns):
        if kode_text[i] is None:
            continue
        kode = kodes[i] or ""
        spaced = _WHITESPACE.search(kode) is not None
        if spaced or patterns[levels[i]].fullmatch(kode) is None:
            node = ctx.plan.nodes[i]
            spec = ctx.specs[node.level]
            yield Finding(
                node.id,
                {
                    "level": node.level,
                    "kode": kode,
                    "example": spec.kode_example or spec.kode,
                },
                field="kode",
                variant="space" if spaced else "default",
                node_index=i,
            )


@rule(
    "PK505",
    "kode-not-prefixed",
    family="pagu",
    severity="error",
    title="Kode tidak diawali kode induk",
    title_en="Kode not prefixed by its parent's",
    message="Kode {node} tidak diawali {parent_kode}, kode induknya ({parent})",
    message_en="The kode of {node} does not start with {parent_kode}, the kode "
    "of its parent ({parent})",
    hint="Kode {level} di bawah {parent_kode} berbentuk {parent_kode}.…; tautkan {node} ke "
    "{parent_level} yang kodenya mengawali {kode}, atau betulkan kodenya.",
    hint_en="Kodes below {parent_kode} start with {parent_kode}.…; link {node} to the "
    "{parent_level} whose kode starts {kode}, or correct the kode.",
)
def kode_not_prefixed(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Kode induk sebuah node (di level berkode) bukan awalan kode node itu diikuti titik.
    Spasi di tepi kode diabaikan di sini (aturan PK504 melaporkannya).

    Mengapa:
    Nomenklatur bersusun: kegiatan ``1.02.02.2.01`` adalah bagian dari program ``1.02.02``.
    Kegiatan yang kodenya tidak diawali kode programnya berarti tertaut ke program yang
    salah, atau salah kode; pagu dan capaiannya lalu terhitung ke program yang keliru.

    Contoh:
    Kegiatan ``1.02.03.2.01`` (dari program Peningkatan Kapasitas SDM Kesehatan) di bawah
    program ``1.02.02``; atau sub kegiatan ``1.02.02.2.01.0006`` (Pengembangan Puskesmas)
    di bawah kegiatan ``1.02.02.2.02``.

    Perbaikan:
    Tautkan node ke induk yang kodenya mengawali kodenya (program ``1.02.03``), atau
    betulkan kode node bila tautannya sudah benar.
    """
    patterns = _kode_patterns(ctx)
    cols = ctx.columns
    level, kode_text = cols.level, cols.kode_text
    links = ctx.links
    seen: set[tuple[int, str]] = set()  # (node, parent id): a parent written twice counts once
    for i, parent in zip(links.child, links.parent, strict=True):
        if parent is None or level[i] not in patterns:
            continue
        kode = kode_text[i]
        if kode is None:
            continue
        if cols.parent_count[i] > 1:
            if (i, cols.id[parent]) in seen:
                continue
            seen.add((i, cols.id[parent]))
        parent_kode = kode_text[parent]
        if level[parent] not in patterns or parent_kode is None:
            continue
        if not kode.startswith(parent_kode + "."):
            yield Finding(
                cols.id[i],
                {
                    "level": level[i],
                    "kode": kode,
                    "parent": cols.id[parent],
                    "parent_level": level[parent],
                    "parent_kode": parent_kode,
                },
                field="kode",
                related=(cols.id[parent],),
                node_index=i,
            )


@rule(
    "PK506",
    "missing-kode",
    family="pagu",
    severity="warning",
    title="Kode kosong",
    title_en="Missing kode",
    message="{node} belum punya kode nomenklatur",
    message_en="{node} has no nomenclature kode",
    hint="Isi kode {level} dari nomenklatur Kepmendagri 050-5889/2021, misalnya {example}.",
    hint_en="Give the {level} its kode from the Kepmendagri 050-5889/2021 nomenclature, "
    "e.g. {example}.",
)
def missing_kode(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Node di level yang menurut skema berkode (program, kegiatan, sub kegiatan) tanpa
    ``kode``, atau dengan kode kosong.

    Mengapa:
    Tanpa kode, program atau kegiatan tidak bisa dicocokkan dengan nomenklatur, dengan
    SIPD dan APBD, dengan induknya, atau dengan program OPD lain yang sama (keroyokan);
    nama saja sering ditulis berbeda-beda.

    Contoh:
    Sub kegiatan "Pengembangan Puskesmas" tanpa ``kode`` (seharusnya
    ``1.02.02.2.01.0006``).

    Perbaikan:
    Tambahkan ``kode: "1.02.02.2.01.0006"`` (ditulis sebagai teks, dalam tanda kutip, supaya
    tidak terbaca sebagai angka).
    """
    kode_text = ctx.columns.kode_text
    for i in ctx.positions_at(_kode_patterns(ctx)):
        if kode_text[i] is None:
            node = ctx.plan.nodes[i]
            spec = ctx.specs[node.level]
            yield Finding(
                node.id,
                {"level": node.level, "example": spec.kode_example or spec.kode},
                field="kode",
                node_index=i,
            )


@rule(
    "PK507",
    "duplicate-kode-in-opd",
    family="pagu",
    severity="warning",
    title="Kode ganda dalam satu OPD",
    title_en="Duplicate kode within an OPD",
    message="Kode {level} {kode} milik {opd} dipakai lagi oleh {node} (pertama oleh {first})",
    message_en="The {level} kode {kode} of {opd} is used again by {node} (first by {first})",
    hint="Satu kode satu node per OPD: bila {level} ini mendukung beberapa induk, tulis satu "
    "node dengan beberapa parents; bila bukan, betulkan kodenya.",
    hint_en="One kode, one node per OPD: if the {level} supports several parents, write one "
    "node with several parents; otherwise correct the kode.",
)
def duplicate_kode_in_opd(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Dua node di level yang sama dan milik OPD yang sama memakai kode yang sama (spasi di
    tepi kode diabaikan). Temuan ada di node kedua dan seterusnya, dengan ``related`` node
    pertama. Kode sama di OPD berbeda diperiksa aturan crosscutting, bukan aturan ini.

    Mengapa:
    Dalam Renstra satu OPD, satu kode adalah satu program atau kegiatan. Menulisnya dua kali
    (sering karena program disalin di bawah setiap sasaran PD) menggandakan pagu dan
    target saat dijumlahkan, dan memecah capaiannya.

    Contoh:
    Dua program ``1.02.02`` milik ``dinkes``, masing-masing di bawah sasaran PD yang
    berbeda.

    Perbaikan:
    Gabungkan menjadi satu node dengan ``parents: [SO-DINKES-1, SO-DINKES-2]`` (bila perlu
    dengan bobot), atau betulkan kode yang salah.
    """
    cols = ctx.columns
    first: dict[tuple[str, str, str], str] = {}
    rows = zip(cols.level, cols.opd, cols.kode_text, strict=True)
    for i, (level, opd, kode) in enumerate(rows):
        if opd is None or kode is None:
            continue
        key = (level, opd, kode)
        if key in first:
            yield Finding(
                cols.id[i],
                {"level": level, "opd": opd, "kode": kode, "first": first[key]},
                field="kode",
                related=(first[key],),
                node_index=i,
            )
        else:
            first[key] = cols.id[i]


# -- kode of OPDs -------------------------------------------------------------------------


@rule(
    "PK509",
    "opd-kode-shape",
    family="pagu",
    severity="warning",
    title="Bentuk kode unit OPD salah",
    title_en="Malformed OPD unit kode",
    message='Kode unit OPD {opd} "{kode}" tidak berbentuk U.BB.U.BB.U.BB.NN.NNNN',
    message_en='The unit kode "{kode}" of OPD {opd} is not shaped U.BB.U.BB.U.BB.NN.NNNN',
    hint="Tulis kode unit lengkap, tanpa spasi: tiga slot bidang urusan, unit dan sub unit, "
    "misalnya 1.02.0.00.0.00.01.0000 (Dinas Kesehatan) atau 2.17.3.30.0.00.01.0000.",
    hint_en="Write the full unit kode, without spaces: three bidang urusan slots, unit and "
    "sub unit, e.g. 1.02.0.00.0.00.01.0000 (health agency) or 2.17.3.30.0.00.01.0000.",
)
def opd_kode_shape(ctx: Context) -> Iterator[Finding]:
    """Apa:
    ``kode`` sebuah OPD di daftar ``opds`` tidak berbentuk kode unit
    ``U.BB.U.BB.U.BB.NN.NNNN``: tiga slot bidang urusan (slot kosong ``0.00``), nomor unit
    dan nomor sub unit. Kode dengan spasi juga salah bentuk. OPD tanpa kode tidak
    diperiksa.

    Mengapa:
    Kode unit menyatakan bidang urusan yang ditangani OPD; dari situ diperiksa apakah
    program OPD itu memang urusannya (aturan PK510). Kode yang terpotong atau tertukar
    dengan kode program membuat pemeriksaan itu tidak bisa dilakukan.

    Contoh:
    ``{id: dinkes, name: Dinas Kesehatan, kode: "1.02.01"}`` (kode program, bukan kode
    unit), atau ``kode: "1.02.0.00.0.00.01"`` (sub unit hilang).

    Perbaikan:
    Tulis ``kode: "1.02.0.00.0.00.01.0000"``; OPD dengan beberapa bidang, misalnya Dinas
    Koperasi dan Perdagangan: ``2.17.3.30.0.00.01.0000``.
    """
    for opd in ctx.plan.opds:
        if _blank(opd.kode):
            continue
        kode = opd.kode or ""
        if any(ch.isspace() for ch in kode) or _OPD_KODE.fullmatch(kode) is None:
            yield Finding(None, {"opd": opd.id, "kode": kode}, field="opds", opd=opd.id)


@rule(
    "PK510",
    "program-outside-opd-bidang",
    family="pagu",
    severity="warning",
    title="Program di luar bidang urusan OPD",
    title_en="Programme outside the OPD's bidang urusan",
    message={
        "default": (
            "{node} ada di bidang urusan {bidang}, padahal kode unit {opd} "
            "hanya memuat bidang {opd_bidang}",
            "{node} is in bidang urusan {bidang}, yet the unit kode of "
            "{opd} covers only bidang {opd_bidang}",
        ),
        "support": (
            "{node}, program penunjang milik {opd}, ada di bidang urusan {bidang}; "
            "program penunjang setiap OPD memakai bidangnya sendiri ({opd_bidang})",
            "{node}, the support programme of {opd}, is in bidang urusan {bidang}; "
            "every OPD's support programme uses its own bidang ({opd_bidang})",
        ),
    },
    hint="Kode program diawali bidang urusan OPD pemiliknya ({opd_bidang}): betulkan kode "
    "{node}, pindahkan ke OPD yang membidangi {bidang}, atau lengkapi kode unit {opd} bila "
    "OPD ini memang membidangi {bidang}.",
    hint_en="A programme kode starts with a bidang urusan of its OPD ({opd_bidang}): correct "
    "the kode of {node}, move it to the OPD in charge of {bidang}, or complete the unit kode "
    "of {opd} if it does handle {bidang}.",
)
def program_outside_opd_bidang(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Bidang urusan (``U.BB``) kode sebuah program tidak termasuk bidang urusan OPD
    pemiliknya, yang dibaca dari kode unit OPD: ``1.02.0.00.0.00.01.0000`` → {1.02};
    ``2.17.3.30.0.00.01.0000`` → {2.17, 3.30}; slot ``0.00`` diabaikan. Program penunjang
    (``X.XX.01``) tidak dikecualikan: walau setiap OPD memilikinya, bidangnya tetap harus
    bidang OPD itu sendiri. Yang diperiksa adalah level berkode teratas menurut skema
    (program); kegiatan dan sub kegiatan mengikuti lewat PK505. Dilewati bila OPD tidak
    punya kode unit yang terbaca, atau kode program tidak terbaca (lihat PK504, PK509).

    Mengapa:
    Urusan pemerintahan dibagi per OPD: program kesehatan (1.02) dijalankan Dinas
    Kesehatan. Program urusan lain di Renstra sebuah OPD biasanya salah kode, salah pemilik,
    atau keroyokan yang seharusnya dinyatakan sebagai crosscutting pada OPD yang
    membidanginya.

    Contoh:
    Program ``1.06.04`` (urusan sosial) milik ``dinkes`` (kode unit
    ``1.02.0.00.0.00.01.0000``); atau program penunjang ``1.01.01`` milik ``dinkes``,
    padahal seharusnya ``1.02.01``.

    Perbaikan:
    Pindahkan program itu ke OPD yang membidanginya (dan nyatakan kontribusi Dinas Kesehatan
    sebagai ``crosscutting``), betulkan kodenya, atau lengkapi kode unit OPD bila OPD itu
    memang menangani beberapa bidang (``2.17.3.30.0.00.01.0000``).
    """
    patterns = _kode_patterns(ctx)
    top = {
        level.id
        for level in ctx.scheme.levels
        if level.id in patterns and not any(p in patterns for p in level.parents)
    }
    if not top:
        return
    units: dict[str, UnitKode | None] = {}
    opds: dict[str, OPD] = {}
    for opd in ctx.plan.opds:
        opds.setdefault(opd.id, opd)
    for i, node in ctx.nodes_at(top):
        if node.opd is None or node.opd not in opds:
            continue
        if node.opd not in units:
            units[node.opd] = parse_unit_kode(opds[node.opd].kode)
        unit = units[node.opd]
        if unit is None or not unit.bidang or _blank(node.kode):
            continue
        kode = (node.kode or "").strip()
        match = _BIDANG.match(kode)
        if match is None:
            continue
        bidang = match.group(1)
        if bidang in unit.bidang:
            continue
        segments = kode.split(".")
        support = len(segments) >= 3 and segments[2] == _SUPPORT_PROGRAM
        yield Finding(
            node.id,
            {
                "level": node.level,
                "kode": kode,
                "bidang": bidang,
                "opd": node.opd,
                "opd_bidang": unit.bidang,
            },
            field="kode",
            variant="support" if support else "default",
            node_index=i,
        )


# -- PK511 ----------------------------------------------------------------------------------


@rule(
    "PK511",
    "pagu-year-outside-period",
    family="pagu",
    severity="warning",
    title="Pagu di luar periode rencana",
    title_en="Pagu outside the plan period",
    message={
        "pagu": (
            "{node} punya pagu untuk {years_text}, di luar periode rencana {start}-{end}",
            "{node} has a pagu for {years_text}, outside the plan period {start}-{end}",
        ),
        "realisasi_anggaran": (
            "{node} punya realisasi anggaran untuk {years_text}, di luar periode rencana "
            "{start}-{end}",
            "{node} has a budget realisation for {years_text}, outside the plan period "
            "{start}-{end}",
        ),
    },
    hint="Betulkan tahunnya (salah ketik?), atau pindahkan angkanya ke rencana periode itu; "
    "jumlah pagu lima tahunan dan serapan anggaran menjadi keliru.",
    hint_en="Correct the year (a typo?), or move the amount to the plan of that period; the "
    "five-year pagu totals and the budget absorption are wrong otherwise.",
)
def pagu_year_outside_period(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Pagu atau realisasi anggaran sebuah node untuk tahun di luar periode rencana. Satu
    temuan per node per isian, dengan daftar tahunnya.

    Mengapa:
    Matriks pagu per tahun, jumlah lima tahunan dan serapan anggaran hanya menghitung tahun
    dalam periode: angka di luar periode tidak terlihat di mana pun, padahal biasanya
    salah ketik tahun (2052 untuk 2025) atau sisa salinan rencana lama.

    Contoh:
    Periode 2025-2029 dengan ``pagu: {2024: 450000000, 2025: 475000000}``.

    Perbaikan:
    Hapus pagu 2024 (milik rencana sebelumnya) atau betulkan tahunnya.
    """
    start, end = ctx.years.start, ctx.years.stop - 1
    every_year = frozenset(ctx.years)
    columns = ctx.columns
    for i, (years, spent) in enumerate(zip(columns.pagu_years, columns.spent, strict=True)):
        if years <= every_year and not spent:
            continue
        for field, values in (("pagu", years), ("realisasi_anggaran", spent)):
            outside = sorted(y for y in values if not start <= y <= end)
            if outside:
                yield Finding(
                    columns.id[i],
                    {
                        "years": outside,
                        "years_text": years_text(outside),
                        "start": start,
                        "end": end,
                    },
                    field=field,
                    variant=field,
                    node_index=i,
                )
