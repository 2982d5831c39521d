"""Every notebook in notebooks/ runs from top to bottom without an error, and is stored clean."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
CELL_TIMEOUT = 120


def test_there_are_notebooks() -> None:
    assert PATHS, f"no notebook found in {NOTEBOOKS}"


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path: Path) -> None:
    # Outputs in the file would go stale and make diffs noisy; the test below runs it anyway.
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for number, cell in enumerate(notebook["cells"], start=1):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"{path.name}: cell {number} has stored outputs"
            assert cell.get("execution_count") is None, (
                f"{path.name}: cell {number} has an execution count"
            )


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_notebook_runs(path: Path) -> None:
    nbclient = pytest.importorskip("nbclient")
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        allow_errors=False,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()
    errors = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert not errors, f"{path.name}: {errors[0].get('ename')}: {errors[0].get('evalue')}"


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
