"""Paragraphs + vocabularies -> countries, region, actors and tags. Pure.

Build one `Extractor` per run (it compiles the vocabularies into automata), then call
`extract(briefing)` for each briefing. Fields a curator set (`briefing.overridden`) are
kept as given; everything else is derived here:

- countries: names, common names, demonyms, capitals and cities, and places that stand
  for a country (Darfur, Gaza), weighted by where they stand (title > lede > body);
  ambiguous names (Congo, Georgia) follow the article's other evidence;
- primary_country: the heaviest; region: its most specific UN M49 region; regions: the
  M49 path plus the curated analyst regions that contain it;
- actors: the curated vocabulary, generic state bodies ("the junta") resolved to their
  country, acronyms defined in the text, and people found by title or speech verb, with
  later surname-only mentions ("Lerner said") mapped to the full name;
- tags: curated topics whose cues appear often enough.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from slugify import slugify

from . import gcpause
from .body_forms import BodyForms, Fixed, fixed_words
from .matcher import Found, Match, Matcher, Scanner, T, U, fold, longest, new_match
from .model import Actor, Briefing
from .vocab import COUNTRY_SLOTS, ActorEntry, StateBody, Vocabulary, country_slug

TITLE_WEIGHT, LEDE_WEIGHT, BODY_WEIGHT = 3.0, 2.0, 1.0
TITLE_SUBJECT_BONUS = 6.0  # the country a headline is about (see _title_subject) leads
ACTOR_EVIDENCE = 0.3  # an actor's home country gains a little from each mention of it
STRENGTH = {
    "name": 1.0,
    "place": 0.8,
    "capital": 0.8,
    "city": 0.8,
    "region": 0.7,
    "town": 0.6,
    "demonym": 0.7,
    "inside": 0.7,
}
BIG_CITY = 1_000_000  # a smaller town counts only where its country is named some other way
TAG_THRESHOLD = 1.0  # one mention of a cue is enough; the strongest MAX_TAGS are kept
MAX_TAGS = 6


@dataclass(frozen=True, slots=True)
class Geo:
    kind: str  # name | demonym | capital | city | region | town | place | ambiguous | none
    countries: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ActorRef:
    kind: str  # vocab | body | generic
    key: str  # actor id, or the state body's role
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """An actor found in the text that the vocabulary does not know yet."""

    name: str
    type: str
    evidence: str  # how it was found, for the curator


@dataclass(slots=True)
class _Found:
    actor: Actor
    count: int = 0
    first: int = 0
    forms: set[str] = field(default_factory=set)


_Spans = dict[int, list[tuple[int, int]]]  # segment offset -> (start, end) already taken in it
_Note = Callable[[Actor, str, int], None]  # records an actor, the form written and where


@dataclass(slots=True)  # not frozen: a frozen dataclass is made three times slower, ten per article
class _Segment:
    text: str
    weight: float
    offset: int  # position of the segment in the whole article, for ordering
    # the words of the segment that introduce a name ("carmaker", "party", "Ministry"), found
    # by the article's one scan
    cues: list[Match[Cue]] = field(default_factory=list, compare=False)


class Cue(NamedTuple):
    """A word the automaton finds for a rule, not an actor or a place."""

    # tag (its key a tag id) | descriptor ("carmaker Renault") | group ("the Reconquest party") |
    # org (a word of an organisation's name: "Ministry", "Council") | government ("Burhan’s
    # government") | ministry ("the fisheries ministry")
    kind: str
    key: str


# The capitals of Latin-1, not only A-Z: "Ángel", "Öcalan", "Ñáñez" open names too. (With the
# capitals of Latin Extended-A as well, "Łukasz", the patterns ran a third slower: the regex engine
# skips to the next candidate by a table of the first 256 characters only.)
# Latin-1's capitals, then those of Latin Extended-A and -B ("İşletmeleri", "Łukasz", "Ștefan"),
# which interleave with their small letters
_CAPITALS = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())


def _latin(pattern: str) -> re.Pattern[str]:
    """A pattern whose [A-Z] stands for every capital of Latin-1."""
    return re.compile(pattern.replace("[A-Z]", f"[{_CAPITALS}]"))


_ACRONYM_USE = re.compile(r" \(([A-Z][A-Za-z0-9&-]{1,11})\)")
_NAME_PART = r"(?:[A-Z][\w'’.-]*|of|the|for|and|de|du|des|la|le|et|al|el|in|on|to|do|da|dos|das|del|di)"
_NAME_WORD = _latin(_NAME_PART)
_ROMANCE_LINKS = frozenset(("de", "do", "da", "dos", "das", "del", "di", "du", "des", "la", "le", "et"))
_NAME_WORD_END = _latin(rf"{_NAME_PART}$")
_WORD = re.compile(r"[\w][\w'’.-]*")
_PARTICLE = r"(?:al|el|ul|ud|ut|bin|ibn|ben|ag|ould|arap|de|del|della|der|di|da|do|dos|du|la|las|le|los|van|von|y|abu)"
# The capital comes first and the look behind after it: a pattern that opens with a character
# class lets the regex engine skip to the next capital (two to three times faster). A word's
# letters are taken possessively (`*+`): what follows them (a space, the end) is none of them,
# so giving some back could never make a match, and the engine no longer tries (a tenth faster).
_NAME_CANDIDATE = _latin(
    rf"[A-Z](?<![\w'’-][A-Z])[\w'’.-]*+(?:[ ](?:{_PARTICLE}[ ])*(?:[A-Z]|{_PARTICLE}-[A-Z])[\w'’.-]*+)+"
)
_ARMED = re.compile(
    r"\b(Front|Movement|Liberation|Brigades?|Militias?|Mujahideen|Jihad|Rebels?|Insurgents?|[Cc]artel|[Gg]ang|militia)\b"
)
_STATE = re.compile(
    r"\b(Ministry|Directorate|Agency|Service|Police|Presidency|Armed Forces|Defen[cs]e Forces?|Security Forces?|Guard|"
    r"Gendarmerie|Intelligence|Junta|Government|Navy|Air Force|Coast Guard|Army|Court|Tribunal|Bureau|"
    r"Special Forces|Military Forces|Rifles|Command|"
    r"Highlanders|Fusiliers|Dragoons|Hussars|Lancers|Grenadiers|Regiment)\b"  # regiments
)
_APPOSITIVE = _latin(
    r",\s+(?:(?:now|then|also|currently|formerly|still)\s+)?(?:(?:the|a|an|his|her|their|its)\s+)?(?:[A-Z][\w.]*['’]s\s+)?"
    r"(?:(?:[a-z]+\s+){0,2}[a-z]+['’]s\s+)?"  # "the president’s senior adviser", "the ousted leader’s nephew"
    r"([\w -]+?)(?:\s+(?:of|for|at|in|who|whose|which|that)\b|,|\.|$)"
)
_WHO_SERVED = re.compile(
    r", who (?:is|was|has been|had been|serves as|served as|had served as|became|heads|headed|leads|led|chairs|"
    r"chaired|runs|ran|founded|co-founded|represents|represented|commands|commanded|took over as|"
    r"was named|was appointed|has been named|has been appointed)\b"
)
# a demonym before these nouns names a language: "an English teacher", "French lessons"
_LANGUAGE_NOUN = re.compile(
    r" (?:teachers?|lessons|language|languages|literature|class|classes|courses?|translations?|translators?|"
    r"speakers?|subtitles|grammar|dictionary|proficiency)\b"
)
_MODIFIER = re.compile(r"[\w'’.]+-[a-z]+")  # "US-based", "Iran-backed": not "Al-Qaeda", not "Jamaat-ul-Mujahideen"
_SEAT_AFTER = _latin(r" in ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)")  # where an institution sits
# What befalls people, not organisations: ", convicted in …", ", held in Norway"; and what may
# follow a nationality used as a noun, ", a German sentenced to death …", ", a Briton living in …"
_FATES = (
    "convicted sentenced jailed imprisoned arrested detained held kidnapped abducted born executed pardoned "
    "extradited freed released exiled killed shot wounded injured murdered"
).split()
_FATE = re.compile(rf", (?:{'|'.join(_FATES)}) ")
_A_NATIONALITY = _latin(
    rf", an? ([A-Z][\w’'-]*)(?=[,.;:]| (?:of|who|accused|living|working|based|{'|'.join(_FATES)})\b)"
)
# a first name, a nickname in quotes, a surname: "Joaquín “El Chapo” Guzmán"
# (found by its quotes first: a pattern that opens with a literal is not tried at every position)
_NICKNAME = _latin(r"[“‘][A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}[”’] (?=[A-Z])")
_NAMES_BEFORE = _latin(r"\b[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3}$")  # up to four, ending at a point
_NAME_BEFORE = _latin(r"\b[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?$")
_NAME_AFTER = _latin(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?\b")
_MINISTRY_SPOKESPERSON = re.compile(r"[Mm]inistry spokes(?:man|woman|person)$")
_POSTED_ON = re.compile(r"\b(?:on|via|to|[Oo]n (?:its|his|her|their|the)(?: official| own)?(?: \w+)?) $")
_NAME_OPENING = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")  # after a descriptor: "carmaker Renault"
# "Mahsa Amini, 22, from Saqqez", "… and Ri Jae Nam, 57.": wire copy gives people's ages
_AGE = re.compile(r", (?:aged )?\d{1,3}(?:[,;]|\.(?!\d))")
_DESCRIBED = re.compile(r", (?:a|an) [^,.;:“”\"]{2,60}, (?:said|says|told|added|warned|explained)\b")
_OF_GROUP = _latin(r" of (?:the )?([A-Z][\w'’-]*(?: (?:(?:for|of|and|the) )*[A-Z][\w'’-]*){0,5})")
_TITLE_SPEAKER = _latin(
    r"(?:[A-Z][\w'’-]+[’']s )?([A-Z][\w'’-]+) (?:says|said|tells|warns|vows|accuses|denies|claims)\b"
)
_TITLE_SOURCE = _latin(r", ([A-Z][\w'’-]+) (?:says|said|claims)$")  # "…, Deby says": who tells it
_ATTACK = re.compile(
    r"\b(?:strikes?(?! (?:a |an )?(?:deal|accord|agreement|tone|note))|struck|air ?strikes?|hits?(?! (?:back|out))|"
    r"bombs?|bombed|bombing|bombards?|shells?|shelled|shelling|attacks?|"
    r"attacked|raids?|raided|invades?|invaded|invasion of|pounds?|pounded|shoots? down|shot down|downs|downed|"
    r"kills?|killed|assault on|storms?|stormed|"
    r"drones?|missiles?|rockets?|fires? (?:rockets|missiles|drones) at|"
    # a deployment lands somewhere too: "Australia sends police to Solomon Islands" (but "Mexico
    # sends 29 cartel figures to the US" deploys no force: see _FORCE)
    r"(?P<send>sends?|sent|deploys?|deployed|dispatch(?:es|ed)?)|lands? in|landed in|arrives? in|arrived in|"
    r"enters?|entered|cross(?:es|ed)? into|patrols?|patrolled|(?:rolls?|rolled|pours?|poured|moves?|moved) into)\b"
)
# plural owners that are words of a name, not owners of one: "People’s Democratic Movement"
_COLLECTIVES = frozenset("People Peoples Workers Women Children Farmers Peasants Citizens Veterans Martyrs".split())
_LIST_DEPTH = 6  # how many names back a list is read for a person
# organisation words that end a name ("Sandline International") but leave one open when more follow
# ("the Department of International Relations and Cooperation")
_LAST_ONLY = frozenset(("International",))
_UN = "United Nations"  # "United Nations Security Council": the UN's bodies are named so in vocab/actors.yml
_OWNED = re.compile(r" [\w-]+[’']s\b")  # "Japanese envoy’s": a country word owning what follows
# What a deployment sends, and what may stand between a headline's country and its verb
# ("First Kenyan police officers land in Haiti", "US Navy snipers kill …")
_FORCE_WORDS = frozenset(
    "troops soldiers forces police officers army navy marines warships ships jets warplanes aircraft "
    "plane planes spy drone drones helicopter helicopters submarine vessel vessels snipers sailors "
    "peacekeepers paratroopers commandos military security special gunmen militants fighters rebels jihadists "
    "insurgents attackers".split()
)
_FORCE = re.compile(rf" (?:[\d,]+ |more |extra |additional |its )*(?:{'|'.join(sorted(_FORCE_WORDS))})\b")
# Prefixes that make a hyphenated word an adjective, not a name: "Pro-independence", "Anti-government"
# a preposition (and maybe an article) just before a word: the word is in a phrase, not the subject
_IN_A_PHRASE = re.compile(r"\b(?:on|of|at|against|for|with|to|from|by|into|near|over|through|aboard)(?: an?| the)? $")
# place words that may be a titled person's surname ("Cabinet Chief Chrystian Colombo")
_SURNAME_KINDS = frozenset(("name", "ambiguous", "capital", "city", "town"))
_LOWER_WORD = re.compile(r" [a-z]")  # a country's name used as a modifier: "US embassy bombings"
_WHERE = (" in ", " off ", " near ", " outside ")  # where a headline puts what it tells: "… off Yemen"
_PLACE_MODIFIERS = frozenset(
    "based backed led linked owned run born allied aligned funded sponsored controlled held made registered".split()
)
_PREFIXES = frozenset("pro anti non ex post pre mid self far neo pan co counter semi ultra multi inter intra".split())
# A headline's subject acting somewhere: "Morocco launches operation in Western Sahara buffer zone"
_ACT = re.compile(
    r" (?:launch(?:es|ed)?|declares?|declared|imposes?|imposed|conducts?|conducted|mounts?|mounted|begins?|began|"
    r"starts?|started|extends?|extended|stages?|staged|carries out|carried out|opens?|opened|lands?|landed)\b"
)
_IN_PLACE = re.compile(
    r" in (?:the )?(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-eastern|north-western|south-eastern|south-western|northeastern|northwestern|southeastern|southwestern) )?"
)
# Where a headline's clause ends: "Thailand launches air strikes as border clashes with Cambodia …"
_CLAUSE_BREAK = re.compile(r"[,;:] | [-–—] | (?:as|after|amid|while|but|despite|following|when|before)\b")
_SCHOOL = re.compile(r"\b(?:College|University|Academy)\b")
_OPENS_A_NAME = ("demonym", "name", "capital", "city")  # place words that may open a body's name
_PLACE_KINDS = ("capital", "city", "region")
# "of" and a name, not a possessive: "Democratic Party of Korea"; but "Quds Force of Iran’s Revolutionary Guards"
_OF_A_NAME = _latin(r" of (?:the )?[A-Z][\w.-]*(?: [A-Z][\w.-]*)*(?!['’]s)\b")
# Found by a literal part first (the regex engine leaps to a literal; a pattern that opens with
# \b or a name's capital is tried at every position): the rest is checked around it.
_GOVERNMENTS = ("government", "administration", "cabinet")  # "Burhan’s government"
_WORD_AT_END = _latin(r"[A-Z][\w'’-]+$")
_MINISTRY_OF = re.compile(r" of (?:the )?")
_CAPITAL_WORD_BEFORE = _latin(r"[A-Z][\w'’.-]* $")
MINISTRY = "ministry:"  # the role of a ministry found by its field: "ministry:finance"
_ROLE_MINISTRIES = frozenset(
    ["foreign", "foreign affairs", "defence", "defense", "national defence", "interior", "health"]
)
# "the government of Carlos Alvarado", "the death in custody of Mahsa Amini": what only a person has
_OF_A_PERSON = re.compile(
    r"\b(?:government|administration|regime|death|killing|murder|assassination|arrest|detention|release|"
    r"funeral|kidnapping|abduction|trial|conviction|extradition|execution|widow|wife|husband|son|daughter|body)"
    r"(?: in custody| in detention)? of$"
)
_DONE_TO_A_PERSON_VERBS = tuple(
    "succeeding succeeded replacing replaced ousted toppled unseated appointed sacked dismissed pardoned "
    "sentenced assassinated executed extradited impeached".split()
)
_DONE_TO_A_PERSON = re.compile(rf"\b(?:{'|'.join(_DONE_TO_A_PERSON_VERBS)})$")
_IDENTIFIED_AS = re.compile(r"\b(?:identified(?: [\w-]+){0,3} as|(?:under|using) the (?:false )?name)$")
_NAMED_AS = (" named", " elected", " nominated", " chose", " picked", " installed")
_GROUP_FORCES = re.compile(r"\b(Forces|Army|Group)\b")
# "the National Assembly in October": when, not part of a name
_TIME_WORDS = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
# a building, site or work, not an actor: "Tyndall Air Force Base", "Grand Ethiopian Renaissance Dam (GERD)"
_PLACE_NOUNS = frozenset(
    "Base Airbase Airport Barracks Camp Station Prison Stadium Square Dam Bridge Pipeline Canal Port Highway "
    "Railway Corridor Mine Reactor".split()
)
_POSTED = frozenset(
    {"Mission", "Embassy", "Consulate", "Office", "Delegation", "Representation", "Operation", "Force", "Command"}
)
_POSSESSIVE_BEFORE = _latin(r"([A-Z][\w-]*(?: [A-Z][\w-]*){0,3})['’]s $")
_THE_COUNTRY = (
    "United ",
    "Republic ",
    "Democratic Republic",
    "Federated ",
    "Philippines",
    "Netherlands",
    "Czech Republic",
)
# A capitalised word (dots only inside: "Moller-Maersk", not "Ngcuka." ending a sentence) or
# initials ("A.P.", "U.S."); a run never reads across the end of a sentence. The capital is
# factored out of both, and the letters taken possessively, as above (a quarter faster).
_CAPITALISED_WORD = r"[A-Z](?:\.(?:[A-Z]\.){0,3}|[\w'’&-]*+(?:\.[\w'’&-]++)*)"
_CAPITALISED_RUN = _latin(rf"{_CAPITALISED_WORD}(?: (?:(?:of|for|and|&|the|de|du|des|in|on|to) )*{_CAPITALISED_WORD})+")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")
_NAME_INITIALS = re.compile(r"[A-Z]\.(?:[A-Z]\.){0,2}")
_SECOND_LANGUAGE = _latin(r"\b(?:in|speaking|spoke|speak|speaks) (?:[A-Z]\w+, )*[A-Z]\w+,? (?:and|or) $")
_REGNAL = frozenset("II III IV VI VII VIII IX XI XII XIII XIV XV XVI".split())  # "Charles III", "Leo XIV"
# a name written after a noun that says what it is: "carmaker Renault", "broadcaster Radio Publique Africaine"
_CONNECTORS = ("de", "of", "du", "des", "la", "le", "al", "el", "for", "the")
_ALSO_ADJECTIVES = frozenset({"giant"})  # a descriptor that is an adjective after an article
# ([A-Z] apart from the digits: _latin widens it to every capital)
# "Renault", "al-Sahil", "ut-Tahrir"
_DESCRIBED_WORD = r"(?:[A-Z]|[0-9]|(?:al|el|ad|an|ar|as|ash|at|az|ul|ut|ud|ur)-[A-Z])[\w'’&.-]*"
_NAME_AFTER_NOUN = _latin(rf"(?:[A-Z]|[0-9])[\w'’&.-]*(?: (?:(?:{'|'.join(_CONNECTORS)}) )*{_DESCRIBED_WORD}){{0,4}}")
# A cartel's, gang's or militia's name holds the noun after it ("Sinaloa cartel"); the nouns of
# vocab/people.yml's organisation_nouns do not ("the Reconquest party", "the Interfax news agency").
_GROUP_NOUNS = ("cartel", "gang", "militia")
# "the Socialist party", "a Kurdish party": a single adjective before the noun says what kind it is
_ADJECTIVE_END = ("ist", "ive", "ic", "al", "an", "ish", "ese", "ian", "ern")
_NAME_BEHIND = _latin(r"(?<![\w'’-])(?:[A-Z][\w'’.-]*[ ]){0,3}[A-Z][\w'’.-]*$")
# adjectives that open a sentence before a body's name: "Opposition Nationalist Party leader …"
_OPENING_ADJECTIVES = frozenset({"Opposition", "Ruling", "Governing", "Outlawed", "Banned", "Exiled"})
_FUNCTION_WORDS = frozenset(
    "the a an in on at by for from to of with without since after before during while when where what who why how but"
    " and or if as it its this that these those there their they he she we you i his her our my your some many"
    " most more all both each every no not several other another such then than also yet still even only however"
    " meanwhile according speaking asked last next earlier later under over against among between despite"
    " outside inside near across beyond behind along around above below beside into onto toward towards upon"
    " via within throughout through until unlike like"
    " monday tuesday wednesday thursday friday saturday sunday january february march april may june july"
    " august september october november december".split()
)


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("ese", "ish", "ch", "s", "sh", "x", "z")):
        return None
    return demonym + "s"


class Extractor:
    def __init__(self, vocab: Vocabulary) -> None:
        with gcpause.paused():
            self._build(vocab)

    def _build(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self.actors = {a.id: a for a in vocab.actors}
        self.by_role = {(a.role, a.country): a for a in vocab.actors if a.role and a.country}
        self.bodies = {b.role: b for b in vocab.state_bodies}
        self.analyst = vocab.regions
        analyst_regions: dict[str, list[str]] = defaultdict(list)  # country -> the names of its analyst regions
        for region in vocab.regions:
            for member in region.members:
                analyst_regions[member].append(region.name)
        self._analyst_regions: dict[str | None, tuple[str, ...]] = {
            c: tuple(names) for c, names in analyst_regions.items()
        }
        self.people = vocab.people
        # a title as written before one name, or in the plural before two ("Prime Ministers X and Y")
        self.title_suffixes = tuple(sorted(vocab.people.titles))
        self.plural_titles = tuple(sorted(t + "s" for t in vocab.people.titles if t[-1:].isalpha() and t[-1] != "s"))
        roles = sorted((t for t in vocab.people.titles if t.islower() and " " not in t), key=len, reverse=True)
        # "the governor of Kano State", "Haiti's ambassador in Washington": a role, "of" or "in"
        # and a capitalised place, then the name
        self._title_of = _latin(
            rf"\b(?:{'|'.join(map(re.escape, roles))}) (?:of|in|to) (?:the )?[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*$"
        )
        self.geo = self._geo_matcher()
        self.actor_matcher = self._actor_matcher()
        self.body_forms, fixed = self._body_forms()
        cues: Matcher[Cue] = Matcher()
        for tag in vocab.tags:
            for cue in tag.cues:  # lower case, and as it opens a sentence or a headline in title case
                for variant in (cue, cue[0].upper() + cue[1:], cue.title()):
                    cues.add(variant, Cue("tag", tag.id))
        self.institutions = frozenset(fold(name) for name in vocab.people.institutions)  # "General’s" = "General's"
        self._name_words: dict[str, bool] = {}  # token -> whether it can be part of a person's name
        self._actor_of: dict[ActorRef, Actor | None] = {}
        self._cues_split: dict[tuple[Cue, ...], tuple[tuple[Cue, ...], tuple[Cue, ...]]] = {}  # see _cue_kinds
        self._refs_of_roles: dict[tuple[tuple[str, str], ...], tuple[ActorRef, ...]] = {}  # see _body_refs
        self._field_words = vocab.people.ministry_domains | vocab.people.ministry_qualifiers
        self._portfolio_words = self._field_words | vocab.people.portfolios
        # the UN's bodies by their short names: "Security Council", "General Assembly"
        self._un_organs = {a.name.removeprefix(f"{_UN} "): a.id for a in vocab.actors if a.name.startswith(f"{_UN} ")}
        self.form_owner = {fold(f): a.id for a in vocab.actors for f in (a.name, *a.aliases)}
        self._first_names = frozenset(fold(name) for name in vocab.places.first_names)
        self.known_forms = set(self.form_owner)
        self._full_names = _full_names(vocab.actors, self.known_forms, vocab.people.particles)
        self._name_stops = vocab.people.not_names - vocab.people.org_words  # "Monday" ends a name, "Council" not
        descriptors = dict.fromkeys(vocab.people.organisation_descriptors, "organisation")
        descriptors.update(dict.fromkeys(vocab.people.armed_group_descriptors, "armed_group"))
        self._descriptor_kind = descriptors
        # "Euronav, the Belgian shipping group that …": the descriptor heads the apposition
        nouns = "|".join(map(re.escape, sorted(descriptors, key=len, reverse=True)))
        self._appositive_descriptor = re.compile(  # (a literal first: not tried at every position)
            r", (?:the|a|an|its) ((?:[\w’'-]+ ){0,4}?)"
            rf"({nouns})(?=[,.;:]| (?:that|which|whose|based|owned|with|in|of|behind|for|and)\b)"
        )
        self._bare_nouns = tuple(sorted(vocab.people.organisation_nouns))
        self._bare_nouns_folded = tuple(fold(noun).lower() for noun in self._bare_nouns)
        for noun in (*_GROUP_NOUNS, *self._bare_nouns):
            cues.add(noun, Cue("group", noun))
        for descriptor in descriptors:
            cues.add(descriptor.rsplit(" ", 1)[-1], Cue("descriptor", descriptor))  # "tank" of "think tank"
        for word in vocab.people.org_words:
            cues.add(word, Cue("org", word))
        for word in _GOVERNMENTS:
            cues.add(word, Cue("government", word))
        for word in ("ministry", "Ministry"):
            cues.add(word, Cue("ministry", word))
        self.scanner = Scanner(self.actor_matcher, self.geo, fixed, cues)  # all found in one pass over an article

    # --- building the automata -----------------------------------------------------

    def _geo_matcher(self) -> Matcher[Geo]:
        """One Geo per surface form; curated entries override generated ones."""
        table: dict[str, Geo] = {}
        owners: dict[str, set[str]] = defaultdict(set)

        def put(surface: str, kind: str, iso3: str) -> None:
            owners[surface].add(iso3)
            table[surface] = Geo(kind, tuple(sorted(owners[surface])))

        places = self.vocab.places
        for city in self.vocab.cities:
            if city.name not in places.not_places:
                kind = "capital" if city.capital else "city" if city.population >= BIG_CITY else "town"
                put(city.name, kind, city.country)
                if city.also:  # its own country first; a namesake's where the text names that one
                    table[city.name] = Geo(kind, (city.country, *city.also))
        for name, iso3 in self.vocab.subdivisions:
            if name not in places.not_places and (name not in table or table[name].kind == "town"):
                owners.pop(name, None)  # a state or province beats a small town ("Florida", Cuba)
                put(name, "region", iso3)
        for iso3, country in self.vocab.countries.items():
            for demonym in country.demonyms:
                put(demonym, "demonym", iso3)
                if plural := _plural(demonym):
                    put(plural, "demonym", iso3)
        for iso3, country in self.vocab.countries.items():
            for name in country.names:
                owners.pop(name, None)  # a country's own name beats a city of that name
                put(name, "name", iso3)
        for iso3, demonyms in places.demonyms.items():
            for demonym in demonyms:
                owners.pop(demonym, None)
                put(demonym, "demonym", iso3)
                if plural := _plural(demonym):
                    put(plural, "demonym", iso3)
        for iso3, names in places.country_names.items():
            for name in names:
                owners.pop(name, None)
                put(name, "name", iso3)
        population = {iso3: c.population for iso3, c in self.vocab.countries.items()}
        for surface, geo in list(table.items()):
            if len(geo.countries) > 1:  # the most populous first: "French" is France before Réunion
                table[surface] = Geo("ambiguous", tuple(sorted(geo.countries, key=lambda c: -population[c])))
        for surface, codes in places.ambiguous.items():
            table[surface] = Geo("ambiguous", codes)
        for surface, code in places.places.items():
            table[surface] = Geo("place", (code,)) if code else Geo("none", ())
        matcher: Matcher[Geo] = Matcher()
        for surface, geo in table.items():
            matcher.add(surface, geo)
        self.demonym_forms = frozenset(
            form
            for demonyms in [*(c.demonyms for c in self.vocab.countries.values()), *places.demonyms.values()]
            for form in demonyms
        )
        return matcher

    def _actor_matcher(self) -> Matcher[ActorRef]:
        matcher: Matcher[ActorRef] = Matcher()
        for actor in self.vocab.actors:
            ref = ActorRef("vocab", actor.id)
            for form in (actor.name, *actor.aliases):
                matcher.add(form, ref)
                if form.isupper() and len(form) >= 4 and form.isalpha():
                    matcher.add(form.title(), ref)  # NATO -> Nato, ISIS -> Isis
                for article in ("al-", "al ", "el-", "el "):  # al-Shabaab, Al-Shabaab
                    if form.lower().startswith(article):
                        matcher.add(article[0].swapcase() + form[1:], ref)
                words = form.split(" ")
                generic = len(words)  # where the trailing generic words start
                while generic > 1 and (
                    words[generic - 1] in self.vocab.people.org_words or words[generic - 1] == "News"
                ):
                    generic -= 1
                if generic < len(words):  # "Sinaloa cartel", "Wagner group", "Fars news agency"
                    matcher.add(" ".join([*words[:generic], *(w.lower() for w in words[generic:])]), ref)
        for body in self.vocab.state_bodies:
            for form in body.generic:
                for variant in (form, form[0].upper() + form[1:]):
                    matcher.add(variant, ActorRef("generic", body.role))
        return matcher

    def _body_forms(self) -> tuple[BodyForms, Matcher[Fixed]]:
        """The state bodies' explicit forms ("Malian army"): their fixed words for the automaton,
        and each country's forms that complete them."""
        forms: dict[str, dict[str, list[str]]] = {slot: defaultdict(list) for slot in COUNTRY_SLOTS}
        places = self.vocab.places
        for iso3, country in self.vocab.countries.items():
            demonyms = {*country.demonyms, *places.demonyms.get(iso3, ())}
            if iso3 in places.adjectives:
                demonyms.add(places.adjectives[iso3])
            # a word shared by several countries names the one the gazetteer gives it: "American
            # troops" are the USA's, not the Northern Mariana Islands', "Congolese police" the DRC's
            for demonym in demonyms:
                if self._owns(iso3, demonym):
                    forms["demonym"][fold(demonym)].append(iso3)
            for name in {country.name, *places.country_names.get(iso3, ())}:
                forms["country"][fold(name)].append(iso3)
        for city in self.vocab.cities:
            if city.capital:
                forms["capital"][fold(city.name)].append(city.country)
        order = {iso3: rank for rank, iso3 in enumerate(self.vocab.countries)}  # where a form is shared
        tables = {
            slot: {form: tuple(sorted(set(codes), key=order.__getitem__)) for form, codes in table.items()}
            for slot, table in forms.items()
        }
        fixed: Matcher[Fixed] = Matcher()
        for words, template in fixed_words(self.vocab.state_bodies):
            fixed.add(words, template)
        return BodyForms(tables), fixed

    def _owns(self, iso3: str, word: str) -> bool:
        """Whether a country name or demonym stands for this country first."""
        geo = self.geo.get(word)
        return not geo or not geo[0].countries or geo[0].countries[0] == iso3

    # --- extraction ----------------------------------------------------------------

    def extract(self, briefing: Briefing) -> tuple[Briefing, list[Candidate]]:
        segments = self._segments(briefing)
        text = "\n".join(segment.text for segment in segments)  # the article, scanned whole
        # folded once, for both case-sensitive scans; paragraph by paragraph, as about half
        # are pure ASCII and need no folding (fold changes no length, so positions still agree)
        folded = "\n".join([fold(segment.text) for segment in segments])
        actor_found, geo_found, fixed_found, cue_found = self.scanner.scan(folded)
        tag_found: list[Found[Cue]] = []
        rule_found: list[Match[Cue]] = []
        for start, end, found_cues in cue_found:
            tags, rules = self._cue_kinds(found_cues)
            if tags:
                tag_found.append((start, end, tags))
            if rules:
                rule_found.append(new_match(Match, (start, end, text[start:end], rules)))
        rule_found.sort()
        for segment, found_here in zip(segments, _per_segment(rule_found, segments), strict=True):
            segment.cues.extend(found_here)
        for start, end, roles in self.body_forms.complete(folded, fixed_found, geo_found):  # "Malian army"
            actor_found.append((start, end, self._body_refs(roles)))
        actor_matches, geo_matches = longest(actor_found, text), longest(geo_found, text)
        actor_matches = _outside(actor_matches, geo_matches)  # "Emirates" in "United Arab Emirates"
        found = _per_segment(actor_matches, segments)
        actor_hits = [
            (s, m)
            for s, matches in zip(segments, found, strict=True)
            if matches
            for m in self._actor_matches(s.text, matches)
        ]
        actor_hits += self._ministries(segments, actor_hits)
        actor_hits += self._leaders_governments(segments, actor_hits)
        spans = defaultdict(list)
        for segment, match in actor_hits:
            spans[segment.offset].append(match)
        scores, firsts, geo_hits = self._countries(segments, spans, _per_segment(geo_matches, segments))
        self._weigh_actors_and_title(briefing.title, scores, actor_hits, geo_hits)
        overridden = briefing.overridden
        countries = list(briefing.countries) if "countries" in overridden else self._rank(scores, firsts)
        primary = briefing.primary_country if "primary_country" in overridden else next(iter(countries), None)
        values: dict[str, object] = {}
        if "countries" not in overridden:
            values["countries"] = tuple(countries)
        if "primary_country" not in overridden:
            values["primary_country"] = primary
        path = self.vocab.countries[primary].m49 if primary in self.vocab.countries else ()
        if "region" not in overridden:
            values["region"] = path[-1] if path else None
        if "regions" not in overridden:
            values["regions"] = (*path, *self._analyst_regions.get(primary, ()))
        actors, candidates = self._actors(segments, actor_hits, geo_hits, primary)
        if "actors" not in overridden:
            values["actors"] = actors
        if "tags" not in overridden:
            values["tags"] = self._tags(segments, longest(tag_found, text))
        return replace(briefing, **values), candidates  # type: ignore[arg-type]

    def _body_refs(self, roles: tuple[tuple[str, str], ...]) -> tuple[ActorRef, ...]:
        """The references to the state bodies ((role, country), ...) a body form names
        (remembered: the same few hundred recur from article to article)."""
        refs = self._refs_of_roles.get(roles)
        if refs is None:
            refs = self._refs_of_roles[roles] = tuple(ActorRef("body", role, iso3) for role, iso3 in roles)
        return refs

    def _cue_kinds(self, cues: tuple[Cue, ...]) -> tuple[tuple[Cue, ...], tuple[Cue, ...]]:
        """The cues of one match, split: those of tags, and those of rules (remembered: the
        automaton gives each word's cues as one tuple, and a vocabulary has a few hundred)."""
        split = self._cues_split.get(cues)
        if split is None:
            tags = tuple(c for c in cues if c.kind == "tag")
            split = self._cues_split[cues] = (tags, tuple(c for c in cues if c.kind != "tag"))
        return split

    def _segments(self, briefing: Briefing) -> list[_Segment]:
        segments = [_Segment(briefing.title, TITLE_WEIGHT, 0)]
        offset = len(briefing.title) + 1
        for index, paragraph in enumerate(briefing.paragraphs):
            segments.append(_Segment(paragraph, LEDE_WEIGHT if index == 0 else BODY_WEIGHT, offset))
            offset += len(paragraph) + 1
        return segments

    def _countries(
        self,
        segments: list[_Segment],
        actor_spans: dict[int, list[Match[ActorRef]]],
        geo_found: list[list[Match[Geo]]],
    ) -> tuple[dict[str, float], dict[str, int], list[tuple[_Segment, Match[Geo], str]]]:
        """Scores per country, first positions, and every geo match with its resolved country."""
        scores: dict[str, float] = {}
        firsts: dict[str, int] = {}
        pending: list[tuple[_Segment, Match[Geo], float]] = []
        resolved: list[tuple[_Segment, Match[Geo], str]] = []
        # a region's name used as a surname once ("Ibaneis Rocha", "Guerrero said") is one everywhere; so
        # is a country's name after a titled first name ("British mercenary Simon Mann": Mann, Isle of Man)
        surnames = {
            match.text
            for segment, matches in zip(segments, geo_found, strict=True)
            for match in matches
            if (
                match.values[0].kind == "region"
                and (self._after_a_name(segment.text, match.start) or self._speaks(segment.text, match.end))
            )
            or (match.values[0].kind in _SURNAME_KINDS and self._titled_surname(segment.text, match.start))
        }
        for segment, matches in zip(segments, geo_found, strict=True):
            inside_actor = actor_spans.get(segment.offset, [])
            for match in matches:
                geo = match.values[0]
                if geo.kind == "none" or match.text in surnames:
                    continue
                owner = _holder(inside_actor, match)
                strength = STRENGTH[geo.kind] if geo.kind in STRENGTH else STRENGTH["name"]
                if owner is not None:
                    home = self._actor_country(owner.values[0])
                    if home is None or home not in geo.countries or self._is_person(owner.values[0]):
                        continue
                    strength = STRENGTH["inside"]
                    geo = Geo("name", (home,))
                elif self._first_name_use(segment.text, match) or (
                    match.text in self.demonym_forms
                    and (self._language_use(segment.text, match) or _ethnic_use(segment.text, match.start))
                ):
                    continue
                weight = segment.weight * strength
                if geo.kind in ("ambiguous", "town") or len(geo.countries) > 1:
                    pending.append((segment, match, weight))
                    continue
                code = geo.countries[0]
                scores[code] = scores.get(code, 0.0) + weight
                firsts.setdefault(code, segment.offset + match.start)
                resolved.append((segment, match, code))
        for segment, match, weight in pending:
            geo = match.values[0]
            code = self._resolve(geo.countries, scores)
            if geo.kind == "town" and code not in scores:
                continue  # "Hassan" is a town in India only if India is named too
            scores[code] = scores.get(code, 0.0) + weight
            firsts.setdefault(code, segment.offset + match.start)
            resolved.append((segment, match, code))
        return scores, firsts, resolved

    def _weigh_actors_and_title(
        self,
        title: str,
        scores: dict[str, float],
        actor_hits: list[tuple[_Segment, Match[ActorRef]]],
        geo_hits: list[tuple[_Segment, Match[Geo], str]],
    ) -> None:
        """Actors' home countries add weight to countries the text names; the headline's subject leads."""
        in_title: list[tuple[int, str, int]] = []
        for segment, match in actor_hits:
            home = self._actor_country(match.values[0])
            if home is not None and home in scores:
                scores[home] += ACTOR_EVIDENCE * segment.weight
                if segment.offset == 0:
                    in_title.append((match.start, home, match.end))
        in_title += [(m.start, code, m.end) for s, m, code in geo_hits if s.offset == 0 and code]
        # "Israel-Hezbollah ceasefire", "Iran-backed militia": a hyphenated compound is a modifier
        subjects = [(s, c, e) for s, c, e in in_title if "-" not in title[s - 1 : s] + title[e : e + 1]]
        if in_title:
            scores[self._title_subject(title, sorted(subjects or in_title), actor_hits)] += TITLE_SUBJECT_BONUS

    def _title_subject(
        self, title: str, in_title: list[tuple[int, str, int]], actor_hits: list[tuple[_Segment, Match[ActorRef]]]
    ) -> str:
        """The country a headline is about: its first, unless a speaker of known country opens it
        ("Aliyev says Russia…"), or it strikes or sends troops to another right away ("Israel
        strikes Syrian army HQ", "US air strikes hit … in Somalia", "Australia sends police to
        Solomon Islands"): such a story is about where the strike or the troops land. Not when
        other words come between ("North Korea confirms it sent troops to Russia"). Likewise when it
        acts right away in another country ("France declares state of emergency in New Caledonia")."""
        speaker = _TITLE_SPEAKER.match(title) or _TITLE_SOURCE.search(title)
        if speaker is not None:  # "Aliyev says Russia…", "…, Deby says"
            home = self._person_country(speaker.group(1), actor_hits)
            if home is not None:
                return home
        first_start, first, first_end = in_title[0]
        attributive = title[first_start:first_end] in self.demonym_forms or _LOWER_WORD.match(title, first_end)
        if attributive and _IN_A_PHRASE.search(title, 0, first_start):  # "toll from US embassy bombings in Kenya"
            # "Gunmen kill 37 in ambush on Canadian miner’s convoy in Burkina Faso": a demonym
            # that only describes the object of a phrase yields to the country the headline puts
            # it in (but "Former Honduran president … sentenced in US drug case" is Honduras's)
            where = [code for start, code, _ in in_title if code != first and title.endswith(_WHERE, 0, start)]
            if where:
                return where[0]
        attack = _ATTACK.search(title, first_end)
        if attack is not None and attack.group("send") and not _FORCE.match(title, attack.end()):
            attack = None  # a deployment of no force
        if attack is not None and self._subject_of(title, first_end, attack.start(), in_title):
            stop = _clause_end(title, attack.end())  # the target is in the strike's clause
            after = [
                code
                for start, code, end in in_title
                if attack.end() <= start < stop and code != first and not _OWNED.match(title, end)
            ]  # but "Peruvian commandos storm Japanese envoy’s residence" in Lima: an owner, not a target
            if after:
                return after[0]
        force = _FORCE.match(title, first_end)  # "US spy plane lands in China": who acts, then the act
        act = _ACT.match(title, force.end() if force else first_end)
        if act is not None:  # "France declares state of emergency in New Caledonia": where it is done
            place = _IN_PLACE.search(title, act.end(), _clause_end(title, act.end()))
            where = [code for start, code, _ in in_title if place and start == place.end() and code != first]
            if where:
                return where[0]
        return first

    @staticmethod
    def _subject_of(title: str, end: int, verb: int, in_title: list[tuple[int, str, int]]) -> bool:
        """Whether the headline's first country is the subject of the verb at `verb`: at most one
        word between, not counting other countries joined by "and" ("US and Britain strike") or
        the force itself ("Kenyan police officers land in")."""
        gap = title[end:verb]
        for start, _, stop in in_title:  # other countries inside the gap
            if end <= start and stop <= verb:
                gap = gap.replace(title[start:stop], " ")
        words = [w for w in gap.split() if w not in ("and", "&") and w.lower() not in _FORCE_WORDS]
        return len(words) <= 1

    def _person_country(self, surname: str, actor_hits: list[tuple[_Segment, Match[ActorRef]]]) -> str | None:
        """The home country of the one vocabulary person of the article whose name ends in `surname`."""
        homes = set()
        for _, match in actor_hits:
            ref = match.values[0]
            if ref.kind == "vocab" and self.actors[ref.key].type == "person":
                entry = self.actors[ref.key]
                if any(fold(form.rsplit(" ", 1)[-1]) == fold(surname) for form in (entry.name, *entry.aliases)):
                    homes.add(entry.country)
        return homes.pop() if len(homes) == 1 else None

    def _actor_matches(self, text: str, matches: list[Match[ActorRef]]) -> list[Match[ActorRef]]:
        """Vocabulary matches, less one-word aliases that end a person's name (Thérèse Wagner)."""
        kept = []
        for match in matches:
            if match.values[0].kind == "vocab" and (self._other_countrys(text, match) or self._named_on(text, match)):
                continue
            if (
                match.text.isupper()
                and text.startswith("-", match.end)
                and text[match.end + 1 : match.end + 2].isdigit()
            ):
                continue  # "the TRF-4 court", "flight MH-17": a designation, not the acronym
            if match.text in self.people.platforms and _POSTED_ON.search(text, max(0, match.start - 30), match.start):
                continue  # "said on Twitter": where it was said
            if " " not in match.text and match.values[0].kind == "vocab":
                word = _word_before(text, match.start)
                if (
                    _capitalised(word)
                    and not re.search(r"-[a-z]", word)  # "Al-Qaeda-linked Al-Shabaab" is no name
                    and not word.endswith(("’s", "'s"))
                    and word not in self.people.not_names
                    and word not in self.people.titles
                    and word not in self.geo
                ):
                    continue
            kept.append(match)
        return kept

    def _named_on(self, text: str, match: Match[ActorRef]) -> bool:
        """Whether a body's name goes on with "of" and a name: the "Democratic Party of Korea" is
        not the US Democratic Party, the "Ministry of Defence of Ukraine" not Britain's."""
        if not text.startswith(" of ", match.end):  # most matches: a quick no
            return False
        return self.actors[match.values[0].key].type != "person" and bool(_OF_A_NAME.match(text, match.end))

    def _other_countrys(self, text: str, match: Match[ActorRef]) -> bool:
        """Whether a demonym, country or city of another country opens the name: the "Senegalese
        Democratic Party" is not the US Democratic Party, the "Barbados Labour Party" not
        Britain's, the "Dhaka Metropolitan Police" not London's."""
        if match.start < 2 or text[match.start - 1] != " ":
            return False
        word = text[text.rfind(" ", 0, match.start - 1) + 1 : match.start - 1]
        if not word[:1].isupper():
            return False  # most matches: a quick no
        places = [g for g in self.geo.get(word) if g.kind in _OPENS_A_NAME]
        home = self._actor_country(match.values[0])
        return bool(places) and home is not None and all(home not in g.countries for g in places)

    @staticmethod
    def _resolve(candidates: tuple[str, ...], scores: dict[str, float]) -> str:
        """The first candidate, unless it has no other evidence and another one has."""
        default = candidates[0]
        if default in scores:
            return default
        backed = [c for c in candidates if c in scores]
        return max(backed, key=lambda c: scores[c]) if backed else default

    @staticmethod
    def _rank(scores: dict[str, float], firsts: dict[str, int]) -> list[str]:
        return sorted(scores, key=lambda c: (-scores[c], firsts[c], c))

    def _actor_country(self, ref: ActorRef) -> str | None:
        if ref.kind == "vocab":
            return self.actors[ref.key].country
        return ref.country

    def _is_person(self, ref: ActorRef) -> bool:
        return ref.kind == "vocab" and self.actors[ref.key].type == "person"

    def _first_name_use(self, text: str, match: Match[Geo]) -> bool:
        """`Jordan Bardella`: a country, city or region name used as a first name."""
        geo = match.values[0]
        if geo.kind not in ("city", "region") and fold(match.text) not in self._first_names:  # "Jordán Rodas" too
            return False
        following = _WORD.match(text, match.end + 1) if text[match.end : match.end + 1] == " " else None
        if following is None:
            return False
        word = following.group(0).rstrip(".")
        return (
            word[:1].isupper()
            and word not in self.people.titles
            and word not in self.people.not_names
            and word not in self.geo
            and fold(word) not in self.known_forms
        )

    def _after_a_name(self, text: str, start: int) -> bool:
        """Whether a capitalised word that may be part of a person's name comes just before."""
        before = _WORD_AT_END.search(text, max(0, start - 30), start - 1) if text[start - 1 : start] == " " else None
        return before is not None and self._name_word(before.group(0)) and before.group(0) not in self.geo

    def _titled_surname(self, text: str, start: int) -> bool:
        """Whether the word at `start` ends a titled person's name: "mercenary Simon |Mann"."""
        if start < 2 or text[start - 1] != " " or not text[start - 2].isalpha():
            return False  # most place words: after "in", "of", a comma…
        first = text.rfind(" ", 0, start - 1) + 1
        word = text[first : start - 1]
        if not word[:1].isupper() or not self._name_word(word) or word in self.geo:
            return False
        return text[max(0, first - 40) : first].rstrip(" ,").endswith(self.title_suffixes)

    @staticmethod
    def _language_use(text: str, match: Match[Geo]) -> bool:
        """`spoke in French.`: a demonym naming a language, not a country."""
        before = text[max(0, match.start - 12) : match.start].lower()
        after = text[match.end : match.end + 10]
        if after.startswith(("-speaking", "-language", "-speakers")) or _LANGUAGE_NOUN.match(after):
            return True  # "English-speaking regions", "a former English teacher"
        if after and after[0] not in ",.;:)" and not after.startswith((" and ", " or ")):
            return False  # a language ends its phrase: "spoke in French.", "in English and Spanish"
        if before.endswith(("in ", "speaking ", "spoke ", "speak ", "speaks ")):
            return True
        window = max(0, match.start - 40)  # "spoke English and Spanish.": searched only if it may be there
        return _may_end(text[window : match.start], (" and ", " or ")) and bool(
            _SECOND_LANGUAGE.search(text, window, match.start)
        )

    # --- actors ----------------------------------------------------------------------

    def _actors(
        self,
        segments: list[_Segment],
        hits: list[tuple[_Segment, Match[ActorRef]]],
        geo_hits: list[tuple[_Segment, Match[Geo], str]],
        primary: str | None,
    ) -> tuple[tuple[Actor, ...], list[Candidate]]:
        found: dict[str, _Found] = {}

        def note(actor: Actor, form: str, position: int) -> None:
            entry = found.get(actor.id)
            if entry is None:
                entry = found[actor.id] = _Found(actor, first=position)
            entry.count += 1
            entry.forms.add(form)

        named: dict[int, list[Match[ActorRef]]] = defaultdict(list)
        for segment, match in hits:
            named[segment.offset].append(match)
        geo_by_segment: dict[int, list[tuple[int, str]]] = defaultdict(list)  # whose "the army" may be
        for segment, geo_match, code in geo_hits:
            if segment.text.startswith("-", geo_match.end):
                continue  # "the US-led invasion" owns no parliament
            if _holder(named[segment.offset], geo_match) is not None:
                continue  # "The French foreign ministry … called on the junta": France's ministry, not junta
            geo_by_segment[segment.offset].append((geo_match.start, code))
        taken: dict[int, list[tuple[int, int]]] = defaultdict(list)
        acronyms = {segment.offset: _acronyms(segment.text) for segment in segments}  # found once
        defined = _definitions(acronyms)
        for segment, match in hits:
            ref = match.values[0]
            if ref.kind == "vocab" and match.text in defined:
                owner = self.form_owner.get(fold(defined[match.text]))
                home = self.actors[ref.key].country
                if owner is None and self._same_actor(defined[match.text], ref.key) and home in (None, primary):
                    # "Multinational Security Support (MSS)" for "... Support mission"; but Finland's
                    # "National Bureau of Investigation (NBI)" is not the Philippines' one
                    owner = ref.key
                if owner != ref.key:  # "Armed Forces of the Philippines (AFP)": not the news agency here
                    if owner is None:
                        continue
                    ref = ActorRef("vocab", owner)
            if ref.kind == "generic":
                sentence = _sentence_start(segment.text, match.start)
                before = [c for start, c in geo_by_segment[segment.offset] if sentence <= start < match.start and c]
                # a ministry's spokesman speaks for a country the sentence names ("In Beijing, foreign
                # ministry spokesman X said", "… told a briefing in Beijing") or the one before it names:
                # often another one than the story's
                country: str | None
                if before:
                    country = before[-1]
                elif _MINISTRY_SPOKESPERSON.search(match.text):
                    country = _spokesperson_country(segment.text, match.end, sentence, geo_by_segment[segment.offset])
                    if country is None:  # nobody's to say: neither an actor nor an organisation's name
                        taken[segment.offset].append((match.start, match.end))
                        continue
                else:
                    country = primary
                if country is None:
                    continue
                ref = ActorRef("body", ref.key, country)
            actor = self._actor_for(ref)
            if actor is not None:
                note(actor, match.text, segment.offset + match.start)
                taken[segment.offset].append((match.start, match.end))
        actor_spans = {offset: list(spans) for offset, spans in taken.items()}
        towns: _Spans = defaultdict(list)  # places a person may be named after: "Anderson Torres"
        for segment, geo_match, code in geo_hits:
            taken[segment.offset].append((geo_match.start, geo_match.end))
            geo = geo_match.values[0]
            if geo.kind in ("capital", "city", "region", "town"):
                towns[segment.offset].append((geo_match.start, geo_match.end))
            if geo.kind == "capital" and code == geo.countries[0] and self._speaks(segment.text, geo_match.end):
                government = self._actor_for(ActorRef("body", "government", code))
                if government is not None:  # "Kigali denies": the capital stands for its government
                    note(government, geo_match.text, segment.offset + geo_match.start)
        candidates = self._find_new(segments, acronyms, taken, actor_spans, towns, found, note, primary)
        merged = self._merge_short_names(found)
        candidates = [c for c in candidates if _slug(c.name) not in merged]
        self._surnames(segments, taken, found, note)
        ordered = sorted(found.values(), key=lambda f: (-f.count, f.first))
        actors = tuple(
            Actor(f.actor.id, f.actor.name, f.actor.type, f.actor.country, tuple(sorted(f.forms))) for f in ordered
        )
        return actors, candidates

    def _actor_for(self, ref: ActorRef) -> Actor | None:
        """The actor a reference stands for (cached: an archive meets the same few thousand)."""
        try:
            return self._actor_of[ref]  # one lookup, not `in` and then another: a reference hashes in Python
        except KeyError:
            actor = self._actor_of[ref] = self._make_actor(ref)
            return actor

    def _make_actor(self, ref: ActorRef) -> Actor | None:
        if ref.kind == "vocab":
            entry = self.actors[ref.key]
            return _actor(entry)
        if ref.country is None:
            return None
        specific = self.by_role.get((ref.key, ref.country))
        if specific is not None:
            return _actor(specific)
        body = self.bodies.get(ref.key) or _ministry_body(ref.key)
        country = self.vocab.countries[ref.country]
        demonyms = (*country.demonyms, *self.vocab.places.demonyms.get(ref.country, ()))
        demonym = self.vocab.places.adjectives.get(ref.country) or (demonyms[0] if demonyms else country.name)
        name = body.name.format(demonym=demonym, country=country.name)
        actor_id = body.id.format(country_id=country_slug(country))
        return Actor(id=actor_id, name=name, type="state_body", country=ref.country)

    def _ministries(
        self, segments: list[_Segment], known: list[tuple[_Segment, Match[ActorRef]]]
    ) -> list[tuple[_Segment, Match[ActorRef]]]:
        """Ministries the state-body vocabulary has no role for, by their field: "the finance
        ministry" (of the country named before it, as "the army" is), "Costa Rica's labour
        ministry", "the Ministry of Science and Technology"."""
        hits = []
        for segment in segments:
            text = segment.text
            taken = None
            for cue in segment.cues:
                if all(c.kind != "ministry" for c in cue.values):
                    continue
                found = self._ministry_at(text, cue.start, cue.end)
                if found is None:
                    continue
                start, end, ref = found
                if taken is None:
                    taken = [(m.start, m.end) for s, m in known if s is segment]
                if not _overlaps(taken, start, end):
                    hits.append((segment, Match(start, end, text[start:end], (ref,))))
        return hits

    def _leaders_governments(
        self, segments: list[_Segment], known: list[tuple[_Segment, Match[ActorRef]]]
    ) -> list[tuple[_Segment, Match[ActorRef]]]:
        """ "Burhan’s government", "President Sheinbaum’s administration": the government of the
        country of a vocabulary person the article names."""
        hits = []
        for segment in segments:
            text = segment.text
            for cue in segment.cues:
                owner = cue.start - 3  # "Burhan’s government": the possessive before the noun
                if text[owner : cue.start] not in ("’s ", "'s ") or all(c.kind != "government" for c in cue.values):
                    continue
                name = _WORD_AT_END.search(text, max(0, owner - 40), owner)
                home = self._person_country(name.group(0), known) if name else None
                if name is None or home is None:
                    continue
                start, end = name.start(), cue.end
                # what else the words are (the leader's own name is, of course, part of them)
                taken = [(m.start, m.end) for s, m in known if s is segment and not self._is_person(m.values[0])]
                if not _overlaps(taken, start, end):
                    ref = ActorRef("body", "government", home)
                    hits.append((segment, Match(start, end, text[start:end], (ref,))))
        return hits

    def _ministry_at(self, text: str, start: int, end: int) -> tuple[int, int, ActorRef] | None:
        """(start, end, reference) of the ministry whose word "ministry" is at start:end."""
        before = list(_WORD.finditer(text, max(0, start - 80), start))
        field = self._field(before[::-1])[::-1]  # "the finance ministry": the field before the word
        if field:
            first, last = field[0].start(), end
            owner = before[-len(field) - 1] if len(before) > len(field) else None
        else:  # "the Ministry of Finance": the field after "of"
            of = _MINISTRY_OF.match(text, end)
            field = self._field(list(_WORD.finditer(text, of.end(), of.end() + 60))) if of else []
            if not field:
                return None
            first, last = start, field[-1].end()
            owner = before[-1] if before else None
        domain = " ".join(w.group(0).lower() for w in field)
        if domain in _ROLE_MINISTRIES or all(w.group(0).lower() in self.people.ministry_qualifiers for w in field):
            return None  # a role of its own ("the foreign ministry"), or no field ("the state ministry")
        if owner is not None:  # "Kenya's", "Kenyan", "Costa Rican": the ministry's country
            starts = [owner.start()]
            previous = _CAPITAL_WORD_BEFORE.search(text, max(0, owner.start() - 30), owner.start())
            if previous is not None:
                starts.append(previous.start())
            for at in starts:
                written = text[at : owner.end()].removesuffix("’s").removesuffix("'s")
                country = self._country_word(written)
                if country is not None:
                    return at, last, ActorRef("body", MINISTRY + domain, country)
        return first, last, ActorRef("generic", MINISTRY + domain)

    def _field(self, words: list[re.Match[str]]) -> list[re.Match[str]]:
        """The leading words that name a ministry's field: "science and technology"."""
        field: list[re.Match[str]] = []
        for word in words:
            token = word.group(0)
            if token.lower() in self._field_words or (field and token == "and"):
                field.append(word)
            else:
                break
        while field and field[-1].group(0) == "and":
            field.pop()
        return field

    def _same_actor(self, name: str, actor_id: str) -> bool:
        entry = self.actors[actor_id]
        wanted = fold(name).lower()
        return any(wanted in fold(form).lower() for form in (entry.name, *entry.aliases))

    def _find_new(
        self,
        segments: list[_Segment],
        acronyms: dict[int, list[tuple[str, str, int, int]]],
        taken: _Spans,
        actor_spans: _Spans,
        towns: _Spans,
        found: dict[str, _Found],
        note: _Note,
        primary: str | None,
    ) -> list[Candidate]:
        """Acronym definitions and titled or quoted people the vocabulary does not know."""
        candidates: dict[str, Candidate] = {}
        name_candidates = _name_candidates(segments)
        for segment in segments:
            spans = taken[segment.offset]
            known = actor_spans.get(segment.offset, [])
            for name, acronym, start, end in acronyms[segment.offset]:
                # a known actor's place is taken; a place's is not ("Senegalese Democratic Party (PDS)")
                if _overlaps(known, start, end) or fold(name) in self.known_forms:
                    continue
                if name.rsplit(" ", 1)[-1] in _PLACE_NOUNS:
                    continue  # a dam, a pipeline: no actor
                form = name
                name, kind, country = self._institution(name, segment.text, start, primary)
                actor = Actor(id=_slug(acronym if len(name) > 60 else name), name=name, type=kind, country=country)
                note(actor, form, segment.offset + start)
                found[actor.id].forms.add(acronym)
                spans.append((start, end))
                if name not in candidates:
                    candidates[name] = Candidate(name, kind, f"defines the acronym {acronym}")
            for name, start, end, kind, country, evidence in self._described_in(segment, spans):
                actor = Actor(id=_slug(name), name=name, type=kind, country=country)
                note(actor, name, segment.offset + start)
                spans.append((start, end))
                if name not in candidates:
                    candidates[name] = Candidate(name, kind, evidence)
            for name, start, end, evidence in self._organisations_in(segment, spans, known):
                form = name
                organ = self._un_organs.get(name.split(" in ")[0])
                if organ is not None and any(f.actor.name.startswith(_UN) for f in found.values()):
                    note(_actor(self.actors[organ]), form, segment.offset + start)  # "the Security Council"
                    spans.append((start, end))  # of a story that names the UN
                    continue
                name, kind, country = self._institution(name, segment.text, start, primary)
                actor = Actor(id=_slug(name), name=name, type=kind, country=country)
                note(actor, form, segment.offset + start)
                spans.append((start, end))
                if name not in candidates:
                    candidates[name] = Candidate(name, kind, evidence)
            for name, form, start, end in self._nicknamed(segment.text, spans):
                actor = Actor(id=_slug(name), name=name, type="person")
                note(actor, form, segment.offset + start)
                spans.append((start, end))
                if name not in candidates:
                    candidates[name] = Candidate(name, "person", "named with a nickname in quotes")
            in_segment = name_candidates.get(segment.offset, [])
            for name, start, end, evidence in self._people_in(
                segment.text, in_segment, spans, towns.get(segment.offset, [])
            ):
                full = self._full_names.get(fold(name))
                if full is not None:  # "Tayyip Erdoğan": the vocabulary's Recep Tayyip Erdoğan
                    note(_actor(self.actors[full]), name, segment.offset + start)
                    spans.append((start, end))
                    continue
                actor = Actor(id=_slug(name), name=name, type="person")
                note(actor, name, segment.offset + start)
                spans.append((start, end))
                if name not in candidates:
                    candidates[name] = Candidate(name, "person", evidence)
        # acronyms used again later on their own
        owners = {form: fid for fid, f in found.items() for form in f.forms if form.isupper()}
        for offset, start, end, form in _whole_words_in(segments, owners):
            if not _overlaps(taken[offset], start, end):
                found[owners[form]].count += 1
        return sorted(candidates.values(), key=lambda c: c.name)

    def _institution(self, name: str, text: str, start: int, primary: str | None) -> tuple[str, str, str | None]:
        """(name, type, country) of a found organisation. A country's generic institution
        ("the Constitutional Court", "Thailand's Constitutional Court") is named after its
        country; a name that opens with a country ("Finnish Customs") belongs to it; another
        state body belongs to the story's country."""
        head, _, rest = name.partition(" ")
        country = self._country_word(head) or self._country_word(head, _PLACE_KINDS)  # "Dhaka Metropolitan Police"
        if country is not None and rest:
            kind = "state_body" if fold(rest) in self.institutions else _guess_type(name)
            return name, kind, country
        if fold(name) not in self.institutions:
            # a state body of no named country is the story's country's; so is a name that ends
            # in an institution's ("Plurinational Legislative Assembly")
            kind = "state_body" if self._ends_in_institution(name) else _guess_type(name)
            return name, kind, primary if kind == "state_body" else None
        possessive = _POSSESSIVE_BEFORE.search(text, max(0, start - 40), start)
        seat = _SEAT_AFTER.match(text, start + len(name))  # "the High Court in Nairobi"
        country = (
            (self._country_word(possessive.group(1)) if possessive else None)
            or (self._country_word(seat.group(1), _PLACE_KINDS) if seat else None)
            or primary
        )
        if country is None or country not in self.vocab.countries:
            return name, "state_body", None
        return f"{name} of {self._country_phrase(country)}", "state_body", country

    def _ends_in_institution(self, name: str) -> bool:
        """Whether the last words of a name (two at least) name a state institution."""
        words = name.split(" ")
        return any(fold(" ".join(words[at:])) in self.institutions for at in range(1, len(words) - 1))

    def _country_word(self, word: str, kinds: tuple[str, ...] = ("name", "demonym", "ambiguous")) -> str | None:
        """The country a country name or demonym stands for ("Thailand", "Finnish"), else None;
        with other `kinds`, a capital, city or state ("Dhaka", "Texas")."""
        for geo in self.geo.get(word):
            if geo.kind in kinds and geo.countries:
                return geo.countries[0]
        return None

    def _country_phrase(self, iso3: str) -> str:
        """How a name "of X" writes the country: "Thailand", "the Central African Republic"."""
        name = self.vocab.countries[iso3].name
        if name.startswith("The "):
            return "the " + name[4:]
        if name.startswith(_THE_COUNTRY) or name.endswith(("Islands", "Republic", "Emirates", "States")):
            return "the " + name
        return name

    def _described_in(
        self, segment: _Segment, spans: list[tuple[int, int]]
    ) -> list[tuple[str, int, int, str, str | None, str]]:
        """Names written after a noun that says what they are ("French carmaker Renault"):
        (name, start, end, type, country, evidence). The country is that of a country word
        just before the noun ("US delivery firm FedEx")."""
        found = []
        kinds, text = self._descriptor_kind, segment.text
        described: list[int] = []  # where descriptors end: an apposition may close there
        for hit in segment.cues:
            start, end = hit.start, hit.end  # a descriptor's last word after a space, a name after it
            if any(cue.kind == "descriptor" for cue in hit.values):
                described.append(end)
            gap = 2 if text.startswith(", ", end) else 1  # "run by a private company, Umanizzare, under"
            if not (
                any(cue.kind == "descriptor" for cue in hit.values)
                and text.startswith(" ", start - 1)
                and text.startswith(" ", end + gap - 1)
                and text[end + gap : end + gap + 1] in _NAME_OPENING
            ):
                continue
            two = text[text.rfind(" ", 0, start - 1) + 1 : end]
            descriptor = two if two in kinds else text[start:end]
            if descriptor not in kinds:
                continue
            name, start, end = self._name_after(text, end + gap)
            if gap == 2 and not text.startswith((",", "."), end):
                continue  # an apposition closes ("a company, Umanizzare, under"); "the company, Reuters said" is none
            if len(name) < 2 or self.geo.get(name) or name in self.people.titles:
                continue  # "oil producer Nigeria" is a country
            if _overlaps(spans, start, end) or fold(name) in self.known_forms:
                continue
            opens = start - len(descriptor) - gap
            if descriptor in _ALSO_ADJECTIVES and text.endswith(("the ", "a ", "The ", "A "), 0, opens):
                continue  # "the giant Panguna copper mine"; but "telecoms giant Telefonica"
            before = text[max(0, opens - 40) : opens]
            before = before[max(before.rfind(mark) for mark in ",.;:(“”") + 1 :]
            country = next(filter(None, map(self._country_word, before.split()[-3:])), None)
            kind = kinds[descriptor]
            found.append((name, start, end, kind, country, f"introduced as a {descriptor}"))
        at = text.find("-based ")
        while at > 0:  # "Vancouver-based Progress Minerals": a firm or a group, said where it is based
            if text[at + 7 : at + 8] in _NAME_OPENING and _capitalised(_word_before(text, at + 7)):
                name, start, end = self._name_after(text, at + 7)
                known = _overlaps(spans, start, end) or fold(name) in self.known_forms or self.geo.get(name)
                if len(name) >= 2 and not known:
                    found.append((name, start, end, "organisation", None, "said to be based somewhere"))
            at = text.find("-based ", at + 7)
        return found + self._described_after(text, spans, described) if described else found

    def _described_after(
        self, text: str, spans: list[tuple[int, int]], ends: list[int]
    ) -> list[tuple[str, int, int, str, str | None, str]]:
        """Names a noun describes in an apposition after them: "Euronav, the Belgian shipping group
        that manages the tanker", "Lonmin, the world’s third-largest platinum producer, said".
        `ends`: where the text's descriptors end (the apposition is read from the comma before one)."""
        found = []
        for end in ends:
            comma = text.rfind(", ", max(0, end - 60), end)
            match = self._appositive_descriptor.match(text, comma) if comma >= 0 else None
            if match is None or match.end() != end:
                continue
            named = _NAMES_BEFORE.search(text, max(0, match.start() - 60), match.start())
            if named is None:
                continue
            words = named.group(0).split(" ")
            ends = [at for at, word in enumerate(words) if word.endswith(".") and self._ends_sentence(word)]
            if ends:
                del words[: ends[-1] + 1]  # "… on Thursday. Hansabank, the country’s largest bank"
            while words and words[0] in self.people.not_names:
                words.pop(0)  # "But Euronav, …"
            name = " ".join(words)
            start, end = match.start() - len(name), match.start()
            if len(name) < 2 or self.geo.get(name) or _overlaps(spans, start, end) or fold(name) in self.known_forms:
                continue
            phrase = match.group(1).split()
            if any(word in ("of", "for") or self._role_word(word) for word in phrase):
                continue  # "Caro Quintero, a co-founder of the Guadalajara cartel": a person's role
            country = next(filter(None, map(self._country_word, phrase)), None)
            kind = self._descriptor_kind[match.group(2)]
            found.append((name, start, end, kind, country, f"described as a {match.group(2)}"))
        return found

    def _name_after(self, text: str, at: int) -> tuple[str, int, int]:
        """The name that opens at `at` (after a noun that says what it is): (name, start, end)."""
        named = _NAME_AFTER_NOUN.match(text, at)
        assert named is not None  # a capital or a digit opens it
        words = []
        for word in named.group(0).split(" "):
            owner = word.endswith(("’s", "'s"))
            word = word[:-2] if owner else word
            if word in self._name_stops or word in _TIME_WORDS:
                break
            if word[-1] == "." and self._ends_sentence(word):
                words.append(word[:-1])
                break
            words.append(word)
            if owner:
                break
        while words and words[-1] in _CONNECTORS:
            words.pop()  # "Bank of" once "Monday" is cut
        name = " ".join(words)
        return name, named.start(), named.start() + len(name)

    def _organisations_in(
        self, segment: _Segment, spans: list[tuple[int, int]], actor_spans: list[tuple[int, int]]
    ) -> list[tuple[str, int, int, str]]:
        """Runs of capitalised words that end in an organisation word: `Yale Humanitarian Research Lab`,
        or that a group noun follows: `the Guadalajara cartel`. `actor_spans`: known actors' places."""
        found, text = [], segment.text
        for noun in segment.cues:
            space = noun.start - 1
            group = next((cue.key for cue in noun.values if cue.kind == "group"), None)
            if group is None or not text.startswith(" ", space):
                continue
            behind = _NAME_BEHIND.search(text, max(0, space - 80), space)
            if behind is None:
                continue
            head, start = behind.group(0), behind.start()
            if head.endswith(("’s", "'s")):
                continue  # "Oli’s party" is no name
            cut = max((head.rfind(mark) + len(mark) for mark in ("’s ", "'s ", ". ") if mark in head), default=0)
            start, head = start + cut, head[cut:]  # "Macron’s Renaissance party", "in early March. The party"
            if head.startswith(("The ", "A ", "An ")):  # "The Viasna human rights centre said"
                cut = head.index(" ") + 1
                start, head = start + cut, head[cut:]
            if not head:
                continue
            bare = group in self._bare_nouns
            end = space if bare else noun.end
            name = text[start:end]
            if head.split()[0] in self.people.not_names or head in self.people.titles:
                continue
            if bare and " " not in head and head.endswith(_ADJECTIVE_END):
                continue
            if _overlaps(actor_spans, start, end) or fold(name) in self.known_forms:
                continue
            geo = self.scanner.find(head)[1]
            if any(g.start == 0 and g.values[0].kind in ("name", "demonym", "ambiguous") for g in geo):
                continue  # "Mexican cartels" are no name
            found.append((name, start, end, f"a name followed by “{group}”"))
        if not any(cue.kind == "org" for hit in segment.cues for cue in hit.values):
            return found  # no organisation word, no run to look at (two paragraphs in three)
        for match in _CAPITALISED_RUN.finditer(text):
            whole = match.group(0).split(" ")
            if self.people.org_words.isdisjoint(whole):
                continue  # most runs: no organisation word, no organisation
            for words in _two_bodies(whole, self.people.org_words):
                named = self._organisation_run(words, match, spans, actor_spans)
                if named is not None:
                    found.append(named)
        return found

    def _organisation_run(
        self, words: list[str], match: re.Match[str], spans: list[tuple[int, int]], actor_spans: list[tuple[int, int]]
    ) -> tuple[str, int, int, str] | None:
        """The organisation a run of capitalised words names, if it is a new one: (name, start, end, evidence)."""
        _strip_leading(words)
        for index, word in enumerate(words[:-1]):
            if word == "on" and words[index + 1] in _TIME_WORDS:
                del words[index:]  # "the Commission on Human Rights"; but "the Council on Monday"
                break
        while len(words) > 2 and words[1] in ("of", "from") and self._role_word(words[0]):
            del words[:2]  # "Lawmakers of the Senegalese Democratic Party"
            _strip_leading(words)
        if words and self._role_word(words[0]) and "of" in words[1:6] and self.people.org_words.isdisjoint(words[:5]):
            del words[: words.index("of", 1) + 1]  # "Judge Suzana Mugosa of the High Court": a person, then the body
            _strip_leading(words)
        if "of" in words[2:]:  # "Suthep Thaugsuban and Jatuporn Prompan of the United Front for…": names, then the body
            index = words.index("of", 2)
            before, after = words[:index], words[index + 1 :]
            role = match.string[max(0, match.start() - 30) : match.start()].rstrip().rpartition(" ")[2]
            titled = 2 <= len(before) <= 4 and self._role_word(role)  # "far-right leader Jean-Marie Le Pen of the …"
            if (
                (("and" in before and sum(_capitalised(w) for w in before) >= 4) or titled)
                and self.people.org_words.isdisjoint(before)
                and not self.people.org_words.isdisjoint(after)
            ):
                del words[: index + 1]
                _strip_leading(words)
        for index, word in enumerate(words):
            if word in ("for", "to") and index and self.people.org_words.isdisjoint(words[:index]):
                if not self.people.org_words.isdisjoint(words[index + 1 :]):
                    del words[: index + 1]  # "in New York for the General Assembly": the body is after "for"
                    _strip_leading(words)
                break
        if "and" in words and (
            fold(" ".join(words[: words.index("and")])) in self.known_forms
            or (
                (words[0] in self.people.titles or " ".join(words[:2]) in self.people.titles)
                and self.people.org_words.isdisjoint(words[: words.index("and")])
            )
        ):
            # "UN and Catholic Church": a known actor, then a name; "Vice President Alvaro Garcia
            # Linera and Senate president …": a titled person, then a body
            del words[: words.index("and") + 1]
            _strip_leading(words)
        owner = last = -1  # the last possessive, the last organisation word
        for index, word in enumerate(words):
            if word.endswith(("’s", "'s")):
                owner = index
        if (
            0 <= owner < len(words) - 1
            and words[owner + 1] not in self.people.org_words
            and words[owner][:-2] not in _COLLECTIVES  # but "People’s Consultative Assembly" is a name
        ):
            del words[: owner + 1]  # "the Central African Republic's Constitutional Court"
        for index, word in enumerate(words):
            if word in self.people.org_words and not (word in _LAST_ONLY and index < len(words) - 1):
                last = index
        if last < len(words) - 1 and words[last + 1] in _PLACE_NOUNS:
            return None  # "Tyndall Air Force Base" is a place
        if 0 < last < len(words) - 1 and self._role_word(words[0]) and words[last + 1] in self.people.titles:
            return None  # "Chief Cabinet Secretary Yukio Edano": a post's title, no body
        if not (0 <= last < len(words) - 2 and words[last + 1] in ("of", "for", "in", "on", "to")):
            words = words[: last + 1]  # keep "Ministry of Defence", drop "Court Monday"
        elif "in" in words[last + 1 :]:
            where = len(words) - 1 - words[::-1].index("in")
            place = " ".join(words[where + 1 :])
            town = self._country_word(place) is None and any(g.kind != "none" for g in self.geo.get(place))
            posted = words[last] in _POSTED or words[last - 1 : last + 1] == ["High", "Commission"]
            adjective = words[where + 1] in self.demonym_forms  # "the Senate in American history"
            if words[where + 1] in _TIME_WORDS or (town and not posted) or adjective:
                del words[where:]  # "the Court of Bosnia in Sarajevo" sits in a city; "… in Chad" is a name
        if words and words[-1].endswith(("’s", "'s")):
            words[-1] = words[-1][:-2]  # "the Council of Europe’s rights chief": its name ends before ’s
        name = " ".join(words).rstrip(".,;:")
        if len(words) < 2 or sum(w[:1].isupper() for w in words) < 2:
            return None
        if all(w.lower() in self._portfolio_words for w in words):
            return None  # a post's field: "State Minister for Local Government Jahangir Kabir Nanak"
        start = match.start() + match.group(0).index(name)
        end = start + len(name)
        if self._treaty(words):
            spans.append((start, end))  # no actor, and none of its words either ("Diplomatic Relations")
            return None  # "the Vienna Convention on Diplomatic Relations" binds states, it does not act
        if any(s <= start and end <= e for s, e in spans) or fold(name) in self.known_forms:
            return None  # inside a known actor, or a known actor itself
        if self.geo.get(name):
            return None  # a place, even one that is no country today: "the Soviet Union"
        if any(start < s < end or start < e < end for s, e in actor_spans if e - s > 3):
            return None  # overlaps a known actor: not a name of its own
        return name, start, end, f"a name ending in “{words[-1]}”"

    def _people_in(
        self,
        text: str,
        candidates: list[tuple[int, str]],
        spans: list[tuple[int, int]],
        towns: list[tuple[int, int]],
    ) -> list[tuple[str, int, int, str]]:
        """People the text introduces: 2-4 name words with a title, a speech verb or a role.
        `candidates`: what _NAME_CANDIDATE finds in the text. Nothing already found may overlap
        one, except a town that is one of its names ("Anderson Torres", "Hidetada Fukushima")."""
        people = []
        for start, end in self._runs_in(candidates):
            start = self._after_title(text, start, end)
            if text.startswith(" ", end):
                last, following = text[start:end].rsplit(" ", 1)[-1], text[end + 1 : end + 20].split(" ", 1)[0]
                if f"{last} {following}" in self.people.titles:  # "First Prime Minister …": a title's first word
                    end -= len(last) + 1
                    if " " not in text[start:end]:
                        continue
            place = next((e for s, e in spans if s == start and e < end), None)
            if (
                place is not None
                and text.count(" ", place + 1, end)
                and self._title_of.search(text, 0, place)
                and self._country_word(text[start:place], ("name", "capital", "city", "region")) is not None
            ):
                start = (
                    place + 1
                )  # "former ambassador to Turkey Nurmukhammed Khanamov": the post's place, then the name
            name = text[start:end]
            if _overlaps(spans, start, end):  # most runs overlap nothing: no need to look at towns
                named_after = [t for t in towns if start <= t[0] and t[1] <= end and t != (start, end)]
                if not named_after or _overlaps([s for s in spans if s not in named_after], start, end):
                    continue
            if fold(name) in self.known_forms:
                continue
            evidence = self._person_evidence(text, start, end)
            if evidence:
                people.append((name, start, end, evidence))
        return people

    def _after_title(self, text: str, start: int, end: int) -> int:
        """Where a name starts once the words that end a title are left out: "Chief Executive
        Carrie Lam" is found as "Executive Carrie Lam", whose "Executive" ends "Chief Executive";
        so are honorifics ("Ratu Sir Kamisese Mara") and a post's field ("Minister of Defence Ben Wallace")."""
        if text.count(" ", start, end) < 2:
            return start  # two name words (most runs): both are kept
        word, _, rest = text[start:end].partition(" ")
        if word.lower() in self.people.titles and " " in rest and word not in self.people.not_names:
            start += len(word) + 1  # "Chairman Ole Andersen": a role written with a capital
        while text.count(" ", start, end) >= 2:
            word, following = text[start:end].split(" ", 2)[:2]
            if word.lower() in self._portfolio_words and following.lower() in self.people.titles:
                start += len(word) + len(following) + 2  # "Trade Representative Robert Lighthizer"
                continue
            if word not in self.people.honorifics and not (
                word.lower() in self._portfolio_words and self._after_post(text, start)
            ):
                break
            start += len(word) + 1
        previous = text[max(0, start - 30) : start].rstrip().rsplit(" ", 1)[-1]
        while True:
            word, _, rest = text[start:end].partition(" ")
            if " " not in rest or f"{previous} {word}" not in self.people.titles:
                return start  # two name words at least are kept
            previous, start = word, start + len(word) + 1

    def _nicknamed(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[str, str, int, int]]:
        """People written with a nickname in quotes, "Christopher “Dudus” Coke": (name without the
        nickname, the whole form, start, end)."""
        if "” " not in text and "’ " not in text:
            return []  # a nickname's quote closes before the surname: most paragraphs have none
        found = []
        for nickname in _NICKNAME.finditer(text):
            if not text.startswith(" ", nickname.start() - 1):
                continue  # a quotation, not a nickname inside a name
            first = _NAME_BEFORE.search(text, max(0, nickname.start() - 40), nickname.start() - 1)
            last = _NAME_AFTER.match(text, nickname.end())
            if first is None or last is None:
                continue
            start, end = first.start(), last.end()
            words = [*first.group(0).split(" "), *last.group(0).split(" ")]
            if not all(self._name_word(word) for word in words) or _overlaps(spans, start, end):
                continue  # "the Wagner “Group” …", a known name
            if any(word in self.people.org_words or self.geo.get(word) for word in words):
                continue
            found.append((f"{first.group(0)} {last.group(0)}", text[start:end], start, end))
        return found

    def _treaty(self, words: list[str]) -> bool:
        """Whether a name is a convention's: "Convention on …", "<City> Convention"."""
        if "Convention" not in words:
            return False
        at = words.index("Convention")
        city = at > 0 and self._country_word(words[at - 1], _PLACE_KINDS) is not None
        return words[at + 1 : at + 2] == ["on"] or city

    def _after_post(self, text: str, start: int) -> bool:
        """Whether a post's title and field end just before `start`: "Minister of Defence |Ben
        Wallace", "Chancellor of the |Exchequer …", "Minister for |Foreign Affairs …"."""
        words = text[max(0, start - 60) : start].split()
        while words and words[-1].lower() in self._portfolio_words:
            words.pop()
        if words and words[-1] == "the":
            words.pop()
        return len(words) >= 2 and words[-1] in ("of", "for") and self._role_word(words[-2])

    def _name_runs(self, text: str, at: int | None = None) -> list[tuple[int, int]]:
        """(start, end) of each run of 2-4 name words (particles allowed inside); or the one at `at`."""
        if at is None:
            return self._runs_in([(found.start(), found.group(0)) for found in _NAME_CANDIDATE.finditer(text)])
        found = _NAME_CANDIDATE.match(text, at)
        return self._runs_in([(found.start(), found.group(0))], first_only=True) if found else []

    def _runs_in(self, candidates: list[tuple[int, str]], *, first_only: bool = False) -> list[tuple[int, int]]:
        """(start, end) of each run of 2-4 name words in the candidates ((start, words) of what
        _NAME_CANDIDATE finds); `first_only`: of the run that opens the first one, if it is one.
        A run opens with a name word, may hold particles and ends at its last name word; a word
        that is no part of a name, or that ends a sentence, closes it."""
        runs: list[tuple[int, int]] = []
        known, is_name, particles = self._name_words, self._name_word, self.people.particles
        for position, candidate in candidates:
            candidate_start = position  # (`position` moves on word by word)
            first, names, last_start, last_word = -1, 0, 0, ""
            words = candidate.split(" ")  # (split by hand: faster than a regex; one space between words)
            for word in words:
                start = position
                position += len(word) + 1
                name = known.get(word)  # what _name_word gives, without a call for the words seen before
                if name is None:
                    name = is_name(word)
                closes = False
                if name:
                    if names == 0:
                        first = start
                    names, last_start, last_word = names + 1, start, word
                elif names and word in particles:
                    pass  # "Ursula von der Leyen"
                elif names and word in _REGNAL:  # "King Tupou VI"
                    names, last_start, last_word = names + 1, start, word
                elif names >= 2 and word is words[-1] and word in self.people.surname_titles:
                    names, last_start, last_word = names + 1, start, word  # "Ahmed Omar Saeed Sheikh, a militant"
                else:
                    owner = word[:-2] if word.endswith(("’s", "'s")) else ""
                    if names and owner and is_name(owner):  # "Olaf Scholz’s": the name ends before ’s
                        names, last_start, last_word = names + 1, start, owner
                    closes = True
                if closes or (word[-1] == "." and self._ends_sentence(word)):  # "… Mlambo-Ngcuka. AU Commission"
                    if 2 <= names <= 4 or (names == 5 and self._particle_in(candidate, first - candidate_start)):
                        runs.append(_run(first, last_start, last_word))
                    if first_only:
                        return runs
                    names = 0
            if 2 <= names <= 4 or (names == 5 and self._particle_in(candidate, first - candidate_start)):
                runs.append(_run(first, last_start, last_word))
            if first_only:
                break
        return runs

    def _particle_in(self, candidate: str, at: int) -> bool:
        """Whether the five name words from `at` in a candidate hold a capitalised particle: a fifth
        name word is allowed for one ("Zine El Abidine Ben Ali")."""
        words = candidate[at:].split(" ")[:5]
        return any(word.lower() in self.people.particles for word in words[1:-1])

    def _ends_sentence(self, word: str) -> bool:
        """A word with a full stop that is no initial ("J.", "U.S.") nor title ("Gen.")."""
        return word.endswith(".") and not _INITIALS.fullmatch(word) and word not in self.people.titles

    def _name_word(self, token: str) -> bool:
        """Goïta, Lai, al-Jalali: a word that can be part of a person's name (cached per token)."""
        known = self._name_words.get(token)
        if known is None:
            known = self._name_words[token] = self._is_name_word(token)
        return known

    def _is_name_word(self, token: str) -> bool:
        if _NAME_INITIALS.fullmatch(token) and token not in self.geo:
            return True  # initials: "N. Biren Singh", "B.J. Habibie" (but "U.S." is a country)
        head, _, rest = token.partition("-")
        if rest and head in self.people.particles and _capitalised(rest):
            return True
        if rest and (head.lower() in _PREFIXES or self._hyphenated_title(token)):
            return False  # "Pro-independence", "Colonel-Major": no part of a name (but "Tsai Ing-wen")
        if rest in _PLACE_MODIFIERS:
            return False  # "Montreal-based Semafo", "Iran-backed", "Kenyan-born": said of a name, not in it
        if token.endswith(("’s", "'s", "’", "'")):
            return False  # "Congo’s Therese Kayikwamba Wagner": a possessive is not part of the name
        people = self.people
        bare = token[:-1] if token[-1] == "." and len(token) > 2 else token  # "Barracks." ends a sentence
        return (
            _capitalised(token)
            and bare not in people.not_names
            and token not in people.titles
            and not (
                token[-1] == "s" and token[:-1] in people.titles  # "Ministers"
            )
        )

    def _hyphenated_title(self, token: str) -> bool:
        """A hyphenated title: "Colonel-Major", "Lieutenant-General"."""
        return "-" in token and any(part in self.people.titles for part in token.split("-"))

    def _speaks(self, text: str, end: int, *, last: bool = False, enclosed: bool = False) -> str | None:
        """The speech verb after a name ("Lerner also warned"), if there is one; `last`: also
        a verb that ends the sentence ("…, Jones said."); `enclosed`: the name is set off by
        commas, so a comma may come before the verb ("A Libyan hydrologist, Abdelwanees Ashoor,
        warned"; but not in "Putin, who was in Beijing for the Olympic Games, told reporters")."""
        following = islice(_WORD.finditer(text, end, end + 80), 3)
        for skip, word in enumerate(following):
            token = word.group(0).rstrip(".") if last else word.group(0)
            if token in self.people.speech_verbs and ((skip == 0 and enclosed) or "," not in text[end : word.start()]):
                return token
            if token not in self.people.adverbs:
                break
        return None

    def _person_evidence(self, text: str, start: int, end: int, *, listed: int = 0) -> str | None:
        """Why the name at start:end is a person's, if it is (`listed`: how many list items back)."""
        verb = self._speaks(text, end, last=True, enclosed=text.endswith(", ", 0, start))
        if verb:
            return f"followed by “{verb}”"
        if text.startswith(" and ", end):
            partner = self._name_runs(text, at=end + 5)  # "X and Y signed": both are people
            partner_evidence = self._person_evidence(text, *partner[0], listed=_LIST_DEPTH) if partner else None
            if partner_evidence not in (None, "preceded by a title"):
                return "named beside a speaker"
        before = text[max(0, start - 40) : start].rstrip(" ,")
        while " " in before and before.rsplit(" ", 1)[-1] in self.people.honorifics:
            before = before.rsplit(" ", 1)[0]  # "opposition lawmaker Ratu Timoci Silatolu"
        last = before.rsplit(" ", 1)[-1]
        capitalised_title = last.lower() in self.people.titles and last not in self.people.not_names  # "Chairman"
        if before.endswith(self.title_suffixes) or self._hyphenated_title(last) or capitalised_title:
            return "preceded by a title"
        if before.endswith(self.plural_titles) or self._second_of_two_titled(before):
            return "preceded by a title"  # "Prime Ministers Zoran Zaev and Alexis Tsipras"
        if text.startswith(("’s", "'s"), end):
            return None  # "Olaf Scholz’s coalition": only a title makes a possessive name a person
        if before.endswith(("said", "told", "says")):
            return "named as a speaker"
        # (each pattern is searched only where the words it ends with are there: a search tries
        # every position of `before`)
        if _may_end(before, (" of",)) and _OF_A_PERSON.search(before):
            return "named as the person of an event or government"  # "the arrest of Imran Khan"
        if _may_end(before, _DONE_TO_A_PERSON_VERBS) and _DONE_TO_A_PERSON.search(before):
            return "named after a verb only people take"  # "succeeding Tsai Ing-wen"
        if before.endswith((" as", " name")) and _IDENTIFIED_AS.search(before):
            return "identified as a person"  # "the missing pilot, identified by state media as Wang Wei"
        if text.startswith(" as ", end) and before.endswith(_NAMED_AS):
            return "named to a post"  # "the group named Abu Musab al-Barnawi as its leader"
        if (" of " in before or " in " in before or " to " in before) and self._title_of.search(before):
            return "named after a role and its place"  # "The mayor of Novi Sad, Milan Djuric,"
        appositive = _APPOSITIVE.match(text, end, end + 60)
        words = appositive.group(1).split() if appositive else []
        if (
            words
            and words[0].lower() not in _FUNCTION_WORDS
            and words[0] not in self.people.speech_verbs  # "…, told reporters": a verb, no apposition
            and not (words[0].endswith("ing") and text.startswith(f", {words[0]}", end))  # "the Jaffar Express,
            # carrying 440 passengers" (but "…, the acting justice minister")
            and any(self._role_word(w) or self._hyphenated_title(w.lower()) for w in words)
        ):
            # "Tom Fletcher, the UN humanitarian chief", "X and Y, leaders of", "…, the Commons sergeant-at-arms"
            return "followed by a role"
        if text.startswith(",", end) and text.endswith(", ", 0, start) and self._role_before(text, start - 2):
            return "named after a role"  # "Its secretary-general, Patricia Scotland, visited"
        who = _WHO_SERVED.match(text, end)
        if who and any(self._role_word(w.rstrip(".")) for w in _WORD.findall(text, who.end(), who.end() + 50)[:6]):
            return "followed by a role"  # "Saulos Chilima, who served as vice-president"
        if _AGE.match(text, end):
            return "followed by an age"
        if text.startswith(", who ", end) and not self.geo.get(text[start:end].split(" ", 1)[0]):
            return "followed by “who”"  # "Vadim Krasikov, who was serving"; but "Rohingya Muslims, who"
        if _FATE.match(text, end):
            return "followed by what befell a person"  # "Vladislav Klyushin, convicted in the United States"
        nationality = _A_NATIONALITY.match(text, end)
        if nationality and any(geo.kind == "demonym" for geo in self.geo.get(nationality.group(1))):
            return "described by a nationality"  # "Rico Krieger, a German sentenced to death"
        if _DESCRIBED.match(text, end):
            return "described, then quoted"  # "Rosa Quispe, a street vendor, told reporters"
        member = _OF_GROUP.match(text, end)
        if member and self._names_group(member.group(1).split(" ")):
            return "named with a party or group"  # "Ko Wen-je of the Taiwan People's Party"
        if listed < _LIST_DEPTH and text.endswith((", ", " and "), 0, start):
            # "the officers, Wang Dong, Sun Kailiang, Wen Xinyu and Gu Chunhui": one person, then the list
            gap = 2 if text.endswith(", ", 0, start) else 5
            offset = max(0, start - gap - 60)
            previous = self._name_runs(text[offset : start - gap])
            if previous and offset + previous[-1][1] == start - gap:
                opens, closes = offset + previous[-1][0], offset + previous[-1][1]
                if self._person_evidence(text, opens, closes, listed=listed + 1):
                    return "listed with a person"
        return None

    def _role_word(self, word: str) -> bool:
        """A role noun, singular or plural: "chief", "Director", "leaders"."""
        titles = self.people.titles
        return word in titles or word.lower() in titles or (word.endswith("s") and word[:-1].lower() in titles)

    def _role_before(self, text: str, end: int) -> bool:
        """Whether the phrase ending at `end` ends in a role ("the deputy head of the national
        police", "The Director of Public Prosecutions"): a role word among its last few words,
        within the clause."""
        start = max(text.rfind(mark, 0, end) for mark in (". ", ", ", "; ", ": ", "(", "“", "”"))
        words = text[start + 1 : end].split()[-7:]
        return any(self._role_word(w.strip("’'")) for w in words)

    def _second_of_two_titled(self, before: str) -> bool:
        """Whether `before` ends in "<plural title> <name> and": the second of two titled people."""
        if not before.endswith(" and"):
            return False
        head = before[:-4]
        runs = self._name_runs(head)
        return bool(runs) and runs[-1][1] == len(head) and head[: runs[-1][0]].rstrip().endswith(self.plural_titles)

    def _names_group(self, words: list[str]) -> bool:
        """Whether the words open with the name of a known organisation or armed group."""
        for size in range(len(words), 0, -1):
            owner = self.form_owner.get(fold(" ".join(words[:size])))
            if owner is not None:
                return self.actors[owner].type in ("organisation", "armed_group")
        return False

    def _merge_short_names(self, found: dict[str, _Found]) -> set[str]:
        """A detected name that ends another one ("Kayikwamba Wagner") is that person, and so is
        one of two words or more that begins just one other ("Ali Bongo" in "Ali Bongo Ondimba")."""
        # (in any case: "De la Rúa" opening a sentence is the "Fernando de la Rúa" before)
        people = [(f, fold(f.actor.name).lower().split()) for f in found.values() if f.actor.type == "person"]
        most = max((len(words) for _, words in people), default=0)  # words in the longest name
        merged: set[str] = set()
        for short, words in people:
            if short.actor.id in self.actors:
                continue  # a vocabulary person keeps its own entry
            size = len(words)
            if size >= most:
                continue  # no longer name to be part of (most people: two words, as all others)
            names = [(longer, other) for longer, other in people if longer.actor.id not in merged]
            ending = [longer for longer, other in names if len(other) > size and other[-size:] == words]
            opening = [longer for longer, other in names if len(other) > size >= 2 and other[:size] == words]
            into = ending[0] if ending else opening[0] if len(opening) == 1 else None
            if into is not None:
                _absorb(found, into, short)
                merged.add(short.actor.id)
        # "the Future Forward party" and "the Future Forward Party (FFP)": one party
        keyed = [(f, fold(f.actor.name).lower()) for f in found.values()]  # each name folded once
        by_name = {key: f for f, key in keyed}
        named_of = defaultdict(list)  # "National Security Committee of Kazakhstan" by its first words
        for entry, key in keyed:
            head, of, _ = key.partition(" of ")
            if of and entry.actor.type != "person":
                named_of[head].append(entry)
        for short, key in keyed:
            if short.actor.type != "organisation" or short.actor.id in self.actors:
                continue
            for noun in self._bare_nouns_folded:  # (folding and lowering go character by character)
                into = by_name.get(f"{key} {noun}")
                if into is not None and into.actor.id in found:
                    _absorb(found, into, short)
                    merged.add(short.actor.id)
                    break
        for short, key in keyed:
            if short.actor.type == "person" or short.actor.id in self.actors or short.actor.id not in found:
                continue  # (or merged just above)
            longer = [f for f in named_of.get(key, ()) if f.actor.id in found]
            if len(longer) == 1 and longer[0] is not short:  # "the National Security Committee (KNB)"
                _absorb(found, longer[0], short)
                merged.add(short.actor.id)
        return merged

    def _surnames(self, segments: list[_Segment], taken: _Spans, found: dict[str, _Found], note: _Note) -> None:
        """`Lerner said` after `Nicolas Lerner`: a surname alone is the person named before."""
        surnames: dict[str, str] = {}
        for fid, entry in found.items():
            if entry.actor.type != "person":
                continue
            for form in (entry.actor.name, *entry.forms):
                parts = form.split()
                if len(parts) >= 2:
                    surnames.setdefault(parts[-1], fid)
        last_words: dict[str, int] = {}  # a dict, not a Counter: a Counter costs more than the rest here
        for entry in found.values():
            if " " in entry.actor.name:
                last = entry.actor.name.rsplit(" ", 1)[-1]
                last_words[last] = last_words.get(last, 0) + 1
        clashes = {s for s in surnames if last_words.get(s, 0) > 1}
        usable = {s: fid for s, fid in surnames.items() if s not in clashes and len(s) > 2}
        if not usable:
            return
        for offset, start, end, surname in _whole_words_in(segments, usable):
            if not _overlaps(taken[offset], start, end):
                note(found[usable[surname]].actor, surname, offset + start)

    # --- tags ------------------------------------------------------------------------

    def _tags(self, segments: list[_Segment], found: list[Match[Cue]]) -> tuple[str, ...]:
        scores: dict[str, float] = defaultdict(float)
        starts = [segment.offset for segment in segments]
        for match in found:  # in text order, so segment by segment as before
            scores[match.values[0].key] += segments[bisect_right(starts, match.start) - 1].weight
        chosen = [t for t in scores if scores[t] >= TAG_THRESHOLD]
        return tuple(sorted(chosen, key=lambda t: (-scores[t], t))[:MAX_TAGS])


