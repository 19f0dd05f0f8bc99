"""Date expressions found and resolved against the publication date (invented news sentences)."""

from __future__ import annotations

import datetime as dt
import itertools
import time

import pytest

from newsparallax.read.layers import DateMention
from newsparallax.read.timex import find_dates

MONDAY = dt.date(2019, 3, 25)  # a Monday
THURSDAY = dt.date(2019, 3, 21)
SATURDAY = dt.date(2019, 3, 23)
SUNDAY = dt.date(2019, 3, 24)


def found(text: str, anchor: dt.date | None = MONDAY, language: str = "en") -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in find_dates(text, anchor, language)]


def only(text: str, anchor: dt.date | None = MONDAY, language: str = "en") -> DateMention:
    mentions = find_dates(text, anchor, language)
    assert len(mentions) == 1, mentions
    mention = mentions[0]
    assert text[mention.start : mention.end] == mention.text
    return mention


def check(text: str, span: str, value: str, anchor: dt.date = MONDAY, language: str = "en") -> DateMention:
    mention = only(text, anchor, language)
    assert (mention.text, mention.value) == (span, value)
    return mention


# --- weekdays ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Protesters marched on Saturday in the capital.", "Saturday", "2019-03-23"),
        ("The minister resigned on Monday.", "Monday", "2019-03-25"),  # the report's own weekday: today
        ("Shots were heard early on Sunday near the port.", "early on Sunday", "2019-03-24"),
        ("Police arrived late Friday.", "late Friday", "2019-03-22"),
        ("He resigned last Saturday.", "last Saturday", "2019-03-23"),
        ("The vote is next Saturday.", "next Saturday", "2019-03-30"),
        ("Rallies are called for this coming Saturday.", "this coming Saturday", "2019-03-30"),
        ("The plant closed on Wednesday last week.", "Wednesday last week", "2019-03-20"),
        ("Saturday's vote was calm.", "Saturday", "2019-03-23"),
    ],
)
def test_weekdays_point_to_the_past(text: str, span: str, value: str) -> None:
    mention = check(text, span, value)
    assert mention.relative and mention.anchored and mention.granularity == "day"
    assert mention.end_value is None and mention.sentence == -1


def test_part_of_the_day_keeps_the_day() -> None:
    mention = check("Saturday night was calm in the city.", "Saturday night", "2019-03-23")
    assert mention.granularity == "part_of_day"


def test_last_weekday_on_that_weekday_is_a_week_back() -> None:
    check("He resigned last Saturday.", "last Saturday", "2019-03-16", anchor=SATURDAY)
    check("He resigned on Saturday.", "Saturday", "2019-03-23", anchor=SATURDAY)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The president will travel to the border on Friday.", "2019-03-29"),
        ("Ministers are to meet on Friday to discuss the budget.", "2019-03-29"),
        ("The report is due to be published on Friday.", "2019-03-29"),
        ("Talks are scheduled for Friday.", "2019-03-29"),
        ("On Friday, talks will resume in Geneva.", "2019-03-29"),
        ("The ministry said on Friday it will hold talks.", "2019-03-22"),
        ("On Friday, the ministry said it will hold talks.", "2019-03-22"),
        ("Talks will resume, the ministry said on Friday.", "2019-03-22"),
        ("The ministry said it will hold talks on Friday.", "2019-03-29"),
    ],
)
def test_future_wording_turns_weekdays_forward(text: str, value: str) -> None:
    assert [m.value for m in find_dates(text, MONDAY)] == [value]


def test_weekday_across_the_year_end() -> None:
    check("Protesters marched on Saturday.", "Saturday", "2023-12-30", anchor=dt.date(2024, 1, 1))
    check("The summit opens next Wednesday.", "next Wednesday", "2024-01-03", anchor=dt.date(2023, 12, 30))


