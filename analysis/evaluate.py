"""Scoring against gold data: quote extraction and attribution on PolNeAR.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates *attributions* in political news:
a Source, a Cue and a Content span, in BRAT standoff (``T`` lines with character offsets,
discontinuous spans written ``s1 e1;s2 e2``; ``E`` lines tie the three together). Attribution
covers speech and also thoughts and beliefs. It does not say whether a quote is direct, so the
kind of each gold attribution is derived from its quote marks (see :func:`gold_kind`).

Scoring (character level, whitespace characters ignored everywhere):

- *recall* per kind: a gold attribution is found when the union of the predicted content spans
  (scare quotes excluded) covers at least half of its content;
- *precision*: a predicted quote (scare quotes excluded) is correct when at least half of it
  lies inside some gold content;
- *speaker accuracy*: over the found direct and mixed gold attributions that have a Source, the
  prediction overlapping the content most must have a speaker mention that overlaps the gold
  Source by at least one character.

The dev split is a fixed list of article names, ``analysis/data/polnear_dev.txt`` (every 5th
article sorted by name; the header of that file says how it was made). Rules in
:mod:`analysis.quotes` were developed on the other articles only.

Not handled: the PolNeAR test split (not distributed with this project); agreement between
the two annotators of doubly annotated articles (one file is used, see :func:`annotation_file`).
"""

from __future__ import annotations

import bisect
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from .actors import ActorDictionary
from .quotes import Quote, extract_quotes
from .text import segment

__all__ = [
    "GoldAttribution",
    "annotation_file",
    "evaluate_polnear",
    "gold_kind",
    "polnear_articles",
    "read_brat",
    "score_article",
]

