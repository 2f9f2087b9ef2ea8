"""The pipeline on real repositories: whole files added and deleted, clauses moved between files."""

from __future__ import annotations

import json

import pytest

RULE = "The assistant must confirm the branch before it books a meeting room."


def test_added_file_lists_its_sections_and_clauses(spec_repo, specdiff_json):
    spec_repo.commit("first", {"a.md": "# A\n\nAlpha rule stays.\n"})
    spec_repo.commit("second", {"b.md": "# Bookings {#bookings}\n\nRooms may be booked.\n\n- Never double-book a room.\n"})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert (file["old_path"], file["new_path"], file["status"]) == (None, "b.md", "added")
    kinds = [(a["unit"], a["kind"]) for a in file["amendments"]]
    assert kinds == [("section", "added"), ("clause", "added"), ("clause", "added")]
    assert file["amendments"][2]["severity"] == "substantive", "a new file's prohibition binds only who takes the file up"


def test_a_rule_in_a_new_file_breaks_nothing_but_one_in_a_file_rewritten_under_a_new_name_does(spec_repo, specdiff_json):
    """in-toto added a page for each new predicate type: its rules bind only those who produce the new
    type, so nothing that complied before fails them. A rule added beside clauses that moved in from
    a deleted file is a rule added to a spec that was already there, under a new name."""
    kept = "".join(f"Paragraph {n} of the rules of the road stays as it was.\n\n" for n in range(6))
    spec_repo.commit("first", {"spec.md": "# Docks\n\nDocks MUST lock.\n", "old.md": f"# Old\n\n{kept}"})
    spec_repo.commit(
        "second",
        {
            "spec.md": "# Docks\n\nDocks MUST lock.\n\nDocks MUST ring a bell.\n",
            "horns.md": "# Horns\n\nA dock with a horn MUST sound it at dawn.\n",
            "new.md": f"# New\n\n{kept}Riders MUST wear a helmet on every ride in the park.\n",
        },
        remove=("old.md",),
    )
    files = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    added = [a for f in files for a in f["amendments"] if a["kind"] == "added" and a["unit"] == "clause"]
    found = {a["new"][0]["text"].split()[0]: a["severity"] for a in added}
    assert found == {"A": "substantive", "Docks": "breaking", "Riders": "breaking"}, found


def test_a_short_item_grown_as_it_moved_to_another_file_is_moved(spec_repo, specdiff_json):
    """A2A moved "- An abstract describing the extension's purpose" into a new governance page as "- An
    abstract describing the extension's purpose or the binding's transport and use case": seven words,
    0.67 alike, below the bar for a short clause moved, so it read as removed and added. Within one
    file a short item grown into another is still read as removed and added."""
    ride = "- A note saying which bays the dock serves\n"
    grown = "- A note saying which bays the dock serves or which lanes the ramp reaches\n"
    fees = "# Fees\n\nRides cost one euro.\n"
    spec_repo.commit("first", {"docks.md": f"# Docks\n\nTo propose a dock, send:\n\n{ride}", "fees.md": fees})
    thread = "# Docks\n\nTo propose a dock, open a thread.\n"
    spec_repo.commit("second", {"docks.md": thread, "fees.md": f"{fees}\nSend:\n\n{grown}"})
    files = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    kinds = sorted((a["kind"], a["unit"]) for f in files for a in f["amendments"])
    assert ("moved", "clause") in kinds and ("removed", "clause") not in kinds, kinds
    spec_repo.commit("third", {"docks.md": f"# Docks\n\nTo propose a dock, send:\n\n{ride}\n{fees}", "fees.md": fees})
    spec_repo.commit("fourth", {"docks.md": f"{thread}\n{fees}\nSend:\n\n{grown}"})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    kinds = sorted((a["kind"], a["unit"]) for a in file["amendments"])
    assert ("moved", "clause") not in kinds and ("removed", "clause") in kinds, kinds


def test_deleted_file_lists_what_was_removed(spec_repo, specdiff_json):
    spec_repo.commit("first", {"a.md": "# A\n\nAlpha rule stays.\n", "b.md": "# B\n\nThe assistant should greet people.\n"})
    spec_repo.commit("second", remove=("b.md",))
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert (file["status"], file["new_path"]) == ("deleted", None)
    assert [(a["unit"], a["kind"]) for a in file["amendments"]] == [("section", "removed"), ("clause", "removed")]


def test_clause_moved_to_another_file_shows_once_as_moved(spec_repo, specdiff_json):
    spec_repo.commit(
        "first",
        {"rooms.md": f"# Rooms\n\nRooms are free.\n\n{RULE}\n", "staff.md": "# Staff\n\nStaff answer the phone.\n"},
    )
    spec_repo.commit(
        "second",
        {"rooms.md": "# Rooms\n\nRooms are free.\n", "staff.md": f"# Staff\n\nStaff answer the phone.\n\n{RULE}\n"},
    )
    data = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")
    amendments = {f["new_path"]: f["amendments"] for f in data["files"]}
    assert amendments["rooms.md"] == [], "the source file does not also report a removal"
    (moved,) = amendments["staff.md"]
    assert moved["kind"] == "moved"
    assert (moved["old"][0]["path"], moved["new"][0]["path"]) == ("rooms.md", "staff.md")
    assert data["summary"]["amendments"] == 1


def test_content_moved_out_of_a_deleted_file_into_a_new_one(spec_repo, specdiff_json):
    old_only = "".join(f"Paragraph {n} only lived in the old file and went away.\n\n" for n in range(6))
    new_only = "".join(f"Paragraph {n} is new, written for the new file.\n\n" for n in range(6))
    spec_repo.commit("first", {"old.md": f"# Old\n\n{RULE}\n\n{old_only}"})
    spec_repo.commit("second", {"new.md": f"# New\n\n{new_only}{RULE}\n"}, remove=("old.md",))
    data = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")
    kinds = sorted((f["status"], a["unit"], a["kind"]) for f in data["files"] for a in f["amendments"])
    assert {f["status"] for f in data["files"]} == {"added", "deleted"}, "too different for git to call it a rename"
    assert ("added", "clause", "moved") in kinds, kinds
    assert ("deleted", "clause", "removed") in kinds, "the paragraph that did not move is removed"


def test_text_in_a_deleted_file_and_in_one_that_stays_moves_from_the_one_that_stays(spec_repo, specdiff_json):
    """purl deleted two drafts of its test overview as it moved the live overview's sections to a new page:
    each paragraph moved came from a deleted draft, and the live overview read as its rules removed,
    breaking. The draft's copy goes with its file; the overview's moved."""
    extra = "".join(f"The draft said thing {n} once, and then it said it again.\n\n" for n in range(6))
    overview = "# Overview\n\nRooms are free.\n"
    spec_repo.commit("first", {"a-draft.md": f"# Draft\n\n{RULE}\n\n{extra}", "overview.md": f"{overview}\n{RULE}\n"})
    spec_repo.commit("second", {"overview.md": overview, "suite.md": f"# Suite\n\n{RULE}\n"}, remove=("a-draft.md",))
    data = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")
    amendments = {f["new_path"] or f["old_path"]: f["amendments"] for f in data["files"]}
    assert amendments["overview.md"] == [], "what the overview lost moved to the suite"
    (moved,) = [a for a in amendments["suite.md"] if a["unit"] == "clause"]
    assert (moved["kind"], moved["old"][0]["path"]) == ("moved", "overview.md")


def test_a_rule_moved_to_another_file_without_its_reason_is_one_rule_moved(spec_repo, specdiff_json):
    long_rule = (
        "If the crossing is cancelled after noon and the ticket was bought online then the office MUST NOT "
        "charge a rebooking fee since the passenger had no way to know about the cancellation in time."
    )
    short_rule = "If the crossing is cancelled after noon then the office MUST NOT charge a rebooking fee."
    tickets, online = "# Tickets\n\nTickets are sold at the quay.\n", "# Online\n\nCodes.\n"
    spec_repo.commit("first", {"tickets.md": f"{tickets}\n{long_rule}\n", "online.md": online})
    spec_repo.commit("second", {"tickets.md": tickets, "online.md": f"{online}\n{short_rule}\n"})
    files = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    found = [(f["new_path"], a["kind"]) for f in files for a in f["amendments"]]
    assert found == [("online.md", "moved")]


def test_lines_of_one_template_in_two_files_are_not_one_line_moved(spec_repo, specdiff_json):
    def message(name: str, words: str) -> str:
        anchor = f'<div class="holder"><a href="#{name}" name="{name}" class="anchor"></a></div>'
        return f"# {name}\n\n{words}\n\n* method: '$/{name}'\n* params: `{name}Params` defined as follows:\n\n{anchor}\n"

    spec_repo.commit("first", {"late.md": message("lateFee", "A fee is charged for every late day.")})
    second = {"swap.md": message("bikeSwap", "A rider swaps a broken bike at any dock.")}
    spec_repo.commit("second", second, remove=("late.md",))
    data = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")
    assert not [a for f in data["files"] for a in f["amendments"] if a["kind"] == "moved"], "nothing moved"


def test_a_file_moved_into_a_folder_with_a_link_left_behind_is_renamed(spec_repo, specdiff_json):
    """OpenMetrics moved its spec into specification/ and left a symbolic link at the old path: the
    spec read as new, 419 amendments, though not a word changed."""
    spec_repo.commit("first", {"rooms.md": f"# Rooms\n\nRooms are free.\n\n{RULE}\n"})
    (spec_repo.path / "specification").mkdir()
    (spec_repo.path / "rooms.md").rename(spec_repo.path / "specification" / "rooms.md")
    (spec_repo.path / "rooms.md").symlink_to("specification/rooms.md")
    spec_repo.commit("moved")
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert (file["old_path"], file["new_path"], file["status"]) == ("rooms.md", "specification/rooms.md", "renamed")
    assert file["amendments"] == []


def test_twin_files_moved_into_one_shared_file_are_both_renamed(spec_repo, specdiff_json):
    """LSP moved 3.17's files into _includes/ and deleted 3.18's byte-identical copies, which git
    reports as deleted: 89 clauses read as removed, though both versions now include the shared file."""
    twin = f"# Rooms\n\nRooms are free.\n\n{RULE}\n"
    spec_repo.commit("first", {"v1/rooms.md": twin, "v2/rooms.md": twin, "v2/desk.md": "# Desk\n\nThe desk opens at nine.\n"})
    (spec_repo.path / "shared").mkdir()
    (spec_repo.path / "v1" / "rooms.md").rename(spec_repo.path / "shared" / "rooms.md")
    spec_repo.commit("shared", remove=("v2/rooms.md",))
    files = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert sorted((f["old_path"], f["new_path"], f["status"]) for f in files) == [
        ("v1/rooms.md", "shared/rooms.md", "renamed"),
        ("v2/rooms.md", "shared/rooms.md", "renamed"),
    ]
    assert [a for f in files for a in f["amendments"]] == []
    (logged,) = specdiff_json("-C", spec_repo.path, "log", "-n", "1", lines=True)
    assert [a for f in logged["files"] for a in f["amendments"]] == []


def test_a_file_deleted_beside_an_unchanged_twin_is_deleted(spec_repo, specdiff_json):
    """A twin that was there before and stays is no place the deleted file moved to: v2 lost its file."""
    twin = f"# Rooms\n\nRooms are free.\n\n{RULE}\n"
    spec_repo.commit("first", {"v1/rooms.md": twin, "v2/rooms.md": twin})
    spec_repo.commit("second", remove=("v2/rooms.md",))
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert (file["old_path"], file["status"]) == ("v2/rooms.md", "deleted")
    assert {a["kind"] for a in file["amendments"]} == {"removed"}


def test_a_page_moved_unchanged_and_added_again_under_a_second_name_moves_to_its_own_name(spec_repo, specdiff_json):
    """SLSA moved draft/ pages to spec/ and added one of them again under a second name: git paired the
    move with the second name, and the page that only moved read as 135 clauses added."""
    page = f"# Rooms\n\nRooms are free.\n\n{RULE}\n"
    spec_repo.commit("first", {"draft/rooms.md": page})
    spec_repo.commit("moved", {"spec/rooms.md": page, "spec/halls.md": page}, remove=("draft/rooms.md",))
    files = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert sorted((f["old_path"], f["new_path"], f["status"], len(f["amendments"])) for f in files) == [
        ("draft/rooms.md", "spec/halls.md", "copied", 0),
        ("draft/rooms.md", "spec/rooms.md", "renamed", 0),
    ]


def test_a_release_copied_from_the_last_one_shows_only_what_it_changed(spec_repo, specdiff_json, specdiff):
    """JSON:API cut 1.2 by copying 1.1/index.md, changing only its front matter: the copy read as 591
    clauses added. Compared with what it copies, it shows the one line it changed."""
    body = "".join(f"Rule {n}: a rider MUST return bike {n} to a dock before the day ends.\n\n" for n in range(8))
    spec_repo.commit("first", {"1.1/index.md": f"---\nversion: 1.1\n---\n# Bikes\n\n{body}", "1.1/other.md": "# Other\n"})
    cut = {"1.2/index.md": f"---\nversion: 1.2\n---\n# Bikes\n\n{body}", "1.2/new.md": "# New\n\nNew text.\n"}
    spec_repo.commit("cut 1.2", cut)
    files = {f["new_path"]: f for f in specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]}
    copy = files["1.2/index.md"]
    assert (copy["old_path"], copy["status"]) == ("1.1/index.md", "copied")
    assert [(a["kind"], a["severity"]) for a in copy["amendments"]] == [("modified", "editorial")], "the release's stamp"
    assert files["1.2/new.md"]["status"] == "added", "a new page one folder over is no copy of a page it does not resemble"
    heading = "1.1/index.md → 1.2/index.md  (copied, 1 amendment)"
    assert heading in specdiff("-C", spec_repo.path, "HEAD~1", "HEAD").out
    (logged,) = specdiff_json("-C", spec_repo.path, "log", "-n", "1", lines=True)
    assert [(f["status"], len(f["amendments"])) for f in logged["files"]] == [("copied", 1), ("added", 2)]


def test_a_page_rewritten_under_a_name_one_folder_over_is_added(spec_repo, specdiff_json):
    """Sharing a name one folder over is not enough: a copy keeps most of its source's lines."""
    old = "".join(f"Rule {n}: a rider MUST return bike {n} to a dock.\n\n" for n in range(8))
    new = "".join(f"Rule {n}: a dock MUST accept bike {n} from any rider at night.\n\n" for n in range(8))
    spec_repo.commit("first", {"v1/index.md": f"# Bikes\n\n{old}"})
    spec_repo.commit("second", {"v2/index.md": f"# Bikes\n\n{new}"})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert (file["old_path"], file["status"]) == (None, "added")


def test_a_spec_renamed_and_rewritten_in_one_change_is_renamed(spec_repo, specdiff_json):
    """CloudEvents renamed its "loglevel" extension "severity", file and all, and reworded it in the same
    change: git saw one file deleted and another added, and each reworded rule read as a rule
    withdrawn and a rule imposed."""
    old = (
        "# Loglevel\n\nThe loglevel attribute names how urgent an event is, from trace to fatal.\n\n"
        "A producer MUST set loglevel to one of the levels listed below.\n\n"
        "A consumer MAY ignore a loglevel it does not know and treat the event as info.\n\n"
        "Levels are ordered, and a consumer SHOULD keep that order when it filters events.\n"
    )
    new = (
        "# Severity\n\nThe severity attribute names how urgent an event is, from trace to fatal, as a number.\n\n"
        "A producer MUST set severity to one of the levels listed below, or leave it out.\n\n"
        "A consumer MAY ignore a severity it does not know and treat the event as info.\n\n"
        "Levels are ordered, and a consumer SHOULD keep that order when it filters events by severity.\n"
    )
    spec_repo.commit("first", {"extensions/loglevel.md": old, "extensions/other.md": "# Other\n\nNothing here changes.\n"})
    spec_repo.commit("rename", {"extensions/severity.md": new}, remove=("extensions/loglevel.md",))
    assert "R" not in spec_repo.git("diff", "-M", "--name-status", "HEAD~1", "HEAD"), "git sees no rename"
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert (file["old_path"], file["new_path"], file["status"]) == ("extensions/loglevel.md", "extensions/severity.md", "renamed")
    kinds = [a["kind"] for a in file["amendments"] if a["unit"] == "clause"]
    assert kinds == ["modified"] * 4, kinds
    (logged,) = specdiff_json("-C", spec_repo.path, "log", "-n", "1", lines=True)
    assert [(f["status"], f["new_path"]) for f in logged["files"]] == [("renamed", "extensions/severity.md")]


def test_chapters_folded_into_one_page_are_no_rename(spec_repo, specdiff_json):
    """Where two deleted files each went into the one added, neither takes its place: their clauses move."""
    docks = "A dock MUST lock a returned bike within ten seconds of its return.\n\nA dock SHOULD report a jammed lock.\n"
    fees = "A rider MUST pay a fee for every late day after the first one.\n\nA fee MAY be waived.\n"
    spec_repo.commit("first", {"docks.md": f"# Docks\n\n{docks}", "fees.md": f"# Fees\n\n{fees}"})
    folded = f"# Rules\n\n## Docks\n\n{docks}\n## Fees\n\n{fees}"
    spec_repo.commit("fold", {"rules.md": folded}, remove=("docks.md", "fees.md"))
    files = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert sorted((f["old_path"] or "", f["new_path"] or "", f["status"]) for f in files) == [
        ("", "rules.md", "added"),
        ("docks.md", "", "deleted"),
        ("fees.md", "", "deleted"),
    ]
    assert sum(a["kind"] == "moved" for f in files for a in f["amendments"]) >= 4


def test_a_scenario_step_naming_its_case_imposes_nothing(spec_repo, specdiff_json):
    """An OpenSpec scenario's WHEN item (and an AND item after it) names the case its THEN items hold in:
    a new case read as "obligation added: WHEN", breaking, though only the THEN items oblige."""

    def spec(*steps: str) -> str:
        requirement = "### Requirement: Full docks\n\nThe app SHALL help a rider at a full dock.\n\n"
        items = "".join(f"- **{step.split()[0]}** {step.split(' ', 1)[1]}\n" for step in steps)
        return f"# Docks\n\n{requirement}#### Scenario: Full dock\n\n{items}"

    spec_repo.commit("first", {"spec.md": spec("WHEN the dock is full", "THEN the app offers the next dock")})
    steps = ("WHEN the dock is full", "AND the rider asks for help", "THEN the app offers the next dock", "AND the dock blinks")
    spec_repo.commit("second", {"spec.md": spec(*steps)})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    read = {a["new"][0]["text"].split("** ")[-1]: (a["severity"], [e["type"] for e in a["effects"]]) for a in file["amendments"]}
    assert read == {"the rider asks for help": ("substantive", []), "the dock blinks": ("breaking", ["modality"])}, read


def test_a_code_point_written_in_the_other_notation_is_editorial(spec_repo, specdiff_json):
    """TOML rewrote "tab (0x09)" as "tab (U+0009)": the same character, read as a number added."""
    spec_repo.commit("first", {"spec.md": "# Text\n\nA dock name MUST NOT hold a tab (0x09) or a line feed (0x0A).\n"})
    spec_repo.commit("second", {"spec.md": "# Text\n\nA dock name MUST NOT hold a tab (U+0009) or a line feed (U+000A).\n"})
    spec_repo.commit("third", {"spec.md": "# Text\n\nA dock name MUST NOT hold a tab (U+0009) or a line feed (U+000B).\n"})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~2", "HEAD~1")["files"]
    assert [(a["severity"], [e["type"] for e in a["effects"]]) for a in file["amendments"]] == [("editorial", ["editorial"])]
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert [e["type"] for a in file["amendments"] for e in a["effects"]] == ["number"], "another character is another number"


def test_a_block_quote_labelled_as_an_example_is_an_example(spec_repo, specdiff_json):
    """SARIF quotes its examples ("> EXAMPLE 4: In this example, …"): one added read as a clause of
    the spec with no effect, and one edited inside its JSON as a value renamed, normative."""
    rule = "# Kinds\n\nA kind SHALL be one of the values listed below.\n\n"
    example = '> EXAMPLE 1: In this example, a tool reports two kinds.\n>\n> ```json\n> {{ "kinds": [{}] }}\n> ```\n'
    spec_repo.commit("first", {"spec.md": rule + example.format('"call", "return"')})
    edited, added = example.format('"enter", "exit", "wait"'), example.replace("1", "2").format('"exit"')
    spec_repo.commit("second", {"spec.md": f"{rule}{edited}\n{added}"})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    read = [(a["kind"], [(e["type"], e["normative"]) for e in a["effects"]]) for a in file["amendments"]]
    assert read == [("modified", [("example", False)]), ("added", [("example", False)])], read


def test_the_commands_of_an_agents_instructions_oblige(spec_repo, specdiff_json):
    """spec-kit's command prompts give an agent its orders: "Classify every part of the input …",
    "Otherwise, auto-generate it", "If the item now passes and was unchecked: change `[ ]` to `[x]`",
    "**IF EXISTS**: Read /memory/constitution.md …" read as no rule. A verb after "and" ("fetch ... and
    apply their rules") or after a preposition ("Ask OpenSpec for apply context") is no verb of a subject
    the command opens."""
    steps = ["Read the whole input first."]
    spec_repo.commit("first", {"spec.md": "# Steps\n\n" + "".join(f"- {s}\n" for s in steps)})
    added = [
        "Classify every part of the input as a rule or a request.",
        "If the user named a branch, use it as it is.",
        "Otherwise, auto-generate a branch name.",
        "If the item now passes and was unchecked: mark it `[x]`.",
        "Re-evaluate each item against the updated spec.",
        "IF EXISTS: Read /memory/constitution.md for its rules.",
        "When the spec changes, fetch its rules and apply them to the plan.",
        "Provide examples and describe how they work.",
        "Ask the desk for apply rights.",
    ]
    spec_repo.commit("second", {"spec.md": "# Steps\n\n" + "".join(f"- {s}\n" for s in steps + added)})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    read = [(a["severity"], [e["type"] for e in a["effects"]]) for a in file["amendments"]]
    assert read == [("breaking", ["modality"])] * len(added), read


def test_once_saying_when_is_no_number(spec_repo, specdiff_json):
    """OpenSpec's "Once a verified fallback archive is complete, …" read as the number "once" added."""
    spec_repo.commit("first", {"spec.md": "# Copies\n\nAfter a copy is verified, the dock MUST delete the original.\n"})
    spec_repo.commit("second", {"spec.md": "# Copies\n\nOnce a copy is verified, the dock MUST delete the original.\n"})
    spec_repo.commit("third", {"spec.md": "# Copies\n\nOnce a day, the dock MUST delete the original.\n"})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~2", "HEAD~1")["files"]
    assert "number" not in [e["type"] for a in file["amendments"] for e in a["effects"]]
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert "number" in [e["type"] for a in file["amendments"] for e in a["effects"]], "once a day is how often"


def test_a_heading_that_only_set_its_name_in_code_is_renamed(spec_repo, specdiff_json):
    """SARIF retitled "## stack object" as "## `stack` Object" above subsections it kept: it read as a
    section merged into a section added, the one heading twice, substantive."""

    def spec(title: str) -> str:
        body = "### General\n\nA `stack` object is one call stack.\n\n### frames\n\nA stack SHALL hold frames.\n"
        return f"# Log\n\n## {title}\n\n{body}"

    amendments = _amendments_of_change(spec_repo, specdiff_json, spec("stack object"), spec("`stack` Object"))
    assert [(a["unit"], a["kind"], a["severity"]) for a in amendments] == [("section", "renamed", "editorial")]


def test_an_openspec_delta_is_compared_with_the_requirements_it_restates(spec_repo, specdiff_json):
    """An OpenSpec change's delta writes a modified requirement out whole, as the spec will read: 47
    lines restated for a change of 5 read as 47 rules added. Compared with the spec's requirements of
    the same names, only what differs is read, and a requirement the delta removes loses its rules. A
    delta deleted before it was archived is a proposal withdrawn (OpenSpec's fd92ccca read as eight
    rules withdrawn from the spec, breaking)."""
    lock = "### Requirement: Locking\nThe dock SHALL lock a returned bike.\n\n#### Scenario: Return\n"
    lock += "- **WHEN** a bike is returned\n- **THEN** the dock locks it\n"
    fees = "### Requirement: Fees\nThe app SHALL charge a fee for every late day.\n"
    maps = "### Requirement: Maps\nThe app SHALL show every dock on a map.\n"
    spec = f"# Docks\n\n## Purpose\nDocks hold bikes.\n\n## Requirements\n\n{lock}\n{fees}\n{maps}"
    spec_repo.commit("first", {"openspec/specs/docks/spec.md": spec})
    locked = lock + "- **AND** the dock blinks once\n"
    alarms = "### Requirement: Alarms\nThe dock SHALL sound an alarm on a forced lock.\n"
    removed = "### Requirement: Fees\n**Reason**: Rides are free.\n"
    delta = f"## MODIFIED Requirements\n\n{locked}\n## ADDED Requirements\n\n{alarms}\n## REMOVED Requirements\n\n{removed}"
    delta = f"# Docks Delta Specification\n\n{delta}"
    spec_repo.commit("propose", {"openspec/changes/add-alarms/specs/docks/spec.md": delta})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert (file["old_path"], file["status"]) == ("openspec/specs/docks/spec.md", "delta")
    sections = [(a["kind"], (a["new"] or a["old"])[0]["heading"]) for a in file["amendments"] if a["unit"] == "section"]
    assert sections == [("added", "Requirement: Alarms")], "the delta's title and ADDED heading sort the change"
    clauses = [a for a in file["amendments"] if a["unit"] == "clause"]
    read = sorted((a["kind"], a["severity"], (a["new"] or a["old"])[0]["text"]) for a in clauses)
    assert read == [
        ("added", "breaking", "- **AND** the dock blinks once"),
        ("added", "breaking", "The dock SHALL sound an alarm on a forced lock."),
        ("added", "substantive", "**Reason**: Rides are free."),
        ("removed", "breaking", "The app SHALL charge a fee for every late day."),
    ], read
    (logged,) = specdiff_json("-C", spec_repo.path, "log", "-n", "1", lines=True)
    assert [(f["status"], len(f["amendments"])) for f in logged["files"]] == [("delta", len(file["amendments"]))]
    spec_repo.commit("withdrawn", remove=("openspec/changes/add-alarms/specs/docks/spec.md",))
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert file["status"] == "deleted" and file["amendments"], "a proposal dropped before it was archived"
    assert "breaking" not in {a["severity"] for a in file["amendments"]}, "its rules never bound anyone"
    archived = delta.replace("blinks once", "blinks twice")
    spec_repo.commit("archived", {"openspec/changes/archive/2026-01-05-add-blinks/specs/docks/spec.md": archived})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert file["status"] == "added", "an archived change is a record of what the spec itself shows"


def test_a_leave_given_only_somewhere_restricts(spec_repo, specdiff_json):
    """TOML added "Carriage returns are only allowed as part of a newline sequence": read as a leave
    given, the rule weakened, where it forbids a carriage return anywhere else."""
    rule = "Any character may be used in a string except a quote."
    restricted = f"# Strings\n\n{rule} Carriage returns are only allowed as part of a newline.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, f"# Strings\n\n{rule}\n", restricted)
    modality = [e["direction"] for e in amendment["effects"] if e["type"] == "modality"]
    assert (amendment["severity"], modality) == ("breaking", ["strengthened"]), amendment["effects"]


def test_a_scenarios_case_reworded_changes_where_its_outcome_binds(spec_repo, specdiff_json):
    """OpenSpec's "- **WHEN** a user runs their first command{+ without `--json`+}" read as a rewording
    that changed no condition: the case its THEN step binds in narrowed. Words dropped widen it, and
    the THEN step then binds where it did not."""

    def spec(case: str) -> str:
        return f"# Docks\n\n#### Scenario: Full dock\n\n- **WHEN** {case}\n- **THEN** the app offers the next dock\n"

    spec_repo.commit("first", {"spec.md": spec("a rider reaches a full dock")})
    spec_repo.commit("second", {"spec.md": spec("a rider reaches a full dock at night")})
    spec_repo.commit("third", {"spec.md": spec("a rider reaches a dock")})
    spec_repo.commit("fourth", {"spec.md": spec("a rider reaches a dock other than a closed one")})
    read = []
    for base, head in (("HEAD~3", "HEAD~2"), ("HEAD~2", "HEAD~1"), ("HEAD~1", "HEAD")):
        (file,) = specdiff_json("-C", spec_repo.path, base, head)["files"]
        (amendment,) = file["amendments"]
        read.append((amendment["severity"], [(e["type"], e["old"], e["new"], e["direction"]) for e in amendment["effects"]]))
    assert read == [
        ("substantive", [("condition", None, "at night", "scope_narrowed")]),
        ("breaking", [("condition", "full … at night", None, "scope_widened")]),
        ("substantive", [("condition", None, "other than a closed one", "exception_added")]),
    ], read


def test_a_path_changed_throughout_is_another_place_on_disk(spec_repo, specdiff_json):
    """OpenSpec moved its workspace file, "SHALL be stored in `.openspec-workspace/workspace.yaml`" ->
    "`view.yaml`", everywhere at once: read as a name renamed throughout, which asks nothing new. A
    constant renamed throughout still asks nothing new."""
    rule = "# Docks\n\nThe app SHALL store the dock's name in `.docks/{}`{}.\n"
    spec_repo.commit("first", {"spec.md": rule.format("name.yaml", "")})
    spec_repo.commit("second", {"spec.md": rule.format("view.yaml", "")})
    spec_repo.commit("third", {"spec.md": rule.format("view.yaml", ", at most `MAX_NAME` bytes")})
    spec_repo.commit("fourth", {"spec.md": rule.format("view.yaml", ", at most `NAME_BYTES` bytes")})
    read = []
    for base, head in (("HEAD~3", "HEAD~2"), ("HEAD~1", "HEAD")):
        (file,) = specdiff_json("-C", spec_repo.path, base, head)["files"]
        (amendment,) = file["amendments"]
        read.append((amendment["severity"], [(e["type"], e["direction"]) for e in amendment["effects"]]))
    assert read == [("breaking", [("value", None)]), ("substantive", [("value", "renamed")])], read


def test_a_field_renamed_throughout_is_another_name_on_the_wire(spec_repo, specdiff_json):
    """The OCI distribution spec renamed its manifests' `refers` field `subject` everywhere at once:
    "Registries MUST accept a manifest with a `refers` field" read as a name renamed throughout, which
    asks nothing new; what read the old field does not read the new one. A type renamed throughout
    ("the `Dock` object") is still a name only."""
    rule = "# Docks\n\nRegistries MUST accept a `{}` object with a `{}` field.\n"
    read = []
    for old, new in ((("Dock", "refers"), ("Dock", "subject")), (("Dock", "subject"), ("Pier", "subject"))):
        (amendment,) = _amendments_of_change(spec_repo, specdiff_json, rule.format(*old), rule.format(*new))
        read.append((amendment["severity"], [(e["type"], e["direction"]) for e in amendment["effects"]]))
    assert read == [("breaking", [("value", None)]), ("substantive", [("value", "renamed")])], read


def test_a_path_of_fields_renamed_throughout_is_another_name_on_the_wire(spec_repo, specdiff_json):
    """SLSA renamed "`subject.annotations.source_refs`" to "`subject.annotations.sourceRefs`" throughout, read
    as a name renamed, substantive: what reads the old path does not read the new one. A type's qualified
    name renamed throughout is still a name only."""
    rule = "# Docks\n\nA dock MUST set `{}` on every ride.\n"
    read = []
    for old, new in (("ride.bay_id", "ride.bayId"), ("Dock.Bay", "Dock.Slot")):
        (amendment,) = _amendments_of_change(spec_repo, specdiff_json, rule.format(old), rule.format(new))
        read.append((amendment["severity"], [(e["type"], e["direction"]) for e in amendment["effects"]]))
    assert read == [("breaking", [("value", None)]), ("substantive", [("value", "renamed")])], read


def test_a_field_set_to_a_value_renamed_throughout_is_another_name_on_the_wire(spec_repo, specdiff_json):
    """A2A renamed its `blocking` field `return_immediately`: "- **Non-Blocking (`blocking: false`)**: The
    operation MUST return immediately" -> "(`return_immediately: true`)" read as a name renamed throughout,
    substantive; a request that sets the old field is not read. A path of a language's names
    ("`docks::Bay`" -> "`docks::Slot`") renamed throughout is still a name only."""
    item = "# Docks\n\n- **Quick (`{}`)**: The dock MUST answer at once.\n"
    read = []
    for old, new in (("wait: false", "answer_at_once: true"), ("docks::Bay", "docks::Slot")):
        (amendment,) = _amendments_of_change(spec_repo, specdiff_json, item.format(old), item.format(new))
        read.append((amendment["severity"], [(e["type"], e["direction"]) for e in amendment["effects"]]))
    assert read == [("breaking", [("value", None)]), ("substantive", [("value", "renamed")])], read


