"""PK120 (structure family): what reading a workbook through a mapping had to decide.

A flat cascading workbook (:mod:`pohon.io.cascading`) is read row by row; a row that opens no
node (a grouping row of urusan and bidang, a total, an empty row with stray values), a cell
holding several indicators with one target, a kegiatan recognised by its sum: each is a
note of the reading, kept on the plan's source and reported here at its cell, so nothing the
planner wrote is passed over without a word.
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.findings import Location
from pohon.rules.engine import Context, Finding, rule


@rule(
    "PK120",
    "import-note",
    family="structure",
    severity="info",
    title="Catatan pembacaan buku kerja",
    title_en="Note from reading the workbook",
    message="{note}",
    message_en="{note_en}",
    hint="Periksa sel yang ditunjuk: bila pembacaannya keliru, ubah pemetaan kolomnya "
    "(--pemetaan) atau isian barisnya.",
    hint_en="Look at the cell named: if it was read wrongly, change the column mapping "
    "(--pemetaan) or the row.",
)
def import_note(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Sesuatu yang harus diputuskan saat buku kerja "matriks cascading" dibaca lewat pemetaan
    kolom: baris yang tidak membuka node (baris pengelompokan urusan/bidang, baris jumlah,
    baris di luar baris data), satu sel berisi beberapa indikator dengan satu target, kegiatan
    yang dikenali dari jumlah angkanya, galat Excel di sel nilai.

    Mengapa:
    Tidak ada baris yang boleh terlewat tanpa kabar: perencana harus bisa memastikan setiap
    baris formulirnya terbaca sebagaimana dimaksud.

    Contoh:
    ``evaluasi.xlsx!Realisasi TW IV!G12: baris 12 dilewati: baris pengelompokan urusan/bidang``.

    Perbaikan:
    Bila pembacaan keliru, sesuaikan pemetaan (``--pemetaan``); bila barisnya keliru, perbaiki
    barisnya. Catatan yang sudah diketahui bisa diabaikan dengan ``--ignore PK120``.
    """
    source = ctx.plan.source
    notes = getattr(source, "notes", None)
    if not notes:
        return
    index = ctx.graph.index
    for note in notes:
        yield Finding(
            note.node,
            {"note": note.message, "note_en": note.message_en},
            node_index=index.get(note.node) if note.node is not None else None,
            severity="warning" if note.severity == "warning" else "info",
            location=Location(source.file, sheet=note.sheet, cell=note.cell),
        )
