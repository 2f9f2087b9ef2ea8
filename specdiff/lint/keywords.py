"""Keyword misuse in documents that write RFC 2119 keywords in capitals (as idnits checks RFCs).

Only documents that use the capitals are read: in the others "must" is plain
English. RFC 8174 says lower-case keywords have their ordinary meaning, so a
lower-case "must" alone is fine; next to a capital keyword in the same
sentence it leaves the reader guessing which force was meant.
"""

from __future__ import annotations

import re

from specdiff.force import CALLS_FOR_ATTENTION
from specdiff.lexicon import CONDITION, prose, sentences
from specdiff.lint.base import Check, ClauseView, Finding, finding
from specdiff.lint.rules import RuleBook, stated

CHECKS = (
    Check(
        "KW001",
        "keyword-mixed-case",
        "warning",
        'A keyword is half in capitals ("MUST not"): RFC 2119 keywords are written whole in capitals.',
        "A client MUST not retry a rejected request.",
        "A client MUST NOT retry a rejected request.",
    ),
    Check(
        "KW002",
        "keyword-lowercase",
        "warning",
        "A sentence with a capital keyword also uses a lower-case one: which force is meant?",
        "A server MUST log the request and should keep the log for a week.",
        "A server MUST log the request and SHOULD keep the log for a week.",
    ),
    Check(
        "KW003",
        "keyword-no-boilerplate",
        "info",
        "The document writes RFC 2119 keywords in capitals but never cites RFC 2119 / BCP 14.",
        "(a document whose rules say MUST and SHOULD, with no conventions paragraph)",
        'The key words "MUST", "SHOULD" and "MAY" in this document are to be interpreted as described in '
        "BCP 14 (RFC 2119, RFC 8174) when, and only when, they appear in all capitals.",
    ),
    Check(
        "KW004",
        "should-without-reason",
        "info",
        "A SHOULD gives no reason and no exception, in a document whose other SHOULDs give them.",
        "A client SHOULD retry a failed request.",
        "A client SHOULD retry a failed request, unless the server answered 400: a retry cannot succeed then.",
    ),
)

_MIXED = re.compile(
    r"\b(?:MUST|SHALL|SHOULD|MAY)\s+(?:not|Not)\b|\b(?:[Mm]ust|[Ss]hall|[Ss]hould|[Mm]ay)\s+NOT\b"
    r"|\bNOT\s+(?:recommended|Recommended)\b"
)
_UPPER = re.compile(r"\b(?:MUST|SHALL|SHOULD|MAY|REQUIRED|RECOMMENDED|OPTIONAL)\b")
# A keyword before "requirements" is named, not used: in "these should be treated as MUST requirements"
# the lower-case "should" is the sentence's only force (OpenTelemetry's notes on requirement levels).
_USED_UPPER = re.compile(_UPPER.pattern + r"(?!\s+(?:NOT\s+)?(?:requirements?|keywords?|levels?)\b)")
_LOWER = re.compile(r"\b(?:must|shall|should)\b")
# A lower-case keyword in a clause that describes rather than obliges: "the dialect under
# which a schema should be processed", "MUST NOT assume they should perform ...". On the JSON
# Schema history these were 5 of the first 10 KW002 findings, all false. An indirect question
# ("determine which dialect should be used") likewise: 4 of OpenAPI's 4 KW002 findings. So does
# what a message says ("a notification to indicate that a request should be terminated", "validate
# SHALL report that the requirement must contain SHALL": OpenSpec, wrong by the independent labels),
# and what a step decides ("to determine if the measurements should be sampled": OpenTelemetry).
# A relative clause describes the thing it follows ("the username which the process in the
# container should run as", "the endpoints that the container should connect to": the OCI specs'
# field descriptions, wrong by the third held-out set's labels), unless its "that" opens what a
# verb or a word of force asks for ("MUST ensure that ...", "It is RECOMMENDED that ..."); so
# does an example in brackets ("(e.g. it should not lower-case the header)": OpenTelemetry).
_DESCRIBED = re.compile(
    r"(?:\b(?:under|with|in|by|for|to) which|\b(?:assume|whether|how|what)\b"
    r"|\b(?:(?:determine|decide|check|know)s?|specif(?:y|ies))\s+if\b|\b(?:which|who|whom)(?:\s+[\w`'-]+){0,5}\s*$"
    r"|\b(?!(?:so|such|now|given|ensure[sd]?|require[sd]?|recommended|important|essential|necessary|vital|critical"
    r"|verif(?:y|ies)|check(?:s|ed)?|confirm(?:s|ed)?|guarantee[sd]?|expect(?:s|ed)?|assume[sd]?|note)\b)[a-z]+\s+that"
    r"(?:\s+[\w`'-]+){0,5}\s*$|\((?:e\.\s?g\.|i\.\s?e\.|for example|for instance)[^)]*$"
    r"|\b(?:indicates?|indicating|says?|saying|states?|stating|means?|signals?|signalling|signaling|asks?|asking|explains?"
    r"|report(?:s|ing)?|warn(?:s|ing)?|tell(?:s|ing)?|repl(?:y|ies|ying)|answer(?:s|ing)?|notif(?:y|ies|ying)"
    r"|inform(?:s|ing)?|remind(?:s|ing)?)"
    r"(?:\s+[\w`'-]+){0,3}?\s+that\b)[^,;]*$",
    re.IGNORECASE,
)


