"""Whether an answer negates what it says: 不要打断客户 must not earn 打断客户.

A negator (不要, 没有, 避免, 切勿 …) voids every keyword after it in its clause, until a contrast word
(而, 但, 就 …) ends its scope; a bare 不/无/非/未 reaches only the next few characters of its own list
item (不及时更新, but not the 表示歉意 in 带来的不便表示歉意, nor 先说再听 in 听而不闻、先说再听). Words
that contain a negation character but negate nothing (不断, 不同, 特别, 识别, 未来 …) are read as what
they are.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .normalize import Normalized, normalize_keyword
from .spans import sentence

WIDE, NEAR, NOT_NEGATION, RESET, PROHIBITION = "wide", "near", "not", "reset", "prohibition"
NEAR_SCOPE = 4  # characters a bare 不 reaches: 不[轻易]打断
NEGATION_CHARS = frozenset("不没无非未别勿莫否禁忌免")

NEGATORS_WIDE = (
    "不要", "不能", "不必", "不用", "不可", "不应", "不应该", "不该", "不得", "不准", "不许", "不宜",
    "不会", "不是", "不再", "从不", "决不", "绝不", "并不", "毫不", "不同意", "不需要", "不需", "用不着",
    "犯不着", "没必要", "不必要", "千万不能", "千万不要", "千万别", "不至于", "不一定", "未必", "不见得",
    "没有", "没", "无需", "无须", "无法", "无从", "别", "勿", "切勿", "莫", "切忌",
    "避免", "防止", "杜绝", "禁止", "严禁", "以免", "免得", "尚未", "从未", "并非", "未曾", "与其",
    # rhetorical and colloquial refusals: 何必填资料卡, 哪用得着…, 甭…, 懒得…
    "何必", "何苦", "哪用得着", "哪用", "哪里用得着", "甭", "懒得", "很少", "比起",
    # a class denied before it is named: 不属于按客户行为分类, 谈不上什么情感需求, 不能算相反型
    "不属于", "不能算", "算不上", "谈不上",
)
NEGATORS_NEAR = ("不", "无", "非", "未")
NOT_NEGATIONS = (
    # 不: adverbs, conjunctions, double negatives and adjectives that negate nothing after them
    "不断", "不仅", "不但", "不光", "不只", "不论", "不管", "不少", "不停", "不久", "不错", "不懈",
    "不已", "不如", "不妨", "不时", "不得不", "不能不", "不可不", "不会不", "无不", "没有不", "不可或缺",
    "必不可少", "不容忽视", "不可忽视", "不折不扣", "不遗余力", "不厌其烦", "不同", "不一样", "不便",
    "不满", "不足", "不良", "不当", "不安", "不快", "不利", "不适", "不幸", "不悦", "不平", "不公",
    "不佳", "不畅", "不周", "层出不穷", "差不多", "离不开", "少不了", "缺不了", "缺一不可", "不可缺少",
    # limits on a quantity: 不超过60分钟 states the 60分钟
    "不超过", "不超出", "不低于", "不少于", "不多于", "不高于", "不大于", "不小于", "不晚于", "不迟于",
    "不早于", "不到",
    # 无, 非, 未, 别, 莫 inside ordinary words
    "无论", "无私", "无限", "无线", "无疑", "毫无疑问", "无微不至", "无时无刻", "无形", "无偿", "无非",
    "非常", "除非", "是非", "非凡", "未来", "莫过于",
    "别人", "别的", "别处", "特别", "区别", "差别", "类别", "级别", "分别", "个别", "告别", "识别",
    "辨别", "鉴别", "判别", "性别", "派别", "各别", "有别",
)
# Contrast and consequence end a negation's reach: 不要A而要B, 没人就二次送货.
SCOPE_RESETS = ("而", "但", "但是", "却", "不过", "只是", "并且", "然后", "还要", "还应", "同时", "反而",
                "就", "则")
# ...but 就 ends only a condition's reach (没人就…), not a prohibition's: 千万不能上去就自我介绍.
WEAK_RESETS = frozenset({"就", "则"})
PROHIBITIONS = frozenset({"不要", "不能", "不可", "不应", "不应该", "不该", "不得", "不准", "不许", "不宜",
                          "别", "勿", "切勿", "莫", "切忌", "千万不能", "千万不要", "千万别", "禁止", "严禁",
                          "避免", "防止", "杜绝", "不必", "不用", "不需要", "没必要"})

# Negations that follow what they negate: X不必太在意, X这可不行, X是错误的, X就算了.
POST_NEGATORS = (
    "不必太在意", "不用太在意", "不必在意", "不用在意", "不重要", "不太重要", "并不重要", "没那么重要",
    "可不行", "不行", "不可取", "不对", "是错的", "是错误的", "错误的", "不正确", "是不对的", "不可以",
    "就算了", "算了", "没必要", "没有必要", "不必要", "不需要", "用不着", "无所谓", "没用", "没有用",
    "不管用", "靠不住", "不可信", "不可靠", "是误区", "不是这样", "不存在", "不用管", "不用考虑",
    "没什么影响", "没有影响", "没啥用", "没啥影响", "不算", "不属于", "不包括", "算不上", "谈不上",
    "问题不大", "不是什么", "多余", "不能用", "不可用", "用不得", "不管用", "不好使",
    "没什么关系", "没啥关系", "毫无关系", "无关", "没有关系", "没有什么关系",
    # what a candidate says of something that does not matter: X也没关系, X影响不大, X倒在其次
    "没关系", "没多大关系", "没太大关系", "关系不大", "没多大必要", "没太大必要", "没多大用",
    "是次要的", "在其次",
    "不用太关注", "不必太关注", "不用关注", "不用太讲究", "不必太讲究", "不用讲究", "不必讲究",
    "不用太在乎", "不必在乎", "不要问", "别问", "不能问", "不该问",
    "没什么要求", "没啥要求", "没什么用", "没什么必要", "没啥必要", "更没必要",
    # what candidates say of something not worth doing
    "可做可不做", "无关紧要", "不值一提", "意义不大", "作用不大", "用处不大", "没有意义", "没意义", "白费",
    "没用处", "不起作用", "起不了作用", "不现实", "不需要考虑", "不必考虑", "不用操心", "不用费心",
    "不是必须", "不是必要", "没那么必要", "不太必要", "走过场", "只是形式", "形式主义", "表面文章",
    "反而不好", "大可不必", "犯不上", "不值得", "都是虚的", "是虚的", "没效果", "没啥效果", "效果不大",
    # more of the same, as candidates say them (none the bank's own wording)
    "可有可无", "不是重点", "不是关键", "就免了", "免了吧", "省了吧", "就省了", "可以省掉", "省掉", "纯属浪费",
    "是浪费时间", "白白浪费", "没多大意思", "没什么意义", "没有什么意义", "没啥意义", "不值当", "不搞了",
    "摆设", "不顶用", "顶不了", "帮不上忙", "不起什么作用", "起不到什么作用", "大可不", "没人看",
    "可以不要", "可以不填", "可以不做", "可以不管", "用不上", "派不上用场", "无足轻重",
    "不怎么重要", "不那么重要", "不急着", "先不管", "有空再说", "不是必需", "没有太大作用", "没太大作用",
    "没多大作用", "是形式", "个形式", "没什么价值", "毫无价值", "价值不大", "没价值",
    "多此一举", "得不偿失", "不考虑", "放一边", "管它呢", "干嘛", "有什么用", "有啥用", "顶什么用",
    "不能当饭吃", "毫无必要", "一点用", "屁用", "不太需要", "没多少用", "不是很大", "不是很重要", "是其次",
    "不是一定要", "应付检查", "是应付", "做样子", "无用功", "白写", "白填", "白做", "的事不急",
    "不归我们",
    # session 13, from the blind development parts 11-14
    "影响不大", "不能算", "不算是", "算不得", "站不住", "站不住脚", "不认同", "不赞同", "意义也不大",
    "作用也不大", "用处也不大", "就不必了", "不必了", "就不用了", "不用了", "就没必要了",
    "做不到", "办不到", "不算在内", "不算在里面",
    # session 13, from the blind development parts 15-18
    "不太认同", "不太赞同", "不合适", "不妥", "不见得", "不应该算", "不该算", "不应算", "不在乎",
)
# X能不填就不填, X不是非填不可
SPARED = re.compile(r"能不(.{1,2})就不\1|不是非.{1,3}不可|不是.{1,6}的事"
                    r"|(?<!不)是(?:人家|别人|客户|他|他们|零售户|零售客户|对方)(?:自己)?的事"
                    r"|(?<!不)是.{0,6}(?:以后|之后|后面)的事"
                    r"|(.)[不没]\2.{0,4}?(?:都[1一]样|都行|都可以|无所谓|看心情|随意)")
# X不填也行, X不做也可以: leaving it undone is fine
LEFT_UNDONE = re.compile(r"不.{1,2}?(?:也行|也可以|也没事|也无妨|也没关系|都行|都可以|也罢|没事|没关系|问题不大)")
# A topic set up with 至于 is judged by the rest of its sentence: 至于先说再听，…不算致命伤.
TOPIC_OPENERS = ("至于", "说到", "关于")
POST_SCOPE = 8  # characters between the end of a match and a post-negator in its clause
# A topic denied by a negator right after it: 名片就不用讲究了, 提出要求就不必了, 引导性的问题不要问.
TOPIC_NEGATORS = ("不用", "不必", "没必要", "没有必要", "不需要", "用不着", "不要", "别", "不一定", "未必")
TOPIC_LINKS = frozenset("就也都倒可是的这些那种问题方面事情东西其实根本完全更")
TOPIC_TAIL = 6  # characters a topic negator may leave before its clause ends (…不必事先准备了)
# the candidate's opinion between a topic and its denial: 经营状态我觉得不用专门花时间分析
OPINIONS = ("我觉得", "我认为", "我看")
# …more when it says the thing is not needed (投入记录不用放进客户资料库) than when it forbids a manner of
# doing it (进门别冒冒失失闯进去 still says to mind the door)
NEEDLESS = ("不用", "不必", "没必要", "没有必要", "不需要", "用不着")
NEEDLESS_TAIL = 8


@lru_cache(maxsize=1)
def _lexicon() -> tuple[re.Pattern, dict[str, str]]:
    kinds: dict[str, str] = {}
    for words, kind in ((NEGATORS_NEAR, NEAR), (NEGATORS_WIDE, WIDE), (NOT_NEGATIONS, NOT_NEGATION),
                        (SCOPE_RESETS, RESET)):
        for word in words:
            kinds[normalize_keyword(word)] = kind
    # Longest first: at any position the longest word wins, so 不同 is read before 不.
    alternation = "|".join(re.escape(w) for w in sorted(kinds, key=lambda w: (-len(w), w)))
    return re.compile(alternation), kinds


@lru_cache(maxsize=1)
def _weak_and_prohibitions() -> tuple[frozenset[str], frozenset[str]]:
    return (frozenset(normalize_keyword(w) for w in WEAK_RESETS),
            frozenset(normalize_keyword(w) for w in PROHIBITIONS))


class NegationIndex:
    """The negators and scope resets of one normalised answer."""

    __slots__ = ("breaks", "items", "negator_starts", "negators", "resets", "weak")

    def __init__(self, norm: Normalized):
        pattern, kinds = _lexicon()
        self.negators: list[tuple[int, int, str]] = []
        self.resets: list[int] = []
        self.weak: set[int] = set()
        weak, prohibitions = _weak_and_prohibitions()
        text = norm.text
        for match in pattern.finditer(text):
            word = match.group()
            kind = kinds[word]
            if kind in (WIDE, NEAR) and _asks(text, match.start()):
                continue
            if kind == RESET:
                self.resets.append(match.start())
                if word in weak:
                    self.weak.add(match.start())
            elif kind != NOT_NEGATION:
                kind = PROHIBITION if word in prohibitions else kind
                self.negators.append((match.start(), match.end(), kind))
        self.negator_starts = [start for start, _, _ in self.negators]
        self.breaks = norm.breaks
        self.items = norm.list_separators

    def negated(self, start: int) -> bool:
        """Whether a keyword matched at `start` falls in the scope of an earlier negator."""
        if not self.negators:
            return False
        clause = self.breaks[bisect_right(self.breaks, start) - 1] if self.breaks else 0
        if clause > start:
            clause = 0
        # Negators that begin before the match (one may even run into it: 不要|要求…).
        i = bisect_left(self.negator_starts, start) - 1
        while i >= 0:
            neg_start, neg_end, kind = self.negators[i]
            if neg_start < clause:
                return False
            if kind == NEAR and (start - neg_end > NEAR_SCOPE or self._separated(neg_end, start)):
                i -= 1  # a bare 不 stays in its own list item: 听而不闻、先说再听
                continue
            r = bisect_right(self.resets, start - 1) - 1  # the last reset starting before the match
            while r >= 0 and self.resets[r] >= neg_end:
                if not (kind == PROHIBITION and self.resets[r] in self.weak):
                    return False  # 不要A而要B: the contrast ends the negation's reach
                r -= 1
            return True
        return False


    def _separated(self, a: int, b: int) -> bool:
        i = bisect_left(self.items, a)
        return i < len(self.items) and self.items[i] <= b


def _asks(text: str, at: int) -> bool:
    """Whether the negation character at text[at] is the middle of an A-not-A question (有没有用, 好不好使,
    满不满意), which asks and denies nothing."""
    return text[at] in "不没" and 0 < at < len(text) - 1 and text[at - 1] == text[at + 1]


def negation_index(norm: Normalized) -> NegationIndex:
    return norm.derived("negation", NegationIndex)


@lru_cache(maxsize=16384)
def starts_negated(keyword: str) -> bool:
    """Whether a (normalised) keyword is itself negative (不得…, 避免…): the answer must keep that."""
    pattern, kinds = _lexicon()
    match = pattern.match(keyword)
    return match is not None and kinds[match.group()] in (WIDE, NEAR)


@lru_cache(maxsize=1)
def _post_pattern() -> re.Pattern:
    words = sorted({normalize_keyword(w) for w in POST_NEGATORS}, key=lambda w: (-len(w), w))
    return re.compile("|".join(re.escape(w) for w in words))


def own_post_negators(point_text: str) -> frozenset[str]:
    """The post-negators a rubric point's own text says (影响不大 in 次要型需求……影响不大)."""
    return frozenset(m.group() for m in _post_pattern().finditer(normalize_keyword(point_text)))


