"""Hypothesis strategies for valid plans under the default Kota/Kabupaten scheme.

A drawn plan is a full cascade visi → misi → tujuan → sasaran → tujuan_opd → sasaran_opd →
program → kegiatan → sub_kegiatan of random shape, built to pass every check a SAKIP
evaluator makes:

* every node below the visi has a parent of an allowed level, every node that can be
  cascaded is, every OPD-level node names a listed OPD, every listed OPD owns a tujuan PD,
  and every sasaran has a tujuan PD under it;
* every node from tujuan down has indicators with a satuan, a baseline the year before the
  period, and a target for each plan year that moves the way the polarity says (or a
  ``[low, high]`` range for ``polarity: range``); percentages stay within 0-100;
* program, kegiatan and sub kegiatan carry pagu for every year, a parent's pagu being the
  sum of its children's; their kode have the shape of their level and start with the
  parent's kode, within the bidang urusan of the owning OPD;
* names read as outcomes ("Meningkatnya ...") at outcome levels and as outputs
  ("Tersedianya ...") at output levels.

Text comes from a safe alphabet, mixed with characters that trip YAML, JSON and HTML
writers: quotes, colons, ``#``, a leading ``-``, braces, ``&``, ``<script>``, line breaks,
runs of spaces, tabs, non-Latin letters and words YAML reads as other types (``yes``,
``null``, ``007``, ``1.10``).

:func:`aligned_plan_dicts` adds what the alignment and crosscutting analyses read: the
frameworks a plan names, ``aligns`` on its nodes and ``crosscutting`` declarations;
:func:`crosswalks` draws links between two shipped frameworks.
"""

from __future__ import annotations

import copy
import string
from typing import Any

from hypothesis import strategies as st

import pohon
from pohon.model import Crosswalk

