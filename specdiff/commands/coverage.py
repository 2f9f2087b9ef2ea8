"""``specdiff coverage``: the normative clauses no eval case reaches, like a test-coverage report."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from specdiff.commands import add_repository_option, print_warnings
from specdiff.render.words import shorten

if TYPE_CHECKING:
    from specdiff.graph import CoverageRow, SpecGraph


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    parser: argparse.ArgumentParser = commands.add_parser(
        "coverage",
        help="normative clauses no eval case reaches",
        description="For each section, count the clauses that state an obligation or prohibition and those "
        "that some eval case depends on (directly, or through its section or a cross-reference).",
    )
    add_repository_option(parser)
    parser.add_argument("--rev", metavar="REV", help="the revision to read (default: the working tree)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.add_argument("--show-uncovered", action="store_true", help="text: list each uncovered clause")
    return parser


def run(args: argparse.Namespace, paths: list[str]) -> int:
    from specdiff.workspace import graph_of

    graph, warnings = graph_of(args.repository, args.rev)
    print_warnings(warnings)
    rows = graph.coverage()
    if args.format == "json":
        data = _as_data(rows, graph)
        data["dangling"] = [{"where": d.where, "target": d.target, "reason": d.reason} for d in graph.dangling]
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(_as_text(rows, graph, args.show_uncovered) + _dangling_text(graph))
    return 0


MAX_DANGLING_SHOWN = 20


def _dangling_text(graph: SpecGraph) -> str:
    """Every reference to a section or requirement that does not exist (a diff shows only those it introduced)."""
    if not graph.dangling:
        return ""
    lines = ["", f"Dangling references ({len(graph.dangling)}):"]
    lines += [f"  {d.where}  {d.target} does not exist ({d.reason})" for d in graph.dangling[:MAX_DANGLING_SHOWN]]
    if len(graph.dangling) > MAX_DANGLING_SHOWN:
        lines.append(f"  … and {len(graph.dangling) - MAX_DANGLING_SHOWN} more (--format json lists them all)")
    return "\n".join(lines)


def _totals(rows: list[CoverageRow]) -> tuple[int, int]:
    return sum(r.normative for r in rows), sum(r.covered for r in rows)


def _as_data(rows: list[CoverageRow], graph: SpecGraph) -> dict[str, Any]:
    normative, covered = _totals(rows)
    return {
        "sections": [
            {
                "path": r.path,
                "section": r.section,
                "heading": r.heading,
                "normative": r.normative,
                "covered": r.covered,
                "uncovered": [{"node": n, "text": graph.clause(n).text} for n in r.uncovered],
            }
            for r in rows
        ],
        "total": {"normative": normative, "covered": covered, "share": round(covered / normative, 4) if normative else None},
    }


def _as_text(rows: list[CoverageRow], graph: SpecGraph, show_uncovered: bool) -> str:
    if not rows:
        return "No normative clauses found (none states an obligation or prohibition)."
    width = max(len(f"{r.path}#{r.section}") for r in rows)
    lines = [f"{'section':<{width}}  {'rules':>5}  {'covered':>7}  {'share':>5}"]
    for r in rows:
        lines.append(
            f"{(r.path + '#' + r.section)[:width]:<{width}}  {r.normative:>5}  {r.covered:>7}  {r.covered / r.normative:>5.0%}"
        )
        if show_uncovered:
            for node in r.uncovered:
                lines.append(f"    not covered: {shorten(graph.clause(node).text, 90)}")
    normative, covered = _totals(rows)
    lines.append(f"{'total':<{width}}  {normative:>5}  {covered:>7}  {covered / normative:>5.0%}")
    return "\n".join(lines)
