"""Properties over generated plans: lossless round trips, order independence, valid is clean."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pohon
from pohon import Plan
from strategies import faulty_plan_dicts, plan_dicts, plans

SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def plain(value: Any) -> Any:
    """Data with year keys as text and tuples as lists: what JSON can hold."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def typed(value: Any) -> Any:
    """``value`` with the type of every scalar next to it, so ``73 != 73.0`` here."""
    if isinstance(value, dict):
        return {k: typed(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [typed(v) for v in value]
    return (type(value).__name__, value)


def triples(plan: Plan) -> Counter[tuple[str, str | None, str]]:
    return Counter((d.code, d.node, d.message) for d in pohon.check(plan))


# -- (a) round trips --------------------------------------------------------------------------


@SETTINGS
@given(plans())
def test_yaml_round_trip_is_lossless(plan: Plan) -> None:
    text = pohon.dumps(plan)
    again = pohon.loads(text, format="yaml")
    assert again == plan
    assert typed(again.model_dump()) == typed(plan.model_dump())
    assert pohon.dumps(plan) == text
    assert pohon.dumps(again) == text


@SETTINGS
@given(plans())
def test_json_round_trip_is_lossless(plan: Plan) -> None:
    text = pohon.dumps(plan, format="json")
    again = pohon.loads(text, format="json")
    assert again == plan
    assert typed(again.model_dump()) == typed(plan.model_dump())
    assert pohon.dumps(plan, format="json") == text
    assert pohon.dumps(again, format="json") == text


@SETTINGS
@given(plan_dicts())
def test_dumps_are_what_was_given(data: dict[str, Any]) -> None:
    """What is written holds exactly the data the plan was made from, for any reader."""
    plan = Plan.model_validate(data)
    from_json = json.loads(pohon.dumps(plan, format="json"))
    from_yaml = yaml.safe_load(pohon.dumps(plan))
    assert from_json == plain(data)
    assert plain(from_yaml) == from_json


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(plans())
def test_yaml_and_json_agree(plan: Plan) -> None:
    via_yaml = pohon.loads(pohon.dumps(plan), format="yaml")
    via_json = pohon.loads(pohon.dumps(plan, format="json"), format="json")
    assert pohon.dumps(via_yaml, format="json") == pohon.dumps(via_json, format="json")


# -- (b) node order does not change the report ------------------------------------------------


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(faulty_plan_dicts(), st.randoms(use_true_random=False))
def test_node_order_does_not_change_the_report(data: dict[str, Any], rnd: Any) -> None:
    plan = Plan.model_validate(data)
    shuffled = dict(data, nodes=list(data["nodes"]))
    rnd.shuffle(shuffled["nodes"])
    other = pohon.loads(pohon.dumps(Plan.model_validate(shuffled)))
    assert triples(other) == triples(plan)


@SETTINGS
@given(plan_dicts(), st.randoms(use_true_random=False))
def test_node_order_does_not_change_the_report_of_a_valid_plan(
    data: dict[str, Any], rnd: Any
) -> None:
    shuffled = dict(data, nodes=list(data["nodes"]))
    rnd.shuffle(shuffled["nodes"])
    assert triples(Plan.model_validate(shuffled)) == triples(Plan.model_validate(data))


# -- (c) a valid plan is clean -----------------------------------------------------------------


@SETTINGS
@given(plans())
def test_valid_plan_has_no_errors(plan: Plan) -> None:
    report = pohon.check(plan)
    assert report.errors == [], [(d.code, d.node, d.message) for d in report.errors]
    assert report.ok
    structure = [(d.code, d.node, d.message) for d in report if d.code.startswith("PK1")]
    assert structure == []


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(plans())
def test_valid_plan_loaded_from_text_is_clean_and_located(plan: Plan) -> None:
    loaded = pohon.loads(pohon.dumps(plan), file="rencana.yaml")
    report = pohon.check(loaded)
    assert report.errors == []
    for diagnostic in report:
        assert diagnostic.location.file == "rencana.yaml"
        assert diagnostic.location.line is not None


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(faulty_plan_dicts())
def test_faulty_plan_never_raises_and_is_located(data: dict[str, Any]) -> None:
    text = pohon.dumps(Plan.model_validate(data))
    plan = pohon.loads(text, file="rencana.yaml")
    report = pohon.check(plan)
    lines = text.split("\n")
    index = plan.node_index()
    for diagnostic in report:
        assert diagnostic.message
        assert diagnostic.hint
        line = diagnostic.location.line
        if diagnostic.node is None or diagnostic.node not in index:
            assert line is None or 1 <= line <= len(lines)
            continue
        # The line lies within the node the diagnostic is about ...
        i = index[diagnostic.node]
        start = plan.source.node_line(i)
        following = plan.source.node_line(i + 1)
        end = following - 1 if following is not None else len(lines)
        assert line is not None
        assert start <= line <= end, (diagnostic.code, diagnostic.node, line, start, end)
        # ... on the key it names, or else on the node or indicator it concerns.
        written = lines[line - 1]
        if diagnostic.field is not None and line != start:
            assert f"{diagnostic.field}:" in written or (
                diagnostic.indicator is not None and "id:" in written
            ), (diagnostic.code, diagnostic.field, written)
