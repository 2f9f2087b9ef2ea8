"""The amendment view: both sides with their line numbers, splits in blocks, removed clauses, unified text."""

from __future__ import annotations

import pytest
from pilot_helpers import reviewing, run, shown

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


def test_a_split_shows_each_new_clause_in_its_own_numbered_block(rules_app):
    async def scenario():
        async with reviewing(rules_app, size=(160, 40)) as review:
            view = review.app.screen.query_one(AmendmentView)
            assert review.current.amendment.kind == "split"
            old = shown(view.query_one("#amendment-old")).splitlines()
            new = shown(view.query_one("#amendment-new")).splitlines()
            assert "old · L3–4" in old[0] and "new · L3–6" in new[0]
            assert old[1].startswith("│ 3 The assistant must answer in English, and")
            assert old[2].startswith("│   "), "soft wraps are folded: one number, at the first line"
            assert new[1].startswith("│ 3 The assistant must answer in English.")
            assert new[2].strip("│ ") == "", "a blank row between the clauses of a split"
            assert new[3].startswith("│ 5 It should keep every answer short and"), "numbered from its own line"
            await review.press("v")
            unified = shown(view.query_one("#amendment-unified"))
            assert "L3–4 → L3–6" in unified and "English, and it. ¶ It should" in unified

    run(scenario())


def test_a_removed_clause_has_no_new_side(rules_app):
    async def scenario():
        async with reviewing(rules_app, size=(160, 40)) as review:
            view = review.app.screen.query_one(AmendmentView)
            await review.press("j")
            title = shown(view.query_one("#amendment-title"))
            assert "removed · substantive" in title and "old L6" in title
            assert "similarity" not in title, "an added or removed clause has nothing to be similar to"
            assert "│ 6 Staff may override the limit." in shown(view.query_one("#amendment-old"))
            assert "(not in the new text)" in shown(view.query_one("#amendment-new"))
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
