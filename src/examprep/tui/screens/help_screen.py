"""Help: the keys of each screen, and what the grading does."""

from __future__ import annotations

import re

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..format import pad
from ..widgets.safe_header import SafeHeader
from ..widgets.steady_footer import SteadyFooter
from ..wrapped import Wrapped
from .trainer_screen import TrainerScreen

HELP = [
    ("通用", [
        ("F1", "帮助（本页）"),
        ("Esc", "返回上一页"),
        ("Ctrl+Q", "退出（已作答的题目都已保存）"),
        ("Tab / Shift+Tab", "在控件之间移动"),
    ]),
    ("首页", [
        ("R", "继续上次的练习"),
        ("S / D / C", "学习 / 练习 / 案例"),
        ("W / F", "错题本 / 收藏"),
        ("M / T", "模拟考试 / 统计"),
        ("Q", "退出"),
    ]),
    ("作答", [
        ("A B C D…", "选择题、判断题：按字母直接选择（多选题再按一次取消）"),
        ("↑ ↓  空格", "移动光标、选择"),
        ("Shift+↑ ↓", "排序题：移动当前一项（或按空格拿起，再用 ↑ ↓ 移动）"),
        ("Enter", "选择题、排序题、计算题：提交"),
        ("Ctrl+S", "提交（简答、默写、案例题在文本框中作答，Enter 换行）"),
        ("Ctrl+N / Ctrl+P", "下一题 / 上一题；批改后也可按 N 或 Enter"),
        ("Ctrl+F", "收藏 / 取消收藏本题"),
        ("C", "默写、简答、案例题批改后：申诉评分，勾选你认为答到的要点（空格勾选，回车确定）"),
    ]),
    ("案例", [
        ("Ctrl+T", "显示 / 隐藏案例材料（给答题区更多地方）"),
    ]),
    ("错题本与收藏", [
        ("Enter", "从所选的题开始重做（按当前筛选，出当前的题）"),
        ("Shift+Tab", "到筛选栏：按级别、主题、题型筛选"),
        ("X / Z", "错题本：移出所选的题（先确认）/ 撤销刚才的移出"),
        ("U", "收藏：取消收藏所选的题"),
    ]),
    ("模拟考试", [
        ("Ctrl+N / Ctrl+P", "下一题 / 上一题（答案随时保存）；Enter 也到下一题"),
        ("Ctrl+G", "题目列表，跳到任意一题"),
        ("Ctrl+S", "交卷；时间到时自动交卷"),
        ("Esc", "暂离：考试照常计时，从首页按 M 回来"),
    ]),
    ("学习", [
        ("/", "搜索考点（标题、要点、说明、标签）"),
        ("Enter", "查看考点"),
        ("D / P", "练习所选主题 / 所选考点的题目"),
        ("B", "背题：逐题看所选主题（或考点）的题目、答案与解析，只看不答，不计入复习"),
        ("N / P", "背题时下一题 / 上一题（也可用 → ←）"),
    ]),
]

GRADING = """\
评分怎样进行
• 选择、判断、排序、计算题按标准答案判分（计算题允许题目给出的误差）。
• 默写、简答、案例题按“要点”给分：每个要点有若干关键词，答案里出现任意一个即得该要点的分；
  题目总分按要点权重分配。
• 关键词按意思匹配，不要求一字不差：错别字、同音字（输入法选错字）、繁体字、全角半角、
  空格和标点都不扣分；但否定的说法（如“不要……”与要点相反）不得分。
• 批改后会列出每个要点是否得分，并在你的答案中标出命中的词语，再给出参考答案和解析。
• 同一个答案总是得到同一个分数。
• 觉得评分漏判或误判时按 C 申诉：评分和你的判断都会保存并显示，复习按你的判断安排；
  老师用 examprep claims 查看申诉，据此补充关键词。

复习安排
• 每道题的下次复习时间由 FSRS 间隔重复算法根据你的得分安排：得分低于 60% 视为遗忘，
  很快再出现；答得好，间隔逐渐拉长。首页的“今日到期”就是今天该复习的题。
• 答错的题进入错题本；在两个不同的日子里各答对一次后自动移出，也可以在错题本里按 X 手动移出。
• 每道题一提交就保存到进度文件，中途退出也不会丢失。
"""


KEY_CELLS = 20  # the key column: a long description wraps under itself


def help_text() -> Group:
    parts: list[Wrapped] = []
    for title, rows in HELP:
        parts.append(Wrapped(Text(title, style="bold underline")))
        for key, what in rows:
            line = Text("  " + pad(key, KEY_CELLS - 2), style="bold cyan")
            line.append(what, style="")
            parts.append(Wrapped(line, indent=KEY_CELLS, hang=False))
        parts.append(Wrapped(""))
    # GRADING's lines that go on under a bullet ("\n  …") are one paragraph, wrapped to the width.
    parts.append(Wrapped(re.sub(r"\n {2}(?=\S)", "", GRADING)))
    return Group(*parts)


class HelpScreen(TrainerScreen):
    BINDINGS = [Binding("escape,q", "app.pop_screen", "返回")]

    def compose(self) -> ComposeResult:
        yield SafeHeader()
        with VerticalScroll(id="help"):
            yield Static(help_text())
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "帮助"
        self.query_one("#help").focus()
