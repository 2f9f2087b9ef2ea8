"""Reviewed marks on disk: written at once and atomically, merged with other sessions, a damaged file ignored."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from specdiff.tui.reviewed import FILE_NAME, load_marks, set_reviewed

WHEN = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)


def test_no_file_means_no_marks_and_the_folder_is_made_when_needed(tmp_path):
    state = tmp_path / ".git" / "specdiff"
    marks = load_marks(state)
    assert len(marks) == 0 and marks.warning is None and not state.exists(), "loading creates nothing"
    set_reviewed(marks, "ab12", True, now=WHEN)
    assert json.loads((state / FILE_NAME).read_text(encoding="utf-8")) == {
        "reviewed": {"ab12": "2026-01-05T09:30:00+00:00"},
        "version": 1,
    }
    assert "ab12" in load_marks(state)
    assert sorted(p.name for p in state.iterdir()) == [FILE_NAME], "no temporary file is left behind"


def test_unmarking_removes_the_id(tmp_path):
    marks = load_marks(tmp_path)
    set_reviewed(marks, "ab12", True)
    set_reviewed(marks, "cd34", True)
    set_reviewed(marks, "ab12", False)
    assert set(load_marks(tmp_path).marked) == {"cd34"}


def test_two_sessions_keep_each_others_marks(tmp_path):
    first, second = load_marks(tmp_path), load_marks(tmp_path)
    set_reviewed(first, "ab12", True)
    set_reviewed(second, "cd34", True)
    assert set(load_marks(tmp_path).marked) == {"ab12", "cd34"}, "the second write merged the first's mark"


@pytest.mark.parametrize(
    ("content", "reason"),
    [("{not json", "is not valid JSON"), ('{"reviewed": ["ab12"]}', 'has no "reviewed" table'), (b"\xff\xfe", "cannot be read")],
)
def test_a_damaged_file_is_ignored_with_a_warning_and_replaced_on_the_next_mark(tmp_path, content, reason):
    path = tmp_path / FILE_NAME
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    marks = load_marks(tmp_path)
    assert len(marks) == 0 and reason in (marks.warning or "")
    assert path.read_bytes() == (content if isinstance(content, bytes) else content.encode()), "not touched on load"
    set_reviewed(marks, "ab12", True)
    assert set(json.loads(path.read_text(encoding="utf-8"))["reviewed"]) == {"ab12"}


def test_without_a_state_folder_marks_stay_in_memory():
    marks = load_marks(None)
    assert "will not be saved" in (marks.warning or "")
    set_reviewed(marks, "ab12", True)
    assert "ab12" in marks


def test_a_write_that_fails_raises_and_keeps_the_mark_in_memory(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    marks = load_marks(blocker / "specdiff")
    with pytest.raises(OSError):
        set_reviewed(marks, "ab12", True)
    assert "ab12" in marks
