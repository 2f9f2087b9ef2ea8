"""``stamp`` then ``check`` across several commits: which outputs are stale, what changed, and which commit changed it."""

from __future__ import annotations

import pytest

from specdiff.check import check, stamp
from specdiff.errors import SpecdiffError

HOLDS_V1 = "Holds wait at the desk for seven days."
HOLDS_V3 = "Holds wait at the desk for three days."


def lending(holds: str = HOLDS_V1, notes: str = "Opening hours are on the website.") -> str:
    return f"""\
# Lending policy

## Holds {{#holds}}

{holds}

The system must notify the patron when a hold is ready.

## Fines {{#fines}}

Fines never exceed the price of the item.

## Notes {{#notes}}

{notes}
"""


FILES = {
    "specdiff.toml": 'specs = ["spec/*.md"]\n',
    "spec/lending.md": lending(),
    "src/holds.py": "# specdiff: spec/lending.md#holds\nPICKUP_DAYS = 7\n",
    "src/fines.py": "# specdiff: spec/lending.md#fines\nCAP = 1.0\n",
}


@pytest.fixture
def history(spec_repo):
    """Stamped at commit 1; commit 2 rewords #notes (nothing depends on it); commit 3 changes #holds."""
    first = spec_repo.commit("First policy", FILES)
    assert stamp(spec_repo.path, []) == ["artifact:src/fines.py", "artifact:src/holds.py"]
    spec_repo.commit("Reword the notes", {"spec/lending.md": lending(notes="Opening hours are posted at the door.")})
    third = spec_repo.commit(
        "Shorten the hold pickup window",
        {"spec/lending.md": lending(HOLDS_V3, notes="Opening hours are posted at the door.")},
    )
    return spec_repo, first, third


def test_output_of_changed_section_is_stale(history):
    repo, first, _ = history
    result = check(repo.path)
    assert [s.output for s in result.stale] == ["artifact:src/holds.py"], result.stale
    assert result.stale[0].stamped == first


def test_stale_change_names_section_old_and_new_text(history):
    repo, _, _ = history
    (change,) = check(repo.path).stale[0].changes
    assert change.section == "spec/lending.md#holds"
    assert change.removed == (HOLDS_V1,), change
    assert change.added == (HOLDS_V3,), change


def test_stale_change_names_the_commit_that_made_it_across_several_commits(history):
    repo, _, third = history
    (change,) = check(repo.path).stale[0].changes
    assert change.commit is not None, "the change is committed"
    assert change.commit.id == third, "commit 2 touched the file but not #holds; commit 3 changed it"
    assert change.commit.subject == "Shorten the hold pickup window"


def test_unrelated_output_stays_fresh(history):
    repo, _, _ = history
    result = check(repo.path)
    assert "artifact:src/fines.py" not in [s.output for s in result.stale]
    assert result.unstamped == [] and result.gone == []


def test_check_at_an_earlier_revision(history):
    repo, _, _ = history
    assert check(repo.path, "HEAD~1").stale == [], "at commit 2 #holds was still as stamped"


def test_uncommitted_edit_has_no_commit(spec_repo):
    spec_repo.commit("First policy", FILES)
    stamp(spec_repo.path, [])
    spec_repo.write("spec/lending.md", lending(HOLDS_V3))
    result = check(spec_repo.path)
    assert [s.output for s in result.stale] == ["artifact:src/holds.py"]
    (change,) = result.stale[0].changes
    assert change.commit is None, "only the working tree changed"
    assert (change.removed, change.added) == ((HOLDS_V1,), (HOLDS_V3,))


def test_fresh_after_stamp(spec_repo):
    spec_repo.commit("First policy", FILES)
    stamp(spec_repo.path, [])
    result = check(spec_repo.path)
    assert (result.stale, result.unstamped, result.gone) == ([], [], [])


def test_renamed_spec_file_does_not_make_outputs_stale(spec_repo):
    spec_repo.commit("First policy", FILES)
    stamp(spec_repo.path, [])
    spec_repo.git("mv", "spec/lending.md", "spec/loans.md")
    spec_repo.commit(
        "Rename the policy file",
        {
            "src/holds.py": "# specdiff: spec/loans.md#holds\nPICKUP_DAYS = 7\n",
            "src/fines.py": "# specdiff: spec/loans.md#fines\nCAP = 1.0\n",
        },
    )
    result = check(spec_repo.path)
    assert result.stale == [], f"same clauses under a new file name: {result.stale}"


def test_renamed_and_changed_spec_file_is_stale(spec_repo):
    spec_repo.commit("First policy", FILES)
    stamp(spec_repo.path, [])
    spec_repo.commit(
        "Rename and shorten",
        {
            "spec/loans.md": lending(HOLDS_V3),
            "src/holds.py": "# specdiff: spec/loans.md#holds\n",
            "src/fines.py": "# specdiff: spec/loans.md#fines\n",
        },
        remove=("spec/lending.md",),
    )
    result = check(spec_repo.path)
    assert [s.output for s in result.stale] == ["artifact:src/holds.py"], result.stale
    added = [text for change in result.stale[0].changes for text in change.added]
    assert HOLDS_V3 in added, result.stale[0].changes


