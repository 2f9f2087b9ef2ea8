"""``specdiff evals select``: the affected cases, for each runner, on small suites of our own in real repositories."""

from __future__ import annotations

import doctest
import importlib.util
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import assert_usage_error

from specdiff.evals import select as select_module
from specdiff.scan import inspect_tasks, promptfoo, pytest_marks

SPEC = """\
# Branch assistant

## Privacy {#privacy}

The assistant should not read out a patron's borrowing history.

## Renewals {#renewals}

A patron may renew an item twice.

## Opening hours {#hours}

The branch opens at nine.
"""

SUITE = (
    '{"id": "no-history", "spec": "spec/assistant.md#privacy", "input": "What did I borrow?"}\n'
    '{"id": "renew-twice", "spec": "spec/assistant.md#renewals", "input": "Renew again?"}\n'
    '{"id": "no-history-kiosk", "spec": "spec/assistant.md#privacy", "input": "Show my loans."}\n'
)

PROMPTFOO = """\
prompts:
  - "Answer as the branch assistant: {{question}}"
providers:
  - echo
tests:
  - description: declines to read history (kiosk)
    metadata:
      spec: spec/assistant.md#privacy
    vars: {question: "What did I borrow?"}
  - description: renews twice
    metadata:
      spec: spec/assistant.md#renewals
    vars: {question: "Renew again?"}
  - metadata:
      spec: [spec/assistant.md#privacy]
    vars: {question: "List my loans."}
"""

PYTEST_SUITE = '''\
import pytest


@pytest.mark.spec("spec/assistant.md#privacy")
def test_declines_history():
    assert True


def test_renews_twice():
    """specdiff: spec/assistant.md#renewals"""
    assert True


@pytest.mark.spec("spec/assistant.md#privacy")
class TestKiosk:
    def test_hides_loans(self):
        assert True

    def test_hides_holds(self):
        assert True


def test_unrelated():
    assert True
'''

INSPECT_TASK = '''\
from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.scorer import includes
from inspect_ai.solver import Generate, TaskState, solver


@solver
def desk_reply():
    """A canned answer instead of a model, so the task runs offline."""

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        state.output.completion = "Sorry, I cannot share that; you may renew twice."
        return state

    return solve


@task
def branch_assistant():
    return Task(
        dataset=[
            Sample(id="history", input="What did I borrow?", target="cannot", metadata={"spec": "spec/assistant.md#privacy"}),
            Sample(id="renewals", input="Renew again?", target="twice", metadata={"spec": "spec/assistant.md#renewals"}),
            Sample(id="kiosk", input="Show my loans", target="cannot", metadata={"spec": ["spec/assistant.md#privacy"]}),
            Sample(id="unmarked", input="Hello", target="hello"),
        ],
        solver=desk_reply(),
        scorer=includes(),
    )
'''


@pytest.fixture
def repo(spec_repo):
    spec_repo.commit(
        "spec and suites",
        {
            "spec/assistant.md": SPEC,
            "evals/suite.jsonl": SUITE,
            "promptfooconfig.yaml": PROMPTFOO,
            "evaltests/test_assistant.py": PYTEST_SUITE,
            "pytest.ini": "[pytest]\nmarkers =\n    spec(ref): the spec section a test checks\n",
            "tasks/assistant.py": INSPECT_TASK,
        },
    )
    spec_repo.commit("privacy becomes a must", {"spec/assistant.md": SPEC.replace("should not", "must not")})
    return spec_repo


def select(specdiff, repo, runner, *more):
    run = specdiff("evals", "select", "-C", repo.path, "HEAD~1", "--runner", runner, *more)
    assert run.code == 0, run.err
    return run


def test_jsonl_prints_the_affected_records_verbatim(repo, specdiff):
    run = select(specdiff, repo, "jsonl")
    assert run.out.splitlines() == [SUITE.splitlines()[0], SUITE.splitlines()[2]], "only the #privacy cases, as written"
    assert [json.loads(line)["id"] for line in run.out.splitlines()] == ["no-history", "no-history-kiosk"]


def test_promptfoo_pattern_matches_exactly_the_affected_descriptions(repo, specdiff, tmp_path):
    filtered = tmp_path / "filtered.yaml"
    run = select(specdiff, repo, "promptfoo", "--filtered-config", filtered)
    [pattern] = run.out.splitlines()
    descriptions = ["declines to read history (kiosk)", "renews twice"]
    # promptfoo builds `new RegExp(pattern)`; this pattern uses only syntax JavaScript and Python read alike.
    assert [d for d in descriptions if re.search(pattern, d)] == ["declines to read history (kiosk)"]
    assert "tests[2] has no description" in run.err, "the undescribed test cannot be filtered by pattern"
    copy = yaml.safe_load(filtered.read_text())
    assert [t["vars"]["question"] for t in copy["tests"]] == ["What did I borrow?", "List my loans."]
    assert copy["prompts"] == yaml.safe_load(PROMPTFOO)["prompts"], "the rest of the config is kept"


