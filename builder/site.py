"""All briefings -> {path below docs/: text} for the whole generated tree. Pure.

Generated pages live only under GENERATED_ROOTS; everything else in docs/ is written by
hand. The writer removes stale files below those roots and never touches anything else.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from slugify import slugify

from .exports import exports
from .indexes import home_page, index_jobs, related_to
from .model import Briefing
from .render import Catalog, permalink_path, render_briefing, render_redirect
from .settings import Settings
from .workers import MIN_ITEMS, map_all

GENERATED_ROOTS = (
    "briefings",
    "b",
    "index.md",
    "feed.xml",
    "tags",
    "timeline",
    "regions",
    "countries",
    "actors",
    "data",
)
MAX_SLUG = 80
PAGES_PER_JOB = 250  # briefing pages per job, so that jobs of similar size share the cores


def base_slug(briefing: Briefing) -> str:
    """A curator's slug, else one made from the title (ASCII, at most 80 characters).

    A long title is cut after its last whole word that fits, never by dropping a word in the middle.
    """
    if briefing.slug:
        return briefing.slug
    return slugify(briefing.title, max_length=MAX_SLUG, word_boundary=True, save_order=True) or briefing.id


def assign_slugs(briefings: list[Briefing], bases: list[str] | None = None) -> list[Briefing]:
    """Unique slugs per UTC day: on a clash, all but the smallest id get `-<6 hex of id>`.

    `bases` are the briefings' base_slug (same order), when already worked out. The result
    depends only on the set of seeds, never on the order they were read in.
    """
    groups: dict[tuple[str, str], list[Briefing]] = defaultdict(list)
    for briefing, base in zip(briefings, bases or map(base_slug, briefings), strict=True):
        groups[(f"{briefing.date:%Y-%m-%d}", base)].append(briefing)
    assigned = []
    for (_, slug), group in groups.items():
        group.sort(key=lambda b: b.id)
        assigned.append(replace(group[0], slug=slug))
        for other in group[1:]:
            suffix = f"-{other.id[:6]}"
            assigned.append(replace(other, slug=slug[: MAX_SLUG - len(suffix)].rstrip("-") + suffix))
    return sorted(assigned, key=lambda b: (b.date, b.id))


def generate(briefings: list[Briefing], settings: Settings, catalog: Catalog | None = None) -> dict[str, str]:
    """The whole generated tree. Briefings must already have their slugs."""
    jobs = generate_jobs(briefings, settings, catalog)
    tree: dict[str, str] = {}
    # Independent parts, side by side on every core for a large archive; merged in a fixed order.
    for part in map_all(lambda number: jobs[number](), range(len(jobs)), large=len(briefings) >= MIN_ITEMS):
        tree.update(part)
    return dict(sorted(tree.items()))


Job = Callable[[], dict[str, str]]


def generate_jobs(briefings: list[Briefing], settings: Settings, catalog: Catalog | None = None) -> list[Job]:
    """The generated tree as independent jobs that can run side by side (each index, the briefing
    pages of some days, the exports, the home page), each giving its part of the tree. No two
    parts share a path: a day's pages are all in one job. Briefings must already have their slugs."""
    catalog = replace(catalog or Catalog(), directory_urls=settings.directory_urls)  # the URL style is a setting

    related = related_to(briefings)

    def briefing_pages(chunk: list[Briefing]) -> dict[str, str]:
        pages = {}
        for briefing in chunk:
            pages[briefing.path] = render_briefing(briefing, settings, catalog, related(briefing))
            pages[permalink_path(briefing)] = render_redirect(briefing)
        return pages

    def home() -> dict[str, str]:
        return {"index.md": home_page(briefings, settings.home_latest, catalog)}

    return [
        *index_jobs(briefings, catalog, settings.site_url),
        *(partial(briefing_pages, chunk) for chunk in _whole_days(briefings, PAGES_PER_JOB)),
        partial(exports, briefings, settings),
        home,
    ]


def _whole_days(briefings: list[Briefing], size: int) -> list[list[Briefing]]:
    """The briefings in runs of about `size`, each day's all in one run (in their order): two
    pages of a day with the same slug are one path, which only one job may write."""
    days: dict[str, list[Briefing]] = defaultdict(list)
    for briefing in briefings:
        days[f"{briefing.date:%Y-%m-%d}"].append(briefing)
    runs: list[list[Briefing]] = [[]]
    for day in days.values():
        if runs[-1] and len(runs[-1]) + len(day) > size:
            runs.append([])
        runs[-1].extend(day)
    return [run for run in runs if run]
