"""Hostile and odd input: parser messages, special files, outputs over inputs, odd values.

Every case ends as a user sees it: a :class:`pohon.LoadError` (or exit code 2 on the command
line) naming the file and the line, in Indonesian by default and in English with ``en``;
never another exception, a traceback, exit code 70, a hang or a memory blow-up. Cases where a
hang or a blow-up is the failure run in a child process with a timeout and a memory limit.
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import pohon
from pohon import LoadError
from pohon.io import files as io_files
from pohon.io import yamlread
from pohon.io.syntax import json_problem, yaml_problem
from test_bad_input import GOOD, line_of

POSIX = os.name == "posix"
needs_posix = pytest.mark.skipif(not POSIX, reason="FIFOs, /dev and rlimits are POSIX")

_POHON = Path(sys.executable).with_name("pohon")
POHON = [str(_POHON)] if _POHON.exists() else [sys.executable, "-m", "pohon"]
MEMORY_LIMIT = 2 * 1024**3


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def pohon_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``pohon ARGS`` as a user runs it, with a timeout and (on POSIX) a memory limit."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("POHON_")}
    proc = subprocess.run(
        [*POHON, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
        preexec_fn=_limit_memory if POSIX else None,
    )
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr[-2000:]
    assert proc.returncode != 70, proc.stderr[-2000:]
    return proc


def error_of(text: str, *, format: str | None = None) -> LoadError:
    with pytest.raises(LoadError) as info:
        pohon.loads(text, format=format)  # type: ignore[arg-type]
    return info.value


# -- 1. every parser message in Indonesian ------------------------------------------------

BROKEN_YAML: dict[str, tuple[str, str]] = {
    # name: (text, a piece of the line the problem is on)
    "tab-indent": ("a:\n  b: 1\n\tc: 2\n", "\tc: 2"),
    "tab-in-list": ("a:\n\t- 1\n", "\t- 1"),
    "tab-first-line": ("\tpohon: 1\n", "\tpohon"),
    "colon-in-value": ("Hadir: Kepala Dinas, Sekretaris: Budi\n", "Hadir"),
    "no-colon": ("a: 1\nb\nc: 2\n", "b"),
    "at-sign": ("a: @dinkes\n", "@dinkes"),
    "backtick": ("a: `x`\n", "`x`"),
    "unclosed-quote": ('a: "abc\nb: 2\n', '"abc'),
    "unclosed-single-quote": ("a: 'abc\nb: 2\n", "'abc"),
    "wrong-indent": ("a:\n    b: 1\n  c: 2\n", "  c: 2"),
    "list-then-key": ("a:\n  - 1\n  b: 2\n", "b: 2"),
    "dash-after-key": ("a: b\n- c\n", "- c"),
    "unclosed-list": ("a: [1, 2\nb: 3\n", "b: 3"),
    "unclosed-map": ("a: {x: 1\nb: 3\n", "b: 3"),
    "colon-in-flow": ("{a: b: c}\n", "{a: b: c}"),
    "extra-bracket": ("a: [1, ]]\n", "a: [1"),
    "unknown-escape": ('a: "C:\\data"\n', "C:"),
    "surrogate-escape": ('a: "\\ud800"\n', "ud800"),
    "bad-hex-escape": ('a: "\\xZZ"\n', "xZZ"),
    "document-marker-in-quote": ('a: "x\n---\n"\n', "---"),
    "deep-flow": ("a: " + "[" * 2000, "a: ["),
    "yaml-2": ("%YAML 2.0\n---\na: 1\n", "%YAML"),
    "duplicate-directive": ("%YAML 1.1\n%YAML 1.2\n---\na: 1\n", "%YAML 1.2"),
    "tag-handle": ("a: !x!y 1\n", "!x!y"),
    "empty-anchor": ("a: & x\n", "& x"),
    "block-indicator-0": ("a: |0\n  x\n", "|0"),
    "block-indicator-junk": ("a: |x\n  x\n", "|x"),
    "bare-percent": ("%\n", "%"),
    "after-document-end": ("a: 1\n...\nb\n", "b"),
    "undefined-alias": ("a: *nope\n", "*nope"),
}

_ENGLISH_PARSER_WORDS = re.compile(
    r"not allowed|could not|did not|found (character|undefined|unexpected|a tab|unknown)|"
    r"exceeded|expected|while (scanning|parsing)|Expecting|Unterminated|Invalid|Extra data"
)


@pytest.fixture(params=["libyaml", "pyyaml"])
def yaml_loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both parsers a user may have: libyaml (the usual) and PyYAML's own scanner."""
    if request.param == "libyaml":
        if not hasattr(yaml, "CSafeLoader"):
            pytest.skip("PyYAML built without libyaml")
        monkeypatch.setattr(yamlread, "_Loader", yaml.CSafeLoader)
    else:
        monkeypatch.setattr(yamlread, "_Loader", yaml.SafeLoader)
    return request.param


