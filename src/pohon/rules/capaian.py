"""Capaian rules (PK6xx): what measuring achievement shows about the plan and its data.

They read the capaian analysis (:mod:`pohon.analysis.capaian`), made once per check and
only when the plan holds a realisasi: a plan still being drawn up costs nothing here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from pohon.analysis.capaian import Figures, rolled_up
from pohon.analysis.measure import REASONS, as_decimal, measure
from pohon.analysis.predikat import rounded
from pohon.findings import as_meant, display, years_text
from pohon.model import Indicator
from pohon.rules.engine import Context, Finding, rule, setting

DEFAULT_ACHIEVED = 90
"""A roll-up of at least this is "achieved" for PK602."""
DEFAULT_FAR = 75
"""A capaian below this is "far from the target" for PK602."""
DEFAULT_UNCHALLENGING = 120
"""A capaian of at least this, year after year, makes a target not challenging (PK603)."""
_NUMBERS: frozenset[type] = frozenset({int, float})
UNDEFINED = ("target_zero", "target_negative", "actual_range")
"""Reasons PK601 reports; the others have their own rules (PK209 text numbers, PK211 no
target, PK215 ordinal scales, PK216 ranges)."""


def _percent_setting(settings: Mapping[str, Any], name: str, default: float) -> float:
    value = settings.get(name, default)
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not 0 <= value <= 1000
    ):
        raise ValueError(
            f"{name} harus angka persen 0-1000, bukan {value!r} "
            f"({name} must be a percentage from 0 to 1000)"
        )
    return float(value)


@setting(
    "capaian_achieved",
    "Capaian (persen) yang dianggap tercapai saat menilai logika pohon (PK602) / the capaian "
    "taken as achieved when judging the tree's logic.",
)
def _achieved(settings: Mapping[str, Any]) -> float:
    return _percent_setting(settings, "capaian_achieved", DEFAULT_ACHIEVED)


@setting(
    "capaian_far",
    "Capaian (persen) di bawahnya sebuah node dianggap jauh dari target (PK602) / the capaian "
    "below which a node is far from its target.",
)
def _far(settings: Mapping[str, Any]) -> float:
    return _percent_setting(settings, "capaian_far", DEFAULT_FAR)


@setting(
    "capaian_unchallenging",
    "Capaian (persen) yang bila dilampaui setiap tahun menandakan target kurang menantang "
    "(PK603) / the capaian which, reached every year, marks a target as not challenging.",
)
def _unchallenging(settings: Mapping[str, Any]) -> float:
    return _percent_setting(settings, "capaian_unchallenging", DEFAULT_UNCHALLENGING)


def _result(ctx: Context) -> Mapping[int, Mapping[str, Figures]] | None:
    """The nodes' capaian for every year with a realisasi; ``None`` when there is none."""

    def build(ctx: Context) -> Mapping[int, Mapping[str, Figures]] | None:
        t = ctx.indicators
        if not any(t.actual_years):
            return None
        return rolled_up(ctx.plan, graph=ctx.graph)

    return ctx.shared("capaian", build)


def _measured(ctx: Context, k: int) -> Iterator[tuple[int, Any, Decimal | None, str | None]]:
    """The ``k``-th indicator's capaian in each period year it has a realisasi: (year,
    realisasi, capaian, why not)."""
    ind = ctx.indicators.indicator[k]
    start, end = ctx.years.start, ctx.years.stop - 1
    for year in sorted(ind.actuals):
        if start <= year <= end:
            actual = ind.actuals[year]
            value, reason = measure(ind, ind.targets.get(year), actual)
            yield year, actual, value, reason


# -- PK601 ----------------------------------------------------------------------------------


def _undefined_messages() -> dict[str, tuple[str, str]]:
    return {
        reason: (
            f'Capaian indikator "{{name}}" di {{node}} tahun {{years_text}} tidak bisa dihitung: '
            f"{REASONS[reason][0]}",
            f'The achievement of indicator "{{name}}" of {{node}} in {{years_text}} cannot be '
            f"computed: {REASONS[reason][1]}",
        )
        for reason in UNDEFINED
    }