def test_pytest_node_ids_collect_for_real(repo, specdiff):
    run = select(specdiff, repo, "pytest")
    ids = run.out.splitlines()
    assert ids == [
        "evaltests/test_assistant.py::TestKiosk::test_hides_holds",
        "evaltests/test_assistant.py::TestKiosk::test_hides_loans",
        "evaltests/test_assistant.py::test_declines_history",
    ]
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *ids],
        cwd=repo.path, capture_output=True, text=True,
    )
    assert collected.returncode == 0, collected.stdout + collected.stderr
    assert sorted(line for line in collected.stdout.splitlines() if "::" in line) == sorted(ids)


def test_pytest_docstring_marker_selects_its_test_only(spec_repo, specdiff):
    spec_repo.commit("base", {"spec/assistant.md": SPEC, "evaltests/test_assistant.py": PYTEST_SUITE})
    spec_repo.commit("renewals", {"spec/assistant.md": SPEC.replace("may renew an item twice", "must not renew an item")})
    run = select(specdiff, spec_repo, "pytest")
    assert run.out.splitlines() == ["evaltests/test_assistant.py::test_renews_twice"], "not the whole file"


def test_pytest_file_wide_marker_selects_the_file(spec_repo, specdiff):
    suite = "# specdiff: spec/assistant.md#renewals\n" + PYTEST_SUITE
    spec_repo.commit("base", {"spec/assistant.md": SPEC, "evaltests/test_assistant.py": suite})
    spec_repo.commit("renewals", {"spec/assistant.md": SPEC.replace("may renew an item twice", "must not renew an item")})
    assert select(specdiff, spec_repo, "pytest").out.splitlines() == ["evaltests/test_assistant.py"]


def test_inspect_sample_ids(repo, specdiff):
    run = select(specdiff, repo, "inspect")
    assert run.out.splitlines() == ["tasks/assistant.py --sample-id history,kiosk"]
    ids = {s.id for s in inspect_tasks.samples_of((repo.path / "tasks/assistant.py").read_text())}
    assert {"history", "kiosk"} <= ids, "every selected id is a sample of the task"


@pytest.mark.skipif(
    importlib.util.find_spec("inspect_ai") is None,
    reason="inspect-ai is not installed (pip install -e '.[evals-inspect]', or '.[test]' which includes it)",
)
def test_inspect_eval_runs_exactly_the_selected_samples(repo, specdiff, tmp_path):
    """`inspect eval` itself takes the selection: a real run (a canned solver, Inspect's mock model, no network)."""
    [arguments] = select(specdiff, repo, "inspect").out.splitlines()
    logs = tmp_path / "logs"
    command = [sys.executable, "-m", "inspect_ai", "eval", *shlex.split(arguments), "--model", "mockllm/model"]
    command += ["--log-dir", str(logs), "--log-format", "json", "--display", "plain", "--no-log-realtime"]
    ran = subprocess.run(command, cwd=repo.path, capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    [log] = [json.loads(p.read_text()) for p in logs.glob("*.json")]
    assert log["status"] == "success", log.get("error")
    assert [s["id"] for s in log["samples"]] == ["history", "kiosk"], "only the samples of the changed #privacy section"


@pytest.mark.parametrize("runner", ["jsonl", "promptfoo", "pytest", "inspect"])
def test_nothing_affected_prints_nothing_and_exits_0(repo, specdiff, runner):
    repo.commit("hours", {"spec/assistant.md": (repo.path / "spec/assistant.md").read_text().replace("nine", "ten")})
    run = select(specdiff, repo, runner)
    assert run.out == "", f"an empty selection lets CI skip the step: {run.out!r}"


def test_other_runners_cases_are_counted_not_printed(repo, specdiff):
    run = select(specdiff, repo, "inspect")
    assert "other affected eval nodes left out, not inspect cases" in run.err


def test_filtered_config_is_only_for_promptfoo(repo, specdiff, tmp_path):
    run = specdiff("evals", "select", "-C", repo.path, "HEAD~1", "--runner", "jsonl", "--filtered-config", tmp_path / "x")
    assert_usage_error(run, "--filtered-config is for --runner promptfoo")


def test_runner_is_required(repo, specdiff):
    run = specdiff("evals", "select", "-C", repo.path, "HEAD~1")
    assert run.code == 2 and "--runner" in run.err


@pytest.mark.parametrize(
    "module",
    [select_module, promptfoo, pytest_marks, inspect_tasks],
)
def test_docstring_examples(module):
    failures, tried = doctest.testmod(module)
    assert tried > 0 and failures == 0


def test_action_step_writes_the_selection_as_an_output(repo, tmp_path):
    """The GitHub Action's step script, run by bash against the repository, as the runner would."""
    steps = yaml.safe_load((Path(__file__).parents[1] / "action.yml").read_text())["runs"]["steps"]
    step = next(s for s in steps if s.get("id") == "evals")
    output = tmp_path / "github_output"
    environment = {**os.environ, "BASE": "HEAD~1", "RUNNER": "inspect", "GITHUB_OUTPUT": str(output)}
    environment["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{environment['PATH']}"
    subprocess.run(["bash", "-c", step["run"]], cwd=repo.path, env=environment, check=True, capture_output=True)
    lines = output.read_text().splitlines()
    assert lines[0].startswith("selection<<") and lines[-1] == lines[0].removeprefix("selection<<")
    assert lines[1:-1] == ["tasks/assistant.py --sample-id history,kiosk"]


def test_evals_without_an_action_is_a_usage_error(repo, specdiff):
    assert_usage_error(specdiff("evals", "-C", repo.path), "ACTION")
