"""The impact panel: each output an amendment reaches, its kind, why, and whether it is stale."""

from __future__ import annotations

from pilot_helpers import reviewing, run, shown

from specdiff.tui.impact_panel import ImpactPanel


def test_outputs_and_eval_cases_with_the_chain_that_reaches_them(sample_app):
    async def scenario():
        app = sample_app()
        app.diff.stale = ["artifact:generated/policy.py"]
        async with reviewing(app, size=(120, 40)) as review:
            panel = review.app.screen.query_one(ImpactPanel)
            assert panel.border_title == "Reaches 3 outputs, 2 evals" and panel.border_subtitle == "s: stamp them"
            text = shown(panel.query_one("#impact-text"))
            assert "artifact generated/policy.py  stale since stamped" in text, "as specdiff.lock says"
            assert "artifact docs/assistant-guide.md\n" in text
            assert "generated/policy.py → spec/behavior.md#account_access" in text and "(specdiff marker" in text
            assert "eval     evals/suite.jsonl#verify-before-renew" in text
            await review.press("N")
            assert panel.border_title == "Reaches 1 output, 0 evals"
            assert "specs/001-hold-pickup-reminders/tasks.md" in shown(panel.query_one("#impact-text"))
            assert "mentions FR-001" in shown(panel.query_one("#impact-text"))

    run(scenario())
