"""specdiff as a whole process (``python -m specdiff``), which ends without the interpreter's
teardown (``cli._exit_now``): everything it writes still arrives, with the same exit code as
``main([...])`` run in-process, and a reader that stops early still ends it quietly."""

from __future__ import annotations

import subprocess
import sys

import pytest

# A few hundred changed clauses: more output than a pipe holds (64 KB), so that a reader
# that stops early leaves the process with output it cannot write.
BEFORE = "# Spec\n\n" + "".join(f"## Part {i}\n\nThe server must send reply {i} within {i} seconds.\n\n" for i in range(300))
AFTER = BEFORE.replace("must send", "should send")


@pytest.fixture(autouse=True)
def buffered_output(monkeypatch: pytest.MonkeyPatch) -> None:
    """Output buffered as a user's Python buffers it (some shells and CI set PYTHONUNBUFFERED)."""
    monkeypatch.delenv("PYTHONUNBUFFERED", raising=False)


def _process(repo, *argv: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "specdiff", "-C", str(repo.path), *argv], capture_output=True, timeout=120)


def test_the_process_writes_all_the_output_main_returns(spec_repo, specdiff):
    spec_repo.commit("first", {"spec.md": BEFORE})
    spec_repo.commit("second", {"spec.md": AFTER})
    spec_repo.commit("third", {"spec.md": AFTER.replace("send reply 7 ", "send answer 7 ")})
    # large output, written through at once; small output that stays in Python's buffer
    # until the process ends (`log` does not flush its own)
    for argv in (
        ["HEAD~2", "HEAD~1", "--format", "json"],
        ["HEAD~1", "--color", "never"],
        ["log", "-n", "1", "--color", "never"],
    ):
        in_process = specdiff("-C", spec_repo.path, *argv)
        done = _process(spec_repo, *argv)
        assert done.stdout
        assert (done.returncode, done.stdout.decode(), done.stderr.decode()) == (in_process.code, in_process.out, in_process.err)


def test_the_process_exits_with_mains_code_on_bad_input(spec_repo, specdiff):
    spec_repo.commit("first", {"spec.md": BEFORE})
    in_process = specdiff("-C", spec_repo.path, "no-such-revision")
    done = _process(spec_repo, "no-such-revision")
    assert in_process.code == 2
    assert (done.returncode, done.stdout.decode(), done.stderr.decode()) == (2, "", in_process.err)


def test_a_reader_that_stops_early_ends_the_process_quietly(spec_repo):
    spec_repo.commit("first", {"spec.md": BEFORE})
    spec_repo.commit("second", {"spec.md": AFTER})
    command = [sys.executable, "-m", "specdiff", "-C", str(spec_repo.path), "HEAD~1", "--format", "json"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.read(100).startswith(b"{")
    process.stdout.close()  # as `specdiff ... | head -c 100` does
    assert process.stderr.read() == b""
    assert process.wait(timeout=120) == 0
