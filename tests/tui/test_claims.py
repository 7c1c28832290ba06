"""申诉评分 in the drill: after a free-text answer typed in Chinese, the candidate claims a missed key
point (or concedes one); the feedback shows both views and the schedule follows the claim."""

from __future__ import annotations

from examprep.practice.claims import CLAIM, CONCEDE
from examprep.practice.session import DrillSession
from examprep.tui.app import Start
from examprep.tui.screens.claim_screen import ClaimScreen
from examprep.tui.screens.drill_screen import DrillScreen

from conftest import SIZE, answer_has_focus, feedback_text, screen_text, until


async def open_drill(app, pilot, *ids: str) -> DrillScreen:
    app.push_screen(DrillScreen(DrillSession("drill", "练习", list(ids))))
    await until(pilot, lambda: isinstance(app.screen, DrillScreen) and answer_has_focus(app))
    return app.screen


def footer_line(app) -> str:
    return screen_text(app).splitlines()[-1]


async def test_a_claimed_point_is_kept_shown_beside_the_grader_and_counted(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drill(app, pilot, "q.recall", "q.single")
        assert "申诉评分" not in footer_line(app)  # nothing to argue before grading
        await pilot.press(*"企业决策，XY法")  # typed as an IME commits it
        await pilot.press("ctrl+s")
        await until(pilot, lambda: screen.panel is not None and screen.panel.graded)
        assert "得分 1 / 3" in feedback_text(app) and "C 申诉评分" in footer_line(app)
        due_before = store.progress()["q.recall"].card.due
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ClaimScreen))
        shown = screen_text(app)
        assert "你认为答到了哪些要点" in shown and "评分：已得「企业决策」" in shown and "评分：未得" in shown
        assert "勾选/取消" in footer_line(app) and "确定" in footer_line(app)
        await pilot.press("down", "space", "enter")  # the second point: 客户分类
        await until(pilot, lambda: app.screen is screen)
        text = feedback_text(app)
        assert "得分 1 / 3（你认为 2 分，按此安排复习）" in text
        assert "客户信息是客户分类的基础\n" in text and "评分：未得 / 你认为：已得" in text
        [claim] = store.claims()
        assert (claim.claim.point_id, claim.claim.direction, claim.score, claim.claimed_score) == (
            "classify", CLAIM, 1, 2)
        assert store.progress()["q.recall"].last_fraction == 2 / 3
        assert store.progress()["q.recall"].card.due != due_before
        assert "得分率 67%" in screen_text(app)  # the session counts the corrected score too
        # changing one's mind: untick it again, and the grader's view stands alone
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ClaimScreen))
        await pilot.press("down", "space", "enter")
        await until(pilot, lambda: app.screen is screen)
        assert store.claims() == [] and "你认为" not in feedback_text(app)
        assert store.progress()["q.recall"].card.due == due_before
        await pilot.press("n")  # on to a choice question: nothing to claim there
        await until(pilot, lambda: screen.question is not None and screen.question.id == "q.single")
        await pilot.press("b", "enter")
        await until(pilot, lambda: screen.panel is not None and screen.panel.graded)
        assert "申诉评分" not in footer_line(app)
        await pilot.press("c")
        await pilot.pause()
        assert app.screen is screen


async def test_a_conceded_point_in_a_case_and_esc_leaves_the_grading_alone(make_app, store):
    app = make_app(Start("case", case_id="case.promise"))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: answer_has_focus(app))
        screen = app.screen
        await pilot.press(*"清晰期望，加强感受")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: screen.panel.graded)
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ClaimScreen))
        await pilot.press("space", "escape")  # ticked off, then cancelled: nothing kept
        await until(pilot, lambda: app.screen is screen)
        assert store.claims() == []
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ClaimScreen))
        await pilot.press("down", "space", "enter")  # I did not really say 加强感受
        await until(pilot, lambda: app.screen is screen)
        [claim] = store.claims("case.promise.q1")
        assert claim.claim.direction == CONCEDE and claim.claim.grader_matched == "加强感受"
        assert "评分：已得 / 你认为：未得" in feedback_text(app)
        assert "case.promise.q1" in store.mistake_ids()  # not full marks any more: in the 错题本
