"""Load and validate the curated vocabularies in vocab/, once, into typed values.

Every problem of every file is reported as `path:line: message` in one BriefingError:
unknown or missing keys, duplicate ids, aliases or cues, bad country codes, bad types.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from slugify import slugify

from . import gcpause, yamlio
from .errors import BriefingError, Problem
from .overrides import ACTOR_TYPES, SLUG_PATTERN
from .write import write_atomic
from .yamlio import Located, load_yaml, located_items, located_mapping

VOCAB_DIR = "vocab"
_CACHE_FORMAT = 1  # bump when the cached form of a vocabulary file changes


@dataclass(frozen=True, slots=True)
class ActorEntry:
    id: str
    name: str
    type: str
    country: str | None
    aliases: tuple[str, ...]
    description: str | None = None
    role: str | None = None  # junta, armed_forces…: stands for "the army" of its country


@dataclass(frozen=True, slots=True)
class Tag:
    id: str
    name: str
    description: str
    cues: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AnalystRegion:
    id: str
    name: str
    members: frozenset[str]
    source: str
    description: str


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    m49: tuple[str, ...]  # region, sub-region[, intermediate region]
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    population: int = 0


@dataclass(frozen=True, slots=True)
class City:
    name: str
    country: str
    population: int
    capital: bool
    also: tuple[str, ...] = ()  # other countries with a big city of this name ("Tripoli": LBN)


# The slots of a state body's explicit form, one per form, at its start or its end: "{demonym} army".
COUNTRY_SLOTS = ("demonym", "country", "capital")


@dataclass(frozen=True, slots=True)
class StateBody:
    role: str
    name: str  # template: {demonym}, {country}
    id: str  # template: {country_id}
    explicit: tuple[str, ...]
    generic: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Places:
    country_names: dict[str, tuple[str, ...]]
    demonyms: dict[str, tuple[str, ...]]
    adjectives: dict[str, str]
    ambiguous: dict[str, tuple[str, ...]]
    places: dict[str, str | None]
    first_names: frozenset[str]
    not_places: frozenset[str]


@dataclass(frozen=True, slots=True)
class People:
    titles: frozenset[str]
    speech_verbs: frozenset[str]
    adverbs: frozenset[str]
    particles: frozenset[str]
    not_names: frozenset[str]
    org_words: frozenset[str]
    institutions: frozenset[str]  # generic bodies a country has one of: Constitutional Court…
    ministry_domains: frozenset[str]  # fields a ministry is named by: finance, labour…
    ministry_qualifiers: frozenset[str]  # words of a field that name none alone: public, affairs…
    organisation_descriptors: frozenset[str]  # "carmaker" in "French carmaker Renault"
    armed_group_descriptors: frozenset[str]  # "militant group" in "the militant group Lakurawa"
    organisation_nouns: frozenset[str]  # "party" in "the Reconquest party"
    platforms: frozenset[str]  # "Twitter" in "said on Twitter": where words are posted, no actor
    honorifics: frozenset[str]  # "Sir" in "Sir Keir Starmer": before a name, not part of it
    portfolios: frozenset[str]  # "Defence" in "Minister of Defence Ben Wallace": a post's field, no name
    surname_titles: frozenset[str]  # "Sheikh" ending "Ahmed Omar Saeed Sheikh": a title that is also a name


@dataclass(frozen=True, slots=True)
class Vocabulary:
    countries: dict[str, Country]
    cities: tuple[City, ...]
    subdivisions: tuple[tuple[str, str], ...]  # (name, ISO3): states, provinces, regions
    places: Places
    actors: tuple[ActorEntry, ...]
    state_bodies: tuple[StateBody, ...]
    tags: tuple[Tag, ...]
    regions: tuple[AnalystRegion, ...]
    people: People


class _Reader:
    """Collects problems while converting one file's entries."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def fail(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def keys(self, item: Located, required: set[str], optional: set[str] = frozenset()) -> bool:  # type: ignore[assignment]
        ok = True
        for key in sorted(set(item.data) - required - optional):
            self.fail(item.line_of(key), f"unknown key {key!r} (allowed: {', '.join(sorted(required | optional))})")
            ok = False
        for key in sorted(required - set(item.data)):
            self.fail(item.line, f"missing key {key!r}")
            ok = False
        return ok

    def text(self, item: Located, key: str, optional: bool = False) -> str | None:
        value = item.data.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(item.line_of(key), f"{key} must be non-empty text")
            return None
        return value

    def texts(self, item: Located, key: str) -> tuple[str, ...]:
        value = item.data.get(key, [])
        if not isinstance(value, list):
            self.fail(item.line_of(key), f"{key} must be a list of non-empty texts")
            return ()
        bad = [v for v in value if not isinstance(v, str) or not v.strip()]
        if bad:
            hint = (
                " (put it in quotes: YAML reads yes, no, on, off as true or false)" if isinstance(bad[0], bool) else ""
            )
            self.fail(item.line_of(key), f"{key}: {bad[0]!r} is not text{hint}")
            return ()
        return tuple(value)

    def slug(self, item: Located, key: str = "id") -> str | None:
        value = item.data.get(key)
        if not isinstance(value, str) or not SLUG_PATTERN.fullmatch(value):
            self.fail(item.line_of(key), f"{key} must be a lowercase slug such as 'rapid-support-forces'")
            return None
        return value

    def unique(self, seen: dict[str, int], value: str, line: int, what: str) -> None:
        if value in seen:
            self.fail(line, f"duplicate {what} {value!r} (first on line {seen[value]})")
        else:
            seen[value] = line


