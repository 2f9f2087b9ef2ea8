"""A pull request that edits its own config to loosen the check: ``--config-from REV`` reads the
settings from a trusted revision (the base branch) instead of the working tree.

Each runs the real CLI on a real repository in a temporary folder.
"""

from __future__ import annotations

import json

import pytest
from helpers import assert_usage_error

RULE_OLD = "# Rules {#rules}\n\nThe assistant must not share a patron's history.\n"
RULE_NEW = "# Rules {#rules}\n\nThe assistant may share a patron's history.\n"
BASE_CONFIG = 'specs = ["spec/**/*.md"]\nrequirement_ids = ["LIB-\\\\d+"]\n'
# What a hostile pull request puts in its own copy: no spec file selected any more.
LOOSENED = {
    "specdiff.toml": 'specs = ["nothing/*.md"]\n',
    "pyproject.toml": '[tool.specdiff]\nspecs = ["nothing/*.md"]\n',
}


@pytest.fixture(params=sorted(LOOSENED))
def loosening_pr(request, spec_repo):
    """``main`` holds the base config; branch ``pr`` loosens a rule and, in the same commit, the config."""
    spec_repo.commit("base", {"spec/rules.md": RULE_OLD, "specdiff.toml": BASE_CONFIG})
    spec_repo.git("checkout", "-q", "-b", "pr")
    files = {"spec/rules.md": RULE_NEW, request.param: LOOSENED[request.param]}
    spec_repo.commit("loosen", files, remove=("specdiff.toml",) if request.param == "pyproject.toml" else ())
    return spec_repo


def test_the_pull_requests_own_config_dodges_the_gate(loosening_pr, specdiff):
    """Why the option exists: read from the working tree, the loosened config hides the change."""
    result = specdiff("-C", loosening_pr.path, "main...pr", "--fail-on", "breaking")
    assert result.code == 0
    assert "No spec" in result.out


@pytest.mark.parametrize("where", ["option", "option=", "environment"])
def test_config_from_the_base_keeps_the_gate(loosening_pr, specdiff, monkeypatch, where):
    argv = ["-C", loosening_pr.path, "main...pr", "--fail-on", "breaking", "--format", "json"]
    if where == "option":
        argv = ["--config-from", "main", *argv]
    elif where == "option=":
        argv += ["--config-from=main"]
    else:
        monkeypatch.setenv("SPECDIFF_CONFIG_FROM", "main")
    result = specdiff(*argv)
    assert result.code == 1, result.err
    data = json.loads(result.out)
    assert [f["new_path"] for f in data["files"]] == ["spec/rules.md"]
    assert [a["severity"] for f in data["files"] for a in f["amendments"]] == ["breaking"]


def test_config_from_applies_to_every_command(loosening_pr, specdiff):
    for command in (["comment", "main...pr"], ["changelog", "main", "pr"]):
        plain = specdiff(*command, "-C", loosening_pr.path)
        trusted = specdiff(*command, "-C", loosening_pr.path, "--config-from", "main")
        assert plain.code == trusted.code == 0
        assert "patron" not in plain.out
        assert "patron" in trusted.out, trusted.out


def test_config_from_a_revision_without_config_uses_its_detected_defaults(spec_repo, specdiff):
    spec_repo.commit("base", {"spec/rules.md": RULE_OLD})
    spec_repo.commit("add a config that selects nothing", {"spec/rules.md": RULE_NEW, "specdiff.toml": LOOSENED["specdiff.toml"]})
    result = specdiff("-C", spec_repo.path, "HEAD~1", "HEAD", "--config-from", "HEAD~1", "--fail-on", "breaking")
    assert result.code == 1, result.out + result.err


def test_a_bad_config_at_the_revision_names_the_revision(spec_repo, specdiff):
    spec_repo.commit("base", {"spec/rules.md": RULE_OLD, "specdiff.toml": "specs = 3\n"})
    spec_repo.commit("change", {"spec/rules.md": RULE_NEW})
    assert_usage_error(specdiff("-C", spec_repo.path, "HEAD~1", "HEAD", "--config-from", "HEAD~1"), "specdiff.toml at HEAD~1")


@pytest.mark.parametrize(
    "argv", [["--config-from"], ["--config-from="], ["--config-from", "--format"], ["--config-from", "nope"]]
)
def test_config_from_needs_a_revision(spec_repo, specdiff, argv):
    spec_repo.commit("base", {"spec/rules.md": RULE_OLD})
    assert_usage_error(specdiff("-C", spec_repo.path, "HEAD", *argv))
