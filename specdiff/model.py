"""Plain data shared by every stage of the pipeline.

``parse`` builds :class:`Document` s of :class:`Section` s and :class:`Clause` s;
``align`` pairs them into an :class:`Alignment`; ``semantics`` turns the pairs
into :class:`Amendment` s carrying :class:`Effect` s; ``diff`` gathers them per
file into a :class:`SpecDiff`. Nothing here does work beyond small derived
properties.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

Severity = Literal["editorial", "substantive", "breaking"]
"""How serious an amendment is (see ``docs/severity.md``)."""

SEVERITIES: tuple[Severity, ...] = get_args(Severity)
"""Severity levels, least to most serious."""

AmendmentKind = Literal["added", "removed", "modified", "moved", "split", "merged", "renamed", "unreadable"]
"""What an amendment did to a clause or section."""

AMENDMENT_KINDS: tuple[AmendmentKind, ...] = get_args(AmendmentKind)
"""The amendment kinds, in the order lists and filters show them."""

Unit = Literal["clause", "section", "file"]
"""What an amendment is about: a clause, a section, or a whole file that turned unreadable."""

EffectType = Literal[
    "modality",
    "negation",
    "holder",
    "number",
    "value",
    "quantifier",
    "condition",
    "scope",
    "reference",
    "example",
    "attribute",
    "heading",
    "wording",
    "editorial",
    "unreadable",
]
"""What an :class:`Effect` is about (``semantics`` defines each)."""

UNSURE_BELOW = 0.7
"""An effect read with less confidence than this makes its amendment worth a read."""

BUMP_FOR_SEVERITY: dict[Severity, str] = {"editorial": "patch", "substantive": "minor", "breaking": "major"}
"""The spec version bump a diff suggests, by its most serious amendment."""


PROSE_KINDS = frozenset(("paragraph", "list_item", "blockquote", "footnote"))
"""The kinds of clause written as sentences: no table row, sample, HTML block or front matter."""


@dataclass(frozen=True)
class Clause:
    """The smallest unit a reviewer reasons about: a paragraph, a list item, ...

    ``kind`` is one of ``paragraph``, ``list_item``, ``blockquote``,
    ``admonition``, ``table_row``, ``example`` (a fenced or indented code
    block), ``html``, ``footnote`` (a footnote definition) or ``front_matter``.
    """

    path: str
    """The file the clause was read from."""
    kind: str
    text: str
    """The clause's source text as written, without the lines of nested list items."""
    normalized: str
    """``text`` with Markdown markers, emphasis and soft wraps folded; what is compared."""
    lines: tuple[int, int]
    """First and last source line, 1-based and inclusive."""
    section: str
    """Id of the section the clause belongs to."""
    heading: str
    """Heading text of that section (empty before the first heading)."""
    index: int
    """Position among all clauses of the document, from 0."""
    fingerprint: str
    """Hash of ``normalized`` (an example's with its fence marks written alike): equal fingerprints mean equal clauses."""
    footnotes: tuple[str, ...] = ()
    """Footnote labels referenced, ``[^abcd]`` gives ``abcd``."""
    requirements: tuple[str, ...] = ()
    """Requirement IDs mentioned, such as ``FR-001``."""
    links: tuple[str, ...] = ()
    """Link targets that are not web addresses: ``#anchor``, ``other.md#anchor``."""
    anchors: tuple[str, ...] = ()
    """Anchors set inside the clause (``<a name="x">`` in a table row, a kramdown ``{: #x}`` after it):
    links to ``#x`` lead here."""


@dataclass(frozen=True)
class Section:
    """A heading and the clauses directly under it (not those of subsections).

    Every document has a first section with ``level == 0`` and ``id == ""``
    holding whatever comes before the first heading.
    """

    path: str
    id: str
    """The explicit anchor when there is one, else the heading's GitHub slug.

    GitHub's slug (numbered ``-1``, ``-2`` when repeated) rather than a slug of
    the whole heading path, because that is what ``[see](#slug)`` links in a
    spec without explicit anchors point at."""
    heading: str
    """Heading text without its attribute block and Markdown emphasis."""
    level: int
    anchor: str | None
    """Explicit anchor: ``{#anchor}`` after the heading, or ``<a id="anchor">``."""
    slug: str
    """GitHub-style slug of the heading text alone."""
    attributes: dict[str, str]
    """Other ``key=value`` pairs of the heading's attribute block."""
    parent: str | None
    """Id of the enclosing section; ``None`` for the level-0 section."""
    heading_path: tuple[str, ...]
    """Headings from the outermost enclosing section down to this one."""
    lines: tuple[int, int]
    """From the heading line to the line before the next heading, 1-based."""
    index: int
    """Position among the document's sections, from 0."""
    clauses: tuple[Clause, ...] = ()
    fingerprint: str = ""
    """Hash of the heading text and attributes."""
    capitals_only: bool = False
    """Its document declares that its keywords bind only in capitals (RFC 8174: "when, and only when,
    they appear in all capitals"), so a lower-case "must" there is plain English."""


