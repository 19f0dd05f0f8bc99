"""Casualty claims read across a story's reports, where one report alone cannot settle them.

* **the dead described as shot**: one death counted, and every wounded claim describes one victim
  ("a boy was shot"): an early report saw him shot, a later one saw him die;
* **the shot include the dead**: a report that counts the shot but no death ("five men were shot")
  counts the victims who died too, as other reports of the story say; the wounded are the rest.
"""

from __future__ import annotations

from newsparallax.facts.claims import EVENT, Claim
from newsparallax.facts.claims_casualties import less_the_dead, one_described
from newsparallax.facts.victims import other_victim


def story_casualties(claims: list[Claim]) -> list[Claim]:
    """Both corrections, in that order (the first may drop wounded claims the second would adjust)."""
    return the_shot_include_the_dead(the_dead_described_as_shot(claims))


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


def the_shot_include_the_dead(claims: list[Claim]) -> list[Claim]:
    """ "Five men were shot" in a report that counts no death, where other reports count one dead:
    four were wounded.  The dead are the most any report counts (the toll only grows, as the fact's
    value takes it); a count of the shot below that is left as it is (it counts part of them)."""
    dead = [int(c.normalized["value"]) for c in _casualties(claims, "killed")]
    if not dead or max(dead) < 1:
        return claims
    toll = max(dead)
    for claim in _casualties(claims, "injured"):
        if claim.basis == "shot" and int(claim.normalized["value"]) >= toll:
            less_the_dead(claim, toll)
            claim.basis = "shot, less the dead of other reports"
    return claims


def _casualties(claims: list[Claim], attribute: str) -> list[Claim]:
    return [c for c in claims if c.subject == EVENT and c.attribute == attribute]
