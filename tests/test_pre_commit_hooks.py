"""The hooks in ``.pre-commit-hooks.yaml``, run by pre-commit itself (``pre-commit try-repo``).

The hook file says ``language: python``, which makes pre-commit build a virtualenv
and install specdiff from PyPI's dependencies: tests must not need the network, so
the copy tried here says ``language: system`` and runs the specdiff installed with
the tests. Everything else (entry, arguments, file pattern, exit codes) is the
real file's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SpecRepo

ROOT = Path(__file__).resolve().parent.parent
SPEC = "# Desk\n\n## Holds {#holds}\n\nThe assistant should tell the patron when a hold is ready.\n"


@pytest.fixture
def hook_repo(tmp_path: Path) -> SpecRepo:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert hooks.count("language: python") == 2
    repo = SpecRepo(tmp_path / "hooks")
    repo.commit("Hooks", {".pre-commit-hooks.yaml": hooks.replace("language: python", "language: system")})
    return repo


def _try(hook_repo: SpecRepo, spec_repo: SpecRepo, hook: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
    }
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo.path), hook, "--verbose"],
        cwd=spec_repo.path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_lint_hook_fails_on_a_vague_rule_and_passes_once_fixed(hook_repo, spec_repo, tmp_path):
    spec_repo.commit("Base", {"spec/desk.md": SPEC, "specdiff.toml": '[lint]\nselect = ["VAG001"]\n'})  # off by default
    spec_repo.write("spec/desk.md", SPEC + "\nThe assistant must answer hold questions in a timely manner.\n")
    spec_repo.git("add", "spec/desk.md")
    run = _try(hook_repo, spec_repo, "specdiff-lint", tmp_path)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "VAG001" in run.stdout, run.stdout

    spec_repo.write("spec/desk.md", SPEC + "\nThe assistant must answer hold questions within two minutes.\n")
    spec_repo.git("add", "spec/desk.md")
    run = _try(hook_repo, spec_repo, "specdiff-lint", tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr


def test_breaking_hook_fails_on_a_strengthened_rule(hook_repo, spec_repo, tmp_path):
    spec_repo.commit("Base", {"spec/desk.md": SPEC})
    spec_repo.write("spec/desk.md", SPEC.replace("should tell", "must tell"))
    spec_repo.git("add", "spec/desk.md")
    run = _try(hook_repo, spec_repo, "specdiff-breaking", tmp_path)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "breaking" in run.stdout, run.stdout

    spec_repo.write("spec/desk.md", SPEC.replace("hold is ready", "hold is ready at the desk"))
    spec_repo.git("add", "spec/desk.md")
    assert _try(hook_repo, spec_repo, "specdiff-breaking", tmp_path).returncode == 0