@pytest.mark.parametrize("case", sorted(BROKEN_YAML))
def test_yaml_syntax_errors_are_said_in_indonesian(yaml_loader: str, case: str) -> None:
    text, where = BROKEN_YAML[case]
    err = error_of(text, format="yaml")
    assert len(err.problems) == 1, err.format("en")
    problem = err.problems[0]
    said = str(err)
    assert problem.line is not None, said
    assert not _ENGLISH_PARSER_WORDS.search(said), said
    assert "pesan asli" not in said, f"{case}: no Indonesian text for this message: {said}"
    assert said != err.format("en")
    if case != "deep-flow" and yaml_loader == "libyaml":
        assert problem.line == line_of(text, where), said


@pytest.mark.parametrize(
    "text",
    [
        GOOD.replace("    level: misi\n", "\tlevel: misi\n"),
        GOOD.replace("      - id: T1.I1\n", "\t  - id: T1.I1\n"),
        GOOD.replace("  - id: M1\n", " \t- id: M1\n"),
    ],
    ids=["key", "list-item", "space-then-tab"],
)
def test_tab_indentation_is_named_as_a_tab(yaml_loader: str, text: str) -> None:
    err = error_of(text, format="yaml")
    problem = err.problems[0]
    assert problem.line == line_of(text, "\t")
    assert "tab dipakai untuk indentasi" in str(err)
    assert "hanya menerima spasi" in str(err)
    assert "a tab is used for indentation" in err.format("en")


def test_deep_nesting_is_said_in_indonesian_with_libyaml() -> None:
    err = error_of("a: " + "[" * 100_000, format="yaml")
    assert "terlalu dalam" in str(err)
    assert "exceeded" not in str(err)
    assert err.problems[0].line == 1


def test_an_unknown_parser_message_keeps_an_indonesian_frame() -> None:
    mark = yaml.Mark("x", 7, 1, 2, "", 0)
    exc = yaml.MarkedYAMLError(problem="a brand new complaint", problem_mark=mark)
    problem = yaml_problem(exc, "a: 1\nb: 2\n")
    assert problem.message.startswith("YAML tidak valid")
    assert "a brand new complaint" in problem.message
    assert problem.line == 2
    assert problem.message_en == "invalid YAML: a brand new complaint"


BROKEN_JSON = {
    "trailing-comma-object": '{"pohon": 1,\n}',
    "trailing-comma-array": '{"a": [1,\n]}',
    "missing-colon": '{"pohon" 1}',
    "missing-comma": '{"pohon": 1\n "plan": 2}',
    "bad-escape": '{"a": "C:\\data"}',
    "bad-u-escape": '{"a": "\\u12"}',
    "line-break-in-text": '{"a": "x\ny"}',
    "unquoted-key": "{pohon: 1}",
    "extra-data": '{"pohon": 1}\n{}',
    "unterminated": '{"a": "abc',
    "bad-literal": '{"a": tru}',
    "leading-zero": '{"a": 01}',
}


@pytest.mark.parametrize("case", sorted(BROKEN_JSON))
def test_json_syntax_errors_are_said_in_indonesian(case: str) -> None:
    err = error_of(BROKEN_JSON[case], format="json")
    said = str(err)
    assert err.problems[0].line is not None
    assert err.problems[0].column is not None
    assert not _ENGLISH_PARSER_WORDS.search(said), said
    assert "pesan asli" not in said
    assert "invalid JSON" in err.format("en")


