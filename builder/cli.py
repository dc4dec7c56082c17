"""The `briefings` command: a thin adapter over the pipeline. Stable interface:

briefings build              seeds/ -> generated pages in docs/
briefings check [PATH...]    validate seeds, print every problem, exit 1 on an error
briefings extract FILE... --json   one JSON object per seed per line
briefings epoch              SOURCE_DATE_EPOCH derived from the seeds
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import Problem, Severity
from .pipeline import Result, build, check, source_date_epoch
from .render import metadata
from .report import review_report


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
    return parser


def _progress() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _summary(result: Result) -> str:
    errors = sum(p.severity is Severity.ERROR for p in result.problems)
    warnings = len(result.problems) - errors
    return f"{len(result.briefings)} briefings, {errors} errors, {warnings} warnings"


def _build(args: argparse.Namespace) -> int:
    result = build(args.root, progress=_progress())
    _report(result.problems)
    if result.changes is None:
        print(f"briefings: nothing written: {_summary(result)}", file=sys.stderr)
        return 1
    changes = result.changes
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


def _epoch(args: argparse.Namespace) -> int:
    result = check(args.root)
    if not result.ok:
        _report(result.problems)
        return 1
    print(source_date_epoch(result.briefings))
    return 0
