"""``pohon matrix alignment|crosscutting``, run as a user runs it, in every format."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import pohon
from pohon.analysis import Cell, Header, Matrix
from pohon.findings import Diagnostic, Location
from pohon.render.matrix import (
    alignment_matrix,
    matrix_csv,
    matrix_html,
    matrix_text,
    spreadsheet_safe,
    with_findings,
)

KINDS = ("alignment", "crosscutting")
FORMATS = ("text", "json", "csv", "html")

HOSTILE = """\
pohon: 1
plan:
  id: hostile
  name: "Rencana <b>uji</b> & kawan"
  period: {start: 2025, end: 2029}
  frameworks: [asta-cita-2025, kerangka-antah-berantah]
opds:
  - {id: dinkes, name: "Dinas <script>alert(1)</script> & Kesehatan\\nKota"}
nodes:
  - {id: V1, level: visi, name: Kota sehat, aligns: ["asta-cita-2025:4"]}
  - {id: M1, level: misi, name: Warga sehat, parents: [V1]}
  - {id: T1, level: tujuan, name: Meningkatnya kesehatan, parents: [M1]}
  - id: S1
    level: sasaran
    name: "Meningkatnya <script>alert('x')</script> & \\"gizi\\""
    parents: [T1]
  - {id: TO1, level: tujuan_opd, name: Meningkatnya gizi, parents: [S1], opd: dinkes}
"""
"""A plan whose names carry markup, an ampersand, a quote and a line break, and which
names a framework pohon does not know."""


def run(*args: str, cwd: Path | None = None) -> Any:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("POHON_", "NO_COLOR"))}
    environment["PYTHONIOENCODING"] = "utf-8"
    proc = subprocess.run(
        [sys.executable, "-m", "pohon", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=environment,
        timeout=300,
        check=False,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stdout
    return proc


@pytest.fixture(scope="module")
def example_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("matrix")
    proc = run("example", "mojokerto", "-o", "mojokerto.yaml", cwd=folder)
    assert proc.returncode == 0, proc.stderr
    return folder / "mojokerto.yaml"


@pytest.fixture(scope="module")
def outputs(example_file: Path) -> dict[tuple[str, str], str]:
    """Every matrix of the example in every format (each run must succeed)."""
    out = {}
    for kind in KINDS:
        for fmt in FORMATS:
            proc = run("matrix", kind, example_file.name, "--format", fmt, cwd=example_file.parent)
            assert proc.returncode == 0, (kind, fmt, proc.stderr)
            assert proc.stderr == ""
            out[(kind, fmt)] = proc.stdout
    return out


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def group_totals(text: str, framework: str) -> dict[str, int]:
    """Item → total of the rows under one framework's heading in the text table."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if f"[{framework}]" in line)
    totals = {}
    for line in lines[start + 1 :]:
        if not line.startswith("  "):
            break
        fields = line.split()
        totals[fields[0]] = int(fields[-1])
    return totals


# -- text ---------------------------------------------------------------------------------------


def test_alignment_text_tells_the_story(outputs: dict[tuple[str, str], str]) -> None:
    text = outputs[("alignment", "text")]
    lines = text.splitlines()
    assert lines[0].startswith("Matriks keselarasan: ")
    header = next(line for line in lines if line.startswith("Butir kerangka"))
    assert "Cakupan" in header
    assert header.split()[-1] == "Jumlah"
    for opd in ("pemda", "dinkes", "dikbud", "diskopukmperindag", "satpolpp"):
        assert f" {opd} " in header
    # Asta Cita 5 has no support at all: coverage kosong, a zero total, and a gap.
    asta = group_totals(text, "asta-cita-2025")
    assert asta["5"] == 0
    row = next(line for line in lines if line.startswith("  5 Hilirisasi"))
    assert row.split()[-2:] == ["kosong", "0"]
    gaps = lines[lines.index(next(line for line in lines if line.startswith("Celah"))) :]
    assert any("[PK304 item-without-support]" in g and "Hilirisasi" in g for g in gaps)
    # Panca Cita 2 has fewer supporting nodes than any other Panca Cita item.
    panca = group_totals(text, "panca-cita-mojokerto-2025")
    assert set(panca) == {"1", "2", "3", "4", "5"}
    assert all(panca["2"] < n for item, n in panca.items() if item != "2")
    # The legend names the OPDs below the table.
    assert any(line.split() == ["dinkes", "Dinas", "Kesehatan"] for line in lines)
    assert "Cakupan: langsung = " in text


