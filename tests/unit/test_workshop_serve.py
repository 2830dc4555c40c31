"""Serving helpers: the fixed session command, the info file, who the server admits."""

from __future__ import annotations

import json
import os
import shlex
import socket
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiohttp import WSMessage, WSMsgType
from aiohttp.test_utils import make_mocked_request

from readiness.tui.serve_server import WorkshopServer
from readiness.workshop.serve import (
    MAX_SIZE,
    MIN_SIZE,
    PER_ADDRESS,
    ServeInfo,
    clamp_size,
    dashboard_command,
    display_urls,
    read_info,
    remove_info,
    session_command,
    write_info,
)


def test_the_session_command_is_fixed_and_quoted(tmp_path: Path) -> None:
    hostile = tmp_path / "a b; rm -rf ~"
    command = session_command(
        lang="de",
        results_dir=hostile,
        content_dirs=[tmp_path / "$(whoami)"],
        variables={"org": "Caritas Köln'; echo pwned"},
        python="/usr/bin/python3",
    )
    argv = shlex.split(command)
    assert argv[:3] == ["/usr/bin/python3", "-m", "readiness"]
    assert argv[argv.index("--results") + 1] == str(hostile.resolve())
    assert argv[argv.index("--content") + 1] == str((tmp_path / "$(whoami)").resolve())
    assert argv[argv.index("serve") :] == [
        "serve",
        "--session",
        "--idle-minutes",
        "20",
        "--var",
        "org=Caritas Köln'; echo pwned",
    ]


def test_urls_for_a_given_host_and_for_all_networks() -> None:
    assert display_urls("127.0.0.1", 8000) == ["http://127.0.0.1:8000/"]
    assert display_urls("::1", 8001) == ["http://[::1]:8001/"]
    for url in display_urls("0.0.0.0", 8000):
        assert url.startswith("http://") and url.endswith(":8000/")
        assert "0.0.0.0" not in url


def test_info_file_round_trip_and_stale_pid(tmp_path: Path) -> None:
    stamp = datetime(2025, 5, 1, tzinfo=UTC)
    write_info(tmp_path, ServeInfo("http://127.0.0.1:8000/", "K7MPQ3", stamp, os.getpid()))
    info = read_info(tmp_path)
    assert info is not None and info.code == "K7MPQ3"
    write_info(tmp_path, ServeInfo("http://127.0.0.1:8000/", "K7MPQ3", stamp, 2**22 + 12345))
    assert read_info(tmp_path) is None, "a server that is gone is not shown"
    (tmp_path / "_serve.toml").write_text("url = ")
    assert read_info(tmp_path) is None


def test_a_server_removes_only_its_own_info_file(tmp_path: Path) -> None:
    """A second server on the folder that could not start took the running one's code and
    address off the dashboard on its way out."""
    stamp = datetime(2025, 5, 1, tzinfo=UTC)
    write_info(tmp_path, ServeInfo("http://127.0.0.1:8000/", "K7MPQ3", stamp, os.getppid()))
    remove_info(tmp_path)
    assert read_info(tmp_path) is not None
    write_info(tmp_path, ServeInfo("http://127.0.0.1:8000/", "K7MPQ3", stamp, os.getpid()))
    remove_info(tmp_path)
    assert not (tmp_path / "_serve.toml").exists()


def test_the_address_of_the_default_route_comes_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a Debian or Ubuntu laptop the host name resolves to 127.0.1.1 only: the banner
    offered "http://laptop:8766/", which no participant's browser could open."""
    from readiness.workshop import serve

    def loopback_only(*_: object) -> list[tuple[object, ...]]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.1.1", 0))]

    monkeypatch.setattr(socket, "getaddrinfo", loopback_only)
    monkeypatch.setattr(socket, "gethostname", lambda: "laptop")
    monkeypatch.setattr(serve, "_routed_address", lambda: "192.168.1.20")
    assert display_urls("0.0.0.0", 8766) == ["http://192.168.1.20:8766/"]
    monkeypatch.setattr(serve, "_routed_address", lambda: None)  # offline
    assert display_urls("0.0.0.0", 8766) == ["http://laptop:8766/"]


def request(remote: str, origin: str | None = "http://10.0.0.5:8000"):  # type: ignore[no-untyped-def]
    headers = {"Host": "10.0.0.5:8000"}
    if origin is not None:
        headers["Origin"] = origin
    req = make_mocked_request("GET", "/ws", headers=headers)
    return req.clone(remote=remote)


@pytest.fixture
def server() -> WorkshopServer:
    return WorkshopServer(
        "true", host="0.0.0.0", port=8000, lang="en", max_sessions=3, per_address_per_minute=5
    )


def test_a_foreign_web_page_cannot_open_sessions(server: WorkshopServer) -> None:
    assert server._admit(request("10.0.0.7", origin="http://evil.example")) == "origin"
    assert server._admit(request("10.0.0.7")) is None
    assert server._admit(request("10.0.0.7", origin=None)) is None


