"""Command line: ``python -m analysis COMMAND ...`` (contract in the README).

Exit codes: 0 when at least one article was analysed (even if others failed), 1 when
nothing could be read or an evaluation input is missing, 2 on usage errors. Errors are
one line on stderr; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from analysis.output import write_records


class UsageError(Exception):
    """A mistake in how the command was called: one line to stderr, exit 2."""


class NothingRead(Exception):
    """No input article could be analysed: one line to stderr, exit 1."""


def _counting(records: Iterable[dict], counter: dict) -> Iterator[dict]:
    """Pass records through, counting the articles that were analysed (not status error)."""
    for rec in records:
        counter["n"] += 1
        if rec.get("status", "ok") != "error":
            counter["ok"] += 1
        yield rec


def _check_paths(paths: list[str]) -> None:
    missing = [p for p in paths if not Path(p).exists()]
    if missing and len(missing) == len(paths):
        raise NothingRead(f"no such file or folder: {', '.join(missing)}")


def cmd_articles(args) -> int:
    from analysis.corpus import iter_articles
    from analysis.tables import ARTICLE_FIELDS, article_record

    _check_paths(args.paths)
    counter = {"n": 0, "ok": 0}
    recs = _counting((article_record(a) for a in iter_articles(args.paths)), counter)
    write_records(recs, fmt=args.format, out=args.out, columns=ARTICLE_FIELDS)
    return _status(counter, args.paths)


def _load_actors(args):
    from analysis.actors import ActorError, load_actors

    try:
        return load_actors(getattr(args, "actors", None))
    except ActorError as exc:
        raise UsageError(str(exc)) from None


def cmd_quotes(args) -> int:
    from analysis.analyze import article_doc
    from analysis.corpus import iter_articles
    from analysis.quotes import extract_quotes
    from analysis.tables import QUOTE_FIELDS, quote_records

    _check_paths(args.paths)
    actors = _load_actors(args)
    counter = {"n": 0, "ok": 0}

    def records():
        for article in iter_articles(args.paths):
            counter["n"] += 1
            counter["ok"] += article.status != "error"
            if article.status == "error":
                print(f"warning: {article.path}: {article.reason}", file=sys.stderr)
                continue
            doc = article_doc(article)
            yield from quote_records(article, doc, extract_quotes(doc, actors=actors).quotes)

    write_records(records(), fmt=args.format, out=args.out, columns=QUOTE_FIELDS)
    return _status(counter, args.paths)


def cmd_features(args) -> int:
    from analysis.pipeline import iter_features

    _check_parallel(args)
    _check_paths(args.paths)
    actors = _load_actors(args)
    counter = {"n": 0, "ok": 0}
    records = iter_features(args.paths, actors=args.actors or actors, jobs=args.jobs, engine=args.engine,
                            scheduler=args.scheduler)
    write_records(_counting(records, counter), fmt=args.format, out=args.out)
    return _status(counter, args.paths)


def cmd_analyze(args) -> int:
    from analysis.pipeline import DEFAULT_CHUNK_SIZE, TABLES, analyze_corpus

    _check_parallel(args)
    tables = [t.strip() for t in args.tables.split(",") if t.strip()]
    bad = [t for t in tables if t not in TABLES]
    if bad or not tables:
        raise UsageError(f"unknown table(s) {', '.join(bad) or '(none)'}; choose from {', '.join(TABLES)}")
    _check_paths(args.paths)
    actors = _load_actors(args)
    summary = analyze_corpus(args.paths, actors=args.actors or actors, jobs=args.jobs, engine=args.engine,
                             scheduler=args.scheduler, out_dir=args.out, fmt=args.format, tables=tables,
                             chunk_size=args.chunk_size or DEFAULT_CHUNK_SIZE, resume=not args.restart)
    status = summary["status"]
    n_ok = status.get("ok", 0) + status.get("warning", 0)
    if n_ok == 0:
        n = summary["articles"]
        what = "no articles found" if n == 0 else f"none of {n} inputs could be read"
        raise NothingRead(f"{what} in {', '.join(map(str, args.paths))}")
    rows = ", ".join(f"{t} {v['rows']} rows" for t, v in summary["tables"].items())
    resumed = (f" ({summary['chunks_resumed']} of {summary['chunks']} chunks reused)"
               if summary["chunks_resumed"] else "")
    print(f"{summary['articles']} articles ({status.get('error', 0)} errors) in {summary['seconds']:.1f} s{resumed}: "
          f"{rows}; written to {summary['out_dir']}/", file=sys.stderr)
    return 0


def cmd_bench(args) -> int:
    import json

    from analysis.bench import run_bench

    if not Path(args.corpus).exists():
        raise NothingRead(f"no such corpus: {args.corpus}")
    print(json.dumps(run_bench(args.corpus, n=args.n, jobs=args.jobs), indent=2, default=str))
    return 0


def cmd_sentiment(args) -> int:
    from analysis.sentiment import read_newsmtsc, score_targets

    if not Path(args.targets).is_file():
        raise NothingRead(f"no such file: {args.targets}")
    write_records(score_targets(read_newsmtsc(args.targets), model=args.model), fmt=args.format, out=args.out)
    return 0


def cmd_evaluate(args) -> int:
    import json

    if args.what == "quotes":
        from analysis.evaluate import evaluate_polnear

        if not args.polnear or not Path(args.polnear).is_dir():
            raise NothingRead(f"PolNeAR folder not found: {args.polnear} (expects text/ and attributions/)")
        result = evaluate_polnear(args.polnear, split=args.split)
    else:
        from analysis.sentiment import evaluate_newsmtsc

        if not args.newsmtsc or not Path(args.newsmtsc).is_file():
            raise NothingRead(f"NewsMTSC file not found: {args.newsmtsc}")
        result = evaluate_newsmtsc(args.newsmtsc, model=args.model)
    print(json.dumps(result, indent=2, default=str))
    return 0


def cmd_report(args) -> int:
    from analysis.report import run_notebooks, write_annotated, write_basic_report
    from analysis.summary import corpus_tables

    paths = args.paths or ["seeds"]
    if len(paths) > 1:
        raise UsageError("report takes one corpus path (a folder, file or glob pattern)")
    out = Path(args.out)
    n_ok, n = write_basic_report(paths, out)
    if n_ok == 0:
        raise NothingRead(f"none of {n} inputs could be read in {paths[0]}")
    actors = _load_actors(args)
    tables = corpus_tables(paths, actors=actors)
    write_annotated(tables.analyses, out / "articles", actors=actors)
    figures = Path(args.figures) if args.figures else (Path("figures") if paths == ["seeds"] else out / "figures")
    reports = run_notebooks(paths[0], actors=args.actors, out=out, figures=figures)
    print(f"wrote {len(reports)} HTML reports and {n_ok} annotated articles to {out}/, figures to {figures}/",
          file=sys.stderr)
    return 0


def _status(counter: dict, paths) -> int:
    if counter["ok"] == 0:
        what = "no articles found" if counter["n"] == 0 else f"none of {counter['n']} inputs could be read"
        raise NothingRead(f"{what} in {', '.join(map(str, paths))}")
    if counter["ok"] < counter["n"]:
        print(f"warning: {counter['n'] - counter['ok']} of {counter['n']} inputs had errors "
              "(see their status and reason)", file=sys.stderr)
    return 0


def _add_common(p: argparse.ArgumentParser, *, paths: bool = True, actors: bool = False) -> None:
    if paths:
        p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of articles")
    if actors:
        p.add_argument("--actors", metavar="FILE", help="actor dictionary (TOML); default: the packaged one")
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help="output format (default jsonl)")
    p.add_argument("--out", metavar="FILE", help="write here (atomically) instead of stdout")


def _check_parallel(args) -> None:
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")


def _add_parallel(p: argparse.ArgumentParser) -> None:
    p.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes, or a Dask cluster (default local)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address, e.g. tcp://host:8786; without it a LocalCluster is started")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per entry of the README's contract."""
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("articles", help="one record per article: metadata, cleaned text, counts")
    _add_common(p)
    p.set_defaults(func=cmd_articles)

    p = sub.add_parser("quotes", help="one record per quote: kind, span, cue, speaker, actor group")
    _add_common(p, actors=True)
    p.set_defaults(func=cmd_quotes)

    p = sub.add_parser("features", help="one record per article: emphasis, voice, sentiment, balance")
    _add_common(p, actors=True)
    _add_parallel(p)
    p.set_defaults(func=cmd_features)

    p = sub.add_parser("analyze", help="whole-corpus run: tidy tables written to a folder in resumable chunks")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of articles")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (one sub-folder per table)")
    p.add_argument("--actors", metavar="FILE", help="actor dictionary (TOML); default: the packaged one")
    p.add_argument("--format", choices=("parquet", "csv"), default="parquet", help="table format (default parquet)")
    p.add_argument("--tables", default="features,quotes,mentions,scores",
                   help="comma-separated tables to write (default: all four)")
    p.add_argument("--chunk-size", type=int, help="articles per output chunk (default 2000)")
    p.add_argument("--restart", action="store_true", help="ignore chunks a previous run completed")
    _add_parallel(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("bench", help="throughput and peak memory against a bare VADER pass; prints JSON")
    p.add_argument("--corpus", required=True, metavar="FILE", help="e.g. ../shared/data/abp-articles.jsonl.gz")
    p.add_argument("--n", type=int, default=1000, help="articles (default 1000; 0 = all)")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("sentiment", help="sentiment toward targets in NewsMTSC-style JSONL")
    p.add_argument("--targets", required=True, metavar="FILE.jsonl")
    p.add_argument("--model", default="learned", help="learned (default), vader, or a model file")
    _add_common(p, paths=False)
    p.set_defaults(func=cmd_sentiment)

    p = sub.add_parser("evaluate", help="score against gold data; prints JSON")
    p.add_argument("what", choices=("quotes", "sentiment"))
    p.add_argument("--polnear", metavar="DIR", help="PolNeAR folder (text/, attributions/)")
    p.add_argument("--split", default="dev", choices=("dev", "train", "all"), help="PolNeAR split (default dev)")
    p.add_argument("--newsmtsc", metavar="FILE", help="NewsMTSC JSONL with polarity")
    p.add_argument("--model", default="learned", help="sentiment model: learned (default) or vader")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("report", help="run the main job on articles (default seeds/) and write reports")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: seeds/)")
    p.add_argument("--out", default="reports", metavar="DIR", help="output folder (default reports/)")
    p.add_argument("--actors", metavar="FILE", help="actor dictionary (TOML); default: the packaged one")
    p.add_argument("--figures", metavar="DIR",
                   help="figure folder (default figures/ for seeds/, else OUT/figures)")
    p.set_defaults(func=cmd_report)

    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed the usage message
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except NothingRead as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; no partial output was written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if args.debug:
            raise
        print(f"error: {exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''} "
              "(run with --debug for details)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
