"""Turn the text of one Markdown spec file into a :class:`~specdiff.model.Document`.

A document is a list of sections, each a heading with the clauses directly
under it. Clauses are the blocks a reviewer reasons about one at a time:

>>> doc = parse_document('''# Safety {#safety authority=root}
...
... The assistant MUST refuse[^a1b2].
...
... - Be brief.
...   - Very brief.
... ''', "spec.md")
>>> [(s.id, s.heading, s.attributes) for s in doc.sections]
[('', '', {}), ('safety', 'Safety', {'authority': 'root'})]
>>> for clause in doc.clauses:
...     print(clause.kind, repr(clause.normalized), clause.lines, clause.footnotes)
paragraph 'The assistant MUST refuse[^a1b2].' (3, 3) ('a1b2',)
list_item 'Be brief.' (5, 5) ()
list_item 'Very brief.' (6, 6) ()

Markdown is read with markdown-it-py (CommonMark plus tables, front matter,
footnotes and ``!!! type "title"`` admonitions). This module knows nothing
about git; :func:`decode` turns a file's bytes into text first.
"""

from __future__ import annotations

import bisect
import hashlib
import operator
import re
import unicodedata
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from specdiff.errors import UnreadableFile
from specdiff.model import Clause, Document, Section
from specdiff.patterns import compile_linear

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token
    from markdown_it.tree import SyntaxTreeNode

_REQUIREMENT_PREFIXES = ("FR", "NFR", "REQ", "SC", "US", "AC")
DEFAULT_REQUIREMENT_IDS = (rf"\b(?:{'|'.join(_REQUIREMENT_PREFIXES)})-\d+\b",)
"""Requirement ID patterns (spec-kit ``FR-001``, ``SC-002`` ...); configurable."""
_DEFAULT_REQUIREMENT_PATTERN = re.compile(
    "(?:" + "|".join(rf"{p[0]}(?<!\w{p[0]}){p[1:]}" for p in _REQUIREMENT_PREFIXES) + r")-\d+\b"
)
"""The default patterns, built from the same prefixes but compiled to start with a letter and look
back for the word boundary from there: the same matches, but ``re`` skips to the next candidate
letter instead of testing the boundary at every character (a 16 MB spec took 0.46 s, now 0.07 s; it is searched several times)."""

_ATTRIBUTE_BLOCK = re.compile(r"\s*\{([^{}]*)\}\s*$")
_ATTRIBUTE = re.compile(
    r"""#(?P<id>[^\s}]+)|\.(?P<cls>[\w-]+)|(?<![\w-])(?P<key>[\w-]+)=(?:"(?P<qv>[^"]*)"|'(?P<sv>[^']*)'|(?P<v>[^\s"']+))"""
)
# An HTML anchor: `<a id="scope"></a>`, a site's heading link `<a href="#scope" id="scope" class="headerlink"></a>`,
# or one around text, `<a name="scope">Scope</a>` (group "shown"). Its other attributes hold no `<`, so a
# search stops at the next tag and stays linear; one `\s` after the tag's name, not `\s+`, which with the
# optional attributes after it split a run of spaces every way (`<a` and 20,000 spaces took 14 s).
_HTML_ANCHOR = re.compile(
    r"""<a\s(?:[^<>]*?\s)?(?:id|name)\s*=\s*["']([^"'<>]+)["'][^<>]*?/?>\s*(?:(?P<shown>[^<]*)</a>)?""", re.IGNORECASE
)
# Anywhere in a clause, as GitHub keeps them: `| <a name="infoTitle"></a>title | string |`, or the id of
# any element, which GitHub keeps too and a site links to (SLSA's `<tr id="isolated">` requirement rows,
# `<span id="build-id">` terms, `<details id="build-tool">` threats). `name` names an anchor only on `<a>`.
# No `<` inside the tag, as above: `[^>]*` ran each `<a ` to the line's end, and 20,000 took 13 s.
_HTML_ANCHOR_IN_TEXT = re.compile(
    r"""<(?:a\s(?:[^<>]*?\s)?(?:id|name)|[a-z][\w-]*\s(?:[^<>]*?\s)?id)\s*=\s*["']([^"'<>]+)["'][^<>]*>""", re.IGNORECASE
)
# A kramdown block attribute line: `{: #fig-upload title="Upload"}`, `{:compact}`.
_KRAMDOWN_IAL = re.compile(r"\{:\s*([^{}]*)\}")
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\[\s]+)\]")  # no "[" in a label: "[^a" x 70,000 was quadratic (101 s)
_FOOTNOTE_DEFINITION = re.compile(r"^\s{0,3}\[\^[^\]\s]+\]:")
_LINK_TARGET = re.compile(r"(?<!!)\[[^\]\[]*\]\(\s*<?([^)\s>]+)")  # no "[" inside: "[a(" x 100k was quadratic
_WEB_ADDRESS = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:\s+|$)")
_BLOCKQUOTE_MARKER = re.compile(r"^\s*>\s?")
# Emphasis markers at the edge of a word: `*must*`, `**never**`, `_only_`. An
# underscore inside a word (snake_case) is text, so it needs a non-word neighbour:
#     (?<![\w*_])[*_]{1,3}(?=\S)  |  (?<=\S)[*_]{1,3}(?![\w*_])
# It is written to start with the marker and look back from there, the same matches:
# a pattern that starts with a character class lets `re` skip to the next `*` or `_`
# instead of trying both look-behinds at every character (16 MB took 0.93 s, now 0.08 s).
_EMPHASIS = re.compile(r"[*_](?:(?<=(?<![\w*_])[*_])[*_]{0,2}(?=\S)|(?<=\S[*_])[*_]{0,2}(?![\w*_]))")
_WHITESPACE = re.compile(r"\s+")

BINARY_SNIFF_BYTES = 8000
"""A NUL byte within this many first bytes makes a file binary, as git decides."""


def decode(data: bytes, path: str) -> str:
    """Return the text of a tracked file that is not a spec (read by the scanners), or raise
    :class:`UnreadableFile`. Spec files go through ``spec_files.decode_spec``, which also
    reads UTF-16 and UTF-32.

    A NUL byte in the first 8,000 bytes means binary (git's own test); a
    UTF-8 byte-order mark is dropped.

    >>> decode(b"\\xef\\xbb\\xbfhello", "a.md")
    'hello'
    >>> decode(b"caf\\xe9", "a.md")
    Traceback (most recent call last):
    ...
    specdiff.errors.UnreadableFile: a.md is not UTF-8 text (byte 3); skipped
    """
    if b"\0" in data[:BINARY_SNIFF_BYTES]:
        raise UnreadableFile(f"{path} looks binary; skipped")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"{path} is not UTF-8 text (byte {error.start}); skipped") from None


def parse_document(text: str, path: str, requirement_ids: Sequence[str] = DEFAULT_REQUIREMENT_IDS) -> Document:
    """Parse Markdown ``text`` read from ``path`` into sections and clauses."""
    if "\r" in text:  # (asked first: two copies of a 400 kB spec cost 0.35 ms a commit walking its history)
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # CommonMark counts a lone CR as a line end too
    lines = text.split("\n")
    mdx = path.endswith(".mdx")
    # What markdown-it reads: the same lines, with the ones that are not Markdown
    # (kramdown-rfc front matter, JSX and ESM in MDX) blanked and kept as blocks of their own.
    readable, set_aside = _kramdown_rfc(lines)
    if mdx:
        readable, jsx = _mdx_code(readable)
        set_aside += jsx
    bikeshed = _bikeshed(lines)
    if bikeshed:  # Bikeshed takes any space after a heading's hashes: TUF's "##\xa0Update the snapshot role ##"
        readable = [_HASHES_AND_NO_BREAK_SPACE.sub(r"\1 ", line) if "\xa0" in line else line for line in readable]
        readable, metadata = _bikeshed_metadata(readable)
        set_aside += metadata
    # MDX and Bikeshed have no indented code blocks: indented lines are prose (a component's children,
    # Bikeshed's definition lists), and code sits in fences or <pre>.
    indented_code = not (mdx or bikeshed)
    detailed, starts, fenced_headings = _detailed_lines(readable)
    fence_notes: list[str] = []
    if fenced_headings:
        readable, fence_notes = _fences_closed_before_headings(readable, detailed, fenced_headings, path, indented_code)
        if fence_notes:
            detailed, starts, _ = _detailed_lines(readable)
    # A set-aside block that runs past the end of detailed reading keeps only its lines before it:
    # the rest belongs to the block of text read after the cut.
    set_aside = [
        _Block(b.kind, b.start, tuple(n for n in b.line_numbers if n < detailed), b.level, b.heading)
        for b in set_aside
        if b.start < detailed
    ]
    blocks = _chunks_within_budget(readable[:detailed], starts, set_aside, indented_code)  # in order, chunk after chunk
    if set_aside:
        blocks = sorted(set_aside + blocks, key=lambda b: b.start)
    blocks, rest, reason = _within_budget(blocks, detailed, len(lines))
    if rest:  # one block of text, which `_assemble` cuts into pieces
        blocks.append(_Block("paragraph", rest[0], rest, heading=reason))
    # (A set-aside line is blank to the Markdown parser, so the same blocks need not hold the same text there.)
    document = _assemble(path, blocks, lines, tuple(requirement_ids), rest[0] if rest else None, remember_runs=not set_aside)
    if _declares_capitals_only(text):
        document = replace(document, sections=tuple(replace(s, capitals_only=True) for s in document.sections))
    if fence_notes:
        document = replace(document, notes=(*fence_notes, *document.notes))
    return document


_CAPITALS_ONLY = re.compile(
    r"(?i)when,?\s+and\s+only\s+when,?\s+they\s+appear\s+in\s+all\s+capitals|\{::boilerplate\s+bcp14(?:-tagged)?\}"
)
"""A document's declaration that its keywords bind only in capitals: RFC 8174's sentence, written
out or as kramdown-rfc's ``{::boilerplate bcp14-tagged}`` or ``{::boilerplate bcp14}`` (both print
it; OAuth 2.1's draft has the second), which the parse sets aside."""


