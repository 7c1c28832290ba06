"""Safe YAML reading that remembers line numbers.

Mappings load as `YamlMap` and sequences as `YamlList`, which carry the 1-based line of the node and of
each key or item, so every later check can name `file:line`. Only the safe constructors exist: a
`!!python/...` tag is refused. Aliases are allowed, but a document whose aliases expand past a bound
(an "alias bomb") is refused before anything walks it.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from . import messages as m
from .errors import ContentError

# The C parser is several times faster on a large bank; PyYAML built without libyaml has only Python's.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_EXPANDED_NODES = 2_000_000


class YamlMap(dict):
    """A mapping that knows the line of its node and of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class YamlList(list):
    """A sequence that knows the line of its node and of each item."""

    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


class _LineLoader(_BaseLoader):
    def __init__(self, stream):
        super().__init__(stream)
        self.duplicate_keys: list[tuple[int, str]] = []
        self.saw_alias = False

    def construct_object(self, node, deep=False):
        if node in self.constructed_objects:
            self.saw_alias = True
        return super().construct_object(node, deep)


def _construct_map(loader: _LineLoader, node):
    data = YamlMap()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=False)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark
            ) from None
        if key in data:
            loader.duplicate_keys.append((key_node.start_mark.line + 1, str(key)))
        data[key] = loader.construct_object(value_node, deep=False)
        data.key_lines[key] = key_node.start_mark.line + 1


def _construct_seq(loader: _LineLoader, node):
    data = YamlList()
    data.line = node.start_mark.line + 1
    data.item_lines = [child.start_mark.line + 1 for child in node.value]
    yield data
    data.extend(loader.construct_object(child, deep=False) for child in node.value)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def _expanded_size(obj, memo: dict[int, int], depth: int = 0) -> int:
    """How many nodes the document would have with every alias written out."""
    if depth > 200:
        raise RecursionError
    key = id(obj)
    if key in memo:
        return memo[key]
    if isinstance(obj, dict):
        size = 1 + sum(_expanded_size(v, memo, depth + 1) for v in obj.values())
    elif isinstance(obj, list):
        size = 1 + sum(_expanded_size(v, memo, depth + 1) for v in obj)
    else:
        size = 1
    memo[key] = size
    return size


def _decode(raw: bytes, name: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise ContentError.single(
            name, line, m.NOT_UTF8.format(byte=raw[err.start])
        ) from None
    return text.removeprefix("\ufeff")


def _bad_character(text: str, name: str, err: yaml.reader.ReaderError) -> ContentError:
    """A character YAML does not allow (NUL, ESC, …), at its own line."""
    line = text.count("\n", 0, err.position) + 1
    code = err.character if isinstance(err.character, int) else ord(err.character)
    return ContentError.single(name, line, m.BAD_CHARACTER.format(code=code))


def parse_yaml(text: str, name: str):
    """Parse one YAML document from text; `name` is used in error messages."""
    try:
        loader = _LineLoader(text)  # the reader checks every character here
    except yaml.reader.ReaderError as err:
        raise _bad_character(text, name, err) from None
    try:
        data = loader.get_single_data()
    except yaml.reader.ReaderError as err:
        raise _bad_character(text, name, err) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        message = err.problem or str(err)
        if "could not determine a constructor" in message:
            tag = message.split("tag", 1)[-1].strip(" '").replace("tag:yaml.org,2002:", "!!")
            message = m.TAG_NOT_ALLOWED.format(tag=tag)
        elif err.context:
            message = m.YAML_PROBLEMS.get(message, message)
            context = m.YAML_CONTEXTS.get(err.context)
            template = m.YAML_SYNTAX_CONTEXT if context is None else m.YAML_SYNTAX_CONTEXT_ZH
            message = template.format(context=context or err.context, message=message)
        else:
            message = m.YAML_SYNTAX.format(message=m.YAML_PROBLEMS.get(message, message))
        raise ContentError.single(name, line, message) from None
    except yaml.YAMLError as err:
        raise ContentError.single(name, 1, m.YAML_OTHER.format(error=err)) from None
    except RecursionError:
        raise ContentError.single(name, 1, m.NESTED_TOO_DEEPLY) from None
    finally:
        loader.dispose()
    if loader.saw_alias:
        try:
            size = _expanded_size(data, {})
        except RecursionError:
            size = MAX_EXPANDED_NODES + 1
        if size > MAX_EXPANDED_NODES:
            raise ContentError.single(
                name, 1, m.ALIAS_BOMB
            )
    if loader.duplicate_keys:
        line, key = loader.duplicate_keys[0]
        raise ContentError.single(name, line, m.DUPLICATE_KEY.format(key=key))
    return data


def read_yaml(path: Path, name: str):
    """Read and parse a YAML file, refusing files too large to be content."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ContentError.single(
                name, 1, m.FILE_TOO_LARGE.format(size=size // 1024 // 1024, limit=MAX_FILE_BYTES // 1024 // 1024)
            )
        raw = path.read_bytes()
    except OSError as err:
        raise ContentError.single(name, 1, m.CANNOT_READ.format(reason=err.strerror)) from None
    return parse_yaml(_decode(raw, name), name)
