"""Turn an :class:`~specdiff.model.Alignment` into the amendments a reviewer reads.

Each changed pair becomes one :class:`~specdiff.model.Amendment`: a clause
``added``, ``removed``, ``modified``, ``moved`` (perhaps also modified),
``split`` or ``merged``; a section ``added``, ``removed``, ``renamed``,
``moved``, ``merged`` (into another section, which took most of its clauses)
or ``modified`` (its heading attributes changed). Pairs whose
normalized text is equal and that stayed in place are not amendments.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import operator
import re
import urllib.parse
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal

from specdiff.align.sections import heading_key
from specdiff.align.text import best_first, content_words, longest_increasing
from specdiff.editorial import editorial_form, only_typos, sample_reshaped
from specdiff.force import (
    UNSURE,
    InformativeSections,
    Place,
    Rule,
    labelled_example,
    place_of_heading,
    places_of,
    requirement_level,
    rule_with_alternatives,
    rule_with_cases,
    rules,
    states_a_rule,
)
from specdiff.lexicon import DATE, RFC_WORDS, prose, sentences, uses_rfc2119_capitals, words
from specdiff.model import (
    SEVERITIES,
    Alignment,
    Amendment,
    AmendmentKind,
    Clause,
    ClauseMatch,
    Effect,
    Section,
    SectionMatch,
    Severity,
    Unit,
)
from specdiff.parse import (
    PAGE_METADATA,
    asks_nothing_of_iana,
    code_lines,
    front_matter_meaning,
    front_matter_read,
    markup_and_label,
    markup_only,
    names_its_writers,
    only_link_definitions,
    shown_text,
    stamps_its_edition,
    visible_text,
)
from specdiff.schema_blocks import declares_schema
from specdiff.semantics import (
    MEDIA_TYPE_PREFIX,
    code_spans,
    describe_change,
    describe_clause,
    names_recased,
    severity,
    stem,
    with_unsure_breaks,
)
from specdiff.worddiff import word_diff


def amendments_from(alignment: Alignment, *, capitals: bool | None = None) -> list[Amendment]:
    """Every amendment of one file, in the order a reader meets them in the new text.

    ``capitals`` says whether the repository writes RFC 2119 keywords in
    capitals; the diff decides it once for all its files (``None``: decide
    from this file alone).
    """
    # (a clause that went along when its section merged into another did not change section)
    section_pairs = {m.old.id: m.new.id for m in alignment.sections} | {k: s.id for k, s in alignment.merged_sections.items()}
    if capitals is None:
        capitals = uses_rfc2119_capitals(alignment_texts(alignment))
    places = _Places(alignment, capitals)
    names = _NamesInCode(alignment)
    found: list[tuple[tuple[int, int], Amendment]] = []
    new_position_of_old = _NewPositionOfOld(alignment)
    removed, added = set(alignment.removed), set(alignment.added)
    for section in alignment.removed_sections:
        position = (new_position_of_old(section.lines[0]), 0)
        target = alignment.merged_sections.get(section.id)
        gone = _section_merged(section, target) if target else _section_added_or_removed("removed", section, removed)
        found.append((position, gone))
    for section in alignment.added_sections:
        found.append(((section.lines[0], 0), _section_added_or_removed("added", section, added)))
    in_order = longest_increasing([m.new.index for m in alignment.sections])
    renested = _renested(alignment)
    for k, match in enumerate(alignment.sections):
        moved = match.old.id in alignment.moved_sections
        amendment = _section_change(match, moved, renested=moved and k in in_order and match.old.id in renested)
        if amendment:
            found.append(((match.new.lines[0], 0), amendment))
    for clause_match in alignment.clauses:
        old, new = clause_match.old, clause_match.new
        if not clause_match.moved and len(old) == len(new) == 1 and old[0].fingerprint == new[0].fingerprint:
            continue  # the common case, decided here: a call for each of 3,000 clauses cost 1 ms a commit
        amendment = _clause_change(clause_match, section_pairs, places, capitals, names)
        if amendment:
            found.append(((clause_match.new[0].lines[0], 1), amendment))
    # (an item's lead-in that came or went with it: the rule came or went whole)
    removed_texts, added_texts = ({c.normalized for c in clauses} for clauses in (alignment.removed, alignment.added))
    twice = _said_twice(alignment) | _copies_of_kept_clauses(alignment)
    for clause in alignment.removed:
        position = (new_position_of_old(clause.lines[0]), 1)
        place = _place(clause, places, capitals)
        case = place.lead_in not in removed_texts
        found.append((position, _clause_added_or_removed("removed", clause, place, case_of_a_rule=case, twice=twice)))
    for clause in alignment.added:
        place = _place(clause, places, capitals)
        case = place.lead_in not in added_texts
        found.append(((clause.lines[0], 1), _clause_added_or_removed("added", clause, place, case_of_a_rule=case, twice=twice)))
    found.sort(key=lambda item: item[0])
    amendments = _runs_whole([amendment for _, amendment in found], places, capitals)
    amendments = _without_rules_moved_between_clauses(amendments, _RulesStanding(alignment, amendments), places, capitals)
    amendments = _headings_graded_as_what_stands_under_them(amendments)
    return _with_distinct_ids(_within_new_options(amendments, alignment, places, capitals, names))


def _headings_graded_as_what_stands_under_them(amendments: list[Amendment]) -> list[Amendment]:
    """A heading that came or went with its section is editorial when every clause that came or went under
    it is: spec-kit's new ``docs/history.md``, a record of what happened, read each of its paragraphs as
    editorial and each of its ten headings as substantive. (A heading with nothing but other sections, or
    clauses that stand on the other side too, under it is editorial already: ``_section_added_or_removed``.)"""
    under: dict[tuple[str, str, str], set[Severity]] = defaultdict(set)
    for amendment in amendments:
        if amendment.unit == "clause":
            for side, clauses in (("old", amendment.old), ("new", amendment.new)):
                for clause in clauses:
                    assert isinstance(clause, Clause)
                    under[side, clause.path, clause.section].add(amendment.severity)
    graded = []
    for amendment in amendments:
        if amendment.unit == "section" and amendment.kind in ("added", "removed") and amendment.severity == "substantive":
            side, (section,) = ("new", amendment.new) if amendment.kind == "added" else ("old", amendment.old)
            assert isinstance(section, Section)
            if under[side, section.path, section.id] == {"editorial"}:
                amendment = replace(amendment, severity="editorial")
        graded.append(amendment)
    return graded


def _runs_whole(amendments: list[Amendment], places: _Places, capitals: bool) -> list[Amendment]:
    """``amendments``, each run of clauses that came (or went) together as one amendment, where the
    run is one thing to a reader:

    - an example or test vector: Lightning added a test invoice with a "Breakdown:" of 22 list items
      under "# Examples", and each item read as a clause added (``_continues_example``);
    - a block and the bare tags wrapping it: MCP wrapped a new paragraph in ``<Note>`` and
      ``</Note>`` lines, which read as three amendments, two of them a tag (``_continues_wrapper``).
    """
    runs: list[list[Amendment]] = []
    for amendment in amendments:
        previous = runs[-1][-1] if runs else None
        if previous is not None and (
            _continues_example(previous, amendment, places, capitals) or _continues_wrapper(previous, amendment)
        ):
            runs[-1].append(amendment)
        else:
            runs.append([amendment])
    return [run[0] if len(run) == 1 else _run_as_one(run) for run in runs]


def _neighbours(previous: Amendment, amendment: Amendment) -> tuple[Clause, Clause] | None:
    """The last clause of ``previous`` and the first of ``amendment`` when both amendments added
    (or both removed) clauses and these two sit side by side in one section; else ``None``."""
    if previous.kind != amendment.kind or amendment.kind not in ("added", "removed"):
        return None
    if previous.unit != "clause" or amendment.unit != "clause":
        return None
    added = amendment.kind == "added"
    before, clause = (previous.new[-1], amendment.new[0]) if added else (previous.old[-1], amendment.old[0])
    if not (isinstance(before, Clause) and isinstance(clause, Clause)):
        return None
    if clause.index != before.index + 1 or clause.section != before.section:
        return None
    return before, clause


def _continues_example(previous: Amendment, amendment: Amendment, places: _Places, capitals: bool) -> bool:
    """Whether ``amendment`` is the clause right after ``previous``'s, added (or removed) with it
    under a heading of examples, neither stating a rule."""
    neighbours = _neighbours(previous, amendment)
    if neighbours is None:
        return False
    if any(e.type == "modality" or e.normative for a in (previous, amendment) for e in a.effects):
        return False
    return any(_EXAMPLES_HEADING.search(h) for h in _place(neighbours[1], places, capitals).heading_path)


_EXAMPLES_HEADING = re.compile(r"^[\s\d.]*(?:an?\s+)?examples?\b|\bexamples?\s*$|\btest[- ]vectors?\b", re.I)
"""A heading of examples or test vectors: "Examples", "Example: a relay", "Routing Example",
"Appendix B: Funding Transaction Test Vectors"."""


def _continues_wrapper(previous: Amendment, amendment: Amendment) -> bool:
    """Whether ``previous`` is a bare opening tag right before ``amendment``'s clause, or ``amendment``
    a bare closing tag right after ``previous``'s, both added (or both removed)."""
    neighbours = _neighbours(previous, amendment)
    if neighbours is None:
        return False
    before, clause = neighbours
    opens = markup_only(before) and _OPENING_TAGS.fullmatch(before.normalized) is not None
    closes = markup_only(clause) and _CLOSING_TAGS.fullmatch(clause.normalized) is not None
    return opens or closes


_OPENING_TAGS = re.compile(
    r"(?:\s*<(?!(?:img|br|hr|input|meta|link|source|area|col|embed|wbr)\b)[A-Za-z][\w.:-]*(?:\s[^<>]*)?(?<!/)>)+\s*", re.I
)
"""Tags that open a block and nothing else: ``<Note>``, ``<div class="type">``, ``<details><summary>``;
not a self-closing tag or an element that holds nothing (``<img ...>``, ``<br>``): those stand alone."""
_CLOSING_TAGS = re.compile(r"(?:\s*</[A-Za-z][\w.:-]*\s*>)+\s*")
"""Tags that close a block and nothing else: ``</Note>``, ``</Tab></Tabs>``."""


def _run_as_one(run: list[Amendment]) -> Amendment:
    """One amendment for the clauses of ``run``: their effects once each (a bare tag's only when the
    run is nothing but tags; "editorial" only when it is all each clause has: a test vector's table
    header is editorial, its rows are not), the gravest grade."""
    first = run[0]
    effects: list[Effect] = []
    with_words = [a for a in run if not all(isinstance(c, Clause) and markup_only(c) for c in a.old + a.new)]
    for amendment in with_words or run:
        effects += [e for e in amendment.effects if e not in effects]
    if not all(a.effects and all(e.type == "editorial" for e in a.effects) for a in with_words or run):
        effects = [e for e in effects if e.type != "editorial"]
    grade = max((a.severity for a in run), key=SEVERITIES.index)
    old = tuple(c for a in run for c in a.old if isinstance(c, Clause))
    new = tuple(c for a in run for c in a.new if isinstance(c, Clause))
    tag = "insert" if first.kind == "added" else "delete"
    text = "\n\n".join(piece for a in run for _, piece in a.word_diff)
    return _amendment("clause", first.kind, grade, old, new, 0.0, effects, [(tag, text)])


def _within_new_options(
    amendments: list[Amendment], alignment: Alignment, places: _Places, capitals: bool, names: _NamesInCode
) -> list[Amendment]:
    """``amendments``, each added clause inside a new optional field (``_in_new_options``) or a new
    optional section (``_in_new_optional_sections``), or that rules only on the value of a new optional
    field (``_on_new_optional_fields``) or only on what its own licence offers (``_licences_on_their_own_terms``),
    graded substantive rather than breaking: it binds only those who use the new field or take up the new
    part. (Last, after the grades of rules moved between clauses were read again.)"""
    breaking_added = [a for a in amendments if a.unit == "clause" and a.kind == "added" and a.severity == "breaking"]
    if not breaking_added:
        return amendments
    in_new_options = (
        _in_new_options(alignment, capitals, names)
        | _in_new_optional_sections(alignment)
        | _on_new_optional_fields(alignment, places, capitals)
        | _licences_on_their_own_terms(alignment, capitals)
    )
    # (any clause of it but bare tags: an added rule may come wrapped in "<Note>" lines)
    relieved = {
        id(a) for a in breaking_added if any(c in in_new_options and not markup_only(c) for c in a.new if isinstance(c, Clause))
    }
    return [replace(a, severity="substantive") if id(a) in relieved else a for a in amendments]


