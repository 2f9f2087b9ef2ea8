"""Rules as the consistency checks read them: who must do what, with what force.

Which sentences state rules, and with what force, is ``force``'s reading (the
diff's): a hedge ("users may feel rushed"), an ability ("the method can be
applied twice") or a report ("reply that it cannot help") states none, so the
contradiction and duplicate checks never compare one. From each rule this
module takes the force and holder ``force`` found, and adds what a comparison
needs: the *action*, the words that follow the force up to the first comma or
condition word ("share borrowing history"); a command ("Include the title.")
starts its action with its verb. ``sign`` is +1 for an obligation or a
permission and -1 for a prohibition, so "must share X" and "must not share X"
have the same holder and action and opposite signs:

>>> rule = read_rules("The assistant must not share borrowing history, unless asked.")[0]
>>> rule.holder, rule.action, rule.sign, rule.conditions
('assistant', 'share borrowing history', -1, ('unless asked',))
>>> read_rules("Patrons may feel rushed at the desk.")
[]

``force`` names a holder only when the subject is a known kind of agent
("the assistant", "clients"); otherwise the holder is the subject's own words
("patrons"), so two rules about different unnamed things are not paired.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from specdiff import force
from specdiff.force import Place, places_of
from specdiff.lexicon import CONDITION, CONDITION_PHRASE, modal_meaning, numbers, prose, words
from specdiff.model import Clause, Document

# Words that carry no meaning for "same holder, same action": articles, the
# negators that ``sign`` already counts, and "to"/"be" of "is required to be".
_FILLER = {"the", "a", "an", "to", "be", "not", "no", "never", "any", "its", "their", "all"}
# Where an action ends: punctuation, a condition word, or a word that starts a circumstance.
_ACTION_END = re.compile(rf"[,;:.!?()]|{CONDITION.pattern}|\b(?:only|before|after|because|so\s+that)\b", re.IGNORECASE)

# "The array MUST be empty" under one field and "The array SHOULD NOT be empty" under another
# are about two arrays (OpenAPI: 4 of 4 CON001 findings with --all were such pairs).
THINGS = frozenset({"document", "schema", "version", "keyword", "value", "field", "request", "response", "message"})
"""Holders ``force`` names that are things a rule is about ("the value", "the field name"), not agents who comply."""
_LOCAL_SUBJECT = re.compile(r"^\W*(?:the|this|that|these|those|its|their|each|such)\b", re.IGNORECASE)
DEICTIC = re.compile(r"\b(?:this|these|those)\b", re.IGNORECASE)
"""Words that point at the section's subject: "This keyword's value MUST be ..." in one section
and the same words in another are about two different keywords."""


@dataclass(frozen=True)
class Rule:
    """One normative sentence, read for comparison with others."""

    clause: Clause | None
    sentence: str
    holder: str
    action: str
    sign: int
    strength: int
    obliges: bool
    """An obligation or a prohibition (not a permission)."""
    numbers: tuple[str, ...]
    conditions: tuple[str, ...]
    """Each condition as written, from its word to the next comma ("if the body is chunked")."""
    lead_in: str = ""
    """For a list item, the paragraph above its list that it continues ("Servers MUST NOT:")."""
    local: bool = False
    """The subject is a thing the section has just introduced ("the array", "this string", "its
    value"): in another section the same words are about another thing."""

    @property
    def action_without_numbers(self) -> str:
        return " ".join(w for w in self.action.split() if w not in self.numbers)


def read_rules(text: str, place: Place | None = None, clause: Clause | None = None) -> list[Rule]:
    """The rules ``text`` states in its ``place``, one per sentence (its first rule)."""
    found: dict[str, Rule] = {}
    for rule in stated(text, place or Place()):
        if rule.sentence not in found:
            found[rule.sentence] = _compared(rule.sentence, rule.phrase, rule.holder, rule.force, rule.strength, clause)
            if place is not None and place.lead_in:
                found[rule.sentence] = replace(found[rule.sentence], lead_in=place.lead_in)
    return list(found.values())


def stated(text: str, place: Place) -> list[force.Rule]:
    """``force.rules`` as a check that reports a problem should take them: less rules a subordinate
    clause describes ("which governs how the model should prioritize", a fragment "When the assistant
    must pause."), and, in a repository that writes RFC 2119 keywords in capitals, only rules stated
    with a keyword in capitals. (A question, "should the assistant ask first?", ``force`` reads as no rule.)

    ``force`` reads a lower-case "should", a command or a "never" there as a rule with less
    confidence (real specs slip, and the diff would rather grade a slip than miss it); RFC 8174
    says they have their ordinary English meaning, and a check that reports a problem takes the
    document at its word: "a request should be read", or a table cell's "use a string value,
    escaping where necessary" (OpenAPI: 9 of its 41 false VAG001 findings), is no rule there.
    """
    if algorithm_step(text, place):
        return []
    found = [r for r in force.rules(text, place) if not described(r)]
    if not place.capitals:
        return found
    return [r for r in found if _in_capitals(r.phrase)]


def algorithm_step(text: str, place: Place) -> bool:
    """Whether a list item is a step of an algorithm, as IETF drafts write them ("1. Let input be the
    field value.", "2. If input is empty, return failure."): the algorithm is one rule, which its
    lead-in states ("the recipient MUST use the following algorithm:"); a step is not a command of
    its own. Before this, CON001 and DUP001 paired steps of two algorithms in the HTTP extensions drafts.

    >>> lead = "To parse the field, use the following algorithm:"
    >>> [algorithm_step(t, Place("list_item", lead_in=lead)) for t in ("Remove the first character.", "Return input.")]
    [True, True]
    >>> algorithm_step("If input is empty, return failure.", Place("list_item", lead_in="Renewals:"))
    True
    >>> algorithm_step("Return the book to the desk.", Place("list_item", lead_in="To renew:"))
    False
    >>> algorithm_step("Abort this algorithm and keep the card.", Place("list_item", lead_in="Proceed as follows:"))
    True
    >>> algorithm_step("Servers MUST NOT use this algorithm for passwords.", Place("list_item", lead_in="Servers:"))
    False

    A lead-in that names several algorithms ("Servers MUST support the following signature
    algorithms:") introduces a list of them, not the steps of one: its items keep their rules.

    >>> algorithm_step("Servers MUST reject short keys.", Place("list_item", lead_in="Support these algorithms:"))
    False
    """
    if place.kind != "list_item":
        return False
    return bool(_ALGORITHM.search(place.lead_in or "") or _STEP.match(text) or _OWN_ALGORITHM.search(text))


_ALGORITHM = re.compile(r"\balgorithm\b", re.IGNORECASE)
# "Abort this algorithm and ignore the cookie.", "Return to step 1 of this algorithm.": a step that names
# the algorithm it is part of, however deep in the steps it sits (the lead-in above may say only "as
# follows:"). "Servers MUST NOT use this algorithm for passwords." is a rule about it, not a step of it.
_OWN_ALGORITHM = re.compile(r"\b(?:abort|terminate|stop|exit|restart|of|from)\s+this\s+algorithm\b", re.IGNORECASE)
# "Let input be ...", "If ..., return failure", "Otherwise, return ...": the wording of an algorithm's steps.
_STEP = re.compile(
    r"^\W*(?:let\s+[^,.;]{1,40}?\s+be\b|(?:if\b[^,]*,\s*|otherwise,\s*)(?:return|let|set|append|fail|abort)\b)",
    re.IGNORECASE,
)


def described(rule: force.Rule) -> bool:
    """Whether the rule's phrase sits in a subordinate clause that describes rather than lays down:
    after "how", "whether", "why" or "what" ("governs how the model SHOULD prioritize"; ``force`` leaves
    a keyword in lower case there unread already), or in a
    sentence that is all one "when"/"if" clause ("When the assistant must pause for approval."):
    no comma, and the condition's own subject (a determiner, a pronoun or the holder) follows the
    opening word and leads to the phrase. "When in doubt the assistant should ask." has a main
    clause after its condition, unmarked by a comma: it is a rule.

    >>> [described(r) for r in force.rules("The chain of command governs how the assistant SHOULD order requests.")]
    [True]
    >>> [described(r) for r in force.rules("When the assistant must pause for approval.")]
    [True]
    >>> [described(r) for r in force.rules("When asked, the assistant must pause.")]
    [False]
    >>> [described(r) for r in force.rules("When in doubt the assistant should ask the user.")]
    [False]
    >>> [described(r) for r in force.rules("If asked the assistant must refuse.")]
    [False]
    """
    at = phrase_at(rule.sentence, rule.phrase)
    if at < 0:
        return False  # a list item's rule comes from its lead-in
    if _INDIRECT.search(rule.sentence[:at]):
        return True
    opener = _FRAGMENT.match(rule.sentence)
    if opener is None or re.search(r"[,;:]", rule.sentence):
        return False
    first = rule.sentence[opener.end() : at].split()[:1]
    return bool(first) and bool(_SUBJECT.match(first[0]) or (rule.holder and first[0].lower().startswith(rule.holder)))


# "how the model should", "whether a client must": an indirect question reports what someone should do.
_INDIRECT = re.compile(r"\b(?:how|whether|why|what)\s+(?:[\w'-]+\s+){0,4}$", re.IGNORECASE)
_FRAGMENT = re.compile(r"^\W*(?:when|whenever|if|where|while|once|until|unless)\b", re.IGNORECASE)
# The words that open a subject: after one of them straight after "when", the phrase is the condition's own.
_SUBJECT = re.compile(
    r"(?:the|a|an|this|that|these|those|its|their|his|her|each|every|any|some|no|it|they|we|you|he|she|someone)$",
    re.IGNORECASE,
)


def _in_capitals(phrase: str) -> bool:
    """A phrase in capitals: an RFC 2119 keyword ("MUST NOT"), or a scenario's "THEN" (OpenSpec)."""
    first = phrase.split()[0] if phrase.split() else ""
    return len(first) > 1 and first.isupper()


def rules_of(clause: Clause, place: Place) -> list[Rule]:
    """The rules of a clause read in its place (examples, headings and change logs state none)."""
    return read_rules(clause.normalized, place, clause)


def document_places(document: Document, *, capitals: bool) -> dict[Clause, Place]:
    """Every clause's place in ``document`` (its list lead-ins, whether it is commentary ...)."""
    return places_of(document.sections, capitals=capitals)


def phrase_at(text: str, phrase: str) -> int:
    """Where ``phrase`` starts in ``text`` as whole words (-1: nowhere): "may" is not in "mayor"."""
    found = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)
    return found.start() if found else -1


