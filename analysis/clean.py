"""Page-furniture removal that never moves a character.

Cleaning does not produce a new string. It classifies spans of the original text: which
paragraphs are body, heading, title or caption, and which spans were removed and why
(cookie banners, translator notices, share prompts, bylines, datelines, wire credits,
repeated captions). Every later stage reads the original text through these spans, so
every offset it reports can be checked against the file.

The rules are data: ``analysis/data/boilerplate.tsv`` (documented in its header). On top
of them, two rules need state across paragraphs and live here:

- a paragraph repeated verbatim (a photo caption scraped three times) is kept once, and
  later copies are removed as ``repeated paragraph``;
- a first short line with no final punctuation, before any body paragraph, is the title
  when the input had no title of its own (plain-text scrapes start with the headline).

Furniture in the middle of a paragraph (The Hill's name pop-ups: "Rep. Adam Schiff Adam
Bennett SchiffGraham: ... MORE (D-Calif.) said") is taken out by ``inline`` rules. The
paragraph keeps its span; :func:`blank_inline` gives the text the later stages read, with
those spans turned into spaces, so no offset moves.

Not handled: captions without a photo credit that are not repeated.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from analysis.text import split_paragraphs

__all__ = ["Cleaned", "Removal", "Rule", "blank_inline", "clean", "clean_text", "load_rules"]

_META_FIELDS = ("byline", "outlet", "wire_source", "dateline", "credits")
_TERMINAL = frozenset(".!?\"”’:;…)")


@dataclass(frozen=True, slots=True)
class Removal:
    """A span of the original text taken out of the body: ``text[start:end]``, and why."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of ``boilerplate.tsv``.

    A suffix rule whose regex starts with ``\\s*`` is stored without it, with ``lead_space``
    set: the match is then widened back over the spaces before it. The span is the same,
    and the search no longer tries the pattern at every position of the paragraph.
    An inline rule, and a line or suffix rule that has one, is tried only on paragraphs that
    contain its ``screen`` text (for a line or suffix rule, one of its ``|``-separated texts).
    """

    scope: str
    action: str
    reason: str
    pattern: re.Pattern
    lead_space: bool = False
    screen: str = ""


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What cleaning found.

    Attributes
    ----------
    paragraphs : tuple of (start, end, kind)
        Kept paragraphs, ``kind`` in ``body``, ``heading``, ``title``, ``caption``.
    removed : tuple of Removal
        Everything taken out, in text order.
    meta : tuple of (field, value)
        Metadata found in the furniture: byline, outlet, wire_source, dateline, credits,
        title. The first value found for a field wins.
    """

    paragraphs: tuple[tuple[int, int, str], ...]
    removed: tuple[Removal, ...]
    meta: tuple[tuple[str, str], ...]

    def get(self, field: str) -> str | None:
        """The metadata value for ``field``, or None."""
        for k, v in self.meta:
            if k == field:
                return v
        return None


@cache
def load_rules() -> tuple[Rule, ...]:
    """Parse ``analysis/data/boilerplate.tsv`` once."""
    raw = resources.files("analysis.data").joinpath("boilerplate.tsv").read_text("utf-8")
    rules = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        screened = parts[0] in ("line", "suffix")  # (a fifth column, a screen, is optional)
        if len(parts) not in ((5,) if parts[0] == "inline" else (4, 5) if screened else (4,)):
            raise ValueError(f"boilerplate.tsv line {n}: expected {5 if parts[0] == 'inline' else 4} "
                             "tab-separated columns" + (" (5 with a screen)" if screened else ""))
        scope, action, reason, regex = parts[:4]
        if scope == "inline" and action != "remove":
            raise ValueError(f"boilerplate.tsv line {n}: an inline rule can only remove")
        lead_space = scope == "suffix" and regex.startswith("\\s*")
        if scope == "prefix":
            regex = f"(?:{regex})"
        elif scope == "suffix":
            regex = f"(?:{regex[3:] if lead_space else regex})$"
        rules.append(Rule(scope, action, reason, re.compile(regex), lead_space, parts[4] if len(parts) > 4 else ""))
    return tuple(rules)


