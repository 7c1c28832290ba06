"""What the server tells each app process it starts: that it is served (so it opens on the login
screen) and the browser's address (so failed logins are limited per address as well as per account).

No textual-serve here: the app process reads these without the `serve` extra being imported.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

SERVED_ENV = "EXAMPREP_SERVED"
CLIENT_ADDRESS_ENV = "EXAMPREP_CLIENT_ADDRESS"
UNKNOWN_ADDRESS = "unknown"


def is_served(environ: Mapping[str, str] = os.environ) -> bool:
    return environ.get(SERVED_ENV) == "1"


def client_address(environ: Mapping[str, str] = os.environ) -> str:
    return environ.get(CLIENT_ADDRESS_ENV) or UNKNOWN_ADDRESS


def browser_address(remote: str | None, forwarded_for: str | None, trusted_proxies: frozenset[str]) -> str:
    """The browser's address: the peer itself, or, when the peer is a reverse proxy we were told to
    trust, the address that proxy appended last to X-Forwarded-For (earlier entries are whatever the
    browser claimed, so they are never believed)."""
    peer = remote or UNKNOWN_ADDRESS
    if peer in trusted_proxies and forwarded_for:
        last = forwarded_for.split(",")[-1].strip()
        if last:
            return last
    return peer
