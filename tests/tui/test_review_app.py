"""The review app end to end: the real app on the sample repository's last commit, driven by keys."""

from __future__ import annotations

import json
import os
import stat
import sys
import threading
from pathlib import Path

from pilot_helpers import reviewing, run, shown

from specdiff.diff import DiffRequest
from specdiff.lockfile import LOCK_NAME
from specdiff.model import Explanation
from specdiff.tui.amendment_tree import AmendmentTree
from specdiff.tui.amendment_view import AmendmentView
from specdiff.tui.app import make_app
from specdiff.tui.items import review_items
from specdiff.tui.review_screen import ReviewScreen
from specdiff.tui.reviewed import set_reviewed
from specdiff.tui.summary_bar import SummaryBar

# The sample's last commit, in the order the tree lists it (see sample_repo/README.md).
ORDER = [
    ("modified", "breaking"),  # account_access: aged 13 → 16
    ("added", "breaking"),  # borrowing_privacy: the kiosk rule
    ("modified", "substantive"),  # room_bookings: the example's times
    ("modified", "substantive"),  # tone: reworded
    ("modified", "substantive"),  # access_needs: should → may
    ("modified", "breaking"),  # specs/001: two → three days
]


def kind_and_severity(item) -> tuple[str, str]:
    return item.amendment.kind, item.amendment.severity


def test_opens_on_the_first_amendment_with_the_counts(sample_app):
    async def scenario():
        async with reviewing(sample_app()) as review:
            screen = review.app.screen
            assert isinstance(screen, ReviewScreen)
            assert [kind_and_severity(i) for i in screen.items] == ORDER
            assert review.current.position == 0, "the cursor starts on the first amendment"
            summary = shown(screen.query_one(SummaryBar))
            assert "HEAD~1 (" in summary and "→ HEAD (" in summary
            assert "6 amendments: 3 breaking · 3 substantive · 0 editorial" in summary
            assert "✓ 0/6 reviewed" in summary
            title = shown(screen.query_one("#amendment-title"))
            assert "modified · breaking · not reviewed" in title
            assert "spec/behavior.md § Verify before touching an" in title
            assert screen.query_one(AmendmentTree).has_focus
            assert review.notes == [], "the sample has no warnings to show"

    run(scenario())


def test_j_k_and_the_arrows_move_between_amendments(sample_app):
    async def scenario():
        async with reviewing(sample_app()) as review:
            await review.press("j")
            assert review.current.position == 1
            assert "added · breaking" in shown(review.app.screen.query_one("#amendment-title"))
            await review.press("down")
            assert review.current.position == 2, "arrows skip the section lines between amendments"
            await review.press("k", "up")
            assert review.current.position == 0
            await review.press("k")
            assert review.current.position == 0, "k on the first amendment stays there"
            await review.press("tab", "j")
            assert review.app.screen.query_one(AmendmentView).has_focus and review.current.position == 1, (
                "j and k work from the amendment view too"
            )

    run(scenario())


def test_clicking_an_amendment_in_the_tree_shows_it(sample_app):
    async def scenario():
        async with reviewing(sample_app()) as review:
            tree = review.app.screen.query_one(AmendmentTree)
            leaf = next(node for node in tree.root.children[0].children[2].children)
            await review.pilot.click(AmendmentTree, offset=(12, leaf.line - tree.scroll_offset.y))
            await review.pilot.pause()
            assert review.current.position == 2
            assert "L134–137 → L135–138" in shown(review.app.screen.query_one("#amendment-title"))

    run(scenario())


