"""The text, JSON and SARIF formatters, and the generated rule reference."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import pohon
from pohon.findings import Entry
from pohon.io import LoadError, Problem
from pohon.render import docs as rule_docs
from pohon.render import render_json, render_sarif, render_text, to_json_data, to_sarif_data
from pohon.render.sarif import artifact_uri
from pohon.rules import REGISTRY, Diagnostic, Location, Report, Rule, RuleDoc

ROOT = Path(__file__).resolve().parents[1]
RULES_MD = ROOT / "docs" / "rules.md"

TRICKY = 'Layanan <b>sehat</b> & "aman" {x} \\ `kode`'

PLAN = f"""\
pohon: 1
plan:
  id: uji-render
  name: Rencana uji
  period: {{start: 2025, end: 2029}}
nodes:
  - {{id: V1, level: visi, name: Kota maju}}
  - id: M1
    level: misi
    name: '{TRICKY}'
    parents: [V9]
"""


def _diag(
    code: str,
    severity: Any,
    message: str,
    line: int | None,
    *,
    node: str | None = "M1",
    hint: str = "Betulkan.",
    file: str | None = "kecil.yaml",
) -> Diagnostic:
    return Diagnostic(
        code=code,
        slug=REGISTRY[code].slug if code in REGISTRY else code.lower(),
        severity=severity,
        node=node,
        field="parents" if node else None,
        message=message,
        hint=hint,
        location=Location(file, line),
        related=("V9",) if node else (),
        values={"parent": "V9"} if node else {},
        plan="kecil",
    )


def tiny_report(file: str | None = "kecil.yaml") -> Report:
    """A report built by hand: independent of the wording of the rules."""
    return Report(
        diagnostics=(
            _diag("PK102", "error", f"Node M1 ({TRICKY}) merujuk induk V9", 9, file=file),
            _diag("PK108", "warning", "Visi V1 belum diturunkan", 4, node="V1", file=file),
            _diag("PK101", "info", "Catatan untuk seluruh rencana", None, node=None, file=file),
        ),
        plan="kecil",
        file=file,
        nodes=3,
        rules=("PK101", "PK102", "PK108"),
    )


def broken() -> LoadError:
    return LoadError(
        "rusak.yaml",
        [
            Problem(
                "kunci wajib 'name' tidak ada",
                "required key 'name' is missing",
                7,
                None,
                "nodes[2]",
            ),
            Problem("YAML tidak valid", "invalid YAML", 12, 3),
        ],
    )


# -- text -----------------------------------------------------------------------------------


def test_text_snapshot() -> None:
    assert render_text(tiny_report()) == (
        f"kecil.yaml:9: PK102 [error] Node M1 ({TRICKY}) merujuk induk V9\n"
        "  saran: Betulkan.\n"
        "kecil.yaml:4: PK108 [warning] Visi V1 belum diturunkan\n"
        "  saran: Betulkan.\n"
        "kecil.yaml: PK101 [info] Catatan untuk seluruh rencana\n"
        "  saran: Betulkan.\n"
        "kecil.yaml: 1 error, 1 warning, 1 info pada 3 node\n"
    )


def test_text_english_and_several_files() -> None:
    out = render_text([tiny_report(), broken()], lang="en")
    assert "  hint: Betulkan." in out
    assert "saran" not in out
    assert "kecil.yaml: 1 error, 1 warning, 1 info in 3 nodes" in out
    assert "rusak.yaml:7: [nodes[2]] required key 'name' is missing" in out
    assert "rusak.yaml:12:3: invalid YAML" in out
    assert "rusak.yaml: cannot be read (2 problems)" in out
    assert out.endswith(
        "Total: 2 files (1 could not be read), 1 error, 1 warning, 1 info in 3 nodes\n"
    )
    blocks = out.split("\n\n")
    assert len(blocks) == 3, "files are separated by one blank line"


def test_text_load_error_indonesian() -> None:
    out = render_text(broken())
    assert out == (
        "rusak.yaml:7: [nodes[2]] kunci wajib 'name' tidak ada\n"
        "rusak.yaml:12:3: YAML tidak valid\n"
        "rusak.yaml: tidak bisa dibaca (2 masalah)\n"
    )


def test_text_no_findings_and_large_numbers() -> None:
    empty = Report(diagnostics=(), plan="p", file="p.yaml", nodes=12500)
    assert render_text(empty) == "p.yaml: tidak ada temuan pada 12.500 node\n"
    assert render_text(empty, lang="en") == "p.yaml: no findings in 12,500 nodes\n"


def test_text_shows_names_as_written_but_one_line() -> None:
    d = _diag("PK102", "error", "Nama <i>baru</i>\nbaris kedua \x1b[31mmerah", 3)
    out = render_text(Report(diagnostics=(d,), plan="kecil", file="kecil.yaml", nodes=1))
    first = out.splitlines()[0]
    assert "<i>baru</i>" in first, "markup is not escaped in text"
    assert "\\nbaris kedua" in first, "a line break in a name stays on the finding's line"
    assert "\x1b" not in out
    assert "\\x1b[31m" in first


def test_text_colour_only_when_asked() -> None:
    assert "\x1b[" not in render_text(tiny_report())
    coloured = render_text(tiny_report(), color=True)
    assert "\x1b[1;31m[error]\x1b[0m" in coloured
    assert "\x1b[33m[warning]\x1b[0m" in coloured


def test_text_of_a_real_check_keeps_names() -> None:
    plan = pohon.loads(PLAN, file="uji.yaml")
    report = pohon.check(plan, select=["PK102"])
    out = render_text(report)
    assert out.startswith("uji.yaml:11: PK102 [error] ")
    assert out.endswith("uji.yaml: 1 error, 0 warning, 0 info pada 2 node\n")
    data = json.loads(render_json(report))
    assert [d["node"] for d in data["diagnostics"]] == ["M1"]
    assert plan.node("M1").name == TRICKY


# -- JSON -----------------------------------------------------------------------------------

DIAGNOSTIC_KEYS = {
    "code",
    "slug",
    "severity",
    "plan",
    "node",
    "opd",
    "level",
    "kode",
    "name",
    "indicator",
    "field",
    "message",
    "hint",
    "location",
    "related",
    "values",
}


def check_json_contract(data: dict[str, Any]) -> None:
    """The structure every ``--format json`` document has."""
    assert {"diagnostics", "load_errors", "summary"} <= set(data)
    for d in data["diagnostics"]:
        assert set(d) == DIAGNOSTIC_KEYS
        assert d["severity"] in ("error", "warning", "info")
        assert set(d["location"]) == {"file", "line", "column", "sheet", "cell", "path"}
        assert d["location"]["line"] is None or (
            isinstance(d["location"]["line"], int) and d["location"]["line"] >= 1
        )
        assert isinstance(d["related"], list)
        assert all(isinstance(r, str) for r in d["related"])
    for e in data["load_errors"]:
        assert {"file", "line", "path", "message"} <= set(e)
    s = data["summary"]
    for key in ("error", "warning", "info", "diagnostics", "nodes", "checked", "unreadable"):
        assert isinstance(s[key], int), key
    assert s["diagnostics"] == len(data["diagnostics"])
    for severity in ("error", "warning", "info"):
        assert s[severity] == sum(d["severity"] == severity for d in data["diagnostics"])
        assert s[severity] == sum(f[severity] for f in s["files"])
    for f in s["files"]:
        assert {"file", "plan", "nodes", "error", "warning", "info"} <= set(f)


def test_json_contract() -> None:
    text = render_json([tiny_report(), broken()])
    assert text.endswith("}\n")
    data = json.loads(text)
    check_json_contract(data)
    assert [d["code"] for d in data["diagnostics"]] == ["PK102", "PK108", "PK101"]
    first = data["diagnostics"][0]
    assert first["node"] == "M1"
    assert first["location"] == {
        "file": "kecil.yaml",
        "line": 9,
        "column": None,
        "sheet": None,
        "cell": None,
        "path": None,
    }
    assert first["related"] == ["V9"]
    assert first["values"] == {"parent": "V9"}
    assert TRICKY in first["message"], "names are kept as written"
    assert data["diagnostics"][2]["location"]["file"] == "kecil.yaml"
    assert data["diagnostics"][2]["location"]["line"] is None
    assert data["load_errors"][0] == {
        "code": "PK007",
        "file": "rusak.yaml",
        "line": 7,
        "column": None,
        "sheet": None,
        "cell": None,
        "path": "nodes[2]",
        "message": "kunci wajib 'name' tidak ada",
    }
    s = data["summary"]
    assert (s["error"], s["warning"], s["info"], s["checked"], s["unreadable"]) == (1, 1, 1, 1, 1)
    assert s["files"] == [
        {
            "file": "kecil.yaml",
            "plan": "kecil",
            "nodes": 3,
            "diagnostics": 3,
            "error": 1,
            "warning": 1,
            "info": 1,
        }
    ]
    assert s["ok"] is False


def test_json_is_stable_and_not_ascii_escaped() -> None:
    d = _diag("PK102", "error", "Pagu Rp 1.000 — “tepat” ≥ 5", 2)
    report = Report(diagnostics=(d,), plan="kecil", file="kecil.yaml", nodes=1)
    text = render_json(report, lang="en")
    assert "“tepat” ≥ 5" in text
    assert text == render_json(report, lang="en")
    keys = list(json.loads(text))
    assert keys == sorted(keys)


def test_json_survives_non_finite_values() -> None:
    d = Diagnostic(
        code="PK102",
        slug="unknown-parent",
        severity="warning",
        node="M1",
        field=None,
        message="m",
        hint="h",
        location=Location("a.yaml", 1),
        values={"ratio": float("inf")},
    )
    data = json.loads(render_json(Report(diagnostics=(d,), file="a.yaml")))
    assert data["diagnostics"][0]["values"]["ratio"] == "inf"


# -- SARIF ----------------------------------------------------------------------------------

SARIF_SUBSET = {
    "type": "object",
    "required": ["$schema", "version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "maxItems": 1,
            "items": {
                "type": "object",
                "required": ["tool", "results"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name", "rules"],
                                "properties": {
                                    "name": {"const": "pohon"},
                                    "rules": {"type": "array", "items": {"$ref": "#/$defs/rule"}},
                                },
                            }
                        },
                    },
                    "invocations": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["executionSuccessful"],
                            "properties": {
                                "executionSuccessful": {"type": "boolean"},
                                "toolExecutionNotifications": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "required": ["message"],
                                        "properties": {
                                            "level": {"$ref": "#/$defs/level"},
                                            "message": {"$ref": "#/$defs/message"},
                                            "locations": {
                                                "type": "array",
                                                "items": {"$ref": "#/$defs/location"},
                                            },
                                        },
                                    },
                                },
                            },
                        },
                    },
                    "results": {"type": "array", "items": {"$ref": "#/$defs/result"}},
                },
            },
        },
    },
    "$defs": {
        "level": {"enum": ["none", "note", "warning", "error"]},
        "message": {
            "type": "object",
            "required": ["text"],
            "properties": {"text": {"type": "string", "minLength": 1}},
        },
        "rule": {
            "type": "object",
            "required": ["id"],
            "properties": {
                "id": {"type": "string", "pattern": "^PK[0-9]{3}$"},
                "name": {"type": "string"},
                "shortDescription": {"$ref": "#/$defs/message"},
                "fullDescription": {"$ref": "#/$defs/message"},
                "help": {"$ref": "#/$defs/message"},
                "defaultConfiguration": {
                    "type": "object",
                    "properties": {"level": {"$ref": "#/$defs/level"}},
                },
            },
        },
        "location": {
            "type": "object",
            "properties": {
                "physicalLocation": {
                    "type": "object",
                    "required": ["artifactLocation"],
                    "properties": {
                        "artifactLocation": {
                            "type": "object",
                            "required": ["uri"],
                            "properties": {"uri": {"type": "string", "minLength": 1}},
                        },
                        "region": {
                            "type": "object",
                            "required": ["startLine"],
                            "properties": {
                                "startLine": {"type": "integer", "minimum": 1},
                                "startColumn": {"type": "integer", "minimum": 1},
                            },
                        },
                    },
                }
            },
        },
        "result": {
            "type": "object",
            "required": ["ruleId", "ruleIndex", "level", "message"],
            "properties": {
                "ruleId": {"type": "string"},
                "ruleIndex": {"type": "integer", "minimum": 0},
                "level": {"$ref": "#/$defs/level"},
                "message": {"$ref": "#/$defs/message"},
                "locations": {"type": "array", "items": {"$ref": "#/$defs/location"}},
                "properties": {"type": "object"},
            },
        },
    },
}


def check_sarif(doc: dict[str, Any]) -> None:
    """The structural requirements of SARIF 2.1.0 that pohon's output must meet."""
    jsonschema.Draft202012Validator(SARIF_SUBSET).validate(doc)
    assert doc["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids)), "each rule is described once"
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        for location in result.get("locations", []):
            region = location["physicalLocation"].get("region")
            if region is not None:
                assert region["startLine"] >= 1


def test_sarif_structure_and_levels() -> None:
    doc = json.loads(render_sarif([tiny_report(), broken()]))
    check_sarif(doc)
    run = doc["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert set(rules) == {"PK101", "PK102", "PK108"}
    pk102 = rules["PK102"]
    assert pk102["name"] == "unknown-parent"
    assert pk102["shortDescription"]["text"] == REGISTRY["PK102"].title
    assert pk102["defaultConfiguration"]["level"] == "error"
    assert rules["PK108"]["defaultConfiguration"]["level"] == "warning"
    levels = [r["level"] for r in run["results"]]
    assert levels == ["error", "warning", "note"]
    first = run["results"][0]
    # The hint is its own sentence after the message, never run into it.
    assert first["message"]["text"] == f"Node M1 ({TRICKY}) merujuk induk V9. Saran: Betulkan."
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "kecil.yaml"},
        "region": {"startLine": 9},
    }
    assert first["properties"]["node"] == "M1"
    assert first["properties"]["related"] == ["V9"]
    plan_level = run["results"][2]
    assert "region" not in plan_level["locations"][0]["physicalLocation"]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["error", "error"]
    assert notes[1]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 12,
        "startColumn": 3,
    }


