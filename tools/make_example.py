"""Tulis contoh pohon kinerja ilustratif RPJMD Kota Mojokerto 2025-2029.

Keluaran: ``src/pohon/data/examples/mojokerto.yaml`` dalam format asli ``pohon``.
Teks YAML ditulis sendiri (bukan lewat ``yaml.dump``) agar tata letaknya stabil
dan mudah dibaca; menjalankan skrip ini berulang kali menghasilkan byte yang sama.

Pemakaian::

    python tools/make_example.py           # tulis ulang berkas contoh
    python tools/make_example.py --check   # keluar dengan kode 1 bila berkas berbeda

Isi contoh ini ilustratif: visi dan kelima Panca Cita berasal dari bahan publik
rancangan RPJMD, selebihnya (tujuan, sasaran, indikator, angka, pagu, pohon OPD)
adalah rekaan yang masuk akal. Beberapa cacat sengaja dimasukkan dan ditandai
dengan komentar ``# flaw:`` agar pemeriksa punya temuan.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "pohon" / "data" / "examples" / "mojokerto.yaml"

YEARS: tuple[int, ...] = (2025, 2026, 2027, 2028, 2029)
BASE_YEAR = 2024
JUTA = 1_000_000

PC = "panca-cita-mojokerto-2025"
AC = "asta-cita-2025"
NBS = "nawa-bhakti-satya-2025"
FRAMEWORKS: tuple[str, ...] = (PC, AC, NBS)

PENUNJANG = "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
LEVEL_SCALE: tuple[str, ...] = ("Level 1", "Level 2", "Level 3", "Level 4", "Level 5")

Range = tuple[float, float]
Value = int | float | str | Range
Parent = str | tuple[str, float]


# --------------------------------------------------------------------------- model


@dataclass
class Manual:
    """Manual indikator kinerja (definisi operasional dan seterusnya)."""

    definisi: str | None = None
    formula: str | None = None
    sumber_data: str | None = None
    penanggung_jawab: str | None = None


@dataclass
class Ind:
    """Satu indikator; ``id`` diisi saat indikator dipasang pada simpul."""

    name: str
    satuan: str | None
    baseline: Value | None
    targets: Sequence[Value]
    measure: str = "number"
    polarity: str = "higher"
    cumulative: bool = False
    actual: Value | None = None
    pk_target: Value | None = None
    scale: tuple[str, ...] | None = None
    iku: bool = False
    manual: Manual | None = None
    baseline_year: int = BASE_YEAR
    id: str = ""


@dataclass
class Cross:
    """Deklarasi crosscutting: OPD internal atau instansi luar."""

    status: str
    note: str
    opd: str | None = None
    agency: str | None = None


@dataclass
class Node:
    id: str
    level: str
    name: str
    parents: list[Parent] | None
    aligns: list[str] = field(default_factory=list)
    opd: str | None = None
    kode: str | None = None
    indicators: list[Ind] = field(default_factory=list)
    pagu: dict[int, int] = field(default_factory=dict)
    realisasi_anggaran: dict[int, int] = field(default_factory=dict)
    crosscutting: list[Cross] = field(default_factory=list)
    notes: str | None = None


@dataclass
class Sub:
    kode: str
    name: str
    nomen: str
    ind: Ind
    pagu_juta: int
    growth: int = 4


@dataclass
class Keg:
    kode: str
    name: str
    nomen: str
    ind: Ind
    subs: list[Sub]
    orphan: bool = False


@dataclass
class Prog:
    kode: str
    name: str
    nomen: str
    parents: list[Parent]
    inds: list[Ind]
    kegs: list[Keg]
    notes: str | None = None


@dataclass
class SasaranOpd:
    name: str
    parents: list[Parent]
    inds: list[Ind]
    crosscutting: list[Cross] = field(default_factory=list)


@dataclass
class Opd:
    id: str
    name: str
    kode: str
    tujuan: str
    tujuan_parents: list[Parent]
    tujuan_inds: list[Ind]
    sasaran: list[SasaranOpd]
    programs: list[Prog]

    @property
    def key(self) -> str:
        return self.id.upper()


# --------------------------------------------------------------------------- helpers


def num(
    name: str,
    satuan: str | None,
    baseline: Value | None,
    targets: Sequence[Value],
    **kw: object,
) -> Ind:
    """Indikator ukuran bilangan."""
    return _ind(name, satuan, baseline, targets, "number", kw)


def pct(name: str, baseline: Value | None, targets: Sequence[Value], **kw: object) -> Ind:
    """Indikator persentase (satuan %)."""
    return _ind(name, "%", baseline, targets, "percent", kw)


def _ind(
    name: str,
    satuan: str | None,
    baseline: Value | None,
    targets: Sequence[Value],
    measure: str,
    kw: dict[str, object],
) -> Ind:
    ind = Ind(name=name, satuan=satuan, baseline=baseline, targets=targets, measure=measure)
    for key, value in kw.items():
        if not hasattr(ind, key):
            raise TypeError(f"kolom indikator tidak dikenal: {key}")
        setattr(ind, key, value)
    if len(ind.targets) != len(YEARS):
        raise ValueError(f"indikator {name!r} harus punya {len(YEARS)} target")
    return ind


def same(value: Value) -> list[Value]:
    """Target yang sama untuk kelima tahun."""
    return [value for _ in YEARS]


def step(start: float, inc: float, digits: int = 2) -> list[Value]:
    """Target naik (atau turun bila ``inc`` negatif) dengan langkah tetap."""
    return [round(start + inc * i, digits) for i in range(len(YEARS))]


def al(*refs: str) -> list[str]:
    """Rujukan butir kerangka: ``pc1`` → ``panca-cita-mojokerto-2025:1``."""
    prefixes = {"pc": PC, "ac": AC, "nbs": NBS}
    out: list[str] = []
    for ref in refs:
        match = re.fullmatch(r"([a-z]+)(\d+)", ref)
        if match is None or match.group(1) not in prefixes:
            raise ValueError(ref)
        out.append(f"{prefixes[match.group(1)]}:{match.group(2)}")
    return out


def pagu_series(juta: int, growth: int) -> dict[int, int]:
    """Pagu per tahun dalam rupiah, dibulatkan ke juta, naik ``growth`` persen per tahun."""
    series: dict[int, int] = {}
    for i, year in enumerate(YEARS):
        series[year] = (juta * (100 + growth * i) + 50) // 100 * JUTA
    return series


def sum_pagu(children: Sequence[Node]) -> dict[int, int]:
    return {year: sum(child.pagu.get(year, 0) for child in children) for year in YEARS}


def nomenklatur(nomen: str) -> str:
    return f"Nomenklatur: {nomen}"


# --------------------------------------------------------------------------- pemda


def pemda_nodes() -> list[Node]:
    nodes: list[Node] = [
        Node(
            id="V1",
            level="visi",
            name=(
                "Terwujudnya Kota Mojokerto Maju, Berdaya Saing, Berkarakter, Sejahtera"
                " dan Berkelanjutan"
            ),
            parents=None,
            notes=(
                "Rumusan rancangan RPJMD yang disampaikan kepada DPRD pada 10 April 2025."
                ' Rumusan lain yang beredar: "Mewujudkan Kota Mojokerto yang Maju, Berdaya'
                ' Saing, Berkarakter, Sejahtera, dan Berkelanjutan".'
            ),
        ),
    ]
    misi = [
        "Peningkatan kualitas SDM melalui program unggulan Mojokerto Cerdas dan"
        " Mojokerto Berprestasi",
        "Penguatan ketahanan sosial dan budaya melalui Mojokerto Berbudaya, Mojokerto"
        " Guyub, dan Mojokerto Tentram",
        "Pertumbuhan ekonomi berkelanjutan melalui Mojokerto Makmur, Mojokerto Sejahtera,"
        " dan Mojokerto Memikat",
        "Integrasi tata kelola pemerintahan berbasis digital dan inovasi pelayanan publik",
        "Pembangunan infrastruktur berwawasan lingkungan melalui Mojokerto Asri dan"
        " Mojokerto Digitalisasi",
    ]
    for i, name in enumerate(misi, start=1):
        nodes.append(Node(id=f"M{i}", level="misi", name=name, parents=["V1"], aligns=al(f"pc{i}")))

    bps = "BPS Kota Mojokerto"
    setda_org = "Bagian Organisasi Sekretariat Daerah"

    def tujuan(nid: str, parent: str, name: str, aligns: list[str], inds: list[Ind]) -> None:
        nodes.append(
            Node(
                id=nid, level="tujuan", name=name, parents=[parent], aligns=aligns, indicators=inds
            )
        )

    def sasaran(nid: str, parent: str, name: str, aligns: list[str], inds: list[Ind]) -> None:
        nodes.append(
            Node(
                id=nid, level="sasaran", name=name, parents=[parent], aligns=aligns, indicators=inds
            )
        )

    # Misi 1: kualitas SDM
    tujuan(
        "T1",
        "M1",
        "Meningkatnya kualitas sumber daya manusia yang cerdas dan berprestasi",
        al("pc1", "ac4", "nbs5"),
        [
            num(
                "Indeks Pembangunan Manusia (IPM)",
                "indeks",
                81.20,
                step(81.65, 0.45),
                actual=81.72,
                iku=True,
                manual=Manual(
                    "Ukuran capaian pembangunan manusia dari tiga dimensi dasar: umur"
                    " panjang dan hidup sehat, pengetahuan, dan standar hidup layak.",
                    "IPM = (I_kesehatan × I_pendidikan × I_pengeluaran)^(1/3) × 100",
                    bps,
                    "Bappeda",
                ),
            ),
        ],
    )
    sasaran(
        "S1",
        "T1",
        "Meningkatnya akses dan mutu pendidikan masyarakat",
        al("pc1", "ac4", "nbs5"),
        [
            num(
                "Rata-rata Lama Sekolah",
                "tahun",
                10.95,
                [11.02, 11.10, 11.18, 11.26, 11.35],
                actual=11.03,
            ),
            num(
                "Harapan Lama Sekolah",
                "tahun",
                14.10,
                [14.15, 14.20, 14.26, 14.32, 14.40],
                actual=14.16,
            ),
        ],
    )
    tujuan(
        "T2",
        "M1",
        "Meningkatnya derajat kesehatan masyarakat",
        al("pc1", "ac4", "nbs6"),
        [
            num(
                "Angka Harapan Hidup",
                "tahun",
                74.20,
                step(74.32, 0.12),
                actual=74.35,
                iku=True,
                manual=Manual(
                    "Rata-rata perkiraan banyak tahun yang dapat ditempuh seseorang sejak lahir.",
                    "Dihitung BPS dengan metode tidak langsung dari data anak lahir hidup"
                    " dan anak masih hidup",
                    bps,
                    "Dinas Kesehatan",
                ),
            ),
        ],
    )
    sasaran(
        "S2",
        "T2",
        "Menurunnya kematian ibu dan prevalensi balita stunting",
        al("pc1", "ac4", "nbs6"),
        [
            num(
                "Angka Kematian Ibu",
                "per 100.000 kelahiran hidup",
                98.5,
                [95.0, 90.0, 85.0, 80.0, 75.0],
                polarity="lower",
                actual=101.2,
            ),
            pct(
                "Prevalensi balita stunting",
                12.8,
                [11.5, 10.5, 9.5, 8.5, 7.5],
                polarity="lower",
                actual=13.1,
                iku=True,
                manual=Manual(
                    "Persentase balita dengan tinggi badan menurut umur di bawah -2 SD"
                    " standar pertumbuhan WHO.",
                    "(Jumlah balita stunting / jumlah balita yang diukur) × 100%",
                    "Survei Kesehatan Indonesia (Kementerian Kesehatan)",
                    "Dinas Kesehatan",
                ),
            ),
        ],
    )
    sasaran(
        "S3",
        "T2",
        "Meningkatnya akses dan mutu pelayanan kesehatan",
        al("pc1", "ac4", "nbs6"),
        [
            pct(
                "Cakupan kepesertaan Jaminan Kesehatan Nasional (UHC)",
                98.10,
                [98.5, 98.8, 99.0, 99.2, 99.5],
                actual=98.62,
            ),
            num(
                "Indeks Kepuasan Masyarakat terhadap layanan puskesmas",
                "nilai",
                84.1,
                step(84.5, 0.5, 1),
            ),
        ],
    )

    # Misi 2: sosial budaya (sengaja tipis: satu sasaran saja)
    tujuan(
        "T3",
        "M2",
        "Menguatnya ketahanan sosial dan budaya masyarakat",
        al("pc2", "ac1", "ac8", "nbs8"),
        [
            num(
                "Indeks Pembangunan Gender (IPG)", "indeks", 96.10, step(96.25, 0.15), actual=96.21
            ),
        ],
    )
    sasaran(
        "S4",
        "T3",
        "Meningkatnya ketenteraman, ketertiban umum dan pelestarian budaya daerah",
        al("pc2", "ac8", "nbs8"),
        [
            pct(
                "Persentase gangguan ketenteraman dan ketertiban umum yang tertangani",
                92.0,
                step(93.0, 1.0, 1),
            ),
            num("Indeks Pembangunan Kebudayaan", "indeks", 58.20, step(58.9, 0.7, 1)),
        ],
    )

    # Misi 3: ekonomi
    tujuan(
        "T4",
        "M3",
        "Meningkatnya pertumbuhan ekonomi yang inklusif dan berkelanjutan",
        al("pc3", "ac2", "ac3", "nbs1", "nbs2", "nbs4"),
        [
            pct(
                "Laju pertumbuhan ekonomi",
                5.45,
                [5.50, 5.60, 5.70, 5.80, 6.00],
                actual=5.42,
                iku=True,
                manual=Manual(
                    "Laju pertumbuhan Produk Domestik Regional Bruto atas dasar harga konstan.",
                    "((PDRB ADHK tahun t - PDRB ADHK tahun t-1) / PDRB ADHK tahun t-1) × 100%",
                    bps,
                    "Bappeda",
                ),
            ),
        ],
    )
    sasaran(
        "S5",
        "T4",
        "Meningkatnya daya saing UMKM, perdagangan dan investasi",
        al("pc3", "ac3", "nbs2"),
        [
            pct(
                "Kontribusi sektor perdagangan besar dan eceran terhadap PDRB",
                24.50,
                step(24.7, 0.2, 1),
            ),
            num(
                "Nilai realisasi investasi",
                "miliar rupiah",
                650,
                [700, 750, 800, 860, 920],
                actual=712,
            ),
        ],
    )
    sasaran(
        "S6",
        "T4",
        "Terkendalinya inflasi daerah",
        al("pc3", "ac2", "nbs1"),
        [
            pct(
                "Tingkat inflasi tahunan (y-on-y)",
                1.72,
                same((1.5, 3.5)),
                polarity="range",
                actual=2.05,
                iku=True,
                manual=Manual(
                    "Persentase perubahan Indeks Harga Konsumen bulan Desember tahun berjalan"
                    " terhadap Desember tahun sebelumnya.",
                    "((IHK Desember t - IHK Desember t-1) / IHK Desember t-1) × 100%",
                    bps,
                    "Tim Pengendalian Inflasi Daerah (TPID) Kota Mojokerto",
                ),
            ),
        ],
    )
    sasaran(
        "S7",
        "T4",
        "Meningkatnya ketahanan pangan masyarakat",
        al("pc3", "ac2", "nbs4"),
        [
            num("Skor Pola Pangan Harapan (PPH)", "poin", 88.5, [89.2, 90.0, 90.8, 91.5, 92.3]),
        ],
    )
    tujuan(
        "T5",
        "M3",
        "Menurunnya kemiskinan dan pengangguran",
        al("pc3", "ac3", "ac6", "nbs1", "nbs2"),
        [
            pct(
                "Persentase penduduk miskin",
                5.84,
                step(5.60, -0.25),
                polarity="lower",
                actual=5.71,
                iku=True,
                manual=Manual(
                    "Persentase penduduk dengan rata-rata pengeluaran per kapita per"
                    " bulan di bawah garis kemiskinan.",
                    "(Jumlah penduduk miskin / jumlah penduduk) × 100%",
                    "BPS (Susenas Maret)",
                    "Bappeda",
                ),
            ),
            pct(
                "Tingkat Pengangguran Terbuka (TPT)",
                4.30,
                step(4.20, -0.15),
                polarity="lower",
                actual=4.25,
                iku=True,
                manual=Manual(
                    "Persentase pengangguran terhadap angkatan kerja.",
                    "(Jumlah pengangguran / jumlah angkatan kerja) × 100%",
                    "BPS (Sakernas Agustus)",
                    "Dinas Tenaga Kerja",
                ),
            ),
        ],
    )
    sasaran(
        "S8",
        "T5",
        "Meningkatnya perlindungan dan pemberdayaan sosial keluarga miskin",
        al("pc3", "ac6", "nbs1"),
        [
            num(
                "Indeks Kedalaman Kemiskinan (P1)",
                "indeks",
                0.78,
                step(0.75, -0.03),
                polarity="lower",
            ),
        ],
    )
    sasaran(
        "S9",
        "T5",
        "Meningkatnya kesempatan kerja yang berkualitas",
        al("pc3", "ac3", "nbs2"),
        [
            pct(
                "Tingkat Partisipasi Angkatan Kerja (TPAK)",
                68.20,
                step(68.5, 0.3, 1),
                iku=True,
                manual=Manual(
                    sumber_data="BPS (Sakernas Agustus)", penanggung_jawab="Dinas Tenaga Kerja"
                ),
            ),
        ],
    )

    # Misi 4: tata kelola
    tujuan(
        "T6",
        "M4",
        "Meningkatnya tata kelola pemerintahan yang akuntabel dan berbasis kinerja",
        al("pc4", "ac7", "nbs7"),
        [
            num(
                "Indeks Reformasi Birokrasi",
                "nilai",
                68.50,
                step(70.0, 2.0, 1),
                actual=69.8,
                iku=True,
                manual=Manual(
                    "Nilai hasil evaluasi pelaksanaan reformasi birokrasi oleh KemenPAN-RB.",
                    "Nilai evaluasi reformasi birokrasi sesuai pedoman KemenPAN-RB yang berlaku",
                    "Laporan hasil evaluasi RB KemenPAN-RB",
                    setda_org,
                ),
            ),
        ],
    )
    sasaran(
        "S10",
        "T6",
        "Meningkatnya akuntabilitas kinerja dan pengawasan internal",
        al("pc4", "ac7", "nbs7"),
        [
            num(
                "Nilai SAKIP Pemerintah Kota Mojokerto",
                "nilai",
                71.85,
                [73.0, 75.0, 77.5, 80.0, 81.0],
                actual=72.6,
                iku=True,
                manual=Manual(
                    "Nilai hasil evaluasi implementasi SAKIP oleh KemenPAN-RB.",
                    "Jumlah nilai komponen perencanaan (30), pengukuran (30), pelaporan"
                    " (15) dan evaluasi akuntabilitas kinerja internal (25) sesuai"
                    " PermenPAN-RB 88/2021",
                    "Laporan hasil evaluasi SAKIP KemenPAN-RB",
                    setda_org,
                ),
            ),
        ],
    )
    sasaran(
        "S12",
        "T6",
        "Meningkatnya kualitas perencanaan dan pengelolaan keuangan daerah",
        al("pc4", "ac7", "nbs7"),
        [
            pct("Persentase konsistensi program RPJMD dalam RKPD", 90.0, step(92.0, 2.0, 1)),
            pct("Rasio PAD terhadap total pendapatan daerah", 22.40, step(23.0, 0.6, 1)),
        ],
    )
    tujuan(
        "T7",
        "M4",
        "Meningkatnya kualitas pelayanan publik",
        al("pc4", "ac7", "nbs7"),
        [
            num(
                "Indeks Kepuasan Masyarakat (IKM)",
                "nilai",
                82.40,
                step(83.0, 0.5, 1),
                actual=83.1,
                iku=True,
                manual=Manual(
                    "Ukuran kepuasan masyarakat atas pelayanan publik perangkat daerah dari"
                    " survei sembilan unsur pelayanan.",
                    "Rata-rata tertimbang nilai unsur pelayanan × 25 (PermenPAN-RB 14/2017)",
                    "Survei Kepuasan Masyarakat perangkat daerah",
                    setda_org,
                ),
            ),
        ],
    )
    sasaran(
        "S11",
        "T7",
        "Meningkatnya kualitas pelayanan publik berbasis digital",
        al("pc4", "ac7", "nbs7"),
        [
            num("Indeks SPBE", "indeks", 3.10, step(3.25, 0.15), actual=3.21),
        ],
    )

    # Misi 5: infrastruktur dan lingkungan
    tujuan(
        "T8",
        "M5",
        "Meningkatnya kualitas infrastruktur kota dan permukiman yang layak",
        al("pc5", "ac3", "nbs3"),
        [
            pct("Persentase rumah tangga yang menempati hunian layak", 91.50, step(92.2, 0.7, 1)),
        ],
    )
    sasaran(
        "S13",
        "T8",
        "Meningkatnya kemantapan jalan dan kinerja drainase kota",
        al("pc5", "ac3", "nbs3"),
        [
            pct(
                "Persentase panjang jalan kota dalam kondisi mantap",
                88.40,
                step(89.0, 1.0, 1),
                actual=89.3,
            ),
            num(
                "Luas genangan di kawasan perkotaan",
                "Ha",
                12.5,
                step(11.0, -1.5, 1),
                polarity="lower",
            ),
        ],
    )
    sasaran(
        "S14",
        "T8",
        "Berkurangnya permukiman kumuh dan meningkatnya akses sanitasi layak",
        al("pc5", "ac3", "nbs3"),
        [
            num("Luas kawasan permukiman kumuh", "Ha", 18.6, step(16.0, -2.5, 1), polarity="lower"),
            pct("Persentase rumah tangga dengan akses sanitasi layak", 93.10, step(94.0, 1.0, 1)),
        ],
    )
    tujuan(
        "T9",
        "M5",
        "Meningkatnya kualitas lingkungan hidup",
        al("pc5", "ac8", "nbs9"),
        [
            num(
                "Indeks Kualitas Lingkungan Hidup (IKLH)",
                "indeks",
                64.20,
                step(64.7, 0.5, 1),
                actual=64.9,
                iku=True,
                manual=Manual(
                    "Indeks gabungan kualitas air, kualitas udara dan kualitas tutupan lahan.",
                    "Rata-rata tertimbang Indeks Kualitas Air, Indeks Kualitas Udara dan Indeks"
                    " Kualitas Lahan sesuai metode kementerian yang membidangi lingkungan hidup",
                    "Dinas Lingkungan Hidup",
                    "Dinas Lingkungan Hidup",
                ),
            ),
        ],
    )
    sasaran(
        "S15",
        "T9",
        "Meningkatnya pengelolaan sampah dan ruang terbuka hijau",
        al("pc5", "ac8", "nbs9"),
        [
            pct("Persentase sampah terkelola", 78.5, step(80.0, 2.0, 1)),
            pct("Persentase luas ruang terbuka hijau publik", 11.20, step(11.8, 0.6, 1)),
        ],
    )
    return nodes


# --------------------------------------------------------------------------- OPD


def support_program(
    bidang: str,
    opd_name: str,
    parents: list[Parent],
    sakip: float,
    asn: int,
    gaji_juta: int,
    extra: Sequence[Keg] = (),
) -> Prog:
    """Program penunjang U.BB.01 yang dimiliki setiap perangkat daerah."""
    kode = f"{bidang}.01"
    keg_plan = Keg(
        f"{kode}.2.01",
        "Tersedianya dokumen perencanaan, penganggaran dan evaluasi kinerja perangkat daerah",
        "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
        num(
            "Jumlah dokumen perencanaan, penganggaran dan evaluasi kinerja perangkat daerah",
            "dokumen",
            8,
            same(8),
        ),
        [
            Sub(
                f"{kode}.2.01.0001",
                "Tersusunnya dokumen perencanaan perangkat daerah",
                "Penyusunan Dokumen Perencanaan Perangkat Daerah",
                num("Jumlah dokumen perencanaan perangkat daerah", "dokumen", 3, same(3)),
                85,
            ),
            Sub(
                f"{kode}.2.01.0006",
                "Tersusunnya laporan capaian kinerja dan ikhtisar realisasi kinerja",
                "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi"
                " Kinerja SKPD",
                num(
                    "Jumlah laporan capaian kinerja dan ikhtisar realisasi kinerja SKPD",
                    "laporan",
                    5,
                    same(5),
                ),
                60,
            ),
        ],
    )
    kegs = [keg_plan, *extra]
    if not extra:
        kegs.append(
            Keg(
                f"{kode}.2.02",
                "Tersedianya layanan administrasi keuangan perangkat daerah",
                "Administrasi Keuangan Perangkat Daerah",
                num(
                    "Jumlah bulan layanan administrasi keuangan perangkat daerah",
                    "bulan",
                    12,
                    same(12),
                ),
                [
                    Sub(
                        f"{kode}.2.02.0001",
                        "Terbayarnya gaji dan tunjangan ASN",
                        "Penyediaan Gaji dan Tunjangan ASN",
                        num(
                            "Jumlah orang yang menerima gaji dan tunjangan ASN",
                            "orang",
                            asn,
                            same(asn),
                        ),
                        gaji_juta,
                        growth=3,
                    ),
                ],
            )
        )
    return Prog(
        kode,
        f"Meningkatnya akuntabilitas kinerja dan kualitas tata kelola internal {opd_name}",
        PENUNJANG,
        parents,
        [num(f"Nilai SAKIP {opd_name}", "nilai", sakip, step(sakip + 1.5, 1.5, 2))],
        kegs,
    )


def opd_dinkes() -> Opd:
    name = "Dinas Kesehatan"
    so1, so2 = "SO-DINKES-1", "SO-DINKES-2"
    return Opd(
        "dinkes",
        name,
        "1.02.0.00.0.00.01.0000",
        "Meningkatnya derajat kesehatan masyarakat Kota Mojokerto",
        ["T2"],
        [
            num(
                "Indeks Keluarga Sehat (IKS)",
                "indeks",
                0.42,
                [0.45, 0.48, 0.52, 0.56, 0.60],
                actual=0.46,
                iku=True,
                manual=Manual(
                    "Rata-rata indeks keluarga sehat dari dua belas indikator Program Indonesia"
                    " Sehat dengan Pendekatan Keluarga.",
                    "Jumlah keluarga sehat / jumlah keluarga yang didata",
                    "Aplikasi Keluarga Sehat Kementerian Kesehatan",
                    name,
                ),
            )
        ],
        [
            SasaranOpd(
                "Menurunnya angka kematian ibu dan bayi serta prevalensi balita stunting",
                ["TO-DINKES-1", "S2"],
                [
                    pct(
                        "Persentase balita stunting hasil pengukuran e-PPGBM",
                        9.6,
                        step(8.8, -0.8, 1),
                        polarity="lower",
                        actual=11.9,
                        iku=True,
                        manual=Manual(
                            "Persentase balita yang diukur di posyandu dengan tinggi badan"
                            " menurut umur di bawah -2 SD.",
                            "(Jumlah balita stunting / jumlah balita yang diukur) × 100%",
                            "Aplikasi e-PPGBM",
                            name,
                        ),
                    ),
                    num(
                        "Angka Kematian Bayi",
                        "per 1.000 kelahiran hidup",
                        6.2,
                        step(6.0, -0.2, 1),
                        polarity="lower",
                    ),
                ],
                [
                    Cross(
                        "disetujui",
                        "bantuan sosial dan pangan bagi keluarga berisiko stunting",
                        opd="dinsos",
                    ),
                    Cross(
                        "disetujui",
                        "pangan lokal bergizi dan pekarangan pangan lestari",
                        opd="dkpp",
                    ),
                    Cross(
                        "usulan",
                        "sanitasi layak dan air minum bagi keluarga berisiko stunting",
                        opd="perkim",
                    ),
                ],
            ),
            SasaranOpd(
                "Meningkatnya akses dan mutu pelayanan kesehatan dasar",
                ["TO-DINKES-1", "S3"],
                [
                    num(
                        "Puskesmas terakreditasi paripurna (kumulatif)",
                        "unit",
                        2,
                        [3, 4, 5, 6, 6],
                        cumulative=True,
                        actual=3,
                    ),
                    pct(
                        "Persentase sarana, prasarana dan alat kesehatan puskesmas sesuai standar",
                        64.0,
                        [64.64999999999999, 65.3, 66.0, 66.7, 67.5],
                    ),
                ],
                [
                    Cross(
                        "disetujui",
                        "integrasi data kepesertaan JKN untuk cakupan kesehatan semesta",
                        agency="BPJS Kesehatan Cabang Mojokerto",
                    )
                ],
            ),
        ],
        [
            support_program(
                "1.02",
                name,
                [so2],
                72.5,
                0,
                0,
                extra=[
                    Keg(
                        "1.02.01.2.10",
                        "Terlaksananya pelayanan BLUD puskesmas",
                        "Peningkatan Pelayanan BLUD",
                        num(
                            "Jumlah BLUD yang menyediakan pelayanan dan penunjang pelayanan",
                            "unit",
                            6,
                            same(6),
                        ),
                        [
                            Sub(
                                "1.02.01.2.10.0001",
                                "Terselenggaranya pelayanan dan penunjang pelayanan BLUD",
                                "Pelayanan dan Penunjang Pelayanan BLUD",
                                num(
                                    "Jumlah puskesmas BLUD yang menyelenggarakan pelayanan",
                                    "unit",
                                    6,
                                    same(6),
                                ),
                                18500,
                                growth=5,
                            )
                        ],
                    ),
                ],
            ),
            Prog(
                "1.02.02",
                "Meningkatnya cakupan dan mutu layanan kesehatan perorangan dan masyarakat",
                "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT",
                [so1, so2],
                [
                    pct(
                        "Persentase capaian Standar Pelayanan Minimal bidang kesehatan",
                        92.0,
                        step(93.5, 1.5, 1),
                        actual=93.8,
                    )
                ],
                [
                    Keg(
                        "1.02.02.2.01",
                        "Tersedianya fasilitas pelayanan kesehatan yang sesuai standar",
                        "Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP"
                        " Kewenangan Daerah Kabupaten/Kota",
                        num(
                            "Jumlah fasilitas pelayanan kesehatan yang dikembangkan dan dilengkapi",
                            "unit",
                            3,
                            [3, 3, 4, 4, 4],
                        ),
                        [
                            Sub(
                                "1.02.02.2.01.0006",
                                "Terlaksananya pengembangan puskesmas",
                                "Pengembangan Puskesmas",
                                num("Jumlah puskesmas yang dikembangkan", "unit", 1, same(1)),
                                2750,
                            ),
                            Sub(
                                "1.02.02.2.01.0014",
                                "Tersedianya alat kesehatan dan alat penunjang medik"
                                " fasilitas pelayanan kesehatan",
                                "Pengadaan Alat Kesehatan/Alat Penunjang Medik Fasilitas"
                                " Pelayanan Kesehatan",
                                num(
                                    "Jumlah alat kesehatan/alat penunjang medik yang disediakan",
                                    "unit",
                                    8,
                                    [8, 9, 9, 11, 12],
                                ),
                                4320,
                            ),
                        ],
                    ),
                    Keg(
                        "1.02.02.2.02",
                        "Terlaksananya layanan kesehatan UKM dan UKP rujukan tingkat kota",
                        "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat"
                        " Daerah Kabupaten/Kota",
                        num(
                            "Jumlah jenis layanan kesehatan UKM dan UKP yang diselenggarakan",
                            "jenis layanan",
                            6,
                            same(6),
                        ),
                        [
                            Sub(
                                "1.02.02.2.02.0001",
                                "Terlayaninya ibu hamil sesuai standar",
                                "Pengelolaan Pelayanan Kesehatan Ibu Hamil",
                                num(
                                    "Jumlah ibu hamil yang mendapatkan pelayanan kesehatan"
                                    " sesuai standar",
                                    "orang",
                                    1850,
                                    same(1850),
                                ),
                                420,
                            ),
                            Sub(
                                "1.02.02.2.02.0016",
                                "Terlaksananya pengelolaan pelayanan kesehatan\ngizi  masyarakat",
                                "Pengelolaan Pelayanan Kesehatan Gizi Masyarakat",
                                num(
                                    "Jumlah dokumen hasil pengelolaan pelayanan kesehatan"
                                    " gizi masyarakat",
                                    "dokumen",
                                    2,
                                    same(2),
                                ),
                                680,
                            ),
                        ],
                    ),
                ],
            ),
            Prog(
                "1.02.03",
                "Meningkatnya kompetensi sumber daya manusia kesehatan",
                "PROGRAM PENINGKATAN KAPASITAS SUMBER DAYA MANUSIA KESEHATAN",
                [so2],
                [
                    pct(
                        "Persentase tenaga kesehatan yang memenuhi standar kompetensi",
                        81.0,
                        step(83.0, 2.0, 1),
                    )
                ],
                [
                    Keg(
                        "1.02.03.2.03",
                        "Terlaksananya peningkatan kompetensi teknis sumber daya manusia kesehatan",
                        "Pengembangan Mutu dan Peningkatan Kompetensi Teknis Sumber Daya Manusia"
                        " Kesehatan Tingkat Daerah Kabupaten/Kota",
                        num(
                            "Jumlah sumber daya manusia kesehatan yang ditingkatkan kompetensinya",
                            "orang",
                            120,
                            [120, 130, 140, 150, 160],
                        ),
                        [
                            Sub(
                                "1.02.03.2.03.0001",
                                "Terlatihnya tenaga kesehatan sesuai standar kompetensi",
                                "Peningkatan Kompetensi dan Kualifikasi Sumber Daya Manusia"
                                " Kesehatan",
                                num(
                                    "Jumlah tenaga kesehatan yang mengikuti pelatihan",
                                    "orang",
                                    120,
                                    [120, 130, 140, 150, 160],
                                ),
                                350,
                            )
                        ],
                    )
                ],
            ),
        ],
    )


def opd_dikbud() -> Opd:
    name = "Dinas Pendidikan dan Kebudayaan"
    so1, so2 = "SO-DIKBUD-1", "SO-DIKBUD-2"
    return Opd(
        "dikbud",
        name,
        "1.01.2.22.0.00.01.0000",
        "Meningkatnya mutu pendidikan dan pelestarian kebudayaan daerah",
        ["T1"],
        [num("Indeks Pendidikan", "indeks", 0.745, step(0.750, 0.005, 3))],
        [
            SasaranOpd(
                "Meningkatnya akses dan mutu pendidikan dasar",
                ["TO-DIKBUD-1", "S1"],
                [
                    pct(
                        "Persentase satuan pendidikan dasar dengan rapor pendidikan kategori baik",
                        62.0,
                        [65.0, 68.0, 72.0, 76.0, 80.0],
                        actual=64.0,
                    ),
                    pct("Angka Partisipasi Murni SD/MI", 98.2, step(98.4, 0.2, 1)),
                ],
            ),
            SasaranOpd(
                "Meningkatnya pelestarian cagar budaya dan nilai budaya daerah",
                ["TO-DIKBUD-1", "S4"],
                [
                    pct("Persentase cagar budaya yang dilestarikan", 45.0, step(50.0, 5.0, 1)),
                ],
            ),
        ],
        [
            support_program("1.01", name, [so1], 71.0, 1150, 61200),
            Prog(
                "1.01.02",
                "Meningkatnya akses dan mutu layanan pendidikan dasar",
                "PROGRAM PENGELOLAAN PENDIDIKAN",
                [so1],
                [
                    pct(
                        "Persentase sekolah dasar dan menengah pertama yang memenuhi standar"
                        " sarana dan prasarana",
                        70.0,
                        step(73.0, 3.0, 1),
                    )
                ],
                [
                    Keg(
                        "1.01.02.2.01",
                        "Tersedianya layanan pendidikan sekolah dasar sesuai standar",
                        "Pengelolaan Pendidikan Sekolah Dasar",
                        num(
                            "Jumlah satuan pendidikan SD yang dikelola sesuai standar",
                            "unit",
                            52,
                            same(52),
                        ),
                        [
                            Sub(
                                "1.01.02.2.01.0047",
                                "Terbangunnya ruang kelas baru SD",
                                "Pembangunan Ruang Kelas Baru",
                                num("Jumlah ruang kelas baru yang dibangun", "unit", 4, same(4)),
                                1450,
                            ),
                            Sub(
                                "1.01.02.2.01.0009",
                                "Tersalurnya dana BOS satuan pendidikan SD",
                                "Pengelolaan Dana BOS Sekolah Dasar",
                                num(
                                    "Jumlah satuan pendidikan SD yang menerima dana BOS",
                                    "unit",
                                    52,
                                    same(52),
                                ),
                                9800,
                                growth=2,
                            ),
                        ],
                    ),
                    Keg(
                        "1.01.02.2.02",
                        "Tersedianya layanan pendidikan sekolah menengah pertama sesuai standar",
                        "Pengelolaan Pendidikan Sekolah Menengah Pertama",
                        num(
                            "Jumlah satuan pendidikan SMP yang dikelola sesuai standar",
                            "unit",
                            16,
                            same(16),
                        ),
                        [
                            Sub(
                                "1.01.02.2.02.0025",
                                "Terehabilitasinya ruang kelas SMP",
                                "Rehabilitasi Sedang/Berat Ruang Kelas Sekolah",
                                num(
                                    "Jumlah ruang kelas SMP yang direhabilitasi", "unit", 6, same(6)
                                ),
                                1250,
                            ),
                            Sub(
                                "1.01.02.2.02.0009",
                                "Tersalurnya dana BOS satuan pendidikan SMP",
                                "Pengelolaan Dana BOS Sekolah Menengah Pertama",
                                num(
                                    "Jumlah satuan pendidikan SMP yang menerima dana BOS",
                                    "unit",
                                    16,
                                    same(16),
                                ),
                                5400,
                                growth=2,
                            ),
                        ],
                    ),
                ],
            ),
            Prog(
                "2.22.05",
                "Meningkatnya pelestarian dan pemanfaatan cagar budaya",
                "PROGRAM PELESTARIAN DAN PENGELOLAAN CAGAR BUDAYA",
                [so2],
                [
                    pct(
                        "Persentase objek diduga cagar budaya yang dilindungi",
                        40.0,
                        step(46.0, 6.0, 1),
                    )
                ],
                [
                    Keg(
                        "2.22.05.2.02",
                        "Terlaksananya pelestarian cagar budaya peringkat kota",
                        "Pelestarian Cagar Budaya Peringkat Kabupaten/Kota",
                        num(
                            "Jumlah cagar budaya peringkat kota yang dilestarikan",
                            "objek",
                            4,
                            [4, 4, 5, 5, 6],
                        ),
                        [
                            Sub(
                                "2.22.05.2.02.0001",
                                "Terlindunginya objek cagar budaya",
                                "Pelindungan Cagar Budaya",
                                num(
                                    "Jumlah objek cagar budaya yang dilindungi",
                                    "objek",
                                    3,
                                    [3, 3, 4, 4, 5],
                                ),
                                275,
                            ),
                            Sub(
                                "2.22.05.2.02.0002",
                                "Terlaksananya pengembangan cagar budaya",
                                "Pengembangan Cagar Budaya",
                                num(
                                    "Jumlah objek cagar budaya yang dikembangkan",
                                    "objek",
                                    1,
                                    same(1),
                                ),
                                180,
                            ),
                        ],
                    )
                ],
            ),
        ],
    )


def opd_dpupr() -> Opd:
    name = "Dinas Pekerjaan Umum dan Penataan Ruang"
    so1 = "SO-DPUPR-1"
    return Opd(
        "dpupr",
        name,
        "1.03.0.00.0.00.01.0000",
        "Meningkatnya kualitas infrastruktur jalan dan drainase kota",
        ["T8"],
        [
            pct(
                "Persentase infrastruktur jalan dan drainase dalam kondisi baik",
                84.0,
                step(85.0, 1.5, 1),
            )
        ],
        [
            SasaranOpd(
                "Meningkatnya kemantapan jalan kota dan berkurangnya genangan",
                ["TO-DPUPR-1", "S13"],
                [
                    pct(
                        "Persentase panjang jalan kota dalam kondisi mantap",
                        88.4,
                        step(89.0, 1.0, 1),
                        actual=89.3,
                    ),
                    num(
                        "Luas genangan yang tertangani",
                        "Ha",
                        3.0,
                        [4.5, 6.0, 7.5, 9.0, 10.5],
                        cumulative=True,
                    ),
                ],
            )
        ],
        [
            support_program("1.03", name, [so1], 70.5, 210, 14800),
            Prog(
                "1.03.10",
                "Meningkatnya kemantapan jaringan jalan kota",
                "PROGRAM PENYELENGGARAAN JALAN",
                [so1],
                [
                    num(
                        "Panjang jalan kota dalam kondisi mantap",
                        "km",
                        146.2,
                        [147.2, 148.8, 150.5, 152.1, 153.8],
                    )
                ],
                [
                    Keg(
                        "1.03.10.2.01",
                        "Tersedianya jalan kota dalam kondisi mantap",
                        "Penyelenggaraan Jalan Kabupaten/Kota",
                        num(
                            "Panjang jalan kota yang ditangani",
                            "km",
                            9.5,
                            [10.0, 10.5, 11.0, 11.5, 12.0],
                        ),
                        [
                            Sub(
                                "1.03.10.2.01.0011",
                                "Terehabilitasinya jalan kota",
                                "Rehabilitasi Jalan",
                                num(
                                    "Panjang jalan yang direhabilitasi",
                                    "km",
                                    3.5,
                                    [4.0, 4.0, 4.5, 4.5, 5.0],
                                ),
                                8600,
                            ),
                            Sub(
                                "1.03.10.2.01.0017",
                                "Terpeliharanya jalan kota secara berkala",
                                "Pemeliharaan Berkala Jalan",
                                num(
                                    "Panjang jalan yang dipelihara berkala",
                                    "km",
                                    6.0,
                                    [6.0, 6.5, 6.5, 7.0, 7.0],
                                ),
                                5200,
                            ),
                        ],
                    )
                ],
            ),
            Prog(
                "1.03.05",
                "Meningkatnya fungsi sistem drainase perkotaan",
                "PROGRAM PENGELOLAAN DAN PENGEMBANGAN SISTEM DRAINASE",
                [so1],
                [pct("Persentase saluran drainase dalam kondisi baik", 72.0, step(74.0, 2.0, 1))],
                [
                    Keg(
                        "1.03.05.2.01",
                        "Tersedianya saluran drainase perkotaan yang berfungsi",
                        "Pengelolaan dan Pengembangan Sistem Drainase yang Terhubung Langsung"
                        " dengan Sungai dalam Daerah Kabupaten/Kota",
                        num(
                            "Panjang saluran drainase yang dibangun dan direhabilitasi",
                            "m",
                            2400,
                            [2500, 2600, 2700, 2800, 2900],
                        ),
                        [
                            Sub(
                                "1.03.05.2.01.0002",
                                "Terbangunnya saluran drainase perkotaan",
                                "Pembangunan Sistem Drainase Perkotaan",
                                num(
                                    "Panjang saluran drainase yang dibangun",
                                    "m",
                                    900,
                                    [1000, 1000, 1100, 1100, 1200],
                                ),
                                4100,
                            ),
                            Sub(
                                "1.03.05.2.01.0005",
                                "Terehabilitasinya saluran drainase perkotaan",
                                "Rehabilitasi Sistem Drainase Perkotaan",
                                num(
                                    "Panjang saluran drainase yang direhabilitasi",
                                    "m",
                                    1500,
                                    [1500, 1600, 1600, 1700, 1700],
                                ),
                                2900,
                            ),
                        ],
                    )
                ],
            ),
        ],
    )


def opd_perkim() -> Opd:
    name = "Dinas Perumahan Rakyat, Kawasan Permukiman dan Pertanahan"
    so1 = "SO-PERKIM-1"
    return Opd(
        "perkim",
        name,
        "1.04.2.10.0.00.01.0000",
        "Meningkatnya kualitas perumahan dan kawasan permukiman yang layak huni",
        ["T8"],
        [pct("Persentase rumah layak huni", 90.8, step(91.5, 0.8, 1))],
        [
            SasaranOpd(
                "Berkurangnya luas kawasan permukiman kumuh",
                ["TO-PERKIM-1", "S14"],
                [
                    num(
                        "Luas kawasan permukiman kumuh yang tertangani",
                        "Ha",
                        0.0,
                        [2.6, 5.1, 7.6, 10.1, 12.6],
                        cumulative=True,
                        actual=2.4,
                    ),
                ],
            )
        ],
        [
            support_program("1.04", name, [so1], 69.8, 74, 5200),
            Prog(
                "1.04.04",
                "Meningkatnya kualitas kawasan permukiman kumuh",
                "PROGRAM KAWASAN PERMUKIMAN",
                [so1],
                [
                    num(
                        "Luas kawasan kumuh di bawah 10 Ha yang ditingkatkan kualitasnya",
                        "Ha",
                        2.0,
                        same(2.5),
                    )
                ],
                [
                    Keg(
                        "1.04.04.2.01",
                        "Tersedianya prasarana, sarana dan utilitas umum di kawasan kumuh",
                        "Penataan dan Peningkatan Kualitas Kawasan Permukiman Kumuh dengan Luas"
                        " di Bawah 10 (sepuluh) Ha",
                        num("Jumlah kawasan kumuh yang ditata", "kawasan", 2, [2, 2, 2, 2, 2]),
                        [
                            Sub(
                                "1.04.04.2.01.0002",
                                "Terbangunnya prasarana jalan lingkungan di kawasan kumuh",
                                "Rehabilitasi Prasarana, Sarana dan Utilitas Umum Kawasan Kumuh",
                                num(
                                    "Panjang jalan lingkungan yang dibangun",
                                    "m",
                                    1200,
                                    [1300, 1300, 1400, 1400, 1500],
                                ),
                                1900,
                            ),
                            Sub(
                                "1.04.04.2.01.0004",
                                "Terbangunnya sanitasi komunal di kawasan kumuh",
                                "Pembangunan Sarana Sanitasi Komunal Kawasan Kumuh",
                                num(
                                    "Jumlah unit sanitasi komunal yang dibangun", "unit", 2, same(3)
                                ),
                                1350,
                            ),
                        ],
                    )
                ],
            ),
            Prog(
                "1.04.02",
                "Meningkatnya penyediaan rumah layak huni bagi masyarakat berpenghasilan rendah",
                "PROGRAM PENGEMBANGAN PERUMAHAN",
                [so1],
                [
                    pct(
                        "Persentase rumah tidak layak huni yang tertangani",
                        38.0,
                        step(46.0, 8.0, 1),
                    )
                ],
                [
                    Keg(
                        "1.04.02.2.01",
                        "Tersedianya rumah layak huni bagi keluarga miskin",
                        "Penyediaan dan Rehabilitasi Rumah Layak Huni",
                        num(
                            "Jumlah rumah layak huni yang tersedia",
                            "unit",
                            110,
                            [120, 120, 130, 130, 140],
                        ),
                        [
                            Sub(
                                "1.04.02.2.01.0001",
                                "Terehabilitasinya rumah tidak layak huni",
                                "Rehabilitasi Rumah Tidak Layak Huni bagi Masyarakat Berpenghasilan"
                                " Rendah",
                                num(
                                    "Jumlah rumah tidak layak huni yang direhabilitasi",
                                    "unit",
                                    110,
                                    [120, 120, 130, 130, 140],
                                ),
                                2400,
                            )
                        ],
                    )
                ],
            ),
        ],
    )


def opd_satpolpp() -> Opd:
    name = "Satuan Polisi Pamong Praja"
    so1 = "SO-SATPOLPP-1"
    return Opd(
        "satpolpp",
        name,
        "1.05.0.00.0.00.01.0000",
        "Meningkatnya ketenteraman dan ketertiban umum masyarakat",
        ["T3"],
        [
            pct(
                "Persentase gangguan ketenteraman dan ketertiban umum yang diselesaikan",
                91.0,
                step(92.0, 1.0, 1),
            )
        ],
        [
            SasaranOpd(
                "Meningkatnya kepatuhan masyarakat terhadap peraturan daerah",
                ["TO-SATPOLPP-1", "S4"],
                [
                    pct(
                        "Persentase terlaksananya kegiatan penegakan Perda dan Perwali",
                        90.0,
                        step(92.0, 2.0, 1),
                    ),
                    pct(
                        "Persentase pelanggaran Perda yang ditindaklanjuti",
                        85.0,
                        step(87.0, 2.0, 1),
                    ),
                ],
            )
        ],
        [
            support_program("1.05", name, [so1], 68.9, 96, 6100),
            Prog(
                "1.05.02",
                "Meningkatnya ketenteraman dan ketertiban umum",
                "PROGRAM PENINGKATAN KETENTERAMAN DAN KETERTIBAN UMUM",
                [so1],
                [
                    pct(
                        "Persentase penyelesaian gangguan ketenteraman dan ketertiban umum",
                        90.0,
                        step(91.0, 1.5, 1),
                    )
                ],
                [
                    Keg(
                        "1.05.02.2.01",
                        "Terlaksananya penanganan gangguan ketenteraman dan ketertiban umum",
                        "Penanganan Gangguan Ketenteraman dan Ketertiban Umum dalam 1 (Satu)"
                        " Daerah Kabupaten/Kota",
                        num(
                            "Jumlah penanganan gangguan ketenteraman dan ketertiban umum",
                            "kali",
                            180,
                            [190, 200, 210, 220, 230],
                        ),
                        [
                            Sub(
                                "1.05.02.2.01.0001",
                                "Terlaksananya operasi penertiban ketenteraman dan ketertiban umum",
                                "Penanganan Gangguan Ketenteraman dan Ketertiban Umum oleh"
                                " Pemerintah Daerah Kabupaten/Kota",
                                num(
                                    "Jumlah operasi penertiban yang dilaksanakan",
                                    "kali",
                                    150,
                                    [160, 165, 170, 175, 180],
                                ),
                                1150,
                            ),
                            Sub(
                                "1.05.02.2.01.0002",
                                "Terlaksananya penegakan Perda dan Perwali",
                                "Penegakan Peraturan Daerah Kabupaten/Kota dan Peraturan"
                                " Bupati/Wali Kota",
                                num(
                                    "Jumlah kasus pelanggaran Perda dan Perwali yang ditegakkan",
                                    "kasus",
                                    30,
                                    [30, 35, 40, 45, 50],
                                ),
                                640,
                            ),
                        ],
                    ),
                    Keg(
                        "1.05.02.2.02",
                        "Tersedianya PPNS yang kompeten",
                        "Pembinaan Penyidik Pegawai Negeri Sipil (PPNS) Kabupaten/Kota",
                        num("Jumlah PPNS yang dibina", "orang", 6, [6, 7, 8, 8, 9]),
                        [
                            Sub(
                                "1.05.02.2.02.0001",
                                "Terlatihnya PPNS daerah",
                                "Peningkatan Kapasitas PPNS",
                                num(
                                    "Jumlah PPNS yang mengikuti peningkatan kapasitas",
                                    "orang",
                                    6,
                                    [6, 7, 8, 8, 9],
                                ),
                                210,
                            )
                        ],
                    ),
                ],
            ),
        ],
    )


def opd_dinsos() -> Opd:
    name = "Dinas Sosial"
    so1 = "SO-DINSOS-1"
    return Opd(
        "dinsos",
        name,
        "1.06.0.00.0.00.01.0000",
        "Meningkatnya kesejahteraan sosial penduduk miskin dan rentan",
        ["T5"],
        [pct("Persentase PPKS yang meningkat kualitas hidupnya", 62.0, step(64.0, 2.0, 1))],
        [
            SasaranOpd(
                "Meningkatnya perlindungan dan jaminan sosial bagi keluarga miskin",
                ["TO-DINSOS-1", "S8"],
                [
                    pct(
                        "Persentase keluarga miskin yang menerima perlindungan dan jaminan sosial",
                        78.0,
                        step(80.0, 3.0, 1),
                        actual=81.5,
                        iku=True,
                        manual=Manual(
                            "Persentase keluarga dalam data tunggal sosial ekonomi desil"
                            " 1-2 yang menerima sedikitnya satu bentuk perlindungan atau"
                            " jaminan sosial.",
                            "(Jumlah keluarga miskin penerima perlindungan dan jaminan"
                            " sosial / jumlah keluarga miskin) × 100%",
                            "Data Tunggal Sosial Ekonomi Nasional (DTSEN)",
                            name,
                        ),
                    ),
                ],
            )
        ],
        [
            support_program("1.06", name, [so1], 69.2, 48, 3300),
            Prog(
                "1.06.04",
                "Meningkatnya kemandirian PPKS melalui rehabilitasi sosial",
                "PROGRAM REHABILITASI SOSIAL",
                [so1],
                [
                    pct(
                        "Persentase PPKS yang mendapatkan rehabilitasi sosial dasar",
                        70.0,
                        step(74.0, 4.0, 1),
                    )
                ],
                [
                    Keg(
                        "1.06.04.2.02",
                        "Terlaksananya rehabilitasi sosial dasar PPKS di luar panti",
                        "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak"
                        " Terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis di Luar"
                        " Panti Sosial",
                        num(
                            "Jumlah PPKS yang mendapatkan rehabilitasi sosial dasar",
                            "orang",
                            290,
                            [300, 310, 320, 330, 340],
                        ),
                        [
                            Sub(
                                "1.06.04.2.02.0005",
                                "Tersalurnya permakanan bagi lanjut usia",
                                "Pemberian Permakanan",
                                num(
                                    "Jumlah lanjut usia terlantar yang menerima permakanan",
                                    "orang",
                                    250,
                                    [260, 270, 280, 290, 300],
                                ),
                                980,
                            ),
                            Sub(
                                "1.06.04.2.02.0004",
                                "Tersalurnya alat bantu bagi penyandang disabilitas",
                                "Pemberian Alat Bantu",
                                num(
                                    "Jumlah penyandang disabilitas yang menerima alat bantu",
                                    "orang",
                                    40,
                                    same(40),
                                ),
                                160,
                            ),
                        ],
                    )
                ],
            ),
            Prog(
                "1.06.05",
                "Meningkatnya perlindungan sosial bagi keluarga miskin dan rentan",
                "PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL",
                [(so1, 0.7), ("SO-DINKES-1", 0.3)],
                [
                    pct(
                        "Persentase keluarga penerima manfaat yang mendapatkan bantuan sosial"
                        " tepat sasaran",
                        84.0,
                        [85.0, 88.0, 86.0, 90.0, 92.0],
                    )
                ],
                [
                    Keg(
                        "1.06.05.2.02",
                        "Tersedianya data dan bantuan bagi fakir miskin",
                        "Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota",
                        num(
                            "Jumlah keluarga miskin yang terdata dan terlayani",
                            "KK",
                            5200,
                            same(5200),
                        ),
                        [
                            Sub(
                                "1.06.05.2.02.0001",
                                "Termutakhirkannya data fakir miskin",
                                "Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota",
                                num(
                                    "Jumlah dokumen hasil pemutakhiran data fakir miskin",
                                    "dokumen",
                                    2,
                                    same(2),
                                ),
                                240,
                            ),
                            Sub(
                                "1.06.05.2.02.0003",
                                "Tersalurnya bantuan pangan bagi keluarga berisiko stunting",
                                "Fasilitasi Bantuan Sosial Kesejahteraan Keluarga",
                                num(
                                    "Jumlah keluarga berisiko stunting penerima bantuan pangan",
                                    "KK",
                                    300,
                                    same(320),
                                ),
                                720,
                            ),
                        ],
                    )
                ],
            ),
        ],
    )


def opd_disnaker() -> Opd:
    name = "Dinas Tenaga Kerja"
    so1 = "SO-DISNAKER-1"
    return Opd(
        "disnaker",
        name,
        "2.07.0.00.0.00.01.0000",
        "Meningkatnya penyerapan tenaga kerja lokal",
        ["T5"],
        [pct("Persentase pencari kerja terdaftar yang ditempatkan", 41.0, step(43.0, 2.0, 1))],
        [
            SasaranOpd(
                "Meningkatnya kompetensi dan penempatan pencari kerja",
                ["TO-DISNAKER-1", "S9"],
                [
                    pct(
                        "Persentase lulusan pelatihan berbasis kompetensi yang bekerja",
                        55.0,
                        step(58.0, 3.0, 1),
                        actual=57.5,
                    ),
                ],
            )
        ],
        [
            support_program("2.07", name, [so1], 68.4, 38, 2500),
            Prog(
                "2.07.03",
                "Meningkatnya kompetensi dan produktivitas tenaga kerja",
                "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA",
                [so1],
                [
                    pct(
                        "Persentase peserta pelatihan yang lulus uji kompetensi",
                        80.0,
                        step(82.0, 2.0, 1),
                    )
                ],
                [
                    Keg(
                        "2.07.03.2.01",
                        "Terlaksananya pelatihan berbasis kompetensi",
                        "Pelaksanaan Pelatihan berdasarkan Unit Kompetensi",
                        num(
                            "Jumlah peserta pelatihan berbasis kompetensi",
                            "orang",
                            200,
                            [220, 230, 240, 250, 260],
                        ),
                        [
                            Sub(
                                "2.07.03.2.01.0001",
                                "Terlatihnya pencari kerja berdasarkan klaster kompetensi",
                                "Proses Pelaksanaan Pendidikan dan Pelatihan Keterampilan bagi"
                                " Pencari Kerja berdasarkan Klaster Kompetensi",
                                num(
                                    "Jumlah pencari kerja yang mengikuti pelatihan berbasis"
                                    " kompetensi",
                                    "orang",
                                    150,
                                    [160, 170, 180, 190, 200],
                                ),
                                1350,
                            ),
                            Sub(
                                "2.07.04.2.01.0002",
                                "Terlatihnya pencari kerja dalam kewirausahaan",
                                "Pelatihan Kewirausahaan bagi Pencari Kerja",
                                num(
                                    "Jumlah peserta pelatihan kewirausahaan",
                                    "orang",
                                    50,
                                    [60, 60, 60, 60, 60],
                                ),
                                310,
                            ),
                        ],
                    )
                ],
            ),
            Prog(
                "2.07.04",
                "Meningkatnya penempatan tenaga kerja",
                "PROGRAM PENEMPATAN TENAGA KERJA",
                [so1],
                [
                    pct(
                        "Persentase pencari kerja yang ditempatkan melalui layanan antarkerja",
                        35.0,
                        step(37.0, 2.0, 1),
                    )
                ],
                [
                    Keg(
                        "2.07.04.2.01",
                        "Terlaksananya layanan antarkerja",
                        "Pelayanan Antarkerja di Daerah Kabupaten/Kota",
                        num(
                            "Jumlah pencari kerja yang mendapatkan layanan antarkerja",
                            "orang",
                            1800,
                            [1900, 2000, 2100, 2200, 2300],
                        ),
                        [
                            Sub(
                                "2.07.04.2.01.0001",
                                "Tersusunnya rencana tenaga kerja daerah",
                                "Penyusunan Rencana Tenaga Kerja",
                                num("Jumlah dokumen rencana tenaga kerja", "dokumen", 1, same(1)),
                                120,
                            ),
                            Sub(
                                "2.07.04.2.01.0003",
                                "Terselenggaranya bursa kerja",
                                "Penyelenggaraan Bursa Kerja",
                                num("Jumlah penyelenggaraan bursa kerja", "kali", 2, same(2)),
                                260,
                            ),
                        ],
                    )
                ],
            ),
        ],
    )


def opd_dkpp() -> Opd:
    name = "Dinas Ketahanan Pangan dan Pertanian"
    so1 = "SO-DKPP-1"
    harga = "PROGRAM STABILISASI HARGA BARANG KEBUTUHAN POKOK DAN BARANG PENTING"
    return Opd(
        "dkpp",
        name,
        "2.09.3.27.0.00.01.0000",
        "Meningkatnya ketahanan pangan dan produktivitas pertanian perkotaan",
        ["T4"],
        [num("Indeks Ketahanan Pangan", "indeks", 82.5, step(83.2, 0.7, 1))],
        [
            SasaranOpd(
                "Meningkatnya ketersediaan dan keragaman konsumsi pangan masyarakat",
                ["TO-DKPP-1", "S7"],
                [
                    num(
                        "Skor Pola Pangan Harapan (PPH) konsumsi",
                        "poin",
                        88.5,
                        [89.2, 90.0, 90.8, 91.5, 92.3],
                        actual=89.6,
                    ),
                ],
            )
        ],
        [
            support_program("2.09", name, [so1], 69.5, 52, 3600),
            Prog(
                "2.09.03",
                "Meningkatnya konsumsi pangan yang beragam, bergizi seimbang dan aman",
                "PROGRAM PENINGKATAN DIVERSIFIKASI DAN KETAHANAN PANGAN MASYARAKAT",
                [so1, "SO-DINKES-1"],
                [
                    num(
                        "Skor konsumsi pangan beragam, bergizi seimbang dan aman",
                        "poin",
                        86.0,
                        step(87.0, 1.0, 1),
                    )
                ],
                [
                    Keg(
                        "2.09.03.2.01",
                        "Terlaksananya penganekaragaman konsumsi pangan sesuai angka kecukupan"
                        " gizi",
                        "Pelaksanaan Pencapaian Target Konsumsi Pangan Perkapita/Tahun sesuai"
                        " dengan Angka Kecukupan Gizi",
                        num(
                            "Jumlah kelompok sasaran penganekaragaman konsumsi pangan",
                            "kelompok",
                            14,
                            [16, 18, 20, 22, 24],
                        ),
                        [
                            Sub(
                                "2.09.03.2.01.0001",
                                "Terbinanya kelompok pekarangan pangan lestari berbasis"
                                " sumber daya lokal",
                                "Penyediaan Pangan Berbasis Sumber Daya Lokal",
                                num(
                                    "Jumlah kelompok pekarangan pangan lestari yang dibina",
                                    "kelompok",
                                    10,
                                    [12, 14, 16, 18, 20],
                                ),
                                430,
                            ),
                            Sub(
                                "2.09.03.2.01.0002",
                                "Terlaksananya promosi penganekaragaman konsumsi pangan",
                                "Promosi Penganekaragaman Konsumsi Pangan",
                                num(
                                    "Jumlah kegiatan promosi penganekaragaman konsumsi pangan",
                                    "kali",
                                    4,
                                    same(4),
                                ),
                                150,
                            ),
                        ],
                    )
                ],
            ),
            Prog(
                "3.30.04",
                "Terkendalinya harga bahan pokok di Kota Mojokerto",
                harga,
                [so1, "SO-DISKOPUKMPERINDAG-2"],
                [
                    pct(
                        "Persentase komoditas pangan pokok dengan harga stabil",
                        80.0,
                        step(82.0, 2.0, 1),
                    )
                ],
                [
                    Keg(
                        "3.30.04.2.01",
                        "Terlaksananya pengendalian harga dan pasokan pangan pokok",
                        "Pengendalian Harga, Informasi Ketersediaan Stok dan Pasokan Barang"
                        " Kebutuhan Pokok dan Barang Penting di Tingkat Pasar Kabupaten/Kota",
                        num(
                            "Jumlah komoditas pangan pokok yang dipantau harganya",
                            "komoditas",
                            12,
                            same(12),
                        ),
                        [
                            Sub(
                                "3.30.04.2.01.0002",
                                "Terlaksananya operasi pasar pangan murah",
                                "Pelaksanaan Operasi Pasar dalam rangka Stabilisasi Harga Pangan"
                                " Pokok",
                                num(
                                    "Jumlah operasi pasar/gerakan pangan murah yang dilaksanakan",
                                    "kali",
                                    10,
                                    same(12),
                                ),
                                540,
                            )
                        ],
                    )
                ],
                notes=(
                    "Kode 3.30.04 termasuk urusan perdagangan; dicantumkan oleh DKPP untuk"
                    " operasi pasar pangan. " + nomenklatur(harga)
                ),
            ),
        ],
    )


def opd_dlh() -> Opd:
    name = "Dinas Lingkungan Hidup"
    so1 = "SO-DLH-1"
    return Opd(
        "dlh",
        name,
        "2.11.0.00.0.00.01.0000",
        "Meningkatnya kualitas lingkungan hidup kota",
        ["T9"],
        [num("Indeks Kualitas Udara", "indeks", 84.1, step(84.5, 0.4, 1))],
        [
            SasaranOpd(
                "Meningkatnya pengelolaan sampah dan kualitas air",
                ["TO-DLH-1", "S15"],
                [
                    pct("Persentase sampah terkelola", 78.5, step(80.0, 2.0, 1), actual=79.4),
                    num("Indeks Kualitas Air", "indeks", 70.8, [71.6, "72,5", 73.3, 74.1, 75.0]),
                ],
                [
                    Cross(
                        "ditolak",
                        "pengangkutan sampah bukan kewenangan DPUPR; tetap dilaksanakan DLH",
                        opd="dpupr",
                    )
                ],
            )
        ],
        [
            support_program("2.11", name, [so1], 70.1, 118, 7400),
            Prog(
                "2.11.11",
                "Meningkatnya pengelolaan sampah kota",
                "PROGRAM PENGELOLAAN PERSAMPAHAN",
                [so1],
                [pct("Persentase sampah yang tertangani", 76.0, step(78.0, 2.0, 1))],
                [
                    Keg(
                        "2.11.11.2.01",
                        "Tersedianya layanan pengelolaan sampah",
                        "Pengelolaan Sampah",
                        num(
                            "Volume sampah yang tertangani",
                            "ton",
                            30500,
                            [31000, 31500, 32000, 32500, 33000],
                        ),
                        [
                            Sub(
                                "2.11.11.2.01.0003",
                                "Tersedianya sarana dan prasarana pengelolaan sampah",
                                "Penyediaan Sarana dan Prasarana Pengelolaan Sampah",
                                num(
                                    "Jumlah sarana dan prasarana pengelolaan sampah yang"
                                    " disediakan",
                                    "unit",
                                    6,
                                    [6, 7, 7, 8, 8],
                                ),
                                2350,
                            ),
                            Sub(
                                "2.11.11.2.01.0008",
                                "Terangkutnya sampah ke TPA",
                                "Pengangkutan Sampah ke TPA",
                                num(
                                    "Volume sampah yang diangkut ke TPA",
                                    "ton",
                                    28000,
                                    [28200, 28400, 28600, 28800, 29000],
                                ),
                                3900,
                            ),
                        ],
                    )
                ],
            ),
            Prog(
                "2.11.03",
                "Menurunnya beban pencemaran air dan udara",
                "PROGRAM PENGENDALIAN PENCEMARAN DAN/ATAU KERUSAKAN LINGKUNGAN HIDUP",
                [so1],
                [
                    pct(
                        "Persentase usaha dan/atau kegiatan yang taat dokumen lingkungan",
                        68.0,
                        step(71.0, 3.0, 1),
                    )
                ],
                [
                    Keg(
                        "2.11.03.2.01",
                        "Terlaksananya pencegahan pencemaran lingkungan hidup",
                        "Pencegahan Pencemaran dan/atau Kerusakan Lingkungan Hidup",
                        num(
                            "Jumlah laporan pencegahan pencemaran lingkungan hidup",
                            "laporan",
                            4,
                            same(4),
                        ),
                        [
                            Sub(
                                "2.11.03.2.01.0003",
                                "Terpantaunya kualitas air, udara dan tanah",
                                "Pemantauan Kualitas Air, Udara dan Tanah",
                                num(
                                    "Jumlah titik pemantauan kualitas lingkungan",
                                    "titik",
                                    28,
                                    [30, 30, 32, 32, 34],
                                ),
                                460,
                            )
                        ],
                    )
                ],
            ),
        ],
    )


def opd_dispendukcapil() -> Opd:
    name = "Dinas Kependudukan dan Pencatatan Sipil"
    so1 = "SO-DISPENDUKCAPIL-1"
    return Opd(
        "dispendukcapil",
        name,
        "2.12.0.00.0.00.01.0000",
        "Meningkatnya kualitas pelayanan administrasi kependudukan",
        ["T7"],
        [
            num(
                "Indeks Kepuasan Masyarakat terhadap layanan administrasi kependudukan",
                "nilai",
                86.2,
                step(86.5, 0.5, 1),
                actual=86.9,
            )
        ],
        [
            SasaranOpd(
                "Meningkatnya kepemilikan dokumen kependudukan",
                ["TO-DISPENDUKCAPIL-1", "S11"],
                [
                    pct(
                        "Persentase anak yang memiliki Kartu Identitas Anak (KIA)",
                        78.4,
                        [82.0, 85.0, 88.0, 91.0, 94.0],
                        actual=81.2,
                    ),
                    pct(
                        "Persentase penduduk yang memiliki akta kelahiran", 97.1, step(97.5, 0.5, 1)
                    ),
                ],
            )
        ],
        [
            support_program("2.12", name, [so1], 71.4, 45, 2900),
            Prog(
                "2.12.02",
                "Meningkatnya cakupan pendaftaran penduduk",
                "PROGRAM PENDAFTARAN PENDUDUK",
                [so1],
                [
                    pct(
                        "Persentase penduduk wajib KTP-el yang telah merekam data",
                        98.6,
                        step(98.8, 0.2, 1),
                    )
                ],
                [
                    Keg(
                        "2.12.02.2.01",
                        "Terlaksananya pelayanan pendaftaran penduduk",
                        "Pelayanan Pendaftaran Penduduk",
                        num(
                            "Jumlah dokumen pendaftaran penduduk yang diterbitkan",
                            "dokumen",
                            42000,
                            [42500, 43000, 43500, 44000, 44500],
                        ),
                        [
                            Sub(
                                "2.12.02.2.01.0001",
                                "Terlayaninya pendaftaran penduduk di kantor dinas",
                                "Penyelenggaraan Pendaftaran Penduduk",
                                num(
                                    "Jumlah dokumen hasil pelayanan pendaftaran penduduk",
                                    "dokumen",
                                    40000,
                                    [40400, 40800, 41200, 41600, 42000],
                                ),
                                620,
                            ),
                            Sub(
                                "2.12.02.2.01.0002",
                                "Terlaksananya pelayanan administrasi kependudukan jemput bola",
                                "Pelayanan Pendaftaran Penduduk Keliling",
                                num(
                                    "Jumlah layanan jemput bola administrasi kependudukan",
                                    None,
                                    48,
                                    same(48),
                                ),
                                180,
                            ),
                        ],
                    )
                ],
            ),
            Prog(
                "2.12.03",
                "Meningkatnya cakupan pencatatan sipil",
                "PROGRAM PENCATATAN SIPIL",
                [so1],
                [pct("Persentase peristiwa penting yang dicatatkan", 95.0, step(96.0, 0.8, 1))],
                [
                    Keg(
                        "2.12.03.2.01",
                        "Terlaksananya pelayanan pencatatan sipil",
                        "Pelayanan Pencatatan Sipil",
                        num(
                            "Jumlah akta pencatatan sipil yang diterbitkan",
                            "dokumen",
                            9000,
                            [9100, 9200, 9300, 9400, 9500],
                        ),
                        [
                            Sub(
                                "2.12.03.2.01.0001",
                                "Terbitnya akta pencatatan sipil",
                                "Penyelenggaraan Pencatatan Sipil",
                                num(
                                    "Jumlah akta kelahiran, kematian, perkawinan dan perceraian"
                                    " yang diterbitkan",
                                    "dokumen",
                                    9000,
                                    [9100, 9200, 9300, 9400, 9500],
                                ),
                                390,
                            )
                        ],
                    )
                ],
            ),
        ],
    )


def opd_diskopukmperindag() -> Opd:
    name = "Dinas Koperasi, Usaha Kecil dan Menengah, Perindustrian dan Perdagangan"
    so1, so2 = "SO-DISKOPUKMPERINDAG-1", "SO-DISKOPUKMPERINDAG-2"
    harga = "PROGRAM STABILISASI HARGA BARANG KEBUTUHAN POKOK DAN BARANG PENTING"
    return Opd(
        "diskopukmperindag",
        name,
        "2.17.3.30.3.31.01.0000",
        "Meningkatnya daya saing usaha mikro, koperasi dan perdagangan",
        ["T4"],
        [pct("Kontribusi UMKM terhadap PDRB", 57.0, step(57.5, 0.5, 1))],
        [
            SasaranOpd(
                "Meningkatnya daya saing koperasi dan usaha mikro",
                ["TO-DISKOPUKMPERINDAG-1", "S5"],
                [
                    pct(
                        "Persentase usaha mikro yang naik kelas", 4.0, step(4.5, 0.5, 1), actual=4.6
                    ),
                ],
            ),
            SasaranOpd(
                "Terkendalinya harga barang kebutuhan pokok di pasar kota",
                ["TO-DISKOPUKMPERINDAG-1", "S6"],
                [
                    pct(
                        "Koefisien variasi harga barang kebutuhan pokok",
                        8.5,
                        step(8.0, -0.5, 1),
                        polarity="lower",
                        actual=7.8,
                        iku=True,
                        manual=Manual(
                            "Ukuran fluktuasi harga bulanan sepuluh barang kebutuhan"
                            " pokok di pasar rakyat kota.",
                            "(Simpangan baku harga bulanan / rata-rata harga bulanan)"
                            " × 100%, dirata-ratakan antarkomoditas",
                            "Sistem Pemantauan Pasar Kebutuhan Pokok (SP2KP)",
                            name,
                        ),
                    ),
                ],
                [
                    Cross(
                        "disetujui",
                        "ketersediaan dan cadangan pangan serta operasi pasar pangan murah",
                        opd="dkpp",
                    ),
                    Cross("disetujui", "koordinasi Tim Pengendalian Inflasi Daerah", opd="bappeda"),
                    Cross(
                        "disetujui",
                        "data Indeks Harga Konsumen dan inflasi bulanan",
                        agency="BPS Kota Mojokerto",
                    ),
                ],
            ),
        ],
        [
            support_program("2.17", name, [so1], 69.9, 64, 4300),
            Prog(
                "2.17.07",
                "Meningkatnya kapasitas dan akses pasar usaha mikro",
                "PROGRAM PEMBERDAYAAN USAHA MENENGAH, USAHA KECIL, DAN USAHA MIKRO (UMKM)",
                [so1],
                [
                    pct(
                        "Persentase usaha mikro binaan yang meningkat omzetnya",
                        30.0,
                        step(33.0, 3.0, 1),
                    )
                ],
                [
                    Keg(
                        "2.17.07.2.01",
                        "Terlaksananya pemberdayaan usaha mikro",
                        "Pemberdayaan Usaha Mikro yang Dilakukan Melalui Pendataan, Kemitraan,"
                        " Kemudahan Perizinan, Penguatan Kelembagaan dan Koordinasi dengan Para"
                        " Pemangku Kepentingan",
                        num(
                            "Jumlah usaha mikro yang diberdayakan",
                            "unit usaha",
                            350,
                            [360, 380, 400, 420, 440],
                        ),
                        [
                            Sub(
                                "2.17.07.2.01.0001",
                                "Terdampinginya usaha mikro",
                                "Pendampingan Usaha Mikro",
                                num(
                                    "Jumlah usaha mikro yang mendapatkan pendampingan",
                                    "unit usaha",
                                    300,
                                    [300, 320, 340, 360, 380],
                                ),
                                560,
                            ),
                            Sub(
                                "2.17.07.2.01.0002",
                                "Terfasilitasinya promosi dan pemasaran produk usaha mikro",
                                "Fasilitasi Promosi dan Pemasaran Produk Usaha Mikro",
                                num(
                                    "Jumlah pameran dan promosi produk yang difasilitasi",
                                    "kali",
                                    6,
                                    same(6),
                                ),
                                410,
                            ),
                        ],
                    )
                ],
            ),
            Prog(
                "3.30.04",
                "Terkendalinya harga bahan pokok di pasar Kota Mojokerto",
                harga,
                [so2],
                [
                    pct(
                        "Persentase komoditas pokok dengan harga stabil",
                        80.0,
                        step(82.0, 2.0, 1),
                        actual=83.0,
                    )
                ],
                [
                    Keg(
                        "3.30.04.2.01",
                        "Terlaksananya pengendalian harga dan pasokan barang kebutuhan pokok",
                        "Pengendalian Harga, Informasi Ketersediaan Stok dan Pasokan Barang"
                        " Kebutuhan Pokok dan Barang Penting di Tingkat Pasar Kabupaten/Kota",
                        num(
                            "Jumlah komoditas barang kebutuhan pokok yang dipantau",
                            "komoditas",
                            10,
                            same(10),
                        ),
                        [
                            Sub(
                                "3.30.04.2.01.0001",
                                "Tersedianya informasi harga dan stok barang kebutuhan pokok",
                                "Penyediaan Informasi Harga dan Stok Barang Kebutuhan Pokok"
                                " dan Barang Penting",
                                num(
                                    "Jumlah laporan pemantauan harga dan stok barang kebutuhan"
                                    " pokok",
                                    "laporan",
                                    12,
                                    same(12),
                                ),
                                190,
                            ),
                            Sub(
                                "3.30.04.2.01.0002",
                                "Terlaksananya operasi pasar",
                                "Pelaksanaan Operasi Pasar dalam rangka Stabilisasi Harga"
                                " Pangan Pokok",
                                num("Jumlah operasi pasar yang dilaksanakan", "kali", 6, same(8)),
                                450,
                            ),
                        ],
                    )
                ],
            ),
        ],
    )


def opd_diskominfo() -> Opd:
    name = "Dinas Komunikasi dan Informatika"
    so1 = "SO-DISKOMINFO-1"
    return Opd(
        "diskominfo",
        name,
        "2.16.2.20.2.21.01.0000",
        "Meningkatnya penyelenggaraan pemerintahan berbasis elektronik",
        ["T7"],
        [num("Indeks Keterbukaan Informasi Publik", "nilai", 84.3, step(85.0, 1.0, 1))],
        [
            SasaranOpd(
                "Meningkatnya keterpaduan layanan digital pemerintah kota",
                ["TO-DISKOMINFO-1", "S11"],
                [
                    pct(
                        "Persentase layanan publik yang terintegrasi secara elektronik",
                        46.0,
                        step(52.0, 8.0, 1),
                        actual=55.0,
                        iku=True,
                        manual=Manual(
                            "Persentase jenis layanan publik perangkat daerah yang dapat"
                            " diakses melalui portal layanan terpadu kota.",
                            "(Jumlah layanan publik terintegrasi / jumlah layanan publik"
                            " yang ditetapkan) × 100%",
                            "Katalog layanan SPBE Kota Mojokerto",
                            name,
                        ),
                    ),
                ],
            )
        ],
        [
            support_program("2.16", name, [so1], 70.8, 41, 2700),
            Prog(
                "2.16.03",
                "Meningkatnya keterpaduan aplikasi dan infrastruktur SPBE",
                "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA",
                [so1],
                [
                    pct(
                        "Persentase aplikasi perangkat daerah yang terintegrasi",
                        40.0,
                        step(48.0, 8.0, 1),
                    )
                ],
                [
                    Keg(
                        "2.16.03.2.02",
                        "Tersedianya layanan e-government yang terpadu",
                        "Pengelolaan E-government di Lingkup Pemerintah Daerah Kabupaten/Kota",
                        num(
                            "Jumlah layanan e-government yang dikelola",
                            "layanan",
                            24,
                            [26, 28, 30, 32, 34],
                        ),
                        [
                            Sub(
                                "2.16.03.2.02.0001",
                                "Tersedianya aplikasi layanan publik terintegrasi",
                                "Pengembangan dan Pengelolaan Aplikasi Layanan Publik",
                                num(
                                    "Jumlah aplikasi layanan publik yang dikembangkan",
                                    "aplikasi",
                                    3,
                                    same(3),
                                ),
                                780,
                            ),
                            Sub(
                                "2.16.03.2.02.0002",
                                "Tersedianya jaringan intra pemerintah daerah",
                                "Penyelenggaraan Sistem Jaringan Intra Pemerintah Daerah",
                                num(
                                    "Jumlah titik jaringan intra pemerintah daerah",
                                    "titik",
                                    70,
                                    [72, 74, 76, 78, 80],
                                ),
                                1150,
                            ),
                        ],
                    ),
                    Keg(
                        "2.16.03.2.01",
                        "Terkelolanya nama domain dan sub domain pemerintah kota",
                        "Pengelolaan Nama Domain yang telah Ditetapkan oleh Pemerintah Pusat"
                        " dan Sub Domain di Lingkup Pemerintah Daerah Kabupaten/Kota",
                        num(
                            "Jumlah nama domain dan sub domain yang dikelola",
                            "sub domain",
                            58,
                            [60, 62, 64, 66, 68],
                        ),
                        [
                            Sub(
                                "2.16.03.2.01.0001",
                                "Terkelolanya sub domain perangkat daerah",
                                "Pengelolaan Nama Domain dan Sub Domain",
                                num(
                                    "Jumlah sub domain yang dikelola",
                                    "sub domain",
                                    58,
                                    [60, 62, 64, 66, 68],
                                ),
                                95,
                            )
                        ],
                        orphan=True,
                    ),
                ],
            ),
            Prog(
                "2.16.02",
                "Meningkatnya akses masyarakat terhadap informasi publik",
                "PROGRAM INFORMASI DAN KOMUNIKASI PUBLIK",
                [so1],
                [
                    pct(
                        "Persentase informasi publik yang terdiseminasi tepat waktu",
                        85.0,
                        step(87.0, 2.0, 1),
                    )
                ],
                [
                    Keg(
                        "2.16.02.2.02",
                        "Terlaksananya pengelolaan informasi dan komunikasi publik",
                        "Pengelolaan Informasi dan Komunikasi Publik Pemerintah Daerah"
                        " Kabupaten/Kota",
                        num(
                            "Jumlah konten informasi publik yang dikelola",
                            "konten",
                            600,
                            [620, 640, 660, 680, 700],
                        ),
                        [
                            Sub(
                                "2.16.02.2.02.0002",
                                "Terdiseminasinya informasi publik melalui media",
                                "Diseminasi Informasi Publik",
                                num(
                                    "Jumlah konten informasi publik yang dipublikasikan",
                                    "konten",
                                    600,
                                    [620, 640, 660, 680, 700],
                                ),
                                640,
                            )
                        ],
                    )
                ],
            ),
        ],
    )


def opd_bappeda() -> Opd:
    name = "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah"
    so1 = "SO-BAPPEDA-1"
    return Opd(
        "bappeda",
        name,
        "5.01.5.05.0.00.01.0000",
        "Meningkatnya kualitas perencanaan pembangunan daerah",
        ["T6"],
        [
            pct(
                "Persentase program prioritas RPJMD yang terakomodasi dalam RKPD",
                88.0,
                step(90.0, 2.5, 1),
            )
        ],
        [
            SasaranOpd(
                "Meningkatnya konsistensi dan kualitas dokumen perencanaan pembangunan",
                ["TO-BAPPEDA-1", "S12"],
                [
                    pct(
                        "Persentase kesesuaian program RKPD dengan APBD",
                        91.0,
                        step(92.0, 2.0, 1),
                        actual=93.0,
                    ),
                ],
            )
        ],
        [
            support_program("5.01", name, [so1], 73.2, 52, 3700),
            Prog(
                "5.01.02",
                "Meningkatnya kualitas perencanaan, pengendalian dan evaluasi pembangunan daerah",
                "PROGRAM PERENCANAAN, PENGENDALIAN DAN EVALUASI PEMBANGUNAN DAERAH",
                [so1],
                [
                    pct(
                        "Persentase rekomendasi hasil evaluasi pembangunan yang ditindaklanjuti",
                        70.0,
                        step(74.0, 4.0, 1),
                    )
                ],
                [
                    Keg(
                        "5.01.02.2.01",
                        "Tersusunnya dokumen perencanaan pembangunan daerah",
                        "Penyusunan Perencanaan dan Pendanaan",
                        num(
                            "Jumlah dokumen perencanaan dan evaluasi pembangunan daerah",
                            "dokumen",
                            5,
                            same(5),
                        ),
                        [
                            Sub(
                                "5.01.02.2.01.0001",
                                "Tersusunnya dokumen RKPD",
                                "Penyusunan Rencana Kerja Pemerintah Daerah",
                                num(
                                    "Jumlah dokumen RKPD dan RKPD perubahan", "dokumen", 2, same(2)
                                ),
                                420,
                            ),
                            Sub(
                                "5.01.02.2.01.0004",
                                "Tersusunnya laporan pengendalian dan evaluasi RPJMD dan RKPD",
                                "Pengendalian dan Evaluasi Pelaksanaan Rencana Pembangunan Daerah",
                                num(
                                    "Jumlah laporan pengendalian dan evaluasi pembangunan daerah",
                                    "laporan",
                                    4,
                                    same(4),
                                ),
                                310,
                            ),
                        ],
                    )
                ],
            ),
            Prog(
                "5.01.03",
                "Meningkatnya sinkronisasi perencanaan lintas perangkat daerah",
                "PROGRAM KOORDINASI DAN SINKRONISASI PERENCANAAN PEMBANGUNAN DAERAH",
                [so1, "SO-DISKOPUKMPERINDAG-2"],
                [
                    pct(
                        "Persentase program lintas perangkat daerah yang tersinkronisasi",
                        75.0,
                        step(78.0, 3.0, 1),
                    )
                ],
                [
                    Keg(
                        "5.01.03.2.02",
                        "Terlaksananya koordinasi perencanaan bidang perekonomian",
                        "Koordinasi Perencanaan Bidang Perekonomian dan Sumber Daya Alam",
                        num(
                            "Jumlah rapat koordinasi perencanaan bidang perekonomian",
                            "kali",
                            10,
                            [12, 12, 12, 12, 12],
                        ),
                        [
                            Sub(
                                "5.01.03.2.02.0001",
                                "Terlaksananya koordinasi Tim Pengendalian Inflasi Daerah",
                                "Koordinasi Pengendalian Inflasi Daerah",
                                num("Jumlah rapat koordinasi TPID", "kali", 10, same(12)),
                                180,
                            )
                        ],
                    )
                ],
            ),
        ],
    )


def opd_inspektorat() -> Opd:
    name = "Inspektorat Daerah"
    so1 = "SO-INSPEKTORAT-1"
    return Opd(
        "inspektorat",
        name,
        "6.01.0.00.0.00.01.0000",
        "Meningkatnya efektivitas pengawasan intern pemerintah daerah",
        ["T6"],
        [
            num(
                "Level Kapabilitas APIP",
                "level",
                "Level 3",
                ["Level 3", "Level 3", "Level 4", "Level 4", "Level 4"],
                measure="ordinal",
                scale=LEVEL_SCALE,
                actual="Level 3",
                iku=True,
                manual=Manual(
                    "Tingkat kapabilitas Aparat Pengawasan Intern Pemerintah menurut model"
                    " Internal Audit Capability Model (IACM).",
                    "Hasil penilaian mandiri yang divalidasi BPKP (level 1 sampai 5)",
                    "Laporan hasil penjaminan kualitas BPKP",
                    name,
                ),
            )
        ],
        [
            SasaranOpd(
                "Meningkatnya kualitas sistem pengendalian intern dan tindak lanjut hasil"
                " pemeriksaan",
                ["TO-INSPEKTORAT-1", "S10"],
                [
                    num(
                        "Level Maturitas SPIP",
                        "level",
                        "Level 3",
                        ["Level 3", "Level 3", "Level 4", "Level 4", "Level 4"],
                        measure="ordinal",
                        scale=LEVEL_SCALE,
                        actual="Level 3",
                    ),
                    pct(
                        "Persentase rekomendasi hasil pemeriksaan BPK yang ditindaklanjuti",
                        85.0,
                        [88.0, 90.0, 92.0, 94.0, 95.0],
                        actual=89.0,
                    ),
                ],
            )
        ],
        [
            support_program("6.01", name, [so1], 74.0, 46, 3800),
            Prog(
                "6.01.02",
                "Meningkatnya kualitas dan cakupan pengawasan intern",
                "PROGRAM PENYELENGGARAAN PENGAWASAN",
                [so1],
                [
                    pct(
                        "Persentase perangkat daerah yang diawasi sesuai PKPT",
                        90.0,
                        step(92.0, 2.0, 1),
                    )
                ],
                [
                    Keg(
                        "6.01.02.2.01",
                        "Terlaksananya pengawasan internal",
                        "Penyelenggaraan Pengawasan Internal",
                        num(
                            "Jumlah laporan hasil pengawasan internal",
                            "laporan",
                            52,
                            [55, 58, 60, 62, 64],
                        ),
                        [
                            Sub(
                                "6.01.02.2.01.0001",
                                "Tersusunnya laporan hasil pengawasan kinerja",
                                "Pengawasan Kinerja Pemerintah Daerah",
                                num(
                                    "Jumlah laporan hasil pengawasan kinerja",
                                    "laporan",
                                    28,
                                    [30, 31, 32, 33, 34],
                                ),
                                520,
                            ),
                            Sub(
                                "6.01.02.2.01.0002",
                                "Tersusunnya laporan hasil pengawasan keuangan",
                                "Pengawasan Keuangan Pemerintah Daerah",
                                num(
                                    "Jumlah laporan hasil pengawasan keuangan",
                                    "laporan",
                                    24,
                                    [25, 27, 28, 29, 30],
                                ),
                                480,
                            ),
                        ],
                    ),
                    Keg(
                        "6.01.02.2.02",
                        "Terlaksananya pengawasan dengan tujuan tertentu",
                        "Penyelenggaraan Pengawasan dengan Tujuan Tertentu",
                        num(
                            "Jumlah laporan hasil pengawasan dengan tujuan tertentu",
                            "laporan",
                            8,
                            same(8),
                        ),
                        [
                            Sub(
                                "6.01.02.2.02.0001",
                                "Tersusunnya laporan pengawasan atas permintaan kepala daerah",
                                "Pengawasan untuk Tujuan Tertentu atas Permintaan Kepala Daerah",
                                num(
                                    "Jumlah laporan pengawasan untuk tujuan tertentu",
                                    "laporan",
                                    8,
                                    same(8),
                                ),
                                240,
                            )
                        ],
                    ),
                ],
            ),
            Prog(
                "6.01.03",
                "Meningkatnya kapasitas perangkat daerah dalam pengendalian intern dan"
                " pencegahan korupsi",
                "PROGRAM PERUMUSAN KEBIJAKAN, PENDAMPINGAN DAN ASISTENSI",
                [so1],
                [
                    pct(
                        "Persentase perangkat daerah dengan manajemen risiko yang memadai",
                        55.0,
                        step(62.0, 7.0, 1),
                    )
                ],
                [
                    Keg(
                        "6.01.03.2.02",
                        "Terlaksananya pendampingan dan asistensi",
                        "Pendampingan dan Asistensi",
                        num(
                            "Jumlah perangkat daerah yang didampingi",
                            "perangkat daerah",
                            30,
                            same(32),
                        ),
                        [
                            Sub(
                                "6.01.03.2.02.0001",
                                "Terlaksananya pendampingan, asistensi dan verifikasi",
                                "Pendampingan, Asistensi dan Verifikasi",
                                num(
                                    "Jumlah laporan pendampingan, asistensi dan verifikasi",
                                    "laporan",
                                    12,
                                    same(12),
                                ),
                                260,
                            ),
                            Sub(
                                "6.01.03.2.02.0004",
                                "Terlaksananya pendampingan penerapan SPIP dan manajemen risiko",
                                "Pendampingan Penerapan Sistem Pengendalian Intern Pemerintah",
                                num(
                                    "Jumlah perangkat daerah yang didampingi penerapan SPIP",
                                    "perangkat daerah",
                                    30,
                                    same(32),
                                ),
                                210,
                            ),
                        ],
                    )
                ],
            ),
        ],
    )


def opd_bpkpd() -> Opd:
    name = "Badan Pengelolaan Keuangan dan Pendapatan Daerah"
    so1 = "SO-BPKPD-1"
    return Opd(
        "bpkpd",
        name,
        "5.02.0.00.0.00.01.0000",
        "Meningkatnya kemandirian dan akuntabilitas keuangan daerah",
        ["T6"],
        [
            Ind(
                "Opini BPK atas Laporan Keuangan Pemerintah Daerah",
                "opini",
                "WTP",
                same("WTP"),
                measure="text",
                actual="WTP",
            )
        ],
        [
            SasaranOpd(
                "Meningkatnya pendapatan asli daerah dan kualitas pengelolaan keuangan",
                ["TO-BPKPD-1", "S12"],
                [
                    pct(
                        "Persentase pertumbuhan pendapatan asli daerah",
                        6.5,
                        [7.0, 7.0, 7.5, 7.5, 8.0],
                        actual=7.2,
                    ),
                ],
            )
        ],
        [
            support_program("5.02", name, [so1], 72.8, 88, 6200),
            Prog(
                "5.02.02",
                "Meningkatnya kualitas pengelolaan keuangan daerah",
                "PROGRAM PENGELOLAAN KEUANGAN DAERAH",
                [so1],
                [
                    Ind(
                        "Persentase ketepatan waktu penetapan APBD dan penyampaian LKPD",
                        "%",
                        100.0,
                        same(100.0),
                        measure="percent",
                        baseline_year=2026,
                    )
                ],
                [
                    Keg(
                        "5.02.02.2.01",
                        "Tersusunnya rencana anggaran daerah",
                        "Koordinasi dan Penyusunan Rencana Anggaran Daerah",
                        num("Jumlah dokumen rencana anggaran daerah", "dokumen", 4, same(4)),
                        [
                            Sub(
                                "5.02.02.2.01.0001",
                                "Tersusunnya KUA dan PPAS",
                                "Koordinasi dan Penyusunan KUA dan PPAS",
                                num("Jumlah dokumen KUA dan PPAS", "dokumen", 2, same(2)),
                                260,
                            ),
                            Sub(
                                "5.02.02.2.01.0002",
                                "Terverifikasinya RKA perangkat daerah",
                                "Koordinasi, Penyusunan dan Verifikasi RKA-SKPD",
                                num(
                                    "Jumlah dokumen RKA-SKPD yang diverifikasi",
                                    "dokumen",
                                    38,
                                    same(38),
                                ),
                                180,
                            ),
                        ],
                    ),
                    Keg(
                        "5.02.02.2.05",
                        "Tersusunnya laporan keuangan pemerintah daerah",
                        "Koordinasi dan Penyusunan Laporan Keuangan Daerah",
                        num("Jumlah laporan keuangan pemerintah daerah", "laporan", 2, same(2)),
                        [
                            Sub(
                                "5.02.02.2.05.0001",
                                "Tersusunnya laporan keuangan akhir tahun pemerintah daerah",
                                "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun"
                                " Pemerintah Daerah",
                                num("Jumlah laporan keuangan akhir tahun", "laporan", 1, same(1)),
                                340,
                            )
                        ],
                    ),
                ],
            ),
            Prog(
                "5.02.04",
                "Meningkatnya penerimaan pajak dan retribusi daerah",
                "PROGRAM PENGELOLAAN PENDAPATAN DAERAH",
                [so1],
                [
                    pct(
                        "Persentase realisasi penerimaan pajak daerah terhadap target",
                        98.0,
                        step(100.0, 0.5, 1),
                    )
                ],
                [
                    Keg(
                        "5.02.04.2.01",
                        "Tersusunnya perencanaan pengelolaan pendapatan",
                        "Perencanaan Pengelolaan Pendapatan Daerah",
                        num("Jumlah dokumen perencanaan pendapatan daerah", "dokumen", 2, same(2)),
                        [
                            Sub(
                                "5.02.04.2.01.0001",
                                "Tersusunnya kebijakan intensifikasi pajak daerah",
                                "Penyusunan Kebijakan Pengelolaan Pendapatan Daerah",
                                num(
                                    "Jumlah dokumen kebijakan pendapatan daerah",
                                    "dokumen",
                                    2,
                                    same(2),
                                ),
                                150,
                            )
                        ],
                    ),
                    Keg(
                        "5.02.04.2.02",
                        "Termutakhirkannya data objek pajak daerah",
                        "Analisa dan Pengembangan Pendapatan Daerah",
                        num(
                            "Jumlah objek pajak daerah yang dimutakhirkan",
                            "objek",
                            2500,
                            [2600, 2700, 2800, 2900, 3000],
                        ),
                        [
                            Sub(
                                "5.02.04.2.02.0001",
                                "Terdatanya objek pajak daerah",
                                "Pendataan dan Pendaftaran Objek Pajak Daerah",
                                num(
                                    "Jumlah objek pajak daerah yang didata",
                                    "objek",
                                    2500,
                                    [2600, 2700, 2800, 2900, 3000],
                                ),
                                620,
                            )
                        ],
                    ),
                ],
            ),
        ],
    )


OPD_BUILDERS = (
    opd_dinkes,
    opd_dikbud,
    opd_dpupr,
    opd_perkim,
    opd_satpolpp,
    opd_dinsos,
    opd_disnaker,
    opd_dkpp,
    opd_dlh,
    opd_dispendukcapil,
    opd_diskopukmperindag,
    opd_diskominfo,
    opd_bappeda,
    opd_inspektorat,
    opd_bpkpd,
)


def attach(node: Node, inds: Sequence[Ind]) -> Node:
    """Pasang indikator pada simpul dan beri id ``<simpul>.I<n>``."""
    for i, ind in enumerate(inds, start=1):
        ind.id = f"{node.id}.I{i}"
        node.indicators.append(ind)
    return node


def keg_parents(keg: Keg, program_id: str) -> list[Parent]:
    return [] if keg.orphan else [program_id]


def opd_nodes(opd: Opd) -> list[Node]:
    key = opd.key
    nodes: list[Node] = [
        attach(
            Node(
                id=f"TO-{key}-1",
                level="tujuan_opd",
                name=opd.tujuan,
                parents=list(opd.tujuan_parents),
                opd=opd.id,
            ),
            opd.tujuan_inds,
        )
    ]
    for i, so in enumerate(opd.sasaran, start=1):
        nodes.append(
            attach(
                Node(
                    id=f"SO-{key}-{i}",
                    level="sasaran_opd",
                    name=so.name,
                    parents=list(so.parents),
                    opd=opd.id,
                    crosscutting=list(so.crosscutting),
                ),
                so.inds,
            )
        )
    for prog in opd.programs:
        pnode = attach(
            Node(
                id=f"P-{key}-{prog.kode}",
                level="program",
                name=prog.name,
                parents=list(prog.parents),
                opd=opd.id,
                kode=prog.kode,
                notes=prog.notes or nomenklatur(prog.nomen),
            ),
            prog.inds,
        )
        nodes.append(pnode)
        counted: list[Node] = []
        for keg in prog.kegs:
            knode = attach(
                Node(
                    id=f"K-{key}-{keg.kode}",
                    level="kegiatan",
                    name=keg.name,
                    parents=keg_parents(keg, pnode.id),
                    opd=opd.id,
                    kode=keg.kode,
                    notes=nomenklatur(keg.nomen),
                ),
                [keg.ind],
            )
            nodes.append(knode)
            subs: list[Node] = []
            for sub in keg.subs:
                snode = attach(
                    Node(
                        id=f"SK-{key}-{sub.kode}",
                        level="sub_kegiatan",
                        name=sub.name,
                        parents=[knode.id],
                        opd=opd.id,
                        kode=sub.kode,
                        pagu=pagu_series(sub.pagu_juta, sub.growth),
                        notes=nomenklatur(sub.nomen),
                    ),
                    [sub.ind],
                )
                subs.append(snode)
            nodes.extend(subs)
            knode.pagu = sum_pagu(subs)
            if not keg.orphan:
                counted.append(knode)
        pnode.pagu = sum_pagu(counted)
    return nodes


# --------------------------------------------------------------------------- flaws

# Cacat yang disengaja: (id simpul atau indikator, kolom atau None) → keterangan.
# Keterangan ditulis sebagai komentar "# flaw: ..." di atas simpul atau kolomnya.
FLAWS: dict[tuple[str, str | None], str] = {
    ("P-DPUPR-1.03.10", "pagu"): "program tanpa pagu tahun 2027",
    (
        "K-DIKBUD-1.01.02.2.01",
        "pagu",
    ): "pagu 2026 kegiatan tidak sama dengan jumlah pagu sub kegiatannya (selisih Rp150 juta)",
    (
        "SK-DISNAKER-2.07.04.2.01.0002",
        "kode",
    ): "kode sub kegiatan tidak diawali kode kegiatan induknya (2.07.03.2.01)",
    (
        "SO-SATPOLPP-1.I1",
        None,
    ): 'indikator proses ("Persentase terlaksananya kegiatan ...") di level outcome',
    ("P-DINSOS-1.06.05.I1", "targets"): "polaritas higher tetapi target 2027 turun dari 2026",
    ("SK-DISPENDUKCAPIL-2.12.02.2.01.0002.I1", None): "indikator tanpa satuan",
    ("K-DISKOMINFO-2.16.03.2.01", None): "kegiatan yatim (tanpa induk)",
    ("SO-DLH-1.I2", "targets"): 'target 2026 ditulis dengan koma desimal sebagai teks "72,5"',
    ("SO-DINKES-2.I2", "targets"): "artefak float Excel 64.64999999999999 pada target 2025",
    ("P-BPKPD-5.02.02.I1", "baseline"): "tahun baseline 2026 sesudah tahun target pertama 2025",
    ("S9.I1", "iku"): "IKU tanpa definisi operasional dan formula",
    ("SK-DINKES-1.02.02.2.02.0016", "name"): "nama berisi baris baru dan spasi ganda",
    (
        "SO-DINKES-1.I1",
        "actuals",
    ): "realisasi 2025 jauh dari target padahal seluruh program di bawahnya tercapai",
    (
        "SO-DINKES-2.I2",
        "pk_targets",
    ): "target Perjanjian Kinerja 2025 (64.0) diturunkan dari target Renstra",
}


def apply_flaws(nodes: list[Node]) -> None:
    """Cacat yang tidak bisa dituliskan langsung di data (pagu dihitung otomatis)."""
    by_id = {node.id: node for node in nodes}
    del by_id["P-DPUPR-1.03.10"].pagu[2027]
    # Kegiatan menyimpang dari jumlah sub kegiatannya; programnya tetap sama dengan
    # jumlah kegiatan, sehingga hanya satu selisih yang muncul.
    by_id["K-DIKBUD-1.01.02.2.01"].pagu[2026] += 150 * JUTA
    by_id["P-DIKBUD-1.01.02"].pagu[2026] += 150 * JUTA


# --------------------------------------------------------------------------- realisasi 2025

# Realisasi 2025 rekaan bagi Dinkes dan Dikbud. Di bawah SO-DINKES-1 semua keluaran
# tercapai, tetapi stunting tidak turun (indikator sasaran itu ditulis di pembangunnya);
# satu sub kegiatan Dikbud tersendat: kinerja dan serapan anggarannya rendah.
ACTUALS_2025: dict[str, Value] = {
    "K-DINKES-1.02.02.2.01.I1": 3,
    "SK-DINKES-1.02.02.2.01.0006.I1": 1,
    "SK-DINKES-1.02.02.2.01.0014.I1": 8,
    "K-DINKES-1.02.02.2.02.I1": 6,
    "SK-DINKES-1.02.02.2.02.0001.I1": 1868,
    "SK-DINKES-1.02.02.2.02.0016.I1": 2,
    "TO-DIKBUD-1.I1": 0.751,
    "SO-DIKBUD-1.I2": 98.45,
    "SO-DIKBUD-2.I1": 48.5,
    "P-DIKBUD-1.01.01.I1": 72.8,
    "K-DIKBUD-1.01.01.2.01.I1": 8,
    "SK-DIKBUD-1.01.01.2.01.0001.I1": 3,
    "SK-DIKBUD-1.01.01.2.01.0006.I1": 5,
    "K-DIKBUD-1.01.01.2.02.I1": 12,
    "SK-DIKBUD-1.01.01.2.02.0001.I1": 1142,
    "P-DIKBUD-1.01.02.I1": 72.4,
    "K-DIKBUD-1.01.02.2.01.I1": 52,
    "SK-DIKBUD-1.01.02.2.01.0047.I1": 4,
    "SK-DIKBUD-1.01.02.2.01.0009.I1": 52,
    "K-DIKBUD-1.01.02.2.02.I1": 15,
    "SK-DIKBUD-1.01.02.2.02.0025.I1": 4,
    "SK-DIKBUD-1.01.02.2.02.0009.I1": 16,
    "P-DIKBUD-2.22.05.I1": 45.2,
    "K-DIKBUD-2.22.05.2.02.I1": 4,
    "SK-DIKBUD-2.22.05.2.02.0001.I1": 3,
    "SK-DIKBUD-2.22.05.2.02.0002.I1": 1,
}
PK_TARGETS_2025: dict[str, Value] = {
    "SO-DINKES-2.I1": 3,
    "SO-DINKES-2.I2": 64.0,
}
SPENT_2025: dict[str, int] = {
    "SK-DINKES-1.02.01.2.01.0001": 81_237_500,
    "SK-DINKES-1.02.01.2.01.0006": 56_418_000,
    "SK-DINKES-1.02.01.2.10.0001": 17_873_250_000,
    "SK-DINKES-1.02.02.2.01.0006": 2_521_893_000,
    "SK-DINKES-1.02.02.2.01.0014": 3_897_615_400,
    "SK-DINKES-1.02.02.2.02.0001": 398_712_500,
    "SK-DINKES-1.02.02.2.02.0016": 641_905_000,
    "SK-DINKES-1.02.03.2.03.0001": 327_460_000,
    "SK-DIKBUD-1.01.01.2.01.0001": 80_915_000,
    "SK-DIKBUD-1.01.01.2.01.0006": 57_250_000,
    "SK-DIKBUD-1.01.01.2.02.0001": 59_873_450_000,
    "SK-DIKBUD-1.01.02.2.01.0047": 1_318_742_000,
    "SK-DIKBUD-1.01.02.2.01.0009": 9_512_680_000,
    "SK-DIKBUD-1.01.02.2.02.0025": 688_125_000,
    "SK-DIKBUD-1.01.02.2.02.0009": 5_236_920_000,
    "SK-DIKBUD-2.22.05.2.02.0001": 251_630_000,
    "SK-DIKBUD-2.22.05.2.02.0002": 162_375_000,
}
NOTES_2025: dict[str, str] = {
    "SO-DINKES-1": (
        "Realisasi 2025 ilustratif (rekaan): seluruh program, kegiatan dan sub kegiatan di"
        " bawah sasaran ini mencapai target keluarannya, tetapi persentase balita stunting"
        " hasil e-PPGBM justru naik menjadi 11,9% dari target 8,8% (capaian 64,77%). Keluaran"
        " tercapai tanpa menurunkan stunting: hubungan sebab-akibat pohon kinerja ini perlu"
        " ditinjau."
    ),
    "SK-DIKBUD-1.01.02.2.02.0025": (
        "Realisasi 2025 ilustratif (rekaan): pekerjaan rehabilitasi dua ruang kelas terhenti"
        " setelah kontraknya diputus, sehingga hanya 4 dari 6 ruang kelas selesai dan serapan"
        " anggaran 55,05%."
    ),
}


def apply_realisasi(nodes: list[Node]) -> None:
    """Realisasi, target PK, realisasi anggaran dan catatan 2025 (hanya tahun bertarget)."""
    by_id = {node.id: node for node in nodes}
    indicators = {ind.id: ind for node in nodes for ind in node.indicators}
    year = YEARS[0]
    for ind_id, value in ACTUALS_2025.items():
        ind = indicators[ind_id]
        if ind.actual is not None or ind.targets[0] is None:
            raise ValueError(f"{ind_id}: sudah ada realisasi, atau tanpa target {year}")
        ind.actual = value
    for ind_id, value in PK_TARGETS_2025.items():
        indicators[ind_id].pk_target = value
    for node_id, amount in SPENT_2025.items():
        node = by_id[node_id]
        if node.level != "sub_kegiatan" or not 0 < amount <= node.pagu.get(year, 0):
            raise ValueError(f"{node_id}: bukan sub kegiatan, atau realisasi di atas pagu")
        node.realisasi_anggaran = {year: amount}
    for node_id, text in NOTES_2025.items():
        node = by_id[node_id]
        node.notes = f"{node.notes}. {text}" if node.notes else text


# --------------------------------------------------------------------------- YAML text

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "none"}


def q(text: str) -> str:
    """String YAML berkutip ganda."""
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    )
    return f'"{escaped}"'


def ident(text: str) -> str:
    """Pengenal: tanpa kutip bila aman, berkutip bila perlu."""
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED:
        return text
    return q(text)


def scalar(value: Value) -> str:
    if isinstance(value, bool):
        raise TypeError("nilai boolean tidak dipakai sebagai nilai indikator")
    if isinstance(value, tuple):
        return f"[{scalar(value[0])}, {scalar(value[1])}]"
    if isinstance(value, str):
        return q(value)
    return repr(value)


def flow_years(values: Mapping[int, Value]) -> str:
    items = ", ".join(f"{year}: {scalar(value)}" for year, value in sorted(values.items()))
    return "{" + items + "}"


def parent_text(parents: list[Parent]) -> str:
    """Daftar induk; induk berbobot ditulis ``{id: ..., weight: ...}``."""
    parts: list[str] = []
    for parent in parents:
        if isinstance(parent, tuple):
            parts.append(f"{{id: {ident(parent[0])}, weight: {parent[1]!r}}}")
        else:
            parts.append(ident(parent))
    return "[" + ", ".join(parts) + "]"


class Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.used_flaws: set[tuple[str, str | None]] = set()

    def line(self, indent: int, text: str) -> None:
        self.lines.append(" " * indent + text)

    def flaw(self, indent: int, owner: str, field_name: str | None) -> None:
        key = (owner, field_name)
        if key in FLAWS:
            self.used_flaws.add(key)
            self.line(indent, f"# flaw: {FLAWS[key]}")

    def field(self, indent: int, owner: str, name: str, text: str) -> None:
        self.flaw(indent, owner, name)
        self.line(indent, f"{name}: {text}")

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


HEADER = """\
# Pohon kinerja RPJMD Kota Mojokerto 2025-2029 -- CONTOH ILUSTRATIF.
#
# Berkas ini dibuat oleh tools/make_example.py; jangan disunting langsung, ubah skripnya
# lalu jalankan ulang. Ini BUKAN dokumen RPJMD resmi Pemerintah Kota Mojokerto.
# Visi dan kelima misi (Panca Cita) diambil dari bahan publik rancangan RPJMD; tujuan,
# sasaran, indikator, angka baseline/target/realisasi, pagu, pohon perangkat daerah dan
# deklarasi crosscutting adalah rekaan untuk demonstrasi dan pengujian.
# Beberapa cacat sengaja dimasukkan; masing-masing ditandai komentar "# flaw:".
"""

PLAN_NOTES = (
    "Contoh ilustratif, bukan RPJMD resmi. Visi dan Panca Cita mengikuti rancangan RPJMD"
    " Kota Mojokerto 2025-2029 yang disampaikan kepada DPRD pada 10 April 2025; seluruh"
    " tujuan, sasaran, indikator, angka baseline, target, realisasi, pagu, pohon perangkat"
    " daerah dan deklarasi crosscutting adalah rekaan. Kode nomenklatur yang nyata menurut"
    " Kepmendagri 050-5889/2021 hanya 1.02.01.2.01.0001, 1.02.01.2.10.0001, 1.02.02,"
    " 1.02.02.2.01, 1.02.02.2.01.0006, 1.02.02.2.01.0014, 1.02.03, 1.01.02.2.01.0047 dan"
    " 2.22.05.2.02.0001 beserta nama program penunjang U.BB.01; kode lain berbentuk benar"
    " tetapi ilustratif, demikian pula nama nomenklatur di catatan simpul lainnya. Beberapa"
    " cacat sengaja dimasukkan agar pemeriksaan punya temuan."
)


SINGKATAN = {
    "dinkes": "Dinkes",
    "dikbud": "Dikbud",
    "dpupr": "DPUPR",
    "perkim": "Disperkim",
    "satpolpp": "Satpol PP",
    "dinsos": "Dinsos",
    "disnaker": "Disnaker",
    "dkpp": "DKPP",
    "dlh": "DLH",
    "dispendukcapil": "Dispendukcapil",
    "diskopukmperindag": "Diskopukmperindag",
    "diskominfo": "Diskominfo",
    "bappeda": "Bappedalitbang",
    "inspektorat": "Inspektorat",
    "bpkpd": "BPKPD",
}
"""The short names the OPDs go by in the Pemda's documents; findings name OPDs by them."""


