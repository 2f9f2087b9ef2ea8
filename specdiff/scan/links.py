"""Markdown links from any file to a spec file: ``[privacy rules](../spec/behavior.md#privacy)``.

The link is read relative to the file it is in. Only links to spec files
count; a link to a spec section that does not exist is reported as dangling.

A link is a mention, not a build: a README or a guide that links to the spec
is ``mention:<path>``, listed as "mentioned in" and never as an output to
rebuild. Only a file the config declares as an output, or an eval by its
place (``examples/``, ``tests/``), depends on what it links to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from specdiff.model import Dependency, Target
from specdiff.nodes import mention_node, output_kind
from specdiff.scan import Search, Workspace, line_of, resolve_path

SEARCH: Search = ((r"\.(md|markdown|mdx)[#)> ]",), False)
"""The files that may link to a spec file."""

LINK = re.compile(r"\]\(\s*<?([^()\s#<>\]]+\.(?:md|markdown|mdx))(?:#([^)\s>\"]+))?>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")


def scan(workspace: Workspace) -> Iterator[Dependency]:
    # Links between spec files are cross-references, found by ``crossrefs``.
    for path in sorted(workspace.grep(*SEARCH) & workspace.files - workspace.documents.keys()):
        text = workspace.text(path)
        if text is None:
            continue
        for match in LINK.finditer(text):
            if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", match.group(1)):
                continue  # a web address
            target_path = resolve_path(path, match.group(1))
            if target_path in workspace.documents:
                where = f"{path}:{line_of(text, match.start())}"
                yield Dependency(_linking_node(workspace, path), Target(target_path, match.group(2)), "links to it", where)


def _linking_node(workspace: Workspace, path: str) -> str:
    """The declared output or eval a file is, or else a mention."""
    node = workspace.output_node(path)
    declared = {o.path for o in (*workspace.config.artifacts, *workspace.config.evals)}
    return node if output_kind(node) == "eval" or path in declared else mention_node(path)
