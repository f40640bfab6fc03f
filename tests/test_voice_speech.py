"""Voice shares that count speech only: beliefs, stances and evidence are attributions in
PolNeAR's sense, not someone's words."""

from __future__ import annotations

import pandas as pd

from analysis import summary
from analysis.corpus import Article
from analysis.quotes import extract_quotes
from analysis.tables import QUOTE_FIELDS, quote_records
from analysis.text import segment

# Made-up copy in the seeds' style: two Kremlin reports that are a stance and a belief, one
# coalition statement, one Kremlin statement.
TEXT = ("The Kremlin opposes the plan. Kremlin spokesman Dmitry Peskov believes the talks will fail. "
        "“We will not be intimidated,” British Prime Minister Keir Starmer said. "
        "“Europe is a war party,” Peskov said.")


def _quotes() -> pd.DataFrame:
    art = Article(article_id="a1", path="made-up.txt", outlet="Test", text=TEXT)
    doc = segment(TEXT)
    return pd.DataFrame(quote_records(art, doc, extract_quotes(doc).quotes), columns=QUOTE_FIELDS)


def test_speech_column_marks_words_not_stances():
    q = _quotes().set_index("cue")
    assert not q.loc["opposes", "speech"] and not q.loc["believes", "speech"]
    assert q[q["kind"] == "direct"]["speech"].all()


def test_speech_only_shares_count_only_words():
    q = _quotes()
    every = summary.voice_shares(q).set_index("group")
    spoken = summary.voice_shares(q, speech_only=True).set_index("group")
    # all four attributions: the Kremlin 3 of 4; its words only: 1 of 2
    assert every.loc["kremlin", "quotes"] == 3 and every.loc["coalition", "quotes"] == 1
    assert spoken.loc["kremlin", "quotes"] == 1 and spoken.loc["coalition", "quotes"] == 1
    assert spoken.loc["kremlin", "share"] == 0.5
