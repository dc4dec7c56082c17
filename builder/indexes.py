"""The reader's indexes: tags, timeline, regions, countries and actor dossiers. Pure.

One small class per index says how briefings are grouped and where the pages go; one
shared engine (`Index.pages`) renders the overview and a page per group. Every page is
plain Markdown below docs/, so any engine that reads docs/ can publish it.
"""

from __future__ import annotations

import bisect
import posixpath
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache, partial

from slugify import slugify

from .feeds import atom
from .markup import html_line, html_text, md_text
from .model import Actor, Briefing, type_label
from .render import MONTHS, Catalog, href, human_date, link, page

ACTOR_TYPES = {
    "armed_group": "Armed groups",
    "state_body": "State bodies",
    "organisation": "Organisations",
    "person": "People",
}
RELATED = 5
NEIGHBOURS = 200  # related briefings are looked for among this many nearest per actor or country


def tag_path(tag: str) -> str:
    return f"tags/{tag}/index.md"


def country_path(iso3: str) -> str:
    return f"countries/{iso3.lower()}/index.md"


def region_path(name: str) -> str:
    return f"regions/{slugify(name) or 'unnamed'}/index.md"


def actor_path(actor_id: str) -> str:
    return f"actors/{actor_id}/index.md"


def year_path(year: int) -> str:
    return f"timeline/{year}/index.md"


def newest_first(briefings: Iterable[Briefing]) -> list[Briefing]:
    return sorted(briefings, key=lambda b: (b.date, b.id), reverse=True)


def listing(briefings: Iterable[Briefing], here: str, catalog: Catalog, *, summaries: bool = True) -> list[str]:
    """A list of briefings, newest first: date, title, primary country and (optionally) summary.

    Written as one raw HTML block: index pages repeat every briefing many times, and
    Python-Markdown passes an HTML block through several times faster than the same
    list as Markdown links (see CONTRIBUTING.md). Every text is HTML-escaped; hrefs are the published addresses.
    """
    items = ['<ul class="briefings">']
    for briefing in newest_first(briefings):
        country = catalog.country_name(briefing.primary_country) if briefing.primary_country else None
        head, tail = _listed(briefing.date, briefing.title, country)
        target = html_text(href(here, briefing.path, catalog.directory_urls))
        summary = f"<br>{html_line(briefing.summary)}" if summaries else ""
        items.append(f'{head}<a href="{target}">{tail}{summary}</li>')
    return [*items, "</ul>"]


NOT_INDEXED = 'data-search-exclude="true"'  # Material's search leaves out a section whose heading has it


@lru_cache(maxsize=65536)
def _listed(date: datetime, title: str, country: str | None) -> tuple[str, str]:
    """A listed briefing's HTML before and after its link's address: the same on every index
    page that lists it (a briefing is listed about eight times), so made once."""
    where = f" · {html_line(country)}" if country else ""
    when = f'<time datetime="{date:%Y-%m-%d}">{human_date(date, time=False)}</time>'
    return f"<li><strong>{when}</strong> · ", f"{html_line(title)}</a>{where}"


def timeline_lines(
    briefings: Iterable[Briefing], here: str, catalog: Catalog, *, level: int = 2, summaries: bool = False
) -> list[str]:
    """Briefings grouped by year, month and day, newest first. The headings keep their lists out
    of the search index: each briefing is found by its own page, and a dossier or tag page by
    its title and introduction, not by the titles of everything it lists."""
    by_month: dict[tuple[int, int], list[Briefing]] = defaultdict(list)
    for briefing in briefings:
        by_month[(briefing.date.year, briefing.date.month)].append(briefing)
    lines: list[str] = []
    year = None
    for key in sorted(by_month, reverse=True):
        if key[0] != year:
            year = key[0]
            lines += [f"{'#' * level} {year} {{ {NOT_INDEXED} }}", ""]
        month = f"{MONTHS[key[1] - 1]} {key[0]}"
        lines += [f"{'#' * (level + 1)} {month} {{#{key[0]}-{key[1]:02d} {NOT_INDEXED}}}", ""]
        lines += [*listing(by_month[key], here, catalog, summaries=summaries), ""]
    return lines