def _outside(matches: list[Match[T]], places: list[Match[Geo]]) -> list[Match[T]]:
    """The matches not inside a longer place name: the airline "Emirates" is not named by
    "United Arab Emirates"."""
    long_places = [(p.start, p.end) for p in places if " " in p.text]
    if not long_places:
        return matches  # nothing to look at
    kept = []
    for match in matches:  # loops, not any() over a generator: run for every actor found
        for start, end in long_places:
            if start <= match.start and match.end <= end and (start, end) != (match.start, match.end):
                break  # inside this place
        else:
            kept.append(match)
    return kept


def _holder(matches: list[Match[T]], inner: Match[U]) -> Match[T] | None:
    """The first of `matches` that holds `inner`, else None."""
    for match in matches:  # a loop, not next() over a generator: called for every place found
        if match.start <= inner.start and inner.end <= match.end:
            return match
    return None


def _per_segment(found: list[Match[T]], segments: list[_Segment]) -> list[list[Match[T]]]:
    """Matches of the whole article (its segments joined by newlines) placed in their segments,
    positions relative to it."""
    starts = [segment.offset for segment in segments]
    placed: list[list[Match[T]]] = [[] for _ in segments]
    for match in found:
        index = bisect_right(starts, match.start) - 1
        offset = starts[index]
        placed[index].append(new_match(Match, (match.start - offset, match.end - offset, match.text, match.values)))
    return placed


