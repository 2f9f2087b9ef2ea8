"""Amendments in words, shared by the renderers and the review app: effects, output names, the
sentence an effect is about, the section an amendment belongs to and the lines it spans."""

from __future__ import annotations

from specdiff.model import Amendment, Clause, Effect, Section
from specdiff.nodes import node_name


def describe_effect(effect: Effect) -> str:
    """An effect in words: ``modality: should → must (strengthened)``."""
    if effect.type == "editorial":
        return "editorial: no normative change"
    if effect.type == "example":
        return "example changed"
    if effect.type == "unreadable":
        return f"unreadable: the file {effect.new}, so none of its rules can be compared (counted as breaking)"
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
