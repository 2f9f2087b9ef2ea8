"""A folder of pickled values under ``.git/specdiff``, one file per key, trimmed least recently used first.

The storage under the parse cache (``parse_cache``) and the amendment cache
(``amendment_cache``): each names its entries by a hash of everything that
decides the value, so an entry is never stale, only unused.

Entries are written to a temporary file and renamed, so a reader never sees
half of one, and a failed write leaves no temporary file; one that cannot be
read is a miss. A folder that cannot be written (a read-only mount, a full
disk) is still read: after the first failed write it keeps nothing new for the
rest of the run, but what it holds is used. Like the history cache, the folder
lives in ``.git``, which specdiff trusts as much as git's own hooks there.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable
from pathlib import Path

from specdiff import __version__
from specdiff.atomic import write_bytes_atomically


def source_hash(format_version: str, sources: Iterable[Path]) -> str:
    """A hash of a cache's ``format_version``, specdiff's version and the package modules ``sources``.

    Part of every entry's name in the caches above: a change to any module that
    shapes the value makes the old entries unused.
    """
    package = Path(__file__).parent
    digest = hashlib.sha256(f"{format_version} {__version__}".encode())
    for source in sorted(sources):
        digest.update(str(source.relative_to(package)).encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


class PickleFolder:
    """Values by key in ``folder``; without a folder it keeps nothing, and with an unwritable one it only reads."""

    def __init__(self, folder: Path | None, max_bytes: int, *, keep_new: bool = True) -> None:
        self._folder = folder
        self.max_bytes = max_bytes
        """The folder's size limit; writing past it removes the least recently used entries."""
        self._keep_new = keep_new
        """``False`` to only read: a history walk meets thousands of old versions, which would push out the
        useful ones. A failed write sets it too, so an unwritable folder is not tried again at every entry."""
        self._size: int | None = None
        """The folder's size as of the last look plus what was written since: looking (a stat
        of every entry) at each write was quadratic; 200 new parses took a second of 11."""

    def get(self, key: str) -> object | None:
        """The value under ``key``; ``None`` when there is none or it cannot be read."""
        if self._folder is None:
            return None
        entry = self._folder / key
        try:
            value: object = pickle.loads(entry.read_bytes())
        except Exception:  # missing, from another version, or damaged: a miss either way
            return None
        try:
            os.utime(entry)  # recently used: removed last
        except OSError:  # a read-only folder: the entry is still good
            pass
        return value

    def put(self, key: str, value: object) -> None:
        if self._folder is None or not self._keep_new:
            return
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            data = pickle.dumps(value, protocol=5)
            write_bytes_atomically(self._folder / key, data)
            if self._size is not None:
                self._size += len(data)  # over-counts a replaced entry: that only makes the next look come sooner
            if self._size is None or self._size > self.max_bytes:
                self._size = self._trim()
        except OSError:
            self._keep_new = False  # unwritable: carry on reading, without keeping anything new

    def _trim(self) -> int:
        """Remove the least recently used entries while the folder is over ``max_bytes``; return its size then."""
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
            if total <= self.max_bytes:
                break
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass
            total -= size
        return total
