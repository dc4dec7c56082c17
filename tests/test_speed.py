"""The speed-ups of builder/mkdocs_speed.py change how fast the site is built, never what is built."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from builder import mkdocs_split
from builder.mkdocs_search import SEARCH_ATTRIBUTES, indexed_part
from builder.mkdocs_split import share
from builder.mkdocs_stash import Stash

from .conftest import REAL_SEED, REPO, make_project, mkdocs_build, tree_bytes
from .test_mkdocs_build import HOSTILE, SPECIAL

FIXTURES = REPO / "tests" / "fixtures"
SPEED_HOOK = "  - builder/mkdocs_speed.py"


def test_stashed_blocks_come_back_as_python_markdown_leaves_a_raw_block() -> None:
    import markdown  # type: ignore[import-untyped]

    page = (
        "# Title\n\n"
        '<ul class="briefings">\n<li><a href="x/">A &amp; B</a></li>\n</ul>\n\n'
        "Text between.\n\n"
        '<p class="briefing-meta"><strong>Tags:</strong> <a href="t/">T</a><br>\n<strong>Region:</strong> R</p>'
    )
    stash = Stash()
    taken = stash.take(page)
    assert "<ul" not in taken and "<p class" not in taken and len(stash.blocks) == 2
    assert stash.put_back(markdown.markdown(taken)) == markdown.markdown(page)


def test_only_the_builders_own_blocks_are_stashed_and_tokens_cannot_be_forged() -> None:
    stash = Stash()
    page = '<ul class="other">\n<li>x</li>\n</ul>\n\n<ul class="briefings">\n<li>y</li>\n</ul>\n'
    assert stash.take(page).startswith('<ul class="other">')
    forged = "<p>briefings-stash-0000000000000000-0</p>\n<p>briefings-stash-%s-0</p>" % ("0" * 16)
    html = stash.put_back(forged + f"\n<p>briefings-stash-{stash.nonce}-0</p>")
    assert html.startswith(forged) and html.endswith('<ul class="briefings">\n<li>y</li>\n</ul>')


def test_a_block_that_lost_its_token_is_an_error() -> None:
    stash = Stash()
    stash.take('<ul class="briefings">\n<li>y</li>\n</ul>')
    with pytest.raises(ValueError, match="1 of 1 raw HTML blocks were not restored"):
        stash.put_back("<p>nothing here</p>")


def test_search_reads_up_to_the_first_excluded_heading_when_all_after_it_are_excluded() -> None:
    head = '<h1 id="t">Title</h1>\n<p>Intro</p>\n'
    excluded = 'data-search-exclude="true"'
    tail = f'<h2 id="y" {excluded}>2025</h2>\n<ul><li>x</li></ul>\n<h3 id="m" {excluded}>M</h3>'
    assert indexed_part(head + tail) == len(head)
    assert indexed_part(head) is None
    assert indexed_part(head + tail + '\n<h2 id="z">Counted</h2>\n<p>text</p>') is None
    assert SEARCH_ATTRIBUTES.sub("", tail).count("data-search") == 0


def _corpus(root: Path) -> None:
    for seed in [
        REAL_SEED,
        *sorted((FIXTURES / "devset").glob("*.txt")),
        *sorted((FIXTURES / "heldout").glob("*.txt")),
    ]:
        shutil.copy(seed, root / "seeds" / seed.name)
    title = " ".join(HOSTILE)
    body = "".join(f"Case {i}: {text} ends here." for i, text in enumerate(HOSTILE + SPECIAL))
    (root / "seeds" / "001_1111111111111111.txt").write_text(f"{title}Tue, 11 Nov 2025 08:00:00 GMT\n\n{body}")
    lookalike = '<ul class="briefings">\n<li>not from the builder</li>\n</ul>\n\nbriefings-stash-0123456789abcdef-0'
    (root / "seeds" / "002_hostile.md").write_text(
        "---\nid: '2222222222222222'\ntitle: 'Markdown seed'\ndate: 2025-11-12T08:00:00Z\n---\n\n"
        + "\n\n".join([*HOSTILE, *SPECIAL, lookalike])
        + "\n"
    )


def test_the_fast_build_on_two_processes_gives_the_site_of_a_plain_build(tmp_path: Path) -> None:
    fast = make_project(tmp_path / "fast")
    _corpus(fast)
    plain = tmp_path / "plain"
    shutil.copytree(fast, plain)
    config = (plain / "mkdocs.yml").read_text(encoding="utf-8")
    assert config.count("mkdocs_speed.py") == 1
    (plain / "mkdocs.yml").write_text(
        "".join(line for line in config.splitlines(keepends=True) if "mkdocs_speed.py" not in line), encoding="utf-8"
    )
    epoch = {"SOURCE_DATE_EPOCH": "1762761559"}
    fast_build = mkdocs_build(fast, fast / "site", BRIEFINGS_WORKERS="2", **epoch)
    assert fast_build.returncode == 0, fast_build.stderr
    assert "pages in a second process" in fast_build.stderr  # the split did happen
    plain_build = mkdocs_build(plain, plain / "site", BRIEFINGS_WORKERS="1", **epoch)
    assert plain_build.returncode == 0, plain_build.stderr
    fast_site, plain_site = tree_bytes(fast / "site"), tree_bytes(plain / "site")
    assert len(fast_site) > 300
    assert sorted(fast_site) == sorted(plain_site)
    assert [name for name in fast_site if fast_site[name] != plain_site[name]] == []


def test_warnings_of_pages_built_in_the_second_process_fail_a_strict_build(project: Path) -> None:
    # The two largest pages go one to each process: the larger to the second process, which finds
    # a broken link in it; each links to a missing anchor of the other, which this process checks.
    extra = project / "docs" / "extra"
    extra.mkdir()
    padding = "\n\n".join(f"Paragraph {i} of padding." for i in range(400))
    first = f"# First\n\n[gone](missing.md) [where](second.md#nowhere)\n\n{padding}\n\n{padding}\n"
    (extra / "first.md").write_text(first, encoding="utf-8")
    second = f"# Second\n\n[there](first.md#nowhere-else) [here](first.md#first)\n\n{padding}\n"
    (extra / "second.md").write_text(second, encoding="utf-8")
    shutil.copy(REAL_SEED, project / "seeds" / REAL_SEED.name)
    result = mkdocs_build(project, project / "site", BRIEFINGS_WORKERS="2")
    assert result.returncode != 0
    assert "pages in a second process" in result.stderr
    assert "'extra/first.md' contains a link 'missing.md'" in result.stderr
    assert "'extra/first.md' contains a link 'second.md#nowhere'" in result.stderr
    assert "'extra/second.md' contains a link 'first.md#nowhere-else'" in result.stderr
    assert "'first.md#first'" not in result.stderr
    # the three above, and the pages' absence from the navigation
    assert "Aborted with 4 warnings in strict mode" in result.stdout + result.stderr


def test_the_second_process_takes_the_larger_page_of_each_pair(tmp_path: Path) -> None:
    files = []
    for name, size in [("a", 10), ("b", 500), ("c", 40), ("d", 300), ("e", 5)]:
        (tmp_path / f"{name}.md").write_text("x" * size)
        files.append(SimpleNamespace(abs_src_path=str(tmp_path / f"{name}.md"), src_uri=f"{name}.md"))
    chosen = share(files)  # type: ignore[arg-type]  # what share reads of a File
    assert [f.src_uri for f in chosen] == ["b.md", "c.md", "e.md"]  # b 500, d 300 | c 40, a 10 | e 5


def test_the_split_is_for_a_whole_build_of_a_large_site_unless_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFINGS_WORKERS", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1}, raising=False)  # two cores
    mkdocs_split.on_startup("build", False)
    assert mkdocs_split.wanted(5000) and not mkdocs_split.wanted(10)
    monkeypatch.setenv("BRIEFINGS_WORKERS", "1")  # README: turns the split off
    assert not mkdocs_split.wanted(5000)
    monkeypatch.setenv("BRIEFINGS_WORKERS", "2")  # forces it, even for a small site (the tests use it)
    assert mkdocs_split.wanted(10)
    for command, dirty in (("serve", False), ("build", True)):
        mkdocs_split.on_startup(command, dirty)
        assert not mkdocs_split.wanted(5000)
    mkdocs_split.on_startup("build", False)
