"""Plans in Excel workbooks: the pohon template, written and read back.

A template workbook holds one plan in sheets a planner fills by hand, with Indonesian
headers (:data:`SHEETS` lists them, and the workbook's own ``Petunjuk`` sheet explains every
column):

* ``Rencana``: the plan's header as key and value rows (id, nama, pemda, tahun awal, ...);
* ``OPD``: one row per OPD;
* ``Node``: one row per node: id, level, nama, induk (parent ids separated by ``;``, with
  their weights in ``Bobot induk`` in the same order), OPD, kode, catatan;
* ``Indikator``: one row per indicator, under the node it measures, with one ``Target
  YYYY`` and one ``Realisasi YYYY`` column per year;
* ``Pagu``: one row per node with pagu, one ``Pagu YYYY`` column per year;
* ``Keselarasan``: one row per alignment (node, ``kerangka:butir``);
* ``Crosscutting``: one row per crosscutting declaration;
* ``Daftar``: the lists the drop-downs offer (levels, OPDs, framework items, words).

Values follow the native format: a number cell is a number, a text cell stays text as
written (``"72,5"`` is kept and reported by a rule, never converted), a range target is
written ``70 s.d. 80``. Excel has one kind of number: ``83.0`` reads back as ``83``, the same
value (a plan read from a workbook and written again gives the same text). Every problem names its sheet and cell (``plan.xlsx!Node!C7``), and
every finding about a plan read from a workbook points at the cell of its node, indicator or
field.

openpyxl is imported when a workbook is read or written (the ``excel`` extra).
"""

from __future__ import annotations

import datetime as _dt
import io
import math
import re
import zipfile
from collections.abc import Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from pohon.findings import Location, UsageError
from pohon.findings.loading import SCHEMA, UNREADABLE
from pohon.io.errors import LoadError, Problem
from pohon.io.messages import problems_from_validation
from pohon.model import BUILTIN_SCHEMES, Plan

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
class Sheet:
    name: str
    help: str
    columns: tuple[Column, ...]
    yearly: tuple[tuple[str, str], ...] = ()
    """Year columns after the fixed ones: (header word, key), one column per year each."""
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
    "Satu baris per indikator; target dan realisasi satu kolom per tahun.",
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
    yearly=(("Target", "targets"), ("Realisasi", "actuals")),
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
    "Satu baris per node yang punya pagu; satu kolom per tahun, dalam rupiah.",
    (Column("Node", "node", "Id node.", True, "SK-1", 22),),
    yearly=(("Pagu", "pagu"),),
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
TABLES = (_OPD, _NODE, _INDICATOR, _PAGU, _ALIGN, _CROSS)
SHEETS = ("Petunjuk", "Rencana", *(t.name for t in TABLES), "Daftar")
"""The sheets of a template workbook, in order."""
_IGNORED_PREFIX = "_"
"""Sheets whose name starts with this are the user's own and are not read."""


# -- where a plan read from a workbook was written ---------------------------------------


@dataclass
class WorkbookSource:
    """Where each part of a plan read from a workbook was written: sheet and row, and the
    column of each field. Used by the check to point every finding at its cell."""

    file: str | None
    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    """Per sheet: the key of each column (``name``, ``targets:2027``) to its letter."""
    node_rows: list[int] = field(default_factory=list)
    indicator_rows: dict[tuple[int, str], int] = field(default_factory=dict)
    indicator_rows_at: dict[tuple[int, int], int] = field(default_factory=dict)
    pagu_rows: dict[int, int] = field(default_factory=dict)
    align_rows: dict[int, list[int]] = field(default_factory=dict)
    cross_rows: dict[int, list[int]] = field(default_factory=dict)
    opd_rows: dict[str, int] = field(default_factory=dict)
    opd_rows_at: list[int] = field(default_factory=list)
    plan_rows: dict[str, int] = field(default_factory=dict)
    format = "xlsx"

    def _cell(self, sheet: str, key: str, row: int) -> str:
        letter = self.columns.get(sheet, {}).get(key) or "A"
        return f"{letter}{row}"

    def place(
        self, index: int, *, indicator_id: str | None = None, field: str | None = None
    ) -> tuple[str, str] | None:
        """The sheet and cell of a node, one of its indicators, or a field of either."""
        if not 0 <= index < len(self.node_rows):
            return None
        if indicator_id is not None:
            row = self.indicator_rows.get((index, indicator_id))
            if row is not None:
                key = _INDICATOR_FIELDS.get(field or "", "id")
                if key in ("targets", "actuals"):
                    key = next(
                        (k for k in self.columns.get(_INDICATOR.name, {}) if k.startswith(key)),
                        "id",
                    )
                return _INDICATOR.name, self._cell(_INDICATOR.name, key, row)
        if field == "pagu" and index in self.pagu_rows:
            row = self.pagu_rows[index]
            first = next(
                (k for k in self.columns.get(_PAGU.name, {}) if k.startswith("pagu:")), "node"
            )
            return _PAGU.name, self._cell(_PAGU.name, first, row)
        if field == "aligns" and self.align_rows.get(index):
            return _ALIGN.name, self._cell(_ALIGN.name, "ref", self.align_rows[index][0])
        if field == "crosscutting" and self.cross_rows.get(index):
            return _CROSS.name, self._cell(_CROSS.name, "opd", self.cross_rows[index][0])
        key = _NODE_FIELDS.get(field or "", "id")
        return _NODE.name, self._cell(_NODE.name, key, self.node_rows[index])

    def location(
        self,
        index: int,
        *,
        indicator_id: str | None = None,
        field: str | None = None,
        path: str | None = None,
    ) -> Location:
        found = self.place(index, indicator_id=indicator_id, field=field)
        if found is None:
            return Location(self.file, path=path)
        return Location(self.file, sheet=found[0], cell=found[1], path=path)

    def opd_location(self, opd_id: str, path: str | None = None) -> Location:
        row = self.opd_rows.get(opd_id)
        if row is None:
            return Location(self.file, path=path)
        return Location(
            self.file, sheet=_OPD.name, cell=self._cell(_OPD.name, "id", row), path=path
        )

    def place_of_loc(self, loc: tuple[Hashable, ...]) -> tuple[str | None, str | None]:
        """The sheet and cell of a key path of the plan's data (a validation error's)."""
        if not loc:
            return None, None
        head = loc[0]
        if head in ("plan", "pohon"):
            key = "format" if head == "pohon" else str(loc[1]) if len(loc) > 1 else "id"
            if key == "period":
                key = str(loc[2]) if len(loc) > 2 else "start"
            if key == "meta" and len(loc) > 2:
                key = f"meta.{loc[2]}"
            row = self.plan_rows.get(key)
            return ("Rencana", f"B{row}") if row else ("Rencana", None)
        if head == "opds" and len(loc) > 1 and isinstance(loc[1], int):
            if loc[1] < len(self.opd_rows_at):
                key = str(loc[2]) if len(loc) > 2 else "id"
                return _OPD.name, self._cell(_OPD.name, key, self.opd_rows_at[loc[1]])
            return _OPD.name, None
        if head == "nodes" and len(loc) > 1 and isinstance(loc[1], int):
            index = loc[1]
            if index >= len(self.node_rows):
                return _NODE.name, None
            rest = loc[2:]
            if rest and rest[0] == "indicators" and len(rest) > 1 and isinstance(rest[1], int):
                row = self.indicator_rows_at.get((index, rest[1]))
                if row is None:
                    return _INDICATOR.name, None
                key = str(rest[2]) if len(rest) > 2 else "id"
                if key in ("targets", "actuals") and len(rest) > 3:
                    key = f"{key}:{rest[3]}"
                elif key == "baseline":
                    key = (
                        "baseline_value"
                        if len(rest) > 3 and rest[3] == "value"
                        else "baseline_year"
                    )
                letter = self.columns.get(_INDICATOR.name, {}).get(key)
                if letter is None:
                    letter = self.columns.get(_INDICATOR.name, {}).get("id", "A")
                return _INDICATOR.name, f"{letter}{row}"
            if rest and rest[0] == "pagu" and index in self.pagu_rows:
                key = f"pagu:{rest[1]}" if len(rest) > 1 else "node"
                return _PAGU.name, self._cell(_PAGU.name, key, self.pagu_rows[index])
            if rest and rest[0] == "aligns" and self.align_rows.get(index):
                k = rest[1] if len(rest) > 1 and isinstance(rest[1], int) else 0
                rows = self.align_rows[index]
                return _ALIGN.name, self._cell(_ALIGN.name, "ref", rows[min(k, len(rows) - 1)])
            if rest and rest[0] == "crosscutting" and self.cross_rows.get(index):
                k = rest[1] if len(rest) > 1 and isinstance(rest[1], int) else 0
                rows = self.cross_rows[index]
                key = str(rest[2]) if len(rest) > 2 else "opd"
                return _CROSS.name, self._cell(_CROSS.name, key, rows[min(k, len(rows) - 1)])
            key = _NODE_FIELDS.get(str(rest[0]) if rest else "", "id")
            if rest and rest[0] == "parents" and len(rest) > 2 and rest[2] == "weight":
                key = "weights"
            return _NODE.name, self._cell(_NODE.name, key, self.node_rows[index])
        return None, None


