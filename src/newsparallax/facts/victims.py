"""Telling victims apart: is the one described as shot someone other than the dead?

A report that counts a death and also says "a man was shot" usually describes the dead man twice;
but "a pregnant woman was shot ... the unborn child was killed", "three women were killed ... a man
was wounded" or "another man was also shot" describe someone else.  Two descriptions name other
people when the words say so (another, a second, also) or when their kinds exclude each other: a man
is not a woman, a baby is not a grown man.
"""

from __future__ import annotations

import re

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


def other_victim(described: str, dead: str) -> bool:
    """Whether ``described`` (one victim said to be shot or hurt) names someone other than ``dead``."""
    if _DIFFERENT.search(described):
        return True
    return any(_only(described, a, b) and _only(dead, b, a) for a, b in _OPPOSITES)


def _only(text: str, kind: re.Pattern[str], opposite: re.Pattern[str]) -> bool:
    return bool(kind.search(text)) and not opposite.search(text)
