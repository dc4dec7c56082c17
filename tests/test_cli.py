"""The `briefings` command as users and scripts call it."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from builder.cli import _parser

from .conftest import REAL_SEED, REPO, run_cli


def test_extract_json_of_the_real_seed(project: Path) -> None:
    shutil.copy(REAL_SEED, project / "seeds")
    result = run_cli(project, "extract", f"seeds/{REAL_SEED.name}", "--json")
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    assert record["id"] == "00d956f6f0240c4d"
    assert record["title"] == "Mali jihadists seeking Islamist control, not to rule themselves: French spy chief"
    assert record["date"] == "2025-11-10T12:19:19Z"
    assert len(record["paragraphs"]) == 14
    assert record["summary"] == record["paragraphs"][0]
    assert record["source"] == {"file": f"seeds/{REAL_SEED.name}", "name": None, "url": None}
    assert record["words"] == sum(len(p.split()) for p in record["paragraphs"])


def test_override_file_sets_metadata_of_a_raw_seed(project: Path) -> None:
    shutil.copy(REAL_SEED, project / "seeds")
    (project / "seeds" / f"{REAL_SEED.name}.yml").write_text(
        "source: {name: AFP, url: 'https://www.afp.com/'}\nrights: © AFP\nupdated: 2025-11-11T09:00:00Z\n"
        "correction: An earlier version misspelt a name.\nfull_text: false\n",
        encoding="utf-8",
    )
    record = json.loads(run_cli(project, "extract", f"seeds/{REAL_SEED.name}", "--json").stdout)
    assert record["source"] == {"file": f"seeds/{REAL_SEED.name}", "name": "AFP", "url": "https://www.afp.com/"}
    assert (record["rights"], record["updated"], record["full_text"]) == ("© AFP", "2025-11-11T09:00:00Z", False)
    assert record["correction"] == "An earlier version misspelt a name."
    assert run_cli(project, "build").returncode == 0
    (page,) = (project / "docs" / "briefings").rglob("*.md")
    text = page.read_text(encoding="utf-8")
    assert '!!! note "Correction, 11 November 2025"' in text
    assert "**Source:** AFP · [original article](https://www.afp.com/)" in text


def test_markdown_seed_without_id_gets_a_content_hash_and_a_warning(project: Path) -> None:
    seed = project / "seeds" / "note.md"
    seed.write_text("---\ntitle: A note\ndate: Mon, 10 Nov 2025 12:19:19 GMT\n---\n\nSome *text*.\n", encoding="utf-8")
    result = run_cli(project, "check")
    assert result.returncode == 0
    expected_id = hashlib.sha256(seed.read_bytes()).hexdigest()[:16]
    assert result.stderr.splitlines()[0] == (
        f"seeds/note.md:1: warning: no id in the front matter: add `id: {expected_id}` so that it never changes"
    )


def test_progress_bar_stays_out_of_ci_logs(project: Path) -> None:
    shutil.copy(REAL_SEED, project / "seeds")
    result = run_cli(project, "build")
    assert result.returncode == 0
    assert "seeds:" not in result.stderr and "\r" not in result.stderr


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    (subcommands,) = [a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction)]
    assert isinstance(subcommands.choices, dict) and len(subcommands.choices) >= 4
    for name in subcommands.choices:
        assert re.search(rf"`briefings {name}\b", readme), f"README does not document `briefings {name}`"


def test_python_dash_m_and_version(project: Path) -> None:
    result = run_cli(project, "--version")
    assert result.returncode == 0 and result.stdout.startswith("briefings ")


def test_check_lists_actors_missing_from_the_vocabulary(project: Path) -> None:
    (project / "seeds" / "001_aaaaaaaaaaaaaaaa.txt").write_text(
        "Fighting flares in SudanMon, 10 Nov 2025 12:19:19 GMT\n\n"
        "The Zamzam Relief Network (ZRN) said aid was blocked, said Amina Yusuf, the group’s coordinator.",
        encoding="utf-8",
    )
    result = run_cli(project, "check")
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "seeds/001_aaaaaaaaaaaaaaaa.txt:3: warning: actor not in vocab/actors.yml: 'Amina Yusuf' "
        "(person? named as a speaker)",
        "seeds/001_aaaaaaaaaaaaaaaa.txt:3: warning: actor not in vocab/actors.yml: 'Zamzam Relief Network' "
        "(organisation? defines the acronym ZRN)",
        "briefings: 1 briefings, 0 errors, 2 warnings",
    ]


def test_check_markdown_report_for_reviewers(project: Path) -> None:
    shutil.copy(REAL_SEED, project / "seeds")
    (project / "seeds" / "001_aaaaaaaaaaaaaaaa.txt").write_text(
        "A | pipe <b>title</b>Mon, 10 Nov 2025 12:19:19 GMT\n\nThe army said so in Mali.", encoding="utf-8"
    )
    result = run_cli(
        project, "check", "--format", "markdown", f"seeds/{REAL_SEED.name}", "seeds/001_aaaaaaaaaaaaaaaa.txt"
    )
    assert result.returncode == 0
    report = result.stdout
    assert report.startswith("## Seeds in this change\n\n2 seeds read, 0 errors, 0 warnings.\n")
    assert "### Mali jihadists seeking Islamist control, not to rule themselves: French spy chief" in report
    assert "| primary country | Mali |" in report and "| region | Western Africa |" in report
    assert "Group for the Support of Islam and Muslims (armed group)" in report
    assert "### A &#124; pipe &lt;b&gt;title&lt;/b&gt;" in report  # seed text never becomes markup
    assert "| actors | Malian Armed Forces (state body) |" in report  # "the army" in a Mali story


def test_new_writes_a_valid_seed_and_never_overwrites(project: Path) -> None:
    shutil.copy(REAL_SEED, project / "seeds")
    args = ["new", "--title", "Talks resume in Doha", "--date", "Wed, 12 Nov 2025 09:00:00 +0100"]
    text = "Envoys met in Doha on Wednesday.\n\nThey will meet again, a spokesman said."
    first = run_cli(project, *args, "--text", text, "--source-name", "AFP", "--source-url", "https://www.afp.com/x")
    assert first.returncode == 0, first.stderr
    seed = project / first.stdout.splitlines()[0]
    assert re.fullmatch(r"seeds/001_[0-9a-f]{16}\.txt", first.stdout.splitlines()[0])
    assert seed.read_text(encoding="utf-8") == (
        "Talks resume in Doha Wed, 12 Nov 2025 08:00:00 GMT\n\n"
        "Envoys met in Doha on Wednesday.\nThey will meet again, a spokesman said."
    )
    assert seed.name.split("_")[1][:16] == hashlib.sha256(seed.read_bytes()).hexdigest()[:16]
    assert run_cli(project, "check").returncode == 0
    record = json.loads(run_cli(project, "extract", str(seed.relative_to(project)), "--json").stdout)
    assert record["source"]["name"] == "AFP" and record["primary_country"] == "QAT"
    same = run_cli(project, *args, "--text", text)
    assert same.returncode == 1 and "holds the same text already" in same.stderr
    again = run_cli(project, *args, "--text", text + "\n\nA third paragraph.")
    assert again.returncode == 0 and again.stdout.startswith("seeds/002_")  # the next free number
    markdown = run_cli(project, *args, "--text", "Some *text*.", "--markdown")
    assert markdown.returncode == 0 and markdown.stdout.strip().endswith(".md")
    assert run_cli(project, "check").returncode == 0
    bad = run_cli(project, "new", "--title", "X", "--date", "2025-11-12", "--text", "y")
    assert bad.returncode == 1 and "needs a time zone" in bad.stderr


def test_vocab_unused_lists_entries_no_seed_uses(project: Path) -> None:
    shutil.copy(REAL_SEED, project / "seeds")
    result = run_cli(project, "vocab", "--unused")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert "actor hamas: Hamas" in lines and "tag piracy: Piracy" in lines
    assert not any(line.startswith("actor jnim:") for line in lines)


_IMPORTED = """
import sys
from builder.cli import main
status = main(["build"])
print(status, sorted(name for name in ("markdown_it", "tqdm") if name in sys.modules))
"""


def test_a_build_of_raw_seeds_imports_no_more_than_it_needs(project: Path) -> None:
    # markdown-it (for Markdown seeds) and tqdm (for a progress bar on a terminal) take 30 ms to import
    shutil.copy(REAL_SEED, project / "seeds")
    run = subprocess.run(
        [sys.executable, "-c", _IMPORTED], cwd=project, capture_output=True, text=True, env={**os.environ, "CI": "1"}
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split(None, 1) == ["0", "[]\n"]
