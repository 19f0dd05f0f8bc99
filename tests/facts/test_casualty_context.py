"""Casualty claims read as a news reader would: who counts, who is already counted, what is history."""

from __future__ import annotations

from typing import Any

from newsparallax.facts.align import align
from newsparallax.facts.claims import ArticleInput
from newsparallax.facts.claims_casualties import casualty_claims
from newsparallax.facts.headlines import title_quantities
from newsparallax.facts.story_casualties import story_casualties
from tests.facts.test_claims import article, quantity


def counts(item: ArticleInput) -> dict[str, int]:
    return {c.attribute: int(c.normalized["value"]) for c in casualty_claims(item)}


def test_a_body_count_in_a_murder_suicide_already_holds_the_shooter() -> None:
    text = "Five people were found dead in a home on Sunday in an apparent murder-suicide."
    found = counts(article(text, quantities=[quantity("Five people", text, 5, "killed", 0)]))
    assert found == {"killed": 5}
    agent = "The gunman killed three people at the plant. He then turned the gun on himself."
    found = counts(article(agent, quantities=[quantity("three people", agent, 3, "killed", 0)]))
    assert found == {"killed": 4}


def test_a_child_who_shot_himself_by_accident_is_the_victim_not_a_second_death() -> None:
    text = "A 12-year-old boy fatally shot himself in an accident at home. The boy died at the scene."
    died = quantity("The boy died", text, 1, "killed", 1, counted="people")
    assert counts(article(text, quantities=[died])) == {"killed": 1}


def test_a_shooter_who_died_in_an_earlier_shooting_is_not_added() -> None:
    text = "Two men were killed on Friday. March 2019: a gunman shot four people, then shot himself dead."
    found = counts(article(text, quantities=[quantity("Two men", text, 2, "killed", 0)]))
    assert found == {"killed": 2}


def test_units_weapons_and_attempts_are_not_deaths() -> None:
    for text in (
        "The Metro Homicide Unit is investigating the shooting of a man on Oak Street.",
        "He was charged with assault with a deadly weapon after a man was wounded.",
        "She faces a count of attempted homicide after a man was wounded.",
    ):
        assert "killed" not in counts(article(text)), text


def test_the_others_shot_besides_the_dead_are_the_wounded() -> None:
    text = "One man was killed and three others were shot outside a club."
    found = counts(
        article(
            text,
            quantities=[
                quantity("One man", text, 1, "killed", 0),
                quantity("three others", text, 3, "shot", 0, counted="others"),
            ],
        )
    )
    assert found == {"killed": 1, "injured": 3}


def test_attackers_and_crowds_are_not_victims() -> None:
    text = "Police say the two suspects killed a cashier. The man had planned to kill hundreds."
    found = counts(
        article(
            text,
            quantities=[
                quantity("two suspects", text, 2, "killed", 0, counted="suspects"),
                quantity("hundreds", text, 200, "killed", 1, approximate=True),
            ],
        )
    )
    assert found == {"killed": 1}


def test_a_headline_victim_shot_and_killed_is_dead() -> None:
    assert [(q.category, q.value) for q in title_quantities("Teen shot, killed near park")] == [
        ("killed", 1.0)
    ]
    assert [q.category for q in title_quantities("Woman shot to death at home")] == ["killed"]


def _report(text: str, published: str, value: int, category: str, stored_id: str) -> ArticleInput:
    """One report counting ``value`` in its first words ("Three people were killed ...")."""
    return _said(text, text.split(" were")[0], published, category, stored_id, value)


def _said(
    text: str, victims: str, published: str, category: str, stored_id: str, value: int = 1
) -> ArticleInput:
    item = article(text, published=published, quantities=[quantity(victims, text, value, category, 0)])
    item.stored_id = item.given_id = item.origin = stored_id
    return item


