"""Casualties: the people an article says were killed or injured, with or without a number.

:func:`find_singular_casualties` adds what the number finder cannot see — one victim named by a
noun phrase: "a 20-year-old man was shot and killed", "the victim died at the hospital", "a woman
was wounded".  :func:`casualty_counts` sums an article's statements up into the killed and
injured counts it gives, preferring the lead: the first explicit count of each category,
"N shot, M fatally" read as M killed and N−M injured, and single victims where no count is given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsparallax.read.layers import Quantity
from newsparallax.read.victim_lists import find_victim_lists

_PERSON = (
    r"(?:man|woman|boy|girl|teen|teenager|toddler|child|person|victim|student|driver|officer|"
    r"deputy|trooper|clerk|father|mother|son|daughter|husband|wife|brother|sister|resident|motorist|"
    r"pedestrian|bystander|suspect|gunman|shooter|infant|baby|youth|juvenile|neighbou?r|friend|girlfriend|"
    r"boyfriend|cousin|uncle|aunt|nephew|niece|grandmother|grandfather|roommate|co-?worker|customer|employee|"
    r"guard|teacher|stepfather|stepson|fianc[ée]e?|partner|relative|sibling|classmate|patron|owner)"
)
_DETERMINER = r"(?:a|an|one|the|another)"
_MODIFIERS = r"(?:[\w'’-]+\s+){0,4}?"
_KILLED = (
    r"(?:was|has\s+been|had\s+been|is)\s+(?:\w+\s+){0,2}?(?:shot\s+(?:and\s+)?killed|shot\s+dead|"
    r"killed|slain|murdered|fatally\s+(?:shot|wounded|injured|stabbed)|pronounced\s+dead|found\s+dead)"
    r"|died|dies|was\s+dead|is\s+dead"
)
_INJURED = (
    r"(?:was|has\s+been|had\s+been|is)\s+(?:\w+\s+){0,2}?(?:shot|wounded|injured|hurt|hospitali[sz]ed|"
    r"grazed|struck)(?!\s+(?:and\s+)?(?:killed|dead))"
)
_SINGULAR = re.compile(
    rf"\b{_DETERMINER}\s+{_MODIFIERS}{_PERSON}\b(?P<gap>[^.;!?]{{0,80}}?)\b(?:(?P<killed>{_KILLED})|(?P<injured>{_INJURED}))",
    re.IGNORECASE,
)
_ACTIVE = re.compile(
    r"\b(?:(?P<killed>killing|killed|murdering|murdered|gunning\s+down|gunned\s+down|fatally\s+(?:shooting|shot|"
    r"stabbing|wounding))|(?P<injured>wounding|wounded|injuring|injured|shooting|shot))\s+"
    rf"(?:{_DETERMINER}|her|his|their|its)\s+{_MODIFIERS}{_PERSON}\b(?!\s+(?:and|or)\s+(?:\w+\s+){{0,3}}{_PERSON})",
    re.IGNORECASE,
)
_MULTIPLE = re.compile(
    r"\b(?P<n>double|triple|quadruple|quintuple)[\s-]+(?P<what>homicide|murder|killing|fatal\s+shooting|shooting)s?\b",
    re.IGNORECASE,
)
_ANOTHER = re.compile(
    r"\b(?:and|,)\s+(?:one\s+)?another(?:\s+\w+)?\s+(?:was\s+|were\s+)?(?:injured|wounded|hurt)\b|"
    r"\b(?:wounding|wounded|injuring|injured|hurting)\s+(?:one\s+)?(?:another|one\s+other)\b(?!\s+\w+\s+(?:was|were))",
    re.IGNORECASE,
)
_SELF = re.compile(
    r"(?<!fatally\s)\b(?:shot|shoots|shooting|wounded|wounding)\s+(?:him|her|it)self\b"
    r"(?!\s+(?:dead|to\s+death|fatally))",
    re.IGNORECASE,
)
_FATAL_AFTER = re.compile(
    r"\s+(?:(?:who|that|were|was|are|have|has|had|been|being|got|all|both|each|later|allegedly|reportedly|found)"
    r"\s+){0,3}"
    r"(?:shot\s+(?:and\s+killed|to\s+death|dead)|slain|murdered|gunned\s+down|fatally\s+shot)\b",
    re.IGNORECASE,
)
_MORTALLY_AFTER = re.compile(
    r"(?:\s+(?:\w+\s+){0,2}?(?:wounded|injured|hurt))?(?:\s*(?:,|--|—|–)\s*|\s+)"
    r"(?:(?:one|two|three|four|five|\d+)\s+(?:of\s+them\s+)?)?(?:mortally|fatally)\b",
    re.IGNORECASE,
)
_INCLUDING = re.compile(r"\b(?:including|among\s+them|among\s+whom)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: "Seven people, including the shooter, were killed": an aside naming one of them, then the verb.
_ASIDE_THEN = re.compile(
    r",\s+(?:including|among\s+them)\s+[^,.;:()]{2,60},\s+(?:were|have\s+been|had\s+been|are)\s+"
    r"(?:(?:all|later|reportedly|allegedly|critically|seriously)\s+)?"
    r"(?P<what>shot\s+(?:and\s+killed|to\s+death|dead)|fatally\s+(?:shot|wounded)|killed|slain|murdered|shot|wounded|injured|hurt)\b",
    re.IGNORECASE,
)
_ASIDE_CATEGORY = {"killed": "killed", "slain": "killed", "murdered": "killed", "shot": "shot",
                   "wounded": "injured", "injured": "injured", "hurt": "injured"}  # fmt: skip
_FATALLY_BEFORE = re.compile(r"\bfatally\s+(?:shot|shoots|shooting|wounded|wounding)\s+$", re.IGNORECASE)
_TIMES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
)
_SMALL = {word: value for value, word in enumerate(_NUMBER_WORDS.split())}
_SMALL_WORDS = _NUMBER_WORDS.split()[1:]
_N = r"(?P<n>\d{1,3}|" + "|".join(_SMALL_WORDS) + r")"
_ONE_OF = re.compile(rf"(?:one|1)\s+of\s+(?:the\s+)?{_N}\b", re.IGNORECASE)
_DIED_LATER = re.compile(r"\b(?:died|dies|was\s+killed)\b", re.IGNORECASE)
_OTHERS_TEXT = re.compile(r"\w+\s+(?:other\s+\w+|others)$", re.IGNORECASE)
_SOMEONE_AND = re.compile(
    rf"(?:\b(?:he|she)|\b(?:a|an|the)\s+(?:[\w'-]+\s+){{0,3}}?{_PERSON})\s+and\s+$", re.IGNORECASE
)
_WHO = (
    r"(?:people|persons|men|women|teens|teenagers|boys|girls|children|kids|adults|victims|others|"
    r"males|females)"
)
_PHRASES = (
    (re.compile(rf"\b(?:shoots|shot|shooting|hits|hit|wounds|injures)\s+{_N}\s+{_WHO}\b", re.I), "shot"),
    (
        re.compile(
            rf"\b(?:sen(?:t|ds|ding)|put(?:s|ting)?)\s+{_N}\s+{_WHO}?\s*(?:in)?to\s+(?:the\s+|area\s+|local\s+)?hospitals?\b",
            re.I,
        ),
        "injured",
    ),
    (
        re.compile(
            rf"\b{_N}\s+(?:other\s+)?{_WHO}\s+(?:are|were|remain)\s+(?:\w+\s+)?"
            r"(?:recovering|hospitali[sz]ed|being\s+treated|treated\s+for)\b",
            re.I,
        ),
        "injured",
    ),
    (
        re.compile(
            rf"(?<!\ball\s)(?<!\bthe\s)\b{_N}\s+(?:other\s+)?{_WHO}\s+(?:also\s+)?(?:sustained|suffered|received)\s+(?:[\w-]+\s+){{0,3}}?"
            r"(?:wounds|injuries)\b",
            re.I,
        ),
        "injured",
    ),
    (
        re.compile(
            rf"\b{_N}\s+(?:other\s+)?{_WHO}\s+(?:were|are)\s+(?:\w+\s+)?(?:taken|transported|rushed)\s+to\s+"
            r"(?:[\w'-]+\s+){0,3}?hospitals?\s+(?:in\s+(?:stable|fair|good|serious|critical)\s+condition|with\s+"
            r"(?:non-?\s*life|injuries|wounds|gunshot))",
            re.I,
        ),
        "injured",
    ),
    (
        re.compile(
            rf"\b{_N}\s+(?:\w+\s+){{0,3}}?{_WHO}?\s*(?:\w+\s+){{0,5}}?with\s+gunshot\s+wounds\b", re.I
        ),
        "injured",
    ),
    (
        re.compile(rf"\ball\s+{_N}\s+(?:victims|of\s+them|people)\s+were\s+(?:struck|hit|shot)\b", re.I),
        "shot",
    ),
)
_TOLL = re.compile(
    r"\b(?:(?:the\s+)?number\s+of\s+(?:people\s+|victims\s+)?(?P<what>injured|wounded|dead|killed|deaths|injuries)"
    r"|(?P<toll>death\s+toll|injury\s+(?:count|toll)))"
    r"\s+(?:[^\s.;!?]+\s+){0,14}?(?:rose|risen|rises|climbed|increased|reached|stands|stood|is|was|now)\s+(?:to\s+|at\s+)?"
    r"(?P<n>\d{1,4}|" + "|".join(_SMALL) + r")\b",
    re.IGNORECASE,
)
_PARTITIVE = re.compile(r"\s+of\s+(?:the|those|them|these)\b", re.IGNORECASE)
#: Categories that count victims.
_COUNTED = ("killed", "injured", "shot")


@dataclass(frozen=True)
class Casualties:
    killed: int | None
    injured: int | None


def find_singular_casualties(text: str, taken: Sequence[Quantity] = ()) -> list[Quantity]:
    """One-victim statements as quantities of 1 (category killed or injured), outside ``taken`` spans."""
    spans = [(q.start, q.end) for q in taken]
    found: list[Quantity] = []
    for match in _SINGULAR.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in spans) or re.search(r"\d", match.group("gap") or ""):
            continue
        category = "killed" if match.group("killed") else "injured"
        found.append(Quantity(start, end, text[start:end], 1.0, counted="people", category=category))
    return found


def find_active_casualties(text: str, taken: Sequence[Quantity] = ()) -> list[Quantity]:
    """Victims as objects: "accused of killing her husband", "wounding a bystander", "a double homicide",
    "killed his wife and two children" (see :mod:`.victim_lists`)."""
    found: list[Quantity] = find_victim_lists(text, taken)
    spans = [(q.start, q.end) for q in [*taken, *found]]
    for match in _ACTIVE.finditer(text):
        start, end = match.span()
        if not any(s < end and start < e for s, e in spans):
            category = "killed" if match.group("killed") else "injured"
            found.append(Quantity(start, end, text[start:end], 1.0, counted="people", category=category))
    for match in _ANOTHER.finditer(text):
        start, end = match.span()
        if not any(s < end and start < e for s, e in spans + [(q.start, q.end) for q in found]):
            found.append(Quantity(start, end, text[start:end], 1.0, counted="people", category="injured"))
    for match in _SELF.finditer(text):
        start, end = match.span()
        if not any(s < end and start < e for s, e in spans + [(q.start, q.end) for q in found]):
            found.append(Quantity(start, end, text[start:end], 1.0, counted="people", category="injured"))
    for match in _MULTIPLE.finditer(text):
        start, end = match.span()
        if not any(s < end and start < e for s, e in spans):
            category = "shot" if match.group("what").lower() == "shooting" else "killed"
            value = float(_TIMES[match.group("n").lower()])
            found.append(Quantity(start, end, text[start:end], value, counted="people", category=category))
    return found


def find_phrase_casualties(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Counts the number finder leaves without a casualty category: "shoots 4 people", "sent five
    people to the hospital", "three men with gunshot wounds".  A number already read without a
    category takes this one; otherwise a quantity is added.  Counts of people "shot and killed",
    "shot to death", "slain" or "murdered" become killed, and more (see :func:`refine_counts`)."""
    added: list[Quantity] = []
    for pattern, category in _PHRASES:
        for match in pattern.finditer(text):
            start, end = match.span("n")
            raw = match.group("n").lower()
            value = float(raw) if raw.isdigit() else float(_SMALL[raw])
            same = [q for q in quantities + added if q.start < end and start < q.end]
            if not same:
                added.append(Quantity(start, match.end(), text[start : match.end()], value, counted="people",
                                      category=category))  # fmt: skip
            elif all(q.category in (None, "people") for q in same):
                same[0].category = category
    refine_counts(text, quantities + added)
    return added


