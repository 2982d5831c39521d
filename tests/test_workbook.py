"""Plans in Excel: the template written and read back, findings at their cells, bad workbooks."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from tests.strategies import plans

import pohon
from pohon.io.workbook import SHEETS, read_workbook, write_workbook

openpyxl = pytest.importorskip("openpyxl")


def _book(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def _save(book: Any) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _error(data: bytes, name: str = "rencana.xlsx") -> str:
    with pytest.raises(pohon.LoadError) as caught:
        read_workbook(data, name)
    return str(caught.value)


@pytest.fixture(scope="module")
def example_xlsx() -> bytes:
    return write_workbook(pohon.example("mojokerto"))


def test_example_round_trips_through_a_workbook(example_xlsx: bytes) -> None:
    plan = pohon.example("mojokerto")
    back = read_workbook(example_xlsx, "contoh.xlsx")
    assert back == plan
    # XLSX -> YAML -> XLSX -> YAML gives the same text (Excel has one kind of number, so
    # 83.0 reads back as 83: the same value, and the same text from the first YAML on).
    first = pohon.dumps(back)
    again = read_workbook(write_workbook(pohon.loads(first)), "lagi.xlsx")
    assert pohon.dumps(again) == first


def test_template_has_every_sheet_headers_and_drop_downs(example_xlsx: bytes) -> None:
    book = _book(example_xlsx)
    assert book.sheetnames == list(SHEETS)
    nodes = book["Node"]
    assert [c.value for c in nodes[1]][:4] == ["ID", "Level", "Nama", "Induk"]
    assert nodes.freeze_panes == "B2"
    lists = {str(dv.sqref)[0] for dv in nodes.data_validations.dataValidation}
    assert {"B", "F"} <= lists  # level and OPD offer their lists
    indicator_headers = [c.value for c in book["Indikator"][1]]
    assert "Target 2025" in indicator_headers
    assert "Realisasi 2029" in indicator_headers
    guide = [row[1] for row in book["Petunjuk"].iter_rows(values_only=True)]
    assert "Bobot induk" in guide
    assert "Polaritas" in guide


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_any_plan_round_trips_through_a_workbook(plan: pohon.Plan) -> None:
    back = read_workbook(write_workbook(plan), "p.xlsx")
    assert back == plan


def test_findings_on_the_workbook_are_those_of_the_yaml_at_cells(example_xlsx: bytes) -> None:
    from_yaml = pohon.check(pohon.example("mojokerto"))
    from_xlsx = pohon.check(read_workbook(example_xlsx, "contoh.xlsx"))
    assert sorted((d.code, d.node or "", d.message) for d in from_xlsx) == sorted(
        (d.code, d.node or "", d.message) for d in from_yaml
    )
    located = [d for d in from_xlsx if d.node is not None]
    assert located
    assert all(d.location.sheet and d.location.cell for d in located)
    pagu = next(d for d in from_xlsx if d.code == "PK502")
    assert pagu.location.sheet == "Pagu"
    book = _book(example_xlsx)
    # The cell named holds the node's pagu row: its Node column is the node's id.
    row = int("".join(ch for ch in pagu.location.cell if ch.isdigit()))
    assert book["Pagu"][f"A{row}"].value == pagu.node
    assert str(pagu.location).startswith("contoh.xlsx!Pagu!")


def test_a_formula_looking_name_stays_text(example_xlsx: bytes) -> None:
    book = _book(example_xlsx)
    book["Node"]["C2"].value = '=HYPERLINK("http://x")'
    book["Node"]["C2"].data_type = "s"
    plan = read_workbook(_save(book))
    assert plan.nodes[0].name == '=HYPERLINK("http://x")'
    written = _book(write_workbook(plan))
    assert written["Node"]["C2"].data_type == "s"


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda b: b["Node"].__setitem__("G30", 1.1),
            "rencana.xlsx!Node!G30: kode ditulis sebagai angka",
        ),
        (lambda b: b.create_sheet("Lain"), "lembar 'Lain' bukan lembar templat pohon"),
        (lambda b: setattr(b["Pagu"], "sheet_state", "hidden"), "lembar 'Pagu' tersembunyi"),
        (
            lambda b: b["Indikator"].__setitem__("A1", "Simpul"),
            "rencana.xlsx!Indikator!A1: judul kolom 'Simpul'",
        ),
        (
            lambda b: b["Indikator"].__setitem__("A5", "TIDAK-ADA"),
            "rencana.xlsx!Indikator!A5: node 'TIDAK-ADA' tidak ada",
        ),
        (
            lambda b: b["Indikator"].__setitem__("J4", "#REF!"),
            "rencana.xlsx!Indikator!J4: sel berisi galat Excel #REF!",
        ),
        (
            lambda b: b["Indikator"].__setitem__("L4", __import__("datetime").datetime(2025, 1, 2)),
            "rencana.xlsx!Indikator!L4: sel berisi tanggal/waktu",
        ),
        (
            lambda b: b["Indikator"].__setitem__("H4", "mungkin"),
            "rencana.xlsx!Indikator!H4: isi 'mungkin' tidak dikenal",
        ),
        (
            lambda b: b["Rencana"].__setitem__("A20", "tahunn"),
            "rencana.xlsx!Rencana!A20: kunci 'tahunn' tidak dikenal",
        ),
        (lambda b: b["Node"].__setitem__("B3", "bukan_level"), "rencana.xlsx!Node!B3:"),
    ],
)
def test_bad_cells_are_named(example_xlsx: bytes, edit: Any, expected: str) -> None:
    book = _book(example_xlsx)
    edit(book)
    assert expected in _error(_save(book))


def test_what_is_not_an_xlsx_is_said_plainly(tmp_path: Path) -> None:
    assert "bukan buku kerja .xlsx" in _error(b"id: x\n")
    assert ".xls" in _error(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    odd = io.BytesIO()
    with zipfile.ZipFile(odd, "w") as z:
        z.writestr("content.xml", "<x/>")
    assert "bukan buku kerja Excel" in _error(odd.getvalue())
    assert "rusak" in _error(b"PK\x03\x04" + b"\0" * 100)


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (40 * 1024 * 1024))
    assert len(bomb.getvalue()) < 1024 * 1024
    assert "bom zip" in _error(bomb.getvalue())


def _pohon(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pohon", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_cli_template_fill_and_check(tmp_path: Path) -> None:
    made = _pohon("template", "-o", "pohon.xlsx", "--tahun", "2026-2030", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "pohon check pohon.xlsx" in made.stderr
    again = _pohon("template", "-o", "pohon.xlsx", cwd=tmp_path)
    assert again.returncode == 2
    assert "--force" in again.stderr
    book = openpyxl.load_workbook(tmp_path / "pohon.xlsx")
    assert "Target 2030" in [c.value for c in book["Indikator"][1]]
    info = book["Rencana"]
    for row in info.iter_rows(min_row=2):
        key = row[0].value
        row[1].value = {"id": "kota-x", "nama": "RPJMD Kota X"}.get(key, row[1].value)
    book["Node"].append(["V", "visi", "Kota X yang maju"])
    book["Node"].append(["M1", "misi", "Meningkatkan layanan", "V"])
    book.save(tmp_path / "pohon.xlsx")
    checked = _pohon("check", "pohon.xlsx", cwd=tmp_path)
    assert checked.returncode in (0, 1), checked.stderr
    assert "pohon.xlsx" in checked.stdout


def test_cli_convert_both_ways_and_never_over_the_input(tmp_path: Path) -> None:
    assert _pohon("example", "-o", "contoh.yaml", cwd=tmp_path).returncode == 0
    for old, new in [
        ("contoh.yaml", "contoh.xlsx"),
        ("contoh.xlsx", "a.yaml"),
        ("a.yaml", "b.xlsx"),
        ("b.xlsx", "b.yaml"),
    ]:
        done = _pohon("convert", old, new, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "b.yaml").read_text() == (tmp_path / "a.yaml").read_text()
    assert pohon.load(tmp_path / "b.yaml") == pohon.example("mojokerto")
    same = _pohon("convert", "contoh.xlsx", "contoh.xlsx", "--force", cwd=tmp_path)
    assert same.returncode == 2
    unknown = _pohon("convert", "contoh.yaml", "contoh.txt", cwd=tmp_path)
    assert unknown.returncode == 2
    assert ".xlsx" in unknown.stderr
    assert _pohon("example", "-o", "isi.xlsx", cwd=tmp_path).returncode == 0
    assert pohon.load(tmp_path / "isi.xlsx") == pohon.example("mojokerto")


def test_findings_workbook_has_one_row_per_finding_and_load_problem(tmp_path: Path) -> None:
    assert _pohon("example", "-o", "contoh.xlsx", cwd=tmp_path).returncode == 0
    (tmp_path / "rusak.yaml").write_text("pohon: 1\nplan: [\n", encoding="utf-8")
    done = _pohon(
        "check", "contoh.xlsx", "rusak.yaml", "--format", "xlsx", "-o", "temuan.xlsx", cwd=tmp_path
    )
    assert done.returncode == 2, done.stderr  # rusak.yaml cannot be read
    book = openpyxl.load_workbook(tmp_path / "temuan.xlsx")
    rows = list(book["Temuan"].iter_rows(min_row=2, values_only=True))
    report = pohon.check(pohon.load(tmp_path / "contoh.xlsx"))
    assert len([r for r in rows if r[0] == "contoh.xlsx"]) == len(report)
    broken = [r for r in rows if r[0] == "rusak.yaml"]
    assert len(broken) == 1
    assert broken[0][1] == "3:1"
    assert broken[0][3] == "error"
    assert str(broken[0][2]).startswith("PK0")
    pagu = next(r for r in rows if r[2] == "PK502")
    assert pagu[1].startswith("Pagu!")  # the place: sheet and cell of the workbook
    assert book["Temuan"].freeze_panes == "A2"
    summary = list(book["Ringkasan"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in summary] == ["contoh.xlsx", "rusak.yaml"]
    to_terminal = _pohon("check", "contoh.xlsx", "--format", "xlsx", cwd=tmp_path)
    assert to_terminal.returncode == 2
    assert "-o" in to_terminal.stderr


def test_matrix_workbook_counts_and_pagu(tmp_path: Path) -> None:
    assert _pohon("example", "-o", "contoh.yaml", cwd=tmp_path).returncode == 0
    done = _pohon(
        "matrix", "crosscutting", "contoh.yaml", "-f", "xlsx", "-o", "cc.xlsx", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(tmp_path / "cc.xlsx")
    assert book.sheetnames[0] == "Node"
    assert "Pagu 2025" in book.sheetnames
    assert book.sheetnames[-1] == "Celah"
    matrix = pohon.crosscutting(pohon.example("mojokerto")).matrix()
    counts = book["Node"]
    columns = [c.value for c in counts[2]]
    assert columns[0] == "Sasaran Pemda"
    first = matrix.cells[0]
    row_labels = [r.label for r in matrix.rows]
    column_labels = [c.label for c in matrix.columns]
    row = 3 + row_labels.index(next(r.label for r in matrix.rows if r.id == first.row))
    col = 2 + column_labels.index(next(c.label for c in matrix.columns if c.id == first.column))
    assert counts.cell(row, col).value == first.count
    year = min(first.pagu)
    assert book[f"Pagu {year}"].cell(row, col).value == first.pagu[year]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_any_plan_round_trips_through_its_tables(plan: pohon.Plan) -> None:
    assert pohon.Plan.from_records(**plan.to_tables()) == plan


def test_tables_as_a_notebook_uses_them() -> None:
    pd = pytest.importorskip("pandas")
    plan = pohon.example("mojokerto")
    targets = plan.to_frame("targets")
    assert set(targets.columns) >= {"node", "indicator", "year", "target", "actual"}
    ahh = targets[(targets.indicator == "T2.I1") & (targets.year == 2025)].iloc[0]
    assert ahh.target == plan.node("T2").indicators[0].targets[2025]
    pagu = plan.to_frame("pagu")
    assert pagu.groupby("year").pagu.sum()[2025] == sum(n.pagu.get(2025, 0) for n in plan.nodes)
    # DataFrames go back in as they are, empty cells (NaN) and all.
    tables = {name: pd.DataFrame.from_records(rows) for name, rows in plan.to_tables().items()}
    assert pohon.Plan.from_records(**tables) == plan


def test_from_records_names_what_is_missing() -> None:
    tables = pohon.example("mojokerto").to_tables()
    tables["pagu"] = [*tables["pagu"], {"node": "TIDAK-ADA", "year": 2025, "pagu": 1}]
    with pytest.raises(ValueError, match="TIDAK-ADA"):
        pohon.Plan.from_records(**tables)


def test_a_frame_with_gaps_keeps_its_years_whole() -> None:
    pd = pytest.importorskip("pandas")
    plan = pohon.example("mojokerto")
    tables = plan.to_tables()
    indicators = pd.DataFrame.from_records(tables["indicators"])
    indicators.loc[0, "baseline_year"] = None  # the column becomes floats: 2024.0
    indicators.loc[0, "baseline_value"] = None
    tables["indicators"] = indicators  # type: ignore[assignment]
    back = pohon.Plan.from_records(**tables)
    first = back.nodes[[len(n.indicators) > 0 for n in back.nodes].index(True)].indicators[0]
    assert first.baseline is None
    assert all(type(i.baseline.year) is int for n in back.nodes for i in n.indicators if i.baseline)


def _rezip(data: bytes, part: str, change: Any) -> bytes:
    """The workbook with one part's XML changed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            body = old.read(info.filename)
            new.writestr(info, change(body) if info.filename == part else body)
    return out.getvalue()


