"""The spec's history at the library level: ``walk()``, its cache, and ``blame()``.

``walk`` and its cache are tested on small repositories written here; ``blame``
on the bundled sample, whose 19 commits each make one documented change
(``sample_repo/README.md``). The sample is shared by the whole session and only
read (its history cache under ``.git/specdiff`` may be filled, which is harmless).
"""

from __future__ import annotations

import sqlite3

import pytest

import specdiff.history as history
from specdiff.config import load_config, repository_config
from specdiff.errors import SpecdiffError
from specdiff.history import blame, walk
from specdiff.history_cache import cache_key
from specdiff.repo import Repository

RULES_V1 = "# Rules {#rules}\n\nThe assistant should answer in English.\n\nKeep it short.\n"
RULES_V2 = "# Rules {#rules}\n\nThe assistant must answer in English.\n\nKeep it short.\n"
RULES_V3 = RULES_V2 + "\nNever guess a patron's name.\n"


def history_of(repository, revisions=(), **options):
    """``walk`` as ``specdiff log`` calls it: on the repository and settings the command opened, to the end."""
    with Repository(str(repository)) as repo:
        return list(walk(repo, repository_config(repo), list(revisions), **options))


def blamed(repository, path, anchor=None, revision="HEAD", **options):
    """``blame`` as ``specdiff blame`` calls it: with the settings of the revision it explains."""
    with Repository(str(repository)) as repo:
        commit = repo.commit_of(revision)
        return blame(repo, repository_config(repo, commit), path, anchor, tip=commit, **options)


def summary(repository, revisions=(), **options) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """``walk`` reduced to (commit id, [(path, kind, severity), ...]), newest first."""
    return [
        (commit.id, [(f.new_path or f.old_path, a.kind, a.severity) for f in amendments.files for a in f.amendments])
        for commit, amendments in history_of(repository, revisions, **options)
    ]


def cache_file(repo):
    return repo.path / ".git" / "specdiff" / "history.sqlite"


@pytest.fixture
def counted(monkeypatch):
    """The ids of the commits ``walk`` computes (rather than reads from the cache), in order."""
    calls: list[str] = []
    real = history._compute

    def counting(repo, config, commit, documents):
        calls.append(commit.id)
        return real(repo, config, commit, documents)

    monkeypatch.setattr(history, "_compute", counting)
    return calls


def forbid_computing(monkeypatch):
    def fail(repo, config, commit, documents):
        raise AssertionError(f"computed {commit.subject!r}: it should have come from the cache")

    monkeypatch.setattr(history, "_compute", fail)


# -- walk ------------------------------------------------------------------------------


@pytest.fixture
def three_commits(spec_repo):
    """first (spec.md), a commit touching only a non-spec file, then should -> must."""
    first = spec_repo.commit("first draft", {"spec.md": RULES_V1})
    notes = spec_repo.commit("notes only", {"notes.txt": "not a spec\n"})
    stricter = spec_repo.commit("require English", {"spec.md": RULES_V2})
    return spec_repo, (first, notes, stricter)


def test_walk_yields_commits_newest_first_with_their_amendments(three_commits):
    repo, (first, notes, stricter) = three_commits
    walked = history_of(repo.path, [])
    assert [c.id for c, _ in walked] == [stricter, notes, first]
    assert [c.subject for c, _ in walked] == ["require English", "notes only", "first draft"]
    assert walked[0][0].parent == notes and walked[2][0].parent is None

    (changed,) = walked[0][1].files
    assert (changed.old_path, changed.new_path, changed.status) == ("spec.md", "spec.md", "modified")
    (amendment,) = changed.amendments
    assert (amendment.unit, amendment.kind, amendment.severity) == ("clause", "modified", "breaking")
    assert walked[0][1].amendment_count == 1


def test_a_commit_touching_no_spec_file_has_no_amendments(three_commits):
    repo, (_, notes, _) = three_commits
    by_id = {c.id: a for c, a in history_of(repo.path, [])}
    assert by_id[notes].files == [] and by_id[notes].amendment_count == 0


def test_the_root_commit_lists_everything_as_added(three_commits):
    repo, (first, _, _) = three_commits
    root = dict(summary(repo.path))[first]
    assert root, "the first version of the spec is all additions"
    assert {(path, kind) for path, kind, _ in root} == {("spec.md", "added")}
    *_, (commit, amendments) = history_of(repo.path, [])
    assert commit.id == first and [f.status for f in amendments.files] == ["added"]
    # The section and both its paragraphs.
    added = amendments.files[0].amendments
    assert sorted((a.unit, a.kind, a.old) for a in added) == [("clause", "added", ())] * 2 + [("section", "added", ())]
    assert {c.normalized for a in added if a.unit == "clause" for c in a.new} == {
        "The assistant should answer in English.",
        "Keep it short.",
    }


