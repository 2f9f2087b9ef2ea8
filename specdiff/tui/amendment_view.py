"""The selected amendment: both texts with the word diff marked, their lines, and what it means.

The text is the amendment's ``word_diff``, over the clauses' normalized text
(soft wraps folded, so a paragraph wrapped over two source lines shows as
one line numbered from where it starts), cut into rows by
:mod:`~specdiff.tui.diff_rows`. Side by side, row *k* of the old text sits
beside row *k* of the new one, the old keeping its deleted words and the new
its inserted ones; unified, both are in one text. Unchanged rows away from a
change are folded into one ``⋯`` line (``z`` shows them), and ``]``/``[``
scroll to the next or previous change. An added or removed clause has one
side only and gets the full width. A pilcrow (¶) in a split or merge marks
where one clause ends and the next begins.

Colour is never the only mark: deleted words are struck through and inserted
ones underlined, and with ``NO_COLOR`` set they are also bracketed as
``[-old-]{+new+}``, as ``git diff --word-diff`` writes them.
"""

from __future__ import annotations

import os
from collections import Counter

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from specdiff.model import Amendment, Clause, Section
from specdiff.render.words import counted, describe_effect, kind_label, lines_of, moved_from, where, which_sentence
from specdiff.tui.diff_rows import Fold, Piece, Row, diff_rows, fold
from specdiff.tui.items import FileGroup, ReviewItem, SectionGroup
from specdiff.tui.reviewed import ReviewedMarks

LAYOUTS = ("side-by-side", "unified")

NOTHING_MATCHES = (
    "No amendment matches the filters. Press 0 for every severity, f for every kind, / then Escape to clear the search."
)


class AmendmentView(VerticalScroll):
    """The amendment under the tree's cursor, or a message when there is none."""

    COMPONENT_CLASSES = {
        "amendment-view--delete",
        "amendment-view--insert",
        "amendment-view--gutter",
        "amendment-view--dim",
        "amendment-view--kind",
        "amendment-view--breaking",
        "amendment-view--substantive",
        "amendment-view--editorial",
        "amendment-view--reviewed",
        "amendment-view--explanation",
        "amendment-view--fold",
    }

    DEFAULT_CSS = """
    AmendmentView {
        & > .amendment-view--delete { color: $text-error; background: $error-muted; text-style: strike; }
        & > .amendment-view--insert { color: $text-success; background: $success-muted; text-style: underline; }
        & > .amendment-view--gutter { color: $foreground-muted; }
        & > .amendment-view--dim { color: $foreground-muted; }
        & > .amendment-view--kind { text-style: bold; }
        & > .amendment-view--breaking { color: $error; text-style: bold; }
        & > .amendment-view--substantive { color: $warning; text-style: bold; }
        & > .amendment-view--editorial { color: $success; text-style: bold; }
        & > .amendment-view--reviewed { color: $success; text-style: bold; }
        & > .amendment-view--explanation { color: $accent; }
        & > .amendment-view--fold { color: $foreground-muted; text-style: italic; }
    }
    """

    layout_mode: reactive[str] = reactive("side-by-side")
    """``side-by-side`` or ``unified``."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.item: ReviewItem | None = None
        self.message: str | Text = ""
        """What to show instead of an amendment (nothing matches; a file or section's summary)."""
        self.reviewed = False
        self.explaining: str | None = None
        """The model being asked about this amendment, if it is."""
        self.folded = True
        """Unchanged rows away from a change are folded (``z`` switches)."""
        self.markers = bool(os.environ.get("NO_COLOR"))
        """Bracket deletions and insertions as ``[-…-]{+…+}`` (without colour, strike and underline may not show)."""
        self.change_offsets: list[int] = []
        """Lines from the top of this view's content at which each change starts (for ``]`` and ``[``)."""

    def compose(self) -> ComposeResult:
        yield Static(id="amendment-title")
        yield Static(id="amendment-sides", classes="diff-side")
        yield Static(id="amendment-unified", classes="diff-side")
        yield Static(id="amendment-effects")
        yield Static(id="amendment-explanation")

    def show(self, item: ReviewItem | None, *, reviewed: bool = False, explaining: str | None = None) -> None:
        """Show an amendment; ``None`` shows that nothing matches the filters."""
        scroll_back = item is not self.item
        self.item, self.reviewed, self.explaining = item, reviewed, explaining
        self.message = NOTHING_MATCHES
        self._draw()
        if scroll_back:
            self.scroll_home(animate=False)

    def show_group(self, group: FileGroup | SectionGroup, marks: ReviewedMarks) -> None:
        """Show a file or section line's summary: what it holds and how much of it is reviewed."""
        self.item = None
        self.message = group_summary(group, marks)
        self._draw()
        self.scroll_home(animate=False)

    def toggle_layout(self) -> str:
        """Switch between side by side and unified; return the new layout."""
        self.layout_mode = LAYOUTS[(LAYOUTS.index(self.layout_mode) + 1) % len(LAYOUTS)]
        return self.layout_mode

    def watch_layout_mode(self, layout: str) -> None:
        self.set_class(layout == "unified", "-unified")
        if self.is_mounted:
            self._draw()

    def on_mount(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if not self.app.is_running:
            # The app is quitting (q, or a test leaving) while this view is still being built:
            # its parts may already be removed, and there is no one to draw for.
            return
        item = self.item
        self.set_class(item is None, "-nothing")
        title = self.query_one("#amendment-title", Static)
        self.change_offsets = []
        if item is None:
            title.update(Text(self.message) if isinstance(self.message, str) else self.message)
            return
        amendment = item.amendment
        title.update(self._title(item))
        sides, unified = self.query_one("#amendment-sides", Static), self.query_one("#amendment-unified", Static)
        rows = diff_rows(amendment.word_diff, _span(amendment.old), _span(amendment.new))
        parts: list[Row | Fold] = fold(rows) if self.folded else list(rows)
        one_side = not amendment.old or not amendment.new
        # Added or removed: one side only, over the full width, even side by side.
        side_by_side = self.layout_mode == "side-by-side" and not one_side
        self.set_class(not side_by_side, "-unified")
        if side_by_side:
            sides.border_title = f"old · {lines_of(amendment.old)}  ⇄  new · {lines_of(amendment.new)}"
            sides.update(self._grid(parts, side_by_side=True))
            self._offsets(sides, parts, side_by_side=True)
        else:
            unified.border_title = where(amendment)
            unified.update(self._grid(parts, side_by_side=False))
            self._offsets(unified, parts, side_by_side=False)
        self.query_one("#amendment-effects", Static).update(self._effects(amendment))
        explanation = self.query_one("#amendment-explanation", Static)
        explanation.update(self._explanation(amendment))
        explanation.loading = self.explaining is not None

    def toggle_folding(self) -> bool:
        """Show every unchanged row, or fold them again; return whether they are folded."""
        self.folded = not self.folded
        if self.is_mounted:
            self._draw()
        return self.folded

    def go_to_change(self, direction: int) -> bool:
        """Scroll to the next (``direction`` 1) or previous (-1) change below or above the top line.

        Returns ``False`` when there is none that way.
        """
        top = round(self.scroll_y)
        targets = [y for y in self.change_offsets if (y > top if direction > 0 else y < top)]
        if not targets:
            return False
        self.scroll_to(y=targets[0] if direction > 0 else targets[-1], animate=False)
        return True

    def on_resize(self) -> None:
        if self.item is not None:
            self._draw()

    # -- pieces --------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"amendment-view--{name}")

    def _title(self, item: ReviewItem) -> Text:
        """``modified · breaking · not reviewed``, then the file and section, then the lines."""
        amendment = item.amendment
        text = Text()
        kind = kind_label(amendment)
        text.append(kind, self._style("kind"))
        text.append(" · ", self._style("dim"))
        text.append(amendment.severity, self._style(amendment.severity))
        text.append(" · ", self._style("dim"))
        text.append("✓ reviewed" if self.reviewed else "not reviewed", self._style("reviewed" if self.reviewed else "dim"))
        text.append("\n")
        text.append(item.path)
        text.append(f" § {item.heading or '(top of file)'}")
        if item.section_id:
            text.append(f"  #{item.section_id}", self._style("dim"))
        text.append("\n")
        text.append(where(amendment), self._style("dim"))
        if amendment.kind not in ("added", "removed"):
            text.append(f" · similarity {amendment.similarity:.2f}", self._style("dim"))
        source = moved_from(amendment)
        if source:
            text.append(f" · moved from {source}", self._style("dim"))
        return text

    def _pieces(self, pieces: list[Piece]) -> Text:
        """A row's pieces, styled; the line break that ends the row is the grid's, not the text's."""
        text = Text()
        if pieces and pieces[-1][1].endswith("\n"):
            pieces = [*pieces[:-1], (pieces[-1][0], pieces[-1][1][:-1])]
        for tag, piece in pieces:
            if tag == "equal":
                text.append(piece)
            elif self.markers:
                text.append(f"[-{piece}-]" if tag == "delete" else f"{{+{piece}+}}", self._style(tag))
            else:
                text.append(piece, self._style(tag))
        return text

    def _fold_line(self, part: Fold) -> Text:
        lines = counted(part.lines, "unchanged line")
        what = lines if part.lines else f"{part.rows} unchanged sentences"
        return Text(f"⋯ {what}", self._style("fold"))

    def _grid(self, parts: list[Row | Fold], *, side_by_side: bool) -> Table:
        """One row per text row: line number and text, for the old and new side or for both in one."""
        table = Table.grid(expand=True, padding=(0, 1, 0, 0))
        gutter = self._style("gutter")
        for _ in range(2 if side_by_side else 1):
            table.add_column(justify="right", no_wrap=True, style=gutter)
            table.add_column(ratio=1, overflow="fold")
        for part in parts:
            if isinstance(part, Fold):
                line = self._fold_line(part)
                table.add_row("", line, "", line) if side_by_side else table.add_row("", line)
            elif side_by_side:
                table.add_row(_number(part.old_line), self._pieces(part.old), _number(part.new_line), self._pieces(part.new))
            else:
                number = part.new_line if part.new else part.old_line
                table.add_row(_number(number), self._pieces(part.unified))
        return table

    def _offsets(self, panel: Static, parts: list[Row | Fold], *, side_by_side: bool) -> None:
        """Where each change starts, in lines from the top of the view, for ``]`` and ``[``.

        Measured by wrapping each row's text as the grid will (its columns share
        the panel's width); a line off at worst, which still puts the change in view.
        """
        width = self.scrollable_content_region.width - 4  # the panel's border and padding
        if width <= 0:
            return
        numbers = [n for part in parts if isinstance(part, Row) for n in (part.old_line, part.new_line) if n is not None]
        gutter = len(str(max(numbers, default=0))) + 1  # the numbers' column and the space after it
        column = max(10, (width - 2 * gutter) // 2 if side_by_side else width - gutter)
        console = self.app.console
        top = self.query_one("#amendment-title", Static).outer_size.height + 1 + 1  # its margin, the panel's border
        offsets, y = [], top
        for part in parts:
            if isinstance(part, Fold):
                y += 1
                continue
            texts = [self._pieces(part.old), self._pieces(part.new)] if side_by_side else [self._pieces(part.unified)]
            if part.changed:
                offsets.append(y)
            y += max(len(text.wrap(console, column)) for text in texts)
        self.change_offsets = offsets

    def _effects(self, amendment: Amendment) -> Text:
        text = Text()
        if not amendment.effects:
            text.append("No effect found on the rules' wording.", self._style("dim"))
        for n, effect in enumerate(amendment.effects):
            if n:
                text.append("\n")
            text.append("↳ ", self._style("dim"))
            text.append(describe_effect(effect) + which_sentence(effect, amendment))
        return text

    def _explanation(self, amendment: Amendment) -> Text:
        if self.explaining is not None:
            return Text(f"Asking {self.explaining}…", self._style("dim"))
        explanation = amendment.explanation
        if explanation is None:
            return Text("")
        text = Text()
        text.append("✎ ", self._style("dim"))
        text.append(f"{explanation.summary} [{explanation.verdict}]", self._style("explanation"))
        if explanation.rationale:
            text.append(f"\n  {explanation.rationale}")
        text.append(f" ({explanation.model})", self._style("dim"))
        return text


def _span(side: tuple[Clause | Section, ...]) -> tuple[int, int] | None:
    """The source lines a side's text comes from; a section's text is its heading, one line."""
    if not side:
        return None
    if isinstance(side[0], Section):
        return side[0].lines[0], side[0].lines[0]
    return side[0].lines[0], side[-1].lines[1]


def _number(line: int | None) -> str:
    return "" if line is None else str(line)


def group_summary(group: FileGroup | SectionGroup, marks: ReviewedMarks) -> Text:
    """``§ Quiet rooms (was Quiet hours) · spec.md`` then counts by severity and kind, and progress."""
    items = group.items
    text = Text()
    if isinstance(group, SectionGroup):
        text.append(f"§ {group.label}", "bold")
        if items:
            text.append(f" · {items[0].path}")
    else:
        text.append(group.file.path, "bold")
        text.append(f" · {group.file.status}")
    text.append("\n")
    severities = Counter(item.amendment.severity for item in items)
    kinds = Counter(item.amendment.kind for item in items)
    reviewed = sum(1 for item in items if item.id in marks)
    text.append(f"{counted(len(items), 'amendment')}: ")
    text.append(" · ".join(f"{n} {severity}" for severity, n in severities.most_common()))
    text.append(" (" + ", ".join(f"{n} {kind}" for kind, n in kinds.most_common()) + ")")
    text.append(f"\n✓ {reviewed}/{len(items)} reviewed")
    text.append("\n\nj: its first amendment · → open · ← close", "dim")
    return text
