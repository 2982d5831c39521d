"""Frameworks shipped with pohon, and frameworks users bring as YAML files."""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from typing import TypeVar

from pydantic import ValidationError

from pohon.io.errors import LoadError, Problem, UnknownFrameworkError
from pohon.io.files import decode_text, read_input
from pohon.io.messages import locator, problems_from_validation
from pohon.io.yamlread import YamlError, read_yaml
from pohon.model import Crosswalk, Framework

_M = TypeVar("_M", Framework, Crosswalk)


def _read(path: str | os.PathLike[str]) -> tuple[str, str]:
    """The text of a framework or crosswalk file; only regular files, bounded in size."""
    name = os.fspath(path)
    return name, decode_text(read_input(name), name)


def _parse(model: type[_M], text: str, file: str | None) -> _M:
    """A framework or crosswalk from YAML text, with the line of every problem."""
    try:
        doc = read_yaml(text)
    except YamlError as exc:
        raise LoadError(file, [exc.problem]) from None
    if not isinstance(doc.value, dict):
        keys = ", ".join(str(field.alias or name) for name, field in model.model_fields.items())
        kind_id = "kerangka" if model is Framework else "crosswalk"
        kind_en = "framework" if model is Framework else "crosswalk"
        raise LoadError(
            file,
            [
                Problem(
                    f"bagian atas berkas {kind_id} harus berupa mapping dengan kunci {keys}",
                    f"the top of a {kind_en} file must be a mapping with the keys {keys}",
                    line=1,
                )
            ],
        )
    try:
        return model.model_validate(doc.value)
    except ValidationError as exc:
        lines = read_yaml(text, track_lines=True).lines
        raise LoadError(file, problems_from_validation(exc, locator(lines))) from None


def load_framework(path: str | os.PathLike[str]) -> Framework:
    """Read a framework file (see ``pohon/data/frameworks/*.yaml`` for the format)."""
    name, text = _read(path)
    return loads_framework(text, file=name)


def loads_framework(text: str, *, file: str | None = None) -> Framework:
    """Read a framework from YAML text, with the line of every problem."""
    return _parse(Framework, text, file)


@cache
def builtin_frameworks() -> dict[str, Framework]:
    """The frameworks shipped in the package, by id."""
    found: dict[str, Framework] = {}
    folder = resources.files("pohon") / "data" / "frameworks"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            framework = loads_framework(entry.read_text(encoding="utf-8"), file=entry.name)
            found[framework.id] = framework
    return found


def get_framework(framework_id: str, extra: dict[str, Framework] | None = None) -> Framework:
    """A framework by id, from ``extra`` first, then the shipped ones."""
    if extra and framework_id in extra:
        return extra[framework_id]
    shipped = builtin_frameworks()
    if framework_id in shipped:
        return shipped[framework_id]
    raise UnknownFrameworkError(framework_id, sorted({*shipped, *(extra or {})}))


def load_crosswalk(path: str | os.PathLike[str]) -> Crosswalk:
    """Read a crosswalk file (see ``pohon/data/crosswalks/*.yaml`` for the format)."""
    name, text = _read(path)
    return loads_crosswalk(text, file=name)


def loads_crosswalk(text: str, *, file: str | None = None) -> Crosswalk:
    """Read a crosswalk from YAML text, with the line of every problem."""
    return _parse(Crosswalk, text, file)


@cache
def builtin_crosswalks() -> dict[str, Crosswalk]:
    """The crosswalks shipped in the package, by id (judgements, marked as such)."""
    found: dict[str, Crosswalk] = {}
    folder = resources.files("pohon") / "data" / "crosswalks"
    if not folder.is_dir():
        return found
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            crosswalk = loads_crosswalk(entry.read_text(encoding="utf-8"), file=entry.name)
            found[crosswalk.id] = crosswalk
    return found
