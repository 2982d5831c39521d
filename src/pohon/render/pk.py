"""The Perjanjian Kinerja as a printable page (HTML, A4 portrait) and as a workbook.

The page follows the form of PermenPAN-RB 53/2014: the heading, the two parties with their
names and NIP as dotted blanks (pohon never writes a name it was not given), the agreement
text, the place and date to fill, the signatures (the receiving party on the left, the
promising party on the right), then on a page of its own the appendix: the sasaran
strategis with their indicators and targets, the programs with their anggaran, and the
total. Targets show as the planners write them (``8,8``), rupiah with thousands marks.
"""

from __future__ import annotations

from html import escape
from typing import Any

from pohon.analysis.pk import PerjanjianKinerja
from pohon.findings import register_html
from pohon.findings.catalogue import as_meant, display
from pohon.render._common import Lang, one_line
from pohon.render.diagram import clean_text

_BLANK = "." * 40

_CSS = """\
@page{size:A4 portrait;margin:2cm 2cm 2cm 2.5cm}
body{font-family:"Times New Roman",Times,serif;font-size:12pt;color:#000;max-width:17cm;
 margin:1.5rem auto;line-height:1.45}
h1{font-size:13pt;text-align:center;margin:0 0 .2rem;text-transform:uppercase}
h2{font-size:12pt;text-align:center;margin:0 0 1.2rem;text-transform:uppercase}
p{text-align:justify;margin:.5rem 0}
table.pihak td{padding:.1rem .4rem;vertical-align:top}
table.ttd{width:100%;margin-top:1.5rem;text-align:center}
table.ttd td{width:50%;vertical-align:top;padding:0 .5rem}
.space{height:2.6cm}
.page{page-break-before:always;break-before:page;padding-top:.5rem}
table.lampiran{width:100%;border-collapse:collapse;font-size:10.5pt;margin:.6rem 0 1rem}
table.lampiran th,table.lampiran td{border:1px solid #000;padding:.2rem .35rem;vertical-align:top}
table.lampiran th{background:#eee}
td.num{text-align:right;white-space:nowrap}
td.no{text-align:center;width:2.2rem}
tr.total td{font-weight:bold}
.beda{font-size:9pt;font-style:italic}
@media print{body{margin:0;max-width:none}}
"""


def _e(value: object) -> str:
    """A text from the plan, escaped, on one line, without the marks that would hide or
    reorder what is shown (bidirectional overrides, zero-width characters)."""
    return escape(one_line(clean_text(str(value))), quote=True)


def _v(value: Any, lang: Lang) -> str:
    """A target as planners write it: an Excel rounding residue (64.64999999999999) shows
    as the number meant (64,65); PK213 reports the residue itself."""
    if value is None:
        return "-"
    return _e(display(as_meant(value), lang))


def _rp(value: Any, lang: Lang) -> str:
    if value is None:
        return "-"
    return "Rp " + _e(display(int(value.to_integral_value()), lang))


