"""Notebooks: thin and parameterised, and they run headless on the seeds (and on BASIL when present)."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT, shared

from analysis.report import notebooks_dir, run_notebooks

NOTEBOOKS = sorted(notebooks_dir().glob("[0-9][0-9]-*.ipynb"))
FIGURES = {"voice_share", "cue_verbs", "actor_positions", "sentiment_about", "sentiment_by", "balance",
           "distinctive_terms", "coverage_difference"}


def test_six_notebooks_starting_with_a_summary():
    assert [p.name[:2] for p in NOTEBOOKS] == ["00", "01", "02", "03", "04", "05"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_thin_and_parameterised(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    assert not any(re.search(r"^\s*(def|class)\s", src, re.M) for src in code)
    tagged = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1 and 'corpus = "seeds"' in "".join(tagged[0]["source"])
    assert all(not c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code"), "commit without outputs"


def test_run_on_seeds(tmp_path):
    reports = run_notebooks("seeds", out=tmp_path / "reports", figures=tmp_path / "figures", progress=False)
    assert [p.name for p in reports] == [p.stem + ".html" for p in NOTEBOOKS]
    assert {p.stem for p in (tmp_path / "figures").glob("*.png")} == FIGURES
    summary_html = reports[0].read_text(encoding="utf-8")
    assert "CGTN" in summary_html and "Reuters" in summary_html and "Traceback" not in summary_html
    assert "def " not in summary_html or "<pre" not in summary_html  # --no-input: no code shown


def test_run_on_a_basil_triplet(tmp_path):
    folder = shared("basil-2010-2016", "articles", "2015")
    reports = run_notebooks(str(folder / "2b9468af*.json"), actors=ROOT / "notebooks/actors-basil-2015-netanyahu.toml",
                            out=tmp_path / "reports", figures=tmp_path / "figures", progress=False)
    assert len(reports) == len(NOTEBOOKS)
    text = reports[0].read_text(encoding="utf-8")
    assert all(o in text for o in ("fox", "hpo", "nyt")) and "Obama administration" in text
    assert {p.stem for p in (tmp_path / "figures").glob("*.png")} == FIGURES