def test_an_unknown_json_message_keeps_an_indonesian_frame() -> None:
    exc = json.JSONDecodeError("Something new", '{"a": 1}', 3)
    problem = json_problem(exc)
    assert problem.message.startswith("JSON tidak valid")
    assert "Something new" in problem.message
    assert (problem.line, problem.column) == (1, 4)


def test_no_make_recipe_ignores_its_errors() -> None:
    makefile = Path(__file__).resolve().parents[1] / "Makefile"
    recipes = [ln for ln in makefile.read_text().splitlines() if ln.startswith("\t")]
    ignored = [ln for ln in recipes if ln.lstrip("\t@").startswith("-")]
    assert not ignored, f"make would print 'Error ... (ignored)' for: {ignored}"


# -- 3. special files -------------------------------------------------------------------------


@needs_posix
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_symlink_to_an_endless_device_is_refused(tmp_path: Path, device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"{device} is not there")
    link = tmp_path / "rencana.yaml"
    link.symlink_to(device)
    proc = pohon_cli("check", str(link))
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "rencana.yaml" in proc.stderr + proc.stdout
    assert "bukan berkas biasa" in proc.stderr + proc.stdout
    assert device in proc.stderr + proc.stdout


@needs_posix
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "rencana.yaml"
    os.mkfifo(fifo)
    proc = pohon_cli("check", str(fifo))
    assert proc.returncode == 2
    assert "FIFO" in proc.stderr + proc.stdout
    with pytest.raises(LoadError) as info:
        pohon.load(fifo)
    assert "bukan berkas biasa" in str(info.value)
    assert "not a regular file" in info.value.format("en")


@needs_posix
def test_a_folder_check_reports_special_files_and_every_good_plan(tmp_path: Path) -> None:
    folder = tmp_path / "rencana"
    folder.mkdir()
    (folder / "a-baik.yaml").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "b-pipa.yaml")
    (folder / "c-acak.yaml").symlink_to("/dev/urandom")
    (folder / "d-baik.yaml").write_text(GOOD.replace("uji-masukan", "uji-dua"), encoding="utf-8")
    proc = pohon_cli("check", str(folder), "--format", "json")
    assert proc.returncode == 2
    report = json.loads(proc.stdout)
    text = json.dumps(report, ensure_ascii=False)
    for name in ("a-baik.yaml", "b-pipa.yaml", "c-acak.yaml", "d-baik.yaml"):
        assert name in text
    assert text.count("bukan berkas biasa") == 2
    assert "uji-masukan" in text or "a-baik" in text


