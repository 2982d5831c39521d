"""Write the example's older revision: the draft tree before an asistensi.

The shipped example (``mojokerto.yaml``) is the tree as it stands after the asistensi; this
script takes it back to the draft it came from, change by change, and writes
``src/pohon/data/examples/mojokerto-rancangan.yaml``. ``pohon diff`` between the two then
tells what the asistensi changed. Run it after changing the example:

    python tools/make_revision.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pohon
from pohon.model import Baseline, Indicator, Node, ParentRef, Plan

OUT = Path(__file__).resolve().parent.parent / "src/pohon/data/examples/mojokerto-rancangan.yaml"

HEADER = """\
# Pohon kinerja Kota Mojokerto 2025-2029 -- RANCANGAN SEBELUM ASISTENSI, CONTOH ILUSTRATIF.
#
# Berkas ini dibuat oleh tools/make_revision.py dari mojokerto.yaml; jangan disunting
# langsung. Ini revisi lama dari contoh: pohon rancangan (gaya RPD) sebelum asistensi.
# `pohon diff mojokerto-rancangan.yaml mojokerto.yaml` menunjukkan apa yang diubah
# asistensi. Seluruh isinya rekaan, bukan dokumen resmi Pemerintah Kota Mojokerto.
"""


def draft(plan: Plan) -> Plan:
    """The example as it stood before the asistensi."""
    nodes: dict[str, Node] = {n.id: n for n in plan.nodes}
    order = [n.id for n in plan.nodes]

    def edit(node_id: str, **update: Any) -> None:
        nodes[node_id] = nodes[node_id].model_copy(update=update)

    def edit_indicator(node_id: str, indicator_id: str, **update: Any) -> None:
        node = nodes[node_id]
        edit(
            node_id,
            indicators=tuple(
                i.model_copy(update=update) if i.id == indicator_id else i for i in node.indicators
            ),
        )

    # 1. The draft measured the stunting sasaran by an output (children given PMT), not by
    #    the prevalence: the asistensi redefined the IKU.
    edit_indicator(
        "S2",
        "S2.I2",
        name="Jumlah balita yang menerima pemberian makanan tambahan (PMT)",
        satuan="balita",
        measure="number",
        polarity="higher",
        baseline=Baseline(year=2024, value=1850),
        targets={2025: 1900, 2026: 1950, 2027: 2000, 2028: 2050, 2029: 2100},
        actuals={2025: 1932},
        definisi="Jumlah balita yang menerima PMT pemulihan dalam satu tahun.",
        formula="Jumlah balita penerima PMT",
    )
    # 2. The draft had no sasaran for planning and finance of its own: its OPD sasaran sat
    #    under the accountability sasaran S10. The asistensi split S12 out of it.
    s12 = nodes.pop("S12")
    order.remove("S12")
    for child in ("SO-BAPPEDA-1", "SO-BPKPD-1"):
        edit(
            child,
            parents=tuple(
                ParentRef(id="S10") if p.id == "S12" else p for p in nodes[child].parents
            ),
        )
    del s12
    # 3. The tujuan of good governance had a second IKU, dropped by the asistensi as a
    #    duplicate of the sasaran's.
    t6 = nodes["T6"]
    edit(
        "T6",
        indicators=(
            *t6.indicators,
            Indicator(
                id="T6.I2",
                name="Nilai evaluasi SAKIP Kota Mojokerto",
                satuan="nilai",
                polarity="higher",
                targets={2025: 70, 2026: 72, 2027: 74, 2028: 76, 2029: 78},
                iku=True,
            ),
        ),
    )
    # 4. A Dinkes program had a provisional id in the draft; the asistensi gave it the kode
    #    of the nomenclature and reworded nothing.
    program = nodes.pop("P-DINKES-1.02.03")
    at = order.index("P-DINKES-1.02.03")
    order[at] = "P-DINKES-3"
    nodes["P-DINKES-3"] = program.model_copy(update={"id": "P-DINKES-3"})
    for node_id, node in list(nodes.items()):
        if any(p.id == "P-DINKES-1.02.03" for p in node.parents):
            edit(
                node_id,
                parents=tuple(
                    ParentRef(id="P-DINKES-3", weight=p.weight) if p.id == "P-DINKES-1.02.03" else p
                    for p in node.parents
                ),
            )
    # 5. The stunting sasaran of Dinkes did not yet call on Disperkim for sanitation.
    so = nodes["SO-DINKES-1"]
    edit(
        "SO-DINKES-1",
        crosscutting=tuple(c for c in so.crosscutting if c.opd != "perkim"),
    )
    # 6. The draft's target for PAD growth in 2027 and 2028 was higher; the asistensi
    #    lowered it to what the finance office could defend, and nobody wrote why.
    edit_indicator(
        "SO-BPKPD-1",
        "SO-BPKPD-1.I1",
        targets={2025: 7.0, 2026: 7.5, 2027: 8.0, 2028: 8.5, 2029: 8.0},
    )
    # 7. The UMKM sasaran was worded more narrowly, and did not yet align with Asta Cita 3.
    edit("S5", name="Meningkatnya daya saing UMKM dan investasi")
    s11 = nodes["S11"]
    edit("S11", aligns=tuple(a for a in s11.aligns if not a.startswith("asta-cita")))
    # 8. The draft's pagu for the Dinkes service program was a first estimate.
    edit(
        "P-DINKES-1.02.02",
        pagu={
            2025: 7_500_000_000,
            2026: 7_800_000_000,
            2027: 8_100_000_000,
            2028: 8_400_000_000,
            2029: 8_700_000_000,
        },
    )
    # 9. The draft had a Bappeda kegiatan written as an activity ("Terlaksananya rapat"),
    #    which the asistensi removed as not a result.
    bappeda = nodes["K-BAPPEDA-5.01.03.2.02"]
    extra = Node(
        id="K-BAPPEDA-5.01.03.2.03",
        level="kegiatan",
        name="Terlaksananya rapat koordinasi perencanaan",
        parents=bappeda.parents,
        opd="bappeda",
        kode="5.01.03.2.03",
        indicators=(
            Indicator(
                id="K-BAPPEDA-5.01.03.2.03.I1",
                name="Jumlah rapat koordinasi yang dilaksanakan",
                satuan="kali",
                targets={2025: 12, 2026: 12, 2027: 12, 2028: 12, 2029: 12},
            ),
        ),
        pagu={
            2025: 150_000_000,
            2026: 150_000_000,
            2027: 150_000_000,
            2028: 150_000_000,
            2029: 150_000_000,
        },
    )
    nodes[extra.id] = extra
    order.insert(order.index("K-BAPPEDA-5.01.03.2.02") + 1, extra.id)
    info = plan.info.model_copy(
        update={
            "id": "kota-mojokerto-2025-2029-rancangan",
            "name": "Rancangan Pohon Kinerja Kota Mojokerto 2025-2029 sebelum asistensi (ilustratif)",
            "notes": "Revisi lama dari contoh: pohon rancangan sebelum asistensi. Rekaan untuk "
            "demonstrasi pohon diff; bukan dokumen resmi.",
            "meta": {
                **plan.info.meta,
                "status": "rancangan",
                "dibuat_dengan": "tools/make_revision.py",
            },
        }
    )
    return Plan.model_validate(
        {"pohon": plan.format, "plan": info, "opds": plan.opds, "nodes": [nodes[i] for i in order]}
    )


def main() -> int:
    text = HEADER + pohon.dumps(draft(pohon.example("mojokerto")), format="yaml")
    if "--check" in sys.argv[1:]:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date: run python tools/make_revision.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
