"""The grader's meaning rules (issue 14) as an examiner's marking sheet, one test per row.

Each row is (rubric, answer, the points earned); a row's comment names the rule it stands for, and the
row fails when that rule is taken out. A rubric point is written (id, point text, keywords[, all:[, under:[, label:]]]).
"""

from __future__ import annotations

import pytest

from examprep.content.model import Lexicon, RubricPoint
from examprep.kinds import grade_answer
from examprep.kinds.free_text import FreeText

LEXICON = Lexicon(
    synonyms=(("吐字清晰", "吐字清楚", "口齿清楚"), ("让对方把话讲完", "别抢着说", "别插嘴"), ("赞美", "夸")),
    antonyms=(("正面朝上", "背面朝上"),),
)


def question(points, stem: str = "题干", lexicon: Lexicon = LEXICON) -> FreeText:
    rubric = tuple(
        RubricPoint(p[0], p[1], tuple(p[2]), 1.0, tuple(tuple(g) for g in (p[3] if len(p) > 3 else ())),
                    under=p[4] if len(p) > 4 else None, labels=tuple(p[5]) if len(p) > 5 else ())
        for p in points)
    return FreeText("t.meaning", "short", "primary", ("x",), stem, float(len(rubric)), rubric=rubric,
                    lexicon=lexicon)


def earned(points, answer: str, **kw) -> set[str]:
    return {p.id for p in grade_answer(question(points, **kw), answer).points if p.hit}


def how(points, answer: str, point_id: str, **kw) -> str | None:
    return next(p.how for p in grade_answer(question(points, **kw), answer).points if p.id == point_id)


CLEAR = [("clear", "保持吐字清晰", ["吐字清晰"])]
FINISH = [("finish", "让对方把话讲完", ["让对方把话讲完"])]
CALLBACK = [("handle", "被投诉单位72小时内对投诉进行有效处理", ["72小时内处理", "72小时内有效处理"],
             [["有效处理", "处理好", "解决"], ["72小时"]]),
            ("callback", "处理完毕后，投诉受理员48小时内电话回访", ["48小时内回访", "48小时内电话回访"],
             [["回访"], ["48小时"]])]
RATIOS = [("customer", "客户时间比不低于55%", ["客户时间55%"], [["客户时间"], ["55%"]]),
          ("company", "公司时间比不高于45%", ["公司时间45%"], [["公司时间"], ["45%"]])]
OBJECTIONS = [("ignore", "忽视法：客户只是发牢骚时不予理会", ["忽视法"], [["忽视法"], ["牢骚", "不予理会", "不理会"]]),
              ("taiji", "太极法：先部分肯定对方，再说出自己的观点", ["太极法"], [["太极法"], ["肯定", "认同"]])]
CARD = [("face", "递名片时正面朝上", ["正面朝上"])]
ORDER_WORDS = [("intro", "先报公司再报姓名", ["先报公司"])]
PUBLICITY = [("publicity", "企业的宣传会影响客户期望", ["企业的宣传"])]
CALL = [("length", "通话时间要适当控制", ["适当控制", "控制通话时间"])]
VISITS = [("freq", "根据客户类别确定不同的拜访频率", ["不同的拜访频率", "拜访频率不同"])]
APOLOGY = [("no-blame", "不要提出让客户认错", ["不要提出让客户认错", "不要让客户认错"])]
INTRO = [("no-intro", "不要一上来就自我介绍", ["不要一上来就自我介绍"]), ("smile", "面带微笑", ["微笑"])]
WEEKLY = [("weekly", "每周拜访一次", ["每周一次", "每周拜访一次"])]
PERCENT = [("ratio", "客户时间不少于60%", ["60%"])]
HOURS = [("damaged", "48小时之内送达", ["48小时之内送达", "48小时内送到"])]
HOUR = [("arrive", "1小时内到达现场", ["1小时内到达", "1小时内到场"])]
HALF = [("wait", "等候不超过30分钟", ["30分钟"])]
ELDERS = [("elders", "先长辈后晚辈", ["先长辈后晚辈"]), ("bosses", "先上级后下级", ["先上级后下级"])]
BASIC = [("basic", "基本型需求", ["基本型"])]
POSTURE = [("sit", "坐姿", ["坐姿"]), ("stand", "站姿", ["站姿"])]
PRAISE = [("praise", "真诚地赞美客户", ["赞美客户"])]
CLASSIFY = [("by-feature", "按客户特征分类", ["按客户特征分类", "客户特征分类"]),
            ("by-value", "按客户价值分类", ["按客户价值分类", "客户价值分类"])]

