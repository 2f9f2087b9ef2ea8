"""The seven bugs found by reviewing in tmux (issue 15), each replayed by its key sequence.

Each test was written before its fix and failed then; the comment above it
says what the reviewer saw.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

from pilot_helpers import reviewing, run, shown, until_shown
from terminal import run_in_terminal

from specdiff.diff import DiffRequest, diff_revisions
from specdiff.lockfile import LOCK_NAME
from specdiff.tui import app as app_module
from specdiff.tui.amendment_tree import AmendmentTree
from specdiff.tui.app import ReviewApp, make_app
from specdiff.tui.items import ReviewItem, SectionGroup


def test_1_a_mistyped_editor_gives_a_notice_and_the_app_comes_back(sample_app, monkeypatch):
    # EDITOR=vimm, o: the window disappeared, keys echoed, only Ctrl-C got out. The editor
    # failed to start inside App.suspend(), whose exception skipped resuming the terminal.
    from textual.drivers.headless_driver import HeadlessDriver

    calls: list[str] = []
    monkeypatch.setattr(HeadlessDriver, "can_suspend", property(lambda self: True), raising=False)
    monkeypatch.setattr(HeadlessDriver, "suspend_application_mode", lambda self: calls.append("suspend"), raising=False)
    monkeypatch.setattr(HeadlessDriver, "resume_application_mode", lambda self: calls.append("resume"), raising=False)
    monkeypatch.setenv("EDITOR", "vimm-no-such-editor")

    async def scenario():
        async with reviewing(sample_app()) as review:
            await review.press("o")
            assert calls.count("suspend") == calls.count("resume"), f"the terminal was left suspended: {calls}"
            assert "vimm-no-such-editor" in review.said() and "not found" in review.said()
            await review.press("j")
            assert review.current.position == 1, "the app still answers keys"

    run(scenario())


def test_2_keys_typed_while_the_diff_loads_do_not_run_as_commands(sample_copy, monkeypatch):
    # `/refuse` typed in the first second: search never got the focus, r marked an amendment,
    # f turned a filter on and s wrote an untracked specdiff.lock.
    ready = threading.Event()

    def slow_diff(request, config=None):
        ready.wait(3)
        return diff_revisions(request, config)

    monkeypatch.setattr(app_module, "diff_revisions", slow_diff)

    async def scenario():
        app = make_app(DiffRequest(sample_copy, ("HEAD~1", "HEAD")))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("slash", *"refuse")
            ready.set()
            await until_shown(pilot)
            screen = app.screen
            assert len(app.marks) == 0, "r did not mark anything"
            assert not screen.filters.active, "f did not filter"
            assert not (sample_copy / LOCK_NAME).exists(), "s did not write specdiff.lock"
            assert screen.query_one(AmendmentTree).has_focus
            await pilot.press("slash", *"kiosk")
            await pilot.pause()
            assert screen.filters.text == "kiosk", "once the diff is shown, / searches"

    run(scenario())


def test_3_j_and_k_move_after_the_cursor_closed_a_file(big_app):
    # `1 0 Home space j j j` on the Model Spec release: the right pane stayed on one amendment,
    # k did nothing; only n got out (j went to an amendment inside the closed file).
    async def scenario():
        async with reviewing(big_app, size=(100, 30)) as review:
            tree = review.app.screen.query_one(AmendmentTree)
            await review.press("1", "0", "home", "space")
            await review.press("j")
            first = review.current.position
            await review.press("j", "j")
            assert review.current.position == first + 2
            assert tree.cursor_node is not None and tree.cursor_node.data is review.current
            await review.press("k")
            assert review.current.position == first + 1

    run(scenario())


def _three_releases(spec_repo) -> None:
    """A clause changed in the second commit, then ten lines inserted above it in the third."""
    body = ["# Rules", "", "## Lending", "", "Books are lent for two weeks.", "", "Fines are never charged.", ""]
    spec_repo.commit("one", {"spec.md": "\n".join(body)})
    body[6] = "Fines are charged after a month."
    spec_repo.commit("two", {"spec.md": "\n".join(body)})
    body[4:4] = [f"Rule {n}: shelve returned book {n} by noon." for n in range(10)]
    spec_repo.commit("three", {"spec.md": "\n".join(body)})


def test_4_o_opens_the_clause_at_the_reviewed_revision(spec_repo, tmp_path, monkeypatch):
    # `review HEAD~4 HEAD~3`, `End j o`: the working-tree file was opened at the head side's line.
    _three_releases(spec_repo)
    record = tmp_path / "arguments"
    script = tmp_path / "editor"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{record}"\n', encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(script))
    diff = diff_revisions(DiffRequest(spec_repo.path, ("HEAD~2", "HEAD~1")))

    async def scenario():
        async with reviewing(ReviewApp(diff, spec_repo.path)) as review:
            assert "Fines are charged" in str(review.current.amendment.new[0].text)
            await review.press("o")
            line, path = record.read_text(encoding="utf-8").splitlines()
            opened = Path(path)
            assert opened != spec_repo.path / "spec.md", "not the working tree's file: it has moved on"
            text = opened.read_text(encoding="utf-8").splitlines()
            assert text[int(line.lstrip("+")) - 1] == "Fines are charged after a month."
            assert not opened.stat().st_mode & 0o222, "a read-only copy of the file at HEAD~1"
            assert "HEAD~1" in review.said()

    run(scenario())


def test_5_quitting_leaves_no_loading_message_over_the_prompt(sample_copy):
    # After q, "specdiff: reading the diff…" stayed drawn over the shell prompt.
    done = run_in_terminal(["review", "-C", str(sample_copy), "HEAD~1"], wait_for="amendments", keys="q")
    assert done.code == 0
    assert "amendments" in done.screen and "reading the diff" not in done.outside, repr(done.outside)


def _renamed_section(spec_repo) -> None:
    spec_repo.commit(
        "one",
        {"spec.md": "# Rules\n\n## Quiet hours\n\nTalk softly.\n\nPhones stay silent.\n\nNo food at the desks.\n"},
    )
    spec_repo.commit(
        "two",
        {"spec.md": "# Rules\n\n## Quiet rooms\n\nTalk softly please.\n\nNo food or drink at the desks.\n"},
    )


def test_6_a_renamed_section_is_one_tree_node(spec_repo):
    # The renamed section's amendments alternated between nodes under its old and its new heading.
    _renamed_section(spec_repo)
    diff = diff_revisions(DiffRequest(spec_repo.path, ("HEAD~1", "HEAD")))
    assert len(diff.amendments) >= 3

    async def scenario():
        async with reviewing(ReviewApp(diff, spec_repo.path), size=(100, 30)) as review:
            tree = review.app.screen.query_one(AmendmentTree)
            (file_node,) = tree.root.children
            sections = [node for node in file_node.children if isinstance(node.data, SectionGroup)]
            assert len(sections) == 1, [s.data.heading for s in sections]
            assert "Quiet hours → Quiet rooms" in shown(tree)

    run(scenario())


def test_7_page_keys_keep_the_detail_pane_on_the_cursor(big_app):
    # PgDn/Home/End put the tree cursor on file and section rows while the right pane kept
    # the previous amendment.
    async def scenario():
        async with reviewing(big_app, size=(100, 30)) as review:
            screen = review.app.screen
            tree = screen.query_one(AmendmentTree)
            for key in ("pagedown", "pagedown", "end", "pageup", "home"):
                await review.press(key)
                node = tree.cursor_node
                title = shown(screen.query_one("#amendment-title"))
                if isinstance(node.data, ReviewItem):
                    assert review.current is node.data, key
                else:
                    assert review.current is None, f"{key}: no amendment is shown for a {type(node.data).__name__}"
                    assert node.data.items[0].heading in title, key

    run(scenario())


def test_7_stamp_counts_outputs_and_evals_as_the_panel_does(sample_app, sample_copy):
    # `s` said "Stamped 5 outputs" when the panel said "3 outputs, 2 evals".
    async def scenario():
        async with reviewing(sample_app()) as review:
            impact = review.current.amendment.impact
            outputs = sum(1 for i in impact if i.kind == "artifact")
            evals = len(impact) - outputs
            assert outputs and evals, "the sample's first amendment reaches both"
            await review.press("s", "y")
            await review.app.workers.wait_for_complete()
            await review.pilot.pause()
            assert f"{outputs} outputs and {evals} evals" in review.said() or (
                f"{outputs} output and {evals} eval" in review.said()
            ), review.said()
            assert json.loads((sample_copy / LOCK_NAME).read_text(encoding="utf-8"))["outputs"]

    run(scenario())

