"""What every check shares: its description (:class:`Check`), what it finds (:class:`Finding`),
and what it reads (:class:`ClauseView`, the clause with the facts of its document).

A check family is a module with a ``CHECKS`` tuple of :class:`Check` s and a
``check(view, book) -> list[Finding]`` function; ``registry`` gathers them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from specdiff.force import Place
from specdiff.layouts import PROSE_SUFFIXES
from specdiff.model import Clause

if TYPE_CHECKING:
    from specdiff.scan import Workspace

LINT_SEVERITIES = ("info", "warning", "error")
"""Finding severities, least to most serious (``--fail-on`` takes one of them)."""

_SUPPRESS = re.compile(r"<!--\s*specdiff-lint:\s*ignore\s+([A-Z0-9, ]+?)\s*-->")
_BOILERPLATE = re.compile(r"\b(?:RFC\s*2119|BCP\s*14|RFC\s*8174)\b", re.IGNORECASE)
_BOILERPLATE_GREP = ["2119|8174|[Bb][Cc][Pp]"]
"""What ``git grep -E`` looks for to find the candidate files, and ``_BOILERPLATE`` confirms on the
whole text: grep reads a line at a time, and a citation wrapped as "BCP" / "14" or "RFC" / "2119"
spans two."""


@dataclass(frozen=True)
class Check:
    """One check: its id (``VAG001``), a short name, what a finding means, and a bad and a good example."""

    id: str
    name: str
    severity: str
    summary: str
    bad: str
    good: str


@dataclass(frozen=True)
class Finding:
    """One problem at one place.

    ``evidence`` is what the check matched (a phrase, or the other rule's
    text); with the check id it makes the finding's ``key``, which says
    whether the problem was already there before the change.
    """

    check: str
    path: str
    lines: tuple[int, int]
    message: str
    evidence: str = ""
    section: str = ""
    other: tuple[str, int] | None = None
    """The other rule of a contradiction or duplicate: its path and first line."""

    @property
    def key(self) -> tuple[str, str]:
        return (self.check, " ".join(self.evidence.lower().split()))


@dataclass(frozen=True)
class DocumentFacts:
    """What a check needs to know about a clause's document as a whole."""

    capitals: bool = False
    """The repository writes RFC 2119 keywords in capitals on purpose: its capitals mode
    (``[semantics] capitals``, else counted over all its spec files: ``specdiff.capitals``)."""
    boilerplate: bool = False
    """The document, or another file of its spec, cites RFC 2119, RFC 8174 or BCP 14."""
    holders: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """By section id: the agents its rules name as who must comply ("The assistant must ..." names ``assistant``)."""
    gives_reasons: bool = False
    """Some SHOULD of the document says why, or when it does not apply (see ``keywords``)."""


def cites_bcp14(workspace: Workspace) -> bool:
    """Whether any spec file or Markdown page of the repository cites RFC 2119, RFC 8174 or BCP 14.

    A spec in many files (the Model Context Protocol) cites it once, on its first page, for all of
    them; a project may state it in its documentation rather than in the spec files: OpenSpec's
    ``docs/concepts.md`` says its specs use the RFC 2119 keywords, and before that page counted, KW003
    fell on every capability spec of the repository (8 of 8 wrong by the independent labels).
    """
    found = workspace.grep(_BOILERPLATE_GREP, False)
    pages = [p for p in found if p.endswith(PROSE_SUFFIXES) or workspace.config.is_spec(p)]
    return any(_BOILERPLATE.search(workspace.text(p) or "") for p in pages)


def document_facts(clauses: list[Clause] | tuple[Clause, ...], *, capitals: bool, spec_cites: bool = False) -> DocumentFacts:
    """The facts of a document of ``clauses`` in a repository of this capitals mode; ``spec_cites``:
    another file of the spec cites BCP 14.

    The mode is the repository's, not a guess per file: the diff grades an edit by it, and a
    file that writes few keywords (a short overview page) would otherwise be read by other rules
    than the files around it."""
    from specdiff.lint.holders import named_holders
    from specdiff.lint.keywords import should_with_reason

    texts = [c.normalized for c in clauses]
    holders: dict[str, set[str]] = {}
    for clause in clauses:
        if clause.kind not in _NO_RULES:
            holders.setdefault(clause.section, set()).update(named_holders(clause.normalized, clause.kind))
    return DocumentFacts(
        capitals,
        spec_cites or any(_BOILERPLATE.search(t) for t in texts),
        {section: frozenset(names) for section, names in holders.items()},
        capitals and any(should_with_reason(c.normalized) for c in clauses if c.kind not in _NO_RULES),
    )


_NO_RULES = ("example", "html", "front_matter")


@dataclass(frozen=True)
class ClauseView:
    """A clause to lint, with its document's facts."""

    clause: Clause
    facts: DocumentFacts = field(default_factory=DocumentFacts)
    place: Place = field(default_factory=Place)
    """Where the clause sits (``force.Place``): its list lead-in, whether it is commentary ..."""
    ignored: tuple[str, ...] = ()
    """Check ids or prefixes a ``<!-- specdiff-lint: ignore ... -->`` comment turns off here."""
    paragraph_before: str = ""
    """The text of the paragraph right before the clause in its section, if any: a SHOULD's reason may sit there."""

    def allows(self, check_id: str) -> bool:
        return not any(check_id.startswith(code) for code in self.ignored)


def ignored_here(clause: Clause, previous: Clause | None) -> tuple[str, ...]:
    """The codes of suppression comments in the clause, or alone on the line before it.

    >>> from specdiff.parse import parse_document
    >>> first, second = parse_document("<!-- specdiff-lint: ignore VAG001, KW -->\\nBe timely.", "a.md").clauses
    >>> ignored_here(second, first)
    ('VAG001', 'KW')
    """
    texts = [clause.text] + ([previous.text] if previous is not None and previous.kind == "html" else [])
    return tuple(code for text in texts for m in _SUPPRESS.finditer(text) for code in re.split(r"[,\s]+", m.group(1)) if code)


def finding(check: str, clause: Clause, message: str, evidence: str = "", other: Clause | None = None) -> Finding:
    return Finding(
        check,
        clause.path,
        clause.lines,
        message,
        evidence,
        clause.section,
        (other.path, other.lines[0]) if other is not None else None,
    )
