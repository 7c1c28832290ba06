"""The trainer shows an answer's control characters instead of sending them to the terminal."""

from __future__ import annotations

from examprep.tui.widgets.feedback.feedback_panel import feedback_renderable

from conftest import plain

ATTACK = "\u001b]0;pwned\u0007\u001b[2J"


def test_feedback_shows_escapes_in_the_answer(bank):
    question = bank.questions["q.recall"]
    answer = f"企业决策的基础{ATTACK}"
    text = plain(feedback_renderable(question, answer, question.grade(answer)))
    assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b]0;pwned\\x07\\x1b[2J" in text


async def test_a_case_shows_escapes_in_its_title_and_scenario(make_app, bank):
    from dataclasses import replace

    from examprep.practice.session import DrillSession
    from examprep.tui.screens.case_screen import CaseScreen

    from conftest import SIZE

    case = next(iter(bank.cases.values()))
    hostile = replace(case, title=f"案例{ATTACK}", scenario=f"情景\u001b[2J开始")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(CaseScreen(hostile, DrillSession("case", "案例", [q.id for q in case.questions],
                                                         case_id=case.id)))
        await pilot.pause()
        shown = "\n".join(plain(w.content) for w in app.screen.query("Static"))
        assert "\x1b" not in shown and "\\x1b[2J" in shown
