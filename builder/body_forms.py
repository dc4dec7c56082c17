"""A country's state bodies as wire copy names them ("Malian army", "Mali's junta",
"junta in Mali"), found without writing every form out for every country. Pure.

vocab/state_bodies.yml gives each body's forms as templates with one slot for the country,
before or after a few fixed words ("{demonym} army", "{country}'s junta", "junta in
{country}"). Written out for 250 countries they would be some 29,000 names in the automaton,
a third of the extractor's start-up. Instead the automaton holds each template's fixed
words once ("army", "'s junta", "junta in"), and `complete` turns a match of them into the
body of the country whose form stands right before or after them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .matcher import Found
from .vocab import COUNTRY_SLOTS, StateBody


@dataclass(frozen=True, slots=True)
class Fixed:
    """The fixed words of one template, as the automaton finds them."""

    role: str  # the state body's role
    slot: str  # demonym | country | capital
    before: bool  # the slot stands before the fixed words ("{demonym} army"), else after
    gap: str  # what stands between slot and words: " ", or "" ("{country}'s army")
    order: int  # the template's place in the vocabulary: where two give one name, the first wins


def fixed_words(bodies: Iterable[StateBody]) -> list[tuple[str, Fixed]]:
    """(fixed words, template) for every explicit form of every body, in vocabulary order."""
    found: list[tuple[str, Fixed]] = []
    for body in bodies:
        for form in body.explicit:
            slot = next(s for s in COUNTRY_SLOTS if "{" + s + "}" in form)  # the loader allows one, at an end
            head, tail = form.split("{" + slot + "}")
            before = not head
            words = tail if before else head
            gap = " " if (words.startswith(" ") if before else words.endswith(" ")) else ""
            found.append((words.strip(), Fixed(body.role, slot, before, gap, len(found))))
    return found


class BodyForms:
    """Completes matches of fixed words with the country form next to them.

    `forms[slot]` maps a folded country form ("Malian", "Mali", "Bamako") to the countries
    it stands for, first the one that owns it. The forms are places the automaton finds
    anyway: `complete` takes them from its matches of places."""

    def __init__(self, forms: Mapping[str, Mapping[str, tuple[str, ...]]]) -> None:
        self._forms = forms

    def complete(
        self, folded: str, hits: Iterable[Found[Fixed]], places: Sequence[Found[object]]
    ) -> list[tuple[int, int, tuple[tuple[str, str], ...]]]:
        """(start, end, ((role, country), ...)) of each body named in `folded` (the folded
        article) by fixed words found at `hits` and a country form beside them, one of the
        `places` found (overlapping ones included)."""
        ending: dict[int, list[int]] = defaultdict(list)  # where places end -> where they start
        for start, end, _ in places:
            ending[end].append(start)
        starting: dict[int, list[int]] | None = None  # the other way round: few templates need it
        named: dict[tuple[int, int], list[tuple[int, int, tuple[str, str]]]] = {}
        for start, end, templates in hits:
            for fixed in templates:
                if fixed.before:  # the longest form that ends where the fixed words start, less the gap
                    last = start - len(fixed.gap)
                    firsts = ending.get(last)
                    if not firsts or folded[last:start] != fixed.gap:
                        continue  # most fixed words: no place right before them
                    table = self._forms[fixed.slot]
                    firsts = [first for first in firsts if folded[first:last] in table]
                    span = (min(firsts), last) if firsts else None
                else:  # the longest form that starts where the fixed words end, and the gap
                    if starting is None:
                        starting = defaultdict(list)
                        for place_start, place_end, _ in places:
                            starting[place_start].append(place_end)
                    first = end + len(fixed.gap)
                    if folded[end:first] != fixed.gap:
                        continue
                    table = self._forms[fixed.slot]
                    lasts = [last for last in starting.get(first, ()) if folded[first:last] in table]
                    span = (first, max(lasts)) if lasts else None
                if span is None:
                    continue
                whole = (span[0], end) if fixed.before else (start, span[1])
                refs = named.setdefault(whole, [])
                countries = table[folded[span[0] : span[1]]]
                refs.extend((fixed.order, rank, (fixed.role, iso3)) for rank, iso3 in enumerate(countries))
        found = []
        for (start, end), refs in named.items():
            refs.sort()
            found.append((start, end, tuple(dict.fromkeys(ref for _, _, ref in refs))))
        return found