def _compared(sentence: str, phrase: str, holder: str | None, force: str, strength: int, clause: Clause | None) -> Rule:
    clean = prose(sentence)
    at = phrase_at(clean, phrase)
    meaning = modal_meaning(phrase)
    # A command verb ("Include", "Cite") is not a modal; its action starts with it. A rule a list
    # item takes from its lead-in has no phrase of its own in the sentence: the whole item is the action.
    if at < 0:
        before, after = "", clean
    else:
        before, after = clean[:at], clean[at if meaning is None else at + len(phrase) :]
    cut = _ACTION_END.search(after)
    return Rule(
        clause,
        sentence,
        holder=holder or _content(re.split(r"[,;:]", before)[-1]),
        action=_content(after[: cut.start()] if cut else after),
        sign=-1 if force == "prohibition" else 1,
        strength=strength,
        obliges=force != "permission",
        numbers=tuple(n for n in numbers(sentence) if not _NAMED.search(clean, *_around(clean, n))),
        conditions=tuple(sorted({_content(c) for c in CONDITION_PHRASE.findall(clean)})),
        local=bool(_SCENARIO_STEP.match(sentence))
        or ((holder is None or holder in THINGS) and bool(_LOCAL_SUBJECT.search(re.split(r"[,;:]", before)[-1]))),
    )


