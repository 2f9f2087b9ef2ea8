"""Dangling references: a link, anchor or requirement ID that points at nothing in the spec.

The dependency graph already keeps every reference it could not resolve
(``SpecGraph.dangling``); this check reports the ones inside the clauses a
change wrote, unless the clause pointed at the same target before.
"""

from __future__ import annotations

from specdiff.lint.base import Check, Finding, finding
from specdiff.model import Clause, Dangling

CHECKS = (
    Check(
        "REF001",
        "dangling-reference",
        "error",
        "A reference points at a section, file or requirement the spec does not have.",
        "Renewals follow [the hold rules](#holds-queue). (no section has that anchor)",
        "Renewals follow [the hold rules](#holds). (the section's anchor)",
    ),
)


def located_in(dangling: Dangling, clause: Clause) -> bool:
    path, _, line = dangling.where.rpartition(":")
    return path == clause.path and line.isdigit() and clause.lines[0] <= int(line) <= clause.lines[1]


def pointed_before(dangling: Dangling, old: tuple[Clause, ...]) -> bool:
    """Whether an old version of the clause named the same target (the reference is not new)."""
    name = dangling.target.rpartition("#")[2] or dangling.target
    return any(name in link for clause in old for link in clause.links) or any(
        dangling.target in clause.requirements for clause in old
    )


def dangling_reference(dangling: Dangling, clause: Clause) -> Finding:
    return finding("REF001", clause, f"{dangling.target} does not exist ({dangling.reason})", dangling.target)
