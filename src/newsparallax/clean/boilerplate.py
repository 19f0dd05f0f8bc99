"""Stage ``boilerplate``: page furniture and doubled captions scraped along with the story.

Two passes over the lines of a normalised body:

1. **Boilerplate lines.**  A whole line (stripped, compared case-insensitively) that matches one
   of :data:`BOILERPLATE_PATTERNS` and is at most :data:`MAX_LINE` characters long, or one of
   :data:`NOTICE_PATTERNS` (cookie, consent and browser notices, which run longer) and at most
   :data:`MAX_NOTICE` characters, is dropped.  Patterns are anchored at both ends, so a real
   paragraph that merely mentions "share" or "cookies" is never touched.
2. **Repeats.**  A paragraph or line of at least :data:`MIN_REPEAT_WORDS` words that repeats an
   earlier one (after whitespace normalisation) is dropped, and so is one that is a cut-short copy
   of its neighbour (a caption printed twice, once truncated); the fuller copy is kept.

Counts go to ``article.layers["clean"]["boilerplate_removed"]`` and ``["repeats_removed"]``.  When
every line would go (a sign-up or paywall page scraped instead of the story), an article with a
headline keeps only the headline (it is then headline-only, and a note says so: the notice would
otherwise read as its text, and every page showing the same notice as a copy of the others); one
without a headline keeps its text as it was, with a note.  Photo credits at the end of captions
("Photo / AP") stay part of the caption.
"""

from __future__ import annotations

import logging
import re

from newsparallax.model import Article
from newsparallax.pipeline import stage

logger = logging.getLogger(__name__)

MAX_LINE = 120
MAX_NOTICE = 300
MIN_REPEAT_WORDS = 5

_NETWORKS = (
    r"(?:facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|telegram|messenger|email|e-mail|sms"
    r"|bluesky|threads)"
)


def _line(*alternatives: str) -> re.Pattern[str]:
    """A case-insensitive whole-line pattern: any of ``alternatives``, then optional ``.!:…``."""
    return re.compile(rf"(?:{'|'.join(alternatives)})[.!:…]*", re.IGNORECASE)


#: Short page-furniture lines, each matched against a whole stripped line of at most MAX_LINE chars.
BOILERPLATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    # share buttons and bars: "Share this article", "Share on Facebook", "Tweet", "Email", "Print"
    _line(
        rf"share(?: this| the)?(?: article| story| page| post| video| link)?(?: (?:on|via|to) {_NETWORKS})?"
    ),
    _line(
        rf"(?:tweet|email|e-mail|print|pin|save|copy link|link copied|{_NETWORKS})",
        r"(?:email|e-mail|print) this(?: article| story| page)?",
    ),
    _line(r"click to [\w ,]{1,60}(?: \(opens in (?:a )?new window\))?"),
    _line(r"opens in (?:a )?new window", "share via", "share to", "sharing options"),
    # related content and read-more links: "Related stories", "Related: ...", "Read more: ..."
    _line(r"related(?: stories| articles| news| content| coverage| links| topics| videos?)?(?::.*)?"),
    _line(r"(?:read|see|watch) (?:more|also|next)(?::.*)?", r"(?:also read|more|see also|top stories):.*"),
    # advertising
    _line(
        "advertisement",
        "advertising",
        "ad",
        r"sponsored(?: content)?",
        r"(?:story|article) continues below.*",
    ),
    _line(
        r"scroll (?:down )?to continue(?: with content)?",
        r"continue reading(?: below)?",
        r"skip (?:to )?(?:main )?content",
    ),
    # newsletters, subscriptions and alerts
    _line(
        r"subscribe(?: now| here| today)?", r"sign up(?: now| here| today)?", "sign in", "log in", "register"
    ),
    _line(
        r"(?:subscribe|sign up) (?:to|for) "
        r".*(?:newsletter|briefing|alerts?|updates|emails?|digest|podcast|channel).*"
    ),
    _line(r"get (?:email |e-mail |push )?(?:notifications|alerts) on .*"),
    _line(
        "your notification has been saved",
        r"notifications? (?:turned on|enabled)",
        r"you(?:'re| are) (?:now )?subscribed.*",
    ),
    # copyright and social follow lines
    _line(r"(?:copyright|©|\(c\)).{0,100}all rights reserved", "all rights reserved"),
    _line(rf"follow (?:us|@\w+|[\w .'-]{{1,40}}) on (?:{_NETWORKS}|instagram|youtube|tiktok|google news).*"),
    # single-word widgets
    _line(r"(?:\d+ )?comments?", "close", "menu", "loading", "back to top", r"listen(?: to this article)?"),
    _line("image", "photo", "video"),
)

