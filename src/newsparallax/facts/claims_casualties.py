"""Casualty claims: the killed, injured and missing counts a report states, quoting where.

The counts come from the reading stage's quantities (``read.casualties.casualty_counts``: an
explicit update wins, then the first count), with two corrections a reader of the whole
report would make:

* **history is not the event**: a count in a sentence about another time ("20 children were killed
  at Sandy Hook in 2012", "two others died in a fire years ago") is left out, as are counts of
  the attackers, counts taken back and round-up headlines (:mod:`.casualty_scope`);
* **the shooter counts**: when the report says the gunman died ("then killed himself", "was shot
  dead by police") and its count does not already include him, he is added to the killed — as the
  Gun Violence Archive counts — and the value says so.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from typing import Any

from newsparallax.facts.casualty_scope import (
    RETRACTED,
    ROUNDUP,
    headline_counts,
    historical,
    historical_at,
    not_victims,
    off_topic,
    other_cause,
    tally_after,
    unsaid,
)
from newsparallax.facts.claims import EVENT, ArticleInput, Claim, claim_at, number, quantities_of
from newsparallax.facts.claims_context import report_event_day
from newsparallax.facts.conjoined import add_conjoined
from newsparallax.facts.listed_victims import listed_victims
from newsparallax.facts.victims import another_wounded, nth_victim, other_victim
from newsparallax.read.casualties import casualty_counts, find_phrase_casualties, refine_counts
from newsparallax.read.layers import Quantity

_SHOOTER_DEAD = re.compile(
    r"\b(?:kill(?:ed|ing)\s+(?:him|her)self|(?:fatally\s+)?shot\s+(?:him|her)self\s+(?:dead|to\s+death)|"
    r"fatally\s+shot\s+(?:him|her)self|turn(?:ed|ing)\s+the\s+gun\s+on\s+(?:him|her)self|"
    r"t(?:ook|aking)\s+(?:his|her)\s+own\s+life|"
    r"murder[\s-]suicide|(?:gunman|shooter|suspect|attacker)\s+(?:\w+\s+){0,3}?(?:was|were)\s+(?:\w+\s+)?"
    r"(?:shot\s+dead|killed|fatally\s+shot|shot\s+and\s+killed))\b",
    re.IGNORECASE,
)
LEAD_SENTENCES = 3
OTHER_VICTIM_SENTENCES = 20  # where a victim told apart from the dead may be ("another man was shot")
_OTHERS = re.compile(r"\b(?:others?|more|additional)\b", re.IGNORECASE)
_BODY_COUNT = re.compile(r"\b(?:dead|bodies|died|deaths?|found)\b", re.IGNORECASE)
_MURDER_SUICIDE = re.compile(r"\bmurder[\s-]suicide\b", re.IGNORECASE)
_SHOT_SELF = re.compile(r"\bsho(?:t|ots|oting)\s+(?:him|her|it)?self\b", re.IGNORECASE)
_ACCIDENT = re.compile(r"\baccident(?:al(?:ly)?)?\b", re.IGNORECASE)
_COUNTED_ONE = re.compile(r"(?:\d|one\b|another\b|other\b|a\s+(?:second|third)\b)", re.IGNORECASE)
_AGED = re.compile(r"\d+-(?:year|month)-old\b", re.IGNORECASE)
_ONE_VICTIM = re.compile(r"(?:a|an|the|his|her|their)\s", re.IGNORECASE)
_NEGATED = r"(?<!\bnon-)"
_NEGATION = re.compile(
    r"\b(?:no|not|none|nobody|never|without|neither|nor|if|whether)\b|n't\b", re.IGNORECASE
)
_DEATH_CUE = re.compile(
    rf"\b{_NEGATED}(?:died|dies|dead|killed|slain|fatal(?:ly)?|deadly(?!\s+(?:weapon|conduct|force))|"
    r"shooting\s+death|(?<!attempted\s)(?<!criminal\s)homicide(?!\s+(?:unit|detectives?|division|squad|"
    r"investigators?|bureau|section|team|office))|murdered|"
    r"pronounced\s+dead|claimed\s+the\s+life|lost\s+(?:his|her)\s+life|passed\s+away|"
    r"took\s+the\s+li(?:fe|ves)\s+of|deaths?\s+of|(?<!attempted\s)murders?\s+of|kills|killing|slay(?:ing)?|"
    r"claims\s+(?:the\s+)?li(?:fe|ves))\b",
    re.IGNORECASE,
)
_KILLING = re.compile(r"\b(?:killing|killed|fatally\s+(?:shooting|wounding))\b", re.IGNORECASE)
_INJURY_CUE = re.compile(
    rf"\b{_NEGATED}(?:wounded|injured|hurt|hospitali[sz]ed|(?:critical|serious|stable|fair)\s+condition|"
    r"non-life-threatening|life-threatening\s+injur)",
    re.IGNORECASE,
)
_BODY_PART = (
    r"(?:legs?|arms?|foot|feet|hand|hip|shoulder|back|stomach|abdomen|chest|buttocks?|thigh|head|neck|face)"
)
_STRUCK = r"(?:hit|struck)\s+by\s+(?:a\s+)?(?:stray\s+)?(?:bullet|gunfire)"
#: A wound: one injured, only where the sentence reports no death ("died of a gunshot wound").
_WOUND_CUE = re.compile(
    r"\b(?:gunshot\s+wounds?|(?:the|his|her)\s+injur(?:y|ies)\b|non[\s-]life[\s-]threatening|grazed|"
    rf"(?:was|were)\s+(?:also\s+)?shot\s+in\s+(?:the|his|her)\s+(?:\w+\s+)?{_BODY_PART}|"
    r"(?:was|were|been)\s+(?:also\s+|accidentally\s+|critically\s+|seriously\s+)?shot\b(?!\s+(?:at|dead|to\s+death|and\s+killed))|"
    rf"{_STRUCK})\b",
    re.IGNORECASE,
)
#: A headline's wounded, where neither the page nor the headline reports a death ("Baby struck by
#: bullet", "Boy, 7, hospitalized after accidental shooting", "Teen critical after shooting",
#: "Juvenile arrested after shooting friend in the back").
_HEADLINE_INJURY = re.compile(
    rf"\b{_NEGATED}(?:wounded|injured|injures|wounds|hurt|hospitali[sz]ed|critical|recovering|grazed|"
    rf"{_STRUCK}|(?:shot|shoots|shooting)\s+(?:[\w'’-]+\s+){{0,2}}?in\s+(?:the\s+)?{_BODY_PART}|"
    r"bullet\s+(?:pierces|grazes|hits|strikes))\b",
    re.IGNORECASE,
)
_INCLUDED = re.compile(
    r"\b(?:including|among\s+them|counting)\s+(?:the\s+)?(?:(?:suspected\s+)?(?:gunman|shooter|suspect|attacker)|"
    r"(?:him|her)self)\b",
    re.IGNORECASE,
)


def casualty_claims(article: ArticleInput) -> list[Claim]:
    """The killed, injured and missing counts the report states, quoting where it states them.

    The body's counts come first; where the body gives none, or fewer wounded, the headline's
    ("4 shot at party", "Teen dead in shooting"); where neither counts, a death or an injury the lead
    reports counts one.  A headline summing up several shootings ("14 shot since 8 p.m.") counts none.
    """
    stored = sorted(quantities_of(article), key=lambda q: q.start)
    stored = _with_phrases(article, stored)  # again: readings stored by an older reading stage lack them
    event = report_event_day(article)
    day = event["value"] if event else None
    quantities = [
        q for q in stored if not historical(article, q, day) and not not_victims(q) and not unsaid(article, q)
    ]
    quantities = listed_victims(article, quantities)  # "Ann Lee and Bo Park were shot": two
    claims = _counted(article, _others_shot(add_conjoined(article, quantities)))
    if article.title and (article.text != article.title or not claims):  # a title-only report too
        headline = _headline_claims(article, article.title)
        claims = _prefer_headline(claims, headline)
    claims += _cued(article, {c.attribute for c in claims})
    claims += _another(article, {c.attribute for c in claims}, day)
    claims = _at_least_nth(article, _consistent(_with_shooter(article, claims)), day)
    # the victim described as shot was the one who died: another may still be told apart
    return claims + _another(article, {c.attribute for c in claims}, day)


def _headline_claims(article: ArticleInput, title: str) -> list[Claim]:
    """The headline's counts, read as one sentence ("2 Girls, 2 Men Shot At Birthday Party": four)."""
    as_text = dataclasses.replace(
        article, text=title, layers={**article.layers, "sentences": [(0, len(title))]}
    )
    counts = [dataclasses.replace(q, sentence=0) for q in headline_counts(title)]
    return _counted(as_text, add_conjoined(as_text, counts), headline=True)


