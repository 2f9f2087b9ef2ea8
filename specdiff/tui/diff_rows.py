"""An amendment's word diff cut into rows that line up side by side, with the unchanged ones folded.

Plain data in, plain data out (no Textual), like ``items``. A modified clause's
``word_diff`` is one stream of ``equal``/``delete``/``insert`` pieces; this
module cuts it into :class:`Row` s, each holding the old and the new side's
pieces for the same stretch of text. Rows are cut only inside ``equal``
pieces, at a line break or after a sentence, so both sides break at the same
place: row *k* of the old text sits beside row *k* of the new one.

:func:`fold` then keeps the rows with a change and ``context`` rows around
each, and replaces each longer run of unchanged rows with a :class:`Fold`, as
delta does for a file: in the Model Spec's 2025-09-12 release a 39-line
example changes by one word, and the reviewer should not have to find it.

>>> rows = diff_rows([("equal", "One. Two. Three. "), ("delete", "Four."), ("insert", "Five.")], (1, 1), (1, 1))
>>> [(row.old_text, row.new_text, row.changed) for row in rows]
[('One. ', 'One. ', False), ('Two. ', 'Two. ', False), ('Three. Four.', 'Three. Five.', True)]
>>> [type(part).__name__ for part in fold(rows, context=0)]
['Fold', 'Row']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Piece = tuple[str, str]
"""``(tag, text)`` as in ``Amendment.word_diff``: ``equal``, ``delete`` or ``insert``."""

BREAK = re.compile(r"\n|(?<=[.!?])[ \t]+(?=\S)")
"""Where a row may end inside unchanged text: a line break, or the space after a sentence."""

CONTEXT = 1
"""Unchanged rows kept above and below a change: one sentence or line is enough to place it."""

FOLD_AT_LEAST = 2
"""A run of fewer unchanged rows is shown: a fold line would take as much room as they do."""


@dataclass
class Row:
    """The same stretch of text on both sides, and the source line each side's row starts on."""

    old: list[Piece] = field(default_factory=list)
    new: list[Piece] = field(default_factory=list)
    old_line: int | None = None
    """Source line of the old side's first character, when the row starts a source line; else ``None``."""
    new_line: int | None = None

    @property
    def changed(self) -> bool:
        return any(tag != "equal" for tag, _ in (*self.old, *self.new))

    @property
    def old_text(self) -> str:
        return "".join(text for _, text in self.old)

    @property
    def new_text(self) -> str:
        return "".join(text for _, text in self.new)

    @property
    def unified(self) -> list[Piece]:
        """Both sides in one: the old side's deletions, then the new side's insertions, in diff order."""
        merged: list[Piece] = []
        old, new = list(self.old), list(self.new)
        while old or new:
            if old and old[0][0] == "delete":
                merged.append(old.pop(0))
            elif new and new[0][0] == "insert":
                merged.append(new.pop(0))
            elif old and new:  # an equal piece, the same on both sides
                merged.append(old.pop(0))
                new.pop(0)
            else:
                merged.extend(old or new)
                break
        return merged


@dataclass(frozen=True)
class Fold:
    """Unchanged rows left out."""

    rows: int
    lines: int
    """Numbered source lines among them, on the side with more (0 when the text is one paragraph)."""


def diff_rows(word_diff: list[Piece], old_lines: tuple[int, int] | None, new_lines: tuple[int, int] | None) -> list[Row]:
    """Cut ``word_diff`` into rows; ``old_lines``/``new_lines`` are each side's source lines
    (``None`` for a side that does not exist). A side's rows are numbered only when its text
    has as many lines as its source (soft wraps folded otherwise shift the numbers)."""
    rows = [Row()]
    for tag, text in word_diff:
        if tag != "equal":
            side = rows[-1].old if tag == "delete" else rows[-1].new
            side.append((tag, text))
            continue
        start = 0
        for cut in BREAK.finditer(text):
            end = cut.end()
            _add_equal(rows[-1], text[start:end])
            rows.append(Row())
            start = end
        _add_equal(rows[-1], text[start:])
    rows = [row for row in rows if row.old or row.new] or [Row()]
    _number(rows, old_lines, "old")
    _number(rows, new_lines, "new")
    return rows


def _add_equal(row: Row, text: str) -> None:
    if text:
        row.old.append(("equal", text))
        row.new.append(("equal", text))


def _number(rows: list[Row], lines: tuple[int, int] | None, side: str) -> None:
    if lines is None:
        return
    first, last = lines
    texts = [row.old_text if side == "old" else row.new_text for row in rows]
    each = sum(text.count("\n") for text in texts) + 1 == last - first + 1
    line, starts_a_line, numbered = first, True, False
    for row, text in zip(rows, texts):
        if text and starts_a_line and (each or not numbered):
            setattr(row, f"{side}_line", line)
            numbered = True
        line += text.count("\n")
        if text:
            starts_a_line = text.endswith("\n")


def fold(rows: list[Row], context: int = CONTEXT) -> list[Row | Fold]:
    """The rows with a change and ``context`` rows around each; longer unchanged runs become a :class:`Fold`.

    Rows without any change (an added or removed clause, a move) are kept whole.
    """
    changed = [n for n, row in enumerate(rows) if row.changed]
    if not changed:
        return list(rows)
    keep: set[int] = set()
    for n in changed:
        keep.update(range(n - context, n + context + 1))
    parts: list[Row | Fold] = []
    hidden: list[Row] = []
    for n, row in enumerate(rows):
        if n in keep:
            _flush(parts, hidden)
            parts.append(row)
        else:
            hidden.append(row)
    _flush(parts, hidden)
    return parts


def _flush(parts: list[Row | Fold], hidden: list[Row]) -> None:
    if len(hidden) >= FOLD_AT_LEAST:
        lines = max(sum(r.old_line is not None for r in hidden), sum(r.new_line is not None for r in hidden))
        parts.append(Fold(len(hidden), lines))
    else:
        parts.extend(hidden)
    hidden.clear()