def test_crosscutting_text_tells_the_story(outputs: dict[tuple[str, str], str]) -> None:
    text = outputs[("crosscutting", "text")]
    lines = text.splitlines()
    assert lines[0].startswith("Matriks crosscutting: ")
    header = next(line for line in lines if line.startswith("Sasaran"))
    assert header.split()[-1] == "Jumlah"
    assert any(line.startswith("S1: ") for line in lines)
    absent = [line for line in lines if "[PK402 crosscutting-opd-absent]" in line]
    # The sasaran is named as the planner knows it: level and name, not the id; the OPD by
    # the singkatan the plan gives it.
    assert any(
        "Disperkim" in line and 'Sasaran Perangkat Daerah "Menurunnya angka kematian' in line
        for line in absent
    )
    duplicates = [line for line in lines if "[PK406 duplicate-kode-across-opds]" in line]
    assert any(
        "Program 3.30.04" in line and "DKPP" in line and "Diskopukmperindag" in line
        for line in duplicates
    )
    assert any(line.startswith("Celah (") for line in lines)


def test_english(example_file: Path) -> None:
    proc = run("matrix", "alignment", example_file.name, "--lang", "en", cwd=example_file.parent)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Alignment matrix: ")
    assert "Coverage" in proc.stdout
    assert "is supported by no node" in proc.stdout
    assert "tidak didukung" not in proc.stdout
    assert "Gaps (" in proc.stdout
    row = next(line for line in proc.stdout.splitlines() if line.startswith("  5 Hilirisasi"))
    assert row.split()[-2:] == ["none", "0"]
    cross = run(
        "matrix", "crosscutting", example_file.name, "--lang", "en", cwd=example_file.parent
    )
    assert cross.returncode == 0, cross.stderr
    assert "owns no node below it" in cross.stdout
    assert "uses kode 3.30.04" in cross.stdout
    assert "Celah" not in cross.stdout


def test_text_shows_line_breaks_and_unknown_frameworks(hostile_file: Path) -> None:
    proc = run("matrix", "alignment", hostile_file.name, cwd=hostile_file.parent)
    assert proc.returncode == 0, proc.stderr
    assert "Kesehatan\\nKota" in proc.stdout
    gap = next(line for line in proc.stdout.splitlines() if "[PK303 unknown-framework]" in line)
    assert "kerangka-antah-berantah" in gap
    cross = run("matrix", "crosscutting", hostile_file.name, cwd=hostile_file.parent)
    assert cross.returncode == 0, cross.stderr
    assert "Kesehatan\\nKota" in cross.stdout


def test_text_wraps_to_a_width() -> None:
    plan = pohon.example("mojokerto")
    result = pohon.alignment(plan)
    matrix = alignment_matrix(result, opd_names={o.id: o.name for o in plan.opds})
    text = matrix_text(matrix, width=80)
    table = text.split("\n\nCakupan:")[0].splitlines()[2:]
    assert table
    assert all(len(line) <= 80 for line in table), max(table, key=len)
    heads = [line for line in table if line.startswith("Butir kerangka")]
    assert len(heads) > 1, "the columns are split into several blocks"
    for column in matrix.columns:
        assert any(f" {column.id}" in head for head in heads)
    assert heads[-1].split()[-1] == "Jumlah"


