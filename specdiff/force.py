"""Normative force: which sentences of a spec state rules, and which rule each states.

``lexicon`` finds the words that *can* oblige or permit; this module decides,
sentence by sentence and in the sentence's place, which of them the spec uses
to state a rule of its own. A **rule** is an obligation, a prohibition or a
permission, with its holder when the sentence names one. Everything else is
read as a non-rule, for a reason:

``hedge``
    a possibility or likelihood: "users may feel rushed", "this may take a while";
``ability``
    "can" as ability or possibility: "the method can be applied to lists";
``descriptive``
    "always" / "never" describing, not ruling ("an always-on service"), or a
    deontic adjective that names a kind of thing ("the required fields");
``reported``
    what someone else says: "tell the user that it cannot help";
``not_modal``
    a word that only looks like an order: "See the appendix", "Note that", "It
    should be noted that";
``heading``, ``example``, ``changelog``
    the sentence's place holds no rules: a section heading, an example block or
    an ``Example:`` title, a change log entry.

Rules need not have a modal verb: deontic predicates ("is required", "are not
allowed", "is only licensed when") count, so do commands where the document
states rules ("Cite the source."), and so does a list item under a lead-in that
carries the force ("The assistant must not produce: ..."):

>>> [(r.force, r.holder, r.phrase) for r in rules("The assistant must not guess. Users may feel ignored.")]
[('prohibition', 'assistant', 'must not')]
>>> [(r.force, r.phrase) for r in rules("White lies are not allowed.")]
[('prohibition', 'are not allowed')]
>>> [r.force for r in rules("guessing a user's age", Place(kind="list_item", lead_in="The assistant must not rely on:"))]
['prohibition']

:func:`same_rule` tells whether two rules are one rule reworded (same force,
same holder, mostly the same action). Nothing calls it yet: alignment pairs reworded
clauses by shared content words; ``lint``'s consistency checks read rules through :func:`rules` (``lint/rules.py``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from specdiff.lexicon import STEP_LABEL, TAKES_A_THAT_CLAUSE, Modal, modals, sentences, words
from specdiff.parse import code_lines, shown_text

if TYPE_CHECKING:
    from specdiff.model import Clause, Document, Section

CERTAIN = 0.9
"""Confidence of a reading the words settle (RFC capitals, "must" after a named holder)."""
LIKELY = 0.75
"""Confidence of a reading a reviewer would share most of the time ("may" after an unknown subject)."""
UNSURE = 0.6
"""Below ``0.7`` an effect is flagged "worth a read": a deontic "can", a holder-less "always"."""


@dataclass(frozen=True)
class Place:
    """Where a clause sits, as far as its force is concerned."""

    kind: str = "paragraph"
    """The clause kind (``list_item``, ``example``, ``blockquote`` ...); ``heading`` for a section heading."""
    heading_path: tuple[str, ...] = ()
    path: str = ""
    lead_in: str | None = None
    """For a list item: the text of the paragraph above its list when that paragraph ends with a colon
    or announces "the following"."""
    capitals: bool = False
    """The document writes RFC 2119 keywords in capitals on purpose."""

    commentary: bool = False
    """An aside the document marks as commentary (``!!! meta "Commentary"``) or hides in an HTML
    comment, a section it declares non-normative, or a block quote of another text ("{{HTTP}} says:",
    "Current:"): not its rules."""

    header: str | None = None
    """For a table row under its table's header: the header row, which names the columns."""

    note: bool = False
    """The clause opens with a note's label ("Note:", "_Implementers note:_"): its lower-case keywords
    advise or recall other rules."""

    opening: str | None = None
    """For a list item with a lead-in: its first sentence, the one that goes on from the lead-in. Only
    it takes the lead-in's force; a sentence after it explains ("- The `ResetHint` MUST be set to
    `UNKNOWN`. OpenTelemetry does not carry an explicit reset flag, so ...")."""

    capitals_only: bool = False
    """The document declares that its keywords bind only in capitals (:attr:`Section.capitals_only`):
    there a lower-case "must" or "should" is plain English, whatever the repository's mode."""

    title: bool = False
    """A paragraph all in bold with no full stop, set as a heading is ("**Case 8d: `signedextattrs`
    present without `ext`**"): in a capitals document its lower-case words rule nothing."""

    scenario_case: bool = False
    """A scenario's GIVEN or WHEN item, or an AND item after one (OpenSpec's "- **WHEN** a user runs
    `init`" / "- **AND** no config exists"): the case its THEN items hold in, no outcome of its own."""

    algorithm_step: bool = False
    """A list item of an algorithm, the list below its signature (GraphQL's "ExecuteQuery(query, schema):"
    / "- Let {queryType} be ...", "- Return {data}."), nested items too: its verbs are the algorithm's
    steps, not commands to the reader."""

    completes: str | None = None
    """For a code block: the paragraph right above it, when that paragraph leads into it with a rule
    ("The response MUST have the following headers:" over a block of them): each line of the block is
    an item of that rule, not an example."""

    @property
    def holds_rules(self) -> bool:
        """False where nothing is a rule: headings, examples, change logs, commentary."""
        # (an HTML block holds rules: MDX specs put them in <Note> blocks)
        return self.kind not in ("heading", "example", "front_matter") and not self.changelog and not self.commentary

    @property
    def teaches(self) -> bool:
        """A page that teaches or shows rather than specifies, by its folder or its name (``_TEACHING_PAGE``)."""
        return bool(_TEACHING_PAGE.search(self.path))

    @property
    def credits(self) -> bool:
        """A section that thanks people or lists them: the names in it are no one's rules (what states a
        rule there is still read as one)."""
        return _in_credits(self.heading_path)

    @property
    def changelog(self) -> bool:
        """A change log file, or a section of release notes."""
        return _in_changelog(self.path, self.heading_path)

    @property
    def advises(self) -> bool:
        """A section of advice on risks ("Security Considerations"): in a capitals document its
        lower-case keywords advise."""
        return _in_considerations(self.heading_path)

    @property
    def answers_questions(self) -> bool:
        """A section of answers to common questions ("FAQ", and the questions under it): its commands
        advise whoever asks."""
        return any(_QUESTIONS_HEADING.match(h) for h in self.heading_path)

    @property
    def speaks_of_the_work(self) -> bool:
        """A section about the authors' work on the spec rather than the spec: their tasks ("Action items",
        "TODO", "Next steps"), their own procedures ("Release process", "Contributing"), the questions
        they left open and the alternatives they weighed. Its commands are things to do or to consider,
        not rules."""
        return bool(self.heading_path) and _WORK_HEADING.match(self.heading_path[-1]) is not None

    @property
    def summarizes_a_proposal(self) -> bool:
        """The "Summary" or "Abstract" of a proposal to change a spec (``_PROPOSAL``): its commands
        name what the proposal does."""
        in_summary = bool(self.heading_path) and _SUMMARY_HEADING.match(self.heading_path[-1]) is not None
        return in_summary and _PROPOSAL.search(self.path) is not None


@lru_cache(maxsize=1024)
def _in_considerations(heading_path: tuple[str, ...]) -> bool:
    """:attr:`Place.advises`, remembered."""
    return any(_CONSIDERATIONS_HEADING.match(h) for h in heading_path)


@lru_cache(maxsize=1024)
def _in_credits(heading_path: tuple[str, ...]) -> bool:
    """:attr:`Place.credits`, remembered."""
    return any(_CREDITS_HEADING.match(h) for h in heading_path)


_CREDITS_HEADING = re.compile(
    r"(?i)[\W\d]*(?:appendix\s+\w+\W+)?(?:\(informative\)\s*)?"
    r"(?:acknowledge?ments|(?:\w+\s+)?contributors|authors?'?s?\s+addresses|credits|thanks\b.*|thank\s+you\b.*"
    r"|(?:co-)?chairs?|authors?|(?:chairs?\s+and\s+)?editors?\s*:)\W*$"
)
"""A section of credits: "Acknowledgements", "# (Informative) Acknowledgments", "CloudEvents contributors",
"Authors' Addresses", "Thanks to the MCP community", and the people an OASIS or W3C draft names under
"#### Chairs:" and "#### Editors:" (the colon names people: the Dev Container spec's "## Editors" lists
the code editors that support it). ("## Acknowledgment", one, is MCP's section on how a server
acknowledges a subscription.)"""


@lru_cache(maxsize=1024)
def _in_changelog(path: str, heading_path: tuple[str, ...]) -> bool:
    """:attr:`Place.changelog`, remembered: every sentence read asks it of its place."""
    folders, _, name = path.lower().rpartition("/")
    if re.match(r"(?:changelog|changes|history|news|release[-_ ]?notes)\b", name):
        return True
    if any(re.fullmatch(r"change[-_ ]?logs?|release[-_ ]?notes", folder) for folder in folders.split("/")):
        return True  # Matrix's content/changelog/v1.19.md
    if _CHANGES_BETWEEN_VERSIONS.search(name):
        return True  # SARIF's "Documents/Schema changes between SARIF v1 and v2.md"
    draft = name.startswith(("draft-", "rfc"))
    return any(
        _CHANGELOG_HEADING.search(h) or _CHANGES_BETWEEN_VERSIONS.search(h) or (draft and _CHANGES.fullmatch(h))
        for h in heading_path
    )


@dataclass(frozen=True)
class Reading:
    """What one obliging-looking phrase of a sentence does there."""

    modal: Modal
    rule: bool
    reason: str
    """``rule``, or why it is not one (``hedge``, ``ability``, ``descriptive``, ``reported`` ...)."""
    confidence: float
    holder: str | None = None


@dataclass(frozen=True)
class Rule:
    """A rule a sentence states."""

    force: str
    """``obligation``, ``prohibition`` or ``permission``."""
    strength: int
    """1 may, 2 should, 3 must."""
    holder: str | None
    """Who must comply, by its head word ("assistant", "client"); ``None`` when unnamed."""
    action: str
    """The words that follow the force, lower case: what must (not) or may be done."""
    phrase: str
    """The words that carry the force, as written ("MUST NOT", "are not allowed")."""
    sentence: str
    confidence: float


# -- places ------------------------------------------------------------------------


def places_of(
    sections: Iterable[Section], *, capitals: bool = False, informative: Collection[str] | None = None
) -> dict[Clause, Place]:
    """The place of every clause of ``sections``, with each list item's lead-in.

    ``informative`` holds the ids of the sections the document declares non-normative
    (:func:`informative_sections`); ``None``: found among ``sections``, which must then be
    the whole document for a notice in a parent section to count.

    A list item's lead-in is the paragraph just above its list, when it ends
    with a colon (or announces "the following") and only list items stand
    between them; a table row's is the paragraph just above its table, the
    header row having none. A nested item under
    an item that ends with a colon continues that item instead: under "The
    following rules MUST be applied:", "- `enableCMT` specifies if CMT should
    be enabled:" / "  - CMT supports monitoring of ..." describes, it obliges nothing.
    An item that is only a label ("- **Connection Management**:") names a group
    of the rule's items: its items continue its own lead-in.
    """
    sections = list(sections)
    informative = informative_sections(sections) if informative is None else informative
    found: dict[Clause, Place] = {}
    headings: dict[str, tuple[str, ...]] = {}
    for section in sections:
        headings[section.id] = section.heading_path
        lead_in: str | None = None
        algorithm = False  # the list being read is an algorithm's steps
        step: str | None = None  # the scenario keyword the items so far went on from ("WHEN", "THEN")
        parents: list[tuple[int, str | None]] = []  # the open list items above, by indent, with what their items continue
        header: str | None = None  # of the table being read
        previous: Clause | None = None
        for clause in section.clauses:
            item_lead_in, row_header = None, None
            if clause.kind == "table_row":
                if header is None:
                    header = clause.normalized  # the header row: it names the columns, it has no lead-in
                else:
                    item_lead_in, row_header = lead_in, header
            elif clause.kind != "list_item":
                lead_in = clause.normalized if _leads_a_list(clause.normalized) else None
                algorithm = _ALGORITHM_SIGNATURE.fullmatch(clause.normalized.strip()) is not None
                parents, header, step = [], None, None
            else:
                keyword = _SCENARIO_STEP.match(clause.normalized)
                step = (step if keyword.group(1) == "AND" else keyword.group(1)) if keyword else None
                indent = len(clause.text) - len(clause.text.lstrip())
                while parents and parents[-1][0] >= indent:
                    parents.pop()
                item_lead_in = parents[-1][1] if parents else lead_in
                if not clause.normalized.rstrip().endswith(":"):
                    continued = lead_in
                elif _label_only(clause.normalized) or _case_only(clause.normalized):
                    # "- **Connection Management**:" or "- If the flag is `false`:" leads on its own lead-in's rule
                    continued = item_lead_in
                else:
                    continued = clause.normalized
                parents.append((indent, continued))
            found[clause] = Place(
                clause.kind,
                section.heading_path,
                clause.path,
                item_lead_in,
                capitals,
                commentary=section.id in informative or _commentary(clause) or _quoted(clause, previous),
                header=row_header,
                note=bool(_NOTE_LABEL.match(clause.normalized)),
                opening=_first_sentence(clause.normalized) if clause.kind == "list_item" and item_lead_in else None,
                scenario_case=clause.kind == "list_item" and step in ("GIVEN", "WHEN"),
                algorithm_step=clause.kind == "list_item" and algorithm,
                completes=_rule_it_completes(clause, previous, found.get(previous) if previous else None),
                title=clause.kind == "paragraph" and _BOLD_TITLE.fullmatch(clause.text.strip()) is not None,
                capitals_only=section.capitals_only,
            )
            previous = clause
    return found


