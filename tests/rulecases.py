"""Loading of the per-rule case files in ``tests/cases/PKnnn.yaml``.

A case file::

    rule: PK102
    cases:
      - name: parent id misspelt
        plan: |            # a plan in the native format; the header may be left out
          nodes:
            - {id: V1, level: visi, name: Visi}
            - {id: M1, level: misi, name: Misi, parents: [V9]}
        expect:            # findings of this rule: "NODE" or "NODE@LINE" (line in this text)
          - M1@3
      - name: fine
        plan: |
          ...
        expect: []

When ``plan`` has no ``pohon:`` key, a standard header (plan 2025-2029, OPDs dinkes, dinsos,
bappeda) is put in front and reported line numbers are shifted back, so ``@LINE`` counts
lines of the case's own text (1 = its first line). ``settings`` and ``select`` may be given,
and ``previous``: the plan's older revision, for the revision rules (PK7xx), written like
``plan`` (the header is put in front of it the same way).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CASES_DIR = Path(__file__).parent / "cases"

HEADER = """\
pohon: 1
plan:
  id: kasus-uji
  name: Rencana uji
  pemda: Kota Uji
  period: {start: 2025, end: 2029}
opds:
  - {id: dinkes, name: Dinas Kesehatan, kode: "1.02.0.00.0.00.01.0000"}
  - {id: dinsos, name: Dinas Sosial, kode: "1.06.0.00.0.00.01.0000"}
  - {id: bappeda, name: Bappeda, kode: "5.01.0.00.0.00.01.0000"}
"""
HEADER_LINES = HEADER.count("\n")


@dataclass
class Case:
    rule: str
    name: str
    text: str
    expect: list[str]
    offset: int
    settings: dict[str, Any] = field(default_factory=dict)
    previous: str | None = None

    @property
    def id(self) -> str:
        return f"{self.rule}-{self.name}"


def load_cases() -> list[Case]:
    cases: list[Case] = []
    for path in sorted(CASES_DIR.glob("PK*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        code = data["rule"]
        assert path.stem == code, f"{path.name} holds cases of {code}"
        for raw in data["cases"]:
            text = raw["plan"]
            offset = 0
            if "pohon:" not in text:
                text = HEADER + text
                offset = HEADER_LINES
            previous = raw.get("previous")
            if previous is not None and "pohon:" not in previous:
                previous = HEADER + previous
            cases.append(
                Case(
                    rule=code,
                    name=raw["name"],
                    text=text,
                    expect=[str(e) for e in raw.get("expect") or []],
                    offset=offset,
                    settings=raw.get("settings") or {},
                    previous=previous,
                )
            )
    return cases
