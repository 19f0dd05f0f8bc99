"""The event's day in one report: the day that dates the shooting, not the arrest or the vigil."""

from __future__ import annotations

import dataclasses
from typing import Any

from newsparallax.facts.claims_context import date_claims
from newsparallax.facts.event_day import EVENT, OTHER, UNKNOWN, governed
from tests.facts.test_claims import article


def day(text: str, whole: str, value: str, sentence: int, granularity: str = "part_of_day") -> dict[str, Any]:
    start = whole.index(text)
    return {"start": start, "end": start + len(text), "text": text, "value": value,
            "sentence": sentence, "granularity": granularity}  # fmt: skip


def event_day(text: str, published: str, *days: dict[str, Any]) -> str | None:
    claims = date_claims(article(text, published=published, dates=list(days)))
    return next((c.normalized["value"] for c in claims if c.attribute == "date"), None)


def test_the_arrest_day_is_not_the_shooting_day() -> None:
    text = "Officers arrested a man early Saturday. The shooting happened about 10 p.m. Friday on Elm Street."
    found = event_day(
        text,
        "2026-10-03",
        day("early Saturday", text, "2026-10-03", 0),
        day("10 p.m. Friday", text, "2026-10-02", 1),
    )
    assert found == "2026-10-02"


def test_the_victim_s_condition_is_dated_after_the_event() -> None:
    text = "A teenager remained in critical condition Wednesday after he was shot Tuesday night."
    found = event_day(
        text,
        "2026-10-07",
        day("Wednesday", text, "2026-10-07", 0, "day"),
        day("Tuesday night", text, "2026-10-06", 0),
    )
    assert found == "2026-10-06"


def test_a_report_that_dates_only_what_came_after_gives_no_event_day() -> None:
    text = "A man was arraigned Monday in the killing of his neighbour. A vigil was held Sunday evening."
    found = event_day(
        text,
        "2026-10-05",
        day("Monday", text, "2026-10-05", 0, "day"),
        day("Sunday evening", text, "2026-10-04", 1),
    )
    assert found is None


def test_a_weekday_six_days_back_is_left_out() -> None:
    text = "Police were still searching Thursday morning for the gunman. Two people were shot on Elm Street."
    found = event_day(text, "2026-10-07", day("Thursday morning", text, "2026-10-01", 0))
    assert found is None


def test_words_around_a_day_tell_what_it_dates() -> None:
    text = (
        "The Sept. 13 shooting left two dead. Police held a news conference Friday. Friday news conference."
    )
    sept = day("Sept. 13", text, "2026-09-13", 0, "day")
    assert governed(text, sept) == EVENT
    friday = day("Friday", text, "2026-09-18", 1, "day")
    assert governed(text, friday) == OTHER
    later = text.rindex("Friday")
    assert governed(text, {**friday, "start": later, "end": later + 6}) == OTHER
    spoke = "The family spoke to the media at the police department Tuesday morning."
    assert governed(spoke, day("Tuesday morning", spoke, "2026-09-15", 0)) == OTHER
    quiet = "Residents on Elm Street woke up Sunday to tape across the road."
    assert governed(quiet, day("Sunday", quiet, "2026-09-20", 0, "day")) == UNKNOWN


def test_a_headline_above_the_lead_is_another_sentence() -> None:
    text = "Two more arrested in Cloud 9 shooting death\n\nDetectives on Monday arrested two more men."
    assert governed(text, day("Monday", text, "2026-10-26", 0, "day")) == OTHER


def test_an_after_right_before_the_day_is_its_preposition() -> None:
    text = "The police director announced the first two arrests just after 4 p.m. Wednesday."
    assert governed(text, day("4 p.m. Wednesday", text, "2026-04-15", 0)) == OTHER
    calm = "The suspect was arrested without incident at his home Wednesday afternoon."
    assert governed(calm, day("Wednesday afternoon", calm, "2026-04-15", 0)) == OTHER
    fired = "Three men are accused of opening fire into a crowd at the club on Sept. 13."
    assert governed(fired, day("Sept. 13", fired, "2026-09-13", 0, "day")) == EVENT
    violent = "A festival turned violent early Saturday after shots were fired into the crowd."
    assert governed(violent, day("early Saturday", violent, "2026-07-05", 0)) == EVENT


