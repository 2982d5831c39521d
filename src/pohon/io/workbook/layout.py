"""What a template workbook holds: its sheets, their columns, and the words of its cells."""

from __future__ import annotations

from dataclasses import dataclass

MAX_UNZIPPED = 512 * 1024 * 1024
"""Largest total size of a workbook's parts once unzipped (512 MiB): a 20,000-node template
is about 40 MB; far more is a zip bomb."""
MAX_PARTS = 10_000
MAX_PART = 256 * 1024 * 1024
"""Largest single part unzipped (a sheet, the shared strings): beyond it openpyxl's memory
grows past what a validation server may give one file."""
MAX_RATIO = 300
"""A part that unzips to more than this many times its packed size (above 10 MB) is a bomb."""
MAX_ERRORS = 50
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
"""Workbooks read as template workbooks; ``.xls`` and ``.ods`` must be saved as ``.xlsx``."""

RANGE_WORD = "s.d."
"""``70 s.d. 80``: a target range, as Indonesian plans write it (sampai dengan)."""

MEASURES = {"number": "angka", "percent": "persen", "ordinal": "ordinal", "text": "teks"}
POLARITIES = {
    "higher": "makin tinggi makin baik",
    "lower": "makin rendah makin baik",
    "range": "rentang",
}
STATUSES = ("usulan", "disetujui", "ditolak")
YES, NO = "ya", "tidak"

_MEASURE_WORDS = {
    **{v: k for k, v in MEASURES.items()},
    **{k: k for k in MEASURES},
    "persentase": "percent",
    "%": "percent",
    "number": "number",
}
_POLARITY_WORDS = {
    **{v: k for k, v in POLARITIES.items()},
    **{k: k for k in POLARITIES},
    "naik": "higher",
    "positif": "higher",
    "maximize": "higher",
    "maksimal": "higher",
    "turun": "lower",
    "negatif": "lower",
    "minimize": "lower",
    "minimal": "lower",
}
_YES_WORDS = {"ya": True, "y": True, "yes": True, "iya": True, "true": True, "benar": True}
_NO_WORDS = {"tidak": False, "t": False, "no": False, "false": False, "salah": False, "": False}


@dataclass(frozen=True)
class Column:
    """A column of a template sheet: its header, the key it fills, and what it holds."""

    header: str
    key: str
    help: str
    required: bool = False
    example: str = ""
    width: int = 14
    text: bool = False
    """Written as text (``@``) so that Excel keeps ``1.10`` and leading zeros."""


@dataclass(frozen=True)
class Yearly:
    """Year columns of a template sheet: one column ``WORD YEAR`` per year, filling ``key``."""

    word: str
    key: str
    help: str
    example: str = ""


@dataclass(frozen=True)
class Sheet:
    name: str
    help: str
    columns: tuple[Column, ...]
    yearly: tuple[Yearly, ...] = ()
    """Year columns after the fixed ones, one group per kind, one column per year each."""
    tail: tuple[Column, ...] = ()
    """Columns after the year columns."""


PLAN_KEYS: tuple[tuple[str, str, str, bool, str], ...] = (
    ("pohon", "format", "Versi format berkas pohon (1).", True, "1"),
    ("id", "id", "Id rencana, tanpa spasi.", True, "kota-mojokerto-2025-2029"),
    ("nama", "name", "Nama dokumen rencana.", True, "RPJMD Kota Mojokerto 2025-2029"),
    ("pemda", "pemda", "Nama Pemda.", False, "Kota Mojokerto"),
    ("tahun awal", "start", "Tahun pertama periode.", True, "2025"),
    ("tahun akhir", "end", "Tahun terakhir periode.", True, "2029"),
    (
        "kerangka",
        "frameworks",
        "Id kerangka yang harus diselaraskan, dipisah titik koma.",
        False,
        "panca-cita-mojokerto-2025; asta-cita-2025",
    ),
    ("skema", "scheme", "Skema level: kota, provinsi, atau skema sendiri (JSON).", False, "kota"),
    ("catatan", "notes", "Catatan bebas.", False, ""),
)
"""Rows of the ``Rencana`` sheet: key as written, model key, help, required, example. Rows
``meta.KUNCI`` add entries to the plan's ``meta``."""

