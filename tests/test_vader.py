"""analysis.vader.FastVader must score exactly as vaderSentiment does, dict for dict."""

from __future__ import annotations

import gzip
import itertools
import json

import pytest
from conftest import SEEDS, shared
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.text import segment
from analysis.vader import FastVader

STOCK = SentimentIntensityAnalyzer()
FAST = FastVader()


def _same(text: str) -> None:
    a, b = STOCK.polarity_scores(text), FAST.polarity_scores(text)
    # repr as well as ==, so that 0.0 and -0.0 or 1 and 1.0 differences are caught too.
    assert (a, repr(a)) == (b, repr(b)), text


# Each case exercises one of VADER's rules (the comment names it).
EDGE = [
    "",
    "   ",
    "The meeting was good.",
    "The meeting was not good.",  # negation, one word back
    "It isn't really that bad at all.",  # n't, booster
    "This is never so good.",  # never so -> x1.25
    "Without doubt the best plan.",  # without doubt
    "There is no good answer, no hope or love.",  # "no" rules
    "no no no",
    "The plan is GREAT but the execution is TERRIBLE.",  # caps differential, but-check
    "GREAT PLAN",  # all caps: no differential
    "It was kind of good, sort of bad.",  # kind of
    "At least it is not the worst; the least good option.",  # least check
    "That movie was the bomb, a kiss of death for rivals.",  # special cases
    "He was very, very happy!!!",  # boosters, exclamation amplifier
    "Really?? Are you sure??? Is it good????",  # question amplifier
    "Good but bad but good",  # the but-check's list.index quirk
    "good good good bad bad bad but good",
    "I love it 😀 and hate it 😡",  # emoji path
    "Prices © 2024 are fair ® and good",  # non-ASCII emoji entries
    ":) :( ;-) good :D",  # emoticons kept by the punctuation strip
    "“Europe has effectively turned into somewhat of a war party,” Peskov said.",
    "The upper hand, cut the mustard, under the weather.",  # idioms (unused by the library)
    "Barely acceptable, hardly great, extremely terrible, totally awesome.",
    "EXTREMELY good news for the ALLY",  # capitalised booster
    "The committee met on Tuesday in Brussels.",  # no lexicon word: the neutral shortcut
    "The committee met on Tuesday, but then it left.",  # no lexicon word, with "but"
    "...",  # one token, no lexicon word
    "“Quoted” words – with dashes – are good",  # non-ASCII without emoji: the fast path
    "“Quoted” words ™ are good",  # non-ASCII with an emoji character: the library's path
    "Yeah right, that plan was good; to die for, a bad ass idea.",  # idioms after a lexicon word
    "It is just enough good and kind of bad.",  # multi-word boosters before a lexicon word
]


@pytest.mark.parametrize("text", EDGE)
def test_edge_cases_match_library(text):
    _same(text)


_WORDS = ["good", "bad", "not", "no", "never", "so", "this", "very", "kind", "of", "least", "at", "but",
          "without", "doubt", "or", "nor", "isn't", "GOOD", "BAD", "VERY", "the", "bomb", "kiss", "death",
          "!", "?", "great", "hate", "love", "sort", "war", "peace", "😀", "©", "a", "b", ":)", "hope",
          "yeah", "right", "just", "enough", "to", "die", "for", "“", "—", "met"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS), max_size=25), st.sampled_from(["", "!", "!!", "??", "?", "."]))
def test_random_word_soups_match_library(words, end):
    _same(" ".join(words) + end)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_arbitrary_text_matches_library(text):
    _same(text)


def test_seed_sentences_match_library():
    n = 0
    for path in SEEDS.glob("*.txt"):
        text = path.read_text("utf-8")
        doc = segment(text)
        for s in doc.sentences:
            _same(text[s.start:s.end])
            n += 1
    assert n > 40


def test_newsmtsc_and_abp_sentences_match_library():
    sents = [json.loads(line)["sentence_normalized"]
             for line in shared("newsmtsc", "dev_mt.jsonl").read_text("utf-8").splitlines() if line.strip()]
    with gzip.open(shared("abp-articles.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in itertools.islice(f, 150):
            text = json.loads(line)["text"]
            doc = segment(text)
            sents.extend(text[s.start:s.end] for s in doc.sentences)
    assert len(sents) > 5000
    for s in sents:
        _same(s)
