"""The amendment tree: lazy leaves on a big diff, moving across sections, labels, the mouse."""

from __future__ import annotations

from pilot_helpers import reviewing, run, shown

from specdiff.tui import amendment_tree
from specdiff.tui.amendment_tree import AmendmentTree
from specdiff.tui.items import SectionGroup, review_items
from specdiff.tui.reviewed import set_reviewed


def sections(tree: AmendmentTree):
    (file_node,) = tree.root.children
    return list(file_node.children)


def loaded(tree: AmendmentTree) -> list[int]:
    """Which sections have their amendment nodes."""
    return [n for n, section in enumerate(sections(tree)) if section.children]


def test_a_big_diff_opens_with_one_node_per_section_and_the_first_section_open(big_app):
    assert len(big_app.diff.amendments) == 400 > amendment_tree.OPEN_ALL_UP_TO

    async def scenario():
        async with reviewing(big_app, size=(100, 30)) as review:
            tree = review.app.screen.query_one(AmendmentTree)
            assert len(sections(tree)) == 40
            assert loaded(tree) == [0], "only the section under the cursor has its leaves"
            assert [s.is_expanded for s in sections(tree)[:2]] == [True, False]
            text = shown(tree)
            assert "▼ spec.md  modified · 400" in text
            assert "   B modified Rule 0: the assist" in text, "no tick yet, B for breaking, the kind, the text"
            assert "   E modified Rule 2: keep reques" in text, "E for editorial"
            assert "▶ § Section 1  10" in text

    run(scenario())


def test_moving_past_a_section_opens_the_next_one(big_app):
    async def scenario():
        for item in review_items(big_app.diff)[1:10]:
            set_reviewed(big_app.marks, item.id, True)
        async with reviewing(big_app, size=(100, 30)) as review:
            tree = review.app.screen.query_one(AmendmentTree)
            await review.press("n")
            assert review.current.position == 10 and review.current.heading == "Section 1"
            assert loaded(tree) == [0, 1]
            await review.press("k")
            assert review.current.position == 9 and review.current.heading == "Section 0"
            assert "✓ Section 0  10" not in shown(tree), "one amendment of section 0 is not reviewed"
            await review.press("N", "r")
            assert review.current.position == 10, "r marks 0, then goes to the next unreviewed"
            assert "✓ Section 0  10" in shown(tree), "a section whose amendments are all reviewed gets a tick"

    run(scenario())


def test_going_to_the_last_amendment_opens_its_section_and_scrolls_to_it(big_app):
    async def scenario():
        async with reviewing(big_app, size=(100, 30)) as review:
            tree = review.app.screen.query_one(AmendmentTree)
            await review.press("N")  # the previous unreviewed, from the first: wraps to the last
            assert review.current.position == 399
            assert loaded(tree) == [0, 39]
            top = tree.scroll_offset.y
            assert top > 0 and top <= tree.cursor_line < top + tree.scrollable_content_region.height, "the cursor is in view"
            await review.press("j")
            assert review.current.position == 399, "j on the last amendment stays there"

    run(scenario())


def test_opening_a_section_with_the_mouse_adds_its_amendments(big_app):
    async def scenario():
        async with reviewing(big_app, size=(100, 30)) as review:
            tree = review.app.screen.query_one(AmendmentTree)
            section = sections(tree)[3]
            assert isinstance(section.data, SectionGroup) and not section.children
            await review.pilot.click(AmendmentTree, offset=(3, section.line - tree.scroll_offset.y))  # its arrow
            await review.pilot.pause()
            assert section.is_expanded and len(section.children) == 10
            assert review.current.position == 0, "opening a section does not change the amendment shown"
            leaf = section.children[4]
            await review.pilot.click(AmendmentTree, offset=(9, leaf.line - tree.scroll_offset.y))
            await review.pilot.pause()
            assert review.current.position == 34

    run(scenario())


def test_a_filter_rebuilds_the_tree_lazily(big_app, monkeypatch):
    monkeypatch.setattr(amendment_tree, "OPEN_ALL_UP_TO", 100)

    async def scenario():
        async with reviewing(big_app, size=(100, 30)) as review:
            tree = review.app.screen.query_one(AmendmentTree)
            await review.press("3")
            assert len(tree.items) == 120 > amendment_tree.OPEN_ALL_UP_TO
            assert {i.amendment.severity for i in tree.items} == {"editorial"}
            assert loaded(tree) == [0] and len(sections(tree)[0].children) == 3
            assert review.current.position == 2, "the first editorial amendment"
            await review.press("e")
            assert "Only substantive and breaking amendments are explained." in review.said()
            await review.press("0")
            assert len(tree.items) == 400 and loaded(tree) == [0], "the current one stays; its section is open"

    run(scenario())