@lru_cache(maxsize=8192)
def _slug(name: str) -> str:
    """slugify, remembered: the same names recur from article to article."""
    return str(slugify(name))


def _ministry_body(key: str) -> StateBody:
    """The state body for a ministry found by its field ("ministry:finance")."""
    domain = key.removeprefix(MINISTRY)
    slug = _slug(domain)
    return StateBody(key, f"{{demonym}} {domain} ministry", f"{{country_id}}-{slug}-ministry", (), ())


def _full_names(entries: Iterable[ActorEntry], known: set[str], particles: Collection[str]) -> dict[str, str]:
    """The vocabulary's people by their names less the first word, where the rest is two words
    or more, no one else's and no known form: "Tayyip Erdoğan" -> recep-tayyip-erdogan. Not for
    names of linked generations ("Nawaf al-Ahmad al-Sabah" is not "Ahmad Nawaf al-Ahmad al-Sabah")."""
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        if entry.type != "person":
            continue
        for name in (entry.name, *entry.aliases):
            words = name.split(" ")
            if len(words) < 3 or any(w.lower().split("-")[0] in particles for w in words):
                continue
            owners[fold(" ".join(words[1:]))].add(entry.id)
    return {form: ids.pop() for form, ids in owners.items() if len(ids) == 1 and form not in known}


