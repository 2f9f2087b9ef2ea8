"""Rows of a word diff: cut where both sides agree, numbered by source line, folded around changes."""

from __future__ import annotations

import doctest

from specdiff.tui import diff_rows as diff_rows_module
from specdiff.tui.diff_rows import Fold, Row, diff_rows, fold


def test_docstring_examples():
    failures, tried = doctest.testmod(diff_rows_module)
    assert tried > 0 and failures == 0


def test_rows_are_cut_only_where_both_sides_agree():
    pieces = [("equal", "Keep it short.\nAnswer in "), ("delete", "two\nlines"), ("insert", "one line"), ("equal", ".\nBe kind.")]
    rows = diff_rows(pieces, (10, 13), (10, 12))
    assert [(row.old_text, row.new_text) for row in rows] == [
        ("Keep it short.\n", "Keep it short.\n"),
        ("Answer in two\nlines.\n", "Answer in one line.\n"),
        ("Be kind.", "Be kind."),
    ], "the break inside the deleted words does not cut a row: the sides stay paired"
    assert [(row.old_line, row.new_line) for row in rows] == [(10, 10), (11, 11), (13, 12)]
    assert rows[1].unified == [("equal", "Answer in "), ("delete", "two\nlines"), ("insert", "one line"), ("equal", ".\n")]


def test_a_folded_paragraph_is_numbered_once():
    rows = diff_rows([("equal", "First sentence. Second one. Third.")], (7, 9), (7, 9))
    assert [row.new_line for row in rows] == [7, None, None], "soft wraps were folded: the numbers would lie"


def test_fold_keeps_context_and_folds_long_unchanged_runs():
    rows = [Row([("equal", f"{n}\n")], [("equal", f"{n}\n")], n, n) for n in range(1, 11)]
    rows[5] = Row([("delete", "6\n")], [("insert", "six\n")], 6, 6)
    parts = fold(rows, context=1)
    assert parts[0] == Fold(4, 4) and parts[-1] == Fold(3, 3)
    assert [p.new_line for p in parts[1:-1] if isinstance(p, Row)] == [5, 6, 7]
    assert fold(rows[:5]) == rows[:5], "nothing changed: nothing folded"
    assert fold(rows[3:], context=1)[0] is rows[3], "a single unchanged row is shown, not folded"
