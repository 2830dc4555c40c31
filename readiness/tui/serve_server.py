"""The textual-serve server, hardened for a room: local page, session limits, same-origin.

Differences from a plain `textual_serve.server.Server`:
- The page is our own template: no web fonts from the internet, and the websocket URL is
  built from the address the browser used, so `--host 0.0.0.0` works for every laptop.
- A cap on simultaneous sessions (each is an app process on the facilitator's laptop), on
  sessions at once from one browser address, and on new sessions per address and minute
  from other computers, so nobody on the network can fill the room or guess join codes at
  speed (5 tries per session × 30 sessions a minute).
- Websockets from another web site's page (a foreign `Origin`) are refused.
- Everything the browser sends is bounded: the terminal size (`clamp_size`; 20000×20000 grew
  a session to gigabytes), the size of one websocket message, and malformed messages are
  ignored instead of ending the session with a traceback on the facilitator's console.
- A session nobody types in closes itself after `--idle-minutes` (the app says so and saves
  first); the server closes the connection a minute later should the app not have.
- The browser gets a random device token in a cookie, handed to its sessions: a participant
  who comes back on the same browser may take up their own pseudonym again.
- With the quick start (`warm`), sessions are forked from a pre-imported process: the
  command run per browser is its launcher; if that process stops, the plain session
  command again (see `readiness.workshop.forkserver`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import secrets
import signal
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager
from textual_serve.server import Server

from readiness.i18n import Lang, t
from readiness.tui.textual_internals import check_textual_serve
from readiness.workshop.forkserver import WarmStart
from readiness.workshop.joincode import ENV_VAR
from readiness.workshop.serve import (
    DEVICE_ENV,
    IDLE_MINUTES,
    MAX_SESSIONS,
    PER_ADDRESS,
    clamp_size,
)

TEMPLATES = Path(__file__).parent / "serve_page"
PER_ADDRESS_PER_MINUTE = 30
MAX_MESSAGE_BYTES = 64 * 1024
"""One websocket message from a browser: key presses and pastes, never more than this."""
DEVICE_COOKIE = "readiness_device"
DEVICE_PATTERN = re.compile(r"[A-Za-z0-9_-]{32,64}")
DEVICE_DAYS = 7
IDLE_GRACE_SECONDS = 60.0
"""The server's backstop after the app's own idle limit."""
EXIT_WAIT_SECONDS = 5.0
"""How long a stopped session's process may take to end after its output has."""
SHUTDOWN_SECONDS = 15.0
"""When the server stops: how long the running sessions get to save and end."""

log = logging.getLogger("readiness.serve")

check_textual_serve()  # SessionService overrides one of its private methods


class SessionService(AppService):
    """One participant's app process, told the browser's device token (nothing else)."""

    def __init__(self, command: str, *, device: str, **kwargs: Any) -> None:
        super().__init__(command, **kwargs)
        self.device = device
        self.last_input = time.monotonic()
        self._stopping: asyncio.Task[None] | None = None

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment.pop(DEVICE_ENV, None)
        if self.device:
            environment[DEVICE_ENV] = self.device
        return environment

    async def run(self) -> None:
        """textual-serve's reading of the app's output. When the output ends without the
        app having said goodbye (it crashed or was killed), the browser is told the session
        ended, instead of keeping a screen that no longer answers."""
        await super().run()
        await self.remote_close()

    async def stop(self) -> None:
        """textual-serve's stop (ask the app to quit, read its output to the end), then
        close the app's input and wait for its process and pipes to end, so that nothing of
        the session is left when the server's loop closes (with the quick start, the
        launcher ended long before its session; anything left open then is reported on
        the facilitator's console). Called by the session and by the server's shutdown:
        both wait for the same stop."""
        if self._stopping is None:
            self._stopping = asyncio.create_task(self._stop())
        await asyncio.shield(self._stopping)

    async def _stop(self) -> None:
        await super().stop()
        stdin, self._stdin = self._stdin, None
        if stdin is not None:
            stdin.close()
            with contextlib.suppress(Exception):
                await stdin.wait_closed()
        process = self._process
        if process is not None:
            with contextlib.suppress(TimeoutError, OSError):
                await asyncio.wait_for(_ended(process), EXIT_WAIT_SECONDS)


