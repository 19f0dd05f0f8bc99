"""Facts: line up what each story's sources claim — agreed, compatible, conflicting, single source —
with the quote behind every value, provenance and framing.

Claims per report (``claims*``), compared after normalisation (``values``, ``titles``), grouped into
facts (``align``), traced (``provenance``), framed (``framing``), typed (``event_types`` on the
``taxonomy``) and assembled into a story report (``report``), cached in the store.
"""
