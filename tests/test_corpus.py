"""Loading: seeds with and without the manifest, every input format, encodings."""

from __future__ import annotations

import csv
import gzip
import html
import json
import shutil
from dataclasses import replace

import pytest
from conftest import CGTN, REUTERS, SEEDS, shared

from analysis.corpus import LoadOptions, decode, load_corpus
from analysis.tables import article_record


def test_seeds_with_manifest(seed_articles):
    assert set(seed_articles) == {"CGTN", "Reuters"}
    cgtn, reuters = seed_articles["CGTN"], seed_articles["Reuters"]
    assert cgtn.wire_source == "Xinhua News Agency"
    assert cgtn.title == "Military leaders discuss Ukraine defense plans in UK meeting"
    assert cgtn.date == reuters.date == "2025-03-20"
    assert reuters.byline == "Andrew MacAskill and Elizabeth Piper"
    assert reuters.wire_source == "Reuters" and reuters.dateline == "LONDON"
    assert all(a.status == "ok" and a.encoding == "utf-8" for a in (cgtn, reuters))


def test_seed_metadata_inferred_without_manifest(tmp_path):
    for f in (CGTN, REUTERS):
        shutil.copy(f, tmp_path / f.name)
    arts = {a.article_id: a for a in load_corpus(tmp_path)}
    cgtn = arts[CGTN.stem]
    reuters = arts[REUTERS.stem]
    # The CGTN page names CGTN only in its translator disclaimer and credits Xinhua.
    assert (cgtn.outlet, cgtn.wire_source) == ("CGTN", "Xinhua News Agency")
    assert cgtn.title == "Military leaders discuss Ukraine defense plans in UK meeting"
    # 'LONDON (Reuters) -' and the 'By ...' line.
    assert (reuters.outlet, reuters.wire_source, reuters.dateline) == ("Reuters", "Reuters", "LONDON")
    assert reuters.byline == "Andrew MacAskill and Elizabeth Piper"
    assert reuters.date is None  # not in the text; no guessing


def test_text_is_kept_byte_for_byte(seed_articles):
    assert seed_articles["CGTN"].text == CGTN.read_text(encoding="utf-8")
    assert seed_articles["Reuters"].text == REUTERS.read_text(encoding="utf-8")


def _paragraphs(article):
    return [" ".join(article.text[s:e].split()) for s, e, k in article.paragraphs if k in ("body", "heading")]


