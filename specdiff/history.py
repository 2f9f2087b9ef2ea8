"""The spec's history, commit by commit: what each commit amended, and where each clause came from.

:func:`walk` yields, newest first, every commit of a range with the
amendments it made to the spec files (``specdiff log``); :func:`blame` follows
each clause of a section back through the history to the commit that last
changed its meaning and the one that introduced it (``specdiff blame``),
through moves, splits, merges and file renames.

What a commit did is computed once and kept in a content-addressed cache
(``history_cache``), keyed by the blob ids of the files it changed: running the
log again, or over a longer range, only computes the new commits.
"""

from __future__ import annotations

import itertools
import sys
from collections import Counter
from collections.abc import Callable, Collection, Generator, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from specdiff.align.text import content_words, tokens
from specdiff.capitals import with_capitals
from specdiff.config import Config
from specdiff.diff import align_file, diff_alignments, paired_spec_changes
from specdiff.errors import FileTooLarge, SpecdiffError, UnreadableFile
from specdiff.history_cache import HistoryCache, cache_key
from specdiff.model import SEVERITIES, Amendment, AmendmentKind, Clause, ClauseMatch, Document, FileDiff, Severity
from specdiff.parse_cache import ParseCache
from specdiff.repo import LoggedCommit, Repository, is_under
from specdiff.spec_files import read_spec, touches_spec

PROGRESS_FROM = 20
"""Commits to compute from which a progress bar is shown (on a terminal)."""

DOCUMENTS_KEPT = 8
"""Parsed file versions kept while walking: the new version of one commit is
the old version of the next, so a handful is enough, and memory stays flat."""

ClauseRef = tuple[str, int]
"""A clause by file path and index in that version of the file."""


@dataclass(frozen=True)
class ClauseLink:
    """Clauses of the parent paired with clauses of the commit, and how serious the change was."""

    old: tuple[ClauseRef, ...]
    new: tuple[ClauseRef, ...]
    severity: str | None
    """``None`` when the text and place did not change."""
    kept_meaning: tuple[ClauseRef, ...] = ()
    """New clauses of the link whose meaning did not change although the amendment is graded
    above editorial: a part of a split that is word for word in the old clause, or a clause
    retouched only in wording (see :func:`_kept_meaning`)."""


@dataclass(frozen=True)
class Run:
    """Unchanged clauses, in order: old ``old_start + k`` is new ``new_start + k`` for k < length."""

    old_path: str
    new_path: str
    old_start: int
    new_start: int
    length: int


@dataclass
class CommitAmendments:
    """What one commit did to the spec files; what the cache keeps."""

    files: list[FileDiff]
    """The amendments, file by file (without the full alignment)."""
    runs: list[Run] = field(default_factory=list)
    links: list[ClauseLink] = field(default_factory=list)
    """Every pairing that is not part of a run: changed, moved, split, merged."""
    added: list[ClauseRef] = field(default_factory=list)

    @property
    def amendment_count(self) -> int:
        return sum(len(f.amendments) for f in self.files)


@dataclass(frozen=True)
class Blame:
    """One clause of today's spec, with its story."""

    clause: Clause
    last_changed: LoggedCommit | None
    """The newest commit that changed its meaning (any change with ``all_changes``)."""
    introduced: LoggedCommit | None
    """The commit where it (or the oldest of the clauses merged into it) first appeared."""


def walk(
    repo: Repository, config: Config, revisions: list[str], *, first_parent: bool = True, places: Collection[str] = ()
) -> Generator[tuple[LoggedCommit, CommitAmendments], None, None]:
    """Every commit of ``revisions`` (as for ``git log``), newest first, with what it did to the specs.

    ``repo`` and ``config`` are the command's, opened once by it (``config``'s
    capitals mode, if unset, is decided here, from the walk's newest commit).

    Each commit is computed (or read from the cache) just before it is
    yielded, newest first, so a caller that stops early (``log -n 1``,
    ``blame`` once every clause has its story) pays only for what it saw:
    ``log -n 1`` on a cold cache of the 1,141-commit MCP history took about
    2 minutes when every commit was computed first. Commits are read from
    ``git log`` as it streams them (unless a progress bar needs their count),
    so ``log -n 1`` does not wait for git to list 4,600 commits with rename
    detection either (MCP, 4,634 commits, cold: 0.62 -> 0.35 s of processor time). A commit's old file
    versions are the next (older) commit's new ones, so the handful of parsed
    documents kept in ``documents`` serves both.

    Given ``places`` (files or folders, as ``Repository.pathspecs`` gives them), a commit that
    changes no file under one of them is yielded with no amendments, not computed: ``log -- PATH``
    of one Kubernetes enhancement proposal computed every commit of the repository's history
    until it had found its own (143 s cold).
    """
    commits: Iterable[LoggedCommit] = repo.history(revisions, first_parent=first_parent)
    newest = next(iter(commits), None)  # read before the rest stream in (a generator: put back below)
    if newest is not None:
        commits = itertools.chain([newest], commits)
    # One capitals mode for the whole walk, from its newest commit: an edit reads the same in every commit.
    config = with_capitals(repo, newest.id if newest else None, config)
    cache = HistoryCache(repo.state_dir)
    try:
        missing = 0
        if _progress_shown():  # the bar needs the count first; without it, commits stream from git log
            commits = list(commits)
            keys = (_key(c, config) for c in commits if _touches(c, places))
            missing = sum(1 for key in keys if key is not None and not cache.has(key))
        documents: dict[str, Document | None] = {}
        with _progress(missing) as advance:
            for commit in commits:
                key = _key(commit, config) if _touches(commit, places) else None
                if key is None:
                    yield commit, CommitAmendments([])
                    continue
                found = cache.get(key)
                if found is None:  # not computed yet, or an entry that could not be read
                    found = _compute(repo, config, commit, documents)
                    cache.put(key, found)
                    advance()
                yield commit, found
    finally:
        cache.close()


