"""The build, end to end: seeds/ -> briefings -> generated tree -> docs/.

Shared by the CLI and the MkDocs hook, so both always build the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from . import gcpause, stamp
from .duplicates import Signature, find_duplicates, signature
from .errors import BriefingError, Problem, Severity
from .extract import Candidate, Extractor
from .model import Briefing, type_label
from .render import Catalog
from .seeds import discover, load_deriving
from .settings import Settings, load_settings
from .site import GENERATED_ROOTS, assign_slugs, base_slug, generate_jobs
from .vocab import Vocabulary, load_vocabulary
from .workers import MIN_ITEMS
from .write import Changes, sync_jobs


@dataclass
class Result:
    settings: Settings
    briefings: list[Briefing] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    changes: Changes | None = None  # None: nothing was written
    reused: int | None = None  # nothing to do: the number of briefings the last build made
    catalog: Catalog = field(default_factory=Catalog)
    vocabulary: Vocabulary | None = None  # None when the vocabularies could not be read

    @property
    def count(self) -> int:
        """How many briefings the archive has (also when the build had nothing to do)."""
        return len(self.briefings) if self.reused is None else self.reused

    @property
    def ok(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)


def check(
    root: Path,
    paths: list[Path] | None = None,
    *,
    progress: bool = False,
    with_candidates: bool = False,
    for_build: bool = False,
) -> Result:
    """Read and validate seeds (all of seeds/, or the paths given) without writing anything.

    The same text twice is an error; for a build it is a warning and only the smaller id is kept.
    """
    try:
        settings = load_settings(root)
    except BriefingError as error:
        return Result(Settings(), problems=list(error.problems))
    problems: list[Problem] = []
    if paths is None:
        paths, problems = discover(root / settings.seeds_dir)
    vocab: Vocabulary | None = None
    try:
        vocab = load_vocabulary(root)
    except BriefingError as error:
        problems += error.problems
    extract = partial(_extract, Extractor(vocab), root, with_candidates) if vocab is not None else None
    loaded, derived = load_deriving(paths, root, _derive, progress=progress, then=extract)
    problems += loaded.problems
    identical, near = find_duplicates(loaded.briefings, [signed for signed, _ in derived])
    severity = Severity.WARNING if for_build else Severity.ERROR
    for pair in identical:
        kept, other = pair.kept.source.file, pair.other.source.file
        note = f"; only {kept} is built" if for_build else ""
        problems.append(
            Problem(other, 1, f"the same text as {kept} (once spaces and quotes are normalised){note}", severity)
        )
    for pair in near:
        message = (
            f"nearly the same text as {pair.kept.source.file} ({pair.similarity:.0%} of its 5-word sequences): "
            "the same story twice?"
        )
        problems.append(Problem(pair.other.source.file, 1, message, Severity.WARNING))
    briefings, slugs = loaded.briefings, [slug for _, slug in derived]
    if for_build:
        dropped = {pair.other.id for pair in identical}
        keep = [i for i, b in enumerate(briefings) if b.id not in dropped]
        briefings, slugs = [briefings[i] for i in keep], [slugs[i] for i in keep]
    if vocab is None:
        return Result(settings, briefings, sorted(problems))
    catalog = Catalog(
        countries={c.iso3: c.name for c in vocab.countries.values()},
        paths={c.iso3: c.m49 for c in vocab.countries.values()},
        tags={t.id: (t.name, t.description) for t in vocab.tags},
        analyst={r.name: (r.description, ", ".join(sorted(r.members)), r.source) for r in vocab.regions},
    )
    if not any(p.severity is Severity.ERROR for p in problems):
        briefings = assign_slugs(briefings, slugs)
    return Result(settings, briefings, sorted(problems), catalog=catalog, vocabulary=vocab)


def _extract(
    extractor: Extractor, root: Path, with_candidates: bool, briefing: Briefing
) -> tuple[Briefing, list[Problem]]:
    extracted, candidates = extractor.extract(briefing)
    warnings = _candidate_warnings(root, briefing.source.file, candidates) if with_candidates else []
    return extracted, warnings


def _derive(briefing: Briefing) -> tuple[Signature, str]:
    """What the duplicate check and the slugs need of a briefing: worked out in the worker that read it."""
    return signature(briefing), base_slug(briefing)


def _candidate_warnings(root: Path, seed_file: str, candidates: list[Candidate]) -> list[Problem]:
    """Actors found in a seed but missing from vocab/actors.yml, for curators to add."""
    try:
        lines = (root / seed_file).read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        lines = []
    warnings = []
    for candidate in candidates:
        line = next((i for i, text in enumerate(lines, 1) if candidate.name in text), 1)
        message = (
            f"actor not in vocab/actors.yml: {candidate.name!r} ({type_label(candidate.type)}? {candidate.evidence})"
        )
        warnings.append(Problem(seed_file, line, message, Severity.WARNING))
    return warnings


def build(root: Path, *, progress: bool = False) -> Result:
    """Validate every seed; only if all are valid, bring docs/ up to date.

    Nothing is read or generated again when the inputs and docs/ are as the last build left
    them (builder/stamp.py): its problems are reported again and nothing is written."""
    try:
        settings = load_settings(root)
    except BriefingError:
        return check(root, progress=progress, for_build=True)  # which reports the settings' problems
    docs = root / settings.docs_dir
    key = stamp.fingerprint(root, settings, stamp.input_files(root, settings.seeds_dir))
    last = stamp.unchanged(root, key, stamp.outputs(docs, GENERATED_ROOTS))
    if last is not None:
        count, problems = last
        return Result(settings, problems=problems, changes=Changes(), reused=count)
    # A build makes hundreds of thousands of objects that live to its end (vocabularies, briefings,
    # pages) and few reference cycles: the cyclic collector would walk them again and again for nothing.
    with gcpause.paused():
        result = check(root, progress=progress, for_build=True)
        if result.ok:
            jobs = generate_jobs(result.briefings, result.settings, result.catalog)
            result.changes = sync_jobs(docs, jobs, GENERATED_ROOTS, large=len(result.briefings) >= MIN_ITEMS)
            stamp.save(root, key, result.changes.files, len(result.briefings), result.problems)
        else:
            stamp.forget(root)
    return result


def source_date_epoch(briefings: list[Briefing]) -> int:
    """SOURCE_DATE_EPOCH for a reproducible site: the newest instant the seeds name."""
    moments = [b.updated or b.date for b in briefings] + [b.date for b in briefings]
    return int(max(moments).timestamp()) if moments else 0
