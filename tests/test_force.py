"""Tests of ``specdiff.force``: which sentences state rules, read in their place, and what a change
to them means. Every sentence here is our own, written for a fictional bike-rental service and its
booking API; one class of the reading per block, as ``docs/severity.md`` lists them."""

from __future__ import annotations

import json

import pytest

from specdiff.force import Place, places_of, read_sentence, rules, same_rule
from specdiff.model import Amendment
from specdiff.parse import parse_document
from specdiff.semantics import describe_change, main_direction, severity

PROSE = Place()


def reasons(sentence: str, place: Place = PROSE) -> list[tuple[str, str]]:
    return [(r.modal.phrase, r.reason) for r in read_sentence(sentence, place)]


def states_rule(text: str, place: Place = PROSE) -> bool:
    return bool(rules(text, place))


def reading(old: str, new: str, **places: Place) -> tuple[str, str]:
    """The main direction and the severity of rewriting ``old`` as ``new``."""
    effects = describe_change(old, new, old_place=places.get("old"), new_place=places.get("new"))
    amendment = Amendment("clause", "modified", severity("modified", effects), (), (), 0.5, effects, [], "x")
    return main_direction(amendment), amendment.severity


# -- non-rules ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Riders may feel rushed at the counter.",  # a feeling
        "Returns may be slower during the evening peak.",  # "may be" + an adjective, no holder
        "Late fees may vary by city.",  # epistemic verb
        "This may mean the lock is jammed.",
        "Refusing may reveal that the bike is stolen.",  # a gerund as subject
        "Docking rules which may override this section are listed below.",  # a relative clause
        "The booking may be to a station that closed.",  # "may be to"
        "The assistant might need to check the weather.",  # "need to" after "might"
        "A second dock may make sense where stations are busy.",  # "may make sense"
        "Old kiosks (which may not implement this tariff) show the old fares.",  # "which may not"
        "The booking may not originate from the app.",  # what may not be so
        "Docks may not be able to detect a bent wheel.",  # what may not be so of an ability (OpenFeature)
        "The dock's owner may be known to the city.",
        "Fares are recomputed at noon, as they may change with the weather.",  # a reason
        "The table shows the relationship a bike has to a dock.",  # "has to" + a noun phrase
        "A future version of the tariff may cover cargo bikes.",  # what a later version may do (SLSA)
        "In practice, the depot and the dock may be run by one firm.",  # what is so in practice
        "Staff may potentially open the depot at night.",  # a threat's possibility
    ],
)
def test_hedges_state_no_rule(sentence):
    assert not states_rule(sentence), reasons(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The pricing method can be applied to tandem bikes as well.",
        "A dock holds more bikes than a van can carry.",
        "The app can display the map offline.",
        "It cannot expect a refund to be offered.",
        "Tags can then be used for grouping docks on the map.",  # what a thing is for (AsyncAPI)
        "Inline locks can be used directly within a dock to hold a bike.",  # the purpose a few words on (GraphQL)
        "Otherwise the desk cannot trace the bike.",  # what follows (in-toto)
        "Riders might have need to name a bike by its frame number.",  # "need", a noun (in-toto)
    ],
)
def test_ability_states_no_rule(sentence):
    assert not states_rule(sentence), reasons(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The service is an always-open, ever-patient helper.",  # compound adjective
        "The station map is always up to date.",  # "always" + be
        "Bikes are always collected by the night crew.",  # a passive with its agent
        "In addition to always greeting riders, staff wear badges.",  # "to always greeting"
        "The night tariff was proposed in 2023 but was never adopted.",  # what happened
        "Riders have always paid at the dock.",
    ],
)
def test_descriptive_always_and_never_state_no_rule(sentence):
    assert not states_rule(sentence), reasons(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Reply that it cannot book a bike for tomorrow.",  # reported inside a command
        "Tell the rider that they must wear a helmet.",
        "The rider says that the assistant should hurry.",
    ],
)
def test_reported_speech_is_not_the_specs_own(sentence):
    found = reasons(sentence)
    assert all(reason in ("reported", "rule") for _, reason in found)
    assert [phrase for phrase, reason in found if reason == "reported"], found


@pytest.mark.parametrize(
    "sentence",
    [
        "See the [pricing table](#pricing) for daily rates.",
        "Note that stations close at midnight.",
        "This section describes cases where the assistant should refuse a booking.",
        "We need to expand to three more cities.",
        "The following example shows a booking that is not allowed.",
        "Consider a station with two docks:",  # an example set up, not "consider" as advice
        'Set to "shared" to allow two riders per bike.',  # what a field's value does
        "To see how the fares are computed, check out the source.",  # where to look (OpenFeature)
    ],
)
def test_pointers_notes_and_text_about_the_text_are_not_rules(sentence):
    assert not states_rule(sentence), reasons(sentence)


def test_an_algorithms_let_and_an_examples_say_are_no_commands():
    lets = ("Let `dock = nearest(rider)` be the dock the rider stands at.", "Let fare = 3.", "Let `fare = price(ride)`.")
    for sentence in (*lets, "Let `d` denote the dock.", "Say we have a kiosk."):
        assert not states_rule(sentence, Place(capitals=True)), reasons(sentence)
    assert states_rule("Let the rider choose a bike.")
    assert [r.force for r in rules("Bikes may not be parked in the lobby.")] == ["prohibition"]


def test_the_text_bound_in_capitals_is_a_rule():
    assert [r.force for r in rules("This document MUST be updated when a tariff changes.")] == ["obligation"]
    assert [r.force for r in rules("This spec SHOULD list every station.")] == ["obligation"]
    assert not states_rule("This document describes what riders must bring.")


def test_places_that_hold_no_rules():
    rule = "The assistant must check the rider's licence."
    assert states_rule(rule)
    assert not states_rule(rule, Place("heading"))
    assert not states_rule(rule, Place("example"))
    assert not states_rule("Describe the new pricing.", Place(heading_path=("Changelog", "v2")))
    assert not states_rule("Clarify the refund window.", Place(path="CHANGELOG.md"))
    assert not states_rule("Clarify the refund window.", Place(path="docs/changelog/v2.md"))
    assert not states_rule("Add the tandem tariff.", Place(heading_path=("Bike API", "Document History")))
    assert states_rule("Add the tandem tariff.", Place(path="docs/changes/tariffs/spec.md"))  # OpenSpec's change proposals
    assert not states_rule("**Example**: a rider asks to book twelve bikes.")
    assert not states_rule("Examples include rides that must end at another station.")


def test_editors_notes_hold_no_rules():
    """An IETF-style draft keeps notes for its editors; a "TODO:" is no rule, nor are the items under one."""
    assert not states_rule("TODO: decide whether docks MUST NOT accept returns after midnight.")
    assert not states_rule("Note to the RFC Editor: riders should pay by card.")
    assert not states_rule("**NB: Need to add the rules for night fares.**")
    # OpenMetrics' one-line note opens a paragraph that goes on, after a soft wrap, with its rule
    assert states_rule("EDITORS NOTE: fares are described in the fare table Riders MUST NOT pay twice.")
    assert not states_rule("Docks should close at midnight", Place("list_item", lead_in="TODO:"))
    assert states_rule("Todo lists must be short.")


def test_prose_under_an_example_heading_is_the_examples():
    """Under "### Example", a lower-case "may" tells what the example's settings allow; capitals still rule."""
    example = Place(heading_path=("Docks", "Example"), capitals=True)
    assert not states_rule("Riders at dock 4 may then take two bikes each.", example)
    assert states_rule("Riders MUST return both bikes.", example)
    assert states_rule("Riders at dock 4 may then take two bikes each.", Place(heading_path=("Docks",)))


def test_what_a_field_or_step_decides_is_no_rule_of_its_own():
    """ "`enableCMT` - specifies if CMT should be enabled" says what the field settles (OCI's runtime spec)."""
    assert not states_rule("`tandem` (boolean) - specifies if the bike should carry two riders:")
    assert not states_rule("The kiosk decides whether the rider must pay a deposit.")
    assert states_rule("Whether or not the dock answers, the rider must wait.")
    assert states_rule("The kiosk decides whether the rider MUST pay a deposit.", Place(capitals=True))


def test_a_required_mark_opening_a_table_cell_is_a_rule():
    row = Place("table_row")
    assert states_rule("dock_id | string | Required. The dock the bike is returned to.", row)
    assert not states_rule("Name | Type | Required | Description", row)
    # a requirement column, as Iceberg's and Delta's field tables have one
    assert [r.force for r in rules("required | `dock_id` | int", row)] == ["obligation"]
    assert [r.force for r in rules("`tandem` | boolean | Whether two ride. | optional", row)] == ["permission"]
    assert not states_rule("dock_id | the required dock", row)


