"""Text helpers shared by section and clause pairing: tokens, unique keys, order."""

from __future__ import annotations

import re
import struct
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from specdiff.lexicon import in_one_notation

_TOKEN = re.compile(r"\w+|[^\w\s]")
T = TypeVar("T")
K = TypeVar("K")


def tokens(text: str) -> list[str]:
    """The words and marks of ``text``, in lower case, each code point written one way: TOML wrote "LF
    (0x0A)" as "LF (U+000A)", and the item read as removed and another added.

    >>> tokens("LF (0x0A)") == tokens("LF (U+000A)")
    True
    """
    if "0x" in text or "U+" in text or "u+" in text:
        text = in_one_notation(text)
    return _TOKEN.findall(text.lower())


_FUNCTION_WORDS = frozenset(
    """a an the of to in on at by for from with without into onto as and or but nor if then than that this these those
    it its is are was were be been being has have had do does did not no so such which who whom whose what when where
    how all any each every some can could may might must shall should will would""".split()
)


def content_words(words: list[str]) -> set[str]:
    """The words of a clause that carry its subject: not punctuation, not function words.

    >>> sorted(content_words(["the", "server", "must", "reject", "it", "."]))
    ['reject', 'server']
    """
    return {w for w in set(words).difference(_FUNCTION_WORDS) if w.isalnum()}  # each word once, then isalnum


def unique_index(items: Iterable[T], key: Callable[[T], K | None]) -> dict[K, T]:
    """Map each key that occurs exactly once to its item."""
    keyed = [(key(item), item) for item in items]
    counts = Counter(k for k, _ in keyed)
    return {k: item for k, item in keyed if k is not None and counts[k] == 1}


