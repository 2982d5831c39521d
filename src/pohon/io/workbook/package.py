"""The xlsx package before openpyxl reads it: what it is, how large it unzips, and what its
sheets' XML says that read-only openpyxl does not (merged ranges, formulas without values)."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from pohon.findings.loading import SCHEMA, UNREADABLE
from pohon.io.errors import LoadError, Problem
from pohon.io.workbook.layout import MAX_PART, MAX_PARTS, MAX_RATIO, MAX_UNZIPPED


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


def _letter(index: int) -> str:
    """``1`` → ``A``, ``28`` → ``AB``: the letters of a column."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def text_cell(sheet: Any, value: Any) -> Any:
    """What to append for ``value``: a text beginning with ``=`` as a text cell (openpyxl
    would store it as a formula, which Excel would run), anything else as it is."""
    if isinstance(value, str) and value.startswith("="):
        from openpyxl.cell.cell import Cell

        cell = Cell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value
