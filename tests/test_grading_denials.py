"""Denials and swapped facts learned from the blind development parts 11-14 (session 13), one test per row.

Each row is (rubric, answer, the points earned), written as in test_grading_meaning.py; a row's comment
names the rule it stands for, and the row fails when that rule is taken out. Controls beside each keep the
rule from reaching what it should not.
"""

from __future__ import annotations

import pytest

from examprep.content.model import Lexicon
from examprep.kinds import grade_answer
from test_grading_meaning import earned, how, question

CLASSIFY = [("behavior", "属于按客户行为分类", ["行为分类"])]
THINKING = [("reverse", "逆向型思维", ["逆向型"])]
PREPARE = [("prepare", "事先想好答案", ["事先想好"])]
RETAIL = [("retail", "零售客户经营用品", ["经营用品"])]
LEDGER = [("ledger", "利用动销台账获取需求信息", ["动销台账"])]
REQUEST = [("request", "提出要求，促成结果", ["提出要求"])]
BRANDS = [("brand", "依据所销卷烟的品牌构成", ["品牌构成"])]
POSTURE = [("squat", "蹲姿", ["蹲姿"])]
OTHER = [("other", "其他准备", ["其他准备"])]
TPO = [("object", "Object 代表目的、对象", ["目的"])]
DIAGNOSE = [("diagnose", "先诊断后建议", ["先诊断后建议"])]
NOTES = [("notes", "记笔记", ["记笔记"])]
SOCIAL = [("social", "商务社交礼仪", ["社交礼仪"])]
LOWEST = [("lowest", "关注满足程度最低的需求", ["满足程度最低"])]
PHONE = [("staff-phone", "服务人员电话", ["服务人员电话"])]
OPENING = [("opening", "设计好的开场白", ["开场白"])]
LISTEN = [("listening", "耐心的倾听", ["倾听"])]
OPPOSITE = [("opposite", "④忙时不愿听讲解属于相反型需求", ["④属于相反型"])]
APPOINTMENT = [("appointment", "电话预约", ["约好"])]
INTRO = [("intro", "自我介绍", ["我是烟草公司的"])]
INVESTMENT = [("investment", "公司投入记录", ["投入记录"])]
DOOR = [("door", "进门的礼仪", ["进门"])]
RESPONSE = [("response", "合理的回应", ["接话"])]
OWN_BUSINESS = [("retail", "零售客户经营用品", ["经营用品"])]