def _text(folder: Path, name: str) -> tuple[str, str]:
    """A vocabulary file's text and the path problems name it by."""
    display = f"{VOCAB_DIR}/{name}"
    try:
        return (folder / name).read_text(encoding="utf-8"), display
    except (OSError, UnicodeDecodeError) as error:
        raise BriefingError([Problem(display, 1, f"cannot read: {error}")]) from None


def _read(folder: Path, name: str) -> tuple[Any, Any, str]:
    text, display = _text(folder, name)
    data, node = load_yaml(text, display)
    return data, node, display


def _entries(folder: Path, name: str) -> tuple[list[Located], str]:
    """The entries of a vocabulary file that is a YAML list, each with its keys' lines.

    Parsing YAML is a third of the builder's start-up (libyaml reads the actor vocabulary, but
    PyYAML builds its thousands of nodes in Python), so each file's entries are kept as JSON
    in the user's cache, under a hash of the file's text: an edited file is parsed again.
    The cache lives outside the project, where no pull request can put a file."""
    text, display = _text(folder, name)
    key = hashlib.sha256((_parser_key() + text).encode()).hexdigest()
    cached = cache_home() / "vocab" / f"{name}.{key[:40]}.json"
    try:
        rows = json.loads(cached.read_text(encoding="utf-8"))
        return [Located(entry, lines, line) for entry, lines, line in rows], display
    except (OSError, ValueError, TypeError):
        pass  # not cached yet, or unreadable: parse
    parsed, node = load_yaml(text, display)
    items = located_items(parsed, node, display, 1, name)
    try:
        rows = [[item.data, item.lines, item.line] for item in items]
        record = json.dumps(rows, ensure_ascii=False)
        if json.loads(record) != rows:
            raise ValueError("JSON would not give these entries back")  # a number as a key, say
        cached.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(cached, record.encode("utf-8"))
    except (OSError, TypeError, ValueError):
        pass  # a read-only home, or a value JSON cannot hold (a date): no cache, same result
    return items, display


@lru_cache(maxsize=1)
def _parser_key() -> str:
    """What a cached parse depends on besides the file: this format, PyYAML, the parsing code."""
    code = Path(yamlio.__file__).read_bytes()
    return f"{_CACHE_FORMAT} {yaml.__version__} {hashlib.sha256(code).hexdigest()}\0"


