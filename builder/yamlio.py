"""YAML in and out, safely: safe loader with line numbers for errors, safe dumpers for output."""

from __future__ import annotations

import re
from functools import lru_cache
from json.encoder import encode_basestring
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
        data = _construct(loader, node) if node is not None else None
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


_STR, _NULL, _BOOL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool"
_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


class _Unusual(Exception):
    """A node the plain walk leaves to PyYAML's constructor (a date, a merge key, a cycle)."""


def _construct(loader: Any, node: yaml.Node) -> Any:
    """The data of a composed document, as PyYAML's safe constructor gives it.

    Vocabularies hold only mappings, lists, strings, nulls and booleans; building those
    directly is several times faster than the library's (Python) constructor, which
    stays in charge of anything else."""
    try:
        return _plain(node, {})
    except (_Unusual, RecursionError):
        return loader.construct_document(node)


_OPEN = object()  # a collection being built: met again, it contains itself


def _plain(node: yaml.Node, built: dict[int, Any]) -> Any:
    """`built`: the collections made so far, by node, so that an alias shares its anchor's data."""
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        if tag == _STR:
            return node.value
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return yaml.constructor.SafeConstructor.bool_values[node.value.lower()]
        raise _Unusual  # numbers, dates, binary…
    done = built.get(id(node))
    if done is _OPEN:
        raise _Unusual  # a list inside itself: only the library builds that
    if done is not None:
        return done
    built[id(node)] = _OPEN
    if tag == _SEQ and isinstance(node, yaml.SequenceNode):
        data: Any = [_plain(item, built) for item in node.value]
    elif tag == _MAP and isinstance(node, yaml.MappingNode):
        data = {}
        for key_node, value_node in node.value:
            key = _plain(key_node, built)  # a merge key ("<<") has a tag of its own: unusual
            if isinstance(key, (list, dict)):
                raise _Unusual  # unhashable: the library says so
            data[key] = _plain(value_node, built)
    else:
        raise _Unusual  # sets, ordered maps, a tag that does not fit its node ("!!str" on a mapping)…
    built[id(node)] = data
    return data


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


# Characters a YAML double-quoted scalar must not hold raw: controls (JSON escapes those below
# U+0020), the line breaks YAML 1.1 knows beyond JSON's (NEL, LS, PS), BOM and non-characters.
_UNSAFE_IN_QUOTES = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


_PLAIN_KEY = re.compile(r"[a-z_][a-z0-9_]*")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return _string(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    raise TypeError(f"cannot write {type(value).__name__} as front matter")


@lru_cache(maxsize=65536)
def _string(value: str) -> str:
    """A string as a double-quoted scalar (remembered: names, countries and tags recur on every page)."""
    # A JSON string is a YAML double-quoted scalar: no text can become a key, a tag or a
    # second document, whatever it holds.
    return _UNSAFE_IN_QUOTES.sub(_escaped, encode_basestring(value))  # json.dumps(value, ensure_ascii=False)


@lru_cache(maxsize=1024)
def _key(key: str) -> str:
    return key if _PLAIN_KEY.fullmatch(key) else _scalar(key)


def _block(data: Any, indent: str, lines: list[str]) -> None:
    """Append `data` (a mapping or list) as block YAML lines at `indent`."""
    if isinstance(data, dict):
        for key, value in data.items():
            head = f"{indent}{_key(key)}:"
            if not isinstance(value, (dict, list)):
                lines.append(f"{head} {_scalar(value)}")
            elif not value:
                lines.append(f"{head} {{}}" if isinstance(value, dict) else f"{head} []")
            else:
                lines.append(head)
                # a mapping's list sits at its key's indent, a mapping's mapping below it
                _block(value, indent if isinstance(value, list) else indent + "  ", lines)
        return
    for value in data:
        if not isinstance(value, (dict, list)):
            lines.append(f"{indent}- {_scalar(value)}")
        elif not value:
            lines.append(f"{indent}- {{}}" if isinstance(value, dict) else f"{indent}- []")
        elif isinstance(value, dict):  # "- id: x" then "  name: y"
            inner: list[str] = []
            _block(value, indent + "  ", inner)
            lines.append(f"{indent}- {inner[0].lstrip()}")
            lines.extend(inner[1:])
        else:  # a list item's list below its dash
            lines.append(f"{indent}-")
            _block(value, indent + "  ", lines)


def dump_front_matter(data: dict[str, Any]) -> str:
    """Generated pages' front matter: block YAML, keys in the order given, every string
    double-quoted (several times faster than a YAML library's dumper, which must decide each
    string's style). Keys are the builder's own; values may hold any text."""
    lines: list[str] = []
    _block(data, "", lines)
    return "\n".join(lines) + "\n"
