"""Find and read seed files, decode them strictly, and report every problem. The I/O edge.

Seeds are only ever read: nothing here (or anywhere in the builder) writes to seeds/.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import TypeVar

from .briefing import from_markdown, from_raw
from .errors import BriefingError, Problem, Severity
from .model import Briefing
from .workers import map_all

MAX_SEED_BYTES = 256 * 1024  # a long wire story is ~20 KB; anything this big is a mistake
SEED_SUFFIXES = (".txt", ".md")
SIDECAR_SUFFIX = ".yml"  # seeds/<seed file name>.yml overrides a raw seed's metadata
_BAD_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")


D = TypeVar("D")


@dataclass
class Loaded:
    briefings: list[Briefing] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]


def display_path(path: Path, root: Path) -> str:
    """seeds/x.txt when the file is below the project root, else the path as given."""
    if path.is_absolute() == root.is_absolute() and path.is_relative_to(root) and ".." not in path.parts:
        return path.relative_to(root).as_posix()  # the usual case, without a system call
    try:
        return path.resolve().relative_to(_resolved(root)).as_posix()
    except ValueError:
        return path.as_posix()


@lru_cache(maxsize=8)
def _resolved(root: Path) -> Path:
    return root.resolve()


def decode(data: bytes, path: str) -> str:
    """Strict UTF-8 -> text with LF endings. A BOM and CRLF are accepted, nothing else odd."""
    if len(data) > MAX_SEED_BYTES:
        raise BriefingError(
            [Problem(path, 1, f"the file is {len(data):,} bytes; seeds are limited to {MAX_SEED_BYTES:,}")]
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        raise BriefingError(
            [Problem(path, line, f"not UTF-8: byte 0x{byte:02x} at byte offset {error.start} ({error.reason})")]
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    problems = [
        Problem(path, text.count("\n", 0, m.start()) + 1, f"control character U+{ord(m.group()):04X} in the text")
        for m in _BAD_CHARACTER.finditer(text)
    ]
    if problems:
        raise BriefingError(problems[:10])
    return text


def discover(seeds_dir: Path) -> tuple[list[Path], list[Problem]]:
    """Every seed file below seeds_dir, sorted; stray files are warned about."""
    seeds: list[Path] = []
    problems: list[Problem] = []
    root = seeds_dir.parent
    for path in sorted(seeds_dir.rglob("*")):
        if not path.is_file() or path.name.startswith("."):
            continue
        if path.suffix in SEED_SUFFIXES:
            seeds.append(path)
        elif path.suffix == SIDECAR_SUFFIX:
            seed = path.with_suffix("")
            if seed.suffix != ".txt" or not seed.is_file():
                problems.append(
                    Problem(display_path(path, root), 1, f"override file for {seed.name}, which is not a raw seed here")
                )
        elif path.name not in ("README.md", "README"):
            problems.append(
                Problem(
                    display_path(path, root), 1, "not a seed (.txt or .md) nor an override (.txt.yml)", Severity.WARNING
                )
            )
    return seeds, problems


def read_seed(path: Path, root: Path) -> tuple[Briefing, list[Problem]]:
    """One seed file (and its sidecar) -> (Briefing, warnings); BriefingError if unusable."""
    name = display_path(path, root)
    text = decode(path.read_bytes(), name)
    if path.suffix == ".md":
        return from_markdown(text, name)
    sidecar_path = path.with_name(path.name + SIDECAR_SUFFIX)
    sidecar = None
    if sidecar_path.is_file():
        sidecar_name = display_path(sidecar_path, root)
        sidecar = (sidecar_name, decode(sidecar_path.read_bytes(), sidecar_name))
    return from_raw(text, name, sidecar), []


Transform = Callable[[Briefing], tuple[Briefing, list[Problem]]]


def load(paths: Iterable[Path], root: Path, *, progress: bool = False, then: Transform | None = None) -> Loaded:
    """Read every seed, collecting all problems; ids must be unique across the set.

    `then` (extraction) runs on each briefing right after it is read, in the same worker process.
    """
    return load_deriving(paths, root, _nothing, progress=progress, then=then)[0]


def load_deriving(
    paths: Iterable[Path],
    root: Path,
    derive: Callable[[Briefing], D],
    *,
    progress: bool = False,
    then: Transform | None = None,
) -> tuple[Loaded, list[D]]:
    """load, and `derive` of each briefing (same order), worked out in the worker that read it
    (after `then`): what later stages need of each briefing, made on every core."""
    loaded, derived = Loaded(), []
    reader = partial(_read_one, root=root, then=then, derive=derive)
    for briefing, problems, made in map_all(reader, list(paths), progress="seeds" if progress else None):
        if briefing is not None:
            loaded.briefings.append(briefing)
            derived.append(made)
        loaded.problems.extend(problems)
    loaded.problems.extend(duplicate_ids(loaded.briefings))
    loaded.problems.sort()
    return loaded, derived  # type: ignore[return-value]  # made is derive's whenever there is a briefing


def _nothing(briefing: Briefing) -> None:
    return None


def _read_one(
    path: Path, *, root: Path, then: Transform | None, derive: Callable[[Briefing], D]
) -> tuple[Briefing | None, list[Problem], D | None]:
    try:
        briefing, warnings = read_seed(path, root)
    except BriefingError as error:
        return None, list(error.problems), None
    except OSError as error:
        return None, [Problem(display_path(path, root), 1, f"cannot read: {error.strerror}")], None
    if then is not None:
        briefing, more = then(briefing)
        warnings = warnings + more
    return briefing, warnings, derive(briefing)


def duplicate_ids(briefings: list[Briefing]) -> list[Problem]:
    first: dict[str, str] = {}
    problems = []
    for briefing in sorted(briefings, key=lambda b: b.source.file):
        other = first.setdefault(briefing.id, briefing.source.file)
        if other != briefing.source.file:
            problems.append(Problem(briefing.source.file, 1, f"id {briefing.id} is also the id of {other}"))
    return problems
