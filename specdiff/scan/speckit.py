"""spec-kit feature folders: ``plan.md``, ``tasks.md`` and the rest are built from ``spec.md``.

    specs/001-hold-reminders/spec.md          the feature spec
    specs/001-hold-reminders/plan.md          ← artifacts of the whole spec
    specs/001-hold-reminders/tasks.md
    specs/001-hold-reminders/contracts/*.yaml

Which requirement each task serves comes from its ``FR-…`` IDs (see
``requirements``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from specdiff.model import Dependency, Target
from specdiff.scan import Workspace

BUILT_FROM_SPEC = ("plan.md", "tasks.md", "research.md", "data-model.md", "quickstart.md")


def scan(workspace: Workspace) -> Iterator[Dependency]:
    for path in workspace.documents:
        if posixpath.basename(path) != "spec.md":
            continue
        folder = posixpath.dirname(path)
        siblings = [posixpath.join(folder, name) for name in BUILT_FROM_SPEC]
        contracts = sorted(p for p in workspace.files if p.startswith(posixpath.join(folder, "contracts") + "/"))
        for output in [p for p in siblings if p in workspace.files] + contracts:
            if output not in workspace.documents:
                yield Dependency(workspace.output_node(output), Target(path), "spec-kit feature folder", output)
