"""Pair the sections and clauses of two versions of a document.

The pairing a careful human would make, found in an order that puts the
strongest evidence first:

Sections
    1. the same explicit anchor (``{#privacy}``);
    2. the same heading text, first under parents already paired, then anywhere
       if the heading is unique;
    3. content: a section whose heading changed is still the same section when
       most of its clauses (or subsections) survive.

Clauses
    1. identical normalized text (equal fingerprints); a fingerprint that
       occurs once on each side anchors the rest, as in patience diff;
    2. similar text (rapidfuzz, over word tokens), preferring the paired
       section and nearby position; a clause that changes section must be more
       alike to be paired than one that stays;
    3. splits and merges: an old clause whose words are spread over several
       adjacent new clauses (or the reverse) much better than over any single one;
    4. moves: a paired clause is moved when its new section is not the pair of
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

Every threshold below is named, with the reason for its value.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from specdiff.model import Alignment, Clause, ClauseMatch, Document, Section, SectionMatch

# -- clause thresholds -----------------------------------------------------------

CLAUSE_SIMILARITY_MIN = 0.5
"""Least word similarity for two clauses of paired sections to count as one
clause reworded. Rewordings that keep the meaning keep 70-90 % of the words;
below one half a reader sees a new clause, not an edit."""

CLAUSE_MOVE_SIMILARITY_MIN = 0.7
"""Least similarity to pair clauses across unpaired sections (moved and
edited). Stricter, because boilerplate sentences recur in many sections."""

SHORT_CLAUSE_TOKENS = 12
SHORT_CLAUSE_MOVE_SIMILARITY_MIN = 0.85
"""Clauses of fewer than ``SHORT_CLAUSE_TOKENS`` words and marks need this
similarity to pair across sections: "This keyword's value MUST be an object."
and "... MUST be a valid JSON Schema." are 0.7 alike and in different places
of the JSON Schema spec, but they are not one sentence moved."""

MIN_MOVE_CHARS = 20
"""Clauses shorter than this (``[...]``, ``Example:``) are only paired within
their own section: pairing such boilerplate across sections would report
moves nobody made."""

SPLIT_MERGE_MIN = 0.75
"""Least similarity between a clause and the joined text of the parts it was
split into (or merged from)."""

SPLIT_MERGE_GAIN = 0.1
"""How much better the parts together must explain the clause than the best
single part, so that an edit next to an unrelated new clause is not a split
(at most half of what the single part leaves unexplained; see ``_explains_better``)."""

SPLIT_PART_COVERAGE = 0.6
"""Each part of a split or merge must take at least this share of its words
from the whole; an added sentence next to an edited one is not a part."""

MAX_PARTS = 4
"""Most parts a split or merge is searched for; real edits rarely exceed three."""

SAME_SECTION_BONUS = 0.05
"""Added to the similarity of candidates in paired sections, so that of two
equally similar candidates the one that stayed in place wins."""

MAX_SIMILARITY_CELLS = 4_000_000
"""Largest clause-by-clause similarity matrix computed at once (about 16 MB and
0.2 s). Beyond it, only clauses of paired sections are compared, and a warning
says so: thousands of near-identical list items must not hang a diff."""

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

_TOKEN = re.compile(r"\w+|[^\w\s]")
T = TypeVar("T")
K = TypeVar("K")
_UNPAIRED = "\0unpaired"  # stands for the new id of a section that has no pair


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
        moved_sections=_moved_sections(section_matches),
        merged_sections=_merged_sections(removed_sections, clause_matches, new),
        warnings=warnings,
    )


def align_across_files(removed: Sequence[Clause], added: Sequence[Clause]) -> list[ClauseMatch]:
    """Pair clauses removed from one file with clauses added to another: moves between files.

    The same rules as within a file: identical text first (if unique and not
    boilerplate), then similar text above the cross-section threshold.
    """
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    old_by_fp = _unique_index(removed, lambda c: c.fingerprint)
    new_by_fp = _unique_index(added, lambda c: c.fingerprint)
    matches = []
    for fp, o in old_by_fp.items():
        n = new_by_fp.get(fp)
        if n is not None and n.path != o.path and len(o.normalized) >= MIN_MOVE_CHARS:
            matches.append(ClauseMatch((o,), (n,), 1.0, moved=True))
    taken = {c for m in matches for c in m.old + m.new}
    free_old = [c for c in removed if c not in taken and len(c.normalized) >= MIN_MOVE_CHARS]
    free_new = [c for c in added if c not in taken and len(c.normalized) >= MIN_MOVE_CHARS]
    if free_old and free_new and len(free_old) * len(free_new) <= MAX_SIMILARITY_CELLS:
        tokens_old = [_tokens(c.normalized) for c in free_old]
        tokens_new = [_tokens(c.normalized) for c in free_new]
        matrix = process.cdist(
            tokens_old, tokens_new, scorer=Indel.normalized_similarity, score_cutoff=CLAUSE_MOVE_SIMILARITY_MIN, workers=-1
        )
        rows, columns = matrix.nonzero()
        candidates = []
        for r, c in zip(rows.tolist(), columns.tolist()):
            o, n = free_old[r], free_new[c]
            short = min(len(tokens_old[r]), len(tokens_new[c])) < SHORT_CLAUSE_TOKENS
            score = float(matrix[r][c])
            threshold = SHORT_CLAUSE_MOVE_SIMILARITY_MIN if short else CLAUSE_MOVE_SIMILARITY_MIN
            if o.path != n.path and (o.kind == "example") == (n.kind == "example") and score >= threshold:
                candidates.append((score, r, c))
        used_old: set[int] = set()
        used_new: set[int] = set()
        for score, r, c in sorted(candidates, key=lambda x: (-x[0], x[1], x[2])):
            if r not in used_old and c not in used_new:
                used_old.add(r)
                used_new.add(c)
                matches.append(ClauseMatch((free_old[r],), (free_new[c],), round(score, 4), moved=True))
    return matches


# -- sections ---------------------------------------------------------------------


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
        new_by_anchor = _unique_index(self.new, lambda s: s.anchor)
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

        free_old, free_new = self.free()
        old_counts = Counter(_heading_key(o) for o in free_old)
        new_by_heading = _unique_index(free_new, _heading_key)
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
        body_old = [_tokens(" ".join(c.normalized for c in o.clauses))[:MAX_SECTION_BODY_TOKENS] for o in free_old]
        body_new = [_tokens(" ".join(c.normalized for c in n.clauses))[:MAX_SECTION_BODY_TOKENS] for n in free_new]
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


def _merged_sections(removed: list[Section], matches: list[ClauseMatch], new: Document) -> dict[str, Section]:
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


def _moved_sections(matches: list[SectionMatch]) -> set[str]:
    """Old ids of paired sections now under another parent, or out of order."""
    new_id_of = {m.old.id: m.new.id for m in matches}
    moved = {m.old.id for m in matches if m.old.parent is not None and new_id_of.get(m.old.parent) != m.new.parent}
    in_order = _longest_increasing([m.new.index for m in matches])
    moved |= {m.old.id for k, m in enumerate(matches) if k not in in_order}
    return moved


# -- clauses ----------------------------------------------------------------------


def align_clauses(
    old: Sequence[Clause], new: Sequence[Clause], section_pairs: dict[str, str]
) -> tuple[list[ClauseMatch], list[Clause], list[Clause], list[str]]:
    """Pair clauses; return the matches, the added and removed clauses, and warnings.

    ``section_pairs`` maps old section ids to the ids of their new pairs.
    """
    pairing = _ClausePairing(old, new, section_pairs)
    pairing.pair_identical()
    pairing.pair_similar()
    pairing.find_splits_and_merges()
    return pairing.result()


class _ClausePairing:
    """The state of pairing one document's clauses, filled in stage by stage."""

    def __init__(self, old: Sequence[Clause], new: Sequence[Clause], section_pairs: dict[str, str]):
        self.old = list(old)
        self.new = list(new)
        self.section_pairs = section_pairs
        self.partner_of_old: dict[int, int] = {}  # 1:1 pairs, old index -> new index
        self.score_of_old: dict[int, float] = {}
        self.groups: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []  # splits and merges
        self.grouped_old: set[int] = set()
        self.grouped_new: set[int] = set()
        self.warnings: list[str] = []
        self._token_cache: dict[tuple[str, int], list[str]] = {}

    # helpers

    def same_place(self, o: int, n: int) -> bool:
        return self.section_pairs.get(self.old[o].section) == self.new[n].section

    def free_old(self) -> list[int]:
        return [i for i in range(len(self.old)) if i not in self.partner_of_old and i not in self.grouped_old]

    def free_new(self) -> list[int]:
        taken = set(self.partner_of_old.values()) | self.grouped_new
        return [j for j in range(len(self.new)) if j not in taken]

    def pair(self, o: int, n: int, score: float) -> None:
        self.partner_of_old[o] = n
        self.score_of_old[o] = score

    # 1. identical text

    def pair_identical(self) -> None:
        old_by_fp: dict[str, list[int]] = defaultdict(list)
        new_by_fp: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(self.old):
            old_by_fp[c.fingerprint].append(i)
        for j, c in enumerate(self.new):
            new_by_fp[c.fingerprint].append(j)
        for fp, olds in old_by_fp.items():
            news = new_by_fp.get(fp)
            if not news:
                continue
            if len(olds) == 1 and len(news) == 1:
                self.pair(olds[0], news[0], 1.0)
                continue
            # Repeated text: pair within paired sections in order, then the rest
            # in order if the text is long enough to be a real move.
            free_news = list(news)
            leftover = []
            for i in olds:
                home = next((j for j in free_news if self.same_place(i, j)), None)
                if home is None:
                    leftover.append(i)
                else:
                    free_news.remove(home)
                    self.pair(i, home, 1.0)
            if len(self.old[olds[0]].normalized) >= MIN_MOVE_CHARS:
                for i, j in zip(leftover, free_news):
                    self.pair(i, j, 1.0)

    # 2. similar text

    def tokens_old(self, i: int) -> list[str]:
        return self._tokens(("o", i), self.old[i])

    def tokens_new(self, j: int) -> list[str]:
        return self._tokens(("n", j), self.new[j])

    def _tokens(self, key: tuple[str, int], clause: Clause) -> list[str]:
        if key not in self._token_cache:
            self._token_cache[key] = _tokens(clause.normalized)
        return self._token_cache[key]

    def pair_similar(self) -> None:
        from rapidfuzz import process
        from rapidfuzz.distance import Indel

        free_old, free_new = self.free_old(), self.free_new()
        if not free_old or not free_new:
            return
        blocks = [(free_old, free_new)]
        if len(free_old) * len(free_new) > MAX_SIMILARITY_CELLS:
            blocks = self._blocks_by_section(free_old, free_new)
            self.warnings.append(
                f"{self.old[0].path}: {len(free_old)} changed clauses against {len(free_new)}; "
                "only clauses of paired sections were compared"
            )
        candidates: list[tuple[float, float, int, int]] = []
        cutoff = min(CLAUSE_SIMILARITY_MIN, CLAUSE_MOVE_SIMILARITY_MIN)
        for block_old, block_new in blocks:
            matrix = process.cdist(
                [self.tokens_old(i) for i in block_old],
                [self.tokens_new(j) for j in block_new],
                scorer=Indel.normalized_similarity,
                score_cutoff=cutoff,
                workers=-1,
            )
            rows, columns = matrix.nonzero()
            for r, c in zip(rows.tolist(), columns.tolist()):
                i, j = block_old[r], block_new[c]
                score = float(matrix[r][c])
                if (self.old[i].kind == "example") != (self.new[j].kind == "example"):
                    continue
                same_place = self.same_place(i, j)
                if score < (CLAUSE_SIMILARITY_MIN if same_place else self._move_threshold(i, j)):
                    continue
                if not same_place and min(len(self.old[i].normalized), len(self.new[j].normalized)) < MIN_MOVE_CHARS:
                    continue
                distance = abs(i / len(self.old) - j / len(self.new))
                candidates.append((score + (SAME_SECTION_BONUS if same_place else 0.0) - 0.01 * distance, score, i, j))
        taken: set[int] = set()
        for _, score, i, j in sorted(candidates, key=lambda c: (-c[0], c[2], c[3])):
            if i not in self.partner_of_old and j not in taken:
                self.pair(i, j, score)
                taken.add(j)

    def _move_threshold(self, i: int, j: int) -> float:
        short = min(len(self.tokens_old(i)), len(self.tokens_new(j))) < SHORT_CLAUSE_TOKENS
        return SHORT_CLAUSE_MOVE_SIMILARITY_MIN if short else CLAUSE_MOVE_SIMILARITY_MIN

    def _blocks_by_section(self, free_old: list[int], free_new: list[int]) -> list[tuple[list[int], list[int]]]:
        new_by_section: dict[str, list[int]] = defaultdict(list)
        for j in free_new:
            new_by_section[self.new[j].section].append(j)
        old_by_section: dict[str, list[int]] = defaultdict(list)
        for i in free_old:
            old_by_section[self.section_pairs.get(self.old[i].section, "")].append(i)
        blocks = []
        for section, olds in old_by_section.items():
            news = new_by_section.get(section, [])
            if olds and news:
                # Still too big (thousands of near-identical items in one section):
                # compare each clause with its neighbours by position only.
                if len(olds) * len(news) > MAX_SIMILARITY_CELLS:
                    window = max(1, MAX_SIMILARITY_CELLS // (2 * len(olds)))
                    for k, i in enumerate(olds):
                        centre = k * len(news) // len(olds)
                        blocks.append(([i], news[max(0, centre - window) : centre + window]))
                else:
                    blocks.append((olds, news))
        return blocks

    # 3. splits and merges

    def find_splits_and_merges(self) -> None:
        from rapidfuzz.distance import Indel

        new_partner = {n: o for o, n in self.partner_of_old.items()}
        # Splits: one old clause, several adjacent new ones.
        for i in range(len(self.old)):
            if i in self.grouped_old or self.score_of_old.get(i, 0.0) >= 1.0:
                continue
            current = self.score_of_old.get(i, 0.0)
            best = self._best_run(
                whole=self.tokens_old(i),
                around=self._expected_new_position(i),
                count=len(self.new),
                tokens=self.tokens_new,
                available=_free_or_with(i, new_partner, self.grouped_new),
                section=lambda j: self.new[j].section,
                scorer=Indel,
            )
            if best and _explains_better(best[0], current):
                score, run = best
                for j in run:
                    new_partner.pop(j, None)
                self.partner_of_old.pop(i, None)
                self.score_of_old.pop(i, None)
                self.groups.append(((i,), tuple(run), score))
                self.grouped_old.add(i)
                self.grouped_new.update(run)
        # Merges: several adjacent old clauses, one new one.
        old_partner = dict(self.partner_of_old)
        new_to_old = {n: o for o, n in old_partner.items()}
        for j in range(len(self.new)):
            if j in self.grouped_new:
                continue
            current = self.score_of_old.get(new_to_old[j], 0.0) if j in new_to_old else 0.0
            if current >= 1.0:
                continue
            partner = new_to_old.get(j)
            best = self._best_run(
                whole=self.tokens_new(j),
                around=self._expected_old_position(j, new_to_old),
                count=len(self.old),
                tokens=self.tokens_old,
                available=_free_or_with(j, old_partner, self.grouped_old),
                section=lambda i: self.old[i].section,
                scorer=Indel,
            )
            if best and _explains_better(best[0], current):
                score, run = best
                if partner is not None and partner not in run:
                    # The merge explains the new clause better than its old pair, which is set free.
                    self.partner_of_old.pop(partner, None)
                    self.score_of_old.pop(partner, None)
                for i in run:
                    old_partner.pop(i, None)
                    self.partner_of_old.pop(i, None)
                    self.score_of_old.pop(i, None)
                self.groups.append((tuple(run), (j,), score))
                self.grouped_old.update(run)
                self.grouped_new.add(j)

    def _expected_new_position(self, i: int) -> int:
        """Where old clause ``i`` would sit in the new document: its partner, or after its nearest paired predecessor."""
        if i in self.partner_of_old:
            return self.partner_of_old[i]
        for k in range(i - 1, -1, -1):
            if k in self.partner_of_old:
                return self.partner_of_old[k] + 1
        return 0

    def _expected_old_position(self, j: int, new_to_old: dict[int, int]) -> int:
        if j in new_to_old:
            return new_to_old[j]
        for k in range(j - 1, -1, -1):
            if k in new_to_old:
                return new_to_old[k] + 1
        return 0

    def _best_run(
        self,
        whole: list[str],
        around: int,
        count: int,
        tokens: Callable[[int], list[str]],
        available: Callable[[int], bool],
        section: Callable[[int], str],
        scorer: Any,
    ) -> tuple[float, list[int]] | None:
        """The best run of 2..MAX_PARTS available clauses of one section near ``around``.

        Clauses paired elsewhere are stepped over: when the paragraph between
        two merged ones moved away, the two were still neighbours to the editor.
        """
        window = [k for k in range(max(0, around - MAX_PARTS), min(count, around + MAX_PARTS + 1)) if available(k)]
        best = None
        for first in range(len(window)):
            run: list[int] = []
            for k in window[first : first + MAX_PARTS]:
                if run and section(k) != section(run[0]):
                    break
                run.append(k)
                if len(run) < 2:
                    continue
                joined = [t for part in run for t in tokens(part)]
                score = scorer.normalized_similarity(whole, joined)
                if best is not None and score <= best[0]:
                    continue
                if all(_coverage(tokens(part), whole, scorer) >= SPLIT_PART_COVERAGE for part in run):
                    best = (score, list(run))
        return best

    # 4. moves, and the result

    def result(self) -> tuple[list[ClauseMatch], list[Clause], list[Clause], list[str]]:
        in_order = self._in_order()
        matches = []
        for i, j in self.partner_of_old.items():
            moved = not self.same_place(i, j) or i not in in_order
            matches.append(ClauseMatch((self.old[i],), (self.new[j],), round(self.score_of_old[i], 4), moved))
        for olds, news, score in self.groups:
            moved = not self.same_place(olds[0], news[0])
            matches.append(
                ClauseMatch(tuple(self.old[i] for i in olds), tuple(self.new[j] for j in news), round(score, 4), moved)
            )
        matches.sort(key=lambda m: (m.new[0].index, m.old[0].index))
        added = [self.new[j] for j in self.free_new()]
        removed = [self.old[i] for i in self.free_old()]
        return matches, added, removed, self.warnings

    def _in_order(self) -> set[int]:
        """Old indexes of paired clauses that kept their order within their section."""
        by_section: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, j in self.partner_of_old.items():
            if self.same_place(i, j):
                by_section[self.old[i].section].append((i, j))
        kept: set[int] = set()
        for pairs in by_section.values():
            pairs.sort()
            in_order = _longest_increasing([j for _, j in pairs])
            kept.update(pairs[k][0] for k in in_order)
        return kept


def _explains_better(joined: float, single: float) -> bool:
    """Whether parts joined (score ``joined``) explain a clause better than its best single pair.

    The gain asked for shrinks as the single pair nears 1: when the first part
    of a split keeps 90 % of the words, the whole cannot gain 0.1 any more.
    """
    return joined >= SPLIT_MERGE_MIN and joined - single >= min(SPLIT_MERGE_GAIN, (1 - single) / 2)


def _free_or_with(owner: int, partner_of: dict[int, int], grouped: set[int]) -> Callable[[int], bool]:
    """Whether a clause may join ``owner``'s split or merge: not grouped yet, and paired with nothing or with it."""
    return lambda k: k not in grouped and partner_of.get(k, owner) == owner


def _coverage(part: list[str], whole: list[str], scorer: Any) -> float:
    """Share of ``part``'s tokens found, in order, in ``whole``."""
    if not part:
        return 0.0
    common = (len(part) + len(whole) - int(scorer.distance(part, whole))) / 2
    return common / len(part)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _unique_index(items: Iterable[T], key: Callable[[T], K | None]) -> dict[K, T]:
    """Map each key that occurs exactly once to its item."""
    keyed = [(key(item), item) for item in items]
    counts = Counter(k for k, _ in keyed)
    return {k: item for k, item in keyed if k is not None and counts[k] == 1}


def _longest_increasing(values: list[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence of ``values``.

    >>> sorted(_longest_increasing([0, 5, 1, 2, 3]))
    [0, 2, 3, 4]
    """
    tails: list[int] = []  # smallest tail value of an increasing run of each length
    tail_positions: list[int] = []
    previous = [-1] * len(values)
    for position, value in enumerate(values):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_positions.append(position)
        else:
            tails[k] = value
            tail_positions[k] = position
        previous[position] = tail_positions[k - 1] if k else -1
    kept: set[int] = set()
    position = tail_positions[-1] if tail_positions else -1
    while position != -1:
        kept.add(position)
        position = previous[position]
    return kept
