"""Duplicates: a rule that restates another one elsewhere in the spec.

Two copies of a rule drift apart: the next change edits one and not the other.
Only obligations and prohibitions count. rapidfuzz's token-sort ratio finds the
candidates; a candidate is a duplicate when it uses the same words, in any
order, but for a few fillers. On the JSON Schema specification, the ratio alone
paired "The value of `maximum` MUST be a number ... upper limit" with its
`minimum` twin: two rules that differ in the one word that matters.

A sentence that follows another in its clause may take its subject from it:
"Identifiers MUST comprise only ASCII alphanumerics" after a sentence on
pre-release versions, and the same words after one on build metadata, are two
rules (SemVer). Such a sentence is a duplicate only when the clauses around
both are alike too.

A lead-in ("Servers SHOULD return these errors:") states its rule together with
the list under it, and a list item ("Clients SHOULD implement approval controls")
continues its lead-in: the same lead-in over two different lists, or the same
item under two different lead-ins, restates nothing (the Model Context Protocol:
11 of 16 false DUP001 findings). A lead-in is not compared; an item only with an
item under a lead-in alike.

A rule in an archived change ("changes/archive/2025-08-19-add-show/specs/cli-show/spec.md") is
history, and a file with the same folder and name as another under another root
("changes/add-show/specs/cli-show/spec.md" beside "specs/cli-show/spec.md") is a
change's copy of the spec it edits: restating is what such copies do (OpenSpec keeps
both; the independent labeller: a living spec against an archived change is wrong).
Neither is compared.

A bare command with no modal in it or its lead-in ("Update CHANGELOG.md"), in a list item or
under a numbered heading, is a step of a procedure: the same step in two procedures restates nothing.

A clause that points at its section's subject ("This keyword's value MUST be an
array. Each item of the array MUST be ...") restates nothing when it sits in
another section: "this" is another keyword there.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from specdiff.layouts import is_archived
from specdiff.lexicon import modal_meaning, modals, sentences
from specdiff.lint.base import Check, ClauseView, Finding, finding
from specdiff.lint.rules import DEICTIC, Rule, RuleBook, fold, rules_of, under_one_lead_in

CHECKS = (
    Check(
        "DUP001",
        "duplicate-rule",
        "warning",
        "A rule restates another rule elsewhere in the spec.",
        "The assistant must ask for the card number before renewing a loan. (elsewhere: Before renewing a loan, "
        "the assistant must ask for the card number.)",
        "The assistant must ask for the card number before renewing a loan. (elsewhere: See "
        "[Verify before touching an account](#account_access).)",
    ),
)

SIMILAR = 90
"""Token-sort ratio (0-100) from which two rules read as one. Below it, rules that share a
pattern ("The assistant must not reveal X" for several X) start to match."""

_FILLERS = {"the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "be", "is", "are", "that", "which"}

MIN_WORDS = 7
"""Shorter rules ("Be brief.", "Clients SHOULD implement user approval controls") recur on purpose in
different sections and pages, which supply what they are about (the approval of sampling on one page
of the Model Context Protocol, of elicitation on another); they are not flagged. A list item is counted
with its lead-in, which says what it is about."""


def check(view: ClauseView, book: RuleBook) -> list[Finding]:
    found = []
    clause = view.clause
    for rule in rules_of(clause, view.place):
        if (
            not rule.obliges
            or len(f"{rule.lead_in} {rule.sentence}".split()) < MIN_WORDS
            or rule.sentence.rstrip(" *_").endswith(":")
        ):
            continue
        for _, _, k in process.extract(
            fold(rule.sentence), book.folded, scorer=fuzz.token_sort_ratio, score_cutoff=SIMILAR, limit=5
        ):
            other = book.rules[k]
            assert other.clause is not None
            same_clause = (other.clause.path, other.clause.index) == (clause.path, clause.index)
            if same_clause or other.sign != rule.sign or book.apart(rule, other) or _copies(clause.path, other.clause.path):
                continue
            if _content(rule.sentence) != _content(other.sentence) or rule.action != other.action:
                continue  # another number (CON002), keyword or object; "MAY be sent in a response but SHOULD NOT be
                # sent in a request" and the other way round use the same words for two rules
            if _step(rule) and _step(other):
                continue  # the same step in two procedures: each procedure's own
            if not under_one_lead_in(rule, other):
                continue
            if DEICTIC.search(clause.normalized) and (other.clause.path, other.clause.section) != (clause.path, clause.section):
                continue
            if _continues(rule.sentence, clause.normalized) or _continues(other.sentence, other.clause.normalized):
                if fuzz.token_sort_ratio(fold(clause.normalized), fold(other.clause.normalized)) < SIMILAR:
                    continue  # the same words about what each clause introduced first: two subjects
            where = f"{other.clause.path}:{other.clause.lines[0]}"
            found.append(finding("DUP001", clause, f"restates the rule at {where}", other.sentence, other.clause))
            break
    return found


COPY_DEPTH = 3
"""A change's copy ends in the same root folder, folder and name as the spec it edits ("specs/show/spec.md");
two packages' "docs/index.md" share only a folder and a name, and their rules may well restate each other."""


def _copies(a: str, b: str) -> bool:
    """Whether two files are history or a change's copy of the spec: one sits in an archive folder, or
    both end in the same root folder, folder and name (``COPY_DEPTH``) under two roots.

    >>> _copies("changes/archive/2025-add-show/specs/show/spec.md", "specs/list/spec.md")
    True
    >>> _copies("changes/add-show/specs/show/spec.md", "specs/show/spec.md")
    True
    >>> _copies("specs/show/spec.md", "specs/list/spec.md"), _copies("spec/desk.md", "spec/desk.md")
    (False, False)
    >>> _copies("specs/archive/spec.md", "specs/list/spec.md"), _copies("client/docs/index.md", "server/docs/index.md")
    (False, False)
    """
    if is_archived(a) or is_archived(b):
        return True
    tail_a, tail_b = a.split("/")[-COPY_DEPTH:], b.split("/")[-COPY_DEPTH:]
    return a != b and len(tail_a) == COPY_DEPTH and tail_a == tail_b


_NUMBERED = re.compile(r"^\W*(?:step\s+)?\d+[.):]?\s", re.IGNORECASE)


def _step(rule: Rule) -> bool:
    """Whether a rule is a bare command with no modal in it or in its lead-in, in a list item or under a
    numbered heading ("### 1. Initialize Context"): a step of a procedure ("Update CHANGELOG.md", "Filter
    out hooks where `enabled` is false"). Two procedures that share a step (spec-kit's command prompts
    each check extension hooks the same way, each read alone) restate nothing; "the assistant must:" over
    the same item twice does, and so does the same command as a paragraph of two sections, which no
    procedure holds."""
    if rule.clause is None or not (rule.clause.kind == "list_item" or _NUMBERED.match(rule.clause.heading)):
        return False
    return all(modal_meaning(m.phrase) is None for m in modals(rule.sentence) + modals(rule.lead_in))


def _content(sentence: str) -> set[str]:
    return set(fold(sentence).split()) - _FILLERS


def _continues(sentence: str, clause_text: str) -> bool:
    """Whether ``sentence`` follows another in its clause, and so may lean on it for its subject."""
    first = sentences(clause_text)[:1]
    return bool(first) and first[0] != sentence
