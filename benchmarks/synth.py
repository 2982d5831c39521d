"""Synthetic plans of realistic shape, for benchmarks and scale tests.

:func:`make_plan` builds a plan in the native format as plain data (ready for
``json.dumps`` or a YAML dumper) with exactly the number of nodes asked for, shaped like the
pohon kinerja of a Kota or a Provinsi: one visi, five to eight misi, the Pemda's tujuan and
sasaran aligned to Panca Cita and Asta Cita, then per OPD its tujuan and sasaran, programs
(with the ``U.BB.01`` support program), kegiatan and sub kegiatan with nomenclature-shaped
kode. Sub kegiatan are about 60% of the nodes, as in real plans. Every node from tujuan down
carries one to three indicators with baseline, five yearly targets and some actuals;
programs, kegiatan and sub kegiatan carry pagu per year, each parent's pagu being the sum of
its children's. About 0.5% of the nodes carry a realistic fault (a missing satuan, a target
moving against its polarity, a missing pagu year), so a check has findings to locate.

The same ``n_nodes`` and ``seed`` always give the same plan. All names are invented from
word lists: the plans are illustrative, not any Pemda's data.

>>> plan = make_plan(300, seed=1)
>>> len(plan["nodes"])
300
"""

from __future__ import annotations

import json
import os
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

START, END = 2025, 2029
YEARS = tuple(range(START, END + 1))
BASELINE_YEAR = START - 1
NODES_PER_OPD = 125
"""About 40 OPDs for a plan of 5,000 nodes and 400 for 50,000."""
MIN_NODES = 50
FAULT_RATE = 0.005
PROVINSI_FROM = 20_000
"""From this many nodes the plan is shaped as a Provinsi (kegiatan kode ``K`` = 1)."""

PANCA_CITA = "panca-cita-mojokerto-2025"
ASTA_CITA = "asta-cita-2025"
PANCA_ITEMS = 5
ASTA_ITEMS = 8

Plan = dict[str, Any]


@dataclass(frozen=True)
class OpdType:
    """A kind of Perangkat Daerah: id, name, bidang urusan (``U.BB``) and subject matter."""

    key: str
    name: str
    bidang: str
    topic: str
    problem: str


