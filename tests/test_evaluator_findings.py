"""Findings as an evaluator would sign them: one per fault, in the planner's words, fair.

Each test builds the smallest plan that shows one behaviour and asserts what a planner reads.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import pohon

HEADER = """\
pohon: 1
plan: {id: uji, name: Renstra uji, pemda: Kota Uji, period: {start: 2026, end: 2030}}
opds:
  - {id: bapenda, name: Badan Pendapatan Daerah, kode: "5.02.0.00.0.00.01.0000"}
nodes:
"""


def _plan(nodes: str) -> pohon.Plan:
    return pohon.loads(HEADER + nodes, file="renstra.yaml")


def _program(pagu: str, kegiatan_pagu: str) -> pohon.Plan:
    return _plan(
        f"""\
  - id: P132
    level: program
    opd: bapenda
    kode: "5.02.04"
    name: Program Peningkatan Pengelolaan Pendapatan Daerah
    pagu: {pagu}
  - id: K77
    level: kegiatan
    opd: bapenda
    kode: "5.02.04.2.01"
    name: Pengelolaan Pajak Daerah
    parents: [P132]
    pagu: {kegiatan_pagu}
"""
    )


def test_a_pagu_gap_in_every_year_is_one_finding_naming_the_years() -> None:
    plan = _program(
        "{2026: 5000000000, 2027: 5000000000, 2028: 5000000000, 2029: 5000000000, "
        "2030: 5000000000}",
        "{2026: 4900000000, 2027: 4900000000, 2028: 4900000000, 2029: 4900000000, "
        "2030: 4900000000}",
    )
    report = pohon.check(plan, select="PK502")
    assert len(report) == 1
    d = report.diagnostics[0]
    assert d.message == (
        'Pagu Program 5.02.04 "Program Peningkatan Pengelolaan Pendapatan Daerah" tidak sama '
        "dengan jumlah pagu 1 anaknya pada 2026-2030: selisih Rp 100.000.000 setiap tahun"
    )
    assert d.node == "P132"
    assert d.kode == "5.02.04"
    assert d.level == "program"
    assert d.values["per_year"][2028] == {
        "pagu": 5000000000,
        "sum": 4900000000,
        "difference": 100000000,
    }
    assert d.severity == "warning"  # 2% of the pagu, under Rp 1 miliar
    assert report.summary["warning"] == 1


def test_a_large_pagu_gap_is_an_error_and_the_thresholds_are_settings() -> None:
    plan = _program(
        "{2026: 12000000000, 2027: 12000000000}",
        "{2026: 10000000000, 2027: 11900000000}",
    )
    d = pohon.check(plan, select="PK502").diagnostics[0]
    assert d.severity == "error"  # Rp 2 miliar in 2026
    assert "pada 2026, 2027" in d.message
    assert "selisih Rp 100.000.000 sampai Rp 2.000.000.000 (terbesar 2026)" in d.message
    report = pohon.check(plan, select="PK502")
    assert not report.ok  # the CLI exits 1
    relaxed = pohon.check(
        plan,
        select="PK502",
        settings={"pagu_gap_error": 5_000_000_000, "pagu_gap_error_percent": 0},
    )
    assert relaxed.diagnostics[0].severity == "warning"


def test_negative_pagu_in_several_years_is_one_finding() -> None:
    plan = _program("{2026: -5, 2027: 10, 2028: -7}", "{}")
    report = pohon.check(plan, select="PK503")
    assert len(report) == 1
    assert "negatif pada 2026, 2028 (terendah Rp -7)" in report.diagnostics[0].message


def test_a_thousandfold_drop_is_read_as_a_typo() -> None:
    plan = _plan(
        """\
  - id: S1
    level: sasaran_opd
    opd: bapenda
    name: Meningkatnya Pendapatan Asli Daerah
    indicators:
      - id: S1.I1
        name: Jumlah wajib pajak terdaftar
        satuan: wajib pajak
        targets: {2026: 31000, 2027: 32, 2028: 33, 2029: 34, 2030: 35}
"""
    )
    d = pohon.check(plan, select="PK205").diagnostics[0]
    assert "salah ketik" in d.hint
    assert "31.000 maksudnya 31" in d.hint
    assert "polaritas" not in d.hint
    en = pohon.check(plan, select="PK205", lang="en").diagnostics[0]
    assert "typo" in en.hint


def test_messages_are_one_line_and_long_names_are_shortened() -> None:
    name = (
        "Meningkatnya kualitas pengelolaan pendapatan daerah yang transparan, akuntabel dan "
        "berbasis teknologi informasi"
    )
    plan = _plan(
        f"""\
  - id: S1
    level: sasaran_opd
    opd: bapenda
    name: "{name}"
    indicators:
      - id: S1.I1
        name: "Persentase realisasi\\npendapatan"
        satuan: "%"
        targets: {{2026: "90\\n%"}}
"""
    )
    report = pohon.check(plan)
    assert report.diagnostics
    for d in report:
        for text in (d.message, d.hint):
            assert "\n" not in text, text
            assert "\\n" not in text, text
    shown = [d.message for d in report if "Sasaran" in d.message]
    assert shown
    assert all("…" in m and name not in m for m in shown)
    assert all(d.name == name for d in report if d.node == "S1")  # the data keeps it whole


def test_untidy_texts_of_one_node_are_one_note() -> None:
    plan = _plan(
        """\
  - id: S1
    level: sasaran_opd
    opd: bapenda
    name: "Meningkatnya  Pendapatan Asli Daerah"
    indicators:
      - id: S1.I1
        name: "Persentase  realisasi PAD"
        satuan: "% "
        targets: {2026: 90, 2027: 91, 2028: 92, 2029: 93, 2030: 94}
