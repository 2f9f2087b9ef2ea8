"""Whether this checkout prints byte for byte what a baseline checkout prints, over real histories.

    python benchmarks/same_output.py BASELINE REPO [REPO...] [--pairs 40] [--log 30]

BASELINE is another checkout of specdiff (say ``git worktree add /tmp/base main``);
each REPO a git repository of specs (or a corpus folder, replayed into one). For
each REPO it takes up to ``--pairs`` consecutive first-parent commit pairs that
change a Markdown file, spread over the history, and runs ``specdiff A B`` in
``--format json`` and as text under both checkouts; then ``specdiff log -n
--log --format json`` and ``blame`` of the most changed file, each with a cold
history cache. Prints each difference and a count; asserts nothing.

Both checkouts run in separate processes with their own ``PYTHONPATH``, on the
same repository, so the comparison covers everything a user sees. The history
cache is removed before each history command (each checkout keeps its own format).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import first_parent_commits, git, repository  # noqa: E402

HERE = Path(__file__).resolve().parent.parent


def run(checkout: Path, repo: Path, *args: str) -> bytes:
    shutil.rmtree(repo / ".git" / "specdiff", ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(checkout), "NO_COLOR": "1", "COLUMNS": "100"}
    done = subprocess.run([sys.executable, "-m", "specdiff", *args], cwd=repo, env=env, capture_output=True)
    stderr = done.stderr
    if b"Traceback" in stderr:  # a crash names the checkout's files and lines: compare what was raised
        stderr = b"crashed: " + stderr.strip().splitlines()[-1]
    return done.stdout + b"\n--- stderr ---\n" + stderr + f"\n--- exit {done.returncode} ---\n".encode()


def pairs_touching_markdown(repo: Path, wanted: int) -> list[tuple[str, str]]:
    commits = first_parent_commits(repo)
    pairs = [
        (a, b) for a, b in zip(commits, commits[1:]) if git(repo, "diff", "--name-only", a, b, "--", "*.md", "*.markdown").strip()
    ]
    step = max(1, len(pairs) // wanted)
    return pairs[::step][:wanted]


def most_changed_file(repo: Path) -> str | None:
    counts: dict[str, int] = {}
    for path in git(repo, "log", "--first-parent", "-n", "300", "--name-only", "--format=", "--", "*.md").split():
        counts[path] = counts.get(path, 0) + 1
    existing = set(git(repo, "ls-files").split())
    ranked = sorted((n, p) for p, n in counts.items() if p in existing)
    return ranked[-1][1] if ranked else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("baseline", type=Path)
    parser.add_argument("repos", nargs="+")
    parser.add_argument("--pairs", type=int, default=40)
    parser.add_argument("--log", type=int, default=30, help="commits for log -n (0: skip the history commands)")
    args = parser.parse_args()
    checked = differing = 0
    for path in args.repos:
        repo = repository(path)
        cases: list[list[str]] = []
        for a, b in pairs_touching_markdown(repo, args.pairs):
            cases += [[a, b, "--format", "json"], [a, b]]
        if args.log:
            cases.append(["log", "-n", str(args.log), "--format", "json"])
            target = most_changed_file(repo)
            if target:
                cases.append(["blame", target, "--format", "json"])
        for case in cases:
            checked += 1
            before, after = run(args.baseline.resolve(), repo, *case), run(HERE, repo, *case)
            if before != after:
                differing += 1
                print(f"DIFFERENT  {repo.name}: specdiff {' '.join(case)}")
                print("  baseline:", before[:300])
                print("  this:    ", after[:300])
        print(f"{repo.name}: {len(cases)} commands compared", flush=True)
    print(f"{checked} commands, {differing} with different output")


if __name__ == "__main__":
    main()
