"""Draft eval cases for the amendments that need one, in the repository's own format.

An amendment needs a draft when it adds a rule, strengthens one (``should`` →
``must``, an exception removed), or changes a rule no eval reaches (a breaking
change, or one whose changed sentence states a rule: a reworded description
is not a rule). Each draft
is two cases, the case itself and one edge case that probes the changed
wording, written where the repository keeps its evals, and tied to the clause
so that ``specdiff coverage`` counts it once accepted:

==============  ==============================================================
``openspec``    a ``#### Scenario:`` block (WHEN/THEN) under the clause's
                ``### Requirement:``
``model-spec``  a new ``examples/<id>.md`` with good and bad answers, and the
                footnote ``[^<id>]`` added to the clause
``kiro``        a test task in the feature's ``tasks.md`` whose steps are
                acceptance criteria (WHEN … THEN …), tied by
                ``_Requirements: N.M_`` to the criterion it tests
``jsonl``       records appended to the JSON Lines suite, with that suite's
                own fields and a ``spec`` reference to the clause's section
==============  ==============================================================

Nothing here writes a file: :func:`draft_edits` returns each file's old and new
text, and :func:`as_patch` turns those into a patch ``git apply`` takes. The
content comes from a language model (``specdiff.evals.draft_model``) or, offline,
is a skeleton: the clause, the change, and TODOs.
"""

from __future__ import annotations

import difflib
import json
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from specdiff.layouts import is_kiro_requirements
from specdiff.model import Amendment, Clause, Document, Section
from specdiff.nodes import section_key
from specdiff.render.words import describe_effect
from specdiff.scan import kiro
from specdiff.strengthening import strengthens

Layout = Literal["openspec", "kiro", "model-spec", "jsonl"]

DEFAULT_SUITE = "evals/suite.jsonl"
"""Where JSON Lines drafts go in a repository that has no suite yet."""

_RULE_KINDS = ("paragraph", "list_item", "blockquote", "admonition", "table_row")
"""Clause kinds that state rules; an example block, HTML or front matter is tested through the rule it illustrates."""

_FOOTNOTE_MARK = re.compile(r"\[\^[^\]\[\s]+\]")  # no "[" in a label, as in parse: "[^a" x 70,000 stays linear
_REQUIREMENT = re.compile(r"^requirement\s*:", re.IGNORECASE)
_PROMPT_FIELDS = ("input", "prompt", "question", "query", "user", "message")
_EXPECTED_FIELDS = ("expected", "ideal", "target", "answer", "expected_behavior", "expected_behaviour", "criteria")


@dataclass(frozen=True)
class DraftTarget:
    """An amendment that needs an eval, and the clause a draft is for."""

    amendment: Amendment
    clause: Clause
    """The clause as it now reads."""
    reason: str
    """``adds a rule``, ``strengthens a rule`` or ``changes a rule no eval reaches``."""
    change: str
    """The amendment's effects in words."""

    @property
    def case_id(self) -> str:
        """Stable for the clause's wording: ``draft-`` and the start of its fingerprint."""
        return f"draft-{self.clause.fingerprint[:8]}"


@dataclass(frozen=True)
class DraftCase:
    """What a draft says: a prompt and the expected behaviour, and an edge case on the changed wording."""

    title: str
    prompt: str
    expected: str
    bad_answer: str
    edge_prompt: str
    edge_expected: str
    model: str | None = None
    """The model that wrote it; ``None`` for an offline skeleton."""


@dataclass(frozen=True)
class FileEdit:
    """One file the drafts add to: its text before (``None``: a new file) and after."""

    path: str
    old: str | None
    new: str


def draft_targets(amendments: list[Amendment]) -> list[DraftTarget]:
    """The clause amendments that need a draft, in order; removed clauses need none (nothing is left to test)."""
    targets = []
    for amendment in amendments:
        if amendment.unit != "clause":
            continue
        # (the first clause of a rule's kind: an added rule wrapped in "<Note>" lines starts with the tag)
        clause = next((c for c in amendment.new if isinstance(c, Clause) and c.kind in _RULE_KINDS), None)
        if clause is None:
            continue
        reached = any(i.kind == "eval" for i in amendment.impact)
        binding = amendment.severity == "breaking" or any(e.normative for e in amendment.effects)
        if amendment.kind == "added" and binding:
            reason = "adds a rule"
        elif strengthens(amendment):
            reason = "strengthens a rule"
        elif not reached and binding:
            reason = "changes a rule no eval reaches"
        else:
            continue
        change = "; ".join(describe_effect(e) for e in amendment.effects) or amendment.kind
        targets.append(DraftTarget(amendment, clause, reason, change))
    return targets


