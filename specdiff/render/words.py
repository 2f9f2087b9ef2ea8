"""Amendments in words, shared by the renderers and the review app: effects, output names, the
sentence an effect is about, the section an amendment belongs to and the lines it spans."""

from __future__ import annotations

from specdiff.model import Amendment, Clause, Effect, Section
from specdiff.nodes import node_name


def describe_effect(effect: Effect) -> str:
    """An effect in words: ``modality: should → must (strengthened)``.

    >>> describe_effect(Effect("wording", None, "non-empty", "narrowed"))
    'wording: — → non-empty (narrowed, worth a read)'
    """
    if effect.type == "editorial":
        return "editorial: no normative change"
    if effect.type == "example":
        return "example changed"
    if effect.type == "unreadable":
        return f"unreadable: the file {effect.new}, so none of its rules can be compared (counted as breaking)"
    if effect.type == "wording" and effect.direction == "reversed":
        return f"reworded: asks the opposite: {effect.old} → {effect.new}"
    if effect.type == "wording" and effect.direction:
        # words only added to (or taken from) what a rule asks: say which, since they decide the grade
        return f"wording: {effect.old or '—'} → {effect.new or '—'} ({effect.direction}, worth a read)"
    if effect.type == "wording":
        return "reworded: no obligation, number or condition changed (worth a read)"
    change = f"{effect.old or '—'} → {effect.new or '—'}"
    if effect.type == "modality" and (effect.old is None or effect.new is None):
        phrase = effect.new or effect.old or ""
        rule = "obligation" if effect.new_obliges or effect.old_obliges else "permission"
        change = f"{rule} {'added' if effect.old is None else 'removed'}: {phrase}"
    direction = f" ({effect.direction})" if effect.direction else ""
    return f"{effect.type}: {change}{direction}"


def shorten(text: str, limit: int) -> str:
    """``text``, or as many of its first words as fit in ``limit`` characters, then " …".

    >>> shorten("Holds wait seven days at the desk.", 20)
    'Holds wait seven …'
    """
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def counted(n: int, noun: str) -> str:
    """``n`` and the noun, plural unless there is one.

    >>> counted(1, "amendment"), counted(3, "eval"), counted(0, "more link")
    ('1 amendment', '3 evals', '0 more links')
    """
    return f"{n} {noun}{'' if n == 1 else 's'}"


def kind_label(amendment: Amendment) -> str:
    """What an amendment did, as a heading names it: ``modified``, or ``renamed section`` for a section."""
    return f"{amendment.kind} section" if amendment.unit == "section" else amendment.kind


def trim_context(piece: str, *, first: bool, last: bool, context: int, whole: int) -> str:
    """Cut a long unchanged run of a word diff down to the ``context`` words next to the changes
    around it (none before the first change, none after the last). A text with no change at all
    (``first`` and ``last``: a move) is cut like an added clause, to ``whole`` characters.

    >>> trim_context("a b c d e f g h i j k l m n o p", first=True, last=False, context=3, whole=40)
    '… n o p'
    >>> trim_context("a b c d e f g h i j k l m n o p", first=False, last=False, context=3, whole=40)
    'a b c … n o p'
    """
    if first and last:
        return shorten(piece, whole)
    words = piece.split(" ")
    head = [] if first else words[:context]  # context after the previous change
    tail = [] if last else words[-context:]  # context before the next change
    if len(words) <= len(head) + len(tail) + 1:
        return piece
    return " ".join(head) + (" … " if head and tail else " …" if head else "… ") + " ".join(tail)


def output_name(node: str) -> str:
    """An output node as a person reads it: its path, and the case of an eval suite."""
    return node_name(node)


def which_sentence(effect: Effect, amendment: Amendment) -> str:
    """``in "…"``, naming the sentence an effect is about when the clause has several."""
    whole = " ".join(item.normalized for item in (amendment.new or amendment.old) if isinstance(item, Clause))
    if not effect.sentence or effect.sentence.strip() == whole.strip():
        return ""
    return f' in "{shorten(effect.sentence, 60)}"'


def section_of(amendment: Amendment) -> tuple[str, str]:
    """``(heading, id)`` of the section to list an amendment under: where it now is, or where it was."""
    item = (amendment.new or amendment.old)[0]
    if isinstance(item, Section):
        return item.heading, item.id
    return item.heading, item.section


def lines_of(side: tuple[Clause | Section, ...]) -> str:
    """The source lines one side of an amendment spans: ``L75``, ``L75–76``; a section by its heading line."""
    first, last = side[0].lines[0], side[-1].lines[1]
    if isinstance(side[0], Section) or first == last:
        return f"L{first}"
    return f"L{first}–{last}"


def where(amendment: Amendment) -> str:
    """Lines of each side: ``L75–76``, ``L134–137 → L135–138``, ``new L93``, ``old L12``."""
    if not amendment.old:
        return f"new {lines_of(amendment.new)}"
    if not amendment.new:
        return f"old {lines_of(amendment.old)}"
    before, after = lines_of(amendment.old), lines_of(amendment.new)
    return before if before == after else f"{before} → {after}"


def moved_from(amendment: Amendment) -> str | None:
    """Where a clause came from, when it now sits in another file (``spec/a.md § Fines``) or was
    moved to another section (``§ Fines``). A clause whose section was renamed did not move."""
    if not amendment.old or not amendment.new:
        return None
    old, new = amendment.old[0], amendment.new[0]
    if not isinstance(old, Clause) or not isinstance(new, Clause):
        return None
    if old.path != new.path:
        return f"{old.path} § {old.heading or 'top of file'}"
    if amendment.kind == "moved" and old.section != new.section:
        return f"§ {old.heading or 'top of file'}"
    return None
