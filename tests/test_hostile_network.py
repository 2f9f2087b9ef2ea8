"""Hostile or broken servers: GitHub and the language model, faked on 127.0.0.1.

The token goes only to the API's host, is never printed, and a bad answer of any shape is one
line on stderr (GitHub) or one warning with the offline reading kept (the model).
"""

from __future__ import annotations

import json

import pytest
from fake_servers import FakeServer, RawServer, Reply, chat_completion, raw_reply
from helpers import assert_usage_error

from specdiff.render.markdown import MARKER

TOKEN = "ghs_hostile-0123456789-do-not-print"
KEY = "sk-hostile-0123456789-do-not-print"
V1 = "# Rules {#rules}\n\nThe assistant should answer in English.\n"
V2 = "# Rules {#rules}\n\nThe assistant must answer in English.\n"
COMMENTS = "/repos/owner/repo/issues/7/comments"


@pytest.fixture
def pr(spec_repo, monkeypatch, tmp_path):
    """A changed spec and the Actions environment of a pull request on owner/repo#7."""
    spec_repo.commit("first", {"spec.md": V1})
    spec_repo.commit("second", {"spec.md": V2})
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": 7}}))
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_REPOSITORY", "owner/repo")
    monkeypatch.setenv("GITHUB_EVENT_PATH", str(event))
    monkeypatch.setattr("specdiff.github.BACKOFF_SECONDS", 0.01)
    return spec_repo


def post(specdiff, repo, api_url, monkeypatch):
    monkeypatch.setenv("GITHUB_API_URL", api_url)
    result = specdiff("comment", "-C", repo.path, "HEAD~1", "HEAD", "--post")
    assert TOKEN not in result.out + result.err, "the token is never printed"
    assert "Traceback" not in result.err
    return result


def listing(*comments, link=None, login="specdiff-bot"):
    """A GitHub that lists ``comments``, knows its user as ``login`` and accepts posts and edits."""

    def answer(request):
        path = request.path.split("?")[0]
        if request.method == "GET" and path == COMMENTS:
            return Reply(200, list(comments), {"Link": link(request)} if link else {})
        if path == "/user":
            return Reply(200, {"login": login})
        return Reply(201 if request.method == "POST" else 200, {"id": 99, "body": "x"})

    return answer


def test_a_redirect_to_another_host_is_not_followed(pr, specdiff, monkeypatch):
    with FakeServer(listing()) as elsewhere, FakeServer(lambda r: Reply(302, {}, {"Location": f"{elsewhere.url}/x"})) as api:
        result = post(specdiff, pr, api.url, monkeypatch)
    assert_usage_error(result, "302", "redirect")
    assert elsewhere.requests == []


def test_a_next_page_on_another_host_is_refused(pr, specdiff, monkeypatch):
    with FakeServer(listing()) as elsewhere:
        with FakeServer(listing(link=lambda r: f'<{elsewhere.url}{COMMENTS}?page=2>; rel="next"')) as api:
            result = post(specdiff, pr, api.url, monkeypatch)
    assert_usage_error(result, "another host")
    assert elsewhere.requests == []


def test_a_next_page_loop_is_stopped(pr, specdiff, monkeypatch):
    with FakeServer(listing(link=lambda r: f'<{api.url}{COMMENTS}?page=1>; rel="next"')) as api:
        result = post(specdiff, pr, api.url, monkeypatch)
    assert_usage_error(result, "loop")
    assert len(api.requests) == 2


def test_a_token_with_a_trailing_newline_is_stripped(pr, specdiff, monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN + "\n")
    with FakeServer(listing()) as api:
        result = post(specdiff, pr, api.url, monkeypatch)
    assert result.code == 0, result.err
    assert {r.headers["authorization"] for r in api.requests} == {f"Bearer {TOKEN}"}


@pytest.mark.parametrize("token", [f"ghs abc {TOKEN}", f"{TOKEN}\r\nX-Evil: 1"], ids=["space", "header-injection"])
def test_a_malformed_token_is_refused_unsent_and_unprinted(pr, specdiff, monkeypatch, token):
    monkeypatch.setenv("GITHUB_TOKEN", token)
    with FakeServer(listing()) as api:
        result = post(specdiff, pr, api.url, monkeypatch)
    assert_usage_error(result, "GITHUB_TOKEN")
    assert api.requests == []


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/", "javascript:alert(1)"])
def test_only_http_api_urls(pr, specdiff, monkeypatch, url):
    assert_usage_error(post(specdiff, pr, url, monkeypatch), "GITHUB_API_URL")


