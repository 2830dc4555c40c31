"""Separate processes for the tests of what happens when many save at once.

Each such test starts 8–20 processes. Started with `spawn`, every one imports Python,
pydantic and readiness afresh (about half a second of CPU each, 11 s for one test);
forked from one server process that has imported them (`forkserver`, with `PRELOAD`) they
start in milliseconds. They are still separate processes with their own file handles, racing
for the same files, which is what the tests are about."""

from __future__ import annotations

import multiprocessing
from multiprocessing.context import ForkServerContext

PRELOAD = ["readiness.storage", "readiness.models.results", "readiness.workshop.pseudonyms"]


def racing_processes() -> ForkServerContext:
    """The context to start the racing processes from (the fork server starts once per test
    process, the first time one of them is started)."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    return ctx
