"""The built site in a real headless Chromium: search, navigation, no third-party requests,
accessibility (axe-core), and screenshots at laptop and phone widths.

The browser is Debian's `chromium` (.ci/run installs it); set BRIEFINGS_CHROMIUM to use
another one, such as a CI runner's preinstalled Chrome. Nothing is downloaded. Without a
browser these tests are skipped on a developer's machine and fail in CI.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .conftest import REAL_SEED, REPO, make_project, mkdocs_build

playwright = pytest.importorskip("playwright.sync_api")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")

CHROMIUM = os.environ.get("BRIEFINGS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = REPO / "tests" / "output" / "screenshots"
DEVSET = REPO / "tests" / "fixtures" / "devset"
SLUG = "mali-jihadists-seeking-islamist-control-not-to-rule-themselves-french-spy-chief"
BRIEFING = f"briefings/2025/11/10/{SLUG}/"

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"no browser at {CHROMIUM}: install Debian's chromium or set BRIEFINGS_CHROMIUM")
    pytest.skip(f"no browser at {CHROMIUM} (set BRIEFINGS_CHROMIUM)", allow_module_level=True)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A multi-region archive (the labelled development set), built and served on localhost."""
    root = make_project(tmp_path_factory.mktemp("browser") / "project")
    for seed in [REAL_SEED, *sorted(DEVSET.glob("*.txt"))]:
        shutil.copy(seed, root / "seeds" / seed.name)
    result = mkdocs_build(root, root / "site")
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_Quiet, directory=str(root / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: object, site_url: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    tab = context.new_page()
    tab.requests = requests
    yield tab
    outside = [url for url in requests if not url.startswith(("http://127.0.0.1:", "data:", "blob:"))]
    context.close()
    assert outside == [], f"requests left localhost: {outside}"


def search(page: object, site_url: str, query: str) -> list[str]:
    """Type a query into Material's search box; the text of the first five results."""
    page.goto(site_url)  # type: ignore[attr-defined]
    box = page.get_by_role("textbox", name="Search")  # type: ignore[attr-defined]
    box.click()
    results = page.locator(".md-search-result__item")  # type: ignore[attr-defined]
    # A query typed before Material's search worker has read the index goes unanswered, and
    # nothing on the page says when the index is ready: type again until results show (a loaded
    # machine needs tens of seconds), up to a minute and a half. Seen on a loaded machine: the
    # same query filled in again is not sent again, typed key by key it is.
    for attempt in range(18):
        if attempt:
            box.fill("")
            page.wait_for_timeout(1_000)  # type: ignore[attr-defined]
            box.press_sequentially(query, delay=20)  # key by key, as a reader types
        else:
            box.fill(query)  # the whole query in one input event, as a paste would
        try:
            results.first.wait_for(timeout=5_000)
            break
        except playwright.TimeoutError:
            if attempt == 17:
                raise
    shown: list[str] = []
    for _ in range(40):  # the list is redrawn while the index answers: read it once it holds still
        now = [results.nth(i).inner_text() for i in range(min(5, results.count()))]
        if now and now == shown:
            break
        shown = now
        page.wait_for_timeout(250)  # type: ignore[attr-defined]
    return shown


def test_search_jnim_lists_the_dossier_and_the_briefing_then_opens_it(page: object, site_url: str) -> None:
    first = search(page, site_url, "JNIM")
    assert any("Group for the Support of Islam and Muslims" in text for text in first), first
    assert any("Mali jihadists seeking Islamist control" in text for text in first), first
    page.locator(".md-search-result__link", has_text="Mali jihadists seeking").first.click()  # type: ignore[attr-defined]
    page.wait_for_url(f"**/{BRIEFING}**")  # type: ignore[attr-defined]
    assert "Mali jihadists seeking Islamist control" in page.locator("h1").inner_text()  # type: ignore[attr-defined]


def test_search_by_full_name_finds_the_dossier(page: object, site_url: str) -> None:
    first = search(page, site_url, "Group for the Support of Islam and Muslims")
    assert any(text.startswith("Group for the Support of Islam and Muslims") for text in first), first


def test_links_from_a_briefing_to_its_actor_tag_and_the_timeline(page: object, site_url: str) -> None:
    page.goto(site_url + BRIEFING)  # type: ignore[attr-defined]
    page.get_by_role("link", name="Group for the Support of Islam and Muslims (JNIM)").first.click()  # type: ignore[attr-defined]
    page.wait_for_url("**/actors/jnim/")  # type: ignore[attr-defined]
    assert page.locator("h1").inner_text().rstrip("¶") == "Group for the Support of Islam and Muslims"  # type: ignore[attr-defined]
    assert "Type: armed group" in page.locator("article").inner_text()  # type: ignore[attr-defined]
    page.go_back()  # type: ignore[attr-defined]
    page.get_by_role("link", name="Terrorism", exact=True).first.click()  # type: ignore[attr-defined]
    page.wait_for_url("**/tags/terrorism/")  # type: ignore[attr-defined]
    assert SLUG in page.content()  # type: ignore[attr-defined]
    page.get_by_role("link", name="Timeline", exact=True).first.click()  # type: ignore[attr-defined]
    page.wait_for_url("**/timeline/")  # type: ignore[attr-defined]
    page.get_by_role("link", name="November 2025").first.click()  # type: ignore[attr-defined]
    page.wait_for_url("**/timeline/#2025-11")  # type: ignore[attr-defined]
    assert page.locator('[id="2025-11"]').is_visible()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "path",
    ["", BRIEFING, "tags/terrorism/", "timeline/", "regions/western-africa/", "actors/jnim/", "actors/"],
)
def test_no_serious_accessibility_violations(page: object, site_url: str, path: str) -> None:
    page.goto(site_url + path)  # type: ignore[attr-defined]
    results = axe_module.Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], results.generate_report()


