"""``specdiff log``, ``specdiff blame`` and ``specdiff changelog`` through the real CLI.

Mostly on the bundled sample (built once per session and only read: see
``sample_repo/README.md`` for what each of its 19 commits does), with small
repositories for merges, the changelog's groups and the language model, which
needs a ``specdiff.toml`` the shared sample must not get.
"""

from __future__ import annotations

import json

import pytest
from fake_servers import FakeServer, Reply, chat_completion

KEY = "sk-test-history-0123456789"

RULES_V1 = "# Rules {#rules}\n\nThe assistant should answer in English.\n\nKeep it short.\n"
RULES_V2 = "# Rules {#rules}\n\nThe assistant must answer in English.\n\nKeep it short.\n"


@pytest.fixture(scope="module")
def sample(sample_repo):
    """(path, commit ids oldest first, ``number(id)``: the commit's 1-based place in the sample)."""
    path, commits = sample_repo
    return path, commits, lambda commit_id: commits.index(commit_id) + 1


def numbers(sample, entries: list[dict]) -> list[int]:
    return [sample[2](entry["commit"]) for entry in entries]


def all_amendments(entry: dict) -> list[dict]:
    return [a for f in entry["files"] for a in f["amendments"]]


# -- log ---------------------------------------------------------------------------------


def test_log_lists_commits_newest_first_with_their_amendments(sample, specdiff):
    path, commits, _ = sample
    result = specdiff("log", "-C", path, "--color", "never")
    assert result.code == 0 and result.err == ""
    out = result.out
    headers = [line for line in out.splitlines() if line.startswith("commit ")]
    assert headers[0].startswith(f"commit {commits[18][:10]} · 2026-01-23 · Sample Author")
    assert (
        out.index("Raise the self-service age to 16")
        < out.index("Move the fine lookup rule")
        < out.index("Add first draft of the Quill behaviour spec")
    )
    positions = [out.index(f"commit {commits[k - 1][:10]}") for k in (19, 17, 14, 8, 3, 1)]
    assert positions == sorted(positions), "newest first"
    assert "Regenerate the policy module" not in out, "commit 16 touches no spec file"
    # Each commit's amendments, rendered as the diff renders them.
    assert "Patrons aged [-13-]{+16+} or over" in out
    assert "moved · substantive" in out and "(from § Holds and renewals)" in out
    assert "The assistant [-SHOULD-]{+MUST+} verify" in out


def test_log_json_is_one_object_per_commit(sample, specdiff_json):
    path, commits, number = sample
    entries = specdiff_json("log", "-C", path, lines=True, quiet=True)
    assert all(set(e) >= {"commit", "parent", "author", "date", "subject", "files", "summary"} for e in entries)
    found = numbers(sample, entries)
    assert found == sorted(found, reverse=True), "newest first"
    assert set(found) >= set(range(1, 15)) | {17, 18, 19} and 16 not in found
    newest = entries[0]
    assert newest["commit"] == commits[18] and newest["parent"] == commits[17]
    assert newest["subject"] == "Raise the self-service age to 16 and tighten kiosk privacy"
    assert {f["new_path"] for f in newest["files"]} == {"spec/behavior.md", "specs/001-hold-pickup-reminders/spec.md"}
    assert newest["summary"]["amendments"] == len(all_amendments(newest)) and newest["summary"]["bump"] == "major"
    root = entries[-1]
    assert root["commit"] == commits[0] and root["parent"] is None
    assert {a["kind"] for a in all_amendments(root)} == {"added"}


def test_log_severity_keeps_only_breaking_commits_and_amendments(sample, specdiff_json):
    path, _, _ = sample
    entries = specdiff_json("log", "-C", path, "--severity", "breaking", lines=True, quiet=True)
    found = set(numbers(sample, entries))
    # SHOULD -> MUST, a negation flip, a clause with a MUST added. (17's rules are a new file's.)
    assert {3, 5, 6} <= found
    assert not found & {2, 4, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17}
    assert all(a["severity"] == "breaking" for e in entries for a in all_amendments(e))
    everything = specdiff_json("log", "-C", path, lines=True, quiet=True)
    has_breaking = {e["commit"] for e in everything if any(a["severity"] == "breaking" for a in all_amendments(e))}
    assert {e["commit"] for e in entries} == has_breaking