def _sheet_part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        book = package.read("xl/workbook.xml").decode()
    import re

    names = re.findall(r'<sheet [^>]*name="([^"]+)"', book)
    return f"xl/worksheets/sheet{names.index(name) + 1}.xml"


def test_a_row_without_its_node_is_reported_not_skipped(example_xlsx: bytes) -> None:
    book = _book(example_xlsx)
    book["Indikator"]["A3"] = None
    said = _error(_save(book))
    assert "rencana.xlsx!Indikator!B3: baris ini berisi nilai tetapi kolom Node-nya kosong" in said


def test_a_stale_sheet_size_does_not_cut_rows(example_xlsx: bytes) -> None:
    import re

    part = _sheet_part(example_xlsx, "Indikator")
    stale = _rezip(
        example_xlsx,
        part,
        lambda xml: re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1:M100"', xml),
    )
    assert read_workbook(stale, "x.xlsx") == pohon.example("mojokerto")


def test_merged_cells_and_formulas_without_values_are_named(example_xlsx: bytes) -> None:
    book = _book(example_xlsx)
    book["Node"].merge_cells("F32:F34")
    book["Pagu"]["B3"] = "=1+1"  # openpyxl stores no value for it, as Excel would
    said = _error(_save(book))
    assert "rencana.xlsx!Node!F32: sel digabung (merge) F32:F34" in said
    assert "rencana.xlsx!Pagu!B3: sel berisi rumus tanpa nilai tersimpan" in said


