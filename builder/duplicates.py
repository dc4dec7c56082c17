"""The same article submitted twice: identical texts and near-duplicates. Pure.

Identical means the same body once whitespace and quotation marks are normalised.
Near-duplicate means the same story with small edits or another headline: the Jaccard
similarity of the bodies' word 5-grams is at least NEAR. Candidates are found through a
few of each text's smallest shingle hashes, so the archive is never compared pair by pair.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict
from dataclasses import dataclass

from .model import Briefing

SHINGLE = 5  # words
SKETCH = 24  # smallest hashes kept per text to find candidates
NEAR = 0.6  # Jaccard similarity of shingles from which two texts are near-duplicates
COMMON = 40  # a shingle shared by this many texts is boilerplate: it proposes no more candidates
_QUOTES = {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " "}
_QUOTE = re.compile("[" + "".join(_QUOTES) + "]")


@dataclass(frozen=True, slots=True)
class Pair:
    kept: Briefing  # the smaller id
    other: Briefing
    similarity: float  # 1.0 for identical texts


@dataclass(frozen=True, slots=True)
class Signature:
    """What the comparison needs of a text, worked out where the seed is read (a worker process)."""

    digest: str  # SHA-256 of the normalised text: equal for identical texts
    shingles: frozenset[int]  # hashes of its word 5-grams
    sketch: tuple[int, ...]  # the smallest of them, which propose candidates


def normal_text(briefing: Briefing) -> str:
    text = _QUOTE.sub(lambda m: _QUOTES[m.group()], " ".join(briefing.paragraphs))
    return " ".join(text.split())


def signature(briefing: Briefing) -> Signature:
    text = normal_text(briefing)
    shingles = _shingles(text)
    return Signature(hashlib.sha256(text.encode()).hexdigest(), frozenset(shingles), tuple(sorted(shingles)[:SKETCH]))


def _shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    grams = (" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1)))
    return {zlib.crc32(g.encode()) for g in grams}  # stable across runs, unlike hash()


def find_duplicates(
    briefings: list[Briefing], signatures: list[Signature] | None = None
) -> tuple[list[Pair], list[Pair]]:
    """(identical pairs, near-duplicate pairs), each pair ordered by id, sorted.

    `signatures` are the briefings' own (same order), when already worked out."""
    signed = zip(briefings, signatures or map(signature, briefings), strict=True)
    identical: list[Pair] = []
    first: dict[str, Briefing] = {}
    kept: dict[str, Signature] = {}
    for briefing, signed_as in sorted(signed, key=lambda pair: pair[0].id):
        key = signed_as.digest
        if key in first:
            if first[key].id != briefing.id:  # the same id twice is reported as such
                identical.append(Pair(first[key], briefing, 1.0))
        else:
            first[key] = briefing
            kept[briefing.id] = signed_as
    unique = sorted(first.values(), key=lambda b: b.id)
    buckets: dict[int, list[Briefing]] = defaultdict(list)
    near: list[Pair] = []
    for briefing in unique:
        candidates: dict[str, Briefing] = {}  # earlier texts sharing a sketch value
        for value in kept[briefing.id].sketch:
            bucket = buckets[value]
            if len(bucket) >= COMMON:
                continue
            for other in bucket:
                candidates[other.id] = other
            bucket.append(briefing)
        for other in candidates.values():
            a, b = kept[other.id].shingles, kept[briefing.id].shingles
            common = len(a & b)
            similarity = common / (len(a) + len(b) - common)  # the union's size, without making it
            if similarity >= NEAR:
                near.append(Pair(other, briefing, round(similarity, 2)))
    return identical, sorted(near, key=lambda p: (p.kept.id, p.other.id))
