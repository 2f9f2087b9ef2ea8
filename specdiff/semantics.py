"""What a text change does to the rule it states: effects and severity.

:func:`describe_change` compares an old and a new text and returns
:class:`~specdiff.model.Effect` s, one per thing that changed meaning:

``modality``
    the obligation word changed. Obligations rank may < should < must, and
    prohibitions likewise: may not < should not < must not. ``direction`` is
    ``strengthened``, ``weakened`` or ``reversed`` (a permission became a
    prohibition or the reverse). ``old`` or ``new`` is ``None`` when a
    sentence gained or lost its obligation.
``negation``
    the sentence's polarity flipped ("do" / "don't").
``number``
    a number, date, age or limit changed.
``quantifier``
    all / every / any / always against some / most / only / sometimes.
``condition``
    an exception or condition came or went (unless, except, only if, when, if).
``reference``
    a link target or footnote reference changed.
``example``
    an example block changed.
``wording``
    the words changed, but none of the above: a rewording that seems to keep
    the meaning, which a reviewer should still read;
``editorial``
    nothing normative changed: whitespace, punctuation, case, a typo.

Words inside code spans and quotations do not count: "``should``" in backticks
or a quoted line of dialogue is not an obligation.

>>> [(e.type, e.old, e.new, e.direction) for e in describe_change(
...     "The assistant should answer in English.", "The assistant must answer in English.")]
[('modality', 'should', 'must', 'strengthened')]
>>> [e.type for e in describe_change("Recieve the book.", "Receive the book.")]
['editorial']

:func:`severity` grades an amendment from its kind and effects:

``breaking``
    an obligation was added, removed, reversed or strengthened, a sentence
    with an obligation was negated, or a number in such a sentence changed;
``substantive``
    anything else that changes the words;
``editorial``
    only editorial effects, or an unchanged clause reordered within its section.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from specdiff.model import Effect

# -- the obligation lexicon ------------------------------------------------------

# (phrase, polarity, strength). Polarity +1 is an obligation or permission,
# -1 a prohibition. Strength: 1 may, 2 should, 3 must. Longer phrases are tried
# first, so "must not" wins over "must".
_MODAL_PHRASES: list[tuple[str, int, int]] = [
    # prohibitions
    # a modal verb before "avoid" or "refrain from" sets the prohibition's strength
    ("must avoid", -1, 3),
    ("shall avoid", -1, 3),
    ("should avoid", -1, 2),
    ("may avoid", -1, 1),
    ("must refrain from", -1, 3),
    ("should refrain from", -1, 2),
    ("may refrain from", -1, 1),
    ("must not", -1, 3),
    ("mustn't", -1, 3),
    ("shall not", -1, 3),
    ("shan't", -1, 3),
    ("must never", -1, 3),
    ("shall never", -1, 3),
    ("should never", -1, 2),
    ("never", -1, 3),
    ("is not allowed to", -1, 3),
    ("are not allowed to", -1, 3),
    ("is not permitted to", -1, 3),
    ("are not permitted to", -1, 3),
    ("is prohibited from", -1, 3),
    ("are prohibited from", -1, 3),
    ("is forbidden to", -1, 3),
    ("prohibited", -1, 3),
    ("forbidden", -1, 3),
    ("do not", -1, 3),
    ("don't", -1, 3),
    ("does not", -1, 3),
    ("doesn't", -1, 3),
    ("should not", -1, 2),
    ("shouldn't", -1, 2),
    ("ought not to", -1, 2),
    ("avoid", -1, 2),
    ("avoids", -1, 2),
    ("refrain from", -1, 2),
    ("refrains from", -1, 2),
    ("is not recommended", -1, 2),
    ("not recommended", -1, 2),
    ("is discouraged", -1, 2),
    ("may not", -1, 1),
    ("need not", -1, 1),
    ("cannot", -1, 1),
    ("can't", -1, 1),
    ("can not", -1, 1),
    # obligations and permissions
    ("must", 1, 3),
    ("shall", 1, 3),
    ("is required to", 1, 3),
    ("are required to", 1, 3),
    ("required", 1, 3),
    ("has to", 1, 3),
    ("have to", 1, 3),
    ("needs to", 1, 3),
    ("need to", 1, 3),
    ("always", 1, 3),
    ("mandatory", 1, 3),
    ("should", 1, 2),
    ("ought to", 1, 2),
    ("is recommended", 1, 2),
    ("recommended", 1, 2),
    ("is expected to", 1, 2),
    ("may", 1, 1),
    ("can", 1, 1),
    ("is allowed to", 1, 1),
    ("are allowed to", 1, 1),
    ("is permitted to", 1, 1),
    ("are permitted to", 1, 1),
    ("optional", 1, 1),
    ("optionally", 1, 1),
]
_MODAL_PATTERN = re.compile(
    r"(?<![\w'])("
    + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p, _, _ in sorted(_MODAL_PHRASES, key=lambda x: -len(x[0])))
    + r")(?![\w'])",
    re.IGNORECASE,
)
_MODAL_MEANING = {p: (polarity, strength) for p, polarity, strength in _MODAL_PHRASES}

OBLIGATION_STRENGTH = 2
"""Modal strength from which a phrase is an obligation (should, must, avoid,
never...) rather than a permission (may, can)."""

_NEGATION = re.compile(r"(?<![\w'])(not|no|never|none|nothing|neither|nor|without)(?![\w'])|n't\b", re.IGNORECASE)
_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "thousand million billion once twice half"
).split()
_NUMBER = re.compile(r"\d+(?:[.,:/-]\d+)*%?|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)
_QUANTIFIER = re.compile(
    r"(?<![\w'])(all|every|each|any|always|some|most|only|sometimes|usually|often|rarely|few|many|several|none)(?![\w'])",
    re.IGNORECASE,
)
_CONDITION = re.compile(
    r"(?<![\w'])(unless|except(?: when| where)?|only (?:if|when)|if|when|whenever|where|provided that|as long as|in case|until)"
    r"(?![\w'])",
    re.IGNORECASE,
)
_CODE_SPAN = re.compile(r"`+[^`]*`+")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"“(\[*_]?[A-Z0-9])")
_WORD = re.compile(r"\w+")

TYPO_SIMILARITY = 0.8
"""Two words this alike (rapidfuzz ratio, 0-1), at least 4 letters long, are
the same word with a typo fixed."""


def describe_change(old: str, new: str, *, example: bool = False) -> list[Effect]:
    """The effects of rewriting ``old`` as ``new``; ``[]`` if the texts are equal."""
    if old == new:
        return []
    if _content_words(old) == _content_words(new) or _only_typos(old, new):
        return [Effect("editorial")]
    if example:
        return [Effect("example")]
    effects: list[Effect] = []
    for old_sentence, new_sentence in _changed_sentences(_prose(old), _prose(new)):
        effects += _sentence_effects(old_sentence, new_sentence)
    return _deduplicated(effects) or [Effect("wording")]


def obligations(text: str) -> list[str]:
    """The obligation phrases (should and stronger, prohibitions included) in ``text``.

    >>> obligations("You may ask. The assistant MUST NOT guess and should avoid `must`.")
    ['MUST NOT', 'should avoid']
    """
    return [phrase for phrase, (_, strength) in _modals(_prose(text)) if strength >= OBLIGATION_STRENGTH]


def severity(kind: str, effects: list[Effect], *, normative: bool, moved_across_sections: bool = False) -> str:
    """Grade an amendment ``editorial``, ``substantive`` or ``breaking``.

    ``normative`` says whether the text (old or new) states an obligation;
    adding or removing such a clause is breaking.
    """
    if kind in ("added", "removed"):
        return "breaking" if normative else "substantive"
    if any(_is_breaking(e, normative) for e in effects):
        return "breaking"
    if moved_across_sections:
        return "substantive"
    if all(e.type == "editorial" for e in effects):
        return "editorial"
    return "substantive"


def _is_breaking(effect: Effect, normative: bool) -> bool:
    if effect.type == "modality":
        return effect.direction in ("strengthened", "reversed") or (effect.direction == "weakened" and effect.new is None)
    if effect.type in ("negation", "number"):
        return normative
    return False


# -- sentences -------------------------------------------------------------------


def _prose(text: str) -> str:
    """Text with code spans and quotations blanked out, so their words do not count."""
    return _QUOTED.sub(" ", _CODE_SPAN.sub(" ", text))


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def _changed_sentences(old: str, new: str) -> list[tuple[str | None, str | None]]:
    """The sentences that differ, paired one to one where the counts agree.

    Where one sentence became two (or two one), the run is compared as a whole,
    so that a merge does not read as one sentence lost and another changed.
    """
    import difflib

    a, b = _sentences(old), _sentences(new)
    pairs: list[tuple[str | None, str | None]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if i2 - i1 == j2 - j1:
            pairs += list(zip(a[i1:i2], b[j1:j2]))
        else:
            pairs.append((" ".join(a[i1:i2]) or None, " ".join(b[j1:j2]) or None))
    return pairs


def _sentence_effects(old: str | None, new: str | None) -> list[Effect]:
    old_text, new_text = old or "", new or ""
    effects: list[Effect] = []
    old_modal, new_modal = _strongest_modal(old_text), _strongest_modal(new_text)
    if _modal_key(old_modal) != _modal_key(new_modal) and (old_modal or new_modal):
        effects.append(_modality_effect(old_modal, new_modal))
    if old is not None and new is not None and _polarity(old_text) != _polarity(new_text):
        effects.append(
            Effect(
                "negation",
                "affirmative" if _polarity(old_text) > 0 else "negative",
                "affirmative" if _polarity(new_text) > 0 else "negative",
            )
        )
    old_numbers, new_numbers = Counter(_numbers(old_text)), Counter(_numbers(new_text))
    if old_numbers != new_numbers:
        effects.append(
            Effect(
                "number",
                ", ".join((old_numbers - new_numbers).elements()) or None,
                ", ".join((new_numbers - old_numbers).elements()) or None,
            )
        )
    effects += _word_class_effect("quantifier", _QUANTIFIER, old_text, new_text)
    effects += _word_class_effect("condition", _CONDITION, old_text, new_text)
    return effects


def _word_class_effect(effect_type: str, pattern: re.Pattern[str], old: str, new: str) -> list[Effect]:
    old_words = Counter(w.lower() for w in pattern.findall(old))
    new_words = Counter(w.lower() for w in pattern.findall(new))
    if old_words == new_words:
        return []
    return [
        Effect(
            effect_type,
            ", ".join((old_words - new_words).elements()) or None,
            ", ".join((new_words - old_words).elements()) or None,
        )
    ]


# -- modality --------------------------------------------------------------------


@dataclass(frozen=True)
class _Modal:
    phrase: str
    polarity: int
    strength: int


def _modals(text: str) -> list[tuple[str, tuple[int, int]]]:
    found = []
    for match in _MODAL_PATTERN.finditer(text):
        phrase = match.group(1)
        key = " ".join(phrase.lower().replace("’", "'").split())
        found.append((phrase, _MODAL_MEANING[key]))
    return found


def _strongest_modal(text: str) -> _Modal | None:
    modals = _modals(text.replace("’", "'"))
    if not modals:
        return None
    phrase, (polarity, strength) = max(modals, key=lambda m: (m[1][1], m[1][0] < 0))
    return _Modal(" ".join(phrase.split()), polarity, strength)


def _modal_key(modal: _Modal | None) -> tuple[int, int] | None:
    return (modal.polarity, modal.strength) if modal else None


def _modality_effect(old: _Modal | None, new: _Modal | None) -> Effect:
    if old is None:
        direction = "strengthened"
    elif new is None:
        direction = "weakened"
    elif old.polarity != new.polarity:
        direction = "reversed"
    else:
        direction = "strengthened" if new.strength > old.strength else "weakened"
    return Effect("modality", old.phrase if old else None, new.phrase if new else None, direction)


def _polarity(text: str) -> int:
    """+1 for an affirmative sentence, -1 for a negated one (odd number of negations)."""
    return -1 if len(_NEGATION.findall(text.replace("’", "'"))) % 2 else 1


def _numbers(text: str) -> list[str]:
    return [n.lower() for n in _NUMBER.findall(text)]


# -- editorial -------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _content_words(text: str) -> list[str]:
    return _words(text.replace("’", "'"))


def _only_typos(old: str, new: str) -> bool:
    """True when the word lists differ only by near-identical word pairs."""
    import difflib

    from rapidfuzz import fuzz

    a, b = _content_words(old), _content_words(new)
    changed = False
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag != "replace" or i2 - i1 != j2 - j1:
            return False
        for x, y in zip(a[i1:i2], b[j1:j2]):
            if min(len(x), len(y)) < 4 or fuzz.ratio(x, y) / 100 < TYPO_SIMILARITY:
                return False
            # "shuold" -> "should" is a typo fixed; "shall" -> "shell" or "13" -> "18" is not.
            if _NUMBER.fullmatch(x) or _NUMBER.fullmatch(y) or (_MODAL_PATTERN.fullmatch(x) and _MODAL_PATTERN.fullmatch(y)):
                return False
        changed = True
    return changed


def _deduplicated(effects: list[Effect]) -> list[Effect]:
    return list(dict.fromkeys(effects))
