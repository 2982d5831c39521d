"""Syntax errors of the YAML and JSON parsers, said in Indonesian and English.

The YAML parser (libyaml, or PyYAML's own scanner where libyaml is missing) and the JSON
parser speak English, in their own words ("mapping values are not allowed in this context").
Each known message is turned here into what a planner can act on, with the line and column
of the place to fix. A message this table does not know still reaches the user inside an
Indonesian frame, with the parser's own words after it.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from pohon.findings.loading import ENCODING, JSON_SYNTAX, YAML_SYNTAX
from pohon.io.errors import Problem

_F = TypeVar("_F", bound=Callable[..., Any])

MAX_DEPTH = 64
"""Deepest nesting of lists and mappings read from a file."""


@dataclass(frozen=True)
class _Said:
    pattern: re.Pattern[str]
    message: str
    message_en: str
    at_context: bool = False
    """Point at the context mark (where the open bracket or quote is) instead of the problem."""


def _coded(code: str) -> Callable[[_F], _F]:
    """Give every problem the function returns the catalogue code ``code``."""

    def wrap(func: _F) -> _F:
        @functools.wraps(func)
        def coded(*args: Any, **kwargs: Any) -> Any:
            found = func(*args, **kwargs)
            return None if found is None else dataclasses.replace(found, code=code)

        return cast(_F, coded)

    return wrap


def _said(pattern: str, message: str, message_en: str, *, at_context: bool = False) -> _Said:
    return _Said(re.compile(pattern, re.IGNORECASE), message, message_en, at_context)


_TAB = (
    "tab dipakai untuk indentasi; YAML hanya menerima spasi: ganti tab di awal baris ini "
    "dengan spasi",
    "a tab is used for indentation; YAML accepts only spaces: replace the tab at the start "
    "of this line with spaces",
)

_DEPTH = (
    f"struktur bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat)",
    f"nesting is too deep (more than {MAX_DEPTH} levels)",
)

# Every problem text of libyaml (scanner, parser, reader) and of PyYAML's scanner, parser and
# composer, most specific first. ``{char}`` is the character at the place of the problem,
# ``{line}`` the line where the enclosing bracket, quote or mapping starts.
_YAML: tuple[_Said, ...] = (
    _said(r"tab character", *_TAB),
    _said(r"maximum nesting depth", *_DEPTH),
    _said(
        r"cannot start any token",
        'karakter {char} tidak boleh mengawali nilai YAML; beri tanda kutip pada nilainya ("...")',
        "the character {char} cannot start a YAML value; put the value in quotes",
    ),
    _said(
        r"mapping values are not allowed",
        "tanda ':' tidak boleh di sini: nilai yang memuat ': ' harus diberi tanda kutip "
        '("..."), atau indentasi baris ini salah',
        "a ':' is not allowed here: put a value that contains ': ' in quotes, or fix the "
        "indentation of this line",
    ),
    _said(
        r"could not find expected ':'",
        "baris ini bukan pasangan 'kunci: nilai' dan bukan butir daftar: tanda ':' tidak "
        "ditemukan (teks yang berlanjut ke baris berikutnya harus diindentasi lebih dalam atau "
        "diberi tanda kutip)",
        "this line is neither a 'key: value' pair nor a list item: no ':' was found (text that "
        "goes on to the next line must be indented further or put in quotes)",
        at_context=True,
    ),
    _said(
        r"undefined alias",
        "alias {char} tidak punya anchor",
        "alias {char} has no anchor",
    ),
    _said(
        r"duplicate anchor",
        "anchor ditulis dua kali",
        "an anchor is written twice",
    ),
    _said(
        r"unexpected end of stream",
        "teks bertanda kutip yang dibuka di sini tidak pernah ditutup: tanda kutip penutup "
        "tidak ada sampai akhir berkas",
        "the quoted text opened here is never closed: there is no closing quote before the "
        "end of the file",
        at_context=True,
    ),
    _said(
        r"unexpected document (indicator|separator)",
        "teks bertanda kutip yang dibuka di baris {line} belum ditutup ketika baris '---' atau "
        "'...' muncul",
        "the quoted text opened on line {line} is not closed when a '---' or '...' line comes",
    ),
    _said(
        r"did not find expected key|expected <block end>",
        "indentasi baris ini tidak cocok dengan kunci di atasnya (bagian yang dimulai di baris "
        "{line}); samakan indentasinya dengan kunci lain di tingkat yang sama",
        "the indentation of this line does not fit the keys above it (the part that starts on "
        "line {line}); indent it like the other keys of its level",
    ),
    _said(
        r"expected '-' indicator",
        "baris ini seharusnya butir daftar '- ...' seperti butir di baris {line}, atau "
        "indentasinya salah",
        "this line should be a list item '- ...' like the item on line {line}, or its "
        "indentation is wrong",
    ),
    _said(
        r"expected ',' or '\]'",
        "daftar '[' yang dibuka di baris {line} tidak ditutup dengan ']', atau koma ',' hilang "
        "di antara butirnya",
        "the list '[' opened on line {line} is not closed with ']', or a ',' is missing "
        "between its items",
    ),
    _said(
        r"expected ',' or '\}'",
        "mapping '{{' yang dibuka di baris {line} tidak ditutup dengan '}}', atau koma ',' "
        "hilang di antara pasangannya",
        "the mapping '{{' opened on line {line} is not closed with '}}', or a ',' is missing "
        "between its pairs",
    ),
    _said(
        r"node content",
        "nilai yang diharapkan tidak ada di sini (koma berlebih, atau tanda kurung yang salah?)",
        "a value is expected here (an extra comma, or a wrong bracket?)",
    ),
    _said(
        r"sequence entries are not allowed",
        "butir daftar '-' tidak boleh di sini; periksa indentasi baris ini",
        "a list item '-' is not allowed here; check the indentation of this line",
    ),
    _said(
        r"mapping keys are not allowed",
        "kunci kompleks '?' tidak boleh di sini",
        "a complex key '?' is not allowed here",
    ),
    _said(
        r"<document start>",
        "ada isi setelah akhir dokumen YAML; satu berkas satu rencana",
        "there is content after the end of the YAML document; one plan per file",
    ),
    _said(
        r"single document",
        "berkas berisi lebih dari satu dokumen YAML; satu berkas satu rencana",
        "the file holds more than one YAML document; one plan per file",
    ),
    _said(
        r"unknown escape character",
        "urutan escape \\{char} tidak dikenal di teks bertanda kutip ganda; tulis \\\\ untuk "
        "garis miring terbalik, atau pakai tanda kutip tunggal ('C:\\data')",
        "unknown escape \\{char} in double-quoted text; write \\\\ for a backslash, or use "
        "single quotes ('C:\\data')",
    ),
    _said(
        r"unicode character escape|invalid unicode character",
        "kode escape Unicode tidak sah (surrogate tunggal atau di luar Unicode)",
        "invalid Unicode escape (a lone surrogate or outside Unicode)",
    ),
    _said(
        r"hexa?decimal",
        "escape \\x, \\u atau \\U harus diikuti angka heksadesimal (\\x41, \\u00e9)",
        "an escape \\x, \\u or \\U must be followed by hexadecimal digits (\\x41, \\u00e9)",
    ),
    _said(
        r"found unexpected ':'",
        "tanda ':' tidak boleh di sini; beri tanda kutip pada nilainya",
        "a ':' is not allowed here; put the value in quotes",
    ),
    _said(
        r"indentation indicator",
        "indikator indentasi blok teks (| atau >) harus angka 1-9",
        "the indentation indicator of a block text (| or >) must be a digit 1-9",
    ),
    _said(
        r"chomping|comment or (a )?line break",
        "setelah tanda ini hanya boleh komentar (#) atau baris baru",
        "only a comment (#) or a line break may follow this mark",
    ),
    _said(
        r"incompatible YAML|version",
        "direktif %YAML meminta versi YAML yang tidak didukung; hanya YAML 1.x",
        "the %YAML directive asks for an unsupported YAML version; only YAML 1.x",
    ),
    _said(
        r"duplicate",
        "direktif YAML (%YAML atau %TAG) ditulis dua kali",
        "a YAML directive (%YAML or %TAG) is written twice",
    ),
    _said(
        r"directive",
        "direktif YAML (baris yang diawali '%') tidak sah; hapus baris itu, atau beri tanda "
        "kutip pada nilai yang diawali '%'",
        "invalid YAML directive (a line that starts with '%'); remove it, or put a value "
        "that starts with '%' in quotes",
    ),
    _said(
        r"anchor|alias",
        "nama anchor (&) atau alias (*) harus huruf atau angka; beri tanda kutip bila '&' atau "
        "'*' bagian dari teks",
        "an anchor (&) or alias (*) name must be letters or digits; put the value in quotes "
        "when '&' or '*' is part of the text",
    ),
    _said(
        r"tag|URI|expected '!'|expected '>'|non-alphabetical",
        "tag YAML tidak sah (tag '!' tidak dipakai di berkas pohon; beri tanda kutip bila '!' "
        "bagian dari teks)",
        "invalid YAML tag (tags '!' are not used in pohon files; put the value in quotes when "
        "'!' is part of the text)",
    ),
    _said(
        r"whitespace|expected ' '",
        "spasi yang diharapkan tidak ada di sini",
        "a space is expected here",
    ),
    _said(
        r"control character|special character",
        "karakter kendali tidak boleh ada di YAML; hapus karakter itu",
        "control characters are not allowed in YAML; remove it",
    ),
    _said(
        r"UTF-8|UTF-16|octet|surrogate",
        "teks ini bukan Unicode yang sah; simpan ulang sebagai UTF-8",
        "this text is not valid Unicode; save it as UTF-8",
    ),
)


_SIMPLE_KEY = 1024
"""Longest key YAML reads without the explicit '? ' form."""


def _position(text: str, index: int | None) -> tuple[int | None, int | None]:
    if index is None:
        return None, None
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _show_char(char: str) -> str:
    if char == "\t":
        return "tab"
    if not char or not char.isprintable():
        return f"U+{ord(char):04X}" if char else "(akhir berkas)"
    return f"'{char}'"


def _tab_in_indent(text: str, index: int) -> int | None:
    """Index of a tab in the indentation of the line holding ``index``, if there is one."""
    start = text.rfind("\n", 0, index) + 1
    end = start
    while end < len(text) and text[end] in " \t-":
        if text[end] == "\t":
            return end
        end += 1
    return None


@_coded(YAML_SYNTAX.code)
def yaml_problem(exc: Any, text: str) -> Problem:
    """The problem a YAML scanner or parser error stands for, with its line and column."""
    problem = str(getattr(exc, "problem", None) or "")
    context = str(getattr(exc, "context", None) or "")
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    original = problem or context or str(exc)
    mark = problem_mark or context_mark
    index = min(mark.index, len(text)) if mark is not None else None
    if index is not None:
        tab = _tab_in_indent(text, index)
        at_tab = index < len(text) and text[index] == "\t"
        if tab is not None or at_tab or "tab character" in problem:
            where = tab if tab is not None else index
            line, column = _position(text, where)
            return Problem(*_TAB, line=line, column=column)
    said = next((s for s in _YAML if s.pattern.search(problem)), None)
    if said is None:
        said = next((s for s in _YAML if s.pattern.search(context)), None)
    if said is None:
        line, column = _position(text, index)
        return Problem(
            f"YAML tidak valid (pesan asli pembaca YAML: {original})",
            f"invalid YAML: {original}",
            line=line,
            column=column,
        )
    if said.pattern.pattern == "mapping values are not allowed" and index is not None:
        line, column = _position(text, index)
        if column is not None and column > _SIMPLE_KEY:
            return Problem(
                f"YAML tidak valid: kunci di baris ini lebih panjang dari {_SIMPLE_KEY} karakter; "
                "YAML tidak membaca kunci sepanjang itu",
                f"invalid YAML: the key on this line is longer than {_SIMPLE_KEY} characters; "
                "YAML does not read keys that long",
                line=line,
                column=1,
            )
    if said.at_context and context_mark is not None:
        index = min(context_mark.index, len(text))
    char = text[index] if index is not None and index < len(text) else ""
    if char == "\\" and "escape" in said.pattern.pattern and index is not None:
        char = text[index + 1 : index + 2]  # the letter after the backslash
    shown = _show_char(char)
    if said.pattern.pattern == "undefined alias":
        found = re.match(r"\*[^\s,\[\]{}]*", text[index:]) if index is not None else None
        shown = found.group(0) if found else shown
    opened = context_mark.line + 1 if context_mark is not None else None
    values = {"char": shown if "escape" not in said.pattern.pattern else char, "line": opened}
    line, column = _position(text, index)
    return Problem(
        "YAML tidak valid: " + said.message.format(**values),
        "invalid YAML: " + said.message_en.format(**values),
        line=line,
        column=column,
    )


_JSON: tuple[tuple[str, str, str], ...] = (
    ("Expecting value", "nilai yang diharapkan tidak ada", "a value is expected here"),
    (
        "Expecting ',' delimiter",
        "tanda koma ',' yang diharapkan tidak ada",
        "a ',' is expected here",
    ),
    (
        "Expecting ':' delimiter",
        "tanda titik dua ':' yang diharapkan tidak ada",
        "a ':' is expected here",
    ),
    (
        "Expecting property name enclosed in double quotes",
        "nama kunci harus di dalam tanda kutip ganda (ada koma berlebih sebelum '}'?)",
        "a key must be in double quotes (an extra comma before '}'?)",
    ),
    (
        "Illegal trailing comma before end of object",
        "koma berlebih sebelum '}'",
        "an extra comma before '}'",
    ),
    (
        "Illegal trailing comma before end of array",
        "koma berlebih sebelum ']'",
        "an extra comma before ']'",
    ),
    (
        "Unterminated string starting at",
        "teks tidak ditutup tanda kutip",
        "text without a closing quote",
    ),
    ("Extra data", "ada data lagi setelah akhir dokumen JSON", "more data after the JSON document"),
    (
        "Invalid control character",
        "karakter kendali (baris baru, tab) di dalam teks; tulis \\n atau \\t",
        "a control character (line break, tab) inside text; write \\n or \\t",
    ),
    (
        "Invalid \\uXXXX escape",
        "escape \\u harus diikuti empat angka heksadesimal (\\u00e9)",
        "an escape \\u must be followed by four hexadecimal digits (\\u00e9)",
    ),
    (
        "Invalid \\escape",
        "garis miring terbalik (\\) yang tidak sah di dalam teks; tulis \\\\",
        "an invalid backslash (\\) inside text; write \\\\",
    ),
)


@_coded(JSON_SYNTAX.code)
def json_problem(exc: Any) -> Problem:
    """The problem a :class:`json.JSONDecodeError` stands for, with its line and column."""
    msg = str(exc.msg)
    for start, message, message_en in _JSON:
        if msg.startswith(start):
            return Problem(
                f"JSON tidak valid: {message}",
                f"invalid JSON: {message_en}",
                line=exc.lineno,
                column=exc.colno,
            )
    return Problem(
        f"JSON tidak valid (pesan asli pembaca JSON: {msg})",
        f"invalid JSON: {msg}",
        line=exc.lineno,
        column=exc.colno,
    )


_SURROGATE_ESCAPE = re.compile(r"(\\+)u([dD][89a-fA-F][0-9a-fA-F]{2})")


@_coded(ENCODING.code)
def surrogate_problem(text: str) -> Problem | None:
    """A lone surrogate (not a character: it cannot be printed or saved) in the text."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        line, column = _position(text, exc.start)
        code = f"U+{ord(text[exc.start]):04X}"
        return Problem(
            f"karakter {code} (surrogate tunggal) bukan teks Unicode yang sah; hapus karakter itu",
            f"the character {code} (a lone surrogate) is not valid Unicode text; remove it",
            line=line,
            column=column,
        )
    return None