OPD_POOL: tuple[tuple[str, str, str], ...] = (
    ("dinkes", "Dinas Kesehatan", "1.02"),
    ("disdik", "Dinas Pendidikan", "1.01"),
    ("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "1.03"),
    ("dinsos", "Dinas Sosial", "1.06"),
    ("dlh", "Dinas Lingkungan Hidup", "2.11"),
    ("bappeda", "Badan Perencanaan Pembangunan Daerah", "5.01"),
)
"""(id, name, bidang urusan U.BB) of the OPDs a plan may list."""

TRICKY: tuple[str, ...] = (
    '"kutip ganda"',
    "'kutip tunggal'",
    "rasio: 1 banding 2",
    "# bukan komentar",
    "- bukan daftar",
    "{kurung kurawal}",
    "[kurung siku]",
    "A & B",
    "<script>alert('x')</script>",
    "<b>tebal</b>",
    "baris satu\nbaris dua",
    "dua  spasi",
    "tab\tdi tengah",
    "ñandú ü é",
    "Ēkonomi Çağ 経済 🌳",
    "100%",
    "*bintang",
    "&jangkar",
    "!tanda",
    "@akun",
    "`petik`",
    "| pipa",
    "> lebih",
    "? tanya",
    "garis\\miring",
    "yes",
    "null",
    "007",
    "1.10",
    "~",
    "2025-01-01",
    "1:30",
)
"""Fragments that a careless writer would mangle."""

LEADING: tuple[str, ...] = (
    "",
    "- ",
    "-",
    "#",
    "{",
    "[",
    "&",
    "*",
    "!",
    "%",
    "@",
    "`",
    "|",
    ">",
    "?",
    "'",
    '"',
    ": ",
    "yes",
    "null",
    "007",
    "1.10",
    " ",
)
"""Openings for visi and misi names, which may start with anything."""

OUTCOME_LEVELS = ("tujuan", "sasaran", "tujuan_opd", "sasaran_opd", "program")
OUTPUT_LEVELS = ("kegiatan", "sub_kegiatan")
PAGU_LEVELS = ("program", "kegiatan", "sub_kegiatan")

words = st.text(alphabet=string.ascii_lowercase, min_size=3, max_size=10)
"""A word from the safe alphabet."""


@st.composite
def phrase(draw: st.DrawFn, tricky: bool = True) -> str:
    """A few safe words, sometimes with a tricky fragment in the middle or at the end."""
    parts = draw(st.lists(words, min_size=1, max_size=4))
    if tricky and draw(st.booleans()):
        fragment = draw(st.sampled_from(TRICKY))
        parts.insert(draw(st.integers(0, len(parts))), fragment)
    return " ".join(parts)


def _cents(value: int) -> int | float:
    """``7350`` → ``73.5``; ``7400`` → ``74`` (an int); ``7300`` → ``73.0`` (a float)."""
    if value % 100 == 0 and value % 200 == 0:
        return value // 100
    return value / 100


class _Builder:
    """Collects nodes in level order while the composite strategy draws the tree."""

    def __init__(self, draw: st.DrawFn, years: range) -> None:
        self.draw = draw
        self.years = years
        self.nodes: dict[str, list[dict[str, Any]]] = {}
        self.counter = 0

    def new_id(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def add(self, level: str, node: dict[str, Any]) -> dict[str, Any]:
        self.nodes.setdefault(level, []).append(node)
        return node

    # -- indicators ---------------------------------------------------------------------

    def indicators(self, node_id: str, level: str) -> list[dict[str, Any]]:
        draw = self.draw
        count = draw(st.integers(1, 2))
        return [self.indicator(f"{node_id}.I{k}", level) for k in range(1, count + 1)]

    def indicator(self, indicator_id: str, level: str) -> dict[str, Any]:
        draw = self.draw
        output = level in OUTPUT_LEVELS
        measure = draw(st.sampled_from(["number", "percent"]))
        polarity = draw(st.sampled_from(["higher", "lower", "range"]))
        if output:
            name = "Jumlah " + draw(phrase())
        else:
            opening = draw(st.sampled_from(["Persentase", "Indeks", "Angka", "Rasio", "Cakupan"]))
            name = f"{opening} {draw(phrase())}"
        if measure == "percent":
            satuan = draw(st.sampled_from(["%", "persen"]))
        else:
            satuan = draw(st.sampled_from(["orang", "unit", "tahun", "poin", "indeks", "km"]))
        years = list(self.years)
        steps = draw(st.lists(st.integers(0, 400), min_size=len(years), max_size=len(years)))
        if polarity == "lower":
            value = draw(st.integers(5_000, 10_000))
            start = value
            series = []
            for step in steps:
                value -= step
                series.append(value)
        else:
            # A percentage starts at 1% or more: all values below 1 read as a proportion.
            value = draw(st.integers(100, 5_000))
            start = value
            series = []
            for step in steps:
                value += step
                series.append(value)
        targets: dict[int, Any]
        if polarity == "range":
            widths = draw(st.lists(st.integers(0, 1_000), min_size=len(years), max_size=len(years)))
            targets = {
                year: [_cents(low), _cents(low + width)]
                for year, low, width in zip(years, series, widths, strict=True)
            }
        else:
            targets = {year: _cents(v) for year, v in zip(years, series, strict=True)}
        indicator: dict[str, Any] = {
            "id": indicator_id,
            "name": name,
            "satuan": satuan,
            "measure": measure,
            "polarity": polarity,
            "baseline": {
                "year": self.years.start - draw(st.integers(1, 2)),
                "value": _cents(start),
            },
            "targets": targets,
        }
        if draw(st.booleans()):
            del indicator["measure"]  # "number" is the default; percent stays explicit
            if measure == "percent":
                indicator["measure"] = "percent"
        if draw(st.integers(0, 3)) == 0:
            indicator["iku"] = True
            indicator["definisi"] = "Definisi: " + draw(phrase())
            indicator["formula"] = "(a / b) × 100%"
            indicator["sumber_data"] = "Laporan " + draw(phrase(tricky=False))
            indicator["penanggung_jawab"] = "Kepala Bidang " + draw(phrase(tricky=False))
        if draw(st.integers(0, 3)) == 0 and polarity != "range":
            # A realisation for the first year, on the target.
            indicator["actuals"] = {years[0]: targets[years[0]]}
        return indicator


def _distinct_numbers(draw: st.DrawFn, count: int, high: int) -> list[int]:
    return draw(st.lists(st.integers(1, high), min_size=count, max_size=count, unique=True))


@st.composite
def plan_dicts(draw: st.DrawFn) -> dict[str, Any]:
    """A valid plan as the plain data a plan file holds."""
    start = draw(st.integers(2019, 2030))
    length = draw(st.integers(1, 6))
    years = range(start, start + length)
    b = _Builder(draw, years)

    opd_rows = draw(st.lists(st.sampled_from(OPD_POOL), min_size=1, max_size=3, unique=True))
    opds = []
    for opd_id, opd_name, bidang in opd_rows:
        opd: dict[str, Any] = {"id": opd_id, "name": opd_name}
        opd["kode"] = f"{bidang}.0.00.0.00.01.0000"
        if draw(st.booleans()):
            opd["name"] = f"{opd_name} {draw(st.sampled_from(TRICKY))}"
        opds.append(opd)

    visi_id = draw(st.sampled_from(["V1", "007", "yes", "1.10", "null", "visi: kota", "#1"]))
    b.add("visi", {"id": visi_id, "level": "visi", "name": draw(visi_names())})

    sasaran: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(1, 2))):
        misi = b.add(
            "misi",
            {
                "id": b.new_id("M"),
                "level": "misi",
                "name": draw(st.sampled_from(LEADING)) + "Meningkatkan " + draw(phrase()),
                "parents": [visi_id],
            },
        )
        for _ in range(draw(st.integers(1, 2))):
            tujuan = b.add("tujuan", outcome_node(draw, b, "tujuan", "T", [misi["id"]]))
            for _ in range(draw(st.integers(1, 2))):
                sasaran.append(
                    b.add("sasaran", outcome_node(draw, b, "sasaran", "S", [tujuan["id"]]))
                )

    # Every OPD owns a tujuan PD, and every sasaran has one under it.
    count = max(len(opds), len(sasaran))
    for k in range(count):
        opd_id, _, bidang = opd_rows[k % len(opds)]
        parent = sasaran[k % len(sasaran)]
        tujuan_opd = b.add(
            "tujuan_opd", outcome_node(draw, b, "tujuan_opd", "TPD", [parent["id"]], opd_id)
        )
        for _ in range(draw(st.integers(1, 2))):
            parents = [tujuan_opd["id"]]
            if draw(st.integers(0, 3)) == 0:
                parents.append(parent["id"])  # a sasaran PD may also hang from the sasaran
            sasaran_opd = b.add(
                "sasaran_opd", outcome_node(draw, b, "sasaran_opd", "SPD", parents, opd_id)
            )
            add_programs(draw, b, sasaran_opd, opd_id, bidang)

    nodes = [node for level in pohon.KOTA.level_ids for node in b.nodes.get(level, [])]
    plan: dict[str, Any] = {
        "pohon": 1,
        "plan": {
            "id": f"kota-uji-{start}-{start + length - 1}",
            "name": f"RPJMD Kota Uji {start}-{start + length - 1}",
            "pemda": "Kota Uji",
            "period": {"start": start, "end": start + length - 1},
        },
        "opds": opds,
        "nodes": nodes,
    }
    if draw(st.booleans()):
        plan["plan"]["notes"] = draw(phrase())
    return plan