def test_r_marks_reviewed_and_the_mark_survives_a_restart(sample_copy):
    marks_file = sample_copy / ".git" / "specdiff" / "reviewed.json"

    def sample_app():  # built as `specdiff review HEAD~1 HEAD` builds it, each time from the repository
        return make_app(DiffRequest(sample_copy, ("HEAD~1", "HEAD")))

    async def first_session():
        async with reviewing(sample_app()) as review:
            first = review.current
            await review.press("r")
            assert "✓ 1/6 reviewed" in shown(review.app.screen.query_one(SummaryBar))
            assert review.current.position == 1, "r goes on to the next unreviewed amendment"
            assert "✓ B modified" in shown(review.app.screen.query_one(AmendmentTree))
            on_disk = json.loads(marks_file.read_text(encoding="utf-8"))
            assert list(on_disk["reviewed"]) == [first.id], "the mark is written at once"
            await review.press("k")
            assert "✓ reviewed" in shown(review.app.screen.query_one("#amendment-title"))
            await review.press("r")
            assert first.id not in review.app.marks and review.current is first, "r on a reviewed one unmarks it, and stays"
            await review.press("r")
            assert first.id in review.app.marks and review.current.position == 1

    async def second_session():
        async with reviewing(sample_app()) as review:
            assert review.current.id in review.app.marks, "the tick is back after a restart"
            assert "✓ reviewed" in shown(review.app.screen.query_one("#amendment-title"))
            assert "✓ 1/6 reviewed" in shown(review.app.screen.query_one(SummaryBar))

    run(first_session())
    run(second_session())
    assert not list(marks_file.parent.glob(".reviewed.json.*")), "no temporary file is left behind"


def test_n_and_shift_n_go_to_the_next_and_previous_unreviewed(sample_app):
    async def scenario():
        app = sample_app()
        items = review_items(app.diff)
        for item in items[1:3]:
            set_reviewed(app.marks, item.id, True)
        async with reviewing(app) as review:
            await review.press("n")
            assert review.current.position == 3, "n skips the reviewed amendments 1 and 2"
            await review.press("N")
            assert review.current.position == 0
            await review.press("N")
            assert review.current.position == 5, "N wraps around to the last unreviewed"
            await review.press("r")
            assert review.current.position == 0, "r on 5 marks it and wraps to the next unreviewed"
        app = sample_app()
        for item in items:
            set_reviewed(app.marks, item.id, True)
        async with reviewing(app) as review:
            assert "✓ 6/6 reviewed" in shown(review.app.screen.query_one(SummaryBar))
            await review.press("n")
            assert review.current.position == 0 and "Every amendment is reviewed." in review.said()

    run(scenario())


def test_severity_keys_filter_and_zero_shows_all(sample_app):
    async def scenario():
        async with reviewing(sample_app()) as review:
            screen = review.app.screen
            tree = screen.query_one(AmendmentTree)
            await review.press("2")
            assert [kind_and_severity(i) for i in tree.items] == ORDER[2:5]
            assert review.current.position == 2, "the first substantive amendment is shown"
            assert "showing 3: substantive" in shown(screen.query_one(SummaryBar))
            await review.press("1")
            assert [i.position for i in tree.items] == [0, 1, 2, 3, 4, 5], "1 after 2: substantive and breaking"
            assert "showing 6: breaking+substantive" in shown(screen.query_one(SummaryBar))
            await review.press("2")
            assert [i.position for i in tree.items] == [0, 1, 5], "2 again takes substantive out"
            await review.press("j")
            assert review.current.position == 1
            await review.press("1", "3")
            assert tree.items == [] and review.current is None
            assert "No amendment matches the filters" in shown(screen.query_one("#amendment-title"))
            await review.press("r", "s", "e")  # nothing selected: nothing happens
            await review.press("0")
            assert len(tree.items) == 6 and review.current.position == 0

    run(scenario())


def test_f_cycles_through_the_kinds_present(sample_app):
    async def scenario():
        async with reviewing(sample_app()) as review:
            tree = review.app.screen.query_one(AmendmentTree)
            await review.press("f")
            assert [i.amendment.kind for i in tree.items] == ["added"]
            assert "showing 1: added" in shown(review.app.screen.query_one(SummaryBar))
            await review.press("f")
            assert {i.amendment.kind for i in tree.items} == {"modified"} and len(tree.items) == 5
            await review.press("f")
            assert len(tree.items) == 6, "after the last kind present, all kinds again"

    run(scenario())


def test_v_toggles_side_by_side_and_unified(sample_app):
    async def scenario():
        async with reviewing(sample_app(), size=(80, 24)) as review:
            view = review.app.screen.query_one(AmendmentView)
            assert view.layout_mode == "unified", "80 columns start unified"
            unified = shown(view.query_one("#amendment-unified"))
            assert "75 Patrons aged 1316 or over" in unified
            await review.press("v")
            assert view.layout_mode == "side-by-side" and not view.has_class("-unified")
            sides = shown(view.query_one("#amendment-sides"))
            assert "old · L75–76  ⇄  new · L75–76" in sides
            assert "│ 75 Patrons aged 13 or 75 Patrons aged 16 or │" in sides, "each side's line 75 on one row"
            await review.press("v")
            assert view.layout_mode == "unified"

    run(scenario())


