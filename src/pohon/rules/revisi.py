"""Revision rules (PK7xx): what SAKIP treats as a fault in the change from an older revision.

They judge only when the check is given the older revision (``check(plan, previous=old)``,
``pohon check NEW --previous OLD``, or ``pohon diff OLD NEW``); without one they find
nothing. The changes themselves come from :func:`pohon.analysis.diff.diff`.
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.analysis.diff import REDEFINING, Change, PlanDiff
from pohon.findings import display
from pohon.model import Indicator, Node, Plan
from pohon.rules.context import Context
from pohon.rules.registry import Finding, rule

_Revision = tuple[PlanDiff, Plan, dict[tuple[str, str], Indicator]]


def _revision(ctx: Context) -> _Revision | None:
    """The diff, the older plan and its indicators by (node, indicator), when the periods
    of the two revisions overlap: an IKU is kept stable through its period, and a new
    period may change anything. Made once for the three rules of a check."""
    return ctx.shared("revision", _build_revision)


def _build_revision(ctx: Context) -> _Revision | None:
    found = ctx.diff
    previous = ctx.previous
    if found is None or previous is None:
        return None
    if set(previous.period.years).isdisjoint(ctx.plan.period.years):
        return None
    return found, previous, _old_indicators(previous)


def _old_indicators(plan: Plan) -> dict[tuple[str, str], Indicator]:
    out: dict[tuple[str, str], Indicator] = {}
    seen: set[str] = set()
    for node in plan.nodes:
        if node.id in seen:
            continue
        seen.add(node.id)
        for ind in node.indicators:
            out.setdefault((node.id, ind.id), ind)
    return out


_FIELD_NAMES = {
    "name": ("nama", "name"),
    "satuan": ("satuan", "unit"),
    "measure": ("jenis ukuran", "measure"),
    "scale": ("skala", "scale"),
    "polarity": ("polaritas", "polarity"),
    "cumulative": ("sifat kumulatif", "cumulative"),
    "formula": ("formula", "formula"),
    "definisi": ("definisi", "definition"),
}
"""How the fields of :data:`REDEFINING` are named in a message (id, en)."""


# -- PK701 ----------------------------------------------------------------------------------


@rule(
    "PK701",
    "iku-redefined-in-revision",
    family="revisi",
    severity="warning",
    title="IKU didefinisikan ulang di tengah periode",
    title_en="An IKU redefined within the period",
    message=(
        "IKU {indicator} pada {node} didefinisikan ulang dari revisi sebelumnya "
        '({fields}): dahulu "{old_name}"'
    ),
    message_en=(
        "IKU {indicator} of {node} was redefined since the previous revision ({fields_en}): "
        'it was "{old_name}"'
    ),
    hint="Bila perubahan ini memang disepakati, catat alasannya di notes indikator dan "
    "dokumen perubahan RPJMD/Renstra; bila tidak, kembalikan definisinya.",
    hint_en="If the change was agreed, record why in the indicator's notes and in the "
    "amended RPJMD/Renstra; if not, restore its definition.",
)
def iku_redefined(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Indikator Kinerja Utama (``iku: true`` pada revisi sebelumnya) yang nama, satuan,
    jenis ukuran, skala, polaritas, sifat kumulatif, formula atau definisinya berubah
    dibandingkan revisi sebelumnya dalam periode yang sama.

    Mengapa:
    IKU adalah ukuran keberhasilan yang dipertanggungjawabkan sepanjang periode RPJMD atau
    Renstra. Evaluasi SAKIP menilai konsistensi IKU: IKU yang berganti makna di tengah
    periode membuat capaian antartahun tidak bisa dibandingkan.

    Contoh:
    IKU sasaran penurunan stunting pada rancangan "Jumlah balita penerima PMT" (satuan
    balita) menjadi "Prevalensi balita stunting" (persen, polaritas turun) setelah
    asistensi.

    Perbaikan:
    Bila perubahannya sah (hasil asistensi atau perubahan RPJMD), catat dasar perubahannya;
    bila tidak, kembalikan definisi IKU seperti semula.
    """
    found = _revision(ctx)
    if found is None:
        return
    changes, _, before = found
    fields: dict[tuple[str, str], list[str]] = {}
    for change in changes.of_kind("indicator-redefined"):
        key = (change.node or "", change.indicator or "")
        old = before.get(key)
        if old is not None and old.iku:
            fields.setdefault(key, []).append(change.field or "")
    for (node_id, ind_id), names in fields.items():
        order = sorted(names, key=REDEFINING.index)
        yield Finding(
            node_id,
            {
                "fields": ", ".join(_FIELD_NAMES[f][0] for f in order),
                "fields_en": ", ".join(_FIELD_NAMES[f][1] for f in order),
                "old_name": before[(node_id, ind_id)].name,
            },
            field="indicators",
            indicator=ind_id,
        )


