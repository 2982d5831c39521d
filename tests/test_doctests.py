"""The examples in the docstrings of every pohon module run and give what they show."""

from __future__ import annotations

import doctest
import importlib
import io
import pkgutil
from contextlib import redirect_stdout
from pathlib import Path
from types import ModuleType

import pytest

import pohon

OPTIONS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
MIN_EXAMPLES = 5
"""Fewer examples than this overall means the walk over the package found nothing."""
DOCS = Path(__file__).resolve().parent.parent / "docs"
DOC_FILES = ("api.md", "format.md", "konsep.md")
"""Hand-written guides whose ``>>>`` examples must run (rules.md is generated)."""


def _module_names() -> list[str]:
    names = [pohon.__name__]
    for info in pkgutil.walk_packages(pohon.__path__, prefix=f"{pohon.__name__}."):
        names.append(info.name)
    return sorted(names)


MODULES = _module_names()


def _run(module: ModuleType) -> tuple[doctest.TestResults, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        results = doctest.testmod(module, optionflags=OPTIONS, report=False)
    return results, out.getvalue()


@pytest.mark.parametrize("name", MODULES)
def test_module_doctests(name: str) -> None:
    module = importlib.import_module(name)
    results, output = _run(module)
    assert results.failed == 0, f"{results.failed} doctest(s) failed in {name}:\n{output}"


def test_doctests_were_found() -> None:
    # The examples that testmod attempts, counted without running them a second time.
    assert "pohon.rules.engine" in MODULES
    finder = doctest.DocTestFinder()
    found = sum(
        len(test.examples)
        for name in MODULES
        for test in finder.find(importlib.import_module(name))
    )
    assert found >= MIN_EXAMPLES, f"only {found} doctest example(s) found in pohon"


@pytest.mark.parametrize("name", DOC_FILES)
def test_guide_examples(name: str) -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        results = doctest.testfile(
            str(DOCS / name), module_relative=False, optionflags=OPTIONS, report=False
        )
    assert results.failed == 0, (
        f"{results.failed} example(s) failed in docs/{name}:\n{out.getvalue()}"
    )


def test_api_guide_has_examples() -> None:
    parser = doctest.DocTestParser()
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    assert len(parser.get_examples(text)) >= 20


@pytest.mark.parametrize("scheme", [pohon.KOTA, pohon.TEMATIK], ids=lambda s: s.id)
def test_concept_guide_shows_the_scheme_data(scheme: pohon.LevelScheme) -> None:
    # The level tables of docs/konsep.md are written from the scheme data; keep them equal.
    text = (DOCS / "konsep.md").read_text(encoding="utf-8")
    for level in scheme.levels:
        parents = ", ".join(f"`{p}`" for p in level.parents) or "(akar)"
        row = (
            f"| `{level.id}` | {level.name} | {level.owner} | {level.role or '—'} "
            f"| {level.indicator} | {parents} | {'ya' if level.pagu else '—'} "
            f"| {f'`{level.kode_example}`' if level.kode_example else '—'} |"
        )
        assert row in text, f"docs/konsep.md lacks the row of level {level.id!r}: {row}"
