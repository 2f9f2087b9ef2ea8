"""The terminal view: readable with and without colour, within the width, nothing lost."""

from __future__ import annotations

import re

import pytest

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def changed_repo(spec_repo):
    spec_repo.commit(
        "first", {"spec.md": "# Rules {#rules}\n\nThe assistant should answer within 30 days, as the [policy](#rules) says.\n"}
    )
    spec_repo.commit(
        "second", {"spec.md": "# Rules {#rules}\n\nThe assistant must answer within 14 days, as the [policy](#rules) says.\n"}
    )
    return spec_repo


def test_plain_output_marks_the_word_diff(changed_repo, specdiff):
    result = specdiff("-C", changed_repo.path, "HEAD~1", "--color", "never")
    assert result.code == 0
    assert "[-should-]{+must+}" in result.out and "[-30-]{+14+}" in result.out
    assert "modality: should → must (strengthened)" in result.out
    assert "number: 30 → 14" in result.out
    assert "§ Rules" in result.out and "#rules" in result.out
    assert not ANSI.search(result.out)
    assert result.out.rstrip().splitlines()[-1].startswith("1 amendment in 1 file (1 breaking)")


def test_colour_on_request(changed_repo, specdiff):
    result = specdiff("-C", changed_repo.path, "HEAD~1", "--color", "always")
    assert ANSI.search(result.out)
    assert "[-should-]" not in result.out, "colour replaces the plain markers"


def test_no_color_environment_wins_over_auto(changed_repo, specdiff, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert not ANSI.search(specdiff("-C", changed_repo.path, "HEAD~1").out)


def test_lines_fit_the_width_and_have_no_trailing_spaces(spec_repo, specdiff, monkeypatch):
    long = " ".join(["The assistant should keep every answer short and plain."] * 12)
    spec_repo.commit("first", {"spec.md": f"# Rules\n\n{long}\n"})
    spec_repo.commit("second", {"spec.md": f"# Rules\n\n{long.replace('short', 'brief', 1)}\n"})
    monkeypatch.setenv("COLUMNS", "60")
    out = specdiff("-C", spec_repo.path, "HEAD~1", "--color", "never").out
    for line in out.splitlines():
        assert len(line) <= 60, line
        assert line == line.rstrip(), repr(line)
    assert "…" in out, "long unchanged runs are cut"


def test_no_amendments_says_so(changed_repo, specdiff):
    result = specdiff("-C", changed_repo.path)
    assert result.code == 0
    assert result.out.startswith("No spec amendments (HEAD (")


def test_a_move_between_files_names_the_file_it_came_from(spec_repo, specdiff):
    rule = "The assistant must confirm the branch before it books a meeting room."
    spec_repo.commit("first", {"rooms.md": f"# Rooms\n\nRooms are free.\n\n{rule}\n", "staff.md": "# Staff\n\nStaff answer.\n"})
    spec_repo.commit("second", {"rooms.md": "# Rooms\n\nRooms are free.\n", "staff.md": f"# Staff\n\nStaff answer.\n\n{rule}\n"})
    out = specdiff("-C", spec_repo.path, "HEAD~1", "--color", "never").out
    assert "moved · substantive" in out and "(from rooms.md § Rooms)" in out


def test_a_clause_in_a_renamed_section_did_not_move(spec_repo, specdiff):
    rule = "The assistant should describe links by where they lead."
    spec_repo.commit("first", {"spec.md": f"# Access requests {{#access}}\n\n{rule}\n"})
    spec_repo.commit("second", {"spec.md": f"# Access needs {{#access_needs}}\n\n{rule.replace('should', 'must')}\n"})
    out = specdiff("-C", spec_repo.path, "HEAD~1", "--color", "never").out
    assert "renamed section" in out and "modality: should → must" in out
    assert "(from" not in out
