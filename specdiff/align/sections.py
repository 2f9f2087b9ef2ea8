"""Pair the sections of two versions of a document: by anchor, heading text, then content."""

from __future__ import annotations

import re
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Sequence
from functools import lru_cache

from specdiff.align.text import as_float32, as_symbols, longest_increasing, tokens, unique_index
from specdiff.lexicon import DATE
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

SECTION_CONTENT_IN_PLACE_MIN = 0.25
SECTION_HEADING_IN_PLACE_MIN = 0.5
"""A section renamed and rewritten at once keeps little text and half its
heading words; it is still the same section when it sits where the old one
sat: under the paired parent, between the same paired neighbours. There,
``SECTION_CONTENT_WITH_HEADING_MIN`` of its text is enough whatever the heading
("Picking ... Vocabularies" -> "Specifying ... Dialects": heading 0.45, body 0.45)."""

MAX_SECTIONS_SHARING_KEY = 20
"""A clause text or reference found in more new sections than this is
boilerplate, and is not used to find candidates."""

MIN_REFERENCES = 2
"""References carried over count as evidence only from this many on: one
shared link is a coincidence."""

MAX_SECTION_CELLS = 40_000
"""Up to this many old-by-new free sections (200 by 200) every pair is
compared; beyond, only pairs that share clauses, references, subsections,
a gap between paired neighbours or an alike heading."""

MAX_HEADING_CANDIDATES = 5
"""Most new sections compared with an old one for an alike heading alone (in big documents)."""

MAX_GAP_CANDIDATES = 50
"""Most new sections of one gap compared with each old section in it."""

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
    pairing.pair_by_kept_slug()
    pairing.pair_by_content()
    # Content pairing may pair parents whose children can now pair by heading, or
    # by content now that their parents are paired.
    pairing.pair_by_heading()
    pairing.pair_by_content()
    return [pairing.pairs[i] for i in sorted(pairing.pairs)]


_NUMBERING = re.compile(r"^(?:(?:section|appendix)\s+)?(?:\d{1,3}|[a-z](?=[.)]))(?:\.\d+)*[.):]?\s+(?=\S)")


def _unswapped(pairs: list[tuple[Section, Section]]) -> list[tuple[Section, Section]]:
    """Anchor pairs, with two anchors that swapped headings put back when the text went with the
    headings: "# Security {#IANA}" and "# IANA {#Security}" -> "# Security {#Security}" and "# IANA
    {#IANA}" (OpenMetrics fixed its anchors so) pair each section with its own heading; only the
    anchors changed. Where the text stayed with the anchors, the headings were swapped instead.

    >>> from specdiff.parse import parse_document
    >>> old = parse_document("# A {#b}\\n\\nx\\n\\n# B {#a}\\n\\ny\\n", "s.md").sections[1:]
    >>> new = parse_document("# A {#a}\\n\\nx\\n\\n# B {#b}\\n\\ny\\n", "s.md").sections[1:]
    >>> [(o.heading, n.heading) for o, n in _unswapped([(old[0], new[1]), (old[1], new[0])])]
    [('A', 'A'), ('B', 'B')]
    """
    by_key: dict[str, list[int]] = {}
    for k, (o, n) in enumerate(pairs):
        if _heading_key(o) != _heading_key(n):
            by_key.setdefault(_heading_key(n), []).append(k)
    result = list(pairs)
    for k, (o, n) in enumerate(pairs):
        key_o, key_n = _heading_key(o), _heading_key(n)
        if key_o == key_n:
            continue
        for j in by_key.get(key_o, []):
            other_old, other_new = result[j]
            if (
                j != k
                and _heading_key(other_old) == key_n
                and result[k] == (o, n)
                and other_new.level == o.level
                and _shared_clauses(o, other_new) > _shared_clauses(o, n)
            ):
                result[k], result[j] = (o, other_new), (other_old, n)
                break
    return result


def _shared_clauses(old: Section, new: Section) -> int:
    """How many clauses of ``old`` stand word for word in ``new``."""
    kept = {c.fingerprint for c in new.clauses}
    return sum(c.fingerprint in kept for c in old.clauses)


def _heading_key(section: Section) -> str:
    return heading_key(section.heading)


def _heading_gist(section: Section) -> frozenset[str]:
    return _gist_of_heading(section.heading)