def pk_html(pk: PerjanjianKinerja, *, lang: Lang = "id") -> str:
    """The PK as a complete page, ready to print on A4."""
    year = pk.year
    who = pk.opd_name or pk.pemda
    title = f"Perjanjian Kinerja Tahun {year}"
    nip = f"<tr><td>NIP</td><td>:</td><td>{_BLANK}</td></tr>"
    party = (
        '<table class="pihak">'
        f"<tr><td>Nama</td><td>:</td><td>{_BLANK}</td></tr>"
        "{nip}<tr><td>Jabatan</td><td>:</td><td>{jabatan}</td></tr></table>"
    )
    # An OPD head is a civil servant with a NIP; an elected head of region has none.
    first = party.replace("{jabatan}", _e(pk.pihak_pertama)).replace(
        "{nip}", nip if pk.opd is not None else ""
    )
    second = party.replace("{jabatan}", _e(pk.pihak_kedua)).replace("{nip}", "")
    if pk.opd is None:
        # The head of the region signs for the Pemda: no NIP, and no second party of the
        # region above; the form is the head's statement to the DPRD and the people.
        second = ""
    out = [
        "<!doctype html>",
        '<html lang="id">',
        '<head><meta charset="utf-8">',
        f"<title>{_e(title)} {_e(who)}</title>",
        f"<style>\n{_CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f"<h2>{_e(who)}</h2>",
        "<p>Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan "
        "akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:</p>",
        first,
    ]
    if second:
        out += [
            "<p>selanjutnya disebut <b>pihak pertama</b>.</p>",
            second,
            "<p>selaku atasan pihak pertama, selanjutnya disebut <b>pihak kedua</b>.</p>",
        ]
        out.append(
            "<p>Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai "
            "lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah "
            "seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan "
            "kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.</p>"
            "<p>Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan "
            "evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang "
            "diperlukan dalam rangka pemberian penghargaan dan sanksi.</p>"
        )
    else:
        out.append(
            "<p>berjanji akan mewujudkan target kinerja tahunan sesuai lampiran perjanjian "
            "ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
            "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian "
            "target kinerja tersebut menjadi tanggung jawab kami.</p>"
        )
    date = f"{_e(pk.place)}, {'.' * 28} {year}"
    if second:
        out.append(
            '<table class="ttd"><tr><td></td>'
            f"<td>{date}</td></tr>"
            "<tr><td>Pihak Kedua,</td><td>Pihak Pertama,</td></tr>"
            f"<tr><td>{_e(pk.pihak_kedua)}</td><td>{_e(pk.pihak_pertama)}</td></tr>"
            '<tr><td class="space"></td><td class="space"></td></tr>'
            f"<tr><td>{_BLANK}</td><td>{_BLANK}</td></tr>"
            f"<tr><td></td><td>NIP {'.' * 32}</td></tr></table>"
        )
    else:
        out.append(
            '<table class="ttd"><tr><td></td>'
            f"<td>{date}</td></tr>"
            f"<tr><td></td><td>{_e(pk.pihak_pertama)}</td></tr>"
            '<tr><td></td><td class="space"></td></tr>'
            f"<tr><td></td><td>{_BLANK}</td></tr></table>"
        )
    out.append(_appendix(pk, lang))
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _appendix(pk: PerjanjianKinerja, lang: Lang) -> str:
    who = pk.opd_name or pk.pemda
    out = [
        '<section class="page">',
        f"<h1>Lampiran Perjanjian Kinerja Tahun {pk.year}</h1>",
        f"<h2>{_e(who)}</h2>",
        '<table class="lampiran"><thead><tr><th>No</th><th>Sasaran Strategis</th>'
        "<th>Indikator Kinerja</th><th>Satuan</th><th>Target</th></tr></thead><tbody>",
    ]
    number = 0
    for sasaran in pk.sasaran:
        rows = sasaran.targets or ()
        number += 1
        span = max(1, len(rows))
        head = (
            f'<td class="no" rowspan="{span}">{number}</td>'
            f'<td rowspan="{span}">{_e(sasaran.name)}</td>'
        )
        if not rows:
            out.append(f"<tr>{head}<td>-</td><td></td><td>-</td></tr>")
            continue
        for k, t in enumerate(rows):
            note = f'<div class="beda">Renstra: {_v(t.renstra, lang)}</div>' if t.differs else ""
            out.append(
                f"<tr>{head if k == 0 else ''}<td>{_e(t.name)}</td>"
                f"<td>{_e(t.satuan or '')}</td>"
                f'<td class="num">{_v(t.target, lang)}{note}</td></tr>'
            )
    out.append("</tbody></table>")
    if pk.programs:
        out.append(
            '<table class="lampiran"><thead><tr><th>No</th><th>Program</th>'
            "<th>Anggaran</th><th>Keterangan</th></tr></thead><tbody>"
        )
        for k, program in enumerate(pk.programs, start=1):
            kode = f"{_e(program.kode)} " if program.kode else ""
            out.append(
                f'<tr><td class="no">{k}</td><td>{kode}{_e(program.name)}</td>'
                f'<td class="num">{_rp(program.anggaran, lang)}</td><td>APBD</td></tr>'
            )
        out.append(
            '<tr class="total"><td></td><td>Jumlah</td>'
            f'<td class="num">{_rp(pk.total, lang)}</td><td></td></tr></tbody></table>'
        )
    elif pk.total is not None:
        out.append(f"<p>Jumlah anggaran program tahun {pk.year}: {_rp(pk.total, lang)} (APBD).</p>")
    out.append("</section>")
    return "\n".join(out)


def pk_workbook(pk: PerjanjianKinerja, *, lang: Lang = "id") -> bytes:
    """The appendix as a workbook: one sheet of sasaran and targets, one of programs."""
    from pohon.render.xlsxfmt import table_workbook

    targets = [
        [s.name, t.name, t.satuan or "", _plain(t.target), _plain(t.renstra)]
        for s in pk.sasaran
        for t in s.targets
    ]
    programs = [
        [p.kode or "", p.name, None if p.anggaran is None else int(p.anggaran)] for p in pk.programs
    ]
    if pk.total is not None:
        programs.append(["", "Jumlah", int(pk.total)])
    return table_workbook(
        [
            (
                "Sasaran",
                [
                    "Sasaran Strategis",
                    "Indikator Kinerja",
                    "Satuan",
                    f"Target {pk.year}",
                    f"Target Renstra {pk.year}",
                ],
                targets,
                {},
            ),
            ("Program", ["Kode", "Program", f"Anggaran {pk.year} (Rp)"], programs, {2: "#,##0"}),
        ],
        title=f"Perjanjian Kinerja {pk.year} {pk.opd_name or pk.pemda}",
    )


def _plain(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return "[" + "; ".join(str(v) for v in value) + "]"
    return value


def _notebook(pk: PerjanjianKinerja) -> str:
    style = (
        "<style>.pk-nb table{border-collapse:collapse}.pk-nb th,.pk-nb td{border:1px solid #999;"
        "padding:.15rem .35rem;vertical-align:top}.pk-nb td.num{text-align:right}</style>"
    )
    return f'{style}<div class="pk-nb">{_appendix(pk, "id")}</div>'


register_html(PerjanjianKinerja, _notebook)
