"""``specdiff changelog A B``: a draft of release notes between two revisions, in Markdown."""

from __future__ import annotations

import argparse
import sys

from specdiff.commands import add_repository_option, diff_request, print_warnings


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    parser: argparse.ArgumentParser = commands.add_parser(
        "changelog",
        help="a draft of release notes between two revisions (Markdown)",
        description="Draft release notes for the spec between two revisions: breaking changes, then what was "
        "added, changed and removed, by section. With a language model configured (--explain or an [llm] "
        "table), a short prose summary goes on top.",
    )
    parser.add_argument("revisions", nargs="+", metavar="REV", help="A B, or A..B, or A...B")
    add_repository_option(parser)
    parser.add_argument(
        "--explain", action=argparse.BooleanOptionalAction, default=None, help="add a prose summary from a language model"
    )
    return parser


def run(args: argparse.Namespace, paths: list[str]) -> int:
    from specdiff.config import repository_config
    from specdiff.diff import diff_revisions
    from specdiff.render.changelog import release_notes
    from specdiff.repo import Repository

    result = diff_revisions(diff_request(args, paths, explain=False))
    with Repository(args.repository) as repo:
        settings = repository_config(repo).llm  # under --config-from, the trusted revision's model endpoint
    summary: str | None = None
    warnings: list[str] = []
    if (args.explain if args.explain is not None else settings.enabled) and result.amendments:
        from specdiff.llm import summarize

        summary, warnings = summarize(result, settings)
    print_warnings(result.warnings + warnings)
    sys.stdout.write(release_notes(result, summary))
    return 0
