"""The rule registry: each rule's code, slug, family, severity, texts and documentation.

A rule is a small generator function registered with :func:`rule`. It receives a
:class:`~pohon.rules.context.Context` and yields :class:`Finding` values: the node concerned
and the raw values behind the finding. Its code, slug, title, message templates and hint go
into the one message catalogue (:data:`pohon.findings.CATALOGUE`); the runner
(:func:`pohon.rules.check`) turns findings into diagnostics.

Settings a rule reads (``check(plan, settings={...})``) are registered with
:func:`setting`, with the function that reads and checks the value, so a wrong value is
refused at the call.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import TYPE_CHECKING, Any, TypeVar

from pohon.findings import (
    CATALOGUE,
    Doc,
    Entry,
    Lang,
    Location,
    Namer,
    Severity,
    UsageError,
    check_severity,
    parse_doc,
    pick,
    register,
)
from pohon.findings.loading import LOAD_FAMILY

if TYPE_CHECKING:
    from pohon.rules.context import Context

FAMILIES: dict[str, tuple[str, str]] = {
    LOAD_FAMILY: ("Membaca berkas", "Reading files"),
    "structure": ("Struktur", "Structure"),
    "indicators": ("Indikator", "Indicators"),
    "alignment": ("Keselarasan", "Alignment"),
    "crosscutting": ("Crosscutting", "Crosscutting"),
    "pagu": ("Pagu dan kode", "Pagu and kode"),
    "capaian": ("Capaian", "Achievement"),
    "revisi": ("Revisi", "Revision"),
}

RuleDoc = Doc
"""What / why / example / fix, in Indonesian, from the rule's docstring."""


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule found, before it becomes a diagnostic.

    ``values`` fill the rule's message and hint templates and are kept, raw, on the
    diagnostic. ``variant`` picks one of the rule's message templates.
    """

    node: str | None
    values: Mapping[str, Any] = dc_field(default_factory=dict)
    field: str | None = None
    indicator: str | None = None
    related: tuple[str, ...] = ()
    variant: str = "default"
    node_index: int | None = None
    opd: str | None = None
    """Set when the finding is about an entry of ``opds`` (its line is then found)."""
    severity: Severity | None = None
    """A severity for this finding alone, when the rule's depends on the case (a setting)."""
    hint_variant: str = "default"
    """Which of the rule's hints fits this finding (``hints`` of :func:`rule`)."""
    location: Location | None = None
    """Where the finding points when it is a place of the input, not a node (a row of a
    workbook that was set apart)."""


@dataclass(frozen=True)
class Rule:
    """A registered rule: its catalogue entry, default severity, documentation and function."""

    entry: Entry
    severity: Severity
    doc: Doc
    func: Callable[[Context], Iterable[Finding]] = dc_field(repr=False, compare=False)
    per_node: bool = False
    """Findings of this rule about several indicators of one node, alike in kind (variant),
    are one finding: an evaluator notes "indicators A, B and C have no satuan" once."""

    @property
    def code(self) -> str:
        return self.entry.code

    @property
    def slug(self) -> str:
        return self.entry.slug

    @property
    def family(self) -> str:
        return self.entry.family

    @property
    def title(self) -> str:
        return self.entry.title[0]

    @property
    def title_en(self) -> str:
        return self.entry.title[1]

    @property
    def messages(self) -> Mapping[str, tuple[str, str]]:
        return self.entry.messages

    @property
    def hint(self) -> tuple[str, str]:
        return self.entry.hint

    def message(self, finding: Finding, lang: Lang = "id", names: Namer | None = None) -> str:
        return self.entry.message(_values(finding), lang, variant=finding.variant, names=names)

    def hint_for(self, finding: Finding, lang: Lang = "id", names: Namer | None = None) -> str:
        return self.entry.hint_text(
            _values(finding), lang, variant=finding.hint_variant, names=names
        )

    def title_in(self, lang: Lang) -> str:
        return pick(self.entry.title, lang)


def _values(finding: Finding) -> dict[str, Any]:
    return {
        "node": finding.node,
        "id": finding.node,
        "indicator": finding.indicator,
        **finding.values,
    }


REGISTRY: dict[str, Rule] = {}
"""Code → :class:`Rule`, for every rule a check runs."""


def _no_findings(ctx: Context) -> Iterable[Finding]:
    return ()


def documented() -> dict[str, Rule]:
    """Every code ``pohon rules`` lists: the load problems (PK0xx), which stop a file from
    being read and so are never selected or run, then the rules, by code."""
    load = {
        code: Rule(
            entry=entry, severity=check_severity(entry.severity), doc=entry.doc, func=_no_findings
        )
        for code, entry in sorted(CATALOGUE.items())
        if entry.family == LOAD_FAMILY and entry.doc is not None
    }
    return {**load, **{code: REGISTRY[code] for code in sorted(REGISTRY)}}


RuleFunc = Callable[["Context"], Iterable[Finding]]


