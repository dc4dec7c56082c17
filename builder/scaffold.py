"""`briefings new`: a new seed from a title, a date and a text. Pure: values in, files out as text.

The seed is checked with the same code that reads seeds before anything is written, so
`new` never writes a seed that `check` would refuse.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from typing import Any

from .briefing import from_markdown, from_raw
from .model import iso_utc
from .yamlio import dump_yaml

_NUMBER = re.compile(r"(\d{3,})_")


@dataclass(frozen=True, slots=True)
class NewSeed:
    name: str  # file name in seeds/
    text: str
    sidecar: str | None = None  # raw seeds: the override file with source and rights


def paragraphs_of(text: str) -> list[str]:
    """Paragraphs separated by blank lines, each on one line."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    return [" ".join(block.split()) for block in blocks if block.strip()]


def next_number(existing: list[str]) -> int:
    numbers = [int(m.group(1)) for name in existing if (m := _NUMBER.match(name))]
    return max(numbers, default=-1) + 1


def _extra(source_name: str | None, source_url: str | None, rights: str | None) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    if source_name or source_url:
        extra["source"] = {k: v for k, v in (("name", source_name), ("url", source_url)) if v}
    if rights:
        extra["rights"] = rights
    return extra


def new_seed(
    title: str,
    date: datetime,
    text: str,
    existing: list[str],
    *,
    markdown: bool = False,
    source_name: str | None = None,
    source_url: str | None = None,
    rights: str | None = None,
) -> NewSeed:
    """The seed's file name and content; BriefingError if the result would not be a valid seed."""
    title = " ".join(title.split())
    number = next_number(existing)
    extra = _extra(source_name, source_url, rights)
    if markdown:
        body = "\n\n".join(paragraphs_of(text))
        draft = dump_yaml({"title": title, "date": iso_utc(date), **extra})
        seed_id = hashlib.sha256(f"---\n{draft}---\n\n{body}\n".encode()).hexdigest()[:16]
        front = dump_yaml({"id": seed_id, "title": title, "date": iso_utc(date), **extra})
        content = f"---\n{front}---\n\n{body}\n"
        name = f"{number:03d}_{seed_id}.md"
        from_markdown(content, f"seeds/{name}")
        return NewSeed(name, content)
    content = f"{title} {format_datetime(date, usegmt=True)}\n\n" + "\n".join(paragraphs_of(text))
    seed_id = hashlib.sha256(content.encode()).hexdigest()[:16]
    name = f"{number:03d}_{seed_id}.txt"
    sidecar = dump_yaml(extra) if extra else None
    from_raw(content, f"seeds/{name}", (f"seeds/{name}.yml", sidecar) if sidecar else None)
    return NewSeed(name, content, sidecar)
