"""Tests of the directions ``semantics`` names for a change, one class per block, as
``docs/severity.md`` lists them. Every sentence is our own, written for a fictional
ferry-booking service and its ticket file format; none is taken from a real spec."""

from __future__ import annotations

import pytest

from specdiff.force import Place, read_sentence, rules
from specdiff.lexicon import numbers, quantifiers
from specdiff.model import Amendment
from specdiff.semantics import describe_change, main_direction, severity

PROSE = Place()
CAPITALS = Place(capitals=True)


def direction(old: str, new: str, place: Place = PROSE) -> tuple[str, str]:
    """The main direction and the severity of rewriting ``old`` as ``new`` in a paragraph."""
    effects = describe_change(old, new, old_place=place, new_place=place)
    amendment = Amendment("clause", "modified", severity("modified", effects), (), (), 0.5, effects, [], "x")
    return main_direction(amendment), amendment.severity


def reasons(sentence: str, place: Place = PROSE) -> list[tuple[str, str]]:
    return [(r.modal.phrase, r.reason) for r in read_sentence(sentence, place)]


# -- a limit on values said the other way round: narrowed or broadened, not reversed -----------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # an "only" list became a prohibition: far more values pass
        (
            "Ticket codes MUST contain only digits and dashes.",
            "Ticket codes MUST NOT contain spaces or line breaks.",
            ("broadened", "substantive"),
        ),
        # ... and the other way round
        (
            "Ticket codes MUST NOT contain spaces or line breaks.",
            "Ticket codes MUST contain only digits and dashes.",
            ("narrowed", "breaking"),
        ),
        # a licence with exceptions restated as a prohibition leans to narrowed (read it: only the lists say)
        (
            "Notes may contain any character except the bell and the null character.",
            "Control characters other than tab are not permitted in notes.",
            ("narrowed", "breaking"),
        ),
        (
            "Control characters other than tab are not permitted in notes.",
            "Notes may contain any character except the bell and the null character.",
            ("broadened", "substantive"),
        ),
        # an "only" list turned into "any ..." plus a prohibition, over two sentences
        (
            "Berth names may only contain ASCII letters and digits.",
            "Berth names may contain any letter or digit of any script. Spaces and slashes are not allowed.",
            ("broadened", "substantive"),
        ),
    ],
)
def test_a_limit_said_the_other_way_round_is_not_a_reversal(old: str, new: str, expected: tuple[str, str]) -> None:
    assert direction(old, new, CAPITALS if "MUST" in old else PROSE) == expected


def test_a_permission_that_carried_only_is_a_limit() -> None:
    # removing "MAY be used only on ..." lets the field be used anywhere: broadened, not a rule removed
    old = "This field MAY be used only on return tickets. It describes the return leg."
    new = "It describes the return leg."
    assert direction(old, new, CAPITALS) == ("broadened", "substantive")
    # a new "only ... allowed" sentence is a rule added (the guide: a new sentence with its own force)
    old = "Any seat may be booked online."
    assert direction(old, old + " Cabin seats are only allowed for night crossings.")[0] == "added"
    # MAY-only and MUST-only restrict alike: no change in force, and flagged
    effects = describe_change(
        "The `cabin` field MAY be included only if `night` is true.",
        "The `cabin` field MUST be included only if `night` is true.",
        capitals=True,
    )
    assert [e.direction for e in effects] == [None] and effects[0].confidence < 0.7
    assert [e.type for e in effects] == ["editorial"] and severity("modified", effects) == "editorial"
    # ... but an "only" list whose items changed is a change to read, not a keyword restated
    old, new = "Seat codes MUST contain only digits.", "Seat codes MUST contain only digits and dashes."
    effects = describe_change(old, new, capitals=True)
    assert severity("modified", effects) == "substantive"


def test_a_plain_reversal_stays_a_reversal() -> None:
    assert direction("Dogs are not allowed on deck.", "Dogs are allowed on deck.") == ("reversed", "breaking")
    assert direction("Crew MUST NOT open the ramp.", "Crew MUST open the ramp.", CAPITALS)[0] == "reversed"


# -- negations that do not turn the rule round ---------------------------------------------------------