def _with_phrases(article: ArticleInput, stored: list[Quantity]) -> list[Quantity]:
    """The stored counts with the phrase counts ("sent four people to the hospital") and the
    refinements of the current reading stage, for readings an older stage stored."""
    if (article.language or "en") != "en":
        refine_counts(article.text, stored)
        return stored
    added = find_phrase_casualties(article.text, stored)
    for quantity in added:
        quantity.sentence = article.sentence_at(quantity.start)
    return sorted([*stored, *added], key=lambda q: q.start)


def one_described(claim: Claim) -> bool:
    """One victim, described rather than counted ("a man", "the teen", "8-year-old"; not "one other")."""
    if claim.normalized.get("value") != 1 or claim.basis == "shot":  # "2 shot, 1 dead": counted
        return False
    return claim.basis == "cue" or bool(_AGED.match(claim.value)) or not _COUNTED_ONE.match(claim.value)


def _others_shot(quantities: list[Quantity]) -> list[Quantity]:
    """ "One man was killed and three others were shot": the others are the wounded, not all shot."""
    killed_in = {q.sentence for q in quantities if q.category == "killed"}
    for quantity in quantities:
        others = _OTHERS.search(quantity.text) and " and " not in quantity.text  # not "he and four others"
        if quantity.category == "shot" and quantity.sentence in killed_in and others:
            quantity.category = "injured"
    return quantities


