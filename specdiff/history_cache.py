"""The history cache: what each commit did to the specs, kept in ``.git/specdiff/history.sqlite``.

Content-addressed: an entry's key is a hash of the blob ids of the spec files
a commit changed (and of the settings that decide how they are read), never
of the commit id. A rebase that keeps the contents, or the same change on two
branches, finds the entry already there; a change of ``specs`` or
``requirement_ids`` in the config, or a new specdiff version, misses it.

Entries are pickled model objects. The file lives in the repository's ``.git``
folder, which specdiff trusts as much as git's own hooks there; an entry that
cannot be read is computed again, and a damaged database is set aside for an
in-memory one, with nothing lost but time.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import sqlite3
from pathlib import Path
from typing import Any

from specdiff import __version__
from specdiff.config import Config
from specdiff.repo import FileChange

FORMAT = "1"
"""Bumped whenever what is stored changes shape."""


def cache_key(config: Config, changes: list[FileChange]) -> str:
    """The key of a commit's spec changes under ``config``."""
    settings = [FORMAT, __version__, config.specs, config.exclude, config.requirement_ids, config.max_file_bytes]
    files = sorted((c.old_path or "", c.new_path or "", c.status, c.old_blob or "", c.new_blob or "") for c in changes)
    return hashlib.sha256(json.dumps([settings, files]).encode()).hexdigest()


class HistoryCache:
    """A key-value store of pickled commit results, in SQLite."""

    def __init__(self, state_dir: Path | None) -> None:
        self._db = self._open(state_dir / "history.sqlite" if state_dir else None)

    @staticmethod
    def _open(path: Path | None) -> sqlite3.Connection:
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(path, timeout=10)
                db.execute("CREATE TABLE IF NOT EXISTS commits (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
                return db
            except (OSError, sqlite3.DatabaseError):
                pass  # unwritable or damaged: work without keeping anything
        db = sqlite3.connect(":memory:")
        db.execute("CREATE TABLE commits (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        return db

    def has(self, key: str) -> bool:
        return self._query("SELECT 1 FROM commits WHERE key = ?", key) is not None

    def get(self, key: str) -> Any:
        """The value under ``key``; ``None`` when there is none or it cannot be read (a miss either way)."""
        row = self._query("SELECT value FROM commits WHERE key = ?", key)
        if row is None:
            return None
        try:
            return pickle.loads(row[0])
        except Exception:  # an entry from another version, or damaged
            return None

    def put(self, key: str, value: Any) -> None:
        try:
            self._db.execute("INSERT OR REPLACE INTO commits VALUES (?, ?)", (key, pickle.dumps(value, protocol=5)))
        except sqlite3.DatabaseError:
            self._set_aside()
            self._db.execute("INSERT OR REPLACE INTO commits VALUES (?, ?)", (key, pickle.dumps(value, protocol=5)))

    def commit(self) -> None:
        try:
            self._db.commit()
        except sqlite3.DatabaseError:
            self._set_aside()

    def _query(self, sql: str, key: str) -> Any:
        try:
            return self._db.execute(sql, (key,)).fetchone()
        except sqlite3.DatabaseError:  # damaged pages past the header show up only now
            self._set_aside()
            return None

    def _set_aside(self) -> None:
        """Carry on in memory: the damaged file is left for the next clean run to replace."""
        self._db = self._open(None)

    def close(self) -> None:
        self.commit()
        self._db.close()
