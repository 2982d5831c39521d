"""Scoping a report to some OPDs, levels or a minimum severity: in the library and the CLI.

An evaluator of one OPD wants that OPD's findings and nothing else, told plainly that the
report is a part of the check and how much is left out; a wrong OPD id is an error, never
an empty report that looks like a clean one.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import pohon
from pohon.findings import UsageError
from pohon.io import example_text
from test_cli import run

TWO_OPDS = """\
pohon: 1
plan:
  id: dua-opd
  name: Rencana dua OPD
  period: {start: 2025, end: 2029}
  frameworks: [asta-cita-2025]
opds:
  - {id: dinkes, name: Dinas Kesehatan, kode: "1.02.0.00.0.00.01.0000"}
  - {id: dinsos, name: Dinas Sosial, kode: "1.06"}
nodes:
  - {id: V1, level: visi, name: Kota sehat}
  - {id: M1, level: misi, name: Warga sehat, parents: [V1]}
  - {id: T1, level: tujuan, name: Meningkatnya derajat kesehatan, parents: [M1]}
  - {id: S1, level: sasaran, name: Menurunnya stunting, parents: [T1]}
  - {id: SO2, level: sasaran_opd, name: Meningkatnya perlindungan sosial, opd: dinsos, parents: [S1]}
  - {id: P1, level: program, name: Meningkatnya layanan kesehatan, opd: dinkes, parents: [SO9]}
  - {id: P2, level: program, name: Meningkatnya bantuan sosial, opd: dinsos, parents: [SO2]}