# "OAuth 2.1", "Draft 2020", "HTTP/1.1": a number that is part of a name, not a quantity
# (the Model Context Protocol's "implement OAuth 2.1" and "implement OAuth 2.0 Protected Resource
# Metadata" were 20 of its 20 CON002 findings).
_NAMED = re.compile(r"\b[A-Z][\w-]*[\s/]+v?\d[\d.]*\b")


def _around(text: str, number: str) -> tuple[int, int]:
    """Where ``number`` first stands in ``text``, with the word before it (for :data:`_NAMED`)."""
    at = text.lower().find(number)
    if at < 0:
        return 0, 0
    start = text.rfind(" ", 0, max(0, at - 1)) + 1
    return start, at + len(number)


def _content(text: str) -> str:
    return " ".join(w for w in words(text) if w not in _FILLER)


class RuleBook:
    """Every rule of the spec at the head side, indexed by holder and action for the consistency checks."""

    def __init__(self, rules: list[Rule], copies: frozenset[frozenset[str]] = frozenset()) -> None:
        self.rules = rules
        self.copies = copies
        """Pairs of files that are copies of one spec (see :func:`copies_among`): their rules are not compared."""
        self.by_action: dict[tuple[str, str], list[Rule]] = {}
        self.by_action_without_numbers: dict[tuple[str, str], list[Rule]] = {}
        for rule in rules:
            if rule.action:
                self.by_action.setdefault((rule.holder, rule.action), []).append(rule)
            if rule.numbers and rule.action_without_numbers:
                self.by_action_without_numbers.setdefault((rule.holder, rule.action_without_numbers), []).append(rule)
        self.folded = [fold(rule.sentence) for rule in rules]
        """Each rule's words in lower case, for the similarity search of the duplicate check."""

    @classmethod
    def of(cls, documents: Iterable[Document], *, capitals: bool) -> RuleBook:
        """The rules of every clause of ``documents`` (``capitals``: the repository's RFC 2119 capitals mode)."""
        documents = list(documents)
        found = []
        for document in documents:
            places = document_places(document, capitals=capitals)
            for clause in document.clauses:
                found += rules_of(clause, places.get(clause, Place(clause.kind)))
        return cls(found, copies_among(documents))

    def apart(self, a: Rule, b: Rule) -> bool:
        """Whether two rules are never compared: they sit in files that are copies of one spec, or one of
        them is about a thing its own section introduced (``Rule.local``) and they sit in different sections."""
        assert a.clause is not None and b.clause is not None
        if frozenset((a.clause.path, b.clause.path)) in self.copies:
            return True
        if _PRONOUN_HOLDER.match(a.holder) or _PRONOUN_HOLDER.match(b.holder):
            # "It SHOULD be 50 or more." after a per-host limit and after a total limit: "it" is what
            # its own clause named (the HTTP cookies draft's one CON002 pair on real text)
            return (a.clause.path, a.clause.index) != (b.clause.path, b.clause.index)
        if not (a.local or b.local):
            return False
        if "table_row" in (a.clause.kind, b.clause.kind):
            return (a.clause.path, a.clause.index) != (b.clause.path, b.clause.index)  # "The value" of each row is its own
        return (a.clause.path, a.clause.section) != (b.clause.path, b.clause.section)