# --- today, yesterday, weeks, weekends ----------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "value", "granularity"),
    [
        ("today", "2019-03-25", "day"),
        ("yesterday", "2019-03-24", "day"),
        ("tomorrow", "2019-03-26", "day"),
        ("tonight", "2019-03-25", "part_of_day"),
        ("overnight", "2019-03-24", "part_of_day"),
        ("this morning", "2019-03-25", "part_of_day"),
        ("last night", "2019-03-24", "part_of_day"),
        ("yesterday morning", "2019-03-24", "part_of_day"),
        ("the day before yesterday", "2019-03-23", "day"),
    ],
)
def test_day_words(phrase: str, value: str, granularity: str) -> None:
    mention = check(f"Fighting resumed {phrase} in the north.", phrase, value)
    assert mention.granularity == granularity and mention.relative


@pytest.mark.parametrize(
    ("anchor", "value"),
    [
        (dt.date(2024, 3, 1), "2024-02-29"),
        (dt.date(2023, 3, 1), "2023-02-28"),
        (dt.date(2024, 1, 1), "2023-12-31"),
    ],
)
def test_yesterday_across_month_and_year_ends(anchor: dt.date, value: str) -> None:
    check("The bridge collapsed yesterday.", "yesterday", value, anchor=anchor)


@pytest.mark.parametrize(
    ("text", "span", "anchor", "value", "end_value", "granularity"),
    [
        ("Banks reopen earlier this week.", "earlier this week", MONDAY, "2019-03-25", "2019-03-31", "week"),
        ("Banks reopened last week.", "last week", MONDAY, "2019-03-18", "2019-03-24", "week"),
        ("Banks reopened last week.", "last week", dt.date(2020, 1, 2), "2019-12-23", "2019-12-29", "week"),
        ("Banks reopen next week.", "next week", MONDAY, "2019-04-01", "2019-04-07", "week"),
        ("Prices rose last month.", "last month", dt.date(2024, 1, 15), "2023-12-01", "2023-12-31", "month"),
        ("Prices rose this month.", "this month", MONDAY, "2019-03-01", "2019-03-31", "month"),
        ("Prices will rise next month.", "next month", MONDAY, "2019-04-01", "2019-04-30", "month"),
        ("Prices rose last year.", "last year", MONDAY, "2018-01-01", "2018-12-31", "year"),
        ("Prices rose late last year.", "late last year", MONDAY, "2018-01-01", "2018-12-31", "year"),
        ("Clashes erupted over the weekend.", "the weekend", MONDAY, "2019-03-23", "2019-03-24", "range"),
        ("Clashes erupted on the weekend.", "the weekend", SUNDAY, "2019-03-23", "2019-03-24", "range"),
        ("Clashes erupted this weekend.", "this weekend", MONDAY, "2019-03-23", "2019-03-24", "range"),
        ("Clashes erupted last weekend.", "last weekend", SUNDAY, "2019-03-16", "2019-03-17", "range"),
        ("Clashes erupted last weekend.", "last weekend", MONDAY, "2019-03-23", "2019-03-24", "range"),
        ("Clashes erupted at the weekend.", "the weekend", THURSDAY, "2019-03-16", "2019-03-17", "range"),
        ("Unions will strike at the weekend.", "the weekend", THURSDAY, "2019-03-23", "2019-03-24", "range"),
        ("Unions strike next weekend.", "next weekend", MONDAY, "2019-03-30", "2019-03-31", "range"),
    ],
)
def test_weeks_months_years_and_weekends(
    text: str, span: str, anchor: dt.date, value: str, end_value: str, granularity: str
) -> None:
    mention = check(text, span, value, anchor=anchor)
    assert (mention.end_value, mention.granularity, mention.relative) == (end_value, granularity, True)


