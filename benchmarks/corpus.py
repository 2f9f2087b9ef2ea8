"""What the benchmarks share: opening an input (a git repository, or an exported corpus turned
into one), running git, and timing.

A corpus folder holds ``manifest.json`` and one folder per commit
(``<seq>-<sha>/<path>``), as in ``../shared/corpora``. It is replayed into a
temporary git repository, oldest commit first, with its original dates, and removed when the
benchmark exits.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def repository(path: str | Path) -> Path:
    """``path`` itself if it is a git work tree, else a repository built from the corpus there."""
    path = Path(path)
    if (path / ".git").exists():
        return path
    if not (path / "manifest.json").is_file():
        raise SystemExit(f"{path} is neither a git repository nor a corpus folder with manifest.json")
    scratch = Path(tempfile.mkdtemp(prefix="specdiff-bench-"))
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)
    destination = scratch / path.name
    destination.mkdir()
    commits = json.loads((path / "manifest.json").read_text())["commits"]
    git(destination, "init", "-q", "-b", "main")
    for commit in commits:
        for entry in destination.iterdir():
            if entry.name != ".git":
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
        for file in commit["files"]:
            target = destination / file["path"]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path / commit["dir"] / file["path"], target)
        dates = {"GIT_AUTHOR_DATE": commit.get("author_date") or commit["date"], "GIT_COMMITTER_DATE": commit["date"]}
        git(destination, "add", "-A")
        git(destination, "commit", "-q", "--allow-empty", "-m", commit["subject"] or commit["dir"], env=dates)
    return destination


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> str:
    identity = {
        "GIT_AUTHOR_NAME": "corpus",
        "GIT_AUTHOR_EMAIL": "corpus@example.invalid",
        "GIT_COMMITTER_NAME": "corpus",
        "GIT_COMMITTER_EMAIL": "corpus@example.invalid",
    }
    done = subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env={**os.environ, **identity, **(env or {})}
    )
    return done.stdout


LEFT_OUT_OF_CHECKOUTS = ("!*.pptx", "!*.pdf", "!*.png", "!*.jpg", "!*.gif")


def private_clone(source: str | Path, destination: Path) -> None:
    """Clone ``source`` to ``destination`` (so specdiff's caches in ``.git`` stay out of the
    user's clone) and check out everything but slides, PDFs and images. Some fetched histories
    lack those blobs (cloudevents/spec's ``docs/share/*.pptx``), and a plain checkout fails on
    them; specdiff never reads them. Git still prints a complaint about them, harmlessly."""
    subprocess.run(["git", "clone", "-q", "--no-checkout", str(source), str(destination)], check=True)
    git(destination, "sparse-checkout", "set", "--no-cone", "/*", *LEFT_OUT_OF_CHECKOUTS)
    git(destination, "checkout", "-q")


def first_parent_commits(repo: Path) -> list[str]:
    """Commit ids of the first-parent history, oldest first."""
    return git(repo, "rev-list", "--first-parent", "--reverse", "HEAD").split()


def best_of(work: Callable[[], Any], runs: int = 3) -> float:
    """The fastest of ``runs`` calls of ``work``, in seconds (the least disturbed by the machine)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best
