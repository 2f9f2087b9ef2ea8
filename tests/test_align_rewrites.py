"""Alignment on the kinds of rewrite real spec histories make (issue 11), each with text of our own.

Each test reproduces one failure class found on real histories: a clause
reworded or grown around the same rule, a section renamed and edited at once,
a renamed top heading, real splits and merges, a list item restructured into
nested items, front matter of a new file, and headings renamed with a level
change or a rewritten body.
"""

from __future__ import annotations

from specdiff import amendments
from specdiff.align import align_across_files, align_documents
from specdiff.amendments import amendments_from
from specdiff.parse import parse_document


def align(old_text: str, new_text: str, path: str = "spec.md"):
    return align_documents(parse_document(old_text, path), parse_document(new_text, path))


def kinds(alignment) -> list[tuple[str, str]]:
    return [(a.unit, a.kind) for a in amendments_from(alignment)]


# -- front matter ---------------------------------------------------------------------------


def test_front_matter_of_a_new_file_is_not_moved_from_another_file():
    retired_old = parse_document(
        "---\ntitle: The Lantern Signalling Scheme\ndocname: draft-lantern-signals-03\ncategory: std\n"
        "area: Harbour Operations\n---\n\n# Introduction\n\nLanterns MUST be lit at dusk.\n",
        "lantern.md",
    )
    retired_new = parse_document("# Introduction\n\nLanterns MUST be lit at dusk.\n", "lantern.md")
    added = parse_document(
        "---\ntitle: The Buoy Signalling Scheme\ndocname: draft-buoy-signals-00\ncategory: std\n"
        "area: Harbour Operations\n---\n\nBuoy signalling overview for harbour crews.\n\n# Introduction\n\n"
        "Buoys SHOULD carry a bell.\n",
        "buoy.md",
    )
    empty = parse_document("", "buoy.md")
    gone = align_documents(retired_old, retired_new)
    new_file = align_documents(empty, added)
    moves = align_across_files(gone.removed, new_file.added)
    assert moves == [], "front matter and title text belong to their own file"


def test_a_paragraph_under_a_heading_still_moves_between_files():
    text = "Every harbour master keeps a written log of lantern faults for a year."
    old_a = parse_document(f"---\ntitle: A\n---\n\n# Logs\n\n{text}\n", "a.md")
    new_a = parse_document("---\ntitle: A\n---\n\n# Logs\n", "a.md")
    old_b = parse_document("# Records\n\nKeep it short.\n", "b.md")
    new_b = parse_document(f"# Records\n\nKeep it short.\n\n{text}\n", "b.md")
    moves = align_across_files(align_documents(old_a, new_a).removed, align_documents(old_b, new_b).added)
    assert [(m.old[0].path, m.new[0].path) for m in moves] == [("a.md", "b.md")]


# -- reworded clauses ---------------------------------------------------------------------


def test_clause_that_gains_sentences_around_the_same_rule_is_modified():
    old = (
        "# Archive {#archive}\n\nThe archive keeps every closed ticket.\n\n"
        "Before moving a ticket to the archive, the tool SHALL apply its pending labels to the board.\n\n"
        "Archived tickets are read-only.\n"
    )
    new = (
        "# Archive {#archive}\n\nThe archive keeps every closed ticket.\n\n"
        "After reserving the archive slot, the tool SHALL apply pending labels to the board, then move the ticket. "
        "It SHALL undo the labels when the move fails. A failed undo SHALL leave the ticket in the reserved slot "
        "for an operator to inspect by hand.\n\n"
        "Archived tickets are read-only.\n"
    )
    alignment = align(old, new)
    assert not alignment.added and not alignment.removed
    assert ("clause", "modified") in kinds(alignment)