_NODE_FIELDS = {
    "id": "id",
    "level": "level",
    "name": "name",
    "parents": "parents",
    "opd": "opd",
    "kode": "kode",
    "notes": "notes",
}
_INDICATOR_FIELDS = {
    "id": "id",
    "name": "name",
    "satuan": "satuan",
    "measure": "measure",
    "scale": "scale",
    "polarity": "polarity",
    "cumulative": "cumulative",
    "iku": "iku",
    "baseline": "baseline_value",
    "targets": "targets",
    "actuals": "actuals",
    "definisi": "definisi",
    "formula": "formula",
    "sumber_data": "sumber_data",
    "penanggung_jawab": "penanggung_jawab",
    "notes": "notes",
}


# -- writing --------------------------------------------------------------------------------


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError as exc:  # pragma: no cover - the extra is installed in development
        raise LoadError(
            None,
            [
                Problem(
                    "membaca dan menulis Excel butuh openpyxl: pip install 'pohon[excel]'",
                    "reading and writing Excel needs openpyxl: pip install 'pohon[excel]'",
                    code=UNREADABLE.code,
                )
            ],
        ) from exc
    return openpyxl


def _years_of(plan: Plan | None, key: str) -> list[int]:
    """The years of the plan's period, and any other year the plan writes under ``key``."""
    if plan is None:
        return []
    years = set(plan.period.years)
    for node in plan.nodes:
        if key == "pagu":
            years.update(node.pagu)
        else:
            for ind in node.indicators:
                years.update(ind.targets if key == "targets" else ind.actuals)
    return sorted(years)


