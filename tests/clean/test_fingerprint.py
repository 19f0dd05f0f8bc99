"""Content hash: what makes two items one article."""

from __future__ import annotations

from newsparallax.model import IDENTIFYING_WORDS, Article

STORY = " ".join(f"The ferry to Isla Carmin left {i} minutes late on its run." for i in range(12))
NOTICE = "Already a subscriber? Sign in to keep reading. Get digital access today."


def test_same_body_under_another_headline_is_the_same_article() -> None:
    assert len(STORY.split()) >= IDENTIFYING_WORDS
    first = Article(id="a", text=STORY, title="Ferry late again")
    copy = Article(id="b", text=STORY.replace(" ", "  "), title="Late ferry angers islanders")
    assert first.compute_hash() == copy.compute_hash()


def test_a_short_body_does_not_identify_a_report_without_its_headline() -> None:
    one = Article(id="a", text=NOTICE, title="Two hurt in quarry blast")
    other = Article(id="b", text=NOTICE, title="Mayor opens new bridge")
    same = Article(id="c", text=NOTICE.upper(), title="two hurt in quarry blast")
    assert one.compute_hash() != other.compute_hash()
    assert one.compute_hash() == same.compute_hash()


def test_headline_only_items_are_told_apart_by_headline() -> None:
    assert (
        Article(id="a", text="", title="Quarry blast").compute_hash()
        != Article(id="b", text="", title="Bridge opens").compute_hash()
    )