@dataclass(frozen=True)
class Document:
    """One parsed spec file."""

    path: str
    sections: tuple[Section, ...]
    notes: tuple[str, ...] = ()
    """What the parse could not read clause by clause, and how it read it instead (warnings)."""

    @property
    def clauses(self) -> tuple[Clause, ...]:
        """Every clause of the document, in source order."""
        return tuple(clause for section in self.sections for clause in section.clauses)


@dataclass(frozen=True)
class SectionMatch:
    """An old section paired with a new one, and by which evidence.

    ``by`` is ``anchor`` (same explicit anchor), ``heading`` (same heading
    text) or ``content`` (most clauses survive under a changed heading).
    """

    old: Section
    new: Section
    score: float
    by: str


@dataclass(frozen=True)
class ClauseMatch:
    """Old clauses paired with new ones.

    One old and one new clause in the common case; one old and several new for
    a split; several old and one new for a merge. ``moved`` is true when the
    clause now sits in another section, or was reordered within its section.
    """

    old: tuple[Clause, ...]
    new: tuple[Clause, ...]
    score: float
    """Similarity of the old and new text, 0 to 1."""
    moved: bool = False


@dataclass
class Alignment:
    """Everything ``align`` found between two versions of a document.

    Every old clause is in exactly one of ``clauses`` or ``removed``, and every
    new clause in exactly one of ``clauses`` or ``added``; likewise for sections.
    One exception: a clause that moved to another file of the same diff is in
    that file's ``clauses`` (its old side names its old path) and in neither
    list here.
    """

    sections: list[SectionMatch]
    added_sections: list[Section]
    removed_sections: list[Section]
    clauses: list[ClauseMatch]
    added: list[Clause]
    removed: list[Clause]
    moved_sections: set[str] = field(default_factory=set)
    """Ids (old side) of matched sections that changed parent or order."""
    merged_sections: dict[str, Section] = field(default_factory=dict)
    """Removed sections (by old id) whose clauses mostly went into one new section: that section."""
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Effect:
    """What a text change means for the rule.

    ``type`` is one of ``modality``, ``negation``, ``number``, ``quantifier``,
    ``condition``, ``reference``, ``example``, ``attribute``, ``heading``,
    ``wording`` or ``editorial`` (see ``semantics``); ``direction`` is ``strengthened``,
    ``weakened`` or ``reversed`` where that applies.
    """

    type: EffectType
    old: str | None = None
    new: str | None = None
    direction: str | None = None
    sentence: str | None = None
    """The sentence the effect is about (as it now reads; as it read, if it is gone)."""
    normative: bool = False
    """Whether that sentence states a rule (has an obliging or permitting phrase)."""
    old_obliges: bool = False
    new_obliges: bool = False
    """Modality only: whether the old and the new phrase oblige, as read in their sentences
    (a phrase alone can read otherwise: a bare command verb, a sense turned by "not").
    Condition, scope and constraint effects: whether the sentence obliges (not just permits)."""
    confidence: float = 1.0
    """How sure the reading is, 0-1; below 0.7 the amendment is worth a read (see ``force``)."""


@dataclass(frozen=True)
class Impact:
    """An output an amendment reaches, and the chain of edges that explains why.

    ``node`` is ``artifact:<path>``, ``eval:<path>`` or ``eval:<path>#<case>``
    (``mention:<path>`` for a document that only links to the spec);
    ``kind`` is ``artifact``, ``eval`` or ``mention``; ``why`` has one line per dependency
    on the shortest path from the output to what changed.
    """

    node: str
    kind: str
    why: tuple[str, ...]


@dataclass(frozen=True)
class Dangling:
    """A reference to a section, file or requirement the spec does not have."""

    where: str
    """``file:line`` of the reference."""
    target: str
    reason: str


@dataclass(frozen=True)
class Target:
    """What a reference points at in the spec: a file, a section of it, or a requirement ID."""

    path: str | None = None
    """The spec file, relative to the repository root."""
    anchor: str | None = None
    """A section id or anchor in that file; ``None`` means the whole file."""
    requirement: str | None = None
    """A requirement ID (``FR-001``) instead of a place."""

    @property
    def label(self) -> str:
        if self.requirement:
            return self.requirement
        return f"{self.path}#{self.anchor}" if self.anchor else f"{self.path}"


@dataclass(frozen=True)
class Dependency:
    """One edge for the dependency graph, as a scanner found it.

    ``dependent`` is a node id (``artifact:docs/guide.md``, ``eval:evals/a.jsonl#case-1``,
    ``clause:…``); ``target`` is a node id or a :class:`Target` to resolve; ``reason``
    says how the dependency was declared ("specdiff marker", "footnote [^k3f9]"), and
    ``where`` where it was found (``file:line``).
    """

    dependent: str
    target: str | Target
    reason: str
    where: str


@dataclass(frozen=True)
class Explanation:
    """A language model's reading of an amendment (optional; see ``llm``).

    ``verdict`` is one of ``clarified``, ``narrowed``, ``broadened``,
    ``reversed``, ``new-obligation``, ``removed-obligation`` or ``no-change``.
    """

    summary: str
    verdict: str
    rationale: str
    model: str


