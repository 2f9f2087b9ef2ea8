"""Links between spec sections: a clause that says ``[see](#privacy)`` depends on ``#privacy``.

Links to another spec file (``[terms](glossary.md#patron)``) count too; a
link to an anchor that does not exist is reported as dangling.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from specdiff.model import Dependency, Target
from specdiff.nodes import clause_nodes
from specdiff.scan import Workspace, resolve_path

LINK_HINT = re.compile(r"\]\((?:\s|>)*<?(?:#|[^()\s<>#\]]*\.(?:md|markdown|mdx)(?:[#)\s>]|$))")
"""Where a link to a section or a Markdown file could start (in the file's raw text, around
blockquote marks): files without one are not parsed."""


def scan(workspace: Workspace) -> Iterator[Dependency]:
    for path, document in workspace.documents.matching(LINK_HINT):
        nodes = clause_nodes(document)
        for clause in document.clauses:
            for link in clause.links:
                file, _, anchor = link.partition("#")
                if not file:
                    target = Target(path, anchor or None)
                elif file.endswith((".md", ".markdown", ".mdx")):
                    target = Target(resolve_path(path, file), anchor or None)
                else:
                    continue
                yield Dependency(nodes[clause.index], target, f"links to {link}", f"{path}:{clause.lines[0]}")
