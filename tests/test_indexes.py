"""Indexes over a multi-region corpus (the labelled development set): counts, links, feeds, data."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest

from builder.exports import exports
from builder.indexes import actor_path, country_path, region_path, tag_path
from builder.model import Briefing
from builder.pipeline import check
from builder.render import Catalog, page_url
from builder.settings import Settings
from builder.site import generate

from .conftest import REAL_SEED, REPO, make_project, mkdocs_build

DEVSET = REPO / "tests" / "fixtures" / "devset"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def corpus() -> tuple[list[Briefing], Catalog]:
    result = check(REPO, [REAL_SEED, *sorted(DEVSET.glob("*.txt"))])
    assert result.ok, result.problems
    return result.briefings, result.catalog


@pytest.fixture(scope="module")
def tree(corpus: tuple[list[Briefing], Catalog]) -> dict[str, str]:
    briefings, catalog = corpus
    return generate(briefings, Settings(site_url="https://example.org/archive/"), catalog)


def linked(path: str, text: str) -> list[str]:
    """Where a generated page links: Markdown links as the .md file below docs/ they name,
    raw HTML hrefs as the published address (a/b/ for a/b.md or a/b/index.md)."""
    here = posixpath.dirname(path)
    targets = [posixpath.normpath(posixpath.join(here, t)) for t in _local(_MARKDOWN_LINK, text)]
    url = page_url(path)  # hrefs are relative to the page's own address
    for target in _local(_HREF, text):
        resolved = posixpath.normpath(posixpath.join(url, target))
        targets.append("" if resolved == "." else resolved + "/")
    return targets


def as_urls(pages: Iterable[str]) -> dict[str, str]:
    """Published address -> page, for every Markdown page among `pages`."""
    return {page_url(p): p for p in pages if p.endswith(".md")}


_MARKDOWN_LINK = re.compile(r"\]\(([^)]+)\)")
_HREF = re.compile(r'href="([^"]+)"')


def _local(pattern: re.Pattern[str], text: str) -> list[str]:
    found = (urldefrag(t)[0] for t in pattern.findall(text))
    return [t for t in found if t and not urlsplit(t).scheme]


def test_every_tag_page_lists_exactly_its_briefings(
    corpus: tuple[list[Briefing], Catalog], tree: dict[str, str]
) -> None:
    briefings, _ = corpus
    counts = Counter(tag for b in briefings for tag in b.tags)
    assert counts, "the corpus has tags"
    overview = tree["tags/index.md"]
    for tag, count in counts.items():
        assert f"]({tag}/index.md) ({count})" in overview
        page = tree[tag_path(tag)]
        listed = [b for b in briefings if page_url(b.path) in linked(tag_path(tag), page)]
        assert len(listed) == count
        assert page.count("<li>") == count


def test_timeline_lists_every_briefing_once(corpus: tuple[list[Briefing], Catalog], tree: dict[str, str]) -> None:
    briefings, _ = corpus
    timeline = tree["timeline/index.md"]
    assert timeline.count("<li>") == len(briefings)
    targets = Counter(linked("timeline/index.md", timeline))
    for briefing in briefings:
        assert targets[page_url(briefing.path)] == 1
    years = {b.date.year for b in briefings}
    assert all(f"timeline/{year}/index.md" in tree for year in years)
    assert sum(tree[f"timeline/{year}/index.md"].count("<li>") for year in years) == len(briefings)
    svg = ET.fromstring(tree["timeline/chart.svg"])
    titles = [
        rect.findtext("{http://www.w3.org/2000/svg}title", "") for rect in svg.iter("{http://www.w3.org/2000/svg}rect")
    ]
    assert sum(int(title.rsplit(": ", 1)[1]) for title in titles) == len(briefings)


def test_region_country_and_actor_pages(corpus: tuple[list[Briefing], Catalog], tree: dict[str, str]) -> None:
    briefings, _ = corpus
    for name, count in Counter(r for b in briefings for r in b.regions).items():
        assert tree[region_path(name)].count("<li>") == count
    for code, count in Counter(c for b in briefings for c in b.countries).items():
        assert tree[country_path(code)].count("<li>") == count
    for actor_id, count in Counter(a.id for b in briefings for a in b.actors).items():
        assert tree[actor_path(actor_id)].count("<li>") == count
    jnim = tree[actor_path("jnim")]
    assert "**Type:** armed group" in jnim and "**Also written:** JNIM" in jnim
    assert "**First seen:** 27 August 2024 · **last seen:** 10 November 2025" in jnim
    assert "Western Africa" in tree["regions/index.md"] and "Sahel" in tree["regions/index.md"]


def test_every_markdown_link_points_at_a_generated_or_hand_written_page(tree: dict[str, str]) -> None:
    hand_written = {p.relative_to(REPO / "docs").as_posix() for p in (REPO / "docs").rglob("*") if p.is_file()}
    known = set(tree) | hand_written
    known |= set(as_urls(known))
    checked = 0
    for path, text in tree.items():
        if not path.endswith(".md"):
            continue
        for target in linked(path, text):
            assert target in known, f"{path} links to {target}"
            checked += 1
    assert checked > 1000


def test_feeds_and_data_exports(corpus: tuple[list[Briefing], Catalog], tree: dict[str, str]) -> None:
    briefings, _ = corpus
    feed = ET.fromstring(tree["feed.xml"])
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(briefings)
    newest = max(briefings, key=lambda b: b.date)
    assert entries[0].findtext(f"{ATOM}title") == newest.title
    assert feed.findtext(f"{ATOM}updated", "").startswith(newest.date_iso[:19])
    assert entries[0].findtext(f"{ATOM}id") == f"https://example.org/archive/b/{newest.id}/"
    assert len(ET.fromstring(tree["tags/terrorism/feed.xml"]).findall(f"{ATOM}entry")) == sum(
        "terrorism" in b.tags for b in briefings
    )
    records = json.loads(tree["data/briefings.json"])
    assert [r["id"] for r in records] == [b.id for b in sorted(briefings, key=lambda b: (b.date, b.id), reverse=True)]
    lines = tree["data/briefings.json"].splitlines()  # one briefing a line, between the brackets
    assert (
        lines[0] == "["
        and lines[-1] == "]"
        and [json.loads(line.rstrip(","))["id"] for line in lines[1:-1]] == [r["id"] for r in records]
    )
    rows = list(csv.DictReader(io.StringIO(tree["data/briefings.csv"])))
    assert len(rows) == len(briefings)
    mali = next(r for r in rows if r["id"] == "00d956f6f0240c4d")
    assert mali["primary_country"] == "MLI" and "jnim" in mali["actors"].split(";")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.targets.append(value)


def test_built_site_has_no_broken_internal_link(tmp_path: Path) -> None:
    """A link checker over the real MkDocs build of the corpus: every internal href and src resolves."""
    root = make_project(tmp_path / "project")
    for seed in [REAL_SEED, *sorted(DEVSET.glob("*.txt"))]:
        shutil.copy(seed, root / "seeds" / seed.name)
    site = root / "site"
    result = mkdocs_build(root, site)
    assert result.returncode == 0, result.stderr
    checked = 0
    for page in site.rglob("*.html"):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for target in parser.targets:
            url = urlsplit(target)
            if url.scheme or url.netloc or target.startswith(("#", "mailto:", "javascript:")):
                continue
            base = site if url.path.startswith("/") else page.parent
            path = (base / unquote(url.path).lstrip("/")).resolve()
            if path.is_dir():
                path = path / "index.html"
            assert path.is_file(), f"{page.relative_to(site)} links to missing {target}"
            checked += 1
    assert checked > 1000
    # the search index: every briefing; a dossier or tag page by its head only, not by its lists
    entries = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    pages = Counter(e["location"].split("#")[0] for e in entries)
    briefings = {p.parent.relative_to(site).as_posix() + "/" for p in (site / "briefings").rglob("index.html")}
    assert briefings and briefings <= set(pages)
    dossiers = {p for p in pages if p.startswith(("actors/", "tags/")) and p not in ("actors/", "tags/")}
    assert len(dossiers) > 50 and all(pages[p] == 1 for p in dossiers)
    listed = {e["title"] for e in entries if e["location"] in briefings}
    assert not any(title in e["text"] for e in entries if e["location"] in dossiers for title in listed)


def test_an_empty_archive_exports_an_empty_list() -> None:
    assert exports([], Settings())["data/briefings.json"] == "[]\n"