def _rule_it_completes(block: Clause, previous: Clause | None, previous_place: Place | None) -> str | None:
    """The paragraph above a code block when it leads into the block with an obligation or prohibition:
    the OCI distribution spec's "... and MUST have the following headers:" over a block that lists them,
    OpenSpec's "THEN it SHALL have this structure:" over a folder tree. Only a short block of short lines
    that is fenced with no language, or as plain text, and holds no sentence, no braces and no HTTP
    message: one in a language (```json) is a sample written in it, a request or a response with a body
    is a template of a message, prose is prose, and one introduced as an example ("The response MUST
    look like this example:") is an example.

    >>> from specdiff.parse import parse_document
    >>> text = "# A\\n\\nThe reply MUST have these headers:\\n\\n```\\nLocation: x\\n```\\n"
    >>> [place.completes for place in places_of(parse_document(text, "a.md").sections).values()]
    [None, 'The reply MUST have these headers:']
    """
    if block.kind != "example" or previous is None or previous.kind != "paragraph" or previous_place is None:
        return None
    lead_in = previous.normalized
    if not _leads_a_list(lead_in) or "example" in lead_in.lower() or not previous_place.holds_rules:
        return None
    if block.text.count("\n") > _LISTED_LINES_AT_MOST + 2:  # (asked first: a long sample is read no further)
        return None
    fence = block.text.lstrip().split("\n", 1)[0]
    lines = code_lines(block.text)
    if fence.strip("`~ \t").lower() not in ("", "text", "txt", "plain", "plaintext"):
        return None
    if not 0 < len(lines) <= _LISTED_LINES_AT_MOST:
        return None
    if any(len(line) > 80 or _NO_LISTED_LINE.search(line) for line in lines) or _HTTP_MESSAGE.match(lines[0]):
        return None
    leading = _leading_sentence(lead_in)
    return lead_in if any(reading.rule and reading.modal.obliges for reading in read_sentence(leading, previous_place)) else None


_LISTED_LINES_AT_MOST = 20
_NO_LISTED_LINE = re.compile(r"[{}]|[.?!]$")
"""A line that is no item a rule lists: a brace of a structure, a sentence's end."""
_HTTP_MESSAGE = re.compile(r"(?:HTTP/\d|(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\s)")
"""A request's or a response's first line: the block is a template of a message, not a list."""


_ALGORITHM_SIGNATURE = re.compile(r"[A-Z]\w*\([^()]*\)\s*:")
"""An algorithm's signature, its steps listed below it: GraphQL's "ExecuteQuery(query, schema, variableValues):"."""


def labelled_example(clause: Clause) -> bool:
    """A paragraph or block quote that opens with an example's label: an example written as prose, whose
    words show a rule stated elsewhere ("> EXAMPLE 4: In this example, the `kinds` array …", "Example: a
    header value of "Euro €" SHOULD be encoded as follows:"). OASIS specs quote their examples so, SARIF
    two hundred times; a label alone ("**Example:**") is a title.

    >>> from specdiff.parse import parse_document
    >>> [labelled_example(c) for c in parse_document("> EXAMPLE 4: A tool reports it.\\n\\n**Example:**\\n", "s.md").clauses]
    [True, False]
    """
    return clause.kind in ("paragraph", "blockquote") and bool(_EXAMPLE_LABEL.match(clause.normalized))


_EXAMPLE_LABEL = re.compile(r"\W*examples?(?:\s+\d+)?\W*:\W*\w", re.I)


def _first_sentence(text: str) -> str | None:
    """The first sentence of ``text`` as :func:`lexicon.sentences` cuts it, so a sentence read later compares equal."""
    found = sentences(text)
    return found[0] if found else None


def _case_only(text: str) -> bool:
    """Whether a list item only names the case its items hold in ("- If the `NoRecordedValue` flag is set
    to `false`:"), asking nothing itself: its items go on with the rule of its own lead-in.

    >>> _case_only("If the flag is set to `false`:"), _case_only("If the flag is set, clients MUST:")
    (True, False)
    """
    return text.rstrip().endswith(":") and bool(_CASE_OPENING.match(text)) and not modals(text)


def _label_only(text: str) -> bool:
    """Whether a list item is only a group's label: at most four words and a colon, the last no word
    that leads on ("- Build platform:", not "- Implement strong controls to:").

    >>> _label_only("Build platform:"), _label_only("Implement strong controls to:")
    (True, False)
    """
    return bool(_LABEL_ONLY.fullmatch(text)) and not _LEADS_ON.search(text)


_LABEL_ONLY = re.compile(r"\s*[\w`'()/-]+(?:\s+[\w`'()/-]+){0,3}\s*:\s*")
_LEADS_ON = re.compile(r"\b(?:to|that|if|when|whether|for|with|of|and|or|the|a|an|by|from|in|on|as)\s*:\s*$", re.I)


def requirement_level(row: str, place: Place) -> int | None:
    """The strength a field table's requirement column gives ``row`` (3 for "Yes" or "✓", 2 for
    "Recommended", 1 for "No" or "✕"), or ``None`` outside such a column: two marks of different
    strengths are different rules, though they are no words (OpenVEX's "role | ✓ |" made "✕").

    >>> place = Place("table_row", header="Field | Required | Description")
    >>> requirement_level("role | \u2713 | The role.", place), requirement_level("role | \u2715 | The role.", place)
    (3, 1)
    """
    mark = _required_column_mark(row, place.header) if place.kind == "table_row" and place.header else None
    return mark.strength if mark else None


def _required_column_mark(row: str, header: str) -> Modal | None:
    """The mark of a field table's requirement column: "Yes" under a "Required" header obliges as
    "required" does, "No" licenses as "optional" does (A2A's field tables); under a "Requirement
    Level" header, `Required` (also "Conditionally Required", with its condition after it) obliges
    as "must" does, `Recommended` as "should", `Opt-In` licenses (OpenTelemetry's semantic
    conventions). ``row`` and ``header`` are normalized rows ("`name` | `string` | Yes | The agent's name.").

    >>> _required_column_mark("`name` | `string` | Yes | The name.", "Field | Type | Required | Description")
    Modal(phrase='Yes', polarity=1, strength=3)
    >>> _required_column_mark("`port` | `Recommended` | int", "Key | [Requirement Level](/levels/) | Type")
    Modal(phrase='Recommended', polarity=1, strength=2)
    >>> _required_column_mark("`name` | `string` | Yes", "Field | Type | Description") is None
    True
    """
    columns = [shown_text(cell).strip(" *_?").lower() for cell in header.split(" | ")]
    column = next((k for k, name in enumerate(columns) if name in _REQUIREMENT_COLUMNS), None)
    cells = row.split(" | ")
    if column is None or len(cells) <= column:
        return None
    level = _LEVEL.match(cells[column])
    if level is None or level.group(1).lower() not in _LEVEL_STRENGTHS:
        return None
    start = sum(len(cell) + 3 for cell in cells[:column]) + level.start(1)
    return Modal(level.group(1), 1, _LEVEL_STRENGTHS[level.group(1).lower()], (start, start + len(level.group(1))))


_REQUIREMENT_COLUMNS = {"required", "mandatory", "required?", "requirement level", "requirement"}
_LEVEL_STRENGTHS = {
    **dict.fromkeys(("yes", "true", "y", "\u2713", "\u2714", "required", "conditionally required", "mandatory"), 3),  # ✓ ✔
    "recommended": 2,
    **dict.fromkeys(("no", "false", "n", "opt-in", "optional", "\u2715", "\u2717", "\u2718", "\u274c"), 1),  # ✕ ✗ ✘ ❌
}
_LEVEL = re.compile(r"\s*[*_`]*([^\s*_`.|](?:[^*_`.|]*[^\s*_`.|])?)[*_`]*\.?(?=\s|$)")
"""A requirement cell's level: its first words up to the end of its mark ("`Conditionally Required`
If it failed." gives "Conditionally Required"; "Yes" gives "Yes")."""


def _leads_a_list(paragraph: str) -> bool:
    """Whether a paragraph introduces the list below it: it ends with a colon or on its keyword (SLSA's
    "The SCS MUST" over items that each open on a verb), or one of its sentences announces "the following"
    ("The following configuration options MUST be available. Each option MUST be overridable ...").

    >>> _leads_a_list("Staff must check:"), _leads_a_list("The following options MUST be offered."), _leads_a_list("Be kind.")
    (True, True, False)
    >>> _leads_a_list("The SCS MUST"), _leads_a_list("Docks MUST NOT"), _leads_a_list("Riders lock bikes as they may.")
    (True, True, False)
    """
    text = paragraph.rstrip()
    if text.endswith(":") or _ENDS_ON_ITS_KEYWORD.search(text, max(0, len(text) - 20)):  # (its end alone: pieces are 50 kB)
        return True
    return "following" in text.lower() and any(_THE_FOLLOWING.search(sentence) for sentence in sentences(text))


def _leading_sentence(lead_in: str) -> str:
    """The sentence of a lead-in that leads into its list: its last, unless an earlier one announces "the
    following" and the last does not end with a colon ("The following options MUST be available. Each option
    MUST be overridable ..."; "The following test vectors are hex-encoded bytes. Implementations SHOULD check
    them." leads into no rule).

    >>> _leading_sentence("The following keys are hex. Implementations SHOULD check them.")
    'The following keys are hex.'
    """
    found = sentences(lead_in) or [""]
    if lead_in.rstrip().endswith(":"):
        return found[-1]
    announcing = [sentence for sentence in found if _THE_FOLLOWING.search(sentence)]
    return (announcing or found)[-1]


_ENDS_ON_ITS_KEYWORD = re.compile(r"\b(?:must|shall|should|may)(?:\s+not)?$", re.IGNORECASE)
"""A paragraph that stops on its keyword, with no stop: the items below finish its sentence."""
_THE_FOLLOWING = re.compile(r"\bthe\s+following\b[^.:;]*\.$", re.IGNORECASE)
"""A sentence that announces the list after it: "The following ... MUST be supported."."""


def informative_sections(sections: Iterable[Section]) -> set[str]:
    """The ids of the sections of one document that it declares non-normative, so that they state no rules.

    A section is one when its heading or an enclosing one is marked "(Informative)" or opens with
    "Non-normative" (SARIF's appendices, GraphQL over HTTP's "Non-normative notes"), when its first
    paragraph says "This section is non-normative." (W3C's habit), or when its parent section is one.

    >>> from specdiff.parse import parse_document
    >>> text = "# A\\n\\n## B (Informative)\\n\\nX.\\n\\n## C\\n\\nThis section is non-normative.\\n\\n### D\\n\\n## E\\n"
    >>> found = informative_sections(parse_document(text, "a.md").sections)
    >>> [s.heading for s in parse_document(text, "a.md").sections if s.id in found]
    ['B (Informative)', 'C', 'D']
    """
    declared = InformativeSections(sections)
    return {section_id for section_id in declared.ids if declared.declares(section_id)}


class InformativeSections:
    """Which sections of one document it declares non-normative (:func:`informative_sections`), found
    section by section as they are asked about: a diff walking a history asks about the few sections
    its changed clauses stand in, and reading all 300 of a 3,000-clause spec took 0.6 ms a commit."""

    def __init__(self, sections: Iterable[Section]) -> None:
        self._by_id = {s.id: s for s in sections}
        self._found: dict[str, bool] = {}

    @property
    def ids(self) -> Iterable[str]:
        return self._by_id.keys()

    def declares(self, section_id: str) -> bool:
        """Whether the section ``section_id`` is declared non-normative, by itself or by a section it stands in."""
        if section_id not in self._found:
            self._found[section_id] = False  # (no parent chain loops, but a malformed one would not recurse for ever)
            section = self._by_id[section_id]
            parent = section.parent if section.parent in self._by_id else None
            self._found[section_id] = _declares_itself_informative(section) or (parent is not None and self.declares(parent))
        return self._found[section_id]


def _declares_itself_informative(section: Section) -> bool:
    if any(map(_informative_heading, section.heading_path)):
        return True
    first = next((c for c in section.clauses if c.kind != "html"), None)
    return first is not None and bool(_INFORMATIVE_NOTICE.match(first.normalized))


def _commentary(clause: Clause) -> bool:
    """An aside for the authors: a commentary box, or an HTML comment ("<!-- Do not edit by hand -->"),
    which a reader of the rendered page never sees."""
    if clause.kind == "admonition":
        return bool(_COMMENTARY.match(clause.text))
    return clause.kind == "html" and clause.text.lstrip().startswith("<!--") and clause.text.rstrip().endswith("-->")


def _quoted(clause: Clause, previous: Clause | None) -> bool:
    """A block quote of another text, as the paragraph above it says: an HTTP draft's "For example,
    {{HTTP}} says:" before RFC 9110's words, an IPIP's "The existing specs say:" or "Current:" before
    the rule it replaces. Its keywords are that text's rules, not this document's."""
    return (
        clause.kind == "blockquote"
        and previous is not None
        and previous.kind == "paragraph"
        and _ANNOUNCES_A_QUOTE.search(previous.normalized) is not None
    )


_ANNOUNCES_A_QUOTE = re.compile(
    r"(?i)(?:\b(?:says?|said|states?|stated|reads?|currently\s+(?:says|states|reads))"
    r"|^\W*(?:current(?:ly)?|before|old(?:\s+text)?|previously|original(?:\s+text)?|existing\s+text)\W*)\s*:\s*$"
)
"""A paragraph that ends by announcing another text's words: "{{HTTP}} says:", "The existing specs say:",
or is only a label for them: "Current:", "Old text:"."""


def place_of_heading(section: Section, *, capitals: bool = False) -> Place:
    return Place("heading", section.heading_path, section.path, None, capitals)


def states_rule(clauses: Iterable[Clause], document: Document, *, capitals: bool = False) -> bool:
    """Whether any of ``clauses`` (of ``document``) states a rule, read in its place."""
    places = places_of(document.sections, capitals=capitals)
    return any(rules(c.normalized, places.get(c, Place(c.kind, capitals=capitals))) for c in clauses)


