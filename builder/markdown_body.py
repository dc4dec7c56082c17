"""A Markdown seed's body -> sanitised HTML and plain-text paragraphs. Pure.

Seed text never becomes markup: raw HTML is escaped, only http(s), mailto and relative
links are kept, images become links to them (nothing is loaded from another host), and
headings move one level down under the page title.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def _safe_link(url: str) -> bool:
    url = url.strip()
    if any(ord(c) < 32 for c in url):
        return False
    scheme = urlsplit(url).scheme.lower()
    return scheme in SAFE_SCHEMES if scheme else not url.startswith("//")


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = _safe_link  # type: ignore[method-assign]
    return md


_MD = _parser()


def render_body(markdown: str) -> tuple[str, tuple[str, ...]]:
    """Return (HTML, paragraphs as plain text) for a Markdown body."""
    tokens = _MD.parse(markdown)
    paragraphs: list[str] = []
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + 1, 6)}"
        elif token.type == "inline":
            token.children = [piece for child in token.children or [] for piece in _no_images(child)]
            text = _plain(token.children)
            if text:
                paragraphs.append(text)
            for child in token.children:
                if child.type == "link_open" and urlsplit(str(child.attrGet("href"))).scheme:
                    child.attrSet("rel", "nofollow noopener")
    html = _MD.renderer.render(tokens, _MD.options, {})
    return html, tuple(paragraphs)


def _no_images(token: Token) -> list[Token]:
    """An image becomes a link to it, labelled with its alt text: nothing loads by itself."""
    if token.type != "image":
        return [token]
    href = str(token.attrGet("src"))
    alt = _plain(token.children or []) or href
    return [
        Token("link_open", "a", 1, attrs={"href": href}),
        Token("text", "", 0, content=alt),
        Token("link_close", "a", -1),
    ]


def _plain(children: list[Token]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())