@cache
def _rule_blocks() -> tuple[tuple[object, tuple[Rule, ...]], ...]:
    """The rules in file order, with each run of whole-line or of prefix rules screened by one
    pattern.

    Most paragraphs match no rule; one alternation of a run's patterns (named groups made
    plain, global flags scoped) rejects them in a single call instead of one call per rule.
    The screen is the alternation's ``fullmatch`` for whole-line rules and its ``match`` for
    prefix rules, so it finds nothing exactly when no rule of the run matches. A paragraph the
    screen accepts is tried rule by rule, so the first rule still wins. Suffix rules stay one
    block each: the engine skips fast to the first character of each, not of an alternation
    of them. A line or suffix rule with a screen text is a block of its own, tried only on
    paragraphs containing that text, or one of its alternatives (``a|b``; a pattern that must
    look through the whole paragraph is slow on every one: the engine tests each character
    against a set). A single rule is its own screen (most paragraphs match none, and the call
    to :func:`_apply` is dearer than the match). A screen is that ``str``, a tuple of the
    alternative texts, or a bound method of the alternation or of the single rule's pattern.
    """
    blocks: list[tuple[object, tuple[Rule, ...]]] = []
    run: list[Rule] = []

    def flush() -> None:
        if len(run) > 1:
            parts = []
            for r in run:
                src = re.sub(r"\(\?P<\w+>", "(?:", r.pattern.pattern)
                parts.append(f"(?i:{src[4:]})" if src.startswith("(?i)") else f"(?:{src})")
            screen = re.compile("|".join(parts))
            method = screen.fullmatch if run[0].scope == "line" else screen.match
            blocks.append((method, tuple(run)))
        elif run:
            blocks.append((_own_screen(run[0]), tuple(run)))
        run.clear()

    for rule in load_rules():
        if rule.scope == "inline":
            continue  # (applied to kept paragraphs: see _inline_rules)
        if rule.scope in ("line", "prefix") and not rule.screen:
            if run and run[0].scope != rule.scope:
                flush()
            run.append(rule)
            continue
        flush()
        if rule.screen:
            # (alternative screen texts, any of which the paragraph must hold, are a tuple)
            blocks.append((tuple(rule.screen.split("|")) if "|" in rule.screen else rule.screen, (rule,)))
            continue
        blocks.append((_own_screen(rule), (rule,)))
    flush()
    return tuple(blocks)


def _article_blocks(text: str) -> list[tuple[object, tuple[Rule, ...]]]:
    """The rule blocks of :func:`_rule_blocks` that may match in ``text``: a block screened by
    a text is left out when the article does not hold it (most articles), and one screened by
    alternative texts keeps only those the article holds."""
    out = []
    for screen, block in _rule_blocks():
        if type(screen) is tuple:
            screen = tuple(x for x in screen if x in text)
            if not screen:
                continue
        elif type(screen) is str and screen not in text:
            continue
        out.append((screen, block))
    return out


def _own_screen(rule: Rule):
    """The match method :func:`_apply` calls for ``rule``, bound to its pattern."""
    p = rule.pattern
    return p.fullmatch if rule.scope == "line" else p.match if rule.scope == "prefix" else p.search


def _apply(rules, text: str, s: int, e: int, kind: str, meta: dict, take) -> tuple[int, int, str, bool]:
    """Apply ``rules`` in order to the paragraph ``text[s:e]``: the new ``(s, e, kind, done)``,
    where ``done`` means no later rule is tried (the paragraph is gone or is a heading)."""
    for rule in rules:
        if rule.scope == "line":
            m = rule.pattern.fullmatch(text, s, e)
        elif rule.scope == "prefix":
            m = rule.pattern.match(text, s, e)
        else:
            m = rule.pattern.search(text, s, e)
        if m is None or m.end() == m.start():
            continue
        a = m.start()
        while rule.lead_space and a > s and text[a - 1].isspace():
            a -= 1
        if rule.action == "heading":
            return s, e, "heading", True
        for field in _META_FIELDS:
            value = m.groupdict().get(field)
            if value and field not in meta:
                meta[field] = value.strip()
        take(a, m.end(), rule.reason)
        if rule.scope == "line":
            return e, e, kind, True  # whole paragraph gone
        if rule.scope == "prefix":
            s = m.end()
        else:
            e = a
            if rule.action == "caption":
                kind = "caption"
        if s >= e:
            return s, e, kind, True
    return s, e, kind, False


@cache
def _inline_rules() -> tuple[Rule, ...]:
    return tuple(r for r in load_rules() if r.scope == "inline")


def _apply_inline(rules, text: str, s: int, e: int, take) -> None:
    """Take out what the inline ``rules`` match in the paragraph ``text[s:e]`` (a span that
    overlaps one an earlier rule took is left alone)."""
    done: list[tuple[int, int]] = []
    for rule in rules:
        if text.find(rule.screen, s, e) < 0:
            continue
        for m in rule.pattern.finditer(text, s, e):
            a, b = m.span("cut") if "cut" in rule.pattern.groupindex else m.span()
            if a < b and not any(a < y and x < b for x, y in done):
                take(a, b, rule.reason)
                done.append((a, b))


