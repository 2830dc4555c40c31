"""`readiness serve --results DIR`: participants join in the browser with a code.

The server process runs textual-serve; every browser tab gets its own app process started
with a fixed command (`serve --session`, see `readiness.workshop.serve.session_command`),
forked from a pre-imported process when it can (the quick start, see
`readiness.workshop.forkserver`; `--no-quick-start` turns it off)."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readiness.errors import UsageError
from readiness.i18n import Lang, t
from readiness.i18n.os_reason import os_reason
from readiness.settings import Settings
from readiness.workshop.room_limits import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    IDLE_MINUTES,
    LOOPBACK,
    MAX_SESSIONS,
    PER_ADDRESS,
)

if TYPE_CHECKING:
    from readiness.content.loader import Library
    from readiness.workshop.forkserver import WarmStart


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "serve",
        parents=[common],
        help=t("cli.help.serve.help"),
        description=t("cli.help.serve.description"),
    )
    p.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=t("cli.help.serve.arg.host", host=DEFAULT_HOST),
    )
    p.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=t("cli.help.serve.arg.port", port=DEFAULT_PORT),
    )
    p.add_argument(
        "--var",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help=t("cli.help.serve.arg.var"),
    )
    p.add_argument(
        "--max-sessions",
        type=int,
        default=MAX_SESSIONS,
        metavar="N",
        help=t("cli.help.serve.arg.max_sessions", count=MAX_SESSIONS),
    )
    p.add_argument(
        "--per-address",
        type=int,
        default=PER_ADDRESS,
        metavar="N",
        help=t("cli.help.serve.arg.per_address", count=PER_ADDRESS),
    )
    p.add_argument(
        "--idle-minutes",
        type=float,
        default=IDLE_MINUTES,
        metavar="MIN",
        help=t("cli.help.serve.arg.idle_minutes", minutes=f"{IDLE_MINUTES:g}"),
    )
    p.add_argument(
        "--no-quick-start",
        dest="quick_start",
        action="store_false",
        help=t("cli.help.serve.arg.no_quick_start"),
    )
    p.add_argument("--session", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from readiness.engine.values import parse_var_args

    settings.variables = parse_var_args(args.var)
    if not 0 < args.idle_minutes <= 24 * 60:
        raise UsageError(t("workshop.serve.bad_idle"))
    if args.session:
        return run_session(settings, args.idle_minutes)
    explicit = getattr(args, "results_sub", None) or getattr(args, "results", None)
    if explicit is None:
        raise UsageError(t("workshop.serve.need_results"))
    if not 1 <= args.port <= 65535:
        raise UsageError(t("workshop.serve.bad_port"))
    if args.max_sessions < 1 or args.per_address < 1:
        raise UsageError(t("workshop.serve.bad_limit"))
    limits = Limits(args.max_sessions, args.per_address, args.idle_minutes, args.quick_start)
    from readiness.cli.common import library_for

    # Once, in the trainer's terminal: files replacing a built-in one, broken files by name
    # (the participants' home screens say the same, as every command does).
    library_for(settings)
    return run_server(settings, args.host, args.port, limits)


@dataclass(frozen=True)
class Limits:
    """The room's limits (see docs/workshop.md, "Limits")."""

    max_sessions: int = MAX_SESSIONS
    per_address: int = PER_ADDRESS
    idle_minutes: float = IDLE_MINUTES
    quick_start: bool = True
    """Fork sessions from a pre-imported process (`readiness.workshop.forkserver`)."""


