"""Hostile files in a pull request: symbolic links out of the repository, specs that turn
unreadable to dodge the gate, Git LFS pointers, submodules, and odd lock and config files.

Each runs the real CLI on a real repository in a temporary folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import threading

import pytest
from helpers import assert_usage_error

SECRET = "AUTHORIZATION: basic c2VjcmV0LWZyb20tY2hlY2tvdXQ="
RULE_OLD = "# Rules {#rules}\n\nThe assistant must not share a patron's history.\n\n<!-- note -->\n"
RULE_NEW = "# Rules {#rules}\n\nThe assistant may share a patron's history.\n\n<!-- note -->\n"
PROMPT = "# specdiff: spec.md#rules\nYou are a librarian.\n"


# Symbolic links.

LINK_COMMANDS = {
    "diff": ["HEAD~1"],
    "diff-json": ["HEAD~1", "--format", "json"],
    "graph": ["graph", "--format", "json"],
    "coverage": ["coverage", "--show-uncovered"],
    "check": ["check"],
    "comment": ["comment", "HEAD~1"],
}


@pytest.fixture(params=["git-config", "outside-file", "linked-folder"])
def leaking_repo(request, spec_repo, tmp_path):
    """A pull request whose last commit adds a link to a secret outside the repository."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(f"# Secret\n\n{SECRET}\n")
    spec_repo.commit("first", {"spec/rules.md": RULE_OLD, "spec/linked/a.md": RULE_OLD, "prompt.txt": PROMPT})
    with open(spec_repo.path / ".git" / "config", "a") as config:  # as actions/checkout stores the token
        config.write(f'[http "https://github.com/"]\n\textraheader = {SECRET}\n')
    if request.param == "git-config":
        (spec_repo.path / "spec" / "leak.md").symlink_to("../.git/config")
    elif request.param == "outside-file":
        (spec_repo.path / "spec" / "leak.md").symlink_to(outside / "secret.md")
    spec_repo.commit("add a link")
    if request.param == "linked-folder":  # a tracked file reached through a folder swapped for a link
        for name in ("a.md",):
            (spec_repo.path / "spec" / "linked" / name).unlink()
        (spec_repo.path / "spec" / "linked").rmdir()
        (spec_repo.path / "spec" / "linked").symlink_to(outside)
        os.rename(outside / "secret.md", outside / "a.md")
    return spec_repo


@pytest.mark.parametrize("command", LINK_COMMANDS)
def test_a_link_out_of_the_repository_is_never_followed(leaking_repo, specdiff, command):
    result = specdiff(*LINK_COMMANDS[command], "-C", leaking_repo.path)
    assert "Traceback" not in result.err
    assert "c2VjcmV0" not in result.out and "c2VjcmV0" not in result.err


def test_a_committed_link_reads_as_its_link_text(spec_repo, specdiff_json):
    spec_repo.commit("first", {"spec/rules.md": RULE_OLD})
    (spec_repo.path / "spec" / "leak.md").symlink_to("../.git/config")
    spec_repo.git("add", "-A")
    data = specdiff_json("HEAD", "-C", spec_repo.path)
    texts = [c["text"] for f in data["files"] for a in f["amendments"] for c in a["new"]]
    assert texts == ["../.git/config"], "the link, as git stores it"


# The gate: a spec that turns unreadable is a breaking amendment.

UNREADABLE = {
    "nul-in-comment": lambda text: text.replace("note", "no\0te").encode(),
    "invalid-utf8": lambda text: text.encode().replace(b"Rules", b"Ru\xc3les"),
    "latin-1": lambda text: text.replace("Rules", "Règles").encode("latin-1"),
    "lfs-pointer": lambda text: b"version https://git-lfs.github.com/spec/v1\noid sha256:" + b"0" * 64 + b"\nsize 9\n",
}


