"""A flat "matriks cascading" workbook read through a column mapping.

Bappeda and OPD keep their cascading, Renstra tables and Renja evaluations as one sheet with
one row per node: the level is the column that is filled (Visi, Misi, Sasaran, Tujuan PD,
Sasaran PD, Program/Kegiatan/Sub Kegiatan), parents are the nodes of the rows above, and
indicators, targets, realisasi, pagu and realisasi anggaran sit in columns beside them. A
small YAML file, the *pemetaan*, says which column holds what (``docs/excel.md``;
``pohon/data/pemetaan/`` ships an example for the Evaluasi Renja form)::

    pohon-pemetaan: 1
    sheet: Realisasi TW IV
    rows: {first: 11, last: 112}
    plan: {id: ..., name: ..., period: {start: 2025, end: 2030}}
    opd: {id: bappedalitbang, name: ...}
    levels:
      - {column: B, level: visi}
      - column: G
        cases:
          - {match: '^Program\\b', level: program}
          - {no_indicator: true, skip: grouping}
          - {formula_in: K, level: kegiatan}
          - {level: sub_kegiatan}
    indicators: {name: H, satuan: I, targets: {2025: N}, actuals: {2025: AB}}
    pagu: {2025: O}
    realisasi_anggaran: {2025: AC}

Every row from ``first`` to ``last`` is accounted for: it opens one or more nodes, adds an
indicator to the node above (a row with only indicator cells), or is set apart with a
reason (a grouping row of urusan/bidang, an empty row); the rows outside are named once.
What the reading had to decide (two indicators in one cell with one target, a kegiatan
found by its sum) is a note, reported by the check as PK120 at its cell, never dropped.
Numbers written as Indonesian text (``"73,36"``, ``"1.250.000"``, ``"Rp 4.320.000.000"``,
``"95%"``) are read as numbers in the columns the mapping names as values.
"""

from __future__ import annotations

import io
import re
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from pohon.findings import Location
from pohon.findings.loading import SCHEMA, UNREADABLE
from pohon.io.errors import LoadError, Problem
from pohon.io.messages import problems_from_validation
from pohon.io.workbook.package import _refuse_package, _short, damaged
from pohon.model import Plan
from pohon.model.kode import MAX_KODE, KodePattern, KodePatternError

MAPPINGS = Path(__file__).resolve().parent.parent / "data" / "pemetaan"
"""The mappings that ship with pohon (``--pemetaan evaluasi-renja``)."""

