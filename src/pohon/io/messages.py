"""Translating pydantic validation errors into messages a planner can act on."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from pohon.findings.catalogue import display as _ribu
from pohon.findings.loading import FORMAT_VERSION, SCHEMA
from pohon.io.errors import Problem
from pohon.io.yamlread import format_path
from pohon.model import (
    OPD,
    Baseline,
    Crosscutting,
    Crosswalk,
    CrosswalkInfo,
    CrosswalkLink,
    Framework,
    FrameworkInfo,
    FrameworkItem,
    Indicator,
    LevelScheme,
    LevelSpec,
    Node,
    ParentRef,
    Period,
    Plan,
    PlanInfo,
)

_KNOWN_KEYS = sorted(
    {
        str(field.alias or name)
        for model in (
            Plan,
            PlanInfo,
            Period,
            OPD,
            Node,
            Indicator,
            Baseline,
            ParentRef,
            Crosscutting,
            LevelScheme,
            LevelSpec,
            Framework,
            FrameworkInfo,
            FrameworkItem,
            Crosswalk,
            CrosswalkInfo,
            CrosswalkLink,
        )
        for name, field in model.model_fields.items()
    }
)

_JSON_POSITION = re.compile(r"line (\d+) column (\d+)")

_TYPE_NAMES_ID = {
    "str": "teks",
    "int": "bilangan bulat",
    "float": "bilangan desimal",
    "bool": "true/false",
    "list": "daftar",
    "dict": "mapping",
    "NoneType": "kosong (null)",
}


def _is_type_tag(part: Hashable) -> bool:
    if not isinstance(part, str):
        return False
    return (
        part in {"int", "float", "str", "bool", "list", "tuple", "dict", "LevelScheme", "none"}
        or "[" in part
        or part.startswith(("constrained-", "function-"))
    )


def _clean_loc(loc: Iterable[Any]) -> tuple[Hashable, ...]:
    return tuple(part for part in loc if not _is_type_tag(part) and part != "[key]")


def problems_from_validation(
    error: ValidationError, locate: Any = None, limit: int = 50, place: Any = None
) -> list[Problem]:
    """One :class:`Problem` per distinct location, with the union noise folded away.

    ``locate(loc)`` gives the line of a key path in a text file; ``place(loc)`` the
    ``(sheet, cell)`` of one in a workbook."""
    grouped: dict[tuple[Hashable, ...], list[ErrorDetails]] = {}
    for detail in error.errors(include_url=False):
        grouped.setdefault(_clean_loc(detail["loc"]), []).append(detail)
    for loc in [loc for loc, details in grouped.items() if _union_noise(loc, details, grouped)]:
        del grouped[loc]
    for loc, details in grouped.items():
        kept = [d for d in details if not _text_branch(d)]
        if kept:
            grouped[loc] = kept
    problems: list[Problem] = []
    for loc, details in grouped.items():
        message, message_en = _describe(loc, details)
        line = locate(loc) if locate is not None else None
        column = None
        if details[0]["type"] == "json_invalid":
            where = _JSON_POSITION.search(str((details[0].get("ctx") or {}).get("error", "")))
            if where is not None:
                line, column = int(where.group(1)), int(where.group(2))
        code = FORMAT_VERSION.code if loc in (("pohon",), ("format",)) else SCHEMA.code
        sheet, cell = place(loc) if place is not None else (None, None)
        problems.append(
            Problem(
                message,
                message_en,
                line=line,
                column=column,
                path=format_path(loc) or None,
                code=code,
                sheet=sheet,
                cell=cell,
            )
        )
        if len(problems) >= limit:
            break
    problems.sort(key=lambda p: (p.line or 0, p.path or ""))
    return problems


_BOUNDS = {"greater_than_equal", "greater_than", "less_than_equal", "less_than"}
_FORMAT_KEYS = {"pohon", "pohon-framework", "pohon-crosswalk"}


def _text_branch(detail: ErrorDetails) -> bool:
    return detail["type"] == "string_type" and isinstance(detail.get("input"), dict)


def _union_noise(
    loc: tuple[Hashable, ...],
    details: list[ErrorDetails],
    grouped: Mapping[tuple[Hashable, ...], list[ErrorDetails]],
) -> bool:
    """``scheme: {...}`` with a fault inside also fails the text branch of ``Id | LevelScheme``:
    the fault inside is what the user must hear, not "must be text"."""
    if not all(_text_branch(d) for d in details):
        return False
    return any(len(other) > len(loc) and other[: len(loc)] == loc for other in grouped)


def _describe(loc: tuple[Hashable, ...], details: list[ErrorDetails]) -> tuple[str, str]:
    if len(details) > 1:
        # A number of the right type but out of range fails the int branch of a union by its
        # type and the float branch by its bound: the bound is what the user must hear.
        bounded = [d for d in details if d["type"] in _BOUNDS]
        if bounded and all(d["type"] in _BOUNDS or d["type"].endswith("_type") for d in details):
            details = bounded
    first = details[0]
    kind = first["type"]
    raw_loc = first["loc"]
    field = str(loc[-1]) if loc else ""
    value = first.get("input")
    ctx: dict[str, Any] = dict(first.get("ctx") or {})
    shown = _show(value)
    if "[key]" in raw_loc:
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1000:
            # `{2025: 72,5}` in a flow mapping reads as the keys 2025 and 5.
            return (
                f"kunci {shown} bukan tahun yang sah; koma desimal di dalam {{...}}? "
                "tulis 72.5, atau beri tanda kutip: '72,5'",
                f"key {shown} is not a valid year; a comma decimal inside {{...}}? "
                "write 72.5, or quote it: '72,5'",
            )
        return (
            f"kunci {shown} bukan tahun yang sah (tulis tahun empat angka, misalnya 2026)",
            f"key {shown} is not a valid year (write a four-digit year, e.g. 2026)",
        )
    if len(details) > 1 and all(
        d["type"].endswith("_type") or d["type"] in {"finite_number"} for d in details
    ):
        if any(d["type"] == "finite_number" for d in details):
            return _nan(shown)
        rupiah = "pagu" in loc or "realisasi_anggaran" in loc
        if rupiah or "weight" in loc:
            return (
                f"'{field}' harus berupa angka, bukan {shown} (tulis rupiah tanpa titik ribuan: "
                "12500000000)"
                if rupiah
                else f"'{field}' harus berupa angka, bukan {shown}",
                f"'{field}' must be a number, not {shown}",
            )
        return (
            f"{shown} tidak bisa dibaca di sini: harus berupa angka, rentang [rendah, tinggi] "
            "atau teks",
            f"{shown} cannot be read here: it must be a number, a [low, high] range or text",
        )
    if kind == "missing":
        return (f"kunci wajib '{field}' tidak ada", f"required key '{field}' is missing")
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(field, _KNOWN_KEYS, n=1, cutoff=0.6)
        hint_id = f"; maksudnya '{close[0]}'?" if close else ""
        hint_en = f"; did you mean '{close[0]}'?" if close else ""
        return (
            f"kunci '{field}' tidak dikenal{hint_id}",
            f"unknown key '{field}'{hint_en}",
        )
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        return (
            f"nilai {shown} tidak dikenal untuk '{field}'; yang boleh: {expected}",
            f"unknown value {shown} for '{field}'; expected {expected}",
        )
    if kind == "finite_number":
        return _nan(shown)
    if kind in {"string_type"}:
        return (
            f"'{field}' harus berupa teks, bukan {_type_id(value)}",
            f"'{field}' must be text, not {type(value).__name__}",
        )
    if field in _FORMAT_KEYS and kind in {"int_type", "int_from_float", "int_parsing"}:
        return (
            f"versi format '{field}' harus bilangan bulat tanpa tanda kutip ({field}: 1), "
            f"bukan {shown}",
            f"the format version '{field}' must be an unquoted whole number ({field}: 1), "
            f"not {shown}",
        )
    if kind == "int_type" and isinstance(value, str) and value.strip().isdigit():
        return (
            f"'{field}' harus ditulis sebagai angka tanpa tanda kutip ({value.strip()}), "
            f"bukan teks {shown}",
            f"'{field}' must be written as a number without quotes ({value.strip()}), "
            f"not the text {shown}",
        )
    if kind in {"int_type", "int_parsing", "float_type", "float_parsing", "int_from_float"}:
        return (
            f"'{field}' harus berupa angka, bukan {shown}",
            f"'{field}' must be a number, not {shown}",
        )
    if kind == "bool_type":
        return (
            f"'{field}' harus true atau false, bukan {shown}",
            f"'{field}' must be true or false, not {shown}",
        )
    if kind in {"dict_type", "model_type", "model_attributes_type", "mapping_type"}:
        if not loc:
            return (
                "bagian atas berkas harus berupa mapping dengan kunci pohon, plan, opds, nodes "
                f"(yang ditemukan: {_type_id(value)})",
                "the top of the file must be a mapping with the keys pohon, plan, opds, nodes "
                f"(found: {type(value).__name__})",
            )
        return (
            f"'{field}' harus berupa mapping (kunci: nilai), bukan {_type_id(value)}",
            f"'{field}' must be a mapping (key: value), not {type(value).__name__}",
        )
    if kind in {"list_type", "tuple_type", "sequence_type"}:
        return (
            f"'{field}' harus berupa daftar, bukan {_type_id(value)}",
            f"'{field}' must be a list, not {type(value).__name__}",
        )
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        return (
            f"teks '{field}' terlalu panjang ({_ribu(len(str(value)))} karakter; paling banyak "
            f"{_ribu(limit)})",
            f"text '{field}' is too long ({len(str(value)):,} characters; at most {limit:,})",
        )
    if kind == "string_too_short":
        return (f"'{field}' tidak boleh kosong", f"'{field}' must not be empty")
    if kind == "too_short":
        return (f"'{field}' tidak boleh kosong", f"'{field}' must not be empty")
    if kind in _BOUNDS and field == "weight":
        return (
            f"bobot induk {shown} di luar batas: harus lebih dari 0 dan paling besar 100",
            f"parent weight {shown} is out of range: it must be above 0 and at most 100",
        )
    if kind in _BOUNDS:
        bound = next(iter(ctx.values()), "")
        op = {
            "greater_than_equal": "≥",
            "greater_than": ">",
            "less_than_equal": "≤",
            "less_than": "<",
        }[kind]
        return (
            f"'{field}' = {shown} di luar batas (harus {op} {bound})",
            f"'{field}' = {shown} is out of bounds (must be {op} {bound})",
        )
    if kind == "unknown_level":
        return (
            f"level {shown} tidak dikenal; skema {ctx.get('scheme')} punya: {ctx.get('known')}",
            f"unknown level {shown}; the scheme {ctx.get('scheme')} has: {ctx.get('known')}",
        )
    if kind == "year_far_outside":
        return (
            f"tahun {value} jauh di luar periode rencana {ctx.get('start')}-{ctx.get('end')} "
            "(salah ketik?)",
            f"year {value} is far outside the plan period {ctx.get('start')}-{ctx.get('end')} "
            "(a typo?)",
        )
    if kind == "format_too_new":
        return (
            f"versi format {ctx.get('version')} lebih baru dari yang dibaca pohon ini "
            f"({ctx.get('supported')}); perbarui pohon",
            f"format version {ctx.get('version')} is newer than this pohon reads "
            f"({ctx.get('supported')}); upgrade pohon",
        )
    if kind == "format_unknown":
        return ("versi format harus 1", "format version must be 1")
    if kind == "unknown_scheme":
        return (
            f"skema level {shown} tidak dikenal; yang tersedia: {ctx.get('known')}",
            f"unknown level scheme {shown}; available: {ctx.get('known')}",
        )
    if kind == "crosscutting_party":
        return (
            "deklarasi crosscutting harus menyebut tepat satu: 'opd' atau 'agency'",
            "a crosscutting declaration names exactly one of 'opd' or 'agency'",
        )
    if kind == "period_order":
        return (
            f"akhir periode {ctx.get('end')} sebelum awalnya {ctx.get('start')}",
            f"period end {ctx.get('end')} is before its start {ctx.get('start')}",
        )
    if kind == "invalid_key":
        return (
            f"kunci {shown} harus berupa teks",
            f"key {shown} must be text",
        )
    if kind == "duplicate_year":
        return (
            f"tahun {ctx.get('year')} ditulis dua kali di '{field}'; nilai yang satu akan hilang",
            f"year {ctx.get('year')} is written twice in '{field}'; one value would be lost",
        )
    if kind == "pagu_too_large":
        top = ctx.get("max", 0)
        what = "realisasi anggaran" if "realisasi_anggaran" in loc else "pagu"
        what_en = "budget realisation" if "realisasi_anggaran" in loc else "pagu"
        return (
            f"{what} {shown} terlalu besar: paling besar {_ribu(top)} rupiah (10^18); periksa "
            "satuan atau digit yang berlebih",
            f"{what_en} {shown} is too large: at most {top:,} rupiah (10^18); check the unit or "
            "extra digits",
        )
    if kind == "duplicate_item":
        return (
            f"butir {ctx.get('item')!r} muncul dua kali di kerangka {ctx.get('framework')!r}",
            f"item {ctx.get('item')!r} appears twice in framework {ctx.get('framework')!r}",
        )
    if kind == "duplicate_level":
        return (
            f"level {ctx.get('level')!r} muncul dua kali di skema {ctx.get('scheme')!r}",
            f"level {ctx.get('level')!r} appears twice in scheme {ctx.get('scheme')!r}",
        )
    if kind == "unknown_parent_level":
        return (
            f"level {ctx.get('level')!r} menyebut level induk {ctx.get('parent')!r}, yang bukan "
            "level lebih awal di skema ini",
            f"level {ctx.get('level')!r} names parent level {ctx.get('parent')!r}, which is not "
            "an earlier level of the scheme",
        )
    if kind == "kode_pattern":
        return (
            f"pola kode {shown} tidak bisa dipakai: {ctx.get('reason_id')}",
            f"kode pattern {shown} cannot be used: {ctx.get('reason_en')}",
        )
    if kind == "json_invalid":
        return (
            f"JSON tidak valid: {ctx.get('error', first['msg'])}",
            f"invalid JSON: {ctx.get('error', first['msg'])}",
        )
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == r"^[^\s:]+$":
        return (
            f"'{field}' = {shown} tidak boleh berisi spasi atau titik dua ':'",
            f"'{field}' = {shown} must not contain spaces or a colon ':'",
        )
    if kind == "string_pattern_mismatch":
        return (
            f"'{field}' = {shown} tidak sesuai pola {ctx.get('pattern')}",
            f"'{field}' = {shown} does not match the pattern {ctx.get('pattern')}",
        )
    return (f"'{field}': {first['msg']}", f"'{field}': {first['msg']}")


def _nan(shown: str) -> tuple[str, str]:
    return (
        f"{shown} bukan angka yang sah (NaN atau tak hingga tidak boleh)",
        f"{shown} is not a valid number (NaN or infinity is not allowed)",
    )


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _type_id(value: Any) -> str:
    return _TYPE_NAMES_ID.get(type(value).__name__, type(value).__name__)


_KEY_SPELLINGS: dict[str, Hashable] = {"None": None, "True": True, "False": False}


def locator(
    lines: Mapping[tuple[Hashable, ...], int],
) -> Callable[[tuple[Hashable, ...]], int | None]:
    """A function from a key path to its line: the deepest recorded prefix of the path."""

    def locate(loc: tuple[Hashable, ...]) -> int | None:
        for end in range(len(loc), -1, -1):
            line = lines.get(loc[:end])
            last = loc[end - 1] if end else None
            if line is None and isinstance(last, str) and last in _KEY_SPELLINGS:
                # pydantic names a key that is not text by its str(): 'None', 'True'.
                line = lines.get((*loc[: end - 1], _KEY_SPELLINGS[last]))
            if line is not None:
                return line
        return None

    return locate
