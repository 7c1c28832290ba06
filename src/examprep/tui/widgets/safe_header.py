"""Textual's Header, whose title update tolerates a title widget that is already gone.

Textual's Header watches the app's and its screen's titles and updates its HeaderTitle child on each
change, and tolerates a header without a screen but not one whose children are being removed. When a
mock exam's time ran out with the 交卷 confirmation open, the confirmation was closed and the exam
replaced by its result in one step, and a title change that reached the exam's header in between
raised NoMatches and ended the app, though the exam was already committed. This header skips that
update: the screen it belongs to is on its way out.
"""

from __future__ import annotations

import contextlib

from textual import events
from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.widgets import Header
from textual.widgets._header import HeaderTitle


class SafeHeader(Header):
    def _on_mount(self, event: events.Mount) -> None:
        event.prevent_default()  # instead of Header's own, which would watch the titles a second time

        async def set_title() -> None:
            with contextlib.suppress(NoScreen, NoMatches):
                self.query_one(HeaderTitle).update(self.format_title())

        self.watch(self.app, "title", set_title)
        self.watch(self.app, "sub_title", set_title)
        self.watch(self.screen, "title", set_title)
        self.watch(self.screen, "sub_title", set_title)
