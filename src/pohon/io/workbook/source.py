"""Where each part of a plan read from a template workbook was written."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

from pohon.findings import Location
from pohon.io.workbook.layout import (
    _ALIGN,
    _CROSS,
    _INDICATOR,
    _INDICATOR_YEARLY,
    _NODE,
    _NODE_YEARLY,
    _OPD,
    _PAGU,
)


@dataclass
class WorkbookSource:
    """Where each part of a plan read from a workbook was written: sheet and row, and the
    column of each field. Used by the check to point every finding at its cell."""

    file: str | None
    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    """Per sheet: the key of each column (``name``, ``targets:2027``) to its letter."""
    node_rows: list[int] = field(default_factory=list)
    indicator_rows: dict[tuple[int, str], int] = field(default_factory=dict)
    indicator_rows_at: dict[tuple[int, int], int] = field(default_factory=dict)
    pagu_rows: dict[int, int] = field(default_factory=dict)
    align_rows: dict[int, list[int]] = field(default_factory=dict)
    cross_rows: dict[int, list[int]] = field(default_factory=dict)
    opd_rows: dict[str, int] = field(default_factory=dict)
    opd_rows_at: list[int] = field(default_factory=list)
    plan_rows: dict[str, int] = field(default_factory=dict)
    format = "xlsx"

    def _cell(self, sheet: str, key: str, row: int) -> str:
        letter = self.columns.get(sheet, {}).get(key) or "A"
        return f"{letter}{row}"

    def _first_year(self, sheet: str, key: str, otherwise: str) -> str:
        """The column of the first year of ``key`` on the sheet (``pagu:2025``), else the
        column ``otherwise``: a finding on a yearly field points at its first year."""
        return next((k for k in self.columns.get(sheet, {}) if k.startswith(key + ":")), otherwise)

    def place(
        self, index: int, *, indicator_id: str | None = None, field: str | None = None
    ) -> tuple[str, str] | None:
        """The sheet and cell of a node, one of its indicators, or a field of either."""
        if not 0 <= index < len(self.node_rows):
            return None
        if indicator_id is not None:
            row = self.indicator_rows.get((index, indicator_id))
            if row is not None:
                key = _INDICATOR_FIELDS.get(field or "", "id")
                if key in _INDICATOR_YEARLY:
                    key = self._first_year(_INDICATOR.name, key, "id")
                return _INDICATOR.name, self._cell(_INDICATOR.name, key, row)
        if field in _NODE_YEARLY and index in self.pagu_rows:
            first = self._first_year(_PAGU.name, field, "node")
            return _PAGU.name, self._cell(_PAGU.name, first, self.pagu_rows[index])
        if field == "aligns" and self.align_rows.get(index):
            return _ALIGN.name, self._cell(_ALIGN.name, "ref", self.align_rows[index][0])
        if field == "crosscutting" and self.cross_rows.get(index):
            return _CROSS.name, self._cell(_CROSS.name, "opd", self.cross_rows[index][0])
        key = _NODE_FIELDS.get(field or "", "id")
        return _NODE.name, self._cell(_NODE.name, key, self.node_rows[index])

    def location(
        self,
        index: int,
        *,
        indicator_id: str | None = None,
        field: str | None = None,
        path: str | None = None,
    ) -> Location:
        found = self.place(index, indicator_id=indicator_id, field=field)
        if found is None:
            return Location(self.file, path=path)
        return Location(self.file, sheet=found[0], cell=found[1], path=path)

    def opd_location(self, opd_id: str, path: str | None = None) -> Location:
        row = self.opd_rows.get(opd_id)
        if row is None:
            return Location(self.file, path=path)
        return Location(
            self.file, sheet=_OPD.name, cell=self._cell(_OPD.name, "id", row), path=path
        )

    def place_of_loc(self, loc: tuple[Hashable, ...]) -> tuple[str | None, str | None]:
        """The sheet and cell of a key path of the plan's data (a validation error's)."""
        if not loc:
            return None, None
        head = loc[0]
        if head in ("plan", "pohon"):
            key = "format" if head == "pohon" else str(loc[1]) if len(loc) > 1 else "id"
            if key == "period":
                key = str(loc[2]) if len(loc) > 2 else "start"
            if key == "meta" and len(loc) > 2:
                key = f"meta.{loc[2]}"
            row = self.plan_rows.get(key)
            return ("Rencana", f"B{row}") if row else ("Rencana", None)
        if head == "opds" and len(loc) > 1 and isinstance(loc[1], int):
            if loc[1] < len(self.opd_rows_at):
                key = str(loc[2]) if len(loc) > 2 else "id"
                return _OPD.name, self._cell(_OPD.name, key, self.opd_rows_at[loc[1]])
            return _OPD.name, None
        if head == "nodes" and len(loc) > 1 and isinstance(loc[1], int):
            index = loc[1]
            if index >= len(self.node_rows):
                return _NODE.name, None
            rest = loc[2:]
            if rest and rest[0] == "indicators" and len(rest) > 1 and isinstance(rest[1], int):
                row = self.indicator_rows_at.get((index, rest[1]))
                if row is None:
                    return _INDICATOR.name, None
                key = str(rest[2]) if len(rest) > 2 else "id"
                if key in _INDICATOR_YEARLY and len(rest) > 3:
                    key = f"{key}:{rest[3]}"
                elif key == "baseline":
                    key = (
                        "baseline_value"
                        if len(rest) > 3 and rest[3] == "value"
                        else "baseline_year"
                    )
                letter = self.columns.get(_INDICATOR.name, {}).get(key)
                if letter is None:
                    letter = self.columns.get(_INDICATOR.name, {}).get("id", "A")
                return _INDICATOR.name, f"{letter}{row}"
            if rest and rest[0] in _NODE_YEARLY and index in self.pagu_rows:
                key = f"{rest[0]}:{rest[1]}" if len(rest) > 1 else "node"
                return _PAGU.name, self._cell(_PAGU.name, key, self.pagu_rows[index])
            if rest and rest[0] == "aligns" and self.align_rows.get(index):
                k = rest[1] if len(rest) > 1 and isinstance(rest[1], int) else 0
                rows = self.align_rows[index]
                return _ALIGN.name, self._cell(_ALIGN.name, "ref", rows[min(k, len(rows) - 1)])
            if rest and rest[0] == "crosscutting" and self.cross_rows.get(index):
                k = rest[1] if len(rest) > 1 and isinstance(rest[1], int) else 0
                rows = self.cross_rows[index]
                key = str(rest[2]) if len(rest) > 2 else "opd"
                return _CROSS.name, self._cell(_CROSS.name, key, rows[min(k, len(rows) - 1)])
            key = _NODE_FIELDS.get(str(rest[0]) if rest else "", "id")
            if rest and rest[0] == "parents" and len(rest) > 2 and rest[2] == "weight":
                key = "weights"
            return _NODE.name, self._cell(_NODE.name, key, self.node_rows[index])
        return None, None


_NODE_FIELDS = {
    "id": "id",
    "level": "level",
    "name": "name",
    "parents": "parents",
    "opd": "opd",
    "kode": "kode",
    "notes": "notes",
}
_INDICATOR_FIELDS = {
    "id": "id",
    "name": "name",
    "satuan": "satuan",
    "measure": "measure",
    "scale": "scale",
    "polarity": "polarity",
    "cumulative": "cumulative",
    "iku": "iku",
    "baseline": "baseline_value",
    "targets": "targets",
    "actuals": "actuals",
    "pk_targets": "pk_targets",
    "definisi": "definisi",
    "formula": "formula",
    "sumber_data": "sumber_data",
    "penanggung_jawab": "penanggung_jawab",
    "notes": "notes",
}
