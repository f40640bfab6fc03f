"""Per-article analysis: mentions, quotes, emphasis and sentiment toward actors.

:func:`analyze` runs every stage on one :class:`~analysis.corpus.Article` and returns an
:class:`ArticleAnalysis` (plain records). :func:`actor_sentiment` separates, per actor
group, what is said **about** the group from what the group **says**:

- *about*: every mention of the group that is not the speaker of a quote, scored in its
  sentence — by VADER on the sentence (baseline) and by the learned target-aware model on
  the mention (``analysis/sentiment.py``). Mentions inside other people's quotes count
  (``where='quote'``), as do mentions in narration (``where='narration'``).
- *by*: the group's own quotes (direct, mixed, indirect; not scare quotes): VADER on the
  quote text, and the learned model toward each actor the quote names.

So Peskov calling Europe "a war party" is negative speech *by* the Kremlin and negative
sentiment *about* the coalition; it is not sentiment toward the Kremlin.

:class:`ScoreCache` scores each distinct sentence (VADER) and each distinct target in
context (learned model) once per run: wire copy repeats across outlets.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from analysis.actors import ActorDictionary, Mention, default_actors
from analysis.corpus import Article
from analysis.emphasis import GroupEmphasis, balance_index, balance_interval, emphasis, presence_matrix
from analysis.text import Doc, segment

__all__ = ["ArticleAnalysis", "ScoreCache", "TargetScore", "actor_sentiment", "analyze", "document_tone"]


@dataclass(frozen=True, slots=True)
class TargetScore:
    """Sentiment toward one mention (``stance='about'``) or of one quote (``stance='by'``)."""

    group: str
    stance: str  # 'about' | 'by'
    where: str  # about: 'narration' | 'quote'; by: the quote kind
    start: int  # the mention (about) or quote content (by) span
    end: int
    sentence: int
    vader: float
    learned: float


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything found in one article; every span points into ``article.text``."""

    article: Article
    doc: Doc
    mentions: tuple[Mention, ...]
    quotes: tuple  # of analysis.quotes.Quote
    emphasis: tuple[GroupEmphasis, ...]
    scores: tuple[TargetScore, ...]
    balance: float
    balance_low: float
    balance_high: float
    tone: float  # mean VADER compound over body sentences (NaN if none)
    warnings: tuple[str, ...] = ()


@dataclass
class ScoreCache:
    """Memoised VADER and learned-model scores for one run.

    ``vader`` maps sentence text -> compound; ``learned`` maps (sentence, start, end) ->
    P(positive) - P(negative). Keys are texts, so identical wire sentences in different
    articles are scored once.
    """

    vader: dict[str, float] = field(default_factory=dict)
    learned: dict[tuple[str, int, int], float] = field(default_factory=dict)
    model: object = None
    hits: int = 0
    misses: int = 0

    def vader_many(self, texts: Sequence[str]) -> list[float]:
        """VADER compound for each text, computing only the unseen ones."""
        from analysis.sentiment import vader

        analyser = vader()
        out = []
        for t in texts:
            v = self.vader.get(t)
            if v is None:
                self.misses += 1
                v = self.vader[t] = float(analyser.polarity_scores(t)["compound"])
            else:
                self.hits += 1
            out.append(v)
        return out

    def learned_many(self, triples: Sequence[tuple[str, int, int]]) -> list[float]:
        """Learned target score for each (sentence, start, end), batching the unseen ones."""
        todo = list(dict.fromkeys(t for t in triples if t not in self.learned))
        if todo:
            if self.model is None:
                from analysis.sentiment import load_default_model

                self.model = load_default_model()
            proba = self.model.predict_proba(todo)
            classes = list(self.model.classes_)
            pos, neg = classes.index("positive"), classes.index("negative")
            for t, p in zip(todo, proba):
                self.learned[t] = float(p[pos] - p[neg])
        self.misses += len(todo)
        self.hits += len(triples) - len(todo)
        return [self.learned[t] for t in triples]


def _mean(values) -> float:
    values = [v for v in values if not math.isnan(v)]
    return float(np.mean(values)) if values else math.nan


def document_tone(doc: Doc, cache: ScoreCache) -> float:
    """Article-level tone: the mean VADER compound over body sentences (NaN if none)."""
    return _mean(cache.vader_many([doc.sentence_text(s) for s in doc.body_sentences()]))


