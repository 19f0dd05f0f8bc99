"""Store: SQLite (default) or PostgreSQL through SQLAlchemy; one write path, schema by Alembic."""
