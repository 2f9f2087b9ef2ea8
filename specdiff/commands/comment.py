"""``specdiff comment [REVS]``: the pull-request comment, printed or posted as one sticky comment."""

from __future__ import annotations

import argparse
import os
import sys

from specdiff.commands import add_repository_option, add_revisions_argument, diff_request, print_warnings
from specdiff.commands.diff import FAIL_ON_LEVELS, exit_code
from specdiff.model import SpecDiff


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    parser: argparse.ArgumentParser = commands.add_parser(
        "comment",
        help="the pull-request comment (Markdown); --post creates or updates it on GitHub",
        description="Render the amendments between two revisions as a pull-request comment. With --post, "
        "create it on the pull request, or update the one specdiff posted before (never a second one). "
        "In GitHub Actions the repository and pull request come from the environment; the token from "
        "GITHUB_TOKEN. Typical use: `specdiff comment origin/main...HEAD --post`.",
    )
    add_revisions_argument(parser)
    add_repository_option(parser)
    parser.add_argument("--post", action="store_true", help="post to the pull request instead of printing")
    parser.add_argument("--repo", metavar="OWNER/NAME", help="the GitHub repository (default: GITHUB_REPOSITORY)")
    parser.add_argument("--pr", type=int, metavar="NUMBER", help="the pull request (default: from GITHUB_EVENT_PATH)")
    parser.add_argument("--explain", action=argparse.BooleanOptionalAction, default=None, help="add a language model's summaries")
    parser.add_argument("--lint", action="store_true", help="add a Lint section: what `specdiff lint` finds on the change")
    parser.add_argument("--fail-on", choices=FAIL_ON_LEVELS, metavar="LEVEL", help="exit 1 at this severity, or 'stale'")
    return parser


def run(args: argparse.Namespace, paths: list[str]) -> int:
    from specdiff.diff import diff_revisions
    from specdiff.render.markdown import MARKER, comment_body

    result = diff_revisions(diff_request(args, paths, explain=args.explain))
    print_warnings(result.warnings)
    body = comment_body(result) if not args.lint else _with_lint(result, args)
    if not args.post:
        sys.stdout.write(body)
        return exit_code(result, args.fail_on)
    from specdiff.github import post_comment, pull_request_from

    pull_request = pull_request_from(args.repo, args.pr)
    # With nothing to say, only an existing comment is corrected; no new noise.
    outcome = post_comment(pull_request, os.environ.get("GITHUB_TOKEN", ""), body, MARKER, only_update=not result.amendments)
    print(f"specdiff: comment {outcome} on {pull_request.repository}#{pull_request.number}", file=sys.stderr)
    return exit_code(result, args.fail_on)


def _with_lint(result: SpecDiff, args: argparse.Namespace) -> str:
    """The comment with the Lint section after it, the amendments cut to leave it room."""
    from specdiff.lint.comment import lint_section
    from specdiff.lint.run import lint_diff
    from specdiff.render.markdown import MAX_BODY_CHARS, comment_body

    found = lint_diff(result, args.repository)
    print_warnings([w for w in found.warnings if w not in result.warnings])
    section = lint_section(found)
    return comment_body(result, limit=MAX_BODY_CHARS - len(section) - 1) + "\n" + section
