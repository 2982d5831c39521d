"""The codes of the problems that stop a file from being read (PK0xx).

A file that cannot be read as a plan, a framework or a crosswalk raises
:class:`pohon.LoadError`; each of its problems carries one of these codes, so an app can
tell a syntax error from a value of the wrong type, and ``pohon rule PK003`` explains it.
The text of each problem is written where it is found (it quotes the parser or the
value); the entries here give the code its title and documentation.
"""

from __future__ import annotations

from pohon.findings.catalogue import Doc, Entry, register

LOAD_FAMILY = "load"


def _entry(code: str, slug: str, title: str, title_en: str, doc: Doc) -> Entry:
    return register(
        Entry(
            code=code,
            slug=slug,
            family=LOAD_FAMILY,
            title=(title, title_en),
            messages={"default": ("{message}", "{message_en}")},
            hint=("", ""),
            severity="error",
            doc=doc,
        )
    )


UNREADABLE = _entry(
    "PK001",
    "unreadable-file",
    "Berkas tidak bisa dibuka",
    "File cannot be opened",
    Doc(
        what="Berkas tidak ada, tidak boleh dibaca, bukan berkas biasa (folder, FIFO, "
        "perangkat seperti ``/dev/zero``), terlalu besar, atau berkas biner (misalnya buku "
        "kerja Excel yang diberikan ke pembaca YAML).",
        why="pohon hanya membaca berkas teks biasa yang ukurannya wajar, agar satu berkas "
        "tidak bisa membuat pemeriksaan macet atau menghabiskan memori server.",
        example="``pohon check /dev/zero`` atau ``pohon check rencana.fifo``.",
        fix="Berikan berkas YAML atau JSON biasa; periksa ejaan path dan izin berkasnya.",
    ),
)
ENCODING = _entry(
    "PK002",
    "bad-encoding",
    "Pengodean teks tidak bisa dibaca",
    "Text encoding cannot be read",
    Doc(
        what="Teks berkas bukan UTF-8 (misalnya UTF-16 dari Excel atau Notepad), atau memuat "
        "karakter kendali dan surrogate yang tidak boleh ada di teks.",
        why="Nama dan indikator harus terbaca sama di setiap komputer; karakter yang rusak "
        "mengubah nama tanpa terlihat.",
        example="Berkas disimpan sebagai *Unicode (UTF-16)* dari Notepad.",
        fix="Simpan ulang berkas sebagai UTF-8 dan hapus karakter kendali yang ditunjuk.",
    ),
)
YAML_SYNTAX = _entry(
    "PK003",
    "yaml-syntax",
    "Sintaks YAML tidak valid",
    "Invalid YAML syntax",
    Doc(
        what="Berkas YAML tidak bisa diurai: indentasi dengan tab, titik dua yang hilang, "
        "tanda kutip yang tidak ditutup, dan sejenisnya. Pesannya menunjuk baris dan kolom.",
        why="Sebelum sintaksnya benar, pohon tidak tahu node mana yang dimaksud berkas.",
        example="``  name:\\tMeningkatnya ...`` (tab sebagai indentasi).",
        fix="Perbaiki baris yang ditunjuk; YAML hanya menerima spasi untuk indentasi.",
    ),
)
JSON_SYNTAX = _entry(
    "PK004",
    "json-syntax",
    "Sintaks JSON tidak valid",
    "Invalid JSON syntax",
    Doc(
        what="Berkas JSON tidak bisa diurai: koma berlebih atau hilang, kutip yang tidak "
        "ditutup, atau nilai yang bukan JSON.",
        why="Sebelum sintaksnya benar, pohon tidak tahu node mana yang dimaksud berkas.",
        example='``{"plan": {"id": "p",}}`` (koma sebelum kurung tutup).',
        fix="Perbaiki baris dan kolom yang ditunjuk.",
    ),
)
DUPLICATE_KEY = _entry(
    "PK005",
    "duplicate-key",
    "Kunci ditulis dua kali",
    "Key written twice",
    Doc(
        what="Satu mapping memuat kunci yang sama dua kali, misalnya tahun target ``2027`` "
        "dan ``'2027'``.",
        why="Pengurai biasa diam-diam memakai nilai terakhir, sehingga satu nilai yang "
        "ditulis pengguna hilang tanpa kabar.",
        example="``targets: {2027: 80, 2027: 85}``.",
        fix="Hapus salah satu, atau perbaiki tahun yang salah ketik.",
    ),
)
TOO_LARGE = _entry(
    "PK006",
    "input-too-large",
    "Masukan terlalu dalam atau terlalu besar",
    "Input too deep or too large",
    Doc(
        what="Berkas bersarang terlalu dalam, memakai alias YAML yang berlipat ganda, atau "
        "memuat angka atau teks yang terlalu panjang untuk dibaca dengan aman.",
        why="Batas ini menjaga agar satu berkas kecil tidak bisa menghabiskan waktu atau "
        "memori server validasi.",
        example="Sebuah 'bom alias' YAML: sembilan alias yang masing-masing mengulang "
        "alias sebelumnya sembilan kali.",
        fix="Tulis rencana secara datar seperti format pohon (daftar ``nodes`` dengan "
        "``parents``), tanpa alias berlapis.",
    ),
)
SCHEMA = _entry(
    "PK007",
    "invalid-value",
    "Isi berkas tidak sesuai format",
    "Content does not fit the format",
    Doc(
        what="Sebuah kunci wajib hilang, kunci tidak dikenal, atau nilai dengan jenis atau "
        "rentang yang salah (misalnya tahun berupa teks, bobot di luar 0-1, pola kode yang "
        "tidak aman).",
        why="Format berkas pohon adalah kontrak: aplikasi lain menulisnya, dan pohon tidak "
        "menebak maksud nilai yang tidak sesuai.",
        example="``period: {start: '2025', end: 2029}``.",
        fix="Ikuti pesan yang menunjuk kunci dan baris; lihat docs/format.md.",
    ),
)
FORMAT_VERSION = _entry(
    "PK008",
    "format-version",
    "Versi format tidak dikenal",
    "Unknown format version",
    Doc(
        what="Kunci ``pohon:`` (versi format) bukan bilangan bulat yang dikenal versi pohon ini.",
        why="Berkas dari versi format yang lebih baru bisa memuat kunci yang artinya belum "
        "diketahui; membacanya diam-diam bisa membuang isinya.",
        example="``pohon: 2`` pada pohon yang membaca versi 1, atau ``pohon: true``.",
        fix="Perbarui pohon, atau tulis ``pohon: 1``.",
    ),
)

LOAD_CODES: tuple[str, ...] = tuple(
    e.code
    for e in (
        UNREADABLE,
        ENCODING,
        YAML_SYNTAX,
        JSON_SYNTAX,
        DUPLICATE_KEY,
        TOO_LARGE,
        SCHEMA,
        FORMAT_VERSION,
    )
)
