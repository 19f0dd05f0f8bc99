"""The ``boilerplate`` stage: page furniture and captions printed twice (all text invented)."""

from __future__ import annotations

import pytest

from newsparallax.clean.boilerplate import (
    BOILERPLATE_PATTERNS,
    NOTICE_PATTERNS,
    is_boilerplate,
    remove_boilerplate,
)
from newsparallax.model import Article


def run(text: str) -> Article:
    return remove_boilerplate(Article(id="b1", text=text))


def counts(article: Article) -> tuple[int, int]:
    layer = article.layers["clean"]
    return layer["boilerplate_removed"], layer["repeats_removed"]


@pytest.mark.parametrize(
    "line",
    [
        "Share this article",
        "Share on Facebook",
        "share",
        "Tweet",
        "Email",
        "Print",
        "Click to share on Twitter (Opens in new window)",
        "Click to email a link to a friend (Opens in new window)",
        "We use cookies to improve your experience on our site. By continuing you agree to our policy.",
        "Accept cookies",
        "Accept all cookies",
        "Cookie settings",
        "Please enable JavaScript",
        "Please enable Javascript to watch this video",
        "Your browser does not support the video tag.",
        "Please complete the captcha to continue",
        "Related stories",
        "Related: Floods in the Ostland valley",
        "RELATED",
        "Read more: Why the Dalmora bridge fell",
        "Advertisement",
        "Story continues below advertisement",
        "Subscribe to our newsletter",
        "Sign up for our morning briefing",
        "Get email notifications on Velmora daily!",
        "Your notification has been saved",
        "Copyright 2020 Velmora Times. All rights reserved.",
        "© 2021 Brovia Media Group, all rights reserved",
        "Follow us on Twitter",
        "Follow Ana Ruiz on Instagram",
        "Comments",
        "12 comments",
        "Close",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Residents were asked to share their stories with the Velmora council.",
        "Share prices in Dalmora fell 4% on Tuesday.",
        "Shares of Ostland Rail closed higher.",
        "The company will print a new edition for the festival.",
        "“We use cookies and cream in every batch,” said the baker from Brovia.",
        "Bakers in Velmora use cookies as a symbol of the harvest festival.",
        "He sent an email to the mayor of Dalmora on Monday.",
        "Readers can sign up for the lottery at the town hall until Friday.",
        "Police said the hackers bypassed a captcha on the Ostland tax portal.",
        "Comments made by the minister angered farmers.",
        "Close to 300 people attended the funeral.",
        "Related reporting from the valley will follow, the editor said in a memo to staff.",
        "Share this article " + "x" * 130,
    ],
)
def test_real_sentences_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_long_cookie_like_paragraph_is_kept() -> None:
    paragraph = "We use cookies in the bakery every day, " * 10
    assert len(paragraph) > 300
    assert not is_boilerplate(paragraph)


def test_patterns_are_compiled_tuples() -> None:
    assert isinstance(BOILERPLATE_PATTERNS, tuple) and isinstance(NOTICE_PATTERNS, tuple)
    assert all(hasattr(p, "fullmatch") for p in BOILERPLATE_PATTERNS + NOTICE_PATTERNS)


def test_stage_drops_lines_and_counts_them() -> None:
    text = (
        "Share this article\nTweet\nEmail\n\n"
        "The Velmora river burst its banks on Sunday.\nAdvertisement\n"
        "Residents were asked to share photos of the damage.\n\n"
        "Related stories\n\nSubscribe to our newsletter"
    )
    article = run(text)
    assert article.text == (
        "The Velmora river burst its banks on Sunday.\nResidents were asked to share photos of the damage."
    )
    assert counts(article) == (6, 0)


def test_exact_repeated_paragraph_is_dropped() -> None:
    para = "Rescue teams from Ostland reached the village of Karsk before dawn."
    article = run(f"{para}\n\nThe road was still closed.\n\n{para}")
    assert article.text == f"{para}\n\nThe road was still closed."
    assert counts(article) == (0, 1)