def render(opds: Sequence[Opd], nodes: Sequence[Node]) -> str:
    w = Writer()
    w.lines.extend(HEADER.rstrip("\n").split("\n"))
    w.line(0, "pohon: 1")
    w.line(0, "plan:")
    w.line(2, "id: kota-mojokerto-2025-2029-ilustratif")
    w.line(2, "name: " + q("Pohon Kinerja RPJMD Kota Mojokerto 2025-2029 (ilustratif)"))
    w.line(2, "pemda: " + q("Kota Mojokerto"))
    w.line(2, f"period: {{start: {YEARS[0]}, end: {YEARS[-1]}}}")
    w.line(2, "frameworks: [" + ", ".join(FRAMEWORKS) + "]")
    w.line(2, "scheme: kota")
    w.line(2, "notes: " + q(PLAN_NOTES))
    w.line(2, "meta:")
    w.line(4, "status: ilustratif")
    w.line(
        4,
        "sumber: "
        + q(
            "Visi dan Panca Cita: rancangan RPJMD Kota Mojokerto 2025-2029 (harianbuana.net,"
            " 10 April 2025); nomenklatur: Kepmendagri 050-5889/2021"
        ),
    )
    w.line(4, "dibuat_dengan: " + q("tools/make_example.py"))
    w.line(0, "opds:")
    for opd in opds:
        w.line(
            2,
            f"- {{id: {ident(opd.id)}, name: {q(opd.name)}, kode: {q(opd.kode)}, "
            f"singkatan: {q(SINGKATAN[opd.id])}}}",
        )
    w.line(0, "nodes:")
    for node in nodes:
        render_node(w, node)
    missing = set(FLAWS) - w.used_flaws
    if missing:
        raise RuntimeError(f"cacat tidak tertulis: {sorted(missing, key=str)}")
    return w.text()


