"""One formatter for numbers and marks: as people write them, never in exponent notation."""

from __future__ import annotations

import pytest

from examprep.format import chinese_number, marks_text, number_text


@pytest.mark.parametrize("value, text", [(1.0, "1"), (1.5, "1.5"), (4 / 3, "1.33"), (0.0, "0"), (100, "100"),
                                         (-0.001, "0"), (1234567.0, "1234567")])
def test_marks_text(value, text):
    assert marks_text(value) == text


@pytest.mark.parametrize("value, text", [(55.0, "55"), (0.125, "0.125"), (1 / 3, "0.3333"),
                                         (1234567.0, "1234567"), (-2.5, "-2.5"), (1e-9, "0")])
def test_number_text(value, text):
    assert number_text(value) == text


@pytest.mark.parametrize("n, text", [
    (0, "零"), (1, "一"), (7, "七"), (10, "十"), (12, "十二"), (20, "二十"), (21, "二十一"), (99, "九十九"),
    (100, "一百"), (101, "一百零一"), (110, "一百一十"), (1010, "一千零一十"), (12345, "一万二千三百四十五"),
])
def test_chinese_number(n, text):
    assert chinese_number(n) == text
