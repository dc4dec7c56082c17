"""Atom feeds of the archive and of every tag, region, country and actor. Pure.

Written with feedgen (a maintained feed library: escaping and the Atom format are its
job). Deterministic: the feed's `updated` is its newest entry's, never the build time.
"""

from __future__ import annotations

import posixpath
from datetime import UTC, datetime
from functools import lru_cache

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from .model import Briefing

FEED_ENTRIES = 50


def page_url(path: str) -> str:
    """tags/terrorism/index.md -> tags/terrorism/ (the URL MkDocs gives the page)."""
    folder = posixpath.dirname(path)
    return f"{folder}/" if folder else ""


def atom(title: str, page: str, briefings: list[Briefing], site_url: str) -> str:
    """The feed of a page (`page` is its path below docs/), newest briefings first."""
    base = site_url.rstrip("/") + "/"
    here = page_url(page)
    newest = sorted(briefings, key=lambda b: (b.date, b.id), reverse=True)[:FEED_ENTRIES]
    feed = FeedGenerator()
    feed.id(base + here)
    feed.title(title)
    feed.link(href=base + here, rel="alternate")
    feed.link(href=base + here + "feed.xml", rel="self")
    feed.language("en")
    feed.updated(max((b.updated or b.date for b in newest), default=datetime(1970, 1, 1, tzinfo=UTC)))
    for briefing in newest:
        feed.add_entry(
            _entry(
                base + f"b/{briefing.id}/",
                briefing.title,
                base + briefing.url,
                briefing.date,
                briefing.updated or briefing.date,
                briefing.summary,
                briefing.source.name,
            ),
            order="append",
        )
    return str(feed.atom_str(pretty=True).decode("utf-8"))


@lru_cache(maxsize=4096)
def _entry(
    id_: str, title: str, link: str, published: datetime, updated: datetime, summary: str, author: str | None
) -> FeedEntry:
    """A briefing's entry, made once for every feed that lists it (the archive's, its tags', regions',
    countries' and actors'): feedgen writes an entry afresh into each feed, it does not change it.
    Keyed by every value it holds, so an edited briefing gets a new one."""
    entry = FeedEntry()
    entry.id(id_)
    entry.title(title)
    entry.link(href=link)
    entry.published(published)
    entry.updated(updated)
    entry.summary(summary)
    if author:
        entry.author(name=author)
    return entry
