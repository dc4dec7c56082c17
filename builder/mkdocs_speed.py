"""MkDocs hook (mkdocs.yml `hooks:`): build a large archive faster, into the very same site.

Each speed-up lives in its own module and is wired to MkDocs' events here:
- `mkdocs_stash`: the builder's raw HTML blocks go around Python-Markdown, not through it;
- `mkdocs_search`: Material's search reads a page only up to where its index stops taking text;
- `mkdocs_split`: a plain `mkdocs build` of a large site renders its pages on two cores;
- `mkdocs_theme`: the theme's parts that are the same on many pages are filled once;
- `mkdocs_markdown`: every page is converted by one Python-Markdown converter, not a new one;
- and the objects that live through a build are frozen out of the cyclic garbage collector's way.
Taking this file out of `hooks:` gives the same site, more slowly (tests/test_speed.py builds
both ways and compares every byte); so does an engine that runs no MkDocs hooks.
"""

from __future__ import annotations

import gc
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

from builder import mkdocs_markdown, mkdocs_split, mkdocs_theme
from builder.mkdocs_search import indexed_part, search_plugin, strip_search_attributes
from builder.mkdocs_stash import Stash
from builder.site import GENERATED_ROOTS


def on_startup(command: str, dirty: bool, **kwargs: Any) -> None:
    mkdocs_split.on_startup(command, dirty)


def on_nav(nav: Any, config: Any, files: Any, **kwargs: Any) -> Any:
    if mkdocs_split.full_build():
        # What exists now (the theme, the builder's vocabularies, the file list) lives to the end:
        # the cyclic collector need not walk it again at every collection of the pages' garbage.
        gc.freeze()
    mkdocs_markdown.start(config)  # before the split, so that both processes convert so
    mkdocs_split.start(config, files, nav)  # the last event before MkDocs reads the pages
    return nav


def on_env(env: Any, config: Any, files: Any, **kwargs: Any) -> Any:
    mkdocs_theme.reuse(env, config)  # in each process: the second one makes its own environment
    return env


def on_post_build(config: Any, **kwargs: Any) -> None:
    mkdocs_split.finish()
    mkdocs_markdown.finish()


def on_build_error(error: Exception, **kwargs: Any) -> None:
    mkdocs_split.finish()
    mkdocs_markdown.finish()


def _generated(page: Any) -> bool:
    """A page the builder wrote (only those have blocks to stash and lists to leave unread)."""
    return str(page.file.src_uri).split("/", 1)[0] in GENERATED_ROOTS


_stashes: dict[str, Stash] = {}


def on_page_markdown(markdown: str, page: Any, **kwargs: Any) -> str:
    if not _generated(page):
        return markdown
    stash = _stashes[page.file.src_uri] = Stash()
    return stash.take(markdown)


def on_page_content(html: str, page: Any, **kwargs: Any) -> str:
    stash = _stashes.pop(page.file.src_uri, None)
    if stash is None:
        return html
    try:
        return stash.put_back(html)
    except ValueError as error:
        raise PluginError(f"briefings: {page.file.src_uri}: {error}") from None


_unread: dict[str, str] = {}  # page -> the part of its HTML the search plugin was not given


@event_priority(100)  # before Material's search plugin
def _give_search_its_part(context: Any, page: Any, config: Any, **kwargs: Any) -> Any:
    if _generated(page) and page.content and search_plugin(config) is not None:
        cut = indexed_part(page.content)
        if cut is not None:
            _unread[page.file.src_uri] = page.content[cut:]
            page.content = page.content[:cut]
    return context


@event_priority(-100)  # after it
def _put_back_the_rest(context: Any, page: Any, **kwargs: Any) -> Any:
    rest = _unread.pop(page.file.src_uri, None)
    if rest is not None:
        page.content += strip_search_attributes(rest)
    return context


on_page_context = CombinedEvent(_give_search_its_part, _put_back_the_rest)
