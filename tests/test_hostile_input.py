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
