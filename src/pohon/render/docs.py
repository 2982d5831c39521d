"""The rule reference: ``docs/rules.md`` in Markdown, and the text of ``pohon rule CODE``.

Generated from the registry of rules, so the documentation never drifts from the code::

    python -m pohon.render.docs docs/rules.md           # write the page
    python -m pohon.render.docs docs/rules.md --check   # exit 1 if the page is out of date
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pohon.findings import Lang
from pohon.findings.loading import LOAD_FAMILY
from pohon.render._common import plain_doc
from pohon.rules import FAMILIES, Rule
from pohon.rules.registry import documented

_SECTIONS: dict[Lang, tuple[str, str, str, str]] = {
    "id": ("Apa", "Mengapa", "Contoh", "Perbaikan"),
    "en": ("What", "Why", "Example", "Fix"),
}


def _family_title(family: str, lang: Lang) -> str:
    titles = FAMILIES.get(family)
    if titles is None:
        return family
    return titles[0] if lang == "id" else titles[1]


def by_family(rules: Iterable[Rule] | None = None) -> list[tuple[str, list[Rule]]]:
    """Rules grouped by family, families in their documented order, rules by code."""
    chosen = sorted(documented().values() if rules is None else rules, key=lambda r: r.code)
    order = {family: i for i, family in enumerate(FAMILIES)}
    groups: dict[str, list[Rule]] = {}
    for r in chosen:
        groups.setdefault(r.family, []).append(r)
    return sorted(groups.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))


# -- terminal text ------------------------------------------------------------------------


def _indent(text: str, prefix: str = "  ") -> str:
    return "\n".join(prefix + line if line.strip() else "" for line in text.splitlines())


def _templates(r: Rule, lang: Lang) -> list[tuple[str, str]]:
    pick = 0 if lang == "id" else 1
    return [(variant, texts[pick]) for variant, texts in r.messages.items()]


def rule_text(r: Rule, lang: Lang = "id") -> str:
    """The full documentation of one rule as terminal text (``pohon rule CODE``)."""
    what, why, example, fix = _SECTIONS[lang]
    if lang == "id":
        head = [
            f"{r.code} {r.slug}: {r.title}",
            f"({r.title_en})",
            f"Tingkat: {r.severity} · Famili: {_family_title(r.family, lang)}",
        ]
    else:
        head = [
            f"{r.code} {r.slug}: {r.title_en}",
            f"({r.title})",
            f"Severity: {r.severity} · Family: {_family_title(r.family, lang)}",
            "The explanation below is written in Indonesian.",
        ]
    parts = ["\n".join(head)]
    for title, body in (
        (what, r.doc.what),
        (why, r.doc.why),
        (example, r.doc.example),
        (fix, r.doc.fix),
    ):
        parts.append(f"{title}\n{_indent(plain_doc(body))}")
    if r.family == LOAD_FAMILY:
        if lang == "id":
            parts.append(
                "Masalah ini menghentikan pembacaan berkas: berkas tidak diperiksa, dan "
                "pohon check keluar dengan kode 2."
            )
        else:
            parts.append(
                "This problem stops the file from being read: it is not checked, and "
                "pohon check exits with code 2."
            )
        return "\n\n".join(parts) + "\n"
    templates = _templates(r, lang)
    label = "Pesan" if lang == "id" else "Message"
    if len(templates) == 1:
        parts.append(f"{label}\n{_indent(templates[0][1])}")
    else:
        parts.append(
            f"{label}\n" + "\n".join(f"  ({variant}) {text}" for variant, text in templates)
        )
    hint = r.hint[0 if lang == "id" else 1]
    parts.append(f"{'Saran' if lang == 'id' else 'Hint'}\n{_indent(hint)}")
    if lang == "id":
        parts.append(f"Pilih atau abaikan: --select {r.code} / --ignore {r.code}")
    else:
        parts.append(f"Select or ignore: --select {r.code} / --ignore {r.code}")
    return "\n\n".join(parts) + "\n"


def rules_table(rules: Iterable[Rule] | None = None, lang: Lang = "id") -> str:
    """All rules (or the given ones) as a text table, grouped by family (``pohon rules``)."""
    groups = by_family(rules)
    every = [r for _, group in groups for r in group]
    if not every:
        return ("tidak ada aturan" if lang == "id" else "no rules") + "\n"
    slug_width = max(len(r.slug) for r in every)
    lines: list[str] = []
    for family, group in groups:
        if lines:
            lines.append("")
        lines.append(_family_title(family, lang))
        for r in group:
            title = r.title if lang == "id" else r.title_en
            lines.append(f"  {r.code}  {r.severity:<7}  {r.slug:<{slug_width}}  {title}")
    lines.append("")
    count = len(every)
    if lang == "id":
        lines.append(f"{count} aturan; rincian satu aturan: pohon rule KODE")
    else:
        lines.append(f"{count} rule{'s' if count != 1 else ''}; details of one: pohon rule CODE")
    return "\n".join(lines) + "\n"


def rule_data(r: Rule) -> dict[str, Any]:
    """One rule's documentation as JSON-ready data."""
    return {
        "code": r.code,
        "slug": r.slug,
        "family": r.family,
        "severity": r.severity,
        "title": r.title,
        "title_en": r.title_en,
        "what": r.doc.what,
        "why": r.doc.why,
        "example": r.doc.example,
        "fix": r.doc.fix,
        "messages": {variant: {"id": t[0], "en": t[1]} for variant, t in r.messages.items()},
        "hint": {"id": r.hint[0], "en": r.hint[1]},
    }


