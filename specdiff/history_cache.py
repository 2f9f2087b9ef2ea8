"""The history cache: what each commit did to the specs, kept in ``.git/specdiff/history.sqlite``.

Content-addressed: an entry's key is a hash of the blob ids of the spec files
a commit changed (and of the settings that decide how they are read), never
of the commit id. A rebase that keeps the contents, or the same change on two
branches, finds the entry already there; a change of ``specs`` or
``requirement_ids`` in the config, or a new specdiff version, misses it.

Entries are pickled model objects. The file lives in the repository's ``.git``
folder, which specdiff trusts as much as git's own hooks there; an entry that
cannot be read is computed again, and a damaged database is moved to
``history.sqlite.damaged`` and a new one started, with nothing lost but time.
A database that another run holds ("database is locked") is not damaged:
specdiff waits for it, and if it stays locked, goes on without the cache
for that step rather than setting a healthy file aside.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import sqlite3
from pathlib import Path
from typing import Any

from specdiff import __version__
from specdiff.config import Config
from specdiff.repo import FileChange

FORMAT = "225"
"""Bumped whenever what is stored changes shape, or what a commit would store changes (6: GitHub's
slugs for headings that start with a symbol or are links; 7: a heading's anchor with other attributes
or around its words, any element's id as an anchor, an anchor alone above a paragraph naming it, slugs
without numbers that are not digits; 8: no links or anchors inside closed code blocks, a heading's code
spans keep their underscores and "<->" is no tag, anchors of the other files of a page a site
assembles, no rule read in the sentence that says how to read the keywords; 9: code spans keep their
emphasis marks, "Should X, ..." and a lower-case keyword in a closed condition of a capitals document
are conditions, numbers written out are the same numbers, words that spell out what a rule named do not
narrow it, repeated clauses pair beside their neighbours, a rule moved between clauses is no change,
a question rules nothing, a keyword in capitals is one in any repository, a word swapped for its
opposite reverses a rule; 10: change-log folders and Document History sections, editors' notes, Example
sections, table labels and example set-ups state no rule, placeholders renamed and citations made
precise are editorial, step and three-part numbers are labels, a sentence added whole is no slight
rewording; 11: what a field or step decides, "even if" and "at most" set no condition or quantifier, "is
to be" and a "Required." cell oblige, a sentence taken out into its own paragraph makes a split; 12: a nested
list item continues its parent item, a field's mark leads nothing, an alternative condition dropped narrows,
compound adjectives "one-time" are no numbers; 13: HTML comments rule nothing, "Editor's note" is no TODO, a
bound dropped narrows, quotes in code spans and "see ... for details" pointers are editorial; 14: a requirement
column's "required" / "optional" cell rules, "Count and ..." subjects and field labels are no commands,
"except for" is "except", "[1]" is no number, a file turned into a link beside its moved copy is renamed;
15: a heading inserted above clauses or sections moves none of them, two swapped anchors are two anchor
changes; 16: words in capitals are no commands, an item's "This ..." sentence takes no lead-in force; 17: a
code span added to or dropped from a clause is no slight rewording; 18: a "see:" line of links is a pointer;
19: items under a lead-in that ends in a condition take no force; 20: one clause rewritten alone between
unchanged neighbours pairs on fewer shared words, a code block's fence marks are not its text, Bikeshed
sources have no indented code blocks, "except for" for "except" changes no word of a rule, "it is
illegal / legal to" rules; 21: advice as a command ("Consider ...") is as strong as "should"; 22: an HTML
code element is a code span, twin clauses of two sections edited in place are not crossed, a term renamed
throughout may have up to three words, a cross-reference made more precise narrows nothing; 23: a sentence's
forces said in another order change none; 24: a list item cut down to its key pairs with its old self, a
keyword in code used as one rules, "&#124;" is no number, an item put into a list of alternatives
broadens, a title opening with "Recommended" rules nothing, "is mutually exclusive with" forbids, a "This"
subject stands for the old one, a paragraph announcing "the following" leads its list, an item sentence
stating a case takes no lead-in force, "one or more" is no number, "the most" no quantifier, "include
or exclude" no negation; 25: numbers glued to a unit ("64KB") are numbers, "one another" none, "e.g." no
condition word, two short clauses swapped alone in place pair, a "No ..." subject turns its deontic word;
26: a table's rows take the force of a rule paragraph above the table, a "For example" item sentence takes
no lead-in force, "are mutually exclusive" is no rule, a block of link definitions added is editorial; 27:
"Yes" / "No" under a "Required" column header oblige / license, the "(s)" of "task(s)" is no word; 28: a
table cell "No" negates nothing; 29: an unchanged clause keeps its place where edited ones moved past it,
a keyed list item pairs with its key's; 30: a link relabelled where it still leads asks nothing new, items
completing a lead-in's "to:" are no commands, a list of words that grew is no slight rewording, "I need
to" and "not always" rule nothing, nor a lower-case word of force in a condition after its main clause;
31: a labelled command in an item takes its lead-in's force, as do the items under a label item, and a
lead-in's force written out is no word asked; a duty's grade changed beside an "only" is no restated
limit; a sentence never pairs with a block of link definitions, and "[1]: words" is a note, no definition;
"Requirement Level" cells oblige as their level says; a badge relabelled is no slight rewording; an
alternative added under "without" narrows; superlative "most", "will always", a doing that "allows",
"refer to", "learn more in [link]", "Let {x} be", a label item and "and do not" after a subject rule
nothing; a command after a manner adverb and the choice a deontic adjective names do; an HTML comment in
a heading is no part of it; 32: a word of force in a link's label names the section it leads to, "Use
cases" is a noun, an item whose force went from its lead-in into its words is read whole on both sides;
33: "was never" and "has always" tell what happened, "may make sense" is a likelihood, and the text
itself bound in capitals ("This spec MUST be updated") is a rule; 34: HTML blocks of tags and comments only
are editorial, a requirement column's "✕" licenses, "Let `x` be", "Let x =" and "Say we have" are no
commands, "the empty" / "the missing" negate nothing, "-32001" in code is a number, "if one is" a
pronoun, the deontic word ending a condition, "which may not", "may not originate", "may" in a reason,
"may be known" and "has to a" rule nothing, nor does "NB: Need to add", and "Set `x` to" commands;
35: a keyword repeated over a second verb after "and" and left out is no rule removed; 36: "Let `x = y`."
and "Let `x` denote" are no commands; 37: a deleted file whose twin moved in the same commit moved along;
38: sections declared non-normative state no rules; 39: negations in an "if ... then" condition over
commas, after a sentence-opening "Without", in a relative "that" clause, in "a noun not doing" and in a
phrase added whole turn nothing round; 40: a clause cut down or grown pairs with its old self;
41: a word or mark changed in a code block that declares a schema is no slip; 42: "Not all ... need to"
lifts an obligation, "No one is allowed to" forbids, "No ... is required to" licenses; 43: a modal verb
after a negative subject of its clause is that verb negated; 44: a deontic word too, in any clause; 45: a
value in code replaced, clauses under a deleted heading not moved, renumbered headings and tables of
contents editorial, "may" after a digit no month; 46: calls for attention, things that allow, relative
clauses in capitals documents and "licensed under" state no rule, rules moved into or out of added and
removed clauses, one word added to a rule's subject; 47: a rule inside a new optional field, tables of
contents with appendix lines; 48: "if any" between commas, "recommended reading", `{id=...}` headings; 49: "may or may not";
50: a rule in a new file, "SHOULD avoid" opening a list item, "can then be used for"; 51: a keyword in capitals
with a holder of its own in a sentence about the text; 52: code blocks under a "Schema" heading, addresses
in code blocks, "<string, object>" is no tag; 53: a split's parts under a heading inserted into its section;
54: a section moved only by a heading's level is editorial; 55: lower-case keywords under "Rationale";
56: rules under a new licence; 57: "The response for each upload" narrows no scope;
58: an item slipped into a list left open with "etc." broadens; 59: "cannot" after ", or" and "otherwise";
60: "did not skip" turns nothing round; 61: a case added under "MUST fail if:";
62: keywords in underscore emphasis, e-mail addresses are no words; 63: editors' notes added or removed;
64: "have need to"; 65: an example added or removed whole is one amendment;
66: a qualifier added beside a word swapped; 67: a web address naming an identifier is a value;
68: lower-case keywords in notes of capitals documents; 69: words only added are no slight rewording;
70: a field named after an anchor tag is no command; 71: bare tags wrapping a block join it;
72: "can be used directly ... to" says what a thing is for; 73: an IETF draft's "Changes" appendix;
74: a "can" stands in for a rule only when both say the same act; 75: lettered steps inline;
76: only an item's first sentence takes its lead-in's force; 77: "start here!", "future versions may";
78: "map<string, AnyValue>" in a heading is no tag; 79: an alternative under "at least one of:";
80: a file added as a copy is compared with what it copies, a file moved unchanged goes to its own name;
81: table rows pair by their first cell, the lone changed clauses of a pair of sections pair, one of a
term's names is no command, pointers with dotted link addresses, front matter's site settings are editorial;
83: "check out the source" and "may not be able to" are no rules; 84: front matter's description is read;
85: the editors asking readers for feedback state no rule; 86: the "any" of "if any" counts nothing;
87: links to tracker threads alone are editorial; 88: captions and lead-ins of one block pair, a
repeated text moved with its neighbours goes with them; 89: camel-case names recased are values, pronouns
in a condition bound nothing, a sentence said twice dropped once, a list of links that grew; 90: a lower-case
"may be used to" in a document of capitals says what a thing is for; 91: clauses in place opening alike pair; 92: "not
encouraged" discourages; 93: what later versions of the spec may do allows nothing; 94: clauses pair by the anchors they set, and
no clause moves to one whose anchors are all others; 95: names in credits, a citation added, words of grammar, a
sentence changed only in punctuation and a word inflected otherwise are editorial, the words that frame a keyword count
with it, and a schema block's comments are read as prose; 96: a code span's words written plainly in other capitals, and a heading
with nothing under it but sections, are editorial; no sentence ends at "e.g."; a schema block's fields are compared;
97: a table's Unit, Description or Notes column dropped or added changes no row, and a "Revisions" section is
a change log; 98: a spec file deleted and one added that rewrites it are a rename; 99: a scenario's WHEN steps rule nothing, a
labelled example in prose is an example, a code point is one number in either notation; 100: headings compare
without code marks; 101: an OpenSpec delta is compared with the requirements it restates; 102: a leave given only
somewhere restricts, and a command's object may be a path; 103: a scenario's WHEN reworded is its condition
changed; 104: a file's name changed throughout is no rename; 105: an OpenSpec delta deleted unarchived is withdrawn;
106: a table takes the rule announced before "The following table provides ...", a value that opens with a
digit or a media type is never renamed, an item under "- If ...:" keeps its list's rule, a lead-in closed by a
comma or announced before its last sentence leads, items under "... can:" are options, a GitHub alert's
non-normative notice counts, a noun opening a sentence and "Welcome to" are no commands, "cannot yet" and a
capitals document's "producers avoid" rule nothing, a name's number is no number, a table's header row and a
filled cell, a sample's data values, prose before a file's first heading may move to another file;
107: a heading reworded with the same words pairs its section, a name in title case and a caption give no
order, "while" and a gerund set no condition, labels and contents boxes are editorial, more likelihoods;
108: a "can" made a keyword of the same force is named, "may not" in a reason and "may be the only" are no
rules, a moved rule's subject is compared without its article; 109: a labelled line edited in place beside an
identical one in a new section is the one edited; 110: a table announced before another sentence takes the
rule just before the announcing one; 111: a rule reworded as it moved between clauses is one rule moved;
112: a tutorial's steps are no rules; 113: translations are no specs; 114: "whether or not" lifts a condition,
an optional item takes no rule from its lead-in; 115: a grammar is no example; 116: items
under "… two options:" name options; 117: a rule moved that asks the same in other words is one rule moved;
118: "and" swapped for "or" is no slip; 119: "to-one" is no number, items under "either:" are alternatives;
120: spaces beside a separator in code say nothing; 121: a sentence that introduces non-normative examples
states no rule; 122: a rule taken into a neighbouring sentence is no rule removed, "as if" sets no condition,
a grammar rule's name respelled is no slip; 123: a translation folder a change deletes is no spec removed;
124: an OpenSpec delta's title and "ADDED Requirements" heading are no sections added; 125: what "an attacker
cannot" do and what "cannot be determined" are no prohibitions, a paragraph all in bold is a title; 126: an
HTML block of tags around a label ("<dt>Summary<dd>") says nothing; 127: a change log's entries are editorial,
"Decisions (recorded in the changelog)" is no change log, nor is "Changes" outside an IETF draft; 128: a release
number bumped in an example is editorial; 129: an HTTP status's reason phrase, "403 (Forbidden)", is no keyword;
130: in a document that declares RFC 8174, a lower-case keyword is plain English; 131: an alternative added to
what a "MUST NOT" forbids narrows; 132: a rule in capitals that asks another thing is `replaced`, breaking;
133: a page's date and editors in front matter and "Authors:" lines say nothing, nor does a "See the [x][ref]"
pointer; 134: ":::note" fences are markup, lower-case keywords under "Security Considerations" advise;
135: the rules of a new section that declares itself optional, "The DHT Routing API is OPTIONAL.", bind its takers;
136: "may not be enough", "may be vulnerable", "may have negative effect", "Put another way", "for which the server
should" and "Should additional X be ..., " rule nothing; 137: mathematics typeset anew is editorial;
138: a mark alone in a table's cell, "✅", is a word, and a check mark an "x";
139: "Discussion issue: <link to a tracker>" is editorial;
140: a block quote after "{{HTTP}} says:" or "Current:" quotes another text's rules;
141: a lower-case "may" does not count against the capitals mode; 142: a word of standing ("experimental")
that came or went is no slight rewording, a command under a proposal's "Summary" names what it does;
143: an item's number moved into its marker, "- 1. X" -> "1. X", is editorial; 144: a command's verb
that opens a subject, "Test fixtures allow ...", is no command; 145: "shall" for "must" is editorial;
146: a page named as a tutorial, "docs/quickstart.md", teaches; 147: text removed from a file that stays
and from one deleted moves from the one that stays; 148: a command in a FAQ advises;
149: clauses are aligned with each code point written one way, "0x0A" as "U+000A"; 150: a command
under "Action items", "TODO" or "Next steps" is a task, and items under "... such as:" are examples;
151: "should have a minimal impact", "should be less confusing" and "cannot be enforced" rule nothing;
152: a command under "Release process" or "Contributing" is a task; 153: a heading that came or went
over editorial clauses only is editorial; 154: a keyword only recased is editorial in code marks too;
155: "double brackets" and "triple quotes" name marks, no numbers; 156: a command under "Open questions"
or "Alternatives considered" is no rule; 157: "is expected to" in a case named after its main clause rules
nothing; 158: an example whose sample made one or two names plural throughout is editorial; 159: an escaped
pipe stays in its table cell, and a pipe written otherwise there is editorial; 160: "however" with no comma
opens a clause, no comparison; 161: the day a draft was written, in a heading, a citation or a copyright line,
and its chairs are no change; 162: a rule on a new optional field's own value breaks nothing, and a number
after "§" names a section; 163: an algorithm's steps are no commands; 164: a word of force in a quoted error message
is the message's, and "See the rules for [x](#x)" only points; 165: a YAML sample's keys nested otherwise are an
example changed; 166: "should do the trick", "may vanish", "cannot be exploited" rule nothing; 167: a sample's
brackets moved and a literal flipped are an example changed; 168: "or both" added to what a rule asks broadens it;
169: "ex." and "e.g." are one abbreviation; 170: what a thing "cannot prevent" or "cannot tell" is a limit, no
rule; 171: a long spec is read clause by clause up to 25,000 lines, and past the budget the cut falls on a heading;
172: steps renumbered by hand and a release's number after "version" are editorial, and a Bikeshed heading loses
its closing hashes and takes a no-break space; 173: a rule that lost one of the things it names side by side is
no slight rewording; 174: "MAY see", "how the workflow may use it" and "Many registries may have" grant nothing;
175: "X is preserved in [link]" and ", see https://..." only point elsewhere; 176: a code fence's label and the
spaces around a code span's text are markup; 177: a section beside what was its parent, whose heading's level
changed, stood where it was; 178: lists of implementations and adopters in lower case are no spec files;
179: a lower-case keyword after "how" or "why" sits in a question asked inside the sentence; 180: "empty" in a
link's words names a thing; 181: a step's label that is its own sentence ("* **5.1.4.") and one after an emoji
is no number; 182: a list item that defines an optional property ("This OPTIONAL property ...") binds only who sets it;
183: a rule said anew the other way round, asking another act ("MUST be ignored" -> "MUST NOT generate an error"), is
no reversal; 184: a JSON sample whose members only changed order holds the same data;
185: a field renamed throughout ("the `refers` field" -> "the `subject` field") is another name on the wire;
186: a condition's whole choice dropped ("an image or artifact manifest" -> "a manifest") widens its rule;
187: link reference definitions moved to another section are editorial: they show nowhere;
188: a code block under a paragraph that leads into it with a rule lists that rule's items;
189: a command after a circumstance that opens with "on", "at", "upon", "during", "until", "within"; "discard";
190: a document of changes between versions is a change log; 191: "one" after "a" and one word ("a new
one") is no number, a list that only lost its "or" names the same cases; 192: a way added under "If an SDK
provides a way to:" and a lead-in whose rule binds only who takes its new licence are new options;
193: a list item rewritten in place, with paragraphs added after its list, is one item modified; 194: a
clause added that opens on a value of a parameter a new licence offers is a new option; 195: a clause of 6
words grown or cut down as it moved to another file is moved; 196: an item that says it is optional after
its field's name takes no force from its lead-in; 197: a licence whose rules bind what it offers, a rule on
values a new parameter does not list, on a value never named before, or in a section that licenses its
subject, is a new option, "can" made "MAY" is editorial, "Not" fixed to "Note" is a typo, a field renamed or
removed in a table of fields is a value, an image's alternative text is editorial, "Group Name (`gname`)"
and "Query parameters ... SHALL NOT" give no command; 198: words of how values are compared are no slight
rewording, "AND, OR, XOR binary operators" is no scenario step, an item that opens on a name in code to define
a property names a field, a path of fields is a name on the wire, a condition's cases joined by "or" for "and"
widen a rule, "Change history" is a change log; 199: a reason of compliance or an out-of-scope remark added to a
rule narrows nothing, a value in an example in brackets is the example's; 200: each line of an HTML block
that opens a table row starts a clause, a table row's code keeps its marks when rows are paired, splits and merges
are also measured by words, a list item and a table row share no place by a rare word alone, a paragraph that
stops on its keyword leads the list below, a placeholder of several words recased and a slash escaped in code are
no values changed, a status written in code with its name is its number, a step renumbered with a typo fixed is
editorial; 201: a step's number is no word of what a rule asks, an example in brackets asks nothing more, a
negative subject turned a keyword only once, a quoted value changed is no slight rewording, a rule opening on a
leave just granted binds only its takers, an alternative joined to a rule's condition widens it, a rule's
condition in other words is no slight rewording; 202: a check mark more beside another is no word written twice;
203: Bikeshed's metadata is front matter, a heading put over text that stood there is editorial, a step's label
that came or went is numbering, an HTML comment runs over blank lines and headings, a field label after spaces
is no command, a keyword defined is no rule, a span in double backticks is one code span, a sentence in
backticks is no value; 204: a proposal's number is no quantity, a reStructuredText link become its address is
editorial, an example in brackets is no part of a rule's condition or subject; 205: a revision's label beside its
date is a stamp, an empty "Interest Group:" names no one, "are expected" without "to" binds no one, a clause said
twice in a row and now once is editorial; 206: "the following" that announces a lead-in's list asks nothing more;
207: a negation in the reason a rule gives after its keyword ("since", "because") turns nothing round; 208: a
field set to a value is a name on the wire, items under a lead-in that says what is usually done command
nothing, "See Section 5.1 for more details" points, lettered lines made a nested list split nothing, rules of a
new section in development bind only its takers, "{::boilerplate bcp14}" binds keywords in capitals only and
there a keyword recased makes or unmakes a rule, a step renumbered while its keyword was recased is editorial,
a "TODO" heading holds editors' notes, a page's "Type URI:" binds, section numbers in a list and the number of
a name that came are no numbers, an abbreviation written out is editorial, a rule gone is read from the
sentence that said it; 209: items under a lead-in that tells an attacker's steps command nothing, "HTTP" ->
"HTTPS" is no slip, a JSON member renamed in an example is an example changed, a media type's registration
template states no rule, a TLS presentation struct declares a schema; 210: a schema's owner renamed with the
same fields is no field removed and added, and a comma or semicolon mended in one is layout; 211: a rule gone
that the new document says all the same, or come that the old one said, is no rule removed or added; 212: a
word put inside a name narrows no rule, a description cell beside a level cell states none, a draft's
informative references and contributors are metadata, items under "a corrupt X may:" command nothing; 213:
a section that kept its parent is out of order only among the others that kept theirs; 214: an item's rule
moved is also read with its lead-in's holder; 215: a fence left open is closed before the heading it runs
over; 216: a clause's text moved into another from elsewhere merges them, a sentence ends after a closing
quotation mark and before a "{{reference}}", sentences only put in another order are editorial, "not
mandatory" licenses; 217: GraphQL's types are schemas, a field with arguments a field, a call's one-word
string argument a sample's value, a noun before "don't" no command; 218: a schema fenced as an example
declares nothing, an empty cell written "-" for "N/A" is editorial; 219: a paragraph that only names the spec's
edition is editorial, and so is a bare CamelCase name renamed throughout; a struct renamed keeps fields of the
same names; 220: rules under a case of a kind never named before bind only it, a row pairs within its table's shape
first, column names cut short, a normative reference's entry, "no IANA actions", a template's tags, a type or
anchor moved word for word, an example in brackets and words pasted twice are editorial, a comparison changed in
code is an example changed; 221: struck-through words are no part of a clause, a purpose added to a rule asks
nothing more, a date line under the title, a "TBD" alone and a sentence said again beside other edits are editorial;
222: the date line read in every form ``lexicon.DATE`` reads, "Date: 4 December 2025" and "Date: Dec 2025" too;
223: a word inflected otherwise, a comma after a condition, a holder respelled, a name's kind said, "`f`" ->
"`f()`", a contraction written out, ABNF comments, kramdown attribute lists and a long paragraph pasted twice are
editorial; notes advise in every document; "typically required", "not formally required", "Remember that" and
a one-word label are no rules; a field or test named for a revision history is no change log; 224: a pointer to
a kramdown-rfc reference, a reference in place of pointing words, "Note that" -> "Note:", a footnote to the RFC
Editor, a schema comment's @since tag and "shouldnt" -> "shouldn't" are editorial, a regular expression's marks
count; 225: "Nothing" or "None" with a capital inside a sentence is no negation)."""


def cache_key(config: Config, changes: list[FileChange]) -> str:
    """The key of a commit's spec changes under ``config``."""
    settings = [FORMAT, __version__, config.specs, config.exclude, config.requirement_ids, config.max_file_bytes, config.capitals]
    files = sorted((c.old_path or "", c.new_path or "", c.status, c.old_blob or "", c.new_blob or "") for c in changes)
    return hashlib.sha256(json.dumps([settings, files]).encode()).hexdigest()


_INSERT = "INSERT OR REPLACE INTO commits VALUES (?, ?)"


class HistoryCache:
    """A key-value store of pickled commit results, in SQLite (in memory when the file cannot be written)."""

    def __init__(self, state_dir: Path | None) -> None:
        self._path = state_dir / "history.sqlite" if state_dir else None
        self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        """The database file; a new one if it is damaged; one in memory if neither can be had."""
        if self._path is not None:
            try:
                return _connect(self._path)
            except sqlite3.DatabaseError as error:
                if _busy(error):
                    return _connect(":memory:")  # another run holds it past the wait: do without, keep the file
                self._move_aside()
            except OSError:
                self._path = None  # unwritable: work without keeping anything
        if self._path is not None:
            try:
                return _connect(self._path)
            except (OSError, sqlite3.DatabaseError):
                self._path = None
        return _connect(":memory:")

    def has(self, key: str) -> bool:
        return self._query("SELECT 1 FROM commits WHERE key = ?", key) is not None

    def get(self, key: str) -> Any:
        """The value under ``key``; ``None`` when there is none or it cannot be read (a miss either way)."""
        row = self._query("SELECT value FROM commits WHERE key = ?", key)
        if row is None:
            return None
        try:
            return pickle.loads(row[0])
        except Exception:  # an entry from another version, or damaged
            return None

    def put(self, key: str, value: Any) -> None:
        row = (key, pickle.dumps(value, protocol=5))
        try:
            self._db.execute(_INSERT, row)
        except sqlite3.DatabaseError as error:
            if _busy(error):
                return  # not kept this time; computed again next time
            self._start_over()
            self._db.execute(_INSERT, row)

    def commit(self) -> None:
        try:
            self._db.commit()
        except sqlite3.DatabaseError as error:
            if not _busy(error):
                self._start_over()

    def _query(self, sql: str, key: str) -> Any:
        try:
            return self._db.execute(sql, (key,)).fetchone()
        except sqlite3.DatabaseError as error:  # damaged pages past the header show up only now
            if not _busy(error):
                self._start_over()
            return None

    def _start_over(self) -> None:
        """The database turned out damaged: set it aside and carry on with a new one."""
        self._db.close()
        self._move_aside()
        self._db = self._open()

    def _move_aside(self) -> None:
        """Keep the damaged file as ``history.sqlite.damaged`` (replacing an older one) for a look, if anyone wants one."""
        if self._path is None:
            return
        try:
            self._path.replace(self._path.with_name(self._path.name + ".damaged"))
        except OSError:
            self._path = None

    def close(self) -> None:
        self.commit()
        self._db.close()


BUSY_TIMEOUT_SECONDS = 10
"""How long to wait for another specdiff run that holds the database."""


def _busy(error: sqlite3.DatabaseError) -> bool:
    """Whether an error means "another connection holds the database", which is waiting, not damage."""
    return isinstance(error, sqlite3.OperationalError) and any(w in str(error) for w in ("locked", "busy"))


def _connect(target: Path | str) -> sqlite3.Connection:
    if isinstance(target, Path):
        target.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(target, timeout=BUSY_TIMEOUT_SECONDS)
    db.execute("CREATE TABLE IF NOT EXISTS commits (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
    return db
