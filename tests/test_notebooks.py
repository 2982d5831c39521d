"""Every notebook in notebooks/ runs from top to bottom without an error, and is stored clean."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
CELL_TIMEOUT = 120


def test_there_are_notebooks() -> None:
    assert PATHS, f"no notebook found in {NOTEBOOKS}"


def _shown(notebook: Any) -> list[list[tuple[str, tuple[str, ...], str]]]:
    """Per code cell, each output's kind, the formats it carries, and its text: what a
    reader sees, without the drawings' bytes (those depend on the Graphviz build)."""
    cells = []
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        shown = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            text = output.get("text") or data.get("text/plain") or ""
            if isinstance(text, list):
                text = "".join(text)
            kind = output["output_type"]
            if kind == "stream":
                kind = f"stream:{output.get('name', 'stdout')}"
                # A busy machine may deliver one print in several stream messages: a reader
                # sees them as one text, and so does this comparison.
                if shown and shown[-1][0] == kind:
                    shown[-1] = (kind, (), shown[-1][2] + text)
                    continue
            shown.append((kind, tuple(sorted(data)), text))
        cells.append(shown)
    return cells


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_notebook_runs_and_shows_what_is_stored(path: Path) -> None:
    # Notebooks are stored with their outputs, so that they read on GitHub; a fresh run must
    # show the same (tools/notebooks.py runs and stores them again).
    pytest.importorskip("nbclient")
    nbformat = pytest.importorskip("nbformat")
    from tools.notebooks import execute

    stored = json.loads(path.read_text(encoding="utf-8"))
    notebook = execute(path)  # the very run tools/notebooks.py stores
    errors = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert not errors, f"{path.name}: {errors[0].get('ename')}: {errors[0].get('evalue')}"
    assert any(c.get("outputs") for c in stored["cells"] if c["cell_type"] == "code"), (
        f"{path.name} is stored without outputs: run python tools/notebooks.py"
    )
    fresh = json.loads(nbformat.writes(notebook))
    assert _shown(stored) == _shown(fresh), (
        f"{path.name}: stored outputs differ from a fresh run: run python tools/notebooks.py"
    )


def test_tour_shows_each_findings_own_severity() -> None:
    # The tour's count per code prints the severity the findings carry, not the rule's
    # default: in the example, PK304 (an error by default) gives Asta Cita items a warning.
    nbclient = pytest.importorskip("nbclient")
    nbformat = pytest.importorskip("nbformat")
    import pohon

    notebook = nbformat.read(NOTEBOOKS / "01_tur_pohon.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()
    cell = next(c for c in notebook.cells if c.get("id") == "cell-09")
    printed = "".join(o.get("text", "") for o in cell.outputs).splitlines()[1:]
    shown = {(line.split()[0], line.split()[2]) for line in printed}
    report = pohon.check(pohon.example("mojokerto"))
    assert shown == {(d.code, d.severity) for d in report}
    assert ("PK304", "warning") in shown
