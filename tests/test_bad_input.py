"""Malformed input: every bad file gives a :class:`pohon.LoadError`, never another exception.

Each error names the line (or key path) of the problem and says what is wrong, in
Indonesian (``str(err)``) and in English (``err.format("en")``). The command line turns the
same errors into exit code 2 without a traceback.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import textwrap
import time
import tracemalloc
from pathlib import Path

import pytest

import pohon
from pohon import LoadError
from pohon.io import Problem

REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "real"

HEADER = """\
pohon: 1
plan:
  id: uji-masukan
  name: Rencana uji masukan
  pemda: Kota Uji
  period: {start: 2025, end: 2029}
opds:
  - {id: dinkes, name: Dinas Kesehatan, kode: "1.02.0.00.0.00.01.0000"}
nodes:
"""

GOOD_NODES = """\
  - id: V1
    level: visi
    name: Kota Uji yang sehat
  - id: M1
    level: misi
    name: Meningkatkan layanan dasar
    parents: [V1]
  - id: T1
    level: tujuan
    name: Meningkatnya derajat kesehatan masyarakat
    parents: [M1]
    indicators:
      - id: T1.I1
        name: Angka Harapan Hidup
        satuan: tahun
        baseline: {year: 2024, value: 73.36}
        targets: {2025: 73.5, 2026: 73.6, 2027: 73.7, 2028: 73.8, 2029: 74.0}
