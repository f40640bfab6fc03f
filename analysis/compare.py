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
    "TOKEN_PATTERN", "ATTRIBUTION_WORDS", "COVERAGE_STOP_WORDS", "COVERAGE_THRESHOLD", "QUOTE_MARKS",
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
        Fewer than two outlets, a row without an outlet, fewer than two distinct terms,
        ``alpha0 <= 0``.
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
    if len(terms) < 2:  # with one term its share is 1 everywhere: the log-odds is undefined
        raise ValueError(f"need at least two distinct terms, got {list(terms)}")

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

    if event_col is None:
        groups = [np.arange(n)]
    else:
        groups = list(frame.groupby(event_col, sort=False).indices.values())
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
                best_outlet[i], best_article[i] = outlets[j], article_ids[j]
                best_sentence[i] = sentence_ids[j]
            covered_by[i] = tuple(str(names[m]) for m in np.flatnonzero(per_outlet[r] >= threshold))


# --------------------------------------------------------------------------------------------
# Bootstrap intervals
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class BootstrapResult:
    """A percentile bootstrap interval.

    ``estimate`` is the statistic on the data as observed; ``low``/``high`` the interval
    bounds (NaN with fewer than two resampling units); ``n_units`` how many units were
    resampled (rows, or clusters); ``n_boot`` how many replicates gave a finite value and
    entered the quantiles; ``replicates`` all replicate values (NaN where the statistic was
    undefined, e.g. 0/0).
    """

    estimate: float
    low: float
    high: float
    n_units: int
    n_boot: int
    ci: float
    replicates: np.ndarray = field(repr=False, compare=False)


def _as_columns(values) -> list[np.ndarray]:
    """The per-unit arrays of ``values``, as a list of equal-length 1-D arrays."""
    if isinstance(values, pd.DataFrame):
        cols = [values[c].to_numpy() for c in values.columns]
    elif isinstance(values, Mapping):
        cols = [np.asarray(v) for v in values.values()]
    elif isinstance(values, (list, tuple)) and values and all(np.ndim(v) == 1 for v in values):
        cols = [np.asarray(v) for v in values]
    else:
        arr = np.asarray(values)
        if arr.ndim == 1:
            cols = [arr]
        elif arr.ndim == 2:
            cols = [arr[:, k] for k in range(arr.shape[1])]
        else:
            raise ValueError(f"values must be 1-D (one value per unit) or 2-D (units x columns), "
                             f"got {arr.ndim}-D")
    if not cols:
        raise ValueError("no values to resample")
    lengths = {len(c) for c in cols}
    if len(lengths) != 1:
        raise ValueError(f"all value arrays must have one entry per unit; lengths differ: {sorted(lengths)}")
    return cols


def _codes(labels, n: int, what: str) -> np.ndarray:
    """Integer codes 0..k-1 for group labels (strata or clusters) of n rows."""
    labels = pd.Series(np.asarray(labels, dtype=object))
    if len(labels) != n:
        raise ValueError(f"{what} has {len(labels)} entries for {n} units")
    if labels.isna().any():
        raise ValueError(f"{what} has {int(labels.isna().sum())} missing label(s)")
    return pd.factorize(labels, sort=False)[0]


def _stratified_picks(rng: np.random.Generator, strata: np.ndarray, size: int) -> np.ndarray:
    """``size`` x len(strata) indices: each position draws, with replacement, from its own stratum.

    Stratum sizes are kept, so a statistic pooled over the strata weights them as observed.
    """
    order = np.argsort(strata, kind="stable")
    counts = np.bincount(strata)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    s = strata[order]  # position p of the sorted layout belongs to stratum s[p]
    picks = starts[s] + rng.integers(0, counts[s], size=(size, len(s)))
    return order[picks]


def _replicate_indices(rng, n: int, strata, clusters, n_boot: int, chunk: int):
    """Yield blocks of row indices, one per replicate.

    Without clusters each block is a 2-D array (replicates x n). With clusters the rows of a
    replicate are the rows of its drawn clusters, so the length varies: the block is a list.
    """
    if clusters is None:
        for lo in range(0, n_boot, chunk):
            yield _stratified_picks(rng, strata, min(chunk, n_boot - lo))
        return
    c_order = np.argsort(clusters, kind="stable")
    c_size = np.bincount(clusters)
    c_start = np.concatenate([[0], np.cumsum(c_size)[:-1]])
    # the stratum of each cluster (clusters must be nested in strata)
    c_stratum = np.zeros(len(c_size), dtype=np.int64)
    c_stratum[clusters] = strata
    if np.any(c_stratum[clusters] != strata):
        raise ValueError("each cluster must lie within one stratum")
    for lo in range(0, n_boot, chunk):
        picks = _stratified_picks(rng, c_stratum, min(chunk, n_boot - lo))
        block = []
        for p in picks:
            lens = c_size[p]
            ends = np.cumsum(lens)
            # rows of cluster p[k] are c_order[c_start[p[k]] : c_start[p[k]] + lens[k]]
            offsets = np.repeat(c_start[p] - (ends - lens), lens) + np.arange(ends[-1] if len(ends) else 0)
            block.append(c_order[offsets])
        yield block


