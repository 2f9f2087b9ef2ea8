"""Between the amendment and its impact: what ``specdiff lint`` found in the clauses it wrote.

The findings come with the diff (``make_app`` lints it while the loading screen
is up, with :func:`~specdiff.lint.run.lint_diff`); :func:`findings_by_amendment`
hands each to the amendment whose new clauses hold its first line. The panel is
hidden for an amendment with no finding, so a clean change looks as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich.text import Text
from textual.widgets import Static

from specdiff.lint.base import Finding
from specdiff.lint.registry import CHECKS
from specdiff.model import Amendment, Clause
from specdiff.render.words import counted
from specdiff.tui.items import ReviewItem


def findings_by_amendment(findings: Iterable[Finding], amendments: Iterable[Amendment]) -> dict[str, list[Finding]]:
    """Each finding under the amendment whose new side holds it (path and first line)."""
    places = [(a.id, c.path, c.lines) for a in amendments if a.unit == "clause" for c in a.new if isinstance(c, Clause)]
    found: dict[str, list[Finding]] = {}
    for f in findings:
        for amendment_id, path, (first, last) in places:
            if path == f.path and first <= f.lines[0] <= last:
                found.setdefault(amendment_id, []).append(f)
                break
    return found


class LintPanel(Static):
    """The lint findings of the amendment shown: one line each, check id, severity and message."""

    COMPONENT_CLASSES = {"lint-panel--error", "lint-panel--warning", "lint-panel--info"}

    DEFAULT_CSS = """
    LintPanel {
        & > .lint-panel--error { color: $error; text-style: bold; }
        & > .lint-panel--warning { color: $warning; text-style: bold; }
        & > .lint-panel--info { color: $foreground-muted; text-style: bold; }
    }
    """

    def __init__(self, findings: Mapping[str, list[Finding]], *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.findings = findings

    def show(self, item: ReviewItem | None) -> None:
        found = self.findings.get(item.id, []) if item is not None else []
        self.display = bool(found)
        self.border_title = f"Lint: {counted(len(found), 'finding')}" if found else ""
        text = Text()
        for n, f in enumerate(found):
            check = CHECKS[f.check]
            if n:
                text.append("\n")
            text.append(f"{check.id} {check.name}", self.get_component_rich_style(f"lint-panel--{check.severity}"))
            text.append(f"  {f.message}")
        self.update(text)