# -- rules -------------------------------------------------------------------------


def rules(text: str, place: Place = Place()) -> list[Rule]:
    """The rules ``text`` states, sentence by sentence, in its place."""
    found = []
    for sentence in sentences(text):
        for reading in read_sentence(sentence, place):
            if reading.rule:
                found.append(_rule(reading, sentence))
    return found


def rule_modals(text: str, place: Place = Place()) -> list[Modal]:
    """The modal phrases of ``text`` that state rules, in order (what ``semantics`` compares)."""
    return [r.modal for r in read_all(text, place) if r.rule]


def states_a_rule(text: str, place: Place = Place()) -> bool:
    """Whether ``text`` states any rule in its place: ``rule_modals`` that stops at the first,
    so a 12,500-character block past the parser's budget is not read whole to answer it."""
    return any(reading.rule for sentence in sentences(text) for reading in read_sentence(sentence, place))


def read_all(text: str, place: Place = Place()) -> list[Reading]:
    """Every reading of every sentence of ``text``."""
    return [reading for sentence in sentences(text) for reading in read_sentence(sentence, place)]


def read_sentence(sentence: str, place: Place = Place()) -> list[Reading]:
    """Read each obliging-looking phrase of one sentence: a rule, or why not.

    >>> [(r.modal.phrase, r.reason) for r in read_sentence("The method can be applied twice.")]
    [('can', 'ability')]
    >>> [(r.modal.phrase, r.reason) for r in read_sentence("Reply that it cannot answer.")]
    [('Reply', 'rule'), ('cannot', 'reported')]
    """
    if len(sentence) > MAX_REMEMBERED_SENTENCE:
        return list(_readings(sentence, place))
    return list(_remembered_readings(sentence, place))


MAX_REMEMBERED_SENTENCE = 2_000
"""Longer sentences are read again each time: remembering them would keep a hostile file's
readings (a 10 MB line of "must must ...") alive."""


@lru_cache(maxsize=4096)
def _remembered_readings(sentence: str, place: Place) -> tuple[Reading, ...]:
    """The readings of a sentence, remembered: a diff reads each sentence of a changed clause
    on both sides, most of them unchanged (a 20,000-clause file with 30 % reworded read
    33,804 sentences, 16,426 of them different)."""
    return _readings(sentence, place)


def _readings(sentence: str, place: Place) -> tuple[Reading, ...]:
    # Lower-case keywords are read in a capitals document too (real specs lower-case a "should"
    # now and then and mean it), with less confidence: see ``_read``.
    found = modals(sentence)
    if not place.holds_rules:
        reason = "changelog" if place.changelog else "commentary" if place.commentary else place.kind
        return tuple(Reading(m, False, reason, CERTAIN) for m in found)
    if _EXAMPLE_TITLE.match(sentence) or (place.kind == "paragraph" and _DEFINITION.match(sentence) and not found):
        return tuple(Reading(m, False, "example", CERTAIN) for m in found)
    if place.title and place.capitals and not any(m.phrase.split()[0].isupper() for m in found):
        return tuple(Reading(m, False, "title", CERTAIN) for m in found)
    if editors_note(sentence, place):
        # "TODO: Clarify what a use is: the client MUST NOT use the code more than once." is a note
        # the editors left themselves (IETF drafts), as are the items under a "TODO:" line.
        return tuple(Reading(m, False, "editors' note", CERTAIN) for m in found)
    if _REGISTRATION_FIELD.match(sentence) and any(_IANA_HEADING.search(h) for h in place.heading_path):
        # A media type's registration template (RFC 6838) under "IANA Considerations": its "Required
        # parameters:" field says what the media type takes, no rule of the spec.
        return tuple(Reading(m, False, "registration", CERTAIN) for m in found)
    if _QUESTION.search(sentence):
        # "Should we name this to also cover ...?" asks; an RFC's unresolved questions rule nothing.
        return tuple(Reading(m, False, "question", LIKELY) for m in found)
    if _SAYS_NON_NORMATIVE.search(sentence):
        # "The following are non-normative examples of how security may be layered ...:" says it rules nothing.
        return tuple(Reading(m, False, "commentary", LIKELY) for m in found)
    readings = [_read(m, sentence, place) for m in found]
    # "(for example, the server needs to re-index a database)": an example's words, in brackets (a capital
    # keyword there still rules)
    asides = [aside.span() for aside in EXAMPLE_ASIDE.finditer(sentence)] if "(" in sentence else []
    in_aside = [r for r in readings if r.rule and not r.modal.phrase.isupper() and _within(r.modal.span, asides)]
    readings = [Reading(r.modal, False, "example", LIKELY) if r in in_aside else r for r in readings]
    # "| `{ a: "abc", b: 123 }` | `{}` | Error: Exactly one key must be specified |": GraphQL's tables of
    # examples give the message each input fails with; a word of force in it is the message's.
    messages = [r for r in readings if r.rule and _in_error_message(sentence, r.modal)]
    readings = [Reading(r.modal, False, "reported", CERTAIN) if r in messages else r for r in readings]
    readings = [Reading(r.modal, False, "invitation", LIKELY) if r.rule and _invites(r, sentence) else r for r in readings]
    step = _SCENARIO_STEP.match(sentence) if place.kind == "list_item" and not place.scenario_case else None
    if step and not any(r.rule for r in readings):
        # OpenSpec's "- **THEN** ..." bullets under a scenario state what must happen (its "**WHEN**"
        # bullets, the case they hold in).
        readings.append(Reading(Modal(step.group(1), 1, 3, step.span(1)), True, "scenario", LIKELY))
    mark = _required_column_mark(sentence, place.header) if place.header else None
    if mark is not None and not any(r.rule and r.modal.span == mark.span for r in readings):
        readings.append(Reading(mark, True, "field mark", LIKELY))
    item_or_row = place.kind in ("list_item", "table_row")
    label = place.kind == "list_item" and _label_only(sentence)
    completes_lead_in = item_or_row and place.lead_in is not None and _INFINITIVE_OR_OPTIONS_LEAD_IN.search(place.lead_in)
    if label or completes_lead_in:
        # Its first verb is no command: "- Build platform:" names the group of items below it, under
        # "If an SDK provides a way to:", "set a depth limit ..." completes the lead-in's "to" (the
        # lead-in's own force, if any, is the item's below), and under "For example, an implementation
        # can:", "Load the variables into a cache" is one thing it can do.
        readings = [r for r in readings if not (r.rule and _opening_command(r, sentence))]
    only_commands = all(_opening_command(r, sentence) for r in readings if r.rule)
    states_a_case = bool(_CASE_OPENING.match(sentence)) and not any(r.rule for r in readings)
    goes_on = place.opening is None or sentence == place.opening  # (a later sentence of an item explains)
    optional = _OPTIONAL_ITEM.match(sentence) is not None
    if only_commands and item_or_row and place.lead_in and goes_on and not _ASIDE_OPENING.match(sentence) and not states_a_case:
        # An item continues its lead-in: under "must not suggest routes that:", "end at a closed dock"
        # is no command of its own but the lead-in's prohibition; under "The folder SHALL contain:",
        # "An optional `## Purpose` section" is what it may contain.
        inherited = None if optional else _lead_in_force(place)
        if inherited is not None:
            readings = [r for r in readings if not r.rule] + [inherited]
    if place.teaches:
        # A tutorial tells its reader what to do next: its commands and lower-case keywords are steps,
        # not rules ("Fill in the client's details", "the server should accept reduced scopes"). A
        # keyword in capitals still binds ("MCP servers **MUST** use secure session IDs").
        steps = [r for r in readings if r.rule and not r.modal.phrase.isupper()]
        readings = [Reading(r.modal, False, "instruction", LIKELY) if r in steps else r for r in readings]
    elif place.algorithm_step:
        # An algorithm's step says what the algorithm does: GraphQL's "- Return {false}.", "- Add
        # {fragmentSpreadName} to {visitedFragments}.", "...; if no such list exists, create it as an empty
        # list." read as commands added, breaking, beside "Let" and "If" steps read as no rule. A keyword
        # there still rules ("- {InputObjectDefaultValueHasCycle(inputObject)} must be {false}.").
        steps = [r for r in readings if r.rule and r.modal.phrase.lower() not in _MODAL_KEYS]
        readings = [Reading(r.modal, False, "step", LIKELY) if r in steps else r for r in readings]
    elif place.answers_questions or place.speaks_of_the_work:
        # A FAQ's answer tells the asker what to do in a case: its commands advise (SemVer's "Use your best
        # judgment", "No, but use good judgment"). Its keywords are the spec's own recommendations, in any
        # case ("When you deprecate part of your public API, you should do two things"). A section about
        # the authors' work says what they will do or weigh (purl's "### Action items": "Contact maintainers
        # of known PURL implementations"; OpenAPI's "Alternatives considered": "Set `children` rather than
        # `parent` on the tags").
        advice = [r for r in readings if r.rule and _opening_command(r, sentence)]
        kind = "advice" if place.answers_questions else "task"
        readings = [Reading(r.modal, False, kind, LIKELY) if r in advice else r for r in readings]
    return tuple(readings)


def _in_error_message(sentence: str, modal: Modal) -> bool:
    """Whether ``modal`` stands in an error message the text quotes: a table cell or a sentence that
    opens with "Error:" ("Error: Value for member field {a} must be non-null")."""
    cell = sentence.rfind(" | ", 0, modal.span[0])
    return _ERROR_LABEL.match(sentence, cell + 3 if cell >= 0 else 0) is not None


_ERROR_LABEL = re.compile(r"[\s*_`]*error[\s*_`]*:", re.I)


def _opening_command(reading: Reading, sentence: str) -> bool:
    """Whether the reading is a command verb opening its sentence ("lock each bike"), perhaps after
    a label ("**Locks**: Enforce a lock on every bike"), not a modal word ("SHOULD avoid ..." is one)."""
    phrase = reading.modal.phrase.lower()
    before = sentence[: reading.modal.span[0]]
    return phrase not in _MODAL_KEYS and phrase.split()[0] not in _MODAL_KEYS and _opens_as_a_command(before, phrase)


def _invites(reading: Reading, sentence: str) -> bool:
    """Whether a command asks the page's reader in rather than binding anyone: "If you're new to SLSA,
    start here!", or the editors asking for feedback on the text ("Please review and try out this
    release candidate", JSON:API's banner). "Never leave a bike unlocked!" and "Please respond in
    English" still command."""
    if sentence.rstrip().endswith("!") and _opening_command(reading, sentence):
        return True
    request = _REQUEST_TO_READERS.match(sentence)
    return request is not None and reading.modal.span[0] < request.end()


_REQUEST_TO_READERS = re.compile(
    r"(?i)\W*please\s+(?:"
    r"(?:review|try(?:\s+out)?|test|comment\s+on)(?:\s+and\s+(?:review|try(?:\s+out)?|test|comment\s+on))?\s+(?:this|the)\s+"
    r"(?:draft|proposal|release(?:\s+candidate)?|document|specification|spec|rfc|changes)\b"
    r"|(?:report|file|open|raise)\s+(?:an?\s+|any\s+)?(?:issues?|bugs?|problems?|errata|vulnerabilit(?:y|ies)|security\s+issues?)\b"
    r"|(?:contact|join)\s+(?:us|the\s+(?:editors|authors|maintainers|working\s+group|mailing\s+list|discussion))\b"
    r"|(?:reach\s+out|let\s+us\s+know)\b"
    r"|(?:send|give|leave|provide|share)\s+(?:us\s+)?(?:your\s+|any\s+)?(?:feedback|comments)\b)"
)
"""A sentence that asks the document's readers to take part in making it ("Please review and try out this
release candidate", "Please report issues on GitHub", "Please send feedback to the list"): no rule of the spec."""


def editors_note(text: str, place: Place) -> bool:
    """Whether ``text`` is a note the editors left themselves ("TODO: Ask the project to choose a
    URI"), or an item under one, or under a heading "TODO" (in-toto's "## TODO" over "- [ ] Bump up the
    in-toto version ..."): no part of the spec, whatever it says."""
    under_todo = bool(place.heading_path) and _EDITORS_HEADING.fullmatch(place.heading_path[-1]) is not None
    return bool(_EDITORS_NOTE.match(text) or (place.lead_in and _EDITORS_NOTE.match(place.lead_in)) or under_todo)


def rule_with_cases(place: Place) -> Reading | None:
    """The rule whose cases a list item names, when its lead-in lists the cases of a rule any one of
    which is enough ("MUST fail the channel if:", Lightning's habit): an item added is one more case
    in which the rule binds. ``None`` for any other item, or for cases that must all hold ("when all
    of the following are true:"), where one more narrows."""
    leading = _leading_sentence_of(place)
    if leading is None or not _CONDITION_LEAD_IN.search(leading) or _ALL_THE_CASES.search(leading):
        return None
    found = _rules_of_lead_in(leading, place)
    return found[-1] if found else None


def rule_with_alternatives(place: Place) -> Reading | None:
    """The obligation whose alternatives a list item names, when its lead-in asks for one of them
    (JSON:API's "A relationship object **MUST** contain at least one of the following:"): an item
    added is one more way to comply, one taken away one fewer. ``None`` for any other item."""
    leading = _leading_sentence_of(place)
    if leading is None or not _ALTERNATIVES_LEAD_IN.search(leading):
        return None
    found = [r for r in _rules_of_lead_in(leading, place) if r.modal.obliges]
    return found[-1] if found else None


def _leading_sentence_of(place: Place) -> str | None:
    """The sentence of a list item's lead-in that leads into its list; ``None`` for a clause with no lead-in."""
    if place.kind != "list_item" or place.lead_in is None:
        return None
    return _leading_sentence(place.lead_in)


