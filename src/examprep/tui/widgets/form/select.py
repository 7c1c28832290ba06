"""Textual's Select, with its drop-down's key described in Chinese in the Footer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Select
from textual.widgets._select import SelectCurrent, SelectOverlay


class ChineseSelectOverlay(SelectOverlay):
    BINDINGS = [Binding("escape", "dismiss", "收起")]


class ChineseSelect(Select):
    def compose(self) -> ComposeResult:
        yield SelectCurrent(self.prompt)
        yield ChineseSelectOverlay(type_to_search=self._type_to_search).data_bind(compact=Select.compact)
