"""Segmentation: hand-checked sentence cases (tests/cases/sentences.json) and offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.text import count_words, segment, split_paragraphs, split_sentences, token_spans, word_spans

CASES = json.loads((Path(__file__).parent / "cases" / "sentences.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize(
    "case", [pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(reason=c["xfail"], strict=True)]
                          if "xfail" in c else []) for c in CASES])
def test_sentence_cases(case):
    text = case["text"]
    assert [text[s:e] for s, e in split_sentences(text)] == case["sentences"]


def test_paragraphs_single_and_double_newlines_and_crlf():
    text = "First para.\r\n\r\nSecond para.\nThird para.\n  \n"
    assert [text[s:e] for s, e in split_paragraphs(text)] == ["First para.", "Second para.", "Third para."]


def test_segment_seed_offsets(seed_articles):
    a = seed_articles["Reuters"]
    doc = segment(a.text, list(a.paragraphs))
    texts = [doc.sentence_text(s) for s in doc.sentences]
    assert "U.S. BACKSTOP?" in texts  # the heading is one 'sentence' of its own paragraph ...
    assert len(doc.body_sentences()) == len(texts) - 1  # ... and not a body sentence
    assert texts[0].startswith("British Prime Minister Keir Starmer said")
    assert doc.sentence_at(a.text.index("spokesperson told")).index == texts.index(
        "“They are going to get into the detail,” the spokesperson told reporters.")
    assert doc.sentence_at(0) is None  # the byline was removed by cleaning


def test_words_and_tokens():
    text = "Kyiv’s Russia-U.S. talks, don't stop: 3.5 percent."
    words = ["Kyiv’s", "Russia-U.S", "talks", "don't", "stop", "3.5", "percent"]
    assert [text[s:e] for s, e in word_spans(text)] == words
    assert count_words(text) == 7
    assert [text[s:e] for s, e in token_spans(text)][-2:] == ["percent", "."]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_spans_are_valid_for_any_text(text):
    doc = segment(text)
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= len(text)
        p = doc.paragraphs[s.paragraph]
        assert p.start <= s.start and s.end <= p.end
    for s, e in word_spans(text):
        assert 0 <= s < e <= len(text)