def test_a_capitalised_cue_word_is_part_of_a_name() -> None:
    text = "A man is thankful to be alive after a shooting at Pershing Court Manor on Thursday."
    assert governed(text, day("Thursday", text, "2026-09-17", 0, "day")) == EVENT
    court = "He appeared in court on Thursday."
    assert governed(court, day("Thursday", court, "2026-09-17", 0, "day")) == OTHER
    hurt = "None of the injuries sustained Monday appeared to be life-threatening."
    assert governed(hurt, day("Monday", hurt, "2026-09-14", 0, "day")) == EVENT


def test_court_days_and_a_finding_date_what_came_after() -> None:
    verdict = "On Tuesday, Judge Robert Wilson found that prosecutors had established probable cause."
    assert governed(verdict, day("Tuesday", verdict, "2026-09-15", 0, "day")) != EVENT
    guilty = "A man on trial in a double murder was found guilty Wednesday afternoon."
    assert governed(guilty, day("Wednesday afternoon", guilty, "2026-09-16", 0)) == OTHER
    hearing = "He is held on $50,000 bail while awaiting a Thursday court hearing."
    assert governed(hearing, day("Thursday", hearing, "2026-09-17", 0, "day")) == OTHER
    found = "Deputies found two men shot Sunday in a parked truck."
    assert governed(found, day("Sunday", found, "2026-09-20", 0, "day")) == EVENT


def test_a_day_far_into_the_report_dates_the_event_only_if_nothing_else_does() -> None:
    lead = "Police are looking into a case. More news follows. Nothing else. Still more. "
    text = lead * 2 + "Investigators did not have enough evidence to arrest him until early Thursday morning."
    late = day("early Thursday morning", text, "2026-10-01", 8)
    assert event_day(text, "2026-10-02", late) is None
    shot = lead * 2 + "The man was shot early Thursday morning."
    assert event_day(shot, "2026-10-02", day("early Thursday morning", shot, "2026-10-01", 8)) == "2026-10-01"


def test_a_reported_shooting_is_not_a_statement() -> None:
    text = "Deputies are investigating a reported shooting on Tuesday evening in the park."
    assert event_day(text, "2026-10-07", day("Tuesday evening", text, "2026-10-06", 0)) == "2026-10-06"
    said = "A man was shot in the park, police reported on Tuesday."
    assert event_day(said, "2026-10-07", day("Tuesday", said, "2026-10-06", 0, "day")) is None


def test_a_named_day_wins_over_overnight_and_a_statement_day_loses() -> None:
    text = "Shots rang out overnight. The shooting took place around 11:40 p.m. Sunday, police said."
    found = event_day(
        text,
        "2026-10-05",
        day("overnight", text, "2026-10-04", 0),
        day("11:40 p.m. Sunday", text, "2026-10-04", 1),
    )
    assert found == "2026-10-04"  # not moved to the morning "overnight" ends in
    said = "Officers Saturday said a man was wounded on Elm Street."
    assert governed(said, day("Saturday", said, "2026-10-03", 0, "day")) == OTHER


def test_an_age_is_not_a_day() -> None:
    text = "A man in his 40s was shot in the back on Friday."
    found = event_day(
        text,
        "2026-10-03",
        day("40s", text, "2026-10-03", 0, "day"),
        day("Friday", text, "2026-10-02", 0, "day"),
    )
    assert found == "2026-10-02"