def test_a_requirement_columns_tick_and_cross_oblige_and_license():
    row = Place("table_row", header="Field | Required | Description")
    assert [r.force for r in rules("`helmet` | \u2715 | The helmet size.", row)] == ["permission"]
    required, optional = "`helmet` | \u2713 | The helmet size.", "`helmet` | \u2715 | The helmet size."
    effects = describe_change(required, optional, old_place=row, new_place=row)
    assert [(e.type, e.direction) for e in effects] == [("modality", "weakened")]


def test_a_table_label_is_not_a_command():
    row = Place("table_row", capitals=True)
    assert not states_rule("Log Record Field | Source | Requirement level", row)
    assert not states_rule("DEFAULT | the tariff of the station", row)
    assert states_rule("Reject the booking when the card has expired | 402", row)


def test_html_comments_hold_no_rules():
    """A generated page's "<!-- Do not manually edit this file -->" is for its authors (purl-spec)."""
    doc = parse_document("# Rides\n\n<!-- Do not edit this page by hand. -->\n\nDo not ride on the pavement.\n", "s.md")
    places = places_of(doc.sections)
    assert [states_rule(c.normalized, places[c]) for c in doc.clauses] == [False, True]


def test_commentary_admonitions_hold_no_rules():
    doc = parse_document('# Rides\n\n!!! meta "Commentary"\n    Staff should smile.\n\nStaff should wave.\n', "s.md")
    places = places_of(doc.sections)
    by_text = {c.normalized: places[c] for c in doc.clauses}
    assert [states_rule(text, place) for text, place in by_text.items()] == [False, True]


# -- rules without a modal ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "force"),
    [
        ("Riding on the pavement is not allowed.", "prohibition"),
        ("Tandems are only permitted on weekends.", "permission"),
        ("Helmets are required for riders under sixteen.", "obligation"),
        ("Smoking at a dock is prohibited.", "prohibition"),
        ("Riders are entitled to one free swap per day.", "permission"),
        ("The rider has to return the key.", "obligation"),
        ("Staff are expected to wipe the saddles.", "obligation"),
        ("Renting a bike is only licensed when the rider shows an ID.", "permission"),
        ("It is unacceptable to lock a bike to a tree.", "prohibition"),
        ("`helmet_size` (required): the rider's helmet size.", "obligation"),
        ("Bikes cannot be parked in the lobby.", "prohibition"),
        ("It is illegal for a rider to carry a passenger.", "prohibition"),
        ("It is not legal to swap saddles between bikes.", "prohibition"),
        ("It is legal to park a tandem across two docks.", "permission"),
        ("The `dock` field is mutually exclusive with the `station` field.", "prohibition"),
        ("No changes are allowed after the dock closes.", "prohibition"),  # a "No ..." subject turns it
        ("No registration is required for tandems.", "permission"),
        ("No rider is required to wear a bell.", "permission"),  # also with "to" after the deontic word
        ("No rider is allowed to ride two bikes.", "prohibition"),
        ("Not all docks need to accept cards.", "permission"),  # "Not all" lifts an obligation from some
        ("Not every rider must show an ID.", "permission"),
    ],
)
def test_deontic_predicates_state_rules(sentence, force):
    assert [r.force for r in rules(sentence)] == [force], reasons(sentence)


@pytest.mark.parametrize(
    ("sentence", "force"),
    [
        ("No rider should take two bikes.", "prohibition"),  # a negative subject turns the modal verb
        ("No rider may ride on the pavement.", "prohibition"),
        ("None of the docks may stay unlocked.", "prohibition"),
        ("Neither the rider nor the staff may unlock a broken bike.", "prohibition"),
        ("Docks lock at night, and neither `a` or `b` should be swapped.", "prohibition"),  # in its own clause
        ("No more than three bikes may be booked at once.", "permission"),  # a bound allows up to it
        ("If no dock is free the kiosk must say so.", "obligation"),  # the "no" is in the condition
        ("No problem! The kiosk may print a receipt.", "permission"),  # another sentence
        ("No rider should wait and the kiosk should call staff.", ["prohibition", "obligation"]),  # a subject of its own
        # deontic words turn in any clause a negative subject opens, as modal verbs do
        ("Docks lock at night, and no key is required to open them.", "permission"),
        ("Tandems are rare, but no rider is allowed to ride two.", "prohibition"),
        ("**No** registration is required for tandems.", "permission"),
        ("Docks lock at night; not all docks need to accept cards.", "permission"),
    ],
)
def test_a_negative_subject_turns_the_modal_verb(sentence, force):
    forces = force if isinstance(force, list) else [force]
    assert [r.force for r in rules(sentence)] == forces, reasons(sentence)


def test_past_and_borrowed_rules_are_reported():
    assert not states_rule("Riders were required to pay cash in the first year.")
    assert not states_rule("Such names are not allowed by RFC 3986.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Check the brakes before each ride.",
        "Given a damaged bike, flag it in the app.",  # after a circumstance
        "On the next update cycle, begin at the first step.",  # after a circumstance "on" opens
        "At the end of a ride, discard the rider's route.",
        "Setup: Run the dock calibration at dawn.",  # after a step's label
        "Seek the rider's consent before sharing a location.",
        "Set `dock_id` to the nearest free dock.",  # not "Set to `shared` to ...", what a value does
        # after a long condition (its code spans blanked): "set" still opens the main clause
        "If `nearest_dock(rider, station_map, get_current_time(city))` returns `None` (the rider stands"
        " outside every station's reach), set `dock_id` to the depot.",
    ],
)
def test_imperatives_state_rules(sentence):
    assert [r.force for r in rules(sentence)] == ["obligation"], reasons(sentence)


def test_a_defined_term_is_not_a_command():
    assert not states_rule("query - a search for free bikes near a station.")


def test_a_field_label_is_not_a_command():
    """ "Start Date: 2026-04-01" at the top of an RFC-style proposal is a field, not "start the date";
    a command with a colon after its object still commands."""
    assert not states_rule("Start Date: 2026-04-01")
    assert states_rule("Start the timer: riders pay by the minute.")


def test_advice_given_as_a_command_is_as_strong_as_should():
    # "Consider ..." leaves the choice to the reader; read as "must", a sentence of advice that
    # became a command ("Consider caching" -> "Cache") was no change of force at all.
    (advice,) = rules("Consider caching the timetable for an hour.")
    (command,) = rules("Check the brakes before each ride.")
    assert (advice.strength, command.strength) == (2, 3)
    assert [r.strength for r in rules("Prefer quiet lanes over main roads.")] == [2]


def test_a_keyword_set_in_code_rules_when_used_not_when_named():
    assert [r.phrase for r in rules("A ferry `MUST` carry a flag.", Place(capitals=True))] == ["MUST"]
    assert not rules("The `MUST` keyword is defined in RFC 2119; see `MUST`.", Place(capitals=True))


def test_a_title_that_opens_with_a_keyword_is_no_rule():
    # A bold line over a paragraph, read without its marks: "Recommended" named the approach.
    assert not rules("Recommended Approach for Night Crossings", Place(capitals=True))
    assert [r.phrase for r in rules("Required. The berth the ferry docks at.", Place(capitals=True))] == ["Required"]


def forces_of(markdown: str, kind: str) -> list[list[str]]:
    """The forces of each clause of ``kind`` in a document, read in its place."""
    doc = parse_document(markdown, "s.md")
    places = places_of(doc.sections)
    return [[r.force for r in rules(c.normalized, places[c])] for c in doc.clauses if c.kind == kind]


def test_list_items_inherit_their_lead_in():
    markdown = (
        "# Conduct\n\nThe assistant must not suggest routes that:\n\n- cross a motorway\n- end at a closed dock\n\n"
        "Riders enjoy:\n\n- quiet lanes\n"
    )
    assert forces_of(markdown, "list_item") == [["prohibition"], ["prohibition"], []]


def test_a_list_announced_by_the_following_takes_its_force_without_a_colon():
    markdown = (
        "# Kiosk\n\nThe following settings MUST be offered by every kiosk.\n\n- **Language**: the screen's language.\n\n"
        "Riders like quiet lanes.\n\n- **Lanes**: where riders ride.\n"
    )
    assert forces_of(markdown, "list_item") == [["obligation"], []]


def test_an_item_sentence_that_states_a_case_does_not_continue_the_lead_in():
    place = Place("list_item", lead_in="Docks MUST:")
    assert states_rule("lock each bike on return.", place)
    assert not states_rule("If two bikes share a slot, the slot's state is unspecified.", place)


def test_the_rows_of_a_table_under_a_rule_take_its_force_and_the_header_does_not():
    markdown = (
        "# Fares\n\nEvery kiosk MUST accept the following fares:\n\n| Fare | Price |\n|---|---|\n| Day | 5 |\n\n"
        "Fares are:\n\n| Fare | Price |\n|---|---|\n| Week | 20 |\n"
    )
    assert forces_of(markdown, "table_row") == [[], ["obligation"], [], []]


