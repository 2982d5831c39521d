"""SARIF 2.1.0 output, for code-scanning dashboards and editors.

One run; ``tool.driver.rules`` holds the rules that ran (id = code, name = slug); each finding
is a result pointing at its rule by id and index, with the file and line of the node; its
message is the finding's message followed by ``Saran:`` (``Hint:``) and the hint, and its
properties hold the node, OPD, level, kode and name. A scoped report's scope is in the
run's properties. Files
that could not be read become error notifications of the run's invocation, not results.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pohon._version import __version__
from pohon.findings import Diagnostic, Lang, Location, Report
from pohon.io import LoadError
from pohon.render._common import plain_doc, problems
from pohon.rules import REGISTRY, Rule

Results = Report | LoadError | Iterable[Report | LoadError]

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _items(results: Results) -> list[Report | LoadError]:
    if isinstance(results, Report | LoadError):
        return [results]
    return list(results)


def artifact_uri(path: str) -> str:
    """A file path as a SARIF artifact URI: relative paths stay relative, with ``/``."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    posix = path.replace(os.sep, "/") if os.sep != "/" else path
    return quote(posix, safe="/!$&'()*+,;=:@~")


def _location(where: Location) -> dict[str, Any] | None:
    """A SARIF location: the file with its line and column; a workbook's sheet and cell as a
    logical location (``Indikator!F17``) and as properties, since SARIF has no cells."""
    if where.file is None:
        return None
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(where.file)}}
    if where.line is not None and where.line >= 1:
        region: dict[str, Any] = {"startLine": where.line}
        if where.column is not None and where.column >= 1:
            region["startColumn"] = where.column
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if where.sheet is not None:
        name = where.sheet + (f"!{where.cell}" if where.cell else "")
        location["logicalLocations"] = [{"name": name, "kind": "member"}]
        location["properties"] = {"sheet": where.sheet, "cell": where.cell}
    return location


def _rule_descriptor(r: Rule, severity: str, lang: Lang) -> dict[str, Any]:
    return {
        "id": r.code,
        "name": r.slug,
        "shortDescription": {"text": r.title if lang == "id" else r.title_en},
        "fullDescription": {"text": plain_doc(r.doc.what)},
        "help": {"text": plain_doc(r.doc.fix), "markdown": _help_markdown(r)},
        "defaultConfiguration": {"level": LEVELS[severity]},
        "properties": {"family": r.family, "tags": [r.family]},
    }


def _help_markdown(r: Rule) -> str:
    sections = zip(
        ("Apa", "Mengapa", "Contoh", "Perbaikan"),
        (r.doc.what, r.doc.why, r.doc.example, r.doc.fix),
        strict=True,
    )
    return "\n\n".join(f"**{title}.** {body.strip()}" for title, body in sections)


def _fingerprint(d: Diagnostic, occurrence: int) -> str:
    key = "\0".join(
        (d.code, d.plan or "", d.node or "", d.indicator or "", d.field or "", str(occurrence))
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def message_text(d: Diagnostic, lang: Lang = "id") -> str:
    """The message, then the hint as its own sentence: ``... tidak punya pagu 2026.
    Saran: Isi pagu ...``."""
    if not d.hint:
        return d.message
    message = d.message.rstrip()
    end = "" if message.endswith((".", "!", "?")) else "."
    label = "Saran" if lang == "id" else "Hint"
    return f"{message}{end} {label}: {d.hint.strip()}"


def to_sarif_data(
    results: Results, *, rules: Iterable[Rule] | None = None, lang: Lang = "id"
) -> dict[str, Any]:
    """The SARIF log as Python data.

    ``rules`` lists the rules that ran (the descriptors of the run); by default, the rules
    recorded in the reports. A finding whose rule is missing from it adds its rule.
    """
    items = _items(results)
    reports = [item for item in items if isinstance(item, Report)]
    errors = [item for item in items if isinstance(item, LoadError)]
    if rules is None:
        codes = sorted({code for report in reports for code in report.rules})
        chosen = [REGISTRY[code] for code in codes if code in REGISTRY]
    else:
        chosen = list(rules)
    descriptors = [_rule_descriptor(r, r.severity, lang) for r in chosen]
    index = {r.code: i for i, r in enumerate(chosen)}
    seen: Counter[tuple[str | None, ...]] = Counter()
    sarif_results = []
    for report in reports:
        for d in report.diagnostics:
            if d.code not in index:
                r = REGISTRY.get(d.code)
                index[d.code] = len(descriptors)
                if r is not None:
                    descriptors.append(_rule_descriptor(r, d.severity, lang))
                else:
                    descriptors.append({"id": d.code, "name": d.slug})
            key = (d.code, d.plan, d.node, d.indicator, d.field)
            seen[key] += 1
            text = message_text(d, lang)
            result: dict[str, Any] = {
                "ruleId": d.code,
                "ruleIndex": index[d.code],
                "level": LEVELS[d.severity],
                "message": {"text": text},
                "partialFingerprints": {"pohon/v1": _fingerprint(d, seen[key])},
                "properties": {
                    "node": d.node,
                    "opd": d.opd,
                    "level": d.level,
                    "kode": d.kode,
                    "name": d.name,
                    "indicator": d.indicator,
                    "field": d.field,
                    "plan": d.plan,
                    "related": list(d.related),
                },
            }
            location = _location(d.location)
            if location is not None:
                if d.node is not None:
                    location.setdefault("logicalLocations", []).append(
                        {"name": d.node, "kind": "object"}
                    )
                result["locations"] = [location]
            sarif_results.append(result)
    notifications = []
    for error, p in problems(errors):
        text = p.text(lang)
        if p.path:
            text = f"[{p.path}] {text}"
        notification: dict[str, Any] = {
            "level": "error",
            "message": {"text": text},
            "descriptor": {"id": p.code},
        }
        location = _location(Location(error.file, p.line, p.column, sheet=p.sheet, cell=p.cell))
        if location is not None:
            notification["locations"] = [location]
        notifications.append(notification)
    invocation: dict[str, Any] = {"executionSuccessful": not errors}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    driver = {
        "name": "pohon",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": descriptors,
    }
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "language": lang,
        "invocations": [invocation],
        "results": sarif_results,
    }
    scopes = [
        {"file": report.file, "plan": report.plan, **report.scope.to_dict()}
        for report in reports
        if report.scope.applied
    ]
    if scopes:
        run["properties"] = {"scopes": scopes}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(
    results: Results, *, rules: Iterable[Rule] | None = None, lang: Lang = "id"
) -> str:
    """Reports (and load errors) as a SARIF 2.1.0 log, indented, with a final newline."""
    data = to_sarif_data(results, rules=rules, lang=lang)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
