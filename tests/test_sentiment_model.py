"""Tests for analysis.sentiment (target-dependent sentiment)."""

from __future__ import annotations

import json
import logging
import math
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.base import clone

from analysis import sentiment as S

NEWSMTSC = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "newsmtsc"
needs_newsmtsc = pytest.mark.skipif(
    not (NEWSMTSC / "dev_rw.jsonl").is_file(),
    reason=f"NewsMTSC data not found at {NEWSMTSC}",
)


def span(sentence: str, mention: str, occurrence: int = 0) -> tuple[str, int, int]:
    """(sentence, start, end) of the n-th occurrence of mention."""
    start = -1
    for _ in range(occurrence + 1):
        start = sentence.index(mention, start + 1)
    return sentence, start, start + len(mention)


# A tiny synthetic training set: enough for the estimator mechanics, fast.
_POS = ["was praised for", "won applause for", "was celebrated for", "earned respect for"]
_NEG = ["was accused of", "was condemned for", "was blamed for", "faced criticism for"]
_NEU = ["spoke about", "travelled to discuss", "met officials about", "wrote a report on"]
_NAMES = ["Alice Smith", "Bob", "The ministry", "Senator Jones"]
_TOPICS = ["the budget", "the election", "the new policy"]


def _toy_data():
    X, y = [], []
    for label, phrases in (("positive", _POS), ("negative", _NEG), ("neutral", _NEU)):
        for phrase in phrases:
            for name in _NAMES:
                for topic in _TOPICS:
                    X.append(span(f"{name} {phrase} {topic} on Tuesday.", name))
                    y.append(label)
    return X, y


@pytest.fixture(scope="module")
def toy_model():
    X, y = _toy_data()
    return S.TargetSentimentClassifier(min_df=1).fit(X, y)


@pytest.fixture(scope="module")
def default_model():
    return S.load_default_model()


NEW_SENTENCES = [
    span("Carla Diaz was praised for her handling of the crisis.", "Carla Diaz"),
    span("Critics accused the company of hiding the losses.", "the company"),
    span("The mayor met the governor in Albany on Monday.", "the governor"),
    span("He said that Mr. Okafor was not to blame.", "Mr. Okafor"),
    span("Ed", "Ed"),
]


# ---------------------------------------------------------------- estimator


def test_fit_returns_self_and_sets_classes():
    X, y = _toy_data()
    est = S.TargetSentimentClassifier(min_df=1)
    assert est.fit(X, y) is est
    assert list(est.classes_) == ["negative", "neutral", "positive"]
    assert est.n_features_ > 0


def test_init_only_stores_params_and_clone_works():
    est = S.TargetSentimentClassifier(C=0.3, window=5)
    assert not hasattr(est, "model_")
    assert est.get_params()["C"] == 0.3
    copy = clone(est)
    assert copy.get_params() == est.get_params()


def test_predict_proba_rows_sum_to_one(toy_model):
    proba = toy_model.predict_proba(NEW_SENTENCES)
    assert proba.shape == (len(NEW_SENTENCES), 3)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert (proba >= 0).all()
    pred = toy_model.predict(NEW_SENTENCES)
    assert list(pred) == [toy_model.classes_[i] for i in proba.argmax(axis=1)]


def test_toy_model_learns_its_own_patterns(toy_model):
    X = [
        span("Dana Lee was praised for the plan.", "Dana Lee"),
        span("Dana Lee was accused of the plan.", "Dana Lee"),
        span("Dana Lee spoke about the plan.", "Dana Lee"),
    ]
    assert list(toy_model.predict(X)) == ["positive", "negative", "neutral"]


def test_accepts_dataframe(toy_model):
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(NEW_SENTENCES, columns=["text", "start", "end"])
    np.testing.assert_array_equal(toy_model.predict_proba(df), toy_model.predict_proba(NEW_SENTENCES))


