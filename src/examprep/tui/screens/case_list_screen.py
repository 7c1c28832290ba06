"""Case studies (案例分析): pick one to work through."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...format import marks_text, visible
from ..format import clip
from ..widgets.safe_header import SafeHeader
from ..widgets.steady_footer import SteadyFooter
from .trainer_screen import TrainerScreen


class CaseListScreen(TrainerScreen):
    BINDINGS = [Binding("escape", "app.pop_screen", "返回")]

    def compose(self) -> ComposeResult:
        yield SafeHeader()
        yield Static("选择案例，Enter 开始作答", classes="hint list-hint")
        yield OptionList(id="cases")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "案例分析"
        self.fill()
        self.query_one("#cases", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.fill()

    def fill(self) -> None:
        bank = self.trainer.bank
        last = self.trainer.last_case_marks()
        options = []
        level_rank = {level: i for i, level in enumerate(bank.levels)}
        for case in sorted(bank.cases.values(), key=lambda c: (level_rank.get(c.level, 99), c.id)):
            line = Text()
            line.append(f"[{bank.level_title(case.level).split('/')[0]}] ", style="cyan")
            line.append(visible(clip(case.title, 34), newlines=False))
            total = sum(q.score for q in case.questions)
            line.append(f"  {len(case.questions)} 小题 · {marks_text(total)} 分", style="dim")
            if case.id in last:
                line.append(f" · 上次{marks_text(last[case.id])}分", style="green")
            options.append(Option(line, id=case.id))
        menu = self.query_one("#cases", OptionList)
        keep = menu.highlighted
        menu.set_options(options)
        menu.highlighted = keep if keep is not None and keep < len(options) else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.app.open_case(event.option.id)
