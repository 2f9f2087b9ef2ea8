"""The bundled sample spec repository, built into a real git repository.

Its history lives in ``sample_repo/revisions/NN-name/`` as plain files: each
folder's ``message.txt`` is a commit message and its ``tree/`` the complete
work tree at that commit. :func:`build_sample_repository` replays them with
fixed author and dates, so the commit ids are the same on every machine.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from specdiff.errors import SpecdiffError
from specdiff.repo import Repository

FIRST_COMMIT_DATE = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
"""Date of the first sample commit; each next one is a day later."""


@dataclass(frozen=True)
class SampleRevision:
    name: str
    message: str
    tree: Path


def history_dir() -> Path:
    """Where the sample history is: inside the installed package, or in a source checkout."""
    installed = Path(__file__).parent / "sample_repo" / "revisions"
    if installed.is_dir():
        return installed
    checkout = Path(__file__).parent.parent / "sample_repo" / "revisions"
    if checkout.is_dir():
        return checkout
    raise SpecdiffError("the sample repository is missing from this installation; reinstall specdiff")


def sample_revisions() -> list[SampleRevision]:
    """The sample history, oldest first."""
    return [
        SampleRevision(folder.name, (folder / "message.txt").read_text(encoding="utf-8").strip() + "\n", folder / "tree")
        for folder in sorted(p for p in history_dir().iterdir() if p.is_dir())
    ]


def build_sample_repository(destination: Path, count: int | None = None) -> list[str]:
    """Create a git repository at ``destination`` holding the first ``count`` sample
    revisions (all by default) as commits; return their ids, oldest first."""
    if destination.exists() and any(destination.iterdir()):
        raise SpecdiffError(f"{destination} already exists and is not empty; name a new folder")
    destination.mkdir(parents=True, exist_ok=True)
    commits = []
    with Repository.create(destination) as repo:
        for n, revision in enumerate(sample_revisions()[:count]):
            _replace_work_tree(destination, revision.tree)
            date = (FIRST_COMMIT_DATE + timedelta(days=n)).isoformat()
            commits.append(repo.commit_all(revision.message, date))
    return commits


def _replace_work_tree(destination: Path, tree: Path) -> None:
    for entry in destination.iterdir():
        if entry.name != ".git":
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    # Plain copies, not copy2: keeping the source files' times would let git take
    # a same-sized edit ("7 days" -> "5 days") for an unchanged file. Byte code is
    # left behind: pip compiles the sample's generated/policy.py when it installs
    # the wheel, and the sample's commits must not depend on how it was installed.
    shutil.copytree(
        tree,
        destination,
        dirs_exist_ok=True,
        copy_function=shutil.copyfile,
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
