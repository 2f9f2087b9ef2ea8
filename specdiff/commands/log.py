"""``specdiff log [RANGE] [-- PATH[#anchor]...]``: the amendments of each commit, newest first."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from specdiff.commands import (
    SHALLOW_CUT,
    add_color_option,
    add_repository_option,
    print_warnings,
    relative_to_repository,
    use_color,
    width,
)
from specdiff.model import AMENDMENT_KINDS, SEVERITIES, FileDiff, Revision, SpecDiff

if TYPE_CHECKING:
    from specdiff.render import RenderOptions
    from specdiff.repo import LoggedCommit, Repository


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    parser: argparse.ArgumentParser = commands.add_parser(
        "log",
        help="the amendments of each commit, like git log -p in clauses",
        description="Show, newest first, what each commit of a range did to the specs, amendment by "
        "amendment. The range is read as for `git log` (default: the history of HEAD). After `--`, "
        "name files, folders or sections (spec/behavior.md#privacy) to follow.",
    )
    parser.add_argument("revisions", nargs="*", metavar="RANGE", help="revisions or ranges, as for git log")
    add_repository_option(parser)
    parser.add_argument("--all", action="store_true", help="include the commits of merged branches (default: first parent only)")
    parser.add_argument("--severity", choices=SEVERITIES, help="only amendments at least this severe")
    parser.add_argument(
        "--kind", choices=AMENDMENT_KINDS, action="append", help="only amendments of this kind (repeat for several)"
    )
    parser.add_argument("-n", "--max-count", type=int, metavar="N", help="show at most N commits")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="text, or JSON Lines: one commit per line")
    add_color_option(parser)
    return parser


def run(args: argparse.Namespace, paths: list[str]) -> int:
    from specdiff.config import history_config
    from specdiff.history import LogFilter, filtered, walk
    from specdiff.render import RenderOptions
    from specdiff.repo import Repository

    options = RenderOptions(color=use_color(args.color, sys.stdout), width=width(sys.stdout))
    shown = 0
    changed: set[str] = set()
    with Repository(args.repository) as repo:  # opened once for the settings, the paths, the shallow cut and the walk
        config = history_config(repo, args.revisions)
        cut = repo.shallow_boundaries()
        keep = LogFilter(args.severity, frozenset(args.kind or ()), _places(repo, args, paths))
        places = [place for place, _ in keep.places]
        for commit, amendments in walk(repo, config, args.revisions, first_parent=not args.all, places=places):
            changed.update(p for c in commit.changes for p in (c.old_path, c.new_path) if p)
            files = filtered(amendments.files, keep)
            if not files:
                continue
            _show(commit, files, args.format, commit.id in cut, options)
            shown += 1
            if args.max_count and shown >= args.max_count:
                break
    if shown == 0 and args.format == "text":
        print("No spec amendments in this range.")
    notice = config.unselected_notice(changed)  # once for the whole log
    print_warnings([notice] if notice else [])
    return 0


def _show(commit: LoggedCommit, files: list[FileDiff], format: str, shallow_cut: bool, options: RenderOptions) -> None:
    """Print one commit and the amendments kept of it: a JSON line, or a header and the text diff."""
    from specdiff.render import json as json_render
    from specdiff.render.controls import printable
    from specdiff.render.terminal import render

    base = Revision(None, commit.parent) if commit.parent else Revision("nothing (first commit)", None)
    diff = SpecDiff(base, Revision(None, commit.id), files)
    if format == "json":
        data = json_render.as_data(diff)
        print(
            json.dumps(
                {
                    "commit": commit.id,
                    "parent": commit.parent,
                    "author": commit.author,
                    "date": commit.date,
                    "subject": commit.subject,
                    "files": data["files"],
                    "summary": data["summary"],
                },
                ensure_ascii=False,
            )
        )
        return
    header = f"commit {commit.id[:10]} · {commit.date[:10]} · {commit.author}\n    {commit.subject}\n"
    if shallow_cut:
        header += f"    {SHALLOW_CUT}\n"
    header = printable(header)  # a commit subject must not restyle the terminal (colour codes pass below)
    sys.stdout.write(("\x1b[33m" + header + "\x1b[0m" if options.color else header) + "\n")
    sys.stdout.write(render(diff, options) + "\n")


def _places(repo: Repository, args: argparse.Namespace, paths: list[str]) -> tuple[tuple[str, str | None], ...]:
    """``(path from the repository's top, anchor or None)`` for each ``PATH[#anchor]`` after ``--``;
    paths are typed relative to the current (or -C) folder, as for ``git log``."""
    if not paths:
        return ()
    split = [text.partition("#") for text in paths]
    relative = repo.pathspecs(relative_to_repository(args, [path for path, _, _ in split]))
    return tuple((path.rstrip("/"), anchor or None) for path, (_, _, anchor) in zip(relative, split))
