"""Corpus-scale analysis: streaming, parallel in processes, or on a Dask cluster.

:func:`iter_features` streams one ``features`` record per input article, in input order.
:func:`analyze_corpus` writes tidy tables (``features``, ``quotes``, ``mentions``,
``scores``) as Parquet or CSV, chunk by chunk, so that an interrupted run can be resumed.

How it works
------------
The parent process reads the input with :func:`analysis.corpus.iter_articles` (one article
at a time, also from ``.jsonl.gz`` line by line). It never holds the corpus: it keeps one
output chunk of records (``chunk_size`` articles) and a bounded number of batches of
``batch_size`` articles in flight to the workers.

- ``engine='local'``: with ``jobs=1`` everything runs in this process; with ``jobs > 1``
  batches go to a pool of worker processes (``fork`` on Linux, else ``spawn``). Each worker
  loads the actor dictionary and the sentiment model once, in its initializer.
- ``engine='dask'``: each chunk becomes a ``dask.bag`` job (its batches are scattered to the
  cluster, one bag partition per batch) on a ``distributed`` cluster: the one at
  ``scheduler`` (an address such as ``tcp://10.0.0.5:8786``, or a ``distributed.Client``),
  or, without one, a ``LocalCluster`` of ``jobs`` single-threaded worker processes. Workers
  must be able to import this package (``pip install`` it on every worker).

Cleaning (page-furniture removal) is done in the workers, not in the parent: the parent
loads with ``clean=False`` and each worker finishes the article exactly as
:func:`~analysis.corpus.iter_articles` would have (the test suite checks the equivalence).

Results do not depend on ``jobs`` or ``engine``: every article is analysed by the same pure
function, records come back in input order, and chunk ``i`` always holds articles
``i*chunk_size ... (i+1)*chunk_size - 1``. So the tables are byte-identical whatever the
parallelism.

Sentence scores are memoised per worker process (:class:`~analysis.analyze.ScoreCache`):
within a process each distinct sentence is scored by VADER and each distinct (sentence,
target) by the learned model once, so the sentences of an article's mentions are scored
once for both the sentiment toward actors and the article's tone. Caches are *not* shared
between processes, and each is bounded (``CACHE_LIMIT`` entries, then cleared) to keep
memory flat. Measured on 10,000 ABP articles with two workers: 3.1% of body sentences
repeat across articles; a 50,000-sentence cache per worker catches 2.2%, a 200,000 one
2.9% (at four times the memory). A cache shared between processes (a manager process or a
database, ~50-100 µs a lookup) would cost about what VADER does for a sentence (~130 µs),
so sharing is not worth it.

Not handled: reading inputs in the workers (the parent reads and parses every file, so a
very large cluster is limited by the client's reading speed, ~10,000 articles/s), and
sharing one run across several client processes.
"""

from __future__ import annotations

import hashlib
import json
import math
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from analysis import corpus as _corpus
from analysis.corpus import Article, LoadOptions, iter_articles

__all__ = ["CACHE_LIMIT", "TABLES", "analyze_corpus", "iter_features"]

#: The tables :func:`analyze_corpus` can write.
TABLES = ("features", "quotes", "mentions", "scores")
#: Articles per output chunk (one file per table per chunk) and per Dask job.
DEFAULT_CHUNK_SIZE = 2000
#: Articles per task sent to a worker.
DEFAULT_BATCH_SIZE = 32
#: Distinct sentences a worker's score cache holds before it is cleared.
CACHE_LIMIT = 50_000
#: Bumped when the layout or meaning of the written tables changes (part of the fingerprint).
FORMAT_VERSION = 1

_PACKAGE_DIR = Path(__file__).resolve().parent
_PART_RE = re.compile(r"^part-\d{5}-[0-9a-f]{16}\.(?:parquet|csv)$")
_MANIFEST = "_manifest.json"


# --------------------------------------------------------------------------------------
# Configuration sent to the workers
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Config:
    """What a worker needs; small and picklable. ``key`` identifies it in worker caches."""

    kind: str  # 'analysis' (features/quotes/mentions/scores) | 'vader' | 'quotes'
    tables: tuple[str, ...]
    actors: object  # None (packaged), a path, or an ActorDictionary
    model: str | None  # None (packaged) or a model file
    options: LoadOptions
    defer_clean: bool
    n_boot: int
    seed: int
    features_columns: tuple[str, ...] = ()
    fmt: str | None = None  # analyze_corpus: workers encode their rows for this format
    key: str = field(default="", compare=False)
    model_data: bytes | None = field(default=None, repr=False)  # the model file's bytes (Dask workers)


class _Bytes:
    """Something with ``read_bytes()``, for ``TargetSentimentClassifier.load``."""

    def __init__(self, data: bytes):
        self.data = data

    def read_bytes(self) -> bytes:
        return self.data


