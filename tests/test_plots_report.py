"""Figures (Agg backend): bars, points, labels, colours; the annotated article view."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.colors as mcolors  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from conftest import SEEDS  # noqa: E402

from analysis import plots, summary  # noqa: E402
from analysis.actors import default_actors  # noqa: E402
from analysis.report import annotate_html  # noqa: E402


@pytest.fixture(scope="module")
def tables():
    return summary.corpus_tables(SEEDS)


def _hex(c):
    return mcolors.to_hex(c).lower()


def test_voice_share_bars(tables):
    actors = default_actors()
    voices = summary.voice_shares(tables.quotes, actors=actors)
    ax = plots.plot_voice_share(voices, actors=actors)
    # One stacked bar per outlet and group (4 groups x 2 outlets); widths are the shares.
    assert len(ax.patches) == 8
    kremlin = [p for p in ax.patches if _hex(p.get_facecolor()) == actors.colour("kremlin").lower()]
    # CGTN: Kremlin, Peskov, Ushakov among 10 attributed quotes; Reuters: none.
    assert [round(p.get_width(), 3) for p in kremlin] == [round(3 / 10, 3), 0.0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["CGTN", "Reuters"]
    assert ax.get_title() and ax.get_xlabel()
    plots.save_figure(ax, "voice", "/tmp/fl-test-figs", close=True)


def test_positions_points_and_colours(tables):
    pos = summary.actor_positions(tables.mentions, tables.quotes)
    ax = plots.plot_actor_positions(pos)
    n_points = sum(len(c.get_offsets()) for c in ax.collections)
    assert n_points == len(pos) == len(tables.mentions) + int(tables.quotes["actor"].notna().sum())
    assert len(ax.get_yticklabels()) == 8 and "CGTN · Kremlin / Russia" in [t.get_text() for t in ax.get_yticklabels()]


def test_sentiment_and_balance_have_intervals(tables):
    about = summary.sentiment_by_outlet(tables.scores, stance="about", n_boot=200)
    assert set(about["model"]) == {"vader", "learned"}
    assert ((about["low"] <= about["estimate"] + 1e-12) & (about["estimate"] <= about["high"] + 1e-12)).all()
    ax = plots.plot_sentiment(about, stance="about")
    assert len(ax.lines) >= len(about)  # one marker per estimate (plus error-bar lines)
    bal = summary.balance_by_outlet(tables.features)
    ax = plots.plot_balance(bal)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["CGTN", "Reuters"]
    assert ax.get_xlim() == (-1.05, 1.05)


def test_cue_verbs_and_coverage(tables):
    cues = summary.cue_classes(tables.quotes)
    kremlin = cues[(cues.outlet == "CGTN") & (cues.group == "kremlin")]
    assert "accused" in " ".join(kremlin["cues"])
    ax = plots.plot_cue_verbs(cues)
    assert sum(p.get_width() for p in ax.patches) == cues["quotes"].sum()
    cov = pd.DataFrame({"outlet": ["A", "B", "A"], "text": ["x", "y", "z"], "similarity": [0.1, 0.05, 0.5],
                        "unique": [True, True, False], "is_quote": [False, True, False]})
    ax = plots.plot_coverage_difference(cov)
    assert len(ax.patches) == 2 and ax.patches[1].get_hatch() == "//"


def test_outlet_colours_are_stable():
    a = plots.outlet_colours(["Reuters", "CGTN"])
    b = plots.outlet_colours(["CGTN", "Reuters", "Xinhua"])
    assert a["CGTN"] == b["CGTN"] and a["Reuters"] == b["Reuters"] and len(set(b.values())) == 3


def test_annotated_view_marks_quotes_speakers_and_removed(tables):
    cgtn = next(an for an in tables.analyses if an.article.outlet == "CGTN")
    html = annotate_html(cgtn)
    assert html.count("[removed: cookie banner]") == 2 and "<s>I agree</s>" in html
    assert "speaker → Dmitry Peskov" in html and "cue verb (assertive)" in html
    assert "mention: Dmitry Peskov (kremlin)" in html
    # The text itself is all there, in order, once the marks are stripped.
    import re
    plain = re.sub(r"<details.*?</details>|<[^>]+>", "", html.split("</div>", 2)[2])
    assert "Europe has embarked on a militarization of itself" in plain
