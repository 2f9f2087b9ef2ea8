"""Under the amendment: the artifacts and eval cases it reaches, each with the chain that explains why."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from specdiff.render.words import output_name
from specdiff.tui.items import ReviewItem


class ImpactPanel(VerticalScroll):
    """``Amendment.impact``: one entry per output, its kind, and one line per dependency on the way."""

    COMPONENT_CLASSES = {"impact-panel--output", "impact-panel--kind", "impact-panel--why", "impact-panel--stale"}

    DEFAULT_CSS = """
    ImpactPanel {
        & > .impact-panel--output { text-style: bold; }
        & > .impact-panel--kind { color: $foreground-muted; }
        & > .impact-panel--why { color: $foreground-muted; }
        & > .impact-panel--stale { color: $warning; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.item: ReviewItem | None = None
        self.stale: set[str] = set()
        """Outputs ``specdiff.lock`` says are stale (as when the diff was made)."""
        self.stamped: set[str] = set()
        """Outputs stamped from this app since it opened."""

    def compose(self) -> ComposeResult:
        yield Static(id="impact-text")

    def show(self, item: ReviewItem | None) -> None:
        self.item = item
        impact = item.amendment.impact if item else []
        outputs = sum(1 for i in impact if i.kind == "artifact")
        evals = len(impact) - outputs
        if item is None:
            self.border_title = "Reaches"
        elif impact:
            self.border_title = f"Reaches {outputs} output{'s' if outputs != 1 else ''}, {evals} eval{'s' if evals != 1 else ''}"
        else:
            self.border_title = "Reaches nothing"
        self.border_subtitle = "s: stamp them" if impact else ""
        self.query_one("#impact-text", Static).update(self._text(item))
        self.scroll_home(animate=False)

    def mark_stamped(self, nodes: list[str]) -> None:
        self.stamped.update(nodes)
        self.show(self.item)

    def _text(self, item: ReviewItem | None) -> RenderableType:
        """One row per output (its kind, its path), then one per link of the chain that reaches it."""
        style = self.get_component_rich_style
        if item is None:
            return Text()
        if not item.amendment.impact:
            return Text("No artifact or eval case depends on this part of the spec.", style("impact-panel--why"))
        table = Table.grid(padding=(0, 1, 0, 0))
        table.add_column(no_wrap=True, style=style("impact-panel--kind"))
        table.add_column(ratio=1, overflow="fold")
        for impact in item.amendment.impact:
            name = Text(output_name(impact.node), style("impact-panel--output"))
            if impact.node in self.stamped:
                name.append("  stamped", style("impact-panel--kind"))
            elif impact.node in self.stale:
                name.append("  stale since stamped", style("impact-panel--stale"))
            table.add_row(impact.kind, name)
            for why in impact.why:
                table.add_row("", Text(why, style("impact-panel--why")))
        return table