@pytest.mark.parametrize(
    "bad",
    [("Short", 3, 2), ("Short", 0, 99), ("Short", -1, 2), ("Short", "0", 2), (None, 0, 1), ("x",)],
)
def test_invalid_spans_raise_value_error(toy_model, bad):
    with pytest.raises(ValueError):
        toy_model.predict([bad])


def test_fit_rejects_unknown_labels():
    X, y = _toy_data()
    y = ["good" if lab == "positive" else lab for lab in y]
    with pytest.raises(ValueError, match="unknown labels"):
        S.TargetSentimentClassifier(min_df=1).fit(X, y)


def test_fit_is_deterministic():
    X, y = _toy_data()
    a = S.TargetSentimentClassifier(min_df=1).fit(X, y).to_dict()
    b = S.TargetSentimentClassifier(min_df=1).fit(X, y).to_dict()
    assert a == b


# ---------------------------------------------------------------- persistence


@pytest.mark.parametrize("name", ["model.json", "model.json.gz"])
def test_save_load_round_trip_predicts_identically(toy_model, tmp_path, name):
    path = toy_model.save(tmp_path / name)
    loaded = S.TargetSentimentClassifier.load(path)
    np.testing.assert_array_equal(loaded.predict_proba(NEW_SENTENCES), toy_model.predict_proba(NEW_SENTENCES))
    assert loaded.get_params() == toy_model.get_params()


