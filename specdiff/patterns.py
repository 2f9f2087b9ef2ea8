"""Regular expressions from the config, matched in linear time.

``requirement_ids`` patterns come from the repository's own config, which a
pull request can change; Python's backtracking ``re`` takes exponential time
on a pattern like ``(a+)+$`` against ``aaaa…!``, and one such line would hang
CI. So user patterns are matched with RE2 (``google-re2``), whose time is
linear in the text whatever the pattern. RE2 has no lookaround and no
backreferences; :func:`check_pattern` refuses those with a sentence, before
RE2 sees them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, cast

_UNSUPPORTED = {
    sre_constants.ASSERT: "a lookahead or lookbehind",
    sre_constants.ASSERT_NOT: "a negative lookahead or lookbehind",
    sre_constants.GROUPREF: "a backreference",
    sre_constants.GROUPREF_EXISTS: "a conditional group",
    sre_constants.ATOMIC_GROUP: "an atomic group",
    sre_constants.POSSESSIVE_REPEAT: "a possessive quantifier",
}


def check_pattern(pattern: str) -> str | None:
    """Why ``pattern`` cannot be used, or ``None`` when it can.

    >>> check_pattern(r"\\bFR-\\d+\\b") is None
    True
    >>> check_pattern(r"(?<=x)FR")
    'it uses a lookahead or lookbehind, which linear-time matching does not support'
    >>> check_pattern("(unclosed")
    'missing ), unterminated subpattern at position 0'
    """
    try:
        tree = sre_parse.parse(pattern)
    except re.error as error:
        return str(error)
    found = _first_unsupported(tree)
    return f"it uses {found}, which linear-time matching does not support" if found else None


def _first_unsupported(tree: Any) -> str | None:
    for op, argument in tree:
        if op in _UNSUPPORTED:
            return _UNSUPPORTED[op]
        for part in argument if isinstance(argument, (list, tuple)) else ():
            if isinstance(part, sre_parse.SubPattern):
                found = _first_unsupported(part)
                if found:
                    return found
            elif isinstance(part, (list, tuple)):  # a BRANCH's alternatives
                for alternative in part:
                    if isinstance(alternative, sre_parse.SubPattern):
                        found = _first_unsupported(alternative)
                        if found:
                            return found
    return None


@lru_cache(maxsize=64)
def compile_linear(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled with RE2 (checked first with :func:`check_pattern`).

    The result offers the ``finditer``/``search`` API of ``re.Pattern`` that
    specdiff uses, hence the cast.
    """
    import re2

    return cast(re.Pattern[str], re2.compile(pattern))