@needs_posix
def test_a_symlink_loop_is_said_in_indonesian(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    with pytest.raises(LoadError) as info:
        pohon.load(tmp_path / "a.yaml")
    assert "tautan simbolik berputar" in str(info.value)
    assert "Too many" not in str(info.value)


def test_a_file_larger_than_the_cap_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "besar.yaml"
    with path.open("wb") as handle:
        handle.truncate(io_files.MAX_BYTES + 1)  # sparse: no disk used
    with pytest.raises(LoadError) as info:
        pohon.load(path)
    assert "terlalu besar" in str(info.value)


@pytest.mark.skipif(not os.path.exists("/proc/self/maps"), reason="needs /proc")
def test_a_file_that_says_it_is_empty_but_goes_on_stops_at_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # /proc files claim size 0 and then give more: the read stops at the cap, not at st_size.
    link = tmp_path / "rencana.yaml"
    link.symlink_to("/proc/self/maps")
    monkeypatch.setattr(io_files, "MAX_BYTES", 64)
    with pytest.raises(LoadError) as info:
        pohon.load(link)
    assert "terlalu besar" in str(info.value)


# -- 4. never overwrite an input ------------------------------------------------------------


@pytest.fixture
def plan_folder(tmp_path: Path) -> Path:
    (tmp_path / "rencana.yaml").write_text(GOOD, encoding="utf-8")
    return tmp_path


def _same_plan(folder: Path) -> bool:
    return (folder / "rencana.yaml").read_text(encoding="utf-8") == GOOD


@pytest.mark.parametrize(
    "args",
    [
        ["check", "rencana.yaml", "-o", "rencana.yaml"],
        ["check", "rencana.yaml", "-o", "rencana.yaml", "--force"],
        ["check", ".", "-o", "rencana.yaml", "--force"],
        ["check", "rencana.yaml", "-o", "./tidak-ada/../rencana.yaml", "--force"],
        ["check", "rencana.yaml", "-o", "tautan.yaml", "--force"],
        ["check", "tautan.yaml", "-o", "rencana.yaml", "--force"],
        ["check", "rencana.yaml", "-o", "keras.yaml", "--force"],
        ["matrix", "alignment", "rencana.yaml", "-o", "rencana.yaml", "--force"],
        ["matrix", "crosscutting", "tautan.yaml", "-o", "keras.yaml", "--force"],
    ],
    ids=lambda args: " ".join(args),
)
def test_output_never_overwrites_an_input(plan_folder: Path, args: list[str]) -> None:
    if POSIX:
        (plan_folder / "tautan.yaml").symlink_to("rencana.yaml")
        os.link(plan_folder / "rencana.yaml", plan_folder / "keras.yaml")
    elif "tautan.yaml" in args or "keras.yaml" in args:
        pytest.skip("links need POSIX")
    proc = pohon_cli(*args, cwd=plan_folder)
    assert proc.returncode == 2, proc.stderr
    assert "berkas masukan" in proc.stderr
    assert "--force" in proc.stderr
    assert _same_plan(plan_folder)


def test_output_over_an_input_is_refused_in_english_too(plan_folder: Path) -> None:
    proc = pohon_cli("check", "rencana.yaml", "-o", "rencana.yaml", "--lang", "en", cwd=plan_folder)
    assert proc.returncode == 2
    assert "is an input file" in proc.stderr
    assert _same_plan(plan_folder)


@pytest.mark.parametrize(
    "command",
    [
        ["check", "rencana.yaml"],
        ["matrix", "alignment", "rencana.yaml"],
        ["matrix", "crosscutting", "rencana.yaml"],
        ["schema"],
        ["example"],
    ],
    ids=" ".join,
)
def test_an_existing_file_is_overwritten_only_with_force(
    plan_folder: Path, command: list[str]
) -> None:
    kept = plan_folder / "hasil.txt"
    kept.write_text("catatan penting\n", encoding="utf-8")
    proc = pohon_cli(*command, "-o", "hasil.txt", cwd=plan_folder)
    assert proc.returncode == 2, proc.stderr
    assert "sudah ada" in proc.stderr
    assert "--force" in proc.stderr
    assert kept.read_text(encoding="utf-8") == "catatan penting\n"
    forced = pohon_cli(*command, "-o", "hasil.txt", "--force", cwd=plan_folder)
    assert forced.returncode in (0, 1), forced.stderr
    assert kept.read_text(encoding="utf-8") != "catatan penting\n"


def test_a_new_output_file_is_written(plan_folder: Path) -> None:
    proc = pohon_cli("check", "rencana.yaml", "-o", "hasil.txt", cwd=plan_folder)
    assert proc.returncode in (0, 1)
    assert (plan_folder / "hasil.txt").read_text(encoding="utf-8")
    assert _same_plan(plan_folder)


@pytest.mark.parametrize(
    ("output", "lang", "said"),
    [
        (".", "id", ". adalah folder: beri -o nama berkas di dalamnya"),
        ("tidak-ada/hasil.txt", "id", "tidak-ada/hasil.txt: folder atau berkasnya tidak ada"),
        (".", "en", ". is a folder: give -o a file name inside it"),
    ],
)
def test_an_output_that_cannot_be_written_says_why_in_the_users_language(
    plan_folder: Path, output: str, lang: str, said: str
) -> None:
    proc = pohon_cli(
        "check", "rencana.yaml", "-o", output, "--force", "--lang", lang, cwd=plan_folder
    )
    assert proc.returncode == 2, proc.stderr
    assert said in proc.stderr
    assert "Traceback" not in proc.stderr
    assert _same_plan(plan_folder)


@needs_posix
def test_output_to_a_device_needs_no_force(plan_folder: Path) -> None:
    proc = pohon_cli("check", "rencana.yaml", "-o", os.devnull, cwd=plan_folder)
    assert proc.returncode in (0, 1), proc.stderr


# -- 5. loader edge cases -----------------------------------------------------------------------

FRAMEWORK = """\
pohon-framework: 1
framework:
  id: kerangka-uji
  name: Kerangka uji
  level: kota
items:
  - {id: "1", name: Butir satu}
  - {id: "2", name: Butir dua}
"""

CROSSWALK = """\
pohon-crosswalk: 1
crosswalk:
  id: kerangka-uji--asta-cita-2025
  from: kerangka-uji
  to: asta-cita-2025
links:
  - {from: "1", to: ["4"]}
"""


def _json_plan(mutate: object) -> str:
    data = json.loads(pohon.dumps(pohon.loads(GOOD), format="json"))
    mutate(data)  # type: ignore[operator]
    return json.dumps(data, indent=2, ensure_ascii=False)


def _targets(data: dict[str, object], key: str, value: object) -> None:
    data["nodes"][2]["indicators"][0]["targets"][key] = value  # type: ignore[index]


LOADER_CASES: dict[str, tuple[str, str | None, str, list[str]]] = {
    # name: (text, format, a piece of the line of the problem, words the message must hold)
    "5000-digit-year-key-json": (
        _json_plan(lambda d: _targets(d, "9" * 5000, 1)),
        "json",
        "9" * 50,
        ["bukan tahun yang sah"],
    ),
    "5000-digit-year-key-yaml": (
        GOOD.replace(
            "    parents: [M1]\n", "    parents: [M1]\n    pagu:\n      '" + "9" * 5000 + "': 1\n"
        ),
        "yaml",
        "9" * 50,
        ["lebih panjang dari 1024 karakter"],
    ),
    "year-key-float": (GOOD.replace("2027: 73.7", "2027.0: 73.7"), "yaml", "2027.0", ["tahun"]),
    "lone-surrogate-json-escape": (
        _json_plan(lambda d: d["plan"].update(name="Rencana @@")).replace("@@", "\\ud800"),  # type: ignore[attr-defined]
        "json",
        "ud800",
        ["surrogate"],
    ),
    "lone-surrogate-raw": (
        GOOD.replace("Kota Uji yang sehat", "Kota \ud800"),
        "yaml",
        "Kota \ud800",
        ["surrogate"],
    ),
    "lone-surrogate-raw-json": (
        _json_plan(lambda d: d["plan"].update(name="Rencana \ud800")),  # type: ignore[attr-defined]
        "json",
        "Rencana",
        ["surrogate"],
    ),
    "lone-surrogate-yaml-escape": (
        GOOD.replace("name: Kota Uji yang sehat", 'name: "Kota \\ud800"'),
        "yaml",
        'name: "Kota',
        ["surrogate"],
    ),
    "quoted-start-year": (
        GOOD.replace("{start: 2025, end: 2029}", "{start: '2025', end: 2029}"),
        "yaml",
        "start:",
        ["tanpa tanda kutip", "'2025'"],
    ),
    "quoted-baseline-year": (
        GOOD.replace("baseline: {year: 2024", "baseline: {year: '2024'"),
        "yaml",
        "baseline:",
        ["tanpa tanda kutip"],
    ),
    "format-true": (GOOD.replace("pohon: 1", "pohon: true"), "yaml", "pohon:", ["versi format"]),
    "format-1.0": (GOOD.replace("pohon: 1", "pohon: 1.0"), "yaml", "pohon:", ["versi format"]),
    "format-text": (GOOD.replace("pohon: 1", "pohon: '1'"), "yaml", "pohon:", ["versi format"]),
    "format-json-float": (
        _json_plan(lambda d: d.update(pohon=1.0)),  # type: ignore[attr-defined]
        "json",
        '"pohon"',
        ["versi format"],
    ),
    "weight-above-100-float": (
        GOOD.replace("parents: [M1]", "parents: [{id: M1, weight: 500.5}]"),
        "yaml",
        "weight: 500.5",
        ["di luar batas", "0", "100"],
    ),
    "weight-negative-float": (
        GOOD.replace("parents: [M1]", "parents: [{id: M1, weight: -0.5}]"),
        "yaml",
        "weight: -0.5",
        ["di luar batas"],
    ),
    "pagu-near-float-max": (
        GOOD.replace("    parents: [M1]\n", "    parents: [M1]\n    pagu: {2025: 1.7e+308}\n"),
        "yaml",
        "pagu:",
        ["terlalu besar", "10^18"],
    ),
    "pagu-huge-integer": (
        GOOD.replace(
            "    parents: [M1]\n", "    parents: [M1]\n    pagu: {2025: " + "9" * 30 + "}\n"
        ),
        "yaml",
        "pagu:",
        ["terlalu besar"],
    ),
}


@pytest.mark.parametrize("case", sorted(LOADER_CASES))
def test_loader_edge_cases_are_load_errors_with_a_line(case: str) -> None:
    text, fmt, where, words = LOADER_CASES[case]
    with pytest.raises(LoadError) as info:
        pohon.loads(text, format=fmt, file="rencana.x")  # type: ignore[arg-type]
    err = info.value
    said = str(err)
    assert "rencana.x" in said
    assert err.problems[0].line == line_of(text, where), said[:500]
    for word in words:
        assert word in said, said[:500]
    assert said != err.format("en")
    assert len(said) < 2000, "the message must not repeat a huge value"


def test_two_large_pagu_never_sum_to_infinity() -> None:
    text = GOOD.replace(
        "    parents: [M1]\n", "    parents: [M1]\n    pagu: {2025: 1.0e+18, 2026: 1.0e+18}\n"
    )
    plan = pohon.loads(text)  # the bound itself is still a pagu
    report = pohon.check(plan)
    assert all("inf" not in d.message for d in report)


def test_a_negative_pagu_still_loads_for_its_rule_to_report() -> None:
    text = GOOD.replace("    parents: [M1]\n", "    parents: [M1]\n    pagu: {2025: -5}\n")
    assert pohon.loads(text).nodes[2].pagu == {2025: -5}


@pytest.mark.parametrize(
    ("kind", "old", "new", "words"),
    [
        ("framework", "pohon-framework: 1", "pohon-framework: 2", ["perbarui pohon"]),
        ("framework", "pohon-framework: 1", "pohon-framework: true", ["versi format"]),
        ("framework", "pohon-framework: 1", "pohon-framework: 1.0", ["versi format"]),
        ("framework", "pohon-framework: 1", "pohon-framework: 0", ["versi format"]),
        ("framework", '{id: "2", name: Butir dua}', '{id: "1", name: Butir dua}', ["dua kali"]),
        ("framework", '{id: "2",', '{id: "2 b",', ["spasi"]),
        ("framework", "  level: kota", "  levle: kota", ["tidak dikenal", "level"]),
        ("framework", "  level: kota", "\tlevel: kota", ["tab dipakai untuk indentasi"]),
        ("crosswalk", "pohon-crosswalk: 1", "pohon-crosswalk: 2", ["perbarui pohon"]),
        ("crosswalk", "pohon-crosswalk: 1", "pohon-crosswalk: '1'", ["versi format"]),
        ("crosswalk", '  - {from: "1", to: ["4"]}', '  - {from: "1", too: ["4"]}', ["too"]),
    ],
)
def test_framework_and_crosswalk_files_are_read_like_plans(
    tmp_path: Path, kind: str, old: str, new: str, words: list[str]
) -> None:
    base = FRAMEWORK if kind == "framework" else CROSSWALK
    assert old in base
    text = base.replace(old, new)
    path = tmp_path / f"{kind}.yaml"
    path.write_text(text, encoding="utf-8")
    load = pohon.load_framework if kind == "framework" else pohon.load_crosswalk
    with pytest.raises(LoadError) as info:
        load(path)
    err = info.value
    said = str(err)
    assert str(path) in said
    assert line_of(text, new.strip()) in [p.line for p in err.problems], said
    for word in words:
        assert word in said, said
    assert "Value error" not in said
    assert "Input should" not in said
    assert said != err.format("en")


def test_a_framework_that_is_not_a_mapping_names_its_own_keys(tmp_path: Path) -> None:
    path = tmp_path / "kerangka.yaml"
    path.write_text("- satu\n- dua\n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        pohon.load_framework(path)
    assert "pohon-framework" in str(info.value)
    assert "nodes" not in str(info.value)


# -- 6. kode patterns from a file ----------------------------------------------------------------

SCHEME_PLAN = """\
pohon: 1
plan:
  id: skema-sendiri
  name: Rencana dengan skema sendiri
  period: {start: 2025, end: 2029}
  scheme:
    id: uji
    name: Skema uji
    levels:
      - {id: tema, name: Tema, owner: pemda}
      - id: prog
        name: Program
        owner: opd
        parents: [tema]
        kode: '@PATTERN@'
opds:
  - {id: dinkes, name: Dinas Kesehatan}
nodes:
  - {id: T1, level: tema, name: Tema satu}
  - {id: P1, level: prog, name: Program satu, opd: dinkes, parents: [T1], kode: '@KODE@'}
"""


def scheme_plan(pattern: str, kode: str) -> str:
    return SCHEME_PLAN.replace("@PATTERN@", pattern.replace("'", "''")).replace(
        "@KODE@", kode.replace("'", "''")
    )


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        ("(a+)+$", ["kuantifier tak terbatas"]),
        ("(a|aa)*b", ["kuantifier tak terbatas"]),
        ("(\\d*)*", ["kuantifier tak terbatas"]),
        ("(", ["tidak ditutup"]),
        ("[0-9", ["tidak ditutup"]),
        ("(?P<a>x)(?P<a>y)", ["grup bernama"]),
        ("(a)\\1", ["rujukan balik"]),
        ("(?=\\d)\\d", ["lookaround"]),
        ("(?<!x)\\d", ["lookaround"]),
        ("(?i)kode", ["flag"]),
        ("\\d{1000}", ["paling besar"]),
        ("(?:(?:\\d{100}){100}){100}", ["terlalu besar"]),
        ("*", ["tanpa sesuatu yang diulang"]),
        ("\\d" * 300, ["terlalu panjang"]),
    ],
)
def test_unsafe_or_invalid_kode_patterns_are_load_errors(pattern: str, words: list[str]) -> None:
    text = scheme_plan(pattern, "1")
    with pytest.raises(LoadError) as info:
        pohon.loads(text, file="skema.yaml")
    err = info.value
    assert len(err.problems) == 1, str(err)
    assert err.problems[0].line == line_of(text, "kode: '")
    assert err.problems[0].path == "plan.scheme.levels[1].kode"
    for word in words:
        assert word in str(err), str(err)
    assert "harus berupa teks" not in str(err)