KINDS = ("direct", "mixed", "indirect")

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One gold attribution: content, cue and source spans (possibly discontinuous), and kind."""

    content: Spans
    cue: Spans
    source: Spans
    kind: str


_T_RE = re.compile(r"^(T\d+)\t(\w[\w-]*) (\d+ \d+(?:;\d+ \d+)*)\t", re.MULTILINE)
_E_RE = re.compile(r"^E\d+\t(\S.*)$", re.MULTILINE)
_DOUBLE = '"“”«»„'


def _spans(raw: str) -> Spans:
    out = []
    for part in raw.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def gold_kind(text: str, content: Spans) -> str:
    """Kind of a gold attribution from the quote marks in its content.

    ``direct`` if the content, with edge punctuation trimmed, opens and closes with double
    quote marks and no closing mark is followed by unquoted words; ``mixed`` if it contains
    double quote marks otherwise; ``indirect`` if it has none. ``''`` and ````` count as
    double marks (NYT style).
    """
    s = " ".join(text[a:b] for a, b in content).replace("''", '"').replace("``", '"')
    s = s.strip().strip(".,;:!?-–—()[]… \t\r\n")
    if not any(c in _DOUBLE for c in s):
        return "indirect"
    if not (s[:1] in _DOUBLE and s[-1:] in _DOUBLE) or len(s) < 2:
        return "mixed"
    inside = False
    last = 0
    for m in re.finditer(r'["“”«»„]', s):
        c = m.group(0)
        if not inside and re.search(r"\w", s[last : m.start()]):
            return "mixed"
        inside = (c in "“«„") or (c == '"' and not inside)
        last = m.end()
    return "direct"


def read_brat(text: str, ann: str) -> list[GoldAttribution]:
    """Parse the BRAT standoff ``ann`` of ``text`` into attributions (one per ``E`` line).

    Lines that are not ``T``/``E`` records (annotator notes, text fragments that leaked onto
    their own lines because a span crossed a newline) are ignored. ``Content2`` arguments are
    merged into the content.
    """
    tspans = {m.group(1): _spans(m.group(3)) for m in _T_RE.finditer(ann)}
    out = []
    for m in _E_RE.finditer(ann):
        parts: dict[str, list[tuple[int, int]]] = {"Content": [], "Cue": [], "Source": []}
        for arg in m.group(1).split()[1:]:
            role, _, tid = arg.partition(":")
            role = re.sub(r"\d+$", "", role)
            if role in parts and tid in tspans:
                parts[role].extend(tspans[tid])
        content = tuple(sorted(parts["Content"]))
        if not content:
            continue
        out.append(GoldAttribution(content, tuple(parts["Cue"]), tuple(sorted(parts["Source"])),
                                   gold_kind(text, content)))
    return out


@cache
def _dev_names() -> frozenset[str]:
    raw = resources.files("analysis.data").joinpath("polnear_dev.txt").read_text("utf-8")
    return frozenset(x.strip() for x in raw.splitlines() if x.strip() and not x.startswith("#"))


def _metadata(directory: Path) -> dict[str, str]:
    """article name -> annotators field of ``metadata.tsv`` (empty when absent)."""
    path = directory / "metadata.tsv"
    if not path.exists():
        return {}
    lines = path.read_text("utf-8").splitlines()
    head = lines[0].split("\t") if lines else []
    if "filename" not in head or "annotators" not in head:
        return {}
    fi, ai = head.index("filename"), head.index("annotators")
    out = {}
    for line in lines[1:]:
        cols = line.split("\t")
        if len(cols) > max(fi, ai):
            out[cols[fi]] = cols[ai]
    return out


def annotation_file(directory: str | Path, name: str, annotators: str = "") -> Path | None:
    """The one annotation file used for article ``name``.

    The annotator listed in ``metadata.tsv`` when exactly one is listed and the file exists;
    otherwise the lexicographically first ``<name>_<annotator>.ann``.
    """
    adir = Path(directory) / "attributions"
    if annotators and "|" not in annotators:
        p = adir / f"{name}_{annotators}.ann"
        if p.exists():
            return p
    cands = sorted(adir.glob(f"{glob_escape(name)}_*.ann"))
    cands = [p for p in cands if p.stem.rsplit("_", 1)[0] == name]
    return cands[0] if cands else None


def glob_escape(s: str) -> str:
    return re.sub(r"([\[\]*?])", r"[\1]", s)


def polnear_articles(directory: str | Path, split: str = "dev") -> list[tuple[str, Path, Path]]:
    """(name, text path, annotation path) of the articles in ``split`` ('dev', 'train', 'all')."""
    if split not in ("dev", "train", "all"):
        raise ValueError(f"split must be 'dev', 'train' or 'all', not {split!r}")
    directory = Path(directory)
    meta = _metadata(directory)
    dev = _dev_names()
    out = []
    for tp in sorted((directory / "text").glob("*.txt")):
        name = tp.stem
        if split == "dev" and name not in dev or split == "train" and name in dev:
            continue
        ap = annotation_file(directory, name, meta.get(name, ""))
        if ap is not None:
            out.append((name, tp, ap))
    return out


class _Counter:
    """Prefix sums of non-whitespace characters, optionally restricted to a mask of spans."""

    def __init__(self, text: str, spans: Sequence[tuple[int, int]] = ()):
        self.ws = [m.span() for m in re.finditer(r"\S+", text)]
        if spans:
            self.ws = _intersect(self.ws, _union(spans))
        self.starts = [a for a, _ in self.ws]
        acc = [0]
        for a, b in self.ws:
            acc.append(acc[-1] + b - a)
        self.acc = acc

    def count(self, s: int, e: int) -> int:
        """Counted characters in ``[s, e)``."""
        if e <= s or not self.ws:
            return 0
        return self._upto(e) - self._upto(s)

    def _upto(self, x: int) -> int:
        i = bisect.bisect_right(self.starts, x) - 1
        if i < 0:
            return 0
        a, b = self.ws[i]
        return self.acc[i] + min(b, x) - a


def _union(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if b <= a:
            continue
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _intersect(x: list[tuple[int, int]], y: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, i, j = [], 0, 0
    while i < len(x) and j < len(y):
        a, b = max(x[i][0], y[j][0]), min(x[i][1], y[j][1])
        if a < b:
            out.append((a, b))
        if x[i][1] < y[j][1]:
            i += 1
        else:
            j += 1
    return out


def _overlap(x: Sequence[tuple[int, int]], y: Sequence[tuple[int, int]]) -> int:
    return sum(max(0, min(b, d) - max(a, c)) for a, b in x for c, d in y)


def score_article(text: str, gold: Sequence[GoldAttribution], quotes: Sequence[Quote]) -> dict:
    """Per-article scoring detail.

    Returns
    -------
    dict
        ``found``: one bool per gold attribution; ``speaker_ok``: one of True/False/None per
        gold attribution (None where it does not count); ``correct``: one bool per prediction
        (scare quotes excluded, in the order of ``preds``); ``preds``: the scored predictions.
    """
    preds = [q for q in quotes if q.kind != "scare"]
    pred_count = _Counter(text, [(q.start, q.end) for q in preds]) if preds else None
    gold_count = _Counter(text, [s for g in gold for s in g.content]) if gold else None
    all_count = _Counter(text)
    found, speaker_ok = [], []
    for g in gold:
        total = sum(all_count.count(a, b) for a, b in g.content)
        cov = sum(pred_count.count(a, b) for a, b in g.content) if pred_count else 0
        ok = total > 0 and cov * 2 >= total
        found.append(ok)
        sp = None
        if ok and g.kind in ("direct", "mixed") and g.source:
            best, best_n = None, 0
            for q in preds:
                n = sum(all_count.count(max(a, q.start), min(b, q.end)) for a, b in g.content)
                if n > best_n:
                    best, best_n = q, n
            sp = bool(best is not None and best.speaker_start is not None
                      and _overlap([(best.speaker_start, best.speaker_end)], g.source) > 0)
        speaker_ok.append(sp)
    correct = []
    for q in preds:
        n = all_count.count(q.start, q.end)
        inside = gold_count.count(q.start, q.end) if gold_count else 0
        correct.append(n > 0 and inside * 2 >= n)
    return {"found": found, "speaker_ok": speaker_ok, "correct": correct, "preds": preds}


def evaluate_polnear(directory: str | Path, *, split: str = "dev",
                     actors: ActorDictionary | None = None,
                     extract: Callable[..., object] | None = None) -> dict:
    """Score :func:`analysis.quotes.extract_quotes` on PolNeAR.

    Parameters
    ----------
    directory : str or Path
        A PolNeAR folder with ``text/``, ``attributions/`` and (optionally) ``metadata.tsv``.
    split : {'dev', 'train', 'all'}
        ``dev`` is the fixed list in ``analysis/data/polnear_dev.txt``; ``train`` the rest.
    actors : ActorDictionary, optional
        Passed to the extractor (it does not affect the scores, only speaker groups).
    extract : callable, optional
        ``extract(doc, actors=...) -> QuoteResult``; defaults to ``extract_quotes``.

    Returns
    -------
    dict
        ``split``, ``n_articles``, ``n_gold`` (per kind), ``recall`` (per kind),
        ``recall_direct_mixed``, ``recall_indirect``, ``precision``, ``speaker_accuracy``,
        ``n_pred`` (per predicted kind, scare included), ``articles_per_s`` (segment + extract
        only, one core), ``n_errors`` (articles where extraction raised) and ``errors``
        (their names). Ratios with an empty denominator are NaN.
    """
    extract = extract or extract_quotes
    articles = polnear_articles(directory, split)
    n_gold = dict.fromkeys(KINDS, 0)
    n_found = dict.fromkeys(KINDS, 0)
    n_pred = {k: 0 for k in (*KINDS, "scare")}
    n_correct = n_scored = sp_ok = sp_n = 0
    errors: list[str] = []
    elapsed = 0.0
    for name, tp, ap in articles:
        text = tp.read_text("utf-8")
        gold = read_brat(text, ap.read_text("utf-8"))
        t0 = time.perf_counter()
        try:
            result = extract(segment(text), actors=actors)
        except Exception as exc:  # noqa: BLE001 - counted and reported, never hidden
            errors.append(f"{name}: {exc.__class__.__name__}: {exc}")
            continue
        finally:
            elapsed += time.perf_counter() - t0
        quotes = result.quotes
        for q in quotes:
            n_pred[q.kind] = n_pred.get(q.kind, 0) + 1
        det = score_article(text, gold, quotes)
        for g, f, s in zip(gold, det["found"], det["speaker_ok"]):
            n_gold[g.kind] += 1
            n_found[g.kind] += f
            if s is not None:
                sp_n += 1
                sp_ok += s
        n_scored += len(det["correct"])
        n_correct += sum(det["correct"])

    def ratio(a: float, b: float) -> float:
        return a / b if b else float("nan")

    dm = n_gold["direct"] + n_gold["mixed"]
    return {
        "split": split,
        "n_articles": len(articles),
        "n_gold": n_gold,
        "recall": {k: ratio(n_found[k], n_gold[k]) for k in KINDS},
        "recall_direct_mixed": ratio(n_found["direct"] + n_found["mixed"], dm),
        "recall_indirect": ratio(n_found["indirect"], n_gold["indirect"]),
        "precision": ratio(n_correct, n_scored),
        "speaker_accuracy": ratio(sp_ok, sp_n),
        "n_speaker_scored": sp_n,
        "n_pred": n_pred,
        "articles_per_s": ratio(len(articles) - len(errors), elapsed),
        "n_errors": len(errors),
        "errors": errors,
    }