def test_a_cannot_after_or_says_what_follows_and_forbids_nothing():
    """in-toto: "If no explicit policies were used, or the verifier cannot reference the policies, ..."
    read as a prohibition added. "You cannot use multi-line strings here" (TOML) still forbids."""
    assert [r.force for r in rules("Docks MUST log each lock, or the desk cannot trace a bike.", Place(capitals=True))] == [
        "obligation"
    ]
    assert states_rule("You cannot use a bike rack as a dock.")


def test_a_keyword_in_underscore_emphasis_is_a_word():
    """OpenAPI writes "the payload _MUST_ match", in-toto "_required_": the underscores mark emphasis."""
    assert [r.force for r in rules("The fare _MUST_ be paid at the kiosk.", Place(capitals=True))] == ["obligation"]
    assert states_rule("Riders __must__ pay at the kiosk.")
    assert not states_rule("The field next_must_value holds the fare.")


def test_an_items_own_keyword_before_avoid_is_its_own_rule_not_the_lead_ins():
    """in-toto: under "Producers MAY use other formats that meet [ITE-5]:", "- SHOULD avoid depending
    on canonicalization" read as the lead-in's permission: "SHOULD avoid" opens it as a command does."""
    place = Place("list_item", lead_in="Docks MAY use other locks that meet the lock standard:")
    assert [r.force for r in rules("SHOULD avoid relying on the bell for security", place)] == ["prohibition"]


def test_a_keyword_in_capitals_with_its_own_holder_rules_in_a_sentence_about_the_text():
    """AsyncAPI: "The following table contains a set of values that every implementation MUST support."
    The table is the subject of the sentence, not of its MUST: the rule binds implementations, and the
    table's rows take its force. Lower case, or with no holder of its own, it still only describes."""
    markdown = (
        "# Locks\n\nThe following table lists the lock codes that every client MUST accept.\n\n"
        "| Code | Notes |\n|---|---|\n| `L1` | the default |\n"
    )
    assert forces_of(markdown, "paragraph") == [["obligation"]]
    assert forces_of(markdown, "table_row") == [[], ["obligation"]]
    lower_case = "The following table lists the lock codes that every client must accept."
    assert not states_rule(lower_case, Place("paragraph", capitals=True))
    assert not states_rule("This section describes the order in which the fares MUST be read.", Place("paragraph"))


def test_lower_case_words_of_force_under_a_rationale_heading_give_reasons_in_a_capitals_document():
    """Lightning follows each requirements block with "#### Rationale": "But it must allow values
    higher than the dust limit" explains the MAY above it. A keyword in capitals there still rules,
    and outside a capitals document a lower-case "must" there does too."""
    rationale = Place("paragraph", heading_path=("Docks", "Rationale"), capitals=True)
    assert not states_rule("But a dock must allow bikes wider than the standard bay.", rationale)
    assert states_rule("A dock MUST allow bikes wider than the standard bay.", rationale)
    plain = Place("paragraph", heading_path=("Docks", "Rationale"))
    assert states_rule("A dock must allow bikes wider than the standard bay.", plain)


def test_items_that_are_the_conditions_of_their_lead_in_take_no_force():
    """ "A delete file must be applied when all of the following are true:" (Iceberg), "MUST fail the
    negotiation if:" (Lightning): the items say when the rule applies, they ask nothing themselves."""
    for lead_in in ("A late fee must be charged when all of the following are true:", "The desk MUST refuse the loan if:"):
        assert not states_rule("the bike is returned after closing", Place("list_item", lead_in=lead_in))


def test_a_sentence_about_the_item_does_not_continue_the_lead_in():
    """ "Readers must:" / "- read the manifest first. This matters for large tables.": the second
    sentence explains the item (Iceberg), it is no second duty."""
    item = Place("list_item", lead_in="Riders must:")
    assert [r.force for r in rules("return the key at the desk.", item)] == ["obligation"]
    assert not states_rule("This matters most at busy docks.", item)
    assert not states_rule("For example, the north dock keeps its keys in a box.", item)


def test_a_nested_item_continues_its_parent_item_not_the_list_above():
    """Under "The following rules MUST be applied:", a field item ending with a colon leads its own
    nested items; they describe the field (OCI's runtime spec read them as MUSTs). Nested items under
    an item without a colon still continue the lead-in above."""
    doc = parse_document(
        "# Docks\n\nThe following rules MUST be applied:\n\n"
        "- `tandem` (boolean, OPTIONAL) - specifies if the bike carries two riders:\n"
        "    - Tandems have two saddles.\n"
        "- `lock` (string) - the lock's code\n"
        "    - unlock the bike only at its dock\n",
        "s.md",
    )
    places = places_of(doc.sections, capitals=True)
    forces = {c.normalized: [r.force for r in rules(c.normalized, places[c])] for c in doc.clauses if c.kind == "list_item"}
    assert forces["Tandems have two saddles."] == []
    assert forces["unlock the bike only at its dock"] == ["obligation"]


def test_a_scenarios_outcome_states_rules_and_its_case_none():
    """OpenSpec's THEN items, and the AND items after one, say what must happen; its GIVEN and WHEN
    items, and the AND items after those, the case that holds in (read as obligations, 101 amendments
    of a review of OpenSpec's history were wrong)."""
    doc = parse_document(
        "# Docks\n\n#### Scenario: Full dock\n\n- **GIVEN** a rider at a dock\n- **WHEN** the dock is full\n"
        "- **AND** the rider asks for help\n- **THEN** the app offers the next dock\n- **AND** the dock blinks\n",
        "s.md",
    )
    places = places_of(doc.sections, capitals=True)
    stated = [(c.normalized.split()[0], states_rule(c.normalized, places[c])) for c in doc.clauses]
    assert stated == [("GIVEN", False), ("WHEN", False), ("AND", False), ("THEN", True), ("AND", True)]


def test_holder_and_same_rule():
    (rule,) = rules("Clients must send the booking id with every request.")
    assert (rule.force, rule.holder) == ("obligation", "client")
    (reworded,) = rules("Clients must always send the booking id in each request.")
    (other_holder,) = rules("Servers must send the booking id with every request.")
    (other_force,) = rules("Clients may send the booking id with every request.")
    assert same_rule(rule, reworded)
    assert not same_rule(rule, other_holder)
    assert not same_rule(rule, other_force)


# -- directions --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "direction", "graded"),
    [
        ("Clients SHOULD NOT poll the dock.", "Clients MUST NOT poll the dock.", "strengthened", "breaking"),
        ("Clients MUST not poll the dock.", "Clients MUST NOT poll the dock.", "none", "editorial"),  # mixed case
        ("Riding on the pavement is not permitted.", "Riding on the pavement is permitted.", "reversed", "breaking"),
        ("The name MUST be a string.", "The name MUST be a non-empty string.", "narrowed", "breaking"),
        ("The name MUST be a non-empty string.", "The name MUST be a string.", "broadened", "substantive"),
        ("Riders must return bikes by ten.", "Riders must return bikes by ten unless the dock is full.",
         "exception_added", "substantive"),
        ("Riders must return bikes by ten unless the dock is full.", "Riders must return bikes by ten.",
         "exception_removed", "breaking"),
        ("Staff must call the rider when asked.", "Staff must call the rider when explicitly asked.",
         "scope_narrowed", "substantive"),
        ("Staff must call the rider when explicitly asked.", "Staff must call the rider when asked.",
         "scope_widened", "breaking"),
        ("Staff must not unlock a bike unless explicitly asked.", "Staff must not unlock a bike unless asked.",
         "scope_narrowed", "substantive"),  # the exception widened, so the rule reaches fewer cases
        ("When a rider is late or the dock reports a fault, staff must log the ride.",
         "When the dock reports a fault, staff must log the ride.", "scope_narrowed", "substantive"),  # an alternative dropped
        ("Clients MUST retry the booking.", "Servers MUST retry the booking.", "holder_changed", "breaking"),
        ("Riders must return bikes within 24 hours.", "Riders must return bikes within 12 hours.", "number_changed", "breaking"),
        ("The assistant may share the dock's address.", "The assistant may share the dock's address only with the rider.",
         "narrowed", "breaking"),
        ("Any rider may book a tandem.", "Only members may book a tandem.", "scope_narrowed", "substantive"),
        # one word added that says which of them (SPIFFE: "Every stream response message ... MUST include")
        ("Every dock MUST report its state.", "Every solar dock MUST report its state.", "scope_narrowed", "substantive"),
        ("Every dock MUST report its state.", "Every other dock MUST report its state.", "scope_narrowed", "substantive"),
        ("Docks MUST report their state.", "All docks MUST report their state.", "none", "substantive"),  # a quantifier
    ],
)
def test_directions_as_a_reviewer_reads_them(old, new, direction, graded):
    assert reading(old, new) == (direction, graded)


def test_a_rewrite_that_keeps_the_must_is_no_obligation_removed():
    old = "Riders must lock the bike. It is then checked by staff."
    new = "Staff check each bike. Every rider must lock it first."
    assert reading(old, new)[0] == "none"