def test_walk_takes_a_range(three_commits):
    repo, (first, notes, stricter) = three_commits
    assert [c for c, _ in summary(repo.path, [f"{first}..{stricter}"])] == [stricter, notes]


@pytest.fixture
def merged(spec_repo):
    """main: base, a change to intro.md; feature (merged with --no-ff): two changes to spec.md."""
    base = spec_repo.commit("base", {"spec.md": RULES_V1, "intro.md": "# Intro\n\nQuill answers library questions.\n"})
    spec_repo.git("checkout", "-q", "-b", "feature")
    stricter = spec_repo.commit("feature: require English", {"spec.md": RULES_V2})
    names = spec_repo.commit("feature: never guess names", {"spec.md": RULES_V3})
    spec_repo.git("checkout", "-q", "main")
    intro = spec_repo.commit("main: reword intro", {"intro.md": "# Intro\n\nQuill answers questions about the library.\n"})
    spec_repo.git("merge", "-q", "--no-ff", "-m", "Merge branch 'feature'", "feature")
    merge = spec_repo.git("rev-parse", "HEAD")
    return spec_repo, {"base": base, "stricter": stricter, "names": names, "intro": intro, "merge": merge}


def test_first_parent_walk_leaves_out_the_branch_and_shows_the_merge_changes(merged):
    repo, ids = merged
    walked = dict(summary(repo.path))
    assert list(walked) == [ids["merge"], ids["intro"], ids["base"]]
    # The merge, compared with its first parent, carries both of the branch's changes.
    assert sorted(walked[ids["merge"]]) == [("spec.md", "added", "breaking"), ("spec.md", "modified", "breaking")]
    assert {path for path, _, _ in walked[ids["intro"]]} == {"intro.md"}


def test_full_walk_includes_the_branch_commits_and_the_merge_shows_nothing(merged):
    repo, ids = merged
    walked = dict(summary(repo.path, first_parent=False))
    assert set(walked) == set(ids.values())
    assert next(iter(walked)) == ids["merge"], "newest first"
    assert walked[ids["merge"]] == [], "each commit shows its own changes; the merge none"
    assert walked[ids["stricter"]] == [("spec.md", "modified", "breaking")]
    assert walked[ids["names"]] == [("spec.md", "added", "breaking")]


def test_log_n_1_on_a_cold_cache_computes_only_the_newest_commit(three_commits, counted, specdiff):
    repo, (_, _, stricter) = three_commits
    shown = specdiff("log", "-C", repo.path, "-n", "1", "--format", "json")
    assert shown.code == 0 and len(shown.out.splitlines()) == 1
    assert counted == [stricter], "walk computes newest first and stops when the log has its one commit"
    counted.clear()
    assert [c for c, _ in summary(repo.path)] == [stricter, three_commits[1][1], three_commits[1][0]]
    assert counted == [three_commits[1][0]], "the stopped walk cached what it computed"


def test_log_of_a_path_computes_only_the_commits_that_change_it(spec_repo, counted, specdiff):
    first = spec_repo.commit("rules", {"spec.md": RULES_V1, "desk.md": "# Desk\n\nStaff should greet riders.\n"})
    spec_repo.commit("desk", {"desk.md": "# Desk\n\nStaff must greet riders.\n"})
    stricter = spec_repo.commit("stricter", {"spec.md": RULES_V2})
    spec_repo.commit("desk again", {"desk.md": "# Desk\n\nStaff must greet each rider.\n"})
    shown = specdiff("log", "-C", spec_repo.path, "--format", "json", "--", "spec.md")
    assert shown.code == 0 and len(shown.out.splitlines()) == 2
    assert counted == [stricter, first], "the commits that change only desk.md are not computed"


def test_blame_stops_walking_once_every_clause_has_its_story(three_commits, counted):
    repo, (first, _, stricter) = three_commits
    newest = repo.commit("add a section", {"spec.md": RULES_V2 + "\n# Names {#names}\n\nNever guess a patron's name.\n"})
    counted.clear()
    (found,) = blamed(repo.path, "spec.md", "names")
    assert found.introduced is not None and found.introduced.id == newest
    assert counted == [newest], "the section's one clause was introduced by the newest commit: nothing older is needed"
    counted.clear()
    assert {b.introduced.id for b in blamed(repo.path, "spec.md") if b.introduced} == {first, newest}
    assert counted == [stricter, first], "the rest of the file needs the older commits; the newest comes from the cache"


# -- the cache -----------------------------------------------------------------------------


def test_the_cache_is_written_and_a_second_walk_computes_nothing(three_commits, monkeypatch):
    repo, _ = three_commits
    assert not cache_file(repo).exists()
    first = summary(repo.path)
    assert cache_file(repo).is_file()
    forbid_computing(monkeypatch)
    assert summary(repo.path) == first


