"""Benchmark extraction: start-up (vocabularies, gazetteer, automata) and time per seed.

    .venv/bin/python scripts/bench_extract.py [--repeat N]

Reads the labelled seeds of tests/fixtures/ and seeds/, and reports the best and the median
of N runs on one core (this machine's timings vary run to run: the best is the cost, the
median what a busy machine sees). Figures go in the issue notes, not in a timed test.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    started = time.perf_counter()
    from builder.extract import Extractor
    from builder.vocab import load_vocabulary

    imported = time.perf_counter()
    vocab = load_vocabulary(ROOT)
    loaded = time.perf_counter()
    extractor = Extractor(vocab)
    built = time.perf_counter()

    from builder.pipeline import check

    seeds = sorted((ROOT / "tests" / "fixtures").glob("*/*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    briefings = check(ROOT, seeds).briefings
    chars = sum(len(b.title) + sum(map(len, b.paragraphs)) for b in briefings)
    per_seed = []
    for _ in range(args.repeat):
        re.purge()  # a real build meets each article once: no pattern compiled for it may be cached
        t0 = time.perf_counter()
        for briefing in briefings:
            extractor.extract(briefing)
        per_seed.append((time.perf_counter() - t0) / len(briefings))
    print(f"seeds: {len(briefings)} (mean {chars / len(briefings):,.0f} characters)")
    print(f"start-up: {built - started:.3f} s (imports {imported - started:.3f}, vocabularies {loaded - imported:.3f},")
    print(f"          automata {built - loaded:.3f})")
    with tempfile.TemporaryDirectory() as cache:  # fresh processes: no vocabulary parsed yet, then cached
        cold = min(_startup(cache, fresh=True) for _ in range(args.repeat))
        warm = min(_startup(cache, fresh=False) for _ in range(args.repeat))
    print(f"start-up in a fresh process, best of {args.repeat}: {warm:.3f} s (vocabularies cached), {cold:.3f} s (not)")
    best, median = min(per_seed) * 1000, statistics.median(per_seed) * 1000
    print(f"extraction: {best:.2f} ms per seed at best, {median:.2f} median ({args.repeat} runs)")
    return 0


_STARTUP = (
    "import time; started = time.perf_counter()\n"
    "from pathlib import Path\n"
    "from builder.extract import Extractor\n"
    "from builder.vocab import load_vocabulary\n"
    "Extractor(load_vocabulary(Path(%r)))\n"
    "print(time.perf_counter() - started)"
)


def _startup(cache: str, *, fresh: bool) -> float:
    """Seconds from the first import to a ready extractor, in a new process using `cache`."""
    if fresh:
        shutil.rmtree(Path(cache) / "briefings", ignore_errors=True)
    env = {**os.environ, "XDG_CACHE_HOME": cache}
    run = subprocess.run([sys.executable, "-c", _STARTUP % str(ROOT)], env=env, check=True, capture_output=True)
    return float(run.stdout)


if __name__ == "__main__":
    sys.exit(main())
