"""Pair the sections and clauses of two versions of a document.

The pairing a careful human would make, found in an order that puts the
strongest evidence first:

Sections
    1. the same explicit anchor (``{#privacy}``);
    2. the same heading text (leading numbers such as "4.2." aside), first under
       parents already paired, then anywhere if the heading is unique;
    3. a heading that keeps the other side's slug as its explicit anchor;
    4. content and place: a section whose heading changed is still the same
       section when most of its clauses (or subsections, footnotes, requirement
       IDs, links) survive, or when it sits between the same paired neighbours;
       then headings again, for children of sections paired by content.

Clauses
    1. identical normalized text (equal fingerprints); a fingerprint that
       occurs once on each side anchors the rest, as in patience diff;
    2. similar text (rapidfuzz, over word tokens), preferring the paired
       section and nearby position; a clause that changes section must be more
       alike to be paired than one that stays;
    3. in place: a clause reworded where another stood (same paired section and
       neighbours) when they share enough content words, rarer words counting more;
    4. splits and merges: an old clause whose words are spread over up to six
       adjacent new clauses (or the reverse) much better than over any single one,
       also when the parts gained text;
    5. moves: a paired clause is moved when its new section is not the pair of
       its old one, or when it left the order of the clauses around it.

Whatever is left is added or removed.

>>> from specdiff.parse import parse_document
>>> old = parse_document("# Rules {#rules}\\n\\nBe kind.\\n\\nAnswer in English.\\n", "a.md")
>>> new = parse_document("# House rules {#rules}\\n\\nAnswer in plain English.\\n\\nBe kind.\\n", "a.md")
>>> alignment = align_documents(old, new)
>>> [(m.old.heading, m.new.heading, m.by) for m in alignment.sections][1:]
[('Rules', 'House rules', 'anchor')]
>>> [(m.old[0].normalized, m.new[0].normalized, round(m.score, 2), m.moved) for m in alignment.clauses]
[('Answer in English.', 'Answer in plain English.', 0.89, False), ('Be kind.', 'Be kind.', 1.0, True)]

Front matter and the text before the first heading never pair across files.
Every threshold is named, with the reason for its value, in ``sections`` and ``clauses``.
"""

from __future__ import annotations

from specdiff.align.clauses import align_across_files, align_clauses
from specdiff.align.sections import align_sections, merged_sections, moved_sections
from specdiff.model import Alignment, Document

__all__ = ["align_across_files", "align_clauses", "align_documents", "align_sections"]


def align_documents(old: Document, new: Document) -> Alignment:
    """Pair the sections, then the clauses, of two versions of one document."""
    section_matches = align_sections(old.sections, new.sections)
    paired_old = {m.old.id for m in section_matches}
    paired_new = {m.new.id for m in section_matches}
    section_pairs = {m.old.id: m.new.id for m in section_matches}
    clause_matches, added, removed, warnings = align_clauses(old.clauses, new.clauses, section_pairs)
    removed_sections = [s for s in old.sections if s.id not in paired_old]
    return Alignment(
        sections=section_matches,
        added_sections=[s for s in new.sections if s.id not in paired_new],
        removed_sections=removed_sections,
        clauses=clause_matches,
        added=added,
        removed=removed,
        moved_sections=moved_sections(section_matches),
        merged_sections=merged_sections(removed_sections, clause_matches, new, section_matches),
        warnings=list(dict.fromkeys([*old.notes, *new.notes, *warnings])),  # what each parse could not read in detail
    )
