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


def test_an_item_of_a_see_also_list_is_a_pointer():
    from specdiff.force import Place
    from specdiff.semantics import describe_clause

    item = Place("list_item", lead_in="See also:")
    old = "See [the fare table](#fares) for day passes and [the dock map](#docks) for the stations that are not open at night."
    new = "[The fare table](#fares) for day passes, weekly passes and refunds"
    assert severity("modified", describe_change(old, new, new_place=item)) == "editorial"
    assert severity("added", describe_clause(new, added=True, place=item)) == "editorial"
    # ... unless the item states a rule of its own
    ruled = "[The fare table](#fares): riders must buy a pass before they unlock a bike"
    assert severity("added", describe_clause(ruled, added=True, place=item)) == "breaking"


def test_a_place_that_can_be_found_is_not_a_pointer():
    from specdiff.semantics import describe_clause

    assert severity("removed", describe_clause("The spare dock can be found in the car park.", added=False)) == "substantive"


def test_a_term_renamed_in_every_place_is_editorial_but_a_single_swap_is_not():
    old = "Docks MAY support custom charger plugs. Riders SHALL NOT expect a dock to accept custom charger plugs."
    new = "Docks MAY support custom charger sockets. Riders SHALL NOT expect a dock to accept custom charger sockets."
    assert grade(old, new, capitals=True) == "editorial"
    assert grade("The shoulder strap must be adjustable.", "The shoulder strap must be removable.") == "substantive"


def test_one_more_item_in_a_list_is_not_a_slight_rewording():
    tail = " a flat tyre, a broken chain or a closed dock on the planned route of the rider today."
    old = "A ride can end early due to" + tail
    new = "A ride can end early due to bad weather," + tail
    assert not slight_rewording(old, new)
    assert grade(old, new) == "substantive"
    # a list of single words that grew, its last item said with words of its own
    tail = " To keep the log short, the kiosk MUST NOT log one rental more than once on any day of the week."
    old = "The kiosk MAY log that a rental was paused or ended." + tail
    new = "The kiosk MAY log that a rental was paused, ended, or extended by staff." + tail
    assert not slight_rewording(old, new)
    assert grade(old, new, capitals=True) == "substantive"


def test_a_phrase_opening_the_sentence_is_not_a_list_item():
    from specdiff.editorial import _list_item_added

    tail = " bike with a flat tyre goes to the workshop first and the rest go back to the docks."
    old = "Bikes wait at the depot for a check. Each" + tail
    new = "Bikes wait at the depot for a check. In winter, each" + tail
    assert not _list_item_added(old, new)
    assert slight_rewording(old, new)


def test_a_table_of_contents_entry_follows_its_heading(spec_repo, specdiff):
    import json

    toc = "# Bikes\n\n- [Docks](#docks)\n- [Fees](#fees)\n\n## Docks\n\nRiders must dock the bike.\n\n"
    toc += "## Fees\n\nA ride costs two euros.\n"
    renamed = toc.replace("[Docks](#docks)", "[Stations](#stations)").replace("## Docks", "## Stations")
    spec_repo.commit("Base", {"spec/bikes.md": toc})
    spec_repo.commit("Rename", {"spec/bikes.md": renamed})
    run = specdiff("diff", "-C", spec_repo.path, "--format", "json", "HEAD~1")
    assert run.code == 0, run.err
    amendments = [a for f in json.loads(run.out)["files"] for a in f["amendments"]]
    entry = [a for a in amendments if a["unit"] == "clause"]
    assert [(a["kind"], a["severity"]) for a in entry] == [("modified", "editorial")]
    assert any(a["unit"] == "section" and a["severity"] == "substantive" for a in amendments)  # the heading says it


# -- the same force in other words -------------------------------------------------------------


def test_a_licence_restated_in_other_words_is_a_slight_rewording():
    tail = " to check that the dock on the other side still answers and that the link between them is up."
    old = "The booking service offers an optional heartbeat message that allows either side" + tail
    new = "The booking service offers a heartbeat message that either side may send" + tail
    assert slight_rewording(old, new)
    assert grade(old, new) == "editorial"


def test_a_prohibition_restated_with_a_keyword_is_a_slight_rewording():
    head = (
        "Docks MAY unlock a bike before the payment clears, within the limits of the rider's plan and the credit"
        " the rider holds with the scheme. Kiosks MUST keep a record of each early unlock until the payment clears,"
        " and drop the record once the bike is back at a dock and the ride is paid. "
    )
    old = head + "(This early unlock is not permitted at night because it would let a bike leave an unattended station.)"
    new = head + "(Docks MUST NOT use the early unlock at night, as this would let a bike leave an unattended station.)"
    assert grade(old, new, capitals=True) == "editorial"


def test_the_same_force_in_other_words_in_a_short_rule_is_not_slight():
    # one phrase of force swapped is one word replaced: a tenth of a short rule's words
    assert grade("Never leave a bike unlocked at the dock.", "Do not leave a bike unlocked at the dock.") == "substantive"
    assert grade("Riders must return the bike.", "Riders are required to return the bike.") == "substantive"
    # (but "shall" is "must" written otherwise, RFC 2119 says: the same text)
    assert grade("Riders must return the bike.", "Riders shall return the bike.") == "editorial"


def test_another_force_in_other_words_is_never_slight():
    tail = " to check that the dock on the other side still answers and that the link between them is up."
    old = "The booking service offers an optional heartbeat message that allows either side" + tail
    new = "The booking service offers a heartbeat message that either side must send" + tail
    assert not slight_rewording(old, new)


def test_articles_are_not_counted_in_a_rewording():
    old = "Riders who book ahead are told by text which dock holds a bike for them and how long the hold lasts."
    new = "Riders who book ahead are told by text which station holds the bike for them and how long the hold lasts."
    assert slight_rewording(old, new)  # "dock" -> "station" is 2 words of 42; "a" -> "the" is a slip


def test_a_numbered_note_is_no_link_definition():
    # "[1]: ..." followed by words is a note (semantic conventions write every attribute's note so)
    old = "[1]: The dock count is exported once a day."
    assert grade(old, old + " Each dock MUST be counted exactly once.", capitals=True) == "breaking"
    # a link definition is its label and one destination
    assert grade("[docks]: docks.md", "[docks]: stations/docks.md") == "editorial"


def test_a_badge_relabelled_is_a_change_of_status():
    row = "`berth.depth` | {} | `Recommended` | int | The depth of the berth at low tide, in metres, as charted. | `4`; `12`"
    old, new = row.format("![Development](badges/dev.svg)"), row.format("![Stable](badges/stable.svg)")
    assert not slight_rewording(old, new)
    assert grade(old, new) == "substantive"


def test_a_sentence_saying_where_to_learn_more_is_a_pointer():
    old = "Berths are numbered from the lighthouse."
    for pointer in ("You may learn more in [the harbour guide](guide.md).", "Check out [the tide FAQ](faq.md) for the times."):
        assert grade(old, f"{old} {pointer}") == "editorial", pointer
    # a licence whose object is a link stays one
    assert grade(old, f"{old} You may moor in [the east basin](east.md).") == "substantive"


def test_link_definitions_joined_on_one_line_are_still_definitions():
    old = "[@ana]: https://example.org/ana [@ben]: https://example.org/ben"
    assert grade(old, "[@ana]: https://example.org/ana") == "editorial"
