"""OpenSpec: ``#### Scenario:`` blocks under ``### Requirement:`` are the requirement's eval cases.

    ### Requirement: Session timeout
    The system SHALL end idle sessions after 30 minutes.

    #### Scenario: Idle session
    - **WHEN** a session is idle for 30 minutes
    - **THEN** the user is signed out

Each scenario is an eval case ``eval:<spec>#<scenario id>`` that tests the
requirement above it and its own steps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from specdiff.model import Dependency
from specdiff.nodes import eval_node, section_node
from specdiff.scan import Workspace

SCENARIO = re.compile(r"^scenario\s*:", re.IGNORECASE)
REQUIREMENT = re.compile(r"^requirement\s*:", re.IGNORECASE)
SCENARIO_HINT = re.compile(r"scenario\s*:", re.IGNORECASE)
"""A heading's text is a piece of the file's text: files without this have no scenario and are not parsed."""


def scan(workspace: Workspace) -> Iterator[Dependency]:
    for path, document in workspace.documents.kept(SCENARIO_HINT):
        by_id = {s.id: s for s in document.sections}
        for section in document.sections:
            if not SCENARIO.match(section.heading):
                continue
            case = eval_node(path, section.id)
            where = f"{path}:{section.lines[0]}"
            yield Dependency(case, section_node(path, section.id), "OpenSpec scenario steps", where)
            parent = by_id.get(section.parent or "")
            if parent is not None and REQUIREMENT.match(parent.heading):
                yield Dependency(case, section_node(path, parent.id), "OpenSpec scenario of this requirement", where)
