"""What users meet around a check: a graph for yEd and Gephi, a readable repr, workbooks."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

import pohon
from pohon.io import example_text
from test_cli import run

# -- GraphML / GEXF export -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("write", "read"), [(nx.write_graphml, nx.read_graphml), (nx.write_gexf, nx.read_gexf)]
)
def test_graph_exports_to_yed_and_gephi(tmp_path: Path, write: object, read: object) -> None:
    plan = pohon.example("mojokerto")
    graph = pohon.to_networkx(plan)
    for _, data in graph.nodes(data=True):
        assert None not in data.values()
    for _, _, data in graph.edges(data=True):
        assert None not in data.values()
    path = tmp_path / "pohon.graph"
    write(graph, path)  # type: ignore[operator]
    back = read(path)  # type: ignore[operator]
    program = back.nodes["P-DINKES-1.02.01"]
    node = plan.node("P-DINKES-1.02.01")
    assert program["name"] == node.name
    assert program["level"] == "program"
    assert program["opd"] == "dinkes"
    assert program["kode"] == "1.02.01"
    assert program["label"] == f"1.02.01 {node.name}"
    assert program["pagu"] == sum(node.pagu.values())
    assert program["pagu_2026"] == node.pagu[2026]
    assert back.nodes["opd:dinkes"]["name"] == "Dinas Kesehatan"
    # A node without OPD, kode or pagu (the visi) has no such attribute rather than a None.
    assert {"opd", "kode", "pagu"}.isdisjoint(back.nodes["V1"])
    assert back.number_of_nodes() == graph.number_of_nodes()


# -- repr -----------------------------------------------------------------------------------


def test_plan_and_node_repr_are_short_and_the_data_stays() -> None:
    plan = pohon.example("mojokerto")
    text = repr(plan)
    assert text == "<Plan kota-mojokerto-2025-2029-ilustratif: 277 node, 15 OPD, 2025-2029>"
    assert str(plan) == text
    node = plan.node("P-DINKES-1.02.01")
    assert repr(node).startswith("<Node P-DINKES-1.02.01 program 1.02.01 'Meningkatnya")
    assert len(repr(node)) < 120
    assert len(str(plan.model_dump())) > 100_000  # the full data is one call away
    # Equality is still over the content.
    again = pohon.example("mojokerto")
    assert plan == again
    changed = plan.model_copy(update={"nodes": plan.nodes[:-1]})
    assert plan != changed
    assert node == again.node("P-DINKES-1.02.01")


# -- workbooks ------------------------------------------------------------------------------


def test_folder_checks_its_workbooks_and_names_those_it_skips(tmp_path: Path) -> None:
    (tmp_path / "rpjmd.yaml").write_text(example_text("mojokerto"), encoding="utf-8")
    (tmp_path / "renstra").mkdir()
    (tmp_path / "renstra" / "dinkes.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    (tmp_path / "pokin.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "~$pokin.xlsx").write_bytes(b"lock")  # Excel's lock file: not a workbook
    proc = run("check", str(tmp_path))
    assert proc.returncode == 2  # dinkes.xlsx is read, and cannot be
    assert "dinkes.xlsx: berkas .xlsx rusak" in proc.stdout
    notes = [line for line in proc.stderr.splitlines() if "simpan sebagai .xlsx" in line]
    assert len(notes) == 1
    assert "pokin.xls " in notes[0]
    assert "~$" not in proc.stderr + proc.stdout


def test_workbook_given_by_name_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "pokin.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    proc = run("check", str(path))
    assert proc.returncode == 2
    assert "simpan sebagai .xlsx" in proc.stdout
    with pytest.raises(pohon.LoadError) as caught:
        pohon.load(path)
    assert caught.value.problems[0].code == "PK001"
    only = tmp_path / "hanya-excel"
    only.mkdir()
    (only / "a.ods").write_bytes(b"PK")
    proc = run("check", str(only), "--lang", "en")
    assert proc.returncode == 2
    assert "a.ods skipped: .xls/.ods workbooks are not read" in proc.stderr