"""

GOOD = HEADER + GOOD_NODES


def with_indicator(extra: str) -> str:
    """A valid plan whose tujuan indicator gets ``extra`` (indented YAML lines) appended."""
    return GOOD + textwrap.indent(textwrap.dedent(extra), " " * 8)


def line_of(text: str, needle: str, start: int = 1) -> int:
    """1-based number of the first line at or after ``start`` that contains ``needle``."""
    for number, line in enumerate(text.split("\n"), start=1):
        if number >= start and needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text")


def write(tmp_path: Path, content: str | bytes, name: str = "rencana.yaml") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def load_error(path: Path) -> LoadError:
    """The LoadError that loading ``path`` raises (any other outcome fails the test)."""
    with pytest.raises(LoadError) as info:
        pohon.load(path)
    err = info.value
    assert err.problems, "a LoadError must list at least one problem"
    assert all(isinstance(p, Problem) for p in err.problems)
    return err


def load_or_error(path: Path) -> pohon.Plan | LoadError:
    """The plan, or the LoadError, for tests where either outcome can be right."""
    try:
        return pohon.load(path)
    except LoadError as exc:
        return exc


def only(err: LoadError) -> Problem:
    assert len(err.problems) == 1, err.format("en")
    return err.problems[0]


def assert_says(err: LoadError, ind: list[str], en: list[str], path: Path | None = None) -> None:
    """The Indonesian and English texts both name the file and say what is wrong."""
    text_id = str(err)
    text_en = err.format("en")
    assert text_id != text_en, "the Indonesian and English messages must differ"
    if path is not None:
        assert str(path) in text_id
        assert str(path) in text_en
    for word in ind:
        assert word.lower() in text_id.lower(), f"{word!r} not in {text_id!r}"
    for word in en:
        assert word.lower() in text_en.lower(), f"{word!r} not in {text_en!r}"
    assert "Traceback" not in text_id


def test_the_good_plan_loads(tmp_path: Path) -> None:
    plan = pohon.load(write(tmp_path, GOOD))
    assert [n.id for n in plan.nodes] == ["V1", "M1", "T1"]


# -- not a plan at all ----------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, b"")
    err = load_error(path)
    assert_says(err, ["kosong"], ["empty"], path)


@pytest.mark.parametrize(
    "content",
    ["   \n\n\t\n", "# hanya komentar\n   # komentar lagi\n\n", "---\n# komentar\n...\n"],
    ids=["whitespace", "comments", "empty-document"],
)
def test_only_whitespace_or_comments(tmp_path: Path, content: str) -> None:
    path = write(tmp_path, content)
    err = load_error(path)
    # Either "the file is empty" or "the top of the file must be a mapping; found nothing".
    assert_says(err, ["kosong"], [], path)
    assert "empty" in err.format("en") or "nothing" in err.format("en")


def test_prose_with_a_colon_in_the_wrong_place(tmp_path: Path) -> None:
    text = (
        "Catatan rapat Bappeda\n"
        "Hadir: Kepala Dinas Kesehatan, Sekretaris: Bapak Budi\n"
        "Hasil: target AHH naik\n"
    )
    path = write(tmp_path, text)
    err = load_error(path)
    problem = only(err)
    assert problem.line == 2
    assert_says(err, ["YAML tidak valid"], ["invalid YAML"], path)


def test_unbalanced_brackets(tmp_path: Path) -> None:
    text = HEADER + "  - {id: V1, level: visi, name: Visi, parents: [\n  - {id: M1}\n"
    path = write(tmp_path, text)
    err = load_error(path)
    problem = only(err)
    assert problem.line is not None
    assert line_of(text, "V1") <= problem.line <= len(text.split("\n"))
    assert_says(err, ["YAML tidak valid"], ["invalid YAML"], path)


def test_unbalanced_json(tmp_path: Path) -> None:
    plan = json.loads(pohon.dumps(pohon.loads(GOOD), format="json"))
    text = json.dumps(plan, indent=2)[:-40]
    path = write(tmp_path, text, "rencana.json")
    err = load_error(path)
    assert_says(err, ["JSON tidak valid"], ["invalid JSON"], path)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
XLSX = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xe8\x8c\x8a[Content_Types].xml"


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (PNG, "rencana.yaml"),
        (XLSX, "rencana.yaml"),
        (XLSX, "rencana.json"),
    ],
    ids=["png", "xlsx-as-yaml", "xlsx-as-json"],
)
def test_binary_file(tmp_path: Path, content: bytes, name: str) -> None:
    path = write(tmp_path, content, name)
    err = load_error(path)
    assert_says(err, ["biner"], ["binary"], path)


def test_damaged_xlsx_is_said_to_be_damaged(tmp_path: Path) -> None:
    path = write(tmp_path, XLSX, "rencana.xlsx")
    err = load_error(path)
    assert_says(err, ["xlsx rusak"], ["damaged .xlsx"], path)


def test_real_xlsx_that_is_no_template_says_so_with_its_sheets() -> None:
    files = sorted(REAL.glob("*.xlsx")) if REAL.is_dir() else []
    if not files:
        pytest.skip("shared/data/real is absent")
    err = load_error(files[0])
    assert_says(err, ["bukan templat pohon", "pohon template"], ["not a pohon template"], files[0])


def test_nul_byte_inside_text(tmp_path: Path) -> None:
    text = GOOD.replace("name: Kota Uji yang sehat", "name: Kota Uji\x00yang sehat")
    path = write(tmp_path, text)
    err = load_error(path)
    assert_says(err, ["biner"], ["binary"], path)


def test_nul_byte_via_loads_str() -> None:
    with pytest.raises(LoadError):
        pohon.loads(GOOD.replace("Kota Uji", "Kota\x00Uji"))


def test_latin1_file(tmp_path: Path) -> None:
    text = GOOD.replace("Kota Uji yang sehat", "Kota Uji yang sehat café")
    path = write(tmp_path, text.encode("latin-1"))
    err = load_error(path)
    problem = only(err)
    assert problem.line == line_of(text, "café")
    line_text = text.split("\n")[problem.line - 1]
    assert problem.column == line_text.index("é") + 1
    assert_says(err, ["UTF-8", "0xe9"], ["UTF-8", "0xe9"], path)


@pytest.mark.parametrize("name", ["rencana.yaml", "rencana.json"])
def test_utf8_bom_loads(tmp_path: Path, name: str) -> None:
    text = GOOD if name.endswith(".yaml") else pohon.dumps(pohon.loads(GOOD), format="json")
    path = write(tmp_path, b"\xef\xbb\xbf" + text.encode("utf-8"), name)
    plan = pohon.load(path)
    assert plan == pohon.loads(GOOD)
    assert plan.info.id == "uji-masukan"  # the BOM is not part of the first key
    # Line numbers still count from the first line (a JSON node starts at its brace).
    expected = line_of(text, "- id: T1") if name.endswith("yaml") else line_of(text, '"T1"') - 1
    assert plan.source.node_line(2) == expected


def test_crlf_line_endings_load_with_right_lines(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("\n", "\r\n").encode("utf-8"))
    plan = pohon.load(path)
    assert plan == pohon.loads(GOOD)
    assert plan.source.node_line(2) == line_of(GOOD, "- id: T1")
    bad = with_indicator("polarity: naik\n").replace("\n", "\r\n")
    err = load_error(write(tmp_path, bad.encode("utf-8"), "crlf-bad.yaml"))
    assert only(err).line == line_of(bad, "polarity: naik")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_file(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path, GOOD.encode(encoding))
    result = load_or_error(path)
    if isinstance(result, LoadError):
        assert_says(result, ["UTF-16", "UTF-8"], ["UTF-16", "UTF-8"], path)
    else:
        assert result == pohon.loads(GOOD)


@pytest.mark.parametrize("char", ["\x1b", "\x0c", "\x7f"], ids=["esc", "form-feed", "del"])
def test_control_character(tmp_path: Path, char: str) -> None:
    text = GOOD.replace("Angka Harapan Hidup", f"Angka Harapan{char}Hidup")
    path = write(tmp_path, text)
    err = load_error(path)
    problem = only(err)
    assert problem.line == line_of(text, char)
    assert "<unicode string>" not in str(err)
    assert "<unicode string>" not in err.format("en")
    assert_says(err, [f"{ord(char):04X}"], [f"{ord(char):04X}"], path)


@pytest.mark.parametrize(
    ("content", "found_id", "found_en"),
    [
        ("Rencana Kota Uji\n", "nilai tunggal", "single value"),
        ("42\n", "nilai tunggal", "single value"),
        ('"teks"\n', "nilai tunggal", "single value"),
        ("- V1\n- M1\n", "daftar", "list"),
        ("[1, 2, 3]\n", "daftar", "list"),
    ],
    ids=["word", "number", "quoted", "yaml-list", "flow-list"],
)
def test_top_level_is_not_a_mapping(
    tmp_path: Path, content: str, found_id: str, found_en: str
) -> None:
    path = write(tmp_path, content)
    err = load_error(path)
    problem = only(err)
    assert problem.line == 1
    assert_says(err, ["mapping", found_id], ["mapping", found_en], path)


@pytest.mark.parametrize("content", ["[1, 2]\n", '"teks"\n', "17\n"], ids=["list", "str", "num"])
def test_top_level_json_is_not_an_object(tmp_path: Path, content: str) -> None:
    path = write(tmp_path, content, "rencana.json")
    err = load_error(path)
    assert_says(err, ["mapping"], ["mapping"], path)


# -- wrong types ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "path_", "ind", "en"),
    [
        (
            "name: Kota Uji yang sehat",
            "name: [Kota, Uji]",
            "nodes[0].name",
            ["teks", "daftar"],
            ["text", "list"],
        ),
        (
            "targets: {2025: 73.5, 2026: 73.6, 2027: 73.7, 2028: 73.8, 2029: 74.0}",
            'targets: "x"',
            "nodes[2].indicators[0].targets",
            ["mapping", "teks"],
            ["mapping", "str"],
        ),
        ("parents: [M1]", "parents: 5", "nodes[2].parents", ["daftar"], ["list"]),
        (
            "period: {start: 2025, end: 2029}",
            "period: {start: dua ribu, end: 2029}",
            "plan.period.start",
            ["angka", "dua ribu"],
            ["number", "dua ribu"],
        ),
        ("id: T1.I1", "id: {a: 1}", "nodes[2].indicators[0].id", ["teks"], ["text"]),
        (
            "level: misi",
            "level: 3",
            "nodes[1].level",
            ["'3'", "tidak dikenal"],
            ["'3'", "unknown level"],
        ),
        (
            "name: Angka Harapan Hidup",
            "name: Angka Harapan Hidup\n        iku: mungkin",
            "nodes[2].indicators[0].iku",
            ["true", "mungkin"],
            ["true", "mungkin"],
        ),
        (
            "baseline: {year: 2024, value: 73.36}",
            "baseline: [2024, 73.36]",
            "nodes[2].indicators[0].baseline",
            ["mapping", "daftar"],
            ["mapping", "list"],
        ),
    ],
    ids=[
        "name-list",
        "targets-str",
        "parents-int",
        "start-words",
        "id-map",
        "level-int",
        "iku",
        "baseline-list",
    ],
)
def test_wrong_type(
    tmp_path: Path, old: str, new: str, path_: str, ind: list[str], en: list[str]
) -> None:
    assert old in GOOD
    text = GOOD.replace(old, new)
    path = write(tmp_path, text)
    err = load_error(path)
    problem = only(err)
    assert problem.path == path_
    assert problem.line == line_of(text, new.split("\n")[-1].strip())
    assert_says(err, ind, en, path)


def test_wrong_type_in_json_names_the_line(tmp_path: Path) -> None:
    data = json.loads(pohon.dumps(pohon.loads(GOOD), format="json"))
    data["nodes"][2]["parents"] = 5
    text = json.dumps(data, indent=2, ensure_ascii=False)
    path = write(tmp_path, text, "rencana.json")
    err = load_error(path)
    problem = only(err)
    assert problem.path == "nodes[2].parents"
    assert problem.line == line_of(text, '"parents": 5')
    assert_says(err, ["daftar"], ["list"], path)


# -- unknown keys, at every depth -----------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "key", "suggestion"),
    [
        ("nodes:\n", "catatan: x\nnodes:\n", "catatan", None),
        ("  pemda: Kota Uji\n", "  pemdaa: Kota Uji\n", "pemdaa", "pemda"),
        (
            "period: {start: 2025, end: 2029}",
            "period: {start: 2025, end: 2029, akhir: 2029}",
            "akhir",
            None,
        ),
        ("name: Dinas Kesehatan,", "nama: Dinas Kesehatan, name: Dinkes,", "nama", "name"),
        ("    parents: [V1]\n", "    parent: [V1]\n", "parent", "parents"),
        ("        satuan: tahun\n", "        satuann: tahun\n", "satuann", "satuan"),
        ("{year: 2024, value: 73.36}", "{year: 2024, value: 73.36, tahun: 2024}", "tahun", None),
        (
            "        satuan: tahun\n",
            "        satuan: tahun\n        tagets: {}\n",
            "tagets",
            "targets",
        ),
    ],
    ids=["top", "plan", "period", "opd", "node", "indicator", "baseline", "indicator-typo"],
)
def test_unknown_key(tmp_path: Path, old: str, new: str, key: str, suggestion: str | None) -> None:
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    path = write(tmp_path, text)
    err = load_error(path)
    problem = only(err)
    assert problem.path is not None
    assert problem.path.endswith(key)
    assert problem.line == line_of(text, key + ":")
    assert_says(err, [f"kunci '{key}' tidak dikenal"], [f"unknown key '{key}'"], path)
    if suggestion is not None:
        assert f"maksudnya '{suggestion}'?" in str(err)
        assert f"did you mean '{suggestion}'?" in err.format("en")


def test_unknown_key_in_crosscutting(tmp_path: Path) -> None:
    text = GOOD + "    crosscutting:\n      - {opd: dinkes, statu: disetujui}\n"
    err = load_error(write(tmp_path, text))
    problem = only(err)
    assert problem.path == "nodes[2].crosscutting[0].statu"
    assert problem.line == line_of(text, "statu:")
    assert "maksudnya 'status'?" in str(err)


def test_several_problems_are_all_reported_in_line_order(tmp_path: Path) -> None:
    text = GOOD.replace("parents: [V1]", "parent: [V1]").replace("satuan: tahun", "satuann: tahun")
    err = load_error(write(tmp_path, text))
    assert [p.line for p in err.problems] == [line_of(text, "parent:"), line_of(text, "satuann:")]
    assert len(str(err).split("\n")) == 2


# -- unknown values ---------------------------------------------------------------------------


def test_unknown_level(tmp_path: Path) -> None:
    text = GOOD.replace("level: misi", "level: misii")
    path = write(tmp_path, text)
    err = load_error(path)
    problem = only(err)
    assert problem.path == "nodes[1].level"
    assert problem.line == line_of(text, "level: misii")
    assert_says(err, ["'misii'", "sub_kegiatan"], ["unknown level 'misii'", "sub_kegiatan"], path)


@pytest.mark.parametrize(
    ("key", "value", "allowed"),
    [("polarity", "naik", "higher"), ("measure", "angka", "percent")],
)
def test_unknown_enum_value(tmp_path: Path, key: str, value: str, allowed: str) -> None:
    text = with_indicator(f"{key}: {value}\n")
    path = write(tmp_path, text)
    err = load_error(path)
    problem = only(err)
    assert problem.path == f"nodes[2].indicators[0].{key}"
    assert problem.line == line_of(text, f"{key}: {value}")
    assert_says(err, [repr(value), allowed], [repr(value), allowed], path)


def test_unknown_crosscutting_status(tmp_path: Path) -> None:
    text = GOOD + "    crosscutting:\n      - {opd: dinkes, status: diterima}\n"
    err = load_error(write(tmp_path, text))
    problem = only(err)
    assert problem.line == line_of(text, "diterima")
    assert "disetujui" in str(err)


# -- numbers that are not numbers, years that are not years -----------------------------------


@pytest.mark.parametrize(
    ("literal", "shown"),
    [(".nan", "nan"), (".NaN", "nan"), (".inf", "inf"), ("-.inf", "-inf"), ("+.Inf", "inf")],
)
def test_nan_and_infinity_in_yaml_targets(tmp_path: Path, literal: str, shown: str) -> None:
    text = GOOD.replace("2027: 73.7", f"2027: {literal}")
    path = write(tmp_path, text)
    err = load_error(path)
    problem = only(err)
    assert problem.path == "nodes[2].indicators[0].targets.2027"
    assert problem.line == line_of(text, literal)
    assert_says(err, [shown, "NaN"], [shown, "NaN"], path)


@pytest.mark.parametrize(
    ("where", "literal"),
    [("baseline", ".nan"), ("pagu", ".inf"), ("weight", ".nan"), ("range", ".nan")],
)
def test_nan_elsewhere(tmp_path: Path, where: str, literal: str) -> None:
    replacements = {
        "baseline": ("value: 73.36", f"value: {literal}"),
        "pagu": ("parents: [M1]", f"parents: [M1]\n    pagu: {{2025: {literal}}}"),
        "weight": ("parents: [M1]", f"parents: [{{id: M1, weight: {literal}}}]"),
        "range": ("2027: 73.7", f"2027: [73, {literal}]"),
    }
    old, new = replacements[where]
    text = GOOD.replace(old, new)
    err = load_error(write(tmp_path, text))
    assert {p.line for p in err.problems} == {line_of(text, literal)}
    assert "NaN" in str(err)
    assert "NaN" in err.format("en")


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_in_json(tmp_path: Path, literal: str) -> None:
    data = json.loads(pohon.dumps(pohon.loads(GOOD), format="json"))
    data["nodes"][2]["indicators"][0]["targets"]["2027"] = "@@"
    text = json.dumps(data, indent=2).replace('"@@"', literal)
    path = write(tmp_path, text, "rencana.json")
    err = load_error(path)
    problem = only(err)
    assert problem.path == "nodes[2].indicators[0].targets.2027"
    assert problem.line == line_of(text, literal)
    assert_says(err, ["NaN"], ["NaN"], path)


@pytest.mark.parametrize(
    ("old", "new", "path_", "shown"),
    [
        ("2029: 74.0", "20295: 74.0", "targets", "20295"),
        ("2029: 74.0", "1029: 74.0", "targets", "1029"),
        ("2029: 74.0", "2209: 74.0", "targets", "2209"),
        ("{year: 2024,", "{year: 1800,", "baseline.year", "1800"),
        ("{year: 2024,", "{year: 1990,", "baseline.year", "1990"),
    ],
    ids=["five-digit", "1029", "2209", "baseline-1800", "baseline-1990"],
)
def test_year_far_outside_the_plan(
    tmp_path: Path, old: str, new: str, path_: str, shown: str
) -> None:
    text = GOOD.replace(old, new)
    path = write(tmp_path, text)
    err = load_error(path)
    problem = only(err)
    assert problem.path is not None
    assert problem.path.startswith(f"nodes[2].indicators[0].{path_}")
    assert problem.line == line_of(text, shown)
    assert_says(err, [shown], [shown], path)


def test_year_far_outside_in_pagu(tmp_path: Path) -> None:
    text = GOOD.replace("parents: [M1]", "parents: [M1]\n    pagu: {2025: 1000, 2925: 1000}")
    err = load_error(write(tmp_path, text))
    problem = only(err)
    assert problem.line == line_of(text, "2925")
    assert "2925" in str(err)


def test_newer_format_version(tmp_path: Path) -> None:
    text = GOOD.replace("pohon: 1", "pohon: 2")
    path = write(tmp_path, text)
    err = load_error(path)
    problem = only(err)
    assert problem.line == 1
    assert problem.path == "pohon"
    assert_says(err, ["versi format 2", "perbarui"], ["format version 2", "upgrade"], path)


@pytest.mark.parametrize("version", ["0", "-1"])
def test_format_version_below_one(tmp_path: Path, version: str) -> None:
    text = GOOD.replace("pohon: 1", f"pohon: {version}")
    err = load_error(write(tmp_path, text))
    assert only(err).line == 1
    assert "versi format" in str(err)


# -- YAML features that must not be honoured ----------------------------------------------------


@pytest.mark.parametrize(
    "template",
    [
        'pohon: !!python/object/apply:os.system ["touch {marker}"]\n',
        "pohon: 1\nplan: !!python/object/apply:builtins.open [{marker}, w]\n",
        "pohon: 1\nplan: !!python/name:os.system\n",
        "pohon: 1\nplan: !!python/object/new:subprocess.Popen [[touch, {marker}]]\n",
        "pohon: 1\nplan:\n  id: !!python/object/apply:os.system ['touch {marker}']\n",
        "pohon: 1\nnodes:\n  - !!python/object/apply:pathlib.Path.touch [!!python/object/apply:"
        "pathlib.Path [{marker}]]\n",
    ],
    ids=["os.system", "open", "name", "popen", "nested", "path-touch"],
)
def test_python_tags_are_refused_and_never_run(tmp_path: Path, template: str) -> None:
    marker = tmp_path / "DIJALANKAN"
    text = template.format(marker=marker)
    path = write(tmp_path, text)
    err = load_error(path)
    assert not marker.exists(), "a YAML tag was executed"
    problem = only(err)
    assert problem.line == line_of(text, "!!python")
    assert_says(err, ["tag YAML", "tidak diizinkan"], ["YAML tag", "not allowed"], path)
    assert "python" in str(err)


@pytest.mark.parametrize(
    "tag", ["!foo", "!!set", "!!binary", "!!omap", "!<tag:example.com,2000:x>"]
)
def test_other_tags_are_refused(tmp_path: Path, tag: str) -> None:
    text = GOOD.replace("name: Kota Uji yang sehat", f"name: {tag} x")
    err = load_error(write(tmp_path, text))
    assert only(err).line == line_of(text, tag)
    assert "tag YAML" in str(err)


def test_explicit_str_tag_is_fine(tmp_path: Path) -> None:
    text = GOOD.replace("name: Kota Uji yang sehat", "name: !!str 1.10")
    plan = pohon.load(write(tmp_path, text))
    assert plan.nodes[0].name == "1.10"


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    lines = ['a0: &a0 "lol"']
    for i in range(1, levels + 1):
        refs = ", ".join([f"*a{i - 1}"] * width)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("where", ["top", "meta", "nodes"])
def test_alias_bomb_is_refused_fast_and_small(tmp_path: Path, where: str) -> None:
    if where == "top":
        text = billion_laughs()
    elif where == "meta":
        bomb = textwrap.indent(billion_laughs(), "    ")
        text = HEADER.replace("  pemda:", "  meta:\n" + bomb + "  pemda:")
    else:
        # Nine levels of nine aliases of a whole node, expanded into the node list.
        text = HEADER.replace("nodes:\n", "") + "x0: &x0 {id: X, level: misi, name: X}\n"
        for i in range(1, 10):
            text += f"x{i}: &x{i} [" + ", ".join([f"*x{i - 1}"] * 9) + "]\n"
        text += "nodes: *x9\n"
    path = write(tmp_path, text)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        err = load_error(path)
    finally:
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert elapsed < 10
    assert peak < 50 * 1024 * 1024
    problem = only(err)
    assert problem.line is not None
    assert_says(err, ["alias"], ["alias"], path)


def test_aliases_of_one_long_name_count_by_its_length(tmp_path: Path) -> None:
    # Half a megabyte of YAML naming one 100,000-character text ten thousand times would
    # hand the check a gigabyte of names to repeat in its report.
    lines = [
        "pohon: 1",
        "plan: {id: p, name: &n " + "x" * 100_000 + ", period: {start: 2025, end: 2029}}",
    ]
    lines += ["nodes:", *(f"  - {{id: N{i}, level: visi, name: *n}}" for i in range(10_000))]
    path = write(tmp_path, "\n".join(lines) + "\n")
    err = load_error(path)
    assert_says(err, ["alias"], ["alias"], path)


def test_a_few_aliases_are_fine(tmp_path: Path) -> None:
    text = GOOD.replace("name: Meningkatkan layanan dasar", "name: &m Meningkatkan layanan dasar")
    text += "    notes: *m\n"
    plan = pohon.load(write(tmp_path, text))
    assert plan.nodes[2].notes == "Meningkatkan layanan dasar"


def test_alias_without_anchor(tmp_path: Path) -> None:
    text = GOOD.replace("parents: [M1]", "parents: [*m1]")
    err = load_error(write(tmp_path, text))
    assert only(err).line == line_of(text, "*m1")
    assert "*m1" in str(err)


def test_duplicate_key_names_the_line(tmp_path: Path) -> None:
    text = GOOD.replace(
        "    name: Meningkatkan layanan dasar\n",
        "    name: Meningkatkan layanan dasar\n    name: Meningkatkan layanan umum\n",
    )
    path = write(tmp_path, text)
    err = load_error(path)
    problem = only(err)
    assert problem.line == line_of(text, "layanan umum")
    assert_says(err, ["'name'", "dua kali"], ["'name'", "twice"], path)


def test_duplicate_year_key_names_the_line(tmp_path: Path) -> None:
    text = GOOD.replace("2028: 73.8", "2028: 73.8, 2027: 73.9")
    err = load_error(write(tmp_path, text))
    assert only(err).line == line_of(text, "73.9")
    assert "2027" in str(err)


def test_year_written_as_int_and_as_text_is_a_duplicate(tmp_path: Path) -> None:
    text = GOOD.replace("2028: 73.8", "2028: 73.8, '2027': 73.9")
    err = load_error(write(tmp_path, text))
    assert only(err).line == line_of(text, "73.9")
    assert "2027" in str(err)


def test_duplicate_key_in_json(tmp_path: Path) -> None:
    data = json.loads(pohon.dumps(pohon.loads(GOOD), format="json"))
    text = json.dumps(data, indent=2).replace(
        '"name": "Rencana uji masukan",',
        '"name": "Rencana uji masukan",\n    "name": "Rencana lain",',
    )
    path = write(tmp_path, text, "rencana.json")
    err = load_error(path)
    assert only(err).line == line_of(text, "Rencana lain")
    assert_says(err, ["'name'", "dua kali"], ["'name'", "twice"], path)


def test_merge_key(tmp_path: Path) -> None:
    text = GOOD + "  - &base {id: M2, level: misi, name: Misi dua, parents: [V1]}\n"
    text += "  - <<: *base\n    id: M3\n"
    path = write(tmp_path, text)
    err = load_error(path)
    problem = only(err)
    assert problem.line == line_of(text, "<<:")
    assert_says(err, ["'<<'"], ["'<<'"], path)


def test_several_yaml_documents(tmp_path: Path) -> None:
    text = GOOD + "---\n" + GOOD
    path = write(tmp_path, text)
    err = load_error(path)
    problem = only(err)
    assert problem.line == line_of(text, "---")
    assert_says(err, ["lebih dari satu dokumen"], ["more than one YAML document"], path)


def test_explicit_single_document_is_fine(tmp_path: Path) -> None:
    plan = pohon.load(write(tmp_path, "---\n" + GOOD + "...\n"))
    assert plan == pohon.loads(GOOD)


def test_tabs_used_for_indentation(tmp_path: Path) -> None:
    text = GOOD.replace("    level: misi\n", "\tlevel: misi\n")
    path = write(tmp_path, text)
    err = load_error(path)
    problem = only(err)
    assert problem.line == line_of(text, "\tlevel: misi")
    assert_says(err, ["tab"], ["tab"], path)


def test_tab_inside_a_value_is_fine(tmp_path: Path) -> None:
    text = GOOD.replace("name: Kota Uji yang sehat", 'name: "Kota\\tUji"')
    assert pohon.load(write(tmp_path, text)).nodes[0].name == "Kota\tUji"


def test_non_text_mapping_key(tmp_path: Path) -> None:
    text = GOOD.replace("parents: [M1]", "parents: [M1]\n    ? [a, b]\n    : c")
    err = load_error(write(tmp_path, text))
    assert only(err).line == line_of(text, "? [a, b]")
    assert "kunci" in str(err)


@pytest.mark.parametrize("key", ["null", "5", "true"])
def test_non_text_key_message_is_indonesian(tmp_path: Path, key: str) -> None:
    text = GOOD.replace("parents: [M1]", f"parents: [M1]\n    {key}: x")
    err = load_error(write(tmp_path, text))
    assert only(err).line == line_of(text, f"{key}: x")
    assert str(err) != err.format("en")
    assert "kunci" in str(err)


@pytest.mark.parametrize("trailing", [",\n  }", ",\n]"], ids=["object", "array"])
def test_json_trailing_comma(tmp_path: Path, trailing: str) -> None:
    text = json.dumps(json.loads(pohon.dumps(pohon.loads(GOOD), format="json")), indent=2)
    if trailing.endswith("}"):
        text = text.replace('"end": 2029\n    }', '"end": 2029,\n    }')
    else:
        text = text.replace('"M1"\n      ]', '"M1",\n      ]')
    assert text.count(",\n") > 0
    path = write(tmp_path, text, "rencana.json")
    err = load_error(path)
    assert_says(err, ["JSON tidak valid"], ["invalid JSON"], path)


def test_json_syntax_error_names_the_line(tmp_path: Path) -> None:
    text = json.dumps(json.loads(pohon.dumps(pohon.loads(GOOD), format="json")), indent=2)
    text = text.replace('"end": 2029\n    }', '"end": 2029,\n    }')
    err = load_error(write(tmp_path, text, "rencana.json"))
    assert only(err).line == line_of(text, "2029,") + 1


def test_not_json_at_all_in_a_json_file(tmp_path: Path) -> None:
    path = write(tmp_path, "ini bukan JSON\n", "rencana.json")
    err = load_error(path)
    assert only(err).line == 1
    assert_says(err, ["bukan JSON"], ["not readable JSON"], path)


# -- size limits ----------------------------------------------------------------------------


def test_very_long_name_is_refused_by_length(tmp_path: Path) -> None:
    long = "a" * 1_000_000
    text = GOOD.replace("name: Kota Uji yang sehat", f"name: {long}")
    path = write(tmp_path, text)
    err = load_error(path)
    problem = only(err)
    assert problem.path == "nodes[0].name"
    assert problem.line == line_of(text, long[:50])
    assert_says(err, ["terlalu panjang", "1.000.000"], ["too long", "1,000,000"], path)
    assert len(str(err)) < 1000, "the message must not repeat the long value"


def test_long_notes_are_fine(tmp_path: Path) -> None:
    notes = ("Catatan panjang tentang indikator. " * 600)[:20_000]
    text = GOOD + f'    notes: "{notes}"\n'
    plan = pohon.load(write(tmp_path, text))
    assert plan.nodes[2].notes == notes


@pytest.mark.parametrize("name", ["rencana.yaml", "rencana.json"])
def test_huge_integer_literal(tmp_path: Path, name: str) -> None:
    digits = "9" * 5000
    if name.endswith(".yaml"):
        text = GOOD.replace("2027: 73.7", f"2027: {digits}")
    else:
        data = json.loads(pohon.dumps(pohon.loads(GOOD), format="json"))
        data["nodes"][2]["indicators"][0]["targets"]["2027"] = "@@"
        text = json.dumps(data, indent=2).replace('"@@"', digits)
    err = load_error(write(tmp_path, text, name))
    assert only(err).line == line_of(text, digits)


def test_ratio_target_is_kept_as_written(tmp_path: Path) -> None:
    text = GOOD.replace("2027: 73.7", "2027: 1:30")
    result = load_or_error(write(tmp_path, text))
    if isinstance(result, LoadError):
        assert only(result).line == line_of(text, "1:30")
    else:
        assert result.nodes[2].indicators[0].targets[2027] == "1:30"


# -- nesting ----------------------------------------------------------------------------------

_LOAD_SCRIPT = """
import sys
import pohon
try:
    pohon.load(sys.argv[1])