def test_long_labels_are_cut() -> None:
    long = "Meningkatnya " + "kualitas pelayanan publik " * 6
    matrix = Matrix(
        "m",
        rows=(Header("S1", f"S1: {long}"),),
        columns=(Header("dinkes", "Dinas Kesehatan"),),
        cells=(Cell("S1", "dinkes", ("A", "B")),),
    )
    line = next(line for line in matrix_text(matrix).splitlines() if line.startswith("S1:"))
    label = line.split("…")[0]
    assert len(label) < len(long)
    assert line.split()[-2:] == ["2", "2"]


def test_crosswalk_rows_are_marked() -> None:
    rows = (
        Header(
            "a:1",
            "Kerangka A 1: Sehat",
            {
                "framework": "a",
                "item": "1",
                "name": "Sehat",
                "required": True,
                "coverage": "direct",
            },
        ),
        Header(
            "b:1",
            "Kerangka B 1: Bugar",
            {
                "framework": "b",
                "item": "1",
                "name": "Bugar",
                "required": False,
                "coverage": "crosswalk",
                "derived_from": ["a:1"],
            },
        ),
    )
    matrix = Matrix(
        "m",
        rows=rows,
        columns=(Header("pemda", "Pemda", {"kind": "pemda"}),),
        cells=(Cell("a:1", "pemda", ("T1",)),),
    )
    text = matrix_text(matrix)
    assert "Kerangka B [b]: 1 dari 1 butir didukung (hanya lewat crosswalk)" in text
    row = next(line for line in text.splitlines() if "Bugar" in line)
    assert "*" in row
    assert row.split()[-2:] == ["crosswalk", "0"]
    assert "* kerangka yang dicapai hanya lewat crosswalk" in text
    english = matrix_text(matrix, lang="en")
    assert "(reached only through crosswalks)" in english
    html = matrix_html(matrix)
    assert 'title="b:1 ← a:1"' in html


# -- json ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_json_contract(kind: str, outputs: dict[tuple[str, str], str], example_file: Path) -> None:
    data = json.loads(outputs[(kind, "json")])
    assert set(data) == {"title", "rows", "columns", "cells", "gaps"}
    rows = [r["id"] for r in data["rows"]]
    columns = [c["id"] for c in data["columns"]]
    assert len(set(rows)) == len(rows)
    assert len(set(columns)) == len(columns)
    assert all(isinstance(r["label"], str) for r in data["rows"] + data["columns"])
    assert data["cells"]
    for cell in data["cells"]:
        assert cell["row"] in rows
        assert cell["column"] in columns
        assert cell["count"] == len(cell["nodes"]) > 0
        assert all(year.isdigit() for year in cell["pagu"])
    # The gaps are the findings of the rules of the matrix's family, as `pohon check` says them.
    family = "PK3" if kind == "alignment" else "PK4"
    assert data["gaps"]
    for gap in data["gaps"]:
        assert {"code", "slug", "severity", "message", "hint", "location"} <= set(gap)
        assert gap["code"].startswith(family)
    plan = pohon.load(example_file)
    findings = pohon.check(plan, select=kind).diagnostics
    if kind == "alignment":
        expected = alignment_matrix(
            pohon.alignment(plan), opd_names={o.id: o.name for o in plan.opds}, findings=findings
        ).to_dict()
        assert {c["id"]: c["label"] for c in data["columns"]}["dinkes"] == "Dinas Kesehatan"
    else:
        expected = with_findings(pohon.crosscutting(plan).matrix(), findings).to_dict()
    # The CLI names the file as given (relative); the API as loaded (absolute).
    for gap in [*data["gaps"], *expected["gaps"]]:
        gap["location"].pop("file")
    assert data == json.loads(json.dumps(expected))
    assert "\\u" not in outputs[(kind, "json")], "text is kept as written"
    again = run("matrix", kind, example_file.name, "-f", "json", cwd=example_file.parent)
    assert again.stdout == outputs[(kind, "json")], "the same input gives the same bytes"