def test_the_highest_figure_of_the_first_days_wins() -> None:
    reports = [
        _report("Three people were killed on Elm Street.", "2026-10-03", 3, "killed", "a"),
        _report("Two people were killed on Elm Street.", "2026-10-05", 2, "killed", "b"),
        _report("Two people were killed at the hospital.", "2026-10-06", 2, "killed", "c"),
        _report("Four people were wounded on Elm Street.", "2026-10-03", 4, "injured", "a"),
        _report("Five people were wounded on Elm Street.", "2026-10-05", 5, "injured", "b"),
    ]
    facts: dict[str, Any] = {f.attribute: f for f in align(c for r in reports for c in casualty_claims(r))}
    assert facts["killed"].value == 3 and "revised upward" in (facts["killed"].note or "")
    assert facts["injured"].value == 5
    # a week later the story holds a round-up or another shooting: its higher figure is not the event's
    later = _report("Nine people were wounded on Elm Street.", "2026-10-12", 9, "injured", "d")
    claims = [c for r in [*reports, later] for c in casualty_claims(r)]
    assert {f.attribute: f.value for f in align(claims)}["injured"] == 5


def test_a_shooter_who_killed_others_before_killing_himself_counts_apart() -> None:
    text = "A man fatally shot his wife and two sons before killing himself at their home."
    listed = quantity("his wife and two sons", text, 3, "killed", 0, counted="people")
    assert counts(article(text, quantities=[listed])) == {"killed": 4}


def test_a_toddler_who_shot_himself_is_the_one_victim() -> None:
    text = "A toddler died after he fatally shot himself with a pistol he found in a car."
    item = article(text, quantities=[quantity("A toddler died", text, 1, "killed", 0, counted="people")])
    item.title = "Toddler fatally shoots self in parked car"
    assert counts(item) == {"killed": 1}


def test_a_wounded_victim_told_apart_from_the_dead_still_counts() -> None:
    from newsparallax.facts.victims import other_victim

    assert other_victim("a pregnant woman was shot", "The unborn child was killed")
    assert other_victim("shooting a man", "three women")
    assert other_victim("injuring another person", "A cashier was killed")
    assert not other_victim("A boy was shot", "the boy died")
    assert not other_victim("a woman was shot", "1")
    # the shooter named after "by" is not the victim: the mother shot by her son is the one who died
    assert not other_victim("A mother was accidentally shot", "the head by her 4-year-old child has died")
    text = "Three women were killed in a home on Elm Street. The gunman also shot a man in the yard."
    found = counts(
        article(
            text,
            quantities=[
                quantity("Three women", text, 3, "killed", 0),
                quantity("shot a man", text, 1, "injured", 1, counted="people"),
            ],
        )
    )
    assert found == {"killed": 3, "injured": 1}


def test_a_death_taken_back_or_from_another_cause_is_not_counted() -> None:
    retracted = (
        "Five men were wounded early today at a club. Early reports said one person had died in the "
        "shooting, but that proved to be incorrect, the fire department said."
    )
    quantities = [
        quantity("Five men", retracted, 5, "injured", 0),
        quantity("one person", retracted, 1, "killed", 1),
    ]
    assert counts(article(retracted, quantities=quantities)) == {"injured": 5}
    crash = "Gunfire wounded six people at a vigil. They mourned a man who had died in a car crash on Friday."
    found = counts(article(crash, quantities=[quantity("six people", crash, 6, "injured", 0)]))
    assert found == {"injured": 6}
    bus = "A bus overturned near Valparaiso. Three people died in the crash, police said."
    found = counts(article(bus, quantities=[quantity("Three people", bus, 3, "killed", 1)]))
    assert found == {"killed": 3}  # in a report of a crash, the crash's dead are the event's
    denied = (
        "A man was wounded on Elm Street. A witness said a victim died, but police said it is not a homicide."
    )
    assert "killed" not in counts(article(denied))


def test_a_death_in_a_crash_caused_by_a_bullet_still_counts() -> None:
    text = "A man killed in a crash on Route 3 had been shot, the autopsy found."
    found = counts(article(text, quantities=[quantity("A man", text, 1, "killed", 0, counted="people")]))
    assert found == {"killed": 1}


def test_headline_shorthand_for_one_wounded_victim() -> None:
    for title in (
        "Boy stable after accidental shooting",
        "Boy, 4, shoots self in leg with grandfather's handgun",
        "Teen in critical condition after shooting",
        "7-year-old boy shooting ‘youth rifle’ shot in chest",
    ):
        assert [(q.category, q.value) for q in title_quantities(title)] == [("injured", 1.0)], title
    assert [q.category for q in title_quantities("Man fatally shoots self at range")] == ["killed"]


