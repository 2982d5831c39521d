"""The ``pohon`` command line: check plan files, list and explain rules, print the schema.

::

    pohon check rpjmd.yaml renstra/ --format sarif --output pohon.sarif
    pohon check rpjmd.yaml --opd dinkes,dinsos --level program --severity warning
    pohon check rpjmd.yaml --format csv -o temuan.csv
    pohon rules
    pohon rule PK101
    pohon schema
    pohon example mojokerto -o contoh.yaml
    pohon matrix alignment rpjmd.yaml --format html -o keselarasan.html
    pohon matrix crosscutting rpjmd.yaml --format csv -o crosscutting.csv

``--opd``, ``--level`` and ``--severity`` narrow what ``pohon check`` shows (see
:meth:`pohon.Report.for_opd`); the summary, the counts and the exit code are those of the
findings shown. An OPD or level that none of the plans checked has is a usage error.

Exit codes of ``pohon check``: 0 no error-severity finding shown; 1 error-severity findings; 2 an
input that cannot be read or does not fit the file format, or a usage error; 70 an unexpected
fault of pohon itself (set ``POHON_DEBUG=1`` to see its traceback). ``pohon matrix`` exits 0
when the matrix is written (its gaps are part of the output, not errors), 2 and 70 as above.

``-o FILE`` never writes over an input file (compared through symlinks and hard links), not
even with ``--force``; it writes over any other existing file only with ``--force``.

Heavy modules (pydantic, networkx, the rules) are imported only by the commands that need
them, so ``pohon --version`` and ``pohon --help`` answer at once.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from pohon._version import __version__
from pohon.findings import Lang

if TYPE_CHECKING:
    from pohon.analysis import Matrix
    from pohon.findings import Report
    from pohon.io import LoadError
    from pohon.model import Plan
    from pohon.rules import Rule

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_SOFTWARE = 70
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

PLAN_SUFFIXES = (".yaml", ".yml", ".json")

_MESSAGES: dict[str, tuple[str, str]] = {
    "not_found": ("path tidak ditemukan", "path not found"),
    "empty_folder": (
        "folder ini tidak berisi berkas .yaml, .yml, .json atau .xlsx",
        "this folder holds no .yaml, .yml, .json or .xlsx file",
    ),
    "skipped_spreadsheet": (
        "catatan: {path} dilewati: buku kerja .xls/.ods tidak dibaca; simpan sebagai .xlsx "
        "untuk memeriksanya",
        "note: {path} skipped: .xls/.ods workbooks are not read; save it as .xlsx to check it",
    ),
    "output_ext": (
        "akhiran {path} tidak menyebut format keluaran perintah ini ({formats})",
        "the ending of {path} names no output format of this command ({formats})",
    ),
    "format_ext": (
        "format {format} tidak cocok dengan akhiran {path}; samakan keduanya",
        "format {format} does not match the ending of {path}; make them agree",
    ),
    "scale_without_capaian": (
        "--skala hanya berlaku dengan --color-by capaian",
        "--skala applies only with --color-by capaian",
    ),
    "capaian_summary": (
        "{indicators} indikator terukur dari {rows} untuk {years}",
        "{indicators} indicators measured of {rows} for {years}",
    ),
    "pk_summary": (
        "Perjanjian Kinerja {year} {who}: {sasaran} sasaran, {targets} indikator, "
        "{programs} program",
        "Perjanjian Kinerja {year} {who}: {sasaran} objectives, {targets} indicators, "
        "{programs} programs",
    ),
    "binary_needs_output": (
        "format {format} menulis buku kerja, bukan teks: beri -o BERKAS.{format}",
        "the {format} format writes a workbook, not text: give -o FILE.{format}",
    ),
    "too_many_boxes": (
        "rencana ini berisi {boxes} node, terlalu banyak untuk digambar utuh (paling banyak "
        "{most} box); gambar sebagian: --opd ID, --root ID --depth N, atau --cita "
        "KERANGKA:BUTIR, atau tulis DOT-nya (-o FILE.dot)",
        "this plan has {boxes} nodes, too many to draw whole (at most {most} boxes); draw a "
        "part: --opd ID, --root ID --depth N or --cita FRAMEWORK:ITEM, or write its DOT "
        "(-o FILE.dot)",
    ),
    "bad_years": (
        "periode {years!r} tidak bisa dibaca: tulis AWAL-AKHIR, misalnya 2025-2029",
        "cannot read the period {years!r}: write START-END, for example 2025-2029",
    ),
    "needs_xlsx": (
        "templat ditulis sebagai buku kerja .xlsx: beri nama berkas berakhiran .xlsx ({path})",
        "the template is written as an .xlsx workbook: give a file name ending in .xlsx ({path})",
    ),
    "template_written": (
        "templat ditulis ke {path}; isi lalu periksa dengan: pohon check {path}",
        "template written to {path}; fill it in, then check it with: pohon check {path}",
    ),
    "convert_suffix": (
        "format tujuan tidak dikenal dari nama {path!r}: pakai akhiran .yaml, .yml, .json atau "
        ".xlsx",
        "unknown target format from the name {path!r}: use the suffix .yaml, .yml, .json or .xlsx",
    ),
    "unreadable_folder": ("folder tidak bisa dibaca: {reason}", "cannot read folder: {reason}"),
    "unknown_framework": (
        "kerangka (framework) {framework!r} tidak dikenal; yang tersedia: {known}",
        "unknown framework {framework!r}; available: {known}",
    ),
    "bad_pattern": (
        "tidak ada aturan yang cocok dengan {pattern!r} di {option} (pakai awalan kode seperti "
        "PK1, kode lengkap, slug, atau nama famili){close}",
        "no rule matches {pattern!r} in {option} (use a code prefix like PK1, a full code, a "
        "slug or a family name){close}",
    ),
    "did_you_mean": ("; mungkin maksudnya: {items}", "; did you mean: {items}"),
    "unknown_rule": (
        "aturan {query!r} tidak ada{close}; daftar semua aturan: pohon rules",
        "no rule {query!r}{close}; list all rules: pohon rules",
    ),
    "unknown_example": (
        "contoh {name!r} tidak ada; yang tersedia: {known}",
        "no example {name!r}; available: {known}",
    ),
    "exists": (
        "{path} sudah ada; pakai --force untuk menimpanya",
        "{path} already exists; use --force to overwrite it",
    ),
    "is_input": (
        "{path} adalah berkas masukan ({input}); hasil tidak pernah ditulis di atas masukan, "
        "juga dengan --force: pilih nama berkas lain",
        "{path} is an input file ({input}); output never overwrites an input, not even with "
        "--force: choose another file name",
    ),
    "cannot_write": ("tidak bisa menulis {path}: {reason}", "cannot write {path}: {reason}"),
    "diff_summary": (
        "{changes} perubahan, {findings} temuan revisi.",
        "{changes} changes, {findings} revision findings.",
    ),
    "written": ("{path} ditulis. {summary}", "{path} written. {summary}"),
    "bad_argument": ("argumen tidak dikenal: {args}", "unrecognised arguments: {args}"),
    "unreadable": (
        "berkas tidak bisa dibaca sebagai rencana ({kind}: {detail})",
        "the file cannot be read as a plan ({kind}: {detail})",
    ),
    "output_is_folder": (
        "{path} adalah folder: beri -o nama berkas di dalamnya, misalnya {path}/hasil",
        "{path} is a folder: give -o a file name inside it, such as {path}/result",
    ),
    "not_a_file": (
        "PATH harus satu berkas rencana, bukan folder",
        "PATH must be one plan file, not a folder",
    ),
    "no_frameworks": (
        "--frameworks kosong; sebutkan satu id kerangka atau lebih, dipisah koma (yang "
        "tersedia: {known})",
        "--frameworks is empty; give one framework id or more, separated by commas "
        "(available: {known})",
    ),
    "render_ext": (
        "-o {path}: akhiran berkas menentukan formatnya: .svg, .png, .pdf atau .dot",
        "-o {path}: the file's extension gives the format: .svg, .png, .pdf or .dot",
    ),
    "render_summary": (
        "{boxes} box, {findings} node bertemuan",
        "{boxes} boxes, {findings} nodes with findings",
    ),
    "report_summary": (
        "{plans} rencana, {nodes} node; buka di peramban",
        "{plans} plans, {nodes} nodes; open it in a browser",
    ),
    "dot_instead": (
        "sumber DOT ditulis ke {path}; tata dengan Graphviz: dot -Tsvg {path}",
        "the DOT source was written to {path}; lay it out with Graphviz: dot -Tsvg {path}",
    ),
    "matrix_summary": (
        "{rows} baris, {columns} kolom, {gaps} celah",
        "{rows} rows, {columns} columns, {gaps} gaps",
    ),
    "bad_severity": (
        "--severity: tingkat {value!r} tidak dikenal; pilih error, warning atau info",
        "--severity: unknown severity {value!r}; choose error, warning or info",
    ),
    "empty_scope": (
        "{option} kosong; sebutkan satu id atau lebih, dipisah koma",
        "{option} is empty; give one id or more, separated by commas",
    ),
    "unknown_opd": (
        "--opd: OPD {ids} tidak ada di rencana yang diperiksa{close}; OPD yang ada: {known}",
        "--opd: OPD {ids} is not in the plans checked{close}; the OPDs are: {known}",
    ),
    "no_opds": (
        "--opd: OPD {ids} tidak ada: rencana yang diperiksa tidak punya daftar opds",
        "--opd: OPD {ids} not found: the plans checked list no opds",
    ),
    "unknown_level": (
        "--level: level {ids} tidak ada di skema rencana yang diperiksa{close}; level yang "
        "ada: {known}",
        "--level: level {ids} is not in the scheme of the plans checked{close}; the levels "
        "are: {known}",
    ),
    "interrupted": ("dibatalkan", "interrupted"),
    "input_problem": (
        "masukan tidak bisa diproses ({kind}: {detail})",
        "the input cannot be processed ({kind}: {detail})",
    ),
    "unexpected": (
        "kesalahan tak terduga di pohon ({kind}: {detail}). Mohon laporkan, dengan perintah "
        "yang dijalankan; POHON_DEBUG=1 menampilkan jejak lengkapnya.",
        "unexpected fault in pohon ({kind}: {detail}). Please report it with the command you "
        "ran; POHON_DEBUG=1 shows the full traceback.",
    ),
}


def _msg(key: str, lang: Lang, **values: Any) -> str:
    template = _MESSAGES[key][0 if lang == "id" else 1]
    return template.format(**values)


def _env_lang() -> Lang:
    value = os.environ.get("POHON_LANG", "").strip().lower()
    return "en" if value.startswith("en") else "id"


def _fail(message: str) -> None:
    print(f"pohon: {message}", file=sys.stderr)


# -- argument parsing ---------------------------------------------------------------------


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        super().add_usage(
            usage, actions, groups, prefix="pemakaian: " if prefix is None else prefix
        )


class _Parser(argparse.ArgumentParser):
    """argparse with Indonesian headings; usage errors exit with code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "opsi"
        self.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")
        self.lang: Lang = _env_lang()
        """The language of usage errors: ``--lang`` on the command line, else POHON_LANG."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        if self.lang == "en":
            self.exit(EXIT_INPUT, f"{self.prog}: error: {message}\n")
        self.exit(EXIT_INPUT, f"{self.prog}: kesalahan: {_argparse_words(message)}\n")

    def command(self, name: str | None) -> _Parser:
        """The parser of the subcommand ``name`` (this parser when there is none)."""
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction) and name in action.choices:
                found = action.choices[name]
                return found if isinstance(found, _Parser) else self
        return self

    def set_lang(self, lang: Lang) -> None:
        """Say usage errors in ``lang``, here and in every subcommand."""
        self.lang = lang
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    if isinstance(sub, _Parser):
                        sub.set_lang(lang)


def _argv_lang(argv: Sequence[str]) -> Lang:
    """The language asked for on the command line (``--lang en`` or ``--lang=en``), read
    before parsing so that a usage error is said in it too; else POHON_LANG's."""
    for k, item in enumerate(argv):
        if item == "--":
            break
        value = None
        if item == "--lang" and k + 1 < len(argv):
            value = argv[k + 1]
        elif item.startswith("--lang="):
            value = item.partition("=")[2]
        if value in ("id", "en"):
            return value  # type: ignore[return-value]
    return _env_lang()


