"""The optional language model, through the real ``openai`` client, against a fake server on 127.0.0.1."""

from __future__ import annotations

import json
from itertools import count

import pytest
from fake_servers import FakeServer, Reply, chat_completion, explaining

KEY = "sk-test-0123456789-do-not-print"

V1 = "# Rules {#rules}\n\nThe assistant should answer in English.\n\nKeep it short.\n\nNames are optional.\n"
V2 = "# Rules {#rules}\n\nThe assistant must answer in English.\n\nKeep it brief.\n\nNames are optional.\n\nNever guess a name.\n"


@pytest.fixture
def repo(spec_repo, monkeypatch):
    spec_repo.commit("first", {"spec.md": V1})
    spec_repo.commit("second", {"spec.md": V2})
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    return spec_repo


def configure(repo, server, **settings):
    lines = [f'base_url = "{server.url}/v1"', 'model = "test-model"'] + [f"{k} = {json.dumps(v)}" for k, v in settings.items()]
    repo.write("specdiff.toml", "[llm]\n" + "\n".join(lines) + "\n")


def run(specdiff, repo, *extra):
    result = specdiff("-C", repo.path, "HEAD~1", "HEAD", "--format", "json", *extra)
    assert result.code == 0, result.err
    assert KEY not in result.out and KEY not in result.err, "the API key is never printed"
    return json.loads(result.out), result.err


def explained(data):
    return {a["id"]: a["explanation"] for f in data["files"] for a in f["amendments"]}


def substantive_ids(data):
    return {a["id"] for f in data["files"] for a in f["amendments"] if a["severity"] != "editorial"}


def test_substantive_amendments_get_a_summary_and_verdict(repo, specdiff):
    with FakeServer(explaining) as server:
        configure(repo, server)
        data, err = run(specdiff, repo)
    assert err == ""
    explanations = explained(data)
    for amendment_id in substantive_ids(data):
        assert explanations[amendment_id] == {
            "summary": f"Summary of {amendment_id}.",
            "verdict": "narrowed",
            "rationale": "Because.",
            "model": "test-model",
        }
    (request,) = server.requests
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert request.body["model"] == "test-model" and request.body["response_format"] == {"type": "json_object"}
    asked = {item["id"] for item in json.loads(request.body["messages"][1]["content"])["amendments"]}
    assert asked == substantive_ids(data), "editorial amendments are not sent"


def test_a_rerun_is_answered_from_the_cache(repo, specdiff):
    with FakeServer(explaining) as server:
        configure(repo, server)
        first, _ = run(specdiff, repo)
        second, _ = run(specdiff, repo)
    assert len(server.requests) == 1, "the second run sends nothing"
    assert explained(first) == explained(second)
    cache = repo.path / ".git" / "specdiff" / "llm"
    files = list(cache.iterdir())
    assert files and all(KEY not in f.read_text() for f in files), "the key is never written to disk"


def test_batches_hold_at_most_batch_size_amendments(repo, specdiff):
    with FakeServer(explaining) as server:
        configure(repo, server, batch_size=1, concurrency=2)
        data, _ = run(specdiff, repo)
    assert len(server.requests) == len(substantive_ids(data)) >= 2
    assert all(explained(data)[i] for i in substantive_ids(data))


def test_rate_limit_is_retried(repo, specdiff):
    calls = count()

    def limited_once(request):
        if next(calls) == 0:
            return Reply(429, {"error": {"message": "slow down", "type": "rate_limit"}}, {"retry-after-ms": "10"})
        return explaining(request)

    with FakeServer(limited_once) as server:
        configure(repo, server)
        data, err = run(specdiff, repo)
    assert len(server.requests) == 2 and err == ""
    assert all(explained(data)[i] for i in substantive_ids(data))


@pytest.mark.parametrize(
    ("answer", "settings", "reason"),
    [
        (lambda r: Reply(500, {"error": {"message": "boom"}}), {"retries": 1}, "the server answered 500"),
        (lambda r: Reply(200, chat_completion("this is not JSON")), {}, "not JSON"),
        (lambda r: Reply(200, chat_completion('{"amendments": [{"id": "nope"}]}')), {}, "explained none"),
        (lambda r: Reply(200, chat_completion('{"verdicts": []}')), {}, 'no "amendments" list'),
        (lambda r: Reply(401, {"error": {"message": "bad key"}}), {}, "refused (401)"),
        (lambda r: Reply(200, chat_completion("{}"), delay=2.0), {"timeout": 0.3, "retries": 0}, "did not answer in time"),
    ],
    ids=["server-error", "malformed-json", "unknown-ids", "wrong-shape", "bad-key", "timeout"],
)
def test_failures_fall_back_to_the_offline_reading_with_one_warning(repo, specdiff, answer, settings, reason):
    with FakeServer(answer) as server:
        configure(repo, server, **settings)
        data, err = run(specdiff, repo)
    assert all(e is None for e in explained(data).values()), "nothing half-explained"
    warnings = err.splitlines()
    assert len(warnings) == 1 and warnings[0].startswith("specdiff: warning: no explanation for"), err
    assert reason in warnings[0]
    assert data["summary"]["amendments"] == len(explained(data)), "the offline result is intact"
    assert not (repo.path / ".git" / "specdiff" / "llm").exists() or not any(
        (repo.path / ".git" / "specdiff" / "llm").iterdir()
    ), "a failed answer is not cached"


def test_without_a_key_nothing_is_sent(repo, specdiff, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY")
    with FakeServer(explaining) as server:
        configure(repo, server)
        data, err = run(specdiff, repo)
    assert server.requests == []
    assert "needs OPENAI_API_KEY" in err
    assert all(e is None for e in explained(data).values())


def test_explain_flag_switches_it_on_and_off(repo, specdiff, monkeypatch):
    with FakeServer(explaining) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", f"{server.url}/v1")
        data, _ = run(specdiff, repo)
        assert server.requests == [], "off without config or flag"
        data, _ = run(specdiff, repo, "--explain")
        assert len(server.requests) == 1 and any(explained(data).values())
        configure(repo, server)
        run(specdiff, repo, "--no-explain")
        assert len(server.requests) == 1, "--no-explain wins over the config"


def test_terminal_shows_the_summary(repo, specdiff):
    with FakeServer(explaining) as server:
        configure(repo, server)
        out = specdiff("-C", repo.path, "HEAD~1", "HEAD", "--color", "never").out
    assert "✎ Summary of" in out and "[narrowed]" in out


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('api_key = "sk-x"', "OPENAI_API_KEY"),
        ('timeout = "soon"', "llm.timeout must be a number of seconds"),
        ("batch_size = 0", "llm.batch_size must be a whole number from 1"),
        ("colour = true", "llm.colour is not an llm setting"),
    ],
)
def test_bad_llm_settings_are_one_line_errors(repo, specdiff, table, message):
    repo.write("specdiff.toml", f"[llm]\n{table}\n")
    result = specdiff("-C", repo.path, "HEAD~1")
    assert result.code == 2 and result.err.count("\n") == 1 and message in result.err
    assert "sk-x" not in result.err
