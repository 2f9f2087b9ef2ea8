"""Pair the clauses of two versions of a document: identical, similar, split or merged, moved."""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from specdiff.align.text import (
    Block,
    SymbolCode,
    as_symbols,
    best_first,
    content_words,
    heaviest_increasing,
    longest_increasing,
    similar_pairs,
    tokens,
    unique_index,
)
from specdiff.model import PROSE_KINDS, Clause, ClauseMatch
from specdiff.parse import markup_only, only_link_definitions

PREAMBLE = ""
"""Section id of the text before a document's first heading."""

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

TIGHT_PART_COVERAGE = 0.7
TIGHT_PART_TOKENS = 8
"""A part of at least this many tokens, this much inside the whole, is surely a part (see ``_tight``)."""

CUT_DOWN_TOKENS = 12
CUT_DOWN_ACROSS_FILES_TOKENS = 6
CUT_DOWN_COVERAGE = 0.9
CUT_DOWN_GROWTH = 2.5
CUT_DOWN_MAX_CELLS = 10_000
"""A clause left unpaired that holds, in order, at least ``CUT_DOWN_COVERAGE`` of the words and
marks of an unpaired clause of ``CUT_DOWN_TOKENS`` words or more, and is at most ``CUT_DOWN_GROWTH``
times as long, is that clause cut down or grown (see ``pair_cut_down``); tried when at most
``CUT_DOWN_MAX_CELLS`` pairs, and ``MAX_SIMILARITY_WORK`` tokens times tokens, are left to score.
Between files ``CUT_DOWN_ACROSS_FILES_TOKENS`` words are enough: A2A moved "- An abstract describing
the extension's purpose" into a new governance page as "... purpose or the binding's transport and use
case", and OpenAPI its list of "* within the [info object](...)" items into a page of its own. Within
a file a short clause grown reads as another one too often (two steps titled alike, TUF's "Verify the
desired target ...", paired across the document)."""

GROWN_SPLIT_COVERAGE = 0.85
GROWN_SPLIT_PART_SHARE = 0.2
GROWN_SPLIT_OVERLAP = 1.25
GROWN_SPLIT_GAIN = 0.2
GROWN_SPLIT_MIN_TOKENS = 12
"""A split whose parts gained text (see ``_grown_split``): the parts together hold 85 % of the
old clause's words, in order; each holds a fifth of them, mostly not the same ones (their
shares add up to at most 1.25 times what they hold together), and together they hold a
fifth more than the best single part (a tenth, when another part is old text word for word).
Clauses under 12 tokens are too short to judge."""

MOVED_TEXT_MIN_WORDS = 8
"""Fewest words a clause must have to join a changed pair, merged into it or split from it, from
wherever it stood (``gather_text_moved_between_pairs``): a shorter run of words may stand anywhere."""
MAX_MOVED_TEXT_CHECKS = 200_000
"""Pairs times unpaired clauses tried by ``gather_text_moved_between_pairs``, at most."""

WORD_MEASURE_MIN_WORDS = 12
"""Fewest words a clause split or merged must have to be measured by its words alone (see
``find_splits_and_merges``): below it, a part of one word more or less is most of the whole."""

MAX_PARTS = 6
"""Most parts a split or merge is searched for: real edits rarely exceed three,
but a list item restructured into a parent and nested items makes five (semver)."""

SAME_SECTION_BONUS = 0.05
"""Added to the similarity of candidates in paired sections, so that of two
equally similar candidates the one that stayed in place wins."""

RESHAPED_ROW_PENALTY = 0.1
"""Taken from the similarity of a table row and a row of another section with
another number of cells, so that a row of its own table wins: a row moved to
another table keeps its columns, unless the table moved whole and dropped one.
MLS's registries each open with a "0x0000 | RESERVED | N/A | ..." row; a change
wrote "-" for "N/A" and added a column to one table, and the row of the other
read as moved into it (a "-" cell, a mark, weighs nothing in the similarity).
A2A moved its table of error codes and dropped the codes' column: its rows
still pair, as nothing in their new section is like them."""

IN_PLACE_OVERLAP_MIN = 0.3
"""Least share of rarity-weighted content words two clauses in the same place
must share to be one clause reworded. On the hand-checked real pairings of
``benchmarks/alignment_real.py`` (Model Spec, IETF drafts, semver, JSON
Schema), 0.3 pairs 25 of 26 rewordings and none of 29 clauses really added or
removed in place of another; 0.4 paired 23."""

IN_PLACE_OTHER_KIND_SIMILARITY_MIN = 0.2
"""Least similarity of two clauses of two kinds (a list item and a table row, a paragraph and a
list item) paired in place by the rare words they share (see ``_other_block``). Over the last 200
commits of 23 spec histories, nearly all such pairs below it were two different blocks."""

IN_PLACE_LONE_OVERLAP_MIN = 0.15
"""The same, when the two are all that changed between their paired neighbours: one clause
out, one in, is a rewrite unless their words say otherwise. OpenMetrics rewrote its "SHOULD NOT
use a backslash before other characters" rule keeping 0.2 of its weighted words. On the
hand-checked real pairings, 0.05 to 0.2 change nothing (0.1 pairs one more debatable rewording).
On 1,361 recent commits of 29 spec histories, 0.15 paired 10 more: 8 rewordings, and an example
and a notice each replaced by another (debatable)."""

SAME_OPENING_WORDS = 5
"""Words two clauses between the same paired neighbours must open with alike to be one clause
rewritten, however few of their other words they share (``_same_opening``)."""

MIN_IN_PLACE_WORDS = 3
"""Clauses with fewer content words than this are too short to judge by words."""

MAX_LEAD_PAIRS = 40_000
"""Most pairs of changed clauses of one section compared for a clause that leads the other
(``pair_by_lead``): 200 by 200, far past any real edit of a list."""

MAX_IN_PLACE_CANDIDATES = 20
"""Most new clauses of one gap compared with an old clause there."""

MAX_RARITY_CLAUSES = 1000
"""Clauses read to weigh words by rarity; a sample of bigger documents."""

_ROUNDING = 1e-6
"""More than rounding to single precision (``text.as_float32``) moves a score near 1 (6e-8)."""

MAX_SIMILARITY_CELLS = 4_000_000
"""Largest clause-by-clause similarity matrix computed at once (about 16 MB and
0.2 s). Beyond it, only clauses of paired sections are compared, and a warning
says so: thousands of near-identical list items must not hang a diff."""

MAX_SIMILARITY_WORK = 10_000_000_000
"""Most tokens times tokens compared at once, summed over the blocks of changed clauses compared
(all against all, or those of paired sections past ``MAX_SIMILARITY_CELLS``; about 0.25 s: the
scorer costs the product of two clauses' lengths). Beyond it, each changed
clause is compared only with the ``NEAR_CANDIDATES`` changed clauses each side of its place,
and a warning says so. No real spec comes near: the largest, OpenAPI 3.2.0 (1,226 clauses), all
rewritten, would be 2.4e9. A 20,000-clause file with 30 % reworded was 1e11 (2.4 s), and the
50,000-character blocks past the parser's budget made it grow with the square of the file."""
NEAR_CANDIDATES = 10
"""Changed clauses compared each side of a clause's place past ``MAX_SIMILARITY_WORK``."""


