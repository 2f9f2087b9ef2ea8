"""The session environment that ``conftest.hermetic_git`` sets up, as module fixtures see it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def module_environment() -> dict[str, str]:
    """The environment a module fixture (such as a repository built once per module) runs in."""
    return dict(os.environ)


def test_module_fixtures_get_a_home_of_their_own(module_environment, tmp_path_factory):
    # git reads $HOME/.config/git/{ignore,attributes} and $XDG_CONFIG_HOME/git/...: a user's
    # `*.md` ignore rule left the specs out of repositories built in module fixtures.
    assert Path(module_environment["HOME"]).is_relative_to(tmp_path_factory.getbasetemp())
    assert "XDG_CONFIG_HOME" not in module_environment