def _rules_of_lead_in(last: str, place: Place) -> list[Reading]:
    """The rules ``last``, the sentence of a lead-in that leads into its list, states when read as a
    paragraph of its own."""
    return [r for r in read_sentence(last, replace(place, kind="paragraph", lead_in=None)) if r.rule]


_ALTERNATIVES_LEAD_IN = re.compile(
    r"(?i)\b(?:at\s+least\s+one|one\s+or\s+more|(?:exactly\s+)?one|any|either)\s+of\b[^.;:]{0,80}:\s*$|\beither\s*:\s*$"
)
"""A lead-in whose items are alternatives: "MUST contain at least one of the following:", "MUST be one of:",
"a link MUST be represented as either:"."""


_ALL_THE_CASES = re.compile(r"(?i)\b(?:all|both|each|every)\b")
"""A lead-in whose cases must all hold: "when all of the following are true:"."""


def _lead_in_force(place: Place) -> Reading | None:
    """The force a list item takes from its lead-in ("The assistant must not: ...")."""
    assert place.lead_in is not None
    leading = _leading_sentence(place.lead_in)
    if _CONDITION_LEAD_IN.search(leading):
        return None  # "MUST fail the negotiation if:", "... when all of the following are true:": the items are its conditions
    # A field's mark ("`enableCMT` (boolean, OPTIONAL) - specifies if ...:") is the field's, not its items'.
    lead = [
        r
        for r in read_sentence(leading, replace(place, kind="paragraph", lead_in=None))
        if r.rule and leading.count("(", 0, r.modal.span[0]) <= leading.count(")", 0, r.modal.span[0])
    ]
    if not lead and place.kind == "table_row" and _TABLE_ANNOUNCED.match(leading):
        # "All errors **MUST** be mapped to binding-specific errors. The following table provides the
        # canonical mappings:" (A2A): the table is the content of the rule just before it.
        found = sentences(place.lead_in)
        before = found[: found.index(leading)][-1:] if leading in found else []
        lead = [r for r in read_sentence(before[0], replace(place, kind="paragraph", lead_in=None)) if r.rule] if before else []
    if not lead:
        return None
    source = lead[-1]
    return Reading(replace(source.modal, span=(0, 0)), True, "lead_in", min(source.confidence, LIKELY), source.holder)


_TABLE_ANNOUNCED = re.compile(
    r"(?i)\W*the\s+following\s+table\s+(?:provides|lists|gives|defines|contains|specifies)\b(?![^.:]*\b(?:examples?|illustrat\w*)\b)"
)
"""A sentence that announces the table below as what it holds ("The following table provides the canonical
mappings:"), not as examples of it."""


def _read(modal: Modal, sentence: str, place: Place) -> Reading:
    """One phrase in its sentence: the heart of the reader (the reasons are in the module docstring)."""
    start, end = modal.span
    # A window each side is all the rules read; slicing the whole sentence per phrase was
    # quadratic on a 10 MB line of "must must ...".
    before, after = sentence[max(0, start - _WINDOW) : start], sentence[end : end + _WINDOW]
    if start > _WINDOW:
        before = "\u2026 " + before  # not the sentence's opening: no command or heading-like start here
    key = " ".join(modal.phrase.lower().replace("’", "'").split())
    holder = _holder(before)
    upper = modal.phrase.split()[0].isupper() and len(modal.phrase) > 2
    if _among_link_words(before, after):
        return Reading(modal, False, "descriptive", LIKELY, holder)  # "See [All Variable Usages Are Allowed](#...)"
    if place.capitals_only and not upper and key in _RFC_2119_KEYS:
        # An IETF draft that says "{::boilerplate bcp14-tagged}": "the gateway must perform this
        # authentication itself" advises in plain English, as RFC 8174 says of lower case.
        return Reading(modal, False, "plain English", LIKELY, holder)
    if _reported(before) and not (place.capitals and upper):
        return Reading(modal, False, "reported", LIKELY, holder)
    if not upper and _INDIRECT_QUESTION.search(before):
        # "`enableCMT` specifies if CMT should be enabled", "decide whether the client must retry": what a
        # field or a step settles, not a rule of its own.
        return Reading(modal, False, "reported", LIKELY, holder)
    if key in _ADJECTIVES and not before.strip() and _TITLE_WORDS.fullmatch(after):
        return Reading(modal, False, "descriptive", LIKELY, holder)  # a title: "Recommended Approach for Retries"
    if key not in _MODAL_KEYS and place.summarizes_a_proposal and _opens(before):
        # An IPIP's "## Summary": "Add opt-in support for filtering providers", "Make gateway responses
        # easier to reason about" names what the proposal does, as a title does; no one is told to.
        # (SemVer's own "Summary" states its rules: "Given a version number ..., increment the: ...")
        return Reading(modal, False, "descriptive", LIKELY, None)
    if (
        key not in _MODAL_KEYS
        and modal.phrase.split()[0].lower() == sentence[start:end].split()[0].lower()
        and _opens_as_a_command(before, key)
    ):
        if place.kind == "table_row" and _SHORT_CELL.match(after) and key not in _ADJECTIVES:
            # "Log Record Attribute | Source Field | ...", "DEFAULT | ...": a table's label, not a command
            return Reading(modal, False, "descriptive", LIKELY, None)
        return Reading(modal, True, "rule", LIKELY, None)  # a command: "Cite the source.", "Setup: Run the script"
    if place.capitals and not upper and any(_RATIONALE_HEADING.match(h) for h in place.heading_path):
        # Lightning's "#### Rationale" after each requirements block: "But it must allow values higher
        # than the dust limit" gives a reason; the rules are the capitals above (and any written there).
        return Reading(modal, False, "descriptive", LIKELY, holder)
    if place.capitals and not upper and key in _RFC_2119_KEYS and place.advises:
        # SPIFFE's "Security Considerations": "Operators should carefully consider ... whether a given
        # foreign authority should be considered trustworthy" advises in plain English (a command
        # there, "Always use HTTPS", still rules).
        return Reading(modal, False, "plain English", LIKELY, holder)
    if not upper and place.note:
        # OCI's "_Implementers note:_ For compatibility with those clients, registries should avoid
        # values of `<name>` ...": a note advises or recalls ("the `Allow` header must be included",
        # as HTTP says); the rules are the capitals (and any written there). So too where rules are
        # written in lower case: GraphQL's "Note: ... implementations should preserve it" (its
        # conformance appendix: "Notes in this document are non-normative").
        return Reading(modal, False, "descriptive", LIKELY, holder)
    if not upper and place.heading_path and _EXAMPLE_HEADING.match(place.heading_path[-1]):
        # Under "### Example", "Tasks inside the container may use 20 % of the bandwidth" tells what
        # the example's settings do; a keyword in capitals there still rules.
        return Reading(modal, False, "example", LIKELY, holder)
    # (A keyword in capitals whose own clause names whom it binds rules: "The following table lists the
    # values that every implementation MUST support.")
    about_the_text = _ABOUT_THE_TEXT.match(sentence) and not (upper and (_THE_TEXT_AS_SUBJECT.fullmatch(before) or holder))
    if about_the_text or _subject_word(before) in ("we", "our", "us"):
        # "This section describes cases where the assistant should refuse"; "we need to": the authors.
        # The text itself bound in capitals is a rule: "This spec MUST be updated when ...".
        return Reading(modal, False, "descriptive", LIKELY, holder)
    if not upper and CALLS_FOR_ATTENTION.match(after):
        return Reading(modal, False, "not_modal", LIKELY, holder)  # "It should be noted that ...": no one is bound
    if _HEDGED_BEFORE.search(before) and not upper:
        return Reading(modal, False, "hedge", LIKELY, holder)  # "might need to override", "would need to be"
    if key == "may" and _likelihood(after, strict=upper):
        return Reading(modal, False, "hedge", LIKELY, holder)  # "It MAY mean ...", "may be removed in the future"
    if upper and (place.capitals or key in _RFC_2119_KEYS):
        # A keyword in capitals is one even where the repository mostly writes plain English (EIPs:
        # "A validator MAY be created with a custom threshold" read as a likelihood).
        return Reading(modal, True, "rule", CERTAIN, holder)
    if place.capitals and _in_condition(before) and _CLAUSE_GOES_ON.match(after):
        # In a document of MUSTs, "If it should sign first, ..." or "Even though datagrams are required
        # to be padded, ..." says when the rule applies, in plain English (Lightning's BOLTs, QUIC).
        # With no comma to close the condition, the phrase may be the main clause's: "If you're
        # changing the API every day you should either still be in version 0.y.z or ..." (SemVer).
        return Reading(modal, False, "hedge", LIKELY, holder)
    if not upper and key not in _MODAL_KEYS and _in_condition(before) and _CLOSES_THE_CONDITION.match(after):
        # In any document, "When URL-encoding is required, digits MUST be uppercase" names the case: the
        # word that ends the condition binds no one. (A comma further on may close the main clause: "When
        # a booking is made the rider must pay, and ..."; capitals documents only, below. A modal verb
        # before a comma goes on after an aside: "where indices should, in the text format, allow ...".)
        return Reading(modal, False, "hedge", LIKELY, holder)
    if place.capitals and not upper and key in ("should", "must", "shall") and _in_relative_clause(before):
        # "the device-tree file that should be passed to the VM", "a jail which should be its parent":
        # in a document of capitals, a lower-case word of force in a relative clause tells what a thing is.
        return Reading(modal, False, "descriptive", LIKELY, holder)
    if place.capitals and not upper and _condition_after_main_clause(before):
        # "Set `messages` to `[]` if this operation should contain no messages", "to support scenarios
        # where the query string must be passed as is": a lower-case word of force in a condition that
        # follows its main clause runs on to the sentence's end; it says when, it binds no one.
        return Reading(modal, False, "hedge", LIKELY, holder)
    if _in_condition(before) and key in _WEAK_KEYS:
        return Reading(modal, False, "hedge", LIKELY, holder)  # "if the user may be a minor, ..."
    if key in ("is expected to", "are expected to") and _condition_after_main_clause(before):
        # purl's "**expected failure** is true if the test **input** is expected to fail": a field's
        # meaning, the case in which it holds; no one is expected to do anything
        return Reading(modal, False, "hedge", LIKELY, holder)
    if key in ("should", "should not") and not upper and holder not in _ACTORS and _expected_effect(before, after):
        # purl's "This change should have a minimal impact", "Using the full descriptive name should be less
        # confusing than ...", "... would be a useful change and should not materially affect existing PURL
        # tools": what the authors expect to follow, not what anyone is to do.
        return Reading(modal, False, "hedge", LIKELY, holder)
    if key in ("need to", "needs to") and re.search(r"\b(?:have|has|had|having)\s+$", before):
        return Reading(modal, False, "descriptive", LIKELY, holder)  # "users might have need to refer to it": a need, a noun
    if key in _NEED_KEYS and _next_words(after)[:1] in (["know"], ["understand"], ["be"], ["have"], ["see"]):
        return Reading(modal, False, "descriptive", LIKELY, holder)  # "it needs to know the length"
    if key in ("need to", "needs to") and _subject_word(before) in ("they", "users", "people", "someone", "readers"):
        return Reading(modal, False, "descriptive", LIKELY, holder)  # "the information they need to decide": a need, not a duty
    if key in ("allows", "permits", "lets") and (_GERUND_SUBJECT.search(before) or _enabling_thing(before)):
        return Reading(modal, False, "descriptive", LIKELY, holder)  # "Returning 404 allows clients to ...": an effect
    if key == "avoids" and holder not in _ACTORS and _subject_word(before) not in ("it", "she", "he"):
        return Reading(modal, False, "descriptive", LIKELY, holder)  # "choosing one avoids the need to ...": an effect
    if key == "avoid" and place.capitals and not upper and _subject_word(before) not in (None, "you"):
        # In a document of capitals, "producers avoid storing the same bytes twice" says what they do
        return Reading(modal, False, "descriptive", LIKELY, holder)
    if _PURPOSE_BEFORE.search(before) and key in _WEAK_KEYS | {"avoid", "avoids"}:
        return Reading(modal, False, "descriptive", LIKELY, holder)  # "... so it can adjust and avoid ..."
    next_words = _next_words(after)
    word_after = next(iter(next_words), "")
    # ("may not be enough", "may not be available": what may not be so; "may not be empty" still forbids)
    being = next_words[1] if next_words[:1] == ["be"] and len(next_words) > 1 else ""
    what_may_not_be = word_after in _UNWILLED_NEXT or being in _EPISTEMIC_BE
    if key == "may not" and (
        _RELATIVE_BEFORE.search(before) or _REASON_BEFORE.search(before) or what_may_not_be or _MAY_OR_BEFORE.search(before)
    ):
        # "tooling (which may not implement this specification)", "the answer may not originate from
        # the server", "implementations may not be able to detect it" (OpenFeature), "Because stderr may
        # not be visible, ..." (MCP): what may not be so ("The field may not be empty" still forbids)
        return Reading(modal, False, "hedge", LIKELY, holder)
    if key in _NEED_KEYS and word_after in ("a", "an", "the", "its", "their", "this"):
        return Reading(modal, False, "descriptive", LIKELY, holder)  # "the relationship a flaw has to a product"
    if key == "may" and place.capitals and _USED_FOR.match(after):
        # "The `ca_pem_contents` attribute may be used to provide the CA's certificate" in a document
        # of capitals (OpAMP): what a thing is for, as "can be used to" says; "MAY be used" licenses
        return Reading(modal, False, "ability", LIKELY, holder)
    if key == "may":
        reading = _read_may(modal, before, after, holder)
    elif key in ("can", "cannot", "can't", "can not"):
        reading = _read_can(modal, before, after, holder)
    elif key in ("always", "never"):
        reading = _read_always(modal, sentence, before, after, holder)
    else:
        reading = None
    if reading is not None:
        return replace(reading, confidence=min(reading.confidence, LIKELY)) if place.capitals and reading.rule else reading
    # A field's mark: "`role` (required)", a table cell opening "Required. The URL ...", or a cell of a
    # requirement column, "required" or "optional" alone in lower case ("| _required_ | `format-version` |";
    # a header cell says "Required").
    cell = place.kind == "table_row" and (not before.strip() or before.rstrip().endswith("|"))
    field_mark = (
        before.rstrip().endswith("(")
        or (before.rstrip().endswith("|") and after.startswith("."))
        or (cell and modal.phrase.islower() and (not after.strip() or after.lstrip().startswith("|")))
    )
    if key in _ADJECTIVES and not (_PREDICATE_BEFORE.search(before) or field_mark or _NAMED_CHOICE.match(after)):
        return Reading(modal, False, "descriptive", LIKELY, holder)  # "the required fields"
    if key in ("recommended", "required") and _READING_AFTER.match(after):
        return Reading(modal, False, "descriptive", LIKELY, holder)  # "are recommended reading for implementors": books
    if key in ("is able to", "are able to"):
        return Reading(modal, False, "ability", LIKELY, holder)
    if _COMPARATIVE.search(before):
        return Reading(modal, False, "descriptive", LIKELY, holder)
    if _PAST_PREDICATE.match(key) or _BY_OTHERS.match(after) or (key in _ADJECTIVES and _PAST_BEFORE.search(before)):
        return Reading(modal, False, "reported", LIKELY, holder)  # "were required", "are not allowed by RFC 3986"
    confidence = CERTAIN if (holder or key in _STRONG_KEYS) and not place.capitals else LIKELY
    return Reading(modal, True, "rule", confidence, holder)


