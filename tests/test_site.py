"""The generated tree: slugs, paths, home page, and writing only what changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pytest

from builder import stamp
from builder.feeds import atom
from builder.model import Briefing, Source
from builder.settings import Settings, load_settings
from builder.site import GENERATED_ROOTS, PAGES_PER_JOB, _whole_days, assign_slugs, generate, generate_jobs
from builder.write import sync_jobs, sync_tree


def briefing(id: str, title: str, day: int = 10) -> Briefing:
    return Briefing(
        id=id,
        title=title,
        date=datetime(2025, 11, day, 12, 0, tzinfo=UTC),
        paragraphs=("Text.",),
        source=Source(file=f"seeds/{id}.txt"),
        summary="Text.",
    )


def test_slugs_are_ascii_and_at_most_80_characters() -> None:
    (one,) = assign_slugs([briefing("a" * 16, "Côte d’Ivoire: “Élections” à Abidjan " + "très longues " * 10)])
    assert one.slug.startswith("cote-divoire-elections-a-abidjan-tres-longues")
    assert len(one.slug) <= 80 and one.slug.isascii()
    assert one.path == f"briefings/2025/11/10/{one.slug}.md"


def test_a_long_title_is_cut_after_a_whole_word_never_inside() -> None:
    title = "Karen National Union fighters attack positions in Democratic Republic of the Congo as Samoa warns"
    (one,) = assign_slugs([briefing("a" * 16, title)])
    assert one.slug == "karen-national-union-fighters-attack-positions-in-democratic-republic-of-the"
    assert "-".join(title.lower().split()).startswith(one.slug)


def test_slug_clashes_on_a_day_depend_only_on_the_set_of_seeds() -> None:
    seeds = [briefing("bbbbbbbbbbbbbbbb", "Same title"), briefing("aaaaaaaaaaaaaaaa", "Same title")]
    seeds.append(briefing("cccccccccccccccc", "Same title", day=11))
    first = {b.id: b.slug for b in assign_slugs(seeds)}
    second = {b.id: b.slug for b in assign_slugs(list(reversed(seeds)))}
    assert (
        first
        == second
        == {
            "aaaaaaaaaaaaaaaa": "same-title",
            "bbbbbbbbbbbbbbbb": "same-title-bbbbbb",
            "cccccccccccccccc": "same-title",  # another day: no clash
        }
    )


def test_a_curators_slug_is_kept() -> None:
    (one,) = assign_slugs([replace(briefing("a" * 16, "New corrected title"), slug="old-slug")])
    assert one.slug == "old-slug"


def test_generated_tree_has_page_permalink_and_home() -> None:
    (one,) = assign_slugs([briefing("a" * 16, "Title")])
    tree = generate([one], Settings())
    assert {"b/aaaaaaaaaaaaaaaa/index.html", "briefings/2025/11/10/title.md", "index.md"} <= set(tree)
    assert {"tags/index.md", "timeline/index.md", "timeline/chart.svg", "timeline/2025/index.md"} <= set(tree)
    assert {"regions/index.md", "countries/index.md", "actors/index.md"} <= set(tree)
    assert {"data/briefings.json", "data/briefings.csv"} <= set(tree)
    assert all(path.split("/")[0] in GENERATED_ROOTS for path in tree)
    assert 'content="0; url=../../briefings/2025/11/10/title/"' in tree["b/aaaaaaaaaaaaaaaa/index.html"]
    assert '<a href="briefings/2025/11/10/title/">Title</a>' in tree["index.md"]


def test_html_addresses_follow_use_directory_urls(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nuse_directory_urls: false\n", encoding="utf-8")
    settings = load_settings(tmp_path)
    assert settings.directory_urls is False
    (one,) = assign_slugs([briefing("a" * 16, "Title")])
    assert '<a href="briefings/2025/11/10/title.html">Title</a>' in generate([one], settings)["index.md"]
    assert '<a href="briefings/2025/11/10/title/">Title</a>' in generate([one], Settings())["index.md"]


def test_summary_only_when_full_text_is_off() -> None:
    one = replace(briefing("a" * 16, "Title"), paragraphs=("Lede.", "Second paragraph."), summary="Lede.")
    (one,) = assign_slugs([one])
    page = generate([one], Settings(full_text=False))["briefings/2025/11/10/title.md"]
    assert "Second paragraph." not in page
    assert "*The full text is not published here; read it at the source.*" in page
    assert "full_text: false" in page
    shown = generate([replace(one, full_text=True)], Settings(full_text=False))["briefings/2025/11/10/title.md"]
    assert "Second paragraph." in shown


def test_sync_writes_only_changes_and_removes_only_stale_generated_files(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "briefings/2020/01/01").mkdir(parents=True)
    stale = docs / "briefings/2020/01/01/old.md"
    stale.write_text("old")
    hand_written = docs / "about.md"
    hand_written.write_text("mine")
    tree = {"index.md": "home\n", "briefings/2025/11/10/title.md": "page\n"}

    first = sync_tree(docs, tree, GENERATED_ROOTS)
    assert sorted(first.written) == ["briefings/2025/11/10/title.md", "index.md"]
    assert first.removed == ["briefings/2020/01/01/old.md"]
    assert not (docs / "briefings/2020").exists()
    assert hand_written.read_text() == "mine"

    mtime = (docs / "index.md").stat().st_mtime_ns
    second = sync_tree(docs, tree, GENERATED_ROOTS)
    assert (second.written, second.removed, second.unchanged) == ([], [], 2)
    assert (docs / "index.md").stat().st_mtime_ns == mtime
    assert sorted(p.name for p in docs.rglob(".tmp-*")) == []


def test_each_job_writes_its_part_and_the_changes_are_those_of_the_whole_tree(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "tags/old").mkdir(parents=True)
    (docs / "tags/old/index.md").write_text("stale")
    (docs / "index.md").write_text("home\n")  # unchanged: must not be rewritten
    (docs / "about.md").write_text("mine")
    home_status = (docs / "index.md").stat()
    parts = [
        {"tags/a/index.md": "a\n", "tags/a/feed.xml": "<feed/>\n"},
        {"index.md": "home\n", "briefings/2025/11/10/b.md": "b\n"},
        {},
    ]
    changes = sync_jobs(docs, [partial(dict, part) for part in parts], GENERATED_ROOTS)
    assert changes.written == ["briefings/2025/11/10/b.md", "tags/a/feed.xml", "tags/a/index.md"]  # sorted
    assert (changes.removed, changes.unchanged) == (["tags/old/index.md"], 1)
    assert not (docs / "tags/old").exists()
    assert (docs / "index.md").stat().st_mtime_ns == home_status.st_mtime_ns
    assert (docs / "index.md").stat().st_ino == home_status.st_ino
    assert (docs / "about.md").read_text() == "mine"
    assert {path: (docs / path).read_text() for path in changes.files} == {k: v for p in parts for k, v in p.items()}
    assert changes.files == stamp.outputs(docs, GENERATED_ROOTS)  # what the next build compares with


def test_a_part_with_a_path_outside_the_roots_writes_nothing(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "about.md").write_text("mine")
    for outside in ("about.md", "assets/x.css", "tagsx/index.md", "../escape.md"):
        part = {"tags/a/index.md": "a\n", outside: "overwritten"}
        with pytest.raises(ValueError, match="outside the generated roots"):
            sync_jobs(docs, [partial(dict, part)], GENERATED_ROOTS)
        assert not (docs / "tags").exists()  # checked before the part's first file
    assert (docs / "about.md").read_text() == "mine"
    assert not (tmp_path / "escape.md").exists()


def test_two_jobs_never_write_one_path(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"tags/a/index\.md is generated by two jobs"):
        sync_jobs(
            tmp_path, [partial(dict, {"tags/a/index.md": "a"}), partial(dict, {"tags/a/index.md": "b"})], ("tags",)
        )


def test_a_days_pages_are_made_by_one_job_so_the_tree_is_that_of_one_merge(tmp_path: Path) -> None:
    # A curator's slug that equals the slug another briefing of that day is given: one path, two
    # pages; the later one is kept, as when all pages went into one tree. Jobs keep days whole,
    # also where runs of PAGES_PER_JOB briefings would part them.
    first = replace(briefing("a" * 16, "Title"), slug="title-bbbbbb")
    others = [briefing(f"{n:016x}", f"Other {n}", day=9) for n in range(PAGES_PER_JOB - 2)]
    clash = [first, briefing("b" * 16, "Title"), briefing("1" * 16, "Title")]
    briefings = assign_slugs([*others, *clash])
    assert [b.slug for b in briefings[-3:]] == ["title", "title-bbbbbb", "title-bbbbbb"]
    days = [[b.date.day for b in run] for run in _whole_days(briefings, PAGES_PER_JOB)]
    assert [set(run) for run in days] == [{9}, {10}]
    tree = generate(briefings, Settings())
    assert "id bbbbbbbbbbbbbbbb" in tree["briefings/2025/11/10/title-bbbbbb.md"]
    assert len([path for path in tree if path.startswith("briefings/")]) == len(briefings) - 1
    changes = sync_jobs(tmp_path, generate_jobs(briefings, Settings()), GENERATED_ROOTS)
    assert {path: (tmp_path / path).read_text(encoding="utf-8") for path in changes.files} == tree


def test_a_feed_entry_made_once_is_made_again_when_its_briefing_changes() -> None:
    """Entries are shared by every feed that lists a briefing, keyed by everything they hold."""
    (first,) = assign_slugs([briefing("e" * 16, "Ceasefire holds in Goma")])
    before = atom("Tag", "tags/x/index.md", [first], "https://example.org/")
    assert atom("Other tag", "tags/y/index.md", [first], "https://example.org/").count("Ceasefire holds in Goma") == 1
    edited = replace(first, title="Ceasefire collapses in Goma")
    after = atom("Tag", "tags/x/index.md", [edited], "https://example.org/")
    assert "Ceasefire holds" in before and "Ceasefire collapses in Goma" in after and "Ceasefire holds" not in after
