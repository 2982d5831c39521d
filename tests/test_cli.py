"""The ``pohon`` command line, run as a user runs it: a separate process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

import pohon
from pohon import cli
from pohon.io import example_text
from pohon.rules import REGISTRY
from test_render import check_json_contract, check_sarif

PLAN = """\
pohon: 1
plan:
  id: {id}
  name: Rencana uji
  period: {{start: 2025, end: 2029}}
nodes:
  - {{id: V1, level: visi, name: Kota maju}}
  - id: M1
    level: misi
    name: Warga <b>sehat</b> & "sejahtera"
    parents: [V9]
"""
"""A plan with one error-severity finding (PK102, line 11) and other findings."""

CLEAN = """\
pohon: 1
plan:
  id: bersih
  name: Rencana bersih
  period: {start: 2025, end: 2029}
nodes: []
"""


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Any:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("POHON_", "NO_COLOR"))}
    environment["PYTHONIOENCODING"] = "utf-8"
    environment.update(env or {})
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


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    (tmp_path / "satu.yaml").write_text(PLAN.format(id="satu"), encoding="utf-8")
    return tmp_path


@pytest.fixture
def example_file(tmp_path: Path) -> Path:
    path = tmp_path / "mojokerto.yaml"
    path.write_text(example_text("mojokerto"), encoding="utf-8")
    return path


# -- pohon check ----------------------------------------------------------------------------


def test_check_example_exit_code(example_file: Path) -> None:
    proc = run("check", example_file.name, cwd=example_file.parent)
    expected = 0 if pohon.check(pohon.example()).ok else 1
    assert proc.returncode == expected, proc.stderr
    nodes = len(pohon.example().nodes)
    last = proc.stdout.splitlines()[-1]
    assert last.startswith("mojokerto.yaml: ")
    assert last.endswith(f"pada {nodes} node")
    for line in proc.stdout.splitlines():
        if line.startswith("mojokerto.yaml:") and line != last:
            assert line.split(":")[1].isdigit() or line.startswith("mojokerto.yaml: PK")
            assert " [" in line


def test_check_text_lines(plans: Path) -> None:
    proc = run("check", "satu.yaml", cwd=plans)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    i = lines.index(next(line for line in lines if "PK102" in line))
    assert lines[i].startswith("satu.yaml:11: PK102 [error] ")
    assert lines[i + 1].startswith("  saran: ")
    assert lines[-1].startswith("satu.yaml: 1 error, ")
    assert lines[-1].endswith(" pada 2 node")
    assert "\x1b[" not in proc.stdout, "no colour when stdout is not a terminal"


def test_check_english(plans: Path) -> None:
    proc = run("check", "satu.yaml", "--lang", "en", cwd=plans)
    assert proc.returncode == 1
    assert "  hint: " in proc.stdout
    assert "saran" not in proc.stdout
    assert "which is not in the plan" in proc.stdout
    assert proc.stdout.splitlines()[-1].endswith(" in 2 nodes")
    by_env = run("check", "satu.yaml", cwd=plans, env={"POHON_LANG": "en"})
    assert by_env.stdout == proc.stdout


def test_check_json_contract(plans: Path) -> None:
    proc = run("check", "satu.yaml", "--format", "json", cwd=plans)
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    check_json_contract(data)
    pk102 = [d for d in data["diagnostics"] if d["code"] == "PK102"]
    assert len(pk102) == 1
    assert pk102[0]["node"] == "M1"
    assert pk102[0]["location"] == {
        "file": "satu.yaml",
        "line": 11,
        "column": None,
        "sheet": None,
        "cell": None,
        "path": "nodes[1].parents",
    }
    assert pk102[0]["related"] == ["V9"]
    assert data["summary"]["files"][0]["plan"] == "satu"
    assert data["load_errors"] == []


def test_check_example_json_and_sarif(example_file: Path) -> None:
    proc = run("check", str(example_file), "-f", "json")
    data = json.loads(proc.stdout)
    check_json_contract(data)
    assert all(isinstance(d["location"]["line"], int) for d in data["diagnostics"] if d["node"])
    proc = run("check", str(example_file), "-f", "sarif")
    doc = json.loads(proc.stdout)
    check_sarif(doc)
    assert len(doc["runs"][0]["results"]) == len(data["diagnostics"])


def test_check_sarif(plans: Path) -> None:
    proc = run("check", "satu.yaml", "--format", "sarif", "--lang", "en", cwd=plans)
    assert proc.returncode == 1
    doc = json.loads(proc.stdout)
    check_sarif(doc)
    run_ = doc["runs"][0]
    assert len(run_["tool"]["driver"]["rules"]) == len(REGISTRY)
    result = next(r for r in run_["results"] if r["ruleId"] == "PK102")
    assert result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 11
    assert result["properties"]["node"] == "M1"


def test_select_and_ignore(plans: Path) -> None:
    proc = run("check", "satu.yaml", "-f", "json", "--select", "PK1", cwd=plans)
    codes = {d["code"] for d in json.loads(proc.stdout)["diagnostics"]}
    assert codes
    assert all(c.startswith("PK1") for c in codes)
    assert set(json.loads(proc.stdout)["summary"]["rules"]) == {
        c for c in REGISTRY if c.startswith("PK1")
    }
    proc = run("check", "satu.yaml", "-f", "json", "--ignore", "PK1,PK2", cwd=plans)
    codes = {d["code"] for d in json.loads(proc.stdout)["diagnostics"]}
    assert not any(c.startswith(("PK1", "PK2")) for c in codes)
    proc = run("check", "satu.yaml", "--select", "unknown-parent", cwd=plans)
    assert proc.returncode == 1
    found = {line.split()[1] for line in proc.stdout.splitlines() if " [" in line}
    assert found == {"PK102"}
    proc = run("check", "satu.yaml", "--ignore", "PK102", "--select", "PK1", cwd=plans)
    assert "PK102" not in proc.stdout


def test_bad_select_is_a_usage_error(plans: Path) -> None:
    proc = run("check", "satu.yaml", "--select", "PK9", cwd=plans)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "'PK9'" in proc.stderr
    assert "--select" in proc.stderr
    proc = run("check", "satu.yaml", "--ignore", "bogus", "--lang", "en", cwd=plans)
    assert proc.returncode == 2
    assert "no rule matches 'bogus'" in proc.stderr


def test_flags_may_follow_paths(plans: Path) -> None:
    (plans / "dua.yaml").write_text(PLAN.format(id="dua"), encoding="utf-8")
    proc = run("check", "satu.yaml", "--format", "json", "dua.yaml", "--lang", "en", cwd=plans)
    data = json.loads(proc.stdout)
    assert [f["file"] for f in data["summary"]["files"]] == ["satu.yaml", "dua.yaml"]
    proc = run("check", "satu.yaml", "--bogus", cwd=plans)
    assert proc.returncode == 2
    assert "--bogus" in proc.stderr


def test_folder_with_a_broken_file(tmp_path: Path) -> None:
    folder = tmp_path / "rencana"
    (folder / "opd").mkdir(parents=True)
    (folder / "a.yaml").write_text(PLAN.format(id="a"), encoding="utf-8")
    (folder / "opd" / "b.yml").write_text(PLAN.format(id="b"), encoding="utf-8")
    (folder / "c.json").write_text(
        '{"pohon": 1,\n "plan": {"id": "c", "name": "C", "period": {"start": 2025, "end": 2029}},\n'
        ' "nodes": [{"id": "V1", "level": "visii", "name": "Kota"}]}\n',
        encoding="utf-8",
    )
    (folder / "catatan.txt").write_text("bukan rencana", encoding="utf-8")
    (folder / ".tersembunyi.yaml").write_text("x: [", encoding="utf-8")
    proc = run("check", "rencana", cwd=tmp_path)
    assert proc.returncode == 2
    out = proc.stdout
    a, b, c = (os.path.join("rencana", *p) for p in (["a.yaml"], ["opd", "b.yml"], ["c.json"]))
    assert f"{a}:11: PK102 [error]" in out
    assert f"{b}:11: PK102 [error]" in out
    assert f"{c}:3: [nodes[0].level] level 'visii' tidak dikenal" in out
    assert f"{c}: tidak bisa dibaca (1 masalah)" in out
    assert out.index(a) < out.index(c) < out.index(b), "files in sorted order"
    assert "catatan.txt" not in out
    assert "tersembunyi" not in out
    assert out.splitlines()[-1].startswith("Total: 3 berkas (1 tidak bisa dibaca), 2 error")
    data = json.loads(run("check", "rencana", "-f", "json", cwd=tmp_path).stdout)
    check_json_contract(data)
    assert data["summary"]["checked"] == 2
    assert [e["file"] for e in data["load_errors"]] == [c]
    assert data["load_errors"][0]["line"] == 3
    assert data["load_errors"][0]["path"] == "nodes[0].level"
    doc = json.loads(run("check", "rencana", "-f", "sarif", cwd=tmp_path).stdout)
    check_sarif(doc)
    notes = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert (
        notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "rencana/c.json"
    )


def test_schema_errors_in_english(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text(
        "plan: {id: x, name: X, period: {start: 2025, end: 2029}}\n"
        "nodes:\n  - {id: V1, level: visii, name: Kota}\n",
        encoding="utf-8",
    )
    proc = run("check", "x.yaml", "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout.startswith("x.yaml:3: [nodes[0].level] unknown level 'visii'")
    assert "x.yaml: cannot be read (1 problem)" in proc.stdout


def test_unreadable_paths(tmp_path: Path) -> None:
    (tmp_path / "biner.yaml").write_bytes(b"PK\x03\x04\x00\x00binary")
    (tmp_path / "kosong").mkdir()
    (tmp_path / "ok.yaml").write_text(CLEAN, encoding="utf-8")
    proc = run("check", "tidak-ada.yaml", "biner.yaml", "kosong", "ok.yaml", cwd=tmp_path)
    assert proc.returncode == 2
    assert "tidak-ada.yaml: path tidak ditemukan" in proc.stdout
    assert "biner.yaml: berkas biner" in proc.stdout
    assert "kosong: folder ini tidak berisi berkas" in proc.stdout
    assert "ok.yaml: " in proc.stdout, "the readable file is still checked"
    proc = run("check", "tidak-ada.yaml", "--lang", "en", cwd=tmp_path)
    assert "tidak-ada.yaml: path not found" in proc.stdout


def test_a_file_the_reader_lets_through_does_not_stop_the_others(tmp_path: Path) -> None:
    huge = PLAN.format(id="besar").replace("parents: [V9]", "parents: [V9]\n    pagu: {2026: %s}")
    (tmp_path / "a-besar.yaml").write_text(huge % ("9" * 5000), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(PLAN.format(id="b"), encoding="utf-8")
    proc = run("check", ".", cwd=tmp_path)
    assert proc.returncode == 2
    assert "a-besar.yaml" in proc.stdout
    assert "b.yaml:11: PK102 [error]" in proc.stdout


def test_clean_plan_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "ok.yaml").write_text(CLEAN, encoding="utf-8")
    proc = run("check", "ok.yaml", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout.splitlines()[-1].startswith("ok.yaml: ")


def test_output_file_and_colour(plans: Path) -> None:
    proc = run("check", "satu.yaml", "-f", "sarif", "-o", "hasil.sarif", cwd=plans)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert "hasil.sarif" in proc.stderr
    check_sarif(json.loads((plans / "hasil.sarif").read_text(encoding="utf-8")))
    coloured = run("check", "satu.yaml", "--color", "always", cwd=plans)
    assert "\x1b[1;31m[error]" in coloured.stdout
    proc = run("check", "satu.yaml", "-o", str(plans / "nope" / "x.txt"), cwd=plans)
    assert proc.returncode == 2
    assert "tidak bisa menulis" in proc.stderr


def test_check_without_paths_is_a_usage_error() -> None:
    proc = run("check")
    assert proc.returncode == 2
    assert "pemakaian:" in proc.stderr


# -- pohon rules / rule -------------------------------------------------------------------


def test_rules_lists_every_code() -> None:
    proc = run("rules")
    assert proc.returncode == 0
    for code, r in REGISTRY.items():
        line = next(line for line in proc.stdout.splitlines() if code in line)
        assert r.slug in line
        assert r.severity in line
        assert r.title in line
    english = run("rules", "--lang", "en")
    assert all(r.title_en in english.stdout for r in REGISTRY.values())
    data = json.loads(run("rules", "--format", "json").stdout)
    documented = pohon.rules.registry.documented()
    assert [r["code"] for r in data["rules"]] == sorted(
        documented, key=lambda c: (list(pohon.rules.FAMILIES).index(documented[c].family), c)
    )


def test_rule_shows_the_four_sections() -> None:
    proc = run("rule", "PK101")
    assert proc.returncode == 0
    for heading in ("Apa", "Mengapa", "Contoh", "Perbaikan", "Pesan", "Saran"):
        assert f"\n{heading}\n" in proc.stdout
    r = REGISTRY["PK101"]
    assert r.title in proc.stdout
    assert r.hint[0] in proc.stdout
    english = run("rule", "duplicate-node-id", "--lang", "en")
    assert english.returncode == 0
    for heading in ("What", "Why", "Example", "Fix", "Message", "Hint"):
        assert f"\n{heading}\n" in english.stdout
    assert run("rule", "pk101").stdout == proc.stdout


def test_unknown_rule() -> None:
    proc = run("rule", "PK999")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "PK999" in proc.stderr
    assert "pohon rules" in proc.stderr
    close = run("rule", "PK10", "--lang", "en")
    assert close.returncode == 2
    assert "did you mean" in close.stderr
    assert "PK101" in close.stderr


# -- pohon schema / example / version -------------------------------------------------------


def test_schema_validates_the_example() -> None:
    proc = run("schema")
    assert proc.returncode == 0
    schema = json.loads(proc.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert run("schema").stdout == proc.stdout, "deterministic"
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    dumped = json.loads(pohon.dumps(pohon.example(), format="json"))
    validator.validate(dumped)
    validator.validate(yaml.safe_load(example_text()))
    broken = dict(dumped, nodes=[{"id": "V1", "level": "visi"}])
    assert list(validator.iter_errors(broken)), "a node without a name is refused"
    extra = dict(dumped, unknown=1)
    assert list(validator.iter_errors(extra)), "unknown keys are refused"


def test_example_written_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "contoh.yaml"
    proc = run("example", "-o", str(target))
    assert proc.returncode == 0
    assert target.read_text(encoding="utf-8") == example_text("mojokerto")
    again = run("example", "mojokerto", "-o", str(target))
    assert again.returncode == 2
    assert "--force" in again.stderr
    assert run("example", "-o", str(target), "--force").returncode == 0
    assert run("example").stdout == example_text("mojokerto")


def test_unknown_example() -> None:
    proc = run("example", "surabaya")
    assert proc.returncode == 2
    assert "mojokerto" in proc.stderr


def test_version() -> None:
    proc = run("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"pohon {pohon.__version__}"


def test_help_is_indonesian() -> None:
    proc = run("--help")
    assert proc.returncode == 0
    assert "pemakaian: pohon" in proc.stdout
    for command in ("check", "rules", "rule", "schema", "example"):
        assert command in proc.stdout
    assert run("check", "--help").stdout.count("--select") >= 1


# -- in-process: main() returns codes, never raises ---------------------------------------------


def test_main_returns_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--version"]) == 0
    assert cli.main(["rule", "PK999"]) == 2
    assert cli.main(["nope"]) == 2
    capsys.readouterr()


def test_unexpected_fault_is_reported_briefly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(args: object) -> int:
        raise RuntimeError("rusak di dalam")

    monkeypatch.setitem(cli._COMMANDS, "rules", boom)
    monkeypatch.delenv("POHON_DEBUG", raising=False)
    assert cli.main(["rules"]) == cli.EXIT_SOFTWARE
    err = capsys.readouterr().err
    assert "RuntimeError" in err
    assert "rusak di dalam" in err
    assert "Traceback" not in err
    monkeypatch.setenv("POHON_DEBUG", "1")
    with pytest.raises(RuntimeError):
        cli.main(["rules"])