def _portable(config: _Config) -> _Config:
    """The config for workers on other machines: no paths, only data.

    The actor dictionary goes as the loaded object and a model file as its bytes; the
    packaged model (``model=None``) is the one installed with the package on each worker.
    """
    actors = _load_actor_dict(config.actors)
    data = Path(config.model).read_bytes() if config.model is not None else None
    return replace(config, actors=actors, model=None, model_data=data)


def _make_config(kind: str, *, tables=("features",), actors=None, model=None, options=None, n_boot=1000,
                 seed=0, fmt=None) -> _Config:
    opts = options or LoadOptions()
    actors = str(actors) if isinstance(actors, os.PathLike) else actors
    model = str(model) if model is not None else None
    # Clean in the workers when the loader lets us reproduce its result exactly.
    defer = bool(opts.clean) and callable(getattr(_corpus, "_finish", None))
    cols: tuple[str, ...] = ()
    if kind == "analysis":
        _load_model(model)  # fail now, in the parent, on a missing or broken model file
        if "features" in tables:
            cols = tuple(_features_template(_load_actor_dict(actors), opts, n_boot, seed))
    cfg = _Config(kind, tuple(tables), actors, model, opts, defer, int(n_boot), int(seed), cols, fmt)
    ident = [kind, list(tables), _actors_ident(actors), model, asdict(opts), defer, n_boot, seed, list(cols), fmt]
    key = hashlib.blake2b(json.dumps(ident, default=str).encode(), digest_size=12).hexdigest()
    return replace(cfg, key=key)


def _actors_ident(actors) -> str | None:
    if actors is None or isinstance(actors, str):
        return actors
    return f"{type(actors).__name__}:{actors.source}:{_actor_dict_digest(actors)}"


def _actor_dict_digest(actors) -> str:
    parts = [[g.id, g.label, g.colour] for g in actors.groups.values()]
    parts += [[a.name, a.group, a.kind, list(a.aliases)] for a in actors.actors]
    parts.append(list(getattr(actors, "balance", None) or []))
    return hashlib.blake2b(json.dumps(parts).encode(), digest_size=12).hexdigest()


def _load_actor_dict(actors):
    from analysis.actors import ActorDictionary, load_actors

    if isinstance(actors, ActorDictionary):
        return actors
    return load_actors(actors)


def _load_model(model):
    """The sentiment model: the packaged one (loaded once per process) or a model file."""
    from analysis.sentiment import TargetSentimentClassifier, load_default_model

    return load_default_model() if model is None else TargetSentimentClassifier.load(model)


def _features_template(actors, opts: LoadOptions, n_boot: int, seed: int) -> dict:
    """Column -> example value of the features table (from an empty, error record).

    The columns are fixed for a run: every features record gets all of them, including
    every extra input field of ``LoadOptions.extra_fields`` (None when an article lacks it),
    so that chunks share one schema.
    """
    from analysis.analyze import ScoreCache, analyze
    from analysis.tables import features_record

    dummy = Article(article_id="", path="", status="error", reason="")
    rec = features_record(analyze(dummy, actors=actors, cache=ScoreCache(), n_boot=n_boot, seed=seed))
    for name in opts.extra_fields:
        rec.setdefault(name, None)
    return rec


# --------------------------------------------------------------------------------------
# Worker side
# --------------------------------------------------------------------------------------

_CP1252_WARNING = "not valid UTF-8; decoded as cp1252"


def _finish_deferred(raw: Article, opts: LoadOptions) -> Article:
    """Clean an article loaded with ``clean=False`` into what ``iter_articles`` gives.

    The loader only ever adds warnings *after* its cleaning step (a cp1252 fallback, a
    CSV row with extra cells, a renamed duplicate id), and before cleaning an article's
    status is ``ok`` or ``error``. So: clean the article as it was before those warnings,
    then re-apply them. One loader rule depends on the cleaning result: the cp1252 warning
    of a ``.txt`` file is not added when cleaning leaves no body (the file is an error).
    """
    if raw.status == "error":
        return raw
    if raw.status == "ok" and not raw.reason:
        return _corpus._finish(raw, opts)
    a = _corpus._finish(replace(raw, status="ok", reason=""), opts)
    reason = raw.reason
    if (a.status == "error" and raw.source_format == "txt" and raw.encoding == "cp1252"
            and reason.startswith(_CP1252_WARNING)):
        reason = reason[len(_CP1252_WARNING):].removeprefix("; ")
    if not reason:
        return a
    return replace(a, status="error" if a.status == "error" else "warning",
                   reason=f"{a.reason}; {reason}" if a.reason else reason)


