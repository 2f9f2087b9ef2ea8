"""Parsed spec files kept in ``.git/specdiff/parsed/``, one file per parse, found by what was parsed.

Content-addressed: an entry's name is a hash of the blob id, the path (a
document's clauses carry it) and everything that shapes a parse: the
``requirement_ids`` and ``max_file_bytes`` settings, the specdiff version and
the source of the modules that build a :class:`~specdiff.model.Document`. The
same blob under the same settings is parsed once, by whichever command meets it
first: the diff, the dependency graph or ``blame``. Parsing the Model Spec's
main file takes 66 ms, loading it from here 2 ms.

Entries are pickled documents, written to a temporary file and renamed, so a
reader never sees half of one; one that cannot be read is a miss. The folder
is kept under :data:`MAX_BYTES` by removing the least recently used entries.
Like the history cache, it lives in ``.git``, which specdiff trusts as much as
git's own hooks there.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from pathlib import Path

from specdiff import __version__, model, parse
from specdiff.config import Config
from specdiff.model import Document

FORMAT = "1"
"""Bumped whenever what is stored changes shape."""

MAX_BYTES = 64 * 1024 * 1024
"""The folder's size limit: some 300 parses of IETF-draft size (200 kB pickled each)."""


def _parser_version() -> str:
    """A hash of the source of the modules that decide what a parse returns."""
    digest = hashlib.sha256(f"{FORMAT} {__version__}".encode())
    for module in (parse, model):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()


_PARSER_VERSION = _parser_version()


def parse_key(config: Config, path: str, blob: str) -> str:
    """The name of the entry for ``blob`` read as ``path`` under ``config``."""
    settings = [_PARSER_VERSION, config.requirement_ids, config.max_file_bytes, path, blob]
    return hashlib.sha256(json.dumps(settings).encode()).hexdigest()


class ParseCache:
    """Parsed documents by :func:`parse_key`; without a folder (or an unwritable one) it keeps nothing."""

    def __init__(self, state_dir: Path | None, *, keep_new: bool = True) -> None:
        self._folder = state_dir / "parsed" if state_dir else None
        self._keep_new = keep_new
        """``False`` to only read: a history walk meets thousands of old versions, which would push out the useful ones."""
        self._size: int | None = None
        """The folder's size as of the last look plus what was written since: looking (a stat
        of every entry) at each write was quadratic; 200 new parses took a second of 11."""

    def get(self, key: str) -> Document | None:
        """The document under ``key``; ``None`` when there is none or it cannot be read."""
        if self._folder is None:
            return None
        entry = self._folder / key
        try:
            data = entry.read_bytes()
            os.utime(entry)  # recently used: removed last
            document = pickle.loads(data)
        except Exception:  # missing, from another version, or damaged: a miss either way
            return None
        return document if isinstance(document, Document) else None

    def put(self, key: str, document: Document) -> None:
        if self._folder is None or not self._keep_new:
            return
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            data = pickle.dumps(document, protocol=5)
            with tempfile.NamedTemporaryFile(dir=self._folder, prefix=".", delete=False) as file:
                file.write(data)
            os.replace(file.name, self._folder / key)
            if self._size is not None:
                self._size += len(data)  # over-counts a replaced entry: that only makes the next look come sooner
            if self._size is None or self._size > MAX_BYTES:
                self._size = self._trim()
        except OSError:
            self._folder = None  # unwritable: carry on without keeping anything

    def _trim(self) -> int:
        """Remove the least recently used entries while the folder is over :data:`MAX_BYTES`; return its size then."""
        assert self._folder is not None
        entries = []
        for entry in os.scandir(self._folder):
            try:
                stat = entry.stat()
            except FileNotFoundError:  # removed by another process meanwhile
                continue
            entries.append((stat.st_mtime, stat.st_size, entry.path))
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= MAX_BYTES:
                break
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass
            total -= size
        return total