def test_model_file_is_plain_json_not_pickle(toy_model, tmp_path):
    path = toy_model.save(tmp_path / "model.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == S.MODEL_FORMAT
    assert doc["classes"] == ["negative", "neutral", "positive"]
    assert len(doc["coef"]) == 3


def test_load_rejects_foreign_json(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"format": "something-else"}')
    with pytest.raises(ValueError, match="not a"):
        S.TargetSentimentClassifier.load(path)


def test_committed_model_is_small_and_round_trips(default_model, tmp_path):
    resource = S._package_files().joinpath(S.DEFAULT_MODEL_RESOURCE)
    assert len(resource.read_bytes()) < 3_000_000
    assert S.load_default_model() is default_model  # cached
    loaded = S.TargetSentimentClassifier.load(default_model.save(tmp_path / "copy.json"))
    np.testing.assert_array_equal(loaded.predict_proba(NEW_SENTENCES), default_model.predict_proba(NEW_SENTENCES))


# ---------------------------------------------------------------- masking


@pytest.mark.parametrize(
    "template",
    [
        "{} was accused of ordering the attack on the city.",
        "Officials said {} had signed the agreement in Paris.",
        "The summit ended after {} praised the peace plan.",
    ],
)
def test_target_mention_is_masked(default_model, template):
    a = span(template.format("Putin"), "Putin")
    b = span(template.format("Emmanuel Macron"), "Emmanuel Macron")
    np.testing.assert_array_equal(default_model.predict_proba([a]), default_model.predict_proba([b]))


def test_target_position_matters(default_model):
    # Same sentence, different target: the window features must see the difference.
    sentence = "Smith attacked Jones over the corruption scandal."
    pa = default_model.predict_proba([span(sentence, "Smith")])
    pb = default_model.predict_proba([span(sentence, "Jones")])
    assert not np.array_equal(pa, pb)


# ---------------------------------------------------------------- committed model behaviour


@pytest.mark.parametrize(
    ("sentence", "mention", "label"),
    [
        ("Merkel was praised for her calm leadership during the crisis.", "Merkel", "positive"),
        ("The general was accused of war crimes by a United Nations panel.", "The general", "negative"),
        ("Johnson was widely criticized for lying to parliament.", "Johnson", "negative"),
        ("The senator will travel to Ohio on Thursday.", "The senator", "neutral"),
        ("Supporters hailed Ramirez as a hero who saved the factory.", "Ramirez", "positive"),
    ],
)
def test_clear_sentences(default_model, sentence, mention, label):
    assert default_model.predict([span(sentence, mention)])[0] == label


# ---------------------------------------------------------------- VADER baseline


def test_vader_is_cached_and_compound_has_the_right_sign():
    assert S.vader() is S.vader()
    assert S.vader_compound("This is a wonderful, great success.") > 0.05
    assert S.vader_compound("This is a terrible, horrible disaster.") < -0.05


def test_vader_classifier_interface():
    est = S.VaderTargetClassifier()
    assert est.fit() is est
    X = [
        span("Anna did a wonderful, great job.", "Anna"),
        span("Anna caused a terrible, horrible disaster.", "Anna"),
        span("Anna went to Berlin.", "Anna"),
    ]
    assert list(est.predict(X)) == ["positive", "negative", "neutral"]
    proba = est.predict_proba(X)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert list(est.classes_[proba.argmax(axis=1)]) == list(est.predict(X))
    np.testing.assert_allclose(est.sentiment_score(X), [S.vader_compound(x[0]) for x in X])


def test_vader_clause_scope_isolates_the_target_clause():
    X = [span("Tom won the award; the critics were furious and disgusted.", "Tom")]
    assert S.VaderTargetClassifier(scope="sentence").fit().predict(X)[0] == "negative"
    assert S.VaderTargetClassifier(scope="clause").fit().predict(X)[0] == "positive"


def test_score_api(default_model):
    s = S.score(NEW_SENTENCES)
    p = default_model.predict_proba(NEW_SENTENCES)
    np.testing.assert_allclose(s, p[:, 2] - p[:, 0])
    assert ((s >= -1) & (s <= 1)).all()
    v = S.score(NEW_SENTENCES, model="vader")
    np.testing.assert_allclose(v, [S.vader_compound(x[0]) for x in NEW_SENTENCES])
    with pytest.raises(ValueError, match="unknown model"):
        S.score(NEW_SENTENCES, model="bert")


# ---------------------------------------------------------------- record-level API


def _record():
    text = "Smith praised Jones, but Brown was furious."
    return {
        "sentence_normalized": text,
        "targets": [
            {"from": 0, "to": 5, "mention": "Smith", "polarity": 4.0},
            {"from": 14, "to": 19, "mention": "Jones"},
            {"from": 30, "to": 25, "mention": "Brown"},  # from >= to
            {"from": 25, "to": 999, "mention": "Brown"},  # out of range
            {"from": "25", "to": 30, "mention": "Brown"},  # not an int
            {"mention": "Brown"},  # no offsets
        ],
    }


@pytest.mark.parametrize("model", ["learned", "vader"])
def test_score_targets_marks_bad_offsets_without_raising(model):
    rec = _record()
    (out,) = list(S.score_targets([rec], model=model))
    good, bad = out["targets"][:2], out["targets"][2:]
    for t in good:
        assert t["predicted"] in S.CLASSES
        assert -1.0 <= t["score"] <= 1.0
        assert "error" not in t
    for t in bad:
        assert t["predicted"] is None
        assert isinstance(t["error"], str) and t["error"] and "\n" not in t["error"]
    assert out["targets"][0]["polarity"] == 4.0  # other fields kept
    assert "predicted" not in rec["targets"][0]  # input not mutated


def test_score_targets_handles_odd_records_and_batches():
    recs = [{"sentence_normalized": "No targets here.", "targets": []}, {"sentence_normalized": "x"}]
    recs += [_record()] * 600  # more than one internal batch
    out = list(S.score_targets(recs))
    assert len(out) == len(recs)
    assert out[0]["targets"] == []
    assert "error" in out[1]
    assert out[-1]["targets"][1]["predicted"] == out[2]["targets"][1]["predicted"]


def test_read_newsmtsc_skips_malformed_lines(tmp_path, caplog):
    good = {"sentence_normalized": "Smith spoke.", "targets": [{"from": 0, "to": 5, "polarity": 4.0}]}
    lines = [
        json.dumps(good),
        "{not json",
        "[1, 2]",
        json.dumps({"targets": []}),
        "",
        json.dumps({"sentence_normalized": "x", "targets": "nope"}),
        json.dumps(good),
    ]
    path = tmp_path / "d.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="analysis.sentiment"):
        recs = list(S.read_newsmtsc(path))
    assert recs == [good, good]
    text = caplog.text
    for lineno in (2, 3, 4, 6):
        assert f":{lineno}:" in text
    assert "skipped 4 malformed" in text


def test_evaluate_newsmtsc_small_file(tmp_path):
    rec = {
        "sentence_normalized": "Anna caused a terrible, horrible disaster.",
        "targets": [{"from": 0, "to": 4, "polarity": 2.0}, {"from": 0, "to": 99, "polarity": 2.0}],
    }
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    res = S.evaluate_newsmtsc(path, model="vader")
    assert res["n_targets"] == 1 and res["n_skipped"] == 1
    assert res["accuracy"] == 1.0
    assert res["per_class"]["negative"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1}
    assert res["macro_f1"] == pytest.approx(1 / 3)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=80), data=st.data())