def test_json_lists_unknown_frameworks(hostile_file: Path) -> None:
    proc = run("matrix", "alignment", hostile_file.name, "-f", "json", cwd=hostile_file.parent)
    assert proc.returncode == 0, proc.stderr
    gaps = json.loads(proc.stdout)["gaps"]
    unknown = [g for g in gaps if g["code"] == "PK303"]
    assert unknown, gaps
    assert "kerangka-antah-berantah" in unknown[0]["message"]


# -- csv ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_csv_is_one_table(kind: str, outputs: dict[tuple[str, str], str]) -> None:
    text = outputs[(kind, "csv")]
    assert not text.startswith("\ufeff"), "no BOM"
    table = list(csv.reader(io.StringIO(text)))
    data = json.loads(outputs[(kind, "json")])
    columns = [c["id"] for c in data["columns"]]
    assert table[0] == ["id", "label", *columns, "total"]
    assert len(table) == len(data["rows"]) + 1
    counts = {(c["row"], c["column"]): c["count"] for c in data["cells"]}
    for line, row in zip(table[1:], data["rows"], strict=True):
        assert line[0] == row["id"]
        assert line[1] == row["label"]
        values = line[2:-1]
        assert len(values) == len(columns)
        for column, value in zip(columns, values, strict=True):
            assert value == str(counts.get((row["id"], column), ""))
        assert int(line[-1]) == sum(int(v) for v in values if v)


def test_csv_neutralises_formulas() -> None:
    for text in ('=HYPERLINK("http://x")', "+1", "-1", "@SUM(A1)"):
        assert spreadsheet_safe(text) == "'" + text
    assert spreadsheet_safe("S1: =1+1") == "S1: =1+1"
    matrix = Matrix(
        "m",
        rows=(Header("=cmd", "=1+1"), Header("ok", "@hitung")),
        columns=(Header("-x", "Dinas"),),
        cells=(Cell("=cmd", "-x", ("A",)),),
    )
    table = list(csv.reader(io.StringIO(matrix_csv(matrix))))
    assert table == [
        ["id", "label", "'-x", "total"],
        ["'=cmd", "'=1+1", "1", "1"],
        ["ok", "'@hitung", "", "0"],
    ]


# -- html ---------------------------------------------------------------------------------------

VOID = {"meta", "br", "hr", "img", "link", "input"}


