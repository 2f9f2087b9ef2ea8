"""Amendments as the review app lists them: in diff order, grouped by file and section, filtered.

Plain data in, plain data out; nothing here imports Textual, so the grouping
and the filters are tested without running the app.

- :func:`review_items` — one :class:`ReviewItem` per amendment of a diff, in the order the
  text report prints them, each under its section as the head side names it;
- :class:`Filters` — severities, kind and search text, and whether an item passes them;
- :func:`ordered` — the items in one of :data:`ORDERS`;
- :func:`grouped` — consecutive items of the same file and section, as the tree shows them.

>>> Filters(severities=frozenset({"breaking"}), text="kiosk").describe()
'breaking · "kiosk"'
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

from specdiff.model import AMENDMENT_KINDS, SEVERITIES, Amendment, Clause, FileDiff, SpecDiff
from specdiff.render.words import section_of

ORDERS = ("largest file first", "diff order", "severity")
"""How the tree lists amendments; ``O`` cycles through them. Largest file first by default:
the Model Spec's 2025-09-12 release lists 24 files of examples (1 to 9 amendments each)
before ``model_spec.md`` and its 308 amendments, which are what a reviewer came for."""


@dataclass(frozen=True, eq=False)
class ReviewItem:
    """One amendment, with the file and section it is listed under."""

    amendment: Amendment
    file: FileDiff
    section_id: str
    """Id of the section it is in now (where it was, if it is gone)."""
    heading: str
    """Heading of that section; empty before the first heading."""
    position: int
    """Place among all amendments of the diff, from 0."""
    old_heading: str = ""
    """The section's heading in the base revision, when it was renamed; else empty."""

    @property
    def section_label(self) -> str:
        """``Quiet hours → Quiet rooms`` for a renamed section, else its heading."""
        heading = self.heading or "(top of file)"
        return f"{self.old_heading} → {heading}" if self.old_heading else heading

    @property
    def id(self) -> str:
        return self.amendment.id

    @property
    def path(self) -> str:
        return self.file.path

    @cached_property
    def search_text(self) -> str:
        """What ``/`` searches: both sides' text, the heading, the path and the kind, folded to lower case."""
        amendment = self.amendment
        texts = [item.normalized if isinstance(item, Clause) else item.heading for item in (*amendment.old, *amendment.new)]
        headings = [self.heading, self.old_heading]
        return "\n".join([*texts, *headings, self.path, amendment.kind, amendment.severity]).casefold()


def review_items(diff: SpecDiff) -> list[ReviewItem]:
    """Every amendment of ``diff``, in order, with its file and section.

    A clause removed from a section that was renamed is listed under the
    section's new heading, like the clauses kept in it: otherwise the tree
    alternated between nodes for the old and the new heading (issue 15).
    """
    items: list[ReviewItem] = []
    for file in diff.files:
        renamed_to, renamed_from = _renamed_sections(file)
        for amendment in file.amendments:
            heading, section_id = section_of(amendment)
            if not amendment.new and section_id in renamed_to:
                section_id, heading = renamed_to[section_id]
            old_heading = renamed_from.get(section_id, "")
            items.append(ReviewItem(amendment, file, section_id, heading, len(items), old_heading))
    return items


def _renamed_sections(file: FileDiff) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """Old section id → (new id, new heading), and new id → old heading, for sections whose heading changed."""
    to: dict[str, tuple[str, str]] = {}
    from_: dict[str, str] = {}
    for match in file.alignment.sections if file.alignment else []:
        if match.old.heading != match.new.heading:
            to[match.old.id] = (match.new.id, match.new.heading)
            from_[match.new.id] = match.old.heading
    return to, from_