def test_a_wide_terminal_starts_side_by_side(sample_app):
    async def scenario():
        async with reviewing(sample_app(), size=(160, 48)) as review:
            view = review.app.screen.query_one(AmendmentView)
            assert view.layout_mode == "side-by-side"
            await review.press("j", "j")  # the example block: four numbered lines on each side
            rows = shown(view.query_one("#amendment-sides")).splitlines()
            assert rows[1].startswith("│ 134 ~~~xml") and "135 ~~~xml" in rows[1], "each old line beside its new line"
            assert rows[2].startswith("│ 135 <user>Could I have") and "136 <user>Could I have" in rows[2]
            assert [n for n in ("136", "137") if f"│ {n} <assistant>" in "\n".join(rows)] == ["136"]
            assert any(row.startswith("│ 137 ~~~") and "138 ~~~" in row for row in rows)
            assert "↳ example changed" in shown(view.query_one("#amendment-effects"))

    run(scenario())


def test_s_stamps_the_outputs_the_amendment_reaches(sample_app, sample_copy):
    async def scenario():
        async with reviewing(sample_app()) as review:
            reached = {impact.node for impact in review.current.amendment.impact}
            await review.press("s", "n")
            assert not (sample_copy / LOCK_NAME).exists(), "n: nothing is written"
            await review.press("s")
            question = str(review.app.screen.query_one("#confirm-question").content)
            assert "3 outputs and 2 evals" in question and "working tree" in question and "reviewing HEAD (" in question
            await review.press("y")
            await review.app.workers.wait_for_complete()
            await review.pilot.pause()
            lock = json.loads((sample_copy / LOCK_NAME).read_text(encoding="utf-8"))
            assert reached <= set(lock["outputs"]), "every output the amendment reaches is stamped"
            assert "artifact:specs/001-hold-pickup-reminders/tasks.md" not in lock["outputs"], "and no other artifact"
            assert "Stamped" in review.said() and "in specdiff.lock" in review.said()
            assert "artifact generated/policy.py  stamped" in shown(review.app.screen.query_one("#impact-text"))
            assert review.notes[-1].severity == "information"

    run(scenario())


def test_a_damaged_lock_file_is_reported_not_replaced(sample_app, sample_copy):
    (sample_copy / LOCK_NAME).write_text("{not json", encoding="utf-8")

    async def scenario():
        async with reviewing(sample_app()) as review:
            await review.press("s", "y")
            await review.app.workers.wait_for_complete()
            await review.pilot.pause()
            assert "Not stamped" in review.said() and "specdiff.lock is not valid JSON" in review.said()

    run(scenario())
    assert (sample_copy / LOCK_NAME).read_text(encoding="utf-8") == "{not json"


def fake_editor(folder: Path, status: int = 0) -> tuple[Path, Path]:
    """An editor that writes the arguments it was given, one a line, to a file."""
    record = folder / "editor-arguments.txt"
    script = folder / "fake-editor"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{record}"\nexit {status}\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script, record


def test_o_opens_the_working_tree_file_at_the_amendment_line_in_editor(sample_copy, tmp_path, monkeypatch):
    script, record = fake_editor(tmp_path)
    monkeypatch.setenv("EDITOR", str(script))

    async def scenario():
        async with reviewing(make_app(DiffRequest(sample_copy, ("HEAD~1",)))) as review:
            await review.press("j", "o")
            assert record.read_text(encoding="utf-8").splitlines() == ["+93", str(sample_copy / "spec" / "behavior.md")]
            assert review.notes == []
            await review.press("j")
            assert review.current.position == 2, "the app goes on after the editor closes"

    run(scenario())


