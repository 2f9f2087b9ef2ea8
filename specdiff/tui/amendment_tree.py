"""The tree on the left: files, their sections, and each section's amendments.

Leaves are added lazily: a section's amendments become nodes only when the
section is opened, by the reviewer or by moving into it, so a diff of
thousands of amendments opens with one node per section. Labels are drawn
from the node's data at render time, so a new reviewed tick only needs the
line repainted.

The cursor may rest on a file or section line (←, the page keys, a click);
the tree then says so with :class:`AmendmentTree.GroupHighlighted`, and the
screen shows that group instead of keeping the last amendment on the right.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from specdiff.model import Clause
from specdiff.render.words import kind_label, shorten
from specdiff.tui.items import FileGroup, ReviewItem, SectionGroup, grouped
from specdiff.tui.reviewed import ReviewedMarks

NodeData = FileGroup | SectionGroup | ReviewItem

OPEN_ALL_UP_TO = 300
"""With this many amendments or fewer every section starts open; above, only the first one.

Opening all 5,000 sections' leaves of a large diff costs about a second in
Textual's line index; 300 leaves cost a few milliseconds."""

SNIPPET_CHARS = 60
"""Text shown after an amendment's kind; the tree is scrolled sideways for more, the view shows it all."""

AMENDMENT_LINE = 44
"""Columns for an amendment's line to show its kind and about 25 characters of its text."""

TOGGLE_STYLE = Style.from_meta({"toggle": True})
"""Marks the arrow of a section, as Tree does, so that clicking it opens or closes the section."""

SEVERITY_MARK = {"breaking": "B", "substantive": "S", "editorial": "E"}
"""A letter per severity, so the tree reads the same without colour."""