def _consistent(claims: list[Claim]) -> list[Claim]:
    """Once the killed are known: "4 shot, 1 dead" leaves 3 injured ("1 dead, 4 others shot" leaves
    four), and a single victim described
    as shot in a report that counts a death is the one who died."""
    found = {c.attribute: c for c in claims}
    killed, injured = found.get("killed"), found.get("injured")
    if killed is None or injured is None:
        return claims
    dead = int(killed.normalized["value"])
    if one_described(injured) and dead >= 1 and not other_victim(injured.value, killed.value):
        return [c for c in claims if c is not injured]
    others = _OTHERS.search(injured.value) and " and " not in injured.value  # "boy killed, 6 others shot"
    if injured.basis == "shot" and not others:
        left = max(int(injured.normalized["value"]) - dead, 0)
        injured.normalized = {**injured.normalized, "value": left, "low": None, "high": None, "hedge": None}
    return claims


def _cues(stated: set[str]) -> list[tuple[str, re.Pattern[str]]]:
    """Which categories a cue may count: an injury cue only where nobody died (the wounded who
    died are the dead)."""
    cues = [] if "killed" in stated else [("killed", _DEATH_CUE)]
    if "killed" in stated or "injured" in stated:
        return cues
    return [*cues, ("injured", _INJURY_CUE), ("injured", _WOUND_CUE)]


def _prefer_headline(body: list[Claim], headline: list[Claim]) -> list[Claim]:
    """The headline's count where the body gives none, or only describes one victim ("a man was
    shot") while the headline counts more ("Four hurt in drive-by"), or where the headline counts
    more dead or wounded than the body ("4 injured, 1 critically" over "one person hospitalized in critical
    condition"; not a round-up: "14 shot since 8 p.m.", "weekend gunfire wounds 12")."""
    chosen = {c.attribute: c for c in body}
    for claim in headline:
        current = chosen.get(claim.attribute)
        value = claim.normalized["value"]
        singular = (
            current is not None and current.normalized["value"] == 1 and _ONE_VICTIM.match(current.value)
        )
        if current is None or (singular and value > 1) or _counts_more(claim, current, chosen.get("killed")):
            chosen[claim.attribute] = claim
    return list(chosen.values())


def _counts_more(headline: Claim, body: Claim | None, killed: Claim | None) -> bool:
    """The headline counts more dead or wounded than the body (a headline's shooting count less the
    body's dead: "deadly triple shooting" with two dead is one wounded); never a round-up's."""
    if (
        headline.attribute not in ("injured", "killed")
        or body is None
        or ROUNDUP.search(headline.mention.quote)
    ):
        return False
    value = headline.normalized["value"]
    if headline.basis == "shot" and killed is not None:  # "triple shooting": the dead leave the count
        value -= killed.normalized["value"]
    return bool(value > body.normalized["value"])


def _summary_first(article: ArticleInput, quantities: list[Quantity]) -> list[Quantity]:
    """Where a sentence counts both the dead and the wounded ("killed four people and injured four
    others", or "killing a 77-year-old deacon and wounding three others"), the first such sentence
    gives the counts (and a stated toll still wins): it sums the event up, where an earlier count may
    be of one victim's condition ("at least one person injured ... was released")."""
    kinds: dict[int, set[str]] = defaultdict(set)
    for quantity in quantities:
        kinds[quantity.sentence].add(str(quantity.category))
    both = [i for i, found in kinds.items() if "killed" in found and found & {"injured", "shot"}]
    both += [q.sentence for q in quantities if _others_beside_a_death(article, q)]
    if not both:
        return quantities
    first = min(both)
    counted = ("killed", "injured", "shot") if "killed" in kinds[first] else ("injured", "shot")
    return [q for q in quantities if q.sentence == first or q.counted == "toll" or q.category not in counted]


