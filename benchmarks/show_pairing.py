"""Print and check the labelled real cases of ``benchmarks/data/*.jsonl`` (issue 11).

The labelled files hold pointers, never text: a repository, commits, a path and
line ranges. This script reads the text behind each pointer from local clones
and exported corpora, prints it so a reviewer can check a label by eye, and
checks that every pointer is exactly what the schema promises: a clause
pointer spans one whole clause as specdiff parses it, a section pointer is a
heading line.

    python benchmarks/show_pairing.py benchmarks/data/alignment_real.jsonl \\
        --clones ~/clones --corpora ~/corpora [--id semver-004] [--quiet]

``--clones DIR`` holds one clone per repository, named after the repository
(``Fission-AI/OpenSpec`` is read from ``DIR/OpenSpec``); ``--corpora DIR`` holds
the exported corpora (``corpus:model_spec`` is read from ``DIR/model_spec``,
whose commits are folder names). Exit status 1 when a pointer is wrong.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from specdiff.model import Document  # noqa: E402
from specdiff.parse import parse_document  # noqa: E402

KINDS = {"modified", "moved", "split", "merged", "renamed", "added", "removed", "unchanged"}
CLASSES = {
    "reworded", "renamed_edited_section", "renamed_top_heading", "level_change", "rewritten_body_section",
    "split", "merge", "nested_list_restructure", "front_matter", "cross_section_move", "plain", "true_add_remove",
}  # fmt: skip


@dataclass
class Sources:
    """Where the text behind a pointer is read from."""

    clones: Path | None
    corpora: Path | None

    def text(self, repo: str, commit: str, path: str) -> str:
        if repo.startswith("corpus:"):
            if self.corpora is None:
                raise LookupError(f"{repo} needs --corpora")
            return (self.corpora / repo.removeprefix("corpus:") / commit / path).read_text(encoding="utf-8")
        if self.clones is None:
            raise LookupError(f"{repo} needs --clones")
        clone = self.clones / repo.split("/")[-1]
        shown = subprocess.run(["git", "-C", str(clone), "show", f"{commit}:{path}"], capture_output=True, text=True)
        if shown.returncode:
            raise LookupError(shown.stderr.strip())
        return shown.stdout

    def has_commit(self, repo: str, commit: str) -> bool:
        if repo.startswith("corpus:"):
            return self.corpora is not None and (self.corpora / repo.removeprefix("corpus:") / commit).is_dir()
        clone = self.clones / repo.split("/")[-1] if self.clones else Path("/nonexistent")
        found = subprocess.run(["git", "-C", str(clone), "cat-file", "-e", f"{commit}^{{commit}}"], capture_output=True)
        return found.returncode == 0


def pointer_problem(unit: str, lines: list[int], document: Document) -> str | None:
    """Why ``lines`` is not exactly one clause block (or one heading line) of ``document``, or None."""
    first, last = lines
    if unit == "section":
        if any(section.lines[0] == first for section in document.sections if section.level) and first == last:
            return None
        return f"line {first} is not a heading line" if first == last else "a section pointer is one heading line"
    if any(list(clause.lines) == [first, last] for clause in document.clauses):
        return None
    near = [c.lines for c in document.clauses if c.lines[1] >= first and c.lines[0] <= last]
    return f"lines {first}-{last} are not one clause (clauses there: {near})"


def case_problems(case: dict[str, object]) -> list[str]:
    """Schema problems of one labelled pairing (fields, kinds, sides)."""
    problems = []
    old, new, kind = case.get("old", []), case.get("new", []), case.get("kind")
    assert isinstance(old, list) and isinstance(new, list)
    if kind not in KINDS:
        problems.append(f"unknown kind {kind!r}")
    if case.get("class") not in CLASSES:
        problems.append(f"unknown class {case.get('class')!r}")
    if case.get("unit") not in {"clause", "section"}:
        problems.append(f"unknown unit {case.get('unit')!r}")
    expected = {"added": (0, 1), "removed": (1, 0), "split": (1, None), "merged": (None, 1)}.get(str(kind), (1, 1))
    for side, count, name in ((old, expected[0], "old"), (new, expected[1], "new")):
        if count is not None and len(side) != count:
            problems.append(f"{kind} wants {count} {name} pointer(s), has {len(side)}")
        most = None if case.get("class") == "nested_list_restructure" else 3  # a whole list can move down a level
        if count is None and not (2 <= len(side) and (most is None or len(side) <= most)):
            problems.append(f"{kind} wants 2-3 {name} pointers, has {len(side)}")
    return problems


def show_case(case: dict[str, object], sources: Sources, quiet: bool) -> list[str]:
    """Print one case's text; return what is wrong with it."""
    problems = case_problems(case)
    debatable = "  (debatable)" if case.get("debatable") else ""
    header = f"== {case['id']}  {case['unit']} {case['kind']} [{case['class']}]{debatable}"
    out = [header, f"   {case.get('note', '')}"]
    for side in ("old", "new"):
        for pointer in case.get(side, []):  # type: ignore[attr-defined]
            commit = str(case[f"{side}_commit"])
            try:
                text = sources.text(str(case["repo"]), commit, pointer["path"])
            except (LookupError, OSError) as error:
                problems.append(f"{side} {pointer['path']}: {error}")
                continue
            document = parse_document(text, pointer["path"])
            problem = pointer_problem(str(case["unit"]), pointer["lines"], document)
            if problem:
                problems.append(f"{side} {pointer['path']}: {problem}")
            source_lines = text.replace("\r\n", "\n").split("\n")
            first, last = pointer["lines"]
            out.append(f"  {side} {commit[:10]} {pointer['path']}:{first}-{last}")
            out += [f"    {n:5} | {source_lines[n - 1][:160]}" for n in range(first, min(last, first + 11) + 1)]
    out += [f"  !! {problem}" for problem in problems]
    if not quiet or problems:
        print("\n".join(out))
    return problems


