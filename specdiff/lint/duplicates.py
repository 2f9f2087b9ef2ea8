"""Duplicates: a rule that restates another one elsewhere in the spec.

Two copies of a rule drift apart: the next change edits one and not the other.
Sentences are compared with rapidfuzz's token-sort ratio (word order, case and punctuation ignored).
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from specdiff.lint.base import Check, ClauseView, Finding, finding
from specdiff.lint.rules import RuleBook, fold, rules_of

CHECKS = (
    Check(
        "DUP001",
        "duplicate-rule",
        "warning",
        "A rule restates another rule elsewhere in the spec.",
        "The assistant must ask for the card number before renewing a loan. (elsewhere: Before renewing a loan, "
        "the assistant must ask for the card number.)",
        "The assistant must ask for the card number before renewing a loan. (elsewhere: See "
        "[Verify before touching an account](#account_access).)",
    ),
)

SIMILAR = 90
"""Token-sort ratio (0-100) from which two rules read as one. Below it, rules that share a
pattern ("The assistant must not reveal X" for several X) start to match."""

MIN_WORDS = 6
"""Shorter rules ("Be brief.") recur on purpose in different sections; they are not flagged."""


def check(view: ClauseView, book: RuleBook) -> list[Finding]:
    found = []
    clause = view.clause
    for rule in rules_of(clause, capitals=view.facts.capitals):
        if len(rule.sentence.split()) < MIN_WORDS:
            continue
        for _, _, k in process.extract(
            fold(rule.sentence), book.folded, scorer=fuzz.token_sort_ratio, score_cutoff=SIMILAR, limit=5
        ):
            other = book.rules[k]
            assert other.clause is not None
            if (other.clause.path, other.clause.index) == (clause.path, clause.index) or other.sign != rule.sign:
                continue
            if set(other.numbers) != set(rule.numbers):
                continue  # the same rule with another number is a contradiction (CON002), not a copy
            where = f"{other.clause.path}:{other.clause.lines[0]}"
            found.append(finding("DUP001", clause, f"restates the rule at {where}", other.sentence, other.clause))
            break
    return found
