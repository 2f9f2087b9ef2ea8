"""OpenSpec change deltas: compared with the requirements of the spec they change.

An OpenSpec change proposes edits to a capability's spec in a delta file,
``openspec/changes/<change>/specs/<capability>/spec.md``, beside the spec
itself, ``openspec/specs/<capability>/spec.md``. The delta sorts requirements
under ``## ADDED Requirements``, ``## MODIFIED Requirements`` and ``## REMOVED
Requirements``; a modified requirement is written out whole, as it will read
once the change is archived into the spec. Read as a file added, every line
of a restated requirement was a rule added: 47 amendments for a change of 5
lines in OpenSpec's own history.

A delta file added beside a spec that was there is compared with that spec's
requirements of the same names, the ones it modifies or removes (each with its
scenarios, under a heading of the delta's own): a restated line is no change,
a line edited is one, a requirement removed loses its rules, and an added
requirement is a rule added. The change's status is ``delta``, with the spec as
its old side. A change already archived (``openspec/changes/archive/``) is a
record of a change the spec itself shows. A delta deleted before it was
archived is a proposal withdrawn: the rules it would have brought go, and no
rule of the spec goes with them (``amendments.in_withdrawn_proposal``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from specdiff.errors import SpecdiffError
from specdiff.model import Document, Section
from specdiff.repo import FileChange, Repository

_DELTA = re.compile(r"openspec/changes/(?!archive/)[^/]+/specs/(?P<capability>.+)/spec\.md")
_RESTATING = re.compile(r"(?i)(?:modified|removed)\s+requirements")
"""The delta's headings whose requirements stand for requirements of the spec."""
_OPERATION = re.compile(r"(?i)(?:added|modified|removed|renamed)\s+requirements")
"""The delta's headings that sort its requirements by what the change does to them."""


def proposed(path: str | None) -> bool:
    """Whether ``path`` is a delta of an OpenSpec change not archived yet: a proposal, no part of the spec.

    >>> proposed("openspec/changes/add-2fa/specs/auth/spec.md"), proposed("openspec/changes/archive/x/specs/auth/spec.md")
    (True, False)
    """
    return bool(path and _DELTA.fullmatch(path))


def with_delta_sources(repo: Repository, base: str | None, changes: list[FileChange]) -> list[FileChange]:
    """``changes``, with each delta file added beside a spec of ``base`` turned ``delta`` from that spec."""
    return [_from_spec(repo, base, c) if c.status == "added" and base is not None else c for c in changes]


def _from_spec(repo: Repository, base: str, change: FileChange) -> FileChange:
    """``change`` as a delta of the spec of its capability, when it adds a delta and ``base`` has that spec."""
    found = _DELTA.fullmatch(change.new_path or "")
    if found is None:
        return change
    spec = f"openspec/specs/{found['capability']}/spec.md"
    try:
        blob = repo.blob_of(base, spec)
    except SpecdiffError:  # a new capability: its delta is all new
        return change
    return FileChange(spec, change.new_path, "delta", blob, change.new_blob)


def requirements_restated(spec: Document, delta: Document) -> Document:
    """The requirements of ``spec`` that ``delta`` modifies or removes, with their scenarios, each under
    a copy of the delta's heading that names them (``## MODIFIED Requirements``), in the delta's order.

    The delta's own headings, its title and each ``## ADDED Requirements``, are copied in too, without
    their text: they sort the change, and are no sections added to the spec. Clauses keep the spec's
    path and lines, so an amendment points at the line the delta changes.
    """
    sections: list[Section] = [replace(spec.sections[0], clauses=())]
    taken: set[str] = set()
    for group in delta.sections:
        if group.level == 1 or _OPERATION.fullmatch(group.heading.strip()):
            sections.append(replace(group, path=spec.path, clauses=()))
        if group.level == 0 or not _RESTATING.fullmatch(group.heading.strip()):
            continue
        for named in (s for s in delta.sections if s.parent == group.id):
            requirement = _namesake(spec, named, taken)
            if requirement is not None:
                taken.add(requirement.id)
                sections += _with_subsections(spec, requirement, group=group)
    clauses = iter(range(sum(len(s.clauses) for s in sections)))  # numbered again, in their new order
    return replace(
        spec,
        sections=tuple(
            replace(s, index=i, clauses=tuple(replace(c, index=next(clauses)) for c in s.clauses)) for i, s in enumerate(sections)
        ),
    )


def _namesake(spec: Document, named: Section, taken: set[str]) -> Section | None:
    """The section of ``spec`` with ``named``'s heading, not yet taken by another."""
    from specdiff.align.sections import heading_key  # not at the top: only a delta being aligned needs it (see diff.align_file)

    key = heading_key(named.heading)
    return next((s for s in spec.sections if s.id not in taken and s.level > 0 and heading_key(s.heading) == key), None)


def _with_subsections(spec: Document, requirement: Section, *, group: Section) -> list[Section]:
    """``requirement`` and every section below it in ``spec``, set under ``group``."""
    above = len(requirement.heading_path) - 1  # the headings above the requirement, which ``group``'s replace

    def moved(section: Section) -> Section:
        return replace(section, heading_path=group.heading_path + section.heading_path[above:])

    below = {requirement.id}
    found = [replace(moved(requirement), parent=group.id)]
    for section in spec.sections[requirement.index + 1 :]:
        if section.parent not in below:
            break
        below.add(section.id)
        found.append(moved(section))
    return found
