"""Comparative figures. Each ``plot_*(df, *, ax=None, ...) -> Axes`` draws one tidy frame.

Rules every figure follows: a title that says what is compared, labelled axes with units,
one colour per outlet everywhere (:func:`outlet_colours`) and actor-group colours from the
actor dictionary, intervals where there is sampling. No function here calls ``show()`` or
saves; :func:`save_figure` is the one place that writes files.

The frames come from :mod:`analysis.summary` (aggregates) and :mod:`analysis.compare`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from analysis.actors import ActorDictionary, default_actors

__all__ = [
    "outlet_colours", "save_figure", "plot_voice_share", "plot_actor_positions", "plot_sentiment",
    "plot_balance", "plot_distinctive_terms", "plot_cue_verbs", "plot_coverage_difference",
]

# Outlets: a palette distinct from the actor-group colours (Okabe & Ito), assigned in sorted
# outlet order so that an outlet keeps its colour in every figure of a run.
_OUTLET_PALETTE = ["#1B7837", "#762A83", "#8C510A", "#35978F", "#B2182B", "#2166AC", "#7F7F7F", "#E7298A"]


def outlet_colours(outlets: Sequence[str]) -> dict[str, str]:
    """Map each outlet (sorted by name) to a fixed colour."""
    names = sorted({str(o) for o in outlets})
    return {o: _OUTLET_PALETTE[i % len(_OUTLET_PALETTE)] for i, o in enumerate(names)}


def _ax(ax: Axes | None, size=(7, 4)) -> Axes:
    if ax is None:
        _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(str(text), width)) or str(text)


def save_figure(fig_or_ax, name: str, out_dir: str | Path = "figures", *, dpi: int = 150,
                close: bool = False) -> Path:
    """Save a figure as ``out_dir/name.png``.

    The figure stays open by default so that a notebook still shows it inline; pass
    ``close=True`` in scripts that draw many figures.

    Parameters
    ----------
    fig_or_ax : Figure or Axes
    name : str
        File name without extension.
    out_dir : path
    dpi : int
    close : bool
        Close the figure after saving.

    Returns
    -------
    Path
        The PNG written.
    """
    fig = fig_or_ax.figure if isinstance(fig_or_ax, Axes) else fig_or_ax
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.png"
    fig.savefig(path, dpi=dpi, bbox_inches="tight")
    if close:
        plt.close(fig)
    return path


def _group_order(actors: ActorDictionary, present: Sequence[str]) -> list[str]:
    order = [g for g in actors.groups if g in set(present)]
    return order + sorted(set(present) - set(order))


def plot_voice_share(df: pd.DataFrame, *, ax: Axes | None = None, actors: ActorDictionary | None = None) -> Axes:
    """Who is quoted: share of attributed quotes by actor group, one stacked bar per outlet.

    Parameters
    ----------
    df : DataFrame
        Columns outlet, group, quotes (count), share (in [0, 1]) — from
        :func:`analysis.summary.voice_shares`. Group ``other`` is speakers outside the dictionary
        or unresolved.
    """
    actors = actors or default_actors()
    ax = _ax(ax, (7, 1.2 + 0.7 * max(1, df["outlet"].nunique())))
    outlets = sorted(df["outlet"].unique())
    groups = _group_order(actors, df["group"].unique())
    left = np.zeros(len(outlets))
    for g in groups:
        sub = df[df["group"] == g].set_index("outlet").reindex(outlets)
        share = sub["share"].fillna(0).to_numpy()
        counts = sub["quotes"].fillna(0).astype(int).to_numpy()
        bars = ax.barh(outlets, share, left=left, color=actors.colour(g), label=actors.label(g), height=0.6)
        for bar, s, c in zip(bars, share, counts):
            if s >= 0.07:
                ax.text(bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2, f"{c}",
                        ha="center", va="center", color="white", fontsize=9, fontweight="bold")
        left += share
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.set_xlabel("share of attributed quotes (labels: number of quotes)")
    ax.set_ylabel("outlet")
    ax.set_title("Who is quoted: voice share by actor group")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.32), ncol=min(4, len(groups)), frameon=False, fontsize=8)
    return ax


def plot_actor_positions(df: pd.DataFrame, *, ax: Axes | None = None, actors: ActorDictionary | None = None) -> Axes:
    """Where each actor group appears along the article, headline to last sentence.

    Parameters
    ----------
    df : DataFrame
        Columns outlet, group, position (0 = first sentence, 1 = last sentence; headline
        items at -0.13), what ('mention' or 'quote') — from
        :func:`analysis.summary.actor_positions`.
    """
    actors = actors or default_actors()
    outlets = sorted(df["outlet"].unique())
    groups = _group_order(actors, df["group"].unique())
    rows = [(o, g) for o in outlets for g in groups]
    ax = _ax(ax, (8, 0.9 + 0.32 * len(rows)))
    y = {r: i for i, r in enumerate(rows)}
    rng = np.random.default_rng(0)  # small fixed jitter so overlapping marks stay visible
    for what, marker, size in (("mention", "o", 28), ("quote", "D", 46)):
        sub = df[df["what"] == what]
        if sub.empty:
            continue
        ys = np.array([y[(o, g)] for o, g in zip(sub["outlet"], sub["group"])], dtype=float)
        ys += rng.uniform(-0.15, 0.15, size=len(ys))
        ax.scatter(sub["position"], ys, c=[actors.colour(g) for g in sub["group"]], marker=marker, s=size,
                   edgecolors="black" if what == "quote" else "none", linewidths=0.6, alpha=0.85,
                   label="quote (diamond)" if what == "quote" else "mention (dot)")
    ax.set_yticks(range(len(rows)), [f"{o} · {actors.label(g)}" for o, g in rows], fontsize=8)
    for i in range(1, len(outlets)):
        ax.axhline(i * len(groups) - 0.5, color="#bbbbbb", lw=0.8)
    ax.axvline(-0.07, color="#bbbbbb", lw=0.8, ls=":")
    ax.set_xlim(-0.2, 1.04)
    ax.set_xticks([-0.13, 0, 0.25, 0.5, 0.75, 1], ["headline", "first", "25%", "50%", "75%", "last"])
    ax.set_xlabel("position in the article (sentence index, relative)")
    ax.invert_yaxis()
    ax.set_title("Where each actor appears: mentions and quotes along the article")
    leg = ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14 - 0.4 / max(len(rows), 1)), ncol=2,
                    frameon=False, fontsize=8)
    for h in leg.legend_handles:
        h.set_color("#777777")
    return ax


def plot_sentiment(df: pd.DataFrame, *, ax: Axes | None = None, actors: ActorDictionary | None = None,
                   stance: str = "about") -> Axes:
    """Sentiment about (or by) each actor group per outlet, baseline and learned, with intervals.

    Parameters
    ----------
    df : DataFrame
        Columns outlet, group, model ('vader' or 'learned'), estimate, low, high, n — from
        :func:`analysis.summary.sentiment_by_outlet` (one stance).
    stance : {'about', 'by'}
        Only used in the title.
    """
    actors = actors or default_actors()
    groups = _group_order(actors, df["group"].unique())
    outlets = sorted(df["outlet"].unique())
    models = [m for m in ("vader", "learned") if m in set(df["model"])]
    ax = _ax(ax, (8, 1.2 + 0.55 * len(groups) * len(outlets)))
    colours = outlet_colours(outlets)
    step = 0.8 / max(1, len(outlets) * len(models))
    for gi, g in enumerate(groups):
        k = 0
        for o in outlets:
            for m in models:
                r = df[(df["group"] == g) & (df["outlet"] == o) & (df["model"] == m)]
                yy = gi - 0.4 + step * (k + 0.5)
                k += 1
                if r.empty or pd.isna(r["estimate"].iloc[0]):
                    continue
                est, lo, hi = (float(r[c].iloc[0]) for c in ("estimate", "low", "high"))
                ax.errorbar(est, yy, xerr=[[max(est - lo, 0)], [max(hi - est, 0)]] if pd.notna(lo) else None,
                            fmt="o" if m == "learned" else "s", color=colours[o],
                            mfc=colours[o] if m == "learned" else "white", ms=6, capsize=3, lw=1.2)
    ax.axvline(0, color="#888888", lw=0.8)
    ax.set_yticks(range(len(groups)), [actors.label(g) for g in groups])
    ax.set_xlim(-1, 1)
    ax.set_ylim(len(groups) - 0.5, -0.5)
    ax.set_xlabel("mean sentiment (−1 negative … +1 positive), 95% bootstrap interval")
    ax.set_ylabel("actor group")
    verb = "about" if stance == "about" else "expressed by"
    ax.set_title(f"Sentiment {verb} each actor group, per outlet")
    handles = [plt.Line2D([], [], color=colours[o], marker="o", ls="", label=o) for o in outlets]
    handles += [plt.Line2D([], [], color="#AAAAAA", marker="s", mfc="white", ls="",
                           label="VADER (baseline): open square"),
                plt.Line2D([], [], color="#AAAAAA", marker="o", ls="", label="learned, target-aware: filled circle")]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.3 / len(groups)),
              ncol=min(4, len(handles)), frameon=False, fontsize=8)
    return ax


def plot_balance(df: pd.DataFrame, *, ax: Axes | None = None, a_label: str = "Kremlin",
                 b_label: str = "coalition") -> Axes:
    """The Kremlin-vs-coalition balance index per outlet, with its interval.

    Parameters
    ----------
    df : DataFrame
        Columns outlet, estimate, low, high (index in [-1, 1]) — from
        :func:`analysis.summary.balance_by_outlet`.
    """
    outlets = sorted(df["outlet"].unique())
    ax = _ax(ax, (7, 1.4 + 0.5 * len(outlets)))
    colours = outlet_colours(outlets)
    d = df.set_index("outlet").reindex(outlets)
    for i, o in enumerate(outlets):
        est, lo, hi = d.loc[o, ["estimate", "low", "high"]]
        if pd.isna(est):
            ax.text(0, i, "no Kremlin or coalition presence", ha="center", va="center", fontsize=8)
            continue
        ax.errorbar(est, i, xerr=[[est - lo], [hi - est]] if pd.notna(lo) else None, fmt="o",
                    color=colours[o], ms=8, capsize=4, lw=1.5)
        ax.annotate(f"{est:+.2f}", (est, i), textcoords="offset points", xytext=(0, 9), ha="center", fontsize=8)
    ax.axvline(0, color="#888888", lw=0.8)
    ax.axvspan(-1, 0, color="#0072B2", alpha=0.05)
    ax.axvspan(0, 1, color="#D55E00", alpha=0.05)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(len(outlets) - 0.4, -0.7)
    ax.set_yticks(range(len(outlets)), outlets)
    ax.set_xlabel(f"← more {b_label}        balance index (sentences present)        more {a_label} →")
    ax.set_title(f"{a_label} vs {b_label}: who gets more of the story (95% bootstrap interval)")
    return ax


def plot_distinctive_terms(df: pd.DataFrame, *, ax: Axes | None = None, top: int = 12) -> Axes:
    """Distinctive terms per outlet (Fightin' Words z-scores).

    Parameters
    ----------
    df : DataFrame
        Columns outlet, term, count, z — from :func:`analysis.compare.fightin_words`.
        The ``top`` terms with the highest z are drawn for each outlet.
    """
    outlets = sorted(df["outlet"].unique())
    colours = outlet_colours(outlets)
    parts = [df[df["outlet"] == o].nlargest(top, "z") for o in outlets]
    sel = pd.concat(parts) if parts else df.head(0)
    ax = _ax(ax, (7, 1 + 0.24 * len(sel)))
    labels = [f"{t}  ({o}, n={c})" for t, o, c in zip(sel["term"], sel["outlet"], sel["count"])]
    ax.barh(range(len(sel)), sel["z"], color=[colours[o] for o in sel["outlet"]])
    ax.set_yticks(range(len(sel)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.axvline(1.96, color="#888888", lw=0.8, ls="--")
    ax.set_xlabel("z-score of log-odds (Fightin' Words, informative Dirichlet prior); dashed: z = 1.96")
    ax.set_title("Words each outlet uses distinctively more than the other(s)")
    return ax


def plot_cue_verbs(df: pd.DataFrame, *, ax: Axes | None = None, actors: ActorDictionary | None = None) -> Axes:
    """Attribution verbs by actor group and outlet: neutral ('said') vs loaded ('accused') vs hedged.

    Parameters
    ----------
    df : DataFrame
        Columns outlet, group, cue_class, quotes — from :func:`analysis.summary.cue_classes`.
    """
    actors = actors or default_actors()
    classes = [c for c in ("neutral", "assertive", "hedged") if c in set(df["cue_class"])]
    rank = {g: i for i, g in enumerate(actors.groups)}
    pairs = sorted(set(zip(df["outlet"], df["group"])), key=lambda r: (r[0], rank.get(r[1], len(rank)), r[1]))
    rows = pd.DataFrame(pairs, columns=["outlet", "group"])
    ax = _ax(ax, (7, 1.2 + 0.4 * len(rows)))
    styles = {"neutral": ("#BBBBBB", ""), "assertive": ("#444444", ""), "hedged": ("#FFFFFF", "///")}
    labels = []
    left = np.zeros(len(rows))
    for c in classes:
        vals = [int(df[(df.outlet == o) & (df.group == g) & (df.cue_class == c)]["quotes"].sum())
                for o, g in zip(rows["outlet"], rows["group"])]
        colour, hatch = styles[c]
        ax.barh(range(len(rows)), vals, left=left, color=colour, hatch=hatch, edgecolor="#444444", lw=0.6,
                label={"assertive": "assertive/loaded (accused, claimed…)", "neutral": "neutral (said, told…)",
                       "hedged": "hedged (suggested…)"}[c])
        left += vals
    for o, g in zip(rows["outlet"], rows["group"]):
        labels.append(f"{o} · {actors.label(g)}")
    ax.set_yticks(range(len(rows)), labels, fontsize=8)
    for tick, g in zip(ax.get_yticklabels(), rows["group"]):
        tick.set_color(actors.colour(g))
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlim(0, max(left.max(), 1) * 1.08)
    ax.set_xlabel("number of attributed quotes")
    ax.set_title("How each side's words are introduced: attribution verbs")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2 - 0.5 / max(len(rows), 1)), ncol=3, frameon=False,
              fontsize=8)
    return ax


def plot_coverage_difference(df: pd.DataFrame, *, ax: Axes | None = None, top: int = 8, width: int = 70) -> Axes:
    """What only one outlet reports: its sentences with no close match in the other outlet(s).

    Parameters
    ----------
    df : DataFrame
        Columns outlet, text, similarity (best cosine against other outlets), unique (bool),
        is_quote (bool) — from :func:`analysis.compare.coverage_difference`. Up to ``top``
        unique sentences per outlet are listed, least similar first; bar length is
        1 − similarity (how far the sentence is from anything the others report).
    """
    outlets = sorted(df["outlet"].unique())
    colours = outlet_colours(outlets)
    uniq = df[df["unique"]]
    parts = [uniq[uniq["outlet"] == o].nsmallest(top, "similarity") for o in outlets]
    sel = pd.concat(parts) if parts else uniq
    ax = _ax(ax, (9, 1.2 + 0.5 * max(len(sel), 1)))
    ys = range(len(sel))
    ax.barh(ys, 1 - sel["similarity"], color=[colours[o] for o in sel["outlet"]],
            hatch=["//" if q else "" for q in sel["is_quote"]], edgecolor="white")
    ax.set_yticks(ys, [_wrap(t, width) for t in sel["text"]], fontsize=7)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("distance from the closest sentence in the other outlet(s) (1 − TF-IDF cosine)")
    ax.set_title("What only one outlet reports (hatched: contains a quote)")
    handles = [plt.Rectangle((0, 0), 1, 1, color=colours[o], label=f"only in {o}") for o in outlets]
    ax.legend(handles=handles, loc="lower right", fontsize=8)
    return ax
