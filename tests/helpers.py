"""Checks and set-ups that several test files use."""

from __future__ import annotations

import subprocess
from pathlib import Path


def assert_usage_error(run, *expected: str) -> str:
    """Exit 2, nothing on stdout, exactly one ``specdiff: error:`` line on stderr; return that line."""
    assert "Traceback" not in run.err, run.err
    assert run.code == 2, f"exit code {run.code}, stderr: {run.err!r}"
    assert run.out == "", "nothing may go to stdout on an error"
    lines = run.err.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {lines!r}"
    assert lines[0].startswith("specdiff: error:"), lines[0]
    for text in expected:
        assert text in lines[0], f"{text!r} missing from {lines[0]!r}"
    return lines[0]


def has_effect(amendment: dict, expected: dict) -> bool:
    """Whether the (JSON) amendment has an effect with all of ``expected``'s fields."""
    return any(all(effect.get(k) == v for k, v in expected.items()) for effect in amendment["effects"])


def shallow_clone(source: Path, dest: Path) -> Path:
    """A clone of ``source`` with only its newest commit."""
    # A file:// URL, not a plain path: a local path clone ignores --depth.
    subprocess.run(["git", "clone", "-q", "--depth", "1", source.as_uri(), str(dest)], check=True, capture_output=True)
    return dest
