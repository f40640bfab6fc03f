"""Corpus-level tables and per-outlet aggregates: what notebooks and figures show.

:func:`corpus_tables` analyses every article of a (small or medium) corpus in memory and
returns the tidy tables, one per entity. The aggregate functions turn them into the
per-outlet frames that :mod:`analysis.plots` draws, with bootstrap intervals from
:func:`analysis.compare.bootstrap_ci` (sentences or targets resampled within articles when
an outlet has one article; whole articles resampled within outlets when it has several).
For corpora too large for memory, use :func:`analysis.pipeline.analyze_corpus`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.actors import ActorDictionary, default_actors

__all__ = [
    "CorpusTables", "corpus_tables", "voice_shares", "actor_positions", "sentiment_by_outlet",
    "balance_by_outlet", "cue_classes", "quote_sentences", "project_path", "outlet_overview",
    "removed_furniture", "actor_scores",
]


@dataclass(frozen=True)
class CorpusTables:
    """Tidy tables for one corpus; each is keyed by ``article_id`` and ``outlet``.

    Attributes
    ----------
    articles : one row per article (see :func:`analysis.tables.articles_frame`)
    sentences : one row per body/heading sentence (:func:`analysis.tables.sentences_frame`)
    mentions : one row per actor mention (:func:`analysis.tables.mention_records`)
    quotes : one row per quote (:func:`analysis.tables.quote_records`)
    scores : one row per scored target, about or by a group (:func:`analysis.tables.score_records`)
    features : one row per article (:func:`analysis.tables.features_record`)
    analyses : the per-article :class:`~analysis.analyze.ArticleAnalysis` records (for reports)
    actors : the actor dictionary used
    """

    articles: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame
    scores: pd.DataFrame
    features: pd.DataFrame
    analyses: tuple
    actors: ActorDictionary


def corpus_tables(paths, *, actors: ActorDictionary | str | None = None, progress: bool | None = None) -> CorpusTables:
    """Load, clean and analyse every article under ``paths``; return the tidy tables.

    Parameters
    ----------
    paths : path or list of paths
        Files or folders of articles.
    actors : ActorDictionary or path, optional
        Defaults to the packaged dictionary.
    progress : bool, optional
        Show a progress bar; by default only for more than 20 articles.

    Returns
    -------
    CorpusTables
    """
    from tqdm.auto import tqdm

    from analysis.actors import load_actors
    from analysis.analyze import ScoreCache, analyze
    from analysis.corpus import load_corpus
    from analysis.tables import (
        MENTION_FIELDS,
        QUOTE_FIELDS,
        SCORE_FIELDS,
        SENTENCE_FIELDS,
        article_record,
        features_record,
        mention_records,
        quote_records,
        score_records,
        sentence_records,
    )

    if not isinstance(actors, ActorDictionary):
        actors = load_actors(actors)
    articles = load_corpus(paths)
    show = progress if progress is not None else len(articles) > 20
    cache = ScoreCache()
    analyses = tuple(analyze(a, actors=actors, cache=cache)
                     for a in tqdm(articles, desc="analysing", unit="article", disable=not show))
    frame = pd.DataFrame
    return CorpusTables(
        articles=frame([article_record(a) for a in articles]),
        sentences=frame([r for a in articles for r in sentence_records(a)], columns=SENTENCE_FIELDS),
        mentions=frame([r for an in analyses for r in mention_records(an)], columns=MENTION_FIELDS),
        quotes=frame([r for an in analyses for r in quote_records(an.article, an.doc, an.quotes)],
                     columns=QUOTE_FIELDS),
        scores=frame([r for an in analyses for r in score_records(an)], columns=SCORE_FIELDS),
        features=frame([features_record(an) for an in analyses]),
        analyses=analyses,
        actors=actors,
    )


def _attributed(quotes: pd.DataFrame) -> pd.DataFrame:
    q = quotes[quotes["kind"] != "scare"].copy()
    q["group"] = q["actor"].fillna("other")
    return q


def voice_shares(quotes: pd.DataFrame, *, actors: ActorDictionary | None = None,
                 speech_only: bool = False) -> pd.DataFrame:
    """Share of attributed quotes per actor group and outlet (scare quotes excluded).

    Parameters
    ----------
    quotes : DataFrame
        The quotes table (:func:`analysis.tables.quote_records`).
    actors : ActorDictionary, optional
        Lists the groups; defaults to the built-in dictionary.
    speech_only : bool
        Count only quotes that report words and have a speaker (``speech`` true, ``speaker``
        set): not beliefs, stances and evidence ("Trump wants a wall", "polls show ..."),
        which PolNeAR counts as attributions, nor reports with no one to give them to.

    Returns
    -------
    DataFrame
        Columns outlet, group, quotes, words, share (of the outlet's quotes), word_share.
        Every dictionary group is listed for every outlet, with zeros; ``other`` collects
        speakers with no group.
    """
    actors = actors or default_actors()
    q = _attributed(quotes)
    if speech_only:
        q = q[q["speech"].fillna(False).astype(bool) & q["speaker"].notna()]
    q["words"] = q["text"].str.split().str.len()
    groups = list(actors.groups) + (["other"] if (q["group"] == "other").any() else [])
    rows = []
    for outlet in sorted(quotes["outlet"].dropna().unique()):
        sub = q[q["outlet"] == outlet]
        n, w = len(sub), int(sub["words"].sum())
        for g in groups:
            s = sub[sub["group"] == g]
            rows.append({"outlet": outlet, "group": g, "quotes": len(s), "words": int(s["words"].sum()),
                         "share": len(s) / n if n else math.nan,
                         "word_share": s["words"].sum() / w if w else math.nan})
    return pd.DataFrame(rows, columns=["outlet", "group", "quotes", "words", "share", "word_share"])


def actor_positions(mentions: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Positions of mentions and attributed quotes along each article.

    Returns
    -------
    DataFrame
        Columns article_id, outlet, group, what ('mention' | 'quote'), position (relative
        sentence position in [0, 1]; headline mentions at -0.13).
    """
    m = mentions.assign(what="mention", position=np.where(mentions["in_title"], -0.13, mentions["rel_position"]))
    q = _attributed(quotes)
    q = q[q["actor"].notna()].assign(what="quote", position=lambda d: d["rel_position"])
    cols = ["article_id", "outlet", "group", "what", "position"]
    out = pd.concat([m[cols], q[cols]], ignore_index=True)
    return out.dropna(subset=["position"])


def _unit(frame: pd.DataFrame) -> str:
    per_outlet = frame.groupby("outlet")["article_id"].nunique()
    return "article" if len(per_outlet) and per_outlet.min() > 1 else "sentence"


def sentiment_by_outlet(scores: pd.DataFrame, *, stance: str = "about", n_boot: int = 2000,
                        seed: int = 0) -> pd.DataFrame:
    """Mean sentiment about (or by) each group per outlet, VADER and learned, with intervals.

    Parameters
    ----------
    scores : DataFrame
        The ``scores`` table (one row per scored target).
    stance : {'about', 'by'}
    n_boot, seed : int
        Bootstrap settings (targets resampled within articles, or articles within outlets
        when every outlet has several articles).

    Returns
    -------
    DataFrame
        Columns outlet, group, model, estimate, low, high, n.
    """
    from analysis.compare import bootstrap_ci

    s = scores[scores["stance"] == stance]
    rows = []
    unit = _unit(s) if len(s) else "sentence"
    for group in sorted(s["group"].unique()):
        for model in ("vader", "learned"):
            sub = s[s["group"] == group].dropna(subset=[model])
            if sub.empty:
                continue
            ci = bootstrap_ci(sub, value=model, by="outlet", unit=unit, n_boot=n_boot, seed=seed)
            for r in ci.itertuples(index=False):
                rows.append({"outlet": r.outlet, "group": group, "model": model, "estimate": r.estimate,
                             "low": r.low, "high": r.high, "n": int((sub["outlet"] == r.outlet).sum())})
    return pd.DataFrame(rows, columns=["outlet", "group", "model", "estimate", "low", "high", "n"])


def balance_by_outlet(features: pd.DataFrame, *, actors: ActorDictionary | None = None, n_boot: int = 2000,
                      seed: int = 0) -> pd.DataFrame:
    """The balance index (default Kremlin vs coalition) per outlet, with a 95% interval.

    With one article per outlet, this is the article's own index and its sentence bootstrap
    (:func:`analysis.emphasis.balance_interval`). With several, the pooled index
    ``(ΣP_k − ΣP_c) / (ΣP_k + ΣP_c)`` over the outlet's articles (P = sentences where the
    group is present), with articles resampled within the outlet.

    Returns
    -------
    DataFrame
        Columns outlet, estimate, low, high, n_articles.
    """
    a, b = (actors or default_actors()).balance
    f = features[features["status"] != "error"].copy()
    f["pk"] = f[f"{a}_sentence_share"].fillna(0) * f["n_sentences"]
    f["pc"] = f[f"{b}_sentence_share"].fillna(0) * f["n_sentences"]
    rng = np.random.default_rng(seed)
    rows = []
    for outlet, sub in f.groupby("outlet", sort=True):
        if len(sub) == 1:
            r = sub.iloc[0]
            rows.append({"outlet": outlet, "estimate": r["balance"], "low": r["balance_low"],
                         "high": r["balance_high"], "n_articles": 1})
            continue
        pk, pc = sub["pk"].to_numpy(), sub["pc"].to_numpy()
        tot = pk.sum() + pc.sum()
        est = (pk.sum() - pc.sum()) / tot if tot else math.nan
        idx = rng.integers(0, len(sub), size=(n_boot, len(sub)))
        d, t = (pk[idx] - pc[idx]).sum(axis=1), (pk[idx] + pc[idx]).sum(axis=1)
        vals = d[t > 0] / t[t > 0]
        lo, hi = np.quantile(vals, [0.025, 0.975]) if len(vals) else (math.nan, math.nan)
        rows.append({"outlet": outlet, "estimate": est, "low": lo, "high": hi, "n_articles": len(sub)})
    return pd.DataFrame(rows, columns=["outlet", "estimate", "low", "high", "n_articles"])


def cue_classes(quotes: pd.DataFrame) -> pd.DataFrame:
    """Attributed quotes per outlet, actor group and cue class (neutral, assertive, hedged).

    Returns
    -------
    DataFrame
        Columns outlet, group, cue_class, quotes, cues (the verbs, comma-separated, most
        frequent first).
    """
    q = _attributed(quotes).dropna(subset=["cue_class"])
    rows = []
    for (o, g, c), sub in q.groupby(["outlet", "group", "cue_class"], sort=True):
        cues = sub["cue"].str.lower().value_counts()
        rows.append({"outlet": o, "group": g, "cue_class": c, "quotes": len(sub), "cues": ", ".join(cues.index)})
    return pd.DataFrame(rows, columns=["outlet", "group", "cue_class", "quotes", "cues"])


def quote_sentences(sentences: pd.DataFrame, quotes: pd.DataFrame) -> pd.Series:
    """Boolean Series aligned with ``sentences``: does the sentence overlap an attributed quote?"""
    q = _attributed(quotes)
    flags = np.zeros(len(sentences), dtype=bool)
    for aid, qs in q.groupby("article_id"):
        mask = (sentences["article_id"] == aid).to_numpy()
        st, en = sentences["start"].to_numpy(), sentences["end"].to_numpy()
        for s, e in zip(qs["start"], qs["end"]):
            flags |= mask & (st < e) & (en > s)
    return pd.Series(flags, index=sentences.index, name="is_quote")


def project_path(path: str | None):
    """Resolve ``path`` against the working directory, else against the project root.

    Notebooks run with their own folder as working directory (JupyterLab, papermill), so
    parameters such as ``"seeds"`` or ``"figures"`` are read relative to the repository root
    when they do not exist relative to the notebook. Glob patterns are resolved the same way.
    None stays None.
    """
    from pathlib import Path

    if path is None:
        return None
    p = Path(path)
    if p.is_absolute() or p.exists():
        return p
    root = Path(__file__).resolve().parents[1]
    return root / p


def outlet_overview(tables: CorpusTables) -> pd.DataFrame:
    """One row per outlet: articles, words, quotes, the most-quoted group, first voice, balance.

    Returns
    -------
    DataFrame
        Columns outlet, articles, errors, words, quotes, scare_quotes, top_voice, top_voice_share,
        first_voice, balance (pooled index), balance_low, balance_high.
    """
    f = tables.features
    voices = voice_shares(tables.quotes, actors=tables.actors)
    bal = balance_by_outlet(f, actors=tables.actors).set_index("outlet")
    rows = []
    for outlet, sub in f.groupby("outlet", sort=True):
        v = voices[voices["outlet"] == outlet].sort_values("share", ascending=False)
        top = v.iloc[0] if len(v) and v["quotes"].iloc[0] > 0 else None
        ok = sub[sub["status"] != "error"]
        rows.append({
            "outlet": outlet, "articles": len(sub), "errors": int((sub["status"] == "error").sum()),
            "words": int(ok["n_words"].sum()), "quotes": int(ok["n_quotes"].sum()),
            "scare_quotes": int(ok["n_scare_quotes"].sum()),
            "top_voice": tables.actors.label(top["group"]) if top is not None else None,
            "top_voice_share": float(top["share"]) if top is not None else math.nan,
            "first_voice": ", ".join(str(x) for x in ok["first_voice"].dropna().unique()) or None,
            "balance": bal.loc[outlet, "estimate"] if outlet in bal.index else math.nan,
            "balance_low": bal.loc[outlet, "low"] if outlet in bal.index else math.nan,
            "balance_high": bal.loc[outlet, "high"] if outlet in bal.index else math.nan,
        })
    return pd.DataFrame(rows)


def removed_furniture(articles: pd.DataFrame) -> pd.DataFrame:
    """What cleaning removed, one row per removed span.

    Returns
    -------
    DataFrame
        Columns article_id, outlet, reason, start, end, text.
    """
    rows = [{"article_id": a.article_id, "outlet": a.outlet, **r}
            for a in articles.itertuples(index=False) for r in (a.removed or [])]
    return pd.DataFrame(rows, columns=["article_id", "outlet", "reason", "start", "end", "text"])


ACTOR_SCORE_MEASURES = ("mentions", "sentence_share", "word_share", "in_headline", "in_lede", "first_sentence",
                        "first_position", "prominence", "quotes", "voice_share", "about_vader", "about_learned",
                        "by_vader", "by_learned")


def actor_scores(features: pd.DataFrame, *, actors: ActorDictionary | None = None) -> pd.DataFrame:
    """The article × actor-group table (long form of the per-group ``features`` columns).

    Returns
    -------
    DataFrame
        Columns article_id, outlet, group, label, then one column per measure: mentions,
        sentence_share, word_share, in_headline, in_lede, first_sentence, first_position,
        prominence, quotes, voice_share, about_vader, about_learned, by_vader, by_learned.
    """
    actors = actors or default_actors()
    rows = []
    for rec in features.to_dict("records"):
        for g in actors.groups:
            rows.append({"article_id": rec["article_id"], "outlet": rec["outlet"], "group": g,
                         "label": actors.label(g), **{m: rec.get(f"{g}_{m}") for m in ACTOR_SCORE_MEASURES}})
    return pd.DataFrame(rows, columns=["article_id", "outlet", "group", "label", *ACTOR_SCORE_MEASURES])
