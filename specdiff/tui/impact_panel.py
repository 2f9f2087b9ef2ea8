"""Under the amendment: the artifacts and eval cases it reaches, grouped by the chain that explains why.

Each output's chain starts with its own link (``examples/a.md → spec.md#x/3``,
"examples for footnote [^a]") and goes on through links that many outputs
share. Outputs whose chains go on the same way are listed together, each with
its own first link in a few words, and the shared rest is written once below
them: on the Model Spec release a clause reached by 7 evals through 2 shared
chains took 18 lines, one per link; grouped it takes 12.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from specdiff.model import Impact
from specdiff.render.words import counted, output_name
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
            self.border_title = f"Reaches {counted(outputs, 'output')}, {counted(evals, 'eval')}"
        else:
            self.border_title = "Reaches nothing"
        self.border_subtitle = "s: stamp them" if impact else ""
        self.query_one("#impact-text", Static).update(self._text(item))
        self.scroll_home(animate=False)

    def mark_stamped(self, nodes: list[str]) -> None:
        self.stamped.update(nodes)
        self.show(self.item)

    def _text(self, item: ReviewItem | None) -> RenderableType:
        """Per group: one row per output (kind, path, its own link), then the shared chain once."""
        style = self.get_component_rich_style
        if item is None:
            return Text()
        if not item.amendment.impact:
            return Text("No artifact or eval case depends on this part of the spec.", style("impact-panel--why"))
        table = Table.grid(padding=(0, 1, 0, 0))
        table.add_column(no_wrap=True, style=style("impact-panel--kind"))
        table.add_column(ratio=1, overflow="fold")
        for n, (rest, impacts) in enumerate(grouped_by_chain(item.amendment.impact).items()):
            if n:
                table.add_row("", "")
            for impact in impacts:
                name = Text(output_name(impact.node), style("impact-panel--output"))
                if impact.node in self.stamped:
                    name.append("  stamped", style("impact-panel--kind"))
                elif impact.node in self.stale:
                    name.append("  stale since stamped", style("impact-panel--stale"))
                if impact.why:
                    name.append(f"  {own_link(impact.why[0])}", style("impact-panel--why"))
                table.add_row(impact.kind, name)
            for k, link in enumerate(rest):
                table.add_row("via" if k == 0 else "", Text(link, style("impact-panel--why")))
        return table


def grouped_by_chain(impacts: list[Impact]) -> dict[tuple[str, ...], list[Impact]]:
    """Outputs by the links their chains share after their own first one, in the order first met."""
    groups: dict[tuple[str, ...], list[Impact]] = {}
    for impact in impacts:
        groups.setdefault(tuple(impact.why[1:]), []).append(impact)
    return groups


def own_link(link: str) -> str:
    """An output's own first link in a few words: what is in its brackets, or all of it.

    >>> own_link("examples/a9sq.md → model_spec.md#letter_and_spirit/14 (examples for footnote [^a9sq], model_spec.md:363)")
    '→ #letter_and_spirit/14: examples for footnote [^a9sq], model_spec.md:363'
    """
    head, _, reason = link.partition(" (")
    target = head.rpartition(" → ")[2]
    anchor = target[target.index("#") :] if "#" in target else target
    return f"→ {anchor}: {reason.removesuffix(')')}" if reason else link