def _declares_capitals_only(text: str) -> bool:
    """Whether ``text`` holds :data:`_CAPITALS_ONLY`, asked only of a text with one of its words:
    the search, which ignores case and so has no literal to skip to, took 4.5 ms on a 390 kB spec,
    a sixth of each commit's time walking its history; the words are found in 0.5 ms.

    >>> _declares_capitals_only("... when, and only when, they appear in all CAPITALS"), _declares_capitals_only("capitals")
    (True, False)
    """
    folded = text.casefold()
    return ("capitals" in folded or "bcp14" in folded) and _CAPITALS_ONLY.search(text) is not None


# -- Reading within bounds ------------------------------------------------------------
# Real specs stay inside these. The largest seen: SARIF's generated 2.2 draft (667 kB, 11,000
# lines, 2,086 clauses, 570 sections), OpenAPI 3.2.0 (296 kB, 5,604 lines), spec-kit's changelog
# (1,665 clauses, 436 sections), and a 9,224-character paragraph. Past them a hostile file is
# still compared in full, but as blocks of text instead of clause by clause, and a warning says
# from which line.

MAX_DETAILED_LINES = 25_000
"""Lines the Markdown parser reads; the rest are blocks of text. (SARIF's generated draft has 11,000 lines.)"""
MAX_CHUNK_LINES = 10_000
"""Lines of one heading's chunk the Markdown parser reads (200,000 table rows took 81 s and 1.2 GB, 10,000 take 0.6 s)."""
MAX_DETAILED_CHARS = 1_000_000
"""Characters the Markdown parser reads, at most (a 16 MB file of 4,000 ever deeper list items)."""
MAX_SECTIONS = 2_000
"""Headings read as sections; from the next one on, blocks of text (20,000 identical headings took 143 s)."""
MAX_CLAUSES = 5_000
"""Clauses read one by one; from the next one on, blocks of text (50,000 requirement lines were killed at 45 s)."""
MAX_CLAUSE_CHARS = 50_000
"""A longer clause (a 700 kB unclosed fence, 10 MB on one line) is compared in pieces of at most this size."""
MIN_PIECE_CHARS = MAX_CLAUSE_CHARS // 4
"""A piece ends, past this size, after a line whose hash says so (one line in 16): the cuts depend on the
lines themselves, not on where the piece started, so an edit changes its own piece, not the ones after it.
(Ending at any blank line past this size made each cut depend on the one before: in a 200,000-clause
spec with 1 % of its paragraphs reworded, 83 of 1,809 pieces kept their first line.)"""


def _detailed_lines(lines: list[str]) -> tuple[int, list[int], list[_FencedHeading]]:
    """How many of the first lines the Markdown parser reads (``MAX_DETAILED_LINES``, ``MAX_DETAILED_CHARS``,
    ``MAX_CHUNK_LINES``), the first line of each chunk among them and the headings found inside
    fences there (:func:`_chunk_starts`).

    >>> _detailed_lines(["# A", "", "text", "# B", *["- x"] * MAX_CHUNK_LINES, "# C"])
    (10003, [0, 3], [])
    """
    detailed = _within_size(lines)
    starts, fenced_headings = _chunk_starts(lines[:detailed])
    for k, (start, end) in enumerate(zip(starts, starts[1:] + [detailed])):
        if end - start > MAX_CHUNK_LINES:
            return start + MAX_CHUNK_LINES, starts[: k + 1], [h for h in fenced_headings if h.heading < start + MAX_CHUNK_LINES]
    return detailed, starts, fenced_headings


def _within_size(lines: list[str]) -> int:
    """How many of the first lines fit ``MAX_DETAILED_LINES`` and ``MAX_DETAILED_CHARS``."""
    if sum(map(len, lines)) + len(lines) <= MAX_DETAILED_CHARS:  # the whole file fits: no line to count
        return min(len(lines), MAX_DETAILED_LINES)
    size = 0
    for n, line in enumerate(lines[:MAX_DETAILED_LINES]):
        size += len(line) + 1
        if size > MAX_DETAILED_CHARS:
            return n
    return min(len(lines), MAX_DETAILED_LINES)


def _within_budget(blocks: list[_Block], detailed: int, line_count: int) -> tuple[list[_Block], tuple[int, ...], str]:
    """The blocks read clause by clause, the lines left to read as blocks of text, and why they are left.

    >>> blocks = [_Block("heading", n, (n,), 1, "h") for n in range(MAX_SECTIONS + 2)]
    >>> kept, rest, reason = _within_budget(blocks, MAX_SECTIONS + 2, MAX_SECTIONS + 2)
    >>> len(kept), rest, reason
    (2000, (2000, 2001), 'more than 2,000 headings')
    """
    headings = [b.kind for b in blocks].count("heading")
    if headings <= MAX_SECTIONS and len(blocks) - headings <= MAX_CLAUSES:  # most files: counted in C, not block by block
        if detailed == line_count:
            return blocks, (), ""
        over, cut = _back_to_a_heading(blocks, len(blocks), detailed)
        megabytes = MAX_DETAILED_CHARS // 1_000_000
        reason = f"more than {MAX_DETAILED_LINES:,} lines, {megabytes} MB or {MAX_CHUNK_LINES:,} lines under one heading"
    else:
        sections = clauses = 0
        over = -1  # over the budget: the block that goes over it
        while sections <= MAX_SECTIONS and clauses <= MAX_CLAUSES:
            over += 1
            if blocks[over].kind == "heading":
                sections += 1
            else:
                clauses += 1
        reason = f"more than {MAX_SECTIONS:,} headings" if sections > MAX_SECTIONS else f"more than {MAX_CLAUSES:,} clauses"
        over, cut = _back_to_a_heading(blocks, over, blocks[over].start)
    kept = [_Block(b.kind, b.start, tuple(n for n in b.line_numbers if n < cut), b.level, b.heading) for b in blocks[:over]]
    return [b for b in kept if b.line_numbers], tuple(range(cut, line_count)), reason


def _back_to_a_heading(blocks: list[_Block], over: int, cut: int) -> tuple[int, int]:
    """Where the detailed reading ends instead of at line ``cut`` (block ``over``): at the last
    heading in the second half of the lines up to it, when there is one, so that both sides of
    a diff cut at the same text. SARIF's generated 11,000-line draft was cut at line 10,000: one
    line added above the cut moved the line after it into the blocks of text, and unchanged
    clauses on either side of the cut came out removed, merged and split.

    >>> blocks = [_Block("heading", 0, (0,), 1, "a"), _Block("paragraph", 2, (2, 3)), _Block("heading", 6, (6,), 2, "b"),
    ...           _Block("paragraph", 8, (8,))]
    >>> _back_to_a_heading(blocks, 4, 10), _back_to_a_heading(blocks, 4, 20)
    ((2, 6), (4, 20))
    """
    for k in range(min(over, len(blocks) - 1), -1, -1):
        if blocks[k].start < cut // 2:
            break
        if blocks[k].kind == "heading":
            return k, blocks[k].start
    return over, cut


_KIND = operator.attrgetter("kind")


def _chunks_within_budget(readable: list[str], starts: list[int], set_aside: list[_Block], indented_code: bool) -> list[_Block]:
    """The blocks of the chunks of ``readable`` (which start at ``starts``), up to the chunk in which the budget runs out.

    ``_within_budget`` cuts before that chunk ends, so no later chunk is parsed: in
    a file of 100,000 headings, 8,000 of the 10,000 chunks read in detail were parsed
    for nothing (its diff took 1.95 s of processor time, now 0.85 s). The set-aside
    blocks count against the budget where they start.
    """
    set_aside_starts = sorted(b.start for b in set_aside)
    blocks: list[_Block] = []
    headings = others = 0
    for start, end in zip(starts, starts[1:] + [len(readable)]):
        chunk = _chunk_blocks_at("\n".join(readable[start:end]), start, indented_code)
        blocks += chunk
        in_chunk = operator.countOf(map(_KIND, chunk), "heading")
        headings, others = headings + in_chunk, others + len(chunk) - in_chunk
        if headings > MAX_SECTIONS or others + bisect.bisect_left(set_aside_starts, end) > MAX_CLAUSES:
            break
    return blocks


def _pieces(numbered: list[tuple[int, str]]) -> list[tuple[tuple[int, ...], str]]:
    """Cut numbered lines into pieces of at most ``MAX_CLAUSE_CHARS``: each piece's line numbers and text.

    A line longer than that is cut at spaces (or anywhere, if it has none).

    >>> [(lines, len(text)) for lines, text in _pieces([(0, "a"), (1, "b " * MAX_CLAUSE_CHARS)])]
    [((0,), 1), ((1,), 50000), ((1,), 50000)]
    """
    pieces: list[tuple[tuple[int, ...], str]] = []
    group: list[tuple[int, str]] = []
    size = 0

    def close() -> None:
        nonlocal size
        while group and not group[-1][1].strip():
            group.pop()
        while group and not group[0][1].strip():
            group.pop(0)
        if group:
            pieces.append((tuple(n for n, _ in group), "\n".join(line for _, line in group)))
        group.clear()
        size = 0

    for n, line in numbered:
        if len(line) > MAX_CLAUSE_CHARS:
            close()
            pieces += [((n,), part) for part in _cut_line(line)]
            continue
        if size + len(line) + 1 > MAX_CLAUSE_CHARS:
            close()
        group.append((n, line))
        size += len(line) + 1
        if size >= MIN_PIECE_CHARS and line.strip() and zlib.crc32(line.encode()) % 16 == 0:
            close()
    close()
    return pieces


_SENTENCE_GAP = re.compile(r"[.!?;]\s+")


def _cut_line(line: str) -> Iterator[str]:
    """Parts of one long line, each at most ``MAX_CLAUSE_CHARS``: cut at the first sentence end
    past ``MIN_PIECE_CHARS``, else after the last space that fits, else anywhere. Each cut is
    measured from the one before, so an edit early in the line can move the later cuts (a line
    of random sentences with words inserted near its start changed 5 to 17 of 43 pieces)."""
    start = 0
    while len(line) - start > MAX_CLAUSE_CHARS:
        sentence_end = _SENTENCE_GAP.search(line, start + MIN_PIECE_CHARS, start + MAX_CLAUSE_CHARS)
        space = line.rfind(" ", start + MIN_PIECE_CHARS, start + MAX_CLAUSE_CHARS)
        end = sentence_end.end() if sentence_end else space + 1 if space >= 0 else start + MAX_CLAUSE_CHARS
        yield line[start:end]
        start = end
    yield line[start:]


# kramdown-rfc (IETF drafts) opens with YAML that runs to the first `--- abstract`
# (or `--- middle`) line, and marks the parts of the document the same way.
_KRAMDOWN_PART = re.compile(r"^---[ \t]+(abstract|middle|back|note_(\S+))\s*$")


