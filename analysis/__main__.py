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


def cmd_report(args) -> int:
    from analysis.report import write_basic_report

    paths = args.paths or ["seeds"]
    _check_paths(paths)
    n_ok, n = write_basic_report(paths, Path(args.out))
    print(f"wrote {args.out}/articles.csv and {n_ok} cleaned texts ({n} inputs)", file=sys.stderr)
    if n_ok == 0:
        raise NothingRead(f"none of {n} inputs could be read in {', '.join(paths)}")
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


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per entry of the README's contract."""
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("articles", help="one record per article: metadata, cleaned text, counts")
    _add_common(p)
    p.set_defaults(func=cmd_articles)

    p = sub.add_parser("report", help="run the main job on articles (default seeds/) and write reports")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: seeds/)")
    p.add_argument("--out", default="reports", metavar="DIR", help="output folder (default reports/)")
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
    except Exception as exc:  # noqa: BLE001 - the contract is one line, never a traceback
        if args.debug:
            raise
        print(f"error: {exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''} "
              "(run with --debug for details)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
