"""Serve: the JSON API and the server-rendered web UI over the store (``parallax serve``; see
docs/web.md).  ``app.create_app(database)`` builds the FastAPI application."""
