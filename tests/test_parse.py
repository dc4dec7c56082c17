"""The raw seed format: the title line's date, and fused paragraphs split and repaired."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from builder.errors import BriefingError
from builder.parse import parse_raw, split_paragraphs, split_title_line

from .conftest import REAL_SEED

NBSP = "\u00a0"


def real_seed() -> str:
    return REAL_SEED.read_text(encoding="utf-8")


def test_real_seed_title_and_date() -> None:
    parsed = parse_raw(real_seed(), "seeds/x.txt")
    assert parsed.title == "Mali jihadists seeking Islamist control, not to rule themselves: French spy chief"
    assert parsed.date == datetime(2025, 11, 10, 12, 19, 19, tzinfo=UTC)


def test_real_seed_has_fourteen_repaired_paragraphs() -> None:
    paragraphs = parse_raw(real_seed(), "seeds/x.txt").paragraphs
    assert len(paragraphs) == 14
    assert paragraphs[0].endswith("France’s foreign intelligence chief said Monday.")
    assert paragraphs[1].startswith("Speaking as France prepares")
    # the four mis-encoded openings are repaired; the correct one is kept
    openings = [p for p in paragraphs if p.startswith("“")]
    assert [p.split()[0] for p in openings] == ["“The", "“But", "“A", "“Africa", "“Allowing"]
    assert not any(p.startswith("”") for p in paragraphs)
    # quotes balance within every paragraph, and no-break spaces are gone
    for paragraph in paragraphs:
        assert paragraph.count("“") == paragraph.count("”"), paragraph
        assert NBSP not in paragraph
    assert paragraphs[9].startswith("Mali has now put in place “an alternative security model")
    assert paragraphs[-1].endswith("due to the deteriorating situation.")


@pytest.mark.parametrize(
    ("line", "title", "moment"),
    [
        ("TitleMon, 10 Nov 2025 12:19:19 GMT", "Title", datetime(2025, 11, 10, 12, 19, 19, tzinfo=UTC)),
        ("Title Mon, 10 Nov 2025 13:19:19 +0100", "Title", datetime(2025, 11, 10, 12, 19, 19, tzinfo=UTC)),
        ("Title: 2Sun, 9 Nov 2025 22:00 -0500", "Title: 2", datetime(2025, 11, 10, 3, 0, 0, tzinfo=UTC)),
        ("A B 10 Nov 2025 12:19:19 UT", "A B", datetime(2025, 11, 10, 12, 19, 19, tzinfo=UTC)),
        ("USA says yesMon, 10 Nov 2025 07:19:19 EST", "USA says yes", datetime(2025, 11, 10, 12, 19, 19, tzinfo=UTC)),
    ],
)
def test_title_line_dates_in_any_zone_are_stored_in_utc(line: str, title: str, moment: datetime) -> None:
    assert split_title_line(line) == (title, moment)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Just a title", "no RFC 2822 date at the end of the title line"),
        ("TitleMon, 32 Nov 2025 12:19:19 GMT", "impossible date '32 Nov 2025 12:19': Nov 2025 has no day 32"),
        ("TitleMon, 10 Nov 2025 25:00:00 GMT", "impossible time in date '10 Nov 2025 25:00'"),
        ("TitleTue, 10 Nov 2025 12:19:19 GMT", "the date says Tue but 10 Nov 2025 is a Mon"),
        ("Mon, 10 Nov 2025 12:19:19 GMT", "the title line has a date but no title"),
        ("Title10 Nov 2025 12:19:19", "no RFC 2822 date at the end of the title line"),
    ],
)
def test_bad_title_lines_say_what_is_wrong(line: str, message: str) -> None:
    with pytest.raises(ValueError, match="^" + message.replace("(", r"\(").replace(")", r"\)") + "$"):
        split_title_line(line)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("He said Monday.Speaking later, he left.", ["He said Monday.", "Speaking later, he left."]),
        ("It rained.\u201dWe go,\u201d he said.", ["It rained.", "“We go,” he said."]),
        ("He said: \u201cWe go.\u201dThen he left.", ["He said: “We go.”", "Then he left."]),
        ("A group.\u00a0Mali has now acted.", ["A group.", "Mali has now acted."]),
        ("In Africa.\u00a0\u201cAllowing it,\u201d he said.", ["In Africa.", "“Allowing it,” he said."]),
        ("Why?He asked!Nobody knew.", ["Why?", "He asked!", "Nobody knew."]),
        ('It ended."We go," he said.', ["It ended.", '"We go," he said.']),
        ('He said "we go."Then left.', ['He said "we go."', "Then left."]),
    ],
)
def test_paragraph_breaks(body: str, expected: list[str]) -> None:
    assert split_paragraphs(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "The U.S. envoy met the U.N. chief in New York.",
        "Officials in the U.S.\u00a0Congress disagreed.",
        "Dr.\u00a0Ahmed and Gen.\u00a0Smith met at St.\u00a0Peter's.",
        "Growth was 3.5 percent, down from 4.2 percent.",
        "He ranks No.\u00a02 in the party.",
        "The intervention began on Jan.\u00a011 and ended in Sept.\u00a02014.",
        "The strike began at 5 a.m.\u00a0GMT and ended at 7 p.m. local time.",
        "J.\u00a0R. R. Tolkien wrote it. George W.\u00a0Bush did not.",
        "The talks were in Washington, D.C.",
    ],
)
def test_no_break_inside_abbreviations(body: str) -> None:
    assert split_paragraphs(body) == [" ".join(body.replace(NBSP, " ").split())]


def test_a_name_that_looks_like_a_title_still_ends_a_fused_paragraph() -> None:
    assert split_paragraphs("He met Hun Sen.Cambodian officials said so.") == [
        "He met Hun Sen.",
        "Cambodian officials said so.",
    ]


def test_initialism_directly_before_a_capitalised_word_ends_a_paragraph() -> None:
    assert split_paragraphs("Troops left the U.S.Speaking later, he said so.") == [
        "Troops left the U.S.",
        "Speaking later, he said so.",
    ]


def test_quotation_running_on_into_next_paragraph_keeps_its_closing_quote() -> None:
    body = "\u201cWe will fight. We will win.\u201dBut he stopped."
    assert split_paragraphs(body) == ["“We will fight. We will win.”", "But he stopped."]


def test_body_lines_are_paragraph_boundaries_too() -> None:
    parsed = parse_raw("TitleMon, 10 Nov 2025 12:19:19 GMT\n\nFirst one.\nSecond one.Third.", "x.txt")
    assert parsed.paragraphs == ("First one.", "Second one.", "Third.")


def test_every_problem_of_a_seed_at_once() -> None:
    with pytest.raises(BriefingError) as caught:
        parse_raw("No date here\nnot blank", "seeds/x.txt")
    assert [str(p) for p in caught.value.problems] == [
        "seeds/x.txt:1: no RFC 2822 date at the end of the title line",
        "seeds/x.txt:2: line 2 must be blank (the body starts on line 3)",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "seeds/x.txt:1: the seed is empty"),
        ("  \n \n", "seeds/x.txt:1: the seed is empty"),
        ("TitleMon, 10 Nov 2025 12:19:19 GMT\n\n   ", "seeds/x.txt:3: the body is empty"),
        ("TitleMon, 10 Nov 2025 12:19:19 GMT", "seeds/x.txt:1: the body is empty"),
    ],
)
def test_empty_seeds(text: str, message: str) -> None:
    with pytest.raises(BriefingError) as caught:
        parse_raw(text, "seeds/x.txt")
    assert [str(p) for p in caught.value.problems] == [message]
