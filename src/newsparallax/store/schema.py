"""The store's tables (SQLAlchemy Core).  Alembic migrations create them; this module only describes them.

``articles``         one row per distinct content (content_hash is unique)
``article_ids``      every id a user gave, mapped to the article holding that content
``near_duplicates``  pairs of articles that are copies of one story (wire syndication), a < b
``minhash_bands``    LSH band keys, so near-duplicate candidates are an indexed lookup
``ingest_runs``      one row per ingest run, with its counts
``rejections``       every item a run could not take, with file, line and reason
``pending_work``     articles still to read, and read articles still to put in a story
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String(255), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("search_key", BigInteger, nullable=False, unique=True),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("url", Text),
    Column("source", String(255)),
    Column("published", String(32)),
    Column("language", String(16)),
    Column("authors", JSON, nullable=False),
    Column("dateline", String(255)),
    Column("wires", JSON, nullable=False),
    Column("notes", JSON, nullable=False),
    Column("headline_only", Boolean, nullable=False),
    Column("origin_location", Text, nullable=False),
    Column("origin_line", Integer),
    Column("origin_format", String(32), nullable=False),
    Column("minhash", LargeBinary),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_articles_published", "published"),
    Index("ix_articles_source", "source"),
)

article_ids = Table(
    "article_ids",
    metadata,
    Column("given_id", String(255), primary_key=True),
    Column("article_id", String(255), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("origin_location", Text),
    Column("origin_line", Integer),
    Index("ix_article_ids_article", "article_id"),
)

near_duplicates = Table(
    "near_duplicates",
    metadata,
    Column("article_a", String(255), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("article_b", String(255), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("similarity", Float, nullable=False),
    Index("ix_near_duplicates_b", "article_b"),
)

minhash_bands = Table(
    "minhash_bands",
    metadata,
    Column("band_key", BigInteger, primary_key=True),
    Column("article_id", String(255), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
)

ingest_runs = Table(
    "ingest_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("status", String(16), nullable=False),
    Column("inputs", JSON, nullable=False),
    Column("counts", JSON, nullable=False),
)

rejections = Table(
    "rejections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("ingest_runs.id", ondelete="CASCADE"), nullable=False),
    Column("location", Text, nullable=False),
    Column("line", Integer),
    Column("reason", Text, nullable=False),
    Index("ix_rejections_run", "run_id"),
)

# --- reading stage (migration 0002) -----------------------------------------------------------

readings = Table(
    "readings",
    metadata,
    Column("article_id", String(255), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("model", String(128), nullable=False),
    Column("embedder", String(64)),
    Column("language", String(16)),
    Column("anchor", String(32)),
    Column("anchor_source", String(16)),
    Column("layers", JSON, nullable=False),
    Column("embedding", LargeBinary),
    Column("read_at", DateTime(timezone=True), nullable=False),
    Index("ix_readings_version", "version"),  # migration 0005
)

entities = Table(
    "entities",
    metadata,
    Column("key", String(300), primary_key=True),
    Column("name", String(300), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("surname", String(128)),
    Column("mentions", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("aliases", JSON, nullable=False),
    Index("ix_entities_surname", "surname"),
)

article_entities = Table(
    "article_entities",
    metadata,
    Column("article_id", String(255), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("entity_key", String(300), ForeignKey("entities.key", ondelete="CASCADE"), primary_key=True),
    Column("name", String(300), nullable=False),
    Column("mentions", Integer, nullable=False),
    Column("titles", JSON, nullable=False),
    Index("ix_article_entities_entity", "entity_key"),
)

places = Table(
    "places",
    metadata,
    Column("place_id", String(64), primary_key=True),
    Column("name", String(300), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("country", String(8)),
    Column("admin1", String(16)),
    Column("lat", Float),
    Column("lon", Float),
)

article_places = Table(
    "article_places",
    metadata,
    Column("article_id", String(255), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("place_id", String(64), ForeignKey("places.place_id", ondelete="CASCADE"), primary_key=True),
    Column("mentions", Integer, nullable=False),
    Column("names", JSON, nullable=False),
    Index("ix_article_places_place", "place_id"),
)

# --- stories (migration 0003) -----------------------------------------------------------------

stories = Table(
    "stories",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text),
    Column("event_date", String(10)),
    Column("first_seen", String(32)),
    Column("last_seen", String(32)),
    Column("articles", Integer, nullable=False),
    Column("outlets", JSON, nullable=False),
    Column("languages", JSON, nullable=False),
    Column("places", JSON, nullable=False),
    Column("entities", JSON, nullable=False),
    Column("origins", Integer, nullable=False),
    Column("wire_copies", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_stories_last_seen", "last_seen"),
    Index("ix_stories_event_date", "event_date", "last_seen"),  # migration 0007
    Index("ix_stories_first_seen", "first_seen"),  # migration 0007
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("article_id", String(255), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", String(32), ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("score", Float, nullable=False),
    Index("ix_story_articles_story", "story_id"),
)

story_redirects = Table(
    "story_redirects",
    metadata,
    Column("old_id", String(32), primary_key=True),
    Column("new_id", String(32), nullable=False),
    Column("reason", String(16), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

story_events = Table(
    "story_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("kind", String(16), nullable=False),  # merge, split
    Column("story_id", String(32), nullable=False),
    Column("other_id", String(32), nullable=False),
    Column("articles", Integer, nullable=False),
)

# --- story reports (migration 0004) -----------------------------------------------------------

story_reports = Table(
    "story_reports",
    metadata,
    Column("story_id", String(32), ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("version", Integer, nullable=False),  # FACTS_VERSION of the code that computed it
    Column("story_updated_at", DateTime(timezone=True), nullable=False),
    Column("computed_at", DateTime(timezone=True), nullable=False),
    Column("conflicts", Integer, nullable=False),
    Column("facts", Integer, nullable=False),
    Column("report", JSON, nullable=False),
)

# --- pending work (migration 0005) ------------------------------------------------------------

pending_work = Table(
    "pending_work",
    metadata,
    Column("stage", String(8), primary_key=True),  # read, story
    Column("article_id", String(255), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
)
