"""Pair the sections of two versions of a document: by anchor, heading text, then content."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from specdiff.align.text import longest_increasing, tokens, unique_index
from specdiff.model import ClauseMatch, Document, Section, SectionMatch

# -- section thresholds ----------------------------------------------------------

SECTION_CONTENT_MIN = 0.6
"""Share of content (clauses or subsections) that must survive for a section
whose heading changed to be the same section."""

SECTION_CONTENT_WITH_HEADING_MIN = 0.4
"""Lower content share accepted when the headings are also alike (below)."""

SECTION_HEADING_ALIKE = 0.6
"""Heading similarity (rapidfuzz token sort ratio, 0-1) that counts as alike."""

EMPTY_SECTION_HEADING_MIN = 0.8
"""Sections with no content at all can only be paired by a near-equal heading."""

MAX_SECTION_BODY_TOKENS = 3000
"""Section bodies are compared on their first tokens only; enough to recognise
a section, bounded for very long ones."""

_UNPAIRED = "\0unpaired"  # stands for the new id of a section that has no pair


def align_sections(old: Sequence[Section], new: Sequence[Section]) -> list[SectionMatch]:
    """Pair sections by anchor, then heading text, then content; in old order."""
    pairing = _SectionPairing(old, new)
    # The text before the first heading is always the same place.
    pairing.pair(old[0], new[0], 1.0, "anchor")
    pairing.pair_by_anchor()
    pairing.pair_by_heading()
    pairing.pair_by_content()
    # Content pairing may pair parents whose children can now pair by heading.
    pairing.pair_by_heading()
    return [pairing.pairs[i] for i in sorted(pairing.pairs)]


def _heading_key(section: Section) -> str:
    return " ".join(section.heading.lower().split()).rstrip(":.")


class _SectionPairing:
    """The state of pairing one document's sections, filled in stage by stage."""

    def __init__(self, old: Sequence[Section], new: Sequence[Section]) -> None:
        self.old = old
        self.new = new
        self.pairs: dict[int, SectionMatch] = {}  # old index -> match
        self.taken: set[int] = set()  # new indexes

    def pair(self, o: Section, n: Section, score: float, by: str) -> None:
        self.pairs[o.index] = SectionMatch(o, n, score, by)
        self.taken.add(n.index)

    def free(self) -> tuple[list[Section], list[Section]]:
        return [o for o in self.old if o.index not in self.pairs], [n for n in self.new if n.index not in self.taken]

    def pair_by_anchor(self) -> None:
        new_by_anchor = unique_index(self.new, lambda s: s.anchor)
        for o in self.old:
            n = new_by_anchor.get(o.anchor) if o.anchor else None
            if n is not None and o.index not in self.pairs and n.index not in self.taken:
                self.pair(o, n, 1.0, "anchor")

    def pair_by_heading(self) -> None:
        """Same heading under paired parents first, then same heading if unique."""
        new_parent_of: dict[str, str] = {}

        def parent_in_new(o: Section) -> str | None:
            # Top-level sections have no parent on either side; a parent that is not
            # paired has no place in the new document, so nothing can sit under it.
            return None if o.parent is None else new_parent_of.get(o.parent, _UNPAIRED)

        free_new_by_parent_and_heading: dict[tuple[str | None, str], list[Section]] = defaultdict(list)
        for n in self.free()[1]:
            free_new_by_parent_and_heading[(n.parent, _heading_key(n))].append(n)
        for o in self.old:
            if o.index in self.pairs:
                new_parent_of[o.id] = self.pairs[o.index].new.id
                continue
            candidates = free_new_by_parent_and_heading.get((parent_in_new(o), _heading_key(o)), [])
            candidates = [n for n in candidates if n.index not in self.taken]
            if candidates:
                self.pair(o, candidates[0], 1.0, "heading")
                new_parent_of[o.id] = candidates[0].id

        free_old, free_new = self.free()
        old_counts = Counter(_heading_key(o) for o in free_old)
        new_by_heading = unique_index(free_new, _heading_key)
        for o in free_old:
            key = _heading_key(o)
            namesake = new_by_heading.get(key)
            if namesake is not None and old_counts[key] == 1 and namesake.index not in self.taken:
                self.pair(o, namesake, 1.0, "heading")

    def pair_by_content(self) -> None:
        """Pair the remaining sections whose content mostly survives."""
        from rapidfuzz import fuzz, process
        from rapidfuzz.distance import Indel

        free_old, free_new = self.free()
        if not free_old or not free_new:
            return
        body_old = [tokens(" ".join(c.normalized for c in o.clauses))[:MAX_SECTION_BODY_TOKENS] for o in free_old]
        body_new = [tokens(" ".join(c.normalized for c in n.clauses))[:MAX_SECTION_BODY_TOKENS] for n in free_new]
        body_similarity = process.cdist(body_old, body_new, scorer=Indel.normalized_similarity, workers=-1)
        heading_similarity = process.cdist(
            [o.heading.lower() for o in free_old], [n.heading.lower() for n in free_new], scorer=fuzz.token_sort_ratio, workers=-1
        )
        children_old = _children(self.old)
        children_new = _children(self.new)
        new_id_of = {o.id: self.pairs[o.index].new.id for o in self.old if o.index in self.pairs}

        candidates = []
        for i, o in enumerate(free_old):
            fingerprints_old = Counter(c.fingerprint for c in o.clauses)
            for j, n in enumerate(free_new):
                heading = float(heading_similarity[i][j]) / 100
                content = _content_share(
                    fingerprints_old, n, float(body_similarity[i][j]), children_old[o.id], children_new[n.id], new_id_of
                )
                if content is None:
                    if heading >= EMPTY_SECTION_HEADING_MIN and o.level == n.level:
                        candidates.append((heading, i, j))
                elif content >= SECTION_CONTENT_MIN or (
                    content >= SECTION_CONTENT_WITH_HEADING_MIN and heading >= SECTION_HEADING_ALIKE
                ):
                    candidates.append((0.75 * content + 0.25 * heading, i, j))
        for score, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
            o, n = free_old[i], free_new[j]
            if o.index not in self.pairs and n.index not in self.taken:
                self.pair(o, n, round(score, 4), "content")


