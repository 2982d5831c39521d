"""The runner: every selected rule over one plan, its findings made into a sorted report.

:func:`check` validates its arguments at the call (a wrong setting, severity or rule code
raises :class:`~pohon.findings.UsageError`), builds one
:class:`~pohon.rules.context.Context` for the plan, runs the rules, and turns each
:class:`Finding` into a :class:`~pohon.findings.Diagnostic` with the rule's code, the
message and hint from the catalogue in the chosen language, and the source location.

Rule modules import :func:`rule`, :class:`Finding` and :class:`Context` from here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from pohon.analysis.diff import PlanDiff
from pohon.findings import (
    SEVERITIES,
    Diagnostic,
    Lang,
    Location,
    Report,
    Severity,
    UsageError,
    check_lang,
    display,
)
from pohon.model import Plan
from pohon.model._gc import paused_gc
from pohon.rules.context import NEEDS_RPJMD, Context
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
    previous: Plan | PlanDiff | None = None,
) -> Report:
    """Run the rules on a plan and return a :class:`~pohon.findings.Report`; never raises
    for a finding.

    ``select`` / ``ignore`` take code prefixes (``"PK1"``), slugs or family names;
    ``severity`` overrides a rule's severity by code; ``lang`` is ``"id"`` or ``"en"``;
    ``settings`` are read by the rules that name them (``pohon rules`` lists them). Wrong
    arguments raise :class:`~pohon.findings.UsageError` before any rule runs. With
    ``previous``, the plan's older revision, the revision rules (PK7xx) judge what changed
    between the two (an IKU redefined or dropped, a target lowered without a note); a
    :class:`~pohon.PlanDiff` made already (``pohon.diff(old, plan)``) is taken as it is.

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
    if isinstance(previous, PlanDiff) and previous.new is not plan:
        raise UsageError(
            "previous: PlanDiff ini bukan perubahan menuju rencana yang diperiksa",
            "previous: this PlanDiff does not lead to the plan being checked",
        )
    if previous is not None and not isinstance(previous, Plan | PlanDiff):
        raise UsageError(
            f"previous harus Plan (pohon.load) atau PlanDiff, bukan {type(previous).__name__}",
            f"previous must be a Plan (pohon.load) or a PlanDiff, not {type(previous).__name__}",
        )
    lang = check_lang(lang)
    overrides = severity_overrides(severity)
    rules = selected_rules(select, ignore)
    with paused_gc():  # the check builds many objects and no cycles: see pohon.model._gc
        ctx = Context(plan, check_settings(settings), previous)
        # An OPD-only plan has no RPJMD part to judge against: PK117 says so once.
        skipped = NEEDS_RPJMD if ctx.opd_only else ()
        diagnostics = [
            d
            for r in rules
            if r.code not in skipped
            for d in _run(r, ctx, lang, overrides.get(r.code))
        ]
        diagnostics.sort(key=Diagnostic.sort_key)
        census = Counter(zip(ctx.columns.opd, ctx.columns.level, strict=True))
    source = plan.source
    return Report(
        diagnostics=tuple(diagnostics),
        plan=plan.id,
        file=source.file if source is not None else None,
        nodes=len(plan.nodes),
        rules=tuple(r.code for r in rules),
        lang=lang,
        opds=tuple(dict.fromkeys(opd.id for opd in plan.opds)),
        levels=ctx.scheme.level_ids,
        census=tuple(
            (opd, level, count)
            for (opd, level), count in sorted(
                census.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])
            )
        ),
    )


def _run(r: Rule, ctx: Context, lang: Lang, override: Severity | None) -> list[Diagnostic]:
    """The findings of one rule as diagnostics, located in the plan's source."""
    plan = ctx.plan
    source = plan.source
    file = source.file if source is not None else None
    index = ctx.graph.index
    nodes = plan.nodes
    # A plan read from a workbook points at cells (pohon.io.workbook.WorkbookSource).
    in_workbook = callable(getattr(source, "location", None))
    out = []
    variants: list[str] = []
    for finding in r.func(ctx):
        node_index = finding.node_index
        if node_index is None and finding.node is not None:
            node_index = index.get(finding.node)
        line = None
        path = None
        location: Location | None = None
        opd = level = kode = name = None
        if node_index is not None:
            node = nodes[node_index]
            opd, level, kode, name = node.opd, node.level, node.kode, node.name
            path = f"nodes[{node_index}]" + (f".{finding.field}" if finding.field else "")
            if in_workbook:
                location = source.location(
                    node_index, indicator_id=finding.indicator, field=finding.field, path=path
                )
            elif source is not None:
                line = source.line_of(
                    node_index, indicator_id=finding.indicator, field=finding.field
                )
        if finding.location is not None:
            location = finding.location
        elif finding.opd is not None and node_index is None:
            opd = finding.opd
            path = "opds"
            if in_workbook:
                location = source.opd_location(finding.opd, path)
            elif source is not None:
                line = source.opd_line(finding.opd)
        out.append(
            Diagnostic(
                code=r.code,
                slug=r.slug,
                severity=override or finding.severity or r.severity,
                node=finding.node,
                field=finding.field,
                message=r.message(finding, lang, ctx),
                hint=r.hint_for(finding, lang, ctx),
                location=location or Location(file, line, path=path),
                indicator=finding.indicator,
                related=finding.related,
                values=finding.values,
                plan=plan.id,
                opd=opd,
                level=level,
                kode=kode,
                name=name,
            )
        )
        variants.append(finding.variant)
    return _per_node(out, variants, lang) if r.per_node else out


SHOWN = 5
"""The most other indicators a merged finding's message names; the data keeps them all."""


def _per_node(diagnostics: list[Diagnostic], variants: list[str], lang: Lang) -> list[Diagnostic]:
    """The diagnostics about indicators of one node, of one kind, as one: the first one's
    message names the others (``; juga indikator "B", "C"``), its values keep theirs under
    ``also`` (indicator, name, line and values of each)."""
    groups: dict[tuple[str, str], list[Diagnostic]] = {}
    out: list[Diagnostic | tuple[str, str]] = []
    for d, variant in zip(diagnostics, variants, strict=True):
        if d.node is None or d.indicator is None:
            out.append(d)
            continue
        key = (d.node, variant)
        if key not in groups:
            groups[key] = []
            out.append(key)
        groups[key].append(d)
    merged: list[Diagnostic] = []
    for item in out:
        if isinstance(item, Diagnostic):
            merged.append(item)
            continue
        first, *others = groups[item]
        if not others:
            merged.append(first)
            continue
        names = [f'"{display(o.values.get("name", o.indicator))}"' for o in others[:SHOWN]]
        more = len(others) - len(names)
        if lang == "id":
            also = f"; juga indikator {', '.join(names)}"
            also += f" dan {more} indikator lainnya" if more else ""
        else:
            also = f"; also indicator{'s' if len(others) > 1 else ''} {', '.join(names)}"
            also += f" and {more} more" if more else ""
        merged.append(
            replace(
                first,
                message=first.message + also,
                values={
                    **first.values,
                    "also": [
                        {
                            "indicator": o.indicator,
                            "line": o.location.line,
                            **{k: v for k, v in o.values.items() if k != "also"},
                        }
                        for o in others
                    ],
                },
            )
        )
    return merged