def test_o_opens_a_read_only_copy_when_the_head_is_a_commit(sample_app, sample_copy, tmp_path, monkeypatch):
    script, record = fake_editor(tmp_path)
    monkeypatch.setenv("EDITOR", str(script))

    async def scenario():
        async with reviewing(sample_app()) as review:
            await review.press("j", "o")
            line, path = record.read_text(encoding="utf-8").splitlines()
            assert line == "+93" and "review-files" in path and path.endswith("spec/behavior.md")
            assert "A read-only copy of spec/behavior.md at HEAD (" in review.said()

    run(scenario())


def test_o_without_editor_says_how_to_set_one(sample_app, monkeypatch):
    monkeypatch.delenv("EDITOR", raising=False)

    async def scenario():
        async with reviewing(sample_app()) as review:
            await review.press("o")
            assert "Set $EDITOR" in review.said()

    run(scenario())


def test_o_reports_an_editor_that_fails(sample_app, tmp_path, monkeypatch):
    script, _ = fake_editor(tmp_path, status=3)
    monkeypatch.setenv("EDITOR", f"{script} --wait")

    async def scenario():
        async with reviewing(sample_app()) as review:
            await review.press("o")
            assert "exited with status 3" in review.said()
        monkeypatch.setenv("EDITOR", str(tmp_path / "no-such-editor"))
        async with reviewing(sample_app()) as review:
            await review.press("o")
            assert "Could not start" in review.said()

    run(scenario())


def test_e_without_an_api_key_shows_one_notification(sample_app):
    async def scenario():
        async with reviewing(sample_app()) as review:
            await review.press("e")
            warnings = [n for n in review.notes if n.severity == "warning"]
            assert len(warnings) == 1 and "Set OPENAI_API_KEY" in warnings[0].message
            assert not [w for w in review.app.workers if w.group == "explain"], "nothing to wait for"
            assert review.current.amendment.explanation is None
            assert review.app.screen.explaining is None
            assert not review.app.screen.query_one("#amendment-explanation").loading

    run(scenario())