def test_sarif_rules_given_and_fingerprints_distinct() -> None:
    chosen = [REGISTRY[c] for c in sorted(REGISTRY) if c.startswith("PK1")]
    twice = Report(
        diagnostics=(_diag("PK102", "error", "a", 3), _diag("PK102", "error", "a", 3)),
        file="kecil.yaml",
    )
    doc = to_sarif_data(twice, rules=chosen)
    check_sarif(doc)
    run = doc["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [r.code for r in chosen]
    prints = [r["partialFingerprints"]["pohon/v1"] for r in run["results"]]
    assert len(set(prints)) == 2
    assert run["invocations"][0]["executionSuccessful"] is True


def test_sarif_uri() -> None:
    assert artifact_uri("rencana/rpjmd kota.yaml") == "rencana/rpjmd%20kota.yaml"
    assert artifact_uri("/data/a.yaml") == "file:///data/a.yaml"


def test_sarif_of_a_real_check() -> None:
    plan = pohon.loads(PLAN, file="uji.yaml")
    doc = json.loads(render_sarif(pohon.check(plan), lang="en"))
    check_sarif(doc)
    assert doc["runs"][0]["language"] == "en"
    assert len(doc["runs"][0]["tool"]["driver"]["rules"]) == len(REGISTRY)


def test_json_data_and_sarif_data_agree_on_counts() -> None:
    data = to_json_data(tiny_report())
    doc = to_sarif_data(tiny_report())
    assert data["summary"]["diagnostics"] == len(doc["runs"][0]["results"])


# -- rule reference -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_rule_text_of_every_rule(lang: Any) -> None:
    headings = (
        ("Apa", "Mengapa", "Contoh", "Perbaikan")
        if lang == "id"
        else ("What", "Why", "Example", "Fix")
    )
    for code, r in REGISTRY.items():
        text = rule_docs.rule_text(r, lang)
        assert text.startswith(f"{code} {r.slug}: ")
        for heading in headings:
            assert f"\n{heading}\n  " in text, (code, heading)
        assert "``" not in text


def test_rules_table_lists_every_rule() -> None:
    table = rule_docs.rules_table()
    for code, r in REGISTRY.items():
        assert code in table
        assert r.slug in table
    load_codes = [c for c in pohon.CATALOGUE if c.startswith("PK0")]
    assert all(code in table for code in load_codes)
    assert f"{len(REGISTRY) + len(load_codes)} aturan" in table


def test_rules_markdown_is_deterministic_and_complete() -> None:
    page = rule_docs.rules_markdown()
    assert page == rule_docs.rules_markdown()
    assert page.startswith("# Rujukan aturan pohon\n")
    for code, r in REGISTRY.items():
        assert f'<a id="{code.lower()}"></a>' in page
        assert f"[{code}](#{code.lower()})" in page
        assert f"### {code} · " in page
        assert rule_docs._md(r.title_en) in page


def test_docs_rules_md_is_up_to_date() -> None:
    status = rule_docs.main([str(RULES_MD), "--check"])
    assert status == 0, "docs/rules.md is stale: run python -m pohon.render.docs docs/rules.md"


def test_docs_check_detects_a_stale_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "rules.md"
    assert rule_docs.main([str(page)]) == 0
    assert rule_docs.main([str(page), "--check"]) == 0
    page.write_text(page.read_text(encoding="utf-8") + "tambahan\n", encoding="utf-8")
    assert rule_docs.main([str(page), "--check"]) == 1
    assert "python -m pohon.render.docs" in capsys.readouterr().err


def test_markdown_of_an_awkward_rule() -> None:
    entry = Entry(
        code="PK999",
        slug="awkward-rule",
        family="structure",
        title=("Judul | dengan <b>markup</b> *bintang*", "Title_with_underscores"),
        messages={"default": ("Pesan `kode` {node}", "Message `code` {node}")},
        hint=("Saran", "Hint"),
    )
    awkward = Rule(
        entry=entry,
        severity="info",
        doc=RuleDoc(
            what="Satu baris.",
            why="Paragraf satu.\n\nParagraf dua.",
            example="- butir satu\n- butir dua",
            fix="Betulkan ``kode``.",
        ),
        func=lambda ctx: iter(()),
    )
    page = rule_docs.rules_markdown([awkward])
    row = next(line for line in page.splitlines() if line.startswith("| [PK999]"))
    assert row.count(" | ") == 3, "a | in a title does not add a table column"
    assert "\\<b\\>markup\\</b\\>" in row
    assert "**Apa.** Satu baris.\n" in page
    assert "**Mengapa.**\n\nParagraf satu.\n\nParagraf dua.\n" in page
    assert "**Contoh.**\n\n- butir satu\n- butir dua\n" in page
    assert "``Pesan `kode` {node}``" in page
    text = rule_docs.rule_text(awkward)
    assert "Betulkan `kode`." in text
