"""Chinese numerals as Arabic digits, so that 两周, 二周 and 2周 compare equal and 3天 never equals 5天.

`numeral_runs` finds the numerals of a text that should be read as numbers (leaving words such as
零售, 千万 or 万一 alone); `parse_number` reads a typed number for calculation answers.
"""

from __future__ import annotations

import re
import unicodedata

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
          "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)

# 百分之二十 reads as 20%, the way a candidate would type it with digits.
NUMERAL_RUN = re.compile(f"(百分之)?([{NUMERAL_CHARS}]+)")


def _small_value(run: str) -> int | None:
    """The value of a run below 万 (一百零五, 十二, 两千三), or None when it is not a number."""
    if not run:
        return 0
    total, digit, last_unit, zero_seen = 0, None, None, False
    for ch in run:
        if ch in DIGITS:
            if digit is not None:  # two digits in a row inside a unit number: not a number
                return None
            digit = DIGITS[ch]
            if digit == 0:
                zero_seen, digit = True, None
        else:
            unit = SMALL_UNITS[ch]
            if last_unit is not None and unit >= last_unit:
                return None
            if digit is None and not (ch == "十" and total == 0 and not zero_seen) and not zero_seen:
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit, zero_seen = None, unit, False
    if digit is not None:
        # 一千五 is 1500 and 两百三 is 230: a bare digit after 百/千 counts in the next lower unit.
        if last_unit in (100, 1000) and not zero_seen and run[-2] not in DIGITS:
            total += digit * last_unit // 10
        else:
            total += digit
    return total


def numeral_value(run: str) -> str | None:
    """The digits a run of Chinese numerals stands for, or None when it should stay as it is."""
    if all(ch in "零〇" for ch in run):
        return None  # 零 on its own is the 零 of 零售, not a number
    if run[0] in "百千万亿":
        return None  # 千万 (by all means), 万一 (in case), 百分: words, not numbers
    if not any(ch in SMALL_UNITS or ch in BIG_UNITS for ch in run):
        return "".join(str(DIGITS[ch]) for ch in run)  # 二〇二四, 一二三: digit by digit
    total, rest = 0, run
    for big_char, big in sorted(BIG_UNITS.items(), key=lambda kv: -kv[1]):
        if big_char in rest:
            head, _, rest = rest.partition(big_char)
            value = _small_value(head)
            if value is None or value == 0:
                return None
            total += value * big
            rest = rest.lstrip("零〇")
    value = _small_value(rest)
    if value is None:
        return None
    return str(total + value)


def numeral_runs(text: str):
    """(start, end, digits) for each stretch of `text` that reads as a number."""
    for match in NUMERAL_RUN.finditer(text):
        digits = numeral_value(match.group(2))
        if digits is None:
            continue
        if match.group(1):
            yield match.start(), match.end(), digits + "%"
        else:
            yield match.start(2), match.end(), digits


_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)")


def parse_number(text: str) -> float | None:
    """The number a candidate typed ("12.5", "１２．５元", "二十", "1,200"), or None."""
    text = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace(" ", "")
    for start, end, digits in sorted(numeral_runs(text), reverse=True):
        text = text[:start] + digits.rstrip("%") + text[end:]
    found = _NUMBER.search(text)
    if found is None:
        return None
    # Anything beyond the number must be a unit or a sign, not another number ("3或5").
    if _NUMBER.search(text, found.end()):
        return None
    try:
        return float(found.group(0))
    except ValueError:
        return None
