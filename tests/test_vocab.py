"""Vocabularies validate on load: every problem of every file as `path:line: message`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builder.errors import BriefingError
from builder.overrides import Invalid, country_code
from builder.vocab import load_vocabulary

from .conftest import REPO


@pytest.fixture
def vocab_root(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "vocab", tmp_path / "vocab")
    return tmp_path


def append(root: Path, name: str, text: str) -> None:
    path = root / "vocab" / name
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def tags_lines() -> list[str]:
    return (REPO / "vocab/tags.yml").read_text(encoding="utf-8").splitlines()


def lines_of(root: Path, name: str) -> int:
    return (root / "vocab" / name).read_text(encoding="utf-8").count("\n")


def test_the_shipped_vocabularies_validate() -> None:
    vocab = load_vocabulary(REPO)
    assert {a.type for a in vocab.actors} == {"person", "armed_group", "state_body", "organisation"}
    assert all(len(c.m49) >= 2 for iso3, c in vocab.countries.items() if iso3 not in ("ATA", "HMD"))


def test_every_country_of_the_gazetteer_can_be_named_in_an_override() -> None:
    vocab = load_vocabulary(REPO)
    assert [code for code in vocab.countries if country_code(code) != code] == []
    assert vocab.countries["XKX"].m49[-1] == "Southern Europe"
    assert vocab.countries["SRB"].m49[-1] == "Southern Europe"  # UN M49, where countryinfo errs
    with pytest.raises(Invalid):
        country_code("XXX")


def test_bad_entries_are_reported_with_file_and_line(vocab_root: Path) -> None:
    start = lines_of(vocab_root, "actors.yml")
    append(
        vocab_root,
        "actors.yml",
        "- id: jnim\n  name: Duplicate\n  type: armed_group\n  country: XXX\n  aliases: [JNIM]\n  colour: red\n"
        "- id: Bad Id\n  name: Another\n  type: militia\n  country: null\n  aliases: []\n",
    )
    append(vocab_root, "tags.yml", "- id: extra\n  name: Extra\n  description: x\n  cues: [Terrorism, jihadist]\n")
    tag_start = lines_of(vocab_root, "tags.yml") - 4
    with pytest.raises(BriefingError) as caught:
        load_vocabulary(vocab_root)
    messages = [str(p) for p in caught.value.problems]
    first_jnim = next(
        i for i, line in enumerate((REPO / "vocab/actors.yml").read_text().splitlines(), 1) if line == "- id: jnim"
    )
    assert messages == sorted(
        [
            f"vocab/actors.yml:{start + 6}: unknown key 'colour' "
            "(allowed: aliases, country, description, id, name, role, type)",
            f"vocab/actors.yml:{start + 7}: id must be a lowercase slug such as 'rapid-support-forces'",
            f"vocab/actors.yml:{start + 9}: type must be one of person, armed_group, state_body, organisation",
            f"vocab/tags.yml:{tag_start + 4}: cue 'Terrorism' must be lowercase",
            f"vocab/tags.yml:{tag_start + 4}: duplicate cue 'jihadist' (first on line "
            + str(next(i for i, t in enumerate(tags_lines(), 1) if "jihadist," in t))
            + ")",
        ]
    )
    assert first_jnim > 0  # the unknown key stops that entry before its id, name and code are checked


def test_duplicates_and_bad_codes_in_a_valid_shape(vocab_root: Path) -> None:
    start = lines_of(vocab_root, "actors.yml")
    append(
        vocab_root,
        "actors.yml",
        "- id: jnim\n  name: Duplicate\n  type: armed_group\n  country: XXX\n  aliases: [JNIM]\n"
        # a second "parliament of Iran" would silently replace the first: an error instead
        "- id: second-majlis\n  name: Second Majlis\n  type: state_body\n  country: IRN\n  aliases: []\n"
        "  role: parliament\n",
    )
    with pytest.raises(BriefingError) as caught:
        load_vocabulary(vocab_root)
    messages = [str(p) for p in caught.value.problems]
    assert f"vocab/actors.yml:{start + 4}: 'XXX' is not an ISO 3166-1 alpha-3 country code" in messages
    assert any(
        m.startswith(f"vocab/actors.yml:{start + 1}: duplicate actor id 'jnim' (first on line ") for m in messages
    )
    assert any(m.startswith(f"vocab/actors.yml:{start + 5}: duplicate name or alias 'JNIM'") for m in messages)
    assert any(
        m.startswith(f"vocab/actors.yml:{start + 11}: duplicate role and country 'parliament IRN' (first on line ")
        for m in messages
    )


def test_a_state_body_form_names_its_country_once_at_an_end(vocab_root: Path) -> None:
    start = lines_of(vocab_root, "state_bodies.yml")
    append(
        vocab_root,
        "state_bodies.yml",
        "- role: coast_guard\n  name: '{demonym} coast guard'\n  id: '{country_id}-coast-guard'\n"
        "  explicit: ['the {demonym} coast guard', '{country} {demonym} guard', '{demonym} coast guard']\n"
        "  generic: [the coast guard]\n",
    )
    with pytest.raises(BriefingError) as caught:
        load_vocabulary(vocab_root)
    message = "must name one {demonym}, {country} or {capital}, at its start or its end"
    found = [str(p) for p in caught.value.problems]
    assert found == [
        f"vocab/state_bodies.yml:{start + 4}: explicit form 'the {{demonym}} coast guard' {message}",
        f"vocab/state_bodies.yml:{start + 4}: explicit form '{{country}} {{demonym}} guard' {message}",
    ]


def test_yaml_booleans_get_a_hint(vocab_root: Path) -> None:
    text = (vocab_root / "vocab/people.yml").read_text(encoding="utf-8").replace('"On", At', "On, At")
    (vocab_root / "vocab/people.yml").write_text(text, encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        load_vocabulary(vocab_root)
    (problem,) = caught.value.problems
    assert problem.path == "vocab/people.yml"
    assert (
        problem.message
        == "not_names: True is not text (put it in quotes: YAML reads yes, no, on, off as true or false)"
    )


def test_a_broken_vocabulary_stops_the_build_with_its_line(tmp_path: Path) -> None:
    from .conftest import make_project, run_cli

    project = make_project(tmp_path / "p")
    shutil.copy(REPO / "seeds" / "000_00d956f6f0240c4d.txt", project / "seeds")
    (project / "vocab/regions.yml").write_text(
        "- id: sahel\n  name: Sahel\n  members: [MLI, ZZZ]\n  source: s\n  description: d\n"
    )
    result = run_cli(project, "build")
    assert result.returncode == 1
    assert "vocab/regions.yml:3: 'ZZZ' is not an ISO 3166-1 alpha-3 country code" in result.stderr
    assert not (project / "docs" / "briefings").exists()


def test_the_gazetteer_is_reproducible_from_its_sources() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "make_gazetteer.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_parsed_vocabularies_are_cached_by_content(
    vocab_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    parsed = load_vocabulary(vocab_root)
    cached = sorted((tmp_path / "cache" / "briefings" / "vocab").glob("actors.yml.*.json"))
    assert len(cached) == 1
    assert load_vocabulary(vocab_root) == parsed  # read back from the cache: the same vocabulary
    cached[0].write_text("not JSON", encoding="utf-8")  # a damaged cache is parsed again
    assert load_vocabulary(vocab_root) == parsed
    start = lines_of(vocab_root, "actors.yml")
    append(vocab_root, "actors.yml", "- id: new-one\n  name: New One\n  type: person\n  country: XXX\n  aliases: []\n")
    with pytest.raises(BriefingError) as raised:  # an edited file is read again, and checked again
        load_vocabulary(vocab_root)
    assert [p.line for p in raised.value.problems] == [start + 4]
    with pytest.raises(BriefingError):  # also when its entries come from the cache
        load_vocabulary(vocab_root)
