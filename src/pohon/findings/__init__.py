"""Findings: the one home of what pohon says about a plan, below every layer that makes or
shows it.

- :class:`Location`: file, line, column and key path, or file, sheet and cell;
- :class:`Diagnostic`: one finding, with its code, severity, message, hint and raw values;
- :class:`Report`: the findings of one check, and :class:`Scope`: the part of them a
  report shows (some OPDs, some levels, a minimum severity);
- :data:`CATALOGUE`: every code with its slug, title, message templates and hint, in
  Indonesian and English (:class:`Lang`); the rules register theirs, the load problems
  (PK0xx) are in :mod:`pohon.findings.loading`;
- :class:`UsageError`: the one error type for misuse of the API.

Rules and analyses produce diagnostics with codes from the catalogue; renderers consume
reports. Nothing here imports another part of pohon.
"""

from pohon.findings import loading
from pohon.findings.catalogue import (
    CATALOGUE,
    Doc,
    Entry,
    Namer,
    as_meant,
    display,
    fill,
    jsonable,
    parse_doc,
    probable_value,
    register,
    years_text,
)
from pohon.findings.diagnostic import (
    SEVERITIES,
    Diagnostic,
    Severity,
    check_severity,
    is_severity,
)
from pohon.findings.errors import UsageError
from pohon.findings.lang import LANGS, Lang, check_lang, is_lang, pick
from pohon.findings.location import Location
from pohon.findings.report import RECORD_COLUMNS, Report, records_csv, spreadsheet_safe
from pohon.findings.scope import Scope
from pohon.findings.showing import (
    ShowsItself,
    draw_of,
    html_of,
    mimebundle_of,
    register_draw,
    register_html,
)

__all__ = [
    "CATALOGUE",
    "LANGS",
    "RECORD_COLUMNS",
    "SEVERITIES",
    "Diagnostic",
    "Doc",
    "Entry",
    "Lang",
    "Location",
    "Namer",
    "Report",
    "Scope",
    "Severity",
    "ShowsItself",
    "UsageError",
    "as_meant",
    "check_lang",
    "check_severity",
    "display",
    "draw_of",
    "fill",
    "html_of",
    "is_lang",
    "is_severity",
    "jsonable",
    "loading",
    "mimebundle_of",
    "parse_doc",
    "pick",
    "probable_value",
    "records_csv",
    "register",
    "register_draw",
    "register_html",
    "spreadsheet_safe",
    "years_text",
]