class _WorkerState:
    """Per-process (per-thread under Dask) state: actors, score cache, record builders."""

    def __init__(self, config: _Config):
        from analysis.analyze import ScoreCache

        self.config = config
        self.actors = _load_actor_dict(config.actors)
        model = None
        if config.kind == "analysis":
            model = _load_model(_Bytes(config.model_data) if config.model_data is not None else config.model)
        self.cache = ScoreCache(model=model)
        self._vader = None
        self._schemas: dict = {}

    def schema(self, table: str):
        if table not in self._schemas:
            self._schemas[table] = _schema(table, self.config)
        return self._schemas[table]

    def trim_cache(self) -> None:
        """Clear the score cache when it exceeds CACHE_LIMIT sentences (scores are pure)."""
        c = self.cache
        if len(c.vader) > CACHE_LIMIT or len(c.learned) > CACHE_LIMIT:
            c.vader.clear()
            c.learned.clear()

    def article(self, raw: Article) -> Article:
        return _finish_deferred(raw, self.config.options) if self.config.defer_clean else raw

    def vader(self):
        if self._vader is None:
            from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

            self._vader = SentimentIntensityAnalyzer()
        return self._vader


def _one_line(exc: BaseException) -> str:
    msg = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


def _analysis_rows(st: _WorkerState, article: Article) -> dict[str, list[dict]]:
    from analysis.analyze import analyze
    from analysis.tables import features_record, mention_records, score_records

    cfg = st.config
    an = analyze(article, actors=st.actors, cache=st.cache, n_boot=cfg.n_boot, seed=cfg.seed)
    out: dict[str, list[dict]] = {}
    for t in cfg.tables:
        if t == "features":
            rec = features_record(an)
            extra = set(rec).difference(cfg.features_columns)
            if extra:
                raise ValueError(f"features record has columns outside the run's schema: {sorted(extra)}")
            out[t] = [{c: rec.get(c) for c in cfg.features_columns}]
        elif t == "quotes":
            out[t] = _quote_rows(an)
        elif t == "mentions":
            out[t] = mention_records(an)
        elif t == "scores":
            out[t] = score_records(an)
    return out


def _quote_rows(an) -> list[dict]:
    from analysis.tables import quote_records

    return quote_records(an.article, an.doc, an.quotes)


def _process(st: _WorkerState, index: int, raw: Article):
    """Analyse one article. Returns ``(index, status, payload)``; never raises for an article."""
    kind = st.config.kind
    if kind == "vader":
        return _vader_only(st, index, raw)
    if kind == "quotes":
        return _quotes_only(st, index, raw)
    try:
        article = st.article(raw)
        rows = _analysis_rows(st, article)
    except Exception as exc:  # a bug or a pathological input must not lose the article
        base = raw if raw.status == "error" else replace(raw, status="error")
        reason = f"analysis failed: {_one_line(exc)}"
        failed = replace(base, text="", paragraphs=(), removed=(),  # nothing left to trip over
                         reason=f"{base.reason}; {reason}" if base.reason else reason)
        rows = _analysis_rows(st, failed)
        article = failed
    # The features record's status also reflects problems found by the analysis itself.
    status = rows["features"][0]["status"] if "features" in rows else article.status
    return index, status, rows


def _vader_only(st: _WorkerState, index: int, raw: Article):
    """The bare baseline: clean, segment, and VADER ``polarity_scores`` on every body sentence.

    Body sentences are exactly those :func:`analysis.analyze.document_tone` scores, with the
    same segmentation as :func:`analysis.analyze.analyze`. No cache.
    """
    from analysis.text import segment

    article = st.article(raw)
    if article.status == "error":
        return index, article.status, 0
    doc = segment(article.working_text, list(article.paragraphs) if article.paragraphs else None)
    polarity = st.vader().polarity_scores
    text = doc.text
    n = 0
    for s in doc.body_sentences():
        polarity(text[s.start:s.end])
        n += 1
    return index, article.status, n


def _quotes_only(st: _WorkerState, index: int, raw: Article):
    """Quotes alone: clean, segment and extract quotes (what the ``quotes`` command does)."""
    from analysis.quotes import extract_quotes
    from analysis.text import segment

    article = st.article(raw)
    if article.status == "error":
        return index, article.status, 0
    doc = segment(article.working_text, list(article.paragraphs) if article.paragraphs else None)
    return index, article.status, len(extract_quotes(doc, actors=st.actors).quotes)


