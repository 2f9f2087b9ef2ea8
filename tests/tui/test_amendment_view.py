"""The amendment view: both sides row by row, removed clauses at full width, long clauses folded, NO_COLOR."""

from __future__ import annotations

import pytest
from pilot_helpers import long_example, reviewing, run, shown

from specdiff.diff import DiffRequest
from specdiff.tui.amendment_view import AmendmentView
from specdiff.tui.app import make_app

V1 = """# Rules {#rules}

The assistant must answer in English, and it should keep every answer short
and plain for the patron.

Staff may override the limit.

Fines never exceed ten dollars.
"""

V2 = """# Rules {#rules}

The assistant must answer in English.

It should keep every answer short
and plain for the patron.

Fines never exceed twelve dollars.
"""


@pytest.fixture
def rules_app(spec_repo):
    """Three amendments: a split (L3–4 → L3, L5–6), a removal (L6), a number (L8)."""
    spec_repo.commit("first", {"spec.md": V1})
    spec_repo.commit("second", {"spec.md": V2})
    return make_app(DiffRequest(spec_repo.path, ("HEAD~1", "HEAD")))


def test_a_split_shows_both_sides_row_by_row_with_a_pilcrow_where_it_cut(rules_app):
    async def scenario():
        async with reviewing(rules_app, size=(160, 40)) as review:
            view = review.app.screen.query_one(AmendmentView)
            assert review.current.amendment.kind == "split"
            rows = shown(view.query_one("#amendment-sides")).splitlines()
            assert "old · L3–4  ⇄  new · L3–6" in rows[0]
            assert rows[1].startswith("│ 3 The assistant must answer in English, and it")
            assert "3 The assistant must answer in English. ¶ It" in rows[1], "the new side beside the old, on the same row"
            assert rows[2].startswith("│   ") and rows[2][4].isalpha(), "soft wraps are folded: one number, at the first line"
            await review.press("v")
            unified = shown(view.query_one("#amendment-unified"))
            assert "L3–4 → L3–6" in unified and "English, and it. ¶ It should" in unified

    run(scenario())


def test_a_removed_clause_uses_the_full_width(rules_app):
    async def scenario():
        async with reviewing(rules_app, size=(160, 40)) as review:
            view = review.app.screen.query_one(AmendmentView)
            await review.press("j")
            title = shown(view.query_one("#amendment-title"))
            assert "removed · breaking" in title and "old L6" in title  # a permission taken away (worth a read)
            assert "similarity" not in title, "an added or removed clause has nothing to be similar to"
            assert view.layout_mode == "side-by-side" and not view.query_one("#amendment-sides").display
            text = shown(view.query_one("#amendment-unified"))
            assert "╭─ old L6 ─" in text and "│ 6 Staff may override the limit." in text
            assert "not in the new text" not in text, "no half pane saying the other side is empty"
            assert "modality: permission removed: may" in shown(view.query_one("#amendment-effects"))

    run(scenario())


def test_effects_are_in_words_and_an_amendment_that_reaches_nothing_says_so(rules_app):
    async def scenario():
        async with reviewing(rules_app, size=(100, 30)) as review:
            await review.press("j", "j")
            view = review.app.screen.query_one(AmendmentView)
            assert "↳ number: ten → twelve" in shown(view.query_one("#amendment-effects"))
            panel = review.app.screen.query_one("#impact")
            assert panel.border_title == "Reaches nothing"
            assert "No artifact or eval case depends on this part of the spec." in shown(panel.query_one("#impact-text"))

    run(scenario())


@pytest.fixture
def long_app(spec_repo):
    spec_repo.commit("first", {"spec.md": long_example("Line 30: the patron asks about book 30.")})
    spec_repo.commit("second", {"spec.md": long_example("Line 30: the patron asks about a film.")})
    return make_app(DiffRequest(spec_repo.path, ("HEAD~1", "HEAD")))


def test_a_long_clause_folds_around_its_change_and_z_unfolds_it(long_app):
    async def scenario():
        async with reviewing(long_app, size=(80, 24)) as review:
            view = review.app.screen.query_one(AmendmentView)
            text = shown(view.query_one("#amendment-unified"))
            assert "⋯ 30 unchanged lines" in text, "the fence and the 30 lines above, but one, in one line"
            assert "⋯ 9 unchanged lines" in text
            assert "35 Line 29: the patron asks about book 29." in text, "one line of context, numbered"
            assert "36 Line 30: the patron asks about book 30a" in text, "deleted and inserted words side by side"
            assert "37 Line 31" in text and "Line 5:" not in text and "Line 35:" not in text
            assert len(text.splitlines()) < 10
            await review.press("z")
            assert "Line 5:" in shown(view.query_one("#amendment-unified")), "z shows every line"
            await review.press("z", "v")
            rows = [row for row in shown(view.query_one("#amendment-sides")).splitlines() if "Line 30:" in row]
            assert len(rows) == 1, "side by side, the changed line's two versions share one row"

    run(scenario())


def test_square_brackets_scroll_to_the_change(long_app):
    async def scenario():
        async with reviewing(long_app, size=(80, 24)) as review:
            view = review.app.screen.query_one(AmendmentView)
            await review.press("z")  # every line: the change is far below
            assert view.scroll_y == 0 and view.change_offsets
            await review.press("right_square_bracket")
            assert view.scroll_y > 20
            panel = view.query_one("#amendment-unified")
            top = round(view.scroll_y) - panel.virtual_region.y
            visible = shown(panel).splitlines()[top : top + 3]
            assert any("Line 30:" in line for line in visible), visible
            await review.press("right_square_bracket")
            assert "No change below." in review.said()
            await review.press("left_square_bracket")
            assert "No change above." in review.said() or view.scroll_y == 0

    run(scenario())


def test_no_color_brackets_what_changed(long_app, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")

    async def scenario():
        async with reviewing(long_app, size=(108, 24)) as review:
            text = shown(review.app.screen.query_one("#amendment-unified"))
            assert "36 Line 30: the patron asks about [-book 30-]{+a film+}." in text, text

    run(scenario())
