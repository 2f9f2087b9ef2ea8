"""How ``align`` pairs clauses and sections on real rewrites, against hand-checked labels.

    python benchmarks/alignment_real.py CASES [--repos DIR] [--corpora DIR] [--blame BLAME_CASES]

``CASES`` is a JSON-lines file of labelled pairings (schema in the docstring of
:func:`load_cases`): pointers into real histories (repository, two commits, a
path and line ranges) and the kind a careful reader gives the change. The text
is read at run time from local clones (``"semver/semver"`` is read from
``DIR/semver``; default ``/work/clones``) or from exported corpora
(``"corpus:model_spec"`` from ``DIR/model_spec``; default
``/work/shared/corpora``), so no third-party text is stored with the labels.

For each pair of commits the changed spec files are aligned exactly as
``specdiff A B`` aligns them (moves between files included), then each label is
judged: right when the labelled clauses (or section) got the labelled kind *and*
the labelled partners, no more and no fewer. Printed: kind accuracy, per kind
and per failure class; split/merge precision and recall; renamed sections
found; every error.

With ``--blame``, each blame case runs ``specdiff blame --format json`` in a
private copy of its repository and compares the commit that last changed the
labelled clause's meaning with ``expected_commit``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from corpus import git, repository  # noqa: E402

from specdiff.config import load_config  # noqa: E402
from specdiff.diff import align_file, diff_alignments  # noqa: E402
from specdiff.errors import SpecdiffError  # noqa: E402
from specdiff.model import Alignment, Clause, Section  # noqa: E402
from specdiff.parse import parse_document  # noqa: E402
from specdiff.repo import FileChange, Repository  # noqa: E402

KINDS = ("modified", "moved", "split", "merged", "renamed", "added", "removed", "unchanged")


@dataclass(frozen=True)
class Place:
    path: str
    lines: tuple[int, int]


@dataclass
class Case:
    id: str
    repo: str
    old_commit: str
    new_commit: str
    unit: str
    kind: str
    old: list[Place]
    new: list[Place]
    failure_class: str
    debatable: bool
    note: str


def load_cases(path: Path) -> list[Case]:
    """Read the labels (one JSON object a line, as in ``ALIGN_SCHEMA``); blank lines and ``#`` lines are skipped."""
    cases = []
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        data = json.loads(line)
        if data["kind"] not in KINDS:
            raise SystemExit(f"{path}:{number}: unknown kind {data['kind']!r}")
        cases.append(
            Case(
                data["id"],
                data["repo"],
                data["old_commit"],
                data["new_commit"],
                data["unit"],
                data["kind"],
                [Place(p["path"], (p["lines"][0], p["lines"][1])) for p in data.get("old", [])],
                [Place(p["path"], (p["lines"][0], p["lines"][1])) for p in data.get("new", [])],
                data.get("class", "plain"),
                bool(data.get("debatable", False)),
                data.get("note", ""),
            )
        )
    return cases


# -- opening histories ------------------------------------------------------------------------


class Histories:
    """Git repositories by label name: clones as they are, corpora replayed into a temporary repository."""

    def __init__(self, repos: Path, corpora: Path) -> None:
        self.repos = repos
        self.corpora = corpora
        self._opened: dict[str, tuple[Path, dict[str, str]]] = {}

    def open(self, name: str) -> tuple[Path, dict[str, str]]:
        """The repository for ``name`` and, for a corpus, its folder names mapped to commit ids."""
        if name not in self._opened:
            if name.startswith("corpus:"):
                folder = self.corpora / name.removeprefix("corpus:")
                repo = repository(folder)
                commits = git(repo, "rev-list", "--first-parent", "--reverse", "HEAD").split()
                dirs = [c["dir"] for c in json.loads((folder / "manifest.json").read_text())["commits"]]
                self._opened[name] = (repo, dict(zip(dirs, commits)))
            else:
                self._opened[name] = (self.repos / name.split("/")[-1], {})
        return self._opened[name]

    def commit(self, name: str, label: str) -> str:
        repo, folders = self.open(name)
        return folders.get(label) or git(repo, "rev-parse", label + "^{commit}").strip()


