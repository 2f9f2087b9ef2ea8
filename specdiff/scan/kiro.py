"""Kiro spec folders: ``design.md`` and ``tasks.md`` are built from ``requirements.md``; test tasks are its evals.

    .kiro/specs/<feature>/requirements.md    ### Requirement 1 … 1. WHEN … THEN … SHALL …
    .kiro/specs/<feature>/design.md
    .kiro/specs/<feature>/tasks.md           - [ ] 2. Add the endpoint … _Requirements: 1.1, 1.3_
                                             - [ ]* 2.1 Write a test for … **Validates: Requirements 1.3**

``_Requirements: 1.3_`` (or Kiro's ``**Validates: Requirements 1.3**``) is
acceptance criterion 3 of requirement 1: the third numbered item under the
``Requirement 1`` heading; ``1.2-1.4`` names three. A criterion that does not
exist is reported as dangling. A task whose title names a test ("Write property tests for …",
"Integration testing") is an eval case of the criteria it names,
``eval:<tasks.md>#task-<number>``; other tasks make ``tasks.md`` an artifact.
In Kiro the acceptance criteria are the rules (they say SHALL); the tests
written for them are what ``specdiff coverage`` counts.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass

from specdiff.layouts import is_kiro_requirements
from specdiff.model import Clause, Dependency, Document, Section, Target
from specdiff.nodes import clause_nodes, eval_node, section_node
from specdiff.scan import Workspace, line_of

CRITERIA = re.compile(r"_Requirements?:[\t ]*([\w.,\t –-]+?)_|Validates:?\**[\t ]*Requirements?:?[\t ]*([\d.,\t –-]*\d)")
NUMBER_OR_RANGE = re.compile(r"(\d+)(?:\.(\d+))?(?:\s*[-–]\s*(\d+)\.(\d+))?")
MAX_RANGE = 50
"""A longer range (``1.1-1.500``) is a slip: only its two ends are read."""
REQUIREMENT_HEADING = re.compile(r"^requirement\s+(\d+)\b", re.IGNORECASE)
NUMBERED_ITEM = re.compile(r"\d+[.)]\s")
TASK = re.compile(r"^[ \t]*[-*][ \t]+\[[ xX~-]\]\*?[ \t]*(\d+(?:\.\d+)*)\.?[ \t]+(.*)$", re.MULTILINE)
"""A task line: ``- [ ] 2. Title``, ``- [x] 2.1 Title``, ``- [ ]* 3. Title`` (Kiro's optional tasks)."""
TEST_TASK = re.compile(r"\btest", re.IGNORECASE)


@dataclass(frozen=True)
class Task:
    """One task of a ``tasks.md``: its number, title, and where its block of lines starts and ends."""

    number: str
    title: str
    start: int
    end: int
    """Character offsets of the task's line and of the next task's (or the end of the file)."""

    @property
    def is_test(self) -> bool:
        return bool(TEST_TASK.search(self.title))


def tasks_of(text: str) -> list[Task]:
    """The tasks of a Kiro ``tasks.md``, in order.

    >>> [(t.number, t.is_test) for t in tasks_of("- [x] 1. Build it\\n  - _Requirements: 1.1_\\n- [ ]* 1.2 Write unit tests\\n")]
    [('1', False), ('1.2', True)]
    """
    matches = list(TASK.finditer(text))
    ends = [m.start() for m in matches[1:]] + [len(text)]
    return [Task(m.group(1), m.group(2).strip(), m.start(), end) for m, end in zip(matches, ends)]


def scan(workspace: Workspace) -> Iterator[Dependency]:
    for path in workspace.documents:
        if not is_kiro_requirements(path):
            continue
        document = workspace.documents[path]
        folder = posixpath.dirname(path)
        for name in ("design.md", "tasks.md"):
            output = posixpath.join(folder, name)
            if output not in workspace.files or output in workspace.documents:
                continue
            node = workspace.output_node(output)
            yield Dependency(node, Target(path), "Kiro spec folder", output)
            text = workspace.text(output) or ""
            tests = [t for t in tasks_of(text) if t.is_test] if name == "tasks.md" else []
            for match in CRITERIA.finditer(text):
                test = next((t for t in tests if t.start <= match.start() < t.end), None)
                referrer = eval_node(output, f"task-{test.number}") if test else node
                for number in criteria_named(match.group(1) or match.group(2)):
                    where = f"{output}:{line_of(text, match.start())}"
                    target = _criterion(document, number) or Target(path, f"requirement-{number}")
                    yield Dependency(referrer, target, f"_Requirements: {number}_", where)


def criteria_named(text: str) -> list[str]:
    """The criteria a ``_Requirements:`` list names, ranges of one requirement spelled out (``All`` names none).

    >>> criteria_named("1.1, 2, 4.2-4.4, All")
    ['1.1', '2', '4.2', '4.3', '4.4']
    """
    named = []
    for match in NUMBER_OR_RANGE.finditer(text):
        requirement, first, to_requirement, last = match.groups()
        if first is None:
            named.append(requirement)
        elif last is not None and to_requirement == requirement and 0 <= int(last) - int(first) < MAX_RANGE:
            named += [f"{requirement}.{k}" for k in range(int(first), int(last) + 1)]
        else:
            named += [f"{requirement}.{first}"] + ([f"{to_requirement}.{last}"] if last is not None else [])
    return named


def requirement_of(document: Document, section_id: str) -> tuple[Section, str] | None:
    """The ``Requirement N`` section a section is, or is inside, and its number ``N``; ``None`` outside every one."""
    by_id = {s.id: s for s in document.sections}
    section = by_id.get(section_id)
    while section is not None:
        if match := REQUIREMENT_HEADING.match(section.heading):
            return section, match.group(1)
        section = by_id.get(section.parent) if section.parent is not None else None
    return None


def criterion_number(document: Document, clause: Clause) -> str | None:
    """What ``_Requirements:`` calls a clause: ``N.M`` for acceptance criterion M of requirement N, ``N`` for
    another clause of requirement N, ``None`` outside every requirement."""
    found = requirement_of(document, clause.section)
    if found is None:
        return None
    requirement, number = found
    items = _criteria(document, requirement)
    return f"{number}.{items.index(clause) + 1}" if clause in items else number


def _criterion(document: Document, number: str) -> str | None:
    """The node of criterion ``N.M`` (or of requirement ``N``'s section); ``None`` if it does not exist."""
    requirement, _, criterion = number.partition(".")
    sections = [s for s in document.sections if (m := REQUIREMENT_HEADING.match(s.heading)) and m.group(1) == requirement]
    if not sections:
        return None
    section = sections[0]
    if not criterion:
        return section_node(document.path, section.id)
    items = _criteria(document, section)
    k = int(criterion)
    return clause_nodes(document)[items[k - 1].index] if 0 < k <= len(items) else None


def _criteria(document: Document, requirement: Section) -> list[Clause]:
    """The acceptance criteria of a requirement: the numbered items at the left margin of its subtree
    (nested bullets under one are part of it)."""
    subtree = {requirement.id} | {s.id for s in document.sections if _inside(document, s.id, requirement.id)}
    return [c for c in document.clauses if c.section in subtree and c.kind == "list_item" and NUMBERED_ITEM.match(c.text)]


def _inside(document: Document, section_id: str, ancestor: str) -> bool:
    parents = {s.id: s.parent for s in document.sections}
    parent = parents.get(section_id)
    while parent is not None:
        if parent == ancestor:
            return True
        parent = parents.get(parent)
    return False
