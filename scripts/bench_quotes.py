"""Throughput of segment + extract_quotes on ABP articles, one core. Prints JSON.

Usage: python scripts/bench_quotes.py [--corpus ../shared/data/abp-articles.jsonl.gz] [--n 1000]

Only the two calls are timed (reading and decompressing the corpus is not). Articles that make
extraction raise are counted in ``n_errors`` (there should be none).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.quotes import extract_quotes  # noqa: E402
from analysis.text import count_words, segment  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "data" / "abp-articles.jsonl.gz"))
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args(argv)
    path = Path(args.corpus)
    if not path.exists():
        print(json.dumps({"error": f"corpus not found: {path}"}))
        return 1
    texts = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if len(texts) >= args.n:
                break
            texts.append(json.loads(line).get("text") or "")
    extract_quotes(segment("Warm-up, \"he said.\""))  # load lexicons outside the timing
    n_quotes = n_warn = n_err = 0
    kinds: dict[str, int] = {}
    t0 = time.process_time()
    w0 = time.perf_counter()
    for t in texts:
        try:
            r = extract_quotes(segment(t))
        except Exception:  # noqa: BLE001 - counted
            n_err += 1
            continue
        n_quotes += len(r.quotes)
        n_warn += bool(r.warnings)
        for q in r.quotes:
            kinds[q.kind] = kinds.get(q.kind, 0) + 1
    cpu = time.process_time() - t0
    wall = time.perf_counter() - w0
    words = sum(count_words(t) for t in texts)
    print(json.dumps({
        "corpus": str(path), "n_articles": len(texts), "n_words": words,
        "cpu_s": round(cpu, 3), "wall_s": round(wall, 3),
        "articles_per_s_cpu": round(len(texts) / cpu, 1) if cpu else None,
        "articles_per_s_wall": round(len(texts) / wall, 1) if wall else None,
        "words_per_s_cpu": round(words / cpu) if cpu else None,
        "n_quotes": n_quotes, "quotes_by_kind": kinds,
        "articles_with_warnings": n_warn, "n_errors": n_err,
    }, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