def _post_negators(norm: Normalized) -> list[int]:
    return norm.derived("post-negators", lambda n: [m.start() for m in _post_pattern().finditer(n.text)
                                                    if not _asks(n.text, m.start())
                                                    and not _denied_itself(n, m.start())])


def _denied_itself(norm: Normalized, at: int) -> bool:
    """Whether a post-negator is itself denied right before it in its clause: 避免白白浪费, 绝不是摆设, 不能省掉
    (not 差别不大，不用太在意: a clause ends between)."""
    b = bisect_right(norm.breaks, at) - 1
    clause_start = norm.breaks[b] if b >= 0 else 0
    text = norm.text
    lo = max(clause_start, at - 2)
    return any(text[i] in NEGATION_CHARS and not _asks(text, i) for i in range(lo, at)) or text[lo:at].endswith(
        ("避免", "防止"))


@lru_cache(maxsize=1)
def _topic_pattern() -> re.Pattern:
    words = sorted({normalize_keyword(w) for w in TOPIC_NEGATORS}, key=lambda w: (-len(w), w))
    return re.compile("|".join(re.escape(w) for w in words))


def _separator_between(norm: Normalized, a: int, b: int) -> bool:
    """Whether a list separator (、) lies in [a, b]: the next item is not what the first is about."""
    seps = norm.list_separators
    i = bisect_left(seps, a)
    return i < len(seps) and seps[i] <= b


