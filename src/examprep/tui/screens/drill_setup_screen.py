"""Drill setup (练习): level, topic, question type and order, with how many questions that gives, and
the 每次题量 and 每日新题上限 settings (kept for the next drills)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from ...kinds import QUESTION_TYPES, TYPE_TITLES
from ...practice.limits import LimitError, Limits, parse_limit
from ...practice.session import ORDERS, DrillScope, drill_questions
from ..widgets.form.select import ChineseSelect as Select
from ..widgets.safe_header import SafeHeader
from ..widgets.steady_footer import SteadyFooter
from .trainer_screen import TrainerScreen

ALL = "*"


class DrillSetupScreen(TrainerScreen):
    CSS_PATH = "drill_setup_screen.tcss"
    BINDINGS = [
        Binding("ctrl+s", "start", "开始"),
        Binding("escape", "app.pop_screen", "返回"),
    ]

    def __init__(self, scope: DrillScope | None = None):
        super().__init__()
        self.initial = scope or DrillScope()

    def compose(self) -> ComposeResult:
        bank = self.trainer.bank
        yield SafeHeader()
        with Vertical(id="setup"):
            with Grid(id="fields"):
                yield Label("级别")
                yield Select([(title, level) for level, title in bank.levels.items()],
                             prompt="全部级别", id="level", value=self.initial.level or Select.NULL)
                yield Label("主题")
                yield Select([], prompt="全部主题", id="topic")
                yield Label("题型")
                yield Select([(TYPE_TITLES[t], t) for t in QUESTION_TYPES], prompt="全部题型", id="type")
                yield Label("顺序")
                with RadioSet(id="order"):
                    for i, title in enumerate(ORDERS.values()):
                        yield RadioButton(title, value=i == 0)
                yield Label("题量")
                limits = self.trainer.limits()
                with Horizontal(id="limits"):
                    yield Input(str(limits.drill_size), type="integer", max_length=4, id="drill_size")
                    yield Label("每日新题上限", classes="inline")
                    yield Input(str(limits.new_per_day), type="integer", max_length=4, id="new_per_day")
            yield Static(id="count")
            yield Button("开始练习 (Ctrl+S)", variant="primary", id="start")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "练习"
        self.fill_topics()
        if self.initial.topic:
            self.query_one("#topic", Select).value = self.initial.topic
        self.update_count()
        self.query_one("#level", Select).focus()

    # -- the form ----------------------------------------------------------------------------
    def scope(self) -> DrillScope:
        def chosen(ident: str):
            value = self.query_one(f"#{ident}", Select).value
            return None if value is Select.NULL else value

        kind = chosen("type")
        return DrillScope(level=chosen("level"), topic=chosen("topic"), types=(kind,) if kind else ())

    def order(self) -> str:
        index = self.query_one("#order", RadioSet).pressed_index
        return list(ORDERS)[max(index, 0)]

    def fill_topics(self) -> None:
        level = self.query_one("#level", Select).value
        topics: dict[str, str] = {}
        for (lvl, tid), topic in self.trainer.bank.topics.items():
            if level is Select.NULL or lvl == level:
                topics.setdefault(tid, topic.title)
        select = self.query_one("#topic", Select)
        current = select.value
        select.set_options([(title, tid) for tid, title in topics.items()])
        if current in topics:
            select.value = current

    def update_count(self) -> None:
        total, counts = self.trainer.scope_counts(self.scope())
        introduced, left = self.trainer.new_today()
        self.query_one("#count", Static).update(
            f"共 {total} 题：今日到期 {counts.due}，学习中 {counts.learning}，新题 {counts.new}"
            f"（今日已学新题 {introduced}，还可学 {left}）")

    def limits(self) -> Limits:
        """The limits as typed; raises LimitError."""
        return Limits(**{name: parse_limit(name, self.query_one(f"#{name}", Input).value)
                         for name in ("drill_size", "new_per_day")})

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "level":
            self.fill_topics()
        self.update_count()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_start()

    def action_start(self) -> None:
        app = self.app
        scope, order = self.scope(), self.order()
        if not drill_questions(self.trainer.bank, scope):
            self.notify("这个范围里没有题目，请换个级别、主题或题型。", severity="warning")
            return
        try:
            limits = self.limits()
        except LimitError as err:
            self.notify(str(err), severity="warning")
            return
        if limits != self.trainer.limits():
            self.trainer.set_limits(limits)
        app.pop_screen()
        app.start_drill(scope, order)
