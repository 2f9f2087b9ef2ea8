"""A repository at one revision, read for the dependency graph.

:func:`open_workspace` lists the tracked files, reads every spec file (parsed
only when something looks at it), and gives the scanners a way to read and
search the rest without loading ten thousand files into memory;
:func:`graph_at` builds the graph from it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from specdiff.capitals import with_capitals
from specdiff.config import Config
from specdiff.errors import FileTooLarge, UnreadableFile
from specdiff.graph import SpecGraph, build_graph
from specdiff.model import Document
from specdiff.parse import decode
from specdiff.parse_cache import ParseCache
from specdiff.repo import Repository, TrackedFile
from specdiff.scan import SHARED_SEARCHES, Workspace
from specdiff.spec_documents import SpecDocuments
from specdiff.spec_files import parse_spec, read_spec_text, text_id


def open_workspace(
    repo: Repository, commit: str | None, config: Config, parsed: dict[str, Document] | None = None
) -> tuple[Workspace, list[str]]:
    """The repository at ``commit`` (``None``: the working tree), and warnings about files skipped.

    Every spec file is read (one ``git cat-file`` process serves them all) but
    parsed only when something looks at it (see ``spec_documents``); ``parsed``
    holds spec files already parsed at that revision (the diff's new side),
    which are not parsed again.
    """
    parsed = parsed or {}
    tracked_files = repo.list_files(commit)
    files = {f.path: f for f in tracked_files if f.size <= config.max_file_bytes}
    warnings: list[str] = []
    texts: dict[str, str] = {}
    for tracked in tracked_files:
        path = tracked.path
        if path in parsed or config.is_spec(path):
            try:
                texts[path] = read_spec_text(repo, path, tracked.blob, config)
            except (UnreadableFile, FileTooLarge) as skipped:
                warnings.append(str(skipped))

    cache = ParseCache(repo.state_dir)
    blobs = {tracked.path: tracked.blob for tracked in tracked_files}

    def parse(text: str, path: str) -> Document:
        # A working-tree file has no blob id: its text's hash keeps its parse (the Rust RFCs' 652
        # files were parsed again by every `coverage`, 9 of its 13 s).
        return parse_spec(lambda: text, path, blobs[path] or text_id(text), config, cache)

    documents = SpecDocuments(texts, parse, parsed)

    def read(path: str) -> str | None:
        tracked = files.get(path)
        if tracked is None:
            return None
        try:
            return decode(_read(repo, tracked), path)
        except UnreadableFile:
            return None

    searched: dict[tuple[tuple[str, ...], bool], set[str]] = {}

    def grep(patterns: Sequence[str], fixed: bool) -> set[str]:
        """``git grep``, remembered: the graph of a diff runs the scanners twice; the searches
        every workspace gets (``scan.SHARED_SEARCHES``) are made together on the first."""
        key = (tuple(patterns), fixed)
        if key not in searched:
            if key in SHARED_SEARCHES:
                searched.update(zip(SHARED_SEARCHES, repo.grep_each(commit, SHARED_SEARCHES)))
            else:
                searched[key] = repo.grep(commit, list(patterns), fixed=fixed)
        return set(searched[key])

    return Workspace(documents, set(files), config, read, grep), warnings


def graph_at(
    repo: Repository,
    commit: str | None,
    config: Config,
    parsed: dict[str, Document] | None = None,
    *,
    changed: Collection[str] | None = None,
) -> tuple[SpecGraph, Workspace, list[str]]:
    """The dependency graph at ``commit``, the workspace it was built from, and warnings.

    Given ``changed`` (the spec files a diff changed), it leaves out the spec files
    impact from those cannot reach (see :func:`~specdiff.graph.build_graph`).
    """
    workspace, warnings = open_workspace(repo, commit, with_capitals(repo, commit, config), parsed)
    return build_graph(workspace, changed=changed), workspace, warnings


def graph_of(repository: str, revision: str | None) -> tuple[SpecGraph, list[str]]:
    """The dependency graph of a repository at ``revision`` (``None``: the working tree), and warnings."""
    from specdiff.config import repository_config

    with Repository(repository) as repo:
        commit = repo.commit_of(revision) if revision else None
        graph, _, warnings = graph_at(repo, commit, repository_config(repo, commit))
    return graph, warnings


def _read(repo: Repository, tracked: TrackedFile) -> bytes:
    return repo.read_blob(tracked.blob) if tracked.blob else repo.read(None, tracked.path)
