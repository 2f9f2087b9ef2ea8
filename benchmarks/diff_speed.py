"""How long ``specdiff A B`` takes, against ``git diff --word-diff A B``, in the same run.

    python benchmarks/diff_speed.py PATH [--runs N] [--pair A B]

PATH is a git repository of specs or a corpus folder (``../shared/corpora/model_spec``).
Without ``--pair`` it picks the consecutive first-parent commit pair with the
most changed lines. Each command runs ``--runs`` times as a separate process
(start-up included, as a user sees it) and the best run counts, both in
wall-clock seconds and in processor seconds (user + system): on a machine
shared with other jobs the second moves far less. Prints, for ``--format
json`` and for text, cold (no ``.git/specdiff`` caches), warm (every cache
filled) and "parses" (the parse cache filled, the amendment cache emptied
before each run: what a first diff of a pair costs once its files were seen),
the times and their ratio to git's, and the peak memory (maximum resident set
size) of a cold run.

Targets (issue 14), largest Model Spec release pair: json at most 30x git,
text at most 35x, peak memory at most 60 MB; a one-commit diff on a repository
of 70 IETF drafts at most 0.5 s warm and 1 s cold. Asserts nothing.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import first_parent_commits, git, repository  # noqa: E402


def changed_lines(repo: Path, a: str, b: str) -> int:
    total = 0
    for line in git(repo, "diff", "--numstat", a, b).splitlines():
        added, removed, _ = line.split("\t", 2)
        total += int(added) + int(removed) if added != "-" else 0
    return total


@dataclass
class Timing:
    wall: float = math.inf
    processor: float = math.inf
    peak_mb: float = 0.0


def best_of(command: list[str], runs: int, before_each: Path | None = None) -> Timing:
    """The best of ``runs`` runs; ``before_each``, if given, is removed before every run (a cold cache)."""
    timing = Timing()
    for _ in range(runs):
        if before_each is not None:
            shutil.rmtree(before_each, ignore_errors=True)
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status) not in (0, 1):  # 1: --fail-on said so
            raise subprocess.CalledProcessError(os.waitstatus_to_exitcode(status), command)
        timing.wall = min(timing.wall, time.perf_counter() - start)
        timing.processor = min(timing.processor, usage.ru_utime + usage.ru_stime)
        timing.peak_mb = max(timing.peak_mb, usage.ru_maxrss / 1024)  # KB on Linux
    return timing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pair", nargs=2, metavar=("A", "B"))
    args = parser.parse_args()
    # A user's Python keeps compiled modules: with PYTHONDONTWRITEBYTECODE set (as in some
    # sandboxes) every run compiles the ~150 modules it imports again, 0.1-0.3 s no user pays.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    repo = repository(args.path)
    if args.pair:
        a, b = args.pair
    else:
        commits = first_parent_commits(repo)
        a, b = max(zip(commits, commits[1:]), key=lambda pair: changed_lines(repo, *pair))
    state = repo / ".git" / "specdiff"
    git_time = best_of(["git", "-C", str(repo), "diff", "--word-diff", a, b], args.runs)
    print(f"repository      {repo}")
    print(f"pair            {a[:10]}..{b[:10]} ({changed_lines(repo, a, b)} changed lines)")
    print(f"git word-diff   {git_time.wall:7.3f} s wall  {git_time.processor:7.3f} s processor   (best of {args.runs})")
    for label, output in (("json", ["--format", "json"]), ("text", [])):
        command = [sys.executable, "-m", "specdiff", "-C", str(repo), a, b, *output]
        timings = (
            ("cold", best_of(command, args.runs, state)),
            ("warm", best_of(command, args.runs)),
            ("parses", best_of(command, args.runs, state / "amendments")),
        )
        for cache, timing in timings:
            print(
                f"specdiff {label} {cache:6s}{timing.wall:7.3f} s wall ({timing.wall / git_time.wall:5.1f}x)"
                f"  {timing.processor:7.3f} s processor ({timing.processor / git_time.processor:5.1f}x)"
                + (f"  peak {timing.peak_mb:.0f} MB" if cache == "cold" else "")
            )


if __name__ == "__main__":
    main()
