"""``specdiff evals draft``: draft cases in each layout, offline and from a fake model; they parse back and raise coverage."""

from __future__ import annotations

import doctest
import json
import subprocess

import pytest
from fake_servers import FakeServer, Reply, chat_completion
from helpers import assert_usage_error

from specdiff.evals import draft as draft_module
from specdiff.evals import draft_model
from specdiff.scan import kiro

KEY = "sk-test-draft-key"

OPENSPEC_V1 = """\
# Sessions

### Requirement: Session timeout
The system SHALL end idle sessions after 30 minutes.

#### Scenario: Idle session
- **WHEN** a session is idle for 30 minutes
- **THEN** the user is signed out
"""

OPENSPEC_V2 = OPENSPEC_V1 + """
### Requirement: Sign-in audit
The system SHALL record every sign-in with its time and address.
"""

MODEL_SPEC_V1 = """\
# Assistant

## Be honest {#honest}

The assistant should say when it is unsure[^ab12].

[^ab12]: examples/ab12.md
"""

MODEL_SPEC_V2 = MODEL_SPEC_V1.replace(
    "[^ab12]: examples", "The assistant must not guess a patron's age.\n\n[^ab12]: examples"
)

EXAMPLES = "Examples for [^ab12] in Be honest:\n\n**Example**: unsure\n"

JSONL_V1 = """\
# Branch desk

## Renewals {#renewals}

A patron may renew an item twice.

## Fines {#fines}

Fines must stop at five pounds.
"""

JSONL_V2 = JSONL_V1.replace("may renew an item twice", "must not renew an item more than twice").replace(
    "five pounds", "ten pounds"
)

SUITE = '{"id": "renew-1", "spec": "desk.md#renewals", "input": "Renew?", "ideal": "Yes", "grader": "exact"}\n'


def uncovered(specdiff_json, repo):
    """The text of every normative clause no eval reaches, as `specdiff coverage` counts them."""
    return {c["text"] for s in specdiff_json("coverage", "-C", repo.path)["sections"] for c in s["uncovered"]}


def draft(specdiff, repo, *more):
    run = specdiff("evals", "draft", "-C", repo.path, "HEAD~1", "HEAD", *more)
    assert run.code == 0, run.err
    return run


def accept(repo, patch):
    """What a person does with the drafts: apply the patch and commit."""
    subprocess.run(["git", "-C", str(repo.path), "apply", "-"], input=patch, text=True, check=True, capture_output=True)
    repo.commit("accept drafts")


def test_openspec_draft_is_a_scenario_under_the_requirement(spec_repo, specdiff, specdiff_json):
    spec_repo.commit("v1", {"specs/auth/spec.md": OPENSPEC_V1})
    spec_repo.commit("v2", {"specs/auth/spec.md": OPENSPEC_V2})
    rule = "The system SHALL record every sign-in with its time and address."
    assert rule in uncovered(specdiff_json, spec_repo)
    run = draft(specdiff, spec_repo)
    assert "1 draft, 0 by a model, 1 skeleton" in run.err
    assert "+#### Scenario: TODO: name this case (adds a rule) (draft-" in run.out
    assert "+- **WHEN** TODO: a user message that puts this rule to work: The system SHALL record every sign-in" in run.out
    accept(spec_repo, run.out)
    assert rule not in uncovered(specdiff_json, spec_repo), "the new requirement is now reached by its draft scenarios"
    graph = specdiff_json("graph", "-C", spec_repo.path)
    scenarios = [n["id"] for n in graph["nodes"] if n["id"].startswith("eval:specs/auth/spec.md#scenario-todo")]
    assert len(scenarios) == 2, f"the case and its edge case parse back as OpenSpec scenarios: {scenarios}"


