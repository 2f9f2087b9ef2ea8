"""Spec files renamed and rewritten in the same change: compared as a rename.

Git calls a file renamed when at least half of its content is the same at the
new path. A spec renamed because what it specifies was renamed is often
rewritten in the same change, and git then reports the old file deleted and
the new one added: CloudEvents' ``loglevel`` extension became ``severity``
(``extensions/loglevel.md`` → ``extensions/severity.md``), purl's
``known-qualifiers.md`` became ``common-qualifiers.md`` with each entry
reworded. Every clause read as removed from one file and added to the other,
a rule reworded as a rule withdrawn and a rule imposed.

A deleted spec file and an added one with the same suffix are a rename when
each keeps at least :data:`SHARED_PHRASES` of the other's phrases (runs of
three words), and neither shares that much with any other file deleted or
added in the change. The second condition keeps out merges and splits
(several chapters folded into one page, a page cut into several), where no one
file takes the old one's place; there clauses that moved between the files are
paired as moves (``align.align_across_files``).
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Iterator

from specdiff.config import Config
from specdiff.errors import SpecdiffError
from specdiff.repo import FileChange, Repository
from specdiff.spec_files import read_spec_text

SHARED_PHRASES = 0.2
"""The share of one file's phrases (runs of three words, each as often as it occurs) the other must hold, both ways.

On the recent history of 31 spec repositories the renames rewritten keep
0.22 to 0.71 of them, and other pages of one spec share less than 0.15, but
for pages written from one template (SPIFFE's SIG READMEs, up to 0.32), which
several files share alike and so the second condition keeps apart."""

MIN_SHARED = 5
"""Fewer phrases than this in common are no evidence, however short the files."""

MAX_PAIRS = 400
"""More deleted-by-added pairs than this (a reorganised site, 20 pages by 20) are not compared: each
comparison counts two files' phrases, and a change could delete and add hundreds of large files."""

_WORD = re.compile(r"\w+")


def with_rewritten_renames(repo: Repository, changes: list[FileChange], config: Config) -> list[FileChange]:
    """``changes``, with each deleted spec file that an added one rewrites, and only that one, renamed to it."""
    deleted = [c for c in changes if c.status == "deleted" and c.old_path and config.is_spec(c.old_path)]
    added = [c for c in changes if c.status == "added" and c.new_path and config.is_spec(c.new_path)]
    if not deleted or not added or len(deleted) * len(added) > MAX_PAIRS:
        return changes
    old_phrases = {id(c): _phrases(repo, c.old_path, c.old_blob, config) for c in deleted}
    new_phrases = {id(c): _phrases(repo, c.new_path, c.new_blob, config) for c in added}
    alike = [
        (d, a)
        for d in deleted
        for a in added
        if _suffix(d.old_path) == _suffix(a.new_path) and _rewrites(old_phrases[id(d)], new_phrases[id(a)])
    ]
    renamed_to = {
        id(d): a
        for d, a in alike
        if sum(1 for other, _ in alike if other is d) == 1 and sum(1 for _, other in alike if other is a) == 1
    }
    taken = {id(a) for a in renamed_to.values()}
    return list(_renamed(changes, renamed_to, taken))


def _renamed(changes: list[FileChange], renamed_to: dict[int, FileChange], taken: set[int]) -> Iterator[FileChange]:
    """The changes, each pair found as one rename where the deleted file stood, the added file dropped."""
    for change in changes:
        if id(change) in taken:
            continue
        added = renamed_to.get(id(change))
        if added is None:
            yield change
        else:
            yield FileChange(change.old_path, added.new_path, "renamed", change.old_blob, added.new_blob)


def _rewrites(old: Counter[tuple[str, ...]], new: Counter[tuple[str, ...]]) -> bool:
    """Whether two files share enough of their phrases, each way, for one to be the other rewritten."""
    old_count, new_count = old.total(), new.total()
    if not old or not new or min(old_count, new_count) < SHARED_PHRASES * max(old_count, new_count):
        return False  # (the smaller could not hold a fifth of the larger: no need to count what they share)
    shared = (old & new).total()
    return shared >= MIN_SHARED and shared >= SHARED_PHRASES * old_count and shared >= SHARED_PHRASES * new_count


def _phrases(repo: Repository, path: str | None, blob: str | None, config: Config) -> Counter[tuple[str, ...]]:
    """The runs of three words of one version of a file (lowercased), counted; none when it cannot be read."""
    assert path is not None
    try:
        words = _WORD.findall(read_spec_text(repo, path, blob, config).lower())
    except SpecdiffError:  # not text, too large: the diff says so when it reads the file
        return Counter()
    return Counter(tuple(words[i : i + 3]) for i in range(len(words) - 2))


def _suffix(path: str | None) -> str:
    return posixpath.splitext(path or "")[1]
