"""Shared fixtures: a hermetic git environment, temporary spec repositories, the CLI.

Every test gets a fresh HOME, no system git config, a fixed identity and fixed
commit dates, so repositories built here are the same on every machine.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from specdiff.cli import main
from specdiff.sample import build_sample_repository

# Property tests are timed by the wall clock, which a CI box shared by several jobs does not keep for them:
# a parse of 30 short lines (about 2 ms) can take over Hypothesis's default 200 ms deadline there,
# and fail as "unreliable timings". They check properties, not speed (benchmarks/ measures that).
settings.register_profile("specdiff", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("specdiff")

OUTSIDE_SETTINGS = ("GIT_", "GITHUB_", "OPENAI_", "SPECDIFF_")
"""Prefixes of environment variables the shell running the tests may have set, that git, the
GitHub client, the language-model client or specdiff itself would read."""


@pytest.fixture(autouse=True, scope="session")
def hermetic_git(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """For the whole session, none of those (``GIT_DIR`` and ``GIT_INDEX_FILE`` from a git hook
    send every git command to the wrong repository, ``GITHUB_REPOSITORY`` in Actions names a pull
    request, a proxy would route the fake servers on 127.0.0.1 elsewhere) except
    ``SPECDIFF_UPDATE_SNAPSHOTS``, which asks the snapshot tests to rewrite their files; no system or
    user git config; an empty HOME and no ``XDG_CONFIG_HOME`` (git reads ignore and attributes files
    under both: a user's ``*.md`` ignore rule hid the specs from ``history``); and a fixed identity
    and commit date.

    Session-wide, so that session and module fixtures (the sample repository, the hostile
    repositories) are built with them too: they run before any test's own fixtures, and used to
    commit as whoever the machine's git config named, or fail where it names no one (a fresh CI box).
    """
    proxies = {"http_proxy", "https_proxy", "all_proxy"}
    with pytest.MonkeyPatch.context() as patch:
        for name in list(os.environ):
            if name == "SPECDIFF_UPDATE_SNAPSHOTS":
                continue
            if name.startswith(OUTSIDE_SETTINGS) or name.lower() in proxies:
                patch.delenv(name)
        patch.setenv("HOME", str(tmp_path_factory.mktemp("session-home")))
        patch.delenv("XDG_CONFIG_HOME", raising=False)
        patch.setenv("GIT_CONFIG_NOSYSTEM", "1")
        patch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
        for role in ("AUTHOR", "COMMITTER"):
            patch.setenv(f"GIT_{role}_NAME", "Test Author")
            patch.setenv(f"GIT_{role}_EMAIL", "test@example.invalid")
            patch.setenv(f"GIT_{role}_DATE", "2026-01-01T12:00:00+00:00")
        patch.setenv("GIT_EDITOR", "false")
        yield


@pytest.fixture(autouse=True)
def hermetic_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each test: a fresh HOME, no colour settings or editor from the shell, a 100-column terminal."""
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
    for name in ("NO_COLOR", "FORCE_COLOR", "EDITOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "100")


class SpecRepo:
    """A real git repository in a temporary folder, for writing spec history."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        done = subprocess.run(["git", "-C", str(self.path), *args], check=True, capture_output=True, text=True)
        return done.stdout.strip()

    def write(self, path: str, content: str | bytes) -> Path:
        target = self.path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        return target

    def commit(self, message: str, files: dict[str, str | bytes] | None = None, remove: tuple[str, ...] = ()) -> str:
        """Write ``files``, delete ``remove``, commit everything; return the commit id."""
        for path, content in (files or {}).items():
            self.write(path, content)
        for path in remove:
            (self.path / path).unlink()
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD")


@pytest.fixture
def spec_repo(tmp_path: Path) -> SpecRepo:
    return SpecRepo(tmp_path / "repo")


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def specdiff(capsys: pytest.CaptureFixture[str]):
    """Run the real CLI in-process: ``specdiff("-C", path, "HEAD~1")``."""

    def run(*argv: str | Path) -> Run:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def specdiff_json(specdiff):
    """Run the real CLI with ``--format json``, check that it succeeded, and read its output.

    ``specdiff_json("-C", path, "HEAD~1")`` is the parsed document. ``lines=True`` reads one
    JSON value a line (``log``, ``impact --evals``); ``quiet=True`` also checks that nothing,
    not even a warning, went to stderr.
    """

    def run(*argv: str | Path, lines: bool = False, quiet: bool = False) -> Any:
        at = argv.index("--") if "--" in argv else len(argv)  # paths after "--" stay last
        result = specdiff(*argv[:at], "--format", "json", *argv[at:])
        assert "Traceback" not in result.err, result.err
        assert result.code == 0, f"exit code {result.code}, stderr: {result.err!r}"
        if quiet:
            assert result.err == "", result.err
        if lines:
            return [json.loads(line) for line in result.out.splitlines()]
        return json.loads(result.out)

    return run


@pytest.fixture(scope="session")
def sample_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The bundled sample repository, built once: its folder and commit ids, oldest first.

    Do not modify it; tests that need to write build their own.
    """
    path = tmp_path_factory.mktemp("sample") / "repo"
    return path, build_sample_repository(path)
