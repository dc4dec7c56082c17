"""Build a large site's pages on two cores: MkDocs renders pages one after another on one.

`mkdocs build` spends nine tenths of a large archive's build reading Markdown and filling
the theme's template, page after page. When it pays (a plain `mkdocs build` of a large
site on a machine with cores to spare), the hook forks once just before the pages are read:
the forked process reads and renders half of the pages that are not in the navigation
(the generated briefings and index pages) and writes their HTML, while MkDocs, in this
process, does everything else as usual. What the other process found is handed back in
MkDocs' own order: each page's search-index entries in the page's place, its anchors and
anchor links for MkDocs' link check, its warnings (so `--strict` still fails on them).
The site is the same byte for byte (tests/test_site.py builds it both ways).

This reaches into MkDocs' build loop (the `_populate_page` and `_build_page` steps of
`mkdocs.commands.build` and `Page.validate_anchor_links`) and into Material's search index:
both versions are pinned in constraints.txt, and any other MkDocs version turns the
split off. `mkdocs serve`, `--dirty`, small sites, one core, a process that already runs
threads, and `BRIEFINGS_WORKERS=1` build the usual way.
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import mkdocs
from mkdocs.commands import build as mkdocs_build
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from builder.mkdocs_search import search_plugin

MKDOCS_VERSION = "1.6.1"  # the build loop this module was written against
MIN_PAGES = 300  # below this, a second process saves less than it costs
# This process's own work (see share) takes about as long as building one in this many of its
# pages (1,000-seed benchmark: both processes then finish within a few tenths of a second).
MAIN_EXTRA = 20

log = logging.getLogger("mkdocs.hooks.briefings.split")


@dataclass
class PageResult:
    """What the other process learnt of one page and this process needs."""

    search_entries: list[dict[str, Any]]
    anchors: set[str] | None
    links_to_anchors: dict[str, dict[str, str]]  # target's src_uri -> {anchor: link as written}


@dataclass
class WorkerResult:
    pages: dict[str, PageResult] = field(default_factory=dict)
    records: list[tuple[str, int, str]] = field(default_factory=list)  # logger, level, message
    error: str | None = None


@dataclass
class _Split:
    """One build's split: the pages the other process builds and the pipe it answers on."""

    owned: frozenset[str]  # src_uris
    config: Any
    pid: int
    reader: int
    placeholders: dict[str, object] = field(default_factory=dict)  # src_uri -> marker in the search index
    done: bool = False


_split: _Split | None = None
_command: str | None = None
_dirty = False


def on_startup(command: str, dirty: bool) -> None:
    global _command, _dirty
    _command, _dirty = command, dirty


def full_build() -> bool:
    """Whether this run is a whole `mkdocs build` (or `gh-deploy`): not `serve`, not `--dirty`."""
    return _command in ("build", "gh-deploy") and not _dirty


def wanted(pages: int) -> bool:
    """Whether to split this build (see the module's docstring)."""
    setting = os.environ.get("BRIEFINGS_WORKERS", "")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if setting.isdigit() and int(setting) >= 1:
        cores = int(setting)
    elif pages < MIN_PAGES:
        return False
    return (
        cores >= 2
        and full_build()
        and hasattr(os, "fork")
        and threading.active_count() == 1
        and mkdocs.__version__ == MKDOCS_VERSION
    )


def share(files: list[File]) -> list[File]:
    """The pages the other process builds: every other one by size, so that both halves weigh
    about the same (a tag page lists hundreds of briefings, a dossier a few); the larger of each
    pair, and one in MAIN_EXTRA of the smaller ones too, as this process also copies the static
    files, makes the 404 page and the sitemap and writes the search index."""
    by_size = sorted(files, key=lambda f: (-Path(str(f.abs_src_path)).stat().st_size, f.src_uri))
    larger, smaller = by_size[0::2], by_size[1::2]
    return larger + smaller[MAIN_EXTRA - 1 :: MAIN_EXTRA]


def start(config: Any, files: Files, nav: Any) -> None:
    """Fork the other process for half of the pages not in the navigation (called from on_nav)."""
    global _split
    _split = None
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    in_nav = {id(page.file) for page in nav.pages}
    candidates = [f for f in doc_files if id(f) not in in_nav]
    if not wanted(len(candidates)):
        return
    owned = share(candidates)
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the other process: build its pages, answer, and never return into MkDocs
        status = 1
        try:
            os.close(reader)
            result = _build_share(config, files, nav, doc_files, owned)
            with os.fdopen(writer, "wb") as pipe:
                pickle.dump(result, pipe, protocol=pickle.HIGHEST_PROTOCOL)
            status = 0
        finally:
            os._exit(status)
    os.close(writer)
    log.info("briefings: building %d of %d pages in a second process", len(owned), len(doc_files))
    _split = _Split(frozenset(f.src_uri for f in owned), config, pid, reader)
    _patch()


