"""Run ``specdiff`` in a real pseudo-terminal, as a reviewer's shell would, and type into it."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from dataclasses import dataclass


@dataclass
class TerminalRun:
    code: int
    screen: str
    """Everything written to the terminal, escape sequences included."""
    outside: str
    """What was written to the terminal's main screen: before the app entered its alternate
    screen and after it left it. It stays on the reviewer's screen, around the prompt."""


ENTER_ALTERNATE_SCREEN = "\x1b[?1049h"
LEAVE_ALTERNATE_SCREEN = "\x1b[?1049l"


def run_in_terminal(
    argv: list[str], *, wait_for: str, keys: str, env: dict[str, str] | None = None, timeout: float = 30
) -> TerminalRun:
    """Start ``specdiff argv`` in a 100×30 terminal; once ``wait_for`` is drawn, type ``keys``.

    stdin, stdout and stderr are the terminal (Textual draws on stderr).
    """
    leader, follower = pty.openpty()
    os.set_blocking(leader, False)
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))  # rows, columns
    process = subprocess.Popen(
        [sys.executable, "-m", "specdiff", *argv],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env={**os.environ, "TERM": "xterm-256color", **(env or {})},
        close_fds=True,
    )
    os.close(follower)
    written = b""
    typed = False
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the process closed the terminal
                break
            written += chunk
        if not typed and wait_for.encode() in written:
            time.sleep(0.3)  # let the first screen settle before typing
            os.write(leader, keys.encode())
            typed = True
        if process.poll() is not None and not ready:
            break
    else:
        process.kill()
    code = process.wait(5)
    os.close(leader)
    screen = written.decode(errors="replace")
    before = screen.split(ENTER_ALTERNATE_SCREEN, 1)[0]
    after = screen.rsplit(LEAVE_ALTERNATE_SCREEN, 1)[1] if LEAVE_ALTERNATE_SCREEN in screen else ""
    return TerminalRun(code, screen, before + after)
