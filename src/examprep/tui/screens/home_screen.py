"""The home screen: what is due per level, where I left off, and the way to every other screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..format import clock_text, today_text
from ..widgets.home.level_summary import LevelSummary
from ..widgets.safe_header import SafeHeader
from ..widgets.steady_footer import SteadyFooter
from ..wrapped import Wrapped
from .case_list_screen import CaseListScreen
from .drill_setup_screen import DrillSetupScreen
from .exam_setup_screen import ExamSetupScreen
from .favourites_screen import FavouritesScreen
from .help_screen import HelpScreen
from .mistakes_screen import MistakesScreen
from .stats_screen import StatsScreen
from .study_screen import StudyScreen
from .trainer_screen import TrainerScreen

MENU = (
    ("continue", "r", "继续上次"),
    ("study", "s", "学习 · 浏览考点与搜索"),
    ("drill", "d", "练习 · 按级别、主题，到期优先 / 随机 / 顺序"),
    ("case", "c", "案例分析"),
    ("mistakes", "w", "错题本"),
    ("favourites", "f", "收藏"),
    ("exam", "m", "模拟考试"),
    ("stats", "t", "统计"),
    ("help", "?", "帮助"),
)

# The screen each menu entry opens (besides "continue", which resumes the last session).
SCREENS: dict[str, type[Screen]] = {
    "study": StudyScreen, "drill": DrillSetupScreen, "case": CaseListScreen, "mistakes": MistakesScreen,
    "favourites": FavouritesScreen, "exam": ExamSetupScreen, "stats": StatsScreen, "help": HelpScreen,
}


class HomeScreen(TrainerScreen):
    CSS_PATH = "home_screen.tcss"
    BINDINGS = [
        Binding("r", "open('continue')", "继续", show=False),
        Binding("s", "open('study')", "学习"),
        Binding("d", "open('drill')", "练习"),
        Binding("c", "open('case')", "案例"),
        Binding("w", "open('mistakes')", "错题本"),
        Binding("f", "open('favourites')", "收藏"),
        Binding("m", "open('exam')", "模考"),
        Binding("t", "open('stats')", "统计"),
        Binding("question_mark", "open('help')", "帮助", show=False),
        Binding("q", "app.quit", "退出"),
    ]

    def compose(self) -> ComposeResult:
        yield SafeHeader()
        with Vertical(id="home"):
            yield Static("今日概况", classes="section-title")
            yield LevelSummary(id="levels")
            yield Static("", id="today")
            yield Static("", id="continue")
            yield OptionList(id="menu")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "首页"
        self.query_one("#menu", OptionList).focus()

    def on_screen_resume(self) -> None:
        # Sent on the first showing too, so the counts are worked out once at start-up.
        self.refresh_counts()

    def refresh_counts(self) -> None:
        overview = self.trainer.overview()
        self.query_one(LevelSummary).show(overview.levels)
        answered, right = overview.answered_today, overview.right_today
        work = today_text(overview.due, overview.learning, overview.new_today, overview.new_left)
        self.query_one("#today", Static).update(Wrapped(
            f"{work}\n今天已作答 {answered} 题，答对 {right} 题。" if answered
            else f"{work}\n今天还没有作答。按 D 开始练习，或按 S 先学习考点。"))
        session, exam = overview.session, overview.exam
        lines = []
        if session:
            lines.append(f"上次：{session.title}（第 {session.position + 1}/{len(session.question_ids)} 题）")
        if exam is not None:
            left = overview.exam_left
            lines.append(f"模拟考试进行中：{exam.title}，" + (f"剩余 {clock_text(left)}（按 M 继续）"
                                                       if left > 0 else "时间已到（按 M 交卷）"))
        label = self.query_one("#continue", Static)
        label.update(Wrapped("\n".join(lines)))
        label.display = bool(lines)
        counts = {"mistakes": overview.mistakes, "favourites": overview.favourites, "case": overview.cases,
                  "exam": overview.blueprints}
        menu = self.query_one("#menu", OptionList)
        highlighted = menu.highlighted_option.id if menu.highlighted_option else None
        options = []
        for ident, key, text in MENU:
            if ident == "continue" and session is None:
                continue
            count = f"（{counts[ident]}）" if ident in counts else ""
            options.append(Option(f" {key}  {text}{count}", id=ident))
        menu.set_options(options)
        ids = [o.id for o in options]
        menu.highlighted = ids.index(highlighted) if highlighted in ids else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.action_open(event.option.id)

    def action_open(self, target: str) -> None:
        app, bank = self.app, self.trainer.bank
        if target == "continue":
            session = self.trainer.last_session()
            if session:
                app.resume(session)
            return
        if target == "case" and not bank.cases:
            self.notify("题库里还没有案例。", severity="warning")
            return
        if target == "exam" and not bank.blueprints:
            self.notify("题库里还没有模拟试卷蓝图（papers/）。", severity="warning")
            return
        app.push_screen(SCREENS[target]())
