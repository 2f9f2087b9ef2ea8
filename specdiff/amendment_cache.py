"""What comparing two versions of one spec file gave, kept in ``.git/specdiff/amendments/``.

Most of a diff's time goes into aligning the two versions of each changed file
and reading what each change means: on the largest Model Spec release pair,
about 270 of the 500 ms of processor time a rerun took with the parse cache
filled. Both depend only on the two blobs and their paths, the parse settings
(``requirement_ids``, ``max_file_bytes``), the repository's RFC 2119 capitals
mode and specdiff's own code, so an entry is named by a hash of exactly those
(:func:`pair_key`). A diff run again, a review after a diff, or the pull-request
comment after CI's check loads the new side's document, the alignment and the
amendments (before impact, which depends on the whole tree) instead.

An entry holds what the file pair gives *alone*. A clause that moved to
another file changes the amendments of both files; for such a pair the diff
works the amendments out again from the kept alignment (see
``diff.diff_alignments``), and an entry stored then keeps no amendments.

The code is part of the key: a hash of the source of every module of the
package outside those no comparison runs (``render``, ``tui``,
``commands``, ``lint``, ``evals``, ``scan``), so any change to the parser, the
alignment or the reading makes every entry unused; they leave as the folder's
least recently used entries when it reaches :data:`MAX_BYTES`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from specdiff.config import Config
from specdiff.model import Alignment, Amendment, Document
from specdiff.pickle_folder import PickleFolder, source_hash
from specdiff.repo import FileChange

FORMAT = "1"
"""Bumped whenever what is stored changes shape."""

MAX_BYTES = 64 * 1024 * 1024
"""The folder's size limit: about 61 comparisons of the Model Spec's main file (1.1 MB pickled each)."""

_NOT_USED_TO_COMPARE = ("render", "tui", "commands", "lint", "evals", "scan")
"""Subpackages no comparison of a file pair runs (they come after the amendments): their code does not change what is kept."""


@dataclass(frozen=True)
class ComparedPair:
    """One file pair, compared: what ``diff.diff_revisions`` would otherwise read, parse, align and judge."""

    new: Document | None
    """The new side's document (the dependency graph starts from it); ``None`` for a deleted file."""
    alignment: Alignment
    amendments: list[Amendment] | None
    """Before impact; ``None`` when clauses moved between this pair and another file as it was compared."""


def pair_key(change: FileChange, config: Config) -> str | None:
    """The name of the entry for ``change`` under ``config``; ``None`` when a side is the working
    tree, whose content has no blob id to name it by."""
    if (change.old_path is not None and not change.old_blob) or (change.new_path is not None and not change.new_blob):
        return None
    settings = [
        _code_version(),
        config.requirement_ids,
        config.max_file_bytes,
        config.capitals,
        change.old_path,
        change.new_path,
        change.old_blob,
        change.new_blob,
        change.status,  # (a delta is compared with part of its old side)
    ]
    return hashlib.sha256(json.dumps(settings).encode()).hexdigest()


@cache
def _code_version() -> str:
    """A hash of specdiff's version and the source of every module that shapes a comparison (4 ms)."""
    package = Path(__file__).parent
    return source_hash(FORMAT, (p for p in package.rglob("*.py") if p.relative_to(package).parts[0] not in _NOT_USED_TO_COMPARE))


class AmendmentCache:
    """Compared file pairs by :func:`pair_key`; without a folder (or an unwritable one) it keeps nothing."""

    def __init__(self, state_dir: Path | None) -> None:
        self._entries = PickleFolder(state_dir / "amendments" if state_dir else None, MAX_BYTES)

    def get(self, key: str) -> ComparedPair | None:
        """The comparison under ``key``; ``None`` when there is none or it cannot be read."""
        found = self._entries.get(key)
        return found if isinstance(found, ComparedPair) else None

    def put(self, key: str, compared: ComparedPair) -> None:
        self._entries.put(key, compared)
