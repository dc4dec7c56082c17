"""Work spread over processes gives exactly what the plain loop gives.

The parallel runs happen in a fresh interpreter: the test process may already run threads
(from other tests), and a threaded process rightly never forks.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from builder import workers
from builder.pipeline import check
from builder.settings import Settings
from builder.site import generate

from .conftest import REAL_SEED, REPO, make_project, run_cli, tree_bytes

DEVSET = REPO / "tests" / "fixtures" / "devset"

_BUILD = """
import json, os, sys, time
from pathlib import Path
from builder import workers
from builder.pipeline import check
from builder.settings import Settings
from builder.site import generate
assert workers.worker_count(100) == 2, "the parallel path is not taken"
pids = {p for _, p in workers.map_all(lambda n: (time.sleep(0.05), os.getpid()), range(20))}
assert len(pids) == 2 and os.getpid() not in pids, pids
result = check(Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]], for_build=True)
tree = generate(result.briefings, Settings(site_url="https://example.org/archive/"), result.catalog)
print(json.dumps({"problems": list(map(str, result.problems)), "tree": tree}))
"""


def test_a_parallel_build_is_the_serial_build(monkeypatch: pytest.MonkeyPatch) -> None:
    seeds: list[Path] = [REAL_SEED, *sorted(DEVSET.glob("*.txt"))]
    monkeypatch.setenv("BRIEFINGS_WORKERS", "1")
    result = check(REPO, seeds, for_build=True)
    assert result.ok, result.problems
    tree = generate(result.briefings, Settings(site_url="https://example.org/archive/"), result.catalog)
    serial = {"problems": list(map(str, result.problems)), "tree": tree}  # the output: every page, every message
    parallel = subprocess.run(
        [sys.executable, "-c", _BUILD, str(REPO), *map(str, seeds)],
        env={**os.environ, "BRIEFINGS_WORKERS": "2"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert parallel.returncode == 0, parallel.stderr
    assert json.loads(parallel.stdout) == serial


def test_small_jobs_and_threaded_processes_use_the_plain_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFINGS_WORKERS", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1}, raising=False)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert workers.worker_count(workers.MIN_ITEMS - 1) == 1
    assert workers.worker_count(workers.MIN_ITEMS) == 2
    assert workers.worker_count(5, large=True) == 2
    monkeypatch.setenv("BRIEFINGS_WORKERS", "1")
    assert workers.worker_count(10_000) == 1
    monkeypatch.undo()
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert workers.worker_count(10_000) == 1  # forking a threaded process can deadlock
        assert workers.map_all(lambda n: n + 1, range(300)) == list(range(1, 301))
    finally:
        stop.set()
        thread.join()


_SYNC = """
import json, os, sys, time
from functools import partial
from pathlib import Path
from builder import workers
from builder.write import sync_jobs
assert workers.worker_count(100) == 2, "the parallel path is not taken"
def job(number):
    time.sleep(0.05)
    return {f"tags/{number}/index.md": str(os.getpid())}
changes = sync_jobs(Path(sys.argv[1]), [partial(job, n) for n in range(12)], ("tags",), large=True)
pids = {(Path(sys.argv[1]) / path).read_text() for path in changes.files}
print(json.dumps({"pids": sorted(pids), "main": str(os.getpid()), "written": changes.written}))
"""


def test_each_part_is_written_by_the_worker_that_made_it(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-c", _SYNC, str(tmp_path)],
        env={**os.environ, "BRIEFINGS_WORKERS": "2"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    done = json.loads(run.stdout)
    assert len(done["pids"]) == 2 and done["main"] not in done["pids"]
    assert done["written"] == sorted(f"tags/{n}/index.md" for n in range(12))


def test_a_parallel_build_writes_the_docs_of_a_serial_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = {}
    for workers_wanted in ("1", "2"):
        root = make_project(tmp_path / workers_wanted)
        for seed in [REAL_SEED, *sorted(DEVSET.glob("*.txt"))]:
            shutil.copy(seed, root / "seeds" / seed.name)
        monkeypatch.setenv("BRIEFINGS_WORKERS", workers_wanted)
        run = run_cli(root, "build")
        assert run.returncode == 0, run.stderr
        built[workers_wanted] = (run.stderr, tree_bytes(root / "docs"))
    assert built["1"] == built["2"]
    assert "files written, 0 removed, 0 unchanged" in built["2"][0]