def skeleton(target: DraftTarget) -> DraftCase:
    """The offline draft: the clause and the change, and TODOs for a person to fill in."""
    # As compared (no list marker or emphasis), without its footnote marks: quoted in a Model Spec
    # examples file, "[^o92b]" would tie that file to o92b.
    clause = " ".join(_FOOTNOTE_MARK.sub("", target.clause.normalized).split())
    return DraftCase(
        title=f"TODO: name this case ({target.reason})",
        prompt=f"TODO: a user message that puts this rule to work: {clause}",
        expected=f"TODO: the behaviour this rule asks for (the change: {target.change})",
        bad_answer="TODO: an answer that breaks the rule as it now reads",
        edge_prompt=f"TODO: a message at the boundary of the changed wording ({target.change})",
        edge_expected="TODO: the right behaviour at that boundary",
    )


def layout_of(target: DraftTarget, documents: Mapping[str, Document], files: set[str]) -> Layout:
    """Where a draft for this clause goes: OpenSpec under a requirement, a Kiro requirement's tasks, Model Spec
    beside footnoted examples, else JSONL."""
    document = documents.get(target.clause.path)
    section = _section(document, target.clause.section) if document else None
    if section is not None and _REQUIREMENT.match(section.heading):
        return "openspec"
    if document is not None and is_kiro_requirements(document.path) and kiro.criterion_number(document, target.clause):
        return "kiro"
    labels = {label for c in document.clauses for label in c.footnotes} if document else set()
    if document is not None and any(_examples_file(document.path, label, files) for label in labels):
        return "model-spec"
    return "jsonl"


def draft_edits(
    drafts: list[tuple[DraftTarget, DraftCase]],
    documents: Mapping[str, Document],
    files: set[str],
    read: Callable[[str], str | None],
    suites: list[str],
) -> list[FileEdit]:
    """The files the drafts add to, each with its old and new text; existing text is only added to.

    ``suites`` are the repository's JSON Lines suites (the first one is used when none
    already tests the clause's file); ``read`` gives a file's current text.
    """
    texts: dict[str, list[str] | None] = {}

    def lines_of(path: str) -> list[str]:
        if path not in texts:
            text = read(path)
            texts[path] = text.splitlines() if text is not None else None
        return texts[path] or []

    insertions: dict[str, list[tuple[int, list[str]]]] = {}
    footnotes: dict[str, list[tuple[int, str]]] = {}
    created: dict[str, str] = {}
    for target, case in drafts:
        layout = layout_of(target, documents, files)
        path = target.clause.path
        if layout == "openspec":
            section = _section(documents[path], target.clause.section)
            assert section is not None
            at = min(section.lines[1], len(lines_of(path)))  # a last section may end past the last line
            insertions.setdefault(path, []).append((at, _scenario(target, case, section.level + 1, lines_of(path), at)))
        elif layout == "kiro":
            tasks = posixpath.join(posixpath.dirname(path), "tasks.md")
            if not lines_of(tasks):
                texts[tasks] = ["# Implementation Plan"]
            number = _next_task_number(lines_of(tasks)) + len(insertions.get(tasks, []))
            criterion = kiro.criterion_number(documents[path], target.clause) or ""
            insertions.setdefault(tasks, []).append((len(lines_of(tasks)), _test_task(target, case, number, criterion)))
        elif layout == "model-spec":
            label = target.case_id.removeprefix("draft-")
            example = posixpath.join(posixpath.dirname(path), "examples", f"{label}.md")
            if example in files:
                continue  # a draft for this wording exists already; nothing is overwritten
            created[example] = _model_spec_example(target, case, label)
            footnotes.setdefault(path, []).append((target.clause.lines[1], label))
        else:
            suite = _suite_for(target, suites, read)
            insertions.setdefault(suite, []).append((len(lines_of(suite)), _records(target, case, suite, read)))
    edits = []
    for path in sorted(set(insertions) | set(footnotes)):
        old = read(path)
        lines = list(lines_of(path))
        for line, label in footnotes.get(path, []):
            lines[line - 1] = _with_footnote(lines[line - 1], label)
        # From the last place up, and at one place the last block first, so the blocks keep their order.
        for at, block in reversed(sorted(insertions.get(path, []), key=lambda i: i[0])):
            lines[at:at] = block
        edits.append(FileEdit(path, old, "\n".join(lines) + "\n"))
    edits += [FileEdit(path, None, text) for path, text in sorted(created.items())]
    return edits


def as_patch(edits: list[FileEdit]) -> str:
    """A unified diff of the edits that ``git apply`` takes (new files included)."""
    parts = []
    for edit in edits:
        header = [f"diff --git a/{edit.path} b/{edit.path}"]
        if edit.old is None:
            header += ["new file mode 100644", "--- /dev/null"]
        else:
            header.append(f"--- a/{edit.path}")
        header.append(f"+++ b/{edit.path}")
        old_lines = (edit.old or "").splitlines(keepends=True)
        body = list(difflib.unified_diff(old_lines, edit.new.splitlines(keepends=True), n=3))[2:]
        # A file that did not end with a newline says so, or `git apply` finds no such last line.
        body = [line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in body]
        parts.append("\n".join(header) + "\n" + "".join(body))
    return "".join(parts)


