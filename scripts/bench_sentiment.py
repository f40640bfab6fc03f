"""Prediction throughput of the target-sentiment models (targets per second).

Runs in one process on one core (BLAS threads pinned to 1) over the targets
of NewsMTSC dev_rw, repeated until at least ``--min-seconds`` of work, and
prints one JSON object.  The learned model is timed end to end from raw
(sentence, start, end) triples, feature extraction included.

Usage::

    python scripts/bench_sentiment.py [--newsmtsc ../shared/data/newsmtsc/dev_rw.jsonl]
"""

from __future__ import annotations

import os

# Before numpy is imported: one core, as the throughput target is per core.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import sentiment as S  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "newsmtsc" / "dev_rw.jsonl"


def _rate(fn, X, min_seconds: float) -> dict:
    fn(X[:50])  # warm-up: lexicon load, caches
    n = 0
    t0, c0 = time.perf_counter(), time.process_time()
    while True:
        fn(X)
        n += len(X)
        elapsed = time.perf_counter() - t0
        if elapsed >= min_seconds:
            break
    cpu = time.process_time() - c0
    # Wall-clock rate is what a user sees; the CPU-time rate is less sensitive
    # to other processes competing for the same cores.
    return {
        "targets": n,
        "seconds": round(elapsed, 3),
        "targets_per_s": round(n / elapsed),
        "cpu_seconds": round(cpu, 3),
        "targets_per_cpu_s": round(n / cpu),
    }


def main(argv=None) -> int:
    """Time learned and VADER prediction and print JSON."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--newsmtsc", default=str(DEFAULT_DATA), help="NewsMTSC JSONL file")
    ap.add_argument("--model", default=None, help="model file (default: the packaged one)")
    ap.add_argument("--min-seconds", type=float, default=3.0)
    args = ap.parse_args(argv)
    path = Path(args.newsmtsc)
    if not path.is_file():
        print(json.dumps({"skipped": f"{path} not found"}))
        return 0
    X, _, _ = S._labelled_targets(path)
    t0 = time.perf_counter()
    learned = S.TargetSentimentClassifier.load(args.model) if args.model else S.load_default_model()
    load_s = time.perf_counter() - t0
    vader = S.VaderTargetClassifier().fit()
    vader_clause = S.VaderTargetClassifier(scope="clause").fit()
    result = {
        "data": str(path),
        "n_targets": len(X),
        "python": platform.python_version(),
        "model_load_seconds": round(load_s, 3),
        "learned_predict_proba": _rate(learned.predict_proba, X, args.min_seconds),
        "vader_sentence": _rate(vader.predict, X, args.min_seconds),
        "vader_clause": _rate(vader_clause.predict, X, args.min_seconds),
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