def test_a_field_an_item_defines_renamed_throughout_is_another_name_on_the_wire(spec_repo, specdiff_json):
    """The OCI image spec renamed the item "- **`refers`** *[descriptor](descriptor.md)* This OPTIONAL
    property specifies a descriptor of another manifest." to "- **`subject`** ...": read as renamed
    throughout, substantive, though the item says it defines a property."""
    item = "# Docks\n\n- **`{}`** *[bay](bay.md)* This OPTIONAL property names the bay of a bike.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, item.format("refers"), item.format("subject"))
    assert (amendment["severity"], [(e["type"], e["direction"]) for e in amendment["effects"]]) == (
        "breaking",
        [("value", None)],
    ), amendment


def test_a_table_takes_the_rule_of_its_lead_in(spec_repo, specdiff_json):
    """A2A's error table sits under "... **MUST** be mapped ... The following table provides the canonical
    mappings:", and AsyncAPI's schema formats under "... that every implementation MUST support.": a row's
    value replaced is a value the rule asks for replaced, even when the old one is gone throughout (a status
    written out, a media type renamed each release, are values on the wire, not names)."""
    old = (
        "# Docks\n\nEvery fault MUST be mapped to a status. The following table provides the canonical mappings:\n\n"
        "| Fault | Status |\n|---|---|\n| Dock full | `409 Conflict` |\n\n"
        "The following table lists the formats that every implementation MUST support.\n\n"
        "| Name | Format |\n|---|---|\n| Dock report | `application/vnd.dock;version=1.0` |\n"
    )
    new = old.replace("409 Conflict", "400 Bad Request").replace("version=1.0", "version=1.1")
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    found = [(a["severity"], [(e["old"], e["new"], e["direction"]) for e in a["effects"]]) for a in amendments]
    assert found == [
        ("breaking", [("409 Conflict", "400 Bad Request", None)]),
        ("breaking", [("application/vnd.dock;version=1.0", "application/vnd.dock;version=1.1", None)]),
    ]


def test_a_table_announced_before_a_last_sentence_takes_the_rule_before_it(spec_repo, specdiff_json):
    """The rule is the one before the sentence that announces the table, whatever sentence follows it."""
    old = (
        "# Docks\n\nEvery fault MUST be mapped to a status. The following table provides the canonical mappings. "
        "It is kept current by the desk.\n\n| Fault | Status |\n|---|---|\n| Dock full | `409 Conflict` |\n"
    )
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, old.replace("409 Conflict", "400 Bad Request"))
    assert amendment["severity"] == "breaking"


@pytest.mark.parametrize(
    ("lead_in", "item"),
    [
        # OpenTelemetry: the items of "- If the flag is set to `false`:" go on with the list's rule
        ("Docks MUST report as follows:\n\n- If the dock is empty:\n  - The dock's name.", "  - The time it emptied."),
        # a condition a comma closes goes on to the rule ("When converting to a histogram, only one metric MUST be created:")
        ("When a dock is full, each alarm MUST carry:\n\n- The dock's name.", "- The time it filled."),
        # "the following" announced before the lead-in's last sentence
        ("The following fields MUST be reported. Each MUST be signed.\n\n- The dock's name.", "- The time it filled."),
    ],
    ids=["under a case", "condition closed by a comma", "announced earlier"],
)
def test_a_list_item_takes_the_rule_of_its_lead_in(spec_repo, specdiff_json, lead_in, item):
    """Each read as an item added with no rule, substantive (OpenTelemetry's new required exporter options)."""
    old = f"# Docks\n\n{lead_in}\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, f"{old}{item}\n")
    assert (amendment["kind"], amendment["severity"]) == ("added", "breaking")


@pytest.mark.parametrize(
    ("context", "sentence"),
    [
        ("## Notes\n\n> [!IMPORTANT]\n> This section is non-normative.\n\nDocks are lit.", "Riders MUST ring twice."),
        ("## Caching\n\nFor example, a dock can:\n\n- Cache the count.", "- Report the count once a day."),
        ("## Limits\n\nDocks MUST limit the count.", "Attribute value limits apply to nested values too."),
        ("## Setup\n\nDocks MUST be lit.", "Events raised during setup cannot yet reach the rider."),
        ("## Cost\n\nDocks MUST be lit.", "By caching the count, docks avoid sending it twice."),
        ("## About\n\nDocks MUST be lit.", "Welcome to the documentation of the docks."),
        ("## Sampling\n\nDocks MUST be lit.", "Request (Dock -> Desk):"),
        ("## Desk\n\nDocks MUST be lit.", "- Operations: Send Dock Report ([Reports](#reports))"),
        ("## Events\n\nDocks MUST be lit.", "Events may be added by future versions of the dock schema."),
        ("## Events\n\nDocks MUST be lit.", "In time, the specification may introduce a patch event."),
        ("## Events\n\nDocks MUST be lit.", "The lookup may match a dock whose name differs in case."),
        ("## Logs\n\nDocks MUST be lit.", "Because the screen may not be lit, this beep may be the only sign a rider gets."),
        ("## Folders\n\nA dock's folder SHALL contain:\n\n- A log file", "- An optional `## Notes` section on new docks"),
        ("## Refusals\n\nA refusal MUST include a note with:\n\n- `reason`: the cause", "- `extra`: Optional text for the rider"),
        ("## Order\n\nTo order rides, docks have two options:\n\n- Define a count field.", "- Include the count in the name."),
        ("## Locks\n\nDocks MUST be lit.", "The following are non-normative examples of how a lock may be added to a dock:"),
        ("## Threats\n\nDocks MUST be lit.", "An attacker between the dock and the desk cannot forge a ride, but can delay it."),
        ("## Threats\n\nDocks MUST be lit.", "A dock that leaks its key cannot be defended against."),
        ("## Types\n\nDocks MUST be lit.", "A bike whose type cannot be determined is sent to the desk."),
        ("## Cases\n\nDocks MUST be lit.", "**Case 8d: `lock` present without `bell`**"),
        ("## Codes\n\nDocks MUST be lit.", "While other codes (e.g., 403 (Forbidden)) could be sent, a 451 is clearer."),
        ("## Keys\n\nDocks MUST be lit.", "The bike's tag alone may not be enough to find its dock."),
        ("## Keys\n\nDocks MUST be lit.", "If a rider shares the code, you may be vulnerable to theft."),
        ("## Keys\n\nDocks MUST be lit.", "The beep may have negative effect on sleeping neighbours."),
        ("## Keys\n\nDocks MUST be lit.", "Other signals may be specified in a future update."),
        ("## Keys\n\nDocks MUST be lit.", "Old docks may not function with the new bikes."),
        ("## Keys\n\nDocks MUST be lit.", "Should more docks be added to a station, the desk numbers them in order."),
        ("## Keys\n\nDocks MUST be lit.", "The desk names the dock for which the rider should wait."),
        ("## Keys\n\nDocks MUST be lit.", "Put another way, a dock lends the bikes it holds."),
        ("## Quotes\n\nDocks MUST be lit. For example, {{GUIDE}} says:", "> A rider MAY ring twice."),
        ("## Quotes\n\nDocks MUST be lit.\n\nCurrent:", "> - A dock must ring twice."),
        ("## Tests\n\nDocks MUST be lit.", "Test rides allow a dock to check its lock before it opens."),
        ("## Stations\n\nDocks MUST be lit.", "Build stations usually require a permit from the city."),
        ("## Keys\n\nDocks MUST be lit.", "Offer and answer contain the ride's key."),
        ("## FAQ\n\n### How do I retire a dock?\n\nRiders MUST pay.", "Use your best judgment, and ask the desk."),
        ("## Frequently asked questions\n\nDocks are lit.", "Keep the receipt until the ride ends."),
        ("## Action items\n\n- Ask the city for more docks.", "- Contact the makers of the old locks."),
        ("## Release process\n\n- Tag the release.", "- Copy the spec to `versions/` under its number."),
        ("## Alternatives considered\n\nDocks are lit.", "- Set the count on each dock rather than on the desk."),
        ("## Tools\n\nA tool helps riders with tasks such as:\n\n- find a dock", "- validate a ride"),
        ("## Late riders\n\nDesks generally do one of these:\n\n- Ring the rider.", "- Lock the bike once it is late."),
        (
            "## Phishing\n\nThe attacker could, for example, register a dock with the desk {{DOCKS}} and execute one of "
            "the following attacks:\n\n1. Intentionally send a wrong request.",
            "1. Intentionally send a valid request with a stolen card.",
        ),
        ("## Threats\n\nConversely, a corrupt desk may:\n\n1. refuse to lend a bike", "1. delay the return of a bike"),
        ("## Names\n\nDocks MUST be lit.", "The longer name should be less confusing than the short one."),
        ("## Names\n\nDocks MUST be lit.", "This change should have a minimal impact on existing docks."),
        ("## Names\n\nDocks MUST be lit.", "Renaming it would be a useful change and should not affect old docks."),
        ("## Names\n\nDocks MUST be lit.", "Some of these rules cannot be enforced with a schema alone."),
        ("## Setup\n\nDocks MUST be lit.", "`pip install dockctl` should do the trick."),
        ("## Drafts\n\nDocks MUST be lit.", "Unnumbered drafts may vanish at any point in time."),
        ("## Threats\n\nDocks MUST be lit.", "The flaw cannot be realized or exploited in production."),
        ("## Threats\n\nDocks MUST be lit.", "Dock passes cannot prevent tailgating by themselves."),
        ("## Codes\n\nDocks MUST be lit.", "Riders MAY see other status codes depending on the dock."),
        ("## Codes\n\nDocks MUST be lit.", "Consult the [desk guide](guide.md) for how the desk may use it."),
        ("## Codes\n\nDocks MUST be lit.", "(Note: Many cities may have other ways to lend bikes.)"),
        ("## Codes\n\nDocks MUST be lit.", "No matter how many times a rider may return a bike, the desk counts one ride."),
        ("## Codes\n\nDocks MUST be lit.", "There is no consensus yet on how docks should behave in snow."),
        ("## Joins\n\nDocks MUST be lit.", "Welcome messages don't necessarily go to the rider directly."),
        ("## Reports\n\nDocks MUST be lit.", "Docks report late returns (for example, the rider needs to pay a fee)."),
    ],
    ids=[
        "non-normative alert", "options", "noun as command", "cannot yet", "avoid described", "greeting",
        "caption", "name",
        "by future", "the text as subject", "may match", "a reason and the only one", "an optional item", "an optional field",
        "two options", "says it is non-normative", "an attacker cannot", "cannot be defended", "cannot be determined",
        "a title in bold", "a status's reason phrase", "may not be enough", "may be vulnerable", "may have effect",
        "in a future update", "may not function", "should more be added", "for which should", "put another way",
        "another text says", "the rule it replaces", "a noun before its verb", "a noun and an adverb", "two nouns joined",
        "a command in a FAQ", "a command in frequently asked questions", "a task", "a step of the release process",
        "an alternative weighed", "an example of a task", "what is usually done", "an attacker's step", "a corrupt party's step",
        "should be less", "should have an impact", "should not affect",
        "cannot be enforced", "should do the trick", "may vanish", "cannot be exploited", "what a thing cannot prevent",
        "what one may see", "how one may", "what many may have", "no matter how", "on how one should",
        "a noun before don't", "an example in brackets",
    ],  # fmt: skip
)
def test_descriptive_sentences_added_state_no_rule(spec_repo, specdiff_json, context, sentence):
    """From OpenTelemetry's history: a section a GitHub alert declares non-normative, items under "an
    implementation can:", "Attribute value length ... limits apply", "cannot yet flow", "producers avoid
    ..."; from A2A's, "Welcome to the official documentation" and an operation's name, "Operations: Send
    Streaming Message"; from MCP's, an example's caption "Request (Server -> Client):"; OpenTelemetry's
    hedges again, "may be added by future semantic conventions", "the specification may introduce", "may
    match"; MCP's "Because stderr may not be visible, this message may be the only diagnostic"; OpenSpec's
    "An optional `## Purpose` section" under "... SHALL contain:" and A2A's "`metadata`: Optional map of
    additional error context" under "... MUST include ... with:"; CloudEvents' "Include ..." under
    "implementers have two options:" and "a few non-normative examples of how security may be layered", and
    from its verifiability extension "An attacker ... cannot forge signatures", "... cannot be defended
    against", "whose type cannot be determined" and a test case's title in bold, "**Case 8d:
    `signedextattrs` present without `ext`**"; from an HTTP draft's, "403 (Forbidden)"; libp2p's "the
    PeerID alone may not be enough", "you may be vulnerable to a MITM attack", "may have negative effect",
    "may be specified in a future update"; SPIFFE's "may not function", "Should additional functionality
    be rendered ..., a portability guarantee cannot be made" and "for which the server should issue";
    the Dev Container spec's "Put another way"; a block quote of another text, an HTTP draft's "For
    example, {{HTTP}} says:" and an IPIP's "Current:"; a noun that is also a command's verb opening a
    subject, IPFS's "Test fixtures allow implementations to verify ...", SLSA's "Build L3 usually requires
    significant changes" and libp2p's "Offer and answer contain the TLS certificate fingerprint";
    a command in SemVer's FAQ, "Use your best judgment"; purl's "### Action items", "Contact maintainers of
    known PURL implementations", and its "core functions such as:" "- validate a PURL string"; libp2p's
    "Reset the stream ..." under "Implementations generally do some combination of these mitigations:"; OAuth 2.1's
    "Intentionally send a valid authorization request ..." under "The attacker could ... execute one of the
    following attacks:"; TOML's
    "Release Process", "- Copy `README.md` to `versions/en/toml-v{version}.md`."; OpenAPI's "Alternatives
    considered", "- Set `children` rather than `parent` on the tags"; what purl's
    authors expect, "should be less confusing", "should have a minimal impact", "should not materially
    affect existing PURL tools", and what it cannot, "cannot be enforced only with a schema"; SARIF's
    "`pip install inverso` should do the trick", "may vanish at any point in time" and "cannot be realized
    or exploited in production"; MCP's "Client ID Metadata Documents cannot prevent `localhost` URL
    impersonation by themselves"; the OCI distribution spec's "Clients MAY see other status codes" and "(Note:
    Many registries may have other ways ...)", in-toto's "for how the verification workflow may use
    it", Serverless Workflow's "No matter how many times sub-workflow may use `continueAs`" and IPFS's
    "There is no current consensus on how pathing over symlinks should behave"; SCITT's "Conversely, a
    corrupt Transparency Service may:" / "1. refuse or delay the Registration of Signed Statements"; MLS's
    "Welcome messages don't necessarily need to be sent directly"; LSP's "(for example, the server needs to
    re-index a database)". Each read as a rule added, most breaking."""
    old = f"# Docks\n\nDocks MUST NOT be moved.\n\n{context}\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, f"{old}\n{sentence}\n")
    assert amendment["severity"] == "substantive"
    assert not [e for e in amendment["effects"] if e["type"] == "modality"]


def test_not_mandatory_is_a_licence_not_a_duty(spec_repo, specdiff_json):
    """MLS added "(This check is not mandatory because ...)" after a SHOULD: "mandatory" read as a duty
    added, its "not" unread, breaking. As "not required" does, it leaves one free to skip the check."""
    old = "# Checks\n\nDocks SHOULD check the lock.\n"
    aside = "(This check is not mandatory because the lock is sealed.)"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, f"{old}\n{aside}\n")
    assert amendment["severity"] == "substantive", amendment
    assert [(e["type"], e["new"], e["direction"]) for e in amendment["effects"]] == [("modality", "not mandatory", "weakened")]


def test_a_skill_named_before_may_leaves_it_a_licence(spec_repo, specdiff_json):
    """SPIFFE's "Workloads which don't understand how to leverage multiple identities may use the default
    identity" grants leave: "how to" names what the subject knows, no question asked inside the sentence."""
    old = "# Docks\n\nDocks MUST be lit.\n"
    new = old + "\nRiders who do not understand how to unlock a bike may ask the desk.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [(e["type"], e["new"]) for e in amendment["effects"]] == [("modality", "may")]


def test_is_expected_to_in_the_case_a_field_names_is_no_rule(spec_repo, specdiff_json):
    """purl, which writes its rules in lower case, defines "**expected failure** is true if the test
    **input** is expected to fail": read as an obligation added, breaking. "Docks are expected to ring"
    still binds its docks."""
    old = "# Fields\n\nDocks must be lit.\n"
    new = old + "\n`late` is true if the ride is expected to end after dark.\n\nDocks are expected to ring.\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    found = [(a["severity"], [e["type"] for e in a["effects"]]) for a in amendments]
    assert found == [("substantive", []), ("breaking", ["modality"])], found


def test_a_name_with_a_number_added_to_a_list_is_no_number(spec_repo, specdiff_json):
    """AsyncAPI added "ROS 2" to the protocols it names: no number 2 came."""
    old = "# Docks\n\nDocks accept bikes from Acme, Bolt.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, old.replace("Bolt.", "Bolt, Cargo 2."))
    assert [e["type"] for e in amendment["effects"]] == ["wording"]


def test_double_brackets_are_no_number(spec_repo, specdiff_json):
    """TOML's "an array of tables ... in double brackets" read as the number "double" added; a fee that
    doubles still changes a number."""
    old = "# Docks\n\nA rack's name is written in brackets. The late fee is the base rate.\n"
    new = old.replace("in brackets", "in double brackets").replace("is the base", "is double the base")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [(e["type"], e["new"]) for e in amendment["effects"] if e["type"] == "number"] == [("number", "double")]


def test_a_table_header_added_with_its_table_is_editorial(spec_repo, specdiff_json):
    """MCP's tables came with their header rows, each a clause added, substantive: the header names the columns."""
    old = "# Docks\n\nDocks are lit.\n"
    new = old + "\n| Key | Type |\n|---|---|\n| `name` | string |\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [(a["new"][0]["text"], a["severity"]) for a in amendments] == [
        ("| Key | Type |", "editorial"),
        ("| `name` | string |", "substantive"),
    ]


def test_a_table_header_with_its_column_names_cut_short_is_editorial(spec_repo, specdiff_json):
    """MLS cut its registries' headers short, "| Value | Name | Recommended | Reference |" -> "| ... | R | Ref |"
    and "Path Required" -> "Path": each read as reworded, substantive. A column renamed to another word is not
    cut short."""
    table = "| Value | Name | {} |\n|---|---|---|---|\n| 0x0001 | bell | Y | D1 |\n"
    old = "# Bells\n\n" + table.format("Recommended | Reference") + "\n# Lamps\n\n" + table.format("Recommended | Reference")
    new = "# Bells\n\n" + table.format("R | Ref") + "\n# Lamps\n\n" + table.format("Optional | Reference")
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [(a["new"][0]["text"], a["severity"]) for a in amendments] == [
        ("| Value | Name | R | Ref |", "editorial"),
        ("| Value | Name | Optional | Reference |", "substantive"),
    ]


def test_a_paragraph_moved_before_the_first_heading_of_another_file_is_a_move(spec_repo, specdiff_json):
    """MCP split its transports page: "Messages are delimited by newlines, and **MUST NOT** contain embedded
    newlines." went to the opening of a new `stdio.mdx`, before its first heading, and read as a rule removed
    there and added here. A title block's fields before the first heading still never move."""
    rule = "Messages are delimited by newlines, and MUST NOT contain embedded newlines."
    spec_repo.commit("write", {"transports.md": f"# Transports\n\n{rule}\n\nDocks MUST answer.\n"})
    stdio = f"{rule}\n\n# Standard streams\n\nDocks MAY log.\n"
    spec_repo.commit("split", {"transports.md": "# Transports\n\nDocks MUST answer.\n", "stdio.md": stdio})
    files = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    found = [(a["kind"], a["severity"], a["old"][0]["path"] if a["old"] else None) for f in files for a in f["amendments"]]
    assert ("moved", "substantive", "transports.md") in found
    assert not [k for k, _, _ in found if k == "removed"]


def test_a_comparison_changed_in_pseudocode_is_an_example_changed(spec_repo, specdiff_json):
    """QUIC's recovery draft turned "if (min_rtt + ack_delay < latest_rtt):" into "if (latest_rtt >= min_rtt +
    ack_delay):" and "latest_rtt > ..." into ">=": read as a slip in a sample, editorial, though the two sides
    being equal now takes the other branch. A word respelled in the same code is still a slip."""
    code = "# Docks\n\nThe dock computes:\n\n~~~\nwait = queue\nif (queue {} limit):\n  wait = queue - limit\n~~~\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, code.format(">"), code.format(">="))
    assert [(a["kind"], a["severity"]) for a in amendments] == [("modified", "substantive")], amendments
    respelled = code.format(">=").replace("queue -", "queeu -")
    amendments = _amendments_of_change(spec_repo, specdiff_json, code.format(">="), respelled)
    assert [(a["kind"], a["severity"]) for a in amendments] == [("modified", "editorial")], amendments


def test_a_media_type_or_well_known_path_renamed_in_prose_is_a_value_changed(spec_repo, specdiff_json):
    """Privacy Pass renamed its directory's media type, "application/token-issuer-directory" ->
    "application/private-token-issuer-directory", and its path "/.well-known/token-issuer-directory" with it:
    one word added twice in a long paragraph read as a slight rewording, editorial, though every client
    asks for the old names."""
    said = (
        "# Docks\n\nDock lists have the media type \"application/{0}\" and are located at the well-known location\n"
        "/.well-known/{0}; see the registry for the registration of this well-known URI and of its media type,\n"
        "which the desk keeps for every dock, lamp and bell that the city runs today.\n"
    )
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, said.format("dock-list"), said.format("bike-dock-list"))
    assert amendment["severity"] == "substantive", amendment
    assert [(e["type"], e["old"], e["new"]) for e in amendment["effects"]] == [
        ("value", "application/dock-list", "application/bike-dock-list"),
        ("value", "/.well-known/dock-list", "/.well-known/bike-dock-list"),
    ]


def test_a_value_changed_in_a_sample_of_data_is_an_example_changed(spec_repo, specdiff_json):
    """A2A corrected the wire value in a JSON sample, `"kind": "taskStatusUpdate"` -> `"status-update"`,
    and a query's `status=working` -> `status=TASK_STATE_WORKING`: read as a slip of the pen, editorial.
    A word of a conversation's sample swapped is still one."""
    sample = '# Docks\n\nA report:\n\n```json\n{"kind": "dockFull", "id": "d1"}\n```\n\n```http\nGET /docks?state=full\n```\n'
    key = '\n```\nkey = Derive(secret, "docking", length)\n```\n'
    talk = "\n```text\nRider: book a bike for me\n```\n"
    new = sample.replace("dockFull", "dock-full").replace("state=full", "state=DOCK_FULL")
    new += key.replace("docking", "docked") + talk.replace("book", "reserve")
    amendments = _amendments_of_change(spec_repo, specdiff_json, sample + key + talk, new)
    assert [(a["severity"], [e["type"] for e in a["effects"]]) for a in amendments] == [
        ("substantive", ["example"]),
        ("substantive", ["example"]),
        ("substantive", ["example"]),
        ("editorial", ["editorial"]),
    ], "MLS's label of exported secrets, \"exporter\" -> \"exported\", read as a slip"


def test_a_cell_left_empty_written_another_way_is_editorial(spec_repo, specdiff_json):
    """MLS's registry tables wrote their empty cells "-" instead of "N/A": "| 0x0000 | RESERVED | N/A | RFC XXXX |"
    read as reworded, substantive. A cell given a value is still read."""
    table = "# Registry\n\n| Value | Name | Recommended |\n|---|---|---|\n| 0x0000 | RESERVED | {} |\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, table.format("N/A"), table.format("-"))
    assert amendment["severity"] == "editorial", amendment
    (filled,) = _amendments_of_change(spec_repo, specdiff_json, table.format("-"), table.format("Y"))
    assert filled["severity"] != "editorial", filled