def _actor(entry: ActorEntry) -> Actor:
    return Actor(id=entry.id, name=entry.name, type=entry.type, country=entry.country)


def _clause_end(title: str, at: int) -> int:
    """Where the headline clause running at `at` ends."""
    found = _CLAUSE_BREAK.search(title, at)
    return found.start() if found else len(title)


def _name_candidates(segments: list[_Segment]) -> dict[int, list[tuple[int, str]]]:
    """What _NAME_CANDIDATE finds in each segment: segment offset -> [(start in it, words)].
    One search of the whole article, not one per paragraph: a candidate never spans the newline
    that joins two, and the newline bounds one as the start of a text does."""
    article = "\n".join(segment.text for segment in segments)
    starts = [segment.offset for segment in segments]
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for candidate in _NAME_CANDIDATE.finditer(article):
        offset = starts[bisect_right(starts, candidate.start()) - 1]
        found[offset].append((candidate.start() - offset, candidate.group(0)))
    return found


def _run(first: int, last_start: int, last_word: str) -> tuple[int, int]:
    """(start, end) of a run of name words, less the full stop of a last word that is no initial."""
    trim = 1 if last_word.endswith(".") and len(last_word) > 2 else 0
    return first, last_start + len(last_word) - trim


def _strip_leading(words: list[str]) -> None:
    """Drop the words that open a run but no name: "The", "In", a possessive, a modifier such
    as "US-based" or "Iran-backed", an adjective that opens a sentence ("Opposition …")."""
    while words and (
        words[0].lower() in _FUNCTION_WORDS
        or words[0] in _OPENING_ADJECTIVES
        or (words[0].endswith(("’s", "'s")) and words[0][:-2] not in _COLLECTIVES)  # not "People’s"
        or _MODIFIER.fullmatch(words[0])
    ):
        words.pop(0)


