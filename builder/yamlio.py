"""YAML in and out, safely: safe loader with line numbers for errors, safe dumper for output."""

from __future__ import annotations

from typing import Any

import yaml

from .errors import BriefingError, Problem

# libyaml's safe loader when PyYAML has it (10x faster on the vocabularies), else Python's.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Located:
    """A parsed YAML mapping together with the line each of its keys stands on."""

    def __init__(self, data: dict[str, Any], lines: dict[str, int], line: int) -> None:
        self.data = data
        self.lines = lines  # key -> 1-based line
        self.line = line  # line of the mapping itself

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


def load_yaml(text: str, path: str, first_line: int = 1) -> tuple[Any, yaml.Node | None]:
    """Parse YAML with the safe loader; return the data and its node tree (for line numbers).

    `first_line` is the file line the text starts on (front matter starts on line 2).
    """
    try:
        loader = _LOADER(text)
    except yaml.reader.ReaderError as error:
        line = first_line + text.count("\n", 0, error.position)
        raise BriefingError([Problem(path, line, f"YAML: character U+{error.character:04X} is not allowed")]) from None
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        reason = error.problem or error.context or "not valid YAML"
        raise BriefingError([Problem(path, line, f"YAML: {reason}")]) from None
    except yaml.YAMLError as error:
        raise BriefingError([Problem(path, first_line, f"YAML: {error}")]) from None
    finally:
        loader.dispose()
    return data, node


def located_mapping(data: Any, node: yaml.Node | None, path: str, first_line: int, what: str) -> Located:
    """The mapping at `node`, or a BriefingError saying that `what` must be a mapping."""
    line = first_line + (node.start_mark.line if node is not None else 0)
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise BriefingError([Problem(path, line, f"{what} must be a YAML mapping of keys to values")])
    lines = {
        str(key.value): first_line + key.start_mark.line for key, _ in node.value if isinstance(key, yaml.ScalarNode)
    }
    return Located({str(k): v for k, v in data.items()}, lines, line)


def located_items(data: Any, node: yaml.Node | None, path: str, first_line: int, what: str) -> list[Located]:
    """The mappings of a YAML list (a vocabulary file), each with its own key lines."""
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        line = first_line + (node.start_mark.line if node is not None else 0)
        raise BriefingError([Problem(path, line, f"{what} must be a YAML list")])
    problems: list[Problem] = []
    items: list[Located] = []
    for item, item_node in zip(data, node.value, strict=True):
        try:
            items.append(located_mapping(item, item_node, path, first_line, f"each entry of {what}"))
        except BriefingError as error:
            problems.extend(error.problems)
    if problems:
        raise BriefingError(problems)
    return items


# libyaml's safe emitter when PyYAML has it (an order of magnitude faster), else Python's.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump_yaml(data: dict[str, Any]) -> str:
    """Deterministic YAML: keys in the order given, unicode kept, no line folding."""
    return yaml.dump(
        data,
        Dumper=_DUMPER,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=10_000,
    )
