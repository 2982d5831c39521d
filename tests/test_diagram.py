"""Diagrams: the DOT text of every view, its layout to SVG, findings on the right boxes, and
names from other people's spreadsheets drawn as plain text.

The DOT snapshots live in tests/data/diagram/; after a deliberate change, write them again
with ``POHON_SNAPSHOTS=update python -m pytest tests/test_diagram.py`` and read the diff.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

import pohon
from pohon.render.diagram import MAX_LAYOUT_BOXES, diagram
from pohon.render.layout import DiagramError, NoEngineError, engine

HERE = Path(__file__).parent
DATA = HERE / "data" / "diagram"
SMALL = DATA / "kecil.yaml"
SVG = "{http://www.w3.org/2000/svg}"

needs_engine = pytest.mark.skipif(
    engine() is None, reason="no Graphviz engine (pip install 'pohon[diagram]')"
)


@pytest.fixture(scope="module")
def small() -> pohon.Plan:
    return pohon.load(SMALL)


def _snapshot(name: str, text: str) -> None:
    path = DATA / f"{name}.dot"
    if os.environ.get("POHON_SNAPSHOTS") == "update" or not path.exists():
        path.write_text(text, encoding="utf-8", newline="\n")
    assert text == path.read_text(encoding="utf-8"), f"{path.name} changed"


VIEWS: dict[str, dict[str, Any]] = {
    "pohon": {},
    "subpohon-S1-1": {"root": "S1", "depth": 1},
    "opd-dinkes": {"opd": "dinkes"},
    "cita": {"cita": "panca-cita-mojokerto-2025:1"},
    "keselarasan": {"view": "alignment"},
    "crosscutting-S1": {"view": "crosscutting", "root": "S1"},
    "warna-level": {"color_by": "level", "year": 2026},
    "warna-temuan-en": {"color_by": "severity", "lang": "en"},
}


@pytest.mark.parametrize("name", VIEWS)
def test_the_dot_of_every_view_matches_its_snapshot(small: pohon.Plan, name: str) -> None:
    drawing = diagram(small, **VIEWS[name])
    _snapshot(name, drawing.source)


def test_same_plan_same_bytes_whatever_the_node_order(small: pohon.Plan) -> None:
    data = json.loads(pohon.dumps(small, format="json"))
    data["nodes"].reverse()
    data["opds"].reverse()
    shuffled = pohon.loads(json.dumps(data), format="json")
    assert diagram(shuffled).source == diagram(small).source
    assert diagram(small).source == diagram(small).source


def test_boxes_show_level_kode_name_opd_and_the_years_target(small: pohon.Plan) -> None:
    source = diagram(small, year=2026).source
    line = next(s for s in source.splitlines() if "Program pemenuhan" in s)
    assert "Program · 1.02.02" in line
    assert "Dinkes" in line
    assert "Persentase posyandu aktif" in line
    assert "target 2026: 75 %" in line
    # One rank per level, from the top.
    ranks = [s for s in source.splitlines() if "rank=same" in s]
    assert len(ranks) == len({n.level for n in small.nodes})


def test_a_second_parent_and_crosscutting_are_drawn_apart_from_the_cascade(
    small: pohon.Plan,
) -> None:
    drawing = diagram(small)
    name = {node_id: dot for dot, node_id in drawing.names.items()}
    lines = drawing.source.splitlines()
    second = f"  {name['SO-DINSOS-1']} -> {name['P1']} "
    assert any(s.startswith(second) and "constraint=false" in s for s in lines)
    first = f"  {name['SO-DINKES-1']} -> {name['P1']};"
    assert first in lines
    # Dinsos serves S1: a dotted line to its box; Perkim has no node: a note box of its own.
    assert any(
        s.startswith(f"  {name['S1']} -> {name['SO-DINSOS-1']} ") and "dotted" in s for s in lines
    )
    perkim = next(dot for dot, key in drawing.others.items() if key == "opd:perkim")
    assert any(s.startswith(f"  {perkim} [") and "shape=note" in s for s in lines)
    assert "Keterangan" in drawing.source


def test_node_ids_never_take_the_place_of_the_diagrams_own_boxes() -> None:
    data = json.loads(pohon.dumps(pohon.load(SMALL), format="json"))
    data["nodes"].append({"id": "opd:perkim", "level": "misi", "name": "tiruan", "parents": ["V1"]})
    plan = pohon.loads(json.dumps(data), format="json")
    drawing = diagram(plan, findings=False)
    note = next(dot for dot, key in drawing.others.items() if key == "opd:perkim")
    node = next(dot for dot, key in drawing.names.items() if key == "opd:perkim")
    assert note != node
    defined = [s.split(" [")[0].strip() for s in drawing.source.splitlines() if " [label=" in s]
    assert len(defined) == len(set(defined))


def test_views_hold_the_right_nodes(small: pohon.Plan) -> None:
    def held(**options: Any) -> set[str]:
        return set(diagram(small, findings=False, **options).names.values())

    assert held(root="S1", depth=1) == {"S1", "SO-DINKES-1", "SO-DINSOS-1"}
    assert held(opd="dinsos") == {"V1", "M1", "T1", "S1", "SO-DINSOS-1"}
    assert held(cita="panca-cita-mojokerto-2025:1") >= {"M1", "T1", "S1", "P1", "K1"}
    assert held(view="alignment") <= {"T1", "S1", "M1"}
    crosscutting = diagram(small, view="crosscutting", root="S1")
    assert "opd:S1:perkim:missing" in crosscutting.others.values()
    assert "belum punya node di bawahnya" in crosscutting.source


@pytest.mark.parametrize(
    ("options", "said"),
    [
        ({"root": "S9"}, "tidak ada di rencana ini"),
        ({"opd": "dinkess"}, "mungkin: dinkes"),
        ({"cita": "panca-cita-mojokerto-2025:9"}, "cita"),
        ({"view": "peta"}, "pilihannya: tree, alignment, crosscutting"),
        ({"color_by": "warna"}, "pilihannya: opd, level, severity"),
        ({"depth": -1}, "depth"),
        ({"year": "2025"}, "year"),
        ({"year": 2031}, "di luar periode rencana (2025-2026)"),
        ({"view": "crosscutting", "root": "T1"}, "bukan sasaran Pemda"),
    ],
)
def test_misuse_is_one_clear_error(small: pohon.Plan, options: dict[str, Any], said: str) -> None:
    with pytest.raises(pohon.UsageError) as caught:
        diagram(small, **options)
    assert said in caught.value.message


# -- layout -----------------------------------------------------------------------------------


def _svg(drawing: pohon.Diagram) -> ET.Element:
    return ET.fromstring(drawing.render("svg"))


def _boxes(root: ET.Element) -> dict[str, ET.Element]:
    """The SVG group of each box, by its DOT name."""
    found = {}
    for group in root.iter(f"{SVG}g"):
        if group.get("class") == "node":
            title = group.find(f"{SVG}title")
            assert title is not None
            assert title.text
            found[title.text] = group
    return found


@needs_engine
def test_findings_are_marked_on_the_right_boxes(small: pohon.Plan) -> None:
    report = pohon.check(small)
    drawing = diagram(small, report)
    boxes = _boxes(_svg(drawing))
    assert len(boxes) == drawing.boxes + 1  # and the legend
    on_node: dict[str, list[pohon.Diagnostic]] = {}
    for d in report.diagnostics:
        if d.node is not None:
            on_node.setdefault(d.node, []).append(d)
    assert set(drawing.marked) == set(on_node)
    for dot_name, group in boxes.items():
        node_id = drawing.names.get(dot_name)
        if node_id is None:
            continue
        texts = " ".join(t.text or "" for t in group.iter(f"{SVG}text"))
        strokes = {e.get("stroke") for e in group.iter() if e.get("stroke")}
        if node_id in on_node:
            assert f"⚠ {len(on_node[node_id])}" in texts, node_id
            worst = min(d.severity for d in on_node[node_id])  # error < info < warning
            colour = {"error": "#c0392b", "info": "#2e86c1", "warning": "#d68910"}
            expected = "error" if worst == "error" else None
            if expected:
                assert colour[expected] in strokes, node_id
        else:
            assert "⚠" not in texts, node_id


HOSTILE = [
    "<script>alert('x')</script>",
    '" ]; evil [label="injected',
    "\\N \\G \\L \\n \\\\",
    "& &amp; &lt; &#60; ]]>",
    "{ } } digraph x {",
    "<<B>tebal</B>>",
    "baris satu\nbaris dua\r\n\tdan tab",
    "\u202eevil\u202c \u2066terbalik\u2069 \u200bnol",
    "<img src=x onerror=alert(1)>",
]


def _hostile_plan(big: bool = False) -> pohon.Plan:
    nodes: list[dict[str, Any]] = [{"id": "V1", "level": "visi", "name": "Visi"}]
    for k, name in enumerate(HOSTILE):
        nodes.append(
            {
                "id": f"M{k}",
                "level": "misi",
                "name": name,
                "parents": ["V1"],
                "kode": name[:20],
                "indicators": [
                    {"id": f"I{k}", "name": name, "satuan": name[:10], "targets": {"2025": 1}}
                ],
            }
        )
    if big:
        nodes.append({"id": "M-big", "level": "misi", "name": "x " * 2_500, "parents": ["V1"]})
    data = {
        "pohon": 1,
        "plan": {"id": "uji", "name": HOSTILE[0], "period": {"start": 2025, "end": 2026}},
        "opds": [{"id": "o", "name": HOSTILE[1], "singkatan": HOSTILE[0]}],
        "nodes": nodes,
    }
    return pohon.loads(json.dumps(data), format="json")


def test_hostile_names_stay_text_in_the_dot() -> None:
    drawing = diagram(_hostile_plan(big=True))
    source = drawing.source
    # Quoted strings (the title, tooltips) keep the text: Graphviz never reads them as
    # markup. Outside them (the HTML-like labels) no text from the plan is markup.
    outside = re.sub(r'"(?:[^"\\]|\\.)*"', '""', source)
    assert "<script" not in outside
    assert "<img" not in outside
    assert "<<B>tebal" not in outside
    assert "\u202e" not in source
    assert "\u2066" not in source
    assert "\u200b" not in source
    assert "x " * 300 not in source  # a 5,000-character name is cut, not copied
    pygraphviz = pytest.importorskip("pygraphviz")
    parsed = pygraphviz.AGraph(string=source)
    # Every box and the legend, nothing injected.
    assert len(parsed.nodes()) == drawing.boxes + 1
    assert parsed.get_node("n1") is not None


@needs_engine
def test_hostile_names_stay_text_in_the_svg() -> None:
    drawing = diagram(_hostile_plan())
    raw = drawing.render("svg").decode("utf-8")
    root = ET.fromstring(raw)
    tags = {e.tag.removeprefix(SVG) for e in root.iter()}
    assert not tags & {"script", "foreignObject", "img", "iframe"}
    for element in root.iter():
        assert not [a for a in element.attrib if a.lower().startswith("on")]
    texts = " ".join(" ".join(e.itertext()) for e in root.iter(f"{SVG}text"))
    assert "<script>alert('x')</script>" in texts
    assert "\\N \\G \\L" in texts
    assert "& &amp; &lt; &#60;" in texts
    assert "<<B>tebal</B>>" in texts
    assert "baris satu baris dua dan tab" in texts
    assert "\u202e" not in raw
    assert "\u2066" not in raw
    assert len(_boxes(root)) == drawing.boxes + 1


@needs_engine
def test_the_example_draws_within_the_limit_and_in_every_format() -> None:
    plan = pohon.example("mojokerto")
    drawing = diagram(plan)
    assert drawing.boxes == len(plan.nodes) + 4  # the crosscutting partners outside the plan
    assert drawing.render("png").startswith(b"\x89PNG")
    assert drawing.render("pdf").startswith(b"%PDF")
    assert drawing.render("dot") == drawing.source.encode("utf-8")
    bundle = drawing._repr_mimebundle_()
    assert bundle["image/svg+xml"].lstrip().startswith("<?xml")


def test_without_an_engine_the_user_is_told_and_gets_the_dot(
    small: pohon.Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POHON_GRAPHVIZ", "none")
    drawing = diagram(small)
    with pytest.raises(NoEngineError) as caught:
        drawing.render("svg")
    assert "pohon[diagram]" in caught.value.message
    bundle = drawing._repr_mimebundle_()
    assert set(bundle) == {"text/plain"}
    assert "tidak ada mesin tata letak Graphviz" in bundle["text/plain"]
    assert drawing.render("dot").startswith(b"digraph")


def test_a_plan_too_large_to_read_is_not_laid_out() -> None:
    sys.path.insert(0, str(HERE.parent))
    from benchmarks.synth import make_plan

    plan = pohon.loads(json.dumps(make_plan(MAX_LAYOUT_BOXES + 300, seed=3)), format="json")
    drawing = diagram(plan, findings=False)
    assert drawing.too_large
    with pytest.raises(DiagramError) as caught:
        drawing.render("svg")
    assert "--opd" in caught.value.message
    assert drawing.render("dot").startswith(b"digraph")
    one = plan.opds[0].id
    assert not diagram(plan, opd=one, findings=False).too_large


def test_a_few_boxes_with_a_web_of_lines_are_not_laid_out() -> None:
    # 300 sub kegiatan each under every one of 30 kegiatan: few boxes, 9,000 lines, which
    # Graphviz would route for minutes.
    kegiatan = [
        {"id": f"K{k}", "level": "kegiatan", "name": f"Kegiatan {k}", "opd": "dinkes"}
        for k in range(30)
    ]
    subs = [
        {
            "id": f"SK{s}",
            "level": "sub_kegiatan",
            "name": f"Sub kegiatan {s}",
            "opd": "dinkes",
            "parents": [f"K{k}" for k in range(30)],
        }
        for s in range(300)
    ]
    plan = pohon.Plan.model_validate(
        {
            "pohon": 1,
            "plan": {"id": "jaring", "name": "Jaring", "period": {"start": 2025, "end": 2029}},
            "opds": [{"id": "dinkes", "name": "Dinas Kesehatan"}],
            "nodes": [*kegiatan, *subs],
        }
    )
    drawing = diagram(plan, findings=False)
    assert drawing.boxes < MAX_LAYOUT_BOXES
    assert drawing.edges == 9000
    assert drawing.too_large
    with pytest.raises(DiagramError) as caught:
        drawing.render("svg")
    assert "garis" in caught.value.message


# -- command line ---------------------------------------------------------------------------


def pohon_cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Any:
    return subprocess.run(
        [sys.executable, "-m", "pohon", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "POHON_LANG": "id", **(env or {})},
        check=False,
    )


@needs_engine
def test_render_writes_an_svg_and_never_overwrites(tmp_path: Path) -> None:
    plan = tmp_path / "rencana.yaml"
    plan.write_bytes(SMALL.read_bytes())
    done = pohon_cli("render", "rencana.yaml", "-o", "pohon.svg", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "pohon.svg ditulis" in done.stderr
    svg = (tmp_path / "pohon.svg").read_bytes()
    assert ET.fromstring(svg).tag == f"{SVG}svg"
    again = pohon_cli("render", "rencana.yaml", "-o", "pohon.svg", "--opd", "dinkes", cwd=tmp_path)
    assert again.returncode == 2
    assert "--force" in again.stderr
    assert (tmp_path / "pohon.svg").read_bytes() == svg
    forced = pohon_cli(
        "render", "rencana.yaml", "-o", "pohon.svg", "--opd", "dinkes", "--force", cwd=tmp_path
    )
    assert forced.returncode == 0, forced.stderr
    assert (tmp_path / "pohon.svg").read_bytes() != svg
    assert plan.read_bytes() == SMALL.read_bytes()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["-o", "gambar.txt"], "akhiran berkas"),
        (["-o", "x.svg", "--opd", "tidak-ada"], "yang ada: dinkes, dinsos, perkim"),
        (["-o", "x.svg", "--root", "S1", "--depth", "dua"], "--depth"),
        (["-o", "x.svg", "--view", "crosscutting", "--root", "V1"], "bukan sasaran Pemda"),
    ],
)
def test_render_misuse_exits_2_in_indonesian(tmp_path: Path, args: list[str], said: str) -> None:
    (tmp_path / "rencana.yaml").write_bytes(SMALL.read_bytes())
    done = pohon_cli("render", "rencana.yaml", *args, cwd=tmp_path)
    assert done.returncode == 2
    assert said in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "x.svg").exists()


def test_render_without_an_engine_writes_the_dot_beside(tmp_path: Path) -> None:
    (tmp_path / "rencana.yaml").write_bytes(SMALL.read_bytes())
    done = pohon_cli(
        "render", "rencana.yaml", "-o", "pohon.svg", cwd=tmp_path, env={"POHON_GRAPHVIZ": "none"}
    )
    assert done.returncode == 2
    assert "tidak ada mesin tata letak Graphviz" in done.stderr
    assert "pohon.dot" in done.stderr
    assert (tmp_path / "pohon.dot").read_text(encoding="utf-8").startswith("digraph")
    assert not (tmp_path / "pohon.svg").exists()


def test_a_style_hook_may_set_colours_and_widths_only(small: pohon.Plan) -> None:
    def good(box: Any) -> dict[str, str]:
        return {"fillcolor": "#ffeeaa", "penwidth": "3", "style": "rounded,filled"}

    assert 'fillcolor="#ffeeaa"' in diagram(small, styles=[good], findings=False).source
    for bad in (
        {"href": "javascript:alert(1)"},
        {"image": "/etc/passwd"},
        {"peripheries": "100000"},
        {"penwidth": "1e9"},
        {"color": 'red" ]; x [label="y'},
        {"x" * 100_000: "1"},
        {1: "red"},
    ):
        with pytest.raises(pohon.UsageError):
            diagram(small, styles=[lambda box, bad=bad: bad], findings=False)
    with pytest.raises(pohon.UsageError):
        diagram(small, styles=[lambda box: None], findings=False)  # type: ignore[arg-type,return-value]


@needs_engine
def test_level_names_and_tooltips_from_the_plan_stay_plain_text() -> None:
    data = json.loads(pohon.dumps(pohon.load(SMALL), format="json"))
    levels = [lv.model_dump(exclude_none=True) for lv in pohon.KOTA.levels]
    levels[0]["name"] = "Vi\x01si \\N <b>"
    data["plan"]["scheme"] = {"id": "uji", "name": "uji", "levels": levels}
    data["nodes"][0]["name"] = "VISI a\\Nb \\G c"
    plan = pohon.loads(json.dumps(data), format="json")
    drawing = diagram(plan, findings=False, root="V1", depth=1)
    assert "\x01" not in drawing.source
    root = ET.fromstring(drawing.render("svg"))
    texts = " ".join(" ".join(e.itertext()) for e in root.iter(f"{SVG}text"))
    assert "Vi si \\N <b>" in texts
    assert "VISI a\\Nb \\G c" in texts
    titles = [v for e in root.iter() for k, v in e.attrib.items() if k.endswith("title")]
    assert not [t for t in titles if "pohon" in t or "n1b" in t]


def test_save_never_writes_over_the_plan_and_says_why_it_cannot_write(tmp_path: Path) -> None:
    plan_file = tmp_path / "rencana.dot"  # a plan file with an odd name
    plan_file.write_text(pohon.dumps(pohon.example("mojokerto")), encoding="utf-8")
    plan = pohon.load(plan_file)
    drawing = diagram(plan, opd="dinkes", findings=False)
    with pytest.raises(DiagramError) as caught:
        drawing.save(str(plan_file), force=True)
    assert "tidak pernah ditimpa" in caught.value.message
    assert plan_file.read_text(encoding="utf-8").startswith("pohon: 1")
    with pytest.raises(DiagramError) as caught:
        drawing.save(str(tmp_path / "tidak-ada" / "x.dot"))
    assert "tidak bisa ditulis" in caught.value.message


@pytest.mark.parametrize(
    ("options", "said"),
    [
        ({"depth": 2}, "beri juga root"),
        ({"root": "T1", "opd": "dinkes"}, "tidak bisa dipakai bersama"),
        ({"view": "alignment", "opd": "dinkes"}, "tidak berlaku pada tampilan alignment"),
        ({"view": "crosscutting", "cita": "panca-cita-mojokerto-2025:1"}, "tidak berlaku"),
    ],
)
def test_options_that_do_not_go_together_are_refused(options: dict[str, Any], said: str) -> None:
    with pytest.raises(pohon.UsageError) as caught:
        diagram(pohon.example("mojokerto"), findings=False, **options)
    assert said in str(caught.value)


def test_cli_refuses_a_whole_large_plan_before_drawing_it(tmp_path: Path) -> None:
    sys.path.insert(0, str(HERE.parent))
    from benchmarks.synth import make_plan

    (tmp_path / "besar.json").write_text(json.dumps(make_plan(MAX_LAYOUT_BOXES + 500, seed=1)))
    done = pohon_cli("render", "besar.json", "-o", "besar.svg", cwd=tmp_path)
    assert done.returncode == 2
    assert "terlalu banyak untuk digambar utuh" in done.stderr
    assert not (tmp_path / "besar.svg").exists()
    dot = pohon_cli("render", "besar.json", "-o", "besar.dot", cwd=tmp_path)
    assert dot.returncode == 0, dot.stderr  # the DOT source is still written


def test_opds_sharing_a_singkatan_keep_their_own_legend_entries() -> None:
    plan = pohon.example("mojokerto")
    opds = tuple(o.model_copy(update={"singkatan": "DINAS"}) for o in plan.opds)
    drawing = diagram(plan.model_copy(update={"opds": opds}), findings=False)
    assert "DINAS (dinkes)" in drawing.source
    assert "DINAS (dinsos)" in drawing.source
