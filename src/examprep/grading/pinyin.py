"""Homophones as typed through a pinyin input method (期忘 for 期望), found with plain `str.find`.

Every Chinese character is encoded as one private-use character standing for its toneless syllable,
so two texts that sound alike encode alike. pypinyin works offline; each character is looked up once.
Loading pypinyin costs more than grading an answer, so the readings are kept between runs (`READINGS`):
the first run that needs one writes every character's reading and the keywords' readings in context to
a file in the user cache, and later runs read that file instead of importing pypinyin.
"""

from __future__ import annotations

import marshal
import os
from functools import lru_cache
from pathlib import Path

_SYLLABLE_BASE = 0xF0000  # Supplementary Private Use Area-A: never typed in an answer
_OTHER_BASE = 0xF8000  # syllables outside the table below (嗯 ng, 呣 m …)
# A syllable's code is worked out from its spelling, never from the order a process met it in: compiled
# rubrics (rubric_cache) keep their keywords' sounds between processes.
INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
            "z", "c", "s", "y", "w")
FINALS = ("a", "o", "e", "i", "u", "v", "ai", "ei", "ui", "ao", "ou", "iu", "ie", "ve", "ue", "er", "an",
          "en", "in", "un", "vn", "ang", "eng", "ing", "ong", "ia", "iao", "ian", "iang", "iong", "ua", "uo",
          "uai", "uan", "uang", "van", "ueng", "io", "ü", "üe", "üan", "ün")
_FINAL_INDEX = {f: i for i, f in enumerate(FINALS)}
_syllable_ids: dict[str, str] = {}


def _syllable_char(syllable: str) -> str:
    code = _syllable_ids.get(syllable)
    if code is None:
        code = _syllable_ids[syllable] = chr(_syllable_code(syllable))
    return code


def _syllable_code(syllable: str) -> int:
    initial = next((i for i, x in enumerate(INITIALS) if syllable.startswith(x)), len(INITIALS))
    rest = syllable[len(INITIALS[initial]):] if initial < len(INITIALS) else syllable
    final = _FINAL_INDEX.get(rest)
    if final is not None:
        return _SYLLABLE_BASE + initial * 64 + final
    import zlib

    return _OTHER_BASE + zlib.crc32(syllable.encode()) % 0x7FF0


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


class Readings:
    """Every Han character's usual reading and the keywords' readings in context, kept in a file the
    commands name (in the user cache), so that a run need not import pypinyin."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.chars: dict[int, str] | None = None
        self.keywords: dict[str, list[str]] = {}
        self.dirty = False
        self.complete = False  # every character's reading is in `chars` (none is looked up again)

    def use(self, path: Path | None) -> None:
        self.path, self.chars, self.keywords, self.dirty, self.complete = path, None, {}, False, False
        SOUND_TABLE.clear()

    def _load(self) -> None:
        # the table assigned last, once whole: a warm-up thread may be loading it while an answer is graded
        if self.path is not None:
            try:
                data = marshal.loads(self.path.read_bytes())
                if isinstance(data, dict) and data.get("version") == _pypinyin_version():
                    self.keywords, self.complete = data["keywords"], True
                    self.chars = data["chars"]
                    return
            except (OSError, ValueError, EOFError, KeyError, TypeError):
                pass
        self.chars = {}

    def char(self, code: int) -> str | None:
        """The character's usual toneless reading ('' when it has none)."""
        if self.chars is None:
            self._load()
        assert self.chars is not None
        if code not in self.chars:
            if self.path is None:  # nothing kept between runs: look up this one character
                from pypinyin import lazy_pinyin

                syllable = lazy_pinyin(chr(code))[0]
                self.chars[code] = syllable if syllable != chr(code) else ""
            elif not self.complete:  # a run with no table yet fills the whole table once
                self._fill()
        return self.chars.get(code)

    def _fill(self) -> None:
        from pypinyin import lazy_pinyin
        from pypinyin.pinyin_dict import pinyin_dict

        assert self.chars is not None
        for code in pinyin_dict:
            ch = chr(code)
            if _is_han(ch):
                syllable = lazy_pinyin(ch)[0]
                self.chars[code] = syllable if syllable != ch else ""
        self.dirty = self.complete = True

    def in_context(self, keyword: str) -> list[str]:
        if self.chars is None:
            self._load()
        found = self.keywords.get(keyword)
        if found is None:
            from pypinyin import lazy_pinyin

            # a character without a reading stays itself, one reading per character (pypinyin
            # documents a list from the errors callback; its type stubs say str)
            found = lazy_pinyin(keyword, errors=lambda chunk: list(chunk))  # type: ignore[arg-type,return-value]
            self.keywords[keyword] = found
            self.dirty = True
        return found

    def save(self) -> None:
        if self.path is None or not self.dirty or not self.chars:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps({"version": _pypinyin_version(), "chars": self.chars,
                                           "keywords": self.keywords}))
            os.replace(tmp, self.path)
            self.dirty = False
        except OSError:
            pass


def _pypinyin_version() -> str:
    from importlib.metadata import version

    return version("pypinyin")


READINGS = Readings()


class _SoundTable(dict):
    """str.translate table: a character's code point → its syllable code (itself when not Han)."""

    def __missing__(self, code: int):
        value: int | str = code
        if _is_han(chr(code)):
            syllable = READINGS.char(code)
            if syllable:
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
    readings = READINGS.in_context(keyword)
    if len(readings) != len(keyword):
        return (usual,)
    in_context = "".join(
        _syllable_char(r) if _is_han(ch) and r != ch else ch for ch, r in zip(keyword, readings)
    )
    return (usual,) if in_context == usual else (usual, in_context)