def test_field_definition_reworded_in_place_is_modified():
    old = (
        "# Fields\n\nThe `Tide-Level` header field indicates the water height at the quay, counted in centimetres. "
        "The `Tide-Level` field value is an Integer.\n\nServers echo it unchanged.\n"
    )
    new = (
        "# Fields\n\nThe water height is carried by the `Tide-Level` header field. Its field value is an Integer, "
        "in centimetres above the quay datum.\n\nServers echo it unchanged.\n"
    )
    alignment = align(old, new)
    assert not alignment.removed and not alignment.added
    assert alignment.clauses[0].old[0].normalized.startswith("The `Tide-Level`")


def test_a_rule_rewritten_alone_between_unchanged_neighbours_is_modified():
    # Few words kept (0.2 of their weight, under the 0.3 asked of clauses in a longer run of
    # changes), but nothing else changed between the same neighbours: one rule rewritten.
    old = (
        "# Flags {#flags}\n\nEvery vessel carries a flag locker.\n\n"
        "Crews SHOULD NOT hoist a pennant above other flags, as pennants carry no signal there. "
        "A blue ensign SHOULD be flown instead of the pennant when greeting a vessel.\n\nFlags are stowed dry.\n"
    )
    new = (
        "# Flags {#flags}\n\nEvery vessel carries a flag locker.\n\n"
        "A blue ensign SHOULD be flown to greet an arriving vessel. A lone pennant SHOULD NOT be hoisted for "
        "signals the code leaves undefined. For example, one ensign is preferred to two pennants.\n\n"
        "Flags are stowed dry.\n"
    )
    alignment = align(old, new)
    assert not alignment.removed and not alignment.added
    assert kinds(alignment) == [("clause", "modified")]


def test_twin_items_of_two_sections_each_edited_in_place_are_not_crossed():
    # The harbour item lost its full stop and the berth item its capital, so each old item reads
    # word for word like the other's new one: paired across, both were moved.
    item = "contain any character other than '/' unless the dock's type says otherwise"
    old = (
        f"# Names\n\n## Harbour {{#harbour}}\n\nThe harbour part:\n\n- is optional\n- may {item}.\n\n"
        f"## Berth {{#berth}}\n\nThe berth part:\n\n- is required\n- May {item}.\n"
    )
    new = (
        f"# Names\n\n## Harbour {{#harbour}}\n\nThe harbour part:\n\n- is optional\n- may {item}\n\n"
        f"## Berth {{#berth}}\n\nThe berth part:\n\n- is required\n- may {item}.\n"
    )
    changed = [m for m in align(old, new).clauses if m.old[0].normalized != m.new[0].normalized]
    assert [(m.old[0].section, m.new[0].section, m.moved) for m in changed] == [
        ("harbour", "harbour", False),
        ("berth", "berth", False),
    ]


def test_list_items_cut_down_to_their_keys_are_modified():
    # "crates" shares too little weight with the whole item to pair by words.
    def changed(match) -> bool:
        return match.old[0].normalized != match.new[0].normalized

    old = "# Cargo {#cargo}\n\nThe manifest lists these keys:\n\n" + "".join(
        f"- {key} - Inline or referenced list MUST be of a [{name}](#{key}) and not a plain list.\n"
        for key, name in [("crates", "Crate"), ("pallets", "Pallet"), ("drums", "Drum")]
    )
    new = "# Cargo {#cargo}\n\nThe manifest lists these keys:\n\n- crates\n- pallets\n- drums\n"
    trimmed = [("crates", "crates"), ("pallets", "pallets"), ("drums", "drums")]
    alignment = align(old + "\nEnd.\n", new + "\nEnd.\n")
    assert [(m.old[0].normalized.split()[0], m.new[0].normalized) for m in alignment.clauses if changed(m)] == trimmed
    # ... and moved at once into the list above, past a paragraph that stayed
    old = old.replace("The manifest lists these keys:", "Plain keys:\n\n- barrels\n\nKeys with rules:")
    new = new.replace("The manifest lists these keys:\n\n", "Plain keys:\n\n- barrels\n") + "\nKeys with rules:\n"
    alignment = align(old + "\nEnd.\n", new + "\nEnd.\n")
    assert [(m.old[0].normalized.split()[0], m.new[0].normalized) for m in alignment.clauses if changed(m)] == trimmed
    # the paragraph they moved past kept its place: they moved, it did not
    assert [m.new[0].normalized for m in alignment.clauses if m.moved] == ["crates", "pallets", "drums"]