async def _ended(process: asyncio.subprocess.Process) -> None:
    """The process has ended and its output pipes are closed. textual-serve stops reading
    the output when the browser has gone (or, for the error output, when the standard
    output ends); what the app writes after that is read and dropped, to its end."""
    for output in (process.stdout, process.stderr):
        if output is not None:
            await output.read()
    await process.wait()
    await asyncio.sleep(0)  # the pipes' last callbacks


def session_environment() -> dict[str, str]:
    """The environment textual-serve gives every session, without the join code: the
    quick start's fork server imports Textual with it (Textual reads its settings from the
    environment when imported)."""

    async def nothing(*_: object) -> None:
        return None

    service = SessionService(
        "",
        device="",
        write_bytes=nothing,
        write_str=nothing,
        close=nothing,
        download_manager=DownloadManager(),
    )
    environment = service._build_environment()
    environment.pop(ENV_VAR, None)
    return environment


class WorkshopServer(Server):
    """Serves the restricted participant app; see the module docstring."""

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        lang: Lang,
        on_started: Callable[[], None] | None = None,
        max_sessions: int = MAX_SESSIONS,
        per_address: int = PER_ADDRESS,
        per_address_per_minute: int = PER_ADDRESS_PER_MINUTE,
        idle_minutes: float = IDLE_MINUTES,
        warm: WarmStart | None = None,
    ) -> None:
        super().__init__(command, host=host, port=port, title="readiness", templates_path=TEMPLATES)
        self.warm = warm
        self.lang = lang
        self.on_started = on_started
        self.max_sessions = max_sessions
        self.per_address = per_address
        self.per_address_per_minute = per_address_per_minute
        self.idle_seconds = idle_minutes * 60
        self.active = 0
        self.services: set[SessionService] = set()
        self.by_address: Counter[str] = Counter()
        self._recent: dict[str, deque[float]] = defaultdict(deque)

    def initialize_logging(self) -> None:
        # The facilitator's terminal shows our banner, not a log of every request.
        logging.basicConfig(level=logging.WARNING, format="%(message)s")

    def session_command(self) -> str:
        """The quick start's launcher while its fork server runs, else the plain command
        (said once, in one line, when the fork server stopped)."""
        if self.warm is not None:
            if self.warm.alive():
                return self.warm.command
            self.warm = None
            print(t("workshop.serve.warm_stopped", self.lang), flush=True)
        return self.command

    async def on_startup(self, app: web.Application) -> None:
        """Nothing to say yet: the port is bound after this (see `serve`)."""

    def serve(self, debug: bool = False) -> None:
        """textual-serve's own `serve`, with `on_started` called once the port is bound.
        aiohttp calls `on_startup` before it binds, so a second server on a busy port
        printed a whole banner, with a join code that never worked, before it failed; its
        `print` hook runs after the site has started."""
        self.debug = debug
        self.initialize_logging()
        try:
            loop = asyncio.get_event_loop()
        except RuntimeError:
            loop = asyncio.new_event_loop()
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signal.SIGINT, self.request_exit)
            loop.add_signal_handler(signal.SIGTERM, self.request_exit)

        def started(*_: object) -> None:
            if self.on_started is not None:
                self.on_started()

        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            print=started,
        )

    async def on_shutdown(self, app: web.Application) -> None:
        """Ctrl+C: every running session is asked to quit (it saves first) and waited for,
        a few seconds at most, before the connections are cut and the loop ends."""
        stopping = [asyncio.create_task(service.stop()) for service in self.services]
        if stopping:
            await asyncio.wait(stopping, timeout=SHUTDOWN_SECONDS)

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        scheme = "wss" if request.secure else "ws"
        refused = self._crowded(request)
        context: dict[str, Any] = {
            "lang": self.lang,
            "title": t("workshop.serve.page_title", self.lang),
            "loading": t("workshop.serve.page_loading", self.lang),
            "ended": t("workshop.serve.page_ended", self.lang),
            "restart": t("workshop.serve.page_restart", self.lang),
            "refused": t(f"workshop.serve.refused.{refused}", self.lang) if refused else "",
            "static_url": "/static/",
            "websocket_url": f"{scheme}://{request.host}/ws",
            "font_size": _font_size(request.query.get("fontsize", "16")),
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        device = request.cookies.get(DEVICE_COOKIE, "")
        if not DEVICE_PATTERN.fullmatch(device):
            device = secrets.token_urlsafe(32)
        # Renewed on every visit; HttpOnly: no script on the page can read it.
        response.set_cookie(
            DEVICE_COOKIE,
            device,
            max_age=DEVICE_DAYS * 86400,
            httponly=True,
            samesite="Strict",
            path="/",
        )
        return response

    def _crowded(self, request: web.Request) -> str | None:
        """ "full" or "address" if a session for this browser would be refused right now."""
        if self.active >= self.max_sessions:
            return "full"
        if not _local(request) and self.by_address[request.remote or "?"] >= self.per_address:
            return "address"
        return None

    def _admit(self, request: web.Request) -> str | None:
        """Why this new session is refused, or None to admit it."""
        origin = request.headers.get("Origin")
        if origin is not None and origin.split("://", 1)[-1] != request.host:
            return "origin"
        crowded = self._crowded(request)
        if crowded is not None:
            return crowded
        if _local(request):
            return None  # this computer's own user can read the code anyway
        window = self._recent[request.remote or "?"]
        now = time.monotonic()
        while window and now - window[0] > 60:
            window.popleft()
        if len(window) >= self.per_address_per_minute:
            return "rate"
        window.append(now)
        return None

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        refused = self._admit(request)
        if refused is not None:
            status = {"origin": 403, "full": 503, "address": 429, "rate": 429}[refused]
            raise _http_error(status, t(f"workshop.serve.refused.{refused}", self.lang))
        address = request.remote or "?"
        self.active += 1
        self.by_address[address] += 1
        try:
            return await self._session(request)
        finally:
            self.active -= 1
            self.by_address[address] -= 1
            if self.by_address[address] <= 0:
                del self.by_address[address]

    async def _session(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's session, with the sizes bounded and the device token handed on."""
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE_BYTES)
        width, height = clamp_size(request.query.get("width", 80), request.query.get("height", 24))
        device = request.cookies.get(DEVICE_COOKIE, "")
        service: SessionService | None = None
        try:
            await websocket.prepare(request)
            service = SessionService(
                self.session_command(),
                device=device if DEVICE_PATTERN.fullmatch(device) else "",
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            self.services.add(service)
            await service.start(width, height)
            watchdog = asyncio.create_task(self._watch_idle(websocket, service))
            try:
                await self._process_messages(websocket, service)
            finally:
                watchdog.cancel()
                await service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # one line for the facilitator, the server keeps serving
            log.warning("A browser session ended with an error: %s", error)
        finally:
            if service is not None:
                self.services.discard(service)
                await service.stop()
        return websocket

    async def _process_messages(
        self, websocket: web.WebSocketResponse, app_service: AppService
    ) -> None:
        """What a browser may send: key presses, its size, ping, focus and blur. Anything
        else, or anything malformed, is ignored."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = message.json()
            except ValueError:
                continue
            if not isinstance(envelope, list) or not envelope:
                continue
            kind = envelope[0]
            data = envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                if isinstance(app_service, SessionService):
                    app_service.last_input = time.monotonic()
                await app_service.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                width, height = clamp_size(data.get("width"), data.get("height"))
                await app_service.set_terminal_size(width, height)
            elif kind == "ping" and isinstance(data, (str, int, float)):
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await app_service.blur()
            elif kind == "focus":
                await app_service.focus()

    async def _watch_idle(self, websocket: web.WebSocketResponse, service: SessionService) -> None:
        """Close a session whose app did not close itself after its idle limit."""
        limit = self.idle_seconds + IDLE_GRACE_SECONDS
        while not websocket.closed:
            left = limit - (time.monotonic() - service.last_input)
            if left <= 0:
                await service.stop()
                await websocket.close()
                return
            await asyncio.sleep(min(left, 30.0))


def _local(request: web.Request) -> bool:
    return request.remote in ("127.0.0.1", "::1")


def _http_error(status: int, text: str) -> web.HTTPException:
    classes: dict[int, type[web.HTTPException]] = {
        403: web.HTTPForbidden,
        429: web.HTTPTooManyRequests,
        503: web.HTTPServiceUnavailable,
    }
    return classes[status](text=text)


def _font_size(value: str) -> int:
    try:
        return max(8, min(40, int(value)))
    except ValueError:
        return 16