def blame(
    repo: Repository, config: Config, path: str, anchor: str | None = None, *, tip: str, all_changes: bool = False
) -> list[Blame]:
    """Each clause of ``path`` (or of its section ``anchor`` and subsections) at ``tip``, with its story.

    ``repo``, ``config`` and ``tip`` are the command's, each found once by it: ``tip`` is the full
    id of the revision explained (``repo.commit_of``), ``config`` the settings at it.
    """
    if not config.is_spec(path):
        where = config.source or "the detected defaults"
        raise SpecdiffError(
            f"{path} is not a spec file under {where}, so specdiff keeps no history of its clauses "
            "(see `specs` in specdiff.toml, or run `specdiff init`); `git blame` shows its lines"
        )
    document = read_spec(repo, path, repo.blob_of(tip, path), config, ParseCache(repo.state_dir))
    clauses = _clauses_under(document, anchor)
    open_refs: dict[int, set[ClauseRef]] = {c.index: {(path, c.index)} for c in clauses}
    last_changed: dict[int, LoggedCommit] = {}
    introduced: dict[int, LoggedCommit] = {}
    history = walk(repo, config, [tip])
    for commit, amendments in history if open_refs else ():
        if not amendments.files:
            continue
        step = _Step(amendments)
        for index in list(open_refs):
            older: set[ClauseRef] = set()
            for ref in open_refs[index]:
                if ref in step.added:
                    introduced[index] = commit  # this branch of its history starts here; older ones overwrite
                    continue
                found = step.older(ref)
                if found is None:
                    older.add(ref)  # the file did not change here
                    continue
                refs, severity = found
                meaningful = severity is not None and (all_changes or severity != "editorial")
                if meaningful and index not in last_changed:
                    last_changed[index] = commit
                older.update(refs)
            if older:
                open_refs[index] = older
            else:
                del open_refs[index]
        if not open_refs:  # every clause has its story: stop before the next commit is computed
            break
    history.close()
    return [Blame(c, last_changed.get(c.index, introduced.get(c.index)), introduced.get(c.index)) for c in clauses]


# -- computing commits -------------------------------------------------------------


def _touches(commit: LoggedCommit, places: Collection[str]) -> bool:
    """Whether ``commit`` changes a file under one of ``places`` (any file, when there are none)."""
    return not places or _under_any([p for c in commit.changes for p in (c.old_path, c.new_path) if p], places)


def _under_any(paths: Iterable[str], places: Collection[str]) -> bool:
    """Whether one of ``paths`` is one of ``places`` or inside one (``repo.is_under``)."""
    return any(is_under(path, place) for path in paths for place in places)


def _key(commit: LoggedCommit, config: Config) -> str | None:
    """The cache key of what a commit did to the specs; ``None`` when it touched no spec file."""
    changes = [c for c in commit.changes if touches_spec(c, config)]
    return cache_key(config, changes) if changes else None


def _compute(repo: Repository, config: Config, commit: LoggedCommit, documents: dict[str, Document | None]) -> CommitAmendments:
    aligned = []
    for change in paired_spec_changes(repo, commit.parent, commit.changes, config):
        old = _document(repo, change.old_path, change.old_blob, config, documents)
        new = _document(repo, change.new_path, change.new_blob, config, documents)
        if (change.old_path and old is None) or (change.new_path and new is None):
            continue  # unreadable on one side: left out of the history, as the diff leaves it out
        aligned.append((change, align_file(old, new, change)))
    files = diff_alignments(aligned, capitals=config.capitals)
    result = CommitAmendments([replace(f, alignment=None) for f in files])
    for file in files:
        _record_links(file, result)
    return result