ROWS = [
    # synonym: a bank synonym swapped into a keyword
    pytest.param(CLEAR, "说话时口齿清楚", {"clear"}, id="synonym-swap"),
    pytest.param(CLEAR, "吐字要清楚", {"clear"}, id="synonym-split-order"),
    # concept: the point's own words, any order, with 词林 synonyms
    pytest.param(CLASSIFY, "可以按照特征、行为、价值来分", set(), id="concept-needs-its-words"),
    pytest.param([("need", "了解客户的真实需求和期望", ["真实需求"])], "要弄清楚零售户真正的需要和期望",
                 {"need"}, id="concept-paraphrase"),
    # number forms, still exact
    pytest.param(PERCENT, "客户时间要占六成以上", {"ratio"}, id="number-six-tenths"),
    pytest.param(HOURS, "两天之内送达", {"damaged"}, id="number-two-days"),
    pytest.param(HOURS, "两天之内送到", {"damaged"}, id="number-two-days-synonym"),
    pytest.param(HOUR, "一个钟头之内到达现场", {"arrive"}, id="number-one-hour-spoken"),
    pytest.param(HOUR, "六十分钟内到达现场", {"arrive"}, id="number-sixty-minutes"),
    pytest.param(HALF, "等候不超过半小时", {"wait"}, id="number-half-hour"),
    pytest.param(WEEKLY, "每个礼拜一趟", {"weekly"}, id="number-spoken-weekly"),
    pytest.param(WEEKLY, "每两周拜访一次", set(), id="number-fortnightly-is-not-weekly"),
    pytest.param(HOURS, "三天之内送达", set(), id="number-three-days-is-not-48-hours"),
    # word order and split phrases
    pytest.param(CALLBACK, "回访在48小时内完成", {"callback"}, id="order-reversed"),
    pytest.param([("keep", "按时兑现承诺", ["按时兑现承诺"])], "做出的承诺要按时兑现", {"keep"}, id="order-split"),
    # elided heads
    pytest.param(ELDERS, "先上级后下级、长辈后晚辈", {"elders", "bosses"}, id="elided-first"),
    pytest.param(ELDERS, "长辈后晚辈", set(), id="elided-needs-its-head"),
    pytest.param(BASIC, "基本那一类需求", {"basic"}, id="elided-type-suffix"),
    pytest.param(POSTURE, "坐的姿势和站的姿势", {"sit", "stand"}, id="compound-loose"),
    # all: binding — a fact counts only beside its own item
    pytest.param(CALLBACK, "投诉要72小时内处理好，处理完毕48小时内电话回访", {"handle", "callback"}, id="all-bound"),
    pytest.param(CALLBACK, "投诉要48小时内处理好，处理完毕72小时内电话回访", set(), id="all-swapped-hours"),
    pytest.param(RATIOS, "客户时间55%，公司时间45%", {"customer", "company"}, id="all-ratios"),
    pytest.param(RATIOS, "客户时间45%，公司时间55%", set(), id="all-ratios-swapped"),
    pytest.param(OBJECTIONS, "忽视法：先部分肯定对方；太极法：客户发牢骚时不予理会", set(), id="all-methods-swapped"),
    pytest.param(OBJECTIONS, "忽视法：客户只是发牢骚就不予理会；太极法是先部分肯定对方", {"ignore", "taiji"},
                 id="all-methods-right"),
    # negation after the keyword, and prohibitions that 就 does not end
    pytest.param(PUBLICITY, "不需要企业的宣传", set(), id="negation-not-needed"),
    pytest.param(PUBLICITY, "企业的宣传不必太在意", set(), id="post-negation-no-need"),
    pytest.param(PUBLICITY, "企业的宣传，这可不行", set(), id="post-negation-next-clause"),
    pytest.param(PUBLICITY, "企业的宣传是错误的", set(), id="post-negation-wrong"),
    pytest.param(PUBLICITY, "企业的宣传就不用讲究了", set(), id="post-negation-topic"),
    pytest.param(INTRO, "千万不能一上来就自我介绍，要面带微笑", {"no-intro", "smile"}, id="prohibition-through-jiu"),
    pytest.param([("intro", "自我介绍", ["自我介绍"])], "千万不能上去就自我介绍", set(), id="prohibition-voids-keyword"),
    # a negative rule matched by a negative answer of the same sense
    pytest.param(APOLOGY, "不能要求客户认错", {"no-blame"}, id="negative-rule-negative-answer"),
    pytest.param(FINISH, "没讲完别抢着说", {"finish"}, id="negative-synonym-of-positive-rule"),
    # opposites with no negation word
    pytest.param(CALL, "通话时间越长越好", set(), id="antonym-longer-the-better"),
    pytest.param(VISITS, "所有客户统一拜访频率", set(), id="antonym-uniform"),
    pytest.param(CARD, "递名片时背面朝上", set(), id="antonym-back-side"),
    # typo tolerance never swaps an opposite or an order word
    pytest.param([("face", "正面朝上", ["名片正面朝上"])], "名片背面朝上", set(), id="typo-not-antonym"),
    pytest.param(ORDER_WORDS, "再报公司", set(), id="typo-not-order-word"),
    pytest.param([("more", "多问开放式问题", ["多问开放式问题"])], "少问开放式问题", set(), id="typo-not-more-less"),
    pytest.param([("d", "3天内回复", ["3天内回复"])], "3年内回复", set(), id="typo-not-beside-number"),
    # the synonym list of the bank and 词林
    pytest.param(PRAISE, "真诚地夸客户", {"praise"}, id="synonym-bank-praise"),
]


