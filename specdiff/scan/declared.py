"""Dependencies declared in the config: ``[[artifacts]]`` and ``[[evals]]`` with ``from`` lists.

    [[artifacts]]
    path = "generated/system_prompt.txt"
    from = ["spec/behavior.md#privacy", "spec/glossary.md"]

Each ``from`` entry is a spec file, or a file and a section anchor.
"""

from __future__ import annotations

from collections.abc import Iterator

from specdiff.model import Dependency, Target
from specdiff.nodes import artifact_node, eval_node
from specdiff.scan import Workspace


def scan(workspace: Workspace) -> Iterator[Dependency]:
    where = workspace.config.source or "config"
    for outputs, node in ((workspace.config.artifacts, artifact_node), (workspace.config.evals, eval_node)):
        for output in outputs:
            for source in output.sources:
                path, _, anchor = source.partition("#")
                yield Dependency(node(output.path), Target(path, anchor or None), f"declared in {where}", where)