def render_node(w: Writer, node: Node) -> None:
    w.flaw(2, node.id, None)
    w.line(2, f"- id: {ident(node.id)}")
    ind = 4
    w.field(ind, node.id, "level", node.level)
    w.field(ind, node.id, "name", q(node.name))
    if node.parents is not None:
        w.field(ind, node.id, "parents", parent_text(node.parents))
    if node.aligns:
        w.field(ind, node.id, "aligns", "[" + ", ".join(q(a) for a in node.aligns) + "]")
    if node.opd is not None:
        w.field(ind, node.id, "opd", ident(node.opd))
    if node.kode is not None:
        w.field(ind, node.id, "kode", q(node.kode))
    if node.indicators:
        w.line(ind, "indicators:")
        for indicator in node.indicators:
            render_indicator(w, indicator)
    if node.pagu:
        w.field(ind, node.id, "pagu", flow_years(node.pagu))
    if node.realisasi_anggaran:
        w.field(ind, node.id, "realisasi_anggaran", flow_years(node.realisasi_anggaran))
    if node.crosscutting:
        w.line(ind, "crosscutting:")
        for cross in node.crosscutting:
            who = (
                f"opd: {ident(cross.opd)}"
                if cross.opd is not None
                else f"agency: {q(cross.agency or '')}"
            )
            w.line(ind + 2, f"- {{{who}, status: {cross.status}, note: {q(cross.note)}}}")
    if node.notes:
        w.field(ind, node.id, "notes", q(node.notes))


