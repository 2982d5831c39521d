"""Reading and writing plans in the native format (YAML or JSON)."""

from __future__ import annotations

import json
import os
from collections.abc import Hashable
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import ValidationError

from pohon.findings.loading import DUPLICATE_KEY
from pohon.io.errors import LoadError, Problem
from pohon.io.files import (
    binary_error,
    decode_text,
    is_spreadsheet,
    read_input,
    spreadsheet_error,
)
from pohon.io.messages import locator, problems_from_validation
from pohon.io.source import SourceMap
from pohon.io.syntax import json_problem, json_surrogate_problem, surrogate_problem
from pohon.io.workbook import WORKBOOK_SUFFIXES, read_workbook, write_workbook
from pohon.io.yamlread import YamlError, read_yaml
from pohon.model import Plan
from pohon.model._gc import paused_gc

Format = Literal["yaml", "json"]


def format_of(path: str | os.PathLike[str]) -> Format:
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        return "json"
    return "yaml"


def load(
    path: str | os.PathLike[str], *, format: Format | None = None, mapping: Any = None
) -> Plan:
    """Read a plan file: ``.yaml``, ``.yml``, ``.json``, or a template workbook ``.xlsx``
    (``pohon template``; see :mod:`pohon.io.workbook`). An ``.xls`` or ``.ods`` workbook
    raises a :class:`pohon.LoadError` asking for it to be saved as ``.xlsx``. With
    ``mapping`` (a shipped mapping's name such as ``"evaluasi-renja"``, a mapping file, or a
    :class:`pohon.io.cascading.CascadingMapping`) a workbook is read as a flat cascading
    sheet (:mod:`pohon.io.cascading`).

    Raises :class:`pohon.LoadError` with the file, line and key path of every problem when
    the file cannot be read as a plan. Structural faults (unknown parents, cycles, ...) do not
    raise: :func:`pohon.check` reports them.
    """
    name = os.fspath(path)
    if is_spreadsheet(name) and not name.lower().endswith(WORKBOOK_SUFFIXES):
        raise spreadsheet_error(name)
    data = read_input(name)
    if mapping is not None:
        from pohon.io.cascading import CascadingMapping, load_mapping, read_cascading

        spec = mapping if isinstance(mapping, CascadingMapping) else load_mapping(str(mapping))
        with paused_gc():
            return read_cascading(data, spec, name)
    if name.lower().endswith(WORKBOOK_SUFFIXES):
        with paused_gc():
            return read_workbook(data, name)
    return loads(data, format=format or format_of(name), file=name)


def loads(text: str | bytes, *, format: Format | None = None, file: str | None = None) -> Plan:
    """Read a plan from text or bytes. ``format`` is guessed when not given."""
    if isinstance(text, bytes | bytearray):
        text = decode_text(bytes(text), file)
    elif "\x00" in text:
        raise binary_error(file)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text or text.isspace():  # what strip() would leave empty, without a copy
        raise LoadError(
            file,
            [
                Problem(
                    "berkas kosong: tidak ada rencana di dalamnya",
                    "the file is empty: it holds no plan",
                )
            ],
        )
    fmt: Format = format or ("json" if _first_character(text) in ("{", "[") else "yaml")
    # The collector is paused for the whole read (see pohon.model._gc): parsing and
    # validation build hundreds of thousands of objects and no cycles.
    with paused_gc():
        if fmt == "json":
            return _load_json(text, file)
        return _load_yaml(text, file)


def _first_character(text: str) -> str:
    """The first character that is not white space (the text holds one)."""
    for character in text:
        if not character.isspace():
            return character
    return ""


def _top_level_problem(value: Any, file: str | None, line: int | None = 1) -> LoadError | None:
    if isinstance(value, dict):
        return None
    found = (
        "daftar" if isinstance(value, list) else "nilai tunggal" if value is not None else "kosong"
    )
    found_en = (
        "a list"
        if isinstance(value, list)
        else "a single value"
        if value is not None
        else "nothing"
    )
    return LoadError(
        file,
        [
            Problem(
                f"bagian atas berkas harus berupa mapping dengan kunci pohon, plan, opds, nodes; "
                f"yang ditemukan: {found}",
                f"the top of the file must be a mapping with the keys pohon, plan, opds, nodes; "
                f"found {found_en}",
                line=line,
            )
        ],
    )


def _load_yaml(text: str, file: str | None) -> Plan:
    try:
        doc = read_yaml(text)
    except YamlError as exc:
        raise LoadError(file, [exc.problem]) from None
    problem = _top_level_problem(doc.value, file)
    if problem is not None:
        raise problem
    try:
        plan = Plan.model_validate(doc.value)
    except ValidationError as exc:
        lines = read_yaml(text, track_lines=True).lines
        raise LoadError(file, problems_from_validation(exc, locator(lines))) from None
    plan._source = SourceMap(file, "yaml", text, doc.node_lines, doc.node_offsets)
    return plan


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json keeps the last of two equal keys without a word; a plan file must not lose one.
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return obj