def test_a_cell_filled_in_a_table_row_is_no_slip(spec_repo, specdiff_json):
    """OpenTelemetry added a column to a mapping table: "|Debug (7) |Verbose |DEBUG |" -> "|Debug (7) |Verbose
    |VERBOSE |DEBUG |" read as a doubled word, a slip, editorial. A row that only gains an empty cell is one."""
    old = "# Levels\n\n| Level | Name | Code |\n|---|---|---|\n| Debug | Verbose | DEBUG |\n| Info | | INFO |\n"
    new = (
        "# Levels\n\n| Level | Name | Alias | Code |\n|---|---|---|---|\n"
        "| Debug | Verbose | VERBOSE | DEBUG |\n| Info | | | INFO |\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [a["severity"] for a in amendments] == ["substantive", "substantive", "editorial"]


def test_a_section_whose_heading_was_reworded_and_body_rewritten_is_renamed(spec_repo, specdiff_json):
    """A2A rewrote its home page: "## How does A2A work with MCP?" became "## How A2A Works with MCP", moved
    and with its text rewritten, and read as one section removed and another added."""
    old = (
        "# Docks\n\n## How does a dock charge bikes?\n\nA dock charges each bike overnight through its stand.\n\n"
        "## Fees\n\nRides cost one euro.\n"
    )
    new = (
        "# Docks\n\n## Fees\n\nRides cost one euro.\n\n"
        "## How a Dock Charges Bikes\n\nEvery stand feeds power to the bike resting in it during the night.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [(a["unit"], a["kind"]) for a in amendments][:1] == [("section", "renamed")]
    assert "removed" not in [a["kind"] for a in amendments]


def test_while_and_a_gerund_set_no_condition(spec_repo, specdiff_json):
    """MCP: "This approach minimizes user friction while following the principle of least privilege" read as
    a condition "while" gone, and "While the stream is open, ..." is still one."""
    old = "# Docks\n\nDocks MUST ring once while following the rider's route.\n\nWhile a dock is open, it MUST ring.\n"
    new = "# Docks\n\nDocks MUST ring once.\n\nA dock MUST ring.\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [[e["old"] for e in a["effects"] if e["type"] == "condition"] for a in amendments] == [[], ["while"]]


@pytest.mark.parametrize("label", ["Examples:", "<details>\n<summary>Table of Contents</summary>", "Note:"])
def test_a_label_or_a_contents_box_added_is_editorial(spec_repo, specdiff_json, label):
    """OpenTelemetry folded its tables of contents in `<details><summary>Table of Contents</summary>` and
    dropped an "Examples:" label; QUIC's TLS draft dropped a definition list's "Note:" term: each read as
    content, substantive."""
    old = "# Docks\n\nDocks MUST be lit.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, f"{old}\n{label}\n")
    assert amendment["severity"] == "editorial"


def test_template_include_lines_say_nothing_of_their_own(spec_repo, specdiff_json):
    """LSP's pages are stitched together with Jekyll's "{% include_relative general/exit.md %}" lines; moving
    the included pages ("{% include messages/exit.md %}") read as reworded, substantive. What the included
    page says is read in that page."""
    old = "# Docks\n\nDocks MUST be lit.\n\n{% include_relative docks/lock.md %}\n{% include_relative docks/ring.md %}\n"
    new = old.replace("include_relative docks/", "include shared/") + "{% include shared/fees.md %}\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [a["severity"] for a in amendments] == ["editorial"], amendments


def test_a_word_that_mends_a_rules_grammar_narrows_nothing(spec_repo, specdiff_json):
    """JSON:API fixed "how members ... may named" to "may be named", read as the rule narrowed, breaking;
    and "Some objects in the specification may be declared" still licenses (the text itself is no subject)."""
    old = "# Docks\n\nThe spec limits how docks may named.\n"
    new = "# Docks\n\nThe spec limits how docks may be named.\n\nSome docks in the specification may hold scooters.\n"
    fixed, licence = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert fixed["severity"] == "editorial"
    assert [(e["type"], e["new"]) for e in licence["effects"]] == [("modality", "may")]


def test_a_rule_moved_to_another_section_keeps_its_subject_whatever_its_article(spec_repo, specdiff_json):
    """OpenTelemetry moved "The language implementations MUST NOT ..." out of a list item into a paragraph
    of its own as "Language implementations MUST NOT ...": the subject is the same, the article aside."""
    old = (
        "# Kits\n\n## Reading\n\n- Kits read the variables once. The language kits MUST NOT spawn child processes "
        "to read them.\n\n## Writing\n\nKits write nothing.\n"
    )
    new = (
        "# Kits\n\n## Reading\n\n- Kits read the variables once.\n\n## Writing\n\nKits write nothing.\n\n"
        "Language kits MUST NOT spawn child processes to read them.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert not [e for a in amendments for e in a["effects"] if e["type"] == "modality"], amendments


def test_a_rule_said_again_elsewhere_where_its_sentence_was_rewritten_is_one_rule_moved(spec_repo, specdiff_json):
    """OAuth 2.1 rewrote "The privileges an authorization server associates with a certain client identity MUST
    depend on the assessment ..." as "Depending on the overall process ..., this may affect the confidence
    ..." and said the rule again in another section: a rule removed and a rule added, both breaking. The
    rule gone was read from the sentence now in its place, which says no rule."""
    rule = (
        "The rights a desk gives to a certain rider identity MUST depend on the assessment of the overall "
        "process for rider identification and card lifecycle management."
    )
    kept = (
        "For example, a card read by a kiosk does not prove who the rider is, it only shows that repeated rides "
        "were booked with the same card. Such cards can be copied by anyone who holds them for a minute."
    )
    old = f"# Docks\n\n## Cards\n\nDesks check cards.\n\n## Risks\n\n{rule}\n{kept}\n"
    new = (
        f"# Docks\n\n## Cards\n\nDesks check cards.\n\n{rule} See {{{{risks}}}} for details.\n\n## Risks\n\n"
        "Depending on the overall process of rider registration and card lifecycle management, this may affect "
        f"the confidence a desk has in a particular rider.\n{kept}\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [(a["kind"], a["severity"]) for a in amendments] == [("added", "substantive"), ("modified", "substantive")]


def test_alt_text_given_to_an_image_is_editorial_and_a_badge_relabelled_is_not(spec_repo, specdiff_json):
    """The OCI image spec gave its diagrams alternative text, "![](img/build-diagram.png)" -> "![build
    diagram](img/build-diagram.png)": read as reworded, substantive. A badge's label changed is a status."""
    old = "# Docks\n\n![](img/dock.png)\n\n![Draft](img/badge.svg)\n"
    new = "# Docks\n\n![dock diagram](img/dock.png)\n\n![Stable](img/badge.svg)\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [a["severity"] for a in amendments] == ["editorial", "substantive"], amendments


def test_a_verb_that_opens_a_name_or_a_subject_gives_no_order(spec_repo, specdiff_json):
    """The OCI image spec rewrote "- Group Name (`gname`) *secondary to `gid`*" under "MUST include file
    attributes ...:" as "... should be ignored on platforms that support Group ID (`gid`)": "Group" read
    as a command, so a rule added, breaking, where the same edit of "User Name (`uname`)" read as the
    lead-in's MUST weakened. AsyncAPI's "Query parameters SHALL NOT ..." read "Query" as a command too."""
    old = "# Docks\n\nDocks MUST record:\n\n- Group Name (`gname`) *secondary to `gid`*\n"
    new = (
        "# Docks\n\nDocks MUST record:\n\n- Group Name (`gname`) should be ignored where `gid` is known\n\n"
        "Query parameters and fragments SHALL NOT be used.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    found = [(a["severity"], [(e["type"], e["old"], e["new"]) for e in a["effects"]]) for a in amendments]
    assert found == [
        ("substantive", [("modality", "MUST", "should")]),
        ("breaking", [("modality", None, "SHALL NOT")]),
    ], found


def test_how_values_are_compared_is_no_slight_rewording(spec_repo, specdiff_json):
    """CloudEvents added "(matched case-insensitively)" after the media type a receiver looks for in four
    bindings, each read as a slight rewording, editorial: it changes which values match."""
    old = (
        "# Docks\n\nIf the tag of a bike that comes back to the dock is prefixed with `rent/` and the bike is"
        " not broken, the dock keeps it in the bay for the next rider and counts it as free.\n"
    )
    new = old.replace("`rent/`", "`rent/` (matched case-insensitively)")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert amendment["severity"] == "substantive", amendment


def test_a_list_of_operators_is_no_scenario_step(spec_repo, specdiff_json):
    """CloudEvents listed its operators by precedence, "1. AND, OR, XOR binary operators": the item read
    as a scenario's "AND" step, an obligation added, breaking. A step still binds."""
    old = "# Docks\n\nOperators bind in this order:\n\n1. NOT unary operator\n"
    new = old + "2. AND, OR, XOR binary operators\n\n## Scenario: return\n\n- **AND** the dock locks the bike\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    found = {a["new"][0]["text"]: [e.get("new") for e in a["effects"] if e["type"] == "modality"] for a in amendments}
    assert found["2. AND, OR, XOR binary operators"] == [], found
    assert found["- **AND** the dock locks the bike"] == ["AND"], found


def test_the_cases_of_a_condition_joined_by_or_for_and_widen_the_rule(spec_repo, specdiff_json):
    """JSON:API turned "If a server encounters a query parameter that does not follow the naming conventions
    above, and the server does not know how to process it ..., it **MUST** return `400 Bad Request`" into
    "..., or the server ...": read as reworded, substantive, though the rule now binds in more cases."""
    old = "# Docks\n\nIf a bike is late, and the rider has no pass, the dock **MUST** charge a fee.\n"
    widened = _amendments_of_change(spec_repo, specdiff_json, old, old.replace("late, and", "late, or"))
    narrowed = _amendments_of_change(spec_repo, specdiff_json, old.replace("late, and", "late, or"), old)
    found = [(a["severity"], [(e["type"], e["direction"]) for e in a["effects"]]) for a in widened + narrowed]
    assert found == [
        ("breaking", [("condition", "scope_widened")]),
        ("substantive", [("condition", "scope_narrowed")]),
    ], found


def test_an_entry_of_a_change_history_section_is_editorial(spec_repo, specdiff_json):
    """SLSA's verification summary ends with "## Change history": the entry "- Update SlsaResult definition
    to discuss how to refer to new tracks" read as a command added, breaking."""
    old = "# Docks\n\nDocks MUST lock.\n\n## Change history\n\n- 1.1: Add the fee table.\n"
    new = old + "- 1.2: Update the fee table to name the new bikes.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert amendment["severity"] == "editorial", amendment


@pytest.mark.parametrize(
    "remark",
    [
        ", in order to comply with [the tariff](tariff.md)",
        ", however, how it is named is out of scope of this spec",
        ", in order to ensure that riders who lost it can still be found",
    ],
)
def test_a_remark_added_to_a_rule_asks_nothing_more(spec_repo, specdiff_json, remark):
    """JSON:API added ", in order to comply with [RFC 7231](...)" to "The response **SHOULD** include a
    `Location` header ...", CloudEvents ", however, the mechanism by which this is done is out of scope
    of this specification" to "An engine SHOULD also allow users to define their custom functions", and QUIC
    ", in order to ensure that QUIC connections that disable the spin bit are commonly observed" to a MUST:
    each read as the rule narrowed, breaking."""
    old = "# Docks\n\nThe receipt **SHOULD** name the dock.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, old.replace("dock.", f"dock{remark}."))
    assert amendment["severity"] == "substantive", amendment


def test_a_value_in_an_example_of_a_rule_is_the_examples(spec_repo, specdiff_json):
    """JSON:API renamed its sample attributes, "(for example, updating the `updated-at` attribute ...)" ->
    "`updatedAt`", inside a MUST: read as a value the rule asks for replaced, breaking."""
    old = "# Docks\n\nIf a dock changes a ride (for example, the `end-time` field), it **MUST** say so.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, old.replace("end-time", "endTime"))
    assert amendment["severity"] == "substantive", amendment


def test_not_fixed_to_note_is_a_typo_not_a_negation(spec_repo, specdiff_json):
    """CloudEvents fixed "Not that in some setups, ... the requestor ... MUST be authorized." to "Note
    that ...": read as a negation turned round, breaking, with a major bump suggested."""
    old = "# Docks\n\nNot that in some cities, a rider MUST show a card before the dock opens.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, old.replace("Not that", "Note that"))
    assert (amendment["severity"], [e["type"] for e in amendment["effects"]]) == ("editorial", ["editorial"]), amendment


def test_a_can_made_a_keyword_of_the_same_force_is_named_and_editorial(spec_repo, specdiff_json):
    """AsyncAPI wrote "This object can be extended with Specification Extensions." as "This object MAY be
    extended ..." under twenty objects: read as "reworded", nothing named, then as substantive. It grants
    the same leave in the spec's keywords: editorial, as "should" -> "SHOULD" is. A limit added on the way
    is still read."""
    old = "# Docks\n\nThis dock can be extended with plug-ins.\n\nThis bay can be extended with plug-ins.\n"
    new = "# Docks\n\nThis dock MAY be extended with plug-ins.\n\nThis bay MAY be extended only with plug-ins.\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    found = [(a["severity"], [(e["type"], e["old"], e["new"], e["direction"]) for e in a["effects"]]) for a in amendments]
    assert found[0] == ("editorial", [("modality", "can", "MAY", None)])
    assert found[1][0] == "breaking", found[1]


def test_a_status_changed_beside_a_new_subsection_with_the_old_status_is_changed_in_place(spec_repo, specdiff_json):
    """OpenTelemetry stabilised its Histograms section and gave a subsection it added the old badge: the
    badge read as moved into the subsection and the new one as added, so the change was never named."""
    old = (
        "# Docks\n\n## Charging\n\n**Status**: [Development](status.md)\n\nDocks charge bikes.\n\n"
        "## Fees\n\n**Status**: [Stable](status.md)\n\nRides cost one euro.\n"
    )
    new = (
        "# Docks\n\n## Charging\n\n**Status**: [Stable](status.md)\n\nDocks charge bikes.\n\n"
        "### Fast charging\n\n**Status**: [Development](status.md)\n\nSome docks charge fast.\n\n"
        "## Fees\n\n**Status**: [Stable](status.md)\n\nRides cost one euro.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    kinds = [(a["kind"], (a["old"] or [{}])[0].get("lines"), a["new"][0]["lines"]) for a in amendments if a["unit"] == "clause"]
    assert ("modified", [5, 5], [5, 5]) in kinds, kinds
    assert "moved" not in [kind for kind, _, _ in kinds]


def test_a_rule_reworded_as_it_moved_keeps_its_holder_and_is_no_rule_removed_and_added(spec_repo, specdiff_json):
    """OpenTelemetry moved "The language implementations MUST NOT handle spawning processes." up to its
    rules as "Language implementations MUST NOT spawn child processes as part of environment variable
    context propagation.": a MUST NOT removed and one added, both breaking, for one rule reworded."""
    old = (
        "# Kits\n\n## Rules\n\nKits read the variables once.\n\n## Spawning\n\n"
        "- The onus is on the owner. The language kits MUST NOT handle spawning processes.\n"
    )
    reworded = (
        "# Kits\n\n## Rules\n\nKits read the variables once.\n\n"
        "Language kits MUST NOT spawn child processes as part of reading the variables.\n\n"
        "## Spawning\n\n- The onus is on the owner.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, reworded)
    assert not [e for a in amendments for e in a["effects"] if e["type"] == "modality"], amendments
    other = reworded.replace("spawn child processes as part of reading the variables", "log the keys they read")
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, other)
    assert [a["severity"] for a in amendments if a["unit"] == "clause"] == ["breaking", "breaking"], "another rule"


def test_a_rule_moved_out_of_a_list_and_reworded_is_no_rule_removed_and_added(spec_repo, specdiff_json):
    """MCP took "SHOULD still provide manual controls that let the user retry or cancel the original
    request ... if the notification never arrives." out of a list it removed, into "Clients SHOULD
    provide manual controls that let the user retry or cancel the original request ...". A rule that
    names another thing ("Each Dock reference ..." gone, "Each Bay reference ..." come) is another rule."""
    old = (
        "# Docks\n\n## Unlocking\n\nRiders unlock bikes with the app.\n\n## Signals\n\n"
        "When the dock sends the unlock signal, the app:\n\n- SHOULD show the bike's number.\n"
        "- SHOULD still offer a manual button that lets the rider unlock the bike or cancel the ride "
        "if the signal never arrives.\n"
    )
    new = (
        "# Docks\n\n## Unlocking\n\nRiders unlock bikes with the app, which talks to the dock over the network and "
        "shows the state of the ride as it changes. Apps SHOULD offer a manual button that lets the rider unlock the "
        "bike or cancel the ride. The dock keeps a log of every ride.\n"
    )
    found = _modality_changes(spec_repo, specdiff_json, old, new)
    assert found == [("SHOULD", None)], found  # the bike's number is no longer shown
    old = (
        "# Docks\n\n## Old\n\nDocks are numbered by the city. Each Dock reference MAY point to a Dock outside the "
        "city.\n\n## New\n\nNothing yet.\n"
    )
    new = (
        "# Docks\n\n## Old\n\nDocks are numbered by the city.\n\n## New\n\nNothing yet. Bays close at night, and "
        "each one is lit. Each Bay reference MAY point to a Bay outside the city.\n"
    )
    found = _modality_changes(spec_repo, specdiff_json, old, new)
    assert sorted(found, key=str) == [("MAY", None), (None, "MAY")], found


def test_a_rule_said_for_several_holders_gathered_into_one_for_all_is_no_rule_removed_or_added(spec_repo, specdiff_json):
    """DAP gathered "The Helper MAY instead handle the request immediately." and the Leader's copies, from
    three sections, into "The HTTP server MAY instead handle the request immediately." of a new section, and
    each "The Leader SHOULD use each response's Retry-After header field ..." into "The HTTP client SHOULD
    use ...": each copy but one (read as moved) as a rule removed, breaking. Gathered for another holder
    than any, each copy is still said; a rule gone for one holder is not."""
    def section(name: str, holder: str, asker: str) -> str:
        return (
            f"## {name}\n\nThe {asker} sends the {name.lower()} request to the {holder}.\n\n"
            f"The {holder} MAY instead answer the request at once. The {asker} SHOULD use each answer's Wait "
            "field to decide when to ask again.\n\n"
        )

    old = "# Docks\n\n" + section("Unlock", "dock", "app") + section("Return", "dock", "rider") + section("Pay", "bank", "dock")
    gathered = (
        "# Docks\n\n## Requests\n\nRequests follow plain HTTP.\n\nThe server MAY instead answer the request at once. "
        "The client SHOULD use each answer's Wait field to decide when to ask again.\n\n"
        "## Unlock\n\nThe app sends the unlock request to the dock.\n\n"
        "## Return\n\nThe rider sends the return request to the dock.\n\n"
        "## Pay\n\nThe dock sends the pay request to the bank.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, gathered)
    assert not [e for a in amendments for e in a["effects"] if e["type"] == "modality"], amendments
    assert [a["severity"] for a in amendments if a["kind"] == "removed"] == ["substantive"] * 2, amendments
    one_gone = old.replace(
        "The bank MAY instead answer the request at once. The dock SHOULD use each answer's Wait field to decide when to "
        "ask again.\n\n", ""
    ) + "## Fees\n\nThe server MAY instead answer the request at once.\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, one_gone)
    found = [(e["old"], e["new"]) for a in amendments for e in a["effects"] if e["type"] == "modality"]
    assert found == [("MAY", None), ("SHOULD", None), (None, "MAY")], amendments


def test_a_copy_of_a_rule_said_twice_removed_is_no_rule_removed(spec_repo, specdiff_json):
    """OpenSpec took the second copy of each requirement out of its conventions: each read as a rule removed,
    breaking. A paragraph said again under another heading may be about another thing ("This object MAY be
    extended ..."), and a rule that follows a check ("If so, the dock MUST reject the ride with error
    `badRide`."), added where another check's says the same words, is a rule added."""
    old = (
        "# Docks\n\n## Retries\n\nThe app unlocks the bike.\n\n"
        "If the answer is lost, the app SHOULD send the original request again unchanged.\n\n"
        "## Retries\n\nIf the answer is lost, the app SHOULD send the original request again unchanged.\n\n"
        "## Checks\n\n- Whether the ride is paid. If not, the dock MUST reject the ride with error `badRide`.\n"
    )
    new = (
        "# Docks\n\n## Retries\n\nThe app unlocks the bike.\n\n"
        "## Retries\n\nIf the answer is lost, the app SHOULD send the original request again unchanged.\n\n"
        "## Checks\n\n- Whether the ride is paid. If not, the dock MUST reject the ride with error `badRide`.\n"
        "- Whether the bike is broken. If so, the dock MUST reject the ride with error `badRide`.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    graded = [(a["kind"], a["severity"]) for a in amendments if a["unit"] == "clause"]
    assert graded == [("removed", "substantive"), ("added", "breaking")], amendments
    old, new = (text.replace("## Retries\n\nIf the answer", "## Answers\n\nIf the answer") for text in (old, new))
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    graded = [(a["kind"], a["severity"]) for a in amendments if a["unit"] == "clause"]
    assert graded == [("removed", "breaking"), ("added", "breaking")], amendments


def test_a_rules_holder_swapped_in_a_long_item_is_no_slight_rewording(spec_repo, specdiff_json):
    """DAP's "If so, the the Helper MUST fail the job with error `invalidMessage`." -> "If so, the Leader MUST
    fail ...": a word and a half of a long item changed, read as a slip, editorial; another party is bound.
    A holder made plural is the same holder, and one renamed throughout is a term renamed (SLSA's "build
    system" -> "build platform")."""
    page = (
        "# Docks\n\n## Checks\n\nThe dock checks each request.\n\n- Whether the `RideRequest` from the app is malformed "
        "or names no bike. If so, the {} MUST fail the ride with error `badRide`.\n"
    )
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, page.format("the Dock"), page.format("Bank"))
    assert amendment["severity"] == "substantive", amendment
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, page.format("the Dock"), page.format("Docks"))
    assert amendment["severity"] == "editorial", amendment
    renamed = page.format("the Dock").replace("# Docks", "# Stations").replace("dock", "station").replace("Dock", "Station")
    amendments = _amendments_of_change(spec_repo, specdiff_json, page.format("the Dock"), renamed)
    assert [a["severity"] for a in amendments if "badRide" in a["new"][0]["text"]] == ["editorial"], amendments


def test_a_word_put_inside_a_name_narrows_no_rule(spec_repo, specdiff_json):
    """runtime-spec's "MUST be in [SemVer v2.0.0] format and specifies the version of the Open Container Runtime
    Specification ..." -> "... Open Container Initiative Runtime Specification ...": read as the rule narrowed by
    "initiative", breaking; it names the same document. A word put before a holder does narrow it."""
    page = (
        "# Docks\n\n## Fields\n\n- **`version`** (string, REQUIRED) MUST be a dotted number and names the version of "
        "the {} with which the dock complies.\n"
    )
    old, new = page.format("Open Dock Runtime Specification"), page.format("Open Dock Alliance Runtime Specification")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert amendment["severity"] == "editorial", amendment
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, page.format("dock manual"), page.format("dock safety manual"))
    assert amendment["severity"] == "breaking", amendment


def test_a_description_cell_reworded_beside_a_level_cell_narrows_no_rule(spec_repo, specdiff_json):
    """runtime-spec's mount options table, "| `rbind` | MUST | [^2] (bind mounts) |" -> "| `rbind` | MUST |
    Recursive bind mount [^2] |": read as the option's MUST narrowed by "recursive", breaking; the cell after
    the level describes the option. A rule written into that cell is read."""
    table = "# Docks\n\n## Locks\n\n| Lock | Level | Note |\n|---|---|---|\n| `chain` | MUST | {} |\n"
    described = table.format("Steel chain lock, see locks")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, table.format("see locks"), described)
    assert amendment["severity"] == "substantive", amendment
    stated = table.format("see locks. It MUST NOT be cut")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, table.format("see locks"), stated)
    assert amendment["severity"] == "breaking", amendment


def test_a_subsection_raised_before_its_parent_moves_only_itself(spec_repo, specdiff_json):
    """SCITT made "### Cryptographic Agility", the last subsection of "## Threat Model", a section of its own
    just before it: both read as moved, though "Threat Model" kept its place among its siblings."""
    old = (
        "# Docks\n\n## Fees\n\nRides cost one euro.\n\n## Threats\n\nBikes get stolen.\n\n"
        "### Locks\n\nDocks MUST lock bikes.\n"
    )
    new = (
        "# Docks\n\n## Fees\n\nRides cost one euro.\n\n## Locks\n\nDocks MUST lock bikes.\n\n"
        "## Threats\n\nBikes get stolen.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    moved = [a["new"][0]["heading"] for a in amendments if a["unit"] == "section" and a["kind"] == "moved"]
    assert moved == ["Locks"], amendments


def test_a_rule_cut_into_a_lead_in_and_its_items_is_no_rule_added(spec_repo, specdiff_json):
    """SCITT cut "Issuers and Transparency Services MUST carefully protect their private signing keys and avoid
    ..." into "- carefully protect their private signing keys" under another paragraph's rule made a lead-in,
    "Issuers and Transparency Services MUST:": the item read as a rule added, breaking, beside the sentence's
    rule removed. The item's rule is its lead-in's holder's; an item that asks something else is a rule added."""
    old = (
        "# Docks\n\n## Keys\n\nRiders trust docks.\n\nDocks and desks MUST carefully protect their private signing keys "
        "and avoid these keys being used for any purpose not described in this document.\n\n## Key care\n\n"
        "Signing keys are worth guarding.\n\nDocks and desks MUST rotate their keys in well-defined periods.\n"
    )
    new = (
        "# Docks\n\n## Keys\n\nRiders trust docks.\n\n## Key care\n\nSigning keys are worth guarding.\n\n"
        "Docks and desks MUST:\n\n- {}\n- rotate their keys in well-defined periods\n"
    )
    other = "log each ride with its time, its dock and its rider"
    for item, graded in (("carefully protect their private signing keys", "substantive"), (other, "breaking")):
        amendments = _amendments_of_change(spec_repo, specdiff_json, old, new.format(item))
        added = [a["severity"] for a in amendments if a["kind"] == "added" and a["new"][0]["text"] == f"- {item}"]
        assert added == [graded], amendments


def test_a_fence_left_open_swallows_no_rules_and_closing_it_is_editorial(spec_repo, specdiff):
    """The OCI runtime spec added a ```json example and left it open: by CommonMark the "Control groups"
    section after it became code, and its rules read as removed, breaking; the commit that added the
    missing fence read them all as added again. The fence is read as closed before the heading it runs
    over, with a warning, so the first commit adds the example and the second only closes it."""
    fees = "## Fees\n\nThe desk MUST charge a fee for each late return.\n\n```\nfee.log\n```\n\nThe desk SHOULD NOT waive fees.\n"
    locks = "# Docks\n\nThe dock MUST lock its racks.\n\n"
    spec_repo.commit("write", {"spec.md": f"{locks}{fees}"})
    spec_repo.commit("example", {"spec.md": f'{locks}```json\n{{"racks": 4}}\n\n{fees}'})
    spec_repo.commit("close it", {"spec.md": f'{locks}```json\n{{"racks": 4}}\n```\n\n{fees}'})

    def amendments(old: str, new: str) -> tuple[list[tuple[str, str]], str]:
        run = specdiff("-C", spec_repo.path, old, new, "--format", "json")
        assert run.code == 0, run.err
        (file,) = json.loads(run.out)["files"]
        return [(a["kind"], a["severity"]) for a in file["amendments"]], run.err

    added, warned = amendments("HEAD~2", "HEAD~1")
    assert added == [("added", "substantive")], "the example, and no rule removed"
    assert "spec.md:5: the code block opened here is not closed before the heading on line 8" in warned
    closed, _ = amendments("HEAD~1", "HEAD")
    assert closed == [("modified", "editorial")], "the example gained its closing fence"


def test_paragraphs_moved_word_for_word_into_a_definition_elsewhere_are_merged_into_it(spec_repo, specdiff_json):
    """SCITT's architecture draft moved the paragraphs of its "Common Terminology Disambiguation" section
    into its definitions forty lines up: each definition read as reworded, with numbers gone and come,
    and each paragraph as removed. The definition and the paragraphs it took in are one merge; a
    sentence taken out of it into a paragraph of another section is one split. (The moved sentences are
    told apart after a closing quotation mark and before a "{{reference}}", so they read as moved.)"""
    rider, returns = "Rider: a person who hires a bike at a dock.", "Riders return their bikes within the hour."
    quoted = '{{DOCK-19}} defines "rider" as "A member who rides." The term is used as the 2019 charter uses it.'
    old = f"# Terms\n\n{rider}\n{returns}\n\n# Notes\n\n{quoted}\n\nThe desk opens at nine every morning, all year long.\n"
    new = f"# Terms\n\n{rider}\n{quoted}\n{returns}\n\n# Notes\n\nThe desk opens at nine every morning, all year long.\n"
    (merge,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert merge["kind"] == "merged" and len(merge["old"]) == 2, merge
    assert not [e for e in merge["effects"] if e["type"] == "number"], "the numbers moved with their sentence"
    (split,) = _amendments_of_change(spec_repo, specdiff_json, new, old)
    assert split["kind"] == "split" and len(split["new"]) == 2, split


def test_sentences_only_put_in_another_order_are_editorial(spec_repo, specdiff_json):
    """SCITT put "Revocation strategies for compromised keys are out of scope for this document." after the
    sentence that followed it: the same sentences read as reworded, substantive. A sentence whose words
    changed as it moved is still read."""
    scope, why = "Refunds for lost cards are out of scope for this document.", "The desk MUST report a lost card at once."
    before = f"# Cards\n\n{scope} {why}\n"
    (swapped,) = _amendments_of_change(spec_repo, specdiff_json, before, f"# Cards\n\n{why} {scope}\n")
    assert (swapped["kind"], swapped["severity"]) == ("modified", "editorial"), swapped
    reworded = why.replace("at once", "within a day")
    (changed,) = _amendments_of_change(spec_repo, specdiff_json, before, f"# Cards\n\n{reworded} {scope}\n")
    assert changed["severity"] != "editorial", changed


def test_a_tutorials_steps_are_no_rules_but_its_capital_keywords_are(spec_repo, specdiff_json):
    """MCP's tutorials tell their reader "Fill in the client's details", A2A's "Use the route factory":
    208 amendments graded breaking in MCP's last 200 commits, for steps a reader takes. A keyword in
    capitals in a tutorial still binds; the same step in the spec is still a command. A page named as one
    teaches too: spec-kit's ``docs/quickstart.md`` "Follow [Adopting Spec Kit ...] before starting"."""
    step = "Use the dock's app to unlock the bike."
    old = "# Riding\n\nRiders need an account.\n"
    new = old + f"\n{step}\n\nApps **MUST** lock the bike at the end of the ride.\n"
    pages = ("docs/tutorials/riding.md", "docs/quickstart.md", "spec.md")
    spec_repo.commit("write", dict.fromkeys(pages, old))
    spec_repo.commit("change", dict.fromkeys(pages, new))
    files = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    found = {
        f["new_path"]: [(a["severity"], [(e["type"], e["new"]) for e in a["effects"]]) for a in f["amendments"]] for f in files
    }
    assert found["docs/tutorials/riding.md"] == [("substantive", []), ("breaking", [("modality", "MUST")])]
    assert found["docs/quickstart.md"] == found["docs/tutorials/riding.md"]
    assert found["spec.md"] == [("breaking", [("modality", "Use")]), ("breaking", [("modality", "MUST")])]


def test_a_translation_of_the_spec_is_not_the_spec(spec_repo, specdiff_json):
    """CloudEvents keeps Hebrew and Chinese copies of its spec in ``cloudevents/languages/he/`` and
    ``zh-CN/``, most of them stubs that point to the English text: 27 of the 72 amendments a reviewer
    read as wrong in its newest 39 commits. A folder named by a language that translates nothing of
    the spec (``languages/go/``) is still read."""
    english = "# Docks\n\nDocks MUST lock returned bikes.\n"
    stub = "# Docks\n\nThis page is not translated yet: read the [English version](../../docks.md).\n"
    spec_repo.commit("write", {"spec/docks.md": english, "spec/languages/go/notes.md": "# Notes\n\nNothing yet.\n"})
    spec_repo.commit(
        "translate",
        {"spec/languages/he/docks.md": stub, "spec/languages/go/notes.md": "# Notes\n\nUse channels.\n"},
    )
    files = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert [f["new_path"] for f in files] == ["spec/languages/go/notes.md"]


def test_translations_deleted_are_no_spec_removed(spec_repo, specdiff_json):
    """CloudEvents deleted its Hebrew and Chinese copies (2ef79bd16a). The layout is read from the
    files tracked at the head, where the folders are gone, so 1,119 of their clauses read as removed
    from a spec whose English text did not change. Under a config file's own globs they are spec files."""
    english = "# Docks\n\nDocks MUST lock returned bikes.\n"
    hebrew = "# Docks\n\nThis page is not translated yet: read the [English version](../../docks.md).\n"
    spec_repo.commit(
        "write",
        {"spec/docks.md": english, "spec/languages/he/docks.md": hebrew, "spec/languages/he/status.md": "# Status\n\nBegun.\n"},
    )
    spec_repo.commit("drop the translations", remove=("spec/languages/he/docks.md", "spec/languages/he/status.md"))
    assert specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"] == []
    spec_repo.commit("choose the files", {"specdiff.toml": 'specs = ["spec/**/*.md"]\n'})
    files = specdiff_json("-C", spec_repo.path, "HEAD~2", "HEAD~1")["files"]
    assert sorted(f["old_path"] for f in files) == ["spec/languages/he/docks.md", "spec/languages/he/status.md"]


def test_a_label_set_in_html_layout_says_nothing(spec_repo, specdiff_json):
    """SLSA set its levels' "Summary:" and "Intended for:" labels in a `<dl class="as-table">` layout: each
    new `<dt>Summary<dd>` block read as text added, substantive, where its closing `</dl>` was editorial."""
    old = "# Levels\n\n## Level 1\n\nThe source is kept in a system that records its history.\n"
    new = (
        '# Levels\n\n## Level 1\n\n<dl class="as-table">\n<dt>Summary<dd>\n\n'
        "The source is kept in a system that records its history.\n\n</dl>\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [(a["kind"], a["severity"]) for a in amendments] == [("added", "editorial"), ("added", "editorial")]
    worded = new.replace("<dt>Summary<dd>", "<dt>Riders MUST lock bikes.<dd>")
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, worded)
    assert "breaking" in [a["severity"] for a in amendments], "a sentence between tags is no label"


def test_a_release_number_bumped_in_an_example_is_editorial(spec_repo, specdiff_json):
    """Serverless Workflow's release bumped every example's `dsl: '1.0.2'` to `'1.0.3'`: 136 examples
    read as changed, substantive. A sample's other numbers still count."""
    old = "# Docks\n\nA ride:\n\n```yaml\ndsl: '1.0.2'\ntimeout: 1.5\n```\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, old.replace("1.0.2", "1.0.3"))
    assert amendment["severity"] == "editorial"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, old.replace("1.5", "2.5"))
    assert amendment["severity"] == "substantive"


def test_names_a_sample_renamed_throughout_are_editorial(spec_repo, specdiff_json):
    """TOML renamed its examples' `[[fruit]]` and `[[fruit.variety]]` to `[[fruits]]` and
    `[[fruits.varieties]]`: each example read as changed, substantive. A name renamed otherwise (a value
    on the wire, "INT" -> "UINT"), or a third name made plural as well, changes the example."""
    sample = "[[pony]]\nname = 'north'\n\n[[pony.lorry]]\nsize = 2\n\n[[pony]]\nname = 'south'\n[[pony.lorry]]\nsize = 3\n"
    old = f"# Docks\n\nA dock keeps:\n\n```toml\n{sample}```\n"
    plural = old.replace("pony", "ponies").replace("lorry", "lorries")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, plural)
    assert amendment["severity"] == "editorial"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, old.replace("pony", "horse").replace("lorry", "cart"))
    assert amendment["severity"] == "substantive"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, plural.replace("size", "sizes"))
    assert amendment["severity"] == "substantive"


def test_a_document_that_binds_only_in_capitals_speaks_plain_english_in_lower_case(spec_repo, specdiff_json):
    """The HTTP drafts say "{::boilerplate bcp14-tagged}", RFC 8174's "when, and only when, they appear in
    all capitals": "the gateway must perform this authentication itself" read as an obligation added,
    breaking. Where a document does not say so, a lower-case "must" is still read (with less confidence)."""
    front = "---\ntitle: Docks\n---\n\n--- middle\n\n# Conventions\n\n{::boilerplate bcp14-tagged}\n\n"
    old = front + "# Docks\n\nA dock MUST lock bikes.\n"
    spec_repo.commit("draft", {"draft-ietf-docks.md": old})
    spec_repo.commit("advice", {"draft-ietf-docks.md": old.replace("bikes.", "bikes. The gateway must check the rider.")})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert [(a["severity"], [e["type"] for e in a["effects"]]) for a in file["amendments"]] == [("substantive", ["wording"])]
    plain = old.replace("{::boilerplate bcp14-tagged}", "Some words.")
    spec_repo.commit("no convention", {"draft-ietf-docks.md": plain})
    spec_repo.commit("advice again", {"draft-ietf-docks.md": plain.replace("bikes.", "bikes. The gateway must check the rider.")})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert [a["severity"] for a in file["amendments"]] == ["breaking"]


@pytest.mark.parametrize("boilerplate", ["{::boilerplate bcp14}", "Some words."])
def test_a_keyword_put_in_capitals_where_only_capitals_bind_makes_a_rule(spec_repo, specdiff_json, boilerplate):
    """OAuth 2.1's draft says "{::boilerplate bcp14}" (RFC 8174's reading, as "bcp14-tagged" does): its
    "Clients should open the network port only when ..." -> "Clients SHOULD open ..." read as a keyword
    only put in capitals, editorial, though the lower-case "should" bound no one. Where a document does not
    say so, the keyword recased is still the same rule, now marked."""
    front = f"---\ntitle: Docks\n---\n\n--- middle\n\n# Conventions\n\n{boilerplate}\n\n# Docks\n\nA dock MUST lock bikes. "
    advice = front + "The gateway should check the rider before it opens.\n"
    spec_repo.commit("advice", {"draft-ietf-docks.md": advice})
    spec_repo.commit("rule", {"draft-ietf-docks.md": advice.replace("should", "SHOULD")})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    read = [(a["severity"], [e["type"] for e in a["effects"]]) for a in file["amendments"]]
    assert read == ([("breaking", ["modality"])] if "bcp14" in boilerplate else [("editorial", ["editorial"])]), read


@pytest.mark.parametrize(("heading", "severity"), [("IANA Considerations", "substantive"), ("Docks API", "breaking")])
def test_a_media_types_registration_template_states_no_rule(spec_repo, specdiff_json, heading, severity):
    """DAP's "# IANA Considerations" registers its media types with RFC 6838's template, "Required
    parameters:" / ": N/A" among its fields: each template removed read as an obligation gone, breaking.
    Elsewhere "Required parameters:" over a list still leads a rule."""
    old = f"# Docks\n\nDocks MUST lock.\n\n# {heading}\n\n## Dock reports\n\nRequired parameters:\n\n: N/A\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, "# Docks\n\nDocks MUST lock.\n")
    (field,) = [a for a in amendments if a["unit"] == "clause" and a["old"][0]["text"] == "Required parameters:"]
    assert field["severity"] == severity, field


def test_an_alternative_added_to_what_a_rule_forbids_forbids_more(spec_repo, specdiff_json):
    """An HTTP draft turned "A client ... MUST NOT send larger upload append requests." into "... append or
    upload creation requests.": read as broadened, substantive, where the ban now reaches more requests. The
    same words added to an obligation offer another way to comply."""
    ban = "# Uploads\n\nA client MUST NOT send larger append requests.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, ban, ban.replace("append", "append or creation"))
    assert (amendment["severity"], amendment["effects"][0]["direction"]) == ("breaking", "narrowed")
    duty = "# Uploads\n\nA client MUST send larger append requests.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, duty, duty.replace("append", "append or creation"))
    assert (amendment["severity"], amendment["effects"][0]["direction"]) == ("substantive", "broadened")


def test_what_a_rule_in_keywords_asks_replaced_by_another_thing_is_breaking(spec_repo, specdiff_json):
    """OCI turned "If any poststart hook fails, the runtime MUST log a warning, but the remaining hooks
    ... continue" into "... MUST generate an error, stop the container, and continue the lifecycle at
    step 12": same keyword, another thing asked, so a runtime that did the old no longer complies. It
    read as a rewording, substantive. A rule reworded around the same asks stays one, and so does a
    rule whose only change is in its aside."""
    old = "# Docks\n\nIf a lock jams, the dock MUST log a warning and notify the desk.\n"
    new = "# Docks\n\nIf a lock jams, the dock MUST sound an alarm and call the police.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert amendment["severity"] == "breaking"
    assert [(e["type"], e["direction"]) for e in amendment["effects"]] == [("wording", "replaced")]
    assert amendment["effects"][0]["old"] == "log warning notify desk"
    assert amendment["effects"][0]["new"] == "sound alarm call police"
    reworded = "# Docks\n\nIf a lock jams, the dock MUST write a warning to its log and tell the desk.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, reworded)
    assert amendment["severity"] != "breaking"
    aside = "# Docks\n\nThe dock MUST log a warning (kept for the desk).\n"
    read = aside.replace("kept for the desk", "read by the riders")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, aside, read)
    assert amendment["severity"] != "breaking"
    # (past ASKS_REPLACED_WORDS_AT_MOST words lost and gained, a rule is read as reworded)
    words = [f"{a}{b}" for a in ("bell", "lamp", "gate", "horn", "flag", "lock") for b in ("ring", "glow", "seal", "tone")]
    frame = "When a lock jams while a rider waits at the dock in the rain at night after the last train has left the station"
    asked_old, asked_new = " ".join(w + "ed" for w in words[:21]), " ".join(w + "er" for w in words[3:24])
    long_old = f"# Docks\n\n{frame}, the dock MUST {asked_old} before the desk closes. {frame}.\n"
    long_new = long_old.replace(asked_old, asked_new)
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, long_old, long_new)
    assert [(e["type"], e["direction"]) for e in amendment["effects"]] == [("wording", None)], "a rule rewritten at length"
    plain = "# Docks\n\nIf a lock jams, the dock must log a warning and notify the desk.\n"
    otherwise = plain.replace("log a warning and notify the desk", "sound an alarm and call the police")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, plain, otherwise)
    assert amendment["severity"] == "substantive", "in plain English the rule may only be said again otherwise"


