"""Spec files added as copies of files that were there: compared with what they copy.

Spec repositories cut a release by copying a folder: JSON:API copied
``_format/1.1/index.md`` to ``_format/1.2/index.md`` (only its front matter
differs), MCP copies ``draft/`` to a dated folder, SLSA added one page again
under a second name. Git calls each copy added, and all of its clauses read as
new: 591 amendments for JSON:API's copy, none of them a change to any rule.
A copy compared with its source shows what is different in it, and nothing else.

An added spec file copies a file of the base side with the same suffix when it
holds the very same content (at any path), or when it has the same name one
folder over (the same path but for one folder: ``1.1/`` and ``1.2/``,
``draft/`` and ``2026-07-28/``) and at least :data:`SIMILAR_LINES` of its lines
are that file's. The source need not be a spec itself (a release folder the
config leaves out), and it stays where it was or moves in the same change. The
change becomes ``copied``, with the source as its old side. A file taken out
of an archive (``layouts.is_archived``) is no copy: a record put in force is
new to the spec.
"""

from __future__ import annotations

import difflib
import posixpath

from specdiff.config import Config
from specdiff.errors import SpecdiffError
from specdiff.layouts import is_archived
from specdiff.repo import EMPTY_BLOBS, FileChange, Repository, TrackedFile
from specdiff.spec_files import read_spec_text

SIMILAR_LINES = 0.8
"""How much of a file another file with its name one folder over must share to be its copy:
difflib's ratio of their lines (the lines they share, twice over, by the lines of both)."""


def with_copy_sources(repo: Repository, base: str | None, changes: list[FileChange], config: Config) -> list[FileChange]:
    """``changes``, with each added spec file that copies a spec file at ``base`` turned ``copied`` from it."""
    added = [c for c in changes if c.status == "added" and c.new_path and config.is_spec(c.new_path)]
    if base is None or not added:
        return changes
    tracked = [f for f in repo.list_files(base) if f.blob and not is_archived(f.path)]
    sources = {id(c): source for c in added if (source := _source(repo, c, tracked, config)) is not None}
    return [
        FileChange(sources[id(c)].path, c.new_path, "copied", sources[id(c)].blob, c.new_blob) if id(c) in sources else c
        for c in changes
    ]


def _source(repo: Repository, change: FileChange, tracked: list[TrackedFile], config: Config) -> TrackedFile | None:
    """The base file ``change`` copies: the same content anywhere, else a near copy one folder over."""
    path = change.new_path
    assert path is not None
    suffix = posixpath.splitext(path)[1]
    specs = [f for f in tracked if posixpath.splitext(f.path)[1] == suffix]
    if change.new_blob and change.new_blob not in EMPTY_BLOBS:
        same = [f for f in specs if f.blob == change.new_blob]
        if same:
            return max(same, key=lambda f: _shared_parts(f.path, path))
    siblings = [f for f in specs if _one_folder_over(f.path, path)]
    if not siblings:
        return None
    new_lines = _lines(repo, path, change.new_blob, config)
    best, best_ratio = None, SIMILAR_LINES
    for sibling in siblings:
        old_lines = _lines(repo, sibling.path, sibling.blob, config)
        if not old_lines or not new_lines:
            continue
        matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue  # (upper bounds of the ratio, cheap to take)
        ratio = matcher.ratio()
        if ratio >= best_ratio:
            best, best_ratio = sibling, ratio
    return best


def _one_folder_over(path: str, other: str) -> bool:
    """Whether two paths are the same file name under folders that differ in one place.

    >>> _one_folder_over("_format/1.1/index.md", "_format/1.2/index.md")
    True
    >>> _one_folder_over("v1/index.md", "v1/guide/index.md"), _one_folder_over("a/x.md", "b/y.md")
    (False, False)
    """
    parts, other_parts = path.split("/"), other.split("/")
    if len(parts) != len(other_parts) or parts[-1] != other_parts[-1]:
        return False
    return sum(a != b for a, b in zip(parts[:-1], other_parts[:-1])) == 1


def _shared_parts(path: str, other: str) -> tuple[bool, int]:
    """How alike two paths are: the same file name first, then how many of their folders agree."""
    parts, other_parts = path.split("/"), other.split("/")
    return posixpath.basename(path) == posixpath.basename(other), len(set(parts[:-1]) & set(other_parts[:-1]))


def _lines(repo: Repository, path: str, blob: str | None, config: Config) -> list[str]:
    """The lines of one version of a spec file; none when it cannot be read (the diff says why)."""
    try:
        return read_spec_text(repo, path, blob, config).splitlines()
    except SpecdiffError:  # not text, too large, or not in a partial clone
        return []
