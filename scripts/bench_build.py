"""Benchmark the build on N synthetic seeds: the builder alone, then the full MkDocs build.

    .venv/bin/python scripts/bench_build.py 1000 10000

For each N it writes N raw seeds (deterministic, from the vocabularies' real names) into two
throwaway projects and reports wall and CPU time (the builder's first build and a rebuild with
nothing changed in one, the full build in the other), peak memory, output size and search index size.
Figures go in the issue notes, not in a timed test.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def seed_text(rng: random.Random, names: dict[str, list[str]], moment: datetime) -> str:
    country, other = rng.sample(names["countries"], 2)
    group, body, person = rng.choice(names["groups"]), rng.choice(names["bodies"]), rng.choice(names["people"])
    title = f"{group} fighters attack positions in {country} as {other} warns of spillover"
    paragraphs = [
        f"Fighters of the {group} attacked army positions in {country} on {DAYS[moment.weekday()]}, "
        f"officials said, in the latest escalation of a conflict that has displaced thousands.",
        f"“We will respond with force,” {person} told reporters, adding that the {body} had been placed on alert.",
        f"Neighbouring {other} closed its border crossings and called for a ceasefire, while aid groups warned "
        f"of shortages of food and medicine in the region.",
        f"The {group} has been blamed for a string of attacks in recent months, including ambushes, "
        f"kidnappings and drone strikes on supply routes.",
        f"Analysts said the violence risked drawing in regional powers. {person} said talks would continue.",
    ]
    stamp = f"{WEEKDAYS[moment.weekday()]}, {moment.day} {MONTHS[moment.month - 1]} {moment.year} {moment:%H:%M:%S} GMT"
    return f"{title}{stamp}\n\n" + "".join(paragraphs)


def make_project(folder: Path, count: int) -> None:
    sys.path.insert(0, str(ROOT))
    from builder.vocab import load_vocabulary

    vocab = load_vocabulary(ROOT)
    names = {
        "countries": sorted(c.name for c in vocab.countries.values() if len(c.m49) >= 2 and "," not in c.name),
        "groups": sorted(a.name for a in vocab.actors if a.type == "armed_group"),
        "bodies": sorted(a.name for a in vocab.actors if a.type == "state_body"),
        "people": sorted(a.name for a in vocab.actors if a.type == "person"),
    }
    for name in ("mkdocs.yml", "archive.yml"):
        shutil.copy(ROOT / name, folder / name)
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    (folder / "mkdocs.yml").write_text(config.replace("  - builder/", f"  - {ROOT / 'builder'}/"), encoding="utf-8")
    shutil.copytree(ROOT / "vocab", folder / "vocab")
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    (folder / "docs").mkdir()
    shutil.copy(ROOT / "docs" / "about.md", folder / "docs" / "about.md")
    shutil.copytree(ROOT / "docs" / "assets", folder / "docs" / "assets")
    seeds = folder / "seeds"
    seeds.mkdir()
    rng = random.Random(count)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    for number in range(count):
        moment = start + timedelta(minutes=rng.randrange(6 * 365 * 24 * 60))
        hex_id = f"{rng.getrandbits(64):016x}"
        (seeds / f"{number:05d}_{hex_id}.txt").write_text(seed_text(rng, names, moment), encoding="utf-8")


# Runs a command and prints its peak memory and CPU time: each measurement gets a fresh process.
_MEASURE = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime)"
)


@dataclass
class Measure:
    wall: float  # seconds
    cpu: float  # seconds of CPU, all processes (more than wall when several cores work)
    peak: float  # MiB, the largest process

    def __str__(self) -> str:
        return f"{self.wall:.1f} s ({self.cpu:.1f} s CPU)"


def timed(command: list[str], folder: Path) -> Measure:
    """Wall and CPU seconds and peak resident memory of a command run in `folder`.

    Pending disk writes (the seeds just written, the previous step's output) are flushed
    first, so that one step's writeback does not stall the next: this machine's disk is
    slow to create files, and its timings vary with what it is still writing.
    """
    os.sync()
    started = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CI": "true"}
    measured = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], cwd=folder, check=True, env=env, capture_output=True, text=True
    )
    wall = time.perf_counter() - started
    peak, cpu = measured.stdout.split()[-2:]
    return Measure(wall, float(cpu), int(peak) / 1024)


def size(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="+", type=int)
    args = parser.parse_args()
    bin_dir = Path(sys.executable).parent
    # as `make site` does: the builder's bytecode is ready (this machine sets PYTHONDONTWRITEBYTECODE)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "builder")], check=True)
    print(
        "| seeds | builder | builder again (no change) | builder peak | full build | full peak "
        "| docs/ | site/ | search index |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    # Nothing is deleted until every figure is taken: on this machine's disk, creating files soon
    # after many were deleted is ten times slower, so each step gets a project of its own, made
    # before any timing, and the full build starts from one the builder never touched.
    with tempfile.TemporaryDirectory() as temporary:
        for count in args.counts:
            alone, full_build = Path(temporary) / f"{count}-builder", Path(temporary) / f"{count}-full"
            for folder in (alone, full_build):
                folder.mkdir()
                make_project(folder, count)
            builder = timed([str(bin_dir / "briefings"), "build"], alone)
            again = timed([str(bin_dir / "briefings"), "build"], alone)
            full = timed([str(bin_dir / "mkdocs"), "build", "--strict"], full_build)
            search = (full_build / "site" / "search" / "search_index.json").stat().st_size / 2**20
            print(
                f"| {count:,} | {builder} | {again} | {builder.peak:.0f} MiB | {full} | {full.peak:.0f} MiB "
                f"| {size(full_build / 'docs'):.1f} MiB | {size(full_build / 'site'):.0f} MiB | {search:.1f} MiB |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