def _kramdown_rfc(lines: list[str]) -> tuple[list[str], list[_Block]]:
    """Lines with kramdown-rfc's front matter blanked (it becomes one ``front_matter`` block),
    ``--- abstract`` and ``--- note_X`` read as level-1 headings, ``--- middle`` and ``--- back`` as blank.

    >>> readable, blocks = _kramdown_rfc(["---", "title: Frames", "--- abstract", "", "Text.", "--- middle"])
    >>> readable, [(b.kind, b.line_numbers) for b in blocks]
    (['', '', '# Abstract', '', 'Text.', ''], [('front_matter', (0, 1))])
    """
    if not lines or lines[0].strip() != "---":
        return lines, []
    end = next((n for n in range(1, len(lines)) if lines[n].startswith("---") or lines[n].strip() == "..."), None)
    if end is None or not _KRAMDOWN_PART.match(lines[end]):
        return lines, []  # plain front matter, which markdown-it reads
    readable = list(lines)
    for n in range(end):
        readable[n] = ""
    for n in range(end, len(lines)):
        part = _KRAMDOWN_PART.match(lines[n])
        if part:
            name = part.group(1)
            readable[n] = "# Abstract" if name == "abstract" else f"# {part.group(2).replace('_', ' ')}" if part.group(2) else ""
    return readable, [_Block("front_matter", 0, tuple(range(end)))]


# MDX: `import`/`export` statements, lines that hold only JSX tags (`<Note>`,
# `</Tabs>`, `<Card title="x" />`) and `{expression}` lines are code, not prose.
_ESM = re.compile(r"^(?:import|export)\b")
_JSX_TAGS_LINE = re.compile(r"^\s*(?:</?(?!a[\s>/])[A-Za-z][\w.:-]*(?:\s+[^<>]*?)?/?>\s*)+$")
_JSX_TAG_OPENING = re.compile(r"^\s*<(?!a\s)[A-Za-z][\w.:-]*(?:\s[^<>]*)?$")  # `<CardGroup` … `>` on a later line
_JSX_EXPRESSION_LINE = re.compile(r"^\s*\{.*\}\s*$")


_BIKESHED_METADATA = re.compile(r"""\s*<pre\s+class\s*=\s*["']?metadata["']?\s*>""", re.IGNORECASE)


_HASHES_AND_NO_BREAK_SPACE = re.compile(r"^( {0,3}#{1,6})\xa0")
"""A heading's opening hashes and the no-break space after them, which Bikeshed takes for a space."""


def _bikeshed(lines: list[str]) -> bool:
    """Whether the document is Bikeshed source: its first line with text opens a ``<pre class=metadata>`` block.

    >>> _bikeshed(["<pre class='metadata'>", "Title: The Lantern Protocol"]), _bikeshed(["# Lanterns"])
    (True, False)
    """
    first = next((line for line in lines[:20] if line.strip()), "")
    return bool(_BIKESHED_METADATA.match(first))


def _bikeshed_metadata(lines: list[str]) -> tuple[list[str], list[_Block]]:
    """Bikeshed source with its ``<pre class=metadata>`` block blanked; the block becomes one
    ``front_matter`` block, since it is the page's front matter: its title, editors, date and version.

    >>> readable, blocks = _bikeshed_metadata(["<pre class=metadata>", "Editor: Ann", "</pre>", "", "Text."])
    >>> readable, [(b.kind, b.line_numbers) for b in blocks]
    (['', '', '', '', 'Text.'], [('front_matter', (0, 1, 2))])
    """
    start = next((n for n, line in enumerate(lines) if line.strip()), None)
    if start is None or not _BIKESHED_METADATA.match(lines[start]):
        return lines, []
    end = next((n for n in range(start, len(lines)) if "</pre>" in lines[n].lower()), None)
    if end is None:
        return lines, []  # (an unclosed block is read as markdown-it reads it)
    readable = [*lines[:start], *[""] * (end + 1 - start), *lines[end + 1 :]]
    return readable, [_Block("front_matter", start, tuple(range(start, end + 1)))]


def _mdx_code(lines: list[str]) -> tuple[list[str], list[_Block]]:
    """MDX lines with the JSX and ESM lines blanked; each run of them becomes one ``html`` block.

    Text between a component's tags stays Markdown, as MDX reads it:

    >>> readable, blocks = _mdx_code(["import X from './x'", "", "<Note>", "  Clients MUST retry.", "</Note>"])
    >>> readable, [(b.kind, b.line_numbers) for b in blocks]
    (['', '', '', '  Clients MUST retry.', ''], [('html', (0,)), ('html', (2,)), ('html', (4,))])
    """
    readable = list(lines)
    code: list[int] = []
    fence: str | None = None
    n = 0
    while n < len(lines):
        line = lines[n]
        if fence is not None:
            if _closes(fence, line):
                fence = None
        elif (opening := _FENCE.match(line)) is not None:
            fence = opening.group(1)
        elif _ESM.match(line):  # an ESM block runs to the next blank line, as MDX reads it
            while n + 1 < len(lines) and lines[n + 1].strip():
                code.append(n)
                n += 1
            code.append(n)
        elif _JSX_TAG_OPENING.match(line):  # a tag whose attributes go on over several lines
            end = next((k for k in range(n + 1, min(n + 50, len(lines))) if lines[k].rstrip().endswith(">")), n)
            code += range(n, end + 1)
            n = end
        elif _JSX_TAGS_LINE.match(line) or _JSX_EXPRESSION_LINE.match(line):
            code.append(n)
        n += 1
    blocks: list[_Block] = []
    for n in code:
        readable[n] = ""
        if blocks and blocks[-1].line_numbers[-1] == n - 1:
            blocks[-1] = _Block("html", blocks[-1].start, (*blocks[-1].line_numbers, n))
        else:
            blocks.append(_Block("html", n, (n,)))
    return readable, blocks


def normalize(text: str, kind: str = "paragraph") -> str:
    """Fold what does not change a clause's meaning: markers, emphasis, soft wraps.

    >>> normalize("- The assistant **must**\\n  answer *briefly*.", "list_item")
    'The assistant must answer briefly.'
    >>> normalize("| a |  b |", "table_row")
    'a | b'

    Examples and HTML keep their line breaks, only trailing spaces go.
    """
    if kind in ("example", "html", "front_matter"):
        return "\n".join(line.rstrip() for line in text.strip("\n").split("\n"))
    source_lines = text.split("\n")
    if kind == "list_item" and source_lines:
        source_lines[0] = _LIST_MARKER.sub("", source_lines[0], count=1)
    if kind == "blockquote":
        source_lines = [_BLOCKQUOTE_MARKER.sub("", line, count=1) for line in source_lines]
    if kind == "table_row":
        cells = [cell.strip() for cell in CELL_BORDER.split(text.strip().strip("|"))]
        return " | ".join(_fold_inline(cell) for cell in cells)
    return _fold_inline(" ".join(source_lines))


CELL_BORDER = re.compile(r"(?<!\\)\|")
"""A pipe that ends a table's cell: not an escaped one, which GitHub shows in the cell ("`A` \\| `B`")."""


_INVISIBLE = re.compile(
    r"""<a\s[^<>]*?(?:id|name)\s*=\s*["'][^"'<>]*["'][^<>]*>|</a>|\{:[^{}]*\}|\{#[^{}\s]+\}|(?<=\])\(\s*<?[^()\s>]*>?(?:\s+"[^"]*")?\s*\)""",
    re.IGNORECASE,
)


def markup_only(clause: Clause) -> bool:
    """Whether a clause is an HTML block of tags and comments only, with no words a reader sees:
    MDX's ``<Note>`` and ``</Note>`` lines, ``<div class="type">``, ``<!-- START doctoc -->``; or a
    paragraph that only opens or closes a container (Docusaurus' and VitePress' ``:::note``, ``:::``), or
    only holds a template's tags (Jekyll's ``{% include messages/exit.md %}``, whose page is read on its own),
    kramdown's attribute lists (``{: #tbl-types}``) or a footnote's marker (``[^rfced]``).

    >>> def html(text, kind="html"):
    ...     return Clause("spec.md", kind, text, text, (1, 1), "", "", 0, "")
    >>> markup_only(html('<div class="note">')), markup_only(html("</Note>")), markup_only(html("<!-- toc -->"))
    (True, True, True)
    >>> markup_only(html("<Note>Riders MUST lock their bikes.</Note>"))
    False
    >>> [markup_only(html(text, "paragraph")) for text in (":::note", ":::", "::: Lock it", "{% include docks.md %}", "{: #t}")]
    [True, True, False, True, True]
    """
    if clause.kind == "paragraph":
        return bool(_CONTAINER_FENCE.fullmatch(clause.normalized) or _TEMPLATE_TAGS.fullmatch(clause.normalized))
    return clause.kind == "html" and _MARKUP.fullmatch(clause.normalized) is not None


_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][\w.:-]*(?:\s[^<>]*)?/?>", re.DOTALL)
"""An HTML tag or comment."""
_MARKUP = re.compile(rf"(?:\s*(?:{_TAG.pattern}))+\s*", re.DOTALL)
_TEMPLATE_TAGS = re.compile(r"(?:\s*(?:\{%[^%]*%\}|\{:[^{}\n]*\}|\[\^[^\]\s]+\]))+\s*")
"""A template's tags alone: "{% include_relative general/exit.md %}", "{% endif %}", or kramdown's attribute
lists, which name and style a block ("{: #tbl-types title="Types"}", "{:abnf: sourcecode-name="x.abnf"}"), or
a footnote's marker alone ("[^replace-xxxx]": the footnote is read where it is written)."""
_CONTAINER_FENCE = re.compile(r"\s*:{3,}\s*(?:[A-Za-z][\w-]*)?\s*(?:\{[^{}\n]*\})?\s*")
"""A line that opens or closes a container: ":::note", "::: warning", ":::", "::: tip {#id}"."""


