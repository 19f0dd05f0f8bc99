"""Stage ``dateline``: metadata printed into a body, moved into the article's fields.

* A leading ``date 2019-03-25`` line sets ``published`` (when the input gave none) and is removed.
* A dateline opening the first paragraph (``CARACAS (Reuters) -``, ``KIDRON, Ohio -``,
  ``PARIS, March 3 (Reuters) -``, ``Detroit —``, ``Caracas:``) goes to ``dateline`` (title-cased
  where it was ALL CAPS) and an agency in its parentheses to ``wires``.
* Wire credits among the last lines (``- With AP``, ``© Agence France-Presse``, ``(AFP)``,
  ``Associated Press contributed to this report.``) go to ``wires`` under a short name
  (:data:`AGENCIES`) and are removed.

Datelines are recognised conservatively, since a false positive deletes the start of a story.
*Strong* forms (an ALL CAPS place, or a wire in parentheses) are taken as they are.  *Weak* forms
(``Detroit —``, ``Caracas:``) must be followed on the same line by a sentence: a capital or digit
first, then ordinary lowercase words; they may not start with a title, pronoun or weekday
(``President Lee —``) nor contain a kicker (``Update:``, ``Analysis:``) or a possessive.
"""

from __future__ import annotations

import logging
import re

from newsparallax.model import Article, iso_published
from newsparallax.pipeline import stage

logger = logging.getLogger(__name__)

#: Wire agencies: the short name stored in ``Article.wires`` → the spellings recognised (any case).
AGENCIES: dict[str, tuple[str, ...]] = {
    "AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse", "Agence France Press"),
    "Reuters": ("Reuters", "Thomson Reuters"), "DPA": ("DPA", "Deutsche Presse-Agentur"),
    "EFE": ("EFE", "Agencia EFE"), "ANSA": ("ANSA",), "Xinhua": ("Xinhua", "Xinhua News Agency"),
    "TASS": ("TASS", "ITAR-TASS"), "Sputnik": ("Sputnik",), "Bloomberg": ("Bloomberg", "Bloomberg News"),
    "UPI": ("UPI", "United Press International"), "PA": ("PA", "Press Association", "PA Media"),
    "ANI": ("ANI", "Asian News International"), "IANS": ("IANS", "Indo-Asian News Service"),
    "PTI": ("PTI", "Press Trust of India"), "Kyodo": ("Kyodo", "Kyodo News"), "Yonhap": ("Yonhap",),
    "Anadolu": ("Anadolu", "Anadolu Agency"),
}  # fmt: skip


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _any_name(names: list[str]) -> str:
    """A regex alternation of ``names``, longest first, where a space or hyphen matches either."""
    escaped = (re.escape(n).replace(r"\ ", r"[\s-]").replace(r"\-", r"[\s-]") for n in names)
    return "(?:{})".format("|".join(sorted(escaped, key=len, reverse=True)))


_AGENCY_KEYS = {re.sub(r"[\s-]+", " ", s.casefold()): k for k, names in AGENCIES.items() for s in names}
_AGENCY = _any_name([s for names in AGENCIES.values() for s in names])
_LIST = rf"(?:the\s+)?\b{_AGENCY}\b(?:\s*(?:,|/|&|;|\+|\band\b)\s*(?:the\s+)?\b{_AGENCY}\b)*"
_CREDIT = re.compile(
    rf"""[-–—\s]*\(?\s*(?:
        (?:with|via|sources?\s*:)\s+(?:(?:additional\s+)?reporting\s+(?:by|from)\s+|(?:files|input)\s+from\s+)?{_LIST}
      | (?:additional\s+)?reporting\s+(?:by|from)\s+{_LIST}
      | (?:©|\(c\)|copyright)\s*(?:\d{{4}}\s*)?{_LIST}(?:\s*\d{{4}})?(?:\.?\s*all\s+rights\s+reserved)?
      | {_LIST}(?:\s+contributed(?:\s+to\s+this\s+(?:report|story|article))?)?
    )\s*\)?\.?""",
    re.IGNORECASE | re.VERBOSE,
)
#: A credit glued to the end of the last paragraph: ``... next week. - With AFP`` or ``... said. (AFP)``.
_TRAILING_CREDIT = re.compile(
    rf"(?<=[.!?\"”’])[ \t]*(?:[-–—]+[ \t]*with[ \t]+{_LIST}|\({_LIST}\))\.?\Z", re.IGNORECASE
)
_TAIL_LINES = 4
_MAX_CREDIT = 120