def render_indicator(w: Writer, ind: Ind) -> None:
    w.flaw(6, ind.id, None)
    w.line(6, f"- id: {ident(ind.id)}")
    i = 8
    w.field(i, ind.id, "name", q(ind.name))
    if ind.satuan is not None:
        w.field(i, ind.id, "satuan", q(ind.satuan))
    w.field(i, ind.id, "measure", ind.measure)
    if ind.scale is not None:
        w.field(i, ind.id, "scale", "[" + ", ".join(q(s) for s in ind.scale) + "]")
    w.field(i, ind.id, "polarity", ind.polarity)
    w.field(i, ind.id, "cumulative", "true" if ind.cumulative else "false")
    if ind.baseline is not None:
        w.field(
            i, ind.id, "baseline", f"{{year: {ind.baseline_year}, value: {scalar(ind.baseline)}}}"
        )
    w.field(i, ind.id, "targets", flow_years(dict(zip(YEARS, ind.targets, strict=True))))
    if ind.actual is not None:
        w.field(i, ind.id, "actuals", flow_years({YEARS[0]: ind.actual}))
    if ind.pk_target is not None:
        w.field(i, ind.id, "pk_targets", flow_years({YEARS[0]: ind.pk_target}))
    w.field(i, ind.id, "iku", "true" if ind.iku else "false")
    if ind.manual is not None:
        for name in ("definisi", "formula", "sumber_data", "penanggung_jawab"):
            value = getattr(ind.manual, name)
            if isinstance(value, str):
                w.field(i, ind.id, name, q(value))


