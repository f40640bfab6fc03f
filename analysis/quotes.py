"""Quotes and voices: direct, mixed and reported speech, with cue, speaker and actor group.

Method (rule-based, one pass per paragraph, every pattern precompiled):

1. **Quote marks.** Double marks (``"`` ``“ ”`` ``« »`` ``„`` and NYT-style ``''``/`````) are
   paired per paragraph with a small state machine. Curly marks say which way they face;
   straight marks are read from their context (space before and a letter after opens) and
   toggle when the context is ambiguous. A paragraph that ends inside a quote continues it
   when the next paragraph opens with a quote mark (the convention for quotes running over
   several paragraphs); otherwise the quote is closed at the paragraph end and reported as a
   warning. Single quotes (``‘ ’`` and ``'``) are paired only outside double quotes, and an
   apostrophe can never open a quote (``voters’``, ``don't``); inside double quotes they are
   nested quotes and stay part of the content.
2. **Attribution of quoted spans.** A cue from ``data/speech_verbs.tsv`` right after the
   closing mark with a speaker before or after it (``," Starmer said``, ``," said X``), or a
   speaker and cue right before the opening mark (``Starmer said: "``), makes a *direct* quote.
3. **Reported speech**, sentence by sentence, from cues outside quotes: ``X said (that) ...``,
   ``X told reporters ...``, ``..., X said Thursday``, ``..., said X``, ``according to X, ...``,
   ``X accused Y of ...``, ``..., arguing ...`` (speaker: the subject of the main clause),
   ``Cruz, who has called ...`` (speaker: the antecedent), ``Asked whether ..., X said``
   (content: the question), ``About 4 in 10 say ...``, ``polls show ...``. The content is the
   reported clause, stopped before a writer's trailing comment (``, which ...``, ``, a swipe
   at ...``, ``, according to ...``); quoted spans inside it become its *fragments* and make it
   *mixed* (so a scare-quoted word inside a reported clause belongs to that attribution).
   Stance cues (frame ``np`` in the lexicon: ``endorsed``, ``supports``, ``thanked``) take the
   object noun phrase as content.
4. **What is left.** An unattributed quoted span that reads like speech (a sentence or more,
   or many words) is a direct quote of the previous speaker when its paragraph has no
   attribution of its own (continuation paragraphs); short ones are *scare* quotes
   (``so-called "coalition of the willing"``).
5. **Speakers.** The subject noun phrase is found without a parser: the words between the
   clause boundary and the cue, checked against a shape (names, determiner + nouns, pronouns,
   role nouns from ``data/speaker_roles.txt``), skipping appositions and relative clauses
   (``Starmer, who has seen ..., said``). Pronouns take the last named speaker; role nouns
   with a possessive take the possessor (``his spokesperson`` -> ``Keir Starmer's
   spokesperson``); ``the spokesperson`` takes the last speaker with that role; last names
   take the full name seen earlier. Fronted phrases (``Alarmed by ..., Senator Reid, the
   minority leader, said``), time phrases and party parentheticals before the cue are skipped;
   a cue coordinated with an earlier verb takes that verb's subject. A quote running over
   paragraphs may take its cue from the paragraph where it closes. The actor group comes from
   the actor dictionary.

6. **Tentative subjects and other frames.** When the shape checker refuses the subject of a
   past-tense or common speech verb (``Two in three said ...``), the first words of the clause
   are kept as a tentative speaker (never used to resolve later pronouns). Passives
   (``The White House is expected to ...``, ``Trump is said to ...``) and raising verbs a user
   adds with the ``raise`` frame take the whole clause as content, without a speaker (the
   shipped lexicon has none: "X seems to ..." and "X appears to ..." are no one's words).
   ``NAME: content`` as a short paragraph is a headline attribution.

Not handled: cues that are nouns (``his claim that``, ``her support for``), ``as reported by X``, ``In a poll, ...``,
speech without a cue word (``Trump: "..."`` headlines are handled only via the colon rule),
gender agreement of pronouns, and quotes whose speaker is only named after the following
paragraph. Nothing here raises on odd input; problems become warning strings.

The rules were developed on the PolNeAR training portion (see :mod:`analysis.evaluate`).
"""

from __future__ import annotations

import bisect
import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from itertools import islice

from .actors import ActorDictionary, default_actors
from .actors import _TITLE_GENDER, either_names as _either_names, given_names as _first_names  # (shared with the actor layer)
from .text import Doc, _fast_frozen_init, _matches_at, _offsets
from .text import _strip as _strip_space  # (a span without white space at its ends)

__all__ = ["Quote", "QuoteResult", "extract_quotes", "speech_verbs", "voice_summary"]

MAX_WARNINGS = 50


@_fast_frozen_init  # (a quote is built faster: see there)
@dataclass(frozen=True, slots=True)
class Quote:
    """One quote: its content span, cue, speaker and actor group.

    ``kind`` is ``direct``, ``mixed`` (a reported clause with quoted fragments), ``indirect``
    (reported speech) or ``scare`` (quote marks without attribution: not a voice).
    ``doc.text[start:end] == text``. ``speaker_start``/``speaker_end`` delimit the surface
    mention the attribution rests on (``he``, ``the spokesperson``, the ``who`` of ``Reed, who
    added that ...``, the ``her`` of ``her claim that ...``); ``speaker`` is the resolved name.
    ``cue`` is the verb, or a speech noun (``claim``), a colon after a name label or the dash of
    a signature line. ``speech`` is False when the cue reports a belief, stance or evidence
    rather than words ("Trump wants a wall", "Clinton supports the bill", "polls show ...";
    the ``act`` column of ``data/speech_verbs.tsv``), is negated ("won't say where ...") or is
    no speech verb at all, and for scare quotes: PolNeAR counts such attributions, a count of
    who speaks may not.
    """

    kind: str
    start: int
    end: int
    text: str
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    cue_class: str | None
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    actor: str | None
    anonymous: bool
    paragraph: int
    fragments: tuple[tuple[int, int], ...] = ()
    speech: bool = False


@dataclass(frozen=True, slots=True)
class QuoteResult:
    """Quotes in text order, and one warning line per problem found in the input."""

    quotes: tuple[Quote, ...]
    warnings: tuple[str, ...]


# ---------------------------------------------------------------------------------------
# Lexicons


@dataclass(frozen=True, slots=True)
class _Cue:
    form: str
    lemma: str
    cls: str
    frame: str
    act: str = "speech"  # or "belief", "stance", "evidence" (data/speech_verbs.tsv)


@cache
def speech_verbs() -> dict[str, _Cue]:
    """Surface form (``told``, ``according to``) -> cue entry, from ``data/speech_verbs.tsv``."""
    raw = resources.files("analysis.data").joinpath("speech_verbs.tsv").read_text("utf-8")
    out = {}
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 4:
            continue
        lemma, cls, frame, forms = (c.strip() for c in cols[:4])
        act = cols[4].strip() if len(cols) > 4 and cols[4].strip() else "speech"
        for f in forms.split():
            f = f.replace("_", " ")
            out[f] = _Cue(f, lemma, cls, frame, act)
    return out


@cache
def _lemma_acts() -> dict[str, str]:
    """Lexicon lemma -> act ("speech", "belief", "stance" or "evidence")."""
    return {e.lemma: e.act for e in speech_verbs().values()}


# "hasn't said anything beyond that ...": a negated cue that still reports something
_NOT_ONLY_AFTER_RE = re.compile(r"\s+(?:anything|much|nothing)\s+(?:beyond|more\s+than|other\s+than|except)\b")
# a negated cue reports no words: "won't say where ...", "cannot confirm", "does not say she
# heard", "avoided claiming", "declined to say" (but "not only said")
_NEGATED_BEFORE_RE = re.compile(
    r"(?:\b(?:not|never|cannot|no\s+longer|without)(?!\s+only)|n['’]t|\bavoid(?:s|ed|ing)?|"
    r"\b(?:refus|declin)(?:e|es|ed|ing)\s+to)\s+(?:[a-z]+ly\s+)?(?:(?:be|been|have|has|yet)\s+)?$",
    re.IGNORECASE)


# A cue that reports no act yet: future, hypothetical or planned ("will announce", "would
# have said", "could argue", "is expected to say", "plans to unveil"; audit 4, class IRR)
_UNREALISED_BEFORE_RE = re.compile(
    r"(?:\b(?:will|would|could|might|may|should|must|shall|can)\s+(?:have\s+)?|"
    r"\b(?:expected|plans?|planning|set|going|wants?|hopes?|intends?|likely|scheduled|poised)\s+to\s+|"
    r"\bhelp(?:s|ed|ing)?\s+(?:to\s+)?)$",  # ("could help explain": no one speaks)
    re.IGNORECASE)


def _unrealised(text: str, cue_start: int) -> bool:
    """Is the cue at ``cue_start`` a future or hypothetical act ("will say", "could argue")?"""
    w0 = cue_start - 24 if cue_start > 24 else 0  # (a comparison, not max(): see _window_start)
    low = text[w0:cue_start].lower()
    if "ill " not in low and "uld " not in low and "ght " not in low and "may " not in low and \
            "ust " not in low and "all " not in low and "can " not in low and " to " not in low and "help" not in low:
        return False  # (most cues: none of the pattern's words ends right before them)
    m = _UNREALISED_BEFORE_RE.search(text, w0, cue_start)
    if m is None:
        return False
    # a modal takes no past tense without "have": "Will responded" is a name (Will Rogers)
    w = _WORD_RE.match(text, cue_start)
    return not (w and (w.group(0).endswith("ed") or w.group(0) in _IRREGULAR_PAST) and
                "have" not in m.group(0).lower() and m.group(0)[:1].isupper())


# The characters besides ASCII that re.IGNORECASE matches to an ASCII letter ("ſ" to "s"),
# checked over all of Unicode; lower() leaves them apart.
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"  # İ ı ſ and the Kelvin sign


def _negated(text: str, cue_start: int) -> bool:
    """Is the cue at ``cue_start`` negated ("did not say", "won't confirm")? Not in "hasn't
    said anything beyond that it was working to fix the problem", which says something."""
    w0 = cue_start - 30 if cue_start > 30 else 0  # (a comparison, not max(): see _window_start)
    before = text[w0:cue_start]
    if before.isascii() or not any(c in before for c in _FOLDS_TO_ASCII):
        # (most cues are not negated: rule out a window holding none of the pattern's words,
        # "no" standing for "not", "cannot" and "no longer"; only where lower() finds what the
        # pattern's case folding does: ASCII, or no character that folds to an ASCII letter,
        # like the curly quotes before most cues of direct quotes)
        low = before.lower()
        if "no" not in low and "n'" not in low and "n’" not in low and "never" not in low and "avoid" not in low \
                and "without" not in low and "refus" not in low and "declin" not in low:
            return False
    return _NEGATED_BEFORE_RE.search(text, w0, cue_start) is not None and \
        not _NOT_ONLY_AFTER_RE.match(text, _WORD_RE.match(text, cue_start).end())


def _is_speech(entry: _Cue) -> bool:
    """Does a quote with cue ``entry`` report speech? A lexicon lemma says so itself (a speech
    noun takes its verb's: "claim", "warning"); a colon label, a signature dash or an
    inverted 'said'-like verb does; any other verb ('pledged a “political revolution”',
    'evinced an interest in “burning it down”') does not."""
    acts = _lemma_acts()
    act = acts.get(entry.lemma)
    if act is None and entry.cls is None:
        # a form the lexicon leaves out on purpose ('pledged' is a report only in some frames)
        w = entry.lemma.lower()
        act = next((acts[c] for c in (w[:-1], w[:-2], w[:-3] + "y", w[:-3], w[:-3] + "e") if c in acts), None)
    return act == "speech" if act is not None else entry.frame == "say"


@cache
def _roles() -> dict[str, frozenset[str]]:
    raw = resources.files("analysis.data").joinpath("speaker_roles.txt").read_text("utf-8")
    sections: dict[str, set[str]] = {}
    cur = None
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            cur = sections.setdefault(line[1:-1], set())
            continue
        if cur is not None:
            cur.update(w.lower() for w in line.split())
    return {k: frozenset(v) for k, v in sections.items()}


@cache
def _cue_forms() -> dict[str, tuple[str, ...]]:
    """Speech-verb forms by first word, longest first (``said`` -> ``said``; ``according`` ->
    ``according to``). A first word is also a key with its initial capitalised: sentence
    openings and title-case headlines ("Trump Says He Never Pledged ...")."""
    by_first: dict[str, list[str]] = {}
    for f in sorted(speech_verbs(), key=len, reverse=True):
        w = f.split()[0]
        by_first.setdefault(w, []).append(f)
        if w[0].islower():
            by_first.setdefault(w[0].upper() + w[1:], []).append(f)
    return {w: tuple(fs) for w, fs in by_first.items()}


def _whole_words(words: str, before: str = r"\w") -> str:
    r"""A pattern for ``(?<!before)(?:w1|w2|...)`` (by default ``\b(?:w1|w2|...)``), the
    space-separated ``words`` where no ``before`` character precedes them, that checks that
    character in a look-behind after each word: a pattern opening with it then opens with the
    words' letters, which the regex engine skips ahead to, instead of a test at every position
    of the text it searches (same matches, same order)."""
    return "(?:" + "|".join(f"{w}(?<!{before}{w})" for w in words.split()) + ")"


# the letters re.IGNORECASE matches to an ASCII letter besides its two cases (see the re docs)
_FOLDED_LETTERS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _any_case_words(words: str, before: str = r"\w", guards: dict[str, str] | None = None) -> str:
    r"""A pattern for ``(?<!before)(?i:w1|w2|...)``, one of the space-separated lower-case
    ``words`` (or patterns of one, each opening with its letter: ``polls?``) in any case where
    no ``before`` character precedes it, that opens with the set of the words' first letters
    (both cases, and the letters re.IGNORECASE folds to them), then checks in look-behinds
    which letter it got and what precedes it, and matches the rest of that letter's words in
    their order: the regex engine skips ahead to those letters instead of a test at every
    position of the text it searches (same matches). ``guards`` maps a word to look-behinds
    checked after its first letter."""
    ws = words.split()
    firsts = "".join(dict.fromkeys(w[0] for w in ws))
    folded = "".join(_FOLDED_LETTERS.get(c, "") for c in firsts)
    return rf"[{firsts}{firsts.upper()}{folded}](?<!{before}.)(?i:" + "|".join(
        f"(?<={c})(?:" + "|".join((guards or {}).get(w, "") + w[1:] for w in ws if w[0] == c) + ")"
        for c in firsts) + ")"


# A whole word, not inside a longer token: the cue pattern of a first word that is a whole cue.
_CUE_WORD_RE = re.compile(r"(?<![\w'’\-])[A-Za-z]+(?![\w'’\-])")


@lru_cache(maxsize=None)
def _cue_re(first: str) -> re.Pattern:
    """The cue pattern for the forms that start with the word ``first`` (see :func:`_cue_forms`).

    Matched only where ``first`` is a whole ``[A-Za-z]+`` word (see :func:`_find_cues`): when
    every form is that one word, one shared pattern serves (most words; compiling a pattern
    for each took 0.1 s per process)."""
    forms = _cue_forms()[first]
    if all(" " not in f for f in forms):
        return _CUE_WORD_RE
    alts = []
    for f in forms:
        pat = re.escape(f[1:]).replace(r"\ ", r"\s+")
        alts.append(f"[{f[0]}{f[0].upper()}]{pat}" if f[0].islower() else re.escape(f[0]) + pat)
    return re.compile(r"(?<![\w'’\-])(?:" + "|".join(alts) + r")(?![\w'’\-])")


@cache
def _cue_first_words() -> frozenset[str]:
    return frozenset(_cue_forms())


_PLAIN_WORD_RE = re.compile(r"[A-Za-z]+")
# (The same runs of three letters or more: no cue's first word is shorter, and the short
# words are a third of all, each a string to make and hash.)
_CUE_CANDIDATE_RE = re.compile(r"[A-Za-z]{3,}")
# Every byte but an ASCII letter becomes a space: the ``split()`` of a text encoded to ASCII
# (with "?" for any other character) and so translated are its ``[A-Za-z]+`` runs.
_LETTERS_ONLY = bytes(c if 65 <= c <= 90 or 97 <= c <= 122 else 32 for c in range(256))


@cache
def _cue_first_bytes() -> tuple[frozenset[bytes], dict[bytes, str]]:
    """The cue first words that ``_CUE_CANDIDATE_RE`` can match, as ASCII bytes, and each
    one's string (see :func:`_find_cues`)."""
    words = {w.encode("ascii"): w for w in _cue_first_words() if _CUE_CANDIDATE_RE.fullmatch(w)}
    return frozenset(words), words


_CAP_PREV_RE = re.compile(r"[A-Z][\w'’.-]*[\s\"“'‘(]*$")
_CAP_NEXT_RE = re.compile(r"\s+[A-Z‘'“\"]")


def _capital_context(text: str, lo: int, i: int, j: int, hi: int) -> bool:
    """May the capitalised word at ``text[i:j]`` be a cue? At the start of a sentence, or between
    two capitalised words (a title-case headline); not inside a name ("Planned Parenthood")."""
    k = i
    while k > lo and text[k - 1] in " \t\n\u00a0\"“'‘(":
        k -= 1
    if k == lo or text[k - 1] in ".!?:;—–":
        return True
    return bool(_CAP_PREV_RE.search(text, max(lo, i - 30), i) and _CAP_NEXT_RE.match(text, j, hi))


def _find_cues(text: str, lo: int, hi: int) -> list:
    """Cue matches in ``text[lo:hi]``, in text order.

    The words (``[A-Za-z]+`` runs) are listed in C and intersected with the set of cue first
    words; only the words found are located (``str.find``, whole
    words) and matched against the forms that start with them. Most words are no cue, and a
    paragraph has few that are.
    """
    # (the letter runs by a byte translation and split: the same words as
    # ``_CUE_CANDIDATE_RE.findall`` would give, less the short ones no cue starts with,
    # without the engine's test of every character; 1.6x faster on ABP paragraphs)
    first, as_str = _cue_first_bytes()
    # (bounds as the engine reads them: a negative one is 0)
    found = first.intersection(text[lo if lo > 0 else 0:hi if hi > 0 else 0].encode("ascii", "replace")
                               .translate(_LETTERS_ONLY).split())
    if not found:
        return []
    found = [as_str[w] for w in found]
    cands = []
    for w in found:
        n = len(w)
        i = text.find(w, lo, hi)
        while i >= 0:
            j = i + n
            if not ((i > lo and text[i - 1] in _ASCII_LETTERS) or (j < hi and text[j] in _ASCII_LETTERS)):
                cands.append((i, w))
            i = text.find(w, i + 1, hi)
    if len(found) > 1:
        cands.sort()
    out = []
    pos = lo
    for i, w in cands:
        if i < pos:
            continue  # inside the cue before: "pointed out", then "out"
        if text[i].isupper() and not _capital_context(text, lo, i, i + len(w), hi):
            continue
        m = _cue_re(w).match(text, i, hi)
        if m is not None:
            if _attributive(text, lo, m):
                continue  # "in a written statement", "the alleged plot": an adjective
            if w[0] == "h" and w.startswith("hail") and _FROM_AFTER_RE.match(text, m.end()):
                continue  # "who hails from Ohio": an origin, not praise
            if w[0] == "d" and w.startswith("declin") and not _REFUSAL_AFTER_RE.match(text, m.end()):
                continue  # "crime has declined steadily", "a sharp decline in": a fall, not a refusal
            if w[0] == "r" and m[0] == "remembered" and _AS_FOR_AFTER_RE.match(text, m.end()):
                continue  # "the novelist now remembered mostly as the father of ...": a reputation
            if m[0] in _NOUN_VERB_FORMS and _VERB_AFTER_NOUN_RE.match(text, m.end()):
                continue  # "Most reports maintain that ...", "News reports said": a plural noun, the subject
            out.append(m)
            pos = m.end()
    return out


_FROM_AFTER_RE = re.compile(r"\s+(?:originally\s+)?from\b")
# cue forms that are plural nouns too, and the verbs that show them as nouns ("News reports said")
_NOUN_VERB_FORMS = frozenset("reports claims estimates notes comments remarks".split())
_VERB_AFTER_NOUN_RE = re.compile(r"\s+(?:said|say|suggest(?:ed)?|maintain(?:ed)?|show(?:ed)?|indicate[d]?|claim(?:ed)?|"
                                 r"found|argue[d]?|have\s+(?:said|shown|found|suggested))\b")
_AS_FOR_AFTER_RE = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:as|for)\b")
_YOU_BEFORE_RE = re.compile(r"\b[Yy]ou\s+$")
# what follows "decline" as a refusal: "declined (Monday) to comment", "declined comment",
# "declined an interview request" (not "declined to 3.5%", "declined by 8 points", "declined
# steadily", "a decline in cases")
_REFUSAL_AFTER_RE = re.compile(
    r"(?:\s+(?:[a-z]+ly|again|twice|once|even|today|yesterday|so\s+far|this\s+week|for\s+years|"
    r"(?:on\s+)?[MTWFS][a-z]+day(?:\s+(?:morning|afternoon|evening|night))?|through\s+(?:a|an|his|her|their)\s+[a-z]+|"
    r"(?:two|three|four|several|multiple|many|\d+)\s+times|"
    r"(?:over|in|during|at)\s+(?:the|a|an|his|her|their)\s+[a-z]+(?:\s+(?:call|interview|conference))?)\b"
    r"|\s+[—–]\s+[a-z ]{1,20}\s+[—–]|,\s+(?:however|repeatedly),)*"
    r"(?:,\s+(?:citing|saying|calling|noting|explaining|arguing|thinking)\b|,?\s+"
    r"(?:to\s+(?!(?:just|about|nearly|roughly|only|around|below|under|an?|the|its|his|her|their|levels?|less|fewer|"
    r"more|zero|lows?|one|two|three|four|five|six|seven|eight|nine|ten|single|double|pre)\b)[a-z]"
    r"|comment\b|prosecution\b|contact\b|(?:an?|the|any|all|his|her|their|other|further|additional|multiple|several|"
    r"repeated|numerous|two|three|"
    r"four|invitations?|requests?|interviews?|offers?|urgings?|job|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?['’]s?)\s))")


# an article before a participle makes it an adjective (not a possessive: PolNeAR reads "his
# proposed ban on Muslims" as his proposal)
# (nor "well" or "poorly": "always well reasoned", "is well supported"; but "They carefully noted")
_ATTRIBUTIVE_BEFORE_RE = re.compile(_whole_words("an a An A the The well poorly", before=r"[\w'’]") + r"\s+$")


def _attributive(text: str, lo: int, m: re.Match) -> bool:
    """Is the one-word participle cue ``m`` used as an adjective: after an article ("a written
    statement", "an alleged plot", "the accused"), or before a noun after a modifier ("Other
    alleged incidents", "apparent warning signs", "the most emotionally charged moment", "has
    admitting privileges")?"""
    form = m.group(0)
    if " " in form:
        return False
    cs = m.start()  # (the look-backs: comparisons, not max(): see _window_start)
    if form.endswith("ed") or form in ("written", "spoken"):
        if _ATTRIBUTIVE_BEFORE_RE.search(text, cs - 24 if cs - 24 > lo else lo, cs) is not None:
            return True
    elif not form.endswith("ing"):
        return False
    mod = _MODIFIER_BEFORE_RE.search(text, cs - 16 if cs - 16 > lo else lo, cs)
    if mod is None or not form.endswith("ing") and mod.group(1).lower() in ("has", "have", "had", "a", "an", "the"):
        return False  # ("has warned", "has written": a perfect)
    nw = _NEXT_WORD_RE.match(text, m.end())
    # (a noun follows: not "Another asked rhetorically", "Another reported thinking")
    return nw is not None and nw.group(1) not in _NOT_NOUN_NEXT and not nw.group(1).endswith(("ly", "ing", "ed"))


# a determiner or modifier before a participle used as an adjective (see _attributive)
_MODIFIER_BEFORE_RE = re.compile("(" + _any_case_words(
    "a an the other another apparent common these those such has have had emotionally politically racially highly "
    "ideologically recent",
    before=r"[\w'’]") + r")\s+$")
_NEXT_WORD_RE = re.compile(r"\s+([a-z][a-z-]+)\b")
_NOT_NOUN_NEXT = frozenset("that to on about for of with by in at from as if whether what how why when who he she they "
                           "it we i you him her them us me his their its our a an the this these those any some no "
                           "and or but not up out back over against into".split())


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


# ---------------------------------------------------------------------------------------
# Word classes used by the noun-phrase checker (small closed classes, kept in code).

_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you"])
_PERSONAL = frozenset(["he", "she"])
_DETS = frozenset(
    ["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those", "some", "many", "most", "several", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "few", "all", "both", "other", "another", "each", "any", "no", "every"])
_POSSESSIVE_DETS = frozenset(["his", "her", "their", "its"])
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
_NP_INNER = frozenset(["of", "for", "at", "and", "&", "de", "la", "van", "von", "der", "du", "del", "da", "al", "bin", "le"])
_STOP = frozenset(
    ["is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "not", "never", "to", "in", "on", "with", "by", "from", "about", "into", "than", "as", "if", "because", "when", "while", "where", "which", "who", "whom", "whose", "what", "why", "how", "but", "or", "so", "yet", "also", "there", "here", "then", "now", "just", "only", "even", "still", "very", "more", "less", "said", "says", "say", "told", "tells", "according", "after", "before", "since", "until", "during", "over", "under", "against", "between", "through", "without", "within", "upon"])
# Words that may sit between a subject and its cue ("has also said", "on Thursday said").
_AUX = frozenset(
    ["has", "have", "had", "also", "previously", "later", "then", "repeatedly", "once", "often", "would", "will", "did", "does", "do", "not", "never", "long", "recently", "again", "now", "first", "quickly", "publicly", "privately", "reportedly", "allegedly", "already", "still", "simply", "just", "even", "further", "is", "was", "are", "were", "been", "being", "has", "had", "originally", "initially", "earlier", "subsequently", "has's", "flatly", "openly", "bluntly", "angrily", "forcefully", "frequently", "twice", "separately", "immediately", "falsely", "correctly", "famously", "ultimately",
     "however", "meanwhile", "though", "too", "instead", "likewise", "kept", "keeps", "keep", "since", "cannot", "avoided", "avoids"]
    # negated auxiliaries ("isn't saying", "wouldn’t say"), with either apostrophe
    + [f"{w}{q}t" for w in ("isn", "wasn", "aren", "weren", "didn", "doesn", "don", "won", "wouldn",
                            "hasn", "haven", "hadn", "can", "couldn", "shouldn") for q in "'’"])
_DAYS = ("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|"
         "week|month|year|night|morning|afternoon|evening|weekend|time")
# A trailing time phrase inside the subject chunk: "the Kremlin on Thursday".
_TRAIL_TIME_RE = re.compile(
    rf"(?:,?\s+(?:on|last|this|late|early|earlier|in|at)\s+(?:\w+\s+)?(?:{_DAYS})\b\.?|"
    rf",?\s+(?:{_DAYS})\b)\s*$")
# Adverbials that may follow a cue before its content or at the end of the sentence.
_ADVERBIAL_RE = re.compile(
    rf"(?:\s*,?\s*(?:(?:on|last|this|late|early|earlier|in|at|during|over)\s+(?:the\s+|a\s+|an\s+)?"
    rf"(?:(?!(?:the|a|an)\b)\w+\s+){{0,2}}?(?:{_DAYS}|statement|interview|speech|release|rally|conference|"
    rf"briefing|email|e-mail|letter|post|tweet|op-ed|call|appearance|debate|hearing|event|"
    rf"Twitter|Facebook|(?:CNN|Fox|MSNBC|NBC|ABC|CBS)(?:\s+News)?(?:\s+(?:interview|appearance|broadcast|town\s*hall))?|"
    rf"radio|television|TV|program|show)"
    # a programme's title: 'on the MSNBC show ''Morning Joe'' that ...'
    rf"(?:(?:[’']s)?(?:\s+(?:show|program|programme))?\s+(?:''|[“\"])[A-Z][^“”\"\n]{{0,40}}?(?:''|[”\"]))?"
    rf"(?:\s+(?:with|to|on|for)\s+(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*)*)?|"
    rf"(?:{_DAYS})|to\s+reporters|to\s+journalists|in\s+an?\s+\w+|then|later|too|also|again|"
    rf"for\s+(?:weeks|months|years|days|decades|(?:some|a\s+long)\s+time|the\s+first\s+time)|"
    rf"publicly|privately|repeatedly|recently|previously|yesterday|today|earlier|"
    # (sentence adverbs before "that": 'insisted in a telephone interview, however, that',
    # 'claiming instead that', 'would confirm only that', 'said May 4 that')
    rf"(?:however|instead|flatly|openly|bluntly|for\s+instance|for\s+example|only|online|though)(?=\s*,?\s*that\b)|"
    rf"(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{{1,2}}|"
    rf"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{{1,2}}|"
    # (\b: not "time" of "times"; nor a possessive: 'said Tuesday’s results will be studied')
    rf"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\b(?![’']s\b)|(?<=[”\"])|(?<='')))+",
)
# (It backtracks exponentially on long chains of phrases, "in the city of New York to the
# editors of ...": callers match it on short strings only, under 160 characters, and through
# _end_adverbial, which first rules out most strings that cannot match.)
_END_ADV_PREPS = ("on|of|last|this|late|early|earlier|in|at|during|after|before|over|when|"
                  "while|to|into|from|via|through")
_END_ADV_WORDS = _DAYS + "|too|also|again|then|later|recently|previously|repeatedly|[a-z]{3,}ly"
_END_ADVERBIAL_RE = re.compile(
    r"(?:\s*,?\s*(?:(?:" + _END_ADV_PREPS + r")(?:\s+(?!that\b)[\w'’.&-]+){1,7}"
    r"(?:(?<=['’]s)\s+[“\"][^”\"\n]{1,60}[”\"])?|"  # (a show after its network: 'on MSNBC's “Morning Joe.”')
    + _END_ADV_WORDS + r"))*\s*[.!?…]*[\"'”’»)\]]*\s*")
# Where a phrase of the pattern above, or its closing marks, may start.
_END_ADV_START = rf"(?:(?:{_END_ADV_PREPS})\s|{_END_ADV_WORDS}|[.!?…\"'”’»)\]]|$)"
_END_ADV_OPEN_RE = re.compile(rf"\s*,?\s*{_END_ADV_START}")
# What cannot sit before the first quote mark: a comma not followed by a phrase, or a mark
# that is neither in a word nor among the closing marks.
_END_ADV_BAD_RE = re.compile(rf",(?!\s*{_END_ADV_START})|[^\w\s,'’.&\-!?…\"”»)\]]")
_END_ADV_CLOSING = frozenset(".!?…\"'”’»)]")  # (and any whitespace)


def _end_adverbial(s: str, pos: int = 0) -> re.Match | None:
    """``_END_ADVERBIAL_RE.fullmatch(s, pos)``, after quick tests that reject most strings that
    cannot match ("..., there's no obvious way" took 2.7 ms in the full pattern). The string
    must open with a phrase; up to the first double quote mark a comma must be followed by a
    phrase and every other mark must be one a word or the closing marks may hold; and that
    quote mark must open a show's title after a possessive ('on MSNBC's “Morning Joe.”') or
    be among the closing marks."""
    if _END_ADV_OPEN_RE.match(s, pos) is None:
        return None
    q = min((i for i in (s.find("“", pos), s.find('"', pos)) if i >= 0), default=-1)
    if _END_ADV_BAD_RE.search(s, pos, q if q >= 0 else len(s)) is not None:
        return None
    if q >= 0 and not all(c in _END_ADV_CLOSING or c.isspace() for c in s[q:]):
        k = q
        while k > pos and s[k - 1].isspace():
            k -= 1
        if k == q or s[k - 2:k] not in ("'s", "’s"):
            return None
    m = _END_ADVERBIAL_RE.fullmatch(s, pos)
    if m is not None and _PREP_TAIL_RE.match(s, pos) and _FINITE_IN_TAIL_RE.search(s, pos):
        return None  # 'said on Sunday the bill was dead': a clause, not a phrase of time or place
    return m


# A tail that opens with a preposition (not "when he was asked", a clause of its own) and a
# finite verb in it outside a relative clause ('in a speech that was broadcast' is a phrase)
_PREP_TAIL_RE = re.compile(r"\s*,?\s*(?:on|in|at|during|over|to|with|for|from|last|this|earlier)\s")
_FINITE_IN_TAIL_RE = re.compile(
    r"(?<!\bthat )(?<!\bwho )(?<!\bwhich )(?<!\bwhen )(?<!\bwhere )\b(?:is|was|were|are|had|has|have|would|"
    r"will|could|can|should|might|must|did|does)\b")
# (not the pronoun of "that’s": 'Tate says that's rarely true')
_THAT_RE = re.compile(r"\s*,?\s*that\b(?![’'](?:s|ll|d)\b)\s*")
_CONJ_AFTER_RE = re.compile(r"[\s,]*(?:and|but|or)\s")
_OBJECT_RELATIVE_BEFORE_RE = re.compile(r"\b(?:that|which)\s+$")
# A hearer after "told": "told reporters", "told The Associated Press", "told him".
_HEARER_RE = re.compile(
    r"\s+(?:(?:[A-Z][\w.&-]*[’']s\s+)?[“\"][A-Z][^“”\"\n]{1,40}?[”\"]|"  # a show: 'told ABC's “This Week”'
    r"(?:him|her|them|us|me|you|reporters|journalists|lawmakers|supporters|voters|"
    r"the\s+crowd|the\s+audience|an\s+audience|a\s+crowd|listeners|viewers|students|"
    r"(?:the\s+|a\s+|an\s+)?[A-Z][\w.'’&-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w.'’&-]*)*|"
    r"(?:the|a|an|his|her|their)\s+(?:\w+\s+){0,2}?(?:newspaper|paper|magazine|network|"
    r"station|crowd|audience|gathering|group|committee|panel|program|show|outlet|host|"
    r"interviewer|reporter|reporters|journalists|people|supporters|voters|"
    r"press|media|newsroom|station))\b(?:[’']s?)?)")

_WORD_RE = re.compile(r"[\w][\w.'’&-]*")


def _words_in_a_row(n: int) -> re.Pattern:
    """A pattern that finds ``n`` words of _WORD_RE in a row, each whole (a possessive run:
    none splits at its inner "." or "-"), then what comes before the next, which no word holds:
    its search finds something exactly when _WORD_RE finds ``n`` words in the same span, in
    one call instead of a list of them all."""
    return re.compile(r"[\w][\w.'’&-]*+(?:\W+[\w][\w.'’&-]*+){%d}" % (n - 1))


_TWO_WORDS_RE = _words_in_a_row(2)


# (Each pattern below opens with a literal set of marks and checks the context in look-behinds:
# that lets the regex engine skip ahead, 2-7 times faster on news text. _DOUBLE_RE is
# ''|``|["“”«»„].)
_DOUBLE_RE = re.compile(r"[\"“”«»„'`](?:(?<=')'|(?<=`)`|(?<=[\"“”«»„]))")
_DOUBLE_STARTS = ('"', "“", "”", "«", "»", "„", "''", "``")  # (what its matches start with)
_SINGLE_OPEN_RE = re.compile(r"[‘'](?:(?<=^[‘'])|(?<=[\s(\[—–:\"“«-][‘']))(?=[^\W\d_])", re.MULTILINE)
_SINGLE_CLOSE_RE = re.compile(r"[’'](?<=[\w.,!?…][’'])(?![\w])")
# (The next one opens with a lookahead on the characters its alternatives can start with: most
# positions then fail on one set test instead of trying every alternative, 1.6-1.8x faster.)
_BOUNDARY_RE = re.compile(r"(?=[,;:()\[\]—–\"“”«»„‘'\s-])"
                          r"(?:(?<!\d),|,(?!\d)|[;:()\[\]—–\"“”«»„‘]|''|\s-+\s?|^-|(?<=\))\s*-+|--|(?<=\s)-(?=\S))")
# (not the comma of "1,409 teachers said")
# The same without its alternatives that need a hyphen, for a text without one: it opens with
# the set of marks its matches start with, which the engine skips ahead to (there is no white
# space among them), and checks in a look-behind which mark it got.
_BOUNDARY_NO_HYPHEN_RE = re.compile(r"[,;:()\[\]—–\"“”«»„‘']"
                                    r"(?:(?<=,)(?:(?<!\d,)|(?!\d))|(?<=[;:()\[\]—–\"“”«»„‘])|(?<=')')")
_BOUNDARY_CHAR_RE = re.compile(r"[,;:()\[\]—–\"“”«»„‘'-]")
# Words that open a clause, whole and in any case ("and" not after "current", "former", "past").
_CLAUSE_WORD_RE = re.compile(_any_case_words(
    "and but while as because when whereas although though if that so after before since where "
    "once until unless whether than or nor yet then which who why",
    guards={"and": "(?<!current .)(?<!former .)(?<!past .)"}) + r"\b")
# Openers before a subject or a content: "However,", "On Monday", and a short prepositional
# phrase up to its comma ("In the past, Trump has said", "In years past, he"). "In the" alone
# is no opener: it left "most recent trial, he said, ..." of "In the most recent trial, ...".
_LEADING_ADV_RE = re.compile(
    r"(?:(?:Meanwhile|However|But|And|Still|Earlier|Later|Instead|Also|Yet|So|Now|Then|"
    r"Separately|Previously|At\s+the\s+same\s+time|"
    r"In\s+response|So\s+far|For\s+now|In\s+addition|Moreover|Still\s+more)\s*,?\s+|"
    r"(?:however|meanwhile|moreover|instead|though|too),\s+|"
    r"(?:In|On|At|During|After|Before|For|With|Under|Amid|From|By)(?:\s+[^,;:.!?\"“”\s]+){1,4},\s+|"
    r"(?:Last|On|In)\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those)\b)\w+\s*,?\s+)+")
# (the words it can open with: _trim_np tries it only after one of them)
_LEADING_ADV_FIRST = frozenset(
    "Meanwhile However But And Still Earlier Later Instead Also Yet So Now Then Separately Previously At In For "
    "Moreover however meanwhile moreover instead though too On During After Before With Under Amid From By Last".split())
_FIRST_SECOND_RE = re.compile(r"\b(?:I|we|my|our|you|me|us|your)\b", re.IGNORECASE)
# What names a title in quotes: "the Syfy movie", "host of", "a song titled", "Fleming's".
_TITLE_WORDS = (r"show|series|film|movie|book|album|song|program|programme|magazine|column|play|"
                r"musical|novel|memoir|newspaper|website|blog|article|headline|titled|entitled|called|host\s+of|"
                r"roles?\s+in|star\s+of|author\s+of|anthem|appear(?:s|ed|ing)?\s+on")
_TITLE_CONTEXT_RE = re.compile(rf"(?:[’']s|\b(?:{_TITLE_WORDS}|told))\s*,?\s*$", re.IGNORECASE)
# (a title named as one: not "Tencent’s “pattern of censorship,”")
_TITLE_NAMED_RE = re.compile(rf"\b(?:{_TITLE_WORDS})(?:\s+[\w.]+[’']s)?\s*,?\s*$", re.IGNORECASE)  # ("star of television’s")
_NOUN_AFTER_TITLE_RE = re.compile(r"[,.]?\s+(?:star|host|author|actor|actress|producer|creator|singer|"
                                  r"fame|episode|season|theme)\b")
_SPEECHY_RE = re.compile(r"[.!?…]|\b(?:I|we|my|our|you|me|us)\b", re.IGNORECASE)
# A full stop that ends a sentence: not the period of "Mr." "Sen." "U.S." "J.".
_FULL_STOP = r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z][a-z])\.(?=\s|$)"
# Sentence punctuation or a quote mark. (_FULL_STOP, with its period checked in look-behinds
# after the set of marks the pattern opens with: the engine skips to the next mark in one
# fast scan, where a look-behind opening an alternative was tried at every character.)
# (not the period of a title: "Mr.", "Sen.", and the four-letter "Capt.", "Cmdr.", "Prof.")
_HARD_STOP_RE = re.compile(r"[!?\"“”«».](?:(?<!\.)|(?<![A-Z]\.)(?<!\b[A-Z][a-z]\.)(?<!\b[A-Z][a-z][a-z]\.)"
                           r"(?<!\bCapt\.)(?<!\bCmdr\.)(?<!\bProf\.)(?<!\bSupt\.)(?<!\bInsp\.)(?<!\bSens\.)"
                           r"(?<!\bReps\.)(?<!\bGovs\.)(?=\s|$))")
_OPEN_GLYPHS = "“«„"
_CLOSE_GLYPHS = "”»"
# (invisible direction and width marks count as space: '\u202a”Isis declares death ...”' in pasted comments)
_INVISIBLE = "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_LEFT_OPEN = set(" \t\n\r([{—–-/‘':\u00a0" + _INVISIBLE)
_RIGHT_OPEN = set(" \t\n\r.,;:!?)]}—–-’'…\u00a0" + _INVISIBLE)
_ELLIPSIS_AFTER_RE = re.compile(r"[ \t\u00a0]*(?:…|\.\s?\.\s?\.)")


@dataclass(slots=True)
class _Span:
    """A quoted span: marks at [ms, cs) and [ce, me); content [cs, ce)."""

    ms: int
    cs: int
    ce: int
    me: int
    para: int
    double: bool = True
    closed: bool = True
    kind: str | None = None
    cue: object = None
    speaker: object = None
    owner: object = None  # the reported clause it belongs to
    end_para: object = None  # (index, end) of the paragraph where a multi-paragraph quote closes


@dataclass(slots=True)
class _Speaker:
    start: int
    end: int
    name: str | None
    actor: str | None
    anonymous: bool
    person: bool
    head: str = ""
    loose: bool = False  # a tentative subject (see _loose_subject): not used for pronouns
    named: bool = False  # a pronoun named by the attribution it repeats ('he warned, "...," Mr. Hale told')
    gender: str | None = None  # "f", "m" or unknown (see _gender): which of "she"/"he" may name it
    antecedent: str | None = None  # _person_antecedent's cache: its gender, "" unknown, "-" no person
    one_person: bool | None = None  # _one_person_role's cache: every later "he"/"she" asks it again


@dataclass(slots=True)
class _Reported:
    cue: re.Match
    entry: _Cue
    start: int
    end: int
    speaker: _Speaker | None
    para: int
    fragments: list = field(default_factory=list)


@dataclass(slots=True)
class _State:
    text: str
    actors: ActorDictionary
    last_any: _Speaker | None = None
    speakers: list = field(default_factory=list)
    names: dict = field(default_factory=dict)  # last name -> full name
    full_names: dict = field(default_factory=dict)  # surname -> (gender, given names), see _full_mentions
    # resolved name -> the gender of the first "he"/"she" that named them: "Captain Seaquist ...
    # he says" is not "she" later on
    pronoun_gender: dict = field(default_factory=dict)
    given_by_gender: dict = field(default_factory=dict)  # surname -> {"f"/"m": given names}, see _full_mentions
    sents: list = field(default_factory=list)  # (start, end) of the body and heading sentences
    transcript: dict = field(default_factory=dict)  # label -> its full form, see _transcript_labels
    sent_starts: list = field(default_factory=list)
    usage_gender: dict = field(default_factory=dict)  # surname -> "f", "m" or None, see _usage_gender


# ---------------------------------------------------------------------------------------
# Quote-mark pairing


def _mark_role(text: str, i: int, j: int, lo: int, hi: int) -> str | None:
    c = text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[j] if j < hi else " "
    left = i == lo or prev in _LEFT_OPEN
    right = j >= hi or nxt in _RIGHT_OPEN
    ctx = "open" if left and not right else "close" if right and not left else None
    if ctx is None and left and _ELLIPSIS_AFTER_RE.match(text, j, hi):
        ctx = "open"  # '” … they are so not like him,” she said': a quote that starts mid-speech
    if c in _OPEN_GLYPHS or text[i:j] == "``":
        glyph = "open"
    elif c in _CLOSE_GLYPHS:
        glyph = "close"
    else:
        glyph = None
    if glyph and ctx and glyph != ctx:
        return ctx
    return glyph or ctx


def _pair_double(text: str, paras, warnings: list[str]) -> list[_Span]:
    out: list[_Span] = []
    pending: _Span | None = None  # a quote continuing from the previous paragraph
    marks = _offsets(text, _DOUBLE_STARTS)  # (where a match of _DOUBLE_RE can start)
    for k, p in enumerate(paras):
        lo, hi = p.start, p.end
        open_at: int | None = None
        open_end = 0
        first = True
        for m in _matches_at(_DOUBLE_RE, text, marks, lo, hi):
            i, j = m.span()
            if j < hi and text[j] == "'" and text[i] == "'" and i > lo and not text[i - 1].isspace():
                i, j = i + 1, j + 1  # "'old-school,'''": a nested single quote closes first
            role = _mark_role(text, i, j, lo, hi)
            if first and pending is not None:
                first = False
                if i == lo and role != "close":
                    continue  # the opening mark of a continuation paragraph
            first = False
            if open_at is None and pending is None:
                if role == "close":
                    if text[i] in _CLOSE_GLYPHS:
                        _warn(warnings, f"unmatched closing quote at offset {i}")
                    continue
                open_at, open_end = i, j
            else:
                if role == "open" and pending is None and text[i] not in '"\'':
                    # a second opening mark: the first one was never closed
                    _warn(warnings, f"unclosed quote at offset {open_at}")
                    open_at, open_end = i, j
                    continue
                if pending is not None:
                    pending.ce, pending.me = i, j
                    pending.end_para = (p.index, hi)
                    out.append(pending)
                    pending = None
                else:
                    out.append(_Span(open_at, open_end, i, j, p.index))
                open_at = None
        if pending is not None and first:
            # a paragraph without any quote mark ends a continuing quote
            _warn(warnings, f"unclosed quote at offset {pending.ms}")
            pending.closed = False
            out.append(pending)
            pending = None
        if open_at is not None or pending is not None:
            span = pending or _Span(open_at, open_end, hi, hi, p.index)
            span.ce = span.me = hi
            nxt = paras[k + 1] if k + 1 < len(paras) else None
            if nxt is not None and _DOUBLE_RE.match(text, nxt.start) and \
                    _mark_role(text, nxt.start, nxt.start + 1, nxt.start, nxt.end) != "close":
                pending = span
            else:
                _warn(warnings, f"unclosed quote at offset {span.ms}")
                span.closed = False
                out.append(span)
                pending = None
    if pending is not None:
        pending.closed = False
        _warn(warnings, f"unclosed quote at offset {pending.ms}")
        out.append(pending)
    return out


def _pair_single(text: str, p, doubles: list[_Span]) -> list[_Span]:
    """Single-quoted spans of paragraph ``p`` lying outside double-quoted spans."""
    lo, hi = p.start, p.end
    closes = _single_closes(text, lo, hi)
    if not closes:
        return []
    out = []
    pos = lo
    for m in _SINGLE_OPEN_RE.finditer(text, lo, hi):
        i = m.start()
        if i < pos or _inside(doubles, i):
            continue
        if text[i] == "'" and re.match(r"'(?:em|tis|n|cause|til|twas)\b", text[i:i + 6], re.IGNORECASE):
            continue
        k = bisect_right(closes, i)
        chosen = None
        while k < len(closes) and closes[k] - i < 300:
            c = closes[k]
            if _inside(doubles, c):
                break
            # "voters’ rights": a plural possessive is not a closing mark when a better one follows
            if text[c - 1] == "s" and c + 2 < hi and text[c + 1] == " " and text[c + 2].islower() \
                    and k + 1 < len(closes) and closes[k + 1] - i < 300:
                k += 1
                continue
            chosen = c
            break
        if chosen is None:
            continue
        out.append(_Span(i, i + 1, chosen, chosen + 1, p.index, double=False))
        pos = chosen + 1
    return out


def _single_closes(text: str, lo: int, hi: int) -> list[int]:
    """Offsets of the closing single quote marks in ``text[lo:hi]``: the starts of
    ``_SINGLE_CLOSE_RE.finditer(text, lo, hi)``. Its matches are one mark wide, so they are the
    marks it matches at; ``str.find`` reaches the few marks faster than the engine's scan."""
    out = []
    for mark in "’'":
        n = len(out)
        i = text.find(mark, lo, hi)
        while i >= 0:
            if _SINGLE_CLOSE_RE.match(text, i, hi):
                out.append(i)
            i = text.find(mark, i + 1, hi)
        if n and len(out) > n:
            out.sort()
    return out


def _inside(spans: list[_Span], x: int) -> bool:
    for s in spans:
        if s.ms <= x < s.me:
            return True
    return False


def _warn(warnings: list[str], msg: str) -> None:
    if len(warnings) < MAX_WARNINGS:
        warnings.append(msg)
    elif len(warnings) == MAX_WARNINGS:
        warnings.append(f"more than {MAX_WARNINGS} warnings; the rest are not listed")


# ---------------------------------------------------------------------------------------
# Noun phrases and speakers


def _np_shape(words: list[str]) -> str | None:
    """'pronoun', 'name', 'role' or None for a candidate subject given as its words."""
    return _np_shape_cached(tuple(words))


@lru_cache(maxsize=16384)
def _np_shape_cached(words: tuple[str, ...]) -> str | None:
    # (the same short subjects come back in every article: "he", "Trump", "the president")
    if not words or len(words) > 9 and not (
            # "former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell":
            # a long title is still a name if every word but a few is capitalised
            len(words) <= 13 and sum(not w[0].isupper() for w in words) <= 2 and words[-1][0].isupper()):
        return None
    lows = [w.lower() for w in words]
    if len(words) == 1 and lows[0] in _PRONOUNS:
        return "pronoun"
    if len(words) == 1 and words[0] in _NAME_STOPS:
        return "name"  # '"...," Will wrote.': alone before a cue, a capitalised modal is a name
    if " ".join(lows) in _INDEFINITES:
        return "role"  # "no one knows if ...", "Everyone agrees that ..."
    if lows[0] in ("who", "which", "that") or len(words) > 1 and lows[0] in _CLAUSE_OPENING_WORDS:
        return None  # (not "Whenever Cole", "If Trump": a subordinate clause's start)
    roles = _roles()
    for i, (w, lw) in enumerate(zip(words, lows)):
        if lw in _STOP and not (w in _NAME_STOPS and _in_name(words, i)) \
                or lw in _PRONOUNS and len(words) > 1 and lw not in ("it",):
            return None
        if lw in ("it",) and len(words) > 1:
            return None
    last, llast = words[-1], lows[-1]
    if llast in _DETS or llast in _NP_INNER or llast in _POSSESSIVE_DETS:
        return None
    if last.endswith(("'s", "’s", "s'", "s’")) or last.endswith("ly") and not last[0].isupper() and \
            llast not in ("family", "ally"):
        return None  # (an adverb ends no noun phrase; "his family", "a Sanders ally" do)
    if last[0].isupper() or last[0].isdigit() and len(words) > 1:
        if lows[0] in _DETS or words[0][0].isupper() or lows[0] in _POSSESSIVE_DETS:
            return "name"
        # lower-case words before a name: "Kremlin spokesman Dmitry Peskov" starts upper;
        # "presidential aide Yuri Ushakov" is fine too, as long as they are not verbs
        if len(words) <= 6:
            return "name"
        # "former Gov. Bill Richardson of New Mexico": a short lower-case prefix, then a name
        k = next((i for i, w in enumerate(words) if w[0].isupper()), None)
        if k is None:
            return None  # (digits and lower-case words only: "said 2,000 people ...")
        rest = words[k:]
        return "name" if k <= 3 and all(w[0].isupper() or w in _NP_INNER for w in rest) else None
    # "The excuse these proven spin doctors" is two phrases, no subject
    two = any(lw in _SECOND_PHRASE_DETS and lows[i - 1] not in _NP_INNER and lows[i - 1] not in _STOP and
              lows[i - 1] not in _DETS and lows[i - 1] not in _PREPOSITIONS and not lows[i - 1].endswith("ing")
              for i, lw in enumerate(lows) if i)
    if (llast in roles.get("roles", ()) or llast in roles.get("anonymous", ())) and not two:
        return "role"
    if len(words) == 2 and lows[1] == "percent" and words[0].replace(".", "").isdigit():
        return "role"  # a poll share: "21 percent said"
    if lows[0] in _DETS or lows[0] in _POSSESSIVE_DETS or words[0][0].isupper():
        if len(words) <= 6 and not llast.endswith(("ing", "ed")) and not two:
            return "role"
        if len(words) <= 9 and "of" in lows[2:] and not two and not llast.endswith(("ing", "ed")) and \
                ((h := lows.index("of", 2) - 1) + 2 < len(lows) and lows[h + 2] == "one" and lows[h] in roles.get("roles", ())
                 or lows[h] in _KIN_NOUNS):
            # "the mother of one of the detainees", "the CEO of one of the nation's largest
            # banks": one person, by the role that heads the phrase (audit 22)
            return "role"
    return None


def _past_verb_object(words: list[str]) -> bool:
    """Is there a verb of issuing with a determiner after it ("officials issued a statement",
    "Douglas gave a preemptive interview")? Then the words are a clause whose subject is the
    author of what a participle after them says (not after "cited a study showing", "received a
    call reporting": the study and the caller speak)."""
    for i in range(1, len(words) - 1):
        if words[i] in _ISSUE_VERBS and words[i + 1].lower() in ("a", "an", "the", "his", "her", "their", "its"):
            return True
    return False


_ISSUE_VERBS = frozenset(
    "issued released sent wrote published delivered gave filed signed posted made conducted launched "
    "unveiled introduced drafted penned tweeted shared aired ran circulated distributed".split())


_PREPOSITIONS = frozenset("near across around behind beside outside inside like at of for toward towards".split())
_CLAUSE_OPENING_WORDS = frozenset("whenever when while if although though because since unless until once whereas".split())
_INDEFINITES = frozenset(["no one", "nobody", "everyone", "everybody", "someone", "somebody", "anyone",
                          "anybody", "no one else", "everyone else",
                          # "Impeachment, many have speculated, could ...", "others said"
                          "many", "others", "some", "most", "few", "several", "many others"])
_SECOND_PHRASE_DETS = frozenset(["the", "these", "those", "this", "that"])


# Stop words that are also names: "said Will Doyle", "Theresa May said", "said Al From".
_NAME_STOPS = frozenset(["Will", "May", "From"])


def _in_name(words: list[str], i: int) -> bool:
    """Is ``words[i]`` next to a capitalised word (part of a name, not a verb or preposition)?"""
    prev = i > 0 and words[i - 1][0].isupper()
    nxt = i + 1 < len(words) and words[i + 1][0].isupper()
    return prev or (nxt and words[i] != "From")


def _window_start(text: str, lo: int, pos: int, n: int) -> int:
    """Where a look-back window of about ``n`` characters before ``pos`` starts: not before
    ``lo``, and never inside a word."""
    # (here and in the look-backs of the hot paths a comparison, not max() or min(): in
    # Python 3.11 these parse their keyword arguments on every call, which made them
    # five times the cost of a conditional expression)
    a = pos - n if pos - n > lo else lo
    if lo < a < pos and text[a - 1].isalnum():
        a = _ALNUM_RUN_RE.match(text, a, pos).end()  # (the rest of the word, in one call)
    return a


_ALNUM_RUN_RE = re.compile(r"[^\W_]*")  # (what str.isalnum accepts: \w but "_")


def _words(text: str, a: int, b: int) -> list[re.Match]:
    return list(_WORD_RE.finditer(text, a, b))


def _trim_np(text: str, a: int, b: int, *, time_end: bool = True) -> tuple[int, int]:
    """Trim spaces, a leading clause adverb and a trailing time phrase off ``text[a:b]``
    (the time phrase only with ``time_end``: the start does not depend on it, and a caller
    that keeps only the start need not search a whole sentence for it)."""
    while a < b and (text[a].isspace() or text[a] in "-–—,"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",-–—"):
        b -= 1
    # (the pattern only matches after one of its first words: the token before the first space
    # tells, and no word of them is longer than 10 letters)
    first = text[a:a + 12 if a + 12 < b else b].split(None, 1)
    m = _LEADING_ADV_RE.match(text, a, b) if first and first[0].rstrip(",") in _LEADING_ADV_FIRST else None
    if m and m.end() < b:
        a = m.end()
    m = _TRAIL_TIME_RE.search(text, a, b) if time_end and _ends_with_time_word(text, a, b) else None
    if m and m.start() > a:
        b = m.start()
    return a, b


_TIME_WORDS = frozenset(_DAYS.split("|")) | {"ago"}


def _ends_with_time_word(text: str, a: int, b: int) -> bool:
    """Does ``text[a:b]`` end with a time word (``Monday``, ``week``, ``ago``), perhaps with a
    full stop and spaces after it? A cheap test before the time patterns, which can only match
    then."""
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a and text[b - 1] == ".":
        b -= 1
    tail = text[b - 10 if b - 10 > a else a:b].split()  # (not max(): see _window_start)
    return bool(tail) and tail[-1] in _TIME_WORDS  # (not on white space alone: "said Monday ." ends in " ")


@lru_cache(maxsize=4096)  # (asked of every word before a cue: the same few come back)
def _is_aux(w: str) -> bool:
    lw = w.lower()
    if w == "Will":
        return False  # George Will: a capitalised modal right before a cue is a name
    return lw in _AUX or (w.islower() and lw.endswith("ly") and len(lw) > 4 and lw not in _NOT_ADV)


_NOT_ADV = frozenset("family ally rally italy july bully".split())


def _tail_words(text: str, lo: int, pos: int) -> tuple[list[re.Match], int]:
    """The words of the 300 characters before ``pos``, and how many are left once the
    auxiliaries and adverbs right before ``pos`` are dropped (see :func:`_subject_before`).

    Only the last two words that are kept count, and tokens after the first of a window are
    the same whatever the window, so short windows are tried first: 30 characters serve when
    three words are kept in them (the first may be cut; 97% of cues), 60 when two are, and
    any window that already reaches ``lo`` (most subjects are short).

    A long run of spaces right before ``pos`` (a name pop-up blanked by cleaning:
    :func:`analysis.clean.blank_inline`) is skipped first."""
    if text.endswith(_BLANK_RUN, lo, pos):
        while pos > lo and text[pos - 1] == " ":
            pos -= 1
    for n, enough in ((30, 3), (60, 2), (300, 2)):
        a = _window_start(text, lo, pos, n)
        words = _words(text, a, pos)
        end_i = len(words)
        while end_i and _is_aux(words[end_i - 1][0]):
            end_i -= 1
        if end_i >= enough or a == lo:
            break
    return words, end_i


_APPOSITION_OPEN_RE = re.compile(r",\s+(?:a|an|the)\s[^,]*$")  # ', a self-professed moderate'
_NAME_END_RE = re.compile(r"\s[A-Z][\w.'’-]*\s+[A-Z][\w'’-]+$")  # '... Steve Mnuchin'
# a personal name, then a role without an article: 'Alan Dershowitz, Harvard law professor emeritus'
_ROLE_APPOSITION_RE = re.compile(
    r"\b[A-Z][\w.'’-]*\s+[A-Z][\w'’-]+,\s+(?:[A-Z][\w.'’&-]*\s+){0,3}([a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3})$")


def _role_apposition(text: str, a: int, b: int) -> bool:
    """Does ``text[a:b]`` end with a personal name and a role apposition without an article
    (see ``_ROLE_APPOSITION_RE``)? One of its lower-case words must be a role or title."""
    m = _ROLE_APPOSITION_RE.search(text, a, b) or _ROLE_OF_ORG_APPOSITION_RE.search(text, a, b)
    if m is None:
        return False
    roles = _roles()
    return any(w in roles.get("roles", ()) or w in roles.get("titles", ()) for w in m.group(1).split())


# a personal name, then a role of a named body: 'Dr. Anthony Fauci, director of the National
# Institute of Allergy and Infectious Diseases' (its "and" is inside the body's name)
_ROLE_OF_ORG_APPOSITION_RE = re.compile(
    r"\b[A-Z][\w.'’-]*\s+[A-Z][\w'’-]+,\s+((?:[a-z][\w'’-]*\s+){1,3})(?:of|at|for|with)\s+(?:the\s+)?"
    r"(?:[a-z][\w-]*\s+)?[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|and|of|for|the|on))*$")  # (also "of the conservative Media Research Center")
_PARTY_TAG_RE = re.compile(r"[DRI]-[A-Z][\w.'’-]*(?:\s+[A-Z][a-z]+)?")  # 'R-Calif.', 'D-N.Y.', 'R-Michigan', 'D-New York'
_BLANK_RUN = " " * 8  # no prose has this many spaces in a row; blanked furniture does
_BLANK_RUN_RE = re.compile(f" {{{len(_BLANK_RUN)},}}")
_PP_OPENERS = frozenset("at in on during from after before via with".split())
_SUBJECT_PRONOUNS = frozenset("he she they we I".split())
_GAP_STOP_RE = re.compile(r"[.;:!?\"“”«»]|\b(?:that|who|which)\b")


_CONTRACTED = r"([Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Yy]ou)['’]"  # a subject pronoun before its contracted auxiliary
_CONTRACTED_SUBJECT_RE = re.compile(rf"\b{_CONTRACTED}(?:d|ve)\s+$")


def _subject_before(text: str, lo: int, cue_start: int) -> tuple[int, int, str] | None:
    """The subject noun phrase ending right before a cue: (start, end, shape) or None.

    Auxiliaries and adverbs between subject and cue are skipped (``has also said``,
    ``, meanwhile, told``); the phrase starts at the last clause boundary.
    """
    cue0 = cue_start
    if text.find(" all ", cue_start - 40 if cue_start - 40 > lo else lo, cue_start) >= 0 and \
            (fq := _FLOATING_QUANTIFIER_RE.search(text, max(lo, cue_start - 40), cue_start)) is not None and fq.start() > lo:
        cue_start = fq.start()  # "Marco Rubio, ... and Rick Perry all at various points said": the list
    # "Feinstein (D-Calif.) last week said": skip a time phrase, then a short parenthetical
    mt = _PRE_CUE_TIME_RE.search(text, max(lo, cue_start - 40), cue_start) \
        if _ends_with_time_word(text, lo, cue_start) else None
    if mt is not None and mt.start() > lo:
        cue_start = mt.start()
    po = _party_tag(text, lo, cue_start)
    if po is not None:
        cue_start = po  # "Rep. Carlos Curbelo (R) of Florida has told": the name before the tag
    pre = text[cue_start - 40 if cue_start - 40 > lo else lo:cue_start].rstrip()  # (not max(): see _window_start)
    dash = _DASH_PAREN_RE.search(text, max(lo, cue_start - 300), cue_start) \
        if pre[-1:] in ("-", "—", "–") else None
    if dash is not None and dash.start() > lo:
        # "Donald Trump - who previously said ... - said": skip the parenthetical
        cue_start = dash.start()
        pre = text[max(lo, cue_start - 40):cue_start].rstrip()
    if pre.endswith(")") or pre.endswith("ly") and _PAREN_ADVERB_END_RE.search(pre):
        k = pre.rfind("(")
        if k > 0:
            # "Rep. Paul Ryan (R-WI) said": skip a short parenthetical (and an adverb after it:
            # "Rep. Dennis Ross (R-Fla.) publicly announced", audit 22)
            cue_start = max(lo, cue_start - 40) + k
    w12 = text[cue_start - 12 if cue_start - 12 > lo else lo:cue_start]  # (a contraction needs its apostrophe: most have none)
    if ("'" in w12 or "’" in w12) and \
            (mc := _CONTRACTED_SUBJECT_RE.search(text, max(lo, cue_start - 12), cue_start)) is not None:
        return mc.start(1), mc.end(1), "pronoun"  # '"...," she'd said Saturday': the pronoun
    words, end_i = _tail_words(text, lo, cue_start)
    if end_i == 0:
        return None
    gap_before = text[words[end_i - 2].end():words[end_i - 1].start()] if end_i > 1 else ""
    if words[end_i - 1][0] in ("and", "but") and end_i > 1 and \
            not gap_before.strip(" \u00a0\"”’'!?—–-,"):
        # 'She declared "What a night!" and said that ...': the subject of the first verb
        conj = words[end_i - 1].start()
        participle = (_WORD_RE.match(text, cue_start) or _WORD_RE.search(text, cue_start)).group(0).endswith("ing")
        subj = ((participle and _with_participle_subject(text, lo, conj)) or _main_subject(text, lo, conj)) \
            if "," not in gap_before else None
        if subj is None or subj[2] == "role":
            # '"I hate it," she said, but added that ...': the subject of the cue just before
            prev = _find_cues(text, max(lo, conj - 80), conj)
            gap = text[prev[-1].end():conj] if prev else ""
            if prev and len(gap) < 40 and not _GAP_STOP_RE.search(gap):
                subj = _subject_before(text, lo, prev[-1].start())
        return subj if subj is not None and subj[2] != "role" else None
    b = words[end_i - 1].end()
    if end_i < len(words) and "," in text[b:words[end_i].start()] and \
            ((ap := _APPOSITION_OPEN_RE.search(text, max(lo, b - 80), b)) and
             not _NAME_END_RE.search(text, ap.start(), b) or _role_apposition(text, max(lo, b - 100), b)):
        # "Gina Raimondo, a moderate, has vowed", "Alan Dershowitz, Harvard law professor
        # emeritus, also told": an apposition, then the auxiliary or adverb (but "His Treasury
        # Secretary, the banker Steve Mnuchin, has said" is named by it)
        return _subject_skip_apposition(text, lo, text.index(",", b))
    between = text[b:cue_start]
    if between.strip():
        rest = _WORD_RE.sub("", between)
        if rest.strip(" \t\n\u00a0,") or (end_i == len(words) and "," in rest):
            return None
    seg_start = lo
    # (every match of _BOUNDARY_RE holds one of _BOUNDARY_CHAR_RE's characters: a window with
    # none, most, has no boundary, and one search for them is cheaper than the pattern's; a
    # match holds nothing but those characters and white space, so none starts before the white
    # space right before the first of them, where the pattern's scan can begin)
    w0 = b - 200 if b - 200 > lo else lo
    if (bc := _BOUNDARY_CHAR_RE.search(text, w0, b)) is not None:
        f = bc.start()
        while f > w0 and text[f - 1].isspace():
            f -= 1
        rx = _BOUNDARY_RE if text.find("-", f, b) >= 0 else _BOUNDARY_NO_HYPHEN_RE
        for m in rx.finditer(text, f, b):
            seg_start = m.end()
    prev_start, last = seg_start, None
    # (the matches one search at a time, as finditer gives them: most windows have none, and a
    # search costs less than a scanner)
    m = _CLAUSE_WORD_RE.search(text, seg_start, b)
    while m is not None:
        prev_start, seg_start, last = seg_start, m.end(), m
        m = _CLAUSE_WORD_RE.search(text, seg_start, b)
    a, b2 = _trim_np(text, seg_start, b)
    if a >= b2:
        return None
    words = _WORD_RE.findall(text, a, b2)  # (the matches, for offsets, only when needed)
    if last is not None and words and _relative_verb(text, last, words[0]):
        # "Voters who backed Obama said", "Groups that elected him said": the chunk is the
        # relative clause's verb phrase; the subject is the noun phrase the clause hangs on
        la, lb = _trim_np(text, prev_start, last.start())
        if la >= lb and "," in between and text[lo:last.start()].rstrip().endswith(","):
            # 'Chris Smith, who earlier had attacked Boehner, now says': the phrase before the
            # comma that opens the clause (without the adverb a comma before the cue ends the
            # search above, and the caller finds it)
            return _subject_before(text, lo, text.rindex(",", lo, last.start()))
        rel_shape = _np_shape(_WORD_RE.findall(text, la, lb)) if la < lb else None
        if rel_shape in ("name", "role"):
            return la, lb, rel_shape
    if words[0] in _PP_OPENERS and text[seg_start:a].strip() == "":
        j = seg_start
        while j > lo and text[j - 1].isspace():
            j -= 1
        k = text.rfind("(", lo, j) if text[j - 1:j] == ")" else -1
        if k > lo:
            # "Rep. Adam Schiff (D-CA) in an appearance on CNN said": the name before the parenthesis
            return _subject_before(text, lo, k)
    if len(words) > 1 and words[-1] in _SUBJECT_PRONOUNS and (
            words[-2] in _TIME_WORDS or words[-2] == "that" or words[-2] in speech_verbs()) and \
            not (len(words) > 2 and (words[-3] in _SUBJECT_PRONOUNS or words[-3] in speech_verbs())):
        # "Earlier in the day Tuesday he said", "Rubio says he opposes": the pronoun is the
        # subject (not in "a topic she knew", "the points he hopes to see": an object relative;
        # nor in word salad: 'said said he said she told')
        w = _words(text, a, b2)[-1]
        return w.start(), w.end(), "pronoun"
    k = 0 if _PP_OPENERS.isdisjoint(words) else \
        next((i for i, w in enumerate(words) if i and w in _PP_OPENERS), 0)
    if k and _np_shape(words[:k]) == "name" and not (last is not None and last.group(0) == "and"):
        # "Nancy Pelosi at a press conference on Thursday said"
        return a, _words(text, a, b2)[k - 1].end(), "name"
    if _CONTACT_CUE_RE.match(text, cue0) is not None and \
            (cr := _CONTACT_RELATIVE_RE.search(text, a, b2)) is not None and text[lo:cr.start()].strip() and \
            all(w not in _STOP and w not in _PERSON_NOUNS and w not in _IRREGULAR_VERBS and w not in _NOT_CONTACT_HEADS and
                not _is_speaker_word(w) and not w.endswith(("ly", "ed", "ing")) for w in (cr[1] or "a", cr[2])) and \
            cr[2] not in _NOUN_THAT_FORMS and (s2 := _np_shape(_WORD_RE.findall(text, cr.start(3), b2))) is not None:
        # "– a decision the administration said would cause ...": a relative clause with no
        # "that" after the noun it hangs on, inside a sentence; its subject speaks, when the
        # gap is in the clause the cue reports (audit 22; not "the increase the administration
        # is proposing would be managed ...": the proposal is the increase)
        return cr.start(3), b2, s2
    shape = _np_shape(words)
    if shape is None:
        ws = _words(text, a, b2)
        return _name_suffix(text, ws) or _head_before_modifier(ws)
    if shape == "role" and _past_verb_object(words):
        # 'officials issued a statement strongly opposing ...': a clause, not a noun phrase
        return _verb_object_subject(_words(text, a, b2))
    if shape == "name" and last is not None and last.group(0) == "and" and \
            (ag := _AGENT_BY_RE.search(text, max(lo, last.start() - 80), last.start())) and \
            not _BE_BEFORE_RE.search(text, max(lo, ag.start() - 30), ag.start()) and \
            (head := _loose_subject(text, lo, ag.start())) is not None:
        # "experts consulted by ProPublica and The Texas Tribune said": the second name
        # shares the by-phrase; the subject is the phrase the participle hangs on (not in a
        # passive clause: "The clip was discovered by The Intercept and Reade confirmed")
        return head
    if shape in ("name", "role") and last is not None and last.group(0) == "and" and \
            not _SUCH_AS_RE.search(text, max(lo, prev_start - 9), prev_start):
        # "Trump and Ryan said", "Senators Lee and Park said", "Police and witnesses said":
        # joint speakers (but "people such as David and Charles Koch wanted" is no subject)
        la, lb = _trim_np(text, prev_start, last.start())
        fw = _WORD_RE.findall(text, la, lb)
        first = _np_shape(fw) if la < lb else None
        # (a name before a speaker noun only if short: not 'The exquisite calibration suggests Trump')
        if (first == "name" and text[la:la + 1].isupper() and (
                shape == "name" or len(fw) <= 4 and _speaker_noun(text, (a, b2, shape)))
                or first == "role" and shape == "role" and _speaker_noun(text, (la, lb, first))) and \
                not text[lo:la].rstrip().endswith(","):
            a = la  # (not the end of a list: "officials from Facebook, Twitter and Google")
    if text.endswith("ed", a, b2) and (pp := _released_participle(text, a, b2)) is not None:
        b2 = pp  # ("A CNN poll released earlier Friday showed": the poll, audit 23)
    return a, b2, shape


# a quantifier floated after the subject, with its time phrase: "... and Rick Perry all at
# various points said" (not a bare one: "we all know")
_FLOATING_QUANTIFIER_RE = re.compile(r"(?<=[A-Za-z])\s+all\s+(?:at|in|on|during)(?:\s+[a-z]+){1,3}\s*$")
# a claim noun that a relative clause with no "that" follows: ", a claim the GOP denies"
_CLAIM_HEAD_RE = re.compile(r"(?:a|an|the)\s+(?:[a-z]+\s+)?(?:claim|charge|accusation|allegation|assertion|notion|"
                            r"characterization|description|account|version|assessment|contention|suggestion)s?\s+"
                            r"(?=(?:the|a|an|his|her|their|its|many|some|most)\s|[A-Z])")
_CONTACT_CUE_RE = re.compile(
    r"(?:said|says|say|claimed|claims|argued|argues|insisted|insists|warned|warns|predicted|predicts|believes|"
    r"believed|thinks|thought|contends|contended|maintains|maintained|announced|announces|confirmed|revealed|"
    r"acknowledged|admitted|estimated|estimates)\s+(?:would|will|was|is|were|are|could|can|"
    r"might|may|should|had|has|have|he|she|they|it|we)\b")
# (claims denied, "the contractors behind the website": no head of a relative clause)
_NOT_CONTACT_HEADS = frozenset("point account conspiracy allegation accusation charge assertion behind around "
                               "inside outside near over under against among between into through without "
                               "within across like than".split())
# a noun, then the subject of a relative clause with no relative pronoun ("a decision the
# administration", "the same thing the president"; not a proper name: "the philosopher Thomas
# Kuhn", "a defiant Trump" are appositions as often); a claim's own relative is read elsewhere
# ("..., a claim the Kremlin has denied": the claim is the content)
_CONTACT_RELATIVE_RE = re.compile(r"\b(?:a|an|the|another|one|same)\s+(?:same\s+|kind\s+of\s+|sort\s+of\s+)?"
                                  r"(?:(?!(?:the|a|an)\b)([a-z][\w-]*)\s+)?(?!(?:the|a|an|of|for|at)\b)([a-z][\w-]*)\s+"
                                  r"((?:(?:the|a|an|his|her|their|its|many|some|most)\s+|[A-Z][\w.-]*['’]s\s+)[\w.'’-]+(?:\s+[\w.'’-]+){0,3})$")


def _relative_verb(text: str, rel: re.Match, w: str) -> bool:
    """Is ``w``, right after the relative pronoun ``rel``, the verb of its clause (so the
    clause has no subject of its own)? After "who" any lower-case word but a determiner or
    pronoun; after "that"/"which" only a past form, and only when "that" follows a noun, not a
    verb ("the fact that critics said" has a subject; "The survey found that registered voters
    said" is a that-clause)."""
    if not w[:1].islower() or w in _DETS or w in _PRONOUNS:
        return False
    r = rel.group(0).lower()
    if r == "who":
        return True
    if r not in ("that", "which") or not (w.endswith("ed") or w in _IRREGULAR_VERBS):
        return False
    m = _LAST_WORD_RE.search(text, max(0, rel.start() - 40), rel.start())
    before = m.group(0).lower() if m else ""
    return not (before.endswith("ed") or before in _IRREGULAR_VERBS or _norm(before) in speech_verbs()
                or before in _STOP)


# a participle's by-phrase naming an agent, right before a coordinating "and"
_AGENT_BY_RE = re.compile(r"\b[a-z]+(?:ed|en|wn)\s+by\s+(?:the\s+)?[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,4}\s*$")
_BE_BEFORE_RE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+)?$")
_SUCH_AS_RE = re.compile(r"\b(?:such\s+as|as|than|or|nor)\s*$")


# A document or sign right before a participle cue: "issued a statement Tuesday saying",
# "carrying signs reading", "a letter to donors arguing".
_DOCUMENT_BEFORE_RE = re.compile(
    r"\s(?:(?:a|an|the|his|her|their|its|this|that)\s+)?"
    r"(?:(?!(?:of|for|to|with|in|on|by|from|at|sent|put|wrote|gave|made|held|ran|took|\w+ed)\b)[\w-]+\s+){0,2}"
    r"(?:statement|press\s+release|release|letter|note|memo|e-?mail|message|tweet|post|video|ad|article|"
    r"advertisement|sign|banner|poster|placard|t-shirt|shirt|column|op-ed|fundraising\s+appeal|"
    r"appeal|petition|resolution)s?"
    r"(?:\s+to\s+(?:\w+\s+){0,2}?\w+)?(?:\s+(?:on\s+|last\s+)?(?:" + _DAYS + r"))?\s*,?\s*$")


_DOC_PREPOSITIONS = frozenset("with of in on from by to for at as like".split())


def _document_owner(text: str, lo: int, m: re.Match) -> tuple[int, int, str] | None:
    """'Sanders issued a statement saying ...': for a participle cue after a document noun, the
    subject of the clause that issued the document, or None."""
    if not m[0].endswith("ing"):
        return None
    d = _DOCUMENT_BEFORE_RE.search(text, max(lo, m.start() - 60), m.start())
    if d is None or d.start() <= lo:
        return None
    # the subject right before the issuing verb ("200 members of parliament signed"), else the
    # sentence's ("Hundreds of nurses gathered ..., carrying signs saying")
    verb = None
    for verb in _WORD_RE.finditer(text, max(lo, d.start() - 30), d.start()):
        pass
    if verb is not None and (verb.group(0).lower() in _DOC_PREPOSITIONS or not verb.group(0).islower()):
        # "with one of her ads asking", "a picture of a sign reading": no issuer; "a United
        # Nations Security Council resolution condemning": no verb before the document
        return None
    subj = _subject_before(text, lo, verb.start()) if verb is not None else None
    return subj if subj is not None else _main_subject(text, lo, d.start())


def _head_before_modifier(ws: list[re.Match]) -> tuple[int, int, str] | None:
    """'a Democratic staffer in the room': the head before a post-modifier, if it is a noun
    phrase."""
    k = next((i for i, w in enumerate(ws) if i and w[0] in ("in", "at", "from")), None)
    if k is None:
        return None
    head = [w.group(0) for w in ws[:k]]
    if any(w in _IRREGULAR_VERBS or w.endswith("ed") and w.islower() and head[j][:1].isupper()
           for j, w in enumerate(head[1:])):
        # a clause, not a noun phrase: "Cleveland sought the convention in ...", "Trump cited
        # Flynn in ..." (but "an unaligned official in the state" is one)
        return None
    shape = _np_shape(head)
    return (ws[0].start(), ws[k - 1].end(), shape) if shape in ("name", "role") else None


def _verb_object_subject(ws: list[re.Match]) -> tuple[int, int, str] | None:
    """'administration officials issued a statement strongly opposing': the subject of the
    past-tense verb whose object the participial cue modifies (see :func:`_past_verb_object`)."""
    words = [w.group(0) for w in ws]
    k = next((i for i in range(1, len(words) - 1) if _past_verb_object(words[i - 1:i + 2])), None)
    if k is None:
        return None
    # ("The high school where Hastert worked released a statement": the head before the relative)
    k = next((j for j in range(1, k) if words[j] in ("where", "who", "which", "that", "whose")), k)
    shape = _np_shape(words[:k])
    return (ws[0].start(), ws[k - 1].end(), shape) if shape in ("name", "role") else None


# a party tag and state after a name, then what may stand between it and a cue or relative:
# "Rep. Carlos Curbelo (R) of Florida has told", "Sen. James Lankford (R) of Oklahoma, who"
_PARTY_OF_RE = re.compile(r"\s*\((?:R|D|I)(?:-[A-Z][\w.]*)?\)\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*,?"
                          r"(?:\s*(?:has|had|have|also|is|was|will|would|again|then|later|once)\b)*\s*$")


def _party_tag(text: str, lo: int, end: int) -> int | None:
    """Where a party tag with a state that ends ``text[lo:end]`` starts (see ``_PARTY_OF_RE``)."""
    w0 = end - 60 if end - 60 > lo else lo  # (not max(): see _window_start)
    if text.find(") of ", w0, end) < 0:
        return None
    po = _PARTY_OF_RE.search(text, w0, end)
    return po.start() if po is not None and po.start() > lo else None
# a parenthetical between dashes right before the cue: " - who once said ... - "
_DASH_PAREN_RE = re.compile(r"(?:\s-{1,2}\s|\s?[—–]\s?)[^—–\n]{3,250}?(?:\s-{1,2}|\s?[—–])\s*$")
_PAREN_ADVERB_END_RE = re.compile(r"\)\s+[a-z]+ly$")
_PRE_CUE_TIME_RE = re.compile(
    rf"\s+(?:(?:last|this|next|on|late|early|earlier)\s+(?:\w+\s+)?(?:{_DAYS})|"
    r"(?:\w+\s+){1,4}ago|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"today|yesterday|tonight)\s*$")


def _name_suffix(text: str, ws: list[re.Match]) -> tuple[int, int, str] | None:
    """The proper name that ends a chunk the shape checker refused: ``Saturday at the
    convention Sen. Elizabeth Warren`` -> ``Sen. Elizabeth Warren``. Not after a preposition
    (``the report released by Paul Ryan``)."""
    k = len(ws)
    while k > 0 and ws[k - 1][0][:1].isupper() and len(ws) - k < 5:
        k -= 1
    if k == 0 or k == len(ws) or len(ws) - k < 2 and not ws[-1].group(0)[:1].isupper():
        return None
    prev = ws[k - 1].group(0).lower()
    if prev in _STOP or prev in _NP_INNER or prev in _DETS or prev.endswith(("'s", "’s")) or \
            ws[k - 1].group(0)[:1].isupper():
        return None
    names = [w.group(0) for w in ws[k:]]
    if _np_shape(names) != "name":
        return None
    return ws[k].start(), ws[-1].end(), "name"


_SHORT_PAREN_RE = re.compile(r"\([^()\s]{1,20}\)")


def _blank(m: re.Match) -> str:
    return " " * len(m.group(0))


_CLAUSE_COMMA_RE = re.compile(r",(?!(?<=\d,)\d)")  # not the comma of "70,000"


_COMMA_CONJ_CLAUSE_RE = re.compile(r",\s+(?:but|and|while|whereas|yet)\s+(?=[A-Z])")


def _subject_skip_apposition(text: str, lo: int, comma: int) -> tuple[int, int, str] | None:
    """``Starmer, who has seen ..., said`` / ``Harry Bond, 30, of Raleigh, N.C., said``.

    ``comma`` is the comma right before the cue. The first comma-separated segment of the
    clause (from ``lo``) must be a noun phrase; the others are appositions or relative clauses.
    """
    for mc in _COMMA_CONJ_CLAUSE_RE.finditer(text, lo, comma):
        lo = mc.end()  # "He will have to ..., but Mitch McConnell, R-Ky., says": a new clause
    cuts = [m.start() for m in _CLAUSE_COMMA_RE.finditer(text[lo:comma])]
    if not cuts or len(cuts) > 6:
        return None
    cuts = [lo + c for c in cuts]
    tagged = len(cuts) > 1 and _PARTY_TAG_RE.fullmatch(text, *_trim_np(text, cuts[-1] + 1, comma)) is not None
    if tagged:
        # "one of Trump's staunchest allies, Rep. Jim Jordan, R-Ohio, told": the party tag
        # belongs to the name before it
        comma = cuts.pop()
    # the clause starts after the last boundary that is not a comma
    start = lo
    # (a short parenthetical is not a boundary: "Sen. Richard J. Durbin (D-Ill.), noting ...")
    for m in re.finditer(r"[;:—–()\"“”]|\s-+\s", _SHORT_PAREN_RE.sub(_blank, text[lo:cuts[0]])):
        start = lo + m.end()
    bounds = [start - 1, *cuts, comma]
    if tagged and all(_fronted(text, bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 2)):
        # "Despite the lack of agreement, Sen. Chuck Schumer, D-N.Y., said": fronted phrases,
        # then the name that the party tag follows
        a, b = _trim_np(text, bounds[-2] + 1, comma)
        if a < b and _np_shape(text[a:b].split()) == "name" and _has_personal_name(text[a:b].split()):
            return a, b, "name"
    # "Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said": the
    # subject may follow fronted adverbial or participle clauses
    for i in range(min(3, len(bounds) - 2)):
        if i and not _fronted(text, bounds[i - 1] + 1, bounds[i]):
            return None
        if _adverb_phrase(text, bounds[i] + 1, bounds[i + 1]) or _AGO_END_RE.search(text, bounds[i] + 1, bounds[i + 1]) or \
                _time_phrase(text, bounds[i] + 1, bounds[i + 1]) or \
                text[bounds[i] + 1:bounds[i + 1]].strip().lower() in _COMMA_ADVERBS:
            # (also "Rather, Maine's effort ... is based on politics, not science, said ...", audit 22)
            continue  # "Most notably, a top staffer ..., said", "Roughly a month ago, Trump, ..., said", "This week, Steel, ..., argued"
        first_word = _WORD_RE.search(text, bounds[i] + 1, bounds[i + 1])
        if first_word is not None and first_word.group(0).lower() in _CONJUNCTIONS and \
                _WORD_RE.search(text, first_word.end(), bounds[i + 1]):
            pass  # "But Sen. Richard J. Durbin (D-Ill.), noting ..., said": a conjunction, then the subject
        elif first_word is not None and first_word.group(0).lower() in _LEAD_PREP and \
                not (first_word.group(0) in ("As", "as") and _np_shape(
                    _WORD_RE.findall(text, first_word.end(), bounds[i + 1])) == "name"):
            # "In a statement to the Observer, her adviser, Jake Sullivan, said"; but "As Akhil
            # Amar, a law professor, put it": the name after "As" is the subject
            continue
        elif first_word is not None and len(bounds) > i + 2 and _fronted_participle(text, first_word):
            continue  # "Addressing the Senate as minority leader, Chuck Schumer, of New York, said"
        second = text[bounds[i + 1] + 1:bounds[i + 2]].strip()
        if (second[:1].isupper() or _premodified_name(second)) and i + 2 == len(bounds) - 1:
            # "In a statement, her senior policy adviser, Jake Sullivan, said": a role, then
            # the name as its apposition, right before the cue (also "Another skeptic,
            # moderate Republican Susan Collins of Maine, says")
            ra, rb = _trim_np(text, bounds[i] + 1, bounds[i + 1])
            na, nb = _trim_np(text, bounds[i + 1] + 1, bounds[i + 2])
            rwords = text[ra:rb].split()
            rshape = _np_shape(rwords)
            if rshape is None and _has_personal_name(text[na:nb].split()):
                # ("One Trump voter in Arizona, Carl Bier, told", "One of the lawmakers who
                # backed the strategy, Rep. Ted Yoho of Florida, said": the role before its
                # relative clause, else before its post-modifier)
                for stop in (_RELATIVES, _POST_MODIFIERS):
                    k = next((k for k, w in enumerate(rwords) if k and w in stop), 0)
                    if k and (rshape := _np_shape(rwords[:k])) is not None:
                        break
            if (rshape == "role" or rshape == "name" and text[ra:ra + 1].islower() and
                    _has_personal_name(text[na:nb].split())) and _np_shape(text[na:nb].split()) == "name":
                # ("the director of the FBI, James B. Comey,": a role with a name in it)
                # The mention is both: the name is read from its end, the group from the
                # role ("A White House spokesman, Josh Earnest": Josh Earnest, us)
                return ra, nb, "name"
        if not second or i and not (second[0].islower() or second[0].isdigit()):
            continue  # (after a fronted clause: "..., Suu Kyi, 70, said")
        a, b = _trim_np(text, bounds[i] + 1, bounds[i + 1])
        for m in _CLAUSE_WORD_RE.finditer(text, a, b):
            a = m.end()
        a, b = _trim_np(text, a, b)
        if a >= b:
            continue
        ws = _WORD_RE.findall(text, a, b)
        shape = _np_shape(ws)
        # "Amy Pope, deputy homeland security advisor, said": after a personal name any
        # lower-case phrase is an apposition
        if shape in ("name", "role") and (_apposition_start(second) or shape == "name" and
                                          second[0].islower() and _has_personal_name(ws)):
            return a, b, shape
    return None


def _apposed_subject_after_clause(text: str, lo: int, comma: int) -> tuple[int, int, str] | None:
    """'CLAUSE, Tad Devine, his top aide, said.' / 'CLAUSE, his top aide, Tad Devine, said.':
    a name and its apposition, in either order, as the last two comma segments before the cue
    (``comma`` is the comma right before it); the clause before them is the content."""
    cuts = [m.start() for m in _CLAUSE_COMMA_RE.finditer(text, lo, comma)]
    if len(cuts) < 2:
        return None
    xa, xb = _trim_np(text, cuts[-2] + 1, cuts[-1])
    for c in _CLAUSE_WORD_RE.finditer(text, xa, xb):
        xa = c.end()  # ("..., and Michael Steel, a spokesman, said", "though Steven A. Camarota")
    while xa < xb and (text[xa].isspace() or text[xa] in "\"“”'‘’"):
        xa += 1
    ya, yb = _trim_np(text, cuts[-1] + 1, comma)
    if xa >= xb or ya >= yb or len(_WORD_RE.findall(text, lo, cuts[-2])) < 3:
        return None
    xs = _np_shape(_WORD_RE.findall(text, xa, xb))
    ys = _np_shape(_WORD_RE.findall(text, ya, yb))
    if xs == "name" and _has_personal_name(text[xa:xb].split()) and (
            ys == "role" or text[ya:ya + 1].isdigit() or ys == "name" and text[ya:ya + 1].islower()):
        return xa, xb, "name"  # "Tad Devine, his top aide," / "Tad Devine, 62,"
    if xs == "role" and ys == "name" and _has_personal_name(text[ya:yb].split()):
        return xa, yb, "name"  # "his top aide, Tad Devine,": the name is read from the end
    return None


def _apposition_start(seg: str) -> bool:
    """May ``seg`` follow a subject as an apposition or relative clause (``who ...``, ``a
    pollster``, ``30``, ``speaking on condition of anonymity``)?"""
    first_word = seg.split(None, 1)[0].lower()
    return (first_word in ("who", "whose", "which", "a", "an", "the", "of", "from", "now", "then",
                           "himself", "herself", "too", "like",
                           # a parenthetical: "Trump, in Kentucky, said", "Smith, however, said"
                           "in", "at", "on", "during", "for", "however", "meanwhile", "though",
                           "also", "instead",
                           # "Mario Vargas Llosa, one of the signatories, told"
                           "one", "both", "all", "each", "among", "two", "three")
            or seg[0].isupper() or seg[0].isdigit() or first_word in _POSSESSIVE_DETS
            or first_word in _roles().get("roles", ()) or first_word in _roles().get("titles", ())
            or seg[0].islower() and first_word.endswith(("ing", "ed")) and len(first_word) > 4)


def _fronted(text: str, a: int, b: int) -> bool:
    """Is ``text[a:b]`` a fronted adverbial or participle clause (``Alarmed by the unrest``,
    ``In a statement``, ``Speaking to reporters``)?"""
    w = _WORD_RE.search(text, a, b)
    if w is None:
        return False
    lw = w.group(0).lower()
    return lw in _LEAD_PREP or len(lw) > 4 and lw.endswith(("ed", "ing")) or lw in _DAY_WORDS or \
        _adverb_phrase(text, a, b) or _AGO_END_RE.search(text, a, b) is not None or _time_phrase(text, a, b) or \
        lw in _COMMA_ADVERBS and not text[w.end():b].strip()  # ("Roughly a month ago,", "Nevertheless,")


def _time_phrase(text: str, a: int, b: int) -> bool:
    """Is ``text[a:b]`` a time phrase such as "This week" or "last year" (before a comma)?"""
    w = _WORD_RE.search(text, a, b)
    return w is not None and w.group(0).lower() in _TIME_DEICTICS and _TIME_PHRASE_RE.fullmatch(text, w.start(), b) is not None


def _fronted_participle(text: str, w: re.Match) -> bool:
    """Does the capitalised word ``w`` open a participle clause ("Addressing the Senate",
    "Asked about the plan"), not a name or noun ("Manning", "Morning", "Red Wing")?"""
    word = w.group(0)
    nxt = _WORD_RE.match(text, w.end() + 1)
    return len(word) > 4 and word[:1].isupper() and word.endswith(("ing", "ed")) and \
        word not in _first_names() and word.lower() not in _ING_NOUNS and nxt is not None and nxt.group(0).islower()


# adjectives that open a fronted phrase about the subject, like a participle ('Aware that the
# court could uphold the law, Republicans ...', audit 18)
_FRONTED_ADJECTIVES = frozenset("Aware Unaware Mindful Conscious Wary Eager Anxious Keen Confident Afraid Fearful "
                                "Unable Unwilling Careful Sure Unsure Certain Uncertain Desperate Ready Hopeful "
                                "Skeptical Sceptical Critical Supportive Unhappy Happy Angry Upset Fresh".split())


_ING_NOUNS = frozenset("morning evening building wedding nothing something anything everything spring "
                       "string thing king during according including following regarding concerning".split())


_AGO_END_RE = re.compile(_whole_words("ago later earlier") + r"\s*$")


def _adverb_phrase(text: str, a: int, b: int) -> bool:
    """``Most notably``, ``More importantly``, ``Similarly``: a sentence adverb, no subject."""
    ws = text[a:b].split()
    return 0 < len(ws) <= 3 and ws[-1].endswith("ly") and len(ws[-1]) > 4 and \
        all(w.islower() for w in ws[1:]) and ws[-1].lower() not in _LY_NOUNS


_LY_NOUNS = frozenset("ally family assembly supply rally monopoly anomaly italy july".split())


_LEAD_ADVERBS = frozenset("later earlier then still but and however meanwhile instead even".split())  # ("But even while ...,")


# "Back in September, Obama created ...": the words after a fronted "back" (audit 21)
_BACK_THEN = frozenset("in on at when then during home".split())
_DEGREE_WORDS = frozenset("more most much even very just so quite rather".split())


_PLACE_APPOSITION_RE = re.compile(r"(?:the|a|an)\s+(?:site|scene|home|hometown|capital|seat|birthplace|city|town|"
                                  r"state|venue|heart|center|centre)\b")


def _adverb_then_phrase(text: str, a: int, hi: int) -> bool:
    """After a participle and an adverb, does a preposition or determiner follow ("Working now
    for Liberty Justice Center, Janus ...", audit 24)? Not a verb: "Boeing initially saw"."""
    w = _WORD_RE.search(text, a, hi)
    return w is not None and (w[0] in _PREPOSITIONS or w[0] in _DETS)


def _skip_fronted(text: str, a: int, hi: int) -> int | None:
    """Start of the subject after fronted phrases: ``At a rally in Portsmouth, N.H., on
    Tuesday, Senator Bernie Sanders ...``, ``Facing mounting criticism, Mr. Trump ...``,
    ``Hours later, Trump ...``. None when a fronted phrase has no comma after it."""
    moved = prep = phrase = False
    for _ in range(5):
        # (the first two serve: two searches, as finditer would find them, cost less than its scanner)
        e40 = a + 40 if a + 40 < hi else hi  # (not min(): see _window_start)
        w1 = _WORD_RE.search(text, a, e40)
        w2 = _WORD_RE.search(text, w1.end(), e40) if w1 is not None else None
        ws = [w for w in (w1, w2) if w is not None]
        if not ws:
            return a
        c = text.find(",", a, a + 120 if a + 120 < hi else hi)
        lw = ws[0][0].lower()
        nxt = ws[1][0] if len(ws) > 1 else ""
        participle = len(lw) > 4 and lw.endswith(("ing", "ed")) and (nxt.islower() or nxt in _WEEKDAYS) and \
            (nxt not in _AUX or nxt not in _FINITE_AUX and _adverb_then_phrase(text, ws[1].end(), e40)) and \
            text[ws[0].end():ws[0].end() + 1] != "," or \
            ws[0][0] in _FRONTED_ADJECTIVES and nxt in ("that", "of", "to", "about", "with", "for", "from")  # ("Fresh from ...,", audit 23)
        if lw in _LEAD_ADVERBS and text[ws[0].end():ws[0].end() + 1] != ",":
            # "Later the governor hit back ...": a one-word adverb, no comma to look for; but
            # "Earlier this week, Todd pressed ...": a time phrase up to the comma
            t = _TIME_TAIL_RE.match(text, ws[0].end(), hi)
            a, moved, prep = (t.end() if t else ws[0].end()), True, False
            continue
        if lw in _COMMA_ADVERBS and text[ws[0].end():ws[0].end() + 1] == ",":
            # "First, she and other Democrats refused ...", "Rather, he said ..." (and no place
            # goes on from it: "Meanwhile, Rep. Jamie Raskin, Maryland Democrat, disagreed")
            a, moved, prep = ws[0].end() + 1, True, False
            continue
        # ("Carly Fiorina", "Kelly Ayotte": a name ending in -ly is not an adverb; "More recently,")
        adverb = lw.endswith("ly") and lw not in _NOT_ADV and not (ws[0].group(0)[:1].isupper() and nxt[:1].isupper()) \
            or lw in _DEGREE_WORDS and nxt.endswith("ly") and text[ws[1].end():ws[1].end() + 1] == ","
        if lw == "to" and c > 0 and _TO_FRONT_RE.match(text, a, c + 1):
            # "To the contrary, at a news conference ..., Mr. Trump backed away" (audit 20)
            a, moved, prep, phrase = c + 1, True, False, True
            continue
        if lw in _LEAD_PREP or adverb or participle or lw in _TIME_SPANS and nxt in ("after", "before", "into") or \
                lw == "back" and nxt in _BACK_THEN or c > 0 and (_TIME_END_RE.search(text, a, c) or _time_phrase(text, a, c)):
            if c < 0:
                return None if not moved else a
            # (a participle's place goes on too: "Interviewed Saturday at a Biden rally in
            # Manchester, New Hampshire, the 69-year-old said")
            a, moved, prep = c + 1, True, lw in _LEAD_PREP or lw in _TIME_SPANS or \
                participle and _PLACE_PREP_RE.search(text, a, c) is not None
            phrase = lw not in _CONJUNCTIONS
            continue
        if prep and c > 0 and _PLACE_RE.fullmatch(text, a, c):
            # "in Salem, New Hampshire, Trump ...": a place name continuing the fronted phrase
            # (not "In a statement, Smith, a Republican, said": an apposition follows)
            nxt_seg = text[c + 1:c + 30].lstrip()
            c2 = text.find(",", c + 1, min(hi, c + 40))
            if nxt_seg[:1].isupper() or re.match(r"(?:on|in|at|last|this)\b", nxt_seg) or \
                    c2 > 0 and _TIME_END_RE.search(text, c + 1, c2):
                a = c + 1  # (also "in Coconut Creek, Fla., two days later, ...")
                continue
            c3 = text.find(",", c + 1, min(hi, c + 80))
            if c3 > 0 and _PLACE_APPOSITION_RE.match(nxt_seg) and text[c3 + 1:c3 + 3].lstrip()[:1].isupper() and \
                    not _QUOTE_MARK_RE.search(text, c + 1, c3):
                # "At a service in Newtown, Conn., the site of Friday's massacre, President Barack
                # Obama ...": the place's apposition ends the fronted phrase too
                a = c3 + 1
                continue
        if prep and phrase and (pt := _PAREN_TAG_LEAD_RE.match(text, a, hi)) is not None:
            # "With each passing day, aides said, Mr. Obama has taken note": a parenthetical
            # attribution after a fronted phrase, then the subject (but "But, Kirby said, they
            # ...": after a conjunction the attribution is the sentence's own)
            a = pt.end()
            continue
        break
    return a


_PAREN_TAG_LEAD_RE = re.compile(
    r"\s*(?:[\w'’.-]+\s+){0,2}[\w'’-]+\s+(?:said|says|added|adds|noted|notes|argued|argues|explained)\s*,(?=\s*\w)")
_TIME_END_RE = re.compile(_whole_words("later earlier ago before") + r"\s*$")
# "Hours after 14 people were killed ..., a familiar voice ...": a time phrase up to the comma
_TIME_SPANS = frozenset("moments minutes hours days weeks months years shortly soon just only".split())
# "This week, Trump revived ...": a time phrase up to the comma
_TIME_PHRASE_RE = re.compile(r"\w+\s+(?:same\s+|very\s+|following\s+|previous\s+)?"
                             r"(?:week|weekend|month|year|spring|summer|fall|autumn|winter|day|night|morning|evening)\s*")
_TIME_TAIL_RE = re.compile(
    r"\s+(?:(?:this|that|last|in\s+the|on|that\s+same)\s+(?:day|week|weekend|month|year|morning|afternoon|"
    r"evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|fall|autumn|"
    r"winter)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?)\s*,", re.IGNORECASE)  # (also "Earlier Friday,")
# a participle's place before the comma ("Interviewed Saturday at a Biden rally in Manchester,")
_PLACE_PREP_RE = re.compile(r"\b(?:in|at)\s+[A-Z][\w.-]*\s*$")
_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())  # ("Appearing Sunday on ...,")
# a fronted discourse phrase with "to": "To the contrary,", "To be sure,", "To that end,"
_TO_FRONT_RE = re.compile(r"\s*To\s+(?:the\s+contrary|be\s+(?:sure|fair|clear)|that\s+end|this\s+end|date|"
                          r"(?:his|her|their|its)\s+credit|some\s+extent|a\s+degree|put\s+it\s+\w+),")
# One-word sentence adverbs that a comma sets off before the subject.
_COMMA_ADVERBS = frozenset(
    "first second third fourth finally rather instead still yet now today again already indeed thus therefore "
    "moreover nevertheless nonetheless besides otherwise plus overall afterward afterwards here there "
    "so then also perhaps maybe meanwhile likewise similarly conversely anyway sometimes often regardless "
    "well yes together".split())
# sentence adverbs that keep the speaker ("Perhaps, he said, ..."); not "Meanwhile, Biden said"
_EPISTEMIC_ADVERBS = frozenset("perhaps maybe indeed still yes no well so now then".split())
_PLACE_RE = re.compile(r"\s*(?:[A-Z][\w.'’-]*\s*){1,3}")


_DAY_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday "
                       "tonight earlier later".split())


_NP_AFTER_STOP_RE = re.compile(
    r"[,.;:!?—–()\"“”]|\s(?:in|on|at|during|after|before|when|while|as|to|who|which|that|"
    r"last|this|told|said|says|adding|and\s+(?:said|added))\b")
_NP_AFTER_FOLLOW_RE = re.compile(
    r"\s*(?:[,.;:!?()—–\"”’]|$|(?:in|on|at|during|after|before|when|while|as|to|who|which|that|"
    r"last|this|adding|and)\b)")


def _np_after(text: str, pos: int, hi: int) -> tuple[int, int, str] | None:
    """The noun phrase right after a cue (``said Geoff Garin, a pollster``).

    It must end the clause: what follows is punctuation, the end, or an adverbial.
    """
    m = re.match(r"\s+", text[pos:hi])
    if not m:
        return None
    a = pos + m.end()
    s = _NP_AFTER_STOP_RE.search(text, a, hi)
    # "U.S." etc: a period that belongs to an abbreviation does not end the NP
    while s and text[s.start()] == "." and s.start() + 1 < hi and \
            _ABBR_END_RE.search(text, max(a, s.start() - 4), s.start()):
        s = _NP_AFTER_STOP_RE.search(text, s.start() + 1, hi)
    b = s.start() if s else hi
    if not _NP_AFTER_FOLLOW_RE.match(text, b, hi) and b < hi:
        return None
    a2, b2 = _trim_np(text, a, b)
    if a2 >= b2:
        return None
    ws = _words(text, a2, b2)
    shape = _np_shape([w.group(0) for w in ws])
    if shape is None:
        # 'said one Republican involved in the planning': the head before a post-modifier
        k = next((i for i, w in enumerate(ws) if i and w.group(0) in _POST_MODIFIERS), None)
        if k is not None:
            b2 = ws[k - 1].end()
            shape = _np_shape([w.group(0) for w in ws[:k]])
    if shape is None and text[a2:b2].lower() in _QUANTIFIER_PRONOUNS:
        shape = "role"  # '"...," tweeted another.', '"...," read one.'
    if shape is None or shape == "pronoun" and text[a2:b2].lower() not in _PERSONAL | {"they"}:
        return None
    if _TIME_NP_RE.fullmatch(text, a2, b2):
        return None  # 'said Wednesday, "..."': a time, not a speaker
    return a2, b2, shape


_TIME_NP_RE = re.compile(
    rf"(?:(?:on|last|this|next|early|late|earlier)\s+)?(?:{_DAYS}|January|February|March|April|June|"
    rf"July|August|September|October|November|December|\d{{4}})(?:\s+(?:morning|afternoon|evening|night|"
    rf"\d{{1,2}}))?|May\s+\d{{1,2}}", re.IGNORECASE)  # ("said May" is Theresa May; "said May 3" a date)
_QUANTIFIER_PRONOUNS = frozenset("one another others some many several both".split())
_POST_MODIFIERS = frozenset(
    "involved familiar close briefed knowledgeable speaking working who whose with from at in of on".split())
_ABBR_END_RE = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Sens?|Reps?|Govs?|Gen|St|Jr|Sr|Lt|Col|Ft|Capt|Sgt|Adm|Maj|Cmdr|Det|Rev|Prof))$")


_UNITS = "seconds|minutes|hours|days|weeks|months|years|decades"  # (plural; "-s?" after each for either number)
_UNITS_EITHER = _UNITS.replace("s|", "s?|") + "?"
_TIME_ONLY_RE = re.compile(
    r"(?:(?i:a|an|the|this|that|last|next|same|past|prior|coming|following|few|several|some|many|every|half|"
    r"split|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s+){0,3}"
    rf"(?:{_UNITS_EITHER}|millennia)(?:\s+(?:later|ago|earlier))?")
_AGO_TAIL_RE = re.compile(
    r"\s+(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several|many|some|\d+)\s+"
    rf"(?:{_UNITS_EITHER})\s+|(?:{_UNITS})\s+)?(?:later|ago|earlier)$")
_AGO_LEAD_RE = re.compile(rf"(?:[\w-]+\s+){{1,2}}(?:{_UNITS})\s+(?:later|ago|earlier)\s+(?=\w)")
# adverbs between a subject and its cue that the subject's words may have taken in
_TRAILING_ADVERBS = frozenset(
    "sometimes always usually frequently repeatedly recently publicly privately soon also still never".split())
_PRONOUNS_DETS = _PRONOUNS | _DETS


_LEAD_CLOSING_RE = re.compile(r"[’'”\"]+\s+")


_REFLEXIVES = frozenset("himself herself themselves itself".split())


def _trim_mention(text: str, a: int, b: int) -> tuple[int, int]:
    """A speaker mention without a sentence adverb before it ("Maybe Republicans") or the
    main clause's verb after it ("McConnell went further, criticizing ...": McConnell)."""
    if text[a] in "’'”\"" and (m0 := _LEAD_CLOSING_RE.match(text, a, b)) is not None:
        a = m0.end()  # ('... military members,’’ he said': closing marks the pairing did not read as one)
    if _SPACE_RE.search(text, a, b) is None:
        return a, b  # (one word, most mentions: nothing to cut)
    ws = _words(text, a, b)
    if len(ws) > 1 and (ws[0][0] in _SENTENCE_ADVERBS or
                        ws[0][0][-2:] == "ly" and _LY_ADVERB_RE.fullmatch(ws[0][0]) and
                        ws[0].group(0).lower() not in _LY_NOUNS and ws[1].group(0)[:1].isupper()):
        a = ws[1].start()  # ("Initially Sanger": an adverb, then the name)
        ws = ws[1:]
    if (tl := _AGO_LEAD_RE.match(text, a, b)) is not None and tl.end() < b:
        a = tl.end()  # ("Nine minutes later Trump [tweeted]": a time phrase with no comma)
        ws = _words(text, a, b)
    if text.endswith(("later", "ago", "earlier"), a, b) and (tt := _AGO_TAIL_RE.search(text, a, b)) is not None and \
            tt.start() > a and not _TIME_ONLY_RE.fullmatch(text, a, b):
        b = tt.start()  # ("Trump himself months ago", "The White House earlier": the subject)
        ws = _words(text, a, b)
    k = next((k for k in range(1, len(ws) - 1) if ws[k][0] in _STATEMENT_VERBS and
              _NAME_WORD_END_RE.fullmatch(ws[k - 1].group(0))), None)
    if k is not None:
        b = ws[k - 1].end()  # "President Obama released a statement Thursday [condemning ...]": the subject
    elif len(ws) > 1 and ws[-1][0] in _MAIN_VERBS:
        b = ws[-2].end()
    elif len(ws) > 1 and (ws[-1].group(0) in _TRAILING_ADVERBS or ws[-1].group(0) in _REFLEXIVES) and \
            ws[-2].group(0).lower() not in _PRONOUNS_DETS:
        # ("Conspiracy theorists sometimes [suggest]", "Several Republican lawmakers publicly",
        # "Walesa himself", audit 23)
        b = ws[-2].end()
    elif len(ws) > 2 and ws[-1].group(0).lower() in _PRONOUNS and (
            ws[0].group(0).lower() in _MENTION_PREPS or ws[0].group(0).endswith("ing") or
            ws[0].group(0).lower() in ("and", "but", "so", "then", "yet")):
        # ("and in a fourth message he said")
        a = ws[-1].start()  # "at the mention of email she laughed and admitted": she
    return a, b


def _bad_mention(text: str, a: int, b: int) -> bool:
    """Is ``text[a:b]`` no speaker at all: a fronted phrase ("Shortly after California voters",
    "Emphasizing the bipartisan support of the bill", "At a news conference Friday to announce
    he") or a lone sentence adverb ("Perhaps")? (audit 4, class G)"""
    if text[a - 1:a] == "(" and text[b:b + 1] == ")" and _DATELINE_BEFORE_RE.search(text, max(0, a - 40), a - 1):
        return True  # a dateline: "(CNN) Just days after insisting ...", "WASHINGTON (AP) —"
    if _SPACE_RE.search(text, a, b) is None:
        w = _WORD_RE.search(text, a, b)  # (one word, most mentions)
        return w is not None and (w[0] in _SENTENCE_ADVERBS or w[0] in _MENTION_PREPS or
                                  w[0][:1].isdigit() and not w[0][-1:].isalpha() and text[b - 1:b] != "%" or
                                  # (a bare number: "2012 suggested", "364,000 confirmed"; "52%" stays)
                                  w[0] in ("What's", "What’s") or w[0].lower() in _FUNCTION_MENTIONS or
                                  w[0][-2:] == "ly" and _LY_ADVERB_RE.fullmatch(w[0]) is not None and
                                  not _named_in_full(text, w.group(0)) or
                                  w[0] in _MONTH_WORDS and _MONTH_BEFORE_RE.search(text, max(0, a - 8), a) is not None
                                  and not _given_name_before(text, w.group(0))) or \
            text[a + 1:a + 2] == "-" and _PARTY_TAG_RE.fullmatch(text, a, b) is not None  # (a party tag alone: "R-Ky.")
    ws = _WORD_RE.findall(text, a, b)  # (the words only: no offsets are read)
    if not ws:
        return False
    w = ws[0]
    last = ws[-1].lower()
    if w.lower() in _CLAUSE_OPENING_MENTIONS:
        return True  # ("Despite the ...", "Whether he ...": a clause; but "including Sen. Ted Cruz" names one)
    if _TIME_ONLY_RE.fullmatch(text, a, b):
        return True  # ("Nine minutes later", "A split second later", "This past week": a time, not a speaker)
    before = ws[-2].lower() if len(ws) > 1 else ""
    if before and last in _DANGLING_ENDS and ws[-1].islower() and not (last == "of" and (before in _OF_HEADS or before in _DOCUMENT_NOUNS or
                                                        before[:1].isdigit())) and \
            not (last in ("there", "that") and (before in _BE_FORMS or before in _DO_SAY_FORMS)) and \
            not (last == "the" and before == "on"):  # ("Some on the [left]": a referent cut at a word read as a verb)
        # "one of", "He admits there", "She wept when", "For the first": a cut phrase or a
        # clause (but "Just 30 percent of", "57% of", "A CNN poll of": a count or poll cut
        # before its object; "officials who were there", "the people doing that")
        return True
    if w in _FINITE_VERBS or w.islower() and w in _IRREGULAR_VERBS or w.lower() in ("that’s", "that's") or \
            any(ws[k] in _FINITE_VERBS and _clause_subject(ws, k) for k in range(1, len(ws))) or \
            any(ws[k].endswith("ed") and ws[k].islower() and k + 1 < len(ws) and
                _NAME_WORD_END_RE.fullmatch(ws[k - 1]) and ws[k + 1].islower() and
                ws[k + 1] not in _STOP and _clause_subject(ws, k) for k in range(2, len(ws) - 1)) or \
            any(ws[k] in _IRREGULAR_VERBS and ws[k - 1][:1].isupper() and ws[k + 1].islower()
                and _clause_subject(ws, k) for k in range(1, len(ws) - 1)):
        # "Berg led a workshop", "The president began", "One email appears to show", "came out
        # against the measure", "That's another reason why": a clause
        return True
    if (w.lower() in ("asked", "it’s", "it's", "there’s", "there's") or
            w.islower() and w.endswith("ing") and len(w) > 4 and "-" not in w and w not in _ING_ADJECTIVES
            and w not in _ING_NOUN_HEADS) \
            and not any(x[:1].isupper() for x in ws[1:]):
        # "Asked by a reporter if he ...", "it's worth noting that he's", "leaving untold
        # numbers": a clause, no speaker (but "including Sen. Ted Cruz" names one)
        return True
    if len(ws) == 1:
        return w in _SENTENCE_ADVERBS  # (a lone capitalised preposition is a surname: "From said")
    if w.lower() in ("let", "let’s", "let's") or w in ("Oh", "Once"):
        return True  # the writer's or a speaker's own "Let me say", "Let's just say"; "Oh God"; "Once again"
    if w.lower() in _TIME_SPANS and ws[1] in ("after", "before"):
        return True  # a fronted clause: "Soon after White House counselor Kellyanne Conway [congratulated ...]"
    if w.lower() in _MENTION_PREPS and ws[1].lower() not in ("least", "most") and not (
            w.lower() in _NAMING_PREPS and any(x[:1].isupper() for x in ws[1:])) or w == "Like":
        # (not "At least half of voters"; "For all the problems confronting Democrats" is no speaker,
        # but "Among the other executive actions Obama is vowing" and "As for Mr. Trump, he" name one)
        return True
    if last == "ago" and (w.lower() in _COUNT_WORDS or _NUMBER_WORD_RE.fullmatch(w.lower())) or \
            len(ws) == 2 and w.lower() in _TIME_DEICTICS and last in _TIME_UNITS:
        return True  # a time phrase: "Two months ago, McConnell, whom ...", "And last week, two former officials"
    # a participle clause: "Emphasizing the bipartisan support", "Walking to the next address"
    # (not "Wyoming GOP chairman Matt Micheli", "Channing D. Phillips")
    return w[:1].isupper() and w.endswith("ing") and len(w) > 4 and w.lower() not in _ING_ADJECTIVES and (
        ws[1].lower() in _CLAUSE_OPENERS or w.lower() in _VERB_ONLY_ING)  # (not "Struggling countries")


_SPACE_RE = re.compile(r"\s")


def _named_in_full(text: str, word: str) -> bool:
    """Does the article name ``word`` after a given name or courtesy title ("Terry Mattingly",
    "Mr. Connally"): a surname, though it ends like an adverb?"""
    return re.search(rf"(?:\b[A-Z][a-z]+|\b(?:Mr|Mrs|Ms|Dr)\.)[ \u00a0]+{re.escape(word)}\b", text) is not None


def _given_name_before(text: str, word: str) -> bool:
    """Does the article name ``word`` after a known given name or a title ("Theresa May",
    "Prime Minister May"; not "That June")?"""
    for m in re.finditer(rf"\b([A-Z][\w.]*)[ \u00a0]+{re.escape(word)}\b", text):
        b = m.group(1)
        if b in _first_names() or b in _either_names() or b in _OFFICE_TITLE_WORDS or b in _TITLE_GENDER:
            return True
    return False


def _clause_subject(ws: list[str], k: int) -> bool:
    """Are the words before the verb ``ws[k]`` of a mention one noun phrase, its subject
    ("The president began", "President Obama won"), not a noun with a relative clause of its
    own ("the officials who came", "the experts I spoke to", "testimony the former FBI
    director gave", "a letter Charles Koch sent")?"""
    for j in range(1, k):
        x = ws[j]
        if x.lower() in _RELATIVES or x in _CONTACT_SUBJECTS or x[:1].isupper() and ws[j - 1].islower() and j > 1:
            return False
    return True


# verbs of putting out words, whose subject speaks through what it put out
_STATEMENT_VERBS = frozenset("released issued published posted sent tweeted penned delivered unveiled".split())
# a capitalised name word (not "Trump’s" or "U.S."), before a past tense in a mention:
# "Senate Republican Leader Mitch McConnell joined conservatives [threatening ...]"
_NAME_WORD_END_RE = re.compile(r"(?![A-Z][a-z]*ly$)[A-Z][A-Za-z-]*[a-z]")  # (not "Recently released data")
_CONTACT_SUBJECTS = frozenset("I we you he she they the a an his her their its our my".split())
# present tenses that are never nouns: a mention holding one is a clause ("Rosenstein avoids any
# suggestion that Comey", "Prominent millionaires respond to these proposals by threatening to leave")
_PRESENT_VERBS = frozenset("appear continue continues respond responds goes makes puts gets takes gives avoids "
                           "believes cancels examines flashes".split())
# verb forms that are finite, never a participle or a noun: inside a mention they make it a clause
_FINITE_VERBS = frozenset("began became came went took wrote spoke knew saw broke drew fell flew grew rose threw chose "
                          "drove stole wore shook forgot ate gave did ran withdrew overcame underwent oversaw overtook "
                          "foresaw appears seems begins acknowledges becomes".split()) | _PRESENT_VERBS
_RELATIVES = frozenset("who whom whose which that".split())
_LY_ADVERB_RE = re.compile(r"[A-Z][a-z]{2,}(?:ally|ously|edly|ively|ently|antly|ately|ctly|ingly|ibly)")  # (not 'Beverly', 'Nathaly', 'Openly Secular')
# -ing words that open a noun phrase, not a clause ("swing voters", "polling and responses")
_ING_NOUN_HEADS = frozenset("something nothing anything everything including according swing polling tracking "
                            "opening ruling voting housing funding spending building meeting hearing training "
                            "shooting reporting bombing rating ratings king".split())
_DATELINE_BEFORE_RE = re.compile(r"(?:^|\n)[ \t]*(?:[A-Z][A-Z.,' -]*)?$")
_SENTENCE_ADVERBS = frozenset("Today Yesterday Tonight Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
                              "Worth Sure "
                              "Perhaps Maybe Probably Clearly Obviously Surely Certainly Indeed Fully Even "
                              "Still Also Now Then Meanwhile Instead Ironically Notably Interestingly "
                              "Predictably Unsurprisingly Similarly Likewise Dishonestly Thus Hence Yet Later Earlier Finally Again "
                              "Further Furthermore Moreover Additionally Besides Nonetheless Nevertheless Therefore "
                              "Regardless Whatever Ahead Aside Alongside Amid Above Well Yes And Late Nor Together".split())
# months, no speakers ("That June, former FBI director James B. Comey, told"), unless named in full ("Theresa May")
_MONTH_WORDS = frozenset("January February March April May June July August September October November December".split())
# last words that leave a speaker phrase cut: "one of", "He admits there", "the first"
# a word that makes a month a date ("That June", "in late April", "as early as March"), or a
# sentence start ("February saw a bump"); not '"...," said May'
_MONTH_BEFORE_RE = re.compile(r"(?:\b(?:[Tt]hat|[Tt]his|[Ll]ast|[Nn]ext|[Ee]arly|[Ll]ate|[Mm]id|in|since|until|by|of|[Ee]ach|[Ee]very|as|"
                              r"after|before|and|through)[ \u00a0-]+|(?:^|[.!?\n])[\s\"“”]*)$")
_DANGLING_ENDS = frozenset("of that when there than as which if whether first the a an his her their its our my your "
                           "in on for by at from into about".split())  # (not "to", "with": "the experts I spoke to")
# words that are no speaker alone ("the", "for", "including", "Despite", "Whether"), and those of
# them that open a clause, no speaker phrase
_CLAUSE_OPENING_MENTIONS = frozenset("though although despite whether if while because unless".split())
_FUNCTION_MENTIONS = _CLAUSE_OPENING_MENTIONS | frozenset("the a an for to with by including it’s it's let’s let's oh once".split())  # (not "his": "his claim")
_NAMING_PREPS = frozenset("for among amongst".split())
_NUMBER_WORD_RE = re.compile(r"\d[\d,.]*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|eleven|twelve|"
                             r"[a-z]+teen|hundred|dozens?|hundreds|thousands)(?:-[a-z]+)?")
_COUNT_WORDS = frozenset("a an one two three four five six seven eight nine ten few several some many".split())
_TIME_DEICTICS = frozenset("last next this that earlier later".split())
_TIME_UNITS = frozenset("week weekend month year spring summer fall autumn winter night morning".split())
_OF_HEADS = frozenset("percent majority minority half third quarter most poll polls survey".split())
_DO_SAY_FORMS = frozenset("do does did doing done say says said saying".split())
_MENTION_PREPS = frozenset("in on at after before during since with without by from of into through amid amidst for among amongst "
                           "near behind beneath under within throughout "
                           "despite unlike upon toward towards across between against shortly barely".split())
_ING_ADJECTIVES = frozenset("incoming outgoing ranking leading governing ruling sitting visiting acting founding "
                            "remaining competing opposing presiding reigning retiring serving voting working "
                            "striking aging emerging existing ongoing upcoming rising booming grieving "
                            "evening morning king sterling browning manning fleming harding cummings jennings "
                            "spalding golding redding hastings billings".split())
# what follows a participle that opens a clause ("Following the cuts", "Walking to the car")
_CLAUSE_OPENERS = frozenset("the a an these those this that his her their its our my to of with at on in for "
                            "off out up about into from by next".split())
# participles that are no adjectives: "Using photos posted online, sleuths estimated"
_VERB_ONLY_ING = frozenset("using citing noting adding asking calling speaking following including referring "
                           "pointing responding reacting writing arguing describing comparing taking making "
                           "giving looking seeing having getting trying saying telling answering addressing "
                           "explaining accepting announcing praising criticizing attacking defending".split())
_MAIN_VERBS = frozenset("went withdrew came took made turned stepped doubled doubles goes".split())


_PRONOUN_CONTRACTION_RE = re.compile(rf"{_CONTRACTED}(?:s|ve|d|re|ll|m)")


# ("Eight Republicans that [attended the meeting ... said]": the noun phrase)
_RELATIVE_END_RE = re.compile(r"(?<![a-z]ing)\s+that$")
_NAME_VERB_RE = re.compile(r"[A-Z][\w.'’-]*\s+[a-z]+s")  # ("Trump understands [that]": a clause)
_ASPECT_END_RE = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:began|begins|started|starts|continued|continues|kept|keeps)(?:\s+by)?$")
# (the last words of _ASPECT_END_RE and _RELATIVE_END_RE, and a newline, before which "$" matches too)
_ASPECT_RELATIVE_ENDS = ("began", "begins", "started", "starts", "continued", "continues", "kept", "keeps",
                         "by", "that", "\n")


def _speaker(st: _State, a: int, b: int, shape: str) -> _Speaker:
    """Resolve the speaker mention ``text[a:b]``."""
    text = st.text
    if text.startswith("-", a + 1) and _PARTY_TAG_RE.fullmatch(text, a, b):
        # "Rep. Ed Royce, R-Calif., also suggested": the name before the party tag
        prev = _antecedent(text, text.rfind("\n", 0, a) + 1, a - 1 if text[a - 1:a] == "(" else a)
        if prev is not None and prev[2] == "name":
            a, b, shape = prev
            if text.startswith("and ", a):
                a += 4  # ('and Sen. Ron Johnson (R-Wis.) kept asking')
    a, b = _trim_mention(text, a, b)
    # (either pattern matches only a mention ending in one of _ASPECT_RELATIVE_ENDS: most end otherwise)
    if text.endswith(_ASPECT_RELATIVE_ENDS, a, b) and \
            (asp := _ASPECT_END_RE.search(text[a:b]) or _RELATIVE_END_RE.search(text[a:b])) is not None \
            and asp.start() > 0 and not _NAME_VERB_RE.fullmatch(text, a, a + asp.start()):
        # "Trump infamously began [criticizing]", "O’Reilly begins [by blaming]": the subject
        # of the aspect verb before the cue
        b = a + asp.start()
        shape = _np_shape(text[a:b].split()) or shape
    if b - a <= 7 and (mc := _PRONOUN_CONTRACTION_RE.fullmatch(text, a, b)):
        b, shape = mc.end(1), "pronoun"  # "He's vowed to ...", "I've been reporting": the pronoun
    k = text.find(_BLANK_RUN, a, b)
    if k > a:
        b = k  # "Sen. Rand Paul [blanked pop-up] (R-Ky.)": the mention ends at the name
    elif text[b:b + 1] == "%" and text[b - 1:b].isdigit():
        b += 1  # "52% said": the share, not the number
    elif text[b:b + 1] == ")" and text.count("(", a, b) > text.count(")", a, b):
        b += 1  # "Sen. Chuck Grassley (R-Iowa)": close the parenthesis the word pattern left out
    if shape == "role" and b - a < 40 and (fa := _AUTHOR_AFTER_RE.match(text, b)) is not None and \
            text[a:b].split()[-1].lower() in _AUTHORED_NOUNS:
        # "A letter from House Speaker Nancy Pelosi urged", '"...," read a statement from the
        # family': the author speaks through the document
        author = _speaker(st, fa.start(1), fa.end(1), _np_shape(fa.group(1).split()) or "role")
        if author.name:
            return _Speaker(a, fa.end(1), author.name, author.actor, author.anonymous, author.person, author.head,
                            gender=author.gender)
    surface = text[a:b]
    words = surface.split()
    low = surface.lower()
    roles = _roles()
    head = words[-1].lower().strip(".,") if words else ""
    anonymous = head in roles.get("anonymous", ()) and words[-1][:1].islower()
    name: str | None = None
    person = False
    actor = None
    if shape == "pronoun":
        if low in _POSSESSIVE_PRONOUNS:
            # a possessor ('his claim that ...', 'her argument that ...') is most often the
            # subject of its own sentence ('Christie repeated his claim that'); else it names
            # whom the pronoun would
            owner = _possessor_subject(st, a, _POSSESSIVE_PRONOUNS[low])
            if owner is not None:
                return _Speaker(a, b, owner.name, owner.actor, owner.anonymous, owner.person, owner.head,
                                gender=owner.gender)
            low = _POSSESSIVE_PRONOUNS[low]
        if low in _PERSONAL:
            ref = _person_antecedent(st, "f" if low == "she" else "m", a)
            subj = _subject_antecedent(st, a, "f" if low == "she" else "m", ref)
            if subj is not None and (ref is None or subj.start > ref.start or _embedded_pronoun(st, subj.start, ref)):
                # 'Lopez spoke for an hour. And she vowed ...': the subject just before, also over a
                # speaker inside its sentence ('Adam Schiff ... posted on Twitter that Giuliani was
                # "untruthful" when he said .... He said the move ...': Schiff)
                ref = subj
            subj = _own_sentence_subject(st, a, _GENDER[low])
            if subj is not None and (ref is None or subj.start > ref.start):
                ref = subj  # 'Paul had been silent until his speech, when he vowed ...'
            if ref is None:
                ref = _named_before(st, a, _GENDER[low])
            if (aw := _ASKED_WHETHER_RE.search(st.text, max(0, a - 160), a)) is not None and \
                    (asked := _speaker(st, aw.start(1), aw.end(1), "name")).name and _may_be_person(st, asked, _GENDER[low]):
                ref = asked  # ('I asked Correia, the Arizona-based self-defense expert, if he supported ...')
            ref = _role_before(st, a, _GENDER[low], ref)
            if ref is None and surface.lower() == low:
                ref = _recent_person(st, a, _GENDER[low])  # (not for "his office": two people fit it too often)

        elif low == "it":
            ref = next((s for s in reversed(st.speakers) if not s.person), None)
        else:
            ref = next((s for s in reversed(st.speakers)
                        if not s.person and s.name and _plural_speaker(s.name)), None) if low == "they" else None
        gender = {"she": "f", "he": "m"}.get(low)
        if ref is not None:
            if gender and ref.name and ref.name not in st.pronoun_gender:
                st.pronoun_gender[ref.name] = gender
                for s in st.speakers:  # (the cached "unknown" of earlier mentions)
                    if s.name == ref.name and s.antecedent == "":
                        s.antecedent = gender
            return _Speaker(a, b, ref.name, ref.actor, ref.anonymous, ref.person, ref.head,
                            gender=gender or ref.gender)
        return _Speaker(a, b, None, None, False, low in _PERSONAL, gender=gender)
    first = words[0].lower() if words else ""
    if shape == "role" and first in _POSSESSIVE_DETS and len(words) >= 2:
        # ('Sanders has not backed down, and his campaign said': the sentence's own subject first)
        # ("Its marketing materials" after a quote of Shilpi Niyogi: "its" names no person, audit 21)
        owner = (_possessor_subject(st, a, _POSSESSIVE_PRONOUNS[first]) or
                 _person_antecedent(st, "f" if first == "her" else "m")) if first in ("his", "her") \
            else None if first == "its" and st.last_any is not None and st.last_any.person else st.last_any
        role = " ".join(words[1:])
        if owner is not None and owner.name:
            name = f"{owner.name}'s {role}"
        else:
            name = role
    elif shape == "role" and first in ("the", "this", "that") and not anonymous:
        # "the reporter", "the high court" are the last reporter or court that spoke; "the NPR
        # reporter" only if that was the NPR reporter, "the other caller" never
        mods = [w for w in words[1:-1] if w[:1].isupper()]
        # (nor "the operative familiar with the conversation and a person close to Trump": its
        # last word is no head)
        ref = None if any(w.lower() in ("other", "another", "and", "or") or w in _ROLE_STOP for w in words[1:-1]) else next(
            (s for s in reversed(st.speakers) if s.head == head and s.name and all(w in s.name for w in mods)), None)
        if ref is not None:
            return _Speaker(a, b, ref.name, ref.actor, ref.anonymous, ref.person, ref.head, gender=ref.gender)
        titled = _titled_antecedent(st, a, b, low) if len(words) <= 3 else None
        if titled is not None:
            return titled
    elif shape == "name" and low in _OFFICE_RES:  # "the President"
        titled = _titled_antecedent(st, a, b, low)
        if titled is not None:
            return titled
    titles = roles.get("titles", ())
    hit = st.actors.resolve_span(name or surface)
    if hit is not None and hit[0].kind == "place" and name is None and _PLACE_NAME_RE.fullmatch(
            surface, hit[1], hit[2]) and _PROPER_AFTER_RE.match(surface, hit[2]) and \
            surface[hit[2]:].split()[0].lower() not in titles:
        hit = None  # a place name that opens another name: "The Washington Post", "Paris Dennard"
    elif hit is not None and hit[0].kind == "place" and hit[1] > 0 and \
            hit[2] == len((name or surface).rstrip(".,")) and " " not in (name or surface)[hit[1]:hit[2]] and \
            _GIVEN_NAME_LIKE_RE.fullmatch((name or surface)[:hit[1]].split()[-1]) and \
            (name or surface)[:hit[1]].split()[-1].lower() not in _STOP | titles | _DETS:
        hit = None  # a place name that ends a personal name: "Denzel Washington", "Kerry Washington"
    elif hit is not None and hit[0].kind == "place" and shape == "name" and " " not in surface.strip() and \
            len(given := _full_mentions(st, surface.strip(".,"))[1]) == 1:
        # "said London, who now teaches at Georgetown" after "Douglas London": the person the
        # article names in full, not the city
        hit = None
        name, person = f"{next(iter(given))} {surface.strip('.,')}", True
    if hit is not None and shape == "name" and " and " in surface and not anonymous:
        # joint speakers ("Trump and Ryan"): both names; a group only if every one is in it
        groups = {a.group if a else None for a in map(st.actors.resolve, surface.split(" and "))}
        actor = hit[0].group if groups == {hit[0].group} else None
        hit = None
        joint = _person_name(st, words)
        name = joint if joint and " and " in joint else surface
    if hit is not None:
        actor = hit[0].group
        if not anonymous:
            name, person, actor = _alias_speaker(st, surface, shape, hit, name, person, actor)
        if shape == "name" and "," in surface:
            # "one of Trump's staunchest allies, Rep. Jim Jordan", "One Trump voter in Arizona,
            # Carl Bier": the name after the role apposition, in the role's group if it has one
            role, tail = surface.rsplit(",", 1)
            named = _person_name(st, tail.split())
            if named is not None and named != name:
                name, person = named, True
                actor = actor if _affiliated(role, _PREP_BEFORE_RE.search(role)) else None
            elif named is not None and _has_personal_name(tail.split()):
                person = True  # ("a senior U.S. diplomat, William Roebuck": "he" may name him)
    if name is None:
        if anonymous:
            # (but "one of the sources" stays whole: "of the sources" is no name, audit 19)
            name = re.sub(r"^(?:a|an|the|one|some|two|three|several|many)\s+(?!of\b)", "", surface, flags=re.IGNORECASE)
        else:
            # "The former coach of the team, Tony Hope": the name after the role apposition
            tail = surface.rsplit(",", 1)[1].split() if shape == "name" and "," in surface else None
            if tail and _OUTLET_TAIL_RE.search(surface, surface.index(",")) and \
                    2 <= len(first := surface.split(",", 1)[0].split()) <= 4 and all(w[:1].isupper() for w in first) and \
                    not any(w.lower() in roles.get("titles", ()) or w.lower() in roles.get("roles", ()) for w in first):
                tail = first  # "Roxanne Jones, CNN.com: ..." (a round-up's byline): the person, not the outlet (audit 23)
            name = (_person_name(st, tail) if tail else None) or _person_name(st, words) or surface
            person = person or (shape == "name" and name != surface or _has_personal_name(tail or words))
            if person and name.lower() in roles.get("roles", ()):
                person = False  # "Democrats and some Republicans": a group, not "he" or "she"
            if person and (_organization_name(name.split()) or _organization_kind_before(surface, name)):
                person = False  # "Freedom House"; "forecasting firm LMC Automotive"
    if " and " in name:
        person = False  # joint speakers ("Lee and Park") are "they", not "he" or "she"
    if shape == "name" and not anonymous and person:
        full = name.split()
        if len(full) >= 2 and ":" not in name and all(w[:1].isupper() or w in _NAME_PARTICLES for w in full):
            # (not "A spokesperson for Cassidy": no name of Cassidy's; "Donald Trump Jr." is
            # "Trump Jr.", not "Jr.")
            st.names[" ".join(full[-2:]) if full[-1] in _NAME_SUFFIXES else full[-1]] = name
    elif shape == "name" and not anonymous and " and " in name:
        # joint speakers ("Christie and Rand Paul"): each full name is still the full name of its
        # surname ("Mr. Paul’s reasons ...; he says")
        for part in name.split(" and "):
            part = _person_name(st, part.split()) or ""  # (without titles: "Justices Samuel Alito")
            full = part.split()
            if len(full) >= 2 and all(w[:1].isupper() or w in _NAME_PARTICLES for w in full) and \
                    full[-1] not in _NAME_SUFFIXES and not full[-1].endswith("s") and \
                    full[0].lower().removesuffix("s") not in titles and \
                    not any(w.lower() in roles.get("roles", ()) or w.lower() in roles.get("organizations", ()) for w in full):
                st.names[full[-1]] = part  # (not "House Republicans", "Supreme Court", "Justices Scalia")
    # (a gender only matters for the antecedents of "he" and "she": persons and bare surnames)
    gender = _gender(surface, name) if not anonymous and (person or " " not in name) and " and " not in name \
        else None
    return _Speaker(a, b, name, actor, anonymous, person and not anonymous, head, gender=gender)


# Descriptions a reporter uses for a person just named ("the Texas Republican", "the union
# chief", "the Tea Party favorite"), with the gender they show ("" for none)
_EPITHET_HEADS = {
    **dict.fromkeys("republican democrat independent nominee candidate front-runner frontrunner lawmaker legislator "
                    "chief favorite billionaire mogul tycoon star comedian host anchor veteran populist progressive "
                    "conservative liberal libertarian socialist firebrand incumbent challenger hopeful contender "
                    "newcomer".split(), ""),
    **dict.fromkeys("congressman businessman actor".split(), "m"),
    **dict.fromkeys("congresswoman businesswoman actress".split(), "f"),
}


def _epithet_antecedent(st: _State, a: int, b: int) -> _Speaker | None:
    """The person a description in a quote's tag names ('“...,” the union chief said' after Mr.
    Judd's quote, audit 24): the last person quoted by full name, within about three short
    paragraphs, with no other person named in between and a gender that fits. Only for the
    heads in _EPITHET_HEADS, at most four words; None when anything else may be meant."""
    text = st.text
    words = text[a:b].split()
    head = words[-1].lower() if words else ""
    if head not in _EPITHET_HEADS or len(words) > 4 or words[0].lower() != "the":
        return None
    last = max((sp for sp in st.speakers if sp.start < a), key=lambda sp: sp.start, default=None)
    if last is None or a - last.start > 700 or not last.person or last.anonymous or not last.name or \
            " " not in last.name or " and " in last.name or last.name.split()[0].lower() in _DETS or \
            not all(w[:1].isupper() or w in _NAME_PARTICLES for w in last.name.split()):
        return None  # (a full personal name: not "A spokesman for Reliance Industries")
    surname = last.name.split()[-1]
    for w in _CAP_WORD_RE.finditer(text, last.end, a):
        if w[0] != surname and (w[0] in st.names or w[0] in _first_names()):
            return None  # ('Romney told CBS ...' after Severino's quote: someone else came up)
    gender, g = _EPITHET_HEADS[head], _speaker_gender(st, last)
    return last if not gender or not g or g == gender else None


# "the president" -> the last "President X" named before it (not "Vice President X")
_OFFICE_TITLES = {
    "the president": r"(?<!Vice )(?<!Vice-)President", "the governor": r"(?<!Lt\. )(?<!Lieutenant )(?:Gov\.|Governor)",
    "the senator": r"Sen\.|Senator", "the mayor": r"(?<!Deputy )Mayor", "the prime minister": r"(?<!Deputy )Prime Minister",
    "the chancellor": r"Chancellor", "the pope": r"Pope", "the vice president": r"Vice[ -]President",
    "the chief justice": r"Chief Justice", "the speaker": r"(?<!Deputy )(?:House )?Speaker(?! of)",
    "the attorney general": r"(?<!Deputy )(?<!Assistant )Attorney General"}
_OFFICE_MODIFIERS = frozenset("republican democratic democrat gop american u.s. us current sitting".split())
_OFFICE_RES = {k: re.compile(rf"\b(?:{v})[ \u00a0]+((?:(?:[A-Z]\.|[A-Z][\w'’-]*|de|van|von|der|del|da|bin|al|la|le)"
                             rf"[ \u00a0]+){{0,3}}[A-Z][\w-]+)")
               for k, v in _OFFICE_TITLES.items()}


_NATIONALITY_BEFORE_RE = re.compile(r"\b(?:[A-Z][a-z]+(?:an|ese|ish|i|ch)|(?!(?:U\.S\.|US|America)['’])[A-Z][\w.]*['’]s)\s+$")
_HOME_COUNTRY = frozenset("u.s. us american".split())  # ("the U.S. president" is no foreign one)
_OFFICE_OBJECT_RE = re.compile(r"\b(?:served|under|former)\s+$", re.IGNORECASE)


def _titled_antecedent(st: _State, a: int, b: int, low: str) -> _Speaker | None:
    """'the president' (of "President Barack Obama said ... the president said"): the person
    last named with that title before ``a``, as a speaker at the mention ``a``, or None."""
    rx = _OFFICE_RES.get(low)
    if rx is None:
        # "The Republican president", "the U.S. president": party or country, then the office
        ws = low.split()
        if len(ws) == 3 and ws[0] == "the" and ws[1] in _OFFICE_MODIFIERS:
            rx = _OFFICE_RES.get(f"the {ws[2]}")
        if rx is None:
            return None
    home = any(w in _HOME_COUNTRY for w in low.split())
    last = foreign = None
    foreign_names: set[str] = set()
    for m in rx.finditer(st.text, max(0, a - 6000), a):
        if _OFFICE_OBJECT_RE.search(st.text, max(0, m.start() - 12), m.start()):
            continue  # (not "Ari Fleischer, who served President George W. Bush": the object's)
        if _NATIONALITY_BEFORE_RE.search(st.text, max(0, m.start() - 16), m.start()) or \
                m.group(1).split()[0] in foreign_names:
            # ("met Mexican President Enrique Peña Nieto": only if no one else; a later bare
            # "President Moon" after "South Korea's President Moon Jae-in" is as foreign)
            foreign = m
            foreign_names.add(m.group(1).split()[0])
        else:
            last = m
    last = last or (None if home else foreign)
    if last is None:
        return None
    words = last.group(1).split()
    k = next((i for i, w in enumerate(words) if w.endswith(("'s", "’s"))), None)
    if k is not None:
        words = words[:k + 1]  # "President Obama's Rutgers University commencement speech"
        words[k] = words[k][:-2]
    while len(words) > 1 and (words[-1] in _TIME_WORDS or words[-1].lower() in _TIME_WORDS):
        words.pop()  # "President Barack Obama Friday told ..."
    # (a surname cut from a possessive stays a surname: the article's other "Trump" may be
    # "Melania Trump")
    # (or one the article gives to two people: "President Obama" when both Barack and Michelle
    # Obama are named)
    name = words[0] if len(words) == 1 and (k is not None or len(_full_mentions(st, words[0])[1]) > 1) \
        else _person_name(st, words)
    if name is None:
        return None
    hit = st.actors.resolve_span(name)
    actor = hit[0].group if hit is not None else None
    if hit is not None and hit[0].kind == "person" and hit[1] == 0 and hit[2] == len(name):
        name = hit[0].name  # "President Obama" -> "Barack Obama"
    full = st.names.get(name) if len(words) > 1 or name != words[0] else None
    return _Speaker(a, b, full or name, actor, False, True, low.split()[-1],
                    gender=_gender(last.group(0), full or name))


# given names often second in a full name ("Giovanni Maria Vian", "Mary Lou Retton")
_MIDDLE_NAMES = frozenset("Maria Marie Mary Anne Ann Lee Lou Lynn Jean Jo Mae Rose Ray Jose Luis".split())
_FEMALE_WORDS = frozenset("mrs mrs. ms ms. miss madam madame mme lady dame wife mother daughter sister "
                          "queen princess grandmother widow".split())
_MALE_WORDS = frozenset("mr mr. sir lord husband father son brother king prince grandfather "
                        "spokesman congressman chairman businessman councilman".split())


@lru_cache(maxsize=8192)
def _gender(surface: str, name: str) -> str | None:
    """"f", "m" or None for a speaker mention and its resolved name: the given name of a name
    of two or more words ("Hillary Clinton"; a one-word name is a surname: "Warren"), else a
    title ("Mrs. Clinton") or a gendered noun ("the spokeswoman", "his wife"). A possessor
    and a role before the name are not the speaker ("Mrs. Clinton's spokesman, Brian
    Fallon" is Brian Fallon; "Hillary Clinton's spokesman" a spokesman)."""
    words = _after_possessor(surface.rsplit(",", 1)[-1].split() if "," in surface else surface.split())
    names = _first_names()
    for t in _after_possessor(name.split())[:-1]:
        g = names.get(t)
        if g is not None:
            return g
    for w in words:
        lw = w.lower().strip(",")
        if lw in _FEMALE_WORDS or lw.endswith(("woman", "women")):
            return "f"
        if lw in _MALE_WORDS:
            return "m"
    return None


def _after_possessor(words: list[str]) -> list[str]:
    """The words after the last possessive one ("Clinton's"), or all of them."""
    for k in range(len(words) - 1, -1, -1):  # (from the end: the last possessive one)
        if words[k].endswith(("'s", "’s", "s'", "s’")):
            return words[k + 1:]
    return words[0:]


def _embedded_pronoun(st: _State, a: int, ref: _Speaker) -> bool:
    """Is the speaker ``ref`` a pronoun in a subordinate clause ("... when he said ...") of the
    sentence whose subject is at ``a``?"""
    k = bisect_right(st.sent_starts, a)
    return k == bisect_right(st.sent_starts, ref.start) and \
        st.text[ref.start:ref.end].lower() in _PERSONAL and \
        _EMBEDDING_RE.search(st.text, max(a, ref.start - 12), ref.start) is not None and \
        not any(s.start != a and bisect_right(st.sent_starts, s.start) == k and
                s.person and st.text[s.start:s.end].lower() not in _PERSONAL for s in st.speakers[-8:])
        # (not 'Comey had proved himself unfit, Sessions said, because when he denied ...': a
        # named tag in that sentence makes its first name the reported clause's subject)


_EMBEDDING_RE = re.compile(r"\b(?:when|after|before|as|because|that|if|since|while)\s+$")


def _subject_antecedent(st: _State, pos: int, gender: str, ref: _Speaker | None) -> _Speaker | None:
    """The person who is the subject of the sentence before the one at ``pos``, if their
    mention or full name shows their gender to be ``gender`` (a given name or a title): what a
    "he"/"she" in the next sentence names when that person has not spoken yet. For the tag of
    a quote of several sentences, the sentence before is the one before the quote."""
    text = st.text
    pos = _quote_opening(st, pos)
    k = bisect_right(st.sent_starts, pos) - 2
    pron = _PRONOUN_OF_GENDER[gender]
    for _ in range(3):
        k = _quote_opening_sentence(st, k)
        # ('Brenda Williams had plenty to say. Had she ever been ...? Did she know any? "...,"
        # she said': sentences that only go on about the same "she" lead back to her)
        if k < 1 or not pron.search(text, *st.sents[k]):
            break
        ms = _main_subject(text, *st.sents[k])
        same = ms is not None and (ms[2] == "pronoun" and pron.fullmatch(text, ms[0], ms[1]) is not None or
                                   (pm := pron.match(text, ms[0], ms[1])) is not None and text[pm.end():pm.end() + 1] in "’'")
        # ("He’s taken plenty and expects ...": the same "he", contracted)
        if _QUOTE_CHAR_RE.search(text, *st.sents[k]) and not (same and not text[st.sents[k][0]:ms[0]].strip()):
            break  # (but 'She has emerged as a kind of "Mitt-igator," ...' is about her too)
        if ms is not None and text[ms[0]:ms[1]].rstrip(".") not in ("No", "Yes") and not same:
            # ("No. Did she know ...?"; 'She says Moore's actions were ...' goes on about her too)
            break
        k -= 1
    if k < 0:
        return None
    lo, hi = st.sents[k]
    if ref is not None and ref.start >= hi:
        return None  # (the last speaker is nearer than that subject can be)
    here = text[st.sents[k + 1][0]:pos]
    # (a straight mark may open what a curly one closes: '"... the community,” he says')
    marks = here.count('"') + here.count("“") + here.count("”")
    if here.count("”") > here.count("“") + here.count('"') or marks % 2 or here.count("»") > here.count("«"):
        return None  # ('“John Kelly agrees. We always agree,” he said': a quote began before)
    sent = text[lo:hi]
    if sent.count("”") > sent.count("“") or sent.count('"') % 2:
        return None  # ('saying “It is official. Governor Kemp does not care.”': a quote's last sentence)
    cc = None
    for cc in _COORD_EMPTY_RE.finditer(text, lo, hi):
        pass
    if cc is not None:
        # 'Trump was earning opprobrium, but it was too late for McConnell to untether himself.
        # Instead, he blamed ...': the last clause, with its empty subject, is the nearer one
        oa = _object_antecedent(st, cc.start(1), hi, (cc.start(1), cc.end(1), "pronoun"), gender)
        if oa is not None:
            return oa
    cb = None
    for cb in _COORD_NAMED_RE.finditer(text, lo, hi):
        pass
    if cb is not None and not _QUOTE_CHAR_RE.search(text, lo, hi) and \
            (sp := _named_subject(st, text, cb.end(), hi, gender)) is not None and _speaker_gender(st, sp) == gender:
        # 'Holder won't comment directly on the matter, but Weingarten spoke out on his behalf.
        # "...," he said': the subject of the clause after "but", the nearer person
        return sp
    subj = _main_subject(text, lo, hi)
    subj, apposed = _apposed_name(text, subj, hi)
    if ref is None or not lo <= ref.start < hi:
        # ('Brandon Northrop’s goal was to move to California .... “...,” he told me': the
        # possessor; but not over a speaker in that sentence: 'Reagan’s presidency planted
        # the pole ..., says Olsen. “...,” he says')
        subj = _thing_possessor(text, subj)
    if subj is None or subj[2] != "name" or any(c in text[lo:subj[0]] for c in "“\"«"):
        return _object_antecedent(st, lo, hi, subj, gender)
    sp = _speaker(st, *subj)
    # (a known gender is the evidence that the subject is a person: "North Carolina" and
    # "Senate Republicans" have none)
    if not sp.name or sp.anonymous or " and " in sp.name:
        return None
    g = _speaker_gender(st, sp)
    if g != gender and not (not g and (text[subj[0]:subj[1]].split()[0] in _PERSON_TITLES or
                                       _TITLED_NAME_RE.fullmatch(text, subj[0], subj[1]) is not None or
                                       _PLAIN_NAME_RE.fullmatch(text, subj[0], subj[1]) is not None and
                                       _person_apposition(text, subj[1], hi) or
                                       _person_by_name(text, subj[0], subj[1], sp) or apposed or
                                       _titled_surname(st, text[subj[0]:subj[1]]))):
        # (a titled person of unknown gender may still be whom a pronoun names: "Justice
        # Ginsburg, 81, was in the hospital. "...," she said", "Dr. Alex Stalcup ... has worked
        # with patients for decades. ... "...," he says"; so may a name with a person's
        # apposition: "Genevieve Bonadies Torres, an attorney with ...")
        return None
    return sp


def _quote_opening_sentence(st: _State, k: int) -> int:
    """Sentence ``k``, or, when it is the last sentence of a curly-quoted quote of several
    ('He’s taken plenty and expects plenty more: “There are ... a pariah. Like I am backed by
    Big Money.”'), the sentence the quote opened in (audit 24): the narration is there."""
    if k < 1:
        return k
    text = st.text
    a, b = st.sents[k]
    if text.count("”", a, b) <= text.count("“", a, b):
        return k
    for j in range(k - 1, max(0, k - 6) - 1, -1):
        a, b = st.sents[j]
        if text.count("“", a, b) > text.count("”", a, b):
            return j
    return k


def _titled_surname(st: _State, mention: str) -> bool:
    """Is a one-word subject a surname the article gives a person's title elsewhere ("Obama
    laid out the stakes Friday ..." after "President Obama", audit 22)?"""
    return _SURNAME_RE.fullmatch(mention) is not None and _titled_in_article(st, mention)


def _titled_in_article(st: _State, word: str) -> bool:
    """Does the article put a courtesy title right before ``word`` somewhere ("Mr. Sanders",
    "President Obama")?"""
    return re.search(rf"\b(?:{_COURTESY_TITLE_ALT})\s+{re.escape(word)}\b", st.text) is not None


# the rest of a subject's noun phrase before its comma: "" or " counterpart on the committee"
_ROLE_TAIL_RE = re.compile(r"(?:\s+[a-z][\w'’-]*){0,5}(?=,)")


def _apposed_name(text: str, subj: tuple[int, int, str] | None, hi: int) -> tuple[tuple[int, int, str] | None, bool]:
    """The name apposed to a subject noun phrase, if any, in its place ("Another Republican,
    Rep. Debbie Lesko of Arizona, was more direct", "Issa's Democratic counterpart on the
    committee, Maryland Rep. Elijah Cummings, voiced"), and whether the phrase before it is a
    person's role (the evidence of a person, whatever the given name)."""
    if subj is not None and (tail := _ROLE_TAIL_RE.match(text, subj[1], min(hi, subj[1] + 60))) is not None and \
            not any(w in _first_names() for w in text[subj[0]:subj[1]].split()) and \
            text[subj[0]:subj[1]].split()[0] not in _PERSON_TITLES and \
            not any(w in _IRREGULAR_VERBS or w in _AUX or w.endswith("ed") for w in tail.group(0).split()):
        c = text.find(",", tail.end() + 1, min(hi, tail.end() + 80))
        if c > 0:
            na, nb = _trim_np(text, tail.end() + 1, c)
            if text[nb - 1:nb] == ")" and (p := text.rfind("(", na, nb)) > na:
                nb = _trim_np(text, na, p)[1]  # ("Another frontrunner, Sen. Bernie Sanders (I-VT),": the name)
            aw = text[na:nb].split()
            if aw and aw[0][:1].isupper() and aw[0] not in ("A", "An", "The") and not aw[0].startswith(("R-", "D-")) and \
                    _np_shape(aw) == "name" and _has_personal_name(aw):
                head = (tail.group(0).split() or text[subj[0]:subj[1]].split())[0 if tail.group(0).strip() else -1]
                return (na, nb, "name"), head.lower().split("-")[0] in _PERSON_ROLE_NOUNS
    return subj, False


def _person_by_name(text: str, a: int, b: int, sp: _Speaker) -> bool:
    """Does the mention ``text[a:b]``, resolved to ``sp``, name a person though its gender is
    unknown: a given name borne by both genders ("Dana Trier", "Robin Jeran"), or a title
    right before the name ("Tanzania President Jakaya Kikwete", "Rabbi Ronne Friedman")?"""
    words = (sp.name or "").split()
    if len(words) < 2 or not sp.person:
        return False
    if words[0] in _either_names():
        return True
    k = text.find(words[0], a, b)
    prev = text[a:k].split() if k > a else ()
    return bool(prev) and (lw := prev[-1].lower()) in _roles().get("titles", ()) and lw not in _TITLE_MODIFIERS


# title words that modify a title or a body, not a person ("former", "State" of "State Farm")
_TITLE_MODIFIERS = frozenset("former state foreign defense defence republican democratic democrat gop vice prime "
                             "majority minority presumptive".split())


_PLAIN_NAME_RE = re.compile(r"(?!(?:The|A|An|This|That)\b)[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}")  # (not "The evening of Oct. 17")


def _person_apposition(text: str, b: int, hi: int) -> bool:
    """Does a person's apposition follow the name ending at ``b``: ", an attorney with",
    ", a Chinese-American senior", ", 27,"?"""
    m = _APPOSITION_HEAD_RE.match(text, b, hi)
    if m is None:
        return False
    if m.group(1) is None:
        return True
    ws = m.group(1).split()
    # (not a clause: "Merrimack, N.H., he met a woman with")
    return not any(w in _SUBJECT_PRONOUNS or w in ("it", "you") or w in _IRREGULAR_VERBS or w in _AUX for w in ws) and \
        any(w.lower() in _PERSON_ROLE_NOUNS or w.lower() in _PERSON_NOUNS for w in ws[-3:])


# a place or state, then a title and a name: "Maryland Rep. Elijah Cummings", "Florida Sen. Marco Rubio"
_TITLED_NAME_RE = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:Sen|Rep|Gov|Sens|Reps)\.\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}")


# ", an attorney with", ", former President Barack Obama's 2012 campaign finance director,", ", 27,"
_APPOSITION_HEAD_RE = re.compile(r",\s+(?:\d{2},|((?:[\w’'.-]+\s+){0,7}?[\w’'-]+)\b(?=\s+(?:of|at|for|with|from|in|who|and)\b|,))")


def _quote_opening(st: _State, pos: int) -> int:
    """Where the quote that a tag at ``pos`` follows opens, when it opens in an earlier
    sentence of the paragraph ('Walker hedged. "I've said .... You're asking a
    hypothetical," he replied.'); else ``pos``."""
    text = st.text
    s0 = st.sents[max(0, bisect_right(st.sent_starts, pos) - 1)][0]
    close = max(text.rfind("”", s0, pos), text.rfind('"', s0, pos))
    after = close < 0
    if after:
        # ('"... And they totally forgot about me." And he continued': a tag sentence of its own
        # right after a quote of whole sentences)
        close = len(text[:s0].rstrip()) - 1
        if s0 == 0 or text[close] not in "”\"" or not _TAG_LEAD_RE.fullmatch(text, s0, pos):
            return pos
    opening = text.rfind("“" if text[close] == "”" else '"', 0, close)
    if opening < 0 or opening >= s0 or text.rfind("\n", opening, pos) >= 0:
        return pos
    j = bisect_right(st.sent_starts, opening) - 1
    if text[st.sents[j][0]:opening].strip():
        # ('Dr. Kent Brantly testified ...: "...." He added': the quote opens inside its
        # sentence, which is then the sentence before the tag's)
        return st.sents[j + 1][0]
    return opening


_TAG_LEAD_RE = re.compile(r"(?:(?:And|But|Then|So)\s+)?")
_COORD_EMPTY_RE = re.compile(r",\s+(?:but|and|yet|so)\s+(it)\s+(?:was|is|were|are|had|has|will|would|seemed|seems)\b")


def _object_antecedent(st: _State, lo: int, hi: int, subj, gender: str) -> _Speaker | None:
    """'It fell to Michigan Governor Gretchen Whitmer to respond. She accused ...': when the
    sentence before has an empty subject ("it", "there"), the one full name in it whose given
    name has the pronoun's gender (audit 5, class F)."""
    text = st.text
    if subj is None or text[subj[0]:subj[1]].lower() not in ("it", "there"):
        return None  # (only after an empty subject: a subject the finder misses is often the person)
    names = _first_names()
    found = None
    for mm in _FULL_NAME_RE.finditer(text, lo, hi):
        if names.get(mm.group(1)) != gender or _QUOTE_CHAR_RE.search(text, lo, mm.start(1)) or \
                text[mm.start(1) - 1:mm.start(1)] == "-":
            continue  # (not "Claude Juncker" of "Jean-Claude Juncker")
        full = f"{mm.group(1)} {mm.group(2)}"
        if found is not None and found[0] != full:
            return None  # (two people of that gender: no telling which)
        found = (full, mm.start(1), mm.end(2))
    for mw in _CAP_WORD_RE.finditer(text, lo, hi):
        # a surname the article has named in full ("too late for McConnell to untether
        # himself" after "Mitch McConnell")
        w, end = mw.group(0), mw.end()
        owner = w.endswith(("'s", "’s"))
        if owner:
            w, end = w[:-2], end - 2  # ("a sign of Huckabee's appeal": the possessor)
        if mw.start() == lo or not _SURNAME_RE.fullmatch(w) or _NEXT_CAP_RE.match(text, end) or \
                _QUOTE_CHAR_RE.search(text, lo, mw.start()) or text[mw.start() - 1:mw.start()] in ("-", ".") or \
                text[end:end + 1] == "-" or text[max(lo, mw.start() - 4):mw.start()].lower() == "the ":
            continue  # (not "the Trump team's", "Trump-Russia": modifiers)
        g, given = _full_mentions(st, w)
        if g is None or g not in ("", gender):
            continue  # (no full mention, or one of the other gender)
        if g == "" or len(given) != 1:
            if owner:
                continue  # ("Mrs. Clinton’s dad" after Bill and Hillary Clinton: only a possessor)
            return None  # (someone the pronoun may name, but who is unclear)
        full = f"{next(iter(given))} {w}"
        if found is not None and found[0] != full:
            return None
        found = found or (full, mw.start(), end)
    if found is None:
        return None
    sp = _speaker(st, found[1], found[2], "name")
    return sp if sp.name and not sp.anonymous else None


_CAP_WORD_RE = re.compile(r"\b[A-Z][\w'’-]+")
_NEXT_CAP_RE = re.compile(r"\s+[A-Z]")  # (a given name: "Barack" of "Barack Obama")


_PRONOUN_OF_GENDER = {"f": re.compile(r"\b[Ss]he\b"), "m": re.compile(r"\b[Hh]e\b")}
_QUOTE_CHAR_RE = re.compile(r"[\"“”«»]")
# Titles that only a person bears (not "the nonpartisan Commonwealth Fund", "former Rhodes Scholar")
_PERSON_TITLES = frozenset("Justice Judge Sen. Rep. Gov. Dr. Mayor Senator Governor Representative Gen. "
                           "Lt. Col. Capt. Sgt. Adm. Prof. Rev. Mr. Mrs. Ms. Sheriff Chief".split())


def _named_before(st: _State, pos: int, gender: str) -> _Speaker | None:
    """A full personal name of gender ``gender`` before ``pos`` in its sentence, outside quotes,
    when nothing else fits a "he" or "she": "TIME refuted President Donald Trump's claim, in
    which he suggested", "When Wendy Vitter, a nominee, was asked whether she supported"
    (audit 4, class E)."""
    k = bisect_right(st.sent_starts, pos) - 1
    if k < 0:
        return None
    text = st.text
    names = _first_names()
    # the first such name of the pronoun's own sentence: its subject more often than the nearest
    # ("Boris Johnson, ... to replace David Cameron, delivered ... when he"); the sentence
    # before was tried and left out (right for about 7 in 10)
    for mm in _FULL_NAME_RE.finditer(text, st.sents[k][0], pos):
        if names.get(mm.group(1)) != gender or text.count("“", mm.end(2), pos) != text.count("”", mm.end(2), pos) or \
                text.count('"', mm.end(2), pos) % 2:
            continue  # (not a name inside a quote that the pronoun is outside of)
        return _mentioned_person(st, mm.start(1), mm.end(2))
    return None


def _mentioned_person(st: _State, a: int, b: int) -> _Speaker:
    """The speaker a full name at ``text[a:b]`` resolves to, without registering it as the
    full name of its surname: a name the writer only mentions is no full name for later
    surnames."""
    saved = dict(st.names)
    sp = _speaker(st, a, b, "name")
    st.names = saved
    return sp


# a given name and a surname (with an optional middle name or initial): "Donald Trump",
# "Hillary Rodham Clinton", "George W. Bush"
# (a lookahead: every capitalised word is tried, "President Donald Trump's" holds "Donald Trump")
_FULL_NAME_RE = re.compile(
    r"\b(?=([A-Z][a-z]+)(?:[^\S\n]+(?:[A-Z]\.|[A-Z][a-z]+))?[^\S\n]+([A-Z][a-zA-Z-]*[a-z])\b(?![^\S\n]+[A-Z]))")
# (not "George Washington Bridge"; no name goes over a line break: "Credit: Rachel Taber ¶ Then ...")


_FRONTED_SUBORD_OPEN_RE = re.compile(
    r"[\s\"“”]*(?:When|After|As|Before|While|Since|Although|Though|Once|Until|Even\s+(?:as|when|though|after|while))\s+")
_AS_FOR_RE = re.compile(r"[\s\"“”]*(?:(?:But|And)\s+)?As\s+for\s+((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*)\s*,\s*")
_TAG_OPENER_RE = re.compile(r"\b(?:because|that|since|and|but|so)\s*,\s*$")


def _own_sentence_subject(st: _State, pos: int, gender: str) -> _Speaker | None:
    """The named subject of the sentence that a "he" or "she" at ``pos`` is in, before it, if
    it is a person whose gender may be ``gender``."""
    k = bisect_right(st.sent_starts, pos) - 1
    if k < 0:
        return None
    lo, text = st.sents[k][0], st.text
    semi = text.rfind(";", lo, pos)
    if (qm := _QUOTE_MARK_RE.search(text, lo, pos)) is not None:
        intro = text[lo:qm.start()].rstrip()
        if intro.endswith(":") and len(intro) > 1:
            # 'Steve Deace ... summed up the feeling ...: "...," he said': the person who
            # introduced the quote, not the last one quoted
            return _named_subject(st, text, lo, lo + len(intro) - 1, gender)
        return None  # ('"Cruz has a lot to offer," he said': a subject inside a quote)
    if text[lo:pos].rstrip().endswith(","):
        # ('Kasich might be the best qualified, he says': the pronoun attributes a clause about
        # someone else; but '...; on Monday, he announced' opens a clause of its own, and 'Gayle
        # Trotter ... made the case for concealed carry laws because, she said, ...' tags the
        # subject's words)
        if semi >= 0 and len(text[semi + 1:pos].split()) <= 4 or _TAG_OPENER_RE.search(text, lo, pos):
            pass
        elif (af := _AS_FOR_RE.fullmatch(text, lo, pos)) is not None:
            # 'As for Hardnett, she said ...': the person the sentence turns to
            sp = _speaker(st, af.start(1), af.end(1), "name")
            return sp if sp.name and not sp.anonymous and _may_be_person(st, sp, gender) else None
        elif (fs := _FRONTED_SUBORD_OPEN_RE.match(text, lo, pos)) is not None and \
                _clause_comma(text, fs.end(), pos) == len(text[:pos].rstrip()) - 1:
            # 'When Linda Falkerson of Moms Demand Action emerged from the meeting ..., she said':
            # the person of the fronted clause, before the main clause's pronoun
            return _named_subject(st, text, fs.end(), pos, gender)
        else:
            return None
    cc = None
    for cc in _COORD_NAMED_RE.finditer(text, lo, pos):
        pass
    if cc is not None:
        # ('Progressives often advocate ..., but Ossama Bahloul spoke ... when he remarked': the
        # subject of the pronoun's own clause, if it is a person)
        sp = _named_subject(st, text, cc.end(), pos, gender)
        if sp is not None:
            return sp
    return _named_subject(st, text, lo, pos, gender)


def _named_subject(st: _State, text: str, lo: int, pos: int, gender: str) -> _Speaker | None:
    """The subject of the clause from ``lo``, before ``pos``, if it is a named person whose
    gender may be ``gender``."""
    subj, _ = _apposed_name(text, _main_subject(text, lo, pos), pos)
    subj = _thing_possessor(text, subj)
    if subj is None or subj[2] != "name" or subj[1] >= pos:
        return None
    sp = _speaker(st, *subj)
    if sp.anonymous or " and " in (sp.name or "") or not _may_be_person(st, sp, gender):
        return None
    return sp


def _thing_possessor(text: str, subj: tuple[int, int, str] | None) -> tuple[int, int, str] | None:
    """The possessor of a subject that is a thing ("Boehner's insistence on such a deal led to
    ...; last week he said", "Sen. Rand Paul’s coronavirus diagnosis adds to debate. He said"):
    the person a "he" or "she" after it names; else ``subj`` (also for "Trump's lawyer", a
    person of his own)."""
    if subj is not None and subj[2] == "role" and (po := _POSSESSOR_OF_THING_RE.fullmatch(text, subj[0], subj[1])) \
            and not text.startswith("The ", po.start(1)) and po.group(2).lower() not in _PERSON_ROLE_NOUNS and po.group(2).lower() not in _PERSON_NOUNS and \
            po.group(2).lower() not in _roles().get("roles", ()):
        return po.start(1), po.end(1), "name"
    return subj


_POSSESSOR_OF_THING_RE = re.compile(r"(?!(?:It|That|There|What|Here|He|She|Who|Let|This)['’])"
                                    r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*)['’]s\s+([a-z][\w-]*)")
_COORD_NAMED_RE = re.compile(r",\s+(?:but|yet)\s+(?=[A-Z])")


def _may_be_person(st: _State, sp: _Speaker, gender: str) -> bool:
    """Is ``sp`` a named person (or bare surname) whose gender, if known, is ``gender``? Not
    'North Carolina', nor 'Mrs. Clinton' for "he"."""
    return bool(sp.name) and _person_like(st, sp) and _speaker_gender(st, sp) in (None, "", gender)


def _person_like(st: _State, sp: _Speaker) -> bool:
    """May "he" or "she" name ``sp``: a person, not a thing or group that the person flag let
    through ("a Wall Street Journal analysis", "many Iowa Democrats"), or a bare surname?"""
    if _plural_group(st, sp.name):
        return False  # (nor as a bare surname: "Prisoners", audit 14)
    if sp.name in _US_STATES and sp.name not in _first_names():
        return False  # ('... in Manchester, New Hampshire, the 69-year-old said she wants': no "she")
    if (po := _POSSESSED_THING_RE.search(sp.name)) is not None and \
            (po.group(1) in _INANIMATE_HEADS or po.group(1) in _DOCUMENT_NOUNS):
        return False  # ("Martin Luther King’s rhetoric made clear ...": a thing, no "he")
    if sp.person and not _group_or_thing_head(sp.name.split()) and not _group_name(sp.name):
        # (also for a name that is not its mention: 'according to a partial transcript released
        # by the White House' is no "she", audit 19)
        return True
    return _bare_surname(st, sp) or _given_name_only(st, sp) is not None


_POSSESSED_THING_RE = re.compile(r"['’]s\s+([a-z]+)$")


def _plural_group(st: _State, name: str | None) -> bool:
    """Is the speaker ``name`` a collective or plural group that the person flag let through,
    whom "he" or "she" never names: a body ("Mountain View police"), a share ("Two-thirds of
    Americans"), a capitalised plural never given as a surname ("Prisoners", "Americans"; not
    "Sanders" where "Bernie Sanders" or "Mr. Sanders" is named)? (audit 13)"""
    if not name:
        return False
    words = name.split()
    head = _head_word(words)
    lh = head.lower().strip(",.")
    if lh in _COLLECTIVE_HEADS or lh in _OF_HEADS or _FRACTION_RE.fullmatch(lh):
        return True
    return head[:1].isupper() and len(words) == 1 and _PLURAL_NOUN_END_RE.search(lh) is not None and \
        not _full_mentions(st, head.strip(",."))[1] \
        and not _titled_in_article(st, head.strip(",."))
        # ("Bernie Sanders", "Mr. Sanders": a surname; but "New Jersey Prisoners" names no one)


_FRACTION_RE = re.compile(r"(?:one|two|three|four)-(?:half|halves|thirds?|quarters?|fourths?|fifths?)|half|\d+%?")
_PLURAL_NOUN_END_RE = re.compile(r"(?:ans|ers|ists|ees|ors|ants|ents)$")


def _group_name(name: str) -> bool:
    """Does a resolved speaker name end in a plural role noun ("House Republicans", "Senate
    Democrats", "administration officials"): a group, whom "he" or "she" never names?"""
    if not name or not name.strip():
        return False
    last = name.rsplit(None, 1)[-1].lower()
    roles = _roles()
    return last.endswith("s") and (last in roles.get("roles", ()) or last in roles.get("anonymous", ()))


def _given_name_only(st: _State, sp: _Speaker) -> str | None:
    """The gender of a speaker named by a given name alone that the article never gives as
    anyone's surname ("Jeff's eyes flash down to the guns ... "Welcome to West Virginia," he
    says": "m"), else None."""
    name = sp.name
    if not name or " " in name or sp.actor is not None or sp.anonymous or name in _places():
        return None  # (not "Virginia's campaign")
    g = _first_names().get(name)
    return g if g is not None and _full_mentions(st, name)[0] is None else None


def _possessor_subject(st: _State, pos: int, pronoun: str) -> _Speaker | None:
    """Whom a possessive pronoun at ``pos`` names when its own sentence names that person
    before it (``pronoun`` is "he" or "she"): the subject of the sentence if it agrees
    ('Christie repeated his claim', 'He reiterated his claim'), else the nearest person whose
    known gender agrees ('I supported President Trump and his promise')."""
    k = bisect_right(st.sent_starts, pos) - 1
    if k < 0 or pronoun not in _PERSONAL:
        return None
    text = st.text
    lo = st.sents[k][0]
    subj = _main_subject(text, lo, pos)
    if subj is not None and subj[1] <= pos and subj[2] in ("name", "pronoun"):
        if subj[2] == "name" or text[subj[0]:subj[1]].lower() == pronoun:
            sp = _speaker(st, *subj)
            if sp.name if subj[2] == "pronoun" else _may_be_person(st, sp, _GENDER[pronoun]):
                return sp
    for m in reversed(list(_POSSESSOR_CANDIDATE_RE.finditer(text, lo, pos))):
        a, b = m.span()
        low = text[a:b].lower()
        if low in _PERSONAL:
            sp = _speaker(st, a, b, "pronoun") if low == pronoun else None
        else:
            if text[b - 2:b] in ("'s", "’s"):
                b -= 2
            sp = _speaker(st, a, b, "name") if _np_shape(text[a:b].split()) == "name" else None
            if sp is not None and _speaker_gender(st, sp) != _GENDER[pronoun]:
                continue  # (a known gender is the evidence of a person: not 'Thursday', 'Capitol Hill')
        if sp is not None and sp.name:
            return sp
    return None


_POSSESSOR_CANDIDATE_RE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b|\b(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*")
_GENDER = {"he": "m", "she": "f"}


def _person_antecedent(st: _State, gender: str, before: int | None = None) -> _Speaker | None:
    """The last person (or bare surname, see _bare_surname) who spoke and whose known gender,
    if any, is ``gender``: what "he"/"his" ("m") or "she"/"her" ("f") names. With ``before``,
    only a speaker named before that offset: a paragraph's direct quotes are attributed before
    its reported clauses, so a later quote's speaker may already be on the list."""
    return next((sp for sp in reversed(st.speakers) if (before is None or sp.start < before) and
                 _antecedent_gender(st, sp) in ("", gender)), None)


def _antecedent_gender(st: _State, sp: _Speaker) -> str:
    """What "he" or "she" can see of a speaker: "f" or "m", "" for a person (or bare surname)
    of unknown gender, "-" for no person. Kept on the speaker: pronoun scans ask it again."""
    if sp.antecedent is None:
        sp.antecedent = (_speaker_gender(st, sp) or "") if _person_like(st, sp) else "-"
    return sp.antecedent


def _one_person_role(text: str, sp: _Speaker) -> bool:
    """Is an unnamed speaker one person by its head noun ("A spokesman for the ministry", "The
    press secretary for President Moon", "a senior European diplomat"), whom "he" or "she" in
    a later sentence may name? Not a group, document or organization ("officials", "the
    report"), nor a role apposed to a name ("Antonio Garcia Martinez, a former manager").
    Kept on the speaker: _role_before asks it of every speaker before each pronoun."""
    if sp.one_person is None:
        sp.one_person = _one_person_head(text, sp)
    return sp.one_person


def _one_person_head(text: str, sp: _Speaker) -> bool:
    """:func:`_one_person_role`, uncached."""
    if sp.name is None or " and " in sp.name or sp.start >= sp.end:
        return False
    # (most speakers are names: a first word that is no determiner rules the role out before
    # the words are scanned and the window before searched)
    w = _WORD_RE.search(text, sp.start, sp.end)
    if w is None or w[0].lower() not in _ONE_PERSON_DETS:
        return False
    head = first = None
    for w in _WORD_RE.finditer(text, sp.start, sp.end):
        lw = w.group(0).lower()
        if lw in _ROLE_STOP:
            # ("The press secretary for South Korea's President": a new person too)
            one = head in _PERSON_ROLE_NOUNS and lw == "for" and first in ("a", "an", "one", "the") or \
                head in _KIN_NOUNS and lw == "of" and first in ("a", "an", "one", "the")  # ("the mother of one of the detainees")
            break
        first = first or lw
        head = lw
    else:
        # a new person: "a senior European diplomat"; not "the Vermont senator", who is someone
        # already named
        one = head in _PERSON_ROLE_NOUNS and first in ("a", "an", "one", "another")
    return one and not _NAME_COMMA_BEFORE_RE.search(text, max(0, sp.start - 60), sp.start)


_KIN_NOUNS = frozenset("mother father daughter son wife husband brother sister widow aunt uncle cousin niece nephew "
                       "grandmother grandfather".split())
_COORD_BEFORE_RE = re.compile(r"\b(?:and|or)\s+$")
# the person asked, right before the question's "he"/"she": 'asked Correia, the ... expert, if he'
_ASKED_WHETHER_RE = re.compile(
    r"\basked\s+((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*)(?:,[^,.;:“”\"]{1,80},)?\s+(?:if|whether)\s+$")
_PLACE_HEADS = frozenset("City County Street Avenue Road Island Beach Park River Lake Valley Bay Square Hall Center "
                         "College University Airport Station Bridge Church School Hospital Heights Springs".split())


def _recent_person(st: _State, pos: int, gender: str) -> _Speaker | None:
    """The last full name of gender ``gender`` (a known given name) before ``pos`` in its
    paragraph or the one before, outside quotes: what a "he" or "she" that nothing else
    resolves most often names ('Ian Power, from the town of St John's began queuing ...
    "...," he said')."""
    text = st.text
    k = bisect_right(st.sent_starts, pos) - 1
    if k < 0:
        return None
    p0 = text.rfind("\n", 0, st.sents[k][0])
    lo = text.rfind("\n", 0, max(0, p0 - 1)) + 1 if p0 > 0 else 0
    names = _first_names()
    found = None
    for mm in _FULL_NAME_RE.finditer(text, lo, pos):
        if names.get(mm.group(1)) != gender or not _free_mention(text, lo, mm.start(1), mm.end(2)) or \
                mm.group(2) in _PLACE_HEADS:
            continue  # (nor "Elizabeth City")
        found = mm.start(1), mm.end(2)
    for mm in _SURNAME_SUBJECT_RE.finditer(text, found[1] if found else lo, pos):
        # a later surname alone, or after a title, that opens a clause and that the article
        # names in full with that gender ('Ellen Langer ... Langer wondered whether .... “...!”
        # she told me'); not an object or a possessor ('Tlaib booed Clinton')
        title = mm.group(1)
        g = _TITLE_GENDER.get(title) if title else _full_mentions(st, mm.group(2))[0]
        if g == gender and _free_mention(text, lo, mm.start(), mm.end()) and \
                (title or _SURNAME_RE.fullmatch(mm.group(2)) and mm.group(2) not in names and mm.group(2) not in _places()):
            found = mm.start(), mm.end()
    if found is None:
        return None
    for mm in _UNKNOWN_SUBJECT_RE.finditer(text, found[1], pos):
        w = mm.group(1)
        if w not in names and w not in _either_names() and w.lower() not in _STOP and w.lower() not in _DETS and \
                f" {w.lower()} " not in text:  # (no common word: 'But Sanders', 'Many')
            # ('Mr. Rahami visited Karachi .... Amarjit Singh, a limousine driver, was friends
            # with Mr. Rahami .... The person he knew, he said': a person of unknown gender
            # between may be the one)
            return None
    sp = _mentioned_person(st, *found)
    return sp if sp.name and not sp.anonymous else None


def _free_mention(text: str, lo: int, a: int, b: int) -> bool:
    """Is the name at ``text[a:b]`` outside quotes (counted from ``lo``), no possessor ("Donald
    Trump’s nativist agenda") and not coordinated ("Clinton or Barack Obama")?"""
    return text.count("“", lo, a) == text.count("”", lo, a) and not text.count('"', lo, a) % 2 and \
        not text.startswith(("'s", "’s"), b) and not _COORD_BEFORE_RE.search(text, max(lo, a - 5), a)


# a full name that opens a sentence, before a comma or a lower-case word: a subject
_UNKNOWN_SUBJECT_RE = re.compile(r"(?:(?<=[.!?]\s)|(?<=\n))([A-Z][a-z]+)\s+[A-Z][a-zA-Z-]*[a-z](?=,|\s+[a-z])")
# a surname, perhaps after a title, as the subject of a clause: after a sentence's start, a
# comma or 'and'/'but', before a lower-case word ('Kelly hasn't', ', and Mr. Trump said')
_SURNAME_SUBJECT_RE = re.compile(r"(?:(?<=[.!?:;,\n])|(?<=[.!?:;,\n] )(?<!\b[A-Z][a-z]\. )(?<!\b[A-Z][a-z][a-z]\. )|(?<=\band )|(?<=\bbut ))"
                                 r"(?:(Mr\.|Mrs\.|Ms\.)\s+)?([A-Z][\w-]*[a-z])(?=\s+[a-z])")


def _role_before(st: _State, pos: int, gender: str, ref: _Speaker | None) -> _Speaker | None:
    """'A Turkish official said .... The official said he could not confirm it. He did say,
    however, ...': an unnamed one-person speaker (see _one_person_role) just before a "he" or
    "she" at ``pos``, with no other name in between, beats the earlier ``ref``."""
    text = st.text
    rp = next((s for s in reversed(st.speakers) if s.end <= pos and _one_person_role(text, s)), None)
    if rp is None or ref is not None and ref.start >= rp.start or pos - rp.end > 400 or \
            not _role_reaches(st, rp, pos, gender):
        return ref
    return rp


def _role_reaches(st: _State, rp: _Speaker, pos: int, gender: str) -> bool:
    """May the unnamed one-person speaker ``rp`` be the "he" or "she" (``gender``) at ``pos``:
    in a later sentence, of no other gender by its noun ("spokeswoman"), with no capitalised
    word (someone else) and no 'told her/him' between?"""
    text = st.text
    h = _TOLD_OUTLET_RE.match(text, rp.end, pos)
    return bisect_right(st.sent_starts, rp.start) < bisect_right(st.sent_starts, pos) and \
        _gender(text[rp.start:rp.end], rp.name) in (None, gender) and \
        not _OTHER_NAME_RE.search(text, h.end() if h else rp.end, pos) and not _TOLD_PRONOUN_RE.search(text, rp.end, pos)


# the outlet the role told, no one "he" or "she" may name: '“...,” the mother of one of the
# detainees told The Intercept. ... “...,” she said' (audit 22)
_TOLD_OUTLET_RE = re.compile(r"\s+(?:told|tells)\s+(?:(?:the|The)\s+)?(?:(?:[A-Z][\w.&'’-]*\s+){0,3}"
                             r"(?:News|Times|Post|Journal|Press|Intercept|Hill|Magazine|Radio|Tribune|Herald|Globe|"
                             r"Guardian|Telegraph|Independent|Examiner|Beast|Caller|Beacon)|CNN|NBC|ABC|CBS|NPR|AP|BBC|"
                             r"MSNBC|Reuters|Politico|POLITICO|Axios|Bloomberg|Breitbart|Vox)\b")


# the role spoke to another "he" or "she": 'a college official told her she had not earned ...'
_TOLD_PRONOUN_RE = re.compile(r"\b(?:told|asked|gave|sent|showed|informed|warned|assured|reminded|urged)\s+(?:her|him)\b")
# any capitalised word inside a sentence ("Al-Assad hinted", "said Trump's schedule"): someone
# else "he" or "she" may name
_OTHER_NAME_RE = re.compile(r"(?<![.!?:\n\"“”‘’(] )(?<!^)(?<![\"“‘(])\b[A-Z][a-z]")
# a name that opens its clause, then the role as its apposition (not "During a protest in Los
# Angeles, an activist")
_NAME_COMMA_BEFORE_RE = re.compile(r"(?:^|[.!?;:\n\"“”]\s*)(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*,\s+$")
_ROLE_STOP = frozenset("for of to at with from in on who whose which that".split())
_ONE_PERSON_DETS = frozenset(("a", "an", "one", "another", "the"))  # (the first words _one_person_head accepts)
_PERSON_ROLE_NOUNS = frozenset(
    "spokesperson spokesman spokeswoman secretary minister adviser advisor director chairman chairwoman "
    "governor senator representative congressman congresswoman lawmaker mayor candidate nominee strategist "
    "pollster analyst expert economist lawyer attorney judge prosecutor official aide source diplomat author "
    "editor writer columnist host anchor reporter researcher scientist professor historian manager executive "
    "founder ceo commander officer delegate activist envoy ambassador negotiator insider "
    "resident voter supporter critic daughter son wife husband father mother brother sister counterpart "
    "advocate organizer organiser volunteer consultant coordinator member fellow scholar physician".split())


def _alias_speaker(st: _State, surface: str, shape: str, hit: tuple, name: str | None, person: bool,
                   actor: str | None) -> tuple[str | None, bool, str | None]:
    """Name, person flag and group of a speaker phrase in which the actor dictionary found the
    alias ``hit`` (actor, start, end in ``name or surface``); ``name`` is a name already given
    (a possessor's role).

    The actor itself ("Mr. Trump" is Donald Trump); a person named after a role or
    institution alias, in its group ("White House spokesman Jay Carney"); or, when the alias
    is only in a modifier, the phrase itself, in the actor's group if its head is an
    affiliate ("the Trump campaign", "one of Trump's advisers"; not "Trump's critics").
    A ``None`` name is left to :func:`_person_name`.
    """
    titles = _roles().get("titles", ())
    if name is not None:
        # a possessor's role ("his campaign" -> "Donald Trump's campaign"): the role speaks, in
        # the possessor's group if it is an affiliate ("his critics" are in none)
        return name, person, actor if _affiliated(name, None) else None
    rest = surface[hit[2]:].split()
    pp = _PREP_BEFORE_RE.search(surface, 0, hit[1])
    other = _person_name(st, rest)
    between = rest[:-len(other.split())] if other is not None else []
    envoy = "to" in between and between[between.index("to") - 1].lower() in _ENVOY_TITLES  # ("U.S. Ambassador to the EU Gordon Sondland")
    if other is not None and (" " not in other or set(other.split()) & set(hit[0].name.split()) or not envoy and any(
            w.lower() in _STOP or w in _NOT_BETWEEN or w.islower() and w.endswith(("ed", "ing"))
            for w in between)):
        other = None  # (not "Trump himself denounced UC Berkeley", "Trump's tweet about Mr Khan")
    if pp is not None and _OBTAINED_BY_RE.search(surface, 0, pp.start() + 3):
        # "testimony obtained by CNN", "a memo seen by Reuters": the outlet that has it
        # does not speak
        return surface, False, None
    if other is not None:
        if pp is not None:
            # "The uncle of White House adviser Stephen Miller": the head is someone else
            return surface, False, None
        # ("Britain's Daily Mail": a name, but no person's without a title)
        return other, hit[0].kind == "person" or any(w.lower() in titles for w in rest), actor
    if pp is None and (pm := _modifier_prep(surface, hit[1])) is not None:
        # "Critics of Sen. Bernie Sanders", "people close to Manafort or Trump": the phrase
        # speaks, in the actor's group only if its head is an affiliate ("Lawyers for Mr. Trump")
        return surface, False, actor if _affiliated(surface, pm) else None
    if pp is None and "and" in rest:
        return name, person, None  # "President Donald Trump and numerous journalists": joint speakers
    if pp is None and not (shape == "role" and _noun_modifiers(rest)):
        if hit[0].kind == "person" and _office_alias_only(st, (name or surface)[hit[1]:hit[2]], hit[0]):
            # "the French President" in a 2015 story is not today's holder: a bare office
            # names the dictionary's person only if the article names that person too (or
            # the name after it: "US President Obama" is Obama)
            return (" ".join(rest) if rest and all(w[:1].isupper() for w in rest) else surface), True, actor
        return hit[0].name, hit[0].kind == "person", actor
    # the actor is in a modifier: "the Trump campaign", "officials in Moscow"
    return name, person, actor if _affiliated(surface, pp) else None


def _office_alias_only(st: _State, alias: str, actor) -> bool:
    """Is ``alias`` an office that holds none of the person ``actor``'s names ("French
    President", "the Russian leader"), in an article that never names that person by surname?"""
    words = alias.split()
    if not any(w.lower() in _OFFICE_WORDS for w in words) or any(w in alias for w in actor.name.split()):
        return False
    return st.text.find(actor.name.split()[-1]) < 0


_OFFICE_WORDS = frozenset("president minister leader aide chancellor premier".split())


def _noun_modifiers(rest: list[str]) -> bool:
    """Are the words after an actor's alias the rest of a noun phrase it modifies ("campaign",
    "'s top advisers", "press office"), not a verb phrase of a chunk that overran its subject
    ("wrote", "signs an executive order")?"""
    ws = rest[1:] if rest[:1] in (["'s"], ["’s"]) else rest
    # (a hyphenated noun too: "vice-president", "press-secretary")
    return bool(ws) and all(w.replace("-", "").isalpha() and w.islower() and w not in _STOP and w not in _DETS and
                            w not in _NOT_BETWEEN and not _loose_verb(w) and not _is_aux(w) for w in ws)


def _affiliated(surface: str, pp: re.Match | None) -> bool:
    """Does a speaker phrase that names an actor only inside a modifier speak for that actor?
    Its head noun must be an affiliate (``data/speaker_roles.txt``): "Trump's lawyers",
    "officials in Moscow", "one of Trump's advisers" (any person inside it: "sources inside
    the White House"), but not "Trump's critics", "Trump voters",
    "a source close to Trump" or "the ambassador to Ukraine"."""
    words = [w.strip(",.").lower() for w in surface.split()]
    roles = _roles()
    if pp is not None:
        if pp.group(0).startswith("to"):
            return False
        if pp.group(0).startswith(("inside", "within")) and (before := surface[:pp.start()].split()) and \
                ((h := before[-1].strip(",.").lower()) in _PERSON_NOUNS or h in roles.get("anonymous", ()) or
                 h in roles.get("roles", ())):
            # "sources inside the White House", "people within the administration" (not "a
            # source with knowledge of discussions inside the White House")
            return True
        before = [w.strip(",.").lower() for w in surface[:pp.start()].split()]
        if before and before[-1] not in _PARTITIVES:
            words = before  # ("Critics of the Trump administration": the head is before "of")
    return bool(words) and words[-1] in roles.get("affiliates", ())


# the prepositions that open a speaker phrase's post-modifier ("officials in Moscow")
_PREPS = r"(?:to|for|of|from|in|at|with|by|about|on|inside|within)"  # (not "outside": "an outside Trump adviser")


def _modifier_prep(surface: str, end: int) -> re.Match | None:
    """The preposition that opens a post-modifier of a person or group noun when an alias
    ending at ``end`` sits further in it ("Critics of Sen. Bernie Sanders", "people close to
    Manafort or Trump", "two operatives familiar with his work in Eastern Europe", "a friend
    of Mr Trump"): the phrase is its head's, not the alias's. Not after a title ("Secretary of
    State Mike Pompeo") or an utterance ("the words of Dr. Gregory House", "audio of Mr.
    Obama", "the disclosures by Mr. Trump": his)."""
    pm = _FIRST_PREP_RE.search(surface, 0, end)
    if pm is None or "," in surface[pm.end():end]:
        return None
    before = surface[:pm.start()].split()
    if not before:
        return None
    low = before[-1].strip(",").lower()
    roles = _roles()
    if low in roles.get("titles", ()) or low in _DOCUMENT_NOUNS or low in _UTTERANCE_NOUNS or \
            not before[-1].islower() and len(before) > 1:
        return None
    return pm if low in _MODIFIER_HEADS or low in _PERSON_NOUNS or low in roles.get("anonymous", ()) or \
        low in roles.get("roles", ()) or low in roles.get("affiliates", ()) else None


_FIRST_PREP_RE = re.compile(rf"\b{_PREPS}\b")
# heads (and the adjectives of "people close to") whose post-modifier names someone else
_MODIFIER_HEADS = frozenset("friend friends associate associates admirer admirers confidant confidants "
                            "close familiar loyal near allied opposed".split())
_UTTERANCE_NOUNS = frozenset("words word audio voice tweet tweets comment comments remark remarks message post "
                             "speech interview ad video account op-ed column view views proposal plan "
                             "disclosure disclosures".split())
_OBTAINED_BY_RE = re.compile(r"\b(?:obtained|seen|reviewed|received|viewed|acquired)\s+by$")
_PARTITIVES = frozenset("one two three some many most several few all each any none both".split())
_PROPER_AFTER_RE = re.compile(r"\s+[A-Z]")
_PREP_BEFORE_RE = re.compile(rf"\b{_PREPS}\s+(?:the\s+)?$")
_NOT_BETWEEN = frozenset("and or & himself herself themselves itself".split())
_PLACE_NAME_RE = re.compile(r"[A-Z][a-z]+")  # ("U.S.", "UK" are adjectives: "U.S. Navy" is the US)


_PREMODIFIER_STOP = frozenset("including included like such as among especially notably and or a an the "
                              "of in from for to at by with who which that".split())


def _premodified_name(phrase: str) -> bool:
    """A personal name after one to three plain lower-case modifiers: "moderate Republican
    Susan Collins of Maine", "former U.S. Surgeon General David Satcher"; not "a member of
    the Black Caucus", "including Alan Dershowitz", "labeling itself the Nusra Front"."""
    words = phrase.split()
    k = next((k for k, w in enumerate(words) if not w[:1].islower()), len(words))
    return 1 <= k <= 3 and not any(w in _PREMODIFIER_STOP or w.endswith(("ing", "ed")) for w in words[:k]) \
        and _has_personal_name(words[k:]) and _np_shape(words[k:]) == "name"


def _has_personal_name(words: list[str]) -> bool:
    """Two capitalised words that are no title, role noun or quantifier: not "Some Democrats",
    "Democrats and some Republicans" (groups, not "he" or "she")."""
    roles = _roles()
    titles, role_nouns = roles.get("titles", ()), roles.get("roles", ())
    caps = [w for w in words if w[:1].isupper() and (lw := w.lower().strip(",")) not in titles
            and lw not in role_nouns and lw not in _QUANTIFIER_WORDS]
    return len(caps) >= 2 and not any(w.lower() in ("the",) for w in words[:1])


def _organization_name(words: list[str]) -> bool:
    """Is a capitalised name an organization's own ("Freedom House", "Americans for Limited
    Government"): its last word, or the last before "of", an organization noun
    (data/speaker_roles.txt): "Information Technology Professionals Association of America"?"""
    k = words.index("of", 1) if "of" in words[1:] else len(words)
    return bool(words) and words[k - 1].lower().strip(",.") in _roles().get("organizations", ()) and \
        all(w[:1].isupper() or w in _NAME_JOINERS for w in words)


def _head_word(words: list[str]) -> str:
    """The head of a noun phrase's words: the last before a post-modifier ("for", "of", "at",
    "who" ...), else the last ("" for none): "Supporters" of "Supporters of the deal"."""
    return next((words[i - 1] for i, w in enumerate(words) if i and w.lower() in _ROLE_STOP), words[-1] if words else "")


def _plural_speaker(name: str) -> bool:
    """May "they" name the speaker ``name``: joint speakers, a plural head or a body
    ("Democrats and Republicans", "administration officials", "the Trump campaign"), not a
    singular thing ("this narrative", "the report", "Liberalism")?"""
    if " and " in name or " & " in name:
        return True
    words = name.split()
    head = _head_word(words).lower().strip(",.")
    if head.endswith(("'s", "’s")) and len(words) > 1:
        head = words[-1].lower()
    if head in _OF_HEADS or head == "share" or head[:1].isdigit():
        return True  # ("Nearly 60 percent of voters", "The same share", "a quarter of the doctors")
    if head in _DOCUMENT_NOUNS or head[:-1] in _DOCUMENT_NOUNS or head in _OUTLET_HEADS or words[-1].isupper():
        return False  # (not "surveys", "polls", "the Post", "The IRS")
    return head.endswith("s") and not head.endswith(("ss", "us", "is")) or head in _COLLECTIVE_HEADS or \
        head in _roles().get("organizations", ()) or head in _NON_PERSON_ROLES


# an outlet after a byline's name: "CNN.com", "The (Tacoma, Washington) News Tribune"
_OUTLET_TAIL_RE = re.compile(r"\.com\b|\b(?:News|Times|Post|Journal|Tribune|Herald|Gazette|Prospector|Daily|Review)\s*$")
_OUTLET_HEADS = frozenset("times post journal press tribune gazette herald news reuters".split())
# bodies that news copy calls "they": "the police said they", "the company said they"
_COLLECTIVE_HEADS = frozenset("police staff team crew company firm family couple public government administration "
                              "campaign committee agency ministry department court panel board council jury military "
                              "army navy majority minority pair group coalition union party left right "
                              # (plurals without -s, and quantifiers standing for people)
                              "people men women children folks many some most several few both all those these "
                              "others".split())


def _group_or_thing_head(words: list[str]) -> bool:
    """Is the head of a speaker phrase that holds no personal name a thing or a group: a
    document or body noun, a past participle, a plural or an outlet ("analysis", "released",
    "officers", "Republicans", "NBC News")? The head is the last word before a post-modifier
    ("for", "of", "at" ...). Such a speaker is no antecedent of "he" or "she"."""
    k = next((i for i, w in enumerate(words) if i and w.islower() and w.endswith("ed")), None)
    if k is not None and words[k - 1].lower() in _THING_NOUNS:
        return True  # ("a partial transcript released by the White House": a thing, audit 19)
    head = _head_word(words)
    lh = head.lower().strip(",.")
    if head[:1].isupper() and lh not in _roles().get("roles", ()):
        return lh == "news"  # (a name's last word: "NBC News", but "Goldman Sachs" is left as it was)
    return lh in _NON_PERSON_ROLES or lh in _NON_PERSON_HEADS or lh.endswith("ed") or \
        lh.endswith("s") and not lh.endswith(("ss", "us", "is")) and lh not in _PERSON_ROLE_NOUNS


# heads of speaker phrases that are things (besides _NON_PERSON_ROLES): analyses and counts
_NON_PERSON_HEADS = frozenset(
    "analysis tally review count projection forecast index investigation audit ruling editorial "
    "research model account records".split())


def _organization_kind_before(surface: str, name: str) -> bool:
    """Does the word just before ``name`` in the speaker phrase say it is an organization's
    ("forecasting firm LMC Automotive", "the think tank Brookings")?"""
    k = surface.rfind(name)
    before = surface[:k].split() if k > 0 else ()
    return bool(before) and before[-1].lower() in _roles().get("organization-kinds", ())


_COURTESY_TITLES = frozenset("Mr. Mrs. Ms. Mr Mrs Ms Dr. Dr Gov. Sen. Rep. Gen. President Senator Governor "
                             "Chairman Sen Rep Gov".split())
_COURTESY_TITLE_ALT = "|".join(map(re.escape, sorted(_COURTESY_TITLES, key=lambda t: (-len(t), t))))  # (for _plural_group)
_GIVEN_NAME_LIKE_RE = re.compile(r"[A-Z][a-z]+")  # ("Denzel", not "U.S." or "Trump’s")
_NAME_JOINERS = frozenset("of for and & on the".split())
_QUANTIFIER_WORDS = frozenset("some many most all both several other few two three four".split())


def _is_place(st: _State, words: list[str]) -> bool:
    """Are ``words`` a place: one of the one-word places, or a place in the actor dictionary?"""
    if len(words) == 1 and words[0] in _places():
        return True
    hit = st.actors.resolve(" ".join(words)) if words else None
    return hit is not None and hit.kind == "place"


_PLACE_PREPS = frozenset("in at inside within".split())


def _person_name(st: _State, words: list[str]) -> str | None:
    """The name part of a speaker NP: trailing capitalised words without titles."""
    roles = _roles()
    titles, orgs = roles.get("titles", ()), roles.get("organizations", ())
    if "of" in words:
        # "Senator Bernie Sanders of Vermont": the name is before "of"
        i = words.index("of")
        if i and words[i - 1][:1].isupper() and words[i - 1].lower() in orgs and \
                all(w[:1].isupper() and w.lower() not in roles.get("roles", ()) or w in _NAME_JOINERS for w in words[i + 1:]) and \
                not any(w in _first_names() for w in words):
            # "Cambodia’s Ministry of Foreign Affairs and International Cooperation": an
            # organization's whole name, no person in it (as in "Department of Homeland Security
            # Secretary Kirstjen Nielsen", "John Fund of National Review")
            return None
        if i >= 2 and all(w[:1].isupper() and w.lower() not in titles for w in words[i - 2:i]) or \
                i >= 2 and words[i - 2] in _COURTESY_TITLES and words[i - 1][:1].isupper() and \
                words[i - 1].lower() not in titles or \
                i == 1 and _SURNAME_RE.fullmatch(words[0]) and _full_mentions(st, words[0])[1]:
            # (also "Mr. Kenworthy of the University of California", and "Ross of the Christian
            # Chronicle" after "Bobby Ross Jr.")
            words = words[:i]
    k = next((i for i, w in enumerate(words) if i and w in _PLACE_PREPS), 0)
    if k:
        head = words[k - 1]
        if k >= 2 and head[:1].isupper() and words[k - 2][:1].isupper() and head.lower() not in titles and (
                words[k - 2] in _first_names() or words[k - 2] in _either_names() or
                k >= 3 and words[k - 3] in _COURTESY_TITLES):
            # "Small-business owner Michelle Detry in Albuquerque", "Students like Paul Nooney at
            # the College of St. Rose": the person, not the place after them (audit 20)
            words = words[:k]
        elif (head.islower() or k == 1) and ((lh := head.lower()) in _PERSON_NOUNS or lh in roles.get("anonymous", ()) or
                                             lh in roles.get("roles", ())) and \
                not (len(words) >= k + 3 and (words[-2] in _first_names() or words[-2] in _either_names())):
            # (but "Staff attorney at the ACLU Michigan chapter Jay Kaplan" is Jay Kaplan)
            return None  # "Another source inside the West Wing": the source, not the place
    while len(words) > 1 and words[-1].startswith("("):
        words = words[:-1]  # "Sen. Richard J. Durbin (D-Ill.)"
    run: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        # "Iowa State University's Dianne Bystrom": the name follows the possessive
        if w[:1].isupper() and w.lower() not in titles and not (run and w.endswith(("'s", "’s"))):
            run.append(w)
        elif w == "and" and run and i and words[i - 1][:1].isupper():
            run.append(w)  # "Lee and Park", "Frank Newport and Jim Harter": joint speakers
        elif w in _COURTESY_TITLES and run and run[-1] != "and" and i >= 2 and words[i - 1] == "and" and \
                words[i - 2][:1].isupper():
            continue  # "Mr. Crane and Mr. Judd": the second title, between joint speakers (audit 24)
        elif w == "&" and run and i and words[i - 1][:1].isupper():
            run.append(w)  # "Fox & Friends", "Johnson & Johnson": one name
        elif w in _NAME_PARTICLES and run and i and (words[i - 1][:1].isupper() or words[i - 1] in _NAME_PARTICLES):
            run.append(w)  # "Bill de Blasio", "Ursula von der Leyen"
        else:
            break
    if not run or len(run) == 1 and (run[0] in _TIME_WORDS or run[0] == "TV" and len(words) > 1):
        return None  # ("legal scholars I consulted Saturday": a day is no name; "Syrian state TV" is the whole phrase, audit 23)
    run.reverse()
    if len(run) > 2 and run[0] in ("Both", "Either", "Neither"):
        run = run[1:]  # ("Both Manchin and Sen. Joe Donnelly")
    k = len(words) - len(run) - 1
    if k >= 0 and words[k] == "of" and len(run) <= 2:
        return None  # "Supporters of Putin" ("Chief of Staff Mick Mulvaney" is cut below)
    to = k - 1 if k >= 1 and words[k] == "the" else k
    if len(run) >= 3 and to >= 1 and words[to] == "to" and words[to - 1].lower() in _ENVOY_TITLES and \
            (run[-2] in _first_names() or run[-2] in _either_names() or _is_place(st, run[:-2]) or len(run) >= 4):
        # "former Ambassador to Russia Michael McFaul", "U.S. Ambassador to the EU Gordon
        # Sondland": the name after the office's place, not the place (also with a given name
        # the list lacks, after a known place or a place of two words: "U.S. Ambassador to Sri
        # Lanka Alaina Teplitz", audit 18)
        return " ".join(run[-2:])
    after_the = k >= 1 and words[k] == "the" and words[k - 1] in ("for", "to")  # ("close to the White House")
    while k >= 0 and words[k] in _COURTESY_TITLES:
        k -= 1
    if (k >= 2 and words[k] == "or" and words[k - 1][:1].isupper() or k >= 0 and words[k] == "of") and \
            _modifier_prep(" ".join(words), len(" ".join(words[:k + 1]))) is not None:
        return None  # "Critics of Sen. Sanders", "people close to Manafort or Gates": no one named
    if k >= 0 and words[k] in ("for", "to", "with", "from") or after_the or \
            k >= 1 and _OBTAINED_BY_RE.search(" ".join(words[k - 1:k + 1])):
        # "Attorneys for Clinton", "a spokeswoman for Mr. Williams": not Clinton herself; nor
        # "one person close to the White House" the White House (but "data from the ADL" is
        # the ADL's); "testimony obtained by CNN": not CNN
        return None
    # a courtesy title's gender ("Ms. Williams"), not that of "a spokeswoman for Mr. Clinton"
    g = _TITLE_GENDER.get(words[-2]) if len(run) == 1 and (len(words) == 2 or len(words) > 2 and
                                                            words[-3].lower() not in ("for", "to", "with", "from", "of")) else None
    if len(run) == 2 and run[1] in _NAME_SUFFIXES and " ".join(run) in st.names:
        return st.names[" ".join(run)]  # "Trump Jr." after "Donald Trump Jr."
    if len(run) == 1 and run[0] in st.names and (
            g is None or _first_names().get(st.names[run[0]].split()[0]) in (None, g)):
        return st.names[run[0]]  # (not "Rick Williams" for "Ms. Williams")
    if len(run) == 1 and _SURNAME_RE.fullmatch(run[0]):
        given = _full_mentions(st, run[0])[1]
        if g is not None and len(st.given_by_gender[run[0]].get(g, ())) == 1:
            # "said Ms. Williams" after "Rick Williams" and "Brenda Williams": the one her title fits
            given = st.given_by_gender[run[0]][g]
        if len(given) == 1:
            # "Kavanaugh said": the article's only full name with it, "Brett Kavanaugh" (not
            # when it names two people so: "Bill Clinton" and "Hillary Clinton")
            return f"{next(iter(given))} {run[0]}"
    if len(run) == 1 and run[0] in _first_names() and \
            len(full := {v for v in st.names.values() if v.startswith(run[0] + " ")}) == 1 and \
            _full_mentions(st, run[0])[0] is None:
        # ("Bernie's plan" after "Bernie Sanders" spoke: the one person so named; not "Scott" where
        # the article names "Ferrell Scott", a surname that is a given name too)
        return next(iter(full))
    if len(run) == 1 and len(words) == 1:
        return run[0]
    if len(run) >= 3 and len(words) > len(run) and words[-len(run) - 1] == "of":
        # "Chief of Staff Mick Mulvaney", "Director of National Intelligence James Clapper": the
        # office's object is not part of the name
        run = run[-3:] if _INITIAL_RE.fullmatch(run[-2]) else run[-2:]
    if len(run) >= 2 and len(words) > len(run) and words[-len(run) - 1].endswith(("'s", "’s")):
        return " ".join(_from_given_name(run))  # "The Business Roundtable’s Josh Bolten"
    b = len(words) - len(run) - 1
    if b >= 0 and run[-1].lower() in orgs and words[b][:1].isupper():
        # "China's Foreign Ministry", "the state Democratic Party": a title word inside an
        # organization's name ends no run; the name is the whole phrase, not "Ministry"
        return None
    if words[0].lower() in ("the", "a", "an"):
        # "the admirable Max Boot", "an angry Hollande": a name after a lower-case modifier; but
        # "the New York Times" and "the Kremlin" are names with their article
        mids = words[1:len(words) - len(run)]
        ok = (any(w.islower() for w in mids) or mids and all(w.lower() in _HONORIFICS for w in mids)) and \
            _modifiers_only(mids, titles)  # ("the Rev. James Martin": an honorific after the article)
        if ok and any(_POSSESSIVE_END_RE.search(w) for w in mids) and not _has_personal_name(run):
            # "the actor's representative Staci Wolfe", "the women's site Bustle"; not "the
            # company's CEO", "the country's Foreign Ministry"
            ok = len(run) == 1 and mids[-1].islower() and \
                run[0].lower() not in roles.get("roles", ()) and run[0].lower() not in roles.get("organizations", ())
        return " ".join(_from_given_name(run)) if ok else None  # (not "the Centers for Disease Control")
    return " ".join(_from_given_name(run))


_ENVOY_TITLES = frozenset("ambassador ambassadors envoy emissary representative delegate".split())
_HONORIFICS = frozenset("rev. rev reverend capt. captain lt. lieutenant sgt. sergeant adm. admiral gen. "
                        "maj. col. cmdr. dr. prof. cardinal archbishop imam rabbi".split())


def _from_given_name(run: list[str]) -> list[str]:
    """'House Speaker Nancy Pelosi', 'Facebook CEO Mark Zuckerberg': a name of three or more
    words starts at a given name that follows other capitalised words; not in "Sarah Jessica
    Parker" (two given names), "J. Gerald Hebert", joint names ("Lee and Park") or place names
    ("San Francisco Chronicle")."""
    if len(run) < 3 or "and" in run:
        return run
    given = _first_names()
    k = next((k for k in range(1, len(run) - 1) if run[k] in given and run[k - 1] not in given
              and run[k] not in _MIDDLE_NAMES and not _INITIAL_RE.fullmatch(run[k - 1])
              and run[k - 1] not in _PLACE_PREFIXES), None)
    return run[k:] if k is not None else run


_PLACE_PREFIXES = frozenset("San Santa St. Saint Fort Port Mount Mt. Los Las La El New Lake Palm Grand".split())


_INITIAL_RE = re.compile(r"[A-Z]\.")


_POSSESSIVE_END_RE = re.compile(r"['’]s$")
_NAME_SUFFIXES = frozenset("Jr. Jr Sr. Sr II III".split())


def _modifiers_only(words: list[str], titles) -> bool:
    """Are ``words`` only titles and lower-case modifiers ("former", "top trade adviser"), with
    no function word or verb form?"""
    # ("a frustrated and hapless Mike Pence": an -ed adjective or "and" between modifiers,
    # but not "the committee subpoenaed Mike Pence")
    # ("the candidate's son Donald Trump Jr.": a possessive noun modifies too)
    return all(w.lower() in titles or w.islower() and _POSSESSIVE_END_RE.sub("", w).replace("-", "").isalpha()
               and w not in _STOP
               and (w not in _NP_INNER or w == "and" and 0 < i < len(words) - 1)
               and (not w.endswith(("ed", "ing")) or i + 1 < len(words) and words[i + 1] == "and")
               for i, w in enumerate(words))


def _remember(st: _State, sp: _Speaker | None) -> None:
    if sp is None or sp.name is None or sp.loose:
        return
    st.speakers.append(sp)
    st.last_any = sp


_NAME_PARTICLES = frozenset("de van von der del da bin al la le".split())
# (also "DeSantis", "LaHood", "DiNapoli", "VanDyke": a particle run into the name)
_SURNAME_RE = re.compile(r"(?:Mc|Mac|O['’]|D['’]|De|Di|Da|Du|La|Le|Lo|Van|Von)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?")


def _bare_surname(st: _State, sp: _Speaker) -> bool:
    """A one-word name with no actor group that is no role word ("Kavanaugh said"): the usual
    second mention of a person, so "he" or "she" after it can name it. The article must name
    it after a given name or a title somewhere ("Brett Kavanaugh", "Judge Kavanaugh"), as it
    never does "China" or "History"."""
    return _surname_gender(st, sp) is not None


def _surname_gender(st: _State, sp: _Speaker) -> str | None:
    """For a bare surname (see _bare_surname): "f" or "m" when a full mention shows it
    ("Elizabeth Warren", "Mrs. Warren"), "" when it is named in full but shows no gender, and
    None when ``sp`` is no bare surname."""
    name = sp.name
    if sp.actor is not None or sp.anonymous or not name or not _SURNAME_RE.fullmatch(name):
        return None
    return _full_mentions(st, name)[0]


_OFFICE_TITLE_WORDS = frozenset("President Sen. Senator Gov. Governor Rep. Representative Secretary Mayor "
                                 "Judge Justice Speaker Chancellor Minister".split())
_RELATIVE_ROLE_BEFORE_RE = re.compile(_any_case_words(
    r"first\s+lady wife husband widow widower daughter son brother sister mother father niece nephew "
    r"cousin spouse") + r"[,’'s]*\s+$")


@cache
def _places() -> frozenset[str]:
    """One-word place names, from ``analysis/data/places.txt``."""
    raw = resources.files("analysis.data").joinpath("places.txt").read_text("utf-8")
    return frozenset(w for line in raw.splitlines() for w in line.split("#", 1)[0].split())


def _full_mentions(st: _State, name: str) -> tuple[str | None, frozenset[str]]:
    """How the article names the one-word ``name`` in full: the gender its full mentions show
    ("f", "m", "" for none, None if it has no full mention) and the given names before it
    ("Brett" of "Brett Kavanaugh"). Found with str.find and a short look back (a regex over
    the text for each name was slow); cached per article."""
    if name in st.full_names:
        return st.full_names[name]
    seen: list[tuple[str, bool]] = []  # (gender, a relative's mention) of each full mention
    given: set[str] = set()
    by_gender: dict[str, set[str]] = {}
    relatives: set[str] = set()
    officer = False
    if not any(name.lower() in words for words in _roles().values()):
        text = st.text
        place = name in _places()
        i = text.find(name)
        while i >= 0:
            j = i + len(name)
            if (j == len(text) or not text[j].isalnum()) and (i == 0 or not text[i - 1].isalnum()):
                # (the pattern ends at i with a word and at most an initial after it: a match
                # starts within the window's last two white-space separated tokens, so the
                # engine need not try the positions before them)
                a = i - 40 if i > 40 else 0  # (not max(): see _window_start)
                head = text[a:i].rsplit(None, 2)
                m = _FULL_NAME_BEFORE_RE.search(text, a + len(head[0]) if len(head) == 3 else a, i)
                if m is not None and not (place and m.group(1) not in _first_names() and m.group(1) not in _either_names()
                                          and not m.group(1).endswith(".") and m.group(1) not in _OFFICE_TITLE_WORDS):
                    # (a place is named in full only after a known given name or a title: "Steve
                    # Israel", not '"Should Iran deliver', "Communist China")
                    before = m.group(1)
                    g = _gender(before, f"{before} {name}") or ""
                    relative = False
                    if before in _OFFICE_TITLE_WORDS:
                        officer = True
                    if before in _first_names():
                        full = f"{before} {m.group(2)}." if m.group(2) else before  # "George W."
                        if _RELATIVE_ROLE_BEFORE_RE.search(text, max(0, m.start() - 30), m.start()):
                            relatives.add(full)
                            relative = True
                        given.add(full)
                        by_gender.setdefault(_first_names()[before], set()).add(full)
                    seen.append((g, relative))
            i = text.find(name, j)
    if officer and relatives:
        # "President Obama ... first lady Michelle Obama": a bare "Obama" is the officeholder,
        # whose given name the article does not give, not the relative it names in full ("Mrs.
        # Obama" may still be her: by_gender keeps her), nor her gender ("he" may name him)
        given -= relatives
        seen = [(g, rel) for g, rel in seen if not rel]
    genders = [g for g, _ in seen if g]
    found = next(iter(genders), "") if seen else None
    if len(set(genders)) > 1:
        # "Bill Clinton" and "Mrs. Clinton": two people. The surname alone takes no given name,
        # and the gender of most full mentions (none on a tie).
        f, m = genders.count("f"), genders.count("m")
        found = "f" if f > m else "m" if m > f else ""
        given.clear()
    st.full_names[name] = out = (found, frozenset(given))
    st.given_by_gender[name] = by_gender
    return out


def _speaker_gender(st: _State, sp: _Speaker) -> str | None:
    """A speaker's gender, from its own mention or, for a bare surname, from its full mention;
    else from the pronouns that follow the name in its own sentences (see _usage_gender)."""
    return sp.gender or _surname_gender(st, sp) or st.pronoun_gender.get(sp.name) or _given_name_only(st, sp) or \
        (_usage_gender(st, sp.name) if sp.name and _personal_name_like(sp.name) and
         (" " in sp.name.strip() and sp.person or _bare_surname(st, sp)) else None)


def _personal_name_like(name: str) -> bool:
    """Could ``name`` be a person's name: capitalised words (or name particles), none a
    determiner, function word, day, month or place ('Amarjit Singh', 'Dhiab'; not 'Thursday',
    'An October', 'New Hampshire', "Harris' home state of California")?"""
    words = name.split()
    return bool(words) and words[0] not in _COMPASS_WORDS and all(
        (w[:1].isupper() and not w.endswith(("'", "’", "'s", "’s")) or w in _NP_INNER) and
        w.lower() not in _STOP and w.lower() not in _DETS and w not in _CALENDAR_WORDS and w not in _places()
        for w in words)


_CALENDAR_WORDS = _WEEKDAYS | frozenset("January February March April May June July August September October "
                                        "November December".split())
_COMPASS_WORDS = frozenset("New North South East West San Santa Los Las Saint St. Fort Mount".split())


def _usage_gender(st: _State, name: str) -> str | None:
    """The gender a person's own sentences show when the given name does not ('Amarjit Singh
    said he ...', 'Wijewardena told reporters he ...'): the first "he" or "she" (or "himself",
    "herself") after a mention of the surname in its sentence, before any other capitalised
    word or quote mark, agreeing over all such mentions; None when there is none or they
    disagree. ("his" and "her" are left out: 'Erfani-Ghadimi describes his progress' is
    someone else's.)"""
    words = name.split()
    surname = words[-1] if words else ""
    if surname in st.usage_gender:
        return st.usage_gender[surname]
    found = None
    if _SURNAME_RE.fullmatch(surname) and not (len(words) == 1 and _first_names().get(surname)):
        text = st.text
        seen: set[str] = set()
        i = text.find(surname)
        while i >= 0:
            j = i + len(surname)
            if (j == len(text) or not text[j].isalnum()) and (i == 0 or not text[i - 1].isalnum()):
                k = bisect_right(st.sent_starts, i) - 1
                end = min(st.sents[k][1] if k >= 0 else len(text), j + 80)
                # (a subject: a verb or an apposition next, not 'Amazon, Google and Facebook
                # because she says')
                nx = _WORD_RE.match(text, j + 1) if text[j:j + 1] == " " else None
                m = _USAGE_PRONOUN_RE.search(text, j, end) if text[j:j + 1] == "," or nx is not None and \
                    nx.group(0).islower() and nx.group(0) not in _USAGE_NOT_VERB else None
                if m is not None and m.group(1):
                    seen.add("f" if m.group(1) in ("she", "herself") else "m")
            i = text.find(surname, j)
        found = seen.pop() if len(seen) == 1 else None
    st.usage_gender[surname] = found
    return found


_USAGE_NOT_VERB = frozenset("because and or but which who that when while if as since for to of in on at by from with than "
                            "after before until".split())
# the first personal pronoun after a name, unless another capitalised word or a quote mark
# comes first (someone else, or words the pronoun may be inside)
_USAGE_PRONOUN_RE = re.compile(r"\b(he|himself|she|herself)\b|(?<![.!?]\s)\b[A-Z][a-z]|[\"“”]")


# What comes right before a surname in a full mention: a given name or title ("Brett",
# "Mrs.", "Judge"), not a sentence's first function word or a word that ends a sentence
# ("Crime. Tell"), and perhaps a middle initial.
_FULL_NAME_BEFORE_RE = re.compile(
    r"\b(?!(?:In|On|At|The|A|An|And|But|For|To|Of|With|By|From|As|If|When|While|That|This|Since|"
    r"After|Before|Why|How|What|Where|Who|Said|Says|According)\b)"
    r"((?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Rev|Prof|Pres|Amb|Adm|Capt|Maj|Supt|Insp)\.|[A-Z][\w'’-]*)"
    r"\s+(?:([A-Z])\.\s+)?$")


# ---------------------------------------------------------------------------------------
# Extraction


def extract_quotes(doc: Doc, *, actors: ActorDictionary | None = None) -> QuoteResult:
    """Find direct, mixed, reported and scare quotes in the body and heading paragraphs.

    Parameters
    ----------
    doc : Doc
        From :func:`analysis.text.segment`. Title and caption paragraphs are skipped.
    actors : ActorDictionary, optional
        Gives each speaker's actor group; defaults to :func:`analysis.actors.default_actors`.

    Returns
    -------
    QuoteResult
        Quotes in text order; warnings such as ``unclosed quote at offset 1234``. Never raises
        on odd text: an internal failure in one paragraph becomes a warning.
    """
    actors = actors or default_actors()
    text = doc.text
    warnings: list[str] = []
    paras = [p for p in doc.paragraphs if p.kind in ("body", "heading")]
    st = _State(text, actors)
    st.transcript = _transcript_labels(text, paras)
    turns = _heading_turns(text, paras)
    turn_heads = {h for h in turns.values()}
    try:
        doubles = _pair_double(text, paras, warnings)
    except Exception as exc:  # noqa: BLE001 - never raise on input
        _warn(warnings, f"quote pairing failed: {exc.__class__.__name__}")
        doubles = []
    sents_by_para: dict[int, list] = {}
    for s in doc.sentences:
        sents_by_para.setdefault(s.paragraph, []).append(s)
    kept = {p.index for p in paras}
    st.sents = [(s.start, s.end) for s in doc.sentences if s.paragraph in kept]
    st.sent_starts = [a for a, _ in st.sents]
    by_para: dict[int, list[_Span]] = {}
    for sp in doubles:
        by_para.setdefault(sp.para, []).append(sp)
    # The spans overlapping a paragraph are a slice of ``doubles`` when their starts and ends
    # both ascend (pairing gives them in text order, disjoint): two bisections instead of a
    # scan of every span for every paragraph.
    d_starts, d_ends = [sp.ms for sp in doubles], [sp.me for sp in doubles]
    d_sorted = all(a <= b for a, b in zip(d_starts, d_starts[1:])) and \
        all(a <= b for a, b in zip(d_ends, d_ends[1:]))
    verbs = speech_verbs()
    # a quote running over paragraphs is attributed in its first paragraph, but its cue may
    # follow the closing mark, and the later quotes of the closing paragraph refer to it
    carried: dict[int, list[_Span]] = {}
    for sp in doubles:
        if sp.end_para is not None:
            carried.setdefault(sp.end_para[0], []).append(sp)
    quotes: list[Quote] = []
    prev_para_speaker: _Speaker | None = None
    bylines = _bylines(text, paras)
    embeds = _tweet_embeds(text, paras)
    embedded: list[Quote] = []
    for p in paras:
        try:
            if p.index in turns or (p.start, p.end) in turn_heads:
                # an interview turn under a name heading is its speaker's words
                q = _turn_quote(st, p, turns[p.index]) if p.index in turns else None
                if q is not None:
                    quotes.append(q)
                prev_para_speaker = None
                continue
            if text[p.start].isupper() and text[p.start + 1:p.start + 2].isupper() and (inline := _inline_turns(st, p)):
                # a transcript quoted in one paragraph ('LAPIERRE: I don't think ... WALLACE: I
                # don't know. ...'): each turn is its speaker's words, not reports (audit 23)
                quotes.extend(inline)
                prev_para_speaker = None
                continue
            if p.index in embeds:
                # an embedded tweet is its signer's words, whatever it quotes or mentions
                q = _embed_quote(st, p, *embeds[p.index])
                if q is not None:
                    quotes.append(q)
                    embedded.append(q)
                prev_para_speaker = None
                continue
            if p.index in bylines:
                # a round-up quote whose author's byline follows it ("Harry Enten, CNN")
                prev_para_speaker = _speaker(st, *bylines[p.index], "name")
            spans = by_para.get(p.index, [])
            # double spans overlapping this paragraph (a multi-paragraph one started earlier)
            here = doubles[bisect.bisect_right(d_ends, p.start):bisect.bisect_left(d_starts, p.end)] \
                if d_sorted else [s for s in doubles if s.me > p.start and s.ms < p.end]
            singles = _pair_single(text, p, here)
            cues = _find_cues(text, p.start, p.end)
            if here or singles:
                cues = [m for m in cues if not _inside(here, m.start()) and not _inside(singles, m.start())]
            pq, prev_para_speaker = _paragraph(st, p, spans, singles, cues, verbs,
                                               sents_by_para.get(p.index, []),
                                               prev_para_speaker, carried.get(p.index, ()))
            quotes.extend(pq)
        except Exception as exc:  # noqa: BLE001
            _warn(warnings, f"paragraph {p.index} skipped: {exc.__class__.__name__}: {exc}")
    if embedded:
        quotes = _drop_tweet_twins(quotes, embedded)
    quotes.sort(key=lambda q: (q.start, q.end))
    quotes = [_front_content(st, _passive_subject(text, q)) for q in _pull_quotes(text, paras, _drop_cue_twins(quotes))]
    return QuoteResult(tuple(_same_paragraph_pronouns(st, quotes)), tuple(warnings))


def _same_paragraph_pronouns(st: _State, quotes: list[Quote]) -> list[Quote]:
    """A direct quote's 'he said' left without a speaker names the person whose report comes
    before it in its paragraph: direct quotes are read before reported speech, so in 'Adam
    Winkler, an expert ..., said the time may not be right .... "...," he said' the pronoun found
    no one (audit 14). (Giving it the same person over an earlier speaker made more wrong than
    right on ABP: the report is often someone else's, 'Trey Gowdy's GOP colleagues'.)"""
    out = list(quotes)
    for k, q in enumerate(out):
        if q.speaker is not None or q.speaker_start is None or q.kind != "direct":
            continue
        low = st.text[q.speaker_start:q.speaker_end].lower()
        if low not in ("he", "she"):
            continue
        prev = next((o for o in reversed(out[:k]) if o.paragraph == q.paragraph and o.speaker is not None), None)
        if prev is None or prev.speaker_start is None or st.text[prev.speaker_start:prev.speaker_end].lower() in _PERSONAL \
                or prev.kind == "direct" or prev.speaker_start > q.start or "'" in prev.speaker or "’" in prev.speaker:
            continue  # (a reported clause with a named speaker, before the quote in its paragraph)
        g = _first_names().get(prev.speaker.split()[0]) if " " in prev.speaker else None
        if g == _GENDER[low]:
            out[k] = replace(q, speaker=prev.speaker, actor=prev.actor, anonymous=prev.anonymous)
    return out


def _front_content(st: _State, q: Quote) -> Quote:
    """A tag in mid-sentence splits what was said ('In cases of abortion, it said, “the woman is
    a victim.”', 'These and other sources of authority, the lawyers said, “all command the same
    conclusion”', 'If the negligence law has never had its day in court, Giuliani said, there’s a
    simple explanation: “...”'): the content starts at the sentence, as it does for a reported
    clause ('Cost estimates, he added, were too high'). Not a fronted phrase of time, place or
    occasion ('In a statement Friday, the lawyers said, "..."')."""
    if q.kind == "scare" or q.speaker_start is None or q.cue_start is None or \
            not q.speaker_start < q.cue_start < q.start:
        return q
    text = st.text
    if not _TAG_COMMA_RE.fullmatch(text, q.cue_end, q.start):
        return q  # (the tag is set off by commas on both sides)
    k = bisect.bisect_right(st.sent_starts, q.speaker_start) - 1
    if k < 0 or st.sents[k][1] < q.start:
        return q
    lo = st.sents[k][0]
    pre = text[lo:q.speaker_start].rstrip()
    fw = _WORD_RE.search(text, lo, q.speaker_start)
    if not pre.endswith(",") or len(_WORD_RE.findall(pre)) < 3 or _QUOTE_MARK_RE.search(pre) or \
            fw is None or fw.group(0).lower() in _LEAD_PREP or fw.group(0).lower() in _SUBORDINATORS or \
            fw.group(0).lower() in _COMMA_ADVERBS or fw.group(0).lower() in _TIME_SPANS or \
            _fronted_participle(text, fw) or fw.group(0) in _FRONTED_ADJECTIVES or \
            _CONTEXT_FRONT_RE.search(pre) or _find_cues(text, lo, q.speaker_start):
        # (a clause or noun phrase of the speaker's, not a fronted phrase or clause that sets
        # the scene: 'After pausing for laughter, Clinton added, "..."', 'When we spoke, Knowles
        # told me, "..."', 'As for the IRS's targeting ..., Rasmussen said, "..."', 'Surprised by
        # the omission, Sen. Lindsey Graham (R-SC) told CBN News, "..."')
        return q
    while lo < q.start and text[lo].isspace():
        lo += 1
    if q.kind == "direct":
        end = q.end + 1 if text[q.end:q.end + 1] in ("”", '"', "»") else q.end  # (the closing mark, as in mixed quotes)
        return replace(q, kind="mixed", start=lo, end=end, text=text[lo:end], fragments=((q.start, q.end),))
    return replace(q, start=lo, text=text[lo:q.end])


_TAG_COMMA_RE = re.compile(r"(?:\s+\w+){0,3}\s*,\s*[\"“«]?")  # ('said, “', 'said Friday, "', 'said, but "')
# a fronted phrase that sets the occasion, not the words: time, medium, place, participle
_CONTEXT_FRONT_RE = re.compile(
    r"\b(?:statements?|interviews?|rally|rallies|speech|letters?|e-?mails?|tweets?|posts?|conference|hearings?|"
    r"appearance|remarks|op-ed|column|broadcast|show|program|briefing|meeting|event|visit|call|release|memo|"
    r"filing|testimony|debate|video|podcast|book|article|report|message|town hall|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|morning|afternoon|evening|"
    r"week|month|year|ago|later|earlier)\b|^\s*(?:[A-Z][a-z]+ing|Asked|According|Speaking|Writing|Reached|Contacted)\b")


def _passive_subject(text: str, q: Quote) -> Quote:
    """The subject of a passive cue is who was asked, told or charged, not the speaker
    ('Grover Cleveland was asked at every campaign stop, "Ma, ma, where's my pa?"', 'Three
    people were arrested after a demonstration ... turned "violent"'): no speaker. (Not
    'Ballenger ... is quoted in the Detroit Free Press as calling ...', whose words they are.)"""
    if q.speaker_end is None or q.cue_start is None or q.speaker_end > q.cue_start or \
            q.cue_start - q.speaker_end > 80 or q.cue in _PASSIVE_OWN_WORDS or q.cue in _EXPERIENCER_PARTICIPLES or \
            not (q.cue.endswith("ed") or q.cue in _IRREGULAR_PARTICIPLES) or text.startswith(" to have ", q.cue_end):
        return q  # (nor 'Hinman was devastated ..., she says ...: "..."', 'Bellow is supposed to have said')
    if _PASSIVE_ADV_BEFORE_RE.search(text, q.speaker_end, q.cue_start) is None or \
            q.kind == "direct" and (q.cue_class is None or q.cue == "asked" and not q.text.rstrip(" .”\"'’").endswith("?")):
        # (but a colon after a description introduces the subject's or a document's own words:
        # 'They were also united in their praise for Melania Trump: "Fabulous."', 'the
        # Declaration is framed around a single statement: "..."'; and 'the House speaker was
        # asked if he was backing Trump: "I'm just not ready ..."' is his answer)
        return q
    return replace(q, speaker=None, speaker_start=None, speaker_end=None, actor=None, anonymous=False)


_PASSIVE_OWN_WORDS = frozenset("quoted cited recorded overheard heard".split())
# participles of feeling, whose subject is the one who feels, and often speaks
_EXPERIENCER_PARTICIPLES = frozenset(
    "devastated pleased worried concerned convinced relaxed outraged stunned obsessed frustrated disappointed "
    "surprised excited delighted thrilled shocked angered alarmed troubled encouraged impressed determined "
    "committed focused upset annoyed irritated heartened dismayed".split())
_IRREGULAR_PARTICIPLES = frozenset("told asked thought known shown seen given written spoken".split())


def _pull_quotes(text: str, paras, quotes: list[Quote]) -> list[Quote]:
    """A short untagged quote that is a paragraph of its own and repeats words quoted elsewhere
    in the article is a pull quote or display heading ('“They try to downplay it as much as
    possible”' above the paragraph that attributes it): its speaker is the one of the quote it
    repeats, not whoever spoke last (audit 13, pattern 2). It stays a quote: the page shows
    those words twice, and annotators (PolNeAR) mark both."""
    short = [q for q in quotes if q.kind == "direct" and q.cue is None and len(q.text) < 120]
    if not short:
        return quotes
    bounds = {p.index: (p.start, p.end) for p in paras}
    repl = {}
    for q in short:
        a, b = bounds.get(q.paragraph, (q.start, q.end))
        words = _norm_words(q.text)
        if len(words.split()) < 4 or _norm_words(text[a:b]) != words or _colon_before_paragraph(text, a) is not None:
            continue  # (but 'Hugh Johnson tells our Newscast Desk that Friday's report is:' / '"..."' is his)
        src = [o for o in quotes if o is not q and o.kind in ("direct", "mixed") and words in _norm_words(o.text)]
        if src:
            o = next((o for o in src if o.speaker is not None), src[0])
            repl[id(q)] = replace(q, speaker=o.speaker, speaker_start=o.speaker_start, speaker_end=o.speaker_end,
                                  actor=o.actor, anonymous=o.anonymous)
    return [repl.get(id(q), q) for q in quotes] if repl else quotes


def _drop_cue_twins(quotes: list[Quote]) -> list[Quote]:
    """One content read by two cues is one attribution: 'answered this question by telling
    jurors that X', 'did not deny this report ..., and acknowledged that X', 'fired back on
    Twitter at Trump saying: "X"'. Keep the cue nearest the content (the other's own object
    is no claim), with the span, kind and fragments of a direct or mixed twin. ``quotes`` is
    sorted."""
    out: list[Quote] = []
    for q in quotes:
        if q.kind != "scare" and q.cue_start is not None:
            for j in range(len(out) - 1, len(out) - 7 if len(out) > 6 else -1, -1):  # (twins are neighbours)
                o = out[j]
                if o.kind != "scare" and o.cue_start is not None and o.start < q.end and q.start < o.end and \
                        _norm_words(o.text) == _norm_words(q.text):
                    near, far = (o, q) if _cue_gap(o) <= _cue_gap(q) else (q, o)
                    base = far if _KIND_RANK[far.kind] > _KIND_RANK[near.kind] else near
                    keep = replace(base, cue=near.cue, cue_start=near.cue_start, cue_end=near.cue_end,
                                   cue_class=near.cue_class, speech=near.speech, speaker=near.speaker,
                                   speaker_start=near.speaker_start, speaker_end=near.speaker_end,
                                   actor=near.actor, anonymous=near.anonymous)
                    out[j] = keep
                    break
            else:
                out.append(q)
            continue
        out.append(q)
    if len(out) < len(quotes):
        out.sort(key=lambda q: (q.start, q.end))
    return out


_KIND_RANK = {"indirect": 0, "mixed": 1, "direct": 2}  # (a twin keeps the quote marks either one found)


def _cue_gap(q: Quote) -> int:
    """Characters between a quote's cue and its content (a cue inside it is farthest: 'He is
    expected to announce his candidacy, the source said')."""
    if q.cue_end <= q.start:
        return q.start - q.cue_end
    return q.cue_start - q.end if q.cue_start >= q.end else 1 << 30


def _norm_words(s: str) -> str:
    return " ".join(_WORD_RE.findall(s.lower()))


def _same_person(a: str, b: str) -> bool:
    """Do two speaker names share a name word ("Chuck Grassley" / "ChuckGrassley", "Beto
    O’Rourke" / "Beto O'Rourke")?"""
    ca, cb = re.sub(r"[^a-z]", "", a.lower()), re.sub(r"[^a-z]", "", b.lower())
    return any(len(w) >= 3 and w in cb for w in re.findall(r"[a-z]+", a.lower())) or \
        any(len(w) >= 3 and w in ca for w in re.findall(r"[a-z]+", b.lower()))


def _drop_tweet_twins(quotes: list[Quote], embedded: list[Quote]) -> list[Quote]:
    """A tweet quoted in the prose and also embedded is one voice, not two: keep the prose quote
    (its cue and context) when its speaker is the signer or missing, taking the signer as its
    speaker if missing; keep the embed instead when the prose speaker is no name (a phrase the
    speaker finder took: 'CNN) Revelers', 'a post'); keep both when they name two people."""
    drop: set[int] = set()
    out = {id(q): q for q in quotes}
    embeds = {id(e) for e in embedded}
    prose = [(q, _norm_words(q.text)) for q in quotes if id(q) not in embeds and q.kind != "scare"]
    for e in embedded:
        ne = _norm_words(e.text)
        for q, nq in prose:
            if id(q) in drop:
                continue
            if min(len(nq), len(ne)) < 30 or (nq not in ne and ne not in nq):
                continue
            if q.speaker is None or e.speaker is None or _same_person(q.speaker, e.speaker):
                drop.add(id(e))
                if q.speaker is None and e.speaker is not None:
                    out[id(q)] = replace(q, speaker=e.speaker, actor=e.actor, anonymous=e.anonymous)
            elif not all(w[:1].isupper() for w in q.speaker.split()):
                drop.add(id(q))  # ('"Happy New Year ...," revelers said' beside Trump's signed tweet)
            # (two names: a reporter's tweet may relay a politician's words; both stay)
            break
    return [out[id(q)] for q in quotes if id(q) not in drop]


def _attr_right(st, span: _Span, cues, verbs, hi) -> tuple | None:
    """``"...," Starmer said`` / ``"...," said Starmer``: cue and speaker after the quote."""
    text = st.text
    for m in cues:
        if m.start() < span.me:
            continue
        far = m.start() - span.me - _blank_chars(text, span.me, m.start()) if m.start() - span.me > 160 else 0
        if far > 220 or far > 160 and _HARD_STOP_RE.search(text, span.me, m.start()):
            # (a long apposition may come between: '"...," Trump, the 2016 GOP presidential
            # frontrunner nationally and ..., said'; past a sentence end, the fallback below)
            break
        entry = verbs[_norm(m.group(0))]
        gap = text[span.me:m.start()]
        rel = _OPEN_RELATIVE_RE.search(gap)
        if rel is not None:
            ws = _words(text, span.me + rel.start(), m.start())  # ("who", then its verb)
            if len(ws) >= 3 and ws[1].group(0) in _COPULAS:
                # '"...," Katie Packer, who is chairman of the PAC said': the relative clause has
                # its own verb and the closing comma is missing, so the cue is the main verb
                subj = _antecedent(text, span.me, span.me + rel.start())
                if subj is not None:
                    return m, entry, subj
            continue  # '"...," Warren, who has not endorsed a candidate, told ...': the next cue
        if entry.frame not in ("say", "tell"):
            # '"...," Gorka urged.': a verb that usually takes an object is an attribution
            # only when nothing follows it in the sentence
            h = _OBJ_PRONOUN_RE.match(text, m.end(), hi)  # '," he urged them.'
            if not _CUE_ENDS_RE.match(text, h.end() if h else m.end(), hi):
                if _APPOSITION_VERB_RE.match(text, span.me, m.start()):
                    # ('"...," Todd Stiefel, a former Catholic who now leads a campaign called
                    # Openly Secular, told CBS News': the verb is inside an apposition; the tag's
                    # own cue comes after it)
                    continue
                return None
            entry = _Cue(entry.form, entry.lemma, entry.cls, "say")
        # (a quoted title may end an apposition: '..., co-author of "ISIS," told')
        tc = _title_comma(text, span.me, m.start()) if gap.rstrip().endswith(("”", '"', "'")) else None
        # (a short quoted title in the speaker's phrase: '," the "Hannity" host said')
        if _HARD_STOP_RE.search(_mask_titles(text[span.me:tc[0] if tc else m.start()])):
            return None
        if not _PARTICIPLE_NEXT_RE.match(text, m.end(), hi) and (
                re.match(r"[^.!?\"“”]{0,40}?:\s*[\"“‘«']", text[m.end():m.end() + 45]) or
                _ends_sentence(text, span) and _NEXT_QUOTE_RE.match(text, m.end(), hi)):
            # '"A." Mr. Zahed said: "B."', '"...now." He added, "What ..."', '"... substance."
            # She added that "...': the cue introduces the next quote
            return None
        if not gap.strip(" ,—–-\u00a0"):
            # inversion: "...," said X (not '"fantastic," telling reporters': a hearer)
            np = _np_after(text, m.end(), hi) if not m.group(0).endswith("ing") else None
            if np is None:
                return None
            return m, entry, np
        if not _utterance_end(text, span):
            return None
        s0 = span.me
        if entry.frame == "say" and (asm := _AS_TAG_RE.match(text, span.me, m.start())) is not None:
            # ('“when somebody disrespects our flag,” as Trump put it in 2017'; not '“college
            # promises,” as they are often called': a name, no voice)
            if _BE_WORD_RE.search(text, asm.end(), m.start()):
                return None
            s0 = asm.end()
        subj = _subject_before(text, s0, m.start())
        if subj is None and gap.rstrip().endswith(","):
            subj = _subject_skip_apposition(text, span.me, span.me + len(gap.rstrip()) - 1)
        elif subj is None and tc is not None:
            subj = _subject_skip_apposition(text, span.me, tc[1])
        elif subj is None and _SOURCE_HINT_RE.search(gap) and (src := _SOURCE_NP_RE.search(gap.strip(" \u00a0"))):
            # ('"...," one official briefed on the investigation said': an unnamed source and its
            # post-modifier, the gap's whole text)
            o = span.me + len(gap) - len(gap.lstrip(" \u00a0"))
            subj = (o + src.start(1), o + len(src.group(0).rstrip()), "role")
        if subj is not None and subj[2] == "pronoun" and text[m.end():m.end() + 1] == "," and \
                text[span.me:subj[0]].strip(" ,\u00a0").lower() in _EPISTEMIC_ADVERBS:
            # '"...." Perhaps, he said, this ...': a sentence adverb, then a parenthetical attribution
            return m, entry, subj
        if subj is not None and subj[2] == "pronoun" and text[m.end():m.end() + 1] == "," and \
                _ends_sentence(text, span) and text[span.me:subj[0]].rstrip().endswith(","):
            # '"... bully." South Carolina, he said, was "...": the parenthetical attribution is
            # the next sentence's; the quote before it goes on from an earlier speaker
            return None
        if (subj is None or text[span.me:subj[0]].strip(" ,—–-\u00a0")) and entry.frame in ("say", "tell") \
                and not m.group(0).endswith("ing") and _opens_sentence(text, span) \
                and not _clause_after_cue(text, m, entry, hi):
            subj = _long_subject(text, span.me, m.start()) or subj
        if subj is None or text[s0:subj[0]].strip(" ,—–-\u00a0"):
            return None
        if _ends_sentence(text, span) and text[subj[0]].isupper() and _FRAGMENT_OPEN_RE.search(
                text, max(0, span.ms - 3), span.ms) and subj[0] > span.me:
            # 'a payment of “$5-10 billion.” Former presidents Fox and Calderón fired back.': a
            # fragment ending its sentence; the next sentence reacts, it does not attribute
            return None
        if _ends_sentence(text, span) and text[subj[0]].isupper() and \
                _cue_has_object(text, m, entry, hi) and (
                    text[span.cs:span.ce].rstrip(" '’")[-1:] not in "!?" or _clause_after_cue(text, m, entry, hi)):
            # '"... together." He warns that ...': a new sentence of its own; but after '!' or
            # '?' the sentence may go on: '"...!" McDonough wrote in a September 16, 2012 email'
            return None
        return m, entry, subj
    # no lexicon cue: '"Go back to Univision," Trump barked'
    if _utterance_end(text, span):
        mm = _ANY_VERB_AFTER_RE.match(text, span.me, hi)
        if mm:
            ws = _WORD_RE.findall(text, mm.start(1), mm.end(1))
            shape = _np_shape(ws)
            if shape in ("name", "pronoun") and (shape == "name" or ws[0].lower() in _PERSONAL) or \
                    shape == "role" and ws[-1] in _roles().get("roles", ()) and ws[-1] not in _NON_PERSON_ROLES:
                verb = re.compile(r"\w+").search(text, mm.start(2))
                return verb, _Cue(verb.group(0), verb.group(0), None, "say"), \
                    (mm.start(1), mm.end(1), shape)
        iv = _INVERTED_ANY_VERB_RE.match(text, span.me, hi)
        if iv and _closing_char(text, span) in (",", "!", "?") and _opens_sentence(text, span):
            # inverted: '"...," proffered Scalise.', '"...," bemoaned Sen. Lindsey Graham, ...'
            np = _np_after(text, iv.end(1), hi)
            if np is not None and np[2] == "name":
                verb = _WORD_RE.match(text, iv.start(1))
                return verb, _Cue(verb.group(0), verb.group(0), None, "say"), np
    return None


_BE_WORD_RE = re.compile(_whole_words("is are was were be been being") + r"\b")
_AS_TAG_RE = re.compile(r"[ \t\u00a0]+as[ \t\u00a0]+(?=\S)")  # ('," as Trump put it')


def _as_tagged(text: str, sp: _Span, m: re.Match) -> bool:
    """Is the cue ``m`` that of an 'as X put it' tag right after the quote ``sp`` ('“...,” as
    Trump put it')? Such a tag owns the quoted words alone (see _attr_right)."""
    return m.start() >= sp.me and _AS_TAG_RE.match(text, sp.me, m.start()) is not None
_INVERTED_ANY_VERB_RE = re.compile(
    r"[ \t\u00a0]+([a-z]{3,}ed)\b(?=[ \t\u00a0]+(?:[A-Z]|(?:the|a|an|one)\s|(?:[a-z-]+\s+){1,4}[A-Z]))")


# a name, then an apposition that the cue sits in: ', a former Catholic who now leads a campaign'
_APPOSITION_VERB_RE = re.compile(r"[ \t\u00a0]+(?:[A-Z][\w.'’-]*[ \t\u00a0]+){1,3}?[A-Z][\w'’-]*,[ \t\u00a0]+(?:a|an|the)\s[^,.;:!?\"“”]*$")
_SUBORD_OPEN_RE = re.compile(
    r"\b(?:after|before|when|whenever|where|once|until|since|if|as|while|because)\s+[^,;:.!?\"“”]*$", re.IGNORECASE)
_COPULAS = frozenset("is was are were".split())
_BE_FORMS = _COPULAS | {"been", "be"}
_OPEN_RELATIVE_RE = re.compile(r",\s+(?:who|which)\b[^,.;:!?\"“”]*$")
_NEXT_QUOTE_RE = re.compile(r"\s*,?\s*(?:that\s+)?[\"“‘«']")


# a participle cue that takes the next quote, leaving the cue before it to the quote before:
# '"We will win," he said, adding: "What do you have to lose?"'
_TAG_PARTICIPLES = "adding|saying|noting|continuing|explaining|declaring|insisting|warning"
_PARTICIPLE_NEXT_RE = re.compile(rf"(?:\s+[A-Za-z.'’ ]{{1,30}}?)?,\s+(?:{_TAG_PARTICIPLES}|asking|writing|telling\s+\w+)\b")


_PARTICIPLE_CONTENT_RE = re.compile(rf"(?:{_TAG_PARTICIPLES})\b[,:]?\s")


def _blank_chars(text: str, a: int, b: int) -> int:
    """How many characters of ``text[a:b]`` are in runs of blanked furniture (8+ spaces)."""
    return sum(len(r) for r in _BLANK_RUN_RE.findall(text, a, b))



def _long_subject(text: str, a: int, b: int) -> tuple[int, int, str] | None:
    """'"...," former George W. Bush speechwriter Noam Neusner wrote.': everything between a
    closing quote and a cue that ends the sentence is its subject, if it looks like a noun
    phrase (at most 20 words, no sentence punctuation, opening with a capital or a determiner)."""
    a, b = _trim_np(text, a, b)
    seg = text[a:b]
    ws = _words(text, a, b)
    # (a short quoted title may name the show: 'the "Hannity" host', '"SNL" star Pete Davidson')
    if not ws or len(ws) > 20 or _LONG_SUBJ_BAD_RE.search(_mask_titles(seg)):
        return None
    first = ws[0].group(0)
    if not (first[:1].isupper() or first.lower() in _DETS or first.lower() in _POSSESSIVE_DETS
            or any(w.group(0)[:1].isupper() for w in ws[1:3])):
        return None  # ('state Senate leader Phil Berger', 'former George W. Bush speechwriter')
    if any(_VERBISH_RE.fullmatch(w.group(0)) and w.group(0).lower() not in _NOUNISH_S
           for w in ws[-1:]):
        return None
    caps = any(w.group(0)[:1].isupper() for w in ws)
    c = seg.find(",")
    if c > 0 and any(w.group(0)[:1].isupper() for w in ws if w.end() <= a + c):
        return a, a + c, "name"  # 'X and Y, both Republicans,': the names before the apposition
    return a, b, "name" if caps else "role"


_QUOTED_TITLE_RE = re.compile(r"[\"“][A-Z][^\"“”,.!?]{0,30}[\"”]")


def _mask_titles(s: str) -> str:
    """``s`` with each short quoted title (see ``_QUOTED_TITLE_RE``) blanked to letters of the
    same length, so that its marks stop no search."""
    if '"' not in s and "“" not in s:
        return s
    return _QUOTED_TITLE_RE.sub(lambda x: "T" * len(x.group(0)), s)
_LONG_SUBJ_BAD_RE = re.compile(r"[!?;:]\s|[a-z]{3}\.\s|[\"“”«»]|\b(?:said|says|told|that|which|to(?!\s+(?:the\s+)?[A-Z])|was|were|is|"
                               r"are|has|had|have|be|been|did|do|does|would|will|can|could|just|as|if|"
                               r"when|while|because|[a-z]+ed(?=\s+(?:by|to|the|a|an|in|on|at|that|with|as|for|from|"
                               r"his|her|their|its|it|him|them|up|out|off)\b))\b")


def _own_sentence(text: str, span: _Span) -> bool:
    """Is the quote a whole sentence: it opens one and its content ends like one?"""
    return _opens_sentence(text, span) and text[span.cs:span.ce].rstrip(" '’")[-1:] in (".", "!", "?", "…") \
        and (span.me >= len(text) or not text[span.me:span.me + 2].strip(" \t\u00a0")[:1].isalpha())


def _opens_sentence(text: str, span: _Span) -> bool:
    """Does the quote open its sentence (nothing but a sentence end or a break before it)?"""
    i = span.ms
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    return i == 0 or text[i - 1] in "\n.!?\"”'’"

_NOUNISH_S = frozenset("studies news politics affairs relations services times states".split())


_FRAGMENT_OPEN_RE = re.compile(r"[a-z][ \t\u00a0]*$")  # a quote opening after a lower-case word


def _closing_char(text: str, span: _Span) -> str:
    """The last non-space character of the quoted content ("" if it is empty)."""
    j = span.ce
    while j > span.cs and text[j - 1].isspace():
        j -= 1
    return text[j - 1] if j > span.cs else ""


def _ends_sentence(text: str, span: _Span) -> bool:
    """Does the quoted content end with a full stop (or ! ?) right before the closing mark?"""
    return _closing_char(text, span) in (".", "!", "?", "…")


def _cue_has_object(text: str, m: re.Match, entry: _Cue, hi: int) -> bool:
    """Is the cue followed by content of its own (``warns that ...``), not just adverbials
    (``said Thursday.``, ``told reporters in Ohio.``)?"""
    pos = m.end()
    stop = _HARD_STOP_RE.search(text, pos, hi)
    end = stop.start() if stop else hi
    if entry.frame == "tell":
        h = _HEARER_RE.match(text, pos, end)
        if h:
            pos = h.end()
    rest = text[pos:end]
    # (a long rest is a clause: see _END_ADVERBIAL_RE)
    return len(rest.split(None, 2)) >= 3 and (len(rest) >= 160 or not _end_adverbial(rest))


def _clause_after_cue(text: str, m: re.Match, entry: _Cue, hi: int) -> bool:
    """Does a clause follow the cue (``warns that ...``, ``told him the plan ...``), rather
    than adverbials (``wrote in a September 16, 2012 email``, ``said as he left``)?"""
    pos = m.end()
    if entry.frame == "tell":
        h = _HEARER_RE.match(text, pos, hi)
        if h:
            pos = h.end()
    return bool(_THAT_RE.match(text, pos, hi) or _CLAUSE_AFTER_RE.match(text, pos, hi))


# A clause right after a cue, not a comma or a participle: 'the senator said his campaign ...'
_CLAUSE_AFTER_RE = re.compile(r"\s+(?:that\s+)?(?:his|her|their|its|the|a|an|he|she|they|it|we|I|[A-Z][\w'’.-]*)\s+\w")
# An object pronoun after a cue: '," he urged them.' / 'chiding him, "..."'
_OBJ_PRONOUN = r"\s+(?:him|her|them|us|me|you)"
_OBJ_PRONOUN_RE = re.compile(_OBJ_PRONOUN + r"\b")
_OBJ_PRONOUN_COMMA_RE = re.compile(_OBJ_PRONOUN + r"\s*[,:]\s*")
# The cue ends its clause: '," Gorka urged.' / '," he warned Thursday, "...'
_CUE_ENDS_RE = re.compile(rf"(?:\s+(?:on\s+)?(?:{_DAYS}))?\s*(?:[.,;!?]|$)")

# the end of a sentence that is only "X said (in a statement|on Twitter|Thursday)."
_SHORT_CUE_END_RE = re.compile(
    rf"(?:\s+(?:in|on|to)\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:statement|interview|email|e-mail|"
    rf"tweet|post|letter|Twitter|Facebook|reporters|CNN|Fox\s+News|MSNBC)(?:\s+(?:on\s+)?(?:{_DAYS}))?"
    rf"|(?:\s+(?:on\s+)?(?:{_DAYS})))?\s*(?:[.,;!?]|$)")
_ANY_VERB_AFTER_RE = re.compile(
    r"[ \t\u00a0]*[,—–-]?[ \t\u00a0]*((?:(?:an?|the)[ \t\u00a0]+(?:[a-z]+[ \t\u00a0]+)?)?"  # ("an angry Hollande")
    r"(?:[A-Z][\w.'’-]*[ \t\u00a0]+){0,3}[A-Z][\w'’-]+|he|she|"
    r"(?:the|a|an)[ \t\u00a0]+(?:[a-z-]+[ \t\u00a0]+){0,2}[a-z]+)"  # ("the president counseled")
    r"[ \t\u00a0]+([a-z]{3,}(?:ed|s))\b(?=[ \t\u00a0]*[.,;!?]|[ \t\u00a0]+(?:and|as|before|after|"
    r"while|with|in|at|on|from|to|back)\b|"
    # (after a past form only: "Palin posted via ...", not "Trump supporters again hollered")
    r"(?<=ed)[ \t\u00a0]+(?:via|during|through|later|earlier|again|today|"
    r"yesterday|tonight|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)")


_WHAT_SUBJECT_BEFORE_RE = re.compile(r"\bwhat\s+(he|she|they|we|I|(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*)\s+(?:(?:has|had|have|then|later|once)\s+)?$")


def _attr_colon(st, span: _Span, sents, spans, p) -> tuple | None:
    """``She then addressed the supporters again: "..."``: the subject of the clause before a
    colon that introduces the quote (the verb is the cue, whether or not it is in the lexicon)."""
    text = st.text
    if not span.double:
        return None
    j = span.ms
    while j > p.start and text[j - 1] in " \t\u00a0":
        j -= 1
    if j == p.start:
        # 'Cruz continued:\n\n"...': the colon ends the previous paragraph
        j = _colon_before_paragraph(text, p.start)
        if j is None:
            return None
        lo = text.rfind("\n", 0, j) + 1
        for mb in _HARD_STOP_RE.finditer(text, lo, j - 1):
            lo = mb.end()
    elif text[j - 1] != ":":
        return None
    else:
        lo = next((x.start for x in sents if x.start <= j - 1 < x.end), p.start)
        for o in spans:
            if o is not span and lo < o.me <= j:
                lo = o.me
    label = _dash_label(text, lo, j - 1)
    if label is not None:
        return _COLON_RE.match(text, j - 1), _Cue(":", ":", None, "say"), label
    inv = _INVERTED_COLON_RE.fullmatch(text, lo, j - 1)
    if inv is not None and _norm(inv.group(1).lower()) in speech_verbs():
        # 'Continued Stone: "..."' / 'Said Mr. Reid: "..."'
        a, b = _trim_np(text, inv.start(2), inv.end(2))
        shape = _np_shape(_WORD_RE.findall(text, a, b))
        if shape in ("name", "role"):
            verb = _WORD_RE.match(text, inv.start(1))
            entry = speech_verbs()[_norm(inv.group(1).lower())]
            return verb, entry, (a, b, shape)
    cue = _find_cues(text, max(lo, j - 60), j - 1)
    if cue and _CUE_ENDS_RE.fullmatch(text, cue[-1].end(), j - 1):
        # 'The Times made these claims, and Breitbart News responded:': the subject of the
        # lexicon cue before the colon, not of the sentence
        subj = _subject_before(text, lo, cue[-1].start())
        if subj is None and (wh := _WHAT_SUBJECT_BEFORE_RE.search(text, max(lo, cue[-1].start() - 60), cue[-1].start())):
            # 'This is what she said: "..."': the subject of the free relative
            subj = (wh.start(1), wh.end(1), "pronoun" if wh.group(1).lower() in _PRONOUNS else "name")
        if subj is None and _TO_BEFORE_RE.search(text, max(lo, cue[-1].start() - 4), cue[-1].start()):
            # "O'Malley, who signed gun laws, interjected to say:": the subject of the clause
            subj = _main_subject(text, lo, cue[-1].start())
        if subj is not None:
            return cue[-1], speech_verbs()[_norm(cue[-1].group(0))], subj
    label = _colon_label(text, lo, j - 1)
    if label is not None:
        return _COLON_RE.match(text, j - 1), _Cue(":", ":", None, "say"), label
    pn = _SPEECH_NOUN_COLON_RE.fullmatch(text, lo, j - 1)
    if pn is not None:
        # "Smith’s response:", "Smith had a message for voters:": the owner of the words
        a, b = _trim_np(text, pn.start(1), pn.end(1))
        shape = "pronoun" if text[a:b].lower() in _POSSESSIVE_PRONOUNS else \
            _np_shape(_WORD_RE.findall(text, a, b))
        if shape in ("name", "role", "pronoun"):
            noun = _WORD_RE.match(text, pn.start(2) if pn.group(2) else pn.start(3))
            return noun, _Cue(noun.group(0), noun.group(0), None, "say"), (a, b, shape)
    subj = _main_subject(text, lo, j - 1)
    if subj is None:
        return None
    # a lower-case role opens the clause only after a fronted phrase, and then it needs a
    # lexicon cue ('In a press release, the committee said about its platform:')
    lower_role = subj[2] == "role" and not text[subj[0]:subj[0] + 1].isupper()
    if lower_role and not text[lo:subj[0]].rstrip().endswith(","):
        return None
    vpos = subj[1]
    if text[vpos:vpos + 1] == ",":
        # 'Priorities USA, a pro-Clinton super PAC, emailed ...:': the verb after the apposition
        c = text.find(",", vpos + 1, min(j - 1, vpos + 100))
        if c < 0:
            return None
        vpos = c + 1
    if text[vpos:vpos + 1] in "’'" and (ca := _WORD_RE.match(text, vpos + 1, j - 1)) is not None:
        vpos = ca.end()  # ("He’s taken plenty ...: “...”": past the contracted auxiliary)
    verb = _WORD_RE.search(text, vpos, j - 1)
    while verb is not None and _is_aux(verb.group(0)):
        verb = _WORD_RE.search(text, verb.end(), j - 1)
    # ("said" is a stop word for noun phrases, not here: 'X said:\n\n"..."')
    if verb is None or not verb.group(0).islower() or verb.group(0) in _STOP and verb.group(0) not in speech_verbs() \
            or verb.group(0) in _DETS or lower_role and verb.group(0) not in speech_verbs():
        return None
    entry = speech_verbs().get(verb.group(0)) or _Cue(verb.group(0), verb.group(0), None, "say")
    return verb, entry, subj


# Words of someone's, before a colon and a quote: "Smith’s response:", "His message to
# voters was simple:", "Smith had a message for voters:"
_SPEECH_NOUNS = r"message|warning|response|answer|reply|advice|words|plea|retort|rebuttal|reaction|verdict|promise"
_SPEECH_NOUN_COLON_RE = re.compile(
    rf"\s*(?:(?:And|But|So)\s+)?((?:[A-Z][\w.'’-]*\s+){{0,3}}[A-Z][\w.-]*|[Hh]is|[Hh]er|[Tt]heir)(?:[’']s)?\s+"
    rf"(?:(?:had|has|have|offered|gave|delivered|issued|sent)\s+(?:a|an|the|this|one|some|his|her|their)\s+"
    rf"(?:\w+\s+)?({_SPEECH_NOUNS})(?:\s+(?:for|to)\s+[\w\s.'’-]{{1,40}}?)?|"
    rf"(?:\w+\s+)?({_SPEECH_NOUNS})(?:\s+(?:for|to)\s+[\w\s.'’-]{{1,40}}?)?(?:\s+(?:was|is)\s+(?:simple|clear|blunt|short))?)\s*")


def _dash_signature(text: str, span: _Span, p) -> tuple | None:
    """'"...."' then a paragraph '- Hillary Clinton.': a signature line names the speaker of
    a quote that ends its paragraph."""
    end = span.end_para[1] if span.end_para is not None else p.end
    if not span.double or text[p.start:span.ms].strip():
        return None  # (the quote must open its paragraph)
    if text[span.me:end].strip():
        # '"..." — Amanda Mull, Atlantic': the signature ends the quote's own paragraph
        sig = _INLINE_SIGNATURE_RE.fullmatch(text, span.me, end)
    else:
        sig = _DASH_SIGNATURE_RE.match(text, end)
    if sig is None:
        return None
    a, b = _trim_np(text, sig.start(2), sig.end(2))
    ws = _WORD_RE.findall(text, a, b)
    if _np_shape(ws) != "name" or any(w.lower() in _HEADLINE_STOP for w in ws):
        return None  # ("- Reuters." is a credit line)
    dash = _DASH_RE.match(text, sig.start(1))
    return dash, _Cue(dash.group(0), dash.group(0), None, "say"), (a, b, "name")


_DASH_RE = re.compile(r"[-—–]")
_COLON_RE = re.compile(":")
# ("- Hillary Clinton.", "-Michelle Marks, Philadelphia.", "-President Obama, tweeting after ...")
# ("-- President Obama addressing graduates at ...": a participle may follow the name)
_SIGNATURE = r"(--?|[—–])[ \t]*([A-Z][^\n.,:;]{1,60}?)"  # the dash, then the name
_DASH_SIGNATURE_RE = re.compile(
    r"\s*\n\s*" + _SIGNATURE + r"(?:,[^\n]{1,120}?|(?=\s+[a-z]+ing\b)[^\n]{1,150}?)?\.?[ \t]*(?:\n|$)")
# ('"..." — Courtenay Brown to Associated Press', '"..." – Kyle Smith, National Review')
_INLINE_SIGNATURE_RE = re.compile(
    r"[ \t]*" + _SIGNATURE + r"(?:,[^\n]{1,120}?| to [A-Z][^\n]{0,80}?)?\.?[ \t]*")


# Words that open a finite clause (not "as", "than": "signed gun laws as governor").
_CLAUSE_OPEN_RE = re.compile(r"\b(?:that|because|when|while|although|though|if|since|and|but|so)\s")
_TO_BEFORE_RE = re.compile(r"\bto\s+$")


_LABEL_DASH_RE = re.compile(r"\s-+\s*|\s*[—–]\s*")
_FROM_LEAD_RE = re.compile(r"(?:More\s+)?[Ff]rom\s+|[,\"”\s]*by\s+(?=[A-Z])")  # (credit: '," by X's Y:')


def _dash_label(text: str, lo: int, colon: int) -> tuple[int, int, str] | None:
    """The source named after a dash or 'From' before a colon, in newsletter style ('Pollsters
    agree - Carl Bialik: "..."', '-More from Blumenthal and Cohen: "..."', 'From the report:
    "..."'), or None."""
    k = lo
    for mb in _LABEL_DASH_RE.finditer(text, lo, colon):
        k = mb.end()
    fm = _FROM_LEAD_RE.match(text, k, colon)
    if k == lo and fm is None:
        return None
    if fm is not None:
        a, b = _trim_np(text, fm.end(), colon)
        ws = _WORD_RE.findall(text, a, b)
        return (a, b, _np_shape(ws)) if len(ws) <= 8 and _np_shape(ws) in ("name", "role") else None
    return _colon_label(text, k, colon)


def _colon_label(text: str, lo: int, colon: int) -> tuple[int, int, str] | None:
    """A name alone before a colon that introduces a quote (``Former secretary of state
    Hillary Rodham Clinton: "..."``, ``Here's Clinton in December 1992: "..."``), or None."""
    a, b = _trim_np(text, lo, colon)
    here = _LABEL_LEAD_RE.match(text, a, b)
    if here:
        a = here.end()
    tail = _LABEL_TAIL_RE.search(text, a, b)
    if tail:
        b = tail.start()
    ws = _WORD_RE.findall(text, a, b)
    return (a, b, "name") if len(ws) <= 8 and _name_label(ws) else None


_JUNIOR_RE = re.compile(r",?\s+(?:Jr|Sr|II|III)\.?$")


def _transcript_labels(text: str, paras) -> dict[str, str]:
    """The speaker labels of an interview transcript ('Julia Belluz: ...', 'JB: ...', 'AMY
    GOODMAN: ...'), label -> the name it stands for: labels that open two or more paragraphs,
    when at least two such labels alternate. A name in capitals needs a known given name
    ('AMY GOODMAN', not 'TARGET:'); initials stand for the label whose initials they are."""
    counts: dict[str, int] = {}
    for p in paras:
        if text.find(":", p.start, p.start + 40 if p.end - p.start > 40 else p.end) < 0:  # (not min(): see _window_start)
            continue
        hm = _HEADLINE_RE.match(text, p.start, p.end)
        if hm is not None:
            counts[hm.group(1)] = counts.get(hm.group(1), 0) + 1
    given = _first_names()
    labels = []
    for label, n in counts.items():
        ws = label.split()
        if n < 2:
            continue
        if _name_label(ws) or label.isupper() and (
                2 <= len(label) <= 3 or any(w.title() in given for w in ws) and len(ws) <= 3):
            labels.append(label)
    if any(x.isupper() and " " in x for x in labels):
        # a host in capitals ('AMY GOODMAN:') with a guest whose given name the list lacks
        # ('CHASE STRANGIO:', audit 20): another name of two or three words in capitals that
        # opens two or more paragraphs
        labels += [x for x, n in counts.items() if n >= 2 and x not in labels and x.isupper() and
                   2 <= len(x.split()) <= 3 and all(w.isalpha() for w in x.split())]
    if len(labels) < 2:
        return {}
    # a full name used once, then its initials ('Stephen Loyd:' ... 'SL:')
    labels += [x for x, n in counts.items() if n == 1 and len(x.split()) > 1 and
               "".join(w[0] for w in x.split()).upper() in labels and _name_label(x.split())]
    if any(x.isupper() and len(x) > 3 for x in labels):
        # a transcript in capitals ('AMY GOODMAN:'): a guest or bystander who speaks once
        # ('BREE NEWSOME:', 'POLICE OFFICER 1:') is labelled the same way
        labels += [x for x, n in counts.items() if n == 1 and x.isupper() and 2 <= len(x.split()) <= 4
                   and all(w.isalpha() or w.isdigit() for w in x.split())]
    out = {}
    for label in labels:
        full = next((x for x in counts if len(x.split()) > 1 and
                     "".join(w[0] for w in x.split()).upper() == label), None) if label.isupper() and \
            len(label) <= 3 else None
        if full is None and " " not in label and not label.isupper():
            # a surname label after the full one: 'Thomas:' after 'Ginni Thomas:', 'Trump:' after
            # 'Donald Trump, Jr:'
            fm = re.search(rf"(?m)^((?:[A-Z][\w.'’-]*[ \t]+){{1,3}}{re.escape(label)}(?:,?[ \t]+(?:Jr|Sr|II|III)\.?)?):",
                           text)
            full = fm.group(1) if fm else None
        if full is None and label.isupper() and len(label) > 3:
            full = label.title()  # 'AMY GOODMAN' -> 'Amy Goodman' (initials and 'CNN' stay)
        out[label] = (full.title() if full.isupper() else full) if full else label
    return out


def _name_label(ws: list[str]) -> bool:
    """Are ``ws`` a name that can label what follows it (``Putin:``, ``Rep. Trey Gowdy:``), not
    a heading word (``Update:``, ``WATCH:``)?"""
    return bool(ws) and not any(w.lower() in _HEADLINE_STOP or w.isupper() and len(w) > 3 for w in ws) \
        and not (len(ws) == 1 and (ws[0] in _SECTION_WORDS or ws[0].lower() in speech_verbs())) \
        and " ".join(ws) not in _US_STATES and _np_shape(ws) == "name"  # (not "Adds:", audit 23)


# one-word section labels of results round-ups ('Senate: Rep. X won ...', 'House: ...'), not
# speakers ('White House:' and 'Dr. Gregory House:' are)
_SECTION_WORDS = frozenset("Senate House Congress Governor President Mayor Legislature Assembly".split())
# labels of state-by-state round-ups ('Tennessee: Reporter seeking coverage ends up at ...'):
# a state does not speak in a transcript
_US_STATES = frozenset(
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho "
    "Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota "
    "Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah "
    "Vermont Virginia Washington Wisconsin Wyoming National".split()) | {
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Rhode Island",
    "South Carolina", "South Dakota", "West Virginia"}


def _heading_turns(text: str, paras) -> dict[int, tuple[int, int]]:
    """The turns of a question-and-answer interview laid out with each speaker's name as a
    heading of its own ('Sean Illing' / question / 'Mark Lilla' / answer ...): paragraph index
    -> the offsets of the name heading it falls under. Names that head two or more paragraphs
    each, when at least two of them alternate at least twice; the turns run to the next name."""
    given = _first_names()
    heads = [(i, p) for i, p in enumerate(paras)
             if p.end - p.start <= 40 and (m := _TURN_NAME_RE.fullmatch(text, p.start, p.end)) is not None
             and m.group(1) in given]
    counts: dict[str, int] = {}
    for _, p in heads:
        counts[text[p.start:p.end]] = counts.get(text[p.start:p.end], 0) + 1
    names = {n for n, c in counts.items() if c >= 2}
    seq = [(i, p) for i, p in heads if text[p.start:p.end] in names]
    if len(names) < 2 or sum(1 for x, y in zip(seq, seq[1:]) if text[x[1].start:x[1].end] != text[y[1].start:y[1].end]) < 2:
        return {}
    out: dict[int, tuple[int, int]] = {}
    for k, (i, p) in enumerate(seq):
        stop = seq[k + 1][0] if k + 1 < len(seq) else len(paras)
        for q in paras[i + 1:stop]:
            out[q.index] = (p.start, p.end)
    return out


# a name alone as a paragraph: 'Sean Illing', 'Peter W. Singer'
_TURN_NAME_RE = re.compile(r"([A-Z][a-z'’-]+)(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-z'’-]+){1,2}")


def _inline_turns(st: _State, p) -> list[Quote]:
    """The turns of a transcript run into one paragraph, which opens with a label in capitals
    and holds another ('LAPIERRE: ... WALLACE: ... LAPIERRE: ...'): a direct quote of each turn,
    its speaker the label (the article's own spelling of the name when it has one:
    "LaPierre"); else []."""
    text = st.text
    if text.find(":", p.start, p.start + 30 if p.end - p.start > 30 else p.end) < 0:
        return []  # (most paragraphs: no colon near the start, no scan)
    first = _INLINE_LABEL_RE.match(text, p.start, p.end)
    if first is None:
        return []
    labels = [first] + [m for m in _INLINE_LABEL_RE.finditer(text, first.end(), p.end)
                        if text[m.start() - 1:m.start()] in (" ", "\u00a0") and _char_before(text, m.start()) in ".?!\"“”…—-)"]
    if len(labels) < 2:
        return []
    out = []
    spelt: dict[str, str | None] = {}  # label -> the article's own spelling of it (labels come back)
    for i, m in enumerate(labels):
        a, b = _strip_space(text, m.end(), labels[i + 1].start() if i + 1 < len(labels) else p.end)
        if a >= b:
            continue
        label = m.group(1).split()[-1]  # (the surname of "SEN. TED CRUZ")
        if label not in spelt:
            rx = re.compile(rf"\b({re.escape(label)})\b", re.IGNORECASE)
            own = rx.search(text)
            while own is not None and own.group(1).isupper():
                own = rx.search(text, own.end())
            spelt[label] = own.group(1) if own is not None else None
        own = spelt[label]
        spk = _speaker(st, m.start(1), m.end(1), "name")
        name = spk.name
        if (name is None or name.isupper()) and own is not None and own[:1].isupper():
            name = st.names.get(own, own)  # ("LAPIERRE" -> "LaPierre", or his full name)
        out.append(Quote(kind="direct", start=a, end=b, text=text[a:b], cue=":", cue_start=m.end(1), cue_end=m.end(1) + 1,
                         cue_class="neutral", speaker=name, speaker_start=m.start(1), speaker_end=m.end(1),
                         actor=spk.actor, anonymous=False, paragraph=p.index, fragments=(), speech=True))
    return out


def _char_before(text: str, pos: int) -> str:
    """The last character before ``pos`` that is not white space ("" at the start)."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return text[pos - 1:pos]


# a speaker label in capitals ("LAPIERRE:", "CHRIS WALLACE:"), not a one-word heading ("UPDATE:")
_INLINE_LABEL_RE = re.compile(r"((?!(?:UPDATE|UPDATED|WATCH|NOTE|EDITOR|READ|CORRECTION|BREAKING|RELATED|PHOTOS?|VIDEO)\b)"
                              r"[A-Z][A-Z'’.-]{2,}(?:\s+[A-Z][A-Z'’.-]+){0,2}):\s")


def _turn_quote(st: _State, p, head: tuple[int, int]) -> Quote | None:
    """A paragraph of an interview turn (see _heading_turns) as its speaker's words: a direct
    quote of the whole paragraph, whose cue is the empty string at the end of the name heading."""
    text = st.text
    a, b = _strip_space(text, p.start, p.end)
    if a >= b:
        return None
    spk = _speaker(st, head[0], head[1], "name")
    _remember(st, spk)
    return Quote(kind="direct", start=a, end=b, text=text[a:b], cue="", cue_start=head[1], cue_end=head[1],
                 cue_class="neutral", speaker=spk.name, speaker_start=head[0], speaker_end=head[1],
                 actor=spk.actor, anonymous=False, paragraph=p.index, fragments=(), speech=True)


_LABEL_LEAD_RE = re.compile(r"(?:Here['’]s|Here\s+is|And|Then)\s+")
# "..., in December 1992", "Rep. Trey Gowdy (R-S.C.)": not part of the name
_LABEL_TAIL_RE = re.compile(r"(?:,?\s+(?:in|on|at|during)\s+(?:[\w.'’-]+\s+){0,3}[\w.'’-]+|\s*\([^()\n]{1,25}\))\s*$")
# ('Said Mr. Reid:', 'Says Strobe Talbott, a Russia specialist who served ...:': the name
# before an apposition)
_INVERTED_COLON_RE = re.compile(r"\s*([A-Z][a-z]+)\s+([A-Z][^:,]{0,60}?)\s*(?:,[^:]{1,200})?")


def _colon_before_paragraph(text: str, start: int) -> int | None:
    """Offset just after a colon that ends the paragraph before ``start`` (a quote in its own
    paragraph introduced by ``X said:``), or None."""
    k = start
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k == 0 or text[k - 1] != ":" or text.count("\n", k, start) > 3:
        return None
    return k


def _utterance_end(text: str, span: _Span) -> bool:
    """Does the quote end like an utterance ('...,"' '...?"' '..." --' '...",')?"""
    j = span.ce
    # a nested quote may close first: "... 'Primates of Park Avenue,' ''"
    while j > span.cs and (text[j - 1].isspace() or text[j - 1] in "'’"):
        j -= 1
    if j > span.cs and text[j - 1] in ",.!?…—–-:;":
        return True
    if span.me < len(text) and text[span.me] in ",—–-;":
        return True
    # '"The caucus is a battle of niches" Grubbs said.': a whole sentence quoted, its comma
    # forgotten, and a name or pronoun right after the closing mark
    if not _opens_sentence(text, span):
        return False
    content = text[span.cs:span.ce]
    return len(content.split(None, 3)) >= 4 and not _title_like(content) and \
        _TAG_AFTER_RE.match(text, span.me) is not None


_TAG_AFTER_RE = re.compile(r"[ \t\u00a0]+(?:[A-Z][\w.'’-]*|he|she|they)[ \t\u00a0]")


def _attr_left(st, span: _Span, cues, verbs, lo, sents, spans=()) -> tuple | None:
    """``Starmer said: "..."`` / ``he said, "...``: speaker and cue before the quote."""
    text = st.text
    best = None
    for m in cues:
        if m.end() > span.ms:
            break
        best = m
    if best is None or span.ms - best.end() > 80:
        return None
    entry = verbs[_norm(best.group(0))]
    gap = text[best.end():span.ms]
    if entry.frame not in ("say", "tell") and not _OBJ_PRONOUN_COMMA_RE.fullmatch(gap):
        return None  # but 'chiding him, "..."' and 'she urged them: "..."' are attributions
    s_start = next((s.start for s in sents if s.start <= best.start() < s.end), lo)
    # 'Sam Lau ... said in a statement. "..."': a sentence that is only a speaker, a cue and
    # an adverbial introduces the quote after it, as a colon would
    intro = entry.frame == "say" and _INTRO_STOP_RE.fullmatch(gap) is not None and \
        not _QUOTE_MARK_RE.search(text, s_start, best.start())
    if not intro and (_HARD_STOP_RE.search(gap) or _LABEL_DASH_RE.search(gap) and gap.rstrip().endswith(":")):
        return None  # ('Pollsters agree - Carl Bialik: "..."': the name after the dash)
    g = gap.strip()
    if intro:
        g = g[:-1] + ":"
    if best.group(0)[:1].isupper() and g.endswith(",") and "," in g[:-1] and \
            not text[s_start:best.start()].strip(" \t\n\u00a0\"“”"):
        # 'Said Dorothy Poynter, who grew up with Ali, "..."': the name, then an apposition
        c = text.index(",", best.end())
        np = _np_after(text, best.end(), c)
        if np is not None and np[2] == "name" and _apposition_start(text[c + 1:span.ms].strip()):
            return best, entry, np
    if not (g == "" or g.endswith((":", ",")) and (len(g.split()) <= 6 or _SUBORD_GAP_RE.fullmatch(g))):
        return None
    if g == "" and _CLAUSE_GOES_ON_RE.match(text, span.me) and text[span.cs:span.ce].rstrip()[-1:] not in ".!?…,":
        return None  # ('Sanders started out ... saying "of course" Clinton has the qualifications': a fragment)
    if g.lower().startswith("that"):
        return None
    for s in sents:
        if s.start <= best.start() < s.end:
            lo = max(lo, s.start)
    for o in spans:
        if o is not span and lo < o.me <= best.start():
            lo = o.me  # 'she said, adding, "...': the clause starts after the earlier quote
    subj = _document_owner(text, lo, best) or _subject_before(text, lo, best.start())
    if subj is None and _TO_BEFORE_RE.search(text, max(lo, best.start() - 4), best.start()):
        # "Mr. Trump was prompted to say, "..."": the subject of the cue's clause
        a = lo
        for mb in _CLAUSE_OPEN_RE.finditer(text, lo, best.start()):
            a = mb.end()
        subj = _main_subject(text, a, best.start())
    before = text[lo:best.start()].rstrip()
    if subj is None and before.endswith(","):
        if best.group(0).endswith("ing"):
            subj = _participle_subject(text, lo, lo + len(before) - 1)
        else:
            subj = _subject_skip_apposition(text, lo, lo + len(before) - 1)
    if subj is None and entry.frame == "say":
        subj = _np_after(text, best.end(), span.ms)
    if subj is None:
        rel = _RELATIVE_BEFORE_RE.search(text, max(lo, best.start() - 60), best.start())
        ant = _antecedent(text, lo, rel.start()) if rel and rel.group(0).startswith("who") else None
        if ant is not None:  # (not 'the caption which reads, "..."')
            # 'Mike Lee, who declared in the spin room, "..."': the relative pronoun, resolved
            return best, entry, (*ant, rel)
    if subj is None:
        return None
    if intro and _intro_prefix_is_clause(text, s_start, subj[0]):
        return None  # ('Officials are investigating, police said in a statement. "..."': a report)
    return best, entry, subj


_CLAUSE_GOES_ON_RE = re.compile(
    r"[ \t\u00a0]+(?!(?:he|she|they|it|we|I|[A-Z][\w.'’-]*)\s+(?:said|says|added|adds|told|tells|wrote|writes|asked|asks)\b)"
    r"(?!(?:and|but|or|nor|then|before|after|as|while|when|because|to|in|on|at|for|with|from|during|since|until|so|if|"
    r"though|although|yet|into|over|about|without|instead|again|too)\b)[A-Za-z]")
# 'Clinton said as he introduced his wife in Hudson, "..."': a short time clause between cue and quote
_SUBORD_GAP_RE = re.compile(r",?\s*(?:as|when|before|after)\s+[^,\"“”:;.!?]{3,80},")


def _intro_prefix_is_clause(text: str, a: int, b: int) -> bool:
    """Is there a clause before the subject of an introducing sentence (``Officials are
    investigating, police said ...``)? A role in apposition is none (``The chairman of the
    council, Ana Ruiz said ...``)."""
    pre = text[a:b].strip(" \t\n\u00a0\"“”")
    if not pre:
        return False
    return not pre.endswith(",") or any(w in _AUX or w in _IRREGULAR_VERBS or w.islower() and w.endswith("ed")
                                        for w in _PLAIN_WORD_RE.findall(pre))


_SPACES_RE = re.compile(r"\s+")
_INTRO_STOP_RE = re.compile(r"\s+(?:in|on|at|during)\s+(?:a|an|the|his|her|their|its)\s+[\w' -]{2,40}\.\s*")
_QUOTE_MARK_RE = re.compile(r"[\"“”«»]")


@lru_cache(maxsize=1024)  # (asked of every cue: the same forms come back)
def _norm(s: str) -> str:
    if not s.isalpha():
        s = _SPACES_RE.sub(" ", s)
    return s[0].lower() + s[1:] if s[:1].isupper() and s not in speech_verbs() else s


def _new_report_after(text: str, span: _Span, m: re.Match, hi: int) -> bool:
    """'... “ongoing.” He said the FBI has not ...': after a quote closed by a full stop, a cue
    that takes a clause of its own starts a new report (whoever the quote is given to)."""
    j = span.ce
    while j > span.cs and text[j - 1].isspace():
        j -= 1
    if j <= span.cs or text[j - 1] not in ".!?…":
        return False
    stop = _HARD_STOP_RE.search(text, m.end(), hi)
    rest = text[m.end():stop.start() if stop else hi]
    if _AS_IF_RE.match(rest):
        return False  # '"...?" Trump went on, as if he didn't hear her': an adverbial, no clause
    return (len(rest) >= 160 or _end_adverbial(rest) is None) and len(rest.split(None, 2)) >= 3


def _paragraph(st: _State, p, spans, singles, cues, verbs, sents, prev_para_speaker, carried=()):
    text = st.text
    used_cues: set[int] = set()
    out: list[Quote] = []
    all_spans = sorted(spans + singles, key=lambda s: s.ms)
    # 1. direct quotes with an adjacent attribution
    for sp in all_spans:
        if sp.double and _quoted_title(text, sp, p.start, text[sp.cs:sp.ce]):
            continue  # 'Rubio said in his 2012 book, “An American Son.”': a title is no voice
        hit = _attr_right(st, sp, cues, verbs, p.end)
        repeat = None  # the attribution after a quote that a cue right before it introduces
        if hit is not None and text[max(p.start, sp.ms - 4):sp.ms].rstrip().endswith((",", ":")):
            left = _attr_left(st, sp, cues, verbs, p.start, sents, all_spans)
            if left is not None and text[left[0].end():sp.ms].strip(" \t\u00a0") in (",", ":"):
                # 'After Clinton accused him, he warned, "...," Trump told NBC': the cue right
                # before the quote introduces it; the one after repeats it (and names "he")
                used_cues.add(hit[0].start())
                hit, repeat = left, hit
        hit = hit or _attr_left(st, sp, cues, verbs, p.start, sents, all_spans) or \
            _attr_colon(st, sp, sents, all_spans, p)
        if hit is None and sp.end_para is not None:
            # '"... (paragraphs) ... camels," he said.': the cue is in the closing paragraph
            tail = _find_cues(text, sp.me,
                              min(sp.end_para[1], sp.me + 200))
            hit = _attr_right(st, sp, tail, verbs, sp.end_para[1])
        if hit is None:
            hit = _dash_signature(text, sp, p)
        if hit is None:
            continue
        m, entry, subj = hit
        a, b, shape = subj[:3]
        if shape == "role" and len(subj) == 3 and b < m.start() and text.startswith(",", b) and \
                (a == p.start or text[a - 2:a] in (". ", ": ") or text[a - 1:a] == "\n" or
                 text[a - 3:a] in (".” ", '." ', "!” ", "?” ")):
            # ('One of those diplomats, German Foreign Minister Frank-Walter Steinmeier, issued a
            # statement: "..."': the name apposed to the role)
            named, _ = _apposed_name(text, subj, m.start())
            if named is not None and named[2] == "name" and named[0] > b:
                a, b, shape = named
        if not sp.double and shape == "pronoun" and text[a:b].lower() not in _PERSONAL:
            continue
        if sp.me <= a < m.start() and _mid_sentence(text, sp, sents) and \
                _CLAUSE_AFTER_RE.match(text, m.end(), p.end) and _cue_has_object(text, m, entry, p.end):
            # 'Walking in to chants of "Marco!," the senator said his campaign was ...': a quote
            # inside a fronted phrase is not what the cue after it reports
            continue
        # (a fourth item is the relative pronoun the attribution rests on: see _attr_left)
        speaker = _relative_speaker(st, p.start, subj[3], subj[:3]) if len(subj) > 3 else \
            _speaker(st, a, b, shape)
        if shape == "role" and speaker.name is not None and speaker.name[:4].lower() == "the " and \
                (ep := _epithet_antecedent(st, a, b)) is not None:
            speaker = _Speaker(a, b, ep.name, ep.actor, ep.anonymous, ep.person, ep.head, gender=ep.gender)
        if repeat is not None and shape == "pronoun" and repeat[2][2] == "name":
            named = _speaker(st, *repeat[2][:3])
            speaker.name, speaker.actor, speaker.person = named.name, named.actor, named.person
            speaker.named = True
        _remember(st, speaker)
        sp.kind, sp.cue, sp.speaker = "direct", (m, entry), speaker
        if m.start() >= sp.me and _new_report_after(text, sp, m, p.end):
            continue  # '"...." He said the FBI has not ...': the cue also reports a clause
        used_cues.add(m.start())
    reported: list[_Reported] = []
    # 1a. a headline-style attribution: 'Putin: ‘We are ready to talk’', 'Cruz: Trump Would ...'
    hr = _headline(st, p, all_spans)
    if hr is not None and not any(sp.kind == "direct" and sp.ms <= hr.start + 1 and sp.me >= hr.end - 1
                                  for sp in all_spans):
        # (a 'Continued Stone: "..."' line is already a direct quote)
        reported.append(hr)
    # 1b. a quote that starts mid-sentence ('Clinton has been "very worked up," said X') is
    # the fragment of a mixed quote whose content is the whole clause
    for sp in all_spans:
        if sp.kind != "direct" or not sp.double or sp.cue is None:
            continue
        m, entry = sp.cue
        if m.start() < sp.me or _as_tagged(text, sp, m):
            continue  # (nor 'outrage over “...,” as Trump put it': the tag owns only the quote)
        lo = next((x.start for x in sents if x.start <= sp.ms < x.end), p.start)
        for o in all_spans:
            if o is not sp and lo <= o.me <= sp.ms and o.kind == "direct":
                # an attributed quote before bounds the clause; an unattributed one
                # ('Guns are "X" and "Y," Dean said') is a fragment of it
                lo = o.me
        pre = text[lo:sp.ms]
        if _TWO_WORDS_RE.search(pre) is not None and not pre.rstrip().endswith((":", "—", "–")):
            r = _said_before(st, sp, lo, cues, verbs, sents, all_spans, p.index)
            if r is not None:
                # 'Tyler said that Cruz has "guiding principles," he said.': the clause's own
                # attribution; the pronoun after the quote only repeats it
                used_cues.update((r.cue.start(), m.start()))
                r.end = sp.me
                r.fragments.append((sp.cs, sp.ce))
                sp.owner = r
                reported.append(r)
                continue
            a, _ = _trim_np_content(text, lo, sp.ms)
            r = _Reported(m, entry, a, sp.me, sp.speaker, p.index, [(sp.cs, sp.ce)])
            sp.owner = r
            reported.append(r)
    # 1c. 'Tyler said, "We have three weeks to go" until the caucuses.': a quote that the
    # sentence runs on from is the fragment of a mixed quote ending with the sentence
    for sp in all_spans:
        if sp.kind != "direct" or not sp.double or sp.cue is None or sp.owner is not None:
            continue
        m, entry = sp.cue
        if m.start() >= sp.ms:
            continue
        s_end = next((x.end for x in sents if x.start <= sp.me < x.end), None)
        if s_end is None:
            continue
        tail = _RUN_ON_RE.match(text, sp.me, s_end)
        if tail is None or any(sp.me <= o.ms < s_end for o in all_spans) or \
                any(sp.me <= c.start() < s_end and verbs[_norm(c.group(0))].frame in ("say", "tell")
                    for c in cues):
            continue  # (a belief cue may sit in the run-on: '... "it gets me mad" every time he thinks')
        r = _Reported(m, entry, sp.ms, _clean_end(text, sp.me, s_end), sp.speaker, p.index, [(sp.cs, sp.ce)])
        sp.owner = r
        reported.append(r)
    # 2. reported speech, sentence by sentence (cues are in text order: visit each sentence's
    # own cues only, so that a huge single paragraph stays linear)
    cue_starts = [m.start() for m in cues]
    # cue end -> its speaker, for participles continuing an attribution ('X said, adding that')
    said_by = {sp.cue[0].end(): sp.speaker for sp in all_spans
               if sp.kind == "direct" and sp.cue is not None and sp.speaker is not None}
    if hr is not None and st.transcript and _HEADLINE_RE.match(text, p.start, p.end).group(1) in st.transcript:
        sents = []  # a transcript answer is its speaker's words: its "I think ..." reports nothing new
    # (most paragraphs have no "what": one test each instead of one per sentence)
    whats = text.find("what ", p.start, p.end) >= 0 or text.find("What ", p.start, p.end) >= 0
    for s in sents:
        if whats and (text.find("what ", s.start, s.end) >= 0 or text.find("What ", s.start, s.end) >= 0):
            # 'in what officials called a hate crime': a free relative with its own speaker (after
            # a cue, 'X criticized what he called ...', the outer report holds it)
            first_cue = next((m.start() for m in cues[bisect.bisect_left(cue_starts, s.start):]
                              if m.start() not in used_cues), s.end)
            for r in _what_x_said(st, s, all_spans, p.index, first_cue):
                if r.cue.start() in cue_starts:
                    used_cues.add(r.cue.start())
                if r.speaker is not None:
                    _remember(st, r.speaker)
                reported.append(r)
        prev = None
        n_before = len(reported)
        for m in cues[bisect.bisect_left(cue_starts, s.start):bisect.bisect_left(cue_starts, s.end)]:
            if m.start() in used_cues:
                continue
            if prev is not None and prev.start == m.start() and not m.group(0).endswith("ing"):
                continue  # 'Rather, he said, continued struggles ...': the first word of a content
            if text.startswith(",", m.end()) and _PAREN_ATTR_AFTER_RE.match(text, m.end(), s.end):
                continue  # 'Cost estimates, he added, were ...': the parenthetical is the attribution
            r = _reported(st, s, m, verbs[_norm(m[0])], all_spans, p.index)
            if r is None and prev is not None:
                r = _coordinated_report(text, prev, m, verbs[_norm(m[0])], s.end, p.index)
            if r is None:
                continue
            used_cues.add(m.start())
            if m[0].endswith("ing"):
                # the subject of the sentence may be inside a quote or a fronted clause; the
                # participle shares the subject of the cue it follows
                spk = _participle_speaker(text, s.start, m.start(), said_by, all_spans,
                                          r.speaker.start if r.speaker is not None else None)
                if spk is not None:
                    r.speaker = spk
            subject = r.speaker
            if m[0].endswith("ing") and (spk := _participle_object(st, s.start, m.start())) is not None:
                r.speaker = spk
            if subject is not None:
                # (a participle after this one goes on with the subject, not the object: 'She
                # mocked ... Mike Pence, for defending Trump to no end, saying she'd enjoy ...')
                said_by[m.end()] = subject
            if r.speaker is not None and not (
                    r.speaker.person and text[r.speaker.start:r.speaker.end].lower() in ("who", "which") and
                    not _spoken(text, r.entry, m.start())):
                # ('the biblical figures Shadrach, Meshach and Abednego, who refused to bow
                # down': an act told in a relative clause makes no one the last speaker)
                _remember(st, r.speaker)
            if prev is not None and m.group(0).endswith("ing") and prev.start < m.start() < prev.end and \
                    not _PROGRESSIVE_BEFORE_RE.search(text, max(prev.start, m.start() - 30), m.start()):
                # "X said CLAUSE, adding that ...": the first report ends before the participle
                # (or before the participle's own clause: '..., and Trump responded by saying')
                prev.end = _clean_end(text, prev.start, m.start())
                if r.speaker is not None and prev.start < r.speaker.start < prev.end:
                    co = _COORD_CLAUSE_RE.search(text, max(prev.start, r.speaker.start - 8), r.speaker.start)
                    if co is not None and co.end() == r.speaker.start:
                        prev.end = _clean_end(text, prev.start, co.start())
            elif prev is not None:
                # "X accuses Obama of ... and Donald Trump says ...": two attributions
                _end_before_speaker(text, prev, r)
                if r.speaker is not None and r.speaker.start < prev.start < m.start() < prev.end:
                    # 'The company said it ... "in the interest of transparency", and contended
                    # that ...': the same subject's second verb ends the first report
                    co = _COMMA_CONJ_BEFORE_RE.search(text, max(prev.start, m.start() - 8), m.start()) or \
                        _COORD_VP_BEFORE_RE.search(text, max(prev.start, m.start() - 16), m.start())
                    if co is not None:
                        # ('Netanyahu said he was "glad" but insisted it "is not enough."', audit 19)
                        prev.end = _clean_end(text, prev.start, co.start())
            reported.append(r)
            prev = r
        r = _noun_report(st, s, p.index) if text.find(" that", s.start, s.end) >= 0 else None
        if r is not None:
            # "In response to Sanders' charge that she has been weak ..., she said ...": the
            # noun's clause ends before the sentence's own attribution
            for o in reported[n_before:]:
                if o.entry.frame in ("say", "tell"):  # (not a verb inside the clause)
                    _end_before_speaker(text, r, o)
            reported.append(r)
    # 2a. a reported clause stops before a direct quote with its own attribution ('Holding
    # signs calling Christie "a loser," the protesters chanted "..."')
    for sp in all_spans:
        if sp.kind != "direct" or sp.speaker is None or sp.cue is None or sp.owner is not None:
            continue  # (a quote that is a fragment of a mixed quote is part of its clause)
        cut = min(sp.ms, sp.cue[0].start(), sp.speaker.start)
        if _as_tagged(text, sp, sp.cue[0]):
            # 'He said the fight ... was not a “battle between different faiths,” as some of his
            # advisers had argued, but ...': the clause holds the quote and stops at its tag
            for r in reported:
                if r.start < sp.ms < r.end:
                    r.end = sp.me
                    r.fragments.append((sp.cs, sp.ce))
            continue
        for r in reported:
            c = cut
            if r.cue.group(0).endswith("ing") and sp.speaker.start < r.start < sp.cue[0].start():
                # "Durbin, noting the size of the list, said, "..."": the participle between the
                # quote's speaker and its cue ends before the cue
                c = min(sp.ms, sp.cue[0].start())
            if r.start < c < r.end and r.start < sp.ms:
                r.end = _clean_end(text, r.start, c)
    _repoint_pronouns(st, all_spans, reported)
    # 3. quoted spans inside a reported clause are its fragments
    # A fragment inside a clause nested in another attribution ('X said ..., which he called
    # "..."', '..., whom he described as "..."') belongs to the innermost attribution with a
    # speaker; the outer content then stops where the nested clause begins.
    for sp in all_spans:
        if sp.kind == "direct":
            continue
        cands = [r for r in reported
                 if r.start <= sp.cs and sp.ce <= r.end + 1 or r.start <= sp.ms < r.end]
        if not cands:
            continue
        r = cands[0]
        inner = max((c for c in cands if c.speaker is not None and _nested_in(text, r, c)),
                    key=lambda c: c.start, default=None)
        if inner is None or inner.start <= r.start:
            inner = _nested_frame(st, sp, r, p.index)
            if inner is not None:
                reported.append(inner)
                cands.append(inner)
        if inner is not None and inner.start > r.start:
            for o in cands:
                if o is not inner and o.start < inner.start:
                    _cut_before(text, o, inner)
            r = inner
        r.fragments.append((sp.cs, min(sp.ce, r.end)))
        r.end = max(r.end, min(sp.me, sp.ce if not sp.closed else sp.me))
        sp.owner = r
    # 4. what is left: continuation quotes or scare quotes
    para_speaker = None
    for sp in all_spans:
        if sp.kind == "direct" and sp.speaker is not None:
            para_speaker = sp.speaker
    for r in reported:
        if r.speaker is not None and para_speaker is None:
            para_speaker = r.speaker
    for sp in all_spans:
        if sp.kind is not None or sp.owner is not None:
            continue
        content = text[sp.cs:sp.ce]
        n_words = len(content.split(None, 9))  # (at most 10: only 4 and 9 words are asked about)
        speechy = n_words >= 9 or n_words >= 4 and bool(_SPEECHY_RE.search(content)) or \
            sp.double and _own_sentence(text, sp) and _nearest_direct(all_spans, sp) is not None
        # ('"I can't vote for Trump," said Whit Symms. "He's an embarrassment."': a short
        # sentence of its own after an attributed quote goes on with that quote)
        at_start = sp.ms == p.start or text[p.start:sp.ms].strip() == ""
        r = None
        if sp.double and speechy and not at_start and _mid_sentence(text, sp, sents):
            # 'Sanders also pledged to "bring our political revolution"': a quote inside its
            # sentence's clause is a fragment of what the subject said, even when long
            r = _what_x_calls(st, sp, p) or _verb_frame(st, sp, sents, p.index)
        if r is None and sp.double and (speechy or at_start and n_words >= 4) and \
                not (_CREDIT_AFTER_RE.match(text, sp.me) and text[sp.cs:sp.ce].rstrip().endswith(",")) and \
                not _quoted_title(text, sp, p.start, content):
            # (a title is no voice: '"Orange is the New Black" star ...', '—"Pop-up art show
            # strives to confront gentrification," by DNAinfo's Eddie Small')
            sp.kind = "direct"
            near = _nearest_direct([*all_spans, *carried], sp)
            ref = near.speaker if near is not None else (prev_para_speaker if at_start else None)
            if ref is None and at_start:
                ref = para_speaker
            before = None
            if near is not None and near.me <= sp.ms and any(
                    o.end <= sp.ms and o.speaker is not None and o.entry.frame in ("say", "tell") and
                    any(max(near.me, near.cue[0].end()) <= x.start <= o.cue.start() for x in sents)
                    for o in reported):
                # '"...," said Garcia. She says people should ... "It is their life."': a report in
                # a sentence between the attributed quote and this one is nearer
                ref = None
            if ref is None:
                # 'Smith said the talks were hard. "We will not give up."': the attribution
                # just before the quote, in its paragraph
                # (the nearest one: a noun report like "X's charge that ..." is found after
                # the sentence's cues, so list order is not text order)
                before = max((o for o in reported if o.end <= sp.ms and o.speaker is not None),
                             key=lambda o: (o.end, o.start), default=None) \
                    or _short_attribution_before(st, sp, cues, sents, p.index) \
                    or _adverbial_attribution_before(st, sp, cues, sents, p.index)
                ref = before.speaker if before is not None else None
            sp.speaker = ref
            if before is not None:
                sp.cue = (before.cue, before.entry)
            elif ref is not None:
                sp.cue = _source_cue([*all_spans, *carried], ref)
        else:
            if r is None and sp.double:
                r = _what_x_calls(st, sp, p) or _verb_frame(st, sp, sents, p.index)
            if r is not None:
                # "Graham called both Trump and Clinton "crazy"": the quote is a fragment of
                # what the subject said; the verb is the cue even if it is not in the lexicon
                sp.owner = r
                reported.append(r)
                for o in all_spans:
                    if o is not sp and o.kind is None and o.owner is None and r.start <= o.ms < r.end:
                        o.owner = r
                        r.fragments.append((o.cs, min(o.ce, r.end)))
                _remember(st, r.speaker)
            else:
                sp.kind = "scare"
    for sp in all_spans:
        if sp.owner is not None:
            continue
        q = _make_quote(st, sp, p.index)
        if q is not None:
            out.append(q)
    for r in reported:
        q = _make_reported(st, r)
        if q is not None:
            out.append(q)
    last = None
    for q_sp in all_spans:
        if q_sp.kind == "direct" and q_sp.speaker is not None:
            last = q_sp.speaker
    if last is None and reported:
        # the last report whose cue is not inside another report's content: 'Carter said that
        # for decades some critics had been predicting ...' goes on as Carter, not the critics
        outer = [r for r in reported if not any(
            o is not r and o.start <= r.cue.start() < o.end for o in reported)]
        last = (outer or reported)[-1].speaker
    return out, last


# Unquoted words that continue the sentence after a closing quote: at least two, lower case
# ("... and left the room", "... before walking out" are the writer's, not the speaker's)
_RUN_ON_RE = re.compile(r"[ \t]+(?!(?:and|but|or|nor|then|so|before|after|while|as|when|since|because|"
                        r"though|although|with|without|amid|[a-z]+ing)\b)[a-z][\w'’-]*(?:[ \t,]+[\w'’-]+)+")
_HEADLINE_RE = re.compile(r"((?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w.'’-]*)[ \t]*(:)[ \t]+(?=\S)")
_HEADLINE_STOP = frozenset(
    "update note editor editor's source sources photo photos related read watch video correction "
    "warning opinion analysis q a image credit subscribe sign listen click breaking exclusive live "
    "follow contact tags topics share also transcript caption getty by posted updated published "
    "advertisement reporting ap reuters latest contributing revealed bombshell wow daily "
    "developing reality fact verdict bottom".split())  # (CNN's "Reality Check: Trump on taxes" headings)


def _headline(st: _State, p, spans) -> _Reported | None:
    """``NAME: CONTENT`` as a whole short paragraph (a headline or a summary line): the content
    is an attribution to NAME; a content that is one quoted span becomes a direct quote."""
    text = st.text
    if text.find(":", p.start, p.end) < 0:
        return None  # (most paragraphs have none, and the pattern is slow to fail on their first words)
    hm = _HEADLINE_RE.match(text, p.start, p.end)
    if hm is None:
        return None
    label = hm.group(1)
    if label not in st.transcript and (len(text[p.start:p.end].split()) > 30 or
                                       not _name_label(_WORD_RE.findall(text, *hm.span(1)))):
        return None  # (in a transcript an answer may be long, and a label all capitals: 'AMY GOODMAN:')
    a, b = hm.span(1)
    cs = hm.end()
    ce = _clean_end(text, cs, p.end)
    if len(text[cs:ce].split()) < 2:
        return None
    spk = _speaker(st, a, b, "name")
    full = st.transcript.get(label)
    if full and full != label:
        spk.name = full  # ('JB:' after 'Julia Belluz:')
        if _JUNIOR_RE.search(full):
            spk.actor = None  # ('Trump:' after 'Donald Trump, Jr:' is not the dictionary's Donald Trump)
    colon = _COLON_RE.match(text, hm.start(2))
    entry = _Cue(":", ":", None, "say")
    for sp in spans:
        if sp.kind is None and sp.owner is None and sp.ms <= cs + 1 and sp.me >= ce - 1:
            sp.kind, sp.cue, sp.speaker = "direct", (colon, entry), spk
            _remember(st, spk)
            return None
    _remember(st, spk)
    return _Reported(colon, entry, cs, ce, spk, p.index)


_VERBISH_RE = re.compile(r"[a-z]+(?:s|ed)$")


def _verb_frame(st: _State, sp: _Span, sents, para) -> _Reported | None:
    """A short quote after ``SUBJECT VERB ...`` in its sentence, as a mixed quote, or None.

    The subject may carry an apposition or relative clause (``Trump, who leads, mocked Rubio
    for "..."``) and follow a conjunction (``And he vowed to "..."``); the verb may be any
    past or present form, not only a lexicon cue (``pledged a "political revolution"``).
    """
    text = st.text
    s = next((x for x in sents if x.start <= sp.ms < x.end), None)
    if s is None:
        return None
    lo = s.start
    for mb in re.finditer(r"[;:]\s", text[lo:sp.ms]):
        lo = s.start + mb.end()  # 'He added: "..."' is not a verb frame of the first clause
    cj = _CONJ_LEAD_RE.match(text, lo, sp.ms)
    if cj:
        lo = cj.end()
    subj = _main_subject(text, lo, sp.ms)
    if subj is None or subj[2] == "role" and not text[subj[0]:subj[1]][:1].isupper() or \
            subj[2] == "pronoun" and text[subj[0]:subj[1]].lower() not in ("he", "she", "they", "we", "i"):
        return None
    a, b, shape = subj
    gap = text[b:b + 2].lstrip()
    if gap.startswith(","):
        # "Trump, who has a commanding lead in delegates, mocked ...": skip the apposition
        c = text.find(",", b + 1, min(sp.ms, b + 150))
        if c < 0:
            return None
        b = c + 1
    tm = _TIME_LEAD_RE.match(text, b, sp.ms)
    if tm:
        b = tm.end()  # "Trump, who ..., on Friday described his intent to lead a "big tent" party"
    ws = _words(text, b, sp.ms)
    k = 0
    while k < len(ws) and _is_aux(ws[k].group(0)):
        k += 1
    if k >= len(ws):
        return None
    verb = ws[k]
    v = verb.group(0)
    # after a pronoun or an adverb ("He also seeks "..."") an -s word is a verb, not a plural
    # ("Trump is promising to "bomb the hell" out of ...": a lexicon cue's progressive)
    progressive = k > 0 and ws[k - 1].group(0).lower() in _BE_FORMS and v.endswith("ing") and v in speech_verbs()
    if not (progressive or _verbish(text, ws, k, after_subject=shape == "pronoun" or k > 0)) or \
            _WORD_RE.sub("", text[b:verb.start()]).strip(" ,\t\n\u00a0"):
        return None
    before = text[verb.end():sp.ms]
    if re.search(r"(?:so-called|so called|dubbed|nicknamed|known\s+as|referred\s+to\s+as)\s*$", before, re.I):
        return None
    if _HARD_STOP_RE.search(text, verb.end(), sp.ms) or len(ws) - k > 16:
        return None
    if _title_like(text[sp.cs:sp.ce]) and _TITLE_BEFORE_RE.search(before):
        return None  # 'star of the TLC reality show "Cake Boss"': a title, not speech
    hi = max(s.end, sp.me)
    cstart = verb.end()
    while cstart < hi and text[cstart].isspace():
        cstart += 1
    cend = _clean_end(text, cstart, hi)
    if cend <= cstart:
        return None
    if v not in speech_verbs() and shape == "role" and not _speaker_noun(text, subj):
        return None  # ('The president's tweets came one day after a "listening session"': no one speaks)
    entry = speech_verbs().get(v) or _Cue(v, v, None, "object")
    return _Reported(verb, entry, cstart, max(cend, min(sp.me, hi)), _speaker(st, a, subj[1], shape),
                     para, [(sp.cs, sp.ce)])


_TIME_LEAD_RE = re.compile(rf"\s*(?:(?:on|last|this|early|late|earlier)\s+)?(?:{_DAYS})\b,?")
_CONJ_LEAD_RE = re.compile(r"\s*(?:And|But|So|Yet|Still|Then|Also)\s+(?=[a-zA-Z])")
_IRREGULAR_VERBS = frozenset(
    "went took made held gave put kept sent won led ran wrote spoke began became left brought "
    "thought felt knew saw found told said got struck hit drew fought stood sought set read "
    "meant paid lost tore threw swore bore chose rose shot grew blew flew fell hid came did met spent "
    "built sold bought caught taught heard drove broke stole wore fled sat ate understood forgot shook "
    "oversaw overtook undertook withdrew foresaw overcame underwent lent bent dealt slept swept wept hung sang rang "
    "drank swam forgave mistook sank sprang strove bled bred sped upheld withheld rebuilt overheard".split())
_TITLE_BEFORE_RE = re.compile(
    r"(?:[’']s|\b(?:the|on|show|series|film|movie|book|album|song|program|programme|magazine|"
    r"column|play|musical|novel|newspaper|website|blog|in|at|of))\s*,?\s*$", re.I)


def _said_before(st: _State, sp: _Span, lo: int, cues, verbs, sents, spans, para) -> _Reported | None:
    """The report of a say/tell cue with a subject in ``text[lo:sp.ms]``, if the quote's own
    attribution after it is a pronoun (the same speaker), else None."""
    m, _ = sp.cue
    if sp.speaker is None or st.text[sp.speaker.start:sp.speaker.end].lower() not in _PRONOUNS:
        return None
    s = next((x for x in sents if x.start <= sp.ms < x.end), None)
    if s is None:
        return None
    for c in cues:
        if lo <= c.start() < sp.ms and not c.group(0).endswith("ing"):
            entry = verbs[_norm(c.group(0))]
            if entry.frame not in ("say", "tell"):
                continue
            r = _reported(st, s, c, entry, spans, para)
            if r is not None and r.speaker is not None and r.speaker.end <= c.start() and r.start < sp.ms:
                return r
    return None


def _may_name(text: str, a: int, b: int, gender: str) -> bool:
    """Does ``text[a:b]`` name someone "he" ("m") or "she" ("f") could be: a capitalised word
    whose title or given name does not show the other gender ("Clinton" may be "she";
    "Mr. Sanders" may not)."""
    names = _first_names()
    for m in _NAME_TOKEN_RE.finditer(text, a, b):
        title, word = m.group(1), m.group(2)
        if not title and word in _SENTENCE_OPENERS:
            continue
        g = ("m" if title == "Mr" else "f") if title else names.get(word)
        if g in (None, gender):
            return True
    return False


_SENTENCE_OPENERS = frozenset("The A An He She It They We I This That These Those His Her Their Its "
                              "But And If When While As In On At For".split())


def _repoint_pronouns(st: _State, spans, reported) -> None:
    """Step 1 resolves "he" and "she" of direct quotes before the paragraph's reported speech
    is read: in 'Mr. Carter said the region is stable. "We stay," he added.' the pronoun is
    Carter, the nearest named person before it, unless a named direct speaker is nearer."""
    text = st.text
    if not reported:
        return
    for sp in spans:
        spk = sp.speaker
        if sp.kind != "direct" or spk is None or spk.named or text[spk.start:spk.end].lower() not in ("he", "she"):
            continue
        g = "f" if text[spk.start:spk.end].lower() == "she" else "m"
        best = max((r.speaker for r in reported if r.speaker is not None and r.speaker.name and
                    (_antecedent_gender(st, r.speaker) in ("", g) or _one_person_role(text, r.speaker) and
                     _role_reaches(st, r.speaker, spk.start, g))
                    and not r.speaker.loose and
                    r.speaker.end <= spk.start and
                    not any(o.start <= r.speaker.start < o.end for o in reported)),
                   key=lambda x: x.start, default=None)  # (not 'Trump' of 'Kennedy added that Trump knows')
        if best is None or best.name == spk.name:
            continue
        subj = _subject_antecedent(st, spk.start, g, best)
        if subj is not None and subj.name == spk.name and all(
                w[:1].isupper() and ":" not in w or w in _NAME_PARTICLES for w in text[subj.start:subj.end].split()):
            # ('Pence declined to discuss it. But Trump could not stop himself. "...," he said';
            # not a name inside the subject: 'The specter of a President Donald Trump')
            continue
        if any(o.kind == "direct" and o.speaker is not None and o.speaker.name and
               best.start < o.speaker.start < spk.start for o in spans):
            continue  # (a direct quote's speaker in between is nearer)
        spk.name, spk.actor, spk.anonymous, spk.person, spk.head = \
            best.name, best.actor, best.anonymous, best.person, best.head
        spk.antecedent = spk.one_person = None  # (its name changed: work the caches out again)


_FRONT_SUBORD_RE = re.compile(r"\s*(?:that\s+)?(?:while|although|though|if|when|because|as|since|after|before|unless|"
                              r"once|until|whereas|even\s+though|even\s+if)\s[^,;:.!?\"“”]*,\s*$", re.IGNORECASE)


def _coordinated_report(text: str, prev: _Reported, m: re.Match, entry: _Cue, hi: int, para: int) -> _Reported | None:
    """'Paul Ryan praised the $80 billion bump for the military, but said no spending bill this
    large is perfect': a speech cue coordinated with the report before it, with no subject of
    its own, reports a clause of its own for the same speaker; the first report ends before
    the conjunction (audit 18)."""
    if entry.frame not in ("say", "tell") or m.group(0).endswith("ing") or prev.speaker is None or \
            not prev.start < m.start() < prev.end:
        return None
    co = _COORD_VP_BEFORE_RE.search(text, max(prev.start, m.start() - 16), m.start())
    if co is None or not _same_tense(prev.cue.group(0).split()[0], m.group(0).split()[0]):
        # (not the verb of the reported clause's own subject: 'suggested that his GOP colleagues
        # break from their position and agree to a demand', 'in which tax cuts and claims of')
        return None
    pos = m.end()
    t = _THAT_RE.match(text, pos, hi) or _THAT_AHEAD_RE.search(text, pos, min(hi, pos + 60))
    if t is not None and not re.search(r"[.;:!?\"“”,]", text[pos:t.start()]):
        pos = t.end()  # (also 'wrote in his bio that ...')
    while pos < hi and (text[pos].isspace() or text[pos] in ",:"):
        pos += 1
    end = _clean_end(text, pos, hi)
    if len(text[pos:end].split(None, 3)) < 3 or text.startswith("to ", pos):
        return None  # (nor 'went on to contest the outcome': an act)
    prev.end = _clean_end(text, prev.start, co.start())
    return _Reported(m, entry, pos, end, prev.speaker, para)


def _same_tense(a: str, b: str) -> bool:
    """Are two cue verbs both past ('praised', 'said') or both present ('says', 'argues')?"""
    def tense(w: str) -> str:
        w = w.lower()
        if w.endswith("ed") or w in _IRREGULAR_VERBS:
            return "past"
        return "present" if w.endswith("s") else "other"
    t = tense(a)
    return t != "other" and t == tense(b)


# the conjunction of a second verb phrase: ', but said', ', and also told' (not a bare 'and':
# 'said the officials defended ... and told the leaders' is the officials' act)
_COORD_VP_BEFORE_RE = re.compile(r"(?:,?\s+but|,\s+and)\s+(?:also\s+|then\s+|later\s+)?$")


def _end_before_speaker(text: str, r: _Reported, o: _Reported) -> None:
    """End ``r``'s content before the clause of ``o`` when ``o``'s speaker lies inside it."""
    if o.speaker is not None and r.start < o.speaker.start < r.end and \
            not _FRONT_SUBORD_RE.match(text[r.start:o.speaker.start]):
        # (but 'said that while Democrats won, Virginia likely won't see ...': the subject
        # after a fronted subordinate clause starts the content's main clause)
        j = _COORD_END_RE.search(text, r.start, o.speaker.start)
        if j is not None and text[r.start:j.start()].strip().lower() not in ("he", "she", "i", "we", "they"):
            # (not 'Ms. Sherry said she and her female peers jokingly referred to themselves
            # as ...': "she and" is a joint subject, not a clause)
            r.end = _clean_end(text, r.start, j.start())


def _noun_report(st: _State, s, para: int) -> _Reported | None:
    """'Donald Trump's claim that Obama "founded ISIS"', 'his warning that ...': a speech noun
    with a possessor and a that-clause; the possessor is the speaker, the clause the content."""
    text = st.text
    k, mn = s.start, None
    while mn is None:
        k = text.find(" that", k, s.end)
        if k < 0:
            return None
        if text.endswith(_NOUN_THAT_FORMS, s.start, k):
            mn = _NOUN_THAT_RE.match(text, _word_start(text, k, s.start), min(s.end, k + 6))
        k += 5
    if mn.group(1).endswith("ing") and _norm(mn.group(1)) in speech_verbs():
        return None  # "his warning that ...": the cue's own (gerund) report
    owner = _possessor(text, s.start, mn.start())
    if owner is None:
        return None
    a, b, shape = owner
    cstart = mn.start(2)
    k = _PARTICIPLE_AFTER_RE.search(text, cstart, s.end)
    cend = _clean_end(text, cstart, k.start() + 1 + (text[k.start() + 1] in "\"”’'") if k else s.end)
    if len(_WORD_RE.findall(text, cstart, cend)) < 4:
        return None
    cue = _WORD_RE.match(text, mn.start(1))
    noun = cue.group(0).lower().rstrip("s") if cue.group(0) != "insistence" else "insistence"
    verb = _NOUN_VERBS.get(noun, noun)
    cls = _lemma_classes().get(verb, "neutral")
    return _Reported(cue, _Cue(cue.group(0), verb, cls, "np"), cstart, cend, _speaker(st, a, b, shape), para)


@cache
def _lemma_classes() -> dict[str, str]:
    """Lexicon lemma -> connotation class (of its first entry)."""
    out: dict[str, str] = {}
    for e in speech_verbs().values():
        out.setdefault(e.lemma, e.cls)
    return out


# the verb whose connotation class a speech noun takes
_NOUN_VERBS = {"assertion": "assert", "argument": "argue", "warning": "warn", "insistence": "insist",
               "suggestion": "suggest", "contention": "contend", "allegation": "allege",
               "accusation": "accuse", "statement": "state", "declaration": "declare",
               "prediction": "predict", "threat": "threaten"}


def _word_start(text: str, k: int, lo: int) -> int:
    """Start of the word that ends at ``k``."""
    j = k
    while j > lo and text[j - 1].isalpha():
        j -= 1
    return j


def _possessor(text: str, lo: int, pos: int) -> tuple[int, int, str] | None:
    """The possessor right before ``pos`` ("Donald Trump's claim", "his warning"): the noun
    phrase without its 's, or the pronoun; None for "their" (too often a group not named)."""
    mp = _POSSESSOR_RE.search(text, max(lo, pos - 80), pos)
    if mp is None:
        return None
    a, b = mp.span(1)
    owner = text[a:b].lower()
    if owner in ("his", "her"):
        return a, b, "pronoun"
    if owner == "their":
        return None
    b -= 2 if owner.endswith(("'s", "’s")) else 1
    a, b = _trim_np(text, a, b)
    shape = _np_shape(text[a:b].split())
    return (a, b, shape) if shape in ("name", "role") else None


_NOUN_THAT_NOUNS = ("claims?|assertions?|arguments?|warnings?|insistence|suggestions?|contention|allegations?|"
                    "accusations?|charges?|promises?|pledges?|vows?|remarks?|comments?|statements?|declarations?|"
                    "prediction|threats?|boasts?")
_NOUN_THAT_RE = re.compile(rf"\b({_NOUN_THAT_NOUNS})\s+(that)\b")
# (the nouns' forms: the word before " that" must be one of them, a cheap test before the pattern)
_NOUN_THAT_FORMS = tuple(f for n in _NOUN_THAT_NOUNS.split("|")
                         for f in ((n[:-2], n[:-1]) if n.endswith("s?") else (n,)))
# the possessor right before the noun (one adjective may come between): "Donald Trump's", "her"
_POSSESSOR_RE = re.compile(
    r"(\b(?:his|her|their)|(?:\b[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.-]*(?:'s|’s|s'|s’))\s+(?:[a-z]+\s+)?$")


def _what_x_said(st: _State, s, spans, para, lo_cue: int) -> list[_Reported]:
    """'in what officials called a hate crime', 'what they said was the need to remain tolerant',
    'what he sees as currency manipulation': a free relative whose subject names, labels or
    judges something; the content runs from "what" to the end of the sentence (a quoted label in
    it becomes a fragment). Not inside a quote: a direct quote is already its speaker's."""
    text = st.text
    out = []
    for mw in _WHAT_X_SAID_RE.finditer(text, s.start, s.end):
        if lo_cue < mw.start() or _inside(spans, mw.start()) or any(
                sp.double and mw.end() <= sp.ms <= mw.end() + 4 and text[mw.end():sp.ms] in ("", "a ", "an ", "the ")
                for sp in spans):
            continue  # ('what he called “American carnage”': a quoted label, see _what_x_calls)
        a, b = mw.span(1)
        shape = _np_shape(_WORD_RE.findall(text, a, b))
        if shape not in ("name", "pronoun", "role"):
            continue
        if shape == "pronoun":
            # 'Trump despises what he calls political correctness': the pronoun is the subject
            # of the clause the relative sits in, when that is a name or a role
            main = _main_subject(text, s.start, mw.start())
            if main is not None and main[2] in ("name", "role"):
                a, b, shape = main
        end = _clean_end(text, mw.end(), s.end)
        if len(_WORD_RE.findall(text, mw.end(), end)) < 2:
            continue
        verb = _WORD_RE.match(text, mw.start(2))
        entry = speech_verbs().get(verb.group(0)) or _Cue(verb.group(0), verb.group(0), None, "object")
        out.append(_Reported(verb, entry, mw.start(), end, _speaker(st, a, b, shape), para))
    return out


# (This pattern checks the character before its first word in a look-behind after it, as
# _whole_words does, so that it opens with letters the engine can skip to.)
_WHAT_X_SAID_RE = re.compile(
    r"[Ww]hat(?<!\w[Ww]hat)\s+((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*|he|she|they|it|we|"
    r"(?:some|many|other|most|critics|supporters|opponents|aides|officials|experts|analysts|observers|"
    r"scientists|economists|Democrats|Republicans|conservatives|liberals)(?:\s+[a-z]+){0,2})\s+"
    r"(?:has\s+|had\s+|have\s+|once\s+|later\s+|repeatedly\s+|often\s+|now\s+|also\s+)?"
    r"((?:calls?|called|describes?\s+as|described\s+as|dubs?|dubbed|terms?|termed|labels?|labell?ed|"
    r"deems?|deemed|considers?|considered|regards?\s+as|regarded\s+as|characteri[sz](?:es?|ed)\s+as|"
    r"sees?\s+as|saw\s+as|views?\s+as|viewed\s+as|said\s+(?:is|are|was|were|would|had)|says?\s+(?:is|are|was|will)|"
    r"believes?\s+(?:is|are|was|will)|thinks?\s+(?:is|are|will)|hopes?\s+will))\s+")


def _what_x_calls(st: _State, sp: _Span, p) -> _Reported | None:
    """'what he called "sophisticated adversaries"', 'a campaign - one he calls "Confident
    America"': a label the subject of a relative clause gave; the content runs from the
    relative word to the end of the quote."""
    text = st.text
    mc = _CALLS_BEFORE_RE.search(text, max(p.start, sp.ms - 180), sp.ms)
    if mc is None:
        return None
    a, b = mc.span(2)
    shape = _np_shape(text[a:b].split())
    if shape not in ("name", "pronoun", "role"):
        return None
    verb = _WORD_RE.match(text, mc.start(3))
    entry = speech_verbs().get(verb.group(0)) or _Cue(verb.group(0), verb.group(0), None, "object")
    return _Reported(verb, entry, mc.start(1), sp.me, _speaker(st, a, b, shape), p.index, [(sp.cs, sp.ce)])


_CALLS_BEFORE_RE = re.compile(
    "(" + _whole_words("what one which whom") + r")\s+((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*|he|she|they|it|we|"
    r"(?:former|some|many|other|critics|supporters|opponents|aides|officials|experts)(?:\s+[a-z]+){0,2}?)"
    r"(?:,[^,;:“”\"()]{3,90},)?\s+"  # ('what Mary Kusler, the union's director, called')
    r"(?:has\s+|had\s+|have\s+)?(?:once\s+|later\s+|repeatedly\s+|often\s+|long\s+|also\s+)?((?:calls?|called|describes?|"
    r"described|dubs?|dubbed|terms?|termed|labels?|labell?ed|deems?|deemed|considers?|considered|"
    r"sees|saw|views?|viewed|regards?|regarded|characteri[sz](?:es?|ed))"
    r"(?:\s+as)?)(?:\s+(?:a|an|the))?\s*$")


def _verbish(text: str, ws: list[re.Match], k: int, after_subject: bool = False) -> bool:
    """Is ``ws[k]`` a finite verb rather than a plural noun (``Clinton supporters responded``,
    ``The new plans "will ..."``)? ``after_subject``: the word follows a known subject, so an
    -s word is a verb whatever comes after it."""
    v = ws[k].group(0)
    if not v.islower() or v in _STOP or v in ("indeed", "need"):
        return False
    if v in _IRREGULAR_VERBS or v.endswith("ed"):
        return True
    if not _VERBISH_RE.fullmatch(v) or v.endswith(("ss", "us", "is")):
        return False
    if after_subject:
        return True
    # a plural noun is followed by its verb or ends the phrase
    after = text[ws[k].end():ws[k].end() + 2]
    if after[:1] in ",;\"“”'" or after[1:2] in "\"“'":
        return False
    if k + 1 < len(ws):
        nxt = ws[k + 1].group(0)
        if nxt in _AUX or nxt.islower() and (nxt.endswith("ed") or nxt in _IRREGULAR_VERBS):
            return False
    return True


def _quoted_title(text: str, sp: _Span, lo: int, content: str) -> bool:
    """Is an unattributed quote the title of a work ('host of “The Nightly Show”', '“Orange
    is the New Black” star Dascha Polanco'): title-cased, with no first or second person,
    named as a title by the words before it or the noun after it."""
    # (the cheap test first: this runs for every quote, and most are not title-cased)
    if not _title_like(content, 25):
        return False
    if len(content.split()) > 8:
        # a long title only where it is named as one ('the author of “The Opioid Fix: America's
        # Addiction Crisis and the Solution”')
        return _TITLE_NAMED_RE.search(text, max(lo, sp.ms - 40), sp.ms) is not None  # (even "... They Don't Want You to Have")
    if not _TITLE_CONTEXT_RE.search(text, max(lo, sp.ms - 40), sp.ms) and not (
            _NOUN_AFTER_TITLE_RE.match(text, sp.me) and content.rstrip()[-1:] not in ",.!?…" and
            len(content.split()) >= 2):
        # ('“Never,” actor Tom Hanks said.' is speech: a title before "star" or "host" has no
        # closing punctuation of its own)
        return False
    return not _FIRST_SECOND_RE.search(content)


def _title_comma(text: str, lo: int, end: int) -> tuple[int, int] | None:
    """The opening mark and the comma inside the closing mark of a quoted title that ends
    ``text[lo:end]`` ('Gary Gerstle, ... author of “Liberty and Coercion,” noted': the comma
    ends the apposition), or None."""
    s = text[lo:end].rstrip()
    close = next((c for c in ("”", '"', "''") if s.endswith(c)), None)
    if close is None or s[-len(close) - 1:-len(close)] != ",":
        return None
    comma = lo + len(s) - len(close) - 1
    opening = {"”": "“", '"': '"', "''": "''"}[close]
    ms = text.rfind(opening, max(lo, comma - 80), comma)
    if ms < 0 or _FIRST_SECOND_RE.search(text, ms, comma) or \
            not _TITLE_NAMED_RE.search(text, max(lo, ms - 40), ms):
        return None
    return ms, comma


def _title_like(content: str, max_words: int = 8) -> bool:
    """``Cake Boss``, ``The Art of the Deal``: every longer word capitalised, at most
    ``max_words`` words."""
    n = 0
    # (word by word, as finditer would give them: most quotes are ruled out by their first few,
    # and a search each costs less than making a scanner)
    m = _TITLE_WORD_RE.search(content)
    while m is not None:
        w = m[0]
        n += 1
        if n > max_words or n == 1 and not w[0].isupper() or \
                len(w) > 3 and w not in _TITLE_MINOR and not w[0].isupper():
            return False
        m = _TITLE_WORD_RE.search(content, m.end())
    return n > 0


_TITLE_WORD_RE = re.compile(r"[A-Za-z][\w’'-]*")
# Short words that stay lower-case in a title ("The Nightly Show with Larry Wilmore").
_TITLE_MINOR = frozenset("with from into onto over upon than like".split())


def _mid_sentence(text: str, sp: _Span, sents) -> bool:
    """Does the quote open inside its sentence, after words not ending with a colon or dash?"""
    s = next((x for x in sents if x.start <= sp.ms < x.end), None)
    if s is None:
        return False
    pre = text[s.start:sp.ms].rstrip()
    return _TWO_WORDS_RE.search(pre) is not None and not pre.endswith((":", "—", "–", "-", ","))


_NESTED_RE = re.compile(
    _whole_words("which whom who although though while whereas as when because where") +
    r"\s+(he|she|they|we|I|(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+)"
    r"((?:\s+(?:has|have|had|also|once|later|previously|repeatedly|then|again|often|even))*)"
    r"\s+([a-z]{3,})\b([^.;:!?\"“”«»]{0,40})$")


def _nested_frame(st: _State, sp: _Span, outer: _Reported, para: int) -> _Reported | None:
    """A subject and verb of their own right before a quote inside a reported clause: ``X said
    the board was a cartel, which he called "..."`` -> an attribution to ``he`` (the nearest
    speaker of the quoted words), or None."""
    text = st.text
    if outer.speaker is None or not sp.double:
        return None
    m = _NESTED_RE.search(text, max(outer.start, sp.ms - 120), sp.ms)
    if m is None or m.start(1) <= outer.start:
        return None
    ws = _words(text, m.start(3), m.end(3))
    if not ws or m.group(3) not in speech_verbs() or not _verbish(text, ws, 0):
        return None
    subj = text[m.start(1):m.end(1)]
    if outer.speaker.start <= m.start(1) < outer.speaker.end:
        return None
    shape = "pronoun" if subj.lower() in _PRONOUNS else _np_shape(subj.split())
    if shape not in ("pronoun", "name"):
        return None
    cstart = m.end(3)
    while cstart < sp.ms and text[cstart].isspace():
        cstart += 1
    return _Reported(ws[0], speech_verbs().get(m.group(3)) or _Cue(m.group(3), m.group(3), None,
                                                                  "object"),
                     cstart, sp.me, _speaker(st, m.start(1), m.end(1), shape), para)


_NESTED_LEAD_RE = re.compile(
    r"(?:\b(?:which|whom|who|although|though|while|whereas|as|when|because|where)|,)\s*$")


def _nested_in(text: str, outer: _Reported, inner: _Reported) -> bool:
    """Is ``inner`` an attribution with its own subject nested in ``outer`` by a relative or
    adverbial clause (``..., which he called``, ``although he tweeted``)? A complement clause
    (``X said that he thinks ...``) is not: it belongs to the outer attribution; nor is a
    participle sharing the outer subject (``..., adding that``)."""
    if inner is outer or inner.start <= outer.start:
        return False
    sp = inner.speaker
    if sp is None or not outer.start < sp.start < inner.cue.start():
        return False
    return bool(_NESTED_LEAD_RE.search(text, outer.start, sp.start))


_CUT_TAIL_RE = re.compile(
    r"(?:[,;—–]?\s*\b(?:and|but|while|whereas|as|although|though|which|who|whom|that|because|"
    r"when|where|so)\b|[,;—–])\s*$")


def _cut_before(text: str, outer: _Reported, inner: _Reported) -> None:
    """End ``outer`` before the clause of the attribution ``inner`` nested in it (its subject
    or its cue), keeping the outer clause's own fragments and at least three words."""
    cut = inner.cue.start()
    if inner.speaker is not None and outer.start < inner.speaker.start < cut:
        cut = inner.speaker.start
    lim = max((b for _, b in outer.fragments), default=outer.start)
    m = _CUT_TAIL_RE.search(text, outer.start, cut)
    end = _clean_end(text, outer.start, m.start() if m else cut)
    if end >= lim and len(_WORD_RE.findall(text, outer.start, end)) >= 3:
        outer.end = min(outer.end, end)


_PARTICIPLE_GAP_RE = re.compile(
    r"(?:(?!" + _FULL_STOP + r")[^!?;:\"“”«»]){0,80}(?:,[\s,]*|\s(?:after|before|while|by|without)\s+)")


def _participle_speaker(text: str, lo: int, cue_start: int, said_by: dict, spans, own: int | None = None):
    """The speaker of the attribution that a participial cue continues: ``X said of the
    episode, "...," adding that ...`` -> X. The nearest earlier cue of the sentence counts when
    only its adverbials, its own quotes and a comma stand between the two cues, and the
    participle's own subject (starting at ``own``) is not between them ('Pelosi said ..., and
    Trump responded by saying ...')."""
    best = None
    for e in said_by:
        if lo <= e <= cue_start and (best is None or e > best):
            best = e
    if best is None or own is not None and own > best and _COORD_CLAUSE_RE.search(text, best, own):
        return None
    # the quotes in between stand for a phrase ending with a comma ('"weak," adding')
    parts, pos = [], best
    for o in spans:
        if o.me > pos and o.ms < cue_start:
            parts.append(text[pos:max(pos, o.ms)] + ",")
            pos = max(pos, o.me)
    parts.append(text[pos:cue_start])
    if not _PARTICIPLE_GAP_RE.fullmatch("".join(parts)):
        return None
    return said_by[best]


def _participle_object(st: _State, lo: int, cue_start: int) -> _Speaker | None:
    """The object that a participle cue's words belong to: 'ISNA news agency quoted the deputy
    foreign minister, Majid Takht-Ravanchi, saying ...' (the minister), 'The Club for Growth
    took the opportunity to slam ... Tommy G. Thompson, the former Republican governor of
    Wisconsin, for saying ...' (Thompson) (audit 18); None when there is none."""
    text = st.text
    m = _QUOTED_OBJECT_RE.search(text, max(lo, cue_start - 160), cue_start) or \
        _FOR_SAYING_RE.search(text, max(lo, cue_start - 160), cue_start)
    if m is None:
        return None
    chunks = [c for c in (x.strip() for x in m.group(1).split(",")) if c]
    if len(chunks) == 1 and text[m.end(1):cue_start].strip().startswith(","):
        return None  # ('He quoted MLK, saying ...': a comma after a bare object leaves the subject's)
    # (the name among a role and its apposition: 'the deputy foreign minister, Majid Takht-Ravanchi')
    for chunk in sorted(chunks, key=lambda c: _np_shape(c.split()) != "name"):
        if (tt := _TRAIL_TIME_RE.search(chunk)) is not None and tt.start() > 0:
            chunk = chunk[:tt.start()]  # ('blasted Democrats Sunday for opposing')
        shape = _np_shape(chunk.split())
        if shape in ("name", "role"):
            a = text.index(chunk, m.start(1))
            sp = _speaker(st, a, a + len(chunk), shape)
            return sp if sp.name else None
    return None


# 'quoted X(, Y,) saying' and 'slam X(, ...,) for saying': the object is who spoke
_QUOTED_OBJECT_RE = re.compile(r"\bquot(?:ed|es|ing)\s+([^;:!?\"“”]{3,120}?),?\s+$")
_FOR_SAYING_RE = re.compile(
    r"\b(?:slam(?:s|med)?|criticiz(?:e|es|ed)|blast(?:s|ed)?|attack(?:s|ed)?|fault(?:s|ed)?|rebuk(?:e|es|ed)|"
    r"condemn(?:s|ed)?|mock(?:s|ed)?|ridicul(?:e|es|ed)|prais(?:e|es|ed)|thank(?:s|ed)?|chid(?:e|es|ed)|"
    r"scold(?:s|ed)?|lambast(?:s|ed)?|denounc(?:e|es|ed)|knock(?:s|ed)?|hit)\s+([^;:!?\"“”]{3,120}?),?\s+for\s+$")


def _nearest_direct(spans, sp):
    """The attributed direct quote nearest to ``sp`` (before or after it), or None."""
    best, dist = None, None
    for o in spans:
        if o is sp or o.kind != "direct" or o.speaker is None or o.cue is None:
            continue
        d = min(abs(o.ms - sp.ms), abs(o.me - sp.ms))
        if dist is None or d < dist:
            best, dist = o, d
    return best


_NAME_WORD = r"(?:[A-Z][\w.'’-]+|de|van|von|der|del|da|bin|al|la|le)"
# 'Harry Enten, CNN' on a line of its own after a quoted paragraph (opinion round-ups)
_BYLINE_NAME = rf"({_NAME_WORD}(?:[ \u00a0]+{_NAME_WORD}){{1,4}}),[ \u00a0]+(?:The[ \u00a0]+)?"


def _outlet(chars: str) -> str:
    """The outlet after a byline name: capitalised words (of ``chars``) and a few small ones."""
    return rf"[A-Z][{chars}]*(?:[ \u00a0]+(?:[A-Z&][{chars}]*|of|and|for|the|on)){{0,6}}[ \t\u00a0]*"


_BYLINE_RE = re.compile(r"[ \t\u00a0]*" + _BYLINE_NAME + _outlet(r"\w.&'’-"))
_QUOTE_OPENERS = ('"', "“", "''", "«", "‘‘")
# ... or at the end of the quoted paragraph itself: '... next downturn.” John Avlon, CNN'
# (no full stop in the outlet: "... and Ayanna Pressley." is a sentence, not a byline)
_INLINE_BYLINE_RE = re.compile(r"[.!?…][”\"][ \u00a0]+" + _BYLINE_NAME + _outlet(r"\w&'’-") + "$")
# photo and wire credits look like bylines ("Chip Somodevilla, Getty Images")
_CREDIT_RE = re.compile(r"\b(?:Images|Photos?|Getty|AFP|AP|Reuters|Shutterstock|Pool|via)\b")


# An embedded tweet as pages are scraped: '<tweet> pic.twitter.com/X — Name (@handle) June 2,
# 2017', the signature sometimes in a paragraph of its own. (The name has no dash between
# spaces: 'a well-known fact - Name' is signed by Name.)
_TWEET_SIGNATURE_RE = re.compile(
    r"(?:\s+(?:pic\.twitter\.com/\w+|https?://t\.co/\w+))*\s*(?<!\S)(?P<dash>[—–]|--?)\s*"
    r"(?P<name>(?:(?!\s[—–-])[^\n—–()@]){1,60}?)\s*\(@\w{1,15}\)\s*[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\s*$")


def _tweet_embeds(text: str, paras) -> dict[int, tuple[int, re.Match]]:
    """Paragraph index -> (end of the tweet's text, its signature) for the paragraphs that are
    an embedded tweet."""
    out: dict[int, tuple[int, re.Match]] = {}
    for k, p in enumerate(paras):
        i = text.find("(@", p.end - 60 if p.end - p.start > 60 else p.start, p.end)  # (not max(): see _window_start)
        m = _TWEET_SIGNATURE_RE.search(text, max(p.start, i - 200), p.end) if i >= 0 else None
        if m is None:
            continue
        if text[p.start:m.start()].strip():
            out[p.index] = (m.start(), m)
        elif k > 0 and paras[k - 1].index not in out:
            out[paras[k - 1].index] = (paras[k - 1].end, m)  # ('...ENEMY OF THE PEOPLE!' / '— Donald J. Trump ...')
            out[p.index] = (p.start, m)
    return out


def _embed_quote(st: _State, p, end: int, sig: re.Match) -> Quote | None:
    """The tweet of an embed paragraph (see :func:`_tweet_embeds`) as a direct quote of its
    signer; the dash is the cue. None for the signature's own paragraph."""
    text = st.text
    a, b = _strip_space(text, p.start, min(end, p.end))
    if a >= b:
        return None
    na, nb = _trim_np(text, *sig.span("name"))
    while nb > na and not (text[nb - 1].isalnum() or text[nb - 1] == "."):
        nb -= 1  # ('Yashar Ali 🐘')
    speaker = _speaker(st, na, nb, "name") if na < nb else None
    return Quote(
        kind="direct", start=a, end=b, text=text[a:b], cue=sig.group("dash"),
        cue_start=sig.start("dash"), cue_end=sig.end("dash"), cue_class=None,
        speaker=speaker.name if speaker else None, speaker_start=speaker.start if speaker else None,
        speaker_end=speaker.end if speaker else None, actor=speaker.actor if speaker else None,
        anonymous=False, paragraph=p.index, speech=True)


def _bylines(text: str, paras) -> dict[int, tuple[int, int]]:
    """Paragraph index -> (start, end) of the byline name that the quoted paragraphs right
    before a line 'Name Surname, Outlet' belong to ('“...”\n\nHarry Enten, CNN')."""
    out: dict[int, tuple[int, int]] = {}
    for k, p in enumerate(paras):
        m = _INLINE_BYLINE_RE.search(text, max(p.start, p.end - 90), p.end) \
            if text[p.start:p.end].lstrip().startswith(_QUOTE_OPENERS) else None
        if m is not None and _CREDIT_RE.search(text, m.end(1), p.end):
            continue
        if m is not None:
            j = k
        elif k == 0 or p.end - p.start > 90:
            continue
        else:
            m = _BYLINE_RE.fullmatch(text, p.start, p.end)
            if m is None or not text[paras[k - 1].start:paras[k - 1].end].rstrip().endswith(("”", '"', "''", "»")) \
                    or _CREDIT_RE.search(text, m.end(1), p.end):
                continue
            j = k - 1
        if j == k:
            out[p.index] = m.span(1)
            j -= 1
        while j >= 0 and paras[j].index not in out and \
                text[paras[j].start:paras[j].end].lstrip().startswith(_QUOTE_OPENERS):
            out[paras[j].index] = m.span(1)
            j -= 1
    return out


def _short_attribution_before(st: _State, sp: _Span, cues, sents, para) -> _Reported | None:
    """'Bystrom agreed. "Mainstream Republicans are running out of time."': a sentence that is
    only a subject and a cue, right before the quote, attributes it."""
    text = st.text
    m = next((c for c in reversed(cues) if c.end() <= sp.ms), None)
    if m is None:
        return None
    end = _SHORT_CUE_END_RE.match(text, m.end(), sp.ms)
    if end is None or text[end.end() - 1:end.end()] not in ".:" or text[end.end():sp.ms].strip():
        return None
    s = next((x for x in sents if x.start <= m.start() < x.end), None)
    if s is None:
        return None
    subj = _subject_before(text, s.start, m.start())
    before = text[s.start:m.start()].rstrip()
    if subj is None and before.endswith(","):
        subj = _subject_skip_apposition(text, s.start, s.start + len(before) - 1)
    if subj is None or text[s.start:subj[0]].strip(" \t\n\u00a0\"“”"):
        return None
    entry = speech_verbs()[_norm(m.group(0))]
    return _Reported(m, entry, sp.cs, sp.cs, _speaker(st, *subj), para)


_GAP_PREPS = frozenset("in on at during after before while when".split())
_ADVERBIAL_GAP_RE = re.compile(r"[^.!?;:\"“”«»]{3,140},\s*")


def _adverbial_attribution_before(st: _State, sp: _Span, cues, sents, para) -> _Reported | None:
    """'Yuval Levin wrote in Politico in the fall of 2016, "..."': a say cue, then only
    adverbial phrases up to a comma, right before a quote nothing else attributes. (The gap is
    longer than :func:`_attr_left` accepts, so it is tried last.)"""
    text = st.text
    m = next((c for c in reversed(cues) if c.end() <= sp.ms), None)
    if m is None or sp.ms - m.end() > 140:
        return None
    entry = speech_verbs()[_norm(m.group(0))]
    gap = text[m.end():sp.ms]
    first = _WORD_RE.search(gap)
    if entry.frame not in ("say", "tell") or first is None or first.group(0) not in _GAP_PREPS or \
            not _ADVERBIAL_GAP_RE.fullmatch(gap) or " that " in gap:
        return None
    s = next((x for x in sents if x.start <= m.start() < x.end), None)
    if s is None or not s.start <= sp.ms < s.end:
        return None
    subj = _subject_before(text, s.start, m.start())
    if subj is None or text[s.start:subj[0]].strip(" \t\n\u00a0\"“”") not in ("", "As", "And", "But"):
        return None  # ('As Yuval Levin wrote in Politico, "..."')
    return _Reported(m, entry, sp.cs, sp.cs, _speaker(st, *subj), para)


def _source_cue(spans, speaker):
    for o in spans:
        if o.speaker is speaker and o.cue is not None:
            return o.cue
    return None


def _clean_end(text: str, a: int, b: int) -> int:
    while b > a and (text[b - 1].isspace() or text[b - 1] in ".,;:!?…"):
        b -= 1
    return b


_CONJUNCTIONS = frozenset("but and or so yet".split())
_LEAD_PREP = frozenset(
    "in on at after before during since when while as if although though because for with "
    "by from early late last earlier later still yet but and or so however meanwhile instead "
    "also asked pressed speaking writing like unlike despite amid amidst against along among amongst "
    "across around beyond toward towards without within throughout following regarding upon "
    "outside inside near behind beneath under where of ahead aside alongside regardless whatever ever".split())
_AGAINST_LEMMAS = frozenset(["warn", "caution", "argue", "advise", "rail", "inveigh"])
_AGAINST_RE = re.compile(r"\s*against\s+")
_PREP_START_RE = re.compile(
    r"\s*(?:to|on|with|by|at|in|for|from|about|upon|into|of|over|up|out|off|so|nothing|"
    r"this(?!\s+(?:is|was|would|will|could|has|had|should|might|may|must|can|isn|wasn|won)\b|\s+\w+[’']s\b)|"
    r"something|anything|yes|no|as|is|was|and|or|but|if|what|how|when|why|whether|during|"
    r"after|before|through|via|under|against|goodbye|hello|thanks|sorry)\b", re.IGNORECASE)
# Subjects whose "show"/"find" reports a finding even without "that".
_EVIDENCE_RE = re.compile(_any_case_words(
    "polls? polling surveys? study studies data records reports? analys[ie]s results figures "
    "numbers research documents filings emails e-mails census estimates investigation audit "
    "review probe") + r"\b")
# a parenthetical attribution right after a word: "Cost estimates, he added, were ...",
# "He sincerely believes, he said, that ..."
_AS_BEFORE_RE = re.compile(r"[,”\"]\s*,?\s*as$")
_PAREN_ATTR_AFTER_RE = re.compile(
    r",\s+(?:he|she|they|(?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’-]+)\s+"
    r"(?:said|says|added|adds|argued|argues|noted|notes|wrote|writes|explained|insisted|told\s+\w+)\s*,")
_ING_NEXT_RE = re.compile(r"\s*\w+ing\b")
_COMMA_PARTICIPLE_RE = re.compile(r"\s*,\s*(?:citing|quoting|referring|pointing|according)\b")
_PAREN_AFTER_RE = re.compile(r"\s*,\s*(?!(?:and|but|adding|saying|noting|according)\b)[\w\"“‘']")
_TELL_GAP_RE = re.compile(r"[.;:!?\"“”()]|\b(?:who|which|said|says|but)\b|,\s*and\b")
_COMMA_CONJ_BEFORE_RE = re.compile(r"[,;]\s*(?:and|but)\s+$")
_COORD_END_RE = re.compile(r"(?:[,;]?\s+(?:and|but|while|whereas|as)|;|,)\s*$")
_THAT_AHEAD_RE = re.compile(_whole_words("that") + r"\b(?![’'](?:s|ll|d)\b)")
def _report_that(text: str, t: re.Match | None, hi: int) -> tuple[re.Match | None, bool]:
    """The "that" which opens a report after a cue's phrase, given the first one, ``t``, and
    whether ``t`` opened a relative clause on a document instead ("said in a statement that
    included a list of demands that ...": the report, if any, is a later "that")."""
    if t is None or not _RELATIVE_VERB_AFTER_RE.match(text, t.end(), hi):
        return t, False
    return _THAT_AHEAD_RE.search(text, t.end(), min(hi, t.end() + 120)), True


_RELATIVE_VERB_AFTER_RE = re.compile(
    r"\s*(?:also\s+)?(?:included|includes|showed|shows|featured|features|contained|contains|accompanied|"
    r"appeared|garnered|drew|received|went|came|has\s+been|had\s+been|was\s+(?:later|quickly|widely|posted|"
    r"shared|deleted|retweeted|viewed|published|released|signed|sent|read|aired))\b")
# Prepositional phrases, then a clause with a finite verb and no "that": "at a rally in Ohio
# the bill was dead", "at the White House the bill would pass"
_PP_CLAUSE_RE = re.compile(
    r"(?:\s*(?:in|at|on|during|before|after)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?"
    r"(?:[\w.'’&-]+\s+){0,3}?[\w.'’&-]+)+?\s+"
    r"(?=(?:the|a|an|he|she|they|it|we|I|this|there|his|her|their|its)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:is|was|were|are|had|has|have|would|will|could|can|should)\b)")
# A clause that opens with a negative subject: "said no one knew", "said no decision had been
# made", "says no matter what ..., ...", "said nothing would change" (not "said no", "said
# nothing about it")
# a speaker that is no one: "No one can reasonably argue that", "No group immediately claimed"
_NO_ONE_RE = re.compile(r"(?:[Nn]o\s+(?!doubt\b|matter\b)[a-z]\w*|[Nn]obody|[Nn]one|[Nn]either)\b")
_NEG_SUBJECT_RE = re.compile(
    r"\s*(?:no\s+(?:one|matter|longer)\b|nobody\b|no\s+(?:[a-z]+\s+){1,2}?(?:had|has|have|was|were|is|are|"
    r"would|will|could|can|should|did)\b|nothing\s+(?:had|has|was|is|would|will|could|can|should)\b)")


_DATELINE_RE = re.compile(r"\s*[A-Z][A-Z.' -]{2,}(?:,[^—–\n]{1,40}?)?\s*(?:\([A-Za-z. ]{1,20}\)\s*)?(?:[—–]|--?)\s*")


# a dateline that opens the sentence of a report: "MAGNOLIA, N.C.—", "WASHINGTON –" (a single
# hyphen only with spaces: not "AFL-CIO", "COVID-19")
_LEAD_DATELINE_RE = re.compile(r"[A-Z][A-Z.' ]{2,}(?:,[^—–\n]{1,40}?)?\s*(?:\([A-Za-z. ]{1,20}\)\s*)?(?:[—–]|\s--?\s)\s*")
_COORD_CLAUSE_RE = re.compile(r"(?:,\s+(?:and|but|while|whereas)|;)\s+")
_SUBORD_CLAUSE_RE = re.compile(
    r"(?<!such )(?<!well )(?<!much )(?<!long )(?<!soon )(?<!far )"
    r"\b(?:as|though|although|because|when|while|where|whereas)\s+")


# a post-posed tag with a name right before ', VERBing': "..., Spicer said, adding" (a pronoun
# there is left to the sentence's subject: 'Mr. Nolan also backs ..., he said, adding')
_TAG_BEFORE_COMMA_RE = re.compile(r",\s+((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*)\s+"
                                  r"(?:said|says|told|tells|added|adds|wrote|writes|explained)(?:\s+\w+)?\s*$")


def _participle_subject(text: str, lo: int, comma: int) -> tuple[int, int, str] | None:
    """The subject of '..., VERBing': of the nearest subordinate clause before the comma if
    it has a named subject ('as Mrs. Grant echoed the criticism, saying'), else of
    the sentence."""
    tag = _TAG_BEFORE_COMMA_RE.search(text, max(lo, comma - 60), comma)
    if tag is not None:
        return tag.start(1), tag.end(1), "name"  # ('CLAUSE, Spicer said, adding')
    cw = None
    for cw in _SUBORD_CLAUSE_RE.finditer(text, lo, comma):
        pass
    k = text.find(",", cw.end(), comma) if cw is not None else -1
    if k > 0:
        # a clause that a comma closed before the main one: "Soon after Kellyanne Conway
        # congratulated the co-hosts ..., Trump weighed in, urging": the main clause's subject
        subj = _main_subject(text, k + 1, comma)
        if subj is not None and _speaker_np(text, subj):
            return subj
    if cw is not None:
        subj = _main_subject(text, cw.end(), comma)
        if subj is not None and _speaker_np(text, subj) and (
                    text[subj[1]:comma].strip(" \u00a0,") or
                    (main := _main_subject(text, lo, comma)) is None or text[main[0]:main[1]].lower() in ("there", "it")):
            # (a pronoun there is often someone else; "as much Monday" is no subject; 'when
            # Sanders protesters interrupted her speech, shouting' is theirs, not 'as senator';
            # nor is 'as governor of neighboring Massachusetts, saying', a clause with no verb,
            # unless the sentence has no subject of its own: 'Then there is ... John Brennan, now
            # signed on as a contributor for MSNBC, saying')
            return subj
    return _main_subject(text, lo, comma)


def _speaker_np(text: str, subj: tuple[int, int, str]) -> bool:
    """Is the noun phrase a named or role speaker of more than one word, not a time?"""
    return (subj[2] == "name" or subj[2] == "role" and _speaker_noun(text, subj) and " " in text[subj[0]:subj[1]]) \
        and not _TIME_NP_RE.search(text, subj[0], subj[1])


def _main_subject(text: str, lo: int, hi: int) -> tuple[int, int, str] | None:
    """The first noun phrase of a sentence (subject of ``..., arguing ...``)."""
    d = _DATELINE_RE.match(text, lo, hi)
    a = d.end() if d else lo  # ("WASHINGTON, Dec. 8 (UPI) — In response ..., X rallied ...")
    first = _WORD_RE.match(text, a, hi) or _WORD_RE.search(text, a, hi)
    if first is None:
        return None
    a0 = a
    a = _skip_fronted(text, a, hi)
    if ((c0 := text[a0 if a is None else a:(a0 if a is None else a) + 1]) in _PP_INITIALS or not c0.isalpha()) and \
            (fp := _FRONTED_PP_PRONOUN_RE.match(text, a0 if a is None else a, hi)) is not None:
        # "(While ..., ) in a separate interview he broke with Trump by stating ...": a fronted
        # phrase with no comma, then a pronoun subject (audit 22)
        return fp.start(1), fp.end(1), "pronoun"
    if a is None:
        return None
    a, _ = _trim_np(text, a, hi, time_end=False)  # (the rest of the sentence: only its start serves)
    if text[a:a + 1] in "HhSsTtWwIY" and (mc := _PRONOUN_CONTRACTION_RE.match(text, a, hi)) is not None and \
            text[mc.end():mc.end() + 1] == " ":
        return mc.start(1), mc.end(1), "pronoun"  # ("He’s taken plenty and expects ...", audit 24)
    # (at most 7 words after a quantity of at most 4 are read: the first 12 serve)
    ws = list(islice(_WORD_RE.finditer(text, a, a + 200 if a + 200 < hi else hi), 12))
    q = _QUANTITY_RE.match(text, a, hi)
    # ("About 200 protesters gathered, chanting ...": the quantity is part of the subject)
    k0 = k = sum(1 for w in ws if w.start() < q.end()) if q else 0
    while k < len(ws) and k < k0 + 7:
        w = ws[k][0]
        lw = w.lower()
        if lw in _STOP or lw in _AUX or lw == "at" or (w.islower() and (
                lw.endswith("ed") or k > k0 and (lw.endswith("s") and not lw.endswith(("'s", "’s"))
                                                 and ws[k - 1].group(0) != "of" and not _plural_head(ws, k)
                                                 or lw in _IRREGULAR_VERBS))):
            break  # (a possessive is not a verb in -s: "the senator's chief aide")
        if text[ws[k].end():ws[k].end() + 1] == "," and not (w.isdigit() and text[ws[k].end() + 1:ws[k].end() + 2].isdigit()) or \
                text[ws[k].end():ws[k].end() + 1] in ("—", "–") and text[ws[k].start() - 1:ws[k].start()] != "(":
            # (a thousands comma goes on: "The 1,400-word essay"; a dash opens an aside:
            # "Kingsley Amis—the grumpy British novelist ...—made a remark", not in "(D–Ore.)")
            k += 1
            break
        k += 1
    if k == k0:
        return None
    words = [w[0] for w in ws[k0:k]]
    shape = _np_shape(words)
    if k0:
        return (ws[0].start(), ws[k - 1].end(), shape) if shape is not None else None
    while shape is None and k > 1 and (words[k - 1].islower() or any(w.islower() for w in words[1:k - 1])):
        # "He cut into Bush, calling ...", "Carly Fiorina threw her support behind Sen. Ted Cruz
        # Wednesday, saying ...": an irregular past tense ends the subject
        k -= 1
        shape = _np_shape(words[:k])
    if shape == "role":
        k, shape = _role_head(words, k)
    if shape is None:
        return None
    if shape == "role" and text.startswith(",", ws[k - 1].end()) and \
            (fa := _FRONTED_APPOSITION_RE.match(text, ws[k - 1].end() + 1, hi)) is not None and \
            _np_shape(fa[1].split()) == "name":
        # "A favorite of Tea Party activists, Mr. Rubio embraced ...": the role is a fronted
        # apposition of the name after it, which the verb follows
        return fa.start(1), fa.end(1), "name"
    return ws[0].start(), ws[k - 1].end(), shape


_PP_INITIALS = frozenset("IiAaOoDdWwFfUuBb")  # (the first letters of _FRONTED_PP_PRONOUN_RE's prepositions)
_FRONTED_PP_PRONOUN_RE = re.compile(r"\W*(?:[Ii]n|[Aa]t|[Oo]n|During|during|After|after|Before|before|With|with|From|from|"
                                    r"Over|over|Under|under)\s+(?:[\w'’-]+\s+){1,5}?"
                                    r"(he|she|they|we)\s+(?=[a-z]{3,})")
_FRONTED_APPOSITION_RE = re.compile(r"\s+((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*)\s+(?=[a-z]{3,}(?:ed|s)\b)")


def _speaker_noun(text: str, np: tuple[int, int, str]) -> bool:
    """Is the head of the noun phrase ``np`` a speaker noun ("protesters", "officials")?"""
    return _is_speaker_word(text[np[0]:np[1]].rsplit(None, 1)[-1].lower())


def _is_speaker_word(lw: str) -> bool:
    """Is the lower-case word ``lw`` a role or anonymous-source noun (``data/speaker_roles.txt``)?"""
    roles = _roles()
    return lw in roles.get("roles", ()) or lw in roles.get("anonymous", ())


def _plural_head(ws: list[re.Match], k: int) -> bool:
    """Is the -s word ``ws[k]`` a plural noun that heads the subject rather than its verb: a
    speaker noun ("Japanese officials released ...", "Clinton critics") or a noun its verb
    follows ("Japanese theme parks released ...")?"""
    lw = ws[k].group(0).lower()
    if _is_speaker_word(lw) or lw.endswith(("ists", "ians")) and lw not in _IST_VERBS:
        return True  # (also "Conservative populists in Europe ...", audit 21)
    nxt = ws[k + 1].group(0) if k + 1 < len(ws) else ""
    # (not before a cue: 'All the messages classified in the new set were ...' is no report)
    return nxt.islower() and (nxt.endswith("ed") or nxt in _IRREGULAR_VERBS) and nxt not in speech_verbs()


# verbs in -ists, among the plural nouns in -ists and -ians ("populists", "physicians")
_IST_VERBS = frozenset("insists persists resists exists assists consists enlists lists twists subsists desists".split())
# -s words that end no noun phrase ("Oberstar sounds", "John Dickerson nonetheless")
_S_NOT_NOUNS = frozenset("sounds seems looks remains appears feels gets goes has does is was "
                         "nonetheless nevertheless regardless always sometimes perhaps".split())


def _role_head(words: list[str], k: int) -> tuple[int, str]:
    """Shorten a subject read as a role phrase, ``words[:k]``, to its likely head: a known role
    noun ("The governor hit back at ..."), or a name before a verb the checker missed ("Mrs.
    Clinton shook her head and said"). Returns the new length and shape."""
    roles = _roles()
    role_nouns = roles.get("roles", ())
    if words[k - 1].lower() in role_nouns:
        return k, "role"
    j = next((j for j in range(k - 1, 0, -1) if words[j - 1].lower() in role_nouns), None)
    if j is not None:
        return j, "role"
    j = next((j for j in range(1, k) if not words[j][:1].isupper()), k)
    if j < k and not (k - j <= 2 and words[k - 1].endswith("s") and words[k - 1] not in _S_NOT_NOUNS and
                      words[k - 1] not in speech_verbs() and all(
            w.islower() and w not in _DETS and w not in _POSSESSIVE_DETS and w not in _PRONOUNS
            for w in words[j:k])):
        # (but "Japanese theme parks" is a compound noun, no name and a missed verb)
        nxt = words[j].lower()
        if nxt not in _NP_INNER and nxt not in role_nouns and nxt not in roles.get("anonymous", ()) \
                and _np_shape(words[:j]) == "name":
            return j, "name"
    return k, "role"


_DET_AFTER_RE = re.compile(r"\s+(?:a|an|the|his|her|their|its)\s")
_AS_AFTER_RE = re.compile(r"\s+as\b")
_ALSO_REFERRED_RE = re.compile(r"(?:\balso|\b(?:is|are|was|were|be|been|being|often|sometimes))\s+$")
# ("Multiple media reports have confirmed", "Early reports suggest", "Follow-up reports highlighted")
_AUX_AFTER_NOUN_RE = re.compile(r"\s+(?:have|are|were|do|did|suggest|say|show|indicate|reveal|claim|[a-z]{3,}ed)\b(?!\s+by\b)")
# a fronted or parenthetical phrase: the preposition opens its clause ("Among his past claims,",
# ", despite Republican claims,"; not "As member-station KUT in Austin reports,")
_PREP_NOUN_BEFORE_RE = re.compile(
    r"(?:^|[,;:—(]\s*|[.!?]\s+)(?:[Aa]mong|[Oo]f|[Ii]n|[Aa]mid|[Dd]espite|[Bb]eyond|[Bb]esides|[Ll]ike|[Aa]fter|[Ff]ollowing)\s+"
    r"(?:(?:his|her|their|its|the|these|those|such|many|some|other|all)\s+)?(?:[\w-]+\s+){0,2}$")
# cue forms that are also plural nouns (not "says": 'the ones State now says are “top secret”')
_PLURAL_NOUN_CUES = frozenset(
    "reports claims estimates calls comments remarks promises pledges threats complaints demands questions "
    "answers responses charges accusations denials requests notes warnings findings suggestions statements "
    "vows appeals pleas".split())
# "continue" reports speech only as a tag before what is said ('Cruz continued: ...', '...,
# he continued, that ...'); after it as a clause, its object is an action going on
_CONTINUE_TAG_RE = re.compile(r"\s*(?:[:,.;]|\s+that\b)")
_CONTINUE_NOT_TAG_RE = re.compile(r"\s*,\s*(?:which|who|and|but|as|while|so)\b")
_CONTINUE_TO_RE = re.compile(r"\s+to\s+(\w+)")  # ('continued to insist that ...': a speech verb)


# base forms that are nouns after a possessive determiner and its modifiers
_NOUN_LIKE_BASES = frozenset("tweet demand worry claim call report threat promise pledge vow plea "
                             "request complaint comment statement boast charge order remark suggestion".split())
_POSSESSIVE_NP_BEFORE_RE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Yy]our|[Ii]ts)\s+(?:[\w’'-]+\s+){0,1}?([\w’'-]+)\s+$")
_REPORT_COMPLEMENT_RE = re.compile(r"\s*(?:that\b|to\b|:|,?\s*[\"“])")
_PHONED_RE = re.compile(
    r"\s+(?:to\s+(?:ask|check|inquire|find\s+out|offer|congratulate|apologi[sz]e|complain)\b|"
    r"(?:the\s+)?(?:police|911|cops|an\s+ambulance)\b|"
    r"(?:a|an|the|his|her|their|my|our|your)\s+(?:[\w-]+\s+){0,2}?(?:friend|relative|neighbou?r|doctor|lawyer|"
    r"mother|father|wife|husband|son|daughter|brother|sister|boss|hotline|colleague)s?\b[^.,;:\"“”]{0,60}?\bto\s+\w|"
    # a person or place called, then nothing, or only when, from where, how often or what for:
    # "Trump said he even called Powell on Monday", "he calls her every Sunday", "called him
    # Thursday morning to discuss", "called her from federal prison", "called the hospital",
    # "his wife called around 5:30 p.m." (not "called him a liar", "called Trump a 'fucking moron'")
    r"(?:him|her|them|me|us|(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w'’-]+|"
    r"(?:the|his|her|their|a)\s+(?:hospital|clinic|office|embassy|station|hotline|number|lawyer|attorney|doctor|"
    r"family|wife|husband|mother|father|son|daughter|parents)(?:\s+[A-Z][\w'’-]+){0,2})"
    r"(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bSen)(?<!\bRep)(?<!\bGov)"
    r"(?:\s*(?:[.;]|,\s+(?:and|but)\b|$)|\s+and\s+(?:[a-z]+ed|got|told|said|left|spoke|was|were)\b|"
    r"\s+(?:on(?!\s+(?:it|this|that)\b)|from|last|this|every|each|around|at|early|late|later|back|again|"
    r"twice|repeatedly|shortly|immediately|personally|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"today|yesterday|tonight|to\s+(?:discuss|talk|tell|offer|thank|inform|invite|express|share|let|say))\b)|"
    r"(?:around|at)\s+\d|"
    r"[^.,;:\"“”]{0,40}?\binto\s+question\b)")  # ("calls her credibility into question": an idiom)
# a verb right after: "the 10-year Treasury note remained", "the notes show": the noun
_VERB_NEXT_RE = re.compile(r"\s+(?:is|was|are|were|has|had|have|will|would|can|could|remained|remains|shows?|showed|"
                           r"says?|said|read|reads|suggests?|suggested|indicates?|indicated)\b")
_NOTE_NOUN_BEFORE_RE = re.compile(
    r"\b(?:a|an|the|this|that|his|her|their|its|my|our|your|one|side|final|quick|brief|short|personal|"
    r"handwritten|[\w-]+-page|[\w]+'s|[\w]+’s)\s+$", re.IGNORECASE)


def _reported(st: _State, s, m: re.Match, entry: _Cue, spans, para) -> _Reported | None:
    """Reported speech around cue ``m`` in sentence ``s``, or None."""
    text = st.text
    lo, hi = s.start, s.end
    cs, ce = m.span()  # (read once: the tests below look around the cue again and again)
    # the sentence may end inside a quote that runs on: extend to the quote's end
    for sp in spans:
        if sp.ms < hi <= sp.me and sp.ms >= lo:
            hi = sp.me
        if sp.ms < lo < sp.me and sp.me <= cs:
            lo = sp.me  # the sentence starts inside a quote that ends before the cue
    if text[lo:lo + 2].isupper() and (dl := _LEAD_DATELINE_RE.match(text, lo, cs)) is not None:
        lo = dl.end()  # ('MAGNOLIA, N.C.—Sally Quinn Whaley, devout Baptist, knows ...': no speaker, audit 19)
    form = m[0]
    ing_form = form.endswith("ing")
    if form[0].isupper() and form[0] != entry.form[0] and not _capital_cue_ok(text, lo, hi, m, entry):
        return None
    if entry.frame == "according":
        return _according(st, s, m, entry, lo, hi, para)
    if _COUNTERFACTUAL_BEFORE_RE.search(text, max(lo, cs - 24), cs):
        return None  # ('They could’ve conceded that ...', 'should have said': what was not said, audit 18)
    if form == "called" and _NAMED_BEFORE_RE.search(text, max(lo, cs - 60), cs) and \
            _NAME_AFTER_RE.match(text, ce, hi) and not _CALLED_X_A_RE.match(text, ce, hi):
        return None  # "A new group called Black Votes Matter": a name, not a report
    if entry.lemma == "ask" and _ASKED_LEAD_RE.fullmatch(text, lo, cs):
        return _asked(st, m, entry, hi, para)
    passive = _PASSIVE_BEFORE_RE.search(text, cs - 12 if cs - 12 > lo else lo, cs)  # ("was asked", "is said")
    if entry.frame == "raise" and _RAISE_AFTER_RE.match(text, ce, hi) or \
            passive and form.endswith(("ed", "said", "thought", "seen")) and _TO_AFTER_RE.match(text, ce, hi):
        return _raising(st, m, entry, lo, hi, spans, para)
    if entry.frame == "raise":
        return None
    if form == "say" and (_NOUN_BEFORE_RE.search(text, max(lo, cs - 12), cs) or
                          _SAY_NOUN_BEFORE_RE.search(text, max(lo, cs - 12), cs)):
        return None  # "a larger say than they do", "the final say": the noun
    if form == "opposed" and _AS_BEFORE_CUE_RE.search(text, max(lo, cs - 4), cs):
        return None  # "as opposed to attacking his rivals"
    if form in _PLURAL_NOUN_CUES and _AUX_AFTER_NOUN_RE.match(text, ce, hi):
        return None  # "Multiple media reports have confirmed ...": a plural noun, the subject
    if form in _PLURAL_NOUN_CUES and text[ce:ce + 1] == "," and _PREP_NOUN_BEFORE_RE.search(text, max(lo, cs - 40), cs):
        return None  # "Among his past claims, the president has said": a noun in a fronted phrase (audit 24)
    if form == "say" and text[cs - 2:cs] == ", " and text[ce:ce + 1] == ",":
        return None  # "unlike, say, Ted Cruz": a discourse marker
    if form in ("went on", "goes on", "go on", "going on") and _DET_AFTER_RE.match(text, ce, hi):
        return None  # "went on a tirade": an action, not "went on to say"
    if form.startswith("referred") and _ALSO_REFERRED_RE.search(text, max(lo, cs - 12), cs) and \
            _AS_AFTER_RE.match(text, ce if form.endswith("to") else ce + 3, hi):
        return None  # "the law, also referred to as “Obamacare”": a name, nobody's words
    if entry.lemma == "deny" and form.endswith("ed") and _PASSIVE_ADV_BEFORE_RE.search(text, max(lo, cs - 30), cs) \
            and not _THAT_RE.match(text, ce, hi):
        return None  # "He was denied a gun permit", "The applicants were denied": refused, not a denial
    if entry.lemma == "continue" and _CONTINUE_NOT_TAG_RE.match(text, ce, hi):
        return None  # "while the shutdown continues, which suggests ...": the clause goes on
    if entry.lemma == "continue" and not _CONTINUE_TAG_RE.match(text, ce, hi) and not (
            (tv := _CONTINUE_TO_RE.match(text, ce, hi)) and tv.group(1) in speech_verbs()):
        return None  # "deaths have continued to rise", "Trump has continued his threats"
    if form in _NOUN_LIKE_BASES and (pn := _POSSESSIVE_NP_BEFORE_RE.search(text, max(lo, cs - 40), cs)) \
            and not pn.group(1).endswith("s") and not _REPORT_COMPLEMENT_RE.match(text, ce, hi):
        # "after his North Korea tweet, Trump announced", "My big worry is": a noun after a
        # possessive (not "his lawyers claim", or "his vow to end ...", a report of its own)
        return None
    if entry.lemma == "call" and _PHONED_RE.match(text, ce, hi):
        return None  # "called a family friend to investigate", "called to ask about": phoned
    if entry.lemma in ("slam", "blast") and _MOTION_AFTER_RE.match(text, ce, hi):
        return None  # ("Hurricane Michael slammed into the Florida Panhandle": a blow, audit 19)
    if form in ("note", "notes") and (text[ce:ce + 1] == ":" or _NOTE_NOUN_BEFORE_RE.search(
            text, max(lo, cs - 30), cs) or _VERB_NEXT_RE.match(text, ce, hi)):
        return None  # "One final note:", "Side note:", "The 10-page note", "in the notes": the noun
    if form in ("think", "thinks") and _TANK_AFTER_RE.match(text, ce, hi):
        return None  # "a public policy think tank"
    if form == "know" and text[ce:ce + 1] in (",", "—", "–") and _YOU_BEFORE_RE.search(text, max(lo, cs - 5), cs):
        return None  # "You know, thanks for having me", "there's, you know, a lot": a filler (audit 20)
    if ing_form and _MATCH_AFTER_RE.match(text, ce, hi):
        return None  # "shouting matches", "a yelling match", "the right calling card": a noun
    if (d := _DASH_AFTER_RE.match(text, ce, hi)) and not _DASH_AFTER_RE.search(text, d.end(), hi):
        # "disheveled and shouting — only to be ...": the writer goes on (but 'said — on
        # Twitter, as it happens — that ...' is a parenthetical)
        return None
    if entry.frame == "object" and text[ce:ce + 1] in (",", ".", ";", ":", ")") and \
            ing_form:
        return None  # "if we wound up with GMO labeling, it ...": a noun, no object
    if entry.lemma in _EXPECT_LEMMAS and \
            _COMPARATIVE_BEFORE_RE.search(text, max(lo, cs - 40), cs):
        return None  # "sooner than expected", "as many people expected,": a comparison, no report
    if passive and _BY_AFTER_RE.match(text, ce, hi):
        # "Trump has been criticized by some of his rivals for failing ...": the agent speaks
        return _passive_agent(st, m, entry, lo, hi, para)
    if form.split()[0].endswith("ed") and _BY_AFTER_RE.match(text, ce, hi):
        if _AS_BY_BEFORE_RE.fullmatch(text, lo, cs):
            return _as_by(st, m, entry, hi, para)
        if (tr := _AS_BY_TRAIL_RE.search(text, max(lo, cs - 30), cs)) is not None:
            return _as_by_after(st, m, entry, lo, tr.start(), hi, para)
    if entry.frame == "np":
        return _np_reported(st, m, entry, lo, hi, para)
    if text[ce:ce + 1] == "," and not ing_form and \
            (passive or _PASSIVE_ADV_BEFORE_RE.search(text, max(lo, cs - 30), cs)) and \
            _SUBORD_OPEN_RE.search(text, max(lo, cs - 80), cs):
        # "after the winner was declared, told her supporters ...": a passive cue in a subordinate
        # clause reports nothing; the main clause follows the comma
        return None
    if ing_form and _FRONT_PREP_LEAD_RE.fullmatch(text, lo, cs):
        # "(CNN) Just days after insisting that ..., President Trump backed off", "A day after
        # announcing ..., Sen. Rand Paul urged": the subject is the main clause's, after the comma
        k = _SUBORD_END_RE.search(text, ce, hi)
        ms = _main_subject(text, k.end(), hi) if k is not None else None
        if k is None and (c := text.find(", ", ce, hi)) > 0 and not _inside(spans, c):
            # ("After saying he would run, Smith withdrew": a verb the pattern does not list)
            k = _COMMA_WORD_RE.match(text, c)
            ms = _main_subject(text, c + 1, hi)
            ms = ms if ms is not None and ms[2] in ("name", "pronoun") else None
        if ms is None or ms[2] not in ("name", "role", "pronoun"):
            return None
        t0 = _THAT_RE.match(text, ce, hi)
        c0 = t0.end() if t0 else ce
        cend = _clean_end(text, c0, k.start() if k is not None else c)  # (no word after that comma)
        if len(text[c0:cend].split()) < 2:
            return None
        return _Reported(m, entry, c0, cend, _speaker(st, *ms), para)
    subj = _document_owner(text, lo, m) or _subject_before(text, lo, cs)
    # (every match of _RELATIVE_BEFORE_RE holds "wh": most windows have none)
    rel = False
    if subj is None:
        w60 = cs - 60 if cs - 60 > lo else lo  # (comparisons, not max(): see _window_start)
        w160 = cs - 160 if cs - 160 > lo else lo
        rel = (text.find("wh", w60, cs) >= 0 and _RELATIVE_BEFORE_RE.search(text, w60, cs) or
               (text.find("o,", w160, cs) >= 0 or text.find("h,", w160, cs) >= 0) and
               _RELATIVE_PAREN_BEFORE_RE.search(text, w160, cs))
    if rel:
        # "Borges, who predicted ...": the speaker is the noun phrase the clause hangs on
        subj = _antecedent(text, lo, rel.start())
        if subj is None:
            return None
    inverted = None
    before = text[lo:cs].rstrip()
    comma = lo + len(before) - 1
    if subj is None and ing_form and (dm := _DOC_FROM_NAME_RE.search(text, max(lo, cs - 120), cs)) \
            and any(w in _first_names() or w in _either_names() or w in _PERSON_TITLES for w in dm.group(1).split()):
        # 'a letter from House Speaker Nancy Pelosi urging him to reschedule', 'an op-ed from
        # Paul Krugman suggesting': the document's author, if a person by name (a company's
        # letter makes no antecedent of "she": 'a letter from Blue Cross saying')
        subj = (dm.start(1), dm.end(1), "name")
    if subj is None and ing_form and before.endswith(("”", '"')) \
            and before[:-1].rstrip().endswith(","):
        # 'X said the governor was "weak," adding that ...': the comma sits inside the quote
        subj = _main_subject(text, lo, lo + len(before[:-1].rstrip()) - 1)
    if ing_form and before.endswith((" and", " by", " after", " before", " while", " without", " despite")) \
            and len(before) > 4 and \
            (subj is None or before.endswith(" by")):
        # '..., calling him a "stiff" and accusing him of ...', 'Sullivan responded by explaining
        # ...': the subject of the main clause, or of the last coordinated clause ('Pelosi said
        # ..., and Trump responded by saying ...')
        co = None
        for c in _COORD_CLAUSE_RE.finditer(text, lo, lo + before.rfind(" ")):
            if not _inside(spans, c.start()):
                co = c  # (not inside a quote: 'the plan was "dead, and Trump knows it" and ...')
        subj = _main_subject(text, co.end(), lo + before.rfind(" ")) if co is not None else None
        wi = _with_participle_subject(text, lo, cs) if before.endswith(" and") and co is None else None
        if wi is not None:
            subj = wi
        elif subj is None or subj[2] not in ("name", "pronoun"):
            subj = _main_subject(text, lo, lo + before.rfind(" "))
    if subj is None and not before.endswith(",") and (tc := _title_comma(text, lo, cs)) is not None:
        comma = tc[1]  # "Gary Gerstle, a professor ... and author of “Liberty and Coercion,” noted"
        before = text[lo:comma + 1]
    if subj is None and before.endswith(","):
        if ing_form:
            # "..., arguing (that) ...": the subject of the main clause
            subj = _participle_subject(text, lo, comma)
        else:
            subj = _subject_skip_apposition(text, lo, comma)
            if subj is None and entry.frame in ("say", "tell"):
                subj = _apposed_subject_after_clause(text, lo, comma)
            if subj is None and entry.frame == "say":
                inverted = _np_after(text, ce, hi)  # ("CLAUSE, told X" is not English)
    loose = False
    if subj is None and inverted is None and ing_form and entry.frame in ("say", "tell", "sayt") \
            and _FRONT_LEAD_RE.fullmatch(text, lo, cs) and (t0 := _THAT_RE.match(text, ce, hi)):
        # "Noting that the economy was strong, Smith said ...", "Conceding that a deal was likely
        # “down the line” he warned": a fronted participle; its subject is the main clause's
        k = _SUBORD_END_RE.search(text, t0.end(), hi) or _FRONT_END_RE.search(text, t0.end(), hi)
        ms = _main_subject(text, k.end(), hi) if k is not None else None
        if ms is not None and ms[2] in ("name", "role", "pronoun"):
            cend = _clean_end(text, t0.end(), k.start())
            if len(text[t0.end():cend].split()) >= 3:
                return _Reported(m, entry, t0.end(), cend, _speaker(st, *ms), para)
    if subj is None and inverted is None and ing_form:
        # "..., with Donald Trump tweeting that ...": the noun phrase after "with"; "his warning
        # that ...", "Trump's saying that ...": the possessor of the gerund
        w = _WITH_BEFORE_RE.search(text, max(lo, cs - 80), cs)
        if w is not None:
            subj = _subject_before(text, w.end(), cs)
            if subj is None:
                # "with many marchers and spectators chanting": a subject the checker refuses
                subj = _loose_subject(text, w.end(), cs)
                loose = subj is not None
        elif _GERUND_OWNER_RE.search(text, max(lo, cs - 4), cs):
            subj = _possessor(text, lo, cs)
        elif text[cs - 2:cs - 1] in _DISPLAY_LAST and (dn := _DISPLAY_BEFORE_RE.search(text, max(lo, cs - 50), cs)) is not None:
            # 'This prompted the tabloid to do a cover saying "..."', 'carried signs reading':
            # the thing that bears the words says them
            subj = dn.start(1), dn.end(1), "role"
        elif (pg := _PREP_GROUP_BEFORE_RE.search(text, max(lo, cs - 60), cs)) is not None and \
                _is_speaker_word((h := pg[2].rsplit(None, 1)[-1]).lower()) and \
                not (pg["prev"] and (pg["prev"] in _IRREGULAR_VERBS or pg["prev"].endswith(("ed", "ing", "s")) or
                                     _norm(pg["prev"]) in speech_verbs() or pg["prev"] in _HEARER_BEFORE or
                                     pg["prev"] in _DOCUMENT_NOUNS or pg["prev"] in _UTTERANCE_NOUNS)):
            # "gave ammunition to Democrats alleging ...", "drew fire from critics arguing ...": the
            # group the participle follows, not the clause's subject (audit 22); not a hearer
            # ("spoke to reporters saying ...", "a letter to Iran's leaders warning ...": the
            # speaker or the document says it)
            subj = pg.start(2), pg.end(2), "name" if h[0].isupper() else "role"
    if subj is None and inverted is None and _SOURCE_HINT_RE.search(text, cs - 80 if cs - 80 > lo else lo, cs) and \
            (src := _SOURCE_NP_RE.search(text, max(lo, cs - 120), cs)):
        # "CLAUSE, people familiar with the matter said": an unnamed source with its post-modifier;
        # the mention is the noun phrase up to its head ("people", "a source")
        subj = (src.start(1), src.end(2), "role")
    if subj is None and inverted is None:
        # a subject the shape checker does not accept ("Two in three", "Her campaign workers
        # here", "People with direct knowledge of Gates' work"): keep the content, with the
        # first noun phrase of the clause as a tentative speaker
        if not _loose_cue_ok(form, entry) and not (
                entry.frame == "sayt" and _EVIDENCE_RE.search(text, max(lo, cs - 60), cs)):
            return None
        subj = _loose_subject(text, lo, cs)
        if subj is None:
            return None
        loose = True
    if inverted is not None:
        # "CLAUSE, said X" (content before the comma)
        a, b, shape = inverted
        cstart, cend = _trim_np_content(text, lo, comma)
        if cend - cstart < 10 and not _answer_word(text, cstart, cend):
            return None
        sp = _speaker(st, a, b, shape)
        return _Reported(m, entry, cstart, cend, sp, para)
    a, b, shape = subj
    a0 = a
    if b - a > 10 and (cc := _CLAIM_HEAD_RE.match(text, a, b)) is not None and \
            (ns := _np_shape(_WORD_RE.findall(text, cc.end(), b))) is not None:
        # "CLAUSE, a claim the GOP denies": the claim is the clause before it; the subject of
        # the claim's relative clause speaks, not "a claim the GOP" (audit 22)
        a, shape = cc.end(), ns
    after = text[ce:hi]
    # "CLAUSE, X said (Thursday)." : short tail after the cue
    tail = _end_adverbial(after) if len(after) < 160 else None
    if tail is None and entry.frame == "tell" and len(after) < 160:
        # "CLAUSE, a Cairo airport official told The New York Times.": a hearer, then the tail
        h = _HEARER_RE.match(after)
        if h is not None and _end_adverbial(after, h.end()):
            tail = h
    if tail is None and len(after) < 300 and "ing" in after:
        # "CLAUSE, Hollande said Tuesday in Paris, noting that ...": a participle goes on
        adv = _END_ADVERBIAL_RE.match(after)
        if adv is not None and _PARTICIPLE_AFTER_RE.match(after, adv.end()) and after[:adv.end()].rstrip():
            tail = adv
    if tail is not None and _commissive(entry, form) and _TO_VERB_RE.match(after):
        tail = None  # "vowed to build a wall on the border.": an infinitive, not an adverbial
    pre = text[lo:a0].rstrip()
    if tail is not None and rel:
        return None
    as_x = _AS_BEFORE_RE.search(pre) if tail is not None and entry.frame in ("say", "tell", "think", "sayt") else None
    if as_x is not None:
        pre = pre[:as_x.start() + 1]  # "The race is close, as Cruz said."
    if tail is not None and entry.frame in ("say", "tell", "think", "sayt"):
        if not pre.endswith((",", "—", "–", "--")):
            return None
        cstart, cend = _trim_np_content(text, lo, lo + len(pre) - 1)
        # ("In a text message to a Washington Post reporter, Spell said last Monday he does not
        # intend to surrender": a fronted phrase is no content; what follows the cue may be)
        if not (pre.endswith(",") and _fronted_only(text, cstart, cend)):
            if cend - cstart < 10 and not _answer_word(text, cstart, cend):
                return None  # ("Exactly, Bennett says.": a one-word answer is what she said)
            return _Reported(m, entry, cstart, cend, _speaker(st, a, b, shape), para)
    # "X said (that) CLAUSE"
    pos = ce
    if _BY_ING_RE.match(text, pos, hi):
        return None  # "responded by explaining that ...": the participle reports it
    if entry.lemma == "call" and _CALL_PARTICLE_RE.match(text, pos, hi):
        return None  # "called off the deal", "called for an inquiry"
    if entry.frame == "tell":
        h = _HEARER_RE.match(text, pos, hi)
        t2 = _THAT_AHEAD_RE.search(text, pos, min(hi, pos + 100))
        if t2 is not None and not _TELL_GAP_RE.search(text, h.end() if h and h.end() <= t2.start() else pos,
                                                       t2.start()):
            pos = t2.start()  # "told the Post and Courier newspaper on Saturday that ...": the hearer
        elif h and not re.match(r"\s+(?:that|the|a|an)\b", text[pos:pos + 6]):
            pos = h.end()
    adv = _ADVERBIAL_RE.match(text, pos, hi)
    if adv:
        pos = adv.end()
    after_adv = pos  # ("..., her advisers said Friday, because ...": a parenthetical with its time)
    if subj is not None and _CONJ_AFTER_RE.match(text, pos, hi) and \
            _OBJECT_RELATIVE_BEFORE_RE.search(text, max(lo, subj[0] - 8), subj[0]):
        return None  # ('a detail that critics pointed out on Twitter, and it was ...': the writer's next clause)
    t = _THAT_RE.match(text, pos, hi)
    if t and pos != ce:
        t, relative = _report_that(text, t, hi)
        if relative and (t is None or re.search(r"[.;:!?\"“”]", text[pos:t.start()])):
            return None
    if t:
        pos = t.end()
    elif entry.frame == "sayt" and not _EVIDENCE_RE.search(text, a, b):
        return None  # "found the emails"; but "polls show Trump is trailing" needs no "that"
    elif entry.frame in ("say", "think", "tell") and _PREP_START_RE.match(text, pos, hi) and \
            not _NEG_SUBJECT_RE.match(text, pos, hi):
        if entry.lemma in _AGAINST_LEMMAS and (g := _AGAINST_RE.match(text, pos, hi)):
            pos = g.end()  # "warned against drawing lessons": what the warning is about
        elif _WH_RE.match(text, pos, hi):
            pass  # "isn't saying what ...", "wouldn't say when, or if, ...": an indirect question
        elif _commissive(entry, form) and _TO_VERB_RE.match(text, pos, hi):
            pass  # "vowed to fight", "promising to 'carpet bomb them'": the promise is the report
        else:
            # "wrote in both listings (that) he was ...": look a few words ahead for "that"
            t2, relative = _report_that(text, _THAT_AHEAD_RE.search(text, pos, min(hi, pos + 120)), hi)
            if relative and t2 is None:
                return None
            if t2 is not None and not re.search(r"[.;:!?\"“”]", _mask_titles(text[pos:t2.start()])):
                pos = t2.end()  # (a show's title may come between: 'said on “Meet the Press” that')
            elif (pc := _PP_CLAUSE_RE.match(text, pos, hi)) is not None:
                pos = pc.end()  # "said at a rally in Ohio the bill was dead": the phrases, then the clause
            else:
                return None
    start = None
    if pos in (ce, after_adv) and pre.endswith(",") and entry.frame in ("say", "tell") and \
            _COMMA_PARTICIPLE_RE.match(text, pos, hi):
        # "The deal is dead, CNN reported, citing two officials": the clause before is the
        # report; the participle goes on about the reporting
        cstart, cend = _trim_np_content(text, lo, lo + len(pre) - 1)
        if cend - cstart >= 10:
            return _Reported(m, entry, cstart, cend, _speaker(st, a, b, shape), para)
    if pos in (ce, after_adv) and pre.endswith(",") and _PAREN_AFTER_RE.match(text, pos, hi) and \
            len(_WORD_RE.findall(text, lo, a)) >= 2:
        # "If it's just a few delegates, the campaign said, it may not bother ...": the report
        # runs on both sides of the attribution
        start, _ = _trim_np_content(text, lo, a)
    while pos < hi and (text[pos].isspace() or text[pos] in ",:"):
        pos += 1
    cend = _clean_end(text, pos, hi)
    if rel and (text[max(lo, rel.start() - 3):rel.start()].rstrip().endswith((",", "-", "—", "–", "(")) or
                text[max(lo, a - 3):a].rstrip().endswith(",")):
        # "Humphrey, who calls Trump X, said ...", "Sanders, a senator from Vermont who says
        # ..., won": the clause ends at the closing comma
        k = _REL_END_RE.search(text, pos, cend)
        if k is not None:
            cend = _clean_end(text, pos, k.start())
    if ing_form and text[b:cs].strip() == ",":
        # "Durbin, noting the size of Sanders's following, said ...": a participle in an
        # apposition ends at the comma before the subject's own cue
        for k in _COMMA_WORD_RE.finditer(text, pos, cend):
            if k[1] in speech_verbs() and not k[1].endswith("ing"):
                cend = _clean_end(text, pos, k.start())
                break
    k = _SAME_SUBJECT_RE.search(text, pos, cend) if shape in ("name", "pronoun") else None
    if k is not None and not _may_name(text, pos, k.start(), "f" if k.group(1) == "she" else "m"):
        # (not when the report names someone else the pronoun may be: 'Sanders said Clinton
        # was qualified, though she has made mistakes')
        # "Clinton has said she will not call on him to withdraw, but she has bristled at ...":
        # a clause of the speaker's own after "but" is the writer's, not the report
        cend = _clean_end(text, pos, k.start())
    if _SUBORD_LEAD_RE.match(text, lo, a):
        # "When Sanders accused Clinton of ..., she said ...": the subordinate clause ends at
        # the comma before the main clause
        k = _SUBORD_END_RE.search(text, pos, cend)
        if k is not None:
            cend = _clean_end(text, pos, k.start())
    # (a parenthetical tag has no object: 'By the time they are, he adds, West Virginia ...';
    # not 'By Friday, Trump conceded, announcing ...' or 'works as promised, ...')
    paren = start is not None and not text[b:cs].strip() and text[ce:ce + 1] == "," and \
        not _ING_NEXT_RE.match(text, ce + 1, hi)
    if not t and not paren and entry.lemma in _OBJECT_PRONE and not _CLAUSE_START_RE.match(text, pos, cend) \
            and not any(pos <= x.ms < cend for x in spans) \
            and not (_commissive(entry, form) and _TO_VERB_RE.match(text, pos, cend)):
        return None  # "wrote the letter Feb. 2", "added a postscript": an object, not a clause
    # ('who says it's "disastrous."': a quoted fragment makes a short clause a report; two words
    # or three only matter for a clause of fewer than three, so only then is the mark looked for)
    c0 = pos if start is None else start  # ("The new plan, he said, is dead": both sides count)
    # (only fewer than three words or two matter: split at most twice)
    if (cend - c0 < 6 or (n_words := len(text[c0:cend].split(None, 2))) < 3 and (
            n_words < 2 or entry.frame != "object" and not _QUOTE_MARK_RE.search(text, pos, cend))) \
            and not _answer_word(text, c0, cend):
        return None
    sp = _relative_speaker(st, lo, rel, subj) if rel else _speaker(st, a, b, shape)
    if loose:
        sp.loose = True
    if form.split()[0].endswith(("ed", "told")) and form.split()[0] not in ("quoted", "overheard", "recorded") \
            and _PASSIVE_ADV_BEFORE_RE.search(text, max(lo, cs - 30), cs):
        # "He was also accused of groping women", "Trump was asked whether ...", "DuBois was
        # referred to Health Assist", "Mustafa is mentioned in a single paragraph": the subject
        # is the target or the hearer; who spoke is not said (the subject may still be what
        # a later "he" names: "Reagan was criticized ... when he insisted")
        _remember(st, sp)
        sp = None
    elif sp is not None and text[a:b].lower() == "it" and form.endswith(("ed", "said")) and \
            _PASSIVE_BEFORE_RE.search(text, max(lo, cs - 12), cs):
        sp = None  # "When it was announced that ...", "it was revealed that": no one is said to speak
    return _Reported(m, entry, pos if start is None else start, cend, sp, para)


def _relative_speaker(st: _State, lo: int, rel: re.Match, subj: tuple[int, int, str]) -> _Speaker:
    """The speaker of a relative clause (``Reed, who added that ...``). The surface mention is
    the relative pronoun, which the attribution rests on; it resolves to its antecedent, or to
    the name before an apposition (``Scott Reed, the group's strategist, who``)."""
    text = st.text
    a, b, shape = subj
    if shape == "role" and text[lo:a].rstrip().endswith(","):
        prev = _antecedent(text, lo, text.rindex(",", lo, a))
        if prev is not None and prev[2] == "name":
            a, b, shape = prev
    sp = _speaker(st, a, b, shape)
    w = _WORD_RE.match(text, rel.start())
    sp.start, sp.end = rel.start(), w.end() if w else rel.start() + 3
    return sp


# "had been predicting": a progressive inside a clause, not a participle that continues it
_PROGRESSIVE_BEFORE_RE = re.compile(r"\b(?:be|been|being|is|are|was|were|am)\s+(?:\w+ly\s+|not\s+)?$")
_GERUND_OWNER_RE = re.compile(r"(?:\b(?:his|her)|['’]s|s['’])\s+$")
_HEARER_BEFORE = frozenset("speak talk say write caution email letter paper speech message".split())
_PREP_GROUP_BEFORE_RE = re.compile(r"(?:\b(?:from|among)|(?<!\w)(?P<prev>[a-z]+)\s+(?:to|for))\s+((?:(?:many|some|other|fellow|several)\s+)?"
                                   r"(?:[A-Z][\w'’-]*\s+)?(?:[A-Z][\w'’-]*s|[a-z]+s))\s+$")
# a thing that bears words, right before a participle cue ("a cover saying", "signs reading")
_DISPLAY_BEFORE_RE = re.compile(
    r"\b((?:a|an|the|his|her|its|their)\s+(?:[\w'’-]+\s+){0,2}?(?:cover|signs?|banners?|placards?|posters?|"
    r"billboards?|t-shirts?|shirts?|stickers?|headlines?))\s+$", re.IGNORECASE)
_DISPLAY_LAST = frozenset("rsnedt")  # (the last letters of those nouns: a cheap test before the search)
_WITH_BEFORE_RE = re.compile(_whole_words("with") + r"\s+(?=(?:[\w.'’-]+\s+){1,9}$)")
_WITH_ING_RE = re.compile(r"\bwith\s+((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*)\s+[a-z]+ing\b")


# a document and its author right before a participle cue: "a letter from House Speaker Nancy Pelosi"
_DOC_FROM_NAME_RE = re.compile(
    r"\b(?:letter|statement|tweet|column|post|message|memo|video|ad|release|op-ed|interview|speech|remarks|"
    r"note|email|e-mail)s?\s+(?:from|by)\s+((?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]*),?\s*$")


def _with_participle_subject(text: str, lo: int, hi: int) -> tuple[int, int, str] | None:
    """'..., with Donald Trump tweeting that ... and asking, "..."': the name before the last
    "with NAME VERBing" in ``text[lo:hi]``, the subject of a participle coordinated with it."""
    wi = None
    for wi in _WITH_ING_RE.finditer(text, lo, hi):
        pass
    if wi is None or _np_shape(wi.group(1).split()) != "name":
        return None
    return wi.start(1), wi.end(1), "name"
_PARTICIPLE_AFTER_RE = re.compile(r",[\"”’']?\s+(?:[a-z]+ly\s+)?[a-z]+ing\b")
_NAME_TOKEN_RE = re.compile(r"\b(?:(Mr|Mrs|Ms|Miss)\.?\s+)?([A-Z][a-z]+)")
_SAME_SUBJECT_RE = re.compile(r"[,;]\s+(?:but|yet|though|although|while)\s+(he|she)\s+"
                              r"(?:has|had|is|was|also|still|now|then|later|[a-z]+ed)\b")
# A sentence-initial participle ("Noting that ...", "But conceding that ...") and where its clause
# ends without a comma: a quote's closing mark, then the main clause's pronoun subject
_FRONT_LEAD_RE = re.compile(r"[\s\"“'‘(]*(?:(?:And|But|Still|Yet)\s+)?")
# a fronted time or preposition before a participle: "(CNN) Just days after", "A day after",
# "Before", "While", "Despite"
_FRONT_PREP_LEAD_RE = re.compile(
    r"[\s\"“'‘]*(?:\([A-Za-z. ]{1,20}\)\s*(?:[—–-]+\s*)?)?(?:(?:And|But|Yet|Still)\s+)?"
    r"(?:(?:[Jj]ust|[Oo]nly|[Ee]ven|[Ss]hortly|[Ll]ess\s+than|[Mm]ore\s+than)\s+)?"
    r"(?:(?:[Aa]|[Aa]n|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|[Aa]\s+few|[Ff]ew|\d+)\s+)?"
    r"(?:(?:[Dd]ays?|[Hh]ours?|[Ww]eeks?|[Mm]onths?|[Yy]ears?|[Mm]inutes?|[Mm]oments?)\s+)?"
    r"(?:[Aa]fter|[Bb]efore|[Ww]hile|[Dd]espite|[Ss]ince|[Uu]pon)\s+(?:[a-z]+ly\s+)?")
_FRONT_END_RE = re.compile(r"(?<=[”\"])\s+(?=(?:he|she|they|we|I)\s)")
_SUBORD_LEAD_RE = re.compile(
    r"[\s\"“'‘(]*(?:When|After|Before|As|Since|While|Once|Until|If|Although|Though|Because)"
    r"(?:,[^,;:.!?\"“”]{1,60},)?\s+$")  # ("When, during their debate, Le Pen said ...")
# The comma that ends a fronted subordinate clause: a subject and a verb or a quote follow,
# perhaps after a short fronted phrase ("..., in a separate interview he broke with Trump", audit 22)
# (also "there is", and a plural subject with its base verb: "..., Republicans reject ...",
# "..., critics remain unconvinced")
_SUBORD_END_RE = re.compile(r",\s+(?=(?:(?:in|at|on|during|after|before|with|for|by)\s+(?:[\w'’-]+\s+){1,4}?)?"
                            r"(?:he|she|they|we|I|it|there|the\s+\w+|(?!(?:this|his|its|has|was|is|as|us|thus)\b)[a-z]{3,}s|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)\s+"
                            r"(?:[a-z]+(?:ed|s)|said|told|shot|wrote|says|has|had|was|is|are|were|will|would|did|could|can|"
                            r"remain|reject|say|argue|believe|see|want|continue|disagree|insist|worry|fear|think|"
                            r"(?:did|does|do|was|is|were|are|could|would|wo|ca)n['’]t|" + "|".join(sorted(_IRREGULAR_VERBS)) + r")\b)")
# Where the object of a stance or action cue ends: punctuation, a subordinate or relative
# clause, a coordinated predicate ("endorsed Trump and criticized ..."), a time or occasion.
_NP_END_RE = re.compile(
    r"[,;:!?()\[\]—–\"“”]|" + _FULL_STOP + r"|\s-+\s"
    r"|\s+(?:and|but|or|yet)\s+(?=(?:\w+ly\s+)?(?:also|then|now|later|said|says)\b|[a-z]+ed\b)"
    r"|\s+(?:has|have|had|is|are|was|were|will|would|can|could|should|may|might|must|did|does|do|"
    r"because|after|before|since|while|when|whereas|although|though|until|unless|if|as|who|that|"
    r"which|whom|whose|where|despite|amid|during|via|through|at|by|saying|calling|arguing|adding)\b"
    r"|\s+(?:on|last|this|next|earlier|late|early|in)\s+(?:(?:the\s+)?(?:" + _DAYS + r"|summer|fall|"
    r"winter|spring)|January|"
    r"February|March|April|May|June|July|August|September|October|November|December|\d{4})\b"
    r"|\s+(?:in|on)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:statement|interview|"
    r"speech|debate|primary|race|election|caucus(?:es)?|campaign|post|tweet|letter|op-ed|rally)\b")
# a gerund object: "supports raising the minimum wage", "talked about building a wall" (not
# "anything", "funding", "spending": nouns)
_GERUND_OBJECT_RE = re.compile(r"(?!(?:any|every|no|some)thing\b|(?:fund|spend|hous|train|poll|vot|build|meet|hear|brief|morn|even)ing\b)[a-z]{3,}ing\s+[a-z]")
# where it ends: a noun phrase's ends, less the prepositions, "that" and the plural verbs of its
# own clause ("worried about making sure their grandchildren are all right"); "is" and "has" are
# still the gerund's own verb ("catcalling legislation is no longer obvious")
_GERUND_END_RE = re.compile(
    r"[,;:!?()\[\]—–\"“”]|" + _FULL_STOP + r"|\s-+\s"
    r"|\s+(?:and|but|or|yet)\s+(?=(?:\w+ly\s+)?(?:also|then|now|later|said|says|has|have|had|is|are|was|were|"
    r"will|would)\b|[a-z]+ed\b)|\s+(?:is|was|has|had|than|because|although|though|whereas|while|as|saying|calling|arguing|adding)\b")
_NP_ADV_RE = re.compile(r"(?:\s+(?:[a-z]+ly|also|again|now|once|still|even|too|both|either|openly))+\b")
_BY_AFTER_RE = re.compile(r"\s+by\b")
_NOUN_BEFORE_RE = re.compile(_any_case_words(
    "the a an his her their its our my your this that of strong broad public popular "
    "growing more less much any no") + r"\s+$")


def _np_reported(st: _State, m: re.Match, entry: _Cue, lo: int, hi: int, para) -> _Reported | None:
    """``Christie endorsed Trump``, ``Cruz, who has thanked his donors``: the content is the
    object noun phrase of a stance or action cue; the speaker is the subject, if any."""
    text = st.text
    form = m.group(0)
    pos = m.end()
    if _BY_AFTER_RE.match(text, pos, hi):
        return None  # "opposed by House Republicans": the object is before the cue
    if not form.endswith("ing") and _PASSIVE_ADV_BEFORE_RE.search(text, max(lo, m.start() - 30), m.start()):
        return None  # "was endorsed", "was also lambasted": passive
    if _NOUN_BEFORE_RE.search(text, max(lo, m.start() - 12), m.start()):
        return None  # "the support Johnson has": a noun, not the verb
    adv = _NP_ADV_RE.match(text, pos, hi)
    if adv:
        pos = adv.end()
    while pos < hi and text[pos].isspace():
        pos += 1
    gerund = _GERUND_OBJECT_RE.match(text, pos, hi)
    # ('Cruz supports squeezing out undocumented immigrants by tightening enforcement, ...': a
    # gerund's clause runs over the prepositions and commas that end a noun phrase)
    e = (_GERUND_END_RE if gerund else _NP_END_RE).search(text, pos, hi)
    end = e.start() if e else hi
    if e is not None and e.group(0) in "“\"":
        # 'thanked voters for “an incredible night.”': a quoted phrase is part of the object
        close = text.find("”" if e.group(0) == "“" else '"', e.end(), min(hi, e.end() + 120))
        if close > e.end() and text[close - 1] in ",;":
            end = close + 1  # ('the “invisible primary,” a phrase ...': the comma ends it)
        elif close > e.end():
            e = _NP_END_RE.search(text, close + 1, hi)
            end = e.start() if e else hi
    cend = _clean_end(text, pos, end)
    if cend <= pos or not _WORD_RE.match(text, pos, cend):
        return None
    subj = _subject_before(text, lo, m.start())
    rel = None
    if subj is None and (tc := _title_comma(text, lo, m.start())) is not None:
        subj = _subject_skip_apposition(text, lo, tc[1])  # 'Washington, star of “Scandal,” thanked'
    if subj is None and (c := text.rfind(",", lo, m.start())) > lo and not text[c + 1:m.start()].strip():
        # 'Trump received a raucous reception ..., thanking': the main clause's subject (audit
        # 20); 'Kamala Harris, who is black, lambasted': the phrase before the apposition
        # (not after a parenthetical: 'trying to ingratiate himself ... by, for instance, mentioning')
        subj = (None if _PAREN_ADVERBIAL_BEFORE_RE.search(text, max(lo, c - 20), c) else _participle_subject(text, lo, c)) \
            if form.endswith("ing") else _subject_skip_apposition(text, lo, c)
    if subj is None:
        rel = _RELATIVE_BEFORE_RE.search(text, max(lo, m.start() - 60), m.start())
        subj = _antecedent(text, lo, rel.start()) if rel else None
    if subj is None:
        sp = None
    else:
        sp = _relative_speaker(st, lo, rel, subj) if rel else _speaker(st, *subj)
    return _Reported(m, entry, pos, cend, sp, para)


_PAREN_ADVERBIAL_BEFORE_RE = re.compile(r"\b(?:for\s+(?:instance|example)|in\s+fact|of\s+course|however|say)\s*$")
# An unnamed source right before the cue: "people familiar with the matter", "a source close
# to the talks", "two officials briefed on the plan", "a person with knowledge of the deal"
_SOURCE_HINT_RE = re.compile(r"familiar|close|briefed|knowledge|involved|privy|in the room|at the meeting")
_SOURCE_NP_RE = re.compile(
    r"(?:^|[,;—–]\s*|\b(?:and|but)\s+)((?:(?:a|an|the|two|three|four|five|several|some|one|other|more|senior|"
    r"former|top|current|U\.S\.|[A-Z][\w.'’-]*|[a-z]+ly|administration|campaign|government|party|"
    r"congressional|military|intelligence|White\s+House)\s+){0,4}?"
    r"(people|persons?|sources?|officials?|aides?|advisers?|advisors?|diplomats?|executives?|lawmakers?|"
    r"members?|insiders?|individuals?|staffers?|allies|friends?|associates?|Democrats?|Republicans?))"
    r"\s+(?:familiar\s+with|close\s+to|briefed\s+on|knowledgeable\s+about|with\s+(?:direct\s+)?knowledge\s+of|"
    r"involved\s+in|privy\s+to|in\s+the\s+room|at\s+the\s+meeting)\b[^,;:.!?\"“”]{0,60}?\s*$")

_RELATIVE_BEFORE_RE = re.compile(
    # ("Republicans, most of whom said"; "Bob Woodward, whose detailed account argues": his words)
    r"\b(?:who|which|(?:most|many|some|all|both|several|none|each|half)\s+of\s+whom|"
    r"whose\s+(?:[a-z-]+\s+)?(?:account|book|report|memoir|memo|statement|letter|column|article|study|"
    r"website|op-ed|tweet|post|lawsuit|complaint|petition|speech|testimony))"
    r"(?:\s+(?:has|have|had|also|once|then|later|would|will|did|does|do|not|"
    r"never|long|recently|previously|repeatedly|publicly|first|often|[a-z]{3,}ly)\b)*"
    # ("Johnson, who was overheard praising Macron": a perception passive before a participle)
    r"(?:\s+(?:was|were|is|are|been)\s+(?:overheard|heard|seen|caught|spotted|filmed|recorded|videotaped))?\s+$")
# "Bret Stephens, who, after trading insults with Mr. Hannity, said": a parenthetical after "who"
# (periods allowed: the search stays inside the sentence, and "Mr." is not its end)
_RELATIVE_PAREN_BEFORE_RE = re.compile(r"\b(?:who|which),\s+[^,;:!?\"“”]{3,120},\s*$")


_REL_END_RE = re.compile(r"[,;:()—–]|\s-+\s")
_COMMA_WORD_RE = re.compile(r", ?([\w][\w.'’&-]*)")  # a comma and the word after it


def _antecedent(text: str, lo: int, rel: int) -> tuple[int, int, str] | None:
    """The noun phrase right before a relative pronoun at ``rel`` (``Ted Cruz, who``,
    ``the senator who``): a run of capitalised words, or a determiner and up to three words."""
    co = _COORD_RELATIVE_RE.search(text, max(lo, rel - 120), rel)
    if co is not None:
        return _antecedent(text, lo, co.start(1))  # "officials who are unnamed and who conceded"
    po = _party_tag(text, lo, rel)
    if po is not None:
        return _antecedent(text, lo, po)  # "Sen. James Lankford (R) of Oklahoma, who says"
    ws = _words(text, _window_start(text, lo, rel, 120), rel)
    if not ws or text[ws[-1].end():rel].strip(" ,\u00a0-—–("):
        return None  # ('Ted Cruz, who', 'Donald Trump - who', 'Trump (who')
    k = len(ws) - 1
    if ws[k].group(0)[:1].isupper():
        while k > 0 and len(ws) - k < 6 and not text[ws[k - 1].end():ws[k].start()].strip() and (
                ws[k - 1].group(0)[:1].isupper() or k > 1 and ws[k - 1].group(0).lower() in _NP_INNER
                and ws[k - 2].group(0)[:1].isupper()):
            k -= 1
        if k < len(ws) - 1 and ws[k].group(0) in ("But", "And", "So", "Yet", "Or"):
            k += 1  # ("But Democrats, who ...": the sentence's conjunction)
        if k > 0 and ws[k - 1].group(0).lower() in ("the",) and \
                not text[ws[k - 1].end():ws[k].start()].strip():
            k -= 1
    else:
        # "business leaders who": back to a determiner, a function word or a break (4 words)
        dets = _DETS | _POSSESSIVE_DETS
        while k > 0 and len(ws) - k < 4 and ws[k].group(0).lower() not in dets and \
                ws[k - 1].group(0).lower() not in _STOP and not _verb_before_head(ws, k - 1) and \
                not text[ws[k - 1].end():ws[k].start()].strip(" \u00a0"):
            k -= 1  # (not over a verb: "The report cited officials who", "Mr. Obama dismissed skeptics who")
        if ws[k].group(0).lower() in _STOP:
            return None
    if k >= 2 and ws[k - 1].group(0) in ("of", "from", "for", "in", "at") and ws[k].group(0)[:1].isupper() and \
            (ws[k - 2].group(0) in _roles().get("roles", ()) or ws[k - 2].group(0).lower() in _PERSON_NOUNS) and \
            ws[k - 2].group(0) not in _DOCUMENT_NOUNS and ws[k].group(0) not in _first_names() and \
            not text[ws[k - 2].end():ws[k].start()].strip(" \u00a0ofrmitan"):
        # "the senator from Vermont who", "the mayor of Chicago, who": the person, not the
        # place or body that ends the phrase (but "the wife of Bill Clinton, who" may be his)
        head = _antecedent(text, lo, ws[k - 2].end())
        if head is not None:
            return head
    if k >= 2 and k == len(ws) - 1 and ws[k - 1].group(0) in ("in", "from", "at") and \
            ws[k - 2].group(0) in ("born", "raised", "based", "living", "up", "headquartered") and text.startswith("who", rel):
        return None  # ("a 50-year-old born and raised in Baltimore who dismissed": not Baltimore)
    if k >= 2 and ws[k - 1].group(0) in ("in", "to", "with", "on") and ws[k - 2].group(0) in _POST_MODIFIERS:
        # "a source close to the talks, who": the head before the post-modifier
        head = _antecedent(text, lo, ws[k - 2].start())
        if head is not None:
            return head
    a, b = ws[k].start(), ws[-1].end()
    return a, b, _np_shape([w.group(0) for w in ws[k:]]) or "role"


# nouns for people that are no speaker roles ("a retired plumber from Dade City who said")
_PERSON_NOUNS = frozenset(
    "man men woman women person people plumber worker workers mother father mom dad grandmother grandfather "
    "owner owners farmer farmers nurse nurses doctor teacher student native natives retiree retirees "
    "immigrant immigrants refugee refugees citizen veteran businessman businesswoman pastor priest "
    "activist mayor sheriff republican democrat conservative liberal moderate independent".split())
# role nouns that name no person ("a lawsuit from English, who claims": English speaks)
# documents whose author is named after "from": "a letter from Nancy Pelosi", "a statement from the family"
_AUTHORED_NOUNS = frozenset("statement letter memo email e-mail message note tweet post release".split())
_AUTHOR_AFTER_RE = re.compile(
    r"\s+from\s+((?!(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}"
    r"(?:[A-Z](?:\.[A-Z])+\.|[A-Z][\w-]*\w)(?!['’\w])(?!\s+[A-Z])"
    r"(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bGen)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\bLt)|"
    r"(?:the|his|her|their)\s+(?:family|families|campaign|company))(?=[\s,;:]|\.\s|\.$)")
# (a name cut before a possessive or another capitalised word is no author: "from Sen. Orin Hatch's account")
_DOCUMENT_NOUNS = frozenset(
    "statement report study poll polls survey surveys memo letter document documents article website "
    "newspaper paper magazine network outlet blog ad ads video release filing lawsuit complaint data "
    "figures numbers results estimates".split())
_THING_NOUNS = _NON_PERSON_HEADS | _DOCUMENT_NOUNS | frozenset("transcript transcripts dashboard".split())
# role nouns that are no person: what "the X counseled" cannot be said of
_NON_PERSON_ROLES = _DOCUMENT_NOUNS | frozenset(
    "campaign committee group organization agency ministry department government administration office "
    "commission court team staff groups organizations family".split())


def _verb_before_head(ws: list[re.Match], i: int) -> bool:
    """Is word ``i`` a verb rather than a modifier of the head after it: a lexicon cue
    ("cited"), or a past form after a name or pronoun ("Obama dismissed"; not "a Russia-linked",
    "retired")?"""
    w = ws[i].group(0)
    return w in speech_verbs() or w.endswith("ed") and len(w) > 4 and "-" not in w and i > 0 and (
        ws[i - 1].group(0)[:1].isupper() or ws[i - 1].group(0).lower() in _PRONOUNS)


# a relative clause coordinated with the one at hand: "who are unnamed and (who)"
_COORD_RELATIVE_RE = re.compile(r"\s(who|which)\s[^,;:.!?\"“”]{1,80}?,?\s(?:and|but)\s+$")


# "Asked ...", "When asked ...", "And when asked ...": a question put to the subject of the
# main clause that follows
_ASKED_LEAD_RE = re.compile(r"[\s\"“'‘(]*(?:(?:and|but)\s+)?(?:(?:when|after\s+being|if|once)\s+)?",
                            re.IGNORECASE)
_ASKED_BY_RE = re.compile(r"\s+by\s+((?:[\w.'’&-]+\s+){0,5}?[\w.'’&-]+)(?=\s+(?:about|whether|if|what|"
                          r"why|who|how|which|when|where|on|in|at|during|for)\b|\s*,)", re.IGNORECASE)
_ASKED_WH_RE = re.compile(r"\b(?:about|whether|if|what|why|who|whom|how|which|when|where|to)\b")
_ASKED_END_RE = re.compile(r"[,;:—–]|\s-+\s|(?<![A-Z])(?<!\b[A-Z][a-z])\.(?=\s|$)")


def _asked(st: _State, m: re.Match, entry: _Cue, hi: int, para) -> _Reported | None:
    """``Asked (by X) whether he would ..., Rubio said ...``: the question is the content; the
    asker, when named, is the speaker."""
    text = st.text
    pos = m.end()
    sp = None
    by = _ASKED_BY_RE.match(text, pos, hi)
    if by:
        a, b = _trim_np(text, by.start(1), by.end(1))
        if a < b:
            sp = _speaker(st, a, b, _np_shape(_WORD_RE.findall(text, a, b)) or "role")
        pos = by.end()
    wh = _ASKED_WH_RE.search(text, pos, min(hi, pos + 60))
    if wh is None or _ASKED_END_RE.search(text, pos, wh.start()):
        return None
    e = _ASKED_END_RE.search(text, wh.start(), hi)
    cend = _clean_end(text, wh.start(), e.start() if e else hi)
    if len(text[wh.start():cend].split()) < 2:
        return None
    return _Reported(m, entry, wh.start(), cend, sp, para)


def _capital_cue_ok(text: str, lo: int, hi: int, m: re.Match, entry: _Cue) -> bool:
    """A capitalised cue is a cue at the start of a sentence or in a title-case headline; elsewhere
    it is part of a name ("Planned Parenthood", "Hope Hicks"). A stance cue opening a sentence is
    a participle or a noun ("Addressing the crowd", "Supporters of X see"), not a report."""
    start = not text[lo:m.start()].strip(" \t\"'“‘(")
    if start:
        return entry.frame != "np"
    words = [w for w in _PLAIN_WORD_RE.findall(text, lo, hi) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


# Speech verbs whose plain object is mostly not speech ("declared the winner", "maintained a lead",
# "conceded the race", "answered the door"): their content needs "that" or must open like a
# clause (a pronoun subject, a question word).
_OBJECT_PRONE = frozenset(
    "maintain declare concede answer signal boast add write repeat feel assume guess vow promise "
    "demand threaten hint reply observe testify chant proclaim read crack remember".split())
_CLAUSE_START_RE = re.compile(
    r"\s*(?:he|she|they|it|we|i|you|there|this|these|those|if|whether|what|how|why|who|where|when)\b",
    re.IGNORECASE)
_WH_RE = re.compile(r"\s*(?:if|whether|what|how|why|who|where|when(?!\s+(?:asked|pressed)\b))\b")


_LOOSE_BAD_PREV = frozenset(
    "to the a an of be been being was were is are it's there this that these those "
    "very so too not".split())
_LOOSE_LEAD_RE = re.compile(
    r"(?:(?:and|but|which|who|whom|that|as|while|when|because|where|if|although|though|so|"
    r"(?:ever\s+)?since|after|before|whereas|yet|or|(?:at|in|on|during|upon)\s+which(?:\s+(?:point|time|moment))?)\s+)+",
    re.IGNORECASE)


_LOOSE_BASE_LEMMAS = frozenset(
    "say tell think believe argue insist suggest know feel expect predict contend acknowledge "
    "admit agree explain warn write add allege assert concede".split())
# ("A 2009 study ... concludes that", but "One can only conclude that": only the -s form)
_LOOSE_S_LEMMAS = frozenset(["conclude"])
# "a mall called Bulgari Tower", "the mandate described in the bill": participles after a noun
_NO_LOOSE_LEMMAS = frozenset("call describe label dub brand name".split())
_SAY_WORDS = frozenset("said says say told tells tell according argued".split())
_IRREGULAR_PAST = frozenset("said told wrote thought knew felt".split())


def _loose_cue_ok(form: str, entry: _Cue) -> bool:
    """May this cue take a tentative subject? Past forms yes; present forms only of verbs that
    are rarely nouns (``say``, ``think``, not ``claim``, ``report``); ``-ing`` forms no."""
    if entry.lemma in _NO_LOOSE_LEMMAS:
        return False
    if form.endswith("ed") or form in _IRREGULAR_PAST:
        return True
    if form.endswith("ing"):
        return True
    return entry.lemma in _LOOSE_BASE_LEMMAS or entry.lemma in _LOOSE_S_LEMMAS and form.endswith("s")


_LOOSE_VERBS = frozenset("is was are were has have had will would can could may might must should did does do "
                         "can't won't".split()) | _IRREGULAR_VERBS


def _loose_verb(w: str) -> bool:
    """Is the lower-case word ``w`` surely a verb (an auxiliary, a past tense), so that a
    subject ends before it?"""
    return w.islower() and (w in _LOOSE_VERBS or len(w) > 4 and w.endswith(("ed", "n't", "n’t")))


def _loose_subject(text: str, lo: int, cue_start: int) -> tuple[int, int, str] | None:
    """A tentative subject when the shape checker refuses one: the first words of the clause
    before the cue, up to a comma, or None when the cue has no subject (``to say``, ``was
    said``, a cue at the start of the clause). When the chunk holds a verb, the noun phrase
    :func:`_loose_head` picks; otherwise at most 12 words, ending on a content word."""
    win = _window_start(text, lo, cue_start, 250)
    # (only the last word kept before the cue serves: a window of 30 characters holds it when
    # it keeps two words, since tokens after a window's first are the same in any window)
    for a0 in (_window_start(text, win, cue_start, 30), win):
        ws = _words(text, a0, cue_start)
        end_i = len(ws)
        while end_i and _is_aux(ws[end_i - 1].group(0)) and ws[end_i - 1].group(0).lower() not in (
                "is", "was", "are", "were", "been", "being"):
            end_i -= 1
        if end_i >= 2 or a0 == win:
            break
    if end_i == 0:
        return None
    if ws[end_i - 1].group(0).lower() in _LOOSE_BAD_PREV:
        return None
    b = ws[end_i - 1].end()
    if re.search(r"[.!?]\s*$|[\"“”«»]", text[b:cue_start]):
        return None  # a sentence end, or a quote right before the cue ('"...," said X')
    seg = win
    for mb in re.finditer(r"[;:()\[\]—–\"“”«»]|\s-+\s", text[win:b]):
        seg = win + mb.end()
    a, b2 = _trim_np(text, seg, b)
    ml = _LOOSE_LEAD_RE.match(text, a, b2)
    if ml:
        a = ml.end()
    if a >= b2:
        return None
    c = _clause_comma(text, a, b2)
    fw = _WORD_RE.match(text, a, b2)
    skipped = False
    if ml and c > a and (text[ml.start():ml.end()].split()[0].lower() in _FRONTED_SUBORDINATORS or
                         text[ml.start():ml.end()].split()[0].lower() == "as" and _finite_clause(text, a, c)
                         and _subject_opening(text, c + 1, b2)):
        # "While Clinton has condemned the proposal, the groups who wrote to her say ...",
        # "As voters went to the polls, the Sanders campaign ... accused": the subject follows
        # the fronted subordinate clause
        a, c = _after_comma(text, c, b2)
        if c > a and text[a:a + 4] == "and " and _subject_opening(text, c + 1, b2):
            a, c = _after_comma(text, c, b2)  # ("When X tried ..., and almost killed Y, Joy Reid ...")
        skipped = True
        fw = _WORD_RE.match(text, a, b2)
        if fw is None or fw.group(0).lower() in ("that", "this", "it", "there"):
            return None  # ("..., that hasn't stopped pundits from speculating")
    if fw is not None and c > a and (fw.group(0).lower() in _STOP or fw.group(0).lower() in _COMMA_ADVERBS or
                                     fw.group(0).lower() in _DAY_WORDS or _adverb_phrase(text, a, c)):
        # "In a statement, the group's lawyers said", "Earlier Friday, Trump cited ...": the
        # subject follows the opener (c tested first: with no comma, c is -1 and text[a:c]
        # would be the rest of the article)
        a, c = _after_comma(text, c, b2)
    if c > a:
        b2 = c
    chunk = _words(text, a, b2)
    if len(chunk) == 1 and chunk[0].group(0) in ("and", "but") and chunk[0].end() == b:
        # '..., "in the interest of transparency", and contended ...': the verb shares the
        # sentence's subject
        return _main_subject(text, lo, chunk[0].start())
    if not chunk or chunk[0].group(0).lower() in _STOP and not _QUANTITY_RE.match(text, a, b2) or any(
            w[0].lower() in _SAY_WORDS for w in chunk[:8]):
        return None
    words = [w[0] for w in chunk]
    # (a last word in -ed is a participle after the head: "those surveyed say")
    k = next((i for i, w in enumerate(words[:12]) if i and (w in ("who", "which", "whose", "where") or _loose_verb(w) and (
        i + 1 < len(words) or w in _LOOSE_VERBS))), None)
    if k is None:
        # up to 12 words ('The deputy head of the Chinese delegation to the regional forum'),
        # ending on a content word, not mid-phrase
        j = min(len(words), 12)
        while j > 1 and (words[j - 1] in _STOP or words[j - 1] in _DETS or words[j - 1] in _NP_INNER):
            j -= 1  # (lower case only: "the director-general of the WHO")
        if j > 1 and words[j - 1].endswith("ed") and _released_participle(text, a, chunk[j - 1].end()) is not None:
            j -= 1  # ("A CNN poll released earlier Friday showed": the poll, audit 23)
        return a, chunk[j - 1].end(), _np_shape(words[:j]) or "role"
    i, j = _loose_head(words, k, ml is not None and not skipped and bool(_SUBORDINATOR_RE.search(text, ml.start(), ml.end())))
    # (a time phrase may end the shorter chunk: "Barack Obama on Friday warned")
    start, end = _trim_np(text, a if i == 0 else chunk[i].start(), chunk[j - 1].end())
    head = _words(text, start, end)
    if not head:
        start, end, head = chunk[i].start(), chunk[j - 1].end(), chunk[i:j]
    if len(head) == 1 and head[0].group(0).lower() in _NOT_A_SPEAKER:
        return None  # ('This is what she said:', 'This is a video of Trump saying': no speaker)
    return start, end, _np_shape([w.group(0) for w in head]) or "role"


_NOT_A_SPEAKER = frozenset(["this", "that", "these", "it", "there"])


def _after_comma(text: str, c: int, b: int) -> tuple[int, int]:
    """The start of the words after the comma at ``c`` and the next clause comma before ``b``."""
    a = c + 1
    while a < b and text[a].isspace():
        a += 1
    return a, _clause_comma(text, a, b)


def _clause_comma(text: str, a: int, b: int) -> int:
    """The first comma in ``text[a:b]`` that is not a thousands separator ("91,000"), or -1."""
    m = _CLAUSE_COMMA_RE.search(text, a, b)
    return m.start() if m else -1


def _loose_head(words: list[str], k: int, after_subordinate: bool) -> tuple[int, int]:
    """Which of the words of a tentative subject name the speaker, given the clause's first verb
    (or relative pronoun) ``words[k]``: ``(i, j)`` for ``words[i:j]``.

    The noun phrase before the verb ("a White House official who spoke anonymously", "The
    Vermont senator has struggled to win the south, instead claiming"); but the agent of a
    passive ("Sanders was asked by host Bill Maher"), the main clause's subject after a
    subordinate clause ("When he returned he began by saying") and the subject of a subordinate
    clause that ends the chunk ("The issue had come up Friday after Mr. Trump, asked ..., had
    said") come first.
    """
    at_end = False
    if words[k] in _BE_FORMS and k + 2 < len(words) and words[k + 2] == "by" and _loose_verb(words[k + 1]):
        lo = k + 3
    elif after_subordinate:
        lo = k + 1
    else:
        lo = next((i + 1 for i in range(len(words) - 1, k, -1) if words[i] in _SUBORDINATORS), 0)
        at_end = True
    if lo:
        hi = next((i for i in range(lo, len(words)) if _loose_verb(words[i])), len(words))
        shape = _np_shape(words[lo:hi]) if lo < hi else None
        if shape is not None and not (at_end and (hi < len(words) or shape == "role")):
            return lo, hi
    while k > 1 and _is_aux(words[k - 1]):
        k -= 1  # "Trump’s surrogates forcefully tried"
    return 0, k


_SUBORDINATORS = frozenset("as while when because if although though since after before whereas".split())
def _subject_opening(text: str, a: int, b: int) -> bool:
    """Can ``text[a:b]`` open with a subject: a capitalised word, a determiner or a pronoun
    (not "steeped in their grief", "including as a legal adviser")?"""
    w = _WORD_RE.search(text, a, b)
    return w is not None and (w.group(0)[:1].isupper() or w.group(0) in _DETS or w.group(0) in _PRONOUNS)


def _finite_clause(text: str, a: int, b: int) -> bool:
    """Does ``text[a:b]`` hold a subject and a past-tense verb after it ("voters went to the
    polls", "the talks ended"), a clause rather than a role ("governor of Texas")?"""
    ws = _words(text, a, b)
    return any(k and w.group(0).islower() and (w.group(0) in _IRREGULAR_VERBS or w.group(0).endswith("ed"))
               for k, w in enumerate(ws[:6]))


_FRONTED_SUBORDINATORS = frozenset("while when whenever although though because since after before if unless once until "
                                   "ever".split())  # ("Ever since the deal was announced, leaders ... have denounced")
_SUBORDINATOR_RE = re.compile(r"\b(?:" + "|".join(_SUBORDINATORS) + r")\b", re.IGNORECASE)


# "About 4 in 10", "More than half", "Nearly two-thirds of voters": poll subjects
_QUANTITY_RE = re.compile(
    r"(?:about|nearly|almost|roughly|more|less|fewer|over|under|only|just|around)\s+(?:than\s+)?"
    r"(?:\d|a\s+(?:third|quarter|half|majority|fifth)|half|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|a\s+dozen)", re.IGNORECASE)
_NAMED_BEFORE_RE = re.compile(r"(?:^|(?<=[\s,(]))(?:a|an|A|An)\s+(?:(?!(?:who|that|which|has|have|had|also)\b)"
                              r"[\w'’-]+\s+){1,4}$")
_NAME_AFTER_RE = re.compile(r"\s+[A-Z“\"]")
_CALLED_X_A_RE = re.compile(r"\s+(?:[A-Z][\w'’.-]*\s+){1,4}(?:a|an|the)\b")  # "called Trump a liar"
_CALL_PARTICLE_RE = re.compile(
    r"\s+(?:off|up|in|back|out|an?\s+(?:emergency|special|meeting|session|vote|election|halt))\b")
# Cues whose infinitive is what was promised, threatened or hoped ("vowed to fight"); not
# "agreed to", an action (the seeds: "the coalition ... agreed to put more pressure on Putin")
_COMMISSIVE_LEMMAS = frozenset(["vow", "pledge", "promise", "threaten", "swear", "hope", "expect"])
def _commissive(entry: _Cue, form: str) -> bool:
    """Does cue ``form`` take "to VERB" as what was said? ("expected to" is left out: "a
    process expected to last" is a passive.)"""
    return entry.lemma in _COMMISSIVE_LEMMAS and form != "expected"


# ("vowed to them that ...", "promised to reporters on Monday": a hearer, not an infinitive)
_TO_VERB_RE = re.compile(r"\s*to\s+[\"“‘']?(?!(?:a|an|the|his|her|their|its|this|that|these|those|my|our|your|some|"
                         r"any|all|more|him|them|us|me|you|it)\b)(?![a-z]*[^su]s\b)[a-z]")
_AS_IF_RE = re.compile(r"\s*,?\s*as\s+(?:if|though)\b")
_AS_BEFORE_CUE_RE = re.compile(r"\b[Aa]s\s+$")
_TANK_AFTER_RE = re.compile(r"[\s-]+tanks?\b")
_MATCH_AFTER_RE = re.compile(r"\s+(?:match(?:es)?|cards?)\b")
_DASH_AFTER_RE = re.compile(r"\s*(?:[—–]|--)")  # (match at the cue, search after)
_MOTION_AFTER_RE = re.compile(r"\s+(?:into|through|across|onto|past|off|away|open|apart)\b")  # (not "blasted out an email")
_COUNTERFACTUAL_BEFORE_RE = re.compile(r"\b(?:could|would|should|might)(?:n['’]t)?(?:['’]ve|\s+have)\s+(?:[a-z]+ly\s+)?$")
_PASSIVE_ADV_BEFORE_RE = re.compile(_whole_words("is are was were be been being") +
                                    r"\s+(?:(?:also|not|never|later|then|often|sometimes|[a-z]+ly)\s+)?$")
_PASSIVE_BEFORE_RE = re.compile(_whole_words("is are was were be been being") + r"\s+$")
_TO_AFTER_RE = re.compile(r"\s+to\s+\w")
_RAISE_AFTER_RE = re.compile(r"\s+(?:to\s+\w|that\b|as\s+if\b|as\s+though\b|like\s+\w)")


# A subject-led clause after the last comma before a raising verb (not "..., which seemed").
_RAISE_REL_RE = re.compile(r"\b(?:who|which)\b")
_THAT_RE_WORD = re.compile(r"\bthat\s")
_LAST_WORD_RE = re.compile(r"[A-Za-z]+(?=\s*$)")
_RAISE_SUBORD_RE = re.compile(r"\b(?:because|since|although|though|whereas|unless|while|when|if)\s")
_RAISE_SUBJ_RE = re.compile(r"\s*(?!(?:which|who|that|and|but|or)\b)[\w'’“\"-]")


def _raising(st: _State, m: re.Match, entry: _Cue, lo: int, hi: int, spans, para) -> _Reported | None:
    """``Indiana appears to be a break from the norm`` / ``The White House is expected to sign``:
    the whole clause around the cue is the content (no speaker: the stance is the writer's or
    unnamed)."""
    text = st.text
    a = lo
    for mb in re.finditer(r"[;:—–\"“”]|\s-+\s", text[lo:m.start()]):
        a = lo + mb.end()
    c = text.rfind(",", a, m.start())
    if c >= 0 and _RAISE_SUBJ_RE.match(text, c + 1, m.start()):
        a = c + 1  # "Indeed, Christie appears ...", "After the debate, it seems ..."
    for r in _RAISE_REL_RE.finditer(text, a, m.start()):
        a = r.start()  # "... delegates who are expected to support ...": the relative clause
    for r in _THAT_RE_WORD.finditer(text, a, m.start()):
        w = _LAST_WORD_RE.search(text, a, r.start())
        if w is not None and w.group(0).lower() in speech_verbs():
            a = r.end()  # "He added that the driver's behavior appeared to be ...": the that-clause
    for r in _RAISE_SUBORD_RE.finditer(text, a, m.start()):
        # "X charged that ... because they appeared to ...": the subordinate clause, if the cue
        # is its verb (not "that seems", not a clause before a comma)
        if "," not in text[r.end():m.start()] and _WORD_RE.search(text, r.end(), m.start()):
            a = r.end()
    a, _ = _trim_np_content(text, a, m.start())
    cend = _clean_end(text, m.end(), hi)
    k = _PARTICIPLE_AFTER_RE.search(text, m.end(), cend)
    if k is not None and k.group(0).rsplit(None, 1)[-1] in speech_verbs():
        # "Attorneys for Clinton appeared to oppose the effort, saying ...": the participle
        # reports for the clause's subject, and the stance is no report of its own
        return None
    if len(text[m.end():cend].split()) < 1 or len(text[a:cend].split()) < 3:
        return None
    return _Reported(m, entry, a, cend, None, para)


def _fronted_only(text: str, a: int, b: int) -> bool:
    """Is ``text[a:b]``, before "X said", only a fronted phrase or subordinate clause of the
    sentence ("Hours after McCarthy's tweet", "In an interview with ABC News on Friday", "When
    he got caught"), not a clause of its own that X said?"""
    ws = text[a:b].split()
    if not ws or "," in text[a:b] or len(ws) > 12:
        return False
    first = ws[0].lower()
    if first in _FRONTED_SUBORDINATORS or first == "as":
        return True
    if not (first in _LEAD_PREP or first in _TIME_SPANS or _time_phrase(text, a, b) or
            ws[0][:1].isupper() and ws[0].endswith(("ing", "ed")) and first not in _ING_NOUNS):
        return False
    # (a phrase has no finite verb: "In 2015, he said ..." is no content, but "In Iowa the race is close" is)
    return not any(w in _FINITE_AUX or w in _IRREGULAR_VERBS or w.islower() and w.isalpha() and w.endswith("ed")
                   for w in ws[1:])


def _trim_np_content(text: str, a: int, b: int) -> tuple[int, int]:
    """Content before an inverted attribution, without a leading adverbial or quote marks."""
    while a < b and text[a].isspace():
        a += 1
    m = _LEADING_ADV_RE.match(text, a, b)
    if m and m.end() < b:
        a = m.end()
    b = _clean_end(text, a, b)
    return a, b


_SAY_NOUN_BEFORE_RE = re.compile(r"\b(?:final|larger|bigger|greater|real|equal|big|little|last)\s+$")
_COMPARATIVE_BEFORE_RE = re.compile(_whole_words("than as") + r"\s+(?:(?:many|some|most|few|had|have|has|was|were|is|"
                                    r"widely|long|previously|originally|initially|once)\s+){0,3}"
                                    r"(?:(?:people|analysts|observers|experts|economists|forecasters|"
                                    r"many|some|most|others|officials)\s+)?(?:had\s+|have\s+|has\s+)?$")
_EXPECT_LEMMAS = frozenset("expect anticipate predict forecast fear hope think believe estimate".split())
_CREDIT_AFTER_RE = re.compile(r"\s*by\s+[A-Z]")
_AGENT_END_RE = re.compile(r"\s+(?:for|of|as)\b|[,;:.!?]")


def _passive_agent(st: _State, m: re.Match, entry: _Cue, lo: int, hi: int, para) -> _Reported | None:
    """'X was accused by Y of Z' / 'X has been criticized by Y for Z': Y is the speaker and the
    rest of the clause the content; None when there is no such rest."""
    text = st.text
    subj = _subject_before(text, lo, m.start())
    if subj is not None and subj[2] == "name":
        # the passive's subject stays the antecedent of a later "he" ("Bill Clinton was
        # condemned by critics ... 'Nobody believes that ...,' he said")
        _remember(st, _speaker(st, *subj))
    a = _BY_AFTER_RE.match(text, m.end(), hi).end()
    e = _AGENT_END_RE.search(text, a, hi)
    if e is None or text[e.start()] in ",;:.!?" or \
            e.group(0).strip() == "of" and entry.lemma not in ("accuse", "suspect", "charge", "convict"):
        return None  # ("critics of all political stripes": 'of' ends the agent only after 'accused')
    agent = _trim_np(text, a, e.start())
    shape = _np_shape(_WORD_RE.findall(text, *agent))
    if shape is None:
        return None
    cstart = e.start() + 1
    cend = _clean_end(text, cstart, hi)
    if len(text[cstart:cend].split()) < 3:
        return None
    sp = _speaker(st, agent[0], agent[1], shape)
    sp.loose = True  # (not an antecedent for a later "he": the accused subject is likelier)
    return _Reported(m, entry, cstart, cend, sp, para)


def _as_by(st: _State, m: re.Match, entry: _Cue, hi: int, para) -> _Reported | None:
    """'As reported by The New York Times, CLAUSE', 'As pointed out by Bobby Ross Jr., chief
    correspondent of the Christian Chronicle, "..."': the agent speaks the main clause after
    the frame (and after a role apposition of the agent)."""
    text = st.text
    a = _BY_AFTER_RE.match(text, m.end(), hi).end()
    c = text.find(",", a, min(hi, a + 80))
    if c < 0:
        return None
    agent = _trim_np(text, a, c)
    shape = _np_shape(_WORD_RE.findall(text, *agent))
    if shape is None:
        return None
    cstart = c + 1
    c2 = text.find(",", cstart, min(hi, cstart + 100))
    if c2 > 0 and not _QUOTE_MARK_RE.search(text, cstart, c2) and \
            (ap := _words(text, cstart, c2)) and len(ap) <= 10 and ap[0].group(0).islower() and \
            any(w.group(0).lower() in _PERSON_ROLE_NOUNS or w.group(0).lower() in _roles().get("titles", ())
                for w in ap):
        cstart = c2 + 1  # (the agent's role apposition)
    while cstart < hi and text[cstart].isspace():
        cstart += 1
    cend = _clean_end(text, cstart, hi)
    if len(text[cstart:cend].split()) < 3:
        return None
    return _Reported(m, entry, cstart, cend, _speaker(st, agent[0], agent[1], shape), para)


def _as_by_after(st: _State, m: re.Match, entry: _Cue, lo: int, comma: int, hi: int, para) -> _Reported | None:
    """'CLAUSE, as first reported by Bloomberg.': the agent speaks the clause before the comma."""
    text = st.text
    a = _BY_AFTER_RE.match(text, m.end(), hi).end()
    e = _AGENT_END_RE.search(text, a, hi)
    if e is not None and e.group(0) == "," and len(text[e.end():_clean_end(text, e.end(), hi)].split()) > 2 and \
            not _RELATIVE_AFTER_RE.match(text, e.end(), hi):
        return None  # ('The reality on the ground, as reported by Vox, is that ...': a parenthetical)
    agent = _trim_np(text, a, e.start() if e is not None else _clean_end(text, a, hi))
    shape = _np_shape(_WORD_RE.findall(text, *agent)) if agent[0] < agent[1] else None
    cstart = lo
    while cstart < comma and text[cstart] in " \t\n\u00a0":
        cstart += 1
    if shape is None or len(text[cstart:comma].split()) < 4 or _find_cues(text, cstart, comma):
        return None  # (not 'X, according to a Downing Street source, as reported by The Guardian': one voice)
    return _Reported(m, entry, cstart, comma, _speaker(st, agent[0], agent[1], shape), para)


_RELATIVE_AFTER_RE = re.compile(r"\s*(?:which|who|whose)\b")
_AS_BY_ADVERBS = r"(?:(?:first|previously|originally|recently|also|widely|earlier|exclusively|correctly|rightly)\s+)?"
_AS_BY_TRAIL_RE = re.compile(rf",\s+as\s+{_AS_BY_ADVERBS}$")
# the frame before the cue: "As", "As first", "As previously" (at the sentence's start)
_AS_BY_BEFORE_RE = re.compile(rf"\s*[\"“]?As\s+{_AS_BY_ADVERBS}")
_MANNER_NP_RE = re.compile(
    r"(?:(?:any|a|the|his|her|their|its|our|your|my|some)\s+)?(?:[\w-]+\s+)?(?:timetable|schedule|plan|script|"
    r"rules?|protocol|procedures?|guidelines|tradition|custom|needs?|ability|merit|size|age|income|wealth|"
    r"seniority|priority|preferences?|whims?)\b")


def _according(st, s, m, entry, lo, hi, para):
    """``According to X, CLAUSE`` / ``CLAUSE, according to X(, ...)``: the clause is the content;
    the source noun phrase is not part of it."""
    text = st.text
    np_start = m.end()
    c = _ACC_NP_END_RE.search(text, np_start, hi)
    np_end = c.start() if c else _clean_end(text, np_start, hi)
    v = _ACC_VERB_RE.search(text, np_start, np_end)
    goes_on = v is not None and not _ACC_NP_RELATIVE_RE.search(text, np_start, v.start()) and \
        len(text[v.end():np_end].split()) >= 2
    if goes_on:
        # "The biggest handicap according to opinion polls is a lack of trust": the source
        # ends before the clause's verb, which goes on after it
        np_end = v.start()
    a, b = _trim_np(text, np_start, np_end)
    if text[b - 1:b] == ")" and (k := text.rfind("(", a, b)) > a:
        # "according to FiveThirtyEight's model (out of only 59 total seats in Scotland)": the
        # writer's aside is no part of the source (audit 23)
        a, b = _trim_np(text, a, k)
    if a >= b or len(text[a:b].split()) > 12:
        return None
    if (pp := _released_participle(text, a, b)) is not None:
        # "according to a CNN/ORC International Poll released last week": the time phrase is
        # trimmed; the participle that it modified goes too (audits 19, 22)
        b = pp
    if _MANNER_NP_RE.match(text, a, b) and text[lo:m.start()].rstrip()[-1:].isalpha():
        # "act according to any timetable", "go according to plan": a manner after a verb, no
        # source ("According to the plan, Israel would ...", ", according to state rules," are)
        return None
    ws = _WORD_RE.findall(text, a, b)
    shape = _np_shape(ws) or "role"
    before = text[lo:m.start()].rstrip()
    if not before.strip() or _ACC_LEAD_RE.search(before):
        # "According to X, CLAUSE" / "... after, according to him, CLAUSE"
        cstart = c.end() if c else hi
        c2 = text.find(",", cstart, hi) if c is not None and text[c.start()] == "," else -1
        if c2 > 0 and len(text[c2:hi].split()) >= 4 and (
                shape == "name" and len(text[cstart:c2].split()) <= 8 and
                _ACC_APPOSITION_RE.match(text, cstart, c2) and
                text[cstart:c2].split()[-1].lower() in _roles().get("roles", ()) or
                _ACC_LIST_END_RE.fullmatch(text, cstart, c2) or
                text[b - 1:b].isalpha() and text[a:b].split()[-1][:1].isupper() and
                _ACC_RELATIVE_APPOSITION_RE.match(text, cstart, c2)):
            # "According to Lorella Praeli, Clinton's Latino vote director, the campaign ...",
            # "According to interviews with his friends, aides and allies, he wants ...",
            # "According to documents from Diane Blair, a friend of hers who died in 2000, ...":
            # the source's apposition or the end of its list is not the report
            cstart = c2 + 1
        cend = _clean_end(text, cstart, hi)
    elif goes_on or _ACC_GOES_ON_RE.match(text, np_end, hi) or len(before.split()) <= 6 and \
            before.split()[0].lower() in _LEAD_PREP and len(text[np_end:hi].split()) >= 4:
        # "Among the precedents at risk, according to Ms. Epstein, are 16 ...", "Since last
        # November, according to X, forces have killed ...": one clause around the source
        cstart, cend = lo, _clean_end(text, lo, hi)
    elif c is not None and text[c.start()] == "," and _ACC_SUBORDINATE_RE.match(before) and \
            len(text[c.end():hi].split()) >= 4:
        # "While most were confidential, according to X, two were upgraded ...": the report
        # is the main clause after the source, not the subordinate clause before it
        cstart = c.end()
        cend = _clean_end(text, cstart, hi)
    else:
        # "CLAUSE(,) according to X(, ...)": what follows the source is not the report
        cstart, cend = _trim_np_content(text, lo, lo + len(before))
        cend = _clean_end(text, cstart, cend)
    while cstart < cend and text[cstart].isspace():
        cstart += 1
    if cend - cstart < 10:
        return None
    return _Reported(m, entry, cstart, cend, _speaker(st, a, b, shape), para)


def _released_participle(text: str, a: int, b: int) -> int | None:
    """Where a participle such as "released" or "conducted" that ends the noun phrase
    ``text[a:b]`` starts, when a document noun comes right before it ("a CNN/ORC International
    Poll released"; not "documents POLITICO Magazine obtained"), else None."""
    pp = _TRAILING_PARTICIPLE_RE.search(text, a, b)
    if pp is None or pp.start() <= a:
        return None
    hw = text[a:pp.start()].rsplit(None, 1)[-1].lower()
    return pp.start() if hw not in _SUBJECT_PRONOUNS and (
        hw in _DOCUMENT_NOUNS or hw[:-1] in _DOCUMENT_NOUNS or hw in _RELEASED_NOUNS) else None


_TRAILING_PARTICIPLE_RE = re.compile(r"(?<=[\w.])\s+(?:released|conducted|published|implemented|commissioned|"
                                     r"announced|posted|taken|unveiled|compiled)$")
# (after a document noun only: not "documents POLITICO Magazine obtained", "a fact sheet it issued")
_RELEASED_NOUNS = frozenset("poll polls polling survey surveys study studies data figures numbers statement "
                            "report reports analysis findings story rules messages agreement affidavit "
                            "review book memo letter filing filings".split())
# an apposition after "According to X,": "Clinton's Latino vote director", "a spokesman for ..."
_ACC_APPOSITION_RE = re.compile(r"\s*(?:(?:a|an|the|his|her|their|its)\s+|[A-Z][\w.-]*['’]s\s+)"
                                r"(?:[\w.'’-]+\s+){0,5}?(?:[a-z][\w-]*)\s*$")
# the end of the source's list ("friends, aides and allies"): nouns, no verb in -ed
_ACC_LIST_END_RE = re.compile(r"\s*(?:[a-z][\w'’-]*(?<!ed)\s+)?(?:and|or)\s+[a-z][\w'’-]*(?<!ed)\s*")
_ACC_RELATIVE_APPOSITION_RE = re.compile(r"\s*(?:a|an)\s+[^,]*\b(?:who|whose|which)\b")
_ACC_NP_END_RE = re.compile(r"[,;:—–]|\s--?\s|(?<!\bCapt)(?<!\bProf)(?<!\bCmdr)(?<!\bSens)(?<!\bReps)(?<!\bSupt)"
                            r"(?<!\bBrig)(?<!\bLieut)(?<!\bSgts)" + _FULL_STOP)  # ("according to Capt. Eric Kowalczyk")
# a finite verb after the source without a comma; not one in the source's own relative clause
# ("according to a poll that was conducted in July")
_ACC_VERB_RE = re.compile(r"\s(?:is|are|was|were|will|would|could|can|should|may|might|must)\s")
_ACC_NP_RELATIVE_RE = re.compile(r"\b(?:who|whom|whose|that|which|where|when)\b|\(")
_ACC_LEAD_RE = re.compile(r"\b(?:after|because|that|but|and|when|while|as|since|if|although|though|so)"
                          r"\s*,?$|^\W*(?:Alas|Still|Yet|However|Indeed|Now|Meanwhile|Moreover|Also|Instead|"
                          r"Further|Furthermore|Finally|Overall|Separately|Similarly|Likewise|Then|Otherwise|"
                          r"Nevertheless|Nonetheless|Notably|Ironically|Sadly|Unfortunately|Fortunately|"
                          r"Surprisingly|Today|Yesterday),$", re.IGNORECASE)  # (or a sentence adverb: "Alas,")
_ACC_SUBORDINATE_RE = re.compile(r"\s*(?:While|Although|Though|Whereas|Because|Since|If|Even\s+though)\b[^,]*,$")
_ACC_GOES_ON_RE = re.compile(r"\s*,\s*(?:is|are|was|were|has|have|had|will|would|can|could|should|"
                             r"may|might|must|did|does|do)\b")


def _make_quote(st: _State, sp: _Span, para: int) -> Quote | None:
    text = st.text
    a, b = sp.cs, sp.ce
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] == ","):
        b -= 1
    if a >= b:
        return None
    kind = sp.kind or "scare"
    cue = sp.cue if kind == "direct" else None
    speaker = sp.speaker if kind == "direct" else None
    if speaker is not None and _bad_mention(text, speaker.start, speaker.end):
        speaker = None  # (a fronted phrase read as the subject)
    m, entry = cue if cue else (None, None)
    return Quote(
        kind=kind, start=a, end=b, text=text[a:b],
        cue=m.group(0) if m else None, cue_start=m.start() if m else None,
        cue_end=m.end() if m else None, cue_class=entry.cls if entry else None,
        speaker=speaker.name if speaker else None,
        speaker_start=speaker.start if speaker else None,
        speaker_end=speaker.end if speaker else None,
        actor=speaker.actor if speaker else None,
        anonymous=bool(speaker and speaker.anonymous), paragraph=para,
        speech=kind == "direct" and (entry is None or _spoken(text, entry, m.start(), direct=True)))


_MIN_REPORTED_WORDS = 3
_MIN_WORDS_RE = _words_in_a_row(_MIN_REPORTED_WORDS)
# one-word answers that are what someone said ("Exactly, Bennett says.", "No, he said.")
_ANSWER_WORDS = frozenset("exactly absolutely yes no sure right never definitely nope yep correct".split())


def _answer_word(text: str, a: int, b: int) -> bool:
    """Is ``text[a:b]`` a one-word answer ("Exactly")?"""
    return b - a <= 12 and text[a:b].strip(" ,.!\u00a0").lower() in _ANSWER_WORDS
# Where a reported clause stops: a trailing comment of the writer's (", a swipe at ...",
# ", which ...", ", according to ...") is not part of what was said.
_ACCORDING_AFTER_QUOTE_RE = re.compile(r"\s+according\s+to\b")
_TAIL_RE = re.compile(
    r",\s+(?:according\s+to|which|who|a|an|the|compared)\b")


def _cut_tail(text: str, a: int, b: int) -> int:
    """End of the content ``text[a:b]`` before a trailing writer's comment (see ``_TAIL_RE``);
    not before the main clause after a fronted one ('if it rains, the party will survive')."""
    fronted = None
    j = a + 1 if text[a:a + 1] in ('”', '"') else a  # (a fragment ends before its closing mark)
    if text[j - 2:j] in (',”', ',"') and _ACCORDING_AFTER_QUOTE_RE.match(text, j, b):
        return j  # ('Yovanovitch was “bad news,” according to a partial transcript': the comma inside the quote, audit 19)
    if (dt := _DASH_TURN_RE.search(text, a, b)) is not None and not _inside_quote_marks(text, a, dt.start()):
        b = dt.start()  # ('he'll take a stand and try to stop them — but the numbers ... aren't on his side', audit 22)
        while b > a and text[b - 1].isspace():
            b -= 1
    if text.find(",", a, b) < 0:
        return b  # (every match opens with a comma, and most contents have none: no scan for one)
    if (wc := _WRITER_TURN_RE.search(text, a, b)) is not None and not _inside_quote_marks(text, a, wc.start()):
        b = wc.start()  # (', though it was unclear when', ', but a spokeswoman said': the writer goes on, audit 20)
    main = False  # (the main clause after a fronted subordinate clause has been passed)
    for m in _TAIL_RE.finditer(text, a, b):
        if fronted is None:
            w = _WORD_RE.search(text, a, b)
            fronted = w is not None and (w.group(0).lower() in _LEAD_PREP or _CORRELATIVE_RE.match(text, w.start()))
            main = not (w is not None and _CONTENT_SUBORD_RE.match(text, w.start()))
        if not main and _TAIL_ARTICLE_RE.match(text, m.start()) and _opens_clause(text, m.end(), b):
            # 'suggests that when you take financing into account, the vast majority of Americans
            # lose out': the first ", the ..." after a fronted subordinate clause opens the main
            # clause, whatever its verb (audit 20)
            main = True
            continue
        if not (fronted and _TAIL_CLAUSE_RE.match(text, m.start(), b)) and \
                not _INNER_RELATIVE_RE.match(text, m.start(), b) and not _INNER_APPOSITION_RE.match(text, m.start(), b) \
                and not _LIST_ITEM_RE.match(text, m.start(), b):
            return m.start()
    return b


# the writer's turn after a report: an impersonal doubt ("though it was unclear when"), a new
# subject's report or refusal ("but the movement wouldn't discuss", "though a spokeswoman for
# Cruz said"), or a fact-check
_WRITER_TURN_RE = re.compile(
    r",\s+(?:(?:though|although|even\s+though|but)\s+(?:(?:it|there)\s+(?:is|was|remains|remained|appears|appeared|"
    r"seems|seemed)\s+(?:still\s+)?(?:unclear|not\s+clear|uncertain|unknown|to\s+be\s+seen)\b|"
    r"(?:(?!(?:and|or|that|who|which|if|when)\b)[\w.'’-]+\s+){1,4}?(?:said|says|added|noted|told|declined|refused)\b)|"
    r"(?:though|although|even\s+though)\s+(?:(?!(?:and|or|that|who|which|if|when)\b)[\w.'’-]+\s+){1,4}?"
    r"(?:did\s+not|didn't|didn’t|would\s+not|wouldn't|wouldn’t)\b|"
    # a fact-check ("..., despite very little evidence of such fraud", audit 24)
    r"despite\s+(?:very\s+)?(?:little|no|scant|scarce|a\s+lack\s+of|the\s+lack\s+of|the\s+absence\s+of)\s+"
    r"(?:[a-z]+\s+)?(?:evidence|proof|indication|sign)s?\b|"
    r"despite\s+(?:[\w-]+\s+){1,6}?(?:contradicting|contradict|refuting|debunking|to\s+the\s+contrary)\b)")


# the writer's turn after a dash: an objection ("— but the numbers ... aren't on his side") or
# an inference ("-- likely raising further concerns ...", "— meaning ...")
_DASH_TURN_RE = re.compile(r"(?:—|–|--)\s*(?:but(?!\s+(?:not|also|rather|only|still|even|instead)\b)|"
                           r"yet(?!\s+(?:another|again|more|to|not)\b)|meaning|(?:likely|possibly|probably|perhaps)\s+[a-z]+ing)\b"
                           r"(?=\s+\w)")  # (not "nearly—but not quite—100 percent", "— yet another blow", "— but still.")


def _inside_quote_marks(text: str, a: int, pos: int) -> bool:
    """Is ``pos`` inside a quotation that opens after ``a`` (an odd number of marks before it)?"""
    seg = text[a:pos]
    return (seg.count("“") > seg.count("”")) or seg.count('"') % 2 == 1


# a content that opens with a subordinate clause: its main clause follows the first comma
_CONTENT_SUBORD_RE = re.compile(r"(?:even\s+)?(?:when|whenever|while|if|unless|although|though|because|"
                             r"despite)\b|as\s+(?:long|soon|far)\s+as\b", re.IGNORECASE)
_TAIL_ARTICLE_RE = re.compile(r",\s+(?:a|an|the)\b")
_CLAUSE_CHUNK_RE = re.compile(r"[^,;:.!?\"“”—–()]{1,80}")
_FINITE_AUX = frozenset("will would is was are were has had have can could should may might must did does do".split()) | \
    frozenset(f"{w}{q}t" for w in ("isn", "wasn", "aren", "weren", "hasn", "hadn", "haven", "can", "couldn", "won",
                                   "wouldn", "didn", "doesn", "don") for q in ("'", "’"))


def _opens_clause(text: str, a: int, b: int) -> bool:
    """Do the words after ", the|a|an" at ``a`` hold a finite verb before the next mark ('the
    calls started coming in', 'the law would likely remain'), so that they are a main clause,
    not an apposition ('a topic in the news', 'a crucial portion of which CBS suppressed')?"""
    m = _CLAUSE_CHUNK_RE.match(text, a, b)
    if m is None:
        return False
    ws = m.group(0).split()
    for w in ws[1:9]:
        if w in ("who", "which", "that", "whose", "whom"):
            return False
        if w in _FINITE_AUX or w in _IRREGULAR_VERBS or w.endswith("ed") and w.isalpha() and w.islower():
            return True
    return False


# an apposition on the report's own subject, then its verb: "State Rep. Drew Gattine, a
# Democrat, had called LePage ..." (audit 18)
_INNER_APPOSITION_RE = re.compile(
    r",\s+(?:a|an|the)\s+[^,;:.!?\"“”]{1,60},\s+(?:[a-z]+ly\s+)?(?:is|was|were|are|had|has|have|would|will|"
    r"could|can|should|did|does|do|said|says)\b")
# the next item of a list: "targeted a command post, a training camp and a weapons depot"
_LIST_ITEM_RE = re.compile(r",\s+(?:a|an|the)\s+[^,;:.!?\"“”]{1,40}?,?\s+(?:and|or)\s+(?:a|an|the)\s")


# a relative clause on the report's own subject, then its verb: "the plan, which was unveiled
# last week, is dead" (not "the plan is dead, which pleased them")
_INNER_RELATIVE_RE = re.compile(
    r",\s+(?:which|who)\b[^,;:.!?\"“”]{1,120},\s+(?:[a-z]+ly\s+)?(?:is|was|were|are|had|has|have|would|"
    r"will|could|can|should|did|does|do|remains?|says?)\b")


# the main clause after a fronted one: ", the party will survive" (not ", a nominee who was")
_TAIL_CLAUSE_RE = re.compile(
    r",\s+(?:the|a|an)\s+(?:(?!(?:who|which|that|whose)\b)[\w.'’-]+\s+){1,3}?(?:will|would|is|was|are|"
    r"were|has|had|have|can|could|should|may|might|must|did|does|do)\b")
_CORRELATIVE_RE = re.compile(r"the\s+(?:more|less|fewer|better|worse|longer|bigger|higher|lower)\b", re.IGNORECASE)


_DIRECT_INTRO_RE = re.compile(r"\s*[,:]\s*")
_MARKS = " \t\n\u00a0\"“”«»'‘’.,;:!?…"
_BY_ING_RE = re.compile(r"\s+by\s+[a-z]+ing\b")
_TRAILING_CONJ_RE = re.compile(r",?\s+(?:and|but|or|without)$")  # (", without saying ...": a negated cue)


def _make_reported(st: _State, r: _Reported) -> Quote | None:
    text = st.text
    a, b = r.start, r.end
    while a < b and text[a].isspace():
        a += 1
    if r.start >= r.cue.end():
        b = _cut_tail(text, max([a, *(y for _, y in r.fragments)]), b)
    b = _clean_end(text, a, b) if not r.fragments else b
    while b > a and text[b - 1].isspace():
        b -= 1
    while text[b - 2:b] in ("nd", "ut", "or") and (m := _TRAILING_CONJ_RE.search(text, a, b)) is not None:
        b = m.start()  # '..., calling him a "stiff" and accusing him ...': the next cue's "and"
    if a >= b:
        return None
    if _PARTICIPLE_CONTENT_RE.match(text, a, b):
        # ('..., he told The Hill, adding it's "one drama after another."': the participle has
        # its own quote; in 'CLAUSE, Spicer said, adding, "..."' the cue's content is the clause)
        sp = r.speaker
        k = bisect_right(st.sent_starts, r.cue.start()) - 1 if sp is not None else -1
        s0 = st.sents[k][0] if k >= 0 else -1
        if sp is None or not (s0 < sp.start and (c := text.rfind(",", s0, sp.start)) > s0 and
                              not text[c + 1:sp.start].strip() and not _QUOTE_CHAR_RE.search(text, s0, c)):
            return None
        a, b = s0, _clean_end(text, s0, c)
    frags = tuple(sorted((max(x, a), min(y, b)) for x, y in r.fragments if min(y, b) > max(x, a)))
    if not frags and r.entry.frame != "np" and _MIN_WORDS_RE.search(text, a, b) is None:
        if not _answer_word(text, a, b):
            return None  # 'On Tuesday' is not what anyone said: a reported clause has a verb and more
    kind = "mixed" if frags else "indirect"
    if len(frags) == 1 and not text[a:frags[0][0]].strip(_MARKS) and not text[frags[0][1]:b].strip(_MARKS) \
            and _DIRECT_INTRO_RE.fullmatch(text, r.cue.end(), a):
        # 'Durbin, a Democrat, said, "Let me tell you ..."': the cue introduces the whole quote
        kind, (a, b), frags = "direct", frags[0], ()
    sp = r.speaker if r.speaker is None or not _bad_mention(text, r.speaker.start, r.speaker.end) else None
    if sp is not None and r.entry.lemma in _INFERENCE_CUES and _inanimate_subject(_WORD_RE.findall(text, sp.start, sp.end)):
        return None  # ("his trip suggests", "History suggests", "that headline suggested to viewers": the writer's inference)
    return Quote(
        kind=kind, start=a, end=b, text=text[a:b],
        cue=r.cue[0], cue_start=r.cue.start(), cue_end=r.cue.end(), cue_class=r.entry.cls,
        speaker=sp.name if sp else None, speaker_start=sp.start if sp else None,
        speaker_end=sp.end if sp else None, actor=sp.actor if sp else None,
        anonymous=bool(sp and sp.anonymous), paragraph=r.para, fragments=frags,
        speech=_spoken(text, r.entry, r.cue.start()) and not _adjectival(text, r.cue) and
        not (r.speaker is not None and _NO_ONE_RE.match(text, r.speaker.start, r.speaker.end)))


# cues that an event or a thing can "do" in the writer's reading, and the heads of such subjects
# (not "The data suggest", "A poll indicates": evidence that speaks for its authors)
_INFERENCE_CUES = frozenset("suggest imply predict urge signal indicate promise explain".split())
_INANIMATE_HEADS = frozenset(
    "trip decision headline trend factor move lag choice timing fact history record pattern silence absence "
    "behavior behaviour caution shift change decline rise increase drop gap reaction appointment nomination "
    "resignation departure visit actions action episode incident scandal events turnout performance outcome "
    "win loss victory defeat deal tone language rhetoric strategy approach market markets economy "
    "slowdown growth willingness reluctance refusal failure success lineup mood fight controversy situation "
    "experience experiences precedent circumstances timeline momentum election elections midterms this that".split())


def _inanimate_subject(words: list[str]) -> bool:
    """Is a subject with these words an event or a thing, not evidence or a person: its head
    (the word before "of", "for" ...) is in _INANIMATE_HEADS ("The timing", "his rhetoric"), or
    is a measure of one ("The sequence of events"; not "Supporters of the nuclear deal")?"""
    if not words:
        return False
    head = _head_word(words).lower()
    return head in _INANIMATE_HEADS or head in _MEASURE_HEADS and words[-1].lower() in _INANIMATE_HEADS | {"events"}


_MEASURE_HEADS = frozenset("sequence series pair string suddenness scale pace nature size extent speed".split())


def _spoken(text: str, entry: _Cue, cue_start: int, direct: bool = False) -> bool:
    """Does the cue at ``cue_start`` report something said: a speech act, not negated, not yet
    done ("will announce")? "Wonder" is a thought, but said when it tags a ``direct`` quote
    or is done aloud ('"Is this the end?" she wondered', 'wondered aloud whether')."""
    speech = _is_speech(entry) or entry.lemma == "wonder" and (direct or _ALOUD_RE.match(text, cue_start) is not None)
    return speech and not _negated(text, cue_start) and not _unrealised(text, cue_start)


_ALOUD_RE = re.compile(r"\w+\s+(?:aloud|out\s+loud|publicly)\b")


# A participle cue used as a modifier: "his proposed ban", "Trump's repeated calls", "probing
# alleged Russian meddling". PolNeAR annotates some of these as attributions, so they stay
# quotes, but nobody is reported speaking.
_MODIFIER_OWNER_RE = re.compile(
    r"(?:['’]s|s['’]|\b(?:his|her|their|its|our|my|your|of|for|about|into|on|in|with|against|over|[a-z]+ing|"
    r"\d[\d,]*))\s+$")  # (also "his advisers' alleged links", "22 confirmed cases")
_NOT_NOUN_AFTER_RE = re.compile(
    r"\s+(?:that|to|by|in|on|as|for|of|with|at|from|about|the|a|an|his|her|their|its|this|it|he|she|they|we|"
    r"him|them|us|me|you|I)\b|\s*[,.;:!?\"“”(]")


def _adjectival(text: str, cue: re.Match) -> bool:
    """Is the one-word -ed cue a modifier of the noun after it ("the administration's proposed
    budget"), not a verb with a subject?"""
    form = cue[0]
    return form.endswith("ed") and " " not in form and \
        _MODIFIER_OWNER_RE.search(text, max(0, cue.start() - 30), cue.start()) is not None and \
        _NOT_NOUN_AFTER_RE.match(text, cue.end()) is None


# ---------------------------------------------------------------------------------------
# Voice summary


def voice_summary(quotes: Sequence[Quote], *, actors: ActorDictionary | None = None) -> dict:
    """Who gets a voice in one article: quotes and quoted words per actor group.

    Parameters
    ----------
    quotes : sequence of Quote
        One article's quotes (scare quotes are ignored).
    actors : ActorDictionary, optional
        Lists the groups; defaults to :func:`analysis.actors.default_actors`.

    Returns
    -------
    dict
        ``n_quotes``, ``n_quoted_words``, ``by_group`` (every group of the dictionary plus
        ``other`` for speakers without a group, each with ``quotes``, ``words``,
        ``share_quotes``, ``share_words`` in [0, 1]; shares are 0.0 when there are no quotes),
        ``first_voice`` and ``last_voice`` (group ids in text order, ``other`` for unknown
        groups, None without quotes) and ``anonymous_share`` (NaN without quotes).
    """
    actors = actors or default_actors()
    groups = list(actors.groups)
    voices = sorted((q for q in quotes if q.kind != "scare"), key=lambda q: q.start)
    by = {g: {"quotes": 0, "words": 0} for g in [*groups, "other"]}
    n_words = 0
    for q in voices:
        g = q.actor if q.actor in by else "other"
        w = len(_WORD_RE.findall(q.text))
        by[g]["quotes"] += 1
        by[g]["words"] += w
        n_words += w
    n = len(voices)
    for d in by.values():
        d["share_quotes"] = d["quotes"] / n if n else 0.0
        d["share_words"] = d["words"] / n_words if n_words else 0.0

    def group(q):
        return q.actor if q.actor in by else "other"

    return {
        "n_quotes": n,
        "n_quoted_words": n_words,
        "by_group": by,
        "first_voice": group(voices[0]) if voices else None,
        "last_voice": group(voices[-1]) if voices else None,
        "anonymous_share": sum(q.anonymous for q in voices) / n if n else math.nan,
    }