def _gist_of_heading(heading: str) -> frozenset[str]:
    """The words that name a section's subject, each without its plural "s": "How does A2A work with
    MCP?" and "How A2A Works with MCP" say one thing, so a section whose heading alone was reworded, and
    whose body was rewritten, pairs when no other section says it (the empty set for a heading of fewer
    than two such words, which pairs nothing).

    >>> _gist_of_heading("How does A2A work with MCP?") == _gist_of_heading("How A2A Works with MCP")
    True
    >>> _gist_of_heading("Security Considerations") == _gist_of_heading("Privacy Considerations"), _gist_of_heading("Examples")
    (False, frozenset())
    """
    gist = frozenset(_PLURAL.sub("", w) for w in re.findall(r"[a-z0-9]+", heading_key(heading)) if w not in _HEADING_FILLER)
    return gist if len(gist) >= 2 else frozenset()


_HEADING_FILLER = frozenset("a an the of for to in on at with and or how what why when does do is are can".split())
_PLURAL = re.compile(r"(?<=\w{3})(?<!s)s$")


@lru_cache(maxsize=4096)
def heading_key(heading: str) -> str:
    """The heading as compared: case, spacing, code marks, a trailing colon and a leading number
    ("4.2.", "A.1") ignored.

    Renumbering is the most common edit of a heading and says nothing about
    which section is which; nor does setting a name in code (SARIF's "stack
    object" became "`stack` Object"). Remembered: walking a history, every commit
    asks again about the same few hundred headings (a millisecond a commit of the
    3,000-clause history benchmark).

    >>> heading_key("5.1. Bundle Refresh Hint") == heading_key("6.1 Bundle refresh hint:")
    True
    >>> heading_key("stack object") == heading_key("`stack` Object")
    True
    """
    return _NUMBERING.sub("", " ".join(_words_of(heading).split()).rstrip(":."))


