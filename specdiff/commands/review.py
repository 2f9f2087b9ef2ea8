"""``specdiff review [REVS] [-- PATH...]``: walk through the amendments in a terminal UI."""

from __future__ import annotations

import argparse
import sys

from specdiff.commands import add_repository_option, add_revisions_argument, diff_request
from specdiff.errors import SpecdiffError


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    parser: argparse.ArgumentParser = commands.add_parser(
        "review",
        help="walk through the amendments in a terminal UI",
        description="Open a terminal UI to review a spec diff amendment by amendment: both texts with the "
        "changed words marked, what each change means, the outputs and eval cases it reaches, and a "
        "reviewed tick that is kept across restarts. Press ? in the app for every key.",
    )
    add_revisions_argument(parser)
    add_repository_option(parser)
    return parser


def run(args: argparse.Namespace, paths: list[str]) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise SpecdiffError("review needs a terminal; for text in a pipe or a file, run `specdiff` with the same revisions")
    # Textual is imported here, not at the top: `specdiff --help` and plain diffs never load it.
    from specdiff.tui.app import make_app

    print("specdiff: reading the diff…", file=sys.stderr, end="\r", flush=True)  # a large one takes seconds
    app = make_app(diff_request(args, paths, explain=None))
    app.run()
    return app.return_code or 0
