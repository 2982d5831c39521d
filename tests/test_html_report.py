"""The HTML report: one self-contained file with the diagram, the findings and the matrices;
text from the plan never becomes markup or script, checked by parsing the page and by
opening it in a real headless browser (Debian's chromium) that clicks a box."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import pohon
from pohon.render.html_report import ReportPart, html_report
from pohon.render.layout import engine

HERE = Path(__file__).parent
SMALL = HERE / "data" / "diagram" / "kecil.yaml"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

needs_engine = pytest.mark.skipif(
    engine() is None, reason="no Graphviz engine (pip install 'pohon[diagram]')"
)
needs_browser = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium (apt-get install chromium)"
)


class Page(HTMLParser):
    """Every element of a page, with its attributes, and the text of its script elements."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._script: dict[str, str] | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        self.elements.append((tag, found))
        if tag == "script":
            self._script = found
            self.scripts.append((found, ""))

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def count(self, tag: str, **attrs: str) -> int:
        return sum(
            1 for t, a in self.elements if t == tag and all(a.get(k) == v for k, v in attrs.items())
        )


def _part(plan: pohon.Plan) -> ReportPart:
    return ReportPart(plan, pohon.check(plan), "rencana.yaml")


HOSTILE = [
    "<script>document.body.setAttribute('data-pwned','script')</script>",
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">",
    "\"><svg onload=\"document.body.setAttribute('data-pwned','svg')\">",
    "</script><script>document.body.setAttribute('data-pwned','end')</script>",
    "\\N & &amp; \u202eterbalik",
]


def _hostile_plan() -> pohon.Plan:
    nodes: list[dict[str, Any]] = [{"id": "V1", "level": "visi", "name": HOSTILE[0]}]
    for k, name in enumerate(HOSTILE):
        nodes.append(
            {
                "id": f"M{k}",
                "level": "misi",
                "name": name,
                "parents": ["V1"],
                "indicators": [
                    {"id": f"I{k}", "name": f"Indikator {k} {name}", "targets": {"2025": 1}}
                ],
            }
        )
    data = {
        "pohon": 1,
        "plan": {"id": "uji", "name": HOSTILE[1], "period": {"start": 2025, "end": 2026}},
        "opds": [{"id": "o", "name": HOSTILE[2]}],
        "nodes": nodes,
    }
    return pohon.loads(json.dumps(data), format="json")


@needs_engine
def test_the_page_holds_the_drawing_the_findings_and_the_matrices() -> None:
    plan = pohon.load(SMALL)
    part = _part(plan)
    text = html_report([part])
    page = Page(text)
    assert page.count("section", **{"class": "plan"}) == 1
    assert page.count("svg") == 1
    assert page.count("g", **{"class": "node"}) >= len(plan.nodes)
    assert page.count("table", **{"class": "findings"}) == 1
    rows = [a for t, a in page.elements if t == "tr" and "data-severity" in a]
    assert len(rows) == len(part.report.diagnostics)
    assert {a["data-opd"] for a in rows} >= {"dinkes", "dinsos"}
    assert '<option value="dinkes">Dinkes</option>' in text
    assert "Keselarasan dengan kerangka" in text
    assert "Crosscutting: sasaran Pemda × OPD" in text
    assert "Rp 1.000.000.000" in text  # the pagu of 2025 in its matrix cell
    # Nothing is fetched: no external resource, and a policy that forbids any.
    assert not [a for _, a in page.elements if "src" in a or a.get("rel") == "stylesheet"]
    assert "url(" not in text
    policy = next(a["content"] for t, a in page.elements if a.get("http-equiv"))
    assert "default-src 'none'" in policy
    program = next(s for a, s in page.scripts if "type" not in a)
    digest = base64.b64encode(hashlib.sha256(program.encode("utf-8")).digest()).decode()
    assert f"'sha256-{digest}'" in policy


def test_the_same_plans_give_the_same_page() -> None:
    plan = pohon.load(SMALL)
    assert html_report([_part(plan)], lang="en") == html_report([_part(plan)], lang="en")


@needs_engine
def test_text_from_the_plan_never_becomes_markup() -> None:
    plan = _hostile_plan()
    text = html_report([_part(plan)])
    page = Page(text)
    kinds = [a.get("type", "program") for t, a in page.elements if t == "script"]
    assert kinds == ["application/json", "program"]  # the data, and the page's own script
    assert not page.count("img")
    assert not [(t, k) for t, a in page.elements for k in a if k.lower().startswith("on")]
    assert page.count("svg") == 1  # the drawing only; the name's <svg> stayed text
    data = json.loads(next(s for a, s in page.scripts if a.get("type") == "application/json"))
    names = {box["name"] for box in data["boxes"].values()}
    # Kept as written, as data, but for the marks that would reorder or hide what is shown.
    from pohon.render.diagram import clean_text

    assert {clean_text(h) for h in HOSTILE} <= names
    assert not any("\u202e" in name for name in names)


