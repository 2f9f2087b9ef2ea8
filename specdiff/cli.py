"""The command line: parse arguments, call the pipeline and a renderer, return an exit code.

Exit codes: 0 success; 1 a ``--fail-on`` threshold was met; 2 bad usage or
input, reported in one line on stderr; 130 interrupted.

``specdiff [REVS] [-- PATH...]`` is short for ``specdiff diff ...``; a branch
named like a command (``demo``) can still be diffed as ``specdiff diff demo``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, TextIO

from specdiff import __version__
from specdiff.errors import SpecdiffError
from specdiff.model import SEVERITIES, SpecDiff

FAIL_ON_LEVELS = SEVERITIES

DESCRIPTION = """\
Clause-level semantic diffs of specifications kept in git.

  specdiff                     HEAD against the working tree, like git diff
  specdiff HEAD~1              HEAD~1 against the working tree
  specdiff A B | A..B | A...B  two revisions; A...B starts from their merge base
  specdiff ... -- PATH...      only these files or folders
  specdiff demo [DIR]          build the bundled sample repository and diff it
"""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"specdiff: error: {message} (see `specdiff --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, built without running anything."""
    parser = _Parser(prog="specdiff", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"specdiff {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    diff = commands.add_parser(
        "diff",
        help="amendments between two revisions (the default command)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    diff.add_argument("revisions", nargs="*", metavar="REV", help="zero, one or two revisions, or A..B / A...B")
    diff.add_argument("-C", dest="repository", default=".", metavar="DIR", help="run as if started in DIR")
    diff.add_argument(
        "--explain",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="add a language model's summary and verdict to substantive amendments (needs OPENAI_API_KEY; "
        "default: on when the config has an [llm] table)",
    )
    _add_output_options(diff)
    diff.set_defaults(run=_run_diff)

    demo = commands.add_parser(
        "demo",
        help="build the sample spec repository and show its last change",
        description="Build the bundled sample spec repository (a fictional library assistant's spec, "
        "with its history of commits) as a real git repository and show `specdiff HEAD~1` in it.",
    )
    demo.add_argument("directory", nargs="?", type=Path, help="where to build it (default: a new temporary folder)")
    _add_output_options(demo)
    demo.set_defaults(run=_run_demo)
    # `specdiff --help` is what people type: show the default command's options too.
    parser.epilog = "options of the default command (specdiff diff):\n" + _options_help(diff)
    return parser


def _options_help(parser: argparse.ArgumentParser) -> str:
    """The option list of ``parser``'s help, without its usage and description."""
    text = parser.format_help()
    return text[text.index("options:") + len("options:\n") :]


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    from specdiff.render import FORMATS

    parser.add_argument("--format", choices=sorted(FORMATS), default="text", help="output format (default: text)")
    parser.add_argument("--matches", action="store_true", help="JSON: also list every matched pair, changed or not")
    parser.add_argument(
        "--fail-on",
        choices=FAIL_ON_LEVELS,
        metavar="LEVEL",
        help=f"exit 1 if any amendment is at least this severe ({', '.join(FAIL_ON_LEVELS)})",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default=os.environ.get("SPECDIFF_COLOR", "auto"),
        help="colour the output: auto (default; off when not a terminal or NO_COLOR is set), always, never",
    )


def main(argv: list[str] | None = None) -> int:
    """Run specdiff with ``argv`` (default: the process arguments); return the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    arguments, paths = _split_paths(arguments)
    parser = build_parser()
    commands = _command_names(parser)
    if not arguments or (arguments[0] not in commands and arguments[0] not in ("-h", "--help", "--version")):
        arguments = ["diff", *arguments]
    try:
        args = parser.parse_args(arguments)
    except SystemExit as stop:  # --help, --version, or a usage error already reported
        return stop.code if isinstance(stop.code, int) else 2
    run: Callable[[argparse.Namespace, list[str]], int] = args.run
    try:
        return run(args, paths)
    except SpecdiffError as error:
        print(f"specdiff: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`specdiff | head`): stop quietly, as git does.
        sys.stderr.close()
        return 0


def _split_paths(arguments: list[str]) -> tuple[list[str], list[str]]:
    """Split off the paths after ``--``, which argparse cannot tell from revisions."""
    if "--" in arguments:
        k = arguments.index("--")
        return arguments[:k], arguments[k + 1 :]
    return arguments, []


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


# -- commands ----------------------------------------------------------------------


def _run_diff(args: argparse.Namespace, paths: list[str]) -> int:
    from specdiff.diff import DiffRequest, diff_revisions

    # Paths after `--` are relative to the -C folder, as for `git -C`.
    paths = [str(Path(args.repository) / path) for path in paths]
    result = diff_revisions(DiffRequest(args.repository, tuple(args.revisions), tuple(paths), explain=args.explain))
    _show(result, args, sys.stdout)
    return _exit_code(result, args.fail_on)


def _run_demo(args: argparse.Namespace, paths: list[str]) -> int:
    from specdiff.diff import DiffRequest, diff_revisions
    from specdiff.sample import build_sample_repository

    if paths:
        raise SpecdiffError("demo shows the whole last change; run specdiff in the sample repository to limit paths")
    directory = args.directory or Path(tempfile.mkdtemp(prefix="specdiff-demo-"))
    commits = build_sample_repository(directory)
    print(f"Built the sample spec repository ({len(commits)} commits) in {directory}", file=sys.stderr)
    print("Showing `specdiff HEAD~1` there:\n", file=sys.stderr)
    result = diff_revisions(DiffRequest(directory, ("HEAD~1",)))
    _show(result, args, sys.stdout)
    print(
        f"\nTry next:\n  cd {directory}\n  specdiff HEAD~8 HEAD~4        # several commits at once\n"
        "  specdiff HEAD~1 --format json # the same, for tools\n  git log --oneline             # what each commit changed",
        file=sys.stderr,
    )
    return _exit_code(result, args.fail_on)


# -- output ------------------------------------------------------------------------


def _show(result: SpecDiff, args: argparse.Namespace, out: TextIO) -> None:
    from specdiff.render import FORMATS, RenderOptions

    for warning in result.warnings:
        print(f"specdiff: warning: {warning}", file=sys.stderr)
    options = RenderOptions(color=_use_color(args.color, out), width=_width(out), matches=args.matches)
    out.write(FORMATS[args.format].render(result, options))
    out.flush()


def _exit_code(result: SpecDiff, fail_on: str | None) -> int:
    if fail_on is None or result.severity is None:
        return 0
    return 1 if SEVERITIES.index(result.severity) >= SEVERITIES.index(fail_on) else 0


def _use_color(choice: str, out: TextIO) -> bool:
    """Colour once, here: ``always``, ``never``, or for a terminal that wants it."""
    if choice in ("always", "never"):
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return out.isatty()


def _width(out: TextIO) -> int:
    """The terminal's width, or ``COLUMNS``, or 100 when writing to a file or pipe."""
    if out.isatty():
        return shutil.get_terminal_size().columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 20 else 100