def _others_beside_a_death(article: ArticleInput, quantity: Quantity) -> bool:
    """ "killing a 77-year-old church deacon and wounding three others": the others are the wounded."""
    if quantity.category not in ("injured", "shot") or not _OTHERS.search(quantity.text):
        return False
    start, _, _ = article.sentence(quantity.sentence)
    return _affirmed(_KILLING, article.text[start : quantity.start])


def _counted(article: ArticleInput, quantities: list[Quantity], headline: bool = False) -> list[Claim]:
    quantities = _summary_first(article, quantities)
    counts = casualty_counts(quantities)
    stated = {"killed": counts.killed, "injured": counts.injured, "missing": _first(quantities, "missing")}
    sources = {c: _source_quantity(quantities, c, v) for c, v in stated.items() if v is not None}
    dead = sources.get("killed")
    if stated["killed"] and _same_victim(sources.get("injured"), dead.text if dead else ""):
        sources.pop("injured")
    claims = [_claim(article, c, int(stated[c] or 0), q, headline=headline) for c, q in sources.items()]
    shot = sources.get("injured")
    for claim in claims:
        if (
            claim.attribute == "injured"
            and shot is not None
            and shot.category == "shot"
            and not stated["killed"]
        ):
            claim.basis, claim.normalized = "shot", {**claim.normalized, "value": int(shot.value)}
    return claims


def _same_victim(injured: Quantity | None, killed_text: str) -> bool:
    """ "A boy was shot ... he died": a definite or indefinite single victim shot in a report that
    counts a death is the one who died, not another casualty (unless told apart: see
    :func:`other_victim`)."""
    if injured is None or injured.value != 1 or not _ONE_VICTIM.match(injured.text):
        return False
    return not other_victim(injured.text, killed_text)


def _affirmed(cue: re.Pattern[str], sentence: str) -> bool:
    """The cue occurs without a negation in the few words before it ("no one was hurt"), in a
    sentence that does not take it back (see :func:`.casualty_scope.unsaid`)."""
    if RETRACTED.search(sentence):
        return False
    return any(
        not _NEGATION.search(sentence[max(0, m.start() - 25) : m.start()]) for m in cue.finditer(sentence)
    )


def _cued(article: ArticleInput, stated: set[str]) -> list[Claim]:
    """A death or an injury the lead reports without a number counts one; where the lead reports
    none, a death the headline reports ("Guilty plea in shooting death of nephew": the page's lead
    may be a sidebar or a sign-up notice)."""
    claims = []
    lead = article.layers.get("sentences") or [(0, len(article.text))]
    for index, (start, end) in enumerate(lead[:LEAD_SENTENCES]):
        sentence, died = article.text[start:end], False
        for category, cue in _cues(stated):
            other = (category == "killed" and other_cause(article, sentence)) or off_topic(article, sentence)
            wound = cue is _WOUND_CUE and died  # "died of a gunshot wound": the wound is the death's
            if category not in stated and not other and not wound and _affirmed(cue, sentence):
                stated.add(category)
                died = died or category == "killed"
                cued = Quantity(start, end, "", 1.0, category=category, sentence=index)
                claims.append(_cue_claim(article, cued))
    title = article.title or ""
    roundup = bool(ROUNDUP.search(title))
    if (
        "killed" not in stated
        and not roundup
        and _affirmed(_DEATH_CUE, title)
        and not other_cause(article, title)
    ):
        claims.append(_cue_claim(article, Quantity(0, 0, "", 1.0, category="killed", sentence=0), True))
    counted = stated | {c.attribute for c in claims}
    if not counted & {"killed", "injured"} and not roundup and _affirmed(_HEADLINE_INJURY, title):
        claims.append(_cue_claim(article, Quantity(0, 0, "", 1.0, category="injured", sentence=0), True))
    return claims


def _another(article: ArticleInput, stated: set[str], event_day: str | None) -> list[Claim]:
    """One wounded the report tells apart from its dead ("another man was shot"), where it counts none."""
    if "killed" not in stated or "injured" in stated:
        return []
    other = another_wounded(article, OTHER_VICTIM_SENTENCES)
    if other is None or historical_at(article, other.sentence, event_day):
        return []
    return [_cue_claim(article, other)]


