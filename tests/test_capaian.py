"""Capaian: the formulas with the reference's worked values, predikat scales, the period
figures, the roll-up, the budget, and what cannot be computed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pohon
from pohon.analysis import capaian
from pohon.analysis.measure import indicator_capaian, measure, range_capaian
from pohon.analysis.predikat import builtin_scale, load_scale, rounded
from pohon.findings import UsageError, display
from pohon.model import Indicator

HEAD = """\
pohon: 1
plan: {id: uji, name: Rencana uji, pemda: Kota Uji, period: {start: 2025, end: 2029}}
opds:
  - {id: dinkes, name: Dinas Kesehatan}
  - {id: dinsos, name: Dinas Sosial}
"""


def _plan(nodes: str) -> pohon.Plan:
    return pohon.loads(HEAD + "nodes:\n" + nodes, format="yaml")


def _ind(**fields: object) -> Indicator:
    return Indicator.model_validate({"id": "I", "name": "Indikator", **fields})


# -- one value -----------------------------------------------------------------------------


def test_reference_worked_value_is_exact() -> None:
    # Inspektorat Kota Mojokerto 2020: target 95, realisasi 85, higher is better -> 89,47.
    value, reason = indicator_capaian(Decimal(95), Decimal(85), "higher")
    assert reason is None
    assert rounded(value) == Decimal("89.47")
    assert display(value) == "89,47"
    assert display(value, "en") == "89.47"


def test_decimal_arithmetic_has_no_binary_residue() -> None:
    # 0.1 / 0.3 in floats is 0.33333333333333337; in decimals a third exactly as written.
    value, _ = measure(_ind(targets={2025: 0.3}), 0.3, 0.1)
    assert value is not None
    assert str(value).startswith("33.33333333333333333333")


def test_lower_is_better() -> None:
    value, _ = measure(_ind(polarity="lower"), 20, 18)
    assert value == Decimal(110)
    value, _ = measure(_ind(polarity="lower"), 8.8, 11.9)
    assert display(value) == "64,77"


def test_range_target_inside_and_outside() -> None:
    ind = _ind(polarity="range")
    assert measure(ind, [2.5, 3.5], 3)[0] == 100
    above, _ = measure(ind, [2.5, 3.5], 4)  # against 3.5 as lower is better
    below, _ = measure(ind, [2.5, 3.5], 2)  # against 2.5 as higher is better
    assert display(above) == "85,71"
    assert display(below) == "80,00"
    assert range_capaian(Decimal(3), Decimal(2), Decimal("2.5"))[0] == 100  # bounds swapped
    # A reversed range in the plan is a fault (PK216), not measured.
    assert measure(ind, [3.5, 2.5], 3) == (None, "range_reversed")
    assert measure(_ind(), 5.5, [5.1, 5.4]) == (None, "actual_range")


def test_absurd_figures_are_shown_not_a_crash() -> None:
    value, _ = measure(_ind(), 0.00001, 1e21)
    assert value is not None
    assert display(value).endswith(",00")
    assert builtin_scale("lkjip").label(value) == "Sangat Tinggi"
    plan = _plan(
        "  - {id: V1, level: visi, name: Kota Uji}\n"
        "  - {id: M1, level: misi, name: Misi, parents: [V1]}\n"
        "  - id: T1\n    level: tujuan\n    name: Tujuan\n    parents: [M1]\n"
        "    indicators:\n"
        "      - {id: A, name: A, targets: {2025: 0.00001, 2026: 0.00001}, "
        "actuals: {2025: 1.0e+21, 2026: 1.0e+300}}\n"
    )
    assert pohon.capaian(plan).to_dict()["indicators"][1]["capaian"] > 1e300
    assert any(d.code == "PK603" for d in pohon.check(plan))


def test_ordinal_on_known_and_own_scales() -> None:
    sakip = _ind(measure="ordinal")
    assert measure(sakip, "A", "BB")[0] == pytest.approx(Decimal(5) / 6 * 100)
    # Matched exactly, as PK215 matches: "bb" is on no known scale.
    assert measure(sakip, "bb", "BB") == (None, "no_scale")
    level = _ind(measure="ordinal")
    assert rounded(measure(level, "Level 3", "Level 2")[0]) == Decimal("66.67")
    own = _ind(measure="ordinal", scale=["Merah", "Kuning", "Hijau"])
    assert measure(own, "Hijau", "Kuning")[0] == pytest.approx(Decimal(2) / 3 * 100)
    assert measure(own, "Hijau", "Biru") == (None, "not_on_scale")
    assert measure(own, "Hijau", "hijau") == (None, "not_on_scale")
    assert measure(_ind(measure="ordinal"), "Hijau", "Kuning") == (None, "no_scale")


@pytest.mark.parametrize(
    ("fields", "target", "actual", "reason"),
    [
        ({}, 0, 3, "target_zero"),
        ({"polarity": "lower"}, 0, 2, "target_zero"),
        ({}, -2, -1, "target_negative"),
        ({"measure": "text"}, "Tersedia", "Tersedia", "text"),
        ({}, 80, "82,5", "not_number"),
        ({}, None, 3, "no_target"),
        ({}, "-", 3, "no_target"),
        ({}, 80, None, "no_actual"),
        ({}, [1, 2], 3, "range_target"),
        ({"polarity": "range"}, 2, 3, "target_not_range"),
    ],
)
def test_what_cannot_be_computed_says_why(
    fields: dict[str, object], target: object, actual: object, reason: str
) -> None:
    assert measure(_ind(**fields), target, actual) == (None, reason)


# -- properties ------------------------------------------------------------------------------

numbers = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1e9"), places=2)


@given(target=numbers, polarity=st.sampled_from(["higher", "lower"]))
def test_capaian_is_100_when_realisasi_equals_target(target: Decimal, polarity: str) -> None:
    assert indicator_capaian(target, target, polarity)[0] == 100


@given(low=numbers, high=numbers)
def test_range_capaian_is_100_at_both_bounds(low: Decimal, high: Decimal) -> None:
    assert range_capaian(low, high, low)[0] == 100
    assert range_capaian(low, high, high)[0] == 100


@given(target=numbers, a=numbers, b=numbers)
def test_higher_rises_and_lower_falls_with_realisasi(
    target: Decimal, a: Decimal, b: Decimal
) -> None:
    small, large = sorted((a, b))
    higher = [indicator_capaian(target, r, "higher")[0] for r in (small, large)]
    lower = [indicator_capaian(target, r, "lower")[0] for r in (small, large)]
    assert higher[0] is not None
    assert higher[1] is not None
    assert lower[0] is not None
    assert lower[1] is not None
    assert higher[0] <= higher[1]
    assert lower[0] >= lower[1]


def _rollup_plan(values: list[float], weights: list[float] | None) -> pohon.Plan:
    lines = [
        "  - {id: V1, level: visi, name: Kota Uji}",
        "  - {id: M1, level: misi, name: Misi, parents: [V1]}",
        "  - {id: T1, level: tujuan, name: Tujuan, parents: [M1]}",
        "  - {id: T2, level: tujuan, name: Tujuan dua, parents: [M1]}",
    ]
    for k, value in enumerate(values):
        if weights is None:
            parents = "[T1]"
        else:
            # Each child gives weights[k] of itself to T1 and the rest to T2.
            parents = f"[{{id: T1, weight: {weights[k]}}}, {{id: T2, weight: {round(1 - weights[k], 2)}}}]"
        lines.append(
            f"  - {{id: S{k}, level: sasaran, name: Sasaran {k}, parents: {parents}, "
            f"indicators: [{{id: S{k}.I, name: Indikator, targets: {{2025: 100}}, "
            f"actuals: {{2025: {value}}}}}]}}"
        )
    return _plan("\n".join(lines) + "\n")


values = st.floats(min_value=0, max_value=300, allow_nan=False).map(lambda v: round(v, 2))


@settings(max_examples=40, deadline=None)
@given(value=values, count=st.integers(1, 6))
def test_rollup_of_equal_children_equals_the_child(value: float, count: int) -> None:
    result = capaian(_rollup_plan([value] * count, None), year=2025)
    row = result.node("T1", 2025)
    assert row is not None
    assert row.children is not None
    assert row.own is None
    assert row.children == Decimal(repr(value))


@settings(max_examples=40, deadline=None)
@given(
    data=st.lists(
        st.tuples(values, st.floats(min_value=0.05, max_value=0.95).map(lambda w: round(w, 2))),
        min_size=1,
        max_size=6,
    )
)
def test_weighted_rollup_stays_within_the_children(data: list[tuple[float, float]]) -> None:
    result = capaian(_rollup_plan([v for v, _ in data], [w for _, w in data]), year=2025)
    for parent in ("T1", "T2"):
        row = result.node(parent, 2025)
        assert row is not None
        assert row.children is not None
        low = min(Decimal(repr(v)) for v, _ in data)
        high = max(Decimal(repr(v)) for v, _ in data)
        assert low - Decimal("1e-20") <= row.children <= high + Decimal("1e-20")


def test_weights_count_in_the_rollup() -> None:
    plan = _rollup_plan([100, 40], [0.9, 0.1])
    row = capaian(plan, year=2025).node("T1", 2025)
    assert row is not None
    # T1 gets 0.9 of S0 (100) and 0.1 of S1 (40): (90 + 4) / 1.0 = 94.
    assert row.children == Decimal(94)


def test_node_own_capaian_is_the_mean_of_its_indicators() -> None:
    plan = _plan(
        "  - {id: V1, level: visi, name: Kota Uji}\n"
        "  - {id: M1, level: misi, name: Misi, parents: [V1]}\n"
        "  - id: T1\n    level: tujuan\n    name: Tujuan\n    parents: [M1]\n"
        "    indicators:\n"
        "      - {id: A, name: A, targets: {2025: 100}, actuals: {2025: 90}}\n"
        "      - {id: B, name: B, polarity: lower, targets: {2025: 10}, actuals: {2025: 9}}\n"
        "      - {id: C, name: C, measure: text, targets: {2025: Ada}, actuals: {2025: Ada}}\n"
    )
    result = capaian(plan)
    row = result.node("T1", 2025)
    assert row is not None
    assert row.own == Decimal(100)
    assert row.measured == 2
    assert row.predikat == "Sangat Tinggi"
    text_row = result.indicator("T1", "C", 2025)
    assert text_row is not None
    assert text_row.reason == "text"
    assert text_row.capaian is None


# -- the period --------------------------------------------------------------------------------


def test_cumulative_and_non_cumulative_over_the_period() -> None:
    plan = _plan(
        "  - {id: V1, level: visi, name: Kota Uji}\n"
        "  - {id: M1, level: misi, name: Misi, parents: [V1]}\n"
        "  - id: T1\n    level: tujuan\n    name: Tujuan\n    parents: [M1]\n"
        "    indicators:\n"
        "      - id: PUSKESMAS\n        name: Puskesmas dibangun sejak 2025\n"
        "        cumulative: true\n"
        "        targets: {2025: 1, 2026: 2, 2027: 4, 2028: 6, 2029: 8}\n"
        "        actuals: {2025: 1, 2026: 3}\n"
        "      - id: IKM\n        name: Indeks Kepuasan Masyarakat\n"
        "        targets: {2025: 80, 2026: 80, 2027: 82, 2028: 84, 2029: 85}\n"
        "        actuals: {2025: 76, 2026: 84}\n"
    )
    result = capaian(plan)
    periods = {p.indicator: p for p in result.periods}
    cumulative = periods["PUSKESMAS"]
    # So far: the last year measured (3 of 2); whole period: 3 of the 8 due by 2029.
    assert cumulative.through == 2026
    assert cumulative.so_far == Decimal(150)
    assert display(cumulative.whole) == "37,50"
    stand_alone = periods["IKM"]
    # So far: the mean of 95 and 105; the whole period is known once every year is measured.
    assert stand_alone.so_far == Decimal(100)
    assert stand_alone.whole is None


def test_cap_applies_to_each_year_before_averaging() -> None:
    plan = _plan(
        "  - {id: V1, level: visi, name: Kota Uji}\n"
        "  - {id: M1, level: misi, name: Misi, parents: [V1]}\n"
        "  - id: T1\n    level: tujuan\n    name: Tujuan\n    parents: [M1]\n"
        "    indicators:\n"
        "      - {id: A, name: A, targets: {2025: 100, 2026: 100}, actuals: {2025: 180, 2026: 80}}\n"
    )
    capped = capaian(plan, cap=120)
    row = capped.indicator("T1", "A", 2025)
    assert row is not None
    assert row.capaian == 120
    assert row.capped
    assert capped.periods[0].so_far == Decimal(100)  # (120 + 80) / 2
    assert capaian(plan).periods[0].so_far == Decimal(130)  # (180 + 80) / 2 uncapped
    with pytest.raises(UsageError, match="100 atau lebih"):
        capaian(plan, cap=50)


# -- scales ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "lkjip", "dasbor"),
    [
        ("100", "Sangat Tinggi", "Tercapai"),
        ("105", "Sangat Tinggi", "Tercapai"),
        ("105.01", "Sangat Tinggi", "Melampaui"),
        ("90.99", "Tinggi", "Mendekati"),
        ("90.996", "Sangat Tinggi", "Mendekati"),  # shown as 91,00
        ("76", "Tinggi", "Perlu Perhatian"),
        ("65.5", "Rendah", "Perlu Perhatian"),
        ("51", "Rendah", "Kritis"),
        ("50.99", "Sangat Rendah", "Kritis"),
        ("-12", "Sangat Rendah", "Kritis"),
    ],
)
def test_shipped_scales(value: str, lkjip: str, dasbor: str) -> None:
    assert builtin_scale("lkjip").label(Decimal(value)) == lkjip
    assert builtin_scale("dasbor").label(Decimal(value)) == dasbor


def test_own_scale_from_yaml_and_dict(tmp_path: Path) -> None:
    path = tmp_path / "skala.yaml"
    path.write_text(
        "id: uji\nname: Skala uji\nbands:\n  - {min: 100, label: Tercapai}\n  - {label: Belum}\n",
        encoding="utf-8",
    )
    scale = load_scale(path)
    assert scale.label(Decimal("99.99")) == "Belum"
    assert scale.label(Decimal("99.996")) == "Tercapai"
    result = capaian(pohon.example("mojokerto"), year=2025, scale=str(path))
    assert {r.predikat for r in result.indicators if r.capaian is not None} <= {"Tercapai", "Belum"}


@pytest.mark.parametrize(
    ("bands", "words"),
    [
        ([{"min": 50, "label": "A"}, {"min": 60, "label": "B"}, {"label": "C"}], "batas tertinggi"),
        ([{"min": 50, "label": "A"}, {"min": 40, "label": "B"}], "jangan beri batas"),
        ([{"label": "A"}, {"label": "B"}], "hanya pita terakhir"),
        ([{"min": 5, "above": 4, "label": "A"}, {"label": "B"}], "min dan above"),
        ([{"min": 5, "label": "A", "color": "red;x"}, {"label": "B"}], "#rrggbb, bukan 'red;x'"),
        ([{"label": "A"}] * 21, "paling banyak 20 pita"),
        ([{"min": "tinggi", "label": "A"}, {"label": "B"}], "[bands.0.min] harus angka"),
    ],
)
def test_bad_scale_is_refused_with_a_reason(bands: list[dict[str, object]], words: str) -> None:
    with pytest.raises(UsageError, match="skala predikat tidak sah") as caught:
        load_scale({"id": "x", "name": "x", "bands": bands})
    assert words in str(caught.value.message)


def test_unreadable_scale_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="bukan berkas dan bukan skala bawaan"):
        load_scale(str(tmp_path / "tidak-ada.yaml"))
    with pytest.raises(UsageError, match="bukan berkas"):
        load_scale(str(tmp_path))
    bad = tmp_path / "rusak.yaml"
    bad.write_text("id: [\n", encoding="utf-8")
    with pytest.raises(UsageError, match="YAML tidak valid"):
        load_scale(str(bad))
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"id: x\nname: Skala \xe9\n")
    with pytest.raises(UsageError, match=r"latin.yaml:2: .*simpan ulang sebagai UTF-8"):
        load_scale(str(latin))
    unordered = tmp_path / "urutan.yaml"
    unordered.write_text(
        "id: x\nname: x\nbands:\n  - {min: 50, label: A}\n  - {min: 60, label: B}\n"
        "  - {label: C}\n",
        encoding="utf-8",
    )
    with pytest.raises(UsageError, match=r"urutan.yaml:4: skala predikat tidak sah"):
        load_scale(str(unordered))


# -- budget --------------------------------------------------------------------------------------

BUDGET = """\
  - {id: V1, level: visi, name: Kota Uji}
  - {id: M1, level: misi, name: Misi, parents: [V1]}
  - {id: T1, level: tujuan, name: Tujuan, parents: [M1]}
  - {id: S1, level: sasaran, name: Sasaran, parents: [T1]}
  - {id: TO1, level: tujuan_opd, name: Tujuan Dinkes, parents: [S1], opd: dinkes}
  - id: SO1
    level: sasaran_opd
    name: Sasaran Dinkes
    parents: [TO1]
    opd: dinkes
    indicators: [{id: SO1.I, name: Cakupan, targets: {2025: 80}, actuals: {2025: 76}}]
  - {id: P1, level: program, name: Program, parents: [SO1], opd: dinkes, pagu: {2025: 1000000000}}
  - {id: K1, level: kegiatan, name: Kegiatan, parents: [P1], opd: dinkes, pagu: {2025: 1000000000}}
  - id: SK1
    level: sub_kegiatan
    name: Sub satu
    parents: [K1]
    opd: dinkes
    pagu: {2025: 600000000}
    realisasi_anggaran: {2025: 540000000}
  - id: SK2
    level: sub_kegiatan
    name: Sub dua
    parents: [K1]
    opd: dinkes
    pagu: {2025: 400000000}
    realisasi_anggaran: {2025: 260000000}
