"""The `briefings` command: a thin adapter over the pipeline. Stable interface:

briefings build              seeds/ -> generated pages in docs/
briefings check [PATH...]    validate seeds, print every problem, exit 1 on an error
briefings extract FILE... --json   one JSON object per seed per line
briefings epoch              SOURCE_DATE_EPOCH derived from the seeds
briefings new --title T --date D [--text X]   scaffold a seed (never overwrites one)
briefings vocab --unused     vocabulary entries that no seed uses
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import BriefingError, Problem, Severity
from .overrides import Invalid, parse_moment, web_url
from .pipeline import Result, build, check, source_date_epoch
from .render import metadata
from .report import review_report
from .scaffold import new_seed
from .seeds import discover, load
from .settings import load_settings


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except Exception as error:  # an unexpected failure: short message unless --debug
        if args.debug:
            raise
        print(f"briefings: internal error: {error!r} (run again with --debug for a traceback)", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefings", description="Build the briefing archive from seeds/.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--root", type=Path, default=Path(), help="project folder (default: .)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    build_cmd = commands.add_parser("build", help="turn seeds/ into briefing pages under docs/")
    build_cmd.set_defaults(run=_build)

    check_cmd = commands.add_parser("check", help="validate seeds and print every problem")
    check_cmd.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="seed files (default: all of seeds/)")
    check_cmd.add_argument(
        "--format",
        choices=("text", "markdown"),
        default="text",
        help="markdown: also print a reviewer's report of each seed's metadata on standard output",
    )
    check_cmd.set_defaults(run=_check)

    extract = commands.add_parser("extract", help="print what the builder reads from seed files")
    extract.add_argument("paths", nargs="+", type=Path, metavar="FILE")
    extract.add_argument("--json", action="store_true", help="JSON Lines: one object per seed")
    extract.set_defaults(run=_extract)

    epoch = commands.add_parser("epoch", help="print SOURCE_DATE_EPOCH for a reproducible site")
    epoch.set_defaults(run=_epoch)

    new = commands.add_parser("new", help="write a new seed into seeds/ from a title, a date and a text")
    new.add_argument("--title", required=True)
    new.add_argument("--date", required=True, help="ISO 8601 with a zone, or RFC 2822")
    new.add_argument("--text", help="the article (paragraphs separated by blank lines); default: standard input")
    new.add_argument("--source-name", help="agency or outlet")
    new.add_argument("--source-url", help="original article (http or https)")
    new.add_argument("--rights", help="licence or terms of the text")
    new.add_argument("--markdown", action="store_true", help="write a Markdown seed with front matter")
    new.set_defaults(run=_new)

    vocab = commands.add_parser("vocab", help="report on the vocabularies")
    vocab.add_argument("--unused", action="store_true", help="list actors and tags that no seed uses")
    vocab.set_defaults(run=_vocab)
    return parser


def _progress() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _summary(result: Result) -> str:
    errors = sum(p.severity is Severity.ERROR for p in result.problems)
    warnings = len(result.problems) - errors
    return f"{result.count} briefings, {errors} errors, {warnings} warnings"


def _build(args: argparse.Namespace) -> int:
    result = build(args.root, progress=_progress())
    _report(result.problems)
    if result.changes is None:
        print(f"briefings: nothing written: {_summary(result)}", file=sys.stderr)
        return 1
    changes = result.changes
    if result.reused is not None:
        print(f"briefings: {_summary(result)}; nothing changed since the last build", file=sys.stderr)
        return 0
    print(
        f"briefings: {_summary(result)}; {len(changes.written)} files written, "
        f"{len(changes.removed)} removed, {changes.unchanged} unchanged",
        file=sys.stderr,
    )
    return 0


def _check(args: argparse.Namespace) -> int:
    result = check(args.root, args.paths or None, progress=_progress(), with_candidates=True)
    _report(result.problems)
    print(f"briefings: {_summary(result)}", file=sys.stderr)
    if args.format == "markdown":
        print(review_report(result))
    return 0 if result.ok else 1


def _extract(args: argparse.Namespace) -> int:
    result = check(args.root, args.paths)
    _report(result.problems)
    for briefing in sorted(result.briefings, key=lambda b: b.source.file):
        record = metadata(briefing, result.settings) | {"paragraphs": list(briefing.paragraphs)}
        if args.json:
            print(json.dumps(record, ensure_ascii=False))
        else:
            count = len(briefing.paragraphs)
            print(f"{briefing.source.file}: {record['date']} {briefing.title} ({count} paragraphs)")
    return 0 if result.ok else 1


def _new(args: argparse.Namespace) -> int:
    seeds = args.root / load_settings(args.root).seeds_dir
    text = args.text if args.text is not None else sys.stdin.read()
    try:
        moment = parse_moment(args.date)
        source_url = web_url(args.source_url) if args.source_url else None
        seed = new_seed(
            args.title,
            moment,
            text,
            sorted(p.name for p in seeds.glob("*")) if seeds.is_dir() else [],
            markdown=args.markdown,
            source_name=args.source_name,
            source_url=source_url,
            rights=args.rights,
        )
    except Invalid as error:
        print(f"briefings: {error}", file=sys.stderr)
        return 1
    except BriefingError as error:
        _report(list(error.problems))
        return 1
    seed_id = seed.name.split("_", 1)[1].split(".")[0]
    same = sorted(seeds.glob(f"*_{seed_id}.*"))
    if same:
        print(f"briefings: {same[0].as_posix()} holds the same text already (id {seed_id})", file=sys.stderr)
        return 1
    seeds.mkdir(parents=True, exist_ok=True)
    written = [(seeds / seed.name, seed.text)]
    if seed.sidecar:
        written.append((seeds / f"{seed.name}.yml", seed.sidecar))
    for path, content in written:
        try:
            with path.open("x", encoding="utf-8", newline="\n") as stream:  # never overwrite
                stream.write(content)
        except FileExistsError:
            print(f"briefings: {path} exists already: nothing overwritten", file=sys.stderr)
            return 1
        print(path.as_posix())
    return 0


def _checked(root: Path) -> Result | None:
    """All seeds read and valid, or None once the problems are reported."""
    result = check(root)
    if result.ok and result.vocabulary is not None:
        return result
    _report(result.problems)
    return None


def _vocab(args: argparse.Namespace) -> int:
    result = _checked(args.root)
    if result is None or result.vocabulary is None:
        return 1
    vocabulary = result.vocabulary
    used_actors = {a.id for b in result.briefings for a in b.actors}
    used_tags = {t for b in result.briefings for t in b.tags}
    if args.unused:
        for actor in vocabulary.actors:
            if actor.id not in used_actors:
                print(f"actor {actor.id}: {actor.name}")
        for tag in vocabulary.tags:
            if tag.id not in used_tags:
                print(f"tag {tag.id}: {tag.name}")
    print(
        f"briefings: {len(vocabulary.actors)} actors ({len(used_actors & {a.id for a in vocabulary.actors})} used), "
        f"{len(vocabulary.tags)} tags ({len(used_tags)} used)",
        file=sys.stderr,
    )
    return 0


def _epoch(args: argparse.Namespace) -> int:
    """Dates need the seeds read, not their metadata extracted: the build reports the rest."""
    try:
        settings = load_settings(args.root)
    except BriefingError as error:
        _report(list(error.problems))
        return 1
    paths, problems = discover(args.root / settings.seeds_dir)
    loaded = load(paths, args.root)
    problems += loaded.problems
    if any(p.severity is Severity.ERROR for p in problems):
        _report(problems)
        return 1
    print(source_date_epoch(loaded.briefings))
    return 0