def _section(document: Document, section_id: str) -> Section | None:
    return next((s for s in document.sections if s.id == section_id), None)


def _examples_file(spec_path: str, label: str, files: set[str]) -> bool:
    return posixpath.join(posixpath.dirname(spec_path), "examples", f"{label}.md") in files or f"examples/{label}.md" in files


def _scenario(target: DraftTarget, case: DraftCase, level: int, lines: list[str], at: int) -> list[str]:
    hashes = "#" * level
    block = [] if at == 0 or not lines[at - 1].strip() else [""]
    for name, when, then in (
        (f"{case.title} ({target.case_id})", case.prompt, case.expected),
        (f"{case.title}, edge case ({target.case_id})", case.edge_prompt, case.edge_expected),
    ):
        block += [f"{hashes} Scenario: {_one_line(name)}", f"- **WHEN** {_one_line(when)}", f"- **THEN** {_one_line(then)}", ""]
    return block


def _next_task_number(lines: list[str]) -> int:
    """One more than the highest top-level task number of a ``tasks.md``."""
    numbers = [int(t.number.split(".")[0]) for t in kiro.tasks_of("\n".join(lines))]
    return max(numbers, default=0) + 1


def _test_task(target: DraftTarget, case: DraftCase, number: int, criterion: str) -> list[str]:
    """A Kiro test task: its steps are acceptance criteria in EARS form, and it names the criterion it tests.

    Kiro marks optional tasks (tests, mostly) with ``*``; the word "test" in the title is what
    makes ``specdiff.scan.kiro`` read it as an eval case.
    """
    return [
        "",
        f"- [ ]* {number}. Test {_one_line(case.title)} ({target.case_id})",
        f"  - WHEN {_one_line(case.prompt)} THEN {_one_line(case.expected)}",
        f"  - Edge case: WHEN {_one_line(case.edge_prompt)} THEN {_one_line(case.edge_expected)}",
        f"  - _Requirements: {criterion}_",
    ]


def _model_spec_example(target: DraftTarget, case: DraftCase, label: str) -> str:
    parts = [f"Examples for [^{label}] in {target.clause.heading}:", ""]
    for title, prompt, good, bad in (
        (case.title, case.prompt, case.expected, case.bad_answer),
        (f"{case.title}, edge case", case.edge_prompt, case.edge_expected, case.bad_answer),
    ):
        parts += [f"**Example**: {_one_line(title)}", "", "~~~xml", "<user>", prompt.strip(), "</user>", "~~~", ""]
        parts += ["**Good response**:", "", good.strip(), "", "**Bad response**:", "", bad.strip(), ""]
    return "\n".join(parts)


def _with_footnote(line: str, label: str) -> str:
    """The clause's last line with ``[^label]`` before its closing full stop, as the Model Spec places them.

    >>> _with_footnote("The assistant must ask first.", "ab12")
    'The assistant must ask first[^ab12].'
    """
    stripped = line.rstrip()
    if stripped.endswith((".", "!", "?")):
        return f"{stripped[:-1]}[^{label}]{stripped[-1]}"
    return f"{stripped}[^{label}]"


def _suite_for(target: DraftTarget, suites: list[str], read: Callable[[str], str | None]) -> str:
    """The suite that already tests the clause's file, else the first suite, else :data:`DEFAULT_SUITE`."""
    for suite in suites:
        if f'"{target.clause.path}' in (read(suite) or ""):
            return suite
    return suites[0] if suites else DEFAULT_SUITE


def _records(target: DraftTarget, case: DraftCase, suite: str, read: Callable[[str], str | None]) -> list[str]:
    """Two JSON lines with the suite's own fields: the case and its edge case."""
    fields = _fields_of(read(suite) or "")
    reference = section_key(target.clause.path, target.clause.section) if target.clause.section else target.clause.path
    records = []
    for suffix, prompt, expected in (("", case.prompt, case.expected), ("-edge", case.edge_prompt, case.edge_expected)):
        record: dict[str, str] = {}
        for name in fields:
            if name in ("id", "name"):
                record[name] = target.case_id + suffix
            elif name in ("spec", "source", "clause", "section") or name.endswith("spec"):
                record[name] = reference
            elif name in _PROMPT_FIELDS:
                record[name] = prompt
            elif name in _EXPECTED_FIELDS:
                record[name] = expected
            else:
                record[name] = "TODO"
        records.append(json.dumps(record, ensure_ascii=False))
    return records


def _fields_of(suite_text: str) -> list[str]:
    """The fields of the suite's first record, with an id and a spec reference made sure of."""
    for line in suite_text.splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and record:
            fields = list(record)
            if not any(f in fields for f in ("id", "name")):
                fields.insert(0, "id")
            if not any(f in ("spec", "source", "clause", "section") or f.endswith("spec") for f in fields):
                fields.insert(1, "spec")
            return fields
    return ["id", "spec", "input", "expected"]


def _one_line(text: str) -> str:
    return " ".join(text.split())
