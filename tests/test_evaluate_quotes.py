"""Tests for analysis.evaluate (PolNeAR scoring): gold kinds, BRAT parsing and the scoring
rules on a hand-made article; plus a run on the real dev split when ../shared/data is present."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from analysis.evaluate import (
    GoldAttribution,
    annotation_file,
    evaluate_polnear,
    gold_kind,
    polnear_articles,
    read_brat,
    score_article,
)
from analysis.quotes import Quote

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
POLNEAR = SHARED / "polnear-train"


@pytest.mark.parametrize("content,kind", [
    ('"We will win."', "direct"),
    ('“We will win,”', "direct"),
    ("''We will win,''", "direct"),
    ('“A.” “B.”', "direct"),
    ('the talks would focus on “military planning”', "mixed"),
    ('“We will win,” he said, “again”', "mixed"),
    ('“Unclosed quote over paragraphs', "mixed"),
    ("the voters’ choice was clear", "indirect"),
    ("he said ‘no’", "indirect"),
])
def test_gold_kind(content, kind):
    assert gold_kind(content, ((0, len(content)),)) == kind


TEXT = ('Trump said the wall "will be built." Officials were less sure.\n'
        '"It is not funded," a senior aide said.')
ANN = """T1\tSource 0 5\tTrump
T2\tCue 6 10\tsaid
T3\tContent 11 36\tthe wall "will be built."
T4\tAttribution 6 10\tsaid
E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3
T5\tContent 63 69;70 82\t"It is not funded,"
T6\tCue 97 101\tsaid
T7\tSource 83 96\ta senior aide
#1\tAnnotatorNotes T5\ta note
a line that leaked out of a span
E2\tAttribution:T6 Content:T5 Cue:T6 Source:T7
"""


def test_read_brat_discontinuous_and_noise():
    gold = read_brat(TEXT, ANN)
    assert len(gold) == 2
    assert gold[0] == GoldAttribution(((11, 36),), ((6, 10),), ((0, 5),), "mixed")
    assert TEXT[11:36] == 'the wall "will be built."' and TEXT[83:96] == "a senior aide"
    assert gold[1].content == ((63, 69), (70, 82)) and gold[1].kind == "direct"


def _q(kind, start, end, spk=None):
    return Quote(kind, start, end, TEXT[start:end], None, None, None, None, None,
                 spk[0] if spk else None, spk[1] if spk else None, None, False, 0)


def test_score_article_rules():
    gold = read_brat(TEXT, ANN)
    preds = [
        _q("mixed", 11, 36, (0, 5)),      # exact, speaker overlaps 'Trump'
        _q("direct", 64, 81, (37, 46)),   # 'It is not funded,' inside gold 2; speaker 'Officials'
        _q("indirect", 37, 62),           # 'Officials were less sure.': outside gold -> wrong
        _q("scare", 20, 34),              # scare quotes are neither scored nor counted
    ]
    det = score_article(TEXT, gold, preds)
    assert det["found"] == [True, True]
    assert det["speaker_ok"] == [True, False]
    assert det["correct"] == [True, True, False]


def test_score_article_recall_threshold():
    gold = read_brat(TEXT, ANN)
    # 'the wall "will' is 12 of 22 non-space characters: found; 'the wall' (7) is not
    assert score_article(TEXT, gold, [_q("indirect", 11, 25)])["found"] == [True, False]
    det = score_article(TEXT, gold, [_q("indirect", 11, 19)])
    assert det["found"] == [False, False]


def test_annotation_file_choice(tmp_path):
    (tmp_path / "attributions").mkdir()
    for ann in ("a_x_9.ann", "a_x_1.ann", "a_x_5.ann"):
        (tmp_path / "attributions" / ann).write_text("")
    assert annotation_file(tmp_path, "a_x", "").name == "a_x_1.ann"
    assert annotation_file(tmp_path, "a_x", "9").name == "a_x_9.ann"
    assert annotation_file(tmp_path, "a_x", "5|9").name == "a_x_1.ann"
    assert annotation_file(tmp_path, "b", "") is None


def test_bad_split():
    with pytest.raises(ValueError):
        polnear_articles(".", "test")


needs_polnear = pytest.mark.skipif(not POLNEAR.exists(), reason=f"PolNeAR not found at {POLNEAR}")


@pytest.mark.shared
@needs_polnear
def test_dev_split_is_fixed_and_disjoint():
    dev = polnear_articles(POLNEAR, "dev")
    train = polnear_articles(POLNEAR, "train")
    assert len(dev) == 168 and len(dev) + len(train) == len(polnear_articles(POLNEAR, "all"))
    assert not {n for n, _, _ in dev} & {n for n, _, _ in train}


@pytest.mark.shared
@needs_polnear
def test_dev_scores_regression():
    """Floors just below the latest dev figures (d+m 0.920, precision 0.914, speaker 0.926,
    reported 0.435): a drop fails."""
    r = evaluate_polnear(POLNEAR, split="dev")
    assert r["n_errors"] == 0 and r["n_articles"] == 168
    assert r["n_gold"] == {"direct": 691, "mixed": 434, "indirect": 2407}
    assert r["recall"]["direct"] >= 0.975
    assert r["recall_direct_mixed"] >= 0.912
    assert r["precision"] >= 0.91
    assert r["speaker_accuracy"] >= 0.92
    assert r["recall_indirect"] >= 0.43
    assert not math.isnan(r["articles_per_s"])


@pytest.mark.shared
@needs_polnear
@pytest.mark.xfail(reason="issue #3 targets not reached yet: direct+mixed recall and reported-speech "
                          "recall are below target on dev (precision and speaker accuracy meet theirs)",
                   strict=False)
def test_dev_scores_meet_issue_targets():
    r = evaluate_polnear(POLNEAR, split="dev")
    assert r["recall_direct_mixed"] >= 0.95
    assert r["precision"] >= 0.90
    assert r["speaker_accuracy"] >= 0.92
    assert r["recall_indirect"] >= 0.60