@st.composite
def visi_names(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(LEADING)) + "Kota " + draw(phrase())


def outcome_node(
    draw: st.DrawFn,
    b: _Builder,
    level: str,
    prefix: str,
    parents: list[str],
    opd: str | None = None,
) -> dict[str, Any]:
    node_id = b.new_id(prefix)
    node: dict[str, Any] = {
        "id": node_id,
        "level": level,
        "name": "Meningkatnya " + draw(phrase()),
        "parents": parents,
    }
    if opd is not None:
        node["opd"] = opd
    node["indicators"] = b.indicators(node_id, level)
    if draw(st.integers(0, 4)) == 0:
        node["notes"] = draw(phrase())
    return node


def add_programs(
    draw: st.DrawFn, b: _Builder, parent: dict[str, Any], opd_id: str, bidang: str
) -> None:
    taken: set[int] = {
        int(str(p["kode"]).split(".")[2]) for p in b.nodes.get("program", []) if p["opd"] == opd_id
    }
    free = [n for n in range(1, 100) if n not in taken]
    count = draw(st.integers(1, 2))
    numbers = draw(st.lists(st.sampled_from(free), min_size=count, max_size=count, unique=True))
    for number in numbers:
        kode = f"{bidang}.{number:02d}"
        program = b.add(
            "program",
            {
                "id": f"P-{opd_id.upper()}-{kode}",
                "level": "program",
                "name": "Meningkatnya " + draw(phrase()),
                "parents": [parent["id"]],
                "opd": opd_id,
                "kode": kode,
                "indicators": b.indicators(f"P-{opd_id.upper()}-{kode}", "program"),
            },
        )
        totals = dict.fromkeys(b.years, 0)
        for aa in _distinct_numbers(draw, draw(st.integers(1, 2)), 99):
            k_kode = f"{kode}.2.{aa:02d}"
            kegiatan = b.add(
                "kegiatan",
                {
                    "id": b.new_id("K"),
                    "level": "kegiatan",
                    "name": "Tersedianya " + draw(phrase()),
                    "parents": [program["id"]],
                    "opd": opd_id,
                    "kode": k_kode,
                },
            )
            kegiatan["indicators"] = b.indicators(kegiatan["id"], "kegiatan")
            k_totals = dict.fromkeys(b.years, 0)
            for ssss in _distinct_numbers(draw, draw(st.integers(1, 2)), 9999):
                sub_id = b.new_id("SK")
                pagu = {year: draw(st.integers(0, 5_000_000)) * 1_000 for year in b.years}
                b.add(
                    "sub_kegiatan",
                    {
                        "id": sub_id,
                        "level": "sub_kegiatan",
                        "name": "Tersedianya " + draw(phrase()),
                        "parents": [kegiatan["id"]],
                        "opd": opd_id,
                        "kode": f"{k_kode}.{ssss:04d}",
                        "indicators": b.indicators(sub_id, "sub_kegiatan"),
                        "pagu": pagu,
                    },
                )
                for year, amount in pagu.items():
                    k_totals[year] += amount
            kegiatan["pagu"] = k_totals
            for year, amount in k_totals.items():
                totals[year] += amount
        program["pagu"] = totals


