"""Word lists behind :mod:`newsparallax.facts.framing`, curated by hand for news copy.

One :class:`Lexicon` per language (English, Spanish, a little French).  Each list is a string of
terms separated by ``|`` so a reader can scan it; multiword phrases are allowed.  Conventions:

* terms are written lowercased, in a base form; the matcher adds simple inflections of single words
  (English plural/-ed/-ing/-ly, Spanish gender/number/-mente, French -e/-s/-ment), never of phrases,
  so phrases are listed in each form that matters ("raises fears | raising fears");
* a leading ``=`` makes a term case-sensitive and uninflected: ``=may`` skips the month "May",
  ``=us`` skips "US", ``=the Troubles`` skips "the troubles of the airline";
* ``'`` in a term also matches the typographic apostrophe.

What goes in, and what stays out:

* **emotive** — words that make the reader feel rather than know ("massacre", "brazen", "chaos"),
  graded by polarity (-1, 0, +1) and intensity (1 mild, 2 strong, 3 extreme).  The plain vocabulary
  of hard news stays out even when grim: killed, dead, shooting, attack, wounded, crisis, missing;
* **evaluative** — the writer's judgement of people, acts and things ("reckless", "bold",
  "worthless", "openly"), graded the same way;
* **intensifiers** — amplifiers with no content of their own ("very", "utterly", "a whole lot");
* **speculation** — conjecture and hedged prediction ("could", "may signal", "raises fears");
  sourcing hedges that wire style requires ("reportedly", "allegedly") are not speculation;
* **events** — named crises, wars and eras a writer reaches for to frame the present
  ("Cuban missile crisis", "Munich agreement", "another Vietnam"); bare place names stay out;
* **analogy markers** — "echoes of", "reminiscent of", "a repeat of", "harks back to";
* **first/second person** and **informal** contractions in the writer's own voice (wire copy uses
  neither; columns and opinionated reports do);
* **neutral** — set phrases of law, medicine and the like that contain a listed word but carry no
  judgement ("reckless homicide", "treated for shock"): they match first and count for nothing.

:func:`find_terms` matches a language's lists in one pass: a regex built from the character trie of
every form, on word boundaries, the longest form first at each position.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

_CHARS = {" ": r"\s+", "'": "['’]"}


def _terms(text: str) -> tuple[str, ...]:
    return tuple(term.strip() for term in text.split("|") if term.strip())


@dataclass(frozen=True)
class Term:
    text: str  # as written in the list, with a leading "=" for case-sensitive terms
    kind: str  # emotive, evaluative, intensifier, speculation, event, analogy_marker, first_person, ...
    polarity: int = 0
    intensity: int = 1


@dataclass(frozen=True)
class Lexicon:
    language: str
    emotive: Mapping[tuple[int, int], tuple[str, ...]]  # (polarity, intensity) → terms
    evaluative: Mapping[tuple[int, int], tuple[str, ...]]
    intensifiers: tuple[str, ...]
    speculation: tuple[str, ...]
    events: tuple[str, ...]
    analogy_markers: tuple[str, ...]
    first_person: tuple[str, ...]
    second_person: tuple[str, ...]
    informal: tuple[str, ...] = ()
    neutral: tuple[str, ...] = ()

    def terms(self) -> Iterator[Term]:
        """Every entry as a :class:`Term`, graded ones with their polarity and intensity."""
        for kind, graded in (("emotive", self.emotive), ("evaluative", self.evaluative)):
            for (polarity, intensity), texts in graded.items():
                yield from (Term(text, kind, polarity, intensity) for text in texts)
        plain = (
            ("intensifier", self.intensifiers), ("speculation", self.speculation), ("event", self.events),
            ("analogy_marker", self.analogy_markers), ("first_person", self.first_person),
            ("second_person", self.second_person), ("informal", self.informal), ("neutral", self.neutral),
        )  # fmt: skip
        for kind, texts in plain:
            yield from (Term(text, kind) for text in texts)


# --- English -----------------------------------------------------------------------------------------

_EN_EMOTIVE = {
    (-1, 3): _terms(
        "massacre | slaughter | carnage | bloodbath | blood bath | atrocity | butchery | horror | horrific"
        " | horrifying | horrendous | monstrous | barbaric | barbarity | savagery | evil | heinous"
        " | nightmare | nightmarish | catastrophe | catastrophic | apocalyptic | disgrace | disgraceful"
        " | outrage | outrageous | despicable | vile | sickening | abhorrent | depraved"
        " | mowed down | mown down | bloodthirsty | murderous | witch hunt | witch-hunt | reign of terror"
        " | war zone | killing fields | unspeakable"
    ),
    (-1, 2): _terms(
        "brazen | provocation | provocative | ruthless | callous | sinister | menacing | menace | chilling"
        " | terrifying | terrified | shocking | devastating | devastated | chaos | chaotic | mayhem | havoc"
        " | debacle | fiasco | farce | humiliation | humiliating | humiliated | meltdown | cronies | crony"
        " | henchmen | puppet | stooge | tyrant | tyranny | despot | despotic | lies | liar | sham"
        " | conspiracy | bully | bullying | blindside | blindsided | tirade | diatribe | hysteria"
        " | hysterical | frenzy | fury | furious | rage | enraged | livid | seething | heartbreaking"
        " | harrowing | gruesome | grisly | gory | agony | anguish | torment | doomed | lawless"
        " | lawlessness | anarchy | onslaught | belligerent | bellicose | warmonger | warmongering"
        " | sabre-rattling | saber-rattling | brinkmanship | bombshell | firestorm | smear | hoax | bogus"
        " | absurd | ridiculous | laughable | pathetic | disastrous | vicious | cruel | cruelty | cowardly"
        " | coward | senseless | betrayal | betray | treacherous | greed | greedy | scandalous | shameful"
        " | appalling | reprehensible | spins out of control | spinning out of control | spiralling"
        " | spiraling | out of control | looks away | looked away | looking away | turns a blind eye"
        " | turned a blind eye | looked the other way | stolen lives | thugs | thuggish | mob rule"
        " | slaughtered | bloodshed | gunned down"
    ),
    (-1, 1): _terms(
        "regime | dictator | strongman | propaganda | rigged | plot | scheme | scandal | corrupt"
        " | tragedy | tragic | tragically | grief | grieving | anger | angry | outcry | panic | alarm"
        " | alarming | dire | grim | bleak | dismal | looming | spectre | specter | toxic | needless"
        " | pointless | exodus | collapsing | crumbling | slammed | lashed out | lashes out | gambit"
        " | power play | muscle-flexing | show of force | aggression | aggressive | clampdown"
        " | stranglehold | iron fist | defiant | defiance | upheaval | turmoil | besieged | beleaguered"
        " | embattled | ravaged | ravaging | plunder | fears | feared | worried | killer | armageddon"
    ),
    (1, 3): _terms("miracle | miraculous | glorious | heroic | hero | heroism"),
    (1, 2): _terms(
        "courageous | valiant | selfless | triumph | triumphant | magnificent | inspiring | inspirational"
        " | beloved | cherished | masterstroke | visionary | brilliant"
    ),
    (1, 1): _terms(
        "brave | bravery | tireless | compassionate | generous | hopeful | heartwarming | admired"
    ),
    (0, 2): _terms("stunning | staggering | astonishing | breathtaking | jaw-dropping | sensational"),
    (0, 1): _terms(
        "dramatic | dramatically | unprecedented | historic | extraordinary | remarkable | spectacular"
        " | shock"
    ),
}

_EN_EVALUATIVE = {
    (-1, 2): _terms(
        "worthless | useless | hopeless | reckless | inept | incompetent | incompetence | misguided"
        " | ill-advised | ill-conceived | shoddy | sloppy | feeble | woeful | abysmal | dreadful | terrible"
        " | awful | horrible | deplorable | unacceptable | inexcusable | unforgivable | irresponsible"
        " | hypocritical | hypocrisy | cynical | self-serving | blatant | flagrant | shameless | arrogant"
        " | arrogance | clueless | careless | negligent | disturbing | notorious | infamous | disgraced"
    ),
    (-1, 1): _terms(
        "naive | dubious | questionable | flawed | lacklustre | lackluster | mediocre | embarrassing"
        " | embarrassment | opportunistic | divisive | polarising | polarizing | so-called | bizarre"
        " | baffling | worrying | troubling | controversial | clumsy | propping up | propped up"
    ),
    (1, 2): _terms("admirable | impressive | masterful | deft | shrewd | savvy | exemplary | superb"),
    (1, 1): _terms("bold | landmark | sensible | wise | laudable | praiseworthy"),
    (0, 1): _terms(
        "openly | bluntly | flatly | squarely | massive | huge | significantly | clearly | obviously"
        " | surely | undoubtedly | of course | no doubt | indeed"
    ),
}

ENGLISH = Lexicon(
    language="en",
    emotive=_EN_EMOTIVE,
    evaluative=_EN_EVALUATIVE,
    intensifiers=_terms(
        "very | extremely | highly | deeply | hugely | incredibly | utterly | utter | totally | completely"
        " | absolutely | truly | really | a whole lot | whole lot | simply | virtually | massively"
        " | enormously | immensely | remarkably | strikingly | exceptionally | literally | downright"
        " | sheer | pure | nothing short of | by far | far more | ever more | so much | too many | too much"
        " | how many more | all the more | even more"
    ),
    speculation=_terms(
        "could | =may | might | possibly | perhaps | probably | likely | unlikely | appears to | appeared to"
        " | appear to | seems to | seemed to | seem to | seemingly | presumably | conceivably | potentially"
        " | could well | may well | might well | may signal | could signal | might signal | signals that"
        " | signalling that | signaling that | a sign that | a sign of | raises fears | raising fears"
        " | raised fears | fears that"
        " | raises the spectre | raises the specter | raises questions | raising questions"
        " | it remains to be seen | remains to be seen | what if | one wonders | speculation | speculate"
        " | threatens to | threatening to | threatened to | on the brink of | on the verge of"
        " | is set to | looks set to | in all likelihood | all but certain | bound to | poised to"
        " | may be | might be | could be | would likely | would almost certainly"
    ),
    events=_terms(
        "Cuban missile crisis | missile crisis | Cold War | new Cold War | Bay of Pigs | Pearl Harbor"
        " | Pearl Harbour | Munich agreement | Munich moment | another Munich | appeasement"
        " | another Vietnam | Vietnam-style | Vietnam quagmire | quagmire | =the Troubles | Iron Curtain"
        " | Berlin Wall | Berlin airlift | Suez crisis | Gulf of Tonkin | Watergate | McCarthyism"
        " | McCarthy era | Great Depression | Dust Bowl | the 1930s | Weimar Republic | Kristallnacht"
        " | Dunkirk spirit | the Blitz | Tiananmen moment | another Tiananmen | another Srebrenica"
        " | Chernobyl moment | another Chernobyl | Iran-Contra | Prague Spring | Sputnik moment"
        " | Thirty Years' War | Hundred Years' War | Game of Thrones"
        " | House of Cards | Groundhog Day | Catch-22 | Orwellian | Kafkaesque | Machiavellian"
        " | David and Goliath | Trojan horse | Pandora's box | Achilles heel | his Waterloo | their Waterloo"
        " | its Waterloo | Pyrrhic victory"
    ),
    analogy_markers=_terms(
        "echoes of | reminiscent of | a repeat of | a replay of | a rerun of | harks back to"
        " | hark back to | harking back to | hearkens back to | evokes memories of | evoking memories of"
        " | evokes the | calls to mind | brings to mind"
        " | shades of | a throwback to | not seen since | unseen since | history repeating"
        " | history is repeating | déjà vu | deja vu | redux | the likes of which | in the mould of"
        " | in the mold of"
    ),
    first_person=_terms("we | =us | our | ours | ourselves | I'm | I've | my | me"),
    second_person=_terms("you | your | yours | yourself | yourselves"),
    informal=_terms(
        "it's | that's | there's | here's | what's | let's | don't | doesn't | didn't | isn't | aren't"
        " | wasn't | weren't | can't | won't | wouldn't | couldn't | shouldn't | haven't | hasn't"
        " | we're | you're | they're | we've | you've | they've | he's | she's | who's"
    ),
    neutral=_terms(
        "reckless homicide | reckless endangerment | recklessly endangering | reckless driving"
        " | negligent homicide | criminal negligence | negligent discharge | conspiracy to"
        " | conspiracy charge | conspiracy charges | reckless discharge | in shock | state of shock"
        " | treated for shock | shock wave | shock waves"
        " | toxic chemicals | toxic fumes | toxic smoke | could not | plot of land | burial plot"
    ),
)

# --- Spanish -----------------------------------------------------------------------------------------

_ES_EMOTIVE = {
    (-1, 3): _terms(
        "masacre | carnicería | baño de sangre | horror | horroroso | espantoso | atroz | atrocidad"
        " | barbarie | monstruoso | infierno | pesadilla | vil | despreciable | repugnante | abominable"
        " | aberrante | salvajada | genocida"
    ),
    (-1, 2): _terms(
        "catástrofe | catastrófico | caos | caótico | escándalo | escandaloso | vergüenza | vergonzoso"
        " | indignante | nefasto | siniestro | brutal | brutalidad | salvaje | cruel | crueldad"
        " | despiadado | cobarde | cobardía | sangriento | desastroso | deplorable"
        " | inaceptable | inexcusable | irresponsable | provocación | provocador | descarado | títere"
        " | secuaces | compinches | mentira | mentiroso | farsa | desidia | humillación"
        " | humillante | furia | furioso | rabia | pánico | aterrador | escalofriante | estremecedor"
        " | desgarrador | dantesco | fuera de control | mano dura"
    ),
    (-1, 1): _terms(
        "tragedia | trágico | drama | desgracia | lamentable | dictador | dictadura | régimen | amañado"
        " | complot | conspiración | fraude | alarma | alarmante | inquietante | preocupante | grave crisis"
        " | sombrío | negligencia | negligente | polémico | dolor | indignación | temor | abandono | asesino"
    ),
    (1, 3): _terms("héroe | heroína | heroico | milagro | milagroso | glorioso"),
    (1, 2): _terms("valiente | valentía | admirable | ejemplar | magnífico | brillante | triunfo"),
    (1, 1): _terms("esperanza | solidario | solidaridad | generoso | histórico acuerdo"),
    (0, 2): _terms("impactante | asombroso | sorprendente | insólito"),
    (0, 1): _terms("dramático | sin precedentes | histórico | extraordinario | impresionante | increíble"),
}

_ES_EVALUATIVE = {
    (-1, 2): _terms(
        "inútil | incompetente | incompetencia | torpe | vergonzante | penoso | pésimo"
        " | lamentablemente | injustificable | impresentable | cínico | hipócrita | hipocresía"
    ),
    (-1, 1): _terms("dudoso | cuestionable | discutible | mediocre | tibio | timorato"),
    (1, 1): _terms("acertado | audaz | eficaz | sensato"),
    (0, 1): _terms("abiertamente | claramente | evidentemente | obviamente | sin duda | por supuesto"),
}

SPANISH = Lexicon(
    language="es",
    emotive=_ES_EMOTIVE,
    evaluative=_ES_EVALUATIVE,
    intensifiers=_terms(
        "muy | sumamente | extremadamente | totalmente | absolutamente | completamente | increíblemente"
        " | profundamente | tremendamente | terriblemente | realmente | verdaderamente | enormemente"
        " | simplemente | ni siquiera | cada vez más"
    ),
    speculation=_terms(
        "podría | podrían | quizá | quizás | tal vez | acaso | posiblemente | probablemente | parece"
        " | parecen | pareciera | se especula | especulación | presumiblemente | previsiblemente"
        " | podría ser | cabe la posibilidad | no se descarta | todo indica | amenaza con | hace temer"
        " | despierta temores | señal de | indicio de | al borde de | a punto de"
    ),
    events=_terms(
        "crisis de los misiles | Guerra Fría | nueva Guerra Fría | Bahía de Cochinos | Pearl Harbor"
        " | otro Vietnam | otro Múnich | Muro de Berlín | Telón de Acero | Plan Cóndor | Gran Depresión"
        " | años treinta | Caracazo | Chernóbil | Watergate | Juego de Tronos | maquiavélico | orwelliano"
        " | kafkiano | caballo de Troya | David contra Goliat"
    ),
    analogy_markers=_terms(
        "recuerda a | recuerdan a | evoca el recuerdo de | reminiscencia de | ecos de | una repetición de"
        " | a imagen y semejanza de | rememora | trae a la memoria | al estilo de | como en los tiempos de"
        " | déjà vu | como en la época de"
    ),
    first_person=_terms("nosotros | nosotras | nuestro | nos"),
    second_person=_terms("usted | ustedes | tú | vosotros"),
)

# --- French (a first list) ---------------------------------------------------------------------------

FRENCH = Lexicon(
    language="fr",
    emotive={
        (-1, 3): _terms("massacre | carnage | horreur | atroce | monstrueux | barbare | cauchemar | ignoble"),
        (-1, 2): _terms(
            "scandale | scandaleux | honte | honteux | catastrophe | chaos | désastre | désastreux | brutal"
            " | cynique | effroyable | épouvantable | terrifiant | choquant | inadmissible | provocation"
        ),
        (-1, 1): _terms("tragédie | tragique | drame | régime | dictateur | complot | inquiétant"),
        (1, 2): _terms("héros | héroïque | courageux | magnifique | miracle"),
        (0, 1): _terms("spectaculaire | historique | sans précédent | dramatique"),
    },
    evaluative={(-1, 1): _terms("inacceptable | irresponsable | incompétent | ridicule | absurde")},
    intensifiers=_terms(
        "très | extrêmement | totalement | absolument | complètement | vraiment | profondément"
    ),
    speculation=_terms(
        "pourrait | pourraient | peut-être | probablement | sans doute | semble | semblent | il se pourrait"
        " | vraisemblablement | laisse craindre"
    ),
    events=_terms("guerre froide | crise des missiles | baie des Cochons | accords de Munich | Pearl Harbor"),
    analogy_markers=_terms("à l'image de | un remake de | rappelle l'époque | rappelle les heures sombres"),
    first_person=_terms("nous | notre | nos"),
    second_person=_terms("vous | votre | vos"),
)

LEXICONS: dict[str, Lexicon] = {"en": ENGLISH, "es": SPANISH, "fr": FRENCH}

# --- matching ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One matched term: offsets into the text, the text as written there, and its entry."""

    start: int
    end: int
    surface: str
    term: Term


