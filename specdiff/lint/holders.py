"""Unclear holders: an obligation that names no one to hold it, where the section's rules name several who could.

"The assistant must tell the patron when a hold is ready. Patrons must collect
holds within a week. The card number must be checked before a hold is placed."
Who checks it: the assistant or the patron? An agentless passive ("must be
checked", "MUST NOT be sent") leaves the holder to the reader's guess; in a
section whose other rules bind two or more different agents (client and server,
assistant and user), the guess can go either way. A passive with its agent
("must be checked by the assistant") is fine.

Left out, because the holder is not in doubt there (all 16 findings of the first
version on SemVer and TOML were such, and none was worth a reviewer's time):

- a clause whose other sentences name one agent: the passive continues its duty;
- a section whose rules name one agent, or none: "Implementations are required
  to support millisecond precision ... the extra digits must be truncated", or a
  data format's "the value MUST be a string", where every rule is written so;
- a passive inside a relative clause, which describes: "except those that must be escaped";
- a passive that gives a thing its status for whoever reads it: "MUST be treated as untrusted
  data", "SHALL be ignored", "MUST NOT be considered anchored";
- permissions and "cannot" (strength below *should*): "may be omitted" binds no one,
  "it cannot be relocated" describes.

Holders are those ``force`` recognises as agents (assistant, client, server,
implementation, user ...); things a rule is about (a value, a field, a document)
hold nothing.
"""

from __future__ import annotations

import re

from specdiff import force
from specdiff.force import Place
from specdiff.lexicon import modal_meaning
from specdiff.lint.base import Check, ClauseView, Finding, finding
from specdiff.lint.rules import THINGS, RuleBook, phrase_at, stated

CHECKS = (
    Check(
        "HLD001",
        "unclear-holder",
        "warning",
        "An obligation in the passive names no one to hold it, where the section's rules bind several agents.",
        "The assistant must greet the patron. Users must bring their card. The card must be checked before a renewal.",
        "The assistant must greet the patron. Users must bring their card. The assistant must check the card before a renewal.",
    ),
)


# "must be checked", "MUST NOT be sent", "should always be logged": a modal, then "be" and a
# participle. "must be a string" or "must be valid" is a constraint on a thing, not an action.
_PASSIVE = re.compile(
    r"^\s+(?:(?:not|never|always|also|only|then|still|first|explicitly)\s+)*be\s+(?:\w+ly\s+)?"
    r"(\w+(?:ed|en)|sent|made|done|kept|held|told|shown|given|set|put|read|built|taken|seen|shut|left|paid|sold|run)\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\b(?:that|which|who|whom|whose)\s+(?:\w+\s+)?$", re.IGNORECASE)
_BY_AGENT = re.compile(r"^[^,;.]*?\bby\s+(?:the\s+|a\s+|an\s+)?\w+", re.IGNORECASE)
# Participles that read as adjectives after "be": a state, not an action someone performs.
_STATES = frozenset({"based", "related", "allowed", "permitted", "required", "prohibited", "forbidden", "supported",
                     "intended", "expected", "limited", "concerned", "interested", "aware", "able"})  # fmt: skip
# Passives that give a thing its status for whoever reads or processes it ("MUST be treated as
# untrusted data", "SHALL be ignored", "MUST NOT be considered anchored"): a definition, not an
# act someone must perform (3 of the first 9 real findings, on the Model Spec, JSON Schema, OpenAPI).
_STATUS = frozenset({"treated", "considered", "interpreted", "regarded", "understood", "assumed", "deemed", "viewed",
                     "taken", "ignored", "construed", "recognized", "recognised"})  # fmt: skip


# "SHOULD be unrelated to any running request", "MUST be unchanged": "un-" and a participle says
# what state a thing is in (not related, not changed), not what someone does to it (the Model
# Context Protocol's "These messages SHOULD be unrelated ...": 3 false HLD001 findings).
_UN_STATE = re.compile(r"^un\w+ed$")


def named_holders(text: str, kind: str) -> set[str]:
    """The agents the rules of ``text`` name as who must comply ("The assistant must ..." names ``assistant``)."""
    return {r.holder for r in force.rules(text, Place(kind)) if r.holder is not None and r.holder not in THINGS}


def check(view: ClauseView, book: RuleBook) -> list[Finding]:
    clause = view.clause
    if len(view.facts.holders.get(clause.section, ())) < 2 or len(named_holders(clause.normalized, clause.kind)) == 1:
        return []
    found = []
    for rule in stated(clause.normalized, view.place):
        meaning = modal_meaning(rule.phrase)
        if rule.strength < 2 or (rule.holder is not None and rule.holder not in THINGS) or meaning is None:
            continue
        at = phrase_at(rule.sentence, rule.phrase)
        if at < 0 or _RELATIVE.search(rule.sentence[:at]):
            continue
        after = rule.sentence[at + len(rule.phrase) :]
        passive = _PASSIVE.match(after)
        participle = passive.group(1).lower() if passive else ""
        if (
            passive is None
            or participle in _STATES | _STATUS
            or _UN_STATE.match(participle)
            or _BY_AGENT.match(after[passive.end() :])
        ):
            continue
        verb = f"{rule.phrase} be {passive.group(1)}"
        found.append(finding("HLD001", clause, f'"{verb}": by whom? The section\'s other rules name who must act', verb))
    return found
