"""Clean: turn a reader's raw article into a clean body with its metadata pulled out.

Stages, in their default order (each registered with :func:`newsparallax.pipeline.stage`):

``normalize``   Unicode NFC, typographic whitespace, line endings, blank-line runs
``dateline``    ``date 2019-03-25``/``CARACAS (Reuters) -`` prefixes and ``- With AP`` credits → metadata
``boilerplate`` share buttons, cookie and captcha notices, "Related stories", captions printed twice
``outlet``      the site name from the URL where the input named no outlet
``language``    ISO 639-1 code of the body
``fingerprint`` content hash used for exact-duplicate detection
"""

from __future__ import annotations

DEFAULT_CLEAN_STAGES = ("normalize", "dateline", "boilerplate", "outlet", "language", "fingerprint")

_registered = False


def register_stages() -> None:
    """Import the stage modules so their decorators run.  Cheap after the first call."""
    global _registered
    if _registered:
        return
    from newsparallax.clean import boilerplate, dateline, fingerprint, language, normalize, outlet  # noqa: F401

    _registered = True