# --------------------------------------------------------------------------- main


def build() -> str:
    opds = [builder() for builder in OPD_BUILDERS]
    nodes = pemda_nodes()
    for node in nodes:
        attach_ids(node)
    for opd in opds:
        nodes.extend(opd_nodes(opd))
    apply_flaws(nodes)
    apply_realisasi(nodes)
    validate(opds, nodes)
    return render(opds, nodes)


def attach_ids(node: Node) -> None:
    """Beri id pada indikator simpul Pemda yang dibuat langsung."""
    for i, ind in enumerate(node.indicators, start=1):
        ind.id = f"{node.id}.I{i}"


def validate(opds: Sequence[Opd], nodes: Sequence[Node]) -> None:
    """Pemeriksaan sendiri: id unik, induk ada, OPD dikenal."""
    ids = [node.id for node in nodes]
    if len(ids) != len(set(ids)):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        raise ValueError(f"id simpul ganda: {dupes}")
    known = set(ids)
    opd_ids = {opd.id for opd in opds}
    for node in nodes:
        for parent in node.parents or []:
            pid = parent[0] if isinstance(parent, tuple) else parent
            if pid not in known:
                raise ValueError(f"{node.id}: induk {pid} tidak ada")
        if node.opd is not None and node.opd not in opd_ids:
            raise ValueError(f"{node.id}: OPD {node.opd} tidak ada")
        for cross in node.crosscutting:
            if cross.opd is not None and cross.opd not in opd_ids:
                raise ValueError(f"{node.id}: OPD crosscutting {cross.opd} tidak ada")
    ind_ids = [ind.id for node in nodes for ind in node.indicators]
    if "" in ind_ids or len(ind_ids) != len(set(ind_ids)):
        raise ValueError("id indikator kosong atau ganda")
    flawed = {owner for owner, _ in FLAWS}
    for node in nodes:
        check_wording(node, flawed)
        for ind in node.indicators:
            if ind.id not in flawed:
                check_direction(ind)