def test_renamed_and_changed_spec_file_reports_only_the_changed_clause(spec_repo):
    spec_repo.commit("First policy", FILES)
    stamp(spec_repo.path, [])
    spec_repo.git("mv", "spec/lending.md", "spec/loans.md")
    spec_repo.commit(
        "Rename and shorten",
        {
            "spec/loans.md": lending(HOLDS_V3),
            "src/holds.py": "# specdiff: spec/loans.md#holds\n",
            "src/fines.py": "# specdiff: spec/loans.md#fines\n",
        },
    )
    changes = check(spec_repo.path).stale[0].changes
    removed = [text for change in changes for text in change.removed]
    added = [text for change in changes for text in change.added]
    assert (removed, added) == ([HOLDS_V1], [HOLDS_V3]), f"the notify clause did not change: {changes}"


def test_output_whose_section_was_deleted_is_stale(spec_repo):
    spec_repo.commit("First policy", FILES)
    stamp(spec_repo.path, [])
    without_fines = lending().replace("## Fines {#fines}\n\nFines never exceed the price of the item.\n\n", "")
    spec_repo.commit("Abolish fines", {"spec/lending.md": without_fines})
    result = check(spec_repo.path)
    assert [s.output for s in result.stale] == ["artifact:src/fines.py"], "its marker now names a missing section"
    (change,) = result.stale[0].changes
    assert change.removed == ("Fines never exceed the price of the item.",) and change.added == ()
    assert change.commit is not None and change.commit.subject == "Abolish fines"


def test_output_stamped_alone_leaves_the_others_unstamped(spec_repo):
    spec_repo.commit("First policy", FILES)
    assert stamp(spec_repo.path, [str(spec_repo.path / "src/holds.py")]) == ["artifact:src/holds.py"]
    result = check(spec_repo.path)
    assert result.unstamped == ["artifact:src/fines.py"]
    assert result.stale == []


def test_output_that_no_longer_depends_on_the_spec_is_gone(spec_repo):
    spec_repo.commit("First policy", FILES)
    stamp(spec_repo.path, [])
    spec_repo.commit("Drop the fines module", remove=("src/fines.py",))
    result = check(spec_repo.path)
    assert result.gone == ["artifact:src/fines.py"]
    assert result.stale == []


def test_stamp_all_forgets_outputs_that_are_gone(spec_repo):
    spec_repo.commit("First policy", FILES)
    stamp(spec_repo.path, [])
    spec_repo.commit("Drop the fines module", remove=("src/fines.py",))
    stamp(spec_repo.path, [])
    assert check(spec_repo.path).gone == []


def test_new_clause_in_depended_section_is_stale_with_only_added_text(spec_repo):
    spec_repo.commit("First policy", FILES)
    stamp(spec_repo.path, [])
    spec_repo.commit(
        "Add a fine waiver",
        {
            "spec/lending.md": lending().replace(
                "Fines never exceed the price of the item.\n",
                "Fines never exceed the price of the item.\n\nLibrarians may waive fines for children.\n",
            )
        },
    )
    (stale,) = check(spec_repo.path).stale
    assert stale.output == "artifact:src/fines.py"
    (change,) = stale.changes
    assert (change.removed, change.added) == ((), ("Librarians may waive fines for children.",))
    assert change.commit is not None and change.commit.subject == "Add a fine waiver"


def test_check_without_a_lock_is_an_error(spec_repo):
    spec_repo.commit("First policy", FILES)
    with pytest.raises(SpecdiffError, match="no specdiff.lock yet"):
        check(spec_repo.path)


def test_stamp_of_a_path_that_is_no_output_is_an_error(spec_repo):
    spec_repo.commit("First policy", FILES)
    with pytest.raises(SpecdiffError, match="not an output"):
        stamp(spec_repo.path, [str(spec_repo.path / "README.md")])


def test_new_dependency_committed_is_not_reported_as_uncommitted(spec_repo):
    spec_repo.commit("First policy", FILES)
    stamp(spec_repo.path, [])
    spec_repo.commit(
        "Holds also cap fines",
        {"src/holds.py": "# specdiff: spec/lending.md#holds\n# specdiff: spec/lending.md#fines\nPICKUP_DAYS = 7\n"},
    )
    assert spec_repo.git("status", "--porcelain", "--untracked-files=no") == "", "the working tree is clean"
    (stale,) = check(spec_repo.path).stale
    (change,) = stale.changes
    assert change.section == "spec/lending.md#fines"
    assert change.commit is not None, "nothing is uncommitted; the commit that added the marker made it stale"