def test_a_negation_in_an_aside_does_not_reverse_the_rule() -> None:
    old = "The port code MUST be an IATA code (with a country prefix)."
    new = "The port code MUST be an upper-case IATA code (without a country prefix)."
    assert direction(old, new, CAPITALS)[0] != "reversed"
    # "omit" inside an "(e.g. ...)" aside is not the rule's own sense
    old = "Agents SHOULD avoid the legacy codes, and MUST NOT use them unless the port requests it."
    new = (
        "Agents SHOULD avoid the legacy codes (e.g. they can omit the field), "
        "and SHOULD NOT use them unless the port requests it."
    )
    assert direction(old, new, CAPITALS) == ("weakened", "substantive")


def test_an_if_clause_ends_at_then() -> None:
    # the old condition runs to "then"; the empty list in the rule counts on both sides alike
    old = "For kiosks that do not print or if the printer is not ready then the kiosk MUST show an empty receipt."
    new = "For kiosks that do not print, the kiosk MUST show an empty receipt."
    assert direction(old, new, CAPITALS) == ("scope_narrowed", "substantive")


def test_an_if_then_condition_runs_on_over_commas() -> None:
    # both "not"s sit in the condition, which runs to its "then": only the number changed
    old = "If the ticket is not a valid boarding pass, or it does not match the crossing, then the gate SHOULD show code `40`."
    new = "If the ticket is not a valid boarding pass, code `42` is RECOMMENDED."
    effects = describe_change(old, new, old_place=CAPITALS, new_place=CAPITALS)
    assert "negation" not in {e.type for e in effects}


def test_a_sentence_opening_without_states_a_circumstance() -> None:
    old = "During the three crossings, passengers simply get a delay alert from the port."
    new = "Without a booking reference, passengers get a delay alert from the port."
    assert "negation" not in {e.type for e in describe_change(old, new)}


def test_a_relative_clause_opened_by_that_is_not_the_rules_sense() -> None:
    # "fail" in "Tickets that fail the check" tells which tickets; it does not turn the SHOULD NOT round
    old = "Tickets that fail the check, the gate SHOULD NOT open and SHOULD show code `40`."
    new = "If a ticket fails the check, the gate SHOULD NOT open and SHOULD show code `40`."
    assert {e.type for e in describe_change(old, new, old_place=CAPITALS, new_place=CAPITALS)} <= {"wording", "editorial"}
    # after a verb, "that" opens what is asserted
    effects = describe_change("Crews ensure that the ramp is down.", "Crews ensure that the ramp is not down.")
    assert "negation" in {e.type for e in effects}


def test_a_negated_phrase_added_whole_turns_nothing_round() -> None:
    old = "A day ticket is a ticket that does not name a crossing."
    new = "A day ticket is a ticket that does not name a crossing, and thus does not need a seat."
    assert "negation" not in {e.type for e in describe_change(old, new)}
    # a "not" put before words both versions have turns them round
    effects = describe_change("The ferry stops at the pier.", "The ferry does not stop at the pier.")
    assert "negation" in {e.type for e in effects}


def test_a_negated_participle_after_a_noun_tells_the_holder() -> None:
    # "a kiosk not knowing the code" names which kiosk, as "a kiosk that does not know" would; the
    # condition that hid it in the old sentence ends at a comma in the new one
    rule = "an older kiosk not knowing the code should not fail but ignore it."
    old = f"If a new fare code gets added and announced by the port {rule}"
    new = f"If a new fare code is added and announced by the port, {rule}"
    assert "negation" not in {e.type for e in describe_change(old, new)}
    # a negated doing after "is" or "by" is asserted
    effects = describe_change("The kiosk is using the printer.", "The kiosk is not using the printer.")
    assert "negation" in {e.type for e in effects}


# -- conditions and scope --------------------------------------------------------------------------------


def test_an_alternative_condition_dropped_narrows_the_scope() -> None:
    old = "The agent MUST refund the fare when the crossing is cancelled or when it leaves two hours late."
    new = "The agent MUST refund the fare when the crossing is cancelled."
    assert direction(old, new, CAPITALS)[0] == "scope_narrowed"


def test_an_alternative_condition_added_is_flagged_not_guessed() -> None:
    effects = describe_change(
        "Send a text when the ferry leaves.", "Send a text when the ferry leaves or when the berth changes."
    )
    condition = next(e for e in effects if e.type == "condition")
    assert condition.direction is None and condition.confidence < 0.7


def test_dropping_explicit_widens_the_scope() -> None:
    old = "The purser may share the manifest on explicit request of the captain."
    new = "The purser may share the manifest on request of the captain."
    assert direction(old, new)[0] == "scope_widened"


