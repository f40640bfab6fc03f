"""Paragraphs, sentences and word tokens, with character offsets into the original text.

The splitter is rule-based (one compiled regex for candidate boundaries, then a few
checks at each candidate), chosen over pysbd/syntok by measurement: it is as accurate
on our hand-checked cases and an order of magnitude faster (see ``scripts/bench_segment.py``
and the README). Every span is a ``(start, end)`` pair into the text exactly as decoded;
nothing is ever copied or normalised, so ``text[start:end]`` is always the reported text.

Not handled: sentence boundaries without a following space (``end.Next``), lower-case
sentence starts (``... said. iPhone sales ...`` stays one sentence), and languages that do
not end sentences with ``. ! ?`` (CJK full stops ``。！？`` are handled; Thai is not).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import MISSING, dataclass, fields
from functools import cache
from importlib import resources

__all__ = [
    "Doc",
    "Paragraph",
    "Sentence",
    "count_words",
    "segment",
    "split_paragraphs",
    "split_sentences",
    "word_spans",
]


def _fast_frozen_init(cls):
    """Give the frozen, slotted dataclass ``cls`` an ``__init__`` that sets each field through
    its slot's setter, bound once, with the same parameters and defaults.

    The ``__init__`` that dataclass writes for a frozen class looks up ``object.__setattr__``
    and calls it for every field; in Python 3.11 that made building a ``Sentence`` 1.6 times,
    and a quote of 16 fields about 2 times, the cost (the objects are the same: only the
    slots are set, and no field has a factory, ``InitVar`` or ``__post_init__``).
    """
    fs = fields(cls)
    assert all(f.init and f.default_factory is MISSING for f in fs) and not hasattr(cls, "__post_init__")
    ns = {f"_set_{f.name}": cls.__dict__[f.name].__set__ for f in fs}
    ns.update({f"_default_{f.name}": f.default for f in fs if f.default is not MISSING})
    params = ", ".join(f.name if f.default is MISSING else f"{f.name}=_default_{f.name}" for f in fs)
    body = "".join(f"    _set_{f.name}(self, {f.name})\n" for f in fs)
    exec(f"def __init__(self, {params}):\n{body}", ns)  # (as dataclass makes its own)
    init = ns["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__annotations__ = {f.name: f.type for f in fs} | {"return": None}
    cls.__init__ = init
    return cls


@_fast_frozen_init
@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of the text: ``kind`` is ``body``, ``heading``, ``title`` or ``caption``."""

    index: int
    start: int
    end: int
    kind: str = "body"