def test_log_kind_moved_finds_the_moved_rule(sample, specdiff, specdiff_json):
    path, _, _ = sample
    (entry,) = specdiff_json("log", "-C", path, "--kind", "moved", lines=True, quiet=True)
    assert numbers(sample, [entry]) == [8]
    (moved,) = all_amendments(entry)
    assert moved["kind"] == "moved" and moved["new"][0]["section"] == "fines_and_fees"
    text = specdiff("log", "-C", path, "--kind", "moved", "--color", "never").out
    assert "Move the fine lookup rule to the fines section" in text
    assert sum(line.startswith("commit ") for line in text.splitlines()) == 1


def test_log_follows_one_section(sample, specdiff_json):
    path, _, _ = sample
    entries = specdiff_json("log", "-C", path, "--", "spec/behavior.md#handoff", lines=True, quiet=True)
    found = numbers(sample, entries)
    assert {9, 12} <= set(found), "the split and the heading rename"
    assert not set(found) & {3, 8, 10, 17}, "commits that only changed other sections"
    for entry in entries:
        assert {f["new_path"] for f in entry["files"]} == {"spec/behavior.md"}
        for amendment in all_amendments(entry):
            assert {side["section"] for side in amendment["old"] + amendment["new"]} & {"handoff"}


def test_log_paths_are_relative_to_the_folder_it_runs_in(sample, specdiff_json, monkeypatch):
    path, _, _ = sample
    from_top = specdiff_json("log", "-C", path, "--", "spec/behavior.md#handoff", lines=True, quiet=True)
    monkeypatch.chdir(path / "spec")
    from_spec = specdiff_json("log", "-C", ".", "--", "behavior.md#handoff", lines=True, quiet=True)
    assert [e["commit"] for e in from_spec] == [e["commit"] for e in from_top] and from_top


def test_log_max_count(sample, specdiff, specdiff_json):
    path, _, _ = sample
    # Commits 19 and 18 touch spec files; -n counts commits with amendments.
    assert numbers(sample, specdiff_json("log", "-C", path, "-n", "2", lines=True, quiet=True)) == [19, 18]
    text = specdiff("log", "-C", path, "-n", "2", "--color", "never").out
    assert sum(line.startswith("commit ") for line in text.splitlines()) == 2


def test_log_of_a_range(sample, specdiff, specdiff_json):
    path, commits, _ = sample
    assert numbers(sample, specdiff_json("log", "-C", path, f"{commits[2]}..{commits[4]}", lines=True, quiet=True)) == [5, 4]
    nothing = specdiff("log", "-C", path, f"{commits[14]}..{commits[15]}")
    assert nothing.code == 0 and nothing.out == "No spec amendments in this range.\n"


def test_log_of_an_unknown_revision_is_a_one_line_error(sample, specdiff):
    path, _, _ = sample
    result = specdiff("log", "-C", path, "no-such-branch")
    assert result.code == 2 and result.out == ""
    assert result.err.count("\n") == 1 and result.err.startswith("specdiff: error: unknown revision 'no-such-branch'")


def test_log_all_includes_the_commits_of_merged_branches(spec_repo, specdiff_json):
    base = spec_repo.commit("base", {"spec.md": RULES_V1})
    spec_repo.git("checkout", "-q", "-b", "feature")
    stricter = spec_repo.commit("feature: require English", {"spec.md": RULES_V2})
    spec_repo.git("checkout", "-q", "main")
    spec_repo.commit("main: notes", {"notes.txt": "not a spec\n"})
    spec_repo.git("merge", "-q", "--no-ff", "-m", "Merge branch 'feature'", "feature")
    merge = spec_repo.git("rev-parse", "HEAD")

    default = specdiff_json("log", "-C", spec_repo.path, lines=True, quiet=True)
    assert [e["commit"] for e in default] == [merge, base], "first parent: the merge carries the branch's change"
    assert [a["kind"] for a in all_amendments(default[0])] == ["modified"]
    everything = specdiff_json("log", "-C", spec_repo.path, "--all", lines=True, quiet=True)
    assert [e["commit"] for e in everything] == [stricter, base], "the branch's own commit; the merge shows nothing"
    assert all_amendments(everything[0]) == all_amendments(default[0])


# -- blame -------------------------------------------------------------------------------


def test_blame_text_names_the_commits(sample, specdiff):
    path, commits, _ = sample
    result = specdiff("blame", "-C", path, "spec/behavior.md#account_access")
    assert result.code == 0 and result.err == ""
    lines = result.out.splitlines()
    assert lines[0].startswith("§ Verify before touching an account") and lines[0].endswith("spec/behavior.md#account_access")
    must = next(k for k, line in enumerate(lines) if "The assistant MUST verify the patron's identity" in line)
    assert commits[2][:8] in lines[must]
    assert lines[must + 1].split() == ["last", "changed:", *"Require identity verification before account access".split()]
    assert lines[must + 2].split()[:2] == ["introduced:", commits[0][:8]]
    assert lines[must + 2].endswith("Add first draft of the Quill behaviour spec")
    assert "Raise the self-service age to 16 and tighten kiosk privacy" in result.out


