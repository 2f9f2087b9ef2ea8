"""specdiff.repo.Repository on real git repositories built with ``spec_repo``."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from helpers import shallow_clone

from specdiff.errors import SpecdiffError
from specdiff.repo import Repository

SPEC_V1 = "# Policy\n\n## Replies\n\nThe assistant answers questions about the catalogue.\n"
SPEC_V2 = SPEC_V1 + "\nThe assistant MUST NOT share patron records.\n"
SPEC_V3 = SPEC_V2 + "\nThe assistant keeps replies short.\n"


def described(changes):
    """Changes as (old path, new path, status): what these tests check."""
    return [(c.old_path, c.new_path, c.status) for c in changes]


def open_repo(path: Path) -> Repository:
    return Repository(path)


@pytest.fixture
def three_commits(spec_repo) -> list[str]:
    """``spec.md`` in three versions, one commit each; the commit ids, oldest first."""
    return [
        spec_repo.commit("v1", {"spec.md": SPEC_V1}),
        spec_repo.commit("v2", {"spec.md": SPEC_V2}),
        spec_repo.commit("v3", {"spec.md": SPEC_V3}),
    ]


# -- revisions, as git diff names them -------------------------------------------------


def test_no_revisions_is_head_against_working_tree_with_staged_and_unstaged_edits(spec_repo):
    head = spec_repo.commit("first", {"staged.md": SPEC_V1, "unstaged.md": SPEC_V1, "same.md": SPEC_V1})
    spec_repo.write("staged.md", SPEC_V2)
    spec_repo.git("add", "staged.md")
    spec_repo.write("unstaged.md", SPEC_V2)
    spec_repo.write("new_staged.md", SPEC_V1)
    spec_repo.git("add", "new_staged.md")
    with open_repo(spec_repo.path) as repo:
        revisions = repo.resolve([])
        assert revisions.base.commit == head
        assert revisions.head.commit is None, "no revisions: the head side is the working tree"
        changes = sorted(repo.changed_files(revisions), key=lambda c: c.new_path or "")
    assert described(changes) == [
        (None, "new_staged.md", "added"),
        ("staged.md", "staged.md", "modified"),
        ("unstaged.md", "unstaged.md", "modified"),
    ]


def test_one_revision_is_that_revision_against_working_tree(spec_repo, three_commits):
    spec_repo.write("spec.md", "edited in the working tree\n")
    with open_repo(spec_repo.path) as repo:
        revisions = repo.resolve(["HEAD~2"])
        assert revisions.base.commit == three_commits[0]
        assert revisions.base.rev == "HEAD~2"
        assert revisions.head.commit is None
        assert described(repo.changed_files(revisions)) == [("spec.md", "spec.md", "modified")]


def test_two_revisions_are_base_and_head(spec_repo, three_commits):
    with open_repo(spec_repo.path) as repo:
        revisions = repo.resolve(["HEAD~2", "HEAD~1"])
    assert (revisions.base.commit, revisions.head.commit) == (three_commits[0], three_commits[1])
    assert (revisions.base.rev, revisions.head.rev) == ("HEAD~2", "HEAD~1")


def test_two_dot_range_is_base_and_head(spec_repo, three_commits):
    with open_repo(spec_repo.path) as repo:
        revisions = repo.resolve(["HEAD~2..HEAD~1"])
    assert (revisions.base.commit, revisions.head.commit) == (three_commits[0], three_commits[1])


def test_two_dot_range_with_empty_right_side_means_head(spec_repo, three_commits):
    spec_repo.write("spec.md", "working tree edits must not count\n")
    with open_repo(spec_repo.path) as repo:
        revisions = repo.resolve(["HEAD~2.."])
    assert revisions.base.commit == three_commits[0]
    assert revisions.head.commit == three_commits[2], "'A..' is A..HEAD, not A against the working tree"


def test_two_dot_range_with_empty_left_side_means_head(spec_repo, three_commits):
    with open_repo(spec_repo.path) as repo:
        revisions = repo.resolve(["..HEAD~1"])
    assert (revisions.base.commit, revisions.head.commit) == (three_commits[2], three_commits[1])


def test_three_dot_range_starts_from_the_merge_base(spec_repo):
    fork = spec_repo.commit("common", {"spec.md": SPEC_V1, "other.md": SPEC_V1})
    spec_repo.git("checkout", "-q", "-b", "feature")
    feature = spec_repo.commit("on feature", {"spec.md": SPEC_V2})
    spec_repo.git("checkout", "-q", "main")
    main_tip = spec_repo.commit("on main", {"other.md": SPEC_V2})
    with open_repo(spec_repo.path) as repo:
        revisions = repo.resolve(["main...feature"])
        assert revisions.base.commit == fork, "A...B starts from the merge base, not from A"
        assert revisions.base.commit != main_tip
        assert revisions.head.commit == feature
        assert described(repo.changed_files(revisions)) == [("spec.md", "spec.md", "modified")], (
            "main's own change to other.md must not show up in main...feature"
        )


def test_three_dot_range_without_common_ancestor_is_an_error(spec_repo):
    spec_repo.commit("main", {"spec.md": SPEC_V1})
    spec_repo.git("checkout", "-q", "--orphan", "island")
    spec_repo.commit("unrelated", {"spec.md": SPEC_V2})
    with open_repo(spec_repo.path) as repo, pytest.raises(SpecdiffError, match="no common ancestor"):
        repo.resolve(["main...island"])


def test_annotated_tag_resolves_to_its_commit(spec_repo, three_commits):
    spec_repo.git("tag", "-a", "v1.0", "-m", "release", three_commits[0])
    with open_repo(spec_repo.path) as repo:
        assert repo.resolve(["v1.0", "HEAD"]).base.commit == three_commits[0]


@pytest.mark.parametrize("revisions", [["HEAD~1", "nope"], ["nope..HEAD~1"], ["HEAD~1", "--output=/tmp/x"]])
def test_a_bad_side_of_two_is_named_whichever_side_it_is(spec_repo, three_commits, revisions):
    with open_repo(spec_repo.path) as repo, pytest.raises(SpecdiffError, match="unknown revision 'nope'|cannot start with '-'"):
        repo.resolve(revisions)


def test_a_file_named_like_a_revision_is_not_taken_for_one(spec_repo, three_commits):
    spec_repo.commit("odd file", {"nope^{commit}": "text\n"})
    with open_repo(spec_repo.path) as repo, pytest.raises(SpecdiffError, match="unknown revision 'nope'"):
        repo.resolve(["HEAD", "nope"])


def test_more_than_two_revisions_is_an_error(spec_repo, three_commits):
    with open_repo(spec_repo.path) as repo, pytest.raises(SpecdiffError, match="too many revisions"):
        repo.resolve(["HEAD~2", "HEAD~1", "HEAD"])


@pytest.mark.parametrize("revisions", [["HEAD~2..HEAD~1", "HEAD"], ["HEAD", "HEAD~2...HEAD~1"]])
def test_range_combined_with_another_revision_is_an_error(spec_repo, three_commits, revisions):
    with open_repo(spec_repo.path) as repo, pytest.raises(SpecdiffError, match="range cannot be combined"):
        repo.resolve(revisions)


def test_revision_starting_with_dash_is_rejected_not_passed_to_git(spec_repo, three_commits):
    with open_repo(spec_repo.path) as repo, pytest.raises(SpecdiffError, match="cannot start with '-'"):
        repo.resolve(["--output=/tmp/x"])


# -- changed files -------------------------------------------------------------------------


def test_changed_files_reports_modified_added_and_deleted(spec_repo):
    spec_repo.commit("base", {"kept.md": SPEC_V1, "gone.md": SPEC_V1, "same.md": SPEC_V1})
    new = "# Glossary\n\nA patron is a library member.\n"  # unlike gone.md, so not a rename
    spec_repo.commit("change", {"kept.md": SPEC_V2, "new.md": new}, remove=("gone.md",))
    with open_repo(spec_repo.path) as repo:
        changes = repo.changed_files(repo.resolve(["HEAD~1", "HEAD"]))
    assert described(sorted(changes, key=lambda c: c.old_path or c.new_path or "")) == [
        ("gone.md", None, "deleted"),
        ("kept.md", "kept.md", "modified"),
        (None, "new.md", "added"),
    ]


def test_changed_files_detects_a_moved_file_as_renamed(spec_repo):
    spec_repo.commit("base", {"spec/old-name.md": SPEC_V3})
    spec_repo.git("mv", "spec/old-name.md", "spec/new-name.md")
    spec_repo.commit("move")
    with open_repo(spec_repo.path) as repo:
        changes = repo.changed_files(repo.resolve(["HEAD~1", "HEAD"]))
    assert described(changes) == [("spec/old-name.md", "spec/new-name.md", "renamed")]


def test_changed_files_detects_a_rename_with_small_edits(spec_repo):
    spec_repo.commit("base", {"a.md": SPEC_V3})
    spec_repo.commit("move and edit", {"b.md": SPEC_V3.replace("short", "brief")}, remove=("a.md",))
    with open_repo(spec_repo.path) as repo:
        changes = repo.changed_files(repo.resolve(["HEAD~1", "HEAD"]))
    assert described(changes) == [("a.md", "b.md", "renamed")]


def test_changed_files_keeps_paths_with_spaces_and_non_ascii_verbatim(spec_repo):
    spec_repo.commit("base", {"spec/café policy.md": SPEC_V1})
    spec_repo.commit("edit", {"spec/café policy.md": SPEC_V2})
    with open_repo(spec_repo.path) as repo:
        changes = repo.changed_files(repo.resolve(["HEAD~1", "HEAD"]))
    assert described(changes) == [("spec/café policy.md", "spec/café policy.md", "modified")]


def test_changed_files_limited_by_pathspec(spec_repo):
    spec_repo.commit("base", {"spec/a.md": SPEC_V1, "docs/b.md": SPEC_V1})
    spec_repo.commit("both", {"spec/a.md": SPEC_V2, "docs/b.md": SPEC_V2})
    with open_repo(spec_repo.path) as repo:
        revisions = repo.resolve(["HEAD~1", "HEAD"])
        assert len(repo.changed_files(revisions)) == 2
        assert described(repo.changed_files(revisions, [str(spec_repo.path / "spec")])) == [
            ("spec/a.md", "spec/a.md", "modified")
        ]


def test_changed_files_pathspec_is_relative_to_current_folder(spec_repo, monkeypatch):
    spec_repo.commit("base", {"spec/a.md": SPEC_V1, "docs/a.md": SPEC_V1})
    spec_repo.commit("both", {"spec/a.md": SPEC_V2, "docs/a.md": SPEC_V2})
    monkeypatch.chdir(spec_repo.path / "spec")
    with open_repo(spec_repo.path) as repo:
        changes = repo.changed_files(repo.resolve(["HEAD~1", "HEAD"]), ["a.md"])
    assert described(changes) == [("spec/a.md", "spec/a.md", "modified")]


def test_pathspecs_turns_paths_relative_to_current_folder_into_repo_relative(spec_repo, monkeypatch):
    spec_repo.commit("base", {"spec/sub/a.md": SPEC_V1})
    monkeypatch.chdir(spec_repo.path / "spec")
    with open_repo(spec_repo.path) as repo:
        assert repo.pathspecs(["sub/a.md", ".", "..", "../README.md"]) == ["spec/sub/a.md", "spec", ".", "README.md"]


def test_pathspecs_accepts_absolute_paths_inside_the_repo(spec_repo):
    spec_repo.commit("base", {"spec/a.md": SPEC_V1})
    with open_repo(spec_repo.path) as repo:
        assert repo.pathspecs([str(spec_repo.path / "spec" / "a.md")]) == ["spec/a.md"]


def test_pathspecs_rejects_a_path_outside_the_repo(spec_repo, monkeypatch, tmp_path):
    spec_repo.commit("base", {"spec/a.md": SPEC_V1})
    monkeypatch.chdir(spec_repo.path / "spec")
    with open_repo(spec_repo.path) as repo:
        with pytest.raises(SpecdiffError, match="outside the repository") as error:
            repo.pathspecs(["../../elsewhere.md"])
    assert "elsewhere.md" in str(error.value)


def test_pathspecs_accepts_an_absolute_path_through_a_symlink_to_the_repo(spec_repo, tmp_path):
    spec_repo.commit("base", {"a.md": SPEC_V1})
    link = tmp_path / "link"
    link.symlink_to(spec_repo.path, target_is_directory=True)
    with open_repo(link) as repo:
        assert repo.pathspecs([str(link / "a.md")]) == ["a.md"]


# -- reading files ---------------------------------------------------------------------------


def test_read_and_size_at_a_commit(spec_repo, three_commits):
    spec_repo.write("spec.md", "working tree only\n")
    with open_repo(spec_repo.path) as repo:
        assert repo.read(three_commits[0], "spec.md") == SPEC_V1.encode()
        assert repo.size(three_commits[0], "spec.md") == len(SPEC_V1.encode())
        assert repo.read(three_commits[2], "spec.md") == SPEC_V3.encode()


def test_read_and_size_in_working_tree(spec_repo, three_commits):
    content = "édité dans l'arbre de travail\n".encode()
    spec_repo.write("spec.md", content)
    with open_repo(spec_repo.path) as repo:
        assert repo.read(None, "spec.md") == content
        assert repo.size(None, "spec.md") == len(content)


def test_read_in_subfolder_uses_repo_relative_path(spec_repo, monkeypatch):
    commit = spec_repo.commit("base", {"spec/a.md": SPEC_V1})
    monkeypatch.chdir(spec_repo.path / "spec")
    with open_repo(spec_repo.path) as repo:
        assert repo.read(commit, "spec/a.md") == SPEC_V1.encode()
        assert repo.read(None, "spec/a.md") == SPEC_V1.encode()


def test_read_of_a_path_missing_at_a_commit_names_the_path(spec_repo, three_commits):
    with open_repo(spec_repo.path) as repo, pytest.raises(SpecdiffError, match="nowhere.md does not exist"):
        repo.read(three_commits[0], "nowhere.md")


def test_read_of_a_path_missing_in_working_tree_names_the_path(spec_repo, three_commits):
    with open_repo(spec_repo.path) as repo, pytest.raises(SpecdiffError, match="cannot read nowhere.md"):
        repo.read(None, "nowhere.md")


# -- opening a repository ----------------------------------------------------------------------


def test_opening_a_subfolder_finds_the_repo_root(spec_repo):
    spec_repo.commit("base", {"spec/a.md": SPEC_V1})
    with open_repo(spec_repo.path / "spec") as repo:
        assert repo.root.resolve() == spec_repo.path.resolve()


def test_folder_that_is_not_a_git_repository_is_an_error(tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    with pytest.raises(SpecdiffError, match="not in a git repository") as error:
        Repository(plain)
    assert "plain" in str(error.value)


def test_folder_that_does_not_exist_is_an_error(tmp_path):
    with pytest.raises(SpecdiffError, match="no such folder") as error:
        Repository(tmp_path / "missing")
    assert "missing" in str(error.value)


def test_bare_repository_is_an_error(tmp_path):
    bare = tmp_path / "bare.git"
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    with pytest.raises(SpecdiffError, match="bare repository"):
        Repository(bare)


@pytest.mark.parametrize("revisions", [["no-such-rev"], ["HEAD", "no-such-rev"], ["no-such-rev..HEAD"], ["HEAD...no-such-rev"]])
def test_unknown_revision_is_an_error_naming_it(spec_repo, three_commits, revisions):
    with open_repo(spec_repo.path) as repo, pytest.raises(SpecdiffError, match="unknown revision") as error:
        repo.resolve(revisions)
    assert "no-such-rev" in str(error.value)


def test_empty_repository_without_commits_is_an_error(spec_repo):
    with open_repo(spec_repo.path) as repo, pytest.raises(SpecdiffError, match="no commits"):
        repo.resolve([])


def test_shallow_clone_missing_the_base_suggests_fetching_more_history(spec_repo, three_commits, tmp_path):
    clone = shallow_clone(spec_repo.path, tmp_path / "clone")
    with open_repo(clone) as repo:
        assert repo.is_shallow
        assert repo.resolve(["HEAD"]).base.commit == three_commits[2], "the fetched commit still resolves"
        with pytest.raises(SpecdiffError, match="shallow clone") as error:
            repo.resolve(["HEAD~1"])
    assert "git fetch --deepen" in str(error.value)
    assert "HEAD~1" in str(error.value)


def test_changed_files_carry_blob_ids_to_read(spec_repo):
    spec_repo.commit("base", {"spec.md": SPEC_V1})
    spec_repo.commit("change", {"spec.md": SPEC_V2})
    spec_repo.write("spec.md", SPEC_V3)
    with open_repo(spec_repo.path) as repo:
        (committed,) = repo.changed_files(repo.resolve(["HEAD~1", "HEAD"]))
        assert repo.read_blob(committed.old_blob) == SPEC_V1.encode()
        assert repo.read_blob(committed.new_blob) == SPEC_V2.encode()
        assert repo.blob_size(committed.new_blob) == len(SPEC_V2.encode())
        (working,) = repo.changed_files(repo.resolve(["HEAD"]))
        assert working.new_blob is None, "an edited working-tree file has no blob yet: it is read from disk"


def test_a_blob_over_the_limit_is_not_returned_and_the_next_read_still_works(spec_repo):
    spec_repo.commit("base", {"spec.md": SPEC_V1})
    spec_repo.commit("change", {"spec.md": SPEC_V2})
    with open_repo(spec_repo.path) as repo:
        (committed,) = repo.changed_files(repo.resolve(["HEAD~1", "HEAD"]))
        size = len(SPEC_V2.encode())
        assert repo.read_blob_within(committed.new_blob, size) == (size, SPEC_V2.encode())
        assert repo.read_blob_within(committed.new_blob, size - 1) == (size, None)
        assert repo.read_blob_within(committed.old_blob, 10**6) == (len(SPEC_V1.encode()), SPEC_V1.encode())


def test_a_commit_is_listed_once_and_a_moving_name_each_time(spec_repo, three_commits):
    with open_repo(spec_repo.path) as repo:
        first = repo.list_files(three_commits[0])
        first.clear()  # a caller's copy: the kept listing stays whole
        assert [f.path for f in repo.list_files(three_commits[0])] == ["spec.md"]
        assert [f.path for f in repo.list_files("HEAD")] == ["spec.md"]
        spec_repo.commit("another file", {"notes.md": "# Notes\n"})
        assert [f.path for f in repo.list_files("HEAD")] == ["notes.md", "spec.md"], "HEAD moved: listed again"


def test_searches_made_together_find_what_each_finds_alone(spec_repo):
    """grep_each: one ``git grep`` for several searches gives each the files its own grep gives."""
    from specdiff.scan import SHARED_SEARCHES

    files = {
        "src/built.py": "# specdiff: spec.md#replies\n",
        "docs/guide.md": "See [replies](spec.md#replies) and [x](other.md).\n",
        "tests/test_policy.py": "@pytest.mark.spec('spec.md#replies')\ndef test_a(): ...\n",
        "evals/task.py": "Sample(id='a', metadata={'spec': 'spec.md'})\n",
        "odd\nname.md": "specdiff: spec.md and a link (spec.md) on one line\n",
        "plain.txt": "mark-spec( no: the dot is a literal\nspecdiff without its colon\n",
        "image.bin": b"\x00specdiff: spec.md\x00",
    }
    commit = spec_repo.commit("files", {"spec.md": SPEC_V1, **files})
    # A match that holds another search's text counts for both ("Sample(id=" holds "Sample(").
    searches = [*SHARED_SEARCHES, ((r"Sample\(id=",), False), (("[x](",), True), (("absent",), True)]
    with open_repo(spec_repo.path) as repo:
        for revision in (commit, None):  # the commit, then the working tree
            together = repo.grep_each(revision, searches)
            alone = [repo.grep(revision, list(patterns), fixed=fixed) for patterns, fixed in searches]
            assert together == alone, f"at {revision}"
        assert together[0] == {"src/built.py", "odd\nname.md"}, "markers: binary files left out, odd names kept whole"
        assert together[-1] == set()
