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
       its old one (a clause under an inserted heading belongs to the section the
       heading cut in two; one whose heading was deleted, to the section above,
       which took it), or when it left the order of the clauses around it (of an
       unchanged clause and an edited one swapped, the edited one moved: it is
       an amendment anyway).

Whatever is left is added or removed.

>>> from specdiff.parse import parse_document
>>> old = parse_document("# Rules {#rules}\\n\\nBe kind.\\n\\nAnswer in English.\\n", "a.md")
>>> new = parse_document("# House rules {#rules}\\n\\nAnswer in plain English.\\n\\nBe kind.\\n", "a.md")
>>> alignment = align_documents(old, new)
>>> [(m.old.heading, m.new.heading, m.by) for m in alignment.sections][1:]
[('Rules', 'House rules', 'anchor')]
>>> [(m.old[0].normalized, m.new[0].normalized, round(m.score, 2), m.moved) for m in alignment.clauses]
[('Answer in English.', 'Answer in plain English.', 0.89, True), ('Be kind.', 'Be kind.', 1.0, False)]

Sections paired with the same id and the same clauses, word for word, are
paired clause by clause in place; only the others go through the clause stages.

Front matter and the text before the first heading never pair across files.
Every threshold is named, with the reason for its value, in ``sections`` and ``clauses``.
"""

from __future__ import annotations

import operator

from specdiff.align.clauses import Hosts, align_across_files, align_clauses
from specdiff.align.sections import align_sections, merged_sections, moved_sections
from specdiff.model import Alignment, Clause, ClauseMatch, Document, Section, SectionMatch

__all__ = ["align_across_files", "align_clauses", "align_documents", "align_sections"]


def align_documents(old: Document, new: Document) -> Alignment:
    """Pair the sections, then the clauses, of two versions of one document."""
    section_matches = align_sections(old.sections, new.sections)
    paired_old = {m.old.id for m in section_matches}
    paired_new = {m.new.id for m in section_matches}
    section_pairs = {m.old.id: m.new.id for m in section_matches}
    unchanged = _unchanged_sections(old, new, section_matches)
    hosts = Hosts(inserted=hosts_of_unpaired(new, paired_new), deleted=hosts_of_unpaired(old, paired_old))
    if unchanged:
        clause_matches, added, removed, warnings = _align_changed_sections(old, new, section_pairs, unchanged, hosts)
    else:
        clause_matches, added, removed, warnings = align_clauses(old.clauses, new.clauses, section_pairs, hosts)
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


def _unchanged_sections(old: Document, new: Document, matches: list[SectionMatch]) -> list[SectionMatch]:
    """The pairs of sections whose clauses pair one to one with their twins, in place, whatever the rest did.

    Such a pair keeps its id and its clauses, word for word and in order, and
    no clause of it says word for word what a clause of a changed section says.
    ``align_clauses`` pairs identical text first, within paired sections and in
    order, and never takes a clause paired word for word into a split, a merge
    or another pairing. Text repeated elsewhere ("[...]" in three sections) is
    left to it: a copy that is unique among the changed clauses alone would
    pair across sections where the whole document has several. The id must be
    the same too: the clause aligner weighs words over the sections that hold
    changed clauses, found by id.
    """
    unchanged = {id(m): m for m in matches if _same_clauses(m)}
    kept = {id(s) for m in unchanged.values() for s in (m.old, m.new)}
    changed_texts = {c.fingerprint for s in (*old.sections, *new.sections) if id(s) not in kept for c in s.clauses}
    while True:
        sharing = [k for k, m in unchanged.items() if not changed_texts.isdisjoint(map(_FINGERPRINT, m.new.clauses))]
        if not sharing:
            return list(unchanged.values())
        for k in sharing:
            changed_texts.update(c.fingerprint for c in unchanged.pop(k).new.clauses)


def _same_clauses(match: SectionMatch) -> bool:
    """Whether a pair of sections keeps its id and its clauses, word for word and in order."""
    old, new = match.old, match.new
    if old.id != new.id or len(old.clauses) != len(new.clauses):
        return False
    # (the same clauses, or the same text parsed again at other lines: `==` would compare every field)
    return all(map(operator.is_, old.clauses, new.clauses)) or list(map(_FINGERPRINT, old.clauses)) == list(
        map(_FINGERPRINT, new.clauses)
    )


_FINGERPRINT = operator.attrgetter("fingerprint")


def hosts_of_unpaired(document: Document, paired: set[str]) -> dict[str, str]:
    """Each section of ``document`` left unpaired with the paired section just above it.

    In the new version that is the section an inserted heading cut in two: "Clients MUST retry.
    Servers MUST log." under "## Errors" gaining "### Logging" between its two rules, "Servers
    MUST log." sits under the new heading, where it sat, not moved. In the old version it is the
    section that took the clauses of a deleted heading: a file losing its title, the text under
    the title now stands before the first heading, where it stood.
    """
    hosts: dict[str, str] = {}
    host: str | None = None
    for section in document.sections:
        if section.id in paired:
            host = section.id
        elif host is not None:
            hosts[section.id] = host
    return hosts


def _align_changed_sections(
    old: Document,
    new: Document,
    section_pairs: dict[str, str],
    unchanged: list[SectionMatch],
    hosts: Hosts,
) -> tuple[list[ClauseMatch], list[Clause], list[Clause], list[str]]:
    """``align_clauses`` over the clauses of the sections that changed; the unchanged ones paired in place.

    Walking a history, a commit changes a clause or two and leaves most sections
    as they were: on the 3,000-clause history benchmark, aligning every clause took
    20 ms a commit, this 3.7 ms. The matches come in new order, as ``align_clauses``
    gives them.

    One thing differs from aligning every clause: the positions that break ties
    (how near a candidate sits, the clauses searched for the parts of a split) are
    counted over the changed sections alone, as if they were adjacent. Where two
    candidates are equally good, another may win: of 1,296 consecutive file versions
    (the last 200 commits of nine real histories and of the benchmark's), two paired
    otherwise (toml's README: a table-of-contents entry equally like two others; JSON
    Schema core: a split found in another copy of a repeated block of examples).
    """
    kept_old = {id(m.old) for m in unchanged}
    twin_of_new = {id(m.new): m.old for m in unchanged}
    changed_old = [c for s in old.sections if id(s) not in kept_old for c in s.clauses]
    changed_new = [c for s in new.sections if id(s) not in twin_of_new for c in s.clauses]
    changed, added, removed, warnings = align_clauses(changed_old, changed_new, section_pairs, hosts)
    matches: list[ClauseMatch] = []
    k = 0
    for section in new.sections:
        twin = twin_of_new.get(id(section))
        if twin is None or not section.clauses:
            continue
        first = section.clauses[0].index
        while k < len(changed) and changed[k].new[0].index < first:
            matches.append(changed[k])
            k += 1
        matches += _in_place_matches.of(twin, section)
    return matches + changed[k:], added, removed, warnings


IN_PLACE_KEPT = 20_000
"""Matches of a clause with itself kept for the next alignment, at most (about 5 MB, and they keep
their clauses alive: past ``parse``'s own 16,384 remembered clauses, those too)."""


class _InPlaceMatches:
    """The matches of unchanged sections' clauses with their twins, kept from one alignment to the next.

    A clause parsed again at the same place is the same object (``parse``), and its
    match with itself is the same match: kept for a whole section, by its clauses'
    ``id()`` (the matches hold the clauses, so no id is reused while they are kept).
    Building 3,000 matches took 5 ms a commit of the history benchmark; finding them
    clause by clause, 2 ms.
    """

    def __init__(self) -> None:
        self._by_ids: dict[tuple[int, ...], list[ClauseMatch]] = {}
        self._kept = 0

    def of(self, old: Section, new: Section) -> list[ClauseMatch]:
        """The matches of ``old``'s clauses with ``new``'s, in order: one for one, word for word."""
        if not all(map(operator.is_, old.clauses, new.clauses)):  # the same text, parsed apart (its lines moved)
            return [ClauseMatch((o,), (n,), 1.0) for o, n in zip(old.clauses, new.clauses)]
        key = tuple(map(id, new.clauses))
        matches = self._by_ids.get(key)
        if matches is None:
            matches = self._by_ids[key] = [ClauseMatch((c,), (c,), 1.0) for c in new.clauses]
            self._kept += len(matches)
            while self._kept > IN_PLACE_KEPT and len(self._by_ids) > 1:
                self._kept -= len(self._by_ids.pop(next(iter(self._by_ids))))
        return matches

    def clear(self) -> None:
        self._by_ids.clear()
        self._kept = 0


_in_place_matches = _InPlaceMatches()
