"""What changed between two revisions: pohon.diff, apply, the revision rules, pohon diff."""

from __future__ import annotations

import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pohon
from pohon.analysis.diff import KINDS, apply
from pohon.cli import main
from strategies import plans

EXAMPLES = Path(pohon.__file__).parent / "data" / "examples"
OLD = EXAMPLES / "mojokerto-rancangan.yaml"
NEW = EXAMPLES / "mojokerto.yaml"


def _normal(plan: pohon.Plan) -> tuple[Any, ...]:
    """A plan without the order of its nodes and of each node's indicators, which a diff
    does not record."""
    nodes = sorted(
        (
            node.id,
            node.model_copy(
                update={"indicators": tuple(sorted(node.indicators, key=lambda i: i.id))}
            ),
        )
        for node in plan.nodes
    )
    return plan.format, plan.info, tuple(sorted(plan.opds, key=lambda o: o.id)), tuple(nodes)


def _unique(plan: pohon.Plan) -> bool:
    ids = [n.id for n in plan.nodes]
    if len(set(ids)) != len(ids) or len({o.id for o in plan.opds}) != len(plan.opds):
        return False
    return all(len({i.id for i in n.indicators}) == len(n.indicators) for n in plan.nodes)


# -- the example's story ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def story() -> pohon.PlanDiff:
    return pohon.diff(pohon.example("mojokerto-rancangan"), pohon.example("mojokerto"))


def _of(d: pohon.PlanDiff, kind: str) -> list[tuple[Any, ...]]:
    return [(c.node, c.indicator, c.field, c.year, c.old, c.new) for c in d.of_kind(kind)]


def test_the_asistensi_split_a_sasaran_and_moved_its_opd_sasaran(story: pohon.PlanDiff) -> None:
    assert _of(story, "node-added")[1][:5] == ("S12", None, None, None, None)
    moved = {c.node: (c.old, c.new) for c in story.of_kind("moved")}
    old, new = moved["SO-BPKPD-1"]
    assert [p.id for p in old] == ["TO-BPKPD-1", "S10"]
    assert [p.id for p in new] == ["TO-BPKPD-1", "S12"]


def test_a_new_id_with_the_same_name_is_a_likely_rename_and_an_add_and_remove(
    story: pohon.PlanDiff,
) -> None:
    assert [(c.old, c.new) for c in story.of_kind("likely-renamed")] == [
        ("P-DINKES-3", "P-DINKES-1.02.03")
    ]
    assert "P-DINKES-3" in {c.node for c in story.of_kind("node-removed")}
    # The removed activity-style kegiatan has no counterpart: only a removal.
    assert "K-BAPPEDA-5.01.03.2.03" in {c.node for c in story.of_kind("node-removed")}


def test_a_redefined_iku_is_told_apart_from_target_changes(story: pohon.PlanDiff) -> None:
    fields = {c.field for c in story.of_kind("indicator-redefined") if c.indicator == "S2.I2"}
    assert fields == {"name", "satuan", "measure", "polarity", "formula", "definisi"}
    eased = [
        (c.year, c.old, c.new) for c in story.of_kind("target") if c.indicator == "SO-BPKPD-1.I1"
    ]
    assert eased == [(2026, 7.5, 7.0), (2027, 8.0, 7.5), (2028, 8.5, 7.5)]


def test_pagu_totals_count_each_rupiah_once(story: pohon.PlanDiff) -> None:
    # The draft's Dinkes program pagu changed, but its sub kegiatan did not: the OPD's
    # total is the same. Bappeda lost a kegiatan of Rp 150 juta a year.
    assert {t.opd for t in story.pagu_totals} == {"bappeda"}
    assert all(t.change == -150_000_000 for t in story.pagu_totals)
    assert len(story.of_kind("pagu")) == 5


def test_the_revision_rules_find_what_sakip_treats_as_a_fault() -> None:
    old, new = pohon.example("mojokerto-rancangan"), pohon.example("mojokerto")
    report = pohon.check(new, previous=old, select=["revisi"])
    found = sorted((d.code, d.node, d.indicator) for d in report)
    assert found == [
        ("PK701", "S2", "S2.I2"),
        ("PK702", "T6", "T6.I2"),
        ("PK703", "SO-BPKPD-1", "SO-BPKPD-1.I1"),
    ]
    lowered = next(d for d in report if d.code == "PK703")
    assert "2027 8 → 7,5" in lowered.message
    assert lowered.location.line is not None
    # Without the older revision, the revision rules find nothing.
    assert not pohon.check(new, select=["revisi"]).diagnostics