# fmt: off
OPD_TYPES: tuple[OpdType, ...] = (
    OpdType("disdik", "Dinas Pendidikan", "1.01", "layanan pendidikan", "angka putus sekolah"),
    OpdType("dinkes", "Dinas Kesehatan", "1.02", "pelayanan kesehatan", "prevalensi stunting"),
    OpdType("rsud", "Rumah Sakit Umum Daerah", "1.02", "pelayanan rumah sakit", "angka kematian pasien"),
    OpdType("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "1.03", "infrastruktur jalan dan drainase", "luas genangan banjir"),
    OpdType("perkim", "Dinas Perumahan dan Kawasan Permukiman", "1.04", "kawasan permukiman", "luas kawasan kumuh"),
    OpdType("satpolpp", "Satuan Polisi Pamong Praja", "1.05", "ketenteraman dan ketertiban umum", "pelanggaran peraturan daerah"),
    OpdType("bpbd", "Badan Penanggulangan Bencana Daerah", "1.05", "penanggulangan bencana", "kerugian akibat bencana"),
    OpdType("dinsos", "Dinas Sosial", "1.06", "perlindungan dan jaminan sosial", "penyandang masalah kesejahteraan sosial"),
    OpdType("disnaker", "Dinas Tenaga Kerja", "2.07", "penempatan tenaga kerja", "tingkat pengangguran"),
    OpdType("dp3a", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "2.08", "perlindungan perempuan dan anak", "kasus kekerasan terhadap anak"),
    OpdType("dkp", "Dinas Ketahanan Pangan", "2.09", "ketahanan pangan", "daerah rawan pangan"),
    OpdType("dlh", "Dinas Lingkungan Hidup", "2.11", "pengelolaan lingkungan hidup", "timbulan sampah tidak terkelola"),
    OpdType("dispendukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "2.12", "administrasi kependudukan", "penduduk tanpa dokumen kependudukan"),
    OpdType("dpmd", "Dinas Pemberdayaan Masyarakat dan Desa", "2.13", "pemberdayaan masyarakat", "desa tertinggal"),
    OpdType("dppkb", "Dinas Pengendalian Penduduk dan Keluarga Berencana", "2.14", "keluarga berencana", "kebutuhan KB tidak terpenuhi"),
    OpdType("dishub", "Dinas Perhubungan", "2.15", "layanan transportasi", "angka kecelakaan lalu lintas"),
    OpdType("diskominfo", "Dinas Komunikasi dan Informatika", "2.16", "layanan pemerintahan digital", "layanan publik yang belum terdigitalisasi"),
    OpdType("diskopukm", "Dinas Koperasi dan Usaha Mikro", "2.17", "usaha mikro dan koperasi", "koperasi tidak aktif"),
    OpdType("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "2.18", "iklim investasi", "waktu layanan perizinan"),
    OpdType("dispora", "Dinas Kepemudaan dan Olahraga", "2.19", "prestasi olahraga dan kepemudaan", "pemuda tidak produktif"),
    OpdType("disbud", "Dinas Kebudayaan", "2.22", "pelestarian kebudayaan", "cagar budaya terbengkalai"),
    OpdType("dispusip", "Dinas Perpustakaan dan Kearsipan", "2.23", "budaya literasi", "arsip yang tidak tertata"),
    OpdType("diskanla", "Dinas Kelautan dan Perikanan", "3.25", "produksi perikanan", "kerusakan ekosistem pesisir"),
    OpdType("disparekraf", "Dinas Pariwisata dan Ekonomi Kreatif", "3.26", "daya tarik pariwisata", "destinasi wisata tidak terkelola"),
    OpdType("distan", "Dinas Pertanian", "3.27", "produktivitas pertanian", "lahan pertanian terlantar"),
    OpdType("dishut", "Dinas Kehutanan", "3.28", "pengelolaan hutan", "luas lahan kritis"),
    OpdType("desdm", "Dinas Energi dan Sumber Daya Mineral", "3.29", "akses energi", "rumah tangga tanpa listrik"),
    OpdType("disdag", "Dinas Perdagangan", "3.30", "sarana perdagangan", "disparitas harga bahan pokok"),
    OpdType("disperin", "Dinas Perindustrian", "3.31", "daya saing industri", "industri kecil tidak berizin"),
    OpdType("setda", "Sekretariat Daerah", "4.01", "tata kelola pemerintahan", "temuan pemeriksaan berulang"),
    OpdType("setwan", "Sekretariat DPRD", "4.02", "fungsi kedewanan", "rancangan perda yang tertunda"),
    OpdType("bappeda", "Badan Perencanaan Pembangunan Daerah", "5.01", "kualitas perencanaan pembangunan", "program yang tidak selaras"),
    OpdType("bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah", "5.02", "pengelolaan keuangan daerah", "aset yang belum bersertifikat"),
    OpdType("bapenda", "Badan Pendapatan Daerah", "5.02", "pendapatan asli daerah", "tunggakan pajak daerah"),
    OpdType("bkpsdm", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "5.03", "kompetensi aparatur", "kesenjangan kompetensi ASN"),
    OpdType("brida", "Badan Riset dan Inovasi Daerah", "5.05", "inovasi daerah", "inovasi yang tidak berlanjut"),
    OpdType("inspektorat", "Inspektorat Daerah", "6.01", "pengawasan internal", "temuan pemeriksaan yang belum ditindaklanjuti"),
    OpdType("kecamatan", "Kecamatan", "7.01", "pelayanan kewilayahan", "pengaduan masyarakat yang tidak tertangani"),
    OpdType("bakesbangpol", "Badan Kesatuan Bangsa dan Politik", "8.01", "kerukunan dan wawasan kebangsaan", "potensi konflik sosial"),
)
# fmt: on

VISI = "Terwujudnya {pemda} yang Maju, Berdaya Saing, Berkarakter, Sejahtera dan Berkelanjutan"
MISI = (
    "Mewujudkan sumber daya manusia yang unggul, sehat dan berkarakter",
    "Memperkuat ketahanan sosial, budaya dan kerukunan masyarakat",
    "Mendorong pertumbuhan ekonomi yang inklusif dan berkelanjutan",
    "Mewujudkan tata kelola pemerintahan yang bersih, digital dan inovatif",
    "Membangun infrastruktur yang merata dan berwawasan lingkungan",
    "Meningkatkan kualitas pelayanan publik yang cepat dan terjangkau",
    "Mewujudkan ketahanan pangan dan kemandirian ekonomi lokal",
    "Memperkuat ketenteraman, ketertiban dan ketangguhan terhadap bencana",
)
RISING = ("Meningkatnya", "Meningkatnya", "Terwujudnya", "Menguatnya", "Meratanya")
FALLING = ("Menurunnya", "Berkurangnya", "Terkendalinya")
PEMDA_GOODS = (
    "kualitas sumber daya manusia",
    "derajat kesehatan masyarakat",
    "kesejahteraan masyarakat",
    "daya saing ekonomi daerah",
    "kualitas tata kelola pemerintahan",
    "kualitas lingkungan hidup",
    "pemerataan infrastruktur wilayah",
    "ketahanan sosial dan budaya",
    "kualitas pelayanan publik",
    "ketahanan pangan daerah",
    "ketenteraman dan ketertiban masyarakat",
    "kemandirian fiskal daerah",
    "akses pendidikan yang bermutu",
    "kesetaraan gender dan perlindungan anak",
    "produktivitas ekonomi lokal",
    "akuntabilitas kinerja pemerintah daerah",
)
PEMDA_BADS = (
    "angka kemiskinan",
    "tingkat pengangguran terbuka",
    "ketimpangan pendapatan",
    "prevalensi stunting",
    "risiko bencana",
    "kawasan permukiman kumuh",
    "angka kriminalitas",
    "ketimpangan antarwilayah",
)
QUALITIES = ("kualitas", "cakupan", "akses dan mutu", "kinerja", "efektivitas", "pemerataan")
AUDIENCES = (
    "",
    " masyarakat",
    " di seluruh wilayah",
    " yang inklusif",
    " yang berkelanjutan",
    " bagi kelompok rentan",
)
PROGRAM_SUBJECTS = (
    "sarana dan prasarana",
    "layanan",
    "tata kelola",
    "sumber daya manusia",
    "standar pelayanan minimal",
    "data dan informasi",
    "kemitraan dalam",
    "partisipasi masyarakat dalam",
)
KEGIATAN_ACTS = (
    "Penyediaan",
    "Pengelolaan",
    "Pembinaan dan Pengawasan",
    "Pengembangan",
    "Fasilitasi",
    "Koordinasi dan Sinkronisasi",
    "Peningkatan Kapasitas",
    "Penyelenggaraan",
)
KEGIATAN_OBJECTS = (
    "Sarana dan Prasarana",
    "Layanan",
    "Sistem Informasi",
    "Sumber Daya Manusia",
    "Standar Pelayanan",
    "Kemitraan",
    "Data dan Statistik",
)
SUB_ACTS = (
    "Pengadaan",
    "Pembangunan",
    "Rehabilitasi",
    "Pemeliharaan",
    "Penyusunan",
    "Pelaksanaan",
    "Sosialisasi",
    "Monitoring dan Evaluasi",
    "Pelatihan",
    "Pendataan",
    "Pendampingan",
    "Penyediaan",
)
SUB_OBJECTS = (
    "Sarana",
    "Prasarana",
    "Peralatan",
    "Dokumen Perencanaan",
    "Bahan Informasi",
    "Tenaga Pendukung",
    "Aplikasi",
    "Bimbingan Teknis",
    "Kelompok Masyarakat",
    "Layanan Keliling",
)
PLACE_HEADS = (
    "Sumber",
    "Kali",
    "Wono",
    "Banyu",
    "Karang",
    "Tegal",
    "Sido",
    "Mojo",
    "Pandan",
    "Gedang",
    "Jati",
    "Kembang",
    "Purwo",
    "Tanjung",
    "Sugih",
    "Rejo",
)
PLACE_TAILS = (
    "rejo",
    "agung",
    "wangi",
    "sari",
    "mulyo",
    "harjo",
    "kulon",
    "wetan",
    "anyar",
    "lor",
    "kidul",
    "asri",
)
SUPPORT_KEGIATAN = (
    "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
    "Administrasi Keuangan Perangkat Daerah",
    "Administrasi Barang Milik Daerah pada Perangkat Daerah",
    "Administrasi Pendapatan Daerah Kewenangan Perangkat Daerah",
    "Administrasi Kepegawaian Perangkat Daerah",
    "Administrasi Umum Perangkat Daerah",
    "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
    "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
    "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
)
SUPPORT_SUB = (
    "Penyusunan Dokumen Perencanaan Perangkat Daerah",
    "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
    "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
    "Penyediaan Gaji dan Tunjangan ASN",
    "Penyediaan Administrasi Pelaksanaan Tugas ASN",
    "Penyediaan Jasa Surat Menyurat",
    "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
    "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
    "Penyediaan Peralatan dan Perlengkapan Kantor",
    "Evaluasi Kinerja Perangkat Daerah",
)
SUMBER_DATA = (
    "Badan Pusat Statistik",
    "Laporan Kinerja Instansi Pemerintah",
    "Aplikasi e-SAKIP",
    "Survei Kepuasan Masyarakat",
    "Sistem Informasi Pemerintahan Daerah",
    "Laporan tahunan Perangkat Daerah",
)


@dataclass(frozen=True)
class _Template:
    name: str
    satuan: str
    low: float
    high: float
    step_low: float
    step_high: float
    polarity: str = "higher"
    decimals: int = 2
    measure: str = "number"


IMPACT = (
    _Template("Indeks Pembangunan Manusia", "poin", 70, 78, 0.3, 0.7),
    _Template("Usia Harapan Hidup", "tahun", 72.5, 74, 0.1, 0.3),
    _Template("Tingkat Kemiskinan", "persen", 5, 11, 0.2, 0.5, "lower", measure="percent"),
    _Template("Tingkat Pengangguran Terbuka", "persen", 4, 7, 0.1, 0.3, "lower", measure="percent"),
    _Template("Laju Pertumbuhan Ekonomi", "persen", 4.5, 5.8, 0.05, 0.2, measure="percent"),
    _Template("Indeks Kualitas Lingkungan Hidup", "poin", 55, 70, 0.3, 1),
    _Template("Indeks Reformasi Birokrasi", "poin", 60, 75, 1, 2.5),
    _Template("Gini Rasio", "indeks", 0.33, 0.4, 0.002, 0.005, "lower", decimals=3),
    _Template("Indeks Pembangunan Gender", "poin", 88, 94, 0.2, 0.5),
    _Template("Tingkat Inflasi", "persen", 2.5, 3.5, 0, 0, "range", measure="percent"),
)
OUTCOME = (
    _Template("Persentase cakupan {topic}", "persen", 60, 90, 1, 3, measure="percent"),
    _Template("Indeks Kepuasan Masyarakat terhadap {topic}", "poin", 78, 86, 0.5, 2),
    _Template("Nilai akuntabilitas kinerja {topic}", "nilai", 65, 82, 0.5, 1.5),
    _Template(
        "Persentase penduduk yang terlayani {topic}", "persen", 55, 85, 1, 3, measure="percent"
    ),
    _Template("Rasio {topic} per 1.000 penduduk", "rasio", 1, 5, 0.05, 0.2),
    _Template("Jumlah kasus {problem}", "kasus", 20, 200, 2, 10, "lower", decimals=0),
    _Template("Indeks kinerja {topic}", "poin", 60, 80, 0.5, 2),
    _Template("Persentase {problem}", "persen", 5, 25, 0.5, 2, "lower", measure="percent"),
)
# fmt: off
OUTPUT = (
    _Template("Jumlah dokumen {topic} yang disusun", "dokumen", 1, 5, 0, 1, decimals=0),
    _Template("Jumlah sarana {topic} yang dibangun atau direhabilitasi", "unit", 2, 20, 0, 3, decimals=0),
    _Template("Jumlah orang yang mengikuti pelatihan {topic}", "orang", 50, 500, 0, 40, decimals=0),
    _Template("Jumlah laporan pelaksanaan {topic}", "laporan", 4, 12, 0, 0, decimals=0),
    _Template("Jumlah paket pengadaan {topic}", "paket", 1, 20, 0, 2, decimals=0),
    _Template("Jumlah lokasi {topic} yang ditangani", "lokasi", 2, 30, 0, 3, decimals=0),
    _Template("Jumlah kegiatan sosialisasi {topic}", "kegiatan", 2, 24, 0, 2, decimals=0),
    _Template("Persentase penyelesaian {topic} tepat waktu", "persen", 80, 95, 0.5, 1.5, measure="percent"),
)
# fmt: on


def make_plan(n_nodes: int, seed: int = 0) -> Plan:
    """A synthetic plan with exactly ``n_nodes`` nodes, the same for the same seed."""
    if n_nodes < MIN_NODES:
        raise ValueError(f"a synthetic plan needs at least {MIN_NODES} nodes, not {n_nodes}")
    return _Builder(n_nodes, seed).build()


def revise(plan: Plan) -> Plan:
    """A later revision of a synthetic plan, as an asistensi makes one: one node in 50
    renamed, one in 100 given a new id (same name: a likely rename), one in 200 removed,
    the first target of one indicator in 20 changed, one pagu in 30 raised. The input is
    not changed."""
    out: Plan = json.loads(json.dumps(plan))
    kept = []
    for k, node in enumerate(out["nodes"]):
        if k % 200 == 199:
            continue
        if k % 50 == 7:
            node["name"] = node["name"] + " (revisi)"
        if k % 100 == 13:
            node["id"] = node["id"] + "-r"
        for j, ind in enumerate(node.get("indicators", ())):
            if (k + j) % 20 == 3 and ind.get("targets"):
                first = next(iter(ind["targets"]))
                value = ind["targets"][first]
                if isinstance(value, int | float) and not isinstance(value, bool):
                    ind["targets"][first] = value + 1
        if k % 30 == 11 and node.get("pagu"):
            first = next(iter(node["pagu"]))
            node["pagu"][first] = node["pagu"][first] + 1_000_000
        kept.append(node)
    out["nodes"] = kept
    return out


CHAIN_LEVELS = (
    "misi",
    "tujuan",
    "sasaran",
    "tujuan_opd",
    "sasaran_opd",
    "program",
    "kegiatan",
    "sub_kegiatan",
)
"""The levels a chain runs through below its visi, over and over."""
CHAIN_OPDS = 12


def make_chain(n_nodes: int, *, cycle: bool = False) -> Plan:
    """A plan that is one cascade chain ``n_nodes`` deep: a visi, then each node the only
    child of the one before, its level running through :data:`CHAIN_LEVELS` again and
    again (so nearly every link has a wrong parent level, and every eighth node is a
    sasaran of the Pemda). Pemda nodes align to Panca Cita, OPD nodes are owned by one of
    :data:`CHAIN_OPDS` OPDs in turn and carry pagu from program down; some sasaran OPD
    declare a crosscutting OPD. With ``cycle`` the visi's parent is the last node, so the
    whole plan is one cycle. The worst shape for anything that keeps, per node, what lies
    above or below it.
    """
    if n_nodes < 2:
        raise ValueError(f"a chain needs at least 2 nodes, not {n_nodes}")
    opds = [f"opd-{k + 1}" for k in range(CHAIN_OPDS)]
    pemda = {"misi", "tujuan", "sasaran"}
    nodes: list[dict[str, Any]] = [
        {"id": "C0", "level": "visi", "name": "Terwujudnya kota rantai yang sejahtera"}
    ]
    for k in range(1, n_nodes):
        level = CHAIN_LEVELS[(k - 1) % len(CHAIN_LEVELS)]
        node: dict[str, Any] = {
            "id": f"C{k}",
            "level": level,
            "name": f"Meningkatnya mutu layanan rantai nomor {k}",
            "parents": [f"C{k - 1}"],
        }
        if level in pemda:
            if level != "misi":
                node["aligns"] = [f"{PANCA_CITA}:{k % PANCA_ITEMS + 1}"]
        else:
            node["opd"] = opds[k % CHAIN_OPDS]
            if level in ("program", "kegiatan", "sub_kegiatan"):
                node["pagu"] = dict.fromkeys(YEARS, 1_000_000 * (k % 7 + 1))
            if level == "sasaran_opd" and k % 5 == 0:
                node["crosscutting"] = [{"opd": opds[(k + 1) % CHAIN_OPDS], "status": "disetujui"}]
        if level != "misi":
            node["indicators"] = [
                {
                    "id": f"C{k}.I1",
                    "name": f"Persentase layanan rantai {k} yang tuntas",
                    "satuan": "persen",
                    "measure": "percent",
                    "baseline": {"year": BASELINE_YEAR, "value": 50},
                    "targets": {year: 50 + (year - BASELINE_YEAR) * 5 for year in YEARS},
                }
            ]
        nodes.append(node)
    if cycle:
        nodes[0]["parents"] = [f"C{n_nodes - 1}"]
    kind = "lingkaran" if cycle else "rantai"
    return {
        "pohon": 1,
        "plan": {
            "id": f"{kind}-{n_nodes}",
            "name": f"Rencana {kind} sintetis ({n_nodes} node)",
            "pemda": "Kota Rantai Sintetis",
            "period": {"start": START, "end": END},
            "frameworks": [PANCA_CITA],
        },
        "opds": [{"id": o, "name": f"Dinas Rantai {o}"} for o in opds],
        "nodes": nodes,
    }


def plan_json(plan: Plan) -> str:
    """The plan as JSON text, as pohon writes it (year keys become strings)."""
    return json.dumps(plan, ensure_ascii=False, indent=2) + "\n"


def plan_yaml(plan: Plan) -> str:
    """The plan as YAML text in the layout pohon writes (year keys stay integers).

    Written directly rather than through a YAML dumper, which takes half a minute for a
    plan of 50,000 nodes; the text reads back to the same data.
    """
    lines: list[str] = []
    _yaml_map(plan, 0, lines)
    return "\n".join(lines) + "\n"


_YAML_WORDS = frozenset(
    {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
)  # words YAML 1.1 reads as booleans or null
_PLAIN_BLOCK = re.compile(r"[A-Za-z(][^\n:#'\"{}\[\]&*!|>%@`]*(?<! )")
_PLAIN_FLOW = re.compile(r"[A-Za-z(][^\n:#'\",{}\[\]&*!|>%@`]*(?<! )")
_KODE = re.compile(r"\d+\.\d+(?:\.\d+)+")


def _yaml_scalar(value: Any, flow: bool) -> str:
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        if "e" in text or "n" in text:
            raise ValueError(f"no plain YAML float for {value!r}")
        return text
    if isinstance(value, str):
        plain = _PLAIN_FLOW if flow else _PLAIN_BLOCK
        if (plain.fullmatch(value) and value.lower() not in _YAML_WORDS) or _KODE.fullmatch(value):
            return value
        return json.dumps(value, ensure_ascii=False)
    raise TypeError(f"cannot write {type(value).__name__} as YAML")


def _yaml_flow(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_flow(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml_flow(v)}" for k, v in value.items()) + "}"
    return _yaml_scalar(value, flow=True)


def _yaml_map(data: dict[str, Any], indent: int, lines: list[str]) -> None:
    pad = " " * indent
    for key, value in data.items():
        if isinstance(value, dict) and value and not all(isinstance(k, int) for k in value):
            lines.append(f"{pad}{key}:")
            _yaml_map(value, indent + 2, lines)
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            lines.append(f"{pad}{key}:")
            for item in value:
                first = len(lines)
                _yaml_map(item, indent + 2, lines)
                lines[first] = f"{pad}- {lines[first][indent + 2 :]}"
        elif isinstance(value, list | dict):
            lines.append(f"{pad}{key}: {_yaml_flow(value)}")
        else:
            lines.append(f"{pad}{key}: {_yaml_scalar(value, flow=False)}")


def write_plan(
    plan: Plan, directory: str | os.PathLike[str], stem: str | None = None
) -> tuple[Path, Path]:
    """Write the plan as ``<stem>.json`` and ``<stem>.yaml`` in ``directory``; return both paths."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    name = stem or str(plan["plan"]["id"])
    json_path = folder / f"{name}.json"
    yaml_path = folder / f"{name}.yaml"
    json_path.write_text(plan_json(plan), encoding="utf-8")
    yaml_path.write_text(plan_yaml(plan), encoding="utf-8")
    return json_path, yaml_path


def _spread(rng: random.Random, items: int, bins: int) -> list[int]:
    """``items`` split into ``bins`` counts, each at least one (``items >= bins``)."""
    counts = [1] * bins
    for _ in range(items - bins):
        counts[rng.randrange(bins)] += 1
    return counts


def _unit_kode(bidang: Sequence[str], i: int) -> str:
    """An OPD unit kode ``U.BB.U.BB.U.BB.NN.NNNN`` with up to three bidang slots."""
    slots = [*bidang[:3], *["0.00"] * (3 - min(3, len(bidang)))]
    return f"{'.'.join(slots)}.{i % 99 + 1:02d}.{i // 99:04d}"


def _round(value: float, decimals: int) -> int | float:
    return round(value) if decimals == 0 else round(value, decimals)


@dataclass
class _Opd:
    id: str
    name: str
    kind: OpdType
    suffix: str
    budget: int
    bidang: list[str]
    """The bidang urusan of its programs: its own first, then any it overflowed into."""
    places: tuple[str, ...] = ()
    """The villages its sub kegiatan are held in: each OPD has its own stretch of the
    place names, so two branches of one kind of OPD do not name the same work twice."""


class _Builder:
    def __init__(self, n_nodes: int, seed: int) -> None:
        self.n = n_nodes
        self.seed = seed
        self.rng = random.Random(seed)
        self.spending = random.Random(seed + 1)
        """Draws the realisasi anggaran apart from ``rng``, so adding it changed no other value."""
        self.provinsi = n_nodes >= PROVINSI_FROM
        self.k_digit = "1" if self.provinsi else "2"
        self.pemda = "Provinsi Nusantara Sintetis" if self.provinsi else "Kota Sintetis"
        self.nodes: list[dict[str, Any]] = []
        self.indicator_names: dict[str, set[str]] = {}
        """Each node's indicator names, so a child measures its own result (no PK218)."""
        self.next_program: dict[str, int] = {}
        self.fresh: set[str] = set()
        self.bidang_order = sorted({t.bidang for t in OPD_TYPES})
        self.places = [h + t for h in PLACE_HEADS for t in PLACE_TAILS]

    # -- the whole plan -------------------------------------------------------------------
    def build(self) -> Plan:
        rng = self.rng
        small = self.n < 2_000
        n_misi = rng.randint(5, 8)
        tujuan_per_misi = [1 if small else rng.randint(1, 3) for _ in range(n_misi)]
        n_tujuan = sum(tujuan_per_misi)
        sasaran_per_tujuan = [1 if small else rng.randint(1, 3) for _ in range(n_tujuan)]
        n_sasaran = sum(sasaran_per_tujuan)
        pemda_nodes = 1 + n_misi + n_tujuan + n_sasaran
        rest = self.n - pemda_nodes
        n_opd = max(1, round(rest / NODES_PER_OPD))
        while n_opd > 1 and rest // n_opd < 8:
            n_opd -= 1
        opds = self._opds(n_opd, rest)

        sasaran_ids = self._pemda(n_misi, tujuan_per_misi, sasaran_per_tujuan)
        # Every sasaran of the Pemda gets OPD support where there are enough OPD goals.
        order = list(sasaran_ids)
        rng.shuffle(order)
        turn = 0
        for opd in opds:
            turn = self._opd_tree(opd, order, turn, opds)
        self._faults()
        assert len(self.nodes) == self.n, (len(self.nodes), self.n)
        return {
            "pohon": 1,
            "plan": {
                "id": f"sintetis-{self.n}-{self.seed}",
                "name": f"RPJMD {self.pemda} {START}-{END} (sintetis, {self.n} node)",
                "pemda": self.pemda,
                "period": {"start": START, "end": END},
                "frameworks": [PANCA_CITA, ASTA_CITA],
                "notes": "Rencana sintetis untuk uji skala; semua nama dan angka rekaan.",
                "meta": {"generator": "benchmarks.synth", "seed": str(self.seed)},
            },
            "opds": [
                {
                    "id": opd.id,
                    "name": opd.name,
                    "kode": _unit_kode(opd.bidang, i),
                }
                for i, opd in enumerate(opds)
            ],
            "nodes": self.nodes,
        }

    def _opds(self, n_opd: int, rest: int) -> list[_Opd]:
        rng = self.rng
        weights = [rng.uniform(0.6, 1.4) for _ in range(n_opd)]
        total = sum(weights)
        budgets = [max(5, int(rest * w / total)) for w in weights]
        i = 0
        while sum(budgets) != rest:
            if sum(budgets) < rest:
                budgets[i % n_opd] += 1
            elif budgets[i % n_opd] > 5:
                budgets[i % n_opd] -= 1
            i += 1
        opds = []
        for i, budget in enumerate(budgets):
            kind = OPD_TYPES[i % len(OPD_TYPES)]
            instance = i // len(OPD_TYPES)
            if instance == 0:
                opds.append(_Opd(kind.key, kind.name, kind, "", budget, [kind.bidang]))
                continue
            place = self.places[(i * 7) % len(self.places)]
            if kind.key == "kecamatan":
                name = f"Kecamatan {place}"
            else:
                name = f"{kind.name} Wilayah {place}"
            opds.append(
                _Opd(
                    f"{kind.key}-{instance + 1}",
                    name,
                    kind,
                    f" Wilayah {place}",
                    budget,
                    [kind.bidang],
                )
            )
        stretch = 12
        for i, opd in enumerate(opds):
            first = (i * stretch) % len(self.places)
            opd.places = tuple(self.places[(first + j) % len(self.places)] for j in range(stretch))
        return opds

    # -- the Pemda's levels ---------------------------------------------------------------
    def _pemda(
        self, n_misi: int, tujuan_per_misi: Sequence[int], sasaran_per_tujuan: Sequence[int]
    ) -> list[str]:
        rng = self.rng
        self.nodes.append({"id": "V1", "level": "visi", "name": VISI.format(pemda=self.pemda)})
        misi_names = rng.sample(MISI, n_misi)
        for m in range(n_misi):
            self.nodes.append(
                {"id": f"M{m + 1}", "level": "misi", "name": misi_names[m], "parents": ["V1"]}
            )
        n_tujuan = sum(tujuan_per_misi)
        panca: list[list[str]] = [[] for _ in range(n_tujuan)]
        asta: list[list[str]] = [[] for _ in range(n_tujuan)]
        for item in range(max(PANCA_ITEMS, n_tujuan)):
            panca[item % n_tujuan].append(f"{PANCA_CITA}:{item % PANCA_ITEMS + 1}")
        for item in range(max(ASTA_ITEMS, n_tujuan)):
            asta[item % n_tujuan].append(f"{ASTA_CITA}:{item % ASTA_ITEMS + 1}")
        goods = list(PEMDA_GOODS)
        rng.shuffle(goods)
        t = 0
        tujuan: list[tuple[str, list[str]]] = []
        for m, count in enumerate(tujuan_per_misi):
            for _ in range(count):
                node_id = f"T{t + 1}"
                aligns = sorted(set(panca[t])) + sorted(set(asta[t]))
                name = f"{rng.choice(RISING)} {goods[t % len(goods)]}"
                if t >= len(goods):
                    name += f" tahap {t // len(goods) + 1}"
                node: dict[str, Any] = {
                    "id": node_id,
                    "level": "tujuan",
                    "name": name,
                    "parents": [f"M{m + 1}"],
                    "aligns": aligns,
                }
                node["indicators"] = self._indicators(node_id, "impact", None, iku=True)
                self.nodes.append(node)
                tujuan.append((node_id, aligns))
                t += 1
        s = 0
        sasaran_ids = []
        for (tujuan_id, aligns), count in zip(tujuan, sasaran_per_tujuan, strict=True):
            for _ in range(count):
                node_id = f"S{s + 1}"
                if rng.random() < 0.3:
                    name = f"{rng.choice(FALLING)} {rng.choice(PEMDA_BADS)}"
                else:
                    name = f"{rng.choice(RISING)} {rng.choice(PEMDA_GOODS)}"
                panca_items = [a for a in aligns if a.startswith(PANCA_CITA)]
                asta_items = [a for a in aligns if a.startswith(ASTA_CITA)]
                node = {
                    "id": node_id,
                    "level": "sasaran",
                    "name": name,
                    "parents": [tujuan_id],
                    "aligns": [rng.choice(panca_items), rng.choice(asta_items)],
                }
                node["indicators"] = self._indicators(
                    node_id, "outcome", None, iku=True, parent=tujuan_id
                )
                self.nodes.append(node)
                sasaran_ids.append(node_id)
                s += 1
        return sasaran_ids

    # -- one OPD --------------------------------------------------------------------------
    def _opd_tree(self, opd: _Opd, sasaran: list[str], turn: int, opds: list[_Opd]) -> int:
        rng = self.rng
        b = opd.budget
        n_t = 1 if b < 60 else (2 if b < 160 else 3)
        n_s = max(n_t, round(b * 0.035))
        n_p = max(n_s, round(b * 0.07))
        rest = b - n_t - n_s - n_p
        n_k = max(n_p, round(rest * 0.3))
        n_sk = rest - n_k
        while n_sk < n_k and n_k > n_p:
            n_k -= 1
            n_sk += 1
        assert n_t <= n_s <= n_p <= n_k <= n_sk, (b, n_t, n_s, n_p, n_k, n_sk)
        kind = opd.kind
        tag = opd.id.upper()
        topic = kind.topic + opd.suffix.lower()
        where = opd.suffix

        # Tujuan PD: each supports one sasaran of the Pemda, in turn.
        tujuan_ids = []
        for t in range(n_t):
            node_id = f"TO-{tag}-{t + 1}"
            parent = sasaran[turn % len(sasaran)]
            turn += 1
            name = f"{rng.choice(RISING)} {rng.choice(QUALITIES)} {topic}{rng.choice(AUDIENCES)}"
            node: dict[str, Any] = {
                "id": node_id,
                "level": "tujuan_opd",
                "name": name,
                "parents": [parent],
            }
            node["opd"] = opd.id
            node["indicators"] = self._indicators(node_id, "outcome", kind, iku=True)
            self.nodes.append(node)
            tujuan_ids.append(node_id)

        # Sasaran PD: spread over the tujuan PD; some also support a sasaran of the Pemda.
        sasaran_opd = []
        per_tujuan = _spread(rng, n_s, n_t)
        s = 0
        for tujuan_id, count in zip(tujuan_ids, per_tujuan, strict=True):
            for _ in range(count):
                node_id = f"SO-{tag}-{s + 1}"
                parents = [tujuan_id]
                if rng.random() < 0.1:
                    parents.append(rng.choice(sasaran))
                if s == 0:
                    name = f"Meningkatnya akuntabilitas kinerja {opd.name}"
                elif rng.random() < 0.35:
                    name = f"{rng.choice(FALLING)} {kind.problem}{where.lower()}"
                else:
                    name = f"{rng.choice(RISING)} {rng.choice(QUALITIES)} {topic}"
                node = {
                    "id": node_id,
                    "level": "sasaran_opd",
                    "name": name,
                    "parents": parents,
                }
                node["opd"] = opd.id
                node["indicators"] = self._indicators(
                    node_id, "outcome", kind, iku=s == 0, parent=tujuan_id
                )
                self._crosscutting(node, opd, opds)
                self.nodes.append(node)
                sasaran_opd.append(node_id)
                s += 1

        # Programs: the support program U.BB.01 under the first sasaran PD, then the others.
        bidang = kind.bidang
        program_codes = [f"{bidang}.01", *self._program_codes(opd, n_p - 1)]
        program_parents = [sasaran_opd[0]]
        program_parents += [sasaran_opd[i % n_s] for i in range(1, n_p)]
        # Kegiatan and sub kegiatan per program; the support program has the most kegiatan.
        keg_weights = _spread(rng, n_k, n_p)
        if n_p > 1 and keg_weights[0] < min(len(SUPPORT_KEGIATAN), n_k // 4):
            take = min(len(SUPPORT_KEGIATAN), n_k // 4) - keg_weights[0]
            for j in range(1, n_p):
                spare = min(take, keg_weights[j] - 1)
                keg_weights[j] -= spare
                keg_weights[0] += spare
                take -= spare
        sub_counts = iter(_spread(rng, n_sk, n_k))
        for p, (code, parent) in enumerate(zip(program_codes, program_parents, strict=True)):
            support = p == 0
            node_id = f"P-{tag}-{code}"
            if support:
                name = f"Meningkatnya akuntabilitas kinerja dan tata kelola {opd.name}"
            else:
                subject = rng.choice(PROGRAM_SUBJECTS)
                name = f"{rng.choice(RISING)} {rng.choice(QUALITIES)} {subject} {topic}"
            program: dict[str, Any] = {
                "id": node_id,
                "level": "program",
                "name": name,
                "parents": [parent],
                "opd": opd.id,
                "kode": code,
            }
            program["indicators"] = self._indicators(node_id, "outcome", kind, parent=parent)
            if not support:
                self._crosscutting(program, opd, opds)
            self.nodes.append(program)
            totals = dict.fromkeys(YEARS, 0)
            for a in range(keg_weights[p]):
                keg_code = f"{code}.{self.k_digit}.{a + 1:02d}"
                keg_id = f"K-{tag}-{keg_code}"
                if support and a < len(SUPPORT_KEGIATAN):
                    keg_name = SUPPORT_KEGIATAN[a]
                else:
                    keg_name = (
                        f"{rng.choice(KEGIATAN_ACTS)} {rng.choice(KEGIATAN_OBJECTS)} "
                        f"{kind.topic.title()}{where}"
                    )
                kegiatan: dict[str, Any] = {
                    "id": keg_id,
                    "level": "kegiatan",
                    "name": keg_name,
                    "parents": [node_id],
                    "opd": opd.id,
                    "kode": keg_code,
                }
                kegiatan["indicators"] = self._indicators(keg_id, "output", kind, parent=node_id)
                self.nodes.append(kegiatan)
                keg_totals = dict.fromkeys(YEARS, 0)
                for ss in range(next(sub_counts)):
                    sub_code = f"{keg_code}.{ss + 1:04d}"
                    sub_id = f"SK-{tag}-{sub_code}"
                    if support:
                        sub_name = SUPPORT_SUB[(a * 3 + ss) % len(SUPPORT_SUB)]
                    else:
                        sub_name = (
                            f"{rng.choice(SUB_ACTS)} {rng.choice(SUB_OBJECTS)} "
                            f"{kind.topic.title()}{where} di {self._place(opd)}"
                        )
                    pagu = self._pagu()
                    for year, amount in pagu.items():
                        keg_totals[year] += amount
                    sub: dict[str, Any] = {
                        "id": sub_id,
                        "level": "sub_kegiatan",
                        "name": sub_name,
                        "parents": [keg_id],
                        "opd": opd.id,
                        "kode": sub_code,
                    }
                    sub["indicators"] = self._indicators(
                        sub_id, "output", kind, few=True, parent=keg_id
                    )
                    sub["pagu"] = pagu
                    # The first year is spent (88-99 % of the pagu) by nine OPD in ten.
                    if self.spending.random() < 0.9:
                        share = self.spending.uniform(0.88, 0.99)
                        sub["realisasi_anggaran"] = {
                            START: round(pagu[START] * share / 1_000) * 1_000
                        }
                    self.nodes.append(sub)
                kegiatan["pagu"] = keg_totals
                for year, amount in keg_totals.items():
                    totals[year] += amount
            program["pagu"] = totals
        return turn

    def _program_codes(self, opd: _Opd, count: int) -> list[str]:
        # Programs of different OPDs never share a kode (outside the support program): an
        # OPD type that repeats takes the next free numbers of its bidang; when those run
        # out it takes a neighbouring bidang, which its unit kode then lists (at most three).
        codes = []
        order = self.bidang_order
        start = order.index(opd.bidang[0])
        for _ in range(count):
            for shift in range(len(order)):
                b = order[(start + shift) % len(order)]
                if b not in opd.bidang and len(opd.bidang) >= 3:
                    continue
                number = self.next_program.get(b, 2)
                if number <= 99:
                    self.next_program[b] = number + 1
                    codes.append(f"{b}.{number:02d}")
                    if b not in opd.bidang:
                        opd.bidang.append(b)
                    break
            else:  # every number of every bidang within reach taken: open a new bidang
                b = self._fresh_bidang(opd)
                number = self.next_program.get(b, 2)
                self.next_program[b] = number + 1
                codes.append(f"{b}.{number:02d}")
        return codes

    def _fresh_bidang(self, opd: _Opd) -> str:
        """A bidang beyond the real ones (``U.BB`` with BB from 40 up) with numbers left,
        listed in the OPD's unit kode: a plan of 100,000 nodes has more programs than the
        real bidang have numbers, and no two OPDs may share a program kode. An OPD whose
        three unit kode slots are taken gives up its last one: every program it had there
        is then outside its unit kode, which never happens below some 60,000 nodes."""
        for b in opd.bidang:
            if b in self.fresh and self.next_program.get(b, 2) <= 99:
                return b
        u, bb = divmod(len(self.fresh), 60)
        if u >= 9:
            raise ValueError("no bidang left for the programs of a plan this large")
        b = f"{u + 1}.{bb + 40:02d}"
        self.fresh.add(b)
        if len(opd.bidang) >= 3:
            opd.bidang[-1] = b
        else:
            opd.bidang.append(b)
        return b

    def _place(self, opd: _Opd) -> str:
        word = "Desa" if self.provinsi else "Kelurahan"
        return f"{word} {self.rng.choice(opd.places)}"

    def _pagu(self) -> dict[int, int]:
        rng = self.rng
        amount = rng.randint(50, 5_000) * 1_000_000
        pagu = {}
        for year in YEARS:
            pagu[year] = amount
            amount = round(amount * rng.uniform(0.95, 1.15) / 1_000) * 1_000
        return pagu

    def _crosscutting(self, node: dict[str, Any], opd: _Opd, opds: list[_Opd]) -> None:
        rng = self.rng
        if rng.random() >= 0.03:
            return
        if len(opds) > 1 and rng.random() < 0.85:
            other = rng.choice([o for o in opds[:40] if o.id != opd.id])
            status = rng.choice(("disetujui", "disetujui", "disetujui", "usulan", "ditolak"))
            node["crosscutting"] = [
                {"opd": other.id, "status": status, "note": f"dukungan {other.kind.topic}"}
            ]
        else:
            node["crosscutting"] = [
                {"agency": "Badan Pusat Statistik", "status": "usulan", "note": "data dasar"}
            ]

    # -- indicators -----------------------------------------------------------------------
    def _indicators(
        self,
        node_id: str,
        kind: str,
        opd: OpdType | None,
        *,
        iku: bool = False,
        few: bool = False,
        parent: str | None = None,
    ) -> list[dict[str, Any]]:
        """One to three indicators; none repeats an indicator of ``parent``, as in a plan
        whose every level measures its own result."""
        rng = self.rng
        count = rng.choices((1, 2, 3), (8, 2, 0) if few else (6, 3, 1))[0]
        pool: tuple[_Template, ...] = (
            IMPACT if kind == "impact" else OUTCOME if kind == "outcome" else OUTPUT
        )
        if opd is None:
            pool = tuple(t for t in pool if "{" not in t.name) or IMPACT
        chosen = rng.sample(pool, count)
        taken = self.indicator_names.get(parent, set()) if parent is not None else set()
        if taken:
            topic = opd.topic if opd is not None else "daerah"
            problem = opd.problem if opd is not None else "masalah daerah"
            fresh = [t for t in pool if t.name.format(topic=topic, problem=problem) not in taken]
            chosen = [t for t in chosen if t in fresh] or fresh[:1] or chosen
        indicators = [
            self._indicator(f"{node_id}.I{k + 1}", template, kind, opd, iku and k == 0)
            for k, template in enumerate(chosen)
        ]
        self.indicator_names[node_id] = {ind["name"] for ind in indicators}
        return indicators

    def _indicator(
        self, ind_id: str, tpl: _Template, kind: str, opd: OpdType | None, iku: bool
    ) -> dict[str, Any]:
        rng = self.rng
        topic = opd.topic if opd is not None else "daerah"
        problem = opd.problem if opd is not None else "masalah daerah"
        name = tpl.name.format(topic=topic, problem=problem)
        ind: dict[str, Any] = {"id": ind_id, "name": name, "satuan": tpl.satuan}
        if tpl.measure != "number":
            ind["measure"] = tpl.measure
        if tpl.polarity != "higher":
            ind["polarity"] = tpl.polarity
        targets: dict[int, Any] = {}
        actuals: dict[int, Any] = {}
        if tpl.polarity == "range":
            low = round(rng.uniform(tpl.low, tpl.low + 0.5), 1)
            width = round(rng.uniform(1, 2), 1)
            ind["baseline"] = {"year": BASELINE_YEAR, "value": round(low + width / 2, 2)}
            for year in YEARS:
                targets[year] = [low, round(low + width, 1)]
            actuals[START] = round(rng.uniform(low - 0.5, low + width + 0.5), 2)
        else:
            value = _round(rng.uniform(tpl.low, tpl.high), tpl.decimals)
            ind["baseline"] = {"year": BASELINE_YEAR, "value": value}
            sign = 1 if tpl.polarity == "higher" else -1
            for year in YEARS:
                value = _round(
                    value + sign * rng.uniform(tpl.step_low, tpl.step_high), tpl.decimals
                )
                if tpl.measure == "percent":
                    value = min(value, 100)
                value = max(value, 0)
                targets[year] = value
            for year in YEARS[:2]:
                if rng.random() < (0.7 if year == START else 0.2):
                    actual = _round(targets[year] * rng.uniform(0.85, 1.1), tpl.decimals)
                    actuals[year] = min(actual, 100) if tpl.measure == "percent" else actual
        ind["targets"] = targets
        if actuals:
            ind["actuals"] = actuals
        if kind != "output":
            ind["definisi"] = f"{name} pada akhir tahun berjalan"
            if tpl.measure == "percent":
                ind["formula"] = f"(capaian {topic} / sasaran {topic}) x 100%"
            else:
                ind["formula"] = f"nilai {name.lower()} menurut sumber data"
            ind["sumber_data"] = rng.choice(SUMBER_DATA)
        if iku:
            ind["iku"] = True
        return ind

    # -- faults ---------------------------------------------------------------------------
    def _faults(self) -> None:
        """About 0.5% of the nodes get one realistic fault each."""
        rng = self.rng
        count = max(3, round(self.n * FAULT_RATE))
        with_indicators = [n for n in self.nodes if n.get("indicators")]
        with_pagu = [n for n in self.nodes if n["level"] == "sub_kegiatan"]
        for k in range(count):
            kind = k % 3
            if kind == 0:  # a missing satuan
                node = rng.choice(with_indicators)
                node["indicators"][0].pop("satuan", None)
            elif kind == 1:  # a target moving against its polarity
                node = rng.choice(with_indicators)
                ind = node["indicators"][0]
                polarity = ind.get("polarity", "higher")
                if polarity == "range":
                    continue
                before = ind["targets"][START + 2]
                step = max(abs(before) * 0.1, 1 if isinstance(before, int) else 0.1)
                if isinstance(before, int):
                    step = round(step)
                moved = before - step if polarity == "higher" else before + step
                ind["targets"][START + 3] = _round(moved, 0 if isinstance(before, int) else 2)
            elif with_pagu:  # a sub kegiatan without pagu for one year
                node = rng.choice(with_pagu)
                node["pagu"].pop(START + 3, None)