@pytest.mark.parametrize(("name", "width", "height"), [("laptop", 1280, 800), ("phone", 390, 844)])
def test_screenshots_of_home_briefing_and_timeline(
    browser: object, site_url: str, name: str, width: int, height: int
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
    tab = context.new_page()
    for label, path in (("home", ""), ("briefing", BRIEFING), ("timeline", "timeline/")):
        tab.goto(site_url + path)
        overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{label} scrolls sideways at {width}px"
        tab.screenshot(path=str(SCREENSHOTS / f"{label}-{name}.png"), full_page=False)
    context.close()


@pytest.fixture(scope="module")
def sub_path_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The archive as a GitHub Pages project site: built for and served under /archive/."""
    base = tmp_path_factory.mktemp("subpath")
    root = make_project(base / "project")
    shutil.copy(REAL_SEED, root / "seeds" / REAL_SEED.name)
    for seed in sorted(DEVSET.glob("*.txt"))[:5]:
        shutil.copy(seed, root / "seeds" / seed.name)
    served = base / "www"
    served.mkdir()
    handler = functools.partial(_Quiet, directory=str(served))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/archive/"
    result = mkdocs_build(root, served / "archive", SITE_URL=url)
    assert result.returncode == 0, result.stderr
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()


def test_the_site_works_under_a_sub_path(browser: object, sub_path_url: str) -> None:
    context = browser.new_context()  # type: ignore[attr-defined]
    requests: list[str] = []
    failed: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    tab = context.new_page()
    tab.goto(sub_path_url)
    tab.get_by_role("link", name="Timeline", exact=True).first.click()
    tab.wait_for_url(sub_path_url + "timeline/")
    tab.get_by_role("link", name="Mali jihadists seeking Islamist control", exact=False).first.click()
    tab.wait_for_url(sub_path_url + BRIEFING)
    tab.get_by_role("link", name="Permalink").click()
    tab.wait_for_url(sub_path_url + BRIEFING)  # /b/<id>/ sends the reader back to the page
    tab.get_by_role("textbox", name="Search").click()
    tab.keyboard.type("JNIM")
    tab.locator(".md-search-result__item").first.wait_for()
    context.close()
    assert failed == []
    outside = [u for u in requests if not u.startswith(sub_path_url) and not u.startswith(("data:", "blob:"))]
    assert outside == [], outside