def longest_increasing(values: list[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence of ``values``.

    >>> sorted(longest_increasing([0, 5, 1, 2, 3]))
    [0, 2, 3, 4]
    """
    tails: list[int] = []  # smallest tail value of an increasing run of each length
    tail_positions: list[int] = []
    previous = [-1] * len(values)
    for position, value in enumerate(values):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_positions.append(position)
        else:
            tails[k] = value
            tail_positions[k] = position
        previous[position] = tail_positions[k - 1] if k else -1
    kept: set[int] = set()
    position = tail_positions[-1] if tail_positions else -1
    while position != -1:
        kept.add(position)
        position = previous[position]
    return kept


def heaviest_increasing(values: list[int], weights: list[int]) -> set[int]:
    """Positions of one strictly increasing subsequence of ``values`` whose ``weights`` sum the most.

    Each value's best run ending in it is the heaviest run ending in a smaller value, plus its
    own weight; a Fenwick tree over the values' ranks answers "heaviest run ending below" in
    log time, so a 20,000-clause section costs no more than sorting it.

    >>> sorted(heaviest_increasing([0, 5, 1, 2, 3], [1, 10, 1, 1, 1]))
    [0, 1]
    """
    rank = {value: k + 1 for k, value in enumerate(sorted(set(values)))}
    best_weight = [0] * (len(rank) + 1)  # Fenwick tree: heaviest run ending at a rank in its range
    best_at = [-1] * (len(rank) + 1)  # ... and the position that run ends at
    total = [0] * len(values)
    previous = [-1] * len(values)
    for position, value in enumerate(values):
        k, weight, at = rank[value] - 1, 0, -1
        while k > 0:
            if best_weight[k] > weight:
                weight, at = best_weight[k], best_at[k]
            k -= k & -k
        total[position], previous[position] = weight + weights[position], at
        k = rank[value]
        while k < len(best_weight):
            if total[position] > best_weight[k]:
                best_weight[k], best_at[k] = total[position], position
            k += k & -k
    kept: set[int] = set()
    position = max(range(len(values)), key=total.__getitem__, default=-1)
    while position != -1:
        kept.add(position)
        position = previous[position]
    return kept


_FLOAT32 = struct.Struct("f")


def as_float32(score: float) -> float:
    """``score`` rounded to single precision, as rapidfuzz's ``cdist`` stored it.

    Pairing compared cdist's float32 scores with its thresholds, and JSON shows
    them (rounded to 4 places); keeping the rounding keeps every pairing and
    every figure as it was.

    >>> as_float32(0.6) > 0.6
    True
    """
    return float(_FLOAT32.unpack(_FLOAT32.pack(score))[0])


Block = tuple[Sequence[int], Sequence[int], float]
"""Rows, the columns to compare each of them with, and the least score wanted there."""


def similar_pairs(
    rows: Sequence[str],
    columns: Sequence[str],
    scorer: Any,
    cutoff: float,
    blocks: Iterable[Block] | None = None,
) -> Iterator[tuple[int, int, float]]:
    """Each ``(row, column, score)`` whose score is at least ``cutoff`` (above 0), the score in single precision.

    ``rows`` and ``columns`` are token lists as strings of symbols in one code (:class:`SymbolCode`,
    :func:`as_symbols`), encoded once by the caller: encoding them again for each block of a pairing past
    ``MAX_SIMILARITY_CELLS`` (each clause against a window of thousands) took 4.7 of the
    6.7 s an MCP commit that regenerated its 10,000-line schema page cost.

    What ``rapidfuzz.process.cdist(rows, columns, score_cutoff=cutoff)`` gives, read
    row by row with ``process.extract``: cdist returns a numpy array, and
    importing numpy took 60 to 100 ms of the 0.7 s a diff of the largest Model
    Spec release pair costs, for a matrix of 5 by 11 sections. The order is
    row by row, each row best first; callers sort what they keep.

    ``blocks``, when given, are compared instead of every row with every column
    at ``cutoff``: a caller that wants more of some pairs than of others says
    so, and rapidfuzz gives up sooner on a pair that cannot reach a higher
    cutoff (about 30 % less time at 0.7 than at 0.5 on clause pairs).
    """
    from rapidfuzz import process

    if blocks is None:
        blocks = [(range(len(rows)), range(len(columns)), cutoff)]
    for row_indexes, column_indexes, least in blocks:
        choices = [columns[j] for j in column_indexes]
        for i in row_indexes:
            for _, score, k in process.extract(rows[i], choices, scorer=scorer, score_cutoff=least, limit=None):
                yield i, column_indexes[k], as_float32(score)


def best_first(candidates: Iterable[tuple[float, int, int]]) -> list[tuple[float, int, int]]:
    """The ``(score, row, column)`` candidates taken best score first (ties: lower row, then lower
    column), each row and each column at most once: a one-to-one pairing.

    >>> best_first([(0.8, 0, 0), (0.9, 0, 1), (0.7, 1, 1), (0.6, 1, 0)])
    [(0.9, 0, 1), (0.6, 1, 0)]
    """
    taken: list[tuple[float, int, int]] = []
    used_rows: set[int] = set()
    used_columns: set[int] = set()
    for score, row, column in sorted(candidates, key=lambda candidate: (-candidate[0], candidate[1], candidate[2])):
        if row not in used_rows and column not in used_columns:
            used_rows.add(row)
            used_columns.add(column)
            taken.append((score, row, column))
    return taken


def as_symbols(*groups: Sequence[Sequence[Hashable]]) -> tuple[list[str], ...]:
    """Token lists rewritten as strings, one character per distinct token (the same in every group).

    >>> as_symbols([["a", "b"]], [["b", "a", "a"]])
    (['\\x00\\x01'], ['\\x01\\x00\\x00'])
    """
    code = SymbolCode()
    return tuple([code.encode(sequence) for sequence in group] for group in groups)


class SymbolCode:
    """One character for each distinct token, the same in every token list it encodes.

    An edit-distance scorer gives the same score on the strings as on the lists
    (it only asks which tokens are equal), but rapidfuzz hashes every token of a
    list on every call, and compares strings directly: on the largest Model Spec
    release pair clause pairing took a third of the time on lists. A string's
    length is its list's.

    Past the 1,112,064 characters there are (more distinct tokens than a real spec
    has words), codes are used again: a few different tokens then compare equal, and
    a score can only rise a little, where ``chr`` would fail.
    """

    def __init__(self) -> None:
        self._code: dict[Hashable, str] = {}

    def encode(self, sequence: Sequence[Hashable]) -> str:
        """``sequence`` as a string, a character for each token."""
        code = self._code
        for token in sequence:
            if token not in code:
                k = len(code) % _CHARACTERS
                code[token] = chr(k if k < _SURROGATES else k + _SURROGATE_COUNT)
        return "".join([code[token] for token in sequence])


_SURROGATES, _SURROGATE_COUNT = 0xD800, 0x800
"""Code points left out: a lone surrogate is not a character."""
_CHARACTERS = 0x110000 - _SURROGATE_COUNT
"""Code points left for symbols."""