def test_a_headline_counting_more_wounded_than_the_body_wins_unless_it_sums_up_a_night() -> None:
    text = "One person was hospitalized in critical condition after an argument at a party."
    report = article(text, quantities=[quantity("One person", text, 1, "injured", 0)])
    report.title = "4 injured, 1 critically, in Harbor City shooting"
    assert counts(report) == {"injured": 4}
    report.title = "14 shot, one fatally, since 8 p.m., including 6 at West Side party"
    assert counts(report) == {"injured": 1}
    # a headline's shooting count holds the dead the body counts
    dead = "Two men were killed in the shooting. One woman was hurt."
    triple = article(
        dead,
        quantities=[quantity("Two men", dead, 2, "killed", 0), quantity("One woman", dead, 1, "injured", 1)],
    )
    triple.title = "Police say gang activity prompted deadly triple shooting"
    assert counts(triple) == {"killed": 2, "injured": 1}


def test_a_murder_suicide_count_already_holds_the_shooter() -> None:
    report = article("Deputies found the family at home. The father then killed himself.", quantities=[])
    report.title = "2 adults, 2 children killed in Stokes County murder-suicide"
    assert counts(report) == {"killed": 4}


def test_a_headline_over_some_hours_sums_up_several_shootings() -> None:
    report = article("Police are investigating.", quantities=[])
    report.title = "7 adults, one child shot in five hours"
    assert "injured" not in counts(report)


def test_an_injury_the_lead_reports_without_a_number_counts_one() -> None:
    assert counts(article("A 7-year-old found a gun at home. The injury was not life threatening.")) == {
        "injured": 1
    }
    assert counts(article("A toddler was grazed by a bullet in the living room.")) == {"injured": 1}
    # an injury a death is of is the death's
    assert counts(article("A man died of his injuries after the shooting on Elm Street.")) == {"killed": 1}


def test_a_headline_s_vague_crowd_is_no_count() -> None:
    text = "Police said the gunman had stockpiled ammunition."
    report = article(text, quantities=[])
    report.title = "Mass shooter planned to kill hundreds with stockpile of guns"
    assert "killed" not in counts(report)


def test_counts_of_several_shootings_or_another_one_are_not_the_event_s() -> None:
    text = "A man was shot on Elm Street. At least 35 others have been wounded in shootings across Chicago."
    report = article(text, quantities=[quantity("35 others", text, 35, "injured", 1)])
    assert counts(report) == {"injured": 1}
    other = "In a separate shooting, one man was killed and three others were wounded."
    quantities = [
        quantity("one man", other, 1, "killed", 0),
        quantity("three others", other, 3, "injured", 0),
    ]
    # (a death the sentence tells of still counts one, as any death a lead reports)
    assert counts(article(other, quantities=quantities)) == {"killed": 1}


def test_a_part_of_the_wounded_is_not_their_count() -> None:
    text = "A shooting left people hurt. Two of the wounded men were taken to UPMC Mercy."
    report = article(text, quantities=[quantity("Two of the wounded men", text, 2, "injured", 1)])
    assert counts(report).get("injured") != 2


def test_another_victim_told_apart_from_the_dead_one_described_as_shot_is_wounded() -> None:
    text = "A man was shot several times and died at a hospital. Another man was shot in the back."
    quantities = [
        quantity("A man was shot", text, 1, "injured", 0, counted="people"),
        quantity("Another man was shot", text, 1, "injured", 1, counted="people"),
    ]
    assert counts(article(text, quantities=quantities)) == {"killed": 1, "injured": 1}


def _story_counts(reports: list[ArticleInput]) -> dict[str, Any]:
    claims = story_casualties([c for r in reports for c in casualty_claims(r)])
    return {f.attribute: f.value for f in align(claims)}


def test_one_victim_shot_in_an_early_report_and_dead_in_a_later_one_is_one_death() -> None:
    early = _said(
        "A 2-year-old boy was shot at a home on Monday.", "A 2-year-old boy", "2026-10-05", "injured", "a"
    )
    later = _said("The boy died at the hospital, deputies said.", "The boy", "2026-10-06", "killed", "b")
    assert _story_counts([early, later]) == {"killed": 1}