def in_new_file(amendments: list[Amendment]) -> list[Amendment]:
    """The ``amendments`` of a file new to the spec, each rule added in it graded substantive rather
    than breaking. A new file specifies something new (in-toto's pages of new predicate types, MCP's
    page of a new utility): it binds those who take it up, and whatever complied before complies with
    every file it complied with. (A file that clauses moved into from another, one renamed in a
    rewrite, is not new in this sense: ``diff.diff_alignments`` tells them apart.)"""
    return [
        replace(a, severity="substantive") if a.unit == "clause" and a.kind == "added" and a.severity == "breaking" else a
        for a in amendments
    ]


def in_withdrawn_proposal(amendments: list[Amendment]) -> list[Amendment]:
    """The ``amendments`` of an OpenSpec change's delta deleted before it was archived, each rule removed
    graded substantive rather than breaking: the change was withdrawn, and the rules it proposed never
    bound anyone (OpenSpec's fd92ccca dropped a proposal, and its eight rules read as withdrawn from the spec)."""
    return [
        replace(a, severity="substantive") if a.unit == "clause" and a.kind == "removed" and a.severity == "breaking" else a
        for a in amendments
    ]


MOVED_RULE_SIMILARITY = 80
"""Least similarity (rapidfuzz's token-sort ratio, 0-100) of what a rule asks, after its keyword,
for a rule gone from one clause and one come to another to be one rule moved."""


def _without_rules_moved_between_clauses(
    amendments: list[Amendment], standing: _RulesStanding, places: _Places, capitals: bool
) -> list[Amendment]:
    """A rule's sentence moved from one clause to another reads as a rule removed from one and a rule
    added to the other, both breaking (QUIC moved "The server MUST send a HANDSHAKE_DONE frame as soon
    as ..." up a section, lightly reworded; SPIFFE moved "An X.509 SVID MAY contain any number of other
    SAN fields" out of a paragraph it rewrote into one of its own). When the two are one rule moved
    (``_rules_moved``, then ``_reworded_rules``, then ``_reworded_rules`` again with each list item read with
    its lead-in's holder, ``_with_its_lead_in``), the two modality effects are dropped and both clauses
    graded again, whether each was edited, added or removed. So is the effect of a rule gone that the
    new document says all the same, or of one come that the old one said (``_rules_said_all_the_same``).

    In a change of more pairs of a rule gone and a rule come than ``MAX_MOVED_RULE_PAIRS``, only rules
    moved word for word are found.
    """
    clauses = [(k, a) for k, a in enumerate(amendments) if a.unit == "clause"]
    gone_effects = [(k, a, e, _sentence_that_said(e, a)) for k, a in clauses for e in a.effects if _moved_out(e)]
    came_effects = [(k, a, e, e.sentence) for k, a in clauses for e in a.effects if _moved_in(e)]
    gone = [(k, _RuleRead.of(e, e.old, sentence)) for k, _, e, sentence in gone_effects]
    came = [(k, _RuleRead.of(e, e.new, sentence)) for k, _, e, sentence in came_effects]
    if not gone and not came:
        return amendments
    if len(gone) * len(came) > MAX_MOVED_RULE_PAIRS:
        pairs = _rules_moved_word_for_word(gone, came)
    else:
        pairs = _rules_moved(gone, came)
        pairs += _reworded_rules(gone, came, pairs)
        led_gone = [
            (k, _RuleRead.of(e, e.old, _with_its_lead_in(e.old, said, a.old, places, capitals))) for k, a, e, said in gone_effects
        ]
        led_came = [
            (k, _RuleRead.of(e, e.new, _with_its_lead_in(e.new, said, a.new, places, capitals))) for k, a, e, said in came_effects
        ]
        pairs += _reworded_rules(led_gone, led_came, pairs)
    dropped: dict[int, list[Effect]] = {}
    for _, g, c in pairs:
        (k, out), (m, into) = gone[g], came[c]
        dropped.setdefault(k, []).append(out.effect)
        dropped.setdefault(m, []).append(into.effect)
    for k, effect in _rules_said_all_the_same(gone, came, pairs, standing):
        dropped.setdefault(k, []).append(effect)
    moved = list(amendments)
    for k, effects in dropped.items():
        amendment = moved[k]
        left = [e for e in amendment.effects if not any(e is d for d in effects)]
        if not left and amendment.kind not in ("added", "removed"):
            left = [Effect("wording")]  # (an edited clause changed its words; one added or removed only came or went)
        moved[k] = replace(amendment, effects=left, severity=severity(amendment.kind, left))
    return moved


MAX_MOVED_RULE_PAIRS = 250_000
"""Most pairs of a rule gone and a rule come that ``_without_rules_moved_between_clauses`` reads one by
one (500 rules gone against 500 come). The largest change of the last 200 commits of 23 spec
histories had 190 against 532 (A2A's refactor of its specification); a hostile one of 3,000 against
3,000 took 37 s."""


def _rules_moved(gone: list[tuple[int, _RuleRead]], came: list[tuple[int, _RuleRead]]) -> list[tuple[float, int, int]]:
    """The rules gone and come (by their amendment) that are one rule moved, as ``(likeness, gone, come)``,
    each rule gone paired with the likest come, best first: the rule keeps its keyword, its subject word
    for word (``_subject``) and most of what it asks, and names the same values in code. "The client MUST
    send ..." gone and "The server MUST send ..." come are two rules, and so are "... call
    `FetchX509SVID`" gone and "... call `FetchJWTBundles`" come.
    """
    from rapidfuzz import fuzz

    by_holder: dict[tuple[str, str, tuple[str, ...]], list[int]] = {}
    for c, (_, into) in enumerate(came):
        by_holder.setdefault(into.holder_and_values, []).append(c)
    candidates = []
    for g, (k, out) in enumerate(gone):
        for c in by_holder.get(out.holder_and_values, ()):
            if came[c][0] != k:
                score = fuzz.token_sort_ratio(out.asks, came[c][1].asks)
                if score >= MOVED_RULE_SIMILARITY:
                    candidates.append((score, g, c))
    return best_first(candidates)


def _rules_moved_word_for_word(
    gone: list[tuple[int, _RuleRead]], came: list[tuple[int, _RuleRead]]
) -> list[tuple[float, int, int]]:
    """The rules gone and come that are one rule moved word for word, in order, as ``_rules_moved`` gives them."""
    by_rule: dict[tuple[tuple[str, str, tuple[str, ...]], str], deque[int]] = {}
    for c, (_, into) in enumerate(came):
        by_rule.setdefault((into.holder_and_values, into.asks), deque()).append(c)
    pairs = []
    for g, (k, out) in enumerate(gone):
        same = by_rule.get((out.holder_and_values, out.asks))
        if same and came[same[0]][0] != k:
            pairs.append((100.0, g, same.popleft()))
    return pairs


REWORDED_RULE_LIKENESS = 0.5
"""Least share of their words (the stems of their content words, common over all) for two sentences
of one keyword to be one rule reworded as it moved (``_reworded_rules``)."""


def _reworded_rules(
    gone: list[tuple[int, _RuleRead]], came: list[tuple[int, _RuleRead]], paired: list[tuple[float, int, int]]
) -> list[tuple[float, int, int]]:
    """The rules gone and come, left unpaired by ``_rules_moved``, that are one rule reworded as it moved,
    as ``(likeness, gone, come)``. Two sentences of one keyword, neither naming a value in code the
    other lacks, are one rule when

    - they name the same holder (a pronoun names none), no other rule gone or come names it with that
      keyword, and they share two words or more and half the words of the shorter (an item is read with its
      lead-in's holder, ``_with_its_lead_in``): OpenTelemetry
      moved "The language implementations MUST NOT handle spawning processes." up to its rules as
      "Language implementations MUST NOT spawn child processes as part of environment variable
      context propagation.";
    - or they share four words or more and half of all their words, or three words or more and three
      quarters of what each asks (after its keyword), and neither names a holder or a thing (a
      word with a capital) where the other names another: MCP's "SHOULD still provide manual controls
      that let the user retry ..." went from a list into "Clients SHOULD provide manual controls that
      let the user retry ...", and CloudEvents' "Attribute names SHOULD be descriptive and terse and
      SHOULD NOT exceed 20 characters in length." into a list, "- MUST be at least one character in
      length, and SHOULD NOT exceed 20 characters.". CloudEvents' "Each Definition Reference MAY be to a
      Definition defined outside ..." gone and "Each Endpoint reference MAY be to an Endpoint ..."
      come are two rules, and so are "The client MUST log the key ..." and "The desk MUST log the key ...".
    """
    taken_gone, taken_came = {g for _, g, _ in paired}, {c for _, _, c in paired}
    free_gone = [(g, gone[g]) for g in range(len(gone)) if g not in taken_gone]
    free_came = [(c, came[c]) for c in range(len(came)) if c not in taken_came]
    holders = Counter(out.holder for _, (_, out) in free_gone) + Counter(into.holder for _, (_, into) in free_came)
    candidates = []
    for g, (k, out) in free_gone:
        for c, (m, into) in free_came:
            if m == k or out.keyword != into.keyword or not (out.values <= into.values or into.values <= out.values):
                continue
            shared = len(out.words & into.words)
            likeness = shared / (len(out.words | into.words) or 1)
            same_holder = out.names_a_holder and out.holder == into.holder and holders[out.holder] == 2
            other_holder = out.names_a_holder and into.names_a_holder and not out.holder_words & into.holder_words
            other_thing = out.names - into.names and into.names - out.names
            asked = len(out.asked & into.asked)
            asks_alike = asked >= 3 and 4 * asked >= 3 * max(len(out.asked), len(into.asked))
            if same_holder and shared >= 2 and 2 * shared >= min(len(out.words), len(into.words)):
                candidates.append((1 + likeness, g, c))  # (the holder said it: before any likeness of words alone)
            elif ((shared >= 4 and likeness >= REWORDED_RULE_LIKENESS) or asks_alike) and not other_holder and not other_thing:
                candidates.append((likeness, g, c))
    return best_first(candidates)


def _rules_said_all_the_same(
    gone: list[tuple[int, _RuleRead]],
    came: list[tuple[int, _RuleRead]],
    paired: list[tuple[float, int, int]],
    standing: _RulesStanding,
) -> list[tuple[int, Effect]]:
    """The rules gone, left unpaired, that the new document says all the same, and the rules come that the
    old one said, as ``(amendment, effect)``:

    - a rule that names its holder, in a paragraph that stands word for word on the other side, under
      headings of the same names (``paragraph_stands``): OpenSpec took the second copy of each requirement
      out of its conventions. (A sentence said again in another paragraph may be about another thing:
      TUF's "The client MUST write the file to non-volatile storage as FILENAME.EXT." says which file in
      the words of its step.)
    - a rule that went (or came) in copies for several holders, when a sentence of a clause this change
      wrote on the other side asks much the same (``_asks_alike``): DAP gathered "The Helper MAY instead
      handle the request immediately." and the Leader's copy, from three sections, into "The HTTP server
      MAY instead handle the request immediately." of a new section on HTTP resources, and its Leader's and
      Collector's "... SHOULD use each response's Retry-After header field ..." into "The HTTP client SHOULD
      use ...". One rule gone for one holder and one come for another are two rules: "The client MUST send
      ..." and "The server MUST send ...". (A table row names no holder before its keyword, but its cells.)
      Only in a change of fewer rules gone and come than the square root of ``MAX_MOVED_RULE_PAIRS``.
    """
    taken_gone, taken_came = {g for _, g, _ in paired}, {c for _, _, c in paired}
    free_gone = [gone[g] for g in range(len(gone)) if g not in taken_gone]
    free_came = [came[c] for c in range(len(came)) if c not in taken_came]
    in_prose = [[(k, rule) for k, rule in side if standing.in_prose(k)] for side in (gone, came)]
    compared = (len(gone) + len(came)) ** 2 <= MAX_MOVED_RULE_PAIRS  # (each with each, and with the other side's)
    found = []
    sides: list[tuple[list[tuple[int, _RuleRead]], Literal["old", "new"]]] = [(free_gone, "new"), (free_came, "old")]
    for free, there in sides:
        for k, rule in free:
            if rule.names_a_holder and not rule.refers_back and standing.paragraph_stands(there, k, rule.sentence):
                found.append((k, rule.effect))
            elif not compared or len(rule.asked) < MIN_WORDS_ASKED_ALIKE or not standing.in_prose(k):
                continue
            elif any(_in_copies_for_several_holders(rule, side) for side in in_prose):
                if any(written and _asks_alike(rule, said) for said, written in standing.rules(there, rule.keyword)):
                    found.append((k, rule.effect))
    return found


MIN_WORDS_ASKED_ALIKE = 3
"""Fewest content words a rule asks (after its keyword) for ``_rules_said_all_the_same`` to look for it
on the other side in other words: "MUST be a string." is said of many things."""


def _in_copies_for_several_holders(rule: _RuleRead, rules: list[tuple[int, _RuleRead]]) -> bool:
    """Whether the rules gone (or come) that ask much the same as ``rule`` name two holders or more."""
    return len({r.holder_words for _, r in rules if r.names_a_holder and _asks_alike(rule, r)}) >= 2


