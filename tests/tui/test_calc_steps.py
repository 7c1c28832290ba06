"""A calculation marked step by step: the working typed in its own box, each step shown earned or
missed with its marks, and the working and result kept together in the store."""

from __future__ import annotations

import pytest
from test_practice_fixtures import sample_bank

from examprep.tui.app import ExamPrepApp

from conftest import SIZE, feedback_text, screen_text, until
from test_drill import open_drill


@pytest.fixture(scope="module")
def steps_bank(tmp_path_factory):
    return sample_bank(tmp_path_factory.mktemp("steps"), with_steps=True)


async def test_the_working_is_typed_and_each_step_is_marked(steps_bank, store, clock):
    app = ExamPrepApp(steps_bank, store, clock=clock, seed=1)
    app.animation_level = "none"
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drill(app, pilot, "q.calc-steps")
        widget = screen.panel.answer_input
        assert widget.working is not None and widget.working.has_focus
        assert "写出计算过程（按步骤给分），结果框中 Enter 或 Ctrl+S 提交" in screen_text(app)
        assert "45" not in widget.working.placeholder  # the example gives nothing away
        await pilot.press(*"45/100*100%")
        await pilot.press("tab")  # on to the result
        await until(pilot, lambda: widget.field.has_focus)
        await pilot.press("4", "5", "enter")
        await pilot.pause()
        text = feedback_text(app)
        assert text.startswith("◐ 部分正确") and "得分 2 / 3" in text
        lines = text.splitlines()
        assert any(line.startswith("✗") and "订货率 = 订货户数 ÷ 总户数 × 100%" in line for line in lines)
        assert any(line.startswith("✓") and "代入：45 ÷ 100 × 100%「45/100」" in line for line in lines)
        assert any(line.startswith("✓") and "结果：45%" in line for line in lines)
        assert "参考答案\n1. 订货率 = 订货户数 ÷ 总户数 × 100%\n2. 代入：45 ÷ 100 × 100%\n结果：45 %" in text
        stored = store.answers("q.calc-steps")[0]
        assert stored.answer == '"45/100*100%\\n45"' and stored.score == 2
