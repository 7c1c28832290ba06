"""The exit codes of every command, in one place."""

OK = 0
INVALID = 1  # invalid input or content
USAGE = 2  # a usage error, or a capability this version does not have yet
INTERRUPTED = 130  # Ctrl-C


def killed_by(signum: int) -> int:
    """The conventional code of a program ended by a signal: 143 for SIGTERM, 129 for SIGHUP."""
    return 128 + signum
