"""Rules as the contradiction and duplicate checks read them: who must do what, with what force.

A rule is one sentence with an obliging or permitting phrase (``lexicon.modals``).
Its *holder* is what comes before the phrase ("the assistant"), its *action*
what follows, up to the first comma or condition word ("share borrowing
history"); a command ("Include the title.") has no holder and its verb starts
the action. ``sign`` is the sentence's polarity (+1 obliges or permits, -1
forbids), so "must share X" and "must not share X" have the same holder and
action and opposite signs:

>>> rule = read_rule("The assistant must not share borrowing history, unless asked.", clause=None)
>>> rule.holder, rule.action, rule.sign, rule.conditions
('assistant', 'share borrowing history', -1, ('unless asked',))
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from specdiff.lexicon import modals, numbers, polarity, prose, sentences, words
from specdiff.model import Clause

# Words that carry no meaning for "same holder, same action": articles, the
# negators that ``sign`` already counts, and "to"/"be" of "is required to be".
_FILLER = {"the", "a", "an", "to", "be", "not", "no", "never", "any", "its", "their", "all"}
_ACTION_END = re.compile(
    r"[,;:.!?()]|\b(?:unless|except|if|when|whenever|while|until|provided|only|before|after|because|so that)\b",
    re.IGNORECASE,
)

_CONDITION_CLAUSE = re.compile(
    r"\b(?:unless|except|if|when|whenever|while|until|provided|only if|only when)\b[^,;.]*", re.IGNORECASE
)
DEICTIC = re.compile(r"\b(?:this|these|those)\b", re.IGNORECASE)
"""Words that point at the section's subject: "This keyword's value MUST be ..." in one section
and the same words in another are about two different keywords."""


@dataclass(frozen=True)
class Rule:
    """One normative sentence, read for comparison with others."""

    clause: Clause | None
    sentence: str
    holder: str
    action: str
    sign: int
    strength: int
    obliges: bool
    numbers: tuple[str, ...]
    conditions: tuple[str, ...]
    """Each condition as written, from its word to the next comma ("if the body is chunked")."""

    @property
    def action_without_numbers(self) -> str:
        return " ".join(w for w in self.action.split() if w not in self.numbers)


def read_rule(sentence: str, clause: Clause | None, *, capitals: bool = False) -> Rule | None:
    """The rule ``sentence`` states, or ``None`` when it has no modal phrase."""
    found = modals(sentence, capitals=capitals)
    if not found:
        return None
    modal = found[0]
    start, end = modal.span
    clean = prose(sentence)
    # A command verb is not a modal phrase after a subject; "do not" is one only where a command stands.
    command = not modals("they " + modal.phrase) and modal.phrase.lower().replace("’", "'") not in ("do not", "don't")
    before = re.split(r"[,;:]", clean[:start])[-1]
    after = clean[start if command else end :]
    cut = _ACTION_END.search(after)
    action = after[: cut.start()] if cut else after
    return Rule(
        clause,
        sentence,
        holder="" if command else _content(before),
        action=_content(action),
        sign=polarity(sentence, capitals=capitals),
        strength=modal.strength,
        obliges=any(m.obliges for m in found),
        numbers=tuple(numbers(sentence)),
        conditions=tuple(sorted({_content(c) for c in _CONDITION_CLAUSE.findall(clean)})),
    )


def rules_of(clause: Clause, *, capitals: bool = False) -> list[Rule]:
    """The rules of a clause, one per normative sentence; examples state none."""
    if clause.kind in ("example", "html", "front_matter"):
        return []
    found = (read_rule(s, clause, capitals=capitals) for s in sentences(clause.normalized))
    return [rule for rule in found if rule is not None]


def _content(text: str) -> str:
    return " ".join(w for w in words(text) if w not in _FILLER)


class RuleBook:
    """Every rule of the spec at the head side, indexed by holder and action for the consistency checks."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self.by_action: dict[tuple[str, str], list[Rule]] = {}
        self.by_action_without_numbers: dict[tuple[str, str], list[Rule]] = {}
        for rule in rules:
            if rule.action:
                self.by_action.setdefault((rule.holder, rule.action), []).append(rule)
            if rule.numbers and rule.action_without_numbers:
                self.by_action_without_numbers.setdefault((rule.holder, rule.action_without_numbers), []).append(rule)
        self.folded = [fold(rule.sentence) for rule in rules]
        """Each rule's words in lower case, for the similarity search of the duplicate check."""


def fold(text: str) -> str:
    """Lower-case words only: what the duplicate check compares."""
    return " ".join(words(text))
