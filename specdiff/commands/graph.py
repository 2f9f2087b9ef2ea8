"""``specdiff graph``: export the dependency graph (DOT, GraphML or JSON)."""

from __future__ import annotations

import argparse
import sys

from specdiff.commands import add_repository_option, print_warnings


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    parser: argparse.ArgumentParser = commands.add_parser(
        "graph",
        help="export the dependency graph (dot, graphml, json)",
        description="Print the dependency graph of the spec, its artifacts and its evals: DOT for Graphviz "
        "(`specdiff graph | dot -Tsvg > graph.svg`), GraphML, or networkx node-link JSON.",
    )
    add_repository_option(parser)
    parser.add_argument("--rev", metavar="REV", help="the revision to read (default: the working tree)")
    parser.add_argument("--format", choices=("dot", "graphml", "json"), default="dot", help="output format (default: dot)")
    return parser


def run(args: argparse.Namespace, paths: list[str]) -> int:
    from specdiff.graph import export
    from specdiff.workspace import graph_of

    graph, warnings = graph_of(args.repository, args.rev)
    # Every dangling reference, each once: missing sections are also dashed nodes in the output.
    print_warnings(warnings + [f"{d.where}: {d.target} does not exist ({d.reason})" for d in graph.dangling])
    sys.stdout.write(export(graph, args.format))
    return 0
