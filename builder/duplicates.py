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


def normal_text(briefing: Briefing) -> str:
    text = _QUOTE.sub(lambda m: _QUOTES[m.group()], " ".join(briefing.paragraphs))
    return " ".join(text.split())


def _shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    grams = (" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1)))
    return {zlib.crc32(g.encode()) for g in grams}  # stable across runs, unlike hash()


def find_duplicates(briefings: list[Briefing]) -> tuple[list[Pair], list[Pair]]:
    """(identical pairs, near-duplicate pairs), each pair ordered by id, sorted."""
    identical: list[Pair] = []
    first: dict[str, Briefing] = {}
    shingles: dict[str, set[int]] = {}
    for briefing in sorted(briefings, key=lambda b: b.id):
        text = normal_text(briefing)
        key = hashlib.sha256(text.encode()).hexdigest()
        if key in first:
            if first[key].id != briefing.id:  # the same id twice is reported as such
                identical.append(Pair(first[key], briefing, 1.0))
        else:
            first[key] = briefing
            shingles[briefing.id] = _shingles(text)
    unique = sorted(first.values(), key=lambda b: b.id)
    buckets: dict[int, list[Briefing]] = defaultdict(list)
    near: list[Pair] = []
    for briefing in unique:
        sketch = sorted(shingles[briefing.id])[:SKETCH]
        candidates: dict[str, Briefing] = {}  # earlier texts sharing a sketch value
        for value in sketch:
            bucket = buckets[value]
            if len(bucket) >= COMMON:
                continue
            for other in bucket:
                candidates[other.id] = other
            bucket.append(briefing)
        for other in candidates.values():
            a, b = shingles[other.id], shingles[briefing.id]
            common = len(a & b)
            similarity = common / (len(a) + len(b) - common)  # the union's size, without making it
            if similarity >= NEAR:
                near.append(Pair(other, briefing, round(similarity, 2)))
    return identical, sorted(near, key=lambda p: (p.kept.id, p.other.id))
