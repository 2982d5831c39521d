"""The model, level schemes as data, frameworks shipped as data, and the cascade graph."""

from __future__ import annotations

import networkx as nx
import pytest

import pohon
from pohon.model import KOTA, TEMATIK, LevelScheme, LevelSpec

TEMATIK_PLAN = """\
pohon: 1
plan:
  id: kab-contoh-tematik
  name: Pohon kinerja tematik stunting
  period: {start: 2025, end: 2029}
  scheme: tematik
opds:
  - {id: dinkes, name: Dinas Kesehatan}
nodes:
  - {id: T1, level: tematik, name: Menurunnya prevalensi stunting}
  - {id: ST1, level: sub_tematik, name: Meningkatnya gizi ibu hamil, parents: [T1]}
  - {id: S1, level: strategic, name: Meningkatnya layanan gizi, parents: [ST1], opd: dinkes}
  - {id: C1, level: tactical, name: Meningkatnya cakupan PMT, parents: [S1], opd: dinkes}
  - {id: O1, level: operational, name: Tersedianya PMT ibu hamil, parents: [C1], opd: dinkes}
  - {id: O2, level: operational, name: Tersedianya PMT balita, parents: [T1], opd: dinkes}
"""


def test_second_scheme_is_data() -> None:
    plan = pohon.loads(TEMATIK_PLAN)
    assert plan.scheme is TEMATIK
    report = pohon.check(plan, select=["PK104"])
    # An operational node directly under the theme skips two levels.
    assert [(d.code, d.node) for d in report] == [("PK104", "O2")]
    assert "Tactical" in report.diagnostics[0].message


def test_kota_level_in_tematik_plan_is_a_load_error() -> None:
    with pytest.raises(pohon.LoadError) as info:
        pohon.loads(TEMATIK_PLAN.replace("level: tactical", "level: program"))
    assert "program" in str(info.value)
    assert "tactical" in str(info.value)


def test_user_scheme_inline() -> None:
    scheme = LevelScheme(
        id="dua-level",
        name="Dua level",
        levels=(
            LevelSpec(id="hasil", name="Hasil", owner="pemda", indicator="outcome"),
            LevelSpec(id="keluaran", name="Keluaran", owner="opd", parents=("hasil",)),
        ),
    )
    plan = pohon.Plan.model_validate(
        {
            "plan": {
                "id": "x",
                "name": "x",
                "period": {"start": 2025, "end": 2026},
                "scheme": scheme.model_dump(),
            },
            "opds": [{"id": "a", "name": "A"}],
            "nodes": [
                {"id": "H", "level": "hasil", "name": "Meningkatnya hasil"},
                {
                    "id": "K",
                    "level": "keluaran",
                    "name": "Tersedianya keluaran",
                    "parents": ["H"],
                    "opd": "a",
                },
            ],
        }
    )
    assert plan.scheme.id == "dua-level"
    assert pohon.loads(pohon.dumps(plan)) == plan
    assert not pohon.check(plan, select=["PK1"]).diagnostics


def test_scheme_refuses_unknown_parent_level() -> None:
    with pytest.raises(ValueError, match="not an earlier level"):
        LevelScheme(
            id="salah",
            name="x",
            levels=(LevelSpec(id="a", name="A", owner="pemda", parents=("b",)),),
        )


def test_default_scheme_matches_design() -> None:
    assert KOTA.level_ids == (
        "visi",
        "misi",
        "tujuan",
        "sasaran",
        "tujuan_opd",
        "sasaran_opd",
        "program",
        "kegiatan",
        "sub_kegiatan",
    )
    assert KOTA.level("tujuan_opd").parents == ("sasaran", "tujuan")
    assert KOTA.level("kegiatan").indicator == "output"
    assert KOTA.level("sasaran").owner == "pemda"


def test_frameworks_shipped_with_confidence() -> None:
    shipped = pohon.builtin_frameworks()
    assert {"panca-cita-mojokerto-2025", "asta-cita-2025", "nawa-bhakti-satya-2025", "sdgs"} <= set(
        shipped
    )
    assert len(shipped["panca-cita-mojokerto-2025"].items) == 5
    assert len(shipped["asta-cita-2025"].items) == 8
    assert len(shipped["nawa-bhakti-satya-2025"].items) == 9
    assert len(shipped["sdgs"].items) == 17
    nawa = shipped["nawa-bhakti-satya-2025"]
    # The misi order of items 7-9 is not confirmed: the data says so.
    assert {nawa.item(i).confidence for i in ("7", "8", "9")} != {"confirmed"}
    for framework in shipped.values():
        assert framework.framework.source
        assert framework.framework.version or framework.framework.period


