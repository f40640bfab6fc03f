"""The boundary between per-article records and tidy pandas tables.

One table per entity, each keyed by ``article_id`` and ``outlet``: articles, sentences,
mentions, quotes, actor_scores. Each function lists its columns.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from analysis.clean import clean_text
from analysis.corpus import Article
from analysis.text import count_words, segment

__all__ = ["ARTICLE_FIELDS", "article_record", "articles_frame"]

ARTICLE_FIELDS = [
    "article_id", "path", "outlet", "wire_source", "date", "title", "byline", "language",
    "encoding", "source_format", "dateline", "status", "reason",
    "n_paragraphs", "n_sentences", "n_words", "clean_text", "removed", "text",
]


def article_record(article: Article) -> dict:
    """One article as a flat dict: the loader's fields plus cleaning and size counts.

    ``clean_text`` is the kept body and headings joined by blank lines; ``removed`` is a
    list of ``{text, reason, start, end}``; counts are over body and heading paragraphs.
    """
    text = article.text
    doc = segment(text, list(article.paragraphs)) if article.paragraphs else None
    body = [(s, e) for s, e, k in article.paragraphs if k in ("body", "heading")]
    rec = {
        "article_id": article.article_id,
        "path": article.path,
        "outlet": article.outlet,
        "wire_source": article.wire_source,
        "date": article.date,
        "title": article.title,
        "byline": article.byline,
        "language": article.language,
        "encoding": article.encoding,
        "source_format": article.source_format,
        "dateline": article.dateline,
        "status": article.status,
        "reason": article.reason,
        "n_paragraphs": len(body),
        "n_sentences": len(doc.sentences) if doc else 0,
        "n_words": sum(count_words(text, s, e) for s, e in body),
        "clean_text": clean_text(text, article) if article.paragraphs else "",
        "removed": [{"text": r.text, "reason": r.reason, "start": r.start, "end": r.end}
                    for r in article.removed],
        "text": text,
    }
    rec.update(dict(article.extra))
    return rec


def articles_frame(articles: Iterable[Article]) -> pd.DataFrame:
    """Tidy table of articles.

    Columns: article_id, path, outlet, wire_source, date, title, byline, language,
    encoding, source_format, dateline, status, reason, n_paragraphs, n_sentences, n_words,
    clean_text, removed (list of dicts), text, plus any extra input fields (topic, url...).
    """
    rows = [article_record(a) for a in articles]
    return pd.DataFrame(rows, columns=None if rows else ARTICLE_FIELDS)


SENTENCE_FIELDS = ["article_id", "outlet", "sentence", "paragraph", "kind", "start", "end", "rel_position",
                   "n_words", "text"]


def sentence_records(article: Article) -> list[dict]:
    """The sentences of one article (body and headings), in order.

    ``sentence`` is the index among these sentences; ``rel_position`` is that index scaled
    to [0, 1] (0 = first sentence, 1 = last); ``kind`` is the paragraph kind.
    """
    if article.status == "error" or not article.paragraphs:
        return []
    doc = segment(article.text, list(article.paragraphs))
    kinds = [p.kind for p in doc.paragraphs]
    n = len(doc.sentences)
    return [
        {
            "article_id": article.article_id,
            "outlet": article.outlet,
            "sentence": s.index,
            "paragraph": s.paragraph,
            "kind": kinds[s.paragraph],
            "start": s.start,
            "end": s.end,
            "rel_position": s.index / (n - 1) if n > 1 else 0.0,
            "n_words": count_words(article.text, s.start, s.end),
            "text": article.text[s.start:s.end],
        }
        for s in doc.sentences
    ]


def sentences_frame(articles: Iterable[Article]) -> pd.DataFrame:
    """Tidy table of sentences, one row per sentence.

    Columns: article_id, outlet, sentence, paragraph, kind, start, end, rel_position,
    n_words, text (see :func:`sentence_records`).
    """
    rows = [r for a in articles for r in sentence_records(a)]
    return pd.DataFrame(rows, columns=SENTENCE_FIELDS)
