"""Cleaning, checked against the seed pages by hand: what goes, what stays, and why."""

from __future__ import annotations

from conftest import CGTN, REUTERS

from analysis.clean import blank_inline, clean, clean_text

JUNK = [
    "Privacy Statement", "Cookie Policy", "I agree", "Translating...", "Azure Translator",
    "CGTN is not responsible", "/VCG", "Source(s)", "Xinhua News Agency", "Search Trends",
    "By Andrew MacAskill", "LONDON (Reuters)", "(Reporting by", "editing by William James",
]


def _kinds(text, cleaned):
    return [(k, text[s:e]) for s, e, k in cleaned.paragraphs]


def test_cgtn_page_furniture():
    text = CGTN.read_text(encoding="utf-8")
    c = clean(text)
    reasons = [r.reason for r in c.removed]
    assert reasons.count("cookie banner") == 2 and "consent button" in reasons
    assert "machine-translation notice" in reasons and "machine-translation disclaimer" in reasons
    assert reasons.count("photo credit") == 3 and reasons.count("repeated caption") == 2
    assert "wire credit" in reasons and "trending/search widget" in reasons
    kinds = _kinds(text, c)
    assert kinds[0] == ("title", "Military leaders discuss Ukraine defense plans in UK meeting")
    captions = [t for k, t in kinds if k == "caption"]
    assert len(captions) == 1 and captions[0].startswith("Britain's Prime Minister Keir Starmer speaks")
    assert not captions[0].endswith("/VCG")
    body = [t for k, t in kinds if k == "body"]
    assert len(body) == 11
    assert body[0].startswith("Military chiefs from around 30 countries")
    assert body[-1].endswith("reaffirming their support for Ukraine's stance.")


def test_reuters_metadata_lines_and_heading():
    text = REUTERS.read_text(encoding="utf-8")
    c = clean(text)
    assert c.get("byline") == "Andrew MacAskill and Elizabeth Piper"
    assert (c.get("dateline"), c.get("wire_source")) == ("LONDON", "Reuters")
    assert c.get("credits").startswith("Reporting by Andrew MacAskill and Elizabeth Piper; additional")
    kinds = _kinds(text, c)
    assert ("heading", "U.S. BACKSTOP?") in kinds
    # The dateline is cut from the front of the first paragraph, the rest is body.
    first = text[text.index("British Prime Minister Keir Starmer said"):text.index("\nThe meeting")]
    assert kinds[0] == ("body", first)
    assert sum(k == "body" for k, _ in kinds) == 14


def test_removed_spans_point_into_the_original():
    for f in (CGTN, REUTERS):
        text = f.read_text(encoding="utf-8")
        c = clean(text)
        for r in c.removed:
            assert text[r.start:r.end] == r.text
        spans = sorted([(s, e) for s, e, _ in c.paragraphs] + [(r.start, r.end) for r in c.removed])
        for (_, e1), (s2, _) in zip(spans, spans[1:]):
            assert e1 <= s2, "kept and removed spans never overlap"


def test_clean_body_is_free_of_junk():
    for f in (CGTN, REUTERS):
        text = f.read_text(encoding="utf-8")
        body = clean_text(text, clean(text))
        for junk in JUNK:
            assert junk not in body, (f.name, junk)
        assert "Starmer" in body


def test_known_title_is_marked_not_guessed():
    text = "Peace talks stall\n\nLeaders met on Monday. They disagreed.\n"
    assert _kinds(text, clean(text, title="Peace talks stall"))[0] == ("title", "Peace talks stall")
    assert _kinds(text, clean(text, title="Another headline"))[0][0] == "body"


def test_newsletter_signup_line_is_removed():
    # 245 of the first 8,000 ABP articles end with this line; "you agree" read as a report
    text = ("Leaders met on Monday. They disagreed.\n\nGet the Monitor Stories you care about "
            "delivered to your inbox. By signing up, you agree to our Privacy Policy\n")
    body = clean_text(text, clean(text))
    assert "By signing up" not in body and "Leaders met on Monday." in body


