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
