"""Typed access to the fields of one YAML mapping, collecting a `Problem` for each thing amiss.

A `FieldReader` knows which fields its mapping may have, reports unknown ones with a did-you-mean,
and turns each field into a Python value of the expected type or records why it cannot.
"""

from __future__ import annotations

import difflib
import math
import re

from .errors import Problem
from .yamlfile import YamlList, YamlMap

ID_PATTERN = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)*$")
SEGMENT_PATTERN = re.compile(r"^[a-z0-9-]+$")

_MISSING = object()


def type_name(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return type(value).__name__


def did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class FieldReader:
    def __init__(
        self,
        data: YamlMap,
        file: str,
        problems: list[Problem],
        what: str,
        allowed: tuple[str, ...],
    ):
        self.data = data
        self.file = file
        self.problems = problems
        self.what = what
        self.ok = True
        for key in data:
            if key not in allowed:
                self.fail(
                    data.line_of(key),
                    f"unknown field '{key}' in {what}{did_you_mean(str(key), allowed)}",
                )

    # -- reporting ---------------------------------------------------------------
    def fail(self, line: int, message: str) -> None:
        self.ok = False
        self.problems.append(Problem(self.file, line, message))

    def line(self, key: str | None = None) -> int:
        return self.data.line if key is None else self.data.line_of(key)

    def _get(self, key: str, required: bool):
        value = self.data.get(key, _MISSING)
        if value is _MISSING:
            if required:
                self.fail(self.data.line, f"{self.what} is missing required field '{key}'")
            return _MISSING
        if value is None:
            if required:
                self.fail(self.line(key), f"'{key}' is empty")
            return _MISSING
        return value

    def _wrong(self, key: str, expected: str, value) -> None:
        self.fail(self.line(key), f"'{key}' must be {expected}, not {type_name(value)}")

    # -- typed getters -------------------------------------------------------------
    def text(self, key: str, required: bool = False, default: str | None = None) -> str | None:
        value = self._get(key, required)
        if value is _MISSING:
            return default
        if isinstance(value, (bool, list, dict)):
            self._wrong(key, "text", value)
            return default
        value = str(value).strip()
        if not value and required:
            self.fail(self.line(key), f"'{key}' must not be empty")
        return value

    def number(self, key: str, required: bool = False, default: float | None = None,
               positive: bool = False) -> float | None:
        value = self._get(key, required)
        if value is _MISSING:
            return default
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self._wrong(key, "a number", value)
            return default
        if not math.isfinite(value):
            self._not_finite(key, value)
            return default
        if positive and value <= 0:
            self.fail(self.line(key), f"'{key}' must be greater than 0, not {value}")
            return default
        if value < 0:
            self.fail(self.line(key), f"'{key}' must not be negative")
            return default
        return float(value)

    def signed_number(self, key: str, required: bool = False) -> float | None:
        """A number that may be negative or zero (a calc answer)."""
        value = self._get(key, required)
        if value is _MISSING:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self._wrong(key, "a number", value)
            return None
        if not math.isfinite(value):
            self._not_finite(key, value)
            return None
        return float(value)

    def _not_finite(self, key: str, value: float) -> None:
        self.fail(self.line(key), f"'{key}' 必须是一个有限的数，不能是 {value}（.nan、.inf 或超出范围的数）")

    def integer(self, key: str, required: bool = False, default: int | None = None,
                maximum: int | None = None, unit: str = "") -> int | None:
        value = self._get(key, required)
        if value is _MISSING:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self._wrong(key, "a whole number", value)
            return default
        if value <= 0:
            self.fail(self.line(key), f"'{key}' must be greater than 0, not {value}")
            return default
        if maximum is not None and value > maximum:
            self.fail(self.line(key), f"'{key}' 应在 1 到 {maximum}{unit} 之间，不能是 {value}")
            return default
        return value

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self._get(key, False)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            self._wrong(key, "true or false", value)
            return default
        return value

    def text_list(self, key: str, required: bool = False, non_empty: bool = False) -> tuple[str, ...]:
        value = self._get(key, required)
        if value is _MISSING:
            return ()
        if isinstance(value, str):  # `tags: 客户信息` is a common slip; accept a single item
            value = [value]
        if not isinstance(value, list):
            self._wrong(key, "a list", value)
            return ()
        out = []
        for index, item in enumerate(value):
            item_line = value.line_of(index) if isinstance(value, YamlList) else self.line(key)
            if item is None or isinstance(item, (bool, list, dict)):
                self.fail(item_line, f"item {index + 1} of '{key}' must be text, not {type_name(item)}")
                continue
            item = str(item).strip()
            if not item:
                self.fail(item_line, f"item {index + 1} of '{key}' is empty")
                continue
            out.append(item)
        if non_empty and not out and self.ok:
            self.fail(self.line(key), f"'{key}' must not be empty")
        return tuple(out)

    def text_groups(self, key: str, minimum: int = 1) -> tuple[tuple[str, ...], ...]:
        """A list of groups, each a list of texts (a lone text is a group of one): `all:` groups,
        synonym groups, antonym pairs."""
        value = self._get(key, False)
        if value is _MISSING:
            return ()
        if not isinstance(value, list):
            self._wrong(key, "a list of lists", value)
            return ()
        groups = []
        for index, group in enumerate(value):
            line = value.line_of(index) if isinstance(value, YamlList) else self.line(key)
            if isinstance(group, str):
                group = [group]
            if not isinstance(group, list):
                self.fail(line, f"item {index + 1} of '{key}' must be a list of texts, not {type_name(group)}")
                continue
            texts = []
            bad = [item for item in group if item is None or isinstance(item, (bool, list, dict))]
            if bad:
                self.fail(line, f"item {index + 1} of '{key}' must hold texts only, not {type_name(bad[0])}")
                continue
            for item in group:
                text = str(item).strip()
                if text:
                    texts.append(text)
            if len(texts) < minimum:
                need = "at least one text" if minimum == 1 else f"at least {minimum} texts"
                self.fail(line, f"item {index + 1} of '{key}' needs {need}")
                continue
            groups.append(tuple(texts))
        return tuple(groups)

    def mapping_list(self, key: str, required: bool = False) -> list[YamlMap]:
        value = self._get(key, required)
        if value is _MISSING:
            return []
        if not isinstance(value, list):
            self._wrong(key, "a list", value)
            return []
        out = []
        for index, item in enumerate(value):
            if not isinstance(item, YamlMap):
                line = value.line_of(index) if isinstance(value, YamlList) else self.line(key)
                self.fail(line, f"item {index + 1} of '{key}' must be a mapping, not {type_name(item)}")
                continue
            out.append(item)
        return out

    def ident(self, key: str, required: bool = True) -> str | None:
        value = self.text(key, required)
        if value is not None and not ID_PATTERN.match(value):
            self.fail(
                self.line(key),
                f"bad id '{value}': use lowercase ASCII segments of [a-z0-9-] joined by dots",
            )
        return value

    def choice(self, key: str, choices, required: bool = True, default: str | None = None) -> str | None:
        value = self.text(key, required, default)
        if value is not None and value not in choices:
            self.fail(
                self.line(key),
                f"'{key}' must be one of {', '.join(choices)}, not '{value}'{did_you_mean(value, choices)}",
            )
            return None
        return value
