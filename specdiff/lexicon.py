"""The words of obligation, and the other words whose change alters a rule.

``semantics`` reads a change through this module: which phrases oblige or
permit (:func:`modals`), where sentences end (:func:`sentences`), which numbers,
quantifiers and conditions a sentence holds. Everything here works on one
piece of text and knows nothing of the diff around it.

Obligations rank by strength, 1 may < 2 should < 3 must, and have a polarity,
+1 for an obligation or permission and -1 for a prohibition:

>>> [(m.phrase, m.polarity, m.strength) for m in modals("You may ask, but the assistant must not guess.")]
[('may', 1, 1), ('must not', -1, 3)]

Plain English counts as well as RFC 2119 capitals, contractions and curly
apostrophes included; words inside code spans, quotations and link targets do
not, nor do longer words that contain a modal ("shoulder", "mayor"):

>>> [m.phrase for m in modals("Don’t say `should` or \\"must\\"; the mayor's shoulder may ache.")]
['Don’t', 'may']

When a document uses RFC 2119 capitals on purpose, lower-case ``must`` or
``may`` is ordinary English there ("the value may be a string"):

>>> [m.phrase for m in modals("Implementations MUST reject it; the value may be empty.", capitals=True)]
['MUST']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

# (phrase, polarity, strength, RFC 2119 keyword). Longer phrases win over their
# prefixes ("must not" over "must"). A modal verb before "avoid" or "refrain
# from" gives the prohibition its strength ("should avoid" = should not).
_PHRASES: list[tuple[str, int, int, bool]] = [
    # prohibitions
    ("must not", -1, 3, True), ("mustn't", -1, 3, False), ("shall not", -1, 3, True), ("shan't", -1, 3, False),
    ("must never", -1, 3, False), ("shall never", -1, 3, False), ("never", -1, 3, False),
    ("must avoid", -1, 3, False), ("shall avoid", -1, 3, False), ("must refrain from", -1, 3, False),
    ("is not allowed to", -1, 3, False), ("are not allowed to", -1, 3, False), ("is not permitted to", -1, 3, False),
    ("are not permitted to", -1, 3, False), ("is prohibited from", -1, 3, False), ("are prohibited from", -1, 3, False),
    ("is forbidden to", -1, 3, False), ("is prohibited", -1, 3, False), ("prohibited", -1, 3, False),
    ("forbidden", -1, 3, False), ("do not", -1, 3, False), ("don't", -1, 3, False),
    ("cannot", -1, 1, False), ("can't", -1, 1, False), ("can not", -1, 1, False),
    ("should not", -1, 2, True), ("shouldn't", -1, 2, False), ("should never", -1, 2, False),
    ("ought not to", -1, 2, False), ("should avoid", -1, 2, False), ("should refrain from", -1, 2, False),
    ("avoid", -1, 2, False), ("avoids", -1, 2, False), ("refrain from", -1, 2, False), ("refrains from", -1, 2, False),
    ("not recommended", -1, 2, True), ("is discouraged", -1, 2, False),
    ("may not", -1, 1, True), ("need not", -1, 1, False), ("needn't", -1, 1, False), ("may avoid", -1, 1, False),
    ("may refrain from", -1, 1, False),
    # obligations and permissions
    ("must", 1, 3, True), ("shall", 1, 3, True), ("is required to", 1, 3, False), ("are required to", 1, 3, False),
    ("required", 1, 3, True), ("has to", 1, 3, False), ("have to", 1, 3, False), ("needs to", 1, 3, False),
    ("need to", 1, 3, False), ("always", 1, 3, False), ("mandatory", 1, 3, False),
    ("should", 1, 2, True), ("ought to", 1, 2, False), ("recommended", 1, 2, True), ("is expected to", 1, 2, False),
    ("are expected to", 1, 2, False),
    ("may", 1, 1, True), ("can", 1, 1, False), ("is allowed to", 1, 1, False), ("are allowed to", 1, 1, False),
    ("is permitted to", 1, 1, False), ("are permitted to", 1, 1, False), ("optional", 1, 1, True),
    ("optionally", 1, 1, False),
]  # fmt: skip
_MEANING = {phrase: (polarity, strength, rfc) for phrase, polarity, strength, rfc in _PHRASES}
_MODAL = re.compile(
    r"(?<![\w'])("
    + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p, *_ in sorted(_PHRASES, key=lambda entry: -len(entry[0])))
    + r")(?![\w'])",
    re.IGNORECASE,
)
# An imperative "Do" at the start of a sentence obliges as "must" does ("Do cite
# the source" against "Don't cite the source").
_IMPERATIVE_DO = re.compile(r"^\s*(do)(?=\s+(?!not\b)[a-z])", re.IGNORECASE)

OBLIGATION_STRENGTH = 2
"""From this strength on (should, must) a phrase obliges; below it (may, can) it permits."""

_NEGATOR = re.compile(r"(?<![\w'])(?:not|no|never|none|nothing|nobody|neither|nor|without)(?![\w'])|n't\b", re.IGNORECASE)
_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million "
    "billion once twice half double triple"
).split()
_NUMBER = re.compile(
    r"(?<![\w.])\d+(?:[.,:/-]\d+)*%?(?![\w])|(?<![\w'])(?:" + "|".join(_NUMBER_WORDS) + r")(?![\w'])", re.IGNORECASE
)
_CONDITION = re.compile(
    r"(?<![\w'])(unless|except(?:\s+when|\s+where|\s+if|\s+for)?|only\s+if|only\s+when|if|when|whenever|"
    r"provided(?:\s+that)?|as\s+long\s+as|in\s+case|until)(?![\w'])",
    re.IGNORECASE,
)
_QUANTIFIER = re.compile(
    r"(?<![\w'])(all|every|each|any|some|most|many|few|several|only|sometimes|usually|often|rarely|none|"
    r"everyone|anyone|someone|no one|nobody)(?![\w'])",
    re.IGNORECASE,
)
# Text whose words are not the spec's own: code, quotations, link targets, footnote labels.
_NOT_PROSE = re.compile(r"`+[^`]*`+|\"[^\"\n]*\"|“[^”]*”|‘[^’]*’|\]\([^)]*\)|\[\^[^\]]*\]|<[^>\n]+>|https?://\S+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(\[*_]?[A-Z0-9])|(?<=;)\s+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Modal:
    """One obliging or permitting phrase, as written."""

    phrase: str
    polarity: int
    """+1 obliges or permits, -1 prohibits."""
    strength: int
    """1 may, 2 should, 3 must."""
    span: tuple[int, int] = field(default=(0, 0), compare=False, repr=False)
    """Where the phrase is in the text it was read from."""

    @property
    def obliges(self) -> bool:
        """True for obligations (should, must) and all prohibitions; false for permissions."""
        return self.polarity < 0 or self.strength >= OBLIGATION_STRENGTH


def prose(text: str) -> str:
    """``text`` with code spans, quotations, link targets and footnote labels blanked out."""
    return _NOT_PROSE.sub(lambda m: " " * len(m.group()), text)


def sentences(text: str) -> list[str]:
    """Cut text into sentences (and semicolon-separated clauses).

    >>> sentences("Be brief. Cite sources; never guess. e.g. this stays.")
    ['Be brief.', 'Cite sources;', 'never guess. e.g. this stays.']
    """
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def modals(text: str, *, capitals: bool = False) -> list[Modal]:
    """The obliging and permitting phrases of ``text``'s prose, in order."""
    found = []
    clean = prose(text).replace("’", "'")
    imperative = _IMPERATIVE_DO.match(clean)
    if imperative:
        found.append(Modal(text[imperative.start(1) : imperative.end(1)], 1, 3, imperative.span(1)))
    for match in _MODAL.finditer(clean):
        key = " ".join(match.group(1).lower().split())
        polarity, strength, rfc = _MEANING[key]
        if capitals and rfc and not match.group(1).isupper():
            continue
        found.append(Modal(" ".join(text[match.start(1) : match.end(1)].split()), polarity, strength, match.span(1)))
    return found