"""
    )
    report = pohon.check(plan, select="PK214")
    assert len(report) == 1
    d = report.diagnostics[0]
    assert d.message.startswith("3 teks di Sasaran Perangkat Daerah")
    assert [t["field"] for t in d.values["texts"]] == ["name", "name", "satuan"]
    assert d.values["texts"][2]["text"] == "% "  # as written


SITUBONDO = Path(__file__).parent / "data" / "situbondo_rsud_fragment.yaml"


def test_situbondo_fragment_counts_before_and_after() -> None:
    report = pohon.check(pohon.load(SITUBONDO))
    before = {"PK108": 1, "PK203": 3, "PK205": 1}
    after = dict(before)
    # PK203: the three missing 2029 targets are the year the nodes' pagu is 0 (unfunded):
    # nothing to ask a target for.
    del after["PK203"]
    # PK205: the planning documents go 3 (2025) -> 1 (2026) at a sub kegiatan: an output's
    # volume follows that year's budget, not a step back.
    del after["PK205"]
    # PK218: the support program measures its sasaran's "Nilai SAKIP" unchanged.
    after["PK218"] = 1
    # PK117: the fragment is the hospital's Renstra alone; the RPJMD rules are not run on it,
    # and the plan says so once.
    after["PK117"] = 1
    assert report.summary["by_code"] == after
    copied = report.by_code("PK218")[0]
    assert copied.kode == "1.02.01"
    assert copied.message.startswith(
        'Indikator "Nilai SAKIP" di Program 1.02.01 "Program Penunjang Urusan Pemerintahan'
    )


def test_indicators_of_one_node_with_one_fault_are_one_finding() -> None:
    plan = _plan(
        """\
  - id: S1
    level: sasaran_opd
    opd: bapenda
    name: Meningkatnya Pendapatan Asli Daerah
    indicators:
      - {id: S1.I1, name: Rasio PAD terhadap pendapatan, targets: {2026: 20, 2027: 21, 2028: 22, 2029: 23, 2030: 24}}
      - {id: S1.I2, name: Persentase realisasi PAD, targets: {2026: 90, 2027: 91, 2028: 92, 2029: 93, 2030: 94}}
"""
    )
    report = pohon.check(plan, select="PK202")
    assert len(report) == 1
    d = report.diagnostics[0]
    assert d.message.endswith('belum punya satuan; juga indikator "Persentase realisasi PAD"')
    assert d.indicator == "S1.I1"
    assert d.values["also"][0]["indicator"] == "S1.I2"
    assert d.values["also"][0]["line"] == d.location.line + 1
    en = pohon.check(plan, select="PK202", lang="en").diagnostics[0]
    assert en.message.endswith('; also indicator "Persentase realisasi PAD"')


def test_a_node_with_many_faulty_indicators_gets_one_short_message() -> None:
    rows = "\n".join(
        f"      - {{id: S1.I{k}, name: Indikator {k}, targets: {{2026: 1, 2027: 1, 2028: 1, "
        f"2029: 1, 2030: 1}}}}"
        for k in range(1, 201)
    )
    plan = _plan(
        "  - id: S1\n    level: sasaran_opd\n    opd: bapenda\n"
        "    name: Meningkatnya Pendapatan Asli Daerah\n    indicators:\n" + rows + "\n"
    )
    report = pohon.check(plan, select="PK202")
    assert len(report) == 1
    d = report.diagnostics[0]
    assert d.message.endswith('"Indikator 6" dan 194 indikator lainnya')
    assert len(d.values["also"]) == 199


def test_wrong_pagu_gap_settings_are_refused_at_the_call() -> None:
    plan = _program("{2026: 10}", "{2026: 5}")
    for value in (float("nan"), -1, "1 miliar", True, float("inf")):
        for name in ("pagu_gap_error", "pagu_gap_error_percent"):
            with pytest.raises(pohon.UsageError, match=name):
                pohon.check(plan, settings={name: value})


def test_opds_are_named_by_singkatan_or_name_and_kept_by_id() -> None:
    text = """\
pohon: 1
plan: {id: uji, name: Renstra uji, pemda: Kota Uji, period: {start: 2026, end: 2027}}
opds:
  - {id: opd7, name: Badan Pendapatan Daerah, singkatan: Bapenda}
  - {id: opd9, name: Dinas Kesehatan}
  - {id: opd9, name: Dinas Kesehatan (salinan)}
nodes:
  - {id: P1, level: program, opd: opd7, kode: "5.02.04", name: Meningkatnya pendapatan daerah}
  - {id: P2, level: program, opd: opd9, kode: "1.02.02", name: Meningkatnya layanan kesehatan}
  - {id: P3, level: program, opd: opdx, kode: "1.02.03", name: Meningkatnya mutu SDM kesehatan}
"""
    report = pohon.check(pohon.loads(text), select="PK501,PK106,PK112")
    unfunded = {d.node: d for d in report.by_code("PK501")}
    assert (
        'Program 5.02.04 "Meningkatnya pendapatan daerah" milik Bapenda' in unfunded["P1"].message
    )
    assert "milik Dinas Kesehatan belum" in unfunded["P2"].message
    assert unfunded["P1"].opd == "opd7"
    assert unfunded["P1"].values["opd"] == "opd7"
    # An OPD id no OPD has is shown as written; a duplicated id is named by the id itself.
    assert "milik OPD opdx yang tidak ada" in report.by_code("PK106")[0].message
    assert report.by_code("PK112")[0].message == "Id OPD opd9 muncul 2 kali di daftar opds"
