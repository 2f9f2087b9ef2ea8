"""Word-level diff of two texts, in difflib's vocabulary.

>>> word_diff("The assistant should answer.", "The assistant must answer.")
[('equal', 'The assistant '), ('delete', 'should'), ('insert', 'must'), ('equal', ' answer.')]
>>> word_diff("Be kind to users.", "Love humanity, users.")
[('delete', 'Be kind to'), ('insert', 'Love humanity,'), ('equal', ' users.')]

Text is cut into words, runs of whitespace and single punctuation marks, so a
changed comma does not repaint the word beside it. Whitespace is difflib
"junk": it cannot anchor a match on its own, which keeps a reworded phrase in
one piece ("Be kind" -> "Love humanity", not word by word around the space)
and halves the time on long clauses. ``replace`` opcodes become a ``delete``
then an ``insert``; neighbours with the same tag are joined.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

_PIECE = re.compile(r"\s+|\w+|[^\w\s]")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Return ``(tag, text)`` pieces that rebuild ``old`` from the ``equal`` and
    ``delete`` pieces and ``new`` from the ``equal`` and ``insert`` pieces."""
    a, b = _PIECE.findall(old), _PIECE.findall(new)
    # Most edits touch a few words of a long clause: set the common start and
    # end aside first, since difflib's cost grows with the product of lengths.
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    pieces: list[tuple[str, str]] = [("equal", "".join(a[:head]))]
    for tag, i1, i2, j1, j2 in token_opcodes(middle_a, middle_b, str.isspace):
        if tag in ("equal", "delete", "replace") and i2 > i1:
            pieces.append(("equal" if tag == "equal" else "delete", "".join(middle_a[i1:i2])))
        if tag in ("insert", "replace") and j2 > j1:
            pieces.append(("insert", "".join(middle_b[j1:j2])))
    pieces.append(("equal", "".join(a[len(a) - tail :])))
    return _joined([piece for piece in pieces if piece[1]])


DIFFLIB_LIMIT = 250_000
"""Above this many token pairs, difflib (quadratic; 7 s for a 4,000-word clause
rewritten, 4 s for a 50,000-character block of table rows read word by word)
gives way to rapidfuzz's LCS opcodes, which are as exact and run in C, though
less careful to keep phrases whole."""


def token_opcodes(
    a: list[str], b: list[str], isjunk: Callable[[str], bool] | None = None
) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes turning token list ``a`` into ``b`` (``isjunk`` as difflib takes it), from
    rapidfuzz past :data:`DIFFLIB_LIMIT` token pairs."""
    if len(a) * len(b) <= DIFFLIB_LIMIT:
        return list(difflib.SequenceMatcher(isjunk, a, b, autojunk=False).get_opcodes())
    from rapidfuzz.distance import Indel

    return [(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end) for op in Indel.opcodes(a, b)]


def _joined(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    joined: list[tuple[str, str]] = []
    for tag, text in pieces:
        if joined and joined[-1][0] == tag:
            joined[-1] = (tag, joined[-1][1] + text)
        else:
            joined.append((tag, text))
    return joined
