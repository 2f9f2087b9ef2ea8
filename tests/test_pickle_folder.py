"""The folder under the parse and amendment caches when it cannot be written: what it holds is still read,
and a failed write leaves no temporary file behind."""

from __future__ import annotations

import errno
import subprocess
import sys

import specdiff.pickle_folder as pickle_folder
from specdiff.pickle_folder import PickleFolder


def test_a_read_only_folder_is_still_read(tmp_path, monkeypatch):
    folder = PickleFolder(tmp_path / "cache", 1 << 20)
    folder.put("key", {"clauses": 3})

    def read_only_mount(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    # Marking an entry recently used writes its time: on a read-only mount that fails (root ignores chmod).
    monkeypatch.setattr(pickle_folder.os, "utime", read_only_mount)
    assert PickleFolder(tmp_path / "cache", 1 << 20).get("key") == {"clauses": 3}


FULL_DISK = """
import os, pathlib, resource, signal, sys
from specdiff.pickle_folder import PickleFolder

# Writes past 1,000 bytes fail with EFBIG, as on a full disk (the signal is ignored so it is an error).
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (1000, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
folder = PickleFolder(pathlib.Path(sys.argv[1]), 1 << 20)
folder.put("small", "kept")
folder.put("large", "x" * 10_000)
assert sorted(os.listdir(sys.argv[1])) == ["small"], os.listdir(sys.argv[1])
assert folder.get("small") == "kept"
folder.put("another", "not tried again")
assert sorted(os.listdir(sys.argv[1])) == ["small"], os.listdir(sys.argv[1])
"""


def test_a_failed_write_leaves_no_temporary_file_and_reading_goes_on(tmp_path):
    # In a process of its own: the file-size limit would also stop pytest writing its own output.
    run = subprocess.run([sys.executable, "-c", FULL_DISK, str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