def _among_link_words(before: str, after: str) -> bool:
    """Whether a phrase is one of several words of a link's label: they name what the link leads to
    ("see [All Variable Usages Are Allowed](#...)"). A keyword linked to its definition alone,
    "[MUST](#keywords)", is still the keyword.

    >>> _among_link_words("see [All Usages ", " Allowed](#usages)"), _among_link_words("Clients [", "](#k) retry")
    (True, False)
    """
    opened = before.rfind("[")
    rest = _CLOSES_A_LINK_LABEL.match(after) if opened > before.rfind("]") else None
    return rest is not None and bool(before[opened + 1 :].strip() or rest.group(1).strip())


def _opens(before: str) -> bool:
    """Whether a command verb after ``before`` opens its sentence (perhaps after "Given X," or "Setup:",
    or after an anchor's tag: SLSA's "| <span id="build-id">Build ID</span> | ...")."""
    before = _OPENING_TAGS.sub("", before)
    return not before.strip() or bool(_LEADING_CIRCUMSTANCE.fullmatch(before)) or bool(STEP_LABEL.fullmatch(before))


def _opens_as_a_command(before: str, verb: str) -> bool:
    """Whether the command verb ``verb`` after ``before`` opens its sentence, perhaps after an adverb of
    manner that goes with it: OAuth 2.1's attack steps, "1. Intentionally send ...". (Not a word of force
    after one: "Previously required `proposal.md`" tells what was so.)"""
    if _opens(before):
        return True
    after_an_adverb = before.rstrip().endswith("ly") and verb.lower() not in _ADJECTIVES  # (the cheap test first)
    return after_an_adverb and _opens(_LEADING_ADVERB.sub("", before))


_LEADING_ADVERB = re.compile(r"\b[A-Za-z]{3,}ly\s+$")
"""An adverb right before a command's verb: "Intentionally send ..."."""


_OPENING_TAGS = re.compile(r"^(?:\s*</?[A-Za-z][\w-]*(?:\s[^<>]*)?>)+")
"""HTML tags at the start of a text (an anchor's "<a name=\"x\"></a>"), which a reader does not see."""


def _likelihood(after: str, *, strict: bool = False) -> bool:
    """Whether what follows "may" says what is likely: "may mean", "may be removed in the future".

    ``strict`` (a capitalised MAY) counts only verbs that cannot grant anything ("mean", "seem").
    """
    nxt = _next_words(after)
    if _LICENCE_OVER_VALUES.match(after):
        return False  # "Comments may contain any character": a licence, where "it may contain errors" is a likelihood
    verbs = _LIKELIHOOD_VERBS if strict else _EPISTEMIC_NEXT
    return bool(nxt[:1] and nxt[0] in verbs) or bool(_FUTURE.search(after[:80]))


def _read_may(modal: Modal, before: str, after: str, holder: str | None) -> Reading:
    if _MAY_OR_MAY_NOT.match(after):
        return Reading(modal, False, "hedge", LIKELY, holder)  # "may or may not be defined": either may be so
    nxt = _next_words(after)
    subject = _subject_word(before)
    if _RELATIVE_BEFORE.search(before) or _REASON_BEFORE.search(before) or (subject or "").endswith("ing"):
        # "rules which may override", "as they may change with the slot", "refusing may reveal"
        return Reading(modal, False, "hedge", LIKELY, holder)
    if _SOME_OF_A_KIND_BEFORE.search(before):
        # the OCI distribution spec's "(Note: Many registries may have other ways to accomplish this ...)"
        return Reading(modal, False, "hedge", LIKELY, holder)
    if _WRONGDOER_BEFORE.search(before):
        # SCITT's "Conversely, a corrupt Transparency Service may:" tells what it could do, no one is let
        return Reading(modal, False, "hedge", LIKELY, holder)
    if nxt[:1] == ["be"] and len(nxt) > 1 and _PARTICIPLE.match(nxt[1]) and holder in _ACTORS:
        return Reading(modal, False, "hedge", LIKELY, holder)  # "the assistant may be tasked with": acted upon
    right_after = [w.lower() for w in re.findall(r"[A-Za-z][\w'-]*", after[:40])][:2]
    if any(w in _HEDGING_ADVERBS for w in right_after):
        return Reading(modal, False, "hedge", LIKELY, holder)  # "may sometimes", "may well", "may even"
    if "only" in right_after or re.match(r"\s+be\s+(?!the\b|an?\b)\w+\s+only\b", after):
        return Reading(modal, True, "rule", LIKELY, holder)  # a licence with a limit: "may be considered only if"
    if _LICENCE_OVER_VALUES.match(after):
        return Reading(modal, True, "rule", LIKELY, holder)
    if nxt[:1] and nxt[0] in _EPISTEMIC_NEXT or nxt[:2] == ["make", "sense"]:
        return Reading(modal, False, "hedge", LIKELY, holder)  # "it may vary", "a relay may make sense"
    if nxt[:1] == ["have"] and len(nxt) > 1 and (nxt[1] == "been" or _PARTICIPLE.match(nxt[1])):
        return Reading(modal, False, "hedge", LIKELY, holder)  # "the group may have moved": what may be so
    if nxt[:1] == ["have"] and _CONSEQUENCES.intersection(nxt[1:4]):
        return Reading(modal, False, "hedge", LIKELY, holder)  # "IDONTWANT may have negative effect on small messages"
    if nxt[:1] and nxt[0] in _EFFECT_VERBS and holder not in _ACTORS:
        return Reading(modal, False, "hedge", LIKELY, holder)  # "trivial questions may waste the user's time"
    if nxt[:2] in (["not", "be"], ["be", "a"], ["be", "an"], ["be", "the"], ["be", "more"], ["be", "less"], ["be", "to"]):
        return Reading(modal, False, "hedge", LIKELY, holder)
    if nxt[:1] == ["be"] and len(nxt) > 1 and (nxt[1] in _EPISTEMIC_BE or nxt[1].endswith("ing")):
        return Reading(modal, False, "hedge", LIKELY, holder)  # "may be difficult", "may be generating"
    if nxt[:1] == ["be"] and len(nxt) > 1 and not _PARTICIPLE.match(nxt[1]) and holder is None:
        return Reading(modal, False, "hedge", LIKELY, holder)  # "validation alone may be insufficient"
    if subject in _NON_HOLDERS or _THE_TEXT_BEFORE.search(before) or _WHAT_MAY_HAPPEN.search(before):
        return Reading(modal, False, "hedge", LIKELY, holder)  # (also "the specification may introduce ...")
    if holder:
        return Reading(modal, True, "rule", CERTAIN, holder)
    return Reading(modal, True, "rule", LIKELY, holder)


_SOME_OF_A_KIND_BEFORE = re.compile(r"(?i)(?:^|[^\w\s]\s*)\W*(?:many|most|several|few)\s+(?:[\w`-]+\s+){1,2}$")
"""Before "may", opening the sentence or a clause: a subject of some of a kind ("Many registries"),
what some are like; a spec grants leave to all of a kind ("Registries MAY ...")."""
_WHAT_MAY_HAPPEN = re.compile(
    r"(?i)^\W*in\s+practice\b|\b(?:future|later|subsequent)\s+(?:(?:minor|major)\s+)?(?:versions?|revisions?|releases?|editions?)\b"
)
"""Before "may": what is so in practice ("In practice, the two platforms may be managed by one
party") or what a later version of the spec may do ("A future version of this track may ...",
"a future minor version may define a policy", "later versions of this specification may remove
it"): no licence."""


def _read_can(modal: Modal, before: str, after: str, holder: str | None) -> Reading:
    nxt = _next_words(after)
    if re.match(r"\s+only\b", after):
        return Reading(modal, True, "rule", LIKELY, holder)  # "can only be used to create fragments"
    if modal.polarity < 0 and _ADVERSARY.search(before):
        # "An attacker positioned between signer and verifier cannot forge signatures": what the
        # design leaves beyond an attacker's reach, a property of it; no one is forbidden.
        return Reading(modal, False, "ability", LIKELY, holder)
    beyond_reach = _EPISTEMIC_BE | _BEYOND_KNOWING
    if modal.polarity < 0 and nxt[:1] == ["be"] and len(nxt) > 1 and _PARTICIPLE.match(nxt[1]) and nxt[1] not in beyond_reach:
        # "Inline tables cannot be used to add keys": what may not be done, said of the thing.
        return Reading(modal, True, "rule", LIKELY, holder)
    if nxt[:2] == ["be", "used"] and (_USED_FOR.match(after) or _RELATIVE_BEFORE.search(before)):
        # "Anchors can be used to name a subschema", "Tags can then be used for grouping", "Inline
        # Fragments can be used directly within a selection to condition upon ...", "an identifier
        # that can be used in links": what a thing is for, said of it, not a licence.
        return Reading(modal, False, "ability", LIKELY, holder)
    if nxt[:2] == ["be", "used"]:
        return Reading(modal, True, "rule", UNSURE, holder)  # "YAML can be used as well": a licence
    ability_next = nxt[:1] and nxt[0] in _EPISTEMIC_NEXT | _ABILITY_NEXT | _ABILITY_ADVERBS  # (also "cannot yet flow")
    if nxt[:1] == ["be"] or ability_next or _COMPARATIVE.search(before):
        return Reading(modal, False, "ability", LIKELY, holder)
    subject = _subject_word(before)
    if modal.polarity < 0 and _CONSEQUENCE_BEFORE.search(before):
        # "... MUST list each policy, or the verifier cannot reference it", "Otherwise the desk cannot
        # trace it": what follows when a rule is not kept, or another case of a condition
        return Reading(modal, False, "ability", LIKELY, holder)
    if modal.polarity < 0 and subject is not None and subject not in _NON_HOLDERS and subject not in ("it", "they"):
        # "Users under 13 cannot create an account" forbids; a reviewer should check it.
        return Reading(modal, True, "rule", UNSURE, holder)
    # "Clients can control logging", "an attacker can claim to be any client": what is possible.
    # (On issue 19's real set a bare "can" is ability far more often than licence.)
    return Reading(modal, False, "ability", LIKELY, holder)


_USED_FOR = re.compile(r"(?i)[\w\s,-]{0,30}?\bbe\s+used(?!\s+(?:an?|the)\b)(?:\s+(?!as\b|instead\b)[\w-]+){0,6}?\s+(?:to|for)\s")
"""After "can": "be used" and, within a few words of the same phrase, the purpose ("to ...", "for ...");
not "be used as the default response for ...", which lets one use a thing in a role."""


def _read_always(modal: Modal, sentence: str, before: str, after: str, holder: str | None) -> Reading:
    start, end = modal.span
    if sentence[end : end + 1] == "-" or sentence[max(0, start - 1) : start] == "-":
        return Reading(modal, False, "descriptive", CERTAIN, holder)  # "an always-available entity"
    nxt = _next_words(after)
    if nxt[:1] and nxt[0].endswith("ing") and re.search(r"\b(?:to|of|in|by|for)\s+$", before):
        return Reading(modal, False, "descriptive", LIKELY, holder)  # "in addition to always representing"
    if re.search(r"\bto\s+$", before) and not _opens(before):
        # "defined to always pass", "try to always cite": the verb before carries any force.
        return Reading(modal, False, "descriptive", LIKELY, holder)
    if re.search(r"\b(?:will|would)\s+$", before):
        return Reading(modal, False, "descriptive", LIKELY, holder)  # "browsers will always send": a prediction
    if re.search(r"\b(?:was|were|had|has|have)\s+$", before):
        return Reading(modal, False, "descriptive", LIKELY, holder)  # "the draft was never completed": what happened
    if _opens(before.rstrip(" *_(\"'")) or _COMMAND_OPENING.search(before):
        if nxt[:1] and _PARTICIPLE.match(nxt[0]) and not _AFTER_CONJUNCTION.search(before):
            # "`included`: Always included in the archive": what a term means, no command ("Keys are
            # kept and never shared" goes on with its subject: a guarantee, read below as before)
            return Reading(modal, False, "descriptive", LIKELY, holder)
        return Reading(modal, True, "rule", CERTAIN, None)  # "Never guess.", "... and always cite"
    if _BE_BEFORE.search(before) and nxt[:1] and _PARTICIPLE.match(nxt[0]) and not re.match(r"\s+\w+(?:\s+\w+)?\s+by\b", after):
        return Reading(modal, True, "rule", UNSURE, holder)  # a guarantee: "data is never shared" (not "... set by the app")
    if nxt[:1] and nxt[0] in _BE_FORMS or _BE_BEFORE.search(before):
        return Reading(modal, False, "descriptive", LIKELY, holder)
    if nxt[:1] and (nxt[0] in _EPISTEMIC_NEXT or _subject_word(before) in _NON_HOLDERS):
        return Reading(modal, False, "descriptive", LIKELY, holder)
    # "Fines never exceed the item's price": a limit the spec sets, said of the thing it binds.
    return Reading(modal, True, "rule", UNSURE, holder)


