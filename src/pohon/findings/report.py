"""The findings of one check of one plan: data, sorted, never raising."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pohon.findings.diagnostic import Diagnostic
from pohon.findings.lang import Lang
from pohon.findings.showing import ShowsItself

RECORD_COLUMNS: tuple[str, ...] = (
    "file",
    "line",
    "column",
    "sheet",
    "cell",
    "code",
    "slug",
    "severity",
    "opd",
    "level",
    "kode",
    "name",
    "node",
    "indicator",
    "field",
    "message",
    "hint",
)
"""The columns of :meth:`Report.to_records` and :meth:`Report.to_frame`, in order."""


@dataclass(frozen=True)
class Report(ShowsItself):
    """The findings of one check: data, sorted, never raising.

    Iterate it for diagnostics; ``errors`` / ``warnings`` filter them; ``ok`` is true when no
    error-severity finding exists; ``summary`` counts them.
    """

    diagnostics: tuple[Diagnostic, ...]
    plan: str | None = None
    file: str | None = None
    nodes: int = 0
    rules: tuple[str, ...] = ()
    lang: Lang = "id"

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.diagnostics)

    def __len__(self) -> int:
        return len(self.diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def codes(self) -> list[str]:
        """Codes found, sorted, once each."""
        return sorted({d.code for d in self.diagnostics})

    def by_code(self, code: str) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.code == code]

    def by_family(self, prefix: str) -> tuple[Diagnostic, ...]:
        """The diagnostics whose code starts with ``prefix`` (``"PK3"``), in order."""
        return tuple(d for d in self.diagnostics if d.code.startswith(prefix))

    @property
    def summary(self) -> dict[str, Any]:
        by_severity = Counter(d.severity for d in self.diagnostics)
        return {
            "plan": self.plan,
            "file": self.file,
            "nodes": self.nodes,
            "rules": len(self.rules),
            "diagnostics": len(self.diagnostics),
            "error": by_severity.get("error", 0),
            "warning": by_severity.get("warning", 0),
            "info": by_severity.get("info", 0),
            "by_code": dict(sorted(Counter(d.code for d in self.diagnostics).items())),
        }

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per diagnostic, for a DataFrame or a spreadsheet."""
        return [
            {
                "file": d.location.file,
                "line": d.location.line,
                "column": d.location.column,
                "sheet": d.location.sheet,
                "cell": d.location.cell,
                "code": d.code,
                "slug": d.slug,
                "severity": d.severity,
                "opd": d.opd,
                "level": d.level,
                "kode": d.kode,
                "name": d.name,
                "node": d.node,
                "indicator": d.indicator,
                "field": d.field,
                "message": d.message,
                "hint": d.hint,
            }
            for d in self.diagnostics
        ]

    def to_frame(self) -> Any:
        """The records as a pandas DataFrame (needs ``pip install pohon[pandas]``)."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("to_frame() needs pandas: pip install 'pohon[pandas]'") from exc
        return pd.DataFrame.from_records(self.to_records(), columns=list(RECORD_COLUMNS))

    def __repr__(self) -> str:
        s = self.summary
        return f"<Report {self.plan}: {s['error']} error, {s['warning']} warning, {s['info']} info>"
