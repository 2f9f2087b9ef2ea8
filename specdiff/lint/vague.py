"""Vague rules: a normative sentence whose force rests on a word nobody can measure.

"Reply in a timely manner" cannot be tested: how soon is timely? The words are
our own list, kept apart from ``lexicon`` on purpose: they say nothing about
whether a sentence obliges, only about whether its obligation can be checked.
"As required by the language" is left out: it names its measure.
"""

from __future__ import annotations

import re

from specdiff.lexicon import CONDITION, prose, sentences
from specdiff.lint.base import Check, ClauseView, Finding, finding
from specdiff.lint.rules import RuleBook, stated

CHECKS = (
    Check(
        "VAG001",
        "vague-qualifier",
        "warning",
        "A rule rests on an unmeasurable qualifier (appropriate, reasonable, where possible, timely, ...).",
        "The assistant must reply to renewal requests in a timely manner.",
        "The assistant must reply to renewal requests within two minutes.",
    ),
    Check(
        "VAG002",
        "open-ended-list",
        "warning",
        'A rule ends a list with "etc." or "and so on": what else is covered?',
        "The assistant must not reveal a patron's address, phone number, etc.",
        "The assistant must not reveal a patron's address, phone number or email address.",
    ),
    Check(
        "VAG003",
        "and-or",
        "warning",
        'A rule uses "and/or": is one enough, or are both needed?',
        "The assistant should confirm the title and/or the author before placing a hold.",
        "The assistant should confirm the title, or the author when the title is ambiguous, before placing a hold.",
    ),
)

