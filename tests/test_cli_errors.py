"""The CLI on bad input: exit 2 and one ``specdiff: error:`` line; unreadable files: a warning and exit 0."""

from __future__ import annotations

import json

import pytest
from helpers import assert_usage_error, shallow_clone

from specdiff import __version__
from specdiff.cli import main
from specdiff.config import DEFAULT_MAX_FILE_BYTES

SPEC_V1 = "# Policy\n\n## Replies\n\nThe assistant answers questoins about the library catalogue.\n"
SPEC_TYPO_FIXED = SPEC_V1.replace("questoins", "questions")
SPEC_MUST_ADDED = SPEC_V1 + "\nThe assistant MUST NOT share patron records.\n"


@pytest.fixture
def repo(spec_repo):
    """A repository with one spec committed twice (HEAD~1 and HEAD)."""
    spec_repo.commit("v1", {"spec.md": SPEC_V1})
    spec_repo.commit("v2", {"spec.md": SPEC_TYPO_FIXED})
    return spec_repo


# -- repositories and revisions -------------------------------------------------------------


def test_not_a_git_repository(specdiff, tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    assert_usage_error(specdiff("-C", plain), "not in a git repository", "plain")


def test_folder_that_does_not_exist(specdiff, tmp_path):
    assert_usage_error(specdiff("-C", tmp_path / "missing"), "no such folder", "missing")


def test_empty_repository(specdiff, spec_repo):
    assert_usage_error(specdiff("-C", spec_repo.path), "no commits")


def test_unknown_revision(specdiff, repo):
    assert_usage_error(specdiff("-C", repo.path, "no-such-rev"), "unknown revision", "no-such-rev")


def test_shallow_clone_missing_the_base(specdiff, repo, tmp_path):
    repo.commit("v3", {"spec.md": SPEC_MUST_ADDED})
    clone = shallow_clone(repo.path, tmp_path / "clone")
    assert_usage_error(specdiff("-C", clone, "HEAD~1"), "shallow clone", "git fetch --deepen")


def test_three_revisions(specdiff, repo):
    assert_usage_error(specdiff("-C", repo.path, "HEAD~1", "HEAD", "HEAD"), "too many revisions")


def test_range_with_a_second_revision(specdiff, repo):
    assert_usage_error(specdiff("-C", repo.path, "HEAD~1..HEAD", "HEAD"), "range cannot be combined")


# -- command line --------------------------------------------------------------------------


def test_unknown_format(specdiff, repo):
    assert_usage_error(specdiff("-C", repo.path, "HEAD~1", "--format", "xml"), "--format", "xml")


def test_unknown_option(specdiff, repo):
    assert_usage_error(specdiff("-C", repo.path, "--no-such-option"), "--no-such-option")


def test_unknown_fail_on_level(specdiff, repo):
    assert_usage_error(specdiff("-C", repo.path, "HEAD~1", "--fail-on", "catastrophic"), "--fail-on")


def test_main_returns_exit_code_for_usage_error(repo, capsys):
    assert main(["-C", str(repo.path), "--no-such-option"]) == 2


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["diff", "--help"],
    ],
    ids=["specdiff", "specdiff-diff"],
)
def test_help_exits_0_and_mentions_format(specdiff, argv):
    run = specdiff(*argv)
    assert run.code == 0
    assert "--format" in run.out


def test_version_prints_the_version(specdiff):
    run = specdiff("--version")
    assert run.code == 0
    assert run.out.strip() == f"specdiff {__version__}"


