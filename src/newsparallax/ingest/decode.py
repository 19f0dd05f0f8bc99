"""Bytes to text: UTF-8 first, BOMs honoured, legacy encodings identified, binary refused."""

from __future__ import annotations

import logging

from newsparallax.errors import DecodeError

log = logging.getLogger(__name__)

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_TEXT_CONTROL = {9, 10, 12, 13, 27}


def looks_binary(data: bytes) -> bool:
    """True for bytes that are plainly not text: NULs or many control bytes in the first 8 KB."""
    sample = data[:8192]
    if not sample:
        return False
    if any(sample.startswith(bom) for bom, enc in _BOMS if enc.startswith("utf-16")):
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROL)
    return control / len(sample) > 0.05


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)``.

    Order: a BOM; the declared encoding (HTTP header or meta tag) when it decodes cleanly;
    strict UTF-8; then charset detection.  Raises :class:`DecodeError` for binary data or
    bytes no encoding explains.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    if looks_binary(data):
        raise DecodeError("binary data, not text (is this the right file?)")
    if declared:
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            log.debug("declared encoding %s does not decode; detecting", declared)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("not valid UTF-8 and no other encoding fits; re-save the file as UTF-8")
    encoding = str(best.encoding)
    if encoding in {"ascii", "latin_1", "iso8859_1"}:
        # Latin-1 decodes anything; news text in a legacy encoding is far more often cp1252.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return str(best), encoding