def test_a_one_word_item_swapped_alone_in_its_place_is_modified():
    old = "# Fields\n\n- `berth`\n  - Type: `string`\n  - OPTIONAL\n- `dock`\n  - Type: `string`\n  - OPTIONAL\n"
    new = old.replace("  - OPTIONAL\n- `dock`", "  - REQUIRED\n- `dock`")
    assert kinds(align(old, new)) == [("clause", "modified")]


def test_a_different_rule_written_in_the_same_place_is_removed_and_added():
    old = "# Boats\n\nBoats moor at the east pier.\n\nCaptains report fuel levels every morning before departure.\n\nEnd.\n"
    new = "# Boats\n\nBoats moor at the east pier.\n\nVisitors may photograph the lighthouse from the north path.\n\nEnd.\n"
    alignment = align(old, new)
    assert [c.normalized for c in alignment.removed] == ["Captains report fuel levels every morning before departure."]
    assert [c.normalized for c in alignment.added] == ["Visitors may photograph the lighthouse from the north path."]


def test_a_rule_moved_into_a_section_that_implies_its_condition_is_one_rule_moved():
    """GraphQL over HTTP moved a MUST NOT into its media type's section, dropping the condition on the
    media type and a reason (0.56 alike): it read as one rule removed and another added."""
    old = (
        "# Ferries\n\n## Tickets\n\nTickets are sold at the quay.\n\n"
        "If the crossing is cancelled after noon and the ticket was bought online then the office MUST NOT "
        "charge a rebooking fee since the passenger had no way to know about the cancellation in time.\n\n"
        "## Online tickets\n\nOnline tickets carry a code.\n"
    )
    new = (
        "# Ferries\n\n## Tickets\n\nTickets are sold at the quay.\n\n"
        "## Online tickets\n\nOnline tickets carry a code.\n\n"
        "If the crossing is cancelled after noon then the office MUST NOT charge a rebooking fee.\n"
    )
    assert kinds(align(old, new)) == [("clause", "moved")]
    # a different rule that shares a few words stays a rule removed and another added
    other = new.replace("then the office MUST NOT charge a rebooking fee", "then passengers MAY board the next ferry for free")
    assert sorted(kinds(align(old, other))) == [("clause", "added"), ("clause", "removed")]


# -- sections -----------------------------------------------------------------------------


def test_renamed_top_heading_keeps_its_subsections_in_place():
    old = (
        "Harbour Rules 1.0\n=================\n\nThese rules govern the harbour.\n\n"
        "Mooring\n-------\n\nMoor bow first.\n\nFuel\n----\n\nRefuel at the east pier only.\n\n"
        "Fees\n----\n\nFees are due monthly.\n"
    )
    new = (
        "Harbour Rules 2.0\n=================\n\nSummary\n-------\n\nA short list of harbour rules.\n\n"
        "Introduction\n------------\n\nThese rules govern the harbour.\n\n"
        "Mooring\n-------\n\nMoor bow first.\n\nFuel\n----\n\nRefuel at the east pier only.\n\n"
        "Fees\n----\n\nFees are due monthly.\n"
    )
    alignment = align(old, new)
    by_old = {m.old.heading: m.new.heading for m in alignment.sections}
    assert by_old["Harbour Rules 1.0"] == "Harbour Rules 2.0"
    assert not alignment.moved_sections, "no section changed parent or order"
    assert [(u, k) for u, k in kinds(alignment) if u == "section"].count(("section", "moved")) == 0


def test_section_renamed_with_level_change_keeps_the_old_slug_as_anchor():
    old = "# Fields\n\n## Tide-Level\n\nThe field says how high the water is.\n\n# Other\n\nText.\n"
    new = "# State\n\n### Water height {#tide-level}\n\nThe height of the water is carried by this field.\n\n# Other\n\nText.\n"
    alignment = align(old, new)
    (match,) = [m for m in alignment.sections if m.old.heading == "Tide-Level"]
    assert match.new.heading == "Water height" and match.by == "anchor"