def refine_counts(text: str, quantities: Sequence[Quantity]) -> None:
    """What a reader makes of counts in their context (categories and values change in place):

    * "two men were shot and killed", "three women were shot to death", "5 murdered": killed;
    * "six people were wounded, two mortally": the six were shot (two of them died);
    * "seven people, including the shooter, were killed": killed; "fatally shot six people": killed;
    * "four people, including three children, were wounded": the four are the count, the three a part;
    * "one of four women wounded ... has died": four were shot; "he and three others were shot": four.
    """
    ordered = sorted(quantities, key=lambda q: q.start)
    for index, quantity in enumerate(ordered):
        _fatal_or_mortal(text, quantity)
        if quantity.category not in _COUNTED:
            continue
        if _INCLUDING.search(text, max(0, quantity.start - 24), quantity.start):
            _take_whole(text, ordered[:index], quantity)
        _one_of(text, quantity)
        _and_others(text, quantity)


def _fatal_or_mortal(text: str, quantity: Quantity) -> None:
    if quantity.category in ("people", None):
        _after_aside(text, quantity)
    fatally = quantity.category == "shot" and _FATALLY_BEFORE.search(
        text, max(0, quantity.start - 24), quantity.start
    )
    if fatally or (quantity.category in ("shot", "people", None) and _FATAL_AFTER.match(text, quantity.end)):
        quantity.category = "killed"  # "fatally shot six people", "two men were shot and killed"
    elif quantity.category == "injured" and _MORTALLY_AFTER.match(text, quantity.end):
        quantity.category = "shot"