# -- editorial ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Riders must recieve a receipt.", "Riders must receive a receipt."),  # typo
        ("Riders must get a receipt — by email.", "Riders must get a receipt --- by email."),  # dash style
        ("Riders must say “ready” first.", 'Riders must say "ready" first.'),  # quote style
        ("Riders must **always** lock up.", "Riders must *always* lock up."),  # markup only
        ("The fee is $f = 2n$ euros.", "The fee is \\(f = 2n\\) euros."),  # math delimiters only
        ("See [prices](https://a.example/v1) first.", "See [prices](https://a.example/v2) first."),  # link target
        ("Riders must lock the bike.[^a1]", "Riders must lock the bike.[^b2]"),  # footnote marker
        ("Riders should wear a helmet.", "Riders SHOULD wear a helmet."),  # keyword case only
        ("Riders must return a bike to a dock.", "Riders must return a bike to the dock."),  # article
        ("- MINOR when a dock is added, and", "- MINOR when a dock is added"),  # a list item's trailing "and"
    ],
)
def test_noise_is_editorial(old, new):
    assert reading(old, new) == ("none", "editorial")


def test_a_small_edit_inside_an_example_is_editorial_and_worth_a_read():
    old = "```\nrider: book a bike\nassistant: which station?\n```"
    new = "```\nrider: book a bike please\nassistant: which station?\n```"
    (effect,) = describe_change(old, new, example=True)
    assert (effect.type, effect.confidence < 0.7) == ("editorial", True)


def test_an_example_whose_verdict_changes_is_an_example_change():
    old = "```\nassistant: sure, here is the code <!-- GOOD -->\n```"
    new = "```\nassistant: sure, here is the code <!-- BAD -->\n```"
    assert [e.type for e in describe_change(old, new, example=True)] == ["example"]


# -- through the CLI ---------------------------------------------------------------------------------


def _amendments(specdiff_json, repo):
    found = [a for f in specdiff_json("-C", repo.path, "HEAD~1", "HEAD")["files"] for a in f["amendments"]]
    return {(a["new"] or a["old"])[0]["text"]: a for a in found}


def test_hedges_and_example_titles_are_not_breaking_in_a_diff(spec_repo, specdiff_json):
    spec_repo.commit("one", {"spec/rides.md": "# Rides\n\nThe assistant must greet riders.\n"})
    spec_repo.commit(
        "two",
        {
            "spec/rides.md": "# Rides\n\nThe assistant must greet riders.\n\nRiders may feel rushed at busy docks.\n\n"
            "**Example**: a rider asks for twelve bikes.\n\nThe assistant can display the map offline.\n\n"
            "Docks may not be able to detect a bent wheel.\n"
        },
    )
    found = _amendments(specdiff_json, spec_repo)
    assert {text: a["severity"] for text, a in found.items()} == {
        "Riders may feel rushed at busy docks.": "substantive",
        "**Example**: a rider asks for twelve bikes.": "substantive",
        "The assistant can display the map offline.": "substantive",
        "Docks may not be able to detect a bent wheel.": "substantive",
    }


def test_a_terms_names_in_a_table_are_no_command(spec_repo, specdiff_json):
    """SLSA's table of terms renamed "Review / approve / vote" to "Review": it read as the command
    "Review" taken away, an obligation removed, breaking. A verb with a slash after it is one of a
    term's names; a verb with an object after it still commands."""
    table = "# Terms\n\n| Term | Meaning |\n|---|---|\n| {} | When a rider {} a bike. |\n| Check each lock | Staff, daily. |\n"
    spec_repo.commit("one", {"spec/terms.md": table.format("Review / approve / vote", "comments on")})
    spec_repo.commit("two", {"spec/terms.md": table.format("Review", "looks over")})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert amendment["severity"] == "substantive", amendment["effects"]
    assert [e for e in amendment["effects"] if e["type"] == "modality"] == []
    assert states_rule("Check each lock | Staff, daily.") and not states_rule("Review / approve / vote | When a rider comments.")


def test_pointers_added_alone_are_editorial(spec_repo, specdiff_json):
    """OpenFeature added "See [application integrator](../glossary.md#...), [isolated API instance](...)
    for details." under a requirement, and a link "[See the reference implementation](https://...)";
    in-toto "The predicate for SPDX v2 is preserved in [spdx2.md](spdx2.md)." and "For a simpler
    verification results predicate, see https://in-toto.io/...": each read as a clause added,
    substantive. The dot in the second link's address ended the pointer."""
    rules = "# Docks\n\nDocks MUST lock returned bikes.\n"
    spec_repo.commit("one", {"spec/docks.md": rules})
    pointers = (
        "See [dock](../terms.md#dock), [desk](../terms.md#desk) for details.\n\n[See the reference dock](https://example.org/dock.ts)\n\n"
        "The tariff of 2025 is preserved in [fares-2025.md](fares-2025.md).\n\n"
        "For a simpler dock record, see https://example.org/docks/simple/v0.1\n"
    )
    spec_repo.commit("two", {"spec/docks.md": f"{rules}\n{pointers}"})
    assert [a["severity"] for a in _amendments(specdiff_json, spec_repo).values()] == ["editorial"] * 4
    spec_repo.commit("three", {"spec/docks.md": f"{rules}\n{pointers}\nTo see how docks lock, check out the source.\n"})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert (amendment["kind"], amendment["severity"]) == ("added", "substantive"), "where to look, no command"


def test_links_to_tracker_threads_are_editorial(spec_repo, specdiff_json):
    """CloudEvents keeps a backlog of its v2 candidates as a list of issue links ("[Why does the
    binding require the same version?](https://github.com/.../issues/807)"): each item added read as
    substantive, and so did the Dev Container spec's "* Discussion issue: https://github.com/.../issues/198"
    and "* CLI PR: ..." heading each proposal. A thread's title is not the spec's text; a link to a
    page of the spec still counts."""
    rules = "# Docks\n\nDocks MUST lock returned bikes.\n\nOpen questions:\n\n"
    spec_repo.commit("one", {"spec/docks.md": f"{rules}- [Should docks require a PIN?](https://example.org/docks/issues/12)\n"})
    threads = (
        "- [Why must bikes be returned at night?](https://example.org/docks/issues/7#top)\n"
        "- [Riders must pay later](https://example.org/docks/pull/31)\n"
        "- [Riders must pay on return](https://example.org/docks/returns.md)\n"
        "- Discussion issue: https://example.org/docks/issues/8, https://example.org/docks/issues/9\n"
        "- Kiosk PR: https://example.org/kiosk/commit/236b851\n"
    )
    spec_repo.commit("two", {"spec/docks.md": f"{rules}- [Should docks require a PIN?](https://example.org/docks/issues/12)\n{threads}"})
    found = {text.split("]")[0]: a["severity"] for text, a in _amendments(specdiff_json, spec_repo).items()}
    assert found == {
        "- [Why must bikes be returned at night?": "editorial",
        "- [Riders must pay later": "editorial",
        "- [Riders must pay on return": "substantive",  # (a question left open, no rule: "Open questions:" is a label)
        "- Discussion issue: https://example.org/docks/issues/8, https://example.org/docks/issues/9": "editorial",
        "- Kiosk PR: https://example.org/kiosk/commit/236b851": "editorial",
    }


def test_the_editors_asking_for_feedback_state_no_rule(spec_repo, specdiff_json):
    """JSON:API dropped the banner "Please review and try out this release candidate prior to its
    finalization." when 1.1 went final: it read as a command removed, breaking, and made the release
    a major bump. A request to the document's readers binds no implementer; "Please respond in English"
    in a prompt still commands."""
    rules = "# Docks\n\nDocks MUST lock returned bikes.\n"
    banner = "Please review and try out this draft before it is final. Please report any issues on the tracker.\n"
    spec_repo.commit("one", {"spec/docks.md": f"{rules}\n{banner}\nPlease answer riders in English.\n"})
    spec_repo.commit("two", {"spec/docks.md": rules})
    found = {text.split(".")[0]: a["severity"] for text, a in _amendments(specdiff_json, spec_repo).items()}
    assert found == {
        "Please review and try out this draft before it is final": "substantive",
        "Please answer riders in English": "breaking",
    }


def test_if_any_counts_nothing(spec_repo, specdiff_json):
    """OpenFeature added "supplying the bound domain, if any" to a MUST: it read as the quantifier "any" added."""
    spec_repo.commit("one", {"spec/docks.md": "# Docks\n\nThe app MUST send the booking.\n"})
    spec_repo.commit("two", {"spec/docks.md": "# Docks\n\nThe app MUST send the booking, with its voucher, if any.\n"})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert [e["type"] for e in amendment["effects"]] == ["wording"]


