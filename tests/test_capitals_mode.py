"""The RFC 2119 capitals mode is the repository's, not the diff's: one edit, one grade, in every file and every diff.

A kiosk sentence that reports a capitalised MUST ("replies that the rider MUST wait") states a rule
in a document that writes its keywords in capitals, and only reports one in plain English. The
same edit of it, made in a file of each kind, must be graded the same, whichever files a diff holds.
"""

from __future__ import annotations

import json

import pytest

from specdiff.config import load_config

CONFIG = 'specs = ["spec/*.md"]\n'
UPPER = """\
# Wire protocol

The key words MUST, SHOULD and MAY are to be read as in BCP 14.

## Docks

A dock MUST report its state every minute. A dock SHOULD keep its light on. A client MUST send a
version header. A server MUST reject an unknown version. A server MAY cache the map. A client
MUST NOT retry a rejected unlock.

"""

LOWER = """\
# Desk guide

## Greeting

Staff should greet each rider. Staff should offer a helmet.

"""

KIOSK = "## Kiosk\n\nThe kiosk replies that the rider MUST wait 5 minutes.\n"
KIOSK_EDITED = "## Kiosk\n\nThe kiosk replies that the rider MUST wait 10 minutes.\n"


@pytest.fixture
def two_conventions(spec_repo):
    """wire.md writes MUST / SHOULD (most of the repository's keywords); desk.md writes "should"."""
    spec_repo.commit("Base", {"specdiff.toml": CONFIG, "spec/wire.md": UPPER + KIOSK, "spec/desk.md": LOWER + KIOSK})
    spec_repo.commit("Edit the kiosk in the desk spec", {"spec/desk.md": LOWER + KIOSK_EDITED})
    spec_repo.commit("Edit the kiosk in the wire spec", {"spec/wire.md": UPPER + KIOSK_EDITED})
    return spec_repo


def grades(specdiff, repo, *revisions: str) -> dict[str, str]:
    run = specdiff("diff", "-C", repo.path, "--format", "json", *revisions)
    assert run.code == 0, run.err
    files = json.loads(run.out)["files"]
    return {f["new_path"]: a["severity"] for f in files for a in f["amendments"]}


def test_the_same_edit_gets_the_same_grade_in_either_file_and_any_diff(two_conventions, specdiff):
    in_desk = grades(specdiff, two_conventions, "HEAD~2", "HEAD~1")
    in_wire = grades(specdiff, two_conventions, "HEAD~1", "HEAD")
    both = grades(specdiff, two_conventions, "HEAD~2", "HEAD")
    assert in_desk == {"spec/desk.md": "breaking"}, "the repository writes capitals: the reported MUST binds"
    assert in_wire == {"spec/wire.md": "breaking"}
    assert both == {"spec/desk.md": "breaking", "spec/wire.md": "breaking"}


def test_log_grades_each_commit_as_the_diff_does(two_conventions, specdiff):
    run = specdiff("log", "-C", two_conventions.path, "--format", "json")
    assert run.code == 0, run.err
    entries = [json.loads(line) for line in run.out.splitlines()]
    severities = [a["severity"] for e in entries[:2] for f in e["files"] for a in f["amendments"]]
    assert severities == ["breaking", "breaking"]


def test_the_mode_follows_the_files_of_each_head_though_counts_are_kept(two_conventions, specdiff):
    assert grades(specdiff, two_conventions, "HEAD~1", "HEAD") == {"spec/wire.md": "breaking"}  # counts kept per file
    chatty = LOWER + "Staff should smile. " * 40 + "\n\n"
    two_conventions.commit("A chattier desk guide", {"spec/desk.md": chatty + KIOSK})
    two_conventions.commit("Edit the kiosk again", {"spec/desk.md": chatty + KIOSK_EDITED})
    assert grades(specdiff, two_conventions, "HEAD~1", "HEAD") == {"spec/desk.md": "substantive"}, "now mostly lower case"
    assert grades(specdiff, two_conventions, "HEAD~4", "HEAD~3") == {"spec/desk.md": "breaking"}, "the mode is the head's"


@pytest.mark.parametrize(("setting", "expected"), [("false", "substantive"), ("true", "breaking"), ('"auto"', "breaking")])
def test_the_config_decides_the_mode_when_it_says(two_conventions, specdiff, setting, expected):
    two_conventions.commit("Set the mode", {"specdiff.toml": CONFIG + f"\n[semantics]\ncapitals = {setting}\n"})
    assert set(grades(specdiff, two_conventions, "HEAD~3", "HEAD~1").values()) == {expected}


def test_a_bad_capitals_setting_is_a_one_line_error(spec_repo, specdiff):
    spec_repo.commit("Base", {"specdiff.toml": CONFIG + '\n[semantics]\ncapitals = "sometimes"\n', "spec/a.md": LOWER})
    spec_repo.commit("Edit", {"spec/a.md": LOWER + KIOSK})
    run = specdiff("diff", "-C", spec_repo.path, "HEAD~1")
    assert run.code == 2 and run.out == ""
    assert run.err.strip().count("\n") == 0 and 'semantics.capitals must be "auto", true or false' in run.err


def test_config_reads_the_setting(tmp_path):
    (tmp_path / "specdiff.toml").write_text("[semantics]\ncapitals = false\n")
    assert load_config(tmp_path).capitals is False
    (tmp_path / "specdiff.toml").write_text("[semantics]\n")
    assert load_config(tmp_path).capitals is None
