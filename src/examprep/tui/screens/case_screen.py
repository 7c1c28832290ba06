"""A case study: the scenario beside the question, free-text answers graded point by point."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, VerticalScroll
from textual.widgets import Static

from ...content.model import Case
from ...format import visible
from ...practice.session import DrillSession
from ..widgets.question.question_panel import QuestionPanel
from ..widgets.safe_header import SafeHeader
from ..widgets.steady_footer import SteadyFooter
from ..wrapped import Wrapped
from .drill_screen import DrillScreen


class CaseScreen(DrillScreen):
    CSS_PATH = ["drill_screen.tcss", "case_screen.tcss"]
    BINDINGS = [Binding("ctrl+t", "toggle_scenario", "案例材料")]

    def __init__(self, case: Case, session: DrillSession):
        super().__init__(session)
        self.case = case

    def compose(self) -> ComposeResult:
        yield SafeHeader()
        yield Static(id="drill-status")
        with Horizontal(id="case-body"):
            with VerticalScroll(id="scenario"):
                text = Text(visible(self.case.title) + "\n", style="bold")
                text.append(f"{self.case.source}\n\n", style="dim")
                text.append(visible(self.case.scenario.strip()))
                yield Static(Wrapped(text))
            yield Container(id="question-area")
        yield SteadyFooter()

    def make_panel(self, question) -> QuestionPanel:
        number = f"第 {self.session.position + 1} 问"
        return QuestionPanel(question, number=number)

    def action_toggle_scenario(self) -> None:
        scenario = self.query_one("#scenario")
        scenario.display = not scenario.display
