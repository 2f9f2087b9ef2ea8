"""How ``specdiff A B --format json`` grows with the size of the spec: the log-log slope from size to size.

    python benchmarks/scaling.py [--sizes 1000 5000 20000] [--runs 3] [--cases one-1,one-30,many-1,many-30,renumbered]

For each size (in clauses) and case it builds a two-commit repository of
synthetic Markdown and times the diff as a separate process (start-up
included) in processor seconds, best of ``--runs``, with the caches removed
before each run (cold). Cases:

- ``one-1`` / ``one-30``: one file, 1 % / 30 % of its clauses reworded;
- ``many-1`` / ``many-30``: files of 200 clauses each, 1 % / 30 % reworded;
- ``renumbered``: one file whose numbered section headings all shift by one
  (a section inserted at the top), 1 % reworded.

Prints each time and, between consecutive sizes, the slope of log(time) over
log(size): 1.0 is linear. Target (issue 14): at most 1.1 everywhere, and no case
over 10 s at 20,000 clauses. Section pairing of renamed or renumbered sections
belongs to ``align``; its share shows in the ``renumbered`` row. Asserts nothing.

A one-file spec is read clause by clause up to the parser's budget (10,000
lines, 5,000 clauses or 1 MB: about 4,800 clauses here), and from there on
compared in pieces of 12,500 to 50,000 characters (issue 12), with a warning. Past
5,000 clauses the one-file rows therefore time that block reading, in which
a block with one reworded clause is a changed block read whole (so 1 % reworded
changes nearly every block). A file over 20 MB (200,000 clauses) gets a
``specdiff.toml`` that raises ``max_file_bytes``, the default limit for one file.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import git  # noqa: E402

WORDS = (
    "assistant must should may never patron account hold renewal fine room event staff branch catalogue "
    "data user request answer verify share confirm library card reminder notice"
).split()
CLAUSES_PER_SECTION = 20
CLAUSES_PER_FILE = 200


def _sentence(rng: random.Random) -> str:
    return "The " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))) + f" within {rng.randint(2, 90)} days."


def _reword(clause: str, rng: random.Random) -> str:
    words = clause.split(" ")
    words[rng.randrange(1, len(words) - 1)] = rng.choice(WORDS)
    return " ".join(words)


def _render(sections: list[list[str]], first_number: int) -> str:
    lines = []
    for n, clauses in enumerate(sections, first_number):
        lines += [f"## {n}. Section about {WORDS[n % len(WORDS)]} {n}", ""]
        for clause in clauses:
            lines += [clause, ""]
    return "\n".join(lines)


def build(root: Path, clauses: int, case: str, seed: int = 5) -> None:
    """A repository with two commits: the spec, then the case's change of it."""
    rng = random.Random(seed)
    sections = [[_sentence(rng) for _ in range(CLAUSES_PER_SECTION)] for _ in range(max(1, clauses // CLAUSES_PER_SECTION))]
    per_file = CLAUSES_PER_FILE // CLAUSES_PER_SECTION if case.startswith("many") else len(sections)
    files = [sections[i : i + per_file] for i in range(0, len(sections), per_file)]
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)

    def write(first_number: int) -> None:
        for k, chunk in enumerate(files):
            (root / "spec").mkdir(exist_ok=True)
            (root / "spec" / f"part{k:04}.md").write_text(_render(chunk, first_number + k * per_file))

    write(1)
    if max(f.stat().st_size for f in (root / "spec").iterdir()) > 20_000_000:
        # One file of 200,000 clauses is 23 MB, over the default limit for a spec file.
        (root / "specdiff.toml").write_text("max_file_bytes = 100_000_000\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    share = 0.30 if case.endswith("-30") else 0.01
    every = [(s, c) for chunk in files for s in chunk for c in range(len(s))]
    for section, c in rng.sample(every, max(1, int(len(every) * share))):
        section[c] = _reword(section[c], rng)
    write(2 if case == "renumbered" else 1)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "change")


def cold_seconds(root: Path, runs: int) -> float:
    """The least processor time (user + system) of ``runs`` cold diffs: on a machine shared with
    other jobs it moves far less than wall-clock time, which counts the waiting."""
    best = math.inf
    command = [sys.executable, "-m", "specdiff", "HEAD~1", "HEAD", "--format", "json"]
    for _ in range(runs):
        shutil.rmtree(root / ".git" / "specdiff", ignore_errors=True)
        process = subprocess.Popen(command, cwd=root, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status):
            raise subprocess.CalledProcessError(os.waitstatus_to_exitcode(status), command)
        best = min(best, usage.ru_utime + usage.ru_stime)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cases", default="one-1,one-30,many-1,many-30,renumbered")
    args = parser.parse_args()
    # A user's Python keeps compiled modules: with PYTHONDONTWRITEBYTECODE set (as in some
    # sandboxes) every run compiles the ~150 modules it imports again, 0.1-0.3 s no user pays.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    print(f"{'case':12}" + "".join(f"{size:>10,}" for size in args.sizes) + "   slopes   (processor seconds, cold)")
    for case in args.cases.split(","):
        times = []
        for size in args.sizes:
            folder = Path(tempfile.mkdtemp(prefix="specdiff-scaling-"))
            build(folder / "repo", size, case)
            times.append(cold_seconds(folder / "repo", args.runs))
            shutil.rmtree(folder)
        slopes = [
            math.log(t2 / t1) / math.log(s2 / s1)
            for (s1, t1), (s2, t2) in zip(zip(args.sizes, times), zip(args.sizes[1:], times[1:]))
        ]
        print(f"{case:12}" + "".join(f"{t:9.2f}s" for t in times) + "   " + " ".join(f"{s:.2f}" for s in slopes), flush=True)


if __name__ == "__main__":
    main()
