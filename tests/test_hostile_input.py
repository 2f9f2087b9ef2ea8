"""Pathological input: shapes that made a step quadratic, or too big to read clause by clause.

The slow, full-size cases (with time and memory caps) are in ``benchmarks/adversarial.py``;
these check, quickly, that what the fast paths return is what the plain definitions say.
"""

from __future__ import annotations

import json
import random
import re

import pytest

from specdiff.lexicon import prose

# The definition `prose` follows, as one regular expression (quadratic on unclosed openers).
NOT_PROSE = re.compile(
    r"`+[^`]*`+|\"[^\"\n]*\"|“[^”]*”|‘[^’]*’|\]\([^)]*\)|\[\^[^\]]*\]|<[^>\n]+>|https?://\S+|\[NEEDS CLARIFICATION[^\]]*\]"
)
PIECES = ["`", "``", '"', "“", "”", "‘", "’", "](", ")", "[^", "]", "<", ">", "\n", " ", "a", "["]
PIECES += ["http://", "https://x", "[NEEDS CLARIFICATION"]


def by_definition(text: str) -> str:
    return NOT_PROSE.sub(lambda m: " " * len(m.group()), text)


def test_prose_blanks_what_the_definition_blanks():
    chance = random.Random(12)
    texts = ["".join(chance.choice(PIECES) for _ in range(chance.randint(0, 24))) for _ in range(20_000)]
    texts += ['Use `x` as [the id](#ids) says[^1]; "quoted" <b>text</b>, see https://x.example.', "``` no close", "a < b > c"]
    assert [prose(t) for t in texts] == [by_definition(t) for t in texts]


@pytest.mark.parametrize("opener", ["[^a", "<a", "“a", "](a", "[NEEDS CLARIFICATION"])
def test_prose_of_many_unclosed_openers(opener):
    text = opener * 2_000 + " must"
    assert prose(text) == by_definition(text) == text  # nothing closes, so nothing is blanked


# Bounds on what is read clause by clause (small here, so the tests stay fast; the real ones
# are far above real specs, see parse.MAX_SECTIONS and the rest).


@pytest.fixture
def small_bounds(monkeypatch):
    from specdiff import parse

    monkeypatch.setattr(parse, "MAX_SECTIONS", 20)
    monkeypatch.setattr(parse, "MAX_CLAUSES", 40)
    monkeypatch.setattr(parse, "MAX_CLAUSE_CHARS", 2_000)
    monkeypatch.setattr(parse, "MIN_PIECE_CHARS", 500)


def many_sections(count: int, rule: str) -> str:
    return "".join(f"## Topic {n}\n\nStaff must log visit {n}.\n\n" for n in range(count)) + f"## Last\n\n{rule}\n"


@pytest.mark.parametrize("shape", ["headings", "clauses", "long-clause"])
def test_past_the_bounds_a_weakened_rule_still_trips_the_gate(spec_repo, specdiff, small_bounds, shape):
    if shape == "headings":
        old, new = (many_sections(30, f"The assistant {verb} share a patron's history.") for verb in ("must not", "may"))
    elif shape == "clauses":
        items = "".join(f"- Staff must log visit {n}.\n" for n in range(60))
        old, new = (f"# Rules\n\n{items}\nThe assistant {verb} share a patron's history.\n" for verb in ("must not", "may"))
    else:
        visits = " ".join(f"Staff log visit {n}." for n in range(300))  # one line of some 6,000 characters
        old, new = (f"# Rules\n\n{visits} The assistant {verb} share it. {visits}\n" for verb in ("must not", "may"))
    spec_repo.commit("first", {"spec.md": old})
    spec_repo.commit("loosen", {"spec.md": new})
    result = specdiff("-C", spec_repo.path, "HEAD~1", "HEAD", "--fail-on", "breaking", "--format", "json")
    assert result.code == 1, result.err
    warnings = json.loads(result.out)["warnings"]
    expected = "not clause by clause" if shape != "long-clause" else "is compared as"
    assert any(expected in w and w.startswith("spec.md") for w in warnings), warnings
    severities = [a["severity"] for f in json.loads(result.out)["files"] for a in f["amendments"]]
    assert severities == ["breaking"]


def languages_by_family(families: int, added: str | None = None) -> str:
    """A long appendix of short sections, as SARIF's list of languages: ``added`` joins the second family."""
    parts = []
    for family in range(families):
        names = [f"lang{family}x{n}" for n in range(3)] + ([added] if added and family == 1 else [])
        lead_in = "Tools name the languages\nof this family as they\nare written in the table\nof names below:\n"
        parts.append(f"## Family {family}\n\n{lead_in}\n" + "".join(f"- `{n}`\n" for n in names) + "\n")
    return "# Languages\n\n" + "".join(parts)


