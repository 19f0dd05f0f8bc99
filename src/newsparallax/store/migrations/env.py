"""Alembic environment: runs on the connection Parallax hands it (``config.attributes['connection']``)."""

from __future__ import annotations

from alembic import context

from newsparallax.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    raise RuntimeError("Run migrations through newsparallax.store.db.open_store(), not the alembic CLI.")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
