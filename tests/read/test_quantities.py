"""Quantities in plain text: invented news sentences, English, Spanish and French."""

from __future__ import annotations

import itertools
import time
from typing import Any

import pytest

from newsparallax.read.layers import Quantity
from newsparallax.read.numbers import parse_digits, scan_numbers
from newsparallax.read.quantities import find_quantities


def quantities(text: str, language: str | None = "en") -> list[Quantity]:
    found = find_quantities(text, language)
    for quantity in found:
        assert quantity.text == text[quantity.start : quantity.end]
        assert quantity.sentence == -1
    assert [q.start for q in found] == sorted(q.start for q in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    return found


def only(text: str, language: str | None = "en") -> Quantity:
    found = quantities(text, language)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def fields(quantity: Quantity, *names: str) -> tuple[Any, ...]:
    return tuple(getattr(quantity, name) for name in names)


# --- hedges and bounds ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "hedge", "low", "high", "approximate"),
    [
        ("About 100 soldiers crossed the river.", "About 100 soldiers", "about", 90, 110, True),
        ("Officials counted around 200 tents.", "around 200 tents", "about", 180, 220, True),
        ("The fire burned roughly 40 homes.", "roughly 40 homes", "about", 36, 44, True),
        ("Some 3,000 people marched.", "Some 3,000 people", "about", 2700, 3300, True),
        ("An estimated 5,000 fans waited.", "An estimated 5,000 fans", "about", 4500, 5500, True),
        ("Up to 100 protesters were expected.", "Up to 100 protesters", "up to", None, 100, False),
        ("As many as 60 boats sailed.", "As many as 60 boats", "up to", None, 60, False),
        ("More than 300 police were deployed.", "More than 300 police", "more than", 300, None, False),
        ("The storm destroyed over 120 houses.", "over 120 houses", "more than", 120, None, False),
        ("At least 20 journalists attended.", "At least 20 journalists", "at least", 20, None, False),
        ("Nearly 200 migrants arrived.", "Nearly 200 migrants", "nearly", 180, 200, True),
        ("Almost 50 trucks queued.", "Almost 50 trucks", "nearly", 45, 50, True),
        ("Fewer than 10 people voted.", "Fewer than 10 people", "fewer than", None, 10, False),
        ("Less than 5% of voters agreed.", "Less than 5% of voters", "fewer than", None, 5, False),
        ("A further 12 troops arrived.", "A further 12 troops", "a further", None, None, False),
        ("Another 30 families fled.", "Another 30 families", "a further", None, None, False),
        ("He spoke to 40 or so farmers.", "40 or so farmers", "about", 36, 44, True),
        ("The 20-odd families left.", "20-odd families", "about", 18, 22, True),
    ],
)
def test_hedges_set_canonical_form_and_bounds(
    text: str, span: str, hedge: str, low: float | None, high: float | None, approximate: bool
) -> None:
    quantity = only(text)
    assert quantity.text == span
    assert quantity.hedge == hedge
    assert quantity.low == (pytest.approx(low) if low is not None else None)
    assert quantity.high == (pytest.approx(high) if high is not None else None)
    assert quantity.approximate is approximate


def test_unhedged_number_has_no_bounds() -> None:
    assert fields(only("The club signed 14 players."), "value", "low", "high", "hedge", "approximate") == (
        14,
        None,
        None,
        None,
        False,
    )


@pytest.mark.parametrize(
    ("text", "span", "value", "low", "high"),
    [
        ("Between 20 and 30 people were arrested.", "Between 20 and 30 people", 20, 20, 30),
        ("Police found 20-30 crates.", "20-30 crates", 20, 20, 30),
        ("Two or three boats capsized.", "Two or three boats", 2, 2, 3),
        ("The works cost 1-2 million dollars.", "1-2 million dollars", 1e6, 1e6, 2e6),
    ],
)
def test_ranges_keep_both_ends(text: str, span: str, value: float, low: float, high: float) -> None:
    quantity = only(text)
    assert fields(quantity, "text", "value", "low", "high", "hedge") == (span, value, low, high, "between")
    assert quantity.approximate


