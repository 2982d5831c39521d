"""How long the Excel template of a plan takes to read and write, against openpyxl alone.

For a synthetic plan (:mod:`benchmarks.synth`, 20,000 nodes by default, with indicators and
five years of targets), best of two runs each:

* **read floor**: openpyxl opening the workbook read-only and iterating every cell's value;
* **read**: :func:`pohon.io.workbook.read_workbook`, the plan checked out equal;
* **write floor**: openpyxl writing the same rows in write-only mode;
* **write**: :func:`pohon.io.workbook.write_workbook`, with its formats and drop-downs.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from typing import Any

import pohon
from benchmarks.synth import make_plan, plan_json

TARGET_READ = 3.0
"""Reading a template takes at most this many times openpyxl's own iteration of its cells."""
TARGET_WRITE = 3.0
"""Writing one takes at most this many times openpyxl's write-only time for its rows."""


def _best(step: Callable[[], object], repeat: int = 2) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        best = min(best, time.perf_counter() - start)
    return best


def measure_workbook(
    n: int, seed: int = 0, log: Callable[[str], None] | None = None
) -> dict[str, Any]:
    """Seconds to read and write the template workbook of an ``n``-node plan, and floors."""
    import openpyxl

    from pohon.io.workbook import read_workbook, write_workbook

    say = log or (lambda _message: None)
    say(f"  buku kerja Excel {n:,} node ...")
    plan = pohon.loads(plan_json(make_plan(n, seed)), format="json")
    data = write_workbook(plan)
    if read_workbook(data, "rencana.xlsx") != plan:
        raise AssertionError("the workbook does not give the plan back")

    def read_floor() -> int:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        cells = 0
        for sheet in book.worksheets:
            for row in sheet.iter_rows(values_only=True):
                cells += len(row)
        book.close()
        return cells

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    sheets = [(ws.title, list(ws.iter_rows(values_only=True))) for ws in book.worksheets]
    book.close()

    def write_floor() -> None:
        out = openpyxl.Workbook(write_only=True)
        for title, rows in sheets:
            sheet = out.create_sheet(title)
            for row in rows:
                sheet.append(row)
        out.save(io.BytesIO())

    figures = {
        "nodes": n,
        "indicators": sum(len(node.indicators) for node in plan.nodes),
        "bytes": len(data),
        "read_floor": _best(read_floor),
        "read": _best(lambda: read_workbook(data, "rencana.xlsx")),
        "write_floor": _best(write_floor),
        "write": _best(lambda: write_workbook(plan)),
    }
    figures["read_ratio"] = figures["read"] / figures["read_floor"]
    figures["write_ratio"] = figures["write"] / figures["write_floor"]
    return figures
