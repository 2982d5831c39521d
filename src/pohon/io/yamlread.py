"""A safe, bounded YAML reader that keeps line numbers and what the user wrote.

It builds plain Python values straight from the parser's event stream (the C parser of
libyaml where available), so:

* no YAML tag can build a Python object: only the standard scalar, sequence and mapping
  tags are accepted, anything else is refused with its line;
* aliases share the value of their anchor and the total expanded size is bounded, so an
  alias bomb is refused quickly in bounded memory;
* nesting depth is bounded, without recursion;
* a duplicate key in a mapping is refused, since the loser would be silently lost;
* under keys that always hold text (``id``, ``name``, ``kode``, ``parents`` ...), a plain
  scalar is kept exactly as written: ``kode: 1.10`` stays ``"1.10"``, ``name: yes`` stays
  ``"yes"``.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

import yaml

from pohon.findings.catalogue import display as _ribu
from pohon.io.errors import Problem
from pohon.io.syntax import MAX_DEPTH, surrogate_problem, yaml_problem

try:
    _Loader: type[Any] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

_CORE = "tag:yaml.org,2002:"
_NULL = _CORE + "null"
_STR = _CORE + "str"
_ACCEPTED_TAGS = {
    _CORE + name for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
}

TEXT_KEYS = frozenset(
    {
        "id",
        "name",
        "level",
        "kode",
        "opd",
        "agency",
        "satuan",
        "note",
        "notes",
        "pemda",
        "definisi",
        "formula",
        "sumber_data",
        "penanggung_jawab",
        "singkatan",
        "short",
        "source",
        "version",
        "scheme",
        "status",
        "measure",
        "polarity",
        "from",
    }
)
"""Keys whose plain scalar values are kept as the text the user wrote."""
TEXT_LIST_KEYS = frozenset({"parents", "aligns", "frameworks", "scale", "to"})
"""Keys whose plain scalar list items are kept as written."""

_NULL_RE = re.compile(r"^(?:~|null|Null|NULL|)$")
TEXT_UNIT = 8
"""Characters of a text that count as one value against the alias budget."""
_LONE = re.compile(r"[\ud800-\udfff]")


@dataclass
class _Frame:
    value: Any
    is_map: bool
    path: tuple[Hashable, ...]
    key: Any = None
    has_key: bool = False
    key_line: int = 0
    size: int = 1
    anchor: str | None = None
    text_items: bool = False
    is_nodes: bool = False


@dataclass
class YamlDocument:
    """What :func:`read_yaml` returns: the value, and where things are."""

    value: Any
    node_lines: list[int] = field(default_factory=list)
    node_offsets: list[int] = field(default_factory=list)
    lines: dict[tuple[Hashable, ...], int] = field(default_factory=dict)


class YamlError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message_en)
        self.problem = problem


def _fail(message: str, message_en: str, mark: Any, path: tuple[Hashable, ...] = ()) -> YamlError:
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    return YamlError(
        Problem(message, message_en, line=line, column=column, path=format_path(path) or None)
    )


def format_path(path: tuple[Hashable, ...] | list[Any]) -> str:
    """``('nodes', 3, 'indicators', 0, 'targets', 2025)`` → ``nodes[3].indicators[0].targets.2025``."""
    out = ""
    for part in path:
        if isinstance(part, str) and len(part) > 40:
            part = part[:37] + "..."
        if isinstance(part, int) and not isinstance(part, bool) and out and not _is_year(part):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _is_year(value: int) -> bool:
    return 1000 <= value <= 9999


class _Scalars:
    """Resolves plain scalars exactly as PyYAML's safe loader does (YAML 1.1)."""

    def __init__(self, loader: Any) -> None:
        self._loader = loader
        self._constructor = yaml.constructor.SafeConstructor()

    def value(self, event: Any, tag: str) -> Any:
        if tag == _STR:
            return event.value
        if tag == _NULL:
            return None
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
        if tag == _CORE + "timestamp":
            return event.value  # a date stays the text the user wrote
        if tag == _CORE + "bool":
            return self._constructor.construct_yaml_bool(node)
        try:
            if tag == _CORE + "int":
                return self._constructor.construct_yaml_int(node)
            if tag == _CORE + "float":
                return self._constructor.construct_yaml_float(node)
        except ValueError:
            raise _fail(
                f"angka terlalu panjang untuk dibaca ({_ribu(len(event.value))} karakter)",
                f"number too long to read ({len(event.value):,} characters)",
                event.start_mark,
            ) from None
        raise AssertionError(tag)  # pragma: no cover - filtered by the caller

    def tag_of(self, event: Any) -> str:
        if event.tag is not None and event.tag != "!":
            return str(event.tag)
        if event.style or not event.implicit[0]:
            return _STR
        tag = str(self._loader.resolve(yaml.ScalarNode, event.value, event.implicit))
        if ":" in event.value and tag in (_CORE + "int", _CORE + "float"):
            # YAML 1.1 reads 1:30 as base 60 (90); a ratio target stays as written.
            return _STR
        return tag


