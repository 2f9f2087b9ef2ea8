"""The RFC 2119 capitals mode of a repository, decided once so that one edit gets one grade everywhere.

A spec that writes its keywords in capitals (MUST, SHOULD, MAY) uses them on purpose; a
lower-case "may" there is read as plain English first (see ``force``). Deciding that per file,
or per diff, graded the same edit ``breaking`` in one file and ``substantive`` in the next, and
differently in two diffs of the same repository. So the mode belongs to the repository: the
``[semantics] capitals`` setting when it says ``true`` or ``false``, else counted over every spec
file at the revision the command reads (a diff's head, a log's newest commit), more keywords in
capitals than not (``lexicon.keyword_counts``, which leaves a lower-case "may" out).

Counting reads every spec file once; the answer is kept in the history cache under the spec
files' blob ids, so the next command on the same tree does not read them again, and each file's
count under its own blob id, so a command on the next commit reads only the files it changed.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace

from specdiff.config import Config
from specdiff.errors import FileTooLarge, UnreadableFile
from specdiff.history_cache import HistoryCache
from specdiff.repo import Repository
from specdiff.spec_files import read_spec_text

FORMAT = "2"
"""Bumped when the way the mode is counted changes, so that kept answers are counted again."""


def with_capitals(repo: Repository, commit: str | None, config: Config) -> Config:
    """``config`` with its capitals mode decided for ``repo`` at ``commit`` (``None``: the working tree)."""
    if config.capitals is not None:
        return config
    return replace(config, capitals=repository_capitals(repo, commit, config))


def repository_capitals(repo: Repository, commit: str | None, config: Config) -> bool:
    """Whether the spec files of ``repo`` at ``commit`` write RFC 2119 keywords in capitals more often than not."""
    files = sorted((f.path, f.blob) for f in repo.list_files(commit) if config.is_spec(f.path))
    if not files:
        return False
    key = None
    if all(blob for _, blob in files):  # the working tree has no blob ids: counted each time
        key = "capitals:" + hashlib.sha256(json.dumps([FORMAT, files]).encode()).hexdigest()
    cache = HistoryCache(repo.state_dir)
    try:
        kept = cache.get(key) if key else None
        if isinstance(kept, bool):
            return kept
        counts = [_file_counts(repo, path, blob, config, cache) for path, blob in files]
        decided = sum(upper for upper, _ in counts) > sum(lower for _, lower in counts)
        if key:
            cache.put(key, decided)
        return decided
    finally:
        cache.close()


def _file_counts(repo: Repository, path: str, blob: str | None, config: Config, cache: HistoryCache) -> tuple[int, int]:
    """How many keywords one spec file writes in capitals, and how many not (none for a file too
    large or unreadable). Kept by blob id: the next commit's count reads only the files it changed
    (a new tree of the 656 Kubernetes enhancement proposals took most of a second to count whole)."""
    key = f"capitals-file:{FORMAT}:{config.max_file_bytes}:{blob}" if blob else None
    kept = cache.get(key) if key else None
    if isinstance(kept, tuple):
        return kept
    from specdiff.lexicon import keyword_counts  # only to count: the answer is kept

    try:
        counts = keyword_counts(_BLANK_LINE.split(read_spec_text(repo, path, blob, config)))
    except (UnreadableFile, FileTooLarge):
        counts = (0, 0)
    if key:
        cache.put(key, counts)
    return counts


_BLANK_LINE = re.compile(r"\n\s*\n")