# "THEN the system SHALL NOT delete the file", "AND exit with code 1": a step of a scenario (OpenSpec's
# "#### Scenario:" blocks) holds under that scenario's WHEN, in its own section; two scenarios' steps
# are not compared (the independent labeller's fresh OpenSpec sample: 24 of 24 CON findings were such).
_SCENARIO_STEP = re.compile(r"^\W*(?:GIVEN|WHEN|THEN|AND)\b")
_PRONOUN_HOLDER = re.compile(r"^(?:it|they|this|these|those|that|he|she)$")


LEAD_INS_ALIKE = 90
"""Token-sort ratio (0-100) from which two lead-ins read as one ("Servers MUST NOT:" and "Servers must not:")."""


def under_one_lead_in(a: Rule, b: Rule) -> bool:
    """Whether two rules continue the same lead-in, or neither continues one. An item under "If the
    type is a scalar:" and one under "If it is an object:" are two branches; the same item under two
    different lead-ins is two rules, whatever its words (the Model Context Protocol's approval items,
    GraphQL's validation steps)."""
    if not (a.lead_in or b.lead_in):
        return True
    return fuzz.token_sort_ratio(fold(a.lead_in), fold(b.lead_in)) >= LEAD_INS_ALIKE


def fold(text: str) -> str:
    """Lower-case words only: what the duplicate check compares."""
    return " ".join(words(text))


