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
        indicator_id: str | None = None,
        field: str | None = None,
    ) -> int | None:
        """Line of a node, of one of its indicators, or of a key of either.

        A key is looked for only among the keys of that node (or that indicator), so a key
        the user did not write points at the node (or indicator) itself, never at a key of
        the same name further down.
        """
        start = self.node_line(index)
        if start is None:
            return None
        if indicator_id is None and field is None:
            return start
        text_lines = self._text_lines()
        lines = self.node_lines
        end = lines[index + 1] - 1 if index + 1 < len(lines) else len(text_lines)
        if end <= start:  # everything on one line (minified JSON)
            return start
        owner = start
        if indicator_id is not None:
            found = _find(text_lines, start, end, _id_pattern(indicator_id))
            if found is None:
                return start
            owner = found
        if field is None:
            return owner
        return _find_key(text_lines, owner, end, field)

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


_ID_KEY = re.compile(r'"?id"?\s*:')
_ITEM_PREFIX = re.compile(r"^\s*(?:-\s+)*")


def _find_key(lines: list[str], owner: int, end: int, key: str) -> int:
    """Line of ``key`` among the keys of the mapping whose ``id`` is on line ``owner``."""
    first = lines[owner - 1]
    pattern = _key_pattern(key)
    if pattern.search(first):
        return owner
    id_key = _ID_KEY.search(first)
    if id_key is not None:
        column = id_key.start()
    else:
        prefix = _ITEM_PREFIX.match(first)
        column = prefix.end() if prefix is not None else 0
        if not first[column:].strip() or first[column:].strip() == "{":
            # JSON: the object opens on its own line; its keys sit on the next lines.
            following = next((ln for ln in lines[owner:end] if ln.strip()), "")
            column = len(following) - len(following.lstrip(" "))
    for number in range(owner + 1, min(end, len(lines)) + 1):
        line = lines[number - 1]
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(stripped)
        if indent < column:
            break
        if indent == column and pattern.match(stripped):
            return number
    return owner


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
