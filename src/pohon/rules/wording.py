"""Wording rules (PK217–PK219, family "indicators"): what the words of a plan say.

An evaluator reads a pohon kinerja as sentences before reading it as numbers: a
"Persentase ..." measured in documents, a program that repeats its sasaran's indicator, a
sasaran written as something the government does ("Meningkatkan ...") instead of the
condition it wants ("Meningkatnya ..."). These rules read names and satuan only, through
small tables written out below, so that a planner can see (and extend) what is checked.

They flag only clear contradictions: a word or satuan that is not in a table is never a
finding.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from pohon.rules.engine import Context, Finding, rule

# -- PK217: satuan kinds --------------------------------------------------------------------

PERSEN = "persen"
RASIO = "rasio"
INDEKS = "indeks"
POIN = "poin"
DOKUMEN = "dokumen"
ORANG = "orang"
UNIT = "unit"
KEGIATAN = "kegiatan"
WAKTU = "waktu"

SATUAN_KINDS: Mapping[str, str] = {
    # percent
    "%": PERSEN,
    "persen": PERSEN,
    "prosen": PERSEN,
    "persentase": PERSEN,
    "persen %": PERSEN,
    # ratios and rates (a satuan that opens with "per " is one too: "per 1.000 penduduk")
    "rasio": RASIO,
    "ratio": RASIO,
    # scores
    "indeks": INDEKS,
    "index": INDEKS,
    "nilai": INDEKS,
    "skor": INDEKS,
    "score": INDEKS,
    "poin": POIN,
    "point": POIN,
    "persen poin": POIN,
    "poin persen": POIN,
    # documents
    "dokumen": DOKUMEN,
    "dok": DOKUMEN,
    "doc": DOKUMEN,
    "laporan": DOKUMEN,
    "lap": DOKUMEN,
    "naskah": DOKUMEN,
    "buku": DOKUMEN,
    "berkas": DOKUMEN,
    # persons
    "orang": ORANG,
    "org": ORANG,
    "jiwa": ORANG,
    "peserta": ORANG,
    "pegawai": ORANG,
    "asn": ORANG,
    # generic counters: "unit" and "buah" count anything, so they never clash with a noun
    "unit": UNIT,
    "buah": UNIT,
    # events
    "kegiatan": KEGIATAN,
    "keg": KEGIATAN,
    "kali": KEGIATAN,
    # time
    "tahun": WAKTU,
    "thn": WAKTU,
    "bulan": WAKTU,
    "bln": WAKTU,
    "hari": WAKTU,
    "minggu": WAKTU,
    "jam": WAKTU,
}
"""Satuan as written (case, spaces, brackets and end dots ignored) → its kind. A satuan of
several words whose first word is here has that word's kind ("unit usaha" is a ``unit``,
"dok. perencanaan" a ``dokumen``); one that opens with "per " is a ratio. Anything else
("KK", "Ha", "jenis layanan", a typo like "Unir") has no kind and is never flagged."""


@dataclass(frozen=True, slots=True)
class SatuanFit:
    """What an opening of an indicator name says about its satuan."""

    opening: str
    """The opening as shown in messages ("Persentase", "Jumlah dokumen")."""
    clash: frozenset[str]
    """Satuan kinds that contradict the opening (a finding); every other satuan fits."""
    expected: tuple[str, str]
    """The satuan the opening calls for, in Indonesian and English."""


_COUNTS = frozenset({DOKUMEN, ORANG, UNIT, KEGIATAN, WAKTU})

_OPENINGS: tuple[tuple[tuple[str, ...], frozenset[str], tuple[str, str]], ...] = (
    (
        ("Persentase", "Prosentase", "Presentase"),
        _COUNTS | {INDEKS},
        ("persen (%)", "percent (%)"),
    ),
    (
        ("Proporsi",),
        _COUNTS | {INDEKS},
        ("persen (%) atau rasio", "percent (%) or a ratio"),
    ),
    (
        ("Jumlah", "Banyaknya"),
        frozenset({PERSEN}),
        (
            "satuan hitungan dari yang dihitung (orang, unit, dokumen, ...)",
            "a count of what is counted (orang, unit, dokumen, ...)",
        ),
    ),
    (
        ("Indeks", "Index"),
        _COUNTS | {PERSEN},
        (
            "indeks, poin atau nilai (bukan persen)",
            "an index score (indeks, poin or nilai, not percent)",
        ),
    ),
    (
        (
            "Nilai SAKIP",
            "Nilai AKIP",
            "Nilai Evaluasi SAKIP",
            "Nilai Evaluasi AKIP",
            "Nilai Akuntabilitas Kinerja",
            "Nilai Evaluasi Akuntabilitas Kinerja",
            "Nilai Reformasi Birokrasi",
        ),
        _COUNTS | {PERSEN},
        (
            "nilai atau poin (skor 0–100, bukan persen)",
            "a score (nilai or poin, 0–100, not percent)",
        ),
    ),
    (
        ("Nilai",),
        _COUNTS,
        ("nilai, poin atau rupiah", "a score or an amount (nilai, poin or rupiah)"),
    ),
    (
        (
            "Angka Harapan Hidup",
            "Usia Harapan Hidup",
            "Umur Harapan Hidup",
            "Harapan Lama Sekolah",
            "Rata-rata Lama Sekolah",
        ),
        frozenset({PERSEN, INDEKS, POIN, DOKUMEN, ORANG, UNIT, KEGIATAN}),
        ("tahun", "years (tahun)"),
    ),
    (
        ("Angka", "Tingkat", "Cakupan"),
        frozenset({DOKUMEN, KEGIATAN}),
        (
            "persen (%), rasio atau angka per jumlah penduduk",
            "percent (%), a ratio or a rate per population",
        ),
    ),
    (
        ("Rasio",),
        frozenset({DOKUMEN, KEGIATAN, WAKTU}),
        ("rasio atau persen (%)", "a ratio or percent (%)"),
    ),
)
"""Openings of an indicator name, the satuan kinds that contradict them, and the satuan they
call for. The longest opening wins ("Nilai SAKIP" before "Nilai"). Angka, Tingkat and
Cakupan are often percentages, so only documents and activities contradict them."""

_JUMLAH_NOUNS: tuple[tuple[tuple[str, ...], frozenset[str], tuple[str, str]], ...] = (
    (
        ("dokumen", "laporan", "naskah", "buku"),
        frozenset({ORANG, KEGIATAN, WAKTU, INDEKS, POIN}),
        ("dokumen atau laporan", "documents (dokumen or laporan)"),
    ),
    (
        (
            "orang",
            "pegawai",
            "ASN",
            "aparatur",
            "peserta",
            "penduduk",
            "warga",
            "tenaga",
            "siswa",
            "murid",
            "guru",
            "pasien",
            "petugas",
            "kader",
        ),
        frozenset({DOKUMEN, KEGIATAN, WAKTU, INDEKS, POIN}),
        ("orang", "persons (orang)"),
    ),
    (
        ("kegiatan",),
        frozenset({ORANG, WAKTU, INDEKS, POIN}),
        ("kegiatan atau kali", "activities (kegiatan or kali)"),
    ),
    (
        ("unit",),
        frozenset({ORANG, DOKUMEN, KEGIATAN, WAKTU, INDEKS, POIN}),
        ("unit", "units (unit)"),
    ),
    (
        ("bulan", "hari", "tahun"),
        frozenset({ORANG, DOKUMEN, KEGIATAN, UNIT, INDEKS, POIN}),
        ("bulan, hari atau tahun", "months, days or years (bulan, hari, tahun)"),
    ),
)
"""The noun after "Jumlah" / "Banyaknya" and the satuan kinds that contradict it (on top
of percent, which contradicts any count). "unit" and "buah" count anything and never
contradict a noun."""


def _words(text: str) -> tuple[str, ...]:
    """Words of a text, case-folded, punctuation dropped ("Rata-rata" stays one word)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return tuple(re.findall(r"[^\W_]+(?:-[^\W_]+)*", folded))


