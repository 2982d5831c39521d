"""Alignment rules (PK3xx): the plan against the frameworks it must serve.

Every rule reads :func:`pohon.analysis.alignment` (one pass down the cascade, cached on the
plan), so the family stays linear in the plan. Three settings change what it sees:

- ``extra_frameworks``: frameworks of one's own (a list of :class:`pohon.Framework`, or of
  mappings in the framework file format), known beside the shipped ones;
- ``crosswalks``: crosswalks of one's own (a list of :class:`pohon.model.Crosswalk`, or of
  mappings in the crosswalk file format); each replaces a shipped crosswalk with the same
  source and target;
- ``alignment_severity``: the severity of an unsupported item per framework level or id
  (PK304).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from pohon.analysis.alignment import AlignmentResult, alignment, crosswalk_chain
from pohon.io import builtin_crosswalks, builtin_frameworks
from pohon.model import Crosswalk, Framework
from pohon.rules.engine import SEVERITIES, Context, Finding, Severity, rule, setting

DEFAULT_ALIGNMENT_SEVERITY: Mapping[str, Severity] = {
    "kota": "error",
    "kabupaten": "error",
    "provinsi": "warning",
    "nasional": "warning",
    "global": "warning",
}
"""Severity of a required item without support, by the level of its framework (PK304)."""


# -- the analysis as the rules see it ------------------------------------------------------


@dataclass(frozen=True)
class _Walk:
    crosswalk: Crosswalk
    own: bool
    """Given in ``settings["crosswalks"]`` rather than shipped."""


@dataclass(frozen=True)
class _Setup:
    result: AlignmentResult | None
    """``None`` when the crosswalks form a loop (the analysis cannot run)."""
    known: Mapping[str, Framework]
    walks: tuple[_Walk, ...]
    loop: tuple[str, ...]
    reached: frozenset[str]
    """The plan's known frameworks and those its crosswalks reach."""


def _setup(ctx: Context) -> _Setup:
    """The alignment of the plan under the check's settings, once per check."""
    return ctx.shared("alignment", _build_setup)


def _build_setup(ctx: Context) -> _Setup:
    settings = ctx.settings
    extra = _extra_frameworks(settings)
    own_walks = _own_crosswalks(settings)
    known: dict[str, Framework] = {**builtin_frameworks(), **extra}
    walks: dict[tuple[str, str], _Walk] = {
        (cw.source, cw.target): _Walk(cw, own=False) for cw in builtin_crosswalks().values()
    }
    for cw in own_walks:
        walks[(cw.source, cw.target)] = _Walk(cw, own=True)
    required = [fw for fw in ctx.plan.frameworks if fw in known]
    usable = [
        w.crosswalk
        for w in walks.values()
        if w.crosswalk.source in known and w.crosswalk.target in known
    ]
    reached = _reach(required, usable)
    loop: tuple[str, ...] = ()
    result: AlignmentResult | None
    try:
        crosswalk_chain(required, usable)
    except ValueError:
        loop = _loop(reached, usable)
        result = None
    else:
        if extra or own_walks:
            result = alignment(
                ctx.plan,
                extra_frameworks=extra or None,
                crosswalks=own_walks or None,
                graph=ctx.graph,
            )
        else:
            result = alignment(ctx.plan, graph=ctx.graph)
    return _Setup(
        result,
        known,
        tuple(walks.values()),
        loop,
        frozenset(reached),
    )


@setting(
    "extra_frameworks",
    "Kerangka tambahan milik pengguna (daftar hasil pohon.load_framework atau mapping "
    "berformat berkas kerangka) / the user's own frameworks.",
)
def _extra_frameworks(settings: Mapping[str, Any]) -> dict[str, Framework]:
    value = settings.get("extra_frameworks")
    if value is None:
        return {}
    entries = list(value.values()) if isinstance(value, Mapping) else value
    if isinstance(entries, str | bytes) or not isinstance(entries, Sequence):
        raise ValueError(
            "setting extra_frameworks must be a list of frameworks (pohon.load_framework), "
            f"not {value!r}"
        )
    out: dict[str, Framework] = {}
    for entry in entries:
        framework = entry if isinstance(entry, Framework) else _validate(Framework, entry)
        out[framework.id] = framework
    return out