def align_commits(repo: Path, old: str, new: str, paths: set[str]) -> dict[str, tuple[Alignment, str | None, str | None]]:
    """The alignments of every spec file changed between two commits, by old and by new path.

    Files named by the labels are aligned even when the config would not select
    them; moves between files are paired as ``specdiff A B`` pairs them.
    """
    with Repository(str(repo)) as handle:
        config = load_config(handle.root)
        revisions = handle.resolve([old, new])
        try:
            changes = [c for c in handle.changed_files(revisions) if _selected(c, config, paths)]
        except SpecdiffError:  # the clone lacks some other file's object: the labelled files only
            changes = handle.changed_files(revisions, sorted(str(repo / p) for p in paths))
        aligned = []
        for change in changes:
            documents = []
            for path, blob in ((change.old_path, change.old_blob), (change.new_path, change.new_blob)):
                text = handle.read_blob(blob).decode("utf-8", "replace") if path and blob else None
                documents.append(parse_document(text, path, config.requirement_ids) if text is not None and path else None)
            aligned.append((change, align_file(documents[0], documents[1], change)))
    files = diff_alignments(aligned)
    by_path: dict[str, tuple[Alignment, str | None, str | None]] = {}
    for file in files:
        assert file.alignment is not None
        for path in (file.old_path, file.new_path):
            if path:
                by_path[path] = (file.alignment, file.old_path, file.new_path)
    return by_path


def _selected(change: FileChange, config: Any, paths: set[str]) -> bool:
    sides = [p for p in (change.old_path, change.new_path) if p]
    return any(p in paths or config.is_spec(p) for p in sides)


# -- judging ----------------------------------------------------------------------------------


@dataclass
class Verdict:
    case: Case
    predicted: str
    right: bool
    detail: str


@dataclass
class Scores:
    verdicts: list[Verdict] = field(default_factory=list)

    def add(self, verdict: Verdict) -> None:
        self.verdicts.append(verdict)


def judge(case: Case, alignments: dict[str, tuple[Alignment, str | None, str | None]]) -> Verdict:
    if case.unit == "section":
        return _judge_section(case, alignments)
    return _judge_clause(case, alignments)


def _clauses_at(places: list[Place], side: str, alignments: dict[str, tuple[Alignment, str | None, str | None]]) -> set[Clause]:
    """The clauses of one side whose first line falls in a labelled range (a range is one clause's block)."""
    found = set()
    for place in places:
        entry = alignments.get(place.path)
        if entry is None:
            continue
        clauses = _all_clauses(entry[0], side)
        hits = sorted(
            (c for c in clauses if c.path == place.path and place.lines[0] <= c.lines[0] <= place.lines[1]), key=lambda c: c.lines
        )
        if not hits:  # a range that starts inside a clause: the clause that holds its first line
            hits = [c for c in clauses if c.path == place.path and c.lines[0] <= place.lines[0] <= c.lines[1]][:1]
        found.update(hits[:1])
    return found


def _all_clauses(alignment: Alignment, side: str) -> list[Clause]:
    if side == "old":
        return [c for m in alignment.clauses for c in m.old] + list(alignment.removed)
    return [c for m in alignment.clauses for c in m.new] + list(alignment.added)


def _judge_clause(case: Case, alignments: dict[str, tuple[Alignment, str | None, str | None]]) -> Verdict:
    old = _clauses_at(case.old, "old", alignments)
    new = _clauses_at(case.new, "new", alignments)
    if len(old) < len(case.old) or len(new) < len(case.new):
        return Verdict(case, "?", False, "labelled lines hold no clause (or the file did not change)")
    seed = next(iter(old or new))
    alignment = alignments[seed.path][0]
    if old:
        match = next((m for m in alignment.clauses if set(m.old) & old), None)
    else:
        match = next((m for m in alignment.clauses if set(m.new) & new), None)
    if match is None:
        predicted = "removed" if old else "added"
        partners_right = not new if old else not old
        got_old, got_new = (old, set()) if old else (set(), new)
        detail = ""
    else:
        got_old, got_new = set(match.old), set(match.new)
        predicted = _clause_kind(match, alignment)
        partners_right = got_old == old and got_new == new
        detail = "" if partners_right else f"paired {_where(got_old)} -> {_where(got_new)}"
    right = predicted == case.kind and partners_right
    return Verdict(case, predicted, right, detail)