@dataclass(frozen=True)
class _Matcher:
    folded: re.Pattern[str]
    exact: re.Pattern[str]
    folded_terms: dict[str, Term]
    exact_terms: dict[str, Term]


def find_terms(text: str, language: str) -> list[Hit]:
    """Non-overlapping matches of the language's terms (English where there is no list), on word
    boundaries, longest first; case-insensitive except ``=`` terms."""
    return _hits(text, _matcher(language if language in LEXICONS else "en"))


@cache
def _matcher(language: str) -> _Matcher:
    terms = list(LEXICONS[language].terms())
    exact = {normal(term.text[1:]): term for term in reversed(terms) if term.text.startswith("=")}
    folded = {term.text.lower(): term for term in reversed(terms) if not term.text.startswith("=")}
    for term in terms:  # a listed word wins over the same word derived from another entry
        if not term.text.startswith("="):
            for form in sorted(_forms(term.text.lower(), language)):
                folded.setdefault(form, term)
    return _Matcher(_compile(folded, re.IGNORECASE), _compile(exact, 0), folded, exact)


def _compile(forms: Mapping[str, Term], flags: int) -> re.Pattern[str]:
    """One regex for all forms, built from their character trie (fast, longest match first)."""
    if not forms:
        return re.compile(r"(?!)")
    trie: dict[str, Any] = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(rf"(?<!\w){_trie_pattern(trie)}(?!\w)", flags)


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [
        _CHARS.get(char, re.escape(char)) + _trie_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _forms(word: str, language: str) -> set[str]:
    """The word and its simple inflections; phrases, short and hyphenated words stay as written."""
    if len(word) < 4 or not word.isalpha():
        return {word}
    if language == "es":
        return {word, *_spanish(word)}
    if language == "fr":
        return {word, *(word + ending for ending in ("s", "e", "es", "ment"))}
    return {word, *_english(word)}


def _english(word: str) -> set[str]:
    forms = {word + ending for ending in ("s", "es", "ed", "ing", "ly")}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing", word[:-1] + "y"}
    if word.endswith("y"):
        forms |= {word[:-1] + ending for ending in ("ies", "ied", "ily")}
    return forms


def _spanish(word: str) -> set[str]:
    if word.endswith("o"):
        return {word[:-1] + ending for ending in ("a", "os", "as", "amente")}
    if word.endswith("a"):
        return {word + "s"}
    if word.endswith("e"):
        return {word + "s", word + "mente"}
    return {word + ending for ending in ("es", "mente", "a", "as")}


def normal(surface: str) -> str:
    """Whitespace runs as one space, typographic apostrophes as '."""
    return " ".join(surface.split()).replace("’", "'")


def _hits(text: str, matcher: _Matcher) -> list[Hit]:
    found = _found(text, matcher.folded, matcher.folded_terms, str.lower)
    found += _found(text, matcher.exact, matcher.exact_terms, str)
    found.sort(key=lambda hit: (hit.start, hit.start - hit.end))
    kept: list[Hit] = []
    for hit in found:
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def _found(
    text: str, pattern: re.Pattern[str], terms: dict[str, Term], key: Callable[[str], str]
) -> list[Hit]:
    """Matches whose folded surface names an entry (Unicode case folding can match odd letters)."""
    found: list[Hit] = []
    for match in pattern.finditer(text):
        term = terms.get(key(normal(match.group())))
        if term is not None:
            found.append(Hit(match.start(), match.end(), match.group(), term))
    return found