def test_a_longer_range_computes_only_the_new_commit(three_commits, counted):
    repo, _ = three_commits
    first = summary(repo.path)
    assert len(counted) == 2, "the two commits that touch spec.md"
    newest = repo.commit("never guess names", {"spec.md": RULES_V3})
    counted.clear()
    again = summary(repo.path)
    assert counted == [newest]
    assert again[1:] == first and again[0] == (newest, [("spec.md", "added", "breaking")])


@pytest.mark.parametrize(
    "setting",
    ['requirement_ids = ["\\\\bRULE-\\\\d+\\\\b"]', 'specs = ["**/*.md", "rules/**/*.txt"]'],
    ids=["requirement_ids", "specs"],
)
def test_changing_how_specs_are_read_misses_the_cache(three_commits, counted, setting):
    repo, (first, _, stricter) = three_commits
    expected = summary(repo.path)
    counted.clear()
    summary(repo.path)
    assert counted == [], "same settings: all from the cache"
    repo.write("specdiff.toml", setting + "\n")
    assert summary(repo.path) == expected
    assert counted == [stricter, first], "every entry missed and was computed again, newest first"


@pytest.mark.parametrize("when", ["before the first walk", "after a walk"])
def test_a_damaged_cache_file_does_not_stop_the_walk(three_commits, when):
    repo, _ = three_commits
    expected = summary(repo.path)
    if when == "before the first walk":
        cache_file(repo).unlink()
    cache_file(repo).write_bytes(b"this is not a database\n" * 300)
    assert summary(repo.path) == expected
    assert summary(repo.path) == expected


def test_a_damaged_cache_file_is_set_aside_and_a_new_one_kept(three_commits, monkeypatch):
    repo, _ = three_commits
    expected = summary(repo.path)
    cache_file(repo).write_bytes(b"this is not a database\n" * 300)
    assert summary(repo.path) == expected
    damaged = cache_file(repo).with_name("history.sqlite.damaged")
    assert damaged.read_bytes().startswith(b"this is not a database"), "kept for a look"
    forbid_computing(monkeypatch)
    assert summary(repo.path) == expected, "the new cache file kept what the walk computed"


def test_a_cache_with_damaged_pages_does_not_stop_the_walk(three_commits):
    repo, _ = three_commits
    expected = summary(repo.path)
    data = bytearray(cache_file(repo).read_bytes())
    assert len(data) > 4096, "more than one page"
    data[4096:] = b"\xa5" * (len(data) - 4096)  # the SQLite header (page 1) intact, the rest garbage
    cache_file(repo).write_bytes(bytes(data))
    assert summary(repo.path) == expected


def test_an_unreadable_cache_entry_is_computed_again(three_commits):
    repo, _ = three_commits
    expected = summary(repo.path)
    with sqlite3.connect(cache_file(repo)) as db:
        db.execute("UPDATE commits SET value = ?", (b"not a pickle",))
    db.close()
    assert summary(repo.path) == expected


def test_the_cache_is_content_addressed(spec_repo, monkeypatch):
    """The same blob change on two branches (two different commits) is one entry."""
    spec_repo.commit("first draft", {"spec.md": RULES_V1})
    spec_repo.git("checkout", "-q", "-b", "left")
    left = spec_repo.commit("require English (left)", {"spec.md": RULES_V2})
    spec_repo.git("checkout", "-q", "-b", "right", "main")
    right = spec_repo.commit("require English (right)", {"spec.md": RULES_V2})
    assert left != right

    with Repository(spec_repo.path) as repo:
        config = load_config(repo.root)
        commits = {c.id: c for c in repo.history(["left", "right"], first_parent=False)}
    assert cache_key(config, list(commits[left].changes)) == cache_key(config, list(commits[right].changes))

    on_left = summary(spec_repo.path, ["left"])
    with sqlite3.connect(cache_file(spec_repo)) as db:
        (entries,) = db.execute("SELECT count(*) FROM commits WHERE key NOT LIKE 'capitals%'").fetchone()
    db.close()
    assert entries == 2, "the first draft and the change (besides the capitals mode and the files' keyword counts)"
    forbid_computing(monkeypatch)
    on_right = summary(spec_repo.path, ["right"])
    assert on_right[0] == (right, on_left[0][1]) and on_right[1:] == on_left[1:]


# -- blame on the sample -----------------------------------------------------------------


@pytest.fixture(scope="module")
def sample(sample_repo):
    """(path, commit ids oldest first, ``number(commit)``: its 1-based place in the sample)."""
    path, commits = sample_repo

    def number(commit):
        return None if commit is None else commits.index(commit.id) + 1

    return path, commits, number