def _value_cell(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return f"{_number_text(value[0])} {RANGE_WORD} {_number_text(value[1])}"
    if isinstance(value, str):
        return _text_cell(value)
    return value


def _number_text(value: Any) -> str:
    return repr(value) if isinstance(value, float) else str(value)


def _text_cell(value: str | None) -> str | None:
    return value


class WorkbookWriteError(UsageError):
    """A plan holds a text that an Excel cell cannot hold (longer than 32,767 characters,
    or with a control character): writing it would change it, so it is not written."""


MAX_CELL_TEXT = 32_767
"""The most characters an Excel cell holds."""


def _append(sheet: Any, values: Sequence[Any]) -> None:
    """One row; every text is a text cell, so that Excel never runs one as a formula (a
    name beginning with ``=``, ``+``, ``-`` or ``@`` is kept as written). A text a cell
    cannot hold is refused (:class:`WorkbookWriteError`), never cut."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

    row: list[Any] = []
    for k, value in enumerate(values, start=1):
        if isinstance(value, str) and (
            len(value) > MAX_CELL_TEXT or ILLEGAL_CHARACTERS_RE.search(value)
        ):
            cell = f"{sheet.title}!{_letter(k)}{sheet.max_row + 1}"
            why, why_en = (
                (
                    f"lebih dari {MAX_CELL_TEXT:,} karakter".replace(",", "."),
                    f"more than {MAX_CELL_TEXT:,} characters",
                )
                if len(value) > MAX_CELL_TEXT
                else ("berisi karakter kendali", "holds a control character")
            )
            raise WorkbookWriteError(
                f"teks untuk sel {cell} {why}, yang tidak bisa disimpan sel Excel; "
                f"tidak ditulis agar tidak berubah ({_short(value, 60)!r}); simpan sebagai YAML",
                f"the text for cell {cell} {why_en}, which an Excel cell cannot hold; not "
                f"written, so that it is not changed ({_short(value, 60)!r}); save it as YAML",
            )
        if isinstance(value, str) and value.startswith("="):
            cell = Cell(sheet, value=value)
            cell.data_type = "s"
            row.append(cell)
        else:
            row.append(value)
    sheet.append(row)


def _joined(values: Sequence[str]) -> str | None:
    return "; ".join(values) if values else None


def write_workbook(plan: Plan | None, *, years: Sequence[int] = ()) -> bytes:
    """The plan as a template workbook (``.xlsx`` bytes); with ``plan=None`` an empty
    template whose year columns are ``years``.

    >>> import pohon, io, openpyxl
    >>> data = write_workbook(pohon.example("mojokerto"))
    >>> openpyxl.load_workbook(io.BytesIO(data), read_only=True).sheetnames[:3]
    ['Petunjuk', 'Rencana', 'OPD']
    """
    openpyxl = _openpyxl()
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = openpyxl.Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")

    def years_for(key: str) -> list[int]:
        found = _years_of(plan, key)
        return found or list(years)

    sheet_columns: dict[str, list[tuple[Column | None, str, str]]] = {}
    for table in TABLES:
        cols: list[tuple[Column | None, str, str]] = [(c, c.header, c.key) for c in table.columns]
        for word, key in table.yearly:
            cols += [(None, f"{word} {y}", f"{key}:{y}") for y in years_for(key)]
        cols += [(c, c.header, c.key) for c in table.tail]
        sheet_columns[table.name] = cols

    # Petunjuk: every column explained.
    guide = book.create_sheet("Petunjuk")
    guide.append(["Lembar", "Kolom", "Wajib", "Isi", "Contoh"])
    guide.append(["Rencana", "Kunci / Isi", "", "Kepala rencana: satu baris per kunci.", ""])
    for key, _, help_text, required, example in PLAN_KEYS:
        guide.append(["Rencana", key, YES if required else "", help_text, example])
    guide.append(["Rencana", "meta.KUNCI", "", "Keterangan tambahan rencana (teks).", ""])
    for table in TABLES:
        guide.append([table.name, "", "", table.help, ""])
        for c in table.columns:
            guide.append([table.name, c.header, YES if c.required else "", c.help, c.example])
        for word, _key in table.yearly:
            guide.append(
                [
                    table.name,
                    f"{word} TAHUN",
                    "",
                    f"Satu kolom per tahun ({word} 2025, {word} 2026, ...); angka, teks, atau "
                    f"rentang '70 {RANGE_WORD} 80'.",
                    "",
                ]
            )
        for c in table.tail:
            guide.append([table.name, c.header, YES if c.required else "", c.help, c.example])
    guide.append(
        [
            "(semua)",
            "",
            "",
            f"Lembar yang namanya diawali '{_IGNORED_PREFIX}' tidak dibaca: pakai untuk catatan "
            "sendiri. Sel teks yang diawali = + - @ ditulis sebagai teks, tidak pernah "
            "dijalankan sebagai rumus.",
            "",
        ]
    )
    for cell in guide[1]:
        cell.font = bold
        cell.fill = head_fill
    for letter, width in zip("ABCDE", (14, 20, 8, 80, 30), strict=True):
        guide.column_dimensions[letter].width = width
    for row in guide.iter_rows(min_row=2):
        row[3].alignment = wrap
    guide.freeze_panes = "A2"

    # Rencana: key and value rows.
    info = book.create_sheet("Rencana")
    info.append(["Kunci", "Isi"])
    frameworks: list[str] = []
    if plan is not None:
        head = plan.info
        scheme = head.scheme
        scheme_text = scheme if isinstance(scheme, str) else scheme.model_dump_json(by_alias=True)
        frameworks = list(head.frameworks)
        values: dict[str, Any] = {
            "format": plan.format,
            "id": head.id,
            "name": head.name,
            "pemda": head.pemda,
            "start": head.period.start,
            "end": head.period.end,
            "frameworks": _joined(head.frameworks),
            "scheme": scheme_text,
            "notes": head.notes,
        }
    else:
        values = {"format": 1, "scheme": "kota"}
        if years:
            values["start"], values["end"] = min(years), max(years)
    for key, model_key, *_ in PLAN_KEYS:
        value = values.get(model_key)
        _append(info, [key, value])
    if plan is not None:
        for key, value in plan.info.meta.items():
            _append(info, [f"meta.{key}", value])
    for cell in info[1]:
        cell.font = bold
        cell.fill = head_fill
    info.column_dimensions["A"].width = 16
    info.column_dimensions["B"].width = 60
    for row in info.iter_rows(min_row=2, min_col=2, max_col=2):
        row[0].number_format = "@"
    info.freeze_panes = "A2"

    rows: dict[str, list[list[Any]]] = {t.name: [] for t in TABLES}
    if plan is not None:
        _plan_rows(plan, rows, sheet_columns)

    for table in TABLES:
        sheet = book.create_sheet(table.name)
        cols = sheet_columns[table.name]
        sheet.append([header for _, header, _ in cols])
        for values_row in rows[table.name]:
            _append(sheet, values_row)
        for k, (column, _, _) in enumerate(cols, start=1):
            letter = get_column_letter(k)
            sheet.column_dimensions[letter].width = column.width if column else 14
            if column is not None and column.text:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=k, max_col=k):
                    cell.number_format = "@"
        for cell in sheet[1]:
            cell.font = bold
            cell.fill = head_fill
        sheet.freeze_panes = "B2" if table.name != _OPD.name else "A2"
        sheet.auto_filter.ref = sheet.dimensions

    # Daftar: the lists behind the drop-downs.
    lists = book.create_sheet("Daftar")
    scheme_levels = _scheme_levels(plan)
    items = _framework_items(frameworks)
    opds = [o.id for o in plan.opds] if plan is not None else []
    list_columns = (
        ("Level", scheme_levels),
        ("OPD", opds),
        ("Butir kerangka", items),
        ("Jenis", list(MEASURES.values())),
        ("Polaritas", list(POLARITIES.values())),
        ("Status", list(STATUSES)),
        ("Ya/Tidak", [YES, NO]),
    )
    lists.append([name for name, _ in list_columns])
    longest = max(len(v) for _, v in list_columns)
    for i in range(longest):
        _append(
            lists,
            [values_list[i] if i < len(values_list) else None for _, values_list in list_columns],
        )
    for cell in lists[1]:
        cell.font = bold
        cell.fill = head_fill
    for k in range(1, len(list_columns) + 1):
        lists.column_dimensions[get_column_letter(k)].width = 24
    lists.freeze_panes = "A2"

    def validate(sheet_name: str, key: str, list_index: int, count: int) -> None:
        cols = sheet_columns[sheet_name]
        k = next((i for i, (_, _, kk) in enumerate(cols, start=1) if kk == key), None)
        if k is None:
            return
        letter = get_column_letter(list_index)
        source = f"Daftar!${letter}$2:${letter}${max(count + 1, 2) + 200}"
        rule = DataValidation(type="list", formula1=source, allow_blank=True)
        rule.error = "Pilih dari daftar di lembar Daftar"
        rule.errorTitle = "Nilai tidak dikenal"
        rule.showErrorMessage = False  # a warning in the check, not a refusal in Excel
        column_letter = get_column_letter(k)
        rule.add(f"{column_letter}2:{column_letter}1048576")
        book[sheet_name].add_data_validation(rule)

    validate(_NODE.name, "level", 1, len(scheme_levels))
    validate(_NODE.name, "opd", 2, len(opds))
    validate(_CROSS.name, "opd", 2, len(opds))
    validate(_ALIGN.name, "ref", 3, len(items))
    validate(_INDICATOR.name, "measure", 4, len(MEASURES))
    validate(_INDICATOR.name, "polarity", 5, len(POLARITIES))
    validate(_CROSS.name, "status", 6, len(STATUSES))
    validate(_INDICATOR.name, "cumulative", 7, 2)
    validate(_INDICATOR.name, "iku", 7, 2)

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _scheme_levels(plan: Plan | None) -> list[str]:
    if plan is None:
        return list(BUILTIN_SCHEMES["kota"].level_ids)
    return list(plan.scheme.level_ids)


def _framework_items(frameworks: Sequence[str]) -> list[str]:
    from pohon.io.frameworks import builtin_frameworks

    known = builtin_frameworks()
    names = list(frameworks) or sorted(known)
    return [f"{fw}:{item.id}" for fw in names if fw in known for item in known[fw].items]


def _plan_rows(
    plan: Plan,
    rows: dict[str, list[list[Any]]],
    sheet_columns: Mapping[str, list[tuple[Column | None, str, str]]],
) -> None:
    def keys(sheet: str) -> list[str]:
        return [key for _, _, key in sheet_columns[sheet]]

    for opd in plan.opds:
        data = {
            "id": opd.id,
            "name": opd.name,
            "kode": opd.kode,
            "singkatan": opd.singkatan,
            "notes": opd.notes,
        }
        rows[_OPD.name].append([_text_cell(data.get(k)) for k in keys(_OPD.name)])
    node_keys = keys(_NODE.name)
    ind_keys = keys(_INDICATOR.name)
    pagu_keys = keys(_PAGU.name)
    for node in plan.nodes:
        weights = [p.weight for p in node.parents]
        data = {
            "id": node.id,
            "level": node.level,
            "name": node.name,
            "parents": _joined([p.id for p in node.parents]),
            "weights": "; ".join("" if w is None else _number_text(w) for w in weights)
            if any(w is not None for w in weights)
            else None,
            "opd": node.opd,
            "kode": node.kode,
            "notes": node.notes,
        }
        rows[_NODE.name].append([_text_cell(data.get(k)) for k in node_keys])
        for ind in node.indicators:
            base = ind.baseline
            idata: dict[str, Any] = {
                "node": node.id,
                "id": ind.id,
                "name": ind.name,
                "satuan": ind.satuan,
                "measure": MEASURES[ind.measure],
                "scale": _joined(ind.scale) if ind.scale is not None else None,
                "polarity": POLARITIES[ind.polarity],
                "cumulative": YES if ind.cumulative else NO,
                "iku": YES if ind.iku else NO,
                "baseline_year": base.year if base is not None else None,
                "baseline_value": base.value if base is not None else None,
                "definisi": ind.definisi,
                "formula": ind.formula,
                "sumber_data": ind.sumber_data,
                "penanggung_jawab": ind.penanggung_jawab,
                "notes": ind.notes,
            }
            for year, value in ind.targets.items():
                idata[f"targets:{year}"] = value
            for year, value in ind.actuals.items():
                idata[f"actuals:{year}"] = value
            rows[_INDICATOR.name].append([_value_cell(idata.get(k)) for k in ind_keys])
        if node.pagu:
            pdata: dict[str, Any] = {"node": node.id}
            for year, value in node.pagu.items():
                pdata[f"pagu:{year}"] = value
            rows[_PAGU.name].append([_value_cell(pdata.get(k)) for k in pagu_keys])
        for ref in node.aligns:
            rows[_ALIGN.name].append([_text_cell(node.id), _text_cell(ref)])
        for decl in node.crosscutting:
            rows[_CROSS.name].append(
                [
                    _text_cell(node.id),
                    _text_cell(decl.opd),
                    _text_cell(decl.agency),
                    decl.status,
                    _text_cell(decl.note),
                ]
            )


# -- reading --------------------------------------------------------------------------------


def is_workbook(data: bytes) -> bool:
    """Whether the bytes are a zip package (``.xlsx``, ``.xlsm``)."""
    return data[:4] == b"PK\x03\x04"


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _problem(
    message: str,
    message_en: str,
    sheet: str | None = None,
    cell: str | None = None,
    code: str = SCHEMA.code,
) -> Problem:
    return Problem(message, message_en, sheet=sheet, cell=cell, code=code)


def _refuse_package(data: bytes, file: str | None) -> None:
    """A clear error for what is not an xlsx package, or a package too large unzipped."""
    if data.startswith(_OLE):
        raise LoadError(
            file,
            [
                _problem(
                    "buku kerja Excel lama (.xls) atau buku kerja yang dikunci kata sandi: "
                    "buka di Excel, buang kata sandinya bila ada, lalu simpan sebagai .xlsx",
                    "an old Excel workbook (.xls) or a password-protected one: open it in "
                    "Excel, remove the password if any, and save it as .xlsx",
                    code=UNREADABLE.code,
                )
            ],
        )
    if not is_workbook(data):
        raise LoadError(
            file,
            [
                _problem(
                    "bukan buku kerja .xlsx (isinya bukan paket zip Office Open XML)",
                    "not an .xlsx workbook (not an Office Open XML zip package)",
                    code=UNREADABLE.code,
                )
            ],
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise LoadError(
            file,
            [
                _problem(
                    f"berkas .xlsx rusak: paket zip-nya tidak terbaca ({exc})",
                    f"damaged .xlsx: its zip package cannot be read ({exc})",
                    code=UNREADABLE.code,
                )
            ],
        ) from None
    if len(infos) > MAX_PARTS:
        raise LoadError(
            file,
            [
                _problem(
                    f"paket buku kerja ini berisi {len(infos):,} bagian (paling banyak "
                    f"{MAX_PARTS:,}); tidak dibaca".replace(",", "."),
                    f"this workbook package holds {len(infos):,} parts (at most {MAX_PARTS:,}); "
                    "not read",
                    code=UNREADABLE.code,
                )
            ],
        )
    total = 0
    for info in infos:
        total += info.file_size
        bomb = info.file_size > 10 * 1024 * 1024 and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        )
        if total > MAX_UNZIPPED or bomb or info.file_size > MAX_PART:
            raise LoadError(
                file,
                [
                    _problem(
                        "buku kerja ini membengkak terlalu besar saat dibuka (bom zip?): "
                        f"bagian {info.filename!r} {info.file_size:,} byte dari "
                        f"{info.compress_size:,} byte; tidak dibaca".replace(",", "."),
                        "this workbook grows too large when opened (a zip bomb?): part "
                        f"{info.filename!r} is {info.file_size:,} bytes from "
                        f"{info.compress_size:,}; not read",
                        code=UNREADABLE.code,
                    )
                ],
            )
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        raise LoadError(
            file,
            [
                _problem(
                    "paket zip ini bukan buku kerja Excel (tidak ada xl/workbook.xml); "
                    "buku kerja OpenDocument (.ods) atau lainnya: simpan sebagai .xlsx",
                    "this zip package is not an Excel workbook (no xl/workbook.xml); an "
                    "OpenDocument (.ods) or other file: save it as .xlsx",
                    code=UNREADABLE.code,
                )
            ],
        )


@dataclass
class _Reader:
    file: str | None
    problems: list[Problem] = field(default_factory=list)
    source: WorkbookSource = field(init=False)
    sheet: str | None = None
    """The sheet being read, named when it turns out to be damaged."""

    def __post_init__(self) -> None:
        self.source = WorkbookSource(self.file)

    def fail(
        self, message: str, message_en: str, sheet: str | None = None, cell: str | None = None
    ) -> None:
        if len(self.problems) < MAX_ERRORS:
            self.problems.append(_problem(message, message_en, sheet, cell))


def _norm_header(text: Any) -> str:
    return " ".join(str(text).split()).casefold() if text is not None else ""


_YEAR_HEADER = re.compile(r"^(target|realisasi|pagu)\s+(\d{4})$")
_RANGE = re.compile(
    r"^\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*s\.\s*d\.?\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*$"
)


@dataclass
class SheetPart:
    """What a sheet's XML says that read-only openpyxl does not: merged ranges, and the
    cells holding a formula with no stored value (read as empty, they would be lost)."""

    merged: list[str] = field(default_factory=list)
    formulas: list[str] = field(default_factory=list)


_SHEET_ENTRY = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)/?>")
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_RELATION = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)/?>")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?)"')
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.DOTALL)
_FORMULA = re.compile(rb"<(?:\w+:)?f\b")
_VALUE = re.compile(rb"<(?:\w+:)?v\b[^>]*>[^<]")


def scan_parts(data: bytes, file: str | None = None) -> dict[str, SheetPart]:
    """Per sheet name, its merged ranges and its formulas without a stored value, read from
    the sheets' XML (bounded by :func:`_refuse_package`). A part that cannot be scanned is
    left to openpyxl, which says what is wrong with it."""
    found: dict[str, SheetPart] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            book = package.read("xl/workbook.xml")
            try:
                rels = package.read("xl/_rels/workbook.xml.rels")
            except KeyError:
                return found
            targets = {}
            for match in _RELATION.finditer(rels):
                attrs = dict(_ATTR.findall(match.group(1)))
                if b"Id" in attrs and b"Target" in attrs:
                    targets[attrs[b"Id"]] = attrs[b"Target"].decode("utf-8", "replace")
            names = set(package.namelist())
            for match in _SHEET_ENTRY.finditer(book):
                attrs = dict(_ATTR.findall(match.group(1)))
                rid = next((v for k, v in attrs.items() if k.endswith(b":id")), None)
                name = attrs.get(b"name", b"").decode("utf-8", "replace")
                target = targets.get(rid or b"")
                if target is None:
                    continue
                path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
                if path not in names:
                    continue
                xml = package.read(path)
                part = SheetPart()
                part.merged = [m.decode() for m in _MERGE.findall(xml)]
                if _FORMULA.search(xml):
                    for cell in _CELL.finditer(xml):
                        inner = cell.group(2) or b""
                        if _FORMULA.search(inner) and not _VALUE.search(inner):
                            ref = dict(_ATTR.findall(cell.group(1))).get(b"r")
                            if ref:
                                part.formulas.append(ref.decode())
                found[_xml_text(name)] = part
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, RuntimeError):
        return found
    return found


def _xml_text(text: str) -> str:
    """A sheet name as written in XML (``&amp;`` and the like) as Excel shows it."""
    from html import unescape

    return unescape(text)


def read_workbook(data: bytes, file: str | None = None) -> Plan:
    """The plan in a template workbook's bytes; :class:`LoadError` naming sheet and cell of
    every problem found (up to 50)."""
    data = bytes(data)
    _refuse_package(data, file)
    parts = scan_parts(data, file)
    openpyxl = _openpyxl()
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of data validations it skips
            book = openpyxl.load_workbook(
                io.BytesIO(data), read_only=True, data_only=True, keep_links=False
            )
    except Exception as exc:  # openpyxl raises many kinds on a damaged package
        raise LoadError(
            file,
            [
                _problem(
                    f"buku kerja tidak bisa dibuka: {type(exc).__name__}: {_short(str(exc))}",
                    f"the workbook cannot be opened: {type(exc).__name__}: {_short(str(exc))}",
                    code=UNREADABLE.code,
                )
            ],
        ) from None
    reader = _Reader(file)
    try:
        return _read_book(book, reader, parts)
    except LoadError:
        raise
    except MemoryError:
        raise LoadError(file, [damaged(reader.sheet, "MemoryError", "too large to read")]) from None
    except Exception as exc:  # a damaged sheet: bad XML, a missing shared string, ...
        raise LoadError(file, [damaged(reader.sheet, type(exc).__name__, str(exc))]) from None
    finally:
        book.close()


def damaged(sheet: str | None, kind: str, detail: str) -> Problem:
    """A workbook part that cannot be read: its sheet, and the reader's own words."""
    where = f"lembar {sheet!r}" if sheet else "buku kerja"
    where_en = f"sheet {sheet!r}" if sheet else "the workbook"
    if kind == "MemoryError":
        return _problem(
            f"{where} terlalu besar untuk dibaca dalam memori yang tersedia; bagi rencananya "
            "menjadi beberapa berkas (pohon check --satu-rencana)",
            f"{where_en} is too large to read in the memory available; split the plan into "
            "several files (pohon check --one-plan)",
            sheet,
            code=UNREADABLE.code,
        )
    return _problem(
        f"{where} rusak dan tidak bisa dibaca ({kind}: {_short(detail, 160)}); buka dan simpan "
        "ulang di Excel",
        f"{where_en} is damaged and cannot be read ({kind}: {_short(detail, 160)}); open it in "
        "Excel and save it again",
        sheet,
        code=UNREADABLE.code,
    )


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _read_book(book: Any, reader: _Reader, parts: Mapping[str, SheetPart]) -> Plan:
    file = reader.file
    names = list(book.sheetnames)
    known: dict[str, str] = {}
    for name in names:
        if name.casefold() in known:
            reader.fail(
                f"dua lembar bernama sama bila huruf besar-kecil diabaikan: "
                f"{_short(known[name.casefold()], 40)!r} dan {_short(name, 40)!r}",
                f"two sheets with the same name but for case: "
                f"{_short(known[name.casefold()], 40)!r} and {_short(name, 40)!r}",
                name,
            )
        known.setdefault(name.casefold(), name)
    template = {s.casefold() for s in SHEETS}
    for name in names:
        sheet = book[name]
        hidden = getattr(sheet, "sheet_state", "visible") != "visible"
        if name.startswith(_IGNORED_PREFIX):
            continue
        if name.casefold() in template and not hasattr(sheet, "iter_rows"):
            reader.fail(
                f"lembar {name!r} berisi grafik, bukan tabel templat",
                f"sheet {name!r} holds a chart, not a template table",
                name,
            )
            continue
        part = parts.get(name)
        if name.casefold() in template and name != "Petunjuk" and part is not None:
            for merged in part.merged[:5]:
                reader.fail(
                    f"sel digabung (merge) {merged}: templat membaca satu nilai per sel; "
                    "pisahkan gabungannya dan isi tiap baris",
                    f"merged cells {merged}: a template reads one value per cell; unmerge "
                    "them and fill every row",
                    name,
                    merged.split(":")[0],
                )
            for cell in part.formulas[:5]:
                reader.fail(
                    "sel berisi rumus tanpa nilai tersimpan (berkas tidak disimpan oleh Excel?): "
                    "buka dan simpan di Excel agar nilainya ikut tersimpan",
                    "the cell holds a formula with no stored value (not saved by Excel?): open "
                    "and save it in Excel so that its value is stored",
                    name,
                    cell,
                )
        if name.casefold() not in template:
            name = _short(name, 60)
            reader.fail(
                f"lembar {name!r} bukan lembar templat pohon ({', '.join(SHEETS)}); "
                f"ganti namanya dengan awalan '{_IGNORED_PREFIX}' bila itu catatan sendiri",
                f"sheet {name!r} is not a pohon template sheet ({', '.join(SHEETS)}); "
                f"rename it with a leading '{_IGNORED_PREFIX}' if it holds your own notes",
                name,
            )
        elif hidden:
            reader.fail(
                f"lembar {name!r} tersembunyi: tampilkan dulu, agar yang diperiksa terlihat",
                f"sheet {name!r} is hidden: unhide it, so that what is checked can be seen",
                name,
            )
    missing = [name for name in ("Rencana", _NODE.name) if name.casefold() not in known]
    if len(missing) == 2:
        # Not a template at all (a matriks cascading, an evaluation form): one clear word.
        raise LoadError(
            file,
            [
                _problem(
                    f"buku kerja ini bukan templat pohon (lembarnya: {', '.join(names)}; "
                    "templat punya lembar Rencana dan Node): untuk matriks cascading atau "
                    "formulir lain, beri pemetaan kolomnya (--pemetaan, lihat docs/excel.md), "
                    "atau buat templat dengan 'pohon template -o pohon.xlsx' dan salin datanya",
                    f"this workbook is not a pohon template (its sheets: {', '.join(names)}; a "
                    "template has the sheets Rencana and Node): for a cascading matrix or "
                    "another form give its column mapping (--pemetaan, see docs/excel.md), or "
                    "make a template with 'pohon template -o pohon.xlsx' and copy the data",
                    code=UNREADABLE.code,
                )
            ],
        )
    for required in missing:
        reader.fail(
            f"lembar {required!r} tidak ada; buat templat dengan 'pohon template'",
            f"no sheet {required!r}; make a template with 'pohon template'",
        )
    if reader.problems:
        raise LoadError(file, reader.problems)

    def rows_of(sheet_name: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
        name = known.get(sheet_name.casefold())
        if name is None:
            return iter(())
        sheet = book[name]
        reader.sheet = name
        # The size a sheet declares is not trusted: a stale one would cut rows or columns,
        # a huge one would pad every row to 16,384 cells.
        sheet.reset_dimensions()
        return (
            (number, row) for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)
        )

    info = _read_plan_sheet(reader, rows_of("Rencana"))
    tables: dict[str, list[tuple[int, dict[str, tuple[Any, str]]]]] = {}
    for table in TABLES:
        tables[table.name] = _read_table(reader, table, rows_of(table.name))
    if reader.problems:
        raise LoadError(file, reader.problems)
    doc = _assemble(reader, info, tables)
    if reader.problems:
        raise LoadError(file, reader.problems)
    try:
        plan = Plan.model_validate(doc)
    except ValidationError as exc:
        raise LoadError(
            file, problems_from_validation(exc, place=reader.source.place_of_loc)
        ) from None
    plan._source = reader.source
    return plan


def _cell_name(letter: str, row: int) -> str:
    return f"{letter}{row}"


def _letter(index: int) -> str:
    """``1`` → ``A``, ``28`` → ``AB``: the letters of a column."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _plain_value(reader: _Reader, value: Any, sheet: str, cell: str) -> Any:
    """A cell's value as the model reads it, or a problem for what a plan cannot hold."""
    if isinstance(value, str):
        if value.startswith("#") and value.rstrip("!?0/").upper() in _EXCEL_ERRORS:
            reader.fail(
                f"sel berisi galat Excel {value}: perbaiki rumusnya",
                f"the cell holds the Excel error {value}: fix its formula",
                sheet,
                cell,
            )
            return None
        return value
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            reader.fail(
                "sel berisi angka tak hingga", "the cell holds an infinite number", sheet, cell
            )
            return None
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, _dt.datetime | _dt.date | _dt.time | _dt.timedelta):
        reader.fail(
            f"sel berisi tanggal/waktu ({value}), bukan angka atau teks: ubah format selnya "
            "menjadi Umum atau Teks",
            f"the cell holds a date/time ({value}), not a number or text: set its format to "
            "General or Text",
            sheet,
            cell,
        )
        return None
    return value


