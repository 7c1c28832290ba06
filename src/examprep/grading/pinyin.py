"""Homophones as typed through a pinyin input method (期忘 for 期望), found with plain `str.find`.

Every Chinese character is encoded as one private-use character standing for its toneless syllable,
so two texts that sound alike encode alike. pypinyin works offline; each character is looked up once.
"""

from __future__ import annotations

from functools import lru_cache

_SYLLABLE_BASE = 0xF0000  # Supplementary Private Use Area-A: never typed in an answer
_syllable_ids: dict[str, str] = {}


def _syllable_char(syllable: str) -> str:
    code = _syllable_ids.get(syllable)
    if code is None:
        code = chr(_SYLLABLE_BASE + len(_syllable_ids))
        _syllable_ids[syllable] = code
    return code


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


class _SoundTable(dict):
    """str.translate table: a character's code point → its syllable code (itself when not Han)."""

    def __missing__(self, code: int):
        ch = chr(code)
        value: int | str = code
        if _is_han(ch):
            from pypinyin import lazy_pinyin

            syllable = lazy_pinyin(ch)[0]
            if syllable and syllable != ch:
                value = _syllable_char(syllable)
        self[code] = value
        return value


SOUND_TABLE = _SoundTable()


def sounds(text: str) -> str:
    """`text` with each Han character replaced by the code of its usual (toneless) reading."""
    return text.translate(SOUND_TABLE)


@lru_cache(maxsize=16384)
def keyword_sounds(keyword: str) -> tuple[str, ...]:
    """The encodings under which a (normalised) keyword is searched: usual readings, and the
    readings in context where they differ (行 in 银行 reads hang)."""
    usual = sounds(keyword)
    from pypinyin import lazy_pinyin

    # a character without a reading stays itself, one reading per character (pypinyin documents a
    # list from the errors callback; its type stubs say str)
    readings = lazy_pinyin(keyword, errors=lambda chunk: list(chunk))  # type: ignore[arg-type,return-value]
    if len(readings) != len(keyword):
        return (usual,)
    in_context = "".join(
        _syllable_char(r) if _is_han(ch) and r != ch else ch for ch, r in zip(keyword, readings)
    )
    return (usual,) if in_context == usual else (usual, in_context)
