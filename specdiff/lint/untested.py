"""Untested rules: a rule the change added or strengthened that no eval case reaches.

Reads the impact the diff already computed (``graph.SpecGraph.impact``) and,
with ``--all``, ``SpecGraph.coverage``. A repository whose eval cases reach
less than a tenth of its rules (none at all, or tests of something else) gets no
findings: the check is about rules left out of a suite that exists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from specdiff import force
from specdiff.graph import CoverageRow
from specdiff.layouts import is_archived
from specdiff.lexicon import sentences
from specdiff.lint.base import Check, ClauseView, Finding, finding
from specdiff.lint.rules import THINGS, stated
from specdiff.model import Amendment, Clause
from specdiff.strengthening import strengthens

CHECKS = (
    Check(
        "TST001",
        "untested-rule",
        "warning",
        "A rule was added or strengthened, and no eval case reaches it.",
        "(a new clause) The assistant must read back the due date after every renewal. (no eval names its section)",
        '(the same clause, and an eval case) {"id": "renewal-read-back", "spec": "spec/behavior.md#renewals"}',
    ),
)


SUITE_SHARE = 0.1
"""The share of the spec's rules the eval cases must reach for the spec to count as one that tests
its rules. On the repositories measured the share is 0.67 (the Model Spec), 0.96 (OpenSpec, whose
scenarios are its eval cases) and 0.66 (the sample), against 0.003 for spec-kit, whose four test
files of its command line mention four requirement ids of a template (4 of 1,415 rules): there
TST001 fell on 154 clauses in 1,000 (user guides, agent prompts), all wrong by the independent labels."""


def evals_reach_enough_rules(coverage: Iterable[CoverageRow]) -> bool:
    """Whether the eval cases reach at least ``SUITE_SHARE`` of the spec's rules (``SpecGraph.coverage``).

    Where they do, a rule no eval reaches is a gap in a suite that exists; where they reach almost
    none, the repository's tests are about something else, and "untested" would be said of every rule.

    >>> from specdiff.graph import CoverageRow
    >>> evals_reach_enough_rules([CoverageRow("a.md", "s", "S", 20, ("c1",) * 18)])
    True
    >>> evals_reach_enough_rules([CoverageRow("a.md", "s", "S", 100, ("c1",) * 99)])
    False
    """
    covered, rules = _reach(coverage)
    return rules > 0 and covered >= SUITE_SHARE * rules


def held_back(coverage: Iterable[CoverageRow]) -> str:
    """The warning that TST001 reported no untested rule because the eval cases reach less than
    ``SUITE_SHARE`` of the spec's rules: without it a suite that is just starting hears nothing, and
    cannot tell a spec with no gaps from one whose gaps are not told.

    >>> from specdiff.graph import CoverageRow
    >>> held_back([CoverageRow("a.md", "s", "S", 100, ("c1",) * 91)])
    'TST001 held back: the evals reach 9 of 100 rules, under 10% (`specdiff coverage`)'
    """
    covered, rules = _reach(coverage)
    return f"TST001 held back: the evals reach {covered} of {rules} rules, under {SUITE_SHARE:.0%} (`specdiff coverage`)"


def _reach(coverage: Iterable[CoverageRow]) -> tuple[int, int]:
    """How many of the spec's rules the eval cases reach, and how many rules there are."""
    rows = list(coverage)
    return sum(row.covered for row in rows), sum(row.normative for row in rows)


def strengthened_without_eval(amendment: Amendment) -> bool:
    """Whether the amendment adds or strengthens a rule (``strengthening.strengthens``) and reaches no eval case."""
    return strengthens(amendment) and not any(i.kind == "eval" for i in amendment.impact)


def untested(clause: Clause, *, changed: bool = True) -> Finding:
    """The finding; on a change it names the command that drafts the missing eval case for the same revisions."""
    if changed:
        return finding(
            "TST001", clause, "rule added or strengthened, but no eval case reaches it: `specdiff evals draft` drafts one"
        )
    return finding("TST001", clause, "rule, but no eval case reaches it")


