"""Walking history reuses what the revision before left in place; it must say what a cold run says.

A walk parses each revision right after its parent, and remembers each chunk's
blocks at their line and each clause at its place (``parse``), each
sentence's readings (``force``) and each unchanged clause's match with itself
(``align``). These tests run the real CLI over a history
whose commits move clauses across chunks, split a chunk in two, renumber every
heading and reword, and compare each commit of one warm ``log`` with the same
commit computed alone in a process-like cold state (every remembered result
forgotten, no history cache).
"""

from __future__ import annotations

import json
import shutil

import pytest

from specdiff import align, force, parse
from specdiff.model import Document
from specdiff.parse import parse_document

INTRO = "The assistant must greet the patron by name when the account is known."
HOLDS = [
    "A hold expires after 7 days unless the patron renews it.",
    "The assistant should remind the patron two days before a hold expires.",
    "Staff may extend a hold once for a patron with a disability.",
]
FINES = [
    "Fines accrue at 10 cents a day for each overdue item.",
    "The assistant must never waive a fine on its own.",
    "Only staff can waive a fine, and they must record why.",
]
ROOMS = [
    "A room may be booked up to 14 days ahead.",
    "The assistant must confirm the booking by email.",
]


def spec(sections: list[tuple[str, list[str]]]) -> str:
    lines = ["# Library rules", "", INTRO, ""]
    for heading, clauses in sections:
        lines += [f"## {heading}", ""]
        for clause in clauses:
            lines += [clause, ""]
    return "\n".join(lines)


VERSIONS = [
    ("first draft", spec([("1. Holds", HOLDS), ("2. Fines", FINES), ("3. Rooms", ROOMS)])),
    # a clause moves from the first chunk to the last
    ("move a rule", spec([("1. Holds", HOLDS[:2]), ("2. Fines", FINES), ("3. Rooms", [*ROOMS, HOLDS[2]])])),
    # the fines chunk split in two by a new heading
    (
        "split fines",
        spec([("1. Holds", HOLDS[:2]), ("2. Fines", FINES[:1]), ("3. Waivers", FINES[1:]), ("4. Rooms", [*ROOMS, HOLDS[2]])]),
    ),
    # a section inserted at the top renumbers every heading
    (
        "renumber",
        spec(
            [
                ("1. Accounts", ["The assistant must verify identity before any account change."]),
                ("2. Holds", HOLDS[:2]),
                ("3. Fines", FINES[:1]),
                ("4. Waivers", FINES[1:]),
                ("5. Rooms", [*ROOMS, HOLDS[2]]),
            ]
        ),
    ),
    # a reworded rule (should -> must) and a removed one, shifting the lines after them
    (
        "reword",
        spec(
            [
                ("1. Accounts", ["The assistant must verify identity before any account change."]),
                ("2. Holds", [HOLDS[0], HOLDS[1].replace("should", "must")]),
                ("3. Fines", FINES[:1]),
                ("4. Waivers", FINES[2:]),
                ("5. Rooms", [*ROOMS, HOLDS[2]]),
            ]
        ),
    ),
]


def forget_everything() -> None:
    """What a new process starts with: nothing remembered from parsing or reading before."""
    for remembered in (
        parse._chunk_blocks,
        parse._chunk_blocks_at,
        parse._clause_at,
        parse._clause_facts,
        parse._heading_parts,
        parse.slugify,
    ):
        remembered.cache_clear()
    parse._runs.clear()
    force._remembered_readings.cache_clear()
    align._in_place_matches.clear()


@pytest.fixture
def history(spec_repo):
    commits = [spec_repo.commit(message, {"spec.md": text}) for message, text in VERSIONS]
    return spec_repo, commits


def test_each_commit_of_a_warm_log_is_what_that_commit_says_computed_alone(history, specdiff_json):
    repo, commits = history
    forget_everything()
    walked = specdiff_json("log", "-C", repo.path, lines=True)
    assert [entry["commit"] for entry in walked] == commits[::-1]
    kinds = {a["kind"] for entry in walked for file in entry["files"] for a in file["amendments"]}
    assert {"moved", "modified", "removed", "added"} <= kinds, "the history exercises moves, rewordings and removals"
    for entry, commit in zip(walked, commits[::-1]):
        shutil.rmtree(repo.path / ".git" / "specdiff", ignore_errors=True)
        forget_everything()
        alone = specdiff_json("log", "-C", repo.path, "-n", "1", commit, lines=True)
        assert alone == [entry], f"commit {commit[:8]} computed alone differs from the warm walk"


def parsed_cold_and_after(before: str, after: str) -> tuple[Document, Document]:
    """``after`` parsed in a new process, and parsed right after ``before`` (what a history walk does)."""
    forget_everything()
    cold = parse_document(after, "spec.md")
    forget_everything()
    parse_document(before, "spec.md")
    return cold, parse_document(after, "spec.md")


def test_a_revision_parsed_after_its_parent_is_the_revision_parsed_cold():
    for (_, before), (_, after) in zip(VERSIONS, VERSIONS[1:]):
        cold, warm = parsed_cold_and_after(before, after)
        assert warm == cold
        assert json.dumps([c.lines for c in warm.clauses]) == json.dumps([c.lines for c in cold.clauses])


@pytest.mark.parametrize(
    ("line", "sections"),
    [
        ('<a id="renew"></a>', ["desk", "renew"]),  # its clauses now sit in section "renew"
        ("The assistant smiles.", ["desk", "desk", "renewals"]),  # its clauses come one later
    ],
)
def test_a_section_whose_blocks_did_not_change_is_read_again_where_what_precedes_it_did(line, sections):
    """A line before "Renewals" replaced a blank one: the section's chunk is the same text at the same
    place, but its clauses are not the ones the revision before had."""
    before = "# Desk\n\nThe assistant greets patrons.\n\n\n## Renewals\n\nThe assistant renews a loan once.\n"
    after = before.replace("patrons.\n\n\n", f"patrons.\n\n{line}\n")
    cold, warm = parsed_cold_and_after(before, after)
    assert warm == cold
    assert [c.section for c in warm.clauses] == sections


def test_an_unchanged_clause_in_place_is_the_same_object_in_both_revisions():
    forget_everything()
    first = parse_document(VERSIONS[0][1], "spec.md")
    moved = parse_document(VERSIONS[1][1], "spec.md")
    assert first.clauses[0] is moved.clauses[0], "the introduction did not move: reused, not built again"
    assert first.clauses[1] is moved.clauses[1]
    assert first.clauses[-1] is not moved.clauses[-1]
