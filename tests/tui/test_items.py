"""Items, groups and filters: what the tree lists, in which order, and what passes the filters."""

from __future__ import annotations

import doctest

from specdiff.render.words import where
from specdiff.tui import items as items_module
from specdiff.tui.items import Filters, grouped, next_kind, ordered, review_items


def test_docstring_examples():
    failures, tried = doctest.testmod(items_module)
    assert tried > 0 and failures == 0


def test_items_follow_the_diff_and_group_by_file_then_section(sample_diff):
    items = review_items(sample_diff)
    assert [item.position for item in items] == list(range(6))
    assert [item.amendment for item in items] == sample_diff.amendments
    files = grouped(items)
    assert [group.file.path for group in files] == ["spec/behavior.md", "specs/001-hold-pickup-reminders/spec.md"]
    assert [(s.section_id, len(s.items)) for s in files[0].sections] == [
        ("account_access", 1),
        ("borrowing_privacy", 1),
        ("room_bookings", 1),
        ("tone", 1),
        ("access_needs", 1),
    ]
    assert files[0].sections[0].heading == "Verify before touching an account"


def test_filters_combine_severity_kind_and_text(sample_diff):
    items = review_items(sample_diff)

    def passing(**chosen) -> list[int]:
        return [item.position for item in items if Filters(**chosen).matches(item)]

    assert passing() == [0, 1, 2, 3, 4, 5]
    assert passing(severities=frozenset({"breaking"})) == [0, 1, 5]
    assert passing(severities=frozenset({"breaking", "substantive"})) == [0, 1, 2, 3, 4, 5]
    assert passing(kind="added") == [1]
    assert passing(severities=frozenset({"breaking"}), kind="modified") == [0, 5]
    assert passing(text="SCREEN READER") == [4], "search ignores case"
    assert passing(text="should avoid") == [4], "the old side is searched too"
    assert passing(text="room_bookings") == [], "section ids are not text"
    assert passing(text="meeting rooms") == [2], "headings are"
    assert Filters(frozenset({"substantive"}), kind="modified", text="x").describe() == 'substantive · modified · "x"'
    assert Filters().toggle("editorial").toggle("breaking").describe() == "breaking+editorial"
    assert not Filters().toggle("editorial").toggle("editorial").active, "toggled twice: every severity again"


def test_the_kind_filter_cycles_through_the_kinds_present_then_all(sample_diff):
    items = review_items(sample_diff)
    assert next_kind(None, items) == "added"
    assert next_kind("added", items) == "modified"
    assert next_kind("modified", items) is None
    assert next_kind("split", items) is None, "a kind no longer present goes back to all"


def test_where_names_the_lines_of_each_side(sample_diff):
    assert [where(a) for a in sample_diff.amendments] == [
        "L75–76",
        "new L93",
        "L134–137 → L135–138",
        "L156 → L157",
        "L173–174 → L174–175",
        "L52",
    ]


def test_orders_put_the_largest_file_first_or_the_most_severe_first(sample_diff):
    items = review_items(sample_diff)
    assert [i.position for i in ordered(items, "diff order")] == [0, 1, 2, 3, 4, 5]
    assert [i.position for i in ordered(items, "largest file first")] == [0, 1, 2, 3, 4, 5], "behavior.md has 5 of 6"
    assert [i.position for i in ordered(list(reversed(items)), "largest file first")] == [4, 3, 2, 1, 0, 5]
    assert [i.amendment.severity for i in ordered(items, "severity")] == ["breaking"] * 3 + ["substantive"] * 3
    assert [i.position for i in ordered(items, "severity")] == [0, 1, 5, 2, 3, 4], "ties keep the diff's order"