def read_yaml(text: str, *, track_lines: bool = False) -> YamlDocument:
    """Read one YAML document into plain values. Raises :class:`YamlError`."""
    lone = surrogate_problem(text)
    if lone is not None:
        raise YamlError(lone)
    loader = _Loader(text)
    scalars = _Scalars(loader)
    budget = 100_000 + len(text)
    total = 0
    anchors: dict[str, tuple[Any, int]] = {}
    stack: list[_Frame] = []
    doc = YamlDocument(value=None)
    documents = 0
    result: Any = None
    try:
        while loader.check_event():
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.StreamStartEvent or kind is yaml.StreamEndEvent:
                continue
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _fail(
                        "berkas berisi lebih dari satu dokumen YAML; satu berkas satu rencana",
                        "the file holds more than one YAML document; one plan per file",
                        event.start_mark,
                    )
                continue
            if kind is yaml.DocumentEndEvent:
                continue

            if kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                frame = stack.pop()
                if frame.anchor is not None:
                    anchors[frame.anchor] = (frame.value, frame.size)
                if stack:
                    _attach(stack, frame.value, frame.size)
                else:
                    result = frame.value
                continue

            parent = stack[-1] if stack else None
            path: tuple[Hashable, ...] = ()
            if parent is not None:
                if parent.is_map:
                    if not parent.has_key:
                        # This event is a key.
                        if kind is not yaml.ScalarEvent:
                            raise _fail(
                                "kunci mapping harus berupa teks sederhana",
                                "a mapping key must be a plain scalar",
                                event.start_mark,
                                parent.path,
                            )
                        tag = scalars.tag_of(event)
                        if tag == _CORE + "merge":
                            raise _fail(
                                "kunci gabungan YAML '<<' tidak didukung; tulis kuncinya satu per satu",
                                "the YAML merge key '<<' is not supported; write the keys out",
                                event.start_mark,
                                parent.path,
                            )
                        if tag not in _ACCEPTED_TAGS:
                            raise _tag_error(tag, event, parent.path)
                        key = scalars.value(event, tag)
                        twin = _year_twin(key)
                        if key in parent.value or (twin is not None and twin in parent.value):
                            raise _fail(
                                f"kunci {key!r} muncul dua kali di mapping yang sama; "
                                "nilai yang satu akan hilang",
                                f"key {key!r} appears twice in the same mapping",
                                event.start_mark,
                                parent.path,
                            )
                        parent.key = key
                        parent.has_key = True
                        parent.key_line = event.start_mark.line + 1
                        if track_lines:
                            doc.lines[(*parent.path, key)] = parent.key_line
                        continue
                    path = (*parent.path, parent.key) if track_lines else ()
                else:
                    path = (*parent.path, len(parent.value)) if track_lines else ()

            if kind is yaml.AliasEvent:
                anchored = anchors.get(event.anchor)
                if anchored is None:
                    raise _fail(
                        f"alias *{event.anchor} tidak punya anchor",
                        f"alias *{event.anchor} has no anchor",
                        event.start_mark,
                        path,
                    )
                value, size = anchored
                total += size
                if total > budget:
                    raise _fail(
                        "alias YAML mengembang terlalu besar (kemungkinan 'alias bomb'); ditolak",
                        "YAML aliases expand too far (a likely alias bomb); refused",
                        event.start_mark,
                        path,
                    )
                _attach(stack, value, size)
                continue

            if kind is yaml.ScalarEvent:
                total += 1
                tag = scalars.tag_of(event)
                if tag not in _ACCEPTED_TAGS:
                    raise _tag_error(tag, event, path)
                if (
                    (
                        parent is not None
                        and not event.style
                        and tag != _NULL
                        and ((parent.is_map and parent.key in TEXT_KEYS) or parent.text_items)
                    )
                    and event.tag is None
                    and not _NULL_RE.match(event.value)
                ):
                    tag = _STR
                value = scalars.value(event, tag)
                if isinstance(value, str) and not value.isascii() and _LONE.search(value):
                    raise _fail(
                        "teks berisi surrogate tunggal, bukan karakter Unicode yang sah; "
                        "hapus atau perbaiki escape-nya",
                        "the text holds a lone surrogate, not a valid Unicode character; "
                        "remove or fix its escape",
                        event.start_mark,
                        path,
                    )
                # A text counts by its length too: an alias of a long text repeats the text,
                # so a few thousand aliases of one long name must not pass as a few thousand
                # values (the report would repeat the text in every finding).
                size = 1 + len(value) // TEXT_UNIT if isinstance(value, str) else 1
                if event.anchor is not None:
                    anchors[event.anchor] = (value, size)
                if parent is None:
                    result = value
                else:
                    _attach(stack, value, size)
                continue

            if kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                total += 1
                is_map = kind is yaml.MappingStartEvent
                expected = _CORE + ("map" if is_map else "seq")
                if event.tag is not None and event.tag not in ("!", expected):
                    raise _tag_error(str(event.tag), event, path)
                if len(stack) >= MAX_DEPTH:
                    raise _fail(
                        f"struktur bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat)",
                        f"nesting is too deep (more than {MAX_DEPTH} levels)",
                        event.start_mark,
                        path,
                    )
                frame = _Frame(
                    value={} if is_map else [],
                    is_map=is_map,
                    path=path,
                    anchor=event.anchor,
                )
                line = event.start_mark.line + 1
                if parent is not None and not is_map and parent.is_map:
                    frame.text_items = parent.key in TEXT_LIST_KEYS
                    frame.is_nodes = len(stack) == 1 and parent.key == "nodes"
                if parent is not None and parent.is_nodes and is_map:
                    doc.node_lines.append(line)
                    doc.node_offsets.append(event.start_mark.index)
                if track_lines:
                    doc.lines[path] = line
                stack.append(frame)
                continue

    except yaml.reader.ReaderError as exc:
        position = exc.position
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        code = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise YamlError(
            Problem(
                f"karakter kendali {code} tidak boleh ada di YAML; hapus karakter itu",
                f"control character {code} is not allowed in YAML; remove it",
                line=line,
                column=column,
            )
        ) from None
    except yaml.MarkedYAMLError as exc:
        raise YamlError(yaml_problem(exc, text)) from None
    except yaml.YAMLError as exc:
        raise YamlError(yaml_problem(exc, text)) from None
    finally:
        loader.dispose()
    doc.value = result
    return doc


def _year_twin(key: Any) -> Any:
    """2027 and '2027' both become the year 2027: the other spelling of a year key."""
    if isinstance(key, int) and not isinstance(key, bool):
        return str(key)
    if isinstance(key, str) and key.isdigit() and key.isascii() and len(key) <= 4:
        return int(key)
    return None


def _attach(stack: list[_Frame], value: Any, size: int) -> None:
    parent = stack[-1]
    parent.size += size
    if parent.is_map:
        parent.value[parent.key] = value
        parent.has_key = False
    else:
        parent.value.append(value)


def _tag_error(tag: str, event: Any, path: tuple[Hashable, ...]) -> YamlError:
    return _fail(
        f"tag YAML {tag} tidak diizinkan; hanya teks, angka, daftar dan mapping biasa "
        "(tag tidak pernah dijalankan)",
        f"YAML tag {tag} is not allowed; only plain text, numbers, lists and mappings "
        "(tags are never executed)",
        event.start_mark,
        path,
    )