def align_across_files(removed: Sequence[Clause], added: Sequence[Clause]) -> list[ClauseMatch]:
    """Pair clauses removed from one file with clauses added to another: moves between files.

    The same rules as within a file: identical text first (if unique and not
    boilerplate), then similar text above the cross-section threshold. A
    file's front matter and the text before its first heading (title block,
    document metadata) belong to that file and never move to another: a new
    IETF draft's metadata block is 0.93 alike to the one a renamed draft
    dropped, yet nothing moved.
    """
    from rapidfuzz.distance import Indel

    removed = [c for c in removed if _may_change_file(c)]
    added = [c for c in added if _may_change_file(c)]
    old_by_fp = unique_index(removed, lambda c: c.fingerprint)
    new_by_fp = unique_index(added, lambda c: c.fingerprint)
    matches = []
    for fp, o in old_by_fp.items():
        n = new_by_fp.get(fp)
        if n is not None and n.path != o.path and len(o.normalized) >= MIN_MOVE_CHARS:
            matches.append(ClauseMatch((o,), (n,), 1.0, moved=True))
    taken = {c for m in matches for c in m.old + m.new}
    free_old = [c for c in removed if c not in taken and len(c.normalized) >= MIN_MOVE_CHARS and not markup_only(c)]
    free_new = [c for c in added if c not in taken and len(c.normalized) >= MIN_MOVE_CHARS and not markup_only(c)]
    if free_old and free_new and len(free_old) * len(free_new) <= MAX_SIMILARITY_CELLS:
        tokens_old = [_moved_tokens(c) for c in free_old]
        tokens_new = [_moved_tokens(c) for c in free_new]
        candidates = []
        symbols_old, symbols_new = as_symbols(tokens_old, tokens_new)
        for r, c, score in similar_pairs(symbols_old, symbols_new, Indel.normalized_similarity, CLAUSE_MOVE_SIMILARITY_MIN):
            o, n = free_old[r], free_new[c]
            short = min(len(tokens_old[r]), len(tokens_new[c])) < SHORT_CLAUSE_TOKENS
            threshold = SHORT_CLAUSE_MOVE_SIMILARITY_MIN if short else CLAUSE_MOVE_SIMILARITY_MIN
            if o.path != n.path and (o.kind == "example") == (n.kind == "example") and score >= threshold:
                candidates.append((score, r, c))
        paired = best_first(candidates)
        matches += [ClauseMatch((free_old[r],), (free_new[c],), round(score, 4), moved=True) for score, r, c in paired]
        used_old, used_new = {r for _, r, _ in paired}, {c for _, _, c in paired}
        left_old = [
            r for r in range(len(free_old)) if r not in used_old and _cut_down_candidate(free_old[r], tokens_old[r], across=True)
        ]
        left_new = [
            c for c in range(len(free_new)) if c not in used_new and _cut_down_candidate(free_new[c], tokens_new[c], across=True)
        ]
        rows, columns = [symbols_old[r] for r in left_old], [symbols_new[c] for c in left_new]

        def alike(r: int, c: int) -> bool:
            return free_old[left_old[r]].path != free_new[left_new[c]].path

        for r, c in cut_down_pairs(rows, columns, alike):
            score = Indel.normalized_similarity(rows[r], columns[c])
            matches.append(ClauseMatch((free_old[left_old[r]],), (free_new[left_new[c]],), round(score, 4), moved=True))
    return matches