_OPD = Sheet(
    "OPD",
    "Satu baris per Perangkat Daerah.",
    (
        Column("ID", "id", "Id OPD, tanpa spasi; dipakai kolom OPD lembar lain.", True, "dinkes"),
        Column("Nama", "name", "Nama lengkap OPD.", True, "Dinas Kesehatan", 40),
        Column(
            "Kode", "kode", "Kode OPD (nomenklatur), sebagai teks.", False, "1.02.0.00", 22, True
        ),
        Column("Singkatan", "singkatan", "Singkatan yang dipakai pesan.", False, "Dinkes"),
        Column("Catatan", "notes", "Catatan bebas.", False, "", 30),
    ),
)
_NODE = Sheet(
    "Node",
    "Satu baris per node pohon kinerja, induk lebih dulu.",
    (
        Column("ID", "id", "Id node, unik dalam rencana.", True, "P-DINKES-1.02.02", 22),
        Column("Level", "level", "Level node menurut skema (pilih dari daftar).", True, "program"),
        Column("Nama", "name", "Kondisi atau hasil yang dituju.", True, "Meningkatnya ...", 50),
        Column(
            "Induk",
            "parents",
            "Id node induk; beberapa induk dipisah titik koma.",
            False,
            "S-1; S-2",
            22,
        ),
        Column(
            "Bobot induk",
            "weights",
            "Bobot kontribusi ke tiap induk (0-100), urutan sama dengan kolom Induk.",
            False,
            "60; 40",
        ),
        Column("OPD", "opd", "Id OPD pemilik (pilih dari daftar).", False, "dinkes"),
        Column("Kode", "kode", "Kode nomenklatur, sebagai teks.", False, "1.02.02", 18, True),
        Column("Catatan", "notes", "Catatan bebas.", False, "", 30),
    ),
)
_INDICATOR = Sheet(
    "Indikator",
    "Satu baris per indikator; target, realisasi dan target PK satu kolom per tahun.",
    (
        Column("Node", "node", "Id node yang diukur indikator ini.", True, "T1", 18),
        Column("ID", "id", "Id indikator, unik dalam node.", True, "T1.I1", 14),
        Column("Nama", "name", "Nama indikator.", True, "Angka Harapan Hidup", 40),
        Column("Satuan", "satuan", "Satuan (persen, tahun, orang, ...).", False, "tahun"),
        Column("Jenis", "measure", "angka, persen, ordinal atau teks.", False, "angka"),
        Column(
            "Skala", "scale", "Untuk ordinal: nilai dari rendah ke tinggi, dipisah ;.", False, ""
        ),
        Column(
            "Polaritas",
            "polarity",
            "makin tinggi makin baik, makin rendah makin baik, atau rentang.",
            False,
            "makin tinggi makin baik",
            22,
        ),
        Column(
            "Kumulatif",
            "cumulative",
            "ya bila target menjumlah dari tahun ke tahun.",
            False,
            "tidak",
        ),
        Column("IKU", "iku", "ya bila indikator kinerja utama.", False, "ya", 8),
        Column("Tahun dasar", "baseline_year", "Tahun nilai dasar (baseline).", False, "2024"),
        Column("Nilai dasar", "baseline_value", "Nilai dasar (baseline).", False, "73,36"),
    ),
    yearly=(
        Yearly(
            "Target",
            "targets",
            "Target tahun itu menurut dokumen rencana ini (RPJMD, Renstra, Renja); satu kolom "
            "per tahun (Target 2025, Target 2026, ...); angka, teks, atau rentang "
            f"'70 {RANGE_WORD} 80'.",
            "75",
        ),
        Yearly(
            "Realisasi",
            "actuals",
            "Realisasi kinerja (capaian) tahun itu; satu kolom per tahun (Realisasi 2025, "
            f"Realisasi 2026, ...); angka, teks, atau rentang '70 {RANGE_WORD} 80'.",
            "73,5",
        ),
        Yearly(
            "Target PK",
            "pk_targets",
            "Target yang ditandatangani dalam Perjanjian Kinerja (PK) tahun itu; satu kolom per "
            "tahun (Target PK 2025, Target PK 2026, ...); angka, teks, atau rentang "
            f"'70 {RANGE_WORD} 80'. Kosongkan bila PK tahun itu belum ada; target PK yang "
            "berbeda dari kolom Target tahun yang sama dilaporkan pemeriksaan.",
            "75",
        ),
    ),
    tail=(
        Column("Definisi", "definisi", "Definisi operasional.", False, "", 30),
        Column("Formula", "formula", "Cara menghitung.", False, "", 30),
        Column("Sumber data", "sumber_data", "Asal data realisasi.", False, "", 20),
        Column("Penanggung jawab", "penanggung_jawab", "Yang bertanggung jawab.", False, "", 20),
        Column("Catatan", "notes", "Catatan bebas.", False, "", 30),
    ),
)
_PAGU = Sheet(
    "Pagu",
    "Satu baris per node yang punya pagu atau realisasi anggaran; satu kolom per tahun, "
    "dalam rupiah.",
    (Column("Node", "node", "Id node.", True, "SK-1", 22),),
    yearly=(
        Yearly(
            "Pagu",
            "pagu",
            "Pagu anggaran tahun itu, dalam rupiah; satu kolom per tahun (Pagu 2025, Pagu "
            "2026, ...). Isi sebagai angka, bukan teks: 'Rp' dan titik ribuan cukup sebagai "
            "format sel.",
            "1250000000",
        ),
        Yearly(
            "Realisasi",
            "realisasi_anggaran",
            "Realisasi anggaran tahun itu (belanja yang benar-benar terserap), dalam rupiah; "
            "satu kolom per tahun (Realisasi 2025, Realisasi 2026, ...). Isi sebagai angka, "
            "seperti pagu; kosongkan tahun yang belum berjalan.",
            "1187500000",
        ),
    ),
)
_ALIGN = Sheet(
    "Keselarasan",
    "Satu baris per keselarasan node dengan butir kerangka.",
    (
        Column("Node", "node", "Id node.", True, "T1", 22),
        Column(
            "Butir kerangka",
            "ref",
            "kerangka:butir, misalnya asta-cita-2025:4 (pilih dari daftar).",
            True,
            "asta-cita-2025:4",
            34,
        ),
    ),
)
_CROSS = Sheet(
    "Crosscutting",
    "Satu baris per deklarasi crosscutting: OPD (internal) atau instansi luar.",
    (
        Column("Node", "node", "Id node yang dikeroyok.", True, "S-1", 22),
        Column("OPD", "opd", "Id OPD yang ikut berkontribusi.", False, "dinsos"),
        Column(
            "Instansi luar", "agency", "Instansi di luar Pemda (bila bukan OPD).", False, "", 24
        ),
        Column("Status", "status", "usulan, disetujui atau ditolak.", False, "disetujui"),
        Column("Catatan", "note", "Catatan.", False, "", 30),
    ),
)
_INDICATOR_YEARLY = frozenset(y.key for y in _INDICATOR.yearly)
"""The yearly fields of an indicator (``targets``, ``actuals``, ``pk_targets``)."""
_NODE_YEARLY = frozenset(y.key for y in _PAGU.yearly)
"""The yearly fields of a node, on the Pagu sheet (``pagu``, ``realisasi_anggaran``)."""
TABLES = (_OPD, _NODE, _INDICATOR, _PAGU, _ALIGN, _CROSS)
SHEETS = ("Petunjuk", "Rencana", *(t.name for t in TABLES), "Daftar")
"""The sheets of a template workbook, in order."""
_IGNORED_PREFIX = "_"
"""Sheets whose name starts with this are the user's own and are not read."""
