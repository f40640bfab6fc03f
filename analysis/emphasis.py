"""Emphasis: how much room, how early and how prominently each actor group appears.

All measures are per article × actor group and computed over the article's *body*
sentences (headings count as sentences; titles and captions do not, except for
``in_headline``). A group is *present* in a sentence when one of its actors is mentioned
there or when the sentence contains part of a quote attributed to the group.

Not handled: mentions by pronoun ("it", "he") are not counted as mentions (speaker
pronouns are resolved by the quote module and count through voice share).
"""

from __future__ import annotations

import math
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from analysis.actors import ActorDictionary, Mention
from analysis.text import Doc, count_words

__all__ = ["MEASURES", "GroupEmphasis", "balance_index", "balance_interval", "emphasis", "presence_matrix",
           "sentence_word_counts"]

MEASURES = ("mentions", "sentence_share", "word_share", "in_headline", "in_lede", "first_sentence",
            "first_position", "prominence")


@dataclass(frozen=True, slots=True)
class GroupEmphasis:
    """Emphasis of one actor group in one article (see :func:`emphasis` for definitions)."""

    group: str
    mentions: int
    sentence_share: float
    word_share: float
    in_headline: bool
    in_lede: bool
    first_sentence: float  # NaN when absent; an int otherwise
    first_position: float
    prominence: float


def presence_matrix(doc: Doc, mentions: Sequence[Mention], quotes: Sequence, groups: Sequence[str]) -> np.ndarray:
    """Boolean matrix (n_sentences × n_groups): is the group present in each sentence?

    Present = a mention of the group in the sentence, or a non-scare quote attributed to the
    group overlapping the sentence.
    """
    sents = doc.sentences
    col = {g: j for j, g in enumerate(groups)}
    m = np.zeros((len(sents), len(groups)), dtype=bool)
    if not sents:
        return m
    # Sentences are in text order and do not overlap, so bisect on plain lists finds them
    # (a NumPy call per mention or quote cost more than the search itself).
    starts = [s.start for s in sents]
    ends = [s.end for s in sents]
    for men in mentions:
        j = col.get(men.group)
        if j is None:
            continue
        i = bisect_right(starts, men.start) - 1
        if i >= 0 and men.start < ends[i]:
            m[i, j] = True
    for q in quotes:
        j = col.get(getattr(q, "actor", None))
        if j is None or q.kind == "scare":
            continue
        # The sentences overlapping the quote: end > q.start and start < q.end.
        m[bisect_right(ends, q.start) : bisect_left(starts, q.end), j] = True
    return m


_WORDS_MEMO = threading.local()


def sentence_word_counts(doc: Doc) -> np.ndarray:
    """Word count of each sentence of ``doc`` (:func:`analysis.text.count_words`), as int64.

    The last document's counts are kept (per thread), so that :func:`emphasis` and
    :func:`analysis.tables.features_record` count each article's words once.
    """
    memo = getattr(_WORDS_MEMO, "last", None)
    if memo is not None and memo[0] is doc:
        return memo[1]
    text = doc.text
    words = np.array([count_words(text, s.start, s.end) for s in doc.sentences], dtype=np.int64)
    words.flags.writeable = False
    _WORDS_MEMO.last = (doc, words)
    return words


