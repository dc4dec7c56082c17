"""Write the generated tree into docs/: only what changed, each file atomically. The I/O edge.

Only files whose bytes differ are rewritten (so `mkdocs serve`, which watches docs/,
does not rebuild in a loop), stale generated files are removed, and files outside the
generated roots are never touched. The whole tree is computed before anything is
written, so a seed error never leaves a half-built docs/.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Changes:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def sync_tree(docs: Path, tree: dict[str, str], roots: tuple[str, ...]) -> Changes:
    for relative in tree:
        if not any(relative == root or relative.startswith(root + "/") for root in roots):
            raise ValueError(f"{relative} is outside the generated roots {roots}")
    changes = Changes()
    existing = {relative for root in roots for relative in _existing(docs, root)}
    made: set[Path] = set()  # folders known to exist, so each is created (or checked) once
    for relative, text in tree.items():
        target = docs / relative
        data = text.encode("utf-8")
        if relative in existing:  # known from one walk of the tree: no stat per file
            if target.read_bytes() == data:
                changes.unchanged += 1
                continue
            write_atomic(target, data)
        else:  # a new file: nobody can be reading a half of it
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            target.write_bytes(data)
        changes.written.append(relative)
    for relative in sorted(existing - tree.keys()):
        (docs / relative).unlink()
        changes.removed.append(relative)
    if changes.removed:
        for root in roots:
            _remove_empty_dirs(docs / root)
    return changes


def write_atomic(target: Path, data: bytes) -> None:
    """Write beside the target, then rename over it: readers see the old file or the new one."""
    temporary = target.with_name(f".tmp-{os.getpid()}-{target.name}")
    try:
        temporary.write_bytes(data)
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _existing(docs: Path, root: str) -> list[str]:
    """The files under docs/root (or docs/root itself), as paths relative to docs/."""
    top = docs / root
    if top.is_file():
        return [root]
    found: list[str] = []
    for folder, _, files in os.walk(top):
        relative = os.path.relpath(folder, docs).replace(os.sep, "/")
        found.extend(f"{relative}/{name}" for name in files)
    return found


def _remove_empty_dirs(path: Path) -> None:
    if not path.is_dir():
        return
    for directory in sorted((p for p in path.rglob("*") if p.is_dir()), reverse=True):
        if not any(directory.iterdir()):
            directory.rmdir()
    if not any(path.iterdir()):
        path.rmdir()
