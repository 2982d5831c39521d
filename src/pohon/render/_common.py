"""Small pieces shared by the renderers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TypeAlias

from pohon.findings import Lang, Location, Report
from pohon.io import LoadError, Problem

__all__ = ["Lang", "Reports", "as_reports", "one_line", "problems", "report_name", "where"]

Reports: TypeAlias = Report | Iterable[Report]


def as_reports(reports: Reports) -> list[Report]:
    """One report or several, as a list."""
    if isinstance(reports, Report):
        return [reports]
    return list(reports)


def report_name(report: Report, lang: Lang = "id") -> str:
    """How a report's input is named in output: its file, else its plan id."""
    if report.file:
        return report.file
    if report.plan:
        return report.plan
    return "<rencana>" if lang == "id" else "<plan>"


def where(location: Location, fallback: str) -> str:
    """``file:line:column`` or ``file!sheet!cell`` of a location, ``fallback`` for no file."""
    if location.file is None:
        return str(
            Location(fallback, location.line, location.column, location.sheet, location.cell)
        )
    return str(location)


def plain_doc(text: str) -> str:
    """Rule documentation for plain text: ````code```` becomes ```code```."""
    return re.sub(r"``(.+?)``", r"`\1`", text)


def error_file(error: LoadError, lang: Lang = "id") -> str:
    if error.file:
        return error.file
    return "<teks>" if lang == "id" else "<text>"


def problems(errors: Iterable[LoadError]) -> Iterator[tuple[LoadError, Problem]]:
    """Every problem of every load error, in order; an error without problems yields one."""
    for error in errors:
        if error.problems:
            for problem in error.problems:
                yield error, problem
        else:
            yield error, Problem("tidak bisa dibaca", "cannot be read", code="PK001")


# Control characters would break the one-line-per-finding layout or drive the terminal
# (ESC sequences); bidirectional overrides would reorder what is shown. Everything else,
# markup included, is shown exactly as written.
_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def one_line(text: str) -> str:
    """``text`` with line breaks and control characters made visible (``\\n``, ``\\x1b``)."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