def test_model_spec_draft_is_an_examples_file_and_a_footnote(spec_repo, specdiff, specdiff_json):
    spec_repo.commit("v1", {"spec.md": MODEL_SPEC_V1, "examples/ab12.md": EXAMPLES})
    spec_repo.commit("v2", {"spec.md": MODEL_SPEC_V2})
    rule = "The assistant must not guess a patron's age."
    assert rule in uncovered(specdiff_json, spec_repo)
    run = draft(specdiff, spec_repo)
    assert "+The assistant must not guess a patron's age[^" in run.out, "the footnote ties the examples to the clause"
    assert "new file mode 100644" in run.out and "+**Good response**:" in run.out and "+**Bad response**:" in run.out
    accept(spec_repo, run.out)
    assert not any(t.startswith("The assistant must not guess") for t in uncovered(specdiff_json, spec_repo))
    impact = specdiff("impact", "-C", spec_repo.path, "HEAD~1", "HEAD", "--evals")
    assert [line for line in impact.out.splitlines() if line.startswith("examples/") and "ab12" not in line], impact.out


def test_jsonl_draft_has_the_suites_fields(spec_repo, specdiff, specdiff_json):
    spec_repo.commit("v1", {"desk.md": JSONL_V1, "evals/suite.jsonl": SUITE})
    spec_repo.commit("v2", {"desk.md": JSONL_V2})
    assert "Fines must stop at ten pounds." in uncovered(specdiff_json, spec_repo)
    run = draft(specdiff, spec_repo)
    added = [json.loads(line[1:]) for line in run.out.splitlines() if line.startswith("+{")]
    assert [list(r) for r in added] == [["id", "spec", "input", "ideal", "grader"]] * len(added), "the suite's own fields"
    assert {r["spec"] for r in added} == {"desk.md#renewals", "desk.md#fines"}
    assert sum(r["id"].endswith("-edge") for r in added) == len(added) // 2, "each draft has an edge case"
    accept(spec_repo, run.out)
    assert "Fines must stop at ten pounds." not in uncovered(specdiff_json, spec_repo), "the fines rule is now covered"


def test_a_rule_added_inside_tags_is_drafted(spec_repo, specdiff):
    """An MDX page wraps a new rule in "<Note>" lines; the tags join the rule's amendment, and the
    draft is still for the rule, not for the tag that now comes first."""
    spec_repo.commit("v1", {"desk.md": JSONL_V1, "evals/suite.jsonl": SUITE})
    spec_repo.commit("v2", {"desk.md": JSONL_V1 + "\n<Note>\n\nFines must be paid in coins.\n\n</Note>\n"})
    run = draft(specdiff, spec_repo)
    added = [json.loads(line[1:]) for line in run.out.splitlines() if line.startswith("+{")]
    assert {r["spec"] for r in added} == {"desk.md#fines"}, run.out
    assert added[0]["input"] == "TODO: a user message that puts this rule to work: Fines must be paid in coins.", added


def test_stage_writes_files_and_never_overwrites(spec_repo, specdiff, tmp_path):
    spec_repo.commit("v1", {"desk.md": JSONL_V1, "evals/suite.jsonl": SUITE})
    spec_repo.commit("v2", {"desk.md": JSONL_V2})
    stage = tmp_path / "stage"
    run = draft(specdiff, spec_repo, "--stage", stage)
    assert run.out == ""
    staged = (stage / "evals/suite.jsonl").read_text()
    assert staged.startswith(SUITE) and staged.count("\n") == 5, "the suite with two drafts of two cases each"
    assert (spec_repo.path / "evals/suite.jsonl").read_text() == SUITE, "the repository is untouched"
    again = specdiff("evals", "draft", "-C", spec_repo.path, "HEAD~1", "HEAD", "--stage", stage)
    assert_usage_error(again, "exists already")
    assert (stage / "evals/suite.jsonl").read_text() == staged


def test_nothing_to_draft_prints_an_empty_patch(spec_repo, specdiff):
    spec_repo.commit("v1", {"desk.md": JSONL_V1, "evals/suite.jsonl": SUITE})
    spec_repo.commit("v2", {"desk.md": JSONL_V1.replace("Fines must", "Fines  must")})
    run = draft(specdiff, spec_repo)
    assert run.out == "" and "0 drafts" in run.err


KIRO_V1 = """\
# Requirements Document

## Requirements

### Requirement 1

**User Story:** As a patron, I want to renew loans, so that I keep books longer.

#### Acceptance Criteria

1. WHEN a patron renews a loan THEN the system SHALL extend it by two weeks
2. WHEN a loan was renewed twice THEN the system SHOULD refuse another renewal
"""