def test_section_renamed_and_rewritten_in_place_is_renamed():
    old = (
        "# Guide\n\n## Mooring\n\nMoor bow first.\n\n## Fuel safety\n\n"
        "Never refuel with the engine running. Keep an extinguisher on deck while refuelling. [^f1]\n\n"
        "## Fees\n\nFees are due monthly.\n"
    )
    new = (
        "# Guide\n\n## Mooring\n\nMoor bow first.\n\n## Refuelling safely\n\n"
        "Stop the engine before any refuelling begins, and keep an extinguisher within reach of the pump. [^f1]\n\n"
        "## Fees\n\nFees are due monthly.\n"
    )
    alignment = align(old, new)
    by_old = {m.old.heading: m.new.heading for m in alignment.sections}
    assert by_old["Fuel safety"] == "Refuelling safely"
    assert ("section", "renamed") in kinds(alignment)


def test_section_now_under_a_new_parent_is_moved_but_a_title_added_above_all_moves_nothing():
    old = "# Creation\n\nCreate it.\n\n# Retrieval\n\nFetch it.\n\n# Limits\n\nLimit it.\n"
    regrouped = (
        "# Resource\n\nAbout the resource.\n\n## Creation\n\nCreate it.\n\n## Retrieval\n\nFetch it.\n\n# Limits\n\nLimit it.\n"
    )
    titled = "# Handbook\n\n## Creation\n\nCreate it.\n\n## Retrieval\n\nFetch it.\n\n## Limits\n\nLimit it.\n"
    moved = align(old, regrouped).moved_sections
    assert moved == {"creation", "retrieval"}
    assert align(old, titled).moved_sections == set()


def test_many_renumbered_sections_pair_by_their_unnumbered_headings():
    old = "".join(f"## {n}. Rule about item {n}\n\nItem {n} is kept dry.\n\n" for n in range(1, 40))
    new = "".join(f"## {n + 1}. Rule about item {n}\n\nItem {n} is kept dry.\n\n" for n in range(1, 40))
    alignment = align(old, new)
    assert all(m.old.heading.split(". ", 1)[1] == m.new.heading.split(". ", 1)[1] for m in alignment.sections[1:])
    assert len(alignment.sections) == 40 and not alignment.added_sections


# -- splits, merges, nested lists ---------------------------------------------------------


def test_list_item_restructured_into_nested_items_is_one_split():
    old = (
        "# Order\n\n1. Ordering says how two tickets compare. Ordering MUST compare the queue number first, "
        "then the desk letter. When queue numbers are equal, a priority ticket comes before a normal one. "
        "Two priority tickets MUST be compared by their issue time, the earlier first.\n\n"
        "1. Another rule stays as it is.\n"
    )
    new = (
        "# Order\n\n1. Ordering says how two tickets compare.\n\n"
        "   1. Ordering MUST compare the queue number first, then the desk letter.\n\n"
        "   1. When queue numbers are equal, a priority ticket comes before a normal one.\n\n"
        "   1. Two priority tickets MUST be compared by their issue time, the earlier first.\n\n"
        "1. Another rule stays as it is.\n"
    )
    alignment = align(old, new)
    assert not alignment.added and not alignment.removed, "the nested items are parts of the split, not additions"
    (split,) = [m for m in alignment.clauses if len(m.new) > 1]
    assert len(split.new) == 4


def test_short_opening_paragraph_merged_into_the_next_is_a_merge():
    old = (
        "# Exceptions\n\nThere are two kinds of exception to the quiet-hours rule in the harbour handbook.\n\n"
        "Second, emergency vessels may sound horns at any hour when a rescue is under way, and the harbour "
        "master may allow a departure horn before dawn for fishing boats that have registered the day before.\n"
    )
    new = (
        "# Exceptions\n\nThere is one kind of exception to the quiet-hours rule in the harbour handbook. "
        "Specifically, emergency vessels may sound horns at any hour when a rescue is under way, and the harbour "
        "master may allow a departure horn before dawn for fishing boats that have registered the day before.\n"
    )
    alignment = align(old, new)
    (merge,) = alignment.clauses
    assert len(merge.old) == 2 and len(merge.new) == 1


