"""Parallax: turn a pile of news reports into a checked picture of what happened.

The package's folders follow the pipeline: ``ingest`` (readers) → ``clean`` → ``read`` →
``stories`` → ``facts`` → ``store`` → ``serve``; ``engine`` runs it, ``cli`` drives it.
Nothing heavy happens at import time.
"""

__version__ = "0.1.0"
