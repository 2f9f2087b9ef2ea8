"""The lint pipeline: which clauses to read, the checks on them, and what the change introduced.

By default the clauses are those the diff's amendments wrote (the new side of
every added, modified, moved, split or merged clause), and a finding counts
only if the clause's old side did not have it too: a PR is judged on its own
lines. (The model's CON003 is asked about every rule of a changed clause, moved
ones aside, old finding or not: its answers are not compared side by side.) With
``all_clauses`` every clause of every spec file is read.

The consistency checks compare each clause with every rule of the spec at the
head side, so they need the whole workspace, read once here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from specdiff.capitals import with_capitals
from specdiff.config import Config, repository_config
from specdiff.diff import DiffRequest, diff_revisions
from specdiff.errors import SpecdiffError
from specdiff.force import Place, places_of
from specdiff.graph import CoverageRow, SpecGraph, build_graph
from specdiff.lint import model_check, references, untested
from specdiff.lint.base import ClauseView, DocumentFacts, Finding, cites_bcp14, document_facts, ignored_here
from specdiff.lint.registry import BOOK_CHECKS, CLAUSE_CHECKS, MODEL_CHECKS, selected
from specdiff.lint.rules import RuleBook, document_places
from specdiff.model import Clause, Document, FileDiff, Revision, SpecDiff
from specdiff.nodes import clause_nodes
from specdiff.repo import Repository, is_under
from specdiff.workspace import graph_at, open_workspace


@dataclass(frozen=True)
class LintRequest:
    """What the user asked to lint."""

    repository: str | os.PathLike[str] = "."
    revisions: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    """Relative to the repository root (or absolute)."""
    all_clauses: bool = False
    select: tuple[str, ...] | None = None
    """``None``: as the config's ``[lint]`` says."""
    ignore: tuple[str, ...] | None = None
    model: bool = False
    """Also run the model check (CON003) on the changed rules; off by default."""


@dataclass
class LintResult:
    findings: list[Finding]
    clauses: int
    """How many clauses were read."""
    head: Revision
    base: Revision | None = None
    """``None`` with ``all_clauses``."""
    warnings: list[str] = field(default_factory=list)


def lint(request: LintRequest) -> LintResult:
    with Repository(request.repository) as repo:
        if request.all_clauses:
            if len(request.revisions) > 1:
                raise SpecdiffError("--all reads one revision, not a range: give at most one")
            commit = repo.resolve(list(request.revisions[:1])).base.commit if request.revisions else None
            config = with_capitals(repo, commit, repository_config(repo, commit))
            graph, workspace, warnings = graph_at(repo, commit, config)
            paths = repo.pathspecs(list(request.paths))
            documents = {k: d for k, d in workspace.documents.items() if not paths or any(is_under(k, p) for p in paths)}
            chosen = _chosen(request, config)
            cites = "KW003" in chosen and cites_bcp14(workspace)
            result = _lint_all(documents, workspace.documents, graph, chosen, bool(config.capitals), cites)
            result.head = Revision(request.revisions[0] if request.revisions else None, commit)
            result.warnings = list(dict.fromkeys(list(config.warnings) + warnings + result.warnings))
            return result
        config = repository_config(repo, repo.resolve(list(request.revisions)).head.commit)
    diff = diff_revisions(DiffRequest(request.repository, request.revisions, request.paths, explain=False), config)
    return lint_diff(diff, request.repository, config, request.select, request.ignore, model=request.model)