def test_section_in_its_old_place_keeping_much_of_its_text_is_renamed_whatever_its_heading():
    old = (
        "# Guide\n\n## Mooring\n\nMoor bow first.\n\n## Choosing buoy colours\n\n"
        "Crews must be able to tell which colour any given buoy wants to show: red for port, green for starboard.\n\n"
        "## Fees\n\nFees are due monthly.\n"
    )
    new = (
        "# Guide\n\n## Mooring\n\nMoor bow first.\n\n## Marking channel sides\n\n"
        "Crews must be able to determine which side or colour any given buoy marks at night: red for port, "
        "green for starboard, lit in the same colours.\n\n## Fees\n\nFees are due monthly.\n"
    )
    alignment = align(old, new)
    by_old = {m.old.heading: m.new.heading for m in alignment.sections}
    assert by_old["Choosing buoy colours"] == "Marking channel sides"


def test_a_new_section_in_place_of_an_unrelated_removed_one_is_not_paired():
    old = (
        "# Guide\n\n## Mooring\n\nMoor bow first.\n\n## Fuel\n\nRefuel only at the east pier.\n\n"
        "## Fees\n\nFees are due monthly.\n"
    )
    new = (
        "# Guide\n\n## Mooring\n\nMoor bow first.\n\n## Visitors\n\nVisitors may photograph the lighthouse.\n\n"
        "## Fees\n\nFees are due monthly.\n"
    )
    alignment = align(old, new)
    assert [s.heading for s in alignment.removed_sections] == ["Fuel"]
    assert [s.heading for s in alignment.added_sections] == ["Visitors"]


# -- the same list item under many conditions ------------------------------------------------


RETURNS = """\
# Returns

A desk receiving a book:
  - if the book is damaged:
    - MUST NOT accept the return.
  - if the due date passed a year ago:
    - MUST NOT accept the return.
{inserted}  - if the borrower card is blocked:
    - MUST NOT accept the return.
  - if the barcode is unreadable:
    - MUST NOT accept the return.
"""


def test_a_repeated_item_pairs_with_the_copy_under_its_own_condition():
    """Lightning's offers spec writes one "MUST NOT respond to the offer." under a dozen conditions; a
    condition added among them showed every later copy moved, and the added copy at the end."""
    added = "  - if the book belongs to another library:\n    - MUST NOT accept the return.\n"
    inserted = align(RETURNS.format(inserted=""), RETURNS.format(inserted=added))
    found = [(a.kind, a.new[0].lines[0]) for a in amendments_from(inserted)]
    assert found == [("added", 8), ("added", 9)], found
    removed = align(RETURNS.format(inserted=added), RETURNS.format(inserted=""))
    assert [(a.kind, a.old[0].lines[0]) for a in amendments_from(removed)] == [("removed", 8), ("removed", 9)]


# -- a rule's sentence moved from one paragraph to another ----------------------------------------


KEYS = """\
# Keys

Keys are issued at noon by the front desk, and each key opens one locker for the day.{issued}

# Discarding keys

Keys are discarded when returned after closing time, and lost keys are replaced by the office.{discarded}
"""


def test_a_rule_moved_between_paragraphs_is_no_rule_removed_and_added():
    """QUIC moved "The server MUST send a HANDSHAKE_DONE frame ..." up a section, lightly reworded:
    two breaking amendments, a MUST removed and a MUST added, for a rule that stayed."""
    rule = " The {who} MUST log the key as soon as {when}."
    old = KEYS.format(issued="", discarded=rule.format(who="desk", when="it is issued"))
    moved = align(old, KEYS.format(issued=rule.format(who="desk", when="the key is issued"), discarded=""))
    graded = [(a.kind, a.severity, [e.type for e in a.effects]) for a in amendments_from(moved)]
    assert graded == [("modified", "substantive", ["wording"]), ("modified", "substantive", ["wording"])], graded
    other = align(old, KEYS.format(issued=rule.format(who="kiosk", when="the key is issued"), discarded=""))
    assert [a.severity for a in amendments_from(other)] == ["breaking", "breaking"], "another holder: not the same rule"