# --- digits, words, magnitudes ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ferry carried two trucks.", 2),
        ("The ferry carried ninety-nine trucks.", 99),
        ("The ferry carried a hundred trucks.", 100),
        ("The ferry carried one hundred and twenty trucks.", 120),
        ("The ferry carried a dozen trucks.", 12),
        ("The ferry carried two dozen trucks.", 24),
        ("The ferry carried 1,200 trucks.", 1200),
        ("The ferry carried 3.5 tonnes.", 3.5),
        ("The ferry carried 2.5 million tonnes.", 2.5e6),
        ("The ferry carried two million tonnes.", 2e6),
        ("The ferry carried 14m passengers last year.", 14e6),
    ],
)
def test_numbers_in_digits_and_words(text: str, value: float) -> None:
    assert only(text).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "span", "value", "low", "high"),
    [
        ("Dozens of people gathered.", "Dozens of people", 24, 24, None),
        ("Hundreds of soldiers waited.", "Hundreds of soldiers", 200, 200, None),
        ("Tens of thousands of people marched.", "Tens of thousands of people", 20000, 20000, None),
        ("A handful of diplomats stayed.", "A handful of diplomats", 3, 2, 5),
        ("Several hundred workers struck.", "Several hundred workers", 300, 200, None),
    ],
)
def test_vague_magnitudes_are_approximate(
    text: str, span: str, value: float, low: float, high: float | None
) -> None:
    quantity = only(text)
    assert fields(quantity, "text", "value", "low", "high") == (span, value, low, high)
    assert quantity.approximate and quantity.hedge is None


@pytest.mark.parametrize(
    "text",
    [
        "The second plane landed at dawn.",
        "It was the first visit in years.",
        "The 21st session opened.",
        "The twenty-first century began.",
        "Two-thirds of the voters stayed home.",
        "No one was hurt.",
        "The two met on Monday.",
    ],
)
def test_ordinals_fractions_and_bare_number_words_are_not_quantities(text: str) -> None:
    assert quantities(text) == []


# --- units and multipliers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "category"),
    [
        ("The firm raised $14 million.", "$14 million", 14e6, "USD", "money"),
        ("The fund got US$14M.", "US$14M", 14e6, "USD", "money"),
        ("The deal is worth £3bn.", "£3bn", 3e9, "GBP", "money"),
        ("Brussels pledged €2.5 billion.", "€2.5 billion", 2.5e9, "EUR", "money"),
        ("They paid 40 million euros.", "40 million euros", 40e6, "EUR", "money"),
        ("They spent millions of dollars.", "millions of dollars", 2e6, "USD", "money"),
        ("Fines reached 5 million pounds.", "5 million pounds", 5e6, "GBP", "money"),
        ("The bill was 300,000 pesos.", "300,000 pesos", 3e5, "peso", "money"),
        ("A rise of 3.5 per cent was seen.", "3.5 per cent", 3.5, "%", "percent"),
        ("Turnout hit 20 percent.", "20 percent", 20, "%", "percent"),
        ("Loads of 3 metric tons were lifted.", "3 metric tons", 3, "t", "weight"),
        ("Agents seized 10 kg.", "10 kg", 10, "kg", "weight"),
        ("Agents seized 20 pounds of cocaine.", "20 pounds of cocaine", 20, "lb", "weight"),
        ("The convoy drove 5 km.", "5 km", 5, "km", "distance"),
        ("The convoy drove 5km.", "5km", 5, "km", "distance"),
        ("The convoy drove 12 miles.", "12 miles", 12, "mi", "distance"),
        ("The wall is 14m high.", "14m", 14, "m", "distance"),
        ("The dam rises 300 feet.", "300 feet", 300, "ft", "distance"),
        ("The talks lasted 12 hours.", "12 hours", 12, "hour", "duration"),
        ("The talks lasted three days.", "three days", 3, "day", "duration"),
        ("He served two years.", "two years", 2, "year", "duration"),
        ("It began a 10-day mission.", "10-day", 10, "day", "duration"),
    ],
)
def test_units_and_multipliers(text: str, span: str, value: float, unit: str, category: str) -> None:
    quantity = only(text)
    assert fields(quantity, "text", "unit", "category") == (span, unit, category)
    assert quantity.value == pytest.approx(value)


def test_tonnes_of_equipment_counts_the_equipment() -> None:
    quantity = only("The plane brought 35 tonnes of equipment to the base.")
    assert fields(quantity, "text", "value", "unit", "counted", "category") == (
        "35 tonnes of equipment",
        35,
        "t",
        "equipment",
        "weight",
    )


