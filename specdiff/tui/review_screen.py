"""The review screen: the tree on the left, the amendment and its impact on the right.

It owns the keys that act on the amendment under the cursor (mark reviewed,
stamp, open, explain) and on what is listed (filters, search), because they
must work whichever panel has the focus. Slow work (stamping reads the whole
dependency graph; the language model may take seconds) runs in thread
workers that post a message back, so the screen never stops answering keys.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState, get_current_worker

from specdiff.config import LlmSettings
from specdiff.errors import SpecdiffError
from specdiff.lint.base import Finding
from specdiff.llm import configured_api_key
from specdiff.model import Amendment, SpecDiff
from specdiff.nodes import output_kind
from specdiff.render.words import counted
from specdiff.tui.amendment_tree import AmendmentTree
from specdiff.tui.amendment_view import AmendmentView
from specdiff.tui.confirm_screen import ConfirmScreen
from specdiff.tui.editor import editor_command, editor_target, file_to_open, missing_program
from specdiff.tui.help_screen import HelpScreen, HelpSection
from specdiff.tui.impact_panel import ImpactPanel
from specdiff.tui.items import ORDERS, Filters, ReviewItem, next_kind, ordered, review_items
from specdiff.tui.lint_panel import LintPanel
from specdiff.tui.messages import ExplanationReady, OutputsStamped
from specdiff.tui.reviewed import ReviewedMarks, set_reviewed
from specdiff.tui.search import SearchBar
from specdiff.tui.summary_bar import SummaryBar

SIDE_BY_SIDE_FROM = 110
"""Terminal columns from which the two texts start side by side; narrower, they start unified
(at 80 columns each side would get about 20 columns of text)."""

TREE_MIN = 26
"""The tree's narrowest width: a file name and an amendment's kind still fit."""

MOVE = Binding.Group("move", compact=True)
UNREVIEWED = Binding.Group("unreviewed", compact=True)
SEVERITY = Binding.Group("severity")

NEXT = Binding("j", "next_amendment", "Next", group=MOVE, tooltip="Next amendment", id="review.next")
PREVIOUS = Binding("k", "previous_amendment", "Previous", group=MOVE, tooltip="Previous amendment", id="review.previous")
NEXT_UNREVIEWED = Binding("n", "next_unreviewed", "Next unreviewed", group=UNREVIEWED, id="review.next_unreviewed")
PREVIOUS_UNREVIEWED = Binding("N", "previous_unreviewed", "Previous unreviewed", group=UNREVIEWED, id="review.previous_unrev")

# Priority: the search field must have the focus before the next key is read, so that
# "/kiosk" typed (or pasted) in one go is all search text.
SEARCH = Binding(
    "slash", "search", "Search", tooltip="Only amendments whose text contains what you type", priority=True, id="review.search"
)
SEVERITIES = [
    Binding("1", "severity('breaking')", "Breaking", group=SEVERITY, tooltip="Breaking: only, or also", id="review.breaking"),
    Binding("2", "severity('substantive')", "Substantive", group=SEVERITY, tooltip="Substantive: only, or also", id="review.sub"),
    Binding("3", "severity('editorial')", "Editorial", group=SEVERITY, tooltip="Editorial: only, or also", id="review.editorial"),
    Binding("0", "severity('all')", "All", group=SEVERITY, tooltip="Every severity", id="review.all_severities"),
]
ORDER = Binding("O", "cycle_order", "Order", tooltip="Largest file first ⇄ diff order ⇄ most severe first", id="review.order")
KIND = Binding("f", "cycle_kind", "Kind", tooltip="Only one kind (added, modified…); again: the next; then all", id="review.kind")

MARK = Binding(
    "r", "toggle_reviewed", "Reviewed", tooltip="Mark it reviewed and go to the next unreviewed; again: unmark", id="review.mark"
)
LAYOUT = Binding("v", "toggle_layout", "View", tooltip="Side by side ⇄ unified", id="review.layout")
NEXT_CHANGE = Binding(
    "right_square_bracket", "change(1)", "Next change", tooltip="Scroll to the next change in a long clause", id="review.down"
)
PREVIOUS_CHANGE = Binding(
    "left_square_bracket", "change(-1)", "Previous change", tooltip="Scroll to the previous change", id="review.up"
)
FOLDING = Binding("z", "toggle_folding", "Unfold", tooltip="Show the unchanged lines, or fold them again", id="review.fold")
STAMP = Binding("s", "stamp", "Stamp", tooltip="Stamp the outputs it reaches in specdiff.lock (asks first)", id="review.stamp")
OPEN = Binding("o", "open_in_editor", "Open", tooltip="Open the file at this line in $EDITOR", id="review.open")
EXPLAIN = Binding("e", "explain", "Explain", tooltip="Ask the language model what this changes", id="review.explain")
HELP = Binding("question_mark", "help", "Help", tooltip="This list of keys", id="review.help")


def outputs_and_evals(nodes: list[str]) -> str:
    """``3 outputs and 2 evals``, counted as the impact panel counts them.

    >>> outputs_and_evals(["artifact:a.py", "eval:e.jsonl#1", "artifact:b.py"])
    '2 outputs and 1 eval'
    """
    outputs = sum(1 for node in nodes if output_kind(node) == "artifact")
    evals = len(nodes) - outputs
    parts = [counted(n, word) for n, word in ((outputs, "output"), (evals, "eval")) if n]
    return " and ".join(parts) or "nothing"


class ReviewScreen(Screen[None]):
    """Walk through a diff amendment by amendment."""

    # In the footer's order: at 80 columns it shows the first eight; ? lists them all.
    BINDINGS: ClassVar[list[BindingType]] = [
        HELP,
        MARK,
        NEXT_UNREVIEWED,
        PREVIOUS_UNREVIEWED,
        LAYOUT,
        STAMP,
        OPEN,
        EXPLAIN,
        SEARCH,
        *SEVERITIES,
        KIND,
        ORDER,
        NEXT,
        PREVIOUS,
        NEXT_CHANGE,
        PREVIOUS_CHANGE,
        FOLDING,
    ]

    def __init__(
        self,
        diff: SpecDiff,
        marks: ReviewedMarks,
        repository: Path,
        llm: LlmSettings,
        findings: Mapping[str, list[Finding]] | None = None,
    ) -> None:
        super().__init__()
        self.diff = diff
        self.findings = findings or {}
        """``specdiff lint``'s findings by amendment id (see ``lint_panel``)."""
        self.marks = marks
        self.repository = repository
        self.llm = llm
        self.items = review_items(diff)
        self.filters = Filters()
        self.order = ORDERS[0]
        self.explaining: str | None = None
        """Id of the amendment the language model is being asked about."""

    # -- layout --------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield SummaryBar(self.diff, id="summary")
        if not self.items:
            yield Static(self._nothing_to_review(), id="empty", markup=False)
        else:
            with Horizontal(id="body"):
                yield AmendmentTree(self.marks, id="tree")
                with Vertical(id="details"):
                    yield AmendmentView(id="amendment")
                    yield LintPanel(self.findings, id="lint")
                    yield ImpactPanel(id="impact")
            search = SearchBar(id="search")
            search.display = False
            yield search
        yield Footer(compact=True)

    def _nothing_to_review(self) -> str:
        lines = [
            "No spec amendments to review.",
            "",
            f"Between {self.diff.base.label} and {self.diff.head.label} no clause or section of a spec file changed.",
            "Name other revisions (specdiff review HEAD~3), or check which files are specs in specdiff.toml.",
            "",
            "Press q to quit.",
        ]
        return "\n".join(lines)

    def on_mount(self) -> None:
        if not self.app.is_running:
            return  # the app quits before this screen was ever shown (q as the diff was read): some parts may be gone
        warnings = list(self.diff.warnings) + ([self.marks.warning] if self.marks.warning else [])
        if warnings:
            self.notify("\n".join(warnings), title="specdiff", severity="warning", markup=False, timeout=8)
        if not self.items:
            return
        self.query_one(ImpactPanel).stale = set(self.diff.stale or [])
        self.query_one(AmendmentView).layout_mode = "side-by-side" if self.app.size.width >= SIDE_BY_SIDE_FROM else "unified"
        # At once, not Widget.focus(), which waits a turn: a "/" read in between would open the
        # search and then lose the focus to the tree.
        self.set_focus(self.query_one(AmendmentTree))
        # After the first layout: the tree scrolls its cursor into view, which needs its height.
        self.call_after_refresh(self._list)

    def _list(self) -> None:
        """List the items that pass the filters, staying on the current one if it still does."""
        tree = self.query_one(AmendmentTree)
        shown = ordered([item for item in self.items if self.filters.matches(item)], self.order)
        current = tree.show_items(shown, keep=tree.current)
        if current is None:
            self._show(None)
        self._update_summary()
        self._fit_tree()

    def _fit_tree(self) -> None:
        """As wide as its file and section lines need, within what leaves the amendment room.

        At most 45% of the terminal, and at least 62 columns left for the amendment
        (but the tree gets 30 whatever): 30 at 80 columns, 38 at 100, up to 72 at 160.
        """
        tree = self.query_one(AmendmentTree)
        width = self.app.size.width
        room = min(width * 45 // 100, max(30, width - 62))
        tree.styles.width = max(TREE_MIN, min(tree.widest_label(), room))

    def on_resize(self) -> None:
        # Not while the app quits: a resize can arrive as the screen is taken apart (q as the diff was read).
        if self.items and self.app.is_running:
            self._fit_tree()

    def _update_summary(self) -> None:
        tree = self.query_one(AmendmentTree)
        reviewed = sum(1 for item in self.items if item.id in self.marks)
        self.query_one(SummaryBar).update_counts(reviewed=reviewed, shown=len(tree.items), filters=self.filters, order=self.order)

    def _show(self, item: ReviewItem | None) -> None:
        explaining = self.llm.model if item is not None and item.id == self.explaining else None
        self.query_one(AmendmentView).show(item, reviewed=item is not None and item.id in self.marks, explaining=explaining)
        self.query_one(LintPanel).show(item)
        self.query_one(ImpactPanel).show(item)

    def _current(self) -> ReviewItem | None:
        if not self.items:
            return None
        return self.query_one(AmendmentTree).current

    @on(AmendmentTree.AmendmentHighlighted)
    def _highlighted(self, event: AmendmentTree.AmendmentHighlighted) -> None:
        self._show(event.item)

    @on(AmendmentTree.GroupHighlighted)
    def _group_highlighted(self, event: AmendmentTree.GroupHighlighted) -> None:
        self.query_one(AmendmentView).show_group(event.group, self.marks)
        self.query_one(LintPanel).show(None)
        self.query_one(ImpactPanel).show(None)

    # -- moving --------------------------------------------------------------------

    def action_next_amendment(self) -> None:
        if self.items:
            self.query_one(AmendmentTree).action_next_amendment()

    def action_previous_amendment(self) -> None:
        if self.items:
            self.query_one(AmendmentTree).action_previous_amendment()

    def action_next_unreviewed(self) -> None:
        self._unreviewed(1)

    def action_previous_unreviewed(self) -> None:
        self._unreviewed(-1)

    def _unreviewed(self, delta: int) -> None:
        tree = self.query_one(AmendmentTree) if self.items else None
        if tree is None or not tree.items:
            return
        if not tree.go_to_unreviewed(delta):
            listed = "listed " if self.filters.active else ""
            self.notify(f"Every {listed}amendment is reviewed.", title="Nothing left")

    # -- filtering -----------------------------------------------------------------

    def action_severity(self, severity: str) -> None:
        """1, 2, 3 add their severity to those shown (the first one pressed: only it); 0 shows all."""
        if self.items:
            everything = dataclasses.replace(self.filters, severities=frozenset())
            self.filters = everything if severity == "all" else self.filters.toggle(severity)
            self._list()

    def action_cycle_order(self) -> None:
        if self.items:
            self.order = ORDERS[(ORDERS.index(self.order) + 1) % len(ORDERS)]
            self._list()
            self.notify(f"Listed {self.order}.", title="Order")

    def action_cycle_kind(self) -> None:
        if self.items:
            self.filters = dataclasses.replace(self.filters, kind=next_kind(self.filters.kind, self.items))
            self._list()

    def action_search(self) -> None:
        if not self.items:
            return
        bar = self.query_one(SearchBar)
        if bar.display:
            raise SkipAction()  # a / typed in the search text
        bar.open(self.filters.text)

    @on(SearchBar.Changed)
    def _search_changed(self, event: SearchBar.Changed) -> None:
        if event.text == self.filters.text:
            return
        self.filters = dataclasses.replace(self.filters, text=event.text)
        self._list()

    # -- reviewing -----------------------------------------------------------------

    def action_toggle_layout(self) -> None:
        if self.items:
            self.query_one(AmendmentView).toggle_layout()

    def action_change(self, direction: int) -> None:
        if self.items and self._current() is not None and not self.query_one(AmendmentView).go_to_change(direction):
            self.notify(f"No change {'below' if direction > 0 else 'above'}.", title="Changes", timeout=2)

    def action_toggle_folding(self) -> None:
        if self.items:
            folded = self.query_one(AmendmentView).toggle_folding()
            self.notify("Unchanged lines folded." if folded else "Every line shown.", title="Folding", timeout=2)

    def action_toggle_reviewed(self) -> None:
        """Mark the amendment reviewed and go on to the next unreviewed one; on a reviewed one, unmark it and stay."""
        item = self._current()
        if item is None:
            if self.items and self.query_one(AmendmentTree).items:
                self.notify("Move onto an amendment (j) to mark it reviewed.", title="Reviewed")
            return
        marking = item.id not in self.marks
        try:
            set_reviewed(self.marks, item.id, marking)
        except OSError as error:
            self.notify(f"Could not save the reviewed marks: {error}", severity="error", markup=False)
        tree = self.query_one(AmendmentTree)
        tree.refresh_marks(item)
        self._show(item)
        self._update_summary()
        if marking and not tree.go_to_unreviewed(1):
            listed = "listed " if self.filters.active else ""
            self.notify(f"Every {listed}amendment is reviewed.", title="Done")

    def action_help(self) -> None:
        where = "memory only (not saved)"
        if self.marks.path is not None:
            path = self.marks.path
            where = str(path.relative_to(self.repository) if path.is_relative_to(self.repository) else path)
        notes = (
            "Tab moves the focus: tree, amendment, impact (the focused pane has a bar down its left edge).\n"
            "Mouse: click an amendment to show it, a section to open or close it; the wheel scrolls each panel.\n"
            f"Reviewed marks are kept in {where}."
        )
        self.app.push_screen(HelpScreen(self.help_sections(), notes))

    def help_sections(self) -> list[HelpSection]:
        """Every key, by what it is for, from the bindings the app's parts declare."""
        return [
            ("Moving", [NEXT, PREVIOUS, *AmendmentTree.BINDINGS, NEXT_UNREVIEWED, PREVIOUS_UNREVIEWED]),
            ("Filtering and order", [SEARCH, *SEVERITIES, KIND, ORDER, *SearchBar.BINDINGS]),
            ("Reading", [LAYOUT, NEXT_CHANGE, PREVIOUS_CHANGE, FOLDING]),
            ("Reviewing", [MARK, STAMP, OPEN, EXPLAIN, HELP, *type(self.app).BINDINGS]),
        ]

    def action_open_in_editor(self) -> None:
        item = self._current()
        if item is None:
            return
        editor = os.environ.get("EDITOR", "").strip()
        if not editor:
            self.notify("Set $EDITOR to open files, for example: export EDITOR=vim", title="No editor", severity="warning")
            return
        target = editor_target(self.diff, item.amendment)
        try:
            path = file_to_open(target, self.repository, self.diff.state_dir)
            command = editor_command(editor, path, target.line)
        except (SpecdiffError, OSError, ValueError) as error:
            self.notify(f"Cannot open {target.path}: {error}", title="Open", severity="warning", markup=False)
            return
        missing = missing_program(command)
        if missing is not None:
            self.notify(f"Could not start {missing}: not found (check $EDITOR).", title="Open", severity="error", markup=False)
            return
        if target.revision.commit is not None:
            self.notify(
                f"A read-only copy of {target.path} at {target.revision.label}, line {target.line}.", title="Open", markup=False
            )
        failed = self._run_editor(command)
        if failed:
            self.notify(failed, title="Open", severity="warning", markup=False)

    def _run_editor(self, command: list[str]) -> str | None:
        """Run the editor with the terminal handed over; say what went wrong, if anything.

        Nothing may raise inside ``App.suspend()``: an exception there skips giving
        the terminal back, and the app is left frozen with keys echoing (issue 15).
        """
        failed: str | None = None

        def edit(**options: object) -> None:
            nonlocal failed
            try:
                done = subprocess.run(command, check=False, **options)  # type: ignore[call-overload]
            except OSError as error:
                failed = f"Could not start {command[0]}: {error.strerror or error}"
                return
            if done.returncode:
                failed = f"{command[0]} exited with status {done.returncode}."

        try:
            with self.app.suspend():
                edit()
        except SuspendNotSupported:
            # No terminal to hand over (a headless test, or Textual in a browser):
            # the editor runs without the screen, and its output goes nowhere.
            edit(stdin=subprocess.DEVNULL, capture_output=True)
        return failed

    def action_stamp(self) -> None:
        item = self._current()
        if item is None:
            return
        impact = item.amendment.impact
        if not impact:
            self.notify("This amendment reaches no output or eval: nothing to stamp.", title="Stamp")
            return
        if any(w.group == "stamp" and w.is_running for w in self.workers):
            self.notify("Still stamping the last ones…", title="Stamp")
            return
        nodes = [i.node for i in impact]
        question = (
            f"Record in specdiff.lock that {outputs_and_evals(nodes)} are up to date with the spec as it is in the working tree?"
        )
        if self.diff.head.commit is not None:
            question += f" (You are reviewing {self.diff.head.label}; the lock records the working tree.)"
        self.app.push_screen(ConfirmScreen("Stamp", question), partial(self._confirmed_stamp, item.id, nodes))

    def _confirmed_stamp(self, amendment_id: str, nodes: list[str], yes: bool | None) -> None:
        if yes:
            self._stamp(amendment_id, nodes)

    @work(thread=True, group="stamp", exit_on_error=False)
    def _stamp(self, amendment_id: str, outputs: list[str]) -> None:
        """Record the outputs' inputs in specdiff.lock (reads the working tree's dependency graph)."""
        from specdiff.check import stamp

        try:
            stamped = stamp(self.repository, [], outputs=outputs)
        except SpecdiffError as error:
            self.post_message(OutputsStamped(amendment_id, [], str(error)))
            return
        self.post_message(OutputsStamped(amendment_id, stamped, None))

    @on(OutputsStamped)
    def _stamped(self, message: OutputsStamped) -> None:
        if message.error:
            self.notify(message.error, title="Not stamped", severity="error", markup=False)
            return
        self.notify(f"Stamped {outputs_and_evals(message.stamped)} in specdiff.lock, as of the working tree.", title="Stamp")
        self.query_one(ImpactPanel).mark_stamped(message.stamped)

    def action_explain(self) -> None:
        item = self._current()
        if item is None:
            return
        amendment = item.amendment
        if amendment.severity == "editorial":
            self.notify("Only substantive and breaking amendments are explained.", title="Explain")
            return
        if item.id == self.explaining:
            return
        if not configured_api_key():  # said here in the app's own words
            self.notify("Set OPENAI_API_KEY to ask a language model (see docs/explain.md).", title="Explain", severity="warning")
            return
        self.explaining = item.id
        self._show(item)
        # Exclusive: asking about another amendment cancels waiting for this one's answer.
        self.run_worker(
            partial(self._explain, amendment), name=item.id, group="explain", exclusive=True, thread=True, exit_on_error=False
        )

    def _explain(self, amendment: Amendment) -> None:
        """In a thread: ask the model about one amendment (``llm`` caches answers on disk, and changes
        nothing it is given: the answer comes back here, and the app's thread files it)."""
        from specdiff.llm import explain

        explained, warnings = explain([amendment], self.llm, state_dir=self.diff.state_dir)
        if get_current_worker().is_cancelled:
            return  # the reviewer asked about another amendment since
        self.post_message(ExplanationReady(amendment.id, explained.get(amendment.id), warnings[0] if warnings else None))

    @on(ExplanationReady)
    def _explained(self, message: ExplanationReady) -> None:
        if self.explaining == message.amendment_id:
            self.explaining = None
        for item in self.items:
            if item.id == message.amendment_id and message.explanation is not None:
                item.amendment.explanation = message.explanation
        if message.warning or message.explanation is None:
            reason = message.warning or "the model gave no explanation for this amendment"
            self.notify(reason, title="No explanation", severity="warning", markup=False)
        self._refresh_current()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if event.state not in (WorkerState.ERROR, WorkerState.CANCELLED) or worker.group not in ("stamp", "explain"):
            return
        if worker.group == "explain" and self.explaining == worker.name:
            self.explaining = None
            self._refresh_current()
        if event.state == WorkerState.ERROR:
            what = "Stamping" if worker.group == "stamp" else "Asking the language model"
            self.notify(f"{what} failed: {worker.error!r}", severity="error", markup=False)

    def _refresh_current(self) -> None:
        item = self._current()
        if item is not None:
            self._show(item)