@st.composite
def plans(draw: st.DrawFn) -> pohon.Plan:
    """A valid :class:`pohon.Plan` (built from :func:`plan_dicts`, with no source)."""
    return pohon.Plan.model_validate(draw(plan_dicts()))


FAULTS = (
    "orphan",
    "unknown-parent",
    "wrong-parent-level",
    "no-opd",
    "unknown-opd",
    "pagu-year-missing",
    "pagu-changed",
    "target-against-polarity",
    "kode-not-prefixed",
    "no-indicator",
    "no-satuan",
    "cycle",
)
"""Faults that :func:`faulty_plan_dicts` may put into a valid plan. Duplicate ids are left
out on purpose: links to a duplicated id resolve to its first occurrence, so with them the
order of the nodes does change what is reported."""


@st.composite
def faulty_plan_dicts(draw: st.DrawFn) -> dict[str, Any]:
    """A plan from :func:`plan_dicts` with a few faults that the rules should report."""
    data = draw(plan_dicts())
    nodes: list[dict[str, Any]] = data["nodes"]
    for fault in draw(st.lists(st.sampled_from(FAULTS), min_size=1, max_size=4)):
        node = nodes[draw(st.integers(1, len(nodes) - 1))]
        if fault == "orphan":
            node["parents"] = []
        elif fault == "unknown-parent":
            node["parents"] = [*node["parents"], "TIDAK-ADA-" + draw(words)]
        elif fault == "wrong-parent-level":
            node["parents"] = [nodes[0]["id"]]
        elif fault == "no-opd":
            node.pop("opd", None)
        elif fault == "unknown-opd":
            node["opd"] = "opd-" + draw(words)
        elif fault == "pagu-year-missing" and node.get("pagu"):
            node["pagu"] = dict(list(node["pagu"].items())[1:])
        elif fault == "pagu-changed" and node.get("pagu"):
            node["pagu"] = {year: amount + 1_000_000 for year, amount in node["pagu"].items()}
        elif fault == "target-against-polarity" and node.get("indicators"):
            indicator = node["indicators"][0]
            if indicator["polarity"] != "range":
                first = min(indicator["targets"])
                indicator["targets"][first] = -1 if indicator["polarity"] == "higher" else 10**6
        elif fault == "kode-not-prefixed" and node.get("kode"):
            node["kode"] = "9.99" + node["kode"][4:]
        elif fault == "no-indicator":
            node.pop("indicators", None)
        elif fault == "no-satuan" and node.get("indicators"):
            node["indicators"][0].pop("satuan", None)
        elif fault == "cycle":
            nodes[0]["parents"] = [node["id"]]
    return data


