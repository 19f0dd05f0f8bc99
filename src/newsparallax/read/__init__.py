"""Read: turn a cleaned article into structured layers — sentences, canonical entities with their
titles, geocoded places, dates anchored to the publication date, hedged quantities, attributions —
and an embedding.  Each finder lives in its own module; :mod:`newsparallax.read.reader` runs them.
"""
