"""The real CLI on the bundled sample repository: every amendment kind it was written to show.

Each revision of ``sample_repo/revisions`` makes one deliberate change; these
tests diff it against its parent through ``specdiff A B --format json``.
"""

from __future__ import annotations

import json
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from helpers import has_effect

from specdiff.sample import FIRST_COMMIT_DATE, sample_revisions

_DIFFS: dict[tuple[str, int], dict] = {}
"""Diffs already run, by sample folder and revision: several tests read the same one."""


@pytest.fixture
def diff_of(sample_repo, specdiff_json):
    """``diff_of(k)``: the JSON of sample revision k (1-based, as the folder names) against k-1."""
    path, commits = sample_repo

    def run(k: int) -> dict:
        key = (str(path), k)
        if key not in _DIFFS:
            _DIFFS[key] = specdiff_json("-C", path, commits[k - 2], commits[k - 1])
        return _DIFFS[key]

    return run


def amendments(data: dict, unit: str = "clause") -> list[dict]:
    return [a for f in data["files"] for a in f["amendments"] if a["unit"] == unit]


def only(items: list[dict]) -> dict:
    assert len(items) == 1, f"expected exactly one, got {[(a['kind'], a['word_diff']) for a in items]}"
    return items[0]


def effect_types(amendment: dict) -> list[str]:
    return [e["type"] for e in amendment["effects"]]


def test_each_revision_folder_is_one_commit_with_its_message_a_day_apart(sample_repo):
    path, commits = sample_repo
    revisions = sample_revisions()
    log = subprocess.run(
        ["git", "-C", str(path), "log", "--reverse", "--format=%H%x00%aI%x00%B%x01"],
        check=True, capture_output=True, text=True,
    ).stdout
    entries = [entry.strip("\n").split("\0") for entry in log.split("\x01") if entry.strip()]
    assert [commit for commit, _, _ in entries] == commits, "one commit per revision folder, oldest first"
    assert [message.strip() for _, _, message in entries] == [r.message.strip() for r in revisions]
    dates = [datetime.fromisoformat(date) for _, date, _ in entries]
    assert dates[0] == FIRST_COMMIT_DATE
    assert all(later - earlier == timedelta(days=1) for earlier, later in zip(dates, dates[1:]))
    files = subprocess.run(["git", "-C", str(path), "ls-files"], check=True, capture_output=True, text=True).stdout.split()
    last = revisions[-1].tree
    written = [f.relative_to(last).as_posix() for f in last.rglob("*") if f.is_file() and "__pycache__" not in f.parts]
    assert sorted(files) == sorted(written), "the last commit holds the last folder's tree"


def test_commit_ids_are_reproducible(tmp_path, sample_repo):
    from specdiff.sample import build_sample_repository

    assert build_sample_repository(tmp_path / "again") == sample_repo[1]


def test_typo_fix_and_rewrap_are_editorial(diff_of):
    data = diff_of(2)
    typo = only(amendments(data))
    assert typo["kind"] == "modified" and typo["severity"] == "editorial"
    assert ["delete", "recieve"] in typo["word_diff"] and ["insert", "receive"] in typo["word_diff"]
    assert data["summary"]["bump"] == "patch"


def test_should_becomes_must_is_breaking(diff_of):
    found = amendments(diff_of(3))
    identity = only([a for a in found if a["new"][0]["section"] == "account_access"])
    assert identity["severity"] == "breaking"
    assert has_effect(identity, {"type": "modality", "old": "SHOULD", "new": "MUST", "direction": "strengthened"})
    plain = only([a for a in found if a["new"][0]["section"] == "borrowing_privacy"])
    modality = next(e for e in plain["effects"] if e["type"] == "modality")
    assert (modality["old"], modality["new"], modality["direction"]) == ("should avoid", "must never", "strengthened")


def test_number_change(diff_of):
    change = only(amendments(diff_of(4)))
    assert change["kind"] == "modified"
    assert has_effect(change, {"type": "number", "old": "7", "new": "5", "direction": None})


def test_negation_flip_reverses_the_permission(diff_of):
    change = only(amendments(diff_of(5)))
    assert change["severity"] == "breaking"
    assert "negation" in effect_types(change)
    modality = next(e for e in change["effects"] if e["type"] == "modality")
    assert (modality["old"], modality["new"], modality["direction"]) == ("may", "may not", "reversed")


def test_clause_added_with_obligation_is_breaking(diff_of):
    added = only(amendments(diff_of(6)))
    assert added["kind"] == "added" and added["severity"] == "breaking"
    assert added["old"] == [] and added["new"][0]["section"] == "room_bookings"
    assert "r8c2" in added["new"][0]["text"]


def test_clause_removed(diff_of):
    removed = only(amendments(diff_of(7)))
    assert removed["kind"] == "removed" and removed["new"] == []
    assert removed["old"][0]["section"] == "events"


def test_clause_moved_to_another_section(diff_of):
    moved = only(amendments(diff_of(8)))
    assert moved["kind"] == "moved"
    assert moved["old"][0]["section"] == "holds_and_renewals"
    assert moved["new"][0]["section"] == "fines_and_fees"
    assert moved["old"][0]["fingerprint"] == moved["new"][0]["fingerprint"]