def test_repeat_after_whitespace_normalisation() -> None:
    article = run("Rescue teams from Ostland reached Karsk.\nRescue teams  from Ostland\treached Karsk.")
    assert article.text == "Rescue teams from Ostland reached Karsk."


def test_repeated_caption_keeps_one_copy() -> None:
    caption = "A woman takes part in a march in Dalmora. Photo / AP"
    article = run(f"{caption}\n{caption}\nThe march ended peacefully.")
    assert article.text == f"{caption}\nThe march ended peacefully."
    assert counts(article) == (0, 1)


def test_truncated_caption_before_full_one_is_dropped() -> None:
    short = "Protesters gather outside the Brovian parliament in Ostburg:"
    full = 'Protesters gather outside the Brovian parliament in Ostburg: "Enough". Photo / AP'
    article = run(f"{short}\n\n{full}\n\nThe protest lasted three hours.")
    assert article.text == f"{full}\n\nThe protest lasted three hours."
    assert counts(article) == (0, 1)


def test_truncated_caption_cut_mid_word_or_with_ellipsis() -> None:
    full = "A farmer in Kidron inspects flooded fields after the storm. Photo / Reuters"
    for short in ("A farmer in Kidron inspects flooded fie", "A farmer in Kidron inspects flooded…"):
        assert run(f"{short}\n{full}").text == full


def test_truncated_copy_after_full_one_is_dropped() -> None:
    full = "A farmer in Kidron inspects flooded fields after the storm. Photo / Reuters"
    assert run(f"{full}\nA farmer in Kidron inspects flooded fields").text == full


def test_caption_split_by_boilerplate_is_still_deduplicated() -> None:
    caption = "Firefighters work through the night in Velmora. Photo: Ana Ruiz"
    article = run(f"{caption}\nShare on Facebook\n{caption}")
    assert article.text == caption
    assert counts(article) == (1, 1)


def test_short_repeats_are_kept() -> None:
    text = "Close call.\nThe bus stopped.\nClose call.\nThe bus stopped."
    assert run(text).text == text


def test_different_lines_with_common_start_are_kept() -> None:
    text = (
        "The mayor of Dalmora said on Monday\nThe mayor of Ostburg said on Tuesday that roads would reopen."
    )
    assert run(text).text == text


def test_all_boilerplate_body_is_kept_with_a_note() -> None:
    text = "Share this article\nAdvertisement\nComments"
    article = run(text)
    assert article.text == text
    assert counts(article) == (0, 0)
    assert any("boilerplate" in note for note in article.notes)


@pytest.mark.parametrize(
    "page",
    [
        "Just One More Thing...\n\nWe have sent you a verification email. Please check your email.\n\n"
        "If you do not receive the verification message within a few minutes, check your Spam folder.",
        "Close Get email notifications on Ann Lee daily!\n\nThere was a problem saving your notification.\n\n"
        "Whenever Ann Lee posts new content, you'll get an email delivered to your inbox with a link.",
        "Already a subscriber?\n\nClick on the button below to set up your account or log in.",
        "You are the owner of this article.",
        "3 of 3 Premium Clicks used this month",
        "The interactive transcript could not be loaded.\n\nSubmit here",
    ],
)
def test_a_sign_up_page_under_a_headline_leaves_the_headline_alone(page: str) -> None:
    article = remove_boilerplate(Article(id="b3", title="Two hurt in Ostburg shooting", text=page))
    assert article.text == "" and article.headline_only
    assert any("only its headline" in note for note in article.notes)
    story = "Police said two people were hurt. Just one more thing: the road is closed."
    assert remove_boilerplate(Article(id="b4", title="Two hurt", text=story)).text == story


def test_empty_body_stays_empty_without_note() -> None:
    article = run("")
    assert article.text == ""
    assert article.notes == []
    assert counts(article) == (0, 0)


def test_existing_clean_layer_is_extended() -> None:
    article = Article(id="b2", text="Tweet\nThe Ostland ferry sailed.", layers={"clean": {"other": 1}})
    remove_boilerplate(article)
    assert article.layers["clean"] == {"other": 1, "boilerplate_removed": 1, "repeats_removed": 0}