def test_a_change_of_too_many_rules_finds_only_rules_moved_word_for_word(monkeypatch):
    """Each rule gone is compared with each rule come: a hostile change of 3,000 against 3,000 took
    37 s. Past ``MAX_MOVED_RULE_PAIRS`` only a rule moved word for word is found."""
    rule = " The {who} MUST log the key as soon as {when}."
    old = KEYS.format(issued="", discarded=rule.format(who="desk", when="it is issued"))
    verbatim = align(old, KEYS.format(issued=rule.format(who="desk", when="it is issued"), discarded=""))
    reworded = align(old, KEYS.format(issued=rule.format(who="desk", when="the key is issued"), discarded=""))
    monkeypatch.setattr(amendments, "MAX_MOVED_RULE_PAIRS", 0)
    assert [a.severity for a in amendments_from(verbatim)] == ["substantive", "substantive"]
    assert [a.severity for a in amendments_from(reworded)] == ["breaking", "breaking"]


def test_a_rule_taken_out_into_its_own_paragraph_while_the_rest_is_reworded_is_a_split():
    """OCI's runtime spec took "If the file does not exist, the runtime MUST fall back ..." out into a
    paragraph of its own and reworded the rest, adding two rules: a MUST removed and the same MUST
    added (both breaking) where only the new rules are."""
    rule = "If the harbour register is closed, the harbour master MUST fall back to the printed list of berths:"
    old = (
        "# Berths\n\nA harbour master who assigns berths SHOULD only assign the berths that are listed in the "
        f"harbour register (see the register's preface for details about it). {rule}\n\n- berth 1\n"
    )
    new = (
        "# Berths\n\nA harbour master who assigns berths SHOULD only assign the berths that are listed in the "
        "harbour register. See the register's preface for details about it. Note that not every berth in the "
        "harbour register is free. The harbour master MUST NOT wait for one in this case, and SHOULD assign the "
        "other berths of the printed list.\n\n"
        f"{rule}\n\n- berth 1\n"
    )
    alignment = align(old, new)
    assert not alignment.added and not alignment.removed
    (amendment,) = amendments_from(alignment)
    assert amendment.kind == "split"
    assert [(e.old, e.new) for e in amendment.effects if e.type == "modality"] == [(None, "MUST NOT"), (None, "SHOULD")]


def test_a_heading_inserted_above_text_moves_nothing():
    """OSV's schema put "#### Limit events" and three more headings into its examples; OpenMetrics
    turned a line "Text format" into a heading over its subsections. Every clause and subsection under
    the new headings showed as moved, though none did."""
    old = (
        "# Harbour\n\n## Berths\n\nBerths are numbered.\n\nEach berth MUST show its number.\n\n"
        "### Lights\n\nLights MUST be lit at dusk.\n"
    )
    new = (
        "# Harbour\n\n## Berths\n\nBerths are numbered.\n\n#### Numbers\n\nEach berth MUST show its number.\n\n"
        "## Equipment\n\n### Lights\n\nLights MUST be lit at dusk.\n"
    )
    alignment = align(old, new)
    assert not any(m.moved for m in alignment.clauses)
    assert alignment.moved_sections == set()
    assert [s.heading for s in alignment.added_sections] == ["Numbers", "Equipment"]