def test_a_condition_lifted_with_whether_or_not_widens_the_rule(spec_repo, specdiff_json):
    """OpenSpec turned "say which lines stood in the way when the change declared the marker" into
    "... whether or not the change declared the marker": the condition's words stay, so it read as
    restated, "no condition changed", where the rule now holds in every case."""
    old = "# Docks\n\nThe dock MUST log the ride when the rider declared a fault.\n"
    new = "# Docks\n\nThe dock MUST log the ride whether or not the rider declared a fault.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert amendment["severity"] == "breaking"
    assert [(e["type"], e["direction"]) for e in amendment["effects"]] == [("condition", "scope_widened")]


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ("When docking a bike", ("breaking", [("scope", "cargo or electric", None, "scope_widened")])),  # the whole choice went
        ("When docking an electric bike", ("substantive", [("scope", "cargo or", None, "scope_narrowed")])),  # one side went
    ],
)
def test_a_choice_dropped_from_a_condition_widens_the_rule(spec_repo, specdiff_json, condition, expected):
    """The OCI distribution spec's "When pushing an image or artifact manifest ..., the client MUST:" became
    "When pushing a manifest ...": read as an alternative dropped, the scope narrowed, where the client's
    duty now holds for every manifest. Dropping one side of an "or" still narrows."""
    rule = "# Docks\n\n{}, the rider MUST lock the frame.\n"
    old = rule.format("When docking a cargo or electric bike")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, rule.format(condition))
    read = [(e["type"], e["old"], e["new"], e["direction"]) for e in amendment["effects"]]
    assert (amendment["severity"], read) == expected, read


def test_a_grammar_changed_by_one_mark_is_no_slip(spec_repo, specdiff_json):
    """CESQL made a literal's sign optional: "integer-literal ::= ( '+' | '-' ) digit+" -> "... ( '+' | '-' )?
    digit+", which read as an editorial slip in an example. The same mark in a JSON sample still is one."""
    old = "# Grammar\n\nLiterals:\n\n```\ninteger-literal ::= ( '+' | '-' ) digit+\n```\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, old.replace(") digit", ")? digit"))
    assert amendment["severity"] == "substantive"
    reflowed = old.replace(") digit", ")  digit")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, reflowed)
    assert amendment["severity"] == "editorial", "spaces are no marks"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, old.replace("digit+", "digits+"))
    assert amendment["severity"] == "substantive", "a rule's name respelled names another rule, however like a typo"


def test_a_rule_moved_into_a_list_that_asks_the_same_is_no_rule_removed_and_added(spec_repo, specdiff_json):
    """CloudEvents turned "Attribute names SHOULD be descriptive and terse and SHOULD NOT exceed 20 characters
    in length." into a list, "- MUST be at least one character in length, and SHOULD NOT exceed 20
    characters.": a SHOULD NOT removed and one added, for the same rule. What the item asks is all the
    old sentence asked but "in length"; its holder is its lead-in's."""
    old = (
        "# Names\n\n## Reading\n\nRiders read the map before they ride. Bike names SHOULD NOT exceed 20 characters "
        "in length.\n\n## Limits\n\nDocks hold ten bikes.\n"
    )
    new = (
        "# Names\n\n## Reading\n\nRiders read the map before they ride.\n\n## Limits\n\nDocks hold ten bikes. "
        "Bike names have these limits:\n\n- MUST be at least one character long.\n- SHOULD NOT exceed 20 characters.\n"
    )
    found = _modality_changes(spec_repo, specdiff_json, old, new)
    assert found == [(None, "MUST")], found


def test_as_if_sets_no_condition(spec_repo, specdiff_json):
    """OCI's "If any `poststart` hook fails, the runtime MUST log a warning, but the remaining hooks and
    lifecycle continue as if the hook had succeeded." lost its "as if" clause: read as a condition gone,
    the rule widened (breaking). "as if" says how the lifecycle goes on, not when the rule holds."""
    old = "# Hooks\n\nIf a hook fails, the dock MUST log a warning, and the ride goes on as if the hook had worked.\n"
    new = "# Hooks\n\nIf a hook fails, the dock MUST log a warning, and the ride goes on.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [e["type"] for e in amendment["effects"]] == ["wording"], amendment["effects"]
    assert amendment["severity"] == "substantive"


def test_an_article_alone_bounds_no_scope(spec_repo, specdiff_json):
    """AsyncAPI turned "MAY contain any property ..., except `message` and `traits`." into "..., except the
    `action`, `channel` and `traits` ones.": read as "scope: the -> (widened)", an article taken for what
    bounds the rule."""
    old = "# Traits\n\nA trait MAY contain any property of the Bike, except `seat` and `bell`.\n"
    new = "# Traits\n\nA trait MAY contain any property of the Bike, except the `lock`, `seat` and `bell` ones.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert not [e for e in amendment["effects"] if e["type"] == "scope"], amendment["effects"]


def test_a_rule_taken_into_the_sentence_before_it_is_no_rule_removed(spec_repo, specdiff_json):
    """JSON:API joined "... it MUST return a `200 OK` response. The response document MUST include a
    representation of the updated resource(s) as if a `GET` request was made ..." into "... it MUST
    return a `200 OK` response and a document that contains the updated resource(s) as primary
    data.": the second MUST read as an obligation removed (breaking), and "as if" as a condition gone.
    A rule gone while its neighbour gains other words is still a rule removed."""
    old = (
        "# Updating\n\nIf an update is successful, the dock MUST return a `200 OK` response. The response document "
        "MUST include a representation of the updated bike as if a `GET` request was made.\n"
    )
    merged = (
        "# Updating\n\nIf an update is successful, the dock MUST return a `200 OK` response and a document that "
        "contains the updated bike as primary data.\n"
    )
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, merged)
    assert amendment["severity"] == "substantive", amendment["effects"]
    assert [e["type"] for e in amendment["effects"]] == ["wording"]
    dropped = "# Updating\n\nIf an update is successful, the dock MUST return a `200 OK` response within a second.\n"
    assert _modality_changes(spec_repo, specdiff_json, old, dropped) == [("MUST", None)]
    # (SemVer dropped "and MUST begin with an alpha character": the sentence's other rule says none of it)
    two = "# Names\n\nThe name MUST be made of letters and digits and MUST begin with a capital letter. Names are short.\n"
    one = "# Names\n\nThe name MUST be made of letters and digits. Names are short.\n"
    assert _modality_changes(spec_repo, specdiff_json, two, one) == [("MUST", None)]
    # (OpenAPI dropped a list item from a table cell, 'If `in` is "body", the name MUST be "body".', whose
    # sentence ran on into the next item: what a rule says stops at a stop or a list item)
    glued = "# Names\n\nA name MUST be unique.<li>If the dock is full, it MUST be `full`. <li>For other cases, it is free.\n"
    dropped = "# Names\n\nA name MUST be unique.<li>For other cases, it is free.\n"
    assert _modality_changes(spec_repo, specdiff_json, glued, dropped) == [("MUST", None)]


def test_cases_joined_by_or_instead_of_and_are_no_slip(spec_repo, specdiff_json):
    """JSON:API turned "If a server encounters a query parameter that does not follow the naming conventions
    above, and the server does not know how to process it ..., it MUST return `400 Bad Request`." into
    "..., or the server does not know ...": the rule now holds in more cases, and it read as editorial."""
    old = (
        "# Params\n\nIf a dock meets a parameter that breaks the naming rules above, and the dock does not know how to "
        "read it as a parameter of this specification, it **MUST** return `400 Bad Request`.\n"
    )
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, old.replace("above, and", "above, or"))
    assert amendment["severity"] != "editorial", amendment


def test_a_kind_of_relationship_is_no_number(spec_repo, specdiff_json):
    """JSON:API's "A to-one relationship can be updated by sending a `PATCH` request ..." read as the number
    one added."""
    old = "# Links\n\nA link between docks can be updated by sending a `PATCH` request to its URL.\n"
    new = old.replace("A link", "A to-one link")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [e for e in amendment["effects"] if e["type"] == "number"] == [], amendment["effects"]


def test_spaces_beside_a_separator_in_code_are_no_change(spec_repo, specdiff_json):
    """JSON:API wrote "`Content-Type: text/html; charset="utf-8"`" as "`... text/html;charset="utf-8"`" in a
    note: a value changed, substantive, where the same edit in its code blocks read as editorial."""
    old = '# Media\n\nA dock may send `Content-Type: text/html; charset="utf-8"` to a browser for its own pages.\n'
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, old.replace("html; charset", "html;charset"))
    assert amendment["severity"] == "editorial", amendment["effects"]


def _kinds_by_section(files: list[dict]) -> list[tuple[str, str]]:
    return [(a["kind"], (a["new"] or a["old"])[0]["section"]) for f in files for a in f["amendments"] if a["unit"] == "clause"]


def test_a_sections_one_rule_rewritten_while_the_section_beside_it_moved_is_modified(spec_repo, specdiff_json):
    """JSON:API rewrote the one rule of its "204 No Content" section while the "200 OK" section beside
    it moved up, itself edited: no two paired neighbours held both versions of the rule, and it read
    as removed and added."""

    def responses(order: list[str], update: str, ok: str, empty: str) -> str:
        sections = {
            "update": f"## Updates {{#updates}}\n\n{update}\n",
            "ok": f"## 200 OK {{#ok}}\n\n{ok}\n",
            "accepted": "## 202 Accepted {#accepted}\n\nA dock MUST answer `202 Accepted` while a return is checked.\n",
            "empty": f"## 204 No Content {{#empty}}\n\n{empty}\n",
            "missing": "## 404 Not Found {#missing}\n\nA dock SHOULD answer `404 Not Found` for a bike it never held.\n",
        }
        return "# Returns\n\n" + "\n".join(sections[name] for name in order)

    old = responses(
        ["update", "accepted", "empty", "ok", "missing"],
        "A dock MUST answer `200 OK` when an update is stored and the rider changed nothing else.",
        "A dock MUST answer `200 OK` when a return is recorded and a receipt is printed.",
        "A dock MUST answer `204 No Content` when a bike return is recorded and nothing is printed.",
    )
    new = responses(
        ["update", "ok", "accepted", "empty", "missing"],
        "If an update is stored and the dock changes nothing beyond what the rider asked, it MUST answer `200 OK` "
        "or `204 No Content`.",
        "A dock MAY answer `200 OK` with a receipt when a return is recorded. Other lines, such as the fee, could be printed.",
        "When a bike return is recorded, the dock MUST answer either a `200 OK` status with the receipt as described "
        "above or a `204 No Content` status with no receipt printed.",
    )
    spec_repo.commit("first", {"spec.md": old})
    spec_repo.commit("second", {"spec.md": new})
    files = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert [k for k in _kinds_by_section(files) if k[1] == "empty"] == [("modified", "empty")], _kinds_by_section(files)


def test_a_list_item_rewritten_while_a_paragraph_came_after_its_list_is_modified(spec_repo, specdiff_json):
    """MCP rewrote "- **MAY** be applied to properties at any nesting depth within the `inputSchema`"
    as "- **MUST** only be applied to properties that are statically reachable ..." and added a
    paragraph after the list: two clauses came where one went, and the item read as removed and added.
    An item replaced by one about something else still is."""
    items = "- MUST NOT be empty\n- MUST be unique among the docks of the station\n- MUST only be attached to bays with a lamp\n"
    after = "\nDocks MUST refuse a layout where any bay label breaks these constraints.\n"
    rewritten = "- MAY be attached to bays at any depth within the station, not only front bays\n"
    old = f"# Bays\n\n**Constraints on bay labels**:\n\n{items}{rewritten}{after}"
    new = (
        f"# Bays\n\n**Constraints on bay labels**:\n\n{items}- MUST only be attached to bays that are statically reachable "
        "from the entrance: reachable through a chain made solely of open lanes. The chain MUST NOT pass through repair "
        "lanes (or any other closed lane), locked gates, ramps, lifts or tunnels. Nested lanes are permitted as long as "
        "every step in the chain is an open lane. A label anywhere else makes the label, and thus the whole layout, invalid.\n\n"
        "Label reading is defined as reading the tag at the exact place of the labelled bay.\n" + after
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [(a["kind"], a["severity"]) for a in amendments] == [("modified", "breaking"), ("added", "substantive")], amendments
    unrelated = new.replace("MUST only be attached to bays that are statically reachable from the entrance", "MUST ring twice")
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, unrelated)
    assert sorted(a["kind"] for a in amendments) == ["added", "added", "removed"], amendments


def test_two_unrelated_lone_sentences_of_a_section_are_removed_and_added(spec_repo, specdiff_json):
    """Being all that changed in a section is not enough: the two must share their rarer words."""
    tail = "## Fees {#fees}\n\nA late return costs one euro a day.\n"
    first = f"# Bikes\n\n## Locks {{#locks}}\n\nRiders MUST chain the frame to the dock.\n\n{tail}"
    spec_repo.commit("first", {"spec.md": first})
    second = f"# Bikes\n\n{tail}\n## Locks {{#locks}}\n\nThe lock is opened with a code sent by text message.\n"
    spec_repo.commit("second", {"spec.md": second})
    files = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert sorted(_kinds_by_section(files)) == [("added", "locks"), ("removed", "locks")]


def test_table_rows_rewritten_under_the_same_first_cell_are_modified(spec_repo, specdiff_json):
    """SLSA rewrote the definitions of its "Branch" and "Tag" rows, and each read as a row removed and
    a row added; the first cell names the row."""
    old = (
        "| Term | Meaning |\n|---|---|\n| Branch | A named, moveable pointer to a revision. |\n"
        "| Tag | A named pointer that does not usually move. |\n"
    )
    new = (
        "| Term | Meaning |\n|---|---|\n| Branch | A reference that follows one line of development, such as `main`. |\n"
        "| Tag | A reference meant never to change once created, such as `v1.2.3`. |\n"
    )
    spec_repo.commit("first", {"spec.md": f"# Terms\n\n{old}"})
    spec_repo.commit("second", {"spec.md": f"# Terms\n\n{new}"})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    found = sorted((a["kind"], (a["new"] or a["old"])[0]["text"].split("|")[1].strip()) for a in file["amendments"])
    assert found == [("modified", "Branch"), ("modified", "Tag")], found


def test_a_caption_or_lead_in_reworded_above_the_same_block_is_modified(spec_repo, specdiff_json):
    """MCP rewrote each "Request:" above an example as "Input request (delivered inside ...):", and
    "Receivers of progress requests MAY:" above a list as "Servers receiving a request with a
    progress token MAY:": few words in common, and each read as removed and added (the MAY removed,
    breaking). A new caption over a new block is still added."""
    example = "```json\n{\"dock\": 4}\n```\n"
    old = f"# Returns\n\nRequest:\n\n{example}\nDocks that receive returns MAY:\n\n- print a receipt\n- send a text\n"
    new = (
        f"# Returns\n\nReturn message (sent by the bike when locked):\n\n{example}\n"
        "A dock with a printer attached MAY:\n\n- print a receipt\n- send a text\n\n"
        "Fee message:\n\n```json\n{\"fee\": 1}\n```\n"
    )
    spec_repo.commit("first", {"spec.md": old})
    spec_repo.commit("second", {"spec.md": new})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    found = [(a["kind"], (a["new"] or a["old"])[0]["text"].split()[0]) for a in file["amendments"]]
    assert found == [("modified", "Return"), ("modified", "A"), ("added", "Fee"), ("added", "```json")], found


def test_a_key_renamed_by_letter_case_is_a_value_changed(spec_repo, specdiff_json):
    """CloudEvents renamed its subscription keys "sinkCredential" -> "sinkcredential", in their headings
    and in "REQUIRED for credentialType=..." alike: each read as editorial, as case is not wording. A
    name in camel case is a key a client sends; a heading written again in capitals is not."""
    old = (
        "# Docks\n\n## Json Format\n\nDocks answer in JSON.\n\n## dockCode\n\n- REQUIRED for dockType=\"LOCKED\"\n"
    )
    new = (
        "# Docks\n\n## JSON Format\n\nDocks answer in JSON.\n\n## dockcode\n\n- REQUIRED for docktype=\"LOCKED\"\n"
    )
    spec_repo.commit("first", {"spec.md": old})
    spec_repo.commit("second", {"spec.md": new})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    found = [(a["kind"], a["severity"], [(e["type"], e["old"], e["new"]) for e in a["effects"]]) for a in file["amendments"]]
    assert found == [
        ("renamed", "editorial", [("heading", "Json Format", "JSON Format")]),
        ("renamed", "substantive", [("heading", "dockCode", "dockcode"), ("value", "dockCode", "dockcode")]),
        # (renamed throughout the document, as every value is graded: the spec asks nothing new of it)
        ("modified", "substantive", [("value", "dockType", "docktype")]),
    ], found


def test_a_repeated_lead_in_moved_with_its_neighbours_is_moved(spec_repo, specdiff_json):
    """CloudEvents moved each filter dialect's rule, its "For example:" and its example under one new
    heading: the rules and examples paired as moved, and the repeated "For example:" (too short to
    move on its own) read as removed and added, four times."""

    def dialect(name: str, rule: str) -> str:
        return f"{rule}\n\nFor example:\n\n```json\n{{\"{name}\": {{\"dock\": 4}}}}\n```\n"

    rules = {"exact": "A dock MUST match the code exactly.", "prefix": "A dock MUST match the start of the code."}
    old = "# Filters\n\n" + "\n".join(f"## {name} filter\n\n{dialect(name, rule)}" for name, rule in rules.items())
    labelled = "\n".join(f"**{name}**\n\n{dialect(name, rule)}" for name, rule in rules.items())
    new = f"# Filters\n\n## Required filters\n\n{labelled}"
    spec_repo.commit("first", {"spec.md": old})
    spec_repo.commit("second", {"spec.md": new})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    lead_ins = [a["kind"] for a in file["amendments"] if (a["new"] or a["old"])[0].get("text") == "For example:"]
    # (the second dialect's heading was paired with the new one by name, so its lead-in stayed put)
    assert lead_ins == ["moved"], [(a["kind"], (a["new"] or a["old"])[0].get("text")) for a in file["amendments"]]


def test_a_section_inserted_with_the_same_table_takes_no_rows_from_its_neighbours(spec_repo, specdiff_json):
    """CloudEvents inserted events between others, each with the same first table rows: a row beside a
    clause that stayed put is no move, even when the rows around it repeat too."""

    def event(name: str) -> str:
        return f"## {name}\n\n| Field | Value |\n|---|---|\n| `id` | the dock's id |\n| `type` | `dock.{name}` |\n"

    spec_repo.commit("first", {"spec.md": "# Events\n\n" + "\n".join(event(n) for n in ("lock", "unlock"))})
    spec_repo.commit("second", {"spec.md": "# Events\n\n" + "\n".join(event(n) for n in ("lock", "fee", "unlock"))})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    found = [(a["kind"], (a["new"] or a["old"])[0].get("text")) for a in file["amendments"]]
    assert {kind for kind, _ in found} == {"added"}, found


def test_a_row_does_not_move_into_a_table_of_another_shape(spec_repo, specdiff_json):
    """MLS's registries each open with a "0x0000 | RESERVED | N/A | ..." row. One change wrote "-" for
    "N/A" in every table and added a column to the second: the first table's row read as moved into the
    second table (its "-" cell, a mark, weighs nothing), and both tables' own rows as removed and added."""

    def registry(name: str, header: str, reserved: str) -> str:
        rule = "|".join("---" for _ in header.split("|"))
        first = f"| 0x0001 | {name.lower()}_one | {'LP | ' if 'Parts' in header else ''}Y | D1 |"
        return f"## {name}\n\n| {header} |\n|{rule}|\n| 0x0000 | RESERVED | {reserved} |\n{first}\n"

    old = "# Registries\n\n" + registry("Bells", "Value | Name | Recommended | Reference", "N/A | D1") + "\n"
    old += registry("Lamps", "Value | Name | Parts | Recommended | Reference", "N/A | N/A | D1")
    new = "# Registries\n\n" + registry("Bells", "Value | Name | R | Ref", "- | D1") + "\n"
    new += registry("Lamps", "Value | Name | Parts | R | Ref", "N/A | - | D1")
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    reserved = [a["kind"] for a in amendments if "RESERVED" in json.dumps(a)]
    assert reserved == ["modified", "modified"], amendments


def test_figures_redrawn_stay_under_their_own_captions(spec_repo, specdiff_json):
    """The HTTP secondary certificates draft redrew two figures, each under its own "{: #ex-...}"
    caption; each new drawing was more like the other's old one, and the two paired crossed, as moves."""

    def figure(anchor: str, drawing: str) -> str:
        return f"~~~\n{drawing}\n~~~\n{{: #{anchor}}}\n"

    lock = "Rider -> Dock: LOCK bike 7\nDock -> Rider: locked at bay 3\nDock -> Register: bay 3 busy"
    fee = "Rider -> Dock: PAY fee 2\nDock -> Bank: charge card\nBank -> Dock: paid in full"
    old = f"# Flows\n\n{figure('fig-lock', lock)}\nThe fee flow follows.\n\n{figure('fig-fee', fee)}"
    new = f"# Flows\n\n{figure('fig-lock', fee + ' now')}\nThe fee flow follows.\n\n{figure('fig-fee', lock + ' now')}"
    spec_repo.commit("first", {"spec.md": old})
    spec_repo.commit("redrawn", {"spec.md": new})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    found = [(a["kind"], a["old"][0]["lines"], a["new"][0]["lines"]) for a in file["amendments"]]
    assert [kind for kind, *_ in found] == ["modified", "modified"], found
    assert [old_lines == new_lines for _, old_lines, new_lines in found] == [True, True], found


def test_a_row_named_by_another_anchor_elsewhere_is_not_the_row_moved(spec_repo, specdiff_json):
    """OpenAPI 2.0 gave each object the same extension row but for its anchor ("<a name="headersExtensions">");
    the row deleted from one object paired as moved to the row added to another, and the withdrawn
    extension went unseen."""

    def obj(name: str, extensible: bool) -> str:
        row = f'<a name="{name}Ext"></a>^x- | Any | Allows extensions to the dock schema. The name MUST begin with `x-`.\n'
        table = "Field | Type | Description\n---|---|---\nbay | int | The bay number.\n"
        return f"## {name} object\n\n{table}{row if extensible else ''}"

    spec_repo.commit("first", {"spec.md": "# Objects\n\n" + obj("bike", True) + "\n" + obj("dock", False)})
    spec_repo.commit("second", {"spec.md": "# Objects\n\n" + obj("bike", False) + "\n" + obj("dock", True)})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    found = sorted((a["kind"], a["severity"]) for a in file["amendments"])
    assert found == [("added", "substantive"), ("removed", "breaking")], found


def test_names_thanked_in_the_acknowledgements_are_editorial(spec_repo, specdiff_json):
    """The HTTP resumable uploads draft added names to its Acknowledgments list, and the unencoded
    digest draft names to its thanks: each read as a clause worth a read."""
    rule = "# Docks\n\nDocks MUST lock returned bikes.\n\n"
    old = rule + "# Acknowledgments\n\n- Ada Lovelace\n\nThe following people reviewed the draft: Ada Lovelace and Alan Kay.\n"
    new = (
        rule + "# Acknowledgments\n\n- Ada Lovelace\n- Grace Hopper\n\n"
        "The following people reviewed the draft: Ada Lovelace, Grace Hopper and Alan Kay.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    found = [(a["kind"], a["severity"]) for a in amendments]
    assert found == [("added", "editorial"), ("modified", "editorial")], found


def test_a_citation_or_a_word_of_grammar_added_to_a_rule_asks_nothing_more(spec_repo, specdiff_json):
    """The No-Vary-Search draft linked "sorting" to the WHATWG Infra standard ("[sorting](...)
    {{WHATWG-INFRA}}"), and OpenAPI mended "can be used a default" as "can be used as the default":
    each rule read as narrowed, breaking. A word added that names something still narrows."""
    old = (
        "# Docks\n\nThe dock MUST order the bays by sorting them by number.\n\n"
        "The `spare` bay MUST be used a fallback for bikes that fit nowhere else.\n\n"
        "The dock MUST report the bays.\n"
    )
    new = (
        "# Docks\n\nThe dock MUST order the bays by [sorting](https://example.org/sort) {{SORTING}} them by number.\n\n"
        "The `spare` bay MUST be used as the fallback for bikes that fit nowhere else.\n\n"
        "The dock MUST report the empty bays.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    found = [(a["kind"], a["severity"]) for a in amendments]
    assert found == [("modified", "editorial"), ("modified", "editorial"), ("modified", "breaking")], found


def test_is_recommended_said_as_should_be_used_is_editorial(spec_repo, specdiff_json):
    """GraphQL over HTTP rewrote each "status code `415` is RECOMMENDED" as "status code `415` SHOULD be
    used": the same force in other words, and the words that frame each keyword were counted as words
    changed, so each read as a rewording worth a read. "MUST be used" is not the same force."""
    old = (
        "# Errors\n\nIf the `Dock-Id` of the request names no dock of the city, status code `409` is RECOMMENDED.\n\n"
        "If the `Bike-Id` of the request names a bike that is locked, status code `423` is RECOMMENDED.\n"
    )
    new = (
        "# Errors\n\nIf the `Dock-Id` of the request names no dock of the city, status code `409` SHOULD be used.\n\n"
        "If the `Bike-Id` of the request names a bike that is locked, status code `423` MUST be used.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    found = [(a["kind"], a["severity"]) for a in amendments]
    assert found == [("modified", "editorial"), ("modified", "breaking")], found


def test_the_comments_of_a_schema_block_are_read_as_its_prose(spec_repo, specdiff_json):
    """LSP writes its rules in the doc comments of its TypeScript interfaces: a typo fixed there read as
    an example changed, worth a read, and a rule added there ("should be excluded") as no more than that."""

    def schema(comment: str) -> str:
        return f"# Docks\n\n```typescript\ninterface Dock {{\n  /**\n   * {comment}\n   */\n  bay: number;\n}}\n```\n"

    spec_repo.commit("first", {"spec.md": schema("The bay the bike is locked in in the dock.")})
    spec_repo.commit("typo", {"spec.md": schema("The bay the bike is locked in the dock.")})
    spec_repo.commit("rule", {"spec.md": schema("The bay the bike is locked in the dock. Clients must not leave it empty.")})

    def graded(base: str, head: str) -> list[tuple[str, list[str]]]:
        (file,) = specdiff_json("-C", spec_repo.path, base, head)["files"]
        return [(a["severity"], [e["type"] for e in a["effects"]]) for a in file["amendments"]]

    assert graded("HEAD~2", "HEAD~1") == [("editorial", ["editorial"])]
    assert graded("HEAD~1", "HEAD") == [("breaking", ["modality"])]


def test_a_word_inflected_otherwise_is_editorial(spec_repo, specdiff_json):
    """LSP's change log went from "Add support for ..." to "Added support for ...": each entry read as
    reworded, worth a read. Another word in its place still is (here in a list of features: a change
    log's entries are editorial whatever they say)."""
    spec = "# Docks\n\nDocks MUST lock bikes.\n\n## Features\n\n"
    old = spec + "- The app adds support for bays.\n- The app adds support for fees.\n"
    new = spec + "- The app added support for bays.\n- The app drops support for fees.\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    found = [(a["new"][0]["text"], a["severity"]) for a in amendments]
    assert found == [("- The app added support for bays.", "editorial"), ("- The app drops support for fees.", "substantive")]


def test_a_document_of_changes_between_versions_is_a_change_log(spec_repo, specdiff_json):
    """SARIF kept "# Schema changes between SARIF v1 and v2", a list of what changed told as commands
    ("On the `locations` property, remove ..."): each entry edited read as a rule added or dropped. A
    heading of changes between anything else ("Scenario: Context changes between operations") is no log."""

    def graded(title: str) -> list[tuple[str, str]]:
        old = f"# {title}\n\n- On the `dock` object, remove the `bay` property.\n"
        new = f"# {title}\n\n- On the `dock` object, remove the `bay` and `lock` properties.\n"
        return [(a["kind"], a["severity"]) for a in _amendments_of_change(spec_repo, specdiff_json, old, new)]

    assert graded("Schema changes between Dock v1 and v2") == [("modified", "editorial")]
    assert graded("Changes between releases") == [("modified", "editorial")]
    assert graded("Dock changes between stops") == [("modified", "substantive")]
    # SARIF's file opened with a stray "R" before its title: its name says what it is
    spec_repo.commit("log", {"docs/Schema changes between Dock v1 and v2.md": "R# Changes\n\n- Remove the `bay` property.\n"})
    spec_repo.commit("more", {"docs/Schema changes between Dock v1 and v2.md": "R# Changes\n\n- Remove the `lock` property.\n"})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert [a["severity"] for a in file["amendments"]] == ["editorial"], file["amendments"]


def test_one_standing_for_a_thing_described_is_no_number(spec_repo, specdiff_json):
    """A2A's "retrieves the task or creates a new one" and MCP's "challenged with a narrower one" read
    "one" as a number added or dropped. A count of one still is one."""
    spec = "# Docks\n\nA dock that jams MUST be reset or swapped for {}.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, spec.format("a spare"), spec.format("a new one"))
    assert [e["type"] for e in amendment["effects"]] == ["wording"], amendment["effects"]
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, spec.format("a spare"), spec.format("one spare"))
    assert ("number", "one") in [(e["type"], e["new"]) for e in amendment["effects"]], amendment["effects"]


def test_a_list_that_only_lost_its_or_asks_the_same(spec_repo, specdiff_json):
    """A2A wrote a rule's terminal states in full and dropped the list's "or": "(`completed`, `failed`,
    `canceled`, or `rejected`)" -> "(`TASK_STATE_COMPLETED`, ..., `TASK_STATE_REJECTED`)" read as the rule
    narrowed, breaking. The same states are named; an "or" that came with another case would widen."""
    old = "# Rides\n\nThe ride MUST end when the bike reaches a final state (`docked`, `lost`, or `stolen`).\n"
    new = "# Rides\n\nThe ride MUST end when the bike reaches a final state (`BIKE_DOCKED`, `BIKE_LOST`, `BIKE_STOLEN`).\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert amendment["severity"] == "substantive", amendment
    assert "narrowed" not in [e["direction"] for e in amendment["effects"]], amendment["effects"]
    old = "# Rides\n\nThe docks MUST be listed in lexical order.\n"
    new = "# Rides\n\nThe docks MUST be listed in lexical or \"natural\" order.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [(e["type"], e["new"], e["direction"]) for e in amendment["effects"]] == [("wording", "or", "broadened")]


def test_a_name_taken_out_of_code_marks_in_other_capitals_is_editorial(spec_repo, specdiff_json):
    """purl wrote every "`purl`" as "PURL": each clause read as reworded, and "a `purl` must not use" ->
    "a PURL shall not use" as the rule's scope narrowed to "purl" (a code span's words are no words)."""
    old = (
        "# Docks\n\nAppend a slash to the `dock` name.\n\n"
        "In its canonical form, a `dock` MUST NOT lend any bike after dark to riders who have not paid.\n"
    )
    new = (
        "# Docks\n\nAppend a slash to the DOCK name.\n\n"
        "In its canonical form, a DOCK SHALL NOT lend any bike after dark to riders who have not paid.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    found = [(a["severity"], [e["type"] for e in a["effects"]]) for a in amendments]
    assert found == [("editorial", ["editorial"]), ("editorial", ["editorial"])], found


def test_a_heading_with_nothing_under_it_but_sections_is_editorial(spec_repo, specdiff_json):
    """purl put a page title, "# How to build a PURL", above the page's first heading: the section came
    with no clause of its own, and read as worth a read. A heading that comes with a rule is not that."""
    body = "## Docks\n\nDocks MUST lock bikes.\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, body, "# Rides\n\n" + body + "\n## Fees\n\nRiders MUST pay.\n")
    found = [(a["unit"], a["kind"], a["severity"]) for a in amendments]
    assert found == [
        ("section", "added", "editorial"),
        ("section", "added", "substantive"),
        ("clause", "added", "breaking"),
    ], found


def test_a_question_with_an_example_in_it_asks_and_rules_nothing(spec_repo, specdiff_json):
    """purl's open questions: "Should a test message have a type attribute- e.g. ERROR or INFO?" was cut
    into two sentences at "e.g.", and its first half read as a recommendation added."""
    body = "# Tests\n\nA test MUST name its input.\n\n## Open questions\n\n"
    spec_repo.commit("first", {"spec.md": body + "- Should a test name its author?\n"})
    question = "- Should a test message have a type attribute- e.g. ERROR or INFO?\n"
    spec_repo.commit("asked", {"spec.md": body + "- Should a test name its author?\n" + question})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    found = [(a["kind"], a["severity"], [e["type"] for e in a["effects"]]) for a in file["amendments"]]
    assert found == [("added", "substantive", [])], found


def test_a_paragraph_rewritten_under_its_opening_words_is_modified(spec_repo, specdiff_json):
    """CloudEvents rewrote the paragraph under its tracing extension's title, keeping "This extension
    embeds context from [...]" and little else, and added paragraphs after it: no gap held it alone,
    and it read as removed and added."""
    old = (
        "# Lock extension\n\nThis extension carries lock codes from [the city register](https://example.org/register) so "
        "that docks can refuse stolen bikes and report them to the police at once. It is meant to hold the history of "
        "thefts in each district, so that insurers and wardens can trace patterns over many seasons.\n\n"
        "## Fields\n\nA field.\n"
    )
    new = (
        "# Lock extension\n\nThis extension carries lock codes from [ISO 9999](https://example.org/iso) into a ride "
        "record. Its goal is to let riders unlock any dock.\n\nThe register is run by the city.\n\n"
        "Codes are six digits long.\n\n## Fields\n\nA field.\n"
    )
    spec_repo.commit("first", {"spec.md": old})
    spec_repo.commit("second", {"spec.md": new})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    found = [(a["kind"], (a["new"] or a["old"])[0]["text"].split()[0]) for a in file["amendments"]]
    assert found == [("modified", "This"), ("added", "The"), ("added", "Codes")], found


def test_a_pages_place_in_the_site_is_editorial_but_its_version_is_not(spec_repo, specdiff_json):
    """OpenFeature's "sidebar_position: 5" -> "0" read as a number changed, and a new page's "id", "title"
    and "sidebar_position" as a clause worth a read: they set how the documentation site shows the page."""
    body = "# Docks\n\nDocks MUST lock returned bikes.\n"
    spec_repo.commit("first", {"docks.md": body})
    spec_repo.commit("placed", {"docks.md": f"---\nid: docks\ntitle: Docks\nsidebar_position: 5\n---\n\n{body}"})
    spec_repo.commit("moved", {"docks.md": f"---\nid: docks\ntitle: Docks\nsidebar_position: 0\n---\n\n{body}"})
    spec_repo.commit("versioned", {"docks.md": f"---\nid: docks\ntitle: Docks\nsidebar_position: 0\nversion: 1.2\n---\n\n{body}"})

    def grades(base: str, head: str) -> list[str]:
        return [a["severity"] for f in specdiff_json("-C", spec_repo.path, base, head)["files"] for a in f["amendments"]]

    assert grades("HEAD~3", "HEAD~2") == grades("HEAD~2", "HEAD~1") == ["editorial"]
    assert grades("HEAD~1", "HEAD") == ["substantive"], "the spec's own version is read"
    described = f"---\nid: docks\ntitle: Docks\nsidebar_position: 0\nversion: 1.2\ndescription: Lock each bike.\n---\n\n{body}"
    spec_repo.commit("described", {"docks.md": described})
    assert grades("HEAD~1", "HEAD") == ["substantive"], "a description tells an agent what a command or a skill is for"


def test_who_wrote_a_page_and_when_is_no_change_of_its_rules(spec_repo, specdiff_json):
    """IPFS bumps its pages' "date: 2025-10-13" with each change, and reads their "editors:": the date
    read as a number changed, substantive, even beside a description reworded, where it was the only
    effect named."""
    body = "# Docks\n\nDocks MUST lock returned bikes.\n"

    def page(date: str, editor: str, description: str) -> str:
        return f"---\ntitle: Docks\ndescription: {description}\ndate: {date}\neditors:\n  - name: {editor}\n---\n\n{body}"

    spec_repo.commit("first", {"docks.md": page("2025-10-13", "Ann", "How docks lock bikes.")})
    spec_repo.commit("dated", {"docks.md": page("2026-03-05", "Bo", "How docks lock bikes.")})
    spec_repo.commit("described", {"docks.md": page("2026-04-01", "Bo", "How docks lock and release bikes.")})
    (dated,) = [a for f in specdiff_json("-C", spec_repo.path, "HEAD~2", "HEAD~1")["files"] for a in f["amendments"]]
    assert dated["severity"] == "editorial"
    (described,) = [a for f in specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"] for a in f["amendments"]]
    assert described["severity"] == "substantive", "a description tells an agent what a command or a skill is for"
    assert [e["type"] for e in described["effects"]] == ["wording"], "the date is no number of a rule"


def test_a_specs_writers_and_a_pointer_by_a_link_reference_are_editorial(spec_repo, specdiff_json):
    """libp2p's specs open with "Authors: [@marcopolo]", "Interest Group: [@cortze], [@raulk]" and "See
    the [lifecycle document][lifecycle-spec] for context about the maturity level": all read as text
    added, substantive (the pointer was editorial only with its link written inline)."""
    old = "# Docks\n\nDocks MUST lock returned bikes.\n\n[fares]: fares.md\n"
    header = "Authors: [@ann]\n\nInterest Group: [@bo], [@cy] and Dee Ray\n\nSee the [fare table][fares] for context."
    new = old.replace("# Docks\n\n", f"# Docks\n\n{header}\n\n")
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [(a["kind"], a["severity"]) for a in amendments] == [("added", "editorial")] * 3
    ruled = new.replace("Dee Ray", "Dee Ray MUST sign each fare")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, new, ruled)
    assert amendment["severity"] == "breaking"


def test_a_container_fence_is_markup(spec_repo, specdiff_json):
    """IPFS wraps notes in Docusaurus' ":::note" ... ":::": each fence line read as a paragraph added,
    substantive."""
    old = "# Docks\n\nDocks MUST lock returned bikes.\n"
    new = old + "\n:::note\n\nA dock can hold twelve bikes.\n\n:::\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [(a["new"][0]["text"], a["severity"]) for a in amendments] == [
        (":::note", "editorial"),
        ("A dock can hold twelve bikes.", "substantive"),
        (":::", "editorial"),
    ]


def test_lower_case_advice_under_security_considerations_is_plain_english(spec_repo, specdiff_json):
    """SPIFFE writes its rules in capitals, and advises in its Security Considerations: "Operators
    should carefully consider ... whether a given foreign authority should be considered
    trustworthy" read as a rule added, breaking. Capitals there still rule."""
    rules = "Docks MUST lock returned bikes. Riders MUST NOT ride on the pavement."
    old = f"# Docks\n\n{rules}\n\n## Security Considerations\n\nLocks age.\n"
    advice = old.replace("Locks age.", "Locks age. Operators should check them each week.")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, advice)
    assert amendment["severity"] == "substantive"
    assert not [e for e in amendment["effects"] if e["type"] == "modality"]
    rule = old.replace("Locks age.", "Locks age. Operators MUST check them each week.")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, rule)
    assert amendment["severity"] == "breaking"