def cut_down_pairs(old: list[str], new: list[str], alike: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """Pairs of an old and a new clause (as symbol strings, by index) where one keeps, in order, at least
    ``CUT_DOWN_COVERAGE`` of the other's words and marks: a clause cut down or grown. Each clause
    takes its best partner; only prose of ``CUT_DOWN_TOKENS`` words or more is worth passing
    (``_cut_down_candidate``).

    A rule moved into another section often loses a condition that section now implies and a
    reason that became a note of its own ("If the response uses a non-`200` status code and the
    media type is `application/json` then the client MUST NOT rely on the body ... since ..." ->
    "If the response uses a non-`200` status code then the client MUST NOT rely on the body ...",
    GraphQL over HTTP): 0.56 alike, below any threshold, so it read as a rule removed and another
    added, both breaking. Every word of the shorter one is in the longer.

    >>> cut_down_pairs(["abcdefghijkl", "xyz"], ["xyzabcdefghi", "abcdefghijk"], lambda r, c: True)
    [(0, 1)]
    """
    from rapidfuzz.distance import LCSseq

    if not old or not new or len(old) * len(new) > CUT_DOWN_MAX_CELLS:
        return []
    if sum(map(len, old)) * sum(map(len, new)) > MAX_SIMILARITY_WORK:
        return []  # thousands of long clauses rewritten: the pairs are past reading anyway
    candidates: list[tuple[float, int, int]] = []
    for r, row in enumerate(old):
        for c, column in enumerate(new):
            shorter, longer = sorted((len(row), len(column)))
            if shorter == 0 or longer > CUT_DOWN_GROWTH * shorter or not alike(r, c):
                continue
            kept = LCSseq.similarity(row, column, score_cutoff=int(CUT_DOWN_COVERAGE * shorter))
            if kept >= CUT_DOWN_COVERAGE * shorter:
                candidates.append((kept / shorter, r, c))
    return [(r, c) for _, r, c in best_first(candidates)]


def _moved_tokens(clause: Clause) -> list[str]:
    """The tokens a clause is compared by across files: its words only, unless it is an example.

    Between files a template's marks outweigh its words: "method: '$/logTrace'" and "method:
    '$/cancelRequest'" are 0.86 alike by all their tokens, two different messages of the Language
    Server Protocol (and an HTML block of tags alone, an anchor's ``<div>``, is not compared at all).
    """
    words = tokens(clause.normalized)
    return words if clause.kind == "example" else [w for w in words if _WORD.search(w)]


_WORD = re.compile(r"\w")


def _cut_down_candidate(clause: Clause, tokens: list[str], across: bool = False) -> bool:
    """Whether a clause is prose of ``CUT_DOWN_TOKENS`` words or more, ``CUT_DOWN_ACROSS_FILES_TOKENS``
    ``across`` files (marks do not count: ``["https://example.com"]`` is three words). Examples are
    left out: one sample is often a few lines of another, without being that one cut down."""
    at_least = CUT_DOWN_ACROSS_FILES_TOKENS if across else CUT_DOWN_TOKENS
    return clause.kind != "example" and sum(1 for token in tokens if _WORD.search(token)) >= at_least


def clause_tokens(clause: Clause) -> list[str]:
    """The tokens a clause is compared by: a table row's by its words and its code.

    Two rows of one author table, two different people, are 0.53 alike by all
    their tokens (pipes, brackets, ``https``, dots) and 0.09 by their words.
    Code keeps its marks: CESQL's rows "`x != y: String x String -> Boolean`"
    and "`x <> y: ...`" were the same words, and two swapped rows paired across.
    """
    return _compared(clause, tokens(clause.normalized))


def _compared(clause: Clause, words: list[str]) -> list[str]:
    """:func:`clause_tokens` from the clause's ``tokens`` (the same list when it is not a table row)."""
    if clause.kind != "table_row":
        return words
    if "`" not in clause.normalized:
        return [w for w in words if w.isalnum() or w == "_"]
    found = []
    for k, part in enumerate(_CODE_SPAN_SPLIT.split(clause.normalized)):
        found += tokens(part) if k % 2 else [w for w in tokens(part) if w.isalnum() or w == "_"]
    return found


_CODE_SPAN_SPLIT = re.compile(r"`([^`\n]*)`")
"""A code span of a table row, its text captured: split by it, a row's odd parts are code."""


def _may_change_file(clause: Clause) -> bool:
    """Whether a clause can be one moved between files: not front matter, and before the first heading
    only a sentence of prose (MCP moved "Messages are delimited by newlines, and **MUST NOT** contain
    embedded newlines." into the opening of a new `stdio.mdx`), not a title block's lines of fields."""
    if clause.kind == "front_matter":
        return False
    return clause.section != PREAMBLE or (
        clause.kind in ("paragraph", "list_item")
        and len(clause.normalized.split()) >= PREAMBLE_MOVE_WORDS_AT_LEAST
        and not _FIELD_LINE.search(clause.text)
    )


PREAMBLE_MOVE_WORDS_AT_LEAST = 8
"""A paragraph or list item before the first heading this long is prose that may have moved from another
file; a title block's lines ("Network Working Group", "Intended status: Informational") are shorter or fields."""
_FIELD_LINE = re.compile(r"(?m)^[ \t>*_-]*[A-Za-z][\w -]{0,30}:[ \t]+\S")
"""A line that opens with a field's name and a colon: "Intended status: Informational", "Expires: 1 May"."""


@dataclass(frozen=True)
class Hosts:
    """The paired section just above each unpaired one (``align.hosts_of_unpaired``): where its
    clauses sit in the other version, though their section has no pair."""

    inserted: dict[str, str] = field(default_factory=dict)
    """Each added new section with the section its heading was inserted into: a clause now under
    an inserted heading sits where it sat."""
    deleted: dict[str, str] = field(default_factory=dict)
    """Each removed old section with the section that took its clauses when its heading was
    deleted: a clause whose heading went sits where it sat."""


def align_clauses(
    old: Sequence[Clause], new: Sequence[Clause], section_pairs: dict[str, str], hosts: Hosts | None = None
) -> tuple[list[ClauseMatch], list[Clause], list[Clause], list[str]]:
    """Pair clauses; return the matches, the added and removed clauses, and warnings.

    ``section_pairs`` maps old section ids to the ids of their new pairs. ``hosts`` tells where
    the clauses of an inserted or deleted heading sat (:class:`Hosts`), which a move is judged by.
    """
    pairing = _ClausePairing(old, new, section_pairs, hosts or Hosts())
    pairing.pair_identical()
    pairing.keep_labelled_lines_in_place()
    pairing.pair_by_key(_anchor_key)
    pairing.pair_by_key(_item_key)
    pairing.pair_similar()
    pairing.pair_by_key(_row_key)
    pairing.pair_by_lead()
    pairing.pair_in_place()
    pairing.uncross_twins()
    pairing.find_splits_and_merges()
    pairing.pair_cut_down()
    pairing.gather_text_moved_between_pairs()
    return pairing.result()


def _label_key(clause: Clause) -> str | None:
    """The key a short paragraph opens with, as a list item's (``_ITEM_KEY``): "**Status**: [Stable](...)"
    -> "**status**"; ``None`` for any other clause.

    >>> from specdiff.parse import parse_document
    >>> [_label_key(c) for c in parse_document("**Status**: [Stable](s.md)\\n\\nThe status is kept.\\n", "s.md").clauses]
    ['**status**', None]
    """
    if clause.kind != "paragraph" or len(clause.normalized) > LABELLED_LINE_CHARS_AT_MOST:
        return None
    found = _ITEM_KEY.match(clause.text)
    return found.group(1).lower() if found else None


def _ordinals_in_sections(clauses: list[Clause]) -> list[int]:
    """For each of ``clauses``, how many before it belong to its section."""
    seen: dict[str, int] = defaultdict(int)
    found = []
    for clause in clauses:
        found.append(seen[clause.section])
        seen[clause.section] += 1
    return found


LABELLED_LINE_CHARS_AT_MOST = 120
"""A labelled line is a badge or a field ("**Status**: [Stable](...)"), not a paragraph that opens with a label."""


def _windows(olds: list[int], news: list[int]) -> list[tuple[list[int], list[int]]]:
    """The changed clauses of a pair of sections as one block; if still too big (thousands of
    near-identical items in one section), each clause with its neighbours by position only."""
    if len(olds) * len(news) <= MAX_SIMILARITY_CELLS:
        return [(olds, news)]
    window = max(1, MAX_SIMILARITY_CELLS // (2 * len(olds)))
    centres = [k * len(news) // len(olds) for k in range(len(olds))]
    return [([i], news[max(0, centre - window) : centre + window]) for i, centre in zip(olds, centres)]


def _near_blocks(olds: list[int], news: list[int]) -> list[tuple[list[int], list[int]]]:
    """Each old clause with the ``NEAR_CANDIDATES`` new ones each side of where it sits among them.

    >>> _near_blocks([0, 1], [5, 6, 7])[1]
    ([1], [5, 6, 7])
    """
    return [
        ([i], news[max(0, k * len(news) // len(olds) - NEAR_CANDIDATES) : k * len(news) // len(olds) + NEAR_CANDIDATES + 1])
        for k, i in enumerate(olds)
    ]


class _ClausePairing:
    """The state of pairing one document's clauses, filled in stage by stage."""

    def __init__(self, old: Sequence[Clause], new: Sequence[Clause], section_pairs: dict[str, str], hosts: Hosts):
        self.old = list(old)
        self.new = list(new)
        self.section_pairs = section_pairs
        self.partner_of_old: dict[int, int] = {}  # 1:1 pairs, old index -> new index
        self.score_of_old: dict[int, float] = {}
        self.groups: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []  # splits and merges
        self.grouped_old: set[int] = set()
        self.grouped_new: set[int] = set()
        self.warnings: list[str] = []
        self.repeated_old: set[str] = set()  # fingerprints of texts the old side holds more than once
        self._token_cache: dict[tuple[str, int], list[str]] = {}
        self._word_cache: dict[tuple[str, int], list[str]] = {}
        self._symbol_code = SymbolCode()
        self._symbol_cache: dict[tuple[str, int], str] = {}
        self._part_symbol_cache: dict[tuple[str, int], str] = {}
        # Read once: ``same_place`` is asked several times for every pair (a sixth of a
        # commit's processor time on the 3,000-clause history benchmark went to it).
        # (a clause whose heading was deleted belongs where it now sits: in the section above it)
        self._paired_section_of_old = [section_pairs.get(hosts.deleted.get(c.section, c.section)) for c in self.old]
        self._under_deleted_heading = {i for i, c in enumerate(self.old) if c.section in hosts.deleted}
        self._section_of_new = [c.section for c in self.new]
        self._place_of_new = [hosts.inserted.get(c.section, c.section) for c in self.new]

    # helpers

    def same_place(self, o: int, n: int) -> bool:
        return self._paired_section_of_old[o] == self._section_of_new[n]

    def stayed(self, o: int, n: int) -> bool:
        """Whether a pair sits where it sat: in the same section, under a heading inserted into it,
        or in the section that took it when its own heading was deleted (which tells whether it
        moved; pairing prefers the same section alone)."""
        return self._paired_section_of_old[o] == self._place_of_new[n]

    def alike(self, o: int, n: int) -> bool:
        """Whether two clauses are of kinds that can be one clause changed: an example is never prose,
        nor a block of link definitions ("[gateway]: https://...") the sentence whose link it names;
        and a clause that moved kept the anchors links reach it by (:func:`_anchored_apart`)."""
        old, new = self.old[o], self.new[n]
        same_kind = (old.kind == "example") == (new.kind == "example")
        if not same_kind or only_link_definitions(old.normalized) != only_link_definitions(new.normalized):
            return False
        return self.same_place(o, n) or not _anchored_apart(old, new)

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
        partner_of_old, score_of_old = self.partner_of_old, self.score_of_old
        repeated = []
        for fp, olds in old_by_fp.items():
            news = new_by_fp.get(fp)
            if not news:
                continue
            if len(olds) == 1 and len(news) == 1:
                partner_of_old[olds[0]] = news[0]  # what ``pair`` does, for most clauses of a revision
                score_of_old[olds[0]] = 1.0
                continue
            repeated.append((olds, news))
        self.repeated_old = {fp for fp, olds in old_by_fp.items() if len(olds) > 1}
        # Repeated text: each copy where its neighbours say it belongs (see ``_pair_beside``), then the
        # rest within paired sections in order, then the rest in order if long enough to be a real move.
        free = {self.old[olds[0]].fingerprint: set(news) for olds, news in repeated}
        copies = sorted(i for olds, _ in repeated for i in olds)
        for i in copies:
            self._pair_beside(i, i - 1, free)
        for i in reversed(copies):
            if i not in partner_of_old:
                self._pair_beside(i, i + 1, free)
        for olds, news in repeated:
            left = free[self.old[olds[0]].fingerprint]
            free_news = [j for j in news if j in left]
            leftover = []
            for i in (i for i in olds if i not in partner_of_old):
                home = next((j for j in free_news if self.same_place(i, j)), None)
                if home is None:
                    leftover.append(i)
                else:
                    free_news.remove(home)
                    self.pair(i, home, 1.0)
            if len(self.old[olds[0]].normalized) >= MIN_MOVE_CHARS:
                for i, j in zip(leftover, free_news):
                    self.pair(i, j, 1.0)

    def keep_labelled_lines_in_place(self) -> None:
        """An identical labelled line that went to a section added in this change, when its own section
        kept a line of the same label in the same place (as many clauses of the section before it),
        edited: that line is it, changed in place, and the identical one is new. OpenTelemetry
        stabilised its Histograms section ("**Status**: [Development]" -> "**Status**: [Stable] ...")
        and put the old badge on a subsection it added below: the badge read as moved into the
        subsection and the Stable one as added, so the change of status was never named."""
        from rapidfuzz.distance import Indel

        added_sections = set(self._section_of_new) - set(self.section_pairs.values())
        moved_out = [
            (i, label)
            for i, j in self.partner_of_old.items()
            if self._section_of_new[j] in added_sections and (label := _label_key(self.old[i])) is not None
        ]
        if not moved_out:
            return
        taken = set(self.partner_of_old.values())
        old_places, new_places = _ordinals_in_sections(self.old), _ordinals_in_sections(self.new)
        free_by_place: dict[tuple[str, int, str], list[int]] = defaultdict(list)
        for k, clause in enumerate(self.new):
            label = _label_key(clause) if k not in taken else None
            if label is not None:
                free_by_place[(clause.section, new_places[k], label)].append(k)
        for i, label in moved_out:
            home = self._paired_section_of_old[i]
            twins = free_by_place.get((home, old_places[i], label), []) if home is not None else []
            if len(twins) == 1:
                k = twins.pop()
                self.pair(i, k, Indel.normalized_similarity(self.symbols_old(i), self.symbols_new(k)))

    def _pair_beside(self, i: int, neighbour: int, free: dict[str, set[int]]) -> None:
        """Pair a copy of a repeated text with the copy beside the new partner of its ``neighbour``
        (the clause just before or after it), if there is such a copy and it is free.

        Lightning's offers spec writes "MUST NOT respond to the offer." under a dozen conditions;
        paired in order, the copies after a condition added among them each went to the copy
        under the condition above, and all showed as moved. Beside its own condition, each stays.
        """
        partner = self.partner_of_old.get(neighbour)
        if partner is None:
            return
        j = partner + i - neighbour
        copies = free[self.old[i].fingerprint]
        if j in copies and (self.same_place(i, j) or self._moved_along(i, j, neighbour, partner)):
            copies.remove(j)
            self.pair(i, j, 1.0)

    def _moved_along(self, i: int, j: int, neighbour: int, partner: int) -> bool:
        """Whether a copy of a repeated text moved to another section with what stands around it:
        its ``neighbour`` went to another section, as new clause ``partner``, beside new clause ``j``,
        and the clause on its other side went there too (paired, or of the same text, itself repeated
        and perhaps not yet paired). CloudEvents moved each filter dialect's rules, its "For example:" and its example
        under one new heading; the rules and examples paired, and the four "For example:" read as
        removed and added. A neighbour that stayed where it was anchors no move: a section inserted
        below it starts with the same table header as the one that follows it."""
        if self.same_place(neighbour, partner):
            return False
        other, other_new = 2 * i - neighbour, 2 * j - partner
        if self.partner_of_old.get(other) == other_new:
            return True
        old, new = self.old, self.new
        return 0 <= other < len(old) and 0 <= other_new < len(new) and old[other].fingerprint == new[other_new].fingerprint

    # 2. the same key, similar text

    def pair_by_key(self, key_of: Callable[[Clause], str | None]) -> None:
        """Pair a clause with the one of its section that has the same key (``key_of``), where each is
        the only one with it: "[Provenance]: To describe the origins of an artifact." ->
        "[Provenance]: Describes how an artifact was produced." The item is that key's, however
        its words changed; pairing by words alone gave in-toto's old Provenance item to a new
        "[Verification Summary]: ... about an artifact." beside it, which shared more words.
        Clauses that set anchors are paired by them first (:func:`_anchor_key`); table rows by their
        first cell once pairing by words is done (:func:`_row_key`).
        """
        from rapidfuzz.distance import Indel

        old_by_key: dict[tuple[str | None, str], list[int]] = defaultdict(list)
        for i in self.free_old():
            key = key_of(self.old[i])
            if key is not None:
                old_by_key[(self._paired_section_of_old[i], key)].append(i)
        if not old_by_key:
            return
        new_by_key: dict[tuple[str | None, str], list[int]] = defaultdict(list)
        for j in self.free_new():
            key = key_of(self.new[j])
            if key is not None:
                new_by_key[(self._section_of_new[j], key)].append(j)
        for place_and_key, olds in old_by_key.items():
            news = new_by_key.get(place_and_key, [])
            if len(olds) == len(news) == 1:
                i, j = olds[0], news[0]
                self.pair(i, j, Indel.normalized_similarity(self.symbols_old(i), self.symbols_new(j)))

    def tokens_old(self, i: int) -> list[str]:
        return self._tokens(("o", i), self.old[i])

    def tokens_new(self, j: int) -> list[str]:
        return self._tokens(("n", j), self.new[j])

    def _tokens(self, key: tuple[str, int], clause: Clause) -> list[str]:
        if key not in self._token_cache:
            self._token_cache[key] = _compared(clause, self._words(key, clause))
        return self._token_cache[key]

    def symbols_old(self, i: int) -> str:
        return self._symbols(("o", i), self.old[i])

    def symbols_new(self, j: int) -> str:
        return self._symbols(("n", j), self.new[j])

    def _symbols(self, key: tuple[str, int], clause: Clause) -> str:
        """The clause's tokens as one string (:class:`SymbolCode`), encoded once for every score taken of it:
        past ``MAX_SIMILARITY_CELLS`` a new clause is in the windows of thousands of old ones, and each
        split or merge tried joins its parts again."""
        if key not in self._symbol_cache:
            self._symbol_cache[key] = self._symbol_code.encode(self._tokens(key, clause))
        return self._symbol_cache[key]

    def part_symbols_old(self, i: int) -> str:
        return self._part_symbols(("o", i), self.old[i])

    def part_symbols_new(self, j: int) -> str:
        return self._part_symbols(("n", j), self.new[j])

    def _part_symbols(self, key: tuple[str, int], clause: Clause) -> str:
        """The clause's tokens as splits and merges are found by: the words of prose, every token of an
        example. A paragraph cut into list items gains and loses marks that are no part of what moved:
        CloudEvents made "letters ('a' to 'z')" "letters [a-z]" as it cut its naming rules into items, and
        with the marks counted, the items held 0.72 of the paragraph, too little for a split."""
        if key not in self._part_symbol_cache:
            tokens = self._tokens(key, clause)
            words = tokens if clause.kind == "example" else [w for w in tokens if _WORD.search(w)]
            self._part_symbol_cache[key] = self._symbol_code.encode(words)
        return self._part_symbol_cache[key]

    def _words(self, key: tuple[str, int], clause: Clause) -> list[str]:
        """``tokens(clause.normalized)``, read once for pairing by similarity and for word rarity."""
        if key not in self._word_cache:
            self._word_cache[key] = tokens(clause.normalized)
        return self._word_cache[key]

    def pair_similar(self) -> None:
        from rapidfuzz.distance import Indel

        free_old, free_new = self.free_old(), self.free_new()
        if not free_old or not free_new:
            return
        sections = blocks = [(free_old, free_new)]
        if len(free_old) * len(free_new) > MAX_SIMILARITY_CELLS:
            sections = self._blocks_by_section(free_old, free_new)
            blocks = [window for section in sections for window in _windows(*section)]
            self.warnings.append(
                f"{self.old[0].path}: {len(free_old)} changed clauses against {len(free_new)}; "
                "only clauses of paired sections were compared"
            )
        work = sum(
            sum(len(self.tokens_old(i)) for i in block_old) * sum(len(self.tokens_new(j)) for j in block_new)
            for block_old, block_new in blocks
        )
        if work > MAX_SIMILARITY_WORK:
            # (narrowed from each pair of sections: a window of one clause no longer says where it sits)
            blocks = [near for section in sections for near in _near_blocks(*section)]
            self.warnings.append(
                f"{self.old[0].path}: {len(free_old)} changed clauses against {len(free_new)}, too much text to compare "
                f"every pair; each was compared with the {NEAR_CANDIDATES} changed clauses each side of its place"
            )
        candidates: list[tuple[float, float, int, int]] = []
        cutoff = min(CLAUSE_SIMILARITY_MIN, CLAUSE_MOVE_SIMILARITY_MIN)
        for block_old, block_new in blocks:
            rows = [self.symbols_old(i) for i in block_old]
            columns = [self.symbols_new(j) for j in block_new]
            by_place = self._by_place(block_old, block_new, cutoff)
            for r, c, score in similar_pairs(rows, columns, Indel.normalized_similarity, cutoff, by_place):
                i, j = block_old[r], block_new[c]
                if not self.alike(i, j):
                    continue
                same_place = self.same_place(i, j)
                if score < (CLAUSE_SIMILARITY_MIN if same_place else self._move_threshold(i, j)):
                    continue
                if not same_place and min(len(self.old[i].normalized), len(self.new[j].normalized)) < MIN_MOVE_CHARS:
                    continue
                distance = abs(i / len(self.old) - j / len(self.new))
                rank = score + (SAME_SECTION_BONUS if same_place else 0.0) - 0.01 * distance
                if not same_place and not _rows_of_one_shape(self.old[i], self.new[j]):
                    rank -= RESHAPED_ROW_PENALTY
                candidates.append((rank, score, i, j))
        taken: set[int] = set()
        for _, score, i, j in sorted(candidates, key=lambda c: (-c[0], c[2], c[3])):
            if i not in self.partner_of_old and j not in taken:
                self.pair(i, j, score)
                taken.add(j)

    def _by_place(self, block_old: list[int], block_new: list[int], cutoff: float) -> list[Block]:
        """The pairs of a block worth scoring, each at the least score it could be kept at.

        A clause and one in the section paired with its own are kept from
        ``CLAUSE_SIMILARITY_MIN`` (asked for at ``cutoff``, as before); any other
        pair only as a move, from ``CLAUSE_MOVE_SIMILARITY_MIN`` and between
        clauses of ``MIN_MOVE_CHARS`` or more. Most pairs are of the second kind
        (31,105 of 31,734 on the largest Model Spec release pair), which
        rapidfuzz scores faster at the higher cutoff: pairing by similarity took
        35 -> 27 ms there. ``pair_similar`` checks every threshold again on the
        score rounded to single precision, so that cutoff sits a little below
        the threshold (``_ROUNDING``) and no pair it kept before is missed.
        """
        rows_by_section: dict[str | None, list[int]] = defaultdict(list)
        for r, i in enumerate(block_old):
            rows_by_section[self._paired_section_of_old[i]].append(r)
        movable = [c for c, j in enumerate(block_new) if len(self.new[j].normalized) >= MIN_MOVE_CHARS]
        blocks: list[Block] = []
        for section, rows in rows_by_section.items():
            here = [c for c, j in enumerate(block_new) if self._section_of_new[j] == section]
            elsewhere = [c for c in movable if self._section_of_new[block_new[c]] != section]
            blocks.append((rows, here, cutoff))
            moving = [r for r in rows if len(self.old[block_old[r]].normalized) >= MIN_MOVE_CHARS]
            blocks.append((moving, elsewhere, max(cutoff, CLAUSE_MOVE_SIMILARITY_MIN - _ROUNDING)))
        return blocks

    def pair_by_lead(self) -> None:
        """Pair a clause with the one in its section that begins with all of its words, or with all of
        whose words it begins, when no other free clause there does: a list item cut down to its key
        ("properties - Inline or referenced schema MUST be ..." -> "properties", AsyncAPI, the items
        moved into the list above at once), or grown from it. A key shares too little weight with the
        whole clause to pair by words.
        """
        from rapidfuzz.distance import Indel

        new_by_place: dict[str | None, list[int]] = defaultdict(list)
        for j in self.free_new():
            new_by_place[self._section_of_new[j]].append(j)
        old_by_place: dict[str | None, list[int]] = defaultdict(list)
        for i in self.free_old():
            old_by_place[self._paired_section_of_old[i]].append(i)
        for place, olds in old_by_place.items():
            news = new_by_place.get(place, [])
            if not news or len(olds) * len(news) > MAX_LEAD_PAIRS:
                continue
            led = [
                (i, j)
                for i in olds
                for j in news
                if self.old[i].kind == self.new[j].kind and _leads(self.tokens_old(i), self.tokens_new(j))
            ]
            olds_led, news_led = Counter(i for i, _ in led), Counter(j for _, j in led)
            for i, j in led:
                if olds_led[i] == news_led[j] == 1:
                    self.pair(i, j, Indel.normalized_similarity(self.symbols_old(i), self.symbols_new(j)))

    def pair_in_place(self) -> None:
        """Pair a reworded clause with the clause that took its place, by the rarer words they share.

        A rule rewritten around the same point keeps its subject and key
        terms but few of its words in order ("The `Tide-Level` field indicates
        the water height ..." -> "The water height is carried by the
        `Tide-Level` field ...": on a real draft 0.40 alike). When such a clause sits
        between the same paired neighbours, in the paired section, as a clause
        that appeared, the two are one clause edited if they share enough of
        their words, each weighted by how rare it is in the document: less of
        them when nothing else changed between those neighbours.
        """
        free_old, free_new = self.free_old(), self.free_new()
        if not free_old or not free_new:
            return
        # Rarity within the sections that changed: enough to tell "harbour" (in every
        # clause) from "tide", without reading the whole of a 20,000-clause document.
        # A sample of them is as good for weights and bounds the time (20,000 clauses).
        sections = {self.old[i].section for i in free_old} | {self.new[j].section for j in free_new}
        nearby = [(("o", i), c) for i, c in enumerate(self.old) if c.section in sections]
        nearby += [(("n", j), c) for j, c in enumerate(self.new) if c.section in sections]
        step = max(1, len(nearby) // MAX_RARITY_CLAUSES)
        weights = _rarity([self._words(key, c) for key, c in nearby[::step]])
        partner_positions = sorted(self.partner_of_old.items())
        olds = [o for o, _ in partner_positions]
        free_new_set = set(free_new)
        candidates = []
        for i in free_old:
            if i in self._under_deleted_heading:
                continue  # no paired section to have kept its place in (a move to another file may explain it)
            k = bisect_left(olds, i)
            low = partner_positions[k - 1][1] if k > 0 else -1
            high = partner_positions[k][1] if k < len(olds) else len(self.new)
            words_old = content_words(self.tokens_old(i))
            old_gap = range(olds[k - 1] + 1 if k > 0 else 0, olds[k] if k < len(olds) else len(self.old))
            new_gap = range(low + 1, high)
            alone = self._alone_in_gap(i, old_gap, new_gap, free_new_set)
            for j in new_gap[:MAX_IN_PLACE_CANDIDATES]:
                if j not in free_new_set or not self.same_place(i, j):
                    continue
                if not self.alike(i, j):
                    continue
                if alone and self.old[i].kind == self.new[j].kind and _short(self.tokens_old(i), self.tokens_new(j)):
                    candidates.append((IN_PLACE_LONE_OVERLAP_MIN, i, j))  # "- OPTIONAL" -> "- REQUIRED": a value swapped
                    continue
                if self._lead_ins_of_one_block(i, j):
                    candidates.append((IN_PLACE_LONE_OVERLAP_MIN, i, j))
                    continue
                if self.old[i].kind == self.new[j].kind and _same_opening(self.tokens_old(i), self.tokens_new(j)):
                    candidates.append((1.0, i, j))  # (taken before any that only share words)
                    continue
                shared = _weighted_overlap(words_old, content_words(self.tokens_new(j)), weights)
                if shared >= (IN_PLACE_LONE_OVERLAP_MIN if alone else IN_PLACE_OVERLAP_MIN) and not self._other_block(i, j):
                    candidates.append((shared, i, j))
        for i, j in self._alone_in_section(free_old, free_new):
            # Its neighbours moved, so no gap holds both: JSON:API's "204 No Content" section, its one
            # rule rewritten ("MUST return a `204 No Content` status code if a deletion request is
            # successful" -> "If a deletion request is successful, the server MUST return either ..."),
            # while the "200 OK" section beside it moved up. Rows or items of two keys are two entries.
            old, new = self.old[i], self.new[j]
            if self.alike(i, j) and old.kind == new.kind and _row_key(old) == _row_key(new) and _item_key(old) == _item_key(new):
                shared = _weighted_overlap(content_words(self.tokens_old(i)), content_words(self.tokens_new(j)), weights)
                if shared >= IN_PLACE_OVERLAP_MIN:
                    candidates.append((shared, i, j))
        taken: set[int] = set()
        from rapidfuzz.distance import Indel

        for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
            if i not in self.partner_of_old and j not in taken:
                taken.add(j)
                self.pair(i, j, Indel.normalized_similarity(self.symbols_old(i), self.symbols_new(j)))

    def _other_block(self, i: int, j: int) -> bool:
        """Whether two clauses in one place are blocks of two kinds with little text alike, though they
        share a rare word: another block that took the place, not the clause rewritten. The OCI
        distribution spec replaced its list of a tag's parts ("- `<alg>`: the digest algorithm (e.g.
        `sha256` or `sha512`)") with a table of examples ("| sha512:aaaa... |"), 0.07 alike."""
        if self.old[i].kind == self.new[j].kind:
            return False
        return _similarity(self.symbols_old(i), self.symbols_new(j)) < IN_PLACE_OTHER_KIND_SIMILARITY_MIN

    def uncross_twins(self) -> None:
        """Pair twin clauses of two sections each in its own section, when the pairing crossed them.

        Two near-identical clauses in two sections, each edited a little (a "may contain any
        character other than '/'" item under one heading and under another, one losing its full
        stop, the other its capital), can each read most like the other's new text: the first
        stages pair them across, as two moves. When pairing each in place explains the change
        about as well (within the bonus a pair in place gets), it is two small edits and no move.
        """
        from rapidfuzz.distance import Indel

        crossing: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, j in self.partner_of_old.items():
            here, there = self._paired_section_of_old[i], self._place_of_new[j]
            if here is not None and here != there:
                crossing[(here, there)].append(i)
        for (here, there), olds in crossing.items():
            back = crossing.get((there, here), [])
            if len(olds) * len(back) > MAX_IN_PLACE_CANDIDATES**2:
                continue  # a section rearranged wholesale, not a pair of twins
            for i in olds:
                for k in back:
                    j, m = self.partner_of_old[i], self.partner_of_old[k]
                    if self._place_of_new[m] != here:
                        continue  # put back in place already, with another twin
                    own, other = (
                        Indel.normalized_similarity(self.symbols_old(i), self.symbols_new(m)),
                        Indel.normalized_similarity(self.symbols_old(k), self.symbols_new(j)),
                    )
                    crossed = self.score_of_old[i] + self.score_of_old[k]
                    if min(own, other) >= CLAUSE_SIMILARITY_MIN and own + other >= crossed - 2 * SAME_SECTION_BONUS:
                        self.pair(i, m, own)
                        self.pair(k, j, other)
                        break

    def _lead_ins_of_one_block(self, i: int, j: int) -> bool:
        """Whether two clauses of a kind each end with a colon right before the same clause: one
        caption or lead-in reworded, whatever words it kept. MCP rewrote "Request:" above an example
        as "Input request (delivered inside `InputRequiredResult.inputRequests`):", and "Receivers of
        progress requests MAY:" above a list as "Servers receiving a request with a progress token
        MAY:". What follows must be one clause for sure: paired at least half alike, and not a text
        the old side repeats (Lightning's "MUST drop the packet." follows many unrelated cases)."""
        old, new = self.old[i], self.new[j]
        return (
            old.kind == new.kind
            and old.normalized.endswith(":")
            and new.normalized.endswith(":")
            and self.partner_of_old.get(i + 1) == j + 1
            and self.score_of_old[i + 1] >= CLAUSE_SIMILARITY_MIN
            and self.old[i + 1].fingerprint not in self.repeated_old
        )

    def _alone_in_section(self, free_old: list[int], free_new: list[int]) -> list[tuple[int, int]]:
        """The old and the new clause that are all that changed in a pair of sections, wherever they sit in it."""
        old_by_section: dict[str | None, list[int]] = defaultdict(list)
        for i in free_old:
            if i not in self._under_deleted_heading:
                old_by_section[self._paired_section_of_old[i]].append(i)
        new_by_section: dict[str | None, list[int]] = defaultdict(list)
        for j in free_new:
            new_by_section[self._section_of_new[j]].append(j)
        return [
            (olds[0], new_by_section[section][0])
            for section, olds in old_by_section.items()
            if section is not None and len(olds) == 1 and len(new_by_section.get(section, ())) == 1
        ]

    def _alone_in_gap(self, i: int, old_gap: range, new_gap: range, free_new: set[int]) -> bool:
        """Whether old clause ``i`` is all that changed between two paired neighbours, and one new
        clause all that came there, or for a list item one new item: MCP rewrote the item "- **MAY**
        be applied to properties at any nesting depth ..." as "- **MUST** only be applied to properties
        that are statically reachable ..." and added a paragraph after the list. (Not for paragraphs or
        table rows: over the last 200 commits of 28 histories that paired four more, two of them a
        clause replaced by another.)

        ``old_gap`` and ``new_gap`` are the clauses between the neighbours on
        each side. Gaps longer than ``MAX_IN_PLACE_CANDIDATES`` are never
        alone, which keeps the count short on big rewrites.
        """
        if len(old_gap) > MAX_IN_PLACE_CANDIDATES or len(new_gap) > MAX_IN_PLACE_CANDIDATES:
            return False
        changed_old = [k for k in old_gap if k not in self.grouped_old]
        came = [j for j in new_gap if j in free_new]
        one_item = self.old[i].kind == "list_item" and sum(self.new[j].kind == "list_item" for j in came) == 1
        return len(changed_old) == 1 and (len(came) == 1 or one_item)

    def _move_threshold(self, i: int, j: int) -> float:
        short = min(len(self.tokens_old(i)), len(self.tokens_new(j))) < SHORT_CLAUSE_TOKENS
        return SHORT_CLAUSE_MOVE_SIMILARITY_MIN if short else CLAUSE_MOVE_SIMILARITY_MIN

    def _blocks_by_section(self, free_old: list[int], free_new: list[int]) -> list[tuple[list[int], list[int]]]:
        """The changed clauses of each pair of sections, old and new."""
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
                blocks.append((olds, news))
        return blocks

    # 3. splits and merges

    def find_splits_and_merges(self) -> None:
        """Splits (one old clause, several adjacent new ones), then merges (the other way round).

        Parts are measured twice: by all their tokens, then, if that finds none, by their words
        (``part_symbols_*``). Cutting a paragraph into list items changes marks that are no part of
        what moved: CloudEvents made "letters ('a' to 'z')" "letters [a-z]" as it cut its naming
        rules into items, and by all tokens the items held 0.72 of the paragraph. By words alone a
        short part weighs less, so a step split in three ("Let `enforcement` be ...", HTTP's
        cookie draft) is found by the tokens; and a clause of a few words is measured by its tokens
        alone ("- ipfs bootstrap" and "- ipfs bootstrap add" are no parts of "- `> ipfs bootstrap add`").
        """
        measures = ((self.symbols_old, self.symbols_new, False), (self.part_symbols_old, self.part_symbols_new, True))
        new_partner = {n: o for o, n in self.partner_of_old.items()}
        for i in range(len(self.old)):
            if i in self.grouped_old or self.score_of_old.get(i, 0.0) >= 1.0:
                continue
            current = self.score_of_old.get(i, 0.0)
            available = _free_or_with(i, new_partner, self.grouped_new)
            best, accepted = None, False
            for old_symbols, new_symbols, by_words in measures:
                if by_words and len(old_symbols(i)) < WORD_MEASURE_MIN_WORDS:
                    continue
                best = self._best_run(
                    whole=old_symbols(i),
                    around=_expected_position(i, self.partner_of_old),
                    count=len(self.new),
                    symbols=new_symbols,
                    available=available,
                    section=lambda j: self._place_of_new[j],
                )
                single = current
                if by_words and i in self.partner_of_old:
                    single = _similarity(old_symbols(i), new_symbols(self.partner_of_old[i]))
                accepted = best is not None and (
                    _explains_better(best[0], single) or (best[0] > single and _tight(best[1], old_symbols(i), new_symbols))
                )
                if accepted:
                    break
            if not accepted:
                best = self._grown_split(i, available)
            if best and (accepted or best[0] > current or i not in self.partner_of_old):
                score, run = best
                for j in run:
                    new_partner.pop(j, None)
                self.partner_of_old.pop(i, None)
                self.score_of_old.pop(i, None)
                self.groups.append(((i,), tuple(run), score))
                self.grouped_old.add(i)
                self.grouped_new.update(run)
        old_partner = dict(self.partner_of_old)
        new_to_old = {n: o for o, n in old_partner.items()}
        for j in range(len(self.new)):
            partner = new_to_old.get(j)
            if j in self.grouped_new or (partner is not None and self.score_of_old.get(partner, 0.0) >= 1.0):
                continue
            current = self.score_of_old.get(partner, 0.0) if partner is not None else 0.0
            for old_symbols, new_symbols, by_words in measures:
                if by_words and len(new_symbols(j)) < WORD_MEASURE_MIN_WORDS:
                    continue
                best = self._best_run(
                    whole=new_symbols(j),
                    around=_expected_position(j, new_to_old),
                    count=len(self.old),
                    symbols=old_symbols,
                    available=_free_or_with(j, old_partner, self.grouped_old),
                    section=lambda i: self.old[i].section,
                )
                single = _similarity(old_symbols(partner), new_symbols(j)) if by_words and partner is not None else current
                if best and (
                    _explains_better(best[0], single) or (best[0] > single and _tight(best[1], new_symbols(j), old_symbols))
                ):
                    break
            else:
                continue
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

    def _grown_split(self, i: int, available: Callable[[int], bool]) -> tuple[float, list[int]] | None:
        """A split whose parts also gained text: each takes its own share of the old clause, together nearly all of it.

        "Let x be A if v matches A, and B otherwise." rewritten as three steps
        ("Let x be C." / "If v matches B, set x to B." / "If v matches A, set
        x to A.") keeps 88 % of the old words across the parts but no part is
        mostly old text, so the joined text is only 0.59 alike.
        """
        from rapidfuzz.distance import Indel

        whole = self.symbols_old(i)
        if len(whole) < GROWN_SPLIT_MIN_TOKENS:
            return None

        def common(part: str) -> float:
            return (len(part) + len(whole) - Indel.distance(part, whole)) / 2

        around = _expected_position(i, self.partner_of_old)
        window = [k for k in range(max(0, around - MAX_PARTS), min(len(self.new), around + MAX_PARTS + 1)) if available(k)]
        best: tuple[float, list[int]] | None = None
        for first in range(len(window)):
            run: list[int] = []
            for k in window[first : first + MAX_PARTS]:
                if run and (self.new[k].section != self.new[run[0]].section or k != run[-1] + 1):
                    break
                run.append(k)
                if len(run) < 2:
                    continue
                shares = [common(self.symbols_new(part)) for part in run]
                together = common("".join([self.symbols_new(part) for part in run]))
                covered = together / len(whole)
                gain = covered - max(shares) / len(whole)
                if (
                    covered >= GROWN_SPLIT_COVERAGE
                    and min(shares) >= GROWN_SPLIT_PART_SHARE * len(whole)
                    and sum(shares) <= GROWN_SPLIT_OVERLAP * together
                    and (gain >= GROWN_SPLIT_GAIN or (gain >= GROWN_SPLIT_GAIN / 2 and self._moved_out_whole(run, shares)))
                    and (best is None or covered > best[0])
                ):
                    best = (covered, list(run))
        if best is None:
            return None
        joined = "".join([self.symbols_new(part) for part in best[1]])
        return Indel.normalized_similarity(whole, joined), best[1]

    def _moved_out_whole(self, run: list[int], shares: list[float]) -> bool:
        """Whether a part other than the one that kept most of the clause is old text word for word: a
        sentence taken out into a paragraph of its own while the rest was reworded (OCI's runtime spec)."""
        kept_most = shares.index(max(shares))
        return any(
            k != kept_most and len(self.symbols_new(part)) >= TIGHT_PART_TOKENS and share >= 0.95 * len(self.symbols_new(part))
            for k, (part, share) in enumerate(zip(run, shares))
        )

    def _best_run(
        self,
        whole: str,
        around: int,
        count: int,
        symbols: Callable[[int], str],
        available: Callable[[int], bool],
        section: Callable[[int], str],
    ) -> tuple[float, list[int]] | None:
        """The best run of 2..MAX_PARTS available clauses of one section near ``around``.

        A new clause under a heading inserted into a section counts as in it (in-toto cut a
        paragraph into two list items and, under a new "### Example" heading, its example).
        Clauses paired elsewhere, and clauses that cannot be a part (too little
        of them in the whole), are stepped over: when the paragraph between two
        merged ones moved away or was dropped, the two were still neighbours
        to the editor.
        """
        from rapidfuzz.distance import Indel

        window = [
            k
            for k in range(max(0, around - MAX_PARTS), min(count, around + MAX_PARTS + 1))
            if available(k) and _coverage(symbols(k), whole) >= SPLIT_PART_COVERAGE
        ]
        best = None
        for first in range(len(window)):
            run: list[int] = []
            for k in window[first : first + MAX_PARTS]:
                if run and section(k) != section(run[0]):
                    break
                run.append(k)
                if len(run) < 2:
                    continue
                joined = "".join([symbols(part) for part in run])
                score = Indel.normalized_similarity(whole, joined)
                if best is None or score > best[0]:  # (each part of the window covers enough already)
                    best = (score, list(run))
        return best

    # 4. a clause cut down or grown, which similarity misses

    def pair_cut_down(self) -> None:
        """Pair what is left where one clause keeps nearly all the words of the other, in order
        (:func:`cut_down_pairs`)."""
        from rapidfuzz.distance import Indel

        free_old = [i for i in self.free_old() if _cut_down_candidate(self.old[i], self.tokens_old(i))]
        free_new = [j for j in self.free_new() if _cut_down_candidate(self.new[j], self.tokens_new(j))]
        rows = [self.symbols_old(i) for i in free_old]
        columns = [self.symbols_new(j) for j in free_new]
        for r, c in cut_down_pairs(rows, columns, lambda r, c: self.alike(free_old[r], free_new[c])):
            self.pair(free_old[r], free_new[c], Indel.normalized_similarity(rows[r], columns[c]))

    def gather_text_moved_between_pairs(self) -> None:
        """Merge into a changed clause the clauses left unpaired whose words it took in, word for word,
        from elsewhere; and split from one the clauses that took its words away.

        SCITT's architecture draft moved the paragraphs of its "Common Terminology Disambiguation"
        section into the definitions of "Issuer" and "Statement", forty lines up: each definition
        read as reworded and each paragraph as removed. Merges and splits are otherwise found
        among neighbours (``find_splits_and_merges``); here a clause of prose of ``MOVED_TEXT_MIN_WORDS``
        words or more joins a pair wherever it stood, when its words stand in the pair's other side
        (``_stands_in``), not in its own, and in no other clause of that side. At most
        ``MAX_MOVED_TEXT_CHECKS`` are tried.
        """
        pairs = [
            (i, j)
            for i, j in self.partner_of_old.items()
            if self.score_of_old[i] < 1.0 and self.old[i].kind in PROSE_KINDS and self.new[j].kind in PROSE_KINDS
        ]
        words_old, words_new = self.part_symbols_old, self.part_symbols_new
        free_old = [r for r in self.free_old() if _movable(self.old[r], words_old(r))]
        free_new = [a for a in self.free_new() if _movable(self.new[a], words_new(a))]
        if not pairs or len(pairs) * (len(free_old) + len(free_new)) > MAX_MOVED_TEXT_CHECKS:
            return
        gathered: dict[int, list[int]] = defaultdict(list)  # old clause -> free old clauses its pair took in
        split_off: dict[int, list[int]] = defaultdict(list)  # old clause -> free new clauses that took its words
        joined_old: set[int] = set()
        joined_new: set[int] = set()
        for i, j in pairs:
            for r in free_old:
                words = words_old(r)
                if r in joined_old or not _stands_in(words, words_new(j)) or _stands_in(words, words_old(i)):
                    continue
                if self.alike(r, j) and _said_once(words, map(words_new, range(len(self.new)))):
                    gathered[i].append(r)
                    joined_old.add(r)
            for a in free_new:
                words = words_new(a)
                if a in joined_new or not _stands_in(words, words_old(i)) or _stands_in(words, words_new(j)):
                    continue
                if self.alike(i, a) and _said_once(words, map(words_old, range(len(self.old)))):
                    split_off[i].append(a)
                    joined_new.add(a)
        for i in gathered.keys() ^ split_off.keys():  # (a clause that both took words in and gave some away stays paired)
            j = self.partner_of_old.pop(i)
            self.score_of_old.pop(i)
            olds, news = sorted([i, *gathered[i]]), sorted([j, *split_off[i]])
            score = _similarity("".join(map(words_old, olds)), "".join(map(words_new, news)))
            self.groups.append((tuple(olds), tuple(news), score))
            self.grouped_old.update(olds)
            self.grouped_new.update(news)

    # 5. moves, and the result

    def result(self) -> tuple[list[ClauseMatch], list[Clause], list[Clause], list[str]]:
        in_order = self._in_order()
        old, new, score_of_old = self.old, self.new, self.score_of_old
        keyed = []  # (new index, old index, match): sorted on the indexes alone
        for i, j in self.partner_of_old.items():
            moved = not self.stayed(i, j) or i not in in_order
            match = ClauseMatch((old[i],), (new[j],), round(score_of_old[i], 4), moved)
            keyed.append((new[j].index, old[i].index, match))
        for olds, news, score in self.groups:
            moved = not self.stayed(olds[0], news[0])
            match = ClauseMatch(tuple(old[i] for i in olds), tuple(new[j] for j in news), round(score, 4), moved)
            keyed.append((new[news[0]].index, old[olds[0]].index, match))
        keyed.sort(key=lambda item: (item[0], item[1]))
        matches = [match for _, _, match in keyed]
        added = [self.new[j] for j in self.free_new()]
        removed = [self.old[i] for i in self.free_old()]
        return matches, added, removed, self.warnings

    def _in_order(self) -> set[int]:
        """Old indexes of paired clauses that kept their order within their section.

        The most clauses kept in order leave the fewest moved, but where an unchanged clause and
        edited ones cannot all keep their order, the unchanged one keeps its place: an edited
        clause is an amendment anyway (then a moved one), an unchanged one reported moved is one
        more. AsyncAPI cut 11 list items down to their keys and moved them above the paragraph
        that led them: the paragraph, unchanged, was reported moved.
        """
        by_section: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, j in self.partner_of_old.items():
            if self.stayed(i, j):
                by_section[self._place_of_new[j]].append((i, j))
        kept: set[int] = set()
        for pairs in by_section.values():
            pairs.sort()
            in_order = longest_increasing([j for _, j in pairs])
            unchanged = {k for k, (i, j) in enumerate(pairs) if self.old[i].normalized == self.new[j].normalized}
            if not unchanged <= in_order:
                weights = [len(pairs) + 1 if k in unchanged else 1 for k in range(len(pairs))]
                heaviest = heaviest_increasing([j for _, j in pairs], weights)
                if sum(weights[k] for k in heaviest) > sum(weights[k] for k in in_order):
                    in_order = heaviest  # (else keep the first answer: of two ways to read one move, the same one)
            kept.update(pairs[k][0] for k in in_order)
        return kept


def _item_key(clause: Clause) -> str | None:
    """The key a list item opens with, marked as a link, in bold or as code and followed by a colon
    or a dash ("[SLSA Provenance]: ...", "**timeout** - ...", "`name`: ..."); ``None`` for any other clause.

    >>> item = "- [SLSA Provenance]: To describe it."
    >>> _item_key(Clause("a.md", "list_item", item, item, (3, 3), "s", "S", 0, ""))
    '[slsa provenance]'
    """
    if clause.kind != "list_item":
        return None
    found = _ITEM_KEY.match(clause.text)
    return found.group(1).lower() if found else None


def _row_key(clause: Clause) -> str | None:
    """The first cell of a table row that names what the row is about ("Branch", "[Source L3](#source-l3)");
    ``None`` for any other clause, and for a cell of no letters (a number, a tick), which orders or
    marks rows rather than naming them.

    SLSA rewrote the definitions of its "Branch", "Tag" and "Change" rows, and each read as a row
    removed and one added. Rows are paired by key only after pairing by words, so a row renumbered
    goes to the row its words went to.

    >>> def row(text: str) -> Clause:
    ...     return Clause("a.md", "table_row", f"| {text} |", text, (3, 3), "s", "S", 0, "")
    >>> _row_key(row("Branch | A named ref that moves.")), _row_key(row("2 | Riders pay at the dock.")), _row_key(row("Branch"))
    ('branch', None, None)
    """
    if clause.kind != "table_row":
        return None
    first, bar, _ = clause.normalized.partition(" | ")
    key = first.strip().lower()
    return key if bar and _NAMING_CELL.search(key) and len(key) <= MAX_ROW_KEY_CHARS else None


MAX_ROW_KEY_CHARS = 80
"""A first cell longer than this is prose, not a name to pair rows by."""

_NAMING_CELL = re.compile(r"[^\W\d_]")
"""A letter, in any script: a first cell with one names its row."""

_ITEM_KEY = re.compile(r"\s*(?:[-*+]|\d+[.)])?\s*(\[[^\]\n]+\]|\*\*[^*\n]+\*\*|`[^`\n]+`)\s*(?::|\s[-\u2013\u2014]\s)")


def _anchor_key(clause: Clause) -> str | None:
    """The anchors a clause sets, which name it whatever its words: two redrawn figures of the HTTP
    secondary certificates draft, each under its own "{: #ex-...}" caption, were each more like the
    other's new drawing and paired crossed, as two moves.

    >>> figure = Clause("a.md", "example", "~~~", "~~~", (3, 3), "s", "S", 0, "", anchors=("fig-b", "fig-a"))
    >>> _anchor_key(figure)
    'fig-a fig-b'
    """
    return " ".join(sorted(clause.anchors)) or None


def _anchored_apart(old: Clause, new: Clause) -> bool:
    """Whether two clauses each set anchors and share none: links lead to each by another name.

    A clause that moves keeps the name links reach it by. OpenAPI 2.0 gave each object's table an
    extension row, "<a name="headersExtensions"></a>^x- | Any | Allows extensions ...", the same
    words in every object but its anchor; the Headers Object's row, deleted, paired as moved to the
    row added to the Items Object, and the extension withdrawn from headers went unseen.
    """
    return bool(old.anchors) and bool(new.anchors) and not set(old.anchors) & set(new.anchors)


def _short(old: list[str], new: list[str]) -> bool:
    """Whether both clauses are too short (fewer than ``MIN_IN_PLACE_WORDS`` words and marks) to judge by words."""
    return len(old) < MIN_IN_PLACE_WORDS and len(new) < MIN_IN_PLACE_WORDS


def _same_opening(old: list[str], new: list[str]) -> bool:
    """Whether two clauses open with the same :data:`SAME_OPENING_WORDS` words, three of them naming
    something (not "The server MUST send the ..."): CloudEvents rewrote the paragraph under its
    tracing extension's title, "This extension embeds context from [Distributed Tracing](...) so
    that ..." -> "This extension embeds context from [W3C TraceContext](...) into a CloudEvent.
    ...", keeping its opening and little else.

    >>> _same_opening("this extension embeds context from [ a".split(), "this extension embeds context from [ b".split())
    True
    >>> _same_opening("the server must send the".split(), "the server must send the".split())
    False
    """
    opening_old = [w for w in old if w.isalnum()][:SAME_OPENING_WORDS]
    opening_new = [w for w in new if w.isalnum()][:SAME_OPENING_WORDS]
    return len(opening_old) == SAME_OPENING_WORDS and opening_old == opening_new and len(content_words(opening_old)) >= 3


def _leads(old: list[str], new: list[str]) -> bool:
    """Whether one clause's words are how the other's begin, and name something: a list item cut
    down to its key ("properties - Inline or referenced schema MUST be ..." -> "properties"), or
    grown from it. Its few words share too little weight with the whole to pair otherwise.

    >>> _leads(["properties", "-", "inline", "schema"], ["properties"]), _leads(["the", "rest"], ["the"])
    (True, False)
    """
    shorter, longer = (old, new) if len(old) <= len(new) else (new, old)
    return bool(shorter) and longer[: len(shorter)] == shorter and bool(content_words(shorter))


def _rarity(texts: list[list[str]]) -> Callable[[str], float]:
    """Each content word's weight: the log of how many clauses there are over how many hold it (unseen: rarest)."""
    holders: Counter[str] = Counter()
    for words in texts:
        holders.update(content_words(words))
    rarest = math.log(len(texts) + 1)
    weights = {word: math.log((len(texts) + 1) / count) for word, count in holders.items()}
    return lambda word: weights.get(word, rarest)


def _weighted_overlap(a: set[str], b: set[str], weight: Callable[[str], float]) -> float:
    """Weight of the words two clauses share over the weight of the smaller clause's words (0-1)."""
    if len(a) < MIN_IN_PLACE_WORDS or len(b) < MIN_IN_PLACE_WORDS:
        return 0.0
    # Summed in sorted order: a set's order follows the hash seed, and a sum in another order can
    # differ in its last bit, which paired json_schema's jsonschema-core.md (67fd3737..5a9bfd47)
    # one way under some seeds and another under others.
    smaller = min(sum(map(weight, sorted(a))), sum(map(weight, sorted(b))))
    return sum(map(weight, sorted(a & b))) / smaller if smaller else 0.0


def _similarity(a: str, b: str) -> float:
    """How alike two clauses are, by their symbols (0 to 1)."""
    from rapidfuzz.distance import Indel

    return float(Indel.normalized_similarity(a, b))


def _explains_better(joined: float, single: float) -> bool:
    """Whether parts joined (score ``joined``) explain a clause better than its best single pair.

    The gain asked for shrinks as the single pair nears 1: when the first part
    of a split keeps 90 % of the words, the whole cannot gain 0.1 any more.
    """
    return joined >= SPLIT_MERGE_MIN and joined - single >= min(SPLIT_MERGE_GAIN, (1 - single) / 2)


def _tight(run: list[int], whole: str, symbols: Callable[[int], str]) -> bool:
    """Whether every part is long and almost wholly found in the whole: then any gain over the single pair is enough.

    A one-sentence opening ("There are two kinds of exception ...") merged
    with the long paragraph after it ("Second, ...") into "There is one kind
    ... Specifically, ..." adds 0.02 to the long part's 0.89 on a real case,
    yet the short part is 0.74 inside the result.
    """
    return all(
        len(symbols(part)) >= TIGHT_PART_TOKENS and _coverage(symbols(part), whole) >= TIGHT_PART_COVERAGE for part in run
    )


def _movable(clause: Clause, words: str) -> bool:
    """Whether ``clause`` (of ``words``) may join a pair from elsewhere (``gather_text_moved_between_pairs``):
    prose only, no sample, table row or HTML block, whose lines (a generated page's "</div></section>")
    stand in many places."""
    return clause.kind in PROSE_KINDS and len(words) >= MOVED_TEXT_MIN_WORDS


def _said_once(words: str, side: Iterable[str]) -> bool:
    """Whether ``words`` stand in one clause of ``side`` at most, as a run: a sentence said in two
    places cannot tell which one took it in."""
    return sum(words in clause for clause in side) <= 1


def _stands_in(part: str, whole: str) -> bool:
    """Whether the words of ``part`` (symbols, one a word) stand in ``whole`` in order, in at most two
    runs: a clause moved word for word into another, perhaps with a sentence put in its midst.

    >>> _stands_in("abcdefgh", "xxabcdyyyefghzz"), _stands_in("abcdefgh", "axbxcxdxefgh"), _stands_in("abcd", "dcba")
    (True, False, False)
    """
    if part in whole:
        return True
    from rapidfuzz.distance import Indel

    if len(part) > len(whole) or Indel.distance(part, whole) != len(whole) - len(part):
        return False  # (not even scattered in order: the cheap test first, as most clauses fail it)
    from difflib import SequenceMatcher

    blocks = [b for b in SequenceMatcher(None, part, whole, autojunk=False).get_matching_blocks() if b.size]
    return len(blocks) <= 2 and sum(b.size for b in blocks) == len(part)


def _rows_of_one_shape(old: Clause, new: Clause) -> bool:
    """Whether ``old`` and ``new`` are no table rows, or rows of as many cells (``RESHAPED_ROW_PENALTY``)."""
    if old.kind != "table_row" or new.kind != "table_row":
        return True
    return old.normalized.count(" | ") == new.normalized.count(" | ")


def _free_or_with(owner: int, partner_of: dict[int, int], grouped: set[int]) -> Callable[[int], bool]:
    """Whether a clause may join ``owner``'s split or merge: not grouped yet, and paired with nothing or with it."""
    return lambda k: k not in grouped and partner_of.get(k, owner) == owner


def _expected_position(k: int, partner_of: dict[int, int]) -> int:
    """Where clause ``k`` would sit on the other side: its partner, or after its nearest paired predecessor.

    >>> _expected_position(3, {0: 0, 1: 4}), _expected_position(1, {1: 7}), _expected_position(0, {})
    (5, 7, 0)
    """
    if k in partner_of:
        return partner_of[k]
    for before in range(k - 1, -1, -1):
        if before in partner_of:
            return partner_of[before] + 1
    return 0


def _coverage(part: str, whole: str) -> float:
    """Share of ``part``'s tokens found, in order, in ``whole`` (both encoded by one :class:`SymbolCode`)."""
    from rapidfuzz.distance import Indel

    if not part:
        return 0.0
    common = (len(part) + len(whole) - int(Indel.distance(part, whole))) / 2
    return common / len(part)