class _Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.tags.append(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, tag
        assert self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()


def check_html(text: str) -> _Balance:
    assert text.startswith("<!doctype html>")
    assert '<meta charset="utf-8">' in text
    assert text.rstrip().endswith("</html>")
    parser = _Balance()
    parser.feed(text)
    parser.close()
    assert parser.stack == []
    assert "script" not in parser.tags
    return parser


@pytest.mark.parametrize("kind", KINDS)
def test_html_page(kind: str, outputs: dict[tuple[str, str], str]) -> None:
    text = outputs[(kind, "html")]
    parser = check_html(text)
    assert {"table", "thead", "tbody", "th", "td", "ul", "li", "style"} <= set(parser.tags)
    assert 'title="Dinas Kesehatan">dinkes</th>' in text
    assert "P-DKPP-3.30.04" in text or kind == "alignment"


@pytest.mark.parametrize("kind", KINDS)
def test_html_escapes_every_label(kind: str, hostile_file: Path) -> None:
    proc = run("matrix", kind, hostile_file.name, "-f", "html", cwd=hostile_file.parent)
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout
    check_html(text)
    assert "<script" not in text.lower()
    assert "<b>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Kesehatan" in text
    if kind == "crosscutting":
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;gizi&quot;" in text
    assert "Rencana &lt;b&gt;uji&lt;/b&gt; &amp; kawan" in text


def test_html_english(example_file: Path) -> None:
    proc = run(
        "matrix",
        "crosscutting",
        example_file.name,
        "-f",
        "html",
        "--lang",
        "en",
        cwd=example_file.parent,
    )
    assert proc.returncode == 0, proc.stderr
    assert '<html lang="en">' in proc.stdout
    assert "owns no node below it" in proc.stdout


# -- options and errors -------------------------------------------------------------------------


def test_output_file(example_file: Path) -> None:
    proc = run(
        "matrix",
        "crosscutting",
        example_file.name,
        "-f",
        "csv",
        "-o",
        "cc.csv",
        cwd=example_file.parent,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert "cc.csv ditulis." in proc.stderr
    written = (example_file.parent / "cc.csv").read_text(encoding="utf-8")
    assert written.startswith("id,label,")


def test_frameworks_option(example_file: Path) -> None:
    proc = run(
        "matrix",
        "alignment",
        example_file.name,
        "-f",
        "json",
        "--frameworks",
        "asta-cita-2025",
        cwd=example_file.parent,
    )
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)["rows"]
    required = {r["framework"] for r in rows if r["required"]}
    assert required == {"asta-cita-2025"}


def test_unknown_framework_option(example_file: Path) -> None:
    proc = run(
        "matrix",
        "alignment",
        example_file.name,
        "--frameworks",
        "asta-cita-2025,cita-nusantara",
        cwd=example_file.parent,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "'cita-nusantara' tidak dikenal" in proc.stderr
    assert "asta-cita-2025" in proc.stderr, "the message lists the known frameworks"
    empty = run(
        "matrix", "alignment", example_file.name, "--frameworks", ",", cwd=example_file.parent
    )
    assert empty.returncode == 2
    assert "--frameworks" in empty.stderr


def test_frameworks_only_for_alignment(example_file: Path) -> None:
    proc = run(
        "matrix",
        "crosscutting",
        example_file.name,
        "--frameworks",
        "asta-cita-2025",
        cwd=example_file.parent,
    )
    assert proc.returncode == 2


@pytest.mark.parametrize("kind", KINDS)
def test_missing_file(kind: str, tmp_path: Path) -> None:
    proc = run("matrix", kind, "tidak-ada.yaml", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "tidak-ada.yaml" in proc.stderr
    assert "tidak ditemukan" in proc.stderr
    english = run("matrix", kind, "tidak-ada.yaml", "--lang", "en", cwd=tmp_path)
    assert english.returncode == 2
    assert "file not found" in english.stderr


def test_unreadable_inputs(tmp_path: Path) -> None:
    (tmp_path / "rusak.yaml").write_text("plan: [tidak, lengkap\n", encoding="utf-8")
    proc = run("matrix", "crosscutting", "rusak.yaml", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("pohon: rusak.yaml")
    folder = run("matrix", "alignment", ".", cwd=tmp_path)
    assert folder.returncode == 2
    assert "bukan folder" in folder.stderr


def test_usage_errors(example_file: Path) -> None:
    assert run("matrix").returncode == 2
    assert run("matrix", "pagu", example_file.name).returncode == 2
    bad = run("matrix", "alignment", str(example_file), "--format", "xlsx")
    assert bad.returncode == 2
    help_text = run("matrix", "alignment", "--help")
    assert help_text.returncode == 0
    assert "--frameworks" in help_text.stdout
    assert "Excel" in help_text.stdout


def test_gap_list_kinds() -> None:
    gap = Diagnostic(
        "PK401", "sasaran-without-opd", "error", "x", None, "message <i>", "", Location()
    )
    matrix = Matrix("m", rows=(), columns=(), cells=(), gaps=(gap,))
    text = matrix_text(matrix, lang="en")
    assert "(no rows)" in text
    assert "  - [PK401 sasaran-without-opd] message <i>" in text
    assert "message &lt;i&gt;" in matrix_html(matrix, lang="en")
