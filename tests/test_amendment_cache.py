"""The amendment cache under ``.git/specdiff/amendments``, through the CLI: a rerun aligns nothing and
prints the same; any setting that changes the result, a damaged entry, a move between files or the
working tree makes it work again."""

from __future__ import annotations

import shutil

import pytest

import specdiff.align as align
import specdiff.amendment_cache as amendment_cache
import specdiff.amendments as amendments
from specdiff.config import Config
from specdiff.repo import FileChange

SPEC_V1 = """\
# Rules {#rules}

The assistant should be brief.

The kiosk replies that the rider MUST wait 5 minutes.

# Scope {#scope}

Questions about cards and loans.
"""
SPEC_V2 = SPEC_V1.replace("should", "must").replace("5 minutes", "10 minutes")
MOVED_CLAUSE = "Staff keep a written record of every card they replace, with the date and the reason given."


@pytest.fixture
def work(monkeypatch):
    """How many times the diff aligned a file pair and read the amendments of one."""
    calls = {"align": 0, "amendments": 0}
    real_align, real_amendments = align.align_documents, amendments.amendments_from

    def aligning(*args, **kwargs):
        calls["align"] += 1
        return real_align(*args, **kwargs)

    def reading(*args, **kwargs):
        calls["amendments"] += 1
        return real_amendments(*args, **kwargs)

    monkeypatch.setattr(align, "align_documents", aligning)
    monkeypatch.setattr(amendments, "amendments_from", reading)
    return calls


@pytest.fixture
def two_versions(spec_repo):
    spec_repo.commit("first", {"spec.md": SPEC_V1})
    spec_repo.commit("stricter", {"spec.md": SPEC_V2})
    return spec_repo


def kept(repo) -> list:
    folder = repo.path / ".git" / "specdiff" / "amendments"
    return sorted(folder.iterdir()) if folder.exists() else []


def run(specdiff, repo, *args: str) -> str:
    result = specdiff("-C", repo.path, *args)
    assert result.code == 0, result.err
    return result.out


def fresh(specdiff, repo, *args: str) -> str:
    """The output with nothing kept: what the cache must reproduce."""
    shutil.rmtree(repo.path / ".git" / "specdiff", ignore_errors=True)
    return run(specdiff, repo, *args)


def test_a_second_diff_aligns_nothing_and_prints_the_same(two_versions, specdiff, work):
    for output in (("--format", "json"), ("--color", "never")):
        first = fresh(specdiff, two_versions, "HEAD~1", "HEAD", *output)
        assert work == {"align": 1, "amendments": 1}
        assert len(kept(two_versions)) == 1
        work.update(align=0, amendments=0)
        assert run(specdiff, two_versions, "HEAD~1", "HEAD", *output) == first
        assert work == {"align": 0, "amendments": 0}, "the kept comparison answers"
        work.update(align=0, amendments=0)


def test_the_capitals_mode_is_part_of_the_key(two_versions, specdiff, work):
    for setting in ("true", "false"):
        two_versions.write("specdiff.toml", f"[semantics]\ncapitals = {setting}\n")
        expected = fresh(specdiff, two_versions, "HEAD~1", "HEAD", "--format", "json")
        two_versions.write("specdiff.toml", f"[semantics]\ncapitals = {'false' if setting == 'true' else 'true'}\n")
        run(specdiff, two_versions, "HEAD~1", "HEAD", "--format", "json")  # keeps the other mode's reading
        two_versions.write("specdiff.toml", f"[semantics]\ncapitals = {setting}\n")
        work.update(align=0, amendments=0)
        assert run(specdiff, two_versions, "HEAD~1", "HEAD", "--format", "json") == expected
        assert work["align"] == 0, "both modes are kept, each under its own key"
    assert len(kept(two_versions)) == 2


def test_other_requirement_ids_miss_the_cache(two_versions, specdiff, work):
    run(specdiff, two_versions, "HEAD~1", "HEAD", "--format", "json")
    two_versions.write("specdiff.toml", 'requirement_ids = ["\\\\bRULE-\\\\d+\\\\b"]\n')
    work.update(align=0, amendments=0)
    run(specdiff, two_versions, "HEAD~1", "HEAD", "--format", "json")
    assert work == {"align": 1, "amendments": 1}
    assert len(kept(two_versions)) == 2


def test_a_damaged_entry_is_compared_again(two_versions, specdiff, work):
    first = fresh(specdiff, two_versions, "HEAD~1", "HEAD", "--format", "json")
    for entry in kept(two_versions):
        entry.write_bytes(b"not a pickle")
    work.update(align=0, amendments=0)
    assert run(specdiff, two_versions, "HEAD~1", "HEAD", "--format", "json") == first
    assert work == {"align": 1, "amendments": 1}


def test_the_working_tree_is_never_kept(two_versions, specdiff, work):
    two_versions.write("spec.md", SPEC_V2.replace("brief", "short"))
    run(specdiff, two_versions, "HEAD", "--format", "json")
    run(specdiff, two_versions, "HEAD", "--format", "json")
    assert work == {"align": 2, "amendments": 2}
    assert kept(two_versions) == []


def test_a_clause_moved_between_files_is_read_again_with_the_move(spec_repo, specdiff, work):
    cards, loans = "# Cards\n\nCards are free.\n", "# Loans\n\nLoans last a week.\n"
    spec_repo.commit("first", {"a.md": f"{cards}\n{MOVED_CLAUSE}\n", "b.md": loans})
    spec_repo.commit("moved", {"a.md": cards, "b.md": f"{loans}\n{MOVED_CLAUSE}\n"})
    first = fresh(specdiff, spec_repo, "HEAD~1", "HEAD", "--format", "json")
    assert '"kind": "moved"' in first
    work.update(align=0, amendments=0)
    written = {entry.name: entry.stat().st_ino for entry in kept(spec_repo)}
    assert run(specdiff, spec_repo, "HEAD~1", "HEAD", "--format", "json") == first
    assert work == {"align": 0, "amendments": 2}, "the alignments are kept; the amendments depend on the other file"
    assert {entry.name: entry.stat().st_ino for entry in kept(spec_repo)} == written, "nothing new to keep: not written again"


def test_the_key_names_everything_that_shapes_a_comparison(monkeypatch):
    change = FileChange("spec.md", "spec.md", "modified", "a" * 40, "b" * 40)
    key = amendment_cache.pair_key(change, Config(capitals=False))
    assert key != amendment_cache.pair_key(change, Config(capitals=True))
    assert key != amendment_cache.pair_key(change, Config(capitals=False, max_file_bytes=10))
    renamed = FileChange("spec.md", "other.md", "renamed", "a" * 40, "b" * 40)
    assert key != amendment_cache.pair_key(renamed, Config(capitals=False))
    assert amendment_cache.pair_key(FileChange("spec.md", "spec.md", "modified", "a" * 40, None), Config()) is None
    monkeypatch.setattr(amendment_cache, "_code_version", lambda: "another specdiff")
    assert key != amendment_cache.pair_key(change, Config(capitals=False)), "a change to the code is a miss"