def test_pronouns_reworded_in_a_condition_bound_nothing(spec_repo, specdiff_json):
    """MCP wrote "... if the server indicates if the server supports it" as "... indicates that it supports
    them": it read as the scope narrowed by "that it them". A word that bounds the rule still does."""
    rule = "# Docks\n\nUse the kiosk if the dock indicates {} (via `kiosk_ready`).\n"
    spec_repo.commit("one", {"spec/docks.md": rule.format("if the dock supports it")})
    spec_repo.commit("two", {"spec/docks.md": rule.format("that it supports them")})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert [e["type"] for e in amendment["effects"]] == ["wording"], amendment["effects"]
    spec_repo.commit("three", {"spec/docks.md": rule.format("that it supports them at night")})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert [(e["type"], e["new"]) for e in amendment["effects"]] == [("scope", "at night")], amendment["effects"]


def test_a_sentence_said_twice_dropped_once_changes_nothing(spec_repo, specdiff_json):
    """OpAMP deleted the second of two "May be omitted if nothing changed ..." in one paragraph: it read
    as the permission taken away, breaking. The paragraph still says it."""
    said = "Riders MAY skip the receipt if nothing changed. See the fares. Riders MAY skip the receipt if nothing changed."
    spec_repo.commit("one", {"spec/docks.md": f"# Docks\n\n{said}\n"})
    spec_repo.commit("two", {"spec/docks.md": f"# Docks\n\n{said.rsplit(' Riders', 1)[0]}\n"})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert (amendment["severity"], [e["type"] for e in amendment["effects"]]) == ("editorial", ["editorial"])


def test_a_sentence_said_again_beside_other_edits_is_no_rule_added(spec_repo, specdiff_json):
    """OpAMP rewrote a field's description and said "May be omitted if nothing changed ..." twice in the new
    one: the second read as a permission added, breaking, though the old description said it."""
    said = "Riders MAY skip the receipt if nothing changed."
    spec_repo.commit("one", {"spec/docks.md": f"# Docks\n\nThe dock's state. {said}\n"})
    spec_repo.commit("two", {"spec/docks.md": f"# Docks\n\nThe state of the dock and its bays. {said} See the bays. {said}\n"})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert amendment["severity"] == "substantive", amendment["effects"]


def test_words_said_twice_in_a_row_dropped_once_change_nothing(spec_repo, specdiff_json):
    """QPACK's draft said "A stream becomes unblocked when the Insert Count becomes unblocked when the Insert
    Count becomes greater than ...", words pasted twice; dropping the repeat read as a condition taken away,
    substantive. Dropping words said once still changes the rule."""
    said = "A dock SHOULD ring when the bay {}is free and the lamp is lit."
    spec_repo.commit("one", {"spec/docks.md": f"# Docks\n\n{said.format('is free when the bay ')}\n"})
    spec_repo.commit("two", {"spec/docks.md": f"# Docks\n\n{said.format('')}\n"})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert (amendment["severity"], [e["type"] for e in amendment["effects"]]) == ("editorial", ["editorial"])
    spec_repo.commit("three", {"spec/docks.md": f"# Docks\n\n{said.format('').replace(' and the lamp is lit', '')}\n"})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert amendment["severity"] != "editorial", amendment
    # (a table row that gains a cell like the one before it says more: libp2p's "| go | ✅ | ✅ |" gained a "✅")
    table = "# Docks\n\n| Dock | Lock | Lamp {}|\n|---|---|---{}|\n| north | ✅ | ✅ {}|\n"
    spec_repo.commit("four", {"spec/docks.md": table.format("", "", "")})
    spec_repo.commit("five", {"spec/docks.md": table.format("| Bell ", "|---", "| ✅ ")})
    assert {a["severity"] for a in _amendments(specdiff_json, spec_repo).values()} == {"substantive"}


def test_a_link_added_to_a_list_of_links_says_something_new(spec_repo, specdiff_json):
    """OpAMP added "[AvailableComponents](#available)" to the sub-messages "The Client MAY compress": one
    word in a long paragraph read as a slight rewording, editorial. The permission reaches one more."""
    items = "[Health](#health), [Config](#config), [Status](#status), [Fees](#fees), and [Locks](#locks)"
    lead = "The dock MAY omit the parts that did not change since it last reported them to the desk. These parts can be omitted:"
    spec_repo.commit("one", {"spec/docks.md": f"# Docks\n\n{lead} {items}.\n"})
    spec_repo.commit("two", {"spec/docks.md": f"# Docks\n\n{lead} {items.replace(', and', ',')}, and [Bikes](#bikes).\n"})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert amendment["severity"] == "substantive", amendment["effects"]


def test_what_a_field_may_be_used_for_in_a_document_of_capitals_is_no_licence(spec_repo, specdiff_json):
    """OpAMP added "The ca_pem_contents attribute may be used to provide the CA's certificate": it read
    as a permission added. In a document that writes its keywords in capitals, the lower-case "may be
    used to" says what a field is for, as "can be used to" does; "MAY be used to" licenses."""
    rules = "# Docks\n\nDocks MUST lock returned bikes. Riders SHOULD pay at the kiosk.\n"
    spec_repo.commit("one", {"spec/docks.md": rules})
    purpose = "The `pin` field may be used to provide the code printed on the lock."
    spec_repo.commit("two", {"spec/docks.md": f"{rules}\n{purpose}\n"})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert (amendment["severity"], amendment["effects"]) == ("substantive", []), amendment["effects"]
    licence = "The `fare` field MAY be used to show the price of the ride."
    spec_repo.commit("three", {"spec/docks.md": f"{rules}\n{purpose}\n\n{licence}\n"})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert [(e["type"], e["new"]) for e in amendment["effects"]] == [("modality", "MAY")], amendment["effects"]


def test_not_encouraged_discourages(spec_repo, specdiff_json):
    """CloudEvents wrote "Pre-announcing deprecation by setting a future date is not encouraged": it read
    as a permission, as "not required" is one. Not encouraged is discouraged, as "NOT RECOMMENDED" is."""
    rule = "# Docks\n\nBooking a bike a week ahead is {}.\n"
    spec_repo.commit("one", {"spec/docks.md": rule.format("encouraged")})
    spec_repo.commit("two", {"spec/docks.md": rule.format("not encouraged")})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert [(e["type"], e["direction"]) for e in amendment["effects"]] == [("modality", "reversed"), ("negation", None)]


def test_one_capitals_mode_for_the_whole_diff(spec_repo, specdiff):
    # rfc.md writes its keywords in capitals; plain.md has none of its own. The same edit in each
    # gets the same grade because the diff decides the mode once.
    rfc = "# API\n\nClients MUST send an id. Servers MUST reply. Servers SHOULD log. Clients MAY retry.\n\n"
    old, new = "The reply may be empty.\n", "The reply must be empty.\n"
    spec_repo.commit("one", {"spec/rfc.md": rfc + old, "spec/plain.md": "# Notes\n\n" + old})
    spec_repo.commit("two", {"spec/rfc.md": rfc + new, "spec/plain.md": "# Notes\n\n" + new})
    result = specdiff("-C", spec_repo.path, "HEAD~1", "HEAD", "--format", "json")
    files = json.loads(result.out)["files"]
    grades = {f["new_path"]: [a["severity"] for a in f["amendments"]] for f in files}
    assert grades["spec/rfc.md"] == grades["spec/plain.md"] == ["breaking"]


def test_uncertain_readings_are_flagged_in_json(spec_repo, specdiff_json):
    spec_repo.commit("one", {"spec/rides.md": "# Rides\n\nRiders under twelve ride with an adult.\n"})
    spec_repo.commit("two", {"spec/rides.md": "# Rides\n\nRiders under twelve cannot ride alone.\n"})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert amendment["worth_a_read"] is True
    assert all("confidence" in e for e in amendment["effects"])
    assert min(e["confidence"] for e in amendment["effects"]) < 0.7


def test_notes_examples_and_change_logs_are_not_breaking_in_a_diff(spec_repo, specdiff_json):
    """What a draft's editors note, what an example's settings allow and what a release's change log
    lists state no rule, in a document of capitals (OCI, Matrix and OAuth spec histories)."""
    rules = "# Docks\n\nDocks MUST lock returned bikes. Riders SHOULD dock gently. Staff MAY unlock a bike.\n\n"
    changes = "## Change log\n\n- Publish the dock rules.\n"  # (a folder of change logs is no spec: not read at all)
    spec_repo.commit("one", {"spec/docks.md": rules + changes})
    spec_repo.commit(
        "two",
        {
            "spec/docks.md": rules + "TODO: decide whether riders must pay for a lost key.\n\n"
            "## Example\n\nConsider a station with two docks:\n\n- riders may take two bikes each\n\n"
            + changes
            + "- Clarify when riders must pay.\n",
        },
    )
    found = _amendments(specdiff_json, spec_repo)
    assert found and all(a["severity"] != "breaking" for a in found.values()), {t: a["severity"] for t, a in found.items()}
    assert "- Clarify when riders must pay." in found


