"""MkDocs hook (mkdocs.yml `hooks:`): regenerate docs/ from seeds/ before every build.

A thin adapter over the same pipeline as `briefings build`. It writes only files whose
content changed, so `mkdocs serve` rebuilds once per seed edit, not in a loop.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from builder.errors import Severity
from builder.pipeline import build

log = logging.getLogger("mkdocs.hooks.briefings")


def on_pre_build(config: Any, **kwargs: Any) -> None:
    root = Path(config.config_file_path).parent
    result = build(root)
    for problem in result.problems:
        if problem.severity is Severity.WARNING:
            # Seed warnings (a likely duplicate, an actor not yet in the vocabulary) are shown
            # but must not fail `mkdocs build --strict`: only errors stop the build.
            log.info(str(problem))
    if result.changes is None:
        errors = [str(p) for p in result.problems if p.severity is Severity.ERROR]
        raise PluginError("briefings: the seeds have errors, nothing was written:\n" + "\n".join(errors))
    changes = result.changes
    log.info(
        "briefings: %d briefings; %d files written, %d removed",
        result.count,
        len(changes.written),
        len(changes.removed),
    )
