"""Corpus pipeline (issues 6 and 7): the same records and bytes whatever the jobs or engine,
every input article in the output, atomic chunk files and resumable runs. No timing checks.

The corpus is the two seeds plus synthetic articles made in tmp_path, broken ones included.
A small sentiment model is trained on synthetic targets so that the tests do not depend on
the packaged model file (one test uses the packaged model, and skips when it is absent).
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS

from analysis.corpus import LoadOptions, iter_articles
from analysis.pipeline import TABLES, _finish_deferred, analyze_corpus, iter_features
from analysis.tables import MENTION_FIELDS, QUOTE_FIELDS, SCORE_FIELDS

SENTENCES = [
    'Russian President Vladimir Putin said on Monday that "the West is waging a war against Russia."',
    "British Prime Minister Keir Starmer rejected the claim and praised the coalition of the willing.",
    '"We will stand with Ukraine for as long as it takes," Starmer told reporters in London.',
    "Kremlin spokesman Dmitry Peskov called the European plan dangerous, according to Russian media.",
    "Ukrainian President Volodymyr Zelensky thanked Britain and France for their support.",
    "U.S. President Donald Trump said a deal was close, but gave no details.",
    "The talks will continue next week in Paris, officials said.",
    "Critics warned that the plan could fail without American backing.",
]


def _article_text(i: int) -> str:
    """A few paragraphs built from SENTENCES; varied by i, with a repeated wire sentence."""
    k = len(SENTENCES)
    paras = [" ".join(SENTENCES[(i + j + m) % k] for m in range(2)) for j in range(1 + i % 4)]
    paras.append(SENTENCES[0])  # the same sentence in every article: exercises the score cache
    return "\n\n".join(paras)


def make_corpus(root: Path) -> Path:
    """Seeds, ~20 JSONL records (some broken), odd text files and a CSV, under ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(SEEDS, root / "seeds")
    lines = []
    for i in range(20):
        rec = {"id": f"syn{i:02d}", "outlet": ["Outlet A", "Outlet B", "Outlet C"][i % 3],
               "date": f"2025-03-{1 + i % 28:02d}", "title": f"Talks on Ukraine, part {i}",
               "text": _article_text(i), "topic": "ukraine" if i % 2 else None}
        if i % 5 == 0:
            rec["bias_label"] = "center"
        lines.append(json.dumps(rec, ensure_ascii=False))
    lines[3] = '{"id": "broken", "text": "unterminated'  # malformed JSON
    lines[7] = json.dumps({"id": "notext", "outlet": "Outlet B"})  # no text field
    lines[11] = json.dumps({"id": "blank", "text": "   "})  # empty text
    lines[15] = json.dumps({"id": "syn00", "text": _article_text(15)})  # duplicate id
    lines.insert(9, "")  # a blank line is skipped, not an article
    (root / "synthetic.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # cp1252 text with a body, and cp1252 text that is page furniture only (an error).
    (root / "cp1252.txt").write_bytes(b"Putin said \x93no\x94 to Starmer.\n\nZelensky disagreed.")
    (root / "furniture.txt").write_bytes(b"Search Trends\n\nMore from Caf\xe9 News\n")
    (root / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00data")
    (root / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")
    (root / "empty.txt").write_bytes(b"")
    with (root / "table.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "outlet", "text"])
        w.writerow(["c1", "Outlet C", _article_text(3)])
        w.writerow(["c2", "Outlet C", _article_text(4), "an extra cell"])
        w.writerow(["c3", "Outlet C", ""])
    return root


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def model(tmp_path_factory) -> str:
    """A tiny learned model, trained here on synthetic targets (a second or so)."""
    from analysis.sentiment import TargetSentimentClassifier

    X, y = [], []
    words = {"positive": ["praised", "thanked", "welcomed", "supported"],
             "negative": ["attacked", "blamed", "condemned", "threatened"],
             "neutral": ["met", "called", "visited", "saw"]}
    for label, verbs in words.items():
        for v in verbs:
            for name in ("Putin", "Starmer", "Zelensky"):
                s = f"The minister {v} {name} on Monday."
                X.append((s, s.index(name), s.index(name) + len(name)))
                y.append(label)
    path = tmp_path_factory.mktemp("model") / "model.json"
    TargetSentimentClassifier(max_iter=300).fit(X, y).save(path)
    return str(path)


def _key(records) -> str:
    """A stable text form of records (NaN included) for exact comparison."""
    return json.dumps(records, sort_keys=False, allow_nan=True, default=str)


def _tree(d: Path) -> dict[str, str]:
    return {p.relative_to(d).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(d.rglob("*")) if p.is_file()}


def test_deferred_cleaning_matches_the_loader(corpus):
    """Workers clean articles loaded with clean=False; the result must be what iter_articles gives."""
    raw = list(iter_articles([corpus], options=LoadOptions(clean=False)))
    expected = list(iter_articles([corpus]))
    got = [_finish_deferred(a, LoadOptions()) for a in raw]
    assert got == expected
    by_id = {a.article_id: a for a in expected}
    # The cases the equivalence rests on are really in the corpus.
    assert by_id["furniture"].status == "error" and "cp1252" not in by_id["furniture"].reason
    assert by_id["cp1252"].status == "warning" and "cp1252" in by_id["cp1252"].reason
    assert by_id["syn00#2"].status == "warning" and "duplicate" in by_id["syn00#2"].reason
    assert "more cells than columns" in by_id["c2"].reason


def test_every_article_appears_in_order_with_status(corpus, model):
    expected = list(iter_articles([corpus]))
    recs = list(iter_features([corpus], model=model, progress=False))
    assert [r["article_id"] for r in recs] == [a.article_id for a in expected]
    assert len({tuple(r) for r in recs}) == 1  # one schema for every record
    errors = {r["article_id"]: r["reason"] for r in recs if r["status"] == "error"}
    assert {"synthetic:4", "notext", "blank", "binary", "notes.pdf", "empty", "furniture", "c3"} <= set(errors)
    assert all(errors.values()), "every error has a reason"
    ok = [r for r in recs if r["status"] != "error"]
    assert sum(r["n_quotes"] for r in ok) > 10 and sum(r["kremlin_mentions"] for r in ok) > 10
    assert any(not math.isnan(r["balance"]) for r in ok)
    assert {"topic", "bias_label", "url"} <= set(recs[0])  # extra input fields are fixed columns


def test_records_identical_across_jobs(corpus, model):
    kw = dict(model=model, progress=False, batch_size=3, chunk_size=7)
    one = list(iter_features([corpus], jobs=1, **kw))
    two = list(iter_features([corpus], jobs=2, **kw))
    assert _key(one) == _key(two)
    assert _key(one) == _key(list(iter_features([corpus], jobs=2, model=model, progress=False)))


def test_analysis_failure_keeps_the_article(corpus, model, monkeypatch):
    import analysis.quotes

    def boom(doc, **kw):
        if "Zelensky thanked" in doc.text:
            raise RuntimeError("synthetic failure")
        return real(doc, **kw)

    real = analysis.quotes.extract_quotes
    monkeypatch.setattr(analysis.quotes, "extract_quotes", boom)
    recs = list(iter_features([corpus], model=model, progress=False))
    failed = [r for r in recs if "analysis failed" in (r["reason"] or "")]
    assert failed and all(r["status"] == "error" for r in failed)
    assert "RuntimeError: synthetic failure" in failed[0]["reason"]
    assert len(recs) == len(list(iter_articles([corpus])))


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_tables_byte_identical_across_jobs(corpus, model, tmp_path, fmt):
    kw = dict(model=model, progress=False, fmt=fmt, chunk_size=6)
    s1 = analyze_corpus([corpus], out_dir=tmp_path / "j1", jobs=1, batch_size=4, **kw)
    s2 = analyze_corpus([corpus], out_dir=tmp_path / "j2", jobs=2, batch_size=4, **kw)
    assert _tree(tmp_path / "j1") == _tree(tmp_path / "j2")
    analyze_corpus([corpus], out_dir=tmp_path / "b1", jobs=2, batch_size=1, **kw)  # other batch boundaries
    assert _tree(tmp_path / "b1") == _tree(tmp_path / "j1")
    n = len(list(iter_articles([corpus])))
    assert s1["articles"] == n and sum(s1["status"].values()) == n and s1["status"]["error"] >= 6
    assert s1["chunks"] == math.ceil(n / 6) and s1["chunks_resumed"] == 0
    for t in TABLES:
        assert len(s1["tables"][t]["paths"]) == s1["chunks"]
        assert s1["tables"][t]["rows"] == s2["tables"][t]["rows"]
    assert s1["tables"]["features"]["rows"] == n
    assert all(s1["tables"][t]["rows"] > 0 for t in TABLES)


def test_tables_read_back(corpus, model, tmp_path):
    import pandas as pd

    s = analyze_corpus([corpus], out_dir=tmp_path, model=model, progress=False, chunk_size=5)
    feats = pd.read_parquet(tmp_path / "features")
    assert list(feats["article_id"]) == [a.article_id for a in iter_articles([corpus])]
    assert feats["n_words"].dtype == "int64" and feats["tone"].dtype == "float64"
    assert feats["kremlin_in_headline"].dtype == bool
    for table, fields in (("quotes", QUOTE_FIELDS), ("mentions", MENTION_FIELDS), ("scores", SCORE_FIELDS)):
        df = pd.read_parquet(tmp_path / table)
        assert list(df.columns) == fields and len(df) == s["tables"][table]["rows"]
        assert set(df["article_id"]) <= set(feats["article_id"])
    # Rows of each article stay together, in input order.
    order = {a: i for i, a in enumerate(feats["article_id"])}
    quotes = pd.read_parquet(tmp_path / "quotes")
    idx = [order[a] for a in quotes["article_id"]]
    assert idx == sorted(idx)


class Interrupt(Exception):
    pass


def test_interrupted_run_resumes_to_the_same_tables(corpus, model, tmp_path):
    kw = dict(model=model, chunk_size=5, batch_size=2)
    clean = analyze_corpus([corpus], out_dir=tmp_path / "clean", progress=False, **kw)

    def stop_after_12(done):
        if done >= 12:
            raise Interrupt

    out = tmp_path / "run"
    with pytest.raises(Interrupt):
        analyze_corpus([corpus], out_dir=out, jobs=2, progress=stop_after_12, **kw)
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["complete"] is False and len(manifest["chunks"]) == 2  # articles 0-9 written
    assert not [p for p in out.rglob("*") if p.name.endswith(".part")]  # no half-written file
    assert len(list((out / "features").iterdir())) == 2

    resumed = analyze_corpus([corpus], out_dir=out, progress=False, **kw)
    assert resumed["chunks_resumed"] == 2
    assert _tree(out) == _tree(tmp_path / "clean")
    assert resumed["status"] == clean["status"] and resumed["tables"]["quotes"]["rows"] == \
        clean["tables"]["quotes"]["rows"]

    # A lost chunk file is recomputed; a complete run is not redone.
    lost = sorted((out / "mentions").iterdir())[1]
    lost.unlink()
    again = analyze_corpus([corpus], out_dir=out, progress=False, **kw)
    assert again["chunks_resumed"] == clean["chunks"] - 1
    assert _tree(out) == _tree(tmp_path / "clean")
    assert analyze_corpus([corpus], out_dir=out, progress=False, **kw)["chunks_resumed"] == clean["chunks"]


def test_changed_options_or_inputs_start_cleanly(corpus, model, tmp_path):
    out = tmp_path / "out"
    first = analyze_corpus([corpus], out_dir=out, model=model, progress=False, chunk_size=5)
    (out / "features" / ".part-00001-0123456789abcdef.parquet.x.part").write_bytes(b"left by a killed run")
    second = analyze_corpus([corpus], out_dir=out, model=model, progress=False, chunk_size=8)
    assert second["fingerprint"] != first["fingerprint"] and second["chunks_resumed"] == 0
    names = {p.name for p in (out / "features").iterdir()}
    assert names == {Path(p).name for p in second["tables"]["features"]["paths"]}
    # Same options, changed input: a new fingerprint too.
    moved = tmp_path / "corpus2"
    shutil.copytree(corpus, moved)
    (moved / "synthetic.jsonl").write_text(
        (moved / "synthetic.jsonl").read_text(encoding="utf-8").replace("Paris", "Rome"), encoding="utf-8")
    third = analyze_corpus([moved], out_dir=out, model=model, progress=False, chunk_size=8)
    assert third["fingerprint"] != second["fingerprint"] and third["chunks_resumed"] == 0
    assert analyze_corpus([corpus], out_dir=out, model=model, progress=False, resume=False,
                          chunk_size=8)["chunks_resumed"] == 0


def test_empty_input_still_writes_readable_tables(tmp_path, model):
    import pandas as pd

    (tmp_path / "in").mkdir()
    s = analyze_corpus([tmp_path / "in"], out_dir=tmp_path / "out", model=model, progress=False)
    assert s["articles"] == 0 and s["chunks"] == 1
    assert len(pd.read_parquet(tmp_path / "out" / "features")) == 0


def test_bad_arguments(corpus, tmp_path):
    with pytest.raises(ValueError, match="engine"):
        list(iter_features([corpus], engine="spark"))
    with pytest.raises(ValueError, match="format"):
        analyze_corpus([corpus], out_dir=tmp_path, fmt="xlsx")
    with pytest.raises(ValueError, match="table"):
        analyze_corpus([corpus], out_dir=tmp_path, tables=("features", "words"))
    with pytest.raises(FileNotFoundError):
        list(iter_features([corpus], model=tmp_path / "missing.json"))


def test_packaged_model_and_actor_file(corpus, tmp_path):
    from analysis.sentiment import DEFAULT_MODEL_RESOURCE, _package_files

    if not _package_files().joinpath(DEFAULT_MODEL_RESOURCE).is_file():
        pytest.skip("the packaged sentiment model analysis/data/sentiment_model.json is absent")
    actors = Path(__file__).resolve().parents[1] / "analysis" / "data" / "actors.toml"
    a = list(iter_features([corpus], progress=False))
    b = list(iter_features([corpus], actors=actors, jobs=2, progress=False))
    assert _key(a) == _key(b)


# ------------------------------------------------------------------------------------------
# Dask: a 2-worker LocalCluster
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dask_client():
    distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")
    import logging

    try:
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                           dashboard_address=":0", silence_logs=logging.ERROR)
        client = distributed.Client(cluster, timeout="60s")
        client.wait_for_workers(2, timeout=60)
    except Exception as exc:  # no sockets, no process spawning, a sandbox...
        pytest.skip(f"dask.distributed could not start a 2-worker LocalCluster here: {exc!r}")
    yield client
    client.close()
    cluster.close()


def test_dask_records_and_tables_identical_to_local(corpus, model, tmp_path, dask_client):
    kw = dict(model=model, progress=False, chunk_size=6, batch_size=4)
    local = list(iter_features([corpus], jobs=1, **kw))
    dask = list(iter_features([corpus], engine="dask", scheduler=dask_client, **kw))
    assert _key(dask) == _key(local)
    analyze_corpus([corpus], out_dir=tmp_path / "local", **kw)
    analyze_corpus([corpus], out_dir=tmp_path / "dask", engine="dask", scheduler=dask_client, **kw)
    assert _tree(tmp_path / "local") == _tree(tmp_path / "dask")


def test_dask_engine_starts_its_own_cluster(corpus, model, dask_client):
    # dask_client only makes the test skip where a LocalCluster cannot start.
    local = list(iter_features([corpus], model=model, progress=False))
    own = list(iter_features([corpus], model=model, engine="dask", jobs=2, progress=False))
    assert _key(own) == _key(local)


def test_progress_bar_is_shown_for_more_than_a_few_articles(corpus, model, capsys):
    list(iter_features([corpus], model=model))
    assert "articles" in capsys.readouterr().err
    one = corpus / "seeds" / "reuters-2025-03-20-starmer-military-talks.txt"  # fewer than a few: no bar
    list(iter_features([one], model=model))
    assert capsys.readouterr().err == ""
