"""Crosscutting rules (PK4xx): who serves each Pemda sasaran, and the gaps between OPDs.

Every rule reads :func:`pohon.analysis.crosscutting` (one pass down and one pass up the
cascade, made once per check by the context), so the family stays linear in the plan.
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.analysis.crosscutting import Duplicate
from pohon.rules.engine import Context, Finding, rule


def _has_opd_nodes(ctx: Context) -> bool:
    """Whether the plan holds any node at an OPD level: an RPJMD file without the Renstra
    of any OPD has no cascade to OPDs to check."""
    specs = ctx.specs
    for node in ctx.plan.nodes:
        spec = specs.get(node.level)
        if spec is not None and spec.owner == "opd":
            return True
    return False


@rule(
    "PK401",
    "sasaran-without-opd",
    family="crosscutting",
    severity="error",
    title="Sasaran tanpa OPD penyumbang",
    title_en="Sasaran without a contributing OPD",
    message="{node} tidak didukung OPD mana pun: tidak ada tujuan atau "
    "sasaran OPD, program atau kegiatan di bawahnya",
    message_en="{node} is served by no OPD: no OPD tujuan or sasaran, "
    "program or kegiatan hangs below it",
    hint="Tautkan tujuan atau sasaran OPD yang mewujudkan {node} dengan parents: [{id}]; "
    "bila belum ada OPD yang menanganinya, sepakati penanggung jawabnya di forum perangkat "
    "daerah.",
    hint_en="Link the OPD tujuan or sasaran that delivers {node} with parents: [{id}]; if "
    "no OPD handles it yet, agree on who owns it in the perangkat daerah forum.",
)
def sasaran_without_opd(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Sebuah sasaran Pemda (node di level Pemda terendah yang ada di rencana, di skema kota:
    ``sasaran``) tidak punya satu pun node milik OPD di bawahnya. Diperiksa hanya bila
    rencana memuat node OPD: berkas RPJMD tanpa Renstra perangkat daerah tidak diperiksa.
    Node di lingkaran cascading atau di bawahnya (PK103) dikesampingkan (PK115); sisa
    rencana tetap diperiksa.

    Mengapa:
    Sasaran RPJMD hanya tercapai lewat Renstra perangkat daerah. Sasaran tanpa OPD
    penyumbang tidak punya program, anggaran maupun penanggung jawab: evaluator SAKIP
    menilai cascading-nya putus.

    Contoh:
    Sasaran ``S9`` "Meningkatnya nilai tambah industri pengolahan" tidak menjadi induk
    tujuan atau sasaran OPD mana pun, padahal Diskopukmperindag menangani perindustrian.

    Perbaikan:
    Tambahkan ``S9`` ke ``parents`` tujuan atau sasaran Diskopukmperindag yang
    mewujudkannya, atau susun sasaran OPD baru di bawahnya.
    """
    result = ctx.crosscutting
    if not result.orphan_sasaran or not _has_opd_nodes(ctx):
        return
    index = ctx.graph.index
    for node_id in result.orphan_sasaran:
        yield Finding(
            node_id,
            {"level": result.sasaran_level, "name": result.names.get(node_id, "")},
            node_index=index[node_id],
        )