def lint_diff(
    diff: SpecDiff,
    repository: str | os.PathLike[str],
    config: Config | None = None,
    select: tuple[str, ...] | None = None,
    ignore: tuple[str, ...] | None = None,
    *,
    model: bool = False,
) -> LintResult:
    """The findings on what ``diff`` (already computed, with its impact) introduced.

    ``specdiff lint`` and ``specdiff comment --lint`` both call this with their
    one diff. The dangling references and eval reach come from the diff; the
    spec's other rules (for CON and DUP) from the workspace at the head side,
    read here without building its graph again.
    """
    if not diff.amendments:
        return LintResult([], 0, diff.head, diff.base, diff.warnings)
    with Repository(repository) as repo:
        config = with_capitals(repo, diff.head.commit, config or repository_config(repo, diff.head.commit))
        workspace, warnings = open_workspace(repo, diff.head.commit, config)
    capitals = bool(config.capitals)
    chosen = _chosen(LintRequest(repository, select=select, ignore=ignore, model=model), config)
    # Whether the evals reach a tenth of the spec's rules (``untested.evals_reach_enough_rules``): the diff's graph
    # holds only the files its impact can reach and the share needs them all, so the complete graph is
    # built only for a rule TST001 would report (a diff of OpenSpec took 40 % more processor time when
    # it always was).
    coverage: list[CoverageRow] | None = None
    held_back = False
    asked: list[model_check.Asked] = []
    spec = workspace.documents
    book = RuleBook.of(spec.values(), capitals=capitals) if chosen & BOOK_CHECKS else RuleBook([])
    cites = "KW003" in chosen and cites_bcp14(workspace)  # a git grep of the whole repository: only for KW003
    findings: list[Finding] = []
    clauses = 0
    for file in diff.files:
        head = spec.get(file.new_path or "")
        new_facts = DocumentFacts(capitals) if head is None else document_facts(head.clauses, capitals=capitals, spec_cites=cites)
        places = document_places(head, capitals=capitals) if head is not None else {}
        old_facts = _old_facts(file, capitals)
        old_places = _old_places(file, capitals)
        for amendment in file.amendments:
            new = tuple(c for c in amendment.new if isinstance(c, Clause))
            old = tuple(c for c in amendment.old if isinstance(c, Clause))
            if amendment.unit != "clause" or not new:
                continue
            clauses += len(new)
            # Each side's clauses in their places (list lead-ins): an item read without its lead-in
            # restates what it did not, and its old finding would not hide the new one.
            before = {f.key for c in old for f in _read(_view(c, old_facts, None, old_places), book, chosen)}
            views = [_view(c, new_facts, head, places) for c in new]
            findings += [f for view in views for f in _read(view, book, chosen) if f.key not in before]
            if "CON003" in chosen and amendment.kind != "moved":
                asked += [a for view in views if view.allows("CON003") for a in model_check.neighbours(view, book)]
            if "TST001" in chosen and diff.has_evals and untested.strengthened_without_eval(amendment):
                # every new clause: a split's rule may sit in its second clause, after a lead sentence
                rules = [v for v in views if v.allows("TST001") and untested.obliges(v)]
                if rules:
                    coverage = build_graph(workspace).coverage() if coverage is None else coverage
                    if untested.evals_reach_enough_rules(coverage):
                        findings += [untested.untested(v.clause) for v in rules]
                    else:
                        held_back = True
            if "REF001" in chosen:
                findings += [
                    references.dangling_reference(d, view.clause)
                    for d in diff.dangling
                    for view in views
                    if references.located_in(d, view.clause) and not references.pointed_before(d, old) and view.allows("REF001")
                ]
    found, model_warnings = model_check.contradictions(asked, config.llm, diff.state_dir)
    warnings = list(dict.fromkeys(diff.warnings + warnings + model_warnings))
    if held_back:
        warnings.append(untested.held_back(coverage or []))
    return LintResult(_once_per_document(findings + found), clauses, diff.head, diff.base, warnings)


def _chosen(request: LintRequest, config: Config) -> set[str]:
    """The check ids to run: the command line's --select/--ignore, else the config's [lint]; the model
    check only when asked for. A config list is checked only when it is used: one the command line
    replaces cannot spoil the run."""
    select = config.lint.select if request.select is None else ()
    ignore = config.lint.ignore if request.ignore is None else ()
    try:
        selected(select, ignore)
    except SpecdiffError as error:  # say which file, at which revision under --config-from, holds the bad code
        raise SpecdiffError(f"{config.source or 'the config'}: [lint] {error}") from None
    chosen = selected(
        request.select if request.select is not None else select, request.ignore if request.ignore is not None else ignore
    )
    return chosen if request.model else chosen - MODEL_CHECKS


