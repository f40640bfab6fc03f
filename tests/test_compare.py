"""Outlet comparison: Fightin' Words by hand, coverage on the seeds, bootstrap intervals."""

from __future__ import annotations

import gzip
import itertools
import json
import math
import time

import numpy as np
import pandas as pd
import pytest
from conftest import SEEDS, shared

from analysis.compare import (
    COVERAGE_THRESHOLD,
    bootstrap_ci,
    bootstrap_stat,
    coverage_difference,
    fightin_words,
)

# --------------------------------------------------------------------------------------------
# Fightin' Words
# --------------------------------------------------------------------------------------------

A = {"war": 10, "peace": 2, "talks": 5}  # n_A = 17
B = {"war": 1, "peace": 8, "talks": 5}  # n_B = 14


def _text(counts: dict[str, int]) -> str:
    return " ".join(w for w, k in counts.items() for _ in range(k))


def _row(df, outlet, term):
    r = df[(df.outlet == outlet) & (df.term == term)]
    assert len(r) == 1
    return r.iloc[0]


def test_fightin_words_two_outlets_by_hand():
    # alpha0 = 31 = total count, so the corpus prior gives alpha_w = the term's total count:
    # war 11, peace 10, talks 10.
    df = fightin_words({"A": _text(A), "B": _text(B)}, prior="corpus", alpha0=31)
    war = _row(df, "A", "war")
    delta = math.log((10 + 11) / (17 + 31 - 10 - 11)) - math.log((1 + 11) / (14 + 31 - 1 - 11))
    var = 1 / (10 + 11) + 1 / (17 + 31 - 10 - 11) + 1 / (1 + 11) + 1 / (14 + 31 - 1 - 11)
    assert (war["count"], war["count_rest"]) == (10, 1)
    assert war["alpha"] == pytest.approx(11, abs=1e-12)
    assert war["delta"] == pytest.approx(delta, abs=1e-9)
    assert war["var"] == pytest.approx(var, abs=1e-9)
    assert war["z"] == pytest.approx(delta / math.sqrt(var), abs=1e-9)

    peace = _row(df, "A", "peace")
    delta = math.log((2 + 10) / (17 + 31 - 2 - 10)) - math.log((8 + 10) / (14 + 31 - 8 - 10))
    var = 1 / (2 + 10) + 1 / (17 + 31 - 2 - 10) + 1 / (8 + 10) + 1 / (14 + 31 - 8 - 10)
    assert peace["delta"] == pytest.approx(delta, abs=1e-9)
    assert peace["z"] == pytest.approx(delta / math.sqrt(var), abs=1e-9)

    # talks: 5 and 5, but A is longer, so A uses it relatively less.
    talks = _row(df, "A", "talks")
    delta = math.log((5 + 10) / (17 + 31 - 5 - 10)) - math.log((5 + 10) / (14 + 31 - 5 - 10))
    assert talks["delta"] == pytest.approx(delta, abs=1e-9) and delta < 0

    # Two outlets: B's rows mirror A's.
    for term in A:
        a, b = _row(df, "A", term), _row(df, "B", term)
        assert b["delta"] == pytest.approx(-a["delta"], abs=1e-12)
        assert b["z"] == pytest.approx(-a["z"], abs=1e-12)
        assert b["var"] == pytest.approx(a["var"], abs=1e-12)
    assert list(df.columns) == ["outlet", "term", "count", "count_rest", "alpha", "delta", "var", "z"]
    assert df[df.outlet == "A"].term.tolist() == ["war", "talks", "peace"]  # sorted by z


def test_fightin_words_fractional_prior_by_hand():
    df = fightin_words({"A": _text(A), "B": _text(B)}, alpha0=10)
    a = 10 * 11 / 31  # alpha_war = alpha0 * 11 / 31
    war = _row(df, "A", "war")
    delta = math.log((10 + a) / (17 + 10 - 10 - a)) - math.log((1 + a) / (14 + 10 - 1 - a))
    var = 1 / (10 + a) + 1 / (17 + 10 - 10 - a) + 1 / (1 + a) + 1 / (14 + 10 - 1 - a)
    assert war["alpha"] == pytest.approx(a, abs=1e-12)
    assert war["delta"] == pytest.approx(delta, abs=1e-9)
    assert war["z"] == pytest.approx(delta / math.sqrt(var), abs=1e-9)


