"""`examprep serve`: the trainer for browsers (textual-serve), one app process per browser session.

Each session runs `python -m examprep` with the same content and data folders in served mode, so it
opens on the login screen. The database URL goes to the sessions in the environment (EXAMPREP_DB),
never on their command line, which textual-serve and `ps` would show.
"""

from __future__ import annotations

import ipaddress
import os
import shlex
import sys

from .. import exit_codes
from . import messages as m
from .common import DB_ENV, content_root, data_dir, error, load_bank_or_report, store_location


def session_command(args) -> str:
    """The shell command textual-serve runs for each browser session."""
    argv = [sys.executable, "-m", "examprep", "--content", str(content_root(args)), "--data", str(data_dir(args))]
    return shlex.join(argv)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args) -> int:
    if not 0 < args.port < 65536:
        error(m.SERVE_BAD_PORT.format(port=args.port))
        return exit_codes.USAGE
    try:
        from ..serve.server import TrainerServer
    except ImportError:
        error(m.SERVE_NEEDS_EXTRA)
        return exit_codes.INVALID
    bank = load_bank_or_report(args)
    if bank is None:  # a broken bank is said once here, not in every browser
        return exit_codes.INVALID
    from ..grading.warm import compile_all, save_tables

    # the grader's tables built and kept once here, so that no session builds them for its first answer
    compile_all(q for q in bank.questions.values() if q.is_free_text)
    save_tables()
    from ..practice.store import StoreError, open_database

    try:  # a database that cannot be used is said once here too (and migrated once, not per session)
        location = store_location(args)
        database, _ = open_database(location)
        database.close()
    except StoreError as err:
        error(str(err))
        return exit_codes.INVALID
    if isinstance(location, str):
        os.environ[DB_ENV] = location
    if not is_loopback(args.host):
        error(m.SERVE_NOT_LOOPBACK.format(host=args.host))
    server = TrainerServer(session_command(args), args.host, args.port, public_url=args.public_url,
                           trusted_proxies=args.trusted_proxy or ())
    try:
        server.serve()
    except OSError as err:  # the port is taken, or the address is not this machine's
        from .output import os_reason

        error(m.SERVE_CANNOT_LISTEN.format(host=args.host, port=args.port, reason=os_reason(err)))
        return exit_codes.INVALID
    return exit_codes.OK
