"""Shared fixtures: a hermetic git environment, temporary spec repositories, the CLI.

Every test gets a fresh HOME, no system git config, a fixed identity and fixed
commit dates, so repositories built here are the same on every machine.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from specdiff.cli import main
from specdiff.sample import build_sample_repository


@pytest.fixture(autouse=True)
def hermetic_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Test Author")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "test@example.invalid")
        monkeypatch.setenv(f"GIT_{role}_DATE", "2026-01-01T12:00:00+00:00")
    monkeypatch.setenv("GIT_EDITOR", "false")
    for name in (
        "NO_COLOR",
        "SPECDIFF_COLOR",
        "SPECDIFF_CONFIG_FROM",
        "FORCE_COLOR",
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "GITHUB_TOKEN",
    ):
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
