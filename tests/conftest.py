"""Shared helpers: a throwaway project folder, real MkDocs builds, golden files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
REAL_SEED = REPO / "seeds" / "000_00d956f6f0240c4d.txt"
HAND_WRITTEN = ("about.md", "assets")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def make_project(root: Path) -> Path:
    """A copy of this project's configuration and hand-written pages, with an empty seeds/."""
    root.mkdir(parents=True, exist_ok=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = (REPO / "builder").as_posix() + "/"  # the hooks are this repository's files
    (root / "mkdocs.yml").write_text(config.replace("  - builder/", f"  - {hooks}"), encoding="utf-8")
    shutil.copy(REPO / "archive.yml", root / "archive.yml")
    shutil.copytree(REPO / "vocab", root / "vocab")
    shutil.copytree(REPO / "overrides", root / "overrides")
    (root / "docs").mkdir()
    for name in HAND_WRITTEN:
        source = REPO / "docs" / name
        if source.is_dir():
            shutil.copytree(source, root / "docs" / name)
        else:
            shutil.copy(source, root / "docs" / name)
    (root / "seeds").mkdir()
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real `briefings` command, as a user runs it, in `root`."""
    return subprocess.run(
        [sys.executable, "-m", "builder", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "CI": "true"},
        check=False,
    )


def mkdocs_build(root: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """A real `mkdocs build --strict` of the project in `root`."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        check=False,
    )


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