@rule(
    "PK402",
    "crosscutting-opd-absent",
    family="crosscutting",
    severity="error",
    title="OPD crosscutting tidak hadir",
    title_en="Crosscutting OPD absent",
    message={
        "default": (
            "{opd} dinyatakan crosscutting pada {node} ({note}), tetapi tidak punya "
            "node di bawahnya",
            "{opd} is declared crosscutting on {node} ({note}), but owns no node below it",
        ),
        "usulan": (
            "{opd} diusulkan crosscutting pada {node} ({note}), tetapi belum punya "
            "node di bawahnya",
            "{opd} is proposed as crosscutting on {node} ({note}), but owns no node below it yet",
        ),
        "default-no-note": (
            "{opd} dinyatakan crosscutting pada {node}, tetapi tidak punya node di bawahnya",
            "{opd} is declared crosscutting on {node}, but owns no node below it",
        ),
        "usulan-no-note": (
            "{opd} diusulkan crosscutting pada {node}, tetapi belum punya node di bawahnya",
            "{opd} is proposed as crosscutting on {node}, but owns no node below it yet",
        ),
    },
    hint="Minta {opd} menautkan program, kegiatan atau sasaran OPD-nya ke {node} "
    "(parents: [{id}]), atau cabut deklarasinya bila {opd} memang tidak ikut.",
    hint_en="Ask {opd} to link its program, kegiatan or OPD sasaran to {node} "
    "(parents: [{id}]), or withdraw the declaration if {opd} does not take part.",
)
def crosscutting_opd_absent(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Sebuah node menyatakan OPD lain crosscutting (status ``usulan`` atau ``disetujui``),
    tetapi OPD itu tidak memiliki satu pun node di bawah node tersebut. Deklarasi yang
    ``ditolak`` dilaporkan PK404, pihak luar (``agency``) tidak diperiksa di sini.
    Node di lingkaran cascading atau di bawahnya (PK103) dikesampingkan (PK115); sisa
    rencana tetap diperiksa.

    Mengapa:
    Program keroyokan hanya nyata bila setiap OPD yang dinyatakan ikut menaruh program atau
    kegiatannya di bawah hasil bersama itu. Deklarasi tanpa node adalah janji kerja sama di
    atas kertas: hasil tidak tercapai, dan tidak ada anggaran di belakangnya.

    Contoh:
    Sasaran Dinkes ``SO-DINKES-1`` (penurunan stunting) menyatakan dinsos, dkpp dan perkim
    crosscutting; dinsos dan dkpp menaruh programnya di bawahnya, perkim (sanitasi layak dan
    air minum) tidak punya node di sana.

    Perbaikan:
    Perkim menautkan kegiatan sanitasi atau air minumnya ke ``SO-DINKES-1``
    (``parents: [SO-PERKIM-1, SO-DINKES-1]``), atau deklarasinya dicabut.
    """
    result = ctx.crosscutting
    index = ctx.graph.index
    nodes = ctx.plan.nodes
    for gap in result.declaration_gaps:
        if gap.problem != "absent":
            continue
        i = index[gap.node]
        yield Finding(
            gap.node,
            {
                "opd": gap.party,
                "status": gap.status,
                "note": gap.note,
                "level": nodes[i].level,
            },
            field="crosscutting",
            variant=("usulan" if gap.status == "usulan" else "default")
            + ("" if gap.note else "-no-note"),
            node_index=i,
        )


def _declaration_findings(ctx: Context, problem: str) -> Iterator[Finding]:
    """One finding per declaration gap of this kind (usulan or ditolak), at its node."""
    index = ctx.graph.index
    nodes = ctx.plan.nodes
    for gap in ctx.crosscutting.declaration_gaps:
        if gap.problem != problem:
            continue
        i = index[gap.node]
        yield Finding(
            gap.node,
            {
                "party": gap.party,
                "external": gap.external,
                "status": gap.status,
                "note": gap.note,
                "level": nodes[i].level,
            },
            field="crosscutting",
            variant="default" if gap.note else "no-note",
            node_index=i,
        )


@rule(
    "PK403",
    "crosscutting-pending",
    family="crosscutting",
    severity="warning",
    title="Deklarasi crosscutting masih usulan",
    title_en="Crosscutting declaration pending",
    message={
        "default": (
            "Deklarasi crosscutting {party} pada {node} ({note}) masih usulan",
            "The crosscutting declaration of {party} on {node} ({note}) is still proposed",
        ),
        "no-note": (
            "Deklarasi crosscutting {party} pada {node} masih usulan",
            "The crosscutting declaration of {party} on {node} is still proposed",
        ),
    },
    hint="Sepakati deklarasi dengan {party} (forum perangkat daerah atau Bappeda), lalu ubah "
    "status menjadi disetujui; bila tidak disepakati, tulis ditolak beserta alasannya.",
    hint_en="Agree the declaration with {party} (perangkat daerah forum or Bappeda), then set "
    "its status to disetujui; if it is not agreed, write ditolak with the reason.",
)
def crosscutting_pending(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Deklarasi crosscutting pada sebuah node masih berstatus ``usulan`` (juga status bawaan
    bila ``status`` tidak ditulis).

    Mengapa:
    Deklarasi yang belum disepakati belum mengikat OPD atau lembaga yang disebut: belum
    masuk Renstra dan Perjanjian Kinerja-nya. Menjelang penetapan RPJMD, setiap usulan
    harus diputuskan.

    Contoh:
    Pada sasaran stunting ``SO-DINKES-1``:
    ``{opd: perkim, status: usulan, note: "sanitasi dan air minum keluarga berisiko"}``.

    Perbaikan:
    Bahas di forum perangkat daerah; tulis ``status: disetujui`` bila perkim ikut, atau
    ``status: ditolak`` dengan ``note`` alasannya.
    """
    yield from _declaration_findings(ctx, "usulan")


@rule(
    "PK404",
    "crosscutting-rejected",
    family="crosscutting",
    severity="warning",
    title="Deklarasi crosscutting ditolak",
    title_en="Crosscutting declaration rejected",
    message={
        "default": (
            "Deklarasi crosscutting {party} pada {node} ditolak: {note}",
            "The crosscutting declaration of {party} on {node} was rejected: {note}",
        ),
        "no-note": (
            "Deklarasi crosscutting {party} pada {node} ditolak, tanpa catatan alasan",
            "The crosscutting declaration of {party} on {node} was rejected, with no reason noted",
        ),
    },
    hint="Pastikan hasil {node} tetap tercapai tanpa {party}: tambahkan OPD lain atau perluas "
    "program pemiliknya, lalu hapus deklarasi yang ditolak.",
    hint_en="Make sure {node} is still achieved without {party}: add another OPD or widen "
    "the owner's programs, then remove the rejected declaration.",
)
def crosscutting_rejected(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Deklarasi crosscutting pada sebuah node berstatus ``ditolak``; catatannya ikut di
    pesan.

    Mengapa:
    Deklarasi dibuat karena hasil itu butuh lebih dari satu OPD. Bila pihak yang disebut
    menolak, bagian pekerjaannya tidak ada pemiliknya sampai diputuskan siapa yang
    mengambil alih.

    Contoh:
    Sasaran DLH ``SO-DLH-1`` (pengelolaan sampah) menyatakan dpupr crosscutting, ditolak
    dengan catatan "pengangkutan sampah bukan kewenangan DPUPR; tetap dilaksanakan DLH".

    Perbaikan:
    Pastikan DLH punya kegiatan pengangkutan sampah dengan pagu yang cukup, lalu hapus
    deklarasi dpupr dari ``crosscutting``.
    """
    yield from _declaration_findings(ctx, "ditolak")


@rule(
    "PK405",
    "opd-without-sasaran",
    family="crosscutting",
    severity="warning",
    title="OPD tanpa sasaran Pemda",
    title_en="OPD without a Pemda sasaran",
    message={
        "default": (
            "OPD {opd} tidak mendukung sasaran Pemda mana pun: node-nodenya ({count}) tidak "
            "tersambung ke {level} mana pun",
            "OPD {opd} serves no Pemda objective: its nodes ({count}) lead up to no {level}",
        ),
        "no-nodes": (
            "OPD {opd} tidak mendukung sasaran Pemda mana pun: belum punya node sama sekali",
            "OPD {opd} serves no Pemda objective: it owns no node at all",
        ),
    },
    hint="Tautkan tujuan atau sasaran {opd} ke {level} RPJMD yang didukungnya "
    "(parents: [S...]); OPD tanpa sasaran Pemda tidak punya dasar cascading.",
    hint_en="Link the tujuan or sasaran of {opd} to the RPJMD {level} it serves "
    "(parents: [S...]); an OPD serving no Pemda objective has no cascading basis.",
)
def opd_without_sasaran(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Sebuah OPD (di ``opds`` atau pemilik node) tidak menyumbang ke sasaran Pemda mana pun:
    tidak satu pun node-nya berada di bawah sasaran RPJMD. Diperiksa hanya bila rencana
    memuat sasaran Pemda dan node OPD (Renstra satu OPD saja, atau RPJMD tanpa Renstra,
    tidak diperiksa). Temuan tingkat rencana yang menunjuk baris OPD di ``opds``.
    Node di lingkaran cascading atau di bawahnya (PK103) dikesampingkan (PK115); sisa
    rencana tetap diperiksa.

    Mengapa:
    Setiap perangkat daerah ada untuk mewujudkan sasaran kepala daerah. OPD yang tidak
    tersambung ke sasaran RPJMD menjalankan program yang kinerjanya tidak bisa dibaca di
    tingkat kota, dan evaluator menilai cascading-nya tidak selaras.

    Contoh:
    Diskominfo mencantumkan tujuan ``TO-DISKOMINFO-1`` tanpa ``parents``, sehingga
    seluruh program SPBE-nya tidak tersambung ke sasaran tata kelola digital ``S11``.

    Perbaikan:
    Tulis ``parents: [S11]`` pada ``TO-DISKOMINFO-1``.
    """
    result = ctx.crosscutting
    if not result.idle_opds or not _has_opd_nodes(ctx):
        return
    owned: dict[str, int] = {}
    for node in ctx.plan.nodes:
        if node.opd is not None:
            owned[node.opd] = owned.get(node.opd, 0) + 1
    for opd_id in result.idle_opds:
        count = owned.get(opd_id, 0)
        yield Finding(
            None,
            {"opd": opd_id, "count": count, "level": result.sasaran_level},
            opd=opd_id,
            variant="default" if count else "no-nodes",
        )


def _top_duplicates(
    ctx: Context, duplicates: tuple[Duplicate, ...]
) -> list[tuple[Duplicate, list[Duplicate]]]:
    """The duplicates to report, each with the duplicates nested below it.

    A duplicate is nested when its second node hangs under the second node of another
    duplicate whose first node is a parent of its own first node: the kegiatan of a
    duplicated program repeat because the program does. Climbing stops at a node already
    seen, and goes up at most one step per level, so the pass stays linear.
    """
    if not duplicates:
        return []
    graph = ctx.graph
    by_second = {d.second: d for d in duplicates}
    top_of: dict[str, str] = {}

    def find_top(d: Duplicate) -> str:
        seen: set[str] = set()
        current = d
        while current.second not in seen:
            seen.add(current.second)
            known = top_of.get(current.second)
            if known is not None:
                return known
            first_parents = set(graph.parents(current.first))
            above = next(
                (
                    by_second[p]
                    for p in graph.parents(current.second)
                    if p in by_second and by_second[p].first in first_parents
                ),
                None,
            )
            if above is None:
                return current.second
            current = above
        return current.second

    nested: dict[str, list[Duplicate]] = {}
    for d in duplicates:
        top = find_top(d)
        top_of[d.second] = top
        if top != d.second:
            nested.setdefault(top, []).append(d)
    return [(d, nested.get(d.second, [])) for d in duplicates if top_of[d.second] == d.second]


def _urusan_of_opds(ctx: Context) -> dict[str, frozenset[str]]:
    """OPD id → the bidang urusan in its unit kode: ``2.17.3.30.3.31.01.0000`` →
    ``{2.17, 3.30, 3.31}`` (a ``0.00`` pair is no urusan)."""
    out: dict[str, frozenset[str]] = {}
    for opd in ctx.plan.opds:
        parts = (opd.kode or "").strip().split(".")
        if len(parts) < 6:
            continue
        out[opd.id] = frozenset(
            f"{parts[k]}.{parts[k + 1]}"
            for k in (0, 2, 4)
            if parts[k].strip("0") and parts[k + 1].strip("0")
        )
    return out


def _duplicate_finding(
    d: Duplicate, nested: list[Duplicate], urusan_of: dict[str, frozenset[str]]
) -> Finding:
    """The finding of a duplicate, at its second node; for a kode duplicate where exactly
    one of the two OPDs holds the kode's bidang urusan (by its unit kode), at the node of
    the other OPD, the one using a kode outside its urusan."""
    node, opd, other, other_opd = d.second, d.second_opd, d.first, d.first_opd
    urusan = ".".join((d.kode or "").split(".")[:2]) if d.kind == "kode" else ""
    owner = None
    if urusan:
        holders = [o for o in (d.first_opd, d.second_opd) if urusan in urusan_of.get(o, ())]
        if len(holders) == 1:
            owner = holders[0]
            if owner == d.second_opd:
                node, opd, other, other_opd = d.first, d.first_opd, d.second, d.second_opd
    below = [n.second if node == d.second else n.first for n in nested]
    values = {
        "first": d.first,
        "second": d.second,
        "other": other,
        "other_opd": other_opd,
        "opd": opd,
        "level": d.level,
        "kode": d.kode,
        "urusan": urusan or None,
        "owner": owner,
        "similarity": d.similarity,
        "nested": below,
        "nested_count": len(below),
    }
    variant = "owner" if owner is not None else "default"
    return Finding(
        node,
        values,
        field="kode" if d.kind == "kode" else "name",
        related=(other, *below),
        variant=variant + ("-nested" if below else ""),
    )


@rule(
    "PK406",
    "duplicate-kode-across-opds",
    family="crosscutting",
    severity="warning",
    title="Kode sama di dua OPD",
    title_en="Same kode in two OPDs",
    message={
        "default": (
            "{node} milik {opd} memakai kode {kode}, sama dengan {other} milik {other_opd}",
            "{node} of {opd} uses kode {kode}, as does {other} of {other_opd}",
        ),
        "default-nested": (
            "{node} milik {opd} memakai kode {kode}, sama dengan {other} milik "
            "{other_opd}; node di bawahnya ikut kembar: {nested}",
            "{node} of {opd} uses kode {kode}, as does {other} of {other_opd}; "
            "the nodes below it repeat too: {nested}",
        ),
        "owner": (
            "{node} milik {opd} memakai kode {kode}, sama dengan {other} milik "
            "{other_opd}, padahal urusan {urusan} ada pada {other_opd}",
            "{node} of {opd} uses kode {kode}, as does {other} of {other_opd}, though "
            "urusan {urusan} belongs to {other_opd}",
        ),
        "owner-nested": (
            "{node} milik {opd} memakai kode {kode}, sama dengan {other} milik "
            "{other_opd}, padahal urusan {urusan} ada pada {other_opd}; node di "
            "bawahnya ikut kembar: {nested}",
            "{node} of {opd} uses kode {kode}, as does {other} of {other_opd}, though "
            "urusan {urusan} belongs to {other_opd}; the nodes below it "
            "repeat too: {nested}",
        ),
    },
    hint="Satu kode nomenklatur dilaksanakan satu OPD sesuai urusannya: pindahkan {kode} ke "
    "OPD pemilik urusannya dan jadikan OPD lain penyumbang lewat crosscutting, atau pakai "
    "kode urusan OPD itu sendiri.",
    hint_en="A nomenclature kode belongs to the one OPD whose urusan it is: keep {kode} in "
    "that OPD and make the other a contributor through crosscutting, or use the kode of the "
    "other OPD's own urusan.",
)
def duplicate_kode_across_opds(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Dua OPD memakai kode program, kegiatan atau sub kegiatan yang sama, di luar program
    penunjang urusan (``U.BB.01``) yang memang dimiliki setiap OPD. Temuan di node kedua
    (menurut urutan berkas), dengan node pertama di ``related``; tetapi bila kode unit
    (``opds[].kode``) hanya salah satu dari kedua OPD memuat bidang urusan kode itu
    (``3.30`` untuk ``3.30.04``), temuan ada di node OPD yang lain, yang memakai kode di
    luar urusannya. Kegiatan dan sub kegiatan yang kembar karena programnya kembar tidak
    dilaporkan sendiri-sendiri: mereka disebut di temuan programnya.

    Mengapa:
    Kode nomenklatur (Kepmendagri 050-5889/2021) menandai urusan dan OPD pelaksananya. Kode
    yang sama di dua OPD biasanya berarti pekerjaan yang sama dianggarkan dua kali, atau
    satu OPD memakai kode urusan OPD lain: pagu terhitung ganda dan kinerja tercampur.

    Contoh:
    Program ``3.30.04`` (stabilisasi harga barang kebutuhan pokok, urusan perdagangan)
    dicantumkan Diskopukmperindag dan juga DKPP untuk operasi pasar pangan, lengkap dengan
    kegiatan ``3.30.04.2.01`` dan sub kegiatannya.

    Perbaikan:
    Program ``3.30.04`` tetap di Diskopukmperindag; DKPP menaruh operasi pasarnya di program
    urusan pangan (``2.09.xx``) dan dinyatakan crosscutting pada sasaran stabilisasi harga.
    """
    duplicates = ctx.crosscutting.duplicates
    if not duplicates:
        return
    urusan_of = _urusan_of_opds(ctx)
    for d, nested in _top_duplicates(ctx, duplicates):
        if d.kind == "kode":
            yield _duplicate_finding(d, nested, urusan_of)


@rule(
    "PK407",
    "near-duplicate-name",
    family="crosscutting",
    severity="warning",
    title="Nama hampir sama di dua OPD",
    title_en="Near-duplicate name in two OPDs",
    message={
        "default": (
            "{node} milik {opd} namanya hampir sama dengan {other} milik {other_opd} "
            "(kemiripan {similarity})",
            "{node} of {opd} is named almost like {other} of {other_opd} (similarity {similarity})",
        ),
        "default-nested": (
            "{node} milik {opd} namanya hampir sama dengan {other} milik {other_opd} "
            "(kemiripan {similarity}); node di bawahnya ikut kembar: "
            "{nested}",
            "{node} of {opd} is named almost like {other} of {other_opd} "
            "(similarity {similarity}); the nodes below it repeat too: {nested}",
        ),
    },
    hint="Periksa apakah {node} dan {other} pekerjaan yang sama: bila ya, satukan di satu OPD "
    "dan jadikan yang lain crosscutting; bila tidak, pertajam namanya agar hasilnya berbeda.",
    hint_en="Check whether {node} and {other} are the same work: if so, keep it in one OPD "
    "and make the other crosscutting; if not, sharpen the names so the results differ.",
)
def near_duplicate_name(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Program, kegiatan atau sub kegiatan dua OPD yang namanya hampir sama: kata-kata
    pentingnya (tanpa kata pembuka seperti "Meningkatnya", kata sambung dan kata umum)
    tumpang tindih 80 persen atau lebih. Temuan di node kedua, dengan node pertama di
    ``related`` dan kemiripannya (0 sampai 1) di pesan dan ``values``.

    Mengapa:
    Nama yang nyaris sama di dua OPD biasanya tanda pekerjaan ganda: dua dinas
    menganggarkan pelatihan atau pendataan yang sama untuk sasaran yang sama.

    Contoh:
    Kegiatan Dinsos "Pendataan keluarga berisiko stunting" dan kegiatan Dinkes "Pendataan
    keluarga berisiko stunting di posyandu" (kemiripan 0,8).

    Perbaikan:
    Sepakati satu pelaksana pendataan (misalnya Dinkes), dan jadikan Dinsos penyumbang
    lewat ``crosscutting`` pada sasaran stunting; atau pertajam nama bila pekerjaannya
    memang berbeda.
    """
    duplicates = ctx.crosscutting.duplicates
    for d, nested in _top_duplicates(ctx, duplicates):
        if d.kind == "name":
            yield _duplicate_finding(d, nested, {})


@rule(
    "PK408",
    "lone-outcome",
    family="crosscutting",
    severity="warning",
    title="Hasil keroyokan dikerjakan sendiri",
    title_en="Lone outcome",
    message={
        "default": (
            "{node} hanya dilayani {opd}, padahal deklarasi crosscutting-nya menyebut {declared}",
            "{node} is served by {opd} alone, though its crosscutting declaration names {declared}",
        ),
        "none": (
            "{node} tidak dilayani OPD mana pun, padahal deklarasi "
            "crosscutting-nya menyebut {declared}",
            "{node} is served by no OPD, though its crosscutting declaration names {declared}",
        ),
    },
    hint="Minta {declared} menautkan programnya ke {node}, atau perbarui deklarasi "
    "crosscutting-nya bila hasil ini memang cukup dikerjakan satu OPD.",
    hint_en="Ask {declared} to link their programs to {node}, or update its crosscutting "
    "declaration if one OPD can deliver this outcome alone.",
)
def lone_outcome(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Sebuah hasil yang dinyatakan butuh OPD lain (deklarasi ``crosscutting`` internal yang
    tidak ditolak) ternyata hanya dilayani satu OPD, atau tidak satu pun: tidak ada node
    OPD lain di bawahnya.
    Node di lingkaran cascading atau di bawahnya (PK103) dikesampingkan (PK115); sisa
    rencana tetap diperiksa.

    Mengapa:
    Program keroyokan yang dikerjakan sendirian adalah tanda paling jelas bahwa kolaborasi
    hanya di atas kertas. Penurunan stunting, misalnya, tidak tercapai oleh layanan
    kesehatan saja tanpa pangan bergizi dan sanitasi.

    Contoh:
    Sasaran stunting ``SO-DINKES-1`` menyatakan dinsos, dkpp dan perkim crosscutting,
    tetapi semua program di bawahnya milik dinkes.

    Perbaikan:
    Dinsos menautkan program perlindungan sosial keluarga berisiko stunting, DKPP program
    pangan lokal bergizi, dan Perkim kegiatan sanitasi ke ``SO-DINKES-1``.
    """
    result = ctx.crosscutting
    index = ctx.graph.index
    nodes = ctx.plan.nodes
    for lone in result.lone_outcomes:
        i = index[lone.node]
        yield Finding(
            lone.node,
            {"opd": lone.opd, "declared": list(lone.declared), "level": nodes[i].level},
            field="crosscutting",
            variant="default" if lone.opd is not None else "none",
            node_index=i,
        )
