"""Flat cascading workbooks read through a column mapping: the real Renja evaluation form,
an IKU table, and a hand-made matriks with Indonesian numbers and merged cells."""

from __future__ import annotations

import io
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import pohon
from pohon.io.cascading import indonesian_number, load_mapping, read_cascading

openpyxl = pytest.importorskip("openpyxl")

REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "real"
RENJA = REAL / "deliserdang_bappedalitbang_evaluasi_renja_2025.xlsx"
IKU = REAL / "indigo_template_laporan_perencanaan_sasaran_iku.xlsx"


def _bytes(book: Any) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def renja() -> pohon.Plan:
    if not RENJA.is_file():
        pytest.skip("shared/data/real is absent")
    return pohon.load(RENJA, mapping="evaluasi-renja")


def test_every_data_row_of_the_real_renja_form_is_accounted_for(renja: pohon.Plan) -> None:
    source = renja.source
    assert sorted(source.rows) == list(range(11, 113))
    kinds = Counter(what.split(":")[0].split(" ")[0] for what in source.rows.values())
    assert set(kinds) <= {"node", "indikator", "dilewati"}
    # Every row set apart is a note at its cell; the rows below the data are named once.
    noted = {int("".join(ch for ch in n.cell if ch.isdigit())) for n in source.notes}
    assert {r for r, what in source.rows.items() if what.startswith("dilewati")} <= noted
    assert any("113-125" in n.message for n in source.notes)
    levels = Counter(n.level for n in renja.nodes)
    assert (levels["program"], levels["kegiatan"], levels["sub_kegiatan"]) == (6, 19, 72)
    assert renja.opds[0].singkatan == "BAPPEDALITBANG"


def test_the_renja_form_reads_as_a_planner_wrote_it(renja: pohon.Plan) -> None:
    program = renja.node("P106")  # the program whose two indicators are on two merged rows
    assert [i.name for i in program.indicators] == [
        "Persentase Kebijakan Berbasis Bukti",
        "Indeks Inovasi Daerah",
    ]
    assert renja.node("K27").parent_ids == ("P13",)  # a sasaran PD beside it, same program
    # K39's formula adds up rows 40-44: they are its sub kegiatan, even where a value of
    # one equals the next (K40 = K41).
    assert renja.node("SK40").parent_ids == ("K39",)
    assert renja.node("SK15").pagu == {2025: 73945400}
    assert renja.node("SK15").indicators[0].targets == {2025: 4}
    two = renja.node("P13").indicators
    assert [i.name for i in two] == [
        "Nilai LHE AKIP Perangkat Daerah",
        "Indeks Kepuasan Masyarakat (IKM)",
    ]


def test_the_renja_form_gives_the_budget_spent_in_2025(renja: pohon.Plan) -> None:
    # Column AC ("Rp." of column 13) is the year's realisasi anggaran: the four triwulan
    # (R, U, X, AA) added up, read on every row that gets pagu.
    sheet = openpyxl.load_workbook(RENJA, data_only=True)["Realisasi TW IV"]
    sub = [n for n in renja.nodes if n.level == "sub_kegiatan"]
    spent = [n for n in sub if n.realisasi_anggaran]
    assert len(spent) >= 60
    for node in spent:
        row = int(node.id.removeprefix("SK"))
        quarters = sum(sheet[f"{col}{row}"].value or 0 for col in ("R", "U", "X", "AA"))
        assert node.realisasi_anggaran == {2025: quarters}, node.id
        assert node.realisasi_anggaran[2025] <= node.pagu[2025], node.id
    # Rows with no figures give none: nothing invented.
    for node in sub:
        if sheet[f"AC{int(node.id.removeprefix('SK'))}"].value is None:
            assert node.realisasi_anggaran == {}, node.id
    # A kegiatan's realisasi is the sum of its sub kegiatan's, as the form adds them up.
    kegiatan = renja.node("K14")
    children = [n for n in sub if n.parent_ids == ("K14",)]
    assert kegiatan.realisasi_anggaran[2025] == sum(n.realisasi_anggaran[2025] for n in children)
    assert renja.node("SK15").indicators[0].actuals == {2025: 4}
    # A finding on the realisasi anggaran of a node points at its cell.
    at = renja.node_index()["SK15"]
    assert renja.source.location(at, field="realisasi_anggaran").cell == "AC15"
    assert renja.source.location(at, field="pagu").cell == "O15"


