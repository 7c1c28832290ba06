"""`examprep case [CASE_ID]`: the trainer, straight in a case study (or the list of cases).

An unknown case id is refused with a did-you-mean before the app opens.
"""

from __future__ import annotations

from .. import exit_codes
from ..content.fields import did_you_mean
from . import messages as m
from .common import error, load_bank_or_report


def run(args) -> int:
    bank = load_bank_or_report(args)
    if bank is None:
        return exit_codes.INVALID
    case_id = args.case_id
    if case_id is not None and case_id not in bank.cases:
        error(m.UNKNOWN_CASE.format(ident=case_id, hint=did_you_mean(case_id, bank.cases)))
        return exit_codes.INVALID
    if not bank.cases:
        error(m.NO_CASES)
        return exit_codes.INVALID
    from ..tui.app import Start
    from .app import launch

    return launch(args, Start("case", case_id=case_id), bank=bank)