def test_new_sessions_per_address_are_limited(server: WorkshopServer) -> None:
    for _ in range(5):
        assert server._admit(request("10.0.0.7")) is None
    assert server._admit(request("10.0.0.7")) == "rate"
    assert server._admit(request("10.0.0.8")) is None, "other laptops are not affected"
    for _ in range(10):
        assert server._admit(request("127.0.0.1")) is None, "this computer is not limited"


def test_the_room_has_a_maximum_size(server: WorkshopServer) -> None:
    server.active = 3
    assert server._admit(request("10.0.0.9")) == "full"


def test_sessions_at_once_per_address_are_capped(server: WorkshopServer) -> None:
    server.by_address["10.0.0.7"] = PER_ADDRESS
    assert server._admit(request("10.0.0.7")) == "address"
    assert server._crowded(request("10.0.0.7")) == "address", "the page says so, too"
    assert server._admit(request("10.0.0.8")) is None, "other laptops are not affected"
    server.by_address["127.0.0.1"] = 2 * PER_ADDRESS
    assert server._admit(request("127.0.0.1")) is None, "this computer is not capped"


@pytest.mark.parametrize(
    ("width", "height", "expected"),
    [
        (20000, 20000, MAX_SIZE),
        ("20000", "20000", MAX_SIZE),
        (-5, 0, MIN_SIZE),
        ("abc", None, (80, 24)),
        ({}, [1], (80, 24)),
        ("1e9", "12", (80, 12)),
        (120, 40, (120, 40)),
    ],
)
def test_every_terminal_size_a_browser_sends_is_bounded(
    width: object, height: object, expected: tuple[int, int]
) -> None:
    assert clamp_size(width, height) == expected


class FakeService:
    def __init__(self) -> None:
        self.sizes: list[tuple[int, int]] = []
        self.sent: list[bytes] = []

    async def set_terminal_size(self, width: int, height: int) -> None:
        self.sizes.append((width, height))

    async def send_bytes(self, data: bytes) -> bool:
        self.sent.append(data)
        return True


class FakeSocket:
    """Replays browser messages, as aiohttp's websocket iterates them."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.replies: list[object] = []

    def __aiter__(self):  # type: ignore[no-untyped-def]
        async def gen():  # type: ignore[no-untyped-def]
            for text in self.texts:
                yield WSMessage(WSMsgType.TEXT, text, None)

        return gen()

    async def send_json(self, data: object) -> None:
        self.replies.append(data)


async def test_resize_and_malformed_messages_are_bounded_at_the_server(
    server: WorkshopServer,
) -> None:
    service, socket = (
        FakeService(),
        FakeSocket(
            [
                json.dumps(["resize", {"width": 20000, "height": 20000}]),
                "not json",
                "{}",
                "[]",
                json.dumps(["resize", {}]),
                json.dumps(["stdin", 5]),
                json.dumps(["resize", {"width": -3, "height": "x"}]),
                json.dumps(["stdin", "ok"]),
                json.dumps(["ping", "t1"]),
            ]
        ),
    )
    await server._process_messages(socket, service)  # type: ignore[arg-type]
    assert service.sizes == [MAX_SIZE, (80, 24), (MIN_SIZE[0], 24)]
    assert service.sent == [b"ok"]
    assert socket.replies == [["pong", "t1"]]


async def test_the_page_gives_the_browser_a_device_token(server: WorkshopServer) -> None:
    from aiohttp import web
    from aiohttp_jinja2 import setup
    from jinja2 import FileSystemLoader

    from readiness.tui.serve_server import DEVICE_COOKIE, TEMPLATES

    app = web.Application()
    setup(app, loader=FileSystemLoader(TEMPLATES))
    req = make_mocked_request("GET", "/", headers={"Host": "10.0.0.5:8000"}, app=app)
    response = await server.handle_index(req.clone(remote="10.0.0.7"))
    cookie = response.cookies[DEVICE_COOKIE]
    assert len(cookie.value) >= 32 and cookie["httponly"] and cookie["samesite"] == "Strict"
    kept = make_mocked_request(
        "GET",
        "/",
        headers={"Host": "10.0.0.5:8000", "Cookie": f"{DEVICE_COOKIE}={'a' * 43}"},
        app=app,
    )
    again = await server.handle_index(kept.clone(remote="10.0.0.7"))
    assert again.cookies[DEVICE_COOKIE].value == "a" * 43, "the same browser keeps its token"
    server.by_address["10.0.0.7"] = PER_ADDRESS
    crowded = await server.handle_index(req.clone(remote="10.0.0.7"))
    assert b"close one of its tabs" in crowded.body and b'id="terminal"' not in crowded.body


def test_the_dashboard_line_is_quoted_for_the_shell(tmp_path: Path) -> None:
    hostile = tmp_path / "room 1" / "$(touch pwned)"
    line = dashboard_command(hostile, windows=False)
    assert shlex.split(line) == ["readiness", "dashboard", str(hostile)]
    assert dashboard_command(Path(r"C:\Users\Jörg\Work shop"), windows=True) == (
        r'readiness dashboard "C:\Users\Jörg\Work shop"'
    )
    assert dashboard_command(Path(r"C:\it's $(calc)"), windows=True) == (
        r"readiness dashboard 'C:\it''s $(calc)'"
    )