def test_fightin_words_three_outlets_each_against_the_pooled_rest():
    C = {"war": 3}  # the rest of A is B + C: war 4, peace 8, talks 5; n = 17
    df = fightin_words({"A": _text(A), "B": _text(B), "C": _text(C)}, alpha0=34)
    # totals: war 14, peace 10, talks 10 (34 in all), so alpha_w = the total again.
    war = _row(df, "A", "war")
    assert (war["count"], war["count_rest"]) == (10, 4)
    delta = math.log((10 + 14) / (17 + 34 - 10 - 14)) - math.log((4 + 14) / (17 + 34 - 4 - 14))
    var = 1 / (10 + 14) + 1 / (17 + 34 - 10 - 14) + 1 / (4 + 14) + 1 / (17 + 34 - 4 - 14)
    assert war["delta"] == pytest.approx(delta, abs=1e-9)
    assert war["z"] == pytest.approx(delta / math.sqrt(var), abs=1e-9)
    # C (3 words, all "war") against A + B (31 words, 11 "war").
    c_war = _row(df, "C", "war")
    delta = math.log((3 + 14) / (3 + 34 - 3 - 14)) - math.log((11 + 14) / (31 + 34 - 11 - 14))
    assert c_war["delta"] == pytest.approx(delta, abs=1e-9)
    assert len(df) == 3 * 3  # every outlet gets every term, even "peace" with count 0 for C


def test_fightin_words_uniform_and_background_priors():
    texts = {"A": _text(A), "B": _text(B)}
    uni = _row(fightin_words(texts, prior="uniform", alpha0=3), "A", "peace")
    # alpha_w = 3 / 3 terms = 1
    delta = math.log((2 + 1) / (17 + 3 - 2 - 1)) - math.log((8 + 1) / (14 + 3 - 8 - 1))
    assert uni["alpha"] == pytest.approx(1, abs=1e-12)
    assert uni["delta"] == pytest.approx(delta, abs=1e-9)
    # Background keys are lowercased; "other" is not in the input and is ignored; the input's
    # own counts are added: b = war 9 + 11 = 20, peace 0 + 10, talks 0 + 10; alpha0 = 40.
    bg = pd.Series({"WAR": 9, "peace": 0, "other": 100})
    war = _row(fightin_words(texts, prior=bg, alpha0=40), "A", "war")
    delta = math.log((10 + 20) / (17 + 40 - 10 - 20)) - math.log((1 + 20) / (14 + 40 - 1 - 20))
    assert war["alpha"] == pytest.approx(20, abs=1e-12)
    assert war["delta"] == pytest.approx(delta, abs=1e-9)


def test_fightin_words_min_count_and_top_filter_rows_only():
    texts = {"A": _text(A) + " ceasefire", "B": _text(B)}
    full = fightin_words(texts)
    some = fightin_words(texts, min_count=2)
    assert "ceasefire" in set(full.term) and "ceasefire" not in set(some.term)
    merged = some.merge(full, on=["outlet", "term"], suffixes=("", "_full"))
    assert np.allclose(merged.z, merged.z_full, rtol=0, atol=1e-12)  # n still counts "ceasefire"
    top = fightin_words(texts, top=2)
    assert top.groupby("outlet").size().tolist() == [2, 2]
    assert set(top[top.outlet == "A"].term) == set(
        full[full.outlet == "A"].assign(a=lambda d: d.z.abs()).nlargest(2, "a").term)


