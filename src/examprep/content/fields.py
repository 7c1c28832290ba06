"""Typed access to the fields of one YAML mapping, collecting a `Problem` for each thing amiss.

A `FieldReader` knows which fields its mapping may have, reports unknown ones with a did-you-mean,
and turns each field into a Python value of the expected type or records why it cannot.
"""

from __future__ import annotations

import difflib
import math
import re

from . import messages as m
from .errors import Problem
from .yamlfile import YamlList, YamlMap

ID_PATTERN = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)*$")
SEGMENT_PATTERN = re.compile(r"^[a-z0-9-]+$")

_MISSING = object()


def type_name(value) -> str:
    if isinstance(value, bool):
        return m.TYPE_BOOL
    if isinstance(value, (int, float)):
        return m.TYPE_NUMBER
    if isinstance(value, str):
        return m.TYPE_TEXT
    if isinstance(value, list):
        return m.TYPE_LIST
    if isinstance(value, dict):
        return m.TYPE_MAPPING
    if value is None:
        return m.TYPE_NOTHING
    return type(value).__name__


def did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return m.DID_YOU_MEAN.format(close=close[0]) if close else ""


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
                    m.UNKNOWN_FIELD.format(what=what, key=key, hint=did_you_mean(str(key), allowed)),
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
                self.fail(self.data.line, m.MISSING_FIELD.format(what=self.what, key=key))
            return _MISSING
        if value is None:
            if required:
                self.fail(self.line(key), m.FIELD_EMPTY.format(key=key))
            return _MISSING
        return value

    def _wrong(self, key: str, expected: str, value) -> None:
        self.fail(self.line(key), m.FIELD_WRONG_TYPE.format(key=key, expected=expected, actual=type_name(value)))

    # -- typed getters -------------------------------------------------------------
    def text(self, key: str, required: bool = False, default: str | None = None) -> str | None:
        value = self._get(key, required)
        if value is _MISSING:
            return default
        if isinstance(value, (bool, list, dict)):
            self._wrong(key, m.TYPE_TEXT, value)
            return default
        value = str(value).strip()
        if not value and required:
            self.fail(self.line(key), m.FIELD_MUST_NOT_BE_EMPTY.format(key=key))
        return value

    def number(self, key: str, required: bool = False, default: float | None = None,
               positive: bool = False) -> float | None:
        value = self._get(key, required)
        if value is _MISSING:
            return default
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self._wrong(key, m.TYPE_NUMBER, value)
            return default
        if not math.isfinite(value):
            self._not_finite(key, value)
            return default
        if positive and value <= 0:
            self.fail(self.line(key), m.FIELD_NOT_POSITIVE.format(key=key, value=value))
            return default
        if value < 0:
            self.fail(self.line(key), m.FIELD_NEGATIVE.format(key=key))
            return default
        return float(value)

    def signed_number(self, key: str, required: bool = False) -> float | None:
        """A number that may be negative or zero (a calc answer)."""
        value = self._get(key, required)
        if value is _MISSING:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self._wrong(key, m.TYPE_NUMBER, value)
            return None
        if not math.isfinite(value):
            self._not_finite(key, value)
            return None
        return float(value)

    def _not_finite(self, key: str, value: float) -> None:
        self.fail(self.line(key), m.FIELD_NOT_FINITE.format(key=key, value=value))

    def integer(self, key: str, required: bool = False, default: int | None = None,
                maximum: int | None = None, unit: str = "") -> int | None:
        value = self._get(key, required)
        if value is _MISSING:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self._wrong(key, m.TYPE_WHOLE_NUMBER, value)
            return default
        if value <= 0:
            self.fail(self.line(key), m.FIELD_NOT_POSITIVE.format(key=key, value=value))
            return default
        if maximum is not None and value > maximum:
            self.fail(self.line(key), m.FIELD_OUT_OF_RANGE.format(key=key, maximum=maximum, unit=unit, value=value))
            return default
        return value

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self._get(key, False)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            self._wrong(key, m.TYPE_TRUE_OR_FALSE, value)
            return default
        return value

    def text_list(self, key: str, required: bool = False, non_empty: bool = False) -> tuple[str, ...]:
        value = self._get(key, required)
        if value is _MISSING:
            return ()
        if isinstance(value, str):  # `tags: 客户信息` is a common slip; accept a single item
            value = [value]
        if not isinstance(value, list):
            self._wrong(key, m.TYPE_LIST, value)
            return ()
        out = []
        for index, item in enumerate(value):
            item_line = value.line_of(index) if isinstance(value, YamlList) else self.line(key)
            if item is None or isinstance(item, (bool, list, dict)):
                self.fail(item_line, m.ITEM_NOT_TEXT.format(key=key, n=index + 1, actual=type_name(item)))
                continue
            item = str(item).strip()
            if not item:
                self.fail(item_line, m.ITEM_EMPTY.format(key=key, n=index + 1))
                continue
            out.append(item)
        if non_empty and not out and self.ok:
            self.fail(self.line(key), m.FIELD_MUST_NOT_BE_EMPTY.format(key=key))
        return tuple(out)

    def text_groups(self, key: str, minimum: int = 1) -> tuple[tuple[str, ...], ...]:
        """A list of groups, each a list of texts (a lone text is a group of one): `all:` groups,
        synonym groups, antonym pairs."""
        value = self._get(key, False)
        if value is _MISSING:
            return ()
        if not isinstance(value, list):
            self._wrong(key, m.TYPE_LIST_OF_LISTS, value)
            return ()
        groups = []
        for index, group in enumerate(value):
            line = value.line_of(index) if isinstance(value, YamlList) else self.line(key)
            if isinstance(group, str):
                group = [group]
            if not isinstance(group, list):
                self.fail(line, m.GROUP_NOT_LIST.format(key=key, n=index + 1, actual=type_name(group)))
                continue
            texts = []
            bad = [item for item in group if item is None or isinstance(item, (bool, list, dict))]
            if bad:
                self.fail(line, m.GROUP_NOT_TEXTS.format(key=key, n=index + 1, actual=type_name(bad[0])))
                continue
            for item in group:
                text = str(item).strip()
                if text:
                    texts.append(text)
            if len(texts) < minimum:
                self.fail(line, m.GROUP_TOO_SHORT.format(key=key, n=index + 1, minimum=minimum))
                continue
            groups.append(tuple(texts))
        return tuple(groups)

    def mapping_list(self, key: str, required: bool = False) -> list[YamlMap]:
        value = self._get(key, required)
        if value is _MISSING:
            return []
        if not isinstance(value, list):
            self._wrong(key, m.TYPE_LIST, value)
            return []
        out = []
        for index, item in enumerate(value):
            if not isinstance(item, YamlMap):
                line = value.line_of(index) if isinstance(value, YamlList) else self.line(key)
                self.fail(line, m.ITEM_NOT_MAPPING.format(key=key, n=index + 1, actual=type_name(item)))
                continue
            out.append(item)
        return out

    def ident(self, key: str, required: bool = True) -> str | None:
        value = self.text(key, required)
        if value is not None and not ID_PATTERN.match(value):
            self.fail(
                self.line(key),
                m.BAD_ID.format(value=value),
            )
        return value

    def choice(self, key: str, choices, required: bool = True, default: str | None = None) -> str | None:
        value = self.text(key, required, default)
        if value is not None and value not in choices:
            self.fail(
                self.line(key),
                m.NOT_A_CHOICE.format(key=key, choices="、".join(choices), value=value,
                                 hint=did_you_mean(value, choices)),
            )
            return None
        return value
