"""The "Lint" section of the pull-request comment (``specdiff comment --lint``).

A short table of what ``specdiff lint`` found on the change, most serious first,
cut at :data:`MAX_ROWS`. Spec text goes through the table-cell escaping of ``render.escaping``,
so a finding cannot inject HTML or mention anyone.
"""

from __future__ import annotations

from specdiff.lint.base import LINT_SEVERITIES
from specdiff.lint.registry import CHECKS
from specdiff.lint.run import LintResult
from specdiff.render.escaping import cell

MAX_ROWS = 30
"""Findings listed; more would bury the amendments the comment is about."""

_ICON = {"error": "🔴", "warning": "🟡", "info": "⚪"}


def lint_section(result: LintResult) -> str:
    if not result.findings:
        return f"### Lint: no findings\n\nNo check fired on the {result.clauses} changed clauses.\n"
    ranked = sorted(result.findings, key=lambda f: (-LINT_SEVERITIES.index(CHECKS[f.check].severity), f.path, f.lines))
    rows = ["| | check | where | finding |", "|---|---|---|---|"]
    for f in ranked[:MAX_ROWS]:
        check = CHECKS[f.check]
        where = cell(f"{f.path}:{f.lines[0]}")
        message = cell(f.message)
        rows.append(f"| {_ICON[check.severity]} | {check.id} {check.name} | <code>{where}</code> | {message} |")
    more = f"\n\n…and {len(ranked) - MAX_ROWS} more (`specdiff lint` lists them all)." if len(ranked) > MAX_ROWS else ""
    count = f"{len(ranked)} finding{'s' if len(ranked) != 1 else ''}"
    return f"### Lint: {count}\n\n" + "\n".join(rows) + more + "\n"
