"""The mock exam's list of questions by section, marking which are answered; Enter jumps. As wide
as its section titles (up to a share of the screen, set in exam_screen.tcss)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class QuestionNav(OptionList):
    def fill(self, paper, answered: set[str]) -> None:
        options = []
        for section in paper.sections:
            options.append(Option(Text(section.title, style="bold"), disabled=True))
            for item in section.all_items:
                options.append(Option(self._label(item, answered), id=item.id))
        self.set_options(options)

    @staticmethod
    def _label(item, answered: set[str]) -> Text:
        done = item.id in answered
        return Text(f" {item.number:>2} {'●' if done else '○'}", style="green" if done else "")

    def mark(self, item, answered: set[str]) -> None:
        self.replace_option_prompt(item.id, self._label(item, answered))

    def point_at(self, item_id: str) -> None:
        self.highlighted = self.get_option_index(item_id)