def story(sample, path, anchor=None, **options) -> dict[str, tuple[int | None, int | None]]:
    """Blame as {normalized clause text: (last changed, introduced)} in sample commit numbers."""
    repository, _, number = sample
    return {
        " ".join(b.clause.normalized.split()): (number(b.last_changed), number(b.introduced))
        for b in blamed(repository, path, anchor, **options)
    }


def the(found: dict, start: str):
    (key,) = [k for k in found if k.startswith(start)]
    return found[key]


def amendments_of(sample, n: int):
    repository, commits, _ = sample
    walked = {c.id: a for c, a in history_of(repository, [commits[-1]])}
    return [a for f in walked[commits[n - 1]].files for a in f.amendments]


def test_blame_follows_a_moved_clause_to_where_it_was_introduced(sample):
    # Commit 8 moves the rule, unchanged, from #holds_and_renewals to #fines_and_fees.
    (move,) = amendments_of(sample, 8)
    assert (move.kind, move.old[0].section, move.new[0].section) == ("moved", "holds_and_renewals", "fines_and_fees")
    assert move.old[0].normalized == move.new[0].normalized and move.effects == []
    # The brief assumed a move leaves the meaning alone, but walk() gives it severity
    # "substantive" (docs/severity.md: "clauses moved to another section" are substantive,
    # since a section's scope and authority apply to its clauses). blame() skips only
    # editorial changes (unless all_changes), so the move is the last change to the clause;
    # the clause is still followed through the move back to the first draft.
    assert move.severity == "substantive"
    found = story(sample, "spec/behavior.md", "fines_and_fees")
    assert the(found, "Never quote a fine amount from memory") == (8, 1)
    assert the(found, "Only staff can waive a fine") == (1, 1), "the rest of the section is untouched"


def test_an_editorial_split_is_not_a_change_unless_all_changes(sample):
    (split,) = amendments_of(sample, 9)
    assert (split.kind, split.severity, len(split.new)) == ("split", "editorial", 2)
    halves = ("When a request needs a person", "It should tell the patron the current wait time")
    found = story(sample, "spec/behavior.md", "handoff")
    assert [the(found, h) for h in halves] == [(1, 1), (1, 1)]
    everything = story(sample, "spec/behavior.md", "handoff", all_changes=True)
    assert [the(everything, h) for h in halves] == [(9, 1), (9, 1)]
    assert the(everything, "Outside staffed hours") == (1, 1), "the clause next to them was not split"


def test_a_merged_paragraph_was_last_changed_by_the_merge_and_introduced_with_its_oldest_part(sample):
    (merge,) = amendments_of(sample, 10)
    assert (merge.kind, len(merge.old)) == ("merged", 2)
    found = story(sample, "spec/behavior.md", "tone")
    assert the(found, "Keep answers short.") == (10, 1)
    assert the(found, "Write in plain, friendly language") == (1, 1)


def test_should_to_must_is_the_last_change_of_the_identity_clause(sample):
    found = story(sample, "spec/behavior.md", "account_access")
    assert the(found, "The assistant MUST verify the patron's identity") == (3, 1)
    assert the(found, "Patrons aged 16 or over") == (19, 1)
    assert the(found, "Ask for the library card number.") == (1, 1)


def test_blame_follows_a_file_rename(sample):
    repository, commits, number = sample
    walked = {number(c): a for c, a in history_of(repository, [])}
    (renamed,) = walked[15].files
    assert (renamed.old_path, renamed.new_path, renamed.status) == ("spec/definitions.md", "spec/glossary.md", "renamed")
    found = story(sample, "spec/glossary.md")
    assert len(found) >= 5
    assert set(found.values()) == {(1, 1)}, "every definition goes back to the first draft, before the rename"


def test_a_clause_added_by_the_last_commit_is_introduced_there(sample):
    found = story(sample, "spec/behavior.md", "borrowing_privacy")
    assert the(found, "The assistant must not mention overdue items") == (19, 19)
    assert the(found, "The assistant may not read out the titles") == (5, 1)


def test_blame_at_an_older_revision(sample):
    repository, commits, number = sample
    found = story(sample, "spec/behavior.md", "account_access", revision=commits[15])
    assert the(found, "Patrons aged 13 or over") == (1, 1), "at commit 16 the age had not changed yet"
    (entry, *_) = blamed(repository, "spec/definitions.md", revision=commits[13])
    assert number(entry.introduced) == 1, "the file had its old name then"


def test_blame_of_an_unknown_section_is_an_error(sample):
    repository, _, _ = sample
    with pytest.raises(SpecdiffError, match="no section #no_such_section"):
        blamed(repository, "spec/behavior.md", "no_such_section")
