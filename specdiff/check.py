"""``specdiff stamp`` and ``specdiff check``: record what outputs were built from; find the stale ones.

``stamp`` takes the dependency graph of the working tree and writes, for each
output, the fingerprints of the clauses it depends on. ``check`` compares
them with the graph at a revision and, for every output whose inputs changed,
names the section, how its clauses changed, and the first commit since the
stamp that changed it, across any number of commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from specdiff.config import Config, repository_config
from specdiff.errors import SpecdiffError
from specdiff.graph import SpecGraph
from specdiff.lockfile import LOCK_NAME, Lock, Stamp, current_inputs, inputs_of, read_lock, updating, write_lock
from specdiff.nodes import output_path, section_key, split_section_key
from specdiff.repo import Commit, Repository, is_under
from specdiff.spec_files import read_spec
from specdiff.workspace import graph_at


@dataclass(frozen=True)
class SectionChange:
    """How the clauses of one section an output depends on changed since the stamp."""

    section: str
    """``path#section``"""
    added: tuple[str, ...]
    """Text of clauses there now that were not when stamped."""
    removed: tuple[str, ...]
    """Text (or, if the stamped commit is gone, the fingerprint) of clauses no longer there."""
    commit: Commit | None
    """The first commit since the stamp that changed the section; ``None`` when only the working tree
    did, or when the stamp names no commit or one this clone does not have."""


@dataclass(frozen=True)
class StaleOutput:
    output: str
    stamped: str | None
    changes: tuple[SectionChange, ...]


@dataclass(frozen=True)
class CheckResult:
    stale: list[StaleOutput]
    unstamped: list[str]
    """Outputs in the graph that were never stamped."""
    gone: list[str]
    """Stamped outputs that no longer depend on the spec."""
    warnings: list[str]


def stamp(repository: str | Path, paths: list[str], *, force: bool = False, outputs: list[str] | None = None) -> list[str]:
    """Record the inputs of the outputs named by ``paths``, or by their nodes in ``outputs``
    (``eval:suite.jsonl#case-3``); all outputs when both are empty. Return those stamped."""
    with Repository(repository) as repo:
        config = repository_config(repo)
        graph, _, _ = graph_at(repo, None, config)
        with updating(repo.state_dir):  # a second stamp waits here, then reads what this one wrote
            return _stamp(repo, graph, paths, force, outputs)


def _stamp(repo: Repository, graph: SpecGraph, paths: list[str], force: bool, outputs: list[str] | None) -> list[str]:
    lock_path = repo.root / LOCK_NAME
    try:
        lock = read_lock(lock_path) or Lock()
    except SpecdiffError as error:
        if not force:
            raise SpecdiffError(f"{error} (or replace it with `specdiff stamp --force`)") from None
        lock = Lock()
    head = repo.head_commit()
    if outputs:
        unknown = sorted(set(outputs) - set(graph.outputs()))
        if unknown:
            raise SpecdiffError(f"{', '.join(unknown)}: not an output that depends on the spec (see `specdiff graph`)")
        chosen = sorted(outputs)
    else:
        chosen = _chosen_outputs(graph, repo.pathspecs(paths) if paths else [])
    if not paths and not outputs:
        lock = Lock()  # stamping everything also forgets outputs that are gone
    for output in chosen:
        lock.stamps[output] = Stamp(head, inputs_of(graph, output))
    try:
        write_lock(lock_path, lock)
    except OSError as error:
        raise SpecdiffError(f"cannot write {LOCK_NAME}: {error.strerror}") from None
    return chosen


