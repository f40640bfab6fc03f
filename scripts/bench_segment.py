"""Segmentation: accuracy on the hand-checked cases and speed on ABP articles.

    .venv/bin/python scripts/bench_segment.py [--corpus ../shared/data/abp-articles.jsonl.gz] [--n 1000]

Prints JSON. pysbd and syntok are measured too when installed (they are not project
dependencies; ``pip install pysbd syntok`` to compare).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from analysis.text import count_words, segment


def _ours(text):
    doc = segment(text)
    return [doc.sentence_text(s) for s in doc.sentences]


def _pysbd():
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False, char_span=False)
    return lambda text: [s.strip() for p in text.split("\n") if p.strip() for s in seg.segment(p) if s.strip()]


def _syntok():
    from syntok import segmenter

    def split(text):
        out = []
        for para in segmenter.analyze(text):
            for sent in para:
                toks = list(sent)
                start = toks[0].offset - len(toks[0].spacing)
                out.append(text[start + len(toks[0].spacing): toks[-1].offset + len(toks[-1].value)].strip())
        return out

    return split


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared/data/abp-articles.jsonl.gz"))
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    cases = json.loads((ROOT / "tests/cases/sentences.json").read_text(encoding="utf-8"))["cases"]
    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in itertools.islice(fh, args.n)]
    words = sum(count_words(t) for t in texts)
    splitters = {"framing-lab rules": _ours}
    for name, make in (("pysbd", _pysbd), ("syntok", _syntok)):
        try:
            splitters[name] = make()
        except ImportError:
            pass
    result = {"articles": len(texts), "words": words, "hand_cases": len(cases)}
    for name, split in splitters.items():
        correct = sum(split(c["text"]) == c["sentences"] for c in cases)
        t0 = time.perf_counter()
        n_sent = sum(len(split(t)) for t in texts)
        dt = time.perf_counter() - t0
        result[name] = {"case_accuracy": round(correct / len(cases), 3), "sentences": n_sent,
                        "seconds": round(dt, 2), "words_per_s": round(words / dt)}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