# -- PK702 ----------------------------------------------------------------------------------


@rule(
    "PK702",
    "iku-dropped-in-revision",
    family="revisi",
    severity="warning",
    title="IKU dihapus di tengah periode",
    title_en="An IKU dropped within the period",
    message={
        "indicator": (
            'IKU {indicator} "{old_name}" pada {node} ada di revisi sebelumnya dan kini dihapus',
            'IKU {indicator} "{old_name}" of {node} was in the previous revision and is now '
            "removed",
        ),
        "flag": (
            'Indikator {indicator} "{old_name}" pada {node} tidak lagi ditandai IKU',
            'Indicator {indicator} "{old_name}" of {node} is no longer marked as an IKU',
        ),
        "node": (
            'IKU {indicator} "{old_name}" hilang bersama node {old_node} "{old_node_name}" '
            "yang dihapus",
            'IKU {indicator} "{old_name}" went with the removed node {old_node} "{old_node_name}"',
        ),
    },
    hint="Sebuah IKU dipertahankan sepanjang periode; bila dihapus karena perubahan RPJMD "
    "atau Renstra, catat dasarnya dan IKU penggantinya.",
    hint_en="An IKU is kept through the period; if it is dropped by an amended RPJMD or "
    "Renstra, record why and what replaces it.",
)
def iku_dropped(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Indikator yang pada revisi sebelumnya adalah IKU tetapi pada revisi ini hilang: indikatornya
    dihapus, tanda IKU-nya dicabut, atau node-nya dihapus. Node yang diganti id-nya
    (nama hampir sama, level dan OPD sama) dibandingkan lewat nama indikatornya.

    Mengapa:
    IKU adalah janji kinerja sepanjang periode. IKU yang hilang di tengah periode tidak bisa
    lagi dilaporkan capaiannya di LKjIP, dan evaluator SAKIP menanyakan alasannya.

    Contoh:
    Tujuan tata kelola pada rancangan punya dua IKU, "Indeks Reformasi Birokrasi" dan "Nilai
    evaluasi SAKIP"; setelah asistensi yang kedua dihapus.

    Perbaikan:
    Kembalikan IKU itu, atau catat dasar penghapusannya dan IKU yang menggantikannya.
    """
    found = _revision(ctx)
    if found is None:
        return
    changes, previous, before = found
    old_nodes: dict[str, Node] = {}
    for node in previous.nodes:
        old_nodes.setdefault(node.id, node)
    renamed_to = {c.old: c.new for c in changes.of_kind("likely-renamed")}
    index = ctx.graph.index
    nodes = ctx.plan.nodes
    for change in changes.of_kind("indicator-removed", "indicator-changed", "node-removed"):
        if change.kind == "indicator-removed":
            old = before.get((change.node or "", change.indicator or ""))
            if old is not None and old.iku:
                yield Finding(
                    change.node,
                    {"old_name": old.name},
                    field="indicators",
                    indicator=old.id,
                    variant="indicator",
                )
        elif change.kind == "indicator-changed":
            if change.field == "iku" and change.old is True and change.new is not True:
                old = before[(change.node or "", change.indicator or "")]
                yield Finding(
                    change.node,
                    {"old_name": old.name},
                    field="indicators",
                    indicator=old.id,
                    variant="flag",
                )
        else:
            node = change.old
            if not isinstance(node, Node):
                continue
            carried: set[str] = set()
            new_id = renamed_to.get(node.id)
            if isinstance(new_id, str) and new_id in index:
                carried = {i.name for i in nodes[index[new_id]].indicators if i.iku}
            for ind in node.indicators:
                if ind.iku and ind.name not in carried:
                    yield Finding(
                        None,
                        {
                            "old_name": ind.name,
                            "old_node": node.kode or node.id,
                            "old_node_name": node.name,
                        },
                        indicator=ind.id,
                        variant="node",
                    )


# -- PK703 ----------------------------------------------------------------------------------


@rule(
    "PK703",
    "target-lowered-without-note",
    family="revisi",
    severity="warning",
    title="Target dilonggarkan tanpa catatan",
    title_en="A target made easier without a note",
    message=(
        'Target {indicator} "{name}" pada {node} dibuat lebih mudah dicapai tanpa '
        "catatan alasan: {changes}"
    ),
    message_en=(
        'The target of {indicator} "{name}" of {node} was made easier to reach with no '
        "note of why: {changes_en}"
    ),
    hint="Tulis alasan perubahan target di notes indikator (misalnya hasil asistensi atau "
    "perubahan asumsi), atau kembalikan targetnya.",
    hint_en="Write why the target changed in the indicator's notes (an asistensi, a changed "
    "assumption), or restore the target.",
)
def target_lowered_without_note(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Target angka yang pada revisi ini lebih mudah dicapai daripada di revisi sebelumnya
    (lebih rendah untuk indikator yang makin tinggi makin baik, lebih tinggi untuk yang
    makin rendah makin baik) atau dihapus (indikatornya tetap ada, target tahun itu tidak
    lagi ditulis), sedangkan catatan (``notes``) indikatornya kosong atau sama seperti
    sebelumnya. Indikator yang didefinisikan ulang dinilai oleh PK701, bukan di sini.

    Mengapa:
    SAKIP menilai target yang menantang. Target yang diturunkan diam-diam membuat capaian
    tampak baik tanpa kinerja yang lebih baik; evaluator meminta dasar setiap penurunan.

    Contoh:
    Target pertumbuhan PAD 2027 pada rancangan 8%, setelah asistensi 7,5%, tanpa catatan;
    atau target akhir periode 2029 yang dihapus begitu saja.

    Perbaikan:
    Catat alasannya di ``notes`` indikator, atau kembalikan targetnya.
    """
    found = _revision(ctx)
    if found is None:
        return
    changes, _, before = found
    redefined = {(c.node, c.indicator) for c in changes.of_kind("indicator-redefined")}
    index = ctx.graph.index
    nodes = ctx.plan.nodes
    eased: dict[tuple[str, str], list[Change]] = {}
    for change in changes.of_kind("target"):
        key = (change.node or "", change.indicator or "")
        if key in redefined:
            continue
        old = before.get(key)
        if old is None:
            continue
        if change.new is None and _numbers(change.old):
            # A target no longer written binds no one: the easiest change of all.
            eased.setdefault(key, []).append(change)
        elif _numbers(change.old, change.new) and (
            (old.polarity == "higher" and change.new < change.old)
            or (old.polarity == "lower" and change.new > change.old)
        ):
            eased.setdefault(key, []).append(change)
    for (node_id, ind_id), found_changes in eased.items():
        at = index.get(node_id)
        if at is None:
            continue
        now = next((i for i in nodes[at].indicators if i.id == ind_id), None)
        old = before[(node_id, ind_id)]
        if now is None or ((now.notes or "").strip() and now.notes != old.notes):
            continue
        yield Finding(
            node_id,
            {
                "name": now.name,
                "changes": "; ".join(
                    f"{c.year} {display(c.old)} → "
                    + ("dihapus" if c.new is None else display(c.new))
                    for c in found_changes
                ),
                "changes_en": "; ".join(
                    f"{c.year} {display(c.old, 'en')} → "
                    + ("removed" if c.new is None else display(c.new, "en"))
                    for c in found_changes
                ),
            },
            field="indicators",
            indicator=ind_id,
            node_index=at,
        )


def _numbers(*values: object) -> bool:
    return all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)
