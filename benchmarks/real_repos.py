"""specdiff as a new user meets it: diff, log, impact and coverage on clones of public spec repositories.

    python benchmarks/real_repos.py CLONE[@RANGE]... [--src DIR] [--log-commits 30]

Each ``CLONE`` is a git work tree of your own (specdiff keeps caches in its
``.git``; this script removes ``.git/specdiff`` first so every run is cold).
``RANGE`` is ``A..B``; without one the script takes the newest commit that
touched a Markdown or MDX file, against its first parent. ``--src`` runs the
specdiff package found in another checkout (``git archive main | tar -x -C
DIR`` gives main's code), so the same command prints the table before and
after a change.

Per repository it runs, as separate processes with the default settings (no
``specdiff.toml``):

- ``specdiff A B`` (text, as a person sees it): the amendments, the
  "Dangling references" shown and the outputs listed under "Outputs to
  rebuild" and "Evals to re-run";
- ``specdiff log`` over the newest ``--log-commits`` first-parent commits;
- ``specdiff impact A B`` and ``specdiff coverage``;

and prints one row: seconds for each, amendments in the diff and in the log,
dangling references shown, outputs listed. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

SPEC_LIKE = ("*.md", "*.mdx", "*.markdown")


@dataclass
class Row:
    name: str
    range: str
    diff_seconds: float
    amendments: int
    dangling: int
    outputs: int
    log_seconds: float
    log_amendments: int
    impact_seconds: float
    coverage_seconds: float
    failures: list[str]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("clones", nargs="+", metavar="CLONE[@RANGE]")
    parser.add_argument("--src", type=Path, help="run the specdiff package of this checkout (default: the installed one)")
    parser.add_argument("--log-commits", type=int, default=30, help="commits the log walks (default 30)")
    parser.add_argument("--show", action="store_true", help="also print each command's output")
    args = parser.parse_args()
    rows = [_measure(spec, args.src, args.log_commits, args.show) for spec in args.clones]
    _print_table(rows, args.src)


def _measure(spec: str, src: Path | None, log_commits: int, show: bool) -> Row:
    path_text, _, range_text = spec.partition("@")
    clone = Path(path_text).resolve()
    if not (clone / ".git").exists():
        raise SystemExit(f"{clone} is not a git work tree")
    shutil.rmtree(clone / ".git" / "specdiff", ignore_errors=True)
    base, head = _range(clone, range_text)
    failures: list[str] = []

    def run(*argv: str) -> tuple[str, float]:
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "specdiff", *argv],
            cwd=clone,
            capture_output=True,
            text=True,
            env={**os.environ, "COLUMNS": "120", "NO_COLOR": "1", **({"PYTHONPATH": str(src.resolve())} if src else {})},
        )
        seconds = time.perf_counter() - started
        if done.returncode not in (0, 1):
            failures.append(f"{argv[0]}: exit {done.returncode}: {done.stderr.strip().splitlines()[-1:]}")
        if show:
            print(f"$ specdiff {' '.join(argv)}   # in {clone.name}\n{done.stderr}{done.stdout}")
        return done.stdout, seconds

    diff_text, diff_seconds = run("diff", base, head)
    log_text, log_seconds = run("log", f"{head}~{log_commits}..{head}" if _has(clone, f"{head}~{log_commits}") else head)
    _, impact_seconds = run("impact", base, head)
    _, coverage_seconds = run("coverage", "--rev", head)
    return Row(
        name=clone.name,
        range=f"{base[:8]}..{head[:8]}",
        diff_seconds=diff_seconds,
        amendments=_amendments(diff_text),
        dangling=_heading_count(diff_text, "Dangling references"),
        outputs=_heading_count(diff_text, "Outputs to rebuild") + _heading_count(diff_text, "Evals to re-run"),
        log_seconds=log_seconds,
        log_amendments=sum(_amendments(block) for block in re.split(r"^commit ", log_text, flags=re.MULTILINE)),
        impact_seconds=impact_seconds,
        coverage_seconds=coverage_seconds,
        failures=failures,
    )


def _range(clone: Path, text: str) -> tuple[str, str]:
    if text:
        base, _, head = text.partition("..")
        return _commit(clone, base), _commit(clone, head or "HEAD")
    newest = _git(clone, "log", "-1", "--first-parent", "--format=%H", "HEAD", "--", *SPEC_LIKE).strip()
    if not _has(clone, f"{newest}^1"):
        raise SystemExit(f"{clone}: the newest Markdown change is the root commit; give a RANGE")
    return _commit(clone, f"{newest}^1"), newest


def _commit(clone: Path, rev: str) -> str:
    return _git(clone, "rev-parse", "--verify", f"{rev}^{{commit}}").strip()


def _has(clone: Path, rev: str) -> bool:
    return subprocess.run(["git", "-C", str(clone), "rev-parse", "--verify", "-q", rev], capture_output=True).returncode == 0


def _git(clone: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(clone), *args], capture_output=True, text=True, check=True).stdout


def _amendments(text: str) -> int:
    """The count in the summary line: ``12 amendments in 2 files (...)``."""
    found = re.search(r"^(\d+) amendments? in \d+ files?", text, flags=re.MULTILINE)
    return int(found.group(1)) if found else 0


def _heading_count(text: str, title: str) -> int:
    found = re.search(rf"^{re.escape(title)} \((\d+)\):", text, flags=re.MULTILINE)
    return int(found.group(1)) if found else 0


def _print_table(rows: list[Row], src: Path | None) -> None:
    print(f"specdiff from {src or 'the installed package'}")
    header = (
        f"{'repository':<22} {'range':<18} {'diff s':>6} {'amend.':>6} {'dangl.':>6} {'outputs':>7}"
        f" {'log s':>6} {'log am.':>7} {'impact s':>8} {'cover. s':>8}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        print(
            f"{r.name[:22]:<22} {r.range:<18} {r.diff_seconds:>6.2f} {r.amendments:>6} {r.dangling:>6} {r.outputs:>7}"
            f" {r.log_seconds:>6.2f} {r.log_amendments:>7} {r.impact_seconds:>8.2f} {r.coverage_seconds:>8.2f}"
        )
        for failure in r.failures:
            print(f"    failed: {failure}")


if __name__ == "__main__":
    main()