def test_the_renja_findings_are_those_an_evaluator_would_sign(renja: pohon.Plan) -> None:
    report = pohon.check(renja)
    at = {(d.code, d.location.cell) for d in report}
    assert ("PK104", "D13") in at  # the form has no tujuan RPJMD: sasaran under misi
    assert ("PK108", "F27") in at  # a sasaran PD with no program of its own
    assert ("PK202", "H13") in at  # the second indicator of H13 has no satuan
    assert ("PK120", "H13") in at  # and the reading says how it split the cell
    assert ("PK120", "G12") in at  # a grouping row, set apart with its reason
    codes = Counter(d.code for d in report)
    assert codes["PK502"] == 0  # the kegiatan sums hold once read right
    assert codes["PK210"] == 0  # no target outside the Renja year
    assert all(d.location.sheet == "Realisasi TW IV" for d in report if d.node)


def test_the_iku_template_reads_as_a_table_of_sasaran_and_iku() -> None:
    if not IKU.is_file():
        pytest.skip("shared/data/real is absent")
    empty = pohon.load(IKU, mapping="iku-sasaran")
    assert empty.nodes == ()
    book = openpyxl.load_workbook(IKU)
    sheet = book.active
    sheet.append(
        [
            1,
            "S.1",
            "Meningkatnya kualitas layanan publik",
            50,
            1,
            "IKU.1",
            "Indeks Kepuasan Masyarakat",
            50,
            "82,5",
            "indeks",
            "Maximize",
            "Bagian Organisasi",
        ]
    )
    sheet.append(
        [
            None,
            None,
            None,
            None,
            2,
            "IKU.2",
            "Jumlah pengaduan yang tidak selesai",
            50,
            "12",
            "kasus",
            "Minimize",
            "Bagian Organisasi",
        ]
    )
    sheet.merge_cells("C8:C9")
    sheet.append(
        [
            2,
            "S.2",
            "Meningkatnya akuntabilitas kinerja",
            50,
            3,
            "IKU.3",
            "Nilai SAKIP",
            100,
            "BB",
            "predikat",
            "Maximize",
            "Inspektorat",
        ]
    )
    plan = read_cascading(_bytes(book), load_mapping("iku-sasaran"), "iku.xlsx")
    assert [n.name for n in plan.nodes] == [
        "Meningkatnya kualitas layanan publik",
        "Meningkatnya akuntabilitas kinerja",
    ]
    first = plan.nodes[0].indicators
    assert [(i.name, i.polarity, i.iku) for i in first] == [
        ("Indeks Kepuasan Masyarakat", "higher", True),
        ("Jumlah pengaduan yang tidak selesai", "lower", True),
    ]
    assert first[0].targets == {2025: 82.5}  # "82,5" written as text, read as a number
    assert plan.nodes[1].indicators[0].targets == {2025: "BB"}


def test_a_mapping_applied_to_another_form_says_so() -> None:
    if not RENJA.is_file():
        pytest.skip("shared/data/real is absent")
    with pytest.raises(pohon.LoadError) as caught:
        pohon.load(RENJA, mapping="iku-sasaran")
    text = str(caught.value)
    assert "!C7:" in text
    assert "bukan formulir yang dipetakan" in text


MAPPING = """\
pohon-pemetaan: 1
rows: {first: 3}
plan: {id: kota-uji, name: Cascading Kota Uji, period: {start: 2025, end: 2026}}
opd: {id: dinkes, name: Dinas Kesehatan}
levels:
  - {column: A, level: tujuan}
  - {column: B, level: sasaran}
  - {column: C, level: tujuan_opd}
  - {column: D, level: sasaran_opd}
  - column: E
    cases:
      - {match: 'program', level: program}
      - {match: 'kegiatan', level: kegiatan}
      - {level: sub_kegiatan}
kode: F
indicators: {name: G, satuan: H, targets: {2025: I, 2026: J}}
pagu: {2025: K, 2026: L}
"""


