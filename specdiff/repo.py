"""Read revisions of a git repository, the way ``git diff`` names them.

The only module that talks to git (through GitPython). It resolves revisions,
lists changed files with rename detection and reads file contents, and knows
nothing about Markdown.

Revisions, as for ``git diff``:

==============  =============================================
``[]``          HEAD against the working tree
``[REV]``       REV against the working tree
``[A, B]``      A against B
``["A..B"]``    A against B (an empty side means HEAD)
``["A...B"]``   the merge base of A and B against B
==============  =============================================

The working tree side includes staged and unstaged edits to tracked files,
as ``git diff HEAD`` does.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from specdiff.errors import SpecdiffError, UnreadableFile
from specdiff.model import Revision

if TYPE_CHECKING:
    import git

# Git's status letters, as `git diff --name-status` prints them.
_STATUS = {"A": "added", "D": "deleted", "M": "modified", "R": "renamed", "C": "added", "T": "modified"}


@dataclass(frozen=True)
class FileChange:
    """One file that differs between the two sides of a diff."""

    old_path: str | None
    new_path: str | None
    status: str
    """``added``, ``deleted``, ``modified``, ``renamed``, ``copied`` (``copies``: an added file
    compared with the file it copies, which is its old side) or ``delta`` (``openspec_deltas``: an
    OpenSpec change's delta compared with the spec it changes)."""
    old_blob: str | None = None
    """Git's id of the old content; ``None`` when there is no old side."""
    new_blob: str | None = None
    """Git's id of the new content; ``None`` when there is no new side or it is the working tree."""


@dataclass(frozen=True)
class TrackedFile:
    """A file git tracks at some revision (or in the working tree)."""

    path: str
    size: int
    blob: str | None
    """Git's id of the content; ``None`` in the working tree, where the file is read from disk."""


@dataclass(frozen=True)
class Commit:
    id: str
    subject: str


@dataclass(frozen=True)
class LoggedCommit:
    """A commit of a history walk, with the files it changed against its (first) parent."""

    id: str
    parent: str | None
    """``None`` for a root commit."""
    author: str
    date: str
    """ISO 8601, as git prints it."""
    subject: str
    changes: tuple[FileChange, ...]


@dataclass(frozen=True)
class RevisionRange:
    """The two sides of a diff; ``head.commit is None`` means the working tree."""

    base: Revision
    head: Revision


class Repository:
    """An open git repository. Use it as a context manager so its git processes end."""

    def __init__(self, path: str | os.PathLike[str] = ".") -> None:
        import git

        location = Path(path)
        if not location.exists():
            raise SpecdiffError(f"{location}: no such folder")
        try:
            self._repo = git.Repo(location, search_parent_directories=True)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            raise SpecdiffError(
                f"{location.resolve()} is not in a git repository (run specdiff inside one, or pass -C DIR)"
            ) from None
        if self._repo.bare:
            raise SpecdiffError(f"{location.resolve()} is a bare repository; specdiff needs a work tree")
        self._listings: dict[str, list[TrackedFile]] = {}
        """:meth:`list_files` by commit id: the config, the capitals count and the graph each list the
        head commit (three ``git ls-tree`` runs, 8 ms of processor time on the Model Spec, became one)."""

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._repo.close()

    @property
    def root(self) -> Path:
        """The top folder of the work tree."""
        return Path(self._repo.working_tree_dir or ".")

    @property
    def state_dir(self) -> Path:
        """``.git/specdiff``: where specdiff keeps caches and review marks (not created here)."""
        return Path(self._repo.git_dir) / "specdiff"

    @property
    def is_shallow(self) -> bool:
        return (Path(self._repo.git_dir) / "shallow").exists()

    def shallow_boundaries(self) -> set[str]:
        """In a shallow clone, the commits where history is cut: git shows them with no parent, so
        their changes hold everything before them. Empty for a full clone."""
        try:
            return set((Path(self._repo.git_dir) / "shallow").read_text().split())
        except OSError:
            return set()

    # -- revisions -----------------------------------------------------------------

    def resolve(self, revisions: list[str]) -> RevisionRange:
        """Turn the revisions a user typed into the two sides of a diff."""
        if len(revisions) > 2:
            raise SpecdiffError(f"too many revisions: {' '.join(revisions)} (give at most two, or A..B)")
        if len(revisions) == 2:
            for rev in revisions:
                if ".." in rev:
                    raise SpecdiffError(f"{rev}: a range cannot be combined with another revision")
            return RevisionRange(*self._sides(revisions[0], revisions[1]))
        if not revisions:
            return RevisionRange(self._side("HEAD"), Revision(None, None))
        rev = revisions[0]
        if "..." in rev:
            left, right = (side or "HEAD" for side in rev.split("...", 1))
            head = self._side(right)
            base_commit = self._merge_base(left, right, rev)
            return RevisionRange(Revision(f"merge-base({left}, {right})", base_commit), head)
        if ".." in rev:
            left, right = (side or "HEAD" for side in rev.split("..", 1))
            return RevisionRange(*self._sides(left, right))
        return RevisionRange(self._side(rev), Revision(None, None))

    def _side(self, rev: str) -> Revision:
        return Revision(rev, self.commit_of(rev))

    def _sides(self, base: str, head: str) -> tuple[Revision, Revision]:
        """Both sides from one ``git rev-parse`` (each git run costs about 2 ms of processor time);
        when that does not give two commit ids, each side on its own, so :meth:`commit_of` says why."""
        import git

        if not base.startswith("-") and not head.startswith("-"):  # no option for git to take
            try:
                output = str(self._repo.git.rev_parse("--end-of-options", f"{base}^{{commit}}", f"{head}^{{commit}}"))
            except git.GitCommandError:
                output = ""
            # Without --verify, git (2.39 here) echoes "--end-of-options" before the ids: left in,
            # it made this path fail every time and cost two more git runs.
            commits = [line for line in output.split() if line != "--end-of-options"]
            if len(commits) == 2 and all(FULL_COMMIT_ID.fullmatch(commit) for commit in commits):
                return Revision(base, commits[0]), Revision(head, commits[1])
        return self._side(base), self._side(head)

    def commit_of(self, rev: str) -> str:
        """The full id of the commit ``rev`` names, or a SpecdiffError saying why not."""
        import git

        if rev.startswith("-"):
            raise SpecdiffError(f"{rev}: a revision cannot start with '-'")
        try:
            return str(self._repo.git.rev_parse("--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"))
        except git.GitCommandError:
            pass
        if rev == "HEAD" and not self._has_commits():
            raise SpecdiffError("the repository has no commits yet; commit a first version of the spec to diff against")
        ancestor = re.fullmatch(r"(.+?)((?:[~^]\d*)+)", rev)
        if ancestor and not self.is_shallow and self._names_commit(ancestor.group(1)):
            raise SpecdiffError(
                f"{rev}: goes back past the first commit of the repository ({ancestor.group(1)} has no ancestor that far); "
                f"`specdiff log {ancestor.group(1)}` shows what each commit, the first one too, did to the specs"
            )
        if self.is_shallow:
            raise SpecdiffError(
                f"unknown revision {rev!r}: this is a shallow clone and the commit may not have been fetched; "
                "run `git fetch --deepen=100` (or `git fetch --unshallow`) and try again"
            )
        raise SpecdiffError(
            f"unknown revision {rev!r}: not a commit, branch or tag in {self.root} "
            "(`git branch -a` and `git tag` list the names there; `git fetch` gets missing ones)"
        )

    def _names_commit(self, rev: str) -> bool:
        import git

        try:
            self._repo.git.rev_parse("--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
        except git.GitCommandError:
            return False
        return True

    def _merge_base(self, left: str, right: str, written: str) -> str:
        import git

        self.commit_of(left)
        self.commit_of(right)
        try:
            return str(self._repo.git.merge_base(self.commit_of(left), self.commit_of(right)))
        except git.GitCommandError:
            hint = (
                "; this is a shallow clone: run `git fetch --deepen=100` (or `git fetch --unshallow`) and try again"
                if self.is_shallow
                else ""
            )
            raise SpecdiffError(f"{written}: {left} and {right} have no common ancestor{hint}") from None

    def head_commit(self) -> str | None:
        """The commit HEAD points at; ``None`` in a repository with no commits yet."""
        return self._repo.head.commit.hexsha if self._has_commits() else None

    def _has_commits(self) -> bool:
        return self._repo.head.is_valid()

    # -- files ---------------------------------------------------------------------

    def changed_files(self, revisions: RevisionRange, paths: list[str] | None = None) -> list[FileChange]:
        """Files that differ between the two sides, with renames detected as ``git diff -M`` does."""
        import git

        sides = [revisions.base.commit] + ([revisions.head.commit] if revisions.head.commit else [])
        pathspecs = self.pathspecs(paths or [])
        try:
            output = self._repo.git.diff(
                "--raw", "-z", "--no-abbrev", "-M", "--no-ext-diff", "--no-color", *sides, "--", *pathspecs
            )
        except git.GitCommandError as error:
            raise SpecdiffError(f"git diff failed: {_first_line(error.stderr)}") from None
        return _parse_raw_diff(output)

    def pathspecs(self, paths: list[str]) -> list[str]:
        """Paths typed relative to the current folder, made relative to the work tree's top."""
        root = self.root.resolve()
        result = []
        for path in paths:
            absolute = Path(path).resolve()  # resolved like the root, so symlinked folders compare equal
            try:
                result.append(absolute.relative_to(root).as_posix() or ".")
            except ValueError:
                raise SpecdiffError(f"{path} is outside the repository at {root}") from None
        return result

    def size(self, commit: str | None, path: str) -> int:
        """Size in bytes of ``path`` at ``commit`` (``None``: the working tree; a link's own size)."""
        if commit is None:
            try:
                return (self.root / path).lstat().st_size
            except OSError as error:
                raise SpecdiffError(f"cannot read {path}: {error.strerror}") from None
        return self._blob(commit, path).size

    def read(self, commit: str | None, path: str) -> bytes:
        """The content of ``path`` at ``commit``, or in the working tree when ``commit`` is ``None``.

        In the working tree a symbolic link reads as its link text, as git stores
        it in a commit: a pull request can commit a link to ``../.git/config``
        (where actions/checkout keeps the token) or ``/etc/passwd``, and
        following it would print that file. A file reached through a linked
        folder that leaves the repository is refused with
        :class:`~specdiff.errors.UnreadableFile`.
        """
        if commit is None:
            return self._read_working_file(path)
        return bytes(self._blob(commit, path).data_stream.read())

    def _read_working_file(self, path: str) -> bytes:
        full = self.root / path
        try:
            if full.is_symlink():
                return os.fsencode(os.readlink(full))
            if not full.resolve().is_relative_to(self.root.resolve()):
                raise UnreadableFile(f"{path} is reached through a symbolic link that leaves the repository; skipped")
            if full.exists() and not full.is_file():  # a FIFO would block the read for ever
                raise UnreadableFile(f"{path} is not a regular file; skipped")
            with open(full, "rb") as file:
                return file.read()
        except OSError as error:
            raise SpecdiffError(f"cannot read {path}: {error.strerror}") from None

    def blob_of(self, commit: str, path: str) -> str:
        """Git's id of the content of ``path`` at ``commit``."""
        return str(self._blob(commit, path).hexsha)

    def blob_size(self, blob: str) -> int:
        """Size in bytes of the content git stores under id ``blob``."""
        try:
            return int(self._repo.odb.info(bytes.fromhex(blob)).size)
        except (ValueError, OSError):
            raise _missing(blob) from None

    def read_blob(self, blob: str) -> bytes:
        """The content git stores under id ``blob``.

        Read by id through git's object database, not by walking a commit's
        tree: on a 24-file Model Spec release that walk took 0.2 s of 1 s.
        """
        try:
            return bytes(self._repo.odb.stream(bytes.fromhex(blob)).read())
        except (ValueError, OSError):  # a partial or damaged clone: the object is not there
            raise _missing(blob) from None

    def read_blob_within(self, blob: str, max_bytes: int) -> tuple[int, bytes | None]:
        """The size of the content under id ``blob``, and the content unless it is over ``max_bytes``.

        One request to git's persistent ``cat-file --batch`` process, whose
        answer starts with the size, where :meth:`blob_size` then
        :meth:`read_blob` make two (to two processes): on the largest Model
        Spec release pair, 315 requests instead of 630.
        """
        try:
            stream = self._repo.odb.stream(bytes.fromhex(blob))
        except (ValueError, OSError):  # a partial or damaged clone: the object is not there
            raise _missing(blob) from None
        if stream.size <= max_bytes:
            return stream.size, bytes(stream.read())
        while stream.read(1 << 20):  # the process must be read to the end before its next answer
            pass
        return stream.size, None

    def _blob(self, commit: str, path: str) -> git.Blob:
        import git

        try:
            tree = self._repo.commit(commit).tree
        except (ValueError, git.BadName):  # an id git does not have, or a name it cannot resolve
            raise SpecdiffError(f"commit {commit[:10]} is not in this clone (fetch more history)") from None
        try:
            return tree / path
        except KeyError:
            raise SpecdiffError(f"{path} does not exist at {commit[:10]}") from None

    # -- whole trees ------------------------------------------------------------------

    def list_files(self, commit: str | None) -> list[TrackedFile]:
        """Every file git tracks at ``commit``, or in the working tree when ``commit`` is ``None``.

        In the working tree, files deleted but not yet staged are left out.
        """
        if commit is None:
            found = []
            for path in filter(None, self._repo.git.ls_files("-z").split("\0")):
                full = self.root / path
                if full.is_symlink() or full.is_file():  # a link is listed as itself (see `read`)
                    found.append(TrackedFile(path, full.lstat().st_size, None))
            return found
        if commit not in self._listings:
            listing = self._list_commit(commit)
            if not FULL_COMMIT_ID.fullmatch(commit):  # a name (HEAD, a branch) can move: only ids are kept
                return listing
            self._listings[commit] = listing
            while len(self._listings) > _LISTINGS_KEPT:  # a history walk lists the parent of each copy
                self._listings.pop(next(iter(self._listings)))
        return list(self._listings[commit])

    def _list_commit(self, commit: str) -> list[TrackedFile]:
        listing = self._repo.git.ls_tree("-r", "-l", "-z", "--full-tree", commit)
        found = []
        for entry in listing.split("\0"):
            if not entry:
                continue
            meta, path = entry.split("\t", 1)
            _, kind, blob, size = meta.split()
            if kind == "blob":
                # A clone that lacks the object (a partial or trimmed one) lists its size as
                # "BAD" or "-": it is listed all the same, and only reading it is an error.
                found.append(TrackedFile(path, int(size) if size.isdigit() else 0, blob))
        return found

    def grep(self, commit: str | None, patterns: list[str], *, fixed: bool = False) -> set[str]:
        """Paths of tracked text files at ``commit`` (or in the working tree) containing any pattern.

        ``git grep`` does the searching, binary files left out (``-I``): ten
        thousand files take a fraction of a second, where reading them into
        Python takes seconds.
        """
        import git

        if not patterns:
            return set()
        flags = ["-l", "-I", "-z", "-F" if fixed else "-E"]
        arguments = [*flags, *(a for p in patterns for a in ("-e", p))] + ([commit] if commit else []) + ["--"]
        try:
            output = self._repo.git.grep(*arguments)
        except git.GitCommandError as error:
            if error.status == 1:  # nothing found
                return set()
            raise SpecdiffError(f"git grep failed: {_first_line(error.stderr)}") from None
        prefix = f"{commit}:" if commit else ""
        return {path.removeprefix(prefix) for path in output.split("\0") if path}

    def grep_each(self, commit: str | None, searches: list[tuple[tuple[str, ...], bool]]) -> list[set[str]]:
        """For each ``(patterns, fixed)`` search, what :meth:`grep` finds, from one ``git grep``.

        Each ``git grep`` reads every tracked file again: on the Model Spec's 118
        files each took 4.5 ms of processor time, and a diff's graph made four.
        Here git prints every match (``-o``) of all the patterns at once, and each
        match counts for the searches it satisfies (a fixed string found in it,
        or a pattern Python's ``re`` finds in it, so write patterns both read
        alike). git resumes after each match, so a search's only matches must
        not begin inside another's: searches whose texts cannot overlap.
        """
        import git

        patterns = [p if not fixed else re.sub(r"([.[\]()*+?{}|^$\\])", r"\\\1", p) for ps, fixed in searches for p in ps]
        if not patterns:
            return [set() for _ in searches]
        arguments = ["-o", "-I", "-z", "-E", *(a for p in patterns for a in ("-e", p))] + ([commit] if commit else []) + ["--"]
        try:
            output = self._repo.git.grep(*arguments, strip_newline_in_stdout=False)
        except git.GitCommandError as error:
            if error.status == 1:  # nothing found
                return [set() for _ in searches]
            raise SpecdiffError(f"git grep failed: {_first_line(error.stderr)}") from None
        prefix = f"{commit}:" if commit else ""
        found: list[set[str]] = [set() for _ in searches]
        start = 0
        while (end := output.find("\0", start)) != -1:  # "path\0match\n": a path may hold a line feed
            line_end = output.find("\n", end)
            line_end = len(output) if line_end == -1 else line_end
            path, match = output[start:end].removeprefix(prefix), output[end + 1 : line_end]
            for paths, (search, fixed) in zip(found, searches):
                if path not in paths and any(p in match if fixed else re.search(p, match) for p in search):
                    paths.add(path)
            start = line_end + 1
        return found

    def commits_touching(self, since: str, until: str | None, paths: list[str]) -> list[Commit]:
        """Commits after ``since`` up to ``until`` (default HEAD) that changed ``paths``, oldest first."""
        import git

        try:
            output = self._repo.git.log(
                "--reverse", "--format=%H%x00%s", "--end-of-options", f"{since}..{until or 'HEAD'}", "--", *paths
            )
        except git.GitCommandError as error:
            raise SpecdiffError(f"git log failed: {_first_line(error.stderr)}") from None
        return [Commit(*line.split("\0", 1)) for line in output.splitlines() if line]

    def _check_revisions(self, revisions: list[str]) -> None:
        """Raise the one-line error of :meth:`commit_of` for a revision of a range that names no commit."""
        for rev in revisions or ["HEAD"]:  # an empty repository says so in one line, as a bad revision does
            for side in re.split(r"\.\.\.?", rev):
                if side:
                    self.commit_of(side)

    def removed_paths(self, revisions: list[str]) -> set[str]:
        """The paths that commits in ``git log REVISIONS`` (default: HEAD's history) deleted or moved
        away: one ``git log`` with no rename detection, a tenth of a second on 2,500 commits."""
        import git

        if not revisions and not self._has_commits():
            return set()
        self._check_revisions(revisions)
        arguments = ["--no-renames", "--diff-filter=D", "--name-only", "-z", "--format="]
        try:
            output = self._repo.git.log(*arguments, "--end-of-options", *(revisions or ["HEAD"]), "--")
        except git.GitCommandError as error:
            raise SpecdiffError(f"git log failed: {_first_line(error.stderr)}") from None
        return {path.strip("\n") for path in output.split("\0") if path.strip("\n")}

    def history(self, revisions: list[str], *, first_parent: bool = True) -> Iterator[LoggedCommit]:
        """The commits of ``git log REVISIONS``, newest first, each with its changed files.

        One ``git log --raw`` for the whole walk rather than one ``git diff``
        per commit: on 2,000 commits that is a second against a minute. With
        ``first_parent``, merges are compared with their first parent and the
        merged branch's own commits are left out; otherwise merges show no
        changes and every commit shows its own.
        """
        import git

        self._check_revisions(revisions)
        merges = ["--first-parent", "--diff-merges=first-parent"] if first_parent else ["--diff-merges=off"]
        arguments = [*merges, "--root", "-M", "--raw", "-z", "--no-abbrev", "--format=%x1e%H%x1f%P%x1f%an%x1f%aI%x1f%s"]
        try:
            process = self._repo.git.log(*arguments, "--end-of-options", *(revisions or ["HEAD"]), "--", as_process=True)
        except git.GitCommandError as error:
            raise SpecdiffError(f"git log failed: {_first_line(error.stderr)}") from None
        buffer = b""
        for data in iter(lambda: process.stdout.read(1 << 16), b""):
            buffer += data
            *records, buffer = buffer.split(b"\x1e")
            for record in records:
                if record:
                    yield _logged_commit(record.decode("utf-8", "replace"))
        if buffer:
            yield _logged_commit(buffer.decode("utf-8", "replace"))
        try:
            process.wait()
        except git.GitCommandError as error:  # objects missing from a partial or damaged clone
            raise SpecdiffError(f"git log failed: {_first_line(str(error.stderr))}") from None

    # -- writing (the sample repository) -----------------------------------------------

    @staticmethod
    def create(path: Path) -> Repository:
        """Make a new, empty repository at ``path`` with ``main`` as its branch."""
        import git

        repo = git.Repo.init(path, initial_branch="main")
        repo.close()
        return Repository(path)

    def commit_all(self, message: str, date: str, author: tuple[str, str] = ("Sample Author", "author@example.invalid")) -> str:
        """Stage every change in the work tree and commit it with a fixed date; return the commit id."""
        name, email = author
        environment = {
            "GIT_AUTHOR_NAME": name,
            "GIT_AUTHOR_EMAIL": email,
            "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_NAME": name,
            "GIT_COMMITTER_EMAIL": email,
            "GIT_COMMITTER_DATE": date,
        }
        self._repo.git.add("-A")
        with self._repo.git.custom_environment(**environment):
            self._repo.git.commit("-q", "--allow-empty", "--no-verify", "--no-gpg-sign", "-m", message)
        return self._repo.head.commit.hexsha


_NO_BLOB = "0" * 40
FULL_COMMIT_ID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
"""A full SHA-1 or SHA-256 commit id, which names one commit for good (a branch name can move)."""
_GITLINK = "160000"
"""The mode git gives a submodule's entry."""
_SYMLINK = "120000"
"""The mode git gives a symbolic link."""
_LISTINGS_KEPT = 4
"""How many commits' listings a :class:`Repository` keeps (the head's is read three times)."""
EMPTY_BLOBS = frozenset(
    ("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391", "473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813")
)
"""Git's ids of an empty file (SHA-1 and SHA-256)."""


def is_under(path: str, folder: str) -> bool:
    """Whether the repository path ``path`` is ``folder`` or inside it; ``folder`` as
    :meth:`Repository.pathspecs` gives it, where ``.`` (or nothing) is the whole tree.

    >>> is_under("spec/a.md", "spec"), is_under("spec", "spec/"), is_under("specs/a.md", "spec"), is_under("a.md", ".")
    (True, True, False, True)
    """
    return folder in (".", "") or path == folder.rstrip("/") or path.startswith(folder.rstrip("/") + "/")


def _missing(blob: str) -> SpecdiffError:
    return SpecdiffError(
        f"git object {blob[:10]} is missing from this clone (partial or damaged); "
        "run `git fetch` (or `git fetch --refetch`) and try again"
    )


def _logged_commit(record: str) -> LoggedCommit:
    header, _, raw = record.partition("\0")
    commit, parents, author, date, subject = header.split("\x1f", 4)
    parent = parents.split()[0] if parents.strip() else None
    return LoggedCommit(commit, parent, author, date, subject.strip(), tuple(_parse_raw_diff(raw.lstrip("\n"))))


def _parse_raw_diff(output: str) -> list[FileChange]:
    """Read ``git diff --raw -z --no-abbrev`` output.

    >>> a, b, none = "a" * 40, "b" * 40, "0" * 40
    >>> for change in _parse_raw_diff(f":100644 100644 {a} {none} M\\0x.md\\0:100644 100644 {a} {b} R097\\0y.md\\0z.md\\0"):
    ...     print(change.old_path, change.new_path, change.status, change.new_blob)
    x.md x.md modified None
    y.md z.md renamed bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb

    A file that became a symbolic link is gone as a file; when a file with its content was
    added, it moved there (OpenMetrics moved its spec into ``specification/`` and left a link):

    >>> for change in _parse_raw_diff(f":100644 120000 {a} {b} T\\0x.md\\0:000000 100644 {none} {a} A\\0spec/x.md\\0"):
    ...     print(change.old_path, change.new_path, change.status)
    x.md spec/x.md renamed
    """
    fields = output.split("\0")
    changes: list[FileChange] = []
    turned_to_links: list[FileChange] = []
    i = 0
    while i < len(fields) and fields[i].startswith(":"):
        old_mode, new_mode, old_blob, new_blob, letters = fields[i][1:].split(" ")
        if _GITLINK in (old_mode, new_mode):  # a submodule: a commit of another repository, not a file
            i += 3 if letters[0] in ("R", "C") else 2
            continue
        letter = letters[0]
        old_blob_or_none = None if old_blob == _NO_BLOB else old_blob
        new_blob_or_none = None if new_blob == _NO_BLOB else new_blob
        if letter in ("R", "C"):
            old, new = fields[i + 1], fields[i + 2]
            if letter == "R":
                changes.append(FileChange(old, new, "renamed", old_blob_or_none, new_blob_or_none))
            else:  # a copy leaves the original in place: only the new file is a change
                changes.append(FileChange(None, new, "added", None, new_blob_or_none))
            i += 3
            continue
        path = fields[i + 1]
        status = _STATUS.get(letter, "modified")
        change = FileChange(
            None if status == "added" else path,
            None if status == "deleted" else path,
            status,
            old_blob_or_none,
            new_blob_or_none,
        )
        changes.append(change)
        if letter == "T" and new_mode == _SYMLINK and old_mode != _SYMLINK:
            turned_to_links.append(change)
        i += 2
    if turned_to_links:
        changes = _with_links_left_behind(changes, turned_to_links)
    return _with_twins_moved_along(_renamed_to_the_same_name(changes))


def _with_links_left_behind(changes: list[FileChange], turned_to_links: list[FileChange]) -> list[FileChange]:
    """Each file turned into a link paired, as a rename, with a file added with its content. A link
    with no such file is left a modified file, compared as its link text (never followed)."""
    added = {c.new_blob: c for c in changes if c.status == "added" and c.new_blob}
    moved: dict[int, FileChange] = {}
    for change in turned_to_links:
        if change.old_blob in added:
            moved[id(change)] = added.pop(change.old_blob)
    if not moved:
        return changes
    taken = {id(a) for a in moved.values()}
    return [
        FileChange(c.old_path, moved[id(c)].new_path, "renamed", c.old_blob, moved[id(c)].new_blob) if id(c) in moved else c
        for c in changes
        if id(c) not in taken
    ]


def _renamed_to_the_same_name(changes: list[FileChange]) -> list[FileChange]:
    """A file whose very content arrived at several new paths, renamed to the one that keeps its name.

    Git pairs a file moved unchanged with one of the paths its content arrived at and calls the
    others added, whatever their names: SLSA moved ``docs/spec/draft/build-env-track-basics.md``
    to ``spec/`` and added a copy as ``spec/attested-build-env-levels.md``, git paired the move
    with the copy, and the page that only moved read as 135 clauses added. The path with the old
    file's name is the move, and the other one the copy.

    >>> a, none = "a" * 40, "0" * 40
    >>> raw = f":100644 100644 {a} {a} R100\\0draft/x.md\\0spec/copy.md\\0:000000 100644 {none} {a} A\\0spec/x.md\\0"
    >>> for change in _parse_raw_diff(raw):
    ...     print(change.old_path, change.new_path, change.status)
    draft/x.md spec/x.md renamed
    None spec/copy.md added
    """
    added_by_name = {
        (c.new_blob, posixpath.basename(c.new_path)): c for c in changes if c.status == "added" and c.new_blob and c.new_path
    }
    swapped: dict[int, FileChange] = {}
    for change in changes:
        blob = change.new_blob
        if change.status != "renamed" or blob is None or change.old_blob != blob or not change.old_path or not change.new_path:
            continue  # not a file moved unchanged
        name = posixpath.basename(change.old_path)
        same_name = added_by_name.get((blob, name))
        if name == posixpath.basename(change.new_path) or same_name is None or id(same_name) in swapped:
            continue
        swapped[id(change)] = replace(change, new_path=same_name.new_path)
        swapped[id(same_name)] = replace(same_name, new_path=change.new_path)
    return [swapped.get(id(c), c) for c in changes]


def _with_twins_moved_along(changes: list[FileChange]) -> list[FileChange]:
    """Each deleted file whose very content arrived at another path in the same change, as a rename to there.

    Two identical files that become one are two renames into one file, but git pairs only one of
    them: LSP moved 3.17's message files into ``_includes/`` and deleted 3.18's byte-identical
    copies (both versions now include the shared file), and 89 clauses of those copies read as
    removed, 8 of them breaking. An empty file is no one's twin.

    >>> a, none = "a" * 40, "0" * 40
    >>> raw = f":100644 100644 {a} {a} R100\\0v1/x.md\\0shared/x.md\\0:100644 000000 {a} {none} D\\0v2/x.md\\0"
    >>> for change in _parse_raw_diff(raw):
    ...     print(change.old_path, change.new_path, change.status)
    v1/x.md shared/x.md renamed
    v2/x.md shared/x.md renamed
    """
    arrived = {
        c.new_blob: c.new_path
        for c in changes
        if c.status in ("renamed", "added") and c.new_blob and c.new_path and c.new_blob not in EMPTY_BLOBS
    }
    if not arrived:
        return changes
    return [
        FileChange(c.old_path, arrived[c.old_blob], "renamed", c.old_blob, c.old_blob)
        if c.status == "deleted" and c.old_blob in arrived
        else c
        for c in changes
    ]


def _first_line(text: str | None) -> str:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return lines[0].removeprefix("stderr: ").strip("'") if lines else "unknown error"
