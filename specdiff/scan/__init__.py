"""Scanners: each finds one kind of dependency on the spec, and says where it found it.

A scanner is a module with ``scan(workspace) -> Iterable[Dependency]``. Every
scanner sees the same :class:`Workspace` (the parsed spec files, the tracked
files, the config) and reads other files only through it. ``SCANNERS`` lists
them by name; the dependency graph takes the union of what they find.

========================  ===================================================
``declared``              ``[[artifacts]]`` and ``[[evals]]`` in the config
``crossrefs``             links between spec sections (``[see](#privacy)``)
``markers``               ``specdiff: spec/file.md#anchor`` in any file
``links``                 Markdown links to ``spec/file.md#anchor`` in any file
``requirements``          requirement IDs (``FR-001``) mentioned in any file
``eval_suites``           JSON Lines eval suites whose cases name a spec section
``footnotes``             OpenAI Model Spec: ``[^abcd]`` and ``examples/abcd.md``
``openspec``              OpenSpec: ``#### Scenario:`` blocks are eval cases
``speckit``               spec-kit: ``plan.md``, ``tasks.md`` … beside ``spec.md``
``kiro``                  Kiro: ``_Requirements: 1.2_`` in ``.kiro/specs`` tasks (test tasks are evals)
``promptfoo``            promptfoo configs: tests with ``metadata.spec``
``pytest_marks``          pytest tests marked ``@pytest.mark.spec("file#anchor")``
``inspect_tasks``         Inspect ``Sample(id=…, metadata={"spec": …})``
========================  ===================================================

``footnotes`` and ``openspec`` find dependencies that stay inside one file, so
they read only the files the graph keeps (``SpecDocuments.kept``); ``scan_all``
notices which scanners read them, and runs only those again.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from specdiff.config import Config
from specdiff.model import Dependency
from specdiff.nodes import artifact_node, eval_node
from specdiff.spec_documents import SpecDocuments

Search = tuple[tuple[str, ...], bool]
"""What :attr:`Workspace.grep` is asked: strings, one of which a file must hold, and whether they are
fixed strings (else extended regular expressions, as ``git grep -E`` reads them)."""

_EVAL_FOLDERS = {"eval", "evals", "examples", "tests", "test", "__tests__", "spec_tests"}
_EVAL_NAME = re.compile(r"^test_|_test\.|\.test\.|\.spec\.[jt]sx?$")


@dataclass
class Workspace:
    """The repository at one revision, as scanners see it."""

    documents: SpecDocuments
    """Every spec file by path, parsed when first looked up; a scanner that reads inside
    every spec file goes through ``documents.matching`` so files that cannot hold what it
    looks for are not parsed."""
    files: set[str]
    """Every tracked file small enough to read."""
    config: Config
    read: Callable[[str], str | None]
    """The text of a tracked file; ``None`` for binary, non-UTF-8 or missing files."""
    grep: Callable[[Sequence[str], bool], set[str]]
    """Paths of files containing any of the patterns (fixed strings when the flag is set)."""
    _texts: dict[str, str | None] = field(default_factory=dict)
    _found: dict[str, list[Dependency]] = field(default_factory=dict)
    """What each scanner found, by name (see :func:`scan_all`)."""
    _reads_kept: set[str] = field(default_factory=set)
    """The scanners that asked ``documents.kept``: what they find changes with ``keep_only``."""

    def text(self, path: str) -> str | None:
        """``read`` with a memory, since several scanners read the same files."""
        if path not in self._texts:
            self._texts[path] = self.read(path)
        return self._texts[path]

    def output_node(self, path: str, case: str | None = None) -> str:
        """The node of a file that depends on the spec: an eval if the config or its place says so."""
        declared_evals = {o.path for o in self.config.evals}
        declared_artifacts = {o.path for o in self.config.artifacts}
        if path in declared_evals or (path not in declared_artifacts and looks_like_eval(path)):
            return eval_node(path, case)
        return artifact_node(path)


def looks_like_eval(path: str) -> bool:
    """Whether a path is a test or eval by its place or name.

    >>> looks_like_eval("examples/k3f9.md"), looks_like_eval("tests/test_x.py"), looks_like_eval("docs/a.md")
    (True, True, False)
    """
    folders = set(path.split("/")[:-1])
    return bool(folders & _EVAL_FOLDERS) or bool(_EVAL_NAME.search(posixpath.basename(path)))


def resolve_path(source: str, target: str) -> str:
    """A path written in ``source`` (relative to its folder, or to the root if it starts with ``/``).

    >>> resolve_path("docs/guide.md", "../spec/a.md"), resolve_path("x/y.py", "/spec/a.md")
    ('spec/a.md', 'spec/a.md')
    """
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def line_of(text: str, offset: int) -> int:
    """The 1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1


class Scanner(Protocol):
    """What each scanner module provides (the type checker holds every entry of ``SCANNERS`` to it)."""

    def scan(self, workspace: Workspace) -> Iterable[Dependency]: ...


def scan_all(workspace: Workspace) -> list[Dependency]:
    """What every scanner finds, in the order of ``SCANNERS``.

    A workspace is one revision, so a scanner finds the same things each time,
    except one that looks only inside the files the graph keeps (it asks
    ``documents.kept``): the graph of a diff calls this twice, before and after
    choosing those files, and only such scanners run again. Which ones they are
    is seen as they run, not listed by hand: a new scanner that reads the kept
    files is run again without anyone remembering to say so.
    """
    for name, scanner in SCANNERS.items():
        if name not in workspace._found or name in workspace._reads_kept:
            asked = workspace.documents.kept_reads
            workspace._found[name] = list(scanner.scan(workspace))
            if workspace.documents.kept_reads != asked:
                workspace._reads_kept.add(name)
    return [dependency for name in SCANNERS for dependency in workspace._found[name]]


# The scanners import Workspace and the helpers above.
from specdiff.scan import (  # noqa: E402
    crossrefs,
    declared,
    eval_suites,
    footnotes,
    inspect_tasks,
    kiro,
    links,
    markers,
    openspec,
    promptfoo,
    pytest_marks,
    requirements,
    speckit,
)

SHARED_SEARCHES: list[Search] = [markers.SEARCH, links.SEARCH, pytest_marks.SEARCH, inspect_tasks.SEARCH]
"""The searches scanners make in every repository, whatever its spec holds: the workspace makes
them with one ``git grep`` (``Repository.grep_each``), which needs searches whose texts cannot
overlap ("specdiff:", "mark.spec(", "Sample(" and a ".md" followed by ``#)> ``: none ends with
the start of another, none holds another but "specdiff:", which is the same in both)."""

SCANNERS: dict[str, Scanner] = {
    "declared": declared,
    "crossrefs": crossrefs,
    "markers": markers,
    "links": links,
    "requirements": requirements,
    "eval_suites": eval_suites,
    "footnotes": footnotes,
    "openspec": openspec,
    "speckit": speckit,
    "kiro": kiro,
    "promptfoo": promptfoo,
    "pytest_marks": pytest_marks,
    "inspect_tasks": inspect_tasks,
}