def test_a_line_added_above_the_cut_to_blocks_of_text_changes_nothing_past_it(spec_repo, specdiff, monkeypatch):
    """Past the lines read clause by clause the text is compared in blocks. SARIF's draft was cut at a
    fixed line: one line added above it moved the cut, and unchanged clauses on both sides of it came
    out removed, moved and merged. The cut falls on a heading, the same text on both sides."""
    from specdiff import parse

    monkeypatch.setattr(parse, "MAX_DETAILED_LINES", 100)
    spec_repo.commit("first", {"spec.md": languages_by_family(20)})
    spec_repo.commit("add a language", {"spec.md": languages_by_family(20, added="algol68")})
    result = specdiff("-C", spec_repo.path, "HEAD~1", "HEAD", "--format", "json")
    report = json.loads(result.out)
    assert any("not clause by clause" in w for w in report["warnings"]), report["warnings"]
    changes = [(a["kind"], [c["text"] for c in a["new"]]) for f in report["files"] for a in f["amendments"]]
    assert changes == [("added", ["- `algol68`"])]


def test_a_long_spec_of_short_sections_is_read_clause_by_clause(spec_repo, specdiff):
    """A generated spec of 11,000 lines (SARIF's draft) is read clause by clause to its end: the lines
    the parser reads at once are bounded under each heading, not in the whole file."""
    spec_repo.commit("first", {"spec.md": languages_by_family(1_000)})
    spec_repo.commit("add a language", {"spec.md": languages_by_family(1_000, added="algol68")})
    result = specdiff("-C", spec_repo.path, "HEAD~1", "HEAD", "--format", "json")
    report = json.loads(result.out)
    assert report["warnings"] == []
    assert [a["kind"] for f in report["files"] for a in f["amendments"]] == ["added"]


def test_past_the_lines_under_one_heading_the_text_is_compared_in_blocks(monkeypatch):
    from specdiff import parse

    monkeypatch.setattr(parse, "MAX_CHUNK_LINES", 30)
    items = "".join(f"- Staff must log visit {n}.\n" for n in range(60))
    document = parse.parse_document(f"# Short\n\nText.\n\n# Long\n\n{items}", "spec.md")
    assert document.notes == (
        "spec.md: from line 35 on, the text is compared in blocks of up to 50,000 characters, not clause by clause "
        "(more than 25,000 lines, 1 MB or 30 lines under one heading)",
    )


def test_an_inserted_line_changes_one_piece_of_a_long_clause(small_bounds):
    from specdiff.parse import parse_document

    lines = [f"    step {n}: call the service with token {n * 7919 % 1000}" for n in range(400)]
    old = parse_document("# Code\n\n" + "\n".join(lines) + "\n", "spec.md")
    new = parse_document("# Code\n\n    step zero: an inserted line\n" + "\n".join(lines) + "\n", "spec.md")
    assert len(old.clauses) > 5 and all(c.kind == "example" for c in old.clauses)
    assert "\n".join(c.text for c in old.clauses).replace("\n", "") == "".join(lines)
    unchanged = {c.fingerprint for c in old.clauses} & {c.fingerprint for c in new.clauses}
    assert len(unchanged) >= len(old.clauses) - 1
    assert old.notes == ("spec.md:3: a clause of 18,242 characters is compared as 18 pieces of at most 2,000 characters",)


@pytest.mark.parametrize("seed", range(40))
def test_reading_stops_at_the_chunk_where_the_budget_runs_out(small_bounds, seed):
    from specdiff import parse

    chance = random.Random(seed)
    parts = ["## Topic\n", "Staff must log visits.\n", "- one\n- two\n", "<Note>\n", "import x from 'y'\n", "\n"]
    lines = "".join(chance.choice(parts) for _ in range(chance.randint(0, 300))).split("\n")
    readable, set_aside = parse._mdx_code(lines)
    starts, _ = parse._chunk_starts(readable)
    every = [
        block.shifted(start)
        for start, end in zip(starts, starts[1:] + [len(readable)])
        for block in parse._chunk_blocks("\n".join(readable[start:end]), False)
    ]
    read = parse._chunks_within_budget(readable, starts, set_aside, False)
    assert read == every[: len(read)]

    def budgeted(blocks: list) -> tuple:
        return parse._within_budget(sorted(set_aside + blocks, key=lambda b: b.start), len(lines), len(lines))

    assert budgeted(read) == budgeted(every), "stopping early must not change what is read"
    rest = budgeted(every)[1]
    if rest:  # the budget ran out at line rest[0]: no chunk that starts after it was parsed
        assert all(block.start < min([s for s in starts if s > rest[0]], default=len(lines)) for block in read)


def test_a_file_of_many_headings_is_parsed_only_up_to_the_budget(small_bounds):
    from specdiff import parse

    readable = "".join(f"## Topic {n}\n\nStaff must log visit {n}.\n\n" for n in range(100)).split("\n")
    read = parse._chunks_within_budget(readable, parse._chunk_starts(readable)[0], [], False)
    assert sum(1 for b in read if b.kind == "heading") == parse.MAX_SECTIONS + 1


# Patterns read over whole files are written to start with a character `re` can skip to; each must
# find what its plain form finds.

