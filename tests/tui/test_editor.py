"""The editor command line: ``+LINE path`` for terminal editors, ``path:line`` for a few others."""

from __future__ import annotations

import doctest

import pytest

from specdiff.diff import DiffRequest, diff_revisions
from specdiff.tui import editor
from specdiff.tui.editor import Target, editor_command, editor_target, file_to_open, missing_program


def test_docstring_examples():
    failures, tried = doctest.testmod(editor)
    assert tried > 0 and failures == 0


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("vi", ["vi", "+12", "spec.md"]),
        ("nano", ["nano", "+12", "spec.md"]),
        ("emacs -nw", ["emacs", "-nw", "+12", "spec.md"]),
        ("'/opt/my editor/vim'", ["/opt/my editor/vim", "+12", "spec.md"]),
        ("/usr/bin/code --wait", ["/usr/bin/code", "--wait", "--goto", "spec.md:12"]),
        ("subl -w", ["subl", "-w", "spec.md:12"]),
    ],
)
def test_editor_command(setting, expected):
    assert editor_command(setting, "spec.md", 12) == expected


def test_the_target_is_the_new_side_or_where_a_removed_clause_was(sample_diff):
    modified, added = sample_diff.amendments[:2]
    assert editor_target(sample_diff, modified) == Target("spec/behavior.md", 75, sample_diff.head)
    assert editor_target(sample_diff, added) == Target("spec/behavior.md", 93, sample_diff.head)


def test_a_removed_clause_is_opened_where_it_was_in_the_base_revision(spec_repo, tmp_path):
    spec_repo.commit("one", {"spec.md": "# Rules\n\nKeep it short.\n\nBe kind.\n"})
    spec_repo.commit("two", {"spec.md": "# Rules\n\nBe kind.\n"})
    diff = diff_revisions(DiffRequest(spec_repo.path, ("HEAD~1", "HEAD")))
    (removed,) = diff.amendments
    target = editor_target(diff, removed)
    assert (target.path, target.line, target.revision) == ("spec.md", 3, diff.base)
    copy = file_to_open(target, spec_repo.path, tmp_path / "state")
    assert copy.read_text(encoding="utf-8").splitlines()[2] == "Keep it short."
    assert file_to_open(target, spec_repo.path, tmp_path / "state") == copy, "made once, then reused"


def test_an_editor_that_is_not_installed_is_found_before_starting_it():
    assert missing_program(["no-such-editor-here", "+1", "spec.md"]) == "no-such-editor-here"
    assert missing_program(["sh", "+1", "spec.md"]) is None
