"""Points that name a fault the stem asks for, and answers that call that act fine.

A case asks 小吴的做法错在哪里; its point 小吴随口作出超出公司承诺的许诺 names the fault. An answer that names
the act and then endorses it (小吴顺口答应半小时到场，这个做法其实没什么问题) has not found the fault.
"""

from __future__ import annotations

import re

from .negation import NEGATION_CHARS
from .normalize import Normalized
from .spans import sentence

# what a stem says when it asks for a fault
FAULT_QUESTIONS = re.compile(r"错在|错误|不妥|不当|问题在|违反|哪里不对|有何不对|有什么不对|做得不对")
# what a point's text says when it names one
FAULT_WORDS = re.compile(r"随口|随意|超出|过度|抬高|错|违反|不当|不妥|不该|不应")
ENDORSEMENTS = ("没什么问题", "没啥问题", "没有问题", "没问题", "没毛病", "没有错", "没错", "是对的", "做得对",
                "无可厚非", "情有可原", "可以理解", "挺好的", "也是对的")
ENDORSE_REACH = 30  # characters after the match, in its sentence


def names_fault(point_text: str, stem: str) -> bool:
    """Whether the point names a fault that the stem asks for."""
    return bool(FAULT_QUESTIONS.search(stem)) and bool(FAULT_WORDS.search(point_text))


def endorsed(norm: Normalized, end: int) -> bool:
    """Whether the sentence goes on, soon after `end`, to call the act fine (…，这个做法其实没什么问题);
    not 不是没问题."""
    text = norm.text
    stop = min(sentence(norm, end, end)[1], end + ENDORSE_REACH)
    for word in ENDORSEMENTS:
        at = text.find(word, end, stop)
        if at != -1 and not any(ch in NEGATION_CHARS for ch in text[max(end, at - 2):at]):
            return True
    return False
