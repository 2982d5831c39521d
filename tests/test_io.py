"""Reading and writing plans: the real Deli Serdang file, lossless round trips, source lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import pytest
import yaml

import pohon
from pohon import Plan

Fmt = Literal["yaml", "json"]

REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "real"
REAL_PLAN = REAL / "deliserdang_rpjmd_dinkes_cascading_2024.yaml"


def line_of(text: str, needle: str, start: int = 1) -> int:
    """1-based number of the first line at or after ``start`` that contains ``needle``."""
    for number, line in enumerate(text.split("\n"), start=1):
        if number >= start and needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text after line {start}")


def round_trip(plan: Plan, fmt: Fmt) -> Plan:
    return pohon.loads(pohon.dumps(plan, format=fmt), format=fmt)


def plain(value: Any) -> Any:
    """Data with year keys as text and tuples as lists: what JSON can hold."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


# -- the real plan --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_text() -> str:
    if not REAL_PLAN.is_file():
        pytest.skip("shared/data/real is absent")
    return REAL_PLAN.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def real(real_text: str) -> Plan:
    return pohon.load(REAL_PLAN)


def test_real_plan_loads(real: Plan) -> None:
    assert real.info.pemda == "Kabupaten Deli Serdang"
    assert (real.period.start, real.period.end) == (2019, 2024)
    levels = {node.level for node in real.nodes}
    assert {"visi", "misi", "tujuan", "sasaran", "program", "kegiatan"} <= levels
    assert [opd.id for opd in real.opds] == ["dinkes"]
    assert real.source is not None
    assert real.source.file == str(REAL_PLAN)


def test_real_plan_checks_without_raising(real: Plan) -> None:
    report = pohon.check(real)
    assert report.nodes == len(real.nodes)
    for diagnostic in report:
        assert diagnostic.location.file == str(REAL_PLAN)


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_real_plan_round_trip(real: Plan, fmt: Fmt) -> None:
    again = round_trip(real, fmt)
    assert again == real
    assert pohon.dumps(again, format=fmt) == pohon.dumps(real, format=fmt)


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_real_plan_dump_is_deterministic(real: Plan, tmp_path: Path, suffix: str) -> None:
    first = tmp_path / f"satu{suffix}"
    second = tmp_path / f"dua{suffix}"
    third = tmp_path / f"tiga{suffix}"
    pohon.dump(real, first)
    pohon.dump(real, second)
    assert first.read_bytes() == second.read_bytes()
    pohon.dump(pohon.load(first), third)
    assert third.read_bytes() == first.read_bytes()
    assert pohon.load(third) == real


def test_real_plan_node_lines(real: Plan, real_text: str) -> None:
    index = real.node_index()
    lines = real_text.split("\n")
    for node_id in [
        "V6",
        "M26",
        "T26",
        "S62",
        "TPD1",
        "SPD1",
        "P5",
        "P6",
        "K23",
        real.nodes[-1].id,
    ]:
        # The id must match exactly, not as a prefix (P5 vs P5.1).
        expected = next(
            n for n, text in enumerate(lines, start=1) if text.strip() == f"- id: {node_id}"
        )
        assert real.source.node_line(index[node_id]) == expected, node_id


def test_real_plan_indicator_lines(real: Plan, real_text: str) -> None:
    index = real.node_index()
    for node_id, indicator_id in [("SPD2", "SPD2.2"), ("P5", "P5.2"), ("K23", "K23.1")]:
        start = line_of(real_text, f"- id: {indicator_id}")
        i = index[node_id]
        assert real.source.line_of(i, indicator_id=indicator_id, field="targets") == line_of(
            real_text, "targets:", start
        )
        if real.nodes[i].kode is not None:
            assert real.source.line_of(i, field="kode") == line_of(
                real_text, "kode:", real.source.node_line(i)
            )


def test_real_plan_lines_in_dumped_json(real: Plan) -> None:
    text = pohon.dumps(real, format="json")
    again = pohon.loads(text, format="json")
    index = again.node_index()
    i = index["SPD2"]
    start = line_of(text, '"id": "SPD2.2"')
    assert again.source.line_of(i, indicator_id="SPD2.2", field="targets") == line_of(
        text, '"targets"', start
    )