ROWS = [
    # a class denied before it is named (不属于, 不能算, 谈不上, 算不上 reach past a few characters)
    pytest.param(CLASSIFY, "我认为这不属于按客户的行为分类。", set(), id="class-denied-before"),
    pytest.param(CLASSIFY, "这属于按客户的行为分类。", {"behavior"}, id="class-denied-before-control"),
    # more post-negators: X不能算, X就不必了
    pytest.param(THINKING, "逆向型思维不能算，做事要顺着来。", set(), id="post-cannot-count"),
    pytest.param(PREPARE, "事先想好答案就不必了。", set(), id="post-no-longer-needed"),
    pytest.param(PREPARE, "事先想好答案，再提问。", {"prepare"}, id="post-control"),
    # X是客户自己的事: someone else's business (not when that is denied: 不是客户自己的事)
    pytest.param(OWN_BUSINESS, "经营用品是客户自己的事。", set(), id="someone-elses-business"),
    pytest.param(OWN_BUSINESS, "经营用品是客户经营的必需品。", {"retail"}, id="someone-elses-business-control"),
    # a later clause denies its topic by a pronoun right after the negator: 用不着它
    pytest.param(LEDGER, "动销台账只是记进销存用的，了解需求用不着它。", set(), id="pronoun-right-after-negator"),
    pytest.param(LEDGER, "动销台账要常看，了解需求离不开它。", {"ledger"}, id="pronoun-control"),
    # the next clause points back (这一步其实, 这个, 这种说法, 这我) and denies
    pytest.param(REQUEST, "3.提出要求、促成结果，这一步其实没必要。", set(), id="pointer-this-step"),
    pytest.param(BRANDS, "店里卖哪些品牌、品牌构成怎样，这个不必太在意。", set(), id="pointer-this-one"),
    pytest.param(BRANDS, "要看品牌构成，这个很重要。", {"brand"}, id="pointer-control"),
    # a clause's topic denied by the post-negator that ends the clause, some words later
    pytest.param(POSTURE, "蹲姿和鞠躬在商务场合用不着。", set(), id="clause-topic-denied"),
    pytest.param(OTHER, "其他准备像调整情绪、准备物品这些可有可无。", set(), id="clause-topic-denied-list"),
    pytest.param(POSTURE, "要注意蹲姿，鞠躬在商务场合用不着。", {"squat"}, id="clause-topic-control"),
    # someone else's view, rejected later in the sentence
    pytest.param(TPO, "O有人说是目的、对象，其实这种说法是错误的。", set(), id="attributed-then-rejected"),
    pytest.param(TPO, "O是目的、对象，其实很好记。", {"object"}, id="attributed-control"),
    # 说白了 opens a clause as an idiom, not as someone's view
    pytest.param(RESPONSE, "说白了就是会说、会接话，你不主动，啥沟通都谈不上。", {"response"}, id="saying-idiom"),
    # 至于X, then a rhetorical or weaker denial (何必, 不一定, 不必)
    pytest.param(DIAGNOSE, "至于先诊断后建议，何必那么麻烦？", set(), id="topic-why-bother"),
    pytest.param(DIAGNOSE, "至于先诊断后建议，这是倾听的要领。", {"diagnose"}, id="topic-control"),
    # 至于X？ alone: the next sentence judges it
    pytest.param(NOTES, "至于记笔记？客户难道不会觉得你心不在焉吗？", set(), id="topic-question-next-sentence"),
    # a rhetorical question that asks it away
    pytest.param(SOCIAL, "跑的都是熟人，还讲什么商务社交礼仪呢？", set(), id="asked-away-before"),
    pytest.param(LOWEST, "满足程度最低的需求有必要花精力去关注吗？", set(), id="asked-away-after"),
    pytest.param(SOCIAL, "商务社交礼仪包括哪些内容呢？要记牢。", {"social"}, id="asked-control"),
    # X？ then a clause pointing back at it that denies it
    pytest.param(PHONE, "服务人员电话？这个准备它干嘛，用处不大。", set(), id="question-then-pointer"),
    pytest.param(PHONE, "服务人员电话？这个一定要准备。", {"staff-phone"}, id="question-then-pointer-control"),
    # said, then denied in the same sentence by another mention
    pytest.param(OPENING, "二是开场白，不过开场白用不着事先设计。", set(), id="restated-denied"),
    pytest.param(LISTEN, "要素有倾听。不过倾听也不用太耐心。", set(), id="same-words-denied-elsewhere"),
    pytest.param(OPENING, "二是开场白，开场白要事先设计好。", {"opening"}, id="restated-control"),
    pytest.param(OPENING, "开场白就算了，可是开场白还是要设计好。", {"opening"}, id="restated-after-a-contrast"),
    # a prohibition said as a concept, its class then denied
    pytest.param(OPPOSITE, "④店里忙时不想听讲解，这个不能算相反型需求。", set(), id="concept-class-denied"),
    pytest.param(OPPOSITE, "④店里忙时不想听讲解，这个属于相反型需求。", {"opposite"}, id="concept-class-control"),
    # no homophone makes 越 of 约 (越细越好 is no 约好)
    pytest.param(APPOINTMENT, "分析客户资料，越细越好。", set(), id="homophone-never-yue"),
    pytest.param(APPOINTMENT, "跟客户月好时间。", {"appointment"}, id="homophone-control"),
    pytest.param([("leaping", "跳跃型思维", ["跳跃型"])], "跳越型思维。", {"leaping"},
                 id="homophone-yue-outside-a-comparison"),
    # "not needed" reaches further than a prohibition of a manner
    pytest.param(INVESTMENT, "公司投入记录不用放进客户资料库。", set(), id="needless-reaches-further"),
    pytest.param(DOOR, "进门别冒冒失失闯进去，先敲门。", {"door"}, id="manner-forbidden-keeps"),
]


