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
    for path in sorted(workspace.grep(_grep_patterns(defined), True) & workspace.files - workspace.documents.keys()):
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


MAX_GREP_PATTERNS = 1_000
"""Strings one ``git grep`` looks for at most: it tries them one by one, so 50,000 IDs took 35 s."""


def _grep_patterns(defined: set[str]) -> list[str]:
    """What to ask ``git grep`` for: the IDs, or, when there are too many, the longest prefixes of them
    that are few enough. Any file that mentions an ID holds its prefix, and is then read in full.

    >>> _grep_patterns({f"FR-{n:04d}" for n in range(5000)})[:3]
    ['FR-000', 'FR-001', 'FR-002']
    """
    for length in range(max(map(len, defined)), 0, -1):
        prefixes = sorted({requirement[:length] for requirement in defined})
        if len(prefixes) <= MAX_GREP_PATTERNS:
            return prefixes
    return sorted(defined)  # over 1,000 different first characters: every ID, slow as it is
