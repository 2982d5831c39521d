"""The crosswalks shipped between frameworks: they load, point at real items, and form no loop."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import networkx as nx
import pytest

import pohon
from pohon.analysis import crosswalk_chain
from pohon.io import builtin_crosswalks, load_crosswalk, loads_crosswalk
from pohon.model import Crosswalk

SHIPPED = builtin_crosswalks()
CROSSWALK_IDS = sorted(SHIPPED)


def shipped_files() -> list[tuple[str, str]]:
    """(file name, text) of every crosswalk file in the package."""
    folder = resources.files("pohon") / "data" / "crosswalks"
    return sorted(
        (entry.name, entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".yaml")
    )


def test_crosswalks_are_shipped() -> None:
    assert len(SHIPPED) >= 7
    pairs = {(cw.source, cw.target) for cw in SHIPPED.values()}
    assert ("panca-cita-mojokerto-2025", "asta-cita-2025") in pairs
    assert ("mbatu-sae-batu-2025", "nawa-bhakti-satya-2025") in pairs


@pytest.mark.parametrize(("name", "text"), shipped_files())
def test_every_file_loads_and_is_named_after_its_id(name: str, text: str) -> None:
    crosswalk = loads_crosswalk(text, file=name)
    assert name == f"{crosswalk.id}.yaml"
    assert crosswalk.id == f"{crosswalk.source}--{crosswalk.target}"


def test_no_two_files_share_an_id() -> None:
    ids = [loads_crosswalk(text, file=name).id for name, text in shipped_files()]
    assert len(ids) == len(set(ids))
    assert sorted(ids) == CROSSWALK_IDS


def test_no_two_files_link_the_same_pair() -> None:
    pairs = [(cw.source, cw.target) for cw in SHIPPED.values()]
    assert len(pairs) == len(set(pairs))


@pytest.mark.parametrize("crosswalk_id", CROSSWALK_IDS)
def test_frameworks_and_items_exist(crosswalk_id: str) -> None:
    crosswalk = SHIPPED[crosswalk_id]
    frameworks = pohon.builtin_frameworks()
    assert crosswalk.source in frameworks
    assert crosswalk.target in frameworks
    assert crosswalk.source != crosswalk.target
    source = frameworks[crosswalk.source]
    target = frameworks[crosswalk.target]
    assert crosswalk.links
    for link in crosswalk.links:
        assert source.item(link.source).id == link.source
        for item_id in link.targets:
            assert target.item(item_id).id == item_id
        assert len(link.targets) == len(set(link.targets)), link


@pytest.mark.parametrize("crosswalk_id", CROSSWALK_IDS)
def test_marked_as_judgement_with_basis_and_notes(crosswalk_id: str) -> None:
    info = SHIPPED[crosswalk_id].crosswalk
    assert info.judgement is True
    assert info.basis is not None
    assert info.basis.strip()
    assert info.notes is not None
    assert info.notes.strip()
    # The notes tell the user how to replace the shipped judgement with their own.
    assert "load_crosswalk" in info.notes


@pytest.mark.parametrize("crosswalk_id", CROSSWALK_IDS)
def test_every_link_has_a_note(crosswalk_id: str) -> None:
    for link in SHIPPED[crosswalk_id].links:
        assert link.note is not None, link
        assert link.note.strip(), link


def test_the_framework_graph_has_no_cycle() -> None:
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_edges_from((cw.source, cw.target) for cw in SHIPPED.values())
    assert nx.is_directed_acyclic_graph(graph), list(nx.simple_cycles(graph))
    # The same holds for the walk the alignment analysis takes from every framework.
    derived, chain = crosswalk_chain(sorted(pohon.builtin_frameworks()), SHIPPED.values())
    assert derived == []
    assert len(chain) == len(SHIPPED)


def test_national_items_are_not_reached_from_a_city() -> None:
    """Asta Cita 1 (ideologi), 2 (hankam) and 5 (hilirisasi) are not a city's cita."""
    frameworks = pohon.builtin_frameworks()
    for crosswalk in SHIPPED.values():
        if crosswalk.target != "asta-cita-2025":
            continue
        if frameworks[crosswalk.source].framework.level != "kota":
            continue
        targets = {t for ts in crosswalk.mapping().values() for t in ts}
        assert not targets & {"1", "2", "5"}, crosswalk.id


USER_CROSSWALK = """\
pohon-crosswalk: 1
crosswalk:
  id: panca-cita-mojokerto-2025--asta-cita-2025
  from: panca-cita-mojokerto-2025
  to: asta-cita-2025
  judgement: true
links:
  - from: "1"
    to: ["4"]
    note: "SDM"
  - from: "3"
    to: ["6"]
    weight: 2
"""


def test_unknown_key_in_a_user_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(USER_CROSSWALK, encoding="utf-8")
    with pytest.raises(pohon.LoadError) as info:
        load_crosswalk(path)
    error = info.value
    assert error.file == str(path)
    lines = [p.line for p in error.problems]
    assert lines == [13]
    assert f"{path}:13" in str(error)
    assert "weight" in str(error)
    assert "weight" in error.format("en")


def test_user_file_loads_when_valid(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(USER_CROSSWALK.replace("    weight: 2\n", ""), encoding="utf-8")
    crosswalk = load_crosswalk(path)
    assert crosswalk.mapping() == {"1": ("4",), "3": ("6",)}
    assert crosswalk.links[1].note is None


def test_mapping_is_the_union_of_targets_per_source_item() -> None:
    crosswalk = loads_crosswalk(
        """\
pohon-crosswalk: 1
crosswalk: {id: a--b, from: a, to: b}
links:
  - {from: "1", to: ["4"]}
  - {from: "2", to: ["3", "6"]}
  - {from: "1", to: ["8", "4"]}
"""
    )
    assert crosswalk.mapping() == {"1": ("4", "8"), "2": ("3", "6")}
    assert Crosswalk.model_validate(crosswalk.model_dump(by_alias=True)) == crosswalk


@pytest.mark.parametrize("crosswalk_id", CROSSWALK_IDS)
def test_mapping_of_shipped_crosswalks(crosswalk_id: str) -> None:
    crosswalk = SHIPPED[crosswalk_id]
    expected: dict[str, set[str]] = {}
    for link in crosswalk.links:
        expected.setdefault(link.source, set()).update(link.targets)
    mapping = crosswalk.mapping()
    assert {k: set(v) for k, v in mapping.items()} == expected
    assert all(len(v) == len(set(v)) for v in mapping.values())