def _topic_denied(norm: Normalized, end: int, clause_end: int) -> bool:
    """X就不用…了: the match is the topic of a short clause that denies it."""
    text = norm.text
    link = end
    while link < clause_end and link - end < 4 and text[link] in TOPIC_LINKS:
        link += 1
    opinion = next((w for w in OPINIONS if text.startswith(w, link)), None)
    if opinion is not None:
        link += len(opinion)
    if link >= clause_end or _separator_between(norm, end, link):
        return False
    if text.startswith(("别人", "别的", "别处"), link):
        return False  # 别人的介绍 names someone, it forbids nothing
    m = _topic_pattern().match(text, link, clause_end)
    if m is None:
        return False
    return clause_end - m.end() <= (NEEDLESS_TAIL if m.group() in _needless() else TOPIC_TAIL)


@lru_cache(maxsize=1)
def _needless() -> frozenset[str]:
    return frozenset(normalize_keyword(w) for w in NEEDLESS)


def _opened_topic_denied(norm: Normalized, start: int, end: int, found: list[int]) -> bool:
    """至于X，… or 有人说X，… with a denial later in the same sentence; when the sentence is nothing but the
    topic (至于记笔记？), in the next one."""
    text = norm.text
    breaks = norm.breaks
    b = bisect_right(breaks, start) - 1
    clause_start = breaks[b] if b >= 0 else 0
    if not (any(text.startswith(opener, clause_start) for opener in TOPIC_OPENERS)
            or (text.startswith("说", clause_start) and not text.startswith(SAYING_IDIOMS, clause_start))
            or ATTRIBUTION.search(text, max(clause_start, start - ATTRIBUTION_REACH), start)):
        return False
    hard = norm.hard_breaks
    h = bisect_left(hard, end)
    sentence_end = hard[h] if h < len(hard) else len(text)
    if sentence_end - end <= 1 and h + 1 < len(hard):
        sentence_end = hard[h + 1]  # 至于记笔记？当着客户的面……难道不会……吗？
    elif sentence_end - end <= 1 and h < len(hard):
        sentence_end = len(text)
    i = bisect_left(found, end)
    if i < len(found) and found[i] < sentence_end:
        return True
    denials = _topic_denials(norm)
    j = bisect_left(denials, end)
    return j < len(denials) and denials[j] < sentence_end


