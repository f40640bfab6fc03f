"""Bad input never crashes and is never dropped (issue 7). Inputs are generated in tmp_path."""

from __future__ import annotations

import csv
import json
import math
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.actors import ActorError, load_actors
from analysis.analyze import ScoreCache, analyze
from analysis.corpus import load_corpus
from analysis.tables import features_record
from analysis.text import segment

CACHE = ScoreCache()


def _write_inputs(d: Path) -> None:
    rng = random.Random(7)
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "blank.txt").write_text("   \n\t\n  ", encoding="utf-8")
    (d / "random.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    (d / "paper.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (d / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (d / "cp1252.txt").write_bytes("Peskov said: \x93Europe is a war party.\x94 Starmer disagreed.".encode("latin-1"))
    (d / "utf16.txt").write_text("“We will defend the deal,” Starmer said.", encoding="utf-16")
    (d / "utf8bom.txt").write_text("\ufeff“They are going to get into the detail,” the spokesperson said.",
                                   encoding="utf-8")
    (d / "crlf.txt").write_bytes(b"Kyiv reiterated its demand.\r\n\r\n\"No deal without us,\" Zelensky said.\r\n")
    (d / "big.txt").write_text("Starmer met Macron in London and they discussed Ukraine. " * 90_000, encoding="utf-8")
    lines = "".join(f"Talks went on, round {i}, without a result.\n" for i in range(20_000))
    (d / "unclosed.txt").write_text('Putin said on Monday: "This never ends. ' + lines, encoding="utf-8")
    (d / "nobody.html").write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>",
                                   encoding="utf-8")
    (d / "broken.jsonl").write_text('{"id": "j1", "text": "Peskov told reporters."}\n{"id": \n'
                                    '{"id": "j3", "title": "no text"}\n[1, 2]\n', encoding="utf-8")
    with open(d / "notext.csv", "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([["id", "outlet"], ["c1", "TASS"]])
    (d / "dups.jsonl").write_text("\n".join(json.dumps({"id": "same", "text": f"Text {i}."}) for i in range(2)),
                                  encoding="utf-8")
    (d / "notes.docx").write_bytes(b"PK\x03\x04 not really")
    (d / "russian.txt").write_text("Песков заявил: «Европа превратилась в партию войны». Киев не согласен.",
                                   encoding="utf-8")
    (d / "chinese.txt").write_text("佩斯科夫说：“欧洲已经变成了战争党。”基辅表示反对。", encoding="utf-8")


EXPECTED = {  # input -> (status, words in the reason)
    "empty": ("error", "empty text"),
    "blank": ("error", "empty text"),
    "random": ("error", "not a text file"),
    "paper.pdf": ("error", "unsupported file type .pdf"),
    "image.png": ("error", "unsupported file type .png"),
    "cp1252": ("warning", "cp1252"),
    "utf16": ("ok", ""),
    "utf8bom": ("ok", ""),
    "crlf": ("ok", ""),
    "big": ("ok", ""),
    "unclosed": ("warning", "unclosed quote"),
    "nobody": ("error", "no article body"),
    "j1": ("ok", ""),
    "broken:2": ("error", "line 2: malformed JSON"),
    "j3": ("error", "no text field"),
    "broken:4": ("error", "line 4: malformed JSON: not a JSON object"),
    "notext": ("error", "CSV has no text column"),
    "same": ("ok", ""),
    "same#2": ("warning", "duplicate article id"),
    "notes.docx": ("error", "unsupported file type .docx"),
    "russian": ("ok", ""),
    "chinese": ("ok", ""),
}


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad")
    _write_inputs(d)
    out = {}
    for a in load_corpus(d):
        out[a.article_id] = features_record(analyze(a, cache=CACHE))
    return out


def test_every_input_has_a_record(records):
    assert set(records) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_status_and_reason(records, name):
    status, words = EXPECTED[name]
    rec = records[name]
    assert rec["status"] == status, rec["reason"]
    assert words in rec["reason"]
    assert "\n" not in rec["reason"]


def test_decoded_text_is_right(tmp_path):
    _write_inputs(tmp_path)
    arts = {a.article_id: a for a in load_corpus(tmp_path)}
    assert "“Europe is a war party.”" in arts["cp1252"].text
    assert arts["utf16"].encoding == "utf-16" and arts["utf8bom"].encoding == "utf-8-sig"
    ru = analyze(arts["russian"], cache=CACHE)
    assert any(q.text == "Европа превратилась в партию войны" for q in ru.quotes)


def test_unreadable_file(tmp_path, monkeypatch):
    p = tmp_path / "locked.txt"
    p.write_text("Peskov said so.", encoding="utf-8")
    real = Path.read_bytes

    def deny(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)  # root can read a chmod-000 file, so simulate it
    [a] = load_corpus(tmp_path)
    assert (a.status, a.reason) == ("error", "permission denied: cannot read the file")


def test_actor_file_errors_are_clear(tmp_path):
    p = tmp_path / "a.toml"
    p.write_text('[groups.k]\nlabel = "K"\ncolour = "#123456"\n\n[[actor]]\nname = "X"\ngroup = "nope"\n',
                 encoding="utf-8")
    with pytest.raises(ActorError, match=r"line 7: actor 'X' has unknown group 'nope'"):
        load_actors(p)


def _check(text: str) -> None:
    an = analyze(_article(text), cache=CACHE)
    for q in an.quotes:
        assert 0 <= q.start < q.end <= len(text) and text[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)
    for m in an.mentions:
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.surface
    rec = features_record(an)
    for k, v in rec.items():
        if k.endswith(("_share", "_position", "prominence")) and isinstance(v, float) and not math.isnan(v):
            assert 0 <= v <= 1, (k, v)
    for k in ("balance", "balance_low", "balance_high"):
        assert math.isnan(rec[k]) or -1 <= rec[k] <= 1


def _article(text: str):
    from analysis.clean import clean
    from analysis.corpus import Article

    c = clean(text)
    return Article("fuzz", "fuzz.txt", text=text, paragraphs=c.paragraphs, removed=c.removed)


NEWSY = st.lists(st.sampled_from(
    ["Peskov", " said", " “", "”", '"', "'", "’", " Putin", " Starmer", " told reporters", ",", ".", "\n", "\n\n",
     " the Kremlin", " accused", " Europe", " of", " «", "»", " he added", " U.S.", " according to", " Kyiv", " war"]),
    max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), NEWSY))
def test_analysis_never_raises_and_spans_are_exact(text):
    _check(text)


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(st.text(), NEWSY))
def test_long_fuzz(text):
    """The long fuzz run: `pytest -m slow tests/test_robustness.py` (not part of the default suite)."""
    _check(text)


def test_segment_handles_huge_single_paragraph():
    text = "word " * 1_000_000  # 5 MB, no punctuation, one paragraph
    doc = segment(text)
    assert len(doc.paragraphs) == 1 and len(doc.sentences) == 1