@pytest.mark.parametrize("points, answer, expected", ROWS)
def test_denial_rule(points, answer, expected):
    assert earned(points, answer) == expected


# the speaker is meaning: 我 is no typo for another character (知道是烟草公司的 is no 我是烟草公司的)
@pytest.mark.parametrize("answer, expected", [
    ("零售户一看就知道是烟草公司的人。", False),
    ("我是烟草公斯的客户经理。", True),
], ids=["typo-never-drops-the-speaker", "typo-control"])
def test_typo_keeps_the_speaker(answer, expected):
    assert (how(INTRO, answer, "intro") == "typo") is expected


# the point's time limit given wrongly in the match's sentence, not its clause
STRENGTHEN = [("strengthen", "严格兑现承诺，如残皱烟48小时之内送达、市区投诉1小时内到场，加强感受", ["感受到服务"])]
# the case's numbered items: a class written under another item's number, or the item put in another class
NEEDS = [("basic", "①按时准确送货属于基本型需求", ["基本型"]),
         ("expected", "②多分紧俏品牌、越多越满意属于期望型需求", ["期望型", "紧俏品牌多分"]),
         ("surprise", "③柜台陈列设计、经营分析报告属于惊喜型需求", ["惊喜型"])]
ROWS_FACTS = [
    pytest.param(STRENGTHEN, "2.加强感受：残皱烟24小时之内送达、市区投诉半小时内到场，让客户感受到服务。", set(),
                 id="wrong-limit-in-sentence"),
    pytest.param(STRENGTHEN, "2.加强感受：残皱烟48小时之内送达、市区投诉1小时内到场，让客户感受到服务。",
                 {"strengthen"},
                 id="wrong-limit-in-sentence-control"),
    pytest.param([("divert", "通过二次送货等亲情服务转移注意", ["转移注意"])],
                 "像第一次没人收货就约好时间再送，这些服务能转移注意。", {"divert"},
                 id="wrong-limit-ordinal-is-no-limit"),
    pytest.param(NEEDS, "①基本型需求。②惊喜型需求。③期望型需求。", {"basic"}, id="class-under-another-number"),
    pytest.param(NEEDS, "①基本型需求。②期望型需求。③惊喜型需求。", {"basic", "expected", "surprise"},
                 id="class-under-own-number"),
    pytest.param(NEEDS, "②紧俏品牌多分一点是基本型需求。", set(), id="item-put-in-another-class"),
    pytest.param(NEEDS, "①至③依次为基本型、期望型、惊喜型需求。", {"basic", "expected", "surprise"},
                 id="numbered-range-names-no-item"),
    pytest.param(NEEDS, "送货是基本型需求，紧俏品牌是期望型需求，陈列设计是惊喜型需求。",
                 {"basic", "expected", "surprise"}, id="unnumbered-answer-unchanged"),
]


@pytest.mark.parametrize("points, answer, expected", ROWS_FACTS)
def test_fact_rule(points, answer, expected):
    assert earned(points, answer) == expected


@pytest.mark.parametrize("answer, point_id, expected", [
    ("②惊喜型需求。③期望型需求。", "expected", "找到「期望型」，但写在「③」之下，不属于该项"),
    ("②紧俏品牌多分一点是基本型需求。", "expected", "找到「紧俏品牌多分」，但把「②」归成了「基本型」"),
], ids=["under-another-number", "put-in-another-class"])
def test_numbered_item_says_why(answer, point_id, expected):
    grading = grade_answer(question(NEEDS), answer)
    assert next(p.why for p in grading.points if p.id == point_id) == expected


