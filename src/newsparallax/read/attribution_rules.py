"""Rules behind :mod:`newsparallax.read.attribution`: word lists (speech verbs, source kinds, channels,
hedges) and the regex fallback for text without a parser, :func:`find_attributions_plain`.

All entries are lowercased surface forms (the lemmatizer does not run in production), so inflected
forms are listed one by one.
"""

from __future__ import annotations

import re

from newsparallax.read.layers import Attribution


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Verbs that attribute a claim to their subject ("the official said", "Sputnik reported").
SPEECH_VERBS = _words(
    """said says say told tells added adds stated states reported reports announced announces confirmed
    confirms claimed claims alleged alleges wrote writes tweeted tweets posted quoted quotes cited cites
    noted notes insisted insists warned warns explained explains declared declares disclosed discloses
    revealed reveals acknowledged acknowledges denied denies argued argues suggested suggests estimated
    estimates predicted predicts"""
)
#: Verbs that name a second speaker: "X quoted an unnamed source as saying ...".
QUOTING_VERBS = frozenset({"quoted", "quotes", "cited", "cites"})
#: Participles that name the source a speaker relies on: "Reuters, citing two sources, reported ...".
CITING_FORMS = frozenset({"citing", "quoting"})
#: Verbs that only attribute when they carry reported content ("wrote that ...", not "wrote a book").
CONTENT_VERBS = frozenset({"wrote", "writes", "posted", "quoted", "quotes", "cited", "cites"})
#: Verbs whose channel is implied.
IMPLIED_CHANNEL = {"tweeted": "Twitter", "tweets": "Twitter"}

#: News agencies and outlets known by a short name (lowercased, as a whole name).
MEDIA_NAMES = _words(
    """ap afp reuters sputnik tass xinhua efe dpa bloomberg bbc cnn ria interfax ansa kyodo yonhap anadolu
    upi aap pti ani irna bernama antara nhk cbs nbc abc fox msnbc pbs npr itar-tass"""
) | frozenset({"al jazeera", "ria novosti", "prensa latina", "europa press", "associated press",
               "agence france-presse", "agence france presse", "sky news", "france 24", "deutsche welle",
               "voice of america", "russia today", "rt"})  # fmt: skip
