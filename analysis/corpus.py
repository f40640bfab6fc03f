"""Read articles from files and folders, with their metadata, and never drop one silently.

Formats: ``.txt``, ``.html``/``.htm`` (main text and metadata by trafilatura), ``.json``
(one object or a list), ``.jsonl`` and ``.jsonl.gz`` (one object a line), ``.csv`` (one row
an article). A ``manifest.csv`` in a folder gives metadata for the files beside it
(columns ``file`` plus any of outlet, date, title, language, wire_source, byline).

Every input yields records: a file that cannot be read, a binary file, an empty file, a
malformed JSONL line or a CSV row without text each become an :class:`Article` with
``status='error'`` and a one-line ``reason``. Recoverable oddities (a cp1252 fallback, a
renamed duplicate id) give ``status='warning'``.

Decoding: a UTF-8 BOM, a UTF-16 BOM, then strict UTF-8, then cp1252 (undefined bytes
replaced). The encoding used is recorded. The decoded text is never altered afterwards:
cleaning and every later stage refer to it by offsets.
"""

from __future__ import annotations

import ast
import csv
import glob
import gzip
import io
import json
import logging
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from analysis.clean import Cleaned, Removal, blank_inline, clean

log = logging.getLogger(__name__)

__all__ = ["SUPPORTED", "Article", "LoadOptions", "decode", "iter_articles", "load_corpus", "unify_outlet_names"]

_MIN_HTML_WORDS = 10
SUPPORTED = (".txt", ".html", ".htm", ".json", ".jsonl", ".jsonl.gz", ".csv")
_MAGIC = {b"%PDF": "a PDF file", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
          b"GIF8": "a GIF image", b"PK\x03\x04": "a ZIP archive (e.g. .docx)", b"\x1f\x8b": "gzip data"}


