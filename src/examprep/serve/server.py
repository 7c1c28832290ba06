"""textual-serve's server with what a training centre needs: the page in Chinese with nothing fetched
from the internet, and each app process told the browser's address (textual-serve itself passes it
none), so that failed logins can be limited per address.

Needs the `serve` extra (textual-serve, aiohttp); imported only by `examprep serve`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from ..locations import templates_dir
from .session_env import CLIENT_ADDRESS_ENV, SERVED_ENV, browser_address

log = logging.getLogger("textual-serve")

PAGE_TITLE = "卷烟商品营销员（服务营销）备考"


class _SessionService(AppService):
    """One browser session's app process, started with the browser's address in its environment."""

    def __init__(self, *args, address: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.address = address

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment[SERVED_ENV] = "1"
        environment[CLIENT_ADDRESS_ENV] = self.address
        return environment


class TrainerServer(Server):
    """Serves `command` (the trainer in served mode) to browsers, one process per websocket."""

    def __init__(self, command: str, host: str, port: int, *, public_url: str | None = None,
                 trusted_proxies: Iterable[str] = ()):
        super().__init__(command, host=host, port=port, title=PAGE_TITLE, public_url=public_url,
                         templates_path=templates_dir() / "serve")
        self.trusted_proxies = frozenset(trusted_proxies)

    async def on_startup(self, app: web.Application) -> None:
        # textual-serve prints its logo and the command; only the address is of use here (the
        # command names folders, and nothing secret is ever on it: the database URL is in the environment).
        self.console.print(f"examprep：训练程序已在 {self.public_url} 提供服务（按 Ctrl+C 停止）", highlight=False)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's own handler (1.1), with the browser's address handed to the app process."""
        address = browser_address(request.remote, request.headers.get("X-Forwarded-For"), self.trusted_proxies)
        websocket = web.WebSocketResponse(heartbeat=15)
        width = _cells(request.query.get("width"), 80)
        height = _cells(request.query.get("height"), 24)
        app_service: AppService | None = None
        try:
            await websocket.prepare(request)
            app_service = _SessionService(
                self.command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                close=websocket.close, download_manager=self.download_manager, debug=self.debug,
                address=address)
            await app_service.start(width, height)
            try:
                await self._process_messages(websocket, app_service)
            finally:
                await app_service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # one session's failure must not end the server
            log.exception(error)
        finally:
            if app_service is not None:
                await app_service.stop()
        return websocket


def _cells(value: str | None, default: int) -> int:
    """A terminal size from the query string, within sane bounds."""
    try:
        number = int(value or "")
    except ValueError:
        return default
    return min(max(number, 10), 1000)
