"""Every rule has its case file: plans that must trigger it, and plans that must not."""

from __future__ import annotations

import pytest

import pohon
from pohon.rules import REGISTRY
from rulecases import Case, load_cases

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_rule_case(case: Case) -> None:
    plan = pohon.loads(case.text, format="yaml", file="case.yaml")
    previous = None if case.previous is None else pohon.loads(case.previous, format="yaml")
    report = pohon.check(plan, select=[case.rule], settings=case.settings, previous=previous)
    found = []
    for d in report:
        assert d.code == case.rule
        assert d.message, "every finding has a message"
        assert d.hint, "every finding has a hint"
        line = d.location.line - case.offset if d.location.line is not None else None
        found.append((d.node or "-", line))
    expected = []
    for item in case.expect:
        node, _, line = item.partition("@")
        expected.append((node, int(line) if line else None))
    got = sorted(
        (node, line if any(e[0] == node and e[1] is not None for e in expected) else None)
        for node, line in found
    )
    assert got == sorted(expected), f"{case.id}: found {found}"


WORKBOOK_ONLY = {"PK120"}
"""Rules that only a plan read from a workbook can trigger; their triggering cases are
workbooks (tests/test_cascading.py), their passing cases YAML plans here."""


def test_every_rule_has_cases() -> None:
    by_rule: dict[str, list[Case]] = {}
    for case in CASES:
        by_rule.setdefault(case.rule, []).append(case)
    missing = sorted(set(REGISTRY) - set(by_rule))
    assert not missing, f"rules without a case file: {missing}"
    for code, cases in by_rule.items():
        if code not in WORKBOOK_ONLY:
            assert any(c.expect for c in cases), f"{code} has no case that triggers it"
        assert any(not c.expect for c in cases), f"{code} has no case that passes it"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_case_message_renders(lang: str) -> None:
    for case in CASES:
        plan = pohon.loads(case.text, format="yaml")
        previous = None if case.previous is None else pohon.loads(case.previous, format="yaml")
        for d in pohon.check(plan, select=[case.rule], lang=lang, previous=previous):  # type: ignore[arg-type]
            assert "{" not in d.message.replace("{{", ""), d.message