def test_the_example_revision_file_is_up_to_date() -> None:
    tool = Path(__file__).parent.parent / "tools" / "make_revision.py"
    done = subprocess.run(
        [sys.executable, str(tool), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


# -- across formats and files --------------------------------------------------------------


def test_the_same_plan_in_another_format_has_no_changes(tmp_path: Path) -> None:
    plan = pohon.example("mojokerto")
    pohon.dump(plan, tmp_path / "rpjmd.json")
    pohon.dump(plan, tmp_path / "rpjmd.xlsx")
    from_json = pohon.load(tmp_path / "rpjmd.json")
    from_xlsx = pohon.load(tmp_path / "rpjmd.xlsx")
    assert not pohon.diff(plan, from_json)
    assert not pohon.diff(from_json, from_xlsx), pohon.diff(from_json, from_xlsx).changes[:3]


def test_different_pemda_and_period_warn_and_still_diff() -> None:
    plan = pohon.example("mojokerto")
    other = plan.model_copy(
        update={
            "info": plan.info.model_copy(
                update={"pemda": "Kabupaten Lain", "period": pohon.Period(start=2026, end=2030)}
            )
        }
    )
    d = pohon.diff(plan, other)
    texts = " ".join(d.warning_texts())
    assert "Pemda yang berbeda" in texts
    assert "Periode kedua rencana berbeda" in texts
    assert {c.field for c in d.of_kind("plan")} == {"pemda", "period"}


def test_an_id_reused_for_something_else_is_not_a_rename() -> None:
    plan = pohon.example("mojokerto")
    nodes = list(plan.nodes)
    at = next(k for k, n in enumerate(nodes) if n.id == "P-DINKES-1.02.02")
    nodes[at] = nodes[at].model_copy(
        update={"opd": "dpupr", "name": "Terbangunnya jalan lingkungan di kawasan permukiman"}
    )
    d = pohon.diff(plan, plan.model_copy(update={"nodes": tuple(nodes)}))
    assert [c.node for c in d.of_kind("id-reused")] == ["P-DINKES-1.02.02"]
    from pohon.render.diff import diff_text

    assert "Id dipakai untuk hal lain" in diff_text(d)


def test_a_node_whose_id_changed_with_everything_else_is_an_add_and_a_remove() -> None:
    plan = pohon.example("mojokerto")
    nodes = list(plan.nodes)
    at = next(k for k, n in enumerate(nodes) if n.id == "S5")
    nodes[at] = nodes[at].model_copy(
        update={"id": "S5-baru", "name": "Sasaran yang lain sama sekali"}
    )
    d = pohon.diff(plan, plan.model_copy(update={"nodes": tuple(nodes)}))
    assert [c.node for c in d.of_kind("node-added")] == ["S5-baru"]
    assert [c.node for c in d.of_kind("node-removed")] == ["S5"]
    assert not d.of_kind("likely-renamed")
    from pohon.render.diff import diff_text

    assert "tercatat sebagai dihapus dan ditambahkan" in diff_text(d)


def test_rename_detection_uses_an_index_not_all_pairs() -> None:
    # 2,000 removed and 2,000 added sub kegiatan of one OPD whose names share a common
    # word: each added one is compared with a handful, and the right pairs are found.
    plan = pohon.example("mojokerto")
    template = next(n for n in plan.nodes if n.level == "sub_kegiatan")
    old_nodes = [
        template.model_copy(update={"id": f"A{k}", "name": f"Terlaksananya layanan nomor{k} kota"})
        for k in range(2000)
    ]
    new_nodes = [
        template.model_copy(update={"id": f"B{k}", "name": f"Terlaksananya layanan nomor{k} kota."})
        for k in range(2000)
    ]
    a = plan.model_copy(update={"nodes": tuple(old_nodes)})
    b = plan.model_copy(update={"nodes": tuple(new_nodes)})
    pairs = {(c.old, c.new) for c in pohon.diff(a, b).of_kind("likely-renamed")}
    assert pairs == {(f"A{k}", f"B{k}") for k in range(2000)}


# -- properties ------------------------------------------------------------------------------


_EDITS = (
    "keep",
    "keep",
    "drop",
    "rename",
    "newid",
    "level",
    "opd",
    "parents",
    "weights",
    "target",
    "indicator",
    "redefine",
    "pagu",
    "aligns",
)


@st.composite
def revisions(draw: st.DrawFn) -> tuple[pohon.Plan, pohon.Plan]:
    """A plan and a revision of it: each node kept, dropped or edited in one way, the
    header perhaps changed too."""
    a = draw(plans())
    ids = [n.id for n in a.nodes]
    levels = list(a.scheme.level_ids)
    opds = [o.id for o in a.opds] + [None]
    nodes = []
    for node in a.nodes:
        edit = draw(st.sampled_from(_EDITS))
        update: dict[str, Any] = {}
        if edit == "drop":
            continue
        if edit == "rename":
            update["name"] = node.name + draw(st.sampled_from([" baru", "", " (revisi)"]))
        elif edit == "newid":
            update["id"] = node.id + "-baru"
        elif edit == "level":
            update["level"] = draw(st.sampled_from(levels))
        elif edit == "opd":
            update["opd"] = draw(st.sampled_from(opds))
        elif edit == "parents":
            update["parents"] = ({"id": draw(st.sampled_from(ids))},)
        elif edit == "weights" and node.parents:
            update["parents"] = tuple(p.model_copy(update={"weight": 50}) for p in node.parents)
        elif edit in ("target", "redefine", "indicator") and node.indicators:
            first = node.indicators[0]
            if edit == "target":
                targets = dict(first.targets)
                for year in list(targets)[:2]:
                    targets[year] = draw(st.sampled_from([1, 2.5, 99]))
                targets[a.period.start] = 7
                changed = first.model_copy(update={"targets": targets})
            elif edit == "redefine":
                changed = first.model_copy(update={"satuan": "unit lain", "iku": not first.iku})
            else:
                changed = first.model_copy(update={"id": first.id + "-b"})
            update["indicators"] = (changed, *node.indicators[1:])
        elif edit == "pagu":
            pagu = dict(node.pagu)
            pagu[a.period.end] = 1_000_000
            update["pagu"] = pagu
        elif edit == "aligns":
            update["aligns"] = (*node.aligns[1:], "asta-cita-2025:1")
        nodes.append(pohon.Node.model_validate({**dict(node), **update}) if update else node)
    info = a.info
    if draw(st.booleans()):
        info = info.model_copy(update={"name": info.name + " (perubahan)", "pemda": "Kota Lain"})
    opd_list = list(a.opds)
    if opd_list and draw(st.booleans()):
        opd_list = [*opd_list[1:], opd_list[0].model_copy(update={"name": "Dinas Baru"})]
    b = pohon.Plan.model_validate({"pohon": 1, "plan": info, "opds": opd_list, "nodes": nodes})
    return a, b


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_a_plan_has_no_changes_from_itself(plan: pohon.Plan) -> None:
    d = pohon.diff(plan, plan)
    assert d.changes == ()
    assert not d.warnings


_MIRROR = {
    "node-added": "node-removed",
    "node-removed": "node-added",
    "indicator-added": "indicator-removed",
    "indicator-removed": "indicator-added",
    "opd-added": "opd-removed",
    "opd-removed": "opd-added",
}


def _mirrored(change: pohon.Change) -> tuple[Any, ...]:
    kind = _MIRROR.get(change.kind, change.kind)
    if change.kind == "likely-renamed":
        return (kind, change.old, None, change.field, None, change.new, change.old)
    return (kind, change.node, change.indicator, change.field, change.year, change.new, change.old)


def _plain_change(change: pohon.Change) -> tuple[Any, ...]:
    if change.kind == "likely-renamed":
        return (change.kind, change.node, None, change.field, None, change.old, change.new)
    return (
        change.kind,
        change.node,
        change.indicator,
        change.field,
        change.year,
        change.old,
        change.new,
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(revisions())
def test_diff_both_ways_mirror_each_other(pair: tuple[pohon.Plan, pohon.Plan]) -> None:
    a, b = pair
    forth = sorted(map(repr, (_mirrored(c) for c in pohon.diff(a, b).changes)))
    back = sorted(map(repr, (_plain_change(c) for c in pohon.diff(b, a).changes)))
    assert forth == back


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(revisions())
def test_applying_the_changes_gives_the_newer_plan(pair: tuple[pohon.Plan, pohon.Plan]) -> None:
    # The diff does not record the order of nodes in the file or of indicators within a
    # node (an order is not a change of the plan), and compares the first node of an id
    # written twice: plans are compared without order, and with unique ids.
    a, b = pair
    if not (_unique(a) and _unique(b)):
        return
    assert _normal(apply(a, pohon.diff(a, b))) == _normal(b)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.data())
def test_one_edit_is_found_as_that_edit(plan: pohon.Plan, data: st.DataObject) -> None:
    node = data.draw(st.sampled_from(plan.nodes))
    edited = node.model_copy(update={"name": node.name + " (revisi)"})
    nodes = tuple(edited if n is node else n for n in plan.nodes)
    d = pohon.diff(plan, plan.model_copy(update={"nodes": nodes}))
    if (
        sum(1 for n in plan.nodes if n.id == node.id) > 1
        and plan.nodes[[n.id for n in plan.nodes].index(node.id)] is not node
    ):
        return  # a later node with a repeated id is not compared
    assert [(c.kind, c.node) for c in d.changes] == [("renamed", node.id)]


def test_every_kind_has_a_heading_in_both_languages() -> None:
    for kind, (id_, en) in KINDS.items():
        assert id_
        assert en
        assert id_ != kind


# -- pohon diff ------------------------------------------------------------------------------


def test_cli_tells_the_story_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(OLD), str(NEW)]) == 0
    out = capsys.readouterr().out
    assert "Node ditambahkan (2)" in out
    assert "Kemungkinan ganti id" in out
    assert "P-DINKES-3 → P-DINKES-1.02.03" in out
    assert "PK703" in out
    assert "Pagu per OPD" in out
    assert "Bappedalitbang 2025: Rp 4.905.000.000 → Rp 4.755.000.000" in out
    # Fields, values and counts as a planner reads them.
    assert "Indikator didefinisikan ulang (1 indikator, 6 perubahan)" in out
    assert "polaritas: makin tinggi makin baik → makin rendah makin baik" in out
    assert "target, 2027: 8 % → 7,5 %" in out
    assert "2025: 1.900 balita → 11,5 %" in out
    assert "+ Disperkim (usulan)" in out
    assert "Induk berganti id" in out
    assert out.index("Temuan revisi") < out.index("Node ditambahkan")


