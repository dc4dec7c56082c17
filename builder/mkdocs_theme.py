"""Fill the theme's parts that come out the same on page after page once, not once per page.

Material fills its whole template for every page: on the 1,000-seed benchmark site that took
about as long as converting the page's Markdown, yet some parts are the same on thousands
of pages:
- the search box and the colour palette switch (partials/search.html, palette.html) are
  made of the configuration and its translations only;
- the footer (partials/footer.html) of a page with no previous or next page (every page
  outside the navigation: every briefing and index page) is made of the configuration and
  its translations only;
- the navigation sidebar (partials/nav.html) of a page outside the navigation marks no page
  as the current one: it depends on the page only through the addresses of its links
  relative to the page, so every page whose links come out the same (all actor pages, all
  briefing pages...) gets the same sidebar;
- a translation (`lang.t("key")`, a lookup in a table that Jinja builds anew at every call)
  is always the same for the same key.
Each of these is filled once per build and remembered (the sidebar once per distinct set of
link addresses). This was checked against Material's own templates of MATERIAL_VERSION
(pinned in constraints.txt): with another version, or for a template overridden in
`custom_dir`, the part is filled as usual. The site is the same byte for byte
(tests/test_speed.py builds it with and without this).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from pathlib import Path
from typing import Any

import material  # type: ignore[import-untyped]
from jinja2 import Environment, Template
from jinja2.runtime import Context
from mkdocs.utils import normalize_url

MATERIAL_VERSION = "9.8.1"  # the templates this module was checked against
_MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"

Key = Callable[[Context], Hashable | None]  # None: fill this page's part as usual


def reuse(env: Environment, config: Any) -> None:
    """Make the parts above render once per build in `env` (called from on_env)."""
    if material.__version__ != MATERIAL_VERSION:
        return
    for name in ("partials/search.html", "partials/palette.html"):
        _remember(env, name, _same_on_every_page)
    _remember(env, "partials/footer.html", _no_neighbours)
    _remember(env, "partials/nav.html", _link_addresses)
    for language in dict.fromkeys((config.theme.get("language"), "en")):  # the translations and their fallback
        template = _material(env, f"partials/languages/{language}.html")
        if template is not None:
            _remember_translations(template)


def _material(env: Environment, name: str) -> Template | None:
    """Material's own template of that name, or None when it is overridden or missing."""
    try:
        template = env.get_template(name)
    except Exception:  # e.g. a language Material does not have: nothing to speed up
        return None
    filename = Path(template.filename or "")
    return template if filename.is_relative_to(_MATERIAL_TEMPLATES) else None


def _remember(env: Environment, name: str, key: Key) -> None:
    """Fill the template once per key; a page whose key is None is filled as usual."""
    template = _material(env, name)
    if template is None:
        return
    fill = template.root_render_func
    filled: dict[Hashable, str] = {}

    def root_render_func(context: Context) -> Iterator[str]:
        found = key(context)
        if found is None:
            yield from fill(context)
            return
        if found not in filled:
            filled[found] = "".join(fill(context))
        yield filled[found]

    template.root_render_func = root_render_func


def _same_on_every_page(context: Context) -> Hashable:
    return ()


def _no_neighbours(context: Context) -> Hashable | None:
    """The same key for every page without a previous or next page (whose footer links none)."""
    page = context.get("page")
    if page is None or page.previous_page is not None or page.next_page is not None:
        return None
    return ()


def _link_addresses(context: Context) -> Hashable | None:
    """The addresses, relative to the page, of every link the sidebar can show, or None for a
    page of the navigation (which the sidebar marks as the current one), and for a navigation
    with items that list pages of their own (the views of Material's blog plugin)."""
    page, nav, config = context.get("page"), context.get("nav"), context.get("config")
    if page is None or nav is None or config is None or any(item.active for item in nav.pages):
        return None
    items = list(_items(nav.items))
    if any(hasattr(item, "pages") for item in items):
        return None
    homepage = nav.homepage.url if nav.homepage is not None else ""
    targets = [config.extra.get("homepage"), homepage, config.theme.get("logo")]
    targets += [item.url for item in items if getattr(item, "url", None) is not None]
    return tuple(normalize_url(str(target), page) for target in targets)


def _items(items: list[Any]) -> Iterator[Any]:
    """Every item of the navigation, sections' children included."""
    for item in items:
        yield item
        yield from _items(getattr(item, "children", None) or [])


def _remember_translations(template: Template) -> None:
    """Remember each key's translation: the macro `t` of a language template is a pure lookup."""
    module = template.module
    translate = getattr(module, "t", None)
    if translate is None:
        return
    known: dict[str, Any] = {}

    def t(key: Any) -> Any:
        if not isinstance(key, str):
            return translate(key)
        if key not in known:
            known[key] = translate(key)
        return known[key]

    setattr(module, "t", t)  # noqa: B010  (a template module has no declared attributes)
