"""A reviewer's report of seeds, in Markdown: what the builder reads from each. Pure.

`briefings check --format markdown` prints it; CI posts it to a pull request's job summary,
so a reviewer sees the extracted metadata without building the site. Seed text is
escaped: the summary is rendered as Markdown by the code host.
"""

from __future__ import annotations

from .errors import Severity
from .markup import md_text
from .model import type_label
from .pipeline import Result
from .render import human_date


def review_report(result: Result) -> str:
    errors = sum(p.severity is Severity.ERROR for p in result.problems)
    warnings = len(result.problems) - errors
    lines = [
        "## Seeds in this change",
        "",
        f"{len(result.briefings)} seeds read, {errors} errors, {warnings} warnings.",
        "",
    ]
    if result.problems:
        lines += ["### Problems", ""]
        lines += [f"- {'❌' if p.severity is Severity.ERROR else '⚠️'} {md_text(str(p))}" for p in result.problems]
        lines.append("")
    for briefing in sorted(result.briefings, key=lambda b: b.source.file):
        country = result.catalog.country_name(briefing.primary_country) if briefing.primary_country else "none found"
        actors = ", ".join(f"{a.name} ({type_label(a.type)})" for a in briefing.actors) or "none found"
        tags = ", ".join(result.catalog.tags.get(t, (t, ""))[0] for t in briefing.tags) or "none found"
        lines += [
            f"### {md_text(briefing.title)}",
            "",
            "| field | value |",
            "| --- | --- |",
            f"| seed | {md_text(briefing.source.file)} (id {briefing.id}) |",
            f"| date | {human_date(briefing.date)} |",
            f"| primary country | {md_text(country)} |",
            f"| region | {md_text(briefing.region or 'none found')} |",
            f"| actors | {md_text(actors)} |",
            f"| tags | {md_text(tags)} |",
            f"| words | {briefing.words} |",
            "",
        ]
    return "\n".join(lines)