@setting(
    "crosswalks",
    "Crosswalk milik pengguna; menggantikan crosswalk bawaan dengan sumber dan tujuan yang "
    "sama / the user's crosswalks, replacing shipped ones with the same source and target.",
)
def _own_crosswalks(settings: Mapping[str, Any]) -> list[Crosswalk]:
    value = settings.get("crosswalks")
    if value is None:
        return []
    entries = list(value.values()) if isinstance(value, Mapping) else value
    if isinstance(entries, str | bytes) or not isinstance(entries, Sequence):
        raise ValueError(
            "setting crosswalks must be a list of crosswalks (pohon.io.load_crosswalk, or "
            f"mappings in the crosswalk file format), not {value!r}"
        )
    return [
        entry if isinstance(entry, Crosswalk) else _validate(Crosswalk, entry) for entry in entries
    ]


def _validate(model: type[Framework] | type[Crosswalk], entry: object) -> Any:
    kind = "extra_frameworks" if model is Framework else "crosswalks"
    try:
        return model.model_validate(entry)
    except ValidationError as exc:
        raise ValueError(f"setting {kind} holds an entry that cannot be read: {exc}") from None


def _reach(required: Sequence[str], crosswalks: Sequence[Crosswalk]) -> list[str]:
    """``required`` and every framework reached from them through the crosswalks."""
    by_source: dict[str, list[str]] = {}
    for cw in crosswalks:
        by_source.setdefault(cw.source, []).append(cw.target)
    seen = dict.fromkeys(required)
    frontier = list(required)
    while frontier:
        for target in by_source.get(frontier.pop(), ()):
            if target not in seen:
                seen[target] = None
                frontier.append(target)
    return list(seen)


def _loop(reached: Sequence[str], crosswalks: Sequence[Crosswalk]) -> tuple[str, ...]:
    """The reached frameworks on a crosswalk loop: peel off those with nothing coming in
    or nothing going out until only loops are left."""
    inside = set(reached)
    edges = {(cw.source, cw.target) for cw in crosswalks if cw.source in inside}
    edges = {(s, t) for s, t in edges if t in inside}
    while True:
        sources = {s for s, _ in edges}
        targets = {t for _, t in edges}
        kept = {(s, t) for s, t in edges if s in targets and t in sources}
        if kept == edges:
            break
        edges = kept
    return tuple(sorted({s for s, _ in edges} | {t for _, t in edges}))


@setting(
    "alignment_severity",
    "Tingkat temuan PK304 per tingkat atau id kerangka, misalnya {'nasional': 'info'} / "
    "severity of PK304 per framework level or id.",
)
def _item_severity(settings: Mapping[str, Any]) -> Mapping[str, Severity]:
    value = settings.get("alignment_severity")
    if value is None:
        return DEFAULT_ALIGNMENT_SEVERITY
    if not isinstance(value, Mapping) or any(
        not isinstance(k, str) or v not in SEVERITIES for k, v in value.items()
    ):
        raise ValueError(
            "setting alignment_severity must map framework levels or ids to error, warning "
            f"or info, not {value!r}"
        )
    return {**DEFAULT_ALIGNMENT_SEVERITY, **value}


def _near(word: str, choices: Sequence[str]) -> str | None:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.75)
    return close[0] if close else None


def _label(framework: Framework, item_id: str) -> str:
    try:
        entry = framework.item(item_id)
    except KeyError:
        return item_id
    return entry.short or entry.name


# -- rules ---------------------------------------------------------------------------------


