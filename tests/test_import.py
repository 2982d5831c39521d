"""``import pohon`` stays light: heavy and optional libraries load only when used."""

from __future__ import annotations

import subprocess
import sys


def test_import_does_not_load_heavy_libraries() -> None:
    code = (
        "import sys, pohon; "
        "print(','.join(m for m in ('networkx', 'graphviz', 'pandas', 'openpyxl') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""


def test_public_surface() -> None:
    import pohon

    assert sorted(pohon.__all__) == sorted(set(pohon.__all__)), "no duplicates in __all__"
    for name in pohon.__all__:
        assert hasattr(pohon, name), name
