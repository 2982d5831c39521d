"""The real published plan of Kab. Deli Serdang (in ../shared/data/real, when present).

It must load with no load error, and what check says must read as a fair evaluator's notes:
the real gaps of the data (sasaran without indicators, indicators without satuan or
targets, programs without kegiatan or pagu, the placeholder sasaran) and nothing invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import pohon

REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "real"
PLAN = REAL / "deliserdang_rpjmd_dinkes_cascading_2024.yaml"

pytestmark = pytest.mark.skipif(not PLAN.exists(), reason="real data folder is absent")


@pytest.fixture(scope="module")
def plan() -> pohon.Plan:
    return pohon.load(PLAN)


@pytest.fixture(scope="module")
def report(plan: pohon.Plan) -> pohon.Report:
    return pohon.check(plan)


def test_loads_whole(plan: pohon.Plan) -> None:
    assert len(plan.nodes) == 31
    assert plan.node("SPD1").parent_ids == ("TPD1", "S62")
    assert plan.node("P6").kode == "1.02.02"
    assert plan.opds[0].kode == "1.02.0.00.0.00.01.0000"


def test_names_kept_exactly_as_written(plan: pohon.Plan) -> None:
    text = PLAN.read_text(encoding="utf-8")
    for node in plan.nodes:
        assert f"name: {node.name}" in text or f"name: '{node.name}'" in text, node.id


def test_structure_is_sound(report: pohon.Report) -> None:
    # The cascade of the source is consistent: no cycles, unknown parents or wrong levels.
    assert not [d for d in report if d.code in {"PK101", "PK102", "PK103", "PK104", "PK105"}]


def test_fair_notes(report: pohon.Report) -> None:
    found = {(d.code, d.node) for d in report}
    # Twelve RPJMD sasaran without an indicator: a real gap of the published data.
    assert {node for code, node in found if code == "PK201"} >= {f"S{i}" for i in range(61, 73)}
    # "Tidak termasuk sasaran RPJMD" is a placeholder, not a result.
    assert ("PK114", "S72") in found
    # Programs 1.02.01 and 1.02.03 have no kegiatan in the cascade.
    assert {("PK108", "P5"), ("PK108", "P7")} <= found
    # The tujuan indicators have no satuan in the source.
    assert ("PK202", "T26") in found
    # No pagu in the source at all: every program and kegiatan says so, once.
    assert sorted(node for code, node in found if code == "PK501") == ["K23", "P5", "P6", "P7"]
    # Kode are well formed and prefixed by their parents.
    assert not [d for d in report if d.code in {"PK504", "PK505", "PK506"}]


def test_every_note_points_at_a_line_of_its_node(plan: pohon.Plan, report: pohon.Report) -> None:
    lines = PLAN.read_text(encoding="utf-8").splitlines()
    for d in report:
        assert d.location.file == str(PLAN)
        if d.node is None:
            continue
        assert d.location.line is not None
        start = plan.source.node_line(plan.node_index()[d.node])
        assert start <= d.location.line
        assert lines[start - 1] == f"- id: {d.node}"


def test_english_notes(plan: pohon.Plan) -> None:
    report = pohon.check(plan, lang="en", select=["PK201"])
    # The database id S61 stays in the data; the message names the sasaran by its words.
    first = report.diagnostics[0]
    assert first.node == "S61"
    assert first.message.startswith('Objective "Meningkatnya taraf pendidikan masyarakat"')


BEFORE = {
    "PK108": 2,
    "PK114": 1,
    "PK201": 13,
    "PK202": 6,
    "PK203": 14,
    "PK401": 10,
    "PK501": 4,
}
"""The counts of each code on this plan before findings were made one per fault."""


def test_counts_of_each_code_before_and_after(report: pohon.Report) -> None:
    after = dict(BEFORE)
    # PK218: the Program indicators copied unchanged from their Sasaran PD (P5.1 and P5.2
    # from SPD2, P6.1 and P7.1 from SPD1): three programs measure their parent's result.
    after["PK218"] = 3
    # PK219: tujuan T26-T30 and Tujuan PD TPD1, TPD2 start with "Mewujudkan", sasaran S71
    # with "Meningkatkan": actions where a condition is expected.
    after["PK219"] = 8
    # PK203: SPD2 and P5 each have two indicators (Nilai AKIP, IKM) without 2019-2023
    # targets: one finding per node naming both ("; juga indikator ..."), 14 -> 12.
    after["PK203"] = 12
    # Unchanged otherwise: no pagu and no yearly series in the source, so merging years
    # (PK502, PK503) and the fairness of PK203/PK205 change nothing else here.
    assert report.summary["by_code"] == dict(sorted(after.items()))
    assert len(report) == sum(after.values())
    assert {d.node for d in report if d.code == "PK219"} == {
        "T26",
        "T27",
        "T28",
        "T29",
        "T30",
        "TPD1",
        "TPD2",
        "S71",
    }
