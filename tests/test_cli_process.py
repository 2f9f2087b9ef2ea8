"""specdiff as a whole process (``python -m specdiff``), which ends without the interpreter's
teardown (``cli._exit_now``): everything it writes still arrives, with the same exit code as
``main([...])`` run in-process, and a reader that stops early still ends it quietly."""

from __future__ import annotations

import subprocess
import sys

# A few hundred changed clauses: many times Python's output buffer (8 KB), and for JSON more
# than a pipe holds (64 KB), so text left unflushed when the process ended would be missed.
BEFORE = "# Spec\n\n" + "".join(f"## Part {i}\n\nThe server must send reply {i} within {i} seconds.\n\n" for i in range(300))
AFTER = BEFORE.replace("must send", "should send")


def _process(repo, *argv: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "specdiff", "-C", str(repo.path), *argv], capture_output=True, timeout=120)


def test_the_process_writes_all_the_output_main_returns(spec_repo, specdiff):
    spec_repo.commit("first", {"spec.md": BEFORE})
    spec_repo.commit("second", {"spec.md": AFTER})
    for argv in (["HEAD~1", "--format", "json"], ["HEAD~1", "--color", "never"]):
        in_process = specdiff("-C", spec_repo.path, *argv)
        done = _process(spec_repo, *argv)
        assert len(done.stdout) > 8192
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
