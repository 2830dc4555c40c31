"""Serving helpers: the fixed session command, the info file, who the server admits."""

from __future__ import annotations

import os
import shlex
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiohttp.test_utils import make_mocked_request

from readiness.tui.serve_server import WorkshopServer
from readiness.workshop.serve import (
    ServeInfo,
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
    remove_info(tmp_path)
    assert not (tmp_path / "_serve.toml").exists()


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
