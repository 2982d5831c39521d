"""A Pemda plan kept in many files, read as one plan.

The RPJMD belongs to Bappeda, each OPD keeps its own Renstra, and a Renstra names RPJMD
sasaran kept in Bappeda's file. :func:`load_all` (``pohon check --satu-rencana``) reads the
parts and joins them into one :class:`~pohon.Plan`:

* the header (id, name, period, scheme) is that of the first part holding Pemda levels (the
  RPJMD), else of the first part; the frameworks of every part are named;
* an OPD listed in several parts is kept once when every listing says the same; listings
  that differ are all kept, so the check reports the id twice (PK112);
* the nodes of every part, in the order the parts are given: references across files
  resolve, an OPD file naming an RPJMD node that no file has is still PK102, and a node id
  defined in two files is PK101, naming both places.

Each finding keeps the file, line (or sheet and cell) where its node was written
(:class:`PartsSource`). Parts with another level scheme cannot be joined: that is a load
error naming the part.
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pohon.findings import Location
from pohon.findings.errors import UsageError
from pohon.findings.loading import SCHEMA
from pohon.io.errors import LoadError, Problem
from pohon.model import Plan


@dataclass
class PartsSource:
    """Where each node of a joined plan was written: the part it came from, and its place
    there (through the part's own source)."""

    files: list[str | None]
    sources: list[Any]
    offsets: list[int]
    """The index of each part's first node in the joined plan."""
    opd_part: dict[str, int] = field(default_factory=dict)

    @property
    def file(self) -> str | None:
        """The file of the plan's header: the first part's."""
        return self.files[0] if self.files else None

    def part_of(self, index: int) -> tuple[int, int]:
        """The part holding node ``index`` of the joined plan, and its index in that part."""
        part = bisect.bisect_right(self.offsets, index) - 1
        return part, index - self.offsets[part]

    def location(
        self,
        index: int,
        *,
        indicator_id: str | None = None,
        field: str | None = None,
        path: str | None = None,
    ) -> Location:
        part, local = self.part_of(index)
        file = self.files[part]
        source = self.sources[part]
        local_path = f"nodes[{local}]" + (f".{field}" if field else "")
        if source is None:
            return Location(file, path=local_path)
        if callable(getattr(source, "location", None)):
            found: Location = source.location(
                local, indicator_id=indicator_id, field=field, path=local_path
            )
            return found
        line = source.line_of(local, indicator_id=indicator_id, field=field)
        return Location(file, line, path=local_path)

    def opd_location(self, opd_id: str, path: str | None = None) -> Location:
        part = self.opd_part.get(opd_id, 0)
        file = self.files[part] if self.files else None
        source = self.sources[part] if self.sources else None
        if source is None:
            return Location(file, path=path)
        if callable(getattr(source, "opd_location", None)):
            found: Location = source.opd_location(opd_id, path)
            return found
        return Location(file, source.opd_line(opd_id), path=path)


def join(parts: Sequence[Plan]) -> Plan:
    """The parts as one plan (see the module); the first part alone is returned as it is."""
    if not parts:
        raise ValueError("join() needs at least one plan")
    if len(parts) == 1:
        return parts[0]
    head = next((p for p in parts if not p.opd_only and p.nodes), parts[0])
    scheme_id = head.scheme.id
    for part in parts:
        if part.scheme.id != scheme_id:
            source = part.source
            raise LoadError(
                getattr(source, "file", None),
                [
                    Problem(
                        f"bagian rencana ini memakai skema level {part.scheme.id!r}, bagian "
                        f"utamanya {scheme_id!r}: bagian-bagian satu rencana memakai satu skema",
                        f"this part of the plan uses the level scheme {part.scheme.id!r}, its "
                        f"main part {scheme_id!r}: the parts of one plan share one scheme",
                        path="plan.scheme",
                        code=SCHEMA.code,
                    )
                ],
            )
    frameworks: dict[str, None] = dict.fromkeys(head.info.frameworks)
    for part in parts:
        frameworks.update(dict.fromkeys(part.info.frameworks))
    opds: list[Any] = []
    kept: dict[str, list[Any]] = {}
    opd_part: dict[str, int] = {}
    for k, part in enumerate(parts):
        for opd in part.opds:
            same = kept.setdefault(opd.id, [])
            if any(o == opd for o in same):
                continue
            same.append(opd)
            opds.append(opd)
            opd_part.setdefault(opd.id, k)
    nodes: list[Any] = []
    offsets: list[int] = []
    for part in parts:
        offsets.append(len(nodes))
        nodes.extend(part.nodes)
    info = head.info.model_copy(update={"frameworks": tuple(frameworks)})
    plan = Plan.model_construct(format=head.format, info=info, opds=tuple(opds), nodes=tuple(nodes))
    plan._source = PartsSource(
        files=[getattr(p.source, "file", None) for p in parts],
        sources=[p.source for p in parts],
        offsets=offsets,
        opd_part=opd_part,
    )
    return plan


def load_all(paths: Sequence[str | os.PathLike[str]]) -> Plan:
    """The plan kept in these files (YAML, JSON or ``.xlsx``), read as one; see the module.

    Raises the :class:`~pohon.LoadError` of the first part that cannot be read.

    >>> import pohon, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> pohon.dump(pohon.example("mojokerto"), folder / "rpjmd.yaml")
    >>> len(pohon.load_all([folder / "rpjmd.yaml"]).nodes)
    277
    """
    from pohon.io.plans import load

    if isinstance(paths, str | os.PathLike):
        raise UsageError(
            'load_all() membutuhkan daftar berkas, misalnya ["rpjmd.yaml", "dinkes.yaml"]',
            'load_all() takes a list of files, such as ["rpjmd.yaml", "dinkes.yaml"]',
        )
    return join([load(path) for path in paths])