def rules_json(rules: Iterable[Rule] | None = None) -> str:
    """Every rule's documentation as a JSON document ``{"rules": [...]}`` (``pohon rules -f json``)."""
    data = {"rules": [rule_data(r) for _, group in by_family(rules) for r in group]}
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# -- Markdown -----------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def _md(text: str) -> str:
    """Plain text safe inside Markdown prose and table cells."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def _code(text: str) -> str:
    """A Markdown code span around ``text``, whatever backticks it holds."""
    text = text.replace("\n", " ")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _span(rules: list[Rule]) -> str:
    codes = [r.code for r in rules]
    return codes[0] if len(codes) == 1 else f"{codes[0]}–{codes[-1]}"


_INTRO = """\
# Rujukan aturan pohon

<!-- Berkas ini dibuat dari registri aturan: python -m pohon.render.docs docs/rules.md
     Jangan disunting langsung; ubah docstring aturannya, lalu jalankan perintah itu. -->

Setiap aturan memeriksa satu hal yang diperiksa evaluator SAKIP secara manual pada pohon
kinerja: bentuk cascading, indikator, keselarasan dengan kerangka (Panca Cita, Asta Cita,
Nawa Bhakti Satya, SDGs), crosscutting antar-OPD, serta pagu dan kode nomenklatur. Setiap
temuan membawa kode aturan, node dan baris berkasnya, pesan yang spesifik, dan saran
perbaikan.

Kode aturan (misalnya `PK101`) tetap dan tidak pernah dipakai ulang untuk pemeriksaan lain.
Tingkat (severity):

- **error**: pohon kinerja tidak logis atau tidak lengkap; perbaiki sebelum ditetapkan.
  `pohon check` keluar dengan kode 1 bila ada temuan error.
- **warning**: kemungkinan besar keliru, atau akan dipertanyakan evaluator; tinjau.
- **info**: catatan untuk perencana; tidak harus diubah.

Memilih aturan, dengan awalan kode (`PK1`), kode lengkap, slug, atau nama famili:

```console
$ pohon check rpjmd.yaml --select PK1,PK2 --ignore PK108
$ pohon rule PK101          # dokumentasi satu aturan
$ pohon rules               # daftar semua aturan
```