def markup_and_label(clause: Clause) -> bool:
    """Whether a clause is an HTML block of tags (:func:`markup_only`) around a label at most: a layout's ``<dl
    class="as-table"> <dt>Summary<dd>`` (SLSA) names what follows as a heading does, and says
    nothing of its own. A sentence or a keyword in capitals is more than a label, and so are a
    table's cells and code: a row ``<tr><td><code>invocationId</code><td>string`` is a field.

    >>> def html(text):
    ...     return Clause("spec.md", "html", text, text, (1, 1), "", "", 0, "")
    >>> markup_and_label(html('<dl class="as-table"> <dt>Intended for<dd>')), markup_and_label(html("<dt>MUST<dd>"))
    (True, False)
    >>> markup_and_label(html("<td>Riders lock bikes.</td>")), markup_and_label(html("<tr><td><code>id</code><td>string"))
    (False, False)
    """
    if markup_only(clause):
        return True
    if clause.kind != "html" or not clause.normalized.lstrip().startswith("<") or _CELL_OR_CODE.search(clause.normalized):
        return False
    label = _TAG.sub(" ", clause.normalized).split()
    return len(label) <= _LABEL_WORDS and not any(w.isupper() and len(w) > 1 or w[-1] in ".!?;" for w in label)


_CELL_OR_CODE = re.compile(r"(?i)<(?:td|code)\b")
_LABEL_WORDS = 4
"""The most words a label between tags has ("Intended for", "Benefits")."""


def names_its_writers(clause: Clause) -> bool:
    """Whether a paragraph only names who wrote or follows the spec, as front matter's "editors:" does:
    libp2p's "Authors: [@marcopolo]" and "Interest Group: [@cortze], [@raulk]" under each title.

    >>> def paragraph(text):
    ...     return Clause("spec.md", "paragraph", text, text, (1, 1), "", "", 0, "")
    >>> names_its_writers(paragraph("Interest Group: [@cortze], [@raulk] and Ann Lee"))
    True
    >>> names_its_writers(paragraph("Authors: MUST sign each release."))
    False
    """
    return clause.kind == "paragraph" and bool(_WRITERS.fullmatch(clause.normalized.strip()))


_WRITERS = re.compile(
    r"(?i:authors?|editors?|interest\s+group|maintainers?|contributors?)\s*:"
    r"(?:\s*(?:\[@?[\w .-]+\](?:\([^)\s]*\))?|@[\w-]+|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)(?:\s*,|\s+and)?)*"
)
"""A label of people ("Authors:", "Interest Group:"), then only handles, links to them or capitalised names,
or none yet (libp2p's "Interest Group:" filled in later)."""


def stamps_its_edition(clause: Clause) -> bool:
    """Whether a paragraph only says which edition of the spec this is, as GraphQL's line under its title
    does, "_September 2025 Edition_" at each release and "_Current Working Draft_" between them.

    >>> def paragraph(text):
    ...     return Clause("spec.md", "paragraph", text, text, (1, 1), "", "", 0, "")
    >>> [stamps_its_edition(paragraph(t)) for t in ("_September 2025 Edition_", "*Current Working Draft*", "Draft riders")]
    [True, True, False]
    """
    return clause.kind == "paragraph" and bool(_EDITION.fullmatch(clause.normalized.strip()))


_EDITION = re.compile(
    r"[*_]*(?:(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s*)?"
    r"\d{4}\s+Edition|(?:Current\s+)?(?:Working|Editor['’]?s|Public|Candidate)\s+Draft)[*_]*"
)
"""A spec's edition: "September 2025 Edition", "Current Working Draft", "Editor's Draft", perhaps in italics."""


def asks_nothing_of_iana(clause: Clause) -> bool:
    """Whether a paragraph only says that the document asks nothing of IANA, as an IETF draft's "IANA
    Considerations" section does until it registers something; the RFC Editor drops the section at
    publication (QUIC's recovery draft did).

    >>> def paragraph(text):
    ...     return Clause("draft.md", "paragraph", text, text, (1, 1), "", "", 0, "")
    >>> [asks_nothing_of_iana(paragraph(t)) for t in ("This document has no IANA actions.", "IANA is asked to add a row.")]
    [True, False]
    """
    return clause.kind == "paragraph" and bool(_NO_IANA_ACTIONS.fullmatch(clause.normalized.strip()))


_NO_IANA_ACTIONS = re.compile(
    r"(?i)(?:(?:this|the)\s+(?:document|memo|draft|specification)\s+(?:has|makes|requires|includes|contains)\s+no\s+"
    r"(?:IANA\s+actions?|actions?\s+for\s+IANA|requests?\s+(?:to|of|for)\s+IANA)"
    r"|(?:there\s+are\s+)?no\s+IANA\s+(?:actions?|considerations)(?:\s+are\s+(?:required|needed|requested))?)\s*\.?"
)
"""The sentence of an IANA section that asks for nothing: "This document has no IANA actions.", "This memo
includes no request to IANA.", "No IANA actions are required."."""


def front_matter_fields(clause: Clause) -> dict[str, str]:
    """The top-level fields of a front matter block, each with its value and the lines nested under it;
    none for any other clause.

    >>> text = "---\\ntitle: Docks\\nauthor:\\n- ann\\n---"
    >>> front_matter_fields(Clause("a.md", "front_matter", text, "", (1, 5), "", "", 0, ""))
    {'title': 'Docks', 'author': '- ann'}
    """
    if clause.kind != "front_matter":
        return {}
    fields: dict[str, list[str]] = {}
    current: list[str] | None = None
    field_pattern = _BIKESHED_FIELD if _BIKESHED_METADATA.match(clause.text) else _FRONT_MATTER_FIELD
    for line in clause.text.splitlines():
        if line.strip() in ("---", "...") or _BIKESHED_METADATA.match(line) or line.strip().lower() == "</pre>":
            continue
        field = field_pattern.match(line)
        if field:
            current = fields.setdefault(field.group(1).lower(), [])
            current.append(field.group(2).strip())
        elif current is not None:
            current.append(line.strip())
    return {key: "\n".join(part for part in lines if part) for key, lines in fields.items()}


_FRONT_MATTER_FIELD = re.compile(r"([A-Za-z_][\w-]*)\s*:(.*)")
_BIKESHED_FIELD = re.compile(r"([A-Za-z][\w -]*?)\s*:(.*)")
"""A field of Bikeshed's metadata, whose names hold spaces: "Mailing List: ...", "Text Macro: ..."."""


def front_matter_references(clause: Clause) -> frozenset[str]:
    """The references a kramdown-rfc front matter declares (the keys under ``normative:`` and
    ``informative:``); the draft it builds has an anchor for each, so ``[the integrity
    tag](#QUIC-TLS)`` leads to the entry of the reference ``QUIC-TLS``. None for any other clause.

    >>> text = "---\\nnormative:\\n  QUIC-TLS:\\n    title: TLS\\n  RFC8126:\\ninformative:\\n  EARLY: RFC1\\n---"
    >>> sorted(front_matter_references(Clause("a.md", "front_matter", text, "", (1, 8), "", "", 0, "")))
    ['EARLY', 'QUIC-TLS', 'RFC8126']
    """
    return frozenset(_reference_names(clause, ("normative", "informative")))


def _reference_names(clause: Clause, lists: tuple[str, ...]) -> list[str]:
    """The names of the references of ``lists`` a front matter declares, in its order (``front_matter_references``)."""
    if clause.kind != "front_matter":
        return []
    names = []
    indent = None  # of the reference names, under "normative:" or "informative:"; None outside those lists
    for line in clause.text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            listed = _REFERENCE_LIST.match(line)
            indent = 0 if listed and listed[1] in lists else None
            continue
        key = _NESTED_KEY.match(line)
        if indent is not None and key:
            indent = indent or len(key.group(1))
            if len(key.group(1)) == indent:
                names.append(key.group(2))
    return names


_REFERENCE_LIST = re.compile(r"(normative|informative)\s*:\s*$")
_NESTED_KEY = re.compile(r"( +)([^\s:#][^:]*?)\s*:(?:\s|$)")

PAGE_METADATA = frozenset(
    (
        "id slug title sidebar_position sidebar_label sidebar_class_name nav_order nav_exclude weight order "
        "layout permalink toc toc_min_heading_level toc_max_heading_level hide_table_of_contents pagination_label "
        "pagination_prev pagination_next keywords image redirect_from parent grand_parent has_children menu icon "
        "date lastmod last_modified last_update updated author authors editor editors former_editors contributors "
        "maintainers thanks author_name author_email author_website xref tags sidebartitle noindex "
        "contributor informative entity venue kramdown_options abbrev area wg kw keyword ipr pi stand_alone v"
    ).split()
) | {"former editor"}
"""Front matter fields that say how a documentation site shows a page (Docusaurus, Jekyll, Hugo,
Mintlify): its place in the sidebar, its address, its title, tags and cross-references; and who
wrote it, and when (IPFS's "date: 2025-10-13" and "editors:", an IETF draft's "author:", Bikeshed's
"Editor:" and "Former Editor:"); and an IETF draft's (kramdown-rfc's) informative references, contributors,
mailing list, keywords and markup options (SCITT's architecture draft read a DOI added to "informative:" as a
number changed). A change to them changes no rule; a spec's own fields ("version: 1.1", "status: rc", "maturity:
draft", an IETF draft's "docname", its "cat" and "normative:" references, by their names) are read, and so is a
"description", which tells an agent what a spec-kit command or a skill is for."""


def front_matter_read(clause: Clause) -> str:
    """What a front matter block says that is read: its fields but those of :data:`PAGE_METADATA`.

    >>> text = "---\\ntitle: Docks\\ndate: 2025-10-13\\nmaturity: draft\\n---"
    >>> front_matter_read(Clause("a.md", "front_matter", text, "", (1, 5), "", "", 0, ""))
    'maturity: draft'
    """
    fields = front_matter_meaning(clause)
    return "\n".join(f"{key}: {value}" for key, value in fields.items() if key not in PAGE_METADATA)


def front_matter_meaning(clause: Clause) -> dict[str, str]:
    """The fields of a front matter block as what they mean is read: an IETF draft's normative references
    by their names alone. QUIC's drafts dated their references' entries at publication, then cut each down to
    its name ("QPACK: RFC9204"); both read as reworded.

    >>> text = "---\\nnormative:\\n  QPACK:\\n    title: QPACK\\n  RFC8126:\\n---"
    >>> front_matter_meaning(Clause("a.md", "front_matter", text, "", (1, 6), "", "", 0, ""))
    {'normative': 'QPACK\\nRFC8126'}
    """
    fields = front_matter_fields(clause)
    if "normative" in fields:
        fields["normative"] = "\n".join(_reference_names(clause, ("normative",)))
    return fields