_COLUMN = re.compile(r"^[A-Z]{1,3}$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _column(value: str) -> str:
    text = value.strip().upper()
    if not _COLUMN.match(text):
        raise ValueError(f"kolom {value!r} bukan huruf kolom Excel (A, B, ..., AB)")
    return text


class Case(_Strict):
    """One way a filled cell of a level column is read (the first case that fits)."""

    level: str | None = None
    skip: str | None = None
    """Set the row apart with this reason (a grouping row) instead of opening a node."""
    match: str | None = Field(default=None, max_length=200)
    """A pattern the cell's text, in lower case, must start with (``program\\s``), in the
    safe pattern language of kode patterns (docs/format.md): matched in linear time."""
    no_indicator: bool = False
    """Fits when the row has no indicator name."""
    formula_in: str | None = None
    """Fits when this column holds a formula on the row (a kegiatan summing its rows)."""
    sums_below: str | None = None
    """Fits when this column's value equals the sum of the next rows' values."""
    kode_match: str | None = Field(default=None, max_length=200)
    """A pattern the row's kode (the mapping's ``kode`` column) must match in full, in the
    same safe language: ``'\\d\\.\\d{2}\\.\\d{2}'`` for a program ``U.BB.PP``."""
    indent: int | None = Field(default=None, ge=0, le=250)
    """Fits when the cell is indented this much (Excel's Increase Indent, or as many
    leading spaces): the level shown by indentation."""

    @field_validator("formula_in", "sums_below")
    @classmethod
    def _columns(cls, value: str | None) -> str | None:
        return None if value is None else _column(value)

    @field_validator("match", "kode_match")
    @classmethod
    def _pattern(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                _safe(value, start=True)
            except KodePatternError as exc:
                raise ValueError(f"pola {value!r} tidak bisa dipakai: {exc.reason_id}") from None
        return value


def _safe(pattern: str, *, start: bool = False) -> KodePattern:
    """A mapping's pattern in the safe language of kode patterns; ``start`` matches it at the
    start of a text (anything may follow)."""
    if start:
        body = pattern[1:] if pattern.startswith("^") else pattern
        return KodePattern.compile(f"(?:{body}).*")
    return KodePattern.compile(pattern)


class LevelColumn(_Strict):
    column: str
    level: str | None = None
    cases: tuple[Case, ...] = ()

    @field_validator("column")
    @classmethod
    def _col(cls, value: str) -> str:
        return _column(value)


class IndicatorColumns(_Strict):
    name: str
    satuan: str | None = None
    split: str | None = Field(default=r"(?:^|\s{2,}|\n)\s*\d+[.)]\s+", max_length=200)
    """Where one cell holds several indicators (``1. ... 2. ...``): the separator."""
    polarity: str | None = None
    """A column of polarity words (``makin tinggi makin baik``, ``naik``, ``maximize``...)."""
    iku: bool = False
    """Every indicator read is an Indikator Kinerja Utama (an IKU table)."""
    targets: dict[int, str] = Field(default_factory=dict)
    actuals: dict[int, str] = Field(default_factory=dict)
    pk_targets: dict[int, str] = Field(default_factory=dict)
    """Targets as signed in the year's Perjanjian Kinerja, where the form has them."""

    @field_validator("name", "satuan", "polarity")
    @classmethod
    def _col(cls, value: str | None) -> str | None:
        return None if value is None else _column(value)

    @field_validator("targets", "actuals", "pk_targets")
    @classmethod
    def _cols(cls, value: dict[int, str]) -> dict[int, str]:
        return {year: _column(col) for year, col in value.items()}


class OpdSpec(_Strict):
    id: str
    name: str | None = None
    name_cell: str | None = None
    """A cell holding the OPD's name, such as ``F10`` (``Perangkat Daerah : ... (SINGKATAN)``)."""
    singkatan: str | None = None


class Rows(_Strict):
    first: int = Field(ge=1, le=1_048_576)
    last: int | None = Field(default=None, ge=1, le=1_048_576)


class CascadingMapping(_Strict):
    """A pemetaan: which column of a flat cascading sheet holds what."""

    format: Literal[1] = Field(alias="pohon-pemetaan")
    sheet: str | None = None
    rows: Rows
    plan: dict[str, Any]
    opd: OpdSpec | None = None
    levels: tuple[LevelColumn, ...] = Field(min_length=1)
    indicators: IndicatorColumns | None = None
    pagu: dict[int, str] = Field(default_factory=dict)
    realisasi_anggaran: dict[int, str] = Field(default_factory=dict)
    """Budget spent per year, in rupiah, read on the rows that get pagu."""
    kode: str | None = None
    expect: dict[str, str] = Field(default_factory=dict)
    """Header cells and the text they must hold (``{C7: Sasaran}``), so that a mapping is
    never applied to another form by mistake."""

    @field_validator("pagu", "realisasi_anggaran")
    @classmethod
    def _cols(cls, value: dict[int, str]) -> dict[int, str]:
        return {year: _column(col) for year, col in value.items()}

    @field_validator("kode")
    @classmethod
    def _kode(cls, value: str | None) -> str | None:
        return None if value is None else _column(value)


def load_mapping(name_or_path: str) -> CascadingMapping:
    """A shipped mapping by name (``evaluasi-renja``) or a mapping file; :class:`LoadError`
    naming the line of any problem."""
    from pohon.io.files import read_input
    from pohon.io.yamlread import YamlError, read_yaml

    shipped = MAPPINGS / f"{name_or_path}.yaml"
    path = str(shipped) if "/" not in name_or_path and shipped.is_file() else name_or_path
    data = read_input(path)
    try:
        doc = read_yaml(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise LoadError(
            path,
            [
                Problem(
                    "pemetaan bukan teks UTF-8", "mapping is not UTF-8 text", code=UNREADABLE.code
                )
            ],
        ) from None
    except YamlError as exc:
        raise LoadError(path, [exc.problem]) from None
    try:
        return CascadingMapping.model_validate(doc.value)
    except ValidationError as exc:
        from pohon.io.messages import locator

        lines = read_yaml(data.decode("utf-8-sig"), track_lines=True).lines
        raise LoadError(path, problems_from_validation(exc, locator(lines))) from None


def shipped_mappings() -> list[str]:
    """The names of the mappings that ship with pohon."""
    return sorted(p.stem for p in MAPPINGS.glob("*.yaml"))


# -- reading -------------------------------------------------------------------------------


@dataclass
class Note:
    """What reading a row had to decide or set apart, at its cell."""

    message: str
    message_en: str
    sheet: str
    cell: str
    severity: str = "info"
    node: str | None = None


@dataclass
class CascadingSource:
    """Where each node of a plan read from a cascading sheet was written, and the notes."""

    file: str | None
    sheet: str
    node_cells: list[str] = field(default_factory=list)
    indicator_cells: dict[tuple[int, str], str] = field(default_factory=dict)
    pagu_cells: dict[int, str] = field(default_factory=dict)
    realisasi_cells: dict[int, str] = field(default_factory=dict)
    """The cell of each node's realisasi anggaran (its first year's)."""
    notes: list[Note] = field(default_factory=list)
    rows: dict[int, str] = field(default_factory=dict)
    """Every row of the data range: what it became (``node P13``, ``indikator``, ``dilewati:
    ...``)."""
    format = "xlsx"

    def location(
        self,
        index: int,
        *,
        indicator_id: str | None = None,
        field: str | None = None,
        path: str | None = None,
    ) -> Location:
        cell: str | None = None
        if indicator_id is not None:
            cell = self.indicator_cells.get((index, indicator_id))
        if cell is None and field == "pagu":
            cell = self.pagu_cells.get(index)
        if cell is None and field == "realisasi_anggaran":
            cell = self.realisasi_cells.get(index)
        if cell is None and 0 <= index < len(self.node_cells):
            cell = self.node_cells[index]
        return Location(self.file, sheet=self.sheet, cell=cell, path=path)

    def opd_location(self, opd_id: str, path: str | None = None) -> Location:
        return Location(self.file, sheet=self.sheet, path=path)


_ID_PREFIX = {
    "visi": "V",
    "misi": "M",
    "tujuan": "T",
    "sasaran": "S",
    "tujuan_opd": "TO",
    "sasaran_opd": "SO",
    "program": "P",
    "kegiatan": "K",
    "sub_kegiatan": "SK",
}

_AMOUNTS = ("pagu", "realisasi_anggaran")
"""The yearly amounts of a node, in rupiah, each mapped like ``pagu: {2025: O}``."""

_RUPIAH = re.compile(r"^\s*(?:rp\.?\s*)?([-+]?[\d.,\s]+?)\s*(%?)\s*$", re.IGNORECASE)


def indonesian_number(text: str) -> int | float | None:
    """A number written as Indonesian text, or ``None``: ``"73,36"`` → 73.36 (decimal
    comma), ``"1.250.000"`` → 1250000 (thousands dots), ``"Rp 4.320.000.000"`` → 4320000000,
    ``"95%"`` → 95, ``"1.234,5"`` → 1234.5; ``"0.83"`` stays 0.83.

    >>> indonesian_number("73,36"), indonesian_number("1.250.000"), indonesian_number("95%")
    (73.36, 1250000, 95)
    >>> indonesian_number("Rp 4.320.000.000"), indonesian_number("0.83"), indonesian_number("Baik")
    (4320000000, 0.83, None)
    """
    found = _RUPIAH.match(text)
    if found is None:
        return None
    body = found.group(1).replace(" ", "")
    if not any(ch.isdigit() for ch in body):
        return None
    sign = ""
    if body[0] in "+-":
        sign, body = body[0], body[1:]
    if "," in body and "." in body:
        if body.rfind(",") < body.rfind("."):
            return None  # 1,234.5: not how Indonesian numbers are written
        body = body.replace(".", "").replace(",", ".")
    elif body.count(",") == 1:
        body = body.replace(",", ".")
    elif "," in body:
        return None
    elif body.count(".") > 1:
        groups = body.split(".")
        if not all(len(g) == 3 for g in groups[1:]):
            return None
        body = body.replace(".", "")
    elif "." in body:
        head, _, tail = body.partition(".")
        if len(tail) == 3 and head and head != "0" and len(head) <= 3:
            body = head + tail  # 1.250: thousands
    if not re.fullmatch(r"\d+(?:\.\d+)?", body):
        return None
    value = float(sign + body)
    return int(value) if "." not in body else value


def read_cascading(data: bytes, mapping: CascadingMapping, file: str | None = None) -> Plan:
    """The plan in a flat cascading workbook read through ``mapping``; see the module."""
    data = bytes(data)
    _refuse_package(data, file)
    import warnings

    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            values = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
            formulas = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    except MemoryError:
        raise LoadError(file, [damaged(None, "MemoryError", "")]) from None
    except Exception as exc:
        raise LoadError(
            file,
            [
                Problem(
                    f"buku kerja tidak bisa dibuka: {type(exc).__name__}: {_short(str(exc))}",
                    f"the workbook cannot be opened: {type(exc).__name__}: {_short(str(exc))}",
                    code=UNREADABLE.code,
                )
            ],
        ) from None
    name = mapping.sheet or values.sheetnames[0]
    if name not in values.sheetnames:
        raise LoadError(
            file,
            [
                Problem(
                    f"lembar {name!r} yang disebut pemetaan tidak ada; lembarnya: "
                    f"{', '.join(values.sheetnames)}",
                    f"the sheet {name!r} named by the mapping does not exist; its sheets: "
                    f"{', '.join(values.sheetnames)}",
                    code=SCHEMA.code,
                )
            ],
        )
    sheet = values[name]
    wrong = []
    for cell, text in mapping.expect.items():
        try:
            found = sheet[cell].value
        except (ValueError, KeyError, AttributeError):
            found = None
        if " ".join(str(found or "").split()).casefold() != " ".join(text.split()).casefold():
            wrong.append(
                Problem(
                    f"sel ini berisi {_short(str(found), 60)!r}, pemetaan mengharapkan {text!r}: "
                    "buku kerja ini bukan formulir yang dipetakan",
                    f"this cell holds {_short(str(found), 60)!r}, the mapping expects {text!r}: "
                    "this workbook is not the form the mapping describes",
                    sheet=name,
                    cell=cell.upper(),
                    code=SCHEMA.code,
                )
            )
    if wrong:
        raise LoadError(file, wrong)
    if not hasattr(sheet, "iter_rows"):
        raise LoadError(file, [damaged(name, "Chartsheet", "a chart, not a table")])
    try:
        return _Cascade(mapping, sheet, formulas[name], file).read()
    except LoadError:
        raise
    except MemoryError:
        raise LoadError(file, [damaged(name, "MemoryError", "")]) from None
    except (RecursionError, ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        raise LoadError(file, [damaged(name, type(exc).__name__, str(exc))]) from None


class _Cascade:
    def __init__(self, mapping: CascadingMapping, sheet: Any, formulas: Any, file: str | None):
        self.m = mapping
        self.sheet = sheet
        self.formulas = formulas
        self.file = file
        self.source = CascadingSource(file, sheet.title)
        self.nodes: list[dict[str, Any]] = []
        self.problems: list[Problem] = []
        # The value of a merged range is in its top-left cell; the cells below are empty,
        # so a name merged down over many rows opens its node once.
        self.last = mapping.rows.last or sheet.max_row
        self.covered = 0
        """The last row added up by the formula of a row read through ``formula_in``."""
        self.amount_rows: dict[int, int] = {}
        """The row each node's pagu and realisasi anggaran were read from."""

    def value(self, column: str, row: int) -> Any:
        return self.sheet[f"{column}{row}"].value

    def text(self, column: str, row: int) -> str | None:
        value = self.value(column, row)
        if value is None:
            return None
        text = str(value).strip()
        return text or None

    def note(
        self,
        cell: str,
        message: str,
        message_en: str,
        severity: str = "info",
        node: str | None = None,
    ) -> None:
        self.source.notes.append(Note(message, message_en, self.sheet.title, cell, severity, node))

    def number(self, column: str, row: int, what: str) -> Any:
        """A value cell: a number, a number written as Indonesian text, or the text as
        written (a rule reports it); an Excel error is a problem at its cell."""
        value = self.value(column, row)
        cell = f"{column}{row}"
        if value is None:
            return None
        if isinstance(value, bool):
            self.fail(
                cell,
                f"{what} berisi benar/salah, bukan angka",
                f"{what} holds true/false, not a number",
            )
            return None
        if isinstance(value, int | float):
            return value
        text = str(value).strip()
        if not text:
            return None
        if text.startswith("#"):
            self.note(
                cell,
                f"{what} berisi galat Excel {text}: tidak dibaca",
                f"{what} holds the Excel error {text}: not read",
                "warning",
            )
            return None
        number = indonesian_number(text)
        if number is not None:
            return number
        return text

    def fail(self, cell: str, message: str, message_en: str) -> None:
        if len(self.problems) < 50:
            self.problems.append(
                Problem(message, message_en, sheet=self.sheet.title, cell=cell, code=SCHEMA.code)
            )

    def indent(self, column: str, row: int) -> int:
        """How far a cell is indented: Excel's indent level, or its leading spaces."""
        cell = self.sheet[f"{column}{row}"]
        level = int(getattr(cell.alignment, "indent", 0) or 0)
        if level:
            return level
        value = cell.value
        if isinstance(value, str):
            return len(value) - len(value.lstrip(" "))
        return 0

    def is_formula(self, column: str, row: int) -> bool:
        value = self.formulas[f"{column}{row}"].value
        return isinstance(value, str) and value.startswith("=")

    def sums_below(self, column: str, row: int) -> int | None:
        """The last row whose values, from ``row + 1``, add up to this row's value."""
        mine = self.value(column, row)
        if not isinstance(mine, int | float) or isinstance(mine, bool) or mine == 0:
            return None
        total: float = 0
        for below in range(row + 1, self.last + 1):
            value = self.value(column, below)
            if not isinstance(value, int | float) or isinstance(value, bool):
                return None
            total += value
            if abs(total - mine) < 0.5:
                return below
            if total > mine:
                return None
        return None

    def read(self) -> Plan:
        m = self.m
        source = self.source
        first, last = m.rows.first, self.last
        if self.sheet.max_row > last:
            source.notes.append(
                Note(
                    f"baris {last + 1}-{self.sheet.max_row} tidak dibaca: di luar baris data "
                    f"{first}-{last} menurut pemetaan (jumlah, tanda tangan)",
                    f"rows {last + 1}-{self.sheet.max_row} are not read: outside the data rows "
                    f"{first}-{last} of the mapping (totals, signatures)",
                    self.sheet.title,
                    f"A{last + 1}",
                )
            )
        opd_levels = {"tujuan_opd", "sasaran_opd", "program", "kegiatan", "sub_kegiatan"}
        opd_id = m.opd.id if m.opd is not None else None
        open_at: dict[str, int] = {}  # level → index of its open node
        order = [lc for lc in m.levels]
        from pohon.model import BUILTIN_SCHEMES

        scheme_id = m.plan.get("scheme", "kota")
        scheme = BUILTIN_SCHEMES.get(scheme_id) if isinstance(scheme_id, str) else None
        ranks = {lv: k for k, lv in enumerate(scheme.level_ids)} if scheme else {}
        allowed = {lv.id: set(lv.parents) for lv in scheme.levels} if scheme else {}
        pagu_levels = {lv.id for lv in scheme.levels if lv.pagu} if scheme else set(_ID_PREFIX)
        seen: dict[tuple[str, str | None, str], int] = {}
        for row in range(first, last + 1):
            opened: list[int] = []
            found: list[tuple[str, str, str]] = []  # (level, name, cell) of this row
            for lc in order:
                text = self.text(lc.column, row)
                if text is None:
                    continue
                cell = f"{lc.column}{row}"
                level, reason = self.level_of(lc, text, row)
                if level is None:
                    source.rows[row] = f"dilewati: {reason}"
                    self.note(
                        cell,
                        f"baris {row} dilewati: {reason} ({_short(text, 60)!r})",
                        f"row {row} set apart: {reason} ({_short(text, 60)!r})",
                    )
                    continue
                found.append((level, text, cell))
            if found:
                # The lowest level on the row closes what is open at and below it (a new
                # program closes the kegiatan above); the higher levels written on the same
                # row replace their own level only: a tujuan and sasaran PD written beside a
                # kegiatan are what that kegiatan serves, its program stays open.
                lowest = max(ranks.get(level, 0) for level, _, _ in found)
                for other in list(open_at):
                    if ranks.get(other, 0) >= lowest:
                        del open_at[other]
            for level, text, cell in found:
                open_at.pop(level, None)
                parent = self.parent_for(level, open_at, ranks, allowed)
                parent_id = self.nodes[parent]["id"] if parent is not None else None
                key = (level, parent_id, " ".join(text.split()).casefold())
                if key in seen:  # the same name repeated on a later row of the form
                    open_at[level] = seen[key]
                    opened.append(seen[key])
                    continue
                node: dict[str, Any] = {
                    "id": f"{_ID_PREFIX.get(level, level.upper())}{row}",
                    "level": level,
                    "name": text,
                }
                if parent_id is not None:
                    node["parents"] = [parent_id]
                if opd_id is not None and level in opd_levels:
                    node["opd"] = opd_id
                if m.kode is not None and level in ("program", "kegiatan", "sub_kegiatan"):
                    kode = self.text(m.kode, row)
                    if kode:
                        node["kode"] = kode
                seen[key] = len(self.nodes)
                open_at[level] = len(self.nodes)
                opened.append(len(self.nodes))
                source.node_cells.append(cell)
                self.nodes.append(node)
            target = opened[-1] if opened else self.current(open_at)
            has_indicator = m.indicators is not None and self.text(m.indicators.name, row)
            if opened:
                source.rows[row] = "node " + ", ".join(self.nodes[i]["id"] for i in opened)
            elif has_indicator and target is not None:
                source.rows[row] = f"indikator {self.nodes[target]['id']}"
            elif row not in source.rows:
                if any(c.value is not None and str(c.value).strip() for c in self.sheet[row]):
                    source.rows[row] = "dilewati: tanpa nama node"
                    self.note(
                        f"A{row}",
                        f"baris {row} dilewati: tidak ada nama node di kolom level mana pun",
                        f"row {row} set apart: no node name in any level column",
                        "warning",
                    )
                else:
                    source.rows[row] = "kosong"
                continue
            if source.rows[row].startswith("dilewati"):
                continue
            if target is not None:
                if has_indicator:
                    self.indicators(target, row)
                if opened and (m.pagu or m.realisasi_anggaran):
                    level = self.nodes[target]["level"]
                    if level in pagu_levels:
                        self.pagu(target, row)
                    else:
                        self.no_pagu(level, row)
        if self.problems:
            raise LoadError(self.file, self.problems)
        return self.plan()

    def current(self, open_at: Mapping[str, int]) -> int | None:
        if not open_at:
            return None
        return max(open_at.values())

    def parent_for(
        self,
        level: str,
        open_at: Mapping[str, int],
        ranks: Mapping[str, int],
        allowed: Mapping[str, set[str]],
    ) -> int | None:
        """The open node the new one hangs under: the nearest of a level the scheme allows
        as its parent, else the nearest open node of a higher level."""
        wanted = allowed.get(level, set())
        fitting = [i for lv, i in open_at.items() if lv in wanted]
        if fitting:
            return max(fitting)
        higher = [i for lv, i in open_at.items() if ranks.get(lv, 0) < ranks.get(level, 0)]
        return max(higher) if higher else None

    def level_of(self, lc: LevelColumn, text: str, row: int) -> tuple[str | None, str]:
        if not lc.cases:
            return lc.level, ""
        ind = self.m.indicators
        for case in lc.cases:
            if case.match is not None:
                head = " ".join(text.split())[:MAX_KODE].casefold()
                if _safe(case.match, start=True).fullmatch(head) is None:
                    continue
            if case.kode_match is not None:
                kode = self.text(self.m.kode, row) if self.m.kode else None
                if kode is None or _safe(case.kode_match).fullmatch(kode) is None:
                    continue
            if case.indent is not None and self.indent(lc.column, row) != case.indent:
                continue
            if case.no_indicator and (ind is None or self.text(ind.name, row)):
                continue
            if case.formula_in is not None:
                if not self.is_formula(case.formula_in, row):
                    continue
                # The rows its formula adds up are its own rows (sub kegiatan), whatever
                # their values: remember how far down they go.
                formula = str(self.formulas[f"{case.formula_in}{row}"].value)
                below = [int(n) for n in re.findall(r"[A-Z]{1,3}\$?(\d+)", formula.upper())]
                self.covered = max([self.covered, *(n for n in below if n > row)])
            if case.sums_below is not None:
                if row <= self.covered or self.is_formula(case.sums_below, row):
                    continue
                end = self.sums_below(case.sums_below, row)
                if end is None:
                    continue
                self.note(
                    f"{case.sums_below}{row}",
                    f"baris {row} dibaca sebagai {case.level}: nilainya sama dengan jumlah "
                    f"baris {row + 1}-{end} di bawahnya",
                    f"row {row} read as {case.level}: its value is the sum of rows "
                    f"{row + 1}-{end} below it",
                )
            if case.skip is not None:
                return None, case.skip
            return case.level, ""
        return None, "tidak cocok dengan kasus mana pun di pemetaan"

    def indicators(self, target: int, row: int) -> None:
        ind = self.m.indicators
        assert ind is not None
        cell = f"{ind.name}{row}"
        raw = self.text(ind.name, row) or ""
        names = [raw]
        if ind.split:
            parts = [p.strip() for p in re.split(ind.split, raw) if p and p.strip()]
            if len(parts) > 1:
                names = parts
        node = self.nodes[target]
        found = node.setdefault("indicators", [])
        satuan = self.text(ind.satuan, row) if ind.satuan else None
        targets = {
            y: v
            for y, col in ind.targets.items()
            if (v := self.number(col, row, "target")) is not None
        }
        actuals = {
            y: v
            for y, col in ind.actuals.items()
            if (v := self.number(col, row, "realisasi")) is not None
        }
        pk_targets = {
            y: v
            for y, col in ind.pk_targets.items()
            if (v := self.number(col, row, "target PK")) is not None
        }
        if len(names) > 1:
            self.note(
                cell,
                f"{len(names)} indikator dalam satu sel; satuan, target dan realisasi baris ini "
                "diberikan ke indikator pertama, yang lain tanpa target",
                f"{len(names)} indicators in one cell; the row's satuan, targets and actuals go to "
                "the first, the others have none",
                "warning",
                node["id"],
            )
        polarity = None
        if ind.polarity is not None:
            word = self.text(ind.polarity, row)
            if word is not None:
                from pohon.io.workbook.layout import _POLARITY_WORDS

                polarity = _POLARITY_WORDS.get(" ".join(word.split()).casefold())
                if polarity is None:
                    self.note(
                        f"{ind.polarity}{row}",
                        f"polaritas {word!r} tidak dikenal: indikator dibaca makin tinggi makin "
                        "baik",
                        f"unknown polarity {word!r}: the indicator is read as higher is better",
                        "warning",
                        node["id"],
                    )
        for k, name in enumerate(names):
            indicator: dict[str, Any] = {"id": f"{node['id']}.I{len(found) + 1}", "name": name}
            if ind.iku:
                indicator["iku"] = True
            if polarity is not None:
                indicator["polarity"] = polarity
            if k == 0:
                if satuan:
                    indicator["satuan"] = satuan
                if targets:
                    indicator["targets"] = targets
                if actuals:
                    indicator["actuals"] = actuals
                if pk_targets:
                    indicator["pk_targets"] = pk_targets
            found.append(indicator)
            self.source.indicator_cells[(target, indicator["id"])] = cell

    def pagu(self, target: int, row: int) -> None:
        """The row's pagu and realisasi anggaran, in rupiah: a text that is no number is a
        problem at its cell, never skipped."""
        for key, columns, cells, what, what_en in (
            ("pagu", self.m.pagu, self.source.pagu_cells, "pagu", "pagu"),
            (
                "realisasi_anggaran",
                self.m.realisasi_anggaran,
                self.source.realisasi_cells,
                "realisasi anggaran",
                "realisasi anggaran (budget spent)",
            ),
        ):
            amounts = {}
            for year, col in columns.items():
                value = self.number(col, row, what)
                if value is None:
                    continue
                if isinstance(value, str):
                    self.fail(
                        f"{col}{row}",
                        f"{what} {value!r} bukan angka",
                        f"the {what_en} {value!r} is not a number",
                    )
                    continue
                amounts[year] = value
            if amounts:
                self.nodes[target][key] = amounts
                cells[target] = f"{next(iter(columns.values()))}{row}"
                self.amount_rows[target] = row

    def no_pagu(self, level: str, row: int) -> None:
        """A note on the amounts of a row whose level gets no pagu: they are not read."""
        written = [
            (what, col)
            for what, columns in (
                ("pagu", self.m.pagu),
                ("realisasi anggaran", self.m.realisasi_anggaran),
            )
            for col in columns.values()
            if self.value(col, row) is not None
        ]
        if not written:
            return
        whats = list(dict.fromkeys(what for what, _ in written))
        what = " dan ".join(whats)
        what_en = " and ".join(whats)
        self.note(
            f"{written[0][1]}{row}",
            f"{what} baris {row} tidak dibaca: {level} tidak diberi pagu (baris ini menjumlah "
            "baris di bawahnya)",
            f"the {what_en} of row {row} is not read: a {level} gets no pagu (the row sums the "
            "rows below it)",
        )

    def plan(self) -> Plan:
        m = self.m
        opds = []
        if m.opd is not None:
            opd: dict[str, Any] = {"id": m.opd.id, "name": m.opd.name or m.opd.id}
            if m.opd.name_cell:
                written = self.sheet[m.opd.name_cell].value
                if isinstance(written, str) and written.strip():
                    text = re.sub(
                        r"^\s*perangkat daerah\s*:\s*", "", written.strip(), flags=re.IGNORECASE
                    )
                    found = re.match(r"^(.*?)\s*\(([^()]+)\)\s*$", text)
                    if found:
                        opd["name"], opd["singkatan"] = found.group(1), found.group(2)
                    else:
                        opd["name"] = text
            if m.opd.singkatan:
                opd["singkatan"] = m.opd.singkatan
            opds.append(opd)
        doc = {"pohon": 1, "plan": dict(m.plan), "opds": opds, "nodes": self.nodes}
        try:
            plan = Plan.model_validate(doc)
        except ValidationError as exc:
            raise LoadError(self.file, problems_from_validation(exc, place=self.place)) from None
        plan._source = self.source
        return plan

    def place(self, loc: tuple[Hashable, ...]) -> tuple[str | None, str | None]:
        if len(loc) > 1 and loc[0] == "nodes" and isinstance(loc[1], int):
            row = self.amount_rows.get(loc[1])
            if len(loc) > 3 and loc[2] in _AMOUNTS and row is not None:
                # A refused amount (too large) at its own year's cell.
                year = loc[3]
                columns: dict[int, str] = getattr(self.m, str(loc[2]))
                column = columns.get(year) if isinstance(year, int) else None
                if column is not None:
                    return self.sheet.title, f"{column}{row}"
            cells = self.source.node_cells
            if loc[1] < len(cells):
                return self.sheet.title, cells[loc[1]]
        return self.sheet.title, None


__all__ = [
    "CascadingMapping",
    "CascadingSource",
    "Note",
    "indonesian_number",
    "load_mapping",
    "read_cascading",
    "shipped_mappings",
]
