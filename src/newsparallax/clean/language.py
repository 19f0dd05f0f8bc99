"""Stage ``language``: the ISO 639-1 code of an article's language.

A language given by the input (``"en-US"``, ``"EN"``, ``"fra"``) is kept, reduced to its primary
subtag and to the two-letter code where one exists.  Otherwise the body (the title and body when
the body is very short) is classified with py3langid, whose model is loaded on first use, not at
import.  py3langid's full label set is kept; its few ISO 639-3 labels that belong to a macrolanguage
with a two-letter code are folded into it (``arz`` → ``ar``, ``yue`` → ``zh``), the rest stay as
three-letter codes.  ``None`` when there is nothing to classify.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from newsparallax.model import Article
from newsparallax.pipeline import stage

logger = logging.getLogger(__name__)

#: Characters of a body classified at most; the start of an article says enough.
MAX_CHARS = 1000
#: Bodies with fewer letters than this are classified together with the title.
MIN_LETTERS = 20

#: Codes that mean "no language": undetermined, no linguistic content, multiple, uncoded.
_NO_LANGUAGE = frozenset({"und", "zxx", "mul", "mis"})
#: Three-letter (ISO 639-2/3) and retired codes → ISO 639-1.  Covers py3langid's labels and the
#: codes feeds most often carry.
_TO_639_1 = {
    "ara": "ar", "ary": "ar", "arz": "ar", "uzs": "uz", "gug": "gn", "fuv": "ff", "sdh": "ku",
    "wuu": "zh", "yue": "zh", "zho": "zh", "chi": "zh", "hbo": "he", "grc": "el",
    "eng": "en", "fra": "fr", "fre": "fr", "spa": "es", "deu": "de", "ger": "de", "ita": "it",
    "por": "pt", "rus": "ru", "jpn": "ja", "kor": "ko", "nld": "nl", "dut": "nl", "pol": "pl",
    "tur": "tr", "ukr": "uk", "heb": "he", "hin": "hi", "fas": "fa", "per": "fa", "swe": "sv",
    "iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro",
}  # fmt: skip
_CODE = re.compile(r"[a-z]{2,3}")
_LETTER = re.compile(r"[^\W\d_]")

_classify: Callable[[str], tuple[str, float]] | None = None


@stage("language", needs=("normalized",), adds=("language",))
def detect_language(article: Article) -> Article:
    """Keep a given language (normalised) or classify the text; leaves ``None`` when there is no text."""
    given = article.language
    if given and given.strip():
        code = normalize_code(given)
        if code is not None:
            article.language = code
            return article
        article.notes.append(f"language: ignored unrecognised language code {given!r}; detected instead")
    article.language = guess_language(_sample(article))
    return article


def normalize_code(value: str) -> str | None:
    """``"en-US"`` → ``"en"``, ``"EN"`` → ``"en"``, ``"fra"`` → ``"fr"``; ``None`` for non-codes, ``und``."""
    primary = re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]
    if not _CODE.fullmatch(primary) or primary in _NO_LANGUAGE:
        return None
    return _TO_639_1.get(primary, primary)


def guess_language(text: str) -> str | None:
    """The language py3langid finds in ``text`` (first :data:`MAX_CHARS` characters), or ``None``."""
    sample = text[:MAX_CHARS]
    if not _LETTER.search(sample):
        return None
    label, score = _classifier()(sample)
    logger.debug("py3langid: %s (%.1f)", label, score)
    return normalize_code(str(label))


def _sample(article: Article) -> str:
    """The body, or title and body when the body has fewer than :data:`MIN_LETTERS` letters."""
    body = article.text[: MAX_CHARS * 2]
    if len(_LETTER.findall(body)) >= MIN_LETTERS:
        return body
    return f"{article.title or ''}\n{body}".strip()


def _classifier() -> Callable[[str], tuple[str, float]]:
    """py3langid's ``classify``, imported (and its model loaded) on first use."""
    global _classify
    if _classify is None:
        from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

        from newsparallax.cache_dir import load_or_build

        def build() -> LanguageIdentifier:
            return LanguageIdentifier.from_model_file(MODEL_FILE)  # py3langid's own default

        identifier = load_or_build("py3langid", "py3langid", [MODEL_DIR / MODEL_FILE], build)
        classify: Callable[[str], tuple[str, float]] = identifier.classify
        _classify = classify
    return _classify