#: Last words of outlet names ("The Morning Post", "Channel 4 News").
MEDIA_SUFFIXES = _words(
    """news times post agency tv radio press journal herald tribune gazette telegraph daily chronicle
    guardian observer mail courier express magazine network television broadcasting wire newspaper
    channel review standard examiner independent"""
)
#: Common nouns that make a phrase an outlet ("the agency", "state television", "local media").
MEDIA_NOUNS = _words(
    """agency newspaper paper daily broadcaster television tv radio media outlet outlets network channel
    website magazine station tabloid weekly wire newswire"""
)
#: Definite references resolved to the last source of one of these kinds ("the agency" → "Sputnik").
_MEDIA_REFERENCES = _words("agency broadcaster newspaper paper daily outlet network channel station magazine")
_PERSON_REFERENCES = _words("journalist reporter correspondent blogger")
_ORG_REFERENCES = _words("company firm group organisation organization")
REFERENCE_KINDS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(_MEDIA_REFERENCES, ("media",)),
    **dict.fromkeys(_PERSON_REFERENCES, ("person",)),
    **dict.fromkeys(_ORG_REFERENCES, ("organisation",)),
}
#: Pronouns resolved to the last source of one of these kinds.
PRONOUN_KINDS: dict[str, tuple[str, ...]] = {
    "he": ("person",),
    "she": ("person",),
    "it": ("media", "organisation", "official"),
}
#: Head nouns of officials and official bodies.
OFFICIAL_NOUNS = _words(
    """official officials police policeman policemen ministry ministries minister ministers spokesman
    spokeswoman spokesperson spokespeople government authorities authority embassy ambassador department
    office military army navy prosecutor prosecutors commander diplomat diplomats administration cabinet
    president governor mayor presidency kremlin pentagon secretary senator lawmaker lawmakers envoy
    regulator sheriff officer officers court judge judges tribunal"""
)
#: Head nouns that are unnamed sources by themselves ("a source", "sources close to ...").
ANONYMOUS_NOUNS = frozenset({"source", "sources", "insider", "insiders"})
#: Modifiers that make any source anonymous ("an unnamed official").
ANONYMOUS_MODIFIERS = frozenset({"unnamed", "anonymous", "unidentified", "undisclosed"})
#: Token sequences anywhere in the sentence that mark the source as anonymous.
ANONYMITY_MARKERS: tuple[tuple[str, ...], ...] = (
    ("anonymity",),
    ("anonymously",),
    ("not", "authorized", "to"),
    ("not", "authorised", "to"),
    ("not", "to", "be", "named"),
    ("not", "to", "be", "identified"),
    ("declined", "to", "be", "named"),
    ("declined", "to", "be", "identified"),
)
#: Head nouns of documents that speak for their authors ("the report said").
DOCUMENT_NOUNS = _words(
    """report reports statement document documents letter study survey filing indictment communique
    memo memorandum complaint lawsuit ruling decree resolution cable dossier assessment"""
)
#: Head nouns of people without a name ("a journalist", "witnesses").
PERSON_NOUNS = _words(
    """journalist journalists reporter reporters correspondent witness witnesses resident residents
    analyst analysts expert experts activist activists lawyer doctor doctors blogger man woman people
    neighbour neighbor survivor relative relatives friend pilot soldier soldiers ally aide aides adviser
    engineer engineers scientist scientists researcher researchers eyewitness eyewitnesses"""
)
#: Head nouns of organisations without a name.
ORG_NOUNS = _words(
    """company firm group organisation organization party union association charity ngo bank
    coalition alliance movement campaign"""
)
#: Words in a capitalised name that make it an organisation rather than a person.
ORG_NAME_WORDS = _words(
    """ministry party company corp inc ltd group council bank army forces union committee commission
    institute university agency organization organisation association foundation court office
    department"""
)
#: Social platforms, lowercased → display name.
SOCIAL_CHANNELS = {
    "twitter": "Twitter", "facebook": "Facebook", "telegram": "Telegram", "instagram": "Instagram",
    "youtube": "YouTube", "tiktok": "TikTok", "whatsapp": "WhatsApp", "vk": "VK", "weibo": "Weibo",
    "tweet": "Twitter", "tweets": "Twitter",
}  # fmt: skip
#: Prepositions that introduce a channel ("on Twitter", "in a statement", "to local media").
CHANNEL_PREPOSITIONS = frozenset({"on", "in", "at", "via", "through", "to", "during"})
#: Head nouns of channels other than social platforms.
CHANNEL_NOUNS = _words(
    """statement interview television tv radio website site broadcast conference briefing communique video
    post message blog podcast media newspaper channel feed account page release"""
)
#: Containers followed through "of": "the Spanish-language version of its website" → "its website".
CHANNEL_CONTAINERS = frozenset({"version", "edition", "page", "section", "part"})
#: Hedge words marked wherever they occur.
HEDGE_WORDS = frozenset(
    {"reportedly", "apparently", "allegedly", "purportedly", "supposedly", "unconfirmed", "possibly"}
)
#: Two-word hedges: (first, second) → hedge as reported.
HEDGE_PAIRS = {
    ("believed", "to"): "believed to",
    ("thought", "to"): "thought to",
    ("may", "have"): "may have",
    ("could", "have"): "could have",
    ("might", "have"): "might have",
}
#: "is said to": the forms of "be" before "said to".
BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "'s"})
#: Determiners that make a common-noun phrase a definite reference.
DEFINITE = frozenset({"the", "this", "that"})
#: Relative pronouns whose antecedent is the head of the relative clause.
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})

# --- plain text (no parser) ------------------------------------------------------------

