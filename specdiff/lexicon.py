"""The words of obligation, and the other words whose change alters a rule.

``semantics`` reads a change through this module: which phrases oblige or
permit (:func:`modals`), where sentences end (:func:`sentences`), which numbers,
quantifiers and conditions a sentence holds. Everything here works on one
piece of text and knows nothing of the diff around it.

Obligations rank by strength, 1 may < 2 should < 3 must, and have a polarity,
+1 for an obligation or permission and -1 for a prohibition:

>>> [(m.phrase, m.polarity, m.strength) for m in modals("You may ask, but the assistant must not guess.")]
[('may', 1, 1), ('must not', -1, 3)]

Plain English counts as well as RFC 2119 capitals, contractions and curly
apostrophes included, and so does a sentence that starts with a command
("Include the title."). Words inside code spans, quotations and link targets
do not, nor do longer words that contain a modal ("shoulder", "mayor"), nor
modal words used otherwise ("to avoid doubt", "the need to", "in May 2025"):

>>> [m.phrase for m in modals("Don’t say `should` or \\"must\\"; the mayor's shoulder may ache.")]
['Don’t', 'may']

When a document uses RFC 2119 capitals on purpose, lower-case ``must`` or
``may`` is ordinary English there ("the value may be a string"):

>>> [m.phrase for m in modals("Implementations MUST reject it; the value may be empty.", capitals=True)]
['MUST']
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from specdiff.worddiff import token_opcodes

_AT_A_LETTER = "(?=[a-z])"
"""Put first in a pattern of words that each start with a letter (case ignored): ``re`` tries a
pattern at every position of the text, and this test fails fast where no letter is, before the
look-behind and the long alternation are tried. The same matches, 2 to 6 times sooner (modal
phrases: 34 -> 6 ms on an MCP page read ten times; reading them was a sixth of a cold
``specdiff log`` of MCP)."""

# (phrase, polarity, strength, RFC 2119 keyword). Longer phrases win over their
# prefixes ("must not" over "must"). A modal verb before "avoid" or "refrain
# from" gives the prohibition its strength ("should avoid" = should not).
# "Need not" and "is not required to" lift an obligation without forbidding
# anything: they read as a permission.
_PHRASES: list[tuple[str, int, int, bool]] = [
    # prohibitions
    ("must not", -1, 3, True), ("mustn't", -1, 3, False), ("shall not", -1, 3, True), ("shan't", -1, 3, False),
    ("must never", -1, 3, False), ("shall never", -1, 3, False), ("never", -1, 3, False),
    ("must avoid", -1, 3, False), ("shall avoid", -1, 3, False), ("must refrain from", -1, 3, False),
    ("is not allowed to", -1, 3, False), ("are not allowed to", -1, 3, False), ("is not permitted to", -1, 3, False),
    ("are not permitted to", -1, 3, False), ("is prohibited from", -1, 3, False), ("are prohibited from", -1, 3, False),
    ("is forbidden to", -1, 3, False), ("is prohibited", -1, 3, False), ("prohibited", -1, 3, False),
    ("is illegal to", -1, 3, False), ("is illegal for", -1, 3, False), ("is not legal to", -1, 3, False),
    ("is not legal for", -1, 3, False), ("is mutually exclusive with", -1, 3, False),
    ("is mutually exclusive to", -1, 3, False), ("is mutually exclusive of", -1, 3, False),
    ("forbidden", -1, 3, False), ("do not", -1, 3, False), ("don't", -1, 3, False),
    ("cannot", -1, 1, False), ("can't", -1, 1, False), ("can not", -1, 1, False),
    ("should not", -1, 2, True), ("shouldn't", -1, 2, False), ("shouldnt", -1, 2, False), ("should never", -1, 2, False),
    ("ought not to", -1, 2, False), ("should avoid", -1, 2, False), ("should refrain from", -1, 2, False),
    ("avoid", -1, 2, False), ("avoids", -1, 2, False), ("refrain from", -1, 2, False), ("refrains from", -1, 2, False),
    ("not recommended", -1, 2, True), ("is discouraged", -1, 2, False),
    ("may not", -1, 1, True), ("may avoid", -1, 1, False), ("may refrain from", -1, 1, False),
    # obligations and permissions
    ("must", 1, 3, True), ("must always", 1, 3, False), ("shall", 1, 3, True), ("is required to", 1, 3, False),
    ("are required to", 1, 3, False), ("required", 1, 3, True), ("has to", 1, 3, False), ("have to", 1, 3, False),
    ("needs to", 1, 3, False), ("need to", 1, 3, False), ("always", 1, 3, False), ("mandatory", 1, 3, False),
    ("should", 1, 2, True), ("should always", 1, 2, False), ("ought to", 1, 2, False), ("recommended", 1, 2, True),
    ("is expected to", 1, 2, False), ("are expected to", 1, 2, False), ("is to be", 1, 3, False), ("are to be", 1, 3, False),
    ("may", 1, 1, True), ("can", 1, 1, False), ("is allowed to", 1, 1, False), ("are allowed to", 1, 1, False),
    ("is permitted to", 1, 1, False), ("are permitted to", 1, 1, False), ("optional", 1, 1, True),
    ("is legal to", 1, 1, False), ("is legal for", 1, 1, False),
    ("optionally", 1, 1, False), ("feel free to", 1, 1, False), ("is able to", 1, 1, False),
    ("are able to", 1, 1, False),
    ("is free to", 1, 1, False), ("are free to", 1, 1, False), ("best practice is to", 1, 2, False),
    ("it's recommended", 1, 2, False), ("it is recommended", 1, 2, False), ("it is best to", 1, 2, False),
    ("is unacceptable", -1, 3, False), ("is not acceptable", -1, 3, False), ("are not acceptable", -1, 3, False),
    ("need not", 1, 1, False), ("needn't", 1, 1, False), ("does not need to", 1, 1, False),
    ("do not need to", 1, 1, False), ("doesn't need to", 1, 1, False), ("don't need to", 1, 1, False),
    ("do not have to", 1, 1, False), ("does not have to", 1, 1, False), ("don't have to", 1, 1, False),
    ("doesn't have to", 1, 1, False),
    ("is not required to", 1, 1, False), ("are not required to", 1, 1, False), ("not required", 1, 1, False),
    ("not mandatory", 1, 1, False),
]  # fmt: skip
_MEANING = {phrase: (polarity, strength, rfc) for phrase, polarity, strength, rfc in _PHRASES}
_MODAL = re.compile(
    _AT_A_LETTER
    + r"(?<![\w'])("
    + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p, *_ in sorted(_PHRASES, key=lambda entry: -len(entry[0])))
    + r")(?![\w'])",
    re.IGNORECASE,
)

# A sentence that starts with a command obliges as "must" does: "Include a code
# sample." against "Do not include a code sample." The verbs are those specs
# give orders with; a verb followed by "of" is a noun ("Use of cookies ...").
_COMMAND_VERBS = (
    "accept acknowledge act add address adjust allow answer append apply ask assume attach avoid begin block "
    "build call cap check choose cite clarify clear close collect compare confirm consider contact continue copy "
    "correct count create decline default defer delete deliver deny describe detect direct disable discard display do "
    "double-check drop email emit enable encourage encrypt end enforce ensure escalate estimate exclude expire "
    "explain export fail fall fetch fill filter flag follow forward gather generate give greet group guide hand handle "
    "help hide highlight hold identify ignore implement include inform insist introduce invite keep label lead leave let "
    "limit link list load lock log look maintain make mark mask match mention merge move name note notify "
    "offer omit open order pass pause pick place point post prefer prepare present preserve print prioritize "
    "prioritise proceed prompt protect provide publish push put query quote raise rate read recommend record "
    "redact redirect reduce refer refresh refuse reject release remember remind remove rename repeat rephrase "
    "reply report request require resend reserve reset resolve respect respond restart restrict resume retain "
    "retry return reveal review revoke rewrite round route run save say schedule search see select send set "
    "share show sign skip sort speak specify split start state stay stop store strip submit suggest summarize "
    "summarise supply support switch take tell test thank throttle track translate treat trigger trim try turn "
    "update upload use validate verify wait warn welcome withhold write "
    # more verbs specs give orders with, in rules lists ("seek clarification when ...")
    "abstain adhere adopt aim align anticipate assess assist attempt attribute balance bump calibrate caution "
    "comply convey decrement defend demonstrate disclose discourage distinguish draw emphasize emphasise engage "
    "err escape evaluate exercise express favor favour flatten foster frame increment indicate interpret keep "
    "maximize minimize monitor normalize normalise object obtain preface presume produce promote qualify refuse "
    "reason recognize recognise claim reference refrain remain reserve resist seek serve steer strive surface tailor "
    "terminate treat uphold weigh"
    # and those an agent's instructions give (spec-kit's command prompts: "Classify every part of the input")
    " abort assign auto-generate classify convert determine"
    " halt infer insert invoke populate re-evaluate re-run reevaluate rerun"
).split()


def _no_command_after_all(text: str, command: re.Match[str]) -> bool:
    """Whether the verb that opens ``text`` gives no order after all: it is a noun that opens the subject
    (:func:`_names_the_subject`), a greeting ("Welcome to the documentation") or the first word of a name
    in title case ("Operations: Send Streaming Message (...)", A2A's operation)."""
    return (
        _names_the_subject(text, command)
        or bool(_WELCOME.match(text, command.start(1)))
        or _title_case_name(text, command.end(1))
    )


def _title_case_name(text: str, at: int) -> bool:
    """Whether the words from ``at`` on finish a name in title case that began with a command's verb: a
    title alone ("1. Start Development", "Mark Nottingham"), two words or more before a bracket or a comma
    ("Send Streaming Message ([Section 3.1.2](#312))"), or a label's ("Test Flow:", "Push Notifications
    (WebHooks):"), or before the name in code it stands for (the OCI image spec's "Group Name (`gname`)",
    whose code span the reader has blanked). "Support Windows (Nix does not run there)" and "Ask Claude:
    'Continue'" still give orders.

    >>> _title_case_name("Send Streaming Message (see 3.1)", 4), _title_case_name("Support Windows (see below)", 7)
    (True, False)
    """
    found = _TITLE_CASE_NAME.match(text, at)
    if found is None:
        return False
    rest = text[found.end() :].strip()
    label = text.rstrip().endswith(":") and (not rest or rest.startswith("(") or rest == ":")
    coded = _CODE_IN_BRACKETS.match(rest) is not None  # ("Group Name (`gname`) should be ignored ...")
    return not rest or label or coded or (len(found.group(1).split()) >= 2 and rest[0] in "(),;")


def _names_the_subject(text: str, command: re.Match[str]) -> bool:
    """Whether a command verb that opens ``text`` is the first noun of its subject, a finite verb
    following a few words on: "Attribute value length and depth limits apply recursively", "Record
    keys are strings", "Test fixtures allow implementations to verify ...", "Provide Validity defines
    the time-to-live", "Build L3 usually requires significant changes", "Offer and answer contain the
    fingerprint", or a modal verb (AsyncAPI's "Query parameters SHALL NOT be ...", "Cache entries can
    expire") or a negated one (MLS's "Welcome messages don't necessarily need to be sent") (where "Ensure
    timestamps are monotonic" asks what follows it, "use it as it is" and "Provide examples and
    describe how they work" have objects, and "Let users define" and "Help clients decide" a verb of
    their own).

    >>> text = "Attribute value limits apply to nested values."
    >>> _names_the_subject(text, _COMMAND.match(text)), _names_the_subject("Use it as it is.", _COMMAND.match("Use it as it is."))
    (True, False)
    """
    verb = command.group(1).lower()
    return verb not in TAKES_A_THAT_CLAUSE | _ASKS_WHAT_FOLLOWS and bool(_SUBJECT_THEN_VERB.match(text, command.end(1)))


_SUBJECT_THEN_VERB = re.compile(
    # a few words, perhaps joined by "and" ("Offer and answer contain ..."), but not ending in it
    # ("Provide examples and describe how they work"), then an adverb perhaps and a finite verb
    r"(?:(?:\s+(?:and|or))?\s+"
    r"(?!(?:a|an|the|this|that|these|those|each|every|any|all|it|its|them|their|your|our|my|no|to|as|if|when|so"
    r"|and|or|which|what|who|whose|how|whether|where|you|we|they|he|she|i)\b)"
    r"[A-Za-z0-9][\w-]*){1,5}"
    r"(?<!\bfor)(?<!\bin)(?<!\bof)(?<!\bon)(?<!\bat)(?<!\bby)(?<!\bwith)(?<!\bfrom)(?<!\binto)"  # ("Ask X for apply context")
    r"(?:\s+(?:[a-z]+ly|already|also|only|always|often|never|still|usually))?"
    r"\s+(?:apply|applies|are|is|was|were|has|have|had|does|do|did|allows?|defines?|describes?|contains?|provides?"
    r"|specif(?:y|ies)|requires?|represents?|means|refers|includes?|indicates?|enables?|supports|determines?"
    r"|satisf(?:y|ies)|holds|(?i:must|shall|should|may|will|can|cannot)|(?:don|doesn|didn|can|won)'t)\b"
)
_WELCOME = re.compile(r"(?i)welcome\s+to\b")
_CODE_IN_BRACKETS = re.compile(r"\(\s+\)")
"""Brackets around nothing but a code span, blanked to spaces by the reader: "(`gname`)"."""
_TITLE_CASE_NAME = re.compile(r"((?:[ \t]+[A-Z][a-z][\w-]*){1,3})[ \t]*")
"""After a command's verb, the rest of a name in title case (``_title_case_name``)."""
_ASKS_WHAT_FOLLOWS = frozenset(
    "confirm validate remember make treat let help have determine detect show decide find explain describe document"
    " report".split()
)
"""Command verbs whose object may be a clause ("Confirm values are set", "Show which task runs"), or a verb
of its own ("Let users define ..."), besides ``TAKES_A_THAT_CLAUSE``."""
_ADVICE_VERBS = frozenset({"consider", "prefer", "try", "strive", "aim", "favor", "favour"})
"""Command verbs that advise as "should" does: "Consider caching the timetable" leaves the choice to the
reader, where "Cache the timetable" does not."""
_STEP_LABEL_TEXT = r"[A-Z][\w -]{0,30}:\s*|[A-Z][\w ]{0,30}\s[-\u2013\u2014]\s+"
STEP_LABEL = re.compile(rf"\s*(?:{_STEP_LABEL_TEXT})")
"""A step's label before the command it names: "Setup: " in "Setup: Run the script", "Generate
checklist - " in "Generate checklist - Create ...". A command after one still opens its sentence.
The label starts with a capital here (``force``); inside :data:`_COMMAND` case is ignored, as before."""
_COMMAND = re.compile(
    # a command may follow a leading circumstance: "Given a version number, increment the: ..."
    # ("On the next update cycle, begin at step 1": TUF's client steps)
    # or a step's label: "Setup: Run the script"
    # or an "Otherwise, " ("Otherwise, auto-generate it"), or a circumstance closed by a colon ("If the item
    # now passes and was unchecked: change `[ ]` to `[x]`")
    r"^\s*(?:(?:given|if|when|whenever|once|after|before|for|in|on|at|upon|during|until|within|with|unless|where|while|to)\b"
    r"(?:[^,;:.]|\.(?=\w)){0,200}[,:]\s*"
    r"|otherwise,\s*"
    r"|" + _STEP_LABEL_TEXT + r")?"
    # (a word in capitals is a literal, "ADD COLUMN", "POINT (1 2)", not a command)
    # (perhaps after a manner adverb: "Automatically generate provenance ...")
    r"(?:please\s+)?(?:[a-z]+ly\s+)?(?-i:(?![A-Z]{2,}\b))(" + "|".join(sorted(set(_COMMAND_VERBS) - {"note", "see"})) + r")(?=\s)"
    # ... unless the word is the subject ("Support is staffed", "Use of cookies"), a term being
    # defined ("query - Parameters that are appended to the URL"), one of a term's names ("Review /
    # approve / vote | When an actor ..." in SLSA's table of terms) or the first word of a field's
    # label ("Start Date: 2019-08-15", "Review Status: draft" at the top of an RFC).
    # (a path after the verb is its object: "Read /memory/constitution.md")
    r"(?!\s+(?:of|is|are|was|were|will|would|can|could|should|must|may|has|have|had|does)\b"
    r"|[ \t]{1,2}(?:[-:\u2013\u2014]|/(?=\s))"
    r"|[ \t]*\([^()]*\)[ \t]*:"  # ("Request (Server -> Client):", an example's caption)
    r"|(?:[ \t]+(?-i:[A-Z][\w-]*)){1,3}:\s"  # ("Default Repository URL: https://...", "Type: Object<br> Description: ...")
    # ... or sets up an example ("Consider a two-socket machine with:"), says what a field's value
    # does ("Set to `inherit` to allow access to the host's addresses", not "Set `x` to 1", whose code
    # span is blanked to spaces here), asks the reader to mind
    # something ("Keep in mind that ..."), points elsewhere ("Please refer to the registry", "To see
    # them, check out the source"),
    # names a value in an algorithm ("Let {fields} be the result of ...", "Let `head` be ...", where the
    # code span is blanked, "Let x = ...", "Let `x = f(y)`.") or is a noun ("Use cases").
    r"|(?<=consider)\s+(?:a|an|the\s+following)\b|(?<=set)\s{1,2}to\b|(?<=keep)\s+in\s+mind\b|(?<=refer)\s+to\b|(?<=check)\s+out\b|(?<=let)\s+(?:\S+\s+)?(?:be\b|denote\b|=)|(?<=let)\s+(?=[.;,]|$)|(?<=use)\s+cases?\b"
    r"|(?<=say)\s+(?:we|you)\s+(?:have|had|want|need|wish|get|receive)\b"  # "Say we have a tool ...": an example's set-up
    r"|(?<=put)\s+(?:another\s+way|simply|differently|briefly)\b"  # "Put another way, ...": an idiom
    r"|(?<=remember)\s+that\b"  # "Remember that a relay may be hosted anywhere": as "Note that"
    # ... or the first word of a label that ends its clause, a plural after it: Nostr's "Query parameters:"
    # (not OpenSpec's "Show spinner: "⠋ Configuring ..."", whose quote is blanked here)
    r"|[ \t]+(?!(?:this|these|those|its|us)\b)[\w-]+s[ \t]*:[ \t]*$"
    # ... or the first word of a subject whose verb follows: "Group identifiers must be strings"
    # (Nostr), "Block size is ...", "Count and bucket values MUST ..." (OpenMetrics); not across a
    # relative word ("Send messages that must be short").
    r"|(?:\s+(?:and|or)\s+[\w`'-]+)?"
    r"(?:\s+(?!(?:that|which|who|whom|whose|when|if|and|or|to|unless|where|so|you|we|they|it)\b)[\w`'-]+){1,2}"
    r"(?:\s*\([^()]*\))?\s+(?:must|shall|should|may|can|cannot|will|is|are)\b)",  # (CSAF's "Group IDs (`group_ids`) are ...")
    re.IGNORECASE,
)

# "Do not" commands only where a command can stand: at the start of a sentence,
# after a colon or a dash, or after "please". "Keys do not work" describes.
_ORDER_OPENING = re.compile(r"[\s*_\"'(]*(?:please\s+)?(?:do\s+not|don't|never|always)\b", re.IGNORECASE)
_COMMAND_POSITION = re.compile(r"(?:^|[:;\u2014\u2013-]|\bplease|\band|\bbut|\bso|\bthen)\s*$", re.IGNORECASE)
# Words before "need to" that make it a noun: "the need to keep logs small".
_NOUN_NEED = re.compile(r"\b(?:the|a|an|no|any|its|their|our|your|his|her|this|that)\s+$", re.IGNORECASE)
# "For example, if I see a high latency, I need to check the metrics": the narrator's need, no one's duty.
_NARRATOR = re.compile(r"\b(?:I|we)\s+$", re.IGNORECASE)
_NOT_BEFORE = re.compile(r"\bnot\s+$", re.IGNORECASE)
# "If implementers need to add information, they MUST use extensions": the need says when the rule
# applies; it binds no one (GraphQL over HTTP: "need to -> MUST NOT (reversed)" on a reworded rule).
_IN_CONDITION = re.compile(r"\b(?:if|when|whenever|where|once|unless|in case)\b[^,;:.]*$", re.IGNORECASE)
# "Should a team lead wish to step down, members may self-nominate": a sentence that opens with
# "Should", a subject and a comma is a condition ("If a team lead wishes ..."), not a rule (a Rust
# RFC's read as "Should: strengthened"; SPIFFE's "Should additional functionality be rendered ...,").
# A question keeps its "Should": "Should the relay retry?"
_INVERTED_CONDITION = re.compile(
    r"(?:^|(?<=[.!?;:\n]))[\s*_\"“(]*(Should)\s+(?:a|an|the|this|that|these|those|any|some|its|their|our|your|his|her|"
    r"it|they|we|you|he|she|there|one|either|neither|each|every|no|such|both|all|additional|further|other|more|multiple|"
    r"new)\b[^.;:!?,]{0,100},"
)
# "The components are to be percent-encoded": "to be" and a participle oblige as "must be" does.
_PARTICIPLE_NEXT = re.compile(r"\s+(?:[a-z]+ly\s+)?(?!expected\b)[a-z-]+(?:ed|en|wn)\b", re.IGNORECASE)
_ASKING_BEFORE = re.compile(r"\b(?:what|which|how|where|who|whom|whether)\b(?:\s+[\w`'-]+){0,4}\s*$", re.IGNORECASE)
"""An indirect question or a relative clause open before "is to be": "identify which prefix is to be used"."""
# "To avoid ambiguity, ..." states a purpose, not a prohibition.
_PURPOSE = re.compile(r"\bto\s+$", re.IGNORECASE)
_MONTH_NEAR_DIGIT = re.compile(r"\s+\d")

OBLIGATION_STRENGTH = 2
"""From this strength on (should, must) a phrase obliges; below it (may, can) it permits."""

_NEGATOR = re.compile(
    _AT_A_LETTER
    # (not "Nothing" or "None" with a capital inside a sentence: a value's name, JSONPath's "the argument is Nothing")
    + r"(?:(?<![\w'])(?!(?<=[a-z,] )(?-i:N(?:othing|one)\b))(?:not|no|never|none|nothing|nobody|neither|nor|without)(?![\w'])"
    r"|n't\b)",
    re.IGNORECASE,
)
# Phrases built with a negating word that negate nothing: bounds and emphasis.
_NEGATION_IDIOMS = re.compile(
    r"\b(?:not\s+only|no\s+(?:later|more|fewer|less|longer|sooner)\s+than|not\s+(?:later|more|fewer|less)\s+than|"
    r"without\s+delay|whether\s+or\s+not|"
    # a word and its opposite as alternatives: "attributes to include or exclude" negates nothing
    r"include\s*(?:or|and|/)\s*exclude|exclude\s*(?:or|and|/)\s*include|present\s+or\s+absent)\b"
    # "whether a request was processed or not": the other branch of a question, negating nothing
    r"|\bor\s+not(?=\s*(?:[.,;:!?)]|$))"
    # "| `icon` | No | An icon |": a table cell's value (under "Required"), negating nothing
    r"|(?:^|(?<=\|))\s*no\s*(?=\||$)",
    re.IGNORECASE,
)
# Words that carry a negation in their sense: "must not omit" is "must include",
# "must not be empty" is "must have something" (but "send the empty response", "the missing
# attribute" and a link's words, the OCI image spec's "the [empty descriptor](#...)", name things).
_NEGATIVE_SENSE = re.compile(
    _AT_A_LETTER
    + r"(?<![\w'-])(?:omit|omits|omitted|exclude|excludes|excluded|skip|skips|skipped|leave\s+out|leaves\s+out|"
    r"lack|lacks|fail\s+to|fails\s+to|forget|forgets|neglect|neglects|withhold|withholds|"
    r"(?<!\bthe\s)(?<!\ban\s)(?<!\ba\s)(?<!\[)(?:empty|blank|missing|absent))"
    r"(?![\w'])",
    re.IGNORECASE,
)
_MONTHS = "January February March April May June July August September October November December".split()
_MONTH_NAME = "(?:" + "|".join(f"{month[:3]}(?:{month[3:]})?" for month in _MONTHS) + r"|Sept)\b\.?"
"""A month's name, in full or cut to three letters ("Dec", "Dec."), and "Sept"."""
DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_NAME},?\s+\d{{4}}\b|\b{_MONTH_NAME}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?\d{{4}}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b"
)
"""A date: "04 December 2025", "December 4, 2025", "Dec 2025", "2025-12-04"."""
_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million "
    "billion twice thrice half double triple"
).split()
CODE_POINT = r"(?:U\+[0-9a-fA-F]{4,6}|0x[0-9a-fA-F]+)(?![\w+])"
"""A character's code point, in either notation: "U+0009", "0x09" (:func:`number_value` writes both one way)."""
# Digits (not inside a word, not a requirement id such as FR-003), number words,
# "once" as a frequency ("once a day", not "once the payment clears"), and month
# names next to a day or year.
_NUMBER = re.compile(
    # (every alternative starts a word: the leading \b turns most places away at once)
    r"\b(?:(?<![\w./])(?<![A-Za-z]-)(?<!U\+)\d+(?:[.,:/-]\d+)*%?(?![\w])"
    # (a character's code point)
    + r"|"
    + CODE_POINT
    # (a number glued to its unit: "64KB", "8kb", "10ms")
    + r"|(?<![\w./])\d+(?:\.\d+)?(?=(?:[kKmMgGtT]i?[bB]|[kKmM]?Bytes?|ms)\b)"
    # (not in a compound adjective, "one-time", "two-factor", "to-one", "many-to-one"; but "twenty-five" is a number)
    r"|(?<![\w'])(?<!to-)(?:" + "|".join(_NUMBER_WORDS) + r")(?![\w'])"
    r"(?!-(?!(?:one|two|three|four|five|six|seven|eight|nine)\b)[a-z])"
    # (nor a mark's name: "double brackets", "triple quotes", "double-quoted" above)
    r"(?!(?<=double|triple)\s+(?:quot\w*|brackets?|braces?|colons?|slash(?:es)?|dash(?:es)?|hyphens?|asterisks?|backticks?))"
    # ("once a day", but not "Once a verified archive is complete": then, not one time)
    r"|(?<![\w'])once(?=\s+(?:per|every|each|daily|weekly|monthly|yearly)\b|\s*(?:[.,;:!?)]|$)"
    r"|\s+an?\s+(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|session|lifetime|cycle|run)\b)"
    # (a month's name in capitals: "on 1 May", "May 2025"; "socket 0 - may use" is the verb)
    r"|(?<=\d\s)(?-i:" + "|".join(_MONTHS) + r")\b|\b(?-i:" + "|".join(_MONTHS) + r")(?=\s+\d))",
    re.IGNORECASE,
)
TYPE_NAME = r"(?:[A-Z]\w{2,}|u?int\d+)"
"""The name of a type a number is written in: ``Uint64(0)``, ``Slot(32)``, ``uint64(4)`` (``E(0)`` is a
function of a formula, ``cgroups(7)`` a manual page)."""
_NUMERIC_CODE = re.compile(
    r"`\s*(?:" + TYPE_NAME + r"\(\s*(?P<typed>-?\d+(?:\.\d+)?)\s*\)|(?P<alone>-?\d+(?:\.\d+)?%?))\s*`"
)
"""A number alone in a code span, perhaps written in its type: `` `3` ``, `` `Uint64(0)` ``."""
_CONDITION_WORDS = (
    # ("each redirect, if any, offers ...": "if any" between commas says whatever there are, no condition)
    # ("while following the principle": "while" and a gerund say how, not when)
    # ("MUST include the bike as if a `GET` request was made": "as if" says how, not when)
    r"unless|except(?:\s+when|\s+where|\s+if|\s+for)?|only\s+if|only\s+when|(?<!\bas\s)if(?!\s+any\s*[,;:.)])|when|whenever|"
    r"while(?!\s+(?!being\b|\w*thing\b)\w+ing\b)|"
    # "provided" as a conjunction ("MAY skip it, provided the cache is fresh"), not as a participle
    # ("a `Link` header is provided", "the value provided by the server")
    r"(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bnot\s)(?<!\bif\s)"
    r"provided(?:\s+that)?(?!\s*[.,;:)]|\s+(?:by|in|to|as|for|with|on|at|from|via|here|above|below|through)\b)|"
    r"as\s+long\s+as|in\s+case|until|other\s+than|save\s+for|apart\s+from|with\s+the\s+exception\s+of"
)
_NOT_CONCESSIVE = r"(?<!\beven\s)"
"""Not after "even": "MUST NOT count a key twice, even if it is listed twice" holds in every case."""
CONDITION = re.compile(rf"{_AT_A_LETTER}(?<![\w']){_NOT_CONCESSIVE}({_CONDITION_WORDS})(?![\w'])", re.IGNORECASE)
"""Condition and exception words: the one list every reader of conditions uses (``conditions``,
``semantics``' scope reading, ``lint``'s rule reader). :func:`conditions` reads some as one:
"if", "when" and "whenever" set the same condition; "only if" and "only when" too."""
CONDITION_PHRASE = re.compile(
    rf"{_AT_A_LETTER}(?<![\w']){_NOT_CONCESSIVE}(?:{_CONDITION_WORDS})(?![\w'])[^,;.]*", re.IGNORECASE
)
"""A condition word and the rest of its clause, up to the next comma, semicolon or full stop:
"unless the patron asks" in "Never read out fines unless the patron asks, then whisper."."""
SCOPE_PHRASE = re.compile(
    rf"{_AT_A_LETTER}(?<![\w']){_NOT_CONCESSIVE}(?:{_CONDITION_WORDS}|where|wherever)(?![\w'])[^,;.]*", re.IGNORECASE
)
"""What bounds where a rule reaches, as ``semantics`` reads scope: a :data:`CONDITION_PHRASE`, or
a "where" clause ("must lock the bikes where the station is unattended"), up to the next comma,
semicolon or full stop. Lint compares rules' conditions with :data:`CONDITION_PHRASE` alone: a
bare "where" also opens a relative clause ("the dock where the bike waits"), which is no
condition of the rule."""
_CONDITION_SAME = {
    "when": "if", "whenever": "if", "only when": "only if", "provided that": "provided", "as long as": "provided",
    "other than": "except", "save for": "except", "apart from": "except", "with the exception of": "except",
    "except for": "except",
}  # fmt: skip
_QUANTIFIER = re.compile(
    _AT_A_LETTER
    + r"(?<![\w'-])(all|every(?!\s+\d)|each|any|some|"
    r"(?<!\bat\s)(?<!\bthe\s)most(?=\s+(?:of\b|[\w-]+s\b))|"  # ("most accurate" is a superlative)
    r"many|few|several|(?<!not\s)only|"
    r"sometimes|usually|often|rarely|none|"
    r"everyone|anyone|someone|no\s+one|nobody)(?![\w'-])",
    re.IGNORECASE,
)
_QUANTIFIER_SAME = {"each": "every", "all": "every", "everyone": "every", "anyone": "any", "nobody": "no one"}
_SENTENCE_END = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))(?<!\b[eE]\.g\.)(?<!\b[iI]\.e\.)(?<!\b[cC]f\.)\s+(?=[\"“(\[*_]?[A-Z0-9]|\{\{)|(?<=;)\s+"
)
"""Where a sentence ends: after a full stop, a question or an exclamation mark, perhaps closing a quotation
or a bracket ('... is "The issue of a statement."'), before a capital or a kramdown-rfc reference ("{{RFC9110}}
defines ...") (not the stop of "e.g.", "i.e." or "cf.": "... a type attribute, e.g. ERROR or INFO?" is one
question), or a semicolon."""
_WORD = re.compile(r"\w+")
_INSIDE_WORD_MARK = re.compile(r"(?<=\w)['’\-](?=\w)")


@dataclass(frozen=True)
class Modal:
    """One obliging or permitting phrase, as written."""

    phrase: str
    polarity: int
    """+1 obliges or permits, -1 prohibits."""
    strength: int
    """1 may, 2 should, 3 must."""
    span: tuple[int, int] = field(default=(0, 0), compare=False, repr=False)
    """Where the phrase is in the text it was read from."""

    @property
    def obliges(self) -> bool:
        """True for obligations (should, must) and all prohibitions; false for permissions."""
        return self.polarity < 0 or self.strength >= OBLIGATION_STRENGTH


def prose(text: str) -> str:
    """``text`` with what is not the spec's own wording blanked out (same length).

    >>> prose('Use `x` as [the id](#ids) says[^1]; "quoted" <b>text</b> stays out.')
    'Use     as [the id        says    ;             text     stays out.'
    >>> prose("A step `MUST` name its `step_id`.")
    'A step  MUST  name its          .'

    Not the spec's own words: code, quotations, link targets, footnote labels,
    HTML tags, web addresses and spec-kit's ``[NEEDS CLARIFICATION: ...]``
    markers, the spans this expression finds, leftmost first::

        `+[^`]*`+ | "[^"\\n]*" | “[^”]*” | ‘[^’]*’ | \\]\\([^)]*\\) | \\[\\^[^\\]]*\\]
        | <[^>\\n]+> | https?://\\S+ | \\[NEEDS CLARIFICATION[^\\]]*\\]

    They are found by hand, in one pass: the expression tries each opener
    against the rest of the text, so 70,000 ``[^a`` with no ``]`` took 31 s.
    Here each kind of closer is looked up once per stretch of text
    (:class:`_NextCloser`); ``tests/test_hostile_input.py`` checks the two agree.
    """
    if len(text) <= MAX_REMEMBERED_TEXT:
        return _remembered_blanked(text)
    if len(text) <= MAX_REMEMBERED_LONG_TEXT:
        return _remembered_long_blanked(text)
    return _blanked(text)


MAX_REMEMBERED_TEXT = 2_000
"""Texts up to this long have their prose, sentences and words remembered: the reader asks about
one sentence many times (on a 20,000-clause spec with 30 % reworded, ``prose`` was asked 127,231
times about 14,465 texts, ``words`` 100,243 times about 23,075). Longer texts are read again each
time, so a hostile file's 10 MB line does not keep its prose, sentences and millions of words
alive (``_remembered_modals``, ``_asserted`` and ``_negations`` remember any text, with smaller answers)."""


MAX_REMEMBERED_LONG_TEXT = 100_000
"""A longer text's prose, sentences and words are remembered too, a few texts at a time
(``_remembered_long_blanked`` and its kin): one commit asks about the same long clause several
times. A cold ``specdiff log`` of MCP, whose schema pages hold long clauses, scanned 44.6 million
characters of 1,704 long texts for their prose, 7.8 million once each."""


@lru_cache(maxsize=4096)
def _remembered_blanked(text: str) -> str:
    return _blanked(text)


@lru_cache(maxsize=64)
def _remembered_long_blanked(text: str) -> str:
    return _blanked(text)


def _blanked(text: str) -> str:
    """:func:`prose`'s scan."""
    if not any(mark in text for mark in _NOT_PROSE_MARKS):
        return _without_emphasis(text)  # nothing else to blank: skip the scan (1.3 s on a 10 MB line)
    closer = _NextCloser(text)
    pieces: list[str] = []
    kept = position = 0
    while (opener := _NOT_PROSE_OPENER.search(text, position)) is not None:
        start = opener.start()
        end = _not_prose_end(text, opener, closer)
        if end is None:
            position = start + 1  # not a span after all: read on from the next character, as a search would
            continue
        if _keyword_used_in_code(text, start, end):
            pieces += (text[kept:start], " " + text[start + 1 : end - 1] + " ")
        else:
            pieces += (text[kept:start], " " * (end - start))
        kept = position = end
    pieces.append(text[kept:])
    return _without_emphasis("".join(pieces))


def _without_emphasis(text: str) -> str:
    """``text`` with the underscores that mark emphasis blanked: "Clients _must_ retry" (OpenAPI writes
    "_MUST_", in-toto "_required_") states a rule, and a word wrapped so is a word. Underscores
    inside a name ("next_funding_txid") stay."""
    return _EMPHASIS_UNDERSCORE.sub(lambda m: " " * len(m.group()), text) if "_" in text else text


_EMPHASIS_UNDERSCORE = re.compile(r"(?<!\w)_{1,2}(?=[A-Za-z])|(?<=[A-Za-z.,:;!?])_{1,2}(?!\w)")


def _keyword_used_in_code(text: str, start: int, end: int) -> bool:
    """Whether the code span ``text[start:end]`` is an RFC 2119 keyword used as one, as Arazzo writes
    its rules ("A workflow `MUST` contain ..."): a verb follows. One named ("see `MUST`", "the `MUST`
    keyword") is code like any other.

    >>> text = "A step `MUST` name its id; see `MUST`, and the `SHOULD` keyword."
    >>> [_keyword_used_in_code(text, m.start(), m.end()) for m in re.finditer("`[A-Z]+`", text)]
    [True, False, False]
    """
    return (
        _KEYWORD_IN_CODE.fullmatch(text, start, end) is not None
        and _VERB_AFTER_KEYWORD.match(text, end) is not None
        and _NAMING_KEYWORD.search(text, max(0, start - 12), start) is None
    )


_KEYWORD_IN_CODE = re.compile(r"`(?:MUST|SHALL|SHOULD)(?: NOT)?`|`(?:NOT )?RECOMMENDED`|`(?:MAY|REQUIRED|OPTIONAL)`")
_VERB_AFTER_KEYWORD = re.compile(r" (?!keywords?\b|terms?\b|words?\b)[a-z]")
_NAMING_KEYWORD = re.compile(r"\b(?:the|a|an|keywords?|terms?|words?)\s*$", re.IGNORECASE)


_NOT_PROSE_MARKS = ("`", '"', "“", "‘", "](", "[^", "<", "http", "[NEEDS")
# Where each not-prose span can start; a run of backticks is read whole, as ``\`+`` reads it.
_NOT_PROSE_OPENER = re.compile(r"`+|[\"“‘<]|\]\(|\[\^|\[NEEDS CLARIFICATION|https?://(?=\S)")
_NOT_SPACE = re.compile(r"\S+")
_BACKTICKS = re.compile(r"`+")
_CLOSERS = {'"': '"', "“": "”", "‘": "’", "](": ")", "[^": "]", "[NEEDS CLARIFICATION": "]"}


class _NextCloser:
    """Where the next ``character`` is at or after a position, each stretch of text searched once.

    Searches only move forward, so a found position (or "none") answers every
    later question until the position passes it.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[str, tuple[int, int]] = {}  # character -> (searched from, found at or -1)

    def __call__(self, character: str, start: int) -> int:
        searched, found = self.found.get(character, (len(self.text) + 1, 0))
        if searched <= start and (found < 0 or found >= start):
            return found
        found = self.text.find(character, start)
        self.found[character] = (start, found)
        return found


def _not_prose_end(text: str, opener: re.Match[str], closer: _NextCloser) -> int | None:
    """Where the not-prose span that ``opener`` starts ends, or ``None`` if it starts none."""
    mark, after = opener.group(), opener.end()
    if mark[0] == "`":  # `+[^`]*`+: on to the next run of backticks, or the opening run alone
        close = closer("`", after)
        if close < 0:
            return after if len(mark) > 1 else None
        return _BACKTICKS.match(text, close).end()  # type: ignore[union-attr]  # a backtick is there
    if mark.startswith("http"):  # https?://\S+
        found = _NOT_SPACE.match(text, after)
        return found.end() if found else None
    if mark in ('"', "<"):  # "[^"\n]*" and <[^>\n]+>: closed on the same line
        close, line_end = closer('"' if mark == '"' else ">", after), closer("\n", after)
        if close < 0 or (0 <= line_end < close) or (mark == "<" and close == after):
            return None
        return close + 1
    close = closer(_CLOSERS[mark], after)
    return close + 1 if close >= 0 else None


def sentences(text: str) -> list[str]:
    """Cut text into sentences (and semicolon-separated clauses).

    >>> sentences("Be brief. Cite sources; never guess. e.g. this stays.")
    ['Be brief.', 'Cite sources;', 'never guess. e.g. this stays.']
    >>> sentences("Should a message have a type, e.g. ERROR or INFO? Yes.")
    ['Should a message have a type, e.g. ERROR or INFO?', 'Yes.']
    """
    if not any(mark in text for mark in ".!?;"):
        return [text.strip()] if text.strip() else []
    if len(text) <= MAX_REMEMBERED_TEXT:
        return list(_remembered_sentences(text))
    if len(text) <= MAX_REMEMBERED_LONG_TEXT:
        return list(_remembered_long_sentences(text))
    return _cut_into_sentences(text)


@lru_cache(maxsize=4096)
def _remembered_sentences(text: str) -> tuple[str, ...]:
    return tuple(_cut_into_sentences(text))


@lru_cache(maxsize=64)
def _remembered_long_sentences(text: str) -> tuple[str, ...]:
    return tuple(_cut_into_sentences(text))


def _cut_into_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]


_CITES_BCP14 = re.compile(r"\b(?:RFC\s*2119|BCP\s*14|RFC\s*8174)\b", re.IGNORECASE)
_NAMES_KEYWORDS = re.compile(r"\b(?:key\s*)?words?\b|\bkeywords?\b|\binterpreted\b", re.IGNORECASE)
_SENTENCE_PIECE = re.compile(r"[^.!?\n]+")


def _without_keyword_conventions(clean: str) -> str:
    """``clean`` with the sentences that say how to read the keywords blanked out (same length).

    "The key words MUST, SHOULD, and MAY are to be interpreted as described in RFC 2119" names the
    keywords; it obliges no one (SLSA writes them unquoted; quoted, as most specs write them, they are
    blanked already). A sentence counts when it cites RFC 2119, RFC 8174 or BCP 14 and speaks of
    (key) words or of how they are interpreted.

    >>> _without_keyword_conventions("The key words MUST and MAY are interpreted as in RFC 2119. Clients MUST retry.").strip()
    '. Clients MUST retry.'
    >>> _without_keyword_conventions("Servers MUST follow RFC 2119 rules. Clients MUST retry.")
    'Servers MUST follow RFC 2119 rules. Clients MUST retry.'
    """
    if not _CITES_BCP14.search(clean):
        return clean

    def blanked(piece: re.Match[str]) -> str:
        sentence = piece.group()
        return " " * len(sentence) if _CITES_BCP14.search(sentence) and _NAMES_KEYWORDS.search(sentence) else sentence

    return _SENTENCE_PIECE.sub(blanked, clean)


def modals(text: str, *, capitals: bool = False) -> list[Modal]:
    """The obliging and permitting phrases of ``text``'s prose, in order.

    Deontic predicates count ("are not allowed", "is only licensed", "is
    required"), read before the single words they contain. With ``capitals``,
    a keyword counts when its first word is in capitals, so "MUST not" is a
    prohibition.

    >>> [(m.phrase, m.polarity, m.strength) for m in modals("White lies are not allowed; quoting is only licensed when asked.")]
    [('are not allowed', -1, 3), ('is only licensed', 1, 1)]
    >>> [(m.phrase, m.polarity, m.strength) for m in modals("A key is required; the rest is optional.")]
    [('required', 1, 3), ('optional', 1, 1)]
    >>> [(m.phrase, m.polarity) for m in modals("Servers MUST not retry.", capitals=True)]
    [('MUST not', -1)]
    """
    return list(_remembered_modals(text, capitals))


@lru_cache(maxsize=4096)
def _remembered_modals(text: str, capitals: bool) -> tuple[Modal, ...]:
    """:func:`modals`, remembered: the reader asks about one sentence several times (on the
    largest Model Spec release pair, 738 questions about 359 texts)."""
    return tuple(_read_modals(text, capitals))


def _read_modals(text: str, capitals: bool) -> list[Modal]:
    found = []
    clean = _without_keyword_conventions(prose(text).replace("’", "'"))
    command = _COMMAND.match(clean)
    if command and _no_command_after_all(clean, command):
        command = None
    if command and not _MODAL.match(clean, command.start(1)) and not _DEONTIC.match(clean, command.start(1)):
        strength = 2 if command.group(1).lower() in _ADVICE_VERBS else 3
        found.append(Modal(text[command.start(1) : command.end(1)], 1, strength, command.span(1)))
    taken: list[tuple[int, int]] = []
    lowered = clean.lower()
    licensing = any(verb in lowered for verb in ("allows", "permits", "lets"))
    deontic = _DEONTIC_WORD.search(lowered) is not None
    # (each scan is skipped when its words are absent: on a 10 MB line each took a second or two)
    for match in _LICENSING_VERB.finditer(clean) if licensing else ():  # "the procedure allows the header to be included"
        found.append(Modal(text[match.start(1) : match.end(1)], 1, 1, match.span(1)))
        taken.append(match.span(1))
    for match in _DEONTIC.finditer(clean) if deontic else ():
        written = text[match.start() : match.end()]
        word = match.group("word").lower()
        if capitals and word in RFC_WORDS and not match.group("word").isupper():
            continue
        if word in ("licensed", "licenced") and _UNDER_A_LICENCE.match(clean, match.end()):
            continue  # "Extensions MUST be licensed under Apache 2.0": a software licence, no leave given
        if word == "expected" and not (written.lower().endswith("to") or _OF_SOMEONE.match(clean, match.end())):
            continue  # A2A's "breaking changes are expected": foreseen, no one's duty ("are expected to", "of")
        polarity, strength = _DEONTIC_MEANING[word][bool(match.group("not"))]
        found.append(Modal(" ".join(written.split()), polarity, strength, match.span()))
        taken.append(match.span())
    for match in _NOT_REQUIRED_AFTER_ADVERBS.finditer(clean) if "not" in lowered else ():
        found.append(Modal(" ".join(text[match.start() : match.end()].split()), 1, 1, match.span()))  # a licence
        taken.append(match.span())
    inverted = {m.span(1) for m in _INVERTED_CONDITION.finditer(clean)} if "Should" in clean else set()
    for match in _MODAL.finditer(clean):
        if len(found) >= MAX_MODALS:
            break
        start, end = match.span(1)
        if any(a < end and start < b for a, b in taken) or (start, end) in inverted:
            continue
        written = match.group(1)
        key = " ".join(written.lower().split())
        polarity, strength, rfc = _MEANING[key]
        if capitals and rfc and not written.split()[0].isupper():
            continue
        # A window around the phrase is all the checks read: slicing the whole text per match
        # took minutes on 10 MB of "must must must ..." on one line.
        if not _reads_as_modal(key, written, clean[max(0, start - _WINDOW) : start], clean[end : end + _WINDOW]):
            continue
        found.append(Modal(" ".join(text[start:end].split()), polarity, strength, (start, end)))
    if _NEGATIVE_SUBJECT_WORD.search(clean):
        found = _under_negative_subjects(sorted(found, key=lambda m: m.span), clean)
    return sorted(found, key=lambda m: m.span)


def _under_negative_subjects(found: list[Modal], text: str) -> list[Modal]:
    """``found`` (in order), each modal that is the first of a clause opening with a negative subject
    turned by that subject. Under "No", "None", "Neither", "Nobody" or "Nothing" a modal verb reads
    as itself negated ("No client should send a body" forbids as "clients should not" does) and a
    deontic word as "not" turns it ("No registration is required" lets one skip registering, "…, and
    no one is allowed to enter" forbids entering). Under "Not all" or "Not every" an obligation is
    lifted ("Not all clients need to support it" reads as "need not"). In "No guess should be made
    and the user should retry" the second "should" has a subject of its own; a bound ("No more than
    three retries may be made") allows up to it."""
    result, previous_end = [], 0
    for modal in found:
        clause_start = max(text.rfind(mark, 0, modal.span[0]) for mark in ",;:(.!?") + 1  # (a sentence ends a clause)
        subject = _NEGATIVE_SUBJECT.match(text, clause_start) if previous_end <= clause_start else None
        if subject is not None:
            modal = _lifted(modal) if subject.group("not_all") else _negated_by_subject(modal)
        result.append(modal)
        previous_end = modal.span[1]
    return result


_NEGATIVE_SUBJECT_WORD = re.compile(r"(?i)\b(?:no|neither|none|nobody|nothing|not\s+(?:all|every))\b")
"""A quick test before each modal's clause is read (most sentences have none of these words)."""
_NEGATIVE_SUBJECT = re.compile(
    r"(?i)[\s*_\"“]*(?:(?:and|or|but|so)\s+)?"
    r"(?:(?P<not_all>not\s+(?:all|every))|neither|none|nobody|nothing|no(?!\s+(?:more|fewer|less|later|sooner|longer)\s+than\b))\b"
)


def _negated_by_subject(modal: Modal) -> Modal:
    """``modal`` under a "No …" subject: a modal verb as itself negated, a deontic word as "not"
    turns it (none is required: a licence; none is allowed: a ban). Other phrases, and phrases
    already negated, keep their reading."""
    key = " ".join(modal.phrase.lower().split())
    if key in _TURNED_BY_A_NEGATIVE_SUBJECT:
        polarity, strength, _ = _MEANING[_TURNED_BY_A_NEGATIVE_SUBJECT[key]]
        return replace(modal, polarity=polarity, strength=strength)
    words = key.split()
    last = words[-2] if words[-1] == "to" and len(words) > 1 else words[-1]
    if last in _DENIED and "not" not in words:
        polarity, strength = _DENIED[last]
        return replace(modal, polarity=polarity, strength=strength)
    return modal


def _lifted(modal: Modal) -> Modal:
    """An obligation under a "Not all ..." subject, as "need not": "Not all clients need to support
    dynamic registration" lets some clients go without it."""
    if modal.polarity < 0 or modal.strength < OBLIGATION_STRENGTH:
        return modal
    return replace(modal, polarity=1, strength=1)


_TURNED_BY_A_NEGATIVE_SUBJECT = {
    "must": "must not",
    "shall": "shall not",
    "should": "should not",
    "may": "may not",
    "can": "cannot",
    "need to": "need not",
    "needs to": "need not",
}
"""What a modal verb means under a negative subject: "No client must ..." is "clients must not ..."."""


# "This allows users to be notified" says what a thing brings about; "The spec allows servers to" licenses.
_LICENSING_VERB = re.compile(
    r"(?<![\w'])(?<!\bthis )(?<!\bit )(allows|permits|lets)(?=\s+(?:[\w`'-]+\s+){1,6}?(?:to\s|be\s))",
    re.IGNORECASE,
)

MAX_MODALS = 100
"""Modal phrases read in one text at most. The most in one sentence of the real specs is 19; a
10 MB line of "must must must ..." would otherwise take a minute to read, phrase by phrase, and
each 50,000-character block of a 200,000-row table of "must" cells a fifth of a second."""

_WINDOW = 120
"""Characters read on each side of a modal phrase to judge it (a few words are enough)."""

# "is required", "are not allowed", "is only licensed": a form of "be", perhaps an adverb or
# "not", and a deontic participle. (polarity, strength) without and with "not".
_DEONTIC_MEANING = {
    **{w: ((1, 1), (-1, 3)) for w in ("allowed", "permitted", "licensed", "licenced", "entitled", "authorized", "authorised")},
    **{w: ((1, 3), (1, 1)) for w in ("obliged", "obligated", "mandated")},
    **{w: ((-1, 3), (1, 1)) for w in ("prohibited", "forbidden", "disallowed", "banned")},
    "expected": ((1, 2), (1, 1)),
    # ("not encouraged" discourages, as "NOT RECOMMENDED" does: CloudEvents' "Pre-announcing deprecation
    # ... is not encouraged" read as a permission; "not expected" expects nothing of anyone)
    "encouraged": ((1, 2), (-1, 2)),
    "discouraged": ((-1, 2), (1, 1)),
}
_DEONTIC_WORD = re.compile("|".join(_DEONTIC_MEANING))
"""Any of the deontic participles, anywhere (a quick test before the full expression)."""
_OBLIGING_PARTICIPLES = ("obliged", "obligated", "mandated", "expected")
_LICENSING_PARTICIPLES = ("allowed", "permitted", "licensed", "licenced", "entitled", "authorized", "authorised")
_DENIED = {
    "required": (1, 1),
    "mandatory": (1, 1),
    **{w: _DEONTIC_MEANING[w][1] for w in _OBLIGING_PARTICIPLES + _LICENSING_PARTICIPLES},  # as "not" turns them
}
"""What a deontic word means under a "No ..." subject: none is required (a licence), none is allowed (a ban)."""
# ("required", "recommended", "optional" and "mandatory" are read as single words, with or without "be".)
_DEONTIC = re.compile(
    _AT_A_LETTER
    + r"(?<![\w'])(?:is|are|be|been|being|was|were|remains?)\s+(?:(?!not\b)[a-z]+ly\s+|only\s+|also\s+|still\s+|never\s+)*"
    r"(?P<not>not\s+(?:(?:[a-z]+ly|only|also|even)\s+)*)?(?P<word>" + "|".join(_DEONTIC_MEANING) + r")(?:\s+to(?=\s))?(?![\w'-])",
    re.IGNORECASE,
)
_NOT_REQUIRED_AFTER_ADVERBS = re.compile(r"(?<![\w'])not\s+(?:[a-z]+ly\s+)+(?:required|mandatory)(?![\w'-])", re.I)
""""not required" with adverbs between, as "not required" alone reads: CSAF's "Although it is not formally
required, ..." read as "required", an obligation."""
_STATUS_CODE_BEFORE = re.compile(r"(?<![\w.])[1-5]\d\d\s*\(?\s*(?:[A-Z][a-z][\w-]*\s+){0,3}$")
"""An HTTP status code and the first words of its reason phrase, in title case: "403 (", "405 Method "
(not "X.509 SVID MAY": a keyword in capitals is no reason phrase)."""
_OF_SOMEONE = re.compile(r"\s+of\b", re.IGNORECASE)
"""What follows "expected" when a duty is meant without "to": "what is expected of clients"."""
_UNDER_A_LICENCE = re.compile(r"\s+under\b", re.IGNORECASE)
"""What follows "licensed" when a software licence is meant: "licensed under Apache 2.0"."""


def _reads_as_modal(key: str, written: str, before: str, after: str) -> bool:
    """Whether a modal word, between ``before`` and ``after``, is used as one."""
    if written[:1].isupper() and not written.isupper() and _STATUS_CODE_BEFORE.search(before):
        return False  # "403 (Forbidden)", "405 Method Not Allowed": an HTTP status's reason phrase
    if key in ("do not", "don't"):
        position = _COMMAND_POSITION.search(before)
        if position is None:
            return False
        # "... and do not" goes on with an order only where the sentence opened with one ("Check the
        # brakes and do not ride at night"); "The formats account for 1 % and do not depend on it" describes.
        joined = position.group(0).strip().lower() in ("and", "but", "so", "then")
        return not joined or bool(_ORDER_OPENING.match(before) or _COMMAND.match(before))
    if key in ("need to", "needs to"):
        return not _NOUN_NEED.search(before) and not _IN_CONDITION.search(before) and not _NARRATOR.search(before)
    if key == "always":  # "are not always the same": sometimes they differ, nothing is asked
        return not _NOT_BEFORE.search(before)
    if key in ("avoid", "avoids", "refrain from", "refrains from"):
        return not _PURPOSE.search(before)
    if key in ("is to be", "are to be"):  # "are to be percent-encoded", not "what is to be expected"
        return bool(_PARTICIPLE_NEXT.match(after)) and not _ASKING_BEFORE.search(before)
    if _KEYWORD_DEFINED.match(after) and not before.strip(" \t*_-•"):
        return False  # purl's "* Must: This word, or the adjective “required” ... means ...": a keyword defined
    if written == "May":  # the month: "in May 2025", "1 May"
        return not (_MONTH_NEAR_DIGIT.match(after) or re.search(r"\d\s+$", before))
    return True


_KEYWORD_DEFINED = re.compile(r"[*_]*\s*[:\u2013\u2014-]?\s*this\s+(?:word|phrase)\b", re.IGNORECASE)
"""What follows a keyword that opens a clause to be defined: "This word", perhaps after a colon or a dash
(purl's "Must: This word ...", RFC 2119's own "MUST   This word, or the terms ..."). A keyword and a colon
alone open a requirement: SLSA's "REQUIRED: at least one of `uri` or `digest`"."""


def modal_meaning(phrase: str) -> Modal | None:
    """The modal a phrase stands for, as :func:`modals` reads it.

    >>> modal_meaning("Should Not")
    Modal(phrase='Should Not', polarity=-1, strength=2)
    """
    found = modals(phrase)
    return found[0] if found else None


def polarity(text: str, *, capitals: bool = False) -> int:
    """+1 for an affirmative sentence, -1 for a negated one.

    Each prohibiting phrase, and each negating word outside the modal phrases,
    turns it over: "must not share" and "must share nothing" are both negative.
    Negating words inside a condition ("when the body is not chunked") or in a
    bound ("no later than") do not count.

    >>> polarity("The assistant may share it."), polarity("The assistant may not share it.")
    (1, -1)
    >>> polarity("Send it when the body is not chunked."), polarity("Reply no later than noon.")
    (1, 1)
    """
    sign = 1
    for modal in modals(text, capitals=capitals):
        sign *= modal.polarity
    return sign * negated_sense(text, capitals=capitals)


def negated_sense(text: str, *, capitals: bool = False) -> int:
    """-1 when the words outside the modal phrases negate what the sentence asserts, else +1.

    Negating words ("not", "no", "without") and words with a negation in
    their sense ("omit", "empty") each turn it over, so "must not omit the
    address" asserts what "must include the address" does. Negations inside a
    condition ("when the body is not chunked"), a relative clause ("what it
    does not know"), the reason a rule gives after its keyword ("since the order
    is not kept") or a bound ("no later than") do not count.

    >>> negated_sense("Receipts must include the address."), negated_sense("Receipts must not omit the address.")
    (1, -1)
    >>> polarity("Receipts must include the address."), polarity("Receipts must not omit the address.")
    (1, 1)
    """
    negators, negative_sense = _negations(text, capitals)
    return -1 if (negators + negative_sense) % 2 else 1


def negated_apart(old_text: str, new_text: str) -> bool:
    """Whether an odd number of the negating words of two versions stand in words one version added
    or dropped whole, each before the word it negates: a negated phrase of its own, which turns
    round nothing the other version says ("A legacy server is a server that does not support X."
    -> "..., and thus does not conform to this specification."). A "not" put before a word both
    versions have turns that word round.

    >>> negated_apart("The dock is open.", "The dock is open, and thus does not charge.")
    True
    >>> negated_apart("The dock is open.", "The dock is not open.")
    False
    """
    old_words = _ASSERTED_WORD.findall(_asserted(old_text, False).lower())
    new_words = _ASSERTED_WORD.findall(_asserted(new_text, False).lower())
    apart = 0
    for tag, i1, i2, j1, j2 in token_opcodes(old_words, new_words):
        run = new_words[j1:j2] if tag == "insert" else old_words[i1:i2] if tag == "delete" else []
        apart += sum(1 for word in run[:-1] if word in _NEGATING_WORDS or word.endswith("n't"))
    return apart % 2 == 1


_ASSERTED_WORD = re.compile(r"[\w']+")
_NEGATING_WORDS = frozenset("not no never none nothing nobody neither nor without".split())


def inverted_by_wording(text: str, *, capitals: bool = False) -> bool:
    """Whether words with a negation in their sense turn round what the modal governs.

    "must not omit the address" obliges as "must include the address" does.
    Plain negating words do not count here: "must tell nothing" is a negation.

    >>> inverted_by_wording("Receipts must not omit the address."), inverted_by_wording("Tell nothing.")
    (True, False)
    """
    return _negations(text, capitals)[1] % 2 == 1


@lru_cache(maxsize=4096)
def _negations(text: str, capitals: bool) -> tuple[int, int]:
    """How many negating words, and how many words with a negation in their sense, ``text`` asserts
    (remembered: a sentence's reading asks :func:`inverted_by_wording` twice and :func:`negated_sense` once)."""
    asserted = _asserted(text, capitals)
    senses = [m.start() for m in _NEGATIVE_SENSE.finditer(asserted)]
    # "the first field that it did NOT skip" uses that field: a negation of a word of negative sense
    # turns nothing round, so neither counts
    cancelled = sum(1 for at in senses if _NEGATING_JUST_BEFORE.search(asserted, max(0, at - 24), at))
    return len(_NEGATOR.findall(asserted)) - cancelled, len(senses) - cancelled


_NEGATING_JUST_BEFORE = re.compile(r"(?:\b(?:not|never)|n't)\s+(?:\w+\s+)?$", re.IGNORECASE)
"""A "not" or "never" just before a word of negative sense, perhaps over one word: "did not skip"."""


def _modal_spans(text: str, capitals: bool) -> list[tuple[int, int]]:
    """Where the modal phrases of ``text`` are, in order, with those each sentence finds on its own: a
    command opens a sentence ("a. Skip if the definition is empty. b. Extract the type"), and only the
    sentence's own reading finds its opening verb a command, not a word of negative sense."""
    spans = {m.span for m in modals(text, capitals=capitals)}
    parts = sentences(text)
    if len(parts) > 1:
        at = 0
        for part in parts:
            start = text.find(part, at)
            if start < 0:
                break
            spans |= {(start + m.span[0], start + m.span[1]) for m in modals(part, capitals=capitals)}
            at = start + len(part)
    return sorted(spans)


@lru_cache(maxsize=4096)
def _asserted(text: str, capitals: bool) -> str:
    """The prose of ``text`` without its modal phrases, conditions, relative clauses and bounds
    (remembered: :func:`negated_sense` and :func:`inverted_by_wording` ask about the same texts)."""
    outside = prose(text).replace("’", "'")
    pieces, at = [], 0
    spans = _modal_spans(text, capitals)
    for start, end in spans:  # blanked in one pass: one slice per modal was quadratic
        if start >= at:
            # A negative subject that turned the modal is the modal's word ("no file format must be
            # updated" forbids as "file formats SHALL NOT be updated" does): blanked with it
            subject = _turning_subject(outside, start)
            if subject is not None and subject[0] >= at:
                pieces += [outside[at : subject[0]], " " * (subject[1] - subject[0])]
                at = subject[1]
            pieces += [outside[at:start], " " * (end - start)]
            at = end
    outside = "".join([*pieces, outside[at:]])
    if spans and ("since" in outside or "because" in outside):
        # (the reason a rule gives, after its keyword, asserts nothing the rule asks: libp2p's "SHOULD accept
        # at most 2 streams per peer since cross stream behavior is not linearizable"; the words are looked
        # for first, in lower case as they stand mid-sentence: a regular expression over every text cost the
        # 16 MB nested list of adversarial.py a third more time)
        outside = outside[: spans[0][1]] + _REASON.sub(" ", outside[spans[0][1] :])
    outside = _NEGATION_IDIOMS.sub(" ", outside)
    outside = _NEITHER_NOR.sub(r"\1   ", outside) if "nor" in outside.lower() else outside
    outside = _ASIDE.sub(" ", outside)
    outside = _INVERTED_CONDITION.sub(" ", outside) if "Should" in outside else outside
    if "not" in outside:
        outside = _NOT_DOING.sub(" ", outside)
    return _SUBORDINATE.sub(" ", outside)


def _turning_subject(text: str, modal_start: int) -> tuple[int, int] | None:
    """Where the negative subject word that opens the clause of the modal at ``modal_start`` stands (the
    "No" of "No client should send a body", which :func:`modals` reads as "should not"), or ``None``.

    >>> _turning_subject("Most importantly, no file format must be updated.", 33)
    (18, 20)
    """
    window = max(0, modal_start - _WINDOW)
    if not _NEGATIVE_SUBJECT_WORD.search(text, window, modal_start):
        return None
    clause_start = max(text.rfind(mark, window, modal_start) for mark in ",;:(.!?") + 1
    if clause_start == 0 and window > 0:
        return None  # (a clause opening farther back than the window: left as it reads)
    subject = _NEGATIVE_SUBJECT.match(text, clause_start)
    if subject is None or subject.group("not_all") or subject.end() > modal_start:
        return None
    word = _NEGATIVE_SUBJECT_WORD.search(text, subject.start(), subject.end())
    return (word.start(), word.end()) if word else None


# "Neither A nor B invalidates it", "does not retry nor wait": one negation, which "nor" carries on.
_NEITHER_NOR = re.compile(r"(?i)(\b(?:neither|not|no|never)\b[^.;]{0,200}?)\bnor\b")
"""(Within 200 characters: unbounded, a line of "no no no ... nor" was read from each "no" to its end.)"""
# A parenthesis is an aside: "MUST be an absolute IRI (without a fragment)" negates nothing the rule asks.
_ASIDE = re.compile(r"\([^()]*\)")
# A condition or relative clause runs to the next comma or semicolon, or to the "then" that closes
# an "if ... then ...": "if the value is not supported then the client MUST treat it as empty". An
# "if ... then" condition runs on over commas to its "then" ("If the request is not well-formed, or it
# does not pass validation, then ..."), and a sentence opening "Without X," states a circumstance.
# "that" opens a relative clause after a noun its article marks ("a server that does not support") or
# a plural subject that opens the sentence ("Requests that fail validation, the server ..."); after a
# verb it opens what is asserted ("ensure that the body is not empty"), which counts.
TAKES_A_THAT_CLAUSE = frozenset(
    "ensure ensures ensuring require requires required specify specifies specified state states stated say says said"
    " mean means indicate indicates imply implies assume assumes expect expects guarantee guarantees demand demands"
    " assert asserts recommend recommends recommended note verify verifies check checks so such is are was were".split()
)
"""Words after which "that" opens what is asserted or asked ("ensure that ...", "requires that ..."),
not a relative clause."""
_REASON = re.compile(_AT_A_LETTER + r"(?<![\w'])(?:since|because)(?![\w'])[^,;.!?()]*", re.IGNORECASE)
"""A reason clause, up to the next comma, semicolon, bracket or full stop: "since the order is not kept"."""
_SUBORDINATE = re.compile(
    r"(?i)\b(?:if|when|whenever)\b[^;]{0,300}?\bthen\b"
    r"|(?:^|(?<=[.!?:]))[\s*_\"“(]*without\b[^,;]{0,100},"
    r"|\b(?:a|an|the|any|each|every|all|no|some|these|those)\s+[\w-]+\s+that\b[^,;]*"
    r"|(?:^|(?<=[.!?:]))[\s*_\"“(]*(?!(?:this|"
    + "|".join(sorted(w for w in TAKES_A_THAT_CLAUSE if w.endswith("s")))
    + r")\b)[a-z][\w-]*s\s+that\b[^,;]{0,200},"
    r"|\b(?:unless|except|if|when|whenever|while|until|provided|what|which|who|whom)\b(?:(?!\bthen\b)[^,;])*"
)
# "a server not knowing the value should ignore it": a negated participle after a noun tells which
# holder, as a relative clause does ("is not using", "by not setting" and "not including" assert).
_NOT_DOING = re.compile(
    r"(?i)(?<![\w'])(?!(?:is|are|was|were|be|been|being|am|and|or|but|by|to|for|from|of|if|when|while|that|than|as|"
    r"vs|just|into|over|with|without|forbids?|encourages?|considered)\b)[a-z]+\s+not\s+(?!including\b)[a-z]{3,}ing\b"
)


def numbers(text: str) -> list[str]:
    """Numbers, in digits or words, of the prose of ``text``; numbers alone in code count too.

    >>> numbers("Within 14 days, twice a year, on 1 May, not [^k3f9], FR-003 or https://x.org/v2; retry `3` times.")
    ['14', 'twice', '1', 'may', '3']
    >>> numbers("See set_mempolicy(2) for the 2 modes (3 in Linux 6) [1].")
    ['2', '3', '6']
    >>> numbers("5.3. Check steps 5.4.5.1 - 5.4.5.2 and Requirement 1.4 within 1.5 days, per version 1.0.10.")
    ['1.5']
    >>> numbers("[Message](#m) &#124; [Reference](#r), at most 2")
    ['2']
    >>> numbers("See `cgroups(7)`; set `E(0)` to `Uint64(3)`.")
    ['3']
    >>> numbers("Once a verified copy is complete, rotate the key once a day.")
    ['once']
    >>> numbers("Reuse the session or open a new one within 2 days.")
    ['2']
    >>> numbers("* **1.8**. **Repeat steps 1.1 to 1.8** at most 3 times."), numbers("* **5.1.4.")
    (['3'], [])
    >>> numbers("Levels are as defined by OTEP 0232 and IPIP-0412, for 2 years.")
    ['2']
    >>> numbers("See Sections {{errors}},\\n7.2, and 8.5, within 2 days, or HTTP 404.")
    ['2', '404']
    """
    clean = prose(text)
    found = [(m.start(), m.group().lower()) for m in _NUMBER.finditer(clean) if not _not_a_quantity(clean, m)]
    found += [(m.start(), m.group("typed") or m.group("alone")) for m in _NUMERIC_CODE.finditer(text)]
    return [number for _, number in sorted(found)]


def _not_a_quantity(text: str, match: re.Match[str]) -> bool:
    """A section number ("Section 5.6.2", "RFC 9110"), a manual page's section ("mount(2)"), or "one"
    used as a pronoun ("One consequence of ...")."""
    if _NUMBERED_THING.search(text, max(0, match.start() - _NUMBERED_THING_REACH), match.start()):
        return True
    if _MANUAL_SECTION.match(text, max(0, match.start() - 2)) and text.startswith(")", match.end()):
        return True
    if text[match.start() - 1 : match.start()] == "[" and text.startswith("]", match.end()):
        return True  # "[1]": a reference's marker
    if text[max(0, match.start() - 2) : match.start()] == "&#" and text.startswith(";", match.end()):
        return True  # "&#124;": a character written as its code (a "|" in a table cell)
    if _DOTTED.fullmatch(match.group()):
        return True  # "5.4.6.2.1", "1.0.10": a step, section or version, never an amount
    if _LABEL_BEFORE.fullmatch(text, 0, match.start()) and _LABEL_END.match(text, match.end()):
        return True  # "4.4. Check the hashes.", TUF's "* **5.2.3**. **Check ...**": the number a step is labelled with
    if match.group().lower() == "one":
        return (
            match.group() == "One"
            and match.start() == len(text) - len(text.lstrip())
            or text.startswith(" of", match.end())
            or text.startswith(" or more", match.end())  # "one or more of the following": any number
            or bool(_PRONOUN_ONE_BEFORE.search(text, max(0, match.start() - 30), match.start()))
            or bool(_PRONOUN_ONE_AFTER.match(text, match.end()))
        )
    return False


# "the one indicated", "for one with the output present": "one" standing for a thing named before.
_PRONOUN_ONE_BEFORE = re.compile(
    r"(?i)\b(?:the|this|that|which|each|every|no|another|any|if|unless|whether|an?\s+[a-z][\w-]*)\s+$"
)
"""Before "one" that stands for a thing named before, perhaps described: A2A's "retrieves the task or
creates a new one", MCP's "a token granted a broad scope may be challenged with a narrower one"."""
_PRONOUN_ONE_AFTER = re.compile(r"(?i)\s+(?:with|that|which|who|whose|where|indicated|given|found|used|above|below|another)\b")


def in_one_notation(text: str) -> str:
    """``text`` with each code point written as "U+" and four hex digits or more (:func:`number_value`).

    >>> in_one_notation("tab (0x09) or LF (U+000a)")
    'tab (U+0009) or LF (U+000A)'
    """
    return _CODE_POINT.sub(lambda found: number_value(found.group()), text)


_CODE_POINT = re.compile(CODE_POINT)


def number_value(number: str) -> str:
    """A number as :func:`numbers` finds it, written one way: digits, no thousands separators.

    >>> [number_value(n) for n in ("ten", "14,720", "14720", "Twice", "1,2", "3.5", "0x0a", "u+000a")]
    ['10', '14720', '14720', 'twice', '1,2', '3.5', 'U+000A', 'U+000A']
    """
    lowered = number.lower()
    if lowered.startswith(("u+", "0x")):
        return f"U+{int(lowered[2:], 16):04X}"  # "0x0A" and "U+000A" name one character
    if lowered in _NUMBER_WORD_VALUES:
        return _NUMBER_WORD_VALUES[lowered]
    return number.replace(",", "") if _THOUSANDS.fullmatch(number) else lowered


_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUMBER_WORD_VALUES = {word: str(value) for value, word in enumerate(_NUMBER_WORDS[:20])} | {
    word: str(20 + 10 * tens) for tens, word in enumerate(_TENS)
}
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")


_DOTTED = re.compile(r"\d+\.\d+(?:\.\d+)+(?:-\d+(?:\.\d+)*)?")
"""A number of three parts or more, or a range starting with one: "5.4.6.2", "2.8.1-2.8.4"."""
_LABEL_BEFORE = re.compile(r"[\W_]*")
"""What may stand before a step's number at the start of its text: a list marker, emphasis, an emoji."""
_LABEL_END = re.compile(r"[*_]{0,2}[.)][*_]{0,2}(?:\s|$)")
_MANUAL_SECTION = re.compile(r"\w\(\d")
"""A digit right after a name and an opening bracket: "set_mempolicy(2)", "cgroups(7)"."""
_NUMBERED_THING = re.compile(
    r"(?i)(?:\b(?:sections?|rfc|appendix|figure|table|chapter|steps?|part|version|v|items?|notes?|footnotes?|examples?|"
    r"requirements?|"
    r"paragraphs?|clauses?|lines?)|§)\s*"
    r"(?:(?:\d+(?:\.\d+)*|\{\{[^{}]*\}\})\s*(?:,\s*(?:and|or)\b|to|through|and|or|-|–|,)\s*){0,6}$"
    r"|\b(?-i:OTEP|IPIP|TAP|PEP|KEP|SEP|BIP|EIP|ERC|BCP)[-\s]?$"
)
"""What a number names rather than counts: "Section 5.6.2", "RFC 9110", SARIF's "[§5.3](#...)" (no word
boundary before "§", which is no letter), and the later ones of a range or list of them, TUF's "Repeat
steps 1.1 to 1.8", OAuth 2.1's "Sections {{token-error-response}}, 7.2, and 8.5"; and a proposal's number,
"as defined by OTEP 0232", "IPIP-0412"."""
_NUMBERED_THING_REACH = 120
"""How far before a number :data:`_NUMBERED_THING` looks: far enough for a list of references before it."""


def conditions(text: str) -> list[str]:
    """Condition and exception words, with synonyms folded ("when" reads as "if").

    >>> conditions("Reply when asked, only\\nif polite, unless busy.")
    ['if', 'only if', 'unless']
    >>> conditions("Keep it, provided the header is provided by the server or is not provided.")
    ['provided']
    """
    found = (" ".join(c.lower().split()) for c in CONDITION.findall(prose(text)))
    return [_CONDITION_SAME.get(c, c) for c in found]


def condition_words_folded(found: list[str]) -> list[str]:
    """Words as :func:`words` gives them, with each condition phrase written as its one
    synonym ("except for" as "except", "when" as "if"), so that trading one for the other
    changes no word of the rule.

    >>> condition_words_folded(["all", "except", "for", "x", "when", "asked"])
    ['all', 'except', 'x', 'if', 'asked']
    """
    folded: list[str] = []
    at = 0
    while at < len(found):
        for phrase, same in _CONDITION_PHRASES_BY_FIRST_WORD.get(found[at], ()):
            if found[at : at + len(phrase)] == phrase:
                folded.append(same)
                at += len(phrase)
                break
        else:
            folded.append(found[at])
            at += 1
    return folded


def _phrases_by_first_word(same: dict[str, str]) -> dict[str, list[tuple[list[str], str]]]:
    """Each phrase of ``same`` as a list of words with its synonym, under its first word and longest
    first (a longer phrase is tried before a shorter one that opens with the same word): a word that
    opens no phrase costs one lookup, not one comparison per phrase."""
    phrases: dict[str, list[tuple[list[str], str]]] = defaultdict(list)
    for words_of_phrase, synonym in sorted(((k.split(), v) for k, v in same.items()), key=lambda kv: -len(kv[0])):
        phrases[words_of_phrase[0]].append((words_of_phrase, synonym))
    return dict(phrases)


_CONDITION_PHRASES_BY_FIRST_WORD = _phrases_by_first_word(_CONDITION_SAME)


def quantifiers(text: str) -> list[str]:
    """Quantifier words outside condition phrases, with synonyms folded ("each" reads as "every"). The
    "any" of "if any" says whatever there are, and counts nothing (OpenFeature's "supplying the bound
    domain, if any" read as "quantifier: — → any").

    >>> quantifiers("Each redirect, if any, offers a page."), quantifiers("Reply to any rider.")
    (['every'], ['any'])
    """
    found = (" ".join(q.lower().split()) for q in _QUANTIFIER.findall(CONDITION.sub(" ", _IF_ANY.sub(" ", prose(text)))))
    return [_QUANTIFIER_SAME.get(q, q) for q in found]


_IF_ANY = re.compile(r"(?i)\bif\s+any\s*(?=[,;:.)]|$)")
"""An "if any" closing its phrase: whatever there are ("each redirect, if any, offers ...")."""


def words(text: str, *, capitals: bool = False) -> list[str]:
    """The words of ``text`` in lower case, for comparing wording.

    Apostrophes and hyphens inside a word are dropped, so "its" and "it's",
    "e-mail" and "email" read alike. In a document that uses RFC 2119
    capitals, a keyword keeps its case: "may" and "MAY" are different words there.
    """
    if len(text) <= MAX_REMEMBERED_TEXT:
        return list(_remembered_words(text, capitals))
    if len(text) <= MAX_REMEMBERED_LONG_TEXT:
        return list(_remembered_long_words(text, capitals))
    return _words(text, capitals)


@lru_cache(maxsize=4096)
def _remembered_words(text: str, capitals: bool) -> tuple[str, ...]:
    """:func:`words`, remembered, each word kept once (``sys.intern``): ``lower`` makes a new string
    of every word, and 4,096 texts of 2,000 characters kept 100 MB of copies of the same few words."""
    return tuple(map(sys.intern, _words(text, capitals)))


@lru_cache(maxsize=64)
def _remembered_long_words(text: str, capitals: bool) -> tuple[str, ...]:
    return tuple(map(sys.intern, _words(text, capitals)))


def _words(text: str, capitals: bool) -> list[str]:
    found = _WORD.findall(_INSIDE_WORD_MARK.sub("", text))
    if not capitals:
        return [w.lower() for w in found]
    return [w if w.isupper() and w.lower() in RFC_WORDS else w.lower() for w in found]


RFC_WORDS = {"must", "shall", "should", "may", "required", "recommended", "optional", "not"}
"""The words of RFC 2119's keywords."""


def uses_rfc2119_capitals(texts: Iterable[str]) -> bool:
    """Whether a document writes RFC 2119 keywords in capitals more often than not.

    The JSON Schema specification does (MUST, SHOULD, MAY); the OpenAI Model
    Spec writes "should" and "must" in lower case and keeps capitals for emphasis.
    """
    upper, lower = keyword_counts(texts)
    return upper > lower


def keyword_counts(texts: Iterable[str]) -> tuple[int, int]:
    """How many RFC 2119 keywords the prose of ``texts`` writes in capitals, and how many not, a
    lower-case "may" aside: English says what may happen with it in any prose ("the veracity of
    the claim may be called into question"), so it tells nothing of how the authors write their
    keywords. SPIFFE writes every rule in capitals, and its 179 lower-case "may" outnumbered them.

    >>> keyword_counts(["Clients MUST retry and SHOULD wait.", "Servers must close; see `MUST`. It may rain."])
    (2, 1)
    """
    upper = lower = 0
    for text in texts:
        up, low = _keyword_cases(text)
        upper += up
        lower += low
    return upper, lower


@lru_cache(maxsize=65536)
def _keyword_cases(text: str) -> tuple[int, int]:
    """RFC 2119 keywords in ``text``'s prose: how many in capitals, how many not.

    Remembered per clause text: walking a long history asks about the same
    clauses revision after revision.
    """
    sample = text[:_KEYWORD_SAMPLE]
    folded = sample.casefold()
    if not any(word in folded for word in _RFC_KEYWORD_WORDS):
        return 0, 0  # most paragraphs: 41,000 of the Rust RFCs' 48,000, counted 3x as fast
    clean = prose(sample)
    upper = len(_RFC_KEYWORD_UPPER.findall(clean))
    return upper, len(_RFC_KEYWORD_ANY.findall(clean)) - upper - len(_MAY_IN_LOWER_CASE.findall(clean))


_KEYWORD_SAMPLE = 20_000
"""Characters of a clause counted to tell how it writes keywords: a clause's opening says it, and a
10 MB line of "must must ..." took 3 s to count whole."""

# Counting whole words, without reading modal phrases: on a 3,000-clause spec the
# full reading took 0.28 s per revision, this takes a few milliseconds.
_RFC_KEYWORD_UPPER = re.compile(r"\b(?:MUST|SHALL|SHOULD|MAY|REQUIRED|RECOMMENDED|OPTIONAL)\b")
_RFC_KEYWORD_ANY = re.compile(r"\b(?:must|shall|should|may|required|recommended|optional)\b", re.IGNORECASE)
_MAY_IN_LOWER_CASE = re.compile(r"\bmay\b")
"""A lower-case "may", left out of :func:`keyword_counts`'s count of keywords not in capitals."""
_RFC_KEYWORD_WORDS = tuple(sorted(RFC_WORDS - {"not"}))
"""The keywords as plain substrings: a text holding none of them, case folded, holds no keyword
(a quicker question than the pattern's, and prose blanking adds no letters)."""
