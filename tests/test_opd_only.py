"""A plan holding one OPD's Renstra only (no RPJMD nodes) is recognised and judged as such.

The fixture ``data/renstra-dinkes.yaml`` is the Dinkes part of the (illustrative) Mojokerto
example: tujuan PD down to sub kegiatan, whose tujuan and sasaran PD link to T2, S2 and S3 of
an RPJMD that is not in the file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import pohon
from pohon.rules.context import NEEDS_RPJMD
from test_cli import run

RENSTRA = Path(__file__).parent / "data" / "renstra-dinkes.yaml"


@pytest.fixture(scope="module")
def plan() -> pohon.Plan:
    return pohon.load(RENSTRA)


def test_recognised(plan: pohon.Plan) -> None:
    assert plan.opd_only
    assert not pohon.example("mojokerto").opd_only
    empty = pohon.loads("pohon: 1\nplan: {id: e, name: E, period: {start: 2025, end: 2029}}\n")
    assert not empty.opd_only  # no node: nothing to recognise


def test_rpjmd_parents_named_once_not_per_link(plan: pohon.Plan) -> None:
    report = pohon.check(plan)
    assert "PK102" not in report.codes
    assert not [code for code in report.codes if code in NEEDS_RPJMD]
    (finding,) = report.by_code("PK117")
    assert finding.related == ("S2", "S3", "T2")
    assert finding.values["links"] == 3
    assert finding.message.endswith(
        "induk RPJMD yang tidak ada di berkas ini: S2, S3, T2 (3 tautan)"
    )
    assert "PK304" in finding.message  # it says what was not judged
    assert finding.opd == "dinkes"
    assert finding.values["opds"] == ["dinkes"]  # the message names it, the data ids it
    assert report.ok
    english = pohon.check(plan, lang="en").by_code("PK117")[0]
    assert "RPJMD parents not in this file: S2, S3, T2 (3 links)" in english.message


def test_whole_plan_is_judged_as_before() -> None:
    report = pohon.check(pohon.example("mojokerto"))
    assert "PK117" not in report.codes
    assert "PK304" in report.codes


def test_scoped_to_its_opd_keeps_the_note(plan: pohon.Plan) -> None:
    assert "PK117" in pohon.check(plan).for_opd("dinkes").codes


def test_cli_check(tmp_path: Path) -> None:
    proc = run("check", str(RENSTRA))
    assert proc.returncode == 0
    assert proc.stdout.count("PK117") == 1
    assert "PK102" not in proc.stdout
    assert "hanya memuat Renstra OPD Dinas Kesehatan," in proc.stdout


@pytest.mark.parametrize(
    ("kind", "lang", "words"),
    [
        (
            "crosscutting",
            "id",
            ["(tidak ada baris)", "sasaran Pemda dari RPJMD, yang ada di berkas lain"],
        ),
        ("crosscutting", "en", ["(no rows)", "the Pemda's sasaran from the RPJMD"]),
        ("alignment", "id", ["cakupan kosong tidak berarti butir itu tidak didukung RPJMD"]),
        ("alignment", "en", ["an empty coverage does not mean"]),
    ],
)
def test_cli_matrix_says_why_it_is_empty(kind: str, lang: str, words: list[str]) -> None:
    proc = run("matrix", kind, str(RENSTRA), "--lang", lang)
    assert proc.returncode == 0
    for word in words:
        assert word in proc.stdout


def test_matrix_html_and_json(plan: pohon.Plan) -> None:
    html = run("matrix", "crosscutting", str(RENSTRA), "--format", "html").stdout
    assert '<p class="note">Rencana ini hanya memuat Renstra OPD' in html
    data = json.loads(run("matrix", "alignment", str(RENSTRA), "--format", "json").stdout)
    assert data["opd_only"] is True
    whole = pohon.crosscutting(pohon.example("mojokerto")).matrix().to_dict()
    assert "opd_only" not in whole
    assert pohon.crosscutting(plan).opd_only
    assert pohon.alignment(plan).matrix().opd_only
