"""The eval cases a change reaches, in the form each eval runner takes.

Impact is not computed here: the input is :attr:`SpecDiff.outputs`, the eval
nodes the dependency graph says each amendment reaches. Each runner gets what
it can run:

==============  ==============================================================
``jsonl``       the affected cases' records, copied line by line from their
                JSON Lines suites (a suite in itself)
``promptfoo``   a ``--filter-pattern`` regular expression matching the
                affected tests' descriptions, and a copy of each config with
                only those tests
``pytest``      node ids (``tests/test_x.py::TestK::test_y``)
``inspect``     per task file, the ids for ``inspect eval FILE --sample-id``
==============  ==============================================================

A node names a whole file (``eval:tests/test_x.py``, from a ``[[evals]]``
entry or a file-wide marker) or one case (``eval:tests/test_x.py#test_y``). A
whole file selects all its cases. Affected cases of other kinds (a Model Spec
``examples/*.md`` file, an OpenSpec scenario) are not for any of these runners
and are counted in ``Selection.other``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from specdiff.evals import Runner
from specdiff.model import Amendment
from specdiff.nodes import Node, output_kind
from specdiff.scan import inspect_tasks, promptfoo, pytest_marks
from specdiff.scan.markers import MARKER

Read = Callable[[str], str | None]
"""The text of a file at the head revision; ``None`` if it is missing or unreadable."""


@dataclass(frozen=True)
class AffectedEval:
    """One eval node a change reaches: a whole file (``case is None``) or one case of it."""

    path: str
    case: str | None
    amendments: tuple[str, ...]
    """Ids of the amendments that reach it."""


@dataclass
class Selection:
    """What to run: ``items`` in the runner's own terms, and what they came from."""

    runner: Runner
    items: list[str] = field(default_factory=list)
    """JSONL records, pytest node ids, Inspect ``FILE --sample-id a,b`` arguments, or the promptfoo pattern."""
    configs: dict[str, str] = field(default_factory=dict)
    """promptfoo only: each affected config's path, and a copy of it with only the affected tests."""
    other: int = 0
    """Affected eval nodes this runner cannot run (another format)."""
    warnings: list[str] = field(default_factory=list)


def affected_evals(outputs: dict[str, list[Amendment]]) -> list[AffectedEval]:
    """The eval nodes of :attr:`SpecDiff.outputs`, in its (sorted) order.

    >>> [e.case for e in affected_evals({"eval:e/a.jsonl#c1": [], "artifact:p.txt": [], "eval:t/x.py": []})]
    ['c1', None]
    """
    found = []
    for node, amendments in outputs.items():
        if output_kind(node) != "eval":
            continue
        parsed = Node.parse(node)
        found.append(AffectedEval(parsed.path, parsed.case, tuple(a.id for a in amendments)))
    return found


def select(runner: Runner, evals: list[AffectedEval], read: Read) -> Selection:
    """The selection for ``runner`` from the affected eval nodes, reading their files with ``read``."""
    return _SELECTORS[runner](evals, read)


@dataclass
class _FileSelection:
    """The affected nodes of one file: the whole file, some of its cases, or both."""

    whole: bool = False
    cases: set[str] = field(default_factory=set)

    def wants(self, case: str) -> bool:
        return self.whole or case in self.cases


def _by_file(evals: list[AffectedEval], belongs: Callable[[str], bool]) -> tuple[dict[str, _FileSelection], int]:
    """The affected files ``belongs`` accepts, with what of each is affected; and how many nodes were left out."""
    files: dict[str, _FileSelection] = {}
    other = 0
    for item in evals:
        if not belongs(item.path):
            other += 1
        elif item.case is None:
            files.setdefault(item.path, _FileSelection()).whole = True
        else:
            files.setdefault(item.path, _FileSelection()).cases.add(item.case)
    return files, other