# --- counted nouns ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "counted", "category"),
    [
        ("About 100 Russian soldiers landed.", "About 100 Russian soldiers", "soldiers", "troops"),
        (
            "It sent two nuclear-capable Tu-160 strategic bombers.",
            "two nuclear-capable Tu-160 strategic bombers",
            "bombers",
            None,
        ),
        ("Ships unloaded 35 tonnes of material.", "35 tonnes of material", "material", "weight"),
        ("One senior official said so.", "One senior official", "official", None),
        ("Some 300 police officers stood by.", "Some 300 police officers", "officers", None),
        ("A 1,000-strong force arrived.", "1,000-strong force", "force", "troops"),
        ("Two of the soldiers spoke.", "Two of the soldiers", "soldiers", "troops"),
        ("The bus carried 40 passengers.", "40 passengers", "passengers", "people"),
        ("Some 2.5 million people live there.", "Some 2.5 million people", "people", "people"),
        ("The ministry sent 300 personnel.", "300 personnel", "personnel", "troops"),
    ],
)
def test_counted_noun_and_its_category(text: str, span: str, counted: str, category: str | None) -> None:
    assert fields(only(text), "text", "counted", "category") == (span, counted, category)


# --- casualties ---------------------------------------------------------------------------------


def test_killed_and_injured_in_one_sentence() -> None:
    found = quantities("Two people were killed and three injured in the blast, police said.")
    assert [fields(q, "text", "value", "counted", "category") for q in found] == [
        ("Two people", 2, "people", "killed"),
        ("three", 3, None, "injured"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The gunman opened fire, killing 6 civilians.", [(6, "killed")]),
        ("The blast left three other people wounded.", [(3, "injured")]),
        ("One dead, four hurt after a bus crash.", [(1, "killed"), (4, "injured")]),
        ("Six people were shot, one fatally.", [(6, "shot"), (1, "killed")]),
        ("Two dead after a landslide.", [(2, "killed")]),
        ("The death toll rose to six on Tuesday.", [(6, "killed")]),
        ("Call the toll-free tip line at 855 or text 888.", [(855, None), (888, None)]),
        ("Police say four people were hit in an overnight shooting.", [(4, "shot")]),
        ("Two bystanders were hit by gunfire.", [(2, "shot")]),
        ("Three cars were hit in the crash.", [(3, None)]),
        ("Four were hospitalised after the fire.", [(4, "injured")]),
        ("Two were seriously wounded.", [(2, "injured")]),
        ("Three miners were critically injured.", [(3, "injured")]),
        ("Three wounded soldiers were flown out.", [(3, "injured")]),
        ("Police arrested 20 people on Friday.", [(20, "arrested")]),
        ("At least 12 protesters were detained.", [(12, "arrested")]),
        ("Four sailors remain missing.", [(4, "missing")]),
        ("Some 300 residents were evacuated.", [(300, "displaced")]),
        ("The UN said 2.7 million had fled.", [(2.7e6, "displaced")]),
        ("Officials reported 40 deaths and 120 injuries.", [(40, "killed"), (120, "injured")]),
        ("Fifteen people were taken to hospital, two of whom died.", [(15, "injured"), (2, "killed")]),
        ("Five soldiers killed 3 militants.", [(5, "troops"), (3, "killed")]),
        ("None of the 20 passengers was injured.", [(20, "people")]),
        ("In March, 20 people were killed.", [(20, "killed")]),
    ],
)
def test_casualty_phrasings(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(q.value, q.category) for q in quantities(text)] == expected


def test_age_of_a_victim_is_not_a_count_of_the_dead() -> None:
    assert quantities("A 20-year-old man who was killed on Saturday was named.") == []


