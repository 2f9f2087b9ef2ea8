"""The two ways ``--format text`` draws its lines: through Rich, or as plain text that Rich would print.

The text renderer says what to print as styled parts, a left indent and a
width (:class:`Lines`). :class:`RichLines` hands each line to a Rich console,
which colours it. Without colour the same characters come out of
:class:`PlainLines`, which wraps words with Rich's own line divider but builds
no renderables: Rich's per-print machinery (measuring, padding, segments,
cropping) took 0.28 s of the 0.8 s the largest Model Spec release pair took
as text, the plain lines about 0.02 s.

:class:`PlainLines` does what ``Console.print`` does to a ``Text`` or
``Padding(Text, (0, 0, 0, indent), expand=False)``: split at line feeds, wrap
each line at the width (the padded width is the narrower of the available
width and the longest line), cut off whitespace past the width and fold what
still overflows. It leaves out the spaces Rich pads lines with, which the
renderer strips without colour anyway. Anything it does not reproduce by design (a tab, a Unicode
line separator, a zero-width joiner in a title, a width under one cell) goes to a Rich console writing to the
same buffer, so the output stays what Rich prints. ``tests/render/test_terminal.py``
checks both against each other.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from rich.console import Console

Part = tuple[str, str]
"""Text and the Rich style it is drawn in (``""``: none)."""

_RICH_ONLY = ("\t", "\u2028", "\u2029")
"""Characters :class:`PlainLines` leaves to Rich: tabs expand, and ``str.splitlines`` (which Rich
measures by) splits at the Unicode separators where ``Text.split`` does not."""


class Lines(Protocol):
    """Where the text renderer draws."""

    def rule(self, title: str) -> None:
        """A bold title, then a horizontal line to the width."""

    def line(self, parts: Sequence[Part], indent: int = 0) -> None:
        """``parts`` as one paragraph, word-wrapped to the width less ``indent``, each line indented."""

    def plain(self, text: str) -> None:
        """``text`` as Rich prints a string, without styles."""

    def blank(self) -> None:
        """An empty line."""

    def text(self) -> str:
        """Everything drawn so far."""


def make_console(buffer: io.StringIO, width: int, color: bool) -> Console:
    from rich.console import Console

    return Console(
        file=buffer,
        width=width,
        # Nothing here is laid out by height, but without one Rich asks the terminal for its size
        # at every print: 7,344 calls, a tenth of the text rendering of the largest Model Spec pair.
        height=25,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        markup=False,
    )


class RichLines:
    """Lines drawn by a Rich console into ``buffer``, in colour when ``color``."""

    def __init__(self, buffer: io.StringIO, width: int, color: bool) -> None:
        self._buffer = buffer
        self.console = make_console(buffer, width, color)

    def rule(self, title: str) -> None:
        from rich.rule import Rule

        self.console.print(Rule(title, align="left", style="bold"))

    def line(self, parts: Sequence[Part], indent: int = 0) -> None:
        from rich.padding import Padding
        from rich.text import Text

        text = Text()
        for content, style in parts:
            text.append(content, style)
        self.console.print(Padding(text, (0, 0, 0, indent), expand=False) if indent else text)

    def plain(self, text: str) -> None:
        self.console.print(text)

    def blank(self) -> None:
        self.console.print()

    def text(self) -> str:
        return self._buffer.getvalue()


class PlainLines:
    """Lines without colour, laid out as :class:`RichLines` lays them out."""

    def __init__(self, buffer: io.StringIO, width: int) -> None:
        self._buffer = buffer
        self._width = width
        self._rich: RichLines | None = None
        """For what only Rich draws; it writes into the same buffer, so the order stays."""

    def rule(self, title: str) -> None:
        from rich.cells import cell_len, set_cell_size

        width = self._width
        # A bare line, tabs to expand, a zero-width joiner (Rich measures the line's room with it
        # differently: "Rules\u200d" at width 7), no room for a title.
        if not title or "\t" in title or "\u200d" in title or width <= 2:
            self._by_rich().rule(title)
            return
        title = title.replace("\n", " ")
        if cell_len(title) > width - 2:
            title = set_cell_size(title, width - 3) + "…"
        drawn = title + " "
        self._buffer.write(set_cell_size(drawn + "─" * (width - cell_len(drawn)), width) + "\n")

    def line(self, parts: Sequence[Part], indent: int = 0) -> None:
        text = "".join(content for content, _ in parts)
        if any(c in text for c in _RICH_ONLY):
            self._by_rich().line(parts, indent)
            return
        width = self._width - indent
        if indent:  # Padding(expand=False) measures first: no wider than the longest line
            width = min(width, max(_cells(line) for line in text.split("\n")))
        if width < 1:
            self._by_rich().line(parts, indent)
            return
        margin = " " * indent
        self._buffer.writelines(margin + line + "\n" for line in _wrapped(text, width))

    def plain(self, text: str) -> None:
        self.line([(text, "")])

    def blank(self) -> None:
        self._buffer.write("\n")

    def text(self) -> str:
        return self._buffer.getvalue()

    def _by_rich(self) -> RichLines:
        if self._rich is None:
            self._rich = RichLines(self._buffer, self._width, color=False)
        return self._rich


def _wrapped(text: str, width: int) -> list[str]:
    """``text`` word-wrapped to ``width`` cells, as ``rich.text.Text.wrap`` wraps it (overflow "fold")."""
    from rich.cells import set_cell_size

    lines = []
    for paragraph in text.split("\n"):
        if paragraph.isascii() and len(paragraph) <= width:
            lines.append(paragraph)  # fits: nothing to divide, strip or cut
            continue
        offsets = _divide(paragraph, width)
        for start, end in zip([0, *offsets], [*offsets, len(paragraph)]):
            line = paragraph[start:end]
            if len(line) > width:  # Text.rstrip_end: whitespace past the width goes (counted in characters)
                excess = len(line) - width
                stripped = line.rstrip()
                line = line[: max(len(stripped), len(line) - excess)]
            if _cells(line) > width:  # Text.truncate
                line = set_cell_size(line, width)
            lines.append(line)
    return lines


_ONE_CELL_PUNCTUATION = frozenset("‘’“”‑–—…•·→←↔§°±×↳⇢")
"""Typographic marks common in specs, and the arrows the text renderer puts before an
amendment's reasons and reach, that Rich measures one cell wide and that never join the
character after them (as a combining mark, a joiner or a variation selector would).