@rule(
    "PK301",
    "unknown-alignment",
    family="alignment",
    severity="error",
    title="Acuan keselarasan tidak dikenal",
    title_en="Unknown alignment",
    message={
        "format": (
            'Acuan keselarasan "{ref}" pada {node} tidak berbentuk kerangka:butir',
            'Alignment "{ref}" on {node} is not of the form framework:item',
        ),
        "unknown-framework": (
            "{node} diselaraskan dengan {ref}, tetapi kerangka {framework} tidak dikenal",
            "{node} is aligned to {ref}, but framework {framework} is unknown",
        ),
        "unknown-framework-near": (
            "{node} diselaraskan dengan {ref}, tetapi kerangka {framework} tidak "
            "dikenal (maksudnya {suggestion}?)",
            "{node} is aligned to {ref}, but framework {framework} is unknown "
            "(did you mean {suggestion}?)",
        ),
        "unknown-item": (
            "{node} diselaraskan dengan {ref}, tetapi {framework} tidak punya butir {item}",
            "{node} is aligned to {ref}, but {framework} has no item {item}",
        ),
    },
    hint="Tulis acuan sebagai id-kerangka:id-butir, misalnya {example}. Yang dikenal: {choices}.",
    hint_en="Write the alignment as framework-id:item-id, for example {example}. Known: {choices}.",
)
def unknown_alignment(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Sebuah entri ``aligns`` tidak bisa dipakai: bentuknya bukan ``kerangka:butir``,
    kerangkanya tidak dikenal pohon, atau butirnya tidak ada di kerangka itu. Kerangka yang
    dikenal adalah kerangka bawaan ditambah pengaturan ``extra_frameworks`` (daftar
    kerangka dari ``pohon.load_framework``).

    Mengapa:
    Keselarasan yang salah tulis tidak dihitung: butir yang sebenarnya didukung tampak
    kosong di matriks keselarasan, dan evaluator SAKIP membaca RPJMD tidak selaras dengan
    RPJMN atau RPJMD provinsi.

    Contoh:
    ``aligns: ["Asta Cita 5"]`` (tanpa id kerangka), ``aligns: ["asta-cita:5"]`` (id
    kerangka yang benar ``asta-cita-2025``), atau ``aligns: ["panca-cita-mojokerto-2025:6"]``
    padahal Panca Cita hanya punya lima butir.

    Perbaikan:
    Tulis ``aligns: ["asta-cita-2025:5"]``: id kerangka seperti di ``plan.frameworks``, titik
    dua, lalu id butir.
    """
    setup = _setup(ctx)
    result = setup.result
    if result is None or not result.bad_references:
        return
    known = setup.known
    ids = sorted(known)
    default_fw = next(iter(result.required), ids[0] if ids else "asta-cita-2025")
    default_example = (
        f"{default_fw}:{known[default_fw].items[0].id}"
        if default_fw in known
        else "asta-cita-2025:4"
    )
    index = ctx.graph.index
    nodes = ctx.plan.nodes
    for bad in result.bad_references:
        if bad.problem == "not-named":
            continue
        i = index[bad.node]
        framework, _, item = bad.ref.partition(":")
        framework, item = framework.strip(), item.strip()
        values: dict[str, Any] = {
            "ref": bad.ref,
            "level": nodes[i].level,
            "problem": bad.problem,
            "framework": framework,
            "item": item,
            "example": default_example,
            "choices": ids,
        }
        variant: str = bad.problem
        if bad.problem == "unknown-item":
            items = [entry.id for entry in known[framework].items]
            values["choices"] = [f"{framework}:{x}" for x in items]
            values["example"] = f"{framework}:{items[0]}"
        elif bad.problem == "unknown-framework":
            suggestion = _near(framework, ids)
            if suggestion is not None:
                values["suggestion"] = suggestion
                values["example"] = f"{suggestion}:{item or known[suggestion].items[0].id}"
                variant = "unknown-framework-near"
        yield Finding(bad.node, values, field="aligns", related=(), variant=variant, node_index=i)


@rule(
    "PK302",
    "alignment-framework-not-named",
    family="alignment",
    severity="warning",
    title="Kerangka keselarasan tidak disebut rencana",
    title_en="Alignment framework not named by the plan",
    message={
        "default": (
            "{node} diselaraskan dengan {ref}, tetapi {framework} tidak ada di plan.frameworks",
            "{node} is aligned to {ref}, but {framework} is not in plan.frameworks",
        ),
        "many": (
            "{node} diselaraskan dengan {ref}, tetapi {framework} tidak ada di "
            "plan.frameworks ({count} node merujuk kerangka ini)",
            "{node} is aligned to {ref}, but {framework} is not in plan.frameworks "
            "({count} nodes refer to this framework)",
        ),
    },
    hint="Tambahkan {framework} ke plan.frameworks bila rencana wajib selaras dengannya; "
    "bila tidak, hapus acuannya dari aligns.",
    hint_en="Add {framework} to plan.frameworks if the plan must align with it; otherwise "
    "remove the references from aligns.",
)
def alignment_framework_not_named(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Node diselaraskan dengan butir sebuah kerangka yang dikenal pohon, tetapi kerangka itu
    tidak disebut di ``plan.frameworks`` dan tidak pula dicapai lewat crosswalk. Satu temuan
    per kerangka, di node teratas yang merujuknya (level tertinggi, lalu id terkecil);
    jumlah node yang merujuk ada di pesan, dan semuanya di ``values``.

    Mengapa:
    ``plan.frameworks`` menyatakan kerangka yang wajib dilayani. Acuan ke kerangka di luar
    daftar itu tidak masuk matriks keselarasan, dan butir kerangka itu yang tidak didukung
    tidak pernah dilaporkan: rencana tampak selaras padahal tidak diperiksa.

    Contoh:
    Sasaran ``S2`` menulis ``aligns: ["sdgs:3"]``, padahal ``plan.frameworks`` hanya
    ``[panca-cita-mojokerto-2025, asta-cita-2025]``.

    Perbaikan:
    Tambahkan ``sdgs`` ke ``plan.frameworks``, atau hapus acuannya bila SDGs memang bukan
    kerangka wajib rencana ini.
    """
    result = _setup(ctx).result
    if result is None:
        return
    index = ctx.graph.index
    nodes = ctx.plan.nodes
    ranks = ctx.ranks
    first: dict[str, tuple[tuple[int, str], str]] = {}
    nodes_of: dict[str, set[str]] = {}
    for bad in result.bad_references:
        if bad.problem != "not-named":
            continue
        framework = bad.ref.partition(":")[0].strip()
        key = (ranks.get(nodes[index[bad.node]].level, len(ranks)), bad.node)
        held = first.get(framework)
        if held is None or key < held[0]:
            first[framework] = (key, bad.ref.strip())
        nodes_of.setdefault(framework, set()).add(bad.node)
    for framework in sorted(first):
        (_, node_id), ref = first[framework]
        referring = sorted(nodes_of[framework])
        i = index[node_id]
        yield Finding(
            node_id,
            {
                "ref": ref,
                "framework": framework,
                "level": nodes[i].level,
                "count": len(referring),
                "nodes": referring,
            },
            field="aligns",
            related=tuple(n for n in referring if n != node_id),
            variant="many" if len(referring) > 1 else "default",
            node_index=i,
        )


@rule(
    "PK303",
    "unknown-framework",
    family="alignment",
    severity="error",
    title="Kerangka tidak dikenal",
    title_en="Unknown framework",
    message={
        "default": (
            "plan.frameworks menyebut {framework}, kerangka yang tidak dikenal pohon",
            "plan.frameworks names {framework}, a framework pohon does not know",
        ),
        "near": (
            "plan.frameworks menyebut {framework}, kerangka yang tidak dikenal pohon "
            "(maksudnya {suggestion}?)",
            "plan.frameworks names {framework}, a framework pohon does not know "
            "(did you mean {suggestion}?)",
        ),
    },
    hint="Kerangka yang dikenal: {known}. Kerangka sendiri dimuat dengan "
    'pohon.load_framework("berkas.yaml") dan diberikan lewat '
    'settings={{"extra_frameworks": [kerangka]}} pada pohon.check.',
    hint_en="Known frameworks: {known}. Load a framework of your own with "
    'pohon.load_framework("file.yaml") and pass it as '
    'settings={{"extra_frameworks": [framework]}} to pohon.check.',
)
def unknown_framework(ctx: Context) -> Iterator[Finding]:
    """Apa:
    ``plan.frameworks`` menyebut kerangka yang tidak dikenal: bukan kerangka bawaan
    (Panca Cita Kota Mojokerto, Asta Cita, Nawa Bhakti Satya, MBATU SAE, SDGs) dan tidak
    diberikan lewat pengaturan ``extra_frameworks``. Temuan tingkat rencana.

    Mengapa:
    Keselarasan dengan kerangka itu tidak bisa diperiksa sama sekali: butirnya tidak
    diketahui, sehingga butir yang tidak didukung tidak akan pernah dilaporkan.

    Contoh:
    ``frameworks: [panca-cita-mojokerto-2025, asta-cita]`` (id yang benar
    ``asta-cita-2025``), atau ``frameworks: [rpjmd-jatim-2019]`` yang tidak dikirim bersama
    pohon.

    Perbaikan:
    Betulkan id-nya, atau tulis kerangka itu sebagai berkas YAML (format seperti
    ``pohon/data/frameworks/asta-cita-2025.yaml``), muat dengan ``pohon.load_framework`` dan
    berikan lewat ``settings={"extra_frameworks": [...]}``.
    """
    setup = _setup(ctx)
    known = sorted(setup.known)
    for framework in dict.fromkeys(ctx.plan.frameworks):
        if framework in setup.known:
            continue
        values: dict[str, Any] = {"framework": framework, "known": known}
        suggestion = _near(framework, known)
        if suggestion is not None:
            values["suggestion"] = suggestion
        yield Finding(
            None,
            values,
            field="frameworks",
            variant="default" if suggestion is None else "near",
        )


@rule(
    "PK304",
    "item-without-support",
    family="alignment",
    severity="error",
    title="Butir kerangka tanpa dukungan",
    title_en="Framework item without support",
    message="Butir {ref} ({label}) tidak didukung node mana pun, baik langsung, lewat "
    "induk, maupun lewat crosswalk",
    message_en="Item {ref} ({label}) is supported by no node, neither directly, through "
    "ancestors, nor through a crosswalk",
    hint='Tulis aligns: ["{ref}"] pada tujuan, sasaran atau program yang melayani {label}; '
    "bila rencana memang tidak menanganinya, catat alasannya untuk evaluator.",
    hint_en='Write aligns: ["{ref}"] on the tujuan, sasaran or program that serves {label}; '
    "if the plan deliberately leaves it out, note why for the evaluator.",
)
def item_without_support(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Sebuah butir kerangka wajib (disebut di ``plan.frameworks``) tidak didukung sama sekali:
    tidak ada node yang diselaraskan dengannya, tidak ada node yang mewarisinya dari
    induknya, dan tidak ada butir yang didukung yang terhubung kepadanya lewat crosswalk.
    Dukungan lewat crosswalk dihitung sebagai dukungan (dilaporkan PK306). Temuan tingkat
    rencana yang menyebut butir sebagai ``id-kerangka:id-butir``.

    Tingkat temuan mengikuti level kerangka (pengaturan ``alignment_severity``, pemetaan
    level atau id kerangka → tingkat): bawaannya ``error`` untuk kerangka kota dan
    kabupaten (visi-misi kepala daerah sendiri), ``warning`` untuk kerangka provinsi,
    nasional dan global. Id kerangka mengalahkan levelnya, misalnya
    ``{"asta-cita-2025": "error"}``.

    Node di lingkaran cascading atau di bawahnya (PK103) dikesampingkan, karena keselarasan
    yang diwariskan lewat lingkaran tidak tentu (PK115); sisa rencana tetap diperiksa.

    Mengapa:
    RPJMD wajib menjabarkan visi-misi kepala daerah dan selaras dengan RPJMN dan RPJMD
    provinsi. Butir yang tidak ditangani satu pun sasaran atau program adalah janji tanpa
    rencana; evaluator SAKIP menanyakannya pertama kali.

    Contoh:
    Asta Cita 5 (hilirisasi dan industri berbasis sumber daya alam,
    ``asta-cita-2025:5``) tidak diselaraskan dengan tujuan, sasaran atau program mana pun di
    RPJMD kota.

    Perbaikan:
    Selaraskan sasaran atau program yang memang melayani butir itu (misalnya program
    perindustrian Diskopukmperindag dengan ``aligns: ["asta-cita-2025:5"]``), atau catat di
    dokumen mengapa butir itu tidak relevan bagi daerah.
    """
    setup = _setup(ctx)
    result = setup.result
    if result is None:
        return
    by_key = _item_severity(ctx.settings)
    for support in result.items:
        if not support.required or support.coverage != "none":
            continue
        framework = result.frameworks[support.framework]
        level = framework.framework.level
        severity = by_key.get(support.framework) or by_key.get(level) or "error"
        yield Finding(
            None,
            {
                "ref": support.ref,
                "framework": support.framework,
                "item": support.item,
                "label": support.short or support.name,
                "name": support.name,
                "framework_level": level,
            },
            severity=severity,
        )


@rule(
    "PK305",
    "pemda-node-unaligned",
    family="alignment",
    severity="warning",
    title="Node Pemda tidak selaras",
    title_en="Pemda node unaligned",
    message={
        "default": (
            "{node} tidak selaras dengan kerangka wajib ({frameworks}), baik langsung "
            "maupun lewat induknya",
            "{node} is aligned to no required framework ({frameworks}), neither "
            "directly nor through its ancestors",
        ),
        "below": (
            "{node} tidak selaras dengan kerangka wajib ({frameworks}), baik langsung "
            "maupun lewat induknya; {count} node Pemda di bawahnya ikut tidak selaras",
            "{node} is aligned to no required framework ({frameworks}), neither "
            "directly nor through its ancestors; {count} Pemda nodes below it are unaligned "
            "too",
        ),
    },
    hint='Tambahkan aligns pada {node} (misalnya aligns: ["{example}"]) atau pada misi di '
    "atasnya; node di bawahnya mewarisi keselarasan itu.",
    hint_en='Add aligns to {node} (for example aligns: ["{example}"]) or to the misi above '
    "it; the nodes below inherit it.",
)
def pemda_node_unaligned(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Node di level Pemda yang punya jenis indikator (di skema kota: tujuan dan sasaran) tidak
    diselaraskan dengan butir kerangka wajib mana pun, baik langsung maupun lewat
    leluhurnya. Bila sederet node tidak selaras, temuan hanya di node teratas (yang
    induknya selaras atau tidak punya indikator); jumlah node di bawahnya yang ikut tidak
    selaras ada di pesan dan ``values``.

    Node di lingkaran cascading atau di bawahnya (PK103) dikesampingkan, karena keselarasan
    yang diwariskan lewat lingkaran tidak tentu (PK115); sisa rencana tetap diperiksa.

    Mengapa:
    Tujuan dan sasaran RPJMD adalah jabaran visi-misi kepala daerah dan harus menunjukkan
    butir mana yang dilayaninya. Sasaran tanpa keselarasan tampak sebagai prioritas yang
    tidak berasal dari janji mana pun.

    Contoh:
    Tujuan ``T6`` "Meningkatnya daya saing industri pengolahan" berinduk visi langsung, tanpa
    misi, dan tidak punya ``aligns``.

    Perbaikan:
    Tautkan ``T6`` ke misi yang tepat (misi ketiga, pertumbuhan ekonomi, yang selaras
    dengan ``panca-cita-mojokerto-2025:3``), atau tulis ``aligns`` pada ``T6`` sendiri,
    misalnya ``["panca-cita-mojokerto-2025:3", "asta-cita-2025:5"]``.
    """
    setup = _setup(ctx)
    result = setup.result
    if result is None or not result.unaligned:
        return
    unaligned = set(result.unaligned)
    graph = ctx.graph
    tops_of: dict[str, frozenset[str]] = {}
    below: dict[str, int] = {}
    for node_id in graph.judged():
        if node_id not in unaligned:
            continue
        tops: frozenset[str] = frozenset()
        for parent in graph.parents(node_id):
            if parent in tops_of:
                tops = tops | tops_of[parent]
        if tops:
            for top in tops:
                below[top] = below.get(top, 0) + 1
        else:
            tops = frozenset((node_id,))
        tops_of[node_id] = tops
    required = list(result.required)
    first = result.frameworks[required[0]]
    example = f"{required[0]}:{first.items[0].id}"
    index = graph.index
    nodes = ctx.plan.nodes
    for node_id in result.unaligned:
        if tops_of.get(node_id) != frozenset((node_id,)):
            continue
        count = below.get(node_id, 0)
        i = index[node_id]
        yield Finding(
            node_id,
            {
                "level": nodes[i].level,
                "frameworks": required,
                "count": count,
                "example": example,
            },
            field="aligns",
            variant="below" if count else "default",
            node_index=i,
        )


@rule(
    "PK306",
    "item-only-through-crosswalk",
    family="alignment",
    severity="info",
    title="Butir hanya didukung lewat crosswalk",
    title_en="Item supported only through a crosswalk",
    message={
        "crosswalk": (
            "Butir {ref} ({label}) hanya didukung lewat crosswalk dari {derived_from}; tidak "
            "ada node yang diselaraskan langsung dengannya",
            "Item {ref} ({label}) is supported only through a crosswalk from {derived_from}; "
            "no node is aligned to it directly",
        ),
        "derived-unsupported": (
            "Butir {ref} ({label}), dari kerangka yang dicapai lewat crosswalk dari {via}, "
            "tidak didukung rencana ini",
            "Item {ref} ({label}), of a framework reached through a crosswalk from {via}, is "
            "not supported by this plan",
        ),
    },
    hint='Bila rencana memang melayani {label}, tulis aligns: ["{ref}"] pada sasaran atau '
    "program yang melayaninya: crosswalk adalah penilaian, bukan bukti dukungan.",
    hint_en='If the plan does serve {label}, write aligns: ["{ref}"] on the sasaran or '
    "program that serves it: a crosswalk is a judgement, not evidence of support.",
)
def item_only_through_crosswalk(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Dua keadaan, keduanya informasi. (1) Butir kerangka wajib yang tidak diselaraskan node
    mana pun, tetapi terhubung lewat crosswalk dengan butir lain yang didukung: dukungannya
    hanya turunan (varian ``crosswalk``, dengan butir asalnya). (2) Butir kerangka yang
    tidak disebut rencana tetapi dicapai lewat crosswalk (misalnya Nawa Bhakti Satya lewat
    crosswalk Panca Cita → Nawa Bhakti Satya) dan tidak didukung sama sekali: prioritas
    provinsi atau nasional yang tidak dilayani kota (varian ``derived-unsupported``).
    Crosswalk yang dipakai: bawaan pohon, diganti oleh pengaturan ``crosswalks`` (daftar
    crosswalk, atau pemetaan dalam format berkas crosswalk) untuk pasangan kerangka yang
    sama.

    Node di lingkaran cascading atau di bawahnya (PK103) dikesampingkan, karena keselarasan
    yang diwariskan lewat lingkaran tidak tentu (PK115); sisa rencana tetap diperiksa.

    Mengapa:
    Crosswalk antar kerangka adalah penilaian, bukan fakta yang diterbitkan. Evaluator
    ingin melihat keselarasan yang ditulis di pohon kinerja, dan perencana perlu tahu butir
    provinsi atau nasional mana yang luput.

    Contoh:
    Asta Cita 4 (SDM, pendidikan, kesehatan) tidak disebut node mana pun, tetapi
    crosswalk Panca Cita 1 → Asta Cita 4 membuatnya tampak didukung oleh sasaran pendidikan
    dan kesehatan kota.

    Perbaikan:
    Tulis ``aligns: ["asta-cita-2025:4"]`` pada sasaran yang memang melayaninya; untuk
    butir turunan yang tidak didukung, putuskan apakah kota ikut menanganinya.
    """
    setup = _setup(ctx)
    result = setup.result
    if result is None:
        return
    derived = set(result.derived)
    in_scope = {*result.required, *result.derived}
    via: dict[str, list[str]] = {}
    for walk in setup.walks:
        cw = walk.crosswalk
        if cw.target in derived and cw.source in in_scope:
            via.setdefault(cw.target, []).append(cw.source)
    for support in result.items:
        label = support.short or support.name
        values: dict[str, Any] = {
            "ref": support.ref,
            "framework": support.framework,
            "item": support.item,
            "label": label,
            "name": support.name,
        }
        if support.required and support.coverage == "crosswalk":
            values["derived_from"] = list(support.derived_from)
            yield Finding(None, values, variant="crosswalk")
        elif support.framework in derived and support.coverage == "none":
            values["via"] = sorted(set(via.get(support.framework, ())))
            yield Finding(None, values, variant="derived-unsupported")


@rule(
    "PK307",
    "alignment-not-from-ancestors",
    family="alignment",
    severity="warning",
    title="Keselarasan tidak berasal dari leluhur",
    title_en="Alignment not from ancestors",
    message="{node} diselaraskan dengan {ref}, yang tidak didukung leluhurnya; "
    "leluhurnya mendukung {ancestors_support}",
    message_en="{node} is aligned to {ref}, which none of its ancestors supports; "
    "they support {ancestors_support}",
    hint="Periksa apakah {node} berinduk node yang tepat; bila ya, selaraskan juga induknya "
    "dengan {ref}, atau hapus {ref} dari aligns {node}.",
    hint_en="Check that {node} hangs under the right parent; if so, align the parent to "
    "{ref} too, or remove {ref} from the aligns of {node}.",
)
def alignment_not_from_ancestors(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Node diselaraskan dengan butir sebuah kerangka yang tidak didukung leluhurnya, padahal
    leluhurnya mendukung butir lain dari kerangka yang sama. Butir yang didukung leluhur ada
    di ``values["ancestors_support"]``; induk langsungnya di ``related``.

    Node di lingkaran cascading atau di bawahnya (PK103) dikesampingkan, karena keselarasan
    yang diwariskan lewat lingkaran tidak tentu (PK115); sisa rencana tetap diperiksa.

    Mengapa:
    Cascading berarti sasaran turun dari tujuan, program dari sasaran: keselarasan anak
    mengikuti keselarasan induknya. Program yang melayani butir lain dari induknya biasanya
    bergantung pada induk yang salah, atau keselarasan induknya belum lengkap.

    Contoh:
    Program hilirisasi produk pertanian ``P-DKPP-3.27.03`` ditulis
    ``aligns: ["asta-cita-2025:5"]`` di bawah sasaran ketahanan pangan yang selaras dengan
    ``asta-cita-2025:2`` saja.

    Perbaikan:
    Pindahkan program ke sasaran yang melayani hilirisasi, atau tambahkan
    ``asta-cita-2025:5`` pada sasaran induknya bila sasaran itu memang melayaninya.
    """
    setup = _setup(ctx)
    result = setup.result
    if result is None or not result.stray:
        return
    graph = ctx.graph
    index = graph.index
    nodes = ctx.plan.nodes
    for stray in result.stray:
        i = index[stray.node]
        yield Finding(
            stray.node,
            {
                "ref": stray.ref,
                "level": nodes[i].level,
                "ancestors_support": list(stray.ancestors_support),
            },
            field="aligns",
            related=tuple(graph.parents(stray.node)),
            node_index=i,
        )


@rule(
    "PK308",
    "crosswalk-problem",
    family="alignment",
    severity="error",
    title="Crosswalk tidak bisa dipakai",
    title_en="Crosswalk cannot be used",
    message={
        "loop": (
            "Crosswalk membentuk lingkaran antara {frameworks}; keselarasan tidak bisa "
            "diturunkan dan pemeriksaan keselarasan lain dilewati",
            "Crosswalks form a loop between {frameworks}; alignment cannot be derived and the "
            "other alignment checks are skipped",
        ),
        "unknown-framework": (
            "Crosswalk {crosswalk} ({source} → {target}) merujuk kerangka yang tidak dikenal: "
            "{unknown}",
            "Crosswalk {crosswalk} ({source} → {target}) names an unknown framework: {unknown}",
        ),
        "unknown-item": (
            "Crosswalk {crosswalk} ({source} → {target}) menyebut butir yang tidak ada: {unknown}",
            "Crosswalk {crosswalk} ({source} → {target}) names items that do not exist: {unknown}",
        ),
    },
    hint="Betulkan berkas crosswalk (bawaan di pohon/data/crosswalks, atau pengaturan "
    "crosswalks): setiap tautan from/to harus menyebut id butir yang ada, dan crosswalk "
    "tidak boleh kembali ke kerangka asalnya.",
    hint_en="Fix the crosswalk file (shipped in pohon/data/crosswalks, or the crosswalks "
    "setting): every from/to link must name an existing item id, and crosswalks must not "
    "lead back to the framework they start from.",
)
def crosswalk_problem(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Crosswalk yang dipakai rencana tidak bisa digunakan: crosswalk-crosswalk membentuk
    lingkaran (Panca Cita → Asta Cita → Panca Cita), sebuah crosswalk merujuk kerangka yang
    tidak dikenal, atau sebuah tautannya menyebut butir yang tidak ada di kerangkanya.
    Diperiksa crosswalk bawaan yang berangkat dari kerangka rencana (atau kerangka yang
    dicapainya) dan semua crosswalk di pengaturan ``crosswalks``. Temuan tingkat rencana.

    Mengapa:
    Tautan ke butir yang tidak ada diam-diam diabaikan, sehingga dukungan turunan hilang
    tanpa kabar; lingkaran membuat keselarasan turunan tidak bisa dihitung sama sekali.

    Contoh:
    Crosswalk ``panca-cita-mojokerto-2025`` → ``asta-cita-2025`` dengan tautan
    ``{from: "1", to: ["4", "9"]}``, padahal Asta Cita hanya punya delapan butir.

    Perbaikan:
    Betulkan tautannya menjadi ``{from: "1", to: ["4"]}``; untuk lingkaran, hapus crosswalk
    yang arahnya terbalik (dari kerangka nasional kembali ke kerangka kota).
    """
    setup = _setup(ctx)
    if setup.loop:
        yield Finding(None, {"frameworks": list(setup.loop)}, field="frameworks", variant="loop")
    known = setup.known
    for walk in setup.walks:
        cw = walk.crosswalk
        if not walk.own and cw.source not in setup.reached:
            continue
        values: dict[str, Any] = {"crosswalk": cw.id, "source": cw.source, "target": cw.target}
        unknown_fw = [fw for fw in dict.fromkeys((cw.source, cw.target)) if fw not in known]
        if unknown_fw:
            yield Finding(
                None,
                {**values, "unknown": unknown_fw},
                field="frameworks",
                variant="unknown-framework",
            )
            continue
        source_items = {entry.id for entry in known[cw.source].items}
        target_items = {entry.id for entry in known[cw.target].items}
        bad_sources: dict[str, None] = {}
        bad_targets: dict[str, None] = {}
        for link in cw.links:
            if link.source not in source_items:
                bad_sources[f"{cw.source}:{link.source}"] = None
            for target in link.targets:
                if target not in target_items:
                    bad_targets[f"{cw.target}:{target}"] = None
        if bad_sources or bad_targets:
            yield Finding(
                None,
                {**values, "unknown": [*bad_sources, *bad_targets]},
                field="frameworks",
                variant="unknown-item",
            )