@dataclass
class Amendment:
    """One change a reviewer reads: a clause or section added, removed, modified...

    ``unit`` is ``clause`` or ``section``. ``kind`` is ``added``, ``removed``,
    ``modified``, ``moved``, ``split`` or ``merged``, and for sections also
    ``renamed``; a spec file that can no longer be read as text gets one
    amendment of unit ``file`` and kind ``unreadable`` (see ``unreadable``).
    ``word_diff`` is a list of ``(tag, text)`` with difflib's tag words ``equal``, ``delete`` and ``insert``.
    """

    unit: Unit
    kind: AmendmentKind
    severity: Severity
    old: tuple[Clause | Section, ...]
    new: tuple[Clause | Section, ...]
    similarity: float
    effects: list[Effect]
    word_diff: list[tuple[str, str]]
    id: str
    """Stable across runs: a hash of the unit, kind and both sides' fingerprints."""
    impact: list[Impact] = field(default_factory=list)
    """Outputs built from what changed: to rebuild or re-run."""
    mentions: list[Impact] = field(default_factory=list)
    """Other documents that link to what changed (``mention:<path>``): they mention it, nothing is built from it."""
    explanation: Explanation | None = None

    @property
    def worth_a_read(self) -> bool:
        """True when some effect was read with low confidence: a person should check the grade."""
        return any(e.confidence < UNSURE_BELOW for e in self.effects)


@dataclass
class FileDiff:
    """The amendments of one spec file; ``status`` is like git's."""

    old_path: str | None
    new_path: str | None
    status: str
    """``added``, ``deleted``, ``renamed``, ``copied`` (from ``old_path``, which stays) or ``modified``."""
    amendments: list[Amendment]
    alignment: Alignment | None = None
    """The full pairing, kept for ``--matches`` (an added or deleted file is aligned with an empty one);
    ``None`` where it is not kept (the history cache)."""

    @property
    def path(self) -> str:
        """The path a reader knows the file by: the new one unless it was deleted."""
        return self.new_path or self.old_path or ""

    @property
    def title(self) -> str:
        """The path, or ``old → new`` for a file renamed or copied, or a delta with the spec it changes."""
        return f"{self.old_path} → {self.new_path}" if self.status in ("renamed", "copied", "delta") else self.path


@dataclass(frozen=True)
class Revision:
    """One side of a diff: the revision as the user wrote it and the commit it named.

    ``commit`` is ``None`` for the working tree, and for the nothing before a
    root commit (then ``rev`` says so).
    """

    rev: str | None
    commit: str | None

    @property
    def label(self) -> str:
        """How to show this side to a person."""
        if self.commit is None:
            return self.rev or "working tree"  # a root commit's base is named, not a commit
        return f"{self.rev} ({self.commit[:10]})" if self.rev else self.commit[:10]


@dataclass
class SpecDiff:
    """Everything one run found: the result the CLI, TUI and PR bot all render."""

    base: Revision
    head: Revision
    files: list[FileDiff]
    warnings: list[str] = field(default_factory=list)
    state_dir: Path | None = None
    """Where specdiff keeps caches and review marks for this repository (inside its ``.git``)."""
    dangling: list[Dangling] = field(default_factory=list)
    """References, at the head side, to spec sections or requirements that do not exist."""
    stale: list[str] | None = None
    """Outputs whose spec inputs changed since ``specdiff.lock`` stamped them; ``None`` without a lock."""
    has_evals: bool = False
    """Whether the head side has any eval case at all (``lint`` reports untested rules only then)."""

    @property
    def outputs(self) -> dict[str, list[Amendment]]:
        """Every artifact and eval some amendment reaches, with the amendments that reach it."""
        reached: dict[str, list[Amendment]] = {}
        for amendment in self.amendments:
            for impact in amendment.impact:
                reached.setdefault(impact.node, []).append(amendment)
        return dict(sorted(reached.items()))

    @property
    def amendments(self) -> list[Amendment]:
        return [a for f in self.files for a in f.amendments]

    @property
    def by_kind(self) -> dict[AmendmentKind, int]:
        counts: dict[AmendmentKind, int] = {}
        for amendment in self.amendments:
            counts[amendment.kind] = counts.get(amendment.kind, 0) + 1
        return dict(sorted(counts.items()))

    @property
    def by_severity(self) -> dict[Severity, int]:
        counts: dict[Severity, int] = {severity: 0 for severity in SEVERITIES}
        for amendment in self.amendments:
            counts[amendment.severity] += 1
        return counts

    @property
    def severity(self) -> Severity | None:
        """The most serious severity of any amendment, ``None`` when there are none."""
        present = [s for s, n in self.by_severity.items() if n]
        return present[-1] if present else None

    @property
    def bump(self) -> str | None:
        """Suggested version bump: ``major``, ``minor``, ``patch`` or ``None``."""
        return BUMP_FOR_SEVERITY[self.severity] if self.severity else None
