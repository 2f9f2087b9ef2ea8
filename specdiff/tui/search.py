"""The search bar that ``/`` opens: amendments are filtered by its text as it is typed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label


class SearchBar(Horizontal):
    """``/ text``: Enter keeps the filter and goes back to the tree, Escape clears it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority bindings run as the key is read, before the next one: the focus is back
        # where it was by then, so "Enter q" quits instead of typing q into the hidden bar.
        # (See _changed for the letters typed just before.)
        Binding("enter", "keep", "Keep search", tooltip="In the search bar: keep the search", priority=True, id="search.keep"),
        Binding("escape", "clear", "Clear search", tooltip="In the search bar: clear it", priority=True, id="search.clear"),
    ]

    DEFAULT_CSS = """
    SearchBar {
        height: 1;
        background: $panel;
        Label { width: auto; padding: 0 1; color: $accent; text-style: bold; }
        Input { width: 1fr; }
    }
    """

    @dataclass
    class Changed(Message):
        """The search text changed (on every key)."""

        text: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._return_to: Widget | None = None
        self._cleared = False

    def compose(self) -> ComposeResult:
        yield Label("/")
        # select_on_focus off: the field gets its focus event after keys typed right after /.
        yield Input(
            placeholder="text in the amendments (Enter: keep, Escape: clear)",
            compact=True,
            select_on_focus=False,
            id="search-input",
        )

    def open(self, text: str) -> None:
        """Show the bar holding ``text`` and put the cursor in it."""
        self._return_to = self.screen.focused
        self._cleared = False
        field = self.query_one(Input)
        with field.prevent(Input.Changed):
            field.value = text
        self.display = True
        self.screen.set_focus(field)  # at once: keys typed right after / belong to the search

    def _close(self) -> None:
        """Hide the bar and give the focus back at once (``Widget.focus`` would wait a turn)."""
        self.display = False
        self.screen.set_focus(self._return_to)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        # Enter and Escape act as soon as they are read, but letters typed just before them
        # reach the field a moment later. After Enter they still belong to the search; after
        # Escape they do not, and are dropped.
        event.stop()
        field = self.query_one(Input)
        if self._cleared:
            with field.prevent(Input.Changed):
                field.value = ""
            return
        self.post_message(self.Changed(field.value))

    def action_keep(self) -> None:
        self._close()

    def action_clear(self) -> None:
        self._cleared = True
        field = self.query_one(Input)
        with field.prevent(Input.Changed):
            field.value = ""
        self._close()
        self.post_message(self.Changed(""))