def _topic_denials(norm: Normalized) -> list[int]:
    return norm.derived("topic-denials", lambda n: [m.start() for m in _topic_denials_pattern().finditer(n.text)])


@lru_cache(maxsize=1)
def _topic_denials_pattern() -> re.Pattern:
    words = sorted({normalize_keyword(w) for w in TOPIC_DENIALS}, key=lambda w: (-len(w), w))  # 不1定
    return re.compile("|".join(re.escape(w) for w in words))


# Someone else's view, which the candidate may go on to reject: 有人说是目的、对象，其实这种说法是错误的;
# 第四个说先说再听，……这算不上致命伤
ATTRIBUTION_REACH = 24  # characters between such a view's opening and the match
ATTRIBUTION = re.compile(r"有人说|有人认为|有人讲|有的人|有的书|有的说|书上|别人说|人家说|据说|听说|还说|说是"
                         r"|个说|要说")
# 说 that opens a clause as an idiom, not as someone's view: 说白了就是会说
SAYING_IDIOMS = ("说白了", "说实话", "说实在", "说到底", "说真的", "说起来", "说穿了", "说明")
# What rejects such a topic later in its sentence, beside the post-negators: 至于大方，……不必追求什么大方
TOPIC_DENIALS = ("不必", "没必要", "没有必要", "用不着", "不一定", "未必", "何必", "何苦", "哪能", "难道", "做不到",
                 "顾不了", "顾不上", "不认同", "站不住", "不见得", "哪有", "不在乎")