def test_a_victim_told_apart_or_counted_stays_wounded() -> None:
    dead = _said("A man was killed on Elm Street.", "A man", "2026-10-06", "killed", "b")
    woman = _said("A woman was wounded on Elm Street.", "A woman", "2026-10-05", "injured", "a")
    assert _story_counts([woman, dead]) == {"killed": 1, "injured": 1}  # a woman is not a man
    other = _said(
        "One other person was wounded on Elm Street.", "One other person", "2026-10-05", "injured", "a"
    )
    assert _story_counts([other, dead]) == {"killed": 1, "injured": 1}  # counted, not described
    three = _report("Three people were killed on Elm Street.", "2026-10-06", 3, "killed", "c")
    girl = _said("A girl was wounded on Elm Street.", "A girl", "2026-10-05", "injured", "a")
    assert _story_counts([girl, three]) == {"killed": 3, "injured": 1}  # with more dead, a survivor


def test_a_count_of_the_shot_is_not_revised_by_the_dead_of_other_reports() -> None:
    # the dead another report counts are often of another incident the story holds
    shot = _report("Five men were shot at a bowling alley on Sunday.", "2026-10-06", 5, "shot", "b")
    three = _report("Three men were killed at a bowling alley.", "2026-10-07", 3, "killed", "d")
    assert _story_counts([shot]) == {"injured": 5}
    assert _story_counts([shot, three]) == {"killed": 3, "injured": 5}


def test_a_death_the_headline_reports_counts_one_where_the_lead_reports_none() -> None:
    notice = article("Already a subscriber? Click the button below to set up your account.")
    notice.title = "Attempt to deal with stray dogs led to accidental shooting death"
    claims = casualty_claims(notice)
    assert counts(notice) == {"killed": 1}
    assert claims[0].mention.quote == notice.title and claims[0].basis == "cue"
    attempted = article("Subscribe for local news.")
    attempted.title = "Man charged with attempted murder of his neighbour"
    assert "killed" not in counts(attempted)
    for title in (
        "Drive-by shooting kills teen in Englewood",
        "Accidental shooting claims life of 15-year-old",
    ):
        page = article("You are the owner of this article.")
        page.title = title
        assert counts(page) == {"killed": 1}, title


def test_a_wound_the_headline_reports_counts_one_where_nobody_is_counted() -> None:
    for title in (
        "Brooklyn baby struck by bullet",
        "Campbell boy, 7, hospitalized after accidental shooting",
    ):
        page = article("Already a subscriber? Log in.")
        page.title = title
        assert counts(page) == {"injured": 1}, title
    dead = article("Already a subscriber? Log in.")
    dead.title = "Boy hospitalized after shooting dies"
    assert counts(dead) == {"killed": 1}
    roundup = article("Already a subscriber? Log in.")
    roundup.title = "Weekend gunfire wounds 12 across the city"
    assert counts(roundup) == {}


def test_a_death_told_as_the_death_or_murder_of_someone_counts_one() -> None:
    plea = "Chad Doe admitted in court that he took the life of his nephew while showing him a handgun."
    assert counts(article(plea)) == {"killed": 1}
    custody = "Three men are in custody for the murder of a 7-year-old girl, police said."
    assert counts(article(custody)) == {"killed": 1}


def test_a_death_only_asked_about_is_not_counted() -> None:
    unsure = "A man was found shot on Elm Street. Police were not able to say if the man had died."
    quantities = [quantity("the man had died", unsure, 1, "killed", 1)]
    assert "killed" not in counts(article(unsure, quantities=quantities))
    asked = "Police are investigating whether a shooting that left two people dead was gang-related."
    quantities = [quantity("two people dead", asked, 2, "killed", 0)]
    assert counts(article(asked, quantities=quantities))["killed"] == 2


def test_shots_counted_by_a_casualty_verb_are_not_victims() -> None:
    text = "A teen died in the shooting. Witnesses said the man pulled his gun and shot two times."
    quantities = [quantity("two times", text, 2, "shot", 1, counted="times")]
    assert counts(article(text, quantities=quantities)) == {"killed": 1}


