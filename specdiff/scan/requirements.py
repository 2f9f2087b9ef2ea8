"""Requirement IDs mentioned in any file: ``T005 Build the SMS template (FR-004)``.

The IDs a spec defines (spec-kit ``FR-001``, ``SC-002``…; the patterns are
``requirement_ids`` in the config) are looked for in every other tracked file;
a file that mentions one depends on the clause that defines it. In a file that
mentions requirements, an ID the spec does not define is reported as dangling.
"""

from __future__ import annotations

from collections.abc import Iterator

from specdiff.model import Dependency, Target
from specdiff.parse import requirement_pattern
from specdiff.scan import Workspace, line_of


def scan(workspace: Workspace) -> Iterator[Dependency]:
    pattern = requirement_pattern(tuple(workspace.config.requirement_ids))
    if pattern is None:
        return
    defined = {r for _, document in workspace.documents.matching(pattern) for c in document.clauses for r in c.requirements}
    if not defined:
        return
    for path in sorted(workspace.grep(sorted(defined), True) & workspace.files - workspace.documents.keys()):
        text = workspace.text(path)
        if text is None:
            continue
        seen: set[str] = set()
        for match in pattern.finditer(text):
            requirement = match.group(0)
            if requirement in seen:
                continue
            seen.add(requirement)
            where = f"{path}:{line_of(text, match.start())}"
            yield Dependency(workspace.output_node(path), Target(requirement=requirement), f"mentions {requirement}", where)
