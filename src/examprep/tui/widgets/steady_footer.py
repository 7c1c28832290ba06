"""Textual's Footer, rebuilt only when the keys it shows have changed and settled.

Textual's Footer recomposes itself, a new widget per key with its styles applied afresh, every time the
screen's bindings are updated: on each focus change and each refresh of the bindings. One answer in a
drill (the answer box frozen, the feedback shown, the focus moved) updated them several times in a row,
through states nobody sees, and that was a large part of the time from Ctrl+S to the feedback on the
screen and of the CPU a served session costs. This footer waits until the bindings have been still for
a moment, then recomposes only if the keys it would show differ from the ones it shows.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer

SETTLE_S = 0.05  # a burst of binding updates (one key press) is over well within this


class SteadyFooter(Footer):
    _shown: tuple | None = None
    _pending: Timer | None = None

    def _keys_to_show(self) -> tuple:
        return tuple((binding.key, binding.action, binding.description, enabled, tooltip)
                     for (_node, binding, enabled, tooltip) in self.screen.active_bindings.values()
                     if binding.show)

    def compose(self):
        if self._bindings_ready:
            self._shown = self._keys_to_show()
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        if not self._bindings_ready:  # the first keys: at once, as Textual's footer does
            super().bindings_changed(screen)
        elif self.is_attached and screen is self.screen and self._pending is None:
            self._pending = self.set_timer(SETTLE_S, self._settled)

    async def _settled(self) -> None:
        self._pending = None
        if self.is_attached and self.app.app_focus and self._keys_to_show() != self._shown:
            await self.recompose()
