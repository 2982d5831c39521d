"""The Report is data: records, a DataFrame, HTML for Jupyter, selection by prefix."""

from __future__ import annotations

import pytest

import pohon

PLAN = """\
pohon: 1
plan: {id: r, name: Rencana, period: {start: 2025, end: 2029}}
opds: [{id: dinkes, name: Dinas Kesehatan}]
nodes:
  - {id: V, level: visi, name: Visi}
  - {id: M, level: misi, name: Misi, parents: [V]}
  - id: T
    level: tujuan
    name: "<script>alert('x')</script> & Meningkatnya derajat kesehatan"
    parents: [M9]
"""


def test_records_and_summary() -> None:
    report = pohon.check(pohon.loads(PLAN, file="r.yaml"))
    records = report.to_records()
    assert len(records) == len(report)
    assert {"file", "line", "code", "severity", "node", "message", "hint"} <= set(records[0])
    assert report.summary["error"] == len(report.errors)
    assert report.summary["by_code"]["PK102"] == 1
    assert not report.ok


def test_to_frame() -> None:
    pd = pytest.importorskip("pandas")
    frame = pohon.check(pohon.loads(PLAN)).to_frame()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns[:6]) == ["file", "line", "column", "sheet", "cell", "code"]


def test_html_escapes_names() -> None:
    report = pohon.check(pohon.loads(PLAN), select=["PK102", "PK201"])
    html = report._repr_html_()
    assert "<script>" not in html
    assert "<table>" in html


def test_select_ignore_by_prefix_slug_family() -> None:
    plan = pohon.loads(PLAN)
    assert {d.code[:3] for d in pohon.check(plan, select="PK1")} == {"PK1"}
    assert "PK102" not in pohon.check(plan, ignore=["unknown-parent"]).codes
    assert all(d.code.startswith("PK2") for d in pohon.check(plan, select=["indicators"]))
    with pytest.raises(ValueError, match="PK9"):
        pohon.check(plan, select=["PK9"])


def test_severity_override() -> None:
    report = pohon.check(pohon.loads(PLAN), select=["PK102"], severity={"PK102": "warning"})
    assert report.ok
    assert report.diagnostics[0].severity == "warning"


def test_output_is_deterministic() -> None:
    a = pohon.check(pohon.loads(PLAN)).to_records()
    b = pohon.check(pohon.loads(PLAN)).to_records()
    assert a == b
    assert a == sorted(a, key=lambda r: (r["line"] or -1, r["code"], r["node"] or ""))
