"""Reports: the article table and cleaned texts (annotated HTML and notebooks come later)."""

from __future__ import annotations

import re
from pathlib import Path

from analysis.corpus import iter_articles
from analysis.output import atomic_writer, write_records
from analysis.tables import ARTICLE_FIELDS, article_record

__all__ = ["write_basic_report"]


def _safe_name(article_id: str) -> str:
    return re.sub(r"[^\w.\-]+", "_", article_id)[:120] or "article"


def write_basic_report(paths, out: Path) -> tuple[int, int]:
    """Write ``out/articles.csv`` and ``out/clean/<article_id>.txt`` for every readable article.

    Returns
    -------
    (n_ok, n)
        Articles written as cleaned text, and inputs seen (errors are in the table).
    """
    out = Path(out)
    records = [article_record(a) for a in iter_articles(paths)]
    write_records(records, fmt="csv", out=out / "articles.csv", columns=ARTICLE_FIELDS)
    n_ok = 0
    for rec in records:
        if rec["status"] == "error":
            continue
        with atomic_writer(out / "clean" / f"{_safe_name(rec['article_id'])}.txt") as fh:
            fh.write(rec["clean_text"] + "\n")
        n_ok += 1
    return n_ok, len(records)
