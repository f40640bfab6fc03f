"""Actor dictionary: loading, clear errors naming the line, and mention finding."""

from __future__ import annotations

import random
import re

import pytest

from analysis.actors import ActorError, _trie_alternation, default_actors, load_actors

GOOD = """
[groups.kremlin]
label = "Kremlin"
colour = "#D55E00"

[groups.coalition]
label = "Coalition"
colour = "#0072B2"

[[actor]]
name = "Dmitry Peskov"
group = "kremlin"
aliases = ["Peskov", "Kremlin spokesman Dmitry Peskov"]

[[actor]]
name = "Keir Starmer"
group = "coalition"
aliases = ["Starmer"]
"""


def test_default_groups_and_colours():
    a = default_actors()
    assert list(a.groups) == ["kremlin", "coalition", "us", "ukraine"]
    assert all(a.colour(g).startswith("#") and len(a.colour(g)) == 7 for g in a.groups)
    assert a.colour("other") == "#999999"


def test_longest_match_possessive_and_case(seed_articles):
    a = default_actors()
    text = "Kremlin spokesman Dmitry Peskov met Starmer’s team; us and the US, voters’ views."
    found = [(m.surface, m.actor, m.group) for m in a.find(text)]
    assert found == [
        ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "kremlin"),
        ("Starmer", "Keir Starmer", "coalition"),
        ("US", "United States", "us"),
    ]
    assert [m.surface for m in a.find("Coalition of the willing members met.")] == ["Coalition of the willing"]


def test_seed_mentions_have_exact_offsets(seed_articles):
    art = seed_articles["CGTN"]
    ms = default_actors().find(art.text)
    assert all(art.text[m.start:m.end] == m.surface for m in ms)
    peskov = [m for m in ms if m.actor == "Dmitry Peskov"]
    assert [m.surface for m in peskov] == ["Kremlin spokesman Dmitry Peskov"]
    assert {m.actor for m in ms if m.group == "kremlin"} >= {"the Kremlin", "Vladimir Putin", "Yuri Ushakov", "Russia"}


def test_user_file(tmp_path):
    p = tmp_path / "a.toml"
    p.write_text(GOOD, encoding="utf-8")
    a = load_actors(p)
    assert [m.actor for m in a.find("Peskov criticised Starmer.")] == ["Dmitry Peskov", "Keir Starmer"]


@pytest.mark.parametrize(
    "change, message",
    [
        (('colour = "#0072B2"', 'colour = "blue"'), r"line 8: group 'coalition' has bad colour 'blue'"),
        (('group = "coalition"', 'group = "nato"'), r"line 17: actor 'Keir Starmer' has unknown group 'nato'"),
        (('aliases = ["Starmer"]', 'aliases = ["Starmer", "Peskov"]'), r"line 18: duplicate alias 'Peskov'"),
        (('[[actor]]\nname = "Keir', '[[actor]\nname = "Keir'), r"not valid TOML: .*line 15"),
    ],
)
def test_errors_name_the_line(tmp_path, change, message):
    p = tmp_path / "bad.toml"
    p.write_text(GOOD.replace(*change), encoding="utf-8")
    with pytest.raises(ActorError, match=message):
        load_actors(p)


def test_missing_file(tmp_path):
    with pytest.raises(ActorError, match="cannot read actor file"):
        load_actors(tmp_path / "nope.toml")


def test_trie_pattern_matches_like_longest_first_alternation():
    # find() uses a trie-shaped regex for speed; it must match exactly what the plain
    # longest-first alternation matches, at every position, boundary lookahead included.
    words = [*default_actors()._by_alias, "a.b", "a.bc", "a", "ab", "x(y)", "x"]
    tail = r"(?=(?:['’]s?)?(?!\w))"
    trie = re.compile(rf"(?:{_trie_alternation(words)}){tail}")
    plain = re.compile("(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")" + tail)
    rng = random.Random(0)
    pieces = [*words, "'", "’", "s", " ", ".", "-", "’s", "'s", "é", "c"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        for pos in range(len(text)):
            a, b = trie.match(text, pos), plain.match(text, pos)
            assert (a and a.span()) == (b and b.span()), (text, pos)


def test_place_alias_inside_another_name_is_no_mention():
    # hand-checked: the paper, the hotel heiress and the actor are not the places; the mayor's
    # city, a place after "in" and a sentence-initial capital are
    text = ("The Washington Post reported that the actor Denzel Washington met Paris Hilton. "
            "Moscow Mayor Sergei Sobyanin spoke. Officials in Washington disagreed. "
            "Yesterday Washington said no.")
    found = default_actors().find(text)
    assert [(m.surface, m.group) for m in found] == [("Moscow", "kremlin"), ("Washington", "us"), ("Washington", "us")]
    assert [m.start for m in found] == [
        text.index("Moscow"), text.index("Washington disagreed"), text.index("Washington said")]


def test_relatives_are_not_the_actor():
    # hand-checked on ABP wording: the first lady, the daughter, the son and "Mrs. Trump" are
    # other people; "President Trump", "Mr. Trump", "Donald John Trump" and a headline verb
    # before the surname ("Give Trump credit") are Donald Trump
    text = ("President Trump and first lady Melania Trump arrived. Ivanka Trump spoke, then Donald Trump Jr. "
            "and Trump Jr.'s lawyer. Mrs. Trump waved. Mr. Trump, born Donald John Trump, left. Give Trump credit.")
    found = [(m.surface, m.start) for m in default_actors().find(text) if m.actor == "Donald Trump"]
    assert found == [("President Trump", 0), ("Trump", text.index("Mr. Trump") + 4),
                     ("Trump", text.index("Trump, left")), ("Trump", text.index("Trump credit"))]
    assert default_actors().resolve("first daughter Ivanka Trump") is None
    assert default_actors().resolve("The president's son Donald Trump Jr.") is None
