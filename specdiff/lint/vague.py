"""Vague rules: a normative sentence whose force rests on a word nobody can measure.

"Reply in a timely manner" cannot be tested: how soon is timely? The words are
our own list, kept apart from ``lexicon`` on purpose: they say nothing about
whether a sentence obliges, only about whether its obligation can be checked.
"As required by the language" is left out: it names its measure.
"""

from __future__ import annotations

import re

from specdiff.lexicon import modals, prose, sentences
from specdiff.lint.base import Check, ClauseView, Finding, finding
from specdiff.lint.rules import RuleBook

CHECKS = (
    Check(
        "VAG001",
        "vague-qualifier",
        "warning",
        "A rule rests on an unmeasurable qualifier (appropriate, reasonable, as needed, timely, ...).",
        "The assistant must reply to renewal requests in a timely manner.",
        "The assistant must reply to renewal requests within two minutes.",
    ),
    Check(
        "VAG002",
        "open-ended-list",
        "warning",
        'A rule ends a list with "etc." or "and so on": what else is covered?',
        "The assistant must not reveal a patron's address, phone number, etc.",
        "The assistant must not reveal a patron's address, phone number or email address.",
    ),
    Check(
        "VAG003",
        "and-or",
        "warning",
        'A rule uses "and/or": is one enough, or are both needed?',
        "The assistant should confirm the title and/or the author before placing a hold.",
        "The assistant should confirm the title, or the author when the title is ambiguous, before placing a hold.",
    ),
)

_QUALIFIERS = re.compile(
    r"\b(?:as (?:needed|necessary|appropriate)|where (?:possible|appropriate|practical|feasible|necessary)"
    r"|(?:if|when) (?:possible|appropriate|practical|feasible|necessary)|as (?:soon|far) as (?:possible|practical)"
    r"|in a timely (?:manner|fashion)|appropriate(?:ly)?|reasonabl[ey]|timely|promptly|adequate(?:ly)?"
    r"|sufficient(?:ly)?|suitabl[ey]|properly)\b",
    re.IGNORECASE,
)
# "Note that ..." reads as a command ("note" is a command verb), but it introduces a remark, not a rule.
_REMARK = re.compile(r"^\W*note\b", re.IGNORECASE)
# "A reasonable user", "a reasonable person": the law's standard of a person, which names its
# measure; 3 of the first 17 false VAG001 findings on the Model Spec.
_PERSON_STANDARD = re.compile(r"\s+(?:user|person|people|human|reader|observer|developer)s?\b", re.IGNORECASE)
# "(e.g., backwards, enciphered, etc.)": "e.g." already says the list only illustrates, so
# "etc." opens nothing (2 of the 3 VAG002 findings on the Model Spec were such lists).
_ILLUSTRATION = re.compile(r"\b(?:e\.\s?g\.|for example|for instance)", re.IGNORECASE)
_OPEN_LIST = re.compile(r"\b(?:etc\b\.?|and so on|and so forth)", re.IGNORECASE)
_AND_OR = re.compile(r"\band\s*/\s*or\b", re.IGNORECASE)


def check(view: ClauseView, book: RuleBook) -> list[Finding]:
    clause = view.clause
    if clause.kind in ("example", "html", "front_matter"):
        return []
    found = []
    for sentence in sentences(clause.normalized):
        if _REMARK.match(sentence) or not any(m.obliges for m in modals(sentence, capitals=view.facts.capitals)):
            continue
        text = prose(sentence)
        for match in _QUALIFIERS.finditer(text):
            if match.group().lower() == "reasonable" and _PERSON_STANDARD.match(text, match.end()):
                continue
            found.append(finding("VAG001", clause, f'rule rests on "{match.group()}": say how it is measured', match.group()))
        for match in _OPEN_LIST.finditer(text):
            if _ILLUSTRATION.search(text[: match.start()]):
                continue
            found.append(finding("VAG002", clause, f'rule ends a list with "{match.group()}": name every case', match.group()))
        for match in _AND_OR.finditer(text):
            found.append(finding("VAG003", clause, 'rule says "and/or": say whether one is enough', match.group()))
    return found
