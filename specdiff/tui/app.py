"""The review app: a thin shell around the review screen, and ``make_app`` that builds it.

``specdiff review`` and the tests build the app the same way, through
:func:`make_app`; a test that already has a :class:`~specdiff.model.SpecDiff`
builds :class:`ReviewApp` directly.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from specdiff.config import LlmSettings, load_config
from specdiff.diff import DiffRequest, diff_revisions
from specdiff.model import SpecDiff
from specdiff.render.controls import printable_copy
from specdiff.repo import Repository
from specdiff.tui.review_screen import ReviewScreen
from specdiff.tui.reviewed import load_marks


class ReviewApp(App[None]):
    """Shows one :class:`SpecDiff`; ``repository`` is the work tree's top folder (for stamping and opening files)."""

    CSS_PATH = "review.tcss"
    TITLE = "specdiff review"
    ENABLE_COMMAND_PALETTE = False  # every action has its key; the footer's room is better spent on them
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", tooltip="Leave (reviewed marks are already saved)", id="app.quit"),
    ]

    def __init__(self, diff: SpecDiff, repository: str | Path, *, llm: LlmSettings | None = None) -> None:
        super().__init__()
        self.diff = diff
        self.repository = Path(repository)
        self.llm = llm or LlmSettings()
        self.marks = load_marks(diff.state_dir)

    def get_default_screen(self) -> Screen[None]:
        return ReviewScreen(self.diff, self.marks, self.repository, self.llm)


def make_app(request: DiffRequest) -> ReviewApp:
    """Compute the diff the request names and build the app that reviews it.

    The language model is not asked while the app opens (that could take
    seconds); ``e`` asks about one amendment at a time.
    """
    with Repository(request.repository) as repo:
        root = repo.root
    config = load_config(root)
    # Text from a pull request must not drive the terminal: control characters made visible once, here.
    diff = printable_copy(diff_revisions(dataclasses.replace(request, explain=False)))
    return ReviewApp(diff, root, llm=config.llm)
