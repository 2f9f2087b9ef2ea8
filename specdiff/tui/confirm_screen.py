"""A yes-or-no question over the app, for the one key that writes into the work tree (``s``)."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from specdiff.tui.dialog import Dialog


class ConfirmScreen(Dialog[bool]):
    """``y`` or Enter answers yes; ``n``, Escape or any other key answers no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    DEFAULT_CSS = """
    ConfirmScreen {
        & > .dialog-box {
            width: 70;
            padding: 1 2;
            border: round $warning;
            border-title-color: $warning;
        }
        #confirm-keys { margin-top: 1; color: $foreground-muted; }
    }
    """

    def __init__(self, title: str, question: str) -> None:
        super().__init__()
        self.title_text = title
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box") as box:
            box.border_title = self.title_text
            yield Static(self.question, markup=False, id="confirm-question")
            yield Static("y: yes    n or Escape: no", id="confirm-keys")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def on_key(self, event: events.Key) -> None:
        # Any other key is a no: the question is gone before the reviewer's next key is read.
        if event.key not in ("y", "enter", "n", "escape"):
            event.stop()
            self.dismiss(False)