# `under:`: descriptions belong to the heading that names their item
FEATURES = [("physical", "按客户物理属性分类", ["物理属性"]),
            ("operator", "经营者的年龄、教育背景", ["教育背景", "年龄"], (), "physical"),
            ("business", "按客户经营情况分类", ["经营情况"]),
            ("brand", "依据品牌构成", ["品牌构成"], (), "business"),
            ("scale", "依据经营规模（平均月销量）", ["月销量", "经营规模"], (), "business")]
# what candidates say of something that does not matter, after it, and a pronoun that denies the topic
LEAVE = [("busy", "客户临时有事时告辞", ["临时有事"])]
DECISION = [("decision", "客户信息是企业决策的基础", ["企业决策"])]
FACE = [("face", "当面沟通的礼仪", ["当面沟通"])]
LEDGER = [("ledger", "利用动销台账获取需求信息", ["动销台账"])]
GUIDE = [("guiding", "问具有引导性的问题，如二选一", ["二选一"])]
# all: across the next clause of the sentence when it names no other item (topic, then its comment)
TYPES = [("problem", "问题型需求的响应对服务技能要求很高", ["服务技能"], [["问题型"], ["技能", "本事"]]),
         ("opposite", "相反型需求，提供反而引起不满", ["反而引起"], [["相反型"], ["反而", "不满"]])]
ROWS += [
    pytest.param(TYPES, "问题型的就难了，得有真本事才接得住。", {"problem"}, id="all-comment-in-the-next-clause"),
    pytest.param(TYPES, "问题型的就难了，相反型的给了反而让人不满。", {"opposite"},
                 id="all-next-clause-naming-another-item-is-not-borrowed"),
    pytest.param(CALLBACK, "投诉要48小时内处理好，处理完毕72小时内回访", set(), id="all-swapped-limits-across-clauses"),
]
ROWS += [
    pytest.param(LEAVE, "客户临时有事也没关系，接着谈就行。", set(), id="post-negation-also-no-matter"),
    pytest.param(LEAVE, "客户临时有事时应当告辞。", {"busy"}, id="post-negation-control"),
    pytest.param(DECISION, "客户信息对企业决策来说其实没多大关系。", set(), id="post-negation-little-bearing"),
    pytest.param(FACE, "当面沟通其实不用讲究什么礼仪。", set(), id="topic-denied-after-qishi"),
    pytest.param(LEDGER, "动销台账只反映过去卖了多少，了解需求没必要看它。", set(), id="denied-by-pronoun"),
    pytest.param(LEDGER, "动销台账很重要，千万别忘了它。", {"ledger"}, id="pronoun-with-negative-verb-keeps"),
    pytest.param(GUIDE, "二选一这种问题不要问。", set(), id="post-negation-do-not-ask"),
]
ROWS += [
    pytest.param(FEATURES, "按物理属性分类，看经营者的年龄、教育背景；按经营情况分类，看品牌构成和月销量。",
                 {"physical", "operator", "business", "brand", "scale"}, id="under-each-below-its-own-heading"),
    pytest.param(FEATURES, "按物理属性分类，就是看品牌构成、平均月销量；按经营情况分类，就是看经营者的年龄、教育背景。",
                 set(), id="under-swapped-headings-earn-nothing"),
    pytest.param(FEATURES, "按物理属性分类，看品牌构成和月销量；按经营情况分类，看门店本身和经营者的年龄。",
                 set(), id="under-item-named-in-another-items-part-is-content"),
    pytest.param(FEATURES, "按物理属性分类，按经营情况分类。", {"physical", "business"},
                 id="under-headings-over-nothing-still-earn"),
    pytest.param(FEATURES, "品牌构成和月销量属于按经营情况分类；经营者的年龄属于按物理属性分类。",
                 {"physical", "operator", "business", "brand", "scale"}, id="under-heading-after-in-its-sentence"),
    pytest.param(FEATURES, "可以按物理属性来分，还可以按经营规模，比如平均月销量来分。",
                 {"physical", "scale"}, id="under-own-heading-not-named-is-no-swap"),
    pytest.param(FEATURES, "按物理属性、经营情况分。前者看经营者的年龄、教育背景；后者看品牌构成、月销量。",
                 {"physical", "operator", "business", "brand", "scale"}, id="under-sentence-naming-no-heading"),
]

