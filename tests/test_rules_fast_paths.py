"""The rules' quick first looks pass over only what has nothing to report.

Most rules first read shared columns (``ctx.columns``, ``ctx.links``, ``ctx.indicators``) and
look closer only at the nodes and indicators that might be at fault. These tests put faults
just where a quick look could miss them: values out of year order, ranges and texts among
numbers, floats with many digits, links that point up the cascade, names that start with a
space or an unusual letter.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import pohon
from pohon.rules import Context
from pohon.rules.indicators import (
    IMPACT_INDICATOR_PREFIXES,
    OUTCOME_NODE_PREFIXES,
    PROCESS_PREFIXES,
    _prefix_matcher,
)
from rulecases import HEADER


def _plan(nodes: str) -> pohon.Plan:
    return pohon.loads(HEADER + nodes, format="yaml")


def _found(plan: pohon.Plan, code: str) -> list[tuple[str | None, str | None, dict[str, Any]]]:
    return [(d.node, d.field, dict(d.values)) for d in pohon.check(plan, select=[code])]


def _indicator(targets: str, **extra: str) -> str:
    fields = "".join(f", {key}: {value}" for key, value in extra.items())
    return f"""nodes:
  - {{id: V1, level: visi, name: Visi}}
  - {{id: M1, level: misi, name: Misi, parents: [V1]}}
  - id: T1
    level: tujuan
    name: Meningkatnya derajat kesehatan
    parents: [M1]
    indicators:
      - {{id: T1.I1, name: Indikator, satuan: "%", targets: {targets}{fields}}}
"""


# -- target direction (PK205) ------------------------------------------------------------------


def test_targets_written_out_of_year_order_are_read_in_year_order() -> None:
    plan = _plan(_indicator("{2027: 30, 2025: 10, 2026: 40, 2028: 50, 2029: 60}"))
    [(_, _, values)] = _found(plan, "PK205")
    assert (values["from_year"], values["to_year"]) == (2026, 2027)


def test_a_baseline_in_the_first_target_year_is_not_a_step() -> None:
    plan = _plan(_indicator("{2025: 10, 2026: 20}", baseline="{year: 2025, value: 99}"))
    assert _found(plan, "PK205") == []


def test_a_fall_from_the_baseline_is_found_on_a_lower_is_better_rise() -> None:
    plan = _plan(
        _indicator("{2025: 9, 2026: 9}", polarity="lower", baseline="{year: 2024, value: 8}")
    )
    [(_, _, values)] = _found(plan, "PK205")
    assert (values["from_year"], values["to_year"]) == (2024, 2025)


@given(st.lists(st.integers(-3, 3) | st.sampled_from([0.5, 2.5, -1.5]), max_size=6))
def test_falls_and_rises_say_what_the_steps_do(series: list[float]) -> None:
    targets = ", ".join(f"{2025 + k}: {v}" for k, v in enumerate(series))
    t = Context(_plan(_indicator("{" + targets + "}"))).indicators
    steps = list(pairwise(series))
    assert t.falls[0] == any(b < a for a, b in steps)
    assert t.rises[0] == any(b > a for a, b in steps)


# -- float artefacts (PK213) ---------------------------------------------------------------------


def test_artefacts_inside_ranges_and_among_texts_are_found() -> None:
    plan = _plan(
        _indicator(
            '{2025: [64.64999999999999, 70], 2026: "-", 2027: 0.30000000000000004}',
            polarity="range",
        )
    )
    found = _found(plan, "PK213")
    assert [values["years"] for _, _, values in found] == [[2025, 2027]]


def test_a_long_number_far_from_any_short_decimal_is_not_an_artefact() -> None:
    plan = _plan(_indicator("{2025: 12345678901.5, 2026: 1234567.100001}"))
    [(_, _, values)] = _found(plan, "PK213")
    assert values["years"] == [2026]  # 1234567.1, written with a rounding tail


# -- percent scale (PK212) ---------------------------------------------------------------------


def test_proportions_are_found_and_a_single_one_is_not() -> None:
    proportions = _plan(_indicator("{2025: 0.8, 2026: 0.85}", measure="percent"))
    assert [values["values"] for _, _, values in _found(proportions, "PK212")] == [[0.8, 0.85]]
    with_one = _plan(_indicator("{2025: 0.8, 2026: 1}", measure="percent"))
    assert _found(with_one, "PK212") == []


# -- cycles and pagu (PK103, PK502) ------------------------------------------------------------


def test_a_cycle_through_a_parent_at_a_later_level_is_found() -> None:
    plan = _plan(
        """nodes:
  - {id: V1, level: visi, name: Visi}
  - {id: M1, level: misi, name: Misi, parents: [V1, T1]}
  - {id: T1, level: tujuan, name: Tujuan, parents: [M1]}