def month_counts(briefings: Iterable[Briefing]) -> dict[tuple[int, int], int]:
    counts = Counter((b.date.year, b.date.month) for b in briefings)
    if not counts:
        return {}
    (year, month), last = min(counts), max(counts)
    filled: dict[tuple[int, int], int] = {}
    while (year, month) <= last:
        filled[(year, month)] = counts.get((year, month), 0)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return filled


def chart_svg(briefings: Iterable[Briefing], title: str) -> str:
    """Briefings per month as a bar chart: an SVG file, no script, nothing from another host."""
    counts = month_counts(briefings)
    width, height, pad = max(320, 14 * len(counts) + 60), 160, 30
    top = max(counts.values(), default=1) or 1
    bar = (width - pad - 10) / max(1, len(counts))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="t d" font-family="sans-serif" font-size="10">',
        f'<title id="t">{html_text(title)}</title>',
        f'<desc id="d">{len(counts)} months; at most {top} briefings in a month.</desc>',
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - 10}" y2="{height - pad}" stroke="#777"/>',
        f'<text x="{pad - 4}" y="{pad + 4}" text-anchor="end" fill="#555">{top}</text>',
        f'<text x="{pad - 4}" y="{height - pad}" text-anchor="end" fill="#555">0</text>',
    ]
    for index, ((year, month), count) in enumerate(counts.items()):
        x = pad + index * bar
        h = (height - 2 * pad) * count / top
        label = f"{MONTHS[month - 1]} {year}: {count}"
        parts.append(
            f'<rect x="{x + 1:.1f}" y="{height - pad - h:.1f}" width="{max(1.0, bar - 2):.1f}" '
            f'height="{h:.1f}" fill="#3f51b5"><title>{label}</title></rect>'
        )
        if month == 1 or index == 0:
            parts.append(f'<text x="{x + 1:.1f}" y="{height - pad + 14}" fill="#555">{year}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


@dataclass
class Group:
    """One page of an index: a tag, a region, a country, an actor."""

    path: str
    title: str
    briefings: list[Briefing] = field(default_factory=list)
    intro: list[str] = field(default_factory=list)  # Markdown, already escaped
    kind: str = ""  # an actor's type


class Index:
    """The shared engine: an overview page and one page per group, each listing its briefings."""

    folder = ""
    title = ""
    description = ""
    summaries = False  # each group page lists its briefings with their summaries
    searchable = True  # group pages are in the search index

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.with_pages: set[str] = set()  # countries that have a page

    def keys(self, briefing: Briefing) -> Iterable[str]:
        """The groups a briefing belongs to."""
        raise NotImplementedError

    def new_group(self, key: str) -> Group:
        raise NotImplementedError

    def groups(self, briefings: list[Briefing]) -> list[Group]:
        self.with_pages = {code for briefing in briefings for code in briefing.countries}
        groups: dict[str, Group] = {}
        for briefing in briefings:
            for key in self.keys(briefing):
                if key not in groups:
                    groups[key] = self.new_group(key)
                groups[key].briefings.append(briefing)
        return [groups[key] for key in sorted(groups)]

    def overview(self, groups: list[Group]) -> list[str]:
        here = f"{self.folder}/index.md"
        return [
            f"- [{md_text(g.title)}]({link(here, g.path)}) ({len(g.briefings)})"
            for g in sorted(groups, key=lambda g: (-len(g.briefings), g.title))
        ]

    def pages(self, briefings: list[Briefing], site_url: str) -> dict[str, str]:
        groups = self.groups(briefings)
        here = f"{self.folder}/index.md"
        body = [f"# {self.title}", "", self.description, "", *self.overview(groups), ""]
        tree = {here: page({"title": self.title}, "\n".join(body), "seeds/")}
        for group in groups:
            lines = [f"# {md_text(group.title)}", "", *group.intro]
            count = len(group.briefings)
            lines += [f"{count} briefing{'s' if count != 1 else ''} · [Atom feed](feed.xml)", ""]
            lines += timeline_lines(group.briefings, group.path, self.catalog, summaries=self.summaries)
            front: dict[str, object] = {"title": html_text(group.title)}
            if not self.searchable:  # lists of briefings the search already finds one by one
                front["search"] = {"exclude": True}
            tree[group.path] = page(front, "\n".join(lines), "seeds/")
            feed_path = posixpath.join(posixpath.dirname(group.path), "feed.xml")
            tree[feed_path] = atom(f"Briefings: {group.title}", group.path, group.briefings, site_url)
        return tree


class TagIndex(Index):
    folder, title, summaries = "tags", "Tags", True
    description = "Topics from the archive's controlled vocabulary, with the number of briefings on each."

    def keys(self, briefing: Briefing) -> Iterable[str]:
        return briefing.tags

    def new_group(self, key: str) -> Group:
        name, description = self.catalog.tags.get(key, (key, ""))
        return Group(tag_path(key), name, intro=[md_text(description), ""])


class CountryIndex(Index):
    folder, title, searchable = "countries", "Countries", False
    description = "Every country the briefings name, with the number of briefings naming it."

    def keys(self, briefing: Briefing) -> Iterable[str]:
        return briefing.countries

    def new_group(self, key: str) -> Group:
        path = self.catalog.paths.get(key, ())
        intro = [f"Region: {md_text(' › '.join(path))}", ""] if path else []
        return Group(country_path(key), self.catalog.country_name(key), intro=intro)


class RegionIndex(Index):
    folder, title, searchable = "regions", "Regions", False
    description = "UN M49 regions down to countries, then the analysts' regions, by primary country."

    def keys(self, briefing: Briefing) -> Iterable[str]:
        return briefing.regions

    def new_group(self, key: str) -> Group:
        source = self.catalog.analyst.get(key)
        intro = [md_text(f"{source[0]} Members: {source[1]}. Source: {source[2]}."), ""] if source else []
        return Group(region_path(key), key, intro=intro)

    def overview(self, groups: list[Group]) -> list[str]:
        here = f"{self.folder}/index.md"
        by_name = {g.title: g for g in groups}
        tree: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        for group in groups:
            for briefing in group.briefings:
                if briefing.primary_country and group.title == briefing.region:
                    tree[self.catalog.paths.get(briefing.primary_country, ())][briefing.primary_country] += 1
        lines = ["## UN M49 regions", ""]
        seen: set[str] = set()
        for path in sorted(tree):
            for depth, name in enumerate(path):
                if name in seen or name not in by_name:
                    continue
                seen.add(name)
                count = len(by_name[name].briefings)
                lines.append(f"{'    ' * depth}- [{md_text(name)}]({link(here, by_name[name].path)}) ({count})")
            for code, count in sorted(tree[path].items(), key=lambda item: (-item[1], item[0])):
                name = md_text(self.catalog.country_name(code))
                if code in self.with_pages:
                    name = f"[{name}]({link(here, country_path(code))})"
                lines.append(f"{'    ' * len(path)}- {name} ({count})")
        analyst = [g for g in groups if g.title in self.catalog.analyst]
        if analyst:
            lines += ["", "## Analysts' regions", ""]
            lines += [f"- [{md_text(g.title)}]({link(here, g.path)}) ({len(g.briefings)})" for g in analyst]
        return lines


class ActorIndex(Index):
    folder, title = "actors", "Actors"
    description = "Armed groups, state bodies, organisations and people, with a dossier for each."

    def groups(self, briefings: list[Briefing]) -> list[Group]:
        self.with_pages = {code for briefing in briefings for code in briefing.countries}
        found: dict[str, tuple[Actor, list[Briefing], set[str]]] = {}
        partners: dict[str, Counter[str]] = defaultdict(Counter)
        for briefing in briefings:
            ids = [a.id for a in briefing.actors]
            for actor in briefing.actors:
                entry = found.setdefault(actor.id, (actor, [], set()))
                entry[1].append(briefing)
                entry[2].update(actor.aliases)
                partners[actor.id].update(i for i in ids if i != actor.id)
        groups = []
        for actor_id in sorted(found):
            actor, seen_in, aliases = found[actor_id]
            dossier = self._dossier(actor, seen_in, aliases, partners[actor_id], found)
            groups.append(Group(actor_path(actor_id), actor.name, seen_in, dossier, actor.type))
        return groups

    def _dossier(
        self,
        actor: Actor,
        seen_in: list[Briefing],
        aliases: set[str],
        partners: Counter[str],
        found: dict[str, tuple[Actor, list[Briefing], set[str]]],
    ) -> list[str]:
        here = actor_path(actor.id)
        lines = [f"**Type:** {type_label(actor.type)}  "]
        if actor.country:
            name = md_text(self.catalog.country_name(actor.country))
            if actor.country in self.with_pages:
                name = f"[{name}]({link(here, country_path(actor.country))})"
            lines.append(f"**Home country:** {name}  ")
        others = sorted(aliases - {actor.name})
        if others:
            lines.append(f"**Also written:** {md_text(', '.join(others))}  ")
        first, last = min(b.date for b in seen_in), max(b.date for b in seen_in)
        lines.append(f"**First seen:** {human_date(first, time=False)} · **last seen:** {human_date(last, time=False)}")
        lines.append("")
        top = sorted(partners.items(), key=lambda item: (-item[1], item[0]))[:8]
        if top:
            names = [f"[{md_text(found[i][0].name)}]({link(here, actor_path(i))}) ({n})" for i, n in top]
            lines += [f"**Seen most often with:** {', '.join(names)}", ""]
        return lines

    def overview(self, groups: list[Group]) -> list[str]:
        here = f"{self.folder}/index.md"
        by_type: dict[str, list[Group]] = defaultdict(list)
        for group in groups:
            by_type[group.kind].append(group)
        lines = []
        for actor_type, heading in ACTOR_TYPES.items():
            members = sorted(by_type.get(actor_type, []), key=lambda g: (-len(g.briefings), g.title))
            if members:
                lines += [f"## {heading}", ""]
                lines += [f"- [{md_text(g.title)}]({link(here, g.path)}) ({len(g.briefings)})" for g in members]
                lines.append("")
        return lines


def timeline_pages(briefings: list[Briefing], catalog: Catalog) -> dict[str, str]:
    """/timeline/ with a chart of briefings per month, and one page per year."""
    here = "timeline/index.md"
    years = sorted({b.date.year for b in briefings}, reverse=True)
    lines = ["# Timeline", "", "![Briefings per month](chart.svg)", ""]
    if years:
        lines += ["Years: " + " · ".join(f"[{y}]({link(here, year_path(y))})" for y in years), ""]
    lines += timeline_lines(briefings, here, catalog)
    tree = {
        here: page({"title": "Timeline", "search": {"exclude": True}}, "\n".join(lines), "seeds/"),
        "timeline/chart.svg": chart_svg(briefings, "Briefings per month"),
    }
    for year in years:
        of_year = [b for b in briefings if b.date.year == year]
        body = [f"# {year}", "", f"{len(of_year)} briefings.", ""]
        body += timeline_lines(of_year, year_path(year), catalog, level=2)
        tree[year_path(year)] = page({"title": str(year), "search": {"exclude": True}}, "\n".join(body), "seeds/")
    return tree


def related_to(briefings: list[Briefing]) -> Callable[[Briefing], list[Briefing]]:
    """For each briefing, those sharing most actors and countries, then nearest in time.

    The lookup tables are made here, once; each briefing's ranking is made when asked for, by
    the job that renders its page (on every core)."""
    postings: dict[str, list[Briefing]] = defaultdict(list)
    for briefing in sorted(briefings, key=lambda b: (b.date, b.id)):
        for key in {*(f"a:{a.id}" for a in briefing.actors), *(f"c:{c}" for c in briefing.countries)}:
            postings[key].append(briefing)
    dates = {key: [b.date for b in posting] for key, posting in postings.items()}

    def related(briefing: Briefing) -> list[Briefing]:
        scores: Counter[str] = Counter()
        chosen: dict[str, Briefing] = {}
        keys = [(f"a:{a.id}", 2) for a in briefing.actors] + [(f"c:{c}", 1) for c in briefing.countries]
        for key, weight in keys:
            for other in _nearest(postings[key], dates[key], briefing.date):
                if other.id != briefing.id:
                    scores[other.id] += weight
                    chosen[other.id] = other
        ranked = sorted(
            chosen.values(),
            key=lambda o: (-scores[o.id], abs((o.date - briefing.date).total_seconds()), o.id),
        )
        return ranked[:RELATED]

    return related


def _nearest(posting: list[Briefing], dates: list[datetime], moment: datetime) -> list[Briefing]:
    if len(posting) <= NEIGHBOURS:
        return posting
    index = bisect.bisect_left(dates, moment)
    start = max(0, min(index - NEIGHBOURS // 2, len(posting) - NEIGHBOURS))
    return posting[start : start + NEIGHBOURS]


ACTIVE_DAYS = 90  # "recently" on the home page: the 90 days before the newest briefing
INDEXES = (
    ("Timeline", "timeline/index.md"),
    ("Tags", "tags/index.md"),
    ("Regions", "regions/index.md"),
    ("Countries", "countries/index.md"),
    ("Actors", "actors/index.md"),
    ("Data (JSON, CSV)", "about.md#data"),
    ("Atom feed", "feed.xml"),
    ("How this archive is made", "about.md"),
)


def home_page(briefings: list[Briefing], latest: int, catalog: Catalog) -> str:
    """Latest briefings, the most active regions and actors lately, and every index."""
    here = "index.md"
    lines = ["# Briefing archive", ""]
    if briefings:
        first, last = min(b.date for b in briefings), max(b.date for b in briefings)
        count = f"{len(briefings)} briefing{'s' if len(briefings) != 1 else ''}"
        span = f"from {human_date(first, time=False)} to {human_date(last, time=False)}"
        lines += [f"The archive holds {count}, {span}.", ""]
    else:
        lines += ["The archive holds no briefings yet: add a seed to `seeds/`.", ""]
    lines += [" · ".join(f"[{name}]({link(here, path)})" for name, path in INDEXES), ""]
    if briefings:
        since = max(b.date for b in briefings) - timedelta(days=ACTIVE_DAYS)
        recent = [b for b in briefings if b.date >= since]
        regions = Counter(b.region for b in recent if b.region)
        actors = Counter(a.id for b in recent for a in b.actors if a.type != "person")
        names = {a.id: a.name for b in recent for a in b.actors}
        lines += [f"## Most active in the last {ACTIVE_DAYS} days", ""]
        if regions:
            top = sorted(regions.items(), key=lambda item: (-item[1], item[0]))[:6]
            lines.append(
                "**Regions:** "
                + ", ".join(f"[{md_text(r)}]({link(here, region_path(r))}) ({n})" for r, n in top)
                + "  "
            )
        if actors:
            top = sorted(actors.items(), key=lambda item: (-item[1], names[item[0]]))[:8]
            lines.append(
                "**Actors:** " + ", ".join(f"[{md_text(names[a])}]({link(here, actor_path(a))}) ({n})" for a, n in top)
            )
        lines += ["", "## Latest briefings", "", *listing(newest_first(briefings)[:latest], here, catalog), ""]
    front = {"title": "Briefing archive", "hide": ["navigation", "toc"]}
    return page(front, "\n".join(lines), "seeds/")


def index_jobs(briefings: list[Briefing], catalog: Catalog, site_url: str) -> list[Callable[[], dict[str, str]]]:
    """The index pages and feeds as independent jobs, largest first (they can run side by side)."""

    def archive() -> dict[str, str]:
        tree = {"feed.xml": atom("Briefing archive", "index.md", briefings, site_url)}
        tree.update(timeline_pages(briefings, catalog))
        return tree

    indexes = (TagIndex(catalog), ActorIndex(catalog), RegionIndex(catalog), CountryIndex(catalog))
    return [*(partial(index.pages, briefings, site_url) for index in indexes), archive]
