"""``?`` lists every key the app's parts declare; Escape closes it."""

from __future__ import annotations

from pilot_helpers import reviewing, run, shown

from specdiff.tui.amendment_tree import AmendmentTree
from specdiff.tui.app import ReviewApp
from specdiff.tui.help_screen import HelpScreen
from specdiff.tui.review_screen import ReviewScreen
from specdiff.tui.search import SearchBar


def test_help_lists_every_key_and_closes(sample_app):
    async def scenario():
        async with reviewing(sample_app(), size=(100, 40)) as review:
            await review.press("question_mark")
            help_screen = review.app.screen
            assert isinstance(help_screen, HelpScreen)
            text = shown(help_screen.query_one("#help-keys"))
            for widget in (ReviewScreen, AmendmentTree, SearchBar, ReviewApp):
                for binding in widget.BINDINGS:
                    described = binding.tooltip or binding.description
                    assert described in text, f"{binding.key} ({described}) is in the help"
            for row in ("j ↓  Next amendment", "n  Next unreviewed", "1  Breaking: only, or also", "q  Leave", "/  Only"):
                assert row in text, row
            assert "reviewed.json" in text, "the help says where reviewed marks are kept"
            await review.press("escape")
            assert isinstance(review.app.screen, ReviewScreen)
            await review.press("question_mark", "q")
            assert isinstance(review.app.screen, ReviewScreen) and review.app.is_running, "q closes the help, not the app"

    run(scenario())


def test_help_scrolls_visibly_at_80_by_24(sample_app):
    async def scenario():
        async with reviewing(sample_app(), size=(80, 24)) as review:
            await review.press("question_mark")
            box = review.app.screen.query_one("#help-box")
            assert box.max_scroll_y > 0, "at 80×24 the keys do not fit: the box scrolls"
            assert box.show_vertical_scrollbar, "and shows that it does"
            assert "more below" in str(box.border_subtitle)
            await review.press("end")
            assert box.scroll_y == box.max_scroll_y
            assert "Escape" in str(box.border_subtitle)

    run(scenario())
