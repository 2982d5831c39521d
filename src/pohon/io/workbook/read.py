"""Reading a template workbook into a plan, naming the sheet and cell of every problem."""

from __future__ import annotations

import datetime as _dt
import io
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from pohon.findings.loading import UNREADABLE
from pohon.io.errors import LoadError, Problem
from pohon.io.messages import problems_from_validation
from pohon.io.workbook.layout import (
    _ALIGN,
    _CROSS,
    _IGNORED_PREFIX,
    _INDICATOR,
    _MEASURE_WORDS,
    _NO_WORDS,
    _NODE,
    _OPD,
    _PAGU,
    _POLARITY_WORDS,
    _YES_WORDS,
    MAX_ERRORS,
    MEASURES,
    PLAN_KEYS,
    POLARITIES,
    SHEETS,
    TABLES,
    Sheet,
)
from pohon.io.workbook.package import (
    SheetPart,
    _letter,
    _openpyxl,
    _problem,
    _refuse_package,
    _short,
    damaged,
    scan_parts,
)
from pohon.io.workbook.source import WorkbookSource
from pohon.model import Plan


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


_YEAR_HEADER = re.compile(r"^(\S.*?)\s+(\d{4})$")
"""A year column's header, normalised: its word (``target pk``) and its year."""
_RANGE = re.compile(
    r"^\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*s\.\s*d\.?\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*$"
)


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


def _twice(reader: _Reader, key: str, number: int) -> None:
    reader.fail(
        f"kunci {key!r} ditulis dua kali di lembar Rencana",
        f"key {key!r} is written twice on the Rencana sheet",
        "Rencana",
        f"A{number}",
    )


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
                _twice(reader, f"meta.{_short(raw, 60)}", number)
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
            _twice(reader, key, number)
            continue
        found[model_key] = _plain_value(reader, value, "Rencana", f"B{number}")
        reader.source.plan_rows[model_key] = number
    if meta:
        found["meta"] = meta
    return found


def _read_table(
    reader: _Reader, table: Sheet, rows: Iterator[tuple[int, tuple[Any, ...]]]
) -> list[tuple[int, dict[str, tuple[Any, str]]]]:
    """The data rows of one table sheet: per row its number and, per key, value and cell."""
    fixed = {_norm_header(c.header): c for c in (*table.columns, *table.tail)}
    yearly = {_norm_header(y.word): y.key for y in table.yearly}
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
                    expected += [f"{y.word} TAHUN" for y in table.yearly]
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
        for kind in (y.key for y in _INDICATOR.yearly):
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
        if at in source.pagu_rows:
            reader.fail(
                f"pagu node {nodes[at].get('id')!r} sudah ditulis di baris {source.pagu_rows[at]}: "
                "tulis pagu dan realisasi anggaran sebuah node dalam satu baris",
                f"the pagu of node {nodes[at].get('id')!r} is already written on row "
                f"{source.pagu_rows[at]}: write a node's pagu and realisasi anggaran on one row",
                _PAGU.name,
                row["node"][1],
            )
            continue
        source.pagu_rows[at] = number
        for kind in (y.key for y in _PAGU.yearly):
            amounts = {
                int(key.split(":")[1]): value
                for key, (value, _) in row.items()
                if key.startswith(kind + ":") and value is not None
            }
            if amounts:
                nodes[at][kind] = amounts

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