def bootstrap_stat(
    values,
    stat: Callable[..., float],
    *,
    strata=None,
    clusters=None,
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int | np.random.Generator | None = 0,
    vectorized: bool = False,
) -> BootstrapResult:
    """Percentile bootstrap interval of any statistic of per-unit values.

    Each replicate draws ``n`` units with replacement (within each stratum if ``strata`` is
    given, keeping the stratum sizes; whole clusters if ``clusters`` is given) and applies
    ``stat``. With replicate values ``t*_1 .. t*_B`` and level ``ci``::

        low  = quantile(t*, (1 - ci) / 2)      high = quantile(t*, (1 + ci) / 2)

    (numpy's default linear interpolation), over the finite replicates only; ``estimate`` is
    ``stat`` on the data as observed. This is the plain percentile interval (Efron &
    Tibshirani 1993, ch. 13): no bias correction, so it can be off for small samples or
    skewed statistics.

    Parameters
    ----------
    values
        One value per unit: a 1-D array, or several columns -- a DataFrame, a mapping
        name -> 1-D array, a list of 1-D arrays, or a 2-D array (units x columns). The
        columns are passed to ``stat`` positionally, resampled together (same rows).
    stat
        ``stat(*columns) -> float``. Example, the balance index over sentences, with
        per-sentence counts ``k`` (Kremlin) and ``c`` (coalition)::

            bootstrap_stat({"k": k, "c": c},
                           lambda k, c: (k.sum() - c.sum()) / (k.sum() + c.sum()))

        A replicate where ``stat`` is NaN or infinite (here: no mention at all) is left out
        of the quantiles and of ``n_boot`` in the result.
    strata
        Labels, one per unit: resample within each label (e.g. the article of each sentence).
    clusters
        Labels, one per unit: resample whole clusters (e.g. articles); rows of a cluster stay
        together. ``n_units`` is then the number of clusters. Clusters must nest in strata.
    n_boot, ci
        Number of replicates and interval level.
    seed
        An int (reproducible), a ``numpy.random.Generator``, or None (fresh entropy).
    vectorized
        If True, ``stat`` takes arrays of shape (replicates, units) and reduces along the
        last axis, e.g. ``lambda k, c: (k.sum(-1) - c.sum(-1)) / (k.sum(-1) + c.sum(-1))``;
        many replicates are then computed in one call. Ignored with ``clusters`` (the
        replicates differ in length), where ``stat`` is called once per replicate.

    Returns
    -------
    BootstrapResult
        estimate, low, high, n_units, n_boot, ci, replicates. ``low``/``high`` are NaN with
        fewer than two units (one unit gives no information about sampling variation).
    """
    if not 0 < ci < 1:
        raise ValueError(f"ci must be between 0 and 1, got {ci}")
    if n_boot < 1:
        raise ValueError(f"n_boot must be at least 1, got {n_boot}")
    cols = _as_columns(values)
    n = len(cols[0])
    strata_codes = np.zeros(n, dtype=np.int64) if strata is None else _codes(strata, n, "strata")
    cluster_codes = None if clusters is None else _codes(clusters, n, "clusters")
    n_units = n if cluster_codes is None else int(cluster_codes.max() + 1 if n else 0)
    vectorized = vectorized and cluster_codes is None

    def apply(index):
        return stat(*(c[index] for c in cols))

    if n == 0:
        estimate = np.nan
    elif vectorized:
        estimate = float(np.asarray(apply(np.arange(n)[None, :]))[0])
    else:
        estimate = float(apply(np.arange(n)))
    replicates = np.full(n_boot, np.nan)
    if n_units >= 2:
        rng = np.random.default_rng(seed)
        # ~4M index entries per block: 32 MB, whatever the number of units
        chunk = max(1, 4_000_000 // max(n, 1))
        pos = 0
        for block in _replicate_indices(rng, n, strata_codes, cluster_codes, n_boot, chunk):
            if vectorized:
                replicates[pos:pos + len(block)] = np.asarray(apply(block), dtype=float)
            else:
                replicates[pos:pos + len(block)] = [apply(index) for index in block]
            pos += len(block)
    finite = replicates[np.isfinite(replicates)]
    if n_units < 2 or not len(finite) or not np.isfinite(estimate):
        low = high = np.nan
    else:
        low, high = (float(q) for q in np.quantile(finite, [(1 - ci) / 2, (1 + ci) / 2]))
    return BootstrapResult(estimate=estimate, low=low, high=high, n_units=n_units,
                           n_boot=int(len(finite)), ci=ci, replicates=replicates)


_STATS = {"mean": np.mean, "sum": np.sum, "median": np.median}
# The same statistics from per-article (sum, number of rows), over axis -1 of the replicates.
_POOLED = {"mean": lambda s, m: s.sum(-1) / m.sum(-1), "sum": lambda s, m: s.sum(-1)}


def bootstrap_ci(
    frame: pd.DataFrame,
    *,
    value: str,
    by: str | list[str] = "outlet",
    unit: str = "sentence",
    stat: str | Callable[[np.ndarray], float] = "mean",
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int | None = 0,
    article_col: str = "article_id",
) -> pd.DataFrame:
    """Per-outlet (or per-group) statistic of a column with a percentile bootstrap interval.

    For each group of ``by``, the statistic of ``value`` over the group's rows, and a
    percentile interval (see :func:`bootstrap_stat`) from one of two resampling schemes:

    - ``unit="sentence"``: rows are resampled with replacement *within each article* (each
      article keeps its number of sentences), then the statistic is taken over all the
      group's resampled rows. It measures the uncertainty from which sentences happened to
      be written, for the articles at hand -- the only choice with one article per outlet,
      as in the seeds.
    - ``unit="article"``: whole articles are resampled with replacement within the group, and
      the statistic is taken over all the rows of the drawn articles. With several articles
      per outlet this is the honest one: sentences of one article are not independent.

    ``stat="mean"`` of a sentence-level value is then ``sum(values) / number of rows``; the
    built-in statistics (``"mean"``, ``"sum"``, ``"median"``) are vectorised over replicates.

    Each group gets its own random stream, derived from ``seed`` and the group's key, so a
    group's interval does not change when other groups are added or removed.

    Parameters
    ----------
    frame
        A tidy table with ``value``, the ``by`` column(s) and ``article_col``, e.g. a sentence
        table with a per-sentence measure. Missing values are an error, not skipped.
    value
        The column to summarise.
    by
        Grouping column(s); default ``"outlet"``.
    unit
        ``"sentence"`` or ``"article"``, see above.
    stat
        ``"mean"``, ``"sum"``, ``"median"``, or a function of a 1-D array returning a float.
    n_boot, ci, seed
        Replicates, interval level, and the seed (an int for reproducible results).
    article_col
        Column identifying the article of each row.

    Returns
    -------
    pandas.DataFrame
        One row per group, sorted by group. Columns: the ``by`` column(s), ``estimate``,
        ``low``, ``high`` (NaN with fewer than two units), ``n_units`` (sentences, or
        articles, in the group), ``n_boot`` (finite replicates).
    """
    by_cols = [by] if isinstance(by, str) else list(by)
    if unit not in ("sentence", "article"):
        raise ValueError(f"unit must be 'sentence' or 'article', got {unit!r}")
    missing = [c for c in [value, article_col, *by_cols] if c not in frame.columns]
    if missing:
        raise ValueError(f"the frame has no column(s) {missing}")
    for col in [value, article_col, *by_cols]:
        if frame[col].isna().any():
            raise ValueError(f"{int(frame[col].isna().sum())} row(s) have no {col!r}; "
                             "drop or fill them explicitly first")
    if isinstance(stat, str):
        if stat not in _STATS:
            raise ValueError(f"stat must be one of {sorted(_STATS)} or a function, got {stat!r}")
        func = _STATS[stat]
        vectorized = True
        stat_fn = lambda x: func(x, axis=-1)  # noqa: E731 - the (replicates, rows) form
    else:
        vectorized = False
        stat_fn = stat

    rows = []
    for key, group in frame.groupby(by_cols, sort=True):
        key_t = key if isinstance(key, tuple) else (key,)
        rng = None if seed is None else np.random.default_rng(
            np.random.SeedSequence([seed, zlib.crc32(repr(key_t).encode("utf-8"))]))
        labels = group[article_col].to_numpy()
        values = group[value].to_numpy(dtype=float)
        if unit == "article" and stat in ("mean", "sum"):
            # Drawing articles and pooling their rows = drawing rows of the per-article
            # (sum, size) table: same draws, but every replicate in one vectorised call.
            codes = pd.factorize(pd.Series(labels, dtype=object))[0]
            sums, sizes = np.bincount(codes, weights=values), np.bincount(codes).astype(float)
            res = bootstrap_stat((sums, sizes), _POOLED[stat], n_boot=n_boot, ci=ci, seed=rng,
                                 vectorized=True)
        else:
            res = bootstrap_stat(
                values, stat_fn, n_boot=n_boot, ci=ci, seed=rng,
                strata=labels if unit == "sentence" else None,
                clusters=labels if unit == "article" else None, vectorized=vectorized)
        rows.append({**dict(zip(by_cols, key_t, strict=True)), "estimate": res.estimate, "low": res.low,
                     "high": res.high, "n_units": res.n_units, "n_boot": res.n_boot})
    return pd.DataFrame(rows, columns=[*by_cols, "estimate", "low", "high", "n_units", "n_boot"])
