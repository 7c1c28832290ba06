"""The base of the trainer's screens: `app` typed as the ExamPrepApp (its bank, store and clock)."""

from __future__ import annotations

from textual import getters
from textual.screen import Screen

from ..app import ExamPrepApp


class TrainerScreen(Screen):
    app = getters.app(ExamPrepApp)