def test_an_invitation_and_what_may_happen_are_not_breaking_in_a_diff(spec_repo, specdiff_json):
    """SLSA's intro pages say "If you're new to SLSA, start here!", read as a command, an obligation
    added; "A future version of this track may generalize requirements ..." read as a licence. An
    exclamation inviting the reader in commands no one; what a later version may do, or what "may
    potentially" happen, allows nothing. A rule said with an exclamation mark still rules."""
    rules = "# Docks\n\nDocks MUST lock returned bikes. Riders SHOULD dock gently.\n\n"
    spec_repo.commit("one", {"spec/docks.md": rules})
    added = (
        "If you are new to docking, start here!\n\nA future version of these rules may cover cargo bikes.\n\n"
        "Thieves may potentially open a dock by force.\n\nNever leave a bike unlocked!\n\n"
        "Later versions of these rules may drop the deposit.\n\nA future minor version may define a fee policy.\n"
    )
    spec_repo.commit("two", {"spec/docks.md": rules + added})
    found = _amendments(specdiff_json, spec_repo)
    assert {text: [e["type"] for e in a["effects"]] for text, a in found.items()} == {
        "If you are new to docking, start here!": [],
        "A future version of these rules may cover cargo bikes.": [],
        "Thieves may potentially open a dock by force.": [],
        "Never leave a bike unlocked!": ["modality"],
        "Later versions of these rules may drop the deposit.": [],  # (OpenAPI's deprecation notes)
        "A future minor version may define a fee policy.": [],
    }, found


def test_an_ietf_drafts_changes_appendix_states_no_rule_in_a_diff(spec_repo, specdiff_json):
    """An IETF draft keeps "# Changes" with a "## Since draft-...-11" entry per revision, and nearly
    every commit adds a line there: "Describe `GET` requests against upload resource." read as a
    command, an obligation added, breaking. Those headings name a change log, whose entries tell of
    changes read where they were made: editorial. "Changes to the protocol" does not, and a rule
    there still binds."""
    draft = (
        "# Docks\n\nDocks MUST lock returned bikes. Riders SHOULD dock gently.\n\n## Changes to the protocol\n\n"
        "Staff MAY unlock a bike.\n\n# Changes\n\n## Since draft-ietf-docks-rules-03\n\n* Define gentle docking.\n\n"
        "# A. Changes from RFC 9999\n\n* Require locks.\n"
    )
    spec_repo.commit("one", {"draft-ietf-docks-rules.md": draft})
    draft = draft.replace("Staff MAY unlock", "Staff MUST unlock")
    draft = draft.replace("* Define gentle docking.", "* Describe unlocking.\n* Define gentle docking at night.")
    draft = draft.replace("* Require locks.", "* Require locks.\n* Recommend lights.")
    spec_repo.commit("two", {"draft-ietf-docks-rules.md": draft})
    found = _amendments(specdiff_json, spec_repo)
    assert {text: a["severity"] for text, a in found.items()} == {
        "Staff MUST unlock a bike.": "breaking",
        "* Describe unlocking.": "editorial",
        "* Define gentle docking at night.": "editorial",
        "* Recommend lights.": "editorial",
    }, found


def test_sections_the_document_declares_non_normative_state_no_rule_in_a_diff(spec_repo, specdiff_json):
    """SARIF marks its appendices "(Informative)", W3C-style specs open a section with "This section is
    non-normative.": a keyword changed there binds no one, so it is no breaking change."""
    def spec(keyword: str) -> str:
        return (
            f"# Docks\n\nDocks MUST lock returned bikes.\n\n## Busy stations (Informative)\n\nStaff {keyword} move bikes.\n\n"
            f"## Night use\n\nThis section is non-normative.\n\n### Lights\n\nRiders {keyword} switch lights on.\n\n"
            f"## Keys\n\nRiders {keyword} return keys.\n"
        )

    spec_repo.commit("one", {"spec/docks.md": spec("SHOULD")})
    spec_repo.commit("two", {"spec/docks.md": spec("MUST NOT")})
    found = _amendments(specdiff_json, spec_repo)
    assert {text: a["severity"] for text, a in found.items()} == {
        "Staff MUST NOT move bikes.": "substantive",
        "Riders MUST NOT switch lights on.": "substantive",
        "Riders MUST NOT return keys.": "breaking",
    }


def test_an_item_completing_its_lead_ins_infinitive_is_no_command():
    # "If a kiosk offers a way to:" has no rule; its items say what the way does
    assert not states_rule("set a daily limit on rentals per rider.", Place("list_item", lead_in="If a kiosk offers a way to:"))
    # under a rule, the item takes the lead-in's force, not a command's
    readings = [r for r in read_sentence("set a daily limit.", Place("list_item", lead_in="Kiosks SHOULD be able to:")) if r.rule]
    assert [(r.modal.strength, r.reason) for r in readings] == [(2, "lead_in")]


def test_a_lower_case_word_of_force_in_a_condition_after_its_main_clause_binds_no_one():
    capitals = Place(capitals=True)
    readings = read_sentence("Set the `berths` list to `[]` if this harbour should take no ferries.", capitals)
    assert [(r.modal.phrase, r.rule) for r in readings] == [("Set", True), ("should", False)]
    assert not states_rule("The field was added for harbours where the tide table must be read by hand.", capitals)
    # a condition that opens the sentence may have lost its comma: the phrase may be the main clause's
    assert states_rule("If you rename the berth every day you should keep the old name too.", capitals)


def test_the_word_that_ends_a_condition_binds_no_one():
    readings = read_sentence("When a deposit is required, the kiosk MUST show its amount.", PROSE)
    assert [(r.modal.phrase, r.rule) for r in readings] == [("required", False), ("MUST", True)]
    # the comma further on may close the main clause, where the phrase is the rule
    assert [r.phrase for r in rules("When a bike is returned the rider must lock it, and staff check it.")] == ["must"]


def test_a_labelled_command_in_an_item_takes_the_lead_ins_force():
    item = Place("list_item", lead_in="Docks SHOULD apply the following measures:", capitals=True)
    readings = [r for r in read_sentence("**Locks**: Enforce a lock on every bike.", item) if r.rule]
    assert [(r.modal.strength, r.reason) for r in readings] == [(2, "lead_in")]
    # so the same SHOULD written out changes nothing, and a MUST written out strengthens it
    effects = describe_change("**Locks**: Enforce a lock.", "**Locks**: SHOULD enforce a lock.", old_place=item, new_place=item)
    assert not any(e.type == "modality" for e in effects)
    effects = describe_change("Pool the bikes at night.", "SHOULD pool the bikes at night.", old_place=item, new_place=item)
    assert severity("modified", effects) != "breaking", effects  # the word of force is no word of what is asked
    effects = describe_change("**Night**: Pool the bikes.", "**Night**: SHOULD pool the bikes.", old_place=item, new_place=item)
    assert [e.type for e in effects if e.type != "editorial"] in ([], ["wording"]), effects  # no words dropped from the item
    assert not any(e.direction for e in effects), effects
    effects = describe_change("**Locks**: Enforce a lock.", "**Locks**: MUST enforce a lock.", old_place=item, new_place=item)
    assert [(e.type, e.direction) for e in effects if e.type == "modality"] == [("modality", "strengthened")]


def test_the_items_under_a_label_item_take_the_lists_lead_in():
    markdown = (
        "# Gates\n\nDocks SHOULD apply the following measures:\n\n- **Queues**:\n  - Respect the queue.\n"
        "- `gate` opens if the rider should pass:\n  - The gate supports cards.\n"
    )
    places = places_of(parse_document(markdown, "a.md").sections, capitals=True)
    lead_ins = {c.normalized: p.lead_in for c, p in places.items()}
    assert lead_ins["Respect the queue."] == "Docks SHOULD apply the following measures:"
    assert lead_ins["The gate supports cards."] == "`gate` opens if the rider should pass:"
    # ... and the label orders nothing, though its first word is a verb
    assert not states_rule("Build platform:", Place("list_item", capitals=True))


@pytest.mark.parametrize(
    "sentence",
    [
        "It should be noted that docks lock at night.",
        "This cannot be stressed strongly enough: docks lock at night.",
        "It must be remembered that riders pay by the hour.",
    ],
)
def test_a_call_for_attention_binds_no_one(sentence):
    assert not states_rule(sentence), reasons(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # in a document of capitals, a lower-case word of force in a relative clause tells what a thing is
        ("The kiosk prints the receipt that should be handed to the rider.", []),
        ("The name of the dock which should be the bike's home.", []),
        # the "that" of what a verb asks still binds
        ("Docks MUST ensure that riders should wait.", ["obligation"]),
        ("Riders should wait for the light.", ["obligation"]),
    ],
)
def test_a_relative_clause_in_a_capitals_document_tells_what_a_thing_is(sentence, expected):
    assert [r.force for r in rules(sentence, Place(capitals=True))] == expected, reasons(sentence)


