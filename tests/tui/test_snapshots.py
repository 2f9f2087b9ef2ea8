"""Snapshots of the review app's main screens (pytest-textual-snapshot).

The SVGs live in ``__snapshots__/`` beside this file. After a deliberate change
to the look, review the new pictures and accept them with
``pytest tests/tui/test_snapshots.py --snapshot-update``. Textual is pinned
exactly in the ``test`` extra so that an upgrade cannot change them silently.

Each waits (``run_before``) until the first amendment is shown: the tree is listed after the
screen's first refresh, and a key pressed before then would find nothing to move to.
"""

from __future__ import annotations

from pilot_helpers import long_example, until_shown

from specdiff.diff import DiffRequest, diff_revisions
from specdiff.model import Revision, SpecDiff
from specdiff.tui.app import ReviewApp


def test_main_screen_at_80_by_24(snap_compare, sample_app):
    assert snap_compare(sample_app(), terminal_size=(80, 24), run_before=until_shown)


def test_main_screen_at_160_by_45(snap_compare, sample_app):
    assert snap_compare(sample_app(), terminal_size=(160, 45), run_before=until_shown)


def test_side_by_side_example_at_160_by_45(snap_compare, sample_app):
    assert snap_compare(sample_app(), terminal_size=(160, 45), run_before=until_shown, press=["j", "j"])


def test_help_screen_at_80_by_24(snap_compare, sample_app):
    assert snap_compare(sample_app(), terminal_size=(80, 24), run_before=until_shown, press=["question_mark"])


def test_help_screen_at_160_by_45(snap_compare, sample_app):
    assert snap_compare(sample_app(), terminal_size=(160, 45), run_before=until_shown, press=["question_mark"])


def test_a_section_line_shows_its_summary_at_80_by_24(snap_compare, sample_app):
    assert snap_compare(sample_app(), terminal_size=(80, 24), run_before=until_shown, press=["left"])


def test_stamp_asks_first_at_80_by_24(snap_compare, sample_app):
    assert snap_compare(sample_app(), terminal_size=(80, 24), run_before=until_shown, press=["s"])


def test_a_long_clause_folded_at_160_by_45(snap_compare, spec_repo):
    """The picture in docs/review.md: a 40-line example changed on one line."""
    spec_repo.commit("first", {"spec.md": long_example("Line 30: the patron asks about book 30.")})
    spec_repo.commit("second", {"spec.md": long_example("Line 30: the patron asks about a film.")})
    diff = diff_revisions(DiffRequest(spec_repo.path, ("HEAD~1", "HEAD")))
    diff.base, diff.head = Revision("HEAD~1", "1" * 40), Revision("HEAD", "2" * 40)  # the same picture on every run
    assert snap_compare(ReviewApp(diff, spec_repo.path), terminal_size=(160, 45), run_before=until_shown)


def test_a_long_clause_folded_at_80_by_24(snap_compare, spec_repo):
    spec_repo.commit("first", {"spec.md": long_example("Line 30: the patron asks about book 30.")})
    spec_repo.commit("second", {"spec.md": long_example("Line 30: the patron asks about a film.")})
    diff = diff_revisions(DiffRequest(spec_repo.path, ("HEAD~1", "HEAD")))
    diff.base, diff.head = Revision("HEAD~1", "1" * 40), Revision("HEAD", "2" * 40)
    assert snap_compare(ReviewApp(diff, spec_repo.path), terminal_size=(80, 24), run_before=until_shown)


def test_no_color_at_80_by_24(snap_compare, sample_app, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(sample_app(), terminal_size=(80, 24), run_before=until_shown)


def test_filtered_to_breaking_and_reviewed(snap_compare, sample_app):
    assert snap_compare(sample_app(), terminal_size=(100, 30), run_before=until_shown, press=["1", "r", "j"])


def test_empty_diff(snap_compare, tmp_path):
    empty = SpecDiff(Revision("HEAD", "0" * 40), Revision(None, None), [], state_dir=tmp_path / "state")
    assert snap_compare(ReviewApp(empty, tmp_path), terminal_size=(80, 24), run_before=until_shown)
