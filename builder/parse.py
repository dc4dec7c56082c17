"""Raw wire seeds -> title, UTC date and repaired paragraphs. Pure: text in, values out.

The raw format (see seeds/000_00d956f6f0240c4d.txt):

    line 1   the title fused with an RFC 2822 date: `...French spy chiefMon, 10 Nov 2025 12:19:19 GMT`
    line 2   blank
    line 3+  the body, whose paragraphs were fused with nothing between them

Every function raises only `BriefingError`, with every problem of the text at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from .errors import BriefingError, Problem

NBSP = "\u00a0"
OPEN_QUOTE, CLOSE_QUOTE = "\u201c", "\u201d"

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# RFC 2822 section 3.3 zones, with the obsolete names of section 4.3. "-0000" means
# "UTC, local zone unknown"; military single letters are not accepted (RFC 2822 says
# their meaning was never reliable).
_NAMED_ZONES = {
    "UT": 0,
    "GMT": 0,
    "UTC": 0,
    "Z": 0,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
}
_DATE_AT_END = re.compile(
    r"(?:(?P<weekday>" + "|".join(_WEEKDAYS) + r"),[ \t]*|[ \t]+)"
    r"(?P<day>\d{1,2})[ \t]+(?P<month>" + "|".join(_MONTHS) + r")[ \t]+(?P<year>\d{4}|\d{2})"
    r"[ \t]+(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"[ \t]+(?P<zone>[+-]\d{4}|" + "|".join(_NAMED_ZONES) + r")[ \t]*$"
)

MAX_TITLE_CHARS = 300


@dataclass(frozen=True, slots=True)
class ParsedSeed:
    title: str
    date: datetime  # UTC
    paragraphs: tuple[str, ...]


def parse_raw(text: str, path: str) -> ParsedSeed:
    """Parse a raw seed (already decoded, LF line endings, no BOM)."""
    problems: list[Problem] = []
    if not text.strip():
        raise BriefingError([Problem(path, 1, "the seed is empty")])
    lines = text.split("\n")
    title_line = lines[0]
    title, date = "", None
    try:
        title, date = split_title_line(title_line)
    except ValueError as error:
        problems.append(Problem(path, 1, str(error)))
    if title and len(title) > MAX_TITLE_CHARS:
        problems.append(Problem(path, 1, f"the title is over {MAX_TITLE_CHARS} characters"))
    if len(lines) > 1 and lines[1].strip():
        problems.append(Problem(path, 2, "line 2 must be blank (the body starts on line 3)"))
    body_lines = lines[2:] if len(lines) > 1 and not lines[1].strip() else lines[1:]
    paragraphs = tuple(p for line in body_lines for p in split_paragraphs(line))
    if not paragraphs:
        problems.append(Problem(path, min(len(lines), 3), "the body is empty"))
    if problems or date is None:
        raise BriefingError(problems)
    return ParsedSeed(title=title, date=date, paragraphs=paragraphs)


def split_title_line(line: str) -> tuple[str, datetime]:
    """`TitleMon, 10 Nov 2025 12:19:19 GMT` -> ("Title", 2025-11-10 12:19:19 UTC)."""
    line = normalise_spaces(line).strip()
    match = _DATE_AT_END.search(line)
    if match is None:
        raise ValueError("no RFC 2822 date at the end of the title line")
    title = line[: match.start()].strip()
    if not title:
        raise ValueError("the title line has a date but no title")
    return title, _to_utc(match)


def parse_rfc2822(value: str) -> datetime:
    """A whole RFC 2822 date string -> UTC datetime; ValueError says what is wrong."""
    value = value.strip()
    match = _DATE_AT_END.match(value if value[:1].isalpha() else " " + value)
    if match is None:
        raise ValueError(f"not an RFC 2822 date: {value!r}")
    return _to_utc(match)


def _to_utc(match: re.Match[str]) -> datetime:
    year = int(match["year"])
    if len(match["year"]) == 2:  # RFC 2822 4.3: 00-49 -> 20xx, 50-99 -> 19xx
        year += 2000 if year < 50 else 1900
    month = _MONTHS.index(match["month"]) + 1
    day, hour, minute = int(match["day"]), int(match["hour"]), int(match["minute"])
    second = int(match["second"] or 0)
    zone = match["zone"]
    if zone[0] in "+-":
        hours, minutes = int(zone[1:3]), int(zone[3:5])
        if minutes > 59:
            raise ValueError(f"impossible time zone {zone}")
        offset = timedelta(hours=hours, minutes=minutes) * (-1 if zone[0] == "-" else 1)
    else:
        offset = timedelta(hours=_NAMED_ZONES[zone])
    if offset >= timedelta(hours=24) or offset <= -timedelta(hours=24):
        raise ValueError(f"impossible time zone {zone}")
    stamp = f"{match['day']} {match['month']} {match['year']} {match['hour']}:{match['minute']}"
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(f"impossible time in date {stamp!r}")
    try:
        local = datetime(year, month, day, hour, minute, second, tzinfo=timezone(offset))
    except ValueError:
        raise ValueError(f"impossible date {stamp!r}: {match['month']} {year} has no day {day}") from None
    weekday = match["weekday"]
    if weekday and _WEEKDAYS[local.weekday()] != weekday:
        actual = _WEEKDAYS[local.weekday()]
        raise ValueError(f"the date says {weekday} but {day} {match['month']} {year} is a {actual}")
    return local.astimezone(UTC)


# --- paragraphs -----------------------------------------------------------------------

_SENTENCE_END = ".?!\u2026"
_INTERESTING = re.compile(r'[.?!\u2026\u201c\u201d"]')
_DOUBLE_QUOTES = f'{OPEN_QUOTE}{CLOSE_QUOTE}"'
# Words that end in a full stop but never end a sentence: titles before a name,
# "No. 2", and the like. Compared lower-case, without the final dot.
_TITLES = frozenset("mr mrs ms dr prof gen lt col maj capt cpt sgt cpl adm cmdr brig gov sen rev st mt ft".split())
# "No. 2", "Art. 5", "Jan. 11" (a month: wire copy abbreviates the long ones)
_BEFORE_NUMBERS = frozenset("no nos vol art fig p pp jan feb mar apr jun jul aug sep sept oct nov dec".split())
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")  # U.S, U.N, a.m, J (before the last dot)
_WORD_BEFORE = re.compile(r"[\w.\-]*$")
_LONGEST_WORD = 64  # how far back a word before a full stop is looked for


def normalise_spaces(text: str) -> str:
    return text.replace(NBSP, " ").replace("\u202f", " ").replace("\t", " ")


def split_paragraphs(body: str) -> list[str]:
    """Split one line of fused body text into repaired paragraphs.

    A break is sentence-final punctuation directly followed (no space) by a capital
    letter or a double quote, or followed by a no-break space (unless it ends a title such
    as "Gen." or an initialism). A `”` right after the
    punctuation closes a quotation only if one is open in the paragraph it ends;
    otherwise it is the next paragraph's opening quote, mis-encoded, and becomes `“`.
    """
    paragraphs: list[str] = []
    start = 0
    depth = 0  # curly quotations open in the current paragraph
    straight_open = False  # a straight " is open in the current paragraph
    i, n = 0, len(body)
    while (found := _INTERESTING.search(body, i)) is not None:  # jump to the next quote or stop
        i = found.start()
        char = body[i]
        if char == OPEN_QUOTE:
            depth += 1
        elif char == CLOSE_QUOTE:
            depth = max(0, depth - 1)
        elif char == '"':
            straight_open = not straight_open
        if char not in _SENTENCE_END or (body.startswith(NBSP, i + 1) and _is_abbreviation(body, i)):
            i += 1  # "Gen.\u00a0Smith"; but "Hun Sen.Cambodian" (no space at all) is a fused break
            continue
        end = i + 1  # the paragraph ends before `end`, the next starts at `nxt`
        follower = body[end] if end < n else ""
        if (follower == CLOSE_QUOTE and depth > 0) or (follower == '"' and straight_open):
            end += 1  # the quote closes a quotation of this paragraph
            follower = body[end] if end < n else ""
        nxt = end
        if follower == NBSP:
            nxt = end + 1
            while nxt < n and body[nxt] in " " + NBSP:
                nxt += 1
            if nxt >= n or _continues_initialism(body, i, nxt):
                i += 1
                continue
        elif not (follower.isupper() or follower in _DOUBLE_QUOTES) or _continues_initialism(body, i, nxt):
            i += 1
            continue
        paragraphs.append(body[start:end])
        start, i = nxt, nxt
        depth, straight_open = 0, False
        if body.startswith(CLOSE_QUOTE, nxt):  # a mis-encoded opening quote
            body = body[:nxt] + OPEN_QUOTE + body[nxt + 1 :]
    paragraphs.append(body[start:])
    cleaned = (" ".join(normalise_spaces(p).split()) for p in paragraphs)
    return [p for p in cleaned if p]


def _is_abbreviation(body: str, i: int) -> bool:
    """True when the `.` at i ends a word that never ends a sentence (Dr., Gen., No. 2)."""
    if body[i] != ".":
        return False
    word = _WORD_BEFORE.search(body, max(0, i - _LONGEST_WORD), i)
    token = (word.group(0).rsplit("-", 1)[-1] if word else "").lower()
    if token in _TITLES:
        return True
    return token in _BEFORE_NUMBERS and bool(re.match(r"[ \u00a0]?\d", body[i + 1 : i + 3]))


def _continues_initialism(body: str, i: int, nxt: int) -> bool:
    """`U.S.` and `a.m.` are not sentence ends when an initial or a no-break space follows.

    `U.` before `S.` never breaks; `U.S.` directly before a capitalised word does
    (`the U.S.Speaking` is two fused paragraphs); `U.S.` before a no-break space does not.
    """
    if body[i] != ".":
        return False
    word = _WORD_BEFORE.search(body, max(0, i - _LONGEST_WORD), i)
    if not word or not _INITIALISM.fullmatch(word.group(0)):
        return False
    if re.match(r"[A-Za-z]\.", body[i + 1 : i + 3]):
        return True  # the next initial of the same initialism
    return nxt > i + 1 and body[i + 1] == NBSP
