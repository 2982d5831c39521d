"""Plans in Excel workbooks: the pohon template, written and read back.

A template workbook holds one plan in sheets a planner fills by hand, with Indonesian
headers (:data:`SHEETS` lists them, and the workbook's own ``Petunjuk`` sheet explains every
column):

* ``Rencana``: the plan's header as key and value rows (id, nama, pemda, tahun awal, ...);
* ``OPD``: one row per OPD;
* ``Node``: one row per node: id, level, nama, induk (parent ids separated by ``;``, with
  their weights in ``Bobot induk`` in the same order), OPD, kode, catatan;
* ``Indikator``: one row per indicator, under the node it measures, with one ``Target
  YYYY``, one ``Realisasi YYYY`` and one ``Target PK YYYY`` (the target signed in that
  year's Perjanjian Kinerja) column per year;
* ``Pagu``: one row per node with pagu or realisasi anggaran, one ``Pagu YYYY`` and one
  ``Realisasi YYYY`` (budget spent) column per year, in rupiah;
* ``Keselarasan``: one row per alignment (node, ``kerangka:butir``);
* ``Crosscutting``: one row per crosscutting declaration;
* ``Daftar``: the lists the drop-downs offer (levels, OPDs, framework items, words).

Values follow the native format: a number cell is a number, a text cell stays text as
written (``"72,5"`` is kept and reported by a rule, never converted), a range target is
written ``70 s.d. 80``. Excel has one kind of number: ``83.0`` reads back as ``83``, the same
value (a plan read from a workbook and written again gives the same text). Every problem names its sheet and cell (``plan.xlsx!Node!C7``), and
every finding about a plan read from a workbook points at the cell of its node, indicator or
field.

openpyxl is imported when a workbook is read or written (the ``excel`` extra).
"""

from pohon.io.workbook.layout import MAX_PART, MAX_PARTS, MAX_UNZIPPED, SHEETS, WORKBOOK_SUFFIXES
from pohon.io.workbook.package import SheetPart, damaged, is_workbook, scan_parts
from pohon.io.workbook.read import read_workbook
from pohon.io.workbook.source import WorkbookSource
from pohon.io.workbook.write import MAX_CELL_TEXT, WorkbookWriteError, write_workbook

__all__ = [
    "MAX_CELL_TEXT",
    "MAX_PART",
    "MAX_PARTS",
    "MAX_UNZIPPED",
    "SHEETS",
    "WORKBOOK_SUFFIXES",
    "SheetPart",
    "WorkbookSource",
    "WorkbookWriteError",
    "damaged",
    "is_workbook",
    "read_workbook",
    "scan_parts",
    "write_workbook",
]