#: Sentence boundaries for plain text: end punctuation, optional closing quote, space, capital start.
PLAIN_SENTENCE_END = re.compile(r"(?<=[.!?…])(?P<close>[\"”»')]?)\s+(?=[\"“«¿¡(]?\s?[A-ZÁÉÍÓÚÑÀÂÇÈÊÎÔÛ0-9])")
_NAME = r"[^,.;:!?\"“”«»()\n]{2,80}?"
_END = r"(?=\s*[,.;:!?\"”»)\n]|\s+(?:on|in|en|sur|dans|que|that|who|quien|qui|a la|al|à)\b|$)"
#: "according to X" and its Spanish and French equivalents (verb, pattern).
PLAIN_ACCORDING = (
    ("according to", re.compile(rf"\baccording to\s+(?P<src>{_NAME}){_END}", re.IGNORECASE)),
    ("según", re.compile(rf"\bseg[úu]n\s+(?P<src>{_NAME}){_END}", re.IGNORECASE)),
    ("selon", re.compile(rf"\bselon\s+(?P<src>{_NAME}){_END}", re.IGNORECASE)),
)
_VERBS_EN = r"said|says|told|tells|reported|reports|added|stated|announced|confirmed|claimed|tweeted|wrote"
_VERBS_ES = r"dijo|afirmó|declaró|informó|aseguró|señaló|indicó|explicó|anunció|añadió|agregó|confirmó"
_VERBS_FR = r"a déclaré|a dit|a affirmé|a indiqué|a annoncé|a assuré|a expliqué|a ajouté|a confirmé|a écrit"
#: Inverted speech after a quote or comma: ", dijo el ministro." / "», a déclaré le ministre."
PLAIN_INVERTED = re.compile(
    rf"[,\"”»]\s*(?P<verb>{_VERBS_EN}|{_VERBS_ES}|{_VERBS_FR})\s+(?P<src>{_NAME}){_END}",
    re.IGNORECASE,
)
#: The verb of "the official said", "el ministro dijo", "le ministre a déclaré" (its subject precedes it).
PLAIN_VERB = re.compile(rf"(?<=\s)(?P<verb>{_VERBS_EN}|{_VERBS_ES}|{_VERBS_FR})\b", re.IGNORECASE)
_PLAIN_BREAK = re.compile(r"[,.;:!?\"“”«»()\n]")
_PLAIN_MAX_WORDS = 6
#: Words that end a clause before its verb without naming anyone ("has previously said", "which said").
_PLAIN_AUXILIARIES = _words(
    "has have had also previously later then earlier further ha han había también aussi"
)
_PLAIN_NOT_SUBJECT = _words("on in at to that which who it que qui quien en sur dans")
#: Articles a plain-text source phrase starts at (the first one that leaves a short phrase).
PLAIN_DETERMINERS = _words("the a an el la los las un una le les l' une des")
#: Cue words for source kinds in plain text (lowercased words).
PLAIN_OFFICIAL = OFFICIAL_NOUNS | _words(
    """funcionario funcionarios policía ministerio ministro ministra portavoz gobierno autoridades
    responsable responsables ministère ministre porte-parole gouvernement autorités"""
)
PLAIN_ANONYMOUS = (
    ANONYMOUS_NOUNS | ANONYMOUS_MODIFIERS | _words("fuente fuentes anónimo anónima anonyme anonymes")
)
PLAIN_MEDIA = MEDIA_NOUNS | _words("agencia agence diario periódico journal télévision televisión")


def find_attributions_plain(text: str) -> list[tuple[int, int, Attribution]]:
    """(sentence start, sentence end, attribution) for text without a parser (en, es, fr):
    "according to X", "X said", ", said X", "según X", "X dijo", ", dijo X", "selon X", "X a déclaré"."""
    found: list[tuple[int, int, Attribution]] = []
    for index, (start, end) in enumerate(_plain_sentences(text)):
        record = _plain_attribution(text[start:end], start, index)
        if record is not None:
            found.append((start, end, record))
    return found


