"""Parsed spec files kept in ``.git/specdiff/parsed/``, one file per parse, found by what was parsed.

Content-addressed: an entry's name is a hash of the blob id, the path (a
document's clauses carry it) and everything that shapes a parse: the
``requirement_ids`` and ``max_file_bytes`` settings, the specdiff version and
the source of the modules that build a :class:`~specdiff.model.Document`. The
same blob under the same settings is parsed once, by whichever command meets it
first: the diff, the dependency graph or ``blame``. Parsing the Model Spec's
main file takes 66 ms, loading it from here 2 ms.

Entries live in a :class:`~specdiff.pickle_folder.PickleFolder`, kept under
:data:`MAX_BYTES`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from specdiff import model, parse
from specdiff.config import Config
from specdiff.model import Document
from specdiff.pickle_folder import PickleFolder, source_hash

FORMAT = "1"
"""Bumped whenever what is stored changes shape."""

MAX_BYTES = 64 * 1024 * 1024
"""The folder's size limit: some 300 parses of IETF-draft size (200 kB pickled each)."""


_PARSER_VERSION = source_hash(FORMAT, [Path(parse.__file__), Path(model.__file__)])
"""A hash of the source of the modules that decide what a parse returns."""


def parse_key(config: Config, path: str, blob: str) -> str:
    """The name of the entry for ``blob`` read as ``path`` under ``config``."""
    settings = [_PARSER_VERSION, config.requirement_ids, config.max_file_bytes, path, blob]
    return hashlib.sha256(json.dumps(settings).encode()).hexdigest()


class ParseCache:
    """Parsed documents by :func:`parse_key`; without a folder (or an unwritable one) it keeps nothing."""

    def __init__(self, state_dir: Path | None, *, keep_new: bool = True) -> None:
        self._entries = PickleFolder(state_dir / "parsed" if state_dir else None, MAX_BYTES, keep_new=keep_new)

    def get(self, key: str) -> Document | None:
        """The document under ``key``; ``None`` when there is none or it cannot be read."""
        document = self._entries.get(key)
        return document if isinstance(document, Document) else None

    def put(self, key: str, document: Document) -> None:
        self._entries.put(key, document)