COPY_SHARE = 0.5
"""Share of the smaller file's clauses found word for word in the other above which two files are
copies of one spec: OpenAPI keeps every release in ``versions/3.0.0.md``, ``3.0.1.md`` ...;
before this, 1,628 of its 1,938 findings with ``--all`` paired a rule with itself in another release."""


MIN_SECTIONS = 5
"""Sections each file needs before shared section ids make two files copies: releases are reworded
clause by clause (OpenAPI 3.0 and 3.1 share few clauses word for word) but keep their sections."""


def copies_among(documents: Iterable[Document]) -> frozenset[frozenset[str]]:
    """The pairs of files that belong to two releases named in their paths (:func:`release_of`), or that
    share most of their clauses or of their sections: releases or drafts of one spec, side by side.

    >>> from specdiff.parse import parse_document
    >>> one = parse_document("Clients must retry.\\n\\nServers must log.\\n", "v1.md")
    >>> two = parse_document("Clients must retry.\\n\\nServers must log.\\n\\nServers may cache.\\n", "v2.md")
    >>> other = parse_document("Clients must retry.\\n\\nHosts must wait.\\n\\nHosts may stop.\\n", "o.md")
    >>> sorted(sorted(pair) for pair in copies_among([one, two, other]))
    [['v1.md', 'v2.md']]
    """
    documents = list(documents)
    releases = {d.path: release_of(d.path) for d in documents}
    prints = {d.path: {c.fingerprint for c in d.clauses if c.normalized.strip()} for d in documents}
    headings = {d.path: {s.id for s in d.sections if s.heading} for d in documents}
    paths = sorted(p for p, found in prints.items() if found)
    pairs = set()
    for i, a in enumerate(paths):
        for b in paths[i + 1 :]:
            if (
                _two_releases(releases[a], releases[b])
                or _shared(prints[a], prints[b]) > COPY_SHARE
                or (min(len(headings[a]), len(headings[b])) >= MIN_SECTIONS and _shared(headings[a], headings[b]) > COPY_SHARE)
            ):
                pairs.add(frozenset((a, b)))
    return frozenset(pairs)


_RELEASE = re.compile(
    r"^(?:v?\d+(?:\.\d+)+(?:-[a-z]+[.\d]*)?|\d{4}-\d{2}-\d{2}|draft-[\w-]+?-\d{2}|draft|unreleased)$", re.IGNORECASE
)
"""A release's name: a version, with a pre-release after a hyphen (SLSA's ``v1.0-rc1``), a date, a draft."""


def release_of(path: str) -> tuple[str, str] | None:
    """The folder and release a file belongs to when a segment of its path names a release
    (``versions/3.1.0.md``: ``("versions", "3.1.0")``; ``spec/2025-03-26/basic/x.md``: ``("spec", "2025-03-26")``).

    Two files of two releases of one spec sit side by side in such repositories (the Model Context
    Protocol keeps each dated release in its own folder); their rules are not compared.

    >>> release_of("versions/3.1.0.md"), release_of("docs/spec/2025-03-26/basic/x.md"), release_of("spec/x.md")
    (('versions', '3.1.0'), ('docs/spec', '2025-03-26'), None)
    >>> release_of("docs/spec/v1.0-rc1/levels.md"), release_of("docs/spec/v1.1/levels.md")
    (('docs/spec', 'v1.0-rc1'), ('docs/spec', 'v1.1'))
    """
    parts = path.split("/")
    for i, part in enumerate(parts):
        name = part.rsplit(".", 1)[0] if i == len(parts) - 1 else part  # a file is named without its extension
        if _RELEASE.match(name):
            return "/".join(parts[:i]), name
    return None


def _two_releases(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    return a is not None and b is not None and a[0] == b[0] and a[1] != b[1]


def _shared(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0
