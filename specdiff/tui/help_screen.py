"""``?``: every key of the review app, read from the bindings the widgets declare."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from specdiff.tui.dialog import Dialog

HelpSection = tuple[str, list[BindingType]]
"""A heading, and the bindings listed under it."""


class HelpScreen(Dialog[None]):
    """A box over the app listing each key once per action; any of Escape, ``?`` or ``q`` closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close help", id="help.close"),
    ]

    DEFAULT_CSS = """
    HelpScreen > .dialog-box {
        width: 90;
        max-height: 90%;
        padding: 0 1 0 2;
        scrollbar-size-vertical: 1;
    }
    """

    def __init__(self, sections: list[HelpSection], notes: str = "") -> None:
        super().__init__()
        self.sections = sections
        self.notes = notes

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box", classes="dialog-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "Escape closes"
            yield Static(self._table(), id="help-keys")

    def on_mount(self) -> None:
        box = self.query_one("#help-box", VerticalScroll)
        # Its size and content size are known only after layout; either may change with the terminal.
        for attribute in ("scroll_y", "size", "virtual_size"):
            self.watch(box, attribute, lambda _: self._say_what_is_below(box), init=False)

    def _say_what_is_below(self, box: VerticalScroll) -> None:
        """At 80×24 the keys do not fit: the box's bottom line says there are more, and how to see them."""
        if box.scroll_y < box.max_scroll_y:
            box.border_subtitle = "↓ more below (↓ PgDn) · Escape closes"
        else:
            box.border_subtitle = "Escape closes"

    def _table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(justify="right", style="bold", no_wrap=True)
        table.add_column(overflow="fold")
        for n, (heading, bindings) in enumerate(self.sections):
            if n:
                table.add_row("", "")
            table.add_row("", Text(heading, style="bold underline"))
            for keys, description in self.rows(bindings):
                table.add_row(keys, description)
        if self.notes:
            table.add_row("", "")
            table.add_row("", Text(self.notes, style="italic"))
        return table

    def rows(self, bindings: list[BindingType]) -> list[tuple[str, str]]:
        """One row per action, with every key bound to it: ``↓ j  Next amendment``."""
        keys: dict[str, list[str]] = {}
        descriptions: dict[str, str] = {}
        for declared in bindings:
            binding = declared if isinstance(declared, Binding) else Binding(*declared)
            for key in binding.key.split(","):
                shown = self.app.get_key_display(binding.with_key(key.strip()))
                keys.setdefault(binding.action, []).append(shown)
            descriptions.setdefault(binding.action, binding.tooltip or binding.description)
        return [(" ".join(shown), descriptions[action]) for action, shown in keys.items()]