def test_only_in_an_aside_is_not_the_rules_limit() -> None:
    old = "Read the `fare_class` field"
    new = "Read the `fare_band` field (preferred) or the `fare_class` field (legacy files only)"
    assert direction(old, new, Place(kind="list_item")) == ("broadened", "substantive")


# -- numbers ----------------------------------------------------------------------------------------------


def test_a_number_that_went_with_its_words_is_a_constraint_dropped() -> None:
    old = "Each ticket number MUST increase by steps of one. For example: 7, 8, 9."
    new = "Each ticket number MUST increase. For example: 7, 8, 9."
    assert direction(old, new, CAPITALS) == ("broadened", "substantive")


def test_a_number_that_came_is_a_new_limit() -> None:
    assert direction("Riders should renew their pass regularly.", "Riders should renew their pass every 30 days.") == (
        "number_changed",
        "breaking",
    )


def test_a_numbered_item_is_a_pointer_not_a_quantity() -> None:
    assert numbers("as in item 2 above, see note 3 and footnote 4") == []


# -- who holds the rule --------------------------------------------------------------------------------------


def test_either_party_is_a_holder() -> None:
    old = "Either party can cancel a booking before boarding."
    new = "The client MAY cancel a booking before boarding."
    assert direction(old, new, CAPITALS) == ("holder_changed", "breaking")


# -- rule or not --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Manifests can be used to list every passenger aboard.", False),  # what a thing is for
        ("Each berth has a code that can be used in harbour radio calls.", False),  # said of the thing
        ("YAML can be used as well to write the timetable.", True),  # a second format licensed
        ("Remarks may contain any printable character except the pipe.", True),  # a licence over values
        ("Remarks may contain errors typed at the desk.", False),  # a likelihood
        ("Give riders the tide times they need to plan the trip.", True),  # "Give" rules; "they need to" is a need
        ("Choosing one default port avoids the need to ask every time.", False),  # an effect, not a rule
        ("A timetable could be defined to always list the first sailing.", False),  # "to always" in an infinitive
        ("For example, if a ferry is late, I need to check the tide table first.", False),  # the narrator's need
        ("The ferry that sails and the ferry that is booked are not always the same.", False),  # "not always": sometimes
        ("Ferries always sail with a lifeboat aboard.", True),
        ("`docked`: Always locked to its berth (no way to unlock it).", False),  # a term's meaning
        ("Captains will always ask for the calmest route.", False),  # a prediction
        ("Always lock the gangway.", True),
        ("Closing the gate early allows captains to leave on time.", False),  # a doing's effect, no licence
        ("The harbour master allows captains to leave early.", True),
        # what a thing allows is what it makes possible; a text's allowing licenses
        ("This mechanism allows captains to book a berth online.", False),
        ("The tide table feature allows captains to list several ports per line.", False),
        ("`berth-v2` allows captains to swap berths.", False),
        ("The harbour rules specification allows captains to swap berths.", True),
        ("Please refer to the harbour rules for the fees.", False),  # a pointer
        ("Refer every late captain to the harbour master.", True),
        ("A recommended approach is to moor bow first.", True),  # the choice a deontic adjective names
        ("The recommended berths are listed below.", False),
        ("Most ferries carry cars and do not depend on the tide.", False),  # "and do not" after a subject describes
        ("Check the moorings and do not leave before the tide turns.", True),
        ("Automatically generate a manifest for every sailing.", True),  # a command after a manner adverb
        ("Usually ferries leave at noon.", False),
        ("Let {berths} be the berths of the harbour.", False),  # an algorithm names a value
        ("Let the captain know the berth.", True),
        ("See [Ferries Are Allowed](#ferries-are-allowed) for the harbour's list.", False),  # a link's words name a section
        ("Captains [MUST](#keywords) moor bow first.", True),  # a keyword linked to its definition
        ("Use cases from other harbours would be a great addition:", False),  # a noun, no order
    ],
)
def test_rule_or_not(sentence: str, expected: bool) -> None:
    assert bool(rules(sentence)) is expected


def test_the_need_of_others_is_not_a_duty() -> None:
    assert ("need to", "descriptive") in reasons("Give riders the tide times they need to plan the trip.")


# -- rules that came beside rules ------------------------------------------------------------------------


def test_a_rule_split_off_with_a_new_force_is_that_rule_weakened() -> None:
    old = "When a berth frees up, agents MUST call the harbour office, rebook the waiting riders, and then send each one a text."
    new = (
        "When a berth frees up, agents MUST call the harbour office. "
        "Agents SHOULD rebook the waiting riders, and then send each one a text about the new berth."
    )
    assert direction(old, new, CAPITALS) == ("weakened", "substantive")


