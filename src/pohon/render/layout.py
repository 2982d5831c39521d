"""Laying out a :class:`~pohon.render.diagram.Diagram` with Graphviz, and writing it.

The engine is the system's Graphviz (``dot`` on the ``PATH``) where present, otherwise the
one bundled in the wheels of ``pygraphviz`` (``pip install 'pohon[diagram]'``). Either runs
in a child process with a time limit, so a layout can neither hang the caller nor print
Fontconfig's warnings into a notebook. With no engine, :class:`NoEngineError` says how to
get one; the DOT text is always available as ``Diagram.source``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib.util import find_spec
from typing import TYPE_CHECKING

from pohon.findings import UsageError

if TYPE_CHECKING:
    from pohon.render.diagram import Diagram

__all__ = [
    "FORMATS",
    "LAYOUT_SECONDS",
    "DiagramError",
    "NoEngineError",
    "engine",
    "layout",
    "mimebundle",
    "save",
]

FORMATS = ("svg", "png", "pdf", "dot")
LAYOUT_SECONDS = 120.0
"""A layout that takes longer than this is stopped."""


class DiagramError(UsageError):
    """A diagram that cannot be laid out or written; ``message`` says why, in Indonesian."""


class NoEngineError(DiagramError):
    """No Graphviz engine is installed: neither ``dot`` nor ``pygraphviz``."""


def engine() -> list[str] | None:
    """The command that lays out DOT text read from stdin, or ``None`` when there is none.
    ``POHON_GRAPHVIZ=pip`` skips the system's Graphviz, ``POHON_GRAPHVIZ=none`` both."""
    choice = os.environ.get("POHON_GRAPHVIZ", "")
    if choice == "none":
        return None
    dot = shutil.which("dot") if choice != "pip" else None
    if dot is not None:
        return [dot]
    if find_spec("pygraphviz") is not None:
        return [sys.executable, "-m", "pohon.render._pgv"]
    return None


