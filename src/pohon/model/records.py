"""A plan as flat tables, and back: for DataFrames in notebooks and for apps with tables.

:meth:`pohon.Plan.to_records` gives one table (a list of flat dicts): ``nodes``,
``indicators``, ``targets`` (one row per indicator and year, target and realisasi side by
side), ``pagu`` (one row per node and year), ``opds``, ``aligns``, ``crosscutting``;
:meth:`pohon.Plan.to_tables` gives them all, and :meth:`pohon.Plan.from_records` builds the
plan from them again (the same plan: ``Plan.from_records(**plan.to_tables()) == plan``).
Lists inside a cell (parents, weights, scale) are joined with ``"; "``; a range value
``[70, 80]`` stays a list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pohon.model.plan import Plan

TABLES = ("plan", "opds", "nodes", "indicators", "targets", "pagu", "aligns", "crosscutting")
"""The tables of :meth:`pohon.Plan.to_tables`, in order."""

_SEP = "; "


def _joined(values: Iterable[Any]) -> str | None:
    items = [str(v) for v in values]
    return _SEP.join(items) if items else None


def _split(text: Any) -> list[str]:
    if text is None or text == "":
        return []
    if isinstance(text, list | tuple):
        return [str(t) for t in text]
    return [part.strip() for part in str(text).split(";") if part.strip()]


def to_records(plan: Plan, table: str = "nodes") -> list[dict[str, Any]]:
    """One table of the plan as flat dicts (see the module)."""
    if table == "plan":
        info = plan.info
        scheme = info.scheme if isinstance(info.scheme, str) else info.scheme.model_dump()
        return [
            {
                "format": plan.format,
                "id": info.id,
                "name": info.name,
                "pemda": info.pemda,
                "start": info.period.start,
                "end": info.period.end,
                "frameworks": _joined(info.frameworks),
                "scheme": scheme,
                "notes": info.notes,
                "meta": dict(info.meta) or None,
            }
        ]
    if table == "opds":
        return [
            {"id": o.id, "name": o.name, "kode": o.kode, "singkatan": o.singkatan, "notes": o.notes}
            for o in plan.opds
        ]
    rows: list[dict[str, Any]] = []
    for node in plan.nodes:
        if table == "nodes":
            weights = [p.weight for p in node.parents]
            rows.append(
                {
                    "id": node.id,
                    "level": node.level,
                    "name": node.name,
                    "parents": _joined(p.id for p in node.parents),
                    "weights": _joined("" if w is None else w for w in weights)
                    if any(w is not None for w in weights)
                    else None,
                    "opd": node.opd,
                    "kode": node.kode,
                    "notes": node.notes,
                }
            )
        elif table == "indicators":
            for ind in node.indicators:
                rows.append(
                    {
                        "node": node.id,
                        "id": ind.id,
                        "name": ind.name,
                        "satuan": ind.satuan,
                        "measure": ind.measure,
                        "scale": _joined(ind.scale) if ind.scale is not None else None,
                        "polarity": ind.polarity,
                        "cumulative": ind.cumulative,
                        "iku": ind.iku,
                        "baseline_year": ind.baseline.year if ind.baseline else None,
                        "baseline_value": ind.baseline.value if ind.baseline else None,
                        "definisi": ind.definisi,
                        "formula": ind.formula,
                        "sumber_data": ind.sumber_data,
                        "penanggung_jawab": ind.penanggung_jawab,
                        "notes": ind.notes,
                    }
                )
        elif table == "targets":
            for ind in node.indicators:
                for year in sorted({*ind.targets, *ind.actuals, *ind.pk_targets}):
                    rows.append(
                        {
                            "node": node.id,
                            "indicator": ind.id,
                            "year": year,
                            "target": _value(ind.targets.get(year)),
                            "actual": _value(ind.actuals.get(year)),
                            "pk_target": _value(ind.pk_targets.get(year)),
                            "has_target": year in ind.targets,
                            "has_actual": year in ind.actuals,
                            "has_pk_target": year in ind.pk_targets,
                        }
                    )
        elif table == "pagu":
            spent = node.realisasi_anggaran
            for year in sorted({*node.pagu, *spent}):
                rows.append(
                    {
                        "node": node.id,
                        "year": year,
                        "pagu": node.pagu.get(year),
                        "realisasi_anggaran": spent.get(year),
                    }
                )
        elif table == "aligns":
            for ref in node.aligns:
                rows.append({"node": node.id, "ref": ref})
        elif table == "crosscutting":
            for decl in node.crosscutting:
                rows.append(
                    {
                        "node": node.id,
                        "opd": decl.opd,
                        "agency": decl.agency,
                        "status": decl.status,
                        "note": decl.note,
                    }
                )
        else:
            raise ValueError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")
    return rows


def _value(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def to_tables(plan: Plan) -> dict[str, list[dict[str, Any]]]:
    """Every table of the plan, keyed by :data:`TABLES`."""
    return {table: to_records(plan, table) for table in TABLES}


_WHOLE = {"year", "baseline_year", "start", "end", "format", "pagu", "realisasi_anggaran"}
"""Columns of whole numbers: a DataFrame column with an empty cell holds them as floats."""


def _clean(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record without its empty cells (``None``, ``""``, and a DataFrame's NaN); years
    that a DataFrame turned into floats (``2024.0``) are years again."""
    out = {}
    for key, value in record.items():
        if value is None or (isinstance(value, str) and value == ""):
            continue
        if isinstance(value, float):
            if value != value:
                continue
            if key in _WHOLE and value.is_integer():
                value = int(value)
        out[key] = value
    return out


