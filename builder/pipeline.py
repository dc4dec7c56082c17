"""The build, end to end: seeds/ -> briefings -> generated tree -> docs/.

Shared by the CLI and the MkDocs hook, so both always build the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import BriefingError, Problem, Severity
from .model import Briefing
from .seeds import discover, load
from .settings import Settings, load_settings
from .site import GENERATED_ROOTS, assign_slugs, generate
from .write import Changes, sync_tree


@dataclass
class Result:
    settings: Settings
    briefings: list[Briefing] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    changes: Changes | None = None  # None: nothing was written

    @property
    def ok(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)


def check(root: Path, paths: list[Path] | None = None, *, progress: bool = False) -> Result:
    """Read and validate seeds (all of seeds/, or the paths given) without writing anything."""
    try:
        settings = load_settings(root)
    except BriefingError as error:
        return Result(Settings(), problems=list(error.problems))
    problems: list[Problem] = []
    if paths is None:
        paths, problems = discover(root / settings.seeds_dir)
    loaded = load(paths, root, progress=progress)
    briefings = assign_slugs(loaded.briefings) if not loaded.errors else loaded.briefings
    return Result(settings, briefings, sorted(problems + loaded.problems))


def build(root: Path, *, progress: bool = False) -> Result:
    """Validate every seed; only if all are valid, bring docs/ up to date."""
    result = check(root, progress=progress)
    if result.ok:
        tree = generate(result.briefings, result.settings)
        result.changes = sync_tree(root / result.settings.docs_dir, tree, GENERATED_ROOTS)
    return result


def source_date_epoch(briefings: list[Briefing]) -> int:
    """SOURCE_DATE_EPOCH for a reproducible site: the newest instant the seeds name."""
    moments = [b.updated or b.date for b in briefings] + [b.date for b in briefings]
    return int(max(moments).timestamp()) if moments else 0
