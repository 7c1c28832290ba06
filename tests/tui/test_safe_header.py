"""SafeHeader: a title change that reaches a header whose title widget is already being removed (a
screen on its way out) is skipped, where Textual's Header raised NoMatches and ended the app."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.widgets import Header
from textual.widgets._header import HeaderTitle

from examprep.tui.widgets.safe_header import SafeHeader


class OneHeader(App):
    def __init__(self, header_class):
        super().__init__()
        self.header_class = header_class

    def compose(self):
        yield self.header_class()


async def change_title_without_its_widget(header_class) -> App:
    app = OneHeader(header_class)
    async with app.run_test() as pilot:
        await app.query_one(HeaderTitle).remove()  # what a screen being torn down goes through
        app.title = "交卷结果"
        await pilot.pause()
        app.sub_title = "成绩"
        await pilot.pause()
    return app


async def test_the_title_change_is_skipped():
    app = await change_title_without_its_widget(SafeHeader)
    assert app.return_code in (None, 0)


async def test_textuals_header_raised_there():
    with pytest.raises(Exception, match="HeaderTitle"):
        await change_title_without_its_widget(Header)


async def test_the_title_is_still_shown_and_kept_up_to_date():
    app = OneHeader(SafeHeader)
    async with app.run_test() as pilot:
        app.title = "备考"
        await pilot.pause()
        assert "备考" in str(app.query_one(HeaderTitle).render())