def _at_least_nth(article: ArticleInput, claims: list[Claim], event_day: str | None) -> list[Claim]:
    """As many victims as the report numbers ("the fifth victim drove himself to a hospital"): where
    its counts add up to fewer, the wounded make up the difference."""
    nth = nth_victim(article, OTHER_VICTIM_SENTENCES, tally_after)
    if nth is None or historical_at(article, nth.sentence, event_day):
        return claims
    counts = {
        c.attribute: int(c.normalized.get("value") or 0)
        for c in claims
        if c.attribute in ("killed", "injured")
    }
    killed = counts.get("killed", 0)
    if killed + counts.get("injured", 0) >= nth.value:
        return claims
    claim = _claim(article, "injured", int(nth.value) - killed, nth)
    claim.basis = "ordinal"
    return [c for c in claims if c.attribute != "injured"] + [claim]


def _cue_claim(article: ArticleInput, cued: Quantity, headline: bool = False) -> Claim:
    claim = _claim(article, str(cued.category), 1, cued, headline=headline)
    claim.basis = "cue"
    return claim


def _first(quantities: list[Quantity], category: str) -> int | None:
    return next((int(q.value) for q in quantities if q.category == category), None)


def _source_quantity(quantities: list[Quantity], category: str, value: int) -> Quantity | None:
    same = [q for q in quantities if q.category == category and int(q.value) == value]
    tolls = [q for q in same if q.counted == "toll"]
    if tolls:
        return tolls[-1]
    return same[0] if same else next((q for q in quantities if q.category in (category, "shot")), None)


def _claim(
    article: ArticleInput, category: str, value: int, source: Quantity | None, headline: bool = False
) -> Claim:
    exact = source is not None and int(source.value) == value and bool(source.text)
    normalized: dict[str, Any] = (
        number(source) if exact and source and source.hedge else {"value": value, "low": None, "high": None,
                                                                  "hedge": None, "unit": None}
    )  # fmt: skip
    claim = claim_at(
        article,
        source.sentence if source else 0,
        subject=EVENT,
        attribute=category,
        kind="count",
        value=source.text if source and exact else str(value),
        normalized=normalized,
        revision=bool(source and source.counted == "toll"),
    )
    if headline and article.title:
        claim.mention.quote, claim.mention.start, claim.mention.end = article.title, -1, -1
    return claim


def _with_shooter(article: ArticleInput, claims: list[Claim]) -> list[Claim]:
    """Add the shooter to the killed when the report says he died and its count leaves him out."""
    found = _shooter_death(article)
    if found is None:
        return claims
    killed = next((c for c in claims if c.attribute == "killed"), None)
    if killed is None:
        sentence = article.sentence_at(found.start())
        shooter = Quantity(
            found.start(), found.end(), found.group(), 1.0, category="killed", sentence=sentence
        )
        return [*claims, _claim(article, "killed", 1, shooter)]
    if _includes_shooter(article, killed, found):
        return claims
    value = int(killed.normalized["value"]) + 1
    killed.normalized = {**killed.normalized, "value": value, "low": None, "high": None, "hedge": None}
    killed.value = f"{killed.value} (+ the gunman)"
    return claims


def _shooter_death(article: ArticleInput) -> re.Match[str] | None:
    """Where the report says the shooter died, outside sentences about other shootings."""
    for match in _SHOOTER_DEAD.finditer(article.text):
        index = article.sentence_at(match.start())
        if index < 0 or not historical_at(article, index):
            return match
    return None


def _includes_shooter(article: ArticleInput, killed: Claim, found: re.Match[str]) -> bool:
    """The count already holds the shooter: it says so ("including the gunman"), it is his own death,
    it counts the bodies ("five people were found dead in a murder-suicide": everyone
    who died), or the shooting was an accident or the victim shot himself ("toddler fatally shoots
    self"): the one who shot himself is the victim."""
    quote = killed.mention.quote
    if _INCLUDED.search(quote) or found.group() in killed.value:
        return True
    if int(killed.normalized["value"]) >= 2 and (_BODY_COUNT.search(quote) or _MURDER_SUICIDE.search(quote)):
        return True
    _, _, sentence = article.sentence(article.sentence_at(found.start()))
    accident = any(_ACCIDENT.search(t) for t in (sentence, quote, article.title or ""))
    return accident or (int(killed.normalized["value"]) == 1 and bool(_SHOT_SELF.search(article.title or "")))