def _run_batch(st: _WorkerState, batch) -> tuple[list[tuple[int, str]], object]:
    """Process a batch: ``([(index, status), ...], payload)``.

    The payload is the list of per-article payloads, or, when the config names an output
    format, each table's rows for the whole batch already encoded (an Arrow record batch
    or CSV lines), so that the parent only concatenates and writes.
    """
    results = [_process(st, i, a) for i, a in batch]
    st.trim_cache()
    keys = [(i, status) for i, status, _ in results]
    cfg = st.config
    if cfg.fmt is None:
        return keys, [p for _, _, p in results]
    encoded = {}
    for t in cfg.tables:
        rows = [r for _, _, p in results for r in p[t]]
        encoded[t] = _encode(rows, st.schema(t), cfg.fmt)
    return keys, encoded


_POOL_STATE: _WorkerState | None = None


def _pool_init(config: _Config) -> None:
    global _POOL_STATE
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and shuts the pool down
    _POOL_STATE = _WorkerState(config)


def _pool_batch(batch):
    return _run_batch(_POOL_STATE, batch)


_DASK_LOCAL = threading.local()


def _dask_partition(batch, config: _Config) -> list:
    """One bag partition (a batch of (index, article)) on a Dask worker."""
    states = getattr(_DASK_LOCAL, "states", None)
    if states is None:
        states = _DASK_LOCAL.states = {}
    st = states.get(config.key)
    if st is None:
        states.clear()  # one run at a time per worker thread: drop older runs' caches
        st = states[config.key] = _WorkerState(config)
    return [_run_batch(st, list(batch))]


# --------------------------------------------------------------------------------------
# Parent side: reading, batching, engines
# --------------------------------------------------------------------------------------


def _source(paths, config: _Config, skip: Callable[[int], bool] | None = None,
            limit: int | None = None) -> Iterator[tuple[int, Article]]:
    """(input index, article) for every input article, streamed; ``skip(index)`` drops some,
    ``limit`` stops after that many input articles (for benchmarks)."""
    opts = replace(config.options, clean=False) if config.defer_clean else config.options
    for i, a in enumerate(iter_articles(paths, options=opts)):
        if limit is not None and i >= limit:
            break
        if skip is None or not skip(i):
            yield i, a


def _batches(items: Iterable[tuple[int, Article]], batch_size: int, chunk_size: int) -> Iterator[list]:
    """Group consecutive items into batches that never straddle a chunk boundary."""
    batch: list = []
    for item in items:
        if batch and (len(batch) >= batch_size or item[0] // chunk_size != batch[-1][0] // chunk_size
                      or item[0] != batch[-1][0] + 1):
            yield batch
            batch = []
        batch.append(item)
    if batch:
        yield batch


def _mp_context():
    """``fork`` on Linux (workers inherit the imported modules: no start-up cost), else ``spawn``."""
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _run_local(items, config: _Config, jobs: int, batch_size: int, chunk_size: int) -> Iterator:
    batches = _batches(items, batch_size, chunk_size)
    if jobs <= 1:
        st = _WorkerState(config)
        for b in batches:
            yield _run_batch(st, b)
        return
    from concurrent.futures import ProcessPoolExecutor

    # Import what the workers use before forking, so that they start ready.
    import analysis.analyze  # noqa: F401
    import analysis.quotes  # noqa: F401
    import analysis.tables  # noqa: F401

    window = 4 * jobs  # batches in flight: enough to keep workers busy, small enough to stay flat
    ex = ProcessPoolExecutor(max_workers=jobs, mp_context=_mp_context(), initializer=_pool_init,
                             initargs=(config,))
    pending: deque = deque()
    try:
        for b in batches:
            pending.append(ex.submit(_pool_batch, b))
            while len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for f in pending:
            f.cancel()
        ex.shutdown(wait=True, cancel_futures=True)


def _dask_client(scheduler, jobs: int):
    """(client, things to close) for an address, a Client, or a new LocalCluster."""
    import logging

    from distributed import Client, LocalCluster

    if isinstance(scheduler, Client):
        return scheduler, []
    if scheduler:
        client = Client(scheduler)
        return client, [client]
    cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                           dashboard_address=":0", silence_logs=logging.ERROR)
    client = Client(cluster)
    return client, [client, cluster]


def _chunked(items, chunk_size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        if chunk and item[0] // chunk_size != chunk[-1][0] // chunk_size:
            yield chunk
            chunk = []
        chunk.append(item)
    if chunk:
        yield chunk


def _run_dask(items, config: _Config, jobs: int, batch_size: int, chunk_size: int, scheduler) -> Iterator:
    import dask.bag as db

    client, owned = _dask_client(scheduler, jobs)
    pending: deque = deque()
    try:
        # Sent once to every worker (not with every task); tasks refer to it.
        [shared] = client.scatter([_portable(config)], broadcast=True, hash=False)
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs)
        # Chunks in flight: at least two (one computing while the previous one is written),
        # more when the cluster has more workers than one chunk's batches.
        window = max(2, math.ceil(2 * n_workers * batch_size / chunk_size))
        for chunk in _chunked(items, chunk_size):
            batches = list(_batches(chunk, batch_size, chunk_size))
            parts = client.scatter(batches, hash=False)
            bag = db.from_delayed(parts).map_partitions(_dask_partition, shared)
            pending.append(client.compute(bag))
            while len(pending) >= window:
                yield from pending.popleft().result()  # the chunk's batch results, in order
        while pending:
            yield from pending.popleft().result()
    finally:
        for f in pending:
            f.cancel()
        for obj in owned:
            try:
                obj.close()
            except Exception:  # closing a cluster that is already gone
                pass


