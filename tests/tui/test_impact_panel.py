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
            flat = " ".join(text.split())  # as wrapped at any width
            assert "artifact docs/assistant-guide.md → #account_access: links to it" in flat
            assert "→ #account_access: specdiff marker, generated/policy.py:8" in flat, "its own link, in a few words"
            assert "eval     evals/suite.jsonl#verify-before-renew" in text
            await review.press("N")
            assert panel.border_title == "Reaches 1 output, 0 evals"
            assert "specs/001-hold-pickup-reminders/tasks.md" in shown(panel.query_one("#impact-text"))
            assert "mentions FR-001" in shown(panel.query_one("#impact-text"))

    run(scenario())


def test_evals_reached_the_same_way_share_one_chain(spec_repo):
    """Three eval files cite one clause; that clause links to the one that changed: one chain, written once."""
    spec = "# Rules\n\n## Tone {#tone}\n\nBe {word}.\n\n## Replies {#replies}\n\nAnswer as [tone](#tone) says.[^a][^b][^c]\n\n"
    notes = "[^a]: see a.\n[^b]: see b.\n[^c]: see c.\n"
    files = {f"examples/{name}.md": f"Example {name}: a polite answer.\n" for name in "abc"}
    spec_repo.commit("one", {"spec.md": spec.replace("{word}", "kind") + notes, **files})
    spec_repo.commit("two", {"spec.md": spec.replace("{word}", "kind and brief") + notes})
    from specdiff.diff import DiffRequest, diff_revisions
    from specdiff.tui.app import ReviewApp

    diff = diff_revisions(DiffRequest(spec_repo.path, ("HEAD~1", "HEAD")))
    impact = diff.amendments[0].impact
    chains = {tuple(i.why[1:]) for i in impact if i.kind == "eval"}

    async def scenario():
        async with reviewing(ReviewApp(diff, spec_repo.path), size=(120, 40)) as review:
            text = shown(review.app.screen.query_one(ImpactPanel).query_one("#impact-text"))
            for chain in chains:
                for link in chain:
                    assert text.count(link) == 1, f"{link!r} is written once for the evals that share it"
            assert text.count("via ") == len({tuple(i.why[1:]) for i in impact if i.why[1:]}) == 1
            assert text.count("eval ") == 3

    run(scenario())
