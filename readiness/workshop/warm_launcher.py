"""The command textual-serve runs for a browser session when the quick start is on.

Run as `python -I -S warm_launcher.py SOCKET -- PYTHON -m readiness ... serve --session`
(started by path, without site-packages and without importing readiness: about 15 ms of
CPU). It hands its standard input, output and error (the pipes to textual-serve), its
environment, its working directory and the session command to the fork server listening
on SOCKET (`readiness.workshop.forkserver`), which forks a pre-imported process that runs
exactly that command on those pipes. Once the fork server says the session started, the
launcher exits: textual-serve talks to the session through the pipes, which the session
now holds alone, and the launcher's 4 MB are not kept for the length of a workshop.

If the fork server cannot be reached or refuses, the launcher replaces itself with the
command (`exec`): the session starts as a fresh process, as without the quick start.

Only the standard library is used here, and little of it: `_socket` instead of `socket`
(whose Python layer imports `selectors`, `collections` and more: 30 ms per start).
"""

from __future__ import annotations

import _socket
import os
import sys

PROTOCOL = b"1"
FDS = (0, 1, 2)


def request(command: list[str]) -> bytes:
    """The request: protocol, working directory, the command, then the environment, each
    field ended by NUL (no field can hold one), preceded by the length as 4 bytes."""
    fields = [PROTOCOL, os.fsencode(os.getcwd()), str(len(command)).encode()]
    fields += [os.fsencode(part) for part in command]
    fields += [key + b"=" + value for key, value in os.environb.items()]
    payload = b"".join(field + b"\0" for field in fields)
    return len(payload).to_bytes(4, "big") + payload


def read_line(conn: _socket.socket) -> bytes:
    """One reply line from the fork server (b"" if it closed the connection)."""
    line = b""
    while not line.endswith(b"\n"):
        chunk = conn.recv(64)
        if not chunk:
            return b""
        line += chunk
    return line[:-1]


def hand_over(path: str, command: list[str]) -> bool:
    """True once a forked session runs on our pipes; False: start the command here.

    False is only safe while the request has not fully reached the fork server, or when it
    refuses: once the pipes are handed over, a session may be running on them, so any
    other failure ends the launcher instead of starting a second session on the same
    pipes (the browser then shows the session as ended)."""
    conn = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        try:
            conn.settimeout(10.0)
            conn.connect(path)
            data = request(command)
            fds = b"".join(fd.to_bytes(4, sys.byteorder) for fd in FDS)
            sent = conn.sendmsg([data], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, fds)])
            if sent < len(data):  # never an empty send: the server may have closed by now
                conn.sendall(data[sent:])
        except OSError:
            return False
        try:
            conn.settimeout(60.0)
            reply = read_line(conn)
        except OSError:
            reply = b""
    finally:
        conn.close()
    if reply.startswith(b"refused"):
        return False
    if not reply.startswith(b"started "):
        raise SystemExit(1)
    return True


def main(argv: list[str]) -> int:
    if len(argv) < 4 or argv[2] != "--":
        sys.stderr.write("usage: warm_launcher.py SOCKET -- COMMAND...\n")
        return 2
    path, command = argv[1], argv[3:]
    if not hand_over(path, command):
        os.execv(command[0], command)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