def _build_share(config: Any, files: Files, nav: Any, doc_files: Sequence[File], owned: list[File]) -> WorkerResult:
    """In the other process: read, render and write `owned`, as MkDocs' build loop would."""
    result = WorkerResult()
    capture = _Capture(result.records)
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.handlers = [capture]  # warnings go back to the first process, which shows and counts them
    mkdocs_logger.propagate = False
    try:
        for page in nav.pages:  # the navigation's titles, which every page shows
            mkdocs_build._populate_page(page, config, files)
        for file in owned:
            if file.page is None:
                Page(None, file, config)
            assert file.page is not None
            mkdocs_build._populate_page(file.page, config, files)
        env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
        index = _search_entries(config)
        for file in owned:
            page = file.page
            assert page is not None
            before = len(index)
            mkdocs_build._build_page(page, config, doc_files, nav, env, False, excluded=False)
            result.pages[file.src_uri] = PageResult(
                search_entries=index[before:],
                anchors=page.present_anchor_ids,
                links_to_anchors={
                    target.src_uri: dict(links) for target, links in (page.links_to_anchors or {}).items()
                },
            )
    except Exception:
        result.error = traceback.format_exc()
    return result


class _Capture(logging.Handler):
    def __init__(self, records: list[tuple[str, int, str]]) -> None:
        super().__init__(logging.WARNING)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _search_entries(config: Any) -> list[Any]:
    """Material's search index entries (a list the plugin appends to), or a throwaway list."""
    entries = getattr(getattr(search_plugin(config), "search_index", None), "entries", None)
    return entries if isinstance(entries, list) else []


# --- this process: skip the other process's pages, then take its results in their place ---

_originals: dict[str, Callable[..., Any]] = {}


def _patch() -> None:
    _originals["populate"] = mkdocs_build._populate_page
    _originals["build"] = mkdocs_build._build_page
    _originals["validate"] = Page.validate_anchor_links
    mkdocs_build._populate_page = _populate_page
    mkdocs_build._build_page = _build_page
    Page.validate_anchor_links = _validate_anchor_links  # type: ignore[method-assign,assignment]


def finish() -> None:
    """Undo the patches and reap the other process (after the build, or when it failed)."""
    global _split
    if "populate" in _originals:
        mkdocs_build._populate_page = _originals.pop("populate")
        mkdocs_build._build_page = _originals.pop("build")
        Page.validate_anchor_links = _originals.pop("validate")  # type: ignore[method-assign]
    if _split is not None and not _split.done:  # the build failed before the results were taken
        _split.done = True
        os.close(_split.reader)
        os.kill(_split.pid, signal.SIGKILL)
        os.waitpid(_split.pid, 0)
    _split = None


def _owned(page: Page) -> bool:
    return _split is not None and page.file.src_uri in _split.owned


def _populate_page(page: Page, config: Any, files: Files, dirty: bool = False) -> None:
    if not _owned(page):
        _originals["populate"](page, config, files, dirty)


def _build_page(page: Page, config: Any, doc_files: Any, nav: Any, env: Any, *args: Any, **kwargs: Any) -> None:
    if not _owned(page):
        _originals["build"](page, config, doc_files, nav, env, *args, **kwargs)
        return
    assert _split is not None
    marker = object()  # the page's place in the search index, filled when the results arrive
    _search_entries(config).append(marker)
    _split.placeholders[page.file.src_uri] = marker


def _validate_anchor_links(page: Page, *, files: Files, log_level: int) -> None:
    if _split is not None and not _split.done:
        _take_results(files)
    _originals["validate"](page, files=files, log_level=log_level)


def _take_results(files: Files) -> None:
    """Wait for the other process, then put what it found where MkDocs expects it."""
    assert _split is not None
    with os.fdopen(_split.reader, "rb") as pipe:
        data = pipe.read()
    _split.done = True
    _, status = os.waitpid(_split.pid, 0)
    if not data or status != 0:
        raise PluginError("briefings: the second build process stopped without an answer")
    result: WorkerResult = pickle.loads(data)
    for name, level, message in result.records:
        logging.getLogger(name).log(level, message)
    if result.error is not None:
        raise PluginError("briefings: building pages in the second process failed:\n" + result.error)
    by_uri = {f.src_uri: f for f in files}
    for uri, found in result.pages.items():
        page = by_uri[uri].page
        assert page is not None
        page.present_anchor_ids = found.anchors
        page.links_to_anchors = {by_uri[t]: links for t, links in found.links_to_anchors.items()}
    entries = _search_entries(_split.config)
    where = {id(marker): uri for uri, marker in _split.placeholders.items()}
    entries[:] = list(_splice(entries, where, result))


def _splice(entries: list[Any], where: dict[int, str], result: WorkerResult) -> Iterator[Any]:
    for entry in entries:
        uri = where.get(id(entry))
        if uri is None:
            yield entry
        else:
            yield from result.pages[uri].search_entries
