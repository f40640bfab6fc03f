"""Actors, emphasis, balance and sentiment about/by groups on the seeds, checked by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from analysis.analyze import ScoreCache, analyze
from analysis.corpus import Article
from analysis.emphasis import balance_index, balance_interval
from analysis.tables import features_record


@pytest.fixture(scope="module")
def seeds(seed_articles):
    cache = ScoreCache()
    return {o: analyze(a, cache=cache) for o, a in seed_articles.items()}, cache


def test_cgtn_gives_the_kremlin_more_voice_than_reuters(seeds):
    an, _ = seeds
    cgtn, reuters = features_record(an["CGTN"]), features_record(an["Reuters"])
    # CGTN: the Kremlin's accusation, Peskov's "war party" quote and Ushakov's reported speech.
    assert cgtn["kremlin_quotes"] == 3 and reuters["kremlin_quotes"] == 0
    assert cgtn["kremlin_voice_share"] > reuters["kremlin_voice_share"] == 0.0
    assert cgtn["last_voice"] in ("kremlin", "ukraine")  # ends on Ushakov, then Kyiv's reiterated demand


def _about(an, group, needle):
    text = an.article.text
    start = text.index(needle)
    return [s for s in an.scores if s.group == group and s.stance == "about" and s.start >= start
            and s.end <= start + len(needle)]


def test_restate_war_aims_is_negative_about_the_kremlin(seeds):
    an, _ = seeds
    sentence = ("While Russia welcomed the ceasefire proposal in principle, it also set conditions that essentially "
                "restate its war aims and Moscow has repeatedly rejected the idea")
    rows = _about(an["Reuters"], "kremlin", sentence)
    assert {an["Reuters"].article.text[r.start:r.end] for r in rows} == {"Russia", "Moscow"}
    assert np.mean([r.learned for r in rows]) < 0


def test_war_party_is_speech_by_the_kremlin_not_about_it(seeds):
    an, _ = seeds
    cgtn = an["CGTN"]
    text = cgtn.article.text
    q_start = text.index("Europe has embarked on a militarization")
    speaker = text.index("Kremlin spokesman Dmitry Peskov")
    by = [s for s in cgtn.scores if s.stance == "by" and s.start == q_start]
    assert len(by) == 1 and by[0].group == "kremlin" and by[0].where == "direct"
    # Peskov (the speaker mention) is not scored as a target of sentiment ...
    assert not [s for s in cgtn.scores if s.stance == "about" and s.start == speaker]
    # ... while Europe, named inside his quote, is: sentiment about the coalition, from a quote.
    europe = [s for s in cgtn.scores if s.stance == "about" and s.start == q_start]
    assert len(europe) == 1 and europe[0].group == "coalition" and europe[0].where == "quote"


def test_emphasis_by_hand(seeds):
    an, _ = seeds
    cgtn = {e.group: e for e in an["CGTN"].emphasis}
    reuters = {e.group: e for e in an["Reuters"].emphasis}
    # CGTN's headline names Ukraine and the UK; Reuters' scrape has no headline.
    assert cgtn["ukraine"].in_headline and cgtn["coalition"].in_headline and not cgtn["kremlin"].in_headline
    assert not any(e.in_headline for e in reuters.values())
    # Reuters' lede: "British Prime Minister Keir Starmer ... between Kyiv and Moscow."
    assert reuters["coalition"].first_sentence == 0 and reuters["kremlin"].first_sentence == 0
    # CGTN: first Kremlin mention is "Russian President Vladimir Putin" in sentence 1.
    assert cgtn["kremlin"].first_sentence == 1
    for e in [*cgtn.values(), *reuters.values()]:
        assert 0 <= e.sentence_share <= 1 and 0 <= e.word_share <= 1 and 0 <= e.prominence <= 1


def test_balance_index_formula():
    groups = ["kremlin", "coalition"]
    presence = np.array([[1, 0], [1, 1], [0, 1], [0, 1]], dtype=bool)
    assert balance_index(presence, groups) == pytest.approx((2 - 3) / (2 + 3))
    lo, hi = balance_interval(presence, groups, n_boot=500, seed=1)
    assert -1 <= lo <= -0.2 <= hi <= 1
    assert balance_interval(presence, groups, n_boot=500, seed=1) == (lo, hi)  # fixed seed
    assert math.isnan(balance_index(np.zeros((3, 2), dtype=bool), groups))


def test_no_actor_mentions_gives_zeros_and_nan():
    art = Article("x", "x.txt", text="The weather was mild. Nothing else happened.",
                  paragraphs=((0, 44, "body"),))
    rec = features_record(analyze(art))
    assert rec["kremlin_mentions"] == 0 and rec["n_quotes"] == 0
    assert math.isnan(rec["balance"]) and math.isnan(rec["kremlin_about_learned"])
    assert rec["kremlin_sentence_share"] == 0.0 and not rec["kremlin_in_lede"]


def test_error_article_is_an_empty_analysis():
    rec = features_record(analyze(Article("bad", "bad.bin", status="error", reason="not a text file")))
    assert (rec["status"], rec["n_sentences"], rec["n_quotes"]) == ("error", 0, 0)


def test_cache_scores_repeated_sentences_once(seed_articles):
    cache = ScoreCache()
    a = seed_articles["Reuters"]
    analyze(a, cache=cache)
    misses = cache.misses
    analyze(a, cache=cache)  # the same wire copy again: nothing new to score
    assert cache.misses == misses and cache.hits > 0
