"""The generated tree: slugs, paths, home page, and writing only what changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from builder.model import Briefing, Source
from builder.settings import Settings, load_settings
from builder.site import GENERATED_ROOTS, assign_slugs, generate
from builder.write import sync_tree


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