# --- months and years --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "anchor", "value", "end_value"),
    [
        ("In January, prices rose sharply.", "January", MONDAY, "2019-01-01", "2019-01-31"),
        ("Last December was the coldest.", "Last December", MONDAY, "2018-12-01", "2018-12-31"),
        ("Sales fell in December.", "December", MONDAY, "2018-12-01", "2018-12-31"),
        ("Sales fell in March.", "March", MONDAY, "2019-03-01", "2019-03-31"),
        ("Sales fell last March.", "last March", MONDAY, "2018-03-01", "2018-03-31"),
        ("In December the plant closed.", "December", dt.date(2020, 1, 10), "2019-12-01", "2019-12-31"),
        ("Elections will be held in June.", "June", MONDAY, "2019-06-01", "2019-06-30"),
        ("Exports have fallen since early January.", "early January", MONDAY, "2019-01-01", "2019-01-31"),
        ("The deal expires at the end of May.", "the end of May", MONDAY, "2018-05-01", "2018-05-31"),
    ],
)
def test_months_without_a_year(text: str, span: str, anchor: dt.date, value: str, end_value: str) -> None:
    mention = check(text, span, value, anchor=anchor)
    assert (mention.end_value, mention.granularity, mention.relative) == (end_value, "month", True)


@pytest.mark.parametrize(
    ("text", "span", "value", "end_value", "granularity"),
    [
        ("The war began in 2014.", "2014", "2014-01-01", "2014-12-31", "year"),
        ("The war began in March 2015.", "March 2015", "2015-03-01", "2015-03-31", "month"),
        ("Output has grown since mid-2017.", "mid-2017", "2017-01-01", "2017-12-31", "year"),
        ("It was built in the 1990s.", "the 1990s", "1990-01-01", "1999-12-31", "range"),
        ("Prices doubled between 2010 and 2014.", "2010 and 2014", "2010-01-01", "2014-12-31", "range"),
        ("Some 500 people died in 2018 and 2019.", "2018 and 2019", "2018-01-01", "2019-12-31", "range"),
        (
            "Output fell in the first half of 2018.",
            "the first half of 2018",
            "2018-01-01",
            "2018-12-31",
            "year",
        ),
    ],
)
def test_years(text: str, span: str, value: str, end_value: str, granularity: str) -> None:
    mention = check(text, span, value)
    assert (mention.end_value, mention.granularity, mention.relative) == (end_value, granularity, False)


# --- calendar dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value", "relative"),
    [
        ("The summit took place on 28 April.", "28 April", "2018-04-28", True),
        ("The summit took place on April 28.", "April 28", "2018-04-28", True),
        ("The summit took place on April 28, 2019.", "April 28, 2019", "2019-04-28", False),
        ("The summit took place on 28 April 2019.", "28 April 2019", "2019-04-28", False),
        ("The summit took place on the 28th of April.", "the 28th of April", "2018-04-28", True),
        ("The file is dated 2019-03-23.", "2019-03-23", "2019-03-23", False),
        ("The file is dated 3/23/2019.", "3/23/2019", "2019-03-23", False),
        ("The file is dated 23/3/2019.", "23/3/2019", "2019-03-23", False),
        ("The strike began on March 23rd.", "March 23rd", "2019-03-23", True),
        ("The strike began on the 23rd.", "the 23rd", "2019-03-23", True),
        ("The strike began on the 28th.", "the 28th", "2019-02-28", True),
        ("The strike began Dec. 3 in the south.", "Dec. 3", "2018-12-03", True),
        ("The strike began Sept. 12 in the south.", "Sept. 12", "2018-09-12", True),
        ("Organisers said the March 23 march was peaceful.", "March 23", "2019-03-23", True),
        ("The rally on Saturday, March 23, was peaceful.", "Saturday, March 23", "2019-03-23", True),
    ],
)
def test_calendar_dates(text: str, span: str, value: str, relative: bool) -> None:
    mention = check(text, span, value)
    assert mention.granularity == "day" and mention.relative is relative


@pytest.mark.parametrize(
    "text",
    [
        "Fuel prices are to jump by 30 percent on 28 April.",
        "Troops will withdraw on 28 April, officials said.",
    ],
)
def test_dates_without_a_year_go_forward_with_future_wording(text: str) -> None:
    assert [m.value for m in find_dates(text, MONDAY)] == ["2019-04-28"]