def _clause_kind(match: Any, alignment: Alignment) -> str:
    if len(match.old) > 1:
        return "merged"
    if len(match.new) > 1:
        return "split"
    if match.moved:
        return "moved"
    return "unchanged" if match.old[0].normalized == match.new[0].normalized else "modified"


def _where(clauses: set[Clause]) -> str:
    return ", ".join(f"{c.path}:{c.lines[0]}" for c in sorted(clauses, key=lambda c: (c.path, c.lines))) or "nothing"


def _section_at(place: Place, side: str, alignments: dict[str, tuple[Alignment, str | None, str | None]]) -> Section | None:
    entry = alignments.get(place.path)
    if entry is None:
        return None
    alignment = entry[0]
    sections = [m.old if side == "old" else m.new for m in alignment.sections]
    sections += alignment.removed_sections if side == "old" else alignment.added_sections
    # The text before the first heading is a section too, with no heading: never the labelled one.
    inside = (s for s in sections if s.level and s.path == place.path and place.lines[0] <= s.lines[0] <= place.lines[1])
    return next(inside, None)


def _judge_section(case: Case, alignments: dict[str, tuple[Alignment, str | None, str | None]]) -> Verdict:
    old = [_section_at(p, "old", alignments) for p in case.old]
    new = [_section_at(p, "new", alignments) for p in case.new]
    if any(s is None for s in old + new):
        return Verdict(case, "?", False, "labelled lines hold no heading (or the file did not change)")
    alignment = alignments[(case.old or case.new)[0].path][0]
    if old:
        section = old[0]
        assert section is not None
        match = next((m for m in alignment.sections if m.old.id == section.id), None)
        if match is None:
            target = alignment.merged_sections.get(section.id)
            predicted, got = ("merged", [target]) if target else ("removed", [])
        else:
            moved = section.id in alignment.moved_sections
            renamed = match.old.heading != match.new.heading
            predicted = "renamed" if renamed else "moved" if moved else "unchanged"
            got = [match.new]
        right_partners = [s.id for s in got if s] == [s.id for s in new if s]
        if case.kind == "merged" and predicted == "merged":
            right_partners = bool(got and new and got[0] and new[0] and got[0].id == new[0].id)
    else:
        section = new[0]
        assert section is not None
        paired = any(m.new.id == section.id for m in alignment.sections)
        predicted, right_partners = ("paired", False) if paired else ("added", True)
    if predicted == "renamed" and case.kind == "moved":
        predicted = "renamed"  # a renamed section that also moved is labelled by its rename
    right = predicted == case.kind and right_partners
    detail = "" if right_partners else "paired with another section"
    return Verdict(case, predicted, right, detail)


# -- report -----------------------------------------------------------------------------------


def report(verdicts: list[Verdict]) -> None:
    judged = [v for v in verdicts if not v.case.debatable]
    print(f"Alignment on real rewrites: {len(verdicts)} labelled pairings ({len(verdicts) - len(judged)} debatable, left out)\n")
    right = sum(v.right for v in judged)
    print(f"kind accuracy            {right}/{len(judged)} = {_ratio(right, len(judged))}")
    for unit in ("clause", "section"):
        these = [v for v in judged if v.case.unit == unit]
        print(f"  {unit + 's':<22} {sum(v.right for v in these)}/{len(these)}")
    groups = [v for v in judged if v.case.kind in ("split", "merged")]
    found = [v for v in judged if v.predicted in ("split", "merged")]
    recall = sum(v.right for v in groups)
    precise = sum(v.right for v in found)
    print(f"split/merge recall       {recall}/{len(groups)} = {_ratio(recall, len(groups))}")
    print(f"split/merge precision    {precise}/{len(found)} = {_ratio(precise, len(found))}")
    renamed = [v for v in judged if v.case.unit == "section" and v.case.kind == "renamed"]
    found_renamed = sum(v.right for v in renamed)
    print(f"renamed sections found   {found_renamed}/{len(renamed)} = {_ratio(found_renamed, len(renamed))}")
    print("\nby class                 right/labelled")
    by_class: dict[str, list[Verdict]] = defaultdict(list)
    for v in judged:
        by_class[v.case.failure_class].append(v)
    for name, these in sorted(by_class.items()):
        print(f"  {name:<22} {sum(v.right for v in these):>3}/{len(these):<3}")
    confusion = Counter((v.case.kind, v.predicted) for v in judged if not v.right)
    if confusion:
        print("\nerrors (labelled -> predicted: count)")
        for (label, predicted), count in confusion.most_common():
            print(f"  {label:>9} -> {predicted:<9} {count}")
    errors = [v for v in verdicts if not v.right]
    if errors:
        print()
    for v in errors:
        where = ", ".join(f"{p.path}:{p.lines[0]}" for p in v.case.old) or "-"
        to = ", ".join(f"{p.path}:{p.lines[0]}" for p in v.case.new) or "-"
        flag = " (debatable)" if v.case.debatable else ""
        print(f"  {v.case.id}{flag}: {v.case.kind} {where} -> {to}; got {v.predicted} {v.detail}".rstrip())


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "n/a"