@dataclass(frozen=True, slots=True)
class Article:
    """One article, as loaded and cleaned.

    ``text`` is the text exactly as decoded; ``paragraphs`` and ``removed`` (from
    :func:`analysis.clean.clean`) are spans of it. ``status`` is ``ok``, ``warning`` or
    ``error`` and ``reason`` says why in one line. ``extra`` keeps other input fields
    (e.g. topic, url, bias_label) as (name, value) pairs.
    """

    article_id: str
    path: str
    outlet: str | None = None
    wire_source: str | None = None
    date: str | None = None
    title: str | None = None
    byline: str | None = None
    text: str = ""
    status: str = "ok"
    reason: str = ""
    encoding: str | None = None
    language: str | None = None
    source_format: str = ""
    dateline: str | None = None
    paragraphs: tuple[tuple[int, int, str], ...] = ()
    removed: tuple[Removal, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()

    @property
    def working_text(self) -> str:
        """``text`` with the spans inline cleaning rules took out of kept paragraphs (name
        pop-ups) turned into spaces: the same length, so every offset holds. Segmentation,
        mentions, quotes and sentiment read this; ``text`` is what offsets are checked against."""
        return blank_inline(self.text, self.paragraphs, self.removed)


@dataclass(frozen=True, slots=True)
class LoadOptions:
    """Which input fields hold what, for JSON, JSONL and CSV. Change with ``dataclasses.replace``."""

    text_fields: tuple[str, ...] = ("text", "content", "body", "body-paragraphs")
    outlet_fields: tuple[str, ...] = ("outlet", "source", "publisher")
    id_fields: tuple[str, ...] = ("article_id", "id", "uuid")
    title_fields: tuple[str, ...] = ("title", "headline")
    date_fields: tuple[str, ...] = ("date", "published", "publication_date")
    byline_fields: tuple[str, ...] = ("byline", "author", "authors")
    wire_fields: tuple[str, ...] = ("wire_source", "wire")
    language_fields: tuple[str, ...] = ("language", "lang")
    extra_fields: tuple[str, ...] = ("topic", "bias_label", "url", "main-event", "triplet-uuid")
    clean: bool = True


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes: UTF-8 (BOM or not), UTF-16 with a BOM, else cp1252.

    Returns
    -------
    (text, encoding)

    Raises
    ------
    ValueError
        For data that is not text (NUL bytes without a UTF-16 BOM, or a known binary format).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise ValueError(f"not a text file: {what}")
    if b"\x00" in data[:4096]:
        raise ValueError("not a text file: binary data (NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        # Random bytes decode as cp1252 too; refuse what is mostly control characters.
        ctrl = sum(1 for ch in text[:4096] if ch < " " and ch not in "\t\n\r\f")
        if ctrl > 0.05 * min(len(text), 4096):
            raise ValueError("not a text file: binary data (control characters)") from None
        return text, "cp1252"


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".jsonl.gz" if name.endswith(".jsonl.gz") else path.suffix.lower()


def _discover(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, dict[str, str] | None, str | None]]:
    """Yield (file, manifest row or None, problem or None) in a stable, sorted order."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    expanded: list[Path] = []
    for p in paths:
        p = Path(p)
        # A pattern such as 'articles/2015/2b9468af*.json' selects files (e.g. one BASIL event).
        if not p.exists() and any(ch in str(p) for ch in "*?["):
            matches = sorted(Path(m) for m in glob.glob(str(p)))
            expanded.extend(matches or [p])
        else:
            expanded.append(p)
    for p in expanded:
        if p.is_dir():
            manifest = _read_manifest(p / "manifest.csv")
            for f in sorted(p.rglob("*")):
                if f.is_dir() or f.name.startswith(".") or f.name == "manifest.csv":
                    continue
                if any(part.startswith(".") for part in f.relative_to(p).parts):
                    continue
                rel = f.relative_to(p).as_posix()
                problem = None if _suffix(f) in SUPPORTED else f"unsupported file type {_suffix(f) or '(none)'}"
                yield f, manifest.get(rel) or manifest.get(f.name), problem
        elif p.exists():
            manifest = _read_manifest(p.parent / "manifest.csv")
            problem = None if _suffix(p) in SUPPORTED else f"unsupported file type {_suffix(p) or '(none)'}"
            yield p, manifest.get(p.name), problem
        else:
            yield p, None, "no such file or folder"


def _read_manifest(path: Path) -> dict[str, dict[str, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return {row["file"]: row for row in csv.DictReader(fh) if row.get("file")}
    except (OSError, KeyError, csv.Error, UnicodeDecodeError):
        return {}


def _first(record: dict, names: tuple[str, ...]) -> str | None:
    for n in names:
        v = record.get(n)
        if v is None or v == "":
            continue
        if isinstance(v, list):
            v = ", ".join(str(x) for x in v)
        return str(v)
    return None


def _paragraphs_value(v) -> str | None:
    """Join a list of paragraphs (each a string or a list of sentences) with blank lines.

    BASIL stores its body as the *string* repr of a list of lists; it is parsed with
    ``ast.literal_eval`` (literals only, never code).
    """
    if isinstance(v, str) and v.lstrip().startswith("[["):
        try:
            v = ast.literal_eval(v)
        except (ValueError, SyntaxError):
            return v
    if isinstance(v, list):
        return "\n\n".join(" ".join(map(str, p)) if isinstance(p, list) else str(p) for p in v)
    return None if v is None else str(v)


def _finish(article: Article, opts: LoadOptions) -> Article:
    """Clean the text and fill metadata the input did not give from what cleaning found."""
    if article.status == "error":
        return article
    text = article.text
    if not text.strip():
        return replace(article, status="error", reason="empty text")
    if not opts.clean:
        return article
    c: Cleaned = clean(text, title=article.title)
    outlet = article.outlet or c.get("outlet")
    wire = article.wire_source or c.get("wire_source")
    if outlet is None and c.get("dateline") and wire:
        outlet = wire  # 'LONDON (Reuters) -' on copy with no other outlet named: the wire's own copy
    a = replace(
        article,
        outlet=outlet,
        wire_source=wire,
        title=article.title or c.get("title"),
        byline=article.byline or c.get("byline"),
        dateline=c.get("dateline"),
        paragraphs=c.paragraphs,
        removed=c.removed,
    )
    if not any(k == "body" for *_, k in c.paragraphs):
        a = replace(a, status="error" if a.status == "ok" else a.status,
                    reason=_join(a.reason, "no body text after removing page furniture"))
    return a


def _join(a: str, b: str) -> str:
    return f"{a}; {b}" if a else b


def _warn(article: Article, reason: str) -> Article:
    status = "warning" if article.status == "ok" else article.status
    return replace(article, status=status, reason=_join(article.reason, reason))


def _from_record(rec: dict, *, article_id: str, path: str, fmt: str, opts: LoadOptions,
                 defaults: dict[str, str] | None = None) -> Article:
    d = defaults or {}
    text = None
    for n in opts.text_fields:
        if rec.get(n) not in (None, ""):
            text = _paragraphs_value(rec[n])
            break
    rid = _first(rec, opts.id_fields)
    extra = tuple((k, str(rec[k])) for k in opts.extra_fields if rec.get(k) not in (None, ""))
    a = Article(
        article_id=rid or article_id,
        path=path,
        outlet=_first(rec, opts.outlet_fields) or d.get("outlet") or None,
        wire_source=_first(rec, opts.wire_fields) or d.get("wire_source") or None,
        date=_first(rec, opts.date_fields) or d.get("date") or None,
        title=_first(rec, opts.title_fields) or d.get("title") or None,
        byline=_first(rec, opts.byline_fields) or d.get("byline") or None,
        language=_first(rec, opts.language_fields) or d.get("language") or None,
        text=text or "",
        encoding="utf-8",
        source_format=fmt,
        extra=extra,
    )
    if text is None:
        wanted = " or ".join(repr(n) for n in opts.text_fields)
        return replace(a, status="error", reason=f"record has no text field ({wanted})")
    return _finish(a, opts)


def _iter_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Stream (line number, decoded line) from a .jsonl or .jsonl.gz file."""
    opener = gzip.open if _suffix(path) == ".jsonl.gz" else open
    with opener(path, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                yield n, raw.decode("utf-8")
            except UnicodeDecodeError:
                yield n, raw.decode("cp1252", errors="replace")


def _load_file(path: Path, manifest: dict[str, str] | None, opts: LoadOptions) -> Iterator[Article]:
    fmt = _suffix(path).lstrip(".")
    stem = path.name[: -len(_suffix(path))] if _suffix(path) else path.name
    base = Article(article_id=stem, path=str(path), source_format=fmt)
    d = manifest or {}
    if fmt in ("jsonl", "jsonl.gz"):
        yield from _load_jsonl(path, stem, opts, d)
        return
    try:
        text, encoding = decode(path.read_bytes())  # JSONL (and .jsonl.gz) is streamed above
    except (OSError, ValueError) as exc:
        yield replace(base, status="error", reason=_one_line(exc))
        return
    if fmt == "csv":
        yield from _load_csv(text, path, stem, opts, d)
    elif fmt == "json":
        yield from _load_json(text, path, stem, opts, d)
    elif fmt in ("html", "htm"):
        yield _load_html(text, base, encoding, opts, d)
    else:
        a = replace(
            base,
            text=text,
            encoding=encoding,
            outlet=d.get("outlet") or None,
            wire_source=d.get("wire_source") or None,
            date=d.get("date") or None,
            title=d.get("title") or None,
            byline=d.get("byline") or None,
            language=d.get("language") or None,
        )
        a = _finish(a, opts)
        if encoding == "cp1252" and a.status != "error":
            a = _warn(a, "not valid UTF-8; decoded as cp1252")
        yield a


def _one_line(exc: BaseException) -> str:
    msg = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    if isinstance(exc, PermissionError):
        return "permission denied: cannot read the file"
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot read the file: {exc.strerror}"
    return msg


def _load_jsonl(path: Path, stem: str, opts: LoadOptions, d: dict) -> Iterator[Article]:
    fmt = _suffix(path).lstrip(".")
    try:
        for n, line in _iter_lines(path):
            if not line.strip():
                continue
            aid = f"{stem}:{n}"
            try:
                rec = json.loads(line)
                if not isinstance(rec, dict):
                    raise ValueError("not a JSON object")
            except ValueError as exc:
                yield Article(aid, str(path), source_format=fmt, status="error",
                              reason=f"line {n}: malformed JSON: {_one_line(exc)}")
                continue
            yield _at_line(_from_record(rec, article_id=aid, path=str(path), fmt=fmt, opts=opts, defaults=d), n)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield Article(f"{stem}:read", str(path), source_format=fmt, status="error",
                      reason=f"{_one_line(exc)} (records before this point were read)")


def _load_json(text: str, path: Path, stem: str, opts: LoadOptions, d: dict) -> Iterator[Article]:
    try:
        obj = json.loads(text)
    except ValueError as exc:
        yield Article(stem, str(path), source_format="json", status="error", reason=f"malformed JSON: {exc}")
        return
    records = obj if isinstance(obj, list) else [obj]
    for i, rec in enumerate(records):
        aid = stem if len(records) == 1 else f"{stem}:{i + 1}"
        if not isinstance(rec, dict):
            yield Article(aid, str(path), source_format="json", status="error",
                          reason=f"item {i + 1} is not a JSON object")
            continue
        yield _from_record(rec, article_id=aid, path=str(path), fmt="json", opts=opts, defaults=d)


def _load_csv(text: str, path: Path, stem: str, opts: LoadOptions, d: dict) -> Iterator[Article]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        yield Article(stem, str(path), source_format="csv", status="error", reason=f"malformed CSV: {exc}")
        return
    if not any(n in header for n in opts.text_fields):
        wanted = " or ".join(repr(n) for n in opts.text_fields)
        yield Article(stem, str(path), source_format="csv", status="error",
                      reason=f"CSV has no text column ({wanted}); columns: {', '.join(header) or 'none'}")
        return
    row_no = 0
    while True:
        try:
            rec = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            row_no += 1
            yield Article(f"{stem}:{reader.line_num}", str(path), source_format="csv", status="error",
                          reason=f"line {reader.line_num}: malformed CSV: {exc}")
            continue
        row_no += 1
        line = reader.line_num
        aid = f"{stem}:{row_no}"
        if None in rec:  # more cells than the header
            a = _from_record(rec, article_id=aid, path=str(path), fmt="csv", opts=opts, defaults=d)
            yield _warn(a, f"line {line}: more cells than columns; extra cells ignored")
            continue
        yield _at_line(_from_record(rec, article_id=aid, path=str(path), fmt="csv", opts=opts, defaults=d), line)


def _at_line(article: Article, line: int) -> Article:
    """Prefix an error's reason with the input line, so a researcher can find the record."""
    if article.status == "error" and not article.reason.startswith("line "):
        return replace(article, reason=f"line {line}: {article.reason}")
    return article


def _load_html(html: str, base: Article, encoding: str, opts: LoadOptions, d: dict) -> Article:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          favor_recall=True)
    except Exception as exc:  # trafilatura raises assorted parser errors on broken pages
        return replace(base, status="error", encoding=encoding, reason=f"HTML extraction failed: {_one_line(exc)}")
    text = getattr(doc, "text", None) if doc is not None else None
    n_words = len(text.split()) if text else 0
    if n_words < _MIN_HTML_WORDS:  # trafilatura falls back to navigation text ("Home") on empty pages
        return replace(base, status="error", encoding=encoding,
                       reason=f"HTML page has no article body ({n_words} words of page text)")
    a = replace(
        base,
        text=text,
        encoding=encoding,
        outlet=d.get("outlet") or getattr(doc, "sitename", None) or None,
        wire_source=d.get("wire_source") or None,
        date=d.get("date") or getattr(doc, "date", None) or None,
        title=d.get("title") or getattr(doc, "title", None) or None,
        byline=d.get("byline") or getattr(doc, "author", None) or None,
        language=d.get("language") or getattr(doc, "language", None) or None,
    )
    return _finish(a, opts)


def iter_articles(paths, *, options: LoadOptions | None = None) -> Iterator[Article]:
    """Stream articles from files and folders, one :class:`Article` per article.

    Parameters
    ----------
    paths : path or iterable of paths
        Files, folders (searched recursively, in sorted order) or glob patterns.
    options : LoadOptions, optional
        Field names for JSON/JSONL/CSV and whether to clean.

    Yields
    ------
    Article
        Also for inputs that could not be read (``status='error'``). Article ids are made
        unique: a repeated id gets ``#2``, ``#3``... and a warning.
    """
    opts = options or LoadOptions()
    seen: dict[str, int] = {}
    for path, manifest, problem in _discover(paths):
        if problem:
            yield Article(path.name, str(path), source_format=_suffix(path).lstrip("."), status="error",
                          reason=problem)
            continue
        for a in _load_file(path, manifest, opts):
            n = seen.get(a.article_id, 0) + 1
            seen[a.article_id] = n
            if n > 1:
                a = _warn(replace(a, article_id=f"{a.article_id}#{n}"),
                          f"duplicate article id {a.article_id!r}; renamed")
            yield a


def load_corpus(paths, *, options: LoadOptions | None = None, unify_outlets: bool = True) -> list[Article]:
    """Load every article under ``paths`` into a list (see :func:`iter_articles`).

    Parameters
    ----------
    paths : path or list of paths
    options : LoadOptions, optional
    unify_outlets : bool
        Give outlet names that differ only in case one spelling (see :func:`unify_outlet_names`),
        so that "nyt" and "NYT" are one outlet in comparisons.

    Returns
    -------
    list of Article
    """
    articles = list(iter_articles(paths, options=options))
    return unify_outlet_names(articles) if unify_outlets else articles


def unify_outlet_names(articles: list[Article]) -> list[Article]:
    """Spell outlet names that differ only in case the same way, across ``articles``.

    The most frequent spelling wins (the first seen, on a tie). A renamed article keeps the
    name it was given in ``extra`` as ``outlet_as_given``, and one warning is logged per
    merged outlet. BASIL, for example, names the same outlet "nyt" in 66 files and "NYT" in 4.

    Parameters
    ----------
    articles : list of Article

    Returns
    -------
    list of Article
        The same articles, in order; unchanged ones are the same objects.
    """
    spellings: dict[str, Counter] = {}
    for a in articles:
        if a.outlet:
            spellings.setdefault(a.outlet.casefold(), Counter())[a.outlet] += 1
    canonical = {}
    for counts in spellings.values():
        if len(counts) > 1:
            best = counts.most_common(1)[0][0]  # ties: Counter keeps first-seen order
            log.warning("outlet names %s unified as %r", ", ".join(f"{k!r} ({v})" for k, v in counts.items()), best)
            canonical.update({k: best for k in counts if k != best})
    if not canonical:
        return articles
    return [replace(a, outlet=canonical[a.outlet], extra=a.extra + (("outlet_as_given", a.outlet),))
            if a.outlet in canonical else a for a in articles]