_EXCEL_ERRORS = {
    "#NULL",
    "#DIV",
    "#VALUE",
    "#REF",
    "#NAME",
    "#NUM",
    "#N/A",
    "#GETTING_DATA",
    "#SPILL",
    "#CALC",
}


def _cell_order(cell: str) -> tuple[int, int]:
    letters = "".join(ch for ch in cell if ch.isalpha())
    return (len(letters), sum(ord(ch) for ch in letters))


def _read_plan_sheet(
    reader: _Reader, rows: Iterator[tuple[int, tuple[Any, ...]]]
) -> dict[str, Any]:
    keys = {key: model_key for key, model_key, *_ in PLAN_KEYS}
    found: dict[str, Any] = {}
    meta: dict[str, Any] = {}
    for number, row in rows:
        key_cell = row[0] if row else None
        value = row[1] if len(row) > 1 else None
        if number == 1 and _norm_header(key_cell) == "kunci":
            continue  # the header row
        for k, extra in enumerate(row[2:], start=3):
            if extra is not None and str(extra).strip():
                reader.fail(
                    "isi di luar kolom Kunci dan Isi tidak dibaca: pindahkan ke kolom B, atau "
                    "ke catatan",
                    "a value outside the Kunci and Isi columns is not read: move it to column "
                    "B, or to the notes",
                    "Rencana",
                    f"{_letter(k)}{number}",
                )
        if key_cell is None and value is None:
            continue
        key = _norm_header(key_cell)
        if key.startswith("meta."):
            raw = str(key_cell).strip()[5:]
            if raw in meta:
                reader.fail(
                    f"kunci meta.{_short(raw, 60)} ditulis dua kali di lembar Rencana",
                    f"key meta.{_short(raw, 60)} is written twice on the Rencana sheet",
                    "Rencana",
                    f"A{number}",
                )
                continue
            meta[raw] = _plain_value(reader, value, "Rencana", f"B{number}")
            reader.source.plan_rows[f"meta.{raw}"] = number
            continue
        if key not in keys:
            shown = _short(str(key_cell), 60)
            reader.fail(
                f"kunci {shown!r} tidak dikenal di lembar Rencana; yang dikenal: "
                f"{', '.join(keys)}, meta.KUNCI",
                f"unknown key {shown!r} on the Rencana sheet; known: {', '.join(keys)}, meta.KEY",
                "Rencana",
                f"A{number}",
            )
            continue
        model_key = keys[key]
        if model_key in found:
            reader.fail(
                f"kunci {key!r} ditulis dua kali di lembar Rencana",
                f"key {key!r} is written twice on the Rencana sheet",
                "Rencana",
                f"A{number}",
            )
            continue
        found[model_key] = _plain_value(reader, value, "Rencana", f"B{number}")
        reader.source.plan_rows[
            {"format": "format", "start": "start", "end": "end"}.get(model_key, model_key)
        ] = number
    if meta:
        found["meta"] = meta
    return found