"""
"""Findings of every kind: P1 (dinkes) has a missing parent (PK102, an error); the entry of
dinsos has a kode of the wrong shape (PK509); no node supports the Asta Cita items (PK304,
about the plan as a whole). Checked without the indicator rules (no node has indicators)."""

QUIET = ("--ignore", "indicators")


@pytest.fixture(scope="module")
def report() -> pohon.Report:
    return pohon.check(pohon.loads(TWO_OPDS, file="dua.yaml"), ignore=["indicators"])


def test_for_opd_keeps_its_nodes_and_its_opd_entry(report: pohon.Report) -> None:
    dinsos = report.for_opd("dinsos")
    assert dinsos.diagnostics
    assert {d.opd for d in dinsos} == {"dinsos"}
    # PK509 is about the entry of dinsos in ``opds`` (its kode "1.06"), not about a node.
    entry = dinsos.by_code("PK509")
    assert entry
    assert entry[0].node is None
    assert all(d.opd != "dinsos" for d in report.for_opd("dinkes"))


def test_plan_wide_findings_are_left_out_and_counted(report: pohon.Report) -> None:
    plan_wide = [d for d in report if d.node is None and d.opd is None]
    assert plan_wide, "the plan supports no Asta Cita item: PK304 findings about the plan"
    dinkes = report.for_opd("dinkes")
    assert not [d for d in dinkes if d.opd is None]
    assert dinkes.scope.plan_wide == len(plan_wide)
    assert dinkes.scope.left_out == len(report) - len(dinkes)
    assert "tentang rencana secara keseluruhan" in dinkes.scope.left_out_text("id")


def test_counts_and_ok_follow_the_scope(report: pohon.Report) -> None:
    dinkes = report.for_opd("dinkes")
    assert dinkes.summary["diagnostics"] == len(dinkes)
    assert dinkes.summary["error"] == len(dinkes.errors)
    assert dinkes.nodes == 1  # P1 is the only node of dinkes
    assert not dinkes.ok  # P1's parent S9 is missing: PK102
    assert dinkes.at_least("error").codes == ["PK102"]
    assert report.for_opd("dinsos").at_least("error").ok


def test_unknown_opd_is_a_usage_error_naming_the_known_ones(report: pohon.Report) -> None:
    with pytest.raises(UsageError, match=r"dinkez.*dinkes, dinsos"):
        report.for_opd("dinkez")
    with pytest.raises(UsageError):
        report.for_opd()
    lenient = report.for_opd("dinkes", "bappeda", strict=False)
    assert lenient.scope.absent_opds == ("bappeda",)
    assert "bappeda" in lenient.scope.absent_text("id")


def test_at_level_and_at_least(report: pohon.Report) -> None:
    programs = report.at_level("program")
    assert programs.diagnostics
    assert {d.level for d in programs} == {"program"}
    assert programs.nodes == 2
    with pytest.raises(UsageError, match=r"Program.*visi, misi"):
        report.at_level("Program")
    warnings = report.at_least("warning")
    assert {d.severity for d in warnings} <= {"error", "warning"}
    with pytest.raises(UsageError, match="fatal"):
        report.at_least("fatal")  # type: ignore[arg-type]
    # Scopes add up: narrowing again never widens.
    both = report.for_opd("dinkes").at_least("error").at_least("info")
    assert both.scope.severity == "error"
    assert both.scope.describe("id") == "hanya OPD dinkes, tingkat error ke atas"
    assert both.scope.describe("en") == "only OPD dinkes, severity error and above"
    assert report.for_opd("dinkes").for_opd("dinsos").diagnostics == ()
    assert not report.at_least("info").scope.applied


def test_to_csv_has_the_record_columns_and_defuses_formulas() -> None:
    text = TWO_OPDS.replace("Meningkatnya layanan kesehatan", "=HYPERLINK(1)")
    report = pohon.check(pohon.loads(text, file="dua.yaml")).for_opd("dinkes")
    assert report.diagnostics
    rows = list(csv.DictReader(io.StringIO(report.to_csv())))
    assert list(rows[0]) == list(pohon.findings.RECORD_COLUMNS)
    assert len(rows) == len(report)
    assert {r["opd"] for r in rows} == {"dinkes"}
    assert {r["name"] for r in rows if r["node"]} == {"'=HYPERLINK(1)"}


# -- the command line ------------------------------------------------------------------------


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "dua.yaml"
    path.write_text(TWO_OPDS, encoding="utf-8")
    return path


def test_cli_opd_says_the_scope_and_what_is_left_out(plan_file: Path) -> None:
    whole = run("check", str(plan_file), *QUIET)
    proc = run("check", str(plan_file), *QUIET, "--opd", "dinsos")
    lines = proc.stdout.splitlines()
    assert "(hanya OPD dinsos)" in lines[-2]
    assert "tidak ditampilkan" in lines[-1]
    assert "PK102" in whole.stdout
    assert "PK102" not in proc.stdout
    assert proc.returncode == 0  # the only error (PK102) is about dinkes
    assert run("check", str(plan_file), *QUIET, "--opd", "dinkes").returncode == 1
    assert whole.returncode == 1


def test_cli_opd_repeated_or_comma_separated(plan_file: Path) -> None:
    one = run("check", str(plan_file), *QUIET, "--opd", "dinkes,dinsos", "-f", "json")
    two = run("check", str(plan_file), *QUIET, "--opd", "dinkes", "--opd", "dinsos", "-f", "json")
    assert one.stdout == two.stdout
    data = json.loads(one.stdout)
    assert data["summary"]["files"][0]["scope"]["opds"] == ["dinkes", "dinsos"]
    assert {d["opd"] for d in data["diagnostics"]} == {"dinkes", "dinsos"}


def test_cli_level_and_severity(plan_file: Path) -> None:
    proc = run("check", str(plan_file), *QUIET, "--level", "Program", "--severity", "error")
    assert proc.returncode == 1
    assert "level program, tingkat error ke atas" in proc.stdout
    assert "[warning]" not in proc.stdout
    assert "[info]" not in proc.stdout
    clean = run("check", str(plan_file), *QUIET, "--level", "visi", "--severity", "error")
    assert clean.returncode == 0
    assert "tidak ada temuan pada 1 node (hanya level visi" in clean.stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--opd", "dinkez"], ["'dinkez'", "mungkin maksudnya: dinkes", "dinkes, dinsos"]),
        (["--opd", ","], ["--opd kosong"]),
        (["--level", "bidang"], ["'bidang'", "visi, misi, tujuan"]),
        (["--severity", "fatal"], ["'fatal'", "error, warning atau info"]),
    ],
)
def test_cli_bad_scope_is_a_usage_error(plan_file: Path, args: list[str], words: list[str]) -> None:
    proc = run("check", str(plan_file), *QUIET, *args)
    assert proc.returncode == 2
    assert proc.stdout == ""
    for word in words:
        assert word in proc.stderr


def test_cli_unknown_opd_in_an_empty_plan(tmp_path: Path) -> None:
    path = tmp_path / "kosong.yaml"
    path.write_text(
        "pohon: 1\nplan: {id: kosong, name: Kosong, period: {start: 2025, end: 2029}}\n",
        encoding="utf-8",
    )
    proc = run("check", str(path), "--opd", "dinkes")
    assert proc.returncode == 2
    assert "tidak punya daftar opds" in proc.stderr
    assert run("check", str(path), "--severity", "warning").returncode == 0


def test_cli_opd_over_a_folder_of_plans(tmp_path: Path) -> None:
    (tmp_path / "a-dua.yaml").write_text(TWO_OPDS, encoding="utf-8")
    (tmp_path / "b-mojokerto.yaml").write_text(example_text("mojokerto"), encoding="utf-8")
    # dinsos is in both plans; dlh only in Mojokerto, so the first plan says it lacks it.
    proc = run("check", str(tmp_path), "--opd", "dinsos,dlh", *QUIET)
    assert proc.returncode in (0, 1)
    assert "rencana ini tidak punya OPD dlh" in proc.stdout
    assert proc.stdout.count("(hanya OPD dinsos, dlh)") == 2
    assert proc.stdout.splitlines()[-1].startswith("Total: 2 berkas")
    assert run("check", str(tmp_path), "--opd", "dinkez").returncode == 2


def test_cli_csv_format(plan_file: Path, tmp_path: Path) -> None:
    broken = tmp_path / "rusak.yaml"
    broken.write_text("pohon: 1\nplan: [\n", encoding="utf-8")
    proc = run("check", str(plan_file), *QUIET, str(broken), "--format", "csv")
    assert proc.returncode == 2  # one input cannot be read
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert list(rows[0]) == list(pohon.findings.RECORD_COLUMNS)
    assert {"PK102", "PK003"} <= {r["code"] for r in rows}
    pk102 = next(r for r in rows if r["code"] == "PK102")
    assert (pk102["opd"], pk102["level"], pk102["node"]) == ("dinkes", "program", "P1")
    assert pk102["name"] == "Meningkatnya layanan kesehatan"
    assert next(r for r in rows if r["code"] == "PK003")["file"] == str(broken)


def test_cli_sarif_has_node_properties_and_a_separated_hint(plan_file: Path) -> None:
    proc = run("check", str(plan_file), *QUIET, "--format", "sarif", "--opd", "dinkes")
    run_ = json.loads(proc.stdout)["runs"][0]
    result = next(r for r in run_["results"] if r["ruleId"] == "PK102")
    assert result["properties"]["opd"] == "dinkes"
    assert result["properties"]["level"] == "program"
    assert result["properties"]["name"] == "Meningkatnya layanan kesehatan"
    assert ". Saran: " in result["message"]["text"]
    assert run_["properties"]["scopes"][0]["opds"] == ["dinkes"]