# --- numbers that are not quantities ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The plan was signed in 2019.",
        "The 2014-15 season ended badly.",
        "The 2018 elections were disputed.",
        "Music of the 1990s was played.",
        "The raid happened on 28 April.",
        "The raid happened on March 23, 2019.",
        "The raid happened at 7:40 p.m. local time.",
        "They met at 10 a.m. and left at 0700 GMT.",
        "John Smith, 33, of Milwaukee was charged.",
        "Miranda Doerr, three, was shot in her home.",
        "The driver, aged 33, was charged.",
        "Maria Lopez (41) was charged.",
        "The Tu-160 and an Il-62 landed next to an An-124.",
        "He carried an AK-47 onto a Boeing 737.",
        "Shots were heard in the 2400 block of Elm Avenue.",
        "The office is at 123 Main St in the capital.",
        "Call 555-123-4567 or +44 20 7946 0958 for details.",
        "Details are on page 12 of Section 8 and Article 5.",
        "Flight 370 vanished; COVID-19 spread; Fortune 500 firms gained.",
        "Sales of the iPhone 15 rose.",
        "The shop opens 24/7.",
        "They won 3-1 at home.",
        "He ruled from 1990 to 2000.",
    ],
)
def test_not_quantities(text: str) -> None:
    assert quantities(text) == []


def test_year_like_number_with_a_plural_noun_is_a_quantity() -> None:
    assert fields(only("Roughly 2000 troops crossed the border."), "value", "counted") == (2000, "troops")


# --- Spanish and French -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value", "hedge", "unit", "counted", "category"),
    [
        (
            "Llegaron unas 20 toneladas de material.",
            "unas 20 toneladas de material",
            20,
            "about",
            "t",
            "material",
            "weight",
        ),
        ("Dos personas murieron en el choque.", "Dos personas", 2, None, None, "personas", "killed"),
        ("Hubo veintitrés heridos.", "veintitrés", 23, None, None, None, "injured"),
        (
            "Al menos cuatro personas fueron detenidas.",
            "Al menos cuatro personas",
            4,
            "at least",
            None,
            "personas",
            "arrested",
        ),
        ("Acudieron cien soldados.", "cien soldados", 100, None, None, "soldados", "troops"),
        (
            "Más de 1.200 personas fueron evacuadas.",
            "Más de 1.200 personas",
            1200,
            "more than",
            None,
            "personas",
            "displaced",
        ),
        (
            "Costó casi 3,5 millones de dólares.",
            "casi 3,5 millones de dólares",
            3.5e6,
            "nearly",
            "USD",
            None,
            "money",
        ),
        ("Hay hasta 300 efectivos.", "hasta 300 efectivos", 300, "up to", None, "efectivos", "troops"),
        (
            "Llegaron treinta y dos migrantes.",
            "treinta y dos migrantes",
            32,
            None,
            None,
            "migrantes",
            "people",
        ),
        (
            "Un centenar de manifestantes marchó.",
            "Un centenar de manifestantes",
            100,
            "about",
            None,
            "manifestantes",
            "people",
        ),
        ("La cifra de muertos ascendió a 15.", "15", 15, None, None, None, "killed"),
    ],
)
def test_spanish(
    text: str,
    span: str,
    value: float,
    hedge: str | None,
    unit: str | None,
    counted: str | None,
    category: str,
) -> None:
    quantity = only(text, "es")
    assert fields(quantity, "text", "hedge", "unit", "counted", "category") == (
        span,
        hedge,
        unit,
        counted,
        category,
    )
    assert quantity.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "span", "value", "hedge", "unit", "counted", "category"),
    [
        ("Deux personnes ont été tuées.", "Deux personnes", 2, None, None, "personnes", "killed"),
        ("Quatre policiers ont été blessés.", "Quatre policiers", 4, None, None, "policiers", "injured"),
        (
            "Une centaine de manifestants ont été interpellés.",
            "Une centaine de manifestants",
            100,
            "about",
            None,
            "manifestants",
            "arrested",
        ),
        (
            "Environ 3 000 soldats sont arrivés.",
            "Environ 3 000 soldats",
            3000,
            "about",
            None,
            "soldats",
            "troops",
        ),
        ("On compte plus de 20 morts.", "plus de 20", 20, "more than", None, None, "killed"),
        (
            "Le projet coûte près de 2,5 milliards d'euros.",
            "près de 2,5 milliards d'euros",
            2.5e9,
            "nearly",
            "EUR",
            None,
            "money",
        ),
        (
            "Jusqu'à 500 militaires seront déployés.",
            "Jusqu'à 500 militaires",
            500,
            "up to",
            None,
            "militaires",
            "troops",
        ),
        ("Vingt et un enfants sont rentrés.", "Vingt et un enfants", 21, None, None, "enfants", "people"),
        (
            "Il y avait quatre-vingt-dix-neuf passagers.",
            "quatre-vingt-dix-neuf passagers",
            99,
            None,
            None,
            "passagers",
            "people",
        ),
        ("Au moins 15 blessés graves ont été évacués.", "Au moins 15", 15, "at least", None, None, "injured"),
    ],
)
def test_french(
    text: str,
    span: str,
    value: float,
    hedge: str | None,
    unit: str | None,
    counted: str | None,
    category: str,
) -> None:
    quantity = only(text, "fr")
    assert fields(quantity, "text", "hedge", "unit", "counted", "category") == (
        span,
        hedge,
        unit,
        counted,
        category,
    )
    assert quantity.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Un hombre de 33 años murió el 28 de abril de 2019.", "es"),
        ("Le 1er mai 2019 à 19h30, un homme âgé de 45 ans est mort.", "fr"),
        ("Un nouveau bâtiment neuf a ouvert.", "fr"),
    ],
)
def test_spanish_and_french_dates_ages_and_articles_are_not_quantities(text: str, language: str) -> None:
    assert quantities(text, language) == []


