"""Alignment on the kinds of rewrite real spec histories make (issue 11), each with text of our own.

Each test reproduces one failure class found on real histories: a clause
reworded or grown around the same rule, a section renamed and edited at once,
a renamed top heading, real splits and merges, a list item restructured into
nested items, front matter of a new file, and headings renamed with a level
change or a rewritten body.
"""

from __future__ import annotations

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