def test_story_highlights_label_is_removed_not_the_highlight():
    # CNN pages glue their summary label to the first bullet: "Story highlights Obama cancels ..."
    text = ("Obama cancels exercises\n\nStory highlights Obama cancels military exercises with Egypt. "
            "The move follows a crackdown.\n\nLeaders met on Monday.\n")
    body = clean_text(text, clean(text))
    assert "Story highlights" not in body and "Obama cancels military exercises with Egypt" in body


def test_frequent_abp_page_furniture_is_removed():
    # the most frequent body lines of the first 8,000 ABP articles that are not article text
    furniture = [
        "Copyright © 2019 The Washington Times, LLC. Click here for reprint permission.",
        "Story Continued Below",
        "Advertisement Continue reading the main story",
        "The opinions expressed by columnists are their own and do not represent the views of Townhall.com.",
        "Follow @politico",
        "Slideshow (2 Images)",
        "This is a rush transcript. Copy may not be in its final form.",
        "CLOSE The senator explains her vote on the farm bill. (June 3) AP",  # a video's caption
        "AD", "More On This...", "READ MORE:",
        "More On This... Is Iran planning revenge strikes if US hits Syria?",  # a related story's link "[pullquote]", "6 years ago", "CLICK HERE TO GET THE FOX NEWS APP",
        "Interested in Donald Trump? Add Donald Trump as an interest to stay up to date.",  # a promotion
        "**Want FOX News First in your inbox every day? Sign up here.**",
        "Something to Consider If you enjoyed this article, we have a proposition for you: "
        "Join NRPLUS. Members get extras. LEARN MORE",
    ]
    text = "Title of the piece\n\nLeaders met on Monday.\n\n" + "\n\n".join(furniture) + \
        "\n\nThe Associated Press contributed to this report.\n"
    cl = clean(text)
    body = clean_text(text, cl)
    assert body.strip() == "Leaders met on Monday."
    assert ("credits", "The Associated Press contributed to this report") in cl.meta


def test_bbc_tweet_wrapper_is_taken_off_the_embed():
    text = ("Farm bill\n\nSenators met.\n\nSkip Twitter post 2 by @annpoe The farm bill is dead. "
            "— Ann Poe (@annpoe) June 12, 2017 Report\n\nThey left.\n")
    assert clean_text(text, clean(text)).split("\n\n") == [
        "Senators met.", "The farm bill is dead. — Ann Poe (@annpoe) June 12, 2017", "They left."]


def test_widgets_from_the_second_hand_check_are_removed():
    # layouts seen in ABP pages (CNN, Politico, USA TODAY, WSJ, NPR, Daily Caller), made-up words
    furniture = [
        "Photos: Town hall season Voters line up outside the school gym on Monday. Hide Caption 1 of 2 "
        "Photos: Town hall season “We want answers,” one sign reads. Hide Caption 2 of 2",
        "JUST WATCHED Senator on the farm bill Replay More Videos ... MUST WATCH Senator on the farm bill 01:49",
        'poster="https://v.example.com/images/123-vs.jpg?pubId=1" Senator: The farm bill is dead',
        "SEE ALSO: Farm bill talks collapse", "More: Farm bill talks collapse", "SEE ALSO:",
        "RELATED: Farm bill talks collapse as the senator walks out",
        "( Also on POLITICO: Farm bill talks collapse)",
        "Read or Share this story: https://usat.ly/2abcDEF",
        "Write to Jane Doe at jane.doe@wsj.com and John Roe at john.roe@wsj.com",
        "Enlarge this image toggle caption Jane Doe/AP Jane Doe/AP",
        "Jane Doe is a columnist and the author of “Farm Bills.” The opinions expressed "
        "in this commentary are solely those of the author.",
        "Copyright 2019 The Associated Press. All rights reserved.",
        "Editor's note: Jane Doe is the author of “Farm Bills and You.” Follow her on Twitter @janedoe.",
        "Editor’s Note: An earlier version of this story misstated the date of the vote.",
        "Image copyright Getty Images Image caption Voters queue outside the school gym",
        "Media playback is unsupported on your device Media caption The senator on the farm bill",
        "Farm bill talks collapse as senators walk out Read more",
        "FILE PHOTO: Voters queue outside a school gym in Ames, Iowa, U.S., May 1, 2019. REUTERS/Jane Doe",
        # Bloomberg photo credits (the eighth hand check): a name, or a caption, then the credit
        "Jane Doe Photographer: John Roe/Bloomberg",
        "Photographer: John Roe/Bloomberg Photographer: John Roe/Bloomberg",
    ]
    text = ("Title of the piece\n\nLeaders met on Monday. (RELATED: Farm Bill Talks Collapse Again)\n\n"
            + "\n\n".join(furniture) + "\n\nThey agreed to meet again. JUST WATCHED Senator on the farm "
            "bill Replay More Videos ... MUST WATCH Senator on the farm bill 01:49 The vote is in June.\n")
    cl = clean(text)
    assert clean_text(text, cl).split("\n\n") == [
        "Leaders met on Monday.", "They agreed to meet again. The vote is in June."]
    reasons = {r.reason for r in cl.removed}
    assert {"photo gallery", "video widget", "related link", "share prompt", "contact line",
            "photo caption", "opinion disclaimer", "copyright line", "editor's note"} <= reasons


