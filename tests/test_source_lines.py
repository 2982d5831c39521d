"""Node lines of JSON plans: the indented reading agrees with scanning every element."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pohon.io.source import _json_node_starts, _scanned_elements

NODES: list[dict[str, Any]] = [
    {"id": "V1", "level": "visi", "name": "Kota {maju}, [sejahtera]"},
    {"id": "M1", "level": "misi", "name": 'Misi "satu"\n', "parents": ["V1"]},
    {
        "id": "T1",
        "level": "tujuan",
        "name": "Tujuan },\n  {",
        "parents": [{"id": "M1", "weight": 1}],
        "indicators": [{"id": "T1.I1", "name": "Indeks", "targets": {"2025": [1, 2]}}],
    },
]


def _scanned(text: str) -> list[int]:
    at = text.index("[", text.index('"nodes"'))
    return _scanned_elements(text, at, json.JSONDecoder())


def _text(**dump: Any) -> str:
    data = {"pohon": 1, "plan": {"id": "p"}, "nodes": NODES, "opds": [{"id": "a"}, {"id": "b"}]}
    return json.dumps(data, **dump)


@pytest.mark.parametrize(
    "text",
    [
        _text(indent=2),
        _text(indent=4, ensure_ascii=False),
        _text(indent="\t"),
        _text(indent=1).replace("\n", "\r\n"),
        _text(),
        _text(separators=(",", ":")),
        # a node's inner object written at the node's own indentation: scanned instead
        _text(indent=2).replace('\n        {\n          "id": "T1.I1"', '\n    {\n "id": "T1.I1"'),
    ],
)
def test_node_starts_match_a_full_scan(text: str) -> None:
    lines, offsets = _json_node_starts(text)
    assert offsets == _scanned(text)
    assert len(offsets) == len(NODES)
    assert lines == [text.count("\n", 0, offset) + 1 for offset in offsets]


def test_no_nodes() -> None:
    assert _json_node_starts('{"pohon": 1, "nodes": []}') == ([], [])
    assert _json_node_starts("[]") == ([], [])
