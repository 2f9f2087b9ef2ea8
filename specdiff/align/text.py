"""Text helpers shared by section and clause pairing: tokens, unique keys, order."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TypeVar

_TOKEN = re.compile(r"\w+|[^\w\s]")
T = TypeVar("T")
K = TypeVar("K")


def tokens(text: str) -> list[str]:
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
    return {w for w in words if w.isalnum() and w not in _FUNCTION_WORDS}


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
