"""The base of the trainer's screens: `app` typed as the ExamPrepApp, and `trainer`, the service
(bank, store and clock) every workflow goes through."""

from __future__ import annotations

from textual import getters
from textual.screen import Screen

from ...practice.trainer import Trainer
from ..app import ExamPrepApp


class TrainerScreen(Screen):
    app = getters.app(ExamPrepApp)

    @property
    def trainer(self) -> Trainer:
        return self.app.trainer
