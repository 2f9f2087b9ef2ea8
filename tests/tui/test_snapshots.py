"""Snapshots of the review app's main screens (pytest-textual-snapshot).

The SVGs live in ``__snapshots__/`` beside this file. After a deliberate change
to the look, review the new pictures and accept them with
``pytest tests/tui/test_snapshots.py --snapshot-update``. Textual is pinned
exactly in the ``test`` extra so that an upgrade cannot change them silently.
"""

from __future__ import annotations

from specdiff.model import Revision, SpecDiff
from specdiff.tui.app import ReviewApp


def test_main_screen_at_80_by_24(snap_compare, sample_app):
    assert snap_compare(sample_app(), terminal_size=(80, 24))


def test_side_by_side_in_a_wide_terminal(snap_compare, sample_app):
    assert snap_compare(sample_app(), terminal_size=(140, 40), press=["j"])


def test_help_screen(snap_compare, sample_app):
    assert snap_compare(sample_app(), terminal_size=(100, 36), press=["question_mark"])


def test_filtered_to_breaking_and_reviewed(snap_compare, sample_app):
    assert snap_compare(sample_app(), terminal_size=(100, 30), press=["1", "r", "j"])


def test_empty_diff(snap_compare, tmp_path):
    empty = SpecDiff(Revision("HEAD", "0" * 40), Revision(None, None), [], state_dir=tmp_path / "state")
    assert snap_compare(ReviewApp(empty, tmp_path), terminal_size=(80, 24))
