"""The join page in a real browser (headless Chromium, driven over its DevTools protocol):
a participant who opens the page and types, without clicking into it first, joins with
exactly what they typed. textual.js does not focus the terminal, so before the page focused
it the code and the first Tab went to the page: the pseudonym landed in the code field.

Skipped, saying why, where no Chromium is installed (`.ci/run` installs it)."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from browser_layout import browser_profile, find_browser, headless
from test_serve import HOST, claim_lines, free_port, launch

BROWSER = find_browser()
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium on PATH")


class Page:
    """One tab, spoken to over the DevTools websocket."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.calls = 0

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.calls += 1
        mine = self.calls
        await self.ws.send_json({"id": mine, "method": method, "params": params})
        while True:
            message = json.loads((await self.ws.receive(timeout=60)).data)
            if message.get("id") == mine:
                assert "error" not in message, message
                result: dict[str, Any] = message.get("result", {})
                return result

    async def evaluate(self, expression: str) -> Any:
        found = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return found["result"].get("value")

    async def key(self, name: str, code: int, text: str = "") -> None:
        """A key as the keyboard sends it (keyDown with its text, then keyUp)."""
        down: dict[str, Any] = {"key": name, "code": name, "windowsVirtualKeyCode": code}
        await self.call("Input.dispatchKeyEvent", type="keyDown", text=text, **down)
        await self.call("Input.dispatchKeyEvent", type="keyUp", **down)

    async def type(self, text: str) -> None:
        await self.call("Input.insertText", text=text)


@asynccontextmanager
async def chromium(url: str) -> AsyncIterator[Page]:
    assert BROWSER is not None
    port = free_port()
    with browser_profile() as profile:
        # Its own process group, so that its helper processes end with it (`finally`).
        proc = subprocess.Popen(
            headless(BROWSER, profile, f"--remote-debugging-port={port}", "--window-size=390,844"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            async with aiohttp.ClientSession() as http:
                end = time.monotonic() + 60
                while True:
                    try:
                        tabs = await (await http.get(f"http://{HOST}:{port}/json")).json()
                        break
                    except aiohttp.ClientError:
                        assert time.monotonic() < end, "Chromium did not start"
                        await asyncio.sleep(0.2)
                [tab] = [t for t in tabs if t["type"] == "page"]
                async with http.ws_connect(tab["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                    page = Page(ws)
                    await page.call("Page.enable")
                    await page.call("Page.navigate", url=url)
                    yield page
        finally:
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(30)


async def test_typing_without_a_click_fills_each_field_in_turn(tmp_path: Path) -> None:
    with launch(tmp_path / "room") as server:
        async with chromium(server.url + "/") as page:
            end = time.monotonic() + 120
            while not await page.evaluate("document.body.classList.contains('-first-byte')"):
                assert time.monotonic() < end, "the join form never appeared"
                await asyncio.sleep(0.2)
            await asyncio.sleep(1)  # the form painted; the participant starts typing
            await page.type(server.code)
            await page.key("Tab", 9)
            await page.type("Füchsin")
            await page.key("Tab", 9)
            await page.type("Tisch 3")
            await page.key("Enter", 13, "\r")
            assert claim_lines(server.folder, "füchsin")[:2] == ["Füchsin", "Tisch 3"]
