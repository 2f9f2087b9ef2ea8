"""``specdiff lint --model``: the model check (CON003) against a fake OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import json

import pytest
from fake_servers import FakeServer, Reply, chat_completion

from specdiff.lint import model_check

KEY = "sk-test-lint-key"
DESK = """\
# Help desk

## Fines {#fines}

The assistant must not read out a patron's fines.

## Renewals {#renewals}

The assistant must confirm the card number before renewing a loan.
"""
ADDED = "The assistant must say aloud what a patron owes when asked at the desk."


@pytest.fixture
def model_repo(spec_repo, monkeypatch):
    spec_repo.commit("v1", {"spec/desk.md": DESK})
    spec_repo.commit("v2", {"spec/desk.md": DESK.replace("renewing a loan.", f"renewing a loan.\n\n{ADDED}")})
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    return spec_repo


def configure(repo, server, **settings):
    lines = [f'base_url = "{server.url}/v1"', 'model = "test-model"'] + [f"{k} = {json.dumps(v)}" for k, v in settings.items()]
    repo.write("specdiff.toml", 'specs = ["spec/*.md"]\n[llm]\n' + "\n".join(lines) + "\n")


def contradicting_the_fines_rule(request):
    """A model that calls the fines rule, wherever it sits among the others, a contradiction."""
    user = json.loads(request.body["messages"][1]["content"])
    ids = [o["id"] for o in user["others"] if "fines" in o["rule"]]
    answer = {"contradictions": [{"id": i, "why": "one forbids reading out what the other requires"} for i in ids]}
    return Reply(200, chat_completion(json.dumps(answer)))


def lint(specdiff, repo, *args):
    run = specdiff("lint", "-C", repo.path, "HEAD~1", "HEAD", "--format", "json", "--fail-on", "never", *args)
    assert run.code == 0, run.err
    return run, json.loads(run.out)["findings"]


def test_model_finds_a_contradiction_in_other_words_and_answers_are_cached(model_repo, specdiff):
    with FakeServer(contradicting_the_fines_rule) as server:
        configure(model_repo, server)
        _, offline = lint(specdiff, model_repo)
        assert server.requests == [] and offline == [], "off by default: no request, and the word checks see nothing"
        run, found = lint(specdiff, model_repo, "--model")
        asked = len(server.requests)
        _, again = lint(specdiff, model_repo, "--model")
    assert [f["check"] for f in found] == ["CON003"], found
    assert found[0]["other"]["line"] == 5 and "read out a patron's fines" in found[0]["evidence"]
    assert "contradicting" in found[0]["message"] and found[0]["lines"][0] == 11
    assert asked == 1 and len(server.requests) == 1 and again == found, "one request per changed rule, none on a rerun"
    user = json.loads(server.requests[0].body["messages"][1]["content"])
    assert user["rule"] == ADDED and any("fines" in o["rule"] for o in user["others"])
    assert KEY not in run.out + run.err


@pytest.mark.parametrize(
    ("answer", "settings", "reason"),
    [
        (lambda r: Reply(200, chat_completion("not JSON at all")), {}, "not JSON"),
        (lambda r: Reply(200, chat_completion('{"verdict": "none"}')), {}, 'no "contradictions" list'),
        (lambda r: Reply(500, {"error": "down"}), {"retries": 0}, "answered 500"),
        (lambda r: Reply(200, chat_completion('{"contradictions": []}'), delay=2.0), {"timeout": 0.3, "retries": 0}, "in time"),
    ],
    ids=["malformed", "wrong-shape", "server-error", "timeout"],
)
def test_model_failures_add_no_finding_and_one_warning(model_repo, specdiff, answer, settings, reason):
    with FakeServer(answer) as server:
        configure(model_repo, server, **settings)
        run, found = lint(specdiff, model_repo, "--model")
    assert found == []
    warnings = [line for line in run.err.splitlines() if "model check" in line]
    assert len(warnings) == 1 and reason in warnings[0], run.err
    cache = model_repo.path / ".git" / "specdiff" / "llm"
    assert not cache.exists() or not any(cache.iterdir()), "a failed answer is not cached"


def test_without_a_key_the_model_check_is_skipped_with_a_warning(model_repo, specdiff, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY")
    with FakeServer(contradicting_the_fines_rule) as server:
        configure(model_repo, server)
        run, found = lint(specdiff, model_repo, "--model")
    assert found == [] and server.requests == [] and "needs OPENAI_API_KEY" in run.err


def test_an_answer_naming_a_rule_it_was_not_given_is_dropped():
    assert model_check.read_answer('{"contradictions": [{"id": 9, "why": "x"}, {"id": true, "why": "y"}]}', 3) == []