def test_cli_json_is_a_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(OLD), str(NEW), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {
        "pohon",
        "old",
        "new",
        "warnings",
        "counts",
        "changes",
        "pagu_totals",
        "findings",
    }
    first = data["changes"][0]
    assert set(first) == {
        "kind",
        "node",
        "indicator",
        "field",
        "year",
        "old",
        "new",
        "node_name",
        "level",
        "opd",
    }
    moved = next(c for c in data["changes"] if c["kind"] == "moved")
    assert moved["level"] == "sasaran_opd"
    assert moved["opd"] in ("bappeda", "bpkpd")
    assert data["counts"]["likely-renamed"] == 1
    assert {f["code"] for f in data["findings"]} == {"PK701", "PK702", "PK703"}


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_cli_html_and_xlsx_are_written_and_escape_the_data(tmp_path: Path) -> None:
    plan = pohon.example("mojokerto")
    nodes = list(plan.nodes)
    at = next(k for k, n in enumerate(nodes) if n.id == "S5")
    nodes[at] = nodes[at].model_copy(
        update={"name": '=HYPERLINK("a") <script>alert("x")</script> &'}
    )
    pohon.dump(plan.model_copy(update={"nodes": tuple(nodes)}), tmp_path / "baru.yaml")
    page = tmp_path / "perubahan.html"
    assert main(["diff", str(NEW), str(tmp_path / "baru.yaml"), "-o", str(page)]) == 0
    parser = _Scripts()
    parser.feed(page.read_text(encoding="utf-8"))
    assert "script" not in parser.tags
    assert any('<script>alert("x")</script>' in t for t in parser.text)
    book = tmp_path / "perubahan.xlsx"
    assert main(["diff", str(NEW), str(tmp_path / "baru.yaml"), "-o", str(book)]) == 0
    from openpyxl import load_workbook

    sheet = load_workbook(book).worksheets[0]
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert all(c.data_type != "f" for c in cells)
    assert any("HYPERLINK" in c.value for c in cells)