def _word_before(text: str, end: int) -> str:
    r"""The word before the space that ends at `end` ("Thérèse" before "Wagner"), else "": what
    `(\w[\w'’.-]*) $` finds in the 40 characters before `end`, read backwards."""
    if end < 2 or text[end - 1] != " ":
        return ""
    start, low = end - 1, max(0, end - 40)
    while start > low and (text[start - 1].isalnum() or text[start - 1] in "_'’.-"):
        start -= 1
    while start < end - 1 and not (text[start].isalnum() or text[start] == "_"):
        start += 1  # a word opens with a letter or a digit
    return text[start : end - 1]


def _may_end(text: str, suffixes: tuple[str, ...]) -> bool:
    """Whether `text` ends with one of `suffixes`, or with one and a newline: where a pattern
    whose last words are one of them, then `$`, may match (`$` matches before a final newline too)."""
    return text.removesuffix("\n").endswith(suffixes)


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` starts."""
    last = max(text.rfind(". ", 0, position), text.rfind("? ", 0, position), text.rfind("! ", 0, position))
    return last + 2 if last >= 0 else 0


def _spokesperson_country(text: str, end: int, sentence: int, named: list[tuple[int, str]]) -> str | None:
    """The country of a ministry spokesman written with none before him in his sentence: the place
    he speaks in ("… told a briefing in Beijing"), else the last country the sentence before names
    ("China has not disclosed its casualties. Foreign ministry spokesman …"). `named`: (start, country)."""
    stop = _sentence_end(text, end)
    for at, country in named:
        if end <= at < stop and country and text.endswith("in ", 0, at):
            return country
    earlier = _sentence_start(text, sentence - 2) if sentence else sentence
    before = [country for at, country in named if earlier <= at < sentence and country]
    return before[-1] if before else None


def _sentence_end(text: str, position: int) -> int:
    """Where the sentence holding `position` ends (its full stop, or the text's end)."""
    ends = [found for found in (text.find(mark, position) for mark in (". ", "? ", "! ")) if found >= 0]
    return min(ends) if ends else len(text)


def _ethnic_use(text: str, start: int) -> bool:
    """`ethnic Albanian`, `ethnic Russians`: a people, not a country's citizens or state."""
    return text.endswith(("ethnic ", "Ethnic "), max(0, start - 7), start)


def _capitalised(token: str) -> bool:
    """Goïta, Al-Qaeda, the O of O Jong Gil: a capital then some lower case, or a capital alone
    (not U.S., not JNIM)."""
    return token[:1].isupper() and (len(token) == 1 or not token.isupper())


def _whole_words(text: str, words: Iterable[str]) -> list[tuple[int, int, str]]:
    """(start, end, word) of each whole-word use of any of `words`, leftmost first, the longest
    word where several start at one place, none overlapping: what `\\b(A|B)\\b` finds, without
    compiling a pattern per article (a compile costs more than the rest of a short article)."""
    found = []  # (start, -end, word): in that order, leftmost first, then longest
    size = len(text)
    for word in words:
        opens, closes = _is_word_char(word[0]), _is_word_char(word[-1])
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            if opens != (start > 0 and _is_word_char(text[start - 1])) and closes != (
                end < size and _is_word_char(text[end])
            ):
                found.append((start, -end, word))
            start = text.find(word, start + 1)
    found.sort()
    chosen: list[tuple[int, int, str]] = []
    for start, minus_end, word in found:
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, -minus_end, word))
    return chosen


def _whole_words_in(segments: list[_Segment], words: Collection[str]) -> list[tuple[int, int, int, str]]:
    """(segment offset, start, end, word) of what `_whole_words` finds in each segment, positions
    relative to the segment: one search of the whole article, not one per paragraph (a word
    never spans the newline that joins two, and the newline bounds a word as an end does)."""
    if not words:
        return []
    article = "\n".join(segment.text for segment in segments)
    starts = [segment.offset for segment in segments]
    found = []
    for start, end, word in _whole_words(article, words):
        offset = starts[bisect_right(starts, start) - 1]
        found.append((offset, start - offset, end - offset, word))
    return found


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    for s, e in spans:  # noqa: SIM110 - a loop, not any() over a generator: 3x faster, and run for every name
        if s < end and start < e:
            return True
    return False


def _definitions(acronyms: dict[int, list[tuple[str, str, int, int]]]) -> dict[str, str]:
    """Acronyms a text defines: {"AFP": "Armed Forces of the Philippines"}, the first definition wins."""
    defined: dict[str, str] = {}
    for found in acronyms.values():
        for name, acronym, _, _ in found:
            defined.setdefault(acronym, name)
    return defined


def _acronyms(text: str) -> list[tuple[str, str, int, int]]:
    """(name, acronym, start, end) of each "Rapid Support Forces (RSF)" in the text."""
    found: list[tuple[str, str, int, int]] = []
    if " (" not in text:
        return found  # most paragraphs: a quick no
    for use in _ACRONYM_USE.finditer(text):
        before = _name_before(text[max(0, use.start() - 160) : use.start()])
        if not before:
            continue
        name = _trim_name(before)
        acronym = use.group(1)
        possessive = "’s " in before or "'s " in before
        if (
            possessive
            and not _initials_fit(name, acronym)
            and _initials_fit(kept := _trim_name(before, possessive=True), acronym)
        ):
            name = kept  # "People’s National Party (PNP)": the possessive is a word of the name
        while " " in name and name[0] not in acronym.upper():  # "Lawmakers of the Senegalese Democratic Party (PDS)"
            shorter = _trim_name(name.split(" ", 1)[1])
            if not _initials_fit(shorter, acronym):
                break
            name = shorter
        if name and _initials_fit(name, acronym):
            found.append((name, acronym, use.start() - len(name), use.end()))
    return found


def _name_before(text: str) -> str:
    """The name-like words (capitalised, or "of", "al"…) that end `text`, read backwards word
    by word: a pattern anchored at the end would be tried from every character before it."""
    words = text.split(" ")
    kept = 0
    for word in reversed(words):
        if _NAME_WORD.fullmatch(word):
            kept += 1
            continue
        tail = _NAME_WORD_END.search(word)  # "“National": its name part
        return " ".join([tail.group(0), *words[len(words) - kept :]]) if tail else " ".join(words[len(words) - kept :])
    return text


def _trim_name(name: str, *, possessive: bool = False) -> str:
    """The name without its leading small words, articles and (unless `possessive`) an owner:
    "Kenya’s National Police Service"."""
    words = name.split(" ")
    while words and (
        not words[0][:1].isupper()
        or words[0] in ("The", "A", "An")
        or (not possessive and words[0].endswith(("’s", "'s")))
    ):
        words.pop(0)
    return " ".join(words)


def _initials_fit(name: str, acronym: str) -> bool:
    """RSF fits Rapid Support Forces; DGSE fits Directorate-General for External Security."""
    letters = [c for c in acronym.upper() if c.isalpha()]
    if len(letters) < 2:
        return False
    initials = "".join([w[0].upper() for part in name.split() for w in part.split("-") if w[:1].isupper()])
    # a Romance name's linking words may give a letter: Família do Norte (FDN), not Rapid Support Forces
    available = initials + "".join([w[0].upper() for w in name.split() if w in _ROMANCE_LINKS])
    for letter in set(letters):
        if available.count(letter) < letters.count(letter):
            return False  # as many of each
    return len(set(initials)) <= len(letters) + 3


def _absorb(found: dict[str, _Found], into: _Found, short: _Found) -> None:
    """One actor found under two names: the shorter one's mentions go to the other."""
    into.count += short.count
    into.forms |= short.forms
    into.first = min(into.first, short.first)
    del found[short.actor.id]


def _two_bodies(words: list[str], org_words: frozenset[str]) -> list[list[str]]:
    """A run naming two bodies joined by "and the" ("the National Assembly and the Constitutional
    Council"), as two runs; any other run as it is ("Ministry of Trade and Industry")."""
    for index in range(1, len(words) - 2):
        if words[index] == "and" and words[index + 1] == "the":
            first, second = words[:index], words[index + 2 :]
            if not org_words.isdisjoint(first) and not org_words.isdisjoint(second):
                return [first, second]
    return [words]


def _guess_type(name: str) -> str:
    if _SCHOOL.search(name):
        return "organisation"  # "Government Science College": a school, even a state one
    if _STATE.search(name) and not _ARMED.search(name):
        return "state_body"
    if _ARMED.search(name) or _GROUP_FORCES.search(name):
        return "armed_group"
    return "organisation"
