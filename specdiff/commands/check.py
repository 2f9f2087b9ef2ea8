"""``specdiff check``: the outputs made stale since they were stamped, and what changed."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from specdiff.commands import add_repository_option, print_warnings
from specdiff.nodes import node_name
from specdiff.render.words import shorten

if TYPE_CHECKING:
    from specdiff.check import CheckResult


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    parser: argparse.ArgumentParser = commands.add_parser(
        "check",
        help="outputs stale since they were stamped",
        description="Compare specdiff.lock with the spec in the working tree (or at --rev): list each output "
        "whose spec clauses changed since it was stamped, what changed, and the commit that changed it.",
    )
    add_repository_option(parser)
    parser.add_argument("--rev", metavar="REV", help="the revision to check (default: the working tree)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.add_argument("--fail-on", choices=("stale",), metavar="stale", help="exit 1 if any output is stale")
    return parser


def run(args: argparse.Namespace, paths: list[str]) -> int:
    from specdiff.check import check

    result = check(args.repository, args.rev)
    print_warnings(result.warnings)
    print(json.dumps(_as_data(result), indent=2, ensure_ascii=False) if args.format == "json" else _as_text(result))
    return 1 if args.fail_on == "stale" and (result.stale or result.unstamped) else 0


def _as_data(result: CheckResult) -> dict[str, Any]:
    return {
        "stale": [
            {
                "output": s.output,
                "stamped": s.stamped,
                "changes": [
                    {
                        "section": c.section,
                        "commit": c.commit.id if c.commit else None,
                        "subject": c.commit.subject if c.commit else None,
                        "added": list(c.added),
                        "removed": list(c.removed),
                    }
                    for c in s.changes
                ],
            }
            for s in result.stale
        ],
        "unstamped": result.unstamped,
        "gone": result.gone,
    }


def _as_text(result: CheckResult) -> str:
    lines = []
    for stale in result.stale:
        since = f" (stamped at {stale.stamped[:10]})" if stale.stamped else ""
        lines.append(f"{node_name(stale.output)} is stale{since}:")
        for change in stale.changes:
            by = f'{change.commit.id[:10]} "{change.commit.subject}"' if change.commit else "uncommitted edits"
            lines.append(f"  {change.section} changed in {by}")
            lines += [f"    was: {_short(text)}" for text in change.removed]
            lines += [f"    now: {_short(text)}" for text in change.added]
    if result.unstamped:
        lines.append(f"Not stamped yet ({len(result.unstamped)}): " + ", ".join(node_name(o) for o in result.unstamped))
    if result.gone:
        lines.append("Stamped but no longer depending on the spec: " + ", ".join(node_name(o) for o in result.gone))
    if not lines:
        return "Every stamped output is up to date."
    return "\n".join(lines)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return shorten(text, 100)
