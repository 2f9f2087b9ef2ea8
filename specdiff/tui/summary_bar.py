"""The bar across the top: what is compared, how much of each severity, progress and filters."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from specdiff.model import SEVERITIES, SpecDiff
from specdiff.render.words import counted
from specdiff.tui.items import ORDERS, Filters


class SummaryBar(Widget):
    """``HEAD~1 (fbc583e0e0) → working tree`` over ``6 amendments: 3 breaking … · ✓ 2/6 reviewed``."""

    COMPONENT_CLASSES = {
        "summary-bar--revisions",
        "summary-bar--breaking",
        "summary-bar--substantive",
        "summary-bar--editorial",
        "summary-bar--dim",
        "summary-bar--filter",
    }

    DEFAULT_CSS = """
    SummaryBar {
        height: auto;
        padding: 0 1;
        background: $panel;
        color: $foreground;
        & > .summary-bar--revisions { text-style: bold; }
        & > .summary-bar--breaking { color: $error; text-style: bold; }
        & > .summary-bar--substantive { color: $warning; }
        & > .summary-bar--editorial { color: $success; }
        & > .summary-bar--dim { color: $foreground-muted; }
        & > .summary-bar--filter { color: $accent; text-style: bold; }
    }
    """

    def __init__(self, diff: SpecDiff, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.diff = diff
        self.total = len(diff.amendments)
        self.counts = diff.by_severity
        self.reviewed = 0
        self.shown = self.total
        self.filters = Filters()
        self.order = ORDERS[0]

    def update_counts(self, *, reviewed: int, shown: int, filters: Filters, order: str = ORDERS[0]) -> None:
        """Show new progress and filter figures."""
        self.reviewed, self.shown, self.filters, self.order = reviewed, shown, filters, order
        self.refresh(layout=True)

    def render(self) -> Text:
        style = self.get_component_rich_style
        text = Text(no_wrap=False)
        text.append(f"{self.diff.base.label} → {self.diff.head.label}", style("summary-bar--revisions"))
        text.append("\n")
        if not self.total:
            text.append("no amendments", style("summary-bar--dim"))
            return text
        text.append(f"{counted(self.total, 'amendment')}: ")
        counts = self.counts
        for n, severity in enumerate(reversed(SEVERITIES)):
            if n:
                text.append(" · ", style("summary-bar--dim"))
            text.append(f"{counts[severity]} {severity}", style(f"summary-bar--{severity}") if counts[severity] else "")
        text.append("   ")
        text.append(f"✓ {self.reviewed}/{self.total} reviewed", style("summary-bar--dim"))
        if self.filters.active:
            text.append("   ")
            text.append(f"showing {self.shown}: {self.filters.describe()}", style("summary-bar--filter"))
        if self.order != ORDERS[0]:
            text.append("   ")
            text.append(self.order, style("summary-bar--filter"))
        return text
