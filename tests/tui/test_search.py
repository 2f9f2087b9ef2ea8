"""The search bar: ``/`` filters amendments by their text as it is typed; Enter keeps, Escape clears."""

from __future__ import annotations

from pilot_helpers import reviewing, run, shown
from textual import events
from textual.widgets import Input

from specdiff.tui.amendment_tree import AmendmentTree
from specdiff.tui.search import SearchBar
from specdiff.tui.summary_bar import SummaryBar


def test_typing_filters_enter_keeps_escape_clears(sample_app):
    async def scenario():
        async with reviewing(sample_app()) as review:
            screen = review.app.screen
            tree, bar = screen.query_one(AmendmentTree), screen.query_one(SearchBar)
            assert not bar.display
            await review.press("slash")
            assert bar.display and screen.query_one("#search-input", Input).has_focus
            await review.press(*"KIOSK")
            assert [i.amendment.kind for i in tree.items] == ["added"], "case is ignored"
            assert review.current.position == 1
            assert 'showing 1: "KIOSK"' in shown(screen.query_one(SummaryBar))
            await review.press("enter")
            assert not bar.display and tree.has_focus and len(tree.items) == 1, "Enter keeps the filter"
            await review.press("slash")
            assert screen.query_one("#search-input", Input).value == "KIOSK", "the bar opens with the search kept"
            await review.press("escape")
            assert not bar.display and tree.has_focus and len(tree.items) == 6
            assert review.current.position == 1, "clearing the search stays on the amendment shown"

    run(scenario())


def test_keys_typed_in_the_bar_are_text_and_no_match_says_so(sample_app):
    async def scenario():
        async with reviewing(sample_app()) as review:
            screen = review.app.screen
            await review.press("slash", "q", "j", "r")
            assert review.app.is_running, "q in the search bar is a letter, not quit"
            assert screen.query_one(AmendmentTree).items == [] and review.current is None
            assert "No amendment matches the filters" in shown(screen.query_one("#amendment-title"))
            assert len(review.app.marks) == 0

    run(scenario())


def test_search_looks_at_both_sides_headings_and_paths(sample_app):
    async def scenario():
        async with reviewing(sample_app()) as review:
            tree = review.app.screen.query_one(AmendmentTree)
            await review.press("slash", *"13", "enter")
            assert [i.position for i in tree.items] == [0], "the old side's text counts: 13 became 16"
            await review.press("slash", "ctrl+u", *"specs/", "enter")
            assert [i.position for i in tree.items] == [5], "so does the file's path"

    run(scenario())


def test_keys_sent_in_one_burst_land_where_they_belong(sample_app):
    """As when pasting, or over a slow connection: "/kiosk⏎r" arrives before the app has drawn anything."""

    async def scenario():
        async with reviewing(sample_app()) as review:
            keys = [("slash", "/"), *((c, c) for c in "kiosk"), ("enter", "\r"), ("r", "r")]
            for key, character in keys:
                review.app.post_message(events.Key(key, character))
            await review.pilot.pause()
            await review.pilot.pause()
            screen = review.app.screen
            assert screen.filters.text == "kiosk", "every letter after / went into the search, and r did not"
            assert screen.query_one(AmendmentTree).has_focus, "Enter gave the focus back before r was read"
            assert len(review.app.marks) == 1, "r was read as the key that marks an amendment"
            assert review.current.amendment.kind == "added"
            for key, character in [("slash", "/"), ("x", "x"), ("escape", None), ("j", "j")]:
                review.app.post_message(events.Key(key, character))
            await review.pilot.pause()
            await review.pilot.pause()
            assert screen.filters.text == "" and len(screen.query_one(AmendmentTree).items) == 6, "Escape cleared it"
            assert review.current.position == 2, "and j, read after Escape, moved on from the kiosk rule"
            assert screen.query_one("#search-input", Input).value == ""

    run(scenario())