@_fast_frozen_init
@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a body or heading paragraph; ``paragraph`` is its paragraph's index."""

    index: int
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Doc:
    """A segmented text. Offsets in every span point into ``text``."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]

    def sentence_text(self, sentence: Sentence) -> str:
        """Return the text of ``sentence``."""
        return self.text[sentence.start : sentence.end]

    def body_sentences(self) -> tuple[Sentence, ...]:
        """Sentences of ``body`` paragraphs only (no headings, titles or captions)."""
        kinds = {p.index: p.kind for p in self.paragraphs}
        return tuple(s for s in self.sentences if kinds[s.paragraph] == "body")

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing character ``offset``, or None."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None


_PARA_RE = re.compile(r"[^\r\n]+")
_WORD_RE = re.compile(r"\w+(?:[’'.\-]\w+)*", re.UNICODE)
_TOKEN_RE = re.compile(r"\w+(?:[’'.\-]\w+)*|[^\w\s]", re.UNICODE)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then
# whitespace. CJK full stops need no following space.
# (The pattern opens with the set of marks every alternative starts with, and each
# alternative checks in a look-behind which mark it got: the engine then skips to the next
# mark in one fast scan, where a leading lookahead was a trial at every position; 2.3 times
# as fast on news text, same matches.)
_BOUNDARY_RE = re.compile(r"[.!?…。！？](?:(?<=[.!?…])[.!?…]*[\"'”’»)\]]*(?=\s)|(?<=[。！？])[。！？]*[”’」』]*|"
                          r"(?<=[a-z]{2}[.?]|\d{2}[.?])(?:[\"”](?=[\"“][A-Z0-9])|[\"'”’»)\]]*(?=[A-Z][a-z])|(?=[“«][A-Z0-9])))")
# Scrapes that lost a line break glue sentences together ("he said.The", '2020."According',
# 'structure.“I like', 'destruction.""We are': the first mark closes, the second opens):
# a glued boundary is "." or "?" after two lower-case letters or two digits and before a
# capitalised word, not after an abbreviation, and neither side may be part of an address
# ("Rebecca.Ballhaus@wsj.com").
# (Its pattern tests the mark first and looks behind only then: a lookbehind opening an
# alternative is tried at every character, and made segmentation 50% slower.)
_ADDRESS_RE = re.compile(r"[@/]|www|\.(?:com|org|net|gov|edu)\b", re.IGNORECASE)
# What may start a new sentence after the whitespace: a capital, digit, opening quote or bracket.
_STARTER_RE = re.compile(r"\s+([\"'“‘«(\[]*)(\w)", re.UNICODE)


@cache
def _abbreviations() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Load (abbreviations, sentence starters, titles) from ``data/abbreviations.txt``."""
    sections: dict[str, set[str]] = {"abbreviations": set(), "starters": set(), "titles": set()}
    section = None
    text = resources.files("analysis.data").joinpath("abbreviations.txt").read_text("utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        sections[section].update(line.split())
    titles = frozenset(sections["titles"])
    return frozenset(sections["abbreviations"] | titles), frozenset(sections["starters"]), titles


def split_paragraphs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into paragraphs: maximal runs of non-newline characters.

    Both blank-line (``\\n\\n``) and single-newline layouts are common in scraped news, and
    in both a line is a paragraph. Leading and trailing whitespace is trimmed from each span;
    whitespace-only lines are dropped.

    Returns
    -------
    list of (start, end)
    """
    end = len(text) if end is None else end
    out = []
    # (bounds as the pattern reads them: a negative one is 0, none is past the text's end)
    start, end = max(start, 0), max(min(end, len(text)), 0)
    if text.find("\r", start, end) >= 0:
        for m in _PARA_RE.finditer(text, start, end):
            s, e = _strip(text, m.start(), m.end())
            if s < e:
                out.append((s, e))
        return out
    # Without a carriage return, the runs are the pieces between newlines: str.find reaches
    # them faster than the pattern, which tests every character of the text.
    i = start
    while i < end:
        j = text.find("\n", i, end)
        if j < 0:
            j = end
        s, e = _strip(text, i, j)
        if s < e:
            out.append((s, e))
        i = j + 1
    return out


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _previous_word(text: str, lo: int, pos: int) -> str:
    """The token ending at ``pos`` (which holds the first terminal mark), e.g. ``U.S`` or ``Sen``."""
    # (after the last plain space, then after the last other break in what is left, if any: two
    # calls instead of a test of each character)
    i = text.rfind(" ", lo, pos) + 1
    if i < lo:
        i = lo  # (not max(): in Python 3.11 it parses keyword arguments on every call)
    word = text[i:pos]
    if word.isalnum():
        return word  # (letters and digits only, most words: no other break to look for)
    for m in _WORD_BREAK_RE.finditer(text, i, pos):
        i = m.end()
    return text[i:pos]


_WORD_BREAK_RE = re.compile(r"[\s\"“‘«(]")  # (what ends a word to the left: see _previous_word)


def _is_boundary(text: str, lo: int, hi: int, mark_start: int, mark_end: int) -> bool:
    """Decide whether the terminal marks at ``text[mark_start:mark_end]`` end a sentence."""
    m = _STARTER_RE.match(text, mark_end, hi)
    if m is None:
        return False  # nothing follows in this paragraph
    opener, first = m.group(1, 2)
    if first.islower():
        return False  # '"Go?" he asked', 'approx. five'
    if text[mark_start] != ".":
        return True  # ! ? … end a sentence before a capital
    if mark_end - mark_start > 1 and text[mark_start + 1] != "." and not text[mark_start + 1].isspace():
        return True  # '."' or '.)' : the period sits inside a closing quote/bracket
    word = _previous_word(text, lo, mark_start)
    never, starters, titles = _abbreviations()
    bare = word.lstrip("([").rstrip(".")
    if "-" in bare and bare.rsplit("-", 1)[-1].lower() in titles:
        bare = bare.rsplit("-", 1)[-1]  # a title: "then-Sen. Barack Obama", "ex-Gov." (not a party tag: "D-Va.")
    if bare.lower() in never or (len(bare) == 1 and bare.isalpha() and bare.isupper()):
        # Titles and initials ('Sen. Warren', 'J. Smith') never end a sentence ...
        # ... unless the next word could only start a sentence ('... in Washington, D.C. The').
        return bool(opener) or _next_word(text, m.end(2) - 1, hi) in starters and len(bare) > 1 and \
            bare.lower() not in titles
    if "." in bare:  # dotted acronym: U.S., U.K., a.m.
        # 'U.S. President Donald Trump' is one sentence; '... in the U.S. The next day' is two.
        return bool(opener) or _next_word(text, m.end(2) - 1, hi) in starters
    return True  # (the next word is only looked up where it decides)


def _glued_boundary(text: str, lo: int, hi: int, mark_start: int, mark_end: int) -> bool:
    """Whether marks with no space after them, which the pattern found between two lower-case
    letters or digits and a capitalised word (``said.The``), end a sentence: not after an
    abbreviation (``Gov.Brown``, ``vs.Trump``) and not in an e-mail or web address."""
    token = _previous_word(text, lo, mark_start)
    if re.split(r"[^\w]", token)[-1].lower() in _abbreviations()[0]:
        return False
    if text[mark_end:mark_end + 1] == "“" and "„" in text[lo:mark_start]:
        return False  # German quotes close with “: '„Das ist gut.“Er ging.'

    a = mark_start - len(token)
    b = mark_end
    while b < hi and not text[b].isspace():
        b += 1
    return _ADDRESS_RE.search(text, a, b) is None


def _next_word(text: str, pos: int, hi: int) -> str:
    m = _WORD_RE.match(text, pos, hi)
    return m.group(0) if m else ""


def _offsets(text: str, needles, start: int = 0, end: int | None = None) -> list[int]:
    """Sorted offsets of every occurrence of each of ``needles`` in ``text[start:end]``
    (overlapping ones too): ``str.find`` reaches them with a fast byte scan."""
    # (bounds as the engine reads them: a negative one is 0)
    start, end = max(start, 0), len(text) if end is None else max(end, 0)
    out = []
    for c in needles:
        if len(c) > 1 and text.find(c[0], start, end) < 0:
            continue  # (one fast scan for a single character rules out a longer needle it opens)
        i = text.find(c, start, end)
        while i >= 0:
            out.append(i)
            i = text.find(c, i + 1, end)
    out.sort()
    return out


def _matches_at(rx: re.Pattern, text: str, offsets: list[int], start: int, end: int):
    """``rx.finditer(text, start, end)`` for a pattern whose matches are never empty and can
    only start at ``offsets`` (sorted, e.g. from :func:`_offsets`): a match tried at each of
    them instead of the engine's scan, which tests every character of the span against the
    pattern's first set (3-20 times the instructions on news text, where the marks are few)."""
    pos = start
    for i in offsets[bisect_left(offsets, start):bisect_left(offsets, end)]:
        if i >= pos and (m := rx.match(text, i, end)) is not None:
            yield m
            pos = m.end()


_TERMINAL_MARKS = ".!?…。！？"  # (every match of _BOUNDARY_RE starts with one)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split one paragraph ``text[start:end]`` into sentences.

    Rules: a run of ``. ! ? …`` (plus closing quotes or brackets) followed by whitespace and a
    capital, digit or opening quote ends a sentence, unless the word before a period is a known
    abbreviation (``Sen.``, ``Jan.``), an initial (``J.``) or a dotted acronym (``U.S.``). Those
    end a sentence only when the next word can only start one (``The``, ``He``, ...), so
    ``U.S. President Donald Trump`` stays whole and ``... in the U.S. The next day`` splits.
    A closing quote after the period stays with its sentence. Sentences glued by a lost line
    break (``he said.The next day``) split too (see ``_glued_boundary``).

    Returns
    -------
    list of (start, end)
        Spans into ``text``, trimmed of surrounding whitespace, covering the paragraph.
    """
    end = len(text) if end is None else end
    return _split_sentences(text, start, end, _offsets(text, _TERMINAL_MARKS, start, end))


def _split_sentences(text: str, start: int, end: int, marks: list[int]) -> list[tuple[int, int]]:
    """:func:`split_sentences` given the offsets of the terminal marks in ``text`` (see
    :func:`_offsets`): one search of the whole text serves every paragraph of :func:`segment`."""
    out = []
    s = start
    for m in _matches_at(_BOUNDARY_RE, text, marks, start, end):
        cjk = text[m.start()] in "。！？"
        glued = not cjk and not text[m.end()].isspace()  # (only the glued pattern ends before a non-space)
        if glued and _glued_boundary(text, start, end, m.start(), m.end()) or \
                not glued and (cjk or _is_boundary(text, start, end, m.start(), m.end())):
            a, b = _strip(text, s, m.end())
            if a < b:
                out.append((a, b))
            s = m.end()
    a, b = _strip(text, s, end)
    if a < b:
        out.append((a, b))
    return out


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Word tokens of ``text[start:end]`` as (start, end) spans.

    A word is a run of letters/digits, with internal apostrophes, hyphens and periods kept
    (``don't``, ``Russia-U.S``, ``3.5``). Punctuation is not a word.
    """
    end = len(text) if end is None else end
    return [m.span() for m in _WORD_RE.finditer(text, start, end)]


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Word and punctuation tokens of ``text[start:end]`` as (start, end) spans."""
    end = len(text) if end is None else end
    return [m.span() for m in _TOKEN_RE.finditer(text, start, end)]


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """Number of word tokens in ``text[start:end]`` (same definition as :func:`word_spans`)."""
    end = len(text) if end is None else end
    return len(_WORD_RE.findall(text, start, end))


def segment(text: str, paragraphs: list[tuple[int, int, str]] | None = None) -> Doc:
    """Segment ``text`` into paragraphs and sentences.

    Parameters
    ----------
    text : str
        The original text, as decoded.
    paragraphs : list of (start, end, kind), optional
        Paragraph spans kept by cleaning (see :func:`analysis.clean.clean`). When omitted,
        every non-empty line is a ``body`` paragraph.

    Returns
    -------
    Doc
        Sentences are produced for ``body`` and ``heading`` paragraphs; a heading is one
        sentence. Titles and captions get no sentences.
    """
    if paragraphs is None:
        paragraphs = [(s, e, "body") for s, e in split_paragraphs(text)]
    paras = []
    sents = []
    marks = _offsets(text, _TERMINAL_MARKS)
    for i, (ps, pe, kind) in enumerate(paragraphs):
        paras.append(Paragraph(i, ps, pe, kind))
        if kind == "body":
            spans = _split_sentences(text, ps, pe, marks)
        elif kind == "heading":
            spans = [(ps, pe)]
        else:
            spans = []
        for a, b in spans:
            sents.append(Sentence(len(sents), i, a, b))
    return Doc(text, tuple(paras), tuple(sents))
