"""``specdiff demo [DIR]``: build the bundled sample repository and show its last change."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from specdiff.commands.diff import add_output_options, exit_code, show
from specdiff.errors import SpecdiffError


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    parser: argparse.ArgumentParser = commands.add_parser(
        "demo",
        help="build the sample spec repository and show its last change",
        description="Build the bundled sample spec repository (a fictional library assistant's spec, "
        "with its history of commits) as a real git repository and show `specdiff HEAD~1` in it.",
    )
    parser.add_argument("directory", nargs="?", type=Path, help="where to build it (default: a new temporary folder)")
    add_output_options(parser)
    return parser


def run(args: argparse.Namespace, paths: list[str]) -> int:
    from specdiff.diff import DiffRequest, diff_revisions
    from specdiff.sample import build_sample_repository

    if paths:
        raise SpecdiffError("demo shows the whole last change; run specdiff in the sample repository to limit paths")
    directory = args.directory or Path(tempfile.mkdtemp(prefix="specdiff-demo-"))
    commits = build_sample_repository(directory)
    print(f"Built the sample spec repository ({len(commits)} commits) in {directory}", file=sys.stderr)
    print("Showing `specdiff HEAD~1` there:\n", file=sys.stderr)
    result = diff_revisions(DiffRequest(directory, ("HEAD~1",)))
    show(result, format=args.format, color=args.color, matches=args.matches, mentions=args.mentions)
    print(
        f"\nTry next:\n  cd {directory}\n"
        "  specdiff HEAD~10 HEAD~6       # several commits at once\n"
        "  specdiff lint --select ALL HEAD~3 HEAD~2   # a draft with one problem of each kind lint finds\n"
        "  specdiff impact HEAD~1        # what to rebuild and re-run, and why\n"
        "  specdiff check                # outputs stale since they were stamped\n"
        "  specdiff HEAD~1 --format json # the same, for tools",
        file=sys.stderr,
    )
    return exit_code(result, args.fail_on)