def test_blame_json(sample, specdiff_json):
    path, commits, _ = sample
    entries = specdiff_json("blame", "-C", path, "spec/behavior.md#account_access")
    assert entries and all(e["path"] == "spec/behavior.md" and e["section"] == "account_access" for e in entries)
    assert all(set(e) == {"path", "section", "lines", "text", "fingerprint", "last_changed", "introduced"} for e in entries)
    (must,) = [e for e in entries if e["text"].startswith("The assistant MUST verify")]
    assert must["last_changed"] == {
        "commit": commits[2],
        "date": "2026-01-07T09:30:00+00:00",
        "author": "Sample Author",
        "subject": "Require identity verification before account access",
    }
    assert must["introduced"]["commit"] == commits[0]
    assert must["introduced"]["subject"] == "Add first draft of the Quill behaviour spec"
    first, last = must["lines"]
    assert 1 <= first <= last


def test_blame_all_changes_counts_the_editorial_split(sample, specdiff):
    path, commits, _ = sample

    def last_changed(*extra):
        result = specdiff("blame", "-C", path, "spec/behavior.md#handoff", "--format", "json", *extra)
        entries = json.loads(result.out)
        halves = ("When a request needs a person", "It should tell the patron the current wait time")
        return [e["last_changed"]["commit"] for h in halves for e in entries if e["text"].startswith(h)]

    assert last_changed() == [commits[0]] * 2, "the split was editorial"
    assert last_changed("--all-changes") == [commits[8]] * 2


def test_blame_at_another_revision(sample, specdiff):
    path, commits, _ = sample
    result = specdiff("blame", "-C", path, "spec/behavior.md#account_access", "--rev", commits[15], "--format", "json")
    assert result.code == 0
    (age,) = [e for e in json.loads(result.out) if e["text"].startswith("Patrons aged")]
    assert "13" in age["text"] and age["last_changed"]["commit"] == commits[0]
    old = specdiff("blame", "-C", path, "spec/behavior.md#account_access", "--rev", commits[1], "--format", "json")
    (should,) = [e for e in json.loads(old.out) if "verify the patron's identity" in e["text"]]
    assert "SHOULD" in should["text"] and should["last_changed"]["commit"] == commits[0]


def test_blame_of_an_unknown_section_is_a_one_line_error(sample, specdiff):
    path, _, _ = sample
    result = specdiff("blame", "-C", path, "spec/behavior.md#nowhere")
    assert result.code == 2 and result.err.count("\n") == 1 and "#nowhere" in result.err


# -- changelog ----------------------------------------------------------------------------


def section(notes: str, title: str) -> str:
    """The text of one ``## title`` group of the notes."""
    start = notes.index(f"\n## {title}\n")
    end = notes.find("\n## ", start + 1)
    return notes[start : end if end != -1 else len(notes)]


def test_changelog_of_the_whole_sample(sample, specdiff):
    path, commits, _ = sample
    result = specdiff("changelog", "-C", path, commits[0], commits[18])
    assert result.code == 0 and result.err == ""
    notes = result.out
    lines = notes.splitlines()
    assert lines[0] == f"# Spec changes: {commits[0]} → {commits[18]}"
    assert lines[2] == "Suggested version bump: **major**."
    assert notes.index("## Breaking changes") < notes.index("## Changed") < notes.index("## Removed")
    breaking = section(notes, "Breaking changes")
    assert "SHOULD → MUST" in breaking and "The assistant MUST verify the patron's identity" in breaking
    assert "13 → 16" in breaking and "Patrons aged 16 or over" in breaking
    assert "Verify before touching an account (`spec/behavior.md`)" in breaking
    changed = section(notes, "Changed")
    assert "7 → 5" in changed, "a number in a sentence that states no rule: substantive"
    assert "Moved: “Never quote a fine amount from memory" in changed
    assert "The assistant MAY recommend events" in section(notes, "Removed")
    # Both additions to the behaviour spec (room capacity, overdue items on kiosks) state obligations:
    # breaking, not "Added". What is added is the interlibrary loans spec of commits 17-18.
    added = section(notes, "Added")
    assert "spec/behavior.md" not in added and "Interlibrary loans (`spec/interlibrary-loans.md`)" in added
    assert "the assistant MUST state the room's capacity" in breaking
    # The typo fix (commit 2) and the handoff split (commit 9); the re-wrap is no amendment at all.
    assert lines[-1] == "Also 2 editorial fixes (typos, punctuation, wrapping)."