# near spellings that are other words: a character dropped beside its opposite, a negation left dangling,
# a homophone of a guarded character (a slip, not an opposite)
DATABASE = [("dynamic", "动态管理", ["动态管理"])]
UNMET = [("unmet", "说明企业对这类需求满足得不够", ["满足得不够"])]
FEATURE_TYPO = [("feature", "客户特征分类", ["客户特征分类"])]
# 即 labels a description; a person between a keyword's words makes it someone else's
EFFECTS = [("halo", "晕轮效应指对人某一方面的突出印象扩散到整体评价", ["晕轮效应"]),
           ("primacy", "首因效应指第一次接触形成的印象最深刻", ["首因效应"])]
EYES = [("eyes", "对方的眼睛", ["对方的眼睛"])]
BUSINESS = [("business", "按客户经营情况分类", ["经营情况"])]
ROWS += [
    pytest.param(DATABASE, "客户数据库能实现对客户的静态管理。", set(), id="typo-drop-beside-opposite"),
    pytest.param(DATABASE, "客户数据库能实现对客户的动太管理。", {"dynamic"}, id="typo-control"),
    pytest.param(UNMET, "企业一般都已经满足得不错了。", set(), id="typo-dangling-negation"),
    pytest.param(FEATURE_TYPO, "按客户特正分类。", {"feature"}, id="typo-homophone-of-guarded-character"),
    pytest.param(EFFECTS, "利用晕轮效应，即第一次接触形成的印象最深刻；利用首因效应，即对人某一方面的突出印象会扩散到整体评价。",
                 set(), id="label-ji-swapped-descriptions"),
    pytest.param(EFFECTS, "利用晕轮效应，即对人某一方面的突出印象扩散到整体评价；利用首因效应，即第一次接触形成的印象最深刻。",
                 {"halo", "primacy"}, id="label-ji-control"),
    pytest.param(EYES, "让对方用我的眼睛看世界。", set(), id="gap-person-between"),
    pytest.param(EYES, "学会用对方那双眼睛看世界。", {"eyes"}, id="gap-control"),
    pytest.param(BUSINESS, "看门店本身的情况和经营者的年龄。", set(), id="order-reversed-across-a-list"),
]

# the point's action denied after the keyword; a keyword repeating its own denial; 没什么 before a negative
CONSENSUS = [("consensus", "确认达成的共识", ["共识"])]
MATERIALS = [("materials", "准备客户资料和政策法规", ["客户资料"])]
RETELL = [("retell", "复述客户说的内容", ["复述"])]
UNREASONABLE = [("unreasonable", "这种要求是不合理的", ["不合理"])]
SKILL = [("skill", "问题型需求对服务技能要求很高", ["技能"])]
ROWS += [
    pytest.param(LEAVE, "客户临时有事时可以在旁边等着，不必告辞。", set(), id="action-denied-next-clause"),
    pytest.param(CONSENSUS, "达成的共识就不用再跟客户确认了。", set(), id="action-denied-own-clause"),
    pytest.param(MATERIALS, "准备好客户资料，政策法规不用特意准备。", {"materials"},
                 id="action-denied-of-another-topic-keeps"),
    pytest.param(RETELL, "客户说的内容没必要复述，复述显得自己没听懂。", set(), id="echo-of-a-denied-keyword"),
    pytest.param(RETELL, "不必一字不差地复述，但复述要点很有用。", {"retell"}, id="echo-after-a-contrast-keeps"),
    pytest.param(UNREASONABLE, "这个需求本身没什么不合理的。", set(), id="negative-keyword-denied-by-meishenme"),
    pytest.param(SKILL, "问题型需求一般人都能处理，对技能没什么要求。", set(), id="post-negation-no-requirement"),
]

# letters that name points (TPO): a fact counts under its own letter only
TPO = [("time", "Time 代表时间、季节", ["时间", "季节"]), ("place", "Place 代表地点、场合", ["地点", "场合"]),
       ("object", "Object 代表目的、对象", ["目的", "对象"])]
ROWS += [
    pytest.param(TPO, "T代表地点、场合；P代表时间、季节；O代表目的、对象。", {"object"}, id="letter-swapped"),
    pytest.param(TPO, "T是Time，指时间、季节；P指地点；O就是目的。", {"time", "place", "object"}, id="letter-own"),
    pytest.param(TPO, "TPO原则指时间、地点、目的。", {"time", "place", "object"}, id="letter-none-named"),
]

