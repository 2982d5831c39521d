"""The embedded Kota Mojokerto example: big enough, illustrative, with something to say."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pohon

ROOT = Path(__file__).resolve().parents[1]


def test_example_shape() -> None:
    plan = pohon.example("mojokerto")
    assert len(plan.nodes) >= 200
    assert len(plan.opds) >= 12
    assert plan.period.start == 2025
    assert plan.period.end == 2029
    levels = Counter(node.level for node in plan.nodes)
    assert set(levels) == set(plan.scheme.level_ids)
    assert plan.info.meta.get("status") == "ilustratif"
    assert "ilustratif" in (plan.info.notes or "").lower()
    indicators = [ind for _, ind in plan.iter_indicators()]
    assert any(ind.actuals for ind in indicators)
    assert any(ind.iku for ind in indicators)
    assert any(node.crosscutting for node in plan.nodes)
    assert any(node.pagu for node in plan.nodes)


def test_example_has_findings_with_lines() -> None:
    report = pohon.check(pohon.example("mojokerto"))
    assert report.diagnostics
    assert all(d.location.file == "mojokerto.yaml" for d in report)
    assert all(d.location.line for d in report if d.node is not None)
    text = pohon.io.example_text("mojokerto").splitlines()
    for d in report:
        if d.node is not None and d.location.line is not None:
            # The line is inside the node's own block: a node line is at or above it.
            above = text[: d.location.line]
            assert any(
                line.lstrip("- ").startswith(f"id: {d.node}")
                or line.lstrip("- ").startswith(f'id: "{d.node}"')
                for line in above
            ), d


def test_example_file_matches_its_generator() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_example.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