def cache_home() -> Path:
    """The builder's cache folder in the user's cache ($XDG_CACHE_HOME, else ~/.cache)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefings"


def _country_check(codes: set[str]) -> Callable[[_Reader, Any, int], str | None]:
    def check(reader: _Reader, value: Any, line: int) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or value not in codes:
            reader.fail(line, f"{value!r} is not an ISO 3166-1 alpha-3 country code")
            return None
        return value

    return check


def _actors(folder: Path, codes: set[str], roles: set[str] | None) -> tuple[ActorEntry, ...]:
    items, path = _entries(folder, "actors.yml")
    reader = _Reader(path)
    country = _country_check(codes)
    ids: dict[str, int] = {}
    forms: dict[str, int] = {}
    roles_held: dict[str, int] = {}  # "parliament IRN": one actor per role and country
    actors = []
    for item in items:
        if not reader.keys(item, {"id", "name", "type", "country", "aliases"}, {"description", "role"}):
            continue
        actor_id, name = reader.slug(item), reader.text(item, "name")
        kind = item.data["type"]
        if kind not in ACTOR_TYPES:
            reader.fail(item.line_of("type"), f"type must be one of {', '.join(ACTOR_TYPES)}")
        role = item.data.get("role")
        if role is not None and roles is not None and role not in roles:
            reader.fail(item.line_of("role"), f"role must be one of {', '.join(sorted(roles))}")
        home = country(reader, item.data["country"], item.line_of("country"))
        aliases = reader.texts(item, "aliases")
        description = reader.text(item, "description", optional=True)
        if role is not None and home is not None:
            reader.unique(roles_held, f"{role} {home}", item.line_of("role"), "role and country")
        if actor_id:
            reader.unique(ids, actor_id, item.line_of("id"), "actor id")
        for form in (name, *aliases):
            if form:
                reader.unique(forms, form, item.line_of("aliases" if form != name else "name"), "name or alias")
        if actor_id and name and kind in ACTOR_TYPES:
            actors.append(ActorEntry(actor_id, name, kind, home, aliases, description, role))
    if reader.problems:
        raise BriefingError(reader.problems)
    return tuple(actors)


def _tags(folder: Path) -> tuple[Tag, ...]:
    items, path = _entries(folder, "tags.yml")
    reader = _Reader(path)
    ids: dict[str, int] = {}
    cues: dict[str, int] = {}
    tags = []
    for item in items:
        if not reader.keys(item, {"id", "name", "description", "cues"}):
            continue
        tag_id, name, description = reader.slug(item), reader.text(item, "name"), reader.text(item, "description")
        found = reader.texts(item, "cues")
        for cue in found:
            if cue != cue.lower():
                reader.fail(item.line_of("cues"), f"cue {cue!r} must be lowercase")
            reader.unique(cues, cue, item.line_of("cues"), "cue")
        if tag_id:
            reader.unique(ids, tag_id, item.line_of("id"), "tag id")
        if tag_id and name and description:
            tags.append(Tag(tag_id, name, description, found))
    if reader.problems:
        raise BriefingError(reader.problems)
    return tuple(tags)


def _regions(folder: Path, codes: set[str]) -> tuple[AnalystRegion, ...]:
    items, path = _entries(folder, "regions.yml")
    reader = _Reader(path)
    country = _country_check(codes)
    ids: dict[str, int] = {}
    regions = []
    for item in items:
        if not reader.keys(item, {"id", "name", "members", "source", "description"}):
            continue
        region_id, name = reader.slug(item), reader.text(item, "name")
        source, description = reader.text(item, "source"), reader.text(item, "description")
        members = {country(reader, code, item.line_of("members")) for code in reader.texts(item, "members")}
        if region_id:
            reader.unique(ids, region_id, item.line_of("id"), "region id")
        if region_id and name and source and description:
            regions.append(AnalystRegion(region_id, name, frozenset(m for m in members if m), source, description))
    if reader.problems:
        raise BriefingError(reader.problems)
    return tuple(regions)


def _state_bodies(folder: Path) -> tuple[StateBody, ...]:
    items, path = _entries(folder, "state_bodies.yml")
    reader = _Reader(path)
    bodies = []
    roles: dict[str, int] = {}
    for item in items:
        if not reader.keys(item, {"role", "name", "id", "explicit", "generic"}):
            continue
        role, name, template = reader.text(item, "role"), reader.text(item, "name"), reader.text(item, "id")
        explicit, generic = reader.texts(item, "explicit"), reader.texts(item, "generic")
        for form in explicit:
            slots = [f"{{{slot}}}" for slot in COUNTRY_SLOTS for _ in range(form.count(f"{{{slot}}}"))]
            if len(slots) != 1 or (not form.startswith(slots[0]) and not form.endswith(slots[0])):
                message = "must name one {demonym}, {country} or {capital}, at its start or its end"
                reader.fail(item.line_of("explicit"), f"explicit form {form!r} {message}")
        if role:
            reader.unique(roles, role, item.line_of("role"), "role")
        if role and name and template:
            bodies.append(StateBody(role, name, template, explicit, generic))
    if reader.problems:
        raise BriefingError(reader.problems)
    return tuple(bodies)


def _places(folder: Path, codes: set[str]) -> Places:
    data, node, path = _read(folder, "places.yml")
    reader = _Reader(path)
    top = located_mapping(data, node, path, 1, "places.yml")
    keys = {"country_names", "demonyms", "adjectives", "ambiguous", "places", "first_names", "not_places"}
    reader.keys(top, keys)
    country = _country_check(codes)

    def code_lists(key: str, *, keyed_by_code: bool) -> dict[str, tuple[str, ...]]:
        value = top.data.get(key) or {}
        result: dict[str, tuple[str, ...]] = {}
        if not isinstance(value, dict):
            reader.fail(top.line_of(key), f"{key} must be a mapping")
            return result
        for name, items in value.items():
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                reader.fail(top.line_of(key), f"{key}: {name} must map to a list")
                continue
            if keyed_by_code:
                country(reader, name, top.line_of(key))
            else:
                for code in items:
                    country(reader, code, top.line_of(key))
            result[str(name)] = tuple(items)
        return result

    places_value = top.data.get("places") or {}
    places: dict[str, str | None] = {}
    if isinstance(places_value, dict):
        for name, code in places_value.items():
            places[str(name)] = country(reader, code, top.line_of("places"))
    else:
        reader.fail(top.line_of("places"), "places must be a mapping of name to country code or null")
    adjectives: dict[str, str] = {}
    for code, adjective in (top.data.get("adjectives") or {}).items():
        if country(reader, code, top.line_of("adjectives")) and isinstance(adjective, str):
            adjectives[code] = adjective
        elif not isinstance(adjective, str):
            reader.fail(top.line_of("adjectives"), f"adjectives: {code} must map to a word")
    result = Places(
        country_names=code_lists("country_names", keyed_by_code=True),
        demonyms=code_lists("demonyms", keyed_by_code=True),
        adjectives=adjectives,
        ambiguous=code_lists("ambiguous", keyed_by_code=False),
        places=places,
        first_names=frozenset(reader.texts(top, "first_names")),
        not_places=frozenset(reader.texts(top, "not_places")),
    )
    if reader.problems:
        raise BriefingError(reader.problems)
    return result


def _people(folder: Path) -> People:
    data, node, path = _read(folder, "people.yml")
    reader = _Reader(path)
    top = located_mapping(data, node, path, 1, "people.yml")
    keys = {
        "titles",
        "speech_verbs",
        "adverbs",
        "particles",
        "not_names",
        "org_words",
        "institutions",
        "ministry_domains",
        "ministry_qualifiers",
        "organisation_descriptors",
        "armed_group_descriptors",
        "organisation_nouns",
        "platforms",
        "honorifics",
        "portfolios",
        "surname_titles",
    }
    reader.keys(top, keys)
    lists = {key: frozenset(reader.texts(top, key)) for key in sorted(keys)}
    if reader.problems:
        raise BriefingError(reader.problems)
    return People(**lists)


def _gazetteer(folder: Path) -> tuple[dict[str, Country], tuple[City, ...], tuple[tuple[str, str], ...]]:
    path = folder / "gazetteer.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        countries = {
            iso3: Country(
                iso3,
                info["name"],
                tuple(info["m49"]),
                tuple(info["names"]),
                tuple(info["demonyms"]),
                info["population"],
            )
            for iso3, info in data["countries"].items()
        }
        rows = data["cities"]
        cities = tuple(City(name, iso3, size, capital, tuple(also)) for name, iso3, size, capital, also in rows)
        subdivisions = tuple((str(name), str(iso3)) for name, iso3 in data["subdivisions"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        message = f"cannot read the gazetteer ({error}): regenerate it with scripts/make_gazetteer.py"
        raise BriefingError([Problem(f"{VOCAB_DIR}/gazetteer.json", 1, message)]) from None
    return countries, cities, subdivisions


def load_vocabulary(root: Path) -> Vocabulary:
    """Every vocabulary under root/vocab, validated; all problems of all files at once."""
    with gcpause.paused():
        return _load(root)


def _load(root: Path) -> Vocabulary:
    folder = root / VOCAB_DIR
    problems: list[Problem] = []
    results: dict[str, Any] = {}
    try:
        countries, cities, subdivisions = _gazetteer(folder)
    except BriefingError as error:
        raise BriefingError(error.problems) from None
    codes = set(countries)
    loaders: dict[str, Callable[[], Any]] = {
        "places": lambda: _places(folder, codes),
        "state_bodies": lambda: _state_bodies(folder),
        "tags": lambda: _tags(folder),
        "regions": lambda: _regions(folder, codes),
        "people": lambda: _people(folder),
    }
    for name, load in loaders.items():
        try:
            results[name] = load()
        except BriefingError as error:
            problems.extend(error.problems)
    # the roles state_bodies.yml names; unknown while that file has errors (then not checked here)
    roles = {body.role for body in results["state_bodies"]} if "state_bodies" in results else None
    try:
        results["actors"] = _actors(folder, codes, roles)
    except BriefingError as error:
        problems.extend(error.problems)
    if problems:
        raise BriefingError(problems)
    return Vocabulary(countries=countries, cities=cities, subdivisions=subdivisions, **results)


def country_slug(country: Country) -> str:
    return str(slugify(country.name))