def _asks_alike(rule: _RuleRead, other: _RuleRead) -> bool:
    """Whether two sentences of one keyword ask much the same, and the same values in code, in much the
    same case: rapidfuzz's token-sort ratio of what each asks, after its keyword, is ``MOVED_RULE_SIMILARITY``
    or more, and of their conditions 20 less. Many rules of one holder ask the same in other cases: DAP's
    "If so, the Helper MUST fail the job with error `invalidMessage`." follows each of its checks, so a
    sentence whose case is the one before it (``_REFERS_BACK``) is compared with none."""
    from rapidfuzz import fuzz

    if rule.keyword != other.keyword or 2 * len(rule.asked & other.asked) < len(rule.asked):
        return False
    if rule.refers_back or other.refers_back or code_spans(rule.asks) != code_spans(other.asks):
        return False
    if bool(rule.condition) != bool(other.condition):
        return False
    if rule.condition and fuzz.token_sort_ratio(rule.condition, other.condition) < MOVED_RULE_SIMILARITY - 20:
        return False
    return fuzz.token_sort_ratio(rule.asks, other.asks) >= MOVED_RULE_SIMILARITY


class _RulesStanding:
    """Each side of a document as ``_rules_said_all_the_same`` looks for a rule gone or come on it: its
    paragraphs (clauses) word for word, and the sentences that say a keyword, read as rules, each with
    whether it stands in a clause the change wrote (one of an amendment's). Read when first asked, keyword
    by keyword: most changes ask for none."""

    def __init__(self, alignment: Alignment, amendments: list[Amendment]) -> None:
        self._alignment = alignment
        self._amendments = amendments
        self._paragraphs: dict[str, frozenset[tuple[tuple[str, ...], str]]] = {}
        self._heading_paths: dict[str, dict[str, tuple[str, ...]]] = {}
        self._rules: dict[tuple[str, str], list[tuple[_RuleRead, bool]]] = {}

    def paragraph_stands(self, side: Literal["old", "new"], amendment: int, sentence: str) -> bool:
        """Whether the paragraph of ``amendment`` that says ``sentence``, on the side other than ``side``,
        stands word for word on ``side``, under headings of the same names. A paragraph said under others
        may be about another thing (AsyncAPI's "This object MAY be extended with [Specification Extensions]"
        under each object's "Fixed Fields"), and a list item or a table row is read in its lead-in's case, or
        its scenario's, or its table's (OpenSpec's "- **THEN** OpenSpec SHALL use the current workspace" is
        one rule in each scenario that says it)."""
        changed = self._amendments[amendment]
        own_side: Literal["old", "new"] = "old" if side == "new" else "new"
        own = changed.old if own_side == "old" else changed.new
        if side not in self._paragraphs:
            self._paragraphs[side] = frozenset(
                (self._heading_path(side, c), c.normalized) for c in self._clauses(side) if c.kind == "paragraph"
            )
        return any(
            isinstance(c, Clause)
            and sentence in c.normalized
            and (self._heading_path(own_side, c), c.normalized) in self._paragraphs[side]
            for c in own
        )

    def _heading_path(self, side: Literal["old", "new"], clause: Clause) -> tuple[str, ...]:
        if side not in self._heading_paths:
            self._heading_paths[side] = {s.id: s.heading_path for s in _sections_of(self._alignment, side)}
        return self._heading_paths[side].get(clause.section, ())

    def in_prose(self, amendment: int) -> bool:
        """Whether the clauses of ``amendment`` are paragraphs or list items (``_PROSE``)."""
        changed = self._amendments[amendment]
        return all(isinstance(c, Clause) and c.kind in _PROSE for c in changed.old + changed.new)

    def rules(self, side: Literal["old", "new"], keyword: str) -> list[tuple[_RuleRead, bool]]:
        """The sentences of the paragraphs and list items of ``side`` that say ``keyword``, read as rules, each
        with whether the change wrote it."""
        if (side, keyword) not in self._rules:
            says_it = re.compile(rf"(?<!\w){re.escape(keyword)}(?!\w)")
            written = {c for a in self._amendments if a.unit == "clause" for c in (a.old if side == "old" else a.new)}
            self._rules[side, keyword] = [
                (_RuleRead.of(Effect("modality", keyword, keyword, sentence=sentence), keyword), clause in written)
                for clause in self._clauses(side)
                if keyword in clause.normalized and clause.kind in _PROSE
                for sentence in sentences(clause.normalized)
                if says_it.search(sentence)
            ]
        return self._rules[side, keyword]

    def _clauses(self, side: Literal["old", "new"]) -> list[Clause]:
        alignment = self._alignment
        if side == "old":
            return [c for m in alignment.clauses for c in m.old] + alignment.removed
        return [c for m in alignment.clauses for c in m.new] + alignment.added


def _sections_of(alignment: Alignment, side: Literal["old", "new"]) -> list[Section]:
    """The sections of one version of the document: paired, then removed (or added)."""
    if side == "old":
        return [m.old for m in alignment.sections] + alignment.removed_sections
    return [m.new for m in alignment.sections] + alignment.added_sections


_PROSE = frozenset(("paragraph", "list_item"))
"""The kinds of clause whose rules name their holder in words (``_RulesStanding``)."""


@dataclass(frozen=True)
class _RuleRead:
    """A rule's sentence gone from one clause, or come to one, read to find it again in another."""

    effect: Effect
    """The modality effect that says the rule went (or came); for a rule read where it stands, its keyword
    unchanged (``_RulesStanding``)."""
    keyword: str
    sentence: str
    """The sentence that says it."""
    opening: str
    """The words before its keyword (``_subject``); the whole sentence when it does not say its keyword
    (a list item under its lead-in's)."""
    asks: str
    """The words after its keyword."""
    subject: str
    """Who it binds, as its sentence says: its opening, or nobody when the keyword is its lead-in's."""
    words: frozenset[str]
    """The stems of its content words, but its keyword's."""
    asked: frozenset[str]
    """The stems of the content words of what it asks."""
    values: frozenset[str]
    """The values it names in code."""
    names: frozenset[str]
    """Its words with a capital, but the first and any keyword, in its markup too (an anchor's
    "headersExtensions"): the things it names."""
    holder_words: frozenset[str]
    """The stems of the words of its subject that name who it binds: none for "it" or "- MUST be at least
    one character in length, and SHOULD NOT ...", whose keyword's subject is "and"."""
    condition: str
    """The words before its subject's clause: its case ("If the request fails"), or nothing."""
    refers_back: bool
    """Whether its case is the sentence before it: "If so, the Helper MUST ...", "Otherwise, ..."."""

    @property
    def holder_and_values(self) -> tuple[str, str, tuple[str, ...]]:
        """What ``_rules_moved`` asks to be the same: keyword, subject and the values asked in code."""
        return self.keyword, self.opening, tuple(code_spans(self.asks))

    @property
    def holder(self) -> tuple[str, str]:
        return self.keyword, self.subject

    @property
    def names_a_holder(self) -> bool:
        return bool(self.holder_words)

    @classmethod
    def of(cls, effect: Effect, keyword: str | None, sentence: str | None = None) -> _RuleRead:
        """The rule ``effect`` tells of, read from ``sentence`` (the effect's own, unless given)."""
        sentence = sentence or effect.sentence
        assert keyword is not None and sentence is not None
        before, says_keyword, asks = sentence.partition(keyword)
        keyword_words = set(words(keyword))
        said = [w for w in words(prose(sentence)) if w not in keyword_words]
        capitalised = _A_WORD.findall(_IN_CODE.sub(" ", sentence))[1:]
        opening = _subject(before)
        subject = opening if says_keyword else ""
        return cls(
            effect=effect,
            keyword=keyword,
            sentence=sentence,
            opening=opening,
            asks=asks,
            subject=subject,
            words=frozenset(stem(w) for w in content_words(said)),
            asked=frozenset(stem(w) for w in content_words(words(prose(asks)))),
            values=frozenset(code_spans(sentence)),
            names=frozenset(w.lower() for w in capitalised if w.lower() not in RFC_WORDS and not w.islower()),
            holder_words=frozenset(stem(w) for w in content_words(words(subject)) if w not in _PRONOUNS),
            condition=before.rpartition(",")[0].strip(),
            refers_back=bool(_REFERS_BACK.match(sentence)),
        )


_PRONOUNS = frozenset(("they", "them", "such", "one", "we", "you"))
"""Words of a subject that name no holder of their own (with "it", "this" and the like, which are no content
words): MCP's "If the server supports the requested version, it MUST respond with the same version." gone and
"If the server does not implement the requested version, ..., it MUST respond with an
`UnsupportedProtocolVersionError`" come are two rules."""


_REFERS_BACK = re.compile(r"\W*(?:if (?:so|not)|otherwise|in (?:this|that|either) case|then)\b", re.IGNORECASE)
"""The opening of a sentence whose case is the sentence before it."""


_A_WORD = re.compile(r"[A-Za-z][\w-]*")
"""A word as written, to find those with a capital (all but a sentence's first name things)."""

_IN_CODE = re.compile(r"`+[^`]*`+")
"""A code span, whose values ``_RuleRead`` reads on their own."""


def _subject(before: str) -> str:
    """The words before a rule's keyword in their own clause, but a leading article: "Under such a case,
    the client", "The client" and "Client" all name "client"."""
    return _LEADING_ARTICLE.sub("", before.rsplit(",", 1)[-1].strip().lower())


_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


def _sentence_that_said(effect: Effect, amendment: Amendment) -> str | None:
    """The sentence of ``amendment``'s old text that said the rule ``effect`` tells went. The effect of an
    edited clause names the sentence now in its place: OAuth 2.1 rewrote "The privileges ... MUST depend on
    the assessment ..." as "Depending on the overall process ..., this may affect ...", and said the rule
    again in another section, where it read as a rule added, breaking."""
    if effect.old is None or (effect.sentence and effect.old.lower() in effect.sentence.lower()):
        return effect.sentence
    new_text = " ".join(c.normalized for c in amendment.new if isinstance(c, Clause))
    old_text = " ".join(c.normalized for c in amendment.old if isinstance(c, Clause))
    said = [s for s in sentences(old_text) if effect.old in s and s not in new_text]
    return said[0] if len(said) == 1 else effect.sentence


def _with_its_lead_in(
    keyword: str | None, sentence: str | None, clauses: tuple[Clause | Section, ...], places: _Places, capitals: bool
) -> str | None:
    """A list item's rule, whose keyword is its lead-in's, read as one sentence with the lead-in's opening: SCITT
    cut "Issuers and Transparency Services MUST carefully protect their private signing keys and avoid ..."
    into "Issuers and Transparency Services MUST:" / "- carefully protect their private signing keys", where the
    item alone names no holder, and read a rule removed and one added. (Items are paired as they read alone
    first: MCP moved "OAuth 2.0 Authorization Server Metadata" from one lead-in to another.)"""
    if not keyword or not sentence or keyword in sentence or len(clauses) != 1 or not isinstance(clauses[0], Clause):
        return sentence
    lead_in = _place(clauses[0], places, capitals).lead_in
    if not lead_in or keyword not in lead_in or not lead_in.rstrip().endswith(":"):
        return sentence
    return f"{lead_in.rstrip().removesuffix(':')} {_without_markers(sentence)}"


def _moved_out(effect: Effect) -> bool:
    return effect.type == "modality" and effect.old is not None and effect.new is None and effect.sentence is not None


def _moved_in(effect: Effect) -> bool:
    return effect.type == "modality" and effect.old is None and effect.new is not None and effect.sentence is not None


def _with_distinct_ids(amendments: list[Amendment]) -> list[Amendment]:
    """Number repeated ids (two identical clauses removed from one section): ``id``, ``id-2``…"""
    seen: dict[str, int] = {}
    distinct = []
    for amendment in amendments:
        count = seen.get(amendment.id, 0) + 1
        seen[amendment.id] = count
        distinct.append(replace(amendment, id=f"{amendment.id}-{count}") if count > 1 else amendment)
    return distinct


def _all_sections(alignment: Alignment) -> list[Section]:
    """Every section on either side, each once, to find each clause's place (its lead-in)."""
    found = {id(s): s for m in alignment.sections for s in (m.old, m.new)}
    found.update({id(s): s for s in alignment.added_sections + alignment.removed_sections})
    return list(found.values())


def alignment_texts(alignment: Alignment) -> list[str]:
    """The text of every clause on either side, to tell how the document writes its keywords."""
    return [c.normalized for m in alignment.clauses for c in m.old + m.new] + [
        c.normalized for c in alignment.added + alignment.removed
    ]


CLAUSE_SEPARATOR = " ¶ "
"""Joins the clauses of a split or merge before their words are diffed: the pilcrow shows where a
split cut the clause, or a merge joined two."""


# -- clauses ---------------------------------------------------------------------