def test_real_plan_dumped_yaml_is_plain_yaml(real: Plan) -> None:
    """Any YAML reader sees the same data as a JSON reader: nothing depends on pohon's reader."""
    from_yaml = yaml.safe_load(pohon.dumps(real))
    from_json = json.loads(pohon.dumps(real, format="json"))
    assert plain(from_yaml) == from_json


# -- kept exactly as written ----------------------------------------------------------------

AS_WRITTEN = """\
pohon: 1
plan:
  id: seperti-ditulis
  name: Rencana seperti ditulis
  period: {start: 2025, end: 2029}
opds:
  - {id: dinkes, name: Dinas Kesehatan, kode: 1.02.0.00.0.00.01.0000}
nodes:
  - id: 007
    level: visi
    name: yes
  - id: M1
    level: misi
    name: "Meningkatkan\\nkualitas   layanan \\tdasar "
    parents: [007]
    notes: |
      baris satu
        baris dua dengan spasi di depan
  - id: P1
    level: program
    name: 'Meningkatnya cakupan: "layanan" # bukan komentar '
    kode: 1.10
    opd: dinkes
    parents: [M1]
    pagu: {2025: 12500000000, 2026: 15000000000.0}
    indicators:
      - id: P1.I1
        name: Cakupan layanan
        satuan: '%'
        baseline: {year: 2024, value: 64.64999999999999}
        targets: {2025: 64.64999999999999, 2026: "72,5", 2027: 73, 2028: 73.0, 2029: [70, 80.5]}
        actuals: {2025: 0.1}
      - id: P1.I2
        name: Predikat
        measure: ordinal
        scale: [C, B, BB, A, AA]
        targets: {2025: BB, 2026: 'no', 2027: A}
"""


@pytest.fixture(scope="module")
def as_written() -> Plan:
    return pohon.loads(AS_WRITTEN, file="seperti-ditulis.yaml")


def check_as_written(plan: Plan) -> None:
    visi, misi, program = plan.nodes
    assert visi.id == "007"
    assert visi.name == "yes"
    assert misi.name == "Meningkatkan\nkualitas   layanan \tdasar "
    assert misi.parent_ids == ("007",)
    assert misi.notes == "baris satu\n  baris dua dengan spasi di depan\n"
    assert program.name == 'Meningkatnya cakupan: "layanan" # bukan komentar '
    assert program.kode == "1.10"
    assert plan.opds[0].kode == "1.02.0.00.0.00.01.0000"
    assert program.pagu == {2025: 12500000000, 2026: 15000000000.0}
    assert type(program.pagu[2025]) is int
    assert type(program.pagu[2026]) is float
    cakupan, predikat = program.indicators
    assert cakupan.baseline is not None
    assert cakupan.baseline.value == 64.64999999999999
    targets = cakupan.targets
    assert targets[2025] == 64.64999999999999
    assert targets[2026] == "72,5"
    assert targets[2027] == 73
    assert type(targets[2027]) is int
    assert targets[2028] == 73.0
    assert type(targets[2028]) is float
    assert targets[2029] == (70, 80.5)
    assert [type(v) for v in targets[2029]] == [int, float]
    assert cakupan.actuals == {2025: 0.1}
    assert predikat.scale == ("C", "B", "BB", "A", "AA")
    assert predikat.targets == {2025: "BB", 2026: "no", 2027: "A"}


def test_values_are_read_as_written(as_written: Plan) -> None:
    check_as_written(as_written)


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_values_survive_a_round_trip(as_written: Plan, fmt: Fmt) -> None:
    again = round_trip(as_written, fmt)
    check_as_written(again)
    assert again == as_written
    twice = round_trip(again, fmt)
    check_as_written(twice)
    assert pohon.dumps(twice, format=fmt) == pohon.dumps(again, format=fmt)