def only_link_definitions(normalized: str) -> bool:
    """Whether a clause is only link reference definitions ("[day]: fares/day.md [week]: fares/week.md"):
    where links lead, no words of the spec.

    >>> only_link_definitions("[day]: fares/day.md [week]: fares/week.md"), only_link_definitions("[1]: A note.")
    (True, False)
    """
    return normalized.lstrip().startswith("[") and bool(_LINK_DEFINITIONS.fullmatch(normalized))


_LINK_DEFINITIONS = re.compile(r"(?:\s*\[[^\]\n]+\]:\s*\S+(?:\s+\"[^\"\n]*\")?)+\s*")


def visible_text(normalized: str) -> str:
    """What a reader sees of a clause once rendered: without anchors and link targets.

    Two clauses with the same visible text differ only in where links lead or
    what anchors they set, which is editorial.

    >>> visible_text('<a name="infoTitle"></a>title | See [Info](#infoObject).')
    'title | See [Info].'
    """
    return _WHITESPACE.sub(" ", _INVISIBLE.sub("", normalized)).strip()


def fingerprint(normalized: str) -> str:
    """A short stable hash of normalized text."""
    return hashlib.blake2b(normalized.encode("utf-8"), digest_size=8).hexdigest()


def _fences_alike(example: str) -> str:
    """A normalized example with its code fence written as three backticks, whatever marks it:
    a block fenced with ``~~~~`` instead shows the same code, so it is the same clause.

    >>> _fences_alike("~~~~ text\\n# TYPE foo counter\\n~~~~")
    '```text\\n# TYPE foo counter\\n```'
    """
    lines = example.split("\n")
    opening = _FENCE.match(lines[0])
    if opening is None:
        return example
    lines[0] = "```" + lines[0][opening.end() :].strip()
    if len(lines) > 1 and _closes(opening.group(1), lines[-1]):
        lines[-1] = "```"
    return "\n".join(lines)


_NOT_IN_SLUG = re.compile(r"[^\w\- \u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f]")
"""What a slug leaves out: punctuation and symbols, emoji among them, but not combining marks or
variation selectors, which GitHub keeps. Compiled once: ``re.sub`` with the pattern as text took
35 us a heading."""


HTML_TAG = r"</?[A-Za-z][\w-]*(?:[\s/][^<>\n]*)?>"
"""An HTML tag, opening or closing, as a pattern to build others with. Its name starts with a letter
and ends at a space, a slash or its ">", so a type's "<string, object>" and an arrow's "<->" are no
tags; nothing inside it opens another, so thousands of unclosed "<a " are each tried once."""


# What a heading shows is its text: an image or an HTML tag shows none, a link its words, a code span
# its letters as written (group "code": SPIFFE's "Preserving the `<Trust Domain, Bundle>` Binding" is not
# a tag). A tag's name starts with a letter: Delta's "`checkpoint spec` <-> `checkpoint file naming`"
# shows its arrow, whose hyphen stays in the slug. A tag's name ends at a space, a slash or its ">":
# OpenTelemetry's "map<string, AnyValue>" shows its type, slugged "mapstring-anyvalue" as GitHub
# does. None of the parts holds its own opener (`<`, `[`,
# `(`, a backtick): else each of 40,000 unclosed `<a ` in a heading was tried to the line's end (6 s).
_NO_TEXT_IN_HEADING = re.compile(rf"(?P<code>`[^`\n]*`)|!\[[^\[\]\n]*\]\([^()\n]*\)|{HTML_TAG}|<![^<>\n]*>")
_LINK_IN_HEADING = re.compile(r"\[([^\[\]\n]*)\](?:\([^()\n]*\)|\[[^\[\]\n]*\])")


@lru_cache(maxsize=4096)
def slugify(heading: str) -> str:
    """GitHub's heading slug, made from the text the heading shows: lower case, punctuation
    dropped, spaces to hyphens. The space after a dropped emoji stays, as a hyphen (libp2p's
    roadmap links to ``#-launch-plan``); a heading that is a link is slugged by its words
    (CDEvents' ``### [`service deployed`](conformance/service_deployed.json)``). Numbers that are
    not digits (``②``, ``½``, ``²``: Unicode's "other number") are dropped, as GitHub drops them
    (the WebAssembly component model links ``### 🧵② `canon thread.spawn-ref``` as
    ``#-canon-threadspawn-ref``), though Python's ``\\w`` keeps them.

    >>> slugify("Don't reveal *secrets* (ever)"), slugify("🚀 Launch plan"), slugify("✔️ Done")
    ('dont-reveal-secrets-ever', '-launch-plan', '\ufe0f-done')
    >>> slugify("[`service deployed`](conformance/a.json)"), slugify("Use <code>x</code> here")
    ('service-deployed', 'use-x-here')
    >>> slugify("② Fees at ½ price"), slugify("The `<Card, Patron>` pair"), slugify("map<string, Dock>")
    ('-fees-at--price', 'the-card-patron-pair', 'mapstring-dock')

    Remembered: walking history, a spec's headings come back revision after revision.
    """
    slug = _NOT_IN_SLUG.sub("", shown_text(heading.strip()).lower())
    if not slug.isascii():
        slug = "".join(c for c in slug if unicodedata.category(c) != "No")
    return slug.replace(" ", "-")


def shown_text(heading: str) -> str:
    """The text a heading shows: a link's words, no image, no HTML tag.

    >>> shown_text("[Language](Section 2.md) ![logo](l.png)<sup>1</sup> `<b>`")
    'Language 1 `<b>`'
    """
    return _LINK_IN_HEADING.sub(r"\1", _NO_TEXT_IN_HEADING.sub(_code_span_or_nothing, heading))


def _code_span_or_nothing(match: re.Match[str]) -> str:
    return match.group("code") or ""


_CODE_SPAN = re.compile(r"(`[^`\n]*`)")


def _fold_inline(text: str) -> str:
    """Text without emphasis marks and soft wraps, its code spans as written: a code span shows its
    underscores and asterisks. The Ethereum consensus specs link "New `sync_committee_{subnet_id}`"
    as ``#new-sync_committee_subnet_id``, and a rule's "`*bool`" changed to "`bool`" is a change
    (Kubernetes enhancement proposals: folded, it was no amendment at all).

    >>> _fold_inline("*New* `sync_committee_{subnet_id}`  topic"), _fold_inline("a `*bool` or _a_ `_meta`")
    ('New `sync_committee_{subnet_id}` topic', 'a `*bool` or a `_meta`')

    Struck-through words are gone too: GitHub shows "~~The Client SHOULD retry.~~" deleted, and OpAMP
    struck its void rules and answered questions through before it deleted them.

    >>> _fold_inline("Docks ring. ~~Docks SHOULD flash `red`.~~ Done.")
    'Docks ring. Done.'
    """
    if "~~" in text:
        text = _STRUCK.sub(" ", text)  # (code struck with its sentence goes too: "~~Send `ping`.~~")
    parts = _CODE_SPAN.split(text)  # odd places hold the code spans
    return _WHITESPACE.sub(" ", "".join(part if i % 2 else _EMPHASIS.sub("", part) for i, part in enumerate(parts))).strip()


_STRUCK = re.compile(r"(?<!~)~~(?=[^\s~])(?:[^~]|~(?!~))*?(?<=[^\s~])~~(?!~)")
"""Words struck through, GitHub's way: "~~Docks SHOULD flash.~~" (not a fence's "~~~")."""


@lru_cache(maxsize=2)
def _markdown(indented_code: bool = True) -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.admon import admon_plugin
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    markdown = MarkdownIt("commonmark", {"html": True}).enable("table")
    markdown.use(front_matter_plugin).use(footnote_plugin).use(admon_plugin)
    # Clauses are cut from block tokens and their source lines; the inline pass
    # (emphasis, links) would cost 40 % of parsing for nothing.
    markdown.disable("inline")
    if not indented_code:
        markdown.disable("code")
    return markdown


@dataclass(frozen=True)
class _Block:
    """A heading or a clause's source lines, before sections are assembled."""

    kind: str
    start: int
    """0-based first line."""
    line_numbers: tuple[int, ...]
    """0-based lines that belong to the block (a list item leaves out its nested lists)."""
    level: int = 0
    heading: str = ""

    def shifted(self, offset: int) -> _Block:
        if not offset:
            return self
        return _Block(self.kind, self.start + offset, tuple(n + offset for n in self.line_numbers), self.level, self.heading)


# A chunk of a document starts at an ATX heading that is not inside a fence or
# a raw HTML block. Block structure never crosses such a heading, so each chunk
# can be parsed alone, and a chunk seen before (the unchanged sections of the
# previous revision, when walking history) is not parsed again.
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_RAW_HTML = re.compile(r"^ {0,3}<(pre|script|style|textarea)(?:[\s>]|$)", re.IGNORECASE)
_HTML_COMMENT = re.compile(r" {0,3}<!--")
"""A line that opens an HTML comment, which runs to the first "-->", over blank lines and headings."""


def code_lines(block: str) -> list[str]:
    """A fenced code block's lines of text, stripped, without its fences and blank lines.

    >>> code_lines("```text\\nLocation: x\\n\\n  Range: y\\n```")
    ['Location: x', 'Range: y']
    """
    return [line.strip() for line in block.splitlines() if line.strip() and not _FENCE.match(line.lstrip())]


def _closes(fence: str, line: str) -> bool:
    """Whether ``line`` closes a code block opened by ``fence``: the same character, at least as
    many of them, and nothing else on the line (CommonMark).

    >>> _closes("```", "````"), _closes("```", "~~~"), _closes("````", "```"), _closes("```", "``` x")
    (True, False, False, False)
    """
    closing = _FENCE.match(line)
    if closing is None:
        return False
    marks = closing.group(1)
    return marks[0] == fence[0] and len(marks) >= len(fence) and not line.strip(" `~")


_OPENERS = ("#", "`", "~", "<")
"""The first characters (after up to three spaces) of an ATX heading, a fence or raw HTML."""

_OPENER_LINE = re.compile(r"\n *[#`~<]")
"""The line break before a line that may open an ATX heading, a fence or raw HTML (or close a fence):
its first character after spaces is one of ``#`~<``. Most lines are not, and are skipped by searching
the text for the next such line break (a literal first character lets ``re`` skip fast; ``^`` with
``re.MULTILINE`` tried every character and took longer than reading line by line)."""


