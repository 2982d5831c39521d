"""The CSV output of ``pohon check --format csv``: the findings table, one row a finding.

The columns are :data:`pohon.findings.RECORD_COLUMNS` (file, line, ..., opd, level, kode,
name, ..., message, hint), the same as :meth:`pohon.Report.to_records`. A file that could not
be read gives one row per problem, with its load code (PK0xx) and severity ``error``, so no
input is left out without a word. Text that a spreadsheet would run as a formula gets a
leading ``'``. In Excel, open it with Data > From Text/CSV and choose UTF-8.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pohon.findings import Lang, Report, records_csv
from pohon.io import LoadError
from pohon.render._common import problems

Results = Report | LoadError | Iterable[Report | LoadError]


def _items(results: Results) -> list[Report | LoadError]:
    if isinstance(results, Report | LoadError):
        return [results]
    return list(results)


def csv_records(results: Results, *, lang: Lang = "id") -> list[dict[str, Any]]:
    """The rows of the CSV: every finding of every report, and every load problem, in the
    order the inputs were given."""
    records: list[dict[str, Any]] = []
    for item in _items(results):
        if isinstance(item, Report):
            records.extend(item.to_records())
            continue
        found = tuple(p.diagnostic(error.file, lang) for error, p in problems([item]))
        records.extend(Report(diagnostics=found, file=item.file).to_records())
    return records


def render_csv(results: Results, *, lang: Lang = "id") -> str:
    """Reports (and load errors) as one CSV table with a header row."""
    return records_csv(csv_records(results, lang=lang))