class _Places:
    """Each clause's place (``force.places_of``), read section by section when a clause of it is asked about.

    A diff asks only about the clauses it changed: reading every clause's place
    (hashing every clause into one dictionary) took 20 of the 110 ms a commit of the
    3,000-clause history benchmark cost, for the handful of clauses a commit changes.
    As with one dictionary over all sections, a clause found equal in two sections
    (an old and a new one with the same id, path and clause) takes its place from the
    later of the alignment's sections (``_all_sections``). Whether a section is one its
    version declares non-normative is found with all that version's sections at hand.
    """

    def __init__(self, alignment: Alignment, capitals: bool) -> None:
        self._capitals = capitals
        self._sections: dict[tuple[str, str], list[Section]] = {}
        for section in _all_sections(alignment):
            self._sections.setdefault((section.path, section.id), []).append(section)
        self._read: dict[int, dict[Clause, Place]] = {}
        """The places of each section read so far, by the section's ``id()``."""
        self._informative: dict[int, InformativeSections] = {}
        """Each section's version (by the section's ``id()``), to ask which sections it declares non-normative."""
        for side in (_sections_of(alignment, "old"), _sections_of(alignment, "new")):
            self._informative.update(dict.fromkeys(map(id, side), InformativeSections(side)))

    def get(self, clause: Clause) -> Place | None:
        for section in reversed(self._sections.get((clause.path, clause.section), [])):
            places = self._read.get(id(section))
            if places is None:
                version = self._informative.get(id(section))
                informative = (section.id,) if version is not None and version.declares(section.id) else ()
                places = self._read[id(section)] = places_of([section], capitals=self._capitals, informative=informative)
            if clause in places:
                return places[clause]
        return None


_FILE_NAME = re.compile(r"\.[\w-]+/?|[\w.<>/-]*[\w>]\.(?:json|ya?ml|toml|md|mdx|txt|proto)")
"""A file's name or path, one word: a hidden one ("`.kimi`", "`.openspec-workspace/`") or one with the
suffix of a file specs name ("`view.yaml`", "`.windsurf/workflows/opsx-<id>.md`"). (A path alone is not
enough: "`refs/heads/main`", a media type, a formula with a "/" in it are values of other kinds.)"""


_MEDIA_TYPE = re.compile(rf"(?i){MEDIA_TYPE_PREFIX}[\w.+-]+(?:\s*;\s*[\w.-]+=[\w.\"-]+)*")
"""A media type, perhaps with parameters ("`application/vnd.aai.asyncapi+json;version=2.6.0`"): a name on the
wire, as a web address is."""


_NUMERIC = re.compile(r"[-+]?\d")
"""A value that opens with a digit: a status, an error code, a number on the wire, never a name renamed."""


_DOTTED_PATH = re.compile(r"[a-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+\.?")
"""A path of fields or a reverse domain name, in lower case first: SLSA's "`subject.annotations.source_refs`"
-> "`subject.annotations.sourceRefs`", CloudEvents' "`com.github.installation_repository.`". (A type's
qualified name, "`Dock.Bay`", opens with a capital.)"""


_FIELD_SETTING = re.compile(r"[A-Za-z_][\w.-]*:\s+\S.*")
"""A field set to a value: A2A's "`blocking: false`" -> "`return_immediately: true`" names the field a request
sends. (Not a path of a language's names, "`std::fmt`", nor a web address, nor a format such as
"`VARNAME=VARVALUE`", whose names are placeholders.)"""


def _named_a_field(value: str, sentence: str) -> bool:
    """Whether ``sentence`` calls the code ``value`` a field of the data ("the `subject` field", "the property
    `refers`"): a field renamed throughout is another name on the wire, which what implemented the old
    one does not read (the OCI distribution spec's "MUST accept ... a manifest with a `refers` field" ->
    "`subject` field"). A type's name is no field's: "the `stack` object" may be renamed throughout.

    The sentence may also open on the name to define it, as the OCI specs do: "`subject` [descriptor](...)
    This OPTIONAL property specifies ..." (not across a table's cells: "| `session_id` | path | ... This field
    can accept ..." names a placeholder of a URL).

    >>> _named_a_field("subject", "a manifest with a `subject` field"), _named_a_field("x", "the `x` object")
    (True, False)
    >>> _named_a_field("subject", "`subject` [descriptor](descriptor.md) This OPTIONAL property specifies ...")
    True
    >>> _named_a_field("level", "- `level` (required): an integer from 1 to 5")
    True
    """
    code = f"`{re.escape(value)}`"
    defined = rf"^[\W_]*{code}(?:[^.!?|]|\.(?=\S)){{0,60}}?\bThis\s+(?:\w+\s+){{0,2}}?{_FIELD_WORD}"
    # (or an item that opens on the name and what it holds: Nostr's "- `difficulty` (required): Integer from 1-5")
    listed = rf"^\s*(?:[-*+]\s+)?{code}\s*\((?:required|optional|recommended)\)"
    pattern = rf"(?i){code}\s+{_FIELD_WORD}|{_FIELD_WORD}\s+(?:named\s+)?{code}|{defined}|{listed}"
    return re.search(pattern, sentence) is not None


_FIELD_WORD = r"\b(?:field|property|member|key|header|attribute)s?\b"
"""What a specification calls a named part of the data it defines. (Not "parameter": the OCI distribution
spec's "`<uuid>`" in a URL template, renamed "`<session_id>`", names a placeholder, not what is sent.)"""


def _on_the_wire(value: str) -> bool:
    """Whether ``value`` is one a document never renames throughout (``_NamesInCode``): a file's name, a
    media type, a code that opens with a digit ("`409 Conflict`", "`0x2028d7f0`"), a path of fields, a field set
    to a value."""
    wire = _FILE_NAME.fullmatch(value) or _MEDIA_TYPE.fullmatch(value) or _DOTTED_PATH.fullmatch(value)
    wire = wire or _FIELD_SETTING.fullmatch(value)
    return bool(wire or _NUMERIC.match(value))


class _NamesInCode:
    """The names and values each version of the document writes as code, read when first asked.

    A value replaced in a rule changes what complies ("MUST answer `409 Conflict`" -> "`400 Bad
    Request`"), unless the document renamed a name throughout: the old name is nowhere in the
    new version and the new name nowhere in the old one (a constant `MAX_BYTES` become
    `MAX_TRANSACTION_BYTES`, a type `Bitvector` become `BitVector`). Such an effect is ``renamed``.
    A web address is never renamed: changed throughout, it is still another identifier on the wire
    (in-toto's predicate type "https://in-toto.io/attestation/scai/attribute-report/v0.2" -> ".../scai/v0.3").
    Nor is a code that opens with a digit (A2A's "`409 Conflict`" -> "`400 Bad Request`"), nor a media
    type (AsyncAPI's required schema formats, "`application/vnd.aai.asyncapi;version=2.5.0`" ->
    "`...;version=2.6.0`" each release), nor a file's name (``_FILE_NAME``): changed throughout, it is
    another place on disk that an implementation must read or write (OpenSpec's "SHALL be stored in
    `.openspec-workspace/workspace.yaml`" -> "`view.yaml`", "`skillsDir` SHALL be `.kimi`" -> "`.kimi-code`").
    It also tells whether the old version said a value at all, in code or not (``said_before``), and
    whether a name written bare, in CamelCase, was renamed throughout (``only_renamed_throughout``).
    """

    def __init__(self, alignment: Alignment) -> None:
        self._alignment = alignment
        self._names: tuple[set[str], set[str]] | None = None
        self._texts: dict[str, str] = {}
        self._camel_case: dict[str, Counter[str]] = {}

    def read(self, effect: Effect) -> Effect:
        """``effect`` (a value replaced), marked ``renamed`` when the document renamed it throughout."""
        old, new = effect.old or "", effect.new or ""
        if old.startswith(("http://", "https://")) and urllib.parse.unquote(old) != urllib.parse.unquote(new):
            return effect  # (one only written in other escapes, "!" -> "%21", is the same address)
        if _on_the_wire(old) or _on_the_wire(new) or _named_a_field(new, effect.sentence or ""):
            return effect
        old_names, new_names = self._read()
        return replace(effect, direction="renamed") if effect.old not in new_names and effect.new not in old_names else effect

    def only_renamed_throughout(self, old: str, new: str) -> bool:
        """Whether ``new`` only writes, where ``old`` wrote a name in CamelCase, another that the document
        took for it throughout, perhaps with its article made to fit ("an MLSPlaintext" -> "a PublicMessage").
        MLS renamed its message types so, written bare, not as code: "Applications MUST use MLSCiphertext
        ..." -> "... PrivateMessage ..." read as reworded, substantive, and "MUST be sent as an MLSPlaintext
        object" as a rule asking another thing, breaking. "Throughout": the new name is nowhere in the old
        version, and the old one is left in at most a fifth of the places the old version wrote it (MLS's
        rename missed one "MLSCiphertext" of its dozens)."""
        if _CAMEL_CASE.search(old) is None:
            return False  # (most clauses: no name to rename, and no words to compare)
        a, b = old.split(), new.split()
        swapped: list[tuple[str, str]] = []
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if tag == "equal":
                continue
            if tag != "replace" or i2 - i1 != j2 - j1:
                return False
            swapped += zip(a[i1:i2], b[j1:j2])
        renames = [(x, y) for x, y in swapped if {x.lower(), y.lower()} != {"a", "an"}]
        return bool(renames) and all(self._renamed_throughout(x, y) for x, y in renames)

    def _renamed_throughout(self, old_word: str, new_word: str) -> bool:
        if any(mark in old_word + new_word for mark in "`\"'"):
            return False  # (a name in code or quotes is a value: ``read``, A2A's proto_to_table(..., "PasswordOAuthFlow"))
        x, y = (_CAMEL_CASE.search(word) for word in (old_word, new_word))
        if x is None or y is None or _CAMEL_CASE.sub("", old_word) != _CAMEL_CASE.sub("", new_word):
            return False  # (the marks around the names, "(MLSPlaintext)", are the same)
        before, after = self._names_in_camel_case("old"), self._names_in_camel_case("new")
        return before[y[0]] == 0 and after[y[0]] > 0 and after[x[0]] * RENAMED_LEFT_AT_MOST <= before[x[0]]

    def _names_in_camel_case(self, side: Literal["old", "new"]) -> Counter[str]:
        """How often one version writes each name in CamelCase, counted once for every clause that asks."""
        if side not in self._camel_case:
            self._camel_case[side] = Counter(_CAMEL_CASE.findall(self._text(side)))
        return self._camel_case[side]

    def said_before(self, value: str) -> bool:
        """Whether the old version of the document says ``value`` anywhere, in code or not."""
        return value in self._text("old")

    def said_after(self, words: str) -> bool:
        """Whether the new version of the document says ``words`` (in lower case) anywhere, in any case."""
        return re.search(rf"\b{re.escape(words)}\b", self._text("new").lower()) is not None

    def _text(self, side: Literal["old", "new"]) -> str:
        if side not in self._texts:
            sections = _sections_of(self._alignment, side)
            self._texts[side] = "\n".join(text for s in sections for text in (s.heading, *(c.normalized for c in s.clauses)))
        return self._texts[side]

    def _read(self) -> tuple[set[str], set[str]]:
        if self._names is None:
            self._names = (_code_names(_sections_of(self._alignment, "old")), _code_names(_sections_of(self._alignment, "new")))
        return self._names


RENAMED_LEFT_AT_MOST = 5
"""A name renamed throughout may be left in one place of every five it stood in (``only_renamed_throughout``)."""
_CAMEL_CASE = re.compile(r"(?<![\w-])(?=[A-Za-z]*[a-z])(?=[A-Za-z]{6})[A-Z][a-z]*[A-Z][A-Za-z]*(?![\w-])")
"""A type's name in CamelCase, written bare, of letters only and six at least: "PrivateMessage", "MLSCiphertext"
(not "MUST", "Dock", a unit, "KiB", a hash, "Qm7fDockRideX2", or a field's name, "triggerEventRef", which a
message carries on the wire)."""


def _code_names(sections: list[Section]) -> set[str]:
    return {name for s in sections for text in (s.heading, *(c.normalized for c in s.clauses)) for name in code_spans(text)}


def _place(clause: Clause, places: _Places, capitals: bool) -> Place:
    return places.get(clause) or Place(clause.kind, path=clause.path, capitals=capitals)


def _says_nothing_of_the_spec(clause: Clause) -> bool:
    """Whether a clause is only markup and a label ("<Note>"), the names of who wrote the spec
    ("Authors: [@ann]"), the spec's edition ("_September 2025 Edition_") or its date line ("Date:
    September 2021"), or that it asks nothing of IANA ("This document has no IANA actions.")."""
    return (
        markup_and_label(clause)
        or names_its_writers(clause)
        or stamps_its_edition(clause)
        or _dates_the_spec(clause)
        or asks_nothing_of_iana(clause)
    )


def _dates_the_spec(clause: Clause) -> bool:
    """Whether a paragraph is only the date line under a spec's title, OpAMP's "Date: September 2021": a date
    as ``lexicon.DATE`` reads one, or a year and month, "2021-09" (not "Date: the day you ride")."""
    return clause.kind == "paragraph" and _DATE_LINE.fullmatch(clause.normalized.strip()) is not None