def test_cli_refuses_to_overwrite_an_input_and_reports_unreadable_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "baru.yaml"
    copy.write_text(NEW.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["diff", str(OLD), str(copy), "-o", str(copy), "--force", "-f", "json"]) == 2
    assert copy.read_text(encoding="utf-8") == NEW.read_text(encoding="utf-8")
    bad = tmp_path / "rusak.yaml"
    bad.write_text("plan: [\n", encoding="utf-8")
    assert main(["diff", str(bad), str(NEW)]) == 2
    err = capsys.readouterr().err
    assert "rusak.yaml" in err
    assert "Traceback" not in err


def test_cli_compares_a_folder_of_parts_with_one_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "lama"
    folder.mkdir()
    pohon.dump(pohon.example("mojokerto"), folder / "rpjmd.yaml")
    assert main(["diff", str(folder), str(NEW)]) == 0
    assert "Tidak ada perubahan." in capsys.readouterr().out


def test_a_diff_shows_itself_in_jupyter(story: pohon.PlanDiff) -> None:
    bundle = story._repr_mimebundle_()
    assert "Perubahan rencana" in bundle["text/html"]
    assert "PlanDiff" in bundle["text/plain"]
    frame = story.to_frame()
    assert list(frame.columns) == ["kind", "node", "indicator", "field", "year", "old", "new"]
    assert len(frame) == len(story)


