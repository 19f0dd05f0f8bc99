"""Serve (next): the JSON API and web UI over the store.  Empty until that issue lands; the CLI in
``cli`` is the interface today."""
