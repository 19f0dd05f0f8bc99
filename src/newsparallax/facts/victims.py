"""Telling victims apart: is the one described as shot someone other than the dead?

A report that counts a death and also says "a man was shot" usually describes the dead man twice;
but "a pregnant woman was shot ... the unborn child was killed", "three women were killed ... a man
was wounded" or "another man was also shot" describe someone else.  Two descriptions name other
people when the words say so (another, a second, also) or when their kinds exclude each other: a man
is not a woman, a baby is not a grown man; the shooter named after "by" is neither.
:func:`another_wounded` finds such a victim where the report counts no wounded, and
:func:`victim_nouns` is the one list of the nouns that name victims (headlines, conjoined groups).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsparallax.facts.claims import ArticleInput
from newsparallax.read.layers import Quantity

#: The nouns a count of victims counts, singular (:func:`victim_nouns` adds the plurals).
_KIN = (
    "mother father son daughter husband wife brother sister grandmother grandfather stepfather stepmother "
    "girlfriend boyfriend cousin uncle aunt nephew niece mom dad"
)
_YOUNG = "boy girl child kid teen teenager toddler baby infant newborn juvenile student"
_OTHERS = "man woman adult male female officer friend neighbor neighbour"
_COLLECTIVE = "person victim"  # a total, never one group of several ("six people, three men and ...")
_IRREGULAR = {"man": "men", "woman": "women", "child": "children", "wife": "wives", "person": "people"}
_AGED_NOUN = r"(?:\d{1,2}|[a-z]+)-(?:year|month)-olds?"


def victim_nouns(collective: bool = True) -> str:
    """One victim or several, as a regex alternation ("man", "women", "daughters", "5-year-olds");
    ``collective``: with the nouns of a total too ("people", "victims")."""
    nouns = f"{_KIN} {_YOUNG} {_OTHERS} {_COLLECTIVE if collective else ''}".split()
    return "|".join([*nouns, *(_IRREGULAR.get(n, f"{n}s") for n in nouns), _AGED_NOUN])


_DIFFERENT = re.compile(r"\b(?:another|other|second|third|also)\b", re.IGNORECASE)
_MALE = re.compile(
    r"\b(?:man|men|boys?|father|sons?|husband|brothers?|grandfather|stepfather|uncle|nephew|male)\b",
    re.IGNORECASE,
)
_FEMALE = re.compile(
    r"\b(?:woman|women|girls?|mother|daughters?|wife|sisters?|grandmother|stepmother|aunt|niece|female|"
    r"pregnant|girlfriend)\b",
    re.IGNORECASE,
)
_CHILD = re.compile(
    r"\b(?:child|children|baby|babies|infant|toddler|unborn|kids?|boys?|girls?|(?:[1-9]|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve)-(?:year|month)-old)\b",
    re.IGNORECASE,
)
_ADULT = re.compile(
    r"\b(?:man|men|woman|women|adults?|father|mother|husband|wife|grandmother|grandfather)\b", re.I
)
_OPPOSITES = ((_MALE, _FEMALE), (_FEMALE, _MALE), (_CHILD, _ADULT), (_ADULT, _CHILD))
#: Who shot, not who was shot: "shot in the head by her 4-year-old child" names the shooter.
_AGENT = re.compile(r"\bby\b.*$", re.IGNORECASE | re.DOTALL)
#: "Another 5-year-old was hurt", "a second man was critically injured" (not "fatally shot").
_ANOTHER_HURT = re.compile(
    r"\b(?:another|a\s+(?:second|third)|one\s+other)\s+(?:[\w-]+\s+){0,4}?(?:who\s+)?(?:was|is|has\s+been)\s+"
    r"(?:also\s+)?(?:(?:critically|seriously|accidentally)\s+)?(?:wounded|injured|hurt|shot)\b",
    re.IGNORECASE,
)
_THEN_DIED = re.compile(
    r"\s*,?\s*(?:and\s+)?(?:(?:later|has|had|since|was|were|then)\s+){0,2}(?:died|dead|killed|to\s+death|"
    r"pronounced\s+dead)\b",
    re.IGNORECASE,
)


def other_victim(described: str, dead: str) -> bool:
    """Whether ``described`` (one victim said to be shot or hurt) names someone other than ``dead``."""
    described, dead = _AGENT.sub("", described), _AGENT.sub("", dead)
    if _DIFFERENT.search(described):
        return True
    return any(_only(described, a, b) and _only(dead, b, a) for a, b in _OPPOSITES)


def _only(text: str, kind: re.Pattern[str], opposite: re.Pattern[str]) -> bool:
    return bool(kind.search(text)) and not opposite.search(text)


def another_wounded(article: ArticleInput, sentences: int) -> Quantity | None:
    """In a report of a death, a victim the first ``sentences`` sentences set apart as another one
    wounded ("Another 5-year-old was hurt and Juliet Lynch was killed"): one injured."""
    for index, (start, end) in enumerate((article.layers.get("sentences") or [])[:sentences]):
        sentence = article.text[start:end]
        found = _ANOTHER_HURT.search(sentence)
        if found and not _THEN_DIED.match(sentence, found.end()):
            offset = start + found.start()
            return Quantity(
                offset, start + found.end(), found.group(), 1.0, category="injured", sentence=index
            )
    return None


_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}  # fmt: skip
#: "A fourth victim drove herself to a hospital", "an 8th teen was injured": at least that many were hit.
_PEOPLE = "|".join(f"{_YOUNG} {_OTHERS} person".split())
_NTH_VICTIM = re.compile(
    rf"(?<!homicide )\b(?:an?|the)\s+(?P<n>{'|'.join(_ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))\s+"
    rf"(?:(?:shooting|gunshot)\s+)?(?:victim\b|(?:{_PEOPLE})\b"
    r"(?=[^.;]{0,60}\b(?:shot|wounded|injured|hurt|hit|struck|gunshot))(?![^.;]{0,60}\bnot\s+(?:been\s+)?shot))",
    re.IGNORECASE,
)


def nth_victim(article: ArticleInput, sentences: int, tally: Callable[[str, int], bool]) -> Quantity | None:
    """The highest "Nth victim" the first ``sentences`` sentences number ("the fifth victim was
    driven to a hospital", "an 8th teen was injured"): at least N were shot, as one count of victims
    ("killed" not known).  A tally across events ("the city's 11th victim this year": ``tally(text,
    end)`` says so, :func:`.casualty_scope.tally_after`) is not one."""
    best: Quantity | None = None
    for index, (start, end) in enumerate((article.layers.get("sentences") or [])[:sentences]):
        for found in _NTH_VICTIM.finditer(article.text, start, end):
            if tally(article.text, found.end()):
                continue
            raw = found.group("n").lower()
            value = float(_ORDINALS.get(raw) or int(raw[:-2]))
            if best is None or value > best.value:
                best = Quantity(
                    found.start(), found.end(), found.group(), value, category="shot", sentence=index
                )
    return best