def _handmade() -> Any:
    """A small matriks cascading as planners make them: merged cells down the higher
    levels, numbers written as Indonesian text, a blank row and a stray note."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Cascading"
    sheet.append(["MATRIKS CASCADING DINAS KESEHATAN"])
    sheet.append(
        [
            "Tujuan",
            "Sasaran",
            "Tujuan PD",
            "Sasaran PD",
            "Program/Kegiatan/Sub",
            "Kode",
            "Indikator",
            "Satuan",
            "Target 2025",
            "Target 2026",
            "Pagu 2025",
            "Pagu 2026",
        ]
    )
    sheet.append(
        [
            "Meningkatnya derajat kesehatan",
            "Meningkatnya umur harapan hidup",
            "Meningkatnya mutu layanan kesehatan",
            "Menurunnya angka kesakitan",
            "Program Pemenuhan Upaya Kesehatan",
            "1.02.02",
            "Angka kesakitan",
            "persen",
            "12,5",
            "11,8",
            "Rp 1.250.000.000",
            "1.300.000.000",
        ]
    )
    sheet.append(
        [
            None,
            None,
            None,
            None,
            "Kegiatan Penyediaan Layanan Kesehatan",
            "1.02.02.2.02",
            "Cakupan layanan",
            "%",
            "95%",
            "96%",
            "1.250.000.000",
            "1.300.000.000",
        ]
    )
    sheet.append(
        [
            None,
            None,
            None,
            None,
            "Operasional Pelayanan Puskesmas",
            "1.02.02.2.02.0033",
            "Jumlah puskesmas beroperasi",
            "unit",
            18,
            18,
            750000000,
            "800.000.000",
        ]
    )
    sheet.append(
        [
            None,
            None,
            None,
            None,
            "Pengadaan Obat dan Vaksin",
            "1.02.02.2.02.0040",
            "Jumlah paket obat",
            "paket",
            "1.250",
            "1.300",
            "Rp 500.000.000",
            "Rp 500.000.000",
        ]
    )
    sheet.append([])
    sheet.append([None, None, None, None, None, None, None, "catatan: angka sementara"])
    for column in "ABCD":
        sheet.merge_cells(f"{column}3:{column}6")
    return book


def test_handmade_matriks_with_indonesian_numbers_and_merged_cells(tmp_path: Path) -> None:
    (tmp_path / "pemetaan.yaml").write_text(MAPPING, encoding="utf-8")
    plan = read_cascading(
        _bytes(_handmade()), load_mapping(str(tmp_path / "pemetaan.yaml")), "cascading.xlsx"
    )
    assert [n.level for n in plan.nodes] == [
        "tujuan",
        "sasaran",
        "tujuan_opd",
        "sasaran_opd",
        "program",
        "kegiatan",
        "sub_kegiatan",
        "sub_kegiatan",
    ]
    program = plan.node("P3")
    assert program.kode == "1.02.02"
    assert program.indicators[0].targets == {2025: 12.5, 2026: 11.8}
    assert program.pagu == {2025: 1250000000, 2026: 1300000000}
    assert plan.node("K4").indicators[0].targets == {2025: 95, 2026: 96}
    obat = plan.node("SK6")
    assert obat.parent_ids == ("K4",)
    assert obat.indicators[0].targets == {2025: 1250, 2026: 1300}
    assert obat.pagu == {2025: 500000000, 2026: 500000000}
    rows = plan.source.rows
    assert rows[7] == "kosong"
    assert rows[8].startswith("dilewati")  # the stray note is reported, not passed over
    report = pohon.check(plan)
    assert ("PK120", "A8") in {(d.code, d.location.cell) for d in report}
    assert "PK502" not in {d.code for d in report}  # kegiatan = the sum of its sub kegiatan


def _with_pk_and_spending(book: Any, spent: list[Any], signed: list[Any]) -> bytes:
    """The handmade matriks with two more columns: the 2025 PK target (M) and the budget
    spent in 2025 (N), one value per data row from row 3."""
    sheet = book.active
    sheet["M2"], sheet["N2"] = "Target PK 2025", "Realisasi Anggaran 2025"
    for row, (pk, rp) in enumerate(zip(signed, spent, strict=True), start=3):
        sheet[f"M{row}"], sheet[f"N{row}"] = pk, rp
    return _bytes(book)


SPENDING = (
    MAPPING.replace(
        "targets: {2025: I, 2026: J}}", "targets: {2025: I, 2026: J}, pk_targets: {2025: M}}"
    )
    + "realisasi_anggaran: {2025: N}\n"
)


def test_realisasi_anggaran_and_pk_targets_read_as_indonesian_numbers(tmp_path: Path) -> None:
    (tmp_path / "pemetaan.yaml").write_text(SPENDING, encoding="utf-8")
    data = _with_pk_and_spending(
        _handmade(),
        ["Rp 1.187.500.000", "1.187.500.000", 687500000, "Rp 1.250.000"],
        ["12,0", "95%", 18, None],
    )
    plan = read_cascading(data, load_mapping(str(tmp_path / "pemetaan.yaml")), "cascading.xlsx")
    assert plan.node("P3").realisasi_anggaran == {2025: 1187500000}
    assert plan.node("K4").realisasi_anggaran == {2025: 1187500000}
    assert plan.node("SK5").realisasi_anggaran == {2025: 687500000}
    assert plan.node("SK6").realisasi_anggaran == {2025: 1250000}
    assert plan.node("P3").indicators[0].pk_targets == {2025: 12}
    assert plan.node("K4").indicators[0].pk_targets == {2025: 95}
    assert plan.node("SK6").indicators[0].pk_targets == {}
    # Findings on them point at their cells: the realisasi on its row, PK at the indicator.
    at = plan.node_index()["SK6"]
    assert plan.source.location(at, field="realisasi_anggaran").cell == "N6"
    assert plan.source.location(at, indicator_id="SK6.I1", field="pk_targets").cell == "G6"
    # Converted to YAML and back, the new fields are kept.
    again = pohon.loads(pohon.dumps(plan))
    assert again.node("SK6").realisasi_anggaran == {2025: 1250000}
    assert again.node("K4").indicators[0].pk_targets == {2025: 95}


def test_a_realisasi_anggaran_that_is_no_number_is_named_at_its_cell(tmp_path: Path) -> None:
    (tmp_path / "pemetaan.yaml").write_text(SPENDING, encoding="utf-8")
    mapping = load_mapping(str(tmp_path / "pemetaan.yaml"))
    data = _with_pk_and_spending(_handmade(), [1, "belum ada", 2, 3], [None] * 4)
    with pytest.raises(pohon.LoadError) as caught:
        read_cascading(data, mapping, "cascading.xlsx")
    assert "cascading.xlsx!Cascading!N4: realisasi anggaran 'belum ada' bukan angka" in str(
        caught.value
    )
    # Too large for any APBD (a wrong unit, digits typed twice): refused at its own cell,
    # not at the node's name.
    data = _with_pk_and_spending(_handmade(), [1, 2, 3, 4 * 10**18], [None] * 4)
    with pytest.raises(pohon.LoadError) as caught:
        read_cascading(data, mapping, "cascading.xlsx")
    assert "cascading.xlsx!Cascading!N6: " in str(caught.value)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("73,36", 73.36),
        ("1.250.000", 1250000),
        ("Rp 4.320.000.000", 4320000000),
        ("Rp. 4.320.000.000,50", 4320000000.5),
        ("95%", 95),
        ("0.83", 0.83),
        ("-2,5", -2.5),
        ("1.250", 1250),
        ("Baik", None),
        ("1,234.5", None),
        ("12.34.5", None),
    ],
)
def test_indonesian_numbers(text: str, number: float | None) -> None:
    assert indonesian_number(text) == number


def test_cli_check_and_convert_with_a_mapping(tmp_path: Path) -> None:
    if not RENJA.is_file():
        pytest.skip("shared/data/real is absent")
    run = [sys.executable, "-m", "pohon"]
    checked = subprocess.run(
        [*run, "check", str(RENJA), "--pemetaan", "evaluasi-renja"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 1, checked.stderr
    assert "Realisasi TW IV!D13: PK104" in checked.stdout
    converted = subprocess.run(
        [*run, "convert", str(RENJA), str(tmp_path / "renja.yaml"), "--pemetaan", "evaluasi-renja"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert converted.returncode == 0, converted.stderr
    assert (
        pohon.load(tmp_path / "renja.yaml").nodes
        == pohon.load(RENJA, mapping="evaluasi-renja").nodes
    )
    missing = subprocess.run(
        [*run, "check", str(RENJA), "--pemetaan", "tidak-ada"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 2
    assert "tidak-ada" in missing.stdout + missing.stderr
    assert "Traceback" not in missing.stdout + missing.stderr


KODE_MAPPING = """\
pohon-pemetaan: 1
rows: {first: 2}
plan: {id: kode-uji, name: Kode Uji, period: {start: 2025, end: 2025}}
opd: {id: dinkes, name: Dinas Kesehatan}
levels:
  - column: B
    cases:
      - {kode_match: '\\d\\.\\d{2}\\.\\d{2}', level: program}
      - {kode_match: '\\d\\.\\d{2}\\.\\d{2}\\.\\d\\.\\d{2}', level: kegiatan}
      - {indent: 4, level: sub_kegiatan}