@pytest.mark.parametrize(
    "headers",
    [{"Retry-After": "-1"}, {"Retry-After": "nan"}, {"x-ratelimit-remaining": "0", "x-ratelimit-reset": "soon"}],
    ids=["negative-retry-after", "nan-retry-after", "reset-not-a-number"],
)
def test_odd_rate_limit_headers_mean_the_usual_backoff(pr, specdiff, monkeypatch, headers):
    replies = [Reply(429 if "Retry-After" in headers else 403, {"message": "slow"}, headers)]
    fine = listing()
    with FakeServer(lambda r: replies.pop() if replies else fine(r)) as api:
        result = post(specdiff, pr, api.url, monkeypatch)
    assert result.code == 0 and "comment created" in result.err, result.err


BROKEN_ANSWERS = {
    "not-json": raw_reply(200, b"<html>oops</html>"),
    "truncated": raw_reply(200, b"[]").replace(b"Content-Length: 2", b"Content-Length: 9"),
    "bad-status-line": b"HTTP/1.1 two hundred OK\r\n\r\n",
    "not-http": b"SSH-2.0-OpenSSH\r\n",
    "deep-json": raw_reply(200, b"[" * 100_000 + b"]" * 100_000),
    "object-not-list": raw_reply(200, b'{"a": 1}'),
}


@pytest.mark.parametrize("answer", BROKEN_ANSWERS.values(), ids=BROKEN_ANSWERS.keys())
def test_a_broken_answer_is_one_line(pr, specdiff, monkeypatch, answer):
    with RawServer(answer) as api:
        assert_usage_error(post(specdiff, pr, api.url, monkeypatch), "GitHub")


def test_a_dripping_server_meets_a_total_deadline(pr, specdiff, monkeypatch):
    monkeypatch.setattr("specdiff.github.TIMEOUT_SECONDS", 1.0)
    with RawServer(*[bytes([c]) for c in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 100], pause=0.05) as api:
        result = post(specdiff, pr, api.url, monkeypatch)
    assert_usage_error(result, "within 1 seconds")
    assert api.connections == 1, "a request that used the whole deadline is not tried again"


def test_a_huge_answer_is_cut(pr, specdiff, monkeypatch):
    monkeypatch.setattr("specdiff.github.MAX_RESPONSE_BYTES", 1000)
    with RawServer(raw_reply(200, b"[" + b'"x",' * 1000 + b'"x"]')) as api:
        assert_usage_error(post(specdiff, pr, api.url, monkeypatch), "over")


def test_a_marker_comment_without_an_id_is_not_edited(pr, specdiff, monkeypatch):
    with FakeServer(listing({"body": f"{MARKER}\n\nold", "user": {"login": "specdiff-bot"}})) as api:
        result = post(specdiff, pr, api.url, monkeypatch)
    assert result.code == 0 and "comment created" in result.err
    assert [r.method for r in api.requests] == ["GET", "GET", "POST"]


def test_a_strangers_marker_comment_is_not_hijacked(pr, specdiff, monkeypatch):
    stranger = {"id": 5, "body": f"{MARKER}\n\nI am not specdiff", "user": {"login": "mallory"}}
    with FakeServer(listing(stranger)) as api:
        result = post(specdiff, pr, api.url, monkeypatch)
    assert result.code == 0 and "comment created" in result.err
    assert "PATCH" not in [r.method for r in api.requests]


def test_our_own_marker_comment_is_updated(pr, specdiff, monkeypatch):
    ours = {"id": 5, "body": f"{MARKER}\n\nold", "user": {"login": "specdiff-bot"}}
    with FakeServer(listing(ours)) as api:
        result = post(specdiff, pr, api.url, monkeypatch)
    assert result.code == 0 and "comment updated" in result.err
    assert [(r.method, r.path) for r in api.requests][-1] == ("PATCH", "/repos/owner/repo/issues/comments/5")


@pytest.mark.parametrize(
    "event",
    ["[" * 100_000 + "]" * 100_000, '{"pull_request": [7]}', '{"pull_request": {"number": true}}'],
    ids=["nested", "list", "bool-number"],
)
def test_a_hostile_event_file_is_one_line(pr, specdiff, monkeypatch, tmp_path, event):
    (tmp_path / "event.json").write_text(event)
    with FakeServer(listing()) as api:
        assert_usage_error(post(specdiff, pr, api.url, monkeypatch), "event")


def test_a_servers_message_cannot_drive_the_terminal(pr, specdiff, monkeypatch):
    with FakeServer(lambda r: Reply(404, {"message": "\x1b]0;owned\x07 Not Found"})) as api:
        line = assert_usage_error(post(specdiff, pr, api.url, monkeypatch), "404")
    assert "\x1b" not in line and "\x07" not in line


# The language model: any malformed answer leaves the offline reading and one warning.


@pytest.fixture
def model_repo(spec_repo, monkeypatch):
    spec_repo.commit("first", {"spec.md": V1})
    spec_repo.commit("second", {"spec.md": V2})
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    return spec_repo


