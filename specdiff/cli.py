"""The command line: parse arguments, run one command, return an exit code.

Exit codes: 0 success; 1 a ``--fail-on`` threshold was met; 2 bad usage or
input, reported in one line on stderr; 130 interrupted.

``specdiff [REVS] [-- PATH...]`` is short for ``specdiff diff ...``; a branch
named like a command (``demo``) can still be diffed as ``specdiff diff demo``.
Each command lives in ``specdiff/commands/``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import NoReturn

from specdiff import __version__
from specdiff.commands import COMMANDS, use_color
from specdiff.commands.diff import DESCRIPTION
from specdiff.config import CONFIG_FROM
from specdiff.errors import SpecdiffError
from specdiff.render.controls import PrintableStream


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"specdiff: error: {message} (see `specdiff --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, built without running anything."""
    parser = _Parser(prog="specdiff", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"specdiff {__version__}")
    parser.add_argument(  # taken out before parsing (see `_config_from`): listed here for --help
        "--config-from",
        metavar="REV",
        help="read specdiff.toml (or pyproject.toml) from this revision, not the working tree, for any command; "
        "in CI, the base branch, so a pull request cannot change its own check (env: SPECDIFF_CONFIG_FROM)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, command in COMMANDS.items():
        subparser = command.add_parser(subparsers)
        subparser.set_defaults(run=command.run)
        if name == "diff":
            # `specdiff --help` is what people type: show the default command's options too.
            parser.epilog = "options of the default command (specdiff diff):\n" + _options_help(subparser)
    return parser


def _options_help(parser: argparse.ArgumentParser) -> str:
    """The option list of ``parser``'s help, without its usage and description."""
    text = parser.format_help()
    return text[text.index("options:") + len("options:\n") :]


def main(argv: list[str] | None = None) -> int:
    """Run specdiff with ``argv`` (default: the process arguments); return the exit code.

    Without ``argv`` this is the whole process (``specdiff``, ``python -m specdiff``): it
    tunes the garbage collector first and, at the end, exits without the interpreter's
    teardown (see :func:`_exit_now`)."""
    if argv is None:
        _tune_garbage_collector()
    arguments = list(sys.argv[1:] if argv is None else argv)
    arguments, paths = _split_paths(arguments)
    try:
        arguments, config_from = _config_from(arguments)
    except ValueError as error:
        print(f"specdiff: error: {error} (see `specdiff --help`)", file=sys.stderr)
        return 2
    token = CONFIG_FROM.set(config_from)
    try:
        code = _main(arguments, paths)
    finally:
        CONFIG_FROM.reset(token)
    if argv is None:
        _exit_now(code)
    return code


def _main(arguments: list[str], paths: list[str]) -> int:
    if len(arguments) >= 3 and arguments[0] == "-C" and arguments[2] in COMMANDS:
        arguments = [arguments[2], *arguments[:2], *arguments[3:]]  # `specdiff -C DIR log`, as git takes -C
    if not arguments or (arguments[0] not in COMMANDS and arguments[0] not in ("-h", "--help", "--version")):
        arguments = ["diff", *arguments]
    try:
        args = build_parser().parse_args(arguments)
    except SystemExit as stop:  # --help, --version, or a usage error already reported
        return stop.code if isinstance(stop.code, int) else 2
    run: Callable[[argparse.Namespace, list[str]], int] = args.run
    if args.command == "review":  # the review app draws the screen itself, and escapes its text
        return _run(run, args, paths)
    # Whatever a command prints passes through `printable`: spec text, paths, commit subjects and
    # model answers come from strangers' pull requests and must not drive the terminal.
    stdout, stderr = sys.stdout, sys.stderr
    colour = hasattr(args, "color") and use_color(args.color, stdout)
    sys.stdout = PrintableStream(stdout, keep_colour=colour)
    sys.stderr = PrintableStream(stderr)
    try:
        return _run(run, args, paths)
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def _run(run: Callable[[argparse.Namespace, list[str]], int], args: argparse.Namespace, paths: list[str]) -> int:
    """Run one command, turning a :class:`SpecdiffError` into one line on stderr and exit code 2."""
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


def _tune_garbage_collector() -> None:
    """Collect less often, and never look at what the imports made again: a run builds
    many long-lived objects (clauses, amendments) and few cycles. On the largest Model
    Spec release pair this took about a tenth off the processor time (832 -> 753 ms).
    Raising the first threshold from 20,000 to 100,000 allocations took another tenth off
    that pair's first diff (0.416 -> 0.378 s; peak 57 -> 59 MB) and a cold log of the
    3,000-clause history benchmark from about 20.2 to 19.4 ms a commit."""
    import gc

    gc.freeze()
    gc.set_threshold(100_000, 50, 50)


def _exit_now(code: int) -> None:
    """End the process with ``code`` at once, skipping the interpreter's teardown, which frees
    every object one by one: after the first diff of the largest Model Spec release pair that
    took 18-24 ms of about 430 ms of processor time (medians of 8 runs: 44 ms between the end of
    ``main`` and the process's end, 20 ms without it, git's own runs included in both). mypy
    ends the same way (``mypy/util.py: hard_exit``). Everything the commands write is flushed
    or closed by then; when flushing fails (``specdiff | head`` closed the pipe) or a thread
    still runs, this returns and Python exits as it always did."""
    import os
    import threading

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a broken pipe, or stderr closed after one (see `_run`)
        return
    if threading.active_count() > 1:
        return
    os._exit(code)


def _config_from(arguments: list[str]) -> tuple[list[str], str | None]:
    """Take ``--config-from REV`` (or ``--config-from=REV``) out of the arguments, wherever it is:
    every command reads the settings, so the option belongs to none of them."""
    rest: list[str] = []
    revision = None
    words = iter(arguments)
    for word in words:
        if word == "--config-from":
            revision = next(words, None)
            if not revision:
                raise ValueError("--config-from needs a revision")
        elif word.startswith("--config-from="):
            revision = word.removeprefix("--config-from=")
        else:
            rest.append(word)
    if revision is not None and (not revision or revision.startswith("-")):
        raise ValueError(f"--config-from needs a revision, not {revision!r}")
    return rest, revision


def _split_paths(arguments: list[str]) -> tuple[list[str], list[str]]:
    """Split off the paths after ``--``, which argparse cannot tell from revisions."""
    if "--" in arguments:
        k = arguments.index("--")
        return arguments[:k], arguments[k + 1 :]
    return arguments, []
