"""Static site generator for a curated briefing archive: seeds in, briefings out."""

__version__ = "0.1.0"
