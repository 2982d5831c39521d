"""Indicator rules (PK2xx): whether each result is measured, and measured well.

The checks a SAKIP evaluator makes on the indicator tables of an RPJMD or a Renstra PD: an
indicator for every result, a satuan, a target for every year of the period, a baseline
before the first target, targets that move the way the polarity says, wording that fits the
level (an outcome level measured by a process is the classic finding), a complete manual IK
for every IKU, and values that are what they look like (numbers, not text; percent on a
0-100 scale; no Excel rounding leftovers).

The level's expected indicator type comes from the scheme
(``ctx.scheme.level(level).indicator``), so the rules hold for any scheme.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from itertools import groupby
from typing import Any

from pohon.analysis.measure import known_scale
from pohon.findings import probable_value, years_text
from pohon.model import Indicator, Node
from pohon.rules.engine import Context, Finding, rule

# -- data: wording lists (extend freely) ----------------------------------------------------

PROCESS_PREFIXES: tuple[str, ...] = (
    "Terlaksananya",
    "Tersedianya",
    "Tersusunnya",
    "Terselenggaranya",
    "Jumlah dokumen",
    "Dokumen ",
    "Persentase terlaksananya",
    "Persentase kegiatan",
    "Jumlah kegiatan",
    "Jumlah laporan",
    "Laporan ",
)
"""Openings of a name that read as an output or a process (PK206)."""

IMPACT_INDICATOR_PREFIXES: tuple[str, ...] = (
    "Indeks ",
    "Index ",
    "Angka Harapan Hidup",
    "Usia Harapan Hidup",
    "Pertumbuhan ekonomi",
    "Indeks Pembangunan Manusia",
    "IPM",
    "Angka kemiskinan",
    "Persentase penduduk miskin",
    "Tingkat pengangguran",
)
"""Openings of an indicator name that measure an impact or an outcome (PK207)."""

OUTCOME_NODE_PREFIXES: tuple[str, ...] = (
    "Meningkatnya",
    "Menurunnya",
    "Terwujudnya",
    "Berkurangnya",
)
"""Openings of a node name that state a change, i.e. an outcome (PK207)."""

PERCENT_SATUAN: frozenset[str] = frozenset({"%", "persen", "persentase", "(%)", "persen (%)"})
"""Satuan (lower case, trimmed) that mean the value is a percentage (PK212)."""

MISSING_MARKS: frozenset[str] = frozenset({"", "-", "–", "—"})
"""Text that a spreadsheet uses for "no value": counted as missing, not as a wrong value."""

_FIELD_WORDS: dict[str, tuple[str, str]] = {
    "targets": ("Target", "Target"),
    "actuals": ("Realisasi", "Actual"),
    "baseline": ("Baseline", "Baseline"),
    "pk_targets": ("Target Perjanjian Kinerja", "The Perjanjian Kinerja target"),
}


# -- helpers --------------------------------------------------------------------------------


_NUMBERS = frozenset({int, float})
_NO_TEXT = frozenset({int, float, tuple})
_NO_RANGES = frozenset({int, float, str})
_NO_FLOATS = frozenset({int, str})
"""Sets of value types (``ctx.indicators.value_types``, ``ctx.columns.pagu_types``) for which
a rule has nothing to look at: an indicator (or a pagu) whose value types are a subset is
passed over without reading its values. The sets list the types that may be passed over, so
a value of any other type is always looked at."""


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_missing(value: Any) -> bool:
    return isinstance(value, str) and value.strip() in MISSING_MARKS


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


def _written(model: Indicator | Node, key: str) -> str | None:
    """``key`` if the user wrote it (even as null), else ``None``.

    A finding's ``field`` is also used to find its line, by searching the node's text from
    the indicator on; a key that is not written would be found in a later indicator, so
    such a finding names no field and points at its node.
    """
    return key if key in model.model_fields_set else None


def _period(ctx: Context) -> str:
    return f"{ctx.years.start}-{ctx.years.stop - 1}"


def _yaml(value: Any) -> str:
    """A value as it is written in the plan file (the same in every language)."""
    if isinstance(value, str):
        # Quoted as in YAML; no escapes: a message shows a line break as a space, not "\n".
        return '"' + value.replace('"', '\\"') + '"'
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_yaml(v) for v in value) + "]"
    if value is None:
        return "null"
    return repr(value)


def _pairs(items: Sequence[tuple[int, Any]]) -> str:
    return ", ".join(f"{year}: {_yaml(value)}" for year, value in items)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _prefix_matcher(prefixes: Sequence[str]) -> Callable[[str], str | None]:
    """A function giving the longest of ``prefixes`` that a text starts with, or ``None``.

    Matching is case-insensitive, on the text with its whitespace runs made single spaces,
    and by whole words: "IPM" does not match "IPMK", unless the prefix ends with a space.
    All prefixes are tried by one regular expression; the answer is remembered per text,
    since indicator names repeat across a plan.
    """
    # Alternatives are tried in order, so the longest prefix (the first written on a tie)
    # comes first; each is one group, to tell which prefix matched.
    order = sorted(range(len(prefixes)), key=lambda k: -len(prefixes[k]))
    alternatives = []
    for k in order:
        folded = prefixes[k].casefold()
        # ``[^\W_]`` is an alphanumeric character (exactly those of ``str.isalnum``).
        word_end = "" if folded.endswith(" ") else r"(?![^\W_])"
        alternatives.append(f"({re.escape(folded)}){word_end}")
    pattern = re.compile("|".join(alternatives))
    found: dict[str, str | None] = {}
    # A quick first look: a text that does not start with a space starts, once tidied and
    # case-folded, with its first character case-folded; when no prefix opens with that,
    # the text is passed over without being tidied (an empty prefix would match anything).
    openings = {prefix.casefold()[:1] for prefix in prefixes}
    quick = "" not in openings

    def match(text: str) -> str | None:
        head = text[:1]
        if quick and head and not head.isspace() and head.casefold()[:1] not in openings:
            return None
        if text not in found:
            m = pattern.match(_norm(text).casefold())
            group = None if m is None else m.lastindex
            found[text] = None if group is None else prefixes[order[group - 1]].strip()
        return found[text]

    return match


def _values(ind: Indicator) -> Iterator[tuple[str, int, Any]]:
    """Every (field, year, value) of an indicator: baseline, targets, actuals."""
    if ind.baseline is not None and ind.baseline.value is not None:
        yield "baseline", ind.baseline.year, ind.baseline.value
    for year in sorted(ind.targets):
        yield "targets", year, ind.targets[year]
    for year in sorted(ind.actuals):
        yield "actuals", year, ind.actuals[year]


def _by_field(items: Iterable[tuple[str, int, Any]]) -> dict[str, list[tuple[int, Any]]]:
    grouped: dict[str, list[tuple[int, Any]]] = {}
    for field, year, value in items:
        grouped.setdefault(field, []).append((year, value))
    return grouped


_ID_THOUSANDS = re.compile(r"[+-]?[1-9]\d{0,2}(?:\.\d{3})+,\d+|[+-]?[1-9]\d{0,2}(?:\.\d{3}){2,}")
_COMMA_DECIMAL = re.compile(r"[+-]?\d+,\d+")
_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d+)?|\.\d+)")


def parse_number_text(text: str) -> str | None:
    """The number a text value stands for, written as YAML wants it, or ``None``.

    ``"72,5"`` → ``"72.5"``; ``"1.234,5"`` → ``"1234.5"``; ``"1.234.567"`` → ``"1234567"``;
    ``"72.5"`` → ``"72.5"``; a trailing ``%`` is allowed. ``"1.234"`` is ambiguous (one
    thousand two hundred, or one point two) and gives ``None``, as does any other text.

    >>> parse_number_text("1.234,5"), parse_number_text("n/a")
    ('1234.5', None)
    """
    s = text.strip()
    if s.endswith("%"):
        s = s[:-1].rstrip()
    if _ID_THOUSANDS.fullmatch(s):
        s = s.replace(".", "").replace(",", ".")
    elif _COMMA_DECIMAL.fullmatch(s):
        s = s.replace(",", ".")
    elif not _PLAIN.fullmatch(s) or re.fullmatch(r"[+-]?[1-9]\d{0,2}\.\d{3}", s):
        return None
    try:
        number = Decimal(s)
    except InvalidOperation:  # pragma: no cover - the patterns above only pass numbers
        return None
    return format(number, "f").lstrip("+")


def _field_variants(
    template: str, template_en: str, fields: Sequence[str] = ("baseline", "targets", "actuals")
) -> dict[str, tuple[str, str]]:
    """One message variant per field: ``{what}`` becomes "Target", "Realisasi", ..."""
    return {
        field: (
            template.replace("{what}", _FIELD_WORDS[field][0]),
            template_en.replace("{what}", _FIELD_WORDS[field][1]),
        )
        for field in fields
    }


def _by_node(*passes: Iterable[Finding]) -> Iterator[Finding]:
    """Findings of passes over the nodes and over the indicators, each pass in file order,
    merged into file order: by node, and for one node in the order of the passes (so a
    node's own finding comes before those of its indicators)."""
    return heapq.merge(*passes, key=_node_position)


def _node_position(finding: Finding) -> int:
    return -1 if finding.node_index is None else finding.node_index


def _short(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


# -- PK201 ----------------------------------------------------------------------------------


@rule(
    "PK201",
    "missing-indicator",
    family="indicators",
    severity="error",
    title="Indikator kinerja belum ada",
    title_en="Missing indicator",
    message="{node} belum punya indikator kinerja; level ini memerlukan indikator {expected}",
    message_en="{node} has no performance indicator; this level needs {expected} indicators",
    hint="Tambahkan di 'indicators' minimal satu indikator {expected} yang mengukur hasil node "
    "ini, lengkap dengan satuan, baseline dan target tiap tahun.",
    hint_en="Add under 'indicators' at least one {expected} indicator that measures this "
    "node's result, with satuan, baseline and a target for every year.",
)
def missing_indicator(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Node di level yang menurut skema memerlukan indikator (dampak, outcome, output atau
    proses) tetapi tidak punya satu indikator pun. Visi dan misi (tipe ``none``) tidak
    diperiksa.

    Mengapa:
    Hasil yang tidak diukur tidak bisa dinilai capaiannya, tidak bisa dimasukkan ke
    Perjanjian Kinerja, dan tidak bisa dilaporkan di LKjIP. Evaluator SAKIP menilai
    "setiap tujuan dan sasaran memiliki indikator yang terukur" di komponen perencanaan.

    Contoh:
    Sasaran RPJMD ``S62`` "Meningkatnya derajat kesehatan masyarakat" dengan
    ``indicators: []``.

    Perbaikan:
    Tambahkan indikatornya, misalnya "Angka Harapan Hidup" (tahun) untuk tujuan, atau
    "Persentase balita stunting" (%, polaritas lower) untuk sasaran, dengan baseline dan
    target tiap tahun periode.
    """
    expected_of = {level: spec.indicator for level, spec in ctx.specs.items()}
    cols = ctx.columns
    for i, (level, count) in enumerate(zip(cols.level, cols.indicator_count, strict=True)):
        expected = expected_of[level]
        if expected != "none" and not count:
            yield Finding(
                cols.id[i],
                {"level": level, "expected": expected},
                field="indicators",
                node_index=i,
            )


# -- PK202 ----------------------------------------------------------------------------------


@rule(
    "PK202",
    "missing-satuan",
    per_node=True,
    family="indicators",
    severity="warning",
    title="Satuan indikator kosong",
    title_en="Missing satuan",
    message='Indikator "{name}" di {node} belum punya satuan',
    message_en='Indicator "{name}" of {node} has no satuan (unit)',
    hint="Isi satuan, misalnya %, tahun, orang, poin, unit atau dokumen; untuk indikator "
    "kualitatif pakai measure: ordinal (dengan scale) atau text.",
    hint_en="Fill in satuan, e.g. %, tahun, orang, poin, unit or dokumen; for a qualitative "
    "indicator use measure: ordinal (with a scale) or text.",
)
def missing_satuan(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Indikator ber-measure ``number`` atau ``percent`` yang ``satuan``-nya kosong (tidak ditulis,
    ``null``, atau hanya spasi). Indikator ``ordinal`` dan ``text`` tidak memerlukan satuan.

    Mengapa:
    Tanpa satuan, angka target tidak bisa dibaca: 73,5 tahun, 73,5 persen atau 73,5 poin?
    Indikator yang baik menurut SMART harus terukur, dan satuan adalah bagian dari ukurannya.
    Realisasi yang dilaporkan dengan satuan lain tidak bisa dibandingkan dengan targetnya.

    Contoh:
    ``name: Index Pembangunan Manusia (IPM)`` dengan ``satuan: null``.

    Perbaikan:
    Isi ``satuan: poin`` (IPM), ``satuan: tahun`` (Angka Harapan Hidup), ``satuan: "%"``
    (persentase balita stunting).
    """
    t = ctx.indicators
    for k, (measure, satuan) in enumerate(zip(t.measure, t.satuan, strict=True)):
        if measure in ("text", "ordinal"):
            continue
        if _blank(satuan):
            i, node, ind = t.row(k)
            yield Finding(
                node.id,
                {"name": ind.name, "satuan": ind.satuan},
                field=_written(ind, "satuan"),
                indicator=ind.id,
                node_index=i,
            )


# -- PK203 ----------------------------------------------------------------------------------


@rule(
    "PK203",
    "missing-target",
    per_node=True,
    family="indicators",
    severity="warning",
    title="Target tahunan belum lengkap",
    title_en="Missing yearly target",
    message={
        "default": (
            'Indikator "{name}" di {node} belum punya target untuk {years_text} '
            "({count} dari {total} tahun periode {period})",
            'Indicator "{name}" of {node} has no target for {years_text} '
            "({count} of the {total} years of the period {period})",
        ),
        "none": (
            'Indikator "{name}" di {node} belum punya target sama sekali untuk periode {period}',
            'Indicator "{name}" of {node} has no target at all for the period {period}',
        ),
    },
    hint="Isi 'targets' untuk setiap tahun {period}; target tahunan menjadi dasar Perjanjian "
    "Kinerja dan pengukuran capaian.",
    hint_en="Fill in 'targets' for every year of {period}; the yearly targets are the basis of "
    "the Perjanjian Kinerja and of measuring achievement.",
)
def missing_target(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Indikator yang tidak punya target untuk satu tahun atau lebih dari periode rencana.
    Satu temuan per node, dengan daftar tahunnya; indikator lain di node itu yang juga kurang
    targetnya disebut bersama. Target yang ditulis ``"-"`` atau kosong dihitung belum ada. Tahun ketika node-nya berpagu 0 (ditulis 0, sengaja tidak
    dianggarkan) tidak ditagih: tanpa anggaran tidak ada keluaran yang bisa ditargetkan.

    Mengapa:
    Renstra dan RPJMD menetapkan target untuk setiap tahun periode; dari situlah Renja, PK
    dan LKjIP tiap tahun mengambil targetnya. Tahun tanpa target berarti tidak ada komitmen
    kinerja yang bisa diperjanjikan dan diukur di tahun itu.

    Contoh:
    Periode 2025-2029, indikator "Angka Harapan Hidup" dengan
    ``targets: {2025: 73.5, 2026: 73.6, 2027: 73.7}``: target 2028 dan 2029 belum ada.

    Perbaikan:
    Lengkapi ``targets`` untuk setiap tahun periode, misalnya ``2028: 73.8`` dan
    ``2029: 74.0``.
    """
    years = list(ctx.years)
    every_year = frozenset(years)
    period = _period(ctx)
    t = ctx.indicators
    for k, (types, target_years) in enumerate(zip(t.value_types, t.target_years, strict=True)):
        if types <= _NO_TEXT and every_year <= target_years:
            continue  # a target for every year, and no "-" among them
        i, node, ind = t.row(k)
        missing = [y for y in years if y not in ind.targets or _is_missing(ind.targets[y])]
        unfunded = [y for y in missing if node.pagu.get(y) == 0]
        if unfunded:
            missing = [y for y in missing if node.pagu.get(y) != 0]
        if not missing:
            continue
        values: dict[str, Any] = {
            "name": ind.name,
            "years": missing,
            "count": len(missing),
            "total": len(years),
            "years_text": years_text(missing),
            "period": period,
        }
        yield Finding(
            node.id,
            values,
            field=_written(ind, "targets"),
            indicator=ind.id,
            variant="none" if len(missing) == len(years) else "default",
            node_index=i,
        )


# -- PK204 ----------------------------------------------------------------------------------


@rule(
    "PK204",
    "baseline-after-target",
    per_node=True,
    family="indicators",
    severity="warning",
    title="Baseline tidak mendahului target",
    title_en="Baseline not before the first target",
    message='Tahun baseline indikator "{name}" di {node}, {baseline_year}, tidak '
    "mendahului tahun target pertamanya, {first_target_year}",
    message_en='The baseline year of indicator "{name}" of {node}, {baseline_year}, is '
    "not before the year of its first target, {first_target_year}",
    hint="Baseline adalah kondisi awal sebelum target pertama, biasanya tahun "
    "{expected_year}; betulkan tahun baseline atau tahun targetnya.",
    hint_en="The baseline is the starting point before the first target, usually "
    "{expected_year}; correct the baseline year or the target years.",
)
def baseline_after_target(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Tahun ``baseline`` sama dengan atau sesudah tahun target pertama indikator.

    Mengapa:
    Baseline adalah kondisi awal yang menjadi titik tolak target: target tahun pertama
    diukur kemajuannya dari baseline. Baseline yang tahunnya sama dengan atau sesudah target
    pertama biasanya salah ketik tahun, atau realisasi yang tertulis sebagai baseline.

    Contoh:
    Periode 2025-2029: ``baseline: {year: 2025, value: 21.5}`` dengan target pertama 2025.

    Perbaikan:
    Tulis baseline tahun sebelum periode (``year: 2024``), dan catat realisasi 2025 di
    ``actuals``.
    """
    t = ctx.indicators
    for k, (base_year, first) in enumerate(zip(t.baseline_year, t.first_target_year, strict=True)):
        if base_year is None or first is None:
            continue  # no baseline, or no target
        if base_year >= first:
            i, node, ind = t.row(k)
            yield Finding(
                node.id,
                {
                    "name": ind.name,
                    "baseline_year": base_year,
                    "first_target_year": first,
                    "expected_year": first - 1,
                },
                field="baseline",
                indicator=ind.id,
                node_index=i,
            )


# -- PK205 ----------------------------------------------------------------------------------


@rule(
    "PK205",
    "target-against-polarity",
    per_node=True,
    family="indicators",
    severity="warning",
    title="Target berlawanan dengan polaritas",
    title_en="Target against the polarity",
    message={
        "higher": (
            'Target indikator "{name}" di {node} turun dari {from_value} ({from_year}) '
            "menjadi {to_value} ({to_year}), padahal semakin tinggi semakin baik",
            'The target of indicator "{name}" of {node} falls from {from_value} '
            "({from_year}) to {to_value} ({to_year}), yet higher is better",
        ),
        "lower": (
            'Target indikator "{name}" di {node} naik dari {from_value} ({from_year}) '
            "menjadi {to_value} ({to_year}), padahal semakin rendah semakin baik",
            'The target of indicator "{name}" of {node} rises from {from_value} '
            "({from_year}) to {to_value} ({to_year}), yet lower is better",
        ),
        "higher_baseline": (
            'Target {to_year} indikator "{name}" di {node}, {to_value}, lebih rendah '
            "dari baseline {from_year} ({from_value}), padahal semakin tinggi semakin baik",
            'The {to_year} target of indicator "{name}" of {node}, {to_value}, is '
            "below the {from_year} baseline ({from_value}), yet higher is better",
        ),
        "lower_baseline": (
            'Target {to_year} indikator "{name}" di {node}, {to_value}, lebih tinggi '
            "dari baseline {from_year} ({from_value}), padahal semakin rendah semakin baik",
            'The {to_year} target of indicator "{name}" of {node}, {to_value}, is '
            "above the {from_year} baseline ({from_value}), yet lower is better",
        ),
    },
    hint="Periksa target {to_year}: target yang menantang bergerak searah polaritas. Bila "
    "polaritasnya keliru, betulkan 'polarity'; bila arah ini disengaja, jelaskan di 'notes'.",
    hint_en="Check the {to_year} target: a challenging target moves with the polarity. If "
    "the polarity is wrong, correct 'polarity'; if the step is intended, explain it in 'notes'.",
    hints={
        "typo": (
            "Lompatan sebesar ini (dari {from_value} ke {to_value}) hampir selalu salah ketik, "
            "bukan arah target: titik ribuan dan koma desimal tertukar, atau angka nol "
            "berlebih. Mungkin {typo_value} maksudnya {typo_suggestion}; periksa angkanya di "
            "sumbernya.",
            "A jump this large (from {from_value} to {to_value}) is nearly always a typo, not "
            "the direction of the target: a thousands dot taken for a decimal comma, or extra "
            "zeros. {typo_value} may be meant as {typo_suggestion}; check the figure at its "
            "source.",
        )
    },
)
def target_against_polarity(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Dalam urutan tahun (baseline, lalu target tahun demi tahun), sebuah target numerik
    bergerak berlawanan dengan polaritas: turun untuk indikator ``higher`` (semakin tinggi
    semakin baik), atau naik untuk indikator ``lower`` (semakin rendah semakin baik). Satu
    temuan per indikator, untuk pasangan tahun pertama yang berlawanan. Indikator kumulatif
    diperiksa dengan cara yang sama; polaritas ``range`` dan nilai bukan angka dilewati.
    Indikator keluaran (level sub kegiatan, atau level lain yang skemanya berindikator
    ``output``) yang bersatuan volume (dokumen, unit, orang, kegiatan; bukan persen) juga
    dilewati: volume keluaran tahunan mengikuti anggaran tahun itu, sehingga 3 dokumen pada
    2026 lalu 1 dokumen pada 2027 bukan kemunduran kinerja. Bila dua target berurutan
    berbeda 100 kali lipat atau lebih (31.000 lalu 32), sarannya menunjuk kemungkinan salah
    ketik (titik ribuan dan koma desimal tertukar), bukan polaritas.

    Mengapa:
    Kriteria evaluasi SAKIP meminta target yang "dapat dicapai dan menantang". Target yang
    memburuk dari tahun ke tahun berarti merencanakan kemunduran kinerja; lebih sering lagi
    ini tanda polaritas yang salah tulis (angka stunting dengan polaritas ``higher``) atau
    target yang tertukar tahunnya.

    Contoh:
    "Persentase balita stunting" (``polarity: lower``) dengan baseline 2024 = 21,5 dan
    ``targets: {2025: 20, 2026: 22, ...}``: target naik dari 20 (2025) menjadi 22 (2026).

    Perbaikan:
    Betulkan target 2026 (misalnya 18,5), atau betulkan ``polarity`` bila indikatornya memang
    semakin tinggi semakin baik. Bila penurunan kinerja disengaja (misalnya karena perubahan
    metode penghitungan), jelaskan di ``notes``.
    """
    t = ctx.indicators
    output_levels = {level for level, spec in ctx.specs.items() if spec.indicator == "output"}
    rows = zip(t.polarity, t.measure, t.falls, t.rises, strict=True)
    for k, (polarity, measure, falls, rises) in enumerate(rows):
        if polarity == "range" or measure in ("text", "ordinal"):
            continue
        if falls is not None and not (falls if polarity == "higher" else rises):
            continue  # all numbers, and no step against the polarity
        i, node, ind = t.row(k)
        if node.level in output_levels and not _is_percent(ind):
            continue  # an output's yearly volume follows the year's budget
        steps: list[tuple[int, float]] = []
        for year in sorted(ind.targets):
            value = ind.targets[year]
            if isinstance(value, int | float):
                steps.append((year, value))
        if not steps:
            continue
        from_baseline = False
        base = ind.baseline
        if base is not None and isinstance(base.value, int | float) and base.year < steps[0][0]:
            steps.insert(0, (base.year, base.value))
            from_baseline = True
        for k in range(1, len(steps)):
            (y0, v0), (y1, v1) = steps[k - 1], steps[k]
            against = v1 < v0 if ind.polarity == "higher" else v1 > v0
            if against:
                variant = ind.polarity + ("_baseline" if from_baseline and k == 1 else "")
                values: dict[str, Any] = {
                    "name": ind.name,
                    "polarity": ind.polarity,
                    "from_year": y0,
                    "from_value": v0,
                    "to_year": y1,
                    "to_value": v1,
                }
                typo = _likely_typo(v0, v1)
                if typo is not None:
                    values["typo_value"], values["typo_suggestion"] = typo
                yield Finding(
                    node.id,
                    values,
                    field="targets",
                    indicator=ind.id,
                    variant=variant,
                    node_index=i,
                    hint_variant="default" if typo is None else "typo",
                )
                break


TYPO_RATIO = 100
"""Two successive targets this many times apart are read as a typo, not as a direction."""


def _likely_typo(a: float, b: float) -> tuple[float, float] | None:
    """When ``a`` and ``b`` are at least :data:`TYPO_RATIO` times apart: the larger value and
    that value scaled by a power of ten to the size of the smaller one.

    >>> _likely_typo(31000, 32)
    (31000, 31)
    >>> _likely_typo(88, 86) is None
    True
    """
    low, high = sorted((abs(a), abs(b)))
    if low == 0 or high / low < TYPO_RATIO:
        return None
    shift = round(math.log10(high / low))
    larger = a if abs(a) >= abs(b) else b
    scaled = larger / 10**shift
    return larger, int(scaled) if float(scaled).is_integer() else round(scaled, 4)


# -- PK206 ----------------------------------------------------------------------------------


@rule(
    "PK206",
    "process-wording-at-outcome",
    per_node=True,
    family="indicators",
    severity="warning",
    title="Rumusan proses di level hasil",
    title_en="Process wording at an outcome level",
    message={
        "indicator": (
            'Indikator "{name}" di {node} berbunyi sebagai keluaran atau '
            'proses ("{matched}"), padahal level ini memerlukan indikator {expected}',
            'Indicator "{name}" of {node} reads as an output or a process '
            '("{matched}"), yet this level needs {expected} indicators',
        ),
        "node": (
            '{node} dirumuskan sebagai keluaran atau proses ("{matched}"), '
            "padahal level ini menyatakan hasil ({expected})",
            '{node} is worded as an output or a process ("{matched}"), '
            "yet this level states a result ({expected})",
        ),
    },
    hint='Rumuskan perubahan yang dirasakan masyarakat ("Meningkatnya ...", "Persentase '
    'penduduk yang ..."); ukuran keluaran seperti dokumen, laporan atau kegiatan yang '
    "terlaksana milik kegiatan dan sub kegiatan.",
    hint_en='State the change the public experiences ("Meningkatnya ...", "Persentase '
    'penduduk yang ..."); output measures such as documents, reports or activities carried '
    "out belong to kegiatan and sub kegiatan.",
)
def process_wording_at_outcome(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Di level yang menurut skema memerlukan indikator ``impact`` atau ``outcome``, nama
    indikator (atau nama node) diawali kata-kata keluaran atau proses: "Terlaksananya",
    "Tersedianya", "Tersusunnya", "Terselenggaranya", "Jumlah dokumen", "Dokumen",
    "Persentase terlaksananya", "Persentase kegiatan", "Jumlah kegiatan", "Jumlah laporan",
    "Laporan". Daftar katanya ada di ``PROCESS_PREFIXES``.

    Mengapa:
    Tujuan, sasaran dan program mengukur hasil (outcome) atau dampak bagi masyarakat, bukan
    kesibukan instansi. Indikator proses di level hasil adalah temuan klasik evaluasi SAKIP:
    semua kegiatan bisa terlaksana 100% tanpa ada perubahan yang dirasakan masyarakat, dan
    pohon kinerja kehilangan sebab-akibatnya.

    Contoh:
    Sasaran Dinkes "Meningkatnya kualitas pelayanan kesehatan" dengan indikator
    "Persentase kegiatan yang terlaksana tepat waktu", atau "Jumlah dokumen perencanaan
    yang disusun".

    Perbaikan:
    Ganti dengan ukuran hasil, misalnya "Persentase puskesmas terakreditasi paripurna" atau
    "Indeks Kepuasan Masyarakat"; pindahkan ukuran dokumen dan kegiatan ke sub kegiatan.
    """
    specs = ctx.specs
    levels = [level for level, spec in specs.items() if spec.indicator in ("impact", "outcome")]
    process = _prefix_matcher(PROCESS_PREFIXES)
    for i, node in ctx.nodes_at(levels):
        expected = specs[node.level].indicator
        matched = process(node.name)
        if matched is not None:
            yield Finding(
                node.id,
                {"name": node.name, "matched": matched, "level": node.level, "expected": expected},
                field="name",
                variant="node",
                node_index=i,
            )
        for ind in node.indicators:
            matched = process(ind.name)
            if matched is not None:
                yield Finding(
                    node.id,
                    {
                        "name": ind.name,
                        "matched": matched,
                        "level": node.level,
                        "expected": expected,
                    },
                    field="name",
                    indicator=ind.id,
                    variant="indicator",
                    node_index=i,
                )


# -- PK207 ----------------------------------------------------------------------------------


@rule(
    "PK207",
    "impact-wording-at-output",
    per_node=True,
    family="indicators",
    severity="info",
    title="Rumusan dampak di level keluaran",
    title_en="Impact wording at an output level",
    message={
        "indicator": (
            'Indikator "{name}" di {node} adalah ukuran dampak atau hasil '
            '("{matched}"), padahal level ini memerlukan indikator keluaran (output)',
            'Indicator "{name}" of {node} is an impact or outcome measure '
            '("{matched}"), yet this level needs output indicators',
        ),
        "node": (
            '{node} dirumuskan sebagai hasil ("{matched}"), padahal level '
            "ini menghasilkan keluaran (output)",
            '{node} is worded as a result ("{matched}"), yet this level produces an output',
        ),
    },
    hint='Di level keluaran, rumuskan produk yang dihasilkan ("Tersedianya ...", "Jumlah ... '
    'yang ..."); ukuran dampak dan hasil milik tujuan, sasaran atau program di atasnya.',
    hint_en='At an output level, state the product delivered ("Tersedianya ...", "Jumlah '
    '... yang ..."); impact and outcome measures belong to the goal, objective or programme '
    "above.",
)
def impact_wording_at_output(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Di level yang menurut skema memerlukan indikator ``output`` (kegiatan, sub kegiatan),
    indikator yang namanya ukuran dampak atau hasil ("Indeks ...", "Angka Harapan Hidup",
    "Pertumbuhan ekonomi", "IPM", "Angka kemiskinan", "Persentase penduduk miskin",
    "Tingkat pengangguran"), atau node yang namanya menyatakan perubahan ("Meningkatnya",
    "Menurunnya", "Terwujudnya", "Berkurangnya"). Daftar katanya ada di
    ``IMPACT_INDICATOR_PREFIXES`` dan ``OUTCOME_NODE_PREFIXES``.

    Mengapa:
    Sebuah sub kegiatan tidak bisa sendirian menaikkan Angka Harapan Hidup; ia menghasilkan
    layanan atau barang. Ukuran dampak di level keluaran membuat capaian sub kegiatan tidak
    bisa dinilai dan mengaburkan siapa yang bertanggung jawab atas hasil di atasnya.
    Ini hanya catatan (info): kadang sebuah indeks memang keluaran langsung sebuah kegiatan.

    Contoh:
    Sub kegiatan "Pengelolaan Pelayanan Kesehatan Ibu Hamil" dengan indikator "Angka Harapan
    Hidup"; kegiatan bernama "Meningkatnya cakupan imunisasi".

    Perbaikan:
    Pakai ukuran keluaran, misalnya "Jumlah ibu hamil yang mendapatkan pelayanan kesehatan
    sesuai standar" (orang); pindahkan Angka Harapan Hidup ke tujuan.
    """
    levels = {level for level, spec in ctx.specs.items() if spec.indicator == "output"}
    outcome = _prefix_matcher(OUTCOME_NODE_PREFIXES)
    impact = _prefix_matcher(IMPACT_INDICATOR_PREFIXES)
    cols = ctx.columns

    def node_names() -> Iterator[Finding]:
        for i in ctx.positions_at(levels):
            matched = outcome(cols.name[i])
            if matched is not None:
                node = ctx.plan.nodes[i]
                yield Finding(
                    node.id,
                    {"name": node.name, "matched": matched, "level": node.level},
                    field="name",
                    variant="node",
                    node_index=i,
                )

    def indicator_names() -> Iterator[Finding]:
        t = ctx.indicators
        # Indicator names repeat across a plan: each distinct name is matched once, and
        # only indicators with a matching name are looked at.
        impact_names = {name for name in set(t.name) if impact(name) is not None}
        if not impact_names:
            return
        for k, (i, name) in enumerate(zip(t.position, t.name, strict=True)):
            if name not in impact_names or cols.level[i] not in levels:
                continue
            matched = impact(name)
            if matched is not None:
                _, node, ind = t.row(k)
                yield Finding(
                    node.id,
                    {"name": ind.name, "matched": matched, "level": node.level},
                    field="name",
                    indicator=ind.id,
                    variant="indicator",
                    node_index=i,
                )

    yield from _by_node(node_names(), indicator_names())


# -- PK208 ----------------------------------------------------------------------------------

_MANUAL_FIELDS = ("definisi", "formula", "sumber_data")


@rule(
    "PK208",
    "incomplete-manual-ik",
    per_node=True,
    family="indicators",
    severity="warning",
    title="Manual IKU belum lengkap",
    title_en="Incomplete IKU manual",
    message='Manual IK untuk IKU "{name}" di {node} belum lengkap: {missing} belum diisi',
    message_en='The manual of IKU "{name}" of {node} is incomplete: {missing} not filled in',
    hint="Lengkapi manual IK: definisi operasional, formula penghitungan dan sumber data "
    "(penanggung jawab dianjurkan).",
    hint_en="Complete the indicator manual: operational definition, formula and data source "
    "(a penanggung jawab is recommended).",
)
def incomplete_manual_ik(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Indikator Kinerja Utama (``iku: true``) yang ``definisi``, ``formula`` atau
    ``sumber_data``-nya kosong. ``penanggung_jawab`` tidak wajib; bila kosong ia dicatat di
    ``values`` temuan (``optional_missing``) tanpa temuan tersendiri.

    Mengapa:
    PermenPAN-RB tentang IKU meminta setiap IKU punya manual indikator: definisi operasional,
    cara menghitung, dan sumber datanya. Tanpa itu realisasi tahun ke tahun dihitung dengan
    cara yang berbeda-beda, dan evaluator tidak bisa memeriksa keandalan datanya.

    Contoh:
    IKU "Angka Kematian Ibu" dengan ``formula`` dan ``sumber_data`` belum diisi.

    Perbaikan:
    Isi ``definisi`` (apa yang dihitung), ``formula`` (misalnya "jumlah kematian ibu / jumlah
    kelahiran hidup × 100.000") dan ``sumber_data`` (misalnya "Laporan PWS KIA Dinkes").
    """
    t = ctx.indicators
    for k, iku in enumerate(t.iku):
        if not iku:
            continue
        i, node, ind = t.row(k)
        missing = [key for key in _MANUAL_FIELDS if _blank(getattr(ind, key))]
        if not missing:
            continue
        optional = ["penanggung_jawab"] if _blank(ind.penanggung_jawab) else []
        field = next((key for key in missing if _written(ind, key)), None)
        yield Finding(
            node.id,
            {"name": ind.name, "missing": missing, "optional_missing": optional},
            field=field,
            indicator=ind.id,
            node_index=i,
        )


# -- PK209 ----------------------------------------------------------------------------------


@rule(
    "PK209",
    "value-not-numeric",
    per_node=True,
    family="indicators",
    severity="error",
    title="Nilai angka tertulis sebagai teks",
    title_en="Value is not a number",
    message=_field_variants(
        '{what} indikator "{name}" di {node} tertulis sebagai teks, bukan angka: {pairs}',
        '{what} of indicator "{name}" of {node} is text, not a number: {pairs}',
    ),
    hint="Tulis sebagai angka, dengan titik desimal dan tanpa tanda kutip ({suggestion}); bila "
    "indikatornya kualitatif, pakai measure: ordinal atau text.",
    hint_en="Write it as a number, with a decimal point and no quotes ({suggestion}); if the "
    "indicator is qualitative, use measure: ordinal or text.",
)
def value_not_numeric(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Indikator ber-measure ``number`` atau ``percent`` yang target, realisasi atau
    baseline-nya berupa teks. Bila teks itu angka dengan koma desimal (``"72,5"``,
    ``"1.234,5"``), saran perbaikan menyebut angka yang harus ditulis (``72.5``); nilai di
    rencana tidak pernah diubah. Satu temuan per indikator per isian (targets, actuals,
    baseline). Nilai ``"-"`` atau kosong dianggap belum diisi (lihat PK203).

    Mengapa:
    Teks tidak bisa dibandingkan dengan angka: capaian, arah target dan rekap LKjIP tidak
    bisa dihitung. Di Excel berbahasa Indonesia koma adalah tanda desimal, sehingga "72,5"
    yang disalin ke berkas lain sering menjadi teks, bukan 72,5.

    Contoh:
    ``targets: {2025: "72,5", 2026: 73}`` pada indikator "Angka Harapan Hidup".

    Perbaikan:
    Tulis ``2025: 72.5`` (titik desimal, tanpa tanda kutip). Bila nilainya memang kata
    ("Level 3", "WTP"), ubah ``measure`` menjadi ``ordinal`` dengan ``scale``-nya.
    """
    t = ctx.indicators
    for k, (types, measure) in enumerate(zip(t.value_types, t.measure, strict=True)):
        if types <= _NO_TEXT or measure not in ("number", "percent"):
            continue
        i, node, ind = t.row(k)
        texts = (
            (field, year, value)
            for field, year, value in _values(ind)
            if isinstance(value, str) and not _is_missing(value)
        )
        for field, items in _by_field(texts).items():
            parsed = [parse_number_text(value) for _, value in items]
            suggestion = ", ".join(
                f"{year}: {p if p is not None else '?'}"
                for (year, _), p in zip(items, parsed, strict=True)
            )
            years = [year for year, _ in items]
            yield Finding(
                node.id,
                {
                    "name": ind.name,
                    "measure": ind.measure,
                    "years": years,
                    "values": [value for _, value in items],
                    "parsed": parsed,
                    "pairs": _pairs(items),
                    "suggestion": suggestion,
                },
                field=field,
                indicator=ind.id,
                variant=field,
                node_index=i,
            )


# -- PK210 ----------------------------------------------------------------------------------


@rule(
    "PK210",
    "year-outside-period",
    per_node=True,
    family="indicators",
    severity="warning",
    title="Tahun di luar periode rencana",
    title_en="Year outside the plan period",
    message={
        "targets": (
            'Indikator "{name}" di {node} punya target untuk {years_text}, di luar periode '
            "rencana {period}",
            'Indicator "{name}" of {node} has a target for {years_text}, outside the plan '
            "period {period}",
        ),
        "actuals": (
            'Indikator "{name}" di {node} punya realisasi untuk {years_text}, di luar '
            "periode rencana {period}",
            'Indicator "{name}" of {node} has an actual for {years_text}, outside the plan '
            "period {period}",
        ),
    },
    hint="Betulkan tahunnya (salah ketik?) atau pindahkan nilainya: kondisi sebelum periode "
    "ditulis sebagai baseline, target sesudah periode milik rencana berikutnya.",
    hint_en="Correct the year (a typo?) or move the value: the state before the period is the "
    "baseline, and targets after it belong to the next plan.",
)
def year_outside_period(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Target atau realisasi untuk tahun di luar periode rencana. Satu temuan per indikator
    per isian, dengan daftar tahunnya.

    Mengapa:
    Sebuah RPJMD atau Renstra hanya berlaku untuk periodenya. Target di luar periode
    biasanya salah ketik tahun (2052 untuk 2025), sisa salinan dari rencana lama, atau
    baseline yang ditulis sebagai target; rekap capaian lima tahunan menjadi keliru.

    Contoh:
    Periode 2025-2029 dengan ``targets: {2024: 20.1, 2025: 19, ...}`` pada indikator
    "Persentase balita stunting".

    Perbaikan:
    Pindahkan nilai 2024 ke ``baseline: {year: 2024, value: 20.1}`` dan hapus dari
    ``targets``.
    """
    start, end = ctx.years.start, ctx.years.stop - 1
    period = _period(ctx)
    every_year = frozenset(ctx.years)
    t = ctx.indicators
    for k, (target_years, actual_years) in enumerate(
        zip(t.target_years, t.actual_years, strict=True)
    ):
        if target_years <= every_year and actual_years <= every_year:
            continue
        i, node, ind = t.row(k)
        for field, values in (("targets", ind.targets), ("actuals", ind.actuals)):
            outside = sorted(y for y in values if not start <= y <= end)
            if outside:
                yield Finding(
                    node.id,
                    {
                        "name": ind.name,
                        "years": outside,
                        "start": start,
                        "end": end,
                        "years_text": years_text(outside),
                        "period": period,
                    },
                    field=field,
                    indicator=ind.id,
                    variant=field,
                    node_index=i,
                )


# -- PK211 ----------------------------------------------------------------------------------


@rule(
    "PK211",
    "actual-without-target",
    per_node=True,
    family="indicators",
    severity="warning",
    title="Realisasi tanpa target",
    title_en="Actual without a target",
    message='Indikator "{name}" di {node} punya realisasi {years_text} tanpa target untuk '
    "tahun itu",
    message_en='Indicator "{name}" of {node} has an actual for {years_text} without a '
    "target for that year",
    hint="Isi target untuk {years_text}, atau periksa tahun realisasinya; capaian tidak bisa "
    "dihitung tanpa target.",
    hint_en="Fill in the target for {years_text}, or check the year of the actual; achievement "
    "cannot be computed without a target.",
)
def actual_without_target(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Realisasi untuk tahun di dalam periode rencana yang tidak punya target (atau targetnya
    ``"-"``). Tahun di luar periode dilaporkan oleh PK210.

    Mengapa:
    Capaian adalah realisasi dibanding target. Realisasi tanpa target tidak bisa dinilai
    dan tidak bisa masuk LKjIP; biasanya targetnya tertinggal saat Renstra disalin, atau
    realisasinya dicatat di tahun yang salah.

    Contoh:
    "Indeks Kepuasan Masyarakat" dengan ``targets: {2025: 82}`` dan
    ``actuals: {2025: 82.4, 2026: 83.1}``.

    Perbaikan:
    Tambahkan target 2026 (dari Renstra atau Perjanjian Kinerja 2026).
    """
    start, end = ctx.years.start, ctx.years.stop - 1
    t = ctx.indicators
    rows = zip(t.value_types, t.target_years, t.actual_years, strict=True)
    for k, (types, target_years, actual_years) in enumerate(rows):
        if types <= _NO_TEXT and actual_years <= target_years:
            continue  # every actual has a target (and no target is "-")
        i, node, ind = t.row(k)
        without = [
            y
            for y in sorted(ind.actuals)
            if start <= y <= end and (y not in ind.targets or _is_missing(ind.targets[y]))
        ]
        if without:
            yield Finding(
                node.id,
                {"name": ind.name, "years": without, "years_text": years_text(without)},
                field="actuals",
                indicator=ind.id,
                node_index=i,
            )


# -- PK212 ----------------------------------------------------------------------------------


def _is_percent(ind: Indicator) -> bool:
    if ind.measure == "percent":
        return True
    return ind.satuan is not None and _norm(ind.satuan).casefold() in PERCENT_SATUAN


def _numbers(items: Iterable[tuple[str, int, Any]]) -> Iterator[tuple[str, int, float]]:
    """Numeric (field, year, value), with both ends of a range."""
    for field, year, value in items:
        if _is_number(value):
            yield field, year, value
        elif isinstance(value, tuple):
            for end in value:
                if _is_number(end):
                    yield field, year, end


OPEN_ENDED_PERCENT = re.compile(
    r"\b(terhadap|realisasi|capaian|pertumbuhan|kenaikan|peningkatan|penurunan|laju|"
    r"perubahan|rasio)\b",
    re.IGNORECASE,
)
"""Words in an indicator name that make a percent open-ended (PK212 skips 0–100 then)."""


@rule(
    "PK212",
    "percent-out-of-range",
    per_node=True,
    family="indicators",
    severity="warning",
    title="Nilai persen di luar 0–100",
    title_en="Percent value out of range",
    message={
        **_field_variants(
            '{what} indikator persen "{name}" di {node} di luar 0–100: {pairs}',
            '{what} of percent indicator "{name}" of {node} outside 0–100: {pairs}',
        ),
        "proportion": (
            'Semua nilai indikator persen "{name}" di {node} berada antara 0 dan 1 ({pairs}); '
            "mungkin ditulis sebagai proporsi, padahal persen berskala 0–100",
            'Every value of percent indicator "{name}" of {node} lies between 0 and 1 '
            "({pairs}); it may be written as a proportion where percent is on a 0–100 scale",
        ),
    },
    hint="Tulis persen dalam skala 0–100 (0,85 menjadi 85); bila nilainya memang bukan persen, "
    "betulkan satuan atau measure.",
    hint_en="Write percent on a 0–100 scale (0.85 becomes 85); if the value is not a percentage, "
    "correct satuan or measure.",
)
def percent_out_of_range(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Indikator persen (``measure: percent``, atau ``satuan`` "%" / "persen") yang punya nilai
    di bawah 0 atau di atas 100 (satu temuan per isian), atau yang semua nilainya antara 0
    dan 1 (1 sendiri tidak, karena bisa berarti 1%), yang berarti kemungkinan ditulis sebagai
    proporsi (0,85) padahal dimaksudkan persen (85). Indikator ``lower`` tidak diperiksa
    untuk hal kedua ini: angka kejadian di bawah 1% (kematian bayi 0,4%) memang wajar.

    Mengapa:
    Persen berskala 0–100. Nilai 120% atau -5% biasanya salah ketik atau angka absolut yang
    diberi satuan persen. Data Renja nyata mencampur 0,85 dan 85 untuk satuan yang sama;
    capaian yang dihitung dari campuran ini bisa meleset seratus kali lipat.

    Contoh:
    "Persentase fasilitas pelayanan kesehatan yang terakreditasi" (satuan %) dengan
    ``targets: {2025: 0.8, 2026: 0.85, ...}``; atau ``2027: 105``. Persen yang memang bisa
    melewati 100 atau turun di bawah 0 — realisasi terhadap target, capaian, pertumbuhan,
    kenaikan, laju, rasio — tidak diperiksa batas 0–100-nya.

    Perbaikan:
    Tulis ``2025: 80``, ``2026: 85``; atau betulkan target 105 menjadi nilai 0–100. Bila
    indikatornya bukan persen (misalnya rasio), ganti ``satuan``-nya.
    """
    percent_satuan: dict[str, bool] = {}  # a plan uses a handful of satuan: read each once
    t = ctx.indicators
    rows = zip(t.measure, t.satuan, t.value_types, strict=True)
    for k, (measure, satuan, types) in enumerate(rows):
        if measure != "percent":
            if satuan is None:
                continue
            if satuan not in percent_satuan:
                percent_satuan[satuan] = _is_percent(t.indicator[k])
            if not percent_satuan[satuan]:
                continue
        low, high = t.low[k], t.high[k]
        if types <= _NUMBERS and (
            low is None or (low >= 0 and high is not None and 1 <= high <= 100)
        ):
            continue  # all numbers in 0–100, not all below 1 (or no value at all)
        i, node, ind = t.row(k)
        numbers = list(_numbers(_values(ind)))
        if not numbers:
            continue
        # A share of a target or a growth rate may pass 100% (or fall below 0) by nature.
        open_ended = OPEN_ENDED_PERCENT.search(ind.name) is not None
        outside = [] if open_ended else [(f, y, v) for f, y, v in numbers if v < 0 or v > 100]
        for field, items in _by_field(outside).items():
            yield Finding(
                node.id,
                {
                    "name": ind.name,
                    "satuan": ind.satuan,
                    "years": [y for y, _ in items],
                    "values": [v for _, v in items],
                    "pairs": _pairs(items),
                },
                field=field,
                indicator=ind.id,
                variant=field,
                node_index=i,
            )
        if (
            ind.polarity != "lower"
            and all(0 <= v < 1 for _, _, v in numbers)
            and any(v > 0 for _, _, v in numbers)
        ):
            fields = {f for f, _, _ in numbers}
            field = next(f for f in ("targets", "actuals", "baseline") if f in fields)
            items = [(y, v) for f, y, v in numbers if f == field]
            yield Finding(
                node.id,
                {
                    "name": ind.name,
                    "satuan": ind.satuan,
                    "years": [y for y, _ in items],
                    "values": [v for _, v in items],
                    "pairs": _pairs(items),
                },
                field=field,
                indicator=ind.id,
                variant="proportion",
                node_index=i,
            )


# -- PK213 ----------------------------------------------------------------------------------


def _artefacts(items: Iterable[tuple[int, Any]]) -> list[tuple[int, float, float]]:
    found = []
    for year, value in items:
        ends = value if isinstance(value, tuple) else (value,)
        for end in ends:
            if isinstance(end, float):
                probable = probable_value(end)
                if probable is not None:
                    found.append((year, end, probable))
    return found


@rule(
    "PK213",
    "float-artefact",
    per_node=True,
    family="indicators",
    severity="info",
    title="Sisa pembulatan Excel",
    title_en="Excel float artefact",
    message=_field_variants(
        '{what} indikator "{name}" di {node} memuat sisa pembulatan Excel: {pairs}',
        '{what} of indicator "{name}" of {node} holds an Excel rounding artefact: {pairs}',
        ("baseline", "targets", "actuals", "pk_targets"),
    )
    | {
        "pagu": (
            "Pagu {node} memuat sisa pembulatan Excel: {pairs}",
            "The pagu of {node} holds an Excel rounding artefact: {pairs}",
        )
    },
    hint="Kemungkinan yang dimaksud: {suggestion}; bulatkan di Excel (ROUND) sebelum "
    "mengekspor, atau tulis nilainya langsung.",
    hint_en="Probably meant: {suggestion}; round in Excel (ROUND) before exporting, or write "
    "the value directly.",
)
def float_artefact(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Bilangan pecahan yang tertulis dengan lebih dari 10 angka penting tetapi sebenarnya
    bilangan desimal pendek: ``64.64999999999999`` untuk 64,65, ``0.30000000000000004``
    untuk 0,3. Diperiksa pada target, realisasi, baseline, target Perjanjian Kinerja dan
    pagu. Gambar, tabel capaian, halaman PK dan PK606 menampilkan dan membandingkan nilai
    yang dimaksud (64,65).

    Mengapa:
    Excel menyimpan angka sebagai bilangan biner; hasil rumus (jumlah, rata-rata, persen)
    yang diekspor membawa sisa pembulatan itu. Nilainya hampir benar, tetapi tampil aneh di
    dokumen dan membuat perbandingan persis (target = realisasi) gagal. Aturan ini hanya
    memberi tahu; nilainya tidak diubah.

    Contoh:
    ``targets: {2025: 64.64999999999999}`` pada "Persentase sarana, prasarana dan alkes
    sesuai standar".

    Perbaikan:
    Tulis ``2025: 64.65``, atau bungkus rumus di Excel dengan ``ROUND(...; 2)`` sebelum
    menyalin.
    """

    def pagu() -> Iterator[Finding]:
        nodes = ctx.plan.nodes
        for i, types in enumerate(ctx.columns.pagu_types):
            if types <= _NO_FLOATS:
                continue
            node = nodes[i]
            if _may_hold_artefacts(node.pagu.values()):
                found = _artefacts(sorted(node.pagu.items()))
                if found:
                    yield _artefact_finding(node, i, None, "pagu", found, {"level": node.level})

    def indicator_values() -> Iterator[Finding]:
        t = ctx.indicators
        for k, chars in enumerate(t.number_chars):
            # A float of 11 characters or fewer is never an artefact (see probable_value).
            plain = chars is not None and chars <= 11
            pk = t.pk_targets[k]
            if plain and not pk:
                continue
            i, node, ind = t.row(k)
            if not plain:
                by_field = _by_field(_values(ind))
                for field in ("baseline", "targets", "actuals"):
                    found = _artefacts(by_field.get(field, ()))
                    if found:
                        yield _artefact_finding(node, i, ind, field, found, {"name": ind.name})
            if pk and _may_hold_artefacts(pk.values()):
                found = _artefacts(sorted(pk.items()))
                if found:
                    yield _artefact_finding(node, i, ind, "pk_targets", found, {"name": ind.name})

    yield from _by_node(pagu(), indicator_values())


_PLAIN_TYPES = (int, str, type(None))


def _may_hold_artefacts(values: Iterable[Any]) -> bool:
    """Whether any of these values might be a float artefact, as a quick test.

    A float whose repr is 11 characters or fewer is never one (the first test of
    :func:`probable_value`), nor is an int, a text or a missing value; a range, or any
    other value, is looked at closer.
    """
    for value in values:
        kind = type(value)
        if kind is float:
            if len(repr(value)) > 11:
                return True
        elif kind not in _PLAIN_TYPES:
            return True
    return False


def _artefact_finding(
    node: Node,
    index: int,
    ind: Indicator | None,
    field: str,
    found: list[tuple[int, float, float]],
    extra: Mapping[str, Any],
) -> Finding:
    return Finding(
        node.id,
        {
            **extra,
            "years": [y for y, _, _ in found],
            "values": [v for _, v, _ in found],
            "probable": [p for _, _, p in found],
            "pairs": ", ".join(f"{y}: {v!r} → {_short(p)}" for y, v, p in found),
            "suggestion": ", ".join(f"{y}: {_short(p)}" for y, _, p in found),
        },
        field=field,
        indicator=ind.id if ind is not None else None,
        variant=field,
        node_index=index,
    )


# -- PK214 ----------------------------------------------------------------------------------

_WHITESPACE_KINDS: tuple[tuple[str, str, str], ...] = (
    ("newline", "baris baru", "a line break"),
    ("tab", "tab", "a tab"),
    ("double_space", "spasi ganda", "a run of spaces"),
    ("nbsp", "spasi tak terputus (NBSP)", "a non-breaking space"),
    ("edge", "spasi di awal atau akhir", "leading or trailing space"),
)


def _whitespace_kinds(text: str) -> list[str]:
    kinds = []
    if "\n" in text or "\r" in text:
        kinds.append("newline")
    if "\t" in text:
        kinds.append("tab")
    if "  " in text:
        kinds.append("double_space")
    if "\u00a0" in text:
        kinds.append("nbsp")
    if text != text.strip():
        kinds.append("edge")
    return kinds


def _untidy(
    node: Node, index: int, ind: Indicator | None, field: str, text: str, kinds: list[str]
) -> Finding:
    labels = {kind: (id_, en) for kind, id_, en in _WHITESPACE_KINDS}
    variant = "node" if ind is None else field
    return Finding(
        node.id,
        {
            "level": node.level,
            "name": " ".join((ind.name if ind is not None else node.name).split()),
            "text": text,
            "kinds": list(kinds),
            "found": " dan ".join(labels[k][0] for k in kinds),
            "found_en": " and ".join(labels[k][1] for k in kinds),
        },
        field=field,
        indicator=ind.id if ind is not None else None,
        variant=variant,
        node_index=index,
    )


@rule(
    "PK214",
    "untidy-whitespace",
    family="indicators",
    severity="info",
    title="Spasi tidak rapi",
    title_en="Untidy whitespace",
    message={
        "node": (
            "Nama {node} mengandung {found}",
            "The name of {node} contains {found_en}",
        ),
        "name": (
            'Nama indikator "{name}" di {node} mengandung {found}',
            'The name of indicator "{name}" of {node} contains {found_en}',
        ),
        "satuan": (
            'Satuan indikator "{name}" di {node} mengandung {found}',
            'The satuan of indicator "{name}" of {node} contains {found_en}',
        ),
        "many": (
            "{count} teks di {node} mengandung {found}: {where}",
            "{count} texts of {node} contain {found_en}: {where_en}",
        ),
    },
    hint="Rapikan teksnya di sumbernya (misalnya sel Excel): satu spasi antarkata, tanpa baris "
    "baru; pohon melaporkan tetapi tidak mengubah teks yang ditulis.",
    hint_en="Tidy the text at its source (e.g. the Excel cell): one space between words, no "
    "line breaks; pohon reports but never changes what was written.",
)
def untidy_whitespace(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Nama node, nama indikator atau satuan yang mengandung baris baru, tab, dua spasi atau
    lebih berturut-turut, spasi tak terputus (NBSP), atau spasi di awal atau akhir. Teksnya
    tetap seperti yang ditulis; aturan ini hanya melaporkan. Satu temuan per node: bila
    beberapa teks node itu (namanya, nama dan satuan indikatornya) tidak rapi, pesannya
    menyebut semuanya, dan datanya (``texts``) menyimpan setiap teks apa adanya.

    Mengapa:
    Teks yang disalin dari sel Excel membawa Alt+Enter dan spasi ganda. Di dokumen Renstra
    dan diagram pohon kinerja teks itu patah di tempat yang aneh, dan dua nama yang sama
    ("Indeks Kepuasan  Masyarakat" dan "Indeks Kepuasan Masyarakat") tidak dikenali sebagai
    sama saat dicocokkan antar-OPD atau antar-revisi.

    Contoh:
    ``name: "Persentase balita\\nstunting"`` atau ``satuan: "% "``.

    Perbaikan:
    Ganti baris baru dan tab dengan satu spasi dan hapus spasi di awal dan akhir, di Excel
    (fungsi ``TRIM``/``CLEAN``) atau langsung di berkas rencana.
    """

    def node_names() -> Iterator[Finding]:
        nodes = ctx.plan.nodes
        for i, name in enumerate(ctx.columns.name):
            kinds = _whitespace_kinds(name) if name else []
            if kinds:
                yield _untidy(nodes[i], i, None, "name", name, kinds)

    def indicator_texts() -> Iterator[Finding]:
        t = ctx.indicators
        # Indicator names and satuan repeat across a plan: each distinct text is read once,
        # and only indicators with an untidy one are looked at (usually none).
        kinds_of = {text: _whitespace_kinds(text) for text in {*t.name, *t.satuan} if text}
        untidy = {text for text, kinds in kinds_of.items() if kinds}
        if not untidy:
            return
        for k, (name, satuan) in enumerate(zip(t.name, t.satuan, strict=True)):
            if name not in untidy and satuan not in untidy:
                continue
            for field, text in (("name", name), ("satuan", satuan)):
                if text in untidy:
                    i, node, ind = t.row(k)
                    yield _untidy(node, i, ind, field, text, kinds_of[text])

    found = _by_node(node_names(), indicator_texts())
    for _, group in groupby(found, key=_node_position):
        notes = list(group)
        yield notes[0] if len(notes) == 1 else _untidy_many(notes)


def _untidy_many(notes: list[Finding]) -> Finding:
    """The untidy texts of one node as one finding."""
    first = notes[0]
    kinds = list(dict.fromkeys(k for note in notes for k in note.values["kinds"]))
    labels = {kind: (id_, en) for kind, id_, en in _WHITESPACE_KINDS}
    where: list[str] = []
    where_en: list[str] = []
    for note in notes:
        if note.indicator is None:
            where.append("nama node")
            where_en.append("the node's name")
        else:
            name = note.values["name"]
            where.append(f'{"nama" if note.field == "name" else "satuan"} indikator "{name}"')
            where_en.append(f'the {note.field} of indicator "{name}"')
    return Finding(
        first.node,
        {
            "level": first.values["level"],
            "count": len(notes),
            "kinds": kinds,
            "found": " dan ".join(labels[k][0] for k in kinds),
            "found_en": " and ".join(labels[k][1] for k in kinds),
            "where": "; ".join(where),
            "where_en": "; ".join(where_en),
            "texts": [
                {"field": note.field, "indicator": note.indicator, "text": note.values["text"]}
                for note in notes
            ],
        },
        field=first.field,
        indicator=first.indicator,
        variant="many",
        node_index=first.node_index,
    )


# -- PK215 ----------------------------------------------------------------------------------


@rule(
    "PK215",
    "ordinal-scale",
    per_node=True,
    family="indicators",
    severity="error",
    title="Skala ordinal tidak cocok",
    title_en="Ordinal scale problem",
    message={
        "no_scale": (
            'Indikator ordinal "{name}" di {node} belum punya skala (scale)',
            'Ordinal indicator "{name}" of {node} has no scale',
        ),
        "known_scale": (
            'Indikator ordinal "{name}" di {node} tidak menuliskan skalanya (scale); nilainya '
            "cocok dengan skala yang dikenal {known}, yang dipakai untuk capaiannya",
            'Ordinal indicator "{name}" of {node} does not write its scale; its values fit '
            "the known scale {known}, which its achievement uses",
        ),
        "repeated": (
            'Skala indikator ordinal "{name}" di {node} menuliskan nilai yang sama lebih dari '
            "sekali: {repeated}; urutan nilai itu, dan capaiannya, jadi tidak jelas",
            'The scale of ordinal indicator "{name}" of {node} lists a value more than once: '
            "{repeated}; that value's place, and its achievement, are then unclear",
        ),
        **_field_variants(
            '{what} indikator ordinal "{name}" di {node} tidak ada di skalanya: {pairs} '
            "(skala: {scale})",
            '{what} of ordinal indicator "{name}" of {node} is not in its scale: {pairs} '
            "(scale: {scale})",
        ),
    },
    hint="Tulis di 'scale' nilai-nilai berurutan dari terendah ke tertinggi (misalnya [Level 1, "
    "Level 2, Level 3]) dan pakai persis salah satunya sebagai baseline, target dan realisasi.",
    hint_en="List in 'scale' the values from lowest to highest (e.g. [Level 1, Level 2, Level "
    "3]) and use exactly one of them as baseline, target and actual.",
)
def ordinal_scale(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Indikator ``measure: ordinal`` tanpa ``scale``, yang skalanya menuliskan satu nilai lebih
    dari sekali, atau yang baseline, target atau realisasinya bukan salah satu nilai skalanya
    (dicocokkan persis). Tanpa ``scale`` tetapi
    dengan nilai yang semuanya ada di satu skala yang dikenal (predikat SAKIP D … AA, Level
    1-5, Sangat Kurang … Sangat Baik, Sangat Rendah … Sangat Tinggi), temuannya peringatan:
    capaiannya tetap dihitung dengan skala itu.

    Mengapa:
    Nilai ordinal (Level 1-5 kapabilitas APIP, predikat SAKIP B/BB/A, opini WTP) hanya bisa
    dibandingkan lewat urutannya di skala. Tanpa skala, atau dengan nilai yang tidak ada di
    skala ("Level3" untuk "Level 3"), capaian tidak bisa dihitung.

    Contoh:
    "Kapabilitas APIP" dengan ``scale: [Level 1, Level 2, Level 3, Level 4, Level 5]`` dan
    ``targets: {2025: Level3}``.

    Perbaikan:
    Tulis ``2025: Level 3`` persis seperti di skala; atau tambahkan ``scale`` bila belum ada.
    """
    t = ctx.indicators
    for k, measure in enumerate(t.measure):
        if measure != "ordinal":
            continue
        i, node, ind = t.row(k)
        if not ind.scale:
            known = known_scale(value for _, _, value in _values(ind))
            yield Finding(
                node.id,
                {
                    "name": ind.name,
                    "scale": None,
                    "known": None if known is None else "[" + ", ".join(known) + "]",
                },
                field=_written(ind, "scale") or "measure",
                indicator=ind.id,
                variant="no_scale" if known is None else "known_scale",
                # Values on a known scale are measured all the same: a gap in the manual IK,
                # not a value that cannot be read.
                severity=None if known is None else "warning",
                node_index=i,
            )
            continue
        repeated = [value for value, n in Counter(ind.scale).items() if n > 1]
        if repeated:
            yield Finding(
                node.id,
                {
                    "name": ind.name,
                    "scale": list(ind.scale),
                    "repeated": ", ".join(repeated[:10])
                    + (f" (+{len(repeated) - 10})" if len(repeated) > 10 else ""),
                },
                field="scale",
                indicator=ind.id,
                variant="repeated",
                node_index=i,
            )
        allowed = set(ind.scale)
        outside = (
            (field, year, value)
            for field, year, value in _values(ind)
            if not (isinstance(value, str) and value in allowed)
        )
        for field, items in _by_field(outside).items():
            yield Finding(
                node.id,
                {
                    "name": ind.name,
                    "scale": list(ind.scale),
                    "years": [y for y, _ in items],
                    "values": [v for _, v in items],
                    "pairs": _pairs(items),
                },
                field=field,
                indicator=ind.id,
                variant=field,
                node_index=i,
            )


# -- PK216 ----------------------------------------------------------------------------------


@rule(
    "PK216",
    "range-target-mismatch",
    per_node=True,
    family="indicators",
    severity="error",
    title="Target rentang tidak cocok dengan polaritas",
    title_en="Range target does not match the polarity",
    message={
        "not_pair": (
            'Indikator "{name}" di {node} berpolaritas rentang, tetapi targetnya bukan '
            "pasangan [bawah, atas]: {pairs}",
            'Indicator "{name}" of {node} has a range polarity, but its targets are not '
            "[low, high] pairs: {pairs}",
        ),
        "reversed": (
            'Target rentang indikator "{name}" di {node} terbalik, batas bawah lebih besar '
            "dari batas atas: {pairs}",
            'The range targets of indicator "{name}" of {node} are reversed, low above '
            "high: {pairs}",
        ),
        "pair_not_range": (
            'Indikator "{name}" di {node} berpolaritas {polarity}, tetapi targetnya ditulis '
            "sebagai rentang: {pairs}",
            'Indicator "{name}" of {node} has polarity {polarity}, but its targets are '
            "written as ranges: {pairs}",
        ),
    },
    hint="Target rentang ditulis [bawah, atas] dengan polarity: range; untuk polaritas higher "
    "atau lower, tulis satu angka per tahun.",
    hint_en="A range target is written [low, high] with polarity: range; for polarity higher or "
    "lower, write one number per year.",
)
def range_target_mismatch(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Indikator ``polarity: range`` yang targetnya bukan pasangan ``[bawah, atas]`` atau yang
    batas bawahnya lebih besar dari batas atasnya; atau indikator ``higher``/``lower``
    yang targetnya ditulis sebagai pasangan. Satu temuan per indikator per jenis masalah.

    Mengapa:
    Target rentang (misalnya laju inflasi 2,5 ± 1%) dinilai tercapai bila realisasi ada di
    dalam rentang. Target tunggal pada indikator rentang, atau rentang pada indikator
    ``higher``, membuat capaian dihitung dengan rumus yang salah.

    Contoh:
    "Laju inflasi" dengan ``polarity: range`` dan ``targets: {2025: 3.5, 2026: [3.5, 1.5]}``.

    Perbaikan:
    Tulis ``2025: [1.5, 3.5]`` dan ``2026: [1.5, 3.5]``; atau, bila yang dimaksud satu angka,
    ubah ``polarity`` menjadi ``lower``.
    """
    t = ctx.indicators
    for k, (polarity, types) in enumerate(zip(t.polarity, t.value_types, strict=True)):
        if polarity != "range" and types <= _NO_RANGES:
            continue  # no range written, and none expected
        i, node, ind = t.row(k)
        problems: dict[str, list[tuple[int, Any]]] = {}
        for year in sorted(ind.targets):
            value = ind.targets[year]
            if _is_missing(value):
                continue
            if ind.polarity == "range":
                if not isinstance(value, tuple):
                    problems.setdefault("not_pair", []).append((year, value))
                elif value[0] > value[1]:
                    problems.setdefault("reversed", []).append((year, value))
            elif isinstance(value, tuple):
                problems.setdefault("pair_not_range", []).append((year, value))
        for variant, items in problems.items():
            yield Finding(
                node.id,
                {
                    "name": ind.name,
                    "polarity": ind.polarity,
                    "years": [y for y, _ in items],
                    "values": [v for _, v in items],
                    "pairs": _pairs(items),
                },
                field="targets",
                indicator=ind.id,
                variant=variant,
                node_index=i,
            )