def test_a_sentence_counting_the_dead_and_the_wounded_gives_the_counts() -> None:
    text = (
        "There is an update on the condition of at least one person injured in the shootings. "
        "Police said the gunman killed four people and injured four others at three places. "
        "The death toll has risen to five, police said later."
    )
    quantities = [
        quantity("at least one person", text, 1, "injured", 0, hedge="at least"),
        quantity("four people", text, 4, "killed", 1),
        quantity("four others", text, 4, "injured", 1),
        quantity("five", text, 5, "killed", 2, counted="toll"),
    ]
    assert counts(article(text, quantities=quantities)) == {"killed": 5, "injured": 4}


def test_one_victim_shot_or_hit_by_a_bullet_is_one_wounded() -> None:
    text = "Deputies said a 6-year-old boy was accidentally shot by his brother at a home in Ford City."
    assert counts(article(text)) == {"injured": 1}
    missed = "Police said the man was shot at but not hit. Officers found shell casings on Elm Street."
    assert counts(article(missed)) == {}
    stray = article("Subscribe for local news.")
    stray.title = "7-year-old boy hit by stray bullet while watching fireworks"
    assert counts(stray) == {"injured": 1}


def test_a_house_number_or_a_time_of_day_does_not_make_a_count_history() -> None:
    from tests.facts.test_claims import day

    text = "A man was shot and killed, and three other people were injured in front of 1013 Carrie St."
    late = {**day("1013", text, "1013-01-01", 0, "year")}
    quantities = [quantity("three other people", text, 3, "injured", 0)]
    assert counts(article(text, quantities=quantities, dates=[late])) == {"injured": 3, "killed": 1}
    night = "Three people were injured just after 11 p.m. outside a bar."
    stale = {**day("just after 11 p.m", night, "2026-01-24", 0, "part_of_day"), "relative": True}
    quantities = [quantity("Three people", night, 3, "injured", 0)]
    assert counts(article(night, quantities=quantities, dates=[stale])) == {"injured": 3}
    recalled = "Three people were injured on Jan. 24 in the same block."
    old = day("Jan. 24", recalled, "2026-01-24", 0)
    quantities = [quantity("Three people", recalled, 3, "injured", 0)]
    assert counts(article(recalled, quantities=quantities, dates=[old])).get("injured") != 3  # months back


def test_odd_reading_layers_give_counts_not_errors() -> None:
    text = "Police said three men and two women were hurt on Elm Street."
    quantities = [quantity("two women", text, 2, "injured", -1)]  # no sentence index
    dates = [{"start": 0, "end": 6, "text": "Police", "value": "not a date", "sentence": 0}]
    item = article(text, quantities=quantities, dates=dates)
    item.title, item.published = None, None
    assert counts(item) == {"injured": 5}


def test_counts_of_the_shooting_later_coverage_dates_are_the_event_s() -> None:
    text = (
        "A man accused in the May 25, 2026 shooting that killed one and injured three others was convicted."
    )
    dates = [{"start": text.index("May"), "end": text.index(" shooting"), "text": "May 25, 2026",
              "value": "2026-05-25", "granularity": "day", "sentence": 0}]  # fmt: skip
    found = [quantity("one", text, 1, "killed", 0), quantity("three others", text, 3, "injured", 0)]
    assert counts(article(text, published="2026-11-18", dates=dates, quantities=found)) == {
        "killed": 1,
        "injured": 3,
    }
    recalled = (
        "Two men were shot on Elm Street on Sunday. In the May 25, 2026 shooting three people were hurt."
    )
    dates = [{"start": recalled.index("May"), "end": recalled.index(" shooting"), "text": "May 25, 2026",
              "value": "2026-05-25", "granularity": "day", "sentence": 1},
             {"start": recalled.index("Sunday"), "end": recalled.index("Sunday") + 6, "text": "Sunday",
              "value": "2026-11-15", "granularity": "day", "sentence": 0}]  # fmt: skip
    found = [
        quantity("Two men", recalled, 2, "injured", 0),
        quantity("three people", recalled, 3, "injured", 1),
    ]
    assert counts(article(recalled, published="2026-11-16", dates=dates, quantities=found)) == {"injured": 2}


