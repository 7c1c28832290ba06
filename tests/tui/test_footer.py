"""The footer: the keys that can be used now, rebuilt once per change that is seen, not at each of the
several binding updates one answer makes (Textual's own footer rebuilt itself about ten times per
answer, most of the CPU a served session spends between Ctrl+S and the feedback)."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from examprep.practice.session import DrillSession
from examprep.tui.screens.drill_screen import DrillScreen
from examprep.tui.widgets.steady_footer import SteadyFooter

from conftest import SIZE, answer_has_focus, feedback_text, until


def footer_keys(app) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey)]


async def test_one_answer_rebuilds_the_footer_once_with_the_keys_of_now(make_app, monkeypatch):
    rebuilt = []
    original = SteadyFooter.recompose

    async def counting(self):
        rebuilt.append(footer_keys(self.app))
        return await original(self)

    monkeypatch.setattr(SteadyFooter, "recompose", counting)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(DrillScreen(DrillSession("drill", "练习", ["q.single", "q.judge"])))
        await until(pilot, lambda: isinstance(app.screen, DrillScreen) and answer_has_focus(app))
        await until(pilot, lambda: "提交" in footer_keys(app))
        rebuilt.clear()
        await pilot.press("b", "enter")
        await until(pilot, lambda: feedback_text(app).startswith("✓ 正确"))
        await until(pilot, lambda: "提交" not in footer_keys(app))  # graded: nothing left to submit
        await pilot.pause(0.2)
        assert len(rebuilt) == 1
        assert "下一题" in footer_keys(app) and "返回" in footer_keys(app)
        await pilot.press("ctrl+n")  # the next question: 提交 is back
        await until(pilot, lambda: "提交" in footer_keys(app))
        await pilot.pause(0.2)
        assert len(rebuilt) == 2