RESPECT = [("respect", "立即让对方感觉到被尊重", ["被尊重"])]
RECORDS = [("investment", "公司投入记录", ["投入记录", "公司投入"])]
FEATURES = [("surprise", "继续提供陈列设计等特色服务", ["特色服务"])]
NATURE = [("human-nature", "人性本如此，大部分人从内心是倾向于说NO的", ["人性本如此"])]
NATURE_LEXICON = Lexicon(antonyms=(("倾向于说NO", "倾向于说YES"),))
ROWS_MORE = [
    # 至于X，那不一定: the denials are read in normalised form (不一定 is 不1定 there)
    pytest.param(RESPECT, "至于说能让对方感到被尊重，那不一定。", set(), id="topic-denial-normalised"),
    # a longer keyword overlapping the match, denied ([公司投入]记录不用放进客户资料库)
    pytest.param(RECORDS, "客户原始资料。公司投入记录不用放进客户资料库。", set(), id="overlapping-keyword-denied"),
    pytest.param(RECORDS, "客户原始资料。公司投入记录要放进客户资料库。", {"investment"},
                 id="overlapping-keyword-control"),
    # the next clause is nothing but a denial of doing it again
    pytest.param(FEATURES, "这种特色服务做过一次就够了，以后用不着再搞。", set(), id="bare-denial-next"),
    pytest.param(FEATURES, "这种特色服务要继续做，以后还要再搞。", {"surprise"}, id="bare-denial-next-control"),
]


@pytest.mark.parametrize("points, answer, expected", ROWS_MORE)
def test_more_denial_rules(points, answer, expected):
    assert earned(points, answer) == expected


# a clause that is only the point's heading (①人性本如此) is judged with the clause after it
@pytest.mark.parametrize("answer, expected", [
    ("①人性本如此，大部分人从内心是倾向于说YES的。", set()),
    ("①人性本如此，大部分人从内心是倾向于说NO的。", {"human-nature"}),
    ("①人性本如此，这很好理解；②大部分人倾向于说YES。", {"human-nature"}),
], ids=["opposite-after-a-heading", "opposite-after-a-heading-control", "opposite-two-clauses-on"])
def test_opposite_after_a_heading(answer, expected):
    assert earned(NATURE, answer, lexicon=NATURE_LEXICON) == expected


SECONDARY = [("secondary", "次要型需求可以不用首先满足，它对满意度影响不大", ["次要型"])]
PUBLICITY = [("publicity", "企业的宣传会影响客户期望", ["企业宣传"])]
ORGANIZE = [("organize", "你可以利用这点时间组织语言", ["组织语言"])]
ROWS_OWN = [
    # a post-negator the point says itself denies nothing of it; of another point it still denies
    pytest.param(SECONDARY, "次要型需求对满意度影响不大，可以放一放。", {"secondary"}, id="own-post-negator-tolerated"),
    pytest.param(PUBLICITY, "企业宣传对客户期望影响不大。", set(), id="post-negator-of-another-point"),
    # X那是以后的事: put off, not done
    pytest.param(ORGANIZE, "停顿时不要想自己要说什么，组织语言那是听完以后的事。", set(), id="put-off-until-later"),
    pytest.param(ORGANIZE, "停顿时可以组织语言，这是停顿的好处。", {"organize"}, id="put-off-control"),
]


@pytest.mark.parametrize("points, answer, expected", ROWS_OWN)
def test_own_words_and_put_off(points, answer, expected):
    assert earned(points, answer) == expected


# a list asked for in its order: a point earns only in order with the others found
STEPS = [("review", "简单回顾或重申拜访要点", ["回顾"]), ("consensus", "确认达成的共识", ["共识"]),
         ("request", "提出要求，促成结果", ["提出要求"]), ("next-visit", "约定下次拜访", ["约定下次"]),
         ("farewell", "致谢道别", ["道别"])]


@pytest.mark.parametrize("answer, expected", [
    ("第一步回顾要点，第二步确认共识，第三步约定下次拜访，第四步提出要求，第五步致谢道别。",
     {"review", "consensus", "farewell"}),
    ("先致谢道别，再回顾要点、确认共识、提出要求、约定下次拜访。", {"review", "consensus", "request", "next-visit"}),
    ("回顾要点、确认共识、约定下次拜访、致谢道别。", {"review", "consensus", "next-visit", "farewell"}),
    ("回顾要点、确认共识、提出要求、约定下次拜访、致谢道别。",
     {"review", "consensus", "request", "next-visit", "farewell"}),
], ids=["two-swapped-both-out", "one-apart-only-it-out", "one-left-out-rest-in-order", "in-order"])
def test_order_asked_for(answer, expected):
    assert earned(STEPS, answer, stem="请按顺序写出获取拜访结果的步骤。") == expected