# a member under its own item's name, where the answer denies that item
INFO = [("company", "掌握公司的信息", ["公司的信息"]),
        ("brands", "重点品牌、新品上市信息", ["重点品牌", "新品上市"], (), "company")]
ROWS += [
    pytest.param(INFO, "公司的信息就不必事先准备了，重点品牌、新品这些到店里看单页就知道了。", set(),
                 id="under-a-denied-item"),
    pytest.param(INFO, "要掌握公司的信息，重点品牌、新品上市都要清楚。", {"company", "brands"},
                 id="under-an-item-not-denied"),
]

# an A-not-A question asks, it denies nothing; 不时 is "now and then"
RIVAL_USE = [("usage", "客户对竞争对手产品的使用情况", ["用对手的产品"])]
NOD = [("nod", "适时点头回应", ["点头"])]
ROWS += [
    pytest.param(RIVAL_USE, "看客户有没有用对手的产品。", {"usage"}, id="a-not-a-question-is-no-negation"),
    pytest.param(RIVAL_USE, "客户没有用对手的产品。", set(), id="a-not-a-control-negation"),
    pytest.param(NOD, "听的时候不时点头。", {"nod"}, id="bushi-now-and-then"),
]

# a word the point negates, said with no avoiding of it; 告辞 said as a one-character 走
RESIST = [("no-resistance", "问一些客户没有抗拒点的问题", ["反感", "抗拒"])]
ROWS += [
    pytest.param(RESIST, "客户有抗拒点的问题也要多问。", set(), id="point-negated-word-said-plainly"),
    pytest.param(RESIST, "提问要避开客户反感的话题。", {"no-resistance"}, id="point-negated-word-avoided"),
    pytest.param(LEAVE, "客户临时有事时更要多待一会儿，不能走。", set(), id="action-spoken-one-character"),
    pytest.param(LEAVE, "客户临时有事时就得告辞，不能走神。", {"busy"}, id="action-one-character-inside-a-word"),
]

# what candidates say of something not worth doing, after it; 与其X，不如Y
CARD_INFO = [("card", "填写客户资料卡", ["资料卡"])]
ROWS += [
    pytest.param(CARD_INFO, "资料卡不填也行，情况都在脑子里。", set(), id="post-negation-left-undone"),
    pytest.param(CARD_INFO, "资料卡其实是走过场。", set(), id="post-negation-a-formality"),
    pytest.param(CARD_INFO, "与其填资料卡，不如多跑几趟店。", set(), id="negation-yuqi"),
    pytest.param(CARD_INFO, "资料卡要填全，不填不行。", {"card"}, id="left-undone-control"),
]

# the point's quantity given wrongly beside it, in seconds too
SHAKE = [("seconds", "握手时间以3秒为宜", ["握手时间"])]
ROWS += [
    pytest.param(SHAKE, "握手时间5秒左右。", set(), id="wrong-quantity-seconds"),
    pytest.param(SHAKE, "握手时间3秒左右。", {"seconds"}, id="wrong-quantity-seconds-control"),
]

# the match's clause makes light of it and the next clause opens with a denial
SUPPORT = [("new-product", "按零售户对新品营销支持程度划分", ["新品上市时的配合"])]
GIVE_CARD = [("card", "接发名片的礼仪", ["名片"])]
ROWS += [
    pytest.param(SUPPORT, "新品上市时的配合情况只是一次性的表现，没必要作为分类依据。", set(), id="dismissed-then-denied"),
    pytest.param(GIVE_CARD, "名片单手随便递过去就可以，不用太拘礼。", set(), id="dismissed-casually-then-denied"),
    pytest.param(GIVE_CARD, "名片不能随便递过去，不用紧张但要双手递。", {"card"}, id="dismissive-word-negated-keeps"),
    pytest.param(GIVE_CARD, "名片要双手递过去，不用太拘束。", {"card"}, id="denial-without-dismissal-keeps"),
]

