"""``specdiff review [REVS] [-- PATH...]``: walk through the amendments in a terminal UI."""

from __future__ import annotations

import argparse
import os
import sys

from specdiff.commands import add_repository_option, add_revisions_argument, diff_request, print_warnings, width
from specdiff.errors import SpecdiffError


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    parser: argparse.ArgumentParser = commands.add_parser(
        "review",
        help="walk through the amendments in a terminal UI",
        description="Open a terminal UI to review a spec diff amendment by amendment: both texts with the "
        "changed words marked, what each change means, the outputs and eval cases it reaches, and a "
        "reviewed tick that is kept across restarts. Press ? in the app for every key. With TERM=dumb "
        "it prints the plain text diff instead.",
    )
    add_revisions_argument(parser)
    add_repository_option(parser)
    return parser


def run(args: argparse.Namespace, paths: list[str]) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise SpecdiffError("review needs a terminal; for text in a pipe or a file, run `specdiff` with the same revisions")
    if os.environ.get("TERM") == "dumb":
        return print_plain(args, paths)
    # Textual is imported here, not at the top: `specdiff --help` and plain diffs never load it.
    from specdiff.tui.app import make_app

    # No "reading the diff…" here: the app says it on its own first screen, and a line printed
    # before the app stayed on the terminal, over the prompt, after quitting (issue 15).
    app = make_app(diff_request(args, paths, explain=None))
    app.run()
    if app.error:
        raise SpecdiffError(app.error)
    return app.return_code or 0


def print_plain(args: argparse.Namespace, paths: list[str]) -> int:
    """A dumb terminal cannot draw the app (no cursor movement, no colour): print the text report."""
    from specdiff.diff import diff_revisions
    from specdiff.render import FORMATS, RenderOptions

    print("specdiff review: TERM=dumb cannot show the review app; here is the text diff instead.", file=sys.stderr)
    result = diff_revisions(diff_request(args, paths, explain=False))
    print_warnings(result.warnings)
    sys.stdout.write(FORMATS["text"].render(result, RenderOptions(color=False, width=width(sys.stdout))))
    sys.stdout.flush()
    return 0
