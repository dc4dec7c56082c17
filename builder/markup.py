"""Escaping seed text so that it shows exactly as written and never becomes markup. Pure.

Generated pages are Markdown read by Python-Markdown (MkDocs) with the extensions named
in mkdocs.yml. Every character that Markdown, HTML or those extensions could read as
syntax is written as a character reference, which every Markdown engine passes through
as the character itself. Enabling another inline extension (emoji, mark, caret, tilde…)
means checking this table: tests/test_escaping.py builds a real site to prove it.
"""

from __future__ import annotations

import html
import re

_INLINE = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "\\": "&#92;",
    "`": "&#96;",
    "*": "&#42;",
    "_": "&#95;",
    "[": "&#91;",
    "]": "&#93;",
    "{": "&#123;",  # attr_list, Jinja-looking text
    "}": "&#125;",
    "|": "&#124;",  # tables
    "~": "&#126;",
    "^": "&#94;",
    "$": "&#36;",
}
_SPECIAL = re.compile("[" + re.escape("".join(_INLINE)) + "]")
# Block syntax that only counts at the start of a line: headings, lists, rules,
# admonitions (!!!), definition lists (:), setext underlines (=), numbered lists (1. / 1)).
_LINE_START = re.compile(r"^(?:[#\-+=!:%]|\d+(?=[.)]))")


def md_text(text: str) -> str:
    """Plain text -> Markdown that renders as exactly that text, on one line."""
    escaped = _SPECIAL.sub(_reference, " ".join(text.split()))  # faster than str.translate
    match = _LINE_START.match(escaped)
    if match is None:
        return escaped
    if match.group(0)[0].isdigit():  # escape the dot or bracket after the number
        end = match.end()
        return f"{escaped[:end]}&#{ord(escaped[end])};{escaped[end + 1 :]}"
    return f"&#{ord(escaped[0])};{escaped[1:]}"


def _reference(match: re.Match[str]) -> str:
    return _INLINE[match.group()]


def html_text(text: str) -> str:
    """Plain text -> HTML text or attribute value (quotes escaped too)."""
    return html.escape(text, quote=True)


def html_line(text: str) -> str:
    """Plain text -> HTML text on one line, spaces collapsed (inside a raw HTML block of a page)."""
    return html.escape(" ".join(text.split()), quote=True)