def plan_data(
    *,
    plan: Iterable[Mapping[str, Any]],
    nodes: Iterable[Mapping[str, Any]],
    opds: Iterable[Mapping[str, Any]] = (),
    indicators: Iterable[Mapping[str, Any]] = (),
    targets: Iterable[Mapping[str, Any]] = (),
    pagu: Iterable[Mapping[str, Any]] = (),
    aligns: Iterable[Mapping[str, Any]] = (),
    crosscutting: Iterable[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """The native-format data of a plan given as tables (validated by the caller)."""
    heads = [_clean(r) for r in plan]
    if len(heads) != 1:
        raise ValueError(f"the plan table has one row, not {len(heads)}")
    head = heads[0]
    info: dict[str, Any] = {
        k: v for k, v in head.items() if k in ("id", "name", "pemda", "scheme", "notes", "meta")
    }
    info["period"] = {k: head[k] for k in ("start", "end") if k in head}
    if "frameworks" in head:
        info["frameworks"] = _split(head["frameworks"])
    out_nodes: list[dict[str, Any]] = []
    position: dict[str, int] = {}
    for record in nodes:
        row = _clean(record)
        node: dict[str, Any] = {
            k: v for k, v in row.items() if k in ("id", "level", "name", "opd", "kode", "notes")
        }
        ids = _split(row.get("parents"))
        weights = _split(row.get("weights")) if "weights" in row else []
        if ids:
            node["parents"] = [
                {"id": pid, "weight": _number(weights[k])}
                if k < len(weights) and weights[k] != ""
                else pid
                for k, pid in enumerate(ids)
            ]
        position.setdefault(str(node.get("id")), len(out_nodes))
        out_nodes.append(node)

    def owner(row: Mapping[str, Any]) -> dict[str, Any]:
        at = position.get(str(row.get("node")))
        if at is None:
            raise ValueError(f"row names node {row.get('node')!r}, which the nodes table lacks")
        return out_nodes[at]

    by_id: dict[tuple[str, str], dict[str, Any]] = {}
    for record in indicators:
        row = _clean(record)
        ind = {k: v for k, v in row.items() if k not in ("node", "baseline_year", "baseline_value")}
        if "scale" in ind:
            ind["scale"] = _split(ind["scale"])
        if "baseline_year" in row:
            ind["baseline"] = {"year": row["baseline_year"]}
            if "baseline_value" in row:
                ind["baseline"]["value"] = row["baseline_value"]
        owner(row).setdefault("indicators", []).append(ind)
        by_id.setdefault((str(row.get("node")), str(row.get("id"))), ind)
    for record in targets:
        row = _clean(record)
        found = by_id.get((str(row.get("node")), str(row.get("indicator"))))
        if found is None:
            raise ValueError(
                f"target row names indicator {row.get('indicator')!r} of node "
                f"{row.get('node')!r}, which the indicators table lacks"
            )
        year = row["year"]
        if row.get("has_target", "target" in row):
            found.setdefault("targets", {})[year] = row.get("target")
        if row.get("has_actual", "actual" in row):
            found.setdefault("actuals", {})[year] = row.get("actual")
        if row.get("has_pk_target", "pk_target" in row):
            found.setdefault("pk_targets", {})[year] = row.get("pk_target")
    for record in pagu:
        row = _clean(record)
        for key in ("pagu", "realisasi_anggaran"):
            if row.get(key) is not None:
                owner(row).setdefault(key, {})[row["year"]] = row[key]
    for record in aligns:
        row = _clean(record)
        owner(row).setdefault("aligns", []).append(row["ref"])
    for record in crosscutting:
        row = _clean(record)
        owner(row).setdefault("crosscutting", []).append(
            {k: v for k, v in row.items() if k != "node"}
        )
    return {
        "pohon": head.get("format", 1),
        "plan": info,
        "opds": [_clean(o) for o in opds],
        "nodes": out_nodes,
    }


def _number(text: str) -> Any:
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return text  # the model says what is wrong with it
