"""How long pohon takes to load and check a Kota-sized and a Provinsi-sized plan.

Run it with ``make bench`` or ``python benchmarks/run.py``. For each size a synthetic plan
(:mod:`benchmarks.synth`) is written as JSON and YAML text in memory, then timed, best of
``k`` rounds with a garbage collection before each run; each round runs every step once, in
turn, so that all steps are timed in the same states of the process's memory:

* **floor**: ``json.loads`` of the text plus a bare ``networkx.DiGraph`` with one node per
  plan node and one edge per parent link: the least any library reading this file into a
  graph must do;
* **load_json** / **load_yaml**: ``pohon.loads`` of the JSON / YAML text;
* **check**: ``pohon.check`` on a freshly loaded plan (only the check is timed);
* **load+check**: load of the JSON text and check, timed as one operation;
* **alignment** / **crosscutting**: ``pohon.alignment`` / ``pohon.crosscutting`` on a freshly
  loaded plan (only the analysis is timed; its cached result is cleared first, so each run
  computes it, graph included);
* **dot**: the DOT text of the whole plan (``pohon.diagram``, no findings marked);
* **capaian**: ``pohon.capaian`` on a freshly loaded plan: every indicator's capaian and
  predikat, the roll-up through the cascade, the period figures and the budget absorption
  per node, OPD, Pemda sasaran and framework item (the synthetic plans carry a first-year
  realisasi anggaran on nine sub kegiatan in ten);
* **capaian_core**: the same without the budget (``budget=False``): capaian, predikat,
  period figures and the roll-up, what the check's rules read;
* **diff**: ``pohon.diff`` of the plan and a revision of it (:func:`benchmarks.synth.revise`:
  renames, new ids, removals, target and pagu changes), both freshly loaded.

It prints the times, their ratios to the floor, the analyses against the check, their growth
from the smallest to the largest size, the peak memory per node of load+check
(``tracemalloc``), and the project's targets with PASS or FAIL. It is a measurement, not a
test: it exits 0 either way.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import pydantic

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pohon
from benchmarks.synth import make_chain, make_plan, plan_json, plan_yaml, revise
from benchmarks.workbook import TARGET_READ, TARGET_WRITE, measure_workbook

SIZES = (5_000, 50_000)
REPEATS = {5_000: 5, 50_000: 3}
"""Best of this many runs per size; other sizes get 5 below 20,000 nodes and 3 above."""
TARGET_RATIO = 4.0
"""Load+check of the largest JSON plan takes at most this many times the floor."""
TARGET_GROWTH = 11.0
"""From 5,000 to 50,000 nodes (ten times the plan) a time grows at most this much; other
spans scale it (22 times for twenty times the plan)."""
TARGET_ANALYSES = 2.0
"""Alignment + crosscutting of the largest plan take at most this many times its check."""
TARGET_CAPAIAN = 1.0
"""Capaian, roll-up and budget of every indicator at most the time of the check."""
TARGET_PROCESS = 4.0
"""The whole ``pohon check`` process on a plan file takes at most this many times the floor
process (Python reading the file with ``json.load`` into a networkx graph)."""
PROCESS_SIZE = 20_000
CHAIN_SIZE = 20_000
WORKBOOK_SIZE = 20_000
CYCLE_SIZE = 50_000
TARGET_SHAPE_GROWTH = 5.0
"""A chain or cycle four times as long takes at most this many times as long (linear)."""
ANALYSES = ("alignment", "crosscutting")
STEPS = (
    "floor",
    "load_json",
    "load_yaml",
    "check",
    "load_check",
    *ANALYSES,
    "dot",
    "capaian",
    "capaian_core",
    "diff",
)
LAYOUT_SECONDS = 2.0
"""Laying out and writing the SVG of the example's whole tree, and of a 300-node subtree,
each takes at most this long with the Graphviz engine found (pygraphviz's from PyPI here)."""
SUBTREE = 300


def floor(text: str) -> nx.DiGraph[str]:
    """Parse the JSON text and build a bare graph of the cascade from the parsed data."""
    data = json.loads(text)
    graph: nx.DiGraph[str] = nx.DiGraph()
    nodes = data["nodes"]
    graph.add_nodes_from(node["id"] for node in nodes)
    graph.add_edges_from(
        (parent if isinstance(parent, str) else parent["id"], node["id"])
        for node in nodes
        for parent in node.get("parents", ())
    )
    return graph


def once(action: Callable[[], object]) -> float:
    """Seconds of one run of ``action``, after a garbage collection."""
    gc.collect()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def best_of(action: Callable[[], object], repeat: int) -> float:
    """The shortest of ``repeat`` timed runs of ``action``, in seconds."""
    return min(once(action) for _ in range(repeat))


def fresh_plan(text: str) -> pohon.Plan:
    """The plan loaded from the JSON text (a plan holds no graph or analysis of its own)."""
    return pohon.loads(text, format="json")


def once_on_fresh(text: str, action: Callable[[pohon.Plan], object]) -> float:
    """Seconds of one run of ``action`` on a plan freshly loaded from ``text``, so no cached
    graph or analysis helps; only ``action`` is timed."""
    plan = fresh_plan(text)
    gc.collect()
    start = time.perf_counter()
    action(plan)
    elapsed = time.perf_counter() - start
    del plan
    return elapsed


def best_on_fresh(text: str, action: Callable[[pohon.Plan], object], repeat: int) -> float:
    """The shortest of ``repeat`` runs of :func:`once_on_fresh`."""
    return min(once_on_fresh(text, action) for _ in range(repeat))


def best_check(text: str, repeat: int) -> float:
    """The shortest check of a freshly loaded plan, so no cached graph helps."""
    return best_on_fresh(text, pohon.check, repeat)


def _alignment(plan: pohon.Plan) -> pohon.AlignmentResult:
    return pohon.alignment(plan)


def _crosscutting(plan: pohon.Plan) -> pohon.CrosscuttingResult:
    return pohon.crosscutting(plan)


def _capaian(plan: pohon.Plan) -> pohon.CapaianResult:
    return pohon.capaian(plan)


def _capaian_core(plan: pohon.Plan) -> pohon.CapaianResult:
    return pohon.capaian(plan, budget=False)


def once_diff(old_text: str, new_text: str) -> float:
    """Seconds of one ``pohon.diff`` of a plan and its revision (:func:`synth.revise`), both
    freshly loaded; only the diff is timed."""
    old, new = fresh_plan(old_text), fresh_plan(new_text)
    gc.collect()
    start = time.perf_counter()
    pohon.diff(old, new)
    elapsed = time.perf_counter() - start
    del old, new
    return elapsed


def best_diff(old_text: str, new_text: str, repeat: int) -> float:
    """The shortest of ``repeat`` runs of :func:`once_diff`."""
    return min(once_diff(old_text, new_text) for _ in range(repeat))


def _dot(plan: pohon.Plan) -> pohon.Diagram:
    return pohon.diagram(plan, findings=False)


def measure_layout(seed: int = 0, log: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Seconds to lay out and write the SVG of the example's whole tree and of a subtree of
    about :data:`SUBTREE` nodes of a synthetic plan, with the engine pohon finds."""
    from pohon.render.layout import engine

    say = log or (lambda _message: None)
    command = engine()
    if command is None:
        return {"engine": None}
    name = "dot sistem" if len(command) == 1 else "pygraphviz (PyPI)"
    say(f"  tata letak SVG dengan {name} ...")
    example = pohon.example("mojokerto")
    whole = pohon.diagram(example)
    plan = pohon.loads(plan_json(make_plan(5_000, seed)), format="json")
    graph = pohon.PlanGraph(plan)
    sizes = {n.id: len(graph.descendants(n.id)) + 1 for n in plan.nodes}
    root = min(sizes, key=lambda node: (abs(sizes[node] - SUBTREE), node))
    part = pohon.diagram(plan, root=root)
    figures: dict[str, Any] = {"engine": name}
    for key, drawing in (("example", whole), ("subtree", part)):
        best = min(_timed(drawing) for _ in range(2))
        figures[key] = {"boxes": drawing.boxes, "seconds": best}
    return figures


def _timed(drawing: pohon.Diagram) -> float:
    """Seconds to lay out ``drawing`` and have its SVG."""
    start = time.perf_counter()
    drawing.render("svg")
    return time.perf_counter() - start


def load_check(text: str) -> pohon.Report:
    return pohon.check(pohon.loads(text, format="json"))


def measure_size(
    n: int, repeat: int, seed: int = 0, log: Callable[[str], None] | None = None
) -> dict[str, Any]:
    """Times (in seconds) of every step for one plan size."""
    say = log or (lambda _message: None)
    start = time.perf_counter()
    data = make_plan(n, seed)
    json_text = plan_json(data)
    yaml_text = plan_yaml(data)
    revised_text = plan_json(revise(data))
    del data
    gc.collect()
    report = load_check(json_text)
    findings = report.summary["by_code"]
    say(
        f"  {n:,} node: rencana dibuat dalam {time.perf_counter() - start:.1f} s "
        f"(JSON {len(json_text) / 1e6:.1f} MB, YAML {len(yaml_text) / 1e6:.1f} MB, "
        f"{len(report)} temuan); mengukur, {repeat}x per langkah ..."
    )
    del report
    # Round by round, every step runs once in turn, and each keeps its best round: all
    # steps are then timed in the same states of the process's memory. Timed one after
    # the other instead, a step would find the heap as the steps before it left it, a
    # larger and more scattered one on a large plan, and the ratios between steps would
    # depend on their order.
    runs: dict[str, Callable[[], float]] = {
        "floor": lambda: once(lambda: floor(json_text)),
        "load_json": lambda: once(lambda: pohon.loads(json_text, format="json")),
        "load_yaml": lambda: once(lambda: pohon.loads(yaml_text, format="yaml")),
        "check": lambda: once_on_fresh(json_text, pohon.check),
        "load_check": lambda: once(lambda: load_check(json_text)),
        "alignment": lambda: once_on_fresh(json_text, _alignment),
        "crosscutting": lambda: once_on_fresh(json_text, _crosscutting),
        "dot": lambda: once_on_fresh(json_text, _dot),
        "capaian": lambda: once_on_fresh(json_text, _capaian),
        "capaian_core": lambda: once_on_fresh(json_text, _capaian_core),
        "diff": lambda: once_diff(json_text, revised_text),
    }
    times = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for step, run in runs.items():
            times[step] = min(times[step], run())
    return {
        "nodes": n,
        "repeat": repeat,
        "json_bytes": len(json_text.encode()),
        "yaml_bytes": len(yaml_text.encode()),
        "findings": findings,
        "seconds": times,
    }


def measure_memory(n: int, seed: int = 0) -> dict[str, Any]:
    """Peak traced memory of load+check of the JSON text, and what the process's resident
    size does meanwhile (the growth of its peak, and the memory the plan and report hold)."""
    text = plan_json(make_plan(n, seed))
    gc.collect()
    maxrss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rss_before = _rss()
    plan = pohon.loads(text, format="json")
    report = pohon.check(plan)
    rss_after = _rss()
    maxrss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    del plan, report
    gc.collect()
    tracemalloc.start()
    try:
        load_check(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
    return {
        "nodes": n,
        "text_bytes": len(text.encode()),
        "peak_bytes": peak,
        "peak_bytes_per_node": peak / n,
        "maxrss_growth_bytes": (maxrss_after - maxrss_before) * scale,
        "rss_held_bytes": None
        if rss_before is None or rss_after is None
        else rss_after - rss_before,
    }


def _rss() -> int | None:
    """The current resident size in bytes (Linux), or ``None``."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


FLOOR_PROCESS = """
import json, sys
import networkx as nx
with open(sys.argv[1], encoding="utf-8") as handle:
    data = json.load(handle)
graph = nx.DiGraph()
nodes = data["nodes"]
graph.add_nodes_from(node["id"] for node in nodes)
graph.add_edges_from(
    (parent if isinstance(parent, str) else parent["id"], node["id"])
    for node in nodes
    for parent in node.get("parents", ())
)
"""


def best_process(command: Sequence[str], repeat: int) -> tuple[float, int]:
    """The shortest wall time of ``repeat`` runs of a process, and its exit status."""
    best = float("inf")
    status = 0
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
        status = done.returncode
    return best, status


def measure_process(
    n: int, repeat: int = 3, seed: int = 0, log: Callable[[str], None] | None = None
) -> dict[str, Any]:
    """Whole processes on a plan file of ``n`` nodes: ``pohon check FILE`` (start-up, load,
    check and the text report included) against the floor process."""
    say = log or (lambda _message: None)
    say(f"  proses utuh pohon check {n:,} node, {repeat}x ...")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"rencana-{n}.json"
        path.write_text(plan_json(make_plan(n, seed)), encoding="utf-8")
        floor_s, _ = best_process([sys.executable, "-c", FLOOR_PROCESS, str(path)], repeat)
        check_s, status = best_process([sys.executable, "-m", "pohon", "check", str(path)], repeat)
    return {
        "nodes": n,
        "repeat": repeat,
        "floor_process": floor_s,
        "pohon_check": check_s,
        "exit_status": status,
        "ratio": check_s / floor_s,
    }


def measure_shape(
    shape: str, n: int, repeat: int = 2, log: Callable[[str], None] | None = None
) -> dict[str, Any]:
    """Load+check of a chain (or a cycle) of ``n`` nodes and of one a quarter as long: the
    best times, their growth, and the tracemalloc peak per node at ``n``."""
    say = log or (lambda _message: None)
    cycle = shape == "cycle"
    say(f"  {shape} {n:,} node ...")
    times = {}
    for size in (max(2, n // 4), n):
        text = plan_json(make_chain(size, cycle=cycle))
        times[size] = best_of(lambda text=text: load_check(text), repeat)  # type: ignore[misc]
    gc.collect()
    tracemalloc.start()
    try:
        report = load_check(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    small = max(2, n // 4)
    return {
        "shape": shape,
        "nodes": n,
        "seconds": times[n],
        "seconds_quarter": times[small],
        "growth": times[n] / times[small],
        "peak_bytes": peak,
        "peak_bytes_per_node": peak / n,
        "findings": len(report),
    }


def measure(
    sizes: Sequence[int] = SIZES,
    repeat: int | None = None,
    seed: int = 0,
    memory: bool = True,
    log: Callable[[str], None] | None = None,
    process: int = PROCESS_SIZE,
    chain: int = CHAIN_SIZE,
    cycle: int = CYCLE_SIZE,
    layout: bool = True,
    workbook: int = 0,
) -> dict[str, Any]:
    """Measure every size, the whole process, the chain and cycle shapes and the Excel
    template (a size of 0 skips the step); return the figures, ratios, growth and target
    verdicts."""
    sizes = sorted(sizes)
    say = log or (lambda _message: None)
    results: dict[str, Any] = {
        "python": platform.python_version(),
        "pohon": pohon.__version__,
        "pydantic": pydantic.VERSION,
        "networkx": nx.__version__,
        "cpus": os.cpu_count(),
        "sizes": {},
    }
    memory_figures = None
    if memory:
        # Before the timings, so the peak resident size is not already raised by them.
        say(f"  memori load+check {sizes[-1]:,} node ...")
        memory_figures = measure_memory(sizes[-1], seed)
    for n in sizes:
        k = repeat or REPEATS.get(n, 5 if n < 20_000 else 3)
        figures = measure_size(n, k, seed, say)
        t = figures["seconds"]
        figures["ratios"] = {
            "load_json": t["load_json"] / t["floor"],
            "check": t["check"] / t["floor"],
            "load_json+check": (t["load_json"] + t["check"]) / t["floor"],
            "load_check": t["load_check"] / t["floor"],
            "load_yaml": t["load_yaml"] / t["floor"],
            "analyses/check": (t["alignment"] + t["crosscutting"]) / t["check"],
            "capaian/check": t["capaian"] / t["check"],
            "capaian_core/check": t["capaian_core"] / t["check"],
            "diff": t["diff"] / t["floor"],
        }
        results["sizes"][str(n)] = figures
    results["memory"] = memory_figures
    results["process"] = measure_process(process, seed=seed, log=say) if process else None
    results["layout"] = measure_layout(seed, say) if layout else None
    results["workbook"] = measure_workbook(workbook, seed, say) if workbook else None
    results["shapes"] = [
        measure_shape(shape, n, log=say) for shape, n in (("chain", chain), ("cycle", cycle)) if n
    ]
    small, large = str(sizes[0]), str(sizes[-1])
    if len(sizes) > 1:
        ts, tl = results["sizes"][small]["seconds"], results["sizes"][large]["seconds"]
        results["growth"] = {
            "from": sizes[0],
            "to": sizes[-1],
            "nodes": sizes[-1] / sizes[0],
            **{step: tl[step] / ts[step] for step in STEPS},
            "analyses": (tl["alignment"] + tl["crosscutting"])
            / (ts["alignment"] + ts["crosscutting"]),
        }
    else:
        results["growth"] = None
    results["targets"] = _targets(results, large)
    return results


def _targets(results: dict[str, Any], large: str) -> list[dict[str, Any]]:
    ratio = results["sizes"][large]["ratios"]["load_check"]
    targets = [
        {
            "name": f"load+check JSON {int(large):,} node <= {TARGET_RATIO:g}x floor",
            "value": ratio,
            "limit": TARGET_RATIO,
            "pass": ratio <= TARGET_RATIO,
        }
    ]
    analyses = results["sizes"][large]["ratios"]["analyses/check"]
    targets.append(
        {
            "name": f"alignment+crosscutting {int(large):,} node <= {TARGET_ANALYSES:g}x check",
            "value": analyses,
            "limit": TARGET_ANALYSES,
            "pass": analyses <= TARGET_ANALYSES,
        }
    )
    measured = results["sizes"][large]["ratios"]["capaian/check"]
    targets.append(
        {
            "name": f"capaian {int(large):,} node <= {TARGET_CAPAIAN:g}x check",
            "value": measured,
            "limit": TARGET_CAPAIAN,
            "pass": measured <= TARGET_CAPAIAN,
        }
    )
    growth = results["growth"]
    if growth is not None:
        # 11x for ten times the plan: a growth at most 1.1 times the plan's.
        limit = TARGET_GROWTH * growth["nodes"] / 10
        for step in (
            "load_check",
            "load_json",
            "check",
            "analyses",
            "dot",
            "capaian",
            "capaian_core",
            "diff",
        ):
            targets.append(
                {
                    "name": f"growth {growth['from']:,} -> {growth['to']:,} of {_label(step)} "
                    f"<= {limit:g}x",
                    "value": growth[step],
                    "limit": limit,
                    "pass": growth[step] <= limit,
                }
            )
    process = results.get("process")
    if process is not None:
        targets.append(
            {
                "name": f"proses pohon check JSON {process['nodes']:,} node <= "
                f"{TARGET_PROCESS:g}x proses floor",
                "value": process["ratio"],
                "limit": TARGET_PROCESS,
                "pass": process["ratio"] <= TARGET_PROCESS,
            }
        )
    layout = results.get("layout") or {}
    for key, what in (("example", "contoh utuh"), ("subtree", "subpohon")):
        if key in layout:
            figure = layout[key]
            targets.append(
                {
                    "name": f"tata letak SVG {what} ({figure['boxes']} kotak, "
                    f"{layout['engine']}) <= {LAYOUT_SECONDS:g} s",
                    "value": figure["seconds"],
                    "limit": LAYOUT_SECONDS,
                    "pass": figure["seconds"] <= LAYOUT_SECONDS,
                    "unit": "s",
                }
            )
    book = results.get("workbook")
    if book:
        for step, limit, what in (
            ("read", TARGET_READ, "baca"),
            ("write", TARGET_WRITE, "tulis"),
        ):
            targets.append(
                {
                    "name": f"{what} templat Excel {book['nodes']:,} node <= {limit:g}x "
                    f"openpyxl sendiri",
                    "value": book[f"{step}_ratio"],
                    "limit": limit,
                    "pass": book[f"{step}_ratio"] <= limit,
                }
            )
    for shape in results.get("shapes") or ():
        targets.append(
            {
                "name": f"{shape['shape']} {shape['nodes'] // 4:,} -> {shape['nodes']:,} node: "
                f"load+check tumbuh <= {TARGET_SHAPE_GROWTH:g}x",
                "value": shape["growth"],
                "limit": TARGET_SHAPE_GROWTH,
                "pass": shape["growth"] <= TARGET_SHAPE_GROWTH,
            }
        )
    return targets


def _label(step: str) -> str:
    return {"load_check": "load+check", "analyses": "alignment+crosscutting"}.get(step, step)


def format_results(results: dict[str, Any]) -> str:
    """The figures as the plain-text tables the script prints."""
    out: list[str] = []
    out.append(
        f"pohon {results['pohon']} | Python {results['python']} | pydantic "
        f"{results['pydantic']} | networkx {results['networkx']} | {results['cpus']} CPU"
    )
    out.append("")
    out.append("Waktu (ms, terbaik dari k ulangan)")
    head = ["size", "k", "JSON MB", "YAML MB", *(_label(s) for s in STEPS), "temuan"]
    rows = []
    for key, f in results["sizes"].items():
        t = f["seconds"]
        rows.append(
            [
                f"{int(key):,}",
                str(f["repeat"]),
                f"{f['json_bytes'] / 1e6:.1f}",
                f"{f['yaml_bytes'] / 1e6:.1f}",
                *(f"{t[s] * 1000:,.0f}" for s in STEPS),
                str(sum(f["findings"].values())),
            ]
        )
    out.extend(_table(head, rows))
    out.append("")
    out.append("Rasio terhadap floor")
    head = ["size", "load_json", "check", "load_json+check", "load+check", "load_yaml"]
    rows = []
    for key, f in results["sizes"].items():
        r = f["ratios"]
        rows.append(
            [
                f"{int(key):,}",
                *(
                    f"{r[s]:.2f}x"
                    for s in ("load_json", "check", "load_json+check", "load_check", "load_yaml")
                ),
            ]
        )
    out.extend(_table(head, rows))
    out.append("")
    out.append("Analisis (ms, terbaik dari k ulangan, rencana baru dimuat tiap ulangan)")
    head = [
        "size",
        "check",
        "alignment",
        "crosscutting",
        "alignment+crosscutting",
        "/ check",
        "capaian",
        "/ check",
        "tanpa anggaran",
        "/ check",
    ]
    rows = []
    for key, f in results["sizes"].items():
        t = f["seconds"]
        rows.append(
            [
                f"{int(key):,}",
                *(f"{t[s] * 1000:,.0f}" for s in ("check", *ANALYSES)),
                f"{(t['alignment'] + t['crosscutting']) * 1000:,.0f}",
                f"{f['ratios']['analyses/check']:.2f}x",
                f"{t['capaian'] * 1000:,.0f}",
                f"{f['ratios']['capaian/check']:.2f}x",
                f"{t['capaian_core'] * 1000:,.0f}",
                f"{f['ratios']['capaian_core/check']:.2f}x",
            ]
        )
    out.extend(_table(head, rows))
    growth = results["growth"]
    if growth is not None:
        out.append("")
        out.append(
            f"Pertumbuhan {growth['from']:,} -> {growth['to']:,} node "
            f"(rencana {growth['nodes']:.3g}x lebih besar; waktu besar / waktu kecil)"
        )
        shown = (*STEPS, "analyses")
        out.extend(_table([_label(s) for s in shown], [[f"{growth[s]:.2f}x" for s in shown]]))
    mem = results["memory"]
    if mem is not None:
        out.append("")
        out.append(
            f"Memori load+check JSON {mem['nodes']:,} node: puncak tracemalloc "
            f"{mem['peak_bytes'] / 2**20:,.0f} MiB = {mem['peak_bytes_per_node'] / 1024:.1f} KiB "
            f"per node (teks JSON {mem['text_bytes'] / 2**20:,.0f} MiB, tidak dihitung); "
            f"kenaikan puncak RSS {mem['maxrss_growth_bytes'] / 2**20:,.0f} MiB"
        )
        if mem["rss_held_bytes"] is not None:
            out.append(
                f"RSS yang ditahan rencana + laporan: {mem['rss_held_bytes'] / 2**20:,.0f} MiB "
                f"= {mem['rss_held_bytes'] / mem['nodes'] / 1024:.1f} KiB per node"
            )
    process = results.get("process")
    if process is not None:
        out.append("")
        out.append(
            f"Proses utuh, JSON {process['nodes']:,} node (terbaik dari {process['repeat']}): "
            f"floor {process['floor_process'] * 1000:,.0f} ms, pohon check "
            f"{process['pohon_check'] * 1000:,.0f} ms (exit {process['exit_status']}) = "
            f"{process['ratio']:.2f}x"
        )
    book = results.get("workbook")
    if book:
        out.append("")
        out.append(
            f"Templat Excel {book['nodes']:,} node, {book['indicators']:,} indikator "
            f"({book['bytes'] / 2**20:,.1f} MiB; terbaik dari 2): baca "
            f"{book['read'] * 1000:,.0f} ms vs openpyxl {book['read_floor'] * 1000:,.0f} ms = "
            f"{book['read_ratio']:.2f}x; tulis {book['write'] * 1000:,.0f} ms vs openpyxl "
            f"write-only {book['write_floor'] * 1000:,.0f} ms = {book['write_ratio']:.2f}x"
        )
    shapes = results.get("shapes") or []
    if shapes:
        out.append("")
        out.append("Rantai dan lingkaran (load+check, terbaik dari 2; puncak tracemalloc di n)")
        head = ["bentuk", "n/4", "n", "ms n/4", "ms n", "tumbuh", "MiB", "B/node", "temuan"]
        rows = [
            [
                f["shape"],
                f"{f['nodes'] // 4:,}",
                f"{f['nodes']:,}",
                f"{f['seconds_quarter'] * 1000:,.0f}",
                f"{f['seconds'] * 1000:,.0f}",
                f"{f['growth']:.2f}x",
                f"{f['peak_bytes'] / 2**20:,.0f}",
                f"{f['peak_bytes_per_node']:,.0f}",
                str(f["findings"]),
            ]
            for f in shapes
        ]
        out.extend(_table(head, rows))
    out.append("")
    out.append("Target")
    for target in results["targets"]:
        verdict = "PASS" if target["pass"] else "FAIL"
        unit = target.get("unit", "x")
        out.append(f"  {verdict}  {target['name']}: {target['value']:.2f}{unit}")
    return "\n".join(out)


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(cell) for cell in column) for column in zip(head, *rows, strict=True)]
    lines = ["  " + "  ".join(h.rjust(w) for h, w in zip(head, widths, strict=True))]
    for row in rows:
        lines.append("  " + "  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--sizes",
        default=",".join(str(n) for n in SIZES),
        help="plan sizes in nodes, comma separated (default: 5000,50000)",
    )
    parser.add_argument("--repeat", type=int, default=None, help="runs per step (best is kept)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic plans")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory step")
    parser.add_argument("--no-layout", action="store_true", help="skip the SVG layout step")
    parser.add_argument(
        "--process",
        type=int,
        default=PROCESS_SIZE,
        help="plan size of the whole-process step, pohon check against the floor process "
        f"(default {PROCESS_SIZE}; 0 skips it)",
    )
    parser.add_argument(
        "--chain",
        type=int,
        default=CHAIN_SIZE,
        help=f"depth of the single-chain plan (default {CHAIN_SIZE}; 0 skips it)",
    )
    parser.add_argument(
        "--cycle",
        type=int,
        default=CYCLE_SIZE,
        help=f"length of the one-cycle plan (default {CYCLE_SIZE}; 0 skips it)",
    )
    parser.add_argument(
        "--workbook",
        type=int,
        default=WORKBOOK_SIZE,
        help=f"plan size of the Excel template step (default {WORKBOOK_SIZE}; 0 skips it)",
    )
    parser.add_argument("--json", metavar="OUT", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    sizes = [int(part.replace("_", "")) for part in args.sizes.split(",") if part.strip()]
    started = time.perf_counter()
    results = measure(
        sizes,
        repeat=args.repeat,
        seed=args.seed,
        memory=not args.no_memory,
        process=args.process,
        chain=args.chain,
        cycle=args.cycle,
        layout=not args.no_layout,
        workbook=args.workbook,
        log=lambda message: print(message, file=sys.stderr, flush=True),
    )
    results["wall_seconds"] = time.perf_counter() - started
    print(format_results(results))
    print(f"\n(selesai dalam {results['wall_seconds']:.0f} s)")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