def test_a_software_licence_gives_no_leave():
    assert [r.force for r in rules("Extensions MUST be licensed under Apache 2.0.", Place(capitals=True))] == ["obligation"]


def test_recommended_reading_is_no_rule():
    assert not states_rule("RFC 9700 and the OAuth security advice are recommended reading for implementors.")
    assert states_rule("TLS 1.3 is recommended for every dock.")


def test_may_or_may_not_says_what_may_be_so():
    assert not states_rule("Dock names may or may not be unique across the city.")
    assert states_rule("Riders may not ride on the pavement.")


def test_a_word_only_inflected_otherwise_is_a_grammar_fix(spec_repo, specdiff_json):
    """LSP fixed "Servers should only return relevant commands and avoiding returning large lists" to "... and
    avoid returning ...", read as a rule joined, breaking; and "- **stdio**: uses stdio" to "use stdio", read
    as a command given. A word inflected otherwise says the same; "HTTP" -> "HTTPS" names another protocol."""
    old = (
        "# Docks\n\nDocks should only offer nearby bikes and avoiding listing every bike in the city.\n\n"
        "- **app**: uses the app as the channel.\n- **sms**: uses a text as the channel, passed as next arg.\n"
    )
    new = old.replace("avoiding", "avoid").replace("uses", "use").replace("as next", "as the next")
    spec_repo.commit("one", {"spec/docks.md": old})
    spec_repo.commit("two", {"spec/docks.md": new})
    found = _amendments(specdiff_json, spec_repo)
    assert len(found) == 3 and {a["severity"] for a in found.values()} == {"editorial"}, found
    spec_repo.commit("three", {"spec/docks.md": "# Docks\n\nThe dock sends an HTTP request to the desk.\n"})
    spec_repo.commit("four", {"spec/docks.md": "# Docks\n\nThe dock sends an HTTPS request to the desk.\n"})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert amendment["severity"] != "editorial", amendment


def test_a_comma_after_a_condition_or_a_holder_respelled_changes_no_scope(spec_repo, specdiff_json):
    """LSP's copy edit wrote "If an `InsertReplaceEdit` is returned the edit's insert range must ..." with a
    comma after "returned", and "Whenever possible implementors should ..." as "Whenever possible,
    implementers should ...", beside other edits of the same comment: each read as a condition taken off
    the rule, breaking. Words put before the holder still narrow the rule."""
    old = (
        "# Docks\n\nIf a bay is full the range must be a prefix of the lane, that means it must be contained and "
        "start at the gate.\n\nWhenever possible implementors should show the nearest dock and shouldn't rely on a map.\n"
    )
    new = (
        "# Docks\n\nIf a bay is full, the range must be a prefix of the lane, meaning it must be contained in and "
        "start at the gate.\n\nWhenever possible, implementers should show the nearest dock and shouldn't rely on a map.\n"
    )
    spec_repo.commit("one", {"spec/docks.md": old})
    spec_repo.commit("two", {"spec/docks.md": new})
    found = _amendments(specdiff_json, spec_repo)
    assert [e["type"] for a in found.values() for e in a["effects"] if e["type"] == "scope"] == [], found
    # (nor does a word that joins the sentence to the one before: GraphQL's "Therefore the executor must, ...")
    joined = new + "\nThe kiosk must show each dock.\n"
    spec_repo.commit("three", {"spec/docks.md": joined})
    joined = joined.replace("The kiosk must", "Thus the kiosk must")
    spec_repo.commit("four", {"spec/docks.md": joined})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert [e["type"] for e in amendment["effects"] if e["type"] == "scope"] == [], amendment
    spec_repo.commit("five", {"spec/docks.md": joined.replace("implementers should", "implementers of kiosks should")})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert [e["direction"] for e in amendment["effects"]] == ["scope_narrowed"], amendment


def test_a_word_that_says_what_kind_of_thing_a_name_is_changes_nothing(spec_repo, specdiff_json):
    """QUIC's "A client that sends CONNECTION_CLOSE in a 0-RTT packet ..." -> "... sends a CONNECTION_CLOSE
    frame ...", and "a different Stateless Reset Token" -> "... Stateless Reset Token field value", read as
    the rule's scope narrowed. A name with its kind said names the same thing; one kind for another does not."""
    spec_repo.commit("one", {"spec/docks.md": "# Docks\n\nA dock that sends UNLOCK MUST wait for the Bay Token.\n"})
    spec_repo.commit(
        "two", {"spec/docks.md": "# Docks\n\nA dock that sends an UNLOCK message MUST wait for the Bay Token field value.\n"}
    )
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert amendment["severity"] == "editorial", amendment
    spec_repo.commit("three", {"spec/docks.md": "# Docks\n\nDocks MUST send the UNLOCK message.\n"})
    spec_repo.commit("four", {"spec/docks.md": "# Docks\n\nDocks MUST send the UNLOCK frame.\n"})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert amendment["severity"] != "editorial", amendment


def test_a_note_advises_where_rules_are_written_in_lower_case(spec_repo, specdiff_json):
    """GraphQL writes its rules in lower case and says "Notes in this document are non-normative"; its
    added "Note: ... implementations should preserve it ..." read as a rule added, breaking."""
    body = "# Docks\n\nA dock must lock each bike.\n"
    spec_repo.commit("one", {"spec/docks.md": body})
    spec_repo.commit("two", {"spec/docks.md": body + "\nNote: When riders queue, docks should serve them in order.\n"})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert amendment["severity"] == "substantive", amendment
    spec_repo.commit("three", {"spec/docks.md": body + "\nWhen riders queue, docks should serve them in order.\n"})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert amendment["severity"] == "breaking", amendment


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # MLS: what a delivery service is usually asked to do, said of it
        ("The following kinds of delivery are typically required:", []),
        ("Docks are usually required to log each ride.", []),
        ("Docks are typically REQUIRED to log each ride.", ["obligation"]),
        ("Docks are required to log each ride.", ["obligation"]),
        # CSAF's "Group IDs (`group_ids`) are of value type ...", Nostr's label "Query parameters:": nouns
        ("Group IDs (`group_ids`) are of value type string.", []),
        ("Query parameters:", []),
        ("Remember that docks close at night.", []),
        ("Send the receipt:", ["obligation"]),
        ('Show spinner: "Docking ..."', ["obligation"]),
        ("Given a dock number, increment the:", ["obligation"]),
        # CSAF's "Although it is not formally required, ...": an obligation lifted, as "not required" is
        ("A receipt is not strictly required.", ["permission"]),
        ("Group the bikes by dock.", ["obligation"]),
    ],
)
def test_habits_nouns_and_lifted_duties_read_as_what_they_are(sentence, expected):
    assert [r.force for r in rules(sentence, Place())] == expected, reasons(sentence)


def test_a_section_named_for_a_revision_history_field_is_no_change_log(spec_repo, specdiff_json):
    """CSAF names its tests for the document's revision history: "### Sorted Revision History" holds "It
    MUST be tested that ...", read as a change log's entry, editorial. A "Revision History" heading alone
    is still one."""
    for heading, expected in (("Sorted Revision History", "breaking"), ("Appendix B. Revision History", "editorial")):
        spec_repo.commit(heading, {"spec/tests.md": f"# Tests\n\n## {heading}\n\nThe list is sorted.\n"})
        spec_repo.commit(
            heading + " rule",
            {"spec/tests.md": f"# Tests\n\n## {heading}\n\nThe list is sorted.\n\nEach tool MUST sort the list.\n"},
        )
        (amendment,) = _amendments(specdiff_json, spec_repo).values()
        assert amendment["severity"] == expected, (heading, amendment)


def test_a_long_paragraph_pasted_twice_and_dropped_again_says_nothing_new(spec_repo, specdiff_json):
    """Nostr's relay information NIP pasted its "The relay MAY choose to publish its software version ..."
    paragraph a second time and later dropped the copy: read as a recommendation added, then a licence
    removed, both breaking. A short sentence said under two things says it of each."""
    said = (
        "The dock MAY choose to publish its firmware version as a string attribute. The string format is defined "
        "by the dock's maker. It is recommended this be a version number or a commit identifier."
    )
    once = f"# Docks\n\n## Version\n\n{said}\n\n## Bays\n\nA bay holds one bike.\n"
    twice = once + f"\n{said}\n"
    for first, second in ((once, twice), (twice, once)):
        spec_repo.commit("first", {"spec/docks.md": first})
        spec_repo.commit("second", {"spec/docks.md": second})
        (amendment,) = _amendments(specdiff_json, spec_repo).values()
        assert amendment["severity"] == "editorial", amendment
    # (said of two things: a short sentence, or a long one in two sections, naming neither)
    rule = "This field is OPTIONAL."
    long_rule = (
        "Allows extensions to the schema. The field name MUST begin with `x-`, and its value MAY be any value a "
        "client can read and write back unchanged."
    )
    for said_twice in (rule, long_rule):
        both = f"# Docks\n\n## Version\n\n{said_twice}\n\n## Bays\n\n{said_twice}\n"
        spec_repo.commit("both", {"spec/docks.md": both})
        spec_repo.commit("one gone", {"spec/docks.md": both.rsplit("\n\n", 1)[0] + "\n"})
        (amendment,) = _amendments(specdiff_json, spec_repo).values()
        assert amendment["severity"] != "editorial", amendment