"""
    )
    assert [node for node, _, _ in _found(plan, "PK103")] == ["M1"]


def _pagu_plan(program: str, first: str, second: str) -> pohon.Plan:
    return _plan(
        f"""nodes:
  - {{id: SO1, level: sasaran_opd, name: Sasaran, opd: dinkes}}
  - {{id: P1, level: program, name: Program, parents: [SO1], opd: dinkes, kode: "1.02.02", pagu: {program}}}
  - {{id: K1, level: kegiatan, name: Kegiatan, parents: [P1], opd: dinkes, kode: "1.02.02.2.01", pagu: {first}}}
  - {{id: K2, level: kegiatan, name: Kegiatan, parents: [P1], opd: dinkes, kode: "1.02.02.2.02", pagu: {second}}}
"""
    )


def test_children_pagu_written_in_another_year_order_still_add_up() -> None:
    plan = _pagu_plan("{2025: 30, 2026: 70}", "{2026: 50, 2025: 10}", "{2025: 20, 2026: 20}")
    assert _found(plan, "PK502") == []
    plan = _pagu_plan("{2025: 30, 2026: 75}", "{2026: 50, 2025: 10}", "{2025: 20, 2026: 20}")
    assert [values["years"] for _, _, values in _found(plan, "PK502")] == [(2026,)]


def test_float_pagu_is_summed_child_by_child() -> None:
    plan = _pagu_plan("{2025: 0.3}", "{2025: 0.1}", "{2025: 0.2}")
    assert _found(plan, "PK502") == []  # 0.1 + 0.2 is within the tolerance of 0.3


# -- names (PK114, PK206, PK207) ---------------------------------------------------------------


def test_placeholder_names_after_spaces_and_in_capitals_are_found() -> None:
    plan = _plan(
        """nodes:
  - {id: V1, level: visi, name: Visi}
  - {id: M1, level: misi, name: "  belum  ada", parents: [V1]}
  - {id: M2, level: misi, name: "Tidak Termasuk sasaran RPJMD", parents: [V1]}
  - {id: M3, level: misi, name: "Belumlah ada", parents: [V1]}
"""
    )
    assert [node for node, _, _ in _found(plan, "PK114")] == ["M1", "M2"]


def _plain_prefix(text: str, prefixes: tuple[str, ...]) -> str | None:
    """The longest prefix that the tidied, case-folded text starts with as whole words."""
    lowered = " ".join(text.split()).casefold()
    best: str | None = None
    for prefix in prefixes:
        p = prefix.casefold()
        rest = lowered[len(p) :]
        if not lowered.startswith(p) or (not p.endswith(" ") and rest and rest[0].isalnum()):
            continue
        if best is None or len(prefix) > len(best):
            best = prefix
    return None if best is None else best.strip()


_ODD_PIECES = [" ", "  ", "\t", "\n", "\u00a0", "K", "k", "ß", "İ", "ﬁ", "1", "_", "-", "(", "é"]
_PIECES = st.sampled_from(
    [*PROCESS_PREFIXES, *IMPACT_INDICATOR_PREFIXES, *OUTCOME_NODE_PREFIXES, *_ODD_PIECES]
)


@given(st.lists(_PIECES, max_size=4).map("".join), st.booleans())
def test_prefix_matching_reads_like_the_plain_reading(text: str, upper: bool) -> None:
    text = text.upper() if upper else text
    for prefixes in (PROCESS_PREFIXES, IMPACT_INDICATOR_PREFIXES, OUTCOME_NODE_PREFIXES):
        assert _prefix_matcher(prefixes)(text) == _plain_prefix(text, prefixes)
