"""Every message `validate`'s own checks give (beyond what the content readers report), in one place.

Each is a `str.format` template, printed by `validate` as `file:line: message`.
"""

from __future__ import annotations

NONE = "无"
LIST_SEPARATOR = "、"
EXAMPLE_MISMATCH = "示例答案评分器给 {scored} 分，应为 {expected} 分（得分：{earned}；失分：{missed}）"
SUMMARY = ("通过：{topics} 个主题共 {points} 个知识点，{questions} 道题（{types}），{cases} 个案例，"
           "{blueprints} 份试卷蓝图；级别：{levels}")
QUESTION_HALF_MARKS = ("（提醒）题目 {ident} 满分 {score} 分，得分点权重 {weights} 不能按半分分配；"
                       "答案上按半分取整")
SECTION_HALF_MARKS = ("（提醒）大题“{title}”每题 {score} 分，{count} 道题的得分点不能按半分分配（{listed}）；"
                      "答案上按半分取整")
AND_MORE = " 等"