def show_blame(case: dict[str, object], sources: Sources, quiet: bool) -> list[str]:
    """Print one blame case's clause; return what is wrong with it (pointer, section, commits)."""
    repo, path, lines = str(case["repo"]), str(case["path"]), case["lines"]
    assert isinstance(lines, list)
    first, last = int(lines[0]), int(lines[1])
    out, problems = [f"== {case['id']}  expect {str(case['expected_commit'])[:10]}", f"   {case.get('note', '')}"], []
    try:
        text = sources.text(repo, str(case["commit"]), path)
    except (LookupError, OSError) as error:
        return [str(error)]
    if not sources.has_commit(repo, str(case["expected_commit"])):
        problems.append(f"no commit {case['expected_commit']} in {repo}")
    document = parse_document(text, path)
    problem = pointer_problem("clause", [first, last], document)
    if problem:
        problems.append(problem)
    sections = {clause.lines: clause.section for clause in document.clauses}
    if not problem and f"#{sections[(first, last)]}" != case["target"]:
        problems.append(f"the clause is in #{sections[(first, last)]}, not {case['target']}")
    source_lines = text.replace("\r\n", "\n").split("\n")
    out += [f"    {n:5} | {source_lines[n - 1][:160]}" for n in range(first, min(last, first + 11) + 1)]
    out += [f"  !! {problem}" for problem in problems]
    if not quiet or problems:
        print("\n".join(out))
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--clones", type=Path)
    parser.add_argument("--corpora", type=Path)
    parser.add_argument("--id", action="append", help="only these case ids (repeatable)")
    parser.add_argument("--quiet", action="store_true", help="print only the cases with problems")
    args = parser.parse_args()
    sources, seen, bad = Sources(args.clones, args.corpora), set(), 0
    for file in args.files:
        for number, line in enumerate(file.read_text().splitlines(), 1):
            case = json.loads(line)
            if case["id"] in seen:
                print(f"!! {file}:{number}: repeated id {case['id']}")
                bad += 1
            seen.add(case["id"])
            if args.id and case["id"] not in args.id:
                continue
            show = show_blame if "expected_commit" in case else show_case
            bad += bool(show(case, sources, args.quiet))
    print(f"{len(seen)} cases, {bad} with problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