# -- the diff as a picture, in the report, in pohon check ------------------------------------


def _box_attrs(source: str, name: str) -> str:
    line = next(line for line in source.splitlines() if line.startswith(f"  {name} ["))
    return line


def test_the_drawing_marks_added_moved_and_changed_boxes() -> None:
    from pohon.render.diff import RevisionStyle

    old, new = pohon.example("mojokerto-rancangan"), pohon.example("mojokerto")
    style = RevisionStyle(pohon.diff(old, new))
    drawing = pohon.diagram(new, findings=False, styles=[style])
    dot = {node: name for name, node in drawing.names.items()}
    added = _box_attrs(drawing.source, dot["S12"])
    moved = _box_attrs(drawing.source, dot["SO-BAPPEDA-1"])
    changed = _box_attrs(drawing.source, dot["S2"])
    new_id = _box_attrs(drawing.source, dot["P-DINKES-1.02.03"])
    same = _box_attrs(drawing.source, dot["P-DINKES-1.02.01"])
    relinked = _box_attrs(drawing.source, dot["K-DINKES-1.02.03.2.03"])
    assert 'color="#1e8449"' in added
    assert 'class="revisi-added"' in added
    assert 'class="revisi-moved"' in moved
    assert "dashed" in moved
    assert 'color="#1a237e"' in moved
    assert 'color="#c2185b"' in changed
    # A likely new id is the same program, changed; its kegiatan did not move.
    assert 'color="#c2185b"' in new_id
    for box in (same, relinked):
        assert "#1e8449" not in box
        assert "#c2185b" not in box
        assert "#1a237e" not in box
    # The legend says what the marks mean, and how many removed nodes are not drawn.
    assert "Ditambahkan sejak revisi lama" in drawing.source
    assert "2 node dihapus" in drawing.source


def test_a_style_legend_row_is_checked() -> None:
    def style(box: Any) -> dict[str, str]:
        return {}

    style.legend = [("<b>x</b>", "javascript:alert(1)")]  # type: ignore[attr-defined]
    with pytest.raises(pohon.UsageError):
        pohon.diagram(pohon.example("mojokerto"), opd="dinkes", findings=False, styles=[style])