def check(repository: str | Path, revision: str | None = None) -> CheckResult:
    """Which stamped outputs are stale at ``revision`` (default: the working tree)."""
    with Repository(repository) as repo:
        config = repository_config(repo)
        lock = read_lock(repo.root / LOCK_NAME)
        if lock is None:
            raise SpecdiffError(f"there is no {LOCK_NAME} yet; run `specdiff stamp` once the outputs are up to date")
        commit = repo.commit_of(revision) if revision else None
        graph, _, warnings = graph_at(repo, commit, config)
        outputs = set(graph.outputs())
        attribution = _Attribution(repo, commit, config, graph)
        stale = []
        for output, stamped in sorted(lock.stamps.items()):
            if output not in outputs:
                continue
            now = current_inputs(graph, output, stamped)
            changes = [
                attribution.change(output, section, stamped.inputs.get(section, ()), now.get(section, ()), stamped.commit)
                for section in sorted(set(now) | set(stamped.inputs))
                if now.get(section, ()) != stamped.inputs.get(section, ())
            ]
            if changes:
                stale.append(StaleOutput(output, stamped.commit, tuple(changes)))
        unstamped = sorted(outputs - set(lock.stamps))
        gone = sorted(set(lock.stamps) - outputs)
        return CheckResult(stale, unstamped, gone, warnings)


def _chosen_outputs(graph: SpecGraph, paths: list[str]) -> list[str]:
    outputs = graph.outputs()
    if not paths:
        return outputs
    chosen = [o for o in outputs if any(is_under(output_path(o), p) for p in paths)]
    missing = [p for p in paths if not any(is_under(output_path(o), p) for o in chosen)]
    if missing:
        raise SpecdiffError(f"{', '.join(missing)}: not an output that depends on the spec (see `specdiff graph`)")
    return chosen


class _Attribution:
    """Finds, for a changed section, its clause texts and the commit that changed it first."""

    def __init__(self, repo: Repository, head: str | None, config: Config, graph: SpecGraph) -> None:
        self.repo = repo
        self.head = head
        self.config = config
        self._fingerprints: dict[tuple[str, str], dict[str, tuple[str, ...]] | None] = {}
        self._texts = {clause.fingerprint: clause.text for clause in graph.clauses()}

    def change(
        self, output: str, section: str, before: tuple[str, ...], after: tuple[str, ...], stamped: str | None
    ) -> SectionChange:
        path, _ = split_section_key(section)
        if not stamped:
            commit = None
        elif before:
            commit = self._first_change(path, section, before, stamped)
        else:  # a new dependency: the output (or the config) came to name this section
            commit = self._first_commit(stamped, [path, output_path(output), "specdiff.toml", "pyproject.toml"])
        if stamped:
            self._sections_at(stamped, path)  # learns the old clause texts
        added = tuple(self._texts.get(fp, fp) for fp in after if fp not in before)
        removed = tuple(self._texts.get(fp, fp) for fp in before if fp not in after)
        return SectionChange(section, added, removed, commit)

    def _first_change(self, path: str, section: str, before: tuple[str, ...], stamped: str) -> Commit | None:
        try:
            commits = self.repo.commits_touching(stamped, self.head, [path])
        except SpecdiffError:
            return None  # the stamped commit is not in this clone
        for commit in commits:
            sections = self._sections_at(commit.id, path)
            if sections is None or sections.get(section, ()) != before:
                return commit
        return None

    def _first_commit(self, stamped: str, paths: list[str]) -> Commit | None:
        try:
            commits = self.repo.commits_touching(stamped, self.head, paths)
        except SpecdiffError:
            return None
        return commits[0] if commits else None

    def _sections_at(self, commit: str, path: str) -> dict[str, tuple[str, ...]] | None:
        """Clause fingerprints by ``path#section`` in ``path`` at ``commit``; ``None`` if it is not there."""
        key = (commit, path)
        if key not in self._fingerprints:
            try:
                document = read_spec(self.repo, path, self.repo.blob_of(commit, path), self.config)
            except SpecdiffError:  # not there at that commit, unreadable, or too large
                self._fingerprints[key] = None
                return None
            for clause in document.clauses:
                self._texts.setdefault(clause.fingerprint, clause.normalized)
            self._fingerprints[key] = {
                section_key(path, s.id): tuple(c.fingerprint for c in s.clauses) for s in document.sections
            }
        return self._fingerprints[key]