def _read_table(
    reader: _Reader, table: Sheet, rows: Iterator[tuple[int, tuple[Any, ...]]]
) -> list[tuple[int, dict[str, tuple[Any, str]]]]:
    """The data rows of one table sheet: per row its number and, per key, value and cell."""
    fixed = {_norm_header(c.header): c for c in (*table.columns, *table.tail)}
    yearly = {_norm_header(word): key for word, key in table.yearly}
    out: list[tuple[int, dict[str, tuple[Any, str]]]] = []
    header: list[str | None] = []
    letters: dict[str, str] = {}
    letters_at: list[str] = []
    for number, row in rows:
        if number == 1:
            seen: set[str] = set()
            for k, text in enumerate(row, start=1):
                name = _norm_header(text)
                letter = _letter(k)
                if not name:
                    header.append(None)
                    continue
                key: str | None = None
                if name in fixed:
                    key = fixed[name].key
                else:
                    match = _YEAR_HEADER.match(name)
                    if match is not None and match.group(1) in yearly:
                        key = f"{yearly[match.group(1)]}:{int(match.group(2))}"
                if key is None:
                    expected = [c.header for c in (*table.columns, *table.tail)]
                    expected += [f"{word} TAHUN" for word, _ in table.yearly]
                    shown = _short(str(text), 60)
                    reader.fail(
                        f"judul kolom {shown!r} tidak dikenal di lembar {table.name}; "
                        f"yang dikenal: {', '.join(expected)}",
                        f"unknown column header {shown!r} on sheet {table.name}; "
                        f"known: {', '.join(expected)}",
                        table.name,
                        f"{letter}1",
                    )
                    header.append(None)
                    continue
                if key in seen:
                    reader.fail(
                        f"kolom {_short(str(text), 60)!r} muncul dua kali di lembar {table.name}",
                        f"column {_short(str(text), 60)!r} appears twice on sheet {table.name}",
                        table.name,
                        f"{letter}1",
                    )
                    header.append(None)
                    continue
                seen.add(key)
                letters[key] = letter
                header.append(key)
            missing = [c.header for c in table.columns if c.required and c.key not in seen]
            if missing:
                reader.fail(
                    f"lembar {table.name} tidak punya kolom {', '.join(missing)}",
                    f"sheet {table.name} has no column {', '.join(missing)}",
                    table.name,
                    "A1",
                )
            reader.source.columns[table.name] = letters
            letters_at = [_letter(k) for k in range(1, len(header) + 1)]
            continue
        values: dict[str, tuple[Any, str]] = {}
        for k, value in enumerate(row):
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            key = header[k] if k < len(header) else None
            cell = f"{letters_at[k] if k < len(letters_at) else _letter(k + 1)}{number}"
            if key is None:
                reader.fail(
                    f"sel berisi nilai di kolom tanpa judul yang dikenal ({_short(str(value), 40)!r})",
                    f"the cell holds a value in a column without a known header "
                    f"({_short(str(value), 40)!r})",
                    table.name,
                    cell,
                )
                continue
            values[key] = (_plain_value(reader, value, table.name, cell), cell)
        if values:
            out.append((number, values))
    return out