_DATE_LINE = re.compile(rf"Date:\s*(?:{DATE.pattern}|\d{{4}}-\d{{2}})")


def _clause_change(
    match: ClauseMatch, section_pairs: dict[str, str], places: _Places, capitals: bool, names: _NamesInCode
) -> Amendment | None:
    old_text = " ".join(c.normalized for c in match.old)
    new_text = " ".join(c.normalized for c in match.new)
    kind: AmendmentKind
    if len(match.old) > 1 or len(match.new) > 1:
        kind = "merged" if len(match.old) > 1 else "split"
        old_text, new_text = _joined_without_markers(match.old), _joined_without_markers(match.new)
    elif match.moved:
        kind = "moved"
    elif old_text != new_text:
        kind = "modified"
    else:
        return None
    example = all(c.kind == "example" or labelled_example(c) for c in match.old + match.new)
    retargeted = old_text != new_text and visible_text(old_text) == visible_text(new_text)
    retargeted = retargeted and not sample_reshaped(old_text, new_text)  # (a sample's brackets and YAML indents nest it)
    says_nothing = all(map(_says_nothing_of_the_spec, match.old + match.new))
    if says_nothing or _page_metadata_changed(match.old, match.new):
        effects = [Effect("editorial")]  # a "<Note>" line for a "<Warning>" one: no words a reader sees but a label
    elif retargeted:  # only anchors and link targets changed: where things lead, not what they say
        effects = _reference_effects(match.old, match.new) + _anchor_effects(match.old, match.new)
    elif not example and names.only_renamed_throughout(old_text, new_text):
        effects = [Effect("editorial")]  # MLS's "MUST use MLSCiphertext" -> "... PrivateMessage": the type renamed throughout
    else:
        if all(c.kind == "front_matter" for c in match.old + match.new):
            # (the page's date and editors changed beside its description: the date is no number of a rule)
            old_text, new_text = (" ".join(front_matter_read(c) for c in side) for side in (match.old, match.new))
        old_place, new_place = _place(match.old[0], places, capitals), _place(match.new[-1], places, capitals)
        effects = describe_change(old_text, new_text, example=example, old_place=old_place, new_place=new_place)
        effects = [names.read(e) if e.type == "value" and e.normative and not e.direction else e for e in effects]
        if effects == [Effect("editorial", confidence=UNSURE)] and _holder_swapped(old_text, new_text, names):
            effects = [Effect("wording")]
        renamed = _field_renamed(old_text, new_text, old_place, new_place)
        if renamed:  # (what else the row says is still read; that it was reworded, the name says)
            said = [e for e in effects if e.type != "editorial" and (e.type, e.old, e.new) != ("wording", None, None)]
            effects = renamed + said
        effects += _reference_effects(match.old, match.new)
    if example and len(match.old) == len(match.new) == 1:
        place = _place(match.new[0], places, capitals)
        if place.completes and _place(match.old[0], places, capitals).completes:
            effects = _lines_of_a_rule(match.old[0], match.new[0], place) or effects
    if kind in ("split", "merged") and not effects:
        effects = [Effect("editorial")]
    elif kind in ("split", "merged") and any(e.type == "editorial" and e.confidence < 1 for e in effects):
        # Paragraphs joined or cut with a few words changed at the seam ("... answer, so most ...")
        # stay a visible change, not a slight rewording: the history counts them as a revision.
        effects = [Effect("wording") if e.type == "editorial" else e for e in effects]
    across = section_pairs.get(match.old[0].section) != match.new[0].section
    # Link reference definitions ("[oci-runtime-config]: https://...") show nowhere: moved to the end of
    # the file (the image spec's conversion.md), they leave the section they sat in saying what it said.
    across = across and not all(only_link_definitions(c.normalized) for c in match.old + match.new)
    # Nor does a type declared, or an anchor, moved word for word: it means the same wherever it stands (LSP
    # moved its glob types, each under an anchor's "<div>", to a section of their own).
    meaning_everywhere = all(markup_only(c) or declares_schema(c.text) for c in match.old + match.new)
    across = across and not (old_text == new_text and meaning_everywhere)
    effects = with_unsure_breaks(effects)
    graded = severity(kind, effects, moved_across_sections=across)
    if retargeted and not across:
        graded = "editorial"
    return _amendment(
        "clause",
        kind,
        graded,
        match.old,
        match.new,
        match.score,
        effects,
        word_diff(CLAUSE_SEPARATOR.join(c.normalized for c in match.old), CLAUSE_SEPARATOR.join(c.normalized for c in match.new)),
    )


def _holder_swapped(old: str, new: str, names: _NamesInCode) -> bool:
    """Whether the words that name whom a keyword binds were swapped for others, every keyword kept, while the
    document still says the old ones: DAP's "If so, the the Helper MUST fail the job ..." -> "If so, the
    Leader MUST fail ..." changed a word and a half of a long item, read as a slip, and binds another party.
    A holder renamed throughout is a term renamed (SLSA's "The build system MUST ..." -> "The build platform
    MUST ..."), one respelled or made plural names the same, and one the sentence still names was only put
    further from the keyword (JSON:API's "If present, its value MUST be ..." -> "..., the value of the
    `jsonapi` member MUST be ...").

    >>> _HOLDER_AND_KEYWORD.findall("If so, the Helper MUST fail. The build system SHOULD log.")
    [('the Helper', 'MUST'), ('build system', 'SHOULD')]
    """
    before, after = _HOLDER_AND_KEYWORD.findall(old), _HOLDER_AND_KEYWORD.findall(new)
    if [keyword for _, keyword in before] != [keyword for _, keyword in after]:
        return False
    old_words, new_words = set(words(old.lower())), set(words(new.lower()))
    for (was, _), (now, _) in zip(before, after):
        was, now = (_LEADING_ARTICLE.sub("", said.lower()) for said in (was, now))
        heads = was.split()[-1], now.split()[-1]
        if stem(heads[0]) == stem(heads[1]) or only_typos(*heads) or set(heads) & _NAMES_NO_HOLDER:
            continue
        if heads[0] not in new_words and heads[1] not in old_words and names.said_after(was):
            return True
    return False


_HOLDER_AND_KEYWORD = re.compile(r"((?:[A-Za-z][\w-]*\s+)?[A-Za-z][\w-]*)\s+(MUST|SHALL|SHOULD|MAY|must|shall|should)\b")
"""The word or two right before a keyword: whom it binds, in most rules."""

_NAMES_NO_HOLDER = frozenset(("it", "they", "this", "that", "also", "then", "still", "always", "only", "not", "and", "or"))
"""Words that stand right before a keyword and name no holder."""


def _joined_without_markers(clauses: tuple[Clause, ...]) -> str:
    """The texts of the clauses a split or merge made or joined, without the marks that number, letter or
    bullet their parts: OpenTelemetry's item "2. For each entity definition: a. Skip if ... b. Extract ..."
    became a nested list, "1. Skip if ...", "2. Extract ...", which read as reworded."""
    return " ".join(_without_markers(c.normalized) for c in clauses)


def _without_markers(text: str) -> str:
    """``text`` without the bullets and numbers that open its lines, and without its steps' letters when
    they run "a.", "b.", ..."""
    text = _LINE_MARKER.sub("", text)
    if [m.group(1) for m in itertools.islice(_LETTERED_STEP.finditer(text), 2)] == ["a", "b"]:
        text = _LETTERED_STEP.sub("", text)
    return text


_LINE_MARKER = re.compile(r"(?m)^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+")
"""A list's bullet or number opening a line: "- ", "   2. "."""
_LETTERED_STEP = re.compile(r"(?:^|(?<=\s))([a-z])[.)]\s+(?=[A-Z`*_\[(])")
"""A step's letter in a line of text, "a. Skip if empty b. Extract the type": one only when the letters
run "a.", "b.", ... ("Plan a. The" is a plan's name)."""


def _lines_of_a_rule(old: Clause, new: Clause, place: Place) -> list[Effect]:
    """What the lines that came, went or changed in a code block that completes a rule's sentence
    (:attr:`force.Place.completes`) do, each read as an item of that rule: the OCI distribution spec added
    "Range: 0-<end-of-range>" to the block under "... MUST have the following headers:", a header the
    response now must have. None when no line changed (only the fence, say)."""
    item = replace(place, kind="list_item", lead_in=place.completes, completes=None, opening=None)
    before, after = code_lines(old.normalized), code_lines(new.normalized)
    effects: list[Effect] = []
    for _, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        paired = min(i2 - i1, j2 - j1)  # lines replaced, one for one, in order; the rest came or went
        for line_before, line_after in zip(before[i1 : i1 + paired], after[j1 : j1 + paired]):
            if line_before != line_after:
                effects += describe_change(line_before, line_after, old_place=item, new_place=item)
        effects += [e for line in before[i1 + paired : i2] for e in describe_clause(line, added=False, place=item)]
        effects += [e for line in after[j1 + paired : j2] for e in describe_clause(line, added=True, place=item)]
    said = [e for e in effects if e.type != "editorial"]  # a line only respelt says nothing beside one that does
    return said or effects[:1]


def _reference_effects(old: tuple[Clause, ...], new: tuple[Clause, ...]) -> list[Effect]:
    old_refs = [*(f"[^{f}]" for c in old for f in c.footnotes), *(link for c in old for link in c.links)]
    new_refs = [*(f"[^{f}]" for c in new for f in c.footnotes), *(link for c in new for link in c.links)]
    if set(old_refs) == set(new_refs):
        return []
    return [
        Effect(
            "reference",
            ", ".join(r for r in old_refs if r not in new_refs) or None,
            ", ".join(r for r in new_refs if r not in old_refs) or None,
        )
    ]


def _anchor_effects(old: tuple[Clause, ...], new: tuple[Clause, ...]) -> list[Effect]:
    """An ``attribute`` effect when the anchors set in the clauses changed (``<a name="x">``)."""
    before = [a for c in old for a in c.anchors]
    after = [a for c in new for a in c.anchors]
    if before == after:
        return []
    return [Effect("attribute", ", ".join(f"#{a}" for a in before) or None, ", ".join(f"#{a}" for a in after) or None)]


def _page_metadata_changed(old: tuple[Clause, ...], new: tuple[Clause, ...]) -> bool:
    """Whether front matter changed only in how a documentation site shows the page, or in who wrote it
    and when (``parse.PAGE_METADATA``): OpenFeature's "sidebar_position: 5" -> "0" and IPFS's "date:
    2025-10-13" -> "2026-03-05" read as numbers changed, and a new page's "id", "title" and
    "sidebar_position" as a clause worth a read. A missing side (front matter added or removed whole)
    has no fields."""
    if len(old) > 1 or len(new) > 1 or any(c.kind != "front_matter" for c in old + new):
        return False
    before = front_matter_meaning(old[0]) if old else {}
    after = front_matter_meaning(new[0]) if new else {}
    changed = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    # (or no field read changed: QUIC's "date: {DATE}" -> "2021-05" in a normative reference's entry)
    return changed <= PAGE_METADATA and bool(before or after)


def _clause_added_or_removed(
    kind: Literal["added", "removed"],
    clause: Clause,
    place: Place,
    *,
    case_of_a_rule: bool = True,
    twice: frozenset[tuple[str, str, str]] = frozenset(),
) -> Amendment:
    """A clause that came or went whole. ``case_of_a_rule``: a list item that states no rule of its
    own under a lead-in that lists the cases of a rule is one case more or less in which the rule
    binds (not when the lead-in came with it: the rule came whole). ``twice`` holds the texts a
    section says twice in a row on one side and at least once on the other (``_said_twice``)."""
    old, new = ((), (clause,)) if kind == "added" else ((clause,), ())
    side = "new" if kind == "added" else "old"
    if _says_nothing_of_the_spec(clause) or _page_metadata_changed(old, new):
        # "<Note>", "<dt>Summary<dd>", "Authors: [@ann]", "sidebar_position: 3"
        effects = [Effect("editorial")]
    elif (side, clause.section, clause.normalized) in twice:
        effects = [Effect("editorial")]  # A2A's spec showed a table twice, one line after the other: said once now
    else:  # (what an example's dialogue says, "you must...", is not a rule of the spec)
        example = clause.kind == "example" or labelled_example(clause)
        effects = with_unsure_breaks(describe_clause(clause.normalized, added=kind == "added", example=example, place=place))
        if kind == "removed":
            effects = _field_removed(clause, place) + effects
        if case_of_a_rule and not any(e.type == "modality" for e in effects):
            effects += _case_of_a_rule(kind, clause, place)
        elif case_of_a_rule and rule_with_alternatives(place) and not _states_its_own_rule(clause, place):
            effects = _alternative_of_a_rule(kind, clause, place)
    tag = "insert" if kind == "added" else "delete"
    return _amendment("clause", kind, severity(kind, effects), old, new, 0.0, effects, [(tag, clause.normalized)])