def test_paths_after_double_dash_are_relative_to_the_C_folder(specdiff, repo, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = specdiff("-C", repo.path, "HEAD~1", "HEAD", "--format", "json", "--", "spec.md")
    assert run.code == 0, run.err
    assert [f["new_path"] for f in json.loads(run.out)["files"]] == ["spec.md"]


# -- configuration -------------------------------------------------------------------------


def test_specdiff_toml_that_is_not_valid_toml(specdiff, repo):
    repo.write("specdiff.toml", "specs = [\n")
    assert_usage_error(specdiff("-C", repo.path, "HEAD~1"), "specdiff.toml", "not valid TOML")


def test_specdiff_toml_with_a_key_of_the_wrong_type(specdiff, repo):
    repo.write("specdiff.toml", "specs = 3\n")
    assert_usage_error(specdiff("-C", repo.path, "HEAD~1"), "specdiff.toml", "specs")


def test_pyproject_tool_specdiff_that_is_not_a_table(specdiff, repo):
    repo.write("pyproject.toml", '[tool]\nspecdiff = "yes"\n')
    assert_usage_error(specdiff("-C", repo.path, "HEAD~1"), "pyproject.toml", "[tool.specdiff]")


def test_pyproject_tool_that_is_not_a_table(specdiff, repo):
    repo.write("pyproject.toml", "tool = 3\n")
    assert_usage_error(specdiff("-C", repo.path, "HEAD~1"), "pyproject.toml")


# -- file size limit -----------------------------------------------------------------------


def test_without_a_config_a_spec_over_20_megabytes_is_refused(specdiff, repo):
    """The default limit holds on its own: one byte over it, and the file is named with the sizes."""
    repo.commit("huge spec", {"huge.md": "# Huge\n\n" + "x" * (DEFAULT_MAX_FILE_BYTES - 8) + "\n"})
    assert (repo.path / "huge.md").stat().st_size == DEFAULT_MAX_FILE_BYTES + 1
    line = assert_usage_error(specdiff("-C", repo.path, "HEAD~1", "HEAD"), "huge.md", "max_file_bytes")
    assert "over the 20 MB limit" in line, line


@pytest.fixture
def oversized(repo):
    """A 2,000-byte spec file committed at HEAD, with a 1,000-byte limit."""
    repo.write("specdiff.toml", "max_file_bytes = 1000\n")
    body = "# Big\n\n" + "x" * 1992 + "\n"
    assert len(body.encode()) == 2000
    repo.commit("big spec", {"big.md": body})
    return repo


def test_spec_file_over_the_size_limit_names_the_file(specdiff, oversized):
    assert_usage_error(specdiff("-C", oversized.path, "HEAD~1", "HEAD"), "big.md", "max_file_bytes")


def test_size_limit_message_states_the_sizes_meaningfully(specdiff, oversized):
    line = assert_usage_error(specdiff("-C", oversized.path, "HEAD~1", "HEAD"), "big.md")
    assert "0 MB limit" not in line and "0.0 MB" not in line, line


def test_the_graph_leaves_out_a_spec_file_over_the_limit_with_a_warning(specdiff, oversized):
    run = specdiff("graph", "-C", oversized.path, "--format", "json")
    assert run.code == 0, run.err
    assert "big.md is 2,000 bytes, over the 1,000 bytes limit for a spec file" in run.err
    assert "big.md" not in run.out


def test_spec_file_under_the_size_limit_is_diffed(specdiff, oversized):
    oversized.write("specdiff.toml", "max_file_bytes = 3000\n")
    run = specdiff("-C", oversized.path, "HEAD~1", "HEAD", "--format", "json")
    assert run.code == 0, run.err
    assert [f["new_path"] for f in json.loads(run.out)["files"]] == ["big.md"]


# -- unreadable spec files: skipped with a warning -----------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        (b"# Data\n\x00\x01\x02 old\n", b"# Data\n\x00\x01\x02 new\n", "binary"),
        (b"# Caf\xe9\n\nold text\n", b"# Caf\xe9\n\nnew text\n", "not UTF-8"),
    ],
    ids=["binary", "latin-1"],
)
def test_unreadable_spec_file_is_skipped_with_a_warning(specdiff, spec_repo, old, new, reason):
    spec_repo.commit("v1", {"spec.md": SPEC_V1, "odd.md": old})
    spec_repo.commit("v2", {"spec.md": SPEC_MUST_ADDED, "odd.md": new})
    run = specdiff("-C", spec_repo.path, "HEAD~1", "--format", "json")
    assert "Traceback" not in run.err, run.err
    assert run.code == 0, run.err
    warnings = [line for line in run.err.splitlines() if line.startswith("specdiff: warning:")]
    assert any("odd.md" in line and reason in line for line in warnings), run.err
    files = json.loads(run.out)["files"]
    assert [f["new_path"] for f in files] == ["spec.md"], "the unreadable file is left out, the normal one kept"
    assert files[0]["amendments"], "the normal file's amendment is still reported"


# -- --fail-on -----------------------------------------------------------------------------


def test_fail_on_breaking_exits_1_when_a_must_is_added(specdiff, repo):
    repo.commit("must", {"spec.md": SPEC_MUST_ADDED.replace("questoins", "questions")})
    run = specdiff("-C", repo.path, "HEAD~1", "HEAD", "--fail-on", "breaking")
    assert run.code == 1, run.out + run.err


def test_fail_on_breaking_exits_0_for_a_typo_fix(specdiff, repo):
    run = specdiff("-C", repo.path, "HEAD~1", "HEAD", "--fail-on", "breaking")
    assert run.code == 0, run.out + run.err
    assert "editorial" in run.out, "the typo fix is still reported"


def test_fail_on_editorial_exits_1_for_a_typo_fix(specdiff, repo):
    run = specdiff("-C", repo.path, "HEAD~1", "HEAD", "--fail-on", "editorial")
    assert run.code == 1, run.out + run.err