def _satuan_fits() -> dict[tuple[str, ...], SatuanFit]:
    fits: dict[tuple[str, ...], SatuanFit] = {}
    for openings, clash, expected in _OPENINGS:
        for opening in openings:
            fits[_words(opening)] = SatuanFit(opening, clash, expected)
    jumlah = fits[("jumlah",)].clash
    for nouns, clash, expected in _JUMLAH_NOUNS:
        for opener in ("Jumlah", "Banyaknya"):
            for noun in nouns:
                opening = f"{opener} {noun}"
                fits[_words(opening)] = SatuanFit(opening, jumlah | clash, expected)
    return fits


SATUAN_FITS: Mapping[tuple[str, ...], SatuanFit] = _satuan_fits()
"""Opening words of an indicator name (case-folded) → what they say about its satuan."""

_LONGEST_OPENING = max(map(len, SATUAN_FITS))


def satuan_kind(satuan: str | None) -> str | None:
    """The kind of a satuan (see :data:`SATUAN_KINDS`), or ``None`` when it has none.

    >>> satuan_kind(" Persen "), satuan_kind("(%)"), satuan_kind("Dok."), satuan_kind("Unir")
    ('persen', 'persen', 'dokumen', None)
    >>> satuan_kind("per 100.000 kelahiran hidup"), satuan_kind("unit usaha")
    ('rasio', 'unit')
    """
    if satuan is None:
        return None
    text = unicodedata.normalize("NFKC", satuan).casefold()
    text = " ".join(re.sub(r"[()\[\]]", " ", text).split()).strip(" .")
    if text in SATUAN_KINDS:
        return SATUAN_KINDS[text]
    if text.startswith("per "):
        return RASIO
    head, _, rest = text.partition(" ")
    head = head.rstrip(".")
    return SATUAN_KINDS.get(head) if rest else None


