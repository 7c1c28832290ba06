"""Study (browse and search the points), statistics and help."""

from __future__ import annotations

from datetime import timedelta

from examprep.practice.records import AnswerRecord
from examprep.tui.screens.drill_screen import DrillScreen
from examprep.tui.screens.help_screen import HelpScreen, help_text
from examprep.tui.screens.stats_screen import StatsScreen
from examprep.tui.screens.study_screen import StudyScreen

from conftest import SIZE, T0, plain, screen_text, until


def tree_labels(screen) -> list[str]:
    tree = screen.query_one("#points")
    out = []

    def walk(node):
        for child in node.children:
            out.append(str(child.label))
            walk(child)

    walk(tree.root)
    return out


async def test_browse_levels_topics_points(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        assert tree_labels(screen)[:3] == ["初级/五级", "客户信息管理", "客户信息的重要性"]
        await pilot.press("down", "enter", "down")  # open 客户信息管理, onto its first point
        await pilot.pause()
        detail = plain(screen.query_one("#point").content)
        assert "客户信息的重要性" in detail and "1. 客户信息是企业决策的基础" in detail
        assert "教材 P44" in detail and "测试考点" in detail and "题目  4 道" in detail
        await pilot.press("p")  # practise this point
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen)
        assert app.screen.session.question_ids == ["q.recall", "q.single", "q.multiple", "q.judge"]


async def test_search_in_chinese_and_pinyin(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash", *"订货")
        await pilot.pause()
        assert "订货率" in tree_labels(screen) and "客户信息的重要性" not in tree_labels(screen)
        screen.query_one("#search").value = ""
        await pilot.press(*"qwgl")  # 期望管理 by the initials of its pinyin
        await pilot.pause()
        assert tree_labels(screen) == ["中级/四级", "客户期望管理", "客户期望管理的方法"]
        await pilot.press("enter")  # opens the first point found
        await pilot.pause()
        assert "客户期望管理的方法" in plain(screen.query_one("#point").content)
        assert screen.focused is screen.query_one("#points")
        screen.query_one("#search").focus()
        screen.query_one("#search").value = "无此内容"
        await pilot.pause()
        assert tree_labels(screen) == ["没有找到匹配的考点"]
        await pilot.press("escape")  # clears the search first
        assert screen.query_one("#search").value == ""
        assert isinstance(app.screen, StudyScreen)


async def test_pinyin_is_warmed_up_at_start_in_a_worker(make_app, bank):
    from examprep.practice.search import _pinyin_forms
    from examprep.tui.app import WARM_UP_AFTER_S

    _pinyin_forms.cache_clear()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        # nothing searched yet: every point's pinyin is worked out already
        await pilot.pause(WARM_UP_AFTER_S)
        await until(pilot, lambda: _pinyin_forms.cache_info().currsize >= len(bank.points))


async def test_drill_a_topic_from_study(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#search").value = "订货率"
        await pilot.pause()
        screen.query_one("#points").focus()
        await pilot.press("down", "down")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen)
        assert app.screen.session.question_ids == ["q.calc"]


async def test_stats_screen(make_app, store, clock):
    for qid, days_ago, ok in [("q.single", 3, True), ("q.single", 2.99, False), ("q.judge", 0, True)]:
        store.record_answer(AnswerRecord(qid, T0 - timedelta(days=days_ago), int(ok), 1, ok, '""'))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        report = plain(app.screen.query_one("#report").content, width=78)
        assert "共作答 3 次，正确率 67%；错题本 1 题，收藏 0 题" in report
        topic = next(line for line in report.splitlines() if "客户信息管理" in line).split()
        assert topic[2:5] == ["2/5", "3", "67%"] and topic[5].startswith("██████")  # and a bar
        assert "今天 周五" in report  # the chart of answers per day ends today
        assert "█" in report
        assert "未来 7 天到期" in report


async def test_stats_on_an_empty_store(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        report = plain(app.screen.query_one("#report").content)
        assert "共作答 0 次，正确率 —" in report and "还没有进入复习期的题目" in report


async def test_help_lists_keys_and_grading(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = plain(help_text())
        for words in ("Ctrl+S", "提交", "错题本", "同音字", "FSRS", "时间到时自动交卷"):
            assert words in text
        await pilot.press("f1")  # not a second help screen on top
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_study_mode_shows_the_answers_and_counts_as_seen_not_reviewed(make_app, store):
    """背题: a topic's questions with key and explanation at once; kept as seen, the schedule untouched,
    and the drill to continue still offered afterwards."""
    from examprep.practice.session import DrillScope
    from examprep.tui.screens.home_screen import HomeScreen
    from examprep.tui.screens.study_mode_screen import StudyModeScreen

    from conftest import until

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.start_drill(DrillScope(level="primary"), "order")
        await until(pilot, lambda: isinstance(app.screen, DrillScreen))
        await pilot.press("ctrl+n")  # on to the second question: a drill left unfinished
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, StudyScreen))
        await pilot.press("down")  # 客户信息管理
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, StudyModeScreen))
        text = screen_text(app)
        assert "第 1/5 题" in text and "请写出客户信息的重要性。" in text and "参考答案" in text
        assert "解析" in text and "三个基础。" in text
        await pilot.press("n")
        await pilot.pause()
        text = screen_text(app)
        assert "客户信息是什么的基础？" in text and "B. 企业决策" in text and "已背 2/5 题" in text
        await pilot.press("p", "n", "n")
        await pilot.pause()
        assert "已背 3/5 题" in screen_text(app)
        await pilot.press("escape", "escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert "上次：练习 · 初级 · 顺序（第 2/6 题）" in screen_text(app)
    assert store.study_views() == {"q.recall": 2, "q.single": 2, "q.multiple": 1}
    assert store.answer_count() == 0 and store.progress() == {}  # seen, not reviewed