def _plain_sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    for match in PLAIN_SENTENCE_END.finditer(text):
        end = match.start() + len(match.group("close"))
        if end > start:
            spans.append((start, end))
        start = match.end()
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end))
    return spans


def _plain_attribution(sentence: str, offset: int, index: int) -> Attribution | None:
    for verb, pattern in PLAIN_ACCORDING:
        match = pattern.search(sentence)
        if match is not None:
            return _plain_record(sentence, match.span("src"), verb, offset, index)
    match = PLAIN_INVERTED.search(sentence)
    words = match.group("src").split() if match is not None else []
    if match is not None and len(words) <= _PLAIN_MAX_WORDS and words[0].lower() not in _PLAIN_NOT_SUBJECT:
        return _plain_record(sentence, match.span("src"), match.group("verb").lower(), offset, index)
    for match in PLAIN_VERB.finditer(sentence):
        before = sentence[: match.start()].rstrip()
        cut = max((stop.end() for stop in _PLAIN_BREAK.finditer(before)), default=0)
        base = max(cut, len(before) - 80)
        start, end = _plain_subject(before[base:])
        if end > start:
            span = (base + start, base + end)
            return _plain_record(sentence, span, match.group("verb").lower(), offset, index)
    return None


def _plain_record(
    sentence: str, span: tuple[int, int], verb: str, offset: int, index: int
) -> Attribution | None:
    raw = sentence[span[0] : span[1]]
    source = raw.strip()
    if not source:
        return None
    start = offset + span[0] + len(raw) - len(raw.lstrip())
    lowered = sentence.lower()
    channel = next((name for key, name in SOCIAL_CHANNELS.items() if re.search(rf"\b{key}\b", lowered)), None)
    kind = "social_media" if channel else _plain_kind(source)
    hedges = [word for word in re.findall(r"\w+", lowered) if word in HEDGE_WORDS]
    return Attribution(
        sentence=index, source=source, kind=kind, verb=verb, start=start, end=start + len(source),
        channel=channel, anonymous=kind == "anonymous" or "anonym" in lowered, hedges=hedges,
    )  # fmt: skip


def _plain_subject(text: str) -> tuple[int, int]:
    """Where in ``text`` the speaker is named: from its first article when that leaves a short phrase,
    else its trailing capitalised name, else its last three words (empty for "is", "the", "which")."""
    words = [(match.start(), match.group()) for match in re.finditer(r"\S+", text)]
    while words and words[-1][1].lower() in _PLAIN_AUXILIARIES:
        words.pop()
    if not words or words[-1][1].lower() in _PLAIN_NOT_SUBJECT | PLAIN_DETERMINERS | BE_FORMS:
        return 0, 0
    articles = [i for i, (_, word) in enumerate(words) if word.lower() in PLAIN_DETERMINERS]
    first = next((i for i in articles if len(words) - i <= _PLAIN_MAX_WORDS), None)
    if first is None and words[-1][1][:1].isupper():
        first = len(words) - 1
        while first > 0 and words[first - 1][1][:1].isupper() and len(words) - first < 4:
            first -= 1
    if first is None:
        first = max(0, len(words) - 3)
    return words[first][0], words[-1][0] + len(words[-1][1])


def _plain_kind(source: str) -> str:
    lowered = source.lower()
    words = set(re.findall(r"\w+(?:-\w+)*", lowered))
    last = source.split()[-1]
    if words & PLAIN_ANONYMOUS:
        return "anonymous"
    if words & PLAIN_MEDIA or lowered.removeprefix("the ") in MEDIA_NAMES:
        return "media"
    if last.lower() in MEDIA_SUFFIXES and last[:1].isupper():
        return "media"
    if words & PLAIN_OFFICIAL:
        return "official"
    capitals = [
        word for word in source.split() if word[:1].isupper() and word.lower() not in PLAIN_DETERMINERS
    ]
    return "person" if len(capitals) >= 2 else "unknown"
