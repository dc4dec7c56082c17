"""The archive as data: data/briefings.json and data/briefings.csv. Pure.

Both hold every briefing's metadata (the fields of `briefings extract --json` except the
text itself), newest first; the schema is documented on the site's "How this archive is
made" page. Output is deterministic: fixed key order, sorted rows, LF line endings.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .model import Briefing
from .render import metadata
from .settings import Settings

CSV_COLUMNS = (
    "id",
    "date",
    "title",
    "url",
    "permalink",
    "primary_country",
    "region",
    "countries",
    "actors",
    "tags",
    "source_name",
    "source_url",
    "rights",
    "words",
    "summary",
)


def exports(briefings: list[Briefing], settings: Settings) -> dict[str, str]:
    ordered = sorted(briefings, key=lambda b: (b.date, b.id), reverse=True)
    records = [metadata(b, settings) for b in ordered]
    rows = io.StringIO()
    writer = csv.writer(rows, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        writer.writerow(
            [
                record["id"],
                record["date"],
                record["title"],
                record["url"],
                record["permalink"],
                record["primary_country"] or "",
                record["region"] or "",
                ";".join(record["countries"]),
                ";".join(actor["id"] for actor in record["actors"]),
                ";".join(record["tags"]),
                record["source"]["name"] or "",
                record["source"]["url"] or "",
                record["rights"] or "",
                record["words"],
                record["summary"],
            ]
        )
    return {
        "data/briefings.json": _json_lines(records),
        "data/briefings.csv": rows.getvalue(),
    }


def _json_lines(records: list[dict[str, Any]]) -> str:
    """A JSON list with one briefing a line: readable, diffable, and written by json's C encoder
    (indent= would use its Python one, several times slower)."""
    if not records:
        return "[]\n"
    return "[\n" + ",\n".join(json.dumps(record, ensure_ascii=False) for record in records) + "\n]\n"
