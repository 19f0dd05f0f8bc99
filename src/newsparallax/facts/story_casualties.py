"""Casualty claims read across a story's reports, where one report alone cannot settle them.

* **the dead described as shot**: one death counted, and every wounded claim describes one victim
  ("a boy was shot"): an early report saw him shot, a later one saw him die.

Tried and left out (GVC dev, 2026-12-04): taking the other reports' dead out of a report's count of
the shot ("five men were shot" where another report counts one dead: four wounded) fixed 5 stories'
wounded and broke 8; the dead other reports count are often of another incident in the story.
"""

from __future__ import annotations

from newsparallax.facts.claims import EVENT, Claim
from newsparallax.facts.claims_casualties import one_described
from newsparallax.facts.victims import other_victim


def story_casualties(claims: list[Claim]) -> list[Claim]:
    """The story-level corrections of casualty claims (one so far)."""
    return the_dead_described_as_shot(claims)


def the_dead_described_as_shot(claims: list[Claim]) -> list[Claim]:
    """Across a story's reports: where they count one death and every wounded claim describes one
    victim ("a boy was shot", "17-year-old accidentally shot"), that victim is the dead one (an early
    report saw him shot, a later one saw him die), unless the words tell them apart; those claims go.
    With more dead, a lone victim described as wounded is usually a survivor, and stays."""
    killed, injured = _casualties(claims, "killed"), _casualties(claims, "injured")
    one_dead = bool(killed) and all(c.normalized.get("value") == 1 for c in killed)
    if not one_dead or not injured or not all(one_described(c) for c in injured):
        return claims
    if any(other_victim(i.value, k.value) for i in injured for k in killed):
        return claims
    gone = {id(c) for c in injured}
    return [c for c in claims if id(c) not in gone]


def _casualties(claims: list[Claim], attribute: str) -> list[Claim]:
    return [c for c in claims if c.subject == EVENT and c.attribute == attribute]
