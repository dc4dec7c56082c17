"""Skip a build whose inputs and outputs are exactly as the last build left them. The I/O edge.

A build records, in .cache/briefings/build.json, a hash of everything its output depends on
(the seeds, the vocabularies, mkdocs.yml and archive.yml, the settings they give, the builder's
own code and library versions) and the size and modification time of every generated file it left in docs/. The
next build with the same hash and the same files on disk has nothing to do: it reports the
recorded problems again and writes nothing. Any change, or any generated file touched or
deleted, means a full build, which brings docs/ back to what the seeds say.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from importlib import metadata
from pathlib import Path
from typing import Any

from .errors import Problem, Severity
from .write import write_atomic

STAMP = Path(".cache") / "briefings" / "build.json"
_CODE = Path(__file__).parent


def fingerprint(root: Path, settings: object, inputs: list[Path]) -> str:
    """A hash of the settings, the builder's code and libraries, and every input file (names and bytes)."""
    digest = hashlib.sha256(repr(settings).encode() + _libraries().encode())
    for path in sorted(_CODE.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for path in sorted(inputs):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _libraries() -> str:
    """The installed versions of the builder's own dependencies (an upgrade may change pages)."""
    try:
        lines = [line for line in metadata.requires("briefings") or [] if "extra ==" not in line]
    except metadata.PackageNotFoundError:
        return "not installed"
    versions = []
    for name in sorted(re.split(r"[\s<>=!~\[;]", line, maxsplit=1)[0] for line in lines):
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=missing")
    return " ".join(versions)


def input_files(root: Path, seeds_dir: str) -> list[Path]:
    """Every file a build reads: seeds (with sidecars), vocabularies, the two settings files."""
    files = [root / name for name in ("mkdocs.yml", "archive.yml") if (root / name).is_file()]
    for folder in (root / seeds_dir, root / "vocab"):
        for parent, _, names in os.walk(folder):
            files.extend(Path(parent) / name for name in names)
    return files


def outputs(docs: Path, roots: tuple[str, ...]) -> dict[str, list[int]]:
    """Each generated file below docs/ -> [size, modification time in ns]."""
    found: dict[str, list[int]] = {}
    for root in roots:
        top = docs / root
        if top.is_file():
            status = top.stat()
            found[root] = [status.st_size, status.st_mtime_ns]
        elif top.is_dir():
            _walk(str(top), root, found)
    return found


def _walk(folder: str, relative: str, found: dict[str, list[int]]) -> None:
    """Add the files below `folder` (whose path below docs/ is `relative`): with os.scandir and
    plain strings, not Path objects, as a large archive has tens of thousands of files."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                _walk(entry.path, f"{relative}/{entry.name}", found)
            else:
                status = entry.stat()
                found[f"{relative}/{entry.name}"] = [status.st_size, status.st_mtime_ns]


def unchanged(root: Path, key: str, now: dict[str, list[int]]) -> tuple[int, list[Problem]] | None:
    """(briefings, problems) of the last build when its hash and outputs are those given, else None."""
    try:
        saved: dict[str, Any] = json.loads((root / STAMP).read_text(encoding="utf-8"))
        if saved["key"] != key or saved["outputs"] != now:
            return None
        problems = [Problem(p, line, message, Severity(severity)) for p, line, message, severity in saved["problems"]]
        return int(saved["briefings"]), problems
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no stamp, or one from another version: build


def save(root: Path, key: str, now: dict[str, list[int]], briefings: int, problems: list[Problem]) -> None:
    record = {
        "key": key,
        "briefings": briefings,
        "problems": [[p.path, p.line, p.message, p.severity.value] for p in problems],
        "outputs": now,
    }
    path = root / STAMP
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(record, sort_keys=True).encode("utf-8"))


def forget(root: Path) -> None:
    (root / STAMP).unlink(missing_ok=True)