def test_render_and_report_take_the_older_revision(tmp_path: Path) -> None:
    dot = tmp_path / "dinkes.dot"
    assert main(["render", str(NEW), "--opd", "dinkes", "--diff", str(OLD), "-o", str(dot)]) == 0
    assert "#1e8449" in dot.read_text(encoding="utf-8")
    page = tmp_path / "laporan.html"
    assert main(["report", str(NEW), "--diff", str(OLD), "-o", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert "Perubahan dari revisi sebelumnya" in text
    assert "PK703" in text
    assert (
        main(
            [
                "report",
                str(NEW),
                "--diff",
                str(tmp_path / "tidak-ada.yaml"),
                "-o",
                str(page),
                "--force",
            ]
        )
        == 2
    )


def test_check_takes_the_older_revision(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(NEW), "--previous", str(OLD), "--select", "revisi"]) == 0
    out = capsys.readouterr().out
    assert "PK701" in out
    assert "mojokerto.yaml:150" in out
    assert main(["check", str(NEW), "--select", "revisi"]) == 0
    assert "PK70" not in capsys.readouterr().out


# -- what a hostile or careless input does -----------------------------------------------------


def test_no_output_replaces_a_plan_file_inside_an_input_folder(tmp_path: Path) -> None:
    folder = tmp_path / "baru"
    folder.mkdir()
    member = folder / "rpjmd.json"
    pohon.dump(pohon.example("mojokerto"), member)
    before = member.read_bytes()
    for argv in (
        ["diff", str(OLD), str(folder), "-o", str(member), "--force"],
        ["diff", str(folder), str(NEW), "-o", str(member), "--force"],
        ["check", str(NEW), "--previous", str(folder), "-f", "json", "-o", str(member), "--force"],
        ["report", str(NEW), "--diff", str(member), "-o", str(member), "--force"],
    ):
        assert main(argv) == 2, argv
        assert member.read_bytes() == before, argv


def test_an_empty_folder_is_named_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", str(tmp_path), str(NEW)]) == 2
    assert "tidak berisi berkas .yaml" in capsys.readouterr().err


def _tiny(name: str, target: Any = 5) -> str:
    return (
        "pohon: 1\nplan: {id: p, name: R, period: {start: 2025, end: 2029}}\nnodes:\n"
        f"  - id: V1\n    level: visi\n    name: {json.dumps(name)}\n"
        f"    indicators: [{{id: I, name: X, targets: {{2025: {target}, 2026: 6}}}}]\n"
    )


def test_control_characters_are_shown_escaped_and_never_break_a_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.yaml").write_text(_tiny("Visi"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        _tiny("Visi\x1b[2J\nTidak ada perubahan.\x00"), encoding="utf-8"
    )
    assert main(["diff", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\\x1b[2J Tidak ada perubahan.\\x00" in out
    assert "Tidak ada perubahan." not in out.splitlines()
    book = tmp_path / "d.xlsx"
    assert main(["diff", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"), "-o", str(book)]) == 0


def test_the_same_value_as_a_float_is_no_change(tmp_path: Path) -> None:
    a = pohon.loads(_tiny("Visi", 7), format="yaml")
    b = pohon.loads(_tiny("Visi", 7.0).replace("2026: 6", "2026: 6.5"), format="yaml")
    assert [(c.year, c.old, c.new) for c in pohon.diff(a, b).of_kind("target")] == [(2026, 6, 6.5)]


def test_names_in_other_scripts_are_compared_by_their_letters() -> None:
    from pohon.analysis.diff import similarity

    assert similarity("Цель здравоохранения", "教育目标") < 0.5
    assert similarity("Цель здравоохранения", "Цель здравоохранения.") == 1.0
    assert similarity("Meningkatnya mutu pendidikan", "Meningkatnya  mutu pendidikan!") == 1.0
    assert similarity("...", "---") == 0.0


def test_a_repeated_indicator_id_is_warned_about() -> None:
    text = _tiny("Visi").replace(
        "indicators: [{id: I, name: X, targets: {2025: 5, 2026: 6}}]",
        "indicators: [{id: I, name: X}, {id: I, name: Y}]",
    )
    d = pohon.diff(pohon.loads(text, format="yaml"), pohon.loads(text, format="yaml"))
    assert "V1/I" in " ".join(d.warning_texts())


def test_many_alike_names_are_paired_in_linear_time() -> None:
    # 4,000 removed and 4,000 added nodes of one level and OPD, all named alike (common
    # words only): each added node looks at a handful of candidates through the exact-name
    # index, never at every removed one. Counted, not timed: the number of comparisons.
    from unittest import mock

    from pohon.analysis import diff as module

    plan = pohon.example("mojokerto")
    template = next(n for n in plan.nodes if n.level == "sub_kegiatan")
    a = plan.model_copy(
        update={
            "nodes": tuple(
                template.model_copy(update={"id": f"A{k}", "name": "Terlaksananya layanan"})
                for k in range(4000)
            )
        }
    )
    b = plan.model_copy(
        update={
            "nodes": tuple(
                template.model_copy(update={"id": f"B{k}", "name": "Terlaksananya layanan"})
                for k in range(4000)
            )
        }
    )
    with mock.patch.object(module, "_ratio", wraps=module._ratio) as compared:
        found = pohon.diff(a, b).of_kind("likely-renamed")
    assert compared.call_count <= 4000 * module._CANDIDATES
    assert len(found) >= 5


def test_the_workbook_keeps_numbers_as_numbers_and_filters(tmp_path: Path) -> None:
    book = tmp_path / "perubahan.xlsx"
    assert main(["diff", str(OLD), str(NEW), "-o", str(book)]) == 0
    from openpyxl import load_workbook

    sheet = load_workbook(book)["Perubahan"]
    head = [c.value for c in sheet[1]]
    assert head[:6] == ["Jenis perubahan", "Level", "Kode", "Id node", "Nama node", "OPD"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    eased = [r for r in rows if r[6] == "SO-BPKPD-1.I1"]
    assert [(r[8], r[9], r[10]) for r in eased] == [
        (2026, 7.5, 7.0),
        (2027, 8.0, 7.5),
        (2028, 8.5, 7.5),
    ]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref


def test_a_format_given_wins_over_an_unknown_ending(tmp_path: Path) -> None:
    out = tmp_path / "perubahan.out"
    assert main(["diff", str(OLD), str(NEW), "-f", "json", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["counts"]["likely-renamed"] == 1


def test_the_legend_of_a_partial_drawing_counts_what_it_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pohon.render.diff import RevisionStyle

    old, new = pohon.example("mojokerto-rancangan"), pohon.example("mojokerto")
    d = pohon.diff(old, new)
    # Of the two removed nodes, one is Bappeda's kegiatan and one a Dinkes program.
    bappeda = pohon.diagram(
        new, opd="bappeda", findings=False, styles=[RevisionStyle(d, opd="bappeda")]
    )
    assert "1 node OPD ini dihapus" in bappeda.source
    dlh = pohon.diagram(new, opd="dlh", findings=False, styles=[RevisionStyle(d, opd="dlh")])
    assert "dihapus" not in dlh.source
    part = pohon.diagram(
        new, root="S1", depth=1, findings=False, styles=[RevisionStyle(d, "en", whole=False)]
    )
    assert "2 nodes removed from the whole plan" in part.source
    # The command line passes the view on.
    old_file, new_file = tmp_path / "lama.yaml", tmp_path / "baru.yaml"
    old_file.write_text(pohon.dumps(old), "utf-8")
    new_file.write_text(pohon.dumps(new), "utf-8")
    out = tmp_path / "bappeda.dot"
    argv = ["render", str(new_file), "--diff", str(old_file), "--opd", "bappeda", "-o", str(out)]
    assert main(argv) == 0
    assert "1 node OPD ini dihapus" in out.read_text("utf-8")
    capsys.readouterr()


def test_the_frame_years_are_whole_numbers(story: pohon.PlanDiff) -> None:
    assert str(story.to_frame()["year"].dtype) == "Int64"


def test_a_web_page_finds_the_marked_boxes_by_class() -> None:
    from pohon.render.diff import RevisionStyle
    from pohon.render.layout import engine

    if engine() is None:
        pytest.skip("no Graphviz engine (pip install 'pohon[diagram]')")
    old, new = pohon.example("mojokerto-rancangan"), pohon.example("mojokerto")
    drawing = pohon.diagram(
        new, opd="dinkes", findings=False, styles=[RevisionStyle(pohon.diff(old, new))]
    )
    from html import unescape

    # Graphviz writes "-" as "&#45;" in attributes; a browser reads the class as written.
    svg = unescape(drawing.render("svg").decode("utf-8"))
    assert 'class="node revisi-changed"' in svg
    assert svg.count("revisi-") >= 3


def test_a_style_class_is_checked() -> None:
    def style(box: Any) -> dict[str, str]:
        return {"class": 'x" onload="alert(1)'}

    with pytest.raises(pohon.UsageError):
        pohon.diagram(pohon.example("mojokerto"), opd="dinkes", findings=False, styles=[style])
