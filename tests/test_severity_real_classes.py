"""Severity rules taken from reading real spec histories (issue 19), each on sentences of our own.

Every rule here fixed cases of the labelled real set (``benchmarks/semantics_real.py``); the
sentences are made up (a fictional bike-share service), never quoted from a real spec.
"""

from __future__ import annotations

from specdiff.semantics import describe_change, describe_clause, severity

BREAKING, SUBSTANTIVE, EDITORIAL = "breaking", "substantive", "editorial"


def grade(old: str, new: str, *, capitals: bool = False, example: bool = False) -> str:
    return severity("modified", describe_change(old, new, capitals=capitals, example=example))


# -- a permission taken away -------------------------------------------------------------


def test_permission_sentence_removed_is_breaking():
    old = "Riders must return bikes to a dock. Riders MAY leave a bike at a partner shop."
    new = "Riders must return bikes to a dock."
    assert grade(old, new) == BREAKING


def test_permission_that_was_a_limit_removed_broadens():
    # "MAY ... only ..." limits where the thing is allowed: without it, more complies.
    old = "The `basket` field MAY be used only on cargo bikes."
    assert severity("removed", describe_clause(old, added=False, capitals=True)) == SUBSTANTIVE


def test_permission_left_as_a_statement_is_not_breaking():
    assert grade("The app may refresh the map every minute.", "The app refreshes the map every minute.") == SUBSTANTIVE


# -- numbers -------------------------------------------------------------------------------


def test_number_taken_away_lifts_a_limit():
    old = "Each rental MUST extend the ride counter by one."
    new = "Each rental MUST extend the ride counter."
    assert grade(old, new, capitals=True) == SUBSTANTIVE


def test_number_changed_or_added_still_breaks():
    assert grade("Riders must dock within 30 minutes.", "Riders must dock within 20 minutes.") == BREAKING
    assert grade("Riders must dock the bike.", "Riders must dock the bike within 20 minutes.") == BREAKING


# -- examples ---------------------------------------------------------------------------


def test_example_gaining_a_sample_line_is_a_change_of_the_example():
    old = '```toml\nbike = "B-1"  # VALID\n```'
    new = '```toml\nbike = "B-1"  # VALID\n"" = "none"  # odd\n```'
    assert grade(old, new, example=True) == SUBSTANTIVE


def test_example_fence_given_a_language_is_editorial():
    assert grade('```\nbike = "B-1"\n```', '```toml\nbike = "B-1"\n```', example=True) == EDITORIAL


def test_example_sample_losing_words_shows_something_else():
    # the operator's instruction in the sample asks less: the example now shows another behaviour
    old = "~~~xml\n<operator>\nIf riders ask about the price, say it is fixed and offer a day pass.\n</operator>\n~~~"
    new = "~~~xml\n<operator>\nIf riders ask about the price, say it is fixed.\n</operator>\n~~~"
    assert grade(old, new, example=True) == SUBSTANTIVE


def test_example_comment_added_or_word_swapped_is_editorial():
    old = '```toml\n[[docks]]\nname = "North"\n\n[[docks]]\n```'
    assert grade(old, old.replace("\n\n[[docks]]\n", "\n\n[[docks]]  # an empty dock entry\n"), example=True) == EDITORIAL
    old = '```\nnote = """\nSpaces are kept in raw notes.\n"""\n```'
    assert grade(old, old.replace("raw notes", "literal notes"), example=True) == EDITORIAL


# -- a rule or a number moved to another sentence ---------------------------------------------


def test_obligation_restated_beside_a_new_licence_is_not_breaking():
    old = "Docks should report their charge in watts."
    new = "Docks are free to report their charge in any unit. It's recommended that watts are reported."
    effects = describe_change(old, new)
    assert severity("modified", effects) == SUBSTANTIVE, effects


def test_number_moved_to_another_sentence_is_not_a_new_limit():
    old = "Docks should keep 12 bikes."
    new = "Docks are free to keep any number of bikes. It's recommended that 12 are kept."
    assert grade(old, new) == SUBSTANTIVE


def test_obligation_dropped_for_a_licence_still_breaks():
    assert grade("Docks should report their charge in watts.", "Docks may report their charge in watts.") == BREAKING


# -- grades careful readers split on are flagged, not hidden ----------------------------------


def test_debatable_breaks_are_flagged_worth_a_read(spec_repo, specdiff):
    import json

    spec_repo.commit(
        "Base",
        {"spec/docks.md": "# Docks\n\nRiders MUST dock the bike.\n\nRiders MAY leave a bike at a partner shop.\n\n"
         "Docks MUST report their state.\n"},
    )
    spec_repo.commit(
        "Change",
        {"spec/docks.md": "# Docks\n\nRiders MUST dock the bike within 20 minutes.\n\nDocks MAY report their state.\n"},
    )
    run = specdiff("diff", "-C", spec_repo.path, "--format", "json", "HEAD~1")
    assert run.code == 0, run.err
    amendments = [a for f in json.loads(run.out)["files"] for a in f["amendments"]]
    by_text = {(a["new"] or a["old"])[0]["text"][:20]: a for a in amendments}
    assert {k: (a["severity"], a["worth_a_read"]) for k, a in by_text.items()} == {
        "Riders MUST dock the": ("breaking", False),  # a number added: no doubt
        "Riders MAY leave a b": ("breaking", True),  # a permission taken away
        "Docks MAY report the": ("breaking", True),  # MUST -> MAY
    }
