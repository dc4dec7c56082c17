"""Let Material's search read only the part of a page it indexes.

An index page (a tag, a country, a dossier, the timeline) is found by its title and
introduction; its long lists of briefings sit under headings marked
`data-search-exclude`, which Material's search leaves out of its index, but only after
parsing every tag below them. When every heading from the first excluded one to the end
is excluded, nothing after that heading can reach the index, so the search plugin is
given the page up to there, and the rest is put back after it (with the same attributes
removed that the plugin removes from what it read). The index and pages come out the
same (tests/test_site.py compares both).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# A heading Python-Markdown wrote (at the start of a line: checked by `_headings`), and the
# ones marked for exclusion.
_HEADING = re.compile(r"<h[1-6][\s>]")
EXCLUDED = 'data-search-exclude="true"'
# What Material's search plugin removes from a page it has indexed (material/plugins/search/plugin.py),
# and the same without the optional space in front, which a regular expression can look for
# many times faster (it no longer has to try a match at every character).
SEARCH_ATTRIBUTES = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")
_ATTRIBUTE = re.compile(r"data-search-\w+=\"[^\"]+\"")


def indexed_part(html: str) -> int | None:
    """Where the part of a page the search index can use ends: the start of its first excluded
    heading, when every heading from there on is excluded; None when the whole page counts."""
    cut = None
    for start in _headings(html):
        end = html.find(">", start)
        excluded = EXCLUDED in html[start:end]
        if excluded and cut is None:
            cut = start
        elif not excluded and cut is not None:
            return None
    return cut


def _headings(html: str) -> Iterator[int]:
    """Where each heading that starts a line starts (as `^<h[1-6][\\s>]` in multi-line mode
    would find them, several times faster: the line start is checked only where a tag is)."""
    for heading in _HEADING.finditer(html):
        start = heading.start()
        if start == 0 or html[start - 1] == "\n":
            yield start


def strip_search_attributes(html: str) -> str:
    """`SEARCH_ATTRIBUTES.sub("", html)`, as Material's search plugin strips a page it indexed,
    several times faster on a long page: each attribute is found by its text, then the one
    space in front of it, if any, goes with it (a space never ends an attribute, so the matches
    are the same)."""
    kept = []
    last = 0
    for attribute in _ATTRIBUTE.finditer(html):
        start = attribute.start()
        if start > last and html[start - 1].isspace():  # `\s` of a str pattern is str.isspace
            start -= 1
        kept.append(html[last:start])
        last = attribute.end()
    kept.append(html[last:])
    return "".join(kept)


def search_plugin(config: Any) -> Any:
    """Material's search plugin of this configuration when it is enabled, else None."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    enabled = plugin is not None and bool(getattr(plugin, "config", {}).get("enabled", True))
    return plugin if enabled else None