def _select_jsonl(evals: list[AffectedEval], read: Read) -> Selection:
    files, other = _by_file(evals, lambda p: p.endswith(".jsonl"))
    selection = Selection("jsonl", other=other)
    for path, cases in files.items():
        for line in (read(path) or "").splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            name = record.get("id", record.get("name")) if isinstance(record, dict) else None
            if name is not None and cases.wants(str(name)):
                selection.items.append(line)
    return selection


def _select_promptfoo(evals: list[AffectedEval], read: Read) -> Selection:
    yaml_files = {e.path for e in evals if e.path.endswith((".yaml", ".yml"))}  # only these can be promptfoo configs
    configs = {path: promptfoo.load(read(path) or "") for path in yaml_files}
    files, other = _by_file(evals, lambda p: configs.get(p) is not None and "tests" in (configs[p] or {}))
    selection = Selection("promptfoo", other=other)
    descriptions: list[str] = []
    for path, cases in files.items():
        config: dict[str, Any] = configs[path] or {}
        tests = promptfoo.tests_of(config)
        chosen = [t for t in tests if cases.wants(t.case)]
        for test in chosen:
            if not test.described:
                selection.warnings.append(f"{path}: tests[{test.position}] has no description for --filter-pattern to match")
            else:
                descriptions.append(test.case)
        copy = dict(config)
        copy["tests"] = [config["tests"][t.position] for t in chosen]
        selection.configs[path] = _dump_yaml(copy)
    if descriptions:
        selection.items.append(filter_pattern(descriptions))
    return selection


def filter_pattern(descriptions: list[str]) -> str:
    """A JavaScript regular expression matching exactly these test descriptions.

    promptfoo keeps the tests whose description ``new RegExp(pattern).test()``
    accepts, a match anywhere in it: hence the anchors, so that a description
    that is part of another does not select the other too.

    >>> filter_pattern(["refuses (kiosk)", "a.b"])
    '^(?:refuses \\\\(kiosk\\\\)|a\\\\.b)$'
    """
    escaped = ("".join("\\" + c if c in r"\^$.|?*+()[]{}/" else c for c in d) for d in dict.fromkeys(descriptions))
    return "^(?:" + "|".join(escaped) + ")$"


def _dump_yaml(data: dict[str, Any]) -> str:
    import yaml

    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def _select_pytest(evals: list[AffectedEval], read: Read) -> Selection:
    files, other = _by_file(evals, pytest_marks.is_test_file)
    selection = Selection("pytest", other=other)
    for path, cases in files.items():
        if cases.whole and not _markers_only_in_tests(read(path) or ""):
            selection.items.append(path)
            continue
        # A whole-file node from markers that all sit in test docstrings: those tests' own nodes say which.
        marked = {t.case for t in pytest_marks.tests_of(read(path) or "")}
        selection.items += [f"{path}::{case}" for case in sorted(cases.cases) if case in marked]
    return selection


def _markers_only_in_tests(source: str) -> bool:
    """Whether every ``specdiff:`` marker of a test module is in some test's docstring (so none is file-wide)."""
    in_tests = sum(1 for t in pytest_marks.tests_of(source) for _ in t.docstring_specs)
    return 0 < in_tests == len(MARKER.findall(source))


def _select_inspect(evals: list[AffectedEval], read: Read) -> Selection:
    files, other = _by_file(evals, lambda p: p.endswith(".py") and bool(inspect_tasks.samples_of(read(p) or "")))
    selection = Selection("inspect", other=other)
    for path, cases in files.items():
        ids = [s.id for s in inspect_tasks.samples_of(read(path) or "") if cases.wants(s.id)]
        if ids:
            selection.items.append(f"{path} --sample-id {','.join(dict.fromkeys(ids))}")
    return selection


_SELECTORS: dict[Runner, Callable[[list[AffectedEval], Read], Selection]] = {
    "jsonl": _select_jsonl,
    "promptfoo": _select_promptfoo,
    "pytest": _select_pytest,
    "inspect": _select_inspect,
}