# more ways candidates say a thing is not worth doing, before or after it; a denied one denies nothing
@pytest.mark.parametrize("answer, expected", [
    ("资料卡可有可无。", set()), ("资料卡不是重点。", set()), ("资料卡就免了。", set()), ("资料卡是摆设。", set()),
    ("资料卡派不上用场。", set()), ("资料卡可以不填。", set()), ("资料卡没什么价值。", set()),
    ("填资料卡纯属多此一举。", set()), ("资料卡能不填就不填。", set()), ("资料卡不是非填不可。", set()),
    ("资料卡不填也罢。", set()), ("何必填资料卡。", set()), ("甭填资料卡。", set()), ("懒得填资料卡。", set()),
    ("资料卡绝不是摆设，要认真填。", {"card"}), ("资料卡要填好，不能省掉。", {"card"}),
    ("资料卡差别不大，不用太在意。", set()),
    ("资料卡？没必要。", set()), ("资料卡？没必要的话可以少填几项，但必须填。", {"card"}),
    ("资料卡填不填无所谓。", set()), ("资料卡填不填都一样。", set()), ("资料卡不填没事。", set()),
    ("资料卡有啥用。", set()), ("资料卡一点用都没有。", set()),
    ("资料卡有没有无所谓。", set()), ("资料卡只是应付检查。", set()), ("填资料卡不是客户经理的事。", set()),
    ("比起资料卡，多跑店更重要。", set()), ("资料卡写了也白写。", set()),
], ids=lambda v: v if isinstance(v, str) else None)
def test_not_worth_doing(answer, expected):
    assert earned(CARD_INFO, answer) == expected


# a fault the stem asks for, found and then called fine
def faults(answer: str) -> set[str]:
    points = [("overpromise", "小吴随口作出超出公司承诺的许诺", ["随口答应"])]
    return earned(points, answer, stem="小吴的做法错在哪里？")


@pytest.mark.parametrize("answer, expected", [
    ("小吴随口答应半小时到场，这个做法其实没什么问题。", set()),
    ("小吴随口答应半小时到场，这不是没问题的，会抬高期望。", {"overpromise"}),
    ("小吴随口答应半小时到场，抬高了期望。", {"overpromise"}),
], ids=["endorsed", "endorsement-denied", "no-endorsement"])
def test_a_fault_called_fine_is_not_found(answer, expected):
    assert faults(answer) == expected


def test_a_fault_called_fine_says_why():
    points = [("overpromise", "小吴随口作出超出公司承诺的许诺", ["随口答应"])]
    grading = grade_answer(question(points, stem="小吴的做法错在哪里？"), "小吴随口答应半小时到场，这个做法其实没什么问题。")
    assert grading.points[0].why == "找到「随口答应」，但随后又说这样做没有问题"


# facts given per customer class, swapped between the classes
FREQUENCY = [("frequency", "按客户类别确定不同的拜访频次（如A户每周一次、B户每两周一次、C户一月一次）", ["拜访频次"])]
ROWS += [
    pytest.param(FREQUENCY, "拜访频次上，C户价值最高，每周拜访一次；B户每两周一次；A户一个月去一次。", set(),
                 id="class-facts-swapped"),
    pytest.param(FREQUENCY, "拜访频次按类别定：A户每个礼拜去一次，B户两周一次，C户月均销量小，每月一次。", {"frequency"},
                 id="class-facts-own"),
    pytest.param(FREQUENCY, "拜访频次要按类别区分，A户多去。", {"frequency"}, id="class-facts-none-given"),
]

# a superlative is no typo: the lowest need is not the low ones
LOWEST = [("lowest", "关注满足程度最低的需求", ["满足程度最低"])]
ROWS += [
    pytest.param(LOWEST, "满足程度低的需求可能不合理。", set(), id="typo-drops-a-superlative"),
    pytest.param(LOWEST, "满足成度最低的需求可能不合理。", {"lowest"}, id="typo-beside-a-superlative"),
]

# a point under another group's heading (`label:`), where the answer heads its own group too
EXPRESSION = [("atmosphere", "注意沟通氛围", ["沟通氛围"], (), None, ["注意事项"]),
              ("confident", "有自信", ["自信"], (), None, ["要求"])]
ROWS += [
    pytest.param(EXPRESSION, "有效表达的注意事项是：有自信；有效表达的要求是：沟通氛围。", set(), id="label-swapped"),
    pytest.param(EXPRESSION, "注意事项是：沟通氛围；要求有：自信。", {"atmosphere", "confident"}, id="label-own"),
    pytest.param(EXPRESSION, "注意事项有：营造沟通氛围，要有自信。", {"atmosphere", "confident"},
                 id="label-one-group-headed-merges"),
    # an all: match is judged by the same checks as any other: here the label
    pytest.param([("atmosphere", "注意沟通氛围", ["营造氛围"], [["氛围"], ["沟通"]], None, ["注意事项"]),
                  ("confident", "有自信", ["自信"], (), None, ["要求"])],
                 "注意事项是：有自信；要求是：沟通的时候氛围要好。", set(), id="label-swapped-all-match"),
]


@pytest.mark.parametrize("points, answer, expected", ROWS)
def test_meaning_rule(points, answer, expected):
    assert earned(points, answer) == expected