def obliges(view: ClauseView) -> bool:
    """Whether the clause states an obligation or a prohibition as lint reads rules (``rules.stated``):
    not a question, a permission, a hedge or a description of what others do.

    An eval tests what someone does, so the rule must bind an agent ``force`` names (the assistant, a
    client) or be a command. ``specdiff coverage`` counts every clause with a rule word; on the Model
    Spec 9 of the first 29 untested findings were questions, descriptions of developers and users, or
    an example's title, and aims such as "People should have easy access to trustworthy information"
    bind no one an eval can test. A file in an archive folder (``layouts.is_archived``: OpenSpec's
    ``openspec/changes/archive/``, the changes already applied) records what was decided; its rules in
    force live elsewhere.
    """
    text = view.clause.normalized
    if _DEFINITION.match(text) or is_archived(view.clause.path):
        return False
    return any(
        r.strength >= 2
        and not _untestable(r)
        and (_binds_an_agent(r) or (_commands(r) and not _authors_lead_in(view)) or _lead_in_binds(r, view))
        for r in stated(text, view.place)
    )


def _untestable(rule: force.Rule) -> bool:
    """A rule no one case can show kept or broken: one that holds only "sometimes" ("so an effective
    assistant must sometimes act autonomously": which times?), or a "can always" / "can never", which
    says what is possible ("Users can always access a transparent experience"), not what anyone must do.
    The "can" must stand before this rule's own words: in "The assistant never reads out fines, though
    patrons can always ask for a receipt" the assistant's rule is testable."""
    if _SOMETIMES.match(rule.action):
        return True
    if rule.phrase.lower() not in ("always", "never") or not rule.action.split():
        return False
    own_words = rf"\b(?:can|could|cannot)\s+{re.escape(rule.phrase)}\s+{re.escape(rule.action.split()[0])}"
    return bool(re.search(own_words, rule.sentence, re.IGNORECASE))


def _authors_lead_in(view: ClauseView) -> bool:
    """A list item that continues a lead-in in the first person plural ("To realize this vision, we
    need to:", "We commit to:"): its verb is the spec's authors' undertaking, not a command to an
    agent an eval could watch (the Model Spec's overview lists the company's goals so). "We" must be in
    it: "When one of our patrons asks for a room:" is a condition, and its items command the agent."""
    lead_in = view.place.lead_in
    return bool(lead_in) and bool(_FIRST_PERSON.search((sentences(lead_in or "") or [""])[-1]))


def _binds_an_agent(rule: force.Rule) -> bool:
    return rule.holder is not None and rule.holder not in THINGS


def _commands(rule: force.Rule) -> bool:
    """A command ("Cite the source."): the sentence opens with its rule's phrase. A list item under
    "The assistant should:" gets its holder from ``force`` (the lead-in's rule), and one under
    "A well-crafted scope should:" none an eval can watch (5 of the independent labeller's 15 wrong
    TST001 findings on the Model Spec); a pronoun or a bare command in the lead-in is
    :func:`_lead_in_binds`'s case."""
    return rule.sentence.lstrip(" *_-").lower().startswith(rule.phrase.lower())


def _lead_in_binds(rule: force.Rule, view: ClauseView) -> bool:
    """A list item under a lead-in whose subject is a pronoun for the agent ("It must not pursue any
    goals, including:"), or a command ("Never:"), where ``force`` names no holder."""
    if rule.phrase in rule.sentence or not view.place.lead_in:
        return False
    return bool(_AGENT_PRONOUN.match((sentences(view.place.lead_in) or [""])[-1]))


_SOMETIMES = re.compile(r"^(?:sometimes|occasionally|at\s+times)\b")
_FIRST_PERSON = re.compile(r"\bwe\b", re.IGNORECASE)
_AGENT_PRONOUN = re.compile(r"^\W*(?:it|they|you|he|she)\b|^\W*(?:do\s+not|don't|never|always)\b", re.IGNORECASE)
# "Tool: a program that can be called by the assistant ...": an entry of a definitions list; not
# "Before any tool call: the assistant must confirm the action.", a condition before its rule.
_DEFINITION = re.compile(
    r"^\W*(?!(?:if|when|before|after|where|unless|otherwise)\b)[A-Z][\w' -]{0,40}:\s+(?:a|an|the)\s", re.IGNORECASE
)