@pytest.mark.parametrize(
    ("anchor", "value"),
    [
        (dt.date(2025, 3, 10), "2024-02-29"),
        (dt.date(2024, 3, 10), "2024-02-29"),
        (dt.date(2024, 2, 28), "2020-02-29"),
    ],
)
def test_leap_day_without_a_year(anchor: dt.date, value: str) -> None:
    check("The law was signed on February 29.", "February 29", value, anchor=anchor)


def test_day_ranges() -> None:
    mention = check("The fair ran on March 3-5 in Lagos.", "March 3-5", "2019-03-03")
    assert (mention.end_value, mention.granularity) == ("2019-03-05", "range")
    mention = check("The fair ran on 3-5 March in Lagos.", "3-5 March", "2019-03-03")
    assert mention.end_value == "2019-03-05"


@pytest.mark.parametrize(
    ("phrase", "anchor", "value", "granularity"),
    [
        ("three months ago", MONDAY, "2018-12-25", "month"),
        ("two days ago", MONDAY, "2019-03-23", "day"),
        ("a week ago", MONDAY, "2019-03-18", "week"),
        ("a year ago", MONDAY, "2018-03-25", "year"),
        ("10 days earlier", MONDAY, "2019-03-15", "day"),
        ("two days later", MONDAY, "2019-03-27", "day"),
        ("three months ago", dt.date(2019, 5, 31), "2019-02-28", "month"),
    ],
)
def test_shifts_from_the_anchor(phrase: str, anchor: dt.date, value: str, granularity: str) -> None:
    mention = check(f"The clinic opened {phrase} in the old town.", phrase, value, anchor=anchor)
    assert mention.granularity == granularity and mention.relative


# --- clock times, false positives, overlaps ----------------------------------------------------


def test_clock_times_join_their_day() -> None:
    mention = check("The blast happened at 7:40 p.m. on Saturday.", "7:40 p.m. on Saturday", "2019-03-23")
    assert mention.granularity == "part_of_day"
    mention = check("Yesterday at 3 a.m. sirens sounded.", "Yesterday at 3 a.m.", "2019-03-24")
    assert mention.granularity == "part_of_day"
    assert find_dates("The blast happened at 7:40 p.m. near the port.", MONDAY) == []


@pytest.mark.parametrize(
    "text",
    [
        "A 33-year-old man was detained at the border.",
        "About 100 troops and 35 tonnes of aid arrived by road.",
        "The talks may be delayed again, diplomats warned.",
        "Theresa May said the deal was done.",
        "May God protect the miners, the bishop said.",
        "The Sunday Times reported the plan first.",
        "USA Today reported the plan first.",
        "He served in the 3rd battalion for a decade.",
        "She hosted Saturday Night Live twice.",
        "The market is closed on Mondays.",
        "The index rose to 2014 points while 2,019 shares changed hands.",
        "Demonstrators march through the capital every week.",
    ],
)
def test_things_that_are_not_dates(text: str) -> None:
    assert find_dates(text, MONDAY) == []


def test_mentions_are_sorted_exact_and_do_not_overlap() -> None:
    text = (
        "On Saturday, March 23, 2019, police said that since last December about 100 people had been held. "
        "Early on Sunday the army withdrew; officials will meet next Tuesday, three days after the vote "
        "that took place 10 days ago, and again in mid-April, they told reporters late last year."
    )
    mentions = find_dates(text, MONDAY)
    assert [m.text for m in mentions] == [
        "Saturday, March 23, 2019",
        "last December",
        "Early on Sunday",
        "next Tuesday",
        "10 days ago",
        "mid-April",
        "late last year",
    ]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))
    assert [m.value for m in mentions] == [
        "2019-03-23",
        "2018-12-01",
        "2019-03-24",  # "will" comes after the semicolon: not this clause's wording
        "2019-03-26",
        "2019-03-15",
        "2019-04-01",  # "will meet ... in mid-April": future wording
        "2018-01-01",
    ]


