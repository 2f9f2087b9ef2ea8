"""One module per subcommand, each with ``add_parser(subparsers)`` and ``run(args, paths) -> int``.

``COMMANDS`` maps command names to modules, in the order ``--help`` lists
them; ``cli`` builds the parser from it. The helpers here settle what every
command shares: the repository option, colour, width and warnings.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from specdiff.diff import DiffRequest


def add_repository_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-C", dest="repository", default=".", metavar="DIR", help="run as if started in DIR")


def add_color_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default=os.environ.get("SPECDIFF_COLOR", "auto"),
        help="colour the output: auto (default; off when not a terminal or NO_COLOR is set), always, never",
    )


def add_revisions_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("revisions", nargs="*", metavar="REV", help="zero, one or two revisions, or A..B / A...B")


def relative_to_repository(args: argparse.Namespace, paths: list[str]) -> list[str]:
    """Paths after ``--`` (or positional paths) are relative to the -C folder, as for ``git -C``."""
    return [str(Path(args.repository) / path) for path in paths]


def diff_request(args: argparse.Namespace, paths: list[str], explain: bool | None) -> DiffRequest:
    """The comparison a command's revisions, -C folder and paths after ``--`` ask for."""
    from specdiff.diff import DiffRequest  # not at the top: `specdiff --help` stays light

    return DiffRequest(
        args.repository,
        tuple(args.revisions),
        tuple(relative_to_repository(args, paths)),
        explain,
        all_dangling=getattr(args, "all_dangling", False),
    )


def use_color(choice: str, out: TextIO) -> bool:
    """Colour once, here: ``always``, ``never``, or for a terminal that wants it."""
    if choice in ("always", "never"):
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return out.isatty()


def width(out: TextIO) -> int:
    """The terminal's width, or ``COLUMNS``, or 100 when writing to a file or pipe."""
    if out.isatty():
        return shutil.get_terminal_size().columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 20 else 100


SHALLOW_CUT = (
    "(shallow clone: history is cut here, so this commit's changes include everything before it; "
    "`git fetch --unshallow` gets the rest)"
)


def print_warnings(warnings: list[str]) -> None:
    for warning in warnings:
        print(f"specdiff: warning: {warning}", file=sys.stderr)


from specdiff.commands import (  # noqa: E402
    blame,
    changelog,
    check,
    comment,
    coverage,
    demo,
    diff,
    evals,
    graph,
    impact,
    init,
    lint,
    log,
    review,
    stamp,
)

COMMANDS: dict[str, ModuleType] = {
    "diff": diff,
    "init": init,
    "demo": demo,
    "review": review,
    "comment": comment,
    "impact": impact,
    "check": check,
    "stamp": stamp,
    "coverage": coverage,
    "lint": lint,
    "evals": evals,
    "graph": graph,
    "log": log,
    "blame": blame,
    "changelog": changelog,
}
