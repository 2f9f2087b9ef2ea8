"""``specdiff init``: look at the repository and write a commented ``specdiff.toml``.

It detects the layout (``layouts``), lists the spec files that gives, builds
the dependency graph once to find the outputs and eval cases that depend on
them, and writes all of it down with the reasons, so the choice can be read
and edited. ``--print`` writes the file to stdout instead.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from specdiff.commands import add_repository_option, print_warnings
from specdiff.nodes import node_name, output_kind
from specdiff.render.words import counted

if TYPE_CHECKING:
    from specdiff.config import Config
    from specdiff.graph import SpecGraph

MAX_LISTED = 8
"""Spec files, outputs and evals named one by one in the file; the rest are counted."""


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    parser: argparse.ArgumentParser = commands.add_parser(
        "init",
        help="detect which files are specs and write a commented specdiff.toml",
        description="Look at the files the repository tracks, recognise its layout (Model Spec, OpenSpec, "
        "spec-kit, Kiro, IETF drafts, MDX sites, versions/*.md), and write specdiff.toml with the spec globs, "
        "the outputs and eval cases found, and why.",
    )
    add_repository_option(parser)
    parser.add_argument("--print", action="store_true", help="print the file instead of writing it")
    parser.add_argument("--force", action="store_true", help="replace an existing specdiff.toml")
    return parser


def run(args: argparse.Namespace, paths: list[str]) -> int:
    from specdiff.atomic import write_text_atomically
    from specdiff.config import detected_config, load_config
    from specdiff.errors import SpecdiffError
    from specdiff.repo import Repository
    from specdiff.workspace import graph_at

    with Repository(args.repository) as repo:
        target = repo.root / "specdiff.toml"
        if not args.print and not args.force:
            if target.exists():
                raise SpecdiffError("specdiff.toml already exists (see it with `specdiff init --print`, replace it with --force)")
            if load_config(repo.root).source == "pyproject.toml":
                raise SpecdiffError(
                    "pyproject.toml already has [tool.specdiff]; `specdiff init --print` shows what init would write"
                )
        config = detected_config((f.path for f in repo.list_files(None)), lambda: repo.removed_paths([]))
        graph, workspace, warnings = graph_at(repo, None, config)
    print_warnings(warnings)
    text = config_text(config, sorted(workspace.documents), graph)
    if args.print:
        sys.stdout.write(text)
        return 0
    write_text_atomically(target, text)  # --force replaces the user's file whole, never half-written
    print(summary(config, sorted(workspace.documents), graph, target))
    return 0


def config_text(config: Config, specs: list[str], graph: SpecGraph) -> str:
    """The commented ``specdiff.toml`` for the detected ``config``."""
    from specdiff.layouts import default_exclude

    layout = config.layout
    lines = ["# specdiff.toml, written by `specdiff init`. Edit freely: every key is optional.", "#"]
    lines += [f"# Found: {reason}." for reason in (layout.reasons if layout else ())]
    lines += [f"# That selects {counted(len(specs), 'spec file')}{':' if specs else '.'}"]
    lines += [f"#   {path}" for path in specs[:MAX_LISTED]]
    if len(specs) > MAX_LISTED:
        lines.append(f"#   … and {len(specs) - MAX_LISTED} more")
    lines += [
        "",
        "# Which files are specifications (globs from the repository root; ** spans folders).",
        _array("specs", config.specs),
    ]
    if config.exclude == default_exclude(config.specs):
        lines += [
            "# Left out by default: community files (README, CONTRIBUTING, GOVERNANCE, MAINTAINERS, SECURITY, …),",
            "# .github/ and node_modules/. Writing `exclude` replaces that list.",
        ]
    else:
        lines += [
            "# Files left out even when a spec glob matches them (this replaces the default list).",
            _array("exclude", config.exclude),
        ]
    lines += [
        "",
        *_found(graph, "artifact", "Outputs built from the spec"),
        "",
        *_found(graph, "eval", "Eval cases that test it"),
    ]
    lines += [
        "",
        "# Declare what specdiff cannot find by itself: an output and the sections it is built from.",
        "# [[artifacts]]",
        '# path = "generated/system_prompt.txt"',
        f'# from = ["{specs[0] if specs else "spec/behavior.md"}#some-section"]',
        "#",
        "# [[evals]]",
        '# path = "evals/suite.jsonl"',
        f'# from = ["{specs[0] if specs else "spec/behavior.md"}"]',
    ]
    return "\n".join(lines) + "\n"


def summary(config: Config, specs: list[str], graph: SpecGraph, target: Path) -> str:
    """What ``init`` chose and why, for the terminal."""
    layout = config.layout
    lines = [f"Wrote {target.name}: {counted(len(specs), 'spec file')}."]
    lines += [f"  {reason}" for reason in (layout.reasons if layout else ())]
    outputs = graph.outputs()
    artifacts = sum(1 for n in outputs if output_kind(n) == "artifact")
    lines.append(f"  {counted(artifacts, 'output')} and {counted(len(outputs) - artifacts, 'eval case')} depend on them.")
    lines.append("Check it with `specdiff coverage`; `specdiff HEAD~1` shows the last commit's amendments.")
    return "\n".join(lines)


def _found(graph: SpecGraph, kind: str, title: str) -> list[str]:
    """Comment lines naming the outputs of one kind the graph found, and how (markers, layouts, …)."""
    nodes = [n for n in graph.outputs() if output_kind(n) == kind]
    if not nodes:
        return [f"# {title}: none found (declare them below, or add `specdiff: <spec file>#<section>` markers)."]
    how: Counter[str] = Counter()
    for node in nodes:
        for reason in graph.reasons(node):
            how[_reason_kind(reason)] += 1
    ways = ", ".join(f"{reason} ({n})" for reason, n in how.most_common())
    lines = [f"# {title}, found without any config ({ways}):"]
    lines += [f"#   {node_name(node)}" for node in nodes[:MAX_LISTED]]
    if len(nodes) > MAX_LISTED:
        lines.append(f"#   … and {len(nodes) - MAX_LISTED} more")
    return lines


def _reason_kind(reason: str) -> str:
    """A dependency's reason without its particulars: ``footnote [^k3f9]`` → ``footnote``."""
    return reason.split(" [", 1)[0].split(" (", 1)[0].split(":", 1)[0].strip() or "found"


def _array(key: str, values: tuple[str, ...]) -> str:
    if len(values) <= 3:
        return f"{key} = [" + ", ".join(f'"{v}"' for v in values) + "]"
    return f"{key} = [\n" + "".join(f'  "{v}",\n' for v in values) + "]"

