"""Score extraction against hand-labelled seeds: accuracy, precision, recall and F1 per field.

Labels (tests/fixtures/*/labels.yml) name actors as people would; a predicted actor
matches a labelled one when their names agree (case, accents and punctuation aside), when
the label is one of the forms the actor was found under or one of its vocabulary aliases,
or when both are the same country's generic state body (a junta, an army).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .matcher import fold
from .model import Briefing
from .vocab import Vocabulary

_GENERIC_ROLES = {  # most specific first
    "foreign_ministry": (
        "foreign ministry",
        "ministry of foreign affairs",
        "foreign affairs ministry",
        "ministry of external affairs",
        "foreign office",
    ),
    "defence_ministry": (
        "defence ministry",
        "defense ministry",
        "ministry of defence",
        "ministry of defense",
        "ministry of national defence",
        "ministry of national defense",
    ),
    "interior_ministry": ("interior ministry", "ministry of internal affairs", "ministry of the interior"),
    "health_ministry": ("health ministry", "ministry of health", "ministry of public health"),
    "court": ("court", "tribunal"),
    "embassy": ("embassy", "high commission"),
    "navy": ("navy", "naval forces"),
    "air_force": ("air force",),
    "border_guard": ("border guard", "border guards", "border police"),
    "junta": ("junta", "military government", "military regime", "state administration council"),
    "armed_forces": (
        "army",
        "armed forces",
        "military",
        "defence forces",
        "defense forces",
        "defence force",
        "defense force",
        "troops",
    ),
    "government": ("government", "authorities", "cabinet"),
    "police": ("police",),
    "presidency": ("presidency", "presidential administration", "presidential office", "president s office"),
    "parliament": ("parliament", "legislature", "national assembly", "legislative assembly", "congress"),
}


def normal(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(name).lower()).strip()


@dataclass
class Counts:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positive + self.false_negative
        return self.true_positive / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    seeds: int = 0
    primary_right: int = 0
    region_right: int = 0
    countries: Counts = field(default_factory=Counts)
    actors: Counts = field(default_factory=Counts)
    misses: list[str] = field(default_factory=list)

    @property
    def primary_accuracy(self) -> float:
        return self.primary_right / self.seeds if self.seeds else 0.0

    @property
    def region_accuracy(self) -> float:
        return self.region_right / self.seeds if self.seeds else 0.0


def load_labels(path: Path) -> dict[str, dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: labels must be a mapping of seed file name to expected values")
    return data


def _role(name: str) -> str | None:
    lowered = normal(name)
    for role, words in _GENERIC_ROLES.items():
        if any(re.search(rf"\b{w}\b", lowered) for w in words):
            return role
    return None


def _matches(
    gold: dict[str, Any],
    predicted: Any,
    vocab_forms: dict[str, set[str]],
    country_words: dict[str, set[str]],
    vocab_roles: dict[str, str],
) -> bool:
    forms = {normal(predicted.name), *(normal(a) for a in predicted.aliases), *vocab_forms.get(predicted.id, set())}
    if normal(str(gold["name"])) in forms:
        return True
    if gold.get("type") == predicted.type == "armed_group":  # "the DarkSide gang" is DarkSide
        return _group(normal(str(gold["name"]))) in {_group(form) for form in forms}
    if gold.get("type") == "state_body" and predicted.type == "state_body" and gold.get("country") == predicted.country:
        role = _role(str(gold["name"]))
        found_role = vocab_roles.get(predicted.id) or _role(predicted.name)  # "Tatmadaw" is an army
        if role not in (None, "court") and role == found_role:  # two courts may differ
            return True
        # one institution written two ways: "Peruvian Constitutional Court", "Constitutional Court of Peru"
        words = country_words.get(str(predicted.country), set())
        return _bare(str(gold["name"]), words) == _bare(predicted.name, words)
    return False


def _group(name: str) -> str:
    """A group's name without a trailing generic noun: "darkside gang" -> "darkside"."""
    head, _, last = name.rpartition(" ")
    return head if head and last in ("gang", "cartel", "militia", "group") else name


def _bare(name: str, country_words: set[str]) -> str:
    """An institution's name without its country's name, demonym or linking words."""
    text = f" {normal(name)} "
    for word in sorted(country_words, key=len, reverse=True):
        text = text.replace(f" {word} ", " ")
    bare = " ".join(text.split())
    if bare.startswith("ministry of "):  # "ministry of oil" is the "oil ministry"
        bare = bare.removeprefix("ministry of ") + " ministry"
    if bare.endswith(" ministry"):  # of "labour and social security", the "labour ministry"
        bare = bare.split(" and ")[0].removesuffix(" ministry") + " ministry"
    return " ".join(w for w in bare.split() if w not in ("of", "the"))


def _country_words(vocab: Vocabulary) -> dict[str, set[str]]:
    words: dict[str, set[str]] = {}
    for iso3, country in vocab.countries.items():
        forms = {country.name, *country.names, *country.demonyms, *vocab.places.demonyms.get(iso3, ())}
        forms |= set(vocab.places.country_names.get(iso3, ()))
        if iso3 in vocab.places.adjectives:
            forms.add(vocab.places.adjectives[iso3])
        words[iso3] = {normal(form) for form in forms if normal(form)}
    return words


def score(briefings: Iterable[Briefing], labels: dict[str, dict[str, Any]], vocab: Vocabulary) -> Scores:
    vocab_forms = {a.id: {normal(f) for f in (a.name, *a.aliases)} for a in vocab.actors}
    country_words = _country_words(vocab)
    vocab_roles = {a.id: a.role for a in vocab.actors if a.role}
    result = Scores()
    for briefing in sorted(briefings, key=lambda b: b.source.file):
        name = briefing.source.file.rsplit("/", 1)[-1]
        gold = labels.get(name)
        if gold is None:
            continue
        result.seeds += 1
        if briefing.primary_country == gold["primary_country"]:
            result.primary_right += 1
        else:
            result.misses.append(f"{name}: primary {briefing.primary_country} != {gold['primary_country']}")
        if briefing.region == gold["region"]:
            result.region_right += 1
        expected, found = set(gold["countries"]), set(briefing.countries)
        result.countries.true_positive += len(expected & found)
        result.countries.false_positive += len(found - expected)
        result.countries.false_negative += len(expected - found)
        if expected != found:
            result.misses.append(
                f"{name}: countries missing {sorted(expected - found)} extra {sorted(found - expected)}"
            )
        unmatched = list(briefing.actors)
        for actor in gold.get("actors") or []:
            hit = next((p for p in unmatched if _matches(actor, p, vocab_forms, country_words, vocab_roles)), None)
            if hit is None:
                result.actors.false_negative += 1
                result.misses.append(f"{name}: actor missing {actor['name']} ({actor.get('type')})")
            else:
                result.actors.true_positive += 1
                unmatched.remove(hit)
        result.actors.false_positive += len(unmatched)
        result.misses.extend(f"{name}: actor extra {p.name} ({p.type})" for p in unmatched)
    return result


def table(scores: Scores, title: str) -> str:
    rows = [
        f"{title}: {scores.seeds} seeds",
        "",
        "| field | accuracy | precision | recall | F1 |",
        "| --- | --- | --- | --- | --- |",
        f"| primary_country | {scores.primary_accuracy:.3f} | | | |",
        f"| region | {scores.region_accuracy:.3f} | | | |",
    ]
    for label, counts in (("countries", scores.countries), ("actors", scores.actors)):
        rows.append(f"| {label} | | {counts.precision:.3f} | {counts.recall:.3f} | {counts.f1:.3f} |")
    return "\n".join(rows)
