"""Throughput and memory benchmark: the ``features`` analysis against a bare VADER pass.

``python -m analysis bench --corpus FILE [--n N] [--jobs J]`` (or ``python -m analysis.bench``)
prints one JSON object (see :func:`run_bench`). Everything is measured in one process and
one run, on the same first ``n`` articles of the corpus, with the same number of jobs:

1. **VADER pass** (the baseline): load, clean, segment, then vaderSentiment's
   ``polarity_scores`` on every body sentence (the sentences that make the article's
   ``tone``), no cache. Run before and after the features pass; the mean is used.
2. **features pass**: the full per-article analysis of :func:`analysis.pipeline.iter_features`
   (load, clean, segment, mentions, quotes, emphasis, sentiment about/by groups with VADER
   and the learned model, balance index with its bootstrap interval, tone, the record).
   It does all the VADER work itself (every body sentence, plus mention sentences in
   headings and quote texts); repeated sentences are scored once per worker process.
3. **quotes alone**, on one core: clean, segment and :func:`analysis.quotes.extract_quotes`.
4. **stage breakdown**, on one core, on the first ``min(n, stage_n)`` articles: the same
   analysis with a CPU-time timer around each stage.

Times are wall-clock seconds of the whole pass (process start-up, reading, IPC and worker
shut-down included); CPU seconds (user + system, this process and its finished children)
are reported too, as they are less sensitive to other load on a shared machine.

Peak memory: a small monitor process samples the resident set size (RSS) of this process
and all its descendants every 50 ms with psutil and reports the peak of their sum
(``peak_rss_mb``; shared copy-on-write pages of forked workers are counted once per
process, so this is an upper bound) and of the proportional set size (PSS, each shared
page divided among its users; sampled every 0.5 s). ``getrusage`` maxima are included:
``RUSAGE_SELF`` (this process, whole lifetime) and ``RUSAGE_CHILDREN`` (the largest
finished child).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

__all__ = ["run_bench", "stage_breakdown"]

# Runs in a separate process: sum of RSS (and PSS) over the watched process and its
# descendants. Commands on stdin: 'reset' starts a new peak, 'peak' prints the current one
# as JSON, 'stop' exits.
_MONITOR = r"""
import json, os, select, sys, time
import psutil
root = psutil.Process(int(sys.argv[1]))
me = os.getpid()
def reset():
    return {"rss": 0, "pss": 0, "max_process_rss": 0, "samples": 0}
peak = reset()
last_pss = 0.0
while True:
    r, _, _ = select.select([sys.stdin], [], [], 0.05)
    if r:
        cmd = sys.stdin.readline().strip()
        if cmd in ("peak", "stop", ""):
            sys.stdout.write(json.dumps(peak) + "\n"); sys.stdout.flush()
            if cmd != "peak":
                break
        elif cmd == "reset":
            peak = reset(); last_pss = 0.0
            sys.stdout.write("ok\n"); sys.stdout.flush()
        continue
    try:
        procs = [root] + [p for p in root.children(recursive=True) if p.pid != me]
    except psutil.Error:
        break
    rss = 0
    now = time.monotonic()
    want_pss = now - last_pss >= 0.5
    pss = 0
    for p in procs:
        try:
            m = p.memory_full_info() if want_pss else p.memory_info()
        except psutil.Error:
            continue
        rss += m.rss
        peak["max_process_rss"] = max(peak["max_process_rss"], m.rss)
        if want_pss:
            pss += getattr(m, "pss", m.rss)
    peak["rss"] = max(peak["rss"], rss)
    if want_pss:
        peak["pss"] = max(peak["pss"], pss)
        last_pss = now
    peak["samples"] += 1