kode: A
"""


def test_levels_from_kode_shape_and_indentation(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Kode", "Uraian"])
    sheet.append(["1.02.02", "Program Pemenuhan Upaya Kesehatan"])
    sheet.append(["1.02.02.2.02", "Penyediaan Layanan Kesehatan"])
    sheet.append([None, "    Operasional Puskesmas"])
    sheet.append([None, "Tanpa indentasi"])
    (tmp_path / "kode.yaml").write_text(KODE_MAPPING, encoding="utf-8")
    plan = read_cascading(_bytes(book), load_mapping(str(tmp_path / "kode.yaml")), "kode.xlsx")
    assert [(n.level, n.parent_ids) for n in plan.nodes] == [
        ("program", ()),
        ("kegiatan", ("P2",)),
        ("sub_kegiatan", ("K3",)),
    ]
    assert plan.source.rows[5].startswith("dilewati")  # matched no case: reported


def test_a_mapping_pattern_is_safe_or_refused(tmp_path: Path) -> None:
    bad = MAPPING.replace("{match: 'program', level: program}", "{match: '(a+)+$', level: program}")
    (tmp_path / "jahat.yaml").write_text(bad, encoding="utf-8")
    with pytest.raises(pohon.LoadError) as caught:
        load_mapping(str(tmp_path / "jahat.yaml"))
    said = str(caught.value)
    assert "jahat.yaml:" in said
    assert "tidak bisa dipakai" in said
