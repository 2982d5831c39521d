"""The formatter registry: the output formats of ``pohon check`` and how each is written.

A formatter takes the results of a check (reports, and the load errors of files that
could not be read, in the order the files were given) and returns text. The CLI offers
exactly the formats registered here, so a new output (an HTML report, an Excel workbook)
is one :func:`register_format` away from ``--format``.

>>> sorted(FORMATS)
['csv', 'json', 'sarif', 'text', 'xlsx']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pohon.findings import Lang, Report
from pohon.io import LoadError
from pohon.render.csvfmt import render_csv
from pohon.render.jsonfmt import render_json
from pohon.render.sarif import render_sarif
from pohon.render.text import render_text

Results = Report | LoadError | Iterable[Report | LoadError]


@dataclass(frozen=True)
class Formatter:
    """One output format: its name, what it is (id/en) and the function that writes it."""

    name: str
    description: tuple[str, str]
    write: Callable[[list[Report | LoadError], Lang, bool], str | bytes]
    """``write(results, lang, color)``; ``color`` matters to terminal formats only."""
    terminal: bool = False
    """Shown in a terminal as it is (colour and line width apply)."""
    binary: bool = False
    """Writes bytes (a workbook), so it goes to a file (``-o``), never to a terminal."""


FORMATS: dict[str, Formatter] = {}


def register_format(formatter: Formatter) -> Formatter:
    if formatter.name in FORMATS:
        raise ValueError(f"format {formatter.name!r} registered twice")
    FORMATS[formatter.name] = formatter
    return formatter


def render(
    results: Results, format: str = "text", *, lang: Lang = "id", color: bool = False
) -> str | bytes:
    """``results`` in the registered ``format`` (bytes for a binary one, such as xlsx)."""
    try:
        formatter = FORMATS[format]
    except KeyError:
        raise ValueError(
            f"unknown format {format!r}; use one of {', '.join(sorted(FORMATS))}"
        ) from None
    items = [results] if isinstance(results, Report | LoadError) else list(results)
    return formatter.write(items, lang, color)


register_format(
    Formatter(
        "text",
        ("teks seperti linter: satu baris per temuan", "linter-style text: one line a finding"),
        lambda items, lang, color: render_text(items, lang=lang, color=color),
        terminal=True,
    )
)
register_format(
    Formatter(
        "json",
        ("dokumen JSON (kontrak untuk aplikasi)", "a JSON document (the contract for apps)"),
        lambda items, lang, color: render_json(items, lang=lang),
    )
)
register_format(
    Formatter(
        "sarif",
        ("SARIF 2.1.0 untuk dasbor pemindaian kode", "SARIF 2.1.0 for code-scanning dashboards"),
        lambda items, lang, color: render_sarif(items, lang=lang),
    )
)
register_format(
    Formatter(
        "csv",
        (
            "tabel CSV temuan (kolom RECORD_COLUMNS: berkas, baris, kode, tingkat, OPD, level, "
            "kode nomenklatur, nama, pesan, saran)",
            "a CSV table of the findings (the RECORD_COLUMNS: file, line, code, severity, OPD, "
            "level, kode, name, message, hint)",
        ),
        lambda items, lang, color: render_csv(items, lang=lang),
    )
)
register_format(
    Formatter(
        "xlsx",
        (
            "buku kerja Excel temuan: satu baris per temuan dengan letak (baris atau sel), "
            "filter dan judul beku, siap cetak A4; perlu -o BERKAS.xlsx",
            "an Excel workbook of the findings: one row a finding with its place (line or "
            "cell), filters and a frozen header, ready to print on A4; needs -o FILE.xlsx",
        ),
        lambda items, lang, color: _xlsx(items, lang),
        binary=True,
    )
)


def _xlsx(items: list[Report | LoadError], lang: Lang) -> bytes:
    from pohon.render.xlsxfmt import render_xlsx

    return render_xlsx(items, lang=lang)