@rule(
    "PK601",
    "capaian-undefined",
    per_node=True,
    family="capaian",
    severity="warning",
    title="Capaian tidak bisa dihitung",
    title_en="Achievement cannot be computed",
    message=_undefined_messages(),
    hint="Periksa target tahun itu: target nol atau negatif tidak bisa menjadi pembagi; "
    "rumuskan indikatornya sehingga targetnya angka positif (misalnya angka per 100.000 "
    "penduduk). Realisasi ditulis satu angka, bukan rentang.",
    hint_en="Check that year's target: a zero or negative target cannot divide; phrase the "
    "indicator so that its target is a positive number (a rate per 100,000, say). An actual "
    "is written as one number, not a range.",
)
def capaian_undefined(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Indikator yang punya realisasi tetapi capaiannya tidak terdefinisi: targetnya nol
    (rumus membagi dengan target), targetnya negatif (rumus kehilangan makna), atau
    realisasinya ditulis sebagai rentang. Nilai teks pada indikator angka, skala ordinal
    yang tidak ada atau nilai di luarnya, dan rentang yang tidak cocok dengan polaritas
    dilaporkan aturannya sendiri (PK209, PK215, PK216). Satu temuan per indikator, dengan
    tahun-tahunnya.

    Mengapa:
    LKjIP melaporkan capaian setiap indikator. Target nol ("0 kasus kematian ibu") tidak
    bisa dihitung dengan rumus mana pun; lembar Excel biasanya menampilkan #DIV/0! atau
    angka asal, dan evaluator menandainya.

    Contoh:
    "Jumlah kasus kematian ibu" dengan polaritas `lower`, ``targets: {2025: 0}`` dan
    ``actuals: {2025: 2}``.

    Perbaikan:
    Rumuskan ulang indikatornya ("Angka kematian ibu per 100.000 kelahiran hidup" dengan
    target positif), atau nyatakan target dalam bentuk yang bisa dibagi.
    """
    t = ctx.indicators
    for k, actual_years in enumerate(t.actual_years):
        if not actual_years:
            continue
        low = t.low[k]
        if low is not None and low > 0:
            continue  # positive numbers only: every capaian is defined
        found: dict[str, list[int]] = {}
        for year, _, _, reason in _measured(ctx, k):
            if reason in UNDEFINED:
                found.setdefault(reason, []).append(year)
        if not found:
            continue
        i, node, ind = t.row(k)
        for reason, years in found.items():
            yield Finding(
                node.id,
                {"name": ind.name, "years": years, "years_text": years_text(years)},
                field="targets",
                indicator=ind.id,
                variant=reason,
                node_index=i,
            )


# -- PK602 ----------------------------------------------------------------------------------


@rule(
    "PK602",
    "tree-logic-broken",
    family="capaian",
    severity="warning",
    title="Logika pohon tidak terbukti",
    title_en="The tree's logic does not hold",
    message={
        "children": (
            "Tahun {year} anak-anak {node} mencapai {children}% tetapi capaiannya sendiri "
            "hanya {own}%: capaian di bawah tidak menggerakkan kinerja di atasnya",
            "In {year} the children of {node} reached {children}% but its own achievement was "
            "only {own}%: the results below did not move the one above",
        ),
        "parent": (
            "Tahun {year} {node} mencapai {own}% tetapi anak-anaknya hanya {children}%: "
            "kinerjanya tercapai tanpa sumbangan cascading di bawahnya",
            "In {year} {node} reached {own}% but its children only {children}%: it was "
            "achieved without the cascade below it",
        ),
    },
    hint="Tinjau hubungan sebab-akibatnya: indikator anak mungkin tidak mengukur penyebab "
    "kinerja induknya, atau target salah satunya keliru. Ambang: tercapai {achieved}%, "
    "jauh {far}% (pengaturan capaian_achieved dan capaian_far).",
    hint_en="Review the cause and effect: the children's indicators may not measure what "
    "causes the parent's result, or one of the targets is wrong. Thresholds: achieved "
    "{achieved}%, far {far}% (settings capaian_achieved and capaian_far).",
)
def tree_logic_broken(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Node yang capaiannya sendiri (dari indikatornya) dan capaian anak-anaknya (rata-rata
    tertimbang bobot kontribusi) bertolak belakang pada suatu tahun: anak-anaknya tercapai
    (paling sedikit 90%) tetapi node itu jauh dari targetnya (di bawah 75%), atau
    sebaliknya. Ambangnya pengaturan ``capaian_achieved`` dan ``capaian_far``.

    Mengapa:
    Pohon kinerja adalah hipotesis sebab-akibat: bila semua program di bawah sebuah sasaran
    tercapai tetapi sasarannya tidak bergerak, pohonnya salah (programnya tidak menyebabkan
    hasil itu), atau targetnya tidak menantang. SAKIP menilai cascading yang logis
    (kriteria 1.b).

    Contoh:
    Sasaran "Menurunnya prevalensi stunting" dengan capaian 2025 sebesar 62%, sedangkan tiga
    program di bawahnya masing-masing mencapai 98-102%.

    Perbaikan:
    Tinjau ulang indikator program (apakah mengukur penyebab stunting?), tambahkan program
    yang hilang, atau koreksi targetnya.
    """
    result = _result(ctx)
    if result is None:
        return
    achieved = Decimal(repr(_achieved(ctx.settings)))
    far = Decimal(repr(_far(ctx.settings)))
    position = ctx.graph.index
    for year, figures in result.items():
        for node_id, (own, children, _, _) in figures.items():
            if own is None or children is None:
                continue
            own_shown, children_shown = rounded(own), rounded(children)
            variant = None
            if children_shown >= achieved and own_shown < far:
                variant = "children"
            elif own_shown >= achieved and children_shown < far:
                variant = "parent"
            if variant is not None:
                yield Finding(
                    node_id,
                    {
                        "year": year,
                        "own": own_shown,
                        "children": children_shown,
                        "achieved": int(achieved)
                        if achieved == achieved.to_integral()
                        else achieved,
                        "far": int(far) if far == far.to_integral() else far,
                    },
                    variant=variant,
                    node_index=position.get(node_id),
                )


# -- PK603 ----------------------------------------------------------------------------------


@rule(
    "PK603",
    "target-not-challenging",
    per_node=True,
    family="capaian",
    severity="info",
    title="Target kurang menantang",
    title_en="Target not challenging",
    message='Indikator "{name}" di {node} melampaui targetnya jauh setiap tahun: {figures}',
    message_en='Indicator "{name}" of {node} far exceeds its target every year: {figures_en}',
    hint="Naikkan target tahun berikutnya mendekati realisasi; SAKIP meminta target yang "
    "dapat dicapai tetapi menantang. Ambang: {limit}% (pengaturan capaian_unchallenging).",
    hint_en="Raise the next years' targets towards the actuals; SAKIP asks for targets that "
    "are achievable but challenging. Threshold: {limit}% (setting capaian_unchallenging).",
)
def target_not_challenging(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Indikator yang capaiannya paling sedikit 120% (pengaturan ``capaian_unchallenging``)
    pada setiap tahun yang terukur, dan terukur paling sedikit dua tahun.

    Mengapa:
    Kriteria SAKIP meminta target yang dapat dicapai tetapi menantang. Realisasi yang jauh
    di atas target tahun demi tahun berarti targetnya ditetapkan terlalu rendah, sehingga
    capaian tinggi tidak menunjukkan kinerja.

    Contoh:
    "Cakupan imunisasi dasar lengkap" dengan target 80 dan 82, realisasi 99 dan 101:
    capaian 123,75% dan 123,17%.

    Perbaikan:
    Naikkan target tahun-tahun berikutnya (perubahan Renstra) mendekati kemampuan nyata.
    """
    limit = Decimal(repr(_unchallenging(ctx.settings)))
    t = ctx.indicators
    for k, actual_years in enumerate(t.actual_years):
        if len(actual_years) < 2:
            continue
        years: list[tuple[int, Decimal]] = []
        for year, _, value, _ in _measured(ctx, k):
            if value is None:
                continue
            if rounded(value) < limit:
                years = []
                break
            years.append((year, value))
        if len(years) < 2:
            continue
        i, node, ind = t.row(k)
        figures = {
            lang: "; ".join(f"{y} {display(rounded(v), lang)}%" for y, v in years)
            for lang in ("id", "en")
        }
        yield Finding(
            node.id,
            {
                "name": ind.name,
                "years": [y for y, _ in years],
                "figures": figures["id"],
                "figures_en": figures["en"],
                "limit": int(limit) if limit == limit.to_integral() else limit,
            },
            field="actuals",
            indicator=ind.id,
            node_index=i,
        )


# -- PK604 ----------------------------------------------------------------------------------


def _kind(value: object) -> str | None:
    if value is None or (isinstance(value, str) and value.strip() in ("", "-")):
        return None
    if isinstance(value, bool):
        return "teks"
    if isinstance(value, int | float):
        return "angka"
    if isinstance(value, tuple | list):
        return "rentang"
    return "teks"


_KIND_EN = {"angka": "number", "rentang": "range", "teks": "text"}


def _percent_kinds(ind: Indicator, values: Iterable[tuple[int, object]]) -> dict[str, list[int]]:
    """Years of a percent indicator written as a fraction (0,85) and as a percent (85), its
    targets and actuals together (a target of 85 met by an actual of 0,85 is the same
    slip)."""
    if ind.measure != "percent" and (ind.satuan or "").strip().casefold() not in ("%", "persen"):
        return {}
    out: dict[str, set[int]] = {}
    for year, value in values:
        number = as_decimal(value)
        if number is None:
            continue
        if 0 < number < 1:
            out.setdefault("pecahan", set()).add(year)
        elif number >= 10:
            out.setdefault("persen", set()).add(year)
    return {k: sorted(v) for k, v in out.items()} if len(out) == 2 else {}


@rule(
    "PK604",
    "iku-redefined",
    family="capaian",
    severity="warning",
    title="IKU berubah definisi di tengah periode",
    title_en="IKU redefined during the period",
    message={
        "kind": (
            'IKU "{name}" di {node} berganti bentuk nilai di tengah periode: {kinds}',
            'IKU "{name}" of {node} changes the kind of its values during the period: {kinds_en}',
        ),
        "percent": (
            'IKU "{name}" di {node} ditulis sebagai pecahan pada {fraction_years} dan sebagai '
            "persen pada {percent_years}: skalanya berubah",
            'IKU "{name}" of {node} is written as a fraction in {fraction_years} and as a '
            "percentage in {percent_years}: its scale changed",
        ),
    },
    hint="Satu IKU diukur dengan definisi yang sama sepanjang periode Renstra. Bila "
    "definisinya memang berubah, tutup IKU lama dan buat indikator baru dengan catatan "
    "alasannya; bila salah tulis, samakan bentuk nilainya.",
    hint_en="An IKU is measured the same way through the Renstra period. If its definition "
    "truly changed, close the old IKU and add a new indicator with a note why; if it is a "
    "slip, write the values alike.",
)
def iku_redefined(ctx: Context) -> Iterator[Finding]:
    """Apa:
    IKU yang target atau realisasinya dalam periode berganti bentuk: angka pada sebagian
    tahun dan rentang atau teks pada tahun lain, atau (indikator persen) pecahan 0,85 pada
    sebagian tahun dan 85 pada tahun lain, di target maupun di realisasi.

    Mengapa:
    Kriteria SAKIP meminta IKU yang stabil sepanjang periode Renstra. Bentuk nilai yang
    berganti menandakan definisinya berubah diam-diam (dari jumlah menjadi predikat, dari
    pecahan menjadi persen), sehingga capaian antartahun tidak bisa dibandingkan.

    Contoh:
    IKU "Nilai SAKIP" dengan ``targets: {2025: 72, 2026: 74, 2027: BB, 2028: BB, 2029: A}``.

    Perbaikan:
    Pilih satu bentuk: angka nilai SAKIP untuk semua tahun, atau predikat (ordinal dengan
    `scale`) untuk semua tahun.
    """
    start, end = ctx.years.start, ctx.years.stop - 1
    t = ctx.indicators
    for k, iku in enumerate(t.iku):
        if not iku:
            continue
        if t.value_types[k] <= _NUMBERS and not (
            t.measure[k] == "percent" or (t.satuan[k] or "").strip() in ("%", "persen")
        ):
            continue  # numbers only, not a percentage: nothing can change kind
        i, node, ind = t.row(k)
        # Targets are compared with targets and actuals with actuals: a range target
        # is met by a number.
        kinds: dict[str, set[int]] = {}
        for source in (ind.targets, ind.actuals):
            of_source: dict[str, set[int]] = {}
            for y, v in source.items():
                kind = _kind(v)
                if kind is not None and start <= y <= end:
                    of_source.setdefault(kind, set()).add(y)
            if len(of_source) > 1:
                kinds = of_source
                break
        values = [
            (y, v)
            for source in (ind.targets, ind.actuals)
            for y, v in source.items()
            if start <= y <= end
        ]
        if len(kinds) > 1:
            parts = sorted(kinds.items(), key=lambda kv: min(kv[1]))
            yield Finding(
                node.id,
                {
                    "name": ind.name,
                    "kinds": "; ".join(f"{k} {years_text(ys)}" for k, ys in parts),
                    "kinds_en": "; ".join(f"{_KIND_EN[k]} {years_text(ys)}" for k, ys in parts),
                },
                field="targets",
                indicator=ind.id,
                variant="kind",
                node_index=i,
            )
            continue
        scales = _percent_kinds(ind, values)
        if scales:
            yield Finding(
                node.id,
                {
                    "name": ind.name,
                    "fraction_years": years_text(scales["pecahan"]),
                    "percent_years": years_text(scales["persen"]),
                },
                field="targets",
                indicator=ind.id,
                variant="percent",
                node_index=i,
            )


# -- PK605 ----------------------------------------------------------------------------------


@rule(
    "PK605",
    "realisasi-anggaran-odd",
    family="capaian",
    severity="warning",
    title="Realisasi anggaran tidak wajar",
    title_en="Odd budget realisation",
    message={
        "above": (
            "Realisasi anggaran {node} tahun {year} (Rp {spent}) melebihi pagunya (Rp {pagu})",
            "The budget realisation of {node} in {year} (Rp {spent}) is above its pagu (Rp {pagu})",
        ),
        "negative": (
            "Realisasi anggaran {node} tahun {year} negatif (Rp {spent})",
            "The budget realisation of {node} in {year} is negative (Rp {spent})",
        ),
        "no_pagu": (
            "{node} punya realisasi anggaran tahun {year} (Rp {spent}) tanpa pagu tahun itu",
            "{node} has a budget realisation for {year} (Rp {spent}) without a pagu that year",
        ),
    },
    hint="Periksa angka realisasi (salah ketik satu nol?) dengan laporan realisasi anggaran "
    "(LRA) dan pagu DPA perubahan; anggaran tidak bisa dibelanjakan melebihi pagunya.",
    hint_en="Check the realisation against the budget report (LRA) and the revised DPA pagu "
    "(a zero too many?); a budget cannot be spent beyond its pagu.",
)
def realisasi_anggaran_odd(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Realisasi anggaran (``realisasi_anggaran``) sebuah node yang melebihi pagunya pada tahun
    yang sama, yang negatif, atau yang ditulis untuk tahun tanpa pagu pada node itu.

    Mengapa:
    Belanja daerah tidak boleh melampaui pagu DPA. Realisasi di atas pagu hampir selalu
    salah ketik atau pagu yang belum diperbarui setelah perubahan APBD; serapan anggaran
    dan efisiensi di LKjIP menjadi salah.

    Contoh:
    Sub kegiatan dengan ``pagu: {2025: 450000000}`` dan
    ``realisasi_anggaran: {2025: 4500000000}``.

    Perbaikan:
    Betulkan angkanya dari LRA, atau perbarui pagu dengan pagu DPA perubahan.
    """
    columns = ctx.columns
    for i, spent in enumerate(columns.spent):
        if not spent:
            continue
        node_id, pagu = columns.id[i], columns.pagu[i]
        for year in sorted(spent):
            amount = spent[year]
            values = {"year": year, "spent": amount}
            if amount < 0:
                yield Finding(
                    node_id, values, field="realisasi_anggaran", variant="negative", node_index=i
                )
            elif year not in pagu:
                if amount > 0:
                    yield Finding(
                        node_id, values, field="realisasi_anggaran", variant="no_pagu", node_index=i
                    )
            elif amount > pagu[year]:
                yield Finding(
                    node_id,
                    {**values, "pagu": pagu[year]},
                    field="realisasi_anggaran",
                    variant="above",
                    node_index=i,
                )


# -- PK606 ----------------------------------------------------------------------------------


def _same(a: object, b: object) -> bool:
    a, b = as_meant(a), as_meant(b)
    da, db = as_decimal(a), as_decimal(b)
    if da is not None and db is not None:
        return da == db
    if isinstance(a, tuple | list) and isinstance(b, tuple | list) and len(a) == len(b):
        return all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
    return False


@rule(
    "PK606",
    "pk-differs-from-renstra",
    family="capaian",
    severity="warning",
    title="Target PK berbeda dengan Renstra",
    title_en="PK target differs from the Renstra",
    message={
        "default": (
            'Target Perjanjian Kinerja {year} indikator "{name}" di {node} ({pk}) berbeda '
            "dengan target Renstra tahun itu ({renstra})",
            'The Perjanjian Kinerja target {year} of indicator "{name}" of {node} ({pk}) '
            "differs from the Renstra target for that year ({renstra})",
        ),
        "no_renstra": (
            'Indikator "{name}" di {node} punya target Perjanjian Kinerja {year} ({pk}) tanpa '
            "target Renstra tahun itu",
            'Indicator "{name}" of {node} has a Perjanjian Kinerja target for {year} ({pk}) '
            "without a Renstra target for that year",
        ),
        "outside": (
            'Target Perjanjian Kinerja indikator "{name}" di {node} untuk {year} di luar '
            "periode rencana {period}",
            'The Perjanjian Kinerja target of indicator "{name}" of {node} for {year} is '
            "outside the plan period {period}",
        ),
    },
    hint="Target PK diambil dari Renstra (atau Renstra perubahan) tahun itu. Bila PK memang "
    "direvisi, perbarui target Renstra lewat perubahan Renstra dan catat alasannya; bila "
    "tidak, samakan target PK-nya.",
    hint_en="A PK target comes from the Renstra (or its revision) for that year. If the PK "
    "truly was revised, revise the Renstra target too and note why; otherwise make the PK "
    "target the same.",
)
def pk_differs(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Target yang tercatat dalam Perjanjian Kinerja (``pk_targets``) suatu tahun yang berbeda
    dengan target Renstra (``targets``) tahun itu, yang tidak punya target Renstra, atau yang
    tahunnya di luar periode.

    Mengapa:
    PK adalah janji kinerja tahunan kepala OPD kepada kepala daerah, dan targetnya berasal
    dari Renstra. Target PK yang diturunkan diam-diam membuat capaian tampak baik; evaluator
    SAKIP membandingkan keduanya.

    Contoh:
    ``targets: {2025: 85}`` dan ``pk_targets: {2025: 80}`` pada "Indeks Kepuasan Masyarakat".

    Perbaikan:
    Samakan target PK dengan Renstra, atau revisi Renstra-nya dengan alasan yang dicatat.
    """
    start, end = ctx.years.start, ctx.years.stop - 1
    t = ctx.indicators
    for k, written in enumerate(t.pk_targets):
        if not written:
            continue
        i, node, ind = t.row(k)
        for year in sorted(ind.pk_targets):
            pk = ind.pk_targets[year]
            values: dict[str, Any] = {"name": ind.name, "year": year, "pk": as_meant(pk)}
            if not start <= year <= end:
                values["period"] = f"{start}-{end}"
                variant = "outside"
            elif year not in ind.targets:
                variant = "no_renstra"
            elif not _same(pk, ind.targets[year]):
                values["renstra"] = as_meant(ind.targets[year])
                variant = "default"
            else:
                continue
            yield Finding(
                node.id,
                values,
                field="pk_targets",
                indicator=ind.id,
                variant=variant,
                node_index=i,
            )
