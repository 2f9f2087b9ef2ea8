"""Plain lines are what Rich prints without colour (but for the spaces Rich pads lines with, which the
renderer strips): the fast path changes no byte of ``--format text``."""

from __future__ import annotations

import io

from hypothesis import example, given, settings
from hypothesis import strategies as st

from specdiff.diff import DiffRequest, diff_revisions
from specdiff.render import RenderOptions
from specdiff.render.terminal import render, render_into
from specdiff.render.terminal_lines import Lines, PlainLines, RichLines

# Words that stress the wrapping: wide and zero-width characters, long runs to fold, odd spaces,
# and the characters PlainLines leaves to Rich (tab, Unicode line separators).
PIECES = ["a", "rule", "must", " ", "  ", "\n", "\t", "漢字", "😀", "👨\u200d👩\u200d👧", "e\u0301", "\u200b", "\xa0", "\u3000"]
PIECES += ["\u2028", "—", "’", "“", "…", "→", "x" * 30, "長" * 12, "[-", "+}"]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
parts = st.lists(st.tuples(texts, st.sampled_from(["", "bold", "dim"])), min_size=1, max_size=4)


def both(width: int, draw) -> tuple[str, str]:
    drawn = []
    for make in (lambda b: PlainLines(b, width), lambda b: RichLines(b, width, color=False)):
        lines: Lines = make(io.StringIO())
        draw(lines)
        drawn.append("\n".join(line.rstrip() for line in lines.text().split("\n")))  # as render() strips them
    return drawn[0], drawn[1]


@settings(max_examples=300)
@given(parts, st.sampled_from([0, 2, 4]), st.integers(1, 60))
def test_a_line_wraps_as_rich_wraps_it(line_parts, indent, width):
    plain, rich = both(width, lambda lines: lines.line(line_parts, indent))
    assert plain == rich


@settings(max_examples=200)
@given(texts, st.integers(1, 60))
@example("Rules\u200d", 7)  # a zero-width joiner in a title: Rich draws one dash less
def test_a_rule_and_a_string_are_drawn_as_rich_draws_them(text, width):
    def draw(lines: Lines) -> None:
        lines.rule(text)
        lines.plain(text)
        lines.blank()

    plain, rich = both(width, draw)
    assert plain == rich


def test_every_diff_of_the_sample_history_renders_the_same_both_ways(sample_repo):
    path, commits = sample_repo
    for old, new in zip(commits, commits[1:]):
        diff = diff_revisions(DiffRequest(path, (old, new)))
        for width in (40, 100):
            for mentions in (False, True):
                options = RenderOptions(width=width, mentions=mentions)
                by_rich = render_into(RichLines(io.StringIO(), width, color=False), diff, options)
                assert render(diff, options) == by_rich, f"{old[:7]}..{new[:7]} at width {width}"