def _content_share(
    fingerprints_old: Counter[str],
    new_section: Section,
    body_similarity: float,
    old_children: set[str],
    new_children: set[str],
    new_id_of: dict[str, str],
) -> float | None:
    """How much of a section's content survives in a candidate; ``None`` if both are empty."""
    shares: list[float] = []
    if fingerprints_old or new_section.clauses:
        fingerprints_new = Counter(c.fingerprint for c in new_section.clauses)
        shared = sum((fingerprints_old & fingerprints_new).values())
        total = max(sum(fingerprints_old.values()), len(new_section.clauses))
        shares += [shared / total, body_similarity]
    if old_children or new_children:
        kept = sum(1 for child in old_children if new_id_of.get(child) in new_children)
        shares.append(kept / max(len(old_children), len(new_children)))
    return max(shares) if shares else None


def _children(sections: Sequence[Section]) -> dict[str, set[str]]:
    children: dict[str, set[str]] = defaultdict(set)
    for s in sections:
        if s.parent is not None:
            children[s.parent].add(s.id)
    return children


def merged_sections(removed: list[Section], matches: list[ClauseMatch], new: Document) -> dict[str, Section]:
    """Removed sections whose clauses mostly went into one new section, with that section."""
    new_section_of = {c.index: m.new[0].section for m in matches for c in m.old}
    sections_by_id = {s.id: s for s in new.sections}
    merged = {}
    for section in removed:
        destinations = Counter(new_section_of[c.index] for c in section.clauses if c.index in new_section_of)
        if destinations:
            target, count = destinations.most_common(1)[0]
            if count / len(section.clauses) >= SECTION_CONTENT_MIN:
                merged[section.id] = sections_by_id[target]
    return merged


def moved_sections(matches: list[SectionMatch]) -> set[str]:
    """Old ids of paired sections now under another parent, or out of order."""
    new_id_of = {m.old.id: m.new.id for m in matches}
    moved = {m.old.id for m in matches if m.old.parent is not None and new_id_of.get(m.old.parent) != m.new.parent}
    in_order = longest_increasing([m.new.index for m in matches])
    moved |= {m.old.id for k, m in enumerate(matches) if k not in in_order}
    return moved