def layout(diagram: Diagram, format: str = "svg") -> bytes:
    """``diagram`` laid out as ``format`` (``svg``, ``png``, ``pdf``; ``dot`` gives the source)."""
    if format not in FORMATS:
        raise DiagramError(
            f"format gambar tidak dikenal: {format!r}; pilihannya: {', '.join(FORMATS)}",
            f"unknown picture format: {format!r}; the choices are: {', '.join(FORMATS)}",
        )
    if format == "dot":
        return diagram.source.encode("utf-8")
    from pohon.render.diagram import MAX_LAYOUT_BOXES, MAX_LAYOUT_EDGES

    if diagram.edges > MAX_LAYOUT_EDGES:
        lines, most = (f"{n:,}".replace(",", ".") for n in (diagram.edges, MAX_LAYOUT_EDGES))
        raise DiagramError(
            f"diagram ini berisi {lines} garis, terlalu banyak untuk ditata dalam waktu wajar "
            f"(paling banyak {most}); gambar sebagian: --opd ID, --root ID --depth N, "
            "atau --cita KERANGKA:BUTIR, atau tulis DOT-nya (-o FILE.dot)",
            f"this diagram has {diagram.edges:,} lines, too many to lay out in reasonable "
            f"time (at most {MAX_LAYOUT_EDGES:,}); draw a part: --opd ID, --root ID --depth N "
            "or --cita FRAMEWORK:ITEM, or write its DOT (-o FILE.dot)",
        )
    if diagram.too_large:
        boxes, most = (f"{n:,}".replace(",", ".") for n in (diagram.boxes, MAX_LAYOUT_BOXES))
        raise DiagramError(
            f"diagram ini berisi {boxes} box, terlalu banyak untuk ditata dan dibaca "
            f"(paling banyak {most}); gambar sebagian: --opd ID, --root ID --depth N, "
            "atau --cita KERANGKA:BUTIR, atau tulis DOT-nya (-o FILE.dot)",
            f"this diagram has {diagram.boxes:,} boxes, too many to lay out and read (at most "
            f"{MAX_LAYOUT_BOXES:,}); draw a part: --opd ID, --root ID --depth N or --cita "
            "FRAMEWORK:ITEM, or write its DOT (-o FILE.dot)",
        )
    command = engine()
    if command is None:
        raise NoEngineError(
            "tidak ada mesin tata letak Graphviz: pasang pohon[diagram] "
            "(pip install 'pohon[diagram]') atau Graphviz sistem (apt-get install graphviz); "
            "sumber DOT tetap bisa ditulis (-o FILE.dot)",
            "no Graphviz layout engine: install pohon[diagram] (pip install 'pohon[diagram]') "
            "or the system's Graphviz (apt-get install graphviz); the DOT source can still "
            "be written (-o FILE.dot)",
        )
    try:
        done = subprocess.run(
            [*command, f"-T{format}"],
            input=diagram.source.encode("utf-8"),
            capture_output=True,
            timeout=LAYOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise DiagramError(
            f"tata letak diagram melebihi {LAYOUT_SECONDS:.0f} detik dan dihentikan; "
            "gambar sebagian (--opd, --root --depth)",
            f"the layout took more than {LAYOUT_SECONDS:.0f} seconds and was stopped; "
            "draw a part (--opd, --root --depth)",
        ) from None
    if done.returncode != 0 or not done.stdout:
        said = " ".join(
            line
            for line in done.stderr.decode("utf-8", "replace").splitlines()
            if line.strip() and not line.startswith("Fontconfig")
        )[:500]
        raise DiagramError(
            f"Graphviz gagal menata diagram: {said or done.returncode}",
            f"Graphviz could not lay out the diagram: {said or done.returncode}",
        )
    return done.stdout


def save(diagram: Diagram, path: str, *, force: bool = False) -> None:
    """Write ``diagram`` to ``path`` in the format of its extension; an existing file is
    replaced only with ``force``."""
    fmt = os.path.splitext(path)[1].lstrip(".").lower()
    if fmt not in FORMATS:
        raise DiagramError(
            f"{path}: akhiran berkas harus .svg, .png, .pdf atau .dot",
            f"{path}: the file must end in .svg, .png, .pdf or .dot",
        )
    from pohon.io.files import os_reason, same_file

    if any(os.path.lexists(path) and same_file(path, given) for given in diagram.inputs):
        raise DiagramError(
            f"{path} adalah berkas rencana yang digambar; berkas masukan tidak pernah ditimpa",
            f"{path} is the plan file being drawn; an input is never overwritten",
        )
    data = layout(diagram, fmt)
    if os.path.lexists(path) and not force:
        raise DiagramError(
            f"{path} sudah ada; beri force=True (--force) untuk menimpanya",
            f"{path} already exists; pass force=True (--force) to replace it",
        )
    try:
        with open(path, "wb" if force else "xb") as handle:
            handle.write(data)
    except FileExistsError:
        raise DiagramError(
            f"{path} sudah ada; beri force=True (--force) untuk menimpanya",
            f"{path} already exists; pass force=True (--force) to replace it",
        ) from None
    except OSError as exc:
        raise DiagramError(
            f"{path} tidak bisa ditulis: {os_reason(exc, 'id')}",
            f"{path} cannot be written: {os_reason(exc, 'en')}",
        ) from None


def mimebundle(diagram: Diagram) -> dict[str, str]:
    """What Jupyter shows: the SVG, or (with no engine, or too large) the reason as text.
    Never raises."""
    text = repr(diagram)
    try:
        svg = layout(diagram, "svg").decode("utf-8")
    except DiagramError as exc:
        said = exc.message_en if diagram.lang == "en" else exc.message
        return {"text/plain": f"{text}\n{said}"}
    except Exception as exc:  # a notebook display must not raise
        return {"text/plain": f"{text}\n{type(exc).__name__}: {exc}"}
    return {"image/svg+xml": svg, "text/plain": text}
