"""The archive's own settings (archive.yml beside mkdocs.yml), validated once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import BriefingError, Problem
from .yamlio import load_yaml, located_mapping

SETTINGS_FILE = "archive.yml"


@dataclass(frozen=True, slots=True)
class Settings:
    full_text: bool = True  # publish whole texts; false: summary, metadata and a link to the source
    home_latest: int = 20  # briefings listed on the home page
    seeds_dir: str = "seeds"
    docs_dir: str = "docs"
    site_url: str = ""  # the site's address, for feeds; taken from mkdocs.yml
    directory_urls: bool = True  # pages at a/b/ rather than a/b.html; mkdocs.yml's use_directory_urls


def _from_mkdocs(root: Path) -> dict[str, Any]:
    """site_url (with its !ENV default) and use_directory_urls, read the way MkDocs reads mkdocs.yml."""
    from mkdocs.utils.yaml import yaml_load

    path = root / "mkdocs.yml"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as stream:
        config = yaml_load(stream)
    if not isinstance(config, dict):
        return {}
    return {
        "site_url": str(config.get("site_url") or ""),
        "directory_urls": config.get("use_directory_urls") is not False,
    }


def load_settings(root: Path) -> Settings:
    path = root / SETTINGS_FILE
    if not path.is_file():
        return Settings(**_from_mkdocs(root))
    data, node = load_yaml(path.read_text(encoding="utf-8"), SETTINGS_FILE)
    if data is None:
        return Settings(**_from_mkdocs(root))
    meta = located_mapping(data, node, SETTINGS_FILE, 1, "archive.yml")
    defaults = Settings()
    problems = []
    values: dict[str, object] = {}
    for key, value in meta.data.items():
        if not hasattr(defaults, key) or key in ("site_url", "directory_urls"):
            problems.append(Problem(SETTINGS_FILE, meta.line_of(key), f"unknown setting {key!r}"))
        elif type(value) is not type(getattr(defaults, key)):
            expected = type(getattr(defaults, key)).__name__
            problems.append(Problem(SETTINGS_FILE, meta.line_of(key), f"{key} must be of type {expected}"))
        else:
            values[key] = value
    if problems:
        raise BriefingError(problems)
    return Settings(**values, **_from_mkdocs(root))  # type: ignore[arg-type]