except pohon.LoadError as err:
    print("LOADERROR", err.problems[0].line)
    print(err)
else:
    print("LOADED")
"""


def run_python(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _LOAD_SCRIPT, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


DEEP = {
    "yaml-flow": ("rencana.yaml", "[" * 100_000),
    "yaml-flow-closed": ("rencana.yaml", "nodes: " + "[" * 100_000 + "]" * 100_000 + "\n"),
    "yaml-block": ("rencana.yaml", "".join(" " * i + "a:\n" for i in range(2_000))),
    "json-array": ("rencana.json", "[" * 100_000),
    "json-object": ("rencana.json", '{"a": ' * 100_000 + "1" + "}" * 100_000),
    "json-nodes": (
        "rencana.json",
        '{"pohon": 1, "nodes": ' + "[" * 100_000 + "]" * 100_000 + "}",
    ),
}


@pytest.mark.parametrize("case", sorted(DEEP))
def test_deep_nesting_does_not_crash(tmp_path: Path, case: str) -> None:
    name, content = DEEP[case]
    path = write(tmp_path, content, name)
    result = run_python(path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("LOADERROR"), result.stdout[:2000]
    assert "Traceback" not in result.stderr


def test_deep_nesting_in_process_is_a_load_error(tmp_path: Path) -> None:
    err = load_error(write(tmp_path, "a: " + "[" * 100_000))
    assert only(err).line == 1
    assert_says(err, ["terlalu dalam"], ["too deep"])


# -- paths that are not files -------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "tidak-ada.yaml"
    err = load_error(path)
    assert str(path) in str(err)
    assert "berkas tidak ditemukan" in str(err)
    assert "file not found" in err.format("en")


def test_directory_as_path(tmp_path: Path) -> None:
    err = load_error(tmp_path)
    assert str(tmp_path) in str(err)
    assert "ini folder, bukan berkas" in str(err)


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_os_errors_are_said_in_indonesian(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "tidak-ada.yaml" if kind == "missing" else tmp_path
    err = load_error(path)
    assert "No such file" not in str(err)
    assert "Is a directory" not in str(err)
    assert ("tidak ditemukan" if kind == "missing" else "folder") in str(err)


# -- through the command line --------------------------------------------------------------------

HAS_CLI = importlib.util.find_spec("pohon.cli") is not None
needs_cli = pytest.mark.skipif(not HAS_CLI, reason="pohon.cli is not there yet")

CLI_CASES: dict[str, tuple[str, bytes | str]] = {
    "empty": ("rencana.yaml", b""),
    "binary": ("rencana.yaml", PNG),
    "latin1": ("rencana.yaml", GOOD.replace("sehat", "sehat café").encode("latin-1")),
    "prose": ("rencana.yaml", "Hadir: Kepala Dinas, Sekretaris: Budi\n"),
    "top-list": ("rencana.yaml", "- a\n- b\n"),
    "unknown-key": ("rencana.yaml", GOOD.replace("satuan: tahun", "satuann: tahun")),
    "nan": ("rencana.yaml", GOOD.replace("2027: 73.7", "2027: .nan")),
    "python-tag": ("rencana.yaml", 'pohon: !!python/object/apply:os.system ["echo hacked"]\n'),
    "alias-bomb": ("rencana.yaml", billion_laughs()),
    "deep-yaml": ("rencana.yaml", "[" * 100_000),
    "deep-json": ("rencana.json", "[" * 100_000),
    "json-trailing-comma": ("rencana.json", '{"pohon": 1,}'),
    "newer-format": ("rencana.yaml", GOOD.replace("pohon: 1", "pohon: 2")),
}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pohon", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@needs_cli
@pytest.mark.parametrize("case", sorted(CLI_CASES))
def test_cli_check_bad_input_exits_2(tmp_path: Path, case: str) -> None:
    name, content = CLI_CASES[case]
    path = write(tmp_path, content, name)
    result = run_cli("check", str(path))
    assert result.returncode == 2, (result.stdout[-1000:], result.stderr[-1000:])
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout
    assert "hacked" not in result.stdout
    assert path.name in result.stderr + result.stdout


@needs_cli
@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_cli_check_path_that_is_not_a_file(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "tidak-ada.yaml" if kind == "missing" else tmp_path
    result = run_cli("check", str(path))
    assert result.returncode == 2, (result.stdout[-1000:], result.stderr[-1000:])
    assert "Traceback" not in result.stderr


@needs_cli
def test_cli_check_huge_integer(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("2027: 73.7", "2027: " + "9" * 5000))
    result = run_cli("check", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