def _after_aside(text: str, quantity: Quantity) -> None:
    """ "Seven people, including the shooter, were killed": the verb after the aside says what the
    seven were (an aside with its own count, "including three children", is :func:`_take_whole`'s)."""
    match = _ASIDE_THEN.match(text, quantity.end)
    if match is not None:
        what = match.group("what").lower()
        quantity.category = "killed" if what.startswith(("shot ", "fatally")) else _ASIDE_CATEGORY[what]


def _one_of(text: str, quantity: Quantity) -> None:
    """ "One of four women wounded ... has died": four were shot, not one."""
    match = _ONE_OF.match(quantity.text)
    if match is None or quantity.category == "killed":
        return
    raw = match.group("n").lower()
    quantity.value = float(raw) if raw.isdigit() else float(_SMALL[raw])
    end = text.find(".", quantity.end)
    if _DIED_LATER.search(text, quantity.end, end if end >= 0 else len(text)):
        quantity.category = "shot"


def _and_others(text: str, quantity: Quantity) -> None:
    """ "He and three others were shot", "a teenager and two others were wounded": one more."""
    if not _OTHERS_TEXT.match(quantity.text):
        return
    someone = _SOMEONE_AND.search(text, max(0, quantity.start - 60), quantity.start)
    if someone is not None:
        quantity.value += 1
        quantity.start = someone.start()
        quantity.text = text[quantity.start : quantity.end]