def test_a_rule_joined_to_the_same_subject_narrows_it() -> None:
    old = "A ticket code MUST take the form AAA-999 where the letters name the port."
    new = "A ticket code MUST take the form AAA-999 where the letters name the port, and MUST NOT repeat a retired code."
    assert direction(old, new, CAPITALS) == ("narrowed", "breaking")
    old = "If the stops field is a list, its items MUST be port codes."
    new = "If the stops field is a list, it MUST be non-empty, and its items MUST be port codes."
    assert direction(old, new, CAPITALS) == ("narrowed", "breaking")


def test_a_new_sentence_with_its_own_subject_is_a_rule_added() -> None:
    old = "Port codes MUST be three letters."
    new = "Port codes MUST be three letters. Berth numbers MUST NOT start with zero."
    assert direction(old, new, CAPITALS) == ("added", "breaking")


def test_a_prohibition_kept_as_the_refused_alternative_is_narrowed() -> None:
    old = "Kiosks MUST NOT reformat the rider's name."
    new = "Kiosks MUST print the rider's name as given rather than reformatting the rider's name."
    assert direction(old, new, CAPITALS) == ("narrowed", "breaking")


def test_a_licence_beside_a_kept_rule_broadens_it() -> None:
    old = "Fares should be shown in euros."
    new = "Kiosks are free to show fares in any currency. It is recommended that fares be shown in euros."
    assert direction(old, new) == ("broadened", "substantive")
    # a licence where there was no rule is a rule added
    assert direction("Fares are shown in euros.", "Fares may be shown in any currency.")[0] == "added"


# -- what a rule reaches ----------------------------------------------------------------------------------


def test_a_where_clause_bounds_the_rule_like_a_condition() -> None:
    # "where ..." says in which situations the rule binds: dropping it reaches more, adding it fewer
    old = "Deckhands must chain the bikes where the car deck is unattended."
    new = "Deckhands must chain the bikes."
    assert direction(old, new) == ("scope_widened", "breaking")
    assert direction(new, old) == ("scope_narrowed", "substantive")


def test_a_condition_that_restates_the_old_subject_bounds_nothing_new() -> None:
    # "when a crossing is booked" names the booking the old subject named: the same cases
    tail = " so that the purser can read it before the ferry leaves and plan the cabins for the night."
    old = "The crossing booking step allows a note to be attached to the ticket," + tail
    new = "When a crossing is booked, a note is allowed to be attached to the ticket," + tail
    assert direction(old, new)[0] == "none"
    # a condition with words of its own still narrows
    old = "Pursers must check the tickets" + tail
    new = "When the sea is rough, pursers must check the tickets" + tail
    assert direction(old, new) == ("scope_narrowed", "substantive")


def test_a_list_of_places_that_grew_or_shrank_changes_the_scope() -> None:
    old = "The purser should avoid errors that would spoil the manifests of its crossings."
    assert direction(old, old[:-1] + " or any later refunds.") == ("scope_widened", "breaking")
    old = "Use port codes for references in timetables and berth notices."
    new = "Use port codes for references in timetables."
    assert direction(old, new) == ("scope_narrowed", "substantive")
    # a list that names what a ban leaves out turns round: the ban now reaches more
    old = "- You MUST NOT edit files unrelated to the timetable workflow and its notices."
    new = "- You MUST NOT edit files unrelated to the timetable workflow."
    assert direction(old[2:], new[2:], CAPITALS)[0] == "scope_widened"
    # a value list is what complies, not where the rule applies
    old = "The fare MUST be a number."
    assert direction(old, "The fare MUST be a number or null.", CAPITALS)[0] == "broadened"


def test_an_exemption_that_grew_is_an_exception_added() -> None:
    old = "Trips MUST NOT exceed ten hours. Trips that end at the home port are exempt from this limit."
    new = "Trips MUST NOT exceed ten hours. This limit does not apply to rescue trips, or to trips that end at the home port."
    assert direction(old, new, CAPITALS) == ("exception_added", "substantive")
    assert direction(new, old, CAPITALS) == ("exception_removed", "breaking")


def test_a_step_label_with_a_dash_leads_into_a_command() -> None:
    place = Place(kind="list_item")
    assert [r.phrase for r in rules('Print tickets - Create "Boarding passes":', place)] == ["Create"]
    old = 'Print tickets - Create "Boarding passes":'
    new = 'Print tickets - Use PASS_LAYOUT as the page template and create "Boarding passes":'
    assert direction(old, new, place) == ("narrowed", "breaking")
    # a term being defined is no command
    assert not rules("berth - the place a ferry ties up")


