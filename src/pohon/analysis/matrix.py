"""A matrix of rows × columns with cells and gaps: the shape both analyses report in.

The JSON form is a contract for other apps::

    {"rows": [{"id", "label", ...}], "columns": [{"id", "label", ...}],
     "cells": [{"row", "column", "nodes": [ids], "count", "pagu": {year: rupiah}}],
     "gaps": [diagnostics, as in ``pohon check --format json``]}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pohon.findings import Diagnostic, ShowsItself


@dataclass(frozen=True)
class Header:
    """A row or a column: an id (node, OPD or ``framework:item``), a label, and extras."""

    id: str
    label: str
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, **{k: _plain(v) for k, v in self.extra.items()}}


@dataclass(frozen=True)
class Cell:
    row: str
    column: str
    nodes: tuple[str, ...]
    pagu: Mapping[int, int | float] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.nodes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "nodes": list(self.nodes),
            "count": self.count,
            "pagu": {str(year): value for year, value in sorted(self.pagu.items())},
        }


@dataclass(frozen=True)
class Matrix(ShowsItself):
    """Rows × columns with the non-empty cells, and the gaps found."""

    title: str
    rows: tuple[Header, ...]
    columns: tuple[Header, ...]
    cells: tuple[Cell, ...]
    gaps: tuple[Diagnostic, ...] = ()
    """What is missing, as the rules' findings (PK3xx for alignment, PK4xx for crosscutting):
    the analysis leaves it empty; ``pohon matrix`` and :func:`pohon.render.matrix_with_findings`
    fill it from a check of the same plan."""

    def cell(self, row: str, column: str) -> Cell | None:
        for c in self.cells:
            if c.row == row and c.column == column:
                return c
        return None

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract: rows, columns, cells (non-empty only) and gaps, with ids."""
        return {
            "title": self.title,
            "rows": [r.to_dict() for r in self.rows],
            "columns": [c.to_dict() for c in self.columns],
            "cells": [c.to_dict() for c in self.cells],
            "gaps": [g.to_dict() for g in self.gaps],
        }

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per non-empty cell, for a DataFrame or a spreadsheet."""
        rows = {r.id: r.label for r in self.rows}
        columns = {c.id: c.label for c in self.columns}
        out = []
        for c in self.cells:
            record: dict[str, Any] = {
                "row": c.row,
                "row_label": rows.get(c.row, c.row),
                "column": c.column,
                "column_label": columns.get(c.column, c.column),
                "count": c.count,
                "nodes": ", ".join(c.nodes),
            }
            for year, value in sorted(c.pagu.items()):
                record[f"pagu_{year}"] = value
            out.append(record)
        return out

    def to_frame(self) -> Any:
        """The cell counts as a pandas DataFrame, rows × columns (needs pandas)."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("to_frame() needs pandas: pip install 'pohon[pandas]'") from exc
        counts = {(c.row, c.column): c.count for c in self.cells}
        data = [[counts.get((r.id, col.id), 0) for col in self.columns] for r in self.rows]
        return pd.DataFrame(
            data, index=[r.label for r in self.rows], columns=[c.label for c in self.columns]
        )


def records_frame(records: list[dict[str, Any]]) -> Any:
    """Flat records as a pandas DataFrame; pandas is an optional extra."""
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("to_frame() needs pandas: pip install 'pohon[pandas]'") from exc
    return pd.DataFrame.from_records(records)


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [_plain(v) for v in value]
    return value


def pagu_once(
    members: list[str],
    rank: Mapping[str, int],
    parents_of: Mapping[str, tuple[str, ...]],
    pagu_of: Mapping[str, Mapping[int, int | float]],
) -> dict[int, int | float]:
    """The pagu behind a set of nodes, each rupiah once.

    A node's pagu for a year counts unless an ancestor within ``members`` already carries
    pagu for that year (a kegiatan's pagu is inside its program's; a sub kegiatan under a
    kegiatan without pagu still counts under a program without pagu for that year).
    ``rank`` orders nodes parents-first; the walk is linear in ``members``.
    """
    member_set = set(members)
    covered: dict[str, frozenset[int]] = {}
    total: dict[int, int | float] = {}
    none: frozenset[int] = frozenset()
    for node_id in sorted(members, key=rank.__getitem__):
        above = none
        for parent in parents_of.get(node_id, ()):
            if parent in member_set:
                from_parent = covered.get(parent, none)
                above = from_parent if not above else above | from_parent
        pagu = pagu_of.get(node_id)
        if pagu:
            for year, value in pagu.items():
                if year not in above:
                    total[year] = total.get(year, 0) + value
            above = above | frozenset(pagu)
        covered[node_id] = above
    return dict(sorted(total.items()))
