"""The runner: every selected rule over one plan, its findings made into a sorted report.

:func:`check` validates its arguments at the call (a wrong setting, severity or rule code
raises :class:`~pohon.findings.UsageError`), builds one
:class:`~pohon.rules.context.Context` for the plan, runs the rules, and turns each
:class:`Finding` into a :class:`~pohon.findings.Diagnostic` with the rule's code, the
message and hint from the catalogue in the chosen language, and the source location.

Rule modules import :func:`rule`, :class:`Finding` and :class:`Context` from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pohon.findings import (
    SEVERITIES,
    Diagnostic,
    Lang,
    LevelNamer,
    Location,
    Report,
    Severity,
    UsageError,
    check_lang,
)
from pohon.model import Plan
from pohon.model._gc import paused_gc
from pohon.rules.context import Context
from pohon.rules.registry import (
    FAMILIES,
    REGISTRY,
    Finding,
    Rule,
    check_settings,
    rule,
    selected_rules,
    setting,
    severity_overrides,
)

__all__ = [
    "FAMILIES",
    "REGISTRY",
    "SEVERITIES",
    "Context",
    "Finding",
    "Rule",
    "Severity",
    "check",
    "rule",
    "selected_rules",
    "setting",
]


def check(
    plan: Plan,
    *,
    select: Sequence[str] | str | None = None,
    ignore: Sequence[str] | str | None = None,
    lang: Lang = "id",
    severity: Mapping[str, Severity] | None = None,
    settings: Mapping[str, Any] | None = None,
) -> Report:
    """Run the rules on a plan and return a :class:`~pohon.findings.Report`; never raises
    for a finding.

    ``select`` / ``ignore`` take code prefixes (``"PK1"``), slugs or family names;
    ``severity`` overrides a rule's severity by code; ``lang`` is ``"id"`` or ``"en"``;
    ``settings`` are read by the rules that name them (``pohon rules`` lists them). Wrong
    arguments raise :class:`~pohon.findings.UsageError` before any rule runs.

    >>> import pohon
    >>> report = pohon.check(pohon.example("mojokerto"), select=["PK5"])
    >>> all(d.code.startswith("PK5") for d in report)
    True
    >>> pohon.check(pohon.example("mojokerto"), severity={"PK501": "fatal"})
    Traceback (most recent call last):
    ...
    pohon.findings.errors.UsageError: severity[PK501]: tingkat 'fatal' tidak dikenal; ...
    """
    if not isinstance(plan, Plan):
        raise UsageError(
            f"check() membutuhkan Plan (pohon.load), bukan {type(plan).__name__}",
            f"check() needs a Plan (pohon.load), not {type(plan).__name__}",
        )
    lang = check_lang(lang)
    overrides = severity_overrides(severity)
    rules = selected_rules(select, ignore)
    with paused_gc():  # the check builds many objects and no cycles: see pohon.model._gc
        ctx = Context(plan, check_settings(settings))
        diagnostics = [d for r in rules for d in _run(r, ctx, lang, overrides.get(r.code))]
        diagnostics.sort(key=Diagnostic.sort_key)
    source = plan.source
    return Report(
        diagnostics=tuple(diagnostics),
        plan=plan.id,
        file=source.file if source is not None else None,
        nodes=len(plan.nodes),
        rules=tuple(r.code for r in rules),
        lang=lang,
    )


def _run(r: Rule, ctx: Context, lang: Lang, override: Severity | None) -> list[Diagnostic]:
    """The findings of one rule as diagnostics, located in the plan's source."""
    plan = ctx.plan
    source = plan.source
    file = source.file if source is not None else None
    index = ctx.graph.index
    names: LevelNamer = ctx.level_name
    out = []
    for finding in r.func(ctx):
        node_index = finding.node_index
        if node_index is None and finding.node is not None:
            node_index = index.get(finding.node)
        line = None
        path = None
        if node_index is not None:
            path = f"nodes[{node_index}]" + (f".{finding.field}" if finding.field else "")
            if source is not None:
                line = source.line_of(
                    node_index, indicator_id=finding.indicator, field=finding.field
                )
        elif finding.opd is not None:
            path = "opds"
            if source is not None:
                line = source.opd_line(finding.opd)
        out.append(
            Diagnostic(
                code=r.code,
                slug=r.slug,
                severity=override or finding.severity or r.severity,
                node=finding.node,
                field=finding.field,
                message=r.message(finding, lang, names),
                hint=r.hint_for(finding, lang, names),
                location=Location(file, line, path=path),
                indicator=finding.indicator,
                related=finding.related,
                values=finding.values,
                plan=plan.id,
            )
        )
    return out