def test_clause_split(diff_of):
    split = only(amendments(diff_of(9)))
    assert split["kind"] == "split" and len(split["old"]) == 1 and len(split["new"]) == 2
    assert split["severity"] == "editorial"


def test_clauses_merged(diff_of):
    merged = only(amendments(diff_of(10)))
    assert merged["kind"] == "merged" and len(merged["old"]) == 2 and len(merged["new"]) == 1


def test_reworded_requirement_keeps_its_obligation(diff_of):
    data = diff_of(11)
    reworded = only(amendments(data))
    assert reworded["kind"] == "modified" and reworded["severity"] == "substantive"
    assert effect_types(reworded) == ["wording"]
    assert data["files"][0]["new_path"] == "specs/001-hold-pickup-reminders/spec.md"


def test_section_renamed_with_anchor_kept(diff_of):
    data = diff_of(12)
    renamed = only(amendments(data, "section"))
    assert renamed["kind"] == "renamed"
    assert renamed["old"][0]["section"] == renamed["new"][0]["section"] == "handoff"
    assert renamed["old"][0]["heading"] != renamed["new"][0]["heading"]
    assert amendments(data) == []


def test_section_renamed_with_new_anchor_is_found_by_content(diff_of):
    data = diff_of(13)
    renamed = only(amendments(data, "section"))
    assert renamed["kind"] == "renamed"
    assert (renamed["old"][0]["anchor"], renamed["new"][0]["anchor"]) == ("accessibility", "access_needs")
    assert amendments(data) == [], "the body is unchanged, so no clause amendments"


def test_heading_attribute_change_is_an_effect(diff_of):
    changed = only(amendments(diff_of(14), "section"))
    assert changed["kind"] == "modified"
    assert has_effect(changed, {"type": "attribute", "old": "authority=user", "new": "authority=developer", "direction": None})


def test_file_rename(diff_of):
    data = diff_of(15)
    renamed = only([f for f in data["files"] if f["status"] == "renamed"])
    assert (renamed["old_path"], renamed["new_path"]) == ("spec/definitions.md", "spec/glossary.md")
    assert renamed["amendments"] == []


def test_artifact_only_change_has_no_spec_amendments(diff_of):
    data = diff_of(16)
    assert data["files"] == [] and data["summary"]["amendments"] == 0 and data["summary"]["bump"] is None


def test_demo_release_mixes_kinds(diff_of, sample_repo):
    data = diff_of(len(sample_repo[1]))
    kinds = {(a["kind"], a["severity"]) for a in amendments(data)}
    assert ("added", "breaking") in kinds
    types = {e["type"] for a in amendments(data) for e in a["effects"]}
    assert {"number", "modality", "example", "wording"} <= types
    weakened = [e for a in amendments(data) for e in a["effects"] if e.get("direction") == "weakened"]
    assert weakened, "should avoid -> may avoid is a weakening"


def test_whole_history_at_once(specdiff_json, sample_repo):
    path, commits = sample_repo
    data = specdiff_json("-C", path, f"{commits[0]}..{commits[-1]}")
    statuses = {f["status"] for f in data["files"]}
    assert "renamed" in statuses
    assert data["summary"]["bump"] == "major"


def test_demo_command_builds_and_shows_the_last_change(specdiff, tmp_path):
    result = specdiff("demo", tmp_path / "demo")
    assert result.code == 0
    assert (Path(tmp_path / "demo" / ".git")).is_dir()
    assert str(tmp_path / "demo") in result.err
    assert "amendments in" in result.out and "suggested bump: major" in result.out


def test_the_lint_command_the_demo_suggests_shows_each_kind_of_problem(specdiff, tmp_path):
    demo = specdiff("demo", tmp_path / "demo")
    suggested = next(line for line in demo.err.splitlines() if "specdiff lint" in line).split("#")[0].split()[1:]
    result = specdiff(*suggested[:1], "-C", tmp_path / "demo", *suggested[1:], "--format", "json")
    checks = {finding["check"] for finding in json.loads(result.out)["findings"]}
    assert {"VAG001", "VAG002", "VAG003", "KW001", "CON001", "CON002", "DUP001", "TST001", "REF001"} <= checks, checks


def test_demo_refuses_a_folder_that_is_not_empty(specdiff, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    result = specdiff("demo", tmp_path / "full")
    assert result.code == 2 and "not empty" in result.err
    assert (tmp_path / "full" / "keep.txt").read_text() == "mine"


def test_byte_code_next_to_the_sample_is_not_committed(tmp_path, monkeypatch):
    """pip compiles the sample's Python files when it installs the wheel; the commits must not change."""
    import shutil

    import specdiff.sample
    from specdiff.sample import build_sample_repository, history_dir

    copy = tmp_path / "revisions"
    shutil.copytree(history_dir(), copy)
    for tree in copy.glob("*/tree"):
        (tree / "generated" / "__pycache__").mkdir(parents=True, exist_ok=True)
        (tree / "generated" / "__pycache__" / "policy.cpython-311.pyc").write_bytes(b"\x00compiled")
    clean = build_sample_repository(tmp_path / "clean")
    monkeypatch.setattr(specdiff.sample, "history_dir", lambda: copy)
    assert build_sample_repository(tmp_path / "with-pyc") == clean