def _load_json(text: str, file: str | None) -> Plan:
    lone = surrogate_problem(text)
    if lone is not None:
        raise LoadError(file, [lone])
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except _DuplicateKeyError as dup:
        try:
            read_yaml(text)  # finds the line of the second key
        except YamlError as exc:
            raise LoadError(file, [exc.problem]) from None
        raise LoadError(
            file,
            [
                Problem(
                    code=DUPLICATE_KEY.code,
                    message=f"kunci {dup.key!r} muncul dua kali di objek yang sama; nilai yang satu akan hilang",
                    message_en=f"key {dup.key!r} appears twice in the same object",
                )
            ],
        ) from None
    except json.JSONDecodeError as exc:
        if exc.pos == len(text) - len(text.lstrip()):
            raise LoadError(
                file,
                [
                    Problem(
                        "berkas ini bukan JSON: isinya tidak diawali '{'",
                        "not readable JSON: the file does not start with '{'",
                        line=exc.lineno,
                        column=exc.colno,
                    )
                ],
            ) from None
        raise LoadError(file, [json_problem(exc)]) from None
    except RecursionError:
        raise LoadError(
            file,
            [
                Problem(
                    "struktur JSON bersarang terlalu dalam",
                    "the JSON nesting is too deep",
                )
            ],
        ) from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        try:
            read_yaml(text)  # names the line
        except YamlError as found:
            raise LoadError(file, [found.problem]) from None
        raise LoadError(
            file, [Problem(f"JSON tidak bisa dibaca: {exc}", f"unreadable JSON: {exc}")]
        ) from None
    lone = json_surrogate_problem(text)
    if lone is not None:
        raise LoadError(file, [lone])
    problem = _top_level_problem(data, file)
    if problem is not None:
        raise problem
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        raise LoadError(file, problems_from_validation(exc, _json_locator(text))) from None
    plan._source = SourceMap(file, "json", text)
    return plan


def _json_locator(text: str) -> Any:
    # JSON is (nearly) a subset of YAML: the YAML reader finds the line of any key path.
    cache: dict[str, Any] = {}

    def locate(loc: tuple[Hashable, ...]) -> int | None:
        if "lines" not in cache:
            try:
                cache["lines"] = locator(read_yaml(text, track_lines=True).lines)
            except YamlError:
                cache["lines"] = None
        finder = cache["lines"]
        if finder is not None:
            converted = tuple(
                str(part) if isinstance(part, int) and 1000 <= part <= 9999 else part
                for part in loc
            )
            found: int | None = finder(converted) or finder(loc)
            if found is not None:
                return found
        # The YAML reader cannot read every JSON text (a key longer than 1024 characters):
        # the first place the deepest key is written is the best line left.
        for part in reversed(loc):
            if isinstance(part, str):
                index = text.find(json.dumps(part, ensure_ascii=False))
                if index >= 0:
                    return text.count("\n", 0, index) + 1
        return None

    return locate


# -- writing ------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    pass


def _represent_list(dumper: yaml.SafeDumper, data: list[Any] | tuple[Any, ...]) -> yaml.Node:
    # Short lists of scalars (parents, aligns, ranges) stay on one line.
    flow = all(not isinstance(item, dict | list | tuple) for item in data) or (
        len(data) == 2 and all(isinstance(item, int | float) for item in data)
    )
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _represent_dict(dumper: yaml.SafeDumper, data: dict[Any, Any]) -> yaml.Node:
    # Year maps (targets, actuals, pagu) read best on one line: {2025: 73.5, 2026: 73.6}.
    flow = bool(data) and all(isinstance(key, int) for key in data)
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=flow)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    if not data.isprintable() or data != data.strip() or "  " in data:
        # Keep line breaks and runs of spaces visible and exact.
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style='"')
    return dumper.represent_str(data)


_Dumper.add_representer(tuple, _represent_list)
_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(dict, _represent_dict)
_Dumper.add_representer(str, _represent_str)


def _plain(plan: Plan) -> dict[str, Any]:
    data = plan.model_dump(mode="python", by_alias=True, exclude_unset=True)
    data = {"pohon": plan.format, **{k: v for k, v in data.items() if k != "pohon"}}
    for node in data.get("nodes", ()):
        parents = node.get("parents")
        if parents:
            node["parents"] = [
                p["id"] if set(p) == {"id"} or p.get("weight") is None else p for p in parents
            ]
    return data


def dumps(plan: Plan, *, format: Format = "yaml") -> str:
    """The plan as text in the native format; the same plan always gives the same text."""
    data = _plain(plan)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100_000,
        default_flow_style=False,
    )


def dump(plan: Plan, path: str | os.PathLike[str], *, format: Format | None = None) -> None:
    """Write the plan to ``path``; the format follows the suffix unless given (``.xlsx``
    writes a template workbook)."""
    if format is None and os.fspath(path).lower().endswith(".xlsx"):
        Path(path).write_bytes(write_workbook(plan))
        return
    text = dumps(plan, format=format or format_of(path))
    Path(path).write_text(text, encoding="utf-8")