def _said_twice(alignment: Alignment) -> frozenset[tuple[str, str, str]]:
    """The texts a section says twice in a row on one side (old or new) and at least once on the other,
    as (side, section id, text): one of the two that came or went says nothing new. A2A's spec called
    ``proto_to_table("TaskPushNotificationConfig")`` twice in a row, and the copy removed read as a table
    taken out of the spec. (A text said twice apart may say two things: "- It MUST be a JSON object"
    under two lead-ins, an example repeated for another case.)"""
    asked = {("old", c.section) for c in alignment.removed} | {("new", c.section) for c in alignment.added}
    found = set()
    for match in alignment.sections if asked else ():
        for side, this, other in (("old", match.old, match.new), ("new", match.new, match.old)):
            if (side, this.id) not in asked:
                continue
            texts = [c.normalized for c in this.clauses]
            repeated = {text for text, after in zip(texts, texts[1:]) if text == after}
            if repeated:
                kept = {c.normalized for c in other.clauses}
                found |= {(side, this.id, text) for text in repeated & kept}
    return frozenset(found)


def _copies_of_kept_clauses(alignment: Alignment) -> frozenset[tuple[str, str, str]]:
    """The clauses that came or went while a copy of their words (a slip aside) stood elsewhere in their
    section on the same side and was kept (or in the section their words speak of, ``_of_that_section``),
    as (side, section id, text): a copy pasted twice by mistake, or its fix. Nostr's relay information NIP
    pasted its "The relay MAY choose to publish its software version ..." paragraph a second time, then
    dropped the copy: read as a recommendation added, then a licence removed, both breaking. Only a long
    paragraph or a type declared in code (``_long_enough_to_copy``): a short sentence said in two places,
    "This field is OPTIONAL.", says it of two things, and so does a long one said in two sections (OpenAPI's
    "^x- | Any | Allows extensions ..." row, in the table of each object that takes extensions)."""
    found = set()
    for side, changed, sections in (
        ("old", alignment.removed, [m.old for m in alignment.sections]),
        ("new", alignment.added, [m.new for m in alignment.sections]),
    ):
        # (the clauses that came or went by the ends of their text, then the kept ones with an end alike:
        # reading every kept paragraph's words cost a tenth of a second on the Model Spec)
        wanted: dict[tuple[str, ...], list[Clause]] = defaultdict(list)
        for clause in changed:
            if _long_enough_to_copy(clause):
                for end in _ends(clause.normalized):
                    wanted[end].append(clause)
        if not wanted:
            continue
        left = {id(c) for c in changed}
        twins: dict[int, list[tuple[Section, Clause]]] = defaultdict(list)
        home = {}
        for section in sections:
            for kept in section.clauses:
                home[id(kept)] = section
                if id(kept) in left or kept.kind not in ("paragraph", "example"):
                    continue
                for end in _ends(kept.normalized):
                    for clause in wanted.get(end, ()):
                        twins[id(clause)].append((section, kept))
        for clause in changed:
            own, text = home.get(id(clause)), clause.normalized
            if own is None or not twins[id(clause)]:
                continue
            said, own_heading = content_words(words(text)), _heading_words(own)
            if any(
                (section is own or _of_that_section(said, _heading_words(section), own_heading))
                and (kept.normalized == text or only_typos(text, kept.normalized))
                and _long_enough_to_copy(kept)
                for section, kept in twins[id(clause)]
            ):
                found.add((side, clause.section, text))
    return frozenset(found)


def _heading_words(section: Section) -> set[str]:
    return content_words(words(shown_text(section.heading)))


def _of_that_section(said: set[str], twin_heading: set[str], own_heading: set[str]) -> bool:
    """Whether a text speaks of what its twin's section is named for and not of its own: Nostr pasted
    its "Version" paragraph, "The relay MAY choose to publish its software version ...", under "Terms
    of Service". (CloudEvents describes an `endpoints` field under two sections of that name, one for
    each object that has it: each copy speaks of its own.)"""
    return bool(said & twin_heading) and not said & own_heading


def _long_enough_to_copy(clause: Clause) -> bool:
    """A paragraph long enough, or a code block that declares a type: a list item or a table row is read
    with its lead-in or its table, and says its words of whatever they name ("- The flag is set to `true`
    if ..." under "For a Sum:" and under "For a Gauge:")."""
    if clause.kind == "paragraph":  # (its words, not its tags': MCP's schema page is spans of one word each)
        return len(words(editorial_form(clause.normalized))) >= _COPY_WORDS_AT_LEAST
    return clause.kind == "example" and declares_schema(clause.normalized)