def test_unknown_framework_is_an_exception() -> None:
    with pytest.raises(pohon.UnknownFrameworkError) as info:
        pohon.get_framework("panca-cita-atlantis")
    assert "asta-cita-2025" in str(info.value)


def test_user_framework_from_yaml(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "misi.yaml"
    path.write_text(
        "pohon-framework: 1\nframework:\n  id: misi-kab-x\n  name: Misi Kab X\n  level: kota\n"
        "items:\n  - {id: '1', name: Sehat}\n  - {id: '2', name: Cerdas}\n",
        encoding="utf-8",
    )
    framework = pohon.load_framework(path)
    assert framework.item("2").name == "Cerdas"
    path.write_text(path.read_text().replace("level: kota", "level: galaksi"), encoding="utf-8")
    with pytest.raises(pohon.LoadError) as info:
        pohon.load_framework(path)
    assert ":5" in str(info.value)  # the line of `level:`


GRAPH_PLAN = """\
pohon: 1
plan: {id: g, name: g, period: {start: 2025, end: 2029}}
opds: [{id: dinkes, name: Dinas Kesehatan}]
nodes:
  - {id: V, level: visi, name: Visi}
  - {id: M, level: misi, name: Misi, parents: [V]}
  - {id: T, level: tujuan, name: Tujuan, parents: [M], aligns: ["asta-cita-2025:4"]}
  - {id: S1, level: sasaran, name: Sasaran 1, parents: [T]}
  - {id: S2, level: sasaran, name: Sasaran 2, parents: [T]}
  - id: SO
    level: sasaran_opd
    name: Sasaran OPD
    opd: dinkes
    parents: [{id: S1, weight: 0.6}, {id: S2, weight: 0.4}]
  - {id: P, level: program, name: Program, opd: dinkes, parents: [SO]}
"""


def test_graph_queries() -> None:
    plan = pohon.loads(GRAPH_PLAN)
    g = pohon.PlanGraph.of(plan)
    assert g is not pohon.PlanGraph.of(plan)  # the caller keeps it; the plan holds nothing
    assert not hasattr(plan, "_cache")
    assert g.roots() == ["V"]
    assert g.children("T") == ["S1", "S2"]
    assert g.parents("SO") == ["S1", "S2"]
    assert g.ancestors("P") == ["SO", "S1", "S2", "T", "M", "V"]
    assert g.descendants("T") == ["S1", "S2", "SO", "P"]
    assert g.path_to_root("P") == ["P", "SO", "S1", "T", "M", "V"]
    assert sorted(map(tuple, g.paths_to_root("P"))) == [
        ("P", "SO", "S1", "T", "M", "V"),
        ("P", "SO", "S2", "T", "M", "V"),
    ]


def test_networkx_typed_edges() -> None:
    plan = pohon.loads(GRAPH_PLAN)
    graph = pohon.to_networkx(plan)
    assert isinstance(graph, nx.MultiDiGraph)
    kinds = sorted({k for _, _, k in graph.edges(data="kind")})
    assert kinds == ["alignment", "cascade", "ownership"]
    assert graph.edges["S1", "SO", "cascade"]["weight"] == 0.6
    assert graph.has_edge("T", "asta-cita-2025:4")
    assert graph.has_edge("opd:dinkes", "P")
    assert graph.nodes["opd:dinkes"]["kind"] == "opd"
    # Deterministic: the same plan gives the same node and edge order.
    again = pohon.to_networkx(pohon.loads(GRAPH_PLAN))
    assert list(again.edges(keys=True)) == list(graph.edges(keys=True))


def test_cycle_found_once() -> None:
    text = GRAPH_PLAN.replace(
        "parents: [SO]}",
        "parents: [SO]}\n  - {id: K, level: kegiatan, name: K, opd: dinkes, parents: [P]}",
    ).replace(
        "parents: [{id: S1, weight: 0.6}, {id: S2, weight: 0.4}]",
        "parents: [{id: S1, weight: 0.6}, {id: S2, weight: 0.4}, {id: K, weight: 0.1}]",
    )
    plan = pohon.loads(text)
    cycles = pohon.check(plan, select=["PK103"])
    assert len(cycles) == 1
    assert cycles.diagnostics[0].node == "K"
    assert "K → P → SO → K" in cycles.diagnostics[0].message


def test_equality_ignores_source() -> None:
    a = pohon.loads(GRAPH_PLAN, file="a.yaml")
    b = pohon.loads(pohon.dumps(a, format="json"), file="b.json")
    assert a == b
    assert a.source.file == "a.yaml"
    assert b.source.format == "json"
