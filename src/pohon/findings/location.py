"""Where a finding points: a file and line (and column and key path), or a workbook cell."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Location:
    """A place in the user's input.

    A text file (YAML, JSON) gives ``line`` and ``column`` (both from 1); a workbook gives
    ``sheet`` and ``cell`` (``"F17"``). ``path`` is the key path from the document's root
    (``nodes[3].indicators[0].targets.2027``) where it is known. Every part may be missing:
    a finding about the whole plan has only its file.

    >>> str(Location("rencana.yaml", 12, 5))
    'rencana.yaml:12:5'
    >>> str(Location("rencana.xlsx", sheet="Indikator", cell="F17"))
    'rencana.xlsx!Indikator!F17'
    """

    file: str | None = None
    line: int | None = None
    column: int | None = None
    sheet: str | None = None
    cell: str | None = None
    path: str | None = None

    def __str__(self) -> str:
        where = self.file or ""
        if self.sheet is not None:
            where += f"!{self.sheet}"
            if self.cell is not None:
                where += f"!{self.cell}"
            return where
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def sort_key(self) -> tuple[Any, ...]:
        return (
            self.file or "",
            self.sheet or "",
            _cell_key(self.cell),
            self.line if self.line is not None else -1,
            self.column if self.column is not None else -1,
        )

    def to_dict(self) -> dict[str, Any]:
        """The location as JSON-ready data; keys that do not apply are ``null``."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "sheet": self.sheet,
            "cell": self.cell,
            "path": self.path,
        }


def _cell_key(cell: str | None) -> tuple[int, int]:
    """``"AB12"`` → ``(12, 28)``: cells sort by row, then column, as a reader scans."""
    if not cell:
        return (-1, -1)
    letters = "".join(ch for ch in cell if ch.isalpha()).upper()
    digits = "".join(ch for ch in cell if ch.isdigit())
    column = 0
    for ch in letters:
        column = column * 26 + (ord(ch) - ord("A") + 1)
    return (int(digits) if digits and len(digits) < 10 else -1, column)