def _words_of(heading: str) -> str:
    """A heading's words as compared, lower-case and without code marks; a heading that is only a
    date as the word "date": SARIF's drafts head their front page with the day they were written
    ("## 07 August 2025" -> "## 04 December 2025", its subsections kept), one heading renamed."""
    if DATE.fullmatch(heading.strip()):
        return "date"
    return heading.replace("`", "").lower()


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
        by_anchor = []
        for o in self.old:
            n = new_by_anchor.get(o.anchor) if o.anchor else None
            if n is not None and o.index not in self.pairs and n.index not in self.taken:
                by_anchor.append((o, n))
        for o, n in _unswapped(by_anchor):
            self.pair(o, n, 1.0, "anchor")

    def pair_by_kept_slug(self) -> None:
        """An explicit anchor that keeps the other side's slug, among sections not paired by heading.

        Renaming ``## Tide-Level`` to ``### Water height {#tide-level}``
        keeps every link to the section working: the author said it is the same.
        Only after heading pairing: an anchor ``{#dereferencing}`` added to
        "Moorings, Buoys and Fees" does not make it the old "Fees", which is
        still there.
        """
        free_old, free_new = self.free()
        new_by_slug = unique_index(free_new, lambda s: s.slug)
        new_by_anchor = unique_index(free_new, lambda s: s.anchor)
        for o in free_old:
            n = new_by_anchor.get(o.slug) if o.anchor is None else new_by_slug.get(o.anchor)
            if n is not None and n.index not in self.taken and (o.anchor is None) != (n.anchor is None):
                self.pair(o, n, 1.0, "anchor")

    def pair_by_heading(self) -> None:
        """Same heading under paired parents first, then same heading if unique."""
        new_parent_of: dict[str, str] = {}

        def parent_in_new(o: Section) -> str | None:
            # Top-level sections have no parent on either side; a parent that is not
            # paired has no place in the new document, so nothing can sit under it.
            return None if o.parent is None else new_parent_of.get(o.parent, _UNPAIRED)

        free_new_by_parent_and_heading: dict[tuple[str | None, str], deque[Section]] = defaultdict(deque)
        for n in self.free()[1]:
            free_new_by_parent_and_heading[(n.parent, _heading_key(n))].append(n)
        for o in self.old:
            if o.index in self.pairs:
                new_parent_of[o.id] = self.pairs[o.index].new.id
                continue
            candidates = free_new_by_parent_and_heading.get((parent_in_new(o), _heading_key(o)), deque())
            while candidates and candidates[0].index in self.taken:  # dropped once, not filtered per old
                candidates.popleft()  # section: 20,000 identical headings were quadratic (11 s)
            if candidates:
                self.pair(o, candidates[0], 1.0, "heading")
                new_parent_of[o.id] = candidates[0].id

        for key_of in (_heading_key, _heading_gist):
            free_old, free_new = self.free()
            old_counts = Counter(key_of(o) for o in free_old)
            new_by_heading = unique_index(free_new, key_of)
            for o in free_old:
                key = key_of(o)
                namesake = new_by_heading.get(key)
                if key and namesake is not None and old_counts[key] == 1 and namesake.index not in self.taken:
                    self.pair(o, namesake, 1.0, "heading")

    def pair_by_content(self) -> None:
        """Pair the remaining sections whose content mostly survives, or whose place and name say they are one.

        Evidence, strongest first: clauses kept word for word, subsections
        already paired, references carried over (footnotes, requirement IDs,
        links), body text alike; then the heading, and whether both sit under
        paired parents. Only pairs that share something are scored: comparing
        every free section with every other took 21.7 s on 1,000 renumbered
        sections.
        """
        from rapidfuzz.distance import Indel

        free_old, free_new = self.free()
        if not free_old or not free_new:
            return
        new_id_of = {o.id: self.pairs[o.index].new.id for o in self.old if o.index in self.pairs}
        evidence = _Evidence(free_old, free_new, self.old, self.new, new_id_of)
        bodies_old, bodies_new = as_symbols([_body(o) for o in free_old], [_body(n) for n in free_new])
        pairs = evidence.candidates()
        # Every pair compared: scores in single precision, as rapidfuzz's cdist gave them when it did this.
        every_pair = len(pairs) == len(free_old) * len(free_new)
        candidates = []
        for (i, j), heading in pairs.items():
            o, n = free_old[i], free_new[j]
            same_parent = (o.parent is None and n.parent is None) or (
                o.parent is not None and new_id_of.get(o.parent) == n.parent
            )
            if not (bodies_old[i] or bodies_new[j]):
                body = None
            else:
                # A body below the least content share that could admit this pair changes
                # nothing: rapidfuzz may stop early there (below the cut-off it answers 0).
                # The cut-off sits a hair lower so that single-precision rounding cannot cross it.
                least = _least_admitted_content(heading, same_parent and evidence.same_gap(i, j))
                body = Indel.normalized_similarity(bodies_old[i], bodies_new[j], score_cutoff=least - 1e-6)
                body = as_float32(body) if every_pair else body
            content = evidence.content(i, j, body)
            if content is None:
                admitted = heading >= EMPTY_SECTION_HEADING_MIN and o.level == n.level
                content = 0.0
            elif body is None and heading < SECTION_HEADING_IN_PLACE_MIN:
                # Only subsections in common: an empty "Fields" whose fields now
                # sit under a new "State" was dropped, not renamed.
                admitted = False
            else:
                admitted = (
                    content >= SECTION_CONTENT_MIN
                    or (content >= SECTION_CONTENT_WITH_HEADING_MIN and heading >= SECTION_HEADING_ALIKE)
                    or (
                        same_parent
                        and evidence.same_gap(i, j)
                        and (
                            content >= SECTION_CONTENT_WITH_HEADING_MIN
                            or (content >= SECTION_CONTENT_IN_PLACE_MIN and heading >= SECTION_HEADING_IN_PLACE_MIN)
                        )
                    )
                )
            if admitted:
                score = 0.6 * content + 0.25 * heading + 0.15 * same_parent
                candidates.append((score, i, j))
        for score, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
            o, n = free_old[i], free_new[j]
            if o.index not in self.pairs and n.index not in self.taken:
                self.pair(o, n, round(score, 4), "content")


def _least_admitted_content(heading: float, in_place: bool) -> float:
    """The least content share with which ``pair_by_content`` admits a pair of this heading similarity and place."""
    if in_place and heading >= SECTION_HEADING_IN_PLACE_MIN:
        return SECTION_CONTENT_IN_PLACE_MIN
    if in_place or heading >= SECTION_HEADING_ALIKE:
        return SECTION_CONTENT_WITH_HEADING_MIN
    return SECTION_CONTENT_MIN


def _body(section: Section) -> list[str]:
    return tokens(" ".join(c.normalized for c in section.clauses))[:MAX_SECTION_BODY_TOKENS]


