"""Two bounds on what more quote rules could gain on PolNeAR (issue #3). Prints JSON.

Usage: python scripts/bound_quotes.py [--polnear ../shared/data/polnear-train]

1. ``scare_as_voices``: the dev figures if every quote we call scare counted as a voice
   (kind ``mixed``, same span). PolNeAR attributes titles, slogans and chants that issue #3
   defines as scare quotes, so this is about the most direct + mixed recall that
   reclassifying our scare quotes could buy, and what it costs in precision.
2. ``reported_sentence_classifier``: a TF-IDF + logistic regression classifier over sentences
   that no prediction covers (less than 20% of their characters), trained on the training
   articles to tell whether at least half of a sentence lies in gold content (the precision
   rule of ``evaluate quotes``). Reported: its precision among the k most confident dev
   sentences, and the dev figures with sentences above a few probability thresholds added as
   reported speech. Dev is used only to score, never to fit.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.evaluate import _Counter, polnear_articles, read_brat, score_article  # noqa: E402
from analysis.quotes import Quote, extract_quotes  # noqa: E402
from analysis.text import segment  # noqa: E402


def _load(directory: Path, split: str):
    arts, rows = [], []
    for _, tp, ap in polnear_articles(directory, split):
        text = tp.read_text("utf-8")
        gold = read_brat(text, ap.read_text("utf-8"))
        doc = segment(text)
        quotes = list(extract_quotes(doc).quotes)
        arts.append((text, gold, quotes))
        preds = [(q.start, q.end) for q in quotes if q.kind != "scare"]
        pc = _Counter(text, preds) if preds else None
        gc = _Counter(text, [s for g in gold for s in g.content]) if gold else None
        ac = _Counter(text)
        body = {i for i, p in enumerate(doc.paragraphs) if p.kind in ("body", "heading")}
        for s in doc.sentences:
            n = ac.count(s.start, s.end)
            if s.paragraph not in body or n < 10 or (pc and pc.count(s.start, s.end) / n >= 0.2):
                continue
            inside = gc.count(s.start, s.end) / n if gc else 0.0
            rows.append((len(arts) - 1, s.start, s.end, text[s.start:s.end], inside >= 0.5))
    return arts, rows


def _scores(arts, extra=None) -> dict:
    found = {"dm": [0, 0], "indirect": [0, 0]}
    correct = [0, 0]
    for i, (text, gold, quotes) in enumerate(arts):
        det = score_article(text, gold, quotes + (extra or {}).get(i, []))
        for g, f in zip(gold, det["found"]):
            k = "indirect" if g.kind == "indirect" else "dm"
            found[k][0] += f
            found[k][1] += 1
        correct[0] += sum(det["correct"])
        correct[1] += len(det["correct"])
    return {"recall_direct_mixed": round(found["dm"][0] / found["dm"][1], 4),
            "recall_indirect": round(found["indirect"][0] / found["indirect"][1], 4),
            "precision": round(correct[0] / correct[1], 4), "n_pred": correct[1]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", default=str(ROOT.parent / "shared" / "data" / "polnear-train"))
    args = ap.parse_args(argv)
    directory = Path(args.polnear)
    if not (directory / "text").is_dir():
        print(f"error: no PolNeAR data at {directory}", file=sys.stderr)
        return 1
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    train_arts, train_rows = _load(directory, "train")
    dev_arts, dev_rows = _load(directory, "dev")
    out = {"dev": _scores(dev_arts)}
    scare = [(t, g, [dataclasses.replace(q, kind="mixed") if q.kind == "scare" else q for q in qs])
             for t, g, qs in dev_arts]
    out["scare_as_voices"] = _scores(scare)

    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    x = vec.fit_transform([r[3] for r in train_rows])
    model = LogisticRegression(C=4, max_iter=2000).fit(x, [r[4] for r in train_rows])
    p = model.predict_proba(vec.transform([r[3] for r in dev_rows]))[:, 1]
    y = np.array([r[4] for r in dev_rows])
    order = np.argsort(-p)
    clf = {"dev_candidates": len(dev_rows), "dev_positive": int(y.sum()),
           "precision_at_k": {k: round(float(y[order[:k]].mean()), 3) for k in (25, 50, 100, 200)}}
    for thr in (0.5, 0.7):
        extra: dict[int, list[Quote]] = {}
        for r, pr in zip(dev_rows, p):
            if pr >= thr:
                extra.setdefault(r[0], []).append(Quote("indirect", r[1], r[2], r[3], None, None, None, None,
                                                        None, None, None, None, False, 0))
        clf[f"added_at_{thr}"] = {"n_added": sum(map(len, extra.values())), **_scores(dev_arts, extra)}
    out["reported_sentence_classifier"] = clf
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
