"""The pipeline: from revisions to a :class:`~specdiff.model.SpecDiff`.

``repo`` lists the changed spec files and reads both versions of each;
``parse`` turns each version into a document; ``align`` pairs them;
``amendments`` says what changed and what it means. The CLI, the review UI and
the PR bot all call :func:`diff_revisions`; none repeats a step.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from specdiff.align import align_documents
from specdiff.amendments import amendments_from, amendments_of_whole_file
from specdiff.config import Config, load_config
from specdiff.errors import SpecdiffError, UnreadableFile
from specdiff.model import Document, FileDiff, SpecDiff
from specdiff.parse import decode, parse_document
from specdiff.repo import FileChange, Repository


@dataclass(frozen=True)
class DiffRequest:
    """What the user asked to compare."""

    repository: str | os.PathLike[str] = "."
    revisions: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()


def diff_revisions(request: DiffRequest, config: Config | None = None) -> SpecDiff:
    """Compare the spec files of two revisions (see ``repo`` for how they are named)."""
    with Repository(request.repository) as repo:
        config = config or load_config(repo.root)
        revisions = repo.resolve(list(request.revisions))
        changes = [c for c in repo.changed_files(revisions, list(request.paths)) if _is_spec_change(c, config)]
        warnings = list(config.warnings)
        files = []
        for change in changes:
            try:
                old = _document(repo, change.old_path, change.old_blob, config)
                new = _document(repo, change.new_path, change.new_blob, config)
            except UnreadableFile as skipped:
                warnings.append(str(skipped))
                continue
            file_diff = diff_documents(old, new, change)
            warnings += file_diff.alignment.warnings if file_diff.alignment else []
            files.append(file_diff)
        if request.paths and not changes:
            warnings += _unselected_paths_warning(repo, revisions, request, config)
        return SpecDiff(base=revisions.base, head=revisions.head, files=files, warnings=warnings)


def diff_documents(old: Document | None, new: Document | None, change: FileChange) -> FileDiff:
    """The amendments between two parsed versions of one file (either may be absent)."""
    if old is None and new is not None:
        return FileDiff(None, change.new_path, "added", amendments_of_whole_file(new.sections, "added"))
    if new is None and old is not None:
        return FileDiff(change.old_path, None, "deleted", amendments_of_whole_file(old.sections, "removed"))
    assert old is not None and new is not None
    alignment = align_documents(old, new)
    return FileDiff(change.old_path, change.new_path, change.status, amendments_from(alignment), alignment)


def _is_spec_change(change: FileChange, config: Config) -> bool:
    return any(path is not None and config.is_spec(path) for path in (change.old_path, change.new_path))


def _document(repo: Repository, path: str | None, blob: str | None, config: Config) -> Document | None:
    """Parse one side of a change: a stored blob, or the working-tree file when ``blob`` is
    ``None``; ``None`` when the file does not exist on that side."""
    if path is None:
        return None
    size = repo.blob_size(blob) if blob else repo.size(None, path)
    if size > config.max_file_bytes:
        raise SpecdiffError(
            f"{path} is {_size(size)}, over the {_size(config.max_file_bytes)} limit for a spec file; "
            "leave it out with `-- PATH` or raise max_file_bytes in the config"
        )
    text = decode(repo.read_blob(blob) if blob else repo.read(None, path), path)
    return parse_document(text, path, config.requirement_ids)


def _size(count: int) -> str:
    """A byte count for people: ``2,000 bytes``, ``20 MB``."""
    return f"{count:,} bytes" if count < 1_000_000 else f"{count / 1e6:.3g} MB"


def _unselected_paths_warning(repo: Repository, revisions, request: DiffRequest, config: Config) -> list[str]:
    """Explain an empty result when the user named files the config does not select."""
    all_changes = repo.changed_files(revisions, list(request.paths))
    skipped = sorted({c.new_path or c.old_path or "" for c in all_changes})
    if not skipped:
        return []
    where = config.source or "the default settings"
    verb = "is" if len(skipped) == 1 else "are"
    return [f"{', '.join(skipped)} changed but {verb} not a spec file under {where} (see `specs` and `exclude`)"]
