"""Pathological input: shapes that made a step quadratic, or too big to read clause by clause.

The slow, full-size cases (with time and memory caps) are in ``benchmarks/adversarial.py``;
these check, quickly, that what the fast paths return is what the plain definitions say.
"""

from __future__ import annotations

import random
import re

import pytest

from specdiff.lexicon import prose

# The definition `prose` follows, as one regular expression (quadratic on unclosed openers).
NOT_PROSE = re.compile(
    r"`+[^`]*`+|\"[^\"\n]*\"|“[^”]*”|‘[^’]*’|\]\([^)]*\)|\[\^[^\]]*\]|<[^>\n]+>|https?://\S+|\[NEEDS CLARIFICATION[^\]]*\]"
)
PIECES = ["`", "``", '"', "“", "”", "‘", "’", "](", ")", "[^", "]", "<", ">", "\n", " ", "a", "["]
PIECES += ["http://", "https://x", "[NEEDS CLARIFICATION"]


def by_definition(text: str) -> str:
    return NOT_PROSE.sub(lambda m: " " * len(m.group()), text)


def test_prose_blanks_what_the_definition_blanks():
    chance = random.Random(12)
    texts = ["".join(chance.choice(PIECES) for _ in range(chance.randint(0, 24))) for _ in range(20_000)]
    texts += ['Use `x` as [the id](#ids) says[^1]; "quoted" <b>text</b>, see https://x.example.', "``` no close", "a < b > c"]
    assert [prose(t) for t in texts] == [by_definition(t) for t in texts]


@pytest.mark.parametrize("opener", ["[^a", "<a", "“a", "](a", "[NEEDS CLARIFICATION"])
def test_prose_of_many_unclosed_openers(opener):
    text = opener * 2_000 + " must"
    assert prose(text) == by_definition(text) == text  # nothing closes, so nothing is blanked