@pytest.mark.parametrize("side", ["commit", "working-tree"])
@pytest.mark.parametrize("encode", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_a_spec_that_turns_unreadable_trips_every_fail_on_level(spec_repo, specdiff, encode, side, specdiff_json):
    spec_repo.commit("first", {"spec.md": RULE_OLD, "prompt.txt": PROMPT})
    spec_repo.write("spec.md", encode(RULE_NEW))
    revisions = ["HEAD"]
    if side == "commit":
        spec_repo.commit("re-encoded")
        revisions = ["HEAD~1", "HEAD"]
    for level in ("editorial", "substantive", "breaking", "stale"):
        assert specdiff(*revisions, "--fail-on", level, "-C", spec_repo.path).code == 1, level
    data = specdiff_json(*revisions, "-C", spec_repo.path)
    [amendment] = [a for f in data["files"] for a in f["amendments"]]
    assert (amendment["unit"], amendment["kind"], amendment["severity"]) == ("file", "unreadable", "breaking")
    comment = specdiff("comment", *revisions, "--fail-on", "breaking", "-C", spec_repo.path)
    assert comment.code == 1 and "🔴 Breaking** · unreadable · `spec.md`" in comment.out
    assert "can no longer be read as text" in comment.out


def test_an_lfs_pointer_is_reported_as_such(spec_repo, specdiff):
    spec_repo.commit("first", {"spec.md": RULE_OLD})
    spec_repo.commit("to LFS", {"spec.md": UNREADABLE["lfs-pointer"]("")})
    result = specdiff("HEAD~1", "HEAD", "-C", spec_repo.path)
    assert "Git LFS pointer" in result.out and "git lfs pull" in result.out


DECODABLE = {
    "utf-16-bom": lambda text: text.encode("utf-16"),
    "utf-16-be-bom": lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
    "utf-16-no-bom": lambda text: text.encode("utf-16-le"),
    "utf-8-bom": lambda text: b"\xef\xbb\xbf" + text.encode(),
    "utf-32-bom": lambda text: text.encode("utf-32"),
}


@pytest.mark.parametrize("encode", DECODABLE.values(), ids=DECODABLE.keys())
def test_a_re_encoded_spec_is_read_and_compared(spec_repo, specdiff, encode):
    spec_repo.commit("first", {"spec.md": RULE_OLD})
    spec_repo.commit("re-encoded", {"spec.md": encode(RULE_NEW)})
    result = specdiff("HEAD~1", "HEAD", "--fail-on", "breaking", "-C", spec_repo.path)
    assert result.code == 1 and "modality: must not → may (reversed)" in result.out


def test_a_spec_unreadable_on_both_sides_is_a_warning(spec_repo, specdiff):
    spec_repo.commit("first", {"spec.md": b"\x80\x81 binary", "other.md": "# A\n\nText.\n"})
    spec_repo.commit("second", {"spec.md": b"\x80\x82 binary"})
    result = specdiff("HEAD~1", "HEAD", "--fail-on", "breaking", "-C", spec_repo.path)
    assert result.code == 0 and "spec.md" in result.err and "skipped" in result.err


# Repositories.


def test_a_submodule_under_the_spec_globs_is_left_out(spec_repo, specdiff, tmp_path):
    inner = tmp_path / "inner"
    inner.mkdir()
    subprocess.run(["git", "init", "-q", str(inner)], check=True)
    (inner / "a.md").write_text("# A\n")
    subprocess.run(["git", "-C", str(inner), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(inner), "commit", "-qm", "a"], check=True)
    spec_repo.commit("first", {"spec.md": RULE_OLD})
    spec_repo.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", str(inner), "sub.md")
    spec_repo.commit("submodule", {"spec.md": RULE_NEW})
    result = specdiff("HEAD~1", "HEAD", "-C", spec_repo.path)
    assert result.code == 0 and "sub.md" not in result.out and "Traceback" not in result.err


@pytest.mark.parametrize("command", [["log"], ["blame", "spec.md"], []])
def test_an_empty_repository_is_one_line(spec_repo, specdiff, command):
    assert_usage_error(specdiff(*command, "-C", spec_repo.path), "no commits yet")


def test_a_missing_object_is_one_line(spec_repo, specdiff):
    spec_repo.commit("first", {"spec.md": RULE_OLD})
    spec_repo.commit("second", {"spec.md": RULE_NEW})
    blob = spec_repo.git("rev-parse", "HEAD~1:spec.md")
    (spec_repo.path / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    assert_usage_error(specdiff("log", "-C", spec_repo.path), "missing")


def test_a_missing_object_outside_the_compared_specs_is_no_obstacle(spec_repo, specdiff):
    # A trimmed clone lacks a large binary; `git ls-tree -l` then lists its size as "BAD".
    spec_repo.commit("first", {"spec.md": RULE_OLD, "lib/tool.jar": "binary stand-in"})
    spec_repo.commit("second", {"spec.md": RULE_NEW, "lib/tool.jar": "binary stand-in"})
    blob = spec_repo.git("rev-parse", "HEAD:lib/tool.jar")
    (spec_repo.path / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    run = specdiff("HEAD~1", "HEAD", "--format", "json", "-C", spec_repo.path)
    assert run.code == 0 and "Traceback" not in run.err, run.err
    assert json.loads(run.out)["summary"]["amendments"] >= 1


# Config and lock.

CONFIGS = {
    "nested": "a = " + "[" * 50_000 + "]" * 50_000 + "\n",
    "huge-number": "max_file_bytes = " + "9" * 5001 + "\n",
    "catastrophic-pattern": 'requirement_ids = ["(?<=x)(a+)+$"]\n',
}


@pytest.mark.parametrize("text", CONFIGS.values(), ids=CONFIGS.keys())
def test_a_hostile_config_is_one_line(spec_repo, specdiff, text):
    spec_repo.commit("first", {"spec.md": RULE_OLD, "specdiff.toml": text})
    assert_usage_error(specdiff("HEAD", "-C", spec_repo.path), "specdiff.toml")


def test_a_nested_quantifier_pattern_runs_in_linear_time(spec_repo, specdiff):
    spec_repo.commit("first", {"spec.md": RULE_OLD, "specdiff.toml": 'requirement_ids = ["(a+)+$"]\n'})
    spec_repo.write("spec.md", RULE_OLD + "\n" + "a" * 40_000 + "!\n")
    result = specdiff("HEAD", "-C", spec_repo.path)  # with Python's re this would not end
    assert result.code == 0 and "1 amendment" in result.out


LOCKS = {
    "nested": lambda path: path.write_text('{"outputs": ' + "[" * 50_000 + "]" * 50_000 + "}"),
    "huge-number": lambda path: path.write_text('{"version": ' + "9" * 5001 + ', "outputs": {}}'),
    "directory": lambda path: path.mkdir(),
    "fifo": lambda path: os.mkfifo(path),
    "link": lambda path: path.symlink_to("/etc/hostname"),
}


@pytest.mark.parametrize("command", [["check"], ["stamp"]])
@pytest.mark.parametrize("make", LOCKS.values(), ids=LOCKS.keys())
def test_a_hostile_lock_is_one_line_and_leaves_nothing_behind(spec_repo, specdiff, make, command):
    spec_repo.commit("first", {"spec.md": RULE_OLD, "prompt.txt": PROMPT})
    make(spec_repo.path / "specdiff.lock")
    assert_usage_error(specdiff(*command, "-C", spec_repo.path), "specdiff.lock")
    assert not [p for p in spec_repo.path.iterdir() if p.name.startswith(".specdiff.lock.")]


def test_a_lock_over_the_size_cap_is_refused(spec_repo, specdiff, monkeypatch):
    monkeypatch.setattr("specdiff.lockfile.MAX_LOCK_BYTES", 1000)
    spec_repo.commit("first", {"spec.md": RULE_OLD, "specdiff.lock": json.dumps({"version": 1, "outputs": {}}) + " " * 2000})
    assert_usage_error(specdiff("check", "-C", spec_repo.path), "over")


def test_a_full_disk_leaves_no_temporary_file(tmp_path, monkeypatch):
    from specdiff.atomic import write_text_atomically

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", full)
    with pytest.raises(OSError):
        write_text_atomically(tmp_path / "specdiff.lock", "{}")
    assert list(tmp_path.iterdir()) == []


# Concurrent runs.


def test_two_stamps_at_once_lose_no_entry(spec_repo, specdiff):
    files = {"spec.md": RULE_OLD, **{f"out/{n}.txt": PROMPT for n in range(6)}}
    spec_repo.commit("first", files)
    from specdiff.check import stamp

    threads = [threading.Thread(target=stamp, args=(spec_repo.path, [str(spec_repo.path / f"out/{n}.txt")])) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lock = json.loads((spec_repo.path / "specdiff.lock").read_text())
    assert sorted(lock["outputs"]) == [f"artifact:out/{n}.txt" for n in range(6)]


def test_a_locked_history_database_is_waited_for_not_set_aside(spec_repo, specdiff, monkeypatch):
    import sqlite3

    spec_repo.commit("first", {"spec.md": RULE_OLD})
    spec_repo.commit("second", {"spec.md": RULE_NEW})
    assert specdiff("log", "-C", spec_repo.path).code == 0
    database = spec_repo.path / ".git" / "specdiff" / "history.sqlite"
    monkeypatch.setattr("specdiff.history_cache.BUSY_TIMEOUT_SECONDS", 0.1)
    holder = sqlite3.connect(database)
    holder.execute("BEGIN EXCLUSIVE")  # another run writing
    try:
        spec_repo.commit("third", {"spec.md": RULE_NEW + "\nMore.\n"})
        result = specdiff("log", "-C", spec_repo.path)
    finally:
        holder.rollback()
        holder.close()
    assert result.code == 0 and "Traceback" not in result.err
    assert database.exists() and not database.with_name("history.sqlite.damaged").exists()


def test_reviewed_marks_merge_per_entry(tmp_path):
    from specdiff.tui.reviewed import load_marks, set_reviewed

    first, second = load_marks(tmp_path), load_marks(tmp_path)
    set_reviewed(first, "aaaa", True)
    set_reviewed(second, "bbbb", True)  # a second window, opened before the first mark
    set_reviewed(first, "bbbb", False)  # the first window unticks what the second ticked
    set_reviewed(second, "cccc", True)  # the second window must not bring "bbbb" back
    assert sorted(load_marks(tmp_path).marked) == ["aaaa", "cccc"]


@pytest.mark.parametrize("command", [["log"], ["blame", "spec.md"]])
def test_a_shallow_clone_says_where_history_is_cut(spec_repo, specdiff, tmp_path, command):
    from helpers import shallow_clone

    for n in range(3):
        spec_repo.commit(f"c{n}", {"spec.md": RULE_OLD + f"\nRule {n} must hold.\n"})
    clone = shallow_clone(spec_repo.path, tmp_path / "shallow")
    result = specdiff(*command, "-C", clone)
    assert result.code == 0 and "shallow clone: history is cut here" in result.out
    assert "shallow clone" not in specdiff(*command, "-C", spec_repo.path).out


@pytest.mark.parametrize("command", [[], ["--format", "json"], ["comment"]])
def test_a_spec_swapped_for_a_link_in_the_working_tree_is_not_followed(spec_repo, specdiff, tmp_path, command):
    secret = tmp_path / "secret.md"
    secret.write_text(f"# Secret\n\n{SECRET}\n")
    spec_repo.commit("first", {"spec/rules.md": RULE_OLD})
    (spec_repo.path / "spec" / "rules.md").unlink()
    (spec_repo.path / "spec" / "rules.md").symlink_to(secret)
    result = specdiff(*command, "-C", spec_repo.path)
    assert "c2VjcmV0" not in result.out + result.err and "Traceback" not in result.err
    assert str(secret) in result.out, "the link is compared as its link text"
