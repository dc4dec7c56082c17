"""Curator-given metadata: a Markdown seed's front matter or a raw seed's sidecar `.yml`.

The one place where those raw YAML mappings are read. Each known key is converted to
the typed value of the Briefing field it sets; unknown keys and bad values become
`path:line` problems. Nothing downstream sees the raw mapping.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

from .errors import Problem
from .model import Actor, Source
from .parse import parse_rfc2822
from .yamlio import Located

ACTOR_TYPES = ("person", "armed_group", "state_body", "organisation")
ID_PATTERN = re.compile(r"[0-9a-f]{16}")
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_TEXT = 2_000


class Invalid(ValueError):
    """A value that does not fit its key; the message names what was expected."""


def parse_moment(value: Any) -> datetime:
    """ISO 8601 with a zone, RFC 2822, or a YAML timestamp with a zone -> UTC datetime."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        raise Invalid("needs a time and a zone, e.g. 2025-11-10T12:19:19Z")
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            try:
                return parse_rfc2822(value)
            except ValueError:
                raise Invalid(f"{value!r} is neither ISO 8601 nor RFC 2822") from None
    else:
        raise Invalid("must be a date and time such as 2025-11-10T12:19:19Z")
    if moment.tzinfo is None:
        raise Invalid("needs a time zone, e.g. 2025-11-10T12:19:19Z or +01:00")
    return moment.astimezone(UTC).replace(microsecond=0)


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid("must be non-empty text")
    if len(value) > MAX_TEXT:
        raise Invalid(f"must be at most {MAX_TEXT} characters")
    return " ".join(value.split())


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid("must be true or false")
    return value


def _slug(value: Any) -> str:
    if not isinstance(value, str) or not SLUG_PATTERN.fullmatch(value) or len(value) > 80:
        raise Invalid("must be lowercase ASCII words joined by hyphens, at most 80 characters")
    return value


# User-assigned codes for places ISO 3166-1 does not list but wire copy treats as countries
# (XKX: Kosovo, as the EU and the IMF write it). The gazetteer has a record for each.
USER_ASSIGNED = frozenset({"XKX"})


def country_code(value: Any) -> str:
    import pycountry  # here, not at the top: it costs a tenth of the builder's start-up, and few seeds need it

    if not isinstance(value, str) or (value not in USER_ASSIGNED and pycountry.countries.get(alpha_3=value) is None):
        raise Invalid(f"{value!r} is not an ISO 3166-1 alpha-3 country code")
    return value


def _codes(value: Any) -> tuple[str, ...]:
    return tuple(country_code(v) for v in _list(value))


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(_text(v) for v in _list(value))


def _slugs(value: Any) -> tuple[str, ...]:
    return tuple(_slug(v) for v in _list(value))


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise Invalid("must be a list")
    return value


def web_url(value: Any) -> str:
    if not isinstance(value, str):
        raise Invalid("must be an http or https URL")
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or re.search(r"[\s<>\"'`\\]", value.strip()):
        raise Invalid(f"{value!r} is not an http or https URL")
    return value.strip()


def _actors(value: Any) -> tuple[Actor, ...]:
    actors = []
    for item in _list(value):
        if not isinstance(item, dict):
            raise Invalid("each actor must be a mapping with id, name and type")
        unknown = set(item) - {"id", "name", "type", "country", "aliases"}
        if unknown:
            raise Invalid(f"unknown actor key {sorted(unknown)[0]!r}")
        kind = item.get("type")
        if kind not in ACTOR_TYPES:
            raise Invalid(f"actor type must be one of {', '.join(ACTOR_TYPES)}")
        country = item.get("country")
        actors.append(
            Actor(
                id=_slug(item.get("id")),
                name=_text(item.get("name")),
                type=kind,
                country=None if country is None else country_code(country),
                aliases=_texts(item.get("aliases", [])),
            )
        )
    return tuple(actors)


# key -> (Briefing field, converter). `source` is handled apart: it merges with the file.
FIELDS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "title": ("title", _text),
    "date": ("date", parse_moment),
    "slug": ("slug", _slug),
    "summary": ("summary", _text),
    "rights": ("rights", _text),
    "full_text": ("full_text", _bool),
    "updated": ("updated", parse_moment),
    "correction": ("correction", _text),
    "region": ("region", _text),
    "regions": ("regions", _texts),
    "countries": ("countries", _codes),
    "primary_country": ("primary_country", country_code),
    "actors": ("actors", _actors),
    "tags": ("tags", _slugs),
}
FIXED = {"words": "is counted from the text", "source.file": "is the seed's own path"}


def read_overrides(meta: Located, path: str, seed_file: str, *, allow_id: bool) -> tuple[dict[str, Any], list[Problem]]:
    """Typed Briefing field values from a curator's mapping, and the problems found."""
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, raw in meta.data.items():
        line = meta.line_of(key)
        try:
            if key == "id":
                if not allow_id:
                    raise Invalid("cannot be overridden: a raw seed's id is the hex part of its file name")
                if isinstance(raw, int | float):
                    raise Invalid("put the id in quotes (id: '0123…'), or YAML reads it as a number")
                if not isinstance(raw, str) or not ID_PATTERN.fullmatch(raw):
                    raise Invalid("must be 16 lowercase hexadecimal digits")
                values["id"] = raw
            elif key == "source":
                values["source"] = _source(raw, seed_file)
            elif key in FIELDS:
                field, convert = FIELDS[key]
                values[field] = convert(raw)
            elif key in FIXED:
                raise Invalid(f"cannot be overridden: it {FIXED[key]}")
            else:
                known = ", ".join(sorted([*FIELDS, "source", *(["id"] if allow_id else [])]))
                raise Invalid(f"unknown key (known keys: {known})")
        except Invalid as error:
            problems.append(Problem(path, line, f"{key}: {error}"))
    return values, problems


def _source(raw: Any, seed_file: str) -> Source:
    if not isinstance(raw, dict):
        raise Invalid("must be a mapping with name and url")
    if "file" in raw:
        raise Invalid(f"file cannot be overridden: it {FIXED['source.file']}")
    unknown = set(raw) - {"name", "url"}
    if unknown:
        raise Invalid(f"unknown key {sorted(unknown)[0]!r} (known: name, url)")
    name = raw.get("name")
    url = raw.get("url")
    return Source(
        file=seed_file,
        name=None if name is None else _text(name),
        url=None if url is None else web_url(url),
    )
