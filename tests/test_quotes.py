"""Tests for analysis.quotes: the two seed articles (hand-checked), hard cases as data
(tests/cases/quotes_hard.json, known failures marked xfail there), properties on arbitrary
text, and the voice summary."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.clean import blank_inline, clean
from analysis.quotes import Quote, QuoteResult, extract_quotes, speech_verbs, voice_summary
from analysis.text import segment, split_paragraphs

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
# Every tests/cases/quotes*.json file holds hard cases in the same format.
CASES = [c for f in sorted((Path(__file__).parent / "cases").glob("quotes*.json"))
         for c in json.loads(f.read_text("utf-8"))["cases"]]


def _quotes(path: str) -> tuple[str, tuple[Quote, ...]]:
    text = (SEEDS / path).read_text("utf-8")
    return text, extract_quotes(segment(text)).quotes


def _find(quotes, start_of_text: str) -> Quote:
    hits = [q for q in quotes if q.text.startswith(start_of_text)]
    assert len(hits) == 1, f"{start_of_text!r}: {[q.text[:40] for q in quotes]}"
    return hits[0]


def _check_offsets(text: str, result: QuoteResult) -> None:
    for q in result.quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)
        if q.cue_start is not None:
            assert text[q.cue_start:q.cue_end] == q.cue
        for a, b in q.fragments:
            assert q.start <= a < b <= q.end


# ---- CGTN seed ------------------------------------------------------------------------

CGTN = "cgtn-2025-03-20-military-leaders-ukraine.txt"
REUTERS = "reuters-2025-03-20-starmer-military-talks.txt"


def test_cgtn_starmer_mixed_quote_noted():
    text, qs = _quotes(CGTN)
    q = _find(qs, "previous meetings among international political leaders")
    assert q.kind == "mixed"
    assert q.cue == "noted" and q.cue_class == "neutral"
    assert q.speaker == "Keir Starmer" and text[q.speaker_start:q.speaker_end] == "Starmer"
    assert q.actor == "coalition"
    assert [text[a:b] for a, b in q.fragments] == [
        "we need to work together to ensure that any deal put in place is defended."]


def test_cgtn_starmer_direct_quotes():
    text, qs = _quotes(CGTN)
    q = _find(qs, "What's happening here")
    assert (q.kind, q.cue, q.speaker, q.actor) == ("direct", "said", "Keir Starmer", "coalition")
    assert q.text.endswith("on the sea, air or on the ground")
    q = _find(qs, "The purpose of these security arrangements")
    assert (q.kind, q.cue, q.speaker, q.actor) == ("direct", "told", "Keir Starmer", "coalition")
    q = _find(qs, "That is why U.S. involvement will be necessary")
    assert q.text == "That is why U.S. involvement will be necessary"
    assert (q.kind, q.cue, q.speaker, q.actor) == ("direct", "added", "Keir Starmer", "coalition")
    assert text[q.speaker_start:q.speaker_end] == "he"


def test_cgtn_downing_street_source_is_anonymous():
    text, qs = _quotes(CGTN)
    q = _find(qs, "Starmer's comments signal a shift")
    assert q.text == "Starmer's comments signal a shift toward an operational phase"
    assert q.kind == "indirect" and q.cue == "according to"
    assert q.anonymous and q.actor == "coalition"
    assert text[q.speaker_start:q.speaker_end] == "a Downing Street source"


def test_cgtn_kremlin_accusation_owns_militarization():
    text, qs = _quotes(CGTN)
    q = _find(qs, "European countries of seeking")
    assert q.kind in ("mixed", "indirect")
    assert q.cue == "accused" and q.cue_class == "assertive"
    assert q.speaker == "the Kremlin" and q.actor == "kremlin"
    assert not [x for x in qs if x.kind == "scare" and x.text == "militarization"]


def test_cgtn_peskov_and_ushakov():
    text, qs = _quotes(CGTN)
    q = _find(qs, "Europe has embarked on a militarization")
    assert q.text.endswith("somewhat of a war party")
    assert (q.kind, q.cue, q.speaker, q.actor) == ("direct", "told", "Dmitry Peskov", "kremlin")
    assert text[q.speaker_start:q.speaker_end] == "Kremlin spokesman Dmitry Peskov"
    q = _find(qs, "the next round of Russia-U.S. talks")
    assert q.text.endswith("in Riyadh, Saudi Arabia")
    assert (q.kind, q.cue, q.speaker, q.actor) == ("indirect", "said", "Yuri Ushakov", "kremlin")


def test_cgtn_kyiv_and_scare_quote():
    text, qs = _quotes(CGTN)
    q = _find(qs, "its demand for direct involvement")
    assert (q.speaker, q.actor, q.cue) == ("Ukraine", "ukraine", "reiterated")
    scares = [x.text for x in qs if x.kind == "scare"]
    assert scares == ["coalition of the willing"]
    # nothing from the cookie banner, translator notice or captions
    assert all(x.start > text.index("Military chiefs") for x in qs)


# ---- Reuters seed ---------------------------------------------------------------------

def test_reuters_starmer_said_mixed_military_planning():
    text, qs = _quotes(REUTERS)
    q = _find(qs, "the talks would focus on")
    assert q.text == "the talks would focus on “military planning, military operations” to support Ukraine"
    assert (q.kind, q.cue, q.speaker, q.actor) == ("mixed", "said", "Keir Starmer", "coalition")
    assert [text[a:b] for a, b in q.fragments] == ["military planning, military operations"]
    q = _find(qs, "Western military talks on Thursday")
    assert (q.kind, q.speaker) == ("indirect", "Keir Starmer")
    assert text[q.speaker_start:q.speaker_end] == "British Prime Minister Keir Starmer"


def test_reuters_direct_and_continuation():
    text, qs = _quotes(REUTERS)
    q = _find(qs, "Today those plans are focusing")
    assert (q.kind, q.cue, q.speaker, q.actor) == ("direct", "told", "Keir Starmer", "coalition")
    q = _find(qs, "Now we’re working at pace")
    assert q.text.endswith("it’s really important that we’re able to react straight away.")
    assert (q.kind, q.speaker, q.actor) == ("direct", "Keir Starmer", "coalition")


def test_reuters_spokesperson():
    text, qs = _quotes(REUTERS)
    q = _find(qs, "more than 25 countries were involved")
    assert (q.kind, q.cue) == ("mixed", "said")
    assert q.speaker == "Keir Starmer's spokesperson" and q.actor == "coalition"
    assert text[q.speaker_start:q.speaker_end] == "his spokesperson"
    assert [text[a:b] for a, b in q.fragments] == ["the granular detail"]
    q = _find(qs, "They are going to get into the detail")
    assert (q.kind, q.cue, q.speaker, q.actor) == ("direct", "told", "Keir Starmer's spokesperson", "coalition")
    assert text[q.speaker_start:q.speaker_end] == "the spokesperson"
    q = _find(qs, "talks about a backstop with Washington were ongoing")
    assert (q.kind, q.speaker, q.actor) == ("indirect", "Keir Starmer's spokesperson", "coalition")


def test_reuters_scare_quotes_trump_and_no_kremlin_voice():
    text, qs = _quotes(REUTERS)
    assert [x.text for x in qs if x.kind == "scare"] == ["coalition of the willing"] * 2
    q = _find(qs, "a minerals deal with Ukraine")
    assert (q.kind, q.cue, q.cue_class, q.speaker, q.actor) == (
        "indirect", "arguing", "assertive", "Donald Trump", "us")
    assert not [x for x in qs if x.actor == "kremlin"]


def test_seed_offsets_and_summary():
    for name in (CGTN, REUTERS):
        text = (SEEDS / name).read_text("utf-8")
        result = extract_quotes(segment(text))
        _check_offsets(text, result)
        assert result.warnings == ()
    text, qs = _quotes(REUTERS)
    s = voice_summary(qs)
    assert s["n_quotes"] == len([q for q in qs if q.kind != "scare"]) == 8
    assert s["by_group"]["kremlin"]["quotes"] == 0
    assert s["by_group"]["coalition"]["quotes"] == 7 and s["by_group"]["us"]["quotes"] == 1
    assert s["first_voice"] == "coalition" and s["last_voice"] == "coalition"
    assert s["anonymous_share"] == 0.0


# ---- hard cases as data -----------------------------------------------------------------

def _doc(case):
    text = case["text"]
    if case.get("clean"):
        # as the pipeline reads it: cleaned paragraphs, inline furniture blanked (offsets hold)
        c = clean(text)
        return segment(blank_inline(text, c.paragraphs, c.removed), list(c.paragraphs))
    if "headings" in case:
        paras = [(a, b, "heading" if i in case["headings"] else "body")
                 for i, (a, b) in enumerate(split_paragraphs(text))]
        return segment(text, paras)
    return segment(text)


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(reason=c["xfail"], strict=True)]
                  if c.get("xfail") else []) for c in CASES])
def test_hard_case(case):
    doc = _doc(case)
    result = extract_quotes(doc)
    _check_offsets(case["text"], result)
    for exp in case["expect"]:
        matches = [q for q in result.quotes
                   if all(getattr(q, k) == v for k, v in exp.items())]
        assert matches, f"{exp} not in {[(q.kind, q.text, q.speaker) for q in result.quotes]}"
    for x in case.get("absent", []):  # a kind, a content text or a cue, or fields as in "expect"
        if isinstance(x, dict):
            assert not [q for q in result.quotes if all(getattr(q, k) == v for k, v in x.items())], result.quotes
        else:
            assert not [q for q in result.quotes if x in (q.kind, q.text, q.cue)], result.quotes
    if not case["expect"] and "absent" not in case:
        assert [q for q in result.quotes if q.kind != "scare"] == [] or case.get("warning")
    if "warning" in case:
        assert any(case["warning"] in w for w in result.warnings), result.warnings
    if case.get("no_warnings"):
        assert result.warnings == ()


# ---- robustness ---------------------------------------------------------------------------

_PIECES = list("ab C.,;:!?\"'“”‘’«»„`-\n ") + [
    "said ", "told ", "he ", "Starmer ", "according to ", "''", "\n\n“", "accused ", "Kyiv ",
    "voters’ ", "Mr. ", "who ", ", said ", "the spokesperson "]
_QUOTEY = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), _QUOTEY))
def test_never_raises_and_offsets_hold(text):
    result = extract_quotes(segment(text))
    _check_offsets(text, result)
    for w in result.warnings:
        assert "\n" not in w


def test_spans_start_and_end_on_word_boundaries():
    # The speaker search looks back a bounded window from the cue; wherever that window
    # starts, a mention or a content never begins or ends inside a word (it used to give
    # "ike chucking about ..." for "Like chucking about ...").
    base = ("chucking about Bill Clinton's inability to contain himself in the company of women, or "
            "noting that Dick Cheney actually ran the show, observing that Republicans have failed to "
            "moderate is the kind of thing even sympathetic political wise men can say to signal that "
            "they get it.")
    for pad in range(12):
        text = "Li" + "k" * pad + "e " + base
        for q in extract_quotes(segment(text)).quotes:
            for a, b in ((q.start, q.end), (q.speaker_start, q.speaker_end)):
                if a is None:
                    continue
                assert not (text[a - 1].isalnum() and text[a].isalnum()), (pad, q)
                assert not (b < len(text) and text[b - 1].isalnum() and text[b].isalnum()), (pad, q)


_ADVERBIAL_PIECES = [" ", ",", ".", "!", "?", "…", '"', "“", "”", "’", "'", ")", ":", "—", "\r", "\u2009",
                     "\u3000", "\xa0", "\n", "on ", "of ", "in ", "to ", "Monday", "today", "too", "also",
                     "recently", "quickly", "the ", "that ", "show ", "MSNBC's ", "Fox ", "News", "Joe", "s"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_ADVERBIAL_PIECES), max_size=14).map("".join))
def test_end_adverbial_quick_tests_reject_only_what_cannot_match(s):
    # The quick tests in front of the backtracking pattern must never change its answer (a
    # review found trailing Unicode spaces after a quote mark rejected: "too\"\u2009").
    from analysis.quotes import _END_ADVERBIAL_RE, _end_adverbial

    assert (_end_adverbial(s) is None) == (_END_ADVERBIAL_RE.fullmatch(s) is None)


def test_end_adverbial_examples():
    from analysis.quotes import _END_ADVERBIAL_RE, _end_adverbial

    for s in ['"\r', 'too"\u2009', ' yesterday."\r', ' on Monday.', ', on MSNBC\'s “Morning Joe.”',
              ' Thursday in Paris, too.', ', there\'s no obvious way out', ' on the "CSI" series.']:
        assert (_end_adverbial(s) is None) == (_END_ADVERBIAL_RE.fullmatch(s) is None), s
    assert _end_adverbial(' on Monday.') and _end_adverbial('too"\u2009')
    assert _end_adverbial(', there\'s no obvious way out') is None


def test_long_chain_of_phrases_after_a_cue():
    # The closing-adverbial pattern backtracks exponentially on chains of prepositional
    # phrases; callers must keep it to short strings (this text took 23 s before they did).
    chain = ("on Monday in an interview at the offices of the campaign in the city of New York to the "
             "editors of the paper on the day after the vote in Iowa on the eve of the debate in the "
             "state of New Hampshire on the last day of the month in the year of the election")
    text = f"Trump made the promise. “We will win.” He said {chain}, and then he left."
    result = extract_quotes(segment(text))
    _check_offsets(text, result)
    assert [q.text for q in result.quotes] == ["We will win."]


def test_long_unclosed_quote_over_20000_lines():
    text = "“This quote never closes\n" + "and it goes on and on, he said\n" * 20000
    result = extract_quotes(segment(text))
    assert any("unclosed quote at offset 0" in w for w in result.warnings)
    _check_offsets(text, result)


def test_every_line_opens_a_quote_over_20000_lines():
    text = "“Still quoting, line after line\n" * 20000
    result = extract_quotes(segment(text))
    assert len(result.warnings) <= 60
    _check_offsets(text, result)


def test_lexicon_classes():
    verbs = speech_verbs()
    assert verbs["said"].cls == "neutral" and verbs["told"].cls == "neutral"
    assert verbs["claimed"].cls == "assertive" and verbs["accused"].cls == "assertive"
    assert verbs["insisted"].cls == "assertive" and verbs["warned"].cls == "assertive"
    assert verbs["suggested"].cls == "hedged"
    assert {e.cls for e in verbs.values()} == {"neutral", "assertive", "hedged"}


def test_voice_summary_empty_and_groups():
    s = voice_summary([])
    assert s["n_quotes"] == 0 and s["first_voice"] is None and math.isnan(s["anonymous_share"])
    assert set(s["by_group"]) == {"kremlin", "coalition", "us", "ukraine", "other"}
    text = "\"We are ready,\" Peskov said. \"No,\" said John Smith. It is a \"scare\" quote."
    qs = extract_quotes(segment(text)).quotes
    s = voice_summary(qs)
    assert s["n_quotes"] == 2 and s["n_quoted_words"] == 4
    assert s["by_group"]["kremlin"] == {"quotes": 1, "words": 3, "share_quotes": 0.5, "share_words": 0.75}
    assert s["by_group"]["other"]["quotes"] == 1
    assert s["first_voice"] == "kremlin" and s["last_voice"] == "other"
    for d in s["by_group"].values():
        assert 0.0 <= d["share_quotes"] <= 1.0 and 0.0 <= d["share_words"] <= 1.0


def test_subordinator_is_no_part_of_a_name():
    # audit 5: "Whenever Cole visited home, ..." made "Whenever Cole" a full name, and every later
    # "Cole" and "he" resolved to it
    from analysis.quotes import _np_shape
    assert _np_shape(["Whenever", "Cole"]) is None
    assert _np_shape(["If", "Trump"]) is None
    assert _np_shape(["Kevin", "Cole"]) == "name"


def test_tweet_quoted_in_prose_and_embedded_is_one_voice():
    # the prose quote keeps its cue when the signer is its speaker; a phrase the speaker finder
    # took ("Some revelers") gives way to the signed embed
    text = ('The senator answered on Twitter. "The farm bill is dead and nobody in this town will say it," '
            "Sen. Ann Poe wrote on Friday.\n\n"
            "The farm bill is dead and nobody in this town will say it. pic.twitter.com/AbC123xyz "
            "— Ann Poe (@annpoe) June 12, 2017\n\n"
            'Some revelers shouted, "The Fake News is not mentioning the farmers at all, sad!"\n\n'
            "The Fake News is not mentioning the farmers at all, sad!\n\n"
            "— Donald J. Trump (@realDonaldTrump) January 19, 2019")
    qs = [q for q in extract_quotes(segment(text)).quotes if q.kind != "scare"]
    assert [(q.speaker, q.cue) for q in qs] == [("Ann Poe", "wrote"), ("Donald Trump", "—")]


def test_no_module_level_name_defined_twice():
    # a second pattern with the same name silently replaces the first for every function that
    # uses it (this happened with _NAME_AFTER_RE in quotes.py)
    import ast
    from pathlib import Path

    for path in sorted((Path(__file__).parent.parent / "analysis").glob("*.py")):
        seen: dict[str, int] = {}
        for node in ast.parse(path.read_text("utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, ast.AnnAssign) else []
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names.append(node.name)
            for name in names:
                assert name not in seen, f"{path.name}: {name} defined at lines {seen[name]} and {node.lineno}"
                seen[name] = node.lineno


@pytest.mark.parametrize("text", [
    # (ABP articles whose paragraph was skipped with a warning: a subject of digits and lower-case
    # words only, and a fronted participle clause whose comma no word follows)
    "There are the well documented improper government payments, estimated at $144 billion for fiscal "
    "year 2016. Most of this is overpayments by Medicare and Medicaid, along with other programs like "
    "federal education grants and the EITC.",
    "After warning signs of trouble in the Middle East and anti-Mormon sentiment pervading the government, "
    "“You will see the Constitution of the United States almost destroyed. It will hang like a thread as "
    "fine as a silk fiber,” the prophecy has Smith saying.",
])
def test_no_paragraph_skipped(text):
    result = extract_quotes(segment(text))
    assert not [w for w in result.warnings if "skipped" in w], result.warnings
