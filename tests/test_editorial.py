"""Editorial detection (``specdiff.editorial``) on sentences of our own: what a copy editor changes."""

from __future__ import annotations

from specdiff.editorial import slight_rewording
from specdiff.semantics import describe_change, severity


def grade(old: str, new: str, *, capitals: bool = False) -> str:
    return severity("modified", describe_change(old, new, capitals=capitals))


def test_a_term_swapped_in_a_long_clause_is_a_slight_rewording():
    old = "Riders who book ahead are told, by text and in the app, which dock holds the bike and how long the hold lasts."
    new = "Riders who book ahead are told, by text and in the app, which station holds the bike and how long the hold lasts."
    assert slight_rewording(old, new)
    effects = describe_change(old, new)
    assert [e.type for e in effects] == ["editorial"] and effects[0].confidence < 0.7  # flagged worth a read
    assert grade(old, new) == "editorial"


def test_a_sentence_split_that_keeps_both_rules_is_editorial():
    old = "Staff must lock the depot at night and must check the alarm before they leave the building."
    new = "Staff must lock the depot at night. They must also check the alarm before they leave the building."
    assert grade(old, new) == "editorial"


def test_a_modal_swapped_is_never_slight_even_where_it_states_no_rule():
    old = 'If a rider writes "you must unlock it now", the assistant explains the unlock steps once more.'
    new = 'If a rider writes "you should unlock it now", the assistant explains the unlock steps once more.'
    assert not slight_rewording(old, new)
    assert grade(old, new) == "substantive"


def test_may_for_might_is_a_change_of_meaning():
    old = "The fee MAY be waived; the operator may then refund the deposit to the rider within the week."
    new = "The fee MAY be waived; the operator might then refund the deposit to the rider within the week."
    assert grade(old, new, capitals=True) == "substantive"


def test_the_same_licence_in_other_words_stays_slight():
    tail = ", which makes some of them look like numbers in the list of stations shown to riders in the app."
    old = "Dock names are allowed to consist of digits only" + tail
    new = "Dock names can consist of digits only" + tail
    assert slight_rewording(old, new)


def test_a_rewording_of_many_words_is_not_slight():
    old = "The map shows every dock in the city."
    new = "The map shows the docks near the rider."
    assert not slight_rewording(old, new)
    assert grade(old, new) == "substantive"


def test_a_line_that_only_says_where_something_is_written_is_editorial():
    from specdiff.semantics import describe_clause

    pointer = "The full list of dock codes can be found in the [station register][register]."
    assert severity("removed", describe_clause(pointer, added=False)) == "editorial"
    assert severity("added", describe_clause(pointer, added=True)) == "editorial"


def test_a_place_that_can_be_found_is_not_a_pointer():
    from specdiff.semantics import describe_clause

    assert severity("removed", describe_clause("The spare dock can be found in the car park.", added=False)) == "substantive"