"""


class _Memory:
    """Peak memory of this process tree, sampled by a monitor process."""

    def __init__(self):
        self.proc = subprocess.Popen([sys.executable, "-c", _MONITOR, str(os.getpid())], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)

    def _cmd(self, cmd: str) -> str:
        self.proc.stdin.write(cmd + "\n")
        self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def reset(self) -> None:
        self._cmd("reset")

    def peak(self) -> dict:
        time.sleep(0.06)  # one more sample after the pass
        p = json.loads(self._cmd("peak"))
        mb = 1024 * 1024
        return {"peak_rss_mb": round(p["rss"] / mb, 1), "peak_pss_mb": round(p["pss"] / mb, 1),
                "peak_process_rss_mb": round(p["max_process_rss"] / mb, 1), "samples": p["samples"]}

    def close(self) -> None:
        try:
            self._cmd("stop")
        except (OSError, ValueError):
            pass
        self.proc.wait(timeout=10)


def _cpu() -> float:
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


@contextmanager
def _measure(mem: _Memory | None, out: dict):
    if mem:
        mem.reset()
    w0, c0 = time.perf_counter(), _cpu()
    yield
    out["seconds"] = round(time.perf_counter() - w0, 3)
    out["cpu_seconds"] = round(_cpu() - c0, 3)
    if mem:
        out["memory"] = mem.peak()


def _pass(corpus, kind: str, *, n, jobs, actors=None, model=None, mem=None) -> dict:
    """One pipeline pass over the first n articles; returns timing and counts."""
    from analysis.pipeline import DEFAULT_BATCH_SIZE, DEFAULT_CHUNK_SIZE, _make_config, _results

    config = _make_config(kind, tables=("features",), actors=actors, model=model)
    res: dict = {"articles": 0, "errors": 0}
    words = sentences = 0
    with _measure(mem, res):
        for _, status, payload in _results([corpus], config, jobs=jobs, engine="local", scheduler=None,
                                           chunk_size=DEFAULT_CHUNK_SIZE, batch_size=DEFAULT_BATCH_SIZE,
                                           progress=False, limit=n):
            res["articles"] += 1
            res["errors"] += status == "error"
            if kind == "analysis":
                rec = payload["features"][0]
                words += rec["n_words"] or 0
            elif kind == "vader":
                sentences += payload
    if kind == "analysis":
        res["words"] = words
    if kind == "vader":
        res["sentences"] = sentences
    return res


def _rates(p: dict, words: int) -> dict:
    s = p["seconds"]
    out = {"articles_per_s": round(p["articles"] / s, 1), "words_per_s": round(words / s)}
    if "sentences" in p:
        out["sentences_per_s"] = round(p["sentences"] / s)
    return out


def stage_breakdown(corpus, *, n: int = 1000, actors=None, model=None) -> dict:
    """Time each stage of the features analysis on one core, over the first ``n`` articles.

    Stages (each timed where :func:`analysis.analyze.analyze` calls it; a stage's time
    includes whatever it calls): ``load`` (reading and parsing), ``clean``, ``segment``,
    ``mentions``, ``quotes``, ``emphasis``, ``sentiment`` (about/by groups: VADER on mention
    sentences and quotes, the learned model), ``balance`` (presence matrix, index and
    bootstrap interval), ``tone`` (VADER on the remaining body sentences; the ones already
    scored come from the cache), ``record`` (:func:`analysis.tables.features_record`,
    including the voice summary) and ``other`` (the rest of ``analyze``). Separately:
    ``vader`` and ``learned``, all time spent in VADER and in the learned model, whichever
    stage called them.

    Times are CPU seconds of this process (``time.process_time``).

    Returns
    -------
    dict
        ``articles``, ``seconds`` (total), ``stages`` {name: {seconds, share, ms_per_article}},
        ``vader``/``learned`` {seconds, share, calls}, ``cache`` {hits, misses (VADER and
        learned together), vader_texts (distinct texts VADER scored), learned_targets,
        body_sentences (what the bare VADER pass scores)}.
    """
    import analysis.analyze as A
    import analysis.corpus as C

    clock = time.process_time  # CPU time of this process: less sensitive to other load than wall time
    import analysis.quotes as Q
    from analysis.analyze import ScoreCache
    from analysis.pipeline import _load_actor_dict
    from analysis.tables import features_record

    actor_dict = _load_actor_dict(actors)
    cache = ScoreCache()
    if model is not None:
        from analysis.sentiment import TargetSentimentClassifier

        cache.model = TargetSentimentClassifier.load(model)
    # Import and load everything before timing (sentiment imports numpy and reads two
    # lexicons), so that no stage is charged a one-off start-up cost.
    cache.vader_many(["Warm up."])
    cache.learned_many([("Warm up.", 0, 4)])
    cache.vader.clear()
    cache.learned.clear()
    cache.hits = cache.misses = 0
    totals: dict[str, float] = {}
    active = [None]

    def timed(label, fn):
        def wrapper(*args, **kwargs):
            if active[0] is not None:  # nested inside another stage: counted there
                return fn(*args, **kwargs)
            active[0] = label
            t = clock()
            try:
                return fn(*args, **kwargs)
            finally:
                totals[label] = totals.get(label, 0.0) + clock() - t
                active[0] = None
        return wrapper

    sub: dict[str, list] = {"vader": [0.0, 0], "learned": [0.0, 0]}

    def subtimed(label, fn):
        def wrapper(*args, **kwargs):
            t = clock()
            try:
                return fn(*args, **kwargs)
            finally:
                sub[label][0] += clock() - t
                sub[label][1] += 1
        return wrapper

    patches = [
        (C, "clean", "clean"), (A, "article_doc", "segment"), (Q, "extract_quotes", "quotes"),
        (A, "emphasis", "emphasis"), (A, "actor_sentiment", "sentiment"), (A, "presence_matrix", "balance"),
        (A, "balance_index", "balance"), (A, "balance_interval", "balance"), (A, "document_tone", "tone"),
    ]
    saved = [(mod, name, getattr(mod, name)) for mod, name, _ in patches]
    actor_find = actor_dict.find
    try:
        for mod, name, label in patches:
            setattr(mod, name, timed(label, getattr(mod, name)))
        actor_dict.find = timed("mentions", actor_find)
        cache.vader_many = subtimed("vader", cache.vader_many)
        cache.learned_many = subtimed("learned", cache.learned_many)
        record = timed("record", features_record)
        it = iter(C.iter_articles([corpus]))
        count = body_sentences = 0
        t_all = clock()
        t_analyze = 0.0
        while count < n:
            t = clock()
            try:
                article = next(it)
            except StopIteration:
                break
            totals["load"] = totals.get("load", 0.0) + clock() - t
            t = clock()
            an = A.analyze(article, actors=actor_dict, cache=cache)
            record(an)
            t_analyze += clock() - t
            body_sentences += len(an.doc.body_sentences())
            count += 1
        total = clock() - t_all
    finally:
        for mod, name, fn in saved:
            setattr(mod, name, fn)
        try:
            del actor_dict.find
        except AttributeError:
            pass
    totals["load"] -= totals.get("clean", 0.0)  # clean runs inside loading here
    inner = sum(v for k, v in totals.items() if k not in ("load", "clean"))
    totals["other"] = max(0.0, t_analyze - inner)
    order = ["load", "clean", "segment", "mentions", "quotes", "emphasis", "sentiment", "balance", "tone", "record",
             "other"]

    def entry(sec):
        return {"seconds": round(sec, 3), "share": round(sec / total, 3) if total else None,
                "ms_per_article": round(1000 * sec / count, 3) if count else None}

    return {
        "articles": count,
        "seconds": round(total, 3),
        "stages": {k: entry(totals.get(k, 0.0)) for k in order},
        "vader": {**entry(sub["vader"][0]), "calls": sub["vader"][1]},
        "learned": {**entry(sub["learned"][0]), "calls": sub["learned"][1]},
        "cache": {"hits": cache.hits, "misses": cache.misses, "vader_texts": len(cache.vader),
                  "learned_targets": len(cache.learned), "body_sentences": body_sentences},
    }


def _quotes_alone(corpus, *, n: int, actors=None, repeats: int = 3) -> dict:
    """Quotes alone on one core: whole pass (load, clean, segment, extract) and extraction only.

    The pass is run ``repeats`` times on the same articles; the headline rates are those of the
    median pass (by CPU time) and every pass is listed under ``passes``: on a machine whose
    speed drifts, one pass is one sample. Rates per CPU second are rates per core; wall-clock
    rates also count time the process waited for a core on a busy machine.
    """
    import analysis.quotes as Q
    from analysis.pipeline import _make_config, _process, _source, _WorkerState

    config = _make_config("quotes", actors=actors)
    extract = Q.extract_quotes
    passes = []
    for _ in range(max(1, repeats)):
        st = _WorkerState(config)
        spent = [0.0]

        def timed(*a, **k):
            t = time.process_time()
            try:
                return extract(*a, **k)
            finally:
                spent[0] += time.process_time() - t

        res: dict = {"articles": 0, "quotes": 0}
        Q.extract_quotes = timed
        try:
            with _measure(None, res):
                for i, a in _source([corpus], config, limit=n):
                    _, _, nq = _process(st, i, a)
                    res["articles"] += 1
                    res["quotes"] += nq
        finally:
            Q.extract_quotes = extract
        res["articles_per_s"] = round(res["articles"] / res["seconds"], 1)
        res["articles_per_cpu_s"] = round(res["articles"] / res["cpu_seconds"], 1) if res["cpu_seconds"] else None
        res["extract_cpu_seconds"] = round(spent[0], 3)
        res["extract_articles_per_cpu_s"] = round(res["articles"] / spent[0], 1) if spent[0] else None
        passes.append(res)
    median = sorted(passes, key=lambda r: r["cpu_seconds"])[len(passes) // 2]
    return {**median, "passes": [{k: r[k] for k in ("cpu_seconds", "articles_per_cpu_s",
                                                     "extract_articles_per_cpu_s")} for r in passes]}


def run_bench(corpus, *, n: int | None = 1000, jobs: int = 1, stage_n: int = 1000, actors=None,
              model=None) -> dict:
    """Benchmark ``features`` against a bare VADER pass on the first ``n`` articles of ``corpus``.

    Parameters
    ----------
    corpus : path
        A corpus file or folder (e.g. ``../shared/data/abp-articles.jsonl.gz``).
    n : int or None
        Articles to use (the first n); None or 0 for all.
    jobs : int
        Worker processes for the VADER and features passes (the same for both).
    stage_n : int
        Articles for the one-core stage breakdown and quotes-alone passes (at most ``n``).
    actors, model : path, optional
        Actor dictionary and sentiment model (default: the packaged ones).

    Returns
    -------
    dict
        ``features`` and ``vader`` ({articles, seconds, cpu_seconds, articles_per_s,
        words_per_s, memory}; the VADER entry has ``runs``, before and after the features pass,
        and ``sentences_per_s``), ``ratio`` (features seconds / mean VADER seconds, wall and
        CPU), ``quotes_alone`` (one core, median of three passes over the first ``stage_n``
        articles, each pass listed), ``stages`` (:func:`stage_breakdown`),
        ``peak_rss_mb`` (of the features pass, the process tree), ``memory_method``, and the
        set-up (``corpus``, ``n``, ``jobs``, ``python``, ``cpus``, ``load_average``).
    """
    from analysis.pipeline import _check

    n = None if not n or n <= 0 else int(n)
    jobs = _check(jobs, "local", 1, 1)
    corpus = str(corpus)
    if not Path(corpus).exists():
        raise FileNotFoundError(f"no such corpus: {corpus}")
    load0 = os.getloadavg()
    # Import and warm up everything first, so that neither timed pass pays for it.
    import analysis.analyze  # noqa: F401
    import analysis.quotes  # noqa: F401
    import analysis.sentiment  # noqa: F401
    import analysis.tables  # noqa: F401

    _pass(corpus, "analysis", n=2, jobs=1, actors=actors, model=model)
    mem = _Memory()
    try:
        v1 = _pass(corpus, "vader", n=n, jobs=jobs, actors=actors, model=model, mem=mem)
        f = _pass(corpus, "analysis", n=n, jobs=jobs, actors=actors, model=model, mem=mem)
        v2 = _pass(corpus, "vader", n=n, jobs=jobs, actors=actors, model=model, mem=mem)
    finally:
        mem.close()
    words = f["words"]
    v_sec = (v1["seconds"] + v2["seconds"]) / 2
    v_cpu = (v1["cpu_seconds"] + v2["cpu_seconds"]) / 2
    vader = {
        "articles": v1["articles"], "sentences": v1["sentences"], "words": words,
        "seconds": round(v_sec, 3), "cpu_seconds": round(v_cpu, 3),
        "articles_per_s": round(v1["articles"] / v_sec, 1), "words_per_s": round(words / v_sec),
        "sentences_per_s": round(v1["sentences"] / v_sec),
        "runs": [{k: r[k] for k in ("seconds", "cpu_seconds", "memory")} for r in (v1, v2)],
    }
    features = {**f, **_rates(f, words)}
    sn = min(stage_n, n) if n else stage_n
    quotes = _quotes_alone(corpus, n=sn, actors=actors)
    stages = stage_breakdown(corpus, n=sn, actors=actors, model=model)
    return {
        "corpus": corpus,
        "n": f["articles"],
        "jobs": jobs,
        "features": features,
        "vader": vader,
        "ratio": {"wall": round(f["seconds"] / v_sec, 3), "cpu": round(f["cpu_seconds"] / v_cpu, 3)},
        "peak_rss_mb": f["memory"]["peak_rss_mb"],
        "quotes_alone": quotes,
        "stages": stages,
        "memory_method": ("psutil RSS (and PSS) summed over this process and its descendants, sampled every "
                          "50 ms (PSS every 0.5 s) by a monitor process; peak per pass"),
        "getrusage_maxrss_mb": {
            "self": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "largest_child": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        },
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average": {"start": [round(x, 2) for x in load0], "end": [round(x, 2) for x in os.getloadavg()]},
    }


def main(argv=None) -> int:
    """``python -m analysis.bench --corpus FILE [--n N] [--jobs J]``: print the JSON of :func:`run_bench`."""
    p = argparse.ArgumentParser(prog="python -m analysis.bench", description=__doc__.splitlines()[0])
    p.add_argument("--corpus", required=True, metavar="FILE", help="corpus file or folder")
    p.add_argument("--n", type=int, default=1000, help="first N articles (0: all; default 1000)")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--stage-n", type=int, default=1000, help="articles for the one-core stage breakdown")
    p.add_argument("--actors", metavar="FILE", help="actor dictionary (default: the packaged one)")
    p.add_argument("--model", metavar="FILE", help="sentiment model file (default: the packaged one)")
    args = p.parse_args(argv)
    if not Path(args.corpus).exists():
        print(f"error: no such corpus: {args.corpus}", file=sys.stderr)
        return 1
    result = run_bench(args.corpus, n=args.n, jobs=args.jobs, stage_n=args.stage_n, actors=args.actors,
                       model=args.model)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
