"""The findings of one check of one plan: data, sorted, never raising."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from pohon.findings.diagnostic import Diagnostic, Severity, check_severity
from pohon.findings.errors import UsageError
from pohon.findings.lang import Lang
from pohon.findings.scope import RANK, Scope
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
"""The columns of :meth:`Report.to_records`, :meth:`Report.to_frame` and
:meth:`Report.to_csv`, in order."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet would read it as a formula.

    >>> spreadsheet_safe("=HYPERLINK(1)"), spreadsheet_safe("Dinas Kesehatan")
    ("'=HYPERLINK(1)", 'Dinas Kesehatan')
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def records_csv(records: list[dict[str, Any]]) -> str:
    """Records with the :data:`RECORD_COLUMNS` as one CSV table (header first, UTF-8 text,
    ``\r\n`` line ends as RFC 4180 says); text a spreadsheet would run as a formula is
    neutralised with a leading ``'``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(RECORD_COLUMNS)
    for record in records:
        writer.writerow(
            [
                spreadsheet_safe(value) if isinstance(value, str) else value
                for value in (record.get(column) for column in RECORD_COLUMNS)
            ]
        )
    return buffer.getvalue()


def _ids(values: tuple[str, ...], what: str) -> tuple[str, ...]:
    """The ids asked for, once each, in order; a :class:`UsageError` for none or a non-text."""
    for value in values:
        if not isinstance(value, str):
            raise UsageError(
                f"{what}: id harus teks, bukan {type(value).__name__}",
                f"{what}: an id must be text, not {type(value).__name__}",
            )
    ids = tuple(dict.fromkeys(v.strip() for v in values if v.strip()))
    if not ids:
        raise UsageError(f"{what}: sebutkan satu id atau lebih", f"{what}: give one id or more")
    return ids


@dataclass(frozen=True)
class Report(ShowsItself):
    """The findings of one check: data, sorted, never raising.

    Iterate it for diagnostics; ``errors`` / ``warnings`` filter them; ``ok`` is true when no
    error-severity finding exists; ``summary`` counts them. :meth:`for_opd`,
    :meth:`at_level` and :meth:`at_least` return a new report with part of the findings;
    its :attr:`scope` says which part, and how many findings were left out.

    ``opds`` and ``levels`` are the OPD ids and level ids of the plan checked (``None`` when
    not known, for a report made by hand); ``census`` counts the plan's nodes per
    ``(opd, level)``, so a scoped report counts the nodes in its scope.
    """

    diagnostics: tuple[Diagnostic, ...]
    plan: str | None = None
    file: str | None = None
    nodes: int = 0
    rules: tuple[str, ...] = ()
    lang: Lang = "id"
    opds: tuple[str, ...] | None = None
    levels: tuple[str, ...] | None = None
    census: tuple[tuple[str | None, str, int], ...] = ()
    scope: Scope = field(default_factory=Scope)

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

    # -- scope --------------------------------------------------------------------------

    def for_opd(self, *ids: str, strict: bool = True) -> Report:
        """A new report with the findings about these OPDs: about their nodes, or about their
        entry in ``opds``.

        Findings about the plan as a whole (no node, no OPD, such as a framework item no
        node supports) and about nodes without an OPD (the Pemda's own) are left out; the new
        report's :attr:`scope` counts them. An id the plan does not have raises
        :class:`UsageError` naming the plan's OPDs; with ``strict=False`` (one scope over
        several plans) it is kept in ``scope.absent_opds`` instead.

        >>> import pohon
        >>> report = pohon.check(pohon.example("mojokerto"))
        >>> dinkes = report.for_opd("dinkes")
        >>> {d.opd for d in dinkes}
        {'dinkes'}
        >>> dinkes.scope.describe()
        'hanya OPD dinkes'
        >>> report.for_opd("dinkez")
        Traceback (most recent call last):
        ...
        pohon.findings.errors.UsageError: OPD 'dinkez' tidak ada di rencana ...
        """
        wanted = _ids(ids, "for_opd")
        absent = self._unknown(wanted, self.opds, "OPD", strict)
        if self.scope.opds:
            wanted = tuple(i for i in self.scope.opds if i in wanted)
        chosen = set(wanted)
        return self._narrow(
            lambda d: d.opd in chosen,
            replace(
                self.scope,
                opds=wanted,
                absent_opds=tuple(dict.fromkeys((*self.scope.absent_opds, *absent))),
            ),
        )

    def at_level(self, *levels: str, strict: bool = True) -> Report:
        """A new report with the findings about nodes at these levels (level ids of the
        plan's scheme, such as ``program``). Findings about no node (an OPD entry, the plan as
        a whole) are left out. An unknown level id raises :class:`UsageError`, unless
        ``strict=False``.

        >>> import pohon
        >>> report = pohon.check(pohon.example("mojokerto")).at_level("program", "kegiatan")
        >>> sorted({d.level for d in report})
        ['kegiatan', 'program']
        """
        wanted = _ids(levels, "at_level")
        self._unknown(wanted, self.levels, "level", strict)
        if self.scope.levels:
            wanted = tuple(i for i in self.scope.levels if i in wanted)
        chosen = set(wanted)
        return self._narrow(lambda d: d.level in chosen, replace(self.scope, levels=wanted))

    def at_least(self, severity: Severity) -> Report:
        """A new report with the findings of this severity or higher (``"warning"`` keeps
        warnings and errors).

        >>> import pohon
        >>> report = pohon.check(pohon.example("mojokerto")).at_least("error")
        >>> {d.severity for d in report}
        {'error'}
        >>> report.at_least("fatal")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        pohon.findings.errors.UsageError: at_least: tingkat 'fatal' tidak dikenal; ...
        """
        lowest = check_severity(severity, "at_least")
        if self.scope.severity is not None and RANK[self.scope.severity] > RANK[lowest]:
            lowest = self.scope.severity
        floor = RANK[lowest]
        return self._narrow(
            lambda d: RANK[d.severity] >= floor, replace(self.scope, severity=lowest)
        )

    def _unknown(
        self, wanted: tuple[str, ...], known: tuple[str, ...] | None, what: str, strict: bool
    ) -> tuple[str, ...]:
        """The ids of ``wanted`` the plan does not have; a :class:`UsageError` when strict."""
        if known is None:
            return ()
        unknown = tuple(i for i in wanted if i not in known)
        if unknown and strict:
            names = ", ".join(repr(i) for i in unknown)
            if known:
                raise UsageError(
                    f"{what} {names} tidak ada di rencana {self.plan or ''}".rstrip()
                    + f"; yang ada: {', '.join(known)}",
                    f"{what} {names} is not in plan {self.plan or ''}".rstrip()
                    + f"; the plan has: {', '.join(known)}",
                )
            raise UsageError(
                f"{what} {names} tidak ada: rencana {self.plan or ''} tidak punya {what}",
                f"{what} {names} not found: plan {self.plan or ''} has no {what}",
            )
        return unknown

    def _narrow(self, keep: Callable[[Diagnostic], bool], scope: Scope) -> Report:
        kept = tuple(d for d in self.diagnostics if keep(d))
        dropped = [d for d in self.diagnostics if not keep(d)]
        plan_wide = sum(1 for d in dropped if d.node is None and d.opd is None)
        scope = replace(
            scope,
            left_out=self.scope.left_out + len(dropped),
            plan_wide=self.scope.plan_wide + plan_wide,
        )
        nodes = self.nodes
        if self.census and (scope.opds or scope.levels):
            nodes = sum(
                count
                for opd, level, count in self.census
                if (not scope.opds or opd in scope.opds)
                and (not scope.levels or level in scope.levels)
            )
        return replace(self, diagnostics=kept, nodes=nodes, scope=scope)

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
            "scope": self.scope.to_dict(),
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

    def to_csv(self) -> str:
        """The records as one CSV table with the :data:`RECORD_COLUMNS` (for Excel: Data >
        From Text/CSV, UTF-8). Text that a spreadsheet would run as a formula gets a
        leading ``'``.

        >>> import pohon
        >>> text = pohon.check(pohon.example("mojokerto")).for_opd("dinkes").to_csv()
        >>> text.splitlines()[0]
        'file,line,column,sheet,cell,code,slug,severity,opd,level,kode,name,node,indicator,field,message,hint'
        """
        return records_csv(self.to_records())

    def to_frame(self) -> Any:
        """The records as a pandas DataFrame (needs ``pip install pohon[pandas]``)."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("to_frame() needs pandas: pip install 'pohon[pandas]'") from exc
        return pd.DataFrame.from_records(self.to_records(), columns=list(RECORD_COLUMNS))

    def __repr__(self) -> str:
        s = self.summary
        scope = f" ({self.scope.describe('en')})" if self.scope.applied else ""
        return (
            f"<Report {self.plan}: {s['error']} error, {s['warning']} warning, "
            f"{s['info']} info{scope}>"
        )
