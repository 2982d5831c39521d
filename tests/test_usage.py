"""Misuse of the API raises one documented error type, at the call, in both languages."""

from __future__ import annotations

import math
from typing import Any

import pytest

import pohon


@pytest.fixture(scope="module")
def plan() -> pohon.Plan:
    return pohon.example("mojokerto")


@pytest.mark.parametrize(
    ("kwargs", "said"),
    [
        ({"severity": {"PK501": "fatal"}}, "'fatal' tidak dikenal"),
        ({"severity": {"PK999": "error"}}, "'PK999' tidak dikenal"),
        ({"select": ["PK9"]}, "tidak ada aturan yang cocok dengan 'PK9'"),
        ({"ignore": 5}, "ignore harus berupa teks"),
        ({"settings": {"pagu_tolerance": math.nan}}, "terhingga"),
        ({"settings": {"pagu_tolerance": -1}}, "pagu_tolerance"),
        ({"settings": {"bogus": 1}}, "pengaturan 'bogus' tidak dikenal"),
        ({"settings": {"alignment_severity": {"nasional": "fatal"}}}, "alignment_severity"),
        ({"settings": "pagu_tolerance=5"}, "settings harus berupa dict"),
        ({"lang": "jv"}, "lang harus 'id' atau 'en'"),
    ],
)
def test_check_refuses_wrong_arguments_at_the_call(
    plan: pohon.Plan, kwargs: dict[str, Any], said: str
) -> None:
    with pytest.raises(pohon.UsageError) as caught:
        pohon.check(plan, **kwargs)
    assert said in str(caught.value)
    assert caught.value.message_en
    assert caught.value.message_en != caught.value.message
    assert isinstance(caught.value, ValueError), "code that caught ValueError keeps working"


def test_check_needs_a_plan() -> None:
    with pytest.raises(pohon.UsageError, match="check\\(\\) membutuhkan Plan"):
        pohon.check({"plan": {}})  # type: ignore[arg-type]


def test_alignment_refuses_a_framework_id_given_as_text(plan: pohon.Plan) -> None:
    with pytest.raises(pohon.UsageError, match="daftar id kerangka"):
        pohon.alignment(plan, "asta-cita-2025")  # type: ignore[arg-type]
    assert pohon.alignment(plan, ["asta-cita-2025"]).required == ("asta-cita-2025",)


def test_a_valid_tolerance_changes_the_findings(plan: pohon.Plan) -> None:
    strict = pohon.check(plan, select="PK502")
    loose = pohon.check(plan, select="PK502", settings={"pagu_tolerance": 10**15})
    assert len(loose) <= len(strict)


def test_every_code_has_one_catalogue_entry() -> None:
    assert set(pohon.RULES) <= set(pohon.CATALOGUE)
    load = sorted(c for c, e in pohon.CATALOGUE.items() if e.family == "load")
    assert load == [f"PK00{i}" for i in range(1, 9)]
    slugs = [e.slug for e in pohon.CATALOGUE.values()]
    assert len(slugs) == len(set(slugs))


def test_a_workbook_location_reads_as_a_cell() -> None:
    where = pohon.Location("rencana.xlsx", sheet="Indikator", cell="F17")
    assert str(where) == "rencana.xlsx!Indikator!F17"
    assert where.to_dict()["cell"] == "F17"