# Not the words of need ("if necessary", "as needed", "where necessary"), "properly", "sufficiently",
# "suitable" and "as far as possible": a need is the holder's own to judge, and the others nearly always
# had their measure beside them. Of the findings the labelled sets hold with one of these, 7 were right
# and 98 wrong (the sixth held-out set: 0 and 18).
_QUALIFIERS = re.compile(
    r"\b(?:as appropriate|(?:where|if|when) (?:possible|appropriate|practical|feasible)|as soon as (?:possible|practical)"
    r"|in a timely (?:manner|fashion)|appropriate(?:ly)?|reasonabl[ey]|timely|promptly|adequate(?:ly)?|sufficient)\b",
    re.IGNORECASE,
)
# "Note that ..." reads as a command ("note" is a command verb), but it introduces a remark, not a rule.
_REMARK = re.compile(r"^\W*note\b", re.IGNORECASE)
# "A reasonable user", "a reasonable person": the law's standard of a person, which names its
# measure; 3 of the first 17 false VAG001 findings on the Model Spec.
_PERSON_STANDARD = re.compile(r"\s+(?:user|person|people|human|reader|observer|developer)s?\b", re.IGNORECASE)
# "the appropriate headers", "the appropriate base URI": with "the", the word picks the one thing
# that fits the case, which the context fixes ("retry the request with the appropriate headers");
# "an appropriate error" or "appropriate timeouts" leave the choice open.
# "whichever is most appropriate for the language" picks among the forms given, as "the" does.
_THE_FITTING = re.compile(r"\b(?:the|most)\s+$", re.IGNORECASE)
# "sufficient information to identify the stream", "appropriate enough that a user could show them
# to a coworker": the words after the qualifier say what it must suffice for. "to" before a
# determiner ("an appropriate error to the client") names a recipient, not a purpose.
_MEASURE_AFTER = re.compile(
    r"^(?:\s+enough\s+(?:to|that)|(?:\s+[\w`'-]+){0,3}?\s+to\s+(?!(?:be|the|an?|all|any|each|its?|their)\b)[a-z]+)\b",
    re.IGNORECASE,
)
# "SHOULD implement appropriate timeouts for all requests, to prevent hung connections": a purpose
# after a comma is the measure too (enough to prevent them), as it is right after the qualifier.
# "to which" and "to whom" start a relative clause, not a purpose.
_PURPOSE_LATER = re.compile(
    r"^[^.;:]*?,\s+(?:so\s+as\s+)?(?:to\s+(?!(?:be|the|an?|all|any|each|its?|their|which|whom)\b)[a-z]+|so\s+that)\b",
    re.IGNORECASE,
)
# "properly encoded according to the content type", "appropriate status codes as defined in Section 5",
# "as soon as possible, preferably before returning", "a reasonable interval (recommended: 10-30
# seconds)", "coerce it where reasonable without losing information": the rest of the clause names the
# measure (the commonest kind of wrong VAG001 finding of the fourth blind labeller, on five repositories
# no check was tuned on). Not past a comma: in "within a reasonable time, terminate it using the
# system's mechanism" the mechanism is another step's.
_MEASURE_NAMED_AFTER = re.compile(
    r"^[^.;,]{0,80}?(?:\b(?:according\s+to|in\s+accordance\s+with|as\s+(?:defined|described|specified|given|listed)"
    r"|consistent\s+with|without\s+(?:losing|loss))\b|\(\s*(?:recommended|default|typically)\b[^)]*\d)|^,?\s+preferably\b",
    re.IGNORECASE,
)
# "retention appropriate to their threat model", "as appropriate for the formats it expects": the
# adjective's yardstick follows it. An adverb's does not: in "respond appropriately to 401 responses"
# the 401 is what is answered, and how is still open.
_YARDSTICK_AFTER = re.compile(r"^\s+(?:for|to)\s+(?!(?:be|the\s+(?:client|server|user|caller|sender|receiver))\b)", re.IGNORECASE)
_MEASURED = frozenset({"sufficient", "adequate", "adequately", "appropriate"})
_TIME = re.compile(r"\b(?:timely|promptly|as soon as)\b", re.IGNORECASE)
# "MUST inspect the data if possible; implementations that cannot access it MUST fall back to the
# schema": the sentence says what to do when it is not possible, so "possible" decides nothing left open
# ("as soon as practical" is a time, which no fallback measures).
_POSSIBLE = re.compile(r"^(?:if|when|where) (?:possible|practical|feasible)$", re.IGNORECASE)
_FALLBACK_AFTER = re.compile(
    r"\b(?:otherwise|cannot|can't|unable|not\s+(?:possible|practical|feasible)|fall\s+back)\b", re.IGNORECASE
)
# "[ask clarifying questions as appropriate](#ask)", "reasonably addressing implied intent (see
# [?](#letter_and_spirit))", "where appropriate (e.g., brainstorming, ...)", "reasonable bounds, such
# as a maximum depth": the link, the pointer or the examples right after the qualifier give its
# measure (4 of the independent labeller's 13 wrong VAG001 findings on the Model Spec, 2 of 6 on MCP).
# So does a footnote cited right after it ("clarify when necessary[^1]": the Model Spec's footnotes are
# worked examples).
_POINTED_AFTER = re.compile(r"^[^,;.]{0,40}?(?:\]\(|\[\^|\(\s*(?:see\b|e\.\s?g\.|for example\b)|,?\s+such\s+as\b)", re.IGNORECASE)
# "use escape syntax: e.g 'a\\'b' (or double-quote if possible: ...)": a qualifier inside an example is
# the example's, not the rule's (spec-kit's command templates: 5 copies of one such sentence). The example
# ends at the next comma: in "Clients, e.g. browsers, must reply promptly" the qualifier is the rule's.
_IN_EXAMPLE = re.compile(r"\b(?:e\.\s?g\b\.?|for example\b|for instance\b),?[^,;]*$", re.IGNORECASE)
# "SHOULD describe reasonable alternate approaches when appropriate. This approach is demonstrated by
# the `items` keyword.": the next sentence shows the measure by examples or says where it is.
_EXAMPLES_NEXT = re.compile(
    r"^\W*(?:for (?:example|instance)\b|e\.\s?g\b|see\b|(?:this|these|such)\s+(?:\w+\s+){0,2}(?:is|are)\s+"
    r"(?:demonstrated|illustrated|shown|described|explained|defined)\b)",
    re.IGNORECASE,
)
_POINTED_BEFORE = re.compile(r"\]\([^()\s]*\)\s*$")
# "at whatever frequency they deem appropriate", "as it sees fit": the rule hands the judgement to
# its holder on purpose; there is nothing for the spec to measure.
_DISCRETION = re.compile(r"\b(?:deems?|deemed|considers?|judges?|finds?)\s+(?:it\s+)?$", re.IGNORECASE)
# "(e.g., backwards, enciphered, etc.)", "sensitive information, including credentials, etc.": "e.g."
# or "including" already says the list only illustrates what the rule names, so "etc." opens nothing
# (2 of the 3 VAG002 findings on the Model Spec were such lists; the independent labeller: 2 of 2 on MCP).
_ILLUSTRATION = re.compile(r"\b(?:e\.\s?g\.|for example|for instance|including|such as)", re.IGNORECASE)
_OPEN_LIST = re.compile(r"\b(?:etc\b\.?|and so on|and so forth)", re.IGNORECASE)
# "sensitive information (passwords, API keys, etc.)", "signs off ("bye", "talk to you later", etc.)":
# a list in brackets after the words it explains illustrates the class those words name, which is
# the rule's measure (3 of the 6 labelled VAG002 findings; one of them had been labelled right).
# Tried from the start of each run of word and quote characters only: tried from each letter, one
# long word cost its length squared.
_BRACKETED = re.compile(r"(?<![\w\"'”])[\"'”]*\w[\w\"'”]*\s*\([^()]*$")
# "Where the encoding and/or delimiter rules are not appropriate", "To use the `a` and/or `b`
# fields, ...": in a condition or a purpose, either one is enough to meet it, as "or" says there.
_IN_CONDITION = re.compile(rf"(?:{CONDITION.pattern}|\bwhere\b|^\W*to\s+\w+\b)[^,;:]*$", re.IGNORECASE)
_AND_OR = re.compile(r"\band\s*/\s*or\b", re.IGNORECASE)


