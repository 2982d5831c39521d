"""A finding, ready to show: code, severity, message, hint, location and the raw values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any, Literal, TypeGuard

from pohon.findings.catalogue import jsonable
from pohon.findings.errors import UsageError
from pohon.findings.location import Location

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


def is_severity(value: object) -> TypeGuard[Severity]:
    return isinstance(value, str) and value in SEVERITIES


def check_severity(value: object, what: str = "severity") -> Severity:
    """``value`` when it is a severity, else a :class:`UsageError` naming the choices."""
    if is_severity(value):
        return value
    raise UsageError(
        f"{what}: tingkat {value!r} tidak dikenal; pilih error, warning atau info",
        f"{what}: unknown severity {value!r}; choose error, warning or info",
    )


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding: made by a rule, or a problem that stopped a file from being read.

    ``code`` and ``slug`` name the entry of :data:`pohon.findings.CATALOGUE` it comes from;
    ``node``, ``indicator`` and ``field`` say what it is about; ``values`` are the raw values
    behind the message. ``opd``, ``level``, ``kode`` and ``name`` describe the node as the
    planner knows it (its owner, level id, nomenclature kode and name; for a finding about an
    entry of ``opds``, ``opd`` is that OPD), so findings can be filtered and tabled by them.
    """

    code: str
    slug: str
    severity: Severity
    node: str | None
    field: str | None
    message: str
    hint: str
    location: Location
    indicator: str | None = None
    related: tuple[str, ...] = ()
    values: Mapping[str, Any] = dc_field(default_factory=dict)
    plan: str | None = None
    opd: str | None = None
    level: str | None = None
    kode: str | None = None
    name: str | None = None

    def sort_key(self) -> tuple[Any, ...]:
        return (
            *self.location.sort_key(),
            self.code,
            self.node or "",
            self.indicator or "",
            self.field or "",
            self.message,
        )

    def to_dict(self) -> dict[str, Any]:
        """The diagnostic as JSON-ready data (the ``--format json`` contract)."""
        return {
            "code": self.code,
            "slug": self.slug,
            "severity": self.severity,
            "plan": self.plan,
            "node": self.node,
            "opd": self.opd,
            "level": self.level,
            "kode": self.kode,
            "name": self.name,
            "indicator": self.indicator,
            "field": self.field,
            "message": self.message,
            "hint": self.hint,
            "location": self.location.to_dict(),
            "related": list(self.related),
            "values": {k: jsonable(v) for k, v in sorted(self.values.items())},
        }
