"""Kode patterns of a level scheme: a small, safe regular-expression language.

A scheme read from a plan file says, per level, which shape a nomenclature kode has
(``\\d\\.\\d{2}\\.\\d{2}`` for a program). Such a pattern comes from a file anyone may write,
so it is never handed to Python's backtracking ``re`` engine, where ``(a+)+$`` takes years
on a 40-character kode. Instead it is parsed here, refused at load when it uses what this
language does not have, and matched by simulating its automaton: time linear in the length
of the kode, whatever the pattern.

Accepted (see docs/format.md): literal characters; ``.``; ``\\d`` ``\\w`` ``\\s`` and
``\\D`` ``\\W`` ``\\S`` (ASCII); an escaped punctuation character (``\\.``); classes
``[0-9A-Z._-]`` and ``[^...]``; groups ``(...)`` and ``(?:...)``; alternation ``|``;
quantifiers ``?`` ``*`` ``+`` ``{n}`` ``{n,}`` ``{n,m}`` (n, m at most 100); ``^`` at the
start and ``$`` at the end (the whole kode must match anyway). Refused: backreferences,
lookarounds, named groups, inline flags, and an unbounded quantifier on a group that holds a
quantifier or an alternation (``(a+)+``, ``(a|aa)*``).

>>> pattern = KodePattern.compile(r"\\d\\.\\d{2}\\.\\d{2}")
>>> pattern.fullmatch("1.02.02") is not None, pattern.fullmatch("1.2.2") is not None
(True, False)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pohon.findings.catalogue import display as _ribu

MAX_PATTERN = 500
"""Longest kode pattern accepted, in characters."""
MAX_REPEAT = 100
"""Largest count in ``{n}`` / ``{n,m}``."""
MAX_STATES = 2_000
"""Largest automaton a pattern may expand to (``{n,m}`` copies its group)."""
MAX_KODE = 100
"""Longest kode matched: a longer kode never fits a shape."""
_MAX_GROUP_DEPTH = 20
_MAX_STEPS = 10_000


class KodePatternError(ValueError):
    """A kode pattern this language does not accept; the reason in Indonesian and English."""

    def __init__(self, reason_id: str, reason_en: str, position: int) -> None:
        super().__init__(f"{reason_en} (at character {position + 1})")
        self.reason_id = f"{reason_id} (karakter ke-{position + 1})"
        self.reason_en = f"{reason_en} (character {position + 1})"


@dataclass(frozen=True)
class _Set:
    """A set of characters: listed characters, ranges and ASCII classes, maybe negated."""

    chars: frozenset[str] = frozenset()
    ranges: tuple[tuple[str, str], ...] = ()
    classes: str = ""
    negated: bool = False
    any: bool = False

    def __contains__(self, char: str) -> bool:
        if self.any:
            return True
        found = (
            char in self.chars
            or any(low <= char <= high for low, high in self.ranges)
            or any(_in_class(char, name) for name in self.classes)
        )
        return found != self.negated


def _in_class(char: str, name: str) -> bool:
    lower = name.lower()
    if lower == "d":
        hit = "0" <= char <= "9"
    elif lower == "w":
        hit = char.isascii() and (char.isalnum() or char == "_")
    else:
        hit = char in " \t\n\r\f\v"
    return hit if name.islower() else not hit


# The syntax tree: ("set", _Set) | ("cat", list) | ("alt", list) | ("rep", node, lo, hi).
_Node = tuple[object, ...]
_CLASSES = "dwsDWS"


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.depth = 0

    def fail(self, reason_id: str, reason_en: str, at: int | None = None) -> KodePatternError:
        return KodePatternError(reason_id, reason_en, self.pos if at is None else at)

    def peek(self, ahead: int = 0) -> str:
        index = self.pos + ahead
        return self.text[index] if index < len(self.text) else ""

    def parse(self) -> _Node:
        if self.peek() == "^":
            self.pos += 1
        node, _ = self.alternation()
        if self.pos < len(self.text):
            if self.peek() == ")":
                raise self.fail("')' tanpa '(' pasangannya", "')' without a matching '('")
            raise self.fail("karakter tak terduga", "unexpected character")  # pragma: no cover
        return node

    def alternation(self) -> tuple[_Node, bool]:
        branches = []
        variable = False
        while True:
            branch, var = self.concatenation()
            branches.append(branch)
            variable = variable or var
            if self.peek() != "|":
                break
            self.pos += 1
        if len(branches) == 1:
            return branches[0], variable
        return ("alt", branches), True

    def concatenation(self) -> tuple[_Node, bool]:
        items: list[_Node] = []
        variable = False
        while self.pos < len(self.text) and self.peek() not in "|)":
            if self.peek() == "$":
                if self.pos == len(self.text) - 1:
                    self.pos += 1
                    break
                raise self.fail(
                    "'$' hanya boleh di akhir pola; tulis \\$ untuk tanda dolar",
                    "'$' is allowed only at the end of the pattern; write \\$ for a dollar sign",
                )
            start = self.pos
            atom, inner_variable = self.atom()
            atom, var = self.quantifier(atom, inner_variable, start)
            items.append(atom)
            variable = variable or var
        if len(items) == 1:
            return items[0], variable
        return ("cat", items), variable

    def quantifier(self, atom: _Node, inner_variable: bool, start: int) -> tuple[_Node, bool]:
        char = self.peek()
        low: int
        high: int | None
        if char == "?":
            low, high = 0, 1
        elif char == "*":
            low, high = 0, None
        elif char == "+":
            low, high = 1, None
        elif char == "{":
            low, high = self.counts()
        else:
            return atom, inner_variable
        if char != "{":
            self.pos += 1
        if self.peek() == "?":
            self.pos += 1  # lazy: the same set of kode matches the whole pattern
        if self.peek() in ("?", "*", "+", "{"):
            raise self.fail(
                "dua kuantifier berturut-turut tidak didukung",
                "two quantifiers in a row are not supported",
            )
        variable = high is None or high != low
        if high is None and inner_variable:
            raise self.fail(
                "kuantifier tak terbatas (*, +, {n,}) pada grup yang berisi kuantifier atau '|', "
                "seperti (a+)+ atau (a|aa)*, tidak didukung: pola seperti itu membuat "
                "pencocokan sangat lambat; tulis bentuk kodenya secara langsung",
                "an unbounded quantifier (*, +, {n,}) on a group that holds a quantifier or '|', "
                "like (a+)+ or (a|aa)*, is not supported: such a pattern makes matching very "
                "slow; write the shape of the kode directly",
                start,
            )
        return ("rep", atom, low, high), variable or inner_variable

    def counts(self) -> tuple[int, int | None]:
        end = self.text.find("}", self.pos)
        body = self.text[self.pos + 1 : end] if end > 0 else ""
        low_text, comma, high_text = body.partition(",")
        if (
            end < 0
            or not (low_text.isascii() and low_text.isdigit())
            or (high_text and not (high_text.isascii() and high_text.isdigit()))
        ):
            raise self.fail(
                "'{' harus memulai jumlah ulangan seperti {2} atau {1,3}; tulis \\{ untuk "
                "kurung kurawal",
                "'{' must start a count like {2} or {1,3}; write \\{ for a brace",
            )
        if max(len(low_text), len(high_text)) > 3 or max(int(low_text), int(high_text or 0)) > (
            MAX_REPEAT
        ):
            raise self.fail(
                f"jumlah ulangan paling besar {MAX_REPEAT}",
                f"a repeat count is at most {MAX_REPEAT}",
            )
        low = int(low_text)
        high = int(high_text) if high_text else (None if comma else low)
        if high is not None and high < low:
            raise self.fail("jumlah ulangan {n,m} harus n ≤ m", "a repeat count {n,m} needs n ≤ m")
        self.pos = end + 1
        return low, high

    def atom(self) -> tuple[_Node, bool]:
        char = self.peek()
        if char == "(":
            return self.group()
        if char == "[":
            return ("set", self.char_class()), False
        if char == ".":
            self.pos += 1
            return ("set", _Set(any=True)), False
        if char == "\\":
            return ("set", self.escape(in_class=False)), False
        if char in "?*+{":
            raise self.fail(
                "kuantifier tanpa sesuatu yang diulang", "a quantifier with nothing to repeat"
            )
        if char == "^":
            raise self.fail(
                "'^' hanya boleh di awal pola; tulis \\^ untuk tanda sisipan",
                "'^' is allowed only at the start of the pattern; write \\^ for a caret",
            )
        self.pos += 1
        return ("set", _Set(chars=frozenset(char))), False

    def group(self) -> tuple[_Node, bool]:
        start = self.pos
        self.pos += 1
        if self.peek() == "?":
            if self.peek(1) == ":":
                self.pos += 2
            else:
                raise self.refused_group(start)
        self.depth += 1
        if self.depth > _MAX_GROUP_DEPTH:
            raise self.fail(
                f"grup bersarang lebih dari {_MAX_GROUP_DEPTH} tingkat",
                f"groups nested more than {_MAX_GROUP_DEPTH} deep",
            )
        node, variable = self.alternation()
        self.depth -= 1
        if self.peek() != ")":
            raise self.fail("'(' tidak ditutup dengan ')'", "'(' is not closed with ')'", start)
        self.pos += 1
        return node, variable

    def refused_group(self, start: int) -> KodePatternError:
        head = self.text[start : start + 4]
        if head.startswith(("(?=", "(?!", "(?<=", "(?<!")):
            return self.fail(
                "lookaround (?=, (?!, (?<=, (?<! tidak didukung",
                "lookarounds (?=, (?!, (?<=, (?<! are not supported",
                start,
            )
        if head.startswith(("(?P", "(?<")):
            return self.fail(
                "grup bernama tidak didukung; pakai (...) atau (?:...)",
                "named groups are not supported; use (...) or (?:...)",
                start,
            )
        return self.fail(
            "hanya (...) dan (?:...) yang didukung (tanpa flag seperti (?i) dan tanpa (?>...))",
            "only (...) and (?:...) are supported (no flags like (?i), no (?>...))",
            start,
        )

    def escape(self, *, in_class: bool) -> _Set:
        start = self.pos
        char = self.peek(1)
        if not char:
            raise self.fail("'\\' di akhir pola", "'\\' at the end of the pattern", start)
        self.pos += 2
        if char in _CLASSES:
            return _Set(classes=char)
        if char.isdigit():
            raise self.fail(
                "rujukan balik seperti \\1 tidak didukung",
                "backreferences like \\1 are not supported",
                start,
            )
        if char.isascii() and char.isalpha():
            raise self.fail(
                f"escape \\{char} tidak didukung; yang didukung: \\d \\w \\s \\D \\W \\S dan "
                "tanda baca yang di-escape (\\.)",
                f"the escape \\{char} is not supported; supported: \\d \\w \\s \\D \\W \\S and "
                "escaped punctuation (\\.)",
                start,
            )
        return _Set(chars=frozenset(char))

    def char_class(self) -> _Set:
        start = self.pos
        self.pos += 1
        negated = self.peek() == "^"
        if negated:
            self.pos += 1
        chars: set[str] = set()
        ranges: list[tuple[str, str]] = []
        classes = ""
        first = True
        while True:
            char = self.peek()
            if not char:
                raise self.fail("'[' tidak ditutup dengan ']'", "'[' is not closed with ']'", start)
            if char == "]" and not first:
                self.pos += 1
                break
            first = False
            if char == "\\":
                item = self.escape(in_class=True)
                if item.classes:
                    classes += item.classes
                    continue
                low = next(iter(item.chars))
            else:
                if char == "[" and self.peek(1) in ":=.":
                    raise self.fail(
                        "kelas POSIX seperti [[:digit:]] tidak didukung; pakai \\d",
                        "POSIX classes like [[:digit:]] are not supported; use \\d",
                    )
                low = char
                self.pos += 1
            if self.peek() == "-" and self.peek(1) not in ("]", ""):
                self.pos += 1
                high_char = self.peek()
                if high_char == "\\":
                    item = self.escape(in_class=True)
                    if item.classes:
                        raise self.fail("rentang ke kelas \\d tidak sah", "a range to \\d")
                    high_char = next(iter(item.chars))
                else:
                    self.pos += 1
                if high_char < low:
                    raise self.fail(
                        f"rentang {low}-{high_char} terbalik",
                        f"range {low}-{high_char} is reversed",
                    )
                ranges.append((low, high_char))
            else:
                chars.add(low)
        return _Set(frozenset(chars), tuple(ranges), classes, negated)


class _Automaton:
    """A Thompson automaton: character edges and empty moves, simulated as a set of states."""

    def __init__(self) -> None:
        self.empty: list[list[int]] = []
        self.edges: list[list[tuple[_Set, int]]] = []

    def state(self) -> int:
        if len(self.empty) >= MAX_STATES:
            raise KodePatternError(
                f"pola terlalu besar setelah diuraikan (lebih dari {_ribu(MAX_STATES)} keadaan)",
                f"the pattern expands too far (more than {MAX_STATES:,} states)",
                0,
            )
        self.empty.append([])
        self.edges.append([])
        return len(self.empty) - 1

    def build(self, node: _Node) -> tuple[int, int]:
        kind = node[0]
        if kind == "set":
            start, end = self.state(), self.state()
            self.edges[start].append((node[1], end))  # type: ignore[arg-type]
            return start, end
        if kind == "cat":
            start = self.state()
            current = start
            for child in node[1]:  # type: ignore[attr-defined]
                child_start, child_end = self.build(child)
                self.empty[current].append(child_start)
                current = child_end
            return start, current
        if kind == "alt":
            start, end = self.state(), self.state()
            for child in node[1]:  # type: ignore[attr-defined]
                child_start, child_end = self.build(child)
                self.empty[start].append(child_start)
                self.empty[child_end].append(end)
            return start, end
        child, low, high = node[1], node[2], node[3]
        start = self.state()
        current = start
        for _ in range(low):  # type: ignore[call-overload]
            child_start, child_end = self.build(child)  # type: ignore[arg-type]
            self.empty[current].append(child_start)
            current = child_end
        end = self.state()
        if high is None:
            child_start, child_end = self.build(child)  # type: ignore[arg-type]
            self.empty[current].append(child_start)
            self.empty[child_end].append(current)
            self.empty[current].append(end)
            return start, end
        for _ in range(high - low):  # type: ignore[operator]
            self.empty[current].append(end)
            child_start, child_end = self.build(child)  # type: ignore[arg-type]
            self.empty[current].append(child_start)
            current = child_end
        self.empty[current].append(end)
        return start, end

    def closure(self, states: set[int]) -> set[int]:
        stack = list(states)
        seen = set(states)
        while stack:
            for target in self.empty[stack.pop()]:
                if target not in seen:
                    seen.add(target)
                    stack.append(target)
        return seen


class KodePattern:
    """A compiled kode pattern; :meth:`fullmatch` runs in time linear in the kode."""

    __slots__ = ("_automaton", "_end", "_first", "_steps", "pattern")

    def __init__(self, pattern: str, automaton: _Automaton, start: int, end: int) -> None:
        self.pattern = pattern
        self._automaton = automaton
        self._end = end
        self._first = frozenset(automaton.closure({start}))
        # Sets of states already stepped through, by character: kode of one shape walk the
        # same sets, so each step after the first kode is one dictionary look-up.
        self._steps: dict[tuple[frozenset[int], str], frozenset[int]] = {}

    @staticmethod
    def compile(pattern: str) -> KodePattern:
        """The pattern, compiled; raises :class:`KodePatternError` for what is not accepted."""
        return _compile(pattern)

    def fullmatch(self, kode: str) -> Literal[True] | None:
        """``True`` when the whole kode has the pattern's shape, else ``None``."""
        if len(kode) > MAX_KODE:
            return None
        current = self._first
        steps = self._steps
        for char in kode:
            following = steps.get((current, char))
            if following is None:
                following = self._step(current, char)
                if len(steps) >= _MAX_STEPS:
                    steps.clear()
                steps[(current, char)] = following
            if not following:
                return None
            current = following
        return True if self._end in current else None

    def _step(self, current: frozenset[int], char: str) -> frozenset[int]:
        automaton = self._automaton
        following = {
            target for state in current for chars, target in automaton.edges[state] if char in chars
        }
        return frozenset(automaton.closure(following)) if following else frozenset()

    def __repr__(self) -> str:
        return f"KodePattern({self.pattern!r})"


@lru_cache(maxsize=256)
def _compile(pattern: str) -> KodePattern:
    if len(pattern) > MAX_PATTERN:
        raise KodePatternError(
            f"pola terlalu panjang (lebih dari {MAX_PATTERN} karakter)",
            f"the pattern is too long (more than {MAX_PATTERN} characters)",
            MAX_PATTERN,
        )
    tree = _Parser(pattern).parse()
    automaton = _Automaton()
    start, end = automaton.build(tree)
    return KodePattern(pattern, automaton, start, end)