# A later clause of the sentence that denies its topic by a pronoun: X只反映过去，没必要看它.
BACK_REFERENCE = re.compile(r"(?:没必要|没有必要|不必|不用|不需要|用不着|别|不要)(?:再|去|太)?(.{0,3}?)"
                            r"(?:它|它们|这个|这些|那个|那些)(?:了)?$")
# …or that says it does not count, with nothing else: ……，所以不能算进去
NOT_COUNTED = re.compile(r"(?:所以|因此|因而|那就|这就)?(?:不能算|不算|不该算|不应该算|不应算)"
                         r"(?:进去|在内|在里面|进来)?(?:了)?")
UNRELATED = re.compile(r"(?:但|可|其实)?(?:跟|和|与|同)([^跟和与同]{1,12}?)"
                       r"(?:没什么关系|没有什么关系|没有关系|没关系|关系不大|没多大关系|无关|不相干)(?:的)?")
ENUMERATOR = re.compile(r"第\d+|\d+|[1-9]是|其\d")
# …unless the verb is itself a negative one: 别忘了它 keeps it
NEGATIVE_VERBS = ("忘", "丢", "漏", "落下", "放过", "忽视", "忽略", "小看", "轻视", "怕", "嫌")


REFERENCE_CLAUSES = 3  # later clauses of the sentence looked at for a pronoun that denies its topic