def emphasis(doc: Doc, mentions: Sequence[Mention], quotes: Sequence, actors: ActorDictionary,
             *, title: str | None = None, presence: np.ndarray | None = None) -> list[GroupEmphasis]:
    """Emphasis measures of every group of ``actors`` in one article.

    Parameters
    ----------
    doc : Doc
        The segmented article (body and heading sentences are used).
    mentions : sequence of Mention
        Actor mentions in ``doc.text``.
    quotes : sequence of Quote
        Quotes with an ``actor`` group (scare quotes are ignored).
    actors : ActorDictionary
    title : str, optional
        The headline, when it is not a paragraph of the text (HTML/JSON metadata).
    presence : ndarray, optional
        ``presence_matrix(doc, mentions, quotes, list(actors.groups))`` when the caller has
        it already (it is computed otherwise).

    Returns
    -------
    list of GroupEmphasis
        One per group, in dictionary order. Definitions, with S the body sentences in order
        (index i = 0..n-1) and w_i their word counts:

        - ``mentions``: mentions of the group in body sentences.
        - ``sentence_share``: share of S where the group is present (mention or quote).
        - ``word_share``: Σ w_i over those sentences / Σ w_i over S.
        - ``in_headline``: the group is mentioned in the title.
        - ``in_lede``: present in the first two sentences of S.
        - ``first_sentence``: first i where present (NaN if never); ``first_position`` =
          i / (n-1), 0 = first sentence, 1 = last (NaN if never).
        - ``prominence``: position-weighted presence, Σ_{present} v_p / Σ_all v_p with
          v_p = 1/(p+1), p = 0 for the headline and p = i+1 for sentence i. In [0, 1]:
          1 means present everywhere, early presence weighs most.
    """
    groups = list(actors.groups)
    sents = doc.sentences
    n = len(sents)
    pres = presence_matrix(doc, mentions, quotes, groups) if presence is None else presence
    words = sentence_word_counts(doc)
    total_words = int(words.sum())
    title_groups = _title_groups(doc, actors, title)
    weights = 1.0 / (np.arange(n) + 2.0)  # p = i + 1
    weight_total = 1.0 + weights.sum()  # the headline has p = 0, v = 1
    n_mentions = dict.fromkeys(groups, 0)
    for men in mentions:
        if men.group in n_mentions and doc.sentence_at(men.start) is not None:
            n_mentions[men.group] += 1
    # Per group, plain Python on the present sentences' indices (a few per article) instead
    # of a NumPy call per measure; the values are the same: counts and word sums are exact
    # integers, and the weights are summed by NumPy over the same elements in the same order.
    word_list = words.tolist()
    out = []
    for j, g in enumerate(groups):
        idx = np.flatnonzero(pres[:, j])
        present = idx.tolist()
        k = len(present)
        first = float(present[0]) if k else math.nan
        weight_sum = weights[idx].sum() if k else 0.0
        out.append(GroupEmphasis(
            group=g,
            mentions=n_mentions[g],
            sentence_share=k / n if n else math.nan,
            word_share=sum(word_list[i] for i in present) / total_words if total_words else math.nan,
            in_headline=g in title_groups,
            in_lede=bool(k and present[0] < 2),
            first_sentence=first,
            first_position=(first / (n - 1) if n > 1 else 0.0) if k else math.nan,
            prominence=float(((1.0 if g in title_groups else 0.0) + weight_sum) / weight_total),
        ))
    return out


def _title_groups(doc: Doc, actors: ActorDictionary, title: str | None) -> set[str]:
    spans = [(p.start, p.end) for p in doc.paragraphs if p.kind == "title"]
    if spans:
        return {m.group for s, e in spans for m in actors.find(doc.text, s, e)}
    return {m.group for m in actors.find(title)} if title else set()


def balance_index(presence: np.ndarray, groups: Sequence[str], a: str = "kremlin", b: str = "coalition") -> float:
    """Balance between two groups over sentences, in [-1, 1].

    ``B = (P_a - P_b) / (P_a + P_b)`` where ``P_g`` is the number of sentences in which
    group g is present (mentioned or quoted). +1: only ``a`` (the Kremlin side) appears;
    -1: only ``b`` (the coalition) appears; 0: equal room. NaN when neither appears.
    """
    ia, ib = list(groups).index(a), list(groups).index(b)
    pa, pb = presence[:, ia].sum(), presence[:, ib].sum()
    return float((pa - pb) / (pa + pb)) if pa + pb else math.nan


def balance_interval(presence: np.ndarray, groups: Sequence[str], a: str = "kremlin", b: str = "coalition",
                     *, n_boot: int = 1000, ci: float = 0.95, seed: int = 0) -> tuple[float, float]:
    """Percentile bootstrap interval of :func:`balance_index`, resampling sentences.

    Sentences are drawn with replacement (same count as the article), ``n_boot`` times, with
    a fixed ``seed`` so that results are reproducible. Resamples where neither group
    appears are skipped; (NaN, NaN) when the index itself is undefined.

    The index of a resample depends only on how many of its sentences have ``a`` only,
    ``b`` only, both or neither, so each resample is drawn as those four counts, from the
    multinomial distribution with the article's proportions: the same bootstrap
    distribution as drawing sentence indices, at a cost independent of the article's length
    (and the interval is a function of the four counts, so it is memoised).
    """
    n = presence.shape[0]
    if n == 0 or math.isnan(balance_index(presence, groups, a, b)):
        return math.nan, math.nan
    ia, ib = list(groups).index(a), list(groups).index(b)
    pa, pb = presence[:, ia].astype(bool), presence[:, ib].astype(bool)
    both = int((pa & pb).sum())
    counts = (int(pa.sum()) - both, int(pb.sum()) - both, both, n, int(n_boot), float(ci))
    if isinstance(seed, (int, np.integer)):
        return _balance_interval(*counts, int(seed))
    return _balance_interval.__wrapped__(*counts, seed)  # a SeedSequence or Generator: not memoised


@lru_cache(maxsize=4096)
def _balance_interval(a_only: int, b_only: int, both: int, n: int, n_boot: int, ci: float, seed) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    k = rng.multinomial(n, np.array([a_only, b_only, both, n - a_only - b_only - both]) / n, size=n_boot)
    d = k[:, 0] - k[:, 1]
    t = k[:, 0] + k[:, 1] + 2 * k[:, 2]
    ok = t > 0
    vals = d[ok] / t[ok]
    lo, hi = np.quantile(vals, [(1 - ci) / 2, 1 - (1 - ci) / 2])
    return float(lo), float(hi)
