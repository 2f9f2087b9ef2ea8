"""Amendments as the review app lists them: in diff order, grouped by file and section, filtered.

Plain data in, plain data out; nothing here imports Textual, so the grouping
and the filters are tested without running the app.

- :func:`review_items` — one :class:`ReviewItem` per amendment of a diff, in the order the
  text report prints them;
- :class:`Filters` — severity, kind and search text, and whether an item passes them;
- :func:`grouped` — consecutive items of the same file and section, as the tree shows them.

>>> Filters(severity="breaking", text="kiosk").describe()
'breaking · "kiosk"'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from specdiff.model import AMENDMENT_KINDS, Amendment, Clause, FileDiff, SpecDiff
from specdiff.render.words import section_of

"""Amendment kinds, in the order the kind filter cycles through them."""


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
        return "\n".join([*texts, self.heading, self.path, amendment.kind, amendment.severity]).casefold()


def review_items(diff: SpecDiff) -> list[ReviewItem]:
    """Every amendment of ``diff``, in order, with its file and section."""
    items: list[ReviewItem] = []
    for file in diff.files:
        for amendment in file.amendments:
            heading, section_id = section_of(amendment)
            items.append(ReviewItem(amendment, file, section_id, heading, len(items)))
    return items


@dataclass(frozen=True)
class Filters:
    """What the reviewer chose to see; the defaults let everything through.

    >>> Filters(kind="added").active, Filters().active
    (True, False)
    """

    severity: str | None = None
    kind: str | None = None
    text: str = ""
    """Search text; an item passes when its text contains it, ignoring case."""

    def matches(self, item: ReviewItem) -> bool:
        amendment = item.amendment
        if self.severity is not None and amendment.severity != self.severity:
            return False
        if self.kind is not None and amendment.kind != self.kind:
            return False
        return not self.text or self.text.casefold() in item.search_text

    @property
    def active(self) -> bool:
        return self.severity is not None or self.kind is not None or bool(self.text)

    def describe(self) -> str:
        """The active filters in a few words, empty when there are none."""
        parts = [part for part in (self.severity, self.kind) if part]
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