def story_day(*reports: tuple[str, str, str, str]) -> str:
    """The date fact of a story whose reports (text, published, day text, its ISO day) come from
    different origins."""
    from newsparallax.facts.align import align

    items = []
    for index, (text, published, written, value) in enumerate(reports):
        item = article(text, published=published, dates=[day(written, text, value, 0)])
        item.stored_id = item.given_id = item.origin = f"a{index + 1}"
        items.append(item)
    (fact,) = [f for f in align([c for r in items for c in date_claims(r)]) if f.attribute == "date"]
    return str(fact.value)


def test_the_story_takes_the_earliest_of_equally_supported_days() -> None:
    shot = ("A woman was shot on Friday night near the park.", "2026-10-04", "Friday night", "2026-10-02")
    died = ("A woman died Saturday after she was shot near the park.", "2026-10-04", "Saturday", "2026-10-03")
    assert story_day(shot, died) == "2026-10-02"


def test_a_day_long_before_the_first_report_loses_to_one_just_before_it() -> None:
    killed = ("A baby was killed during a home invasion on Saturday night.", "2026-05-11", "Saturday night",
              "2026-05-09")  # fmt: skip
    recalled = ("Police said that murder occurred on May 3.", "2026-05-12", "May 3", "2026-05-03")
    assert story_day(killed, recalled) == "2026-05-09"


def test_a_story_whose_reports_have_no_publication_date_still_gets_a_day() -> None:
    undated = ("A man was shot on Friday near the park.", "", "Friday", "2026-10-02")
    later = ("A man was shot near the park on Saturday.", "", "Saturday", "2026-10-03")
    assert story_day(undated, later) == "2026-10-02"  # no first report to measure from: the earliest


def test_later_coverage_takes_the_earlier_day_an_event_word_governs() -> None:
    text = (
        "A man accused in a May 25 shooting that killed one entered pleas today in court. "
        "The trial of a second man starts on December 2."
    )
    found = event_day(
        text,
        "2026-11-18",
        day("May 25", text, "2026-05-25", 0, "day"),
        day("today", text, "2026-11-18", 0, "day"),
        day("December 2", text, "2026-12-02", 1, "day"),
    )
    assert found == "2026-05-25"  # "today" dates the pleas; the trial is still to come


def test_an_earlier_day_does_not_displace_a_recent_day_of_the_event() -> None:
    text = "Two men were shot on Elm Street Sunday night. It was the street's worst shooting since March 3."
    found = event_day(
        text,
        "2026-10-05",
        day("Sunday night", text, "2026-10-04", 0),
        day("March 3", text, "2026-03-03", 1, "day"),
    )
    assert found == "2026-10-04"


def test_the_headline_s_weekday_dates_a_report_whose_page_dates_nothing() -> None:
    page = article("Already a subscriber? Click the button below to log in.", published="2013-10-14")
    page.title = "Police: Multiple people shot Sunday outside community center"
    (claim,) = [c for c in date_claims(page) if c.attribute == "date"]
    assert claim.normalized["value"] == "2013-10-13" and claim.mention.quote == page.title
    same_day = article("Log in to read more.", published="2013-10-13")
    same_day.title = "Four shot Sunday night at a party"
    assert [c.normalized["value"] for c in date_claims(same_day) if c.attribute == "date"] == ["2013-10-13"]
    undated = article("Log in to read more.", published=None)  # type: ignore[arg-type]
    undated.title = "Four shot Sunday night at a party"
    assert not [c for c in date_claims(undated) if c.attribute == "date"]


def test_the_event_day_is_worked_out_once_per_reading_layers() -> None:
    from newsparallax.facts.claims_context import report_event_day

    text = "Two men were shot on Saturday night outside a bar, police said."
    day = {"text": "Saturday night", "value": "2026-10-03", "granularity": "day", "start": 20, "end": 34,
           "sentence": 0}  # fmt: skip
    report = article(text, published="2026-10-05", dates=[day])
    first = report_event_day(report)
    assert first is not None and report_event_day(report) is first
    assert dataclasses.replace(report, text="Another text.").derived == {}  # a copy works out its own
    report.layers = {**report.layers, "dates": []}  # re-anchoring replaces the layers
    assert report_event_day(report) is None
