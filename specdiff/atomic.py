"""Writing a file so that a crash leaves the old content or the new, never half of either."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it over ``path``.

    The file keeps its permissions; a new one gets what a plain ``open()``
    would have given it. If the rename fails the temporary file is removed.
    """
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with tempfile.NamedTemporaryFile("w", dir=path.parent, prefix=f".{path.name}.", delete=False, encoding="utf-8") as file:
        file.write(text)
    try:
        os.chmod(file.name, mode)
        os.replace(file.name, path)
    except OSError:
        os.unlink(file.name)
        raise