def satuan_fit(name: str) -> SatuanFit | None:
    """What the opening of an indicator name says about its satuan, or ``None``.

    >>> satuan_fit("Persentase  balita stunting").opening
    'Persentase'
    >>> satuan_fit("JUMLAH DOKUMEN perencanaan").expected[0]
    'dokumen atau laporan'
    >>> satuan_fit("Prevalensi balita stunting") is None
    True
    """
    words = _words(name)
    for n in range(min(len(words), _LONGEST_OPENING), 0, -1):
        fit = SATUAN_FITS.get(words[:n])
        if fit is not None:
            return fit
    return None


# -- PK217 ----------------------------------------------------------------------------------


@rule(
    "PK217",
    "satuan-mismatch",
    per_node=True,
    family="indicators",
    severity="warning",
    title="Satuan tidak cocok dengan rumusan indikator",
    title_en="Satuan does not fit the indicator's wording",
    message='Satuan "{satuan}" indikator "{name}" di {node} tidak cocok dengan '
    'rumusannya: indikator "{opening} ..." diukur dalam {expected}',
    message_en='The satuan "{satuan}" of indicator "{name}" of {node} does not '
    'fit its wording: an indicator opening with "{opening}" is measured in {expected_en}',
    hint='Tulis satuan yang sesuai: {expected}. Bila yang diukur memang dalam "{satuan}", '
    'rumuskan ulang nama indikatornya: "Persentase ..." untuk persen, "Jumlah ..." untuk '
    'hitungan, "Indeks ..." atau "Nilai ..." untuk skor.',
    hint_en="Write the satuan that fits: {expected_en}. If what is measured really is in "
    '"{satuan}", reword the indicator\'s name: "Persentase ..." for percent, "Jumlah ..." '
    'for a count, "Indeks ..." or "Nilai ..." for a score.',
)
def satuan_mismatch(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Satuan indikator yang bertentangan dengan kata pembuka namanya: "Persentase ..." dalam
    ``dokumen``, ``orang`` atau ``unit``; "Jumlah ..." atau "Banyaknya ..." dalam ``%``;
    "Indeks ..." atau "Nilai SAKIP/AKIP" dalam ``%``; "Jumlah dokumen ..." dalam ``orang``;
    "Angka Harapan Hidup" dalam ``%``. Kata pembuka dan satuan yang berlawanan ada di tabel
    ``SATUAN_FITS`` (dari ``_OPENINGS`` dan ``_JUMLAH_NOUNS``), jenis satuan di
    ``SATUAN_KINDS``. Ejaan satuan dinormalkan: huruf besar-kecil, spasi, kurung dan titik
    akhir diabaikan; "persen" sama dengan "%", "Dok" dengan "dokumen", "org" dengan "orang".
    Hanya pertentangan yang jelas dilaporkan: satuan yang tidak dikenal (misalnya salah ketik
    "Unir") atau kata pembuka yang tidak ada di tabel tidak pernah dilaporkan. "Angka",
    "Tingkat" dan "Cakupan" sering berupa persen, jadi cocok dengan ``%``; "Rasio" cocok
    dengan ``%`` dan satuan rasio ("per 1.000 penduduk").

    Mengapa:
    Satuan adalah bagian dari ukuran. Persentase yang satuannya dokumen tidak bisa dibaca:
    targetnya 100 itu 100% atau 100 dokumen? Capaian dihitung dari angka yang salah arti, dan
    evaluator SAKIP menilai indikator itu tidak terukur. Nilai SAKIP dan indeks adalah skor,
    bukan persen: menulisnya dalam ``%`` membuat pembaca mengira ada batas 100% dan rumus
    rasio di baliknya.

    Contoh:
    "Jumlah dokumen perencanaan yang disusun" dengan ``satuan: orang``; "Indeks Kepuasan
    Masyarakat" dengan ``satuan: "%"``; "Persentase puskesmas terakreditasi" dengan
    ``satuan: unit``.

    Perbaikan:
    Betulkan satuannya (``dokumen``, ``poin`` atau ``nilai``, ``"%"``), atau, bila yang
    diukur memang hitungan, rumuskan ulang namanya: "Jumlah puskesmas terakreditasi"
    (``unit``).
    """
    t = ctx.indicators
    kinds: dict[str | None, str | None] = {}
    fits: dict[str, SatuanFit | None] = {}
    for k, (name, satuan) in enumerate(zip(t.name, t.satuan, strict=True)):
        if satuan not in kinds:
            kinds[satuan] = satuan_kind(satuan)
        kind = kinds[satuan]
        if kind is None:
            continue
        if name not in fits:
            fits[name] = satuan_fit(name)
        fit = fits[name]
        if fit is None or kind not in fit.clash:
            continue
        i, node, ind = t.row(k)
        yield Finding(
            node.id,
            {
                "name": ind.name,
                "satuan": ind.satuan,
                "kind": kind,
                "opening": fit.opening,
                "expected": fit.expected[0],
                "expected_en": fit.expected[1],
            },
            field="satuan",
            indicator=ind.id,
            node_index=i,
        )


# -- PK218 ----------------------------------------------------------------------------------


def _same_name_key(text: str) -> str:
    """A name as compared for PK218: case, whitespace and punctuation ignored."""
    return " ".join(_words(text))


@rule(
    "PK218",
    "indicator-copied-down",
    family="indicators",
    severity="warning",
    title="Indikator induk disalin ke anaknya",
    title_en="Indicator copied down from the parent",
    message={
        "default": (
            "Indikator {listed} di {node} sama dengan indikator induknya {parent}; tiap "
            "level perlu mengukur hasilnya sendiri",
            "Indicator {listed} of {node} is the same as an indicator of its parent "
            "{parent}; each level needs to measure its own result",
        ),
        "many": (
            "{count} indikator di {node} sama dengan indikator induknya {parent}: {listed}; "
            "tiap level perlu mengukur hasilnya sendiri",
            "{count} indicators of {node} are the same as indicators of its parent {parent}: "
            "{listed}; each level needs to measure its own result",
        ),
    },
    hint="Rumuskan indikator yang mengukur hasil level ini sendiri (outcome program, keluaran "
    "kegiatan) dan yang bila tercapai ikut menggerakkan indikator induknya; bila indikator yang "
    "sama memang disengaja, tulis alasannya di 'notes' indikator itu.",
    hint_en="Write an indicator that measures this level's own result (a programme's outcome, "
    "an activity's output) and that, when met, moves its parent's indicator; if the same "
    "indicator is intended, give the reason in that indicator's 'notes'.",
)
def indicator_copied_down(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Indikator sebuah node yang sama persis dengan indikator induk langsungnya (nama
    dibandingkan tanpa membedakan huruf besar-kecil, spasi dan tanda baca), misalnya
    indikator Sasaran PD yang diulang di programnya. Satu temuan per node dan induk, yang
    menyebut semua indikator yang sama; induknya ada di ``related``.
    Tidak diperiksa: indikator anak yang punya ``notes`` (penyusun sudah menjelaskan kepada
    evaluator mengapa indikatornya sama); tautan dari level Pemda ke level OPD (Tujuan PD
    yang memakai indikator sasaran RPJMD adalah cara biasa menurunkan RPJMD ke Renstra:
    Kepala PD memperjanjikan indikator itu dalam PK); tautan ke diri sendiri dan tautan di
    dalam lingkaran cascading (PK103), yang arahnya tidak tentu. Node di bawah lingkaran
    tetap diperiksa terhadap induknya.

    Mengapa:
    Dalam pohon kinerja, tiap level mengukur hasilnya sendiri: outcome program menjadi sebab
    tercapainya sasaran, bukan sasaran itu sendiri. Indikator yang disalin turun membuat
    sebab-akibat hilang: program dinilai dengan ukuran yang juga dipengaruhi program lain,
    dan bila sasaran tidak tercapai tidak terlihat program mana yang tertinggal. Evaluator
    SAKIP mencatatnya sebagai cascading yang belum selesai.

    Contoh:
    Kab. Deli Serdang: Sasaran PD "Meningkatnya Keluarga Sehat" berindikator "Indeks
    Keluarga Sehat (IKS)", dan dua programnya (1.02.02 dan 1.02.03) berindikator "Indeks
    Keluarga Sehat (IKS)" juga.

    Perbaikan:
    Beri program ukuran hasilnya sendiri yang mendorong IKS, misalnya "Persentase puskesmas
    yang melaksanakan kunjungan keluarga sehat" atau "Persentase tenaga kesehatan yang
    memenuhi standar kompetensi"; bila sama memang disengaja, jelaskan di ``notes``
    indikatornya.
    """
    cols = ctx.columns
    links = ctx.links
    nodes = ctx.plan.nodes
    owner = {level: spec.owner for level, spec in ctx.specs.items()}
    cycle_of = _cycle_groups(ctx)
    keys: dict[str, str] = {}

    def key(text: str) -> str:
        if text not in keys:
            keys[text] = _same_name_key(text)
        return keys[text]

    # Each parent's indicator names are indexed once, on first use: linear in the plan.
    indexed: dict[int, dict[str, str]] = {}

    def names_of(p: int) -> dict[str, str]:
        if p not in indexed:
            found: dict[str, str] = {}
            for ind in nodes[p].indicators:
                name_key = key(ind.name)
                if name_key:
                    found.setdefault(name_key, ind.id)
            indexed[p] = found
        return indexed[p]

    count = cols.indicator_count
    seen: set[tuple[int, int]] = set()
    for child, parent in zip(links.child, links.parent, strict=True):
        if parent is None or parent == child or not count[child] or not count[parent]:
            continue
        if (child, parent) in seen:
            continue  # the same parent written twice
        seen.add((child, parent))
        if owner.get(cols.level[parent]) == "pemda" and owner.get(cols.level[child]) == "opd":
            continue
        child_id, parent_id = cols.id[child], cols.id[parent]
        if cycle_of and child_id in cycle_of and cycle_of[child_id] == cycle_of.get(parent_id):
            continue
        parent_names = names_of(parent)
        copied = [
            ind
            for ind in nodes[child].indicators
            if not (ind.notes and ind.notes.strip()) and key(ind.name) in parent_names
        ]
        if not copied:
            continue
        yield Finding(
            child_id,
            {
                "parent": parent_id,
                "count": len(copied),
                "indicators": [ind.id for ind in copied],
                "names": [ind.name for ind in copied],
                "parent_indicators": [parent_names[key(ind.name)] for ind in copied],
                "listed": ", ".join(f'"{ind.name}"' for ind in copied),
            },
            field="name",
            indicator=copied[0].id,
            related=(parent_id,),
            variant="many" if len(copied) > 1 else "default",
            node_index=child,
        )


def _cycle_groups(ctx: Context) -> dict[str, int]:
    """Node id → the number of its cascade cycle, for the nodes on one; empty without
    cycles (the usual case, found without looking for cycles)."""
    if not ctx.graph.set_apart():
        return {}
    return {node_id: group for group, cycle in enumerate(ctx.graph.cycles()) for node_id in cycle}


# -- PK219 ----------------------------------------------------------------------------------

CONDITION_FORMS: Mapping[str, str] = {
    "meningkatkan": "meningkatnya",
    "menurunkan": "menurunnya",
    "mewujudkan": "terwujudnya",
    "memperkuat": "menguatnya",
    "menguatkan": "menguatnya",
    "mengembangkan": "berkembangnya",
    "mengoptimalkan": "optimalnya",
    "mengurangi": "berkurangnya",
    "mengendalikan": "terkendalinya",
    "memantapkan": "mantapnya",
    "memperluas": "meluasnya",
    "memenuhi": "terpenuhinya",
    "melindungi": "terlindunginya",
    "melestarikan": "lestarinya",
    "menumbuhkan": "tumbuhnya",
}
"""Action verb → the condition form suggested in the hint. Only forms that state a result
are here: "Menyediakan", "Melaksanakan" and "Menyelenggarakan" are left out on purpose,
since "Tersedianya", "Terlaksananya" and "Terselenggaranya" are output or process wording
that PK206 reports at these levels; such names get the general hint."""

ACTION_WORDS: frozenset[str] = frozenset(
    {"memperkuat", "memperluas", "membangun", "mendorong", "mencegah", "menekan", "menjaga"}
)
"""Action verbs that the me-...-kan / me-...-i pattern does not catch."""

NOT_ACTION_WORDS: frozenset[str] = frozenset({"menjadi", "memiliki", "meteorologi", "media"})
"""Words the pattern would take for an action, that are not one (or not clearly one)."""

_ACTION = re.compile(r"me(?:m|n|ng|ny)?[a-z]{2,}(?:kan|i)")
_LEADING_MARKS = re.compile(r"^(?:\([^)]*\)|[\W\d_])+")
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def action_word(name: str) -> str | None:
    """The leading me-verb of a name, as written, when it states an action; else ``None``.

    >>> action_word("Meningkatkan Pendapatan Asli Daerah"), action_word("Meningkatnya PAD")
    ('Meningkatkan', None)
    >>> action_word("(Sasaran 2) MEWUJUDKAN tata kelola"), action_word("Menurunnya stunting")
    ('MEWUJUDKAN', None)
    """
    text = _LEADING_MARKS.sub("", unicodedata.normalize("NFKC", name))
    match = _FIRST_WORD.match(text)
    if match is None:
        return None
    word = match.group()
    folded = word.casefold()
    if folded in NOT_ACTION_WORDS or folded.endswith("nya"):
        return None
    if folded in ACTION_WORDS or folded.startswith("memper") or _ACTION.fullmatch(folded):
        return word
    return None


def _as_written(form: str, like: str) -> str:
    """``form`` in the letter case of ``like`` (UPPER, Capitalised or lower)."""
    if like.isupper():
        return form.upper()
    if like[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


@rule(
    "PK219",
    "outcome-worded-as-action",
    family="indicators",
    severity="warning",
    title="Tujuan atau sasaran dirumuskan sebagai tindakan",
    title_en="Goal or objective worded as an action",
    message={
        "default": (
            '{node} dirumuskan sebagai tindakan ("{word} ..."), padahal tujuan dan sasaran '
            "menyatakan kondisi yang ingin dicapai",
            '{node} is worded as an action ("{word} ..."), yet a goal or objective states '
            "the condition to be reached",
        ),
        "suggest": (
            '{node} dirumuskan sebagai tindakan ("{word} ..."), padahal tujuan dan sasaran '
            'menyatakan kondisi yang ingin dicapai ("{condition} ...")',
            '{node} is worded as an action ("{word} ..."), yet a goal or objective states '
            'the condition to be reached ("{condition} ...")',
        ),
    },
    hint="Rumuskan kondisi hasilnya dengan bentuk ber-/ter-/-nya, misalnya {example}; kata "
    "kerja berawalan me- menyebut apa yang dikerjakan pemerintah, bukan hasil yang dirasakan "
    "masyarakat.",
    hint_en="State the resulting condition with a ber-/ter-/-nya form, e.g. {example}; a "
    "me- verb names what the government does, not the result the public experiences.",
)
def outcome_worded_as_action(ctx: Context) -> Iterator[Finding]:
    """Apa:
    Nama tujuan atau sasaran (Pemda atau OPD) yang diawali kata kerja tindakan me-/mem-/
    men-/meng-/meny- berakhiran -kan atau -i ("Meningkatkan", "Mewujudkan", "Menurunkan",
    "Mengoptimalkan", "Melaksanakan"), atau memper- ("Memperkuat"). Bentuk kondisi
    ("Meningkatnya", "Menurunnya", "Terwujudnya", "Berkembangnya") tidak dilaporkan.
    Diperiksa di level yang menurut skema berindikator ``impact`` atau ``outcome`` dan tidak
    berpagu: tujuan, sasaran, Tujuan PD, Sasaran PD (skema kota). Program, kegiatan dan sub
    kegiatan berpagu dan namanya nomenklatur ("Penyediaan ..."), jadi tidak pernah
    diperiksa. Bila bentuk kondisinya ada di tabel ``CONDITION_FORMS``, temuan menyarankannya
    ("Meningkatkan" → "Meningkatnya", "Mewujudkan" → "Terwujudnya").

    Mengapa:
    Permendagri 86/2017 merumuskan sasaran sebagai kondisi yang menggambarkan tercapainya
    tujuan, dan evaluasi SAKIP menilai apakah tujuan dan sasaran sudah berorientasi hasil.
    "Meningkatkan pelayanan" menyebut kesibukan pemerintah; "Meningkatnya kualitas
    pelayanan" menyebut keadaan yang bisa diukur dan dirasakan masyarakat. Tingkatnya
    peringatan (warning), bukan info: perbaikannya murah (satu kata), dan rumusan tindakan
    di tujuan dan sasaran adalah catatan yang lazim ditulis evaluator. Bukan error: maknanya
    bisa saja sudah benar, dan kebiasaan ini praktik evaluator, bukan bunyi aturan.
    Misi tidak diperiksa: misi memang upaya ("Meningkatkan ...").

    Contoh:
    Sasaran RPJMD Kab. Deli Serdang "Meningkatkan pelayanan prima pemerintah daerah";
    tujuan "Mewujudkan tata kelola pemerintahan yang transparan dan akuntabel".

    Perbaikan:
    "Meningkatnya pelayanan prima pemerintah daerah"; "Terwujudnya tata kelola pemerintahan
    yang transparan dan akuntabel". Untuk "Menyediakan ..." atau "Melaksanakan ...",
    rumuskan hasil yang dirasakan masyarakat ("Meningkatnya akses ..."), bukan
    "Tersedianya ..." atau "Terlaksananya ..." (PK206).
    """
    levels = [
        level
        for level, spec in ctx.specs.items()
        if spec.indicator in ("impact", "outcome") and not spec.pagu
    ]
    cols = ctx.columns
    for i in ctx.positions_at(levels):
        name = cols.name[i]
        word = action_word(name)
        if word is None:
            continue
        form = CONDITION_FORMS.get(word.casefold())
        values: dict[str, object] = {"name": name, "word": word, "condition": None}
        if form is None:
            values["example"] = '"Meningkatnya ...", "Terwujudnya ...", "Berkurangnya ..."'
        else:
            condition = _as_written(form, word)
            rest = name[name.find(word) + len(word) :]
            values["condition"] = condition
            values["example"] = '"' + " ".join(f"{condition}{rest}".split()) + '"'
        yield Finding(
            cols.id[i],
            values,
            field="name",
            variant="default" if form is None else "suggest",
            node_index=i,
        )
