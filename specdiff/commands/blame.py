"""``specdiff blame PATH[#anchor]``: for each clause, the commit that last changed its meaning and the one that introduced it."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from specdiff.commands import SHALLOW_CUT, add_repository_option, relative_to_repository

if TYPE_CHECKING:
    from specdiff.history import Blame
    from specdiff.repo import LoggedCommit


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    parser: argparse.ArgumentParser = commands.add_parser(
        "blame",
        help="when each clause of a section got its meaning, and where it came from",
        description="For each clause of a spec file, or of one section (PATH#anchor) and its subsections: the "
        "commit that last changed its meaning and the commit that introduced it, followed through moves, "
        "splits, merges and file renames. Editorial changes (typos, punctuation, re-wrapping) do not "
        "count unless --all-changes.",
    )
    parser.add_argument("target", metavar="PATH[#anchor]", help="a spec file, or a section of it")
    add_repository_option(parser)
    parser.add_argument("--rev", default="HEAD", metavar="REV", help="the revision whose clauses to explain (default: HEAD)")
    parser.add_argument("--all-changes", action="store_true", help="count editorial changes too")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    return parser


def run(args: argparse.Namespace, paths: list[str]) -> int:
    from specdiff.config import repository_config
    from specdiff.history import blame
    from specdiff.repo import Repository

    path, _, anchor = args.target.partition("#")
    with Repository(args.repository) as repo:  # opened once for the path, the shallow cut, the settings and the history
        (relative,) = repo.pathspecs(relative_to_repository(args, [path]))
        cut = repo.shallow_boundaries()
        commit = repo.commit_of(args.rev)
        config = repository_config(repo, commit)  # the settings of the revision explained
        blames = blame(repo, config, relative, anchor or None, tip=commit, all_changes=args.all_changes)
    if args.format == "json":
        print(json.dumps([_as_data(b) for b in blames], indent=2, ensure_ascii=False))
        return 0
    section = None
    for entry in blames:
        if entry.clause.section != section:
            section = entry.clause.section
            print(f"§ {entry.clause.heading or '(top of file)'}  {relative}#{section}")
        changed, introduced = entry.last_changed, entry.introduced
        when = f"{changed.id[:8]} {changed.date[:10]}" if changed else "?"
        text = " ".join(entry.clause.normalized.split())
        print(f"  L{entry.clause.lines[0]:<5} {when}  {text[:80] + (' …' if len(text) > 80 else '')}")
        if changed:
            print(f"         last changed: {changed.subject}")
            if changed.id in cut:
                print(f"         {SHALLOW_CUT}")
        if introduced and (not changed or introduced.id != changed.id):
            print(f"         introduced:   {introduced.id[:8]} {introduced.date[:10]} {introduced.subject}")
    return 0


def _as_data(entry: Blame) -> dict[str, Any]:
    def commit(c: LoggedCommit | None) -> dict[str, str] | None:
        return None if c is None else {"commit": c.id, "date": c.date, "author": c.author, "subject": c.subject}

    clause = entry.clause
    return {
        "path": clause.path,
        "section": clause.section,
        "lines": list(clause.lines),
        "text": clause.text,
        "fingerprint": clause.fingerprint,
        "last_changed": commit(entry.last_changed),
        "introduced": commit(entry.introduced),
    }
