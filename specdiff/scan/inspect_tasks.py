"""Inspect (inspect_ai) tasks: each ``Sample`` whose metadata names a spec section is one eval case.

    Sample(
        id="kiosk-history",
        input="What did my brother borrow last week?",
        target="declines",
        metadata={"spec": "spec/behavior.md#borrowing_privacy"},
    )

The case id is the sample's ``id`` (what ``inspect eval --sample-id`` takes);
a sample without a literal id cannot be selected and is skipped. Python files
that mention ``Sample(`` are read, without running them.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

from specdiff.model import Dependency, Target
from specdiff.nodes import eval_node
from specdiff.scan import Search, Workspace

SEARCH: Search = (("Sample(",), True)
"""The files that may write out a sample."""


@dataclass(frozen=True)
class InspectSample:
    """A ``Sample(...)`` written out in a task file."""

    id: str
    specs: tuple[str, ...]
    line: int


def samples_of(source: str) -> list[InspectSample]:
    """Every ``Sample(...)`` call with a literal ``id``, in source order.

    >>> samples_of('Sample(id="a", input="hi", metadata={"spec": "s.md#x"})')
    [InspectSample(id='a', specs=('s.md#x',), line=1)]
    """
    try:
        module = ast.parse(source)
    except (SyntaxError, ValueError):
        return []
    found = []
    for node in ast.walk(module):
        if not (isinstance(node, ast.Call) and _name(node.func) == "Sample"):
            continue
        keywords = {k.arg: k.value for k in node.keywords if k.arg}
        identifier = keywords.get("id")
        if not (isinstance(identifier, ast.Constant) and isinstance(identifier.value, (str, int))):
            continue
        found.append(InspectSample(str(identifier.value), _specs(keywords.get("metadata")), node.lineno))
    return sorted(found, key=lambda s: s.line)


def _name(func: ast.expr) -> str | None:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _specs(metadata: ast.expr | None) -> tuple[str, ...]:
    if not isinstance(metadata, ast.Dict):
        return ()
    for key, value in zip(metadata.keys, metadata.values):
        if isinstance(key, ast.Constant) and key.value == "spec":
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                return (value.value,)
            if isinstance(value, (ast.List, ast.Tuple)):
                return tuple(v.value for v in value.elts if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return ()


def scan(workspace: Workspace) -> Iterator[Dependency]:
    for path in sorted(p for p in workspace.grep(*SEARCH) & workspace.files if p.endswith(".py")):
        for sample in samples_of(workspace.text(path) or ""):
            for reference in sample.specs:
                spec_path, _, anchor = reference.lstrip("/").partition("#")
                if spec_path in workspace.documents:
                    target = Target(spec_path, anchor or None)
                    yield Dependency(eval_node(path, sample.id), target, "Inspect sample for it", f"{path}:{sample.line}")