def test_rules_of_a_new_section_that_declares_itself_optional_bind_only_its_takers(spec_repo, specdiff_json):
    """IPFS added "## DHT Routing API", opening "The DHT Routing API is OPTIONAL.", with an endpoint's
    SHOULDs and MUSTs in its subsections: each read as a rule added for every gateway, breaking. A new
    section that only says its headers are optional to send still binds whoever reads them."""
    old = "# Docks\n\nDocks MUST lock returned bikes.\n"
    optional = "## Rental API\n\nThe Rental API is OPTIONAL.\n\n### Returns\n\nThe dock MUST answer within a minute.\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, f"{old}\n{optional}")
    ruled = [a for a in amendments if a["unit"] == "clause" and "MUST" in a["new"][0]["text"]]
    assert [a["severity"] for a in ruled] == ["substantive"]
    headers = optional.replace("The Rental API is OPTIONAL.", "All request headers are optional.")
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, f"{old}\n{headers}")
    ruled = [a for a in amendments if a["unit"] == "clause" and "MUST" in a["new"][0]["text"]]
    assert [a["severity"] for a in ruled] == ["breaking"]


@pytest.mark.parametrize(("status", "severity"), [("Development", "substantive"), ("Stable", "breaking")])
def test_rules_of_a_new_section_in_development_bind_only_its_takers(spec_repo, specdiff_json, status, severity):
    """OpenTelemetry added "#### Retrieve entities", opening "**Status**: [Development](../document-status.md)",
    then "The SDK SHOULD provide a way to retrieve the entities ...": read as a rule added for every SDK,
    breaking, though no implementation has to take up a part still in development. A new stable section
    still binds everyone."""
    old = "# Docks\n\nDocks MUST lock returned bikes.\n"
    new = f"{old}\n## Waitlists\n\n**Status**: [{status}](status.md)\n\nA dock SHOULD keep a waitlist.\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    ruled = [a for a in amendments if a["unit"] == "clause" and "SHOULD" in a["new"][0]["text"]]
    assert [a["severity"] for a in ruled] == [severity]


@pytest.mark.parametrize(("licence", "severity"), [("Docks MAY support MagLock.", "substantive"), ("", "breaking")])
def test_rules_of_a_new_section_that_licenses_its_subject_bind_only_its_takers(spec_repo, specdiff_json, licence, severity):
    """The OCI image spec added "#### BLAKE3": "... The hash output length MUST be 256 bits.
    Implementations MAY implement BLAKE3 digest verification ...", read as a rule added for every
    implementation, breaking. A new section with no such licence still binds everyone."""
    old = "# Docks\n\nDocks MUST lock returned bikes.\n"
    new = f"{old}\n## MagLock\n\nA MagLock MUST release within a second. {licence}\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [a["severity"] for a in amendments if a["unit"] == "clause"] == [severity]


def test_mathematics_typeset_anew_is_editorial(spec_repo, specdiff_json):
    """Matrix typeset its Olm spec's symbols: "Bob's single-use key, Eb" became "... key, \\(E_B\\)" and
    "\\(salt\\)" became "\\(\\mathit{salt}\\)", each read as words changed, substantive. Another symbol
    is another thing, and an escaped bracket is no mathematics."""
    old = "# Keys\n\nThe dock signs each ride with its key, Kd, and the salt \\(s\\).\n"
    typeset = "# Keys\n\nThe dock signs each ride with its key, \\(K_d\\), and the salt \\(\\mathit{s}\\).\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, typeset)
    assert amendment["severity"] == "editorial"
    symbol = "# Keys\n\nThe dock's key is \\(K_d\\).\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, symbol, symbol.replace("K_d", "P_r"))
    assert amendment["severity"] == "substantive"


def test_a_marks_cell_says_something_and_a_check_mark_ticks_as_an_x_does(spec_repo, specdiff_json):
    """libp2p added a column of marks to its implementations table ("| rust | ✅ | ✅ |" -> "... | ❔ |"),
    which read as no words changed, editorial; the Dev Container spec swapped its table's "x" for "✓",
    which read as words changed, substantive, in its shortest rows."""
    head = "# Support\n\n| Dock | v1 | v2 |\n| --- | --- | --- |\n"
    old = head + "| Oslo | ✅ | ✅ |\n| Bergen | x |   |\n"
    new = head.replace("v2 |\n| --- |", "v2 | v3 |\n| --- | --- |") + "| Oslo | ✅ | ✅ | ❔ |\n| Bergen | ✓ |   |   |\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    rows = {a["new"][0]["text"].split("|")[1].strip(): a["severity"] for a in amendments if a["unit"] == "clause"}
    assert rows["Oslo"] == "substantive"
    assert rows["Bergen"] == "editorial"


def test_a_lower_case_may_does_not_count_against_capitals(spec_repo, specdiff_json):
    """SPIFFE writes every rule in capitals, and explains in plain English, where "may" says what may
    happen ("the veracity of the assertion itself may be called into question"): its lower-case
    keywords outnumbered its capitals, so the repository was not read in capitals mode, and the
    advice of its Security Considerations read as rules added, breaking."""
    rules = "Docks MUST lock returned bikes. Riders MUST pay. Bells may ring. Lights may flicker. Tyres may wear."
    old = f"# Docks\n\n{rules}\n\n## Security Considerations\n\nLocks age.\n"
    advice = old.replace("Locks age.", "Locks age. Operators should check them each week.")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, advice)
    assert amendment["severity"] == "substantive"


def test_a_status_word_dropped_is_no_slight_rewording(spec_repo, specdiff_json):
    """SPIFFE's "This document specifies an experimental identity and identity document standard ..."
    lost its "experimental" in eight files: editorial in three of them, where the paragraph was long
    enough for one word to be a slight rewording. A spec that is no longer experimental has another
    standing."""
    old = (
        "# Docks\n\nThis document specifies an experimental standard for docks that lock returned bikes, "
        "count the bikes they hold, ring a bell on each return, and report each day to the desk the bikes "
        "they lent, the bikes that came back, the faults they found, and the locks that jammed.\n"
    )
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, old.replace("an experimental", "a"))
    assert amendment["severity"] == "substantive"


def test_a_command_in_a_proposals_summary_names_what_it_does(spec_repo, specdiff_json):
    """Each IPIP opens its "## Summary" with what it proposes, "Add opt-in support for filtering
    specific network transports ...": read as a command added. SemVer's own "Summary" states its
    rules ("Given a version number MAJOR.MINOR.PATCH, increment the: ..."), and they stay rules."""
    old = "# Bells\n\n## Summary\n\nThis proposal adds a bell.\n"
    new = old + "\nAdd a bell to every dock, rung on each return.\n"
    spec_repo.commit("write", {"proposals/0042-bells.md": old, "spec.md": old})
    spec_repo.commit("change", {"proposals/0042-bells.md": new, "spec.md": new})
    files = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    grades = {f["new_path"]: [a["severity"] for a in f["amendments"]] for f in files}
    assert grades == {"proposals/0042-bells.md": ["substantive"], "spec.md": ["breaking"]}


def test_an_items_number_moved_into_its_marker_is_editorial(spec_repo, specdiff_json):
    """IPFS turned "- 1. IPFS and the Merkle DAG" into an ordered list's "1. IPFS and the Merkle DAG":
    each item read as its number gone, substantive. A number in an item's words still counts."""
    old = "# Parts\n\n- 1. The dock and its locks\n- 2. The desk\n"
    new = "# Parts\n\n1. The dock and its locks\n2. The desk\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [a["severity"] for a in amendments] == ["editorial", "editorial"]
    counted = new.replace("its locks", "its 2 locks")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, new, counted)
    assert amendment["severity"] == "substantive"


def test_shall_for_must_is_editorial(spec_repo, specdiff_json):
    """purl's type notes went from "must" to "shall" in one commit, "**Note:** `The namespace must be
    lowercased.`" among them: each short note read as reworded, substantive, and each in a code span as
    a value changed, "`... MUST NOT ...`" -> "`... shall not ...`" too. RFC 2119 gives the two words one
    meaning, and a keyword only recased is editorial; "must" to "should" weakens a rule."""
    old = (
        "# Names\n\nThe name must be lowercased.\n\n- **Note:** `The namespace MUST be lowercased.`\n\n"
        "- **Note:** `A name MUST NOT hold two colons.`\n\nA tag must be short.\n"
    )
    new = (
        old.replace("name must", "name shall").replace("MUST be", "SHALL be").replace("MUST NOT hold", "shall not hold")
    ).replace("tag must", "tag should")
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [a["severity"] for a in amendments] == ["editorial", "editorial", "editorial", "substantive"]


def test_code_points_written_anew_pair_their_items_and_their_section(spec_repo, specdiff_json):
    """TOML renamed its "Spec" section "Preliminaries" as it wrote "LF (0x0A)" as "LF (U+000A)" and said
    more of an item it moved: the items read as removed and others added, and the section as removed
    and another added."""
    old = (
        "# Docks\n\n## Terms\n\n- Docks are case-sensitive.\n- A dock file must be valid UTF-8 encoded text.\n"
        "- A gap means tab (0x09) or space (0x20).\n- A break means LF (0x0A) or CRLF (0x0D 0x0A).\n\n"
        "## Notes\n\nA hash mark starts a note that runs to the end of the line.\n"
    )
    new = (
        "# Docks\n\n## Basics\n\n- Docks are case-sensitive.\n- A gap means tab (U+0009) or space (U+0020).\n"
        "- A break means LF (U+000A) or CRLF (U+000D U+000A).\n- A dock file must be valid UTF-8 encoded text.\n\n"
        "  That is, a file _as a whole_ must form a\n  [well-formed sequence](https://example.com/glossary#sequence)\n"
        "  and will be turned away (preferably) or have each bad byte replaced\n  with U+FFFD, as the encoding standard says.\n\n"
        "## Notes\n\nA hash mark starts a note that runs to the end of the line.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    kinds = [(a["unit"], a["kind"], a["severity"]) for a in amendments]
    assert kinds[0] == ("section", "renamed", "substantive"), kinds
    assert kinds[1:3] == [("clause", "modified", "editorial")] * 2, kinds
    assert kinds[3][:2] == ("clause", "moved"), kinds


def test_a_heading_added_over_editorial_clauses_is_editorial(spec_repo, specdiff_json):
    """CloudEvents added a section per property, some holding only "See [Common Resource Properties](...)",
    and spec-kit a history page whose paragraphs each read as editorial: every heading read as substantive.
    A heading with a rule under it stays substantive."""
    old = "# Docks\n\n## Common\n\nDocks MUST be lit.\n"
    new = old + "\n## Origin\n\nSee [Common](#common).\n\n## Colour\n\nDocks MUST be green.\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    headings = [(a["new"][0]["text"], a["severity"]) for a in amendments if a["unit"] == "section"]
    assert headings == [("Origin", "editorial"), ("Colour", "substantive")], headings


def test_a_heading_put_over_text_that_stood_there_is_editorial(spec_repo, specdiff_json):
    """TUF put "### Object format" over the first paragraphs of "## General principles", unchanged, to
    make them a subsection: the heading read as a section added, substantive. A heading put over a rule
    that came with it stays substantive."""
    old = "# Docks\n\n## General\n\nDocks MUST be lit.\n\nA dock has a number.\n"
    new = "# Docks\n\n## General\n\n### Lights\n\nDocks MUST be lit.\n\nA dock has a number.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert (amendment["unit"], amendment["kind"], amendment["severity"]) == ("section", "added", "editorial"), amendment
    grown = new.replace("### Lights\n\n", "### Lights\n\nDocks MUST be green.\n\n")
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, grown)
    assert [(a["unit"], a["severity"]) for a in amendments] == [("section", "substantive"), ("clause", "breaking")]


_FIELDS_TABLE = """# Docks

The dock document MUST be valid JSON.

## Dock Object

Field Name | Type | Required | Description
---|:---:|---|---
name | `string` | Yes | The dock's name.
slots | {slots} | Yes | The dock's slots.
"""


def test_a_pipe_in_a_cell_written_otherwise_is_editorial(spec_repo, specdiff_json):
    """OpenAPI wrote the pipe between a field's types as "<span>&#124;</span>", then as "\\|" (GitHub
    shows both in the cell): each row read as its cells shifted, a wording changed, substantive."""
    old = _FIELDS_TABLE.format(slots="[Slot Object](#slot) <span>&#124;</span> [Reference Object](#ref)")
    new = _FIELDS_TABLE.format(slots="[Slot Object](#slot) \\| [Reference Object](#ref)")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert (amendment["kind"], amendment["severity"]) == ("modified", "editorial")


def test_a_type_that_gained_an_alternative_in_its_cell_is_a_change(spec_repo, specdiff_json):
    """AsyncAPI let a field hold a Reference Object too: "[Schema Object]" -> "[Schema Object] \\| [Reference
    Object]". The type says what the field may hold: more than a slight rewording."""
    old = _FIELDS_TABLE.format(slots="[Slot Object](#slot)")
    new = _FIELDS_TABLE.format(slots="[Slot Object](#slot) \\| [Reference Object](#ref)")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert (amendment["kind"], amendment["severity"]) == ("modified", "substantive")


def test_an_escaped_pipe_stays_in_its_cell(spec_repo, specdiff_json):
    """A2A's required fields of a union type ("| `file` | `FileWithBytes` \\| `FileWithUri` | Yes |") read
    their "Yes" under the Description header, the escaped pipe taken for a cell's end: the row removed
    read as no rule gone, while each other required field removed from the table broke."""
    old = _FIELDS_TABLE.format(slots="`Slot` \\| `Stub`")
    new = old.replace("slots | `Slot` \\| `Stub` | Yes | The dock's slots.\n", "")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert (amendment["kind"], amendment["severity"]) == ("removed", "breaking")
    assert [(e["type"], e["old"]) for e in amendment["effects"]] == [("value", "slots"), ("modality", "Yes")]

def test_however_with_no_comma_joins_a_rule_not_a_comparison(spec_repo, specdiff_json):
    """GraphQL's "However it must not be a modified Non-Null type" and LSP's "Cell text documents have
    an URI however servers should not rely on any format for this URI" read "however" as in "however
    often the client should retry": no rule. Added, the first forbids; re-punctuated ("have a URI, but
    servers should not rely ..."), the second is the same rule, not one added with its subject widened."""
    base = "# Docks\n\nDocks hold bikes.\n"
    nested = base + "\nDocks nest. However a dock must not hold itself.\n"
    (added,) = _amendments_of_change(spec_repo, specdiff_json, base, nested)
    assert (added["kind"], added["severity"]) == ("added", "breaking")
    assert [(e["type"], e["new"]) for e in added["effects"]] == [("modality", "must not")]
    old = base + "\nDocks have an URI however riders should not rely on its format since the desk makes it.\n"
    new = base + "\nDocks have a URI, but riders should not rely on its format, since the desk makes it.\n"
    (reworded,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert (reworded["kind"], reworded["severity"]) == ("modified", "editorial")

_FRONT_PAGE = """# Dock Protocol Version 1.0

## Committee Draft 01

## {date}

#### Chairs:
{chair} \\
Bo Lind (<bo@example.org>)

## Citation

_Dock Protocol Version 1.0_. Edited by Ann Lee. {date}. Committee Draft.

## Notices

Copyright © Dock Open {year}. All Rights Reserved.

## Returns

A rider MUST return a bike by 22:00.

Returns close on {closing}.
"""


def test_the_day_a_draft_was_written_and_its_chairs_change_no_rule(spec_repo, specdiff_json):
    """Each new SARIF draft puts its day on the front page ("## 07 August 2025" -> "## 04 December 2025"),
    in its citation and in its copyright line, and one changed its chairs: the heading read as a section
    merged into an added one, the rest as numbers and words changed, substantive. A day that says when
    something happens ("Returns close on ...") is a schedule: it still changes."""
    old = _FRONT_PAGE.format(date="07 August 2025", chair="Cy Moss (<cy@example.org>)", year="2025", closing="1 June 2026")
    new = _FRONT_PAGE.format(date="04 December 2025", chair="Di Park (<di@example.org>)", year="2026", closing="1 June 2026")
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert sorted((a["kind"], a["severity"]) for a in amendments) == [("modified", "editorial")] * 3 + [("renamed", "editorial")]
    rescheduled = new.replace("1 June 2026", "1 July 2026")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, new, rescheduled)
    assert amendment["severity"] != "editorial"

_DOCK_STEPS = """# Docks

Version: **{release}**

## Returning a bike

{first}. **Check the lock.** The rider MUST close the lock.

{second}. **Repeat steps {first} to {second}** for each bike. If the dock is full, go to step {third}.

{third}. **Find another dock.**
"""


def test_steps_renumbered_by_hand_and_the_release_bumped_change_no_rule(spec_repo, specdiff_json):
    """TUF numbered its client's steps by hand ("**5.2.3**. **Check ...**", "Repeat steps 1.1 to 1.8",
    "go to step 5.5") and stamped each release "Version: **1.0.16**": a step put in renumbered every one
    after it, each read as a number changed, breaking where a reference sat in a sentence, and each
    release's stamp as reworded, substantive. A count beside a renumbered step still changes."""
    old = _DOCK_STEPS.format(release="1.0.5", first="**1.1**", second="**1.2**", third="1.3")
    new = _DOCK_STEPS.format(release="1.0.6", first="**2.1**", second="**2.2**", third="2.3")
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [(a["severity"], [e["type"] for e in a["effects"]]) for a in amendments] == [("editorial", ["editorial"])] * 4
    recounted = new.replace("for each bike", "for 2 bikes")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, new, recounted)
    assert amendment["severity"] != "editorial"
    # TUF's "* **1.4. Check for a rollback attack.** ... must be less than ..." -> "* **5.1.4. ...** MUST
    # ...": the label's sentence ends at its dot, and a keyword only recased changes nothing
    old = "# Docks\n\n* **1.4. Check the lock.** The rider must close the lock before the ride ends.\n"
    new = "# Docks\n\n* **5.1.4. Check the lock.** The rider MUST close the lock before the ride ends.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [e["type"] for e in amendment["effects"]] == ["editorial"]


def test_a_thing_a_rule_names_beside_another_dropped_is_no_slight_rewording(spec_repo, specdiff_json):
    """The OCI distribution spec's "A client that pushes an image or artifact manifest with a defined
    `subject` field MUST verify ..." lost "or artifact", read as a slight rewording in a long sentence,
    editorial: the rule reaches fewer things. A word swapped for another is left to the rewording's size."""
    old = "# Docks\n\nA rider who parks a bike or scooter at a dock that shows a full sign MUST tell the desk within the hour.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, old.replace(" or scooter", ""))
    assert amendment["severity"] == "substantive"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, old.replace("full sign", "red sign"))
    assert amendment["severity"] == "editorial"


def test_a_grammars_fence_label_and_a_stray_space_in_a_code_span_are_markup(spec_repo, specdiff_json):
    """The OCI image spec's lint pass labelled its grammars ("```" -> "```ebnf"), read as each example
    changed, and trimmed "Group ID (`gid `)", read as a value renamed, breaking."""
    old = "# Docks\n\n- Dock ID (`did `) MUST be set.\n\n```\ndock ::= letter digit*\n```\n"
    new = "# Docks\n\n- Dock ID (`did`) MUST be set.\n\n```ebnf\ndock ::= letter digit*\n```\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [(a["severity"], [e["type"] for e in a["effects"]]) for a in amendments] == [("editorial", ["editorial"])] * 2
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, new, new.replace("digit*", "digit+"))
    assert amendment["severity"] == "substantive"


def test_a_json_samples_members_reordered_are_the_same_data(spec_repo, specdiff_json):
    """The OCI image spec put each descriptor's "digest" before its "size" throughout its examples, each
    read as an example changed, substantive: an object's members have no order."""

    def sample(digest_first: bool) -> str:
        members = [('"size": {n}0', '"digest": "sha256:{n}f{n}"')[:: -1 if digest_first else 1] for _ in range(5)]
        bays = ",\n".join("    {" + ", ".join(members[n]).format(n=n + 1) + "}" for n in range(5))
        return f'# Docks\n\nA dock:\n\n```json\n{{\n  "bays": [\n{bays}\n  ]\n}}\n```\n'

    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, sample(False), sample(True))
    assert (amendment["severity"], [e["type"] for e in amendment["effects"]]) == ("editorial", ["editorial"])
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, sample(False), sample(False).replace("3f3", "4f4"))
    assert amendment["severity"] == "substantive"


@pytest.mark.parametrize(("name", "severity"), [("attributes", "substantive"), ("stationattributes", "editorial")])
def test_a_json_samples_member_renamed_is_an_example_changed(spec_repo, specdiff_json, name, severity):
    """in-toto renamed a member of its SCAI samples, "subjectAttributes" -> "attributes": read as a small
    example edit, editorial, though a reader who copies it writes another field. A name only respelled
    ("stationAttributes" -> "stationattributes") is still a slip."""
    sample = '# Docks\n\nA dock:\n\n```json\n{{\n  "{}": [{{"kind": "bell"}}]\n}}\n```\n'
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, sample.format("stationAttributes"), sample.format(name))
    assert amendment["severity"] == severity, amendment


def test_a_term_renamed_empty_in_a_links_words_negates_nothing(spec_repo, specdiff_json):
    """The OCI image spec renamed its "scratch" descriptor "empty": "MUST be set to the [scratch
    value](...)" -> "the [empty value](...)" read as the rule turned round, breaking. Words of a link
    name a thing; "MUST be empty" still says what may not be there."""
    old = "# Docks\n\nA new dock's log MUST be set to the [spare value](#blank).\n\n## Blank\n\nNo rides yet.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, old.replace("[spare value]", "[empty value]"))
    assert amendment["severity"] != "breaking"
    assert [e for e in amendment["effects"] if e["type"] in ("modality", "negation")] == []


def test_a_release_in_a_sample_is_a_value_it_holds(spec_repo, specdiff_json):
    old = '# Docks\n\nA dock MUST say which release it speaks:\n\n```json\n{"version": "1.1"}\n```\n'
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, old.replace("1.1", "1.2"))
    assert (amendment["severity"], [e["type"] for e in amendment["effects"]]) == ("substantive", ["example"])


_DOCK_FIELDS = """# Docks

A dock document MUST be valid JSON.

## Dock Object

Field Name | Type | Description
---|:---:|---
name | `string` | **REQUIRED**. The dock's name.
{row}
"""


@pytest.mark.parametrize(
    ("row", "severity"),
    [
        ("^x- | Any | Allows extensions. The field name MUST begin with `x-`.", "substantive"),
        ("night | `string` | The closing time. This MUST be in the form of a time of day.", "substantive"),
        ("night | `string` | **REQUIRED**. The closing time. This MUST be in the form of a time of day.", "breaking"),
        ("night | `string` | The closing time. Every kiosk MUST show it.", "breaking"),
        ("closingHour | `string` | The closing time. The hour MUST be unique among all docks.", "substantive"),
    ],
    ids=["own-value", "no-subject-but-this", "required", "another-holder", "named-by-its-name"],
)
def test_a_rule_on_a_new_optional_fields_own_value_breaks_nothing(spec_repo, specdiff_json, row, severity):
    """OpenAPI added to each object's table a row "^x- | Any | Allows extensions ... The field name MUST
    begin with `x-`", and a `jsonSchemaDialect` row whose value "MUST be in the form of a URI": each read
    as an obligation added, breaking (11 in a review of OpenAPI), and so did AsyncAPI's new "messageId"
    row's "The id MUST be unique among all messages". Only a document that sets the new field is bound.
    A required field, or a rule with a holder of its own, still breaks."""
    old = _DOCK_FIELDS.format(row="")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, _DOCK_FIELDS.format(row=row))
    assert (amendment["kind"], amendment["severity"]) == ("added", severity)


def test_a_field_renamed_or_removed_in_a_table_of_fields_breaks(spec_repo, specdiff_json):
    """AsyncAPI 3.0 renamed its OAuth flow's row "scopes | Map[...] | **REQUIRED**. The available scopes
    ..." to "availableScopes | ...", read as editorial, and dropped the root object's "externalDocs |
    [External Documentation Object](...) | Additional external documentation." row, read as substantive
    since no word of force went with it. A document that sets the old field sets one the spec no longer
    knows. A row of a table that names other things ("Name": an SDK) is no field."""
    sdks = "\n## SDKs\n\nName | Language\n---|---\nPedal | Go\n{row}\n"
    old = _DOCK_FIELDS.format(row="night | `string` | The closing time.") + sdks.format(row="Saddle | Rust")
    new = _DOCK_FIELDS.format(row="").replace("name |", "dockName |") + sdks.format(row="")
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    found = {
        (a["kind"], a["severity"], tuple((e["type"], e["old"], e["new"], e["direction"]) for e in a["effects"]))
        for a in amendments
    }
    assert found == {
        ("modified", "breaking", (("value", "name", "dockName", None),)),
        ("removed", "breaking", (("value", "night", None, "field_removed"),)),
        ("removed", "substantive", ()),
    }, found


@pytest.mark.parametrize(
    ("field", "severity"),
    [("OPTIONAL", "substantive"), ("REQUIRED", "breaking")],
)
def test_a_rule_on_a_new_optional_field_defined_in_a_list_item_breaks_nothing(spec_repo, specdiff_json, field, severity):
    """The OCI image spec added "- **`artifactType`** *string* This OPTIONAL property contains ... If
    defined, the value MUST comply with [RFC 6838]": read as an obligation added, breaking (in both
    reviews of the image spec). A required field's rule still breaks."""
    old = "# Docks\n\n- **`name`** *string*\n\n  This REQUIRED property names the dock.\n"
    item = f"- **`night`** *string*\n\n  This {field} property holds the closing time.\n  If set, the value MUST be a time.\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, f"{old}\n{item}")
    assert [(a["kind"], a["severity"]) for a in amendments] == [("added", severity)]