def test_french_elided_de_before_the_counted_noun() -> None:
    quantity = only("Elle a déposé des milliers d'amendements.", "fr")
    assert fields(quantity, "text", "value", "counted") == ("milliers d'amendements", 2000, "amendements")


def test_other_languages_get_digits_and_symbols() -> None:
    found = quantities("Rund 1.200 Soldaten und 3,5 % mehr, 40 km weiter.", "de")
    assert [fields(q, "text", "value", "unit") for q in found] == [
        ("1.200", 1200, None),
        ("3,5 %", 3.5, "%"),
        ("40 km", 40, "km"),
    ]


def test_language_none_reads_as_english() -> None:
    assert fields(only("About two dozen trucks.", None), "value", "hedge") == (24, "about")


@pytest.mark.parametrize(
    ("raw", "style", "value"),
    [
        ("1,200", "en", 1200),
        ("1.200", "en", 1.2),
        ("1.200", "es", 1200),
        ("1,200", "es", 1200),
        ("3,5", "es", 3.5),
        ("3.5", "es", 3.5),
        ("1.234.567,8", "eu", 1234567.8),
        ("3 000", "eu", 3000),
        ("3,500", "eu", 3.5),
    ],
)
def test_digit_styles(raw: str, style: str, value: float) -> None:
    assert parse_digits(raw, style) == pytest.approx(value)


# --- offsets and speed --------------------------------------------------------------------------

ARTICLE = (
    "CARACAS - Two Russian Tu-160 bombers landed on Monday with about 100 servicemen, the ministry said. "
    "The planes flew some 10,000 km and carried 35 tonnes of equipment, journalist Ana Ruiz, 41, reported. "
    "In the west, at least three people were killed and 12 injured at 7:40 p.m. when police clashed with "
    "protesters; 27 people were arrested and nearly 200 residents evacuated from the 2400 block of Main St. "
    "The opposition said more than 3 million Venezuelans had left since 2014, at an estimated $14 million."
)


def test_offsets_in_a_paragraph() -> None:
    found = quantities(ARTICLE)
    assert [q.text for q in found] == [
        "Two Russian Tu-160 bombers",
        "about 100 servicemen",
        "some 10,000 km",
        "35 tonnes of equipment",
        "at least three people",
        "12",
        "27 people",
        "nearly 200 residents",
        "more than 3 million Venezuelans",
        "an estimated $14 million",
    ]
    first = found[1]
    assert (first.start, first.end) == (ARTICLE.index("about 100"), ARTICLE.index("about 100") + 20)


def test_scan_numbers_is_a_plain_number_stream() -> None:
    assert [(n.value, n.kind) for n in scan_numbers("two or three, then 20-30 and dozens", "en")] == [
        (2, "range"),
        (20, "range"),
        (24, "vague"),
    ]


def test_speed_is_well_under_a_few_milliseconds_per_article() -> None:
    text = (ARTICLE * 4)[:2000]
    find_quantities(text)
    began = time.perf_counter()
    for _ in range(50):
        find_quantities(text)
    assert (time.perf_counter() - began) / 50 < 0.01  # measured ~0.6 ms; generous for slow CI machines