# -- alignment and crosscutting ---------------------------------------------------------------

ALIGN_FRAMEWORKS: tuple[str, ...] = (
    "panca-cita-mojokerto-2025",
    "asta-cita-2025",
    "nawa-bhakti-satya-2025",
)
"""Shipped frameworks an aligned plan may name."""

AGENCIES: tuple[str, ...] = ("Badan Pusat Statistik", "BPJS Kesehatan", "Kantor Pertanahan")
"""Outside agencies a crosscutting declaration may name."""

_ALIGNABLE = ("misi", "tujuan", "sasaran", "tujuan_opd", "sasaran_opd", "program")
_DECLARING = ("sasaran", "tujuan_opd", "sasaran_opd", "program")


def framework_refs(framework_ids: tuple[str, ...] | list[str]) -> list[str]:
    """Every ``framework:item`` reference of the given shipped frameworks."""
    shipped = pohon.builtin_frameworks()
    return [f"{fw}:{item.id}" for fw in framework_ids for item in shipped[fw].items]


@st.composite
def aligned_plan_dicts(draw: st.DrawFn) -> dict[str, Any]:
    """A plan from :func:`plan_dicts` that names one to three shipped frameworks, aligns its
    nodes to their items, and declares crosscutting.

    * every tujuan and sasaran is aligned, directly or through its tujuan; some misi and a few
      OPD nodes are aligned too. A node only adds items of a framework its ancestors do not
      use yet, or items they already support: no stray alignment, no bad reference. Items
      of a framework may go without support.
    * some sasaran, tujuan PD, sasaran PD and programs declare crosscutting: listed OPDs
      (sometimes one that owns nothing below, sometimes the node's own) and outside
      agencies, in every status.
    * sometimes a program also hangs from another OPD's sasaran PD (keroyokan), a sasaran
      has nothing below it, an OPD is listed that owns nothing, or a kegiatan takes the name
      of another OPD's kegiatan (a likely duplicate).

    So the plans load and are well formed, but the alignment and crosscutting rules may
    have something to say about them.
    """
    data = draw(plan_dicts())
    _crosscutting_shapes(draw, data)
    named = draw(st.lists(st.sampled_from(ALIGN_FRAMEWORKS), min_size=1, max_size=3, unique=True))
    data["plan"]["frameworks"] = named
    refs = framework_refs(named)
    opd_ids = [opd["id"] for opd in data["opds"]]
    effective: dict[str, set[str]] = {}
    for node in data["nodes"]:
        above: set[str] = set()
        for parent in node.get("parents", ()):
            above |= effective.get(parent if isinstance(parent, str) else parent["id"], set())
        used = {ref.partition(":")[0] for ref in above}
        allowed = sorted(above) + [r for r in refs if r.partition(":")[0] not in used]
        level = node["level"]
        if level in _ALIGNABLE and allowed:
            must = level in ("tujuan", "sasaran") and not above
            chance = {"misi": 2, "tujuan": 1, "sasaran": 2}.get(level, 6)
            if must or draw(st.integers(0, chance - 1)) == 0:
                node["aligns"] = draw(
                    st.lists(st.sampled_from(allowed), min_size=1, max_size=3, unique=True)
                )
        effective[node["id"]] = above | set(node.get("aligns", ()))
        if level in _DECLARING and draw(st.integers(0, 3)) == 0:
            declarations: list[dict[str, Any]] = []
            for _ in range(draw(st.integers(1, 3))):
                status = draw(st.sampled_from(["usulan", "disetujui", "ditolak"]))
                if draw(st.integers(0, 3)) == 0:
                    party: dict[str, Any] = {"agency": draw(st.sampled_from(AGENCIES))}
                else:
                    party = {"opd": draw(st.sampled_from(opd_ids))}
                declaration = {**party, "status": status}
                if draw(st.booleans()):
                    declaration["note"] = draw(phrase())
                declarations.append(declaration)
            node["crosscutting"] = declarations
    return data


