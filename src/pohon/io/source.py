"""Where each node of a plan was written: file and line, found lazily and cheaply."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

Format = Literal["yaml", "json"]

_WS = re.compile(r"[ \t\n\r]*")


@dataclass
class SourceMap:
    """The text a plan was read from, and where each node starts (line and character).

    Lines of keys inside a node are found on demand by scanning only that node's own text,
    so a source map costs two integers per node besides the text itself.
    """

    file: str | None
    format: Format
    text: str
    _node_lines: list[int] | None = None
    _node_offsets: list[int] | None = field(default=None, repr=False)

    def _starts(self) -> tuple[list[int], list[int]]:
        if self._node_lines is None or self._node_offsets is None:
            if self.format == "json":
                self._node_lines, self._node_offsets = _json_node_starts(self.text)
            else:
                self._node_lines, self._node_offsets = [], []
        return self._node_lines, self._node_offsets

    @property
    def node_lines(self) -> list[int]:
        return self._starts()[0]

    def node_line(self, index: int) -> int | None:
        lines = self.node_lines
        return lines[index] if 0 <= index < len(lines) else None

    def _block(self, index: int) -> list[str] | None:
        """The lines of node ``index``, from the start of its first line; ``None`` when the
        node shares its line with the next one (minified JSON), where a line says no more."""
        lines, offsets = self._starts()
        text = self.text
        if index + 1 < len(offsets):
            if lines[index + 1] == lines[index]:
                return None
            end = offsets[index + 1]
        else:
            end = len(text)
            if text.find("\n", offsets[index], end) < 0:
                return None
        begin = text.rfind("\n", 0, offsets[index]) + 1
        end = text.rfind("\n", begin, end) + 1 or end
        return text[begin:end].split("\n")

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
        block = self._block(index)
        if block is None or len(block) <= 1:  # everything on one line (minified JSON)
            return start
        owner = 1
        if indicator_id is not None:
            found = _find(block, 1, len(block), indicator_id)
            if found is None:
                return start
            owner = found
        if field is not None:
            owner = _find_key(block, owner, len(block), field)
        return start + owner - 1

    def opd_line(self, opd_id: str, occurrence: int = 0) -> int | None:
        """Line of an entry of ``opds`` (searched above the first node)."""
        _, offsets = self._starts()
        head = self.text[: offsets[0]] if offsets else self.text
        pattern = _id_pattern(opd_id)
        seen = 0
        for number, line in enumerate(head.split("\n"), start=1):
            if opd_id in line and pattern.search(line):
                if seen == occurrence:
                    return number
                seen += 1
        return None


def _find(lines: list[str], start: int, end: int, value: str) -> int | None:
    """The first line from ``start`` to ``end`` where ``value`` is written as an ``id``."""
    pattern = None
    for number in range(start, min(end, len(lines)) + 1):
        line = lines[number - 1]
        if value not in line:  # most lines: no regular expression needed
            continue
        if pattern is None:
            pattern = _id_pattern(value)
        if pattern.search(line):
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


@lru_cache(maxsize=256)
def _key_pattern(key: str) -> re.Pattern[str]:
    return re.compile(r'(?:^|[\s{,\-])"?' + re.escape(key) + r'"?\s*:')


@lru_cache(maxsize=1024)
def _id_pattern(value: str) -> re.Pattern[str]:
    quoted = re.escape(json.dumps(value, ensure_ascii=False))
    plain = re.escape(value)
    return re.compile(
        r'"?id"?\s*:\s*(?:' + quoted + "|'" + plain + "'|" + plain + r")\s*(?:[,}]|$)"
    )


def _json_node_starts(text: str) -> tuple[list[int], list[int]]:
    """Start line and character of each element of the top-level ``nodes`` array.

    The top-level object is walked with the C JSON scanner, so this is exact and linear.
    The elements of ``nodes`` are found without parsing them again when the file is
    indented (each node opens on its own line at one indentation, as every JSON writer that
    indents does); otherwise, or when that reading does not check out, each element is
    scanned.
    """
    decoder = json.JSONDecoder()
    lines: list[int] = []
    offsets: list[int] = []
    pos = _WS.match(text, 0).end()  # type: ignore[union-attr]
    if pos >= len(text) or text[pos] != "{":
        return lines, offsets
    pos += 1
    while True:
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if pos >= len(text) or text[pos] == "}":
            return lines, offsets
        if text[pos] == ",":
            pos += 1
            continue
        key, pos = decoder.raw_decode(text, pos)
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        pos += 1  # the colon
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if key == "nodes" and pos < len(text) and text[pos] == "[":
            found = _indented_elements(text, pos)
            if found is None:
                found = _scanned_elements(text, pos, decoder)
            line = 1
            last = 0
            for offset in found:
                line += text.count("\n", last, offset)
                last = offset
                lines.append(line)
            return lines, found
        _, pos = decoder.raw_decode(text, pos)


def _scanned_elements(text: str, pos: int, decoder: json.JSONDecoder) -> list[int]:
    """Start of each element of the array opening at ``pos``, each element scanned."""
    offsets: list[int] = []
    pos += 1
    while True:
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if pos >= len(text) or text[pos] == "]":
            return offsets
        if text[pos] == ",":
            pos += 1
            continue
        offsets.append(pos)
        _, pos = decoder.raw_decode(text, pos)


_BLANK = " \t\r\n"


def _indented_elements(text: str, pos: int) -> list[int] | None:
    """Start of each object of the array opening at ``pos`` when the array is indented:
    every element an object opening its own line at the first element's indentation, the
    array closing on its own line at the indentation of the line that opens it. JSON text
    holds no raw line break inside a string, so such a line is always structure. Each
    element must follow ``},`` (the one before it) and the last must be followed by the
    closing bracket; ``None`` when anything does not fit (then the caller scans)."""
    first = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
    if first >= len(text) or text[first] != "{":
        return None
    line_start = text.rfind("\n", 0, first) + 1
    indent = text[line_start:first]
    if line_start == 0 or indent.strip(" \t"):
        return None
    open_line = text.rfind("\n", 0, pos) + 1
    head = text[open_line:pos]
    outer = head[: len(head) - len(head.lstrip(" \t"))]
    if len(outer) >= len(indent):
        return None
    needle = "\n" + indent + "{"
    offsets = [first]
    at = text.find(needle, first)
    while at >= 0:
        if not text.startswith("},", at - 2) and _before(text, _before(text, at, ","), "}") < 0:
            break  # not the next element: past the array's end (checked below), or not indented
        start = at + len(needle) - 1
        offsets.append(start)
        at = text.find(needle, start)
    close = text.find("\n" + outer + "]", offsets[-1])
    if close < 0 or (0 <= at < close) or _before(text, close + 1, "}") < 0:
        return None
    return offsets


def _before(text: str, end: int, char: str) -> int:
    """Position of ``char`` when it is the last non-blank character before ``end``, else -1
    (also when ``end`` is already -1)."""
    if end < 0:
        return -1
    k = end - 1
    while k >= 0 and text[k] in _BLANK:
        k -= 1
    return k if k >= 0 and text[k] == char else -1