def _rule(reading: Reading, sentence: str) -> Rule:
    modal = reading.modal
    force = "prohibition" if modal.polarity < 0 else "obligation" if modal.strength >= 2 else "permission"
    start, end = modal.span
    action = " ".join(words(sentence[end:])[:12]) if end else " ".join(words(sentence)[:12])
    return Rule(force, modal.strength, reading.holder, action, modal.phrase, sentence, reading.confidence)


def same_rule(a: Rule, b: Rule, *, overlap: float = 0.5) -> bool:
    """Whether ``b`` restates ``a``: same force, same holder (or either unnamed), and at
    least ``overlap`` of the shorter action's words shared.

    >>> x = rules("The assistant must cite every source it quotes.")[0]
    >>> y = rules("The assistant must always cite the sources it quotes.")[0]
    >>> z = rules("Clients must cite every source.")[0]
    >>> same_rule(x, y), same_rule(x, z)
    (True, False)
    """
    if a.force != b.force:
        return False
    if a.holder and b.holder and a.holder != b.holder:
        return False
    x, y = set(a.action.split()) - _FUNCTION_WORDS, set(b.action.split()) - _FUNCTION_WORDS
    if not x or not y:
        return x == y
    return len(x & y) / min(len(x), len(y)) >= overlap


# -- the words around a phrase ---------------------------------------------------------


def _holder(before: str) -> str | None:
    subject = _subject_words(before)
    for word in reversed(subject):
        if word in _AGENTS:
            return _AGENTS[word]
    return None


def _subject_words(before: str) -> list[str]:
    """The words of the clause that leads up to a phrase (after the last comma, colon, "that" ...)."""
    return list(_remembered_subject_words(before))


@lru_cache(maxsize=4096)
def _remembered_subject_words(before: str) -> tuple[str, ...]:
    """:func:`_subject_words`, remembered: each phrase's reading asks for them two to four times
    (``before`` is at most a window long, ``_WINDOW``)."""
    clause = _CLAUSE_BREAK.split(before)[-1]
    return tuple([w.lower() for w in re.findall(r"[A-Za-z][\w'-]*", clause)][-6:])


def _subject_word(before: str) -> str | None:
    found = _subject_words(before)
    while found and found[-1] in _ADVERBS:
        found.pop()
    return found[-1] if found else None


def _next_words(after: str) -> list[str]:
    found = [w.lower() for w in re.findall(r"[A-Za-z][\w'-]*", after[:80])]
    return [w for w in found if w not in _ADVERBS][:3]


def _reported(before: str) -> bool:
    """Whether a phrase sits inside what someone is told or says: "reply that it cannot help"."""
    return "that" in before.lower() and bool(_REPORTING.search(before))  # (the search is the slow part)


def _in_condition(before: str) -> bool:
    """Whether a phrase sits in an if/when/whether clause that has not closed yet."""
    clause = re.split(r"[,;:]", before)[-1]
    return bool(_CONDITION_OPEN.search(clause))


def _condition_after_main_clause(before: str) -> bool:
    """Whether a phrase sits in an if/when/where clause opened after words of its own clause
    ("Set it to [] if this operation ..."), not one that opens the sentence ("If you change it
    every day you should ...", where the phrase may be the main clause's, its comma left out)."""
    clause = re.split(r"[,;:]", before)[-1]
    found = _CONDITION_OPEN.search(clause)
    return found is not None and bool(_WORD_CHARACTER.search(clause, 0, found.start()))


_WORD_CHARACTER = re.compile(r"\w")


_MODAL_KEYS = {
    "must", "must not", "shall", "shall not", "should", "should not", "may", "may not", "can", "cannot", "never",
    "always", "do not", "don't", "avoid", "need to", "needs to", "has to", "have to", "ought to",
}  # fmt: skip
_WINDOW = 300
"""Characters read on each side of a phrase to judge it: a clause's worth."""
_WRONGDOER = r"\b(?:an?|the)\s+(?:attacker|adversary|corrupt|malicious|compromised|dishonest|rogue)\b"
"""A party that does wrong: "an attacker", "a corrupt Transparency Service"."""
_WRONGDOER_BEFORE = re.compile(rf"{_WRONGDOER}[^.;:,]{{0,60}}$", re.I)
"""Before a "may": a party that does wrong, whose "may" tells what it could do."""
_RFC_2119_KEYS = {"must", "must not", "shall", "shall not", "should", "should not", "may", "may not"}
_EDITORS_NOTE = re.compile(
    r"[\s*_>\[]*(?:TODO|FIXME|XXX|TBD)\b[\s*_\]]*:|[\s*_>\[]*note\s+to\s+(?:the\s+)?(?:rfc\s+)?editors?\b"
    r"|(?:\[\^[^\]]*\]:\s*)?[\s*_>\[]*rfc\s+ed(?:itor|\.)[\s*_]*:|[\s*_>\[]*N\.?B\.?[\s*_]*:\s*(?:we\s+)?need\s+to\b"
    r"|[\s*_>\[]*(?:TODO|FIXME|TBD)[\s*_.\]]*$",
    re.I,
)
"""A note the editors left for themselves: "TODO: ...", "Note to the RFC Editor: ...", "[[ RFC EDITOR: Please
align ... ]]" (MLS), a footnote's "[^x]: RFC Ed.: please replace RFCXXXX ..." (JSONPath), "NB: Need to add ...",
or a placeholder alone, "TBD" (OpAMP).
(Not "Editor's note:": OpenMetrics opens a paragraph with one line of it and goes on with the paragraph's MUST NOT.)"""
_EDITORS_HEADING = re.compile(r"(?i)[\W_]*(?:todos?|to\s+do|fixme)[\W_]*")
"""A heading over the editors' own notes: "TODO", "To do"."""
_CONDITION_LEAD_IN = re.compile(r"\b(?:if|when|whenever|where|unless|only\s+if)\b[^.;:,]{0,80}:\s*$", re.I)
"""A lead-in whose list gives the conditions of its rule, not what the rule asks ("MUST fail the negotiation
if:"); one whose condition a comma closes goes on to its rule ("When converting to a histogram, only one
metric MUST be created:")."""
_INFINITIVE_OR_OPTIONS_LEAD_IN = re.compile(
    r"\bto:\s*$|\b(?:can|could)\b[^.;:]{0,60}:\s*$|\b(?:options|alternatives|choices)\b[^.;:]{0,40}:\s*$"
    r"|\b(?:such\s+as|including):\s*$|\b(?:generally|typically|usually|commonly|often)\b[^.;:]{0,60}:\s*$"
    rf"|{_WRONGDOER}[^.;:]{{0,200}}:\s*$",
    re.I,
)
"""A lead-in whose items complete its infinitive ("Clients MUST be able to:", "If an SDK provides a way to:"),
or name what one can do ("For example, an implementation can:", "Patterns SDKs can use to prevent such loops:",
CloudEvents' "implementers have two options:"), or give examples (purl's "... for core functions such as:",
whose items "build a PURL string", "validate a PURL string" name functions), or say what is usually done
(libp2p's "Implementations generally do some combination of these mitigations:", whose "Reset the stream
once ..." is one of them), or what an attacker does (OAuth 2.1's "The attacker could, for example, register a
client ... and execute one of the following attacks:", whose "Intentionally send an erroneous authorization
request" is the attacker's step, and SCITT's "Conversely, a corrupt Transparency Service may:", whose "refuse or
delay the Registration of Signed Statements" is what it may do)."""
_CASE_OPENING = re.compile(r"[\s*_]*(?:if|when|whenever|unless|in\s+that\s+case)\b", re.I)
"""A sentence of a list item that opens with a condition and asks nothing itself ("If two names
normalize to one key, the value returned is unspecified"): it says what happens in a case, or
when the lead-in's rule applies; it does not continue the rule."""
_ASIDE_OPENING = re.compile(r"[\s*_]*(?:(?:this|these|that|those|it|such|note|for\s+example|for\s+instance)\b|e\.g\.)", re.I)
"""A sentence of a list item that speaks of what came before ("This is especially important when
...", "For example, ..."): it explains the item, it does not continue the lead-in's rule."""
_OPTIONAL_ITEM = re.compile(r"[\s*_]*(?:`[^`\n]{1,80}`[*_]*\s*(?::|\s[-\u2013\u2014])\s*)?(?:an?\s+)?optional(?:ly)?\b", re.I)
"""A list item that opens by saying it is optional ("An optional `## Purpose` section ...", A2A's
"`metadata`: Optional map of additional error context" under "... MUST include ... with:"): a choice
left open, whatever its lead-in obliges."""
_REGISTRATION_FIELD = re.compile(r"(?i)[\W_]*(?:required|optional)\s+parameters\s*:")
"""A field of a media type's registration template: "Required parameters:", "Optional parameters:"."""
_IANA_HEADING = re.compile(r"(?i)\biana\b|\bregistration\b|\bmedia\s+types?\b")
"""A heading over registrations with IANA: "IANA Considerations", "Protocol Message Media Types"."""
_SHORT_CELL = re.compile(r"(?:\s+[^\s|]+){0,3}\s*(?:\||$)")
"""The rest of a table cell of at most four words, the first one included."""
_QUESTION = re.compile(r"\?[\s*_)\"'”’]*$")
"""A sentence that ends with a question mark (past closing emphasis, brackets and quotes)."""
_CLOSES_THE_CONDITION = re.compile(r"\s*,")
"""After a phrase in a condition: the comma that closes the condition, right after the phrase."""
_CLAUSE_GOES_ON = re.compile(r"[^.;:!?]*,")
"""After a phrase: a comma before the sentence ends, where a condition holding the phrase closes."""
_WEAK_KEYS = {"may", "can", "cannot", "can't", "can not", "always", "never", "may not", "could"}
_NEED_KEYS = {"need to", "needs to", "has to", "have to"}
_HEDGING_ADVERBS = {
    "sometimes", "often", "occasionally", "well", "even", "possibly", "perhaps", "rarely", "usually", "potentially", "eventually",
}  # fmt: skip
# Verbs after a capitalised MAY that still only say what is likely: "It MAY mean ...".
_LIKELIHOOD_VERBS = {
    "mean", "seem", "appear", "happen", "occur", "vary", "exist", "result", "cause", "arise", "imply",
    "see", "encounter", "observe",  # the OCI distribution spec's "Clients MAY see other status codes"
}  # fmt: skip
_ABOUT_THE_TEXT = re.compile(
    r"^\W*(?:[A-Za-z0-9]{1,2}[.)]\s+)?(?:this|the\s+following|the\s+above|the\s+next)\s+(?:section|document|specification|spec|chapter|part|page|"
    r"example|examples|figure|table|appendix|list)\b|^\W*examples\s+include\b",
    re.I,
)
_THE_TEXT_AS_SUBJECT = re.compile(r"\W*this\s+(?:document|specification|spec)\s+", re.I)
_PURPOSE_BEFORE = re.compile(r"\bso(?:\s+that)?\s+(?:it|they|you|the\s+\w+)\s+(?:\w+\s+){0,8}$", re.I)
# Verbs that say what a thing may bring about; with no actor as subject, "may" is a likelihood.
_CONSEQUENCES = {"effect", "effects", "impact", "impacts", "consequences", "implications", "side-effects"}
"""What "may have" an effect names: a consequence, not a licence to have something."""
_EFFECT_VERBS = {
    "waste", "reduce", "cost", "slow", "hurt", "damage", "undermine", "worsen", "improve", "lead", "trigger",
    "increase", "decrease",
}  # fmt: skip
_RELATIVE_BEFORE = re.compile(r"\b(?:which|that)\s+(?:\w+ly\s+)?$", re.I)
_WORD_AND_RELATIVE_BEFORE = re.compile(r"(\w+)\s+(which|that)\s+(?:\w+ly\s+)?$", re.I)


def _in_relative_clause(before: str) -> bool:
    """Whether a phrase opens a relative clause: "which" or a noun's "that" just before it ("the file
    that should be passed"), not the "that" of what a verb asks ("ensure that it should ..."), or
    sits in one with a subject of its own ("the entity for which the server should issue an SVID")."""
    if _PREPOSITION_WHICH_BEFORE.search(before):
        return True
    found = _WORD_AND_RELATIVE_BEFORE.search(before)
    return found is not None and (found.group(2).lower() == "which" or found.group(1).lower() not in TAKES_A_THAT_CLAUSE)


_PREPOSITION_WHICH_BEFORE = re.compile(
    r"\b(?:for|in|on|to|from|by|with|at|under|through)\s+(?:which|whom)\s+(?:the\s+|an?\s+)?[\w`-]+\s+(?:\w+ly\s+)?$", re.I
)
"""A relative clause with a subject of its own open before a phrase: "the entity for which the server "."""


