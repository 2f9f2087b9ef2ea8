"""Which dangling references a change introduced.

A repository may carry broken links for years (a proposal that copies
``#oasDocument`` from the spec, a table of contents written for another
renderer); a diff shows only those its own change made:

- written in a clause the change added or modified (the reference is new),
  or anywhere in another file the change touched (a code comment's marker), or
- naming a section, anchor or requirement the change took away (the
  reference was fine before).

``specdiff coverage`` and ``specdiff graph``, and ``--all-dangling``, report them all.
"""

from __future__ import annotations

from collections.abc import Iterable

from specdiff.model import Amendment, Clause, Dangling


def introduced(
    dangling: Iterable[Dangling], amendments: Iterable[Amendment], changed_files: Iterable[str] = ()
) -> list[Dangling]:
    """The references of ``dangling`` (found at the head side) that ``amendments`` made dangle,
    or that stand in ``changed_files`` that are not specs.

    >>> from specdiff.parse import parse_document
    >>> from specdiff.amendments import amendments_from
    >>> from specdiff.align import align_documents
    >>> old = parse_document("# A\\n\\nSee [b](#b).\\n\\n# B\\n\\nText.\\n", "s.md")
    >>> new = parse_document("# A\\n\\nSee [b](#b) and [c](#c).\\n", "s.md")
    >>> found = [Dangling("s.md:3", "s.md#b", "links to #b"), Dangling("s.md:3", "s.md#c", "links to #c"),
    ...          Dangling("t.md:9", "s.md#z", "links to #z")]
    >>> [d.target for d in introduced(found, amendments_from(align_documents(old, new)))]
    ['s.md#b', 's.md#c']
    """
    amendments = list(amendments)
    new_lines: dict[str, list[tuple[int, int]]] = {}
    removed_names: set[str] = set()
    spec_files = {item.path for amendment in amendments for item in amendment.old + amendment.new}
    for amendment in amendments:
        for item in amendment.new:
            if isinstance(item, Clause):
                new_lines.setdefault(item.path, []).append(item.lines)
        for item in amendment.old:
            if isinstance(item, Clause):
                removed_names.update(f"{item.path}#{a}" for a in item.anchors)
                removed_names.update(item.requirements)
            else:
                removed_names.update(f"{item.path}#{name}" for name in (item.id, item.anchor, item.slug) if name)
    touched = set(changed_files)
    return [
        d
        for d in dangling
        if d.target in removed_names or _written_in(d.where, new_lines) or _file_of(d.where) in touched - spec_files
    ]


def _file_of(where: str) -> str:
    return where.rpartition(":")[0]


def _written_in(where: str, new_lines: dict[str, list[tuple[int, int]]]) -> bool:
    path, _, line = where.rpartition(":")
    if not line.isdigit():
        return False
    return any(first <= int(line) <= last for first, last in new_lines.get(path, ()))