def test_a_rule_on_a_property_a_new_section_adds_breaks_nothing(spec_repo, specdiff_json):
    """SARIF added a section opening "A `notification` object **MAY** contain a property named
    `relatedLocations` ...", then "The `relatedLocations` property **SHOULD** allow ...": read as an
    obligation added, breaking. Its section number, in a link's label ("[§5.3](#...)"), is no number."""
    old = "# Docks\n\n## Dock object\n\nA dock object MUST have a name.\n"
    new = old + (
        "\n### night property\n\nA dock object MAY contain a property named `night` whose value is a time.\n\n"
        "The `night` property SHOULD follow [§5.3](#times).\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [(a["kind"], a["severity"]) for a in amendments if a["unit"] == "clause"] == [("added", "substantive")] * 2
    assert not [e for a in amendments for e in a["effects"] if e["type"] == "number"]

def test_an_algorithms_steps_are_no_commands_but_its_keywords_rule(spec_repo, specdiff_json):
    """GraphQL lists each algorithm's steps under its signature ("ExecuteQuery(query, schema):"): its
    "- Return {false}." and "- Add {name} to {visited}." read as commands added, breaking, beside "Let"
    and "If" steps read as no rule (31 in a review of GraphQL). A step's keyword still rules."""
    old = "# Docks\n\n## Checking\n\nCheckDock(dock):\n\n- Let {slots} be the slots of {dock}.\n"
    new = old + "- If {slots} is empty:\n  - Return {false}.\n- {IsOpen(dock)} must be {true}.\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [(a["new"][0]["text"].strip(), a["severity"]) for a in amendments] == [
        ("- If {slots} is empty:", "substantive"),
        ("- Return {false}.", "substantive"),
        ("- {IsOpen(dock)} must be {true}.", "breaking"),
    ]

def test_a_word_of_force_in_a_quoted_error_message_is_the_messages(spec_repo, specdiff_json):
    """GraphQL's tables of examples give the message each input fails with ("| `{ a: 1, b: 2 }` | `{}` |
    Error: Exactly one key must be specified |"): each row read as an obligation added, breaking (11 in
    a review of GraphQL)."""
    old = "# Docks\n\nA dock MUST hold one bike.\n\n| Input | Result |\n| --- | --- |\n| `{ a: 1 }` | `{ a: 1 }` |\n"
    new = old + "| `{ a: 1, b: 2 }` | Error: Exactly one key must be specified |\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert (amendment["kind"], amendment["severity"]) == ("added", "substantive")
    assert not [e for e in amendment["effects"] if e["type"] == "modality"]


def test_a_sentence_that_points_to_the_rules_elsewhere_adds_none(spec_repo, specdiff_json):
    """OpenAPI added "See the rules for resolving [Relative References](#relative-references)." to a
    field's row and as a paragraph of its own: read as a wording changed, substantive. Only a "See
    [link]" sentence read as a pointer; words before the link are still one."""
    old = "# Docks\n\n## Fields\n\nField | Description\n--- | ---\nurl | The dock's address. This MUST be a URL.\n"
    new = old.replace("a URL.", "a URL. See the rules for resolving [Relative Addresses](#relative).")
    new += "\nSee the rules for resolving [Relative Addresses](#relative).\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert sorted((a["kind"], a["severity"]) for a in amendments) == [("added", "editorial"), ("modified", "editorial")]


@pytest.mark.parametrize(
    ("after", "severity"),
    [
        ("dock:\n  slots: 4\nname: Oslo\n", "substantive"),
        ("dock:\n    slots: 4\n    name: Oslo\n", "editorial"),
        ("dock:\n  slots:\n  - 4\n  name: Oslo\n", "editorial"),
    ],
    ids=["key-moved-out", "re-indented-alike", "item-at-its-keys-indent"],
)
def test_a_yaml_samples_indent_nests_its_keys(spec_repo, specdiff_json, after, severity):
    """OpenAPI moved an example's `name:` from under `id:` to beside it by unindenting one line: read
    as spaces changed, editorial. In YAML the indent is the structure; re-indenting it the same way
    throughout, or a sequence set at its key's indent, nests alike."""
    before = "dock:\n  slots:\n    - 4\n  name: Oslo\n" if "- 4" in after else "dock:\n  slots: 4\n  name: Oslo\n"
    old = f"# Docks\n\nA dock MUST have a name.\n\n```yaml\n{before}```\n"
    new = f"# Docks\n\nA dock MUST have a name.\n\n```yaml\n{after}```\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert (amendment["kind"], amendment["severity"]) == ("modified", severity)

@pytest.mark.parametrize(
    "after",
    ['{\n  "dock": {\n    "slots": 4,\n    "lit": true\n  }\n}\n', '{\n  "dock": {\n    "slots": 4\n  },\n  "lit": false\n}\n'],
    ids=["key-moved-inside", "literal-flipped"],
)
def test_a_json_samples_brackets_and_literals_say_what_it_shows(spec_repo, specdiff_json, after):
    """OpenAPI moved a JSON sample's `}` to put `Cat` and `Dog` inside `definitions`, and flipped
    `"wrapped": false` to `true` in the sample that shows wrapping: each read as marks or a word
    respelled, editorial."""
    before = '{\n  "dock": {\n    "slots": 4\n  },\n  "lit": true\n}\n'
    old = f"# Docks\n\nA dock MUST have a name.\n\n```json\n{before}```\n"
    new = f"# Docks\n\nA dock MUST have a name.\n\n```json\n{after}```\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert (amendment["kind"], amendment["severity"]) == ("modified", "substantive")

def test_or_both_added_to_what_a_rule_requires_is_one_more_way_to_comply(spec_repo, specdiff_json):
    """OpenAPI's "the consumes MUST be either "multipart/form-data" or "application/x-www-form-urlencoded""
    gained "or both": read as the rule narrowed, breaking. Both at once is one more way to comply."""
    old = "# Docks\n\nA dock MUST take either `cards` or `coins`.\n"
    new = old.replace("`cards` or `coins`", "`cards`, `coins` or both")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert (amendment["severity"], [e["direction"] for e in amendment["effects"]]) == ("substantive", ["broadened"])

