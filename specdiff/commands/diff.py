"""``specdiff [diff] [REVS] [-- PATH...]``: the amendments between two revisions."""

from __future__ import annotations

import argparse
import sys

from specdiff.commands import (
    add_color_option,
    add_repository_option,
    add_revisions_argument,
    diff_request,
    print_warnings,
    use_color,
    width,
)
from specdiff.model import SEVERITIES, SpecDiff

DESCRIPTION = """\
Clause-level semantic diffs of specifications kept in git.

  specdiff                     HEAD against the working tree, like git diff
  specdiff HEAD~1              HEAD~1 against the working tree
  specdiff A B | A..B | A...B  two revisions; A...B starts from their merge base
  specdiff ... -- PATH...      only these files or folders
"""

FAIL_ON_LEVELS = (*SEVERITIES, "stale")


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    parser: argparse.ArgumentParser = commands.add_parser(
        "diff",
        help="amendments between two revisions (the default command)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_revisions_argument(parser)
    add_repository_option(parser)
    parser.add_argument(
        "--explain",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="add a language model's summary and verdict to substantive amendments (needs OPENAI_API_KEY; "
        "default: on when the config has an [llm] table)",
    )
    add_output_options(parser)
    return parser


def add_output_options(parser: argparse.ArgumentParser) -> None:
    from specdiff.render import FORMATS

    parser.add_argument("--format", choices=sorted(FORMATS), default="text", help="output format (default: text)")
    parser.add_argument("--matches", action="store_true", help="JSON: also list every matched pair, changed or not")
    parser.add_argument(
        "--mentions", action="store_true", help="text: also name the documents that link to what changed (JSON always has them)"
    )
    parser.add_argument(
        "--all-dangling",
        action="store_true",
        help="report every reference to a section that does not exist, not only those this change introduced",
    )
    parser.add_argument(
        "--fail-on",
        choices=FAIL_ON_LEVELS,
        metavar="LEVEL",
        help=f"exit 1 if any amendment is at least this severe ({', '.join(SEVERITIES)}), or with 'stale' "
        "if an output is stale (per specdiff.lock; without one, if the change reaches any output or eval)",
    )
    add_color_option(parser)


def run(args: argparse.Namespace, paths: list[str]) -> int:
    from specdiff.diff import diff_revisions

    result = diff_revisions(diff_request(args, paths, explain=args.explain))
    show(result, format=args.format, color=args.color, matches=args.matches, mentions=args.mentions)
    return exit_code(result, args.fail_on)


def show(result: SpecDiff, *, format: str, color: str, matches: bool = False, mentions: bool = False) -> None:
    """Print the warnings to stderr and the diff to stdout in ``format``; ``color`` as ``--color`` takes it."""
    from specdiff.render import FORMATS, RenderOptions

    print_warnings(result.warnings)
    options = RenderOptions(color=use_color(color, sys.stdout), width=width(sys.stdout), matches=matches, mentions=mentions)
    FORMATS[format].write(result, options, sys.stdout)
    sys.stdout.flush()


def exit_code(result: SpecDiff, fail_on: str | None) -> int:
    """1 when the ``--fail-on`` level is met: an amendment that serious, or any output reached for ``stale``."""
    if fail_on is None:
        return 0
    if any(a.kind == "unreadable" for a in result.amendments):  # nothing in it could be checked
        return 1
    if fail_on == "stale":  # stale per specdiff.lock when there is one, else anything reached
        return 1 if (result.stale if result.stale is not None else result.outputs) else 0
    if result.severity is None:
        return 0
    return 1 if SEVERITIES.index(result.severity) >= SEVERITIES.index(fail_on) else 0