class _Evidence:
    """What each free old section shares with each free new one, found through indexes, not by trying every pair."""

    def __init__(
        self,
        free_old: list[Section],
        free_new: list[Section],
        old: Sequence[Section],
        new: Sequence[Section],
        new_id_of: dict[str, str],
    ) -> None:
        self.free_old = free_old
        self.free_new = free_new
        self.shared: Counter[tuple[int, int]] = Counter()  # clauses kept word for word
        self.kept_children: Counter[tuple[int, int]] = Counter()
        self.shared_refs: Counter[tuple[int, int]] = Counter()
        position_new = {n.id: j for j, n in enumerate(free_new)}
        self._count_shared(
            [Counter(c.fingerprint for c in o.clauses) for o in free_old],
            [Counter(c.fingerprint for c in n.clauses) for n in free_new],
            self.shared,
        )
        self.refs_old = [Counter(_references(o)) for o in free_old]
        self.refs_new = [Counter(_references(n)) for n in free_new]
        self._count_shared(self.refs_old, self.refs_new, self.shared_refs)
        self.children_old = _children(old)
        self.children_new = _children(new)
        parent_in_new = {s.id: s.parent for s in new}
        for i, o in enumerate(free_old):
            for child in self.children_old[o.id]:
                new_parent = parent_in_new.get(new_id_of.get(child, _UNPAIRED))
                if new_parent in position_new:
                    self.kept_children[(i, position_new[new_parent])] += 1
        self.gap_old = _gaps(old, free_old, lambda s: new_id_of.get(s.id))
        new_paired = set(new_id_of.values())
        self.gap_new = _gaps(new, free_new, lambda s: s.id if s.id in new_paired else None)
        self.in_gap_old: dict[tuple[str | None, str | None], list[int]] = defaultdict(list)
        self.in_gap_new: dict[tuple[str | None, str | None], list[int]] = defaultdict(list)
        for i, gap in enumerate(self.gap_old):
            self.in_gap_old[gap].append(i)
        for j, gap in enumerate(self.gap_new):
            self.in_gap_new[gap].append(j)

    @staticmethod
    def _count_shared(old: list[Counter[str]], new: list[Counter[str]], into: Counter[tuple[int, int]]) -> None:
        """Add up, for each pair that shares any key, how many keys they share (with multiplicity)."""
        where: dict[str, list[int]] = defaultdict(list)
        for j, keys in enumerate(new):
            for key in keys:
                where[key].append(j)
        for i, keys in enumerate(old):
            for key, count in keys.items():
                holders = where.get(key, ())
                if len(holders) > MAX_SECTIONS_SHARING_KEY:
                    continue  # boilerplate ("Example:", "[...]") says nothing about which section is which
                for j in holders:
                    into[(i, j)] += min(count, new[j][key])

    def candidates(self) -> dict[tuple[int, int], float]:
        """Pairs worth scoring, with their heading similarity (0-1)."""
        from rapidfuzz import fuzz, process

        pairs = set(self.shared) | set(self.kept_children) | set(self.shared_refs)
        pairs |= {(i, j) for i in range(len(self.free_old)) for j in self.same_gap_new(i)}
        if len(self.free_old) * len(self.free_new) <= MAX_SECTION_CELLS:
            # Small enough to compare everything: a rewritten body may share no clause at all.
            pairs |= {(i, j) for i in range(len(self.free_old)) for j in range(len(self.free_new))}
        else:
            # Each old section's few most alike headings (ties: the first in order): in a list
            # of numbered rules every heading is 0.6 alike to every other.
            headings = [_words_of(n.heading) for n in self.free_new]
            for i, o in enumerate(self.free_old):
                alike = process.extract(
                    _words_of(o.heading),
                    headings,
                    scorer=fuzz.token_sort_ratio,
                    score_cutoff=100 * SECTION_HEADING_ALIKE,
                    limit=MAX_HEADING_CANDIDATES,
                )
                pairs |= {(i, j) for _, _, j in alike}
        return {
            (i, j): fuzz.token_sort_ratio(_words_of(self.free_old[i].heading), _words_of(self.free_new[j].heading)) / 100
            for i, j in pairs
        }

    def content(self, i: int, j: int, body: float | None) -> float | None:
        """How much of old section ``i`` survives in new section ``j``; ``None`` when both hold nothing."""
        o, n = self.free_old[i], self.free_new[j]
        shares: list[float] = []
        if body is not None:
            shares += [self.shared[(i, j)] / max(len(o.clauses), len(n.clauses)), body]
        children = max(len(self.children_old[o.id]), len(self.children_new[n.id]))
        if children:
            shares.append(self.kept_children[(i, j)] / children)
        references = max(sum(self.refs_old[i].values()), sum(self.refs_new[j].values()))
        if references >= MIN_REFERENCES:
            shares.append(self.shared_refs[(i, j)] / references)
        return max(shares) if shares else None

    def same_gap(self, i: int, j: int) -> bool:
        return self.gap_old[i] == self.gap_new[j]

    def same_gap_new(self, i: int) -> list[int]:
        """The new sections in old section ``i``'s gap, those at about its rank in the gap first."""
        olds, news = self.in_gap_old[self.gap_old[i]], self.in_gap_new[self.gap_old[i]]
        if len(news) <= MAX_GAP_CANDIDATES:
            return news
        centre = olds.index(i) * len(news) // len(olds)
        half = MAX_GAP_CANDIDATES // 2
        return news[max(0, centre - half) : centre + half]