def _ends(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The first three words of ``text`` and its last three, as written: a slip fixed in a copy leaves one
    end as it was."""
    said = text.split()
    return ("first", *said[:3]), ("last", *said[-3:])


_COPY_WORDS_AT_LEAST = 25
"""Words a paragraph needs for a copy of it to be read as the same paragraph pasted twice."""


def _states_its_own_rule(clause: Clause, place: Place) -> bool:
    """Whether a list item states a rule read without its lead-in's force."""
    return states_a_rule(clause.normalized, replace(place, lead_in=None))


def _alternative_of_a_rule(kind: Literal["added", "removed"], clause: Clause, place: Place) -> list[Effect]:
    """"- a member defined by an applied extension" added under JSON:API's "A document **MUST** contain
    at least one of the following top-level members:": one more way to comply with a rule that was
    there (``force.rule_with_alternatives``), which the item, stating no rule of its own, took for an
    obligation added. Added, it broadens what complies; taken away, it narrows it."""
    text = clause.normalized
    old, new, direction = (None, text, "broadened") if kind == "added" else (text, None, "narrowed")
    return [Effect("wording", old, new, direction, sentence=place.lead_in, normative=True, old_obliges=True, new_obliges=True)]


def _case_of_a_rule(kind: Literal["added", "removed"], clause: Clause, place: Place) -> list[Effect]:
    """"- `channel_type` is not set" added under Lightning's "MUST fail the negotiation if:": the rule
    binds in one more case (``force.rule_with_cases``), as a condition widened would make it; one
    taken away, in one fewer. An item that leads a list of its own ("- if `prevtx_len` is `0`:") is
    left to its items."""
    rule = rule_with_cases(place)
    if rule is None or clause.normalized.rstrip().endswith(":"):
        return []
    text = clause.normalized
    old, new, direction = (None, text, "scope_widened") if kind == "added" else (text, None, "scope_narrowed")
    duty = rule.modal.obliges
    case = Effect("condition", old, new, direction, sentence=place.lead_in, normative=True)
    return [replace(case, old_obliges=duty, new_obliges=duty)]


def _in_new_options(alignment: Alignment, capitals: bool, names: _NamesInCode) -> set[Clause]:
    """The added list items inside an option added in the same change: runtime-spec added an
    optional `hwConfig` object whose `iomems` member holds "`firstMFN` (int REQUIRED)". A rule there
    binds only those who use the new option, so nothing that complied before fails it. An item's
    option is the item it is nested in, or for an item of the first level the paragraph just above
    its list, when it defines an optional field ("`hwConfig` (object OPTIONAL) ...", ``_OPTIONAL_FIELD``),
    leads the list with a licence the change granted (``_leads_a_new_licence``; such a lead-in added is
    inside it too when it binds only those who take the licence, ``_binds_only_takers``), or leads a list
    of ways one may provide ("If an SDK provides a way to:", ``_LEADS_OPTIONAL_WAYS``). A clause added that
    opens on a value of a parameter a licence new in the change offers ("(**Development**) If
    `view_matching_mode` is `composable`, ...:" under "A `MeterProvider` MAY accept a `view_matching_mode`
    parameter") is an option too, with the items under it, and so is one added just after such a clause
    on the values it does not list ("Any other value MUST be treated as unsupported.", ``_OTHER_VALUES``), or one
    that opens on a value or a kind of thing the old version never named (the OCI image spec's "When the
    algorithm identifier is `blake3`, the encoded portion MUST match ...", GraphQL's "If the Input Object is
    a _OneOf Input Object_ then:", ``_OPENS_ON_A_NAMED_VALUE``), or one right after a
    licence added that opens on the leave taken ("If included, ...", ``_TAKEN_UP``). (The definition
    of a new optional field itself is read as written: "`path` (string, OPTIONAL) ... The runtime
    MUST mount it" asks every runtime to handle the new field.)"""
    added = set(alignment.added)
    # (a paragraph that kept its words granted nothing new: only the reworded ones are asked)
    was = {
        m.new[0]: " ".join(c.normalized for c in m.old)
        for m in alignment.clauses
        if len(m.new) == 1 and not (len(m.old) == 1 and m.old[0].fingerprint == m.new[0].fingerprint)
    }
    leads_new_licence = {
        c for c in alignment.added + list(was) if c.kind == "paragraph" and _leads_a_new_licence(c, was.get(c, ""), capitals)
    }
    if not leads_new_licence and not any(
        "`" in c.normalized
        or c.kind == "list_item"
        or _TAKEN_UP.match(c.normalized)
        or _OPENS_ON_A_NAMED_VALUE.match(c.normalized)
        for c in alignment.added
    ):
        return set()  # (every field is named in code, a way offered is a list item, and a kind of thing named opens its clause)
    # (a lead-in added with its licence binds only its takers too: "A `MeterProvider` MAY accept ...
    # A `MeterProvider` that accepts this parameter MUST support the following values:")
    found: set[Clause] = {c for c in leads_new_licence if c in added and _binds_only_takers(c, capitals)}
    # (a clause added that opens on a value of a parameter a new licence offers binds only its takers)
    offered_parameters = {
        name
        for c in alignment.added + list(was)
        for name in _OFFERED_PARAMETER.findall(c.normalized)
        if name not in _OFFERED_PARAMETER.findall(was.get(c, ""))
    }
    found |= {c for c in added if _opens_on_a_value_of(c.normalized, offered_parameters)}
    # (and so does one that opens on a value the document never named before: "When the algorithm identifier is `blake3`, ...")
    found |= {c for c in added if _opens_on_something_new(c, names)}
    with_added = {(c.path, c.section) for c in alignment.added}
    for section in _sections_of(alignment, "new"):
        if (section.path, section.id) not in with_added:
            continue  # (an option and the items inside it stand in one section)
        above: Clause | None = None  # the paragraph just above the list being read
        open_items: list[tuple[int, Clause]] = []  # the items above, by indent
        for before, clause in zip([None, *section.clauses], section.clauses):
            if clause in added and before in found and _OTHER_VALUES.match(clause.normalized):
                found.add(clause)  # (what is done with values of a new parameter not listed binds only its takers too)
            taken_up = clause in added and before in added and _TAKEN_UP.match(clause.normalized)
            if taken_up and before is not None and _grants_leave(before.normalized, capitals):
                found.add(clause)  # ("Registries MAY include warnings ..." / "If included, `Warning` headers MUST ...")
            if clause.kind != "list_item":
                above, open_items = (clause if clause.kind == "paragraph" else None), []
                continue
            indent = len(clause.text) - len(clause.text.lstrip())
            while open_items and open_items[-1][0] >= indent:
                open_items.pop()
            field = open_items[-1][1] if open_items else above
            new_field = field in added and _OPTIONAL_FIELD.match(field.normalized)
            way_offered = field is above and field is not None and _LEADS_OPTIONAL_WAYS.match(field.normalized) is not None
            new_option = field is not None and (field in found or bool(new_field) or field in leads_new_licence or way_offered)
            if clause in added and new_option:
                found.add(clause)  # (an item inside it is inside the new option too, whatever its own force)
            open_items.append((indent, clause))
    return found


def _in_new_optional_sections(alignment: Alignment) -> set[Clause]:
    """The clauses of a section the change added whose opening sentence says what it specifies is
    optional, and of the sections added under it: IPFS added "## DHT Routing API", opening "The DHT
    Routing API is OPTIONAL.", with an endpoint's rules in its subsections; OpenTelemetry added sections
    that open "**Status**: [Development](../document-status.md)", parts not yet stable, which no
    implementation has to take up (``_IN_DEVELOPMENT``). They bind only whoever implements the new part,
    as the rules of a new file do (``in_new_file``). So do those of a section
    added that licenses implementing what its heading names: the OCI image spec added "#### BLAKE3", whose
    paragraph says "The hash output length MUST be 256 bits. Implementations MAY implement BLAKE3 digest
    verification ..." (``_licenses_its_subject``)."""
    optional: set[str] = set()
    found: set[Clause] = set()
    for section in alignment.added_sections:  # (in the document's order: a section before those under it)
        opening = section.clauses[0] if section.clauses else None
        declared = opening is not None and bool(
            opening.kind == "paragraph" and _DECLARED_OPTIONAL.match(opening.normalized)
            or _IN_DEVELOPMENT.fullmatch(opening.normalized)
        )
        if declared or section.parent in optional or _licenses_its_subject(section):
            optional.add(section.id)
            found.update(section.clauses)
    return found


def _licenses_its_subject(section: Section) -> bool:
    """Whether a clause of ``section`` licenses implementing or supporting what its heading names, as
    the heading writes it ("#### BLAKE3" / "Implementations MAY implement BLAKE3 digest verification").
    (Not a licence to use it: JSON:API's "`profile` Query Parameter" section says "A client MAY use the
    `profile` query parameter" and binds every server to answer it; nor a kind of thing: IPNS's "Key
    Types" section says "Implementations MAY support Secp256k1 ... key types" beside a MUST for Ed25519.)"""
    subject = shown_text(section.heading).strip(" *_`")
    if not subject or len(subject.split()) > 3:
        return False
    licence = re.compile(rf"\b(?i:MAY)\s+(?i:implement|support)\b[^.!?]{{0,200}}?(?<![\w-]){re.escape(subject)}(?![\w-])")
    return any(licence.search(clause.normalized) for clause in section.clauses)


_IN_DEVELOPMENT = re.compile(r"(?i)[\W_]*status[\W_]*:[\W_]*\[?[\W_]*(?:development|experimental|alpha)\b.*")
"""A status line that says a part is still in development: "**Status**: [Development](../document-status.md)",
"Status: Experimental". (Not "Stable" or "Deprecated", nor a status named only in running text.)"""


_DECLARED_OPTIONAL = re.compile(
    r"(?i)[^.!?:`]*?\b(?:apis?|extensions?|features?|profiles?|modules?|capabilit(?:y|ies)|support|implementing)\b"
    r"[^.!?:`]*?\b(?:is|are)\s+(?:entirely\s+)?optional\s*[.;,]"
)
"""An opening sentence that says a part of the spec is optional to implement: "The DHT Routing API is
OPTIONAL.", "Support for batching is optional; ...". Not one that says headers or fields are optional
to send ("All query parameters are optional.", "The `name` field is optional"): whoever reads them
may still be bound to handle them."""


def _on_new_optional_fields(alignment: Alignment, places: _Places, capitals: bool) -> set[Clause]:
    """The added clauses that define a new optional field, or stand in a new section that opens by
    adding one, or a list item that defines one (the OCI image spec's "`artifactType` *string* This
    OPTIONAL property ..."), and whose every obligation is on that field's own value. OpenAPI added to each object's
    table a row "^x- | Any | Allows extensions ... The field name MUST begin with `x-`", and a row
    "jsonSchemaDialect | `string` | ... This MUST be in the form of a URI."; SARIF added a section
    opening "A `notification` object MAY contain a property named `relatedLocations` ...", then "The
    `relatedLocations` property SHOULD allow ...". Only a document that uses the field is bound. (An
    obligation there with a holder of its own, "The runtime MUST mount it", asks every runtime to
    handle the new field; a row marked required is no optional field.)"""
    opened = {
        (section.path, section.id)
        for section in alignment.added_sections
        if section.clauses and _OPENS_WITH_OPTIONAL_FIELD.search(section.clauses[0].normalized)
    }
    found = set()
    for clause in alignment.added:
        place = _place(clause, places, capitals)
        optional_row = clause.kind == "table_row" and _optional_field_row(clause.normalized, place)
        optional_item = clause.kind == "list_item" and _OPTIONAL_PROPERTY_ITEM.match(clause.normalized) is not None
        own_value = _rules_only_its_own_value(clause.normalized, place)
        if (optional_row or optional_item or (clause.path, clause.section) in opened) and own_value:
            found.add(clause)
    return found


_OPENS_WITH_OPTIONAL_FIELD = re.compile(
    r"(?i)\bmay\s+(?:contain|have|include)\s+an?\s+(?:optional\s+)?(?:property|member|field|key)\s+named\s+`"
)
"""An opening sentence that adds an optional field: SARIF's "A `notification` object **MAY** contain a
property named `relatedLocations` whose value is ..."."""


_OPTIONAL_PROPERTY_ITEM = re.compile(r"[\W_]*`[^`]+`[\W_]*(?:[\w\s]{0,30}?\s)?This\s+OPTIONAL\s+(?:property|field|member)\b")
"""A list item that defines an optional field, as the OCI specs write one: "- **`artifactType`** *string*
This OPTIONAL property contains ... If defined, the value MUST comply with [RFC 6838] ..."."""


def _optional_field_row(row: str, place: Place) -> bool:
    """Whether a table row defines a field that need not be set: its table names fields in its first
    column (``_names_fields``), and neither its requirement column nor its words say it is required
    (OpenAPI marks a required field "**REQUIRED**." in its description)."""
    return _names_fields(place, _FIELD_COLUMNS) and requirement_level(row, place) in (None, 1) and not _REQUIRED.search(row)


def _names_fields(place: Place, columns: frozenset[str]) -> bool:
    """Whether ``place`` is a row of a table that names fields in its first column ("Field Name",
    "Field Pattern", "Property": one of ``columns``)."""
    return place.kind == "table_row" and place.header is not None and _first_column(place.header) in columns


@lru_cache(maxsize=256)
def _first_column(header: str) -> str:
    """The name of a table's first column, as shown, in lower case (remembered: asked once per row, and
    a table of 200,000 rows has one header)."""
    return shown_text(header.split(" | ")[0]).strip(" *_").lower()


def _field_name(row: str) -> str:
    """The name a table row gives in its first cell, as shown: "<a name="x"></a>scopes | ..." -> "scopes"."""
    return shown_text(row.split(" | ")[0]).strip(" *_`")


def _field_renamed(old: str, new: str, old_place: Place, new_place: Place) -> list[Effect]:
    """The field a row of a table of fields renamed, as a value replaced: AsyncAPI 3.0 turned its OAuth
    flow's row "scopes | Map[`string`, `string`] | `oauth2` | **REQUIRED**. The available scopes ..."
    into "availableScopes | ...", read as editorial, though a document that names the old field names
    none the spec knows. (Never ``renamed``: what read the old field does not read the new one.) A name
    in code is a value replaced like any other (``_NamesInCode``); one only recased ("Id" -> "ID") or
    with a typo fixed ("extenralDocs" -> "externalDocs") names the field the spec always meant."""
    if not (_names_fields(old_place, _FIELD_NAME_COLUMNS) and _names_fields(new_place, _FIELD_NAME_COLUMNS)):
        return []
    if "`" in old.split(" | ")[0] + new.split(" | ")[0]:
        return []
    old_name, new_name = _field_name(old), _field_name(new)
    if not old_name or not new_name or len(f"{old_name} {new_name}".split()) != 2:
        return []
    if old_name.lower() == new_name.lower() or only_typos(old_name, new_name):
        return []
    return [Effect("value", old_name, new_name, sentence=new, normative=True)]


def _field_removed(clause: Clause, place: Place) -> list[Effect]:
    """The field a row removed from a table of fields took away: AsyncAPI 3.0 dropped the root object's
    "externalDocs | [External Documentation Object](...) | Additional external documentation." row, read
    as substantive since no word of force went with it; a document that sets the field now sets one the
    spec does not know."""
    name = _field_name(clause.normalized)
    if not _names_fields(place, _FIELD_NAME_COLUMNS) or not name or len(name.split()) != 1:
        return []
    return [Effect("value", name, None, "field_removed", sentence=clause.normalized, normative=True)]


_FIELD_COLUMNS = frozenset(
    ("field name", "field pattern", "field", "name", "property", "parameter", "key", "attribute", "member")
)
_FIELD_NAME_COLUMNS = _FIELD_COLUMNS - {"name"}
"""The columns that name only fields (a "Name" column may name anything: an SDK, a project, a status)."""
_REQUIRED = re.compile(r"(?i)\brequired\b")


def _rules_only_its_own_value(text: str, place: Place) -> bool:
    """Whether every obligation or prohibition in ``text`` is on the value of the field it defines:
    its subject is the field ("This", "Value", "The field name", "The `relatedLocations` property"),
    or it has none ("MUST be in the format of a URL"), or it names the field by the words of its name
    in a row that defines it (AsyncAPI's "messageId | `string` | ... The id MUST be unique among all
    messages described in the API.")."""
    name = _field_name(text) if place.kind == "table_row" else ""
    name_words = {name.lower(), *(w.lower() for w in _NAME_PART.findall(name))} - {""}
    for sentence in sentences(text):
        for rule in rules(sentence, place):
            if rule.force == "permission":
                continue
            at = sentence.find(rule.phrase)
            if at < 0:
                return False  # the force of a lead-in ("MUST include the following parameters:"), on the whole row
            subject = re.split(r"\s\|\s|[,;:]", sentence[:at])[-1]
            named = name_words and set(words(subject.lower())) - {"the", "this", "its", "value"} <= name_words
            if not (_OWN_VALUE_SUBJECT.fullmatch(subject) or named):
                return False
    return True


_NAME_PART = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
"""The words of a field's name: "messageId" -> "message", "Id"; "max_bytes" -> "max", "bytes"."""


_OWN_VALUE_SUBJECT = re.compile(
    r"(?i)\W*(?:(?:the|this|its|that|each)\s+)?(?:(?:`[^`]+`|field|property|member|key|value|name|it|this)\s*){0,3}"
    r"(?:of\s+(?:this|the)\s+(?:field|property|member|key)\s*)?\W*"
)
"""The subject of a rule on a field's own value: none, "This", "Value", "The field name", "The value of this
field", "The `relatedLocations` property"."""


def _leads_a_new_licence(paragraph: Clause, old_text: str, capitals: bool) -> bool:
    """Whether ``paragraph`` (``old_text`` before the change) leads a list with a licence the change
    granted, or with a condition on taking it: OCI's "the registry MAY support the pushing of tags
    ... If a registry supports this, it:", in-toto's "Producers MAY use other signature methods and
    formats that meet the [ITE-5] specification:". The items bind only whoever takes the licence."""
    if not paragraph.normalized.rstrip().endswith(":"):
        return False
    said = sentences(paragraph.normalized)
    before = set(sentences(old_text))
    licences = [s for s in said if s not in before and _grants_leave(s, capitals)]
    return bool(licences) and (said[-1] in licences or _TAKING_IT.match(said[-1]) is not None)


_TAKING_IT = re.compile(
    r"(?i)\W*(?:(?:if|when)\s+(?:an?\s+|the\s+)?\w+\s+(?:supports?|uses?|implements?|does)\s+(?:this|so|it)\b"
    r"|(?:an?|the|each|every)\s+[\w`-]+\s+that\s+(?:accepts?|supports?|uses?|implements?|offers?|provides?)\s+(?:this|it)\b)"
)
"""A lead-in that names the ones who take a licence: "If a registry supports this, it:", OpenTelemetry's
"A `MeterProvider` that accepts this parameter MUST support the following values:"."""


_TAKEN_UP = re.compile(
    r"(?i)\W*(?:if|when)\s+(?:so\s+|(?:it\s+is|they\s+are)\s+)?(?:included|present|provided|used|sent|given|specified|supplied)\s*,"
)
"""A clause that opens on the leave just granted being taken: the OCI distribution spec's "Registry
implementations MAY include informational warnings in `Warning` headers ..." followed by "If included,
`Warning` headers MUST specify a `warn-code` of `299` ...", which binds only the registries that send them."""


def _grants_leave(text: str, capitals: bool) -> bool:
    """Whether one of the rules ``text`` states is a licence ("Registries MAY include ...")."""
    return any(r.force == "permission" for r in rules(text, Place("paragraph", capitals=capitals)))


def _binds_only_takers(paragraph: Clause, capitals: bool) -> bool:
    """Whether every obligation of a lead-in that grants a licence is on those who take it: each
    sentence of it that rules otherwise than by leave names them (``_TAKING_IT``)."""
    place = Place("paragraph", capitals=capitals)
    return all(
        _TAKING_IT.match(sentence) or all(r.force == "permission" for r in rules(sentence, place))
        for sentence in sentences(paragraph.normalized)
    )


_OFFERED_PARAMETER = re.compile(
    r"(?i)\bMAY\s+(?:accept|support|take|offer|provide|expose)\s+(?:an?\s+|the\s+)?(?:optional\s+)?`([^`]+)`"
)
"""A parameter a licence offers: OpenTelemetry's "A `MeterProvider` MAY accept a `view_matching_mode` parameter"."""
_OPENS_ON_A_VALUE = re.compile(r"[\W_]*(?:\([^()]{0,40}\)\s*)?(?:if|when)\s+`([^`]+)`\s+is\b", re.IGNORECASE)
"""A clause that opens on a parameter's value, perhaps after a status in brackets: "(**Development**)
If `view_matching_mode` is `composable`, and ...:"."""


_OPENS_ON_A_NAMED_VALUE = re.compile(
    r"[\W_]*(?:\([^()]{0,40}\)\s*)?(?:if|when)\s+(?:(?:the|an?)\s+)?(?:[\w`-]+\s+){0,4}?(?:is|equals)\s+"
    r"(?:`([^`]+)`|an?\s+((?-i:[A-Z])[\w-]*(?:\s+(?!then\b)[\w-]+){0,3}))\s*(?:then\s*)?[,:]",
    re.IGNORECASE,
)
"""A clause that opens on a value named in code, or on a kind of thing named with a capital: "When the
algorithm identifier is `blake3`, ...", "If `mode` is `fast`:", GraphQL's "If the Input Object is a
_OneOf Input Object_ then:" (read without its markup)."""


def _opens_on_something_new(clause: Clause, names: _NamesInCode) -> bool:
    """Whether ``clause`` opens on a value or a kind of thing (``_OPENS_ON_A_NAMED_VALUE``) that the old version
    never named: the value as written; the kind by a word of its name with a capital ("OneOf" in "OneOf Input
    Object"; "If the request is a GET request," names no new kind when the spec said "GET" before)."""
    named = _OPENS_ON_A_NAMED_VALUE.match(clause.normalized)
    if named is None:
        return False
    if named[1] is not None:
        return not names.said_before(named[1])
    return any(not names.said_before(word) for word in named[2].split() if word[0].isupper())


_OTHER_VALUES = re.compile(
    r"(?i)[\W_]*(?:(?:any|all)\s+other\s+values?|(?:an?\s+)?(?:unknown|unsupported|unrecognized|invalid)\s+values?)\b"
)
"""A clause on the values not listed: OpenTelemetry's "Any other value MUST be treated as unsupported. If an
unsupported value is provided, the SDK MUST either fail fast ...", after "If `view_matching_mode` is not
specified, the SDK MUST use `independent`."."""


def _opens_on_a_value_of(text: str, parameters: set[str]) -> bool:
    """Whether ``text`` opens on a value of one of ``parameters`` (``_OPENS_ON_A_VALUE``)."""
    opening = _OPENS_ON_A_VALUE.match(text) if parameters else None
    return opening is not None and opening.group(1) in parameters


def _licences_on_their_own_terms(alignment: Alignment, capitals: bool) -> set[Clause]:
    """The clauses added whose every rule is a licence, or binds only what a licence of its own sentence
    offers: MCP added "Implementations **MAY** offer an opt-in mode that fetches non-local `$ref`s but it
    **MUST** be disabled by default and **SHOULD** enforce an allowlist of hosts ...". The MUST and the
    SHOULD bind the mode, so only whoever offers it (``_binds_what_it_offers``). "Servers MAY cache
    responses and MUST revalidate them" binds every server: the MUST's subject is the licence's own."""
    place = Place("paragraph", capitals=capitals)
    found = set()
    for clause in alignment.added:
        said = [(sentence, rules(sentence, place)) for sentence in sentences(clause.normalized)]
        offers = [sentence for sentence, said_rules in said if _binds_what_it_offers(sentence, said_rules)]
        others = [r for sentence, said_rules in said if sentence not in offers for r in said_rules]
        if offers and all(r.force == "permission" for r in others):
            found.add(clause)
    return found


def _binds_what_it_offers(sentence: str, said_rules: list[Rule]) -> bool:
    """Whether ``sentence`` opens on a licence and its every other rule is on what that licence offers:
    each names it by a pronoun after a conjunction ("... but it MUST be disabled by default"), or goes on
    from the rule before it that did ("... and SHOULD enforce an allowlist")."""
    if len(said_rules) < 2 or said_rules[0].force != "permission":
        return False
    at = sentence.find(said_rules[0].phrase) + len(said_rules[0].phrase)
    on_what_is_offered = False
    for rule in said_rules[1:]:
        found = sentence.find(rule.phrase, at)
        if found < 0:
            return False
        subject, at = sentence[at:found], found + len(rule.phrase)
        if _OFFERED_THING_SUBJECT.search(subject):
            on_what_is_offered = True
        elif not (on_what_is_offered and _SAME_SUBJECT.search(subject)):
            return False
    return True


_OFFERED_THING_SUBJECT = re.compile(r"(?i)(?:,|;|\b(?:but|and|though|although|yet))\s+(?:it|they|such\s+an?\s+[\w-]+)\s*$")
"""Words before a rule that make its subject what a licence before it offers: "... but it", "; such a mode"."""
_SAME_SUBJECT = re.compile(r"(?i)\b(?:and|or|but)\s*$")
"""Words before a rule that keep the subject of the rule before it: "... be disabled by default and"."""


_LEADS_OPTIONAL_WAYS = re.compile(
    r"(?i)\W*if\s+(?:an?\s+|the\s+)?[\w`-]+\s+(?:provides?|offers?|supports?|exposes?)\s+(?:a\s+way|ways|the\s+ability|means)\s+to\s*:\s*$"
)
"""A lead-in whose items are ways one may or may not provide: OpenTelemetry's "If an SDK provides a way
to:" above "- set an attribute value length limit such that ...". An item added there is a new option,
and the rules under it bind only whoever provides that way."""


_OPTIONAL_FIELD = re.compile(r"[\W_]*`[^`]+`[\W_]*\([^()]*\bOPTIONAL\b[^()]*\)", re.IGNORECASE)
"""A clause that defines an optional field: "`ip4Addr` (array of strings, OPTIONAL) - ...", "**`vcpus`** (int optional)"."""


# -- sections --------------------------------------------------------------------


def _renested(alignment: Alignment) -> set[str]:
    """Old ids of paired sections now under what was their ancestor or their sibling: a heading's
    level changed ("### Requirements" -> "## Requirements", a wrapper heading dropped, a sibling
    heading raised above them, as OCI's distribution spec and AsyncAPI tidied their outlines; an
    ancestor whose heading was dropped stands for the section that took its clauses), or beside what was
    their parent (the OCI image spec's "# Image Manifest" -> "## Image Manifest" left its "## Example
    Image Manifest" under the page's title). A section now under another chapter, whose heading moved,
    is not one of them."""
    old_of_new = {m.new.id: m.old.id for m in alignment.sections}
    new_parent_of_old = {m.old.id: m.new.parent for m in alignment.sections}
    parent_of = {m.old.id: m.old.parent for m in alignment.sections} | {s.id: s.parent for s in alignment.removed_sections}
    merged_into = {k: old_of_new[t.id] for k, t in alignment.merged_sections.items() if t.id in old_of_new}
    found = set()
    for match in alignment.sections:
        ancestors: set[str] = set()
        parent = match.old.parent
        while parent is not None:
            ancestors |= {parent, merged_into.get(parent, parent)}
            parent = parent_of.get(parent)
        new_parent = old_of_new.get(match.new.parent or "")
        under_sibling = new_parent is not None and parent_of.get(new_parent) == match.old.parent
        beside_parent = match.old.parent in new_parent_of_old and new_parent_of_old[match.old.parent] == match.new.parent
        if match.new.parent is None or new_parent in ancestors or under_sibling or beside_parent:
            found.add(match.old.id)
    return found


def _section_change(match: SectionMatch, moved: bool, *, renested: bool = False) -> Amendment | None:
    """A paired section's heading, attributes or place changed. ``renested``: it moved only by
    coming under what was its ancestor or its sibling, where it stood (``_renested``): editorial,
    as no word moved."""
    old, new = match.old, match.new
    effects: list[Effect] = []
    renamed = old.heading != new.heading  # an anchor alone changing is an attribute, not a new name
    # "5.1. Refresh" -> "6.1. Refresh": a section inserted above renumbered it, its name is the same
    # (but "sinkCredential" -> "sinkcredential" renamed the key it is about)
    renumbered = renamed and heading_key(old.heading) == heading_key(new.heading) and not names_recased(old.heading, new.heading)
    # A heading names a section; it states no rule, so its words are read in a place that holds none.
    meaning = (
        describe_change(old.heading, new.heading, old_place=place_of_heading(old), new_place=place_of_heading(new))
        if renamed and not renumbered
        else []
    )
    if old.heading != new.heading:
        effects += [Effect("heading", old.heading, new.heading)]
        effects += [e for e in meaning if e.type not in ("editorial", "wording")]
    anchor_moved = old.anchor != new.anchor and old.id != new.id
    if anchor_moved:  # the section is linked to by another name: `<a name="infoObject">` became #info-object
        effects.append(Effect("attribute", f"#{old.id}", f"#{new.id}"))
    for key in sorted(old.attributes.keys() | new.attributes.keys()):
        before, after = old.attributes.get(key), new.attributes.get(key)
        if before != after and key == "id":  # `{id="security"}`: an anchor, as `{#security}` is
            effects.append(Effect("attribute", f"#{before}" if before else None, f"#{after}" if after else None))
        elif before != after:
            effects.append(Effect("attribute", f"{key}={before}" if before else None, f"{key}={after}" if after else None))
    if not effects and not moved:
        return None
    kind: AmendmentKind = "renamed" if renamed else "moved" if moved else "modified"
    editorial_rename = renamed and not anchor_moved and meaning == [Effect("editorial")]
    key_values = [e for e in effects if e.type == "attribute" and not (e.old or e.new or "").startswith("#")]
    graded = severity(kind, [e for e in effects if e.type != "heading"])
    if kind == "renamed" and (editorial_rename or renumbered) and not key_values:
        graded = "editorial"
    elif kind == "modified" and all(e.type == "attribute" and e not in key_values for e in effects):
        graded = "editorial"  # only the anchor changed
    elif kind == "moved" and renested and not effects:
        graded = "editorial"
    elif graded == "editorial" or kind == "moved":
        graded = "substantive"
    return _amendment("section", kind, graded, (old,), (new,), match.score, effects, word_diff(old.heading, new.heading))


def _section_merged(section: Section, target: Section) -> Amendment:
    """A section that is gone because most of its clauses now sit in ``target``."""
    pieces = word_diff(section.heading, target.heading)
    return _amendment("section", "merged", "substantive", (section,), (target,), 0.0, [], pieces)


def _section_added_or_removed(kind: Literal["added", "removed"], section: Section, came_or_went: set[Clause]) -> Amendment:
    """A heading that came or went: editorial when none of the clauses under it ``came_or_went`` with it.
    Nothing may stand under it but other sections (purl put a page title, "# How to build a PURL", above
    the page's first heading), or clauses that stand on the other side too: TUF put "### Object format"
    over paragraphs of the section above, unchanged, to make them a subsection, and OpenTelemetry gave
    each maturity level a heading over the text it moved there from a table in another page. What
    changed in those clauses, or that they moved, is their own amendment. Nor do clauses that say nothing
    of the spec count: QUIC's "IANA Considerations" said only "This document has no IANA actions."."""
    old, new = ((), (section,)) if kind == "added" else ((section,), ())
    tag = "insert" if kind == "added" else "delete"
    said = any(clause in came_or_went and not _says_nothing_of_the_spec(clause) for clause in section.clauses)
    graded: Severity = "substantive" if said else "editorial"
    return _amendment("section", kind, graded, old, new, 0.0, [], [(tag, section.heading)])


# -- shared ----------------------------------------------------------------------


Side = tuple[Clause, ...] | tuple[Section, ...]


def _amendment(
    unit: Unit,
    kind: AmendmentKind,
    graded: Severity,
    old: Side,
    new: Side,
    similarity: float,
    effects: list[Effect],
    pieces: list[tuple[str, str]],
) -> Amendment:
    return Amendment(
        unit=unit,
        kind=kind,
        severity=graded,
        old=tuple(old),
        new=tuple(new),
        similarity=round(similarity, 4),
        effects=effects,
        word_diff=pieces,
        id=_amendment_id(unit, kind, old, new),
    )


def _amendment_id(unit: str, kind: str, old: Side, new: Side) -> str:
    """A short hash of what the amendment is about, stable across runs and rebases."""
    parts = [unit, kind]
    for side in (old, new):
        parts += [f"{item.path}#{item.section if isinstance(item, Clause) else item.id}:{item.fingerprint}" for item in side]
        parts.append("|")
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=6).hexdigest()


class _NewPositionOfOld:
    """Where, in the new text, something at an old line would have been: the furthest new line
    of any paired clause that starts at or before it in the old text.

    The paired clauses are sorted by old line once, with a running maximum of their new end
    lines, so each question is a binary search: asking it for every removed clause by scanning
    all pairs took 24.6 s on a 20,000-clause file with 30 % rewritten.
    """

    def __init__(self, alignment: Alignment) -> None:
        self._alignment = alignment
        self.starts: list[int] | None = None
        """Sorted when first asked: a commit that removes nothing never asks ."""
        self.furthest: list[int] = []

    def __call__(self, line: int) -> int:
        if self.starts is None:
            matches = self._alignment.clauses
            starts = [m.old[0].lines[0] for m in matches]
            ends = [m.new[-1].lines[1] for m in matches]
            if not all(map(operator.le, starts, starts[1:])):  # (most commits move nothing: no sort needed)
                pairs = sorted(zip(starts, ends))
                starts, ends = [start for start, _ in pairs], [end for _, end in pairs]
            self.starts = starts
            self.furthest = list(itertools.accumulate(ends, max))
        count = bisect.bisect_right(self.starts, line)
        return max(self.furthest[count - 1], 0) if count else 0