def test_a_negated_word_of_negative_sense_turns_nothing_round() -> None:
    """Lightning: "SHOULD use the first `p` field that it did NOT skip as the payment hash" -> "SHOULD
    use the first `p` field ..." read as the SHOULD reversed, breaking: "did not skip" is "used"."""
    old = "Riders SHOULD show the first `pass` ticket that they did NOT skip as the proof of fare."
    new = "Riders SHOULD show the first `pass` ticket as the proof of fare."
    assert direction(old, new, CAPITALS) == ("broadened", "substantive")


def test_an_item_slipped_into_a_list_left_open_broadens() -> None:
    """AsyncAPI: "An application MAY be a microservice, ..., mainframe process, message broker, etc."
    read as the permission narrowed, breaking: an open list names some of the ways to comply."""
    old = "A kiosk MAY be a booth, a van, a counter, etc."
    assert direction(old, "A kiosk MAY be a booth, a van, a boat, a counter, etc.", CAPITALS) == ("broadened", "substantive")


def test_a_who_qualifier_on_the_subject_is_scope() -> None:
    old = "Kiosks MUST print a receipt for every fare."
    new = "Kiosks with a printer MUST print a receipt for every fare."
    assert direction(old, new, CAPITALS) == ("scope_narrowed", "substantive")
    assert direction(new, old, CAPITALS) == ("scope_widened", "breaking")
    # framing before the subject binds no one: "One result is that kiosks MUST ..."
    assert direction(old, "One result of the audit is that kiosks MUST print a receipt for every fare.", CAPITALS)[0] == "none"
    # nor do words that make the old subject the rule's object (OCI: "Each successful chunk upload MUST
    # have a `202 Accepted` response code" -> "The response for each successful chunk upload MUST be ...")
    old = "Each paid booking MUST have a `OK` reply code."
    assert direction(old, "The reply for each paid booking MUST be `OK`.", CAPITALS)[0] != "scope_narrowed"


def test_an_exception_removed_is_named_before_a_weakening() -> None:
    old = "Agents MUST call the office, rebook the riders and then send each a text, unless the crossing is cancelled."
    new = "Agents MUST call the office. Agents SHOULD rebook the riders and then send each a text about the new berth."
    assert direction(old, new, CAPITALS) == ("exception_removed", "breaking")


def test_a_condition_said_in_other_words_changes_no_word_of_the_rule() -> None:
    # "except for" is "except" to the condition reader; the leftover "for" was read as a word
    # added to what the rule asks (narrowed, breaking).
    assert direction(
        "Every ferry MUST log its arrival, except cargo ferries.",
        "Every ferry MUST log its arrival, except for cargo ferries.",
        CAPITALS,
    ) == ("none", "editorial")


def test_a_value_renamed_in_an_html_code_element_is_no_slight_rewording() -> None:
    # One cell of a long HTML table changed: a small share of its words, but a value, as in a
    # Markdown code span (OSV's registry of ID prefixes).
    rows = "".join(
        f"<tr><td><code>{prefix}</code></td><td>The {line} ferry line notices, published weekly by the harbour office</td></tr>\n"
        for prefix, line in [("NORTH-FN", "north"), ("SOUTH-FN", "south"), ("EAST-FN", "east"), ("WEST-FN", "west")]
    )
    old = "<table>\n<tr><th>Prefix</th><th>Source</th></tr>\n" + rows + "</table>"
    assert direction(old, old.replace("<code>EAST-FN</code>", "<code>EAST</code>")) == ("none", "substantive")
    assert direction(old, old.replace("harbour office", "port office", 1)) == ("none", "editorial")


def test_an_abbreviation_spelt_out_wherever_a_clause_uses_it_is_editorial() -> None:
    old = "The HM MUST log each arrival in the day-book, and the HM MAY call the captain when a ferry is late."
    new = (
        "The harbour master MUST log each arrival in the day book, "
        "and the harbour master MAY call the captain when a ferry is late."
    )
    assert direction(old, new, CAPITALS) == ("none", "editorial")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # a reference's label written out
        ("Clients MUST check the berth as in {{Harbour}}.", "Clients MUST check the berth as in {{Harbour.Rules}}."),
        # the section cited
        ("Clients MUST check the berth as in {{HARBOUR}}.", "Clients MUST check the berth as in Section 4.3.4 of {{HARBOUR}}."),
    ],
)
def test_a_cross_reference_made_more_precise_narrows_nothing(old: str, new: str) -> None:
    assert direction(old, new, CAPITALS)[0] == "none"


