"""The event types of the facts stage: a taxonomy modelled on PLOVER, mapped to ACLED.

PLOVER (the Political Language Ontology for Verifiable Event Records, the successor of CAMEO)
sorts political events into 16 types, from cooperation (AGREE … AID) through conflict short of
force (REQUEST … SANCTION) to force (MOBILIZE, COERCE, ASSAULT).  We add OTHER for whatever is none
of them (disasters, accidents, ordinary crime, or no event at all).

ACLED codes political violence and protest in six event types and their sub-event types.  The
CASE 2021 shared task (task 2) used 25 of those sub-types plus five of its own (organised crime,
natural and man-made disasters, claims of responsibility, diplomatic measures); its upper-case
codes (``AIR_STRIKE``, ``FORCE_AGAINST_PROTEST``, …) are the keys of :data:`ACLED`.  Every such
code maps to exactly one PLOVER type; :func:`acled_subtypes` gives the inverse.  The judgement calls
(force against protesters is COERCE, mob violence ASSAULT, looting COERCE, CASE's diplomatic events
SANCTION, claims of responsibility ACCUSE) are explained in ``docs/event_types.md``.

Older PLOVER releases (and the PLOVER gold-standard records) use DEMAND, DISAPPROVE, INVESTIGATE and
FIGHT; :func:`normalise_plover` folds them into REQUEST, ACCUSE and ASSAULT.

Trigger words: each type lists patterns that signal it, per language (``en``, ``es``, ``fr``).
Patterns are accent- and case-folded words separated by spaces; a trailing ``*`` matches any ending.
They feed the lexicon fallback and the features of :mod:`newsparallax.facts.event_types`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache


@dataclass(frozen=True)
class PloverType:
    name: str
    description: str
    triggers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # language → patterns


@dataclass(frozen=True)
class AcledSubtype:
    code: str  # the CASE 2021 label
    name: str  # ACLED's name for the sub-event type
    event_type: str  # ACLED's event type (the coarse level); CASE 2021's own additions: NON_ACLED
    plover: str
    cues: tuple[str, ...] = ()  # trigger patterns, any language


def _t(**by_language: str) -> dict[str, tuple[str, ...]]:
    """Trigger patterns per language from ``|``-separated strings."""
    return {language: _c(text) for language, text in by_language.items()}


def _c(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split("|") if p.strip())


_PLOVER = (
    PloverType(
        "AGREE",
        "agree to, sign or accept a deal, ceasefire, treaty or other settlement",
        _t(
            en=(
                "agree*|agreement*|accord|accords|deal|pact|treaty|signed|sign|signing|ceasefire"
                "|cease fire|truce|settlement|memorandum|offered to|promised to|pledged to"
                "|reached an understanding"
            ),
            es="acuerd*|acord*|firm*|pacto|tratado|alto el fuego|tregua|convenio|se comprometi*",
            fr="accord*|sign*|traite|pacte|cessez le feu|treve|convention|entente|s engag*",
        ),
    ),
    PloverType(
        "CONSULT",
        "meet, visit, talk, negotiate or hold a summit",
        _t(
            en=(
                "meet|meets|meeting|met|talks|visit*|discuss*|negotiat*|summit|consult*|phone call|hosted"
                "|conferred|envoy|dialogue|held talks"
            ),
            es="reun*|visit*|convers*|negoci*|cumbre|dialog*|se entrevist*",
            fr="rencontr*|reuni*|visit*|negoci*|sommet|entretien*|discut*|dialogu*|s entret*",
        ),
    ),
    PloverType(
        "SUPPORT",
        "express support for, praise, endorse or recognise another actor or position",
        _t(
            en=(
                "support*|backed|backing|endors*|prais*|welcom*|applaud*|congratulat*|recogni*|stand with"
                "|solidarity|commend*|approv*|will support"
            ),
            es="apoy*|respald*|elogi*|felicit*|solidaridad|reconoc*|aplaud*",
            fr="soutien*|soutenu*|soutient|appui*|salu*|felicit*|solidarite|reconn*|approuv*",
        ),
    ),
    PloverType(
        "CONCEDE",
        "give ground: release prisoners, ease restrictions, lift sanctions, resign, apologise",
        _t(
            en=(
                "concede*|concession*|releas*|freed|free the|eased|easing|ease|lift*|lifted|allow*"
                "|resign*|apologi*|pardon*|amnesty|yield*|back down|backed down|relent*|comply|complied"
                "|step down|stepped down"
            ),
            es=(
                "liber*|levant*|cedio|cedieron|ceder|concesion*|dimit*|renunci*|amnistia|indult*|disculp*"
                "|flexibiliz*"
            ),
            fr="liber*|leve*|cede|cedent|ceder|concession*|demission*|excus*|amnisti*|gracie*|assoupl*",
        ),
    ),
    PloverType(
        "COOPERATE",
        "act jointly: joint operations or exercises, share intelligence, extradite, ally",
        _t(
            en=(
                "cooperat*|co operat*|collaborat*|partnership|jointly|joint|alliance|allied|extradit*"
                "|share intelligence|shared intelligence|coordinat*|work together|worked together"
            ),
            es="cooper*|colabor*|conjunt*|alianza|extradit*|coordin*",
            fr="cooper*|collabor*|partenariat|conjoint*|alliance|extrad*|coordon*",
        ),
    ),
    PloverType(
        "AID",
        "provide humanitarian, economic, military or technical aid",
        _t(
            en=(
                "aid|assistance|humanitarian|donat*|relief|supplies|loan*|grant*|shelter*|funding|funded"
                "|sent food|medical teams|vaccines|rescue*"
            ),
            es="ayuda*|asistencia|donac*|donativo*|humanitari*|socorr*|suministr*|prestamo*",
            fr="aide|aides|assistance|humanitaire*|don|dons|secours|fourni*|ravitaill*",
        ),
    ),
    PloverType(
        "RETREAT",
        "withdraw forces or personnel, hand over territory, disband or evacuate",
        _t(
            en=(
                "withdr*|pull* out|pulled back|retreat*|evacuat*|disband*|demobili*|handed over|hand over"
                "|vacat*|pullout|abandon*"
            ),
            es="retir*|repleg*|evacu*|abandon*|desmoviliz*",
            fr="retir*|repli*|evacu*|abandonn*|demobilis*|remis",
        ),
    ),
    PloverType(
        "REQUEST",
        "ask, urge, call on or demand that another actor act",
        _t(
            en=(
                "urged|urges|urging|urge|called on|called for|calls on|calls for|call on|call for|demand*"
                "|ask*|appeal*|request*|pressed|press for|insist*|plead*|sought|seek*|petition*"
            ),
            es="exig*|pid*|solicit*|insto|instaron|instan|reclam*|llam* a|demand*",
            fr="exig*|demand*|appel* a|exhort*|reclam*|supplie*",
        ),
    ),
    PloverType(
        "ACCUSE",
        "accuse, blame, criticise, condemn or investigate; claim responsibility",
        _t(
            en=(
                "accus*|blam*|condemn*|critici*|denounc*|alleg*|investigat*|probe|probing|sued|lawsuit"
                "|disapprov*|deplor*|slam*|lambast*|charged|responsibility|credit for|inquiry|faulted"
            ),
            es="acus*|conden*|critic*|denunci*|culp*|investig*|reprob*|responsabili*",
            fr="accus*|condamn*|critiqu*|denonc*|blam*|enquet*|reproch*|deplor*|revendiqu*",
        ),
    ),
    PloverType(
        "REJECT",
        "refuse, reject, deny or veto a proposal, demand or accusation",
        _t(
            en=(
                "reject*|refus*|denied|deny|denies|denial|veto*|dismiss*|declin*|rebuff*|opposed|opposes"
                "|oppose|turned down|ruled out|spurn*|would not|will not"
            ),
            es="rechaz*|nego|niega*|negaron|veto|vetar*|desestim*|se opus*|se opon*|descart*",
            fr="rejet*|refus*|nie|nient|nier|veto|oppos*",
        ),
    ),
    PloverType(
        "THREATEN",
        "threaten or warn of force, sanctions or other costs; issue an ultimatum",
        _t(
            en=(
                "threat*|warn*|ultimatum|vowed to|vows to|menac*|intimidat*|would retaliate|retaliat*|or face"
            ),
            es="amenaz*|advirt*|advier*|ultimatum|intimid*|represali*",
            fr="menac*|avert*|ultimatum|intimid*|represaill*",
        ),
    ),
    PloverType(
        "PROTEST",
        "demonstrate, march, rally, strike, boycott or riot",
        _t(
            en=(
                "protest*|demonstrat*|rally|rallies|rallied|marched|marching|marchers|on strike"
                "|went on strike|general strike|hunger strike|strikers|picket*|sit in|boycott*|riot*"
                "|took to the streets|walkout|walked out"
            ),
            es="protest*|manifest*|marcharon|marchas|huelga*|paro|disturbio*|boicot*|piquete*|cacerol*",
            fr="manifest*|protest*|greve*|emeute*|rassembl*|boycott*|defile*|marcheurs",
        ),
    ),
    PloverType(
        "SANCTION",
        "impose sanctions or embargoes, expel diplomats, cut ties, suspend relations",
        _t(
            en=(
                "sanction*|embargo*|expel*|cut ties|severed|severing|sever|suspend*|freez*|froze|frozen"
                "|ban|banned|bans|tariff*|blacklist*|recalled its ambassador|downgrad*|restrictions on"
            ),
            es="sancion*|embargo*|expuls*|suspend*|suspensi*|congel*|prohib*|arancel*|rompi*",
            fr="sanction*|embargo*|expuls*|expulse*|suspen*|gel*|interdi*|rompu*|rupture",
        ),
    ),
    PloverType(
        "MOBILIZE",
        "deploy or reinforce forces, raise alert levels, set up bases, form armed units",
        _t(
            en=(
                "mobili*|deploy*|sent troops|reinforc*|on alert|high alert|military exercise*|drills"
                "|conscript*|buildup|build up|massed|dispatched|stationed|set up|established|formed"
                "|recruit*"
            ),
            es="moviliz*|despleg*|desplieg*|refuerz*|reforz*|alerta|maniobras|recluta*|establec*",
            fr="mobilis*|deploi*|deploy*|renfort*|alerte|manoeuvres|recrut*|etabli*",
        ),
    ),
    PloverType(
        "COERCE",
        "use non-lethal force: arrest, detain, raid, seize, deport, disperse, restrict",
        _t(
            en=(
                "arrest*|detain*|detention|custody|raid*|tear gas|teargas|water cannon*|curfew|crackdown"
                "|cracked down|seiz*|confiscat*|deport*|censor*|rubber bullets|dispers*|imprison*|jailed"
                "|sentenced|apprehend*|loot*|vandali*|intercept*|defus*|besieg*|blockade*"
            ),
            es=(
                "arrest*|detuv*|deten*|captur*|gas* lacrimogeno*|allan*|incaut*|decomis*|deport*"
                "|encarcel*|dispers*|reprim*|toque de queda|saque*"
            ),
            fr=(
                "arret*|interpell*|detenu*|detention|gaz lacrymogene*|saisi*|perquisition*|expuls*"
                "|emprisonn*|dispers*|reprim*|couvre feu|pill*"
            ),
        ),
    ),
    PloverType(
        "ASSAULT",
        "use lethal or physical force: clashes, bombings, strikes, shelling, shootings",
        _t(
            en=(
                "attack*|kill*|shot|shoot*|gunm*|gunfire|bomb*|explosi*|explod*|shell*|airstrike*"
                "|air strike*|missile*|rocket*|mortar*|clash*|fight*|battle*|wound*|injur*|massacr*"
                "|kidnap*|abduct*|rape*|assault*|stab*|opened fire|ambush*|grenade*|beat|beaten|lynch*"
                "|artillery|murder*|militants|insurgents|offensive|recaptur*|overran|torch*|hostage*|dead"
                "|casualties"
            ),
            es=(
                "ataq*|atac*|asesin*|dispar*|bomb*|explos*|enfrent*|combat*|herid*|secuestr*|violac*"
                "|embosc*|muert*|mataron|mato|matar|masacr*|tirote*|golpe*|agresi*|misil*|cohete*"
            ),
            fr=(
                "attaqu*|attentat*|tue|tues|tuee*|tuent|bombard*|explos*|affrontement*|combat*|bless*"
                "|enlev*|otage*|viol|viole*|embuscade*|morts|mort|massacr*|fusillade*|frappe*|missile*"
                "|roquette*"
            ),
        ),
    ),
    PloverType(
        "OTHER",
        "none of the above: disasters, accidents, ordinary crime, or no political event",
    ),
)

#: The PLOVER types by name, in the order of the taxonomy (cooperation → force, then OTHER).
PLOVER: dict[str, PloverType] = {t.name: t for t in _PLOVER}
PLOVER_TYPES: tuple[str, ...] = tuple(PLOVER)
#: Type names of older PLOVER releases and of the PLOVER gold-standard records, and ours for them.
LEGACY_PLOVER: dict[str, str] = {
    "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
}  # fmt: skip

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"
NON_ACLED = "Non-ACLED (CASE 2021 additions)"
#: ACLED's event types (the coarse level), in ACLED's order, then the CASE 2021 additions.
ACLED_EVENT_TYPES: tuple[str, ...] = (BATTLES, REMOTE, CIVILIANS, PROTESTS, RIOTS, STRATEGIC, NON_ACLED)

_ACLED = (
    AcledSubtype("ARMED_CLASH", "Armed clash", BATTLES, "ASSAULT", _c(
        "clash*|fighting|fought|battle*|gunfight*|firefight*|skirmish*|exchange of fire|enfrent*"
    )),
    AcledSubtype("GOV_REGAINS_TERIT", "Government regains territory", BATTLES, "ASSAULT", _c(
        "recaptur*|retook|retake*|regain*|recover*|liberat*|took back|reclaim*|recuper*|reprise"
    )),
    AcledSubtype(
        "NON_STATE_ACTOR_OVERTAKES_TER", "Non-state actor overtakes territory", BATTLES, "ASSAULT", _c(
        "overran|overrun|seized control|took control|taken over|took over|fell to|captured the town"
    )),
    AcledSubtype("CHEM_WEAP", "Chemical weapon", REMOTE, "ASSAULT", _c(
        "chemical*|chlorine|sarin|mustard gas|toxic gas|nerve agent|poison gas|quimic*|chimique*"
    )),
    AcledSubtype("AIR_STRIKE", "Air/drone strike", REMOTE, "ASSAULT", _c(
        "airstrike*|air strike*|air raid*|warplane*|jets|drone*|aircraft|helicopter*|sortie*"
        "|bombardeo aereo|frappe* aerienne*|aerial"
    )),
    AcledSubtype("SUIC_BOMB", "Suicide bomb", REMOTE, "ASSAULT", _c(
        "suicide|blew himself up|blew herself up|explosive vest|explosive belt|suicida|kamikaze"
    )),
    AcledSubtype("ART_MISS_ATTACK", "Shelling/artillery/missile attack", REMOTE, "ASSAULT", _c(
        "shell*|artillery|mortar*|rocket*|missile*|howitzer*|projectile*|obus|misil*|cohete*"
    )),
    AcledSubtype("GRENADE", "Grenade", REMOTE, "ASSAULT", _c(
        "grenade*|granada*|hurled|lobbed"
    )),
    AcledSubtype("REM_EXPLOS", "Remote explosive/landmine/IED", REMOTE, "ASSAULT", _c(
        "ied|ieds|improvised explosive|landmine*|roadside bomb|car bomb|bomb blast|detonat*|planted"
        "|explosive device*|coche bomba|voiture piegee"
    )),
    AcledSubtype("SEX_VIOL", "Sexual violence", CIVILIANS, "ASSAULT", _c(
        "rape*|raping|sexual*|molest*|gang rape*|violac*|viol|abus* sexu*"
    )),
    AcledSubtype("ATTACK", "Attack", CIVILIANS, "ASSAULT", _c(
        "gunm*|opened fire|shot dead|stab*|murder*|massacr*|hacked|shooting|civilians|asesin*"
    )),
    AcledSubtype("ABDUCT_DISSAP", "Abduction/forced disappearance", CIVILIANS, "ASSAULT", _c(
        "kidnap*|abduct*|hostage*|disappear*|went missing|ransom|secuestr*|enlev*|otage*"
    )),
    AcledSubtype("PEACE_PROTEST", "Peaceful protest", PROTESTS, "PROTEST", _c(
        "protest*|rally|rallies|rallied|marched|marching|demonstrat*|sit in|vigil|on strike|peaceful*"
        "|petition|manifest*|huelga|greve"
    )),
    AcledSubtype("PROTEST_WITH_INTER", "Protest with intervention", PROTESTS, "PROTEST", _c(
        "police intervened|broke up|dispersed|detained protesters|arrested protesters|prevented"
        "|blocked the march"
    )),
    AcledSubtype("FORCE_AGAINST_PROTEST", "Excessive force against protesters", PROTESTS, "COERCE", _c(
        "tear gas|teargas|water cannon*|rubber bullets|live ammunition|baton*|brutal*|fired on protesters"
        "|gas* lacrimogeno*|gaz lacrymogene*"
    )),
    AcledSubtype("VIOL_DEMONSTR", "Violent demonstration", RIOTS, "PROTEST", _c(
        "riot*|rioters|pelted|stone pelting|hurled stones|threw stones|set fire|vandali*|torched"
        "|clashed with police|disturbio*|emeute*"
    )),
    AcledSubtype("MOB_VIOL", "Mob violence", RIOTS, "ASSAULT", _c(
        "mob|mobs|lynch*|vigilante*|angry crowd|mob justice|angry residents|linch*"
    )),
    AcledSubtype("AGREEMENT", "Agreement", STRATEGIC, "AGREE", _c(
        "agree*|agreement|deal|ceasefire|cease fire|truce|accord|treaty|signed|pact|acuerdo|accord"
    )),
    AcledSubtype("ARREST", "Arrests", STRATEGIC, "COERCE", _c(
        "arrest*|detain*|custody|apprehend*|nabbed|captured|detuv*|interpell*"
    )),
    AcledSubtype("CHANGE_TO_GROUP_ACT", "Change to group/activity", STRATEGIC, "MOBILIZE", _c(
        "deploy*|defect*|formed|reinforcement*|dispatched|merged|new commander|relocat*|dissolv*"
        "|joined forces|split"
    )),
    AcledSubtype("DISR_WEAP", "Disrupted weapons use", STRATEGIC, "COERCE", _c(
        "defus*|weapons cache|cache|ammunition|intercepted|bomb disposal|dismantl*|confiscat*"
        "|seized weapons|discovered|explosive devices"
    )),
    AcledSubtype("HQ_ESTABLISHED", "Headquarters or base established", STRATEGIC, "MOBILIZE", _c(
        "set up|established|base|outpost|observation post|military post|headquarters|checkpoint*"
    )),
    AcledSubtype("PROPERTY_DISTRUCT", "Looting/property destruction", STRATEGIC, "COERCE", _c(
        "loot*|vandal*|set ablaze|set on fire|destroy*|razed|burned|burnt|arson|saque*|pill*"
    )),
    AcledSubtype("NON_VIOL_TERRIT_TRANSFER", "Non-violent transfer of territory", STRATEGIC, "RETREAT", _c(
        "withdr*|without resistance|vacated|handed over|without a fight|uncontested|deserted"
    )),
    AcledSubtype("OTHER", "Other", STRATEGIC, "OTHER", _c(
        "fled|fleeing|displaced|mass grave*|refugees|migrants|exodus"
    )),
    AcledSubtype("ORG_CRIME", "Organised crime", NON_ACLED, "OTHER", _c(
        "robbery|robber*|robbed|theft|thieves|smuggl*|traffick*|drug*|cartel*|gang|gangs|heist|burglar*"
        "|stolen|narco*|contraband"
    )),
    AcledSubtype("NATURAL_DISASTER", "Natural disaster", NON_ACLED, "OTHER", _c(
        "earthquake*|quake|flood*|cyclone*|hurricane*|typhoon*|landslide*|drought|wildfire*|storm*"
        "|tsunami|volcan*|tremor*|heavy rain*|sismo|terremoto|inundac*|seisme|inondation*"
    )),
    AcledSubtype("MAN_MADE_DISASTER", "Man-made disaster", NON_ACLED, "OTHER", _c(
        "caught fire|blaze|collaps*|gas leak|derail*|crash*|accident*|poisoning|spill*|toxic"
        "|fire broke out|factory|warehouse|incendio|incendie"
    )),
    AcledSubtype("ATTRIB", "Claim or attribution of responsibility", NON_ACLED, "ACCUSE", _c(
        "claimed responsibility|claim responsibility|claims responsibility|took credit|takes credit|blam*"
        "|responsible for|attribut*|reivindic*|revendiqu*"
    )),
    AcledSubtype("DIPLO", "Diplomatic measure", NON_ACLED, "SANCTION", _c(
        "diplomat*|ambassador*|embassy|sanction*|expel*|envoy*|summon*|foreign ministry|consulate"
    )),
)  # fmt: skip

#: The CASE 2021 codes of ACLED sub-event types (and the task's own additions), by code.
ACLED: dict[str, AcledSubtype] = {s.code: s for s in _ACLED}
ACLED_SUBTYPES: tuple[str, ...] = tuple(ACLED)


def normalise_plover(label: str) -> str:
    """Our PLOVER type for a label, older PLOVER names included; unknown labels become OTHER."""
    name = label.strip().upper()
    name = LEGACY_PLOVER.get(name, name)
    return name if name in PLOVER else "OTHER"


def plover_of(acled_code: str) -> str:
    """The PLOVER type an ACLED (CASE 2021) sub-type falls under."""
    return ACLED[acled_code].plover


def event_type_of(acled_code: str) -> str:
    """ACLED's coarse event type of a sub-type ("Battles", "Protests", …)."""
    return ACLED[acled_code].event_type


@cache
def acled_subtypes(plover: str) -> tuple[str, ...]:
    """The ACLED sub-types that map to a PLOVER type (empty for types ACLED does not code)."""
    return tuple(s.code for s in _ACLED if s.plover == plover)


def triggers(plover: str, language: str | None) -> tuple[str, ...]:
    """A type's trigger patterns in a language; all languages together when it is None or unknown."""
    by_language = PLOVER[plover].triggers
    if language and language.lower() in by_language:
        return by_language[language.lower()]
    return tuple(pattern for patterns in by_language.values() for pattern in patterns)
