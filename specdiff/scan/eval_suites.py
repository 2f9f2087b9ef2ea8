"""Eval suites in JSON Lines whose cases name the spec section they test.

    {"id": "verify-before-renew", "spec": "spec/behavior.md#account_access", ...}

Each line with an ``id`` (or ``name``) and a string value naming a spec file
(with or without ``#anchor``) is one eval case, ``eval:<file>#<id>``. Files
declared in ``[[evals]]`` and ``*.jsonl`` files under an ``evals`` folder are read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from specdiff.model import Dependency, Target
from specdiff.nodes import eval_node
from specdiff.scan import Workspace

SPEC_REFERENCE = re.compile(r"^([\w./-]+\.(?:md|markdown|mdx))(?:#([\w.:-]+))?$")


def scan(workspace: Workspace) -> Iterator[Dependency]:
    declared = {o.path for o in workspace.config.evals}
    suites = {p for p in workspace.files if p.endswith(".jsonl") and (p in declared or "/evals/" in f"/{p}")}
    for path in sorted(suites):
        text = workspace.text(path)
        if text is None:
            continue
        for number, line in enumerate(text.splitlines(), 1):
            try:
                case = json.loads(line)
            except ValueError:
                continue
            if not isinstance(case, dict):
                continue
            name = case.get("id", case.get("name"))
            if not isinstance(name, (str, int)) or isinstance(name, bool):
                continue
            for value in case.values():
                match = SPEC_REFERENCE.match(value) if isinstance(value, str) else None
                if match and match.group(1) in workspace.documents:
                    target = Target(match.group(1), match.group(2))
                    yield Dependency(eval_node(path, str(name)), target, "eval case for it", f"{path}:{number}")
