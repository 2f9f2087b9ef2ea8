"""Print the real clause changes of a labelled set, read from local clones, with their labels.

    python benchmarks/show_case.py [--data FILE] --clones DIR [--corpora DIR] [--check | --blind] [ID ...]

The labelled set (default ``benchmarks/data/semantics_real.jsonl``, described in
``benchmarks/semantics_real_guide.md``) holds pointers, never text: a repository,
a commit, a path and an inclusive 1-based line range for each side of the change.
This script reads those lines back so a reviewer can see what was labelled:

- a GitHub repository ``owner/name`` is read from ``CLONES/name`` with ``git show``
  (clone it there first, e.g. ``git clone https://github.com/semver/semver CLONES/semver``);
- ``corpus:NAME`` is read from ``CORPORA/NAME/<commit folder>/<path>``
  (``--corpora``, default ``/work/shared/corpora`` as in ``semantics_real.py``).

With ``--check`` it prints nothing but the cases whose pointers cannot be read
(missing clone, unknown commit, line range past the end of the file) and exits 1
if there are any. Without IDs it shows every case; with IDs, in the order given.

With ``--blind`` it prints, for a second labeller, each side's text with the
context a reader needs to judge it (the path, the section heading above the
clause, the lead-in above a list item, the header of a table row) and nothing
else: no class, no labels, no note. That is how the set's labels were audited
(the "Second labelling" section of the guide).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path(__file__).resolve().parent / "data" / "semantics_real.jsonl"
DEFAULT_CORPORA = Path("/work/shared/corpora")

HEADING = re.compile(r"^ {0,3}#{1,6}(\s|$)")
FENCE = re.compile(r"^ *(```|~~~)")
TABLE_SEPARATOR = re.compile(r"^ *\|? *:?-{3,}:? *(\| *:?-{3,}:? *)+\|? *$")
LIST_ITEM = re.compile(r"^( *)([-*+]|\d+[.)])\s")


def file_text(repo: str, commit: str, path: str, clones: Path, corpora: Path | None) -> str:
    """The whole file ``path`` at ``commit`` of ``repo``; raises ``LookupError`` if it cannot be read."""
    if repo.startswith("corpus:"):
        if corpora is None:
            raise LookupError("corpus case but no --corpora given")
        target = corpora / repo.removeprefix("corpus:") / commit / path
        if not target.is_file():
            raise LookupError(f"no file {target}")
        return target.read_text(encoding="utf-8")
    clone = clones / repo.split("/", 1)[1]
    shown = subprocess.run(["git", "-C", str(clone), "show", f"{commit}:{path}"], capture_output=True, text=True)
    if shown.returncode != 0:
        raise LookupError(f"git show {commit[:10]}:{path} failed in {clone}")
    return shown.stdout


def clause(case: dict[str, Any], side: str, clones: Path, corpora: Path | None) -> str | None:
    """The text of one side of a case (``None`` when that side is absent: an added or removed clause)."""
    pointer = case[side]
    if pointer is None:
        return None
    lines = file_text(case["repo"], pointer["commit"], pointer["path"], clones, corpora).split("\n")
    first, last = pointer["lines"]
    if not 1 <= first <= last <= len(lines):
        raise LookupError(f"{side} lines {first}-{last} outside a {len(lines)}-line file")
    return "\n".join(lines[first - 1 : last])


@dataclass
class Context:
    """What surrounds a clause in its file: enough for a blind reader, and no label."""

    heading: str | None
    lead_in: str | None
    table_header: str | None


def indent(line: str) -> int:
    """The number of leading spaces (a tab counts as four, as Markdown reads it)."""
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def fenced_lines(lines: list[str]) -> set[int]:
    """Indexes (0-based) of lines inside or on a fenced code block, where a ``#`` is not a heading."""
    inside, opener, fenced = False, "", set()
    for index, line in enumerate(lines):
        match = FENCE.match(line)
        if match and (not inside or match.group(1) == opener):
            fenced.add(index)
            inside, opener = not inside, match.group(1)
        elif inside:
            fenced.add(index)
    return fenced


def paragraph_from(lines: list[str], index: int, fenced: set[int]) -> str:
    """The paragraph (or list item) holding line ``index``: back to a blank line, a heading or the item's marker."""
    start = index
    while start > 0 and not LIST_ITEM.match(lines[start]):
        above = lines[start - 1]
        if not above.strip() or (start - 1 not in fenced and HEADING.match(above)):
            break
        start -= 1
    end = index
    while end + 1 < len(lines) and lines[end + 1].strip() and not LIST_ITEM.match(lines[end + 1]):
        end += 1
    return "\n".join(lines[start : end + 1])


