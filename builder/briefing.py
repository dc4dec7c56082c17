"""Seed text -> Briefing, for both seed formats, with a curator's overrides applied. Pure."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from typing import Any

from frontmatter.default_handlers import YAMLHandler

from .errors import BriefingError, Problem, Severity
from .model import Briefing, SeedFormat, Source
from .overrides import read_overrides
from .parse import parse_raw
from .yamlio import load_yaml, located_mapping

RAW_NAME = re.compile(r"\d{3,}_(?P<id>[0-9a-f]{16})\.txt")
MAX_SUMMARY = 600
_SENTENCE = re.compile(r".+?[.?!\u2026][\u201d\"]?(?=\s|$)")


def from_raw(text: str, seed_file: str, sidecar: tuple[str, str] | None = None) -> Briefing:
    """A raw wire seed and its optional sidecar (path, text) -> Briefing."""
    problems: list[Problem] = []
    name = seed_file.rsplit("/", 1)[-1]
    match = RAW_NAME.fullmatch(name)
    if match is None:
        problems.append(Problem(seed_file, 1, "a raw seed's file name must be NNN_<16 hex digits>.txt"))
    try:
        parsed = parse_raw(text, seed_file)
    except BriefingError as error:
        problems.extend(error.problems)
        parsed = None
    overrides: dict[str, Any] = {}
    if sidecar is not None:
        sidecar_path, sidecar_text = sidecar
        try:
            data, node = load_yaml(sidecar_text, sidecar_path)
            meta = located_mapping(data, node, sidecar_path, 1, "an override file")
            overrides, found = read_overrides(meta, sidecar_path, seed_file, allow_id=False)
            problems.extend(found)
        except BriefingError as error:
            problems.extend(error.problems)
    if problems or parsed is None or match is None:
        raise BriefingError(problems)
    briefing = Briefing(
        id=match["id"],
        title=parsed.title,
        date=parsed.date,
        paragraphs=parsed.paragraphs,
        source=Source(file=seed_file),
        format=SeedFormat.RAW,
        summary=lede(parsed.paragraphs),
    )
    return _apply(briefing, overrides)


def from_markdown(text: str, seed_file: str) -> tuple[Briefing, list[Problem]]:
    """A Markdown seed with YAML front matter -> (Briefing, warnings)."""
    handler = YAMLHandler()
    if not text.startswith("---"):
        raise BriefingError([Problem(seed_file, 1, "a Markdown seed must start with YAML front matter (---)")])
    try:
        front, body = handler.split(text)
    except ValueError:
        raise BriefingError(
            [Problem(seed_file, 1, "the front matter opened on line 1 is never closed by ---")]
        ) from None
    # `front` starts with the newline after the opening ---, so its line 0 is file line 1
    data, node = load_yaml(front, seed_file, first_line=1)
    meta = located_mapping(data, node, seed_file, 1, "the front matter")
    values, problems = read_overrides(meta, seed_file, seed_file, allow_id=True)
    warnings: list[Problem] = []
    for key in ("title", "date"):
        if key not in meta.data:
            problems.append(Problem(seed_file, 1, f"the front matter has no {key}"))
    body_line = text[: len(text) - len(body)].count("\n") + 1
    from .markdown_body import render_body  # imported here: markdown-it takes 25 ms, and most seeds are raw

    html, paragraphs = render_body(body)
    if not paragraphs:
        problems.append(Problem(seed_file, body_line, "the body is empty"))
    if problems:
        raise BriefingError(problems)
    if "id" not in values:
        values["id"] = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        warnings.append(
            Problem(
                seed_file,
                1,
                f"no id in the front matter: add `id: {values['id']}` so that it never changes",
                Severity.WARNING,
            )
        )
    briefing = Briefing(
        id=values.pop("id"),
        title=values.pop("title"),
        date=values.pop("date"),
        paragraphs=paragraphs,
        source=Source(file=seed_file),
        format=SeedFormat.MARKDOWN,
        body_html=html,
        summary=lede(paragraphs),
    )
    return _apply(briefing, values), warnings


def _apply(briefing: Briefing, values: dict[str, Any]) -> Briefing:
    return replace(briefing, **values, overridden=frozenset(values))


def lede(paragraphs: tuple[str, ...]) -> str:
    """The first paragraph, cut after a whole sentence when it is very long."""
    first = paragraphs[0] if paragraphs else ""
    if len(first) <= MAX_SUMMARY:
        return first
    end = 0
    for sentence in _SENTENCE.finditer(first):
        if sentence.end() > MAX_SUMMARY:
            break
        end = sentence.end()
    if end:
        return first[:end].strip()
    return first[:MAX_SUMMARY].rsplit(" ", 1)[0] + "\u2026"
