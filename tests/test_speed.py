"""The speed-ups of builder/mkdocs_speed.py change how fast the site is built, never what is built."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import markdown  # type: ignore[import-untyped]
import material  # type: ignore[import-untyped]
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from builder import mkdocs_markdown, mkdocs_search, mkdocs_split, mkdocs_theme
from builder.mkdocs_search import SEARCH_ATTRIBUTES, indexed_part, strip_search_attributes
from builder.mkdocs_split import share
from builder.mkdocs_stash import Stash

from .conftest import REAL_SEED, REPO, make_project, mkdocs_build, tree_bytes
from .test_mkdocs_build import HOSTILE, SPECIAL

FIXTURES = REPO / "tests" / "fixtures"
SPEED_HOOK = "  - builder/mkdocs_speed.py"


def test_stashed_blocks_come_back_as_python_markdown_leaves_a_raw_block() -> None:
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


# HTML heavy in what the search helpers look for: headings, attributes, spaces of every kind.
PIECES = ["<h2", "<h3 ", "<h1>", "<h", ">", "\n", " ", "\xa0", "\t", "\x1c", "x", "=", '"']
PIECES += ["data-search-", "exclude", '="true"']
HTML = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@given(HTML)
@settings(max_examples=500)
def test_the_fast_attribute_strip_and_heading_search_match_the_regular_expressions(html: str) -> None:
    assert strip_search_attributes(html) == SEARCH_ATTRIBUTES.sub("", html)
    slow = [m.start() for m in re.finditer(r"^<h[1-6][\s>]", html, re.MULTILINE)]
    assert list(mkdocs_search._headings(html)) == slow


# Markdown heavy in what Python-Markdown's inline patterns and this project's extensions read:
# whole constructs, and their pieces to make broken ones.
MARKUP_PIECES = ["*a*", "**b**", "_c_", "`d`", "\\*", "[e](x.md)", "![f](y.png)", "<https://z.org>", "<b>g</b>"]
MARKUP_PIECES += ["&amp;", "&#38;", "&", "h  \ni", "*", "_", "`", "[", "]", "(", ")", "<", ">", "\\", "!"]
MARKUP_PIECES += ["\n", "\n\n", "# ", "## ", " {#id}", " { .c }", "!!! note\n    ", "| a | b |\n| - | - |\n| "]
MARKUP_PIECES += ["```\n", "    ", "- ", "1. ", "j", " k ", "“q”", "{", "}", "=", '"', "\xa0"]
MARKDOWN = st.lists(st.sampled_from(MARKUP_PIECES), max_size=30).map("".join)


@given(MARKDOWN)
@settings(max_examples=500)
def test_text_marked_plain_converts_as_python_markdown_converts_it(text: str) -> None:
    extensions = ["toc", "tables", "fenced_code", "admonition", "attr_list"]
    configs = {"toc": {"permalink": True}}
    plain = markdown.Markdown(extensions=extensions, extension_configs=configs)
    assert mkdocs_markdown._plain_text_is_safe({"markdown_extensions": extensions}, plain)
    plain.treeprocessors.register(mkdocs_markdown.PlainText(plain), "briefings_plain_text", 25)
    usual = markdown.Markdown(extensions=extensions, extension_configs=configs)
    assert plain.convert(text) == usual.convert(text)
    assert plain.toc_tokens == usual.toc_tokens


def test_the_theme_parts_are_reused_with_the_material_they_were_checked_against(project: Path) -> None:
    # A new Material (constraints.txt) turns the reuse off until its templates are checked again.
    assert material.__version__ == mkdocs_theme.MATERIAL_VERSION
    config = load_config(str(project / "mkdocs.yml"))
    env = config.theme.get_env()
    names = ["partials/search.html", "partials/palette.html", "partials/footer.html", "partials/nav.html"]
    usual = {name: env.get_template(name).root_render_func for name in names}
    mkdocs_theme.reuse(env, config)
    assert [name for name in names if env.get_template(name).root_render_func is usual[name]] == []


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


def test_the_second_process_takes_the_larger_page_of_each_pair_and_a_few_smaller_ones(tmp_path: Path) -> None:
    files = []
    for name, size in [("a", 10), ("b", 500), ("c", 40), ("d", 300), ("e", 5)]:
        (tmp_path / f"{name}.md").write_text("x" * size)
        files.append(SimpleNamespace(abs_src_path=str(tmp_path / f"{name}.md"), src_uri=f"{name}.md"))
    chosen = share(files)  # type: ignore[arg-type]  # what share reads of a File
    assert [f.src_uri for f in chosen] == ["b.md", "c.md", "e.md"]  # b 500, d 300 | c 40, a 10 | e 5
    many = []
    for number in range(100):  # and one smaller page in MAIN_EXTRA too, for this process's other work
        (tmp_path / f"{number:03d}.md").write_text("x" * (1000 - number))
        many.append(SimpleNamespace(abs_src_path=str(tmp_path / f"{number:03d}.md"), src_uri=f"{number:03d}.md"))
    chosen = share(many)  # type: ignore[arg-type]
    smaller = [f"{number:03d}.md" for number in range(1, 100, 2)]
    extra = smaller[mkdocs_split.MAIN_EXTRA - 1 :: mkdocs_split.MAIN_EXTRA]
    assert [f.src_uri for f in chosen] == [f"{number:03d}.md" for number in range(0, 100, 2)] + extra
    assert len(extra) == 2


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


def test_one_converter_serves_every_page_of_a_build_and_mkdocs_gets_its_own_back(project: Path) -> None:
    from mkdocs.structure import pages

    config = load_config(str(project / "mkdocs.yml"))
    extensions, settings = config["markdown_extensions"], config["mdx_configs"]
    mkdocs_markdown.start(config)
    try:
        seen = getattr(pages, "markdown")  # noqa: B009  (the module MkDocs' page module calls)
        first = seen.Markdown(extensions=extensions, extension_configs=settings)
        assert seen.Markdown(extensions=extensions, extension_configs=settings) is first
        assert seen.util is markdown.util  # the rest of the module is Python-Markdown's
    finally:
        mkdocs_markdown.finish()
    assert getattr(pages, "markdown") is markdown  # noqa: B009
