"""The home screen: what is due per level, where I left off, and the way to every other screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ...practice.scheduler import end_of_day
from ...practice.session import level_overview
from ..widgets.home.level_summary import LevelSummary

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


class HomeScreen(Screen):
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
        yield Header()
        with Vertical(id="home"):
            yield Static("今日概况", classes="section-title")
            yield LevelSummary(id="levels")
            yield Static("", id="continue")
            yield OptionList(id="menu")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "首页"
        self.refresh_counts()
        self.query_one("#menu", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_counts()

    def refresh_counts(self) -> None:
        app = self.app
        store, bank = app.store, app.bank
        until = end_of_day(app.clock())
        rows = level_overview(bank, store.due_ids(until), store.seen_ids(), store.mistake_ids())
        self.query_one(LevelSummary).show(rows)
        session = app.last_session()
        label = self.query_one("#continue", Static)
        if session:
            label.update(f"上次：{session.title}（第 {session.position + 1}/{len(session.question_ids)} 题）")
        label.display = session is not None
        mistakes = sum(r.mistakes for r in rows)
        favourites = sum(1 for q in store.favourites() if q in bank.questions)
        counts = {"mistakes": mistakes, "favourites": favourites, "case": len(bank.cases),
                  "exam": len(bank.blueprints)}
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
        self.action_open(event.option.id)

    def action_open(self, target: str) -> None:
        app = self.app
        if target == "continue":
            session = app.last_session()
            if session:
                app.resume(session)
            return
        if target == "case" and not app.bank.cases:
            self.notify("题库里还没有案例。", severity="warning")
            return
        if target == "exam" and not app.bank.blueprints:
            self.notify("题库里还没有模拟试卷蓝图（papers/）。", severity="warning")
            return
        screens = {
            "study": ("study_screen", "StudyScreen"),
            "drill": ("drill_setup_screen", "DrillSetupScreen"),
            "case": ("case_list_screen", "CaseListScreen"),
            "mistakes": ("mistakes_screen", "MistakesScreen"),
            "favourites": ("favourites_screen", "FavouritesScreen"),
            "exam": ("exam_setup_screen", "ExamSetupScreen"),
            "stats": ("stats_screen", "StatsScreen"),
            "help": ("help_screen", "HelpScreen"),
        }
        module_name, class_name = screens[target]
        # Screens are imported when first opened: the home screen comes up without them.
        import importlib

        module = importlib.import_module(f"{__package__}.{module_name}")
        app.push_screen(getattr(module, class_name)())
