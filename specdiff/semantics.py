"""What a text change does to the rule it states: its effects, and how serious it is.

:func:`describe_change` reads an old and a new text sentence by sentence and
returns :class:`~specdiff.model.Effect` s, each naming the sentence it is about:

``modality``
    an obliging word changed. Obligations rank may < should < must, and
    prohibitions likewise, may not < should not < must not. ``direction`` is
    ``strengthened``, ``weakened`` or ``reversed`` (a permission or obligation
    became a prohibition, or the reverse). ``old`` is ``None`` when a sentence
    gained the phrase (an obligation added: strengthened; a permission added:
    weakened), ``new`` is ``None`` when it lost it (an obligation taken away:
    weakened; a permission taken away: strengthened).
``negation``
    the sentence's polarity flipped ("may share" / "may not share").
``number``
    a number, date, age or limit changed; ``old`` and ``new`` list the numbers
    that went and came.
``quantifier``
    all / every / any against some / most / only / few changed.
``condition``
    an exception or condition came or went (unless, except, only if, if, when).
``example``
    an example block changed.
``wording``
    the words changed but none of the above did: read it, it may still matter.
``editorial``
    nothing normative changed: whitespace, punctuation, case, a typo.

(``reference``, ``attribute`` and ``heading`` effects come from the structure
around the text; see ``amendments``.)

>>> for e in describe_change("The assistant should answer in English.", "The assistant must answer in English."):
...     print(e.type, e.old, e.new, e.direction)
modality should must strengthened
>>> [e.type for e in describe_change("Recieve the book.", "Receive the book.")]
['editorial']

A sentence of a paragraph is compared with the sentence it became, so an
effect says where it is; sentences that were split, merged or reordered are
compared as a group.

:func:`severity` grades an amendment:

``breaking``
    an obligation was added, removed, reversed or strengthened (a modality
    effect strengthened or reversed where either side obliges, or an obliging
    phrase gone or left a mere permission: "must" to "may"); or a sentence
    that states a rule (has any modal phrase) was negated or had a number
    changed;
``editorial``
    only editorial effects (and the clause did not change section);
``substantive``
    anything else.

A diff suggests a version bump from its most serious amendment: breaking →
major, substantive → minor, editorial → patch.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from specdiff.lexicon import (
    Modal,
    conditions,
    inverted_by_wording,
    modal_meaning,
    modals,
    numbers,
    polarity,
    prose,
    quantifiers,
    sentences,
    words,
)
from specdiff.model import Effect

TYPO_SIMILARITY = 0.8
"""Two words this alike (rapidfuzz ratio, 0-1), each at least 4 letters long,
are one word with a typo fixed ("recieve", "receive")."""

SENTENCE_KINSHIP = 0.5
"""A new sentence is the continuation of an old one (reworded, split, merged,
moved within the paragraph) when they share at least half their words (word
similarity, or the share of the shorter one's words found in the longer)."""


def describe_change(old: str, new: str, *, example: bool = False, capitals: bool = False) -> list[Effect]:
    """The effects of rewriting ``old`` as ``new``; ``[]`` if the texts are equal.

    ``capitals`` says the document writes RFC 2119 keywords in capitals on
    purpose, so lower-case "may" is plain English there.
    """
    if old == new:
        return []
    if _same_words(old, new, capitals) or _only_typos(old, new, capitals):
        return [Effect("editorial")]
    if example:
        return [Effect("example")]
    effects: list[Effect] = []
    for old_part, new_part in _changed_sentences(old, new):
        effects += _sentence_effects(old_part, new_part, capitals)
    return list(dict.fromkeys(effects)) or [Effect("wording")]


def describe_clause(text: str, *, added: bool, example: bool = False, capitals: bool = False) -> list[Effect]:
    """The effects of adding (or removing) a whole clause: the rules it brings (or takes)."""
    if example:
        return [Effect("example")]
    effects = []
    for sentence in sentences(text):
        for modal in modals(sentence, capitals=capitals):
            pair = (None, modal) if added else (modal, None)
            effects.append(_modality(*pair, sentence=sentence))
    return effects


def obliges(text: str, *, capitals: bool = False) -> bool:
    """Whether ``text`` states an obligation or prohibition (not just a permission).

    >>> obliges("You may ask."), obliges("Never guess."), obliges("It avoids `must`.")
    (False, True, True)
    """
    return any(m.obliges for m in modals(text, capitals=capitals))


def severity(kind: str, effects: list[Effect], *, moved_across_sections: bool = False) -> str:
    """Grade an amendment ``editorial``, ``substantive`` or ``breaking`` (rules above)."""
    if any(_is_breaking(e) for e in effects):
        return "breaking"
    if kind in ("added", "removed") or moved_across_sections:
        return "substantive"
    if effects and all(e.type == "editorial" for e in effects):
        return "editorial"
    if not effects and kind == "moved":  # reordered within its section, text unchanged
        return "editorial"
    return "substantive"


def _is_breaking(effect: Effect) -> bool:
    if effect.type == "modality":
        if effect.old_obliges and not effect.new_obliges:
            return True  # an obligation removed, or left as a mere permission
        if effect.new is not None and effect.direction in ("strengthened", "reversed"):
            return effect.new_obliges or effect.old_obliges
        return False
    if effect.type in ("negation", "number"):
        return effect.normative
    return False


# -- sentences -------------------------------------------------------------------


def _changed_sentences(old: str, new: str) -> list[tuple[str | None, str | None]]:
    """The sentences that changed, each with what it became.

    Unchanged sentences are set aside. The rest are grouped by kinship: each
    links to its closest kin on the other side, so a sentence split in two
    joins both halves, two merged join their one result, and a sentence moved
    within the paragraph finds itself. A sentence with no kin that sits where
    another one without kin was is that sentence rewritten. Each group comes
    back as its old and new text joined, with ``None`` for a side that has no
    sentence (a sentence added or removed).
    """
    from rapidfuzz.distance import Indel

    a, b = sentences(old), sentences(new)
    stretches = [
        (range(i1, i2), range(j1, j2))
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        if tag != "equal"
    ]
    olds = [i for stretch, _ in stretches for i in stretch]
    news = [j for _, stretch in stretches for j in stretch]
    old_words = {i: words(prose(a[i])) for i in olds}
    new_words = {j: words(prose(b[j])) for j in news}

    def kin(i: int, j: int) -> float:
        x, y = old_words[i], new_words[j]
        if not x or not y:
            return 0.0
        shared = (len(x) + len(y) - Indel.distance(x, y)) / 2
        return max(Indel.normalized_similarity(x, y), shared / min(len(x), len(y)))

    groups = _Groups()
    for i in olds:
        closest = max(news, key=lambda j: kin(i, j), default=None)
        if closest is not None and kin(i, closest) >= SENTENCE_KINSHIP:
            groups.link(("old", i), ("new", closest))
    for j in news:
        closest = max(olds, key=lambda i: kin(i, j), default=None)
        if closest is not None and kin(closest, j) >= SENTENCE_KINSHIP:
            groups.link(("old", closest), ("new", j))
    for old_stretch, new_stretch in stretches:
        lonely_old = [i for i in old_stretch if not groups.linked(("old", i))]
        lonely_new = [j for j in new_stretch if not groups.linked(("new", j))]
        for i, j in zip(lonely_old, lonely_new):
            groups.link(("old", i), ("new", j))
    members: dict[tuple[str, int], tuple[list[str], list[str]]] = {}
    for i in olds:
        members.setdefault(groups.root(("old", i)), ([], []))[0].append(a[i])
    for j in news:
        members.setdefault(groups.root(("new", j)), ([], []))[1].append(b[j])
    return [(" ".join(o) or None, " ".join(n) or None) for o, n in members.values()]


class _Groups:
    """Union-find over sentences, named ("old", i) or ("new", j)."""

    def __init__(self) -> None:
        self._parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(self, item: tuple[str, int]) -> tuple[str, int]:
        while self._parent.get(item, item) != item:
            item = self._parent[item]
        return item

    def link(self, x: tuple[str, int], y: tuple[str, int]) -> None:
        self._parent.setdefault(x, x)
        self._parent.setdefault(y, y)
        self._parent[self.root(x)] = self.root(y)

    def linked(self, item: tuple[str, int]) -> bool:
        return item in self._parent


def _sentence_effects(old: str | None, new: str | None, capitals: bool) -> list[Effect]:
    """The effects of one sentence (or group) changing; ``None`` for a side that is not there."""
    old_text, new_text = old or "", new or ""
    where = new or old
    # A modal's force is read with its sentence's sense: "must not omit" obliges as "must include" does.
    old_modals = _in_sense(modals(old_text, capitals=capitals), inverted_by_wording(old_text, capitals=capitals))
    new_modals = _in_sense(modals(new_text, capitals=capitals), inverted_by_wording(new_text, capitals=capitals))
    normative = bool(old_modals or new_modals)
    effects = [_modality(a, b, sentence=where) for a, b in _paired_modals(old_modals, new_modals)]
    effects = [e for e in effects if e.direction is not None]
    if old is not None and new is not None:
        before, after = polarity(old_text, capitals=capitals), polarity(new_text, capitals=capitals)
        if before != after:
            effects.append(Effect("negation", _polarity_word(before), _polarity_word(after), sentence=where, normative=normative))
    for effect_type, reader in (("number", numbers), ("quantifier", quantifiers), ("condition", conditions)):
        effects += _word_class_change(effect_type, reader, old_text, new_text, where, normative)
    return effects


def _in_sense(found: list[Modal], inverted: bool) -> list[Modal]:
    """The modals with the first one's polarity turned when the wording inverts it."""
    if not inverted or not found:
        return found
    return [replace(found[0], polarity=-found[0].polarity), *found[1:]]


def _polarity_word(sign: int) -> str:
    return "affirmative" if sign > 0 else "negative"


def _word_class_change(
    effect_type: str, reader: Callable[[str], list[str]], old: str, new: str, where: str | None, normative: bool
) -> list[Effect]:
    before, after = Counter(reader(old)), Counter(reader(new))
    if before == after:
        return []
    gone = ", ".join((before - after).elements()) or None
    came = ", ".join((after - before).elements()) or None
    return [Effect(effect_type, gone, came, sentence=where, normative=normative)]


# -- modality --------------------------------------------------------------------


def _paired_modals(old: list[Modal], new: list[Modal]) -> list[tuple[Modal | None, Modal | None]]:
    """Pair the modal phrases of two versions of a sentence, in order; unpaired ones with ``None``."""
    pairs: list[tuple[Modal | None, Modal | None]] = []
    keys_old = [(m.polarity, m.strength) for m in old]
    keys_new = [(m.polarity, m.strength) for m in new]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, keys_old, keys_new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        olds, news = old[i1:i2], new[j1:j2]
        for k in range(max(len(olds), len(news))):
            pairs.append((olds[k] if k < len(olds) else None, news[k] if k < len(news) else None))
    return pairs


def _modality(old: Modal | None, new: Modal | None, *, sentence: str | None) -> Effect:
    """A modality effect; its direction is ``None`` when nothing changed in force."""
    direction: str | None
    if old is None and new is not None:
        direction = "strengthened" if new.obliges else "weakened"
    elif new is None and old is not None:
        direction = "weakened" if old.obliges else "strengthened"
    elif old is not None and new is not None and old.polarity != new.polarity:
        direction = "reversed"
    elif old is not None and new is not None and old.strength != new.strength:
        direction = "strengthened" if new.strength > old.strength else "weakened"
    else:
        direction = None
    return Effect(
        "modality",
        old.phrase if old else None,
        new.phrase if new else None,
        direction,
        sentence=sentence,
        normative=True,
        old_obliges=bool(old and old.obliges),
        new_obliges=bool(new and new.obliges),
    )


# -- editorial -------------------------------------------------------------------


def _only_typos(old: str, new: str, capitals: bool) -> bool:
    """True when the word lists differ only by near-identical word pairs."""
    from rapidfuzz import fuzz

    a, b = words(old, capitals=capitals), words(new, capitals=capitals)
    changed = False
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "delete" and all(_doubled(a, k) for k in range(i1, i2)):
            changed = True  # "The the assistant" -> "The assistant"
            continue
        if tag == "insert" and all(_doubled(b, k) for k in range(j1, j2)):
            changed = True
            continue
        if tag != "replace" or i2 - i1 != j2 - j1:
            return False
        for x, y in zip(a[i1:i2], b[j1:j2]):
            alike = min(len(x), len(y)) >= 4 and fuzz.ratio(x, y) / 100 >= TYPO_SIMILARITY
            swapped = len(x) >= 3 and sorted(x) == sorted(y)  # "teh" -> "the"
            negated = x + "nt" == y or y + "nt" == x  # "should" -> "shouldn't" (apostrophes are dropped)
            if not (alike or swapped) or negated:
                return False
            # "shuold" -> "should" is a typo fixed; "shall" -> "shell", "13" -> "18" or FR-003 -> FR-004 is not.
            if any(c.isdigit() for c in x + y) or (modal_meaning(x) and modal_meaning(y)):
                return False
        changed = True
    return changed


def _same_words(old: str, new: str, capitals: bool) -> bool:
    """Equal words, also when a compound was split or joined ("rate-limiter", "rate limiter")."""
    a, b = words(old, capitals=capitals), words(new, capitals=capitals)
    return a == b or "".join(a) == "".join(b)


def _doubled(sequence: list[str], k: int) -> bool:
    """Whether word ``k`` repeats the word next to it."""
    return (k > 0 and sequence[k - 1] == sequence[k]) or (k + 1 < len(sequence) and sequence[k + 1] == sequence[k])
