"""Load + check of a chosen set of rule families against the floor, at 5k and 50k nodes.

    .venv/bin/python benchmarks/families.py                      # PK1, PK2, PK5
    .venv/bin/python benchmarks/families.py --select PK1,PK2,PK3,PK4,PK5

The floor is the one of run.py: ``json.loads`` plus a bare networkx DiGraph of the nodes and
parent links. It measures and prints; it never fails.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pohon
from benchmarks import synth


def best(step: Callable[[], object], repeat: int) -> float:
    fastest = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        step()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest


def floor_of(text: str) -> Callable[[], object]:
    def floor() -> object:
        data = json.loads(text)
        graph: nx.DiGraph[str] = nx.DiGraph()
        graph.add_nodes_from(node["id"] for node in data["nodes"])
        graph.add_edges_from(
            (p if isinstance(p, str) else p["id"], node["id"])
            for node in data["nodes"]
            for p in node.get("parents", [])
        )
        return graph

    return floor


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--select", default="PK1,PK2,PK5")
    parser.add_argument("--sizes", default="5000,50000")
    args = parser.parse_args(argv)
    select = args.select.split(",")
    times: dict[int, tuple[float, float]] = {}
    for n in (int(s) for s in args.sizes.split(",")):
        repeat = 5 if n <= 10_000 else 3
        text = synth.plan_json(synth.make_plan(n))
        floor = best(floor_of(text), repeat)

        def load_and_check(t: str = text) -> object:
            return pohon.check(pohon.loads(t, format="json"), select=select)

        both = best(load_and_check, repeat)
        times[n] = (floor, both)
        print(
            f"{n:>7,} node  floor {floor * 1000:7.0f} ms  load+check({args.select}) "
            f"{both * 1000:7.0f} ms  ratio {both / floor:.2f}x"
        )
    sizes = sorted(times)
    if len(sizes) > 1:
        small, large = times[sizes[0]], times[sizes[-1]]
        print(f"growth {sizes[0]:,} -> {sizes[-1]:,}: load+check {large[1] / small[1]:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