def test_a_damaged_sheet_is_named_and_the_folder_goes_on(
    tmp_path: Path, example_xlsx: bytes
) -> None:
    part = _sheet_part(example_xlsx, "Node")
    cut = _rezip(example_xlsx, part, lambda xml: xml[: len(xml) // 2])
    (tmp_path / "rusak.xlsx").write_bytes(cut)
    (tmp_path / "baik.yaml").write_text(pohon.dumps(pohon.example("mojokerto")), encoding="utf-8")
    done = _pohon("check", ".", cwd=tmp_path)
    assert done.returncode == 2
    assert "rusak.xlsx!Node: lembar 'Node' rusak" in done.stdout
    assert "baik.yaml:" in done.stdout  # the good plan's findings are still there
    assert "Traceback" not in done.stdout + done.stderr


def test_what_a_cell_cannot_hold_is_refused_when_writing(tmp_path: Path) -> None:
    from pohon.io.workbook import WorkbookWriteError

    plan = pohon.example("mojokerto")
    nodes = list(plan.nodes)
    nodes[1] = nodes[1].model_copy(update={"notes": "x" * 40_000})
    with pytest.raises(WorkbookWriteError, match=r"32\.767"):
        write_workbook(plan.model_copy(update={"nodes": tuple(nodes)}))
    nodes[1] = nodes[1].model_copy(update={"notes": "bel\x07"})
    pohon.dump(plan.model_copy(update={"nodes": tuple(nodes)}), tmp_path / "kendali.yaml")
    done = _pohon("convert", "kendali.yaml", "kendali.xlsx", cwd=tmp_path)
    assert done.returncode == 2
    assert "karakter kendali" in done.stderr
    assert not (tmp_path / "kendali.xlsx").exists()


def test_an_opd_id_that_looks_like_a_formula_stays_text_in_the_lists(tmp_path: Path) -> None:
    plan = pohon.example("mojokerto")
    evil = '=HYPERLINK("http://contoh.invalid/","klik")'
    opds = (plan.opds[0].model_copy(update={"id": evil}), *plan.opds[1:])
    book = _book(write_workbook(plan.model_copy(update={"opds": opds})))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any(c.value == evil for c in cells if c.parent.title == "Daftar")


def test_example_refuses_a_name_it_would_write_wrongly(tmp_path: Path) -> None:
    done = _pohon("example", "-o", "contoh.xls", cwd=tmp_path)
    assert done.returncode == 2
    assert not (tmp_path / "contoh.xls").exists()
    assert _pohon("example", "-o", "contoh.json", cwd=tmp_path).returncode == 0
    assert pohon.load(tmp_path / "contoh.json") == pohon.example("mojokerto")


def test_sarif_and_json_name_the_cell(tmp_path: Path) -> None:
    assert _pohon("example", "-o", "contoh.xlsx", cwd=tmp_path).returncode == 0
    sarif = json.loads(_pohon("check", "contoh.xlsx", "--format", "sarif", cwd=tmp_path).stdout)
    places = [
        loc["logicalLocations"][0]["name"]
        for result in sarif["runs"][0]["results"]
        for loc in result.get("locations", [])
        if "logicalLocations" in loc
    ]
    assert any(name.startswith("Pagu!") for name in places)
    data = json.loads(_pohon("check", "contoh.xlsx", "--format", "json", cwd=tmp_path).stdout)
    cells = [d["location"] for d in data["diagnostics"] if d["node"]]
    assert cells
    assert all(c["sheet"] and c["cell"] and c["line"] is None for c in cells)


def _plain_tables() -> dict[str, list[dict[str, Any]]]:
    """The example's tables without any PK target or realisasi anggaran: a plan as the
    template held before those columns."""
    tables = pohon.example("mojokerto").to_tables()
    for row in tables["targets"]:
        row["pk_target"], row["has_pk_target"] = None, False
    for row in tables["pagu"]:
        row["realisasi_anggaran"] = None
    return tables


def _with_pk_and_spending() -> pohon.Plan:
    """The example with what a year of execution adds: the targets signed in the 2025
    Perjanjian Kinerja (one of them not the Renstra's) and the budget spent in 2025 and 2026
    (on one node a 2026 realisasi with no 2026 pagu)."""
    tables = _plain_tables()
    for k, row in enumerate(tables["targets"]):
        if row["year"] == 2025 and row["has_target"]:
            row["pk_target"] = row["target"]
            row["has_pk_target"] = True
            if k == 0 and isinstance(row["target"], int | float):
                row["pk_target"] = row["target"] + 1
    for row in tables["pagu"]:
        if row["year"] in (2025, 2026):
            row["realisasi_anggaran"] = row["pagu"] * 9 // 10
    tables["pagu"][1]["pagu"] = None
    return pohon.Plan.from_records(**tables)


def test_pk_targets_and_realisasi_anggaran_round_trip_through_a_workbook() -> None:
    plan = _with_pk_and_spending()
    unplanned = [n for n in plan.nodes if 2026 in n.realisasi_anggaran and 2026 not in n.pagu]
    assert len(unplanned) == 1
    data = write_workbook(plan)
    book = _book(data)
    assert "Target PK 2025" in [c.value for c in book["Indikator"][1]]
    pagu_headers = [c.value for c in book["Pagu"][1]]
    assert pagu_headers[:2] == ["Node", "Pagu 2025"]
    assert "Realisasi 2025" in pagu_headers
    guide = {(r[0], r[1]): r[3] for r in book["Petunjuk"].iter_rows(values_only=True)}
    assert "Perjanjian Kinerja" in guide[("Indikator", "Target PK TAHUN")]
    assert "Realisasi anggaran" in guide[("Pagu", "Realisasi TAHUN")]
    back = read_workbook(data, "pk.xlsx")
    assert back == plan
    # XLSX -> YAML -> XLSX -> YAML: the same text, with the new fields in it.
    first = pohon.dumps(back)
    assert "pk_targets:" in first
    assert "realisasi_anggaran:" in first
    again = read_workbook(write_workbook(pohon.loads(first)), "lagi.xlsx")
    assert pohon.dumps(again) == first


def test_an_empty_template_offers_the_pk_and_realisasi_anggaran_columns() -> None:
    book = _book(write_workbook(None, years=[2025, 2026]))
    headers = [c.value for c in book["Indikator"][1]]
    assert headers.index("Target PK 2025") > headers.index("Realisasi 2026")
    assert headers.index("Target PK 2026") < headers.index("Definisi")
    assert [c.value for c in book["Pagu"][1]] == [
        "Node",
        "Pagu 2025",
        "Pagu 2026",
        "Realisasi 2025",
        "Realisasi 2026",
    ]


def _column_of(sheet: Any, header: str) -> str:
    return next(c.column_letter for c in sheet[1] if c.value == header)


def test_a_realisasi_anggaran_cell_shown_in_rupiah_reads_its_number() -> None:
    book = _book(write_workbook(pohon.example("mojokerto")))
    sheet = book["Pagu"]
    cell = sheet[f"{_column_of(sheet, 'Realisasi 2025')}2"]
    cell.value = 1250000
    cell.number_format = '"Rp" #,##0'  # Excel shows Rp 1.250.000 in an Indonesian locale
    plan = read_workbook(_save(book), "realisasi.xlsx")
    assert plan.node(sheet["A2"].value).realisasi_anggaran == {2025: 1250000}


def test_old_templates_without_the_new_columns_read_unchanged() -> None:
    plain = pohon.Plan.from_records(**_plain_tables())
    assert not any(n.realisasi_anggaran for n in plain.nodes)
    book = _book(write_workbook(plain))
    for name, word in (("Indikator", "Target PK "), ("Pagu", "Realisasi ")):
        sheet = book[name]
        for k in sorted(
            (c.column for c in sheet[1] if str(c.value).startswith(word)), reverse=True
        ):
            sheet.delete_cols(k)
    assert not any(str(c.value).startswith("Realisasi") for c in book["Pagu"][1])
    assert read_workbook(_save(book), "lama.xlsx") == plain


def test_a_bad_realisasi_anggaran_is_reported_at_its_cell_never_skipped() -> None:
    book = _book(write_workbook(pohon.example("mojokerto")))
    sheet = book["Pagu"]
    letter = _column_of(sheet, "Realisasi 2025")
    sheet[f"{letter}3"] = "Rp 1.250.000"  # text, not a number: said, never guessed
    sheet[f"{letter}4"] = "belum ada"
    said = _error(_save(book))
    assert f"rencana.xlsx!Pagu!{letter}3: " in said
    assert "'Rp 1.250.000'" in said
    assert f"rencana.xlsx!Pagu!{letter}4: " in said


def test_findings_on_pk_targets_and_realisasi_anggaran_point_at_their_cells() -> None:
    plan = _with_pk_and_spending()
    data = write_workbook(plan)
    back = read_workbook(data, "pk.xlsx")
    book = _book(data)
    spent = next(i for i, n in enumerate(back.nodes) if n.realisasi_anggaran)
    where = back.source.location(spent, field="realisasi_anggaran")
    assert where.sheet == "Pagu"
    pagu = book["Pagu"]
    assert where.cell == f"{_column_of(pagu, 'Realisasi 2025')}{where.cell[1:]}"
    assert pagu[f"A{where.cell[1:]}"].value == back.nodes[spent].id
    assert back.source.location(spent, field="pagu").cell == f"B{where.cell[1:]}"
    signed = next(
        (i, ind) for i, n in enumerate(back.nodes) for ind in n.indicators if ind.pk_targets
    )
    where = back.source.location(signed[0], indicator_id=signed[1].id, field="pk_targets")
    indicators = book["Indikator"]
    letter = _column_of(indicators, "Target PK 2025")
    assert where.sheet == "Indikator"
    assert where.cell.startswith(letter)
    row = int(where.cell[len(letter) :])
    assert indicators[f"B{row}"].value == signed[1].id
    assert indicators[f"{letter}{row}"].value == signed[1].pk_targets[2025]


def test_every_finding_on_a_new_field_names_a_cell_of_its_column(example_xlsx: bytes) -> None:
    book = _book(example_xlsx)
    headers = {
        (name, c.column_letter): str(c.value)
        for name in ("Indikator", "Pagu")
        for c in book[name][1]
    }
    report = pohon.check(read_workbook(example_xlsx, "contoh.xlsx"))
    expected = {
        "pk_targets": ("Indikator", "Target PK "),
        "realisasi_anggaran": ("Pagu", "Realisasi "),
    }
    for d in report:
        if d.field not in expected:
            continue
        sheet, word = expected[d.field]
        letter = d.location.cell.rstrip("0123456789")
        assert d.location.sheet == sheet, d
        assert headers[(sheet, letter)].startswith(word), d