# A name pop-up scraped inline (The Hill's layout, with made-up names and headlines): the
# display name, the full name glued to a few headlines, then ' MORE'.
POPUP = ("Budget vote\n\nRep. Jane Doe Jane Marie DoeSenate passes budget deal Lawmakers return to "
         "Washington MORE (D-Ore.) told reporters that the vote was close.\n\n"
         "Sen. John Roe John Albert Roe Farm bill heads to the president MORE (R-Kan.) agreed. "
         "“We will be back in June,” Sen. Ann Poe Ann Lee PoeWhy Putin wants the farm bill MORE (R-Iowa) said.\n")


def test_inline_name_popup_is_removed_and_offsets_hold():
    cl = clean(POPUP)
    pops = [r for r in cl.removed if r.reason == "name pop-up"]
    assert [r.text for r in pops] == [
        " Jane Marie DoeSenate passes budget deal Lawmakers return to Washington MORE",
        " John Albert Roe Farm bill heads to the president MORE",
        " Ann Lee PoeWhy Putin wants the farm bill MORE",
    ]
    assert all(POPUP[r.start:r.end] == r.text for r in pops)
    body = clean_text(POPUP, cl)
    assert "Rep. Jane Doe (D-Ore.) told reporters that the vote was close." in body
    assert "Sen. John Roe (R-Kan.) agreed. “We will be back in June,” Sen. Ann Poe (R-Iowa) said." in body
    blanked = blank_inline(POPUP, cl.paragraphs, cl.removed)
    assert len(blanked) == len(POPUP) and "MORE" not in blanked and "Senate passes" not in blanked
    # the paragraphs keep their spans: the pop-up is inside them, not cut out of the layout
    assert [k for *_, k in cl.paragraphs] == ["title", "body", "body"]


def test_a_plain_more_is_not_a_popup():
    text = "Title here\n\nVoters want MORE jobs. Ann Smith Ann Smith said so MORE or less.\n"
    assert not [r for r in clean(text).removed if r.reason == "name pop-up"]


def test_popup_headlines_give_no_quotes_or_mentions(tmp_path):
    from analysis.analyze import analyze
    from analysis.corpus import load_corpus

    (tmp_path / "popup.txt").write_text(POPUP, encoding="utf-8")
    (article,) = load_corpus([tmp_path])
    res = analyze(article)
    got = [(q.kind, q.speaker, POPUP[q.speaker_start:q.speaker_end]) for q in res.quotes if q.kind != "scare"]
    assert ("indirect", "Jane Doe", "Rep. Jane Doe") in got
    assert ("direct", "Ann Poe", "Sen. Ann Poe") in got
    assert all("MORE" not in POPUP[q.start:q.end] for q in res.quotes)
    # every offset still points into the file text
    assert all(POPUP[q.start:q.end] == q.text for q in res.quotes)
    # 'Putin' in a pop-up headline is no mention of the Kremlin
    assert not [m for m in res.mentions if POPUP[m.start:m.end] == "Putin"]
