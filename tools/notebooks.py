"""Run every notebook in notebooks/ and store it with its outputs, so that it reads on GitHub.

    python tools/notebooks.py            # all notebooks
    python tools/notebooks.py 03_gambar  # the notebooks whose name starts so

tests/test_notebooks.py runs them again and checks that the stored text outputs are what a
fresh run prints; run this after changing a notebook or what it shows.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import nbclient
import nbformat

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
CELL_TIMEOUT = 120


def execute(path: Path) -> Any:
    """The notebook at ``path`` run top to bottom, its outputs in the cells."""
    notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    client = nbclient.NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        allow_errors=False,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)  # run times: they change on every run
    return notebook


def main(argv: list[str]) -> int:
    paths = sorted(NOTEBOOKS.glob("*.ipynb"))
    if argv:
        paths = [p for p in paths if any(p.name.startswith(a) for a in argv)]
    for path in paths:
        nbformat.write(execute(path), path)  # type: ignore[no-untyped-call]
        print(f"{path.name} dijalankan dan disimpan beserta keluarannya")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
