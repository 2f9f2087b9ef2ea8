"""``specdiff.lock``: round trip, stable sorted bytes, atomic writes, and damaged files that are errors, never overwritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from specdiff.check import stamp
from specdiff.errors import SpecdiffError
from specdiff.lockfile import LOCK_NAME, VERSION, Lock, Stamp, read_lock, write_lock

LOCK = Lock(
    {
        "eval:evals/holds.jsonl#hold-ready": Stamp("b" * 40, {"spec/lending.md#holds": ("fp1", "fp2")}),
        "artifact:src/renewals.py": Stamp(
            "a" * 40, {"spec/lending.md#renewals": ("fp3",), "spec/lending.md#holds": ("fp2", "fp1")}
        ),
        "artifact:generated/prompt.txt": Stamp(None, {}),
    }
)


def test_round_trip_keeps_every_stamp(tmp_path):
    path = tmp_path / LOCK_NAME
    write_lock(path, LOCK)
    assert read_lock(path) == LOCK


def test_missing_lock_reads_as_none(tmp_path):
    assert read_lock(tmp_path / LOCK_NAME) is None


def test_keys_are_sorted_and_lists_keep_document_order(tmp_path):
    path = tmp_path / LOCK_NAME
    write_lock(path, LOCK)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == VERSION
    assert list(data) == sorted(data), "top-level keys sorted"
    assert list(data["outputs"]) == sorted(data["outputs"]), "outputs sorted"
    inputs = data["outputs"]["artifact:src/renewals.py"]["inputs"]
    assert list(inputs) == sorted(inputs), "sections sorted"
    assert inputs["spec/lending.md#holds"] == ["fp2", "fp1"], "fingerprints stay in the order given (document order)"


def test_rewrite_gives_the_same_bytes(tmp_path):
    path = tmp_path / LOCK_NAME
    write_lock(path, LOCK)
    first = path.read_bytes()
    write_lock(path, read_lock(path))
    assert path.read_bytes() == first, "reading and writing back must not change a byte"
    assert first.endswith(b"\n") and not first.endswith(b"\n\n")


def test_insertion_order_does_not_change_the_bytes(tmp_path):
    reversed_lock = Lock(dict(reversed(list(LOCK.stamps.items()))))
    write_lock(tmp_path / "a.lock", LOCK)
    write_lock(tmp_path / "b.lock", reversed_lock)
    assert (tmp_path / "a.lock").read_bytes() == (tmp_path / "b.lock").read_bytes()


def test_atomic_write_leaves_no_temporary_files(tmp_path):
    path = tmp_path / LOCK_NAME
    write_lock(path, LOCK)
    write_lock(path, Lock())
    assert sorted(p.name for p in tmp_path.iterdir()) == [LOCK_NAME]


def test_failed_replace_keeps_the_old_lock(tmp_path, monkeypatch):
    path = tmp_path / LOCK_NAME
    write_lock(path, LOCK)
    before = path.read_bytes()

    def crash(source, destination):
        raise OSError("disk full")

    monkeypatch.setattr("specdiff.atomic.os.replace", crash)
    with pytest.raises(OSError):
        write_lock(path, Lock())
    assert path.read_bytes() == before, "a crash leaves the old file"


def test_failed_replace_leaves_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / LOCK_NAME
    write_lock(path, LOCK)

    def crash(source, destination):
        raise OSError("disk full")

    monkeypatch.setattr("specdiff.atomic.os.replace", crash)
    with pytest.raises(OSError):
        write_lock(path, Lock())
    assert sorted(p.name for p in tmp_path.iterdir()) == [LOCK_NAME]


def test_rewrite_keeps_the_lock_readable_by_others(tmp_path):
    path = tmp_path / LOCK_NAME
    path.write_text("{}", encoding="utf-8")
    path.chmod(0o644)
    write_lock(path, LOCK)
    assert path.stat().st_mode & 0o777 == 0o644, f"mode became {oct(path.stat().st_mode & 0o777)}"


# -- damaged locks --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{not json", "not valid JSON (line 1"),
        ('{"version": "1", "outputs": {}}', 'expected "version": 1, found "1"'),
        ('{"outputs": {}}', 'expected "version": 1, found null'),
        ("[1, 2]", "not a specdiff lock file"),
        ('{"version": 1}', 'not a specdiff lock file (no "outputs")'),
        ('{"version": 1, "outputs": {"artifact:x": {"commit": null}}}', "not a specdiff lock file"),
    ],
    ids=["invalid-json", "wrong-version", "no-version", "a-list", "no-outputs", "no-inputs"],
)
def test_damaged_lock_is_a_helpful_error(tmp_path, text, expected):
    path = tmp_path / LOCK_NAME
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SpecdiffError) as caught:
        read_lock(path)
    message = str(caught.value)
    assert message.startswith(f"{LOCK_NAME} is "), message
    assert expected in message, message
    assert "specdiff stamp" in message, f"the message should say how to recover: {message}"


def test_lock_that_is_not_utf8_is_an_error(tmp_path):
    path = tmp_path / LOCK_NAME
    path.write_bytes(b"\xff\xfe{}")
    with pytest.raises(SpecdiffError, match=f"cannot read {LOCK_NAME}"):
        read_lock(path)


# -- stamp and a damaged lock ---------------------------------------------------------------------


@pytest.fixture
def stamped_repo(spec_repo):
    spec_repo.commit(
        "spec and one artifact",
        {
            "specdiff.toml": 'specs = ["spec/*.md"]\n',
            "spec/lending.md": "# Lending\n\n## Holds\n\nThe system must notify the patron.\n",
            "src/holds.py": "# specdiff: spec/lending.md#holds\n",
        },
    )
    return spec_repo


def test_stamp_refuses_to_overwrite_a_corrupt_lock(stamped_repo):
    path: Path = stamped_repo.path / LOCK_NAME
    path.write_text("{oops", encoding="utf-8")
    with pytest.raises(SpecdiffError) as caught:
        stamp(stamped_repo.path, [])
    assert "not valid JSON" in str(caught.value) and "--force" in str(caught.value), str(caught.value)
    assert path.read_text(encoding="utf-8") == "{oops", "the damaged lock must be left for the user to inspect"


def test_stamp_force_replaces_a_corrupt_lock(stamped_repo):
    path: Path = stamped_repo.path / LOCK_NAME
    path.write_text('{"version": 99, "outputs": {}}', encoding="utf-8")
    assert stamp(stamped_repo.path, [], force=True) == ["artifact:src/holds.py"]
    lock = read_lock(path)
    assert list(lock.stamps) == ["artifact:src/holds.py"], "the damaged content is replaced by a fresh stamp"
    assert list(lock.stamps["artifact:src/holds.py"].inputs) == ["spec/lending.md#holds"]


def test_stamp_records_head_commit_and_clause_fingerprints(stamped_repo):
    stamp(stamped_repo.path, [])
    entry = json.loads((stamped_repo.path / LOCK_NAME).read_text(encoding="utf-8"))["outputs"]["artifact:src/holds.py"]
    assert entry["commit"] == stamped_repo.git("rev-parse", "HEAD")
    assert list(entry["inputs"]) == ["spec/lending.md#holds"]
    assert len(entry["inputs"]["spec/lending.md#holds"]) == 1


def test_stamp_twice_gives_the_same_bytes(stamped_repo):
    stamp(stamped_repo.path, [])
    first = (stamped_repo.path / LOCK_NAME).read_bytes()
    stamp(stamped_repo.path, [])
    assert (stamped_repo.path / LOCK_NAME).read_bytes() == first
