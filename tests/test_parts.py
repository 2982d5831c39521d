"""A Pemda plan in many files: the RPJMD and each OPD's Renstra checked as one plan."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import pohon

PEMDA = {"visi", "misi", "tujuan", "sasaran"}


def _split(folder: Path) -> list[Path]:
    """The example kept as Bappeda and the OPDs keep it: the RPJMD, and one file per OPD."""
    plan = pohon.example("mojokerto")
    rpjmd = plan.model_copy(update={"nodes": tuple(n for n in plan.nodes if n.level in PEMDA)})
    files = [folder / "rpjmd.yaml"]
    pohon.dump(rpjmd, files[0])
    for opd in plan.opds:
        nodes = tuple(n for n in plan.nodes if n.opd == opd.id and n.level not in PEMDA)
        if nodes:
            part = plan.model_copy(update={"opds": (opd,), "nodes": nodes})
            files.append(folder / "renstra" / f"{opd.id}.yaml")
            files[-1].parent.mkdir(exist_ok=True)
            pohon.dump(part, files[-1])
    return files


def _pohon(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pohon", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_parts_joined_give_the_findings_of_the_whole_plan_in_their_files(tmp_path: Path) -> None:
    files = _split(tmp_path)
    joined = pohon.load_all(files)
    assert joined == pohon.example("mojokerto").model_copy(
        update={"opds": joined.opds}
    )  # the same nodes, in the same order
    whole = pohon.check(pohon.example("mojokerto"))
    parts = pohon.check(joined)
    assert sorted((d.code, d.node or "", d.message) for d in parts) == sorted(
        (d.code, d.node or "", d.message) for d in whole
    )
    dinkes = [d for d in parts if d.opd == "dinkes" and d.node is not None]
    assert dinkes
    assert all(Path(str(d.location.file)).name == "dinkes.yaml" for d in dinkes)
    assert all(d.location.line for d in dinkes)


def test_an_opd_file_alone_misses_the_rpjmd_and_with_it_does_not(tmp_path: Path) -> None:
    files = _split(tmp_path)
    dinkes = next(f for f in files if f.name == "dinkes.yaml")
    alone = pohon.check(pohon.load(dinkes))
    assert "PK117" in {d.code for d in alone}  # an OPD-only plan: not judged against the RPJMD
    together = pohon.check(pohon.load_all([files[0], dinkes]))
    assert "PK102" not in {d.code for d in together}


def test_a_parent_missing_from_every_file_is_still_pk102(tmp_path: Path) -> None:
    files = _split(tmp_path)
    dinkes = next(f for f in files if f.name == "dinkes.yaml")
    text = dinkes.read_text(encoding="utf-8").replace("parents: [T2]", "parents: [T99]", 1)
    assert "T99" in text
    dinkes.write_text(text, encoding="utf-8")
    report = pohon.check(pohon.load_all(files))
    missing = [d for d in report if d.code == "PK102"]
    assert len(missing) == 1
    assert Path(str(missing[0].location.file)).name == "dinkes.yaml"
    assert "T99" in missing[0].message


def test_a_node_defined_in_two_files_names_both(tmp_path: Path) -> None:
    files = _split(tmp_path)
    dinkes = next(f for f in files if f.name == "dinkes.yaml")
    copy = tmp_path / "renstra" / "salinan.yaml"
    copy.write_text(dinkes.read_text(encoding="utf-8"), encoding="utf-8")
    report = pohon.check(pohon.load_all([*files, copy]))
    twice = [d for d in report if d.code == "PK101"]
    assert twice
    first = twice[0]
    assert Path(str(first.location.file)).name == "salinan.yaml"
    assert "dinkes.yaml:" in first.message


def test_cli_satu_rencana_with_a_folder_and_a_broken_part(tmp_path: Path) -> None:
    _split(tmp_path)
    (tmp_path / "renstra" / "rusak.yaml").write_text("pohon: 1\nplan: [\n", encoding="utf-8")
    done = _pohon(
        "check", "--satu-rencana", "rpjmd.yaml", "renstra", "--format", "json", cwd=tmp_path
    )
    assert done.returncode == 2  # the broken part is reported, the rest still checked
    data = json.loads(done.stdout)
    assert data["summary"]["checked"] == 1
    assert data["summary"]["unreadable"] == 1
    assert data["summary"]["nodes"] == len(pohon.example("mojokerto").nodes)
    files = {Path(d["location"]["file"]).name for d in data["diagnostics"] if d["node"]}
    assert "dinkes.yaml" in files


def test_parts_of_different_schemes_are_refused(tmp_path: Path) -> None:
    files = _split(tmp_path)
    other = tmp_path / "provinsi.yaml"
    plan = pohon.load(files[1])
    pohon.dump(
        plan.model_copy(update={"info": plan.info.model_copy(update={"scheme": "tematik"})}),
        other,
    )
    with pytest.raises(pohon.LoadError) as caught:
        pohon.load_all([files[0], other])
    assert "skema" in str(caught.value)


def test_load_all_wants_a_list() -> None:
    with pytest.raises(pohon.UsageError):
        pohon.load_all("rpjmd.yaml")  # type: ignore[arg-type]