def _take_whole(text: str, earlier: Sequence[Quantity], part: Quantity) -> None:
    """The count a part is included in ("four people, including three children") takes its category;
    one victim singled out ("including a boy who died"), or the dead among the shot, stay counted."""
    if part.value == 1:
        return
    whole = next((q for q in reversed(earlier) if part.start - q.end < 40), None)
    if whole is not None and "." in text[whole.end : part.start]:
        whole = None
    if whole is not None and whole.category in ("people", None):
        whole.category = part.category
    elif whole is not None and whole.category != part.category:
        return  # "shot four people, including two who were killed": the dead among the shot
    part.category = None


def find_toll_statements(text: str) -> list[Quantity]:
    """Updated totals: "the number of people injured had risen to seven", "the death toll rose to 6".

    They carry ``counted="toll"``, and :func:`casualty_counts` prefers the last one of each category.
    """
    found = []
    for match in _TOLL.finditer(text):
        word = (match.group("what") or match.group("toll") or "").lower()
        category = "killed" if word.startswith(("dead", "killed", "death")) else "injured"
        raw = match.group("n").lower()
        value = float(raw) if raw.isdigit() else float(_SMALL[raw])
        start, end = match.span()
        found.append(Quantity(start, end, text[start:end], value, counted="toll", category=category))
    return found


def without_partitives(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """ "Two of the injured drove themselves" is a part, not the count: such numbers lose their category."""
    for quantity in quantities:
        if quantity.category in _COUNTED and _PARTITIVE.match(text, quantity.end):
            quantity.category = None
    return quantities


def casualty_counts(quantities: Sequence[Quantity], lead_sentences: int | None = None) -> Casualties:
    """The killed and injured counts an article states (``None`` where it states none).

    Only quantities in the first ``lead_sentences`` sentences count when that is given and the lead
    mentions casualties at all.
    """
    ordered = sorted((q for q in quantities if q.category in _COUNTED), key=lambda q: q.start)
    if lead_sentences is not None:
        lead = [q for q in ordered if 0 <= q.sentence < lead_sentences]
        ordered = lead or ordered
    killed = _toll(ordered, "killed") or _first(ordered, "killed")
    injured = _toll(ordered, "injured") or _first(ordered, "injured")
    shot = _first(ordered, "shot")
    if injured is None and shot is not None:
        injured = max(shot - (killed or 0), 0)
    return Casualties(killed, injured)


def _toll(quantities: Sequence[Quantity], category: str) -> int | None:
    tolls = [q for q in quantities if q.counted == "toll" and q.category == category]
    return int(tolls[-1].value) if tolls else None


def _first(quantities: Sequence[Quantity], category: str) -> int | None:
    for quantity in quantities:
        if quantity.category == category:
            return int(quantity.value)
    return None