_ARGPARSE_WORDS = (
    (re.compile(r"invalid int value: (.+)$"), r"bukan bilangan bulat: \1"),
    (re.compile(r"invalid float value: (.+)$"), r"bukan angka: \1"),
    (
        re.compile(r"invalid choice: (.+?) \(choose from (.+)\)$"),
        r"pilihan \1 tidak dikenal (pilih dari \2)",
    ),
    (
        re.compile(r"^the following arguments are required: (.+)$"),
        r"argumen wajib belum diberikan: \1",
    ),
    (re.compile(r"^unrecognized arguments: (.+)$"), r"argumen tidak dikenal: \1"),
    (re.compile(r"expected one argument$"), "butuh satu nilai"),
    (re.compile(r"not allowed with argument (.+)$"), r"tidak boleh bersama \1"),
    (re.compile(r"ambiguous option: (.+?) could match (.+)$"), r"opsi \1 ambigu, bisa berarti \2"),
    (re.compile(r"must be a whole number, not (.+)$"), r"harus bilangan bulat, bukan \1"),
    (re.compile(r"must be 0 or more, not (.+)$"), r"harus 0 atau lebih, bukan \1"),
    (re.compile(r"must be a year, not (.+)$"), r"harus tahun, bukan \1"),
    (re.compile(r"must be a year 1945-2100, not (.+)$"), r"harus tahun 1945-2100, bukan \1"),
    (re.compile(r"^argument "), "opsi "),
)
"""argparse's own English, and the English of this module's argument types, said in
Indonesian (argparse's messages are not translated)."""


def _argparse_words(message: str) -> str:
    """An argparse usage message in Indonesian.

    >>> _argparse_words("argument --year: invalid int value: 'abc'")
    "opsi --year: bukan bilangan bulat: 'abc'"
    """
    for pattern, words in _ARGPARSE_WORDS:
        message = pattern.sub(words, message)
    return message


def _add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=("id", "en"),
        default=_env_lang(),
        help="bahasa pesan: id (bawaan) atau en; bawaan dapat diatur dengan POHON_LANG",
    )