def check(view: ClauseView, book: RuleBook) -> list[Finding]:
    clause = view.clause
    if not view.facts.capitals or clause.kind in ("example", "html", "front_matter"):
        return []
    found = []
    text = prose(clause.normalized)
    for match in _MIXED.finditer(text):
        found.append(finding("KW001", clause, f'"{match.group()}": write the keyword whole in capitals', match.group()))
    for sentence in sentences(text):
        if _USED_UPPER.search(sentence):
            for match in _LOWER.finditer(sentence):
                # ("It should be noted that ..." turns the reader's attention: SPIFFE, wrong by the fifth set's labels)
                if _DESCRIBED.search(sentence[: match.start()]) or CALLS_FOR_ATTENTION.match(sentence, match.end()):
                    continue
                if not _MIXED.search(sentence[max(0, match.start() - 8) : match.end() + 8]):
                    found.append(
                        finding("KW002", clause, f'lower-case "{match.group()}" beside a capital keyword', match.group())
                    )
    if view.facts.gives_reasons:
        found += _should_without_reason(view, text)
    if not view.facts.boilerplate and _UPPER.search(text):
        found.append(finding("KW003", clause, "keywords in capitals, but the document never cites RFC 2119 or BCP 14"))
    return found


# RFC 2119 on SHOULD: "there may exist valid reasons in particular circumstances to ignore a
# particular item, but the full implications must be understood". A SHOULD that says why, or
# names the circumstance where it does not hold, lets a reader weigh it; these words do either
# (", to free its socket" is a purpose after a comma; "per {{duplicate-iris}}" and "in accordance
# with RFC 6839" point at where the reason is; "therefore" follows one; "deprecated" is one:
# "Declares this operation to be deprecated. Consumers SHOULD refrain from usage").
# "a RECOMMENDED set of keywords" names a kind of thing: no rule, so no reason owed.
_SHOULD = re.compile(r"\bSHOULD\b|(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)\b(?:NOT\s+)?RECOMMENDED\b")
# A purpose: "to" before a verb that says what the SHOULD is for ("SHOULD send a ping to detect a
# dead connection", "SHOULD include the digest to reference the content securely": 7 wrong KW004
# findings of the labelled sets had their purpose so, and 1 right one, debatable), not "to" after a
# word that takes it ("SHOULD be able to resume", "SHOULD attempt to reconnect", "SHOULD be used to").
_NOT_A_PURPOSE_AFTER = (
    "able", "unable", "attempt", "attempts", "try", "tries", "continue", "continues", "need", "needs", "want", "wants",
    "choose", "chooses", "decide", "decides", "refuse", "refuses", "fail", "fails", "prefer", "prefers", "seek", "seeks",
    "strive", "strives", "going", "likely", "expected", "required", "allowed", "permitted", "ought", "has", "have", "had",
    "is", "are", "be", "was", "were", "used", "how", "whether", "where", "what", "when", "which", "who",
)
_PURPOSE_VERBS = (
    "avoid|ensure|prevent|allow|enable|reduce|improve|help|keep|preserve|maintain|minimi[sz]e|limit|protect|guarantee|"
    "make\\s+sure|facilitate|simplify|provide|support|promote|increase|detect|distinguish|aid|assist|indicate|"
    "signal|tell|get|reference|achieve|refine|attach|obtain|let|inform|speed|save|free|retain|reflect|communicate|convey|"
    "mitigate|defend|guard|catch|discover|determine|verify|validate|confirm|establish|accommodate|accelerate|"
    "optimi[sz]e|conserve|notify|alert|warn|express|encourage|discourage|honou?r|comply|conform|align|benefit|spare|"
    "bound|lower|shorten|offload|prioriti[sz]e|balance|recover|resume|account|compensate|stay|remain|permit|clarify|"
    "advertise|announce|surface|reveal|hide|defeat|thwart|resist|withstand|survive|tolerate|cope|fit|meet|satisfy|"
    "demonstrate|document|record|track|trace|monitor|audit|debug|diagnose|troubleshoot|learn|understand|find|locate|"
    "resolve|ease|streamline|unify|standardi[sz]e|harmoni[sz]e|interoperate|integrate|coordinate|synchroni[sz]e|"
    "cooperate|use|leverage|gain|receive|recogni[sz]e|secure|isolate|contain|cap|throttle"
)
_PURPOSE = re.compile(
    "(?<![\\w-])(?=to\\s)"
    + "".join(rf"(?<!\b{word}\s)" for word in _NOT_A_PURPOSE_AFTER)
    + rf"to\s+(?:[a-z]+ly\s+)?(?:{_PURPOSE_VERBS})\b",
    re.IGNORECASE,
)
"""A purpose clause; it serves the verb of its own sentence, so it is looked for after the SHOULD only."""
_CAUSE = re.compile(
    r"(?:^|[.;:]\s+)\W*(?:in\s+order\s+)?to\s+[a-z]+\b[^.;:,]*,|,\s+(?:so\s+as\s+)?to\s+[a-z]+\b|,\s+as\s+(?!(?:defined|described|specified|indicated|shown|noted|"
    r"in|per|well|such|follows|with|of|a|an|the)\b)|\b(?:given|due\s+to|owing\s+to|as\s+a\s+result|because|since|so\s+that|in\s+order\s+to|otherwise|lest|the\s+reason|rationale|"
    r"for\s+(?:debugging|diagnostics|troubleshooting)|where\s+applicable|as\s+permitted|"
    r"\bsee\s+[^.;()]{0,40}?\bfor\s+(?:details|more|the\s+reasons?|rationale|why)\b|keeping\s+in\s+mind|"
    r"in\s+accordance\s+with|per\s+[\[{]|therefore|thus|hence|deprecated|to\s+maximi[sz]e|"
    r"for\s+(?:maximum|better|greater|best)\s+\w+|for\s+(?:interoperability|compatibility|security|privacy|performance|"
    r"clarity|consistency|robustness)|\b(?:other|others|another|alternative|alternatives|different)\b[^.;]{0,200}\bMAY\b|"
    r"(?:this|which|that|doing\s+so)\s+(?:\w+\s+)?(?:is|allows|ensures|avoids|prevents|"
    r"helps|makes|keeps|reduces|improves|enables|means|would|could|can|may|might)|as\s+(?:this|it|that|doing\s+so|such)\b)",
    re.IGNORECASE,
)
"""A reason's words: a purpose, a cause, a consequence, a pointer to the rationale."""
_REASON = re.compile(rf"{CONDITION.pattern}|{_CAUSE.pattern}", re.IGNORECASE)
"""A reason or an exception: :data:`_CAUSE`, or a condition ("unless", "if", "when")."""
_RESTRICTED_HOLDER = re.compile(
    r"\b(?!(?:than|with|from|such|ensure|ensures|so|important|essential|necessary|recommended|required|noted?)\b)"
    r"[a-z]{3,}\s+(?:that|which|who)\s+(?!(?:the|a|an|this|these|those|its|their)\b)[a-z]+\b[^,;.]*$",
    re.IGNORECASE,
)
"""A holder narrowed by what it does, before its SHOULD: "An endpoint that detects an error SHOULD ...",
"Implementations which choose to support assertion behavior:" over the SHOULDs of its items. That is the
circumstance the SHOULD holds in, as a condition is (the blind labellers of three sets read it so)."""
_ITEMS_SAY_WHAT = re.compile(r"(?:\s+NOT)?[\s*_]*:")
"""A SHOULD that leads a list ("Receivers SHOULD:") leaves what, and why, to its items."""


