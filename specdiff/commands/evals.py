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
from specdiff.render.words import counted

if TYPE_CHECKING:
    from specdiff.evals.draft import DraftCase
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
    draft = actions.add_parser(
        "draft",
        help="draft eval cases for amendments that add or strengthen a rule, or that no eval reaches",
        description="For each amendment that adds or strengthens a rule, or changes one no eval reaches, draft "
        "an eval case and an edge case in the repository's own format (OpenSpec scenario, Model Spec "
        "examples file, JSON Lines record), tied to the clause. Prints a patch for `git apply`, or writes "
        "the changed files under --stage DIR; nothing in the repository is overwritten. With a model "
        "configured ([llm] and OPENAI_API_KEY, as for --explain) the drafts are written by it; else skeletons.",
    )
    add_revisions_argument(draft)
    add_repository_option(draft)
    draft.add_argument("--stage", metavar="DIR", help="write each changed file under DIR instead of printing a patch")
    draft.add_argument("--offline", action="store_true", help="skeletons only, even with a model configured")
    return parser


def run(args: argparse.Namespace, paths: list[str]) -> int:
    return _select(args, paths) if args.action == "select" else _draft(args, paths)


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
        left_out = counted(selection.other, "other affected eval node")
        print(f"specdiff: note: {left_out} left out, not {args.runner} cases", file=sys.stderr)
    if args.filtered_config and selection.configs:
        if len(selection.configs) > 1:
            names = ", ".join(sorted(selection.configs))
            raise SpecdiffError(f"several promptfoo configs are affected ({names}); --filtered-config writes one")
        write_text_atomically(Path(args.filtered_config), next(iter(selection.configs.values())))
    for item in selection.items:
        print(item)
    return 0


def _draft(args: argparse.Namespace, paths: list[str]) -> int:
    from functools import cache

    from specdiff.atomic import write_text_atomically
    from specdiff.config import repository_config
    from specdiff.diff import diff_revisions
    from specdiff.evals.draft import as_patch, draft_edits, draft_targets, skeleton
    from specdiff.parse_cache import ParseCache
    from specdiff.repo import Repository
    from specdiff.spec_files import read_spec

    request = diff_request(args, paths, explain=False)
    with Repository(args.repository) as repo:
        head = repo.resolve(list(request.revisions)).head.commit
        config = repository_config(repo, head)
        result = diff_revisions(request, config)
        print_warnings(result.warnings)
        targets = draft_targets(result.amendments)
        # Not a second workspace: the drafts need the file list, the suites' text and the documents the
        # targets are in, which the diff parsed already (the parse cache holds them, by blob).
        tracked = {f.path: f for f in repo.list_files(head) if f.size <= config.max_file_bytes}
        parse_cache = ParseCache(repo.state_dir)
        documents = {
            path: read_spec(repo, path, tracked[path].blob if path in tracked else None, config, parse_cache)
            for path in dict.fromkeys(t.clause.path for t in targets)
        }
        read = cache(_reader(repo, head))
        written: dict[str, DraftCase] = {}
        if config.llm.enabled and not args.offline and targets:
            from specdiff.evals.draft_model import ask_for_drafts

            written, model_warnings = ask_for_drafts(targets, config.llm, result.state_dir)
            print_warnings(model_warnings)
        drafts = [(t, written.get(t.case_id) or skeleton(t)) for t in targets]
        declared = {o.path for o in config.evals}
        suites = sorted(p for p in tracked if p.endswith(".jsonl") and (p in declared or "/evals/" in f"/{p}"))
        edits = draft_edits(drafts, documents, set(tracked), read, suites)
    by_model = sum(1 for t in targets if t.case_id in written)
    if args.stage:
        stage = Path(args.stage)
        taken = [e.path for e in edits if (stage / e.path).exists()]
        if taken:
            raise SpecdiffError(f"{stage / taken[0]} exists already; drafts never overwrite (choose another --stage)")
        for edit in edits:
            (stage / edit.path).parent.mkdir(parents=True, exist_ok=True)
            write_text_atomically(stage / edit.path, edit.new)
    else:
        sys.stdout.write(as_patch(edits))
    skeletons = len(targets) - by_model
    print(f"specdiff: {counted(len(targets), 'draft')}, {by_model} by a model, {counted(skeletons, 'skeleton')}", file=sys.stderr)
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
