"""Find many names in a text at once: case-sensitive, whole words, longest match first.

An Aho–Corasick automaton (ahocorasick_rs, over the Rust aho-corasick crate) scans the
text once for every name. Accents
and typographic apostrophes and dashes are folded one character for one character, in
the names and in the text alike, so positions in the folded text are positions in the
original and "Goïta", "Goita", "Sana’a" and "Sana'a" all match.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Hashable
from typing import Generic, NamedTuple, TypeVar

import ahocorasick_rs

T = TypeVar("T", bound=Hashable)
U = TypeVar("U", bound=Hashable)
V = TypeVar("V", bound=Hashable)
W = TypeVar("W", bound=Hashable)
X = TypeVar("X")
Found = tuple[int, int, tuple[T, ...]]  # start, end and values of a match, before `longest`

_PUNCTUATION = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u00a0": " "}


def _fold_char(char: str) -> str:
    if char in _PUNCTUATION:
        return _PUNCTUATION[char]
    base = unicodedata.normalize("NFD", char)[0]
    return base if base.isalpha() and len(base) == 1 else char


# Latin letters with diacritics (up to Latin Extended Additional) and typographic marks.
_FOLD = {
    code: folded
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00), *map(ord, _PUNCTUATION)]
    if (folded := _fold_char(chr(code))) != chr(code)
}


_FOLDED = {chr(code): folded for code, folded in _FOLD.items()}
_FOLDABLE = re.compile("[" + re.escape("".join(sorted(_FOLDED))) + "]")


def _folded(match: re.Match[str]) -> str:
    return _FOLDED[match.group()]


def fold(text: str) -> str:
    """Same length as text: accents off, curly apostrophes straight, hyphens plain."""
    if text.isascii():
        return text
    # The punctuation by str.replace, in C: most of what a text folds is its apostrophes, and
    # the regex below calls back into Python for each character it replaces.
    for char, plain in _PUNCTUATION.items():
        if char in text:
            text = text.replace(char, plain)
    # A regex finds the few letters left to fold in C; str.translate with a table this
    # size costs ten times more on text that is not pure ASCII.
    return text if text.isascii() else _FOLDABLE.sub(_folded, text)


class Match(NamedTuple, Generic[T]):  # a tuple: made three times faster than a frozen dataclass
    start: int
    end: int
    text: str  # as written in the original text
    values: tuple[T, ...]


# `new_match(Match, (start, end, text, values))` makes a Match in C, without the Python-level
# __new__ a NamedTuple has: twice as fast, for the hot loops that make one per match found.
new_match = tuple.__new__


class Matcher(Generic[T]):
    """Surface forms -> values; `find` returns the longest non-overlapping whole-word matches."""

    def __init__(self) -> None:
        self._automaton: _Automaton[tuple[T, ...]] | None = None  # built on the first scan (a lookup needs none)
        self._values: dict[str, list[T]] = {}

    def add(self, surface: str, value: T) -> None:
        key = fold(surface.strip())
        if not key:
            return
        values = self._values.get(key)
        if values is None:
            self._values[key] = [value]
        elif value not in values:
            values.append(value)

    def __contains__(self, surface: str) -> bool:
        """Whether `surface` as a whole is one of the names (a dictionary lookup, no scan)."""
        return fold(surface) in self._values

    def get(self, surface: str) -> tuple[T, ...]:
        """The values of `surface` as a whole (a dictionary lookup, no scan), or ()."""
        return tuple(self._values.get(fold(surface), ()))

    def find(self, text: str, folded: str | None = None) -> list[Match[T]]:
        """`folded`: fold(text), when the caller has it already (several matchers, one text)."""
        if not self._values:
            return []
        if self._automaton is None:
            self._automaton = _Automaton({key: tuple(values) for key, values in self._values.items()})
        return longest(self._automaton.words(fold(text) if folded is None else folded), text)


class Scanner(Generic[T, U, V, W]):
    """Four matchers in one automaton: one pass over a text finds the matches of each, chosen
    apart (a place inside an actor's name is still a place). One scan of an article costs
    about as much as the rest of a matcher's work, so each pass saved counts."""

    def __init__(self, first: Matcher[T], second: Matcher[U], third: Matcher[V], fourth: Matcher[W]) -> None:
        one, two, three, four = first._values, second._values, third._values, fourth._values
        self._automaton = _Automaton(
            {
                key: (
                    tuple(one.get(key, ())),
                    tuple(two.get(key, ())),
                    tuple(three.get(key, ())),
                    tuple(four.get(key, ())),
                )
                for key in dict.fromkeys([*one, *two, *three, *four])
            }
        )

    def scan(self, folded: str) -> tuple[list[Found[T]], list[Found[U]], list[Found[V]], list[Found[W]]]:
        """Every whole-word match of each matcher in fold(text), overlapping ones included:
        pass a list to `longest` for the matches to keep."""
        firsts: list[Found[T]] = []
        seconds: list[Found[U]] = []
        thirds: list[Found[V]] = []
        fourths: list[Found[W]] = []
        # what _Automaton.words finds, shared out as it is found: one loop over the hits, not two
        size, values = len(folded), self._automaton.values
        for index, start, end in self._automaton.hits(folded):
            if start > 0 and folded[start - 1].isalnum() and folded[start].isalnum():
                continue  # (the test of a whole word, inlined as in `words`)
            if end < size and folded[end].isalnum() and folded[end - 1].isalnum():
                continue
            first, second, third, fourth = values[index]
            if first:
                firsts.append((start, end, first))
            if second:
                seconds.append((start, end, second))
            if third:
                thirds.append((start, end, third))
            if fourth:
                fourths.append((start, end, fourth))
        return firsts, seconds, thirds, fourths

    def find(self, text: str, folded: str | None = None) -> tuple[list[Match[T]], list[Match[U]]]:
        """The longest matches of the first two matchers."""
        firsts, seconds, _, _ = self.scan(fold(text) if folded is None else folded)
        return longest(firsts, text), longest(seconds, text)


class _Automaton(Generic[X]):
    """Keys and their values, found wherever a key is a whole word of a text."""

    def __init__(self, table: dict[str, X]) -> None:
        self.values = list(table.values())  # by the index of the key
        self._searcher = (
            ahocorasick_rs.AhoCorasick(table, matchkind=ahocorasick_rs.MatchKind.Standard) if table else None
        )

    def hits(self, folded: str) -> list[tuple[int, int, int]]:
        """(index of the key, start, end) of every occurrence of a key, whole word or not."""
        if self._searcher is None:
            return []
        return self._searcher.find_matches_as_indexes(folded, overlapping=True)

    def words(self, folded: str) -> list[tuple[int, int, X]]:
        """(start, end, value) of every whole-word occurrence of a key, overlapping ones included."""
        size, values, found = len(folded), self.values, []
        for index, start, end in self.hits(folded):
            # whole words only: no letter or digit glued to either end (checks inlined: hot loop)
            if start > 0 and folded[start - 1].isalnum() and folded[start].isalnum():
                continue
            if end < size and folded[end].isalnum() and folded[end - 1].isalnum():
                continue
            found.append((start, end, values[index]))
        return found


def longest(found: list[Found[T]], text: str) -> list[Match[T]]:
    """The longest matches first, then leftmost; none overlapping; in text order."""
    if not found:
        return []
    found.sort(key=_longest_first)
    # the chosen spans, in text order: as they overlap none, their ends are in order too
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[Match[T]] = []
    for start, end, values in found:
        at = bisect_left(starts, end)  # the chosen spans before `at` start before this one ends
        if at and ends[at - 1] > start:
            continue  # the last of them ends after this one starts
        starts.insert(at, start)
        ends.insert(at, end)
        chosen.insert(at, new_match(Match, (start, end, text[start:end], values)))
    return chosen


def _longest_first(match: tuple[int, int, object]) -> tuple[int, int]:
    return (match[0] - match[1], match[0])
