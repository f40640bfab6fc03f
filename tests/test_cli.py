"""The command line contract: records, exit codes, one-line errors, atomic --out."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT, SEEDS


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True, cwd=cwd)


def test_articles_seeds():
    r = run("articles", str(SEEDS))
    assert r.returncode == 0, r.stderr
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert [x["outlet"] for x in recs] == ["CGTN", "Reuters"]
    assert recs[0]["wire_source"] == "Xinhua News Agency" and recs[1]["byline"].startswith("Andrew MacAskill")
    assert all(x["status"] == "ok" for x in recs)
    assert "Search Trends" not in recs[0]["clean_text"] and "I agree" not in recs[0]["clean_text"]
    assert {r["reason"] for r in recs[0]["removed"]} >= {"cookie banner", "photo credit", "repeated caption"}


def test_quotes_csv_fields():
    r = run("quotes", str(SEEDS), "--format", "csv")
    assert r.returncode == 0, r.stderr
    header = r.stdout.splitlines()[0].split(",")
    assert header[:12] == ["article_id", "path", "outlet", "kind", "text", "start", "end", "cue", "cue_class",
                           "speaker", "speaker_start", "speaker_end"]
    assert "Dmitry Peskov" in r.stdout and "Keir Starmer's spokesperson" in r.stdout


def test_quote_offsets_point_into_the_file():
    r = run("quotes", str(SEEDS))
    for line in r.stdout.splitlines():
        q = json.loads(line)
        text = open(q["path"], encoding="utf-8").read()
        assert text[q["start"]:q["end"]] == q["text"]
        if q["speaker_start"] is not None:
            assert q["speaker_end"] > q["speaker_start"]


def test_features_one_record_per_article_even_errors(tmp_path):
    (tmp_path / "a.txt").write_text("Peskov said Europe had turned into a war party.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    out = tmp_path / "out" / "features.csv"
    r = run("features", str(tmp_path), "--format", "csv", "--out", str(out))
    assert r.returncode == 0 and "1 of 2 inputs had errors" in r.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and ",error," in lines[2]
    assert not list(out.parent.glob(".*.part"))  # no temporary file left behind


def test_errors_are_one_line_without_traceback(tmp_path):
    r = run("articles", str(tmp_path / "missing"))
    assert r.returncode == 1 and r.stderr.startswith("error: no such file") and "Traceback" not in r.stderr
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    r = run("articles", str(tmp_path))
    assert r.returncode == 1 and "none of 1 inputs could be read" in r.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text("[groups.x]\ncolour = 'red'\n", encoding="utf-8")
    r = run("quotes", str(SEEDS), "--actors", str(bad))
    assert r.returncode == 2 and "line 2" in r.stderr and "Traceback" not in r.stderr
    r = run("nonsense-command")
    assert r.returncode == 2


def test_analyze_writes_tables_and_resumes(tmp_path):
    import pandas as pd

    out = tmp_path / "run"
    r = run("analyze", str(SEEDS), "--out", str(out), "--tables", "features,quotes")
    assert r.returncode == 0, r.stderr
    feats = pd.read_parquet(out / "features")
    assert list(feats["outlet"]) == ["CGTN", "Reuters"]
    quotes = pd.read_parquet(out / "quotes")
    assert "2 articles (0 errors)" in r.stderr and f"quotes {len(quotes)} rows" in r.stderr
    assert "Dmitry Peskov" in set(quotes["speaker"]) and not (out / "mentions").exists()
    again = run("analyze", str(SEEDS), "--out", str(out), "--tables", "features,quotes")
    assert again.returncode == 0 and "1 of 1 chunks reused" in again.stderr


def test_analyze_usage_errors(tmp_path):
    r = run("analyze", str(SEEDS), "--out", str(tmp_path), "--tables", "features,votes")
    assert r.returncode == 2 and r.stderr.startswith("error: unknown table(s) votes")
    r = run("analyze", str(SEEDS), "--out", str(tmp_path), "--scheduler", "tcp://x:1")
    assert r.returncode == 2 and "--scheduler needs --engine dask" in r.stderr