def test_two_rules_of_a_sentence_said_in_the_other_order_reverse_nothing() -> None:
    # Paired by position, the SHOULD became a MUST NOT ("reversed") and the MUST NOT went.
    old = "When a berth is closed, the office SHOULD tell the captain and MUST NOT send the ferry there."
    new = "When a berth is closed, the office MUST NOT send the ferry there and SHOULD tell the captain."
    main, grade = direction(old, new, CAPITALS)
    assert main == "none" and grade != "breaking"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # one more way to comply with a licence
        (
            "Each stop MAY be a call at a harbour (Harbour Object) or another Trip Object.",
            "Each stop MAY be a call at a harbour (Harbour Object), (Buoy Object) or another Trip Object.",
            ("broadened", "substantive"),
        ),
        # one more thing forbidden
        ("Ferries MUST NOT carry cattle or sheep.", "Ferries MUST NOT carry cattle, goats or sheep.", ("narrowed", "breaking")),
        # one more thing a "without" rules out
        (
            "It is RECOMMENDED to record the berth name as given by the captain without any case folding.",
            "It is RECOMMENDED to record the berth name as given by the captain without any case folding or trimming.",
            ("narrowed", "breaking"),
        ),
    ],
)
def test_an_item_put_into_a_list_of_alternatives(old: str, new: str, expected: tuple[str, str]) -> None:
    assert direction(old, new, CAPITALS) == expected


def test_a_rule_whose_subject_became_this_is_read_for_what_it_asks() -> None:
    # "This" stands for the field the rule was about; "non-empty" still narrows what complies.
    assert direction("Value MUST be a string.", "This MUST be a non-empty string.", CAPITALS) == ("narrowed", "breaking")


def test_a_word_and_its_opposite_as_alternatives_negate_nothing() -> None:
    # "include or exclude" read as a negation made the SHOULD "reversed" (OpenTelemetry).
    old = "The kiosk SHOULD let the rider choose which docks to show (e.g. by name or by region)."
    new = "The kiosk SHOULD let the rider choose docks to include or exclude."
    main, grade = direction(old, new, CAPITALS)
    assert main != "reversed" and grade != "breaking"


def test_the_letters_of_e_g_are_no_condition_words() -> None:
    # "(e.g." cut off at its full stop left an "e" in the old condition: scope widened, breaking.
    old = "The stream MUST close when the trip reaches a final state (e.g. docked, sunk, cancelled)."
    new = "The stream MUST close when the trip reaches a final state (`TRIP_DOCKED`, `TRIP_SUNK`, `TRIP_CANCELLED`)."
    assert direction(old, new, CAPITALS)[1] != "breaking"


def test_the_s_of_a_plural_in_brackets_is_no_word() -> None:
    assert direction("Ferries MUST run the task for each stop.", "Ferries MUST run the task(s) for each stop.", CAPITALS) == (
        "none",
        "editorial",
    )


def test_a_link_relabelled_where_it_still_leads_asks_nothing_new() -> None:
    old = "A timetable MUST list at least one [Stop](#stop-object) and one [Route](#route-object)."
    new = "A timetable MUST list at least one [Stop Description](#stop-object) and one [route](#route-object)."
    assert direction(old, new, CAPITALS) == ("none", "editorial")
    # a link that leads somewhere else now is another thing asked for
    moved = "A timetable MUST list at least one [Stop Description](#stop-description) and one [Route](#route-object)."
    assert direction(old, moved, CAPITALS) != ("none", "editorial")


def test_most_before_an_adjective_is_a_superlative_not_a_quantifier() -> None:
    assert quantifiers("the berth is picked by tide height (most accurate) or by draught") == []
    assert quantifiers("most ferries moor at the east pier") == ["most"]
    assert quantifiers("most of the ferries moor there") == ["most"]


def test_an_only_limit_whose_duty_changed_grade_is_weakened() -> None:
    old = "Captains MUST only moor at a lit berth."
    assert direction(old, old.replace("MUST", "SHOULD"), CAPITALS) == ("weakened", "substantive")
    # a licence made a duty with the same "only if" restricts alike (flagged, not graded)
    licence = "Boats MAY moor only if a berth is free."
    assert direction(licence, licence.replace("MAY", "MUST"), CAPITALS)[1] == "editorial"
