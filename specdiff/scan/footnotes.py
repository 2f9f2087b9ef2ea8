"""The OpenAI Model Spec convention: a footnote ``[^abcd]`` on a provision ties it to ``examples/abcd.md``.

The examples file is an eval of the clause that carries the footnote. It is
looked for beside the spec file (``<folder>/examples/abcd.md``) and at the
root (``examples/abcd.md``).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from specdiff.model import Dependency
from specdiff.nodes import clause_nodes, eval_node
from specdiff.scan import Workspace

FOOTNOTE_HINT = re.compile(r"\[\^")


def scan(workspace: Workspace) -> Iterator[Dependency]:
    for path, document in workspace.documents.kept(FOOTNOTE_HINT):
        nodes = clause_nodes(document)
        folder = posixpath.dirname(path)
        for clause in document.clauses:
            if clause.kind == "footnote":
                continue  # a definition, not a provision
            for label in clause.footnotes:
                for candidate in (posixpath.join(folder, "examples", f"{label}.md"), f"examples/{label}.md"):
                    if candidate in workspace.files:
                        yield Dependency(
                            eval_node(candidate),
                            nodes[clause.index],
                            f"examples for footnote [^{label}]",
                            f"{path}:{clause.lines[0]}",
                        )
                        break
