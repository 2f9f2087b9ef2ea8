"""The pipeline: from revisions to a :class:`~specdiff.model.SpecDiff`.

``repo`` lists the changed spec files and reads both versions of each;
``paired_spec_changes`` pairs the files git left apart (``copies``: a file
added as a copy, with what it copies; ``renames``: a file deleted, with the one
that rewrites it; ``openspec_deltas``: an OpenSpec delta, with its spec);
``parse`` turns each version into a document; ``align`` pairs them;
``amendments`` says what changed and what it means. A file pair compared
before (``amendment_cache``) skips all four: its new document, alignment and,
unless a clause moved to or from another file, amendments are loaded instead.
The CLI, the review UI and the PR bot all call :func:`diff_revisions`; none
repeats a step.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from specdiff.amendment_cache import AmendmentCache, ComparedPair, pair_key
from specdiff.capitals import with_capitals
from specdiff.config import Config, repository_config
from specdiff.copies import with_copy_sources
from specdiff.dangling import introduced
from specdiff.errors import SpecdiffError, UnreadableFile
from specdiff.graph import OUTPUT_KINDS
from specdiff.lockfile import LOCK_NAME, read_lock, stale_outputs
from specdiff.model import Alignment, Amendment, Clause, ClauseMatch, Dangling, Document, FileDiff, SpecDiff
from specdiff.nodes import changed_nodes, clause_nodes, output_path
from specdiff.openspec_deltas import proposed, requirements_restated, with_delta_sources
from specdiff.parse import parse_document
from specdiff.parse_cache import ParseCache
from specdiff.renames import with_rewritten_renames
from specdiff.repo import FileChange, Repository, RevisionRange
from specdiff.spec_files import read_spec, touches_spec, without_translations
from specdiff.unreadable import unreadable_amendment
from specdiff.workspace import graph_at


@dataclass(frozen=True)
class DiffRequest:
    """What the user asked to compare."""

    repository: str | os.PathLike[str] = "."
    revisions: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    explain: bool | None = None
    """Ask the language model about substantive amendments; ``None``: as the config says."""
    all_dangling: bool = False
    """Report every dangling reference at the head side, not only those the change introduced."""


def diff_revisions(request: DiffRequest, config: Config | None = None) -> SpecDiff:
    """Compare the spec files of two revisions (see ``repo`` for how they are named)."""
    with Repository(request.repository) as repo:
        revisions = repo.resolve(list(request.revisions))
        config = with_capitals(repo, revisions.head.commit, config or repository_config(repo, revisions.head.commit))
        all_changes = repo.changed_files(revisions, list(request.paths))
        changes = paired_spec_changes(repo, revisions.base.commit, all_changes, config)
        warnings = list(config.warnings)
        notice = config.unselected_notice(p for c in all_changes for p in (c.old_path, c.new_path) if p)
        if notice and not (request.paths and not changes):  # else the warning below says it
            warnings.append(notice)
        cache = ParseCache(repo.state_dir)
        compared = AmendmentCache(repo.state_dir)
        aligned = []
        head_documents: dict[str, Document] = {}
        unreadable: list[FileDiff] = []
        known: dict[FileChange, list[Amendment]] = {}
        to_keep: dict[FileChange, tuple[str, Document | None]] = {}
        kept_partly: set[FileChange] = set()
        for change in changes:
            key = pair_key(change, config)
            found = compared.get(key) if key else None
            if key and found is not None:
                aligned.append((change, found.alignment))
                if found.new is not None:
                    head_documents[found.new.path] = found.new
                if found.amendments is not None:
                    known[change] = found.amendments
                else:  # kept without amendments: worth writing again only if it now stands alone
                    to_keep[change] = (key, found.new)
                    kept_partly.add(change)
                continue
            old, old_error = _readable(repo, change.old_path, change.old_blob, config, cache)
            new, new_error = _readable(repo, change.new_path, change.new_blob, config, cache)
            if new_error is not None and old_error is None and change.new_path is not None:
                # Turned unreadable: a change that cannot be checked, never a silent skip.
                amendment = unreadable_amendment(change.new_path, str(new_error))
                unreadable.append(FileDiff(change.old_path, change.new_path, change.status, [amendment]))
                continue
            if new_error is not None or (old_error is not None and new is None):
                warnings.append(str(new_error or old_error))
                continue
            if old_error is not None:
                warnings.append(f"{old_error}; its new version is compared with an empty file")
            elif key:
                to_keep[change] = (key, new)
            aligned.append((change, align_file(old, new, change)))
            if new is not None:
                head_documents[new.path] = new
        if request.paths and not changes:
            warnings += _unselected_paths_warning(repo, revisions, request, config)
        files = diff_alignments(aligned, capitals=config.capitals, known=known)
        for (change, alignment), file in zip(aligned, files):
            if change in to_keep:
                key, new = to_keep[change]
                # A file no clause moved into or out of keeps its alignment (see diff_alignments).
                alone = file.alignment is alignment
                if change in kept_partly and not alone:
                    continue  # the same entry is already kept (up to 1.1 MB to write again)
                compared.put(key, ComparedPair(new, alignment, file.amendments if alone else None))
        files += unreadable
        warnings += [w for _, alignment in aligned for w in alignment.warnings]
        reach = _Reach(files)
        if any(f.amendments for f in files):
            changed_files = {p for c in all_changes for p in (c.old_path, c.new_path) if p}
            reach = _reach(files, repo, config, revisions.head.commit, head_documents, changed_files, request.all_dangling)
            warnings = list(dict.fromkeys(warnings + reach.warnings))
        files, state_dir = reach.files, repo.state_dir
    if request.explain if request.explain is not None else config.llm.enabled:
        from specdiff.llm import explain

        explanations, explain_warnings = explain([a for f in files for a in f.amendments], config.llm, state_dir=state_dir)
        if explanations:
            files = _each_amendment(files, lambda a: replace(a, explanation=explanations.get(a.id, a.explanation)))
        warnings += explain_warnings
    return SpecDiff(
        base=revisions.base,
        head=revisions.head,
        files=files,
        warnings=warnings,
        state_dir=state_dir,
        dangling=reach.dangling,
        stale=reach.stale,
        has_evals=reach.has_evals,
    )


def paired_spec_changes(repo: Repository, base: str | None, changes: Sequence[FileChange], config: Config) -> list[FileChange]:
    """The ``changes`` that touch a spec (not a translation of one), with the files git left apart paired: an
    added file with the file it copies, a deleted file with the added one that rewrites it, an OpenSpec delta
    with its spec."""
    spec_changes = [c for c in changes if touches_spec(c, config)]
    spec_changes = with_copy_sources(repo, base, without_translations(repo, base, spec_changes, config), config)
    return with_delta_sources(repo, base, with_rewritten_renames(repo, spec_changes, config))


def align_file(old: Document | None, new: Document | None, change: FileChange) -> Alignment:
    """Align two versions of one file; a missing side (added or deleted file) is an empty document."""
    from specdiff.align import align_documents  # not at the top: a diff whose pairs are all kept needs no aligning

    if change.status == "delta" and old is not None and new is not None:
        old = requirements_restated(old, new)  # a delta restates some of its spec's requirements, not the whole spec
    return align_documents(old or parse_document("", change.old_path or ""), new or parse_document("", change.new_path or ""))


def diff_alignments(
    aligned: list[tuple[FileChange, Alignment]],
    *,
    capitals: bool | None = None,
    known: dict[FileChange, list[Amendment]] | None = None,
) -> list[FileDiff]:
    """The amendments of every file, once clauses that moved between files are paired.

    A clause moved from one file to another shows once, in the file it moved to. The
    alignments given are left as they are: a file that a clause moved into or out of
    gets a new one with those moves, any other keeps the one given (the same object).
    ``capitals`` is the repository's RFC 2119 capitals mode (``capitals.with_capitals``);
    ``None`` counts it over these files alone (for callers without a repository).
    ``known`` holds amendments already worked out for a change's alignment alone (the
    amendment cache): they stand for a file no clause moved into or out of.
    """
    # (The clauses of a file deleted come last, so that text removed from one that stays as well, and added
    # elsewhere, moves from the file that stays: purl deleted two drafts of its test overview as it moved the
    # live overview's sections to a new page, and the overview read as its rules removed, breaking.)
    removed = [c for _, alignment in sorted(aligned, key=lambda pair: pair[0].status == "deleted") for c in alignment.removed]
    added = [c for _, alignment in aligned for c in alignment.added]
    moves = _moves_across_files(removed, added)
    moved_away = {m.old[0] for m in moves}
    moved_in = {m.new[0] for m in moves}
    with_moves: list[tuple[FileChange, Alignment, list[Amendment] | None]] = []
    new_files = set()  # added files no clause moved into: new to the spec (``amendments.in_new_file``)
    for change, alignment in aligned:
        arriving = [m for m in moves if m.new[0].path == change.new_path]
        if change.status == "added" and not arriving:
            new_files.add(change)
        touched = bool(moves) and (
            bool(arriving) or any(c in moved_away for c in alignment.removed) or any(c in moved_in for c in alignment.added)
        )
        if touched:
            alignment = replace(
                alignment,
                removed=[c for c in alignment.removed if c not in moved_away],
                added=[c for c in alignment.added if c not in moved_in],
                clauses=alignment.clauses + arriving,
            )
        elif known is not None and change in known:
            with_moves.append((change, alignment, known[change]))
            continue
        with_moves.append((change, alignment, None))
    if capitals is None and any(amendments is None for _, _, amendments in with_moves):
        from specdiff.amendments import alignment_texts
        from specdiff.lexicon import uses_rfc2119_capitals

        capitals = uses_rfc2119_capitals(text for _, alignment, _ in with_moves for text in alignment_texts(alignment))
    files = []
    for change, alignment, amendments in with_moves:
        if amendments is None:
            withdrawn = change.status == "deleted" and proposed(change.old_path)
            amendments = _amendments_from(alignment, capitals, new_file=change in new_files, withdrawn=withdrawn)
        files.append(FileDiff(change.old_path, change.new_path, change.status, amendments, alignment))
    return files


def _amendments_from(alignment: Alignment, capitals: bool | None, *, new_file: bool, withdrawn: bool) -> list[Amendment]:
    from specdiff.amendments import amendments_from, in_new_file, in_withdrawn_proposal  # not at the top: see align_file

    amendments = amendments_from(alignment, capitals=capitals)
    if withdrawn:
        return in_withdrawn_proposal(amendments)  # an OpenSpec change dropped before it was archived
    return in_new_file(amendments) if new_file else amendments


def _moves_across_files(removed: list[Clause], added: list[Clause]) -> list[ClauseMatch]:
    """Clauses that moved from one file to another (``align.align_across_files``).

    A move pairs clauses of two different paths, so when every removed and added
    clause has the same one (a diff of one file, as most are) there is none to look
    for, and the aligner, which loads rapidfuzz, is not needed.
    """
    paths = {c.path for c in removed} | {c.path for c in added}
    if not removed or not added or len(paths) < 2:
        return []
    from specdiff.align import align_across_files

    return align_across_files(removed, added)


def _each_amendment(files: list[FileDiff], change: Callable[[Amendment], Amendment]) -> list[FileDiff]:
    """The file diffs again, with ``change(amendment)`` in place of each amendment."""
    return [replace(file, amendments=[change(a) for a in file.amendments]) for file in files]


@dataclass(frozen=True)
class _Reach:
    """The file diffs with what each amendment reaches, and what the graph found beside."""

    files: list[FileDiff]
    dangling: list[Dangling] = field(default_factory=list)
    stale: list[str] | None = None
    warnings: list[str] = field(default_factory=list)
    has_evals: bool = False


def _reach(
    files: list[FileDiff],
    repo: Repository,
    config: Config,
    head: str | None,
    parsed: dict[str, Document],
    changed_files: set[str],
    all_dangling: bool = False,
) -> _Reach:
    """Find, in the dependency graph at the head side, what each amendment reaches.

    The graph holds only the spec files impact can reach, unless a lock is to
    be checked (staleness compares every stamped section) or every dangling
    reference is asked for (``all_dangling``): then it is complete.
    """
    warnings: list[str] = []
    try:
        lock = read_lock(repo.root / LOCK_NAME)
    except SpecdiffError as error:
        warnings.append(str(error))
        lock = None
    # Every dangling reference (--all-dangling) needs every file read, as staleness does.
    complete = lock is not None or all_dangling
    changed = None if complete else {path for f in files for path in (f.old_path, f.new_path) if path}
    graph, _, workspace_warnings = graph_at(repo, head, config, parsed, changed=changed)
    nodes = {path: clause_nodes(document) for path, document in parsed.items()}

    def reaching(amendment: Amendment) -> Amendment:
        reached = graph.impact(changed_nodes(amendment, nodes), kinds=(*OUTPUT_KINDS, "mention"))
        impact = [i for i in reached if i.kind != "mention"]
        built = {output_path(i.node) for i in impact}
        mentions = [i for i in reached if i.kind == "mention" and output_path(i.node) not in built]
        return replace(amendment, impact=impact, mentions=mentions)

    files = _each_amendment(files, reaching)
    amendments = [a for f in files for a in f.amendments]
    dangling = graph.dangling if all_dangling else introduced(graph.dangling, amendments, changed_files)
    stale = stale_outputs(graph, lock) if lock is not None else None
    has_evals = graph.has_evals()
    return _Reach(files, dangling, stale, workspace_warnings + warnings, has_evals)


def _readable(
    repo: Repository, path: str | None, blob: str | None, config: Config, cache: ParseCache
) -> tuple[Document | None, UnreadableFile | None]:
    """One side of a change (``None`` when the file does not exist on that side), or why it cannot be read."""
    try:
        return (None if path is None else read_spec(repo, path, blob, config, cache)), None
    except UnreadableFile as error:
        return None, error


def _unselected_paths_warning(repo: Repository, revisions: RevisionRange, request: DiffRequest, config: Config) -> list[str]:
    """Explain an empty result when the user named files the config does not select."""
    all_changes = repo.changed_files(revisions, list(request.paths))
    skipped = sorted({c.new_path or c.old_path or "" for c in all_changes})
    if not skipped:
        return []
    where = config.source or "the default settings"
    verb = "is" if len(skipped) == 1 else "are"
    return [f"{', '.join(skipped)} changed but {verb} not a spec file under {where} (see `specs` and `exclude`)"]