def test_ex_and_eg_are_one_abbreviation(spec_repo, specdiff_json):
    """GraphQL turned each "(ex. `[1, 2, 3]`)" into "(e.g. `[1, 2, 3]`)": read as a wording changed,
    substantive (3 in a second review of GraphQL)."""
    old = "# Docks\n\nSlots are listed in square brackets (ex. `[1, 2]`). A dock MUST list its slots.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, old.replace("(ex.", "(e.g."))
    assert (amendment["kind"], amendment["severity"]) == ("modified", "editorial")

def test_a_type_changed_in_a_schema_block_is_no_slip(spec_repo, specdiff_json):
    """OpAMP's protobuf messages and MCP's TypeScript interfaces are the schema: one word changed in
    them ("bytes" -> "string", "params?:" -> "params:") had read as an editorial slip of an example,
    then as an example changed; it is a field changed, which binds."""

    def spec(kind: str, note: str, optional: str) -> str:
        message = f"```protobuf\nmessage Dock {{\n    {kind} dock_id = 1; // {note}\n    uint32 bikes = 2;\n}}\n```"
        interface = f"```typescript\ninterface Booking {{\n  /** {note} */\n  dock{optional}: string;\n  rider: string;\n}}\n```"
        return f"# Messages\n\n## Dock\n\n{message}\n\n## Booking\n\n{interface}\n"

    spec_repo.commit("first", {"spec.md": spec("bytes", "the dock", "?")})
    spec_repo.commit("typed", {"spec.md": spec("string", "the dock", "")})
    spec_repo.commit("noted", {"spec.md": spec("string", "the [dock](#dock)", "")})
    typed = [
        (a["severity"], [(e["old"], e["new"], e["direction"]) for e in a["effects"]])
        for f in specdiff_json("-C", spec_repo.path, "HEAD~2", "HEAD~1")["files"]
        for a in f["amendments"]
    ]
    noted = [a["severity"] for f in specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"] for a in f["amendments"]]
    assert typed == [
        ("breaking", [("Dock.bytes dock_id = 1", "Dock.string dock_id = 1", "field_changed")]),
        ("breaking", [("Booking.dock?: string", "Booking.dock: string", "field_changed")]),
    ]
    assert noted == ["editorial", "editorial"], "comments of the schema reworded"


def test_a_graphql_type_is_a_schema_and_its_fields_arguments_are_read(spec_repo, specdiff_json):
    """GraphQL's spec states its introspection schema as ```graphql blocks of "type __Type {": "name: String" ->
    "String!" and "fields(includeDeprecated: Boolean = false)" -> "Boolean! = false" read as an example's
    slip, editorial. The block declares the schema; each is a field changed, which binds."""
    block = "```graphql\ntype Dock {{\n  id: ID!\n  name: {}\n  bikes(includeBroken: {} = false): [Bike!]\n}}\n```"
    changes = [("String", "Boolean"), ("String!", "Boolean"), ("String!", "Boolean!")]
    spec_repo.commit("first", {"spec.md": f"# Introspection\n\n{block.format(*changes[0])}\n"})
    found = []
    for name, argument in changes[1:]:
        spec_repo.commit("typed", {"spec.md": f"# Introspection\n\n{block.format(name, argument)}\n"})
        (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
        found += [(a["severity"], [(e["new"], e["direction"]) for e in a["effects"]]) for a in file["amendments"]]
    assert found == [
        ("breaking", [("Dock.name: String!", "field_changed")]),
        ("breaking", [("Dock.bikes(includeBroken: Boolean! = false): [Bike!]", "field_changed")]),
    ]
    counter = "```graphql counter-example\ntype Dock {{\n  {}\n  {}\n}}\n```"
    spec_repo.commit("counter", {"spec.md": f"# Validation\n\n{counter.format('self: Dock', 'value: Int')}\n"})
    spec_repo.commit("reordered", {"spec.md": f"# Validation\n\n{counter.format('value: Int', 'self: Dock')}\n"})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    assert [a["severity"] for a in file["amendments"]] == ["editorial"], "a counter-example shows a schema, states none"


def test_a_tls_struct_is_a_schema_named_at_its_close(spec_repo, specdiff_json):
    """DAP writes its messages in the TLS presentation language, "struct { ... } CollectionJobResp;":
    "PartialBatchSelector part_batch_selector;" taken out, "uint32" made "uint64" and a field added read as
    an example changed, substantive. Each is a field of the message on the wire; a comment reworded is
    still the block's prose, a member added to an enum only names a new value, and the struct's own name
    is no part of the message."""

    def spec(fields: str, note: str, members: str) -> str:
        return (
            f"# Messages\n\n~~~ tls-presentation\nstruct {{\n{fields}}} Ride; /* {note} */\n\n"
            f"enum {{\n  bike(0),\n{members}  (255)\n}} Kind;\n~~~\n"
        )

    base = spec("  uint32 count;\n  opaque dock_id<0..255>;\n", "the ride", "")
    read = []
    for changed in (
        spec("  uint64 count;\n  opaque dock_id<0..255>;\n", "the ride", ""),
        spec("  uint32 count;\n", "the ride", ""),
        spec("  uint32 count;\n  opaque dock_id<0..255>;\n", "the [ride](#ride)", ""),
        spec("  uint32 count;\n  opaque dock_id<0..255>;\n", "the ride", "  trike(1),\n"),
    ):
        (amendment,) = _amendments_of_change(spec_repo, specdiff_json, base, changed)
        read.append((amendment["severity"], [(e["old"], e["new"], e["direction"]) for e in amendment["effects"]]))
    assert read == [
        ("breaking", [("Ride.uint32 count", "Ride.uint64 count", "field_changed")]),
        ("breaking", [("Ride.opaque dock_id<0..255>", None, "field_removed")]),
        ("editorial", [(None, None, None)]),
        ("substantive", [(None, "Kind.trike(1)", "field_added")]),
    ], read
    # a struct renamed with the same fields is a type renamed, and a comma mended is layout
    (renamed,) = _amendments_of_change(spec_repo, specdiff_json, base, base.replace("} Ride;", "} Trip;"))
    assert not [e for e in renamed["effects"] if e["type"] == "value"], renamed
    (mended,) = _amendments_of_change(spec_repo, specdiff_json, base.replace("bike(0),", "bike(0)"), base)
    assert mended["severity"] == "editorial", mended


def test_a_struct_renamed_with_its_fields_types_keeps_its_fields(spec_repo, specdiff_json):
    """MLS renamed "MLSAuthenticatedContent" to "AuthenticatedContent" and its `content`'s type "MLSContent" to
    "FramedContent": read as every field removed and added again. Fields of the same names, in the same order,
    are the same fields; the one whose type changed says so."""
    struct = "# Messages\n\n~~~ tls\nstruct {{\n  uint8 kind;\n  {} body;\n}} {};\n~~~\n"
    (amendment,) = _amendments_of_change(
        spec_repo, specdiff_json, struct.format("DockBody", "DockMessage"), struct.format("RideBody", "RideMessage")
    )
    assert [(e["old"], e["new"], e["direction"]) for e in amendment["effects"]] == [
        ("RideMessage.DockBody body", "RideMessage.RideBody body", "field_changed")
    ]


def test_fields_that_came_or_went_in_a_schema_block_say_whether_they_bind(spec_repo, specdiff_json):
    """LSP's TypeScript interfaces are its protocol: a field removed or added read as "example changed".
    A field gone binds; one added binds only when required where its owner stood before."""

    def spec(fields: str) -> str:
        return f"# Messages\n\n```typescript\ninterface Booking {{\n  rider: string;\n{fields}}}\n```\n"

    spec_repo.commit("first", {"spec.md": spec("  dock: string;\n")})
    spec_repo.commit("optional", {"spec.md": spec("  dock: string;\n  fee?: {\n    amount: number;\n  };\n")})
    spec_repo.commit("required", {"spec.md": spec("  dock: string;\n  fee?: {\n    amount: number;\n  };\n  bay: number;\n")})
    spec_repo.commit("removed", {"spec.md": spec("  fee?: {\n    amount: number;\n  };\n  bay: number;\n")})

    def read(base: str, head: str) -> list[tuple[str, list[str | None]]]:
        (file,) = specdiff_json("-C", spec_repo.path, base, head)["files"]
        return [(a["severity"], [e["new"] or e["old"] for e in a["effects"]]) for a in file["amendments"]]

    assert read("HEAD~3", "HEAD~2") == [("substantive", ["Booking.fee?: {…}", "Booking.fee.amount: number"])]
    assert read("HEAD~2", "HEAD~1") == [("breaking", ["Booking.bay: number"])]
    assert read("HEAD~1", "HEAD") == [("breaking", ["Booking.dock: string"])]


def test_a_number_written_in_its_type_is_the_same_number(spec_repo, specdiff_json):
    """The consensus specs wrote each constant's value in its type, "`0`" -> "`Uint64(0)`": each row read
    as reworded and its number as gone. A value changed inside the type is still a number changed."""
    table = "# Constants\n\n| Name | Value |\n| - | - |\n| `BAY_INDEX` | `{}` |\n| `DOCK_SIZE` | `{}` |\n"
    spec_repo.commit("first", {"spec.md": table.format("0", "2**4")})
    spec_repo.commit("typed", {"spec.md": table.format("Uint64(0)", "uint64(2**4)")})
    spec_repo.commit("changed", {"spec.md": table.format("Uint64(1)", "uint64(2**4)")})

    def read(base: str, head: str) -> list[tuple[str, list[str]]]:
        (file,) = specdiff_json("-C", spec_repo.path, base, head)["files"]
        return [(a["severity"], [e["type"] for e in a["effects"]]) for a in file["amendments"]]

    assert read("HEAD~2", "HEAD~1") == [("editorial", ["editorial"]), ("editorial", ["editorial"])]
    assert read("HEAD~1", "HEAD") == [("substantive", ["number"])]  # as "`0`" -> "`1`" reads


def test_a_table_that_drops_its_unit_column_changes_no_row(spec_repo, specdiff_json):
    """The consensus specs dropped the "Unit" column of their constants tables: each row read as reworded.
    A value changed in the same commit still reads, and so does a "Required" column dropped."""
    old = "# Constants\n\n| Name | Value | Unit |\n| - | - | - |\n| `SLOTS` | `32` | slots |\n| `BAYS` | `8` | bays |\n"
    new = "# Constants\n\n| Name | Value |\n| - | - |\n| `SLOTS` | `32` |\n| `BAYS` | `9` |\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    found = [(a["new"][0]["text"], a["severity"]) for a in amendments]
    assert found == [
        ("| Name | Value |", "editorial"),
        ("| `SLOTS` | `32` |", "editorial"),
        ("| `BAYS` | `9` |", "substantive"),
    ], found


def test_code_blocks_whose_fences_changed_from_backticks_to_tildes_are_unchanged(spec_repo, specdiff_json):
    # A one-line block is mostly fence: compared with its fences, it was removed and added.
    def spec(fence: str, info: str) -> str:
        return (
            "# Gauges\n\nA gauge reports one reading.\n\n"
            f"{fence}{info}\nharbour_depth_metres 12\n{fence}\n\nReadings are whole numbers.\n\n"
            f"{fence}\nharbour_depth_metres{{}} 12\n{fence}\n"
        )

    spec_repo.commit("write", {"spec.md": spec("```", "")})
    spec_repo.commit("tilde fences", {"spec.md": spec("~~~~", "")})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1")["files"]
    assert file["amendments"] == [], "the file changed, its clauses did not"
    spec_repo.commit("an info string", {"spec.md": spec("~~~~", " text")})
    changed = specdiff_json("-C", spec_repo.path, "HEAD~1")["files"][0]["amendments"]
    assert [(a["kind"], a["new"][0]["lines"]) for a in changed] == [("modified", [5, 7])]


def test_the_text_output_names_the_words_that_narrowed_a_rule(spec_repo, specdiff):
    # A breaking grade that rests on words added to what a rule asks says which words, not
    # "no obligation, number or condition changed".
    spec_repo.commit("write", {"spec.md": "# Tickets\n\nEvery ticket MUST carry a name.\n"})
    spec_repo.commit("narrow", {"spec.md": "# Tickets\n\nEvery ticket MUST carry a printed name.\n"})
    shown = specdiff("-C", spec_repo.path, "HEAD~1")
    assert "modified · breaking" in shown.out
    assert "wording: — → printed (narrowed, worth a read)" in shown.out
    assert "no obligation, number or condition changed" not in shown.out


def test_a_block_of_link_definitions_added_is_editorial(spec_repo, specdiff_json):
    body = "# Fares\n\nSee [the day fare][day] and [the week fare][week].\n"
    spec_repo.commit("write", {"spec.md": body})
    spec_repo.commit("link targets", {"spec.md": body + "\n[day]: fares/day.md\n[week]: fares/week.md\n"})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1")["files"]
    assert [(a["kind"], a["severity"]) for a in file["amendments"]] == [("added", "editorial")]


def test_tag_lines_around_a_note_are_editorial(spec_repo, specdiff_json):
    rule = "Riders MUST lock their bikes at a dock.\n"
    spec_repo.commit("write", {"spec.mdx": "# Docks\n\n" + rule})
    spec_repo.commit("boxed", {"spec.mdx": "# Docks\n\n<Note>\n\n" + rule + "\n</Note>\n\n<!-- toc -->\n"})
    spec_repo.commit("warned", {"spec.mdx": "# Docks\n\n<Warning>\n\n" + rule + "\n</Warning>\n\n<!-- toc -->\n"})
    for base, head in (("HEAD~2", "HEAD~1"), ("HEAD~1", "HEAD")):
        (file,) = specdiff_json("-C", spec_repo.path, base, head)["files"]
        assert file["amendments"], "the tags are shown"
        assert {a["severity"] for a in file["amendments"]} == {"editorial"}, "a reader sees none of their words"


def test_yes_in_a_required_column_obliges_and_no_licenses(spec_repo, specdiff_json):
    def card(rows: str) -> str:
        header = "| Field | Type | Required | Description |\n|---|---|---|---|\n"
        return "# Card\n\n" + header + "| `name` | `string` | Yes | The name. |\n" + rows

    spec_repo.commit("write", {"spec.md": card("")})
    spec_repo.commit("a required field", {"spec.md": card("| `berth` | `string` | Yes | The home berth. |\n")})
    spec_repo.commit("made optional", {"spec.md": card("| `berth` | `string` | No | The home berth. |\n")})
    (added,) = specdiff_json("-C", spec_repo.path, "HEAD~2", "HEAD~1")["files"][0]["amendments"]
    (relaxed,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"][0]["amendments"]
    assert (added["kind"], added["severity"]) == ("added", "breaking")
    assert (relaxed["kind"], relaxed["severity"]) == ("modified", "breaking")
    effects = [(e["type"], e["old"], e["new"], e["direction"]) for e in relaxed["effects"]]
    assert effects == [("modality", "Yes", "No", "weakened")], "the cell's 'No' negates nothing"


def test_a_requirement_level_cell_obliges_as_its_level_says(spec_repo, specdiff_json):
    def table(level: str) -> str:
        header = "| Key | [Requirement Level](levels.md) | Type |\n|---|---|---|\n"
        return "# Berths\n\n" + header + "| `berth.name` | `Required` | string |\n| `berth.depth` | " + level + " | int |\n"

    spec_repo.commit("write", {"spec.md": table("`Recommended`")})
    spec_repo.commit("required", {"spec.md": table("`Conditionally Required` If the berth is tidal.")})
    spec_repo.commit("required always", {"spec.md": table("`Required`")})
    spec_repo.commit("recommended", {"spec.md": table("`Recommended`")})
    (stricter,) = specdiff_json("-C", spec_repo.path, "HEAD~3", "HEAD~2")["files"][0]["amendments"]
    (looser,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"][0]["amendments"]
    assert ("modality", "Recommended", "Conditionally Required", "strengthened") in [
        (e["type"], e["old"], e["new"], e["direction"]) for e in stricter["effects"]
    ]
    assert stricter["severity"] == "breaking" and looser["severity"] != "breaking"
    assert [(e["type"], e["direction"]) for e in looser["effects"] if e["type"] == "modality"] == [("modality", "weakened")]


def test_renumbered_sections_and_their_table_of_contents_are_editorial(spec_repo, specdiff_json):
    """SPIFFE inserted a section: every heading after it and the table of contents (one paragraph
    of "2.1. [Title](#anchor)" lines) were renumbered, which read as numbers changed."""

    def spec(*sections: str) -> str:
        contents = "  \n".join(f"{n}\\. [{title}](#{n}-{title.lower()})" for n, title in enumerate(sections, 1))
        body = "".join(f"## {n}. {title}\n\n{title} MUST be kept.\n\n" for n, title in enumerate(sections, 1))
        return f"# Harbour\n\n{contents}\n\n{body}"

    amendments = _amendments_of_change(spec_repo, specdiff_json, spec("Berths", "Lights"), spec("Berths", "Buoys", "Lights"))
    found = [(a["unit"], a["kind"], a["severity"], a["new"][0].get("heading")) for a in amendments]
    assert found == [
        ("clause", "modified", "editorial", "Harbour"),  # the table of contents
        ("section", "added", "substantive", "2. Buoys"),
        ("clause", "added", "breaking", "2. Buoys"),
        ("section", "renamed", "editorial", "3. Lights"),
    ]


def test_a_value_replaced_in_a_rule_is_breaking_unless_renamed_throughout(spec_repo, specdiff_json):
    """A2A changed the status its error table requires (`409 Conflict` -> `400 Bad Request`, a value
    the spec already used); consensus-specs renamed a constant everywhere it stood."""
    old = (
        "# Docks\n\nA full dock MUST answer `409 Conflict`.\n\nA closed dock MUST answer `400 Bad Request`.\n\n"
        "A dock MUST hold at most `MAX_BIKES` bikes.\n\n`MAX_BIKES` is twelve.\n"
    )
    new = (
        "# Docks\n\nA full dock MUST answer `400 Bad Request`.\n\nA closed dock MUST answer `400 Bad Request`.\n\n"
        "A dock MUST hold at most `MAX_DOCKED_BIKES` bikes.\n\n`MAX_DOCKED_BIKES` is twelve.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    found = [
        (a["severity"], [(e["old"], e["new"], e["direction"]) for e in a["effects"] if e["type"] == "value"]) for a in amendments
    ]
    assert found == [
        ("breaking", [("409 Conflict", "400 Bad Request", None)]),
        ("substantive", [("MAX_BIKES", "MAX_DOCKED_BIKES", "renamed")]),
        ("substantive", [("MAX_BIKES", "MAX_DOCKED_BIKES", None)]),  # no rule here: named, not graded
    ]


def test_a_rule_moved_out_of_a_removed_paragraph_into_an_added_one_is_not_breaking(spec_repo, specdiff_json):
    """SPIFFE rewrote its Workload API: paragraphs went, and their rules came back, lightly reworded,
    in new paragraphs of other sections. Each rule read as removed there and added here, breaking."""
    old = (
        "# Docks\n\n## Night\n\nBikes are heavy and the docks in the old town are small. Docks MUST lock at night"
        " after the last ride of the day.\n\n## Fees\n\nRiders pay by the hour.\n"
    )
    new = (
        "# Docks\n\n## Night\n\nNothing here yet.\n\n## Fees\n\nRiders pay by the hour.\n\nStations vary in size"
        " across the city and some have cafes. Docks MUST lock at night after the last ride.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [(a["kind"], a["severity"], [e["type"] for e in a["effects"]]) for a in amendments] == [
        ("removed", "substantive", []),
        ("added", "substantive", []),  # "Nothing here yet."
        ("added", "substantive", []),
    ]


def test_a_rule_that_names_another_value_is_another_rule_not_one_moved(spec_repo, specdiff_json):
    """SPIFFE's "The client MAY attempt to reconnect with another call to the `FetchX509SVID` RPC"
    went, and the same words for `FetchJWTBundles` came in a new section: a permission added, not a
    permission moved."""
    old = "# Docks\n\n## Night\n\nDocks lock at dusk and open at dawn. The rider MAY retry the `unlock` call.\n"
    new = "# Docks\n\n## Night\n\nNothing here yet.\n\n## Keys\n\nKeys open the docks. The rider MAY retry the `open` call.\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    modality = [(a["kind"], e["old"], e["new"]) for a in amendments for e in a["effects"] if e["type"] == "modality"]
    assert modality == [("removed", "MAY", None), ("added", None, "MAY")]


def test_a_clause_whose_heading_was_deleted_can_still_move_to_another_file(spec_repo, specdiff_json):
    """A2A moved its "SDK extension support" section to a new governance page and left a pointer
    where it stood: the moved item was paired in place with the pointer, which shares its words."""
    spec_repo.commit(
        "write",
        {
            "ext.md": "# Extensions\n\nExtensions add methods.\n\n## SDK extension support\n\n"
            "- Extension support is not required for protocol conformance\n\n## Naming\n\nNames are short.\n"
        },
    )
    spec_repo.commit(
        "move",
        {
            "ext.md": "# Extensions\n\nExtensions add methods.\n\nFor extension support and protocol conformance,"
            " see the governance page.\n\n## Naming\n\nNames are short.\n",
            "gov.md": "# Governance\n\n## SDK support\n\n- Extension support is not required for protocol conformance\n",
        },
    )
    files = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    found = [
        (a["kind"], a["new"][0]["path"] if a["new"] else None) for f in files for a in f["amendments"] if a["unit"] == "clause"
    ]
    assert ("moved", "gov.md") in found and ("added", "ext.md") in found, found


def test_a_rule_inside_a_new_optional_field_breaks_nothing(spec_repo, specdiff_json):
    """runtime-spec added an optional `hwConfig` object whose members are REQUIRED: no config that
    complied before has the object, so none fails its members' rules. A REQUIRED member added to an
    object that was already there still breaks."""
    base = "# Docks\n\n**`bell`** (object, OPTIONAL) The dock's bell.\n\n* `tone` (string, OPTIONAL) The bell's tone.\n"
    new = (
        base
        + "* `volume` (int, REQUIRED) How loud the bell rings.\n\n"
        + "**`lights`** (object, OPTIONAL) The dock's lights.\n\n"
        + "* `colour` (string, REQUIRED) The colour of the lights.\n"
        + "* `dimmer` (object, OPTIONAL) A dimmer.\n"
        + "    * `steps` (int, REQUIRED) How many steps the dimmer has.\n"
        + "* `night` (string, OPTIONAL) When the lights go on. It MUST be a time of day.\n\n"
        + "**`horn`** (object, OPTIONAL) The dock's horn. The dock MUST sound it at dawn.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, base, new)
    found = {a["new"][0]["text"].split("`")[1]: a["severity"] for a in amendments if a["unit"] == "clause"}
    assert found == {
        "volume": "breaking",  # a member the existing `bell` object must now have
        "lights": "substantive",
        "colour": "substantive",
        "dimmer": "substantive",
        "steps": "substantive",
        "night": "substantive",
        "horn": "breaking",  # a new optional field's own rule asks every dock to handle the field
    }


def test_rules_under_a_new_licence_bind_only_who_takes_it(spec_repo, specdiff_json):
    """OCI's distribution spec added "the registry MAY support the pushing of tags ... If a registry
    supports this, it:" with a SHOULD and a MUST as items: no registry that complied before pushes
    tags, so none fails them. An item added under a lead-in that was already there still breaks."""
    base = "# Docks\n\nDocks MUST:\n\n- lock each bike\n"
    new = (
        "# Docks\n\nDocks MUST:\n\n- lock each bike\n- ring at dawn\n\n"
        "A dock MAY lend helmets. If a dock supports this, it:\n\n1. MUST clean each helmet\n1. SHOULD offer two sizes\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, base, new)
    found = {a["new"][0]["text"].split(" ", 1)[1]: a["severity"] for a in amendments if a["unit"] == "clause"}
    assert found == {
        "ring at dawn": "breaking",
        "dock MAY lend helmets. If a dock supports this, it:": "substantive",
        "MUST clean each helmet": "substantive",
        "SHOULD offer two sizes": "substantive",
    }, found


def test_rules_of_a_new_optional_way_bind_only_who_takes_it(spec_repo, specdiff_json):
    """OpenTelemetry added "A `MeterProvider` MAY accept a `view_matching_mode` parameter ... A
    `MeterProvider` that accepts this parameter MUST support the following values:", and under "If an
    SDK provides a way to:" a new way, "- set an attribute value depth limit such that:", with MUSTs
    under it, and rules under "(**Development**) If `view_matching_mode` is `composable`, ...:" or on the
    values it does not list ("Any other value MUST be treated as unsupported."): each read as breaking,
    though only those who take the new option are bound. A rule added under a way that was already
    offered, or on a parameter offered before, still breaks, as does a lead-in whose MUST binds every dock."""
    bell = "## Bells\n\nA `Dock` MAY accept a `bell_mode` parameter, `loud` or `soft`.\n"
    base = "# Docks\n\nIf a dock provides a way to:\n\n- set a ride limit such that:\n  - the dock MUST stop the ride\n\n" + bell
    new = (
        "# Docks\n\nIf a dock provides a way to:\n\n- set a ride limit such that:\n  - the dock MUST stop the ride\n"
        "  - the dock MUST ring\n- set a speed limit such that:\n  - the dock MUST slow the bike\n\n"
        "A `Dock` MAY accept a `lamp_mode` parameter. A `Dock` that accepts this parameter MUST support the following values:\n\n"
        "- `steady`: the lamp stays on.\n\n"
        "A `Dock` MAY accept a `horn_mode` parameter. Every `Dock` MUST support the following values:\n\n- `loud`: it honks.\n\n"
        "If `lamp_mode` is not set, the dock MUST keep the lamp steady.\n\n"
        "Any other value MUST be treated as unknown.\n\n"
        "- (**Draft**) If `lamp_mode` is `blink`, for each bay:\n  - the dock MUST flash twice\n\n"
        + bell
        + "\nIf `bell_mode` is `loud`, the dock MUST ring twice.\n\nAny other value MUST be refused.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, base, new)
    found = {" ".join(a["new"][0]["text"].strip(" -").split()[:6]): a["severity"] for a in amendments if a["unit"] == "clause"}
    assert found == {
        "the dock MUST ring": "breaking",
        "set a speed limit such that:": "substantive",
        "the dock MUST slow the bike": "substantive",
        "A `Dock` MAY accept a `lamp_mode`": "substantive",
        "`steady`: the lamp stays on.": "substantive",
        "A `Dock` MAY accept a `horn_mode`": "breaking",
        "`loud`: it honks.": "breaking",
        "If `lamp_mode` is not set, the": "substantive",
        "Any other value MUST be treated": "substantive",
        "(**Draft**) If `lamp_mode` is `blink`, for": "substantive",
        "the dock MUST flash twice": "substantive",
        "If `bell_mode` is `loud`, the dock": "breaking",
        "Any other value MUST be refused.": "breaking",
    }, found


def test_a_rule_on_a_value_the_spec_never_named_binds_only_who_uses_it(spec_repo, specdiff_json):
    """The OCI image spec registered a new digest algorithm and added "When the algorithm identifier is
    `blake3`, the encoded portion MUST match `/[a-f0-9]{64}/`.": read as breaking, though only a digest
    of the new algorithm is bound. A rule on a value the spec named before still breaks."""
    old = "# Docks\n\nA lock is `chain` or `bar`.\n"
    new = (
        old + "\nWhen the lock type is `magnet`, the dock MUST test it daily.\n\n"
        "When the lock type is `chain`, the dock MUST oil it weekly.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert {a["new"][0]["text"].split("`")[1]: a["severity"] for a in amendments} == {
        "magnet": "substantive",
        "chain": "breaking",
    }


def test_rules_under_a_case_of_a_kind_the_spec_never_named_bind_only_that_kind(spec_repo, specdiff_json):
    """GraphQL added OneOf Input Objects, and to its list of an Input Object's rules, "If the Input Object is
    a _OneOf Input Object_ then:" with "The type of the input field must be nullable." under it: read as
    breaking, though only an object of the new kind is bound. Rules under a case of a kind the spec named
    before still break."""
    old = "# Docks\n\nA dock:\n\n- MUST have a lock.\n- If the dock is a Solar Dock then:\n  - It MUST face south.\n"
    new = (
        "# Docks\n\nA dock:\n\n- MUST have a lock.\n- If the dock is a Solar Dock then:\n  - It MUST face south.\n"
        "  - It MUST have a meter.\n- If the dock is a _Floating Dock_ then:\n  - It MUST carry a buoy.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    found = {a["new"][0]["text"].strip(" -"): a["severity"] for a in amendments if a["unit"] == "clause"}
    assert found == {
        "It MUST have a meter.": "breaking",
        "If the dock is a _Floating Dock_ then:": "substantive",
        "It MUST carry a buoy.": "substantive",
    }, found


def test_a_licence_whose_rules_bind_what_it_offers_is_a_new_option(spec_repo, specdiff_json):
    """MCP added "Implementations **MAY** offer an opt-in mode that fetches non-local `$ref`s but it
    **MUST** be disabled by default and **SHOULD** enforce an allowlist of hosts ...": the MUST and the
    SHOULD bind the mode, so only whoever offers it. It read as breaking. A MUST whose subject is the
    licence's own ("... and MUST log each bike") or another's ("but riders MUST ...") still binds everyone."""
    base = "# Docks\n\nDocks MUST lock.\n"
    new = (
        "# Docks\n\nDocks MUST lock.\n\n"
        "Docks **MAY** offer a night mode but it **MUST** be off by default and **SHOULD** dim the lamp.\n\n"
        "Docks MAY lend helmets and MUST log each bike.\n\n"
        "Docks MAY lend locks, but riders MUST return them.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, base, new)
    found = {" ".join(a["new"][0]["text"].split()[2:4]).strip(","): a["severity"] for a in amendments if a["unit"] == "clause"}
    assert found == {"offer a": "substantive", "lend helmets": "breaking", "lend locks": "breaking"}, found


def test_a_case_added_under_a_rules_cases_widens_the_rule(spec_repo, specdiff_json):
    """Lightning lists when a node MUST fail: "MUST fail the negotiation if:" and, under it, "- `channel_type`
    is not set" added one more case in which the node must fail, breaking. A case taken away, or one of
    cases that must all hold, binds in fewer cases; the items of a lead-in new in the change are its rule's."""
    base = (
        "# Docks\n\nA dock:\n  - MUST refuse the bike if:\n    - the lock is broken\n\n"
        "A dock MUST ring when all of the following are true:\n\n- the bike is back\n"
    )
    new = (
        "# Docks\n\nA dock:\n  - MUST refuse the bike if:\n    - the lock is broken\n    - the tag is missing\n\n"
        "A dock MUST ring when all of the following are true:\n\n- the bike is back\n- the bay is free\n\n"
        "A dock MUST flash if:\n\n- the bay is full\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, base, new)
    found = {a["new"][0]["text"].strip(" -"): (a["severity"], [e["type"] for e in a["effects"]]) for a in amendments}
    assert found == {
        "the tag is missing": ("breaking", ["condition"]),
        "the bay is free": ("substantive", []),
        "A dock MUST flash if:": ("breaking", ["modality"]),
        "the bay is full": ("substantive", []),
    }, found


def test_an_id_attribute_added_to_a_heading_is_an_anchor_and_editorial(spec_repo, specdiff_json):
    """Matrix gave a heading `{id="content-repo-security-considerations"}` so that a rule could link to it."""
    old = "# Docks\n\n## Security\n\nDocks MUST lock.\n"
    new = '# Docks\n\n## Security {id="dock-security"}\n\nDocks MUST lock.\n'
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert (amendment["severity"], [(e["type"], e["new"]) for e in amendment["effects"]]) == (
        "editorial",
        [("attribute", "#dock-security")],
    )


def test_an_address_changed_in_an_example_changes_the_example(spec_repo, specdiff_json):
    """OpenVEX moved its examples' "@context" to ".../ns/v0.2.0": in a code block an address is a
    value of the sample, not a link whose target only moved. A word rewrapped there is still no change."""
    block = '# Docks\n\n## Example\n\n```json\n{{\n  "@context": "{}",\n  "name": {}\n}}\n```\n'
    old = block.format("https://docks.example/ns", '"north"')
    new = block.format("https://docks.example/ns/v2", '"north"')
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert (amendment["severity"], [e["type"] for e in amendment["effects"]]) == ("substantive", ["example"])
    rewrapped = _amendments_of_change(spec_repo, specdiff_json, new, new.replace('{\n  "@context"', '{ "@context"'))
    assert [a["severity"] for a in rewrapped] == ["editorial"]


def test_a_code_block_under_a_schema_heading_declares_the_schema(spec_repo, specdiff_json):
    """in-toto's predicate pages sketch their fields in JSON under "## Schema": a field renamed
    there ("releaseId" -> "packageId") changes the spec, though one word is all an example's slip
    changes. Under "## Example" a name only respelled ("releaseId" -> "releaseID") is a slip, flagged."""
    block = '```json\n{{\n  "{}": "<ID>",\n  "dock": "<NAME>"\n}}\n```\n'
    for heading, renamed, severity in (("Schema", "packageId", "substantive"), ("Example", "releaseID", "editorial")):
        old, new = (f"# Docks\n\n## {heading}\n\n" + block.format(name) for name in ("releaseId", renamed))
        (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
        assert amendment["severity"] == severity, heading


@pytest.mark.parametrize(
    "note", ["TODO: Ask the dock team to choose a name for the bays.", "[[ RFC EDITOR: Please align the bay names. ]]"]
)
def test_an_editors_note_added_or_removed_is_editorial(spec_repo, specdiff_json, note):
    """in-toto removed "TODO: Ask SPDX project to choose a URI and to review this spec": the editors' own note.
    MLS removed "[[ RFC EDITOR: ... Please align the two documents ]]", read as a command removed, breaking."""
    old = f"# Docks\n\nDocks MUST lock.\n\n{note}\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, "# Docks\n\nDocks MUST lock.\n")
    assert (amendment["kind"], amendment["severity"]) == ("removed", "editorial")


def test_a_bare_name_renamed_throughout_is_editorial(spec_repo, specdiff_json):
    """MLS renamed its message types, written bare: "Applications MUST use MLSCiphertext ..." -> "... PrivateMessage
    ..." read as reworded, and "MUST be sent as an MLSPlaintext object" as a rule asking another thing, breaking.
    A name swapped in one place for another the document already used is another thing asked."""
    spec = (
        "# Rides\n\nA {a} carries the rider's card.\n\nDocks MUST answer a {a} with a {b}.\n\n"
        "Desks MUST log each {c} they see.\n\nA {d} is signed by the dock.\n"
    )
    old = spec.format(a="RideRequest", b="DockReceipt", c="DockReceipt", d="DockReceipt")
    new = spec.format(a="RideRequest", b="ReturnReceipt", c="ReturnReceipt", d="ReturnReceipt")
    assert [a["severity"] for a in _amendments_of_change(spec_repo, specdiff_json, old, new)] == ["editorial"] * 3
    swapped = spec.format(a="RideRequest", b="DockReceipt", c="RideRequest", d="DockReceipt")
    assert [a["severity"] for a in _amendments_of_change(spec_repo, specdiff_json, old, swapped)] == ["substantive"]


def test_the_line_that_names_the_edition_is_editorial(spec_repo, specdiff_json):
    """GraphQL's line under its title goes from "_Current Working Draft_" to "_September 2025 Edition_" at each
    release and back after it: read as a paragraph removed and one added, both substantive."""
    draft, edition = (f"# Docks\n\n{stamp}\n\nDocks MUST lock.\n" for stamp in ("_Current Working Draft_", "_May 2026 Edition_"))
    amendments = _amendments_of_change(spec_repo, specdiff_json, draft, edition)
    assert {a["severity"] for a in amendments} == {"editorial"}, amendments
    # (OpAMP dropped its "Date: September 2021" line, and a "TBD" left in a section: no part of what it specifies)
    dated = edition.replace("Docks MUST lock.\n", "Date: May 2026\n\nDocks MUST lock.\n\n## Fees\n\nTBD\n")
    amendments = _amendments_of_change(spec_repo, specdiff_json, dated, edition)
    assert sorted((a["unit"], a["severity"]) for a in amendments) == [("clause", "editorial")] * 2 + [("section", "editorial")]


def test_a_section_that_asks_nothing_of_iana_is_editorial(spec_repo, specdiff_json):
    """QUIC's recovery draft, at publication, dropped its "IANA Considerations" section, which said only
    "This document has no IANA actions.": the section and the sentence each read as removed, substantive.
    An IANA section that asks for a registry still says something."""
    kept = "# Docks\n\nDocks MUST lock.\n"
    old = kept + "\n# IANA Considerations\n\nThis document has no IANA actions.\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, kept)
    assert [(a["unit"], a["severity"]) for a in amendments] == [("section", "editorial"), ("clause", "editorial")], amendments
    asking = kept + "\n# IANA Considerations\n\nIANA is asked to create the Dock Bays registry.\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, asking, kept)
    assert [(a["unit"], a["severity"]) for a in amendments] == [("section", "substantive"), ("clause", "substantive")], amendments


def test_the_items_under_a_todo_heading_are_editors_notes(spec_repo, specdiff_json):
    """in-toto removed "## TODO" over "- [ ] Bump up the in-toto version of the link ...": each read as
    text removed, substantive, though the editors' list of tasks was never part of the spec."""
    kept = "# Docks\n\nDocks MUST lock.\n"
    old = kept + "\n## TODO\n\n- [ ] Bump the dock's version once the bays are named.\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, kept)
    assert {a["severity"] for a in amendments} == {"editorial"}, amendments


def test_an_e_mail_address_is_a_link_not_words(spec_repo, specdiff_json):
    """in-toto swapped an author's "<name@example.org>" for a link to their profile: contact details."""
    old = "# Docks\n\nAuthor: Ann Dock <ann@docks.example>\n\nDocks MUST lock.\n"
    new = "# Docks\n\nAuthor: Ann Dock ([@anndock](https://profiles.example/anndock))\n\nDocks MUST lock.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert amendment["severity"] == "editorial"


def test_a_type_in_angle_brackets_is_words_not_a_tag(spec_repo, specdiff_json):
    """in-toto: "`annotations` _map <string, object>_" -> "<string, value>" read as an HTML tag
    changed, editorial. A tag's name ends at a space, a slash or its ">"; "<b>" still is one."""
    old = "# Docks\n\n`labels` _map <string, object>, optional_\n\nDocks are **open** daily.\n"
    new = "# Docks\n\n`labels` _map <string, value>, optional_\n\nDocks are <b>open</b> daily.\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    found = [(a["new"][0]["text"].split()[0], a["severity"]) for a in amendments]
    assert found == [("`labels`", "substantive"), ("Docks", "editorial")]


def test_a_paragraph_split_into_items_and_an_example_under_a_new_heading_is_one_split(spec_repo, specdiff_json):
    """in-toto cut a paragraph into two list items and put its last sentence, an example, under a new
    "### Example" heading: the example read as the paragraph edited, the two items as rules added."""
    rule, licence = "A dock for `<bike>` SHOULD be named `<bike>.dock`.", "Docks MAY hold other bikes, but SHOULD all be near."
    example = "A bike named `red-7` could have a dock named `red-7.dock` with two bays."
    old = f"# Docks\n\n## Naming\n\n{rule} {licence} For example, a{example[1:]}\n"
    new = f"# Docks\n\n## Naming\n\n- {rule}\n- {licence}\n\n### Example\n\n{example}\n"
    clauses = [a for a in _amendments_of_change(spec_repo, specdiff_json, old, new) if a["unit"] == "clause"]
    assert [(a["kind"], len(a["new"])) for a in clauses] == [("split", 3)]


def test_a_heading_raised_a_level_in_place_is_editorial_and_one_moved_to_another_chapter_is_not(spec_repo, specdiff_json):
    """OCI's distribution spec raised "### Requirements" to "## Requirements" and dropped a wrapper
    heading above "#### Pull": no word moved. "Bells", taken to the other chapter, moved."""
    old = (
        "# Docks\n\n## Overview\n\nDocks hold bikes.\n\n### Requirements\n\nDocks MUST lock.\n\n"
        "### Workflows\n\n#### Pull\n\nPull the bike.\n\n## Bells\n\nBells ring.\n\n# Kiosks\n\nKiosks sell.\n"
    )
    new = (
        "# Docks\n\n## Overview\n\nDocks hold bikes.\n\n## Requirements\n\nDocks MUST lock.\n\n"
        "### Pull\n\nPull the bike.\n\n# Kiosks\n\nKiosks sell.\n\n## Bells\n\nBells ring.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    moved = {a["new"][0]["heading"]: a["severity"] for a in amendments if a["unit"] == "section" and a["kind"] == "moved"}
    assert moved == {"Requirements": "editorial", "Pull": "editorial", "Bells": "substantive"}, moved
    # The OCI image spec lowered "# Image Manifest" to "## Image Manifest": its "## Example Image
    # Manifest" stands beside it now, under the page's title, where it stood.
    old = "# Docks\n\nDocks hold bikes.\n\n# Dock rules\n\nDocks MUST lock.\n\n## Example dock\n\nA locked dock.\n"
    new = old.replace("# Dock rules", "## Dock rules")
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    moved = {a["new"][0]["heading"]: a["severity"] for a in amendments if a["unit"] == "section" and a["kind"] == "moved"}
    assert moved == {"Dock rules": "editorial", "Example dock": "editorial"}, moved


def test_an_example_added_or_removed_whole_is_one_amendment(spec_repo, specdiff_json):
    """Lightning added a test invoice and its "Breakdown:" of 22 items under "# Examples"; each line read
    as a clause added. Under a heading of examples or test vectors, clauses that came (or went) together
    are one amendment; a rule written among them, or a clause left in between, still stands apart."""
    base = (
        "# Bikes\n\nA dock MUST ring.\n\n## Examples\n\nA short ride:\n\n    ride 1\n\n"
        "Winter lamps, as the harbour fleet set them:\n\n    lamp on 0xff\n\nFog horns are quiet.\n\n"
        "## Appendix: Test Vectors\n\nThe first vector.\n"
    )
    new = (
        "# Bikes\n\nA dock MUST ring.\n\n## Examples\n\nA short ride:\n\n    ride 1\n\n"
        "A ride with a stop:\n\n    ride 2\n\nBreakdown:\n\n* `r`: ride\n* `2`: the stop\n\n"
        "A dock MUST ring twice.\n\nThen it rests.\n\n## Appendix: Test Vectors\n\nThe first vector.\n\n"
        "The second vector:\n\n    0x02\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, base, new)
    found = [(a["kind"], a["severity"], [c["text"].strip() for c in a["new"] or a["old"]]) for a in amendments]
    assert found == [
        ("removed", "substantive", ["Winter lamps, as the harbour fleet set them:", "lamp on 0xff", "Fog horns are quiet."]),
        ("added", "substantive", ["A ride with a stop:", "ride 2", "Breakdown:", "* `r`: ride", "* `2`: the stop"]),
        ("added", "breaking", ["A dock MUST ring twice."]),
        ("added", "substantive", ["Then it rests."]),
        ("added", "substantive", ["The second vector:", "0x02"]),
    ], found


def test_bare_tags_wrapping_a_block_added_or_removed_with_it_join_it(spec_repo, specdiff_json):
    """MCP wrapped a new paragraph in MDX's "<Note>" and "</Note>" lines; it read as three amendments,
    two of them a bare tag. Tags that open or close a block, added (or removed) right beside it, now
    join it, and the block's reading is the whole reading. A self-closing tag or an image stands apart,
    and so does a tag wrapping text that did not change."""
    base = (
        "# Docks\n\nA dock MUST ring.\n\nFares are posted.\n\nRiders pay at the end.\n\n"
        "## Winter\n\n<Warning>\n\nLocks freeze in winter.\n\n</Warning>\n\nDocks close at dusk.\n"
    )
    new = (
        "# Docks\n\nA dock MUST ring.\n\n<Note>\n\nA ringing dock is one whose bell sounds.\n\n</Note>\n\n"
        "<Tab title=\"Go\">\n\nA dock MUST log each ring.\n\n</Tab>\n\n"
        "<img src=\"dock.png\">\n\n<div id=\"fares\" />\n\n<Info>\n\nFares are posted.\n\n</Info>\n\n"
        "Riders pay at the end.\n\n## Winter\n\nDocks close at dusk.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, base, new)
    found = [
        (a["kind"], a["severity"], [c["text"].strip() for c in a["new"] or a["old"]], [e["type"] for e in a["effects"]])
        for a in amendments
    ]
    assert found == [
        ("added", "substantive", ["<Note>", "A ringing dock is one whose bell sounds.", "</Note>"], []),
        ("added", "breaking", ['<Tab title="Go">', "A dock MUST log each ring.", "</Tab>"], ["modality"]),
        ("added", "editorial", ['<img src="dock.png">'], ["editorial"]),
        ("added", "editorial", ['<div id="fares" />'], ["editorial"]),
        ("added", "editorial", ["<Info>"], ["editorial"]),
        ("added", "editorial", ["</Info>"], ["editorial"]),
        ("removed", "substantive", ["<Warning>", "Locks freeze in winter.", "</Warning>"], []),
    ], found
    wrapped = amendments[0]
    assert wrapped["word_diff"] == [["insert", "<Note>\n\nA ringing dock is one whose bell sounds.\n\n</Note>"]]
    assert [c["lines"] for c in wrapped["new"]] == [[5, 5], [7, 7], [9, 9]]


def test_what_a_thing_can_be_used_for_a_few_words_on_is_no_licence(spec_repo, specdiff_json):
    """GraphQL removed "Inline Fragments can be used directly within a selection to condition upon a
    type condition ...", read as a permission withdrawn, breaking: what a thing is for, said of the
    thing, licenses no one, however many words come between "used" and the purpose. "can be used as
    the default ... for ..." still lets one use a thing in a role."""
    base = (
        "# Docks\n\nA dock MUST ring.\n\nInline locks can be used directly within a dock to hold a bike.\n\n"
        "The night key can be used as the default key for all docks that have none.\n\nThe end.\n"
    )
    new = "# Docks\n\nA dock MUST ring.\n\nThe end.\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, base, new)
    found = [(a["severity"], [(e["type"], e["old"]) for e in a["effects"]]) for a in amendments]
    assert found == [("substantive", []), ("breaking", [("modality", "can")])], found


def test_a_can_stands_in_for_a_new_rule_only_when_both_say_the_same_act(spec_repo, specdiff_json):
    """A2A's "Metadata keys are strings and values can be any valid value that can be represented in
    JSON" -> "Metadata keys must be strings, and values can be any valid JSON value" read as "can ->
    must" and a permission removed: the "can"s were taken for force because a rule now stood beside
    them. They stand in for it only when they say the same act ("can be parked" -> "must not be
    parked"): here a rule was added."""
    base = (
        "# Docks\n\nA dock MUST ring.\n\nLock codes are digits and names can be any word that can be spoken aloud.\n\n"
        "Bikes can be parked in the lobby.\n"
    )
    new = (
        "# Docks\n\nA dock MUST ring.\n\nLock codes must be digits, and names can be any spoken word.\n\n"
        "Bikes must not be parked in the lobby.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, base, new)
    found = [[(e["type"], e["old"], e["new"]) for e in a["effects"] if e["type"] == "modality"] for a in amendments]
    assert found == [[("modality", None, "must")], [("modality", "can", "must not")]], found


def test_lettered_steps_made_a_nested_list_turn_nothing_round(spec_repo, specdiff_json):
    """OpenTelemetry wrote sub-steps "a. Skip if the entity definition is empty  b. Extract ..." inside
    a list item, which Markdown reads as one paragraph, then made them a nested list. It read as a
    split with "Skip -> Skip (reversed)", breaking: read as one text, the old "Skip" after "a." was a
    word of negative sense, not the command its own sentence finds; and the letters read as scope
    words dropped. (Steps that each open with a command verb, "b. Lock each bike", still read as
    commands removed: the new items are read joined as one sentence.)"""
    steps = ["Skip if the dock is empty", "Extract the bike count (if any)", "Extract the lock codes"]
    base = "# Docks\n\nA dock MUST ring.\n\n1. Open the log\n2. For each dock:\n" + "".join(
        f"   {letter}. {step}\n" for letter, step in zip("abc", steps)
    ) + "3. Close the log\n"
    new = "# Docks\n\nA dock MUST ring.\n\n1. Open the log\n2. For each dock:\n" + "".join(
        f"   {number}. {step}\n" for number, step in zip("123", steps)
    ) + "3. Close the log\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, base, new)
    assert amendment["kind"] == "split" and amendment["severity"] != "breaking", amendment
    assert not [e for e in amendment["effects"] if e["type"] in ("modality", "negation", "scope")], amendment["effects"]


def test_only_an_items_first_sentence_takes_its_lead_ins_force(spec_repo, specdiff_json):
    """OpenTelemetry added "- The `ResetHint` ... MUST be set to `UNKNOWN`. OpenTelemetry does not carry
    an explicit reset flag, so `UNKNOWN` lets Prometheus auto-detect resets ..." under "... MUST be
    converted ... as follows:", and the explanation read as a second MUST, the lead-in's. An item's
    first sentence goes on from its lead-in; a sentence after it explains. An item of one sentence
    still takes the lead-in's force."""
    base = "# Docks\n\nA dock MUST ring.\n\nA new dock MUST be set up as follows:\n\n- The bell is set to loud.\n"
    new = base + (
        "- The lamp MUST be set to blink. Docks carry no sign, so a blinking lamp lets riders find them at night.\n"
        "- the lock set to closed\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, base, new)
    found = [[(e["type"], e["new"], e["sentence"][:12]) for e in a["effects"]] for a in amendments]
    assert found == [[("modality", "MUST", "The lamp MUS")], [("modality", "MUST", "the lock set")]], found


def test_an_alternative_added_under_at_least_one_of_broadens_the_rule(spec_repo, specdiff_json):
    """JSON:API added "- a member defined by an applied extension" under "A document **MUST** contain
    at least one of the following top-level members:", and the item read as an obligation added,
    breaking: it is one more way to comply. Taken away, it is one fewer, which narrows. An item with
    a rule of its own is still read for it."""
    lead = "# Docks\n\nA dock MUST ring.\n\nA receipt MUST hold at least one of the following:\n\n"
    base = lead + "- a ride number\n- a rider name\n- a dock code\n"
    new = lead + "- a ride number\n- a dock code\n- a card token\n- a photo, which MUST be signed\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, base, new)
    found = [(a["kind"], a["severity"], [(e["type"], e["direction"]) for e in a["effects"]]) for a in amendments]
    assert found == [
        ("removed", "breaking", [("wording", "narrowed")]),
        ("added", "substantive", [("wording", "broadened")]),
        ("added", "breaking", [("modality", "strengthened")]),
    ], found


def test_an_alternative_added_under_either_broadens_the_rule(spec_repo, specdiff_json):
    """JSON:API added "* `null` if the link does not exist." under "Within this object, a link **MUST** be
    represented as either:": read as an obligation added, breaking, where it is one more way to comply."""
    lead = "# Links\n\nWithin this object, a link **MUST** be represented as either:\n\n- a string with its URL.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, lead, lead + "- `null` if the link is gone.\n")
    assert (amendment["severity"], [(e["type"], e["direction"]) for e in amendment["effects"]]) == (
        "substantive",
        [("wording", "broadened")],
    )


def test_a_qualifier_added_beside_a_word_swapped_narrows_the_rule(spec_repo, specdiff_json):
    """AsyncAPI's "MUST be in the format of a URL" -> "MUST be in the form of an absolute URL" read as
    a slight rewording, editorial: "format" -> "form" hid "absolute", which turns relative URLs away.
    A word that only moved within the sentence is no qualifier."""
    base = "# Docks\n\nThe receipt MUST be in the format of a URL.\n\nDocks MUST report a broken lock in a log.\n"
    new = "# Docks\n\nThe receipt MUST be in the form of an absolute URL.\n\nDocks MUST record a lock that is broken in a log.\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, base, new)
    found = [(a["severity"], [(e["type"], e["new"], e["direction"]) for e in a["effects"]]) for a in amendments]
    assert found[0] == ("breaking", [("wording", "absolute", "narrowed")]), found
    assert found[1][1] == [("wording", None, None)], found


def test_an_address_that_names_an_identifier_is_a_value(spec_repo, specdiff_json):
    """in-toto's "Type URI: https://in-toto.io/attestation/svr/v0.1" -> ".../v0.2" read as a link
    updated, editorial: the address is the identifier producers write, and a page that declares its own
    under a label ("Type URI:") breaks whatever wrote or matched the old one. One that only points to more
    ("Source: https://...") is still a link updated. An address in code changed throughout the
    document is another identifier, not a name renamed; one only written in other escapes is the same."""
    base = (
        "# Receipts\n\nType URI: https://docks.test/receipt/v1\n\n"
        "The kind MUST be https://docks.test/kinds/ride.\n\nSource: https://docks.test/src/a\n\n"
        "The `schema` MUST be `https://docks.test/s/v1`.\n\nThe `room` MUST be `https://docks.test/#/!hall`.\n"
    )
    new = base.replace("receipt/v1", "receipt/v2").replace("kinds/ride", "kinds/trip").replace("src/a", "src/b")
    new = new.replace("s/v1", "s/v2").replace("#/!hall", "#/%21hall")
    amendments = _amendments_of_change(spec_repo, specdiff_json, base, new)
    found = [(a["severity"], [(e["type"], e["old"], e["new"], e["direction"]) for e in a["effects"]]) for a in amendments]
    assert found == [
        ("breaking", [("value", "https://docks.test/receipt/v1", "https://docks.test/receipt/v2", None)]),
        ("breaking", [("value", "https://docks.test/kinds/ride", "https://docks.test/kinds/trip", None)]),
        ("editorial", [("editorial", None, None, None)]),
        ("breaking", [("value", "https://docks.test/s/v1", "https://docks.test/s/v2", None)]),
        ("substantive", [("value", "https://docks.test/#/!hall", "https://docks.test/#/%21hall", "renamed")]),
    ], found


def test_lower_case_keywords_in_a_note_of_a_capitals_document_advise(spec_repo, specdiff_json):
    """OCI's "_Implementers note:_ ... registries should avoid values of `<name>` ..." read as an
    obligation added, breaking, in a document whose rules are written in capitals. A note advises,
    or recalls a rule said elsewhere; a keyword in capitals there still rules."""
    base = "# Docks\n\nA dock MUST ring. It MUST NOT buzz, and it MAY blink.\n"
    new = (
        "# Docks\n\nA dock MUST ring. It MUST NOT buzz, and it MAY blink.\n\n"
        "_Implementers note:_ Old bikes lag. Docks should avoid short rings.\n\n"
        "**Note:** A dock SHOULD flash.\n\nDocks should log each ring.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, base, new)
    found = [(a["severity"], [(e["type"], e["new"]) for e in a["effects"]]) for a in amendments]
    assert found == [
        ("substantive", []),
        ("breaking", [("modality", "SHOULD")]),
        ("breaking", [("modality", "should")]),
    ], found


def test_words_only_added_inside_a_long_sentence_say_something_new(spec_repo, specdiff_json):
    """JSON:API's "... empty square brackets or square-bracketed member names" gained ", or square-bracketed
    dot-separated lists of member names": 7 words in a clause of 50, which the share of words changed
    let pass as a slight rewording, editorial. Words only added say something new; words put before a
    sentence to frame it ("In nested docks, each ...") still read as a slight rewording."""
    story = (
        "A dock family is the set of all docks whose name starts with a base name, followed by zero or more "
        "pairs of empty square brackets (i.e. `[]`) or square-bracketed legal [bay names]. The family is known by its base "
        "name, and the city lists each family once on the map it prints for riders every spring."
    )
    grown = story.replace(
        "(i.e. `[]`) or square-bracketed legal [bay names].",
        "(i.e. `[]`), square-bracketed legal [bay names], or square-bracketed dot-separated lists of legal bay names.",
    )
    framed = story.replace("The family is known", "In the city index, the family is known")
    amendments = _amendments_of_change(
        spec_repo, specdiff_json, f"# Docks\n\n{story}\n\n## Bays\n\n{story}\n", f"# Docks\n\n{grown}\n\n## Bays\n\n{framed}\n"
    )
    assert [(a["severity"], [e["type"] for e in a["effects"]]) for a in amendments] == [
        ("substantive", ["wording"]),
        ("editorial", ["editorial"]),
    ], amendments


def test_a_field_named_after_an_anchor_tag_is_no_command(spec_repo, specdiff_json):
    """OpenAPI's field tables start each row with an anchor, "| <a name="path-item-put"></a>put | ...",
    and SLSA's terms with "| <span id="build-id">Build ID</span> | ...": the tag hid that the field's
    name opens the row, and "put", "delete" or "Build" read as a command, an obligation added."""
    table = '| Field | Type | Description |\n| --- | --- | --- |\n| <a name="dock-get"></a>get | Object | Reads a dock. |\n'
    rows = '| <a name="dock-put"></a>put | Object | Replaces a dock. |\n'
    rows += '| <span id="dock-build">Build ID</span> | Text | Names a build. |\n'
    base = f"# Docks\n\nA dock MUST ring. It MUST NOT buzz.\n\n{table}"
    amendments = _amendments_of_change(spec_repo, specdiff_json, base, base + rows)
    assert [(a["kind"], [e["type"] for e in a["effects"]]) for a in amendments] == [("added", []), ("added", [])], amendments


@pytest.mark.parametrize(
    ("old_rule", "new_rule", "expected"),
    [
        # the OCI image spec: ignoring unknown fields still complies with "MUST NOT generate an error"
        ("Unknown fields MUST be ignored by readers.", "Unknown fields MUST NOT raise an error in readers.", ("substantive", [])),
        ("Unknown fields SHOULD be safely ignored.", "Unknown fields MUST NOT cause an error.", ("breaking", ["strengthened"])),
        # the same act asked the other way round: reversed
        ("Unknown fields MUST be kept by readers.", "Unknown fields MUST NOT be kept by readers.", ("breaking", ["reversed"])),
        ("Redirect the user to the sign-in page.", "Do not redirect the user to the sign-in page.", ("breaking", ["reversed"])),
    ],
)
def test_a_rule_said_anew_the_other_way_round_is_no_reversal(spec_repo, specdiff_json, old_rule, new_rule, expected):
    """A rule whose keyword turned negative while it came to ask for another act ("MUST be ignored" ->
    "MUST NOT generate an error") was read as reversed, breaking: only its strength changed, if anything."""
    base = "# Fields\n\nA manifest MAY hold extra fields. {}\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, base.format(old_rule), base.format(new_rule))
    modality = [e["direction"] for e in amendment["effects"] if e["type"] == "modality"]
    assert (amendment["severity"], modality) == expected, amendment["effects"]


def _modality_changes(spec_repo, specdiff_json, old: str, new: str) -> list[tuple[str | None, str | None]]:
    """The keywords each modality effect of a commit that rewrote spec.md from ``old`` to ``new`` says went and came."""
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    return [(e["old"], e["new"]) for a in amendments for e in a["effects"] if e["type"] == "modality"]


def _amendments_of_change(spec_repo, specdiff_json, old: str, new: str) -> list[dict]:
    """The amendments of a commit that rewrote spec.md from ``old`` to ``new``, as the JSON gives them."""
    spec_repo.commit("write", {"spec.md": old})
    spec_repo.commit("change", {"spec.md": new})
    (file,) = specdiff_json("-C", spec_repo.path, "HEAD~1", "HEAD")["files"]
    return file["amendments"]


def test_cells_closing_an_html_table_row_are_read_apart_from_the_row_after_them(spec_repo, specdiff_json):
    """SLSA writes its requirements as HTML rows holding Markdown: each row's level cells ("<td><td>✓<td>✓")
    sit right above the next row's "<tr id=...>", with no blank line, so Markdown makes them one block. A
    requirement raised to a lower level read as a change to the requirement below it; now each row is its own
    clause, and the change is on the cells, not on the untouched row after them."""
    def table(levels: str) -> str:
        return (
            "# Requirements\n\n<table>\n<tr><th>Requirement<th>Description<th>L1<th>L2<th>L3\n\n"
            '<tr id="context"><td>Context<td>\n\nThe dock MUST record each rental.\n\n'
            f'{levels}\n<tr id="branches"><td>Protected racks<td>\n\nThe dock MUST lock its racks.\n\n'
            "<td>✓<td>✓<td>✓\n</table>\n"
        )

    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, table("<td><td><td>✓"), table("<td><td>✓<td>✓"))
    assert amendment["kind"] == "modified", amendment
    assert [clause["text"] for clause in amendment["new"]] == ["<td><td>✓<td>✓"], amendment


def test_a_placeholder_of_several_words_recased_is_no_value_changed(spec_repo, specdiff_json):
    """SLSA wrote "`git reset --hard <unreviewed revision id>`" with "ID" in capitals: the same placeholder,
    read as a value renamed, substantive. A literal value recased still is one."""
    rule = "# Attacks\n\nThe victim runs `git reset --hard {}` after a clone.\n"
    (amendment,) = _amendments_of_change(
        spec_repo, specdiff_json, rule.format("<unreviewed revision id>"), rule.format("<unreviewed revision ID>")
    )
    assert amendment["severity"] == "editorial", amendment
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, rule.format("main"), rule.format("MAIN"))
    assert amendment["severity"] != "editorial", amendment


def test_a_rule_made_an_item_under_a_lead_in_that_stops_on_its_keyword_keeps_its_force(spec_repo, specdiff_json):
    """SLSA's "The SCS MUST" stands over items that each open on a verb, with no colon. A paragraph "The SCS
    MUST prevent ..." made one more item "Prevent ..." read as its MUST removed, breaking: the lead-in was
    not read as one, and the subject that went into it as words taken away."""
    lead_in = "# Docks\n\nThe dock MUST\n\n- Log each rental.\n"
    rule = "The dock MUST prevent riders from parking on the ramp."
    (amendment,) = _amendments_of_change(
        spec_repo, specdiff_json, f"{lead_in}\n{rule}\n", f"{lead_in}- Prevent riders from parking on the ramp.\n"
    )
    assert amendment["severity"] != "breaking", amendment
    assert [effect["type"] for effect in amendment["effects"]] in (["editorial"], ["wording"]), amendment
    assert all(effect["direction"] is None for effect in amendment["effects"]), amendment


def test_a_paragraph_cut_into_items_whose_marks_changed_is_a_split(spec_repo, specdiff_json):
    """CloudEvents cut its naming rules into a lead-in and items, writing "letters ('a' to 'z')" as
    "letters [a-z]" on the way: by all its tokens the items held too little of the paragraph, which read as
    modified into one item, with "SHOULD be descriptive and terse", word for word, an obligation added."""
    old = (
        "# Names\n\nTo keep names portable across languages and formats, dock names MUST consist of letters "
        "('a' to 'z') or digits ('0' to '9') from the ASCII set. Dock names SHOULD be short and plain.\n"
    )
    new = (
        "# Names\n\nTo keep names portable across languages and formats, dock names have these constraints:\n\n"
        "- MUST consist of letters [a-z] or digits [0-9] from the ASCII set.\n- SHOULD start with a letter.\n"
        "- SHOULD be short and plain.\n"
    )
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    (split,) = [a for a in amendments if a["kind"] == "split"]
    assert [clause["lines"] for clause in split["new"]] == [[3, 3], [5, 5], [7, 7]], split
    (added,) = [a for a in amendments if a["kind"] == "added"]
    assert added["new"][0]["text"] == "- SHOULD start with a letter.", added


def test_lettered_lines_made_a_nested_list_are_an_editorial_split(spec_repo, specdiff_json):
    """OpenTelemetry's step "2. For each entity definition:" held lines lettered "a." to "e.", which
    Markdown does not read as a list; they became a nested list numbered "1." to "5.". The split read as
    reworded, substantive: the letters and numbers are no words of the steps. A word changed on the way
    still reads as a rewording."""
    old = "# Steps\n\n1. Read the card.\n2. For each bike:\n   a. Skip it if it is docked\n   b. Ring its bell\n"
    new = "# Steps\n\n1. Read the card.\n2. For each bike:\n   1. Skip it if it is docked\n   2. Ring its {}\n"
    read = []
    for word in ("bell", "horn"):
        amendments = _amendments_of_change(spec_repo, specdiff_json, old, new.format(word))
        read.append([(a["kind"], a["severity"]) for a in amendments])
    assert read == [[("split", "editorial")], [("split", "substantive")]], read


def test_swapped_table_rows_that_differ_only_in_code_marks_are_not_crossed(spec_repo, specdiff_json):
    """CESQL's rows "`x != y: String x String -> Boolean`" and "`x <> y: ...`" swapped places and both gained
    "(case sensitive)". Compared by their words alone they were twins, and they paired across: two
    operators renamed into each other. A row's code keeps its marks."""
    rows = ["| `x = y` | Equal |", "| `x != y` | Not equal{} |", "| `x <> y` | Not equal{} |"]
    head = "# Operators\n\n| Operator | Meaning |\n| --- | --- |\n"
    old = head + "\n".join([rows[0], rows[1].format(""), rows[2].format("")]) + "\n"
    new = head + "\n".join([rows[0], rows[2].format(" (exact)"), rows[1].format(" (exact)")]) + "\n"
    for amendment in _amendments_of_change(spec_repo, specdiff_json, old, new):
        (before,), (after,) = amendment["old"], amendment["new"]
        assert before["text"].split("|")[1] == after["text"].split("|")[1], amendment


def test_a_table_that_took_the_place_of_a_list_is_no_item_rewritten(spec_repo, specdiff_json):
    """The OCI distribution spec replaced its list of a tag's parts with a table of examples: the item
    "- `<alg>`: the digest algorithm (e.g. `sha256` or `sha512`)" shared the rare word "sha512" with a row
    "| sha512:aaaa... |", 0.07 alike, and read as that row, moved."""
    head = "# Tags\n\nA dock tag is written as its parts joined by dashes.\n\n"
    old = head + "- `<kind>`: the rack kind (e.g. `cargo` or `tandem`)\n- `<id>`: the rack number\n"
    new = head + "| Tag | Kind | Number |\n| --- | --- | --- |\n| tandem-0042 | tandem | 0042 |\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert sorted(a["kind"] for a in amendments) == ["added", "added", "removed", "removed"], amendments


def test_a_status_code_written_in_code_with_its_name_is_the_same_number(spec_repo, specdiff_json):
    """The OCI distribution spec wrote "receiving a 404" as "receiving a `404 Not Found`": the number 404
    read as taken out. Another status in its place still is a number changed."""
    rule = "# Pull\n\nAfter receiving a {}, the client MUST retry with the tag.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, rule.format("404"), rule.format("`404 Not Found`"))
    assert "number" not in [effect["type"] for effect in amendment["effects"]], amendment
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, rule.format("404"), rule.format("`410 Gone`"))
    assert [e["old"] for e in amendment["effects"] if e["type"] == "number"] == ["404"], amendment


def test_a_slash_escaped_in_a_pattern_is_the_same_pattern(spec_repo, specdiff_json):
    """The OCI distribution spec escaped the slashes of its name pattern, which matches the same names; it
    read as a value changed. Another character in the pattern still changes it."""
    rule = "# Names\n\nA dock name MUST match `{}`.\n"
    (amendment,) = _amendments_of_change(
        spec_repo, specdiff_json, rule.format("[a-z]+(/[a-z]+)*"), rule.format("[a-z]+(\\/[a-z]+)*")
    )
    assert amendment["severity"] == "editorial", amendment
    (amendment,) = _amendments_of_change(
        spec_repo, specdiff_json, rule.format("[a-z]+(/[a-z]+)*"), rule.format("[a-z]+(-[a-z]+)*")
    )
    assert amendment["severity"] != "editorial", amendment


def test_a_step_renumbered_while_a_typo_in_it_was_fixed_is_editorial(spec_repo, specdiff_json):
    """TUF renumbered "3.3.3." to "3.3.2." in the commit that fixed "snaphot": each alone read as editorial,
    both together as reworded, substantive."""
    step = "# Steps\n\n{}. If the check fails, discard the new {} file and report the failure.\n"
    (amendment,) = _amendments_of_change(
        spec_repo, specdiff_json, step.format("3.3.3", "snaphot"), step.format("3.3.2", "snapshot")
    )
    assert amendment["severity"] == "editorial", amendment
    (amendment,) = _amendments_of_change(
        spec_repo, specdiff_json, step.format("3.3.3", "snapshot"), step.format("3.3.2", "timestamp")
    )
    assert amendment["severity"] != "editorial", amendment


def test_a_step_renumbered_while_its_keyword_was_capitalised_is_editorial(spec_repo, specdiff_json):
    """TUF renumbered "* **1.4. Check for a rollback attack.**" to "5.1.4." in the commit that wrote its
    "must be less than or equal" as "MUST" (and its "begin at step 0" as "step 5.0"): each alone read as
    editorial, all together as reworded."""
    step = "# Steps\n\n* **{}. Check the count.** The count of the new file {} be at least the old one. Else, go to step {}.\n"
    old, new = step.format("1.4", "must", "0"), step.format("5.1.4", "MUST", "5.0")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert amendment["severity"] == "editorial", amendment


def test_a_step_label_that_became_the_number_of_an_ordered_list_is_editorial(spec_repo, specdiff_json):
    """TUF's Bikeshed source numbers its steps as an ordered list: "* **5.2.1**. Let N denote ..." became
    "2. Let N denote ...", whose number is no text, and read as reworded, substantive."""
    old = "# Steps\n\n* **5.1**. Read the file.\n* **5.2.1**. Let N denote the version of the file.\n"
    new = "# Steps\n\n1. Read the file.\n2. Let N denote the version of the file.\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [a["severity"] for a in amendments] == ["editorial", "editorial"], amendments


def test_a_step_number_a_rule_names_is_no_word_of_what_it_asks(spec_repo, specdiff_json):
    """TUF renumbered its steps in rules it also reworded: "begin at step 0" -> "begin at step 5.0" read as
    "5" added to what the rule asks, narrowed, breaking."""
    rule = "# Steps\n\nCheck {}. The key MUST be signed. On the next cycle, begin at step {} again.\n"
    (amendment,) = _amendments_of_change(
        spec_repo, specdiff_json, rule.format("the signatures", "0"), rule.format("for a forged key", "5.0")
    )
    assert amendment["severity"] != "breaking", amendment
    assert all(effect["direction"] is None for effect in amendment["effects"]), amendment
    (amendment,) = _amendments_of_change(  # (Bikeshed names the step by a link to its anchor)
        spec_repo, specdiff_json, rule.format("the signatures", "5.1"), rule.format("for a forged key", "[[#update-root]]")
    )
    assert all(effect["direction"] is None for effect in amendment["effects"]), amendment


def test_an_example_added_in_brackets_asks_nothing_more(spec_repo, specdiff_json):
    """TUF added "(e.g. timestamp.json)" after "The client MUST write the file to storage as FILENAME.EXT": it
    read as words added to what the rule asks, narrowed, breaking. Words added outside the brackets still are."""
    rule = "# Storage\n\nThe dock MUST write the file to disk as NAME.EXT{}.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, rule.format(""), rule.format(" (e.g. racks.json)"))
    assert amendment["severity"] != "breaking", amendment
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, rule.format(""), rule.format(" in a signed folder"))
    assert amendment["severity"] == "breaking", amendment


def test_a_negative_subject_that_went_into_the_keyword_negates_nothing(spec_repo, specdiff_json):
    """TUF wrote "no metadata file format must be updated to ..." as "metadata file formats SHALL NOT be
    updated to ...": the "no" that made the "must" a ban was counted again as a negation of the sentence,
    which read as turned round, breaking."""
    head = "# Docks\n\nRiders MUST pay. Clients MUST log in.\n\n"
    old = head + "Most importantly, no dock format must be changed to name the racks.\n"
    new = head + "Most importantly, dock formats SHALL NOT be changed to name the racks.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert "negation" not in [effect["type"] for effect in amendment["effects"]], amendment
    assert amendment["severity"] != "breaking", amendment


def test_a_quoted_value_changed_in_a_long_sentence_is_no_slight_rewording(spec_repo, specdiff_json):
    """TUF renamed its key type "ecdsa-sha2-nistp256" to "ecdsa" in a long sentence listing the types: one
    word of many, read as a slight rewording, editorial. A plain word swapped there still is one."""
    sentence = (
        "# Keys\n\nThe dock supports any key signature system that its operators choose to deploy across "
        'their whole network of racks and kiosks, such as "rsa", "ed25519", and "{}", in every {} region.\n'
    )
    (amendment,) = _amendments_of_change(
        spec_repo, specdiff_json, sentence.format("ecdsa-sha2-nistp256", "city"), sentence.format("ecdsa", "city")
    )
    assert amendment["severity"] != "editorial", amendment
    (amendment,) = _amendments_of_change(
        spec_repo, specdiff_json, sentence.format("ecdsa", "city"), sentence.format("ecdsa", "town")
    )
    assert amendment["severity"] == "editorial", amendment


def test_a_rule_on_a_new_leave_taken_binds_only_its_takers(spec_repo, specdiff_json):
    """The OCI distribution spec added "Registry implementations MAY include informational warnings in
    `Warning` headers" and then "If included, `Warning` headers MUST specify a `warn-code` of `299`": a rule
    only on the registries that send warnings, read as breaking. The same rule added under a leave granted
    before still breaks: whoever took the leave then must now comply."""
    head = "# Docks\n\nRiders MUST pay.\n\n"
    leave = "Docks MAY show notices on their screens.\n\n"
    rule = "If included, notices MUST be shorter than 80 characters.\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, head, head + leave + rule)
    assert [a["severity"] for a in amendments] == ["substantive", "substantive"], amendments
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, head + leave, head + leave + rule)
    assert amendment["severity"] == "breaking", amendment


def test_an_alternative_added_to_a_rules_condition_widens_its_reach(spec_repo, specdiff_json):
    """The OCI distribution spec's client rule "When pushing a manifest ... and the referrers API returns a
    404, the client MUST: ..." gained "or the `OCI-Subject` header was not set": the rule binds in more
    cases, breaking. It read as a scope change of no direction, substantive."""
    rule = "# Docks\n\nWhen a rider returns a bike and the dock is full{}, the rider MUST wait.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, rule.format(""), rule.format(" or the dock was closed"))
    assert [(e["type"], e["direction"]) for e in amendment["effects"]] == [("scope", "scope_widened")], amendment
    assert amendment["severity"] == "breaking", amendment


def test_a_rules_condition_in_other_words_is_no_slight_rewording(spec_repo, specdiff_json):
    """The OCI distribution spec wrote "If the manifest is not found in the registry, the response code MUST
    be `404 Not Found`" with "repository" for "registry": one word of many, read as a slight rewording,
    editorial, though the rule now answers other cases. A word swapped outside the condition still is slight."""
    rule = "# Docks\n\nIf the bike is not found in the {}, the {} code MUST be `404 Not Found`.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, rule.format("city", "reply"), rule.format("dock", "reply"))
    assert amendment["severity"] == "substantive", amendment
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, rule.format("city", "reply"), rule.format("city", "response"))
    assert amendment["severity"] == "editorial", amendment
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, rule.format("citu", "reply"), rule.format("city", "reply"))
    assert amendment["severity"] == "editorial", amendment  # (a letter mistyped in the condition: OpenTelemetry's "lisf")


def test_a_check_mark_more_in_a_row_of_cells_is_no_slip(spec_repo, specdiff_json):
    """SLSA moved a requirement to a lower level by ticking one more level cell ("<td><td><td>✓" ->
    "<td><td>✓<td>✓"): the mark read as a word written twice, a slip, editorial. A mark that only changed
    its form ("x" for "✓") still is editorial."""
    table = (
        "# Requirements\n\n<table>\n<tr><th>Requirement<th>L1<th>L2<th>L3\n\n"
        '<tr id="context"><td>Context<td>\n\nThe dock MUST record each rental.\n\n{}\n</table>\n'
    )
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, table.format("<td><td><td>✓"), table.format("<td><td>✓<td>✓"))
    assert amendment["severity"] != "editorial", amendment
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, table.format("<td><td><td>✓"), table.format("<td><td><td>x"))
    assert amendment["severity"] == "editorial", amendment


def test_link_definitions_moved_to_another_section_are_editorial(spec_repo, specdiff_json):
    """The image spec moved its link reference definitions from its first section to the end of the file:
    they show nowhere, so no section says anything new. A sentence moved the same way still is substantive."""
    links = "[bundle]: https://example.org/bundle.md\n[config]: https://example.org/config.md\n"
    top = "# Conversion\n\nA tool reads the [bundle] and the [config].\n\n"
    end = "## Annotations\n\nThe tool copies each annotation.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, top + links + "\n" + end, top + end + "\n" + links)
    assert (amendment["kind"], amendment["severity"]) == ("moved", "editorial"), amendment
    sentence = "The tool keeps the bundle.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, top + sentence + "\n" + end, top + end + "\n" + sentence)
    assert (amendment["kind"], amendment["severity"]) == ("moved", "substantive"), amendment


def test_a_type_and_an_anchor_moved_to_another_section_word_for_word_are_editorial(spec_repo, specdiff_json):
    """LSP moved its glob types, each under an anchor's `<div>`, from the file-watching section to a new
    "Patterns" section: each read as moved, substantive. A type declared means the same wherever it stands,
    and an anchor says nothing; a type changed as it moved is still read."""
    anchor = '<div class="anchorHolder"><a href="#lamp" name="lamp"></a></div>'
    declared = "```typescript\nexport interface Lamp {\n\tcolour: string;\n}\n```"
    rule = "Docks MUST light the lamp.\n"
    old = f"# Docks\n\n## Watching\n\n{rule}\n{anchor}\n\n{declared}\n\n## Patterns\n\nPatterns name things.\n"
    new = f"# Docks\n\n## Watching\n\n{rule}\n## Patterns\n\nPatterns name things.\n\n{anchor}\n\n{declared}\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [(a["kind"], a["severity"]) for a in amendments] == [("moved", "editorial")] * 2, amendments
    changed = new.replace("colour: string", "colour?: string")
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, changed)
    assert [(a["kind"], a["severity"]) for a in amendments] == [("moved", "editorial"), ("moved", "breaking")], amendments


