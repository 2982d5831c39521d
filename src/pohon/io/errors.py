"""Errors for input that cannot be read as a plan, with file, line and key path."""

from __future__ import annotations

from dataclasses import dataclass, field

from pohon.findings import CATALOGUE, Diagnostic, Lang, Location
from pohon.findings.loading import SCHEMA


@dataclass(frozen=True)
class Problem:
    """One reason an input cannot be read: where, and what, in Indonesian and English."""

    message: str
    message_en: str
    line: int | None = None
    column: int | None = None
    path: str | None = None
    code: str = SCHEMA.code
    """The catalogue code of the kind of problem (PK001-PK008, see ``pohon rules``)."""
    sheet: str | None = None
    cell: str | None = None
    """Where a workbook holds the problem: its sheet and cell (``"F17"``)."""

    def text(self, lang: Lang = "id") -> str:
        return self.message if lang == "id" else self.message_en

    def diagnostic(self, file: str | None, lang: Lang = "id") -> Diagnostic:
        """The problem as a :class:`~pohon.findings.Diagnostic` (severity error)."""
        entry = CATALOGUE[self.code]
        return Diagnostic(
            code=self.code,
            slug=entry.slug,
            severity="error",
            node=None,
            field=None,
            message=self.text(lang),
            hint="",
            location=Location(
                file, self.line, self.column, sheet=self.sheet, cell=self.cell, path=self.path
            ),
        )


@dataclass
class LoadError(Exception):
    """Input that cannot be read as a plan (or a framework).

    ``problems`` lists every reason found, each with its line and key path where known.
    ``str(error)`` reads like a compiler message, in Indonesian; ``format("en")`` in English.
    """

    file: str | None
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.format("id"))

    def format(self, lang: Lang = "id") -> str:
        where = self.file or "<teks>" if lang == "id" else self.file or "<text>"
        lines = []
        for p in self.problems:
            pos = where
            if p.sheet is not None:
                pos += f"!{p.sheet}" + (f"!{p.cell}" if p.cell else "")
            elif p.line is not None:
                pos += f":{p.line}"
                if p.column is not None:
                    pos += f":{p.column}"
            at = f" [{p.path}]" if p.path else ""
            lines.append(f"{pos}:{at} {p.text(lang)}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.format("id")

    def diagnostics(self, lang: Lang = "id") -> tuple[Diagnostic, ...]:
        """Every problem as a :class:`~pohon.findings.Diagnostic`, in order."""
        return tuple(p.diagnostic(self.file, lang) for p in self.problems)


class UnknownFrameworkError(KeyError):
    """A framework id that is neither shipped with pohon nor given by the user."""

    def __init__(self, framework_id: str, known: list[str]) -> None:
        self.framework_id = framework_id
        self.known = known
        super().__init__(framework_id)

    def __str__(self) -> str:
        return (
            f"kerangka (framework) {self.framework_id!r} tidak dikenal; yang tersedia: "
            + ", ".join(self.known)
        )