def test_notation_that_writes_the_same_thing_otherwise_is_editorial(spec_repo, specdiff_json):
    """JSONPath wrote its functions with their call's brackets ("`length`" -> "`length()`", read as a value
    renamed), its contractions out ("doesn't" -> "does not"), rewrapped an ABNF comment, and named a table
    with a kramdown attribute list ("{: #tbl-docks}"): each read as substantive."""
    old = (
        "# Docks\n\n## `count` Function\n\nThe \"count\" function counts docks. It doesn't count bikes.\n\n"
        '~~~ abnf\ndock-expr = "dock" S name  ; Dock name\n            / "bay"        ; bay or\n'
        "                           ; lane\n~~~\n\n| Dock | Bays |\n|---|---|\n| north | 4 |\n"
    )
    new = (
        "# Docks\n\n## `count()` Function\n\nThe `count()` function counts docks. It does not count bikes.\n\n"
        '~~~ abnf\ndock-expr = "dock" S name  ; dock name\n            / "bay"        ; bay or lane\n~~~\n\n'
        "| Dock | Bays |\n|---|---|\n| north | 4 |\n\n{: #tbl-docks title=\"Docks\"}\n"
    )
    spec_repo.commit("one", {"spec/docks.md": old})
    spec_repo.commit("two", {"spec/docks.md": new})
    found = _amendments(specdiff_json, spec_repo)
    assert {a["severity"] for a in found.values()} == {"editorial"}, found
    # (a rule of the grammar changed, or a function renamed, is read)
    renamed = new.replace('/ "bay"', '/ "lane"').replace("`count()` function", "`tally()` function")
    spec_repo.commit("three", {"spec/docks.md": renamed})
    found = _amendments(specdiff_json, spec_repo)
    assert len(found) == 2 and "editorial" not in {a["severity"] for a in found.values()}, found


def test_a_sentence_that_only_points_to_a_kramdown_reference_is_editorial(spec_repo, specdiff_json):
    """JSONPath appended "(Additional discussion of this point can be found in {{sec-x}}.)" to a rule,
    read as the rule reworded, substantive: a kramdown-rfc reference points as a link does."""
    rule = "A query MUST be rejected if it is not well-formed."
    spec_repo.commit("one", {"draft-docks.md": f"# Docks\n\n{rule}\n"})
    spec_repo.commit("two", {"draft-docks.md": f"# Docks\n\n{rule} (Further discussion can be found in {{{{sec-errors}}}}.)\n"})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert amendment["severity"] == "editorial", amendment
    spec_repo.commit("three", {"draft-docks.md": f"# Docks\n\n{rule} See {{{{sec-errors}}}} for more.\n"})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert amendment["severity"] == "editorial", amendment
    spec_repo.commit("four", {"draft-docks.md": f"# Docks\n\n{rule} Errors MUST be reported as {{{{sec-errors}}}} says.\n"})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert amendment["severity"] == "breaking", amendment


def test_a_since_tag_in_a_schema_comment_changes_nothing(spec_repo, specdiff_json):
    """LSP tagged a field it had with "@since 3.6.0 to support the new pull model.", read as a sentence
    added to the schema's comments, substantive. The tag tells when the field came; its comment is the same."""
    block = "# Docks\n\n```typescript\nexport interface Dock {{\n\t/**\n\t * The bay to use.{}\n\t */\n\tbay?: number;\n}}\n```\n"
    spec_repo.commit("one", {"spec/docks.md": block.format("")})
    spec_repo.commit("two", {"spec/docks.md": block.format("\n\t *\n\t * @since 3.6.0 to support bays.")})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert amendment["severity"] == "editorial", amendment
    tagged = block.format("\n\t *\n\t * @since 3.6.0 to support bays.")
    spec_repo.commit("three", {"spec/docks.md": tagged.replace("bay?:", "bay:")})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert amendment["severity"] != "editorial", amendment
    # (a tag that gives the field's standing is read: "@since 3.16.0 - proposed state" -> "@since 3.16.0")
    spec_repo.commit("four", {"spec/docks.md": tagged.replace("to support bays.", "- proposed state")})
    spec_repo.commit("five", {"spec/docks.md": tagged.replace("to support bays.", "")})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert amendment["severity"] != "editorial", amendment


def test_an_ietf_drafts_pointers_notes_and_footnotes_to_the_editor_are_editorial(spec_repo, specdiff_json):
    """JSONPath's drafts wrote "The following examples show ..." as "The examples in {{tbl-name}} show ...",
    "Note that this can only be used with ..." as "Note: this can only be used with ...", and added a footnote
    "[^x]: RFC Ed.: please replace RFCXXXX ..." with its bare marker: each read as substantive."""
    old = (
        "# Docks\n\nThe following examples show the dock selector.\n\n"
        "A dock name is shorthand for its code. Note that this can only be used with names of letters.\n"
    )
    new = (
        "# Docks\n\nThe examples in {{tbl-docks}} show the dock selector.\n\n"
        "A dock name is shorthand for its code. Note: this can only be used with names of letters.\n\n"
        "[^rfced]\n\n[^rfced]: RFC Ed.: please replace RFCXXXX with the number of this RFC.\n"
    )
    spec_repo.commit("one", {"draft-docks.md": old})
    spec_repo.commit("two", {"draft-docks.md": new})
    found = _amendments(specdiff_json, spec_repo)
    assert len(found) == 4 and {a["severity"] for a in found.values()} == {"editorial"}, found
    # (a reference that came with other words says more)
    spec_repo.commit("three", {"draft-docks.md": new.replace("show the dock selector", "show the dock and bay selectors")})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert amendment["severity"] != "editorial", amendment


def test_a_regular_expression_changed_by_its_marks_is_no_slip(spec_repo, specdiff_json):
    """CSAF anchored both branches of its version pattern, "^(0|[1-9][0-9]*)|(...)$" -> "^(0|[1-9][0-9]*)$|^(...)$",
    so that "1abc" no longer matches: read as an example's slip, editorial. A pattern's every mark counts."""
    block = "# Docks\n\nThe dock's code MUST match:\n\n```\n    {}\n```\n"
    spec_repo.commit("one", {"spec/docks.md": block.format("^(0|[1-9][0-9]*)|([a-z]+-[0-9]+)$")})
    spec_repo.commit("two", {"spec/docks.md": block.format("^(0|[1-9][0-9]*)$|^([a-z]+-[0-9]+)$")})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert amendment["severity"] != "editorial", amendment


def test_an_apostrophe_put_in_a_contraction_changes_nothing(spec_repo, specdiff_json):
    """IPFS wrote "probably shouldnt be in unixfs" as "... shouldn't ...": read as a rule made, breaking."""
    spec_repo.commit("one", {"spec/docks.md": "# Docks\n\n- new bay kinds probably shouldnt be in the dock, just known to it\n"})
    spec_repo.commit("two", {"spec/docks.md": "# Docks\n\n- new bay kinds probably shouldn't be in the dock, just known to it\n"})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert amendment["severity"] == "editorial", amendment


def test_a_field_listed_by_its_name_and_renamed_throughout_is_another_name_on_the_wire(spec_repo, specdiff_json):
    """Nostr renamed the required tag "- `difficulty` (required): Integer from 1-5 ..." to "`D`" throughout:
    read as a name renamed throughout, substantive. A field's name is what readers of the data look for."""
    spec_repo.commit("one", {"spec/docks.md": "# Docks\n\nTags:\n\n- `level` (required): how hard the dock is to find\n"})
    spec_repo.commit("two", {"spec/docks.md": "# Docks\n\nTags:\n\n- `L` (required): how hard the dock is to find\n"})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert amendment["severity"] == "breaking", amendment


def test_a_value_named_nothing_is_no_negation(spec_repo, specdiff_json):
    """JSONPath names a function's empty result "Nothing": "... the argument is Nothing." -> "... the argument
    is the special result `Nothing`." read as a negation taken away, the rule turned round."""
    spec_repo.commit("one", {"spec/docks.md": "# Docks\n\n- If the bay holds no bike, the answer is Nothing.\n"})
    said = "# Docks\n\n- If the bay holds no bike, the answer is\n  the special result `Nothing`.\n"
    spec_repo.commit("two", {"spec/docks.md": said})
    (amendment,) = _amendments(specdiff_json, spec_repo).values()
    assert "negation" not in [e["type"] for e in amendment["effects"]], amendment
