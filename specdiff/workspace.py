"""A repository at one revision, read for the dependency graph.

:func:`open_workspace` lists the tracked files, parses every spec file, and
gives the scanners a way to read and search the rest without loading ten
thousand files into memory; :func:`graph_at` builds the graph from it.
"""

from __future__ import annotations

from specdiff.config import Config
from specdiff.errors import FileTooLarge, UnreadableFile
from specdiff.graph import SpecGraph, build_graph
from specdiff.model import Document
from specdiff.parse import decode
from specdiff.repo import Repository, TrackedFile
from specdiff.scan import Workspace
from specdiff.spec_files import read_spec


def open_workspace(
    repo: Repository, commit: str | None, config: Config, parsed: dict[str, Document] | None = None
) -> tuple[Workspace, list[str]]:
    """The repository at ``commit`` (``None``: the working tree), and warnings about files skipped.

    ``parsed`` holds spec files already parsed at that revision (the diff's new
    side), which are not parsed again.
    """
    tracked_files = repo.list_files(commit)
    files = {f.path: f for f in tracked_files if f.size <= config.max_file_bytes}
    warnings: list[str] = []
    documents: dict[str, Document] = {}
    for tracked in tracked_files:
        path = tracked.path
        if path in (parsed or {}):
            documents[path] = (parsed or {})[path]
        elif config.is_spec(path):
            try:
                documents[path] = read_spec(repo, path, tracked.blob, config)
            except (UnreadableFile, FileTooLarge) as skipped:
                warnings.append(str(skipped))

    def read(path: str) -> str | None:
        tracked = files.get(path)
        if tracked is None:
            return None
        try:
            return decode(_read(repo, tracked), path)
        except UnreadableFile:
            return None

    def grep(patterns: list[str], fixed: bool) -> set[str]:
        return repo.grep(commit, patterns, fixed=fixed)

    return Workspace(documents, set(files), config, read, grep), warnings


def graph_at(
    repo: Repository, commit: str | None, config: Config, parsed: dict[str, Document] | None = None
) -> tuple[SpecGraph, Workspace, list[str]]:
    """The dependency graph at ``commit``, the workspace it was built from, and warnings."""
    workspace, warnings = open_workspace(repo, commit, config, parsed)
    return build_graph(workspace), workspace, warnings


def graph_of(repository: str, revision: str | None) -> tuple[SpecGraph, list[str]]:
    """The dependency graph of a repository at ``revision`` (``None``: the working tree), and warnings."""
    from specdiff.config import repository_config

    with Repository(repository) as repo:
        commit = repo.commit_of(revision) if revision else None
        graph, _, warnings = graph_at(repo, commit, repository_config(repo, commit))
    return graph, warnings


def _read(repo: Repository, tracked: TrackedFile) -> bytes:
    return repo.read_blob(tracked.blob) if tracked.blob else repo.read(None, tracked.path)