_REASON_BEFORE = re.compile(r"\b(?:as|because|since)\s+(?:it|they|these|this|the\s+[\w`]+|[\w`]+)\s+$", re.I)
_PAST_BEFORE = re.compile(r"\b(?:was|were)\s+(?:\w+ly\s+)?$", re.I)
CALLS_FOR_ATTENTION = re.compile(
    r"\s+be\s+(?:noted|mentioned|stressed|emphasi[sz]ed|remembered|pointed\s+out|overstated"
    r"|(?:stated|emphasi[sz]ed|stressed)\s+(?:\w+\s+)?enough)\b",
    re.IGNORECASE,
)
"""What follows a modal word that only turns the reader's attention: "It should be noted that ...",
"This cannot be stressed strongly enough" (SPIFFE) bind no one."""
_HEDGED_BEFORE = re.compile(
    r"\b(?:(?:might|could|would)\s+(?:\w+ly\s+)?|(?:typically|usually|generally|normally|often|commonly|mostly)\s+)$", re.I
)
"""Words right before a lower-case modal that make it a likelihood or a habit: "might need to", "would
be required"; MLS's "The following types of delivery are typically required:" tells what a delivery
service is usually asked to do, and asks nothing itself."""
_PAST_PREDICATE = re.compile(r"^(?:was|were|been)\b")
_BY_OTHERS = re.compile(r"\s+by\s+(?:\[?RFC|\[|the\s+\w+\s+(?:specification|standard|RFC))", re.I)
# "Given a version number MAJOR.MINOR.PATCH, " before a command; "Setup: " naming a step.
_LEADING_CIRCUMSTANCE = re.compile(
    r"\s*(?:given|if|when|whenever|once|after|before|for|in|with|unless|where|while|to)\b(?:[^,;:.]|\.(?=\w)){0,200},\s*(?:please\s+)?",
    re.I,
)
_SCENARIO_STEP = re.compile(r"^\W*(GIVEN|WHEN|THEN|AND)\b(?!\s*[,/|])")
"""A scenario's step, "**THEN** the dock locks"; not a list of operators, CloudEvents' "AND, OR, XOR binary operators"."""
# "may contain any character", "may only include digits": what a value may hold, a licence over a set.
_LICENCE_OVER_VALUES = re.compile(
    r"(?i)\s+(?:only\s+)?(?:contain|include|consist\s+of|hold)\s+(?:only\b|any\b)|\s+only\s+(?:contain|include)\b"
)
_FUTURE = re.compile(
    r"\b(?:in\s+(?:the\s+|a\s+)?future|by\s+(?:a\s+)?future|eventually|later\s+(?:on|versions?)|someday|over\s+time)\b", re.I
)
_STRONG_KEYS = {"must", "must not", "shall", "shall not", "must never", "mustn't", "shan't", "is required to", "are required to"}
# Deontic adjectives that name a kind of thing before a noun ("the required fields") unless a
# form of "be" makes them the predicate ("fields are required").
_TITLE_WORDS = re.compile(r"(?:\s+(?:[A-Z][\w-]*|a|an|the|and|or|of|for|to|in|on|with))+\s*")
"""The rest of a title in title case, with no full stop: " Approach for Synchronous Workflows"."""
_MAY_OR_MAY_NOT = re.compile(r"\s+or\s+may\s+not\b", re.IGNORECASE)
_MAY_OR_BEFORE = re.compile(r"\bmay\s+or\s+$", re.IGNORECASE)
"""Either half of "may or may not": what may be so or not, no leave given or taken."""
_READING_AFTER = re.compile(r"\s+reading\b", re.IGNORECASE)
_ADJECTIVES = {"required", "prohibited", "forbidden", "mandatory", "optional", "recommended", "not recommended", "not required"}
_PREDICATE_BEFORE = re.compile(
    r"\b(?:is|are|be|been|being|was|were|remains?|becomes?|considered|deemed|it's)\s+(?:(?:\w+ly|not)\s+)*$", re.I
)
_NAMED_CHOICE = re.compile(r"\s+[\w-]+(?:\s+[\w-]+)?\s+is\s+(?:to\s+[a-z]|\d|`)")
"""After a deontic adjective, the choice it names: "A recommended approach is to impose limits",
"The recommended value is 10" recommend as "should" does."""
_BE_FORMS = {"be", "is", "are", "was", "were", "been", "being", "has", "have", "had"}
_PARTICIPLE = re.compile(
    r"^(?:\w+ed|shown|given|sent|made|done|taken|written|known|seen|kept|held|told|sold|built|set|put|read|shared|"
    r"stored|used|logged|retained|disclosed|revealed|exposed|transmitted|cached)$"
)
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|has|have)\s+$", re.I)
_COMPARATIVE = re.compile(
    r"\b(?:(?<!other\s)(?<!rather\s)than|as\s+(?:much|many|well|far|soon|long)\s+as|whatever|wherever|what"
    r"|however\s+(?:much|many|few|little|long|far|often|\w+ly)\b)\s+(?:\w+\s+){0,4}$",
    re.I,
)
"""A modal word in a comparison or a free relative ("more than a client should send", "whatever the
server may return", "however often the client should retry"). Not "however" that joins two clauses with
no comma: LSP's "Cell text documents have an URI however servers should not rely on any format for
this URI" forbids."""
_CLAUSE_BREAK = re.compile(
    r"[,;:(\u2014]|\s-\s|\b(?:that|which|who|whom|whose|because|since|although|though|so|and|but|however|or|while|where|if|when|unless)\b",
    re.I,
)
_CONDITION_OPEN = re.compile(
    r"\b(?:if|when|whenever|whether|unless|in\s+case|where|wherever|as\s+long\s+as|even\s+though|so\s+that)\b", re.I
)
_CLOSES_A_LINK_LABEL = re.compile(r"([^\[\]\n]{0,200})\]\(")
"""The rest of a link's label, up to its target."""


def _enabling_thing(before: str) -> bool:
    """Whether the subject before "allows" (or "permits", "lets") is a thing, whose allowing is what it
    makes possible: "This mechanism allows peers to obtain certificates", "The search API allows
    clients to search", "`autonat v2` allows nodes to ..." (libp2p, Matrix). A text licenses ("The
    spec allows servers to retry"; what a format or a syntax allows a document may hold), and so
    does whoever is named otherwise ("The harbour master allows captains to leave early")."""
    if before.rstrip().endswith("`"):
        return True  # a name in code: a field, a protocol, a value
    words = _subject_words(before)
    if not words or words[-1] in _LICENSING_TEXTS:
        return False
    return words[-1] in _ENABLING_THINGS or words[0] in ("this", "these", "such")


_LICENSING_TEXTS = frozenset(
    "specification spec document standard memo section rfc version draft format formats syntax grammar schema schemas".split()
)
_ENABLING_THINGS = frozenset(
    "mechanism mechanisms property properties field fields value values option options approach feature features module"
    " modules api apis type types token tokens header headers flag flags parameter parameters setting settings attribute"
    " attributes object objects function functions method methods endpoint endpoints message messages extension extensions"
    " request requests response responses design structure keyword keywords capability functionality data file files log"
    " logs algorithm encoding scheme".split()
)
"""Things whose allowing is what they make possible (a protocol is left out: "The HTTP protocol allows
intermediaries to transform a message" licenses)."""
_GERUND_SUBJECT = re.compile(r"(?:^|[.;:!?]\s)[\s*_\"'(]*[A-Za-z]+ing\b[^,;:]*$")
"""A clause whose subject is a doing ("Returning 404 for missing content ..."): what it allows is its effect."""
_AFTER_CONJUNCTION = re.compile(r"\b(?:and|but|or|then|please)\s*[*_\"'(]*$", re.I)
_COMMAND_OPENING = re.compile(r"(?:^|[:;\u2014]|\b(?:and|but|or|then|please))\s*[*_\"'(]*$", re.I)
_REPORTING = re.compile(
    r"\b(?:say|says|said|saying|tell|tells|telling|told|reply|replies|replying|respond|responds|responding|explain|"
    r"explains|explaining|ensure|ensures|guarantee|guarantees|means|state|stating|inform|informs|informing|answer|answers|claim|claims|claiming|admit|admits|"
    r"acknowledge|acknowledges|warn|warns|warning|remind|reminds|assure|assures|insist|insists|suggest|suggests|"
    r"suggesting|believe|believes|think|thinks|feel|feels|assume|assumes|pretend|pretends|promise|promises|"
    r"mention|mentions|explaining|indicate|indicates|indicating)\b(?:\s+[\w'-]+){0,5}?\s+that\b",
    re.I,
)
_INDIRECT_QUESTION = re.compile(
    r"\b(?:whether|(?:specif(?:y|ies|ying)|indicat(?:e|es|ing)|determin(?:e|es|ing)|decid(?:e|es|ing)|check(?:s|ing)?|"
    r"know(?:s|ing)?|ask(?:s|ing)?|controls?|controlling|selects?|selecting|chooses?|choosing|says?|saying)"
    r"\s+(?:if|which|how|what)|why|how(?!\s+to\b))\b[^,;:.]*$",
    re.I,
)
"""An indirect question still open before a phrase: "specifies if", "decide whether", "says which",
in-toto's "Consult the [spec] for how the verification workflow may use it", Serverless Workflow's
"No matter how many times sub-workflow may use `continueAs`", IPFS's "as to why this rule may block
all subpaths"; not "how to", a skill ("Workloads which don't understand how to leverage multiple
identities may use the default identity")."""
_BOLD_TITLE = re.compile(r"(\*\*|__)(?:(?!\1)[^.!?\n])+\1")
"""A paragraph all in bold on one line, with no full stop (:attr:`Place.title`)."""
EXAMPLE_ASIDE = re.compile(r"(?i)\((?:for\s+example|for\s+instance|e\.\s?g\.)[^()]*\)")
"""An example in brackets: "(for example, updating the `updatedAt` attribute)", "(e.g. `x-dock`)"."""


