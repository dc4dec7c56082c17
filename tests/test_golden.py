"""Golden pairs: each seed in tests/golden/seeds/ (and the real seed) -> its expected page and JSON.

Regenerate after an intended change with `pytest --update-golden`, then review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.pipeline import check
from builder.render import metadata, render_briefing
from builder.settings import Settings

from .conftest import REAL_SEED, REPO

GOLDEN = Path(__file__).parent / "golden"
CASES = [REAL_SEED, *sorted((GOLDEN / "seeds").glob("*.txt")), *sorted((GOLDEN / "seeds").glob("*.md"))]


@pytest.mark.parametrize("seed", CASES, ids=lambda p: p.name)
def test_seed_gives_its_golden_page_and_json(seed: Path, update_golden: bool) -> None:
    result = check(REPO, [seed])
    assert result.ok, result.problems
    (briefing,) = result.briefings
    settings = Settings()
    page = render_briefing(briefing, settings, result.catalog)
    record = json.dumps(metadata(briefing, settings) | {"paragraphs": list(briefing.paragraphs)}, indent=2)
    expected_page = GOLDEN / f"{seed.stem}.page.md"
    expected_json = GOLDEN / f"{seed.stem}.json"
    if update_golden:
        expected_page.write_text(page, encoding="utf-8")
        expected_json.write_text(record + "\n", encoding="utf-8")
    assert page == expected_page.read_text(encoding="utf-8")
    assert record + "\n" == expected_json.read_text(encoding="utf-8")