def explain(specdiff, repo, url, **settings):
    lines = [f'base_url = "{url}/v1"', 'model = "m"', "retries = 0"] + [f"{k} = {json.dumps(v)}" for k, v in settings.items()]
    repo.write("specdiff.toml", "[llm]\n" + "\n".join(lines) + "\n")
    result = specdiff("-C", repo.path, "HEAD~1", "HEAD", "--format", "json")
    assert result.code == 0 and "Traceback" not in result.err, result.err
    assert KEY not in result.out + result.err
    data = json.loads(result.out)
    assert [a["explanation"] for f in data["files"] for a in f["amendments"]] == [None]
    assert data["summary"]["amendments"] == 1, "the offline reading is intact"
    warnings = result.err.splitlines()
    assert len(warnings) == 1 and warnings[0].startswith("specdiff: warning: no explanation"), warnings
    return warnings[0]


def completion_with(content: object) -> dict:
    body = chat_completion("")
    body["choices"][0]["message"]["content"] = content
    return body


MODEL_ANSWERS = {
    "html": b"<html><body>502 Bad Gateway</body></html>",
    "choices-null": {"id": "c", "choices": None},
    "choices-text": {"id": "c", "choices": "many"},
    "choice-text": {"id": "c", "choices": ["x"]},
    "message-null": {"id": "c", "choices": [{"message": None}]},
    "content-number": completion_with(42),
    "content-object": completion_with({"amendments": []}),
    "content-deep-json": completion_with("[" * 100_000 + "]" * 100_000),
    "body-deep-json": b"[" * 100_000 + b"]" * 100_000,
    "entry-id-list": chat_completion('{"amendments": [{"id": ["x"], "summary": "s", "verdict": "narrowed"}]}'),
    "entry-summary-number": chat_completion('{"amendments": [{"id": "x", "summary": 1, "verdict": "narrowed"}]}'),
}


@pytest.mark.parametrize("answer", MODEL_ANSWERS.values(), ids=MODEL_ANSWERS.keys())
def test_a_malformed_model_answer_falls_back_with_one_warning(model_repo, specdiff, answer):
    with FakeServer(lambda r: Reply(200, answer)) as server:
        explain(specdiff, model_repo, server.url)


def test_a_huge_model_answer_is_cut(model_repo, specdiff, monkeypatch):
    monkeypatch.setattr("specdiff.llm.MAX_ANSWER_BYTES", 10_000)
    with FakeServer(lambda r: Reply(200, chat_completion("x" * 50_000))) as server:
        assert "over" in explain(specdiff, model_repo, server.url)


def test_a_dripping_model_meets_a_total_deadline(model_repo, specdiff):
    body = json.dumps(chat_completion("{}")).encode()
    head = raw_reply(200, body)[: -len(body)]
    with RawServer(head, *[bytes([c]) for c in body], pause=0.01) as server:
        assert "within 1 seconds" in explain(specdiff, model_repo, server.url, timeout=1)


def test_model_output_cannot_drive_the_terminal(model_repo, specdiff):
    def answer(request):
        user = next(m["content"] for m in request.body["messages"] if m["role"] == "user")
        [item] = json.loads(user)["amendments"]
        entry = {"id": item["id"], "summary": "Fine \x1b]0;owned\x07 \x9b2J", "verdict": "narrowed", "rationale": "x"}
        return Reply(200, chat_completion(json.dumps({"amendments": [entry]})))

    model_repo.write("specdiff.toml", "[llm]\n")
    with FakeServer(answer) as server:
        model_repo.write("specdiff.toml", f'[llm]\nbase_url = "{server.url}/v1"\n')
        result = specdiff("-C", model_repo.path, "HEAD~1", "HEAD")
    assert "Fine \\u001b]0;owned\\u0007 \\u009b2J" in result.out


def test_an_infinite_retry_after_fails_at_once(pr, specdiff, monkeypatch):
    with FakeServer(lambda r: Reply(429, {"message": "slow"}, {"Retry-After": "1e400"})) as api:
        assert_usage_error(post(specdiff, pr, api.url, monkeypatch), "429")
    assert len(api.requests) == 1


def test_a_body_dripping_after_its_headers_meets_the_deadline(pr, specdiff, monkeypatch):
    monkeypatch.setattr("specdiff.github.TIMEOUT_SECONDS", 1.0)
    body = b" " * 200 + b"[]"
    with RawServer(raw_reply(200, body)[: -len(body)], *[bytes([c]) for c in body], pause=0.02) as api:
        assert_usage_error(post(specdiff, pr, api.url, monkeypatch), "within 1 seconds")


def test_a_model_answer_cut_short_falls_back(model_repo, specdiff):
    body = json.dumps(chat_completion("{}")).encode()
    with RawServer(raw_reply(200, body)[:-10]) as server:
        warning = explain(specdiff, model_repo, server.url)
    # Alone it is always "broke off"; about one suite run in four, under load, the HTTP library
    # reported the cut as a failed connection instead (cause not found yet). Either way the
    # offline reading stands with one warning, which explain() checks.
    assert "broke off" in warning or "could not reach" in warning, warning
