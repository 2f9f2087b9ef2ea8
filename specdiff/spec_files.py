"""Spec files under the config: which changes touch one, and reading one version of one.

Every step that reads a spec — the diff, the history walk, the dependency
graph, the lock check — reads it through :func:`read_spec`, so the size limit,
the text checks and the parse settings are the same everywhere.

Decoding is strict on purpose: a file that cannot be read as text raises
:class:`~specdiff.errors.UnreadableFile`, and the diff reports a spec file
that *turns* unreadable as a breaking amendment (see ``unreadable``), so
re-encoding a spec, or slipping one NUL byte into it, cannot hide a change
from ``--fail-on``.
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Callable

from specdiff.config import Config, matches_any
from specdiff.errors import FileTooLarge, UnreadableFile
from specdiff.layouts import as_translation, translation_folders
from specdiff.model import Document
from specdiff.parse import BINARY_SNIFF_BYTES, parse_document
from specdiff.parse_cache import ParseCache, parse_key
from specdiff.repo import FileChange, Repository

LFS_POINTER = b"version https://git-lfs.github.com/spec/v1\n"
"""How a Git LFS pointer file starts: the spec's text is elsewhere, not in the repository."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose mark is its first two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def touches_spec(change: FileChange, config: Config) -> bool:
    """Whether either side of a change is a spec file under the config."""
    return any(path is not None and config.is_spec(path) for path in (change.old_path, change.new_path))


def without_translations(repo: Repository, base: str | None, changes: list[FileChange], config: Config) -> list[FileChange]:
    """``changes``, but those inside the translation folders there are at ``base``, under a detected layout.

    The layout leaves out the translation folders it finds where it reads the tracked files
    (``layouts.translation_folders``); a folder the change deletes is gone from there. CloudEvents
    deleted its Hebrew and Chinese copies of the spec (2ef79bd16a): 1,119 clauses read as removed
    from the spec, whose English text did not change. A config file's globs are kept as written.
    """
    paths = [p for c in changes for p in (c.old_path, c.new_path) if p]
    if config.layout is None or base is None or not any(as_translation(p) for p in paths):
        return changes  # (the tree at ``base`` is listed only when a change may be a translation)
    folders = translation_folders(f.path for f in repo.list_files(base))
    return [c for c in changes if not all(matches_any(p, folders) for p in (c.old_path, c.new_path) if p)]


def read_spec(repo: Repository, path: str, blob: str | None, config: Config, cache: ParseCache | None = None) -> Document:
    """Parse one version of a spec file: a stored blob, or the working-tree file when ``blob`` is ``None``.

    Raises :class:`FileTooLarge` over ``max_file_bytes`` and
    :class:`~specdiff.errors.UnreadableFile` for content that is not text.
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


def text_id(text: str) -> str:
    """A content address for a text that has no blob id (a working-tree file), for the parse cache;
    it cannot be mistaken for a git blob id.

    >>> text_id("# Desk\\n")
    'text:cb289d58ec2e2da6a68baf49dc232f6846a7d75d'
    """
    return "text:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


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
    return decode_spec(data, path)


def decode_spec(data: bytes, path: str) -> str:
    """The text of a spec file, or :class:`~specdiff.errors.UnreadableFile` saying why there is none.

    A byte-order mark names the encoding (UTF-8, UTF-16 or UTF-32); without
    one, text with a NUL in every other byte is UTF-16 and other text must be
    UTF-8. A NUL byte elsewhere means binary, as git decides.

    >>> decode_spec("# Rules".encode("utf-16"), "a.md")
    '# Rules'
    >>> decode_spec(b"\\xef\\xbb\\xbfhello", "a.md")
    'hello'
    >>> decode_spec(b"caf\\xe9", "a.md")
    Traceback (most recent call last):
    ...
    specdiff.errors.UnreadableFile: a.md is not UTF-8 text (byte 3); skipped
    """
    if data.startswith(LFS_POINTER):
        raise UnreadableFile(f"{path} is a Git LFS pointer, not the spec's text (run `git lfs pull`); skipped")
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is None:
        encoding = _utf16_without_mark(data[:BINARY_SNIFF_BYTES])
    if encoding is None and b"\0" in data[:BINARY_SNIFF_BYTES]:
        raise UnreadableFile(f"{path} looks binary (a NUL byte); skipped")
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"{path} is not {(encoding or 'utf-8').upper()} text (byte {error.start}); skipped") from None
    return text.removeprefix("\ufeff")


def _utf16_without_mark(head: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` when every other byte of a text's start is NUL (ASCII in UTF-16)."""
    if len(head) < 4 or len(head) % 2:
        return None
    if head[1::2].count(0) == len(head) // 2 and head[0::2].count(0) == 0:
        return "utf-16-le"
    if head[0::2].count(0) == len(head) // 2 and head[1::2].count(0) == 0:
        return "utf-16-be"
    return None


def _size(count: int) -> str:
    """A byte count for people: ``2,000 bytes``, ``20 MB``."""
    return f"{count:,} bytes" if count < 1_000_000 else f"{count / 1e6:.3g} MB"
