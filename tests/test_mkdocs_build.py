"""A real `mkdocs build --strict` of a small archive: pages, links, escaping, reproducibility."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import REAL_SEED, make_project, mkdocs_build, run_cli, tree_bytes

HOSTILE = [
    "<script>alert(1)</script>",
    "{{ config }}",
    "{% include 'x' %}",
    "---",
    "[x](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "{: onclick=alert(1) }",
]
# Every character Markdown or HTML could read as syntax, at the start of a line and inside.
SPECIAL = [
    "# not a heading",
    "- not a list",
    "+ not a list",
    "1. not a list",
    "2) not a list",
    "> not a quote",
    "!!! note not an admonition",
    "=== not a rule",
    ": not a definition",
    "*not emphasis* _nor this_ **nor** __this__",
    "`not code` \\not escaped\\ | not | a | table |",
    "&amp; &lt; stay &copy; as written, <b>not bold</b>",
    "~~not struck~~ ^^not inserted^^ ==not marked== $not math$",
    "[^1] not a footnote *[HTML]: not an abbreviation",
    "%not a comment 100% and {curly} braces",
]
SLUG = "mali-jihadists-seeking-islamist-control-not-to-rule-themselves-french-spy-chief"


class TextOf(HTMLParser):
    """The text of every <p>, <h1> and <title> of a page, as a browser shows it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._open: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "h1", "title", "li") and self._open is None:
            self._open, self._text = tag, []

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            self.blocks.append(" ".join("".join(self._text).split()))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)


def texts(html: str) -> list[str]:
    parser = TextOf()
    parser.feed(html)
    return [block.removesuffix("¶") for block in parser.blocks]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("built") / "project")
    shutil.copy(REAL_SEED, root / "seeds" / REAL_SEED.name)
    title = " ".join(HOSTILE)
    body = "".join(f"Case {i}: {text} ends here." for i, text in enumerate(HOSTILE + SPECIAL))
    (root / "seeds" / "001_1111111111111111.txt").write_text(f"{title}Tue, 11 Nov 2025 08:00:00 GMT\n\n{body}")
    (root / "seeds" / "002_hostile.md").write_text(
        "---\nid: '2222222222222222'\ntitle: '<script>alert(2)</script> {{ config }}'\n"
        "date: 2025-11-12T08:00:00Z\n---\n\n" + "\n\n".join(HOSTILE + SPECIAL) + "\n"
    )
    result = mkdocs_build(root, root / "site", SOURCE_DATE_EPOCH="1762761559")
    assert result.returncode == 0, result.stderr
    return root


def page_html(built: Path, date: str, slug: str) -> str:
    (page,) = (built / "site" / "briefings" / date).glob(f"{slug}/index.html")
    return page.read_text(encoding="utf-8")


def test_the_real_seed_has_its_page_with_fourteen_paragraphs(built: Path) -> None:
    html = page_html(built, "2025/11/10", SLUG)
    blocks = texts(html)
    assert "Mali jihadists seeking Islamist control, not to rule themselves: French spy chief" in blocks
    assert blocks.count("10 November 2025, 12:19 UTC · Permalink") == 1
    paragraphs = [b for b in blocks if b.startswith(("Jihadists who", "Speaking as", "“", "France on Friday"))]
    assert paragraphs[0].startswith("Jihadists who have imposed a crippling fuel blockade")
    assert paragraphs[-1].endswith("due to the deteriorating situation.")
    assert "Source: not recorded Rights: not recorded; the text belongs to its author or agency" in " ".join(blocks)


def test_seed_text_shows_exactly_as_written(built: Path) -> None:
    html = page_html(built, "2025/11/11", "script-alert-1-script-config-*")
    blocks = texts(html)
    for i, text in enumerate(HOSTILE + SPECIAL):
        assert f"Case {i}: {text} ends here." in blocks
    title = " ".join(HOSTILE)
    assert f"{title} - Briefing archive" in blocks  # <title>
    assert title in blocks  # <h1>