def test_a_heading_deleted_above_text_moves_nothing():
    """libp2p deleted the title of autonat-v1.md (it went to a new README): the status table, the
    authors and every line under the title showed as moved "before the first heading", though
    none moved. Now the section's merge is reported, and of its clauses only what changed."""
    old = (
        "# Harbour rules\n\n> Moved to the harbour book.\n\nAuthors: the harbour office.\n\n"
        "Berths MUST be booked.\n\nBoats SHOULD moor at dusk.\n\n## Lights\n\nLights MUST be lit at dusk.\n"
    )
    new = (
        "Authors: the harbour office.\n\nBerths MUST be booked.\n\nBoats SHOULD moor at dsuk.\n\n"
        "## Lights\n\nLights MUST be lit at dusk.\n"
    )
    alignment = align(old, new)
    assert not any(m.moved for m in alignment.clauses)
    found = [(a.unit, a.kind, a.severity) for a in amendments_from(alignment)]
    assert found == [
        ("section", "merged", "substantive"),
        ("clause", "removed", "substantive"),  # the note under the title
        ("clause", "modified", "editorial"),
    ]


def test_clauses_whose_heading_was_deleted_still_move_when_they_leave_their_order():
    old = "# Harbour\n\nBerths MUST be booked.\n\n## Boats\n\nBoats SHOULD moor at dusk.\n\nBoats MUST show a light.\n"
    new = "# Harbour\n\nBoats MUST show a light.\n\nBerths MUST be booked.\n\nBoats SHOULD moor at dusk.\n"
    alignment = align(old, new)
    assert [m.new[0].normalized for m in alignment.clauses if m.moved] == ["Boats MUST show a light."]


def test_two_anchors_swapped_are_two_attribute_changes():
    """OpenMetrics fixed "# Security Considerations {#IANA}" and "# IANA Considerations {#Security}":
    paired by anchor, each section was "renamed" into the other and all their clauses "moved"."""
    old = "# Security {#iana}\n\nKeys MUST rotate.\n\n# IANA {#security}\n\nNo actions.\n"
    new = "# Security {#security}\n\nKeys MUST rotate.\n\n# IANA {#iana}\n\nNo actions.\n"
    alignment = align(old, new)
    assert [(m.old.heading, m.new.heading) for m in alignment.sections[1:]] == [("Security", "Security"), ("IANA", "IANA")]
    assert not any(m.moved for m in alignment.clauses)
    assert [(a.kind, a.severity) for a in amendments_from(alignment)] == [("modified", "editorial")] * 2


def test_a_keyed_list_item_pairs_with_the_item_of_its_key():
    # The new "[Tide Summary]" item shares more words with the old "[Tide Table]" one than the
    # rewritten "[Tide Table]" item does.
    old = "# Charts\n\n- [Tide Table]: To list the tides of a harbour.\n- [Buoys]: Where the buoys are.\n\nEnd.\n"
    new = (
        "# Charts\n\n- [Tide Table]: Gives high and low water for each day.\n- [Buoys]: Where the buoys are.\n"
        "- [Tide Summary]: A summary of the tides of a harbour.\n\nEnd.\n"
    )
    alignment = align(old, new)
    assert [(m.old[0].normalized.split(":")[0], m.new[0].normalized.split(":")[0]) for m in alignment.clauses] == [
        ("[Tide Table]", "[Tide Table]"),
        ("[Buoys]", "[Buoys]"),
        ("End.", "End."),
    ]
    assert [c.normalized.split(":")[0] for c in alignment.added] == ["[Tide Summary]"]


def test_a_sentence_never_pairs_with_the_link_definition_of_its_link():
    url = "https://harbour.example/north-pier-berths-and-moorings-for-visitors"
    old = f"# Piers\n\nFor example, say you want to moor at the [north pier]({url}). It may be tempting to use:\n\nEnd.\n"
    new = f"# Piers\n\nEnd.\n\n[north pier]: ({url})\n"
    alignment = align(old, new)
    assert [m.new[0].normalized for m in alignment.clauses if m.old[0].normalized != "End."] == []


def test_an_html_comment_put_in_a_heading_changes_nothing():
    old = "# Harbour\n\n## Fares\n\nA berth costs four euros a night.\n"
    new = old.replace("## Fares", "## Fares <!-- omit in toc -->")
    assert kinds(align(old, new)) == []
