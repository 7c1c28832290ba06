"""The front desk of a served trainer: signs a browser session in (through the accounts, which limit
failed logins per account and per browser address) and opens that account's own progress.

No UI and no textual-serve: the login screen asks this, the app process runs it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.model import Bank
from ..practice.accounts import INSTRUCTOR, Account, Accounts, LoginResult
from ..practice.store import ProgressStore, open_database

if TYPE_CHECKING:
    from ..practice.class_progress import ClassProgress


class FrontDesk:
    """Signs in the one browser session this app process serves, on one connection to the database."""

    def __init__(self, where: Path | str, address: str, hasher=None):
        """`where`: the data folder or a database URL, as `open_database` takes it; `address`: the
        browser's, for the per-address limit on failed logins. Raises StoreError."""
        self.database, self.notice = open_database(where)
        self.accounts = Accounts(self.database, hasher)
        self.address = address

    def login(self, ident: str, password: str) -> LoginResult:
        return self.accounts.login(ident.strip(), password, self.address)

    def change_password(self, ident: str, old: str, new: str) -> None:
        """Raises AccountError, its message in Chinese, when the new password is refused."""
        self.accounts.change_password(ident, old, new)

    def open_progress(self, account: Account) -> ProgressStore:
        """The account's own progress: the store sees and writes this account's rows only."""
        return self.database.store(account.id)

    def class_progress(self, bank: Bank, today: date) -> ClassProgress:
        """The class view for an instructor: every candidate's answers and mock exams, read-only."""
        from ..practice.class_progress import read_class_progress

        return read_class_progress(self.accounts.all(), lambda ident: self.database.store(ident, refold=False),
                                   bank, today)

    def close(self) -> None:
        self.database.close()


def is_instructor(account: Account) -> bool:
    return account.role == INSTRUCTOR