def test_no_seed_text_becomes_markup(built: Path) -> None:
    for page in (built / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
        assert "<img src=x" not in html, page
        assert re.findall(r"""<[a-z]+\s[^>]*\bon[a-z]+=[^>]*>""", html) == [], page
        assert re.findall(r"""=\s*["']?\s*javascript:""", html, flags=re.IGNORECASE) == [], page


def test_markdown_seed_is_rendered_with_html_escaped(built: Path) -> None:
    html = page_html(built, "2025/11/12", "script-alert-2-script-config")
    blocks = texts(html)
    for text in HOSTILE:
        if text != "---":  # a Markdown seed's --- is a rule: its Markdown is rendered, its HTML is not
            assert text in blocks
    assert "*not emphasis*" not in blocks  # Markdown is rendered
    assert "not emphasis nor this nor this" in blocks
    assert "<script>alert(2)</script> {{ config }}" in blocks  # the escaped title


def test_permalink_redirects_to_the_page(built: Path) -> None:
    html = (built / "site" / "b" / "00d956f6f0240c4d" / "index.html").read_text(encoding="utf-8")
    assert f'url=../../briefings/2025/11/10/{SLUG}/"' in html
    target = built / "site" / "b" / "00d956f6f0240c4d" / "../../briefings/2025/11/10" / SLUG / "index.html"
    assert target.resolve().is_file()


def test_briefings_are_not_in_the_navigation(built: Path) -> None:
    html = page_html(built, "2025/11/10", SLUG)
    nav_links = re.findall(r'class="md-nav__link[^"]*"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*class="md-nav__link', html)
    assert nav_links, "the sidebar has links"
    assert not any("briefings/" in a or "briefings/" in b for a, b in nav_links)
    home = texts((built / "site" / "index.html").read_text(encoding="utf-8"))
    assert "The archive holds 3 briefings, from 10 November 2025 to 12 November 2025." in home


def test_nothing_is_loaded_from_another_host(built: Path) -> None:
    for page in (built / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        loads = re.findall(r"""<(?:script|img|iframe|source|video|audio)\b[^>]*\ssrc=["']?(?:https?:)?//""", html)
        styles = re.findall(r"""<link\b(?![^>]*rel="canonical")[^>]*href=["']?(?:https?:)?//""", html)
        assert loads == [], page
        assert styles == [], page


def test_same_seeds_give_identical_docs_and_site(built: Path, tmp_path: Path) -> None:
    generated = ("index.md", "briefings", "b")
    first_docs = {k: v for k, v in tree_bytes(built / "docs").items() if k.startswith(generated)}
    again = mkdocs_build(built, tmp_path / "site2", SOURCE_DATE_EPOCH="1762761559")
    assert again.returncode == 0, again.stderr
    assert {k: v for k, v in tree_bytes(built / "docs").items() if k.startswith(generated)} == first_docs
    assert tree_bytes(tmp_path / "site2") == tree_bytes(built / "site")


def test_make_site_epoch_comes_from_the_seeds(built: Path) -> None:
    result = run_cli(built, "epoch")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1762934400"  # 2025-11-12T08:00:00Z, the newest seed


def test_a_second_build_writes_nothing(built: Path) -> None:
    """What keeps `mkdocs serve` from rebuilding in a loop: unchanged pages are not rewritten."""
    result = run_cli(built, "build")
    assert result.returncode == 0, result.stderr
    assert "nothing changed since the last build" in result.stderr
    (built / ".cache" / "briefings" / "build.json").unlink()  # no record of the last build: compare files
    result = run_cli(built, "build")
    assert result.returncode == 0, result.stderr
    assert "; 0 files written, 0 removed, " in result.stderr


def test_a_build_redoes_the_work_when_an_input_or_a_generated_file_changed(project: Path) -> None:
    shutil.copy(REAL_SEED, project / "seeds" / REAL_SEED.name)
    body = "Talks between the two sides resumed in Dakar on Monday morning.Senegal said the talks went well today."
    (project / "seeds" / "001_0123456789abcdef.txt").write_text(
        f"Talks in DakarMon, 10 Nov 2025 09:00:00 GMT\n\n{body}", encoding="utf-8"
    )
    (project / "seeds" / "002_0123456789abcdee.txt").write_text(  # nearly the same: a warning
        f"Dakar talks resumeMon, 10 Nov 2025 10:00:00 GMT\n\n{body} More soon.", encoding="utf-8"
    )
    first = run_cli(project, "build")
    assert first.returncode == 0
    again = run_cli(project, "build")
    assert "nothing changed" in again.stderr
    warnings = [line for line in first.stderr.splitlines() if line.startswith("seeds/")]
    assert warnings and [line for line in again.stderr.splitlines() if line.startswith("seeds/")] == warnings
    page = next((project / "docs" / "briefings").rglob("talks-in-dakar.md"))
    page.unlink()  # a generated file deleted by hand comes back
    assert "1 files written" in run_cli(project, "build").stderr and page.is_file()
    seed = project / "seeds" / "001_0123456789abcdef.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("went well", "failed"), encoding="utf-8")
    changed = run_cli(project, "build")
    assert "nothing changed" not in changed.stderr and "failed" in page.read_text(encoding="utf-8")
    (project / "vocab" / "tags.yml").write_text("- broken\n", encoding="utf-8")  # a vocabulary edit
    broken = run_cli(project, "build")
    assert broken.returncode == 1 and "vocab/tags.yml" in broken.stderr


def test_seed_warnings_do_not_fail_a_strict_build(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    text = "Fighters attacked an army post near the border on Monday, killing at least twelve soldiers, officials said."
    (root / "seeds" / "001_00000000000000a1.txt").write_text(f"OneMon, 10 Nov 2025 12:19:19 GMT\n\n{text}")
    (root / "seeds" / "002_00000000000000a2.txt").write_text(f"TwoMon, 10 Nov 2025 12:19:19 GMT\n\n{text} More.")
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "warning: nearly the same text as seeds/001_00000000000000a1.txt" in result.stderr


def test_every_page_announces_the_feed(built: Path) -> None:
    home = (built / "site" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml" title="Briefing archive" href="feed.xml">' in home
    page = page_html(built, "2025/11/10", SLUG)
    assert 'type="application/atom+xml" title="Briefing archive" href="../../../../../feed.xml"' in page
