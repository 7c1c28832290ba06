"""The trainer tests' shared pieces: a fixed clock, the sample bank, and a trainer on an in-memory store.

Test modules import the fixtures by name (`from trainer_fixtures import bank, clock, trainer`)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from examprep.practice.store import open_memory_store
from examprep.practice.trainer import Trainer
from test_practice_fixtures import sample_bank

T0 = datetime(2024, 3, 1, 2, tzinfo=timezone.utc)  # 10:00 in China


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    return sample_bank(tmp_path_factory.mktemp("content"))


@pytest.fixture()
def clock():
    return Clock()


@pytest.fixture()
def trainer(bank, clock):
    store = open_memory_store()
    yield Trainer(bank, store, clock, seed=1)
    store.close()