def _topic_sentence(norm: Normalized, start: int) -> tuple[int, int] | None:
    """The bounds of the match's sentence when the match stands in its first clause (an item's number
    before it, 第三，零售户……, is no clause of its own), or None."""
    text, breaks, hard = norm.text, norm.breaks, norm.hard_breaks
    h = bisect_right(hard, start) - 1
    s0 = hard[h] if h >= 0 else 0
    s1 = hard[h + 1] if h + 1 < len(hard) else len(text)
    b = bisect_right(breaks, s0)
    if b < len(breaks) and ENUMERATOR.fullmatch(text, s0, breaks[b]):
        b += 1
    if b < len(breaks) and breaks[b] <= start:
        return None
    return s0, s1


def _last_clause(norm: Normalized, start: int, s1: int) -> tuple[int, int] | None:
    """The last clause of the sentence ending at s1, when it is not the match's own."""
    breaks = norm.breaks
    b = bisect_right(breaks, start)
    last = bisect_left(breaks, s1) - 1
    return (breaks[last], s1) if b <= last < len(breaks) else None


def unrelated_to(norm: Normalized, start: int) -> str | None:
    """What the match's sentence says, in its last clause, the match has nothing to do with (零售户订不到
    想要的品牌而抱怨，这是货源本身紧张造成的，跟客户信息关系不大 → 客户信息), when the match is its topic."""
    bounds = _topic_sentence(norm, start)
    if bounds is None:
        return None
    last = _last_clause(norm, start, bounds[1])
    if last is None:
        return None
    m = UNRELATED.fullmatch(norm.text, *last)
    return m.group(1) if m is not None else None


def _denied_by_reference(norm: Normalized, start: int) -> bool:
    """Whether the match stands in the first clause of its sentence and one of the next few clauses of
    that sentence denies it by a pronoun (没必要看它, 不用理会这些), or its last clause says it does not
    count (……，所以不能算进去)."""
    text, breaks = norm.text, norm.breaks
    bounds = _topic_sentence(norm, start)
    if bounds is None:
        return False  # not in the sentence's first clause: not its topic
    s1 = bounds[1]
    last = _last_clause(norm, start, s1)
    if last is not None and NOT_COUNTED.fullmatch(text, *last):
        return True
    b = bisect_right(breaks, start)
    for _ in range(REFERENCE_CLAUSES):
        if b >= len(breaks) or breaks[b] >= s1:
            break
        clause_end = breaks[b + 1] if b + 1 < len(breaks) and breaks[b + 1] <= s1 else s1
        m = BACK_REFERENCE.search(text, breaks[b], clause_end)
        if m is not None and not any(v in m.group(1) for v in NEGATIVE_VERBS):
            return True
        b += 1
    return False


# X只是一次性的表现，没必要…; 名片随便递过去就可以，不用太拘礼: the match's clause makes light of it and the
# next clause opens with a denial
DISMISSIVES = ("只是", "只不过", "不过是", "无非是", "仅仅是", "随便", "随意")
DISMISSIVE_REACH = 12  # characters between the match and the end of its clause


def _dismissed(norm: Normalized, end: int, clause_end: int) -> bool:
    text = norm.text
    if clause_end - end > DISMISSIVE_REACH or clause_end >= len(text) or _at_hard_break(norm, clause_end):
        return False
    said = text[end:clause_end]
    light = [said.find(w) for w in DISMISSIVES if w in said]
    if not light or any(ch in NEGATION_CHARS for ch in said[max(0, min(light) - 2):min(light)]):
        return False  # 名片不能随便递 takes it seriously
    lead = clause_end
    while lead < len(text) and lead - clause_end < 2 and text[lead] in TOPIC_LINKS:
        lead += 1
    return _topic_pattern().match(text, lead) is not None


