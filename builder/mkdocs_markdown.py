"""Convert every page with one Python-Markdown converter, which leaves plain text alone sooner.

- MkDocs makes a new converter for each page (`Page.render`), which loads the configured
  extensions and builds all their processors again: a seventh of the time of converting a
  generated page. A converter is made to be reused: `Markdown.reset()` clears what it kept of
  the last document, the extensions' state included. While a build runs, the `markdown` that
  MkDocs' page module calls gives it the build's converter, reset, instead of a new one
  (MkDocs' own `render` runs as it is); MkDocs' processors of a page are registered anew for
  each page under their names, replacing the last page's.
- Python-Markdown tries each of its 14 inline patterns on every run of text, though each
  needs a character that most text has none of (MARKUP): a heading, a token of the stash,
  a plain paragraph of a briefing. Such text is marked atomic before the inline patterns
  run, which is how Python-Markdown lets a processor say "leave this text as it is"; it
  would have been left as it is anyway. A tenth of the conversion of a generated page.
The pages come out the same (tests/test_speed.py compares the whole site, and a converter
with and without the marking on text full of markup).

Only for MKDOCS_VERSION (whose `Page.render` makes its converter as `markdown.Markdown(...)`)
and when every configured extension is one of Python-Markdown's own, whose reset is known to
clear all they keep (otherwise MkDocs renders as usual); the marking only with the extensions
it was checked with, CHECKED.
"""

from __future__ import annotations

import pkgutil
import re
from typing import Any

import markdown  # type: ignore[import-untyped]
import markdown.extensions  # type: ignore[import-untyped]
import mkdocs
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped]
from markdown.util import AtomicString  # type: ignore[import-untyped]
from mkdocs.structure import pages

MKDOCS_VERSION = "1.6.1"  # the version whose Page.render was read for this
BUILT_IN = frozenset(module.name for module in pkgutil.iter_modules(markdown.extensions.__path__))
# The extensions (MkDocs' defaults and this project's) with which no processor but the inline
# one treats atomic text differently, and Python-Markdown's inline patterns with them.
CHECKED = frozenset({"toc", "tables", "fenced_code", "admonition", "attr_list"})
INLINE_PATTERNS = frozenset(
    {"backtick", "escape", "reference", "link", "image_link", "image_reference", "short_reference"}
    | {"short_image_ref", "autolink", "automail", "linebreak", "html", "entity", "em_strong"}
)
# What one of those patterns needs to match: a backtick, a backslash (escapes), a bracket
# (links, images, references), an angle bracket (automatic links, HTML), an ampersand
# (entities), a star or underscore (emphasis), two spaces before a line break; and the
# character that starts the converter's placeholders.
MARKUP = re.compile(r"[`\\\[<&*_\x02]|  \n")

_converter: tuple[Any, Any, Any] | None = None  # (the extensions list, their settings, the converter)


class _Markdown:
    """What MkDocs' page module sees as `markdown` during a build: the real module, but for
    `Markdown`, which gives the build's converter of these extensions, reset."""

    def __getattr__(self, name: str) -> Any:
        return getattr(markdown, name)

    @staticmethod
    def Markdown(*, extensions: Any, extension_configs: Any) -> Any:  # the name MkDocs calls
        return _converter_for(extensions, extension_configs)


def start(config: Any) -> None:
    """Convert this build's pages with one converter (called before the pages are read)."""
    if mkdocs.__version__ == MKDOCS_VERSION and all(_built_in(name) for name in config["markdown_extensions"]):
        setattr(pages, "markdown", _Markdown())  # noqa: B010  (the module MkDocs' page module calls)


def finish() -> None:
    """Let MkDocs make its converters again (after the build, or when it failed)."""
    global _converter
    setattr(pages, "markdown", markdown)  # noqa: B010
    _converter = None


def _built_in(extension: Any) -> bool:
    return isinstance(extension, str) and extension.removeprefix("markdown.extensions.") in BUILT_IN


def _converter_for(extensions: Any, extension_configs: Any) -> Any:
    """The converter of these extensions (the configuration's own list, the same at every page),
    reset; made at the first page."""
    global _converter
    if _converter is not None and _converter[0] is extensions and _converter[1] == extension_configs:
        return _converter[2].reset()
    md = markdown.Markdown(extensions=extensions, extension_configs=extension_configs)
    if _plain_text_is_safe({"markdown_extensions": extensions}, md):
        md.treeprocessors.register(PlainText(md), "briefings_plain_text", 25)  # before "inline", 20
    _converter = (extensions, extension_configs, md)
    return md


def _plain_text_is_safe(config: Any, md: Any) -> bool:
    names = {str(name).removeprefix("markdown.extensions.") for name in config["markdown_extensions"]}
    patterns = md.inlinePatterns
    return (
        names <= CHECKED
        and len(patterns) == len(INLINE_PATTERNS)
        and all(name in patterns for name in INLINE_PATTERNS)
        and set(getattr(md.delimiters, "tokens", ())) <= {"*", "_"}
    )


class PlainText(Treeprocessor):  # type: ignore[misc]
    """Mark text in which no inline pattern can match atomic: the inline processor skips it."""

    def run(self, root: Any) -> None:
        for element in root.iter():
            if element.text and not MARKUP.search(element.text):
                element.text = AtomicString(element.text)
            if element.tail and not MARKUP.search(element.tail):
                element.tail = AtomicString(element.tail)
