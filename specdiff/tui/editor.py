"""Open a spec file at an amendment's line in the reviewer's ``$EDITOR``.

>>> editor_command("vim", "spec/a.md", 75)
['vim', '+75', 'spec/a.md']
>>> editor_command("code --wait", "spec/a.md", 75)
['code', '--wait', '--goto', 'spec/a.md:75']
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path

from specdiff.model import Amendment

GOTO_FLAG = {"code": "--goto", "code-insiders": "--goto", "codium": "--goto", "subl": None, "zed": None}
"""Editors that take ``path:line`` instead of ``+LINE path`` (with the flag that asks for it, if any)."""


def editor_command(editor: str, path: str | os.PathLike[str], line: int) -> list[str]:
    """``$EDITOR`` split as a shell would, then the file at ``line``.

    ``+LINE path`` is understood by vi, vim, nvim, nano, emacs, micro and kak;
    a few graphical editors want ``path:line`` instead.
    """
    words = shlex.split(editor)
    program = Path(words[0]).name if words else ""
    if program in GOTO_FLAG:
        flag = GOTO_FLAG[program]
        return [*words, *([flag] if flag else []), f"{path}:{line}"]
    return [*words, f"+{line}", str(path)]


def editor_target(amendment: Amendment) -> tuple[str, int]:
    """The file and line to open: where the amendment now is, or where it was if it is gone."""
    side = amendment.new or amendment.old
    return side[0].path, side[0].lines[0]