def post_negated(norm: Normalized, end: int, start: int | None = None,
                 tolerated: frozenset[str] = frozenset()) -> bool:
    """Whether a match ending at `end` is denied after it: later in its clause (X不必太在意), as the topic
    of a denial (X就不用了), at the start of the next clause (X，这可不行), or as a topic opened with
    至于 and denied later in its sentence (given the match's `start`)."""
    breaks = norm.breaks
    b = bisect_right(breaks, end - 1)
    clause_end = breaks[b] if b < len(breaks) else len(norm.text)
    if _topic_denied(norm, end, clause_end):
        return True
    if start is not None and _denied_by_reference(norm, start):
        return True
    if LEFT_UNDONE.search(norm.text, end, min(clause_end, end + POST_SCOPE + 6)) or SPARED.search(
            norm.text, end, min(clause_end, end + POST_SCOPE + 6)):
        return True
    if _dismissed(norm, end, clause_end):
        return True
    found = _post_negators(norm)
    if tolerated and found:
        pattern = _post_pattern()
        found = [at for at in found if pattern.match(norm.text, at).group() not in tolerated]  # type: ignore[union-attr]
    if start is not None and (_opened_topic_denied(norm, start, end, found) or _asked_away(norm, start, end)):
        return True
    if _bare_denial_next(norm, end, b, clause_end) or _particle_topic_denied(norm, end, b, clause_end):
        return True
    if not found:
        return False
    i = bisect_left(found, end)
    if i >= len(found):
        return False
    at = found[i]
    if at < clause_end:
        return at - end <= POST_SCOPE or (start is not None and _clause_denies_topic(norm, start, end, at,
                                                                                     clause_end))
    # The next clause of the same sentence may open with it, after a pointer word (，这可不行), or be
    # nothing but it (，没必要); not when it has an object of its own (，用不着当天).
    next_end = breaks[b + 1] if b + 1 < len(breaks) else len(norm.text)
    if _at_hard_break(norm, clause_end):
        # …unless the match ends its sentence and the next is nothing but the denial (资料卡？没必要。),
        # or, after a question, opens by pointing back at it (服务人员电话？这个准备它干嘛)
        if clause_end - end > 1:
            return False
        if at != clause_end:
            # 零售客户经营用品？那是零售户自己该准备的，客户经理用不着带。
            lead = POINTER_LEAD.match(norm.text, clause_end)
            return (_question_at(norm, clause_end) and lead is not None and lead.end() > clause_end
                    and not _at_hard_break(norm, at) and at < sentence(norm, clause_end + 1, clause_end + 1)[1])
        if at >= next_end:
            return False
        m = _post_pattern().match(norm.text, at)
        return m is not None and next_end - m.end() <= 1
    if at >= next_end:
        return False
    lead = norm.text[clause_end:at]
    if lead and POINTER_LEAD.fullmatch(lead) is not None:
        return True  # ，这一步其实没必要; ，这个不必太在意; ，这种说法站不住; ，这我不认同
    if lead and CONTRAST_LEAD.fullmatch(lead) is not None and norm.text.startswith(DISAGREEING, at):
        return True  # 第二是所谓同理心，不过我不太认同
    if len(lead) > 3 or not all(ch in "这那此些是就也都可真其实根本完全" for ch in lead):
        return False
    m = _post_pattern().match(norm.text, at)
    if m is not None and m.group() in _copular_denials():  # ，不属于需求层次: its object is the class denied
        return True
    return m is not None and next_end - m.end() <= 1


# What opens a clause that points back at the one before: 这一步其实, 这个, 这种说法, 这我, 那些手续就
POINTER_LEAD = re.compile(r"[这那此](?:个|种|些|样|点|条|项|类|步|1步|1条|1点|1项)?"
                          r"(?:说法|观点|做法|看法|东西|事|准备|手续)?(?:我|我觉得|我看|我认为)?"
                          r"(?:其实|根本|完全|真|可|就|也|都|是|倒|确实|它)*")
# …or opens with a contrast and the candidate's disagreement: ，不过我不太认同
CONTRAST_LEAD = re.compile(r"(?:不过|但是|但|可是|可)(?:我|我个人|我觉得|我看)?(?:其实|真|是)?")
DISAGREEING = ("不认同", "不太认同", "不赞同", "不太赞同", "不同意", "不敢苟同")
CLAUSE_TOPIC_REACH = 16  # characters between a clause's topic and the post-negator that ends the clause
TOPIC_LEAD = 4  # characters a clause may open with before its topic (公司[投入记录]不用放进…)


