"""Contradictions: two rules on the same holder and action with opposite force, or different numbers.

"The assistant must share X" against "The assistant must not share X"; "may
renew a book 3 times" against "may renew a book 5 times". Rules are compared
only when they state the same conditions, since "unless asked" may be exactly
the exception that reconciles them. On the JSON Schema history, comparing only
the condition words paired "MAY be included if the validation result ..." with
"MUST NOT be included if the validation was successful". Items under two lead-ins
("If the type is a scalar:" / "If it is an object:") are two branches, and rules
that quote different names ("errors", "data") are about two things.
"""

from __future__ import annotations

import re

from specdiff.lint.base import Check, ClauseView, Finding, finding
from specdiff.lint.rules import DEICTIC, Rule, RuleBook, rules_of, under_one_lead_in
from specdiff.render.words import shorten

CHECKS = (
    Check(
        "CON001",
        "opposite-force",
        "error",
        "A rule and another rule on the same holder and action have opposite force (must / must not).",
        "The assistant must not read out a patron's fines. (elsewhere: The assistant must read out a patron's fines.)",
        "The assistant must not read out a patron's fines. (elsewhere: The assistant must show a patron's fines on screen.)",
    ),
    Check(
        "CON002",
        "conflicting-number",
        "error",
        "A rule and another rule on the same holder and action state different numbers.",
        "Patrons may renew a book 3 times. (elsewhere: Patrons may renew a book 5 times.)",
        "Patrons may renew a book 3 times. (the other rule removed, or pointing here)",
    ),
)


def check(view: ClauseView, book: RuleBook) -> list[Finding]:
    found = []
    for rule in rules_of(view.clause, view.place):
        if not rule.action:
            continue
        for other in book.by_action.get((rule.holder, rule.action), []):
            if _elsewhere(rule, other, book) and other.sign != rule.sign and _one_case(rule, other):
                found.append(_found("CON001", view, rule, other, "opposite force to"))
        if rule.numbers:
            for other in book.by_action_without_numbers.get((rule.holder, rule.action_without_numbers), []):
                if (
                    _elsewhere(rule, other, book)
                    and other.sign == rule.sign
                    and _one_case(rule, other)
                    and set(other.numbers) != set(rule.numbers)
                ):
                    found.append(_found("CON002", view, rule, other, "different number from"))
    return found


def _one_case(rule: Rule, other: Rule) -> bool:
    """Whether two rules on one holder and action speak of the same case: the same conditions, the same
    lead-in (or none), and the same quoted or code words. The action is read from the sentence's prose,
    which blanks those words, so "MUST contain an entry with key "errors"" and "MUST NOT contain an entry
    with key "data"" leave one action for two entries (GraphQL's response format)."""
    return (
        rule.conditions == other.conditions
        and under_one_lead_in(rule, other)
        and set(_LITERAL.findall(rule.sentence)) == set(_LITERAL.findall(other.sentence))
    )


_LITERAL = re.compile(r"`+[^`]{0,300}`+|\"[^\"\n]{0,300}\"|“[^”]{0,300}”")
"""A code span or a quotation, up to 300 characters: bounded, so a sentence of unclosed quotes stays linear."""


def _elsewhere(rule: Rule, other: Rule, book: RuleBook) -> bool:
    """Whether ``other`` is a different sentence about the same thing (a clause may state a rule and its exception).

    Rules that point at their section's subject ("This property MUST NOT be included")
    in two different sections are about two different things.
    """
    assert rule.clause is not None and other.clause is not None
    if book.apart(rule, other):
        return False
    same_clause = (rule.clause.path, rule.clause.index) == (other.clause.path, other.clause.index)
    if same_clause and rule.sentence == other.sentence:
        return False
    different_subject = (rule.clause.path, rule.clause.section) != (other.clause.path, other.clause.section)
    return not (different_subject and (DEICTIC.search(rule.clause.normalized) or DEICTIC.search(other.clause.normalized)))


def _found(check_id: str, view: ClauseView, rule: Rule, other: Rule, relation: str) -> Finding:
    assert other.clause is not None
    where = f"{other.clause.path}:{other.clause.lines[0]}"
    return finding(check_id, view.clause, f'{relation} "{shorten(other.sentence, 80)}" ({where})', other.sentence, other.clause)
