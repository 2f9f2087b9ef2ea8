"""Amendments in words, shared by the renderers: effects, output names, the sentence an effect is about."""

from __future__ import annotations

from specdiff.lexicon import modal_meaning
from specdiff.model import Amendment, Clause, Effect


def describe_effect(effect: Effect) -> str:
    """An effect in words: ``modality: should → must (strengthened)``."""
    if effect.type == "editorial":
        return "editorial: no normative change"
    if effect.type == "example":
        return "example changed"
    if effect.type == "wording":
        return "reworded: no obligation, number or condition changed (worth a read)"
    change = f"{effect.old or '—'} → {effect.new or '—'}"
    if effect.type == "modality" and (effect.old is None or effect.new is None):
        phrase = effect.new or effect.old or ""
        meaning = modal_meaning(phrase)
        rule = "obligation" if meaning and meaning.obliges else "permission"
        change = f"{rule} {'added' if effect.old is None else 'removed'}: {phrase}"
    direction = f" ({effect.direction})" if effect.direction else ""
    return f"{effect.type}: {change}{direction}"


def output_name(node: str) -> str:
    """An output node as a person reads it: its path, and the case of an eval suite."""
    return node.split(":", 1)[1]


def which_sentence(effect: Effect, amendment: Amendment) -> str:
    """``in "…"``, naming the sentence an effect is about when the clause has several."""
    whole = " ".join(item.normalized for item in (amendment.new or amendment.old) if isinstance(item, Clause))
    if not effect.sentence or effect.sentence.strip() == whole.strip():
        return ""
    sentence = effect.sentence if len(effect.sentence) <= 60 else effect.sentence[:60].rsplit(" ", 1)[0] + " …"
    return f' in "{sentence}"'
