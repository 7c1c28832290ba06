"""One way to print numbers and marks, for the command line, the trainer, papers and reports; and
`visible`, which every table and screen passes names, answers and content through, so that `[bold]`,
an ESC or OSC sequence, a bell or a bidirectional override is printed as what it is instead of
driving the terminal (printers also use rich `Text`, never markup)."""

from __future__ import annotations

from itertools import pairwise

_CN_DIGITS = "零一二三四五六七八九"


def number_text(value: float, places: int = 4) -> str:
    """A number as a person writes it: 55 → '55', 0.125 → '0.125', 1/3 → '0.3333', never '1e+06'."""
    text = f"{float(value):.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def marks_text(value: float) -> str:
    """Marks as the key prints them: 1.0 → '1', 1.5 → '1.5' (a half mark), 4/3 → '1.33'."""
    return number_text(value, 2)


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 100 → 一百, 105 → 一百零五, 110 → 一百一十."""
    if n < 0:
        return "负" + chinese_number(-n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n - 10] if n > 10 else "")
    out: list[str] = []
    units = (("万", 10000), ("千", 1000), ("百", 100), ("十", 10))
    zero = False
    for name, size in units:
        digit, n = divmod(n, size)
        if digit:
            if zero and out:
                out.append("零")
            out.append((chinese_number(digit) if size == 10000 else _CN_DIGITS[digit]) + name)
            zero = False
        elif out:
            zero = True
    if n:
        if zero and out:
            out.append("零")
        out.append(_CN_DIGITS[n])
    return "".join(out)


# Bidirectional embeddings, overrides and isolates: they reorder what follows ("Trojan source").
_BIDI = frozenset([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def visible(text: str, newlines: bool = True) -> str:
    """`text` with each control character written out: ESC as \\x1b, U+202E as \\u202e, a lone
    surrogate as \\ud800. Line breaks and tabs are kept when `newlines` (flowing text), and shown
    too when not (a table cell)."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if newlines and ch in "\n\t":
            out.append(ch)
        elif code < 0x20 or 0x7F <= code < 0xA0:
            out.append(f"\\x{code:02x}")
        elif code in _BIDI or 0xD800 <= code < 0xE000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def visible_with_spans(text: str, spans, newlines: bool = True) -> tuple[str, list[tuple[int, int]]]:
    """`visible(text)` and the (start, end) spans moved to where their characters now are."""
    cuts = sorted({0, len(text), *(i for span in spans for i in span)})
    moved = {0: 0}
    pieces, position = [], 0
    for a, b in pairwise(cuts):
        piece = visible(text[a:b], newlines)
        pieces.append(piece)
        position += len(piece)
        moved[b] = position
    return "".join(pieces), [(moved[a], moved[b]) for a, b in spans]