def _browse(page: Path, fragment: str = "") -> str:
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            f"--user-data-dir={page.parent / 'chromium'}",
            "--virtual-time-budget=3000",
            "--dump-dom",
            page.as_uri() + fragment,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@needs_engine
@needs_browser
def test_in_a_browser_a_click_on_a_box_shows_its_indicators_and_no_data_runs(
    tmp_path: Path,
) -> None:
    small = pohon.load(SMALL)
    page = tmp_path / "laporan.html"
    page.write_text(html_report([_part(small), _part(_hostile_plan())]), encoding="utf-8")
    dom = _browse(page, "#box=0:P1")
    detail = re.search(r'<aside class="detail"[^>]*>(.*?)</aside>', dom, re.DOTALL)
    assert detail is not None
    shown = detail.group(1)
    assert "Persentase posyandu aktif" in shown  # the clicked box's indicator
    assert "2026" in shown
    assert "75" in shown
    assert "PK113" in shown  # and its finding
    assert 'class="node chosen"' in dom
    assert not re.search(r"<body[^>]*data-pwned", dom)  # no script from the data ran
    # The filter and the count of the findings table ran too.
    assert re.search(r'class="shown"[^>]*>\d+ dari \d+ temuan<', dom)
    hostile = _browse(page, "#box=1:M1")
    assert not re.search(r"<body[^>]*data-pwned", hostile)
    assert "Indikator 1 &lt;img src=x" in hostile


# -- command line ---------------------------------------------------------------------------


def pohon_cli(*args: str, cwd: Path) -> Any:
    return subprocess.run(
        [sys.executable, "-m", "pohon", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "POHON_LANG": "id"},
        check=False,
    )


@needs_engine
def test_report_writes_one_file_and_lists_what_it_could_not_read(tmp_path: Path) -> None:
    (tmp_path / "rencana.yaml").write_bytes(SMALL.read_bytes())
    (tmp_path / "rusak.yaml").write_text("pohon: 1\nplan: [\n", encoding="utf-8")
    done = pohon_cli("report", "rencana.yaml", "rusak.yaml", "-o", "laporan.html", cwd=tmp_path)
    assert done.returncode == 2
    assert "rusak.yaml" in done.stderr
    text = (tmp_path / "laporan.html").read_text(encoding="utf-8")
    assert "Pohon Kinerja Kota Uji" in text
    assert "rusak.yaml" in text
    assert "tidak bisa dibaca" in text
    again = pohon_cli("report", "rencana.yaml", "-o", "laporan.html", cwd=tmp_path)
    assert again.returncode == 2
    assert "--force" in again.stderr
    onto_input = pohon_cli("report", "rencana.yaml", "-o", "rencana.yaml", "--force", cwd=tmp_path)
    assert onto_input.returncode == 2
    assert (tmp_path / "rencana.yaml").read_bytes() == SMALL.read_bytes()
    english = pohon_cli("report", "rencana.yaml", "--lang", "en", cwd=tmp_path)
    assert english.returncode == 0, english.stderr
    assert "Performance tree report" in english.stdout


def test_a_capability_adds_its_section_after_the_matrices() -> None:
    from html import escape

    from pohon.render.html_report import register_section

    plan = pohon.load(SMALL)

    def pagu_total(part: ReportPart, lang: str, year: int) -> tuple[str, str] | None:
        total = sum(n.pagu.get(year, 0) for n in part.plan.nodes if n.level == "program")
        return "Pagu <program>", f"<p>{escape(str(total))}</p>"

    text = html_report([_part(plan)], sections=[pagu_total])
    assert "<h3>Pagu &lt;program&gt;</h3>" in text
    assert text.index("Crosscutting: sasaran Pemda") < text.index("Pagu &lt;program&gt;")
    assert "<p>1000000000</p>" in text
    assert register_section(pagu_total) is pagu_total
    try:
        assert "Pagu &lt;program&gt;" in html_report([_part(plan)])
    finally:
        from pohon.render import html_report as module

        module.SECTIONS.remove(pagu_total)
    assert "Pagu &lt;program&gt;" not in html_report([_part(plan)])


def test_a_part_without_its_check_is_checked_and_bad_parts_are_refused() -> None:
    from pohon.render.html_report import ReportPart, html_report

    plan = pohon.example("mojokerto")
    page = html_report([ReportPart(plan)])
    assert "PK502" in page  # the report of the check made for it
    with pytest.raises(pohon.UsageError):
        html_report([plan])  # type: ignore[list-item]


def test_marks_that_hide_or_reorder_text_are_cleaned_from_the_page() -> None:
    from pohon.render.html_report import ReportPart, html_report

    plan = pohon.example("mojokerto")
    hidden = "Dinas\u202eKesehatan\u061c\U000e0041\u200b"
    nodes = list(plan.nodes)
    nodes[0] = nodes[0].model_copy(update={"name": hidden})
    page = html_report([ReportPart(plan.model_copy(update={"nodes": tuple(nodes)}))])
    for mark in ("\u202e", "\u061c", "\U000e0041", "\u200b"):
        assert mark not in page
    assert "DinasKesehatan" in page