def _is_title_like(text: str, s: int, e: int) -> bool:
    n_words = text.count(" ", s, e) + 1
    return 2 <= n_words <= 25 and text[e - 1] not in _TERMINAL and text[s].isupper()


def clean(text: str, *, title: str | None = None) -> Cleaned:
    """Classify the paragraphs of ``text`` and record what is not body text.

    Parameters
    ----------
    text : str
        The original article text, as decoded.
    title : str, optional
        A title known from metadata (HTML, JSON, CSV, manifest). A paragraph equal to it is
        marked ``title``; when given, no other paragraph is guessed to be the title.

    Returns
    -------
    Cleaned
    """
    kept: list[tuple[int, int, str]] = []
    removed: list[Removal] = []
    meta: dict[str, str] = {}
    seen: dict[str, str] = {}  # paragraph text -> kind of its first copy
    want_title = title is None
    inline = [r for r in _inline_rules() if r.screen in text]  # (most articles have none)
    blocks = _article_blocks(text)
    title_norm = " ".join(title.split()) if title else None

    def take(s: int, e: int, reason: str) -> None:
        removed.append(Removal(s, e, text[s:e], reason))

    for ps, pe in split_paragraphs(text):
        s, e, kind = ps, pe, "body"
        for screen, block in blocks:
            if type(screen) is str:
                if text.find(screen, s, e) < 0:
                    continue
            elif type(screen) is tuple:
                if all(text.find(x, s, e) < 0 for x in screen):
                    continue
            elif screen(text, s, e) is None:
                continue  # no rule of this run matches: skip them all at once
            s, e, kind, done = _apply(block, text, s, e, kind, meta, take)
            if done:
                break
        while s < e and text[s].isspace():
            s += 1
        if s >= e:
            continue
        key = text[s:e]
        if not key.isprintable() or "  " in key or key[-1] == " ":
            # (whitespace other than single spaces is never printable: only then normalise)
            key = " ".join(key.split())
        if key in seen and len(key) > 20:
            take(s, e, f"repeated {seen[key]}")
            continue
        if title_norm is not None and key == title_norm and not any(k == "title" for *_, k in kept):
            kind = "title"
        elif want_title and kind == "body" and not any(k in ("body", "title") for *_, k in kept) \
                and _is_title_like(text, s, e) and e < len(text.rstrip()):
            kind = "title"
            meta.setdefault("title", text[s:e])
        seen[key] = "caption" if kind == "caption" or (kind == "body" and _repeats(text, key, pe)) else kind
        if seen[key] == "caption":
            kind = "caption"
        if inline and kind in ("body", "heading"):
            _apply_inline(inline, text, s, e, take)
        kept.append((s, e, kind))
    removed.sort(key=lambda r: r.start)
    return Cleaned(tuple(kept), tuple(removed), tuple(meta.items()))


def _repeats(text: str, key: str, after: int) -> bool:
    """Whether the paragraph ``key`` occurs again later: a repeated block is a caption."""
    if len(key) <= 20:
        return False
    probe = key[:60]
    return text.find(probe, after) >= 0


def clean_text(text: str, cleaned: Cleaned) -> str:
    """The kept body and heading paragraphs joined by blank lines (for display and export),
    without the spans that inline rules took out of them."""
    inline = _inline_spans(cleaned.paragraphs, cleaned.removed)
    parts = []
    for s, e, kind in cleaned.paragraphs:
        if kind not in ("body", "heading"):
            continue
        pieces, pos = [], s
        for a, b in inline:
            if s <= a and b <= e:
                pieces.append(text[pos:a])
                pos = b
        pieces.append(text[pos:e])
        parts.append("".join(pieces))
    return "\n\n".join(parts)


def _inline_spans(paragraphs, removed) -> list[tuple[int, int]]:
    """The removed spans that lie inside a kept paragraph (what inline rules took out)."""
    if not removed:
        return []
    starts = [s for s, _, _ in paragraphs]
    out = []
    for r in removed:
        i = bisect.bisect_right(starts, r.start) - 1
        if i >= 0 and r.end <= paragraphs[i][1]:
            out.append((r.start, r.end))
    return out


def blank_inline(text: str, paragraphs, removed) -> str:
    """``text`` with the spans inline rules took out of kept paragraphs turned into spaces.

    The length and every offset stay the same, so this is the text segmentation, mentions,
    quotes and sentiment read (:attr:`analysis.corpus.Article.working_text`). Returns ``text``
    itself when nothing was taken out inline.
    """
    inline = _inline_spans(paragraphs, removed)
    if not inline:
        return text
    pieces, pos = [], 0
    for a, b in inline:
        pieces.append(text[pos:a])
        pieces.append(" " * (b - a))
        pos = b
    pieces.append(text[pos:])
    return "".join(pieces)
