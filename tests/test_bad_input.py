"""Bad input: every problem as `path:line: message`, all at once, exit 1, nothing written or lost."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from builder.briefing import from_raw
from builder.duplicates import find_duplicates, signature

from .conftest import REAL_SEED, run_cli, tree_bytes

GOOD = "A good titleMon, 10 Nov 2025 12:19:19 GMT\n\nIt happened.Then more happened."
ID = "0123456789abcdef"


def seed(project: Path, name: str, content: str | bytes) -> Path:
    path = project / "seeds" / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def digest(folder: Path) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in tree_bytes(folder).items()}


def test_all_problems_reported_in_one_run_and_nothing_written(project: Path) -> None:
    seed(project, "001_00000000000000a1.txt", "")
    seed(project, "002_00000000000000a2.txt", "A title without a date\n\nBody.")
    seed(project, "003_00000000000000a3.txt", "TitleMon, 32 Nov 2025 12:19:19 GMT\n\nBody.")
    seed(project, "004_00000000000000a4.txt", "TitleMon, 10 Nov 2025 25:00:00 GMT\n\nBody.")
    seed(project, "005_00000000000000a5.txt", b"TitleMon, 10 Nov 2025 12:19:19 GMT\n\nBody \xff here.")
    seed(project, "006_00000000000000a6.txt", "TitleMon, 10 Nov 2025 12:19:19 GMT\n\n")
    seed(project, "007_00000000000000a7.txt", GOOD + " " + "x" * 300_000)
    seed(project, f"008_{ID}.txt", GOOD)
    seed(project, f"009_{ID}.txt", GOOD.replace("good", "second"))
    seed(project, "010_bad.md", "---\ntitle: [unclosed\ndate: 2025-11-10T12:19:19Z\n---\n\nBody.\n")
    seed(project, "011_notclosed.md", "---\ntitle: x\n\nBody.\n")
    seed(project, "badname.txt", GOOD)
    before = digest(project / "seeds")
    docs_before = tree_bytes(project / "docs")

    result = run_cli(project, "build")

    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[:-1] == [
        "seeds/001_00000000000000a1.txt:1: the seed is empty",
        "seeds/002_00000000000000a2.txt:1: no RFC 2822 date at the end of the title line",
        "seeds/003_00000000000000a3.txt:1: impossible date '32 Nov 2025 12:19': Nov 2025 has no day 32",
        "seeds/004_00000000000000a4.txt:1: impossible time in date '10 Nov 2025 25:00'",
        "seeds/005_00000000000000a5.txt:3: not UTF-8: byte 0xff at byte offset 41 (invalid start byte)",
        "seeds/006_00000000000000a6.txt:3: the body is empty",
        "seeds/007_00000000000000a7.txt:1: the file is 300,075 bytes; seeds are limited to 262,144",
        f"seeds/009_{ID}.txt:1: id {ID} is also the id of seeds/008_{ID}.txt",
        "seeds/010_bad.md:3: YAML: did not find expected ',' or ']'",
        "seeds/011_notclosed.md:1: the front matter opened on line 1 is never closed by ---",
        "seeds/badname.txt:1: a raw seed's file name must be NNN_<16 hex digits>.txt",
    ]
    assert lines[-1] == "briefings: nothing written: 2 briefings, 11 errors, 0 warnings"
    assert digest(project / "seeds") == before  # no seed modified
    assert tree_bytes(project / "docs") == docs_before  # nothing written


def test_check_reports_the_same_and_build_then_succeeds_once_fixed(project: Path) -> None:
    bad = seed(project, "001_00000000000000a1.txt", "A title without a date\n\nBody.")
    result = run_cli(project, "check")
    assert result.returncode == 1
    assert "seeds/001_00000000000000a1.txt:1: no RFC 2822 date at the end of the title line" in result.stderr
    bad.write_text(GOOD, encoding="utf-8")
    assert run_cli(project, "check").returncode == 0
    built = run_cli(project, "build")
    assert built.returncode == 0, built.stderr
    assert (project / "docs/briefings/2025/11/10/a-good-title.md").is_file()


def test_bom_and_crlf_are_accepted(project: Path) -> None:
    crlf = REAL_SEED.read_bytes().replace(b"\n", b"\r\n")
    seed(project, REAL_SEED.name, b"\xef\xbb\xbf" + crlf)
    result = run_cli(project, "extract", f"seeds/{REAL_SEED.name}", "--json")
    assert result.returncode == 0, result.stderr
    assert '"title": "Mali jihadists seeking Islamist control' in result.stdout
    assert result.stdout.count("\\r") == 0


def test_control_characters_are_refused_with_their_line(project: Path) -> None:
    seed(project, "001_00000000000000a1.txt", GOOD + "\nA bell\x07 here.")
    result = run_cli(project, "check")
    assert "seeds/001_00000000000000a1.txt:4: control character U+0007 in the text" in result.stderr
    assert result.returncode == 1


def test_a_failed_build_keeps_the_previous_pages(project: Path) -> None:
    seed(project, "001_00000000000000a1.txt", GOOD)
    assert run_cli(project, "build").returncode == 0
    before = tree_bytes(project / "docs")
    seed(project, "002_00000000000000a2.txt", "No date\n\nBody.")
    assert run_cli(project, "build").returncode == 1
    assert tree_bytes(project / "docs") == before


def test_bad_override_and_front_matter_values_name_their_lines(project: Path) -> None:
    seed(project, "001_00000000000000a1.txt", GOOD)
    seed(
        project,
        "001_00000000000000a1.txt.yml",
        "rights: © Agency\nid: 00000000000000ff\nwords: 3\ncountries: [MLI, XXX]\nbogus: 1\nsource: {file: x}\n",
    )
    seed(project, "002.md", "---\ntitle: T\ndate: 2025-11-10\nsource: {url: 'javascript:alert(1)'}\n---\n\nBody.\n")
    result = run_cli(project, "check")
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if line.startswith("seeds/")]
    assert problems == [
        "seeds/001_00000000000000a1.txt.yml:2: id: cannot be overridden: "
        "a raw seed's id is the hex part of its file name",
        "seeds/001_00000000000000a1.txt.yml:3: words: cannot be overridden: it is counted from the text",
        "seeds/001_00000000000000a1.txt.yml:4: countries: 'XXX' is not an ISO 3166-1 alpha-3 country code",
        "seeds/001_00000000000000a1.txt.yml:5: bogus: unknown key (known keys: actors, correction, countries, date, "
        "full_text, primary_country, region, regions, rights, slug, source, summary, tags, title, updated)",
        "seeds/001_00000000000000a1.txt.yml:6: source: file cannot be overridden: it is the seed's own path",
        "seeds/002.md:3: date: needs a time and a zone, e.g. 2025-11-10T12:19:19Z",
        "seeds/002.md:4: source: 'javascript:alert(1)' is not an http or https URL",
    ]


BODY = (
    "Fighters attacked an army post near the border on Monday, killing at least twelve soldiers, officials said. "
    "The attack was the deadliest in the region this year and came days after talks collapsed."
    "Residents said gunfire lasted for hours and that many families had fled towards the regional capital."
)


def test_the_same_text_twice_is_an_error_for_check_and_kept_once_by_build(project: Path) -> None:
    curly = BODY.replace("officials said.", "“officials” said.")
    seed(project, "001_00000000000000a1.txt", "First titleMon, 10 Nov 2025 12:19:19 GMT\n\n" + curly)
    straight = curly.replace("“", '"').replace("”", '"').replace("post ", "post  ")
    seed(project, "002_00000000000000a2.txt", "Other titleMon, 10 Nov 2025 13:00:00 GMT\n\n" + straight)
    checked = run_cli(project, "check")
    assert checked.returncode == 1
    assert (
        "seeds/002_00000000000000a2.txt:1: the same text as seeds/001_00000000000000a1.txt "
        "(once spaces and quotes are normalised)"
    ) in checked.stderr.splitlines()
    built = run_cli(project, "build")
    assert built.returncode == 0, built.stderr
    assert (
        "seeds/002_00000000000000a2.txt:1: warning: the same text as seeds/001_00000000000000a1.txt "
        "(once spaces and quotes are normalised); only seeds/001_00000000000000a1.txt is built"
    ) in built.stderr.splitlines()
    assert sorted(p.name for p in (project / "docs" / "briefings").rglob("*.md")) == ["first-title.md"]


def test_a_lightly_edited_copy_is_a_warning(project: Path) -> None:
    seed(project, "001_00000000000000a1.txt", "First titleMon, 10 Nov 2025 12:19:19 GMT\n\n" + BODY)
    edited = BODY.replace("twelve", "fourteen") + " The government denied the toll."
    seed(project, "002_00000000000000a2.txt", "New headlineTue, 11 Nov 2025 09:00:00 GMT\n\n" + edited)
    seed(
        project,
        "003_00000000000000a3.txt",
        "UnrelatedTue, 11 Nov 2025 09:00:00 GMT\n\nA different story entirely, about rain.",
    )
    result = run_cli(project, "check")
    assert result.returncode == 0
    warnings = [line for line in result.stderr.splitlines() if "nearly the same text" in line]
    assert len(warnings) == 1
    assert warnings[0].startswith(
        "seeds/002_00000000000000a2.txt:1: warning: nearly the same text as seeds/001_00000000000000a1.txt ("
    )


def test_signatures_worked_out_in_workers_find_the_same_pairs() -> None:
    curly = BODY.replace("officials said.", "“officials” said.")
    straight = curly.replace("“", '"').replace("”", '"')
    texts = [curly, straight, BODY.replace("twelve", "fourteen") + " The government denied the toll.", "Rain."]
    briefings = [
        from_raw(f"Title {n}Mon, 10 Nov 2025 12:19:19 GMT\n\n{text}", f"seeds/{n:03d}_{n:016x}.txt")
        for n, text in enumerate(texts)
    ]
    shipped = pickle.loads(pickle.dumps([signature(b) for b in briefings]))  # as they come back from a worker
    found = find_duplicates(briefings, shipped)
    assert found == find_duplicates(briefings)
    identical, near = found
    assert [(p.kept.id, p.other.id) for p in identical] == [(briefings[0].id, briefings[1].id)]
    assert [(p.kept.id, p.other.id) for p in near] == [(briefings[0].id, briefings[2].id)]