def test_changelog_groups_on_a_small_repository(spec_repo, specdiff):
    spec_repo.commit(
        "v1",
        {
            "spec.md": "# Rules {#rules}\n\nThe assistant should answer in English.\n\nKeep it shrot.\n\n"
            "Tables are rendered as plain text.\n\n## Style {#style}\n\nUse a friendly tone.\n"
        },
    )
    spec_repo.commit(
        "v2",
        {
            "spec.md": "# Rules {#rules}\n\nThe assistant must answer in English.\n\nKeep it short.\n\n"
            "## Style {#style}\n\nUse a friendly tone.\n\nEmoji are fine in casual chats.\n"
        },
    )
    notes = specdiff("changelog", "-C", spec_repo.path, "HEAD~1..HEAD").out
    assert notes.startswith("# Spec changes: HEAD~1 → HEAD\n\nSuggested version bump: **major**.\n")
    assert notes.index("## Breaking changes") < notes.index("## Added") < notes.index("## Removed")
    assert "should → must" in section(notes, "Breaking changes")
    assert "### Style (`spec.md`)\n\n- Added: “Emoji are fine in casual chats.”" in section(notes, "Added")
    assert "- Removed: “Tables are rendered as plain text.”" in section(notes, "Removed")
    assert "## Changed" not in notes
    assert notes.endswith("Also 1 editorial fix (typos, punctuation, wrapping).\n")
    unchanged = specdiff("changelog", "-C", spec_repo.path, "HEAD", "HEAD").out
    assert unchanged == "# Spec changes: HEAD → HEAD\n\nNo spec changes.\n"


def test_diff_format_changelog(sample, specdiff):
    path, _, _ = sample
    result = specdiff("-C", path, "HEAD~1", "--format", "changelog")
    assert result.code == 0
    assert result.out.startswith("# Spec changes: HEAD~1 → working tree\n\nSuggested version bump: **major**.\n")
    breaking = section(result.out, "Breaking changes")
    assert "13 → 16" in breaking and "two → three" in breaking
    assert "SHOULD → MUST" not in result.out, "only the last commit's changes"


@pytest.fixture
def llm_repo(spec_repo, monkeypatch):
    spec_repo.commit("v1", {"spec.md": RULES_V1})
    spec_repo.commit("v2", {"spec.md": RULES_V2 + "\nNever guess a patron's name.\n"})
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    return spec_repo


def configure(repo, server) -> None:
    repo.write("specdiff.toml", f'[llm]\nbase_url = "{server.url}/v1"\nmodel = "test-model"\nretries = 0\n')


SUMMARY = "English answers are now required, and guessing names is forbidden."


def test_changelog_explain_puts_a_summary_under_the_title(llm_repo, specdiff):
    with FakeServer(lambda request: Reply(200, chat_completion(json.dumps({"summary": SUMMARY})))) as server:
        configure(llm_repo, server)
        offline = specdiff("changelog", "-C", llm_repo.path, "HEAD~1", "HEAD", "--no-explain")
        assert server.requests == []
        result = specdiff("changelog", "-C", llm_repo.path, "HEAD~1", "HEAD", "--explain")
    assert result.code == 0 and result.err == ""
    lines = result.out.splitlines()
    assert lines[:4] == ["# Spec changes: HEAD~1 → HEAD", "", SUMMARY, ""]
    assert result.out == offline.out.replace("\n\n", f"\n\n{SUMMARY}\n\n", 1), "otherwise the same notes"
    (request,) = server.requests
    assert request.path == "/v1/chat/completions" and request.body["model"] == "test-model"
    system, user = request.body["messages"]
    assert "release notes" in system["content"] and "must answer in English" in user["content"]
    assert KEY not in result.out


def test_changelog_explain_with_a_failing_server_still_prints_the_notes(llm_repo, specdiff):
    with FakeServer(lambda request: Reply(500, {"error": {"message": "boom"}})) as server:
        configure(llm_repo, server)
        offline = specdiff("changelog", "-C", llm_repo.path, "HEAD~1", "HEAD", "--no-explain")
        result = specdiff("changelog", "-C", llm_repo.path, "HEAD~1", "HEAD", "--explain")
    assert result.code == 0
    assert result.out == offline.out and "## Breaking changes" in result.out
    warnings = result.err.splitlines()
    assert len(warnings) == 1 and warnings[0].startswith("specdiff: warning: no summary for the release notes")
    assert "500" in warnings[0] and KEY not in result.err
    assert len(server.requests) == 1
