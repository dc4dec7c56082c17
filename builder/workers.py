"""Run a function over many items on every core, with the results a plain loop would give.

Used for the per-seed work (read, parse, extract), which dominates a large build. Worker
processes are forked, so they inherit the loaded vocabularies instead of rebuilding them;
results come back in the order of the items, so the output never depends on timing. Small
jobs, one-core machines, platforms without fork, and processes that already run threads
(`mkdocs serve`: forking a threaded process can deadlock) use the plain loop.
`BRIEFINGS_WORKERS=1` forces the plain loop, `BRIEFINGS_WORKERS=N` sets the number of processes.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 200  # below this, starting processes costs more than it saves
CHUNKS_PER_WORKER = 8  # smaller chunks even out uneven seeds and move the progress bar

_task: Callable[[object], object] | None = None  # the function, inherited by forked workers


def _run_chunk(items: Sequence[object]) -> list[object]:
    assert _task is not None
    return [_task(item) for item in items]


def worker_count(items: int, *, large: bool | None = None) -> int:
    """How many processes to use for `items` items (1: the plain loop).

    `large` says whether the job is worth processes; by default, whether there are MIN_ITEMS items.
    """
    wanted = os.environ.get("BRIEFINGS_WORKERS", "")
    if wanted.isdigit() and int(wanted) >= 1:
        cores = int(wanted)
    else:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        if not (items >= MIN_ITEMS if large is None else large):
            return 1
    if cores < 2 or "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return 1
    return min(cores, items)


def map_all(
    function: Callable[[T], R], items: Sequence[T], *, progress: str | None = None, large: bool | None = None
) -> list[R]:
    """[function(item) for item in items], spread over processes when that pays (see worker_count)."""
    workers = worker_count(len(items), large=large)
    bar = _bar(len(items), progress)
    if workers == 1:
        results = []
        for item in items:
            results.append(function(item))
            bar.update()
        bar.close()
        return results
    global _task
    _task = function  # type: ignore[assignment]
    size = max(1, len(items) // (workers * CHUNKS_PER_WORKER))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    gathered: list[object] = []
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for done in pool.imap(_run_chunk, chunks):  # in order, whatever finishes first
                gathered.extend(done)
                bar.update(len(done))
    finally:
        _task = None
        bar.close()
    return gathered  # type: ignore[return-value]


class _Bar(Protocol):
    def update(self, n: float | None = 1) -> bool | None: ...

    def close(self) -> None: ...


class _NoBar:
    """The progress bar when none is shown."""

    def update(self, n: float | None = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _bar(total: int, progress: str | None) -> _Bar:
    """A progress bar titled `progress`; tqdm is imported only to show one (it takes a few ms)."""
    if progress is None:
        return _NoBar()
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # its monitor thread would make this process "threaded": no processes
    return tqdm(total=total, desc=progress, unit="seed", leave=False)  # type: ignore[no-any-return]
