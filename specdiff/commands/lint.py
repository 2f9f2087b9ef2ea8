"""``specdiff lint [REVS] [-- PATH...]``: ambiguity and consistency checks on what a change introduced."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from specdiff.commands import add_repository_option, add_revisions_argument, print_warnings

FAIL_ON = ("info", "warning", "error", "never")


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    parser: argparse.ArgumentParser = commands.add_parser(
        "lint",
        help="vague, contradictory, duplicated or untested rules a change introduces",
        description="Check the clauses the amendments between two revisions wrote (revisions read as for "
        "`specdiff diff`; default HEAD against the working tree) for vague qualifiers, RFC 2119 keyword misuse, "
        "contradictions, duplicates, untested rules and dangling references. With --all, check whole files. "
        "By default only the checks that held 0.85 precision on real specs run (KW001, KW003, REF001); choose others "
        "with --select (VAG, DUP001, TST001, ALL…) or [lint] select. Checks and examples: docs/lint.md.",
    )
    add_revisions_argument(parser)
    add_repository_option(parser)
    parser.add_argument("--all", action="store_true", help="check every clause of the spec at REV (default: the working tree)")
    parser.add_argument(
        "--select",
        metavar="IDS",
        help="comma-separated check ids or prefixes to run, or ALL (default: [lint] select, or the checks on by default)",
    )
    parser.add_argument("--ignore", metavar="IDS", help="comma-separated check ids or prefixes to skip")
    parser.add_argument("--format", choices=("text", "json", "sarif"), default="text", help="output format (default: text)")
    parser.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default="info",
        metavar="LEVEL",
        help="exit 1 if a finding is at least this severe: info (default: any finding), warning, error, or never",
    )
    parser.add_argument(
        "--model",
        action="store_true",
        help="also ask the language model of [llm] (OPENAI_API_KEY) for contradictions among each changed rule's "
        "most similar rules (CON003; cached; off by default)",
    )
    parser.add_argument("--list", action="store_true", help="list the checks and exit")
    return parser


def run(args: argparse.Namespace, paths: list[str]) -> int:
    from specdiff.lint.base import LINT_SEVERITIES
    from specdiff.lint.registry import CHECKS, OFF_BY_DEFAULT
    from specdiff.lint.report import render
    from specdiff.lint.run import LintRequest, lint

    if args.list:
        for check in CHECKS.values():
            off = " (off by default)" if check.id in OFF_BY_DEFAULT else ""
            print(f"{check.id:<7} {check.name:<24} {check.severity:<8} {check.summary}{off}")
        return 0
    result = lint(
        LintRequest(
            args.repository,
            tuple(args.revisions),
            tuple(str(Path(args.repository) / p) for p in paths),
            all_clauses=args.all,
            select=_codes(args.select),
            ignore=_codes(args.ignore),
            model=args.model,
        )
    )
    print_warnings(result.warnings)
    sys.stdout.write(render(result, args.format))
    if args.fail_on == "never":
        return 0
    floor = LINT_SEVERITIES.index(args.fail_on)
    return 1 if any(LINT_SEVERITIES.index(CHECKS[f.check].severity) >= floor for f in result.findings) else 0


def _codes(value: str | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(c.strip().upper() for c in value.split(",") if c.strip())
