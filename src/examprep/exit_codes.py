"""The exit codes of every command, in one place."""

OK = 0
INVALID = 1  # invalid input or content
USAGE = 2  # a usage error, or a capability this version does not have yet
INTERRUPTED = 130  # Ctrl-C
