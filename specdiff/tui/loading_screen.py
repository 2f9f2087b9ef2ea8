"""The first screen: says what is being compared while the diff is computed in a thread.

It is drawn at once, so the reviewer sees the window within a few tenths of a
second instead of a blank terminal; then it is swapped for the review screen.
Keys typed meanwhile are dropped, not kept: typed blind, before anything is on
screen, ``r``, ``f`` or ``s`` would otherwise act on an amendment the reviewer
never saw (a ``/refuse`` typed early marked one reviewed, turned a filter on and
wrote ``specdiff.lock``). Only ``q`` and Ctrl-C act, to give up waiting.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static


class LoadingScreen(Screen[None]):
    """``Reading the diff HEAD~1 → working tree…``; every key but ``q`` is ignored."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "app.quit", "Quit", id="loading.quit")]

    DEFAULT_CSS = """
    LoadingScreen {
        align: center middle;
        & > Static { width: auto; height: auto; color: $foreground-muted; }
    }
    """

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        yield Static(f"Reading the diff {self.what}…\n\nKeys are ignored until it is shown; q quits.", markup=False)

    def on_key(self, event: events.Key) -> None:
        if event.key != "q":
            event.stop()
            event.prevent_default()
