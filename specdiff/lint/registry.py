"""Every check by id, and the text checks that read one clause at a time.

``CHECKS`` maps ids (``VAG001``) to :class:`~specdiff.lint.base.Check`;
``--select`` and ``--ignore`` take ids or their prefixes (``VAG``, ``CON``), as ruff does.
"""

from __future__ import annotations

from collections.abc import Callable

from specdiff.errors import SpecdiffError
from specdiff.lint import contradictions, duplicates, holders, keywords, model_check, references, untested, vague
from specdiff.lint.base import Check, ClauseView, Finding
from specdiff.lint.rules import RuleBook

ClauseCheck = Callable[[ClauseView, RuleBook], list[Finding]]

_FAMILIES = (vague, holders, keywords, contradictions, duplicates, untested, references, model_check)
CHECKS: dict[str, Check] = {c.id: c for family in _FAMILIES for c in family.CHECKS}

CLAUSE_CHECKS: dict[ClauseCheck, tuple[str, ...]] = {
    family.check: tuple(c.id for c in family.CHECKS) for family in (vague, holders, keywords, contradictions, duplicates)
}
"""The checks that read one clause (with the spec's rules), and the ids each can report."""

BOOK_CHECKS = frozenset({"CON001", "CON002", "CON003", "DUP001"})
"""The checks that compare a clause with the spec's other rules (they need the rule book)."""

MODEL_CHECKS = frozenset({"CON003"})
"""The checks that ask a language model: they run only when asked for (``specdiff lint --model``)."""

ON_BY_DEFAULT = frozenset({"KW001", "KW003", "REF001", "CON003"})
"""The checks that run when none is chosen. KW001 was right on every blind held-out set of real findings where it
spoke (``benchmarks/data/lint_holdout.jsonl``, nine repositories: 1.00; ``lint_holdout2.jsonl``, five others:
0.89; ``lint_holdout4.jsonl``: 4 of 4; ``lint_holdout5.jsonl``: 1 of 1). REF001, as labelled and after the
fixes each set prompted: 0.95; 0.10 and 0.50 (test fixtures, a site generator's cross-file anchors);
``lint_holdout3.jsonl`` 0.77, 0.90 with the changes made before its labels were read, and 0.96 (headings that
start with an emoji); ``lint_holdout4.jsonl`` 0.25 and 0.84 (headings that are links, case-blind matching);
``lint_holdout5.jsonl`` 0.79, every wrong finding debatable, and 0.93 (the site's redirects);
``lint_holdout6.jsonl`` 4 of 27, and 4 of 4 after (a build's list of the parts of one document, a Hugo
fragment named by a shortcode, kramdown-rfc's references). It stays on because whether a link resolves is a
fact a reader checks at once (docs/lint.md, "Checks on by default"). KW003 was mostly wrong on the first two
sets to hold it (``lint_holdout.jsonl`` 3 of 21, ``lint_fresh.jsonl`` 1 of 14: OpenSpec's house style of
capitals, its documentation's RFC 2119 citation unread; both fixed since, and none of those findings is left),
and right on every finding of the three held-out sets after, as labelled (``lint_holdout2.jsonl`` 5 of 5,
``lint_holdout3.jsonl`` 9 of 9, ``lint_holdout5.jsonl`` 6 of 6). CON003 asks a language model and runs only
with ``--model``."""

OFF_BY_DEFAULT = frozenset(CHECKS) - ON_BY_DEFAULT
"""The rest run only when chosen, by id, prefix or ``ALL`` (``--select VAG``, ``select = ["DUP001"]``).
Seven of them ran by default until the second held-out set (first set / second): VAG001 0.63 / 0.33,
DUP001 0.79 / 0.02, TST001 0.80 / no finding, KW002 1.00 (7 findings) / 0.29, VAG002 0 of 4 / 0 of 1,
CON001 no finding / 0 of 20, CON002 no finding / 0 of 2."""


def selected(select: tuple[str, ...], ignore: tuple[str, ...]) -> set[str]:
    """The check ids chosen by ``select`` (ids, prefixes or ``ALL``; default: :data:`ON_BY_DEFAULT`)
    less ``ignore``; an unknown code is an error.

    >>> sorted(selected(("CON",), ("CON002",)))
    ['CON001', 'CON003']
    >>> sorted(selected((), ()))
    ['CON003', 'KW001', 'KW003', 'REF001']
    """
    for code in (*select, *ignore):
        if code != "ALL" and not any(check_id.startswith(code) for check_id in CHECKS):
            raise SpecdiffError(f"unknown lint check {code!r} (see `specdiff lint --list`)")
    if "ALL" in select:
        chosen = set(CHECKS)
    elif select:
        chosen = {i for i in CHECKS if any(i.startswith(code) for code in select)}
    else:
        chosen = set(ON_BY_DEFAULT)
    return {i for i in chosen if not any(i.startswith(s) for s in ignore)}