```python
report = pohon.check(plan, select=["PK1"], ignore=["PK108"], severity={"PK107": "error"})
```
"""


_BLOCK_START = ("- ", "* ", "1. ", "```", "    ", "|", ">")


def _section(title: str, body: str) -> str:
    """``**Apa.** text``; a section holding paragraphs, lists or code gets its own line."""
    text = body.strip()
    if "\n\n" in text or text.startswith(_BLOCK_START):
        return f"**{title}.**\n\n{text}\n"
    return f"**{title}.** {text}\n"


def rules_markdown(rules: Iterable[Rule] | None = None) -> str:
    """The rule reference page (``docs/rules.md``), in Indonesian."""
    groups = by_family(rules)
    count = sum(len(group) for _, group in groups)
    out = [_INTRO]
    out.append(f"Ada {count} aturan dalam {len(groups)} famili.\n")
    out.append("## Daftar aturan\n")
    for family, group in groups:
        out.append(
            f"**{_md(_family_title(family, 'id'))}** ({_md(_family_title(family, 'en'))}), "
            f"{_span(group)}\n"
        )
        out.append("| Kode | Slug | Tingkat | Judul |")
        out.append("|---|---|---|---|")
        for r in group:
            out.append(
                f"| [{r.code}](#{r.code.lower()}) | {_code(r.slug)} | {r.severity} "
                f"| {_md(r.title)} |"
            )
        out.append("")
    for family, group in groups:
        out.append(f"## {_md(_family_title(family, 'id'))}\n")
        for r in group:
            out.append(f'<a id="{r.code.lower()}"></a>\n')
            out.append(f"### {r.code} · {_md(r.title)}\n")
            out.append(f"*{_md(r.title_en)}* · slug {_code(r.slug)} · tingkat **{r.severity}**\n")
            for title, body in zip(
                _SECTIONS["id"], (r.doc.what, r.doc.why, r.doc.example, r.doc.fix), strict=True
            ):
                out.append(_section(title, body))
            templates = r.messages.items()
            if len(templates) == 1:
                (texts,) = r.messages.values()
                out.append(f"**Pesan:** {_code(texts[0])}  ")
                out.append(f"English: {_code(texts[1])}\n")
            else:
                out.append("**Pesan:**\n")
                for variant, texts in templates:
                    out.append(f"- {_code(variant)}: {_code(texts[0])}  ")
                    out.append(f"  English: {_code(texts[1])}")
                out.append("")
            out.append(f"**Saran:** {_code(r.hint[0])}  ")
            out.append(f"English: {_code(r.hint[1])}\n")
            if r.per_node:
                out.append(
                    "**Satu temuan per node:** beberapa indikator satu node dengan masalah yang "
                    "sama menjadi satu temuan; pesannya menyebut indikator lainnya "
                    '(`; juga indikator "…"`), dan datanya menyimpan masing-masing di `also`.\n'
                )
    return "\n".join(out).rstrip("\n") + "\n"


# -- command line -------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pohon.render.docs",
        description="Tulis rujukan aturan (Markdown) dari registri aturan pohon.",
    )
    parser.add_argument("path", nargs="?", help="berkas tujuan; tanpa ini, cetak ke stdout")
    parser.add_argument(
        "--check",
        action="store_true",
        help="jangan menulis; keluar dengan kode 1 bila berkas berbeda dari hasil registri",
    )
    args = parser.parse_args(argv)
    text = rules_markdown()
    if args.path is None:
        if args.check:
            parser.error("--check butuh path berkas")
        sys.stdout.write(text)
        return 0
    path = Path(args.path)
    if args.check:
        try:
            current = path.read_text(encoding="utf-8")
        except OSError as exc:
            print(f"{path}: tidak bisa dibaca ({exc.strerror})", file=sys.stderr)
            return 1
        if current != text:
            print(
                f"{path} tidak sesuai dengan registri aturan; jalankan: "
                f"python -m pohon.render.docs {path}",
                file=sys.stderr,
            )
            return 1
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