KIRO_V2 = KIRO_V1.replace("SHOULD refuse", "SHALL refuse") + "3. IF an item has a hold THEN the system SHALL refuse to renew it\n"

KIRO_TASKS = "# Implementation Plan\n\n- [x] 1. Build the renewal endpoint\n  - _Requirements: 1.1, 1.2_\n"


def test_kiro_draft_is_a_test_task_naming_the_acceptance_criterion(spec_repo, specdiff, specdiff_json):
    folder = ".kiro/specs/renewals"
    spec_repo.commit("v1", {f"{folder}/requirements.md": KIRO_V1, f"{folder}/tasks.md": KIRO_TASKS})
    spec_repo.commit("v2", {f"{folder}/requirements.md": KIRO_V2})
    strengthened = "WHEN a loan was renewed twice THEN the system SHALL refuse another renewal"
    added = "IF an item has a hold THEN the system SHALL refuse to renew it"
    assert {strengthened, added} <= uncovered(specdiff_json, spec_repo), "the build task is not a test"
    run = draft(specdiff, spec_repo)
    assert "2 drafts, 0 by a model, 2 skeletons" in run.err
    added_lines = [line[1:] for line in run.out.splitlines() if line.startswith("+") and not line.startswith("+++")]
    tasks = [line for line in added_lines if line.startswith("- [ ]*")]
    assert [t.split(" (draft-")[0] for t in tasks] == [
        "- [ ]* 2. Test TODO: name this case (strengthens a rule)",
        "- [ ]* 3. Test TODO: name this case (adds a rule)",
    ], "numbered after the last task"
    assert [line.strip() for line in added_lines if "_Requirements" in line] == ["- _Requirements: 1.2_", "- _Requirements: 1.3_"]
    assert any(line.startswith("  - WHEN TODO:") and " THEN TODO:" in line for line in added_lines)
    assert any(line.startswith("  - Edge case: WHEN TODO:") for line in added_lines)
    assert "puts this rule to work: IF an item has a hold THEN the system SHALL" in run.out, "quoted without its number"
    accept(spec_repo, run.out)
    assert not {strengthened, added} & uncovered(specdiff_json, spec_repo), "the drafted test tasks reach both criteria"
    graph = specdiff_json("graph", "-C", spec_repo.path)
    evals = sorted(n["id"] for n in graph["nodes"] if n["id"].startswith("eval:"))
    assert evals == [f"eval:{folder}/tasks.md#task-2", f"eval:{folder}/tasks.md#task-3"], "they parse back as Kiro test tasks"


def test_kiro_draft_starts_a_tasks_file_when_there_is_none(spec_repo, specdiff, specdiff_json):
    folder = ".kiro/specs/renewals"
    spec_repo.commit("v1", {f"{folder}/requirements.md": KIRO_V1})
    spec_repo.commit("v2", {f"{folder}/requirements.md": KIRO_V2})
    run = draft(specdiff, spec_repo)
    assert f"new file mode 100644\n--- /dev/null\n+++ b/{folder}/tasks.md\n" in run.out
    assert "+# Implementation Plan\n+\n+- [ ]* 1. Test" in run.out
    accept(spec_repo, run.out)
    assert "IF an item has a hold THEN the system SHALL refuse to renew it" not in uncovered(specdiff_json, spec_repo)


def test_a_file_without_a_last_newline_still_takes_the_patch(spec_repo, specdiff):
    folder = ".kiro/specs/renewals"
    spec_repo.commit("v1", {f"{folder}/requirements.md": KIRO_V1, f"{folder}/tasks.md": KIRO_TASKS.rstrip("\n")})
    spec_repo.commit("v2", {f"{folder}/requirements.md": KIRO_V2})
    run = draft(specdiff, spec_repo)
    assert "\\ No newline at end of file" in run.out
    accept(spec_repo, run.out)
    assert (spec_repo.path / folder / "tasks.md").read_text().startswith(KIRO_TASKS), "the last line is kept, now ended"