PLAIN_EMPHASIS = re.compile(r"(?<![\w*_])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*_])")


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_emphasis_markers_are_found_where_the_plain_pattern_finds_them():
    from specdiff.parse import _EMPHASIS

    chance = random.Random(5)
    pieces = ["*", "_", "**", " ", "a", "\n", "\t", "é", ".", "-", "1"]
    texts = ["".join(chance.choice(pieces) for _ in range(chance.randint(0, 16))) for _ in range(50_000)]
    texts += ["The assistant **must** answer *briefly*; snake_case stays", "***a*** _b_ __c__ * d _"]
    assert [spans(_EMPHASIS, t) for t in texts] == [spans(PLAIN_EMPHASIS, t) for t in texts]


def test_default_requirement_ids_are_found_where_the_plain_pattern_finds_them():
    from specdiff.parse import DEFAULT_REQUIREMENT_IDS, requirement_pattern

    pattern = requirement_pattern(DEFAULT_REQUIREMENT_IDS)
    assert pattern is not None
    # The plain form of the list itself, so a prefix added to it and not to the fast pattern fails here.
    plain = re.compile("|".join(f"(?:{p})" for p in DEFAULT_REQUIREMENT_IDS))
    prefixes = re.findall(r"[A-Z]+", DEFAULT_REQUIREMENT_IDS[0])
    chance = random.Random(6)
    pieces = sorted(set("".join(prefixes))) + ["-", "1", "2", " ", "x", "_", "\n", "é", "FR-1", "NFR-2", "-0"]
    pieces += [f"{p}-3" for p in prefixes]
    texts = ["".join(chance.choice(pieces) for _ in range(chance.randint(0, 12))) for _ in range(50_000)]
    texts += ["FR-001, xFR-2, REQ-12b, NFR-3 and SC-4.", "US-1_ AC-22"]
    assert [spans(pattern, t) for t in texts] == [spans(plain, t) for t in texts]


def test_past_the_pair_bound_changed_sentences_are_those_between_a_shared_start_and_end(monkeypatch):
    from specdiff import semantics

    chance = random.Random(3)
    for _ in range(3_000):
        old = [f"Rule {n}." for n in range(chance.randint(0, 12))]
        i = chance.randint(0, len(old))
        j = chance.randint(i, len(old))
        new = old[:i] + [f"New rule {n}." for n in range(chance.randint(0, 3))] + old[j:]
        monkeypatch.setattr(semantics, "SENTENCE_PAIRS_AT_MOST", 40_000)
        aligned = semantics._changed_stretches(old, new)  # SequenceMatcher
        monkeypatch.setattr(semantics, "SENTENCE_PAIRS_AT_MOST", -1)
        assert semantics._changed_stretches(old, new) == aligned, (old, new)


def test_remembered_words_share_their_strings():
    """The words of thousands of long clauses are remembered (``lexicon.words``): each word
    is kept once, not once per clause (4,096 clauses of 2,000 characters kept 100 MB)."""
    import tracemalloc

    from specdiff import lexicon

    vocabulary = ["Patrons", "must", "ask", "the", "desk", "before", "using", "rooms", "and", "loans"]
    rng = random.Random(7)
    texts = [" ".join(rng.choice(vocabulary) for _ in range(300))[:1_990] + f" {n}." for n in range(300)]
    lexicon._remembered_words.cache_clear()
    tracemalloc.start()
    try:
        for text in texts:
            lexicon.words(text)
        kept, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        lexicon._remembered_words.cache_clear()
    per_text = kept / len(texts)
    assert per_text < 6_000, f"{per_text:,.0f} bytes kept for each text's ~300 words"



def test_reworded_paragraphs_leave_the_cuts_between_pieces_where_they_were(monkeypatch):
    """Past the budget the text is cut in pieces. A word changed here and there (one paragraph in 50, about
    one a piece) must not move the cuts after it. Ending a piece at any blank line past its least size made
    each cut depend on the one before: how far a shift ran on depended on the text (here half the pieces
    moved; in a 200,000-clause spec, 1,726 of 1,809)."""
    from specdiff import parse

    monkeypatch.setattr(parse, "MAX_CLAUSES", 40)
    monkeypatch.setattr(parse, "MAX_CLAUSE_CHARS", 20_000)
    monkeypatch.setattr(parse, "MIN_PIECE_CHARS", 5_000)
    rng = random.Random(5)
    words = "renewal card event notice library share user assistant catalogue reminder hold patron branch".split()
    paragraphs = [
        "The " + " ".join(rng.choice(words) for _ in range(rng.randint(8, 24))) + f" within {rng.randint(2, 90)} days."
        for _ in range(6_000)
    ]
    old = parse.parse_document("# Visits\n\n" + "\n\n".join(paragraphs) + "\n", "spec.md")
    for k in range(100, len(paragraphs), 50):
        reworded = paragraphs[k].split(" ")
        reworded[2] = "reminders"
        paragraphs[k] = " ".join(reworded)
    new = parse.parse_document("# Visits\n\n" + "\n\n".join(paragraphs) + "\n", "spec.md")
    assert len(new.clauses) > 100
    old_starts = {c.lines[0] for c in old.clauses}
    kept = [c for c in new.clauses if c.lines[0] in old_starts]
    assert len(kept) >= 0.9 * len(new.clauses)  # 99 of 200 with cuts at any blank line past the least size