# --- no anchor ---------------------------------------------------------------------------------


def test_without_anchor_relative_dates_have_no_value() -> None:
    text = "On Saturday, on 28 April, in January, three days ago; in 2014, on April 28, 2019 and 2019-03-23."
    got = {(m.text, m.value, m.end_value, m.anchored) for m in find_dates(text, None)}
    assert got == {
        ("Saturday", None, None, False),
        ("28 April", None, None, False),
        ("January", None, None, False),
        ("three days ago", None, None, False),
        ("2014", "2014-01-01", "2014-12-31", True),
        ("April 28, 2019", "2019-04-28", None, True),
        ("2019-03-23", "2019-03-23", None, True),
    }


# --- Spanish and French ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("El sábado hubo protestas en Caracas.", "sábado", "2019-03-23"),
        ("La votación será el sábado.", "sábado", "2019-03-30"),
        ("El próximo sábado votarán los diputados.", "próximo sábado", "2019-03-30"),
        ("El sábado pasado cayó la red eléctrica.", "sábado pasado", "2019-03-23"),
        ("La cumbre fue el 28 de abril.", "28 de abril", "2018-04-28"),
        ("Las elecciones se celebrarán el 28 de abril.", "28 de abril", "2019-04-28"),
        ("El apagón comenzó el pasado 3 de octubre.", "pasado 3 de octubre", "2018-10-03"),
        ("El decreto es del 3 de octubre de 2018.", "3 de octubre de 2018", "2018-10-03"),
        ("El decreto se firmó el 23/03/2019.", "23/03/2019", "2019-03-23"),
        ("Ayer llegaron los primeros camiones.", "Ayer", "2019-03-24"),
        ("Anoche se oyeron disparos.", "Anoche", "2019-03-24"),
        ("La policía detuvo a 12 personas la semana pasada.", "la semana pasada", "2019-03-18"),
        ("Los precios subieron el mes pasado.", "el mes pasado", "2019-02-01"),
        ("La empresa cerró hace tres meses.", "hace tres meses", "2018-12-25"),
        ("La inflación se disparó en enero.", "enero", "2019-01-01"),
        ("La ley se aprobó en marzo de 2015.", "marzo de 2015", "2015-03-01"),
        ("Hubo disparos el sábado por la noche.", "sábado por la noche", "2019-03-23"),
        ("Hubo disparos la noche del viernes.", "la noche del viernes", "2019-03-22"),
    ],
)
def test_spanish(text: str, span: str, value: str) -> None:
    check(text, span, value, language="es")


def test_spanish_ranges_and_non_dates() -> None:
    mention = check("La feria será del 3 al 5 de mayo.", "3 al 5 de mayo", "2019-05-03", language="es")
    assert mention.end_value == "2019-05-05"
    assert find_dates("Los lunes abre el mercado. Por la mañana llovió.", MONDAY, "es") == []
    check("El sábado hubo protestas.", "sábado", "2019-03-23", anchor=SATURDAY, language="es")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Samedi dernier, les manifestants ont défilé.", "Samedi dernier", "2019-03-23"),
        ("Le sommet a eu lieu le 3 octobre.", "3 octobre", "2018-10-03"),
        ("Le sommet a eu lieu le 3 octobre 2018.", "3 octobre 2018", "2018-10-03"),
        ("La loi est entrée en vigueur le 1er mai.", "1er mai", "2018-05-01"),
        ("Le pont s'est effondré hier.", "hier", "2019-03-24"),
        ("Le pont s'est effondré avant-hier.", "avant-hier", "2019-03-23"),
        ("Le décret a été publié aujourd'hui.", "aujourd'hui", "2019-03-25"),
        ("L'usine a fermé il y a deux ans.", "il y a deux ans", "2017-03-25"),
        ("Tirs dans la nuit de samedi à dimanche.", "dans la nuit de samedi à dimanche", "2019-03-23"),
        ("Les prix ont augmenté la semaine dernière.", "la semaine dernière", "2019-03-18"),
        ("Les prix ont augmenté l'an dernier.", "l'an dernier", "2018-01-01"),
        ("Les prix ont augmenté en janvier.", "janvier", "2019-01-01"),
        ("Les prix ont augmenté à la mi-mars.", "mi-mars", "2019-03-01"),
        ("Le président se rendra à Paris samedi.", "samedi", "2019-03-30"),
        ("Il a déclaré samedi qu'il viendra.", "samedi", "2019-03-23"),
        ("Hier soir à 22h30, la police est intervenue.", "Hier soir à 22h30", "2019-03-24"),
    ],
)
def test_french(text: str, span: str, value: str) -> None:
    check(text, span, value, language="fr")


