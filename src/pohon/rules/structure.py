"""Structure rules (PK1xx): the shape of the cascade."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterator

from pohon.rules.engine import Context, Finding, rule


@rule(
    "PK101",
    "duplicate-node-id",
    family="structure",
    severity="error",
    title="Id node ganda",
    title_en="Duplicate node id",
    message={
        "default": (
            "Id node {id} dipakai lagi di sini ({count} kali di rencana ini)",
            "Node id {id} is used again here ({count} times in this plan)",
        ),
        "elsewhere": (
            "Id node {id} dipakai lagi di sini ({count} kali di rencana ini); node pertama "
            "dengan id ini ada di {first}",
            "Node id {id} is used again here ({count} times in this plan); the first node "
            "with this id is at {first}",
        ),
    },
    hint="Beri setiap node id yang unik; tautan parents merujuk ke node pertama.",
    hint_en="Give every node a unique id; parent links resolve to the first one.",
)
def duplicate_node_id(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Dua node atau lebih memakai id yang sama.

    Mengapa:
    Id adalah alamat node: tautan ``parents`` dan aplikasi lain merujuk ke node lewat id.
    Dengan id ganda, tautan menunjuk ke node yang salah dan capaian tercampur.

    Contoh:
    ``- id: P-1`` pada program Dinkes dan ``- id: P-1`` lagi pada program Dinsos.

    Perbaikan:
    Ganti id node yang kedua, misalnya ``P-DINSOS-1``, dan perbarui ``parents`` yang merujuknya.
    """
    if len(ctx.graph.index) == len(ctx.plan.nodes):
        return  # the index holds each distinct id once: no id is used twice
    counts = Counter(node.id for node in ctx.plan.nodes)
    first: dict[str, int] = {}
    for i, node in ctx.nodes():
        if counts[node.id] > 1:
            if node.id in first:
                # In a plan of several files the first one may be in another file: say where.
                place = _place_of(ctx, first[node.id])
                yield Finding(
                    node.id,
                    {"count": counts[node.id], **({"first": place} if place else {})},
                    field="id",
                    node_index=i,
                    variant="elsewhere" if place else "default",
                )
            else:
                first[node.id] = i


def _place_of(ctx: Context, index: int) -> str | None:
    """``file:line`` (or ``file!sheet!cell``) of node ``index``, where the plan has a source."""
    source = ctx.plan.source
    if source is None:
        return None
    if callable(getattr(source, "location", None)):
        return str(source.location(index, field="id")) or None
    line = source.line_of(index)
    if line is None:
        return None
    return f"{source.file or ''}:{line}" if source.file else f"baris {line}"