# -- blame ------------------------------------------------------------------------------------


def blame_check(path: Path, histories: Histories) -> None:
    """Run ``specdiff blame`` on each labelled clause in a private clone and compare the commit it names."""
    cases = [json.loads(line) for line in path.read_text().splitlines() if line.strip() and not line.lstrip().startswith("#")]
    work = Path(tempfile.mkdtemp(prefix="specdiff-blame-"))
    clones: dict[str, Path] = {}
    right = 0
    print(f"\nBlame on {len(cases)} real clauses")
    for case in cases:
        source, _ = histories.open(case["repo"])
        if case["repo"] not in clones:
            clones[case["repo"]] = work / str(len(clones))
            subprocess.run(["git", "clone", "-q", "--no-local", str(source), str(clones[case["repo"]])], check=True)
        clone = clones[case["repo"]]
        commit = histories.commit(case["repo"], case["commit"])
        expected = histories.commit(case["repo"], case["expected_commit"])
        target = case["path"] + (case.get("target") or "")
        done = subprocess.run(
            [sys.executable, "-m", "specdiff", "blame", target, "--rev", commit, "--format", "json"],
            cwd=clone,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            print(f"  {case['id']}: specdiff blame failed: {done.stderr.strip()[:200]}")
            continue
        first, last = case["lines"]
        entries = [e for e in json.loads(done.stdout) if e["lines"][0] <= last and e["lines"][1] >= first]
        named = entries[0]["last_changed"]["commit"] if entries and entries[0]["last_changed"] else None
        ok = named == expected
        right += ok
        if not ok:
            shown = named[:10] if named else ("no clause at those lines" if not entries else "none")
            print(f"  {case['id']}: expected {expected[:10]}, blame names {shown}")
    print(f"blame right              {right}/{len(cases)}")
    shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", type=Path, help="labelled pairings (alignment_real.jsonl)")
    parser.add_argument("--repos", type=Path, default=Path("/work/clones"), help="folder of local clones")
    parser.add_argument("--corpora", type=Path, default=Path("/work/shared/corpora"), help="folder of exported corpora")
    parser.add_argument("--blame", type=Path, help="labelled blame cases (blame_real.jsonl)")
    args = parser.parse_args()
    histories = Histories(args.repos, args.corpora)
    cases = load_cases(args.cases)
    by_commits: dict[tuple[str, str, str], list[Case]] = defaultdict(list)
    for case in cases:
        by_commits[(case.repo, case.old_commit, case.new_commit)].append(case)
    verdicts = []
    for (name, old, new), these in by_commits.items():
        repo, _ = histories.open(name)
        paths = {p.path for c in these for p in c.old + c.new}
        try:
            alignments = align_commits(repo, histories.commit(name, old), histories.commit(name, new), paths)
        except SpecdiffError as error:  # a clone that lacks an object: the cases cannot be judged
            verdicts += [Verdict(case, "?", False, f"{name} {old[:10]}..{new[:10]} unreadable: {error}") for case in these]
            continue
        verdicts += [judge(case, alignments) for case in these]
    report(verdicts)
    if args.blame:
        blame_check(args.blame, histories)


if __name__ == "__main__":
    main()