def _clause_denies_topic(norm: Normalized, start: int, end: int, at: int, clause_end: int) -> bool:
    """Whether the match opens its clause and a post-negator ends it, some words later: 蹲姿和鞠躬在商务场合
    用不着; 其他准备像调整情绪、准备物品这些可有可无."""
    if at - end > CLAUSE_TOPIC_REACH:
        return False
    b = bisect_right(norm.breaks, start) - 1
    clause_start = norm.breaks[b] if b >= 0 else 0
    if start - clause_start > TOPIC_LEAD:
        return False
    m = _post_pattern().match(norm.text, at)
    return m is not None and clause_end - m.end() <= 1


# A question that asks it away: 还讲什么商务社交礼仪呢？ 满足程度最低的需求有必要花精力去关注吗？
ASKED_BEFORE = re.compile(r"(?:还|又)?(?:讲|谈|搞|要|准备|管|提)什么|哪(?:里)?(?:需要|用得着|要)|何必")
ASKED_AFTER = re.compile(r"(?:有必要|有什么必要|用得着|值得|有用|有意义|能有什么用).{0,12}(?:吗|么|呢)$")
ASKED_TAIL = 20  # the end of a question that ASKED_AFTER reads (有必要……吗)
QUESTION_MARKS = frozenset("？?")


def _question_at(norm: Normalized, position: int) -> bool:
    """Whether the sentence end at `position` of the normalised text was typed as a question mark."""
    if position <= 0 or position > len(norm.ends):
        return False
    original = norm.original
    i = norm.ends[position - 1]
    while i < len(original) and original[i] in " \t\u3000”’\"'）)】」":
        i += 1
    return i < len(original) and original[i] in QUESTION_MARKS


def _asked_away(norm: Normalized, start: int, end: int) -> bool:
    """Whether the match stands in a rhetorical question that denies it."""
    hard = norm.hard_breaks
    h = bisect_left(hard, end)
    if h >= len(hard) or not _question_at(norm, hard[h]):
        return False
    sentence_end = hard[h]
    b = bisect_right(norm.breaks, start) - 1
    clause_start = norm.breaks[b] if b >= 0 else 0
    text = norm.text
    if ASKED_BEFORE.search(text, max(clause_start, start - 8), start):
        return True
    return ASKED_AFTER.search(text[max(end, sentence_end - ASKED_TAIL):sentence_end]) is not None


# A next clause that is nothing but a denial of doing it again: ，以后用不着再搞。 ，就别再提了
BARE_DENIAL = re.compile(r"(?:以后|今后|往后|后面|下次|平时)?(?:就|也|都)?"
                         r"(?:没必要|没有必要|不必|不用|不需要|用不着|别)(?:再|去)?(?:搞|做|弄|提|管|办|准备|提供|讲|说|考虑)?(?:了|啦|吧)?")
BARE_REACH = 10  # characters between the match and the end of its clause


# A topic set apart by a particle, then denied: 拜访目的嘛，用不着事先定死
TOPIC_PARTICLES = frozenset("嘛呢啊吧么")


def _particle_topic_denied(norm: Normalized, end: int, b: int, clause_end: int) -> bool:
    text = norm.text
    if clause_end - end != 1 or text[end] not in TOPIC_PARTICLES or clause_end >= len(text):
        return False
    if _at_hard_break(norm, clause_end):
        return False
    m = _topic_pattern().match(text, clause_end)
    return m is not None and m.group() in _needless()


def _bare_denial_next(norm: Normalized, end: int, b: int, clause_end: int) -> bool:
    if clause_end - end > BARE_REACH or clause_end >= len(norm.text) or _at_hard_break(norm, clause_end):
        return False
    breaks = norm.breaks
    next_end = breaks[b + 1] if b + 1 < len(breaks) else len(norm.text)
    m = BARE_DENIAL.fullmatch(norm.text, clause_end, next_end)
    return m is not None and m.end() > clause_end


# Denials of a class, which name the class after them: X，不属于需求层次 / 不算客户需求.
COPULAR_DENIALS = ("不属于", "不算", "算不上", "谈不上", "不能算", "不算是")


@lru_cache(maxsize=1)
def _copular_denials() -> frozenset[str]:
    return frozenset(normalize_keyword(w) for w in COPULAR_DENIALS)


def _at_hard_break(norm: Normalized, position: int) -> bool:
    hard = norm.hard_breaks
    i = bisect_left(hard, position)
    return i < len(hard) and hard[i] == position