def _document(
    repo: Repository, path: str | None, blob: str | None, config: Config, documents: dict[str, Document | None]
) -> Document | None:
    if path is None or blob is None:
        return None
    key = f"{blob}:{path}"
    if key not in documents:
        try:
            documents[key] = read_spec(repo, path, blob, config, ParseCache(repo.state_dir, keep_new=False))
        except (UnreadableFile, FileTooLarge):
            documents[key] = None
        while len(documents) > DOCUMENTS_KEPT:
            documents.pop(next(iter(documents)))
    return documents[key]


def _record_links(file: FileDiff, result: CommitAmendments) -> None:
    """Turn a file's alignment into runs of unchanged clauses and links for the rest."""
    assert file.alignment is not None
    changes = {(a.new[0].path, a.new[0].index): a for a in file.amendments if a.unit == "clause" and a.old and a.new}
    partner = {m.old.id: m.new.id for m in file.alignment.sections}
    new_subsections = {s.id: s.parent for s in file.alignment.added_sections if s.parent is not None}
    changed_indexes = {index for _, index in changes}
    runs: list[Run] = []  # matches come in new order
    # The run being read, in plain variables: its paths, its first clauses, the clauses next in it.
    old_path = new_path = ""
    old_start = new_start = next_old = next_new = -1
    for match in file.alignment.clauses:
        before, first = match.old[0], match.new[0]
        index = first.index
        # Most clauses of a commit are unchanged: asked by index alone, without building a key.
        change = changes.get((first.path, index)) if index in changed_indexes else None
        if change is None and len(match.old) == 1 and len(match.new) == 1:
            # The loop's hot path (3,000 clauses a commit): one more clause of the run, or a new run.
            if before.index != next_old or index != next_new or before.path != old_path or first.path != new_path:
                if next_old > old_start:
                    runs.append(Run(old_path, new_path, old_start, new_start, next_old - old_start))
                old_path, new_path, old_start, new_start = before.path, first.path, before.index, index
            next_old, next_new = before.index + 1, index + 1
            continue
        severity = change.severity if change else None
        if change is not None and severity == "editorial" and change.worth_a_read:
            # An editorial reading made with low confidence ("minor" -> "patch" in a long
            # sentence) may hide a change of meaning: blame stops there unless the wording
            # check below finds only function words or forms of the same word changed.
            severity = "substantive"
        old = tuple((c.path, c.index) for c in match.old)
        new = tuple((c.path, c.index) for c in match.new)
        into_new = new_subsections.get(first.section) == partner.get(match.old[0].section, "")
        kept = tuple((c.path, c.index) for c in _kept_meaning(match, change, into_new)) if change else ()
        result.links.append(ClauseLink(old, new, severity, kept))
    if next_old > old_start:
        runs.append(Run(old_path, new_path, old_start, new_start, next_old - old_start))
    result.runs += runs
    result.added += [(c.path, c.index) for c in file.alignment.added]


_PRONOUNS_AND_FILLERS = frozenset("i we me us my our mine ours you your also just".split())
"""Words whose change leaves a clause's meaning alone, with the function words of ``content_words``."""

SAME_STEM_PREFIX = 5
"""Two words sharing this many first letters are one word inflected (backwards, backward)."""


def _kept_meaning(match: ClauseMatch, change: Amendment, into_new_subsection: bool) -> list[Clause]:
    """The new clauses of a changed pair that still say what they said.

    A split leaves each part that is word for word in the old clause as it
    was. A clause moved into a new subsection of its own section (an
    introduction put under a new "Introduction" heading) stays under the same
    scope. A clause retouched only in wording (no effect on any rule found) keeps
    its meaning when every word it lost or gained is a function word, a pronoun
    or another form of the same word: "I propose" -> "we propose", "overkill"
    -> "an overkill", "a IRI" -> "an IRI". "a new minor version" -> "a new
    patch version" changes a content word, and so the meaning.
    """
    if match.moved and not into_new_subsection:
        return []  # a clause moved to another section is under another scope and authority
    if len(match.new) > 1:
        whole = " ".join(c.normalized for c in match.old)
        return [c for c in match.new if c.normalized in whole]
    if len(match.old) > 1 or not all(e.type in ("wording", "editorial") for e in change.effects):
        return []
    old_words = Counter(w for c in match.old for w in content_words(tokens(c.normalized)) if w not in _PRONOUNS_AND_FILLERS)
    new_words = Counter(w for c in match.new for w in content_words(tokens(c.normalized)) if w not in _PRONOUNS_AND_FILLERS)
    lost, gained = list((old_words - new_words).elements()), list((new_words - old_words).elements())
    for word in list(lost):
        twin = next((g for g in gained if g[:SAME_STEM_PREFIX] == word[:SAME_STEM_PREFIX]), None)
        if twin is not None and min(len(word), len(twin)) >= SAME_STEM_PREFIX:
            lost.remove(word)
            gained.remove(twin)
    return list(match.new) if not lost and not gained else []


