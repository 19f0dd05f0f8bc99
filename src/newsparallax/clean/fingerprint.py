"""Fingerprints of a cleaned article: the exact content hash and the MinHash used for near-duplicates."""

from __future__ import annotations

import re
import struct
import zlib
from functools import lru_cache

import numpy as np

from newsparallax.model import Article
from newsparallax.pipeline import stage

NUM_PERM = 128
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 5
_WORD = re.compile(r"\w+", re.UNICODE)


@stage("fingerprint", needs=("text", "normalized", "dateline", "boilerplate"), adds=("content_hash",))
def fingerprint(article: Article) -> Article:
    article.content_hash = article.compute_hash()
    return article


_MERSENNE = np.uint64((1 << 61) - 1)
_MASK32 = np.uint64((1 << 32) - 1)
_CHUNK = 4096
_SHINGLE_WEIGHTS = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1], dtype=np.uint64)


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.RandomState(1)
    a = rng.randint(1, int(_MERSENNE), size=NUM_PERM, dtype=np.uint64)
    b = rng.randint(0, int(_MERSENNE), size=NUM_PERM, dtype=np.uint64)
    return a, b


def shingle_hashes(text: str, size: int = SHINGLE) -> np.ndarray:
    """Distinct 32-bit hashes of the body's word ``size``-shingles (case-folded)."""
    words = np.fromiter(
        (zlib.crc32(w.encode("utf-8")) for w in _WORD.findall(text.casefold())), dtype=np.uint64
    )
    if len(words) < size:
        return np.unique(words[:1] if len(words) else words)
    windows = np.lib.stride_tricks.sliding_window_view(words, size)
    return np.unique((windows * _SHINGLE_WEIGHTS[:size]).sum(axis=1) & _MASK32)


def minhash_signature(text: str) -> np.ndarray | None:
    """128-permutation MinHash of the body's word 5-shingles, or ``None`` for bodies too short to compare.

    The universal-hash scheme of datasketch's ``MinHash`` ((a·h + b) mod 2⁶¹−1, 32 bits kept),
    vectorised with numpy and computed in chunks so a huge document needs little memory.
    """
    hashes = shingle_hashes(text)
    if len(hashes) < 10:
        return None
    a, b = _permutations()
    signature = np.full(NUM_PERM, _MASK32, dtype=np.uint64)
    for start in range(0, len(hashes), _CHUNK):
        chunk = hashes[start : start + _CHUNK, None]
        permuted = ((chunk * a + b) % _MERSENNE) & _MASK32
        np.minimum(signature, permuted.min(axis=0), out=signature)
    return signature


def band_keys(signature: np.ndarray) -> list[int]:
    """One signed 64-bit key per LSH band; articles sharing a key are near-duplicate candidates."""
    keys = []
    for band in range(BANDS):
        chunk = signature[band * ROWS : (band + 1) * ROWS].astype(np.uint64).tobytes()
        key = hash_bytes(bytes([band]) + chunk)
        keys.append(key)
    return keys


def hash_bytes(data: bytes) -> int:
    import hashlib

    return int(struct.unpack("<q", hashlib.blake2b(data, digest_size=8).digest())[0])


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / float(len(a))
