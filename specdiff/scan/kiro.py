"""Kiro spec folders: ``design.md`` and ``tasks.md`` are built from ``requirements.md``.

    .kiro/specs/<feature>/requirements.md    ### Requirement 1 … 1. WHEN … THEN … SHALL …
    .kiro/specs/<feature>/design.md
    .kiro/specs/<feature>/tasks.md           - [ ] 2. Add the endpoint … _Requirements: 1.1, 1.3_

``_Requirements: 1.3_`` is acceptance criterion 3 of requirement 1: the third
numbered item under the ``Requirement 1`` heading. A criterion that does not
exist is reported as dangling.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from specdiff.model import Dependency, Document, Target
from specdiff.nodes import clause_nodes, section_node
from specdiff.scan import Workspace, line_of

CRITERIA = re.compile(r"_Requirements?:\s*([\d.,\s]+?)_")
REQUIREMENT_HEADING = re.compile(r"^requirement\s+(\d+)\b", re.IGNORECASE)
NUMBERED_ITEM = re.compile(r"\d+[.)]\s")


def scan(workspace: Workspace) -> Iterator[Dependency]:
    for path in workspace.documents:
        if not path.startswith(".kiro/specs/") or posixpath.basename(path) != "requirements.md":
            continue
        document = workspace.documents[path]
        folder = posixpath.dirname(path)
        for name in ("design.md", "tasks.md"):
            output = posixpath.join(folder, name)
            if output not in workspace.files or output in workspace.documents:
                continue
            node = workspace.output_node(output)
            yield Dependency(node, Target(path), "Kiro spec folder", output)
            text = workspace.text(output) or ""
            for match in CRITERIA.finditer(text):
                for number in re.findall(r"\d+(?:\.\d+)?", match.group(1)):
                    where = f"{output}:{line_of(text, match.start())}"
                    target = _criterion(document, number) or Target(path, f"requirement-{number}")
                    yield Dependency(node, target, f"_Requirements: {number}_", where)


def _criterion(document: Document, number: str) -> str | None:
    """The node of criterion ``N.M`` (or of requirement ``N``'s section); ``None`` if it does not exist."""
    requirement, _, criterion = number.partition(".")
    sections = [s for s in document.sections if (m := REQUIREMENT_HEADING.match(s.heading)) and m.group(1) == requirement]
    if not sections:
        return None
    section = sections[0]
    if not criterion:
        return section_node(document.path, section.id)
    subtree = {section.id} | {s.id for s in document.sections if _inside(document, s.id, section.id)}
    # Criteria are the numbered items at the left margin; nested bullets under one are part of it.
    items = [c for c in document.clauses if c.section in subtree and c.kind == "list_item" and NUMBERED_ITEM.match(c.text)]
    k = int(criterion)
    return clause_nodes(document)[items[k - 1].index] if 0 < k <= len(items) else None


def _inside(document: Document, section_id: str, ancestor: str) -> bool:
    parents = {s.id: s.parent for s in document.sections}
    parent = parents.get(section_id)
    while parent is not None:
        if parent == ancestor:
            return True
        parent = parents.get(parent)
    return False