def _references(section: Section) -> list[str]:
    """What a section's text points to, which survives rewording: footnotes, requirement IDs, links."""
    return [f"^{f}" for c in section.clauses for f in c.footnotes] + [
        ref for c in section.clauses for ref in (*c.requirements, *c.links)
    ]


def _gaps(
    sections: Sequence[Section], free: list[Section], partner: Callable[[Section], str | None]
) -> list[tuple[str | None, str | None]]:
    """For each free section, the paired sections just before and after it (by their new id): the gap it sits in."""
    free_ids = {s.id for s in free}
    before: dict[str, str | None] = {}
    last: str | None = None
    for s in sections:
        if s.id in free_ids:
            before[s.id] = last
        else:
            last = partner(s) or last
    after: dict[str, str | None] = {}
    following: str | None = None
    for s in reversed(sections):
        if s.id in free_ids:
            after[s.id] = following
        else:
            following = partner(s) or following
    return [(before[s.id], after[s.id]) for s in free]


def _children(sections: Sequence[Section]) -> dict[str, set[str]]:
    children: dict[str, set[str]] = defaultdict(set)
    for s in sections:
        if s.parent is not None:
            children[s.parent].add(s.id)
    return children


def merged_sections(
    removed: list[Section], matches: list[ClauseMatch], new: Document, section_matches: list[SectionMatch]
) -> dict[str, Section]:
    """Removed sections whose content mostly went into one new section, with that section.

    Content is its clauses and its subsections: a top section with one
    paragraph, which moved into a sibling, and five subsections, which now sit
    under that sibling, was merged into it (a real Model Spec release).
    """
    if not removed:
        return {}  # most revisions remove no section: no need to index every clause
    new_section_of = {c.index: m.new[0].section for m in matches for c in m.old}
    new_parent_of = {m.old.id: m.new.parent for m in section_matches}
    children: dict[str, list[str]] = defaultdict(list)
    for m in section_matches:
        if m.old.parent is not None:
            children[m.old.parent].append(m.old.id)
    sections_by_id = {s.id: s for s in new.sections}
    merged = {}
    for section in removed:
        destinations = Counter(new_section_of[c.index] for c in section.clauses if c.index in new_section_of)
        destinations.update(p for child in children[section.id] if (p := new_parent_of[child]) is not None)
        # Subsections that were removed too count against a merge, as removed clauses do.
        total = len(section.clauses) + sum(1 for s in removed if s.parent == section.id) + len(children[section.id])
        if destinations:
            target, count = destinations.most_common(1)[0]
            if count / total >= SECTION_CONTENT_MIN:
                merged[section.id] = sections_by_id[target]
    return merged


def moved_sections(matches: list[SectionMatch]) -> set[str]:
    """Old ids of paired sections now under another parent, or out of order.

    A heading inserted above sections that keep their level and their order ("Text format"
    turned from a line of text into a heading over "ABNF", "Overall Structure" ...) gives
    them a new parent, but moves none of them. Order is read among the sections that kept
    their parent.
    """
    new_id_of = {m.old.id: m.new.id for m in matches}
    paired_new = set(new_id_of.values())
    parents_new = {m.new.parent for m in matches if m.old.parent is None and m.old.level}
    # A title added above every top-level section (or dropped) moves nothing.
    wrapper = next(iter(parents_new)) if len(parents_new) == 1 else None
    moved = {
        m.old.id
        for m in matches
        if m.old.level
        and new_id_of.get(m.old.parent or "") != m.new.parent
        and not (m.old.parent is None and m.new.parent == wrapper)
        and not (m.new.parent is not None and m.new.parent not in paired_new and m.old.level == m.new.level)
    }
    # Out of order among those that kept their parent: one that went under another parent moved already,
    # and is no reason to move the rest (SCITT made "### Cryptographic Agility" a section of its own
    # before "## Threat Model", its old parent, which read as moved too).
    staying = [m for m in matches if m.old.id not in moved]
    in_order = longest_increasing([m.new.index for m in staying])
    moved |= {m.old.id for k, m in enumerate(staying) if k not in in_order}
    return moved
