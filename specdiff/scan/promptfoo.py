"""promptfoo configs: each test that names a spec section in its metadata is one eval case.

    # promptfooconfig.yaml
    tests:
      - description: refuses to share history
        metadata:
          spec: spec/behavior.md#borrowing_privacy
        vars: {question: "What did my brother borrow?"}

A test's case id is its ``description`` (what ``promptfoo eval --filter-pattern``
matches), or ``test-<n>`` (from 1) without one. ``metadata.spec`` may be one
reference or a list. Files named ``promptfooconfig.yaml``/``.yml``, and YAML
files declared in ``[[evals]]``, are read; tests kept in other files
(``tests: file://…``) are not followed.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from specdiff.model import Dependency, Target
from specdiff.nodes import eval_node
from specdiff.scan import Workspace
from specdiff.scan.eval_suites import SPEC_REFERENCE

CONFIG_NAMES = ("promptfooconfig.yaml", "promptfooconfig.yml")


@dataclass(frozen=True)
class PromptfooTest:
    """One entry of a config's ``tests`` list."""

    case: str
    """The description, or ``test-<n>``."""
    specs: tuple[str, ...]
    """The spec references in ``metadata.spec``."""
    position: int
    """Index in the ``tests`` list, from 0."""
    described: bool
    """Whether the test has a description (``--filter-pattern`` can only match those)."""


def is_config(path: str, declared: set[str]) -> bool:
    return posixpath.basename(path) in CONFIG_NAMES or (path in declared and path.endswith((".yaml", ".yml")))


def load(text: str) -> dict[str, Any] | None:
    """The config as data; ``None`` if it is not a YAML mapping."""
    import yaml  # not at the top: only repositories with a promptfoo config pay for it

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


def tests_of(config: dict[str, Any]) -> list[PromptfooTest]:
    """The tests of a loaded config, in order.

    >>> [t.case for t in tests_of({"tests": [{"description": "a", "metadata": {"spec": "s.md#x"}}, {}]})]
    ['a', 'test-2']
    """
    tests = config.get("tests")
    found = []
    for position, test in enumerate(tests if isinstance(tests, list) else []):
        if not isinstance(test, dict):
            continue
        description = test.get("description")
        described = isinstance(description, str) and bool(description.strip())
        case = str(description) if described else f"test-{position + 1}"
        metadata = test.get("metadata")
        spec = metadata.get("spec") if isinstance(metadata, dict) else None
        specs = [spec] if isinstance(spec, str) else spec if isinstance(spec, list) else []
        found.append(PromptfooTest(case, tuple(s for s in specs if isinstance(s, str)), position, described))
    return found


def scan(workspace: Workspace) -> Iterator[Dependency]:
    declared = {o.path for o in workspace.config.evals}
    for path in sorted(p for p in workspace.files if is_config(p, declared)):
        config = load(workspace.text(path) or "")
        for test in tests_of(config or {}):
            for reference in test.specs:
                match = SPEC_REFERENCE.match(reference.lstrip("/"))
                if match and match.group(1) in workspace.documents:
                    target = Target(match.group(1), match.group(2))
                    where = f"{path}: tests[{test.position}]"
                    yield Dependency(eval_node(path, test.case), target, "promptfoo test for it", where)
