"""Property tests: on any text at all, the parsers fail only with the project's own error."""

from __future__ import annotations

import gc
import json
import posixpath
import re

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from builder.briefing import from_markdown, from_raw
from builder.errors import BriefingError
from builder.extract import _CAPITALISED_RUN, _NAME_CANDIDATE, _PARTICLE, _whole_words
from builder.gcpause import paused
from builder.markup import md_text
from builder.parse import CLOSE_QUOTE, OPEN_QUOTE, parse_raw, split_paragraphs
from builder.render import href, link, page_url
from builder.seeds import decode
from builder.yamlio import dump_front_matter, load_yaml

# Text heavy in the characters the parser cares about, plus anything else.
ALPHABET = st.sampled_from([*list(".?!…“”\"' \xa0\nAbcZ19:,-#*_[]<>{}"), "Mon, 10 Nov 2025 12:19:19 GMT"])
NASTY = st.lists(ALPHABET, max_size=80).map("".join) | st.text(max_size=200)


@given(NASTY)
@settings(max_examples=400)
def test_parse_raw_raises_only_briefing_error(text: str) -> None:
    try:
        parsed = parse_raw(text, "seeds/x.txt")
    except BriefingError as error:
        assert error.problems
        assert all(str(p).startswith("seeds/x.txt:") for p in error.problems)
    else:
        assert parsed.title and parsed.paragraphs


@given(NASTY)
@settings(max_examples=300)
def test_markdown_seeds_raise_only_briefing_error(text: str) -> None:
    for candidate in (text, "---\n" + text, "---\n" + text + "\n---\n" + text):
        try:
            from_markdown(candidate, "seeds/x.md")
        except BriefingError as error:
            assert error.problems


@given(NASTY)
def test_raw_seeds_with_sidecars_raise_only_briefing_error(text: str) -> None:
    try:
        from_raw("TitleMon, 10 Nov 2025 12:19:19 GMT\n\nBody.", "seeds/001_0123456789abcdef.txt", ("s.yml", text))
    except BriefingError as error:
        assert error.problems


@given(st.binary(max_size=200))
def test_decode_raises_only_briefing_error(data: bytes) -> None:
    try:
        text = decode(data, "seeds/x.txt")
    except BriefingError as error:
        assert error.problems
    else:
        assert "\r" not in text


@given(NASTY)
def test_splitting_loses_no_text(body: str) -> None:
    """Paragraphs hold every visible character of the body; only mis-encoded quotes change."""
    paragraphs = split_paragraphs(body)

    def visible(text: str) -> str:
        return "".join(text.split()).replace(OPEN_QUOTE, '"').replace(CLOSE_QUOTE, '"')

    assert visible("".join(paragraphs)) == visible(body)
    assert all(p == " ".join(p.split()) and p for p in paragraphs)


@given(st.text(max_size=100))
def test_escaped_text_is_one_line_without_raw_markup(text: str) -> None:
    escaped = md_text(text)
    assert "\n" not in escaped
    assert not set("<>*_`[]{}\\|") & set(escaped)


PAGE_PATHS = st.lists(st.sampled_from(["briefings", "2025", "11", "b", "tags", "x"]), max_size=4).map(
    lambda parts: "/".join([*parts, "index.md"])
)


@given(PAGE_PATHS, PAGE_PATHS)
def test_page_links_agree_with_posixpath(here: str, there: str) -> None:
    """render.link is a faster relpath for page paths: it must give the same answer."""
    assert link(here, there) == posixpath.relpath(there, posixpath.dirname(here) or ".")


ANY_PAGE = st.tuples(
    st.lists(st.sampled_from(["briefings", "2025", "11", "tags", "x"]), max_size=4),
    st.sampled_from(["index", "a-slug", "other"]),
).map(lambda parts: "/".join([*parts[0], f"{parts[1]}.md"]))


@given(ANY_PAGE, ANY_PAGE, st.booleans())
def test_raw_html_hrefs_agree_with_mkdocs(here: str, there: str, directory_urls: bool) -> None:
    """render.href gives the address MkDocs itself computes between two published pages."""
    from mkdocs.structure.files import File
    from mkdocs.utils import get_relative_url

    def url(path: str) -> str:
        return File(path, "docs", "site", directory_urls).url

    assert page_url(here, directory_urls) == url(here).removeprefix("./")
    assert href(here, there, directory_urls) == get_relative_url(url(there), url(here))


WORDS = st.lists(st.sampled_from(["Lerner", "Ler", "IS", "ISIS", "al-Bashir", "Bashir", "M23", "Ngcuka"]), min_size=1)
PROSE = st.lists(st.sampled_from(["Lerner", "Ler", "IS", "ISIS", "al-", "Bashir", "M23", "s", " ", "-", ".", "é", "_"]))


@given(PROSE.map("".join), WORDS)
@settings(max_examples=400)
def test_whole_words_finds_what_a_word_bounded_alternation_finds(text: str, words: list[str]) -> None:
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(set(words), key=len, reverse=True))) + r")\b")
    expected = [(m.start(), m.end(), m.group(1)) for m in pattern.finditer(text)]
    assert _whole_words(text, set(words)) == expected


TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=60)  # what UTF-8 seeds can hold
FRONT = st.fixed_dictionaries(
    {
        "title": TEXT,
        "words": st.integers(min_value=0),
        "updated": st.none() | TEXT,
        "full_text": st.booleans(),
        "countries": st.lists(TEXT, max_size=3),
        "source": st.fixed_dictionaries({"file": TEXT, "name": st.none() | TEXT}),
        "actors": st.lists(st.fixed_dictionaries({"id": TEXT, "aliases": st.lists(TEXT, max_size=2)}), max_size=2),
        "nested": st.lists(st.lists(TEXT, max_size=2), max_size=2),
    }
)


@given(FRONT)
@settings(max_examples=300)
def test_front_matter_reads_back_as_written_whatever_the_text(data: dict[str, object]) -> None:
    written = dump_front_matter(data)
    assert yaml.safe_load(written) == data
    body, meta = get_data(f"---\n{written}---\n\nBody\n")  # as MkDocs reads a page
    assert meta == data and body == "Body\n"


def _dumped_as_before(data: object, indent: str = "") -> list[str]:
    """The front matter writer as it was before it remembered scalars (the pages must not change)."""
    lines: list[str] = []
    items = data.items() if isinstance(data, dict) else ((None, v) for v in data)  # type: ignore[attr-defined]
    for key, value in items:
        name = key if key is None or re.fullmatch(r"[a-z_][a-z0-9_]*", key) else _quoted(key)
        head = f"{indent}{name}:" if key is not None else f"{indent}-"
        if isinstance(value, (dict, list)) and value:
            if key is None and isinstance(value, dict):
                inner = _dumped_as_before(value, indent + "  ")
                lines += [f"{indent}- {inner[0].lstrip()}", *inner[1:]]
            else:
                lines.append(head)
                lines += _dumped_as_before(
                    value, indent + ("" if key is not None and isinstance(value, list) else "  ")
                )
        elif isinstance(value, (dict, list)):
            lines.append(f"{head} {{}}" if isinstance(value, dict) else f"{head} []")
        else:
            lines.append(f"{head} {_quoted(value)}")
    return lines


def _quoted(value: object) -> str:
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    if isinstance(value, int):
        return str(value)
    escaped = json.dumps(value, ensure_ascii=False)
    return re.sub(
        "[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", escaped
    )


SHAPES = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["a", "b_2", "Key", "x y", ""]), inner),
    max_leaves=12,
)


@given(FRONT | st.dictionaries(st.sampled_from(["id", "name", "Odd key", "aliases"]), SHAPES))
@settings(max_examples=300)
def test_front_matter_is_written_as_before(data: dict[str, object]) -> None:
    assert dump_front_matter(data) == "\n".join(_dumped_as_before(data)) + "\n"


# YAML's moving parts: structure, anchors and aliases, merge keys, tags, every scalar type.
YAML_TOKENS = st.sampled_from(
    [
        *"ab:-\n ,[]{}'\"?#",
        "  ",
        ": ",
        "- ",
        "&x ",
        "*x",
        "&y ",
        "*y",
        "<<: ",
        "!!str ",
        "!!set ",
        "yes",
        "No",
        "~",
        "null",
        "1",
        "-0x1F",
        "1_000",
        "1:30",
        ".5",
        ".nan",
        "2025-01-01",
        "2025-01-01T10:00:00Z",
        "é",
        "\u2028",
    ]
)


@given(st.lists(YAML_TOKENS, max_size=40).map("".join))
@example("!!str \n?")  # a tag that does not fit its node: an error, as PyYAML says (found by this test)
@settings(max_examples=500)
def test_yaml_loads_as_pyyaml_loads_it(text: str) -> None:
    """load_yaml builds plain documents itself: the data must be PyYAML's, errors included."""
    try:
        expected = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        with pytest.raises(BriefingError):
            load_yaml(text, "x.yml")
        return
    data, _ = load_yaml(text, "x.yml")
    assert repr(data) == repr(expected)  # repr: NaN is not equal to itself, and a structure may contain itself


def test_yaml_shares_aliased_nodes_and_keeps_self_references() -> None:
    data, _ = load_yaml("a: &x [1, 2]\nb: *x\nc: &s [*s]\n", "x.yml")
    assert data["a"] is data["b"]
    assert data["c"][0] is data["c"]


# The name patterns as first written, before their leading capital was factored out for speed.
_PLAIN_WORD = r"(?:(?:[A-Z]\.){1,4}|[A-Z][\w'’&-]*(?:\.[\w'’&-]+)*)"
PLAIN_PATTERNS = {
    _CAPITALISED_RUN: re.compile(rf"{_PLAIN_WORD}(?: (?:(?:of|for|and|&|the|de|du|des|in|on|to) )*{_PLAIN_WORD})+"),
    _NAME_CANDIDATE: re.compile(
        rf"(?<![\w'’-])[A-Z][\w'’.-]*(?:[ ](?:{_PARTICLE}[ ])*(?:[A-Z]|{_PARTICLE}-[A-Z])[\w'’.-]*)+"
    ),
}
NAME_TEXT = st.lists(st.sampled_from([*"AUSNaen .-’'&\n", "of ", "al-", "de ", "U.S.", "Al-", "Mr "]), max_size=40)


@given(NAME_TEXT.map("".join))
@settings(max_examples=500)
def test_name_patterns_find_what_their_plain_forms_find(text: str) -> None:
    for fast, plain in PLAIN_PATTERNS.items():
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_collector_is_paused_only_inside_the_block() -> None:
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # an inner block does not re-enable it early
    assert gc.isenabled()
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()  # a collector that was off stays off
    finally:
        gc.enable()