def _text(
    reader: _Reader, got: tuple[Any, str] | None, sheet: str, what: str, *, kode: bool = False
) -> str | None:
    if got is None:
        return None
    value, cell = got
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        reader.fail(
            f"{what} berisi nilai benar/salah, bukan teks",
            f"{what} holds a true/false value, not text",
            sheet,
            cell,
        )
        return None
    if kode and isinstance(value, int | float):
        reader.fail(
            f"kode ditulis sebagai angka ({value!r}); Excel membuang nol di belakang koma "
            "(1.10 menjadi 1.1): ketik kode sebagai teks (format sel Teks, atau awali dengan ')",
            f"the kode is written as a number ({value!r}); Excel drops trailing zeros (1.10 "
            "becomes 1.1): type the kode as text (Text cell format, or start it with ')",
            sheet,
            cell,
        )
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _flag(reader: _Reader, got: tuple[Any, str] | None, sheet: str) -> bool | None:
    if got is None:
        return None
    value, cell = got
    if isinstance(value, bool):
        return value
    word = _norm_header(value)
    if word in _YES_WORDS:
        return True
    if word in _NO_WORDS:
        return False
    reader.fail(
        f"isi {value!r} tidak dikenal: tulis 'ya' atau 'tidak'",
        f"unknown value {value!r}: write 'ya' (yes) or 'tidak' (no)",
        sheet,
        cell,
    )
    return None


