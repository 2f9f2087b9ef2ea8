"""Reviewed marks: the amendments a reviewer has ticked, kept in ``.git/specdiff/reviewed.json``.

Marks are keyed by :attr:`~specdiff.model.Amendment.id`, a hash of what
changed rather than of any commit, so a tick survives restarting the app,
rebasing the branch and amending the commit. The file lives inside ``.git``:
it is the reviewer's own state, never committed, never in the way of a merge::

    {"reviewed": {"ca4850c0b0ef": "2026-01-05T09:30:00+00:00"}, "version": 1}

Each change is written at once and atomically (a temporary file, then
``os.replace``), after merging with whatever another session wrote since, so
two review windows on one repository do not undo each other's ticks. A file
that cannot be read is ignored with a warning: the app starts with no marks,
and the file is replaced only when the reviewer marks something.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from specdiff.atomic import exclusive, write_text_atomically

FILE_NAME = "reviewed.json"
VERSION = 1


class UnreadableMarks(Exception):
    """The marks file exists but is not what this module writes."""


@dataclass
class ReviewedMarks:
    """The ticks of one repository, and where they are kept."""

    path: Path | None
    """The marks file; ``None`` keeps them in memory only (a diff without a repository)."""
    marked: dict[str, str] = field(default_factory=dict)
    """When each amendment id was marked, as an ISO 8601 time."""
    warning: str | None = None
    """Why the file on disk was not used, to show once."""

    def __contains__(self, amendment_id: object) -> bool:
        return amendment_id in self.marked

    def __len__(self) -> int:
        return len(self.marked)


def load_marks(state_dir: Path | None) -> ReviewedMarks:
    """The marks kept under ``state_dir`` (``.git/specdiff``); none yet if there is no file."""
    if state_dir is None:
        return ReviewedMarks(None, warning="this diff has no repository state folder: reviewed marks will not be saved")
    path = state_dir / FILE_NAME
    try:
        return ReviewedMarks(path, _read(path))
    except UnreadableMarks as error:
        return ReviewedMarks(path, warning=f"{path} {error}; starting with no reviewed marks (it is replaced when you mark one)")


def set_reviewed(marks: ReviewedMarks, amendment_id: str, reviewed: bool, *, now: datetime | None = None) -> None:
    """Mark or unmark one amendment and save the marks at once.

    Raises ``OSError`` when the file cannot be written; the mark then stays in memory.
    """
    if reviewed:
        marks.marked[amendment_id] = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    else:
        marks.marked.pop(amendment_id, None)
    if marks.path is None:
        return
    # Only this one entry changes on disk (another window's ticks and unticks since stay as they are),
    # under a file lock so that two windows saving at once take turns.
    with exclusive(marks.path.parent):
        try:
            merged = _read(marks.path)
        except UnreadableMarks:
            merged = dict(marks.marked)  # the reviewer was warned at start; their marks replace it now
        if reviewed:
            merged[amendment_id] = marks.marked[amendment_id]
        else:
            merged.pop(amendment_id, None)
        marks.marked = merged
        _write(marks.path, merged)


def _read(path: Path) -> dict[str, str]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableMarks(f"cannot be read ({error})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableMarks(f"is not valid JSON (line {error.lineno}: {error.msg})") from None
    reviewed = data.get("reviewed") if isinstance(data, dict) else None
    if not isinstance(reviewed, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in reviewed.items()):
        raise UnreadableMarks('has no "reviewed" table of amendment ids')
    return dict(reviewed)


def _write(path: Path, marked: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(path, json.dumps({"version": VERSION, "reviewed": marked}, indent=1, sort_keys=True) + "\n")