def modal_meaning(phrase: str) -> Modal | None:
    """The modal a phrase stands for, as :func:`modals` reads it.

    >>> modal_meaning("Should Not")
    Modal(phrase='Should Not', polarity=-1, strength=2)
    """
    found = modals(phrase)
    return found[0] if found else None


def polarity(text: str, *, capitals: bool = False) -> int:
    """+1 for an affirmative sentence, -1 for a negated one.

    Each prohibiting phrase and each negating word outside them turns it over:
    "must not share" and "must share nothing" are both negative.

    >>> polarity("The assistant may share it."), polarity("The assistant may not share it.")
    (1, -1)
    """
    outside = prose(text).replace("’", "'")
    sign = 1
    for modal in modals(text, capitals=capitals):
        sign *= modal.polarity
        start, end = modal.span
        outside = outside[:start] + " " * (end - start) + outside[end:]
    return sign * (-1 if len(_NEGATOR.findall(outside)) % 2 else 1)


def numbers(text: str) -> list[str]:
    """Numbers, in digits or words, of the prose of ``text``.

    >>> numbers("Within 14 days, twice a year, not [^k3f9] or https://x.org/v2.")
    ['14', 'twice']
    """
    return [n.lower() for n in _NUMBER.findall(prose(text))]


def conditions(text: str) -> list[str]:
    """Condition and exception words: unless, except, only if, if, when..."""
    return [" ".join(c.lower().split()) for c in _CONDITION.findall(prose(text))]


def quantifiers(text: str) -> list[str]:
    """Quantifier words (all, every, some, only...) outside condition phrases."""
    return [q.lower() for q in _QUANTIFIER.findall(_CONDITION.sub(" ", prose(text)))]


def words(text: str, *, capitals: bool = False) -> list[str]:
    """The words of ``text`` in lower case, for comparing wording.

    In a document that uses RFC 2119 capitals, a keyword keeps its case: "may"
    and "MAY" are different words there.
    """
    found = _WORD.findall(text.replace("’", "'"))
    if not capitals:
        return [w.lower() for w in found]
    return [w if w.isupper() and w.lower() in _RFC_WORDS else w.lower() for w in found]


_RFC_WORDS = {"must", "shall", "should", "may", "required", "recommended", "optional", "not"}


def uses_rfc2119_capitals(texts: Iterable[str]) -> bool:
    """Whether a document writes RFC 2119 keywords in capitals more often than not.

    The JSON Schema specification does (MUST, SHOULD, MAY); the OpenAI Model
    Spec writes "should" and "must" in lower case and keeps capitals for emphasis.
    """
    upper = lower = 0
    for text in texts:
        for match in _MODAL.finditer(prose(text)):
            key = " ".join(match.group(1).lower().split())
            if _MEANING[key][2]:
                if match.group(1).isupper():
                    upper += 1
                else:
                    lower += 1
    return upper > lower