@rule(
    "PK102",
    "unknown-parent",
    family="structure",
    severity="error",
    title="Induk tidak ditemukan",
    title_en="Unknown parent",
    message="{node} merujuk induk {parent} yang tidak ada di rencana",
    message_en="{node} names parent {parent}, which is not in the plan",
    hint="Periksa ejaan id induk, atau tambahkan node {parent}.",
    hint_en="Check the spelling of the parent id, or add node {parent}.",
)
def unknown_parent(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Sebuah id di ``parents`` tidak cocok dengan node mana pun.

    Mengapa:
    Tautan yang menggantung memutus cascading: kinerja node ini tidak tersambung ke sasaran
    di atasnya, dan evaluator menilai pohon kinerja tidak logis.

    Contoh:
    ``parents: [S-DINKES-9]`` padahal sasaran itu bernama ``SO-DINKES-1``.

    Perbaikan:
    Betulkan id induk, atau tambahkan node induknya. Dalam rencana satu OPD (Renstra saja),
    induk RPJMD yang tidak ada di berkas disebut sekali oleh PK117, bukan di sini.
    """
    links = ctx.links
    nodes = ctx.plan.nodes
    rpjmd = ctx.rpjmd_links  # links to the RPJMD of an OPD-only plan: PK117 names them
    for k, parent in enumerate(links.parent):
        if parent is None and k not in rpjmd:
            i = links.child[k]
            parent_id = links.id[k]
            yield Finding(
                nodes[i].id,
                {"parent": parent_id},
                field="parents",
                related=(parent_id,),
                node_index=i,
            )


@rule(
    "PK103",
    "cascade-cycle",
    family="structure",
    severity="error",
    title="Cascading berputar",
    title_en="Cascade cycle",
    message="{node} ada di lingkaran cascading: {cycle}",
    message_en="{node} is in a cascade cycle: {cycle}",
    hint="Sebuah node tidak boleh menjadi induk bagi leluhurnya sendiri; putuskan salah satu tautan.",
    hint_en="A node cannot be the parent of its own ancestor; break one of the links.",
)
def cascade_cycle(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Mengikuti tautan induk dari sebuah node kembali ke node itu sendiri.

    Mengapa:
    Pohon kinerja adalah rantai sebab-akibat dari atas ke bawah; lingkaran membuat hasil
    menjadi penyebab dirinya sendiri, dan capaian tidak bisa dijumlahkan ke atas.

    Contoh:
    Kegiatan ``K1`` berinduk program ``P1``, dan ``P1`` berinduk ``K1``.

    Perbaikan:
    Hapus tautan yang terbalik sehingga setiap tautan menunjuk ke level yang lebih tinggi.
    """
    if _all_links_go_down(ctx):
        return
    for cycle in ctx.graph.cycles():
        first = cycle[0]
        yield Finding(
            first,
            {"cycle": " → ".join([*cycle, first])},
            field="parents",
            related=tuple(cycle[1:]),
        )


def _all_links_go_down(ctx: Context) -> bool:
    """Whether every link points to a parent at an earlier level of the scheme.

    Then levels only go down along the cascade, so no path can come back to where it
    started: there is no cycle, and the graph walk for cycles can be skipped.
    """
    ranks = ctx.ranks
    level = ctx.columns.level
    links = ctx.links
    for i, parent in zip(links.child, links.parent, strict=True):
        if parent is None:
            continue
        parent_rank = ranks.get(level[parent])
        rank = ranks.get(level[i])
        if parent_rank is None or rank is None or parent_rank >= rank:
            return False
    return True


@rule(
    "PK104",
    "wrong-parent-level",
    family="structure",
    severity="error",
    title="Level induk salah",
    title_en="Wrong parent level",
    message={
        "default": (
            "{node} berinduk {parent}; skema hanya mengizinkan induk {allowed}",
            "{node} has parent {parent}; the scheme allows only {allowed}",
        ),
        "root": (
            "{node} adalah level akar dan tidak boleh berinduk ({parent})",
            "{node} is the root level and cannot have a parent ({parent})",
        ),
    },
    hint="Tautkan {node} ke node level {allowed}, atau betulkan level-nya.",
    hint_en="Link {node} to a node at level {allowed}, or correct its level.",
)
def wrong_parent_level(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Level induk sebuah node tidak termasuk level induk yang diizinkan skema.

    Mengapa:
    Cascading menurunkan kinerja selangkah demi selangkah: sasaran ke program, program ke
    kegiatan. Melompati level (sub kegiatan langsung di bawah program) atau membalik urutan
    menyembunyikan siapa yang bertanggung jawab atas hasil antara.

    Contoh:
    Sub kegiatan ``1.02.02.2.01.0006`` dengan ``parents: [P-DINKES-1.02.02]`` (sebuah program).

    Perbaikan:
    Tautkan ke kegiatan ``1.02.02.2.01`` di antaranya, atau betulkan ``level`` node.
    """
    specs = ctx.specs
    level = ctx.columns.level
    links = ctx.links
    for k, (i, parent) in enumerate(zip(links.child, links.parent, strict=True)):
        if parent is None:
            continue
        allowed = specs[level[i]].parents
        if level[parent] not in allowed:
            parent_id = links.id[k]
            yield Finding(
                ctx.plan.nodes[i].id,
                {
                    "level": level[i],
                    "parent": parent_id,
                    "parent_level": level[parent],
                    "allowed": allowed,
                },
                field="parents",
                related=(parent_id,),
                variant="default" if allowed else "root",
                node_index=i,
            )


@rule(
    "PK105",
    "orphan-node",
    family="structure",
    severity="error",
    title="Node yatim",
    title_en="Orphan node",
    message="{node} tidak punya induk, padahal level {top} ada di rencana ini",
    message_en="{node} has no parent, yet the plan has nodes at level {top}",
    hint="Tautkan {node} ke induk yang hasilnya ia dukung (level {allowed}).",
    hint_en="Link {node} to the parent whose result it supports (level {allowed}).",
)
def orphan_node(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Node di bawah level tertinggi yang ada di rencana, tetapi tanpa induk.

    Mengapa:
    Node tanpa induk tidak menyumbang ke tujuan mana pun: anggarannya tidak bisa
    dipertanggungjawabkan pada sasaran daerah. Rencana satu OPD (Renstra) boleh berakar di
    tujuan PD; yang dihitung yatim hanya node di bawah level tertinggi yang ada.

    Contoh:
    Kegiatan ``K-DLH-2.11.03.2.01`` tanpa ``parents`` dalam rencana yang memuat program.

    Perbaikan:
    Isi ``parents`` dengan program (atau induk lain yang diizinkan skema).
    """
    cols = ctx.columns
    if not cols.level:
        return
    ranks = ctx.ranks
    top = min(ranks[level] for level in cols.positions)
    top_level = ctx.scheme.level_ids[top]
    for i, (level, parents) in enumerate(zip(cols.level, cols.parent_count, strict=True)):
        if not parents and ranks[level] > top:
            yield Finding(
                cols.id[i],
                {"level": level, "top": top_level, "allowed": ctx.specs[level].parents},
                field="parents",
                node_index=i,
            )


@rule(
    "PK106",
    "unknown-opd",
    family="structure",
    severity="error",
    title="OPD tidak terdaftar",
    title_en="Unknown OPD",
    message="{node} milik OPD {opd} yang tidak ada di daftar opds",
    message_en="{node} belongs to OPD {opd}, which is not in the opds list",
    hint="Tambahkan {opd} ke opds (id, nama, kode unit) atau betulkan ejaannya.",
    hint_en="Add {opd} to opds (id, name, unit kode) or correct its spelling.",
)
def unknown_opd(ctx: Context) -> Iterator[Finding]:
    """Apa:
    ``opd`` sebuah node tidak cocok dengan id di daftar ``opds``.

    Mengapa:
    Kepemilikan menentukan siapa menandatangani Perjanjian Kinerja atas hasil itu. OPD yang
    tidak terdaftar berarti hasil tanpa pemilik yang sah.

    Contoh:
    ``opd: dinkes`` sementara daftar ``opds`` hanya memuat ``dinas-kesehatan``.

    Perbaikan:
    Samakan id OPD di node dan di ``opds``.
    """
    known = ctx.opd_ids
    cols = ctx.columns
    for i, (opd, declarations) in enumerate(zip(cols.opd, cols.crosscutting, strict=True)):
        if opd is not None and opd not in known:
            yield Finding(cols.id[i], {"opd": opd}, field="opd", node_index=i)
        for decl in declarations:
            if decl.opd is not None and decl.opd not in known:
                yield Finding(cols.id[i], {"opd": decl.opd}, field="crosscutting", node_index=i)


@rule(
    "PK107",
    "missing-opd",
    family="structure",
    severity="warning",
    title="Pemilik OPD kosong",
    title_en="Missing owner OPD",
    message={
        "default": (
            "{node} belum punya OPD pemilik",
            "{node} has no owner OPD",
        ),
        "pemda": (
            "{node} adalah level Pemda tetapi diberi OPD {opd}",
            "{node} is a Pemda level but names OPD {opd}",
        ),
    },
    hint="Level {level} dimiliki oleh {owner}; isi atau hapus 'opd' sesuai skema.",
    hint_en="Level {level} is owned by {owner}; set or remove 'opd' as the scheme says.",
)
def missing_opd(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Node di level milik OPD tanpa ``opd``, atau node level Pemda yang diberi ``opd``.

    Mengapa:
    Setiap hasil di level OPD harus punya pemilik yang menandatanganinya di Perjanjian Kinerja;
    sasaran daerah milik kepala daerah, dan OPD pendukungnya dinyatakan lewat cascading atau
    crosscutting, bukan lewat ``opd``.

    Contoh:
    Program ``1.02.02`` tanpa ``opd``.

    Perbaikan:
    Isi ``opd`` dengan id OPD pemilik (atau hapus dari node level Pemda).
    """
    owners = {level: spec.owner for level, spec in ctx.specs.items()}
    cols = ctx.columns
    for i, (level, opd) in enumerate(zip(cols.level, cols.opd, strict=True)):
        owner = owners[level]
        if owner == "opd" and opd is None:
            yield Finding(
                cols.id[i],
                {"level": level, "owner": "OPD", "opd": None},
                field="opd",
                node_index=i,
            )
        elif owner == "pemda" and opd is not None:
            yield Finding(
                cols.id[i],
                {"level": level, "owner": "Pemda", "opd": opd},
                field="opd",
                variant="pemda",
                node_index=i,
            )


@rule(
    "PK108",
    "not-cascaded",
    family="structure",
    severity="warning",
    title="Belum diturunkan",
    title_en="Not cascaded",
    message="{node} belum diturunkan: tidak ada {child_levels} di bawahnya",
    message_en="{node} is not cascaded: no {child_levels} below it",
    hint="Turunkan {node} ke level di bawahnya, atau hapus bila tidak lagi dipakai.",
    hint_en="Cascade {node} to the level below, or remove it if it is no longer used.",
)
def not_cascaded(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Node tanpa anak, padahal levelnya punya level bawahan milik pemilik yang sama dan
    rencana ini memuat node di level bawahan itu.

    Mengapa:
    Program tanpa kegiatan, atau misi tanpa tujuan, tidak punya jalan untuk dicapai: tidak
    ada anggaran dan keluaran yang mendukungnya. Batas Pemda → OPD (sasaran daerah tanpa OPD
    pendukung) diperiksa aturan crosscutting, bukan aturan ini.

    Contoh:
    Program ``P-DINKES-1.02.03`` tanpa kegiatan, dalam rencana yang memuat kegiatan.

    Perbaikan:
    Tambahkan kegiatan di bawah program itu, atau hapus program yang tidak dijalankan.
    """
    scheme = ctx.scheme
    cols = ctx.columns
    present = set(cols.positions)
    owners = {level.id: level.owner for level in scheme.levels}
    below_of = {
        level: tuple(
            child
            for child in scheme.children_of(level)
            if owners[child] == owners[level] and child in present
        )
        for level in present
    }
    # A node has children when some link reaches it (links reach the first node of an id).
    reached = set(ctx.links.parent)
    for i, level in enumerate(cols.level):
        below = below_of[level]
        if below and cols.first[i] not in reached:
            yield Finding(
                cols.id[i],
                {"level": level, "child_levels": below},
                node_index=i,
            )


@rule(
    "PK109",
    "duplicate-indicator-id",
    family="structure",
    severity="error",
    title="Id indikator ganda",
    title_en="Duplicate indicator id",
    message="Id indikator {indicator} dipakai lagi di {node} (pertama di {first})",
    message_en="Indicator id {indicator} is used again in {node} (first in {first})",
    hint="Beri setiap indikator id yang unik di seluruh rencana, misalnya {id}.I2.",
    hint_en="Give every indicator a plan-wide unique id, e.g. {node}.I2.",
)
def duplicate_indicator_id(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Dua indikator memakai id yang sama di rencana ini.

    Mengapa:
    Realisasi dan capaian dicatat per id indikator; id ganda membuat realisasi satu
    indikator tercatat pada indikator lain.

    Contoh:
    Dua indikator ``I1`` pada dua sasaran berbeda.

    Perbaikan:
    Pakai id yang diawali id node, misalnya ``S1.I1`` dan ``S2.I1``.
    """
    t = ctx.indicators
    ids = [ind.id for ind in t.indicator]
    if len(set(ids)) == len(ids):
        return  # every indicator id is used once
    first: dict[str, str] = {}
    for k, ind_id in enumerate(ids):
        i, node, _ = t.row(k)
        if ind_id in first:
            yield Finding(
                node.id,
                {"first": first[ind_id]},
                indicator=ind_id,
                field="id",
                related=(first[ind_id],) if first[ind_id] != node.id else (),
                node_index=i,
            )
        else:
            first[ind_id] = node.id


@rule(
    "PK110",
    "duplicate-parent",
    family="structure",
    severity="warning",
    title="Induk disebut dua kali",
    title_en="Parent listed twice",
    message="{node} menyebut induk {parent} lebih dari sekali",
    message_en="{node} lists parent {parent} more than once",
    hint="Sebut setiap induk sekali saja; bobot kontribusi ditulis {{id: ..., weight: ...}}.",
    hint_en="List each parent once; a contribution weight is written {{id: ..., weight: ...}}.",
)
def duplicate_parent(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Id yang sama muncul dua kali di ``parents`` sebuah node.

    Mengapa:
    Tautan ganda menggandakan kontribusi node itu saat capaian dan pagu dijumlahkan ke atas.

    Contoh:
    ``parents: [SO-DINKES-1, SO-DINKES-1]``.

    Perbaikan:
    Hapus salah satunya.
    """
    nodes = ctx.plan.nodes
    for i, parents in enumerate(ctx.columns.parent_count):
        if parents < 2:
            continue
        node = nodes[i]
        counts = Counter(node.parent_ids)
        for parent, count in counts.items():
            if count > 1:
                yield Finding(node.id, {"parent": parent}, field="parents", node_index=i)


@rule(
    "PK111",
    "parent-weights",
    family="structure",
    severity="warning",
    title="Bobot kontribusi tidak genap",
    title_en="Contribution weights do not add up",
    message={
        "sum": (
            "Bobot kontribusi {node} ke induk-induknya berjumlah {total}, bukan 1 (atau 100%)",
            "The contribution weights of {node} to its parents add up to {total}, not 1 (or 100%)",
        ),
        "partial": (
            "Hanya sebagian tautan induk {node} yang diberi bobot ({weighted} dari {parents})",
            "Only some parent links of {node} carry a weight ({weighted} of {parents})",
        ),
    },
    hint="Beri bobot pada setiap tautan induk {node} sehingga berjumlah 1 (atau semuanya dalam "
    "persen, berjumlah 100), atau hapus semua bobotnya.",
    hint_en="Weight every parent link of {node} so they add up to 1 (or all in percent, adding "
    "up to 100), or remove all its weights.",
)
def parent_weights(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Bobot (``weight``) pada tautan induk sebuah node membagi kontribusi node itu (capaian dan
    pagunya) di antara induk-induknya. Aturan ini melapor bila hanya sebagian tautan diberi
    bobot, atau bobotnya tidak berjumlah 1 (atau 100 bila ditulis dalam persen).

    Mengapa:
    Program keroyokan yang mendukung dua sasaran dihitung dua kali bila kontribusinya tidak
    dibagi; bobot yang tidak genap membuat pagu dan capaian yang dihitung ke atas lebih besar
    atau lebih kecil dari yang sebenarnya dianggarkan.

    Contoh:
    ``parents: [{id: SO-DINSOS-1, weight: 0.7}, {id: SO-DINKES-1, weight: 0.5}]`` (jumlah 1,2).

    Perbaikan:
    Sesuaikan bobotnya sehingga berjumlah 1, misalnya 0.7 dan 0.3.
    """
    links = ctx.links
    nodes = ctx.plan.nodes
    weighted = zip(links.child, links.weight, strict=True)
    for i in dict.fromkeys(i for i, weight in weighted if weight is not None):
        node = nodes[i]
        given = [float(p.weight) for p in node.parents if p.weight is not None]
        if len(given) < len(node.parents):
            yield Finding(
                node.id,
                {"weighted": len(given), "parents": len(node.parents)},
                field="parents",
                variant="partial",
                node_index=i,
            )
            continue
        total = sum(given)
        if abs(total - 1) > 1e-6 and abs(total - 100) > 1e-4:
            yield Finding(
                node.id, {"total": round(total, 6)}, field="parents", variant="sum", node_index=i
            )


@rule(
    "PK112",
    "duplicate-opd-id",
    family="structure",
    severity="error",
    title="Id OPD ganda",
    title_en="Duplicate OPD id",
    message="Id OPD {opd_id} muncul {count} kali di daftar opds",
    message_en="OPD id {opd_id} appears {count} times in the opds list",
    hint="Satu OPD satu baris; gabungkan barisnya.",
    hint_en="One OPD, one entry; merge the entries.",
)
def duplicate_opd_id(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Dua baris di ``opds`` memakai id yang sama.

    Mengapa:
    Node merujuk OPD lewat id; dengan id ganda nama dan kode unit OPD menjadi tidak pasti.

    Contoh:
    ``{id: dinkes, name: Dinas Kesehatan}`` dua kali.

    Perbaikan:
    Hapus atau gabungkan baris yang ganda.
    """
    counts = Counter(opd.id for opd in ctx.plan.opds)
    for opd_id, count in sorted(counts.items()):
        if count > 1:
            yield Finding(None, {"opd_id": opd_id, "count": count}, field="opds", opd=opd_id)


@rule(
    "PK113",
    "opd-differs-from-parent",
    family="structure",
    severity="warning",
    title="OPD berbeda dengan induknya",
    title_en="OPD differs from its parent",
    message="{node} milik {opd}, tetapi induknya {parent} milik {parent_opd}",
    message_en="{node} belongs to {opd}, but its parent {parent} belongs to {parent_opd}",
    hint="Tautkan ke node OPD-nya sendiri; bila ini program keroyokan, nyatakan {opd} di "
    "'crosscutting' pada {parent}.",
    hint_en="Link it to a node of its own OPD; if this is a shared (keroyokan) programme, "
    "declare {opd} under 'crosscutting' on {parent}.",
)
def opd_differs_from_parent(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Node milik OPD yang induknya juga milik OPD, tetapi OPD yang lain.

    Mengapa:
    Program, kegiatan dan sub kegiatan adalah bagian dari Renstra satu OPD. Kegiatan OPD A di
    bawah program OPD B biasanya salah tautan, atau keroyokan yang seharusnya dinyatakan
    sebagai crosscutting.

    Contoh:
    Kegiatan milik ``dinsos`` dengan induk program milik ``dinkes``, tanpa deklarasi
    crosscutting ``{opd: dinsos}`` pada program itu.

    Perbaikan:
    Tautkan ke program OPD-nya sendiri. Bila memang keroyokan, nyatakan OPD itu di
    ``crosscutting`` induknya (status ``usulan`` atau ``disetujui``): tautan lintas OPD yang
    dinyatakan tidak dilaporkan, yang ``ditolak`` tetap dilaporkan.
    """
    cols = ctx.columns
    opd = cols.opd
    links = ctx.links
    for k, (i, parent) in enumerate(zip(links.child, links.parent, strict=True)):
        if parent is None or opd[i] is None or opd[parent] is None or opd[parent] == opd[i]:
            continue
        declared = any(
            decl.opd == opd[i] and decl.status != "ditolak" for decl in cols.crosscutting[parent]
        )
        if not declared:
            parent_id = links.id[k]
            yield Finding(
                cols.id[i],
                {
                    "level": cols.level[i],
                    "opd": opd[i],
                    "parent": parent_id,
                    "parent_opd": opd[parent],
                },
                field="opd",
                related=(parent_id,),
                node_index=i,
            )


PLACEHOLDER_NAMES: tuple[str, ...] = (
    "-",
    "--",
    ".",
    "0",
    "n/a",
    "na",
    "tbd",
    "xxx",
    "belum ada",
    "belum diisi",
    "lain-lain",
    "lainnya",
    "tidak ada",
)
"""Names that are not a result but a gap left to fill (compared after lower-casing)."""
PLACEHOLDER_PREFIXES: tuple[str, ...] = ("tidak termasuk", "belum ditentukan", "diisi ")


@rule(
    "PK114",
    "placeholder-node",
    family="structure",
    severity="warning",
    title="Node pengisi tempat",
    title_en="Placeholder node",
    message="{node}: namanya tempat kosong, bukan kondisi atau hasil",
    message_en="{node}: its name is a placeholder, not a condition or result",
    hint="Tulis kondisi yang ingin dicapai (misalnya 'Meningkatnya ...'), atau hapus node dan "
    "tautkan anak-anaknya ke induk yang sebenarnya.",
    hint_en="Write the condition to be achieved (e.g. 'Meningkatnya ...'), or remove the node "
    "and link its children to their real parent.",
)
def placeholder_node(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Nama node kosong atau hanya pengisi tempat: ``-``, ``belum ada``, ``lain-lain``,
    ``Tidak termasuk sasaran RPJMD``.

    Mengapa:
    Aplikasi e-SAKIP sering memaksa setiap program punya induk, sehingga pengguna membuat
    sasaran "penampung". Evaluator membacanya sebagai program yang tidak selaras dengan
    sasaran daerah mana pun: kinerjanya tidak menyumbang ke RPJMD.

    Contoh:
    ``- {id: S72, level: sasaran, name: Tidak termasuk sasaran RPJMD}`` dengan sasaran PD di
    bawahnya.

    Perbaikan:
    Tautkan node di bawahnya ke sasaran daerah yang benar-benar didukungnya; bila memang tidak
    ada, itu temuan perencanaan yang perlu dibahas dengan Bappeda.
    """
    # A quick first look: when a name does not start with a space, its tidied lower-case
    # text starts with its own first character lowered, so a name whose first character
    # opens no placeholder is passed over without being tidied (most names).
    openings = {text[:1] for text in (*PLACEHOLDER_NAMES, *PLACEHOLDER_PREFIXES)}
    every_name = "" in PLACEHOLDER_PREFIXES  # an empty prefix would match every name
    cols = ctx.columns
    for i, name in enumerate(cols.name):
        head = name[:1]
        if head and not head.isspace() and head.lower()[:1] not in openings and not every_name:
            continue
        text = " ".join(name.split()).lower()
        if not text or text in PLACEHOLDER_NAMES or text.startswith(PLACEHOLDER_PREFIXES):
            yield Finding(
                cols.id[i], {"level": cols.level[i], "name": name}, field="name", node_index=i
            )


NOT_JUDGED_SHOWN = 10
"""How many of the nodes set apart PK115 names in its message (all are in ``related``)."""


@rule(
    "PK115",
    "not-judged",
    family="structure",
    severity="info",
    title="Node tidak dinilai karena lingkaran cascading",
    title_en="Nodes not judged because of a cascade cycle",
    message={
        "default": (
            "{count} node tidak dinilai keselarasan (PK3xx) dan crosscutting-nya (PK4xx) "
            "karena ada di lingkaran cascading atau di bawahnya (di lingkaran {on_cycle}, "
            "di bawahnya {below}): {nodes}",
            "{count} nodes are not judged for alignment (PK3xx) and crosscutting (PK4xx) "
            "because they lie on a cascade cycle or below one (on it {on_cycle}, below "
            "{below}): {nodes}",
        ),
        "more": (
            "{count} node tidak dinilai keselarasan (PK3xx) dan crosscutting-nya (PK4xx) "
            "karena ada di lingkaran cascading atau di bawahnya (di lingkaran {on_cycle}, "
            "di bawahnya {below}): {nodes} dan {more} node lainnya",
            "{count} nodes are not judged for alignment (PK3xx) and crosscutting (PK4xx) "
            "because they lie on a cascade cycle or below one (on it {on_cycle}, below "
            "{below}): {nodes} and {more} more",
        ),
    },
    hint="Putuskan lingkaran yang dilaporkan PK103; setelah itu node ini ikut dinilai.",
    hint_en="Break the cycle reported by PK103; the nodes are judged once it is gone.",
)
def not_judged(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Sekali per rencana: node yang ada di lingkaran cascading (PK103) atau di bawahnya
    tidak dinilai aturan keselarasan (PK3xx) dan crosscutting (PK4xx), dan tidak dihitung
    dalam analisis keselarasan dan crosscutting. Temuan ada di node pertama yang
    dikesampingkan (menurut urutan berkas); semua node itu ada di ``related``, jumlahnya di
    ``values``. Sisa rencana tetap dinilai dalam pemeriksaan yang sama.

    Mengapa:
    Keselarasan dan sasaran yang dilayani diwariskan turun lewat cascading. Di lingkaran,
    warisan itu bergantung pada titik masuk yang dipilih: hasilnya tidak tentu. Daripada
    diam-diam menilai salah, atau tidak menilai rencana sama sekali, pohon menilai bagian
    yang bisa dinilai dan menyebut bagian yang tidak.

    Contoh:
    Program ``P1`` berinduk kegiatan ``K1``, dan ``K1`` berinduk ``P1``; sub kegiatan
    ``SK1`` di bawah ``K1``. Ketiganya tidak dinilai, dan PK115 menyebut ``P1``, ``K1``
    dan ``SK1``.

    Perbaikan:
    Putuskan lingkaran (lihat PK103): hapus tautan induk yang terbalik. Pada pemeriksaan
    berikutnya node itu ikut dinilai.
    """
    # Sorted by id, so the finding is the same whatever the order of the nodes in the file.
    apart = sorted(ctx.graph.set_apart())
    if not apart:
        return
    on_cycle = sum(len(cycle) for cycle in ctx.graph.cycles())
    shown = list(apart[:NOT_JUDGED_SHOWN])
    more = len(apart) - len(shown)
    yield Finding(
        apart[0],
        {
            "count": len(apart),
            "on_cycle": on_cycle,
            "below": len(apart) - on_cycle,
            "nodes": shown,
            "more": more,
        },
        field="parents",
        related=tuple(apart[1:]),
        variant="more" if more else "default",
        node_index=ctx.graph.index[apart[0]],
    )


@rule(
    "PK116",
    "look-alike-node-id",
    family="structure",
    severity="warning",
    title="Id node yang hanya beda huruf besar atau bentuk Unicode",
    title_en="Node ids that differ only in case or Unicode form",
    message="Id node {id} sama dengan {other_id} bila huruf besar-kecil dan bentuk Unicode "
    "diabaikan: dua node yang bagi pembaca tampak satu",
    message_en="Node id {id} equals {other_id} once case and Unicode form are ignored: two "
    "nodes that a reader takes for one",
    hint="Pakai satu ejaan yang sama bila maksudnya satu node, atau beri id yang jelas berbeda.",
    hint_en="Write one spelling if one node is meant, or give clearly different ids.",
)
def look_alike_node_id(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Dua id node berbeda hanya pada huruf besar-kecil (``P-1`` dan ``p-1``) atau pada bentuk
    Unicode (``Café`` ditulis dengan é satu karakter, dan dengan e plus tanda aksen).

    Mengapa:
    Di layar keduanya tampak sama, dan Excel atau basis data aplikasi e-SAKIP sering
    menganggapnya sama; pohon membacanya sebagai dua node, sehingga tautan ``parents`` bisa
    menunjuk node yang tidak dimaksud tanpa terlihat.

    Contoh:
    ``- id: SO-Dinkes-1`` dan ``- id: SO-DINKES-1`` dalam satu rencana.

    Perbaikan:
    Samakan ejaan id bila maksudnya satu node, atau beri id yang jelas berbeda.
    """
    first: dict[str, str] = {}
    for i, node_id in enumerate(ctx.columns.id):
        if node_id.isascii() and node_id == node_id.lower():
            key = node_id
        else:
            key = unicodedata.normalize("NFC", node_id).casefold()
        seen = first.setdefault(key, node_id)
        if seen != node_id:
            yield Finding(node_id, {"other_id": seen}, field="id", node_index=i, related=(seen,))