def test_fightin_words_tokens_keep_us_and_merge_possessives():
    frame = pd.DataFrame({
        "outlet": ["X", "X", "Y"],
        "kind": ["heading", "body", "body"],
        "text": ["U.S. BACKSTOP?", "Starmer’s war and Starmer's talks", "Russia-U.S. war, the war"],
    })
    df = fightin_words(frame)
    counts = df[df.outlet == "X"].set_index("term")[["count", "count_rest"]]
    assert tuple(counts.loc["u.s."]) == (1, 1)  # the heading counts; "Russia-U.S." splits
    assert tuple(counts.loc["starmer"]) == (2, 0)
    assert tuple(counts.loc["war"]) == (1, 2)
    assert "s" not in counts.index and "backstop" in counts.index
    english = fightin_words(frame, stop_words="english")
    assert "the" not in set(english.term) and "and" not in set(english.term)


def test_fightin_words_refuses_rows_without_outlet_or_a_single_outlet():
    with pytest.raises(ValueError, match="no 'outlet'"):
        fightin_words(pd.DataFrame({"outlet": ["A", None], "text": ["war", "peace"]}))
    with pytest.raises(ValueError, match="two outlets"):
        fightin_words(pd.DataFrame({"outlet": ["A", "A"], "text": ["war", "peace"]}))
    with pytest.raises(ValueError, match="no column"):
        fightin_words(pd.DataFrame({"outlet": ["A"], "body": ["war"]}))
    with pytest.raises(ValueError, match="two distinct terms"):
        fightin_words({"A": "war", "B": "war war"})


def test_fightin_words_accepts_a_counter_background_and_lists_of_texts():
    from collections import Counter

    texts = {"A": ["war war war war war", "war war war war war peace peace talks talks talks talks talks"],
             "B": [_text(B)]}  # A is the same 17 words as before, in two documents
    # b = Counter + input counts: war 0 + 11, peace 5 + 10, talks 0 + 10 -> alpha0 = 36 gives alpha = b
    war = _row(fightin_words(texts, prior=Counter({"peace": 5}), alpha0=36), "A", "war")
    assert war["alpha"] == pytest.approx(11, abs=1e-12)
    delta = math.log((10 + 11) / (17 + 36 - 10 - 11)) - math.log((1 + 11) / (14 + 36 - 1 - 11))
    assert war["delta"] == pytest.approx(delta, abs=1e-9)


@pytest.fixture(scope="module")
def seed_sentences():
    from analysis.corpus import load_corpus
    from analysis.tables import sentences_frame

    return sentences_frame(load_corpus([SEEDS]))


def test_fightin_words_on_the_seeds(seed_sentences):
    df = fightin_words(seed_sentences)
    reuters = df[df.outlet == "Reuters"]
    assert "backstop" in reuters.term.head(3).tolist()
    # "U.S." 4 times in each (Reuters' heading "U.S. BACKSTOP?" included).
    us = _row(df, "Reuters", "u.s.")
    assert (us["count"], us["count_rest"]) == (4, 4)
    assert _row(df, "CGTN", "backstop")["z"] == pytest.approx(-_row(df, "Reuters", "backstop")["z"])