def run_server(settings: Settings, host: str, port: int, limits: Limits) -> int:
    from readiness.tui.serve_server import WorkshopServer
    from readiness.workshop.joincode import new_code
    from readiness.workshop.serve import (
        dashboard_command,
        display_urls,
        new_info,
        read_info,
        remove_info,
        session_command,
        write_info,
    )

    folder = settings.results_dir.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    running = read_info(folder)
    if running is not None:
        # Two servers on one folder would hand out two codes for one room, and one of them
        # would replace the other's line on the dashboard.
        raise UsageError(t("workshop.serve.already_running", url=running.url, pid=running.pid))
    code = new_code()
    # textual-serve hands its own environment to every session it starts: that is how the
    # sessions learn the code without it appearing on any command line.
    from readiness.workshop.joincode import ENV_VAR

    os.environ[ENV_VAR] = code
    command = session_command(
        lang=settings.lang,
        results_dir=folder,
        content_dirs=settings.content_dirs,
        variables=settings.variables,
        idle_minutes=limits.idle_minutes,
    )
    urls = display_urls(host, port)

    def banner() -> None:
        lines = [
            t("workshop.serve.banner"),
            "",
            f"  {t('workshop.serve.open')} {'  '.join(urls)}",
            f"  {t('workshop.serve.code')} {code}",
            f"  {t('workshop.serve.results')} {folder}",
            f"  {t('workshop.serve.dashboard')} {dashboard_command(folder)}",
            "  " + t("workshop.serve.limits", None, **_limit_values(limits)),
            "",
            t("workshop.serve.local_only") if host in LOOPBACK else t("workshop.serve.network"),
            t("workshop.serve.stop"),
        ]
        print("\n".join(lines), flush=True)
        write_info(folder, new_info(urls[0], code))

    warm = _warm_start(command, settings.lang) if limits.quick_start else None
    try:
        server = WorkshopServer(
            command,
            host=host,
            port=port,
            lang=settings.lang,
            on_started=banner,
            max_sessions=limits.max_sessions,
            per_address=limits.per_address,
            idle_minutes=limits.idle_minutes,
            warm=warm,
        )
        server.serve()
    except OSError as exc:
        raise UsageError(
            t(
                "workshop.serve.port_busy",
                host=host,
                port=port,
                reason=os_reason(exc).text(settings.lang),
            )
        ) from exc
    finally:
        remove_info(folder)
        if warm is not None:
            warm.stop()
    return 0


def _warm_start(command: str, lang: Lang) -> WarmStart | None:
    """The quick start's fork server, ready to fork sessions; None (said in one line) if it
    cannot start: then every session starts as a process of its own, as without it."""
    from readiness.tui.serve_server import session_environment
    from readiness.workshop.forkserver import WarmStart

    if not WarmStart.supported():
        return None
    warm = WarmStart(
        shlex.split(command),
        entry="readiness.cli.serve_warm",
        env=session_environment(),
        options=["--lang", lang],
    )
    reason = warm.start()
    if reason is not None:
        print(t("workshop.serve.warm_unavailable", reason=reason), flush=True)
        return None
    return warm


def _limit_values(limits: Limits) -> dict[str, str]:
    return {
        "sessions": str(limits.max_sessions),
        "per_address": str(limits.per_address),
        "minutes": f"{limits.idle_minutes:g}",
    }


preloaded: Callable[[Sequence[Path]], Library | None] | None = None
"""Set in the quick start's fork server (`readiness.cli.serve_warm`): the content it read
before forking, if the folders still hold exactly those files; a session then shares it
instead of reading every file again."""


def run_session(settings: Settings, idle_minutes: float = IDLE_MINUTES) -> int:
    """One browser participant's app (started by the server, never by hand)."""
    from readiness.workshop.joincode import ENV_VAR
    from readiness.workshop.serve import DEVICE_ENV

    code = os.environ.pop(ENV_VAR, "")
    device = os.environ.pop(DEVICE_ENV, "")
    if not code or sys.stdin.isatty():
        raise UsageError(t("workshop.serve.session_only"))
    from readiness.tui.workshop_apps import make_participant_app

    library = preloaded(settings.content_dirs) if preloaded is not None else None
    app = make_participant_app(
        settings, code, library=library, device=device, idle_minutes=idle_minutes
    )
    return app.run() or 0
