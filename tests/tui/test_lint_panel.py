"""The lint findings of each amendment, shown next to it in the review app (through Textual's pilot)."""

from __future__ import annotations

from pilot_helpers import reviewing, run, shown

from specdiff.diff import DiffRequest
from specdiff.tui.app import make_app
from specdiff.tui.lint_panel import LintPanel

DESK = """\
# Help desk

## Holds {#holds}

The assistant should tell the patron when a hold is ready.

## Renewals {#renewals}

Patrons may renew a book 3 times.
"""


def test_a_finding_shows_next_to_its_amendment_and_the_panel_hides_for_a_clean_one(spec_repo):
    config = 'specs = ["spec/*.md"]\n[lint]\nselect = ["VAG001"]\n'  # off by default
    spec_repo.commit("v1", {"specdiff.toml": config, "spec/desk.md": DESK})
    changed = DESK.replace("hold is ready.", "hold is ready, in a timely manner.").replace("3 times", "4 times")
    spec_repo.commit("v2", {"spec/desk.md": changed})

    async def scenario():
        async with reviewing(make_app(DiffRequest(spec_repo.path, ("HEAD~1", "HEAD"))), size=(120, 40)) as review:
            panel = review.app.screen.query_one(LintPanel)
            seen = {}
            for _ in range(2):
                heading = review.current.amendment.new[0].heading
                seen[heading] = shown(panel) if panel.display else None
                await review.press("j")
            assert seen["Renewals"] is None, "no finding: the panel is hidden"
            assert "VAG001 vague-qualifier" in seen["Holds"] and "in a timely manner" in seen["Holds"], seen
            assert panel.border_title in ("", "Lint: 1 finding")

    run(scenario())