def actor_sentiment(doc: Doc, mentions: Sequence[Mention], quotes: Sequence, cache: ScoreCache) -> list[TargetScore]:
    """Score what is said about each group and what each group says (see module docstring).

    Returns
    -------
    list of TargetScore
        ``about`` rows for every mention that is not a speaker mention; ``by`` rows for every
        attributed non-scare quote with an actor group.
    """
    real = [q for q in quotes if q.kind != "scare"]
    speaker_spans = {(q.speaker_start, q.speaker_end) for q in real if q.speaker_start is not None}

    def in_speaker(m: Mention) -> bool:
        for s, e in speaker_spans:  # a loop, not any(generator): called for every mention
            if s <= m.start and m.end <= e:
                return True
        return False

    def quote_of(start: int, end: int):
        for q in real:
            if q.start <= start and end <= q.end:
                return q
        return None

    about: list[tuple[Mention, object]] = []  # (mention, its sentence)
    for m in mentions:
        s = doc.sentence_at(m.start)
        if s is None or in_speaker(m):
            continue
        about.append((m, s))
    sent_texts = [doc.sentence_text(s) for _, s in about]
    vad = cache.vader_many(sent_texts)
    # 'by': tone of each attributed quote, and the learned model toward the actors it names.
    by_quotes = [q for q in real if q.actor]
    by_vader = cache.vader_many([q.text for q in by_quotes])
    # One learned-model call per article (about targets, then each quote's targets): the
    # scores do not depend on how targets are batched, and small calls have a fixed cost.
    triples = [(t, m.start - s.start, m.end - s.start) for (m, s), t in zip(about, sent_texts)]
    spans = []
    for q in by_quotes:
        inside = [m for m in mentions if q.start <= m.start and m.end <= q.end]
        spans.append((len(triples), len(triples) + len(inside)))
        triples.extend((q.text, m.start - q.start, m.end - q.start) for m in inside)
    lrn = cache.learned_many(triples)
    out = [
        TargetScore(m.group, "about", "quote" if quote_of(m.start, m.end) else "narration", m.start, m.end,
                    s.index, v, lr)
        for (m, s), v, lr in zip(about, vad, lrn)
    ]
    for q, v, (i, j) in zip(by_quotes, by_vader, spans):
        s = doc.sentence_at(q.start)
        out.append(TargetScore(q.actor, "by", q.kind, q.start, q.end, s.index if s else -1, v, _mean(lrn[i:j])))
    return out


def article_doc(article: Article) -> Doc:
    """The segmented text of ``article``: its cleaned paragraphs, or nothing for an error record."""
    if article.status == "error":
        return Doc(article.text, (), ())
    return segment(article.working_text, list(article.paragraphs) if article.paragraphs else None)


def analyze(article: Article, *, actors: ActorDictionary | None = None, cache: ScoreCache | None = None,
            n_boot: int = 1000, seed: int = 0) -> ArticleAnalysis:
    """Run every stage on one article.

    Parameters
    ----------
    article : Article
        A loaded (and cleaned) article. Articles with ``status='error'`` give an empty analysis.
    actors : ActorDictionary, optional
        Defaults to the packaged dictionary.
    cache : ScoreCache, optional
        Share one across articles of a run to score repeated sentences once.
    n_boot, seed : int
        Bootstrap resamples and seed for the balance-index interval.

    Returns
    -------
    ArticleAnalysis
    """
    from analysis.quotes import extract_quotes

    actors = actors or default_actors()
    cache = cache if cache is not None else ScoreCache()
    doc = article_doc(article)
    # Mentions in the title count for the headline measure only; search kept paragraphs.
    mentions = tuple(m for p in doc.paragraphs if p.kind in ("body", "heading", "title")
                     for m in actors.find(doc.text, p.start, p.end))
    qres = extract_quotes(doc, actors=actors)
    quotes = qres.quotes
    body_mentions = tuple(m for m in mentions if doc.sentence_at(m.start) is not None)
    groups = list(actors.groups)
    pres = presence_matrix(doc, body_mentions, quotes, groups)
    emph = emphasis(doc, body_mentions, quotes, actors, title=article.title, presence=pres)
    scores = actor_sentiment(doc, body_mentions, quotes, cache)
    if actors.balance:
        bal = balance_index(pres, groups, *actors.balance)
        lo, hi = balance_interval(pres, groups, *actors.balance, n_boot=n_boot, seed=seed)
    else:
        bal = lo = hi = math.nan
    return ArticleAnalysis(
        article=article, doc=doc, mentions=mentions, quotes=quotes, emphasis=tuple(emph),
        scores=tuple(scores), balance=bal, balance_low=lo, balance_high=hi,
        tone=document_tone(doc, cache), warnings=tuple(qres.warnings),
    )
