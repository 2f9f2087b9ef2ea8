"""``specdiff blame`` through real rewrites (issue 11): the commit that gave a clause its meaning.

A small repository per test: a rule written, then rewritten in ways that
used to fall apart into removed + added (so blame named the rewrite as the
clause's origin) or that change no meaning (so blame should look past them).
"""

from __future__ import annotations

RULE = "Before moving a ticket to the archive, the tool SHALL apply its pending labels to the board."
GROWN = (
    "After reserving the archive slot, the tool SHALL apply pending labels to the board, then move the ticket. "
    "It SHALL undo the labels when the move fails. A failed undo SHALL leave the ticket in the reserved slot "
    "for an operator to inspect by hand."
)


def spec(*paragraphs: str) -> str:
    return "# Archive {#archive}\n\n" + "".join(f"{p}\n\n" for p in paragraphs)


def test_a_rule_that_grows_around_the_same_clause_is_followed_to_its_first_draft(spec_repo, specdiff_json):
    first = spec_repo.commit("write the rule", {"spec.md": spec("Archived tickets are read-only.", RULE, "Ends here.")})
    grown = spec_repo.commit("grow the rule", {"spec.md": spec("Archived tickets are read-only.", GROWN, "Ends here.")})
    blamed = specdiff_json("blame", "-C", spec_repo.path, "spec.md#archive", quiet=True)
    (entry,) = [e for e in blamed if e["text"].startswith("After reserving")]
    assert entry["last_changed"]["commit"] == grown, "the new SHALL changed its meaning"
    assert entry["introduced"]["commit"] == first, "not added by the rewrite: it was the same clause"


def test_a_retouch_of_pronouns_and_articles_is_looked_past(spec_repo, specdiff_json):
    old = "I propose that every archived ticket keeps a record of a owner and its labels for audit."
    new = "We propose that every archived ticket keeps a record of an owner and its labels for audit."
    meant = spec_repo.commit("write the record rule", {"spec.md": spec("Intro.", old, "Ends here.")})
    spec_repo.commit("retouch the wording", {"spec.md": spec("Intro.", new, "Ends here.")})
    blamed = specdiff_json("blame", "-C", spec_repo.path, "spec.md#archive", quiet=True)
    (entry,) = [e for e in blamed if e["text"].startswith("We propose")]
    assert entry["last_changed"]["commit"] == meant


def test_one_content_word_changed_is_a_change_of_meaning(spec_repo, specdiff_json):
    old = "When a ticket is reopened by mistake, close it again and file a new minor note for the owner."
    new = "When a ticket is reopened by mistake, close it again and file a new patch note for the owner."
    spec_repo.commit("write the reopen rule", {"spec.md": spec("Intro.", old, "Ends here.")})
    changed = spec_repo.commit("minor -> patch", {"spec.md": spec("Intro.", new, "Ends here.")})
    blamed = specdiff_json("blame", "-C", spec_repo.path, "spec.md#archive", quiet=True)
    (entry,) = [e for e in blamed if e["text"].startswith("When a ticket")]
    assert entry["last_changed"]["commit"] == changed
