"""PK117 (structure family): a plan that holds one OPD's Renstra only, said once.

A Renstra PD file starts at tujuan PD; its tujuan and sasaran PD link to tujuan and sasaran
of the RPJMD, which live in another file. Without this rule such a file would get one PK102
per link and the RPJMD rules (:data:`~pohon.rules.context.NEEDS_RPJMD`) would judge a
Pemda part that is not there. The engine does not run those rules on an OPD-only plan;
this rule says so, and names the RPJMD ids the file links to.
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.rules.context import NEEDS_RPJMD
from pohon.rules.engine import Context, Finding, rule

SHOWN = 10
"""How many RPJMD ids PK117 names in its message (all are in ``related``)."""

_HEAD = (
    "Rencana ini hanya memuat Renstra OPD {opds}, tanpa node tingkat Pemda ({pemda_levels}): "
    "yang membutuhkan RPJMD tidak dinilai ({codes})",
    "This plan holds only the Renstra of OPD {opds}, with no Pemda-level node "
    "({pemda_levels}): what needs the RPJMD is not judged ({codes})",
)


@rule(
    "PK117",
    "opd-only-plan",
    family="structure",
    severity="info",
    title="Rencana satu OPD: bagian yang membutuhkan RPJMD tidak dinilai",
    title_en="OPD-only plan: what needs the RPJMD is not judged",
    message={
        "default": (_HEAD[0], _HEAD[1]),
        "links": (
            _HEAD[0] + "; induk RPJMD yang tidak ada di berkas ini: {parents} ({links} tautan)",
            _HEAD[1] + "; RPJMD parents not in this file: {parents} ({links} links)",
        ),
        "more": (
            _HEAD[0] + "; induk RPJMD yang tidak ada di berkas ini: {parents} dan {more} "
            "lainnya ({links} tautan)",
            _HEAD[1] + "; RPJMD parents not in this file: {parents} and {more} more "
            "({links} links)",
        ),
    },
    hint=(
        "Tidak perlu diperbaiki bila berkas ini memang Renstra saja. Untuk menilai keselarasan "
        "dan crosscutting, periksa berkas yang memuat node RPJMD dan Renstra bersama; pastikan "
        "id induk di atas sama persis dengan id di RPJMD."
    ),
    hint_en=(
        "Nothing to fix if this file is meant to hold the Renstra only. To judge alignment and "
        "crosscutting, check a file holding the RPJMD and Renstra nodes together; make sure "
        "the parent ids above are spelt exactly as in the RPJMD."
    ),
)
def opd_only_plan(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Sekali per rencana: rencana ini hanya memuat Renstra satu OPD (atau beberapa), tanpa
    node di level milik Pemda (visi, misi, tujuan, sasaran pada skema Kota). Aturan yang
    membutuhkan RPJMD tidak dijalankan: PK304, PK306, PK307 (keselarasan yang diwarisi dari
    RPJMD), PK401, PK402, PK405, PK408 (sasaran Pemda dan OPD lain). Induk yang dirujuk
    tujuan atau sasaran PD tetapi tidak ada di berkas dianggap node RPJMD: semuanya disebut
    di temuan ini (id-nya di ``related``, jumlah tautannya di ``values``), bukan satu PK102
    per tautan. Temuan ada di node pertama yang merujuk RPJMD.

    Mengapa:
    Renstra PD disusun dan diperiksa per OPD, sering dalam berkas sendiri. Tanpa RPJMD,
    evaluator tidak bisa menilai apakah sasaran PD mendukung sasaran daerah, atau butir
    Panca Cita mana yang tidak didukung; menyebut ratusan "induk tidak ditemukan" atau "butir
    tanpa dukungan" hanya menenggelamkan temuan yang benar tentang Renstra itu sendiri.

    Contoh:
    Berkas Renstra Dinas Kesehatan: ``TO-DINKES-1`` (tujuan PD) berinduk ``T2`` dan
    ``SO-DINKES-1`` berinduk ``S2``; ``T2`` dan ``S2`` ada di RPJMD, bukan di berkas ini.
    PK117 menyebut ``S2, T2 (2 tautan)`` sekali.

    Perbaikan:
    Tidak perlu diperbaiki bila berkas memang Renstra saja; pastikan id induk yang disebut
    sama dengan id di RPJMD. Untuk penilaian keselarasan dan crosscutting, periksa berkas
    yang memuat RPJMD dan Renstra bersama.
    """
    if not ctx.opd_only:
        return
    links = ctx.links
    rpjmd = sorted(ctx.rpjmd_links)
    parents = sorted({links.id[k] for k in rpjmd})
    cols = ctx.columns
    opds = sorted({o for o in cols.opd if o is not None}) or ["-"]
    pemda_levels = [level.id for level in ctx.scheme.levels if level.owner == "pemda"]
    shown = parents[:SHOWN]
    more = len(parents) - len(shown)
    first = links.child[rpjmd[0]] if rpjmd else 0
    yield Finding(
        cols.id[first],
        {
            "opds": opds,
            "pemda_levels": pemda_levels,
            "codes": list(NEEDS_RPJMD),
            "parents": shown,
            "more": more,
            "links": len(rpjmd),
        },
        field="parents" if rpjmd else None,
        related=tuple(parents),
        variant=("more" if more else "links") if rpjmd else "default",
        node_index=first,
    )