def test_order_not_asked_for_is_not_judged():
    answer = "第一步回顾要点，第二步确认共识，第三步约定下次拜访，第四步提出要求，第五步致谢道别。"
    assert earned(STEPS, answer, stem="获取拜访结果有哪些步骤？") == {p[0] for p in STEPS}


def test_out_of_order_says_why():
    grading = grade_answer(question(STEPS, stem="请按顺序写出获取拜访结果的步骤。"),
                           "回顾要点，确认共识，约定下次拜访，提出要求，致谢道别。")
    assert next(p.why for p in grading.points if p.id == "request") == "找到「提出要求」，但它的顺序不对"


SOFTWARE = [("software", "硬件趋同时就要比软件，即服务", ["比软件"])]
STATUS = [("status", "分析客户经营状态，找到不足和潜力", ["经营状态"])]
PURPOSE = [("purpose", "明确拜访目的", ["拜访目的"])]
RETAIL_GOODS = [("retail", "零售客户经营用品", ["经营用品"])]
PROXY = [("proxy", "或送到委托人所在地，需三方签订《授权委托书》", ["委托人", "授权委托书"])]
HANDLING = [("secondary", "次要型需求可以不用首先满足，它对满意度影响不大", ["影响不大"]),
            ("opposite", "相反型需求，如果提供此类服务反而引起客户不满", ["引起不满"])]
ROWS_15 = [
    # learned from parts 15-18: more rejections after a view (这点我不太认同), 不应该算, 不妥
    pytest.param(SOFTWARE, "有人说硬件差不多的时候就比软件，这点我不太认同。", set(), id="view-not-quite-agreed"),
    pytest.param(THINKING, "逆向型思维不应该算进去。", set(), id="should-not-count"),
    # 要说X……我看不见得: a view set up with 要说
    pytest.param(RESPECT, "要说记笔记能让对方觉得被尊重，我看不见得。", set(), id="view-set-up-with-yaoshuo"),
    # the candidate's opinion between a topic and its denial
    pytest.param(STATUS, "客户的经营状态我觉得不用专门花时间分析。", set(), id="opinion-between-topic-and-denial"),
    pytest.param(STATUS, "客户的经营状态我觉得要认真分析。", {"status"}, id="opinion-control"),
    # a topic set apart by a particle, then 'not needed'
    pytest.param(PURPOSE, "拜访目的嘛，用不着事先定死。", set(), id="particle-topic-denied"),
    pytest.param(PURPOSE, "拜访目的嘛，一定要事先定好。", {"purpose"}, id="particle-topic-control"),
    # X？ then a sentence pointing back that denies it later
    pytest.param(RETAIL_GOODS, "零售客户经营用品？那是零售户自己该准备的，客户经理用不着带。", set(),
                 id="question-then-pointer-later"),
    # another keyword of the point said as not needed in the sentence
    pytest.param(PROXY, "可以送到委托人那里，打个电话就行，用不着签什么授权委托书。", set(), id="restated-not-needed"),
    # a clause naming another point's class and not the point's own
    pytest.param(HANDLING, "次要型的对满意度影响不大；相反型的提供了反而引起不满。", {"secondary", "opposite"},
                 id="class-in-clause-own"),
    pytest.param(HANDLING, "相反型需求对满意度影响不大。", set(), id="class-in-clause-rival"),
]


@pytest.mark.parametrize("points, answer, expected", ROWS_15)
def test_rules_from_parts_15_18(points, answer, expected):
    assert earned(points, answer) == expected


def test_class_in_clause_says_why():
    grading = grade_answer(question(HANDLING), "相反型需求对满意度影响不大。")
    assert next(p.why for p in grading.points if p.id == "secondary") == "找到「影响不大」，但这里归成了「相反型」"


