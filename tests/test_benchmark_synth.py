"""The synthetic plan generator and the benchmark script, on small plans (no timings)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

import pohon

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import run, synth  # noqa: E402

N = 300


@pytest.fixture(scope="module")
def plan_data() -> dict[str, Any]:
    return synth.make_plan(N, seed=3)


def test_same_seed_same_plan() -> None:
    assert synth.make_plan(N, seed=7) == synth.make_plan(N, seed=7)
    assert synth.plan_json(synth.make_plan(N, seed=7)) == synth.plan_json(
        synth.make_plan(N, seed=7)
    )
    assert synth.make_plan(N, seed=7) != synth.make_plan(N, seed=8)


@pytest.mark.parametrize("n", [synth.MIN_NODES, 137, N, 1_234])
def test_exact_node_count(n: int) -> None:
    data = synth.make_plan(n)
    assert len(data["nodes"]) == n
    ids = [node["id"] for node in data["nodes"]]
    assert len(set(ids)) == n


def test_too_small() -> None:
    with pytest.raises(ValueError, match="at least"):
        synth.make_plan(synth.MIN_NODES - 1)


def test_realistic_shape(plan_data: dict[str, Any]) -> None:
    nodes = plan_data["nodes"]
    levels = Counter(node["level"] for node in nodes)
    assert levels["visi"] == 1
    assert 5 <= levels["misi"] <= 8
    assert 0.5 <= levels["sub_kegiatan"] / N <= 0.7
    programs = [node for node in nodes if node["level"] == "program"]
    assert any(node["kode"].endswith(".01") for node in programs)
    for node in nodes:
        if node["level"] in ("program", "kegiatan", "sub_kegiatan"):
            assert node["pagu"]
        if node["level"] not in ("visi", "misi"):
            assert 1 <= len(node["indicators"]) <= 3
    aligned = {item for node in nodes for item in node.get("aligns", ())}
    assert {f"panca-cita-mojokerto-2025:{i}" for i in range(1, 6)} <= aligned
    assert {f"asta-cita-2025:{i}" for i in range(1, 9)} <= aligned


def test_year_keys(plan_data: dict[str, Any]) -> None:
    text = synth.plan_json(plan_data)
    assert '"2025":' in text
    loaded = yaml.safe_load(synth.plan_yaml(plan_data))
    tujuan = next(node for node in loaded["nodes"] if node["level"] == "tujuan")
    targets = tujuan["indicators"][0]["targets"]
    assert sorted(targets) == [2025, 2026, 2027, 2028, 2029]


def test_loads_in_both_formats(plan_data: dict[str, Any]) -> None:
    from_json = pohon.loads(synth.plan_json(plan_data), format="json")
    from_yaml = pohon.loads(synth.plan_yaml(plan_data), format="yaml")
    assert len(from_json.nodes) == N
    assert from_json == from_yaml
    written = pohon.loads(pohon.dumps(from_json, format="yaml"), format="yaml")
    assert written == from_json


def test_pagu_adds_up(plan_data: dict[str, Any]) -> None:
    nodes = plan_data["nodes"]
    by_id = {node["id"]: node for node in nodes}
    sums: dict[str, Counter[int]] = {}
    for node in nodes:
        if node["level"] in ("kegiatan", "sub_kegiatan"):
            total = sums.setdefault(node["parents"][0], Counter())
            total.update(node["pagu"])
    for parent_id, total in sums.items():
        pagu = by_id[parent_id]["pagu"]
        # A faulty sub kegiatan may lack a year: its parent keeps the full sum.
        assert all(pagu[year] >= amount for year, amount in total.items())


def test_faults_are_found(plan_data: dict[str, Any]) -> None:
    report = pohon.check(pohon.loads(synth.plan_json(plan_data), format="json"))
    assert len(report) >= 3
    assert all(d.location.line is not None for d in report if d.node is not None)


def test_write_plan(tmp_path: Path, plan_data: dict[str, Any]) -> None:
    json_path, yaml_path = synth.write_plan(plan_data, tmp_path, "plan")
    assert pohon.load(json_path) == pohon.load(yaml_path)


def test_measure_runs_on_a_tiny_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    results = run.measure(sizes=(N,), repeat=1, process=N, chain=80, cycle=120, workbook=N)
    figures = results["sizes"][str(N)]
    assert set(figures["seconds"]) == set(run.STEPS)
    assert all(value > 0 for value in figures["seconds"].values())
    assert results["memory"]["peak_bytes"] > 0
    assert results["growth"] is None
    # load+check, analyses, capaian, the process, workbook read and write, chain, cycle; and
    # the two layouts with an engine.
    layouts = 2 if results["layout"]["engine"] else 0
    assert len(results["targets"]) == 8 + layouts
    assert any(t["name"].startswith("capaian ") for t in results["targets"])
    book = results["workbook"]
    assert book["nodes"] == N
    assert book["read_ratio"] == pytest.approx(book["read"] / book["read_floor"])
    assert "check" in results["targets"][1]["name"]
    assert results["process"]["nodes"] == N
    assert results["process"]["exit_status"] in (0, 1)
    assert [s["shape"] for s in results["shapes"]] == ["chain", "cycle"]
    assert all(s["peak_bytes_per_node"] > 0 for s in results["shapes"])
    seconds = figures["seconds"]
    assert figures["ratios"]["analyses/check"] == pytest.approx(
        (seconds["alignment"] + seconds["crosscutting"]) / seconds["check"]
    )
    text = run.format_results(results)
    assert "floor" in text
    assert "alignment+crosscutting" in text
    assert "pohon check" in text
    assert "lingkaran" in text or "cycle" in text
    assert "Templat Excel" in text
    out = tmp_path / "bench.json"
    args = ["--sizes", f"{N},{N + 100}", "--repeat", "1", "--no-memory", "--no-layout"]
    args += ["--json", str(out)]
    args += ["--process", "0", "--chain", "0", "--cycle", "0", "--workbook", "0"]
    assert run.main(args) == 0
    printed = capsys.readouterr().out
    assert "PASS" in printed or "FAIL" in printed
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["growth"]["to"] == N + 100
    assert written["growth"]["analyses"] > 0
    names = [target["name"] for target in written["targets"]]
    assert any(name.startswith("growth") and "alignment+crosscutting" in name for name in names)


def test_synth_plan_feeds_the_analyses(plan_data: dict[str, Any]) -> None:
    plan = pohon.loads(synth.plan_json(plan_data), format="json")
    aligned = pohon.alignment(plan)
    assert aligned.required == tuple(plan.frameworks)
    assert aligned.bad_references == ()
    assert aligned.unaligned == ()
    assert all(s.nodes for s in aligned.items if s.required)
    crossed = pohon.crosscutting(plan)
    assert crossed.sasaran_level == "sasaran"
    assert len(crossed.sasaran) >= 5
    assert crossed.cells
    # With few OPD goals to go round, a small plan may leave a sasaran without one.
    assert len(crossed.orphan_sasaran) < len(crossed.sasaran) // 2
    assert any(node.crosscutting for node in plan.nodes)
    assert crossed.keroyokan


def test_analyses_are_timed_on_a_fresh_plan(plan_data: dict[str, Any]) -> None:
    text = synth.plan_json(plan_data)
    plan = run.fresh_plan(text)
    assert not hasattr(plan, "_cache"), "a plan holds no analysis of its own"
    seen: list[int] = []

    def action(plan: pohon.Plan) -> None:
        seen.append(id(plan))
        pohon.crosscutting(plan)

    assert run.best_on_fresh(text, action, 2) > 0
    assert len(seen) == 2


def test_families_script_runs_small() -> None:
    from benchmarks import families

    assert families.main(["--sizes", "200,400", "--select", "PK1"]) == 0


def test_a_plan_of_100000_nodes_has_no_colliding_id_or_kode() -> None:
    data = synth.make_plan(100_000)
    nodes = data["nodes"]
    assert len({node["id"] for node in nodes}) == len(nodes) == 100_000
    kode = Counter(
        (node["level"], node["kode"])
        for node in nodes
        if node.get("kode") and node["kode"].split(".")[2] != "01"
    )
    assert max(kode.values()) == 1
    # Programs of different OPDs never share a kode, the support program U.BB.01 aside.
    program_opd: dict[str, str] = {}
    for node in nodes:
        if node["level"] == "program" and not node["kode"].endswith(".01"):
            assert program_opd.setdefault(node["kode"], node["opd"]) == node["opd"]
    units = [opd["kode"] for opd in data["opds"]]
    assert len(set(units)) == len(units)


@pytest.mark.parametrize("cycle", [False, True])
def test_chain_shape(cycle: bool) -> None:
    data = synth.make_chain(100, cycle=cycle)
    nodes = data["nodes"]
    assert len(nodes) == 100
    assert all(node["parents"] == [f"C{k - 1}"] for k, node in enumerate(nodes) if k)
    assert ("parents" in nodes[0]) is cycle