@pytest.mark.parametrize("points, answer, point_id, expected", [
    (CLEAR, "说话时口齿清楚", "clear", "synonym"),
    (HOURS, "两天之内送达", "damaged", "number"),
    ([("callback", "48小时内回访", ["48小时内回访"])], "回访在48小时内完成", "callback", "order"),
    (CALLBACK, "72小时内要把投诉解决", "handle", "all"),
    (CLEAR, "保持吐字清晰", "clear", "exact"),
])
def test_how_each_point_was_found_is_reported(points, answer, point_id, expected):
    assert how(points, answer, point_id) == expected


@pytest.mark.parametrize("points, answer, point_id, expected", [
    (PUBLICITY, "企业的宣传不必太在意", "publicity", "找到「企业的宣传」，但被否定"),
    ([("publicity", "企业的宣传会影响客户期望", ["企业宣传"])], "企业的宣传不必太在意", "publicity",
     "找到「企业的宣传」，但被否定"),
    (CALL, "通话时间越长越好，控制通话时间没必要", "length", "找到「控制通话时间」，但被否定"),
    (CALLBACK, "投诉要48小时内处理好，处理完毕72小时内回访", "callback",
     "找到「回访」，但同一句里没有与它对应的「48小时」"),
    (FEATURES, "按物理属性分类，就是看品牌构成；按经营情况分类，就是看教育背景。", "brand",
     "找到「品牌构成」，但写在「物理属性」之下，不属于该项"),
    (EXPRESSION, "注意事项是：有自信；要求是：沟通氛围。", "atmosphere", "找到「沟通氛围」，但写在「要求」之下，不属于该项"),
    (FREQUENCY, "拜访频次：C户每周一次，A户每月一次。", "frequency", "某一类客户写成了另一类客户的频次或时长"),
])
def test_missed_point_says_why(points, answer, point_id, expected):
    grading = grade_answer(question(points), answer)
    point = next(p for p in grading.points if p.id == point_id)
    assert not point.hit
    assert point.why == expected


def test_concept_match_reports_the_words_found():
    points = [("need", "了解客户的真实需求和期望", ["真实需求"])]
    grading = grade_answer(question(points), "要弄清楚零售户真正的需要和期望")
    point = grading.points[0]
    assert point.how == "concept"
    assert point.words and all(w in "要弄清楚零售户真正的需要和期望" for w in point.words)


def test_grading_is_deterministic_with_concepts():
    q = question(CALLBACK)
    answer = "回访在48小时内完成，72小时内要把投诉解决"
    first = grade_answer(q, answer)
    assert all(grade_answer(q, answer) == first for _ in range(5))


@pytest.mark.parametrize("points, answer, expected", [
    # a negative rule denied again earns nothing (不存在没满足好的问题)
    pytest.param([("unmet", "企业未能很好地满足", ["没能满足", "没满足好"])], "企业这边不存在没满足好的问题", set(),
                 id="negative-rule-denied"),
    # a denial that has its own object does not reach back (用不着当天)
    pytest.param([("refund", "3个工作日内返还", ["3个工作日"])], "三个工作日里退就行，用不着当天", {"refund"},
                 id="next-clause-denial-with-its-own-object"),
    # 别人 forbids nothing
    pytest.param([("past", "以往的经历", ["以往的经历"])], "以往的经历、别人的介绍", {"past"}, id="bie-ren-is-no-negation"),
    # a denial after a full stop does not reach back
    pytest.param([("key", "理解说话的重点", ["说话的重点"])], "理解他说话的重点。不需要复述他的话", {"key"},
                 id="denial-stops-at-full-stop"),
    # a keyword with a single character or an order word keeps its order
    pytest.param([("side", "站在对方的立场", ["站在对方的立场"])], "站在自己的立场理解对方", set(), id="no-reorder-single-char"),
    pytest.param([("first", "先诊断后建议", ["先诊断后建议"])], "先给出建议，后进行诊断", set(), id="no-reorder-order-words"),
])
def test_guard_rule(points, answer, expected):
    assert earned(points, answer) == expected


TECHNIQUES = [("ignore", "忽视法：客户只是发牢骚时不予理会", ["忽视法"]),
              ("taiji", "太极法：先部分肯定对方，再说出自己的观点", ["太极法"])]
HEADING = [("customer", "掌握客户的情况", ["客户的情况"]), ("needs", "分析客户需求", ["客户需求"])]
# the descriptions are keywords too, as in the shipped bank
NAMES = [("ignore", "忽视法", ["忽视法", "不予理会"]), ("taiji", "太极法", ["太极法", "部分肯定"])]


