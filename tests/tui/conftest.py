"""Fixtures for the review app's tests: private copies of the sample repository, a big diff."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pilot_helpers import big_spec

from specdiff.diff import DiffRequest, diff_revisions
from specdiff.model import SpecDiff
from specdiff.tui.app import ReviewApp


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder drives the app: mark them ``tui`` (deselect with ``-m "not tui"``)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.tui)


@pytest.fixture
def sample_copy(sample_repo, tmp_path: Path) -> Path:
    """A private copy of the sample repository: tests here write marks, locks and files."""
    path, _ = sample_repo
    copy = tmp_path / "sample"
    shutil.copytree(path, copy, symlinks=True)
    return copy


@pytest.fixture(scope="session")
def sample_diff(sample_repo) -> SpecDiff:
    """The sample's last commit (six amendments), computed once: each test reviews a deep copy."""
    path, _ = sample_repo
    return diff_revisions(DiffRequest(path, ("HEAD~1", "HEAD")))


@pytest.fixture
def sample_app(sample_diff: SpecDiff, sample_copy: Path):
    """Build the app for ``specdiff review HEAD~1 HEAD`` in the private copy of the sample.

    ``make_app`` would compute the same diff again (0.3 s a test); tests of
    ``make_app`` itself call it.
    """

    def build() -> ReviewApp:
        diff = copy.deepcopy(sample_diff)
        diff.state_dir = sample_copy / ".git" / "specdiff"
        return ReviewApp(diff, sample_copy)

    return build


@pytest.fixture(scope="session")
def big_diff(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SpecDiff]:
    """40 sections of 10 clauses, every clause changed by the last commit: 400 amendments.

    Built once (about a second); tests review deep copies and must not write into it.
    """
    path = tmp_path_factory.mktemp("big") / "repo"
    path.mkdir()
    identity = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid", "GIT_CONFIG_GLOBAL": "/dev/null"}
    env = {**os.environ, **identity, "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}
    subprocess.run(["git", "init", "-q", str(path)], check=True, env=env)
    for revision in (0, 1):
        (path / "spec.md").write_text(big_spec(40, 10, revision), encoding="utf-8")
        subprocess.run(["git", "-C", str(path), "add", "-A"], check=True, env=env)
        subprocess.run(["git", "-C", str(path), "commit", "-qm", f"revision {revision}"], check=True, env=env)
    return path, diff_revisions(DiffRequest(path, ("HEAD~1", "HEAD")))


@pytest.fixture
def big_app(big_diff, tmp_path: Path):
    """The big diff's app, with reviewed marks of its own (not in the shared repository's .git)."""
    path, diff = big_diff
    mine = copy.deepcopy(diff)
    mine.state_dir = tmp_path / "state"
    return ReviewApp(mine, path)