def rule(
    code: str,
    slug: str,
    *,
    family: str,
    severity: Severity,
    title: str,
    title_en: str,
    message: str | Mapping[str, tuple[str, str]],
    message_en: str | None = None,
    hint: str,
    hint_en: str,
    hints: Mapping[str, tuple[str, str]] | None = None,
    per_node: bool = False,
) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule. The docstring holds sections ``Apa:``, ``Mengapa:``, ``Contoh:``
    and ``Perbaikan:`` (what, why, example, fix)."""
    if family not in FAMILIES or family == LOAD_FAMILY:
        raise ValueError(f"unknown rule family {family!r}")
    check_severity(severity)
    messages = (
        {"default": (message, message_en or message)} if isinstance(message, str) else message
    )

    def register_rule(func: RuleFunc) -> RuleFunc:
        doc = parse_doc(inspect.getdoc(func) or "", code)
        entry = register(
            Entry(
                code=code,
                slug=slug,
                family=family,
                title=(title, title_en),
                messages=messages,
                hint=(hint, hint_en),
                hints=dict(hints or {}),
                severity=severity,
                doc=doc,
            )
        )
        REGISTRY[code] = Rule(entry=entry, severity=severity, doc=doc, func=func, per_node=per_node)
        return func

    return register_rule


# -- settings -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Setting:
    """A setting rules read from ``check(plan, settings={name: value})``."""

    name: str
    read: Callable[[Mapping[str, Any]], object]
    """Reads the setting out of the settings mapping, raising ``ValueError`` when it is wrong."""
    doc: str


SETTINGS: dict[str, Setting] = {}


_Read = TypeVar("_Read", bound=Callable[[Mapping[str, Any]], object])


def setting(name: str, doc: str) -> Callable[[_Read], _Read]:
    """Register the function that reads (and checks) the setting ``name``."""

    def register_setting(read: _Read) -> _Read:
        if name in SETTINGS:
            raise ValueError(f"setting {name!r} registered twice")
        SETTINGS[name] = Setting(name, read, doc)
        return read

    return register_setting


def check_settings(settings: object) -> Mapping[str, Any]:
    """``settings`` when every key is a known setting with a value it accepts.

    Raises :class:`~pohon.findings.UsageError` naming the first wrong key or value.
    """
    if settings is None:
        return {}
    if not isinstance(settings, Mapping):
        raise UsageError(
            f"settings harus berupa dict, bukan {type(settings).__name__}",
            f"settings must be a dict, not {type(settings).__name__}",
        )
    known = ", ".join(sorted(SETTINGS))
    for key in settings:
        if key not in SETTINGS:
            raise UsageError(
                f"pengaturan {key!r} tidak dikenal; yang ada: {known}",
                f"unknown setting {key!r}; known: {known}",
            )
        try:
            SETTINGS[key].read(settings)
        except UsageError:
            raise
        except (ValueError, TypeError) as exc:
            raise UsageError(
                f"pengaturan {key!r} tidak bisa dipakai: {exc}",
                f"setting {key!r} cannot be used: {exc}",
            ) from None
    return settings


# -- choosing rules -------------------------------------------------------------------------


def _matches(code: str, slug: str, family: str, patterns: Sequence[str]) -> bool:
    for pattern in patterns:
        p = pattern.strip()
        if not p:
            continue
        if p.upper() == "ALL" or code.startswith(p.upper()) or p in (slug, family):
            return True
    return False


def selected_rules(
    select: Sequence[str] | str | None = None, ignore: Sequence[str] | str | None = None
) -> list[Rule]:
    """Rules chosen by code prefix (``PK1``, ``PK205``), slug or family name.

    A pattern that matches no rule raises :class:`~pohon.findings.UsageError`.
    """
    sel = _split(select, "select")
    ign = _split(ignore, "ignore")
    for pattern in [*sel, *ign]:
        if pattern.upper() != "ALL" and not any(
            _matches(r.code, r.slug, r.family, [pattern]) for r in REGISTRY.values()
        ):
            raise UsageError(
                f"tidak ada aturan yang cocok dengan {pattern!r} (pakai awalan kode seperti "
                "PK1, slug, atau nama keluarga)",
                f"no rule matches {pattern!r} (use a code prefix like PK1, a slug or a family)",
            )
    chosen = []
    for code in sorted(REGISTRY):
        r = REGISTRY[code]
        if sel and not _matches(r.code, r.slug, r.family, sel):
            continue
        if ign and _matches(r.code, r.slug, r.family, ign):
            continue
        chosen.append(r)
    return chosen


def _split(value: object, what: str) -> list[str]:
    if value is None:
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, Sequence | set | frozenset) or not all(
        isinstance(item, str) for item in items
    ):
        raise UsageError(
            f"{what} harus berupa teks atau daftar teks, bukan {value!r}",
            f"{what} must be a text or a list of texts, not {value!r}",
        )
    return [p.strip() for item in items for p in item.split(",") if p.strip()]


def severity_overrides(severity: object) -> dict[str, Severity]:
    """Code → severity, each code a registered rule and each value a known severity."""
    if severity is None:
        return {}
    if not isinstance(severity, Mapping):
        raise UsageError(
            f"severity harus berupa dict kode → tingkat, bukan {severity!r}",
            f"severity must be a dict of code → severity, not {severity!r}",
        )
    out: dict[str, Severity] = {}
    for code, value in severity.items():
        if not isinstance(code, str) or code not in REGISTRY:
            raise UsageError(
                f"severity: kode aturan {code!r} tidak dikenal",
                f"severity: unknown rule code {code!r}",
            )
        out[code] = check_severity(value, f"severity[{code}]")
    return out


__all__ = [
    "CATALOGUE",
    "FAMILIES",
    "REGISTRY",
    "SETTINGS",
    "Finding",
    "Rule",
    "RuleDoc",
    "Setting",
    "check_settings",
    "documented",
    "rule",
    "selected_rules",
    "setting",
    "severity_overrides",
]
