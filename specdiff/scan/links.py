"""Markdown links from any file to a spec file: ``[privacy rules](../spec/behavior.md#privacy)``.

The link is read relative to the file it is in. Only links to spec files
count; a link to a spec section that does not exist is reported as dangling.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from specdiff.model import Dependency, Target
from specdiff.scan import Workspace, line_of, resolve_path

LINK = re.compile(r"\]\(\s*<?([^)\s#>]+\.(?:md|markdown))(?:#([^)\s>\"]+))?>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")


def scan(workspace: Workspace) -> Iterator[Dependency]:
    # Links between spec files are cross-references, found by ``crossrefs``.
    for path in sorted(workspace.grep([r"\.(md|markdown)[#)> ]"], False) & workspace.files - workspace.documents.keys()):
        text = workspace.text(path)
        if text is None:
            continue
        for match in LINK.finditer(text):
            if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", match.group(1)):
                continue  # a web address
            target_path = resolve_path(path, match.group(1))
            if target_path in workspace.documents:
                where = f"{path}:{line_of(text, match.start())}"
                yield Dependency(workspace.output_node(path), Target(target_path, match.group(2)), "links to it", where)