def _crosscutting_shapes(draw: st.DrawFn, data: dict[str, Any]) -> None:
    """Add the shapes crosscutting looks for (see :func:`aligned_plan_dicts`) in place."""
    nodes: list[dict[str, Any]] = data["nodes"]

    def of_level(level: str) -> list[dict[str, Any]]:
        return [node for node in nodes if node["level"] == level]

    programs = of_level("program")
    if draw(st.integers(0, 3)) > 0:
        program = draw(st.sampled_from(programs))
        others = [n for n in of_level("sasaran_opd") if n["opd"] != program["opd"]]
        if others:
            program["parents"] = [*program["parents"], draw(st.sampled_from(others))["id"]]
    if draw(st.integers(0, 3)) == 0:
        model = draw(st.sampled_from(of_level("sasaran")))
        orphan = copy.deepcopy(model)
        orphan["id"] = "S-TANPA-OPD"
        orphan["indicators"] = [
            {**indicator, "id": f"S-TANPA-OPD.I{k}"}
            for k, indicator in enumerate(orphan["indicators"], start=1)
        ]
        orphan.pop("aligns", None)
        nodes.insert(nodes.index(of_level("sasaran")[-1]) + 1, orphan)
    if draw(st.integers(0, 3)) == 0:
        listed = {opd["id"] for opd in data["opds"]}
        free = [row for row in OPD_POOL if row[0] not in listed]
        if free:
            opd_id, opd_name, bidang = draw(st.sampled_from(free))
            data["opds"].append(
                {"id": opd_id, "name": opd_name, "kode": f"{bidang}.0.00.0.00.01.0000"}
            )
    if draw(st.integers(0, 2)) == 0:
        kegiatan = of_level("kegiatan")
        first = draw(st.sampled_from(kegiatan))
        others = [n for n in kegiatan if n["opd"] != first["opd"]]
        if others:
            second = draw(st.sampled_from(others))
            first["name"] = "Tersedianya layanan " + draw(phrase(tricky=False))
            second["name"] = draw(st.sampled_from([first["name"], first["name"].upper()]))


@st.composite
def aligned_plans(draw: st.DrawFn) -> pohon.Plan:
    """A :class:`pohon.Plan` from :func:`aligned_plan_dicts`."""
    return pohon.Plan.model_validate(draw(aligned_plan_dicts()))


@st.composite
def crosswalks(draw: st.DrawFn, source: str, target: str) -> Crosswalk:
    """A crosswalk between two shipped frameworks with random links (some items unlinked)."""
    shipped = pohon.builtin_frameworks()
    source_items = [item.id for item in shipped[source].items]
    target_items = [item.id for item in shipped[target].items]
    linked = draw(st.lists(st.sampled_from(source_items), max_size=len(source_items), unique=True))
    links = [
        {
            "from": item,
            "to": draw(
                st.lists(st.sampled_from(target_items), min_size=1, max_size=3, unique=True)
            ),
        }
        for item in linked
    ]
    return Crosswalk.model_validate(
        {
            "crosswalk": {"id": f"uji-{source}--{target}", "from": source, "to": target},
            "links": links,
        }
    )
