"""Print the real clause changes of a labelled set, read from local clones, with their labels.

    python benchmarks/show_case.py [--data FILE] --clones DIR [--corpora DIR] [--check] [ID ...]

The labelled set (default ``benchmarks/data/semantics_real.jsonl``, described in
``benchmarks/semantics_real_guide.md``) holds pointers, never text: a repository,
a commit, a path and an inclusive 1-based line range for each side of the change.
This script reads those lines back so a reviewer can see what was labelled:

- a GitHub repository ``owner/name`` is read from ``CLONES/name`` with ``git show``
  (clone it there first, e.g. ``git clone https://github.com/semver/semver CLONES/semver``);
- ``corpus:NAME`` is read from ``CORPORA/NAME/<commit folder>/<path>``.

With ``--check`` it prints nothing but the cases whose pointers cannot be read
(missing clone, unknown commit, line range past the end of the file) and exits 1
if there are any. Without IDs it shows every case.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path(__file__).resolve().parent / "data" / "semantics_real.jsonl"


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ids", nargs="*", help="case ids to show (default: all)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--clones", type=Path, required=True, help="folder holding one clone per repository, by name")
    parser.add_argument("--corpora", type=Path, help="folder holding the corpora (model_spec, json_schema, ...)")
    parser.add_argument("--check", action="store_true", help="only report cases whose pointers cannot be read")
    args = parser.parse_args()
    cases = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = set(args.ids)
    unreadable = 0
    for case in cases:
        if wanted and case["id"] not in wanted:
            continue
        try:
            old, new = (clause(case, side, args.clones, args.corpora) for side in ("old", "new"))
        except LookupError as error:
            unreadable += 1
            print(f"{case['id']}: cannot read ({error})")
            continue
        if args.check:
            continue
        print(f"=== {case['id']}  {case['repo']}  class={case['class']}  rule {case['old_rule']}->{case['new_rule']}")
        print(f"    {case['direction']} · {case['severity']}{' · debatable' if case['debatable'] else ''} · {case['note']}")
        print("--- old:", "(absent)" if old is None else "\n" + old)
        print("+++ new:", "(absent)" if new is None else "\n" + new)
        print()
    return 1 if unreadable else 0


if __name__ == "__main__":
    sys.exit(main())