@dataclass(frozen=True)
class _FencedHeading:
    """A line that reads as an ATX heading, between blank lines, inside a fenced code block."""

    fence: int
    """0-based line of the fence that opened the block."""
    heading: int
    """0-based line of the heading."""
    closed: bool
    """Whether a fence closes the block at all (else it runs to the end of the text read)."""


def _chunk_starts(lines: list[str]) -> tuple[list[int], list[_FencedHeading]]:
    """First lines of the chunks: 0, and every ATX heading outside fences, raw HTML, HTML comments and front
    matter; and the headings found inside fences (:func:`_fences_closed_before_headings` may close those fences)."""
    starts = [0]
    fenced_headings: list[_FencedHeading] = []
    fence: str | None = None
    fence_line = 0
    in_fence: list[int] = []  # the headings inside the open fence
    n = 0
    if lines and lines[0].strip() == "---":  # front matter runs to the next --- line
        n = next((k for k in range(1, len(lines)) if lines[k].strip() in ("---", "...")), 0) + 1
    text = "\n".join(lines)
    at = sum(len(line) + 1 for line in lines[:n])  # where line n starts
    while n < len(lines):
        line = lines[n]
        if fence is None and line.lstrip(" ")[:1] not in _OPENERS:
            # Skip to the next line that may matter: a 3,000-clause spec has 150 in 6,000.
            found = _OPENER_LINE.search(text, at)
            if found is None:
                break
            n += text.count("\n", at, found.start() + 1)
            at = found.start() + 1
            line = lines[n]
        if fence is not None:
            if _closes(fence, line):
                fence = None
                fenced_headings += [_FencedHeading(fence_line, k, closed=True) for k in in_fence]
                in_fence = []
            elif _ATX_HEADING.match(line) and not lines[n - 1].strip() and (n + 1 == len(lines) or not lines[n + 1].strip()):
                in_fence.append(n)
        elif (opening := _FENCE.match(line)) is not None:
            fence, fence_line = opening.group(1), n
        elif (html := _RAW_HTML.match(line)) is not None:
            closing = f"</{html.group(1).lower()}"
            while closing not in line.lower() and n + 1 < len(lines):  # raw HTML closes anywhere in a line
                at, n = at + len(line) + 1, n + 1
                line = lines[n]
        elif (comment := _HTML_COMMENT.match(line)) is not None:  # (purl's header.md: "<!--", "# PLEASE READ", ...)
            rest = line[comment.end() :]
            while "-->" not in rest and n + 1 < len(lines):
                at, n = at + len(line) + 1, n + 1
                line = rest = lines[n]
        elif _ATX_HEADING.match(line) and n > 0:
            starts.append(n)
        at, n = at + len(line) + 1, n + 1
    fenced_headings += [_FencedHeading(fence_line, k, closed=False) for k in in_fence]
    return starts, fenced_headings


_HASH_OPENS_NO_COMMENT = frozenset(
    "json json5 jsonc javascript js jsx typescript ts tsx go golang java kotlin swift rust rs c cpp c++ csharp cs "
    "css html xml protobuf proto cddl abnf".split()
)
"""Languages in which a line "# words" is no code: not a comment, as in shells, YAML or Python."""

MAX_FENCES_CLOSED = 4
"""Fences left open that one parse closes, at most (each costs markdown-it a parse of the whole text)."""


def _fences_closed_before_headings(
    readable: list[str], detailed: int, fenced_headings: list[_FencedHeading], path: str, indented_code: bool
) -> tuple[list[str], list[str]]:
    """``readable`` with each fence left open closed before the heading it runs over, and a note for each;
    ``fenced_headings`` are the headings inside fences among its first ``detailed`` lines.

    A fence its author forgot to close runs on, by CommonMark, to the next fence line or to the end,
    turning the sections after it into code; the fences after it fall out of step. The OCI runtime
    spec's "Network Devices" example opened a ```json fence and never closed it: "## Control
    groups" and its rules became code, and the commit that added the missing fence read as every
    cgroup rule added. A fence is read as left open before a heading between blank lines inside it
    when the fence is never closed at all, or when its language has no comments that start with
    "#" (JSON cannot hold "## Control groups"); markdown-it must agree that the fence (outside any
    list or quote) runs over that heading. The blank line before the heading becomes the closing
    fence, so no line moves.
    """
    readable = list(readable)  # (it may be the document's own lines, which clauses are cut from)
    notes: list[str] = []
    doubtful: set[int] = set()  # fences markdown-it reads otherwise
    for _ in range(MAX_FENCES_CLOSED):
        heading = next((h for h in fenced_headings if h.fence not in doubtful and _left_open(readable, h)), None)
        if heading is None:
            break
        tokens = _markdown(indented_code).parse("\n".join(readable[:detailed]))
        runs_over = (t for t in tokens if t.type == "fence" and t.level == 0 and t.map and t.map[0] == heading.fence)
        if not any(t.map and heading.heading < t.map[1] for t in runs_over):
            doubtful.add(heading.fence)
            continue
        opening = _FENCE.match(readable[heading.fence])
        assert opening is not None
        readable[heading.heading - 1] = opening.group(0)
        notes.append(
            f"{path}:{heading.fence + 1}: the code block opened here is not closed before the heading on line "
            f"{heading.heading + 1}; read as closed there (a Markdown viewer shows the text after it as code)"
        )
        _, fenced_headings = _chunk_starts(readable[:detailed])
    return readable, notes


def _left_open(readable: list[str], heading: _FencedHeading) -> bool:
    """Whether ``heading`` says that its fence was left open (:func:`_fences_closed_before_headings`)."""
    if not heading.closed:
        return True
    opening = _FENCE.match(readable[heading.fence])
    assert opening is not None
    label = readable[heading.fence][opening.end() :].strip().strip("{}.").split(" ")[0]
    return label.lower() in _HASH_OPENS_NO_COMMENT


@lru_cache(maxsize=1024)
def _chunk_blocks_at(text: str, start: int, indented_code: bool) -> tuple[_Block, ...]:
    """The blocks of one chunk that starts at line ``start``, remembered there too: walking
    history, most chunks of a revision sit where they sat in the one before."""
    return tuple(block.shifted(start) for block in _chunk_blocks(text, indented_code))


@lru_cache(maxsize=1024)
def _chunk_blocks(text: str, indented_code: bool = True) -> tuple[_Block, ...]:
    """The blocks of one chunk, lines counted from the chunk's first line."""
    lines = text.split("\n")
    tokens = _markdown(indented_code).parse(text)
    blocks = sorted(_blocks(tokens) + _uncovered(tokens, lines), key=lambda b: b.start)
    trimmed = []
    for block in blocks:
        numbers = list(block.line_numbers)
        # A list item's span runs on over the blank line after it; a clause does not.
        while len(numbers) > 1 and not lines[numbers[-1]].strip():
            numbers.pop()
        trimmed.append(_Block(block.kind, block.start, tuple(numbers), block.level, block.heading))
    return tuple(trimmed)