def _within(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether ``span`` lies inside one of ``spans``."""
    return any(start <= span[0] and span[1] <= end for start, end in spans)


_EXAMPLE_TITLE = re.compile(r"^\W*(?:examples?|counter-?examples?|e\.g\.|sample|illustration)\b\s*\d*\s*[:.\u2014-]", re.I)
# "**Tool**: a program that can be called ..." defines a word; it rules only with a rule word of its own.
_DEFINITION = re.compile(r"^[A-Z][\w' -]{0,40}:\s")
_COMMENTARY = re.compile(r"\s*!!!\s*(?:meta|aside|commentary|rationale)\b", re.I)
_EXAMPLE_HEADING = re.compile(r"[\s\d.]*(?:an?\s+)?examples?\b(?!\s+(?:of\s+)?(?:rules?|requirements?)\b)", re.I)
"""A heading of examples: "Example", "4.2 Examples", "Example: a two-socket machine"."""
_NOTE_LABEL = re.compile(r"[\s*_>]*(?:[A-Za-z'-]+\s+)?notes?(?:\s+to\s+[a-z]+)?[\s*_]*:", re.I)
"""A note's label opening a clause: "Note:", "NOTE:", "Implementers note:", "Note to implementers:". (Not "Note
that ...", which as often states a rule: Serverless Workflow's "Note that an error definition should **NOT**
carry any implementation-specific information".)"""
_SUMMARY_HEADING = re.compile(r"[\s\d.]*(?:summary|abstract|tl;?\s*dr)\s*$", re.I)
"""A heading over a summary of the document or of a proposal: "Summary", "Abstract", "TL;DR"."""
_PROPOSAL = re.compile(
    r"(?i)(?:^|/)(?:ipips?|proposals?|rfcs?|seps?|oteps?|keps?|enhancements)/|(?:^|/)(?:ipip|sep|otep|kep)-?\d|(?:^|/)proposal\.mdx?$"
)
"""The path of a proposal to change a spec: IPFS's "src/ipips/ipip-0484.md", MCP's "seps/", OpenSpec's "proposal.md"."""
_RATIONALE_HEADING = re.compile(r"[\s\d.]*(?:design\s+)?rationale\b", re.I)
"""A heading of reasons: "Rationale", "4.2 Design Rationale"."""
_WORK_HEADING = re.compile(
    r"[\s\d.]*(?:(?:action\s+items|to-?dos?|open\s+items|follow-?ups?|next\s+steps|open\s+(?:questions|issues)"
    r"|unresolved\s+questions|(?:rejected\s+|considered\s+)?alternatives(?:\s+considered)?)\s*$"
    r"|release\s+process\b|releasing\b|how\s+to\s+release\b|making\s+a\s+release\b|release\s+checklist\b"
    r"|publishing\s+a\s+new\s+version\b|contributing\b)",
    re.I,
)
"""The heading of a section about the authors' work (``Place.speaks_of_the_work``): tasks ("Action items",
"TODO", "Next steps"), procedures (TOML's "Release Process": "- Create the new release version of the
specification"; OpenAPI's "Contributing": "- Convert the schema.yaml to schema.json"), open questions
(OpenSpec's "Open Questions": "- Consider: Add `--schema tdd` option or prompt") and alternatives weighed
(OpenAPI's "Alternatives considered": "- Set `children` rather than `parent` on the tags")."""

_QUESTIONS_HEADING = re.compile(r"[\s\d.]*(?:faqs?|frequently\s+asked\s+questions)\b", re.I)
"""The heading of a section of answers to common questions: "FAQ", "Frequently Asked Questions"."""

_CONSIDERATIONS_HEADING = re.compile(r"[\s\d.]*(?:security|privacy)\s+considerations\b", re.I)
"""A heading of advice on risks: "Security Considerations", "7. Privacy Considerations"."""
_SAYS_NON_NORMATIVE = re.compile(r"(?i)\bnon-?normative\s+(?:examples?|illustrations?|notes?|guidance|text)\b")
"""A sentence that introduces non-normative examples or text (CloudEvents' primer: "to give a few non-normative
examples of how security may be layered on top of a CloudEvent:"). A thing called non-normative is no
such sentence: A2A's "A generated JSON artifact MAY be published ..., but it is a non-normative build
artifact." grants a licence."""

_TEACHING_PAGE = re.compile(
    r"(?i)(?:^|/)(?:tutorials?|guides?|how-?tos?|getting-started|quick-?starts?|cookbooks?|examples?|blog)/"
    r"|(?:^|/)(?:quick-?start|getting-started|tutorial|install|installation|upgrade|local-development)(?:[-_][^/]*)?\.mdx?$"
)
"""A page that teaches or shows rather than specifies, in a folder of such pages or named as one: MCP's
``tutorials/security/authorization.mdx`` tells its reader "Fill in the client's details", A2A's
``docs/tutorials/python/`` to "Use the route factory" (208 amendments graded breaking in MCP's last 200
commits, for such steps), and spec-kit's ``docs/quickstart.md`` to "Follow [Adopting Spec Kit in an
Existing Project] before starting", its ``installation.md`` and ``upgrade.md`` likewise."""


@lru_cache(maxsize=4096)
def _informative_heading(heading: str) -> bool:
    """Whether a heading marks its section non-normative; remembered, as every commit of a history
    asks again about the same headings."""
    return _INFORMATIVE_HEADING.search(heading) is not None


_INFORMATIVE_HEADING = re.compile(r"\((?:non-normative|informative)\)|^[\W\d]*(?:appendix\s+\w+\W+)?non-normative\b", re.I)
_INFORMATIVE_NOTICE = re.compile(
    r"\W*(?:\[!\w+\]\W*)?(?:the\s+\w+\s+in\s+)?this\s+(?:section|subsection|appendix|annex|chapter|part|page)s?(?:\s+of\s+[^.,]{1,60}?)?"
    r"\s+(?:is|are|contains|provides)\s+(?:entirely\s+|wholly\s+|purely\s+|only\s+)?[*_]{0,2}(?:non-normative|informative)\b",
    re.I,
)
"""A section's notice that it states no rules: "This section is non-normative.", "The pages in this
section are **non-normative**", "This appendix provides non-normative guidance", "> [!IMPORTANT] This section
is non-normative" (a GitHub alert's label first)."""
_CHANGELOG_HEADING = re.compile(
    # (not one a heading points to: "Decisions This Spec Makes (recorded in the changelog)")
    r"\b(?<!\bin\sthe\s)(?:change\s?log|release\s+notes)\b"
    r"|\b(?:changes\s+(?:in|since)|what's\s+new)\b"
    # "## Appendix A: Revision History", "# (Informative) Revision History", "## Document History of ...", not a
    # field or a test named for one: CSAF's "Document Property - Tracking - Revision History", "Sorted Revision History"
    r"|^[\W\d]*(?:appendix\s+\w+\W+)?(?:\(informative\)\s*)?(?:revision|document|version|draft|change)\s+history"
    r"(?:[\W\d]*$|\s+(?:of|for|since|from|and)\b|\s*[(<{:])"
    # an IETF draft's appendix, "# A. Changes" or "# Changes from RFC 6265", and its entries, "## Since draft-ietf-httpbis-foo-11"
    # (not OAuth 2.1's "# Differences from OAuth 2.0", whose subsections state rules for servers that serve both)
    r"|^[\W\d]*(?:appendix\s+\w+\W+|[a-z]\.\s+)(?:changes\W*$|changes\s+from\b)|^[\W\d]*changes\s+from\b"
    r"|^[\W\d]*since\s+(?:draft-|-\d|rfc\s?\d|v?\d)"
    # a history of the document's versions, "## Revisions" (OpenVEX)
    r"|^[\W\d]*(?:appendix\s+\w+\W+)?revisions\W*$",
    re.I,
)
_CHANGES_BETWEEN_VERSIONS = re.compile(
    r"\bchanges[\s_-]+between[\s_-]+(?:[a-z0-9.]+[\s_-]+){0,2}(?:v?\d|versions?\b|releases?\b|drafts?\b)", re.I
)
"""A file or heading that names the changes between two versions: SARIF's "Schema changes between
SARIF v1 and v2" lists what changed, told as commands ("On the `locations` property, remove ...").
(Not OpenSpec's "Scenario: Context changes between operations", a rule's case.)"""
_CHANGES = re.compile(r"[\W\d]*changes\W*", re.I)
"""A heading that says only "Changes": an IETF draft's change log ("# Changes" above "## Since
draft-..."); elsewhere a section about changes (OpenSpec's "## Changes", a concept of its tool)."""
# Verbs after "may" that say what is likely, not what is allowed: "users may feel", "it may vary".
_EPISTEMIC_NEXT = {
    "feel", "seem", "appear", "look", "sound", "find", "want", "wish", "prefer", "need", "become", "cause",
    "lead", "result", "happen", "occur", "arise", "vary", "differ", "mean", "indicate", "reflect", "involve", "match",
    "depend", "exist", "come", "get", "think", "believe", "know", "expect", "hope", "like", "worry", "struggle",
    "experience", "face", "encounter", "misunderstand", "perceive", "interpret", "benefit", "affect", "prove",
    "pose", "harm", "well", "even", "still", "already", "sometimes", "lack", "imply", "confuse", "mislead",
    "miss", "overlook", "notice", "grow", "increase", "decrease", "diverge", "conflict", "seek", "intend",
    "understand", "err", "misread", "fail", "break", "crash", "contain", "include", "comprise", "exhibit",
    "play", "attempt", "try", "originate", "evolve", "vanish", "disappear", "see", "observe",
}  # fmt: skip
_UNWILLED_NEXT = {"originate", "happen", "occur", "arise", "exist", "reflect", "work", "evolve", "function"}
"""Verbs after "may not" that tell what may not be so: nobody is forbidden to "originate" or to "work"."""
_EPISTEMIC_BE = {
    "difficult", "hard", "easy", "helpful", "useful", "appropriate", "inappropriate", "necessary", "unclear",
    "possible", "impossible", "likely", "unlikely", "true", "false", "wrong", "right", "harmful", "unsafe",
    "safe", "best", "better", "worse", "ambiguous", "subject", "due", "because", "that", "in", "at", "on",
    "able", "unable", "tempting", "preferable", "reasonable", "challenging", "confusing", "misleading",
    "important", "dangerous", "sensitive", "relevant", "related", "similar", "different", "present", "absent",
    "missing", "available", "unavailable", "incorrect", "correct", "outdated", "incomplete", "interpreted",
    "perceived", "seen", "viewed", "read", "considered", "affected", "influenced", "caused", "triggered",
    "acceptable", "fine", "okay", "wise", "worth", "enough", "insufficient", "sufficient", "known", "unknown",
    "vulnerable", "susceptible", "slow", "expensive", "costly", "stale",
}  # fmt: skip
_BEYOND_KNOWING = {
    "determined", "detected", "distinguished", "predicted", "guaranteed", "verified", "proven", "proved",
    "inferred", "defended", "prevented", "trusted", "relied", "assumed", "ensured", "enforced", "expressed",
    "represented", "validated", "known", "measured", "realized", "realised", "exploited",
}  # fmt: skip
"""Participles after "cannot be" that say what no one can know or make sure of, not what is forbidden:
"whose type cannot be determined", "a signer that leaks its key cannot be defended against", purl's "some
require programming and cannot be enforced only with a schema"."""


def _expected_effect(before: str, after: str) -> bool:
    """Whether "should" says what effect one expects: "have a minimal impact", "be less confusing", "do the
    trick" (SARIF's "`pip install inverso` should do the trick"), "suffice" of anything, "not materially
    affect existing tools" of a change ("Metadata should not affect workflow execution" binds whoever
    runs the workflow)."""
    if _EXPECTED_EFFECT.match(after):
        return True
    of_a_change = _subject_word(before) in _A_CHANGE or bool(_A_CHANGE_BEFORE.search(before))
    return of_a_change and _AFFECTS.match(after) is not None


_EXPECTED_EFFECT = re.compile(
    r"\s+(?:not\s+)?(?:\w+ly\s+)?(?:have\s+(?:an?\s+|no\s+|any\s+|little\s+)?(?:\w+\s+)?(?:impact|effect|consequence)s?\b"
    r"|be\s+(?:much\s+|far\s+)?(?:less|more)\s+\w+|do\s+the\s+trick\b|suffice\b)",
    re.I,
)
_AFFECTS = re.compile(r"\s+(?:not\s+)?(?:\w+ly\s+)?(?:affect|effect|impact|break)\b", re.I)
_A_CHANGE = {"this", "that", "it", "change", "changes", "update", "proposal", "rename", "renaming", "migration"}
"""Subjects that name a change, whose effect "should" foretells: "this", "the change", "the update"."""
_A_CHANGE_BEFORE = re.compile(r"(?i)\b(?:change|update|proposal)\s+and\s+$")
"""A change named just before "and should": "... would be a useful change and should not affect ..."."""

_ADVERSARY = re.compile(r"(?i)\b(?:attackers?|adversar(?:y|ies)|eavesdroppers?|intruders?|malicious\s+[\w-]+)\b")
"""Who a threat model speaks of: what "an attacker cannot" do is a property of the design."""
_ABILITY_ADVERBS = {"yet", "easily", "reliably", "readily", "currently", "always", "fully"}
"""Adverbs after "can" or "cannot" that tell what is possible, not what is allowed."""
_ABILITY_NEXT = {
    "support",
    "handle",
    "process",
    "understand",
    "generate",
    "produce",
    "run",
    "execute",
    "reach",
    "hold",
    "store",
    "fit",
    "afford",
    # what a mechanism can or cannot achieve, a limit of its design: "Client ID Metadata Documents
    # cannot prevent `localhost` URL impersonation by themselves", "TLS cannot guarantee end-to-end integrity"
    "prevent",
    "guarantee",
    "ensure",
    "protect",
    "detect",
    "distinguish",
    "mitigate",
    "eliminate",
    "tell",
}
"""Verbs after "can" or "cannot" that tell what is possible, not what is allowed ("Implementers cannot
tell whether ..." would be a rule by its subject alone)."""
_CONSEQUENCE_BEFORE = re.compile(r"(?:[,;]\s*or|\botherwise|\belse)\s*,?\s+(?:the\s+|a\s+|an\s+)?[\w-]+\s+$", re.I)
"""A clause that says what follows when a rule is not kept: "..., or the verifier", "Otherwise the consumer"."""
_THE_TEXT_BEFORE = re.compile(
    r"(?i)(?:^|[,;:]\s*|\b(?:and|but|so)\s+)\W*(?:the|this)\s+(?:specification|spec|document|standard)\s+$"
)
"""The text itself as the subject of a "may": what it may yet do, no one given leave ("In time, the
specification may introduce ..."; not "Some objects in the specification may be declared ...")."""
# Subjects that make "may" a likelihood ("people may disagree", "this may take long"): they are
# not who a spec binds. "Users" and "it" are left out: "users may export", "it may decline".
_NON_HOLDERS = {
    "this", "that", "these", "those", "there", "he", "she", "we", "people", "humans", "someone", "somebody",
    "anyone", "others", "some", "many", "things", "such", "which", "what",
}  # fmt: skip
_ADVERBS = {
    "also", "only", "still", "even", "always", "never", "not", "generally", "usually", "often", "sometimes",
    "typically", "then", "therefore", "thus", "instead", "however", "further", "additionally", "optionally",
    "explicitly", "simply", "just", "now", "already", "reasonably", "safely",
}  # fmt: skip
# Who a rule binds, by the head word of the subject; plurals and synonyms fold into one holder.
_AGENTS = {
    word: holder
    for holder, forms in {
        "assistant": "assistant assistants model models chatgpt",
        "implementation": "implementation implementations implementer implementers implementor implementors",
        "client": "client clients",
        "server": "server servers",
        "user": "user users",
        "developer": "developer developers",
        "operator": "operator operators",
        "agent": "agent agents",
        "host": "host hosts",
        "application": "application applications app apps",
        "proxy": "proxy proxies intermediary intermediaries gateway gateways",
        "cache": "cache caches",
        "sender": "sender senders",
        "recipient": "recipient recipients receiver receivers",
        "validator": "validator validators",
        "parser": "parser parsers decoder decoders",
        "generator": "generator generators encoder encoders",
        "tool": "tool tools",
        # "Either side can cancel", "both parties may": every party of the exchange, as one holder
        "party": "side sides party parties peer peers endpoint endpoints",
        "author": "author authors",
        "maintainer": "maintainer maintainers",
        "publisher": "publisher publishers",
        "consumer": "consumer consumers",
        "producer": "producer producers",
        "provider": "provider providers",
        "origin": "origin origins",
        "you": "you",
        "software": "software",
        "document": "document documents",
        "schema": "schema schemas",
        "version": "version versions",
        "keyword": "keyword keywords",
        "value": "value values",
        "field": "field fields property properties",
        "request": "request requests",
        "response": "response responses",
        "message": "message messages",
    }.items()
    for word in forms.split()
}
# Holders that act (and so can be licensed to, or be described as always doing something).
_ACTORS = {
    "assistant", "implementation", "client", "server", "developer", "operator", "agent", "host", "application",
    "proxy", "cache", "sender", "recipient", "validator", "parser", "generator", "tool", "author", "maintainer",
    "publisher", "consumer", "producer", "provider", "origin", "you", "software", "party",
}  # fmt: skip
_FUNCTION_WORDS = {
    "the",
    "a",
    "an",
    "to",
    "of",
    "and",
    "or",
    "in",
    "on",
    "for",
    "it",
    "its",
    "that",
    "this",
    "be",
    "with",
    "by",
    "as",
    "any",
    "every",
    "all",
}