def _lint_all(
    documents: dict[str, Document],
    spec: Mapping[str, Document],
    graph: SpecGraph,
    chosen: set[str],
    capitals: bool,
    cites: bool,
) -> LintResult:
    """Every clause of ``documents``; ``cites``: the repository cites BCP 14 (``base.cites_bcp14``)."""
    book = RuleBook.of(spec.values(), capitals=capitals) if chosen & BOOK_CHECKS else RuleBook([])
    findings: list[Finding] = []
    clauses = 0
    for document in documents.values():
        facts = document_facts(document.clauses, capitals=capitals, spec_cites=cites)
        places = document_places(document, capitals=capitals)
        for clause in document.clauses:
            clauses += 1
            findings += _read(_view(clause, facts, document, places), book, chosen)
    coverage = graph.coverage() if "TST001" in chosen and graph.has_evals() else []
    uncovered = {node for row in coverage for node in row.uncovered}
    tested = untested.evals_reach_enough_rules(coverage)
    if tested:
        for document in documents.values():
            nodes = clause_nodes(document)
            facts = document_facts(document.clauses, capitals=capitals)
            places = document_places(document, capitals=capitals)
            findings += [
                untested.untested(c, changed=False)
                for c in document.clauses
                if nodes[c.index] in uncovered
                and (view := _view(c, facts, document, places)).allows("TST001")
                and untested.obliges(view)
            ]
    # Below the share, whether any uncovered clause obliges is not worked out: on spec-kit that reading
    # took an eighth of the run's processor time, for a warning that names the share either way.
    warnings = [untested.held_back(coverage)] if uncovered and not tested else []
    if "REF001" in chosen:
        for dangling in graph.dangling:
            linking = documents.get(dangling.where.rpartition(":")[0])
            if linking is None:
                continue
            findings += [
                references.dangling_reference(dangling, c)
                for c in linking.clauses
                if references.located_in(dangling, c) and _view(c, DocumentFacts(), linking).allows("REF001")
            ]
    return LintResult(_once_per_document(findings), clauses, Revision(None, None), warnings=warnings)


def _read(view: ClauseView, book: RuleBook, chosen: set[str]) -> list[Finding]:
    found = []
    for check, ids in CLAUSE_CHECKS.items():
        if chosen.intersection(ids):
            found += [f for f in check(view, book) if f.check in chosen and view.allows(f.check)]
    return found


def _view(
    clause: Clause, facts: DocumentFacts, document: Document | None, places: Mapping[Clause, Place] | None = None
) -> ClauseView:
    """The clause with its document's facts, its place, and the suppression comments that apply to it."""
    previous = document.clauses[clause.index - 1] if document is not None and clause.index > 0 else None
    place = (places or {}).get(clause) or Place(clause.kind, capitals=facts.capitals)
    paragraph_before = previous.text if previous and previous.kind == "paragraph" and previous.section == clause.section else ""
    return ClauseView(clause, facts, place, ignored_here(clause, previous), paragraph_before)


def _old_facts(file: FileDiff, capitals: bool) -> DocumentFacts:
    """The old side's facts, from the clauses the alignment kept (there is no old document at hand)."""
    if file.alignment is None:
        return DocumentFacts(capitals)
    old = [c for match in file.alignment.clauses for c in match.old if c.path == file.old_path] + file.alignment.removed
    return document_facts(old, capitals=capitals)


def _old_places(file: FileDiff, capitals: bool) -> dict[Clause, Place]:
    """The old side's places, from the sections the alignment kept (there is no old document at hand)."""
    if file.alignment is None:
        return {}
    sections = [m.old for m in file.alignment.sections if m.old.path == file.old_path] + file.alignment.removed_sections
    return places_of(sections, capitals=capitals)


def _once_per_document(findings: list[Finding]) -> list[Finding]:
    """Drop repeats: document-wide findings (KW003) once per file, any finding once per place."""
    seen: set[tuple[str, ...]] = set()
    kept = []
    for f in sorted(findings, key=lambda f: (f.path, f.lines, f.check)):
        identity = (f.check, f.path) if f.check == "KW003" else (f.check, f.path, str(f.lines), f.key[1])
        if identity not in seen:
            seen.add(identity)
            kept.append(f)
    return kept
