"""Properties of the alignment and crosscutting analyses over generated plans.

(a) adding an alignment never takes support away from any item; (b) renaming node ids
changes nothing but the ids; (c) the crosscutting cells count exactly the (sasaran, OPD
node) pairs that the cascade links, computed here independently with networkx.
"""

from __future__ import annotations

import copy
import dataclasses
import random
from typing import Any

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pohon
from pohon import AlignmentResult, CrosscuttingResult, Plan
from pohon.model import Crosswalk
from strategies import aligned_plan_dicts, aligned_plans, crosswalks, framework_refs

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SINK = "sdgs"
"""A shipped framework that no shipped crosswalk starts from: a crosswalk into it never
closes a loop."""


def support_sets(result: AlignmentResult) -> dict[str, set[tuple[str, str]]]:
    """Per item, everything that supports it: nodes (direct or inherited) and the items it
    is derived from through crosswalks."""
    return {
        s.ref: {("node", n) for n in s.nodes} | {("crosswalk", r) for r in s.derived_from}
        for s in result.items
    }


# -- (a) more alignment, never less coverage ----------------------------------------------------


@SETTINGS
@given(aligned_plan_dicts(), st.data())
def test_adding_an_alignment_never_lowers_coverage(
    data: dict[str, Any], draw: st.DataObject
) -> None:
    named: list[str] = data["plan"]["frameworks"]
    source = draw.draw(st.sampled_from(named), label="crosswalk source")
    walks: list[Crosswalk] = [draw.draw(crosswalks(source, SINK), label="crosswalk")]
    before = pohon.alignment(Plan.model_validate(data), crosswalks=walks)

    more = copy.deepcopy(data)
    node = more["nodes"][draw.draw(st.integers(0, len(more["nodes"]) - 1), label="node")]
    ref = draw.draw(st.sampled_from(framework_refs(named)), label="added ref")
    node["aligns"] = [*node.get("aligns", ()), ref]
    after = pohon.alignment(Plan.model_validate(more), crosswalks=walks)

    assert after.required == before.required
    assert after.derived == before.derived
    old, new = support_sets(before), support_sets(after)
    assert set(old) == set(new)
    for item, supporters in old.items():
        assert supporters <= new[item], item
    # The added node itself now supports the item, directly.
    assert node["id"] in after.item(ref).direct
    for fw in (*before.required, *before.derived):
        assert after.coverage(fw) >= before.coverage(fw)
    assert {s.ref for s in after.unsupported} <= {s.ref for s in before.unsupported}
    assert set(after.unaligned) <= set(before.unaligned)


# -- (b) renaming ids changes nothing but ids ---------------------------------------------------


def rename(data: dict[str, Any], mapping: dict[str, str]) -> dict[str, Any]:
    """The plan with every node id and parent reference renamed through ``mapping``."""
    out = copy.deepcopy(data)
    for node in out["nodes"]:
        node["id"] = mapping[node["id"]]
        node["parents"] = [
            mapping[p] if isinstance(p, str) else {**p, "id": mapping[p["id"]]}
            for p in node.get("parents", ())
        ]
    return out


def alignment_back(result: AlignmentResult, back: dict[str, str]) -> dict[str, Any]:
    """What an alignment result says, with node ids mapped through ``back``."""

    def ids(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(back[v] for v in values)

    return {
        "items": [
            dataclasses.replace(s, direct=ids(s.direct), inherited=ids(s.inherited))
            for s in result.items
        ],
        "records": result.to_records(),
        "unaligned": ids(result.unaligned),
        "bad": [dataclasses.replace(b, node=back[b.node]) for b in result.bad_references],
        "stray": sorted((back[s.node], s.ref, s.ancestors_support) for s in result.stray),
        "opds": result.opds,
        "node_opd": {back[n]: o for n, o in result.node_opd.items()},
        "unsupported": [s.ref for s in result.unsupported],
    }


def crosscutting_back(result: CrosscuttingResult, back: dict[str, str]) -> dict[str, Any]:
    """What a crosscutting result says, with node ids mapped through ``back``."""

    def ids(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(back[v] for v in values)

    return {
        "sasaran": ids(result.sasaran),
        "level": result.sasaran_level,
        "opds": result.opds,
        "names": {back[s]: name for s, name in result.names.items()},
        "cells": [
            dataclasses.replace(c, sasaran=back[c.sasaran], nodes=ids(c.nodes))
            for c in result.cells
        ],
        "orphan": ids(result.orphan_sasaran),
        "idle": result.idle_opds,
        "declarations": [
            dataclasses.replace(g, node=back[g.node]) for g in result.declaration_gaps
        ],
        "keroyokan": [dataclasses.replace(k, node=back[k.node]) for k in result.keroyokan],
        "duplicates": [
            dataclasses.replace(d, first=back[d.first], second=back[d.second])
            for d in result.duplicates
        ],
        "lone": [dataclasses.replace(lone, node=back[lone.node]) for lone in result.lone_outcomes],
    }


@SETTINGS
@given(aligned_plan_dicts(), st.randoms(use_true_random=False))
def test_renaming_ids_changes_nothing_but_ids(data: dict[str, Any], rnd: random.Random) -> None:
    ids = [node["id"] for node in data["nodes"]]
    # New ids in a shuffled order, so that any ordering by id would show.
    fresh = [f"id-{k:04d}" for k in range(len(ids))]
    rnd.shuffle(fresh)
    mapping = dict(zip(ids, fresh, strict=True))
    back = {new: old for old, new in mapping.items()}

    plan = Plan.model_validate(data)
    renamed = Plan.model_validate(rename(data, mapping))
    assert alignment_back(pohon.alignment(renamed), back) == alignment_back(
        pohon.alignment(plan), {i: i for i in ids}
    )
    assert crosscutting_back(pohon.crosscutting(renamed), back) == crosscutting_back(
        pohon.crosscutting(plan), {i: i for i in ids}
    )


# -- (c) the cells count the contributions -----------------------------------------------------


@SETTINGS
@given(aligned_plans())
def test_cells_sum_to_the_contributions(plan: Plan) -> None:
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(node.id for node in plan.nodes)
    graph.add_edges_from((parent.id, node.id) for node in plan.nodes for parent in node.parents)
    scheme = plan.scheme
    owner = {level.id: level.owner for level in scheme.levels}
    present = {node.level for node in plan.nodes}
    pemda = [lv for lv in scheme.level_ids if owner[lv] == "pemda" and lv in present]
    sasaran = {node.id for node in plan.nodes if pemda and node.level == pemda[-1]}
    expected = {
        (s, node.id, node.opd)
        for node in plan.nodes
        if node.opd is not None and owner[node.level] == "opd"
        for s in nx.ancestors(graph, node.id) & sasaran
    }

    result = pohon.crosscutting(plan)
    assert sum(len(cell.nodes) for cell in result.cells) == len(expected)
    assert {(c.sasaran, n, c.opd) for c in result.cells for n in c.nodes} == expected
    matrix = result.matrix().to_dict()
    assert sum(cell["count"] for cell in matrix["cells"]) == len(expected)
    # A sasaran is an orphan exactly when no OPD node lies below it.
    assert set(result.orphan_sasaran) == sasaran - {s for s, _, _ in expected}