@pytest.fixture()
def formats_dir(tmp_path):
    """The Reuters seed as .txt, .html, .jsonl.gz and .csv, plus the CGTN seed as .json."""
    text = REUTERS.read_text(encoding="utf-8")
    (tmp_path / "reuters.txt").write_text(text, encoding="utf-8")
    paras = [line for line in text.split("\n") if line.strip()]
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paras)
    (tmp_path / "reuters.html").write_text(
        "<html><head><title>Reuters test page</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article>{body}</article><footer>Share this article</footer></body></html>", encoding="utf-8")
    with gzip.open(tmp_path / "reuters.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "r-jsonl", "source": "Reuters", "content": text}) + "\n")
    with open(tmp_path / "reuters.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["id", "outlet", "text"])
        w.writeheader()
        w.writerow({"id": "r-csv", "outlet": "Reuters", "text": text})
    cg = CGTN.read_text(encoding="utf-8")
    (tmp_path / "cgtn.json").write_text(json.dumps({"outlet": "CGTN", "text": cg}), encoding="utf-8")
    return tmp_path


def test_every_format_loads_like_the_txt(formats_dir):
    arts = load_corpus(formats_dir)
    by_fmt = {a.source_format: a for a in arts}
    assert set(by_fmt) == {"txt", "html", "jsonl.gz", "csv", "json"}
    ref = by_fmt["txt"]
    for fmt in ("html", "jsonl.gz", "csv"):
        a = by_fmt[fmt]
        assert a.status == "ok", (fmt, a.reason)
        assert _paragraphs(a) == _paragraphs(ref), fmt
        assert (a.outlet, a.byline, a.wire_source) == ("Reuters", ref.byline, "Reuters"), fmt
        assert article_record(a)["n_words"] == article_record(ref)["n_words"] == 443
    assert by_fmt["html"].title == "Reuters test page"
    assert by_fmt["jsonl.gz"].article_id == "r-jsonl" and by_fmt["csv"].article_id == "r-csv"
    assert _paragraphs(by_fmt["json"])[0].startswith("Military chiefs from around 30 countries")


def test_configurable_field_names(tmp_path):
    rows = [{"story": "Peskov said talks would continue.", "paper": "TASS"}]
    (tmp_path / "x.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    opts = replace(LoadOptions(), text_fields=("story",), outlet_fields=("paper",))
    [a] = load_corpus(tmp_path, options=opts)
    assert (a.outlet, a.status) == ("TASS", "ok")
    [b] = load_corpus(tmp_path)
    assert b.status == "error" and "no text field" in b.reason


def test_basil_style_paragraph_lists(tmp_path):
    rec = {"source": "nyt", "title": "T", "body-paragraphs": str([["First sentence.", "Second."], ["Next para."]])}
    (tmp_path / "b.json").write_text(json.dumps(rec), encoding="utf-8")
    [a] = load_corpus(tmp_path)
    assert a.text == "First sentence. Second.\n\nNext para."


@pytest.mark.parametrize(
    "raw, text, encoding",
    [
        ("Peskov said “no”.".encode(), "Peskov said “no”.", "utf-8"),
        (b"\xef\xbb\xbf" + "Kyiv’s view".encode(), "Kyiv’s view", "utf-8-sig"),
        ("Kyiv’s view".encode("utf-16"), "Kyiv’s view", "utf-16"),
        ("He said “war party”.".encode("cp1252"), "He said “war party”.", "cp1252"),
    ],
)
def test_decode(raw, text, encoding):
    assert decode(raw) == (text, encoding)


@pytest.mark.parametrize("raw", [b"%PDF-1.4\n...", b"\x89PNG\r\n\x1a\n\x00\x00", bytes(range(256)) * 4])
def test_decode_refuses_binary(raw):
    with pytest.raises(ValueError, match="not a text file"):
        decode(raw)


def test_nothing_dropped(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "bad.jsonl").write_text('{"text": "ok one"}\n{broken\n{"title": "no text"}\n', encoding="utf-8")
    arts = load_corpus(tmp_path)
    got = {(a.article_id, a.status) for a in arts}
    assert got == {("bad:1", "ok"), ("bad:2", "error"), ("bad:3", "error"), ("empty", "error"),
                   ("notes.pdf", "error")}
    reasons = {a.article_id: a.reason for a in arts}
    assert reasons["bad:2"].startswith("line 2: malformed JSON")
    assert reasons["notes.pdf"] == "unsupported file type .pdf"


def test_duplicate_ids_are_renamed_not_dropped(tmp_path):
    lines = [json.dumps({"id": "same", "text": f"Article {i} text."}) for i in range(3)]
    (tmp_path / "d.jsonl").write_text("\n".join(lines), encoding="utf-8")
    arts = load_corpus(tmp_path)
    assert [a.article_id for a in arts] == ["same", "same#2", "same#3"]
    assert [a.status for a in arts] == ["ok", "warning", "warning"]


def test_manifest_is_not_an_article():
    assert {a.path.rsplit("/", 1)[-1] for a in load_corpus(SEEDS)} == {CGTN.name, REUTERS.name}


def test_outlet_spellings_that_differ_in_case_are_unified(tmp_path, caplog):
    for i, outlet in enumerate(["nyt", "NYT", "nyt", "fox"]):
        (tmp_path / f"a{i}.json").write_text(
            json.dumps({"source": outlet, "body-paragraphs": [f"Story number {i} says the talks went on."]}),
            encoding="utf-8")
    arts = load_corpus([tmp_path])
    assert [a.outlet for a in arts] == ["nyt", "nyt", "nyt", "fox"]
    assert dict(arts[1].extra)["outlet_as_given"] == "NYT" and "outlet_as_given" not in dict(arts[0].extra)
    assert "'nyt' (2), 'NYT' (1) unified as 'nyt'" in caplog.text
    assert [a.outlet for a in load_corpus([tmp_path], unify_outlets=False)] == ["nyt", "NYT", "nyt", "fox"]


def test_basil_outlets_are_three():
    arts = load_corpus([shared("basil-2010-2016", "articles")])
    assert sorted({a.outlet for a in arts}) == ["fox", "hpo", "nyt"]