class _Step:
    """One commit's pairings, looked up from the new side (walking history backwards)."""

    def __init__(self, amendments: CommitAmendments) -> None:
        self.added = set(amendments.added)
        self.by_new: dict[ClauseRef, tuple[tuple[ClauseRef, ...], str | None]] = {}
        for link in amendments.links:
            for ref in link.new:
                # A clause whose meaning was kept changed only editorially, for blame.
                kept = ref in link.kept_meaning
                self.by_new[ref] = (link.old, "editorial" if kept and link.severity else link.severity)
        self.runs: dict[str, list[Run]] = {}
        for run in amendments.runs:
            self.runs.setdefault(run.new_path, []).append(run)
        self.changed_paths = {f.new_path for f in amendments.files if f.new_path}

    def older(self, ref: ClauseRef) -> tuple[tuple[ClauseRef, ...], str | None] | None:
        """What ``ref`` was in the parent, and how it changed; ``None`` if its file did not change."""
        if ref in self.by_new:
            return self.by_new[ref]
        path, index = ref
        for run in self.runs.get(path, []):
            if run.new_start <= index < run.new_start + run.length:
                return ((run.old_path, run.old_start + index - run.new_start),), None
        if path in self.changed_paths:
            return (), None  # in a changed file but paired with nothing: should not happen; treat as gone
        return None


def _clauses_under(document: Document, anchor: str | None) -> list[Clause]:
    if anchor is None:
        return list(document.clauses)
    ids = {s.id for s in document.sections if anchor in (s.id, s.anchor, s.slug)}
    if not ids:
        raise SpecdiffError(f"{document.path} has no section #{anchor}")
    grew = True
    while grew:  # add subsections
        more = {s.id for s in document.sections if s.parent in ids} - ids
        grew = bool(more)
        ids |= more
    return [c for c in document.clauses if c.section in ids]


def _progress_shown() -> bool:
    return sys.stderr.isatty()


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A Rich progress bar on stderr for a long computation; yields the function that advances it."""
    if total < PROGRESS_FROM or not _progress_shown():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("Reading spec history", total=total)
        yield lambda: bar.advance(task)


# -- choosing what log shows -------------------------------------------------------


@dataclass(frozen=True)
class LogFilter:
    """What ``specdiff log`` keeps of each commit's amendments."""

    severity: Severity | None = None
    """Only amendments at least this severe."""
    kinds: frozenset[AmendmentKind] = frozenset()
    """Only amendments of these kinds (empty: any)."""
    places: tuple[tuple[str, str | None], ...] = ()
    """Only these files or folders (paths from the repository's top), or sections of them: ``(path, anchor or None)``."""

    @property
    def narrows(self) -> bool:
        """Whether amendments are picked by severity or kind (then a rename with none left is not shown)."""
        return self.severity is not None or bool(self.kinds)


def filtered(files: list[FileDiff], keep: LogFilter) -> list[FileDiff]:
    """One commit's file diffs with only the amendments ``keep`` selects, and only the files left
    worth showing: those with amendments, or renamed or copied when nothing narrows the log down.

    >>> filtered([FileDiff("a.md", "b.md", "renamed", [])], LogFilter())[0].status
    'renamed'
    >>> filtered([FileDiff("a.md", "b.md", "renamed", [])], LogFilter(severity="breaking"))
    []
    """
    kept = (_kept(file, keep) for file in files)
    return [f for f in kept if f is not None and (f.amendments or (f.status in ("renamed", "copied") and not keep.narrows))]


def _kept(file: FileDiff, keep: LogFilter) -> FileDiff | None:
    """The file with only the amendments that pass, or ``None`` if the file is not among ``keep.places``."""
    paths = {p for p in (file.old_path, file.new_path) if p is not None}
    if keep.places and not _under_any(paths, [place for place, _ in keep.places]):
        return None
    anchors = {anchor for place, anchor in keep.places if anchor and _under_any(paths, [place])}
    return FileDiff(file.old_path, file.new_path, file.status, [a for a in file.amendments if _wanted(a, keep, anchors)], None)


def _wanted(amendment: Amendment, keep: LogFilter, anchors: set[str]) -> bool:
    if keep.severity and SEVERITIES.index(amendment.severity) < SEVERITIES.index(keep.severity):
        return False
    if keep.kinds and amendment.kind not in keep.kinds:
        return False
    if anchors:
        sections = {item.section if isinstance(item, Clause) else item.id for item in amendment.old + amendment.new}
        return bool(sections & anchors)
    return True
