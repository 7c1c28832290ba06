"""Text at 80x24, 100x32 and 160x45: lists use the width there is, and wrapped text follows the
Chinese line-breaking rules (no line starts with closing punctuation, numbers and list markers
whole), as the terminal shows it."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from rich.cells import cell_len

from examprep.linebreak import CLOSING
from examprep.practice.records import AnswerRecord
from examprep.practice.session import DrillSession
from examprep.tui.app import ExamPrepApp
from examprep.tui.screens.drill_screen import DrillScreen

from conftest import T0, screen_text, until

SIZES = [(80, 24), (100, 32), (160, 45)]
LONG_STEM = ("客户经理拜访零售客户前应做好哪些准备？要求：1. 提前预约，说明拜访的目的、时间和内容，"
             "至少提前26.4小时，并在48小时内确认；2. 准备资料（客户档案、销售数据、市场信息），"
             "确保客户满意度达到60%以上。")
LONG_OPTION = "先了解客户的经营情况、订货习惯和对服务的期望，再制定有针对性的拜访计划，并预约时间。"
# Numbers every few characters: a line break in the wrong place is all but certain to split one.
NUMBERS = "，".join(f"第{i}项须在{i * 7 + 13}.5小时内完成" for i in range(1, 16)) + "。"
FRAME = re.compile(r"[│▊▎█╭╮╰╯─▔▁▏▕▌▐▇▅▃▂]")


@pytest.fixture(scope="module")
def long_bank(bank):
    single = bank.questions["q.single"]
    question = replace(single, id="q.long", stem=LONG_STEM + NUMBERS, explanation=NUMBERS,
                       options=(("A", LONG_OPTION), *single.options[1:]))
    return replace(bank, questions={**bank.questions, "q.long": question})


def pieces(text: str) -> list[str]:
    """The runs of text on screen between frames, borders and wide gaps, each stripped."""
    out = []
    for row in text.splitlines():
        for part in re.split(r" {3,}", FRAME.sub("   ", row)):
            if part.strip():
                out.append(part.strip())
    return out


def assert_broken_by_the_rules(text: str) -> None:
    for piece in pieces(text):
        assert piece[0] not in CLOSING, piece
        assert not re.fullmatch(r"\d{1,3}[.、]", piece), piece
    for number in ("26.4小时", "48小时", "60%", *re.findall(r"\d+\.5小时", NUMBERS)):
        assert number in text, number


@pytest.mark.parametrize("size", SIZES)
async def test_a_long_question_and_its_feedback_break_by_the_rules(long_bank, store, clock, size):
    app = ExamPrepApp(long_bank, store, clock=clock, seed=1)
    app.animation_level = "none"
    async with app.run_test(size=size) as pilot:
        app.push_screen(DrillScreen(DrillSession("drill", "练习", ["q.long"])))
        await until(pilot, lambda: isinstance(app.screen, DrillScreen) and app.screen.panel is not None)
        await pilot.pause()
        assert_broken_by_the_rules(screen_text(app))
        await pilot.press("a", "enter")
        await pilot.pause()
        app.screen.panel.scroll_home(animate=False)
        await pilot.pause()
        assert_broken_by_the_rules(screen_text(app))


@pytest.mark.parametrize("size", SIZES)
async def test_lists_and_sidebars_use_the_width_there_is(long_bank, store, clock, size):
    width, _ = size
    store.record_answer(AnswerRecord("q.long", T0, 0, 1, False, '"A"'))
    app = ExamPrepApp(long_bank, store, clock=clock, seed=1)
    app.animation_level = "none"
    async with app.run_test(size=size) as pilot:
        await pilot.press("w")  # 错题本: the stem as long as the line allows, the note still there
        await pilot.pause()
        text = screen_text(app)
        line = next(row for row in text.splitlines() if "[单项选择]" in row)
        assert "错1次" in line and LONG_STEM[:18] in line
        assert cell_len(line.replace("▎", "").rstrip()) >= width - 4, line  # the line is filled
        await pilot.press("escape", "s")  # the study tree: a share of the screen, not 33 columns
        await pilot.pause()
        tree = app.screen.query_one("#points")
        assert tree.size.width >= min(0.4 * width, 72) - 1
        await pilot.press("escape", "m", "enter", "y")  # the exam (confirmed): its sidebar, section titles whole
        await pilot.pause()
        text = screen_text(app)
        assert "一、单项选择题" in text and "三、默写题" in text