# the shipped six-types case, q2: its points name no item number, only each item's class
@pytest.mark.parametrize("answer, expected", [
    ("②紧俏品牌多分一点是基本型需求，是客户满意的基础，必须满足。", False),
    ("②紧俏品牌多分一点，满足得越多他越满意，是期望型需求。", True),
], ids=["shipped-class-in-clause", "shipped-class-in-clause-control"])
def test_class_in_clause_on_the_shipped_case(answer, expected):
    from examprep.content import read_bank
    from examprep.locations import shipped_content_dir

    bank, _ = read_bank(shipped_content_dir())
    grading = grade_answer(bank.questions["case.intermediate.needs-analysis-six-types.q2"], answer)
    assert next(p.hit for p in grading.points if p.id == "expected") is expected


EMPATHY = [("empathy", "运用同理心，站在对方的角度思考", ["同理心"])]
HALO = [("halo", "晕轮效应", ["晕轮效应"])]


@pytest.mark.parametrize("points, answer, expected", [
    # the next clause opens with a contrast and the candidate's disagreement
    pytest.param(EMPATHY, "第二是所谓同理心，不过我不太认同。", set(), id="contrast-then-disagreeing"),
    pytest.param(EMPATHY, "第二是同理心，不过要注意分寸。", {"empathy"}, id="contrast-then-disagreeing-control"),
    # the sentence's last clause says its topic does not count
    pytest.param(HALO, "晕轮效应我觉得要避免，那是以偏概全，客户经理要让客户全面了解自己，不能靠这个，所以不能算进去。",
                 set(), id="last-clause-not-counted"),
    pytest.param(HALO, "晕轮效应很有用，所以要算进去。", {"halo"}, id="last-clause-not-counted-control"),
])
def test_sentence_end_denials(points, answer, expected):
    assert earned(points, answer) == expected


TPO_POINTS = [("time", "Time 代表时间、季节", ["时间"]), ("place", "Place 代表地点、场合", ["地点"]),
              ("object", "Object 代表目的、对象", ["目的"])]
GUIDING = [("guiding", "问具有引导性的问题，比如二选一的问题", ["引导性"])]
GUIDING_LEXICON = Lexicon(antonyms=(("二选一", "开放式"),))


@pytest.mark.parametrize("answer, expected", [
    ("T：Time，代表时间；P：Purpose，代表目的、对象；O：Occasion，代表地点、场合。", {"time"}),
    ("T：Time，代表时间；P：Place，代表地点、场合；O：Object，代表目的、对象。", {"time", "place", "object"}),
], ids=["letter-spelt-out-as-another-word", "letter-spelt-out-control"])
def test_letter_spelt_out(answer, expected):
    assert earned(TPO_POINTS, answer) == expected


@pytest.mark.parametrize("answer, expected", [
    ("3.问具有引导性的问题，比如开放式问题。", set()),
    ("3.问具有引导性的问题，比如二选一的问题。", {"guiding"}),
    ("3.问具有引导性的问题，然后再问开放式问题。", {"guiding"}),
], ids=["opposite-in-the-example", "opposite-in-the-example-control", "opposite-beyond-the-example"])
def test_opposite_in_the_example(answer, expected):
    assert earned(GUIDING, answer, lexicon=GUIDING_LEXICON) == expected


SATISFACTION = [("satisfaction", "客户信息是客户满意的基础（零售户订不到想要的品牌而抱怨）", ["抱怨"])]
PROFIT = [("profit", "利润需求", ["利润需求"]), ("supply", "利润需求层次包括货源需求（即订货需求）", ["货源需求"])]


@pytest.mark.parametrize("points, answer, expected", [
    # the sentence ends by saying the match has nothing to do with a thing of the point's own
    pytest.param(SATISFACTION, "第三，零售户订不到想要的品牌而抱怨，这是货源本身紧张造成的，跟客户信息关系不大。",
                 set(), id="unrelated-to-the-point"),
    pytest.param(SATISFACTION, "第三，零售户订不到想要的品牌而抱怨，这说明客户信息是客户满意的基础。",
                 {"satisfaction"}, id="unrelated-control"),
    # …not with another point's: 利润需求 stays earned
    pytest.param(PROFIT, "利润需求主要就是赚钱，和订货没有关系。", {"profit"}, id="unrelated-to-another-point"),
])
def test_unrelated(points, answer, expected):
    assert earned(points, answer) == expected