class AmendmentTree(Tree[NodeData]):
    """Files → sections → amendments, with severity letters and reviewed ticks."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "next_amendment", "Next amendment", show=False, id="tree.next"),
        Binding("up", "previous_amendment", "Previous amendment", show=False, id="tree.previous"),
        Binding("left", "close", "Close", tooltip="Close the section or file, or go up to it", show=False, id="tree.close"),
        Binding("right", "open", "Open", tooltip="Open the section or file, or go into it", show=False, id="tree.open"),
        Binding("g,home", "first", "First", tooltip="First amendment", show=False, id="tree.first"),
        Binding("G,end", "last", "Last", tooltip="Last amendment", show=False, id="tree.last"),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False, id="tree.half_down"),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False, id="tree.half_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="tree.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="tree.page_up"),
        Binding("space", "toggle_node", "Open or close", tooltip="Open or close the section or file", show=False, id="tree.tog"),
    ]

    COMPONENT_CLASSES = Tree.COMPONENT_CLASSES | {
        "amendment-tree--breaking",
        "amendment-tree--substantive",
        "amendment-tree--editorial",
        "amendment-tree--tick",
        "amendment-tree--kind",
        "amendment-tree--dim",
        "amendment-tree--file",
    }

    DEFAULT_CSS = """
    AmendmentTree {
        & > .amendment-tree--breaking { color: $error; text-style: bold; }
        & > .amendment-tree--substantive { color: $warning; text-style: bold; }
        & > .amendment-tree--editorial { color: $success; text-style: bold; }
        & > .amendment-tree--tick { color: $success; text-style: bold; }
        & > .amendment-tree--kind { text-style: bold; }
        & > .amendment-tree--dim { color: $foreground-muted; }
        & > .amendment-tree--file { text-style: bold; }
    }
    """

    @dataclass
    class AmendmentHighlighted(Message):
        """The cursor is on another amendment."""

        item: ReviewItem

    @dataclass
    class GroupHighlighted(Message):
        """The cursor is on a file or section line."""

        group: FileGroup | SectionGroup

    def __init__(self, marks: ReviewedMarks, *, id: str | None = None) -> None:
        super().__init__("amendments", id=id)
        self.show_root = False
        self.guide_depth = 2
        self.marks = marks
        self.items: list[ReviewItem] = []
        self.current: ReviewItem | None = None
        """The amendment under the cursor; ``None`` on a file or section line."""
        self._index: dict[ReviewItem, int] = {}
        self._section_nodes: dict[ReviewItem, TreeNode[NodeData]] = {}
        self._leaves: dict[ReviewItem, TreeNode[NodeData]] = {}

    # -- building ------------------------------------------------------------------

    def show_items(self, items: list[ReviewItem], keep: ReviewItem | None = None) -> ReviewItem | None:
        """List these items; put the cursor on ``keep`` if it is among them, else on the first.

        Returns the item the cursor is on, ``None`` when there are no items.
        """
        self.clear()
        self.items = items
        self._index = {item: k for k, item in enumerate(items)}
        self._section_nodes.clear()
        self._leaves.clear()
        self.current = None
        open_all = len(items) <= OPEN_ALL_UP_TO
        for group in grouped(items):
            file_node = self.root.add("", group, expand=True)
            for section in group.sections:
                section_node = file_node.add("", section, expand=open_all)
                for item in section.items:
                    self._section_nodes[item] = section_node
                if open_all:
                    self._open(section_node)
        target = keep if keep in self._index else (items[0] if items else None)
        if target is not None:
            self.go_to(target)
        return target

    def _open(self, section_node: TreeNode[NodeData]) -> None:
        """Add a section's leaves if it has none yet, and expand it."""
        section = section_node.data
        if isinstance(section, SectionGroup) and not section_node.children:
            for item in section.items:
                self._leaves[item] = section_node.add_leaf("", item)
        if not section_node.is_expanded:
            section_node.expand()

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[NodeData]) -> None:
        """A section opened by a click or the space bar gets its leaves now."""
        if isinstance(event.node.data, SectionGroup) and not event.node.children:
            self._open(event.node)

    # -- moving --------------------------------------------------------------------

    def go_to(self, item: ReviewItem) -> None:
        """Put the cursor on an amendment, opening its file and section first.

        (Its file may have been closed with space or ←: moving to a leaf
        hidden under it left the cursor where it was, and j stuck there.)
        """
        section_node = self._section_nodes[item]
        if section_node.parent is not None and not section_node.parent.is_expanded:
            section_node.parent.expand()
        self._open(section_node)
        leaf = self._leaves[item]
        # Adding leaves drops Textual's line index; reading a line rebuilds it, and
        # move_cursor needs it to know the leaf's line.
        self.get_node_at_line(0)
        self.move_cursor(leaf, animate=False)
        self._highlighted(item)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[NodeData]) -> None:
        # The cursor may have moved on since this was posted (keys pressed quickly): ignore it then.
        if event.node is not self.cursor_node:
            return
        data = event.node.data
        if isinstance(data, ReviewItem):
            self._highlighted(data)
        elif isinstance(data, (FileGroup, SectionGroup)):
            self.current = None
            self.post_message(self.GroupHighlighted(data))

    def _highlighted(self, item: ReviewItem) -> None:
        if item is not self.current:
            self.current = item
            self.post_message(self.AmendmentHighlighted(item))

    def action_first(self) -> None:
        if self.items:
            self.go_to(self.items[0])

    def action_last(self) -> None:
        if self.items:
            self.go_to(self.items[-1])

    def action_half_page(self, direction: int) -> None:
        self._move_lines(direction * max(1, self.scrollable_content_region.height // 2))

    def action_page_down(self) -> None:
        self._move_lines(max(1, self.scrollable_content_region.height - 1))

    def action_page_up(self) -> None:
        self._move_lines(-max(1, self.scrollable_content_region.height - 1))

    def _move_lines(self, lines: int) -> None:
        self.cursor_line = max(0, min(self.last_line, max(self.cursor_line, 0) + lines))
        self.scroll_to_line(self.cursor_line)

    def action_close(self) -> None:
        """←: close the file or section under the cursor; on an amendment or a closed one, go up a level."""
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent, animate=False)

    def action_open(self) -> None:
        """→: open the file or section under the cursor; if it is open, go to its first line inside."""
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if not node.is_expanded:
            if isinstance(node.data, SectionGroup):
                self._open(node)
            else:
                node.expand()
        elif isinstance(node.data, SectionGroup):
            self.go_to(node.data.items[0])
        elif node.children:
            self.move_cursor(node.children[0], animate=False)

    def action_next_amendment(self) -> None:
        self._step(1)

    def action_previous_amendment(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        """To the amendment after (``delta`` 1) or before (-1) the cursor; stay at either end."""
        if not self.items:
            return
        node = self.cursor_node
        data = node.data if node is not None else None
        if isinstance(data, ReviewItem):
            target = self._index[data] + delta
        elif isinstance(data, (SectionGroup, FileGroup)):
            first = self._index[data.items[0]]
            target = first if delta > 0 else first - 1
        else:
            target = 0
        if 0 <= target < len(self.items):
            self.go_to(self.items[target])

    def go_to_unreviewed(self, delta: int) -> bool:
        """To the next (``delta`` 1) or previous (-1) amendment not yet reviewed, wrapping around.

        Returns ``False`` when every listed amendment is reviewed.
        """
        count = len(self.items)
        start = self._index.get(self.current, -1) if self.current is not None else -1
        for step in range(1, count + 1):
            item = self.items[(start + delta * step) % count]
            if item.id not in self.marks:
                self.go_to(item)
                return True
        return False

    # -- drawing -------------------------------------------------------------------

    def refresh_marks(self, item: ReviewItem) -> None:
        """Repaint an amendment's line, its section's and its file's, after its reviewed mark changed."""
        section = self._section_nodes.get(item)
        for node in (self._leaves.get(item), section, section.parent if section else None):
            if node is not None:
                node.refresh()

    def render_label(self, node: TreeNode[NodeData], base_style: Style, style: Style) -> Text:
        data = node.data
        if isinstance(data, ReviewItem):
            label = self._amendment_label(data)
        elif isinstance(data, SectionGroup):
            label = self._section_label(data)
        elif isinstance(data, FileGroup):
            label = self._file_label(data)
        else:
            return super().render_label(node, base_style, style)
        label.stylize(style)
        if node.allow_expand:
            icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
            return Text.assemble((icon, base_style + TOGGLE_STYLE), label)
        return label

    def _amendment_label(self, item: ReviewItem) -> Text:
        amendment = item.amendment
        component = self.get_component_rich_style
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("✓ " if item.id in self.marks else "  ", component("amendment-tree--tick"))
        text.append(SEVERITY_MARK[amendment.severity], component(f"amendment-tree--{amendment.severity}"))
        kind = kind_label(amendment)
        text.append(f" {kind} ", component("amendment-tree--kind"))
        text.append(_snippet(item), component("amendment-tree--dim"))
        return text

    def _section_label(self, section: SectionGroup) -> Text:
        component = self.get_component_rich_style
        done = all(item.id in self.marks for item in section.items)
        count = f"  {len(section.items)}"
        # Room left on the line: the file's guide, the arrow, the mark, the count, and a column spare.
        room = self.scrollable_content_region.width - self.guide_depth - 2 - 2 - len(count) - 1
        text = Text(no_wrap=True)
        text.append("✓ " if done else "§ ", component("amendment-tree--tick") if done else "")
        text.append(cut_in_the_middle(section.label, room))
        text.append(count, component("amendment-tree--dim"))
        return text

    def _file_label(self, group: FileGroup) -> Text:
        file = group.file
        component = self.get_component_rich_style
        done = all(item.id in self.marks for item in group.items)
        text = Text(no_wrap=True)
        if done:
            text.append("✓ ", component("amendment-tree--tick"))
        text.append(file.title, component("amendment-tree--file"))
        text.append(f"  {file.status} · {len(group.items)}", component("amendment-tree--dim"))
        return text

    def widest_label(self) -> int:
        """Columns the longest file or section line needs, and at least what an amendment's kind and
        first words need (amendment lines are cut beyond: the view shows the whole text)."""
        groups = grouped(self.items)
        widths = [AMENDMENT_LINE if self.items else 0]
        widths += [len(group.file.path) + 20 for group in groups]
        widths += [len(section.label) + 12 for group in groups for section in group.sections]
        return max(widths, default=0)


def cut_in_the_middle(text: str, room: int) -> str:
    """``text``, or its start and end around an ellipsis when it is longer than ``room``.

    Headings that start alike stay apart when cut (the Model Spec has "Do not
    …" headings by the dozen); the end usually says which one it is.

    >>> cut_in_the_middle("Respect the letter and spirit of instructions", 30)
    'Respect the le…of instructions'
    >>> cut_in_the_middle("Be kind", 30)
    'Be kind'
    """
    if len(text) <= room or room < 8:
        return text
    tail = room // 2
    head = room - 1 - tail
    return f"{text[:head].rstrip()}…{text[len(text) - tail :].lstrip()}"


def _snippet(item: ReviewItem) -> str:
    """The first words of the amendment's text as it now reads (as it read, if it is gone)."""
    side = item.amendment.new or item.amendment.old
    first = side[0]
    words = (first.normalized if isinstance(first, Clause) else first.heading).split()
    text = " ".join(words)
    return shorten(text, SNIPPET_CHARS)