OUTCOME_WORDS = (
    "Meningkatnya",
    "Menurunnya",
    "Terwujudnya",
    "Berkurangnya",
    "Menguatnya",
    "Terkendalinya",
)
OUTPUT_WORDS = ("Tersedianya", "Terlaksananya", "Tersusunnya", "Jumlah", "Dokumen")
OUTCOME_LEVELS = ("tujuan", "sasaran", "tujuan_opd", "sasaran_opd", "program")


def check_wording(node: Node, flawed: set[str]) -> None:
    """Hanya cacat yang disengaja yang boleh melanggar pola kata outcome/output."""
    if node.level in OUTCOME_LEVELS:
        if node.name.startswith(OUTPUT_WORDS):
            raise ValueError(f"{node.id}: kata output di level outcome")
        for ind in node.indicators:
            lowered = ind.name.lower()
            if ind.id not in flawed and (
                lowered.startswith(("jumlah", "dokumen")) or "terlaksananya" in lowered
            ):
                raise ValueError(f"{ind.id}: indikator output/proses di level outcome")
    elif node.level in ("kegiatan", "sub_kegiatan") and node.name.startswith(OUTCOME_WORDS):
        raise ValueError(f"{node.id}: kata outcome di level output")


def check_direction(ind: Ind) -> None:
    """Target mengikuti polaritas (kecuali cacat yang disengaja)."""
    if ind.polarity not in ("higher", "lower"):
        return
    series: list[float] = []
    if isinstance(ind.baseline, int | float) and ind.baseline_year < YEARS[0]:
        series.append(float(ind.baseline))
    for value in ind.targets:
        if not isinstance(value, int | float):
            return
        series.append(float(value))
    pairs = list(itertools.pairwise(series))
    if ind.polarity == "higher" and any(b < a for a, b in pairs):
        raise ValueError(f"{ind.id}: target turun padahal polaritas higher")
    if ind.polarity == "lower" and any(b > a for a, b in pairs):
        raise ValueError(f"{ind.id}: target naik padahal polaritas lower")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument(
        "--check",
        action="store_true",
        help="jangan menulis; keluar dengan kode 1 bila berkas berbeda",
    )
    args = parser.parse_args(argv)
    text = build()
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else None
        if current != text:
            print(
                f"{OUT.relative_to(ROOT)} tidak mutakhir; jalankan `python tools/make_example.py`",
                file=sys.stderr,
            )
            return 1
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8", newline="\n")
    print(f"ditulis: {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
