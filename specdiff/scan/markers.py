"""``specdiff: <file>#<anchor>`` markers, in any tracked file.

Put one in a comment, front matter or docstring to say what a file is built
from; it holds for the whole file:

    # specdiff: spec/behavior.md#holds_and_renewals
    <!-- specdiff: spec/behavior.md#scope -->

The path is relative to the repository root. Without ``#anchor`` the marker
names the whole spec file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from specdiff.model import Dependency, Target
from specdiff.scan import Search, Workspace, line_of

SEARCH: Search = (("specdiff:",), True)
"""The files that may hold a marker."""

MARKER = re.compile(r"specdiff:\s*([\w./-]+\.(?:md|markdown|mdx))(?:#([\w.:-]*[\w-]))?")


def scan(workspace: Workspace) -> Iterator[Dependency]:
    for path in sorted(workspace.grep(*SEARCH) & workspace.files - workspace.documents.keys()):
        text = workspace.text(path)
        if text is None:
            continue
        for match in MARKER.finditer(text):
            target = Target(match.group(1).lstrip("/"), match.group(2))
            yield Dependency(workspace.output_node(path), target, "specdiff marker", f"{path}:{line_of(text, match.start())}")
