"""The bench command's JSON (issue 6) on the two seeds: what it counts, not how fast (no
timing assertions: the machines are noisy)."""

from __future__ import annotations

from conftest import SEEDS

from analysis.bench import run_bench
from analysis.corpus import iter_articles
from analysis.quotes import extract_quotes
from analysis.text import segment


def test_bench_counts_every_article_and_quote_in_each_pass():
    r = run_bench(str(SEEDS), n=2, jobs=1, stage_n=2)
    assert r["features"]["articles"] == r["vader"]["articles"] == 2
    assert r["features"]["errors"] == 0
    # quotes alone extracts what the quotes command would: the same count, in every pass
    expected = 0
    for a in iter_articles([SEEDS]):
        doc = segment(a.text, list(a.paragraphs) if a.paragraphs else None)
        expected += len(extract_quotes(doc).quotes)
    assert expected == 21  # the seeds' quotes, scare quotes included (see test_quotes.py)
    qa = r["quotes_alone"]
    assert qa["articles"] == 2 and qa["quotes"] == expected
    assert len(qa["passes"]) == 3
    assert qa["cpu_seconds"] in sorted(p["cpu_seconds"] for p in qa["passes"])[1:2]  # the median pass
    stages = r["stages"]["stages"]
    assert {"load", "clean", "segment", "mentions", "quotes", "sentiment", "tone"} <= set(stages)
    assert r["ratio"]["wall"] > 0 and r["peak_rss_mb"] > 0