def ordered(items: list[ReviewItem], order: str) -> list[ReviewItem]:
    """The items in one of :data:`ORDERS`; ties keep the diff's order.

    In the two orders by file, a section's items are brought together where
    the section first comes: the diff lists a moved clause where it landed, so
    a section could come back after another one and get a second tree node
    (on the Model Spec release, 3 sections did, 2 of them renamed).

    >>> ordered([], "severity")
    []
    """
    if order == "severity":
        rank = {severity: n for n, severity in enumerate(reversed(SEVERITIES))}
        return sorted(items, key=lambda item: rank[item.amendment.severity])
    together = _sections_together(items)
    if order == "largest file first":
        sizes: dict[int, int] = {}
        for item in items:
            sizes[id(item.file)] = sizes.get(id(item.file), 0) + 1
        return sorted(together, key=lambda item: -sizes[id(item.file)])
    return together


def _sections_together(items: list[ReviewItem]) -> list[ReviewItem]:
    """Files in the order they first come, and in each file its sections in the order they first come."""
    sections: dict[tuple[int, str, str], list[ReviewItem]] = {}
    for item in items:
        sections.setdefault((id(item.file), item.section_id, item.heading), []).append(item)
    files: dict[int, list[ReviewItem]] = {}
    for (file, _, _), members in sections.items():
        files.setdefault(file, []).extend(members)
    return [item for members in files.values() for item in members]


@dataclass(frozen=True)
class Filters:
    """What the reviewer chose to see; the defaults let everything through.

    >>> Filters(kind="added").active, Filters().active
    (True, False)
    >>> Filters().toggle("breaking").toggle("substantive").describe()
    'breaking+substantive'
    """

    severities: frozenset[str] = frozenset()
    """Only these severities; empty for all."""
    kind: str | None = None
    text: str = ""
    """Search text; an item passes when its text contains it, ignoring case."""

    def matches(self, item: ReviewItem) -> bool:
        amendment = item.amendment
        if self.severities and amendment.severity not in self.severities:
            return False
        if self.kind is not None and amendment.kind != self.kind:
            return False
        return not self.text or self.text.casefold() in item.search_text

    @property
    def active(self) -> bool:
        return bool(self.severities) or self.kind is not None or bool(self.text)

    def toggle(self, severity: str) -> Filters:
        """These filters with ``severity`` added to the severities shown, or taken out (none left: all)."""
        return replace(self, severities=self.severities ^ {severity})

    def describe(self) -> str:
        """The active filters in a few words, empty when there are none."""
        severities = "+".join(s for s in reversed(SEVERITIES) if s in self.severities)
        parts = [part for part in (severities, self.kind) if part]
        if self.text:
            parts.append(f'"{self.text}"')
        return " · ".join(parts)


def next_kind(current: str | None, items: list[ReviewItem]) -> str | None:
    """The kind after ``current`` among those the items have, then ``None`` (all kinds) again.

    >>> next_kind(None, []) is None
    True
    """
    present = [kind for kind in AMENDMENT_KINDS if any(item.amendment.kind == kind for item in items)]
    cycle: list[str | None] = [None, *present]
    return cycle[(cycle.index(current) + 1) % len(cycle)] if current in cycle else None


@dataclass
class SectionGroup:
    """Consecutive items of one section of one file."""

    heading: str
    section_id: str
    items: list[ReviewItem] = field(default_factory=list)

    @property
    def label(self) -> str:
        """``Old → New`` for a renamed section, else its heading."""
        return self.items[0].section_label if self.items else self.heading or "(top of file)"


@dataclass
class FileGroup:
    """Consecutive items of one file, by section."""

    file: FileDiff
    sections: list[SectionGroup] = field(default_factory=list)

    @property
    def items(self) -> list[ReviewItem]:
        return [item for section in self.sections for item in section.items]


def grouped(items: list[ReviewItem]) -> list[FileGroup]:
    """Group consecutive items by file, then by section, keeping their order.

    A section that comes back after another one (a clause moved in from
    elsewhere) opens a second group, so that the tree reads in the same order
    as the report and as ``j``/``k`` move.
    """
    files: list[FileGroup] = []
    for item in items:
        if not files or files[-1].file is not item.file:
            files.append(FileGroup(item.file))
        sections = files[-1].sections
        if not sections or sections[-1].section_id != item.section_id or sections[-1].heading != item.heading:
            sections.append(SectionGroup(item.heading, item.section_id))
        sections[-1].items.append(item)
    return files
