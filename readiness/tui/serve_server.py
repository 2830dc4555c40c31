"""The textual-serve server, hardened for a room: local page, session limits, same-origin.

Differences from a plain `textual_serve.server.Server`:
- The page is our own template: no web fonts from the internet, and the websocket URL is
  built from the address the browser used, so `--host 0.0.0.0` works for every laptop.
- A cap on simultaneous sessions (each is an app process on the facilitator's laptop) and on
  new sessions per browser address and minute from other computers, so nobody on the
  network can guess join codes at speed (5 tries per session × 30 sessions a minute).
- Websockets from another web site's page (a foreign `Origin`) are refused.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict, deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server

from readiness.i18n import Lang, t

TEMPLATES = Path(__file__).parent.parent / "workshop" / "templates"
MAX_SESSIONS = 60
PER_ADDRESS_PER_MINUTE = 30


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
        per_address_per_minute: int = PER_ADDRESS_PER_MINUTE,
    ) -> None:
        super().__init__(command, host=host, port=port, title="readiness", templates_path=TEMPLATES)
        self.lang = lang
        self.on_started = on_started
        self.max_sessions = max_sessions
        self.per_address_per_minute = per_address_per_minute
        self.active = 0
        self._recent: dict[str, deque[float]] = defaultdict(deque)

    def initialize_logging(self) -> None:
        # The facilitator's terminal shows our banner, not a log of every request.
        logging.basicConfig(level=logging.WARNING, format="%(message)s")

    async def on_startup(self, app: web.Application) -> None:
        if self.on_started is not None:
            self.on_started()

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        scheme = "wss" if request.secure else "ws"
        context: dict[str, Any] = {
            "lang": self.lang,
            "title": t("workshop.serve.page_title", self.lang),
            "loading": t("workshop.serve.page_loading", self.lang),
            "ended": t("workshop.serve.page_ended", self.lang),
            "restart": t("workshop.serve.page_restart", self.lang),
            "static_url": "/static/",
            "websocket_url": f"{scheme}://{request.host}/ws",
            "font_size": _font_size(request.query.get("fontsize", "16")),
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        return response

    def _admit(self, request: web.Request) -> str | None:
        """Why this new session is refused, or None to admit it."""
        origin = request.headers.get("Origin")
        if origin is not None and origin.split("://", 1)[-1] != request.host:
            return "origin"
        if self.active >= self.max_sessions:
            return "full"
        if request.remote in ("127.0.0.1", "::1"):
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
            status = {"origin": 403, "full": 503, "rate": 429}[refused]
            raise _http_error(status, t(f"workshop.serve.refused.{refused}", self.lang))
        self.active += 1
        try:
            return await super().handle_websocket(request)
        finally:
            self.active -= 1


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