def _add_force(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--force",
        action="store_true",
        help="timpa FILE bila sudah ada (berkas masukan tidak pernah ditimpa)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser of the ``pohon`` command and its subcommands."""
    parser = _Parser(
        prog="pohon",
        description=(
            "Periksa pohon kinerja (cascading SAKIP) Pemda dan OPD: struktur, indikator,\n"
            "keselarasan dengan kerangka, crosscutting, pagu dan kode."
        ),
        epilog=(
            "contoh:\n"
            "  pohon example -o rpjmd.yaml\n"
            "  pohon check rpjmd.yaml\n"
            "  pohon check renstra/ --select PK1,PK2 --format json -o hasil.json\n"
            "  pohon check rpjmd.yaml --opd dinkes --severity warning\n"
            "  pohon check rpjmd.yaml --format csv -o temuan.csv\n"
            "  pohon rule PK101\n"
            "  pohon matrix crosscutting rpjmd.yaml --format html -o crosscutting.html\n\n"
            "kode keluar: 0 tanpa error, 1 ada temuan error, 2 masukan tak terbaca atau\n"
            "pemakaian salah, 70 kesalahan tak terduga di pohon."
        ),
    )
    parser.add_argument(
        "--version", action="version", version=f"pohon {__version__}", help="tampilkan versi"
    )
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH", title="perintah")

    check = sub.add_parser(
        "check",
        help="periksa berkas rencana (YAML/JSON) dan laporkan temuan",
        description=(
            "Periksa berkas rencana seperti evaluator SAKIP: satu baris per temuan dengan\n"
            "berkas, baris, kode aturan, tingkat (severity), pesan dan saran perbaikan."
        ),
    )
    check.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="berkas rencana (.yaml, .yml, .json, .xlsx) atau folder; isi folder diperiksa "
        "rekursif",
    )
    check.add_argument(
        "--pemetaan",
        "--mapping",
        dest="mapping",
        metavar="PEMETAAN",
        help="baca buku kerja .xlsx sebagai matriks cascading lewat pemetaan kolom: nama "
        "pemetaan bawaan (evaluasi-renja) atau berkas YAML (lihat docs/excel.md)",
    )
    check.add_argument(
        "--satu-rencana",
        "--one-plan",
        dest="one_plan",
        action="store_true",
        help="periksa semua berkas sebagai satu rencana Pemda (RPJMD dan Renstra tiap OPD di "
        "berkas terpisah): rujukan antarberkas terbaca, tiap temuan tetap menyebut berkasnya",
    )
    check.add_argument(
        "--sebelumnya",
        "--previous",
        dest="previous",
        metavar="LAMA",
        help="revisi sebelumnya (berkas atau folder): aturan revisi PK7xx menilai perubahannya "
        "(IKU didefinisikan ulang atau dihapus, target dilonggarkan tanpa catatan)",
    )
    from pohon.render.formats import FORMATS

    check.add_argument(
        "-f",
        "--format",
        choices=sorted(FORMATS),
        default="text",
        help="format keluaran: "
        + "; ".join(f"{name}: {FORMATS[name].description[0]}" for name in sorted(FORMATS))
        + " (bawaan: text)",
    )
    check.add_argument(
        "--select",
        action="append",
        metavar="KODE",
        help="hanya aturan ini: awalan kode (PK1), kode, slug atau famili; pisahkan dengan koma",
    )
    check.add_argument(
        "--ignore",
        action="append",
        metavar="KODE",
        help="abaikan aturan ini (bentuk sama dengan --select)",
    )
    check.add_argument(
        "--opd",
        action="append",
        metavar="ID",
        help=(
            "hanya temuan tentang OPD ini (node-nodenya dan entrinya di opds); boleh diulang "
            "atau dipisah koma. Temuan tentang rencana secara keseluruhan (tanpa node dan "
            "OPD) tidak ditampilkan; jumlahnya disebut di bawah ringkasan"
        ),
    )
    check.add_argument(
        "--level",
        action="append",
        metavar="LEVEL",
        help="hanya temuan tentang node di level ini (id level skema, mis. program); boleh "
        "diulang atau dipisah koma",
    )
    check.add_argument(
        "--severity",
        metavar="TINGKAT",
        help="tingkat terendah yang ditampilkan: error, warning atau info (bawaan: semua); "
        "kode keluar mengikuti temuan yang ditampilkan",
    )
    _add_lang(check)
    check.add_argument(
        "-o", "--output", metavar="FILE", help="tulis hasil ke berkas ini, bukan ke stdout"
    )
    _add_force(check)
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="warna pada format text: auto (hanya di terminal, dan bila NO_COLOR tidak diatur)",
    )

    rules = sub.add_parser(
        "rules",
        help="daftar semua aturan: kode, tingkat, slug, judul",
        description="Daftar semua aturan pemeriksaan, dikelompokkan per famili.",
    )
    _add_lang(rules)
    rules.add_argument(
        "-f",
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (bawaan) atau json (lengkap dengan dokumentasi tiap aturan)",
    )

    one = sub.add_parser(
        "rule",
        help="dokumentasi satu aturan (apa, mengapa, contoh, perbaikan)",
        description="Dokumentasi satu aturan: apa, mengapa, contoh, perbaikan, pesan dan saran.",
    )
    one.add_argument("code", metavar="KODE", help="kode aturan (PK101) atau slug-nya")
    _add_lang(one)

    schema = sub.add_parser(
        "schema",
        help="JSON Schema format berkas rencana",
        description="Cetak JSON Schema format berkas rencana pohon (untuk editor dan validator).",
    )
    schema.add_argument("-o", "--output", metavar="FILE", help="tulis ke berkas ini")
    _add_force(schema)
    _add_lang(schema)

    example = sub.add_parser(
        "example",
        help="tulis contoh berkas rencana",
        description="Tulis contoh berkas rencana yang dikirim bersama pohon.",
    )
    example.add_argument("name", nargs="?", default="mojokerto", metavar="NAMA", help="nama contoh")
    example.add_argument("-o", "--output", metavar="FILE", help="tulis ke berkas ini")
    _add_force(example)
    _add_lang(example)

    template = sub.add_parser(
        "template",
        help="tulis templat Excel kosong untuk diisi",
        description=(
            "Tulis buku kerja Excel kosong (.xlsx) dengan lembar Rencana, OPD, Node, Indikator,\n"
            "Pagu, Keselarasan dan Crosscutting, daftar pilihan, dan lembar Petunjuk yang\n"
            "menjelaskan tiap kolom. Setelah diisi: pohon check FILE.xlsx."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    template.add_argument(
        "-o", "--output", metavar="FILE.xlsx", required=True, help="tulis ke berkas ini"
    )
    template.add_argument(
        "--tahun",
        "--years",
        dest="years",
        metavar="AWAL-AKHIR",
        default="2025-2029",
        help="periode rencana, satu kolom target, realisasi dan pagu per tahun (bawaan 2025-2029)",
    )
    _add_force(template)
    _add_lang(template)

    convert = sub.add_parser(
        "convert",
        help="ubah rencana antara YAML, JSON dan Excel",
        description=(
            "Tulis rencana IN ke OUT dalam format yang ditentukan akhiran OUT: .yaml/.yml,\n"
            ".json, atau .xlsx (templat yang terisi). Tidak ada yang hilang: XLSX -> YAML ->\n"
            "XLSX memberi rencana yang sama."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    convert.add_argument("input", metavar="IN", help="berkas rencana (.yaml, .json, .xlsx)")
    convert.add_argument("output", metavar="OUT", help="berkas tujuan (.yaml, .json, .xlsx)")
    convert.add_argument(
        "--pemetaan",
        "--mapping",
        dest="mapping",
        metavar="PEMETAAN",
        help="baca IN (.xlsx) sebagai matriks cascading lewat pemetaan kolom (lihat docs/excel.md)",
    )
    _add_force(convert)
    _add_lang(convert)

    _add_matrix(sub)
    _add_render(sub)
    _add_report(sub)
    _add_capaian(sub)
    _add_diff(sub)
    _add_pk(sub)
    return parser


_MATRIX_KINDS = {
    "alignment": (
        "keselarasan: butir kerangka (Panca Cita, Asta Cita, ...) × OPD",
        "Matriks keselarasan: satu baris per butir kerangka yang disebut rencana (dan yang\n"
        "dicapai lewat crosswalk), satu kolom per OPD (ditambah kolom pemda untuk node\n"
        "tingkat Pemda), isi sel = jumlah node yang mendukung butir itu; tiap baris\n"
        "menunjukkan cakupannya (langsung, turunan, crosswalk, kosong). Di bawah tabel:\n"
        "celah, yaitu butir tanpa dukungan dan node Pemda yang tidak selaras.",
    ),
    "crosscutting": (
        "crosscutting: sasaran Pemda × OPD",
        "Matriks crosscutting: satu baris per sasaran Pemda, satu kolom per OPD, isi sel =\n"
        "jumlah node OPD itu di bawah sasaran itu. Di bawah tabel: celah, yaitu sasaran\n"
        "tanpa OPD, OPD crosscutting yang dinyatakan tetapi tidak hadir, deklarasi usulan\n"
        "atau ditolak, OPD tanpa sasaran, dan program/kegiatan yang tampak ganda antar-OPD.",
    ),
}


def _add_matrix(sub: Any) -> None:
    matrix = sub.add_parser(
        "matrix",
        help="matriks keselarasan (butir kerangka × OPD) atau crosscutting (sasaran × OPD)",
        description=(
            "Tulis matriks satu berkas rencana sebagai tabel teks, JSON, CSV atau HTML.\n"
            "Celah yang ditemukan adalah bagian dari keluaran, bukan kesalahan: kode keluar\n"
            "0 bila matriks tertulis, 2 bila berkas tak terbaca atau pemakaian salah."
        ),
        epilog=(
            "contoh:\n"
            "  pohon matrix alignment rpjmd.yaml\n"
            "  pohon matrix alignment rpjmd.yaml --frameworks asta-cita-2025 --format json\n"
            "  pohon matrix crosscutting rpjmd.yaml --format html -o crosscutting.html"
        ),
    )
    kinds = matrix.add_subparsers(
        dest="matrix_kind", metavar="JENIS", title="jenis matriks", required=True
    )
    for name, (summary, description) in _MATRIX_KINDS.items():
        kind = kinds.add_parser(name, help=summary, description=description)
        kind.add_argument(
            "path", metavar="PATH", help="satu berkas rencana (.yaml, .yml, .json atau .xlsx)"
        )
        kind.add_argument(
            "-f",
            "--format",
            choices=("text", "json", "csv", "html", "xlsx"),
            default="text",
            help=(
                "format keluaran: text (tabel untuk terminal, bawaan), json (baris, kolom, "
                "sel dan celah dengan id), csv (satu tabel, UTF-8 tanpa BOM; di Excel buka "
                "lewat Data > From Text/CSV dan pilih UTF-8; celah tidak ikut), html "
                "(satu halaman utuh), atau xlsx (buku kerja: jumlah node, pagu per tahun, "
                "celah; perlu -o BERKAS.xlsx)"
            ),
        )
        _add_lang(kind)
        kind.add_argument(
            "-o", "--output", metavar="FILE", help="tulis hasil ke berkas ini, bukan ke stdout"
        )
        _add_force(kind)
        if name == "alignment":
            kind.add_argument(
                "--frameworks",
                metavar="ID,ID",
                help=(
                    "id kerangka yang dipakai, dipisah koma, menggantikan plan.frameworks "
                    "(mis. panca-cita-mojokerto-2025,asta-cita-2025)"
                ),
            )


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = build_parser()
    lang = _argv_lang(argv)
    if isinstance(parser, _Parser):
        parser.set_lang(lang)
    args, extra = parser.parse_known_args(argv)
    if extra:
        # Paths may come after options (``check a.yaml --format json b.yaml``).
        if args.command == "check" and not any(item.startswith("-") for item in extra):
            args.paths.extend(extra)
        else:
            # Said with the usage of the subcommand that was given too much.
            asked = parser.command(args.command) if isinstance(parser, _Parser) else parser
            asked.error(_msg("bad_argument", lang, args=" ".join(extra)))
    if args.command is None:
        parser.print_help()
        parser.exit(EXIT_INPUT)
    return args


# -- pohon check --------------------------------------------------------------------------


def _split(values: Sequence[str] | None) -> list[str]:
    return [p.strip() for item in values or () for p in item.split(",") if p.strip()]


def _check_patterns(select: list[str], ignore: list[str], lang: Lang) -> str | None:
    """A message for the first pattern that matches no rule, else ``None``."""
    from pohon.rules import REGISTRY, selected_rules

    for option, patterns in (("--select", select), ("--ignore", ignore)):
        for pattern in patterns:
            try:
                selected_rules([pattern])
            except ValueError:
                names = sorted(REGISTRY) + sorted(r.slug for r in REGISTRY.values())
                near = difflib.get_close_matches(pattern.upper(), sorted(REGISTRY), n=3)
                near += difflib.get_close_matches(pattern, names, n=3)
                near = list(dict.fromkeys(near))[:3]
                close = _msg("did_you_mean", lang, items=", ".join(near)) if near else ""
                return _msg("bad_pattern", lang, pattern=pattern, option=option, close=close)
    return None


def _problem_error(path: str, key: str, lang: Lang, **values: Any) -> LoadError:
    from pohon.io import LoadError, Problem

    id_text = _msg(key, "id", **values)
    en_text = _msg(key, "en", **values)
    return LoadError(path, [Problem(id_text, en_text)])


def _plan_files(folder: str, lang: Lang) -> Iterator[str | LoadError]:
    """Plan files under a folder (YAML, JSON and ``.xlsx`` workbooks), recursively, sorted;
    hidden folders and files skipped, and each ``.xls`` or ``.ods`` workbook named on stderr
    as not checked (given by name, it is an input that cannot be read)."""
    from pohon.io.files import is_spreadsheet, os_reason
    from pohon.io.workbook import WORKBOOK_SUFFIXES

    found: list[tuple[tuple[str, ...], str]] = []
    failures: list[LoadError] = []

    def on_error(exc: OSError) -> None:
        where = exc.filename if isinstance(exc.filename, str) else folder
        failures.append(
            _problem_error(where, "unreadable_folder", lang, reason=os_reason(exc, lang))
        )

    spreadsheets: list[str] = []
    for root, dirs, files in os.walk(folder, onerror=on_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith(".") or name.startswith("~$"):
                continue  # hidden files, and the lock files Excel leaves beside open workbooks
            if is_spreadsheet(name) and not name.lower().endswith(WORKBOOK_SUFFIXES):
                spreadsheets.append(os.path.normpath(os.path.join(root, name)))
                continue
            if not name.lower().endswith((*PLAN_SUFFIXES, *WORKBOOK_SUFFIXES)):
                continue
            path = os.path.normpath(os.path.join(root, name))
            rel = os.path.relpath(path, folder)
            found.append((tuple(Path(rel).parts), path))
    # A workbook is not checked, and the user is told so: a note, not a failed input.
    for path in sorted(spreadsheets):
        _fail(_msg("skipped_spreadsheet", lang, path=path))
    yield from failures
    if not found and not failures:
        yield _problem_error(folder, "empty_folder", lang)
    for _, path in sorted(found):
        yield path


def _inputs(paths: Sequence[str], lang: Lang) -> list[str | LoadError]:
    items: list[str | LoadError] = []
    seen: set[str] = set()
    for raw in paths:
        if os.path.isdir(raw):
            candidates: list[str | LoadError] = list(_plan_files(raw, lang))
        elif os.path.exists(raw):
            candidates = [raw]
        else:
            candidates = [_problem_error(raw, "not_found", lang)]
        for item in candidates:
            if isinstance(item, str):
                key = os.path.normcase(os.path.abspath(item))
                if key in seen:
                    continue
                seen.add(key)
            items.append(item)
    return items


def _scope_problem(
    reports: Sequence[Report], opds: list[str], levels: list[str], lang: Lang
) -> str | None:
    """A message when an asked OPD or level is in none of the plans checked, else ``None``.

    Over several plans, an id that some plan has is fine: the plans without it say so.
    """
    if not reports:
        return None  # nothing was read: the load errors say why
    checks: tuple[tuple[str, list[str], list[str]], ...] = (
        ("unknown_opd", opds, [i for r in reports for i in r.opds or ()]),
        ("unknown_level", levels, [i for r in reports for i in r.levels or ()]),
    )
    for key, asked, every in checks:
        known = list(dict.fromkeys(every))
        unknown = [i for i in asked if i not in known]
        if not unknown:
            continue
        ids = ", ".join(repr(i) for i in unknown)
        if key == "unknown_opd" and not known:
            return _msg("no_opds", lang, ids=ids)
        near = [m for i in unknown for m in difflib.get_close_matches(i, known, n=3)]
        near = list(dict.fromkeys(near))[:3]
        close = _msg("did_you_mean", lang, items=", ".join(near)) if near else ""
        shown = sorted(known) if key == "unknown_opd" else known  # levels in scheme order
        return _msg(key, lang, ids=ids, close=close, known=", ".join(shown))
    return None


def _scoped(report: Report, opds: list[str], levels: list[str], severity: str | None) -> Report:
    if opds:
        report = report.for_opd(*opds, strict=False)
    if levels:
        report = report.at_level(*levels, strict=False)
    if severity is not None:
        from pohon.findings import check_severity

        report = report.at_least(check_severity(severity))
    return report


def _check_one(
    path: str,
    select: list[str],
    ignore: list[str],
    lang: Lang,
    mapping: str | None = None,
    previous: Plan | None = None,
) -> Report | LoadError:
    from pohon.io import LoadError, UnknownFrameworkError, load
    from pohon.rules import check

    try:
        try:
            plan = load(path, mapping=_mapping_for(path, mapping))
        except (OSError, ValueError, RecursionError) as exc:
            # What the reader let through: this file is unreadable, the others still count.
            if os.environ.get("POHON_DEBUG", "") not in ("", "0"):
                raise
            return _problem_error(
                path, "unreadable", lang, kind=type(exc).__name__, detail=_first_line(exc)
            )
        return check(
            plan, select=select or None, ignore=ignore or None, lang=lang, previous=previous
        )
    except LoadError as exc:
        return exc
    except UnknownFrameworkError as exc:
        return _problem_error(
            path,
            "unknown_framework",
            lang,
            framework=exc.framework_id,
            known=", ".join(exc.known),
        )


def _check_joined(
    items: Sequence[str | LoadError],
    select: list[str],
    ignore: list[str],
    lang: Lang,
    mapping: str | None = None,
    previous: Plan | None = None,
) -> list[Report | LoadError]:
    """``check --satu-rencana``: the readable files joined into one plan and checked once;
    the files that cannot be read are reported as such, before the report."""
    from pohon.io import LoadError, UnknownFrameworkError, join, load
    from pohon.rules import check

    failed: list[Report | LoadError] = []
    parts = []
    for item in items:
        if isinstance(item, LoadError):
            failed.append(item)
            continue
        try:
            parts.append(load(item, mapping=_mapping_for(item, mapping)))
        except LoadError as exc:
            failed.append(exc)
        except (OSError, ValueError, RecursionError) as exc:
            if os.environ.get("POHON_DEBUG", "") not in ("", "0"):
                raise
            failed.append(
                _problem_error(
                    item, "unreadable", lang, kind=type(exc).__name__, detail=_first_line(exc)
                )
            )
    if not parts:
        return failed
    try:
        plan = join(parts)
        report = check(
            plan, select=select or None, ignore=ignore or None, lang=lang, previous=previous
        )
        return [*failed, report]
    except LoadError as exc:
        return [*failed, exc]
    except UnknownFrameworkError as exc:
        return [
            *failed,
            _problem_error(
                str(parts[0].source.file if parts[0].source else ""),
                "unknown_framework",
                lang,
                framework=exc.framework_id,
                known=", ".join(exc.known),
            ),
        ]


def _mapping_for(path: str, mapping: str | None) -> str | None:
    """The column mapping applies to workbooks; YAML and JSON files are read as they are."""
    if mapping is None or not path.lower().endswith((".xlsx", ".xlsm")):
        return None
    return mapping


def _use_color(choice: str, output: str | None) -> bool:
    if choice == "always":
        return True
    if choice == "never" or output not in (None, "-"):
        return False
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty: Callable[[], bool] | None = getattr(sys.stdout, "isatty", None)
    return bool(isatty and isatty())


def _refuse_output(output: str, lang: Lang, *, force: bool, inputs: Sequence[str]) -> bool:
    """Say why ``output`` may not be written, and return ``True``; else ``False``.

    An input is never overwritten, not even with ``force`` (compared through symlinks and
    hard links); an existing file only with ``force``. A device or pipe (``/dev/null``) is
    written to, not overwritten.
    """
    import stat

    from pohon.io.files import same_file

    for source in inputs:
        if same_file(output, source):
            _fail(_msg("is_input", lang, path=output, input=source))
            return True
    if os.path.isdir(output):
        _fail(_msg("output_is_folder", lang, path=output))
        return True
    if force or not os.path.lexists(output):
        return False
    try:
        special = not stat.S_ISREG(os.stat(output).st_mode) and not os.path.islink(output)
    except OSError:
        special = False  # a dangling symlink: writing would create a file somewhere else
    if special and not os.path.isdir(output):
        return False
    _fail(_msg("exists", lang, path=output))
    return True


def _write(
    text: str | bytes,
    output: str | None,
    lang: Lang,
    *,
    force: bool = False,
    inputs: Sequence[str] = (),
) -> int:
    """Write ``text`` to stdout, or to ``output`` when :func:`_refuse_output` allows it."""
    from pohon.io.files import os_reason

    if output is None or output == "-":
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        sys.stdout.flush()
        return EXIT_OK
    if _refuse_output(output, lang, force=force, inputs=inputs):
        return EXIT_INPUT
    # "x" refuses a file that appeared since the check above.
    mode = "w" if force or os.path.lexists(output) else "x"
    try:
        if isinstance(text, bytes):
            with open(output, mode + "b") as binary:
                binary.write(text)
        else:
            with open(output, mode, encoding="utf-8", newline="\n") as handle:
                handle.write(text)
    except FileExistsError:
        _fail(_msg("exists", lang, path=output))
        return EXIT_INPUT
    except OSError as exc:
        _fail(_msg("cannot_write", lang, path=output, reason=os_reason(exc, lang)))
        return EXIT_INPUT
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from pohon.io import LoadError
    from pohon.render import FORMATS, render
    from pohon.render.text import total_line

    lang: Lang = args.lang
    select = _split(args.select)
    ignore = _split(args.ignore)
    problem = _check_patterns(select, ignore, lang)
    opds = _split(args.opd)
    # Level ids are lower case with underscores: "Sub Kegiatan" means sub_kegiatan.
    levels = ["_".join(level.lower().replace("-", " ").split()) for level in _split(args.level)]
    severity: str | None = args.severity.strip().lower() if args.severity is not None else None
    if severity is not None and severity not in ("error", "warning", "info"):
        problem = _msg("bad_severity", lang, value=args.severity)
    for option, given, parsed in (("--opd", args.opd, opds), ("--level", args.level, levels)):
        if given is not None and not parsed:
            problem = problem or _msg("empty_scope", lang, option=option)
    if problem is not None:
        _fail(problem)
        return EXIT_INPUT
    if FORMATS[args.format].binary and args.output in (None, "-"):
        _fail(_msg("binary_needs_output", lang, format=args.format))
        return EXIT_INPUT
    results: list[Report | LoadError] = []
    items = _inputs(args.paths, lang)
    inputs = [item for item in items if isinstance(item, str)] + _input_files([args.previous])
    # Refuse before the work: the report must never replace a plan it reads.
    if args.output not in (None, "-") and _refuse_output(
        args.output, lang, force=args.force, inputs=inputs
    ):
        return EXIT_INPUT
    previous = None
    if args.previous is not None:
        previous = _load_side(args.previous, lang)
        if previous is None:
            return EXIT_INPUT
    if args.one_plan:
        results = _check_joined(items, select, ignore, lang, args.mapping, previous)
    else:
        for item in items:
            results.append(
                item
                if isinstance(item, LoadError)
                else _check_one(item, select, ignore, lang, args.mapping, previous)
            )
    if opds or levels or severity is not None:
        reports = [item for item in results if not isinstance(item, LoadError)]
        problem = _scope_problem(reports, opds, levels, lang)
        if problem is not None:
            _fail(problem)
            return EXIT_INPUT
        results = [
            item if isinstance(item, LoadError) else _scoped(item, opds, levels, severity)
            for item in results
        ]
    color = FORMATS[args.format].terminal and _use_color(args.color, args.output)
    text = render(results, args.format, lang=lang, color=color)
    status = _write(text, args.output, lang, force=args.force, inputs=inputs)
    if status != EXIT_OK:
        return status
    if args.output is not None and args.output != "-":
        print(
            _msg("written", lang, path=args.output, summary=total_line(results, lang=lang)),
            file=sys.stderr,
        )
    if any(isinstance(item, LoadError) for item in results):
        return EXIT_INPUT
    if any(not item.ok for item in results if not isinstance(item, LoadError)):
        return EXIT_FINDINGS
    return EXIT_OK


# -- pohon rules / pohon rule -------------------------------------------------------------


def find_rule(query: str) -> Rule | None:
    """The rule (or load problem) with this code (any case) or slug."""
    from pohon.rules.registry import documented

    REGISTRY = documented()  # noqa: N806

    text = query.strip()
    found = REGISTRY.get(text.upper())
    if found is not None:
        return found
    for r in REGISTRY.values():
        if r.slug == text.lower():
            return r
    return None


def _cmd_rules(args: argparse.Namespace) -> int:
    from pohon.render.docs import rules_json, rules_table

    text = rules_json() if args.format == "json" else rules_table(lang=args.lang)
    return _write(text, None, args.lang)


def _cmd_rule(args: argparse.Namespace) -> int:
    from pohon.render.docs import rule_text
    from pohon.rules.registry import documented

    REGISTRY = documented()  # noqa: N806
    lang: Lang = args.lang
    found = find_rule(args.code)
    if found is None:
        query = args.code.strip()
        slugs = {r.slug: code for code, r in REGISTRY.items()}
        near = [
            code for code in sorted(REGISTRY) if len(query) >= 3 and code.startswith(query.upper())
        ]
        near += difflib.get_close_matches(query.upper(), sorted(REGISTRY), n=5)
        near += [slugs[s] for s in difflib.get_close_matches(query.lower(), slugs)]
        near = list(dict.fromkeys(near))[:5]
        items = ", ".join(f"{code} ({REGISTRY[code].slug})" for code in near)
        close = _msg("did_you_mean", lang, items=items) if near else ""
        _fail(_msg("unknown_rule", lang, query=args.code, close=close))
        return EXIT_INPUT
    return _write(rule_text(found, lang), None, lang)


# -- pohon schema / pohon example ---------------------------------------------------------


def _cmd_schema(args: argparse.Namespace) -> int:
    import json

    from pohon.io import plan_schema

    text = json.dumps(plan_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return _write(text, args.output, args.lang, force=args.force)


def _cmd_example(args: argparse.Namespace) -> int:
    from pohon.io import EXAMPLES, example_text

    lang: Lang = args.lang
    if args.name not in EXAMPLES:
        _fail(_msg("unknown_example", lang, name=args.name, known=", ".join(EXAMPLES)))
        return EXIT_INPUT
    if args.output not in (None, "-") and args.output.lower().endswith(
        (".xls", ".xlsm", ".xlsb", ".ods")
    ):
        # A workbook name holding YAML text: no spreadsheet would open it, nor pohon read it.
        _fail(_msg("convert_suffix", lang, path=args.output))
        return EXIT_INPUT
    if args.output is not None and args.output.lower().endswith(".xlsx"):
        from pohon.io import example
        from pohon.io.workbook import write_workbook

        return _write(write_workbook(example(args.name)), args.output, lang, force=args.force)
    if args.output is not None and args.output.lower().endswith(".json"):
        from pohon.io import dumps, example

        text = dumps(example(args.name), format="json")
        return _write(text, args.output, lang, force=args.force)
    return _write(example_text(args.name), args.output, lang, force=args.force)


_YEARS = re.compile(r"^\s*(\d{4})\s*(?:-|s\.d\.|\.\.)\s*(\d{4})\s*$")


def _cmd_template(args: argparse.Namespace) -> int:
    from pohon.io.workbook import write_workbook
    from pohon.model.plan import YEAR_MAX, YEAR_MIN

    lang: Lang = args.lang
    found = _YEARS.match(args.years)
    if found is None or not (
        YEAR_MIN
        <= int(found.group(1))
        <= int(found.group(2))
        <= min(YEAR_MAX, int(found.group(1)) + 30)
    ):
        _fail(_msg("bad_years", lang, years=args.years))
        return EXIT_INPUT
    if not args.output.lower().endswith(".xlsx"):
        _fail(_msg("needs_xlsx", lang, path=args.output))
        return EXIT_INPUT
    years = range(int(found.group(1)), int(found.group(2)) + 1)
    status = _write(write_workbook(None, years=years), args.output, lang, force=args.force)
    if status == EXIT_OK:
        print(_msg("template_written", lang, path=args.output), file=sys.stderr)
    return status


_CONVERT_SUFFIXES = (".yaml", ".yml", ".json", ".xlsx")


def _cmd_convert(args: argparse.Namespace) -> int:
    from pohon.io import dumps
    from pohon.io.workbook import write_workbook

    lang: Lang = args.lang
    target = args.output.lower()
    if not target.endswith(_CONVERT_SUFFIXES) and args.output != "-":
        _fail(_msg("convert_suffix", lang, path=args.output))
        return EXIT_INPUT
    plan = _load_one(args.input, lang, mapping=_mapping_for(args.input, args.mapping))
    if plan is None:
        return EXIT_INPUT
    data: str | bytes
    if target.endswith(".xlsx"):
        from pohon.io.workbook import WorkbookWriteError

        try:
            data = write_workbook(plan)
        except WorkbookWriteError as exc:
            _fail(exc.message_en if lang == "en" else exc.message)
            return EXIT_INPUT
    elif target.endswith(".json"):
        data = dumps(plan, format="json")
    else:
        data = dumps(plan, format="yaml")
    return _write(data, args.output, lang, force=args.force, inputs=[args.input])


# -- pohon matrix -------------------------------------------------------------------------


def _text_width(output: str | None) -> int | None:
    """The terminal's width when the text goes to a terminal, else ``None`` (no wrapping)."""
    if output not in (None, "-"):
        return None
    isatty: Callable[[], bool] | None = getattr(sys.stdout, "isatty", None)
    if not (isatty and isatty()):
        return None
    import shutil

    return max(shutil.get_terminal_size().columns, 40)


def _load_one(path: str, lang: Lang, mapping: str | None = None) -> Plan | None:
    """The plan in one file, or ``None`` after saying on stderr why it cannot be read."""
    from pohon.io import LoadError, load

    if os.path.isdir(path):
        _fail(_problem_error(path, "not_a_file", lang).format(lang))
        return None
    try:
        return load(path, mapping=mapping)
    except LoadError as exc:
        _fail(exc.format(lang))
        return None
    except (OSError, ValueError, RecursionError) as exc:
        if os.environ.get("POHON_DEBUG", "") not in ("", "0"):
            raise
        error = _problem_error(
            path, "unreadable", lang, kind=type(exc).__name__, detail=_first_line(exc)
        )
        _fail(error.format(lang))
        return None


def _matrix_xlsx(
    args: argparse.Namespace, plan: Plan, frameworks: list[str] | None, lang: Lang
) -> int:
    """``pohon matrix KIND PATH --format xlsx -o FILE.xlsx``: the matrix as a workbook."""
    from pohon.analysis import alignment, crosscutting
    from pohon.render.matrix import (
        alignment_matrix,
        alignment_title,
        crosscutting_title,
        with_findings,
    )
    from pohon.render.xlsxfmt import matrix_workbook
    from pohon.rules import check

    if args.output in (None, "-"):
        _fail(_msg("binary_needs_output", lang, format="xlsx"))
        return EXIT_INPUT
    findings = check(plan, select=args.matrix_kind, lang=lang).diagnostics
    opd_names = {o.id: o.name for o in plan.opds}
    named = f"{plan.name} [{plan.id}]"
    if args.matrix_kind == "alignment":
        matrix = alignment_matrix(
            alignment(plan, frameworks), opd_names=opd_names, findings=findings
        )
        title = alignment_title(named, lang)
        heading = "Butir kerangka" if lang == "id" else "Framework item"
    else:
        matrix = with_findings(crosscutting(plan).matrix(), findings)
        title = crosscutting_title(named, lang)
        heading = "Sasaran Pemda" if lang == "id" else "Pemda sasaran"
    data = matrix_workbook(matrix, lang=lang, title=title, row_heading=heading)
    status = _write(data, args.output, lang, force=args.force, inputs=[args.path])
    if status == EXIT_OK:
        _say_matrix_written(args.output, matrix, lang)
    return status


def _say_matrix_written(output: str, matrix: Matrix, lang: Lang) -> None:
    summary = _msg(
        "matrix_summary",
        lang,
        rows=len(matrix.rows),
        columns=len(matrix.columns),
        gaps=len(matrix.gaps),
    )
    print(_msg("written", lang, path=output, summary=summary), file=sys.stderr)


def _cmd_matrix(args: argparse.Namespace) -> int:
    from pohon.analysis import alignment, crosscutting
    from pohon.io import builtin_frameworks
    from pohon.render.matrix import (
        alignment_matrix,
        render_alignment,
        render_crosscutting,
        with_findings,
    )
    from pohon.rules import check

    lang: Lang = args.lang
    path: str = args.path
    frameworks: list[str] | None = None
    if args.matrix_kind == "alignment" and args.frameworks is not None:
        known = sorted(builtin_frameworks())
        frameworks = _split([args.frameworks])
        if not frameworks:
            _fail(_msg("no_frameworks", lang, known=", ".join(known)))
            return EXIT_INPUT
        for fw in frameworks:
            if fw not in known:
                _fail(_msg("unknown_framework", lang, framework=fw, known=", ".join(known)))
                return EXIT_INPUT
    plan = _load_one(path, lang)
    if plan is None:
        return EXIT_INPUT

    width = _text_width(args.output) if args.format == "text" else None
    opd_names = {o.id: o.name for o in plan.opds}
    if args.format == "xlsx":
        return _matrix_xlsx(args, plan, frameworks, lang)
    to_file = args.output not in (None, "-")
    matrix: Matrix | None = None
    # What is missing is what the rules of the matrix's family find: one vocabulary.
    findings = check(plan, select=args.matrix_kind, lang=lang).diagnostics
    if args.matrix_kind == "alignment":
        result = alignment(plan, frameworks)
        text = render_alignment(
            result,
            args.format,
            lang=lang,
            plan_name=plan.name,
            opd_names=opd_names,
            width=width,
            findings=findings,
        )
        if to_file:
            matrix = alignment_matrix(result, opd_names=opd_names, findings=findings)
    else:
        cross = crosscutting(plan)
        text = render_crosscutting(
            cross, args.format, lang=lang, plan_name=plan.name, width=width, findings=findings
        )
        if to_file:
            matrix = with_findings(cross.matrix(), findings)
    status = _write(text, args.output, lang, force=args.force, inputs=[path])
    if status == EXIT_OK and matrix is not None:
        _say_matrix_written(args.output, matrix, lang)
    return status


def _add_render(sub: Any) -> None:
    render = sub.add_parser(
        "render",
        help="gambar pohon kinerja sebagai SVG, PNG, PDF atau DOT",
        description=(
            "Gambar satu berkas rencana: dari atas ke bawah, satu baris per level, tiap kotak\n"
            "dengan level, kode, nama, OPD dan indikator beserta target tahun terpilih; node\n"
            "bertemuan diberi bingkai berwarna dan jumlah temuannya. Format dari akhiran -o.\n"
            "Kode keluar 0 bila gambar tertulis, 2 bila berkas tak terbaca, pemakaian salah,\n"
            "atau tidak ada mesin Graphviz (sumber DOT-nya tetap ditulis)."
        ),
        epilog=(
            "contoh:\n"
            "  pohon render rpjmd.yaml -o pohon.svg\n"
            "  pohon render rpjmd.yaml --opd dinkes -o dinkes.png\n"
            "  pohon render rpjmd.yaml --root S1 --depth 2 --color-by severity -o s1.pdf\n"
            "  pohon render rpjmd.yaml --cita panca-cita-mojokerto-2025:1 -o cita1.svg\n"
            "  pohon render rpjmd.yaml --view alignment -o keselarasan.svg\n"
            "  pohon render rpjmd.yaml --view crosscutting --root S4 -o s4.svg"
        ),
    )
    render.add_argument("path", metavar="PATH", help="satu berkas rencana (.yaml, .yml, .json)")
    render.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help="berkas gambar: .svg, .png, .pdf, atau .dot (sumber Graphviz)",
    )
    render.add_argument(
        "--view",
        choices=("tree", "alignment", "crosscutting"),
        default="tree",
        help=(
            "tree: pohon (bawaan); alignment: butir kerangka di samping tujuan dan sasaran "
            "Pemda; crosscutting: sasaran Pemda dengan OPD di bawahnya, yang belum ada ditandai"
        ),
    )
    render.add_argument("--root", metavar="ID", help="gambar node ini dan turunannya saja")
    render.add_argument(
        "--depth", metavar="N", type=_depth, help="dengan --root: sampai N level di bawahnya"
    )
    render.add_argument(
        "--opd", metavar="ID", help="bagian satu OPD beserta node Pemda yang dilayaninya"
    )
    render.add_argument(
        "--cita",
        metavar="KERANGKA:BUTIR",
        help="satu butir kerangka dan semua node yang mendukungnya, langsung atau lewat induk",
    )
    render.add_argument(
        "--color-by",
        choices=("opd", "level", "severity", "capaian"),
        default="opd",
        help=(
            "warna kotak menurut OPD (bawaan), level, temuan terberat, atau predikat capaian "
            "(tahun --year, bawaan tahun realisasi terakhir)"
        ),
    )
    render.add_argument(
        "--skala",
        "--scale",
        dest="scale",
        metavar="SKALA",
        help="dengan --color-by capaian: skala predikat lkjip (bawaan), dasbor, atau berkas YAML",
    )
    render.add_argument(
        "--year",
        metavar="TAHUN",
        type=int,
        help="tahun target yang ditampilkan (bawaan: awal periode)",
    )
    render.add_argument(
        "--no-findings", action="store_true", help="jangan periksa rencana dan tandai temuan"
    )
    render.add_argument(
        "--diff",
        metavar="LAMA",
        help="tandai apa yang berubah sejak revisi lama ini (berkas atau folder): node "
        "ditambahkan, dipindah, diubah",
    )
    _add_lang(render)
    _add_force(render)


def _add_report(sub: Any) -> None:
    report = sub.add_parser(
        "report",
        help="laporan HTML satu berkas: gambar, temuan, matriks",
        description=(
            "Tulis satu berkas HTML mandiri (tanpa unduhan apa pun) untuk satu rencana atau\n"
            "lebih: gambar pohon yang bisa digeser, diperbesar dan diklik, tabel temuan yang\n"
            "bisa diurutkan dan disaring per OPD dan tingkat, serta matriks keselarasan dan\n"
            "crosscutting dengan pagu per sel. Siap dicetak pada A4 melintang.\n"
            "Kode keluar 0 bila laporan tertulis, 2 bila ada berkas tak terbaca (laporan\n"
            "tetap ditulis untuk berkas lainnya, dengan daftar yang tak terbaca) atau\n"
            "pemakaian salah."
        ),
        epilog=(
            "contoh:\n"
            "  pohon report rpjmd.yaml -o laporan.html\n"
            "  pohon report rpjmd.yaml renstra-dinkes.yaml --year 2026 -o laporan.html\n"
            "  pohon report rpjmd.yaml --lang en -o report.html"
        ),
    )
    report.add_argument(
        "paths", nargs="+", metavar="PATH", help="berkas rencana (.yaml, .yml, .json)"
    )
    report.add_argument("-o", "--output", metavar="FILE", help="berkas HTML (bawaan: stdout)")
    report.add_argument(
        "--year", metavar="TAHUN", type=int, help="tahun target dan pagu (bawaan: awal periode)"
    )
    _add_lang(report)
    report.add_argument(
        "--diff",
        metavar="LAMA",
        help="tambahkan bagian perubahan sejak revisi lama ini (berkas atau folder) dan "
        "temuan revisi PK7xx",
    )
    _add_force(report)


def _cmd_report(args: argparse.Namespace) -> int:
    from pohon.analysis.diff import diff
    from pohon.findings import UsageError
    from pohon.io import LoadError, load
    from pohon.render.diagram import check_year
    from pohon.render.html_report import ReportPart, html_report
    from pohon.rules import check

    lang: Lang = args.lang
    output: str | None = args.output
    if output not in (None, "-") and _refuse_output(
        output, lang, force=args.force, inputs=_input_files([*args.paths, args.diff])
    ):
        return EXIT_INPUT
    previous = None
    if args.diff is not None:
        previous = _load_side(args.diff, lang)
        if previous is None:
            return EXIT_INPUT
    parts: list[ReportPart] = []
    problems: list[tuple[str, str]] = []
    for path in args.paths:
        if os.path.isdir(path):
            _fail(_problem_error(path, "not_a_file", lang).format(lang))
            problems.append((path, _msg("not_a_file", lang)))
            continue
        try:
            plan = load(path)
        except LoadError as exc:
            said = exc.format(lang)
            _fail(said)
            problems.append((path, said))
            continue
        try:
            check_year(plan, args.year)
        except UsageError as exc:
            said = exc.message_en if lang == "en" else exc.message
            _fail(f"{path}: {said}")
            problems.append((path, said))
            continue
        # The changes are found once, for the check, the drawing and the section.
        changes = diff(previous, plan) if previous is not None else None
        parts.append(ReportPart(plan, check(plan, lang=lang, previous=changes), path, changes))
    if not parts:
        return EXIT_INPUT
    text = html_report(parts, lang=lang, year=args.year, problems=problems)
    status = _write(
        text, output, lang, force=args.force, inputs=_input_files([*args.paths, args.diff])
    )
    if status == EXIT_OK and output not in (None, "-"):
        nodes = sum(len(p.plan.nodes) for p in parts)
        summary = _msg("report_summary", lang, plans=len(parts), nodes=nodes)
        print(_msg("written", lang, path=output, summary=summary), file=sys.stderr)
    return EXIT_INPUT if problems else status


def _depth(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def _cmd_render(args: argparse.Namespace) -> int:
    from pohon.findings import UsageError
    from pohon.render.diagram import MAX_LAYOUT_BOXES, diagram
    from pohon.render.layout import FORMATS, NoEngineError, layout

    lang: Lang = args.lang
    output: str = args.output
    fmt = os.path.splitext(output)[1].lstrip(".").lower()
    if fmt not in FORMATS:
        _fail(_msg("render_ext", lang, path=output))
        return EXIT_INPUT
    inputs = _input_files([args.path, args.diff])
    if _refuse_output(output, lang, force=args.force, inputs=inputs):
        return EXIT_INPUT
    if args.scale is not None and args.color_by != "capaian":
        _fail(_msg("scale_without_capaian", lang))
        return EXIT_INPUT
    plan = _load_one(args.path, lang)
    if plan is None:
        return EXIT_INPUT
    styles = []
    whole = args.view == "tree" and args.root is None and args.opd is None and args.cita is None
    if args.diff is not None:
        from pohon.analysis.diff import diff
        from pohon.render.diff import RevisionStyle

        previous = _load_side(args.diff, lang)
        if previous is None:
            return EXIT_INPUT
        # In a drawing of one OPD the legend counts that OPD's removed nodes.
        styles.append(RevisionStyle(diff(previous, plan), lang, opd=args.opd, whole=whole))
    if whole and fmt != "dot" and len(plan.nodes) > MAX_LAYOUT_BOXES:
        # Every node is a box of the whole tree: say so now, not after building the drawing.
        _fail(
            _msg(
                "too_many_boxes",
                lang,
                boxes=f"{len(plan.nodes):,}".replace(",", "."),
                most=f"{MAX_LAYOUT_BOXES:,}".replace(",", "."),
            )
        )
        return EXIT_INPUT
    try:
        drawing = diagram(
            plan,
            view=args.view,
            root=args.root,
            depth=args.depth,
            opd=args.opd,
            cita=args.cita,
            color_by=args.color_by,
            year=args.year,
            findings=not args.no_findings,
            lang=lang,
            scale=args.scale,
            styles=styles,
        )
        data = layout(drawing, fmt)
    except NoEngineError as exc:
        _fail(exc.message_en if lang == "en" else exc.message)
        dot_path = os.path.splitext(output)[0] + ".dot"
        if _write(drawing.source, dot_path, lang, force=args.force, inputs=inputs) == EXIT_OK:
            print(_msg("dot_instead", lang, path=dot_path), file=sys.stderr)
        return EXIT_INPUT
    except UsageError as exc:
        _fail(exc.message_en if lang == "en" else exc.message)
        return EXIT_INPUT
    status = _write(data, output, lang, force=args.force, inputs=inputs)
    if status == EXIT_OK and output != "-":
        summary = _msg("render_summary", lang, boxes=drawing.boxes, findings=len(drawing.marked))
        print(_msg("written", lang, path=output, summary=summary), file=sys.stderr)
    return status


# -- pohon capaian and pohon pk ------------------------------------------------------------


def _year(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a year, not {text!r}") from None
    if not 1945 <= value <= 2100:
        raise argparse.ArgumentTypeError(f"must be a year 1945-2100, not {value}")
    return value


_EXTENSIONS = {
    "txt": "text",
    "text": "text",
    "json": "json",
    "csv": "csv",
    "html": "html",
    "htm": "html",
    "xlsx": "xlsx",
}


def _format_for(
    given: str | None, output: str | None, formats: Sequence[str], lang: Lang
) -> str | None:
    """The output format: the one given, else the one the ``-o`` file's ending names, else
    the first of ``formats``. A format the ending contradicts (``-f xlsx -o x.html``) or an
    ending of no format of the command (``-o x.pdf``) is refused (``None``, said on stderr)."""
    ext = os.path.splitext(output or "")[1].lstrip(".").lower()
    if output in (None, "-") or not ext:
        return given or formats[0]
    named = _EXTENSIONS.get(ext)
    if named is None and given is not None:
        return given  # an ending of no format (x.out): the format given says it
    if named is None or named not in formats:
        _fail(_msg("output_ext", lang, path=output, formats=", ".join(formats)))
        return None
    if given is not None and given != named:
        _fail(_msg("format_ext", lang, format=given, path=output))
        return None
    return named


def _add_capaian(sub: Any) -> None:
    capaian = sub.add_parser(
        "capaian",
        help="capaian kinerja per indikator, node dan anggaran, dengan predikat",
        description=(
            "Hitung capaian setiap indikator (realisasi dibanding target menurut polaritasnya),\n"
            "capaian node dan roll-up ke atas pohon, predikat menurut skala, dan serapan\n"
            "anggaran per OPD, sasaran Pemda dan butir kerangka. Kode keluar 0 bila hasil\n"
            "tertulis, 2 bila berkas tak terbaca atau pemakaian salah."
        ),
        epilog=(
            "contoh:\n"
            "  pohon capaian rpjmd.yaml --year 2025\n"
            "  pohon capaian rpjmd.yaml --opd dinkes --format html -o capaian-dinkes.html\n"
            "  pohon capaian rpjmd.yaml --skala dasbor --batas 120 --format json"
        ),
    )
    capaian.add_argument("path", metavar="PATH", help="satu berkas rencana (.yaml, .json, .xlsx)")
    capaian.add_argument(
        "--year",
        metavar="TAHUN",
        type=_year,
        help="satu tahun (bawaan: tahun yang ada realisasinya)",
    )
    capaian.add_argument("--opd", metavar="ID", help="bagian satu OPD saja")
    capaian.add_argument(
        "-f",
        "--format",
        choices=("text", "json", "csv", "html", "xlsx"),
        help=(
            "text (tabel, bawaan), json (kontrak: indicators, nodes, periods, budget), csv "
            "(satu baris per indikator dan tahun), html (satu halaman), xlsx (perlu -o); "
            "bawaan menurut akhiran -o (.json, .csv, .html, .xlsx), selain itu text"
        ),
    )
    capaian.add_argument(
        "--skala",
        "--scale",
        dest="scale",
        metavar="SKALA",
        help="skala predikat: lkjip (bawaan), dasbor, atau berkas YAML skala sendiri",
    )
    capaian.add_argument(
        "--batas",
        "--cap",
        dest="cap",
        metavar="PERSEN",
        type=float,
        help="batasi capaian tiap tahun paling tinggi PERSEN (mis. 120); bawaan tanpa batas",
    )
    capaian.add_argument("-o", "--output", metavar="FILE", help="tulis ke berkas ini")
    _add_force(capaian)
    _add_lang(capaian)


def _add_pk(sub: Any) -> None:
    pk = sub.add_parser(
        "pk",
        help="Perjanjian Kinerja satu OPD (atau kepala daerah) untuk satu tahun",
        description=(
            "Tulis Perjanjian Kinerja menurut format PermenPAN-RB 53/2014: naskah, blok tanda\n"
            "tangan (nama dan NIP dibiarkan kosong untuk diisi), dan lampiran sasaran,\n"
            "indikator, target, program dan anggaran. Tanpa --opd: PK kepala daerah."
        ),
        epilog=(
            "contoh:\n"
            "  pohon pk rpjmd.yaml --opd dinkes --year 2025 -o pk-dinkes-2025.html\n"
            "  pohon pk rpjmd.yaml --year 2025 -o pk-walikota-2025.html\n"
            "  pohon pk rpjmd.yaml --opd dinkes --year 2025 -o pk-dinkes-2025.xlsx"
        ),
    )
    pk.add_argument("path", metavar="PATH", help="satu berkas rencana (.yaml, .json, .xlsx)")
    pk.add_argument("--opd", metavar="ID", help="id OPD (tanpa ini: PK kepala daerah)")
    pk.add_argument("--year", metavar="TAHUN", type=_year, required=True, help="tahun PK")
    pk.add_argument(
        "-f",
        "--format",
        choices=("html", "json", "xlsx"),
        help="html (siap cetak A4, bawaan), json, atau xlsx; bawaan menurut akhiran -o",
    )
    pk.add_argument(
        "-o", "--output", metavar="FILE", help="tulis ke berkas ini (.html, .json, .xlsx)"
    )
    _add_force(pk)
    _add_lang(pk)


def _add_diff(sub: Any) -> None:
    diff = sub.add_parser(
        "diff",
        help="apa yang berubah antara dua revisi rencana",
        description=(
            "Bandingkan dua revisi sebuah rencana (YAML, JSON, .xlsx, atau folder berisi\n"
            "rencana dalam beberapa berkas): node ditambah, dihapus, diganti nama, dipindah,\n"
            "berganti OPD atau level; indikator ditambah, dihapus, didefinisikan ulang;\n"
            "target, realisasi, keselarasan, crosscutting dan pagu per tahun; dan temuan revisi\n"
            "(PK7xx: IKU didefinisikan ulang atau dihapus, target dilonggarkan tanpa catatan).\n"
            "Kode keluar 0 bila hasil tertulis, 2 bila berkas tak terbaca atau pemakaian salah."
        ),
        epilog=(
            "contoh:\n"
            "  pohon diff rancangan.yaml rpjmd.yaml\n"
            "  pohon diff rpjmd-2025.xlsx rpjmd-2026.yaml --format html -o perubahan.html\n"
            "  pohon diff lama/ baru/ --format json"
        ),
    )
    diff.add_argument("old", metavar="LAMA", help="revisi lama: berkas rencana atau folder")
    diff.add_argument("new", metavar="BARU", help="revisi baru: berkas rencana atau folder")
    diff.add_argument(
        "-f",
        "--format",
        choices=("text", "json", "html", "xlsx"),
        help="text (bawaan), json, html (satu halaman), xlsx (perlu -o); bawaan menurut akhiran -o",
    )
    diff.add_argument("-o", "--output", metavar="FILE", help="tulis ke berkas ini")
    _add_force(diff)
    _add_lang(diff)


def _load_side(path: str, lang: Lang) -> Plan | None:
    """One revision for ``pohon diff`` (and ``--diff``, ``--previous``): a plan file, or the
    plan files under a folder read as one plan."""
    if not os.path.isdir(path):
        return _load_one(path, lang)
    from pohon.io import LoadError, load_all

    files = []
    for item in _plan_files(path, lang):
        if isinstance(item, LoadError):
            _fail(item.format(lang))
            return None
        files.append(item)
    try:
        return load_all(files)
    except LoadError as exc:
        _fail(exc.format(lang))
        return None


def _input_files(paths: Sequence[str | None]) -> list[str]:
    """The files an output must never replace: each path given, and under a folder each
    plan file in it."""
    out: list[str] = []
    for path in paths:
        if path is None:
            continue
        out.append(path)
        if os.path.isdir(path):
            out += [item for item in _plan_files(path, "id") if isinstance(item, str)]
    return out


def _cmd_diff(args: argparse.Namespace) -> int:
    from pohon.analysis.diff import diff
    from pohon.render.diff import diff_json, diff_page, diff_text, diff_workbook
    from pohon.rules import check

    lang: Lang = args.lang
    fmt = _format_for(args.format, args.output, ("text", "json", "html", "xlsx"), lang)
    if fmt is None:
        return EXIT_INPUT
    if fmt == "xlsx" and args.output in (None, "-"):
        _fail(_msg("binary_needs_output", lang, format="xlsx"))
        return EXIT_INPUT
    inputs = _input_files([args.old, args.new])
    if args.output not in (None, "-") and _refuse_output(
        args.output, lang, force=args.force, inputs=inputs
    ):
        return EXIT_INPUT
    old = _load_side(args.old, lang)
    if old is None:
        return EXIT_INPUT
    new = _load_side(args.new, lang)
    if new is None:
        return EXIT_INPUT
    changes = diff(old, new)
    report = check(new, previous=changes, select=["revisi"], lang=lang)
    data: str | bytes
    if fmt == "xlsx":
        data = diff_workbook(changes, report, lang)
    elif fmt == "json":
        data = diff_json(changes, report)
    elif fmt == "html":
        data = diff_page(changes, report, lang)
    else:
        data = diff_text(changes, report, lang)
    status = _write(data, args.output, lang, force=args.force, inputs=inputs)
    if status == EXIT_OK and args.output not in (None, "-"):
        summary = _msg(
            "diff_summary", lang, changes=len(changes.changes), findings=len(report.diagnostics)
        )
        print(_msg("written", lang, path=args.output, summary=summary), file=sys.stderr)
    return status


def _cmd_capaian(args: argparse.Namespace) -> int:
    from pohon.analysis import capaian
    from pohon.findings import UsageError
    from pohon.render.capaian import capaian_workbook, render_capaian

    lang: Lang = args.lang
    fmt = _format_for(args.format, args.output, ("text", "json", "csv", "html", "xlsx"), lang)
    if fmt is None:
        return EXIT_INPUT
    args.format = fmt
    if args.format == "xlsx" and args.output in (None, "-"):
        _fail(_msg("binary_needs_output", lang, format="xlsx"))
        return EXIT_INPUT
    if args.output not in (None, "-") and _refuse_output(
        args.output, lang, force=args.force, inputs=[args.path]
    ):
        return EXIT_INPUT
    plan = _load_one(args.path, lang)
    if plan is None:
        return EXIT_INPUT
    try:
        result = capaian(plan, year=args.year, opd=args.opd, scale=args.scale, cap=args.cap)
        data: str | bytes
        if args.format == "xlsx":
            data = capaian_workbook(result, lang=lang)
        else:
            width = _text_width(args.output) or 120
            data = render_capaian(result, args.format, lang=lang, width=width)
    except UsageError as exc:
        _fail(exc.message_en if lang == "en" else exc.message)
        return EXIT_INPUT
    status = _write(data, args.output, lang, force=args.force, inputs=[args.path])
    if status == EXIT_OK and args.output not in (None, "-"):
        measured = sum(1 for r in result.indicators if r.capaian is not None)
        years = ", ".join(str(y) for y in result.years) or "-"
        summary = _msg(
            "capaian_summary", lang, indicators=measured, rows=len(result.indicators), years=years
        )
        print(_msg("written", lang, path=args.output, summary=summary), file=sys.stderr)
    return status


def _cmd_pk(args: argparse.Namespace) -> int:
    import json

    from pohon.analysis import perjanjian_kinerja
    from pohon.findings import UsageError
    from pohon.render.pk import pk_html, pk_workbook

    lang: Lang = args.lang
    fmt = _format_for(args.format, args.output, ("html", "json", "xlsx"), lang)
    if fmt is None:
        return EXIT_INPUT
    if fmt == "xlsx" and args.output in (None, "-"):
        _fail(_msg("binary_needs_output", lang, format="xlsx"))
        return EXIT_INPUT
    if args.output not in (None, "-") and _refuse_output(
        args.output, lang, force=args.force, inputs=[args.path]
    ):
        return EXIT_INPUT
    plan = _load_one(args.path, lang)
    if plan is None:
        return EXIT_INPUT
    try:
        pk = perjanjian_kinerja(plan, year=args.year, opd=args.opd)
    except UsageError as exc:
        _fail(exc.message_en if lang == "en" else exc.message)
        return EXIT_INPUT
    data: str | bytes
    if fmt == "xlsx":
        data = pk_workbook(pk, lang=lang)
    elif fmt == "json":
        data = json.dumps(pk.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    else:
        data = pk_html(pk, lang=lang)
    status = _write(data, args.output, lang, force=args.force, inputs=[args.path])
    if status == EXIT_OK and args.output not in (None, "-"):
        summary = _msg(
            "pk_summary",
            lang,
            year=pk.year,
            who=pk.opd_name or pk.pemda,
            sasaran=len(pk.sasaran),
            targets=sum(len(s.targets) for s in pk.sasaran),
            programs=len(pk.programs),
        )
        print(_msg("written", lang, path=args.output, summary=summary), file=sys.stderr)
    return status


# -- entry point --------------------------------------------------------------------------

_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": _cmd_check,
    "rules": _cmd_rules,
    "rule": _cmd_rule,
    "schema": _cmd_schema,
    "example": _cmd_example,
    "matrix": _cmd_matrix,
    "render": _cmd_render,
    "report": _cmd_report,
    "template": _cmd_template,
    "convert": _cmd_convert,
    "capaian": _cmd_capaian,
    "pk": _cmd_pk,
    "diff": _cmd_diff,
}


def _run(argv: list[str]) -> int:
    try:
        args = _parse(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_INPUT
    return _COMMANDS[args.command](args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``pohon`` with these arguments (default: the command line); return the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    lang: Lang = "en" if "en" in _lang_flag(arguments) else _env_lang()
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    from pohon.io.errors import LoadError, UnknownFrameworkError

    try:
        return _run(arguments)
    except LoadError as exc:
        _fail(exc.format(lang))
        return EXIT_INPUT
    except UnknownFrameworkError as exc:
        _fail(
            _msg("unknown_framework", lang, framework=exc.framework_id, known=", ".join(exc.known))
        )
        return EXIT_INPUT
    except (OSError, ValueError) as exc:
        if isinstance(exc, BrokenPipeError):
            return _broken_pipe()
        if os.environ.get("POHON_DEBUG", "") not in ("", "0"):
            raise
        _fail(_msg("input_problem", lang, kind=type(exc).__name__, detail=_first_line(exc)))
        return EXIT_INPUT
    except KeyboardInterrupt:
        _fail(_msg("interrupted", lang))
        return EXIT_INTERRUPTED
    except Exception as exc:
        if os.environ.get("POHON_DEBUG", "") not in ("", "0"):
            raise
        _fail(_msg("unexpected", lang, kind=type(exc).__name__, detail=_first_line(exc)))
        return EXIT_SOFTWARE


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else "-"


def _broken_pipe() -> int:
    # The reader went away (``pohon check ... | head``): stop quietly.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_BROKEN_PIPE


def _lang_flag(arguments: list[str]) -> list[str]:
    """The value of ``--lang`` in raw arguments, for messages before parsing succeeds."""
    values = []
    for i, item in enumerate(arguments):
        if item == "--lang" and i + 1 < len(arguments):
            values.append(arguments[i + 1])
        elif item.startswith("--lang="):
            values.append(item.partition("=")[2])
    return values[-1:]


if __name__ == "__main__":
    sys.exit(main())