def test_a_line_added_to_a_block_a_rule_leads_into_is_an_item_of_that_rule(spec_repo, specdiff_json):
    """The OCI distribution spec added "Range: 0-<end-of-range>" to the block under "... and MUST have the
    following headers:": a header the response now must have, as a list item added there would be. A
    block in a language ("```json") under the same words is a sample of it; one under words that rule
    nothing is an example."""
    block = "```{fence}\nLocation: <location>\n{more}```\n"
    for lead_in, fence, grade in (
        ("The response MUST have the following headers:", "", "breaking"),
        ("The response MUST have the following headers:", "json", "substantive"),
        ("The response has the following headers:", "", "substantive"),
    ):
        old = f"# Uploads\n\n{lead_in}\n\n" + block.format(fence=fence, more="")
        new = f"# Uploads\n\n{lead_in}\n\n" + block.format(fence=fence, more="Range: 0-<end-of-range>\n")
        (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, new)
        assert amendment["severity"] == grade, (lead_in, fence, amendment)
        if grade == "breaking":
            [effect] = amendment["effects"]
            assert (effect["type"], effect["old"], effect["new"]) == ("modality", None, "MUST"), effect


def test_a_step_after_a_circumstance_that_went_is_a_rule_removed(spec_repo, specdiff_json):
    """TUF removed "On the next update cycle, begin at step [[#update-root]] ..." from three client steps:
    a command after the circumstance it holds in, taken away, read as a rewording."""
    step = "1. **Check the signature.** If it fails, discard the file and report the failure.{}\n"
    old = "# Client\n\n" + step.format(" On the next update cycle, begin at the first step.")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, "# Client\n\n" + step.format(""))
    assert amendment["severity"] == "breaking", amendment
    assert [(e["type"], e["old"], e["new"]) for e in amendment["effects"]] == [("modality", "begin", None)], amendment


def test_an_html_comment_runs_over_blank_lines_and_headings(spec_repo, specdiff_json):
    """purl deleted a generated header.md that was one HTML comment: "<!--", "# PLEASE READ", two
    paragraphs, "-->". The comment hides it all, but specdiff cut the file at the heading and read a
    section and a command ("Please do not submit a pull request ...") removed, breaking."""
    comment = "<!--\n# PLEASE READ\n\n*Do not edit this file by hand.*\n\n-->\n"
    old = f"{comment}\n# Docks\n\nDocks MUST be lit.\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, "# Docks\n\nDocks MUST be lit.\n")
    assert [(a["unit"], a["kind"], a["severity"]) for a in amendments] == [("clause", "removed", "editorial")], amendments


def test_a_field_value_beside_the_next_field_label_is_no_command(spec_repo, specdiff_json):
    """purl's schema pages list a property's fields as "**Type:** Object<br>" above "**Description:** ...":
    with the line break read as spaces, "Object" read as a command verb, and the page removed read as
    rules removed, breaking."""
    old = "# Dock\n\n**Type:** Object<br>\n**Description:** The dock's record.\n\nDocks MUST be lit.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, "# Dock\n\nDocks MUST be lit.\n")
    assert (amendment["kind"], amendment["severity"], amendment["effects"]) == ("removed", "substantive", []), amendment


def test_a_keyword_being_defined_is_no_rule(spec_repo, specdiff_json):
    """purl dropped its copy of RFC 2119's terms ("* Must: This word, or the adjective “required” ...
    means that the item is an absolute requirement"): each read as a rule removed, breaking. A keyword
    and a colon alone still open a rule (SLSA's "REQUIRED: at least one of `uri` or `digest`")."""
    terms = "* Must: This word means that the item is an absolute requirement.\n* May: This word means truly optional.\n"
    old = f"# Terms\n\n{terms}\n# Docks\n\nDocks MUST be lit.\n"
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, "# Terms\n\n# Docks\n\nDocks MUST be lit.\n")
    assert [(a["kind"], a["severity"]) for a in amendments] == [("removed", "substantive")] * 2, amendments
    amendments = _amendments_of_change(spec_repo, specdiff_json, "# Docks\n\nA.\n", "# Docks\n\nA.\n\nREQUIRED: a lock.\n")
    assert [a["severity"] for a in amendments] == ["breaking"], amendments


def test_code_in_double_backticks_and_sentences_in_backticks_are_read_as_they_show(spec_repo, specdiff_json):
    """purl wrote "``maven``" (reStructuredText's way, one code span in Markdown) as "`maven`", which read as
    code rewritten; and it writes its types' notes as code ("**Note:** `Technically the name is
    case-perserving, ...`"), where a typo fixed read as a value changed. Both are editorial; a value in
    backticks changed is not."""
    old = "# Types\n\nA type is a short string such as ``maven`` or ``npm``.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, old.replace("``", "`"))
    assert amendment["severity"] == "editorial", amendment
    note = "# Types\n\n- **Note:** `Technically the name is case-{}, but old packages keep their case.`\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, note.format("perserving"), note.format("preserving"))
    assert amendment["severity"] == "editorial", amendment
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, old.replace("``npm``", "`pnpm`"))
    assert amendment["severity"] != "editorial", amendment


def test_a_proposal_number_and_a_restructuredtext_link_are_no_values(spec_repo, specdiff_json):
    """OpenTelemetry's "as defined by OTEP 0232" read as the number 0232 of a rule, and purl's leftover
    reStructuredText link "`/types <https://...>`_" turned into the bare address read as reworded."""
    old = "# Docks\n\nDocks MUST be lit, as defined by OTEP 0232 and [the guide](guide.md).\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, old.replace("OTEP 0232", "OTEP 0233"))
    assert not [e for e in amendment["effects"] if e["type"] == "number"], amendment
    assert amendment["severity"] != "breaking", amendment
    link = "# Docks\n\n- The list of docks is at:\n  {}\n"
    address = "https://example.org/docks/index.json"
    (amendment,) = _amendments_of_change(
        spec_repo, specdiff_json, link.format(f"`/index.json <{address}>`_"), link.format(address)
    )
    assert amendment["severity"] == "editorial", amendment


def test_section_numbers_in_a_list_and_a_documents_name_are_no_numbers(spec_repo, specdiff_json):
    """OAuth 2.1's "The `error` element is defined in Sections {{a}}, {{b}},\n7.2, and 8.5:" with the last two
    made references read as the numbers 7.2 and 8.5 taken out; its "OAuth metadata {{RFC8414}}" ->
    "OAuth 2.0 Authorization Server Metadata {{RFC8414}}", beside MUSTs, read as the number 2.0 added to a
    rule, breaking. A number of a rule still counts."""
    listed = "# Docks\n\nThe `bay` element is defined in Sections {{{{docks}}}}, {{{{bays}}}},\n{}:\n"
    (amendment,) = _amendments_of_change(
        spec_repo, specdiff_json, listed.format("7.2, and 8.5"), listed.format("and {{locks}}")
    )
    assert not [e for e in amendment["effects"] if e["type"] == "number"], amendment
    rule = "# Docks\n\nDocks MUST check the rider's card{}.\n"
    named = " if no Dock {} {{{{RFC9999}}}} is used"
    (amendment,) = _amendments_of_change(
        spec_repo, specdiff_json, rule.format(named.format("metadata")), rule.format(named.format("2.0 Bay Metadata"))
    )
    assert not [e for e in amendment["effects"] if e["type"] == "number"], amendment
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, rule.format(""), rule.format(" within 2.5 days"))
    assert [e["type"] for e in amendment["effects"]] == ["number"], amendment


@pytest.mark.parametrize(("holder", "severity"), [("dock server", "editorial"), ("DR", "substantive")])
def test_an_abbreviation_written_out_is_editorial(spec_repo, specdiff_json, holder, severity):
    """OAuth 2.1 wrote out "AS": "The AS SHOULD only automatically redirect the user agent if it trusts the
    redirect URI." -> "The authorization server SHOULD ..." read as reworded, substantive. Another
    abbreviation in its place names another holder."""
    rule = "# Docks\n\nThe {} SHOULD only unlock a bike if it trusts the rider's card.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, rule.format("DS"), rule.format(holder))
    assert amendment["severity"] == severity, amendment


def test_http_made_https_is_no_typo(spec_repo, specdiff_json):
    """OAuth 2.1's "For example, the client makes the following HTTP request" -> "HTTPS request" read as a
    typo fixed, editorial: another protocol is another request to copy."""
    lead_in = "# Docks\n\nFor example, the dock makes the following {} request:\n\n```\nGET /rides\n```\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, lead_in.format("HTTP"), lead_in.format("HTTPS"))
    assert amendment["severity"] == "substantive", amendment


def test_an_example_in_brackets_in_a_rules_condition_bounds_nothing(spec_repo, specdiff_json):
    """OpenTelemetry reworded the example in "If applying the View would produce semantic errors (e.g. the
    View sets ...) the implementation SHOULD emit a warning": "for example" read as a condition's words,
    and the example's words as the rule's scope, widened, breaking."""
    rule = "# Views\n\nIf the view cannot be applied ({}) the dock SHOULD log a warning.\n"
    (amendment,) = _amendments_of_change(
        spec_repo, specdiff_json, rule.format("e.g. the view asks for a sum"), rule.format("for example, a sum of gauges")
    )
    assert amendment["severity"] != "breaking", amendment
    assert not [e for e in amendment["effects"] if e["type"] == "scope"], amendment


def test_a_clause_said_twice_in_a_row_and_now_once_is_editorial(spec_repo, specdiff_json):
    """A2A's spec showed the same table twice, one call after the other, and dropped the copy: it read as a
    table taken out of the spec, substantive. A rule taken from a section that said it only once is gone;
    one of two paragraphs said apart under one heading is a copy gone, the rule stands (a list item may say
    its own thing under its own lead-in)."""
    twice = "# Docks\n\nDocks MUST be lit.\n\nDocks MUST be lit.\n\nSee the fares.\n"
    once = "# Docks\n\nDocks MUST be lit.\n\nSee the fares.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, twice, once)
    assert (amendment["kind"], amendment["severity"]) == ("removed", "editorial"), amendment
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, once, twice)
    assert (amendment["kind"], amendment["severity"]) == ("added", "editorial"), amendment
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, once, "# Docks\n\nSee the fares.\n")
    assert (amendment["kind"], amendment["severity"]) == ("removed", "breaking"), amendment
    apart = "# Docks\n\nDocks MUST be lit.\n\nSee the fares.\n\nDocks MUST be lit.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, apart, once)
    assert (amendment["kind"], amendment["severity"]) == ("removed", "substantive"), amendment


def test_struck_through_words_are_no_part_of_the_spec(spec_repo, specdiff_json):
    """OpAMP struck a rule through, "~~The Client SHOULD retry the message.~~", and its answered questions,
    "~~Should the dock keep one hash per bay?~~ Done.", then deleted the struck text: each deletion read as a
    rule removed, breaking. Struck text is shown deleted: striking a rule through removes it."""
    kept = "# Docks\n\nDocks SHOULD ring. {}\n\n- {}Done.\n"
    struck = kept.format("~~Docks SHOULD flash.~~", "~~Should the dock keep one hash per bay?~~ ")
    amendments = _amendments_of_change(spec_repo, specdiff_json, struck, kept.format("", ""))
    assert [a["severity"] for a in amendments] in ([], ["editorial"]), amendments
    plain = kept.format("Docks SHOULD flash.", "")
    struck_rule = plain.replace("Docks SHOULD flash.", "~~Docks SHOULD flash.~~")
    amendments = _amendments_of_change(spec_repo, specdiff_json, plain, struck_rule)
    assert [a["severity"] for a in amendments] == ["breaking"], amendments


def test_changes_that_are_expected_bind_no_one(spec_repo, specdiff_json):
    """A2A's "Experimental extensions MAY be used; breaking changes are expected" read "are expected" as a
    duty, and the new licence as an obligation added, breaking. "Docks are expected to ..." still binds."""
    old = "# Extensions\n\nExtensions are listed below.\n"
    (amendment,) = _amendments_of_change(
        spec_repo, specdiff_json, old, old + "\nDraft extensions MAY be used, and breaking changes are expected.\n"
    )
    assert amendment["severity"] == "substantive", amendment
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, old, old + "\nDocks are expected to list them.\n")
    assert amendment["severity"] == "breaking", amendment


def test_a_revision_stamped_beside_its_date_and_an_interest_group_filled_in_say_nothing(spec_repo, specdiff_json):
    """libp2p's specs open with "| 1A | Working Draft | Active | r0, 2023-01-23 |", bumped to "r1, 2025-05-28"
    with each change, which read as numbers changed; and an empty "Interest Group:" filled in read as reworded.
    The row's status changed is read."""
    page = "# Docks\n\n| Stage | Status | Latest Revision |\n| --- | --- | --- |\n| 1A | {} | {} |\n\n{}\n\nDocks MUST be lit.\n"
    old = page.format("Active", "r0, 2023-01-23", "Interest Group:")
    new = page.format("Active", "r1, 2025-05-28", "Interest Group: [@ann], [@bo]")
    amendments = _amendments_of_change(spec_repo, specdiff_json, old, new)
    assert [a["severity"] for a in amendments] == ["editorial", "editorial"], amendments
    amendments = _amendments_of_change(spec_repo, specdiff_json, new, new.replace("Active", "Deprecated"))
    assert [a["severity"] for a in amendments] == ["substantive"], amendments


def test_a_lead_in_that_now_announces_the_following_asks_nothing_more(spec_repo, specdiff_json):
    """libp2p's "rendezvous points should have:" -> "should have the following:" read as "following" added to
    what the rule asks, narrowed, breaking: the list under it says what is asked. Words that name more
    than the list still narrow it."""
    lead_in = "# Docks\n\nDocks SHOULD have{}:\n\n- a lamp\n- a lock\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, lead_in.format(""), lead_in.format(" the following"))
    assert amendment["severity"] != "breaking", amendment
    more = lead_in.format(" the following spare parts")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, lead_in.format(""), more)
    assert amendment["severity"] == "breaking", amendment


def test_a_negation_in_a_rules_reason_turns_nothing_round(spec_repo, specdiff_json):
    """libp2p's ping spec reworded "The server SHOULD accept at most 2 streams per peer since cross stream
    behavior is not linearizable" as "... since cross-stream behavior is non-linear": the "not" of the
    reason read as the rule turned round, breaking. A "not" put into the rule itself still turns it."""
    rule = "# Racks\n\nThe dock SHOULD accept at most 2 bikes per rider since the rack order is {} for riders.\n"
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, rule.format("not kept"), rule.format("unordered"))
    assert amendment["severity"] != "breaking", amendment
    turned = rule.format("not kept").replace("SHOULD accept", "SHOULD not accept")
    (amendment,) = _amendments_of_change(spec_repo, specdiff_json, rule.format("not kept"), turned)
    assert amendment["severity"] == "breaking", amendment
