"""The editor command line: ``+LINE path`` for terminal editors, ``path:line`` for a few others."""

from __future__ import annotations

import doctest

import pytest

from specdiff.tui import editor
from specdiff.tui.editor import editor_command, editor_target


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
    assert editor_target(modified) == ("spec/behavior.md", 75)
    assert editor_target(added) == ("spec/behavior.md", 93)
