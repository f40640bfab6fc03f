"""Comparison between outlets: distinctive terms, coverage differences, bootstrap intervals.

Three independent tools, each a pure function of tidy tables (see :mod:`analysis.tables`):

- :func:`fightin_words` -- which words each outlet uses more than the others: the log-odds
  ratio with an informative Dirichlet prior of Monroe, Colaresi & Quinn (2008).
- :func:`coverage_difference` -- which sentences of an outlet have no counterpart in the
  other outlets' articles on the same event (TF-IDF cosine alignment).
- :func:`bootstrap_ci` and :func:`bootstrap_stat` -- percentile bootstrap intervals for
  per-outlet measures, resampling sentences within articles or whole articles.

Nothing here drops a row silently: a missing outlet or a missing value is an error that says
what to fix.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfVectorizer

__all__ = [
    "TOKEN_PATTERN", "COVERAGE_STOP_WORDS", "COVERAGE_THRESHOLD", "QUOTE_MARKS",
    "fightin_words", "coverage_difference", "BootstrapResult", "bootstrap_stat", "bootstrap_ci",
]

# --------------------------------------------------------------------------------------------
# Tokens shared by both text comparisons
# --------------------------------------------------------------------------------------------

#: Dotted abbreviations of single letters ("U.S.", "U.S", "e.g.") are one token, dot kept, so
#: "U.S." is not lost as two one-letter words; otherwise a word is a run of letters/digits with
#: inner apostrophes ("don't"). Hyphens split ("Russia-U.S." -> "russia", "u.s.").
TOKEN_PATTERN = r"(?u)\b[^\W\d_](?:\.[^\W\d_])+\.?|\w+(?:'\w+)*"
_POSSESSIVE = re.compile(r"'s\b")


def _preprocess(text: str) -> str:
    """Lowercase, fold curly apostrophes to ', and drop the possessive 's.

    Without the fold, "Starmer’s" and "Starmer's" (both occur in the seeds) would be two
    terms; dropping 's makes "Starmer’s spokesperson" count towards "starmer". The cost: the
    contraction "it's"/"what's" loses its "is", which carries no framing anyway.
    """
    return _POSSESSIVE.sub("", text.lower().replace("\u2019", "'").replace("\u2018", "'"))


def _normalise_stop_words(stop_words):
    """Stop words run through the same preprocessing, so "Starmer's" in a list still matches."""
    if stop_words is None or isinstance(stop_words, str):
        return stop_words
    return sorted({_preprocess(w) for w in stop_words})


# --------------------------------------------------------------------------------------------
# Fightin' Words
# --------------------------------------------------------------------------------------------

FIGHTIN_WORDS_COLUMNS = ["outlet", "term", "count", "count_rest", "alpha", "delta", "var", "z"]


def _texts_and_outlets(data, text_col: str, outlet_col: str) -> tuple[list[str], np.ndarray]:
    """Documents and their outlet labels from a frame or an {outlet: text(s)} mapping."""
    if isinstance(data, pd.DataFrame):
        missing = [c for c in (outlet_col, text_col) if c not in data.columns]
        if missing:
            raise ValueError(f"the frame has no column(s) {missing}; columns are {list(data.columns)}")
        outlets = data[outlet_col]
        if outlets.isna().any():
            raise ValueError(f"{int(outlets.isna().sum())} row(s) have no {outlet_col!r}; fill it "
                             "(e.g. with 'unknown') or drop those rows explicitly")
        # An empty or missing text contributes no tokens but is not an error.
        texts = data[text_col].fillna("").astype(str).tolist()
        return texts, outlets.astype(str).to_numpy()
    if isinstance(data, Mapping):
        texts, labels = [], []
        for outlet, value in data.items():
            docs = [value] if isinstance(value, str) else list(value)
            texts.extend("" if d is None else str(d) for d in docs)
            labels.extend([str(outlet)] * len(docs))
        return texts, np.array(labels, dtype=object)
    raise TypeError(f"expected a DataFrame or a mapping outlet -> text(s), got {type(data).__name__}")


def fightin_words(
    data: pd.DataFrame | Mapping[str, str | Iterable[str]],
    *,
    prior: str | Mapping[str, float] | pd.Series = "corpus",
    alpha0: float = 1000.0,
    ngram_range: tuple[int, int] = (1, 1),
    stop_words: str | Iterable[str] | None = None,
    min_count: int = 1,
    top: int | None = None,
    text_col: str = "text",
    outlet_col: str = "outlet",
) -> pd.DataFrame:
    """Distinctive terms of each outlet: log-odds ratio with an informative Dirichlet prior.

    Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and
    Evaluation for Identifying the Content of Political Conflict", *Political Analysis*
    16(4):372-403, section 3.5 (log-odds ratio with an informative Dirichlet prior).

    Each outlet *i* is compared with the rest *j*: all other outlets pooled. With two outlets
    that is simply the other one, and the two rows of a term mirror each other
    (``delta`` and ``z`` change sign). For term *w*, with ``y`` the term's count, ``n`` the
    total count of all terms in the group, and ``a = alpha_w``::

        delta = log((y_i + a) / (n_i + alpha0 - y_i - a)) - log((y_j + a) / (n_j + alpha0 - y_j - a))
        var   = 1/(y_i + a) + 1/(n_i + alpha0 - y_i - a) + 1/(y_j + a) + 1/(n_j + alpha0 - y_j - a)
        z     = delta / sqrt(var)

    This is the full variance of the two log-odds; the paper's approximation keeps only the
    ``1/(y + a)`` terms, which overstates ``z`` for very frequent words.

    The prior is ``alpha_w = alpha0 * b_w / sum(b)``, a background distribution ``b`` scaled to
    a total prior mass ``alpha0`` (pseudo-words) and shared by both groups. ``z`` far from 0
    (|z| > 1.96, uncorrected for the many terms tested) marks a distinctive term.

    Parameters
    ----------
    data
        Either a DataFrame with an outlet column and a text column -- typically the sentence
        table of :func:`analysis.tables.sentences_frame` (body *and* heading sentences, with
        boilerplate already removed), or an articles table with ``text_col='clean_text'``
        (its ``text`` column is the raw file, page furniture included) -- or a mapping
        ``{outlet: text or list of texts}``. Every row counts; nothing is filtered by kind.
    prior
        ``"corpus"`` (default): ``b`` = the term's count in all the input texts together, the
        informative prior. ``"uniform"``: ``b_w = 1`` for every term (each gets
        ``alpha0 / V``). A mapping or Series ``term -> count``: a background corpus (e.g. a
        large reference collection); its keys are lowercased like the tokens, and the input's
        own counts are added so that every term has a positive prior.
    alpha0
        Total prior mass in pseudo-words (default 1000). Against a corpus of a thousand
        articles (~800,000 words) it barely shrinks; against two short articles it shrinks
        strongly towards the background, which is what keeps a word used twice from looking
        distinctive. Larger means more shrinkage.
    ngram_range
        Word n-grams counted, as in scikit-learn's ``CountVectorizer``. With n-grams of
        several lengths, ``n`` counts all of them together (one multinomial).
    stop_words
        ``None`` (keep all words: pronouns and function words can be framing), ``"english"``
        (scikit-learn's list) or a list of words. Removed words do not count in ``n``.
    min_count
        Report only terms with at least this many occurrences in all the input together.
        It filters rows only; the statistics of the kept terms do not change.
    top
        If given, keep per outlet the ``top`` rows with the largest ``|z|``.
    text_col, outlet_col
        Column names when ``data`` is a DataFrame.

    Returns
    -------
    pandas.DataFrame
        One row per (outlet, term), sorted by outlet then ``z`` descending. Columns:
        ``outlet`` (the focal outlet *i*), ``term``, ``count`` (``y_i``), ``count_rest``
        (``y_j``, all other outlets), ``alpha`` (``alpha_w``), ``delta``, ``var``, ``z``
        (positive: the outlet uses the term more than the rest).

    Notes
    -----
    Tokens: lowercased; "U.S." stays one token ("u.s."); curly and straight apostrophes are
    the same; the possessive 's is dropped ("Starmer’s" -> "starmer"); hyphenated words split.
    Not handled: lemmatisation, multi-word names (use ``ngram_range``), negation.

    Raises
    ------
    ValueError
        Fewer than two outlets, a row without an outlet, no tokens at all, ``alpha0 <= 0``.
    """
    if alpha0 <= 0:
        raise ValueError(f"alpha0 must be positive, got {alpha0}")
    texts, labels = _texts_and_outlets(data, text_col, outlet_col)
    names, codes = np.unique(labels, return_inverse=True)
    if len(names) < 2:
        raise ValueError(f"need at least two outlets to compare, got {list(names)}")

    vectorizer = CountVectorizer(
        preprocessor=_preprocess, token_pattern=TOKEN_PATTERN, ngram_range=ngram_range,
        stop_words=_normalise_stop_words(stop_words), dtype=np.int64)
    try:
        X = vectorizer.fit_transform(texts)
    except ValueError as exc:  # sklearn: "empty vocabulary; perhaps the documents only contain stop words"
        raise ValueError(f"no terms to count: {exc}") from None
    terms = vectorizer.get_feature_names_out()

    # Per-outlet counts: an outlet x document indicator times the document-term matrix.
    indicator = sparse.csr_matrix((np.ones(len(codes)), (codes, np.arange(len(codes)))),
                                  shape=(len(names), len(codes)))
    Y = (indicator @ X).tocsr()
    total = np.asarray(Y.sum(axis=0)).ravel().astype(float)

    background = _background(prior, terms, total)
    alpha = alpha0 * background / background.sum()
    keep = np.flatnonzero(total >= min_count)

    n_all = total.sum()
    frames = []
    for i, outlet in enumerate(names):
        y_i = Y.getrow(i).toarray().ravel().astype(float)
        y_j = total - y_i
        n_i = y_i.sum()
        n_j = n_all - n_i
        a = alpha
        odds_i = (y_i + a) / (n_i + alpha0 - y_i - a)
        odds_j = (y_j + a) / (n_j + alpha0 - y_j - a)
        delta = np.log(odds_i) - np.log(odds_j)
        var = 1 / (y_i + a) + 1 / (n_i + alpha0 - y_i - a) + 1 / (y_j + a) + 1 / (n_j + alpha0 - y_j - a)
        z = delta / np.sqrt(var)
        rows = keep
        if top is not None:
            rows = keep[np.argsort(-np.abs(z[keep]), kind="stable")[:top]]
        frames.append(pd.DataFrame({
            "outlet": outlet, "term": terms[rows], "count": y_i[rows].astype(np.int64),
            "count_rest": y_j[rows].astype(np.int64), "alpha": a[rows], "delta": delta[rows],
            "var": var[rows], "z": z[rows],
        }))
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["outlet", "z"], ascending=[True, False], kind="stable",
                           ignore_index=True)[FIGHTIN_WORDS_COLUMNS]


def _background(prior, terms: np.ndarray, total: np.ndarray) -> np.ndarray:
    """Background weights ``b`` over ``terms`` (all positive), from the ``prior`` option."""
    if isinstance(prior, str):
        if prior == "corpus":
            return total.copy()
        if prior == "uniform":
            return np.ones_like(total)
        raise ValueError(f"prior must be 'corpus', 'uniform' or a term -> count mapping, got {prior!r}")
    series = pd.Series(prior, dtype=float) if not isinstance(prior, pd.Series) else prior.astype(float)
    if (series < 0).any() or series.isna().any():
        raise ValueError("background counts must be non-negative numbers")
    series = series.groupby([_preprocess(str(k)) for k in series.index]).sum()
    # The input's own counts are added so that no term of the input has a zero prior.
    return series.reindex(terms, fill_value=0.0).to_numpy() + total


# --------------------------------------------------------------------------------------------
# Coverage difference
# --------------------------------------------------------------------------------------------

#: Attribution formulae say who spoke, not what happened; left in, "X told reporters" matched
#: "the spokesperson told reporters" on the seeds (cosine 0.155, above real paraphrases).
ATTRIBUTION_WORDS = frozenset({
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "reporters", "added",
    "adding", "according", "noted",
})
COVERAGE_STOP_WORDS = frozenset(ENGLISH_STOP_WORDS | ATTRIBUTION_WORDS)

#: Default cosine threshold for "covered"; see :func:`coverage_difference` for how it was chosen.
COVERAGE_THRESHOLD = 0.2

#: Double quotation marks: straight, curly, low-9, guillemets. Single ‘ ’ are left out because
#: ’ is also the apostrophe.
QUOTE_MARKS = "\"“”„‟«»"
_QUOTE_RE = re.compile(f"[{re.escape(QUOTE_MARKS)}]")

COVERAGE_COLUMNS = [
    "article_id", "outlet", "sentence", "start", "end", "text", "is_quote", "best_match_outlet",
    "best_match_article_id", "best_match_sentence", "similarity", "covered_by", "unique",
]


def coverage_difference(
    sentences: pd.DataFrame,
    *,
    threshold: float = COVERAGE_THRESHOLD,
    event_col: str | None = None,
    stop_words: Iterable[str] | str | None = COVERAGE_STOP_WORDS,
) -> pd.DataFrame:
    """What each outlet reports that the others do not: sentence alignment by TF-IDF cosine.

    Within each event, a TF-IDF model (word 1- and 2-grams, stop words and attribution words
    removed, tokens as in :func:`fightin_words`) is fitted on that event's sentences, and every
    sentence is compared with every sentence of the *other* outlets' articles. A sentence of
    outlet X is *covered* by outlet Y when its best cosine similarity against Y's sentences is
    at least ``threshold``; it is *unique* when no other outlet covers it.

    The default threshold, 0.2, was chosen by reading the seeds (CGTN and Reuters on the same
    meeting). Best-match cosines there: 0.377 (Trump's talks with Putin "surprised"/"shocked"
    Europe, both outlets), 0.282 (Britain/Starmer "leading role in organising Western support
    for Ukraine alongside France"), then 0.143 (the military chiefs' meeting of the "coalition
    of the willing" -- the same fact, worded differently), 0.134 (CGTN's "U.S. involvement will
    be necessary" against Reuters' heading "U.S. BACKSTOP?" -- related, not the same claim),
    0.116 and below (unrelated sentences sharing a name such as "Ukraine"). 0.2 sits in the
    middle of the widest gap, so small changes in tokenisation do not flip it. The trade-off:
    same facts in different words (0.10-0.20) are reported as unique. Lowering to ~0.13 would
    catch the military-chiefs pair on the seeds, but on BASIL triplets the 0.10-0.15 band is
    mostly chance overlap of names and topic words. On BASIL (70 events, 5,412 sentences)
    about 23% of sentences are covered at 0.2, 33% at 0.15 and 51% at 0.1. Read the
    ``similarity`` and ``best_match_*`` columns before trusting a borderline ``unique``.

    Parameters
    ----------
    sentences
        A sentence table (:func:`analysis.tables.sentences_frame`): columns article_id,
        outlet, sentence, start, end, text, plus ``event_col`` if given. Headings count as
        sentences. Every row appears in the output.
    threshold
        Minimum cosine similarity for a sentence to be covered by another outlet.
    event_col
        Column naming the event (e.g. BASIL's ``triplet-uuid``): sentences are aligned only
        within the same event, each event with its own TF-IDF model. ``None``: the whole
        table is one event.
    stop_words
        Words ignored in the alignment (default: scikit-learn's English list plus
        :data:`ATTRIBUTION_WORDS`).

    Returns
    -------
    pandas.DataFrame
        One row per input sentence, in input order. Columns: ``article_id``, ``outlet``,
        [``event_col``], ``sentence``, ``start``, ``end``, ``text``; ``is_quote`` (bool: the
        sentence contains a double quotation mark, one of :data:`QUOTE_MARKS`, so reported
        facts and quoted words can be told apart -- scare quotes count too);
        ``best_match_outlet``, ``best_match_article_id``, ``best_match_sentence`` (the most
        similar sentence in another outlet; missing when nothing shares a term);
        ``similarity`` (its cosine; NaN when the event has no other outlet);
        ``covered_by`` (tuple of the other outlets whose best match reaches ``threshold``,
        sorted); ``unique`` (bool: ``covered_by`` is empty).

    Notes
    -----
    Not handled: paraphrase without shared words (CGTN's "turning that political intention
    into reality" and Reuters' "focus on military planning" score 0), contradiction (a
    sentence and its denial share words and count as covered), and order or emphasis (see the
    emphasis module). An outlet alone in its event has all sentences unique, with NaN
    similarity.
    """
    required = ["article_id", "outlet", "sentence", "start", "end", "text"]
    if event_col is not None:
        required.append(event_col)
    missing = [c for c in required if c not in sentences.columns]
    if missing:
        raise ValueError(f"the sentence table has no column(s) {missing}")
    if sentences["outlet"].isna().any():
        raise ValueError(f"{int(sentences['outlet'].isna().sum())} sentence(s) have no outlet; "
                         "fill it or drop those rows explicitly")
    if event_col is not None and sentences[event_col].isna().any():
        raise ValueError(f"{int(sentences[event_col].isna().sum())} sentence(s) have no {event_col!r}")

    frame = sentences.reset_index(drop=True)
    n = len(frame)
    best_outlet = np.full(n, None, dtype=object)
    best_article = np.full(n, None, dtype=object)
    best_sentence = np.full(n, -1, dtype=np.int64)
    similarity = np.full(n, np.nan)
    covered_by: list[tuple[str, ...]] = [()] * n

    groups = [np.arange(n)] if event_col is None else list(frame.groupby(event_col, sort=False).indices.values())
    texts = frame["text"].fillna("").astype(str).to_numpy()
    outlets = frame["outlet"].astype(str).to_numpy()
    for rows in groups:
        _align_event(rows, texts, outlets, frame["article_id"].to_numpy(), frame["sentence"].to_numpy(),
                     threshold, _normalise_stop_words(stop_words),
                     best_outlet, best_article, best_sentence, similarity, covered_by)

    out = frame[required[:2] + ([event_col] if event_col else []) + required[2:6]].copy()
    out["is_quote"] = frame["text"].fillna("").astype(str).str.contains(_QUOTE_RE)
    out["best_match_outlet"] = best_outlet
    out["best_match_article_id"] = best_article
    out["best_match_sentence"] = pd.array([int(b) if b >= 0 else pd.NA for b in best_sentence], dtype="Int64")
    out["similarity"] = similarity
    out["covered_by"] = covered_by
    out["unique"] = np.array([len(c) == 0 for c in covered_by], dtype=bool)
    return out


def _align_event(rows, texts, outlets, article_ids, sentence_ids, threshold, stop_words,
                 best_outlet, best_article, best_sentence, similarity, covered_by) -> None:
    """Fill the output arrays for the sentences ``rows`` of one event (in place)."""
    ev_outlets = outlets[rows]
    names, codes = np.unique(ev_outlets, return_inverse=True)
    if len(names) < 2:
        return  # nothing to compare with: similarity stays NaN, covered_by empty
    vectorizer = TfidfVectorizer(preprocessor=_preprocess, token_pattern=TOKEN_PATTERN,
                                 ngram_range=(1, 2), stop_words=stop_words)
    try:
        X = vectorizer.fit_transform(texts[rows])  # rows are L2-normalised: X @ X.T is the cosine
    except ValueError:  # empty vocabulary: only stop words in this event, nothing shared
        X = sparse.csr_matrix((len(rows), 1))
    # Chunks keep the dense similarity block small when a whole corpus is one "event".
    chunk = max(1, 4_000_000 // max(len(rows), 1))
    for lo in range(0, len(rows), chunk):
        block = (X[lo:lo + chunk] @ X.T).toarray()
        own = codes[lo:lo + chunk]
        # Best similarity against each outlet; -1 against the sentence's own outlet.
        per_outlet = np.full((block.shape[0], len(names)), -1.0)
        arg = np.zeros((block.shape[0], len(names)), dtype=np.int64)
        for k in range(len(names)):
            cols = np.flatnonzero(codes == k)
            sub = block[:, cols]
            arg[:, k] = cols[sub.argmax(axis=1)]
            per_outlet[:, k] = sub.max(axis=1)
        per_outlet[np.arange(block.shape[0]), own] = -1.0
        best_k = per_outlet.argmax(axis=1)  # ties: the alphabetically first outlet
        for r in range(block.shape[0]):
            i = rows[lo + r]
            k = best_k[r]
            s = per_outlet[r, k]
            similarity[i] = s
            if s > 0:
                j = rows[arg[r, k]]
                best_outlet[i], best_article[i], best_sentence[i] = outlets[j], article_ids[j], sentence_ids[j]
            covered_by[i] = tuple(str(names[m]) for m in np.flatnonzero(per_outlet[r] >= threshold))