"""


def test_budget_counts_each_rupiah_once() -> None:
    result = capaian(_plan(BUDGET), year=2025)
    by = {(b.kind, b.id): b for b in result.budget}
    opd = by[("opd", "dinkes")]
    # Pagu once: the program's Rp 1 M holds the kegiatan's and the sub kegiatan's.
    assert opd.pagu == Decimal(1_000_000_000)
    assert opd.realisasi == Decimal(800_000_000)
    assert opd.serapan == Decimal(80)
    # The OPD delivered SO1's 95 % with 80 % of its money: efficiency 95 / 80.
    assert opd.capaian == Decimal(95)
    assert opd.efisiensi == Decimal("1.1875")
    program = by[("node", "P1")]  # rolled up from the sub kegiatan, pagu its own
    assert (program.pagu, program.realisasi) == (Decimal(1_000_000_000), Decimal(800_000_000))
    assert by[("node", "SK2")].serapan == Decimal(65)
    assert by[("sasaran", "S1")].realisasi == Decimal(800_000_000)
    assert by[("pemda", "pemda")].serapan == Decimal(80)


def test_no_budget_without_realisasi_anggaran() -> None:
    without = "\n".join(line for line in BUDGET.splitlines() if "realisasi_anggaran" not in line)
    result = capaian(_plan(without + "\n"))
    assert result.budget == ()


# -- the result ----------------------------------------------------------------------------------


def test_json_contract_keys() -> None:
    data = capaian(pohon.example("mojokerto"), year=2025).to_dict()
    assert {"indicators", "nodes"} <= set(data)
    first = data["indicators"][0]
    assert {"node", "indicator", "year", "target", "realisasi", "capaian", "predikat"} <= set(first)
    assert {"node", "year", "capaian", "predikat"} <= set(data["nodes"][0])
    assert isinstance(first["capaian"], int | float)


def test_opd_filter_and_unknown_opd() -> None:
    plan = pohon.example("mojokerto")
    result = capaian(plan, opd="dinkes")
    owners = {result.opd_of[r.node] for r in result.indicators}
    assert owners <= {"dinkes", None}
    assert "dinkes" in owners
    with pytest.raises(UsageError, match="tidak ada di rencana ini"):
        capaian(plan, opd="dinas-tidak-ada")
    with pytest.raises(UsageError, match="di luar periode"):
        capaian(plan, year=2031)


def test_records_and_display() -> None:
    result = capaian(pohon.example("mojokerto"))
    rows = result.to_records("nodes")
    assert rows
    assert set(rows[0]) >= {"node", "year", "capaian", "predikat", "basis"}
    bundle = result._repr_mimebundle_()
    assert "Capaian indikator" in bundle["text/html"]
    with pytest.raises(UsageError, match="tabel capaian"):
        result.to_records("tidak-ada")


def test_unreported_realisasi_is_not_taken_as_zero() -> None:
    # Only SK1 reports its spending: absorption is 540 of its 600 million, covering 60 %
    # of the OPD's pagu, not 540 of the whole billion.
    partial = BUDGET.replace("    realisasi_anggaran: {2025: 260000000}\n", "")
    result = capaian(_plan(partial), year=2025)
    opd = next(b for b in result.budget if (b.kind, b.id) == ("opd", "dinkes"))
    assert opd.serapan == Decimal(90)
    assert opd.cakupan == Decimal(60)
    assert opd.to_dict()["pagu_reported"] == 600_000_000


def test_sasaran_groups_are_the_crosscutting_cells() -> None:
    from pohon.analysis.crosscutting import sasaran_served

    plan = pohon.example("mojokerto")
    graph = pohon.PlanGraph(plan)
    opd_levels = {lv.id for lv in plan.scheme.levels if lv.owner == "opd"}
    served: dict[str, set[str]] = {}
    for node_id, near in sasaran_served(plan, graph).items():
        node = graph.node(node_id)
        if node.level in opd_levels and node.opd is not None:
            for sasaran in near:
                served.setdefault(sasaran, set()).add(node_id)
    cells: dict[str, set[str]] = {}
    for cell in pohon.crosscutting(plan).cells:
        cells.setdefault(cell.sasaran, set()).update(cell.nodes)
    assert served == cells
