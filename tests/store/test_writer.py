"""The single write path: new, duplicate (with metadata merge), id conflicts, near-duplicates."""

from __future__ import annotations

from newsparallax.model import Article, Origin
from newsparallax.store.articles import get_article, store_stats
from newsparallax.store.db import Database
from newsparallax.store.writer import ArticleWriter

BODY = " ".join(
    f"The harbour authority of Punta Lobera counted {i} barges waiting outside the breakwater on day {i}."
    for i in range(1, 25)
)


def make(article_id: str, text: str = BODY, **fields: object) -> Article:
    article = Article(id=article_id, text=text, origin=Origin("test.jsonl", 1, "jsonl"), **fields)  # type: ignore[arg-type]
    article.content_hash = article.compute_hash()
    return article


def test_new_articles_are_stored_once(database: Database) -> None:
    writer = ArticleWriter(database)
    first = writer.write([make("a"), make("b", BODY + " A final sentence about tugboats.")])
    assert sorted(first.stored) == ["a", "b"]
    again = writer.write([make("a"), make("b", BODY + " A final sentence about tugboats.")])
    assert again.stored == [] and len(again.duplicates) == 2
    assert store_stats(database)["articles"] == 2


def test_duplicate_content_merges_metadata_and_keeps_alias(database: Database) -> None:
    writer = ArticleWriter(database)
    writer.write([make("a", title=None)])
    outcome = writer.write(
        [
            make(
                "copy",
                url="https://harbour.example/x",
                source="Harbour Daily",
                published="2026-10-03",
                title="Barges wait",
                wires=["AFP"],
            )
        ]
    )
    assert outcome.duplicates == [("copy", "a")] and outcome.merged == 1
    record = get_article(database, "copy")
    assert record is not None and record["id"] == "a"
    assert record["url"] == "https://harbour.example/x" and record["source"] == "Harbour Daily"
    assert record["published"] == "2026-10-03" and record["title"] == "Barges wait"
    assert record["wires"] == ["AFP"] and record["aliases"] == ["copy"]


def test_merge_never_overwrites_existing_metadata(database: Database) -> None:
    writer = ArticleWriter(database)
    writer.write([make("a", source="First Outlet")])
    writer.write([make("b", source="Second Outlet")])
    record = get_article(database, "a")
    assert record is not None and record["source"] == "First Outlet"


def test_given_id_with_other_content_is_rejected(database: Database) -> None:
    writer = ArticleWriter(database)
    writer.write([make("a")])
    outcome = writer.write([make("a", "Entirely different text about a different harbour and its cranes.")])
    assert outcome.stored == [] and len(outcome.rejected) == 1
    assert "already stored with different text" in outcome.rejected[0].reason
    assert outcome.rejected[0].location == "test.jsonl" and outcome.rejected[0].line == 1


def test_same_id_twice_in_one_batch_with_different_text(database: Database) -> None:
    outcome = ArticleWriter(database).write(
        [make("a"), make("a", "Other words entirely, not the same at all.")]
    )
    assert outcome.stored == ["a"] and len(outcome.rejected) == 1


def test_derived_id_collision_gets_a_fresh_id(database: Database) -> None:
    writer = ArticleWriter(database)
    writer.write([make("report")])
    other = make("report", "A second file with the same name but other words about a lighthouse.")
    other.id_given = False
    outcome = writer.write([other])
    assert len(outcome.stored) == 1 and outcome.stored[0].startswith("report-")
    again = make("report", "A second file with the same name but other words about a lighthouse.")
    again.id_given = False
    assert writer.write([again]).stored == []


def test_near_duplicates_are_linked_both_ways(database: Database) -> None:
    writer = ArticleWriter(database)
    writer.write([make("wire")])
    edited = BODY.replace("day 24.", "day 24, officials said.") + " Reporting by a staff writer."
    outcome = writer.write(
        [make("copy", edited), make("unrelated", "Snow closed three mountain passes. " * 12)]
    )
    assert [(a, b) for a, b, _s in outcome.near_duplicates] == [("copy", "wire")]
    wire = get_article(database, "wire")
    assert wire is not None and wire["near_duplicates"][0]["id"] == "copy"
    assert wire["near_duplicates"][0]["similarity"] >= 0.7
    unrelated = get_article(database, "unrelated")
    assert unrelated is not None and unrelated["near_duplicates"] == []


def test_headline_only_articles_hash_by_title(database: Database) -> None:
    writer = ArticleWriter(database)
    outcome = writer.write(
        [
            make("h1", "", title="Crane topples at Punta Lobera"),
            make("h2", "  ", title="Storm closes the port"),
        ]
    )
    assert sorted(outcome.stored) == ["h1", "h2"]
    assert store_stats(database)["headline_only"] == 2