def test_a_page_updated_months_ago_is_not_history() -> None:
    text = "Updated: 8 months ago A shooting on Elm Street killed one man and injured two others."
    found = [quantity("one man", text, 1, "killed", 0), quantity("two others", text, 2, "injured", 0)]
    assert counts(article(text, quantities=found)) == {"killed": 1, "injured": 2}


def test_a_victim_told_apart_from_the_dead_counts_one_wounded() -> None:
    text = "A gun went off in a home on Elm Street. Another 5-year-old was hurt and a girl was killed."
    found = counts(article(text, quantities=[quantity("a girl", text, 1, "killed", 1)]))
    assert found == {"killed": 1, "injured": 1}
    died = "A gun went off in a home on Elm Street. A girl was killed. Another man was shot and later died."
    assert counts(article(died, quantities=[quantity("A girl", died, 1, "killed", 1)])) == {"killed": 1}
    alone = "Another 5-year-old was hurt in a shooting on Elm Street."  # no death: the usual cues count
    assert counts(article(alone)) == {"injured": 1}


def test_the_others_wounded_beside_a_death_sum_the_event_up() -> None:
    text = (
        "The bullets wounded a mother on the porch. "
        "Gunfire on Monday hit the street, killing a 77-year-old deacon and wounding three others."
    )
    found = [
        quantity("wounded a mother", text, 1, "injured", 0),
        quantity("three others", text, 3, "injured", 1),
    ]
    assert counts(article(text, quantities=found))["injured"] == 3
    calm = "The bullets wounded a mother on the porch. Police said three others were questioned."
    found = [
        quantity("wounded a mother", calm, 1, "injured", 0),
        quantity("three others", calm, 3, "injured", 1),
    ]
    assert counts(article(calm, quantities=found)) == {"injured": 1}


def test_a_tally_of_the_year_is_not_the_event_s_count() -> None:
    text = (
        "A 4-year-old boy shot himself. There have been 13 toddler shooting deaths this year, a report said."
    )
    found = [quantity("13 toddler shooting deaths", text, 13, "killed", 1)]
    assert "killed" not in counts(article(text, quantities=found))
    period = "A boy, 4, shot himself on Sunday. In the past six weeks alone, four children have died."
    found = [quantity("four children", period, 4, "killed", 1)]
    assert counts(article(period, quantities=found)).get("killed") != 4
    fair = "Three people were shot at this year's street fair on Sunday."
    assert counts(article(fair, quantities=[quantity("Three people", fair, 3, "injured", 0)])) == {
        "injured": 3
    }


def test_a_numbered_victim_means_at_least_that_many_were_hit() -> None:
    text = "Three men walked into a store with gunshot wounds. A fourth shooting victim was found nearby."
    found = [quantity("Three men", text, 3, "injured", 0)]
    assert counts(article(text, quantities=found)) == {"injured": 4}
    dead = "One man was killed and two women were wounded. The fourth victim is still being treated."
    found = [quantity("One man", dead, 1, "killed", 0), quantity("two women", dead, 2, "injured", 0)]
    assert counts(article(dead, quantities=found)) == {"killed": 1, "injured": 3}
    for text in (
        "Seven men were wounded. An eighth man was treated for other wounds, but had not been shot.",
        "Seven men were wounded. He was the city's 11th victim this year.",
        "Seven men were wounded. The eighth person inside the home hid in a bedroom.",
    ):
        assert counts(article(text, quantities=[quantity("Seven men", text, 7, "injured", 0)])) == {
            "injured": 7
        }


def test_malformed_date_mentions_give_counts_and_dates_not_errors() -> None:
    from newsparallax.facts.claims_context import date_claims

    text = "A man accused in the May 25 shooting that killed one was convicted."
    good = {
        "start": 21,
        "end": 27,
        "text": "May 25",
        "value": "2026-05-25",
        "granularity": "day",
        "sentence": 0,
    }
    for odd in ({**good, "value": 20260525}, {**good, "text": None}, {**good, "start": None}):
        item = article(
            text,
            published="2026-11-18",
            dates=[odd, good],
            quantities=[quantity("one", text, 1, "killed", 0)],
        )
        assert counts(item) == {"killed": 1}
        assert [c.normalized["value"] for c in date_claims(item) if c.attribute == "date"][:1] == [
            "2026-05-25"
        ]
