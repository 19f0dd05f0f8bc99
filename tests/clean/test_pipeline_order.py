"""The default clean pipeline end to end, and the order check on a misordered one (story invented)."""

from __future__ import annotations

import pytest

from newsparallax.clean import DEFAULT_CLEAN_STAGES
from newsparallax.errors import PipelineError
from newsparallax.model import Article
from newsparallax.pipeline import Pipeline, registered_stages

RAW = (
    "date 2022-04-09\r\n\r\n"
    "OSTBURG, Brovia (AP)\u00a0— Engineers in Ostburg reopened the Kalden bridge on Saturday, "
    "three months after floods cut the town in two.  \r\n"
    "Share this article\r\n"
    "Tweet\r\n\r\n\r\n"
    "Residents were invited to share their memories of the old crossing at a ceremony.\r\n"
    "Crowds cross the reopened Kalden bridge in Ostbu\r\n"
    "Crowds cross the reopened Kalden bridge in Ostburg. Photo / AP\r\n\r\n"
    "Advertisement\r\n\r\n"
    "The mayor, Ilse Varga, said the repairs cost less than expected.\r\n\r\n"
    "— With AFP\r\n"
)

EXPECTED = (
    "Engineers in Ostburg reopened the Kalden bridge on Saturday, three months after floods cut the "
    "town in two.\n\n"
    "Residents were invited to share their memories of the old crossing at a ceremony.\n"
    "Crowds cross the reopened Kalden bridge in Ostburg. Photo / AP\n\n"
    "The mayor, Ilse Varga, said the repairs cost less than expected."
)


def test_default_stages_are_registered_with_their_contracts() -> None:
    stages = registered_stages()
    assert set(DEFAULT_CLEAN_STAGES) <= set(stages)
    assert stages["normalize"].adds == {"normalized"}
    assert stages["dateline"].needs == {"normalized"} and stages["dateline"].adds == {"dateline"}
    assert stages["boilerplate"].adds == {"boilerplate"}
    assert stages["language"].adds == {"language"}


def test_default_pipeline_end_to_end() -> None:
    pipeline = Pipeline(DEFAULT_CLEAN_STAGES)
    article = pipeline(Article(id="e2e", text=RAW, title=" Kalden\u00a0bridge\nreopens "))
    assert article.text == EXPECTED
    assert article.title == "Kalden bridge reopens"
    assert article.published == "2022-04-09"
    assert article.dateline == "Ostburg, Brovia"
    assert article.wires == ["AP", "AFP"]
    assert article.language == "en"
    layer = article.layers["clean"]
    assert (layer["boilerplate_removed"], layer["repeats_removed"]) == (3, 1)
    assert article.content_hash == article.compute_hash() and len(article.content_hash) == 64


def test_pipeline_is_idempotent_on_clean_text() -> None:
    pipeline = Pipeline(DEFAULT_CLEAN_STAGES)
    once = pipeline(Article(id="a", text=RAW))
    twice = pipeline(Article(id="b", text=once.text))
    assert twice.text == once.text


def test_misordered_pipeline_names_the_missing_piece_and_its_provider() -> None:
    with pytest.raises(PipelineError) as error:
        Pipeline(["fingerprint", "normalize"])
    message = str(error.value)
    assert "'fingerprint'" in message
    assert "'normalized' is added by normalize" in message
    assert "before it" in message


def test_dateline_before_normalize_is_refused() -> None:
    with pytest.raises(PipelineError, match="normalize"):
        Pipeline(["dateline", "normalize", "boilerplate"])


def test_unknown_stage_lists_known_ones() -> None:
    with pytest.raises(PipelineError, match="boilerplate"):
        Pipeline(["normalise"])