#: Cookie, consent, captcha and "enable JavaScript" notices (whole lines of at most MAX_NOTICE chars).
NOTICE_PATTERNS: tuple[re.Pattern[str], ...] = (
    _line(r"(?:we|this (?:web)?site) uses? cookies\b.*", r"(?:accept|allow|reject)(?: all)? cookies.*"),
    _line(
        r"(?:manage |cookie )(?:settings|preferences|policy|consent).*",
        r"by (?:continuing|using) this site.*cookies.*",
    ),
    _line(
        r"(?:please )?(?:complete|solve|enter) the captcha.*",
        r"captcha(?: verification| check| required)?",
    ),
    _line(r"(?:please )?verify (?:that )?you(?:'re| are) (?:a )?human.*", r"are you a robot\??"),
    _line(
        r"(?:please )?(?:enable|turn on) javascript.*", r"javascript is (?:disabled|required|not enabled).*"
    ),
    _line(
        r"your browser does not support.*",
        r"(?:you need|please use) a (?:modern|supported|newer) browser.*",
    ),
    # account, sign-up and paywall pages scraped instead of the story
    _line(
        r"just one more thing\.*",
        r"we have sent you a verification email.*",
        r"if you do not receive the verification (?:message|email).*",
        r"thank you for (?:registering|signing up)!?",
        r"we look forward to seeing you frequently.*",
        r"(?:close )?get (?:email |e-mail )?notifications on (?:.{1,60} )?daily!?",
        r"there was a problem saving your notification\.?",
        r"whenever (?:.{1,60} )?posts new content, you.ll get an email.*",
        r"email notifications are only sent once a day.*",
    ),
    _line(
        r"you are the owner of this article\.?",
        r"already a (?:subscriber|member)\??",
        r"click (?:on )?the button below to set up your account.*",
        r"want to become a (?:full access )?subscriber\??",
        r"we offer delivery options to fit your lifestyle.*",
        r"enjoy the convenience of home delivery.*",
        r"sorry, this zip ?code is not in our deliverable area.*",
        r"re-enter zip ?code or sign up for digital access\.?",
        r"(?:get|total) digital access",
        r"total access",
        r"\d+ of \d+ premium clicks used this month",
        r"full text (?:is )?available to (?:premium )?subscribers only.*",
        r"or,? use your facebook account:?",
    ),
    _line(
        r"the interactive transcript could not be loaded\.?",
        r"rating is available when the video has been rented\.?",
        r"this feature is not available right now\..*",
        r"the previous page is sending you to .*",
        r"we(?:'re| are) always interested in what you(?:'re| are) seeing and hearing.*",
        r"send us your news tips.*",
        r"submit here",
        r"we invite you to use our commenting platform.*",
    ),
)


def _combined(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """One pattern matching what any of ``patterns`` matches (one regex pass per line, not twenty)."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)


_ANY_BOILERPLATE = _combined(BOILERPLATE_PATTERNS)
_ANY_NOTICE = _combined(NOTICE_PATTERNS)
_WS = re.compile(r"\s+")
_TRUNCATION = re.compile(r"(?:\.\.\.|…)\s*$")


@stage("boilerplate", needs=("normalized",), adds=("boilerplate",))
def remove_boilerplate(article: Article) -> Article:
    """Drop boilerplate lines and repeated paragraphs; count both in ``layers["clean"]``."""
    paragraphs = [p.split("\n") for p in article.text.split("\n\n") if p]
    paragraphs, dropped = _drop_boilerplate(paragraphs)
    paragraphs, repeats = _drop_repeats(paragraphs)
    cleaned = "\n\n".join("\n".join(lines) for lines in paragraphs)
    if article.text.strip() and not cleaned.strip() and not (article.title or "").strip():
        article.notes.append("boilerplate: every line looked like boilerplate; the body was kept as it was")
        dropped = repeats = 0
    else:
        if article.text.strip() and not cleaned.strip():
            article.notes.append("boilerplate: the page held no story text, only its headline")
        article.text = cleaned
    layer = article.layers.setdefault("clean", {})
    layer["boilerplate_removed"] = dropped
    layer["repeats_removed"] = repeats
    logger.debug("boilerplate %s: %d lines, %d repeats", article.id, dropped, repeats)
    return article


def is_boilerplate(line: str) -> bool:
    """Whether a whole line is page furniture (see :data:`BOILERPLATE_PATTERNS`, :data:`NOTICE_PATTERNS`)."""
    line = line.strip()
    if len(line) <= MAX_LINE and _ANY_BOILERPLATE.fullmatch(line):
        return True
    return len(line) <= MAX_NOTICE and _ANY_NOTICE.fullmatch(line) is not None


def _drop_boilerplate(paragraphs: list[list[str]]) -> tuple[list[list[str]], int]:
    kept: list[list[str]] = []
    dropped = 0
    for lines in paragraphs:
        good = [line for line in lines if not is_boilerplate(line)]
        dropped += len(lines) - len(good)
        if good:
            kept.append(good)
    return kept, dropped


def _drop_repeats(paragraphs: list[list[str]]) -> tuple[list[list[str]], int]:
    """Drop repeated paragraphs, then repeated or truncated lines; returns what is left and the count."""
    seen: set[str] = set()
    unique: list[list[str]] = []
    for lines in paragraphs:
        key = _key("\n".join(lines))
        if _long_enough(key) and key in seen:
            continue
        seen.add(key)
        unique.append(lines)
    removed = len(paragraphs) - len(unique)
    flat = [(number, line) for number, lines in enumerate(unique) for line in lines]
    keep = _lines_to_keep([line for _, line in flat])
    removed += len(flat) - sum(keep)
    regrouped: list[list[str]] = [[] for _ in unique]
    for (number, line), wanted in zip(flat, keep, strict=True):
        if wanted:
            regrouped[number].append(line)
    return [lines for lines in regrouped if lines], removed


def _lines_to_keep(lines: list[str]) -> list[bool]:
    """For each line, False when it repeats an earlier line or is a cut-short copy of a neighbour."""
    keys = [_key(line) for line in lines]
    keep = [True] * len(lines)
    seen: set[str] = set()
    for i, key in enumerate(keys):
        if _long_enough(key):
            if key in seen or _truncated_copy(key, keys, i):
                keep[i] = False
            seen.add(key)
    return keep


def _truncated_copy(key: str, keys: list[str], i: int) -> bool:
    """Whether line ``i`` is a shorter copy of the line before or after it."""
    stem = _TRUNCATION.sub("", key).rstrip()
    neighbours = keys[i + 1 : i + 2] + keys[max(i - 1, 0) : i]
    return any(len(other) > len(key) and other.startswith(stem) for other in neighbours)


def _key(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _long_enough(key: str) -> bool:
    return len(key.split(" ")) >= MIN_REPEAT_WORDS
