"""``pohon capaian`` and ``pohon pk`` as a planner runs them, the diagrams coloured by
predikat, and the capaian section of the HTML report."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import pohon
from pohon.analysis import perjanjian_kinerja
from pohon.cli import main
from pohon.render.html_report import ReportPart, html_report
from pohon.render.pk import pk_html

HOSTILE = """\
pohon: 1
plan: {id: jahat, name: "Rencana <b>uji</b>", pemda: "Kota <script>alert(1)</script>", period: {start: 2025, end: 2029}}
opds:
  - {id: dinkes, name: "Dinas <script>alert(2)</script> Kesehatan"}
nodes:
  - {id: V1, level: visi, name: Kota sehat}
  - {id: M1, level: misi, name: Warga sehat, parents: [V1]}
  - {id: T1, level: tujuan, name: Tujuan, parents: [M1]}
  - {id: S1, level: sasaran, name: Sasaran, parents: [T1]}
  - {id: TO1, level: tujuan_opd, name: Tujuan Dinkes, parents: [S1], opd: dinkes}
  - id: SO1
    level: sasaran_opd
    name: "Meningkatnya <img src=x onerror=alert(3)> & \\"gizi\\""
    parents: [TO1]
    opd: dinkes
    indicators:
      - {id: SO1.I, name: "=HYPERLINK(\\"http://x\\")", satuan: "<i>%</i>", targets: {2025: 80}, actuals: {2025: 76}}
  - {id: P1, level: program, name: "Program </td></tr></table>", parents: [SO1], opd: dinkes, kode: "1.02.02", pagu: {2025: 1000000}, realisasi_anggaran: {2025: 900000}}
"""


@pytest.fixture(scope="module")
def example_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("capaian") / "mojokerto.yaml"
    path.write_text(pohon.dumps(pohon.example("mojokerto")), encoding="utf-8")
    return path


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    path = tmp_path / "jahat.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


class _Scripts(HTMLParser):
    """Every element and attribute of a page, to prove nothing from the data is markup."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]


def _parsed(page: str) -> _Scripts:
    parser = _Scripts()
    parser.feed(page)
    return parser


def test_capaian_text_names_figures_with_a_comma(
    example_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["capaian", str(example_file), "--year", "2025"]) == 0
    out = capsys.readouterr().out
    assert "Capaian indikator" in out
    assert "Capaian node" in out
    # Angka Kematian Ibu: target 95, realisasi 101,2, lower is better -> 93,47.
    line = next(line for line in out.splitlines() if "Angka Kematian Ibu" in line)
    assert re.search(r"95\s+101,2\s+93,47", line), line


def test_capaian_json_is_the_contract(
    example_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["capaian", str(example_file), "--format", "json", "--opd", "dinkes"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["opd"] == "dinkes"
    for row in data["indicators"]:
        assert {"node", "indicator", "year", "target", "realisasi", "capaian", "predikat"} <= set(
            row
        )
    assert all({"node", "year", "capaian", "predikat"} <= set(row) for row in data["nodes"])


def test_capaian_csv_and_html_are_safe(
    hostile_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["capaian", str(hostile_file), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["name"].startswith("'=HYPERLINK")  # never a live formula
    assert rows[0]["capaian"] == "95"
    assert main(["capaian", str(hostile_file), "--format", "html"]) == 0
    page = capsys.readouterr().out
    parsed = _parsed(page)
    assert "script" not in parsed.tags
    assert "img" not in parsed.tags
    assert "i" not in parsed.tags
    assert parsed.handlers == []
    assert "&lt;img src=x onerror=alert(3)&gt;" in page


def test_capaian_xlsx_holds_numbers(example_file: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "capaian.xlsx"
    assert main(["capaian", str(example_file), "-f", "xlsx", "-o", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    sheet = book["Indikator"]
    header = [c.value for c in sheet[1]]
    column = header.index("Capaian (%)")
    values = [row[column].value for row in sheet.iter_rows(min_row=2)]
    assert values
    assert all(isinstance(v, float | int) for v in values if v is not None)
    assert {"Indikator", "Node", "Anggaran"} <= set(book.sheetnames)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--format", "xlsx"], "beri -o"),
        (["--opd", "dinas-gaib"], "tidak ada di rencana ini"),
        (["--year", "2031"], "di luar periode"),
        (["--skala", "skala-tidak-ada.yaml"], "bukan berkas dan bukan skala bawaan"),
        (["--batas", "50"], "100 atau lebih"),
        (["--year", "duaribu"], "harus tahun"),
    ],
)
def test_capaian_misuse_is_exit_2_in_indonesian(
    example_file: Path, args: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["capaian", str(example_file), *args]) == 2
    err = capsys.readouterr().err
    assert words in err
    assert "Traceback" not in err


def test_capaian_never_overwrites_its_input(
    example_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = example_file.read_bytes()
    assert main(["capaian", str(example_file), "-o", str(example_file), "--force"]) == 2
    assert example_file.read_bytes() == before
    capsys.readouterr()


# -- the Perjanjian Kinerja --------------------------------------------------------------------


def test_pk_page_of_an_opd(example_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "pk.html"
    assert main(["pk", str(example_file), "--opd", "dinkes", "--year", "2025", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Perjanjian Kinerja Tahun 2025" in page
    assert "Kepala Dinas Kesehatan" in page
    assert "Wali Kota Mojokerto" in page
    # Names and NIP are blanks to fill, never invented: two Nama rows, one NIP row for the
    # OPD head (an elected Wali Kota has none) plus the NIP line under the signature.
    assert page.count("<td>Nama</td>") == 2
    assert page.count("<td>NIP</td>") == 1
    assert "Lampiran Perjanjian Kinerja Tahun 2025" in page
    assert "1.02.02" in page
    assert "Jumlah" in page
    pk = perjanjian_kinerja(pohon.example("mojokerto"), opd="dinkes", year=2025)
    total = sum(p.anggaran for p in pk.programs if p.anggaran is not None)
    assert pk.total == total
    assert f"Rp {int(total):,}".replace(",", ".") in page


def test_pk_of_the_head_of_region_and_json(
    example_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pk", str(example_file), "--year", "2025", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["opd"] is None
    assert data["pihak_pertama"] == "Wali Kota Mojokerto"
    assert data["sasaran"]
    assert all(s["targets"] for s in data["sasaran"])


def test_pk_shows_where_it_differs_from_the_renstra() -> None:
    plan = pohon.loads(
        HOSTILE.replace("targets: {2025: 80}", "targets: {2025: 80}, pk_targets: {2025: 75}"),
        format="yaml",
    )
    pk = perjanjian_kinerja(plan, opd="dinkes", year=2025)
    target = pk.sasaran[0].targets[0]
    assert (target.target, target.renstra, target.differs) == (75, 80, True)
    assert "Renstra: 80" in pk_html(pk)


def test_pk_page_is_safe(hostile_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "pk.html"
    assert main(["pk", str(hostile_file), "--opd", "dinkes", "--year", "2025", "-o", str(out)]) == 0
    parsed = _parsed(out.read_text(encoding="utf-8"))
    assert "script" not in parsed.tags
    assert "img" not in parsed.tags
    assert parsed.handlers == []


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--opd", "dinas-gaib", "--year", "2025"], "tidak ada di rencana ini"),
        (["--opd", "dinkes", "--year", "2040"], "di luar periode"),
        (["--opd", "dinkes", "--year", "2025", "--format", "xlsx"], "beri -o"),
        (["--opd", "dinkes"], "--year"),
    ],
)
def test_pk_misuse_is_exit_2(
    example_file: Path, args: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pk", str(example_file), *args]) == 2
    assert words in capsys.readouterr().err


def test_pk_workbook(example_file: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "pk.xlsx"
    assert main(["pk", str(example_file), "--opd", "dinkes", "--year", "2025", "-o", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    programs = [row for row in book["Program"].iter_rows(min_row=2, values_only=True)]
    assert programs[-1][1] == "Jumlah"
    assert programs[-1][2] == sum(row[2] for row in programs[:-1] if row[2] is not None)


# -- pictures --------------------------------------------------------------------------------


def test_diagram_coloured_by_predikat() -> None:
    plan = pohon.example("mojokerto")
    drawing = pohon.diagram(plan, opd="dinkes", color_by="capaian", findings=False)
    result = pohon.capaian(plan, year=2025)
    scale = result.scale
    for node_id, name in ((n, d) for d, n in drawing.names.items()):
        row = result.node(node_id, 2025)
        statement = next(
            line for line in drawing.source.splitlines() if line.startswith(f"  {name} [")
        )
        fill = re.search(r'fillcolor="([^"]+)"', statement)
        assert fill is not None
        if row is None or row.capaian is None:
            assert fill.group(1) == "#eeeeee"
        else:
            assert fill.group(1) == scale.band(row.capaian).color
            assert "capaian 2025:" in statement
    assert "belum terukur" in drawing.source or all(
        result.node(n, 2025) is not None for n in drawing.names.values()
    )


def test_report_has_a_capaian_section() -> None:
    plan = pohon.example("mojokerto")
    page = html_report([ReportPart(plan)])
    assert "<h3>Capaian kinerja</h3>" in page
    empty = plan.model_copy(
        update={
            "nodes": tuple(
                n.model_copy(
                    update={
                        "indicators": tuple(
                            i.model_copy(update={"actuals": {}}) for i in n.indicators
                        ),
                        "realisasi_anggaran": {},
                    }
                )
                for n in plan.nodes
            )
        }
    )
    assert "<h3>Capaian kinerja</h3>" not in html_report([ReportPart(empty)])


@pytest.mark.parametrize(
    ("args", "name", "words"),
    [
        ([], "capaian.html", None),
        ([], "capaian.json", None),
        (["-f", "xlsx"], "capaian.html", "tidak cocok dengan akhiran"),
        ([], "capaian.pdf", "tidak menyebut format keluaran"),
    ],
)
def test_capaian_format_follows_the_output_ending(
    example_file: Path,
    tmp_path: Path,
    args: list[str],
    name: str,
    words: str | None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / name
    status = main(["capaian", str(example_file), *args, "-o", str(out)])
    if words is None:
        assert status == 0
        text = out.read_text(encoding="utf-8")
        assert text.startswith("<!doctype html>") if name.endswith(".html") else json.loads(text)
    else:
        assert status == 2
        assert words in capsys.readouterr().err
        assert not out.exists()


def test_pk_refuses_an_ending_of_another_format(
    example_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, args in (("pk.txt", []), ("pk.html", ["-f", "xlsx"])):
        out = tmp_path / name
        assert main(["pk", str(example_file), "--year", "2025", *args, "-o", str(out)]) == 2
        assert not out.exists()
    capsys.readouterr()


def test_render_refuses_a_scale_without_capaian_colours(
    example_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.svg"
    assert main(["render", str(example_file), "--skala", "dasbor", "-o", str(out)]) == 2
    assert "--color-by capaian" in capsys.readouterr().err


def test_a_cascade_cycle_is_named_not_silently_dropped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lingkaran.yaml"
    path.write_text(
        "pohon: 1\n"
        "plan: {id: c, name: C, pemda: Kota Uji, period: {start: 2025, end: 2029}}\n"
        "nodes:\n"
        "  - {id: V1, level: visi, name: Kota Uji}\n"
        "  - {id: M1, level: misi, name: Misi, parents: [V1]}\n"
        "  - {id: T1, level: tujuan, name: Tujuan, parents: [M1], indicators: "
        "[{id: T1.I, name: A, targets: {2025: 100}, actuals: {2025: 90}}]}\n"
        "  - {id: S1, level: sasaran, name: Sasaran, parents: [T1, S1], indicators: "
        "[{id: S1.I, name: B, targets: {2025: 100}, actuals: {2025: 80}}]}\n",
        encoding="utf-8",
    )
    result = pohon.capaian(pohon.load(path))
    assert result.not_rolled == ("S1",)
    row = result.node("S1", 2025)
    assert row is not None
    assert row.own == 80
    t1 = result.node("T1", 2025)
    assert t1 is not None
    assert t1.children is None  # nothing from the cycle reaches T1
    assert main(["capaian", str(path)]) == 0
    assert "lingkaran cascading (PK103): S1" in capsys.readouterr().out


def test_english_output_names_the_bands_in_english(
    example_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["capaian", str(example_file), "--opd", "dinkes", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if "Persentase balita stunting" in line)
    assert line.rstrip().endswith("64.77  Low")
    assert "Sangat Tinggi" not in out


def test_a_usage_error_is_said_in_the_language_asked_for(
    example_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("POHON_LANG", raising=False)
    assert main(["capaian", str(example_file), "--year", "duaribu", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "error: argument --year: must be a year, not 'duaribu'" in err
    assert "harus" not in err
    assert main(["capaian", str(example_file), "--lang=en", "--year", "1800"]) == 2
    assert "must be a year 1945-2100, not 1800" in capsys.readouterr().err
    monkeypatch.setenv("POHON_LANG", "en")
    assert main(["render", str(example_file), "--depth", "-1", "-o", "x.svg"]) == 2
    assert "must be 0 or more, not -1" in capsys.readouterr().err
    # --lang on the command line wins over POHON_LANG.
    assert main(["capaian", str(example_file), "--year", "abc", "--lang", "id"]) == 2
    assert "kesalahan: opsi --year: harus tahun, bukan 'abc'" in capsys.readouterr().err


def test_a_surplus_argument_shows_the_usage_of_its_command(
    example_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("POHON_LANG", raising=False)
    assert main(["diff", str(example_file), str(example_file), "ketiga.yaml"]) == 2
    err = capsys.readouterr().err
    assert "pemakaian: pohon diff" in err
    assert "pohon diff: kesalahan: argumen tidak dikenal: ketiga.yaml" in err
    assert main(["diff", str(example_file), str(example_file), "c.yaml", "--lang", "en"]) == 2
    assert "pohon diff: error: unrecognised arguments: c.yaml" in capsys.readouterr().err
