"""How long ``specdiff A B --format json`` takes, against ``git diff --word-diff A B``.

    python benchmarks/diff_speed.py PATH [--runs N]

PATH is a git repository of specs or a corpus folder (``../shared/corpora/model_spec``).
Picks the consecutive commit pair with the most changed lines, runs both
commands N times each as separate processes (start-up included, as a user
sees it) and prints the median times and their ratio. Asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import first_parent_commits, git, repository  # noqa: E402


def changed_lines(repo: Path, a: str, b: str) -> int:
    total = 0
    for line in git(repo, "diff", "--numstat", a, b).splitlines():
        added, removed, _ = line.split("\t", 2)
        total += int(added) + int(removed) if added != "-" else 0
    return total


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    repo = repository(args.path)
    commits = first_parent_commits(repo)
    pairs = list(zip(commits, commits[1:]))
    a, b = max(pairs, key=lambda pair: changed_lines(repo, *pair))
    specdiff = [sys.executable, "-m", "specdiff", "-C", str(repo), a, b, "--format", "json"]
    word_diff = ["git", "-C", str(repo), "diff", "--word-diff", a, b]
    ours = median_seconds(specdiff, args.runs)
    theirs = median_seconds(word_diff, args.runs)
    print(f"repository      {repo}")
    print(f"pair            {a[:10]}..{b[:10]} ({changed_lines(repo, a, b)} changed lines)")
    print(f"specdiff json   {ours:.3f} s (median of {args.runs})")
    print(f"git word-diff   {theirs:.3f} s (median of {args.runs})")
    print(f"ratio           {ours / theirs:.1f}x")


if __name__ == "__main__":
    main()