def should_with_reason(text: str) -> bool:
    """Whether a SHOULD of ``text`` comes with a reason or an exception in its sentence, the one before or the next.

    >>> should_with_reason("A server SHOULD close idle connections, to free their sockets.")
    True
    >>> should_with_reason("A client SHOULD retry. Retrying helps.")
    False
    >>> should_with_reason("A client SHOULD retry. This avoids a lost request.")
    True
    >>> should_with_reason("Servers SHOULD use UTF-8; other encodings MAY be used.")
    True
    """
    parts = sentences(prose(text))
    for i, sentence in enumerate(parts):
        match = _SHOULD.search(sentence)
        if match and (_PURPOSE.search(sentence, match.end()) or _REASON.search(" ".join(parts[max(0, i - 1) : i + 2]))):
            return True
    return False


def _should_without_reason(view: ClauseView, text: str) -> list[Finding]:
    """SHOULDs that state a rule in their place (not "a RECOMMENDED set of keywords", not a change log
    entry) with no reason or exception in their sentence, the one before ("Due to ..., X SHOULD") or the next,
    nor anywhere else in their paragraph, in the paragraph before it in its section when that paragraph
    explains rather than rules (no keyword in capitals: a rule's reason is its own), in the lead-in their
    list item continues ("To minimize the risk of failed uploads, servers SHOULD:"), or in a footnote the
    sentence cites: RFC 2119's "valid reasons" may sit in any of them (the independent labeller: 13 of 33
    wrong KW004 findings had their reason there; on the four blind sets the paragraph before held it for 7
    of 45 wrong findings, and for 1 of 88 right ones, whose paragraph before explained something else).
    Nor a SHOULD with a purpose after it ("to detect a dead connection"), one whose holder is narrowed by
    what it does ("An endpoint that detects an error SHOULD"), or one that only leads a list ("Receivers
    SHOULD:"), whose items say what, and why."""
    lead_in = prose(view.place.lead_in or "")
    if _REASON.search(text) or _REASON.search(lead_in) or _RESTRICTED_HOLDER.search(lead_in):
        return []
    if any(_CAUSE.search(s) for s in sentences(prose(view.paragraph_before)) if not _UPPER.search(s)):
        return []  # the paragraph before explains why (a rule's reason there is that rule's; its "if" is its own)
    ruling = {r.sentence for r in stated(view.clause.normalized, view.place) if r.strength == 2}
    found = []
    parts = sentences(text)
    written = sentences(view.clause.normalized)  # ``text`` is its prose: the same length, code and links blanked
    for i, sentence in enumerate(parts):
        match = _SHOULD.search(sentence)
        as_written = written[i] if len(written) == len(parts) else sentence
        if not match or _PURPOSE.search(sentence, match.end()) or _ITEMS_SAY_WHAT.match(sentence, match.end()):
            continue
        if _RESTRICTED_HOLDER.search(sentence[: match.start()]):
            continue
        if as_written in ruling and "[^" not in as_written:
            message = f"{match.group()} with no reason or exception: say why, or when it does not apply"
            found.append(finding("KW004", view.clause, message, sentence))
    return found
