"""``specdiff log`` and ``specdiff blame`` on a long history, cold and warm, against ``git log -p``.

    python benchmarks/history.py [--commits 2000] [--clauses 3000] [--runs 3]

Builds (with ``git fast-import``) a synthetic history of ``--commits`` commits
on one spec file of ``--clauses`` clauses in 150 sections. Each commit rewords
or renumbers a clause or two, and now and then adds, removes or moves one.
Then times, as separate processes (start-up included):

- ``git log -p --word-diff`` over the whole history;
- ``specdiff log -n 1 --format json`` with an empty cache: the walk stops after
  the newest commit;
- ``specdiff log --format json`` with an empty cache (cold; also per commit,
  in wall-clock and processor time) and again (warm);
- ``specdiff blame spec.md#<a section>``, cold (after the log filled the
  cache, so "cold" here means a fresh process) and warm.

It also reports the peak memory (maximum resident set size) of a cold log over
the newest quarter of the history and over all of it: the walk streams commit
by commit and its parse caches are bounded, so the two should be close.

Targets (issue 14): warm log at most 1x ``git log -p --word-diff``; blame of one section under 1 s warm;
``log -n 1`` cold at most 3 s; cold log at most 20 ms per commit.
Prints figures and ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import atexit
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import best_of  # noqa: E402

WORDS = (
    "assistant must should may never patron account hold renewal fine room event staff branch catalogue "
    "data user request answer verify share confirm library card reminder notice"
).split()


def build(root: Path, commits: int, clauses: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    sections = 150
    per_section = clauses // sections
    spec = [[_sentence(rng) for _ in range(per_section)] for _ in range(sections)]
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    # Streamed into fast-import commit by commit: holding the whole stream would
    # leave this process large, and a child's peak memory counts its parent's at fork.
    importer = subprocess.Popen(["git", "-C", str(root), "fast-import", "--quiet"], stdin=subprocess.PIPE)
    assert importer.stdin is not None
    for n in range(commits):
        if n:
            _edit(spec, rng)
        text = _render(spec).encode()
        importer.stdin.write(
            (
                f"commit refs/heads/main\nmark :{n + 1}\n"
                f"author Bench <bench@example.invalid> {1_700_000_000 + n * 3600} +0000\n"
                f"committer Bench <bench@example.invalid> {1_700_000_000 + n * 3600} +0000\n"
                f"data {len(f'Revision {n}')}\nRevision {n}\n"
                + (f"from :{n}\n" if n else "")
                + f"M 100644 inline spec.md\ndata {len(text)}\n"
            ).encode()
            + text
            + b"\n"
        )
    importer.stdin.close()
    if importer.wait():
        raise subprocess.CalledProcessError(importer.returncode, importer.args)
    subprocess.run(["git", "-C", str(root), "checkout", "-q", "main"], check=True)


def _sentence(rng: random.Random) -> str:
    return "The " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 24))) + f" within {rng.randint(2, 90)} days."


def _edit(spec: list[list[str]], rng: random.Random) -> None:
    for _ in range(rng.randint(1, 2)):
        section = rng.choice(spec)
        k = rng.randrange(len(section))
        roll = rng.random()
        if roll < 0.5:
            words = section[k].split(" ")
            words[rng.randrange(1, len(words) - 1)] = rng.choice(WORDS)
            section[k] = " ".join(words)
        elif roll < 0.7:
            section[k] = section[k].rsplit(" within ", 1)[0] + f" within {rng.randint(2, 90)} days."
        elif roll < 0.8:
            section.insert(k, _sentence(rng))
        elif roll < 0.9 and len(section) > 5:
            section.pop(k)
        else:
            rng.choice(spec).append(section.pop(k))


def _render(spec: list[list[str]]) -> str:
    lines = []
    for s, section in enumerate(spec):
        lines += [f"## Section {s} {{#s{s}}}", ""]
        for clause in section:
            lines += [clause, ""]
    return "\n".join(lines)


def timed(command: list[str], cwd: Path, runs: int = 1) -> float:
    """The best wall-clock time of ``runs`` runs of ``command``, in seconds."""
    return best_of(lambda: measured(command, cwd), runs)


def measured(command: list[str], cwd: Path) -> tuple[float, float]:
    """One run of ``command``: its wall-clock seconds and its peak resident memory in MB."""
    seconds, _, memory = measured_fully(command, cwd)
    return seconds, memory


def measured_fully(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """One run of ``command``: its wall-clock seconds, processor seconds (user + system) and peak memory in MB.

    On a machine shared with other jobs, processor time moves far less than wall-clock time.
    """
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command)
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # ru_maxrss is in KB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--commits", type=int, default=2000)
    parser.add_argument("--clauses", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    # A user's Python keeps compiled modules: with PYTHONDONTWRITEBYTECODE set (as in some
    # sandboxes) every run compiles the ~150 modules it imports again, 0.1-0.3 s no user pays.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    scratch = Path(tempfile.mkdtemp(prefix="specdiff-history-"))
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)
    root = scratch / "repo"
    started = time.perf_counter()
    build(root, args.commits, args.clauses)
    built = time.perf_counter() - started
    print(f"repository          {root} ({args.commits} commits, {args.clauses} clauses; built in {built:.1f} s)")
    specdiff = [sys.executable, "-m", "specdiff"]
    env_cache = root / ".git" / "specdiff"

    git_log = timed(["git", "log", "-p", "--word-diff", "--first-parent"], root, args.runs)
    quarter = args.commits // 4
    shutil.rmtree(env_cache, ignore_errors=True)
    _, quarter_memory = measured([*specdiff, "log", "--format", "json", f"HEAD~{quarter}..HEAD"], root)
    shutil.rmtree(env_cache, ignore_errors=True)
    newest, newest_processor, _ = measured_fully([*specdiff, "log", "-n", "1", "--format", "json"], root)
    shutil.rmtree(env_cache, ignore_errors=True)
    cold, cold_processor, full_memory = measured_fully([*specdiff, "log", "--format", "json"], root)
    warm = timed([*specdiff, "log", "--format", "json"], root, args.runs)
    blame_first = timed([*specdiff, "blame", "spec.md#s75"], root)
    blame_warm = timed([*specdiff, "blame", "spec.md#s75"], root, args.runs)
    size = (env_cache / "history.sqlite").stat().st_size if (env_cache / "history.sqlite").exists() else 0

    print(f"git log -p --word-diff   {git_log:8.3f} s")
    print(f"specdiff log -n 1, cold  {newest:8.3f} s   ({newest_processor:.3f} s processor; target <= 3 s)")
    print(f"specdiff log, cold       {cold:8.3f} s   ({cold / git_log:.1f}x git)")
    per_commit, per_commit_processor = cold / args.commits * 1000, cold_processor / args.commits * 1000
    print(f"  per commit             {per_commit:8.1f} ms  ({per_commit_processor:.1f} ms processor; target <= 20 ms)")
    print(f"specdiff log, warm       {warm:8.3f} s   ({warm / git_log:.2f}x git; target <= 1x)")
    print(f"specdiff blame, 1st run  {blame_first:8.3f} s")
    print(f"specdiff blame, warm     {blame_warm:8.3f} s   (target < 1 s)")
    print(f"cache size               {size / 1e6:8.1f} MB")
    print(f"peak memory, cold log of {quarter} commits  {quarter_memory:6.1f} MB")
    print(f"peak memory, cold log of {args.commits} commits  {full_memory:6.1f} MB   ({full_memory / quarter_memory:.2f}x)")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    main()