@pytest.mark.parametrize("points, answer, expected", [
    # a label naming another item's description, where that item is itself labelled elsewhere
    pytest.param(TECHNIQUES, "忽视法：先部分肯定对方，再说自己的观点；太极法：客户只是发牢骚时不予理会", set(),
                 id="labels-swapped"),
    pytest.param(TECHNIQUES, "忽视法：客户只是发牢骚时不予理会；太极法：先部分肯定对方", {"ignore", "taiji"},
                 id="labels-right"),
    # a description under another item's label, where this item labels something else
    pytest.param(NAMES, "忽视法：先部分肯定对方；太极法：客户只是发牢骚时不予理会", set(), id="description-under-rival-label"),
    pytest.param(NAMES, "太极法：先部分肯定对方；忽视法：客户只是发牢骚时不予理会", {"ignore", "taiji"},
                 id="descriptions-under-own-labels"),
    # a heading over its sub-points is no swap
    pytest.param(HEADING, "一是掌握客户的情况：分析客户需求", {"customer", "needs"}, id="heading-over-sub-points"),
])
def test_label_rule(points, answer, expected):
    assert earned(points, answer) == expected


PAIRS = [("appointment", "事先预约，不做不速之客", ["事先预约", "不做不速之客"]),
         ("punctual", "如约而至，不做失约之客", ["如约而至", "不做失约之客"])]
LEVELS = [("growth", "成长需求", ["成长需求"]), ("profit", "利润需求", ["利润需求"])]
METHODS = [("physical", "按客户物理属性分类：门店面积、位置", ["物理属性", "门店面积"]),
           ("business", "按客户经营情况分类：月均销量和品牌构成", ["经营情况", "月均销量"])]
LOOKS = [("appearance", "仪表仪容", ["仪表仪容", "仪表"]), ("social", "商务社交礼仪", ["社交礼仪"])]


@pytest.mark.parametrize("points, answer, expected", [
    # a point said in two halves, each half paired with another point's other half (a swap)
    pytest.param(PAIRS, "事先预约，不做失约之客；如约而至，不做不速之客。", set(), id="halves-cross-paired"),
    pytest.param(PAIRS, "事先预约，不做不速之客；如约而至，不做失约之客。", {"appointment", "punctual"},
                 id="halves-paired-right"),
    pytest.param(PAIRS, "事先预约、如约而至。", {"appointment", "punctual"}, id="first-halves-only"),
    # label：description points with the descriptions swapped (the labels said on one pattern)
    pytest.param(METHODS, "按客户经营情况分类：看门店面积、位置；按客户物理属性分类：看月均销量和品牌构成。", set(),
                 id="label-descriptions-swapped"),
    pytest.param(METHODS, "按客户物理属性分类：看门店面积、位置；按客户经营情况分类：看月均销量和品牌构成。",
                 {"physical", "business"}, id="label-descriptions-right"),
    # a class denied in the next clause: X是…，不属于需求层次
    pytest.param(LEVELS, "利润需求要满足；成长需求是零售户自己的事，不属于需求层次。", {"profit"},
                 id="copular-denial-next-clause"),
    # a keyword denied as written denies the shorter keyword inside it
    pytest.param(LOOKS, "要注意社交礼仪；至于仪表仪容倒不必太讲究。", {"social"}, id="inner-keyword-denied"),
    # a quantity given wrongly beside the point's label: another amount of the same unit
    pytest.param([("clear", "清晰期望：市区投诉1小时内到场", ["清晰期望"])], "要清晰期望，告诉他市区半小时内到场", set(),
                 id="wrong-quantity-beside-label"),
    pytest.param([("clear", "清晰期望：市区投诉1小时内到场", ["清晰期望"])], "要清晰期望，告诉他市区1小时内到场", {"clear"},
                 id="right-quantity-beside-label"),
    pytest.param([("judge", "低于60%，未达到指标", ["没达标"])], "客户时间比55%，公司时间比45%，没达标", {"judge"},
                 id="other-quantities-earlier-in-sentence"),
    # a prohibition said, then denied after it: 不打断不插嘴没必要太在意
    pytest.param([("no-interrupt", "做到不打断不插嘴", ["不打断对方说话"])], "不打断不插嘴没必要太在意", set(),
                 id="prohibition-denied-after"),
    pytest.param([("no-interrupt", "做到不打断不插嘴", ["不打断对方说话"])], "要做到不打断不插嘴", {"no-interrupt"},
                 id="prohibition-said"),
    # unrelated: X跟异议没什么关系
    pytest.param([("self", "销售人员自身的问题", ["自身的问题"])], "销售人员自身的问题跟异议没什么关系", set(),
                 id="denied-as-unrelated"),
    # 差不多 negates nothing
    pytest.param([("period", "同一时段", ["同一个时间段"])], "每次都在差不多同一个时间段打电话", {"period"},
                 id="chabuduo-no-negation"),
])
def test_pairing_and_denial_rule(points, answer, expected):
    assert earned(points, answer) == expected
