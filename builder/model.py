"""The one typed model every stage shares: what a seed becomes.

Everything here is frozen: a stage that wants to change a briefing makes a new one
with `dataclasses.replace`, so no stage can reach back and alter another's result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from functools import lru_cache


class SeedFormat(StrEnum):
    RAW = "raw"  # wire copy: title fused with an RFC 2822 date, fused paragraphs
    MARKDOWN = "markdown"  # Markdown with YAML front matter


@dataclass(frozen=True, slots=True)
class Source:
    """Where the text came from: the seed file, and the outlet when known."""

    file: str  # seed path relative to the project root, e.g. seeds/000_x.txt
    name: str | None = None  # agency or outlet, e.g. "AFP"
    url: str | None = None  # original article (http or https only)


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    type: str  # person | armed_group | state_body | organisation
    country: str | None = None  # ISO 3166-1 alpha-3
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Briefing:
    """One briefing: identity, text and metadata, before any output format."""

    id: str  # 16 lowercase hex digits, never changes once published
    title: str  # plain text, exactly as written (escaping happens when rendering)
    date: datetime  # timezone-aware, UTC
    paragraphs: tuple[str, ...]  # plain text, repaired
    source: Source
    format: SeedFormat = SeedFormat.RAW
    body_html: str | None = None  # sanitised HTML of a Markdown seed's body
    summary: str = ""
    slug: str = ""  # unique among briefings of the same UTC day (assigned by site.py)
    rights: str | None = None
    full_text: bool | None = None  # None: follow the site-wide setting
    updated: datetime | None = None
    correction: str | None = None
    # Metadata filled by extraction or given by a curator.
    region: str | None = None
    regions: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    primary_country: str | None = None
    actors: tuple[Actor, ...] = ()
    tags: tuple[str, ...] = ()
    overridden: frozenset[str] = field(default_factory=frozenset)  # fields a curator set

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)

    @property
    def date_iso(self) -> str:
        return iso_utc(self.date)

    @property
    def path(self) -> str:
        """Page path below docs/, e.g. briefings/2025/11/10/some-slug.md."""
        return f"briefings/{_day(self.date)}/{self.slug}.md"

    @property
    def url(self) -> str:
        """Site-relative URL of the page, e.g. briefings/2025/11/10/some-slug/."""
        return f"briefings/{_day(self.date)}/{self.slug}/"


@lru_cache(maxsize=65536)
def _day(moment: datetime) -> str:
    """2025/11/10: strftime is slow, and indexes ask for each briefing's path many times."""
    return f"{moment:%Y/%m/%d}"


def type_label(actor_type: str) -> str:
    """armed_group -> "armed group": an actor type as readers see it."""
    return actor_type.replace("_", " ")


def iso_utc(moment: datetime) -> str:
    """ISO 8601 in UTC with a Z, to the second: 2025-11-10T12:19:19Z."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
