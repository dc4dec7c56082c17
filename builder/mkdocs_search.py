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
from typing import Any

# A heading Python-Markdown wrote, at the start of a line, and the ones marked for exclusion.
_HEADING = re.compile(r"^<h[1-6][\s>]", re.MULTILINE)
EXCLUDED = 'data-search-exclude="true"'
# What Material's search plugin removes from a page it has indexed (material/plugins/search/plugin.py).
SEARCH_ATTRIBUTES = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")


def indexed_part(html: str) -> int | None:
    """Where the part of a page the search index can use ends: the start of its first excluded
    heading, when every heading from there on is excluded; None when the whole page counts."""
    cut = None
    for heading in _HEADING.finditer(html):
        end = html.find(">", heading.start())
        excluded = EXCLUDED in html[heading.start() : end]
        if excluded and cut is None:
            cut = heading.start()
        elif not excluded and cut is not None:
            return None
    return cut


def search_plugin(config: Any) -> Any:
    """Material's search plugin of this configuration when it is enabled, else None."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    enabled = plugin is not None and bool(getattr(plugin, "config", {}).get("enabled", True))
    return plugin if enabled else None