@pytest.mark.parametrize("suffix", [".yaml", ".yml", ".json"])
def test_values_survive_dump_to_a_file(as_written: Plan, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"rencana{suffix}"
    pohon.dump(as_written, path)
    text = path.read_text(encoding="utf-8")
    if suffix == ".json":
        json.loads(text)  # really JSON
    check_as_written(pohon.load(path))


def test_yaml_and_json_dumps_hold_the_same_data(as_written: Plan) -> None:
    from_yaml = yaml.safe_load(pohon.dumps(as_written))
    from_json = json.loads(pohon.dumps(as_written, format="json"))
    assert plain(from_yaml) == from_json
    # A plain YAML reader keeps the ambiguous scalars as text too.
    assert from_yaml["nodes"][0]["id"] == "007"
    assert from_yaml["nodes"][0]["name"] == "yes"
    assert from_yaml["nodes"][2]["kode"] == "1.10"


def test_dumped_yaml_keeps_key_order_and_one_line_year_maps(as_written: Plan) -> None:
    text = pohon.dumps(as_written)
    assert text.startswith("pohon: 1\nplan:\n")
    assert text.index("\nopds:") < text.index("\nnodes:")
    assert "targets: {2025: 64.64999999999999, 2026: '72,5', 2027: 73, 2028: 73.0," in text


def test_unset_fields_are_not_written(as_written: Plan) -> None:
    text = pohon.dumps(as_written)
    for key in ("cumulative", "iku", "definisi", "crosscutting", "aligns"):
        assert f"{key}:" not in text


# -- source lines ---------------------------------------------------------------------------


def test_source_lines_in_yaml(as_written: Plan) -> None:
    source = as_written.source
    assert source is not None
    assert source.file == "seperti-ditulis.yaml"
    assert [source.node_line(i) for i in range(3)] == [
        line_of(AS_WRITTEN, "- id: 007"),
        line_of(AS_WRITTEN, "- id: M1"),
        line_of(AS_WRITTEN, "- id: P1"),
    ]
    i2 = line_of(AS_WRITTEN, "- id: P1.I2")
    assert source.line_of(2, indicator_id="P1.I2", field="targets") == line_of(
        AS_WRITTEN, "targets:", i2
    )
    assert source.line_of(2, indicator_id="P1.I1", field="targets") == line_of(
        AS_WRITTEN, "targets:"
    )
    assert source.line_of(2, field="kode") == line_of(AS_WRITTEN, "kode: 1.10")
    assert source.line_of(1, field="parents") == line_of(AS_WRITTEN, "parents: [007]")
    assert source.node_line(3) is None


def test_source_lines_in_dumped_json(as_written: Plan) -> None:
    text = pohon.dumps(as_written, format="json")
    plan = pohon.loads(text, format="json", file="rencana.json")
    source = plan.source
    assert source.file == "rencana.json"
    assert source.node_line(2) == line_of(text, '"id": "P1"') - 1
    i2 = line_of(text, '"id": "P1.I2"')
    assert source.line_of(2, indicator_id="P1.I2", field="targets") == line_of(
        text, '"targets"', i2
    )
    assert source.line_of(2, indicator_id="P1.I1", field="targets") == line_of(text, '"targets"')


def test_source_lines_in_dumped_yaml(as_written: Plan) -> None:
    text = pohon.dumps(as_written)
    plan = pohon.loads(text)
    assert plan.source.node_line(2) == line_of(text, "- id: P1")
    i2 = line_of(text, "- id: P1.I2")
    assert plan.source.line_of(2, indicator_id="P1.I2", field="targets") == line_of(
        text, "targets:", i2
    )


def test_minified_json_has_line_one(as_written: Plan) -> None:
    text = json.dumps(json.loads(pohon.dumps(as_written, format="json")))
    plan = pohon.loads(text)
    assert plan == as_written
    assert plan.source.line_of(2, indicator_id="P1.I2", field="targets") == 1


def test_diagnostic_lines_follow_the_source() -> None:
    text = AS_WRITTEN.replace("    parents: [M1]\n", "    parents: [M9]\n")
    plan = pohon.loads(text, file="seperti-ditulis.yaml")
    (diagnostic,) = pohon.check(plan, select=["PK102"])
    assert diagnostic.node == "P1"
    assert diagnostic.location.file == "seperti-ditulis.yaml"
    assert diagnostic.location.line == line_of(text, "parents: [M9]")


def test_loads_accepts_bytes_and_guesses_json(as_written: Plan) -> None:
    text = pohon.dumps(as_written, format="json")
    plan = pohon.loads(text.encode("utf-8"))
    assert plan == as_written
    assert plan.source.format == "json"
    assert pohon.loads(pohon.dumps(as_written).encode("utf-8")).source.format == "yaml"


def test_equality_ignores_the_source(as_written: Plan) -> None:
    other = pohon.loads(pohon.dumps(as_written, format="json"), file="lain.json")
    assert other == as_written
    assert other.source.file != as_written.source.file


def test_next_line_character_survives_yaml(as_written: Plan) -> None:
    data = json.loads(pohon.dumps(as_written, format="json"))
    data["nodes"][0]["name"] = "Kota\x85sehat"
    plan = pohon.loads(json.dumps(data), format="json")
    assert round_trip(plan, "yaml").nodes[0].name == "Kota\x85sehat"


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_line_of_an_indicator_without_a_field(as_written: Plan, fmt: Fmt) -> None:
    text = AS_WRITTEN if fmt == "yaml" else pohon.dumps(as_written, format="json")
    plan = as_written if fmt == "yaml" else pohon.loads(text)
    needle = "- id: P1.I2" if fmt == "yaml" else '"id": "P1.I2"'
    assert plan.source.line_of(2, indicator_id="P1.I2") == line_of(text, needle)


CUSTOM = """\
pohon: 1
plan:
  id: skema-khusus
  name: Rencana dengan skema sendiri
  period: {start: 2025, end: 2029}
  frameworks: [asta-cita-2025]
  meta: {sumber: "Perda 1/2025", versi: "1.10"}
  scheme:
    id: khusus
    name: Skema khusus
    levels:
      - {id: tema, name: Tema, owner: pemda, indicator: impact}
      - {id: hasil, name: Hasil, owner: opd, indicator: outcome, parents: [tema], pagu: true, kode: '\\d\\.\\d{2}'}
opds:
  - {id: dinkes, name: Dinas Kesehatan, singkatan: Dinkes}
nodes:
  - id: A
    level: tema
    name: Tema A
    aligns: ["asta-cita-2025:4"]
    crosscutting:
      - {opd: dinkes, status: disetujui, note: "catatan: satu"}
      - {agency: BPJS Kesehatan}
  - id: B
    level: hasil
    name: Hasil B
    opd: dinkes
    kode: 1.02
    parents: [{id: A, weight: 0.5}, {id: A2, weight: 50}, A3]
    pagu: {2025: 0, 2026: 1.5}
    indicators:
      - id: B.I1
        name: Inflasi
        cumulative: true
        iku: false
        polarity: range
        targets: {2025: [1, 2.5]}
        baseline: {year: 2024}
"""


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_scheme_meta_crosscutting_and_weights_round_trip(fmt: Fmt) -> None:
    plan = pohon.loads(CUSTOM)
    assert plan.scheme.id == "khusus"
    assert plan.scheme.level("hasil").kode == r"\d\.\d{2}"
    assert plan.info.meta == {"sumber": "Perda 1/2025", "versi": "1.10"}
    assert [(p.id, p.weight) for p in plan.nodes[1].parents] == [
        ("A", 0.5),
        ("A2", 50),
        ("A3", None),
    ]
    again = round_trip(plan, fmt)
    assert again == plan
    assert again.scheme == plan.scheme
    assert again.nodes[0].crosscutting == plan.nodes[0].crosscutting
    assert again.nodes[1].indicators[0].cumulative is True
    # Keys are written as given, even when they hold the default value.
    assert "iku" in pohon.dumps(again, format=fmt)
