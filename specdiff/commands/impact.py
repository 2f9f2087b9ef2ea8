"""``specdiff impact [REVS] [-- PATH...]``: the outputs and eval cases a change reaches, and why."""

from __future__ import annotations

import argparse
import json
from typing import Any

from specdiff.commands import add_repository_option, add_revisions_argument, diff_request, print_warnings
from specdiff.model import Amendment, SpecDiff
from specdiff.nodes import Node, node_name, output_kind
from specdiff.render.words import counted, shorten


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    parser: argparse.ArgumentParser = commands.add_parser(
        "impact",
        help="artifacts and eval cases a change reaches, and why",
        description="List every artifact and eval case the amendments between two revisions reach, "
        "each with the amendments that reach it and the chain of dependencies that explains why. "
        "Revisions are read as for `specdiff diff`.",
    )
    add_revisions_argument(parser)
    add_repository_option(parser)
    parser.add_argument(
        "--evals", action="store_true", help="print only the eval cases to re-run, one per line (JSONL with --format json)"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    return parser


def run(args: argparse.Namespace, paths: list[str]) -> int:
    from specdiff.diff import diff_revisions

    result = diff_revisions(diff_request(args, paths, explain=False))
    print_warnings(result.warnings)
    if args.evals:
        for line in _eval_lines(result, as_json=args.format == "json"):
            print(line)
    elif args.format == "json":
        print(json.dumps(_as_data(result), indent=2, ensure_ascii=False))
    else:
        print(_as_text(result))
    return 0


def _eval_lines(result: SpecDiff, *, as_json: bool) -> list[str]:
    lines = []
    for node, amendments in result.outputs.items():
        if output_kind(node) != "eval":
            continue
        name = node_name(node)
        if as_json:
            parsed = Node.parse(node)
            record = {"eval": name, "path": parsed.path, "case": parsed.case, "amendments": [a.id for a in amendments]}
            lines.append(json.dumps(record, ensure_ascii=False))
        else:
            lines.append(name)
    return lines


def _as_data(result: SpecDiff) -> dict[str, Any]:
    outputs = []
    for node, amendments in result.outputs.items():
        reached = []
        for amendment in amendments:
            why = next(i.why for i in amendment.impact if i.node == node)
            reached.append({"id": amendment.id, "kind": amendment.kind, "severity": amendment.severity, "why": list(why)})
        outputs.append({"node": node, "kind": output_kind(node), "amendments": reached})
    return {"base": result.base.commit, "head": result.head.commit, "outputs": outputs}


def _as_text(result: SpecDiff) -> str:
    if not result.outputs:
        return "No artifact or eval depends on what changed."
    lines = []
    for node, amendments in result.outputs.items():
        kind, name = output_kind(node), node_name(node)
        lines.append(f"{name}  ({kind}, {counted(len(amendments), 'amendment')})")
        for amendment in amendments:
            item = (amendment.new or amendment.old)[0]
            lines.append(f"  ← {amendment.kind} · {amendment.severity} · {item.path} L{item.lines[0]}: {_snippet(amendment)}")
            why = next(i.why for i in amendment.impact if i.node == node)
            lines += [f"      {step}" for step in why]
    return "\n".join(lines)


def _snippet(amendment: Amendment) -> str:
    gone = not amendment.new  # a removed clause: show what it said
    text = " ".join(piece for tag, piece in amendment.word_diff if (tag == "delete") == gone or tag == "equal")
    text = " ".join(text.split())
    return shorten(text, 70)
