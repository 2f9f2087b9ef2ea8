"""Print the lint findings of a labelled set with the text around them, read from local clones, without their labels.

    python benchmarks/show_finding.py --repo model_spec=/path/to/model_spec --repo mcp=/path/to/modelcontextprotocol ...
        [--data benchmarks/data/lint_real.jsonl] [--around N] [N ...]

The set (``benchmarks/data/lint_real.jsonl``, or a ``--candidates`` file of
``benchmarks/lint.py``) holds pointers, never text: a repository name, a mode
(``all`` or ``diff``), a commit, a check id, a path and the finding's first line.
For a blind labelling (``benchmarks/lint_real_guide.md``) this script shows what a
reviewer needs to judge each finding and nothing else: never a ``label`` or
``note`` field.

For each run (repository, mode, commit) it reruns ``specdiff lint`` once, as
``benchmarks/lint.py`` does (``--all COMMIT``, or ``COMMIT~1 COMMIT``), on a
temporary clone of the repository (specdiff keeps caches in ``.git``, so the
clone given is never written to). That gives the finding's message, its line
range and, for DUP and CON, the other rule it names. A pointer the tool no
longer reports is shown from its stored line, marked "not reported now".

Each finding prints as: its number in the file (1-based line, the id to label it
by), the pointer, the message, the section heading, the list lead-in or table
header, the clause's lines marked ``>`` among ``--around`` lines either side
(default 3), and the other rule's heading and paragraph. Numbers given on the
command line select findings; without them, every finding is shown.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import private_clone  # noqa: E402
from show_case import context, fenced_lines, paragraph_from, table_header  # noqa: E402

from specdiff.cli import main as specdiff_main  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parent / "data" / "lint_real.jsonl"

Run = tuple[str, str, str]


def lint_run(clone: Path, mode: str, commit: str) -> list[dict[str, Any]]:
    """The findings ``specdiff lint`` reports for one run, as ``benchmarks/lint.py`` asks for them."""
    revs = ["--all", commit] if mode == "all" else [f"{commit}~1", commit]
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = specdiff_main(["lint", "-C", str(clone), *revs, "--format", "json", "--fail-on", "never", "--select", "ALL"])
    if code != 0:
        raise SystemExit(f"show_finding: specdiff lint {' '.join(revs)} failed in {clone} (exit {code})")
    findings: list[dict[str, Any]] = json.loads(out.getvalue())["findings"]
    return findings


def file_lines(clone: Path, commit: str, path: str) -> list[str]:
    """The lines of ``path`` at ``commit``; empty when the file is not there."""
    shown = subprocess.run(["git", "-C", str(clone), "show", f"{commit}:{path}"], capture_output=True, text=True)
    return shown.stdout.split("\n") if shown.returncode == 0 else []


def same_finding(pointer: dict[str, Any], finding: dict[str, Any]) -> bool:
    """Whether a reported finding is the one a pointer names (check, path, first line: as ``benchmarks/lint.py`` scores)."""
    return finding["check"] == pointer["check"] and finding["path"] == pointer["path"] and finding["lines"][0] == pointer["line"]


def clause_range(lines: list[str], first: int, reported: dict[str, Any] | None) -> tuple[int, int]:
    """The finding's 1-based inclusive line range: as reported, or else the table row or paragraph at its first line."""
    if reported is not None:
        return reported["lines"][0], reported["lines"][-1]
    if table_header(lines, first - 1) is not None:
        return first, first  # a table row is a clause of its own, not the whole table
    paragraph = paragraph_from(lines, first - 1, fenced_lines(lines)).split("\n")
    start = next((i + 1 for i in range(first - 1, -1, -1) if lines[i] == paragraph[0]), first)
    return start, start + len(paragraph) - 1


def show_place(lines: list[str], first: int, last: int, around: int, label: str) -> None:
    """Print a place in a file: its heading, lead-in, table header, and its lines among their neighbours."""
    if not lines:
        print(f"    {label}: (file not found at this commit)")
        return
    text = "\n".join(lines)
    where = context(text, first)
    print(f"    {label} section: {where.heading or '(none above)'}")
    if where.lead_in:
        print("    lead-in: " + where.lead_in.replace("\n", "\n             "))
    if where.table_header:
        print(f"    table header: {where.table_header}")
    for number in range(max(1, first - around), min(len(lines), last + around) + 1):
        mark = ">" if first <= number <= last else " "
        print(f"  {mark}{number:>5} {lines[number - 1]}")


def show(number: int, pointer: dict[str, Any], clone: Path, findings: list[dict[str, Any]], around: int) -> None:
    """Print one finding for a blind labeller: no label, no note."""
    matches = [f for f in findings if same_finding(pointer, f)]
    reported = next((f for f in matches if f["evidence"][:120] == pointer["evidence"]), matches[0] if matches else None)
    print(
        f"=== #{number}  {pointer['repo']} {pointer['mode']} {pointer['commit'][:10]}  {pointer['check']}  "
        f"{pointer['path']}:{pointer['line']}"
    )
    if reported is None:
        print("    (not reported now)")
    else:
        print(f"    {reported['severity']}: {reported['message']}")
    print(f"    evidence: {pointer['evidence']}")
    lines = file_lines(clone, pointer["commit"], pointer["path"])
    first, last = clause_range(lines, pointer["line"], reported) if lines else (pointer["line"], pointer["line"])
    show_place(lines, first, last, around, "this")
    other = reported.get("other") if reported else None
    if other:
        other_lines = file_lines(clone, pointer["commit"], other["path"])
        other_first, other_last = clause_range(other_lines, other["line"], None) if other_lines else (0, 0)
        print(f"    other rule: {other['path']}:{other['line']}")
        show_place(other_lines, other_first, other_last, 0, "other")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("numbers", nargs="*", type=int, help="findings to show, by 1-based line in --data (default: all)")
    parser.add_argument("--repo", action="append", default=[], metavar="NAME=PATH", required=True)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--around", type=int, default=3, metavar="N", help="lines shown either side of the clause")
    args = parser.parse_args()
    sources = dict(entry.split("=", 1) for entry in args.repo)
    pointers = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = args.numbers or list(range(1, len(pointers) + 1))
    if bad := [n for n in wanted if not 1 <= n <= len(pointers)]:
        print(f"show_finding: no finding {', '.join(map(str, bad))} in {args.data} ({len(pointers)} lines)", file=sys.stderr)
        return 2
    if missing := sorted({pointers[n - 1]["repo"] for n in wanted} - sources.keys()):
        print(f"show_finding: no --repo for {', '.join(missing)}", file=sys.stderr)
        return 2
    runs: dict[Run, list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        clones: dict[str, Path] = {}
        for number in wanted:
            pointer = pointers[number - 1]
            name = pointer["repo"]
            if name not in clones:
                clones[name] = Path(scratch) / name
                private_clone(sources[name], clones[name])
            run = (name, pointer["mode"], pointer["commit"])
            if run not in runs:
                runs[run] = lint_run(clones[name], pointer["mode"], pointer["commit"])
            show(number, pointer, clones[name], runs[run], args.around)
    return 0


if __name__ == "__main__":
    sys.exit(main())
