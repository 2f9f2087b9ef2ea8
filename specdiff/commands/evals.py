"""``specdiff evals select|draft [REVS] [-- PATH...]``: the eval cases a change reaches, for a runner; drafts of missing ones.

``select`` prints what to run (nothing at all when no case is affected, so CI
can skip the step); see :mod:`specdiff.evals.select` for each runner's form.
``draft`` writes draft cases for amendments no eval covers; see
:mod:`specdiff.evals.draft`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from specdiff.commands import add_repository_option, add_revisions_argument, diff_request, print_warnings
from specdiff.errors import SpecdiffError
from specdiff.evals import RUNNERS

if TYPE_CHECKING:
    from specdiff.evals.select import Read
    from specdiff.repo import Repository


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    parser: argparse.ArgumentParser = commands.add_parser(
        "evals",
        help="the eval cases a change reaches, for your runner; drafts of missing ones",
        description="Hand the eval cases a change reaches to an eval runner, or draft cases for the "
        "amendments no eval reaches. Revisions are read as for `specdiff diff`.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    select = actions.add_parser(
        "select",
        help="the affected eval cases, in the form a runner takes",
        description="Print the eval cases the amendments reach, in the form RUNNER takes: jsonl (the cases' "
        "records), promptfoo (a --filter-pattern expression), pytest (node ids), inspect (FILE --sample-id IDS). "
        "Prints nothing and exits 0 when no case is affected.",
    )
    add_revisions_argument(select)
    add_repository_option(select)
    select.add_argument("--runner", choices=RUNNERS, required=True, help="the eval runner to select for")
    select.add_argument(
        "--filtered-config",
        metavar="FILE",
        help="promptfoo: also write a copy of the affected config with only the affected tests to FILE "
        "(relative paths in it are read from FILE's folder, so keep it beside the original)",
    )
    return parser


def run(args: argparse.Namespace, paths: list[str]) -> int:
    return _select(args, paths)


def _select(args: argparse.Namespace, paths: list[str]) -> int:
    from specdiff.atomic import write_text_atomically
    from specdiff.diff import diff_revisions
    from specdiff.evals.select import affected_evals, select
    from specdiff.repo import Repository

    if args.filtered_config and args.runner != "promptfoo":
        raise SpecdiffError("--filtered-config is for --runner promptfoo")
    result = diff_revisions(diff_request(args, paths, explain=False))
    print_warnings(result.warnings)
    with Repository(args.repository) as repo:
        selection = select(args.runner, affected_evals(result.outputs), _reader(repo, result.head.commit))
    print_warnings(selection.warnings)
    if selection.other:
        print(f"specdiff: note: {selection.other} other affected eval node(s) are not {args.runner} cases", file=sys.stderr)
    if args.filtered_config and selection.configs:
        if len(selection.configs) > 1:
            names = ", ".join(sorted(selection.configs))
            raise SpecdiffError(f"several promptfoo configs are affected ({names}); --filtered-config writes one")
        write_text_atomically(Path(args.filtered_config), next(iter(selection.configs.values())))
    for item in selection.items:
        print(item)
    return 0


def _reader(repo: Repository, commit: str | None) -> Read:
    """Read files at the diff's head side (``None``: the working tree)."""
    from specdiff.parse import decode

    def read(path: str) -> str | None:
        try:
            return decode(repo.read(commit, path), path)
        except SpecdiffError:  # missing, or binary: nothing to select from it
            return None

    return read
