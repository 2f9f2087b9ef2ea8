"""Open a spec file at an amendment's line in the reviewer's ``$EDITOR``.

The line belongs to one revision: the new side's for a clause that is still
there, the old side's for one that is gone. That revision's text is what must
be opened. When it is the working tree, the reviewer edits the file itself;
when it is a commit, the working tree has often moved on (reviewing
``HEAD~4 HEAD~3``, the clause at line 4140 was at 4020 in the working tree), so
a read-only copy of the file at that commit is opened instead.

>>> editor_command("vim", "spec/a.md", 75)
['vim', '+75', 'spec/a.md']
>>> editor_command("code --wait", "spec/a.md", 75)
['code', '--wait', '--goto', 'spec/a.md:75']
"""

from __future__ import annotations

import os
import shlex
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

from specdiff.atomic import write_text_atomically
from specdiff.errors import SpecdiffError
from specdiff.model import Amendment, Revision, SpecDiff
from specdiff.repo import Repository

GOTO_FLAG = {"code": "--goto", "code-insiders": "--goto", "codium": "--goto", "subl": None, "zed": None}
"""Editors that take ``path:line`` instead of ``+LINE path`` (with the flag that asks for it, if any)."""

COPIES = "review-files"
"""Folder under the repository's state folder (``.git/specdiff``) for read-only copies, by commit."""


def editor_command(editor: str, path: str | os.PathLike[str], line: int) -> list[str]:
    """``$EDITOR`` split as a shell would, then the file at ``line``.

    ``+LINE path`` is understood by vi, vim, nvim, nano, emacs, micro and kak;
    a few graphical editors want ``path:line`` instead. Raises ``ValueError``
    for a setting a shell could not split (an unclosed quote).
    """
    words = shlex.split(editor)
    program = Path(words[0]).name if words else ""
    if program in GOTO_FLAG:
        flag = GOTO_FLAG[program]
        return [*words, *([flag] if flag else []), f"{path}:{line}"]
    return [*words, f"+{line}", str(path)]


def missing_program(command: list[str]) -> str | None:
    """The editor's program when it cannot be started (not on ``PATH``, not executable), else ``None``.

    Checked before the app hands the terminal over: an editor that fails to
    start leaves nothing on screen to say why.
    """
    program = command[0] if command else ""
    return None if program and shutil.which(program) else program or "(empty)"


@dataclass(frozen=True)
class Target:
    """Where ``o`` goes: an amendment's path and first line on one side, in one revision."""

    path: str
    line: int
    revision: Revision
    """The new side's revision for a clause still there, the old side's for one that is gone."""


def editor_target(diff: SpecDiff, amendment: Amendment) -> Target:
    """The file and line to open: where the amendment now is, or where it was if it is gone."""
    side, revision = (amendment.new, diff.head) if amendment.new else (amendment.old, diff.base)
    return Target(side[0].path, side[0].lines[0], revision)


def file_to_open(target: Target, repository: Path, state_dir: Path | None) -> Path:
    """The working-tree file when the target's revision is the working tree, else a read-only
    copy of the file at that commit (kept under ``state_dir``). Raises :class:`SpecdiffError`
    when there is no such file."""
    commit = target.revision.commit
    if commit is None:
        path = repository / target.path
        if not path.is_file():
            raise SpecdiffError(f"{target.path} is not in the working tree")
        return path
    if state_dir is None:
        raise SpecdiffError(f"no state folder to keep a copy of {target.path} at {target.revision.label} in")
    copy = state_dir / COPIES / commit[:12] / target.path
    if not copy.is_file():
        with Repository(repository) as repo:
            text = repo.read(commit, target.path).decode("utf-8", errors="replace")
        copy.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomically(copy, text)
        copy.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # the copy is history: editing it changes nothing
    return copy