@lru_cache(maxsize=64)
def requirement_pattern(requirement_ids: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regular expression matching any of the configured requirement-ID patterns; ``None`` for none.

    Patterns other than the defaults come from a config a pull request can
    change, and are matched in linear time (see ``patterns``).
    """
    if not requirement_ids:
        return None
    if requirement_ids == tuple(DEFAULT_REQUIREMENT_IDS):
        return _DEFAULT_REQUIREMENT_PATTERN
    return compile_linear("|".join(f"(?:{p})" for p in requirement_ids))


def _blocks(tokens: list[Token]) -> list[_Block]:
    from markdown_it.tree import SyntaxTreeNode

    return list(_walk(SyntaxTreeNode(tokens).children))


def _uncovered(tokens: list[Token], lines: list[str]) -> list[_Block]:
    """Blocks for the lines markdown-it leaves out of its token stream.

    Footnote definitions are such lines: the footnote plugin takes them out,
    and would only put them back from the inline pass, which specdiff skips.
    Reference-style link definitions vanish too. Each run of uncovered lines
    becomes a clause, a ``footnote`` when it starts like one; a footnote's
    indented continuation paragraphs stay part of it.
    """
    covered = {n for token in tokens if token.map for n in range(*token.map)}
    runs: list[list[int]] = []
    for n, line in enumerate(lines):
        if n in covered or not line.strip():
            continue
        continues_footnote = (
            runs
            and _FOOTNOTE_DEFINITION.match(lines[runs[-1][0]])
            and line.startswith(("    ", "\t"))
            and all(not lines[k].strip() for k in range(runs[-1][-1] + 1, n))
        )
        if runs and (runs[-1][-1] == n - 1 or continues_footnote):
            runs[-1].append(n)
        else:
            runs.append([n])
    return [_Block("footnote" if _FOOTNOTE_DEFINITION.match(lines[run[0]]) else "paragraph", run[0], tuple(run)) for run in runs]


def _span(node: SyntaxTreeNode) -> range:
    return range(node.map[0], node.map[1]) if node.map is not None else range(0)


def _walk(nodes: Iterable[SyntaxTreeNode]) -> Iterator[_Block]:
    for node in nodes:
        kind = node.type
        if kind == "heading":
            span = _span(node)
            yield _Block("heading", span.start, tuple(span), int(node.tag[1]), node.children[0].content)
        elif kind in ("bullet_list", "ordered_list"):
            for item in node.children:
                yield from _list_item(item)
        elif kind == "table":
            for row in (r for part in node.children for r in part.children):
                yield _Block("table_row", _span(row).start, tuple(_span(row)))
        elif kind == "hr":
            continue
        elif kind == "html_block":
            yield from _html_rows(node)
        else:
            span = _span(node)
            if len(span):
                yield _Block(_CLAUSE_KIND.get(kind, "paragraph"), span.start, tuple(span))


_CLAUSE_KIND = {
    "paragraph": "paragraph",
    "blockquote": "blockquote",
    "admonition": "admonition",
    "fence": "example",
    "code_block": "example",
    "html_block": "html",
    "front_matter": "front_matter",
}


_HTML_ROW = re.compile(r"^ {0,3}<tr(?:[\s>]|$)", re.IGNORECASE)
"""A line that opens an HTML table row."""


def _html_rows(node: SyntaxTreeNode) -> Iterator[_Block]:
    """An HTML block as clauses: one per table row it opens, or the whole block.

    Markdown ends an HTML block only at a blank line, so in a table written
    with HTML whose rows hold Markdown, one block holds the cells that close a
    row and the ``<tr>`` that opens the next. SLSA's requirement tables put
    each level's checkmarks (``<td>✓<td>✓``) right above the next
    requirement's ``<tr id="...">``; read as one clause, a level changed on
    one requirement was read on the next. Each line opening a row starts a
    clause, unless only tags come before it (``<table>`` stays with its first
    row); a ``<pre>``, script or style block is kept whole.
    """
    span = _span(node)
    if not len(span):
        return
    lines = node.content.split("\n")
    starts = [0]
    only_tags = True  # since the last start
    if not _RAW_HTML.match(lines[0]):
        for n, line in enumerate(lines[: len(span)]):
            if n and _HTML_ROW.match(line) and not only_tags:
                starts.append(n)
            only_tags = (only_tags or starts[-1] == n) and (not line.strip() or _MARKUP.fullmatch(line) is not None)
    for start, end in zip(starts, [*starts[1:], len(span)]):
        yield _Block("html", span.start + start, tuple(span[start:end]))


def _list_item(item: SyntaxTreeNode) -> Iterator[_Block]:
    """One clause for the item's own lines, then one per nested item."""
    nested = [child for child in item.children if child.type in ("bullet_list", "ordered_list")]
    nested_lines = {n for child in nested for n in _span(child)}
    own = [n for n in _span(item) if n not in nested_lines]
    yield _Block("list_item", own[0] if own else _span(item).start, tuple(own))
    for child in nested:
        for grandchild in child.children:
            yield from _list_item(grandchild)


def _assemble(
    path: str,
    blocks: list[_Block],
    lines: list[str],
    requirement_ids: tuple[str, ...],
    rest: int | None,
    remember_runs: bool,
) -> Document:
    """Group blocks into sections and turn clause blocks into clauses.

    A clause over ``MAX_CLAUSE_CHARS`` becomes pieces, as does the block of the
    lines from ``rest`` on (past the budget; its ``heading`` says why).
    """
    notes: list[str] = []
    preamble = _new_section(path, "", "", 0, None, {}, None, (), 1)
    sections: list[Section] = [preamble]
    clauses_by_section: list[list[Clause]] = [[]]
    used_ids = _UsedIds({""})
    stack: list[Section] = []  # enclosing sections, outermost first
    pending_anchor: str | None = None
    index = 0
    recording: tuple[int, _Run] | None = None  # where the blocks after a heading start, and the run they may make
    k = 0
    while k < len(blocks):
        block = blocks[k]
        k += 1
        if block.kind == "heading":
            if recording is not None:
                start, run = recording
                _runs.keep(replace(run, blocks=tuple(blocks[start : k - 1]), clauses=tuple(clauses_by_section[-1])))
            heading, anchor, attribute_pairs = _heading_parts(block.heading)
            anchor = anchor or pending_anchor
            pending_anchor = None
            while stack and stack[-1].level >= block.level:
                stack.pop()
            parent = stack[-1] if stack else None
            heading_path = (*(parent.heading_path if parent else ()), heading)
            section_id = _unique(anchor or slugify(heading) or "section", used_ids)
            section = _new_section(
                path,
                section_id,
                heading,
                block.level,
                anchor,
                dict(attribute_pairs),
                parent.id if parent else None,
                heading_path,
                block.start + 1,
            )
            sections.append(section)
            clauses_by_section.append([])
            stack.append(section)
            known = _runs.find(block, section, index, blocks, k, path, requirement_ids) if remember_runs else None
            if known is not None:
                clauses_by_section[-1] += known.clauses
                index += len(known.clauses)
                k += len(known.blocks)
                recording = None
            else:
                recording = (k, _Run(block, (), path, section.id, index, requirement_ids, ())) if remember_runs else None
            continue
        numbers = block.line_numbers
        text = lines[numbers[0]] if len(numbers) == 1 else "\n".join([lines[n] for n in numbers]).strip("\n")
        stripped = text.strip()
        # An anchor set alone on the line above a clause that is no heading names that clause (`<a
        # name="temporaries"></a>` over an endnote in Rust's RFCs; a kramdown `{: #id}` before a block).
        anchor_above, pending_anchor = pending_anchor, None
        # Most clauses are neither a kramdown attribute line nor an HTML anchor: told by their start.
        if stripped and stripped[0] not in "{<":
            if len(text) <= MAX_CLAUSE_CHARS and block.start != rest:
                # ``_clause`` inlined: this runs for each of a spec's thousands of clauses.
                here = sections[-1]
                clause = _clause_at(
                    path, block.kind, text, numbers[0] + 1, numbers[-1] + 1, here.id, here.heading, index, requirement_ids
                )
                if anchor_above:
                    clause = _with_anchor(clause, anchor_above)
                clauses_by_section[-1].append(clause)
                index += 1
                continue
        recording = None  # not a plain clause: the section's blocks are not a run to remember
        ial = _KRAMDOWN_IAL.fullmatch(stripped) if block.kind == "paragraph" and stripped.startswith("{:") else None
        if ial:
            # A kramdown attribute line names what it touches: the heading or clause right above, else what follows.
            ident = _ATTRIBUTE.search(ial.group(1))
            anchor = ident.group("id") if ident and ident.group("id") else None
            last = sections[-1]
            if anchor and last.level and not clauses_by_section[-1] and last.lines[0] == block.start:
                used_ids.discard(last.id)
                sections[-1] = stack[-1] = replace(last, id=_unique(anchor, used_ids), anchor=anchor)
            elif anchor and clauses_by_section[-1] and clauses_by_section[-1][-1].lines[1] == block.start:
                above = clauses_by_section[-1][-1]
                clauses_by_section[-1][-1] = replace(above, anchors=(*above.anchors, anchor))
            elif anchor:
                pending_anchor = anchor
            continue
        anchor_only = _HTML_ANCHOR.fullmatch(stripped) if stripped[:2] in ("<a", "<A") else None
        if anchor_only and not (anchor_only.group("shown") or "").strip() and block.kind in ("paragraph", "html"):
            # `<a id="x"></a>` on its own line names the heading that follows.
            pending_anchor = anchor_only.group(1)
            continue
        if len(text) > MAX_CLAUSE_CHARS or block.start == rest:
            pieces = _pieces([(n, lines[n]) for n in block.line_numbers])
            if block.start == rest:
                notes.append(
                    f"{path}: from line {rest + 1:,} on, the text is compared in blocks of up to {MAX_CLAUSE_CHARS:,} "
                    f"characters, not clause by clause ({block.heading})"
                )
            else:
                notes.append(
                    f"{path}:{block.start + 1}: a clause of {len(text):,} characters is compared as {len(pieces):,} pieces "
                    f"of at most {MAX_CLAUSE_CHARS:,} characters"
                )
            for numbers, piece in pieces:
                part = _Block(block.kind, numbers[0], numbers)
                clauses_by_section[-1].append(_clause(path, part, piece, sections[-1], index, requirement_ids))
                index += 1
        elif stripped:
            clause = _clause(path, block, text, sections[-1], index, requirement_ids)
            clauses_by_section[-1].append(_with_anchor(clause, anchor_above) if anchor_above else clause)
            index += 1
    if recording is not None:
        start, run = recording
        _runs.keep(replace(run, blocks=tuple(blocks[start:]), clauses=tuple(clauses_by_section[-1])))
    return _finish(path, sections, clauses_by_section, len(lines), tuple(notes))


def _with_anchor(clause: Clause, anchor: str) -> Clause:
    return replace(clause, anchors=tuple(dict.fromkeys((anchor, *clause.anchors))))


@dataclass(frozen=True)
class _Run:
    """A section's clauses as one parse assembled them from the blocks after its heading, each a plain
    paragraph, item or row (no kramdown attribute line, no HTML anchor, no piece of a long block).

    Walking history, most chunks of a revision sit where they sat in the one before, and their blocks
    are the same objects (``_chunk_blocks_at``): a section whose heading block is the one seen before,
    followed by the same blocks, with the same id and clause numbers, has the same clauses. Taking
    them whole skips the loop over each block: with the headings remembered too (``_heading_parts``,
    ``slugify``), parsing a 3,000-clause spec again took 3.3 ms instead of 5.4, and a cold log of 600
    commits of the history benchmark 9.2 s instead of 11.5.
    """

    heading: _Block
    """Kept, so that its ``id()``, the run's key, is not another block's."""
    blocks: tuple[_Block, ...]
    path: str
    section: str
    first_index: int
    requirement_ids: tuple[str, ...]
    clauses: tuple[Clause, ...]

    def follows(
        self,
        heading: _Block,
        section: Section,
        index: int,
        blocks: list[_Block],
        k: int,
        path: str,
        requirement_ids: tuple[str, ...],
    ) -> bool:
        """Whether this run is what ``blocks`` hold from ``k`` on, after ``heading``, in ``section`` from clause ``index``."""
        n = len(self.blocks)
        return (
            self.heading is heading
            and self.section == section.id
            and self.first_index == index
            and self.path == path
            and self.requirement_ids == requirement_ids
            and len(blocks) >= k + n
            and all(map(operator.is_, self.blocks, blocks[k : k + n]))
        )


RUNS_KEPT = 1024
"""Sections' runs of clauses kept from one parse to the next (a 3,000-clause spec has 150). They keep
their clauses alive; past about 1,000 a long log's peak memory grew (4,096: 120 -> 157 MB)."""


class _RunMemory:
    """The runs of the sections parsed lately, by their heading block's ``id()``, the least recently
    used leaving first past ``RUNS_KEPT``."""

    def __init__(self) -> None:
        self._by_heading: dict[int, _Run] = {}

    def find(
        self,
        heading: _Block,
        section: Section,
        index: int,
        blocks: list[_Block],
        k: int,
        path: str,
        requirement_ids: tuple[str, ...],
    ) -> _Run | None:
        """The run that ``blocks`` hold from ``k`` on, after ``heading`` (see :meth:`_Run.follows`), if one is kept."""
        run = self._by_heading.pop(id(heading), None)
        if run is None:
            return None
        self._by_heading[id(heading)] = run  # used again: the last to leave
        return run if run.follows(heading, section, index, blocks, k, path, requirement_ids) else None

    def keep(self, run: _Run) -> None:
        self._by_heading[id(run.heading)] = run
        while len(self._by_heading) > RUNS_KEPT:
            del self._by_heading[next(iter(self._by_heading))]

    def clear(self) -> None:
        self._by_heading.clear()


_runs = _RunMemory()


def _clause(
    path: str, block: _Block, text: str, section: Section, index: int, requirement_ids: tuple[str, ...]
) -> Clause:
    first, last = block.line_numbers[0] + 1, block.line_numbers[-1] + 1
    return _clause_at(path, block.kind, text, first, last, section.id, section.heading, index, requirement_ids)


@lru_cache(maxsize=16384)
def _clause_at(
    path: str,
    kind: str,
    text: str,
    first: int,
    last: int,
    section_id: str,
    heading: str,
    index: int,
    requirement_ids: tuple[str, ...],
) -> Clause:
    """A clause, remembered by everything it holds: walking history, a revision's clause that
    sits where it sat in the revision before (same lines, section and number) is that revision's
    clause again, not built anew (building them was a third of parsing a 3,000-clause spec). Remembered by
    the requirement-ID settings, not their compiled pattern, whose hash ``re`` works out again on each lookup."""
    normalized, print_, footnotes, requirements, links, anchors = _clause_facts(kind, text, requirement_ids)
    return Clause(
        path=path,
        kind=kind,
        text=text,
        normalized=normalized,
        lines=(first, last),
        section=section_id,
        heading=heading,
        index=index,
        fingerprint=print_,
        footnotes=footnotes,
        requirements=requirements,
        links=links,
        anchors=anchors,
    )


@lru_cache(maxsize=65536)
def _clause_facts(
    kind: str, text: str, requirement_ids: tuple[str, ...]
) -> tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """What a clause's text says, remembered: a spec's clauses mostly repeat from one revision to the next."""
    normalized = normalize(text, kind)
    pattern = requirement_pattern(requirement_ids)
    requirements = tuple(dict.fromkeys(m.group(0) for m in pattern.finditer(text))) if pattern else ()
    shown = "" if _shown_as_code(kind, text) else text
    return (
        normalized,
        fingerprint(_fences_alike(normalized) if kind == "example" else normalized),
        tuple(dict.fromkeys(_FOOTNOTE_REF.findall(text))),
        requirements,
        tuple(dict.fromkeys(t for t in _LINK_TARGET.findall(_without_comments(shown)) if not _WEB_ADDRESS.match(t))),
        tuple(dict.fromkeys(_HTML_ANCHOR_IN_TEXT.findall(shown))),
    )


def _shown_as_code(kind: str, text: str) -> bool:
    """Whether a clause is a code block that ends where its author meant it to: its text is shown as
    written, and a link or an anchor in it is characters, not a link (the Language Server Protocol's
    TypeScript comments write ``[`this.from`](#CallHierarchyIncomingCall.from)``). A fence left open
    runs to the end of the file: an author's slip, and the links after it were written as links. (A
    fence closed too late cannot be told from one closed where meant: GitHub shows the prose it
    swallows as code, and so its links are not read; the OCI runtime spec once swallowed a dangling
    ``runtime.md#exec`` so.)

    >>> _shown_as_code("example", "```ts\\n[a](#b)\\n```"), _shown_as_code("example", "    [a](#b)")
    (True, True)
    >>> _shown_as_code("example", "```ts\\n[a](#b)\\n\\n## Next"), _shown_as_code("paragraph", "[a](#b)")
    (False, False)
    """
    if kind != "example":
        return False
    opening = _FENCE.match(text)
    if opening is None:
        return True  # indented code
    body = text.rstrip("\n")
    return "\n" in body and _closes(opening.group(1), body.rpartition("\n")[2])


def _without_comments(text: str) -> str:
    """``text`` without its HTML comments, whose links nobody sees (an unclosed one runs to the end),
    in one pass: a search for ``<!--.*?-->`` rescans the rest of the text for each unclosed opener.

    >>> _without_comments("See [a](#a) <!-- and [b](#b) --> too <!-- [c](#c)")
    'See [a](#a)  too '
    """
    if "<!--" not in text:
        return text
    kept, at = [], 0
    while (start := text.find("<!--", at)) >= 0:
        kept.append(text[at:start])
        end = text.find("-->", start + 4)
        if end < 0:
            return "".join(kept)
        at = end + 3
    kept.append(text[at:])
    return "".join(kept)


def _finish(
    path: str, sections: list[Section], clauses_by_section: list[list[Clause]], line_count: int, notes: tuple[str, ...]
) -> Document:
    """Attach clauses to their sections and close each section's line range."""
    ends = [s.lines[0] - 1 for s in sections[1:]] + [max(line_count, 1)]
    finished: list[Section] = []
    for i, (s, clauses, end) in enumerate(zip(sections, clauses_by_section, ends)):
        # Built directly: ``dataclasses.replace`` looks up the fields each time (0.4 ms on 150 sections).
        finished.append(
            Section(
                path=s.path,
                id=s.id,
                heading=s.heading,
                level=s.level,
                anchor=s.anchor,
                slug=s.slug,
                attributes=s.attributes,
                parent=s.parent,
                heading_path=s.heading_path,
                lines=(s.lines[0], max(s.lines[0], end)),
                index=i,
                clauses=tuple(clauses),
                fingerprint=s.fingerprint,
            )
        )
    return Document(path=path, sections=tuple(finished), notes=notes)


def _new_section(
    path: str,
    section_id: str,
    heading: str,
    level: int,
    anchor: str | None,
    attributes: dict[str, str],
    parent: str | None,
    heading_path: tuple[str, ...],
    first_line: int,
) -> Section:
    attribute_text = " ".join(f"{k}={v}" for k, v in sorted(attributes.items()))
    return Section(
        path=path,
        id=section_id,
        heading=heading,
        level=level,
        anchor=anchor,
        slug=slugify(heading),
        attributes=attributes,
        parent=parent,
        heading_path=heading_path,
        lines=(first_line, first_line),
        index=0,
        fingerprint=fingerprint(f"{heading}\n{attribute_text}"),
    )


@lru_cache(maxsize=4096)
def _heading_parts(raw: str) -> tuple[str, str | None, tuple[tuple[str, str], ...]]:
    """:func:`_split_heading`, remembered (the attributes as pairs, which nobody can change): walking
    history, a spec's headings come back revision after revision."""
    heading, anchor, attributes = _split_heading(raw)
    return heading, anchor, tuple(attributes.items())


def _split_heading(raw: str) -> tuple[str, str | None, dict[str, str]]:
    """Separate a heading's text from its anchor and attributes.

    >>> _split_heading('Be kind {#kind authority="user"}')
    ('Be kind', 'kind', {'authority': 'user'})
    >>> _split_heading('<a id="x"></a>Scope')
    ('Scope', 'x', {})
    >>> _split_heading('<a href="#x" id="x" class="headerlink"></a> Scope')
    ('Scope', 'x', {})
    >>> _split_heading('<a name="x">Scope</a> rules')
    ('Scope rules', 'x', {})
    >>> _split_heading('Use {braces} here')
    ('Use {braces} here', None, {})
    >>> _split_heading('Fares <!-- omit in toc -->')
    ('Fares', None, {})
    >>> _split_heading('Object format ### {#object-format}')
    ('Object format', 'object-format', {})
    """
    raw = _without_html_comments(raw).strip() if "<!--" in raw else raw  # shown to no one: "<!-- omit in toc -->"
    anchor: str | None = None
    attributes: dict[str, str] = {}
    # Matched from the last "{" on, not searched for: a search tried every start in a run of
    # spaces, and a heading with 100,000 inner spaces took 42 s.
    brace = raw.rfind("{")
    block = _ATTRIBUTE_BLOCK.match(raw, len(raw[:brace].rstrip())) if brace >= 0 else None
    if block and _is_attribute_block(block.group(1)):
        for match in _ATTRIBUTE.finditer(block.group(1)):
            if match.group("id"):
                anchor = match.group("id")
            elif match.group("key"):
                value = next(v for v in (match.group("qv"), match.group("sv"), match.group("v")) if v is not None)
                attributes[match.group("key")] = value
        raw = _CLOSING_HASHES.sub("", raw[: block.start()])  # TUF's "### Object format ### {#object-format}"
    html_anchor = _HTML_ANCHOR.search(raw)
    if html_anchor:
        anchor = anchor or html_anchor.group(1)
        raw = raw[: html_anchor.start()] + (html_anchor.group("shown") or "") + raw[html_anchor.end() :]
    return _fold_inline(raw), anchor, attributes


_CLOSING_HASHES = re.compile(r"(?:^|\s+)#+\s*$")
"""An ATX heading's closing sequence, which CommonMark strips only at the end of the line, not before an anchor."""


def _without_html_comments(text: str) -> str:
    """``text`` without its closed HTML comments, found by hand in one pass (a pattern looked for the
    close from each of thousands of unclosed "<!--" in turn).

    >>> _without_html_comments("Fares <!-- omit in toc --> <!-- open")
    'Fares  <!-- open'
    """
    kept, at = [], 0
    while (start := text.find("<!--", at)) != -1 and (end := text.find("-->", start + 4)) != -1:
        kept.append(text[at:start])
        at = end + 3
    kept.append(text[at:])
    return "".join(kept)


def _is_attribute_block(inner: str) -> bool:
    """True when every word of ``{...}`` is ``#id``, ``.class`` or ``key=value``."""
    remainder = _ATTRIBUTE.sub("", inner)
    return bool(inner.strip()) and not remainder.strip()


class _UsedIds(set[str]):
    """Section ids taken so far, and for each base id the next number worth trying."""

    def __init__(self, ids: set[str]) -> None:
        super().__init__(ids)
        self.next_number: dict[str, int] = {}


def _unique(section_id: str, used: _UsedIds) -> str:
    """Number repeated ids as GitHub numbers repeated heading slugs: x, x-1, x-2.

    Counting on from the last number given to the same id, not from 1: 20,000
    identical ``## a`` headings took 143 s when each counted from the start.

    >>> used = _UsedIds({""})
    >>> [_unique(i, used) for i in ("a", "a", "a-1", "a")]
    ['a', 'a-1', 'a-1-1', 'a-2']
    """
    n = used.next_number.get(section_id, 0)
    candidate = f"{section_id}-{n}" if n else section_id
    while candidate in used:
        n += 1
        candidate = f"{section_id}-{n}"
    used.next_number[section_id] = n + 1
    used.add(candidate)
    return candidate
