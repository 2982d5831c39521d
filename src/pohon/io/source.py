"""Where each node of a plan was written: file and line, found lazily and cheaply."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Literal

Format = Literal["yaml", "json"]

_WS = re.compile(r"[ \t\n\r]*")


@dataclass
class SourceMap:
    """The text a plan was read from, and the line where each node starts.

    Lines of fields inside a node are found on demand by scanning only that node's lines,
    so keeping a source map costs one integer per node.
    """

    file: str | None
    format: Format
    text: str
    _node_lines: list[int] | None = None
    _lines: list[str] | None = field(default=None, repr=False)

    @property
    def node_lines(self) -> list[int]:
        if self._node_lines is None:
            self._node_lines = _json_node_lines(self.text) if self.format == "json" else []
        return self._node_lines

    def node_line(self, index: int) -> int | None:
        lines = self.node_lines
        return lines[index] if 0 <= index < len(lines) else None

    def line_of(
        self,
        index: int,
        *,
        indicator: int | None = None,
        indicator_id: str | None = None,
        field: str | None = None,
    ) -> int | None:
        """Line of a node, of one of its indicators, or of a field of either."""
        start = self.node_line(index)
        if start is None:
            return None
        if indicator is None and field is None:
            return start
        text_lines = self._text_lines()
        lines = self.node_lines
        end = lines[index + 1] - 1 if index + 1 < len(lines) else len(text_lines)
        if end <= start:  # everything on one line (minified JSON)
            return start
        begin = start
        if indicator_id is not None:
            found = _find(text_lines, start, end, _id_pattern(indicator_id))
            if found is None:
                return start
            begin = found
            if field is None:
                return found
        if field is None:
            return begin
        found = _find(text_lines, begin, end, _key_pattern(field))
        return found if found is not None else begin

    def opd_line(self, opd_id: str, occurrence: int = 0) -> int | None:
        """Line of an entry of ``opds`` (searched above the first node)."""
        lines = self._text_lines()
        end = self.node_lines[0] - 1 if self.node_lines else len(lines)
        pattern = _id_pattern(opd_id)
        seen = 0
        for number in range(1, min(end, len(lines)) + 1):
            if pattern.search(lines[number - 1]):
                if seen == occurrence:
                    return number
                seen += 1
        return None

    def _text_lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.split("\n")
        return self._lines


def _find(lines: list[str], start: int, end: int, pattern: re.Pattern[str]) -> int | None:
    for number in range(start, min(end, len(lines)) + 1):
        if pattern.search(lines[number - 1]):
            return number
    return None


def _key_pattern(key: str) -> re.Pattern[str]:
    return re.compile(r'(?:^|[\s{,\-])"?' + re.escape(key) + r'"?\s*:')


def _id_pattern(value: str) -> re.Pattern[str]:
    quoted = re.escape(json.dumps(value, ensure_ascii=False))
    plain = re.escape(value)
    return re.compile(
        r'"?id"?\s*:\s*(?:' + quoted + "|'" + plain + "'|" + plain + r")\s*(?:[,}]|$)"
    )


def _json_node_lines(text: str) -> list[int]:
    """Start line of each element of the top-level ``nodes`` array of a JSON text.

    The top-level object is walked with the C JSON scanner, so this is exact and linear.
    """
    decoder = json.JSONDecoder()
    lines: list[int] = []
    pos = _WS.match(text, 0).end()  # type: ignore[union-attr]
    if pos >= len(text) or text[pos] != "{":
        return lines
    pos += 1
    line = 1
    last = 0
    while True:
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if pos >= len(text) or text[pos] == "}":
            return lines
        if text[pos] == ",":
            pos += 1
            continue
        key, pos = decoder.raw_decode(text, pos)
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        pos += 1  # the colon
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if key == "nodes" and pos < len(text) and text[pos] == "[":
            pos += 1
            while True:
                pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
                if pos >= len(text) or text[pos] == "]":
                    pos += 1
                    break
                if text[pos] == ",":
                    pos += 1
                    continue
                line += text.count("\n", last, pos)
                last = pos
                lines.append(line)
                _, pos = decoder.raw_decode(text, pos)
        else:
            _, pos = decoder.raw_decode(text, pos)