def test_left_and_right_close_and_open_and_the_right_pane_follows(big_app):
    async def scenario():
        async with reviewing(big_app, size=(100, 30)) as review:
            screen = review.app.screen
            tree = screen.query_one(AmendmentTree)
            await review.press("j", "left")
            assert isinstance(tree.cursor_node.data, SectionGroup) and review.current is None
            title = shown(screen.query_one("#amendment-title"))
            assert "§ Section 0" in title and "10 amendments: 7 breaking · 3 editorial" in title and "✓ 0/10 reviewed" in title
            await review.press("left")
            assert not sections(tree)[0].is_expanded, "← on an open section closes it"
            await review.press("right")
            assert sections(tree)[0].is_expanded
            await review.press("right")
            assert review.current.position == 0, "→ on an open section goes to its first amendment"
            await review.press("left", "left", "left")
            assert tree.cursor_node is tree.root.children[0], "← from a closed section goes up to its file"
            await review.press("r")
            assert "Move onto an amendment" in review.said(), "r on a file line does not guess"
            await review.press("j")
            assert review.current.position == 0

    run(scenario())


def test_g_G_and_half_pages(big_app):
    async def scenario():
        async with reviewing(big_app, size=(100, 30)) as review:
            tree = review.app.screen.query_one(AmendmentTree)
            await review.press("G")
            assert review.current.position == 399
            await review.press("g")
            assert review.current.position == 0
            line = tree.cursor_line
            await review.press("ctrl+d")
            assert tree.cursor_line == line + tree.scrollable_content_region.height // 2
            node = tree.cursor_node.data
            assert review.current is (node if not isinstance(node, SectionGroup) else None)
            await review.press("ctrl+u")
            assert tree.cursor_line == line and review.current.position == 0

    run(scenario())


def test_a_file_gets_a_tick_when_all_its_amendments_are_reviewed(sample_app):
    async def scenario():
        app = sample_app()
        for item in review_items(app.diff)[:4]:
            set_reviewed(app.marks, item.id, True)
        async with reviewing(app, size=(120, 40)) as review:
            tree = review.app.screen.query_one(AmendmentTree)
            assert "✓ spec/behavior.md" not in shown(tree)
            await review.press("n", "r")
            assert "✓ spec/behavior.md" in shown(tree), "its five amendments are reviewed"
            assert review.current.position == 5, "r went on to the other file's amendment"

    run(scenario())


def test_O_orders_by_severity_and_back(big_app):
    async def scenario():
        async with reviewing(big_app, size=(100, 30)) as review:
            screen = review.app.screen
            tree = screen.query_one(AmendmentTree)
            await review.press("O", "O")
            assert screen.order == "severity"
            severities = [item.amendment.severity for item in tree.items]
            assert severities == sorted(severities, key=["breaking", "substantive", "editorial"].index)
            assert "severity" in shown(screen.query_one("#summary"))
            await review.press("O")
            assert [item.position for item in tree.items] == list(range(400))

    run(scenario())


def test_long_headings_are_cut_in_the_middle_and_the_tree_fits_the_terminal(spec_repo):
    from specdiff.diff import DiffRequest, diff_revisions
    from specdiff.tui.app import ReviewApp

    heading = "Do not reveal the details of a patron's borrowing history to anyone, not even {who}"
    spec = "# Rules\n\n" + "".join(f"## {heading.format(who=who)}\n\nRule {n}.\n\n" for n, who in enumerate(["staff", "family"]))
    spec_repo.commit("one", {"spec.md": spec})
    spec_repo.commit("two", {"spec.md": spec.replace("Rule 0.", "Rule zero.").replace("Rule 1.", "Rule one.")})
    diff = diff_revisions(DiffRequest(spec_repo.path, ("HEAD~1", "HEAD")))

    async def scenario():
        for width in (80, 160):
            async with reviewing(ReviewApp(diff, spec_repo.path), size=(width, 24)) as review:
                tree = review.app.screen.query_one(AmendmentTree)
                assert 26 <= tree.outer_size.width <= width * 45 // 100
                text = shown(tree)
                assert "staff  1" in text and "family  1" in text, "the ends that tell them apart stay"
                assert "§ Do not r" in text

    run(scenario())
