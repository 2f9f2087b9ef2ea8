"""The review app: a thin shell that loads the diff, then shows the review screen.

``specdiff review`` builds the app with :func:`make_app`, which returns at once:
the diff is computed in a thread while a loading screen is drawn (on the
Model Spec's largest release that is about 0.6 s of a 1.2 s start). A test
that already has a :class:`~specdiff.model.SpecDiff` builds :class:`ReviewApp`
with it and gets the review screen straight away.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from specdiff.config import LlmSettings, repository_config
from specdiff.diff import DiffRequest, diff_revisions
from specdiff.errors import SpecdiffError
from specdiff.lint.base import Finding
from specdiff.model import SpecDiff
from specdiff.render.controls import printable_copy
from specdiff.repo import Repository
from specdiff.tui.lint_panel import findings_by_amendment
from specdiff.tui.loading_screen import LoadingScreen
from specdiff.tui.review_screen import ReviewScreen
from specdiff.tui.reviewed import ReviewedMarks, load_marks


class ReviewApp(App[None]):
    """Shows one :class:`SpecDiff`, or computes it first with ``diff`` when that is a function.

    ``repository`` is the work tree's top folder (for stamping and opening files).
    """

    CSS_PATH = "review.tcss"
    TITLE = "specdiff review"
    ENABLE_COMMAND_PALETTE = False  # every action has its key; the footer's room is better spent on them
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", tooltip="Leave (reviewed marks are already saved)", id="app.quit"),
    ]

    def __init__(
        self,
        diff: SpecDiff | Callable[[], SpecDiff],
        repository: str | Path,
        *,
        llm: LlmSettings | None = None,
        comparing: str = "",
        findings: Callable[[SpecDiff], Mapping[str, list[Finding]]] | None = None,
    ) -> None:
        super().__init__()
        self._lint = findings
        """Reads the diff's lint findings, by amendment id, in the loading worker (``make_app`` passes one)."""
        self.findings: Mapping[str, list[Finding]] = findings(diff) if findings and not callable(diff) else {}
        self.repository = Path(repository)
        self.llm = llm or LlmSettings()
        self.comparing = comparing
        """What the loading screen says is compared (``HEAD~1 → working tree``)."""
        self._load = diff if callable(diff) else None
        self.diff: SpecDiff | None = None if callable(diff) else diff
        self.marks: ReviewedMarks = load_marks(self.diff.state_dir) if self.diff else ReviewedMarks(None)
        self.error: str | None = None
        """Why the diff could not be computed; ``specdiff review`` prints it after the app closes."""

    def get_default_screen(self) -> Screen[None]:
        if self.diff is not None:
            return self._review_screen(self.diff)
        return LoadingScreen(self.comparing)

    def _review_screen(self, diff: SpecDiff) -> ReviewScreen:
        return ReviewScreen(diff, self.marks, self.repository, self.llm, self.findings)

    def on_mount(self) -> None:
        if self._load is not None:
            self.run_worker(self._load_and_lint, name="diff", group="load", thread=True, exit_on_error=False)

    def _load_and_lint(self) -> SpecDiff:
        """In the loading worker: the diff, then its lint findings (kept on the app)."""
        assert self._load is not None
        diff = self._load()
        if self._lint is not None and diff.amendments:
            self.findings = self._lint(diff)
        return diff

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "load":
            return
        if event.state == WorkerState.SUCCESS:
            diff = event.worker.result
            assert isinstance(diff, SpecDiff)
            self.diff = diff
            self.marks = load_marks(diff.state_dir)
            self.push_screen(self._review_screen(diff))  # over the loading screen (the default one cannot be switched)
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            self.error = str(error) if isinstance(error, SpecdiffError) else f"could not compute the diff: {error!r}"
            self.exit(return_code=2)


def make_app(request: DiffRequest) -> ReviewApp:
    """Build the app that computes the diff the request names, then reviews it.

    The repository and its config are read here, so that a wrong folder is an
    error before the window opens; the diff itself is computed once the loading
    screen is up. The language model is not asked while the app opens (that
    could take seconds); ``e`` asks about one amendment at a time.
    """
    with Repository(request.repository) as repo:
        root = repo.root
        sides = repo.resolve(list(request.revisions))  # an unknown revision is an error before the window opens
        config = repository_config(repo)  # under --config-from, the trusted revision's model endpoint
    quiet = dataclasses.replace(request, explain=False)
    comparing = f"{sides.base.label} → {sides.head.label}"
    # diff_revisions reads the config itself (as on main), with the layout it detects.
    # Text from a pull request must not drive the terminal: control characters made visible once, here.
    return ReviewApp(
        lambda: printable_copy(diff_revisions(quiet)),
        root,
        llm=config.llm,
        comparing=comparing,
        findings=partial(lint_findings, root),
    )


def lint_findings(repository: Path, diff: SpecDiff) -> dict[str, list[Finding]]:
    """What ``specdiff lint`` finds on ``diff``, by amendment id; nothing if it cannot read the repository.

    A lint that fails must not keep the reviewer from the amendments: the review goes on without it.
    """
    from specdiff.lint.run import lint_diff

    try:
        found = lint_diff(diff, repository)
    except SpecdiffError:
        return {}
    return findings_by_amendment(printable_copy(found.findings), diff.amendments)  # lint quotes other rules: PR text too