def test_kiro_rule_outside_every_requirement_goes_to_the_jsonl_suite(spec_repo, specdiff):
    folder = ".kiro/specs/renewals"
    intro = KIRO_V1.replace("## Requirements\n", "## Introduction\n\nStaff SHALL log every renewal.\n\n## Requirements\n")
    spec_repo.commit("v1", {f"{folder}/requirements.md": KIRO_V1, f"{folder}/tasks.md": KIRO_TASKS})
    spec_repo.commit("v2", {f"{folder}/requirements.md": intro})
    run = draft(specdiff, spec_repo)
    assert "1 draft," in run.err and f"+++ b/{folder}/tasks.md" not in run.out, "no requirement to name in a task"
    assert '"spec": ".kiro/specs/renewals/requirements.md#introduction"' in run.out


GOOD = {
    "title": "Renewal limit",
    "prompt": "Can I renew this book a third time?",
    "expected": "Explains that two renewals is the limit.",
    "bad_answer": "Sure, renewed again.",
    "edge_prompt": "I renewed it twice already; one more?",
    "edge_expected": "Declines the third renewal.",
}


@pytest.fixture
def model_repo(spec_repo, monkeypatch):
    spec_repo.commit("v1", {"desk.md": JSONL_V1, "evals/suite.jsonl": SUITE})
    spec_repo.commit("v2", {"desk.md": JSONL_V2})
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    return spec_repo


def configure(repo, server, **settings):
    lines = [f'base_url = "{server.url}/v1"', 'model = "test-model"'] + [f"{k} = {json.dumps(v)}" for k, v in settings.items()]
    repo.write("specdiff.toml", "[llm]\n" + "\n".join(lines) + "\n")


def test_model_writes_the_drafts_and_answers_are_cached(model_repo, specdiff):
    with FakeServer(lambda r: Reply(200, chat_completion(json.dumps(GOOD)))) as server:
        configure(model_repo, server)
        run = draft(specdiff, model_repo)
        asked = len(server.requests)
        again = draft(specdiff, model_repo)
    assert asked == 2 and len(server.requests) == 2, "one request per clause, and none on the second run"
    assert again.out == run.out
    assert "2 by a model, 0 skeletons" in run.err and KEY not in run.err + run.out
    added = [json.loads(line[1:]) for line in run.out.splitlines() if line.startswith("+{")]
    assert {r["input"] for r in added} == {GOOD["prompt"], GOOD["edge_prompt"]}
    user = json.loads(server.requests[0].body["messages"][1]["content"])
    assert "must not renew" in user["clause"] or "ten pounds" in user["clause"], "the clause is in the prompt"
    accept(model_repo, run.out)


@pytest.mark.parametrize(
    ("answer", "settings", "reason"),
    [
        (lambda r: Reply(200, chat_completion("not JSON at all")), {}, "not JSON"),
        (lambda r: Reply(200, chat_completion('{"title": "only a title"}')), {}, "had no 'prompt'"),
        (lambda r: Reply(200, chat_completion(json.dumps(GOOD)), delay=2.0), {"timeout": 0.3, "retries": 0}, "in time"),
    ],
    ids=["malformed", "wrong-shape", "timeout"],
)
def test_model_failures_fall_back_to_skeletons(model_repo, specdiff, answer, settings, reason):
    with FakeServer(answer) as server:
        configure(model_repo, server, **settings)
        run = draft(specdiff, model_repo)
    warnings = [line for line in run.err.splitlines() if "warning" in line]
    assert len(warnings) == 1 and reason in warnings[0], run.err
    assert "0 by a model, 2 skeletons" in run.err
    assert "+{" in run.out and "TODO" in run.out, "the skeletons are still drafted"
    cache = model_repo.path / ".git" / "specdiff" / "llm"
    assert not cache.exists() or not any(cache.iterdir()), "a failed answer is not cached"


def test_offline_flag_sends_nothing(model_repo, specdiff):
    with FakeServer(lambda r: Reply(200, chat_completion(json.dumps(GOOD)))) as server:
        configure(model_repo, server)
        run = draft(specdiff, model_repo, "--offline")
    assert server.requests == [] and "0 by a model" in run.err


@pytest.mark.parametrize("module", [draft_module, draft_model, kiro])
def test_docstring_examples(module):
    failures, tried = doctest.testmod(module)
    assert tried > 0 and failures == 0
