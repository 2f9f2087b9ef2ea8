"""Untested rules: a rule the change added or strengthened that no eval case reaches.

Reads the impact the diff already computed (``graph.SpecGraph.impact``) and,
with ``--all``, ``SpecGraph.coverage``. A repository with no eval suites at all
gets no findings: the check is about rules left out of a suite that exists.
"""

from __future__ import annotations

from specdiff.lint.base import Check, Finding, finding
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


def strengthened_without_eval(amendment: Amendment) -> bool:
    """Whether the amendment adds or strengthens a rule (``strengthening.strengthens``) and reaches no eval case."""
    return strengthens(amendment) and not any(i.kind == "eval" for i in amendment.impact)


def untested(clause: Clause, *, changed: bool = True) -> Finding:
    what = "rule added or strengthened" if changed else "rule"
    return finding("TST001", clause, f"{what}, but no eval case reaches it")