def test_french_recurring_weekdays_are_not_dates() -> None:
    assert find_dates("Le marché ouvre tous les samedis et les lundis.", MONDAY, "fr") == []


# --- other languages and NER hints -------------------------------------------------------------


def test_numeric_dates_in_any_language() -> None:
    assert found("Der Gipfel am 23.03.2019 war kurz.", language="de") == [("23.03.2019", "2019-03-23")]


def test_hints_fill_gaps_with_dateparser() -> None:
    text = "Der Gipfel fand letzte Woche statt; der 33-jährige Minister sprach."
    start = text.index("letzte Woche")
    [mention] = find_dates(text, MONDAY, "de", hints=[(start, start + len("letzte Woche"))])
    assert (mention.text, mention.value, mention.end_value) == ("letzte Woche", "2019-03-18", "2019-03-24")
    assert (mention.granularity, mention.relative, mention.anchored) == ("week", True, True)
    [unanchored] = find_dates(text, None, "de", hints=[(start, start + len("letzte Woche"))])
    assert (unanchored.value, unanchored.anchored) == (None, False)


def test_hints_skip_ages_durations_times_and_spans_already_found() -> None:
    text = (
        "2018 was hard for the 33-year-old, who spent three years away until Saturday. He left at 7:40 p.m."
    )
    spans = ["2018", "33-year-old", "three years", "Saturday", "until Saturday", "7:40 p.m."]
    hints = [(text.index(span), text.index(span) + len(span)) for span in spans]
    got = [(m.text, m.value, m.end_value, m.relative) for m in find_dates(text, MONDAY, "en", hints)]
    assert got == [("2018", "2018-01-01", "2018-12-31", False), ("Saturday", "2019-03-23", None, True)]


def test_english_hints_without_a_date_word_are_not_dates() -> None:
    text = "The 19-hour standoff at 8477 Elm St. ended at 7:39 AM EST, in the early morning hours."
    spans = ["19-hour", "8477", "7:39 AM EST", "early morning hours"]
    hints = [(text.index(span), text.index(span) + len(span)) for span in spans]
    assert find_dates(text, MONDAY, "en", hints) == []
    kept = "Police said the shooting happened the weekend before."
    start = kept.index("the weekend before")
    [mention] = find_dates(kept, MONDAY, "en", hints=[(start, start + len("the weekend before"))])
    assert mention.text.startswith("weekend") or mention.text.startswith("the weekend")


def test_unknown_languages_do_not_fail() -> None:
    assert find_dates("Saba 2019-03-23 ya kuvutia.", MONDAY, "xx", hints=[(0, 4)]) == [
        DateMention(5, 15, "2019-03-23", "2019-03-23")
    ]


def test_fast_enough_for_every_article() -> None:
    text = (
        "The opposition leader said on Saturday that troops would stay until March 23, a day after about 100 "
        "soldiers were seen near the palace. The 33-year-old activist, arrested last week, may be released "
        "early next month, his lawyer told reporters. Prices are to rise by 35 percent on 28 April. "
    ) * 7
    find_dates(text, MONDAY)
    began = time.perf_counter()
    for _ in range(20):
        find_dates(text, MONDAY)
    assert (time.perf_counter() - began) / 20 < 0.01  # about 1 ms in practice; generous for slow machines
