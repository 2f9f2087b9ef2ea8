"""``specdiff stamp [PATH...]``: record in specdiff.lock what outputs are now built from."""

from __future__ import annotations

import argparse

from specdiff.commands import add_repository_option, relative_to_repository
from specdiff.render.words import counted


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    parser: argparse.ArgumentParser = commands.add_parser(
        "stamp",
        help="record that outputs are up to date with the spec",
        description="Record in specdiff.lock, for each artifact and eval (or only those under PATH), the "
        "fingerprints of the spec clauses it depends on in the working tree, after you rebuilt or "
        "reviewed it. `specdiff check` then reports it stale when those clauses change.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="outputs to stamp (default: all)")
    add_repository_option(parser)
    parser.add_argument("--force", action="store_true", help="replace a specdiff.lock that cannot be read")
    return parser


def run(args: argparse.Namespace, paths: list[str]) -> int:
    from specdiff.check import stamp

    stamped = stamp(args.repository, relative_to_repository(args, [*args.paths, *paths]), force=args.force)
    print(f"Stamped {counted(len(stamped), 'output')} in specdiff.lock.")
    return 0