def _word(
    reader: _Reader,
    got: tuple[Any, str] | None,
    sheet: str,
    words: Mapping[str, str],
    shown: Sequence[str],
) -> str | None:
    if got is None:
        return None
    value, cell = got
    word = _norm_header(value)
    if word in words:
        return words[word]
    reader.fail(
        f"isi {value!r} tidak dikenal; pilih salah satu: {', '.join(shown)}",
        f"unknown value {value!r}; choose one of: {', '.join(shown)}",
        sheet,
        cell,
    )
    return None


def _target(value: Any) -> Any:
    if isinstance(value, str):
        match = _RANGE.match(value)
        if match is not None:
            low, high = (float(g) if any(c in g for c in ".eE") else int(g) for g in match.groups())
            return [low, high]
    return value


def _assemble(
    reader: _Reader,
    info: dict[str, Any],
    tables: Mapping[str, list[tuple[int, dict[str, tuple[Any, str]]]]],
) -> dict[str, Any]:
    """The native-format document of the plan, with each row's place recorded."""
    source = reader.source
    period = {k: info.pop(k) for k in ("start", "end") if k in info}
    fmt = info.pop("format", None)
    scheme = info.get("scheme")
    if isinstance(scheme, str) and scheme.strip().startswith("{"):
        import json

        try:
            info["scheme"] = json.loads(scheme)
        except (ValueError, RecursionError) as exc:
            scheme_row = source.plan_rows.get("scheme")
            reader.fail(
                f"skema (JSON) tidak bisa dibaca: {exc}",
                f"the scheme (JSON) cannot be read: {exc}",
                "Rencana",
                f"B{scheme_row}" if scheme_row else None,
            )
    frameworks = info.get("frameworks")
    if isinstance(frameworks, str):
        info["frameworks"] = [
            part.strip() for part in re.split(r"[;\n]", frameworks) if part.strip()
        ]
    elif frameworks is None:
        info.pop("frameworks", None)
    for key in [k for k, v in info.items() if v is None]:
        del info[key]
    plan_info: dict[str, Any] = {**info}
    if period:
        plan_info["period"] = period
    doc: dict[str, Any] = {"pohon": fmt if fmt is not None else 1, "plan": plan_info}

    opds: list[dict[str, Any]] = []
    for number, row in tables[_OPD.name]:
        opd: dict[str, Any] = {}
        for column in _OPD.columns:
            text = _text(
                reader, row.get(column.key), _OPD.name, column.header, kode=column.key == "kode"
            )
            if text is not None:
                opd[column.key] = text
        source.opd_rows_at.append(number)
        if "id" in opd:
            source.opd_rows.setdefault(opd["id"], number)
        opds.append(opd)
    doc["opds"] = opds

    nodes: list[dict[str, Any]] = []
    index_of: dict[str, int] = {}
    for number, row in tables[_NODE.name]:
        node: dict[str, Any] = {}
        for key in ("id", "level", "name", "opd", "notes"):
            text = _text(reader, row.get(key), _NODE.name, key)
            if text is not None:
                node[key] = text
        kode = _text(reader, row.get("kode"), _NODE.name, "kode", kode=True)
        if kode is not None:
            node["kode"] = kode
        parents = _text(reader, row.get("parents"), _NODE.name, "induk")
        weights_got = row.get("weights")
        if parents is not None:
            ids = [p.strip() for p in parents.split(";") if p.strip()]
            weights: list[Any] = [None] * len(ids)
            if weights_got is not None:
                raw, cell = weights_got
                parts = [raw] if not isinstance(raw, str) else [w.strip() for w in raw.split(";")]
                if len(parts) != len(ids):
                    reader.fail(
                        f"{len(parts)} bobot untuk {len(ids)} induk: tulis satu bobot per induk, "
                        "dipisah titik koma, dalam urutan yang sama",
                        f"{len(parts)} weights for {len(ids)} parents: write one weight per "
                        "parent, separated by semicolons, in the same order",
                        _NODE.name,
                        cell,
                    )
                else:
                    for k, part in enumerate(parts):
                        weights[k] = _weight(reader, part, cell)
            node["parents"] = [
                {"id": pid, "weight": w} if w is not None else pid
                for pid, w in zip(ids, weights, strict=True)
            ]
        elif weights_got is not None:
            reader.fail(
                "bobot induk tanpa induk",
                "parent weights without parents",
                _NODE.name,
                weights_got[1],
            )
        index_of.setdefault(node.get("id", ""), len(nodes))
        source.node_rows.append(number)
        nodes.append(node)

    def owner(row: dict[str, tuple[Any, str]], sheet: str) -> int | None:
        got = row.get("node")
        node_id = _text(reader, got, sheet, "node")
        if node_id is None or got is None:
            first = min(row.values(), key=lambda v: _cell_order(v[1]))[1]
            reader.fail(
                "baris ini berisi nilai tetapi kolom Node-nya kosong: tulis id node yang "
                "dimaksud, atau kosongkan barisnya",
                "this row holds values but its Node column is empty: write the node's id, or "
                "clear the row",
                sheet,
                first,
            )
            return None
        found = index_of.get(node_id)
        if found is None:
            reader.fail(
                f"node {node_id!r} tidak ada di lembar Node",
                f"node {node_id!r} is not on the Node sheet",
                sheet,
                got[1],
            )
        return found

    for number, row in tables[_INDICATOR.name]:
        at = owner(row, _INDICATOR.name)
        if at is None:
            continue
        ind: dict[str, Any] = {}
        for key in (
            "id",
            "name",
            "satuan",
            "definisi",
            "formula",
            "sumber_data",
            "penanggung_jawab",
            "notes",
        ):
            text = _text(reader, row.get(key), _INDICATOR.name, key)
            if text is not None:
                ind[key] = text
        measure = _word(
            reader, row.get("measure"), _INDICATOR.name, _MEASURE_WORDS, list(MEASURES.values())
        )
        if measure is not None:
            ind["measure"] = measure
        polarity = _word(
            reader, row.get("polarity"), _INDICATOR.name, _POLARITY_WORDS, list(POLARITIES.values())
        )
        if polarity is not None:
            ind["polarity"] = polarity
        scale = _text(reader, row.get("scale"), _INDICATOR.name, "skala")
        if scale is not None:
            ind["scale"] = [part.strip() for part in scale.split(";") if part.strip()]
        for key in ("cumulative", "iku"):
            flag = _flag(reader, row.get(key), _INDICATOR.name)
            if flag is not None:
                ind[key] = flag
        year_got, value_got = row.get("baseline_year"), row.get("baseline_value")
        if year_got is not None or value_got is not None:
            base: dict[str, Any] = {}
            if year_got is not None:
                base["year"] = year_got[0]
            if value_got is not None:
                base["value"] = _target(value_got[0])
            ind["baseline"] = base
        for kind in ("targets", "actuals"):
            per_year = {
                int(key.split(":")[1]): _target(value)
                for key, (value, _) in row.items()
                if key.startswith(kind + ":") and value is not None
            }
            if per_year:
                ind[kind] = per_year
        node = nodes[at]
        k = len(node.setdefault("indicators", []))
        node["indicators"].append(ind)
        source.indicator_rows_at[(at, k)] = number
        if isinstance(ind.get("id"), str):
            source.indicator_rows.setdefault((at, ind["id"]), number)

    for number, row in tables[_PAGU.name]:
        at = owner(row, _PAGU.name)
        if at is None:
            continue
        pagu = {
            int(key.split(":")[1]): value
            for key, (value, _) in row.items()
            if key.startswith("pagu:") and value is not None
        }
        if at in source.pagu_rows:
            reader.fail(
                f"pagu node {nodes[at].get('id')!r} sudah ditulis di baris {source.pagu_rows[at]}",
                f"the pagu of node {nodes[at].get('id')!r} is already written on row "
                f"{source.pagu_rows[at]}",
                _PAGU.name,
                row["node"][1],
            )
            continue
        source.pagu_rows[at] = number
        if pagu:
            nodes[at]["pagu"] = pagu

    for number, row in tables[_ALIGN.name]:
        at = owner(row, _ALIGN.name)
        if at is None:
            continue
        ref = _text(reader, row.get("ref"), _ALIGN.name, "butir kerangka")
        if ref is None:
            reader.fail(
                "baris keselarasan tanpa butir kerangka",
                "an alignment row without a framework item",
                _ALIGN.name,
                row["node"][1],
            )
            continue
        nodes[at].setdefault("aligns", []).append(ref.strip())
        source.align_rows.setdefault(at, []).append(number)

    for number, row in tables[_CROSS.name]:
        at = owner(row, _CROSS.name)
        if at is None:
            continue
        decl: dict[str, Any] = {}
        for key in ("opd", "agency", "status", "note"):
            text = _text(reader, row.get(key), _CROSS.name, key)
            if text is not None:
                decl[key] = text.strip() if key == "status" else text
        nodes[at].setdefault("crosscutting", []).append(decl)
        source.cross_rows.setdefault(at, []).append(number)

    doc["nodes"] = nodes
    return doc


def _weight(reader: _Reader, part: Any, cell: str) -> Any:
    if part in ("", None):
        return None
    if isinstance(part, int | float) and not isinstance(part, bool):
        return part
    text = str(part).strip()
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        reader.fail(
            f"bobot {text!r} bukan angka (pakai titik untuk desimal di sel teks: 12.5)",
            f"the weight {text!r} is not a number (use a dot for decimals in a text cell: 12.5)",
            _NODE.name,
            cell,
        )
        return None


__all__ = [
    "SHEETS",
    "WORKBOOK_SUFFIXES",
    "WorkbookSource",
    "is_workbook",
    "read_workbook",
    "write_workbook",
]
