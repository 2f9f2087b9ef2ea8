"""Spec files under the config: which changes touch one, and reading one version of one.

Every step that reads a spec — the diff, the history walk, the dependency
graph, the lock check — reads it through :func:`read_spec`, so the size limit,
the text checks and the parse settings are the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable

from specdiff.config import Config
from specdiff.errors import FileTooLarge
from specdiff.model import Document
from specdiff.parse import decode, parse_document
from specdiff.parse_cache import ParseCache, parse_key
from specdiff.repo import FileChange, Repository


def touches_spec(change: FileChange, config: Config) -> bool:
    """Whether either side of a change is a spec file under the config."""
    return any(path is not None and config.is_spec(path) for path in (change.old_path, change.new_path))


def read_spec(repo: Repository, path: str, blob: str | None, config: Config, cache: ParseCache | None = None) -> Document:
    """Parse one version of a spec file: a stored blob, or the working-tree file when ``blob`` is ``None``.

    Raises :class:`FileTooLarge` over ``max_file_bytes`` and
    :class:`~specdiff.errors.UnreadableFile` for binary or non-UTF-8 content.
    A stored blob is looked up in ``cache`` first, and kept there once parsed.
    """
    return parse_spec(lambda: read_spec_text(repo, path, blob, config), path, blob, config, cache)


def parse_spec(text: Callable[[], str], path: str, blob: str | None, config: Config, cache: ParseCache | None = None) -> Document:
    """Parse the text ``text()`` returns, unless ``cache`` has the parse of ``blob`` as ``path`` already."""
    key = parse_key(config, path, blob) if cache is not None and blob else None
    if key is not None and cache is not None and (found := cache.get(key)) is not None:
        return found
    document = parse_document(text(), path, config.requirement_ids)
    if key is not None and cache is not None:
        cache.put(key, document)
    return document


def read_spec_text(repo: Repository, path: str, blob: str | None, config: Config) -> str:
    """The text of one version of a spec file, with the checks of :func:`read_spec`, not parsed yet."""
    if blob:
        size, data = repo.read_blob_within(blob, config.max_file_bytes)
    else:
        size = repo.size(None, path)
        data = repo.read(None, path) if size <= config.max_file_bytes else None
    if data is None:
        raise FileTooLarge(
            f"{path} is {_size(size)}, over the {_size(config.max_file_bytes)} limit for a spec file; "
            "leave it out with `-- PATH` or `exclude`, or raise max_file_bytes in the config"
        )
    return decode(data, path)


def _size(count: int) -> str:
    """A byte count for people: ``2,000 bytes``, ``20 MB``."""
    return f"{count:,} bytes" if count < 1_000_000 else f"{count / 1e6:.3g} MB"