def _check_in_child(text: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "skema.yaml"
    path.write_text(text, encoding="utf-8")
    return pohon_cli("check", str(path), "--format", "json")


@pytest.mark.parametrize(
    "pattern",
    [
        "(a+)+$",  # refused at load
        "a*" * 100 + "b",  # accepted: many quantifiers side by side, matched in linear time
        "(?:a|b|ab){1,100}c",  # accepted: bounded repetition of an alternation
        "(?:(?:a{1,10}){1,10})",
    ],
)
def test_no_kode_pattern_hangs_the_check(tmp_path: Path, pattern: str) -> None:
    proc = _check_in_child(scheme_plan(pattern, "a" * 90 + "!"), tmp_path)
    assert proc.returncode in (1, 2), proc.stderr[-2000:]
    if proc.returncode == 1:
        assert "PK504" in proc.stdout


@pytest.mark.parametrize(
    ("pattern", "kode", "fits"),
    [
        ("\\d\\.\\d{2}\\.\\d{2}", "1.02.02", True),
        ("\\d\\.\\d{2}\\.\\d{2}", "1.2.2", False),
        ("^[A-Z]{2,4}-\\d+$", "DKS-12", True),
        ("^[A-Z]{2,4}-\\d+$", "dks-12", False),
        ("(?:\\d{4}|\\d{2})", "12", True),
        ("(?:\\d{4}|\\d{2})", "123", False),
        ("[^.]+(?:\\.[^.]+)?", "a.b", True),
        ("\\d+", "1" * 150, False),  # longer than any kode: never a shape
    ],
)
def test_kode_patterns_keep_their_meaning(pattern: str, kode: str, fits: bool) -> None:
    report = pohon.check(pohon.loads(scheme_plan(pattern, kode)), select=["PK504"])
    assert (not any(d.code == "PK504" for d in report)) == fits


def test_an_output_that_is_a_folder_is_named_as_one(tmp_path: Path) -> None:
    (tmp_path / "hasil").mkdir()
    for extra in ((), ("--force",)):
        done = pohon_cli("example", "-o", "hasil", *extra, cwd=tmp_path)
        assert done.returncode == 2
        assert "hasil adalah folder" in done.stderr
        assert "--force" not in done.stderr
