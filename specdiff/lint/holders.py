"""Unclear holders: an obligation that names no one to hold it, where the section's other rules name one.

"The assistant must greet the patron. The card number must be checked before
a renewal." Who checks it: the assistant, the patron, the desk? An agentless
passive ("must be checked", "MUST NOT be sent") leaves the holder to the
reader's guess; in a section whose other rules say who must act, the guess can
go either way. A passive with its agent ("must be checked by the assistant") is
fine, and so is a section that names no one at all (a data format's "the value
MUST be a string" binds the data, and every rule there is written that way).

Only obligations and prohibitions count: a permission ("may be omitted") binds
no one. Holders are those ``force`` recognises as agents (assistant, client,
server, implementation, user ...); things a rule is about (a value, a field, a
document) hold nothing.
"""

from __future__ import annotations

import re

from specdiff import force
from specdiff.force import Place
from specdiff.lexicon import modal_meaning
from specdiff.lint.base import Check, ClauseView, Finding, finding
from specdiff.lint.rules import RuleBook, stated

CHECKS = (
    Check(
        "HLD001",
        "unclear-holder",
        "warning",
        "An obligation in the passive names no one to hold it, where the section's other rules name one.",
        "The assistant must greet the patron. The card number must be checked before a renewal.",
        "The assistant must greet the patron. The assistant must check the card number before a renewal.",
    ),
)

THINGS = frozenset({"document", "schema", "version", "keyword", "value", "field", "request", "response", "message"})
"""Holders ``force`` names that are things a rule is about, not agents who comply."""

# "must be checked", "MUST NOT be sent", "should always be logged": a modal, then "be" and a
# participle. "must be a string" or "must be valid" is a constraint on a thing, not an action.
_PASSIVE = re.compile(
    r"^\s+(?:(?:not|never|always|also|only|then|still|first|explicitly)\s+)*be\s+(?:\w+ly\s+)?"
    r"(\w+(?:ed|en)|sent|made|done|kept|held|told|shown|given|set|put|read|built|taken|seen|shut|left|paid|sold|run)\b",
    re.IGNORECASE,
)
_BY_AGENT = re.compile(r"^[^,;.]*?\bby\s+(?:the\s+|a\s+|an\s+)?\w+", re.IGNORECASE)
# Participles that read as adjectives after "be": a state, not an action someone performs.
_STATES = frozenset({"based", "related", "allowed", "permitted", "required", "prohibited", "forbidden", "supported",
                     "intended", "expected", "limited", "concerned", "interested", "aware", "able"})  # fmt: skip


def named_holder(text: str, kind: str) -> bool:
    """Whether a rule of ``text`` names an agent who must comply ("The assistant must ...")."""
    return any(r.holder is not None and r.holder not in THINGS for r in force.rules(text, Place(kind)))


def check(view: ClauseView, book: RuleBook) -> list[Finding]:
    clause = view.clause
    if clause.section not in view.facts.sections_with_holders:
        return []
    found = []
    for rule in stated(clause.normalized, view.place):
        meaning = modal_meaning(rule.phrase)
        if rule.force == "permission" or (rule.holder is not None and rule.holder not in THINGS) or meaning is None:
            continue
        at = rule.sentence.find(rule.phrase)
        after = rule.sentence[at + len(rule.phrase) :] if at >= 0 else ""
        passive = _PASSIVE.match(after)
        if passive is None or passive.group(1).lower() in _STATES or _BY_AGENT.match(after[passive.end() :]):
            continue
        verb = f"{rule.phrase} be {passive.group(1)}"
        found.append(finding("HLD001", clause, f'"{verb}": by whom? The section\'s other rules name who must act', verb))
    return found