_DATE_LINE = re.compile(
    r"[ \t]*date[ \t]*:?[ \t]*(?P<date>\d{4}-\d{2}-\d{2})\b(?![ \t]+(?-i:[a-z]))\s*", re.IGNORECASE
)
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec|january|february|march|april|june|july|august"
    "|september|october|november|december|ene|enero|febrero|marzo|abr|abril|mayo|junio|julio|ago|agosto"
    "|septiembre|octubre|noviembre|dic|diciembre|janv|janvier|févr|février|mars|avr|avril|mai|juin"
    "|juil|juillet|août|septembre|octobre|novembre|déc|décembre"
)
_W = r"[^\W\d_][\w'’.&-]*"
_DATE = rf"(?:(?i:{_MONTHS})\b\.?\ \d{{1,2}}|\d{{1,2}}\ (?:de\ )?(?i:{_MONTHS})\b\.?)(?:,?\ \d{{4}})?"
_DATELINE = re.compile(
    rf"""(?P<place>{_W}(?:\ {_W}){{0,5}})
    (?:,\ (?P<region>{_W}(?:\ {_W}){{0,2}}))?
    (?:,\ (?P<date>{_DATE}))?
    \ *(?:\((?P<wire>[^()\n]{{1,40}})\)\.?)?
    (?P<sep>\ *(?:--|[–—])|\ +-|(?<=[.)])-|-(?=\s)|\ *:(?=\s))
    (?P<gap>\s*)""",
    re.VERBOSE,
)
_WIRE_ONLY = re.compile(r"\((?P<wire>[^()\n]{1,40})\)\.?\s*(?:--|[-–—:])\s*")
_WIRE_SPLIT = re.compile(r"\s*(?:/|,|&|;|\band\b)\s*")
_CAPS_ORG = re.compile(r"[A-Z][A-Z0-9.&-]+(?: [A-Z][A-Z0-9.&-]+){0,2}")
_POSSESSIVE = re.compile(r"['’]s$")
MAX_DATELINE = 40

#: Lowercase words allowed inside a place name ("Rio de Janeiro"); lowercased when title-casing.
_PARTICLES = _words("de del della di da do dos das du des la las los le les el al y sur en au aux")
_TITLE_PARTICLES = _PARTICLES | {"of", "on", "upon", "am", "an", "der", "den"}
#: Words that are never part of a place: kickers, labels, and organisations often printed in capitals.
_NOT_PLACES = _words(
    """breaking update updated updates exclusive watch video videos photos photo live opinion analysis
    editorial note correction listen read alert urgent flash comment review interview factbox explainer
    warning advertisement related source sources file graphic summary highlights transcript caption credit
    q&a poll report survey study recap developing just fact check quote audio gallery podcast sponsored
    nato opec fifa uefa nasa unicef unesco asean brics eu un us uk who imf"""
)
#: First words that make a weak dateline a sentence instead: titles, pronouns, determiners, days.
_STARTERS = _words(
    """mr mrs ms dr sir dame lord lady president vice prime minister mayor governor gov sen senator rep
    judge justice general gen col capt sgt officer chief king queen prince princess pope father rev police
    officials residents witnesses the a an this that these those it its he she they we i you his her their
    our my but and or so yet then now yesterday today tonight tomorrow monday tuesday wednesday thursday
    friday saturday sunday here there what why how when where who which in on at for with by from as if
    after before meanwhile however also"""
)
_PRONOUNS = _words("i we you my our me us")


@stage("dateline", needs=("normalized",), adds=("dateline",))
def extract_dateline(article: Article) -> Article:
    """Move a leading date, a dateline and wire credits out of the body into the article's fields."""
    text, published = take_date(article.text)
    if published and article.published is None:
        article.published = published
    text, place, wires = split_dateline(text)
    text, credits = take_credits(text)
    if place and not article.dateline:
        article.dateline = place
    article.wires = list(dict.fromkeys([*article.wires, *wires, *credits]))
    article.text = text
    logger.debug("dateline %s: place=%r wires=%r", article.id, place, article.wires)
    return article


def agency_name(name: str) -> str | None:
    """The short name of a wire agency (``"Agence France-Presse"`` → ``"AFP"``), or ``None``."""
    key = re.sub(r"[\s-]+", " ", name.casefold()).strip().removeprefix("the ")
    return _AGENCY_KEYS.get(key)


def take_date(text: str) -> tuple[str, str | None]:
    """Remove a leading ``date YYYY-MM-DD``; return the rest and the ISO date (``None`` if invalid)."""
    match = _DATE_LINE.match(text)
    if match is None:
        return text, None
    return text[match.end() :], iso_published(match["date"])