def _execute(items, config: _Config, *, jobs: int, engine: str, scheduler, batch_size: int,
             chunk_size: int) -> Iterator:
    if engine == "local":
        return _run_local(items, config, jobs, batch_size, chunk_size)
    if engine == "dask":
        return _run_dask(items, config, jobs, batch_size, chunk_size, scheduler)
    raise ValueError(f"unknown engine {engine!r}; use 'local' or 'dask'")


class _Progress:
    """Progress reporting: None = a tqdm bar on stderr once more than a few articles are done;
    True / False = always / never a bar; a callable is called with the number done."""

    AUTO_AFTER = 20

    def __init__(self, progress, desc: str, initial: int = 0):
        self.progress = progress
        self.desc = desc
        self.done = initial
        self.bar = None
        self.callback = progress if callable(progress) else None
        if progress is True:
            self._open()

    def _open(self):
        from tqdm.auto import tqdm

        self.bar = tqdm(desc=self.desc, unit=" articles", initial=self.done, file=sys.stderr,
                        mininterval=0.5, dynamic_ncols=True)

    def update(self, n: int = 1) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)
        elif self.progress is None and self.done > self.AUTO_AFTER:
            self._open()
        if self.callback is not None:
            self.callback(self.done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _check(jobs, engine: str, chunk_size: int, batch_size: int) -> int:
    if engine not in ("local", "dask"):
        raise ValueError(f"unknown engine {engine!r}; use 'local' or 'dask'")
    if chunk_size < 1 or batch_size < 1:
        raise ValueError("chunk_size and batch_size must be at least 1")
    jobs = int(jobs or 0)
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def _batch_results(paths, config: _Config, *, jobs, engine, scheduler, chunk_size, batch_size, progress,
                   skip=None, desc="articles", initial=0, limit=None) -> Iterator:
    """Every batch result ``([(index, status), ...], payload)`` in input order, with progress."""
    items = _source(paths, config, skip, limit)
    prog = _Progress(progress, desc, initial)
    try:
        for keys, payload in _execute(items, config, jobs=jobs, engine=engine, scheduler=scheduler,
                                      batch_size=batch_size, chunk_size=chunk_size):
            yield keys, payload
            prog.update(len(keys))
    finally:
        prog.close()


def _results(paths, config: _Config, **kw) -> Iterator:
    """Every (index, status, payload) in input order (see :func:`_batch_results`)."""
    for keys, payloads in _batch_results(paths, config, **kw):
        for (i, status), p in zip(keys, payloads):
            yield i, status, p


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


def iter_features(paths, *, actors=None, jobs: int = 1, engine: str = "local", scheduler=None,
                  chunk_size: int = DEFAULT_CHUNK_SIZE, progress=None, options: LoadOptions | None = None,
                  model=None, n_boot: int = 1000, seed: int = 0,
                  batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[dict]:
    """Analyse every article under ``paths`` and yield its ``features`` record, in input order.

    Parameters
    ----------
    paths : path or iterable of paths
        Files or folders, as for :func:`analysis.corpus.iter_articles`.
    actors : path, ActorDictionary or None
        Actor dictionary (TOML file); None for the packaged one. Pass a path when using
        ``engine='dask'`` on a remote cluster.
    jobs : int
        Worker processes (``engine='local'``) or LocalCluster workers (``engine='dask'``
        without ``scheduler``). 0 or less: one per CPU.
    engine : {'local', 'dask'}
    scheduler : str or distributed.Client, optional
        Dask scheduler address (e.g. ``tcp://host:8786``) or a client; without it,
        ``engine='dask'`` starts a LocalCluster.
    chunk_size : int
        Articles per Dask job (and the most records the parent buffers).
    progress : None, bool or callable
        None: a tqdm bar on stderr once more than a few articles are done; False: none;
        True: always; a callable is called with the number of articles done.
    options : LoadOptions, optional
        Input field names and whether to clean.
    model : path, optional
        A sentiment model file (``TargetSentimentClassifier.save``); None for the packaged one.
    n_boot, seed : int
        Bootstrap resamples and seed of the balance interval (see :func:`analysis.analyze.analyze`).
    batch_size : int
        Articles per task sent to a worker.

    Yields
    ------
    dict
        One record per input article, errors included (``status='error'`` and a ``reason``;
        an article whose analysis raised gets ``reason='analysis failed: ...'``). Every
        record has the same keys, in the same order: those of
        :func:`analysis.tables.features_record` (metadata, ``status``, ``reason``, counts,
        ``tone``, ``balance``, ``balance_low``, ``balance_high``, per-group emphasis, voice
        and sentiment columns, ``first_voice``, ``last_voice``, ``anonymous_share``,
        ``warnings``), then every extra input field of ``options.extra_fields`` (None when
        the article has none).
    """
    jobs = _check(jobs, engine, chunk_size, batch_size)
    config = _make_config("analysis", tables=("features",), actors=actors, model=model, options=options,
                          n_boot=n_boot, seed=seed)
    for _, _, rows in _results(paths, config, jobs=jobs, engine=engine, scheduler=scheduler,
                               chunk_size=chunk_size, batch_size=batch_size, progress=progress):
        yield rows["features"][0]


def analyze_corpus(paths, *, actors=None, jobs: int = 1, engine: str = "local", scheduler=None, out_dir,
                   fmt: str = "parquet", tables: Iterable[str] = TABLES, chunk_size: int = DEFAULT_CHUNK_SIZE,
                   progress=None, resume: bool = True, options: LoadOptions | None = None, model=None,
                   n_boot: int = 1000, seed: int = 0, batch_size: int = DEFAULT_BATCH_SIZE) -> dict:
    """Analyse a corpus and write tidy tables, chunk by chunk, resumably.

    Parameters
    ----------
    paths : path or iterable of paths
        Files or folders, as for :func:`analysis.corpus.iter_articles`.
    actors, jobs, engine, scheduler, progress, options, model, n_boot, seed, batch_size
        As for :func:`iter_features`.
    out_dir : path
        Output folder; created if needed.
    fmt : {'parquet', 'csv'}
    tables : iterable of {'features', 'quotes', 'mentions', 'scores'}
    chunk_size : int
        Articles per output chunk: chunk ``i`` holds input articles ``i*chunk_size`` to
        ``(i+1)*chunk_size - 1``.
    resume : bool
        Reuse the chunks a previous run with the same fingerprint completed. False, or a
        different fingerprint, starts cleanly (old part files are removed).

    Returns
    -------
    dict
        ``articles`` (number of input articles), ``status`` (counts of ``ok``, ``warning``,
        ``error``), ``tables`` (per table: ``rows`` and ``paths`` of the files, in order),
        ``chunks``, ``chunks_resumed``, ``fingerprint``, ``manifest``, ``out_dir``,
        ``format``, ``engine``, ``jobs``, ``seconds``.

    Outputs
    -------
    ``out_dir/<table>/part-<chunk:05d>-<fingerprint>.<fmt>``, one file per chunk and table,
    each written atomically (temporary file, then rename), rows in input order:

    - ``features``: one row per input article (errors too); the columns of
      :func:`iter_features`.
    - ``quotes``: one row per quote; columns ``analysis.tables.QUOTE_FIELDS`` (see
      :func:`analysis.tables.quote_records`).
    - ``mentions``: one row per actor mention; ``analysis.tables.MENTION_FIELDS``.
    - ``scores``: one row per scored target (sentiment about a mention, or of a group's
      quote); ``analysis.tables.SCORE_FIELDS``.

    ``out_dir/_manifest.json`` records the fingerprint (a hash of the input files' contents,
    the options, the tables, the chunk size and the package's code and data) and each
    completed chunk. A chunk is completed when all its files are written; the manifest is
    rewritten (atomically) after each one. An interrupted run leaves whole files only; a
    rerun skips the completed chunks. Parquet files can be read as one table with
    ``pandas.read_parquet(out_dir / "features")``; CSV files each have a header.
    """
    t0 = time.perf_counter()
    jobs = _check(jobs, engine, chunk_size, batch_size)
    if fmt not in ("parquet", "csv"):
        raise ValueError(f"unknown format {fmt!r}; use 'parquet' or 'csv'")
    tables = tuple(tables)
    bad = [t for t in tables if t not in TABLES]
    if bad or not tables:
        raise ValueError(f"unknown table(s) {bad}; choose from {', '.join(TABLES)}")
    tables = tuple(t for t in TABLES if t in tables)  # canonical order
    config = _make_config("analysis", tables=tables, actors=actors, model=model, options=options,
                          n_boot=n_boot, seed=seed, fmt=fmt)
    out = Path(out_dir)
    fp = _fingerprint(paths, config, fmt, chunk_size)
    schemas = {t: _schema(t, config) for t in tables}
    manifest = _read_manifest(out)
    if resume and manifest and manifest.get("fingerprint") == fp:
        done = {int(k): v for k, v in manifest.get("chunks", {}).items()
                if all((out / t / v["files"][t]).is_file() for t in tables)}
    else:
        done = {}
    _clean_out_dir(out, keep={(t, v["files"][t]) for v in done.values() for t in tables})
    complete = bool(done) and bool(manifest and manifest.get("complete")) and len(done) == len(manifest["chunks"])
    manifest = {"fingerprint": fp, "format_version": FORMAT_VERSION, "format": fmt, "tables": list(tables),
                "chunk_size": chunk_size, "complete": complete, "chunks": {str(k): done[k] for k in sorted(done)}}
    resumed = len(done)
    if not manifest["complete"]:
        manifest["complete"] = False
        _write_manifest(out, manifest)
        results = _batch_results(paths, config, jobs=jobs, engine=engine, scheduler=scheduler,
                                 chunk_size=chunk_size, batch_size=batch_size, progress=progress,
                                 skip=lambda i: i // chunk_size in done,
                                 initial=sum(v["articles"] for v in done.values()))
        for ci, first, n_articles, status, parts in _chunk_parts(results, tables, chunk_size):
            files, n_rows = {}, {}
            for t in tables:
                name = f"part-{ci:05d}-{fp}.{fmt}"
                n_rows[t] = _write_parts(out / t / name, parts[t], schemas[t], fmt)
                files[t] = name
            manifest["chunks"][str(ci)] = {"first": first, "articles": n_articles,
                                           "status": dict(sorted(status.items())),
                                           "rows": n_rows, "files": files}
            manifest["chunks"] = dict(sorted(manifest["chunks"].items(), key=lambda kv: int(kv[0])))
            _write_manifest(out, manifest)
        if not manifest["chunks"]:  # no input articles: still leave readable, empty tables
            files = {}
            for t in tables:
                name = f"part-00000-{fp}.{fmt}"
                _write_parts(out / t / name, [_encode([], schemas[t], fmt)], schemas[t], fmt)
                files[t] = name
            manifest["chunks"]["0"] = {"first": 0, "articles": 0, "status": {}, "rows": dict.fromkeys(tables, 0),
                                       "files": files}
        manifest["complete"] = True
        _write_manifest(out, manifest)
    chunks = manifest["chunks"]
    status: Counter = Counter()
    for v in chunks.values():
        status.update(v["status"])
    return {
        "out_dir": str(out),
        "format": fmt,
        "fingerprint": fp,
        "manifest": str(out / _MANIFEST),
        "articles": sum(v["articles"] for v in chunks.values()),
        "status": {k: status.get(k, 0) for k in ("ok", "warning", "error")},
        "tables": {t: {"rows": sum(v["rows"][t] for v in chunks.values()),
                       "paths": [str(out / t / v["files"][t]) for v in chunks.values()]} for t in tables},
        "chunks": len(chunks),
        "chunks_resumed": resumed,
        "engine": engine,
        "jobs": jobs,
        "seconds": round(time.perf_counter() - t0, 3),
    }


# --------------------------------------------------------------------------------------
# Chunks, files, manifest, fingerprint
# --------------------------------------------------------------------------------------


def _chunk_parts(batches, tables, chunk_size: int) -> Iterator[tuple[int, int, int, Counter, dict]]:
    """Group batch results into chunks: (chunk index, first index, articles, status counts,
    {table: [encoded batch, ...]}). Batches never straddle a chunk boundary."""
    cur = None
    for keys, encoded in batches:
        ci = keys[0][0] // chunk_size
        if cur is not None and ci != cur[0]:
            yield tuple(cur)
            cur = None
        if cur is None:
            cur = [ci, keys[0][0], 0, Counter(), {t: [] for t in tables}]
        cur[2] += len(keys)
        cur[3].update(status for _, status in keys)
        for t in tables:
            cur[4][t].append(encoded[t])
    if cur is not None:
        yield tuple(cur)


_INT_COLUMNS = {"start", "end", "speaker_start", "speaker_end", "paragraph", "sentence"}
_FLOAT_COLUMNS = {"rel_position", "vader", "learned"}
_BOOL_COLUMNS = {"anonymous", "in_title"}


def _schema(table: str, config: _Config):
    """The Arrow schema of a table: fixed for a run, so that every chunk has the same one.

    Features: types from the template record (bool, int64, float64, else string). Other
    tables: integer offsets and indices, float scores and positions, bool flags, else string.
    """
    import pyarrow as pa

    from analysis import tables as T

    if table == "features":
        tmpl = _features_template(_load_actor_dict(config.actors), config.options, config.n_boot, config.seed)
        fields = []
        for c in config.features_columns:
            v = tmpl.get(c)
            typ = (pa.bool_() if isinstance(v, bool) else pa.int64() if isinstance(v, int)
                   else pa.float64() if isinstance(v, float) else pa.string())
            fields.append(pa.field(c, typ))
        return pa.schema(fields)
    cols = {"quotes": T.QUOTE_FIELDS, "mentions": T.MENTION_FIELDS, "scores": T.SCORE_FIELDS}[table]
    return pa.schema([pa.field(c, pa.int64() if c in _INT_COLUMNS else pa.float64() if c in _FLOAT_COLUMNS
                               else pa.bool_() if c in _BOOL_COLUMNS else pa.string()) for c in cols])


def _arrow_value(v, typ):
    import pyarrow as pa

    if v is None:
        return None
    if pa.types.is_string(typ) and not isinstance(v, str):
        return json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else str(v)
    if pa.types.is_floating(typ):
        return float(v)
    return v


def _encode(rows: list[dict], schema, fmt: str):
    """Rows as an Arrow record batch (parquet) or as (row count, CSV lines without a header) (csv)."""
    names = schema.names
    if fmt == "csv":
        import csv
        import io

        from analysis.output import _csv_cell

        buf = io.StringIO(newline="")
        w = csv.writer(buf, lineterminator="\n")
        for r in rows:
            w.writerow([_csv_cell(r.get(c)) for c in names])
        return len(rows), buf.getvalue()
    import pyarrow as pa

    return pa.record_batch([pa.array([_arrow_value(r.get(f.name), f.type) for r in rows], type=f.type)
                            for f in schema], schema=schema)


def _write_parts(path: Path, parts: list, schema, fmt: str) -> int:
    """Write one chunk file of a table from its encoded batches, atomically; returns the row count.

    The bytes do not depend on how the rows were split into batches (Parquet: the batches
    are combined into one contiguous table first)."""
    from analysis.output import atomic_writer

    if fmt == "csv":
        import csv

        with atomic_writer(path) as fh:
            csv.writer(fh, lineterminator="\n").writerow(schema.names)
            for _, text in parts:
                fh.write(text)
        return sum(n for n, _ in parts)
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_batches(parts, schema=schema).combine_chunks()
    with atomic_writer(path, "wb") as fh:
        pq.write_table(table, fh, compression="zstd")
    return table.num_rows


def _read_manifest(out: Path) -> dict | None:
    try:
        return json.loads((out / _MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_manifest(out: Path, manifest: dict) -> None:
    from analysis.output import atomic_writer

    with atomic_writer(out / _MANIFEST) as fh:
        fh.write(json.dumps(manifest, indent=1, sort_keys=False) + "\n")


def _clean_out_dir(out: Path, keep: set[tuple[str, str]]) -> None:
    """Remove part files of other runs and temporary files left by a killed run."""
    for t in TABLES:
        d = out / t
        if not d.is_dir():
            continue
        for f in d.iterdir():
            stale_part = _PART_RE.match(f.name) and (t, f.name) not in keep
            leftover_tmp = f.name.startswith(".part-") and f.name.endswith(".part")
            if f.is_file() and (stale_part or leftover_tmp):
                f.unlink()


def _files_under(p: Path) -> Iterator[tuple[str, Path]]:
    if p.is_dir():
        for f in sorted(p.rglob("*")):
            if f.is_file():
                yield f.relative_to(p).as_posix(), f
    elif p.is_file():
        yield p.name, p


def _hash_file(h, path: Path) -> None:
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)


def _fingerprint(paths, config: _Config, fmt: str, chunk_size: int) -> str:
    """16 hex digits identifying a run's output: inputs (contents), options, code and data."""
    h = hashlib.blake2b(digest_size=8)

    def feed(*parts):
        h.update(json.dumps(parts, default=str, sort_keys=True).encode("utf-8") + b"\n")

    feed("framing-lab analyze_corpus", FORMAT_VERSION, fmt, chunk_size, config.tables, config.n_boot,
         config.seed, asdict(config.options), list(config.features_columns))
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for p in paths:
        p = Path(p)
        feed("input", p.name, p.is_dir())
        for rel, f in _files_under(p):
            feed("file", rel, f.stat().st_size)
            _hash_file(h, f)
    for rel, f in _files_under(_PACKAGE_DIR):  # the code and data that produce the tables
        if f.suffix in (".py", ".txt", ".tsv", ".toml", ".json", ".gz") and "__pycache__" not in rel:
            feed("package", rel)
            _hash_file(h, f)
    actors = config.actors
    if isinstance(actors, str):
        feed("actors", Path(actors).name)
        _hash_file(h, Path(actors))
    elif actors is not None:
        feed("actors", _actors_ident(actors))
    if config.model is not None:
        feed("model", Path(config.model).name)
        _hash_file(h, Path(config.model))
    return h.hexdigest()