Rich measures a line holding any of them one character at a time. Counting them here as one
cell, checked with one set lookup per line (``_one_cell_each``) rather than a translation to
ASCII first, took drawing the largest Model Spec release pair from 45 to 24 ms of processor
time: its ~500 "↳" and "⇢" lines had all gone through Rich's own divider."""


def _cells(text: str) -> int:
    """``rich.cells.cell_len(text)``, without looking at each character when all are one cell wide."""
    from rich.cells import cell_len

    if (text.isascii() and text.isprintable()) or _one_cell_each(text):
        return len(text)
    return cell_len(text)


@cache
def _one_cell_characters() -> frozenset[str]:
    """The characters Rich measures one cell wide that never join the next: its own list and ours."""
    from rich.cells import _SINGLE_CELLS

    return _SINGLE_CELLS | _ONE_CELL_PUNCTUATION


def _one_cell_each(text: str) -> bool:
    """Whether every character of ``text`` is one cell wide (and joins no other)."""
    return _one_cell_characters().issuperset(text)


def _divide(paragraph: str, width: int) -> list[int]:
    """Where ``rich._wrap.divide_line`` breaks ``paragraph`` (folding long words).

    For text whose every character is one cell wide, cells are characters, so
    this does what ``divide_line`` does with ``len`` in place of Rich's cell
    measure, which looks each word up again (36,000 times for the largest Model
    Spec release pair, half the time of drawing it). Other text goes to Rich.
    """
    # Rich's private helpers (rich._wrap.re_word, which rich._wrap.words matches word after word;
    # rich.cells._SINGLE_CELLS, through _one_cell_characters; chop_cells), so the breaks are Rich's
    # own; a Rich release that changes them fails the comparisons in test_terminal_lines. Each match
    # of re_word ends where the next starts (its trailing spaces are greedy), so finditer yields the
    # words that words() does, without a generator step for each.
    from rich._wrap import divide_line, re_word
    from rich.cells import chop_cells

    if not _one_cell_each(paragraph):
        return divide_line(paragraph, width, fold=True)
    breaks: list[int] = []
    offset = 0
    for match in re_word.finditer(paragraph):
        start, word = match.start(), match.group()
        word_length = len(word.rstrip())
        if width - offset >= word_length:
            offset += len(word)
        elif word_length > width:  # longer than a line: folded across lines
            folded = chop_cells(word, width)
            for line in folded[:-1]:
                if start:
                    breaks.append(start)
                start += len(line)
            if start:
                breaks.append(start)
            offset = len(folded[-1])
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks
