"""The selected amendment: both texts with the word diff marked, their lines, and what it means.

Side by side, the old text keeps its deleted words and the new text its
inserted ones; unified, both are in one text, deletions struck through and
insertions underlined (so the diff reads without colour too). The text is the
amendment's ``word_diff``, which is over the clauses' normalized text: soft
wraps are folded, so a paragraph wrapped over two source lines shows as one
line numbered from where it starts. A pilcrow (¶) in a split or merge marks
where one clause ends and the next begins; side by side, each clause gets
its own numbered block.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rich.console import RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from specdiff.amendments import CLAUSE_SEPARATOR
from specdiff.model import Amendment, Clause, Section
from specdiff.render.words import describe_effect, lines_of, moved_from, where, which_sentence
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

    def compose(self) -> ComposeResult:
        yield Static(id="amendment-title")
        with Horizontal(id="amendment-sides"):
            yield Static(id="amendment-old", classes="diff-side")
            yield Static(id="amendment-new", classes="diff-side")
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
        item = self.item
        self.set_class(item is None, "-nothing")
        title = self.query_one("#amendment-title", Static)
        if item is None:
            title.update(Text(self.message) if isinstance(self.message, str) else self.message)
            return
        amendment = item.amendment
        title.update(self._title(item))
        old, new = self.query_one("#amendment-old", Static), self.query_one("#amendment-new", Static)
        unified = self.query_one("#amendment-unified", Static)
        old.border_title = f"old · {lines_of(amendment.old)}" if amendment.old else "old"
        new.border_title = f"new · {lines_of(amendment.new)}" if amendment.new else "new"
        unified.border_title = where(amendment)
        if self.layout_mode == "side-by-side":
            old.update(self._side(amendment, "delete", amendment.old, "(not in the old text)"))
            new.update(self._side(amendment, "insert", amendment.new, "(not in the new text)"))
        else:
            unified.update(self._unified(amendment))
        self.query_one("#amendment-effects", Static).update(self._effects(amendment))
        explanation = self.query_one("#amendment-explanation", Static)
        explanation.update(self._explanation(amendment))
        explanation.loading = self.explaining is not None

    # -- pieces --------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"amendment-view--{name}")

    def _title(self, item: ReviewItem) -> Text:
        """``modified · breaking · not reviewed``, then the file and section, then the lines."""
        amendment = item.amendment
        text = Text()
        kind = f"{amendment.kind} section" if amendment.unit == "section" else amendment.kind
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

    def _side(self, amendment: Amendment, tag: str, side: tuple[Clause | Section, ...], missing: str) -> RenderableType:
        """One side of the diff: its own and the shared pieces, in numbered blocks, one per clause."""
        if not side:
            return Text(missing, self._style("dim"))
        text = Text()
        for piece_tag, piece in amendment.word_diff:
            if piece_tag == "equal":
                text.append(piece)
            elif piece_tag == tag:
                text.append(piece, self._style(tag))
        chunks = list(text.split(CLAUSE_SEPARATOR, allow_blank=True)) if len(side) > 1 else [text]
        if len(chunks) != len(side):
            chunks, side = [text], side[:1]  # a pilcrow in the text itself: number from the first clause
        rows: list[tuple[str, Text]] = []
        for n, (chunk, item) in enumerate(zip(chunks, side)):
            if n:
                rows.append(("", Text()))
            rows += _numbered(chunk, item)
        return self._table(rows)

    def _unified(self, amendment: Amendment) -> RenderableType:
        text = Text()
        for tag, piece in amendment.word_diff:
            text.append(piece, self._style(tag) if tag != "equal" else "")
        side = amendment.new or amendment.old
        return self._table(_numbered(text, side[0]) if len(side) == 1 else _numbered(text, side[0], only_first=True))

    def _table(self, rows: Iterable[tuple[str, Text]]) -> Table:
        table = Table.grid(expand=True, padding=(0, 1, 0, 0))
        table.add_column(justify="right", no_wrap=True, style=self._style("gutter"))
        table.add_column(ratio=1, overflow="fold")
        for number, line in rows:
            table.add_row(number, line)
        return table

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


def _numbered(text: Text, item: Clause | Section, *, only_first: bool = False) -> list[tuple[str, Text]]:
    """Rows of ``(line number, line)``; when the text has fewer lines than the source
    (soft wraps folded), only its first line gets a number."""
    lines = list(text.split("\n", allow_blank=True)) or [Text()]
    first, last = item.lines
    span = 1 if isinstance(item, Section) else last - first + 1
    if len(lines) == span and not only_first:
        return [(str(first + k), line) for k, line in enumerate(lines)]
    return [(str(first) if k == 0 else "", line) for k, line in enumerate(lines)]


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
    text.append(f"{len(items)} amendment{'s' if len(items) != 1 else ''}: ")
    text.append(" · ".join(f"{n} {severity}" for severity, n in severities.most_common()))
    text.append(" (" + ", ".join(f"{n} {kind}" for kind, n in kinds.most_common()) + ")")
    text.append(f"\n✓ {reviewed}/{len(items)} reviewed")
    text.append("\n\nj: its first amendment · → open · ← close", "dim")
    return text
