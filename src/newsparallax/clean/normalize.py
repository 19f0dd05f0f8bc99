"""Stage ``normalize``: one canonical form for the characters and whitespace of a body and its title.

What it does to the body, in order:

* Unicode NFC (composed accents: ``e`` + combining acute → ``é``).  Not NFKC: ligatures,
  full-width forms and superscripts are left as the source printed them.
* Line endings ``\\r\\n``, ``\\r``, NEL, LS, VT and FF become ``\\n``; the paragraph separator
  U+2029 becomes a blank line.
* Invisible characters (zero-width space, word joiner, BOM, soft hyphen) are dropped; ZWJ and
  ZWNJ are kept because Persian, Indic scripts and emoji need them.
* Non-breaking and other typographic spaces become a plain space.
* Control characters other than ``\\n`` and ``\\t`` are dropped.
* Every line is stripped and runs of spaces/tabs inside it become one space.
* Paragraphs are separated by exactly one blank line.  Single newlines inside a paragraph are
  kept: scraped news often has one paragraph per line, so lines are never joined.

The title gets the same character clean-up and is folded onto one line (``None`` when empty).
"""

from __future__ import annotations

import logging
import re
import unicodedata

from newsparallax.model import Article
from newsparallax.pipeline import stage

logger = logging.getLogger(__name__)

#: Line and paragraph breaks other than ``\n``.
_LINE_BREAKS = str.maketrans({"\r": "\n", "\x85": "\n", "\u2028": "\n", "\x0b": "\n", "\x0c": "\n"})
#: Zero-width and soft characters that carry nothing in news text.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
#: Spaces that print as a space: NBSP, ogham, en/em/thin/hair spaces, narrow NBSP, math, ideographic.
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
#: C0/C1 control characters except tab (\x09) and newline (\x0a).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACE_RUN = re.compile(r"[ \t]+")
_BLANK_RUN = re.compile(r"\n{2,}")
_ANY_WS = re.compile(r"\s+")


@stage("normalize", needs=("text", "title"), adds=("normalized",))
def normalize(article: Article) -> Article:
    """Normalise ``article.text`` and ``article.title`` in place (see the module docstring)."""
    before = len(article.text)
    article.text = normalize_text(article.text)
    article.title = normalize_title(article.title)
    logger.debug("normalize %s: %d -> %d chars", article.id, before, len(article.text))
    return article


def normalize_text(text: str) -> str:
    """The normalised form of a body: NFC, plain spaces, ``\\n`` lines, one blank line between paragraphs."""
    text = clean_characters(text)
    lines = (_SPACE_RUN.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip()


def normalize_title(title: str | None) -> str | None:
    """A title on one line with single spaces, or ``None`` when nothing is left."""
    if title is None:
        return None
    folded = _ANY_WS.sub(" ", clean_characters(title)).strip()
    return folded or None


def clean_characters(text: str) -> str:
    """NFC, ``\\n`` line endings, no invisible or control characters, odd spaces made plain."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\u2029", "\n\n").translate(_LINE_BREAKS)
    text = _INVISIBLE.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    return _CONTROL.sub("", text)