@pytest.mark.shared
def test_fightin_words_on_a_thousand_articles_takes_seconds():
    path = shared("abp-articles.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in itertools.islice(f, 1000)]
    frame = pd.DataFrame(rows)[["outlet", "text"]]
    t0 = time.perf_counter()
    df = fightin_words(frame, min_count=5, top=50)
    elapsed = time.perf_counter() - t0
    assert elapsed < 20, elapsed
    assert df.outlet.nunique() == frame.outlet.nunique()


# --------------------------------------------------------------------------------------------
# Coverage difference
# --------------------------------------------------------------------------------------------


def _find(df, outlet, needle):
    r = df[(df.outlet == outlet) & df.text.str.contains(needle, regex=False)]
    assert len(r) == 1, (outlet, needle, r.text.tolist())
    return r.iloc[0]


@pytest.fixture(scope="module")
def seed_coverage(seed_sentences):
    return coverage_difference(seed_sentences)


@pytest.mark.parametrize("outlet, needle", [
    ("CGTN", "war party"),  # Peskov
    ("CGTN", "Yuri Ushakov"),  # the next Russia-U.S. round in Riyadh
    ("Reuters", "much of the military planning depends on Trump agreeing"),
    ("Reuters", "Trump has yet to offer such a backstop"),  # ... and the minerals-deal argument
    ("Reuters", "pictured aboard a submarine"),
    ("Reuters", "meeting submariners"),
])
def test_coverage_what_only_one_outlet_reports(seed_coverage, outlet, needle):
    row = _find(seed_coverage, outlet, needle)
    assert row["unique"] and row["covered_by"] == ()
    assert row["similarity"] < 0.1


@pytest.mark.parametrize("outlet, needle, other", [
    # Trump's talks with Putin surprised / shocked Europe (cosine 0.377)
    ("CGTN", "surprised Europe", "shocked Europe"),
    ("Reuters", "shocked Europe", "surprised Europe"),
    # Britain/Starmer's leading role in organising Western support alongside France (0.282)
    ("Reuters", "leading role in organising", "leading role in organizing"),
])
def test_coverage_shared_facts_are_not_unique(seed_coverage, outlet, needle, other):
    row = _find(seed_coverage, outlet, needle)
    match = _find(seed_coverage, row["best_match_outlet"], other)
    assert not row["unique"] and row["covered_by"] == (match["outlet"],)
    assert row["best_match_article_id"] == match["article_id"]
    assert row["best_match_sentence"] == match["sentence"]
    assert row["similarity"] > 0.25


def test_coverage_threshold_sits_in_a_gap_on_the_seeds(seed_sentences, seed_coverage):
    # The same sentences are unique anywhere between 0.15 and 0.27: the default is not a knife edge.
    for t in (0.15, 0.25, 0.27):
        other = coverage_difference(seed_sentences, threshold=t)
        assert other.unique.tolist() == seed_coverage.unique.tolist()
    assert COVERAGE_THRESHOLD == 0.2
    assert seed_coverage.groupby("outlet").unique.sum().to_dict() == {"CGTN": 14, "Reuters": 13}


def test_coverage_quote_flag_and_shape(seed_sentences, seed_coverage):
    assert _find(seed_coverage, "CGTN", "war party")["is_quote"]
    assert not _find(seed_coverage, "CGTN", "Yuri Ushakov")["is_quote"]
    assert _find(seed_coverage, "Reuters", "They are going to get into the detail")["is_quote"]
    # the attribution words "told reporters" alone do not make a match
    assert _find(seed_coverage, "Reuters", "They are going to get into the detail")["similarity"] == 0
    assert len(seed_coverage) == len(seed_sentences)
    assert seed_coverage[["article_id", "sentence", "start", "end"]].equals(
        seed_sentences[["article_id", "sentence", "start", "end"]])
    assert list(seed_coverage.columns) == [
        "article_id", "outlet", "sentence", "start", "end", "text", "is_quote", "best_match_outlet",
        "best_match_article_id", "best_match_sentence", "similarity", "covered_by", "unique"]


def _sentences(rows):
    return pd.DataFrame([
        {"article_id": f"{o}-{e}", "outlet": o, "event": e, "sentence": i, "start": 0, "end": len(t),
         "text": t}
        for i, (o, e, t) in enumerate(rows)])


def test_coverage_three_outlets_and_events():
    df = _sentences([
        ("A", "e1", "Ceasefire talks resumed in Geneva on Monday."),
        ("A", "e1", "The minister resigned after the vote."),
        ("B", "e1", "Ceasefire talks resumed in Geneva."),
        ("C", "e1", "Ceasefire talks resumed in Geneva on Monday!"),
        ("C", "e1", "Floods hit the coast."),
        ("A", "e2", "Floods hit the coast."),  # same words, other event: must not cover C's sentence
        ("B", "e2", "A storm was forecast."),
        ("A", "e3", "Only one outlet here."),
    ])
    out = coverage_difference(df, event_col="event").set_index(["outlet", "event", "text"])
    first = out.loc[("A", "e1", "Ceasefire talks resumed in Geneva on Monday.")]
    assert first["covered_by"] == ("B", "C") and not first["unique"]
    assert first["best_match_outlet"] == "C" and first["similarity"] == pytest.approx(1.0)
    assert out.loc[("A", "e1", "The minister resigned after the vote.")]["unique"]
    floods = out.loc[("C", "e1", "Floods hit the coast.")]
    assert floods["unique"] and floods["similarity"] == 0 and pd.isna(floods["best_match_outlet"])
    alone = out.loc[("A", "e3", "Only one outlet here.")]
    assert alone["unique"] and math.isnan(alone["similarity"]) and alone["covered_by"] == ()
    assert "event" in coverage_difference(df, event_col="event").columns
    # Without events, the floods sentences now meet.
    pooled = coverage_difference(df).set_index(["outlet", "text"])
    assert not pooled.loc[("C", "Floods hit the coast."), "unique"]


def test_coverage_empty_table():
    empty = _sentences([]).reindex(columns=["article_id", "outlet", "sentence", "start", "end", "text"])
    out = coverage_difference(empty)
    assert len(out) == 0 and "unique" in out.columns


def test_coverage_refuses_missing_outlet():
    df = _sentences([("A", "e1", "War."), ("B", "e1", "Peace.")])
    df.loc[1, "outlet"] = None
    with pytest.raises(ValueError, match="no outlet"):
        coverage_difference(df)


# --------------------------------------------------------------------------------------------
# Bootstrap
# --------------------------------------------------------------------------------------------


def _frame():
    rng = np.random.default_rng(42)
    rows = [{"outlet": o, "article_id": f"{o}{a}", "v": float(rng.normal(i, 1))}
            for i, o in enumerate(["X", "Y", "Z"]) for a in range(4) for _ in range(rng.integers(3, 9))]
    return pd.DataFrame(rows)


@pytest.mark.parametrize("unit", ["sentence", "article"])
def test_bootstrap_ci_reproducible_and_contains_estimate(unit):
    df = _frame()
    a = bootstrap_ci(df, value="v", unit=unit, seed=7)
    assert a.equals(bootstrap_ci(df, value="v", unit=unit, seed=7))
    assert not a.equals(bootstrap_ci(df, value="v", unit=unit, seed=8))
    assert list(a.columns) == ["outlet", "estimate", "low", "high", "n_units", "n_boot"]
    assert (a.low < a.estimate).all() and (a.estimate < a.high).all()
    assert np.allclose(a.estimate, df.groupby("outlet").v.mean())
    assert a.n_units.tolist() == (df.groupby("outlet").size().tolist() if unit == "sentence" else [4, 4, 4])
    # A group's interval depends on its own rows and the seed only, not on the other groups.
    alone = bootstrap_ci(df[df.outlet == "Y"], value="v", unit=unit, seed=7)
    assert alone.iloc[0].equals(a.iloc[1])


def test_bootstrap_ci_constant_column_has_zero_width():
    df = _frame().assign(v=0.25)
    for unit in ("sentence", "article"):
        out = bootstrap_ci(df, value="v", unit=unit)
        assert (out.low == 0.25).all() and (out.high == 0.25).all() and (out.estimate == 0.25).all()


def test_bootstrap_sentence_unit_resamples_within_articles_and_article_unit_whole_articles():
    # Article a is all 0, article b all 1. Within articles nothing varies: the mean is always
    # 0.5. Drawing articles gives aa -> 0, ab/ba -> 0.5, bb -> 1 (probabilities 1/4, 1/2, 1/4).
    df = pd.DataFrame({"outlet": "X", "article_id": list("aaabbb"), "v": [0, 0, 0, 1, 1, 1.0]})
    within = bootstrap_ci(df, value="v", unit="sentence").iloc[0]
    assert (within.estimate, within.low, within.high) == (0.5, 0.5, 0.5)
    across = bootstrap_ci(df, value="v", unit="article", n_boot=4000).iloc[0]
    assert (across.estimate, across.low, across.high, across.n_units) == (0.5, 0.0, 1.0, 2)


def test_bootstrap_stat_two_values_by_hand():
    # Resamples of [0, 1]: (0,0) -> 0, (0,1)/(1,0) -> 0.5, (1,1) -> 1, with prob. 1/4, 1/2, 1/4.
    res = bootstrap_stat([0.0, 1.0], np.mean, n_boot=4000, seed=3)
    values, counts = np.unique(res.replicates, return_counts=True)
    assert values.tolist() == [0.0, 0.5, 1.0]
    # binomial sd of a count with p = 1/4 in 4000 draws is ~27; allow 4 sd
    assert abs(counts[0] - 1000) < 110 and abs(counts[1] - 2000) < 130 and abs(counts[2] - 1000) < 110
    assert (res.estimate, res.low, res.high, res.n_units, res.n_boot) == (0.5, 0.0, 1.0, 2, 4000)


def test_bootstrap_stat_clusters_of_unequal_size_by_hand():
    # Cluster A = [0], B = [1, 1, 1]: AA -> 0/2 = 0, AB -> 3/4, BB -> 6/6 = 1.
    res = bootstrap_stat([0.0, 1.0, 1.0, 1.0], np.mean, clusters=["A", "B", "B", "B"], n_boot=500)
    assert set(np.unique(res.replicates)) == {0.0, 0.75, 1.0}
    assert res.estimate == 0.75 and res.n_units == 2


def test_bootstrap_stat_balance_index_vectorised_equals_loop():
    k, c = np.array([1, 0, 2, 0, 3]), np.array([0, 1, 0, 0, 1])
    loop = bootstrap_stat({"k": k, "c": c}, lambda k, c: (k.sum() - c.sum()) / (k.sum() + c.sum()), seed=5)
    vec = bootstrap_stat({"k": k, "c": c}, vectorized=True, seed=5,
                         stat=lambda k, c: (k.sum(-1) - c.sum(-1)) / (k.sum(-1) + c.sum(-1)))
    assert loop.estimate == pytest.approx((6 - 2) / (6 + 2))
    assert np.array_equal(loop.replicates, vec.replicates)
    assert (loop.low, loop.high) == (vec.low, vec.high)
    assert loop.low <= loop.estimate <= loop.high


def test_bootstrap_stat_undefined_replicates_are_left_out():
    # Only row 0 has a mention: a replicate without it is 0/0 (prob. (1/2)^2 = 1/4).
    with np.errstate(invalid="ignore"):
        res = bootstrap_stat({"k": [1, 0], "c": [0, 0]},
                             lambda k, c: (k.sum() - c.sum()) / (k.sum() + c.sum()),
                             n_boot=2000)
    assert np.isnan(res.replicates).sum() == 2000 - res.n_boot
    assert 350 < 2000 - res.n_boot < 650
    assert (res.estimate, res.low, res.high) == (1.0, 1.0, 1.0)


def test_bootstrap_article_fast_path_matches_generic_clusters():
    df = _frame()
    fast = bootstrap_ci(df, value="v", unit="article", seed=1)  # per-article sums, vectorised
    slow = bootstrap_ci(df, value="v", unit="article", seed=1, stat=lambda x: float(np.mean(x)))
    cols = ["estimate", "low", "high"]
    assert np.allclose(fast[cols], slow[cols], rtol=0, atol=1e-12)


def test_bootstrap_one_unit_gives_no_interval_and_missing_values_are_errors():
    one = bootstrap_ci(pd.DataFrame({"outlet": ["X"], "article_id": ["a"], "v": [2.0]}), value="v").iloc[0]
    assert one.estimate == 2.0 and math.isnan(one.low) and math.isnan(one.high) and one.n_units == 1
    with pytest.raises(ValueError, match="no 'v'"):
        bootstrap_ci(pd.DataFrame({"outlet": ["X", "X"], "article_id": ["a", "a"], "v": [1.0, None]}),
                     value="v")
    with pytest.raises(ValueError, match="unit"):
        bootstrap_ci(_frame(), value="v", unit="paragraph")