def test_any_valid_span_gives_a_distribution(default_model, text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    p = default_model.predict_proba([(text, start, end)])
    assert np.isfinite(p).all()
    assert p.sum() == pytest.approx(1.0)


# ---------------------------------------------------------------- fast paths = plain definitions


def _plain_terms(text, start, end):
    """Masked sentence terms as defined: each side of the target tokenised on its own."""
    seq = S._tokenize(text[:start]) + [S._TARGET] + S._tokenize(text[end:])
    flags = S._negation_flags(seq, S._negators())
    marked = ["not_" + w if f else w for w, f in zip(seq, flags)]
    return marked + [a + " " + b for a, b in zip(marked, marked[1:])]


_TRICKY = [
    "Russia's army said Putin\u2019s men weren't good, but NATO is bad.",
    "\u039f\u0394\u039f\u03a3 \u03a3 Putin never",  # capital sigmas: lower() looks at neighbours
    "\u0130stanbul met Putin`s aide",  # dotted capital I: lower() gives two characters
    "no U.S. aid, nor the E.U.'s",
    "The committee met in Brussels.",  # no lexicon word: the dense block's shortcut
]


def _plain_clause(text, start, end):
    """The clause features as defined: scan to the nearest breaks, sum the lexicon words."""
    seq = S._tokenize(text[:start]) + [S._TARGET] + S._tokenize(text[end:])
    t = seq.index(S._TARGET)
    flags = S._negation_flags(seq, S._negators())
    lex = S._lexicon()
    vals = [(i, lex[w] * S._NEGATION_SCALAR if flags[i] else lex[w])
            for i, w in enumerate(seq) if w in lex and i != t]
    lo = t - 1
    while lo >= 0 and seq[lo] not in S._CLAUSE_BREAKS:
        lo -= 1
    hi = t + 1
    while hi < len(seq) and seq[hi] not in S._CLAUSE_BREAKS:
        hi += 1
    cp = sum(v for i, v in vals if lo < i < hi and v > 0)
    cn = -sum(v for i, v in vals if lo < i < hi and v < 0)
    return [S._squash(cp), S._squash(cn), S._compound(cp - cn)]


@pytest.mark.parametrize("text", _TRICKY + [
    "Good news, but the awful war, which Putin started, is bad; great hope remains.",
    "Putin attacked. Nobody praised the brutal war, and Zelensky did not fail",
])
def test_clause_features_match_plain_definition(default_model, text):
    # The extractor stops scanning for clause breaks at the outermost lexicon words.
    extract = default_model.model_.extract
    for start in range(0, len(text), 3):
        for end in range(start + 1, min(len(text), start + 12) + 1, 2):
            assert extract(text, start, end)[2][12:] == _plain_clause(text, start, end), (start, end)


def test_ascii_token_pattern_on_every_ascii_character():
    # ASCII sentences are tokenised with an explicit [0-9A-Za-z_] class instead of \w.
    chars = "".join(map(chr, range(128)))
    for text in (chars, chars[::-1], " ".join(chars), "don't 'quoted' it's__x9 a''b 'a'b'"):
        assert S._ASCII_TOKEN_RE.findall(text) == S._TOKEN_RE.findall(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_token_pattern_matches_unicode_one(text):
    assert S._ASCII_TOKEN_RE.findall(text) == S._TOKEN_RE.findall(text)


@pytest.mark.parametrize("text", _TRICKY)
def test_extractor_tokens_match_tokenising_each_side(default_model, text):
    # The extractor reads both sides off the whole normalised sentence when that is exact,
    # including spans that cut a token ("Putin" in "Putin's").
    extract = default_model.model_.extract
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            assert extract(text, start, end)[0] == _plain_terms(text, start, end), (start, end)


def _plain_rows(model, triples):
    """(column, value) entries of each row, term by term as the model file describes them."""
    m = model.model_
    out = []
    for triple in triples:
        sent, win, dense = m.extract(*triple)
        entries = []
        for terms, vocab, weight in ((sent, m.sent_vocab, m.w_sent), (win, m.win_vocab, m.w_win)):
            counts = Counter(vocab[x] for x in terms if x in vocab)  # first-seen order
            if not counts:
                continue
            if m.sublinear:
                ws = [float(m.idf_all[j]) * (1.0 + math.log(c) if c > 1 else 1.0) for j, c in counts.items()]
            else:
                ws = [float(m.idf_all[j]) * c for j, c in counts.items()]
            norm = weight / math.hypot(*ws)
            entries += [(j, w * norm) for j, w in zip(counts, ws)]
        entries += [(m.lex_offset + k, x * m.w_lex) for k, x in enumerate(dense)]
        out.append(entries)
    return out


def _encoded_rows(model, triples):
    val, cols, rows = model.model_._encode(model.model_.extract(*t) for t in triples)
    return [list(zip(cols[a:b].tolist(), val[a:b].tolist())) for a, b in zip(rows, rows[1:])]


def test_batched_weighting_equals_term_by_term(default_model):
    # Same columns, same order, bit-identical values: the logits are summed in this order.
    triples = NEW_SENTENCES + [(t, s, e) for t in _TRICKY for s, e in ((0, 3), (4, 9), (len(t) - 5, len(t)))]
    assert _encoded_rows(default_model, triples) == _plain_rows(default_model, triples)


def test_batched_weighting_equals_term_by_term_other_options():
    X, y = _toy_data()
    est = S.TargetSentimentClassifier(min_df=1, sublinear_tf=False, w_sent=0.5, w_win=2.0, w_lex=3.0).fit(X, y)
    triples = X[::7] + [span("Bob was praised for the budget, the budget and the budget.", "Bob")]
    assert _encoded_rows(est, triples) == _plain_rows(est, triples)


# ---------------------------------------------------------------- real data (skipped without it)


@needs_newsmtsc
@pytest.mark.parametrize(("name", "minimum"), [("dev_rw.jsonl", 0.68), ("dev_mt.jsonl", 0.64)])
def test_learned_model_on_newsmtsc_dev(name, minimum):
    res = S.evaluate_newsmtsc(NEWSMTSC / name)
    assert res["n_targets"] > 300
    assert res["macro_f1"] >= minimum


@needs_newsmtsc
def test_learned_beats_vader_on_dev_rw():
    learned = S.evaluate_newsmtsc(NEWSMTSC / "dev_rw.jsonl")["macro_f1"]
    vader = S.evaluate_newsmtsc(NEWSMTSC / "dev_rw.jsonl", model="vader")["macro_f1"]
    assert learned > vader + 0.1
