"""Hand the builder's raw HTML blocks around Python-Markdown instead of through it.

Generated pages carry their long lists (an index page's briefings, a briefing's metadata
panel and related briefings) as raw HTML blocks, which Python-Markdown passes through
unchanged, but only after parsing every tag of them with its HTML parser: a third of the
time of a large build. Before a generated page is converted, each such block is swapped
for a one-line token; after, the token's paragraph is swapped back for the block, so the
page comes out exactly as Python-Markdown would have made it (tests/test_site.py compares
both). The token carries a random nonce, so no seed text can forge one.

Only blocks the builder writes are recognised: a line opening one of its classes, up to
the matching closing line, with a blank line (or the end) after it. Without this hook
(another engine, or MkDocs without hooks) the pages render the same, only more slowly.
"""

from __future__ import annotations

import re
import secrets

# The blocks the builder writes (builder/render.py, builder/indexes.py): the opening tag
# with one of these classes starts a line, and its closing tag ends a line.
_BLOCK = re.compile(
    r'^(<(ul|p|div) class="(?:briefings|related|briefing-meta|briefing-text)"[^>\n]*>.*?</\2>)$(?=\n\n|\n?\Z)',
    re.DOTALL | re.MULTILINE,
)
# A token's paragraph as Python-Markdown writes it, whatever its nonce: one pattern for every
# page (a pattern per nonce would be compiled anew for each page, as many as there are pages).
_TOKEN = re.compile(r"<p>briefings-stash-([0-9a-f]{16})-(\d+)</p>")


class Stash:
    """The blocks taken out of one page, and the tokens that stand for them."""

    def __init__(self) -> None:
        self.nonce = secrets.token_hex(8)
        self.blocks: list[str] = []

    def take(self, markdown: str) -> str:
        """The page with each builder HTML block replaced by a token paragraph."""
        return _BLOCK.sub(self._token, markdown)

    def _token(self, match: re.Match[str]) -> str:
        self.blocks.append(match.group(1))
        return f"briefings-stash-{self.nonce}-{len(self.blocks) - 1}"

    def put_back(self, html: str) -> str:
        """The converted page with each token's paragraph replaced by its block, as it was.

        Raises ValueError when a token did not come through as a paragraph of its own.
        """
        if not self.blocks:
            return html
        found = 0

        def block(match: re.Match[str]) -> str:
            nonlocal found
            if match.group(1) != self.nonce:  # not this page's: seed text, left as it is
                return match.group(0)
            found += 1
            return self.blocks[int(match.group(2))] + "\n"  # Python-Markdown ends a raw block so

        restored = _TOKEN.sub(block, html)
        if found != len(self.blocks):
            raise ValueError(f"{len(self.blocks) - found} of {len(self.blocks)} raw HTML blocks were not restored")
        # and strips the whole page's output, which may end with a block
        return restored if html.endswith("\n") else restored.rstrip("\n")