@_coded(ENCODING.code)
def json_surrogate_problem(text: str) -> Problem | None:
    """A ``\\ud800`` escape in JSON text that is not half of a surrogate pair."""
    if "\\u" not in text:  # JSON writes escapes with a small u only
        return None
    for found in _SURROGATE_ESCAPE.finditer(text):
        if len(found.group(1)) % 2 == 0:
            continue  # an escaped backslash followed by the letters "ud800"
        value = int(found.group(2), 16)
        after = text[found.end() : found.end() + 6]
        if value < 0xDC00 and re.fullmatch(r"\\u[dD][c-fC-F][0-9a-fA-F]{2}", after):
            continue  # a high surrogate followed by its low half: one character
        if value >= 0xDC00:
            before = text[max(0, found.start() - 6) : found.start() + len(found.group(1)) - 1]
            if re.fullmatch(r"\\u[dD][89abAB][0-9a-fA-F]{2}", before):
                continue
        line, column = _position(text, found.start() + len(found.group(1)) - 1)
        return Problem(
            f"escape \\u{found.group(2)} adalah surrogate tunggal, bukan karakter Unicode yang "
            "sah; hapus atau perbaiki escape itu",
            f"the escape \\u{found.group(2)} is a lone surrogate, not a valid Unicode "
            "character; remove or fix it",
            line=line,
            column=column,
        )
    return None