def test_e_works_in_the_background_while_keys_still_move(sample_app, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    asked = threading.Event()
    answer = threading.Event()

    def slow_explain(amendments, settings, **_):
        asked.set()
        answer.wait(10)
        return {a.id: Explanation("Teens need a guardian until 16.", "narrowed", "The age went up.", "m") for a in amendments}, []

    monkeypatch.setattr("specdiff.llm.explain", slow_explain)

    async def scenario():
        async with reviewing(sample_app()) as review:
            first = review.current
            await review.press("e")
            assert asked.wait(5)
            explanation = review.app.screen.query_one("#amendment-explanation")
            assert explanation.loading and "Asking gpt-4o-mini…" in str(explanation.content)
            await review.press("j")
            assert review.current.position == 1, "the UI answers keys while the model is asked"
            assert not explanation.loading, "the loading indicator belongs to the amendment being explained"
            answer.set()
            await review.app.workers.wait_for_complete()
            await review.pilot.pause()
            assert first.amendment.explanation.summary == "Teens need a guardian until 16."
            await review.press("k")
            text = shown(explanation)
            assert "✎ Teens need a guardian until 16. [narrowed]" in text and "The age went up." in text
            assert review.notes == []

    run(scenario())


def test_e_asks_the_configured_model_through_the_real_client(sample_copy, monkeypatch):
    from fake_servers import FakeServer, explaining

    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    with FakeServer(explaining) as server:
        config = sample_copy / "specdiff.toml"
        config.write_text(
            config.read_text(encoding="utf-8") + f'\n[llm]\nbase_url = "{server.url}/v1"\nmodel = "test-model"\n',
            encoding="utf-8",
        )
        app = make_app(DiffRequest(sample_copy, ("HEAD~1", "HEAD")))
        assert server.requests == [], "nothing is asked while the app opens"

        async def scenario():
            async with reviewing(app) as review:
                await review.press("e")
                await review.app.workers.wait_for_complete()
                await review.pilot.pause()
                current = review.current.amendment
                assert f"Summary of {current.id}. [narrowed]" in shown(review.app.screen.query_one("#amendment-explanation"))
                assert "(test-model)" in shown(review.app.screen.query_one("#amendment-explanation"))

        run(scenario())
        assert len(server.requests) == 1, "one amendment, one request"


def test_a_failing_model_gives_one_notification(sample_copy, monkeypatch):
    from fake_servers import FakeServer, Reply

    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-secret")
    with FakeServer(lambda request: Reply(500, {"error": {"message": "down"}})) as server:
        config = sample_copy / "specdiff.toml"
        config.write_text(
            config.read_text(encoding="utf-8") + f'\n[llm]\nbase_url = "{server.url}/v1"\nretries = 0\n', encoding="utf-8"
        )

        async def scenario():
            async with reviewing(make_app(DiffRequest(sample_copy, ("HEAD~1", "HEAD")))) as review:
                await review.press("e")
                await review.app.workers.wait_for_complete()
                await review.pilot.pause()
                assert [n.title for n in review.notes] == ["No explanation"]
                assert "the server answered 500" in review.said() and "sk-test-secret" not in review.said()
                assert review.app.screen.explaining is None
                assert not review.app.screen.query_one("#amendment-explanation").loading

        run(scenario())


def test_an_empty_diff_says_there_is_nothing_to_review(spec_repo):
    spec_repo.commit("first", {"spec.md": "# Rules\n\nBe kind.\n"})
    spec_repo.commit("only a readme", {"README.md": "# Hello\n"})

    async def scenario():
        async with reviewing(make_app(DiffRequest(spec_repo.path, ("HEAD~1", "HEAD"))), size=(80, 24)) as review:
            text = shown(review.app.screen.query_one("#empty"))
            assert "No spec amendments to review." in text and "Press q to quit." in text
            assert "no amendments" in shown(review.app.screen.query_one(SummaryBar))
            await review.press("j", "n", "1", "f", "slash", "v", "r", "s", "o", "e")
            await review.press("q")
            assert review.app.return_code == 0

    run(scenario())


def test_large_terminals_and_80_by_24_both_draw(sample_app):
    async def scenario():
        for size in ((80, 24), (220, 60)):
            async with reviewing(sample_app(), size=size) as review:
                svg = review.app.export_screenshot()
                assert "Verify&#160;before&#160;touching" in svg, f"the first section is listed at {size}"
                assert "Help" in svg and "Reviewed" in svg, f"the footer shows the first keys at {size}"

    run(scenario())


def test_quitting_as_the_diff_arrives_leaves_cleanly(sample_copy):
    """The review screen is still being built when the app quits: nothing may fail (a flaky CI
    failure: the view and the screen drew on parts the quitting app had already removed)."""
    import asyncio

    async def leave_after(turns: int) -> None:
        app = make_app(DiffRequest(sample_copy, ("HEAD~1", "HEAD")))
        async with app.run_test(size=(80, 24)):
            while app.diff is None and app.error is None:
                await asyncio.sleep(0.001)
            for _ in range(turns):  # the screen is pushed in this turn and mounted over the next few
                await asyncio.sleep(0)
        assert app.error is None and app.return_code in (0, None)

    for turns in range(4):
        run(leave_after(turns))


def test_the_command_needs_a_terminal(sample_copy, capsys, monkeypatch):
    import argparse

    from specdiff.commands import review
    from specdiff.errors import SpecdiffError

    parser = argparse.ArgumentParser()
    review.add_parser(parser.add_subparsers())
    args = parser.parse_args(["review", "-C", str(sample_copy), "HEAD~1"])
    assert args.revisions == ["HEAD~1"] and args.repository == str(sample_copy)
    try:
        review.run(args, [])
    except SpecdiffError as error:
        assert "needs a terminal" in str(error)
    else:
        raise AssertionError("review without a terminal is an error")


def test_the_command_module_does_not_import_textual():
    import subprocess

    code = "import sys, specdiff.commands.review, specdiff.tui; print('textual' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ}, check=True)
    assert done.stdout.strip() == "False"


def test_a_dumb_terminal_gets_the_text_diff_with_a_note(sample_copy):
    from terminal import run_in_terminal

    done = run_in_terminal(["review", "-C", str(sample_copy), "HEAD~1", "HEAD"], wait_for="\n", keys="", env={"TERM": "dumb"})
    assert done.code == 0
    assert "TERM=dumb cannot show the review app; here is the text diff instead." in done.screen
    assert "\x1b[" not in done.screen, "no escape sequence: no app, no colour"
    assert "spec/behavior.md" in done.screen and "breaking" in done.screen