def check(view: ClauseView, book: RuleBook) -> list[Finding]:
    """The qualifiers, open lists and and/ors of the sentences that oblige or forbid (``rules.stated``:
    not a permission, a hedge, a report, a description, a change log, or a lower-case word in a
    capitals spec)."""
    clause = view.clause
    if clause.kind in ("example", "html", "front_matter"):
        return []
    rules = [r for r in stated(clause.normalized, view.place) if r.force != "permission"]
    ruling = {r.sentence for r in rules}
    # "MUST NOT decode, parse, and/or validate": every reading forbids each act (the independent
    # labels: 2 of 2 such findings wrong).
    forbidding = {r.sentence for r in rules if r.force == "prohibition"}
    found = []
    parts = sentences(clause.normalized)
    for i, sentence in enumerate(parts):
        if sentence not in ruling or _REMARK.match(sentence):
            continue
        text = prose(sentence)
        following = prose(parts[i + 1]) if i + 1 < len(parts) else ""
        # "Servers MUST return appropriate status codes for these errors:" over a table of the codes: the
        # list or table a lead-in introduces gives the measure (MCP: 3 of 3 such findings wrong by our labels);
        # not of a time ("MUST respond promptly with an empty response:" over an example of the response).
        lead_in = sentence.rstrip(" *_").endswith(":")
        found += [
            finding("VAG001", clause, f'rule rests on "{q}": say how it is measured', q)
            for q in vague_qualifiers(text, sentence, following)
            if not lead_in or _TIME.search(q)
        ]
        for match in _OPEN_LIST.finditer(text):
            if _illustrates(text[: match.start()]) or _BRACKETED.search(text[: match.start()]):
                continue
            found.append(finding("VAG002", clause, f'rule ends a list with "{match.group()}": name every case', match.group()))
        for match in _AND_OR.finditer(text):
            before = text[: match.start()]
            if sentence in forbidding or _illustrates(before) or _IN_CONDITION.search(before):
                continue
            found.append(finding("VAG003", clause, 'rule says "and/or": say whether one is enough', match.group()))
    return found


def _after_brackets(before: str) -> str:
    """The words after the last closed bracket: "(e.g., a hug), then reply promptly" is past the example."""
    return before[before.rfind(")") + 1 :]


