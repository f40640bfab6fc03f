"""The boundary between per-article records and tidy pandas tables.

One table per entity, each keyed by ``article_id`` and ``outlet``: articles, sentences,
mentions, quotes, actor_scores. Each function lists its columns.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from analysis.clean import clean_text
from analysis.corpus import Article
from analysis.emphasis import sentence_word_counts
from analysis.quotes import voice_summary
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
    work = article.working_text
    doc = segment(work, list(article.paragraphs)) if article.paragraphs else None
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
        "n_words": sum(count_words(work, s, e) for s, e in body),
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
    doc = segment(article.working_text, list(article.paragraphs))
    text = doc.text
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
            "n_words": count_words(text, s.start, s.end),
            "text": text[s.start:s.end],
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


def _emphasis_fields(analysis) -> dict:
    rec = {}
    summary = voice_summary(analysis.quotes)
    # Scores by (group, stance) in one pass, in their original order (the means below sum
    # them in that order).
    scores: dict[tuple[str, str], list] = {}
    for s in analysis.scores:
        scores.setdefault((s.group, s.stance), []).append(s)
    for e in analysis.emphasis:
        g = e.group
        for name in ("mentions", "sentence_share", "word_share", "in_headline", "in_lede", "first_sentence",
                     "first_position", "prominence"):
            rec[f"{g}_{name}"] = getattr(e, name)
        v = summary["by_group"].get(g, {})
        rec[f"{g}_quotes"] = v.get("quotes", 0)
        rec[f"{g}_voice_share"] = v.get("share_quotes", float("nan"))
        rec[f"{g}_voice_word_share"] = v.get("share_words", float("nan"))
        for stance in ("about", "by"):
            rows = scores.get((g, stance), [])
            for model in ("vader", "learned"):
                vals = [x for x in (getattr(s, model) for s in rows) if x == x]  # x == x: not NaN
                rec[f"{g}_{stance}_{model}"] = sum(vals) / len(vals) if vals else float("nan")
            rec[f"{g}_{stance}_n"] = len(rows)
    rec["first_voice"] = summary["first_voice"]
    rec["last_voice"] = summary["last_voice"]
    rec["anonymous_share"] = summary["anonymous_share"]
    return rec


def features_record(analysis) -> dict:
    """One flat record per article: metadata, counts, tone, balance and per-group measures.

    Per group ``g`` (ids from the actor dictionary): ``g_mentions``, ``g_sentence_share``,
    ``g_word_share``, ``g_in_headline``, ``g_in_lede``, ``g_first_sentence``,
    ``g_first_position``, ``g_prominence`` (see :func:`analysis.emphasis.emphasis`),
    ``g_quotes``, ``g_voice_share``, ``g_voice_word_share``, and ``g_about_vader``,
    ``g_about_learned``, ``g_about_n``, ``g_by_vader``, ``g_by_learned``, ``g_by_n`` (mean
    sentiment about / by the group, in [-1, 1]; NaN when there is nothing to score). Plus
    ``balance``, ``balance_low``, ``balance_high`` (Kremlin-vs-coalition index and its
    bootstrap interval), ``tone`` (mean VADER over body sentences), ``n_quotes``,
    ``n_scare_quotes``, ``first_voice``, ``last_voice``, ``anonymous_share``, ``warnings``.
    """
    a = analysis.article
    rec = {k: getattr(a, k) for k in ("article_id", "path", "outlet", "wire_source", "date", "title", "byline",
                                      "language")}
    body = analysis.doc.sentences  # body and heading sentences, as in emphasis and the articles table
    status, reason = a.status, a.reason
    if analysis.warnings and status != "error":
        # Problems found by analysis (an unclosed quote...) make the article a warning, with a reason.
        status = "warning"
        reason = "; ".join(x for x in (reason, analysis.warnings[0]) if x)
    rec.update(
        status=status,
        reason=reason,
        n_sentences=len(body),
        n_words=int(sentence_word_counts(analysis.doc).sum()),  # the counts emphasis used (computed once)
        n_mentions=sum(1 for m in analysis.mentions if analysis.doc.sentence_at(m.start) is not None),
        n_quotes=sum(q.kind != "scare" for q in analysis.quotes),
        n_scare_quotes=sum(q.kind == "scare" for q in analysis.quotes),
        tone=analysis.tone,
        balance=analysis.balance,
        balance_low=analysis.balance_low,
        balance_high=analysis.balance_high,
        warnings="; ".join(analysis.warnings),
    )
    rec.update(_emphasis_fields(analysis))
    rec.update(dict(a.extra))
    return rec


QUOTE_FIELDS = ["article_id", "path", "outlet", "kind", "text", "start", "end", "cue", "cue_class", "speaker",
                "speaker_start", "speaker_end", "actor", "speech", "anonymous", "paragraph", "sentence", "rel_position"]


def quote_records(article: Article, doc, quotes) -> list[dict]:
    """One record per quote (the CLI contract's fields plus paragraph and position).

    ``sentence`` is the index of the sentence where the quote starts and ``rel_position``
    that index scaled to [0, 1] along the body.
    """
    a = article
    n = len(doc.sentences)
    out = []
    for q in quotes:
        s = doc.sentence_at(q.start)
        out.append({
            "article_id": a.article_id, "path": a.path, "outlet": a.outlet, "kind": q.kind, "text": q.text,
            "start": q.start, "end": q.end, "cue": q.cue, "cue_class": q.cue_class, "speaker": q.speaker,
            "speaker_start": q.speaker_start, "speaker_end": q.speaker_end, "actor": q.actor,
            "speech": q.speech, "anonymous": q.anonymous, "paragraph": q.paragraph, "sentence": s.index if s else None,
            "rel_position": (s.index / (n - 1) if n > 1 else 0.0) if s else None,
        })
    return out


MENTION_FIELDS = ["article_id", "outlet", "start", "end", "surface", "actor", "group", "sentence", "rel_position",
                  "in_title"]


def mention_records(analysis) -> list[dict]:
    """One record per actor mention; ``in_title`` marks mentions in the headline paragraph."""
    a, doc = analysis.article, analysis.doc
    n = len(doc.sentences)
    out = []
    for m in analysis.mentions:
        s = doc.sentence_at(m.start)
        out.append({
            "article_id": a.article_id, "outlet": a.outlet, "start": m.start, "end": m.end, "surface": m.surface,
            "actor": m.actor, "group": m.group, "sentence": s.index if s else None,
            "rel_position": (s.index / (n - 1) if n > 1 else 0.0) if s else None, "in_title": s is None,
        })
    return out


SCORE_FIELDS = ["article_id", "outlet", "group", "stance", "where", "start", "end", "sentence", "vader", "learned",
                "text"]


def score_records(analysis) -> list[dict]:
    """One record per scored target: sentiment about a mention, or of a group's quote."""
    a = analysis.article
    return [{"article_id": a.article_id, "outlet": a.outlet, "group": s.group, "stance": s.stance,
             "where": s.where, "start": s.start, "end": s.end, "sentence": s.sentence, "vader": s.vader,
             "learned": s.learned, "text": a.text[s.start:s.end]} for s in analysis.scores]