def lead_in(lines: list[str], first: int, fenced: set[int]) -> str | None:
    """The sentence introducing the list that the item at ``first`` belongs to (its parent item when nested).

    Walks up over sibling items and their continuation lines to the first line
    less indented than the item (or as indented but not an item); stops at a
    heading, where a list has no lead-in.
    """
    own = indent(lines[first])
    index = first - 1
    while index >= 0:
        line = lines[index]
        if index not in fenced and HEADING.match(line):
            return None
        if line.strip() and index not in fenced:
            depth = indent(line)
            if depth < own or (depth == own and not LIST_ITEM.match(line)):
                return paragraph_from(lines, index, fenced)
        index -= 1
    return None


def context(text: str, first: int) -> Context:
    """The heading, list lead-in and table header around the clause whose first line is ``first`` (1-based)."""
    lines = text.split("\n")
    fenced = fenced_lines(lines)
    start = first - 1
    heading = next((lines[i].strip() for i in range(start - 1, -1, -1) if i not in fenced and HEADING.match(lines[i])), None)
    item = lead_in(lines, start, fenced) if LIST_ITEM.match(lines[start]) and start not in fenced else None
    return Context(heading, item, table_header(lines, start))


def table_header(lines: list[str], row: int) -> str | None:
    """The header row of the table holding line ``row``: the line above its ``---|---`` separator.

    Old-style tables whose rows do not start with ``|`` count too, so the test
    is a run of lines holding ``|`` that contains a separator row.
    """
    if "|" not in lines[row]:
        return None
    top = row
    while top > 0 and "|" in lines[top - 1]:
        top -= 1
        if TABLE_SEPARATOR.match(lines[top]):
            return lines[top - 1] if top > 0 and top - 1 != row else None
    return None


def show_blind(case: dict[str, Any], clones: Path, corpora: Path | None) -> None:
    """Print one case's two sides with their context and no label, for a blind second labelling."""
    print(f"=== {case['id']}  {case['repo']}")
    for side, mark in (("old", "---"), ("new", "+++")):
        pointer = case[side]
        if pointer is None:
            print(f"{mark} {side}: (absent)")
            continue
        text = file_text(case["repo"], pointer["commit"], pointer["path"], clones, corpora)
        around = context(text, pointer["lines"][0])
        print(f"{mark} {side}: {pointer['path']} lines {pointer['lines'][0]}-{pointer['lines'][1]}")
        print(f"    section: {around.heading or '(none above)'}")
        if around.lead_in:
            print("    lead-in: " + around.lead_in.replace("\n", "\n             "))
        if around.table_header:
            print(f"    table header: {around.table_header}")
        print("    clause:")
        print(clause(case, side, clones, corpora))
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ids", nargs="*", help="case ids to show (default: all)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--clones", type=Path, required=True, help="folder holding one clone per repository, by name")
    parser.add_argument(
        "--corpora", type=Path, default=DEFAULT_CORPORA, help=f"folder holding the corpora (default {DEFAULT_CORPORA})"
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="only report cases whose pointers cannot be read")
    mode.add_argument("--blind", action="store_true", help="texts and their context only, no labels (second labelling)")
    args = parser.parse_args()
    cases = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_id = {case["id"]: case for case in cases}
    unknown = [wanted for wanted in args.ids if wanted not in by_id]
    if unknown:
        print(f"show_case: no case {', '.join(unknown)} in {args.data}", file=sys.stderr)
        return 2
    unreadable = 0
    for case in [by_id[wanted] for wanted in args.ids] if args.ids else cases:
        try:
            old, new = (clause(case, side, args.clones, args.corpora) for side in ("old", "new"))
        except LookupError as error:
            unreadable += 1
            print(f"{case['id']}: cannot read ({error})")
            continue
        if args.check:
            continue
        if args.blind:
            show_blind(case, args.clones, args.corpora)
            continue
        print(f"=== {case['id']}  {case['repo']}  class={case['class']}  rule {case['old_rule']}->{case['new_rule']}")
        print(f"    {case['direction']} · {case['severity']}{' · debatable' if case['debatable'] else ''} · {case['note']}")
        print("--- old:", "(absent)" if old is None else "\n" + old)
        print("+++ new:", "(absent)" if new is None else "\n" + new)
        print()
    return 1 if unreadable else 0


if __name__ == "__main__":
    sys.exit(main())