def split_dateline(text: str) -> tuple[str, str | None, list[str]]:
    """Remove a dateline or bare ``(AFP) -`` opening the body; return the rest, the place, the agencies."""
    match = _DATELINE.match(text)
    if match is not None and match.end() < len(text):
        wires = _wire_names(match["wire"]) if match["wire"] else []
        if wires is not None and _is_dateline(match, text, bool(match["wire"])):
            return text[match.end() :], _display(match["place"], match["region"]), wires
    bare = _WIRE_ONLY.match(text)
    if bare is not None and bare.end() < len(text):
        parts = _WIRE_SPLIT.split(bare["wire"].strip())
        names = [agency_name(part) for part in parts]
        if all(names):
            return text[bare.end() :], None, [n for n in names if n]
    return text, None, []


def take_credits(text: str) -> tuple[str, list[str]]:
    """Remove wire credits among the last lines (never the first line); return the rest and the agencies."""
    lines = text.split("\n")
    start = max(len(lines) - _TAIL_LINES, 1)
    kept, found = lines[:start], []
    for line in lines[start:]:
        if 0 < len(line.strip()) <= _MAX_CREDIT and _CREDIT.fullmatch(line.strip()):
            found.extend(_agencies_in(line))
        else:
            kept.append(line)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    trailing = _TRAILING_CREDIT.search(text)
    if trailing is not None:
        found = _agencies_in(trailing.group()) + found
        text = text[: trailing.start()].rstrip()
    return text, list(dict.fromkeys(found))


def _agencies_in(credit: str) -> list[str]:
    names = (agency_name(m.group()) for m in re.finditer(rf"\b{_AGENCY}\b", credit, re.IGNORECASE))
    return [n for n in names if n]


def _wire_names(inner: str) -> list[str] | None:
    """Agencies in a dateline's parentheses; ``None`` when they hold something other than agencies."""
    names: list[str] = []
    for part in _WIRE_SPLIT.split(inner.strip()):
        short = agency_name(part)
        if short is not None:
            names.append(short)
        elif not _CAPS_ORG.fullmatch(part) or part.casefold() in _NOT_PLACES:
            return None
    return names


def _is_dateline(match: re.Match[str], text: str, has_wire: bool) -> bool:
    words = match["place"].split(" ")
    head = (
        match.end("date") if match["date"] else match.end("region") if match["region"] else match.end("place")
    )
    if head >= MAX_DATELINE or not _place_ok(words, colon=":" in match["sep"]):
        return False
    if match["region"] is not None and not _capitalised(match["region"].split(" ")):
        return False
    if len(words) == 1 and _is_caps(words[0]) and len(_bare(words[0])) <= 3 and not has_wire:
        return False  # "US —", "EU:", "Q&A:"
    return has_wire or _is_caps(match["place"]) or _weak_ok(match, text)


def _place_ok(words: list[str], colon: bool) -> bool:
    """1-4 capitalised words (1-3 and no particles before a colon), no kicker and no possessive."""
    capitals = sum(w[0].isupper() for w in words)
    if not 1 <= capitals <= (3 if colon else 4) or (colon and capitals < len(words)):
        return False
    if any(_POSSESSIVE.search(w) or _bare(w) in _NOT_PLACES for w in words):
        return False
    return _capitalised(words)


def _capitalised(words: list[str]) -> bool:
    """Capitalised words, with lowercase particles ("de", "la") allowed only between them."""
    inner_ok = all(w[0].isupper() or w in _PARTICLES for w in words)
    return inner_ok and words[0][0].isupper() and words[-1][0].isupper()


def _bare(word: str) -> str:
    """A word casefolded without its punctuation: ``"U.S."`` → ``"us"``, ``"Gen."`` → ``"gen"``."""
    return re.sub(r"[^\w&]", "", word.casefold())


def _weak_ok(match: re.Match[str], text: str) -> bool:
    """A weak dateline must be followed, on its line, by a sentence: ``Detroit — The city council voted``."""
    if _bare(match["place"].split(" ")[0]) in _STARTERS or "\n" in match["gap"]:
        return False
    words = text[match.end() :].split("\n", 1)[0].split()[:6]
    if not words or not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    if _bare(words[0]) in _PRONOUNS:
        return False
    return sum(w[0].islower() for w in words[1:]) >= 2


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _display(place: str, region: str | None) -> str:
    """``"RIO DE JANEIRO"`` → ``"Rio de Janeiro"``; ``"KIDRON", "Ohio"`` → ``"Kidron, Ohio"``."""
    if _is_caps(place):
        parts = re.split(r"([ -])", place)
        place = "".join(
            p.lower() if i and p.lower() in _TITLE_PARTICLES else p.title() for i, p in enumerate(parts)
        )
    if region is None:
        return place
    shown = [w.title() if _is_caps(w) and len(w) > 2 and "." not in w else w for w in region.split(" ")]
    return f"{place}, {' '.join(shown)}"