def _illustrates(before: str) -> bool:
    """Whether the list that ends here follows "e.g." or "for example" (after the last closed bracket:
    "(e.g., a hug), and/or b" is past the illustration)."""
    return bool(_ILLUSTRATION.search(_after_brackets(before)))


def vague_qualifiers(text: str, written: str = "", following: str = "") -> list[str]:
    """The qualifiers of a rule's sentence that leave its measure open; ``text`` is the sentence's prose
    (``lexicon.prose``: links and code blanked, the same length), ``written`` the sentence as written,
    ``following`` the prose of the next sentence of its clause ("; servers that cannot MUST fall back ...",
    "This approach is shown by the `items` keyword.", "For example, ..."), which may give the measure.

    >>> vague_qualifiers("Servers must reply in a timely manner with an appropriate error.")
    ['in a timely manner', 'appropriate']
    >>> vague_qualifiers("Clients must retry with the appropriate headers, as often as they deem appropriate.")
    []
    >>> vague_qualifiers("IDs should carry sufficient information to identify the stream.")
    []
    >>> vague_qualifiers("Servers must return an appropriate error to the client.")
    ['appropriate']
    >>> vague_qualifiers("Servers must set appropriate timeouts for requests, to prevent hung connections.")
    []
    >>> vague_qualifiers("Servers must send adequate notices, to which clients reply.")
    ['adequate']
    >>> vague_qualifiers("Servers must read the cache if possible; servers that cannot must fall back to the disk.")
    []
    >>> vague_qualifiers("Clients must retry as appropriate.", "Clients must [retry as appropriate](#retries).")
    []
    >>> vague_qualifiers("Servers must read the cache if possible.", following="Servers that cannot must use the disk.")
    []
    >>> vague_qualifiers("Servers must pick a reasonable limit.", following="This limit is shown in the example below.")
    []
    >>> vague_qualifiers("Clients must clarify when appropriate[^1].", "Clients must clarify when appropriate[^1].")
    []
    >>> vague_qualifiers("Quote the name, e.g. with single quotes (or double quotes if possible).")
    []
    >>> vague_qualifiers("Quote the name (e.g. with single quotes) if possible.")
    ['if possible']
    >>> vague_qualifiers("Clients, e.g. browsers, must reply promptly.")
    ['promptly']
    >>> vague_qualifiers("Servers must encode the body appropriately according to its media type.")
    []
    >>> vague_qualifiers("Servers should send keep-alives at a reasonable interval (recommended: 10 to 30 s).")
    []
    >>> vague_qualifiers("Servers should reply as soon as possible. They report errors according to RFC 9457.")
    ['as soon as possible']
    >>> vague_qualifiers("Keep the log for a time appropriate to your threat model, in whichever form is most suitable.")
    []
    >>> vague_qualifiers("Servers must send a reply appropriate to the client.")
    ['appropriate']
    >>> vague_qualifiers("Clients must respond appropriately to 401 responses.")
    ['appropriately']
    >>> vague_qualifiers("If it does not exit within a reasonable time, kill it using the system's mechanism.")
    ['reasonable']
    """
    found = []
    for match in _QUALIFIERS.finditer(text):
        word, before, after = match.group().lower(), text[: match.start()], text[match.end() :]
        if word == "reasonable" and _PERSON_STANDARD.match(after):
            continue
        if _THE_FITTING.search(before) or _DISCRETION.search(before) or _IN_EXAMPLE.search(_after_brackets(before)):
            continue
        if word in _MEASURED and (_MEASURE_AFTER.match(after) or _PURPOSE_LATER.match(after)):
            continue
        if _POSSIBLE.search(word) and _FALLBACK_AFTER.search(f"{after} {following}"):
            continue
        if _EXAMPLES_NEXT.match(following) or _MEASURE_NAMED_AFTER.match(after):
            continue
        if not word.endswith("ly") and _YARDSTICK_AFTER.match(after):
            continue
        if written and (_POINTED_AFTER.match(written[match.end() :]) or _POINTED_BEFORE.search(written[: match.start()])):
            continue
        found.append(match.group())
    return found
