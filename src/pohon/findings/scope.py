"""What part of a check a report shows: some OPDs, some levels, a minimum severity.

A :class:`Scope` is data on a :class:`~pohon.findings.Report` made by
:meth:`~pohon.findings.Report.for_opd`, :meth:`~pohon.findings.Report.at_level` or
:meth:`~pohon.findings.Report.at_least`. It remembers what was asked and how many findings
were left out, so that every output can say that the report is not the whole check.

>>> scope = Scope(opds=("dinkes",), severity="warning", left_out=12, plan_wide=3)
>>> scope.describe("id")
'hanya OPD dinkes, tingkat warning ke atas'
>>> scope.left_out_text("id")
'12 temuan di luar cakupan tidak ditampilkan, 3 di antaranya tentang rencana secara keseluruhan (bukan tentang node atau OPD)'
"""

from __future__ import annotations

from dataclasses import dataclass

from pohon.findings.diagnostic import Severity
from pohon.findings.lang import Lang

RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
"""Severities from the lowest: ``at_least("warning")`` keeps warning and error."""


@dataclass(frozen=True, slots=True)
class Scope:
    """The part of a check a report shows. An empty scope (the default) is the whole check.

    ``opds`` and ``levels`` are the ids asked for (empty: all); ``severity`` is the lowest
    severity shown (``None``: all); ``absent_opds`` are the asked OPD ids the plan does not
    have (possible when one scope is applied to several plans); ``left_out`` counts the
    findings of the check not shown, and ``plan_wide`` those of them about the plan as a
    whole (no node, no OPD), which no OPD or level scope can hold.
    """

    opds: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    severity: Severity | None = None
    absent_opds: tuple[str, ...] = ()
    left_out: int = 0
    plan_wide: int = 0

    @property
    def applied(self) -> bool:
        """Whether the report shows less than the whole check (``at_least("info")`` alone
        leaves everything in)."""
        return bool(self.opds or self.levels or self.severity not in (None, "info"))

    def describe(self, lang: Lang = "id") -> str:
        """``hanya OPD dinkes, dinsos, level program, tingkat warning ke atas``; ``""`` when
        nothing is scoped."""
        parts = []
        if self.opds:
            parts.append("OPD " + ", ".join(self.opds))
        if self.levels:
            parts.append("level " + ", ".join(self.levels))
        if self.severity is not None and self.severity != "info":
            if lang == "id":
                parts.append(f"tingkat {self.severity} ke atas")
            else:
                parts.append(f"severity {self.severity} and above")
        if parts and not parts[0].startswith(("tingkat", "severity")):
            parts[0] = ("hanya " if lang == "id" else "only ") + parts[0]
        return ", ".join(parts)

    def left_out_text(self, lang: Lang = "id") -> str:
        """How many findings the scope leaves out (and of them, how many are plan-wide);
        ``""`` when none."""
        if not self.left_out:
            return ""
        if lang == "id":
            text = f"{self.left_out} temuan di luar cakupan tidak ditampilkan"
            if self.plan_wide:
                text += (
                    f", {self.plan_wide} di antaranya tentang rencana secara keseluruhan "
                    "(bukan tentang node atau OPD)"
                )
            return text
        s = "s" if self.left_out != 1 else ""
        text = f"{self.left_out} finding{s} outside the scope not shown"
        if self.plan_wide:
            text += (
                f", {self.plan_wide} of them about the plan as a whole (not about a node or OPD)"
            )
        return text

    def absent_text(self, lang: Lang = "id") -> str:
        """``rencana ini tidak punya OPD dinsos``; ``""`` when every asked OPD is there."""
        if not self.absent_opds:
            return ""
        ids = ", ".join(self.absent_opds)
        if lang == "id":
            return f"rencana ini tidak punya OPD {ids}"
        return f"this plan has no OPD {ids}"

    def to_dict(self) -> dict[str, object]:
        return {
            "opds": list(self.opds),
            "levels": list(self.levels),
            "severity": self.severity,
            "absent_opds": list(self.absent_opds),
            "left_out": self.left_out,
            "plan_wide": self.plan_wide,
        }
